// The app layer without drawing: the store's one dispatch path (UI and JSON alike), the
// session's startup sequence, prefs that never enter the record, and the string table.
#include "harness.hpp"

#include "app/prefs.hpp"
#include "app/strings.hpp"

#include <doctest/doctest.h>

#include <cctype>

using namespace mastery;
using namespace mastery::testing;

namespace {

LearnerRecord sample() {
    Loaded<LearnerRecord> r = load_record(read_file(source_path("assets/records/sample-record.json")));
    REQUIRE_MESSAGE(r.ok(), r.first_error());
    return *r.value;
}

app::Clock fixed() {
    return [] { return std::string(kNow); };
}

}  // namespace

TEST_CASE("the JSON action entry goes through the same dispatch as the UI") {
    app::Store store(sample(), fixed());
    SUBCASE("a valid action applies and is stamped with the store's clock") {
        const app::Outcome o = store.dispatch_json(R"({"type": "set_learner_name", "name": "Ñandú"})");
        CHECK(o.ok);
        CHECK(store.record().learner_name == "Ñandú");
        CHECK(store.record().activity.back().at == kNow);
        CHECK(store.log() == std::vector<std::string>{"set_learner_name"});
        CHECK(app::outcome_json(o) == R"({"ok":true})");
    }
    SUBCASE("an unknown type is refused with the core's message") {
        const app::Outcome o = store.dispatch_json(R"({"type": "fly"})");
        CHECK_FALSE(o.ok);
        CHECK(o.error.find("unknown action type") != std::string::npos);
        CHECK(app::outcome_json(o).find(R"("ok":false)") != std::string::npos);
    }
    SUBCASE("text that is not JSON is refused, never thrown") {
        const app::Outcome o = store.dispatch_json("{not json");
        CHECK_FALSE(o.ok);
        CHECK_FALSE(o.error.empty());
    }
    SUBCASE("a refused action leaves the record unchanged") {
        const LearnerRecord before = store.record();
        CHECK_FALSE(store.dispatch_json(R"({"type": "submit_for_review", "competency": "percent-problems", "level": 1})").ok);
        CHECK(store.record() == before);
        CHECK(store.log() == std::vector<std::string>{"!submit_for_review"});
    }
}

TEST_CASE("import replaces the record through load_record and is undoable; export is save_record") {
    app::Store store(sample(), fixed());
    const std::string exported = store.export_record();
    CHECK(exported == save_record(store.record()));
    CHECK(store.dispatch_json(R"({"type": "set_learner_name", "name": "Other"})").ok);
    CHECK(store.import_record(exported).ok);
    CHECK(store.record().learner_name == sample().learner_name);
    CHECK(store.undo());
    CHECK(store.record().learner_name == "Other");
    SUBCASE("a damaged file is refused with a pointer-precise message") {
        const app::Outcome o = store.import_record(R"({"format": "mastery-map/record", "version": 1})");
        CHECK_FALSE(o.ok);
        CHECK_FALSE(o.error.empty());
    }
}

TEST_CASE("a snapshot stays valid after a dispatch replaces the record") {
    app::Store store(sample(), fixed());
    const std::shared_ptr<const app::Snapshot> frame = store.snapshot();
    const std::string name = frame->record.learner_name;
    CHECK(store.dispatch_json(R"({"type": "set_learner_name", "name": "Later"})").ok);
    CHECK(frame->record.learner_name == name);               // what the frame is still drawing
    CHECK(store.record().learner_name == "Later");           // what the next frame draws
    CHECK(frame->progress->earned_level("ratios-1") == 2);   // Progress still points at the old record
}

TEST_CASE("startup loads the index, then its default pathway, then makes a fresh record") {
    app::NullServices services;
    app::Session s(services, fixed());
    s.start("");
    REQUIRE(services.fetches == std::vector<std::string>{"pathways/index.json"});
    s.on_fetched(1, true, read_file(source_path("assets/pathways/index.json")), "");
    REQUIRE(services.fetches.size() == 2);
    CHECK(services.fetches[1] == "pathways/middle-school-explorer.json");
    CHECK(s.startup().phase == app::StartPhase::loading);
    s.on_fetched(2, true, read_file(source_path("assets/pathways/middle-school-explorer.json")), "");
    CHECK(s.startup().phase == app::StartPhase::ready);
    REQUIRE(s.store() != nullptr);
    CHECK(s.store()->record().learner_name == "Student");
    CHECK(s.store()->record().created_at == kNow);
    CHECK(s.startup().index.size() == 2);
    SUBCASE("the sample record replaces the fresh one") {
        s.load_sample();
        s.on_fetched(3, true, read_file(source_path("assets/records/sample-record.json")), "");
        CHECK(s.store()->record().learner_name == sample().learner_name);
        CHECK(s.store()->record().work == sample().work);
    }
    SUBCASE("choosing another pathway starts a fresh record on it (undoable)") {
        s.choose_pathway("performance-assessment.json");
        CHECK(services.fetches.back() == "pathways/performance-assessment.json");
        s.on_fetched(3, true, read_file(source_path("assets/pathways/performance-assessment.json")), "");
        CHECK(s.store()->record().pathway.id != "middle-school-explorer");
        CHECK(s.undo());
        CHECK(s.store()->record().pathway.id == "middle-school-explorer");
    }
}

TEST_CASE("a ?pathway= address must stay on this site") {
    CHECK(app::is_same_site_relative("pathways/my-class.json"));
    CHECK(app::is_same_site_relative("./a/b.json?x=1"));
    CHECK(app::is_same_site_relative("/teacher/p.json"));
    CHECK_FALSE(app::is_same_site_relative("https://example.com/p.json"));
    CHECK_FALSE(app::is_same_site_relative("//example.com/p.json"));
    CHECK_FALSE(app::is_same_site_relative("javascript:alert(1)"));
    CHECK_FALSE(app::is_same_site_relative("data:application/json,{}"));
    CHECK_FALSE(app::is_same_site_relative("a\\b.json"));
    CHECK_FALSE(app::is_same_site_relative(""));

    app::NullServices services;
    app::Session s(services, fixed());
    s.start("https://example.com/p.json");
    CHECK(s.startup().phase == app::StartPhase::failed);
    CHECK(services.fetches == std::vector<std::string>{"pathways/index.json"});  // nothing off-site was asked for
}

TEST_CASE("a pathway that cannot be downloaded or read shows why, and the index failing does not crash") {
    app::NullServices services;
    app::Session s(services, fixed());
    s.start("");
    s.on_fetched(1, false, "", "HTTP 404");
    CHECK(s.startup().phase == app::StartPhase::failed);
    REQUIRE(s.startup().problems.size() == 1);
    CHECK(s.startup().problems[0].find("HTTP 404") != std::string::npos);
    CHECK(s.js_dispatch(R"({"type": "set_learner_name", "name": "x"})").find(R"("ok":false)") != std::string::npos);
    CHECK(s.js_export().empty());
}

TEST_CASE("only http and https links are opened") {
    CHECK(app::is_web_link("https://www.khanacademy.org/"));
    CHECK(app::is_web_link("http://example.org/"));
    CHECK_FALSE(app::is_web_link("javascript:alert(1)"));
    CHECK_FALSE(app::is_web_link("file:///etc/passwd"));
    CHECK_FALSE(app::is_web_link("ftp://example.org/"));
}

TEST_CASE("prefs round-trip as text, read leniently, and are clamped") {
    app::Prefs p;
    p.ui_scale = 150;
    p.theme = app::Theme::high_contrast;
    p.reduced_motion = true;
    p.reviewer_name = "Ms. Núñez";
    p.reviewer_role = "mentor";
    CHECK(app::prefs_from_text(app::prefs_to_text(p)) == p);
    SUBCASE("damaged or unknown values fall back to defaults") {
        const app::Prefs d = app::prefs_from_text(R"({"ui_scale": "big", "theme": "neon", "reduced_motion": 3})");
        CHECK(d == app::Prefs{});
        CHECK(app::prefs_from_text("not json") == app::Prefs{});
        CHECK(app::prefs_from_text("") == app::Prefs{});
    }
    SUBCASE("the scale stays within 100-200%") {
        CHECK(app::prefs_from_text(R"({"ui_scale": 900})").ui_scale == 200);
        CHECK(app::prefs_from_text(R"({"ui_scale": 10})").ui_scale == 100);
    }
    SUBCASE("setting prefs saves them and never touches the record") {
        app::NullServices services;
        app::Session s(services, fixed());
        s.start_with_record(sample());
        const LearnerRecord before = s.store()->record();
        s.set_prefs(p);
        CHECK(services.saved_prefs == app::prefs_to_text(p));
        CHECK(s.store()->record() == before);
        CHECK(s.js_export().find("high_contrast") == std::string::npos);
    }
}

TEST_CASE("every string in the table has English text") {
    for (int i = 0; i < static_cast<int>(app::S::count); ++i) {
        CAPTURE(i);
        const char* text = app::tr(static_cast<app::S>(i));
        REQUIRE(text != nullptr);
        CHECK(text[0] != '\0');
    }
    CHECK(std::string(app::fmt(app::S::plan_stack_fmt, 3, 5)) == "3 of 5");
}

TEST_CASE("the app's clock writes UTC times the records' format expects") {
    const std::string now = app::system_now();
    REQUIRE(now.size() == 20);
    for (std::size_t i : {4u, 7u}) CHECK(now[i] == '-');
    CHECK(now[10] == 'T');
    for (std::size_t i : {13u, 16u}) CHECK(now[i] == ':');
    CHECK(now[19] == 'Z');
    for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u, 11u, 12u, 14u, 15u, 17u, 18u}) CHECK(std::isdigit(static_cast<unsigned char>(now[i])));
    CHECK(now.substr(0, 2) == "20");
    CHECK(app::date_of(now) == now.substr(0, 10));
}
