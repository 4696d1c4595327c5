// Where each labelled item was drawn in the last frame, through ImGui's test-engine hooks
// (IMGUI_ENABLE_TEST_ENGINE). Lets the native tests and the browser tests click real
// buttons by their label instead of guessing pixels. Off (and free) unless enabled.
#pragma once

#include <string>
#include <vector>

namespace mastery::ui::probe {

struct Item {
    std::string label;   // the visible label ("Send for review") without "##id" parts; hidden labels as "##note"
    std::string window;  // the window it belongs to ("Map", "Skill", ...)
    float x0, y0, x1, y1;  // screen pixels
    bool disabled = false;
    bool clipped = false;  // partly outside its window's visible area (scroll before clicking)
};

void enable(bool on);
bool enabled();
// Call before NewFrame and after Render: `items()` then reports the frame just drawn.
void begin_frame();
void end_frame();
const std::vector<Item>& items();
// The first item whose label equals `label` (and whose window starts with `window`, when
// given); nullptr when there is none.
const Item* find(const std::string& label, const std::string& window = "");
// Labels of widgets that shared an ID with another widget in the same frame (an ID
// clash: the second one would not respond). Collected since the last clear_clashes().
const std::vector<std::string>& clashes();
void clear_clashes();
// Names the last submitted item for the probe, for widgets ImGui 1.90 does not label
// itself (tab items).
void label_last_item(const char* label);
// JSON array of the last frame's items, for the browser tests.
std::string items_json();

}  // namespace mastery::ui::probe
