// Badge sprites (src/ui/badge_art.cpp): badges up to 256 px are rasterised once into texture
// pages and drawn as one quad each when the platform can make textures. These tests give
// badge_art a host that keeps its pages in memory, so what reaches "the GPU" can be read.
#include "harness.hpp"

#include "badge_export.hpp"
#include "ui/badge_art.hpp"

#include <doctest/doctest.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <cstdint>
#include <map>
#include <vector>

using namespace mastery;
using namespace mastery::testing;
using app::Page;

namespace {

constexpr int kPage = ui::kBadgeSpritePage;

// Pages in memory; installed for the test's lifetime, then badges go back to meshes. Frames
// get ample building time (a sprite is built whole in the frame that first draws it) unless
// a test sets it: the default is small, and sanitizer builds are slow.
struct MemoryPages {
    std::map<std::uintptr_t, std::vector<std::uint8_t>> pages;
    int uploads = 0;
    MemoryPages() {
        ui::BadgeSpriteHost host;
        host.create_page = [this]() {
            const std::uintptr_t id = 0x5000 + pages.size();
            pages[id].assign(std::size_t(kPage) * kPage * 4, 0xAB);  // "undefined" contents
            return reinterpret_cast<ImTextureID>(id);
        };
        host.update = [this](ImTextureID page, int x, int y, int w, int h, const std::uint8_t* rgba) {
            auto& px = pages.at(reinterpret_cast<std::uintptr_t>(page));
            REQUIRE(x >= 0);
            REQUIRE(y >= 0);
            REQUIRE(x + w <= kPage);
            REQUIRE(y + h <= kPage);
            for (int r = 0; r < h; ++r)
                std::copy_n(rgba + std::size_t(r) * std::size_t(w) * 4, std::size_t(w) * 4,
                            &px[(std::size_t(y + r) * kPage + std::size_t(x)) * 4]);
            ++uploads;
        };
        ui::set_badge_sprite_host(std::move(host));
        ui::set_badge_build_budget_ms(1000.0);
    }
    ~MemoryPages() {
        ui::set_badge_sprite_host({});
        ui::set_badge_build_budget_ms(-1);
    }
    bool is_page(ImTextureID t) const { return pages.count(reinterpret_cast<std::uintptr_t>(t)) != 0; }
    const std::uint8_t* texel(ImTextureID t, int x, int y) const {
        return &pages.at(reinterpret_cast<std::uintptr_t>(t))[(std::size_t(y) * kPage + std::size_t(x)) * 4];
    }
};

// A draw list outside any window, for drawing one badge between frames.
struct LooseList {
    ImDrawList dl{ImGui::GetDrawListSharedData()};
    LooseList() {
        dl._ResetForNewFrame();
        dl.PushClipRectFullScreen();
    }
    ~LooseList() { dl._ClearFreeMemory(); }
    int commands_with(const MemoryPages& m) const {
        int n = 0;
        for (const ImDrawCmd& c : dl.CmdBuffer)
            if (c.ElemCount > 0 && m.is_page(c.TextureId)) ++n;
        return n;
    }
};

BadgeDesign sample_design(int n) {
    return default_design("Skill " + std::to_string(n), "One", badge_seed("skill-" + std::to_string(n)));
}

}  // namespace

TEST_CASE("a badge up to 256 px is one quad from a sprite: the PNG rasteriser's pixels") {
    Harness h;
    h.load_sample_record();
    h.frame();
    MemoryPages mem;
    const BadgeDesign d = sample_design(1);
    LooseList list;
    ui::draw_badge_design(&list.dl, ImVec2(100.2f, 50.7f), 64, d, 0.4f);

    // one textured quad: 4 vertices, 6 indices, faded by its vertex colour
    REQUIRE(list.commands_with(mem) == 1);
    CHECK(list.dl.VtxBuffer.Size == 4);
    CHECK(list.dl.IdxBuffer.Size == 6);
    const ImDrawVert& v0 = list.dl.VtxBuffer[0];
    const ImDrawVert& v2 = list.dl.VtxBuffer[2];
    CHECK(v0.pos.x == 100.0f);  // whole pixels
    CHECK(v0.pos.y == 51.0f);
    CHECK(v2.pos.x - v0.pos.x == 64.0f);
    CHECK(((v0.col >> IM_COL32_A_SHIFT) & 0xFF) == 102);
    CHECK(ui::badge_art_stats().sprites == 1);
    CHECK(ui::badge_art_stats().sprite_pages == 1);

    // the cell holds the PNG rasteriser's image of the design at 64 px (8 sub-scanlines, not
    // the files' 16), texel for texel, inside a transparent gutter
    const ImTextureID page = list.dl.CmdBuffer[0].ElemCount ? list.dl.CmdBuffer[0].TextureId : list.dl.CmdBuffer.back().TextureId;
    const int x0 = int(v0.uv.x * kPage + 0.5f), y0 = int(v0.uv.y * kPage + 0.5f);
    CHECK(int(v2.uv.x * kPage + 0.5f) - x0 == 64);
    const Image img = rasterize(badge_geometry(d, 64, ui::badge_glyphs()), 64, {0, 0, 0, 0}, 8);
    REQUIRE(img.width == 64);
    int differ = 0, opaque = 0, fringe_black = 0;
    for (int y = 0; y < 64; ++y)
        for (int x = 0; x < 64; ++x) {
            const std::uint8_t* t = mem.texel(page, x0 + x, y0 + y);
            const auto p = img.pixel(x, y);
            if (p[3] == 0) {
                if (t[3] != 0) ++differ;
                continue;
            }
            ++opaque;
            for (int k = 0; k < 4; ++k)
                if (t[k] != p[std::size_t(k)]) ++differ;
        }
    CHECK(opaque > 64 * 64 / 3);
    CHECK(differ == 0);
    for (int x = -1; x <= 64; ++x) {
        CHECK(mem.texel(page, x0 + x, y0 - 1)[3] == 0);
        CHECK(mem.texel(page, x0 + x, y0 + 64)[3] == 0);
    }
    // transparent texels next to the badge take its colour (filtering must not fade to black)
    for (int y = 0; y < 64; ++y)
        for (int x = 0; x < 64; ++x) {
            const std::uint8_t* t = mem.texel(page, x0 + x, y0 + y);
            const std::uint8_t* right = mem.texel(page, x0 + x + 1, y0 + y);
            if (t[3] == 0 && right[3] == 255 && right[0] + right[1] + right[2] > 200 && t[0] + t[1] + t[2] < 20) ++fringe_black;
        }
    CHECK(fringe_black == 0);

    // drawn again: no second upload
    const int uploads = mem.uploads;
    LooseList again;
    ui::draw_badge_design(&again.dl, ImVec2(0, 0), 64, d);
    CHECK(mem.uploads == uploads);
    CHECK(again.commands_with(mem) == 1);
}

TEST_CASE("sprite sizes: the next size up, scaled down; larger badges are meshes") {
    Harness h;
    h.frame();
    MemoryPages mem;
    const BadgeDesign d = sample_design(2);
    {
        LooseList l;  // 40 px comes from the 48-texel sprite
        ui::draw_badge_design(&l.dl, ImVec2(0, 0), 40, d);
        REQUIRE(l.commands_with(mem) == 1);
        CHECK(int((l.dl.VtxBuffer[2].uv.x - l.dl.VtxBuffer[0].uv.x) * kPage + 0.5f) == 48);
        CHECK(l.dl.VtxBuffer[2].pos.x - l.dl.VtxBuffer[0].pos.x == 40.0f);
    }
    h.frame();  // a new frame: building time again (a stand-in would be drawn otherwise)
    {
        LooseList l;  // 200 px: the largest sprite, 256 texels
        ui::draw_badge_design(&l.dl, ImVec2(0, 0), 200, d);
        REQUIRE(l.commands_with(mem) == 1);
        CHECK(int((l.dl.VtxBuffer[2].uv.x - l.dl.VtxBuffer[0].uv.x) * kPage + 0.5f) == 256);
    }
    h.frame();  // the meshes' building time is a frame's too
    {
        LooseList l;  // larger than 256 px: a mesh, thousands of vertices, no sprite
        ui::draw_badge_design(&l.dl, ImVec2(0, 0), 300, d);
        CHECK(l.commands_with(mem) == 0);
        CHECK(l.dl.VtxBuffer.Size > 1000);
    }
    {
        LooseList l;  // tiny: a disc
        ui::draw_badge_design(&l.dl, ImVec2(0, 0), 12, d);
        CHECK(l.commands_with(mem) == 0);
    }
    CHECK(ui::badge_art_stats().sprites == 2);
}

TEST_CASE("the map draws designed badges as sprites in few draw calls") {
    // 300 skills, each with the student's own design (drawn faded before it is earned)
    const Pathway p = generated_pathway(300, false);
    LearnerRecord r = new_record(p, "r-designed", "Student", "2026-11-22T10:00:00Z");
    for (const Competency& c : p.competencies)
        r.badge_designs[badge_key_for_level(c.id, 1)] = to_json(default_design(c.title, "One", badge_seed(c.id)));
    Harness h;
    h.session().start_with_record(std::move(r));
    MemoryPages mem;
    const std::size_t meshes_before = ui::badge_art_stats().meshes;  // earlier tests' are cached
    h.open(Page::map);
    for (int i = 0; i < 100 && (i < 3 || ui::badge_art_pending()); ++i) h.frame();
    const ui::BadgeArtStats st = ui::badge_art_stats();
    MESSAGE("300 designed skills, map: " << st.sprites_drawn << " sprites drawn, " << st.sprites << " made, " << st.sprite_pages << " pages");
    REQUIRE(st.sprites_drawn >= 10);
    CHECK(st.meshes == meshes_before);  // no badge needed a mesh
    int sprite_cmds = 0, sprite_quads = 0;
    const ImDrawData* dd = ImGui::GetDrawData();
    for (int i = 0; i < dd->CmdListsCount; ++i)
        for (const ImDrawCmd& c : dd->CmdLists[i]->CmdBuffer)
            if (c.ElemCount > 0 && mem.is_page(c.TextureId)) {
                ++sprite_cmds;
                sprite_quads += int(c.ElemCount / 6);
            }
    CHECK(sprite_quads == int(st.sprites_drawn));
    CHECK(sprite_cmds <= int(st.sprite_pages));  // the map's badges follow each other in its draw list
}

TEST_CASE("sprite pages are capped: old sprites give their cells to new ones, the frame's own stay") {
    Harness h;
    h.frame();
    MemoryPages mem;
    // 128-texel sprites: 49 cells a page, 8 pages at most
    int made = 0;
    for (int n = 0; n < 500; ++n) {
        LooseList l;
        ui::draw_badge_design(&l.dl, ImVec2(0, 0), 128, sample_design(n));
        if (l.commands_with(mem) == 1) ++made;
        if (ui::badge_art_pending()) {
            h.frame();  // the per-frame building budget ran out: the next frame goes on
            LooseList retry;
            ui::draw_badge_design(&retry.dl, ImVec2(0, 0), 128, sample_design(n));
            if (retry.commands_with(mem) == 1) ++made;
        }
        if (n % 20 == 19) h.frame();
    }
    const ui::BadgeArtStats st = ui::badge_art_stats();
    MESSAGE(made << " of 500 drawn as sprites; " << st.sprites << " kept in " << st.sprite_pages << " pages");
    CHECK(st.sprite_pages <= 8);
    CHECK(mem.pages.size() == st.sprite_pages);
    CHECK(st.sprites <= 8 * 49);
    CHECK(made >= 400);
}

TEST_CASE("while zooming, a sprite of another size stands in until the new size is built") {
    Harness h;
    h.frame();
    MemoryPages mem;
    const BadgeDesign d = sample_design(7);
    const std::uint64_t hash = ui::design_hash(d);
    {
        LooseList l;
        ui::draw_badge_design(&l.dl, ImVec2(0, 0), 64, d, 1.0f, hash);
    }
    h.frame();
    // use up this frame's building time with other designs
    ui::set_badge_build_budget_ms(0.0);
    int n = 100;
    while (!ui::badge_art_pending() && n < 2000) {
        LooseList l;
        ui::draw_badge_design(&l.dl, ImVec2(0, 0), 90, sample_design(n++));
    }
    REQUIRE(ui::badge_art_pending());
    const std::size_t before = ui::badge_art_stats().sprites;
    {
        LooseList l;  // 90 px wants the 96 sprite; the 64 one is drawn, scaled up
        ui::draw_badge_design(&l.dl, ImVec2(0, 0), 90, d, 1.0f, hash);
        REQUIRE(l.commands_with(mem) == 1);
        CHECK(int((l.dl.VtxBuffer[2].uv.x - l.dl.VtxBuffer[0].uv.x) * kPage + 0.5f) == 64);
        CHECK(l.dl.VtxBuffer[2].pos.x - l.dl.VtxBuffer[0].pos.x == 90.0f);
    }
    CHECK(ui::badge_art_stats().sprites == before);
    // Later frames build it (the sprite that was in progress when time ran out is dropped
    // once no frame asks for it): one frame when it has the time (sanitizer builds are slow).
    ui::set_badge_build_budget_ms(1000.0);
    int frames = 0, texels = 0;
    while (texels != 96 && frames < 5) {
        h.frame();
        ++frames;
        LooseList l;
        ui::draw_badge_design(&l.dl, ImVec2(0, 0), 90, d, 1.0f, hash);
        REQUIRE(l.commands_with(mem) == 1);
        texels = int((l.dl.VtxBuffer[2].uv.x - l.dl.VtxBuffer[0].uv.x) * kPage + 0.5f);
        CHECK((texels == 64 || texels == 96));
    }
    CHECK(texels == 96);
    CHECK(frames <= 2);
}

TEST_CASE("while the zoom changes, sprites with a stand-in wait until it has been still a few frames") {
    Harness h;
    h.frame();
    MemoryPages mem;
    const BadgeDesign d = sample_design(21), fresh = sample_design(22);
    const std::uint64_t hash = ui::design_hash(d);
    {
        LooseList l;
        ui::draw_badge_design(&l.dl, ImVec2(0, 0), 64, d, 1.0f, hash);
        REQUIRE(l.commands_with(mem) == 1);
    }
    auto drawn_texels = [&](const BadgeDesign& design, float side) {
        LooseList l;
        ui::draw_badge_design(&l.dl, ImVec2(0, 0), side, design);
        return l.commands_with(mem) == 1 ? int((l.dl.VtxBuffer[2].uv.x - l.dl.VtxBuffer[0].uv.x) * kPage + 0.5f) : 0;
    };
    // a wheel turn a frame for three frames: the 64 px sprite is drawn at 90 px meanwhile
    int zoom_frames = 0;
    for (; zoom_frames < 3; ++zoom_frames) {
        h.frame();
        ui::badge_art_zoomed();
        CHECK(drawn_texels(d, 90) == 64);
        CHECK(ui::badge_art_pending());  // frames keep coming until it is built
    }
    // a badge with no sprite at any size is built even while zooming (it would be a disc)
    CHECK(drawn_texels(fresh, 90) == 96);
    // then still frames: the 96 px sprite comes once the zoom has rested
    int still = 0;
    while (drawn_texels(d, 90) != 96 && still < 20) {
        h.frame();
        ++still;
    }
    CHECK(still > 1);
    CHECK(still <= 8);
    CHECK(drawn_texels(d, 90) == 96);
}

TEST_CASE("a large sprite is drawn a slice of rows per frame when frames have little time") {
    Harness h;
    h.frame();
    MemoryPages mem;
    ui::set_badge_build_budget_ms(0.0);  // one slice a frame
    const BadgeDesign d = sample_design(11);
    int frames = 0, quads = 0;
    const int slices = (256 + ui::badge_sprite_slice_rows(256) - 1) / ui::badge_sprite_slice_rows(256);
    REQUIRE(slices > 1);
    for (; frames < slices + 5; ++frames) {
        h.frame();
        LooseList l;
        ui::draw_badge_design(&l.dl, ImVec2(0, 0), 250, d);
        if (l.commands_with(mem) == 1) {
            quads = 1;
            break;
        }
        CHECK(ui::badge_art_pending());  // a disc meanwhile, and frames keep coming
    }
    ui::set_badge_build_budget_ms(1000.0);
    CHECK(quads == 1);
    CHECK(frames == slices - 1);  // the last slice finishes it
    // the pieces make the same picture as one pass
    LooseList l;
    ui::draw_badge_design(&l.dl, ImVec2(0, 0), 250, d);
    REQUIRE(l.commands_with(mem) == 1);
    const ImDrawVert& v0 = l.dl.VtxBuffer[0];
    const ImTextureID page = l.dl.CmdBuffer.back().ElemCount ? l.dl.CmdBuffer.back().TextureId : l.dl.CmdBuffer[0].TextureId;
    const int x0 = int(v0.uv.x * kPage + 0.5f), y0 = int(v0.uv.y * kPage + 0.5f);
    const Image img = rasterize(badge_geometry(d, 256, ui::badge_glyphs()), 256, {0, 0, 0, 0}, 8);
    int differ = 0;
    for (int y = 0; y < 256; ++y)
        for (int x = 0; x < 256; ++x) {
            const auto p = img.pixel(x, y);
            const std::uint8_t* t = mem.texel(page, x0 + x, y0 + y);
            if (t[3] != p[3] || (p[3] != 0 && (t[0] != p[0] || t[1] != p[1] || t[2] != p[2]))) ++differ;
        }
    CHECK(differ == 0);
}
