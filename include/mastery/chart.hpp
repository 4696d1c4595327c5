// The competency chart: its rows (grouped by subject or by stack, as the chart view shows
// them) and the printable poster of it for a classroom wall: pages laid out in millimetres,
// then drawn as one polygon list (for the PNG rasteriser in mastery_badge) or as an SVG.
// Pure C++20 + nlohmann/json: no stb, no ImGui, no Emscripten; fonts come in through
// GlyphSource, designs through a callback (mastery_badge's design_for).
#pragma once

#include "mastery/badge.hpp"
#include "mastery/engine.hpp"
#include "mastery/model.hpp"

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace mastery {

// ---------------------------------------------------------------------------------------
// Chart rows
// ---------------------------------------------------------------------------------------

struct ChartRow {
    int competency = 0;    // index into Pathway::competencies
    int needed_level = 0;  // the level the group's stack asks for; 0 = none
};
struct ChartGroup {
    std::string title;  // subject, stack title, or the "not in a stack" words
    std::string stack;  // stack id; "" for subjects and the rest
    std::vector<ChartRow> rows;
};
// By subject: one group per subject in pathway order. By stack: one group per stack with
// the competencies of its nested stacks flattened in, then the competencies in no stack
// under `not_in_stack` (left out when there are none).
std::vector<ChartGroup> chart_groups(const Pathway& p, bool by_stack, const std::string& not_in_stack);
// Level columns: the longest scale in the pathway, 1..12. Names: the pathway's scale, else "Level N".
int chart_columns(const Pathway& p);
std::string chart_column_name(const Pathway& p, int level);
// Levels a competency really has (its scale and its level list, whichever is shorter).
int chart_level_count(const Pathway& p, const Competency& c);

// ---------------------------------------------------------------------------------------
// The poster
// ---------------------------------------------------------------------------------------
// Rule for size (docs/BADGES.md "The printable chart"): a page is A4 portrait unless asked
// otherwise. Rows shrink from 30 mm down to 9 mm so the whole chart fits one page; a chart
// that needs smaller rows goes on more pages of 9 mm rows; past 8 pages the poster keeps
// only the competencies the student has started, earned or planned, and if those still need
// more than 8 pages the rest are left out with a line saying how many. So a 2,000-skill
// pathway gives at most 8 pages of at most ~26 rows each.

inline constexpr int kPosterMaxPages = 8;
inline constexpr double kPosterMinRow = 9;   // millimetres
inline constexpr double kPosterMaxRow = 30;  // millimetres

// Every word printed on a poster; English defaults, the app passes its string table's.
// "%d" is replaced by numbers in order (no other printf codes are read).
struct PosterWords {
    std::string title = "My competency chart";
    std::string competency = "Skill";
    std::string no_level = "-";
    std::string not_in_stack = "Not in a stack";
    std::string stack_progress_fmt = "%d of %d";
    std::string stack_complete = "Complete";
    std::string earned_fmt = "%d of %d stickers earned";
    std::string page_fmt = "Page %d of %d";
    std::string footer = "Made with Mastery Map";
    std::string only_started_fmt = "This poster shows the %d skills you have started, earned or planned (the pathway has %d).";
    std::string more_fmt = "%d more skills did not fit on %d pages: My chart in the app shows them all.";
};

struct PosterOptions {
    bool by_stack = false;  // group rows by stack (else by subject), like the chart view
    std::string date;       // printed as given, e.g. "2026-12-02"
    PosterWords words;
    double width = 210, height = 297;  // page size in millimetres (A4 portrait)
};

enum class PosterAlign { left, centre, right };

struct PosterText {
    double x = 0, y = 0;  // millimetres; y is the baseline; x is the left end, centre or right end (align)
    double size = 4;      // font size (em) in millimetres
    bool bold = false;
    Rgba colour{31, 41, 55, 255};
    PosterAlign align = PosterAlign::left;
    std::string text;     // one line, already fitted to its space
    double width = 0;     // measured width in millimetres (with the fonts given to the layout)
};
struct PosterBox {  // a filled rectangle (bands, grid lines)
    double x = 0, y = 0, w = 0, h = 0;
    Rgba colour;
};
struct PosterSticker {
    double x = 0, y = 0, size = 0;  // the square the badge fills (millimetres)
    std::string key;                // "competency:<id>:<level>"
    std::string title;              // "Unit rates · Developing"
    bool earned = false;            // false: an empty dashed spot to stick a badge on later
    BadgeDesign design;             // the badge (earned) or the dashed spot
};
struct PosterPage {
    double width = 210, height = 297;  // millimetres
    int number = 1, count = 1;         // "Page number of count"
    std::vector<PosterBox> boxes;      // drawn first
    std::vector<PosterSticker> stickers;
    std::vector<PosterText> texts;     // drawn last
};
struct Poster {
    std::vector<PosterPage> pages;   // at least one
    int earned = 0;                  // earned stickers on the pages
    int spots = 0;                   // empty spots on the pages
    std::size_t rows = 0;            // competency rows on the pages
    std::size_t chart_rows = 0;      // competency rows of the whole chart
    bool only_started = false;       // rows were limited to started/earned/planned competencies
    std::size_t left_out = 0;        // competencies that are on no page
    std::size_t cut = 0;             // of those, the ones the rule kept but 8 pages could not hold
};

// The design of an empty sticker spot: a grey dashed circle.
BadgeDesign sticker_spot_design();

// Lays out the chart of `r` on pages. `design_of(key)` gives the badge an earned level shows
// (mastery_badge's design_for); `glyphs` measures words (null: a rough estimate).
Poster poster_layout(const LearnerRecord& r, const Progress& pr, const PosterOptions& options, const GlyphSource* glyphs,
                     const std::function<BadgeDesign(const std::string& key)>& design_of);

// One page as polygons in pixels (`px_per_mm` pixels per millimetre), back to front: what
// the PNG rasteriser draws. Words are glyph outlines from `glyphs` (null: left out, warned).
struct PosterGeometry {
    double width = 0, height = 0;  // pixels
    std::vector<BadgePolygon> polygons;
    std::vector<std::string> warnings;
};
PosterGeometry poster_geometry(const PosterPage& page, double px_per_mm, const GlyphSource* glyphs);

// One page as a standalone SVG 1.1 document sized in millimetres: <rect>s, <text> in DejaVu
// Sans (the words stay words: searchable, selectable), and each sticker as a
// <g class="sticker earned|spot"> holding its badge geometry's paths.
std::string poster_svg(const PosterPage& page, const GlyphSource* glyphs, const std::string& title);

// Replaces "%d" in `format` by the numbers in order.
std::string fill_numbers(const std::string& format, std::initializer_list<long long> numbers);

}  // namespace mastery
