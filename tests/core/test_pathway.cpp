// Loading pathways: the envelope, field types, and every meaning check, each with its
// exact message and JSON Pointer. Also the bundled sample pathways.
#include "helpers.hpp"

#include <set>

using test::Json;

namespace {
std::vector<std::string> problems_of(const Json& j) {
    std::vector<std::string> out;
    for (const auto& p : mastery::pathway_from_json(j).problems) out.push_back(p.to_string());
    return out;
}
std::string first_problem(const Json& j) {
    auto all = problems_of(j);
    return all.empty() ? std::string("(valid)") : all.front();
}
}  // namespace

TEST_CASE("a well-formed pathway loads with every field") {
    auto p = test::pathway();
    CHECK(p.id == "tiny");
    CHECK(p.competencies.size() == 4);
    CHECK(p.stacks.size() == 3);
    CHECK(p.find_competency("ratios")->prerequisites[0] == mastery::Prerequisite{"fractions", 2});
    CHECK(p.find_stack("any-two")->required_count() == 2);
    CHECK(p.find_stack("big")->members[0].kind == mastery::StackMember::Kind::stack);
    CHECK(p.scale_of(*p.find_competency("graphs")).size() == 3);
}

TEST_CASE("the envelope says what the file is") {
    Json j = test::pathway_json();
    SUBCASE("missing format") {
        j.erase("format");
        CHECK(first_problem(j) == "/format: missing: this is not a Mastery Map pathway file");
    }
    SUBCASE("a record is not a pathway") {
        j["format"] = "mastery-map/record";
        CHECK(first_problem(j) == "/format: this is a \"mastery-map/record\" file, not a Mastery Map pathway (\"mastery-map/pathway\")");
    }
    SUBCASE("a newer version is refused, never half-read") {
        j["version"] = 7;
        CHECK(first_problem(j) ==
              "/version: this file was made by a newer version of Mastery Map (format version 7; this app reads up to 1). Update the app to open it.");
    }
    SUBCASE("a version that is not a number") {
        j["version"] = "1";
        CHECK(first_problem(j) == "/version: missing or not a positive whole number");
    }
    SUBCASE("not an object at all") { CHECK(first_problem(Json::array()) == "expected a JSON object, found a list"); }
}

TEST_CASE("wrong types are reported at every level with their pointer") {
    Json j = test::pathway_json();
    SUBCASE("top level") {
        j["title"] = 5;
        CHECK(first_problem(j) == "/title: expected text, found a whole number");
    }
    SUBCASE("a competency") {
        j["competencies"][1]["prerequisites"] = "fractions";
        CHECK(first_problem(j) == "/competencies/1/prerequisites: expected a list, found text");
    }
    SUBCASE("a criterion") {
        j["competencies"][2]["levels"][1]["criteria"][0]["text"] = Json::array();
        CHECK(first_problem(j) == "/competencies/2/levels/1/criteria/0/text: expected text, found a list");
    }
    SUBCASE("a stack member") {
        j["stacks"][0]["members"][1] = 3;
        CHECK(first_problem(j) == "/stacks/0/members/1: expected an object, found a whole number");
    }
    SUBCASE("a missing required field") {
        j["competencies"][3].erase("statement");
        CHECK(first_problem(j) == "/competencies/3: missing required key \"statement\"");
    }
    SUBCASE("an empty required field") {
        j["competencies"][0]["title"] = "";
        CHECK(first_problem(j) == "/competencies/0/title: must not be empty");
    }
    SUBCASE("a number out of range") {
        j["competencies"][0]["levels"][0]["effort_minutes"] = -5;
        CHECK(first_problem(j) == "/competencies/0/levels/0/effort_minutes: must be between 0 and 100000, found -5");
    }
    SUBCASE("all problems are listed, in document order") {
        j["title"] = 1;
        j["competencies"][0]["title"] = 2;
        CHECK(problems_of(j) == std::vector<std::string>{"/title: expected text, found a whole number",
                                                         "/competencies/0/title: expected text, found a whole number"});
    }
}

TEST_CASE("pathway checks name the problem and its place") {
    Json j = test::pathway_json();
    SUBCASE("duplicate ids, across competencies and stacks") {
        j["stacks"][1]["id"] = "graphs";
        CHECK(first_problem(j) == "/stacks/1/id: duplicate id \"graphs\" (also used at /competencies/3)");
    }
    SUBCASE("an id with spaces") {
        j["competencies"][0]["id"] = "my fractions";
        CHECK(first_problem(j) == "/competencies/0/id: ids use letters, digits, '-', '_' and '.' only; found \"my fractions\"");
    }
    SUBCASE("a dangling prerequisite") {
        j["competencies"][2]["prerequisites"][0]["competency"] = "alg-2";
        CHECK(first_problem(j) == "/competencies/2/prerequisites/0: unknown competency \"alg-2\"");
    }
    SUBCASE("a prerequisite level beyond the scale") {
        j["competencies"][1]["prerequisites"][0]["min_level"] = 9;
        CHECK(first_problem(j) == "/competencies/1/prerequisites/0/min_level: level 9 does not exist on \"fractions\" (it has 3)");
    }
    SUBCASE("a dangling related link") {
        j["competencies"][3]["related"] = {"poetry"};
        CHECK(first_problem(j) == "/competencies/3/related/0: unknown competency \"poetry\"");
    }
    SUBCASE("a prerequisite cycle is named") {
        j["competencies"][0]["prerequisites"] = {{{"competency", "rates"}}};
        CHECK(first_problem(j) ==
              "/competencies/0/prerequisites: prerequisite cycle: fractions -> rates -> ratios -> fractions (no one could ever start these)");
    }
    SUBCASE("a competency that requires itself") {
        j["competencies"][3]["prerequisites"] = {{{"competency", "graphs"}}};
        CHECK(first_problem(j) == "/competencies/3/prerequisites: prerequisite cycle: graphs -> graphs (no one could ever start these)");
    }
    SUBCASE("a stack whose rule cannot be met") {
        j["stacks"][1]["required"] = 4;
        CHECK(first_problem(j) == "/stacks/1/required: needs 4 of 3 members: the rule can never be met");
    }
    SUBCASE("stacks that contain each other") {
        j["stacks"][0]["members"].push_back({{"stack", "big"}});
        CHECK(first_problem(j) == "/stacks/0/members: stacks contain each other: number-sense -> big -> number-sense (none of them could be completed)");
    }
    SUBCASE("a stack member that does not exist") {
        j["stacks"][2]["members"][1]["stack"] = "nope";
        CHECK(first_problem(j) == "/stacks/2/members/1: unknown stack \"nope\"");
    }
    SUBCASE("a level without criteria") {
        j["competencies"][1]["levels"][2]["criteria"] = Json::array();
        CHECK(first_problem(j) == "/competencies/1/levels/2/criteria: a level needs at least one criterion (its public rubric)");
    }
    SUBCASE("level count does not match the scale") {
        j["competencies"][1]["levels"].erase(2);
        CHECK(first_problem(j) == "/competencies/1/levels: 2 level(s) given but the scale has 3 (one level per scale entry)");
    }
    SUBCASE("a competency with its own scale") {
        j["competencies"][1]["scale"] = {"Not yet", "Got it"};
        j["competencies"][1]["levels"].erase(2);
        CHECK(first_problem(j) == "(valid)");
    }
    SUBCASE("a javascript: link is refused") {
        j["competencies"][0]["levels"][0]["resources"] = {{{"title", "x"}, {"url", "javascript:alert(1)"}}};
        CHECK(first_problem(j) == "/competencies/0/levels/0/resources/0/url: only http:// and https:// links are allowed, found \"javascript:alert(1)\"");
    }
    SUBCASE("a member names both a competency and a stack") {
        j["stacks"][0]["members"][0]["stack"] = "big";
        CHECK(first_problem(j) == "/stacks/0/members/0: a member names either \"competency\" (with \"level\") or \"stack\"");
    }
}

TEST_CASE("unknown keys are ignored, so newer minor additions still load") {
    Json j = test::pathway_json();
    j["competencies"][0]["colour_hint"] = "teal";
    j["future_feature"] = {{"x", 1}};
    CHECK(first_problem(j) == "(valid)");
}

TEST_CASE("bundled sample pathways are valid") {
    for (std::string file : {"assets/pathways/middle-school-explorer.json", "assets/pathways/performance-assessment.json"}) {
        CAPTURE(file);
        auto loaded = mastery::load_pathway(test::read_text(test::source_path(file)));
        CHECK_MESSAGE(loaded.ok(), loaded.first_error());
    }
}

TEST_CASE("the student sample pathway has the shape the brief asks for") {
    auto loaded = mastery::load_pathway(test::read_text(test::source_path("assets/pathways/middle-school-explorer.json")));
    REQUIRE_MESSAGE(loaded.ok(), loaded.first_error());
    const auto& p = *loaded.value;
    CHECK(p.competencies.size() >= 18);
    CHECK(p.scale.size() == 4);
    std::set<std::string> subjects;
    int related = 0, prereqs = 0;
    for (const auto& c : p.competencies) {
        subjects.insert(c.subject);
        related += int(c.related.size());
        prereqs += int(c.prerequisites.size());
    }
    CHECK(subjects.size() >= 2);
    CHECK(related > 0);
    CHECK(prereqs > 0);
    CHECK(p.stacks.size() >= 3);
    bool n_of_m = false, nested = false;
    for (const auto& s : p.stacks) {
        n_of_m |= s.required > 0 && s.required < int(s.members.size());
        for (const auto& m : s.members) nested |= m.kind == mastery::StackMember::Kind::stack;
    }
    CHECK(n_of_m);
    CHECK(nested);
}

TEST_CASE("the educator sample pathway has 12 microcredentials in 4 stacks") {
    auto loaded = mastery::load_pathway(test::read_text(test::source_path("assets/pathways/performance-assessment.json")));
    REQUIRE_MESSAGE(loaded.ok(), loaded.first_error());
    const auto& p = *loaded.value;
    CHECK(p.competencies.size() == 12);
    CHECK(p.stacks.size() == 4);
    for (const auto& c : p.competencies) {
        CAPTURE(c.id);
        CHECK_FALSE(c.key_method.empty());
        CHECK_FALSE(c.method_components.empty());
    }
}

TEST_CASE("saving then loading a pathway gives an equal value, and the same bytes") {
    auto p = test::pathway();
    std::string once = mastery::save_pathway(p);
    auto again = mastery::load_pathway(once);
    REQUIRE(again.ok());
    CHECK(*again.value == p);
    CHECK(mastery::save_pathway(*again.value) == once);
}
