// mastery_badge: badge files a student can keep and others can read. Fonts (stb_truetype
// outlines behind the core's GlyphSource), the PNG rasteriser of the core's geometry, PNG
// encoding (stb_image_write), Open Badges 3.0 credentials, and baking them into PNG iTXt.
// Links mastery_core; no ImGui, no Emscripten calls (it builds for the web app too).
#pragma once

#include "mastery/badge.hpp"
#include "mastery/chart.hpp"
#include "mastery/engine.hpp"

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace mastery {

// ---------------------------------------------------------------------------------------
// Fonts
// ---------------------------------------------------------------------------------------

// Glyph outlines from TrueType fonts through stb_truetype (Debian's libstb-dev). Each face
// is one font file; a face that was never loaded has no glyphs. Caches outlines (not
// thread-safe: one source per thread).
class StbGlyphSource final : public GlyphSource {
public:
    StbGlyphSource();
    ~StbGlyphSource() override;
    StbGlyphSource(const StbGlyphSource&) = delete;
    StbGlyphSource& operator=(const StbGlyphSource&) = delete;

    bool load(FontFace face, std::vector<std::uint8_t> ttf, std::string* error = nullptr);
    bool load_file(FontFace face, const std::string& path, std::string* error = nullptr);
    bool has_face(FontFace face) const;
    bool has_glyph(FontFace face, char32_t codepoint) const;  // the font's cmap maps it

    // sans_bold falls back to sans for a character its file lacks.
    std::optional<GlyphOutline> glyph(FontFace face, char32_t codepoint) const override;
    double kerning(FontFace face, char32_t left, char32_t right) const override;
    FontMetrics metrics(FontFace face) const override;

private:
    struct Face;
    std::array<std::unique_ptr<Face>, 3> m_faces;
};

struct FontPaths {
    std::string sans;       // DejaVu Sans (fonts-dejavu-core)
    std::string sans_bold;  // DejaVu Sans Bold
    std::string icons;      // Fork Awesome (fonts-fork-awesome)
};
// Debian's paths, or the folder in $MASTERY_FONT_DIR holding the same file names.
FontPaths default_font_paths();
// Loads every face it can; returns one message per face that could not be loaded.
std::vector<std::string> load_fonts(StbGlyphSource& source, const FontPaths& paths);

// The icon table (assets/badges/icons.json), compiled in.
const IconTable& builtin_icons();

// ---------------------------------------------------------------------------------------
// Raster images and PNG
// ---------------------------------------------------------------------------------------

struct Image {
    int width = 0, height = 0;
    std::vector<std::uint8_t> rgba;  // row-major, 8-bit sRGB, straight (not premultiplied) alpha
    std::array<std::uint8_t, 4> pixel(int x, int y) const;
};

// Draws the geometry at `pixels` x `pixels` (scaled from geometry.size): exact horizontal
// coverage x 16 sub-scanlines per pixel (files; the screen's badge sprites use 8, about
// half the time), fill rules honoured, source-over in sRGB like a browser draws SVG.
constexpr int kRasterSubScanlines = 16;
Image rasterize(const BadgeGeometry& g, int pixels, Rgba background = {0, 0, 0, 0}, int sub_scanlines = kRasterSubScanlines);
// Any polygons (pixels x `scale`) on a `width` x `height` image, the same way; drawn in bands
// of rows so only the 8-bit image is held whole (the printed chart).
Image rasterize(const std::vector<BadgePolygon>& polygons, int width, int height, double scale, Rgba background = {0, 0, 0, 0},
                int sub_scanlines = kRasterSubScanlines);
// Rows [first_row, end_row) of that image, written to `out` (4 x width bytes a row): the
// same pixels, a few rows at a time (the screen's large badge sprites, over several frames).
void rasterize_rows(const std::vector<BadgePolygon>& polygons, int width, int height, double scale, Rgba background,
                    int sub_scanlines, int first_row, int end_row, std::uint8_t* out);
// The polygons' edges in output pixels (x `scale`), each polygon's sorted by their top: made
// once for a picture drawn in pieces, so each piece does not build and sort them again.
struct RasterEdges {
    struct Edge {
        double x0, y0, x1, y1;  // y0 < y1
        int wind;               // +1 downwards in the outline's order, -1 upwards
    };
    struct Polygon {
        std::vector<Edge> edges;
        double top = 0, bottom = 0;  // of its edges
    };
    std::vector<Polygon> polygons;  // as many as the BadgePolygons
    double scale = 0;
};
RasterEdges raster_edges(const std::vector<BadgePolygon>& polygons, double scale);
// rasterize_rows with the edges made beforehand from the same `polygons` (their paint and
// fill rule are read from `polygons`).
void rasterize_rows(const std::vector<BadgePolygon>& polygons, const RasterEdges& edges, int width, int height, Rgba background,
                    int sub_scanlines, int first_row, int end_row, std::uint8_t* out);
// Box filter by an integer factor, averaged with premultiplied alpha.
Image downsample(const Image& img, int factor);

std::vector<std::uint8_t> encode_png(const Image& img);                 // stb_image_write
// The PNG with a pHYs chunk saying `dpi` dots per inch (so it prints at its real size); the
// input unchanged (copied) when it is not a PNG.
std::vector<std::uint8_t> set_png_dpi(const std::vector<std::uint8_t>& png, double dpi);
std::optional<Image> decode_png(const std::vector<std::uint8_t>& png);  // stb_image

// CRC-32 (IEEE 802.3, as PNG uses), hand-written table version so it builds under
// Emscripten without zlib; the native tests check it against zlib's crc32.
std::uint32_t crc32(const std::uint8_t* data, std::size_t size, std::uint32_t crc = 0);

struct PngChunk {
    std::string type;  // "IHDR", "iTXt", ...
    std::vector<std::uint8_t> data;
};
// The chunks of a PNG; nullopt with a message for a bad signature, truncation or a CRC error.
std::optional<std::vector<PngChunk>> png_chunks(const std::vector<std::uint8_t>& png, std::string* error = nullptr);

// ---------------------------------------------------------------------------------------
// Baking (Open Badges: one uncompressed iTXt chunk before IEND)
// ---------------------------------------------------------------------------------------

inline constexpr const char* kOb3Keyword = "openbadgecredential";  // Open Badges 3.0
inline constexpr const char* kOb2Keyword = "openbadges";           // Open Badges 2.0

// Returns the PNG with exactly one iTXt chunk `keyword` holding `text` (any earlier one
// with either Open Badges keyword is replaced).
std::optional<std::vector<std::uint8_t>> bake_png(const std::vector<std::uint8_t>& png, const std::string& keyword,
                                                  const std::string& text, std::string* error = nullptr);

struct Baked {
    std::string keyword;  // which Open Badges keyword was found
    std::string text;     // the credential: JSON, or a compact JWS (JWT) string
};
// The Open Badges data in a PNG (3.0 keyword preferred over 2.0); nullopt with a message.
std::optional<Baked> unbake_png(const std::vector<std::uint8_t>& png, std::string* error = nullptr);
// The credential JSON of baked text: JSON as is, or a JWT's payload (NOT verified).
std::optional<Json> credential_json(const Baked& baked, std::string* error = nullptr);

// ---------------------------------------------------------------------------------------
// Open Badges 3.0 credentials and whole badge files
// ---------------------------------------------------------------------------------------

inline constexpr const char* kSelfAssertedSuffix = " (self-asserted, unsigned)";

// Keys of every earned level ("competency:<id>:<level>") and completed stack ("stack:<id>"),
// in pathway order.
std::vector<std::string> earned_badge_keys(const LearnerRecord& r, const Progress& pr);

// The design a badge shows: the student's (if valid), else the pathway author's for that
// competency/stack, else default_design seeded by the key. Notes say what was skipped.
BadgeDesign design_for(const LearnerRecord& r, const std::string& key, const IconTable* icons,
                       std::vector<std::string>* notes = nullptr);
// Title, level, subject and tags of a badge key ("competency:<id>:<level>", "stack:<id>"):
// what templates and "surprise me" draw from; empty for a key the pathway does not have.
BadgeSubject badge_subject(const LearnerRecord& r, const std::string& key);
// "Unit rates · Developing" or the stack's title.
std::string badge_title(const LearnerRecord& r, const std::string& key);

// An OpenBadgeCredential (W3C VC 2.0 + OB 3.0 contexts) for an earned badge: achievement
// with the rubric as criteria, the scale as rubricCriterionLevel, the level reached as
// result, the reviewer's decision and the submitted evidence (images as Data URIs), the
// badge image as a PNG Data URI. No proof: the name and description say self-asserted.
Loaded<Json> open_badge_credential(const LearnerRecord& r, const Progress& pr, const std::string& key,
                                   const std::vector<std::uint8_t>& image_png);

struct BadgeFiles {
    std::string key;        // "competency:ratios-1:2"
    std::string stem;       // file name without extension: "ratios-1-developing"
    std::string title;      // "Ratios · Developing"
    std::vector<std::uint8_t> png;  // baked
    std::string svg;        // with <openbadges:credential>
    Json credential;
    std::vector<std::string> notes;  // design fallbacks, missing glyphs
};
// Renders and bakes one earned badge (`pixels` square PNG; the SVG is the same geometry).
Loaded<BadgeFiles> export_badge(const LearnerRecord& r, const Progress& pr, const std::string& key,
                                const GlyphSource* glyphs, const IconTable* icons, int pixels = 512);

// ---------------------------------------------------------------------------------------
// The printed competency chart (layout: mastery/chart.hpp in the core)
// ---------------------------------------------------------------------------------------

inline constexpr int kPosterDpiApp = 150;  // the web app's PNG: 1240 x 1754 px for A4 (8.7 MB while drawn)
inline constexpr int kPosterDpiCli = 300;  // `mastery poster`'s default: 2480 x 3508 px for A4

struct PosterFile {
    std::string name;  // "my-chart.png", "my-chart-2.svg"
    std::vector<std::uint8_t> data;
};
struct PosterFiles {
    Poster poster;                   // the layout (page count, stickers, rows left out)
    std::vector<PosterFile> files;   // one per page and format, pages in order
    std::vector<std::string> notes;  // design fallbacks, missing glyphs (once each)
    std::string error;               // set (and no files) when a page could not be encoded
};
// The chart of `r` as poster pages: a PNG at `dpi` (with pHYs) and/or an SVG per page, named
// `stem`.png/.svg for one page and `stem`-N.png/.svg for more. Stickers show design_for().
PosterFiles poster_files(const LearnerRecord& r, const Progress& pr, const PosterOptions& options, const GlyphSource* glyphs,
                         const IconTable* icons, bool png, bool svg, int dpi = kPosterDpiCli, const std::string& stem = "my-chart");
// One page drawn at `dpi` (white paper, opaque).
Image poster_image(const PosterPage& page, const GlyphSource* glyphs, int dpi, std::vector<std::string>* warnings = nullptr);

// ---------------------------------------------------------------------------------------
// ZIP (stored): "Download all my badges" as one file
// ---------------------------------------------------------------------------------------

struct ZipEntry {
    std::string name;  // path inside the archive, UTF-8, "/" separated
    std::vector<std::uint8_t> data;
};
// A ZIP archive with every file stored uncompressed (method 0), fixed 1980-01-01 dates so
// the same files give the same bytes. nullopt with a message past the classic ZIP limits.
std::optional<std::vector<std::uint8_t>> zip_store(const std::vector<ZipEntry>& files, std::string* error = nullptr);

}  // namespace mastery
