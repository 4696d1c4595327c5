// Badge designs (the student's own badge picture, stored in the learner record) and the ONE
// geometry every renderer draws: ImGui draw lists, the SVG writer, the PNG rasteriser.
// Pure C++20 + nlohmann/json: no stb, no ImGui, no Emscripten; fonts come in through the
// GlyphSource interface. JSON shape: docs/FORMATS.md "Badge design".
#pragma once

#include "mastery/io.hpp"
#include "mastery/model.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mastery {

inline constexpr const char* kBadgeFormat = "mastery-map/badge";
inline constexpr int kBadgeVersion = 1;
inline constexpr const char* kIconTableFormat = "mastery-map/icons";

// ---------------------------------------------------------------------------------------
// The design document
// ---------------------------------------------------------------------------------------
// Design units: the badge canvas is 100 x 100, origin top left, y down, centre (50, 50).
// Layers are drawn in list order (the first is at the back).

struct Rgba {
    std::uint8_t r = 0, g = 0, b = 0, a = 255;
    bool operator==(const Rgba&) const = default;
};
// "#rrggbb" (opaque) or "#rrggbbaa"; also "#rgb". nullopt when not a colour.
std::optional<Rgba> parse_colour(std::string_view text);
std::string to_string(Rgba c);  // canonical: lower case, "#rrggbb" when opaque

enum class BadgeShape { circle, hexagon, shield, star, rounded_square, diamond };
enum class FillKind { solid, gradient, stripes, dots };
enum class RibbonStyle { banner, flat, tails };
enum class LayerKind { shape, border, ribbon, icon, text, drawing };

const char* to_string(BadgeShape s);
const char* to_string(FillKind f);
const char* to_string(RibbonStyle s);
const char* to_string(LayerKind k);

struct BadgeFill {
    FillKind kind = FillKind::solid;
    Rgba color{0, 114, 178, 255};   // solid colour; gradient start; pattern background
    Rgba color2{86, 180, 233, 255}; // gradient end; stripe/dot colour
    double angle = 90;              // degrees; gradient direction / stripe direction (0 = left to right, 90 = top to bottom)
    double spacing = 10;            // pattern period in design units, 2..50
    bool operator==(const BadgeFill&) const = default;
};

struct BadgeStroke {
    std::vector<std::array<double, 2>> points;  // layer units, relative to the layer's x, y (JSON: flat [x0, y0, x1, y1, ...])
    double width = 3;                           // design units, 0.2..60
    Rgba color{0, 0, 0, 255};
    bool eraser = false;  // removes ink of EARLIER strokes of the same drawing layer (never shapes or text)
    bool operator==(const BadgeStroke&) const = default;
};

// One layer. Common fields first; the rest apply to the kinds named beside them and keep
// their defaults otherwise (the writer leaves out fields a kind does not use).
struct BadgeLayer {
    LayerKind kind = LayerKind::shape;
    double x = 50, y = 50;  // centre of the layer on the canvas (design units)
    double scale = 1;       // 0.05..20
    double rotation = 0;    // degrees, clockwise
    // shape, border
    BadgeShape shape = BadgeShape::circle;
    double size = 84;        // shape/border: box side; icon: the icon's larger side; text: em size (design units)
    int points = 5;          // star: number of points, 3..24
    double inner = 0.5;      // star: inner radius / outer radius, 0.2..0.95
    BadgeFill fill;          // shape
    double width = 4;        // border: line width; ribbon: band length (design units)
    double dash = 0;         // border: dash length, 0 = solid line
    Rgba color{255, 255, 255, 255};  // border, ribbon band, icon, text
    // ribbon
    RibbonStyle style = RibbonStyle::banner;
    double height = 16;      // ribbon band height (design units)
    Rgba text_color{255, 255, 255, 255};  // ribbon text
    // text, ribbon
    std::string text;        // UTF-8, at most 200 bytes; text layers: "\n" starts a new line (straight text only)
    bool bold = true;        // text, ribbon text
    double arc = 0;          // text: radius of the circle the text follows (>0 over the top, <0 under the bottom, 0 straight)
    double max_width = 0;    // text: shrink to fit this width (design units), 0 = no limit
    // icon
    std::string icon;        // icon name from the icon table, e.g. "flask"
    std::uint32_t codepoint = 0;  // its codepoint in the icon font
    // drawing
    std::vector<BadgeStroke> strokes;
    bool operator==(const BadgeLayer&) const = default;
};

// Design units <-> a layer's own units (before its position, rotation and scale). The
// studio stores freehand points in layer units: canvas_to_layer(layer, pointer_position).
struct DesignPoint {
    double x = 0, y = 0;
};
DesignPoint canvas_to_layer(const BadgeLayer& l, DesignPoint canvas);
DesignPoint layer_to_canvas(const BadgeLayer& l, DesignPoint local);

// A layer of the given kind with that kind's defaults (what "add layer" in the studio makes).
BadgeLayer new_layer(LayerKind kind);

struct BadgeDesign {
    std::vector<BadgeLayer> layers;  // back to front
    bool operator==(const BadgeDesign&) const = default;
};

// Limits that keep a design small enough for the record and fast to draw.
struct BadgeLimits {
    std::size_t max_layers = 64;
    std::size_t max_strokes = 400;          // per drawing layer
    std::size_t max_points = 4000;          // per stroke
    std::size_t max_total_points = 40000;   // all strokes of the design
    std::size_t max_text_bytes = 200;
};

// Read a design (envelope "mastery-map/badge", version, layers) field by field. Problems
// carry JSON Pointers relative to the design ("/layers/2/fill/color: ..."); nothing throws.
Loaded<BadgeDesign> badge_from_json(const Json& j, const BadgeLimits& limits = {});
Loaded<BadgeDesign> load_badge(std::string_view text, const BadgeLimits& limits = {});
// Canonical output: sorted keys, only the fields a layer's kind uses, same value -> same bytes.
Json to_json(const BadgeDesign& d);
std::string save_badge(const BadgeDesign& d);

// Keys of LearnerRecord::badge_designs.
std::string badge_key_for_level(const std::string& competency, int level);  // "competency:<id>:<level>"
std::string badge_key_for_stack(const std::string& stack);                  // "stack:<id>"

// Checks every stored design of a record; pointers are "/badge_designs/<key>/...".
std::vector<Problem> validate_badge_designs(const LearnerRecord& r, const BadgeLimits& limits = {});

// Ramer-Douglas-Peucker: the studio calls this when a freehand stroke ends, so records
// stay small. Keeps the first and last point; `tolerance` in design units.
std::vector<std::array<double, 2>> simplify_stroke(const std::vector<std::array<double, 2>>& points, double tolerance = 0.25);

// ---------------------------------------------------------------------------------------
// Palettes, icons, templates
// ---------------------------------------------------------------------------------------

struct Palette {
    std::string id;    // "okabe-ito"
    std::string name;  // "Colour-blind safe (Okabe-Ito)"
    bool colorblind_safe = false;
    std::vector<Rgba> colors;
};
const std::vector<Palette>& badge_palettes();  // the first is Okabe-Ito (colour-blind safe)
const Palette* find_palette(std::string_view id);

// WCAG 2 contrast ratio (1..21) and the more readable of white / near-black on `background`.
double contrast_ratio(Rgba a, Rgba b);
Rgba readable_on(Rgba background);

struct IconEntry {
    std::string name;   // "flask"
    std::uint32_t codepoint = 0;
    std::string label;  // "Flask"
    std::vector<std::string> keywords;
    bool operator==(const IconEntry&) const = default;
};
using IconTable = std::vector<IconEntry>;
// assets/badges/icons.json ("mastery-map/icons"): {"icons": [{name, codepoint: "f0c3", label, keywords}]}.
Loaded<IconTable> load_icon_table(std::string_view text);
// Best matches first: exact name, name prefix, label or keyword containing the query.
std::vector<const IconEntry*> search_icons(const IconTable& table, std::string_view query, std::size_t limit = 20);
const IconEntry* find_icon(const IconTable& table, std::string_view name);

// What a badge is for; templates use it for the words on the badge and to pick an icon.
struct BadgeSubject {
    std::string title;       // competency or stack title: "Unit rates"
    std::string level_name;  // "Developing"; empty for stacks
    int level = 0;           // 1-based level number; 0 for stacks
    int level_count = 0;     // levels on the scale
    std::string subject;     // "Math", used with the title and tags to pick an icon
    std::vector<std::string> tags;
};

// A tasteful starting design in the colour-blind-safe palette: shape + border + icon +
// title + a ribbon with the level. The seed picks shape and colours; same seed, same design.
BadgeDesign default_design(const std::string& title, const std::string& level_name, std::uint64_t seed);
BadgeDesign default_design(const BadgeSubject& subject, std::uint64_t seed, const IconTable* icons = nullptr);
// "Surprise me": any palette, fills, patterns, ribbon styles and stars; always readable
// (text colour chosen by contrast). Deterministic in the seed.
BadgeDesign surprise_design(const BadgeSubject& subject, std::uint64_t seed, const IconTable* icons = nullptr);
// A stable seed for a badge key (FNV-1a of the text).
std::uint64_t badge_seed(std::string_view text);

// ---------------------------------------------------------------------------------------
// Glyph outlines (fonts live outside the core: src/badge has the stb_truetype source)
// ---------------------------------------------------------------------------------------

enum class FontFace { sans, sans_bold, icons };

struct Vec2 {
    double x = 0, y = 0;
    bool operator==(const Vec2&) const = default;
};

struct PathCommand {
    enum class Verb { move, line, quad, cubic };
    Verb verb = Verb::move;
    Vec2 p;       // end point
    Vec2 c1, c2;  // control points (quad uses c1)
};

// One glyph in em units: 1.0 = the font size, x right, y DOWN, origin on the baseline at
// the pen position. Contours start with a move and are closed implicitly.
struct GlyphOutline {
    std::vector<PathCommand> path;
    double advance = 0;
};

struct FontMetrics {
    double ascent = 0.8, descent = 0.2;  // em units, both positive
    double cap_height = 0.7;             // em units
};

class GlyphSource {
public:
    virtual ~GlyphSource() = default;
    // nullopt when the face has no glyph for the codepoint (the caller may fall back).
    virtual std::optional<GlyphOutline> glyph(FontFace face, char32_t codepoint) const = 0;
    virtual double kerning(FontFace face, char32_t left, char32_t right) const = 0;  // em units
    virtual FontMetrics metrics(FontFace face) const = 0;
};

// UTF-8 to codepoints; invalid bytes become U+FFFD.
std::u32string decode_utf8(std::string_view text);

// ---------------------------------------------------------------------------------------
// Geometry: a flat list of filled polygons in pixels, back to front
// ---------------------------------------------------------------------------------------

enum class FillRule { nonzero, even_odd };

struct BadgePaint {
    bool gradient = false;
    Rgba color;         // solid colour; gradient colour at `from`
    Rgba color2;        // gradient colour at `to` (clamped beyond the ends)
    Vec2 from, to;      // gradient axis in pixels; gradients span their polygon exactly
    bool operator==(const BadgePaint&) const = default;
};

struct BadgePolygon {
    std::vector<std::vector<Vec2>> contours;  // pixels, y down; each contour closed implicitly
    BadgePaint paint;
    FillRule rule = FillRule::nonzero;
    int layer = -1;  // index of the design layer it belongs to (selection, hit testing)
    bool operator==(const BadgePolygon&) const = default;
};

struct BadgeGeometry {
    double size = 0;  // the canvas is size x size pixels
    std::vector<BadgePolygon> polygons;
    std::vector<std::string> warnings;  // e.g. "layer 3: no glyph for U+F0C3" (nothing is thrown)
    bool operator==(const BadgeGeometry&) const = default;
};

// The one geometry. `glyphs` may be null: text and icons are then left out (with a warning).
// Deterministic: the same design, size and fonts give the same polygons, bit for bit.
BadgeGeometry badge_geometry(const BadgeDesign& design, double size, const GlyphSource* glyphs = nullptr);

// One line of text outside a badge (the printed chart's words): its width in em units
// (kerning included; a character the face lacks counts as "?"), and its glyph outlines with
// the pen at `origin` on the baseline, `em` pixels per em. Same flattening as badge text.
double text_width_em(const GlyphSource& glyphs, FontFace face, std::u32string_view text);
std::vector<std::vector<Vec2>> text_contours(const GlyphSource& glyphs, FontFace face, std::u32string_view text, double em, Vec2 origin);

// Colour of a paint at a point (gradients clamp beyond their ends); straight alpha.
Rgba paint_at(const BadgePaint& paint, Vec2 p);

// Triangles for immediate-mode drawing (ImDrawList): every polygon split into
// non-overlapping triangles honouring its fill rule, three vertices per triangle, colours
// evaluated per vertex (exact for our gradients, which are linear across each polygon).
struct BadgeVertex {
    Vec2 pos;
    Rgba color;
    int polygon = 0;  // index into BadgeGeometry::polygons
};
struct BadgeMesh {
    std::vector<BadgeVertex> vertices;  // size is a multiple of 3
};
BadgeMesh badge_mesh(const BadgeGeometry& g);
// Triangles of one polygon (x0,y0,x1,y1,x2,y2 per triangle), non-overlapping.
std::vector<std::array<Vec2, 3>> triangulate(const BadgePolygon& p);

// The topmost layer with ink under a pixel position, or -1.
int hit_test(const BadgeGeometry& g, Vec2 p);
struct BadgeBox {
    double x0 = 0, y0 = 0, x1 = -1, y1 = -1;
    bool empty() const { return x1 < x0 || y1 < y0; }
};
BadgeBox layer_bounds(const BadgeGeometry& g, int layer);  // pixels; empty box when the layer drew nothing

// ---------------------------------------------------------------------------------------
// SVG
// ---------------------------------------------------------------------------------------

struct SvgOptions {
    std::string title;       // <title> for screen readers, e.g. "Unit rates · Developing"
    std::string credential;  // optional Open Badges 3.0 credential JSON baked as <openbadges:credential>
};
// A standalone SVG 1.1 document: one <path> per polygon, gradients in <defs>.
std::string badge_svg(const BadgeGeometry& g, const SvgOptions& options = {});
// The same drawing as parts of a larger document (the printed chart): the <g>/<path>
// elements, and the gradients to put in its <defs>. Element ids start with `id_prefix` so
// several badges can share one document.
struct SvgParts {
    std::string defs;
    std::string body;
};
SvgParts badge_svg_parts(const BadgeGeometry& g, const std::string& id_prefix);
// Numbers as the SVG writers print them: two decimals, trailing zeros trimmed.
std::string svg_number(double v);
// Text made safe for XML character data and attribute values.
std::string xml_escape(const std::string& text);

}  // namespace mastery
