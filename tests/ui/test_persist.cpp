// Never lose a student's work (issue 4), without a browser: the stored record opens at
// startup through the one load path, bad stored data is set aside and a backup opens with
// a notice, every change is saved once, storage failures show the banner, a second tab
// only looks, imports wait for "yes" in a preview, and a mentor's review of a student's
// file never touches the mentor's own record.
#include "harness.hpp"

#include "mastery/exchange.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace mastery;
using namespace mastery::testing;

namespace {

const std::string kSample = "assets/records/sample-record.json";

LearnerRecord sample() {
    Loaded<LearnerRecord> r = load_record(read_file(source_path(kSample)));
    REQUIRE_MESSAGE(r.ok(), r.first_error());
    return *r.value;
}

// The sample's "ela-claims" level 2 is waiting for review: a mentor marks it all met.
ReviewFile mentor_reviews(const LearnerRecord& student) {
    app::Store mentor(student, [] { return std::string("2026-11-23T09:00:00Z"); });
    const Competency* c = student.pathway.find_competency("ela-claims");
    REQUIRE(c != nullptr);
    RecordReview r;
    r.competency = "ela-claims";
    r.level = 2;
    r.reviewer = "Sr. Ibáñez";
    r.role = "mentor";
    for (const Criterion& k : c->levels[1].criteria) r.decisions.push_back({k.id, Rating::met, ""});
    r.feedback = "¡Muy bien!";
    const app::Outcome o = mentor.dispatch(Action{r, ""});
    REQUIRE_MESSAGE(o.ok, o.error);
    return make_review_file(mentor.record(), "2026-11-23T09:05:00Z");
}

// Starts the harness's session the way the web app does: storage first, then the index.
void start_stored(Harness& h, bool found, const std::string& text = "") {
    h.session().start("", true);
    REQUIRE(h.services().stored_loads == std::vector<std::string>{"default"});
    h.session().on_stored(found, text, false);
}

}  // namespace

TEST_CASE("startup opens the stored record instead of a fresh one") {
    Harness h;
    start_stored(h, true, read_file(source_path(kSample)));
    REQUIRE(h.session().store() != nullptr);
    CHECK(h.record() == sample());
    CHECK(h.services().fetches == std::vector<std::string>{"pathways/index.json"});  // no fresh pathway asked for
    h.session().poll_changes();
    CHECK(h.services().changes == 0);  // what was just loaded is already saved
    CHECK(h.session().saving().state == app::SaveState::saved);
}

TEST_CASE("with nothing stored, a fresh record is made and saved at once") {
    Harness h;
    start_stored(h, false);
    h.session().on_fetched(1, true, read_file(source_path("assets/pathways/index.json")), "");
    REQUIRE(h.services().fetches.size() == 2);
    h.session().on_fetched(2, true, read_file(source_path("assets/pathways/middle-school-explorer.json")), "");
    REQUIRE(h.session().store() != nullptr);
    h.session().poll_changes();
    CHECK(h.services().changes == 1);
    CHECK(h.session().saving().state == app::SaveState::saving);
    h.session().save_now();
    REQUIRE(h.services().saves.size() == 1);
    CHECK(h.services().saves[0] == h.store().export_record());
    h.session().on_saved(true, "");
    CHECK(h.session().saving().state == app::SaveState::saved);

    SUBCASE("each change is reported once and saved once; a change during a save is saved after it") {
        CHECK(h.session().dispatch(Action{SetLearnerName{"Zoë"}, ""}).ok);
        h.session().poll_changes();
        h.session().poll_changes();
        CHECK(h.services().changes == 2);
        h.session().save_now();
        CHECK(h.session().dispatch(Action{SetLearnerName{"Zoë B"}, ""}).ok);  // while storage works
        h.session().save_now();                                               // one save at a time
        CHECK(h.services().saves.size() == 2);
        h.session().on_saved(true, "");
        CHECK(h.session().saving().state == app::SaveState::saving);          // the newer change is not saved yet
        h.session().save_now();
        REQUIRE(h.services().saves.size() == 3);
        CHECK(h.services().saves.back().find("Zoë B") != std::string::npos);
        h.session().on_saved(true, "");
        CHECK(h.session().saving().state == app::SaveState::saved);
        CHECK_FALSE(h.session().has_unsaved_changes());
    }
    SUBCASE("a full quota shows the banner; \"Save to a file now\" downloads the record; the app keeps working") {
        CHECK(h.session().dispatch(Action{SetLearnerName{"Kai"}, ""}).ok);
        h.session().save_now();
        h.session().on_saved(false, "QuotaExceededError");
        CHECK(h.session().saving().state == app::SaveState::failed);
        CHECK(h.session().saving().problem == app::StorageProblem::full);
        h.frames(2);
        h.click("Save to a file now", "notices");
        REQUIRE(h.services().downloads.size() == 1);
        CHECK(h.services().downloads[0] == "mastery-map-Kai-2026-11-22.json");
        CHECK(h.session().dispatch(Action{SetLearnerName{"Kai L"}, ""}).ok);
        h.click("Try saving again", "notices");
        CHECK(h.services().saves.size() == 3);
        h.session().on_saved(true, "");
        h.frames(2);
        CHECK_FALSE(h.has("Save to a file now", "notices"));
        CHECK(h.session().saving().state == app::SaveState::saved);
    }
    SUBCASE("storage switched off is named as unavailable") {
        CHECK(app::storage_problem_of("SecurityError") == app::StorageProblem::unavailable);
        CHECK(app::storage_problem_of("QuotaExceededError") == app::StorageProblem::full);
        CHECK(app::storage_problem_of("") == app::StorageProblem::none);
    }
}

TEST_CASE("stored data that does not load is set aside, the newest good backup opens, and the student is told") {
    Harness h;
    start_stored(h, true, R"({"format": "mastery-map/record", "version": 1, "id": "trunc)");
    CHECK(h.session().store() == nullptr);
    REQUIRE(h.services().quarantined.size() == 1);
    SUBCASE("a newer version is set aside too, then a good backup opens") {
        Json newer = Json::parse(read_file(source_path(kSample)));
        newer["version"] = 99;
        h.session().on_stored(true, newer.dump(), true);
        REQUIRE(h.services().quarantined.size() == 2);
        h.session().on_stored(true, read_file(source_path(kSample)), true);
        REQUIRE(h.session().store() != nullptr);
        CHECK(h.record() == sample());
        CHECK(h.session().saving().restored_from_backup);
        CHECK(h.session().saving().set_aside_reasons.size() == 2);
        h.frames(3);
        h.click("Download the data that did not open", "We fixed");
        CHECK(h.services().set_aside_downloads == 1);
        h.click("OK", "We fixed");
        h.frames(2);
        CHECK_FALSE(h.has("Download the data that did not open"));
    }
    SUBCASE("no good backup: a fresh record, and the notice says so") {
        h.session().on_stored(false, "", true);
        CHECK_FALSE(h.session().saving().restored_from_backup);
        h.session().on_fetched(1, true, read_file(source_path("assets/pathways/index.json")), "");
        h.session().on_fetched(2, true, read_file(source_path("assets/pathways/middle-school-explorer.json")), "");
        REQUIRE(h.session().store() != nullptr);
        h.frames(3);
        CHECK(h.has("Download the data that did not open", "We fixed"));
    }
}

TEST_CASE("a second tab only looks: every change is refused with a readable reason") {
    Harness h;
    start_stored(h, true, read_file(source_path(kSample)));
    h.session().set_read_only(true);
    const LearnerRecord before = h.record();
    const app::Outcome o = h.session().dispatch(Action{SetLearnerName{"Other tab"}, ""});
    CHECK_FALSE(o.ok);
    CHECK(o.error.find("another tab") != std::string::npos);
    CHECK(h.session().js_dispatch(R"({"type": "set_learner_name", "name": "x"})").find("another tab") != std::string::npos);
    CHECK(h.session().js_import(read_file(source_path(kSample))).find(R"("ok":false)") != std::string::npos);
    h.session().offer_file("a.json", read_file(source_path(kSample)));
    CHECK_FALSE(h.session().pending_import().has_value());
    CHECK(h.record() == before);
    h.session().poll_changes();
    h.session().save_now();
    CHECK(h.services().saves.empty());  // a looking tab never writes
    h.frames(2);
    CHECK(h.has("Map", "topbar"));
}

TEST_CASE("an import shows what will change and waits for yes; Undo brings the old record back") {
    Harness h;
    h.load_pathway("assets/pathways/middle-school-explorer.json");
    const LearnerRecord mine = h.record();
    h.session().offer_file("sample-record.json", read_file(source_path(kSample)));
    REQUIRE(h.session().pending_import().has_value());
    CHECK_FALSE(h.session().pending_import()->lines.empty());
    h.frames(3);
    CHECK(h.record() == mine);
    SUBCASE("Cancel changes nothing") {
        h.click("Cancel", "Open this work file?");
        CHECK_FALSE(h.session().pending_import().has_value());
        CHECK(h.record() == mine);
        CHECK(h.store().log().empty());
    }
    SUBCASE("yes replaces, undoably") {
        h.click("Yes, replace my work", "Open this work file?");
        CHECK(h.last_action() == "replace_record");
        CHECK(h.record().id == sample().id);
        CHECK(h.record().work == sample().work);
        CHECK(h.session().undo());
        CHECK(h.record() == mine);
    }
    SUBCASE("a bad file gets a message naming it, and nothing waits") {
        h.click("Cancel", "Open this work file?");
        h.session().offer_file("broken.json", R"({"format": "mastery-map/record", "version": 1, "learner": )");
        CHECK_FALSE(h.session().pending_import().has_value());
        CHECK(h.session().ui().message_is_error);
        CHECK(h.session().ui().message.find("broken.json") != std::string::npos);
        h.session().file_too_big("huge.json", 80.0 * 1024 * 1024);
        CHECK(h.session().ui().message.find("too big") != std::string::npos);
        CHECK(h.record() == mine);
    }
}

TEST_CASE("a review file merges after yes, twice changes nothing, and one for another learner is refused") {
    Harness h;
    h.load_sample_record();
    const std::string file = save_review_file(mentor_reviews(h.record()));
    h.session().offer_file("reviews.json", file);
    REQUIRE(h.session().pending_import().has_value());
    CHECK(h.session().pending_import()->is_reviews);
    const auto& lines = h.session().pending_import()->lines;
    CHECK(std::find(lines.begin(), lines.end(), "Reviewed by: Sr. Ibáñez") != lines.end());
    CHECK(std::any_of(lines.begin(), lines.end(), [](const std::string& l) { return l.find(": earned!") != std::string::npos; }));
    h.frames(3);
    h.click("Yes, add the reviews", "Add these reviews");
    CHECK(h.last_action() == "merge_reviews");
    CHECK(h.session().store()->progress().status_of("ela-claims", 2) == Status::earned);
    const LearnerRecord once = h.record();

    h.session().offer_file("reviews.json", file);
    REQUIRE(h.session().pending_import().has_value());
    CHECK(h.session().pending_import()->nothing_new);
    h.frames(3);
    CHECK_FALSE(h.has("Yes, add the reviews"));
    h.click("OK", "Add these reviews");
    CHECK(h.record() == once);

    ReviewFile other = mentor_reviews(sample());
    other.record_id = "someone-else";
    h.session().offer_file("other.json", save_review_file(other));
    CHECK_FALSE(h.session().pending_import().has_value());
    CHECK(h.session().ui().message_is_error);
    CHECK(h.record() == once);

    SUBCASE("the test interface imports as if confirmed, reviews included") {
        CHECK(h.session().js_import(file) == R"({"note":"0 reviews added, 5 already here","ok":true})");  // the file has all 5 of its reviews
        CHECK(h.record() == once);
    }
}

TEST_CASE("a mentor reviews a student's file in memory only, and hands back a review file") {
    Harness h;
    start_stored(h, false);
    h.session().on_fetched(1, true, read_file(source_path("assets/pathways/index.json")), "");
    h.session().on_fetched(2, true, read_file(source_path("assets/pathways/middle-school-explorer.json")), "");
    h.session().save_now();
    h.session().on_saved(true, "");
    const LearnerRecord own = h.record();
    const std::size_t saves = h.services().saves.size();

    h.session().open_for_review("mastery-map-Sky.json", read_file(source_path(kSample)));
    REQUIRE(h.session().reviewing());
    CHECK(h.record() == sample());
    CHECK(h.session().ui().page == app::Page::review);
    h.frames(3);
    CHECK(h.has("Save reviews to a file", "notices"));

    Loaded<Json> j = parse_json(h.session().review_file_text());
    REQUIRE(j.ok());
    CHECK(detect_format(*j.value) == kReviewsFormat);
    CHECK(h.session().review_file_name() == "mastery-map-reviews-for-Sky-Walker-Reyes-2026-11-22.json");
    const app::Outcome o = h.session().dispatch(Action{SetLearnerName{"changed in review"}, ""});
    CHECK(o.ok);
    h.session().poll_changes();
    h.session().save_now();
    CHECK(h.services().saves.size() == saves);   // nothing of the student's file is saved here
    CHECK(h.session().own_store()->record() == own);

    h.click("Save reviews to a file", "notices");
    REQUIRE_FALSE(h.services().downloads.empty());
    CHECK(h.services().downloads.back().rfind("mastery-map-reviews-for-", 0) == 0);
    h.click("Close the student's file", "notices");
    CHECK_FALSE(h.session().reviewing());
    CHECK(h.record() == own);
}

TEST_CASE("after a week of new work without a copy in a file, a gentle reminder; saving a copy ends it") {
    Harness h;
    start_stored(h, true, read_file(source_path(kSample)));  // work from September, "now" is 2026-11-22
    CHECK(h.session().export_reminder_due());
    h.frames(3);
    h.click("Save a copy to a file", "notices");
    REQUIRE(h.services().downloads.size() == 1);
    CHECK(h.services().exports[h.record().id] == kNow);
    CHECK_FALSE(h.session().export_reminder_due());
    SUBCASE("new work alone does not bring it back within the week") {
        CHECK(h.session().dispatch(Action{SetLearnerName{"Sky"}, ""}).ok);
        CHECK_FALSE(h.session().export_reminder_due());
    }
}

TEST_CASE("\"Not now\" hides the reminder until the next start") {
    Harness h;
    start_stored(h, true, read_file(source_path(kSample)));
    h.frames(3);
    h.click("Not now", "notices");
    CHECK_FALSE(h.session().export_reminder_due());
    CHECK(h.services().downloads.empty());
}

TEST_CASE("several records on one device: Settings lists them and opens another one only when all is saved") {
    Harness h(1280, 1600);
    start_stored(h, true, read_file(source_path(kSample)));
    const std::string mine = h.record().id;
    h.session().on_stored_list({{"r-other", "Ana", "Middle School Explorer", "2026-11-20T09:00:00Z"},
                                {mine, "Sky Walker-Reyes", "Middle School Explorer", "2026-11-21T09:00:00Z"}});
    CHECK(h.session().stored_list().front().id == mine);  // newest first
    h.open(app::Page::settings);
    h.frames(3);
    CHECK(h.services().list_requests >= 1);  // asked for when Settings opens
    SUBCASE("opening another record asks the platform to switch") {
        REQUIRE(h.reveal("Open this one", "Settings"));
        h.click("Open this one", "Settings");
        CHECK(h.services().switches == std::vector<std::string>{"r-other"});
    }
    SUBCASE("with changes not saved yet, switching is refused in words") {
        CHECK(h.session().dispatch(Action{SetLearnerName{"Sky"}, ""}).ok);
        h.session().open_stored("r-other");
        CHECK(h.services().switches.empty());
        CHECK(h.session().ui().message_is_error);
    }
}
