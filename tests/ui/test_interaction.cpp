// Interaction: ImGui input events (clicks found by label, typed UTF-8, keys) and the
// actions they dispatch. Views change the record only through the store.
#include "harness.hpp"

#include <doctest/doctest.h>

using namespace mastery;
using namespace mastery::testing;
using app::Page;

namespace {

const LevelWork* work(Harness& h, const std::string& competency, int level) { return h.record().find_work(competency, level); }

}  // namespace

TEST_CASE("clicking a skill on the map opens its competency page") {
    Harness h;
    h.load_pathway("assets/pathways/middle-school-explorer.json");
    h.click("Ratio Reasoning", "Map");
    CHECK(h.session().ui().page == Page::competency);
    CHECK(h.session().ui().competency == "ratios-1");
    CHECK(h.reveal("+ Writing", "Skill"));
}

TEST_CASE("the top bar opens every page") {
    Harness h;
    h.load_pathway("assets/pathways/middle-school-explorer.json");
    h.click("My chart", "topbar");
    CHECK(h.session().ui().page == Page::chart);
    h.click("My plan", "topbar");
    CHECK(h.session().ui().page == Page::plan);
    h.click("Review", "topbar");
    CHECK(h.session().ui().page == Page::review);
    h.click("Settings", "topbar");
    CHECK(h.session().ui().page == Page::settings);
    h.click("Map", "topbar");
    CHECK(h.session().ui().page == Page::map);
}

TEST_CASE("a student writes evidence with accents, self-assesses and submits: each click is one action") {
    Harness h;
    h.load_pathway("assets/pathways/middle-school-explorer.json");
    h.session().ui().open_competency("ratios-1", 1);
    h.frames(2);

    h.click("+ Writing", "Skill");
    h.click("##new_text", "Skill");
    h.type("La razón es 3:2, ¡fácil! ñ é ü ç");
    h.click("Add", "Skill");
    CHECK(h.last_action() == "add_evidence");
    const LevelWork* w = work(h, "ratios-1", 1);
    REQUIRE(w != nullptr);
    REQUIRE(w->evidence.size() == 1);
    CHECK(w->evidence[0].text == "La razón es 3:2, ¡fácil! ñ é ü ç");
    CHECK(w->evidence[0].part == EvidencePart::overview);

    h.click("I can!", "Skill");
    CHECK(h.last_action() == "set_self_assessment");
    w = work(h, "ratios-1", 1);
    REQUIRE(w->self_assessment.size() == 1);
    CHECK(w->self_assessment[0].rating == Rating::met);

    const std::size_t actions = h.store().log().size();
    h.click("\xe2\x9c\x93 I can!", "Skill");  // the chosen one again: nothing to do
    CHECK(h.store().log().size() == actions);

    h.click("Send for review", "Skill");
    CHECK(h.last_action() == "submit_for_review");
    CHECK(h.session().store()->progress().status_of("ratios-1", 1) == Status::submitted);
}

TEST_CASE("a reviewer decides each criterion with one click and saves the review") {
    Harness h(1280, 1600);  // tall enough for the whole form
    h.load_sample_record();  // "Making a Claim" level 2 is waiting for review
    h.session().ui().open_review("ela-claims", 2);
    h.frames(3);
    app::Prefs p = h.session().prefs();
    p.reviewer_name = "Mr. Øberg";
    h.session().set_prefs(p);

    SUBCASE("all met: earned") {
        while (h.has("Met", "Review")) h.click("Met", "Review");
        h.click("Save review", "Review");
        CHECK(h.last_action() == "record_review");
        CHECK(h.session().store()->progress().status_of("ela-claims", 2) == Status::earned);
        const Review& r = work(h, "ela-claims", 2)->reviews.back();
        CHECK(r.reviewer == "Mr. Øberg");
        CHECK(r.role == "teacher");
    }
    SUBCASE("one not yet, with a next step") {
        while (h.has("Met", "Review")) h.click("Met", "Review");
        h.click("Not yet", "Review");  // the first criterion changes its mind
        h.click("##comment", "Review");
        h.type("Añade una razón más");
        h.click("Save review", "Review");
        CHECK(h.session().store()->progress().status_of("ela-claims", 2) == Status::not_yet);
        const Review& r = work(h, "ela-claims", 2)->reviews.back();
        CHECK(r.decisions.front().rating == Rating::not_yet);
        CHECK(r.decisions.front().comment == "Añade una razón más");
    }
    SUBCASE("save waits until every criterion is decided") {
        h.click("Met", "Review");
        REQUIRE(h.reveal("Save review", "Review"));
        const ui::probe::Item* save = ui::probe::find("Save review", "Review");
        REQUIRE(save != nullptr);
        CHECK(save->disabled);
    }
}

TEST_CASE("a goal is added from the plan's menu, moved and removed") {
    Harness h;
    h.load_pathway("assets/pathways/middle-school-explorer.json");
    h.open(Page::plan);
    h.click("+ Add a goal", "My plan");
    h.frames(2);
    h.click("  Unit Rates", "");
    h.click("Add to my plan", "");
    CHECK(h.last_action() == "add_goal");
    REQUIRE(h.record().plan.size() == 1);
    CHECK(h.record().plan[0].target == "unit-rates");

    h.session().dispatch(Action{AddGoal{Goal::Kind::stack, "proportional-reasoner", 1, ""}, ""});
    h.frames(2);
    h.click("\xe2\x86\x93", "My plan");  // move the first goal down
    CHECK(h.last_action() == "move_goal");
    CHECK(h.record().plan[1].target == "unit-rates");
    h.click("\xe2\x9c\x95", "My plan");  // remove the first goal (now the stack)
    CHECK(h.last_action() == "remove_goal");
    REQUIRE(h.record().plan.size() == 1);
    CHECK(h.record().plan[0].target == "unit-rates");
}

TEST_CASE("settings change prefs on this device and the learner's name through an action") {
    Harness h;
    h.load_pathway("assets/pathways/middle-school-explorer.json");
    h.open(Page::settings);
    h.click("Dark", "Settings");
    CHECK(h.session().prefs().theme == app::Theme::dark);
    CHECK(h.services().saved_prefs.find("\"dark\"") != std::string::npos);
    CHECK(h.store().log().empty());  // prefs are not record changes

    h.click("##name", "Settings");
    h.press(ImGuiKey_A, ImGuiMod_Ctrl);
    h.type("Zoë");
    h.click("Save", "Settings");
    CHECK(h.last_action() == "set_learner_name");
    CHECK(h.record().learner_name == "Zoë");
}

TEST_CASE("Ctrl+Z undoes the last change when no text field is active") {
    Harness h;
    h.load_pathway("assets/pathways/middle-school-explorer.json");
    h.session().dispatch(Action{SetLearnerName{"Kai"}, ""});
    h.frames(2);
    CHECK(h.record().learner_name == "Kai");
    h.press(ImGuiKey_Z, ImGuiMod_Ctrl);
    CHECK(h.record().learner_name == "Student");
    h.press(ImGuiKey_Y, ImGuiMod_Ctrl);
    CHECK(h.record().learner_name == "Kai");
}

TEST_CASE("a refused action leaves the record as it was and says why in the message bar") {
    Harness h;
    h.load_pathway("assets/pathways/middle-school-explorer.json");
    const LearnerRecord before = h.record();
    const app::Outcome o = h.session().dispatch(Action{SubmitForReview{"ratios-1", 1, ""}, ""});
    CHECK_FALSE(o.ok);
    CHECK(h.record() == before);
    CHECK(h.session().ui().message_is_error);
    CHECK(h.session().ui().message.find(o.error) != std::string::npos);
    h.frames(2);
    CHECK(h.has("OK", "message"));
}

TEST_CASE("resources open in a new tab only for http(s) links") {
    Harness h(1280, 1600);
    h.load_pathway("assets/pathways/middle-school-explorer.json");
    h.session().ui().open_competency("ratios-1", 1);
    h.frames(2);
    h.click("Khan Academy: 6th grade math  \xe2\x86\x97", "Skill");
    REQUIRE(h.services().opened.size() == 1);
    CHECK(h.services().opened[0] == "https://www.khanacademy.org/math/cc-sixth-grade-math");
}

TEST_CASE("a competency opens at the level to work on next, and its level tabs switch levels") {
    Harness h;
    h.load_sample_record();  // Ratio Reasoning: Beginning and Developing earned
    h.session().ui().open_competency("ratios-1", 0);
    h.frames(3);
    CHECK(h.shell().competency.shown_level == 3);
    h.click("Developing \xc2\xb7 Earned", "Skill");
    CHECK(h.shell().competency.shown_level == 2);
    h.frames(3);
    CHECK(h.shell().competency.shown_level == 2);  // stays: the request was used up
    h.session().ui().open_competency("ratios-1", 1);  // a chart cell asks for a level
    h.frames(3);
    CHECK(h.shell().competency.shown_level == 1);
}
