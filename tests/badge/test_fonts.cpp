// Real fonts through stb_truetype: DejaVu Sans for text, Fork Awesome for icons, and the
// icon table checked against the icon font's cmap.
#include "helpers.hpp"

#include <cmath>
#include <set>

TEST_CASE("DejaVu Sans gives outlines in em units with y down") {
    REQUIRE_FONTS();
    const auto* f = badge_test::fonts();
    auto a = f->glyph(mastery::FontFace::sans, U'A');
    REQUIRE(a);
    CHECK(a->advance == doctest::Approx(0.684).epsilon(0.02));
    REQUIRE_FALSE(a->path.empty());
    CHECK(a->path[0].verb == mastery::PathCommand::Verb::move);
    double top = 0;
    for (const auto& c : a->path) top = std::min(top, c.p.y);
    CHECK(top == doctest::Approx(-0.729).epsilon(0.02));  // the apex is above the baseline (negative y)
    CHECK(f->metrics(mastery::FontFace::sans).cap_height == doctest::Approx(0.729).epsilon(0.02));
    CHECK(f->glyph(mastery::FontFace::sans, U' ')->path.empty());
    CHECK(f->glyph(mastery::FontFace::sans_bold, U'\u00F1'));  // ñ
    CHECK_FALSE(f->glyph(mastery::FontFace::sans, U'\u4E2D'));  // no CJK in DejaVu Sans
    CHECK(f->kerning(mastery::FontFace::sans, U'A', U'V') < 0);
}

TEST_CASE("every icon in the table is in Fork Awesome's cmap and has an outline") {
    REQUIRE_FONTS();
    const auto& icons = mastery::builtin_icons();
    REQUIRE(icons.size() >= 40);
    for (const auto& e : icons) {
        CAPTURE(e.name);
        CHECK(badge_test::fonts()->has_glyph(mastery::FontFace::icons, e.codepoint));
        auto g = badge_test::fonts()->glyph(mastery::FontFace::icons, e.codepoint);
        REQUIRE(g);
        CHECK(g->path.size() > 3);
    }
}

TEST_CASE("the compiled-in icon table is assets/badges/icons.json") {
    auto file = mastery::load_icon_table(badge_test::read_text(badge_test::source_path("assets/badges/icons.json")));
    REQUIRE(file.ok());
    CHECK(*file.value == mastery::builtin_icons());
}

TEST_CASE("text and icons in a badge draw with real fonts and no warnings") {
    REQUIRE_FONTS();
    mastery::BadgeSubject s{"Gráficas y datos", "Avanzado", 3, 4, "Math", {}};
    auto design = mastery::default_design(s, 5, &mastery::builtin_icons());
    auto g = mastery::badge_geometry(design, 512, badge_test::fonts());
    CHECK(g.warnings.empty());
    std::set<int> layers;
    for (const auto& p : g.polygons) layers.insert(p.layer);
    CHECK(layers.size() == design.layers.size());
}

TEST_CASE("bold text takes the regular outline of a character the bold font lacks") {
    REQUIRE_FONTS();
    // A stand-in for a bold subset without Latin: Fork Awesome as the bold face.
    mastery::StbGlyphSource source;
    const auto paths = mastery::default_font_paths();
    REQUIRE(source.load_file(mastery::FontFace::sans, paths.sans));
    REQUIRE(source.load_file(mastery::FontFace::sans_bold, paths.icons));
    const auto bold = source.glyph(mastery::FontFace::sans_bold, U'A');
    const auto regular = source.glyph(mastery::FontFace::sans, U'A');
    REQUIRE(bold);
    REQUIRE(regular);
    CHECK(bold->advance == regular->advance);
    CHECK(bold->path.size() == regular->path.size());
    const char32_t icon = mastery::builtin_icons().front().codepoint;  // the bold file's own glyph wins
    CHECK(source.glyph(mastery::FontFace::sans_bold, icon));
    CHECK_FALSE(source.glyph(mastery::FontFace::sans, icon));
    CHECK_FALSE(source.glyph(mastery::FontFace::sans_bold, U'\u4E2D'));  // in neither file
}

TEST_CASE("a font file that is not a font is refused") {
    mastery::StbGlyphSource source;
    std::string error;
    CHECK_FALSE(source.load(mastery::FontFace::sans, {1, 2, 3, 4}, &error));
    CHECK(error == "not a TrueType font");
    CHECK_FALSE(source.load_file(mastery::FontFace::sans, "/nonexistent/font.ttf", &error));
    CHECK(error == "cannot read /nonexistent/font.ttf");
    CHECK_FALSE(source.glyph(mastery::FontFace::sans, U'A'));
}
