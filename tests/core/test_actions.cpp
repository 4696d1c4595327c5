// Actions: each applies through the one pure update, a refused action names its reason and
// changes nothing, every action has a JSON form that round trips, and undo/redo works.
#include "helpers.hpp"

using mastery::Json;
using test::apply;
using test::earn;
using test::refusal;

TEST_CASE("each applied action is logged in the activity history") {
    auto r = test::record();
    r = apply(r, {{"type", "add_goal"}, {"competency", "graphs"}, {"target_level", 2}, {"at", "2026-09-01T09:00:00Z"}});
    REQUIRE(r.activity.size() == 1);
    CHECK(r.activity[0].at == "2026-09-01T09:00:00Z");
    CHECK(r.activity[0].type == "add_goal");
    CHECK(r.activity[0].summary == "Added goal Graphs · Developing");
}

TEST_CASE("actions that do not apply are refused with a reason and change nothing") {
    auto r = test::record();
    SUBCASE("unknown competency") {
        CHECK(refusal(r, {{"type", "add_evidence"}, {"competency", "alg-2"}, {"level", 1}, {"kind", "text"}, {"text", "x"}}) ==
              "unknown competency \"alg-2\"");
    }
    SUBCASE("a level that does not exist") {
        CHECK(refusal(r, {{"type", "add_goal"}, {"competency", "graphs"}, {"target_level", 7}}) == "\"Graphs\" has no level 7 (it has 3)");
    }
    SUBCASE("a locked level") {
        CHECK(refusal(r, {{"type", "add_evidence"}, {"competency", "ratios"}, {"level", 1}, {"kind", "text"}, {"text", "x"}}) ==
              "Ratios · Beginning is locked: first earn Fractions · Developing");
        CHECK(refusal(r, {{"type", "submit_for_review"}, {"competency", "fractions"}, {"level", 2}}) ==
              "Fractions · Developing is locked: first earn Fractions · Beginning");
    }
    SUBCASE("submitting without evidence") {
        CHECK(refusal(r, {{"type", "submit_for_review"}, {"competency", "graphs"}, {"level", 1}}) ==
              "add some evidence before you submit Graphs · Beginning");
    }
    SUBCASE("a review with nothing submitted") {
        CHECK(refusal(r, {{"type", "record_review"}, {"competency", "graphs"}, {"level", 1}, {"reviewer", "T"},
                          {"decisions", {{{"criterion", "c1"}, {"rating", "met"}}, {{"criterion", "c2"}, {"rating", "met"}}}}}) ==
              "Graphs · Beginning has no submission waiting for review");
    }
    SUBCASE("a review that skips a criterion") {
        r = apply(r, {{"type", "add_evidence"}, {"competency", "graphs"}, {"level", 1}, {"kind", "text"}, {"text", "x"}});
        r = apply(r, {{"type", "submit_for_review"}, {"competency", "graphs"}, {"level", 1}});
        CHECK(refusal(r, {{"type", "record_review"}, {"competency", "graphs"}, {"level", 1}, {"reviewer", "T"},
                          {"decisions", {{{"criterion", "c1"}, {"rating", "met"}}}}}) ==
              "decide \"met\" or \"not yet\" for every criterion; missing: I solve a real problem using Graphs");
        CHECK(refusal(r, {{"type", "add_evidence"}, {"competency", "graphs"}, {"level", 1}, {"kind", "text"}, {"text", "more"}}) ==
              "Graphs · Beginning is waiting for review; you can add more after the review");
    }
    SUBCASE("work on an earned level") {
        r = earn(r, "graphs", 1);
        CHECK(refusal(r, {{"type", "add_evidence"}, {"competency", "graphs"}, {"level", 1}, {"kind", "text"}, {"text", "x"}}) ==
              "Graphs · Beginning is already earned");
    }
    SUBCASE("unsafe or empty evidence") {
        CHECK(refusal(r, {{"type", "add_evidence"}, {"competency", "graphs"}, {"level", 1}, {"kind", "link"}, {"url", "javascript:alert(1)"}}) ==
              "a link must start with http:// or https://");
        CHECK(refusal(r, {{"type", "add_evidence"}, {"competency", "graphs"}, {"level", 1}, {"kind", "text"}, {"text", "  \n"}}) == "the text is empty");
        CHECK(refusal(r, {{"type", "add_evidence"}, {"competency", "graphs"}, {"level", 1}, {"kind", "image"}, {"mime", "text/html"}, {"data", "PGI+"}}) ==
              "images can be PNG, JPEG, GIF or WebP");
    }
    SUBCASE("the same goal twice") {
        r = apply(r, {{"type", "add_goal"}, {"stack", "any-two"}});
        CHECK(refusal(r, {{"type", "add_goal"}, {"stack", "any-two"}}) == "Any Two is already in your plan");
    }
    SUBCASE("a bad date") {
        CHECK(refusal(r, {{"type", "add_goal"}, {"stack", "any-two"}, {"target_date", "next week"}}) ==
              "the target date \"next week\" is not a date (YYYY-MM-DD)");
    }
    SUBCASE("an empty name") { CHECK(refusal(r, {{"type", "set_learner_name"}, {"name", "  "}}) == "a name cannot be empty (a nickname is fine)"); }
    SUBCASE("a badge for something that does not exist") {
        CHECK(refusal(r, {{"type", "set_badge_design"}, {"key", "competency:graphs:9"}, {"design", Json::object()}}) ==
              "unknown badge \"competency:graphs:9\" (use competency:<id>:<level> or stack:<id>)");
        CHECK(refusal(r, {{"type", "set_badge_design"}, {"key", "stack:big"}, {"design", {{"shape", "hexagon"}}}})
                  .rfind("badge design: ", 0) == 0);
    }
}

TEST_CASE("malformed action JSON is refused with its place") {
    CHECK(mastery::action_from_json(Json::array()).first_error() == "an action is a JSON object with a \"type\"");
    CHECK(mastery::action_from_json({{"type", "fly"}}).first_error() == "/type: unknown action type \"fly\"");
    CHECK(mastery::action_from_json({{"type", "add_evidence"}, {"level", 1}}).first_error() == "missing required key \"competency\"");
    CHECK(mastery::action_from_json({{"type", "move_goal"}, {"goal", "g1"}, {"to", "top"}}).first_error() == "/to: expected a whole number");
    CHECK(mastery::action_from_json({{"type", "record_review"}, {"competency", "x"}, {"level", 1}, {"reviewer", "T"},
                                     {"decisions", {{{"criterion", "c1"}, {"rating", "maybe"}}}}})
              .first_error() == "/decisions/0/rating: unknown value \"maybe\"");
}

TEST_CASE("every action's JSON form round trips") {
    std::vector<Json> actions = {
        {{"type", "set_learner_name"}, {"name", "Zoë"}, {"at", "2026-09-01T09:00:00Z"}},
        {{"type", "add_goal"}, {"competency", "graphs"}, {"target_level", 2}, {"target_date", "2026-12-15"}},
        {{"type", "add_goal"}, {"stack", "big"}},
        {{"type", "remove_goal"}, {"goal", "g1"}},
        {{"type", "move_goal"}, {"goal", "g2"}, {"to", 0}},
        {{"type", "set_goal_target"}, {"goal", "g2"}, {"target_level", 3}, {"target_date", ""}},
        {{"type", "add_evidence"}, {"competency", "graphs"}, {"level", 1}, {"kind", "image"}, {"part", "artifact"}, {"text", "my chart"}, {"mime", "image/png"}, {"data", "iVBORw0KGgo="}},
        {{"type", "update_evidence"}, {"evidence", "e1"}, {"text", "better"}, {"url", ""}},
        {{"type", "remove_evidence"}, {"evidence", "e1"}},
        {{"type", "set_self_assessment"}, {"competency", "graphs"}, {"level", 1}, {"criterion", "c1"}, {"rating", "not_yet"}},
        {{"type", "submit_for_review"}, {"competency", "graphs"}, {"level", 1}, {"note", "Please look at the axes"}},
        {{"type", "record_review"}, {"competency", "graphs"}, {"level", 1}, {"reviewer", "Ms. Okafor"}, {"role", "teacher"},
         {"decisions", {{{"criterion", "c1"}, {"rating", "met"}, {"comment", ""}}}}, {"feedback", "Great"}},
        {{"type", "set_badge_design"}, {"key", "stack:big"}, {"design", {{"shape", "hexagon"}}}},
        {{"type", "set_stalled_after_days"}, {"days", 21}},
    };
    for (const auto& j : actions) {
        CAPTURE(j.dump());
        auto a = mastery::action_from_json(j);
        REQUIRE_MESSAGE(a.ok(), a.first_error());
        CHECK(mastery::to_json(*a.value) == j);
        CHECK(std::string(mastery::type_of(*a.value)) == j["type"].get<std::string>());
    }
}

TEST_CASE("plan goals can be reordered, retargeted and removed") {
    auto r = test::record();
    r = apply(r, {{"type", "add_goal"}, {"competency", "graphs"}, {"target_level", 2}});
    r = apply(r, {{"type", "add_goal"}, {"stack", "any-two"}});
    r = apply(r, {{"type", "add_goal"}, {"competency", "fractions"}, {"target_level", 1}});
    CHECK(r.plan[2].id == "g3");
    r = apply(r, {{"type", "move_goal"}, {"goal", "g3"}, {"to", 0}});
    CHECK(r.plan[0].target == "fractions");
    CHECK(r.plan[1].target == "graphs");
    r = apply(r, {{"type", "set_goal_target"}, {"goal", "g1"}, {"target_level", 3}, {"target_date", "2026-12-15"}});
    CHECK(r.plan[1].target_level == 3);
    CHECK(r.plan[1].target_date == "2026-12-15");
    CHECK(refusal(r, {{"type", "set_goal_target"}, {"goal", "g2"}, {"target_level", 2}}) == "a stack goal has no target level");
    CHECK(refusal(r, {{"type", "move_goal"}, {"goal", "g1"}, {"to", 3}}) == "position 3 is outside the plan (0 to 2)");
    r = apply(r, {{"type", "remove_goal"}, {"goal", "g2"}});
    CHECK(r.plan.size() == 2);
}

TEST_CASE("evidence offered in a submission stays in the history") {
    auto r = test::record();
    r = apply(r, {{"type", "add_evidence"}, {"competency", "graphs"}, {"level", 1}, {"kind", "text"}, {"text", "first"}});
    r = apply(r, {{"type", "submit_for_review"}, {"competency", "graphs"}, {"level", 1}});
    r = apply(r, {{"type", "record_review"}, {"competency", "graphs"}, {"level", 1}, {"reviewer", "T"},
                  {"decisions", {{{"criterion", "c1"}, {"rating", "not_yet"}}, {{"criterion", "c2"}, {"rating", "met"}}}}});
    CHECK(refusal(r, {{"type", "remove_evidence"}, {"evidence", "e1"}}) == "this evidence was part of an earlier submission and stays in the history");
    r = apply(r, {{"type", "add_evidence"}, {"competency", "graphs"}, {"level", 1}, {"kind", "text"}, {"text", "second"}});
    r = apply(r, {{"type", "update_evidence"}, {"evidence", "e2"}, {"text", "second, improved"}});
    CHECK(r.work[0].evidence[1].text == "second, improved");
    r = apply(r, {{"type", "submit_for_review"}, {"competency", "graphs"}, {"level", 1}, {"note", "I fixed the axes"}});
    const auto& w = r.work[0];
    REQUIRE(w.submissions.size() == 2);
    CHECK(w.submissions[1].attempt == 2);
    CHECK(w.submissions[1].evidence == std::vector<std::string>{"e1", "e2"});
    CHECK(w.submissions[1].note == "I fixed the axes");
}

TEST_CASE("self-assessment is kept beside the review, never merged into it") {
    auto r = test::record();
    r = apply(r, {{"type", "set_self_assessment"}, {"competency", "graphs"}, {"level", 1}, {"criterion", "c1"}, {"rating", "met"}});
    r = apply(r, {{"type", "set_self_assessment"}, {"competency", "graphs"}, {"level", 1}, {"criterion", "c1"}, {"rating", "not_yet"}});
    r = apply(r, {{"type", "add_evidence"}, {"competency", "graphs"}, {"level", 1}, {"kind", "text"}, {"text", "x"}});
    r = apply(r, {{"type", "submit_for_review"}, {"competency", "graphs"}, {"level", 1}});
    r = apply(r, {{"type", "record_review"}, {"competency", "graphs"}, {"level", 1}, {"reviewer", "T"},
                  {"decisions", {{{"criterion", "c1"}, {"rating", "met"}}, {{"criterion", "c2"}, {"rating", "met"}}}}});
    const auto& w = r.work[0];
    CHECK(w.self_assessment == std::vector<mastery::SelfAssessment>{{"c1", mastery::Rating::not_yet}});
    CHECK(w.submissions[0].self_assessment == w.self_assessment);
    CHECK(w.reviews[0].earned());
}

TEST_CASE("undo and redo walk through applied actions") {
    mastery::History h(test::record());
    CHECK_FALSE(h.can_undo());
    auto add = mastery::action_from_json({{"type", "add_goal"}, {"stack", "big"}});
    auto rename = mastery::action_from_json({{"type", "set_learner_name"}, {"name", "Kit"}});
    CHECK(h.apply(*add.value).ok);
    CHECK(h.apply(*rename.value).ok);
    CHECK(h.present().learner_name == "Kit");
    CHECK(h.undo());
    CHECK(h.present().learner_name == "Robin");
    CHECK(h.present().plan.size() == 1);
    CHECK(h.redo());
    CHECK(h.present().learner_name == "Kit");
    CHECK(h.undo());
    CHECK(h.undo());
    CHECK(h.present() == test::record());
    CHECK_FALSE(h.undo());
    // a refused action leaves history alone
    auto bad = mastery::action_from_json({{"type", "remove_goal"}, {"goal", "nope"}});
    auto rev = h.revision();
    CHECK_FALSE(h.apply(*bad.value).ok);
    CHECK(h.revision() == rev);
    CHECK(h.can_redo());
    CHECK(h.apply(*add.value).ok);
    CHECK_FALSE(h.can_redo());
}

namespace {
bool h_ok(const mastery::UpdateResult& r) {
    if (!r.ok) MESSAGE(r.error);
    return r.ok;
}
}  // namespace

TEST_CASE("an import in history: the imported record becomes the present, refusals and no-ops leave it") {
    mastery::History h(test::record());
    mastery::LearnerRecord other = test::record();
    other.id = "rec-2";
    other.learner_name = "Sam";
    mastery::Action replace{mastery::ReplaceRecord{other}, "2026-09-02T08:00:00Z"};
    auto r = h.apply(replace);
    REQUIRE_MESSAGE(r.ok, r.error);
    CHECK(h.present().id == "rec-2");
    CHECK(h.present().learner_name == "Sam");
    CHECK(h.present().activity.back().summary == "Imported a file");
    CHECK(r.record == mastery::LearnerRecord{});
    // refused: no record in the answer (History keeps its present), present unchanged
    auto bad = mastery::action_from_json({{"type", "remove_goal"}, {"goal", "nope"}});
    auto refused = h.apply(*bad.value);
    CHECK_FALSE(refused.ok);
    CHECK(refused.record == mastery::LearnerRecord{});
    CHECK(h.present().id == "rec-2");
    // the pure update() still answers a refusal with the record unchanged
    CHECK(mastery::update(h.present(), *bad.value).record == h.present());
    REQUIRE(h.undo());
    CHECK(h.present().id == "rec-1");
}

TEST_CASE("the default undo budget keeps every step of a small record and few of a large one") {
    mastery::History small(test::record());
    for (int i = 0; i < 30; ++i) {
        auto a = mastery::action_from_json({{"type", "set_learner_name"}, {"name", "Robin " + std::to_string(i)}});
        REQUIRE(h_ok(small.apply(*a.value)));
    }
    CHECK(small.undo_steps() == 30);
    mastery::History large(test::record());
    std::vector<std::uint8_t> photo(std::size_t(6) << 20, 7);  // a 6 MB record after the first photo
    auto add = mastery::action_from_json({{"type", "add_evidence"}, {"competency", "graphs"}, {"level", 1}, {"kind", "image"},
                                          {"mime", "image/png"}, {"data", mastery::base64_encode(photo)}});
    REQUIRE_MESSAGE(add.ok(), add.first_error());
    REQUIRE(h_ok(large.apply(*add.value)));
    for (int i = 0; i < 5; ++i) {
        auto a = mastery::action_from_json({{"type", "set_learner_name"}, {"name", "Robin " + std::to_string(i)}});
        REQUIRE(h_ok(large.apply(*a.value)));
    }
    CHECK(large.undo_steps() >= 1);
    CHECK(large.undo_steps() <= 2);  // 16 MB hold at most two 6 MB records
}

TEST_CASE("undo keeps at most a memory budget of records, and always the latest step") {
    // Each photo is 1 MB; the budget is 3 MB: a student with many photos cannot fill the tab.
    mastery::History h(test::record(), 100, std::size_t(3) << 20);
    std::string photo(1 << 20, 'x');
    for (int i = 0; i < 6; ++i) {
        auto a = mastery::action_from_json({{"type", "add_evidence"}, {"competency", "graphs"}, {"level", 1}, {"kind", "image"},
                                            {"mime", "image/png"}, {"data", mastery::base64_encode(std::vector<std::uint8_t>(photo.begin(), photo.end()))}});
        REQUIRE_MESSAGE(a.ok(), a.first_error());
        auto r = h.apply(*a.value);
        REQUIRE_MESSAGE(r.ok, r.error);
        CHECK(r.record == mastery::LearnerRecord{});  // the new record lives in present() only
    }
    CHECK(h.present().work[0].evidence.size() == 6);
    CHECK(h.undo_steps() >= 1);
    CHECK(h.undo_steps() < 6);  // older steps were dropped to stay within 3 MB
    std::size_t kept = 0;
    while (h.undo()) ++kept;
    CHECK(kept >= 1);
    CHECK(h.present().work.empty() == false);  // the oldest kept step still has some photos
    CHECK(h.present().work[0].evidence.size() == 6 - kept);

    // and one step back is always kept, even when a single record is over the budget
    mastery::History tiny(test::record(), 100, 1);
    auto rename = mastery::action_from_json({{"type", "set_learner_name"}, {"name", "Kit"}});
    CHECK(tiny.apply(*rename.value).ok);
    CHECK(tiny.undo_steps() == 1);
    CHECK(tiny.undo());
    CHECK(tiny.present().learner_name == "Robin");
}
