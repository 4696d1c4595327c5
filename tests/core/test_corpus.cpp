// The loader against a corpus built from a real record: every value replaced by a wrong
// type, every required key removed, and seeded random byte damage. Each case is refused
// with a message (or, where the change is harmless, loads), and nothing crashes; the
// sanitizer build runs this same file.
#include "helpers.hpp"

#include <functional>

using mastery::Json;

namespace {

Json sample_record_json() {
    auto r = test::earn(test::record(), "fractions", 1);
    r = test::apply(r, {{"type", "add_goal"}, {"competency", "ratios"}, {"target_level", 2}, {"target_date", "2026-12-15"}});
    r = test::apply(r, {{"type", "add_evidence"}, {"competency", "graphs"}, {"level", 1}, {"kind", "image"}, {"mime", "image/png"}, {"data", "iVBORw0KGgo="}});
    r = test::apply(r, {{"type", "set_self_assessment"}, {"competency", "graphs"}, {"level", 1}, {"criterion", "c1"}, {"rating", "met"}});
    return mastery::to_json(r);
}

// Calls fn(pointer) for every value in j (depth first).
void each_pointer(const Json& j, const Json::json_pointer& at, const std::function<void(const Json::json_pointer&)>& fn) {
    fn(at);
    if (j.is_object())
        for (auto it = j.begin(); it != j.end(); ++it) each_pointer(*it, at / it.key(), fn);
    else if (j.is_array())
        for (std::size_t i = 0; i < j.size(); ++i) each_pointer(j[i], at / i, fn);
}

Json wrong_type_for(const Json& v) {
    if (v.is_string()) return 42;
    if (v.is_number()) return "seven";
    if (v.is_array()) return Json::object({{"not", "a list"}});
    if (v.is_object()) return Json::array({1, 2});
    if (v.is_boolean()) return "yes";
    return Json::array();
}

}  // namespace

TEST_CASE("a wrong type anywhere in a record is refused with a pointer at or above it") {
    const Json good = sample_record_json();
    REQUIRE(mastery::record_from_json(good).ok());
    int cases = 0, refused = 0;
    each_pointer(good, Json::json_pointer(), [&](const Json::json_pointer& ptr) {
        if (ptr.empty()) return;
        Json bad = good;
        bad[ptr] = wrong_type_for(good[ptr]);
        ++cases;
        auto loaded = mastery::record_from_json(bad);
        // free-form values (badge designs, default badges) may hold anything
        std::string p = ptr.to_string();
        if (p.rfind("/badge_designs", 0) == 0 || p == "/app") return;
        CAPTURE(p);
        REQUIRE_FALSE(loaded.ok());
        ++refused;
        bool placed = false;
        for (const auto& problem : loaded.problems)
            placed |= p.rfind(problem.pointer, 0) == 0 || problem.pointer.rfind(p, 0) == 0;
        CHECK_MESSAGE(placed, loaded.first_error());
    });
    CHECK(cases > 200);
    CHECK(refused > 200);
}

TEST_CASE("removing any required key is refused with its name") {
    const Json good = sample_record_json();
    const std::vector<std::string> required = {"/id", "/pathway_ref", "/pathway", "/pathway/id", "/pathway/title", "/pathway/scale",
                                               "/pathway/competencies", "/pathway/competencies/0/levels", "/work/0/competency",
                                               "/work/0/level", "/work/0/evidence/0/id", "/work/0/reviews/0/reviewer",
                                               "/work/0/reviews/0/decisions/0/rating", "/plan/0/id"};
    for (const auto& p : required) {
        CAPTURE(p);
        Json bad = good;
        Json::json_pointer ptr(p);
        bad[ptr.parent_pointer()].erase(ptr.back());
        auto loaded = mastery::record_from_json(bad);
        REQUIRE_FALSE(loaded.ok());
        CHECK(loaded.first_error().find("missing required key \"" + ptr.back() + "\"") != std::string::npos);
    }
}

TEST_CASE("seeded random damage to a saved record never crashes the loader") {
    const std::string text = mastery::save_record(*mastery::record_from_json(sample_record_json()).value);
    std::uint64_t seed = 0x9E3779B97F4A7C15ull;
    auto next = [&] { return seed = seed * 6364136223846793005ull + 1442695040888963407ull; };
    int loaded_ok = 0, refused = 0;
    for (int round = 0; round < 300; ++round) {
        std::string damaged = text;
        int edits = 1 + int(next() % 8);
        for (int e = 0; e < edits; ++e) {
            std::size_t at = std::size_t(next() % damaged.size());
            switch (next() % 4) {
                case 0: damaged[at] = char(next() & 0xFF); break;               // flip a byte
                case 1: damaged.erase(at, std::size_t(next() % 40)); break;      // cut
                case 2: damaged.insert(at, damaged.substr(next() % damaged.size(), 30)); break;  // duplicate
                default: damaged.resize(at); break;                               // truncate
            }
            if (damaged.empty()) damaged = "{";
        }
        auto r = mastery::load_record(damaged);
        if (r.ok()) {
            ++loaded_ok;
            // whatever loads must save and load again to the same value
            auto again = mastery::load_record(mastery::save_record(*r.value));
            REQUIRE(again.ok());
            CHECK(*again.value == *r.value);
        } else {
            ++refused;
            CHECK_FALSE(r.problems.front().message.empty());
        }
    }
    CHECK(loaded_ok + refused == 300);
    CHECK(refused > 200);
}
