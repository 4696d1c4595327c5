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

// [SECTION] long file tasks, "leave anyway?", a record open in another tab

namespace {

// The sample with enough extra evidence text to pass kShowProgressBytes (about 2 MB).
std::string big_record_text() {
    Json j = Json::parse(read_file(source_path(kSample)));
    Json& evidence = j["work"][0]["evidence"];
    const std::string words(1000, 'w');
    for (int i = 0; i < 2000; ++i)
        evidence.push_back({{"added_at", "2026-09-12T10:00:00Z"}, {"id", "big-" + std::to_string(i)}, {"kind", "text"},
                            {"part", "reflection"}, {"text", "Long notes " + std::to_string(i) + ": " + words}});
    return j.dump();
}

// Hands `text` to the session the way web/shell.js does: in chunks, a frame after each.
int read_in_chunks(Harness& h, const std::string& name, const std::string& text, std::size_t chunks = 4) {
    const int id = h.session().begin_file(app::FilePurpose::import_into_my_work, name, double(text.size()));
    if (!id) return 0;
    h.frames(2);
    const std::size_t step = text.size() / chunks + 1;
    for (std::size_t at = 0; at < text.size(); at += step) {
        const std::size_t n = std::min(step, text.size() - at);
        char* buffer = h.session().file_buffer(id);
        if (!buffer) return id;
        std::copy(text.data() + at, text.data() + at + n, buffer + at);
        if (!h.session().file_progress(id, double(at + n))) return id;
        h.frames(1);
    }
    h.session().file_loaded(id, text.size());
    return id;
}

}  // namespace

TEST_CASE("a big file shows its progress stage by stage, each on screen before its work starts; nothing changes before yes") {
    Harness h;
    start_stored(h, true, read_file(source_path(kSample)));
    const LearnerRecord mine = h.record();
    const std::string big = big_record_text();
    REQUIRE(double(big.size()) > app::kShowProgressBytes);
    h.session().take_job_frames();

    const int id = h.session().begin_file(app::FilePurpose::import_into_my_work, "big.json", double(big.size()));
    REQUIRE(id != 0);
    h.frames(2);
    CHECK(h.has("Cancel", "Opening a work file"));  // the progress window, while reading
    char* buffer = h.session().file_buffer(id);
    REQUIRE(buffer != nullptr);
    std::copy(big.begin(), big.begin() + big.size() / 2, buffer);
    CHECK(h.session().file_progress(id, double(big.size() / 2)));
    h.frames(1);
    std::copy(big.begin() + big.size() / 2, big.end(), buffer + big.size() / 2);
    CHECK(h.session().file_progress(id, double(big.size())));
    h.frames(1);
    h.session().file_loaded(id, big.size());
    CHECK(h.session().job().has_value());
    CHECK_FALSE(h.session().pending_import().has_value());  // one stage per frame: not done yet
    h.frames(1);
    CHECK(h.record() == mine);
    h.finish_jobs();
    REQUIRE(h.session().pending_import().has_value());
    CHECK(h.record() == mine);  // still only a preview

    const std::vector<app::JobFrame> shown = h.session().take_job_frames();
    std::vector<std::string> stages;
    for (const auto& f : shown) {
        const std::string stage = f.step == 1 ? "reading" : f.stage;
        if (stages.empty() || stages.back() != stage) stages.push_back(stage);
    }
    CHECK(stages == std::vector<std::string>{"reading", "Checking the file...", "Checking the work in it...", "Working out what will change..."});
    CHECK(shown.front().stage.rfind("Reading the file... (0.0 of 2.", 0) == 0);
    // the reading fraction moves, and the bar only ever moves forward
    REQUIRE(shown.size() >= 6);
    CHECK(shown.front().step == 1);
    CHECK(shown.back().step == 4);
    for (std::size_t i = 1; i < shown.size(); ++i) CHECK(shown[i].fraction >= shown[i - 1].fraction);
    CHECK(shown.front().fraction < shown.back().fraction);
    h.click("Yes, replace my work", "Open this work file?");
    CHECK(h.record().work[0].evidence.size() == mine.work[0].evidence.size() + 2000);
}

TEST_CASE("cancelling a file while it is read changes nothing") {
    Harness h;
    start_stored(h, true, read_file(source_path(kSample)));
    const LearnerRecord mine = h.record();
    const std::string big = big_record_text();
    const int id = h.session().begin_file(app::FilePurpose::import_into_my_work, "big.json", double(big.size()));
    REQUIRE(id != 0);
    CHECK(h.session().file_progress(id, 1000));
    h.click("Cancel", "Opening a work file");
    CHECK_FALSE(h.session().job().has_value());
    CHECK_FALSE(h.session().file_progress(id, 2000));  // the page stops reading
    CHECK(h.session().file_buffer(id) == nullptr);
    h.session().file_loaded(id, big.size());  // a late answer is ignored
    h.finish_jobs();
    CHECK_FALSE(h.session().pending_import().has_value());
    CHECK(h.session().ui().message == "Nothing was changed.");
    CHECK(h.record() == mine);
    h.session().poll_changes();
    CHECK(h.services().changes == 0);
}

TEST_CASE("a big damaged file stops at the check with a message naming it; nothing changes") {
    Harness h;
    start_stored(h, true, read_file(source_path(kSample)));
    const LearnerRecord mine = h.record();
    std::string big = big_record_text();
    big.resize(big.size() - 200);  // cut off: no longer JSON
    REQUIRE(read_in_chunks(h, "cut-off.json", big) != 0);
    h.finish_jobs();
    CHECK_FALSE(h.session().pending_import().has_value());
    CHECK(h.session().ui().message_is_error);
    CHECK(h.session().ui().message.find("cut-off.json") != std::string::npos);
    CHECK(h.record() == mine);
    SUBCASE("another file can be opened after it") {
        REQUIRE(read_in_chunks(h, "sample.json", read_file(source_path(kSample))) != 0);
        h.finish_jobs();
        CHECK(h.session().pending_import().has_value());
    }
}

TEST_CASE("a small file needs no progress window, and a second file waits for the first") {
    Harness h;
    h.load_pathway("assets/pathways/middle-school-explorer.json");
    const std::string sample = read_file(source_path(kSample));
    const int id = h.session().begin_file(app::FilePurpose::import_into_my_work, "sample.json", double(sample.size()));
    REQUIRE(id != 0);
    h.frames(2);
    CHECK_FALSE(h.has("Cancel", "Opening a work file"));
    CHECK(h.session().begin_file(app::FilePurpose::import_into_my_work, "other.json", 10) == 0);
    CHECK(h.session().ui().message.find("Wait a moment") != std::string::npos);
    std::copy(sample.begin(), sample.end(), h.session().file_buffer(id));
    h.session().file_loaded(id, sample.size());
    h.finish_jobs();
    CHECK(h.session().pending_import().has_value());
}

TEST_CASE("saving a big record to a file shows the progress, then downloads it") {
    Harness h;
    start_stored(h, true, big_record_text());
    h.session().take_job_frames();
    h.session().export_to_file();
    h.frames(1);
    h.finish_jobs();
    REQUIRE(h.services().downloads.size() == 1);
    CHECK(h.services().downloads[0] == "mastery-map-Sky-Walker-Reyes-2026-11-22.json");
    const std::vector<app::JobFrame> shown = h.session().take_job_frames();
    REQUIRE(shown.size() == 2);
    CHECK(shown[0].title == "Saving your work to a file");
    CHECK(shown[0].stage == "Putting your work into a file...");
    CHECK(shown[1].stage == "Handing the file to your browser...");
}

TEST_CASE("a mentor leaving reviews that are not in a file is asked first, and can save them") {
    Harness h;
    start_stored(h, false);
    h.session().on_fetched(1, true, read_file(source_path("assets/pathways/index.json")), "");
    h.session().on_fetched(2, true, read_file(source_path("assets/pathways/middle-school-explorer.json")), "");
    h.session().save_now();
    h.session().on_saved(true, "");
    const LearnerRecord own = h.record();
    h.session().open_for_review("mastery-map-Sky.json", read_file(source_path(kSample)));
    REQUIRE(h.session().reviewing());
    CHECK_FALSE(h.session().reviews_unsaved());  // opened, nothing reviewed yet: leaving loses nothing
    CHECK_FALSE(h.session().leaving_loses_work());
    RecordReview r;
    r.competency = "ela-claims";
    r.level = 2;
    r.reviewer = "Sr. Ibáñez";
    r.role = "mentor";
    for (const Criterion& k : h.record().pathway.find_competency("ela-claims")->levels[1].criteria) r.decisions.push_back({k.id, Rating::met, ""});
    REQUIRE(h.session().dispatch(Action{r, ""}).ok);
    CHECK(h.session().reviews_unsaved());
    CHECK(h.session().leaving_loses_work());  // the page asks before it closes (beforeunload)

    h.click("Close the student's file", "notices");
    CHECK(h.session().reviewing());  // asked, not closed
    CHECK(h.has("Stay here", "Leave without saving the reviews?"));
    SUBCASE("stay") {
        h.click("Stay here", "Leave without saving the reviews?");
        CHECK(h.session().reviewing());
        CHECK(h.session().reviews_unsaved());
        h.frames(2);
        CHECK_FALSE(h.has("Stay here"));
    }
    SUBCASE("leave without saving") {
        h.click("Leave without saving", "Leave without saving the reviews?");
        CHECK_FALSE(h.session().reviewing());
        CHECK(h.record() == own);
        CHECK(h.services().downloads.empty());
    }
    SUBCASE("save the reviews first: the review file downloads, then the review closes") {
        h.click("Save the reviews to a file first", "Leave without saving the reviews?");
        REQUIRE(h.services().downloads.size() == 1);
        CHECK(h.services().downloads[0].rfind("mastery-map-reviews-for-", 0) == 0);
        CHECK_FALSE(h.session().reviewing());
    }
    SUBCASE("after saving the reviews, closing does not ask") {
        h.click("Stay here", "Leave without saving the reviews?");
        h.click("Save reviews to a file", "notices");
        CHECK_FALSE(h.session().reviews_unsaved());
        CHECK_FALSE(h.session().leaving_loses_work());
        h.click("Close the student's file", "notices");
        CHECK_FALSE(h.session().reviewing());
    }
    SUBCASE("opening the next student's file asks the same way") {
        h.click("Stay here", "Leave without saving the reviews?");
        h.session().request_leave(app::LeaveAction::open_other_for_review);
        CHECK(h.services().review_picks == 0);
        h.click("Leave without saving", "Leave without saving the reviews?");
        CHECK(h.services().review_picks == 1);
        CHECK(h.session().reviewing());  // until the next file opens
    }
}

TEST_CASE("changes storage refused make leaving risky; a record open in another tab is named in the banner") {
    Harness h;
    start_stored(h, true, read_file(source_path(kSample)));
    CHECK_FALSE(h.session().leaving_loses_work());
    CHECK(h.session().dispatch(Action{SetLearnerName{"Kai"}, ""}).ok);
    CHECK_FALSE(h.session().leaving_loses_work());  // saving soon (and on pagehide): nothing to ask
    h.session().save_now();
    h.session().on_saved(false, "OpenElsewhere");
    CHECK(h.session().saving().problem == app::StorageProblem::open_elsewhere);
    CHECK(h.session().leaving_loses_work());
    h.frames(3);
    CHECK(h.has("Save to a file now", "notices"));
    h.session().save_now();
    h.session().on_saved(true, "");
    CHECK_FALSE(h.session().leaving_loses_work());
}

// Issue 7: autosave must not pause the page. A save writes the record's text in slices
// (a clock stops each one), handed to storage one part per slice, joined byte for byte.
namespace {

// Starts the sample record as stored and saved, with a fake clock that moves 1 ms per look:
// a slice ends after `slice_ms` looks.
void start_sliced(Harness& h, double slice_ms, double* ms) {
    start_stored(h, true, read_file(source_path(kSample)));
    h.session().set_slice_clock([ms] { return *ms += 1; }, slice_ms);
}

// Steps the save in progress to its end; returns how many slices that took.
int finish_save(Harness& h) {
    int n = 0;
    while (h.session().save_writing()) {
        h.session().save_step();
        REQUIRE(++n < 100000);
    }
    return n;
}

}  // namespace

TEST_CASE("a save is written in slices; the parts joined are save_record's text") {
    Harness h;
    double ms = 0;
    start_sliced(h, 3, &ms);
    CHECK(h.session().dispatch(Action{SetLearnerName{"Zoë 🦊"}, ""}).ok);
    const std::string expected = h.store().export_record();
    h.session().save_now();
    CHECK(h.services().save_open);            // the first part only
    CHECK(h.session().save_writing());
    CHECK(h.services().saves.empty());
    const int slices = finish_save(h);
    CHECK(slices > 5);                        // the sample is ~30 KB: many 2 KB pieces, 3 per slice
    CHECK(h.services().save_parts == std::size_t(slices) + 1);
    CHECK_FALSE(h.services().save_open);
    REQUIRE(h.services().saves.size() == 1);
    CHECK(h.services().saves[0] == expected);
    CHECK(h.session().saving().state == app::SaveState::saving);  // until storage answers
    h.session().on_saved(true, "");
    CHECK(h.session().saving().state == app::SaveState::saved);
    CHECK_FALSE(h.session().has_unsaved_changes());

    SUBCASE("without a clock the whole text is one part") {
        h.session().set_slice_clock(nullptr, 0);
        CHECK(h.session().dispatch(Action{SetLearnerName{"Zoë"}, ""}).ok);
        const std::size_t parts = h.services().save_parts;
        h.session().save_now();
        CHECK_FALSE(h.session().save_writing());
        CHECK(h.services().save_parts == parts + 1);
        CHECK(h.services().saves.back() == h.store().export_record());
    }
}

TEST_CASE("a change during a sliced save starts no second save; the next save follows with it") {
    Harness h;
    double ms = 0;
    start_sliced(h, 3, &ms);
    CHECK(h.session().dispatch(Action{SetLearnerName{"First"}, ""}).ok);
    const std::string first = h.store().export_record();
    h.session().save_now();
    h.session().save_step();
    CHECK(h.session().dispatch(Action{SetLearnerName{"Second"}, ""}).ok);  // between slices
    h.session().poll_changes();
    const std::size_t parts = h.services().save_parts;
    h.session().save_now();                   // the page's debounce: one save at a time
    CHECK(h.services().save_parts == parts);  // nothing new started
    finish_save(h);
    REQUIRE(h.services().saves.size() == 1);
    CHECK(h.services().saves[0] == first);    // the record as it was when the save began
    const int changes = h.services().changes;
    h.session().on_saved(true, "");
    CHECK(h.session().saving().state == app::SaveState::saving);  // "Second" is not saved yet
    CHECK(h.services().changes == changes + 1);                     // so the page is told to save again
    h.session().save_now();
    finish_save(h);
    REQUIRE(h.services().saves.size() == 2);
    CHECK(h.services().saves[1] == h.store().export_record());
    CHECK(h.services().saves[1].find("Second") != std::string::npos);
    h.session().on_saved(true, "");
    CHECK(h.session().saving().state == app::SaveState::saved);
}

TEST_CASE("undo and an import during a sliced save: the save still writes the record it began with") {
    Harness h;
    double ms = 0;
    start_sliced(h, 2, &ms);
    CHECK(h.session().dispatch(Action{SetLearnerName{"Before undo"}, ""}).ok);
    const std::string saving = h.store().export_record();
    h.session().save_now();
    h.session().save_step();
    CHECK(h.session().undo());
    CHECK(h.session().redo());
    CHECK(h.session().undo());
    CHECK(h.store().import_record(read_file(source_path("tests/fixtures/record-v1.json"))).ok);
    finish_save(h);
    REQUIRE(h.services().saves.size() == 1);
    CHECK(h.services().saves[0] == saving);
    h.session().on_saved(true, "");
    CHECK(h.session().has_unsaved_changes());  // the undo and the import are saved next
    h.session().save_now();
    finish_save(h);
    CHECK(h.services().saves.back() == h.store().export_record());
}

TEST_CASE("storage refusing a sliced save early stops the slices and shows the banner") {
    Harness h;
    double ms = 0;
    start_sliced(h, 2, &ms);
    CHECK(h.session().dispatch(Action{SetLearnerName{"Kai"}, ""}).ok);
    h.session().save_now();
    h.session().save_step();
    const std::size_t parts = h.services().save_parts;
    h.session().on_saved(false, "QuotaExceededError");
    CHECK_FALSE(h.session().save_writing());
    h.session().save_step();                     // a slice the page had already queued
    CHECK(h.services().save_parts == parts);     // writes nothing
    CHECK(h.session().saving().state == app::SaveState::failed);
    CHECK(h.session().saving().problem == app::StorageProblem::full);
    h.session().save_now();                      // "Try saving again" starts a whole new save
    finish_save(h);
    REQUIRE(h.services().saves.size() == 1);
    CHECK(h.services().saves[0] == h.store().export_record());
}
