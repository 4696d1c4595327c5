// The map's layout and drawing: layered by prerequisites, lanes per subject, authored
// positions honoured, stack regions over their members, and culling on a large pathway.
#include "harness.hpp"

#include "ui/map_scene.hpp"

#include <doctest/doctest.h>

#include <cmath>

using namespace mastery;
using namespace mastery::testing;

namespace {

Pathway bundled() {
    Loaded<Pathway> p = load_pathway(read_file(source_path("assets/pathways/middle-school-explorer.json")));
    REQUIRE_MESSAGE(p.ok(), p.first_error());
    return *p.value;
}


}  // namespace

TEST_CASE("the automatic layout puts every prerequisite in an earlier column") {
    const Pathway p = bundled();
    const ui::MapScene L = ui::build_map_scene(p);
    REQUIRE(L.nodes.size() == p.competencies.size());
    CHECK_FALSE(L.authored);
    for (std::size_t i = 0; i < p.competencies.size(); ++i)
        for (const Prerequisite& q : p.competencies[i].prerequisites) {
            CAPTURE(p.competencies[i].id);
            CHECK(L.nodes[L.index.at(q.competency)].x1 < L.nodes[i].x0);
        }
}

TEST_CASE("subjects get one lane each and no two skills overlap") {
    const Pathway p = bundled();
    const ui::MapScene L = ui::build_map_scene(p);
    CHECK(L.lanes.size() == L.subjects.size());
    CHECK(L.subjects == std::vector<std::string>{"Math", "Science", "Writing & ELA"});
    for (std::size_t i = 0; i < L.nodes.size(); ++i) {
        const ui::MapLane& lane = L.lanes[L.subject[i]];
        CHECK(lane.rect.overlaps(L.nodes[i]));
        for (std::size_t j = i + 1; j < L.nodes.size(); ++j) CHECK_FALSE(L.nodes[i].overlaps(L.nodes[j]));
    }
}

TEST_CASE("a stack's region covers each of its members") {
    const Pathway p = bundled();
    const ui::MapScene L = ui::build_map_scene(p);
    REQUIRE(L.stacks.size() == p.stacks.size());
    const ui::StackArea& r = L.stacks[0];
    for (const StackMember& m : p.stacks[0].members) {
        if (m.kind != StackMember::Kind::competency) continue;
        const ui::MapRect& node = L.nodes[L.index.at(m.id)];
        bool covered = false;
        for (const ui::MapRect& piece : r.pieces)
            covered = covered || (piece.x0 <= node.x0 && piece.y0 <= node.y0 && piece.x1 >= node.x1 && piece.y1 >= node.y1);
        CAPTURE(m.id);
        CHECK(covered);
    }
}

TEST_CASE("authored positions are honoured as given") {
    Pathway p = bundled();
    for (std::size_t i = 0; i < p.competencies.size(); ++i) p.competencies[i].position = Position{float(i) * 1000.0f, 42.0f};
    const ui::MapScene L = ui::build_map_scene(p);
    CHECK(L.authored);
    CHECK(L.lanes.empty());
    CHECK(L.nodes[3].x0 == 3000.0f);
    CHECK(L.nodes[3].y0 == 42.0f);
}

TEST_CASE("a 2,000-skill pathway is laid out in linear time and only what is on screen is drawn") {
    const Pathway p = generated_pathway(2000);
    REQUIRE(validate_pathway(p).empty());
    const ui::MapScene L = ui::build_map_scene(p);
    CHECK(L.nodes.size() == 2000);
    CHECK(L.stacks.size() == 200);

    Harness h;
    h.session().start_with_record(new_record(p, "r-big", "Student", kNow));
    h.frames(3);
    const int drawn = h.shell().map.drawn_nodes;
    CHECK(drawn > 0);
    CHECK(drawn < 100);  // a screenful, not 2,000
    CHECK(h.shell().map.drawn_arrows < 200);
}

TEST_CASE("related links far across a large map are dashed only where they cross the screen") {
    Pathway p = generated_pathway(2000);
    // every skill of the first half related to one in the second half: long links across lanes
    for (int i = 0; i < 1000; ++i) p.competencies[std::size_t(i)].related.push_back("c" + std::to_string(i + 1000));
    REQUIRE(validate_pathway(p).empty());
    Harness h;
    h.session().start_with_record(new_record(p, "r-related", "Student", kNow));
    h.frames(3);
    const ui::MapView& map = h.shell().map;
    REQUIRE(map.show_related);
    CHECK(map.drawn_related > 0);
    // A link's on-screen part is at most the canvas diagonal; dashes repeat every 16 units
    // at 1x (9 dash + 7 gap) times the zoom, plus one started before the edge.
    const float diagonal = std::sqrt(map.canvas_size.x * map.canvas_size.x + map.canvas_size.y * map.canvas_size.y);
    const float period = 16.0f * map.zoom;
    CHECK(map.drawn_dashes <= map.drawn_related * (int(diagonal / period) + 2));
}
