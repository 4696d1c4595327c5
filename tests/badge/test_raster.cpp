// The PNG rasteriser against known shapes and against itself at other sizes, and the
// ImGui triangles (badge_mesh) against the polygons they come from: three renderings of
// one geometry must agree.
#include "helpers.hpp"

#include <cmath>

using mastery::BadgeDesign;
using mastery::LayerKind;

namespace {

constexpr double kPi = 3.14159265358979323846;

BadgeDesign red_circle(double size) {
    BadgeDesign d;
    auto l = mastery::new_layer(LayerKind::shape);
    l.size = size;
    l.fill.color = {213, 94, 0, 255};
    d.layers.push_back(l);
    return d;
}

double alpha_sum(const mastery::Image& img) {
    double sum = 0;
    for (std::size_t i = 3; i < img.rgba.size(); i += 4) sum += img.rgba[i] / 255.0;
    return sum;
}

// The badge as the studio draws it: each polygon replaced by its triangles (all wound
// the same way, filled nonzero), i.e. exactly the area ImDrawList fills.
mastery::BadgeGeometry as_triangles(const mastery::BadgeGeometry& g) {
    mastery::BadgeGeometry out;
    out.size = g.size;
    for (const auto& p : g.polygons) {
        mastery::BadgePolygon t;
        t.paint = p.paint;
        t.layer = p.layer;
        for (auto tri : mastery::triangulate(p)) {
            double area = (tri[1].x - tri[0].x) * (tri[2].y - tri[0].y) - (tri[2].x - tri[0].x) * (tri[1].y - tri[0].y);
            if (area < 0) std::swap(tri[1], tri[2]);
            t.contours.push_back({tri[0], tri[1], tri[2]});
        }
        out.polygons.push_back(std::move(t));
    }
    return out;
}

}  // namespace

TEST_CASE("a centred circle: opaque centre, transparent corners, area by coverage") {
    auto g = mastery::badge_geometry(red_circle(80), 128);
    auto img = mastery::rasterize(g, 128);
    REQUIRE(img.width == 128);
    REQUIRE(img.height == 128);
    CHECK(img.pixel(64, 64) == std::array<std::uint8_t, 4>{213, 94, 0, 255});
    CHECK(img.pixel(0, 0)[3] == 0);
    CHECK(img.pixel(127, 127)[3] == 0);
    CHECK(img.pixel(127, 0)[3] == 0);
    double r = 0.4 * 128;
    CHECK(alpha_sum(img) == doctest::Approx(kPi * r * r).epsilon(0.005));  // the outline is a polygon within 0.12 px
    // the edge is anti-aliased: pixels straddling the rim are partly covered, and keep the colour
    int partial = 0;
    for (int y = 0; y < 128; ++y)
        for (int x = 0; x < 128; ++x) {
            auto p = img.pixel(x, y);
            if (p[3] > 0 && p[3] < 255) {
                ++partial;
                CHECK(p[0] == 213);
            }
        }
    CHECK(partial > int(2 * kPi * r * 0.8));
    CHECK(partial < int(2 * kPi * r * 2));
}

TEST_CASE("drawn a few rows at a time, an image has the same pixels as drawn whole") {
    auto g = mastery::badge_geometry(red_circle(80), 96);
    for (int subs : {16, 8}) {
        const auto whole = mastery::rasterize(g, 96, {0, 0, 0, 0}, subs);
        std::vector<std::uint8_t> pieces(96 * 96 * 4, 7);
        for (int row = 0; row < 96; row += 25)  // 25, 25, 25, 21 rows
            mastery::rasterize_rows(g.polygons, 96, 96, 1.0, {0, 0, 0, 0}, subs, row, row + 25, &pieces[std::size_t(row) * 96 * 4]);
        CHECK(pieces == whole.rgba);
    }
    // with the edges made once for all the pieces (the screen's sprites): the same again,
    // also for a real badge's many polygons (shape, ribbon, words) at a scale
    const auto edges = mastery::raster_edges(g.polygons, 1.0);
    REQUIRE(edges.polygons.size() == g.polygons.size());
    std::vector<std::uint8_t> prepared(96 * 96 * 4, 7);
    for (int row = 0; row < 96; row += 16)
        mastery::rasterize_rows(g.polygons, edges, 96, 96, {0, 0, 0, 0}, 8, row, row + 16, &prepared[std::size_t(row) * 96 * 4]);
    CHECK(prepared == mastery::rasterize(g, 96, {0, 0, 0, 0}, 8).rgba);
    const auto badge = mastery::badge_geometry(mastery::default_design("Unit rates", "Developing", 42), 100);
    REQUIRE(badge.polygons.size() > 3);
    const auto badge_edges = mastery::raster_edges(badge.polygons, 64 / badge.size);
    std::vector<std::uint8_t> badge_pieces(64 * 64 * 4, 7);
    for (int row = 0; row < 64; row += 16)
        mastery::rasterize_rows(badge.polygons, badge_edges, 64, 64, {0, 0, 0, 0}, 8, row, row + 16, &badge_pieces[std::size_t(row) * 64 * 4]);
    CHECK(badge_pieces == mastery::rasterize(badge, 64, {0, 0, 0, 0}, 8).rgba);
    // the 8 sub-scanline image differs from the 16 one only at the anti-aliased rim
    const auto fine = mastery::rasterize(g, 96), coarse = mastery::rasterize(g, 96, {0, 0, 0, 0}, 8);
    CHECK(fine.rgba != coarse.rgba);
    CHECK(fine.pixel(48, 48) == coarse.pixel(48, 48));
    CHECK(alpha_sum(coarse) == doctest::Approx(alpha_sum(fine)).epsilon(0.002));
}

TEST_CASE("a background colour shows where nothing is drawn") {
    auto img = mastery::rasterize(mastery::badge_geometry(red_circle(40), 64), 64, {255, 255, 255, 255});
    CHECK(img.pixel(0, 0) == std::array<std::uint8_t, 4>{255, 255, 255, 255});
    CHECK(img.pixel(32, 32) == std::array<std::uint8_t, 4>{213, 94, 0, 255});
}

TEST_CASE("the 512 px badge scaled down matches the badge drawn at 128 px") {
    REQUIRE_FONTS();
    auto r = badge_test::sample_record();
    auto design = mastery::design_for(r, "competency:ratios-1:2", &mastery::builtin_icons());
    auto big = mastery::rasterize(mastery::badge_geometry(design, 512, badge_test::fonts()), 512);
    auto small = mastery::rasterize(mastery::badge_geometry(design, 128, badge_test::fonts()), 128);
    auto down = mastery::downsample(big, 4);
    REQUIRE(down.width == 128);
    double total = 0;
    int over = 0;
    for (std::size_t i = 0; i < down.rgba.size(); ++i) {
        int d = std::abs(int(down.rgba[i]) - int(small.rgba[i]));
        total += d;
        if (d > 48) ++over;
    }
    double mean = total / double(down.rgba.size());
    MESSAGE("mean channel difference " << mean << ", channels off by more than 48: " << over);
    CHECK(mean < 1.5);
    CHECK(over < int(down.rgba.size() / 500));  // a few glyph-edge pixels at most
}

TEST_CASE("the ImGui triangles fill exactly what the PNG rasteriser fills") {
    REQUIRE_FONTS();
    auto r = badge_test::sample_record();
    for (std::uint64_t seed : {1u, 2u, 3u, 4u}) {
        mastery::BadgeSubject s{"Proportional Relationships", "Extending", 4, 4, "Math", {}};
        auto design = mastery::surprise_design(s, seed, &mastery::builtin_icons());
        auto drawing = mastery::new_layer(LayerKind::drawing);
        drawing.strokes.push_back({{{-30, 20}, {0, -10}, {30, 25}, {-20, 0}}, 5, {0, 0, 0, 200}, false});
        drawing.strokes.push_back({{{0, -30}, {0, 30}}, 6, {0, 0, 0, 255}, true});
        design.layers.push_back(drawing);
        auto g = mastery::badge_geometry(design, 256, badge_test::fonts());
        auto png = mastery::rasterize(g, 256);
        auto tris = mastery::rasterize(as_triangles(g), 256);
        CAPTURE(seed);
        CHECK(badge_test::max_channel_difference(png, tris) <= 2);
    }
}

TEST_CASE("pixels survive PNG encoding and decoding exactly") {
    auto img = mastery::rasterize(mastery::badge_geometry(red_circle(70), 96), 96);
    auto png = mastery::encode_png(img);
    REQUIRE(png.size() > 8);
    auto back = mastery::decode_png(png);
    REQUIRE(back);
    CHECK(back->width == 96);
    CHECK(back->rgba == img.rgba);
    CHECK_FALSE(mastery::decode_png({1, 2, 3}));
}
