// Student badges on screen: the design a badge shows (the student's own, else the
// pathway's, else a seeded default: mastery::design_for, the same choice the exported PNG
// makes), drawn into an ImDrawList. Badges up to 256 px are sprites when the platform can
// make textures: the badge rasterised by the PNG download's rasteriser, packed into texture
// pages, one quad per badge. Larger ones (the studio) and every badge without textures are
// meshes (the core's geometry -> triangles), cached per design and size bucket. Tiny
// badges draw a one-colour disc (level of detail). Reads the record; never changes it.
#pragma once

#include "mastery/badge.hpp"
#include "mastery/model.hpp"

#include <imgui.h>

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace mastery::ui {

// Glyph outlines for badge text and icons (DejaVu Sans + Fork Awesome, loaded once) and the
// built-in icon table. Glyphs may be missing (no font files): text and icons are then left
// out of the drawing, nothing fails.
const GlyphSource* badge_glyphs();
const IconTable& badge_icons();

// The icon font. Natively it is loaded with the others. The web app (built with
// MASTERY_FETCHED_ICON_FONT) fetches it the first time a badge with an icon is drawn or
// something asks for it: a first visit's map has no such badge, so its download skips the
// font (docs/PERFORMANCE.md). Until it is in, badges are drawn without their icon and
// redrawn with it when it arrives; downloads wait for it (they ask, and say so).
enum class IconFontState { absent, loading, ready, failed };
// Asks for the font when it is absent (and, with retry_failed, after a failure); returns
// the state now.
IconFontState badge_icon_font(bool retry_failed);
IconFontState badge_icon_font_state();  // without asking
const std::string& badge_icon_font_error();  // why it failed
// For the platform: true once after each ask; it then fetches the font and answers with
// badge_icon_font_arrived.
bool take_badge_icon_font_request();
void badge_icon_font_arrived(bool ok, std::vector<std::uint8_t> ttf, const std::string& error);
// Changes when the font arrives: geometry kept from before it lacks the icons.
int badge_icon_font_generation();
bool design_uses_icons(const BadgeDesign& d);

// The design for a badge key ("competency:<id>:<level>" | "stack:<id>") with a stable hash
// of its canonical JSON. Cached per key; a changed design in the record is seen at once.
struct ResolvedBadge {
    const BadgeDesign* design = nullptr;
    std::uint64_t hash = 0;
    bool own = false;  // the student's own design
};
ResolvedBadge resolve_badge(const LearnerRecord& r, const std::string& key);

// Draws `design` in the square of side `side` pixels whose top-left corner is `at`.
// `alpha` fades it (0..1). `hash` identifies the design for the sprite and mesh caches (0 = compute).
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

// True when some sprite or mesh was left for a later frame (per-frame building budget): the view
// keeps frames coming (ui.animating) until every badge is drawn.
bool badge_art_pending();
void badge_art_new_frame();  // resets the per-frame budget (called by views that draw many)
// The view's zoom changed this frame: badges whose design has a sprite at another size draw
// that one, scaled, until the zoom has been still for a few frames (a wheel or pinch would
// otherwise rasterise every size it passes through).
void badge_art_zoomed();
// The sprites' building time per frame, in ms (the first slice of a frame always runs); a
// negative value restores the default. For tests.
void set_badge_build_budget_ms(double ms);
// Rows of a sprite of side `size` rasterised at a time (a slice; the first of a frame always runs).
int badge_sprite_slice_rows(int size);

struct BadgeArtStats {
    std::size_t meshes = 0, vertices = 0, built_this_frame = 0, lod_discs = 0;  // built: meshes and sprite slices
    std::size_t sprites = 0, sprite_pages = 0, sprites_drawn = 0;  // sprites_drawn: this frame
};
BadgeArtStats badge_art_stats();

// Textures for badge sprites, made by the platform (the web app: WebGL). A page is a square
// RGBA texture of kBadgeSpritePage texels, filled a cell at a time. Without a host every
// badge is a mesh (the native tests run both ways).
constexpr int kBadgeSpritePage = 1024;
struct BadgeSpriteHost {
    // A new page (contents undefined); a null ImTextureID when none can be made.
    std::function<ImTextureID()> create_page;
    // Writes w x h RGBA texels (rows packed, straight alpha) at (x, y) of the page.
    std::function<void(ImTextureID page, int x, int y, int w, int h, const std::uint8_t* rgba)> update;
};
// Installs the host (or none: an empty one) and forgets every sprite made before.
void set_badge_sprite_host(BadgeSpriteHost host);

}  // namespace mastery::ui
