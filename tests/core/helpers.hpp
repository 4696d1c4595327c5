// Shared test data: a small pathway and record built in code, and file reading.
#pragma once

#include "mastery/actions.hpp"
#include "mastery/engine.hpp"
#include "mastery/io.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>

namespace test {

using mastery::Json;

inline std::string read_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

inline std::string source_path(const std::string& rel) { return std::string(MASTERY_SOURCE_DIR) + "/" + rel; }

inline Json level(const std::string& topic) {
    return {{"criteria", {{{"id", "c1"}, {"text", "I explain " + topic + " in my own words"}},
                          {{"id", "c2"}, {"text", "I solve a real problem using " + topic}}}},
            {"evidence", {{"overview", {"What did you work on?"}}, {"artifacts", {"A photo of your work"}}, {"reflection", {"What would you do differently?"}}}}};
}

inline Json competency(const std::string& id, const std::string& title, Json prereqs = Json::array()) {
    return {{"id", id}, {"title", title}, {"statement", "I can use " + title}, {"subject", "Math"},
            {"levels", {level(title), level(title), level(title)}}, {"prerequisites", prereqs}};
}

// fractions -> ratios (needs fractions at 2) -> rates; graphs is related to ratios.
// Stacks: number-sense = all of {fractions@2, ratios@1}; any-two = 2 of {fractions@1,
// graphs@1, rates@1}; big = all of {number-sense, any-two}.
inline Json pathway_json() {
    Json graphs = competency("graphs", "Graphs");
    graphs["subject"] = "Science";
    graphs["related"] = {"ratios"};
    return {{"format", "mastery-map/pathway"},
            {"version", 1},
            {"app", "test"},
            {"id", "tiny"},
            {"title", "Tiny pathway"},
            {"scale", {"Beginning", "Developing", "Proficient"}},
            {"competencies",
             {competency("fractions", "Fractions"),
              competency("ratios", "Ratios", {{{"competency", "fractions"}, {"min_level", 2}}}),
              competency("rates", "Rates", {{{"competency", "ratios"}, {"min_level", 1}}}), graphs}},
            {"stacks",
             {{{"id", "number-sense"}, {"title", "Number Sense"}, {"members", {{{"competency", "fractions"}, {"level", 2}}, {{"competency", "ratios"}, {"level", 1}}}}},
              {{"id", "any-two"}, {"title", "Any Two"}, {"required", 2},
               {"members", {{{"competency", "fractions"}, {"level", 1}}, {{"competency", "graphs"}, {"level", 1}}, {{"competency", "rates"}, {"level", 1}}}}},
              {{"id", "big"}, {"title", "Big One"}, {"members", {{{"stack", "number-sense"}}, {{"stack", "any-two"}}}}}}}};
}

inline mastery::Pathway pathway() {
    auto loaded = mastery::pathway_from_json(pathway_json());
    REQUIRE_MESSAGE(loaded.ok(), loaded.first_error());
    return *loaded.value;
}

inline mastery::LearnerRecord record() { return mastery::new_record(pathway(), "rec-1", "Robin", "2026-09-01T08:00:00Z"); }

// Applies an action given as JSON; fails the test if it is refused.
inline mastery::LearnerRecord apply(const mastery::LearnerRecord& r, Json action) {
    auto a = mastery::action_from_json(action);
    REQUIRE_MESSAGE(a.ok(), a.first_error());
    auto res = mastery::update(r, *a.value);
    REQUIRE_MESSAGE(res.ok, res.error);
    return res.record;
}

// The refusal message of an action that must not apply (and the record must not change).
inline std::string refusal(const mastery::LearnerRecord& r, Json action) {
    auto a = mastery::action_from_json(action);
    if (!a.ok()) return a.first_error();
    auto res = mastery::update(r, *a.value);
    CHECK_FALSE(res.ok);
    CHECK(res.record == r);
    return res.error;
}

// Earns one level: evidence, submission, an all-met review.
inline mastery::LearnerRecord earn(mastery::LearnerRecord r, const std::string& c, int l, const std::string& day = "2026-09-10") {
    r = apply(r, {{"type", "add_evidence"}, {"competency", c}, {"level", l}, {"kind", "text"}, {"text", "My work on " + c}, {"at", day + "T09:00:00Z"}});
    r = apply(r, {{"type", "submit_for_review"}, {"competency", c}, {"level", l}, {"at", day + "T10:00:00Z"}});
    r = apply(r, {{"type", "record_review"}, {"competency", c}, {"level", l}, {"reviewer", "Ms. Okafor"}, {"role", "teacher"},
                  {"decisions", {{{"criterion", "c1"}, {"rating", "met"}}, {{"criterion", "c2"}, {"rating", "met"}}}},
                  {"at", day + "T15:00:00Z"}});
    return r;
}

}  // namespace test
