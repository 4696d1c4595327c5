// Where things go on the competency map: an automatic layered layout by prerequisites
// (columns = depth in the prerequisite graph, rows ordered to keep arrows short), with
// authored positions honoured, and stack regions around their members. Pure; the map view
// draws what this returns. Linear-ish in competencies + links (a few ordering sweeps).
#pragma once

#include "mastery/model.hpp"

#include <string>
#include <unordered_map>
#include <vector>

namespace mastery {

struct Rect {
    float x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // map units
    bool operator==(const Rect&) const = default;
};

struct NodePlace {
    std::string competency;
    Position at;        // centre of the node
    int layer = 0;      // 0 = no prerequisites
    bool authored = false;
};

struct StackRegion {
    std::string stack;
    Rect box;           // around its member competencies (and nested stacks)
    int depth = 0;      // nesting: 0 = outermost
};

struct MapLayout {
    std::vector<NodePlace> nodes;  // in pathway order
    std::vector<StackRegion> stacks;
    Rect bounds;                   // everything, for "fit all"
    const NodePlace* find(const std::string& competency) const;

    std::unordered_map<std::string, std::size_t> index;  // competency -> nodes[i]
};

struct LayoutOptions {
    float column_gap = 260;  // map units between layers
    float row_gap = 110;     // between nodes in a layer
    float node_w = 200, node_h = 80;
    float stack_pad = 24;
    int sweeps = 4;          // barycentre ordering passes
};

MapLayout layout_map(const Pathway& p, const LayoutOptions& opt = {});

}  // namespace mastery
