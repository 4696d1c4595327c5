// The map: competencies as nodes (badge, title, status icon + word), prerequisite arrows,
// stacks as labelled regions, related links on a toggle; pan, zoom, fit, search, filters.
// Only what is on screen is drawn (large pathways stay smooth).
#pragma once

#include "ui/map_scene.hpp"
#include "ui/view_context.hpp"

#include <imgui.h>

#include <memory>
#include <string>
#include <unordered_set>
#include <vector>

namespace mastery::ui {

struct MapView {
    // Camera: screen = canvas_min + (world - cam) * zoom * unit  (unit = font size / 18)
    ImVec2 cam{0, 0};            // world point at the canvas's top-left corner
    float zoom = 1.0f;           // 0.15 .. 2.5
    ImVec2 cam_goal{0, 0};       // where a glide is heading (reduced motion: jump there)
    float zoom_goal = 1.0f;
    bool gliding = false;
    float drawn_zoom = 0;        // the zoom of the last frame drawn (a change tells the badges)
    bool fit_pending = true;     // fit the whole pathway on the next frame with a canvas

    std::string search;          // text being typed in the search box
    int subject_filter = -1;     // index into layout.subjects; -1 = all
    int status_filter = -1;      // mastery::Status as int; -1 = all
    bool only_plan = false;
    bool show_related = true;     // horizontal (cross-subject) links, drawn dashed

    MapScene layout;
    std::string layout_key;      // pathway id + hash the layout belongs to

    // Per competency: current level, status, filter match. Recomputed only when the record
    // (its snapshot) or a filter changes, not every frame.
    struct Derived {
        std::weak_ptr<const app::Snapshot> snapshot;
        std::string query;
        int subject_filter = -2, status_filter = -2;
        bool only_plan = false;
        std::unordered_set<std::string> in_plan;
        std::vector<char> pass;
        std::vector<Status> status;
        std::vector<int> level;
        // per competency, so a frame looks nothing up by id: the level earned, in the plan,
        // a badge design of its own for the level shown, the badge's initials
        std::vector<int> earned;
        std::vector<char> planned, own_design;
        std::vector<std::string> initials;
        std::vector<char> arrow_met;  // per layout arrow: its prerequisite is met
        int matches = 0, first_match = -1;
    } derived;

    // Filled each frame, for tests and benchmarks.
    int drawn_nodes = 0;
    int drawn_arrows = 0;
    int drawn_related = 0;       // related links crossing the screen
    int drawn_dashes = 0;        // their dashes (only the on-screen part is dashed)
    ImVec2 canvas_min{0, 0}, canvas_size{0, 0};

    void draw(ViewContext& ctx);

    // Centre the camera on a competency (glides unless reduced motion).
    void focus_on(int index, const ViewContext& ctx);
    void fit_all(const ViewContext& ctx);
};

}  // namespace mastery::ui
