// The engine's rules: level statuses, order of levels, prerequisites, stacks (all, N of M,
// nested) with automatic awards, next steps with reasons, goal progress and signals.
#include "helpers.hpp"

using mastery::Progress;
using mastery::Status;
using test::apply;
using test::earn;

namespace mastery {
doctest::String toString(Status s) { return to_string(s); }
}  // namespace mastery

TEST_CASE("a new record: first levels without prerequisites are available, the rest locked") {
    auto r = test::record();
    Progress pr(r);
    CHECK(pr.status_of("fractions", 1) == Status::available);
    CHECK(pr.status_of("fractions", 2) == Status::locked);
    CHECK(pr.level("fractions", 2).missing == std::vector<std::string>{"Fractions · Beginning"});
    CHECK(pr.status_of("ratios", 1) == Status::locked);
    CHECK(pr.level("ratios", 1).missing == std::vector<std::string>{"Fractions · Developing"});
    CHECK(pr.status_of("graphs", 1) == Status::available);
    CHECK(pr.earned_level("fractions") == 0);
    CHECK(pr.level_count() == 4);
}

TEST_CASE("a level moves from available to in progress, submitted, not yet, and earned") {
    auto r = test::record();
    r = apply(r, {{"type", "set_self_assessment"}, {"competency", "graphs"}, {"level", 1}, {"criterion", "c1"}, {"rating", "met"}, {"at", "2026-09-02T09:00:00Z"}});
    CHECK(Progress(r).status_of("graphs", 1) == Status::in_progress);
    r = apply(r, {{"type", "add_evidence"}, {"competency", "graphs"}, {"level", 1}, {"kind", "text"}, {"text", "Mi gráfica del niño"}, {"at", "2026-09-02T09:05:00Z"}});
    CHECK(Progress(r).status_of("graphs", 1) == Status::in_progress);
    r = apply(r, {{"type", "submit_for_review"}, {"competency", "graphs"}, {"level", 1}, {"at", "2026-09-02T10:00:00Z"}});
    CHECK(Progress(r).status_of("graphs", 1) == Status::submitted);
    r = apply(r, {{"type", "record_review"}, {"competency", "graphs"}, {"level", 1}, {"reviewer", "Mr. Lee"},
                  {"decisions", {{{"criterion", "c1"}, {"rating", "met"}}, {{"criterion", "c2"}, {"rating", "not_yet"}, {"comment", "Label the axes"}}}},
                  {"feedback", "Add axis labels and units, then resubmit."}, {"at", "2026-09-03T10:00:00Z"}});
    Progress pr(r);
    CHECK(pr.status_of("graphs", 1) == Status::not_yet);
    CHECK(pr.level("graphs", 1).not_yet_count == 1);
    // adding evidence after a "not yet" keeps it "not yet" until the student resubmits
    r = apply(r, {{"type", "add_evidence"}, {"competency", "graphs"}, {"level", 1}, {"kind", "link"}, {"url", "https://example.org/graph"}, {"at", "2026-09-04T10:00:00Z"}});
    CHECK(Progress(r).status_of("graphs", 1) == Status::not_yet);
    r = apply(r, {{"type", "submit_for_review"}, {"competency", "graphs"}, {"level", 1}, {"at", "2026-09-04T11:00:00Z"}});
    CHECK(Progress(r).status_of("graphs", 1) == Status::submitted);
    CHECK(Progress(r).level("graphs", 1).attempts == 2);
    r = apply(r, {{"type", "record_review"}, {"competency", "graphs"}, {"level", 1}, {"reviewer", "Mr. Lee"},
                  {"decisions", {{{"criterion", "c1"}, {"rating", "met"}}, {{"criterion", "c2"}, {"rating", "met"}}}}, {"at", "2026-09-05T10:00:00Z"}});
    Progress done(r);
    CHECK(done.status_of("graphs", 1) == Status::earned);
    CHECK(done.level("graphs", 1).earned_at == "2026-09-05T10:00:00Z");
    CHECK(done.status_of("graphs", 2) == Status::available);
}

TEST_CASE("levels are earned in order, and prerequisites unlock the next competency") {
    auto r = earn(test::record(), "fractions", 1);
    CHECK(Progress(r).status_of("fractions", 2) == Status::available);
    CHECK(Progress(r).status_of("ratios", 1) == Status::locked);
    r = earn(r, "fractions", 2);
    Progress pr(r);
    CHECK(pr.earned_level("fractions") == 2);
    CHECK(pr.status_of("ratios", 1) == Status::available);
    CHECK(pr.status_of("rates", 1) == Status::locked);
    CHECK(pr.unlocks("fractions", 2) == std::vector<std::pair<std::string, int>>{{"ratios", 1}});
}

TEST_CASE("an earned level stays earned even if an imported record skipped an earlier level") {
    auto r = test::record();
    mastery::LevelWork w{"fractions", 2, {}, {}, {}, {}};
    w.evidence.push_back({"e1", mastery::EvidenceKind::text, mastery::EvidencePart::artifact, "x", "", "", {}, "2026-09-01"});
    w.submissions.push_back({1, "2026-09-01", {"e1"}, {}, ""});
    w.reviews.push_back({1, "T", "teacher", "2026-09-02", {{"c1", mastery::Rating::met, ""}, {"c2", mastery::Rating::met, ""}}, ""});
    r.work.push_back(w);
    Progress pr(r);
    CHECK(pr.status_of("fractions", 2) == Status::earned);
    CHECK(pr.earned_level("fractions") == 0);  // counted from level 1 upward
}

TEST_CASE("stacks count members, award themselves, and nest") {
    auto r = test::record();
    SUBCASE("all-of stack") {
        r = earn(r, "fractions", 1, "2026-09-10");
        r = earn(r, "fractions", 2, "2026-09-12");
        CHECK(Progress(r).stack("number-sense").done == 1);
        CHECK(Progress(r).stack("number-sense").required == 2);
        CHECK_FALSE(Progress(r).stack("number-sense").complete);
        r = earn(r, "ratios", 1, "2026-09-20");
        auto sp = Progress(r).stack("number-sense");
        CHECK(sp.complete);
        CHECK(sp.earned_at == "2026-09-20T15:00:00Z");
    }
    SUBCASE("N of M stack is complete at N, awarded when the Nth member was earned") {
        r = earn(r, "graphs", 1, "2026-09-15");
        CHECK(Progress(r).stack("any-two").done == 1);
        r = earn(r, "fractions", 1, "2026-09-11");
        auto sp = Progress(r).stack("any-two");
        CHECK(sp.done == 2);
        CHECK(sp.required == 2);
        CHECK(sp.members == 3);
        CHECK(sp.complete);
        CHECK(sp.earned_at == "2026-09-15T15:00:00Z");
    }
    SUBCASE("a stack of stacks completes when its stacks do") {
        r = earn(r, "fractions", 1, "2026-09-10");
        r = earn(r, "fractions", 2, "2026-09-11");
        r = earn(r, "graphs", 1, "2026-09-12");
        CHECK(Progress(r).stack("any-two").complete);
        CHECK(Progress(r).stack("big").done == 1);
        r = earn(r, "ratios", 1, "2026-09-13");
        auto big = Progress(r).stack("big");
        CHECK(big.complete);
        CHECK(big.earned_at == "2026-09-13T15:00:00Z");
        CHECK(Progress(r).stacks().size() == 3);
    }
}

TEST_CASE("next steps follow the plan, with reasons") {
    auto r = test::record();
    SUBCASE("no goals, no steps") { CHECK(mastery::next_steps(r, Progress(r)).empty()); }
    SUBCASE("a goal behind a prerequisite starts with the prerequisite") {
        r = apply(r, {{"type", "add_goal"}, {"competency", "rates"}, {"target_level", 1}, {"at", "2026-09-01T09:00:00Z"}});
        auto steps = mastery::next_steps(r, Progress(r));
        REQUIRE(steps.size() == 1);
        CHECK(steps[0].competency == "fractions");
        CHECK(steps[0].level == 1);
        CHECK(steps[0].kind == mastery::StepKind::prerequisite);
        CHECK(steps[0].title == "Start Fractions · Beginning");
        CHECK(steps[0].reason == "needed before Ratios · Beginning");
        CHECK(steps[0].goal == "g1");
    }
    SUBCASE("a step that unlocks something says so") {
        r = earn(r, "fractions", 1);
        r = apply(r, {{"type", "add_goal"}, {"competency", "fractions"}, {"target_level", 3}, {"at", "2026-09-01T09:00:00Z"}});
        auto steps = mastery::next_steps(r, Progress(r));
        REQUIRE(steps.size() == 1);
        CHECK(steps[0].title == "Start Fractions · Developing");
        CHECK(steps[0].reason == "unlocks Ratios · Beginning");
    }
    SUBCASE("a stack goal one step from done says so") {
        r = earn(r, "fractions", 1);
        r = apply(r, {{"type", "add_goal"}, {"stack", "any-two"}, {"at", "2026-09-01T09:00:00Z"}});
        auto steps = mastery::next_steps(r, Progress(r));
        REQUIRE(steps.size() == 2);
        CHECK(steps[0].competency == "graphs");
        CHECK(steps[0].reason == "1 step from completing Any Two");
        // rates is the other way to finish it, but it waits behind Ratios, which waits behind Fractions 2
        CHECK(steps[1].competency == "fractions");
        CHECK(steps[1].level == 2);
        CHECK(steps[1].kind == mastery::StepKind::prerequisite);
        CHECK(steps[1].reason == "needed before Ratios · Beginning");
    }
    SUBCASE("work waiting for review and a not yet") {
        r = apply(r, {{"type", "add_goal"}, {"competency", "graphs"}, {"target_level", 2}, {"at", "2026-09-01T09:00:00Z"}});
        r = apply(r, {{"type", "add_goal"}, {"competency", "fractions"}, {"target_level", 1}, {"at", "2026-09-01T09:00:00Z"}});
        r = apply(r, {{"type", "add_evidence"}, {"competency", "graphs"}, {"level", 1}, {"kind", "text"}, {"text", "x"}, {"at", "2026-09-02T09:00:00Z"}});
        r = apply(r, {{"type", "submit_for_review"}, {"competency", "graphs"}, {"level", 1}, {"at", "2026-09-02T10:00:00Z"}});
        CHECK(Progress(r).waiting_for_review() == 1);
        r = apply(r, {{"type", "record_review"}, {"competency", "graphs"}, {"level", 1}, {"reviewer", "T"},
                      {"decisions", {{{"criterion", "c1"}, {"rating", "not_yet"}}, {{"criterion", "c2"}, {"rating", "not_yet"}}}}, {"at", "2026-09-03T10:00:00Z"}});
        r = apply(r, {{"type", "add_evidence"}, {"competency", "fractions"}, {"level", 1}, {"kind", "text"}, {"text", "y"}, {"at", "2026-09-04T09:00:00Z"}});
        CHECK(Progress(r).waiting_for_review() == 0);  // graphs came back "not yet"; fractions not submitted
        r = apply(r, {{"type", "submit_for_review"}, {"competency", "fractions"}, {"level", 1}, {"at", "2026-09-04T10:00:00Z"}});
        CHECK(Progress(r).waiting_for_review() == 1);
        auto steps = mastery::next_steps(r, Progress(r));
        REQUIRE(steps.size() == 2);
        CHECK(steps[0].kind == mastery::StepKind::revise);
        CHECK(steps[0].title == "Revise and resubmit Graphs · Beginning");
        CHECK(steps[0].reason == "2 criteria to grow on; read the feedback");
        CHECK(steps[1].kind == mastery::StepKind::wait_for_review);
    }
    SUBCASE("completed goals give no steps") {
        r = earn(r, "graphs", 1);
        r = apply(r, {{"type", "add_goal"}, {"competency", "graphs"}, {"target_level", 1}, {"at", "2026-09-01T09:00:00Z"}});
        CHECK(mastery::next_steps(r, Progress(r)).empty());
        auto gp = Progress(r).goal(r.plan[0], "2026-10-01");
        CHECK(gp.complete);
        CHECK(gp.done == 1);
        CHECK(gp.total == 1);
    }
}

TEST_CASE("signals a teacher acts on") {
    auto r = test::record();
    r = apply(r, {{"type", "add_goal"}, {"competency", "graphs"}, {"target_level", 2}, {"target_date", "2026-10-01"}, {"at", "2026-09-01T09:00:00Z"}});
    SUBCASE("quiet for a while") {
        CHECK(mastery::signals(r, Progress(r), "2026-09-10T00:00:00Z").empty());
        auto s = mastery::signals(r, Progress(r), "2026-09-20T00:00:00Z");
        REQUIRE(s.size() == 1);
        CHECK(s[0].kind == mastery::SignalKind::stalled);
        CHECK(s[0].message == "No activity for 19 days");
    }
    SUBCASE("a goal date passed") {
        r = apply(r, {{"type", "add_evidence"}, {"competency", "graphs"}, {"level", 1}, {"kind", "text"}, {"text", "x"}, {"at", "2026-10-02T09:00:00Z"}});
        auto s = mastery::signals(r, Progress(r), "2026-10-03");
        REQUIRE(s.size() == 1);
        CHECK(s[0].kind == mastery::SignalKind::goal_overdue);
        CHECK(s[0].message == "Goal \"Graphs · Developing\" was due 2026-10-01");
        CHECK(Progress(r).goal(r.plan[0], "2026-10-03").overdue);
    }
    SUBCASE("repeated not yet on the same level") {
        for (int attempt = 0; attempt < 2; ++attempt) {
            std::string day = "2026-09-1" + std::to_string(attempt);
            r = apply(r, {{"type", "add_evidence"}, {"competency", "graphs"}, {"level", 1}, {"kind", "text"}, {"text", "x"}, {"at", day + "T09:00:00Z"}});
            r = apply(r, {{"type", "submit_for_review"}, {"competency", "graphs"}, {"level", 1}, {"at", day + "T10:00:00Z"}});
            r = apply(r, {{"type", "record_review"}, {"competency", "graphs"}, {"level", 1}, {"reviewer", "T"},
                          {"decisions", {{{"criterion", "c1"}, {"rating", "met"}}, {{"criterion", "c2"}, {"rating", "not_yet"}}}}, {"at", day + "T11:00:00Z"}});
        }
        auto s = mastery::signals(r, Progress(r), "2026-09-12");
        REQUIRE(s.size() == 1);
        CHECK(s[0].kind == mastery::SignalKind::repeated_not_yet);
        CHECK(s[0].subject == "graphs:1");
        CHECK(s[0].message == "2 \"not yet\" reviews on Graphs · Beginning: time for a conversation");
    }
}

TEST_CASE("days between dates, across months and leap years") {
    CHECK(mastery::days_between("2026-02-27", "2026-03-01") == 2);
    CHECK(mastery::days_between("2024-02-27T23:00:00Z", "2024-03-01T01:00:00Z") == 3);
    CHECK(mastery::days_between("2026-11-22", "2026-11-01") == -21);
    CHECK(mastery::days_between("not a date", "2026-11-01") == 0);
    CHECK(mastery::days_between("2026-02-30", "2026-03-01") == 0);
}

TEST_CASE("a large pathway (5,000 competencies, 20,000 evidence items) loads and computes every status") {
    using mastery::Json;
    Json p = test::pathway_json();
    Json comps = Json::array();
    const int n = 5000;
    for (int i = 0; i < n; ++i) {
        Json prereq = Json::array();
        if (i % 50 != 0) prereq.push_back({{"competency", "c" + std::to_string(i - 1)}, {"min_level", 1}});
        if (i >= 100) prereq.push_back({{"competency", "c" + std::to_string(i - 100)}, {"min_level", 2}});
        comps.push_back(test::competency("c" + std::to_string(i), "Skill " + std::to_string(i), prereq));
    }
    p["competencies"] = comps;
    p["stacks"] = {{{"id", "first"}, {"title", "First"}, {"required", 2},
                    {"members", {{{"competency", "c0"}, {"level", 1}}, {{"competency", "c1"}, {"level", 1}}, {{"competency", "c2"}, {"level", 1}}}}}};
    auto pathway = mastery::pathway_from_json(p);
    REQUIRE_MESSAGE(pathway.ok(), pathway.first_error());
    auto r = mastery::new_record(*pathway.value, "big", "Big", "2026-09-01T00:00:00Z");
    // 20,000 evidence items over 2,000 competencies' first levels; every 4th earned
    int id = 1;
    for (int i = 0; i < 2000; ++i) {
        mastery::LevelWork w{"c" + std::to_string(i), 1, {}, {}, {}, {}};
        for (int k = 0; k < 10; ++k)
            w.evidence.push_back({"e" + std::to_string(id++), mastery::EvidenceKind::text, mastery::EvidencePart::artifact, "evidence", "", "", {}, "2026-09-02"});
        if (i % 4 == 0) {
            w.submissions.push_back({1, "2026-09-03", {w.evidence[0].id}, {}, ""});
            w.reviews.push_back({1, "T", "teacher", "2026-09-04", {{"c1", mastery::Rating::met, ""}, {"c2", mastery::Rating::met, ""}}, ""});
        }
        r.work.push_back(std::move(w));
    }
    r.next_id = id;
    std::string text = mastery::save_record(r);
    auto loaded = mastery::load_record(text);
    REQUIRE_MESSAGE(loaded.ok(), loaded.first_error());
    Progress pr(*loaded.value);
    CHECK(pr.level_count() == std::size_t(n));
    int earned = 0, in_progress = 0, available = 0, locked = 0;
    for (int i = 0; i < n; ++i) {
        switch (pr.status_of("c" + std::to_string(i), 1)) {
            case Status::earned: ++earned; break;
            case Status::in_progress: ++in_progress; break;
            case Status::available: ++available; break;
            case Status::locked: ++locked; break;
            default: break;
        }
    }
    CHECK(earned == 500);
    // c0 is earned, so c1 can start; every other chain head (c50, c100, ...) has work or not
    CHECK(earned + in_progress + available + locked == n);
    CHECK(pr.status_of("c1", 1) == Status::in_progress);
    CHECK(pr.status_of("c2", 1) == Status::locked);
    CHECK(pr.stack("first").done == 1);
}

TEST_CASE("next steps through a deep web of shared prerequisites visit each level once") {
    // Regression: every competency needs the two before it, 40 deep. Walking prerequisites
    // without remembering visited levels took 2^40 steps here and froze the app.
    using mastery::Json;
    Json p = test::pathway_json();
    Json comps = Json::array();
    for (int i = 0; i < 40; ++i) {
        Json pre = Json::array();
        if (i >= 1) pre.push_back({{"competency", "k" + std::to_string(i - 1)}});
        if (i >= 2) pre.push_back({{"competency", "k" + std::to_string(i - 2)}});
        comps.push_back(test::competency("k" + std::to_string(i), "K" + std::to_string(i), pre));
    }
    p["competencies"] = comps;
    p["stacks"] = Json::array();
    auto pathway = mastery::pathway_from_json(p);
    REQUIRE(pathway.ok());
    auto r = mastery::new_record(*pathway.value, "deep", "Deep", "2026-09-01T00:00:00Z");
    r = apply(r, {{"type", "add_goal"}, {"competency", "k39"}, {"target_level", 1}});
    auto steps = mastery::next_steps(r, mastery::Progress(r));
    REQUIRE(steps.size() == 1);
    CHECK(steps[0].competency == "k0");
    CHECK(steps[0].reason == "needed before K1 · Beginning");
}
