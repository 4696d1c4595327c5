// The map view's scene: where each competency sits (map units; 1 unit = 1 pixel at 100%
// zoom and scale), the subject lanes behind them and the stack areas that hug their
// members. Authored positions are honoured; the rest get a layered layout (one column per
// prerequisite depth, one lane per subject, stack members kept together). Pure geometry.
// (The core's mastery::layout_map, written in parallel, has no lanes or member-hugging
// areas yet; when it does, this file can shrink to the lanes and areas around it.)
#pragma once

#include "mastery/model.hpp"

#include <string>
#include <unordered_map>
#include <vector>

namespace mastery::ui {

struct MapRect {
    float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    bool overlaps(const MapRect& o) const { return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1; }
};

struct MapLane {
    std::string subject;  // "" for competencies without one
    MapRect rect;
};

struct StackArea {
    int stack = 0;                 // index into pathway.stacks
    std::vector<MapRect> pieces;   // halos around members and bridges between neighbours
    MapRect bounds;
    float label_x = 0, label_y = 0;  // top-left of the label, above the first member
};

struct MapScene {
    static constexpr float kNodeW = 270, kNodeH = 112, kColW = 370, kRowH = 158, kLaneGap = 70;

    std::vector<MapRect> nodes;          // per competency, pathway order
    std::vector<int> subject;            // per competency: lane/subject index
    std::vector<std::string> subjects;   // subject names in order of first appearance
    std::vector<MapLane> lanes;          // empty when every position was authored
    std::vector<StackArea> stacks;     // pathway.stacks order, drawn behind nodes
    std::unordered_map<std::string, int> index;  // competency id -> index
    // Links by index, resolved once: prerequisite arrows (from -> to, pathway order of `to`)
    // and related pairs (each pair once, even when both sides list each other).
    struct Arrow {
        int from = 0, to = 0, prerequisite = 0;  // prerequisite: index into to's prerequisites
    };
    std::vector<Arrow> arrows;
    std::vector<std::pair<int, int>> related;
    MapRect bounds;                      // everything, for "fit all"
    bool authored = false;               // true when every competency had a position
};

MapScene build_map_scene(const Pathway& p);

}  // namespace mastery::ui
