// Learner records: loading, the embedded pathway and its hash, references into it,
// round trips and deterministic output, and the bundled sample record.
#include "helpers.hpp"

using mastery::Json;

namespace {
mastery::LearnerRecord busy_record() {
    auto r = test::earn(test::record(), "fractions", 1);
    r = test::apply(r, {{"type", "add_goal"}, {"competency", "ratios"}, {"target_level", 2}, {"target_date", "2026-12-15"}, {"at", "2026-09-01T09:00:00Z"}});
    r = test::apply(r, {{"type", "add_evidence"}, {"competency", "graphs"}, {"level", 1}, {"kind", "image"}, {"part", "artifact"},
                        {"text", "Gráfico ñ"}, {"mime", "image/png"}, {"data", "iVBORw0KGgoAAAANSUhEUg=="}, {"at", "2026-09-02T09:00:00Z"}});
    r = test::apply(r, {{"type", "set_badge_design"}, {"key", "competency:graphs:1"}, {"design", {{"format", "mastery-map/badge"}, {"version", 1},
                        {"layers", {{{"type", "shape"}, {"shape", "star"}, {"fill", {{"type", "solid"}, {"color", "#ffaa00"}}}}}}}}});
    return r;
}
std::string first_problem(const Json& j) {
    auto loaded = mastery::record_from_json(j);
    return loaded.ok() ? "(valid)" : loaded.first_error();
}
}  // namespace

TEST_CASE("a record round trips to an equal value and the same bytes") {
    auto r = busy_record();
    std::string text = mastery::save_record(r);
    auto loaded = mastery::load_record(text);
    REQUIRE_MESSAGE(loaded.ok(), loaded.first_error());
    CHECK(*loaded.value == r);
    CHECK(mastery::save_record(*loaded.value) == text);
    CHECK(loaded.value->work[1].evidence[0].bytes.size() == 16);
}

TEST_CASE("a saved record describes itself") {
    Json j = mastery::to_json(busy_record());
    CHECK(j["format"] == "mastery-map/record");
    CHECK(j["version"] == 1);
    CHECK(j["app"].get<std::string>().rfind("Mastery Map ", 0) == 0);
    CHECK(j["pathway_ref"]["id"] == "tiny");
    CHECK(j["pathway_ref"]["hash"] == mastery::content_hash(test::pathway()));
    CHECK(j["pathway"].contains("competencies"));
    CHECK_FALSE(j["pathway"].contains("format"));
}

TEST_CASE("record checks name the problem and its place") {
    Json j = mastery::to_json(busy_record());
    SUBCASE("a record for another pathway") {
        j["pathway_ref"]["id"] = "algebra-1";
        CHECK(first_problem(j) == "/pathway_ref/id: the record is for pathway \"algebra-1\" but carries a copy of \"tiny\"");
    }
    SUBCASE("an embedded pathway changed outside the app") {
        j["pathway"]["title"] = "Edited by hand";
        CHECK(first_problem(j) == "/pathway_ref/hash: does not match the embedded pathway (the file was changed outside the app or damaged)");
    }
    SUBCASE("a broken embedded pathway is reported under /pathway") {
        j["pathway"]["competencies"][1]["prerequisites"][0]["competency"] = "nope";
        CHECK(first_problem(j) == "/pathway/competencies/1/prerequisites/0: unknown competency \"nope\"");
    }
    SUBCASE("duplicate evidence ids") {
        j["work"][1]["evidence"][0]["id"] = "e1";
        CHECK(first_problem(j) == "/work/1/evidence/0/id: duplicate evidence id \"e1\"");
    }
    SUBCASE("a goal for a competency that does not exist") {
        j["plan"][0]["competency"] = "poetry";
        CHECK(first_problem(j) == "/plan/0/competency: unknown competency \"poetry\"");
    }
    SUBCASE("a review of an attempt that was never submitted") {
        j["work"][0]["reviews"][0]["attempt"] = 2;
        CHECK(first_problem(j) == "/work/0/reviews/0/attempt: reviews attempt 2 but only 1 submission(s) exist");
    }
    SUBCASE("an unknown criterion in a review") {
        j["work"][0]["reviews"][0]["decisions"][1]["criterion"] = "c9";
        CHECK(first_problem(j) == "/work/0/reviews/0/decisions/1/criterion: unknown criterion \"c9\"");
    }
    SUBCASE("image data that is not base64") {
        j["work"][1]["evidence"][0]["data"] = "not base64!";
        CHECK(first_problem(j) == "/work/1/evidence/0/data: not valid base64 data");
    }
    SUBCASE("wrong types deep inside") {
        j["work"][0]["submissions"][0]["evidence"] = "e1";
        CHECK(first_problem(j) == "/work/0/submissions/0/evidence: expected a list, found text");
    }
    SUBCASE("a missing pathway") {
        j.erase("pathway");
        CHECK(first_problem(j) == "missing required key \"pathway\"");
    }
    SUBCASE("a newer record version") {
        j["version"] = 2;
        CHECK(first_problem(j) ==
              "/version: this file was made by a newer version of Mastery Map (format version 2; this app reads up to 1). Update the app to open it.");
    }
}

TEST_CASE("the frozen version 1 record fixture still loads") {
    // tests/fixtures/record-v1.json is never edited: it proves old files keep opening.
    auto loaded = mastery::load_record(test::read_text(test::source_path("tests/fixtures/record-v1.json")));
    REQUIRE_MESSAGE(loaded.ok(), loaded.first_error());
    CHECK(loaded.value->learner_name == "Robin");
    mastery::Progress pr(*loaded.value);
    CHECK(pr.earned_level("fractions") == 1);
}

TEST_CASE("the bundled sample record is part-way through the student pathway") {
    auto loaded = mastery::load_record(test::read_text(test::source_path("assets/records/sample-record.json")));
    REQUIRE_MESSAGE(loaded.ok(), loaded.first_error());
    const auto& r = *loaded.value;
    mastery::Progress pr(r);
    int earned = 0, not_yet = 0, submitted = 0, in_progress = 0;
    for (const auto& c : r.pathway.competencies)
        for (int l = 1; l <= int(c.levels.size()); ++l) {
            auto s = pr.status_of(c.id, l);
            earned += s == mastery::Status::earned;
            not_yet += s == mastery::Status::not_yet;
            submitted += s == mastery::Status::submitted;
            in_progress += s == mastery::Status::in_progress;
        }
    CHECK(earned >= 2);
    CHECK(not_yet >= 1);
    CHECK(submitted >= 1);
    CHECK(in_progress >= 1);
    CHECK_FALSE(r.plan.empty());
    CHECK_FALSE(mastery::next_steps(r, pr).empty());
    // the embedded pathway is the bundled one
    auto bundled = mastery::load_pathway(test::read_text(test::source_path("assets/pathways/middle-school-explorer.json")));
    REQUIRE(bundled.ok());
    CHECK(r.pathway == *bundled.value);
}

// load_record reads the work entries while the text is parsed (parse_file) and drops their
// JSON. What it finds must be exactly what the reader of the whole tree finds: the same
// record, or the same problems at the same places in the same order.
namespace {
mastery::Loaded<mastery::ParsedFile> same_as_tree(const std::string& text) {
    auto tree = mastery::record_from_json(Json::parse(text));  // the whole tree, then read
    auto early = mastery::load_record(text);
    CHECK(early.problems == tree.problems);
    CHECK(early.ok() == tree.ok());
    if (early.ok() && tree.ok()) CHECK(*early.value == *tree.value);
    return mastery::parse_file(text);
}
// j's text with `key` moved to the front (dump() sorts keys; hand-written files need not).
std::string with_first(const Json& j, const char* key) {
    Json rest = j;
    rest.erase(key);
    std::string text = rest.dump(2);
    text.insert(1, "\"" + std::string(key) + "\": " + j[key].dump() + ",");
    return text;
}
}  // namespace

TEST_CASE("work entries read while parsing give what the tree reader gives") {
    Json j = mastery::to_json(busy_record());
    REQUIRE(j["work"].size() >= 2);
    SUBCASE("a valid record: every entry is read early and its tree is dropped") {
        auto parsed = same_as_tree(j.dump(2));
        REQUIRE(parsed.ok());
        REQUIRE(parsed.value->work.size() == j["work"].size());
        for (std::size_t i = 0; i < j["work"].size(); ++i) {
            CHECK(parsed.value->work[i].read);
            CHECK(parsed.value->json["work"][i] == Json::object());
        }
        const std::size_t competencies = j["pathway"]["competencies"].size();
        REQUIRE(parsed.value->competencies.size() == competencies);
        for (std::size_t i = 0; i < competencies; ++i) {
            CHECK(parsed.value->competencies[i].read);
            CHECK(parsed.value->json["pathway"]["competencies"][i] == Json::object());
        }
    }
    SUBCASE("problems in the embedded pathway's competencies, before the work list's") {
        j["pathway"]["competencies"][0]["title"] = "";
        j["pathway"]["competencies"][1]["levels"] = Json::object();
        j["pathway"]["competencies"].push_back("x");
        j["work"][0]["level"] = "one";
        auto tree = mastery::record_from_json(j);
        REQUIRE(tree.problems.size() == 4);
        CHECK(tree.problems[0].pointer == "/pathway/competencies/0/title");
        CHECK(tree.problems[3].pointer == "/work/0/level");
        auto parsed = same_as_tree(j.dump(2));
        REQUIRE(parsed.ok());
        CHECK_FALSE(parsed.value->competencies.back().read);
    }
    SUBCASE("problems inside entries, an entry that is not an object, problems before and after the list") {
        j["id"] = "";                                      // read before the work list
        j["work"][0]["reviews"][0]["role"] = 5;            // inside the first entry
        j["work"][1]["evidence"][0]["data"] = "not base64!";
        j["work"].push_back(7);                            // not an object
        j["activity"][0]["at"] = 3;                        // read after the work list
        const std::string text = j.dump(2);
        auto tree = mastery::record_from_json(j);
        REQUIRE(tree.problems.size() == 5);
        CHECK(tree.problems[0].pointer == "/id");
        CHECK(tree.problems[3].to_string() == "/work/" + std::to_string(j["work"].size() - 1) + ": expected an object, found a whole number");
        CHECK(tree.problems[4].pointer == "/activity/0/at");
        auto parsed = same_as_tree(text);
        REQUIRE(parsed.ok());
        CHECK_FALSE(parsed.value->work.back().read);
        CHECK(parsed.value->json["work"].back() == 7);
    }
    SUBCASE("\"work\" before \"format\" and \"version\": the tree is read as a whole") {
        auto parsed = same_as_tree(with_first(j, "work"));
        REQUIRE(parsed.ok());
        CHECK(parsed.value->work.empty());
        CHECK(parsed.value->json["work"] == j["work"]);
    }
    SUBCASE("a newer version is refused before its entries are read") {
        j["version"] = 2;
        auto parsed = same_as_tree(j.dump(2));
        REQUIRE(parsed.ok());
        CHECK(parsed.value->work.empty());
    }
    SUBCASE("a repeated \"work\" key: the last list wins, as in the tree") {
        std::string text = j.dump(2);
        text.insert(text.rfind('}'), ", \"work\": []");
        auto parsed = same_as_tree(text);
        REQUIRE(parsed.ok());
        CHECK(parsed.value->work.empty());
        auto again = mastery::load_record(text);
        REQUIRE_MESSAGE(again.ok(), again.first_error());
        CHECK(again.value->work.empty());
    }
    SUBCASE("\"format\" after \"pathway\": the pathway's tree is read as a whole") {
        auto parsed = same_as_tree(with_first(j, "pathway"));
        REQUIRE(parsed.ok());
        CHECK(parsed.value->competencies.empty());
        CHECK(parsed.value->work.size() == j["work"].size());
    }
    SUBCASE("other files are plain JSON") {
        auto parsed = mastery::parse_file(mastery::save_pathway(test::pathway()));
        REQUIRE(parsed.ok());
        CHECK(parsed.value->work.empty());
        CHECK(parsed.value->json["format"] == "mastery-map/pathway");
        CHECK_FALSE(mastery::parse_file("{\"format\": ").ok());
    }
}

TEST_CASE("a pathway file's competencies are read while parsing, with the tree reader's problems") {
    Json j = mastery::to_json(test::pathway());
    auto check = [](const Json& j) {
        auto tree = mastery::pathway_from_json(j);
        auto early = mastery::load_pathway(j.dump(2));
        CHECK(early.problems == tree.problems);
        REQUIRE(early.ok() == tree.ok());
        if (early.ok()) CHECK(*early.value == *tree.value);
        return tree;
    };
    SUBCASE("valid") { CHECK(check(j).ok()); }
    SUBCASE("problems inside and around the list") {
        j["title"] = 3;
        j["competencies"][0]["statement"] = "";
        j["competencies"].push_back(Json::array());
        j["competencies"][1]["prerequisites"][0]["min_level"] = 0;
        j["stacks"] = "none";
        auto tree = check(j);
        CHECK(tree.problems.size() == 5);
    }
    SUBCASE("not a pathway: the envelope's problem only") {
        j["format"] = "mastery-map/record";
        CHECK(check(j).first_error() == "/format: this is a \"mastery-map/record\" file, not a Mastery Map pathway (\"mastery-map/pathway\")");
    }
}
