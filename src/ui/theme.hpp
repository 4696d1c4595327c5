// Themes (light, dark, high contrast) as an ImGui style plus the app's own palette for
// the things ImGui has no colour for: map nodes, statuses, badges. Status colours are
// always paired with an icon and a word (widgets.hpp), never used alone.
#pragma once

#include "app/prefs.hpp"
#include "mastery/engine.hpp"

#include <imgui.h>

namespace mastery::ui {

struct Palette {
    ImU32 canvas_bg, lane_bg, lane_text, grid;
    ImU32 node_bg, node_border, node_text, node_subtext, node_hover, node_focus;
    ImU32 plan_accent;                     // outline of nodes that are goals in the plan
    ImU32 arrow, arrow_met, related;
    ImU32 stack_fill[6], stack_text;
    ImU32 status[6];                       // indexed by mastery::Status
    ImU32 badge_ring, badge_text, badge_shadow, placeholder;
    ImU32 card_bg, card_border, muted_text, good, warn, link;
    ImU32 subjects[8];
    ImVec4 primary, primary_hover, primary_active, primary_text;
    bool high_contrast = false;

    ImU32 status_color(Status s) const { return status[static_cast<int>(s)]; }
    ImU32 subject_color(int i) const { return subjects[(i < 0 ? 0 : i) % 8]; }
};

// Sets ImGui's style for `theme` scaled by `scale` (UI scale x devicePixelRatio) and makes
// the matching palette current.
void apply_theme(app::Theme theme, float scale);
const Palette& palette();

// Same colour with alpha multiplied by `a` (0..1).
ImU32 fade(ImU32 col, float a);
// Linear mix of two colours (t = 0 -> a, 1 -> b), alpha kept from a.
ImU32 mix(ImU32 a, ImU32 b, float t);

}  // namespace mastery::ui
