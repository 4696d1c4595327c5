// Badge designs in the core: the design document (round trips, defaults, errors with
// pointers), palettes, icons and templates, the one geometry (determinism, shapes,
// strokes, the eraser, triangles for ImGui) and the SVG writer (well-formed, expected
// elements). Fonts are a fake GlyphSource here; real fonts are tested in tests/badge.
#include "helpers.hpp"

#include "mastery/badge.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <set>

using mastery::BadgeDesign;
using mastery::BadgeLayer;
using mastery::Json;
using mastery::LayerKind;

namespace {

constexpr double kPi = 3.14159265358979323846;

// Every glyph is a box 0.5 em wide and cap-high; advance 0.6 em; icons are squares.
class BoxGlyphs final : public mastery::GlyphSource {
public:
    std::optional<mastery::GlyphOutline> glyph(mastery::FontFace face, char32_t cp) const override {
        if (cp == U'\u2603') return std::nullopt;  // a snowman is "missing"
        mastery::GlyphOutline g;
        using V = mastery::PathCommand::Verb;
        double w = face == mastery::FontFace::icons ? 1.0 : 0.5, h = face == mastery::FontFace::icons ? 1.0 : 0.7;
        g.advance = face == mastery::FontFace::icons ? 1.0 : 0.6;
        if (cp == U' ') return g;
        g.path = {{V::move, {0, 0}, {}, {}}, {V::line, {w, 0}, {}, {}}, {V::line, {w, -h}, {}, {}}, {V::line, {0, -h}, {}, {}}};
        return g;
    }
    double kerning(mastery::FontFace, char32_t, char32_t) const override { return 0; }
    mastery::FontMetrics metrics(mastery::FontFace) const override { return {0.9, 0.25, 0.7}; }
};

BadgeDesign every_kind_of_layer() {
    BadgeDesign d;
    BadgeLayer shape = mastery::new_layer(LayerKind::shape);
    shape.shape = mastery::BadgeShape::star;
    shape.points = 7;
    shape.inner = 0.6;
    shape.fill = {mastery::FillKind::gradient, {0, 114, 178, 255}, {86, 180, 233, 200}, 45, 10};
    d.layers.push_back(shape);
    BadgeLayer border = mastery::new_layer(LayerKind::border);
    border.shape = mastery::BadgeShape::shield;
    border.dash = 3.5;
    border.rotation = 12.5;
    d.layers.push_back(border);
    BadgeLayer ribbon = mastery::new_layer(LayerKind::ribbon);
    ribbon.style = mastery::RibbonStyle::tails;
    ribbon.text = "Proficient";
    d.layers.push_back(ribbon);
    BadgeLayer icon = mastery::new_layer(LayerKind::icon);
    icon.icon = "flask";
    icon.codepoint = 0xf0c3;
    icon.scale = 1.25;
    d.layers.push_back(icon);
    BadgeLayer text = mastery::new_layer(LayerKind::text);
    text.text = "Gráficas ñ";
    text.arc = 30;
    text.max_width = 70;
    d.layers.push_back(text);
    BadgeLayer drawing = mastery::new_layer(LayerKind::drawing);
    drawing.strokes.push_back({{{-10, 0}, {0, 5.5}, {10, 0}}, 3, {0, 0, 0, 255}, false});
    drawing.strokes.push_back({{{0, -10}, {0, 10}}, 4, {0, 0, 0, 255}, true});
    d.layers.push_back(drawing);
    return d;
}

std::string first_problem(const Json& j) {
    auto loaded = mastery::badge_from_json(j);
    return loaded.ok() ? "(valid)" : loaded.first_error();
}

Json minimal(Json layers) { return {{"format", "mastery-map/badge"}, {"version", 1}, {"layers", layers}}; }

double polygon_area(const mastery::BadgePolygon& p) {
    double a = 0;
    for (const auto& t : mastery::triangulate(p))
        a += std::fabs((t[1].x - t[0].x) * (t[2].y - t[0].y) - (t[2].x - t[0].x) * (t[1].y - t[0].y)) / 2;
    return a;
}

// A tiny XML well-formedness checker: balanced tags, quoted attributes, one root,
// declarations, comments and CDATA skipped. Returns "" or what is wrong; fills `tags`.
std::string xml_problem(const std::string& x, std::vector<std::string>& tags) {
    std::vector<std::string> open;
    std::size_t i = 0;
    int roots = 0;
    while (i < x.size()) {
        if (x[i] != '<') {
            if (open.empty() && !std::isspace((unsigned char)x[i])) return "text outside the root element";
            ++i;
            continue;
        }
        if (x.compare(i, 9, "<![CDATA[") == 0) {
            std::size_t e = x.find("]]>", i);
            if (e == std::string::npos) return "unterminated CDATA";
            i = e + 3;
            continue;
        }
        if (x.compare(i, 4, "<!--") == 0 || x.compare(i, 2, "<?") == 0) {
            std::size_t e = x.find(x[i + 1] == '?' ? "?>" : "-->", i);
            if (e == std::string::npos) return "unterminated declaration";
            i = e + 2;
            continue;
        }
        std::size_t e = i + 1;
        char quote = 0;
        while (e < x.size() && (quote || x[e] != '>')) {
            if (quote && x[e] == quote) quote = 0;
            else if (!quote && (x[e] == '"' || x[e] == '\'')) quote = x[e];
            else if (!quote && x[e] == '<') return "'<' inside a tag";
            ++e;
        }
        if (e >= x.size()) return "unterminated tag";
        std::string tag = x.substr(i + 1, e - i - 1);
        i = e + 1;
        if (tag.empty()) return "empty tag";
        if (tag[0] == '/') {
            std::string name = tag.substr(1);
            if (open.empty() || open.back() != name) return "closing </" + name + "> does not match";
            open.pop_back();
            continue;
        }
        bool self = tag.back() == '/';
        std::string name = tag.substr(0, tag.find_first_of(" \t\n/"));
        if (open.empty() && ++roots > 1) return "more than one root element";
        tags.push_back(name);
        if (!self) open.push_back(name);
    }
    return open.empty() ? "" : "unclosed <" + open.back() + ">";
}

int count(const std::vector<std::string>& v, const std::string& s) { return int(std::count(v.begin(), v.end(), s)); }

}  // namespace

// --- the design document ---------------------------------------------------------------------

TEST_CASE("a badge design round trips to an equal value and the same bytes") {
    BadgeDesign d = every_kind_of_layer();
    std::string text = mastery::save_badge(d);
    auto loaded = mastery::load_badge(text);
    REQUIRE_MESSAGE(loaded.ok(), loaded.first_error());
    CHECK(*loaded.value == d);
    CHECK(mastery::save_badge(*loaded.value) == text);
    Json j = mastery::to_json(d);
    CHECK(j["format"] == "mastery-map/badge");
    CHECK(j["version"] == 1);
    CHECK(j["layers"][0]["fill"] == Json::parse(R"({"type":"gradient","color":"#0072b2","color2":"#56b4e9c8","angle":45.0})"));
    CHECK(j["layers"][5]["strokes"][0]["points"] == Json::parse("[-10.0, 0.0, 0.0, 5.5, 10.0, 0.0]"));
    CHECK_FALSE(j["layers"][3].contains("strokes"));  // only the fields a kind uses are written
}

TEST_CASE("templates and surprise designs round trip too") {
    auto icons = mastery::load_icon_table(test::read_text(test::source_path("assets/badges/icons.json")));
    REQUIRE(icons.ok());
    mastery::BadgeSubject s{"Unit rates", "Developing", 2, 4, "Math", {"ratios"}};
    for (std::uint64_t seed = 0; seed < 40; ++seed) {
        for (const BadgeDesign& d : {mastery::default_design(s, seed, &*icons.value), mastery::surprise_design(s, seed, &*icons.value)}) {
            auto back = mastery::badge_from_json(mastery::to_json(d));
            REQUIRE_MESSAGE(back.ok(), back.first_error());
            CHECK(*back.value == d);
        }
    }
}

TEST_CASE("a design fills every missing field with the layer kind's default") {
    auto loaded = mastery::badge_from_json(minimal({{{"type", "ribbon"}}, {{"type", "text"}, {"text", "Hi"}}}));
    REQUIRE_MESSAGE(loaded.ok(), loaded.first_error());
    CHECK(loaded.value->layers[0] == mastery::new_layer(LayerKind::ribbon));
    BadgeLayer text = mastery::new_layer(LayerKind::text);
    text.text = "Hi";
    CHECK(loaded.value->layers[1] == text);
    CHECK(mastery::badge_from_json(minimal(Json::array())).ok());  // a blank design is a design
}

TEST_CASE("design problems name their place") {
    SUBCASE("not an object") { CHECK(first_problem(Json::array()) == "expected a badge design object, found a list"); }
    SUBCASE("another kind of document") {
        CHECK(first_problem({{"format", "mastery-map/record"}, {"version", 1}}) ==
              "/format: this is a \"mastery-map/record\" document, not a Mastery Map badge design (\"mastery-map/badge\")");
    }
    SUBCASE("a newer version is refused, never half-read") {
        CHECK(first_problem({{"format", "mastery-map/badge"}, {"version", 2}, {"layers", Json::array()}}) ==
              "/version: this badge was made by a newer version of Mastery Map (format version 2; this app reads up to 1). Update the app to open it.");
    }
    SUBCASE("layers missing") { CHECK(first_problem({{"format", "mastery-map/badge"}, {"version", 1}}) == "missing required key \"layers\""); }
    SUBCASE("a layer without a type") { CHECK(first_problem(minimal({{{"x", 3}}})) == "/layers/0: missing required key \"type\""); }
    SUBCASE("an unknown layer type") {
        CHECK(first_problem(minimal({{{"type", "sticker"}}})) ==
              "/layers/0/type: unknown value \"sticker\" (expected one of \"shape\", \"border\", \"ribbon\", \"icon\", \"text\", \"drawing\")");
    }
    SUBCASE("an unknown shape") {
        CHECK(first_problem(minimal({{{"type", "shape"}, {"shape", "blob"}}})) ==
              "/layers/0/shape: unknown value \"blob\" (expected one of \"circle\", \"hexagon\", \"shield\", \"star\", \"rounded_square\", \"diamond\")");
    }
    SUBCASE("a colour that is not one") {
        CHECK(first_problem(minimal({{{"type", "shape"}, {"fill", {{"color", "#12"}}}}})) ==
              "/layers/0/fill/color: \"#12\" is not a colour (use \"#rrggbb\" or \"#rrggbbaa\")");
        CHECK(first_problem(minimal({{{"type", "border"}, {"color", 7}}})) == "/layers/0/color: expected a colour such as \"#0072b2\", found a whole number");
    }
    SUBCASE("numbers out of range") {
        CHECK(first_problem(minimal({{{"type", "icon"}, {"codepoint", 61635}}, {{"type", "text"}, {"scale", 30}}})) ==
              "/layers/1/scale: must be between 0.05 and 20, found 30");
        CHECK(first_problem(minimal({{{"type", "shape"}, {"shape", "star"}, {"points", 2}}})) == "/layers/0/points: must be between 3 and 24, found 2");
        CHECK(first_problem(minimal({{{"type", "text"}, {"arc", 2.5}}})) == "/layers/0/arc: must be 0 (straight) or at least 5 from 0, found 2.5");
        CHECK(first_problem(minimal({{{"type", "text"}, {"size", "big"}}})) == "/layers/0/size: expected a number, found text");
    }
    SUBCASE("an icon needs its codepoint") {
        CHECK(first_problem(minimal({{{"type", "icon"}, {"icon", "flask"}}})) == "/layers/0: missing required key \"codepoint\"");
    }
    SUBCASE("stroke points are a flat list of number pairs") {
        Json drawing = {{"type", "drawing"}, {"strokes", {{{"points", {1, 2, 3}}}}}};
        CHECK(first_problem(minimal(Json::array({drawing}))) ==
              "/layers/0/strokes/0/points: expected an even, non-zero count of numbers [x0, y0, x1, y1, ...], found 3");
        drawing["strokes"][0]["points"] = {1, "2"};
        CHECK(first_problem(minimal(Json::array({drawing}))) == "/layers/0/strokes/0/points/1: expected a number, found text");
        drawing["strokes"][0]["points"] = {1, 2, 900, 4};
        CHECK(first_problem(minimal(Json::array({drawing}))) == "/layers/0/strokes/0/points/2: point (900, 4) is far off the canvas (-200..300)");
        drawing["strokes"][0] = {{"width", 3}};
        CHECK(first_problem(minimal(Json::array({drawing}))) == "/layers/0/strokes/0: missing required key \"points\"");
    }
    SUBCASE("limits keep designs small") {
        mastery::BadgeLimits limits;
        limits.max_layers = 2;
        limits.max_text_bytes = 5;
        auto many = mastery::badge_from_json(minimal({{{"type", "text"}}, {{"type", "text"}}, {{"type", "text"}}}), limits);
        CHECK(many.first_error() == "/layers: too many layers: 3 (at most 2)");
        auto long_text = mastery::badge_from_json(minimal({{{"type", "text"}, {"text", "Fractions"}}}), limits);
        CHECK(long_text.first_error() == "/layers/0/text: too long: 9 bytes (at most 5)");
    }
    SUBCASE("every problem is reported, in document order") {
        auto loaded = mastery::badge_from_json(minimal({{{"type", "shape"}, {"x", "left"}, {"size", -1}}}));
        REQUIRE(loaded.problems.size() == 2);
        CHECK(loaded.problems[0].pointer == "/layers/0/x");
        CHECK(loaded.problems[1].pointer == "/layers/0/size");
    }
}

TEST_CASE("a learner record's stored designs are checked under /badge_designs") {
    auto r = test::record();
    r = test::apply(r, {{"type", "set_badge_design"}, {"key", "competency:graphs:1"}, {"design", mastery::to_json(every_kind_of_layer())}});
    CHECK(mastery::validate_badge_designs(r).empty());
    // the action refuses a bad design; one that arrives inside a record file is still caught
    const Json bad = minimal({{{"type", "shape"}, {"rotation", "left"}}});
    CHECK(test::refusal(r, {{"type", "set_badge_design"}, {"key", "stack:big"}, {"design", bad}}) ==
          "badge design: /layers/0/rotation: expected a number, found text");
    r.badge_designs["stack:big"] = bad;
    auto problems = mastery::validate_badge_designs(r);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].to_string() == "/badge_designs/stack:big/layers/0/rotation: expected a number, found text");
    CHECK(mastery::badge_key_for_level("graphs", 1) == "competency:graphs:1");
    CHECK(mastery::badge_key_for_stack("big") == "stack:big");
}

TEST_CASE("colours read in three forms and write canonically") {
    CHECK(mastery::parse_colour("#0072B2") == mastery::Rgba{0, 114, 178, 255});
    CHECK(mastery::parse_colour("#fff") == mastery::Rgba{255, 255, 255, 255});
    CHECK(mastery::parse_colour("#00000080") == mastery::Rgba{0, 0, 0, 128});
    CHECK_FALSE(mastery::parse_colour("0072b2"));
    CHECK_FALSE(mastery::parse_colour("#0072bz"));
    CHECK(mastery::to_string(mastery::Rgba{0, 114, 178, 255}) == "#0072b2");
    CHECK(mastery::to_string(mastery::Rgba{0, 114, 178, 128}) == "#0072b280");
}

TEST_CASE("layer units convert to and from the canvas") {
    BadgeLayer l = mastery::new_layer(LayerKind::drawing);
    l.x = 40;
    l.y = 60;
    l.rotation = 90;
    l.scale = 2;
    auto c = mastery::layer_to_canvas(l, {5, 0});
    CHECK(c.x == doctest::Approx(40));
    CHECK(c.y == doctest::Approx(70));
    auto back = mastery::canvas_to_layer(l, c);
    CHECK(back.x == doctest::Approx(5));
    CHECK(back.y == doctest::Approx(0).epsilon(1e-9));
}

TEST_CASE("a finished freehand stroke is simplified but keeps its ends and corners") {
    std::vector<std::array<double, 2>> pts;
    for (int i = 0; i <= 50; ++i) pts.push_back({double(i), 0});
    for (int i = 1; i <= 50; ++i) pts.push_back({50, double(i)});
    auto s = mastery::simplify_stroke(pts, 0.25);
    CHECK(s == std::vector<std::array<double, 2>>{{0, 0}, {50, 0}, {50, 50}});
}

TEST_CASE("UTF-8 text decodes to codepoints and bad bytes become U+FFFD") {
    CHECK(mastery::decode_utf8("Gr\xC3\xA1""f \xE2\x9C\x93") == std::u32string{U'G', U'r', U'\u00E1', U'f', U' ', U'\u2713'});
    CHECK(mastery::decode_utf8("a\xFF" "b\xC3") == std::u32string{U'a', 0xFFFD, U'b', 0xFFFD});
    CHECK(mastery::decode_utf8("\xC0\xAF") == std::u32string{0xFFFD, 0xFFFD});  // overlong '/'
}

// --- palettes, icons, templates -----------------------------------------------------------

TEST_CASE("the first palette is Okabe-Ito, safe for colour-blind students") {
    const auto& palettes = mastery::badge_palettes();
    REQUIRE(palettes.size() >= 5);
    CHECK(palettes[0].id == "okabe-ito");
    CHECK(palettes[0].colorblind_safe);
    std::vector<std::string> hex;
    for (auto c : palettes[0].colors) hex.push_back(mastery::to_string(c));
    CHECK(hex == std::vector<std::string>{"#e69f00", "#56b4e9", "#009e73", "#f0e442", "#0072b2", "#d55e00", "#cc79a7", "#000000"});
    CHECK(mastery::find_palette("tol-bright")->colorblind_safe);
    CHECK(mastery::contrast_ratio({255, 255, 255, 255}, {0, 0, 0, 255}) == doctest::Approx(21));
    CHECK(mastery::readable_on({240, 228, 66, 255}) != mastery::Rgba{255, 255, 255, 255});  // yellow takes dark text
    CHECK(mastery::readable_on({0, 114, 178, 255}) == mastery::Rgba{255, 255, 255, 255});
}

TEST_CASE("the icon table loads, is searchable by name and keyword, and has no duplicates") {
    auto icons = mastery::load_icon_table(test::read_text(test::source_path("assets/badges/icons.json")));
    REQUIRE_MESSAGE(icons.ok(), icons.first_error());
    CHECK(icons.value->size() >= 40);
    std::set<std::string> names;
    for (const auto& e : *icons.value) names.insert(e.name);
    CHECK(names.size() == icons.value->size());
    for (const char* needed : {"book", "flask", "calculator", "pencil", "star", "lightbulb-o", "globe", "bar-chart"})
        CHECK_MESSAGE(mastery::find_icon(*icons.value, needed), needed);
    CHECK(mastery::find_icon(*icons.value, "flask")->codepoint == 0xf0c3);
    auto hits = mastery::search_icons(*icons.value, "book");
    REQUIRE_FALSE(hits.empty());
    CHECK(hits[0]->name == "book");
    auto science = mastery::search_icons(*icons.value, "chemistry");
    REQUIRE_FALSE(science.empty());
    CHECK(science[0]->name == "flask");
    CHECK(mastery::load_icon_table(R"({"format":"mastery-map/icons","icons":[{"name":"x","codepoint":"zz"}]})").first_error() ==
          "/icons/0/codepoint: expected a hexadecimal codepoint such as \"f0c3\"");
}

TEST_CASE("the default design is calm, colour-blind safe and the same for the same seed") {
    auto icons = mastery::load_icon_table(test::read_text(test::source_path("assets/badges/icons.json")));
    REQUIRE(icons.ok());
    mastery::BadgeSubject s{"Ecosystems", "Proficient", 3, 4, "Science", {}};
    BadgeDesign a = mastery::default_design(s, 7, &*icons.value), b = mastery::default_design(s, 7, &*icons.value);
    CHECK(a == b);
    std::set<std::string> okabe_ito;
    for (auto c : mastery::find_palette("okabe-ito")->colors) okabe_ito.insert(mastery::to_string(c));
    int stars = 0;
    std::string icon, ribbon_text, title;
    for (const auto& l : a.layers) {
        if (l.kind == LayerKind::shape && l.shape == mastery::BadgeShape::star && l.size < 10) ++stars;
        if (l.kind == LayerKind::icon) icon = l.icon;
        if (l.kind == LayerKind::text) title = l.text;
        if (l.kind == LayerKind::ribbon) {
            ribbon_text = l.text;
            CHECK(okabe_ito.count(mastery::to_string(l.color)));
            CHECK(mastery::contrast_ratio(l.color, l.text_color) >= 4.5);
        }
    }
    CHECK(stars == 3);  // one per level reached
    CHECK(icon == "tree");
    CHECK(title == "Ecosystems");
    CHECK(ribbon_text == "Proficient");
    CHECK(mastery::default_design("Fractions", "Beginning", 1) == mastery::default_design("Fractions", "Beginning", 1));
}

TEST_CASE("surprise me varies with the seed and always keeps ribbon text readable") {
    auto icons = mastery::load_icon_table(test::read_text(test::source_path("assets/badges/icons.json")));
    REQUIRE(icons.ok());
    mastery::BadgeSubject s{"Making a Claim", "Developing", 2, 4, "ELA", {}};
    std::set<std::string> shapes, fills, designs;
    for (std::uint64_t seed = 0; seed < 60; ++seed) {
        BadgeDesign d = mastery::surprise_design(s, seed, &*icons.value);
        CHECK(d == mastery::surprise_design(s, seed, &*icons.value));
        designs.insert(mastery::save_badge(d));
        for (const auto& l : d.layers) {
            if (l.kind == LayerKind::shape && l.size > 50) {
                shapes.insert(mastery::to_string(l.shape));
                fills.insert(mastery::to_string(l.fill.kind));
            }
            if (l.kind == LayerKind::ribbon && !l.text.empty()) CHECK(mastery::contrast_ratio(l.color, l.text_color) >= 4.5);
        }
    }
    CHECK(designs.size() == 60);
    CHECK(shapes.size() == 6);
    CHECK(fills.size() == 4);
    CHECK(mastery::badge_seed("stack:big") == mastery::badge_seed("stack:big"));
    CHECK(mastery::badge_seed("stack:big") != mastery::badge_seed("stack:bog"));
}

// --- geometry ------------------------------------------------------------------------------

TEST_CASE("the geometry is deterministic: the same design and size give the same polygons") {
    BoxGlyphs glyphs;
    BadgeDesign d = every_kind_of_layer();
    auto a = mastery::badge_geometry(d, 512, &glyphs), b = mastery::badge_geometry(d, 512, &glyphs);
    CHECK(a == b);
    CHECK(mastery::badge_svg(a) == mastery::badge_svg(b));
    CHECK(a.size == 512);
    std::set<int> layers;
    for (const auto& p : a.polygons) layers.insert(p.layer);
    CHECK(layers == std::set<int>{0, 1, 2, 3, 4, 5});  // every layer drew something
    CHECK(a.warnings.empty());
}

TEST_CASE("a centred circle is a ring of points at its radius, in pixels") {
    BadgeDesign d;
    d.layers.push_back(mastery::new_layer(LayerKind::shape));  // circle, size 84, centred
    auto g = mastery::badge_geometry(d, 200);
    REQUIRE(g.polygons.size() == 1);
    const auto& c = g.polygons[0].contours.at(0);
    CHECK(c.size() >= 48);
    for (auto p : c) CHECK(std::hypot(p.x - 100, p.y - 100) == doctest::Approx(84).epsilon(1e-9));
    CHECK(polygon_area(g.polygons[0]) == doctest::Approx(kPi * 84 * 84).epsilon(0.003));
    CHECK(mastery::hit_test(g, {100, 100}) == 0);
    CHECK(mastery::hit_test(g, {5, 5}) == -1);
    auto box = mastery::layer_bounds(g, 0);
    CHECK(box.x0 == doctest::Approx(16).epsilon(0.01));
    CHECK(box.x1 == doctest::Approx(184).epsilon(0.01));
    CHECK(mastery::layer_bounds(g, 3).empty());
}

TEST_CASE("every base shape gives one closed outline inside its box") {
    for (auto shape : {mastery::BadgeShape::circle, mastery::BadgeShape::hexagon, mastery::BadgeShape::shield, mastery::BadgeShape::star,
                       mastery::BadgeShape::rounded_square, mastery::BadgeShape::diamond}) {
        CAPTURE(mastery::to_string(shape));
        BadgeDesign d;
        BadgeLayer l = mastery::new_layer(LayerKind::shape);
        l.shape = shape;
        d.layers.push_back(l);
        auto g = mastery::badge_geometry(d, 100);
        REQUIRE(g.polygons.size() == 1);
        auto box = mastery::layer_bounds(g, 0);
        CHECK(box.x0 >= 7.99);
        CHECK(box.x1 <= 92.01);
        CHECK(box.y0 >= 7.99);
        CHECK(box.y1 <= 92.01);
        CHECK(polygon_area(g.polygons[0]) > 0.3 * 84 * 84);
    }
}

TEST_CASE("a gradient spans its polygon exactly, so per-vertex colours are exact") {
    BadgeDesign d;
    BadgeLayer l = mastery::new_layer(LayerKind::shape);
    l.shape = mastery::BadgeShape::diamond;
    l.fill = {mastery::FillKind::gradient, {255, 0, 0, 255}, {0, 0, 255, 255}, 90, 10};
    d.layers.push_back(l);
    auto g = mastery::badge_geometry(d, 100);
    const auto& paint = g.polygons.at(0).paint;
    CHECK(paint.gradient);
    CHECK(paint.from.y == doctest::Approx(8));
    CHECK(paint.to.y == doctest::Approx(92));
    CHECK(mastery::paint_at(paint, {50, 8}) == mastery::Rgba{255, 0, 0, 255});
    CHECK(mastery::paint_at(paint, {50, 50}) == mastery::Rgba{128, 0, 128, 255});
    auto mesh = mastery::badge_mesh(g);
    REQUIRE(mesh.vertices.size() % 3 == 0);
    for (const auto& v : mesh.vertices) CHECK(v.color == mastery::paint_at(paint, v.pos));
}

TEST_CASE("pattern fills stay inside their shape") {
    for (auto kind : {mastery::FillKind::stripes, mastery::FillKind::dots}) {
        BadgeDesign d;
        BadgeLayer l = mastery::new_layer(LayerKind::shape);
        l.shape = mastery::BadgeShape::star;
        l.fill.kind = kind;
        d.layers.push_back(l);
        auto g = mastery::badge_geometry(d, 300);
        REQUIRE(g.polygons.size() == 2);  // the shape, then the pattern in the second colour
        CHECK(g.polygons[1].paint.color == l.fill.color2);
        double shape_area = polygon_area(g.polygons[0]), pattern_area = polygon_area(g.polygons[1]);
        CHECK(pattern_area > 0.1 * shape_area);
        CHECK(pattern_area < 0.6 * shape_area);
        for (const auto& c : g.polygons[1].contours)
            for (auto p : c) CHECK(mastery::hit_test({300, {g.polygons[0]}, {}}, {p.x * 0.999 + 150 * 0.001, p.y * 0.999 + 150 * 0.001}) == 0);
    }
}

TEST_CASE("a freehand stroke is a thick polyline with round joins and caps") {
    BadgeDesign d;
    BadgeLayer l = mastery::new_layer(LayerKind::drawing);
    l.strokes.push_back({{{-20, 0}, {20, 0}}, 10, {0, 0, 0, 255}, false});
    d.layers.push_back(l);
    auto g = mastery::badge_geometry(d, 100);  // 1 design unit = 1 pixel
    REQUIRE(g.polygons.size() == 1);
    CHECK(polygon_area(g.polygons[0]) == doctest::Approx(40 * 10 + kPi * 25).epsilon(0.01));
    // a zig-zag overlapping itself is filled once (nonzero union), never with holes
    l.strokes[0].points = {{-20, -10}, {20, 10}, {-20, 10}, {20, -10}};
    l.strokes[0].width = 4;
    d.layers[0] = l;
    auto z = mastery::badge_geometry(d, 100);
    CHECK(mastery::hit_test(z, {50, 50}) == 0);  // where the lines cross
    CHECK(mastery::hit_test(z, {50, 60}) == 0);
    CHECK(mastery::hit_test(z, {50, 56}) == -1);  // between the strokes
    // a single point is a dot
    l.strokes[0].points = {{0, 0}};
    l.strokes[0].width = 10;
    d.layers[0] = l;
    CHECK(polygon_area(mastery::badge_geometry(d, 100).polygons.at(0)) == doctest::Approx(kPi * 25).epsilon(0.04));
}

TEST_CASE("an eraser stroke cuts earlier strokes of its drawing, not later ones") {
    BadgeDesign d;
    BadgeLayer l = mastery::new_layer(LayerKind::drawing);
    l.strokes.push_back({{{-30, 0}, {30, 0}}, 6, {0, 114, 178, 255}, false});
    l.strokes.push_back({{{0, -20}, {0, 20}}, 10, {0, 0, 0, 255}, true});
    l.strokes.push_back({{{-30, 10}, {30, 10}}, 4, {213, 94, 0, 255}, false});
    d.layers.push_back(l);
    auto g = mastery::badge_geometry(d, 100);
    REQUIRE(g.polygons.size() == 2);
    CHECK(g.polygons[0].rule == mastery::FillRule::even_odd);
    CHECK(g.polygons[0].contours.size() == 2);  // the blue line in two pieces
    CHECK(mastery::hit_test(g, {50, 50}) == -1);  // erased
    CHECK(mastery::hit_test(g, {40, 50}) == 0);   // left piece
    CHECK(mastery::hit_test(g, {50, 60}) == 0);   // the later orange line passes untouched
    CHECK(polygon_area(g.polygons[0]) == doctest::Approx(60 * 6 + kPi * 9 - 10 * 6).epsilon(0.01));
}

TEST_CASE("borders are rings of even width, solid or dashed") {
    BadgeDesign d;
    BadgeLayer l = mastery::new_layer(LayerKind::border);
    l.size = 80;
    l.width = 4;
    d.layers.push_back(l);
    auto solid = mastery::badge_geometry(d, 100);
    CHECK(mastery::hit_test(solid, {50, 10}) == 0);
    CHECK(mastery::hit_test(solid, {50, 50}) == -1);  // the hole
    CHECK(polygon_area(solid.polygons.at(0)) == doctest::Approx(kPi * (42 * 42 - 38 * 38)).epsilon(0.01));
    d.layers[0].dash = 6;
    auto dashed = mastery::badge_geometry(d, 100);
    std::size_t pieces = dashed.polygons.at(0).contours.size();
    CHECK(pieces == std::size_t(std::lround(kPi * 80 / 12)));
    CHECK(polygon_area(dashed.polygons[0]) < 0.75 * polygon_area(solid.polygons[0]));
}

TEST_CASE("text and icons come from the glyph source and are centred on their layer") {
    BoxGlyphs glyphs;
    BadgeDesign d;
    BadgeLayer t = mastery::new_layer(LayerKind::text);
    t.text = "AB";  // advances 6 + 6 at size 10, centred: ink from -6 to 5, 7 high
    t.bold = false;
    d.layers.push_back(t);
    BadgeLayer icon = mastery::new_layer(LayerKind::icon);
    icon.codepoint = 0xf0c3;
    icon.size = 20;
    icon.x = 20;
    d.layers.push_back(icon);
    auto g = mastery::badge_geometry(d, 100, &glyphs);
    auto box = mastery::layer_bounds(g, 0);
    CHECK(box.x0 == doctest::Approx(44));
    CHECK(box.x1 == doctest::Approx(55));
    CHECK(box.y0 == doctest::Approx(46.5));
    CHECK(box.y1 == doctest::Approx(53.5));
    auto ibox = mastery::layer_bounds(g, 1);
    CHECK(ibox.x0 == doctest::Approx(10));
    CHECK(ibox.y1 == doctest::Approx(60));
    SUBCASE("max_width shrinks text to fit") {
        d.layers[0].max_width = 6;  // the advance width (12) is halved, so the ink (11) too
        auto fit = mastery::layer_bounds(mastery::badge_geometry(d, 100, &glyphs), 0);
        CHECK(fit.x1 - fit.x0 == doctest::Approx(5.5));
    }
    SUBCASE("without fonts, text and icons are left out with a warning") {
        auto bare = mastery::badge_geometry(d, 100, nullptr);
        CHECK(bare.polygons.empty());
        CHECK(bare.warnings == std::vector<std::string>{"layer 0: no fonts: text left out", "layer 1: no fonts: icon \"\" left out"});
    }
    SUBCASE("a missing glyph falls back to '?' and says so") {
        d.layers[0].text = "A\u2603";
        auto g2 = mastery::badge_geometry(d, 100, &glyphs);
        CHECK(g2.warnings == std::vector<std::string>{"layer 0: no glyph for U+2603"});
    }
}

TEST_CASE("triangles for ImGui cover exactly the polygon, honouring the fill rule") {
    // a square with a square hole, even-odd: 100 - 36
    mastery::BadgePolygon p;
    p.contours = {{{0, 0}, {10, 0}, {10, 10}, {0, 10}}, {{2, 2}, {8, 2}, {8, 8}, {2, 8}}};
    p.rule = mastery::FillRule::even_odd;
    CHECK(polygon_area(p) == doctest::Approx(64));
    // the same two squares wound the same way, nonzero: the hole is filled
    p.rule = mastery::FillRule::nonzero;
    CHECK(polygon_area(p) == doctest::Approx(100));
    // a bow tie (self-intersecting) is two triangles of area 25 each
    mastery::BadgePolygon bow;
    bow.contours = {{{0, 0}, {10, 10}, {10, 0}, {0, 10}}};
    CHECK(polygon_area(bow) == doctest::Approx(50));
    // every polygon of a real badge triangulates to its own area (shoelace for simple ones)
    BoxGlyphs glyphs;
    auto g = mastery::badge_geometry(every_kind_of_layer(), 256, &glyphs);
    auto mesh = mastery::badge_mesh(g);
    CHECK(mesh.vertices.size() % 3 == 0);
    CHECK(mesh.vertices.size() > 300);
}

// --- SVG -----------------------------------------------------------------------------------

TEST_CASE("the SVG is well-formed XML with one path per polygon") {
    BoxGlyphs glyphs;
    auto g = mastery::badge_geometry(every_kind_of_layer(), 512, &glyphs);
    std::string svg = mastery::badge_svg(g, {"Graphs & <Data> · Developing", "{\"name\":\"x]]>y\"}"});
    std::vector<std::string> tags;
    CHECK(xml_problem(svg, tags) == "");
    REQUIRE_FALSE(tags.empty());
    CHECK(tags[0] == "svg");
    CHECK(svg.find("xmlns=\"http://www.w3.org/2000/svg\"") != std::string::npos);
    CHECK(svg.find("viewBox=\"0 0 512 512\"") != std::string::npos);
    CHECK(count(tags, "path") == int(g.polygons.size()));
    CHECK(count(tags, "g") == 6);  // one group per layer
    CHECK(count(tags, "linearGradient") == 1);
    CHECK(count(tags, "stop") == 2);
    CHECK(svg.find("<title>Graphs &amp; &lt;Data&gt; · Developing</title>") != std::string::npos);
    CHECK(count(tags, "openbadges:credential") == 1);
    CHECK(svg.find("xmlns:openbadges=\"https://purl.imsglobal.org/ob/v3p0\"") != std::string::npos);
    CHECK(svg.find("<![CDATA[{\"name\":\"x]]]]><![CDATA[>y\"}]]>") != std::string::npos);  // "]]>" split safely
    CHECK(svg.find("fill-rule=\"evenodd\"") != std::string::npos);  // the erased stroke
    CHECK(svg.find("fill=\"url(#g0)\"") != std::string::npos);
}

TEST_CASE("an empty design is still a valid SVG document") {
    auto g = mastery::badge_geometry(BadgeDesign{}, 64);
    std::vector<std::string> tags;
    CHECK(xml_problem(mastery::badge_svg(g), tags) == "");
    CHECK(tags == std::vector<std::string>{"svg"});
}

TEST_CASE("designs at the limits of every field still draw, without blowing up") {
    BoxGlyphs glyphs;
    BadgeDesign d;
    for (auto kind : {mastery::FillKind::dots, mastery::FillKind::stripes}) {
        BadgeLayer huge = mastery::new_layer(LayerKind::shape);
        huge.shape = mastery::BadgeShape::star;
        huge.points = 24;
        huge.inner = 0.95;
        huge.size = 400;
        huge.scale = 20;
        huge.fill.kind = kind;
        huge.fill.spacing = 2;
        d.layers.push_back(huge);
    }
    BadgeLayer text = mastery::new_layer(LayerKind::text);
    text.text = std::string(200, 'W');
    text.arc = -5;
    text.size = 400;
    d.layers.push_back(text);
    BadgeLayer drawing = mastery::new_layer(LayerKind::drawing);
    mastery::BadgeStroke scribble{{}, 60, {0, 0, 0, 255}, false};
    for (int i = 0; i < 4000; ++i) scribble.points.push_back({std::sin(i * 0.37) * 150, std::cos(i * 0.11) * 150});
    drawing.strokes.push_back(scribble);
    drawing.strokes.push_back({{{-200, -200}, {300, 300}}, 60, {0, 0, 0, 255}, true});
    d.layers.push_back(drawing);
    REQUIRE(mastery::badge_from_json(mastery::to_json(d)).ok());
    auto g = mastery::badge_geometry(d, 256, &glyphs);
    CHECK(g.polygons.size() >= 4);
    std::size_t points = 0;
    for (const auto& p : g.polygons)
        for (const auto& c : p.contours) points += c.size();
    CHECK(points < 2'000'000);
    CHECK(mastery::badge_mesh(g).vertices.size() % 3 == 0);
    CHECK(mastery::badge_geometry(d, 0).polygons.empty());
}

TEST_CASE("a record file whose badge design cannot be drawn is refused by the one load path") {
    auto r = test::record();
    r.badge_designs["stack:big"] = {{"format", "mastery-map/badge"}, {"version", 1}, {"layers", {{{"type", "shape"}, {"size", "huge"}}}}};
    auto loaded = mastery::load_record(mastery::save_record(r));
    REQUIRE_FALSE(loaded.ok());
    CHECK(loaded.first_error().find("/badge_designs/stack:big/layers/0/size") != std::string::npos);
}
