// The badge studio: a student designs the badge picture of one competency level or stack.
// Edits go to a working copy with its own undo/redo (one step per finished edit: a drag,
// a stroke, a slider let go, a button); "Save my badge" dispatches ONE set_badge_design,
// which the app's undo can take back as a whole. Reads the record; never changes it
// except through that dispatch.
#pragma once

#include "mastery/badge.hpp"
#include "ui/view_context.hpp"

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace mastery::ui {

struct StudioView {
    void draw(ViewContext& ctx);

    // [SECTION] state (public for tests)
    std::string key;                  // the badge being designed ("" = nothing loaded)
    BadgeDesign work;                 // what the canvas shows, mid-edit included
    BadgeDesign committed;            // the last finished edit (undo snapshots are taken from it)
    BadgeDesign saved;                // what the record holds (or the default the student started from)
    std::vector<BadgeDesign> undo_stack, redo_stack;
    int selected = -1;                // layer index, -1 = none
    bool draw_tool = false;           // canvas drags draw instead of moving pieces
    double brush = 3.0;               // design units
    bool eraser = false;
    Rgba brush_colour{0, 0, 0, 255};
    std::string icon_query;
    int palette = 0;                  // index into badge_palettes()
    int colour_slot = 0;              // 0 = main colour, 1 = second colour / words colour
    std::uint64_t surprises = 0;
    bool confirm_leave = false;
    // What the working copy was made from, to notice when the record changes underneath
    // (the app's Undo from the menu, an import, another record opened): `saved` is the
    // record's design then, `record_id` the record's id.
    std::string record_id;
    std::string title;                // the badge's title then (for the message if it is gone)
    bool stale = false;               // changed underneath while there are unsaved edits: Save waits for a choice

    // canvas cache
    std::uint64_t version = 1;        // bumps whenever `work` changes
    std::uint64_t geo_version = 0;
    float geo_size = 0;
    int geo_icons = 0;  // badge_icon_font_generation() the geometry was made with
    BadgeGeometry geometry;
    BadgeMesh mesh;
    std::uint64_t preview_hash = 0;   // design_hash(committed)
    // the stroke being drawn (layer units of the selected drawing layer)
    std::vector<std::array<double, 2>> stroke;
    bool stroking = false;
    bool moving = false;
    bool canvas_hovered = false;      // last frame: the wheel resizes instead of scrolling

    bool dirty() const { return !(committed == saved) || !(work == committed); }
    void load(const ViewContext& ctx, const std::string& badge_key);
    // Once per frame before drawing: reloads a working copy without edits when the record's
    // design changed, marks it stale when it has edits, leaves when the badge is gone.
    // False when the studio closed.
    bool notice_record(ViewContext& ctx);
    void changed() { ++version; }
    void commit();  // finishes an edit: one undo step
    void undo();
    void redo();
};

// The buttons other views show for a badge: "Design my badge" and, once earned, the
// downloads (baked Open Badges PNG, SVG).
void badge_actions(ViewContext& ctx, const std::string& key, bool earned);
// Builds and downloads one earned badge (PNG with the credential baked in, or SVG).
void download_badge(ViewContext& ctx, const std::string& key, bool svg);
// Every earned level and stack as baked PNG + SVG in one ZIP ("my-badges.zip").
void download_all_badges(ViewContext& ctx);
// Downloads draw badges with their icons: true when none of the badges of `keys` has an
// icon or the icon font is in (badge_art.hpp); otherwise it asks for the font and tells
// the student to try again in a moment, or why it could not be loaded.
bool icons_ready_for_download(ViewContext& ctx, const std::vector<std::string>& keys);

}  // namespace mastery::ui
