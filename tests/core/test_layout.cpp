// The map layout: prerequisites always sit in earlier columns, authored positions win,
// stack regions surround their members, and big pathways lay out without blow-up.
#include "helpers.hpp"

#include "mastery/layout.hpp"

#include <set>

TEST_CASE("prerequisites come in earlier columns than what needs them") {
    auto p = test::pathway();
    auto m = mastery::layout_map(p);
    REQUIRE(m.nodes.size() == 4);
    CHECK(m.find("fractions")->layer == 0);
    CHECK(m.find("ratios")->layer == 1);
    CHECK(m.find("rates")->layer == 2);
    CHECK(m.find("graphs")->layer == 0);
    CHECK(m.find("fractions")->at.x < m.find("ratios")->at.x);
    CHECK(m.find("ratios")->at.x < m.find("rates")->at.x);
    CHECK(m.find("fractions")->at.y != m.find("graphs")->at.y);  // same column, different rows
    CHECK(m.find("nope") == nullptr);
}

TEST_CASE("authored positions are honoured as given") {
    auto p = test::pathway();
    p.competencies[2].position = mastery::Position{-500, 42};
    auto m = mastery::layout_map(p);
    CHECK(m.find("rates")->authored);
    CHECK(m.find("rates")->at == mastery::Position{-500, 42});
    CHECK_FALSE(m.find("ratios")->authored);
    CHECK(m.bounds.x0 <= -500 - 100);
}

TEST_CASE("stack regions surround their members, nested stacks inside their parents") {
    auto p = test::pathway();
    auto m = mastery::layout_map(p);
    REQUIRE(m.stacks.size() == 3);
    auto region = [&](const std::string& id) {
        for (const auto& s : m.stacks)
            if (s.stack == id) return s;
        FAIL("no region for " << id);
        return mastery::StackRegion{};
    };
    auto inside = [](const mastery::Rect& outer, const mastery::Rect& inner) {
        return outer.x0 < inner.x0 && outer.y0 < inner.y0 && outer.x1 > inner.x1 && outer.y1 > inner.y1;
    };
    auto ns = region("number-sense");
    for (const char* id : {"fractions", "ratios"}) {
        auto at = m.find(id)->at;
        CHECK(inside(ns.box, {at.x - 1, at.y - 1, at.x + 1, at.y + 1}));
    }
    CHECK(inside(region("big").box, ns.box));
    CHECK(inside(region("big").box, region("any-two").box));
    CHECK(region("big").depth == 0);
    CHECK(ns.depth == 1);
}

TEST_CASE("the bundled pathway lays out every competency at its own place") {
    auto loaded = mastery::load_pathway(test::read_text(test::source_path("assets/pathways/middle-school-explorer.json")));
    REQUIRE(loaded.ok());
    auto m = mastery::layout_map(*loaded.value);
    std::set<std::pair<float, float>> places;
    for (const auto& n : m.nodes) places.insert({n.at.x, n.at.y});
    CHECK(places.size() == loaded.value->competencies.size());
    for (const auto& c : loaded.value->competencies)
        for (const auto& pre : c.prerequisites) CHECK(m.find(pre.competency)->layer < m.find(c.id)->layer);
}

TEST_CASE("a 2,000 competency pathway lays out with prerequisites respected") {
    mastery::Pathway p = test::pathway();
    p.stacks.clear();
    p.competencies.clear();
    for (int i = 0; i < 2000; ++i) {
        mastery::Competency c;
        c.id = "c" + std::to_string(i);
        c.title = c.id;
        c.subject = i % 3 == 0 ? "Math" : i % 3 == 1 ? "Science" : "Writing";
        if (i % 40) c.prerequisites.push_back({"c" + std::to_string(i - 1), 1});
        if (i >= 200) c.prerequisites.push_back({"c" + std::to_string(i - 200), 1});
        p.competencies.push_back(c);
    }
    auto m = mastery::layout_map(p);
    CHECK(m.nodes.size() == 2000);
    int violations = 0;
    for (const auto& c : p.competencies)
        for (const auto& pre : c.prerequisites) violations += m.find(pre.competency)->layer >= m.find(c.id)->layer;
    CHECK(violations == 0);
}
