// Student badges on screen: the design a badge shows (the student's own, else the
// pathway's, else a seeded default: mastery::design_for, the same choice the exported PNG
// makes), drawn through the core's geometry -> mesh into an ImDrawList. Meshes are cached
// per design and size bucket; tiny badges draw a one-colour disc (level of detail).
// Reads the record; never changes it.
#pragma once

#include "mastery/badge.hpp"
#include "mastery/model.hpp"

#include <imgui.h>

#include <cstdint>
#include <string>

namespace mastery::ui {

// Glyph outlines for badge text and icons (DejaVu Sans + Fork Awesome, loaded once) and the
// built-in icon table. Glyphs may be missing (no font files): text and icons are then left
// out of the drawing, nothing fails.
const GlyphSource* badge_glyphs();
const IconTable& badge_icons();

// The design for a badge key ("competency:<id>:<level>" | "stack:<id>") with a stable hash
// of its canonical JSON. Cached per key; a changed design in the record is seen at once.
struct ResolvedBadge {
    const BadgeDesign* design = nullptr;
    std::uint64_t hash = 0;
    bool own = false;  // the student's own design
};
ResolvedBadge resolve_badge(const LearnerRecord& r, const std::string& key);

// Draws `design` in the square of side `side` pixels whose top-left corner is `at`.
// `alpha` fades it (0..1). `hash` identifies the design for the mesh cache (0 = compute).
void draw_badge_design(ImDrawList* dl, ImVec2 at, float side, const BadgeDesign& design, float alpha = 1.0f,
                       std::uint64_t hash = 0);
// The record's badge for `key`, centred at `center`; `radius` matches the old rosette
// radius (the badge square is 2.2 x radius).
void draw_record_badge(ImDrawList* dl, ImVec2 center, float radius, const LearnerRecord& r, const std::string& key,
                       float alpha = 1.0f);
// Same, as an ImGui item (reserves the space like badge_item).
void record_badge_item(const LearnerRecord& r, const std::string& key, float radius);

// What the views show for a level or a stack: earned -> the badge; not earned -> the
// student's own design faded (when they made one already), else the dashed empty spot.
void draw_level_badge(ImDrawList* dl, ImVec2 center, float radius, const LearnerRecord& r, const Competency& c, int level,
                      bool earned, float alpha = 1.0f);
void level_badge_item(const LearnerRecord& r, const Competency& c, int level, bool earned, float radius);
void stack_badge_item(const LearnerRecord& r, const Stack& s, bool earned, float radius);
bool has_own_design(const LearnerRecord& r, const std::string& key);

std::uint64_t design_hash(const BadgeDesign& d);

// True when some mesh was left for a later frame (per-frame building budget): the view
// keeps frames coming (ui.animating) until every badge is drawn.
bool badge_art_pending();
void badge_art_new_frame();  // resets the per-frame budget (called by views that draw many)

struct BadgeArtStats {
    std::size_t meshes = 0, vertices = 0, built_this_frame = 0, lod_discs = 0;
};
BadgeArtStats badge_art_stats();

}  // namespace mastery::ui
