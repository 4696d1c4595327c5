// Student badges on screen (see badge_art.hpp). Owns the glyph source, the per-key design
// cache and the mesh cache; no record changes, no platform calls.
#include "ui/badge_art.hpp"

#include "badge_export.hpp"
#include "ui/fonts.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

#include <imgui_internal.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <memory>
#include <unordered_map>
#include <utility>

namespace mastery::ui {
namespace {

// [SECTION] fonts and icons

// The icon font's state. Natively (and wherever it is built in) it is loaded with the
// others; the web app fetches it the first time it is needed (see badge_art.hpp).
IconFontState g_icon_state = IconFontState::absent;
bool g_icon_request = false;  // asked for, not yet handed to the platform
std::string g_icon_error;
int g_icon_generation = 0;

StbGlyphSource* glyph_source() {
    static std::unique_ptr<StbGlyphSource> source;
    static bool tried = false;
    if (!tried) {
        tried = true;
        source = std::make_unique<StbGlyphSource>();
        // The web build has subsets built in (cmake/app.cmake), all but the icons, which it
        // fetches when a badge first needs them; natively Debian's files.
        const std::pair<FontFace, const char*> builtin[] = {
            {FontFace::sans, "/fonts/ui-sans.ttf"}, {FontFace::sans_bold, "/fonts/ui-sans-bold.ttf"}, {FontFace::icons, "/fonts/badge-icons.ttf"}};
        if (builtin_font_file(builtin[0].second)) {
            for (const auto& [face, path] : builtin)
                if (const FontFile* f = builtin_font_file(path)) source->load(face, std::vector<std::uint8_t>(f->data, f->data + f->size));
        } else {
            load_fonts(*source, default_font_paths());
        }
#if MASTERY_FETCHED_ICON_FONT
        if (source->has_face(FontFace::icons)) g_icon_state = IconFontState::ready;
#else
        g_icon_state = IconFontState::ready;  // as ready as it gets: a missing font leaves icons out
#endif
    }
    return source.get();
}

// [SECTION] designs per key

struct DesignEntry {
    Json source;  // the record's JSON for the key (null: not the student's own)
    std::string pathway_id;
    std::size_t pathway_size = 0;
    BadgeDesign design;
    std::uint64_t hash = 0;
    bool own = false;
};
std::unordered_map<std::string, DesignEntry> g_designs;

// [SECTION] meshes

struct Mesh {
    std::vector<ImVec2> pos;  // bucket pixels
    std::vector<ImU32> col;
    // Anti-aliased outlines of the solid polygons (ImGui's polyline, made once per mesh in
    // bucket pixels): indexed triangles, drawn with the atlas's white pixel.
    std::vector<ImVec2> edge_pos;
    std::vector<ImU32> edge_col;
    std::vector<std::uint32_t> edge_idx;
    int drawn = -1;  // the last frame that drew it
    std::size_t vertices() const { return pos.size() + edge_pos.size(); }
};
struct MeshKey {
    std::uint64_t hash;
    int bucket;
    bool operator==(const MeshKey&) const = default;
};
struct MeshKeyHash {
    std::size_t operator()(const MeshKey& k) const { return std::size_t(k.hash * 31 + std::uint64_t(k.bucket)); }
};
std::unordered_map<MeshKey, Mesh, MeshKeyHash> g_meshes;
std::size_t g_mesh_vertices = 0;
// About 20 bytes a vertex: 500,000 vertices hold several screens of the large map's badges
// (a badge far away is a disc, not a mesh). Over that, the meshes the current frame did not
// draw are dropped; a frame's own meshes always stay (no rebuilding while one screen draws).
constexpr std::size_t kMaxCachedVertices = 500'000;
constexpr double kBuildBudgetMs = 8.0;                 // per frame, after the first mesh

int g_frame = -1;
double g_spent_ms = 0;
int g_built = 0;
bool g_pending = false;
std::size_t g_lod = 0;
std::size_t g_sprites_drawn = 0;

void touch_frame() {
    const int f = ImGui::GetCurrentContext() ? ImGui::GetFrameCount() : 0;
    if (f != g_frame) {
        g_frame = f;
        g_spent_ms = 0;
        g_built = 0;
        g_pending = false;
        g_lod = 0;
        g_sprites_drawn = 0;
    }
}

ImU32 to_imu32(Rgba c, float alpha = 1.0f) {
    return IM_COL32(c.r, c.g, c.b, int(std::lround(c.a * std::clamp(alpha, 0.0f, 1.0f))));
}

constexpr float kEdgeThickness = 1.5f;  // bucket pixels: 0.75 to 1.5 screen pixels

Mesh build_mesh(const BadgeDesign& d, int bucket) {
    Mesh m;
    if (design_uses_icons(d)) badge_icon_font(false);  // drawn without its icon until the font is in
    const BadgeGeometry g = badge_geometry(d, bucket, badge_glyphs());
    const BadgeMesh bm = badge_mesh(g);
    m.pos.reserve(bm.vertices.size());
    m.col.reserve(bm.vertices.size());
    for (const BadgeVertex& v : bm.vertices) {
        m.pos.emplace_back(float(v.pos.x), float(v.pos.y));
        m.col.push_back(to_imu32(v.color));
    }
    // Mesh triangles have hard edges; a thin anti-aliased outline in the same colour softens
    // the silhouettes of solid shapes (gradients are left as they are). ImGui tessellates the
    // outlines here, once, instead of every frame.
    ImDrawList edges(ImGui::GetDrawListSharedData());
    edges._ResetForNewFrame();
    edges.Flags &= ~ImDrawListFlags_AntiAliasedLinesUseTex;  // white-pixel UVs only: atlas-independent
    edges.PushClipRect(ImVec2(-1e6f, -1e6f), ImVec2(1e6f, 1e6f));
    std::vector<ImVec2> pts;
    for (const BadgePolygon& p : g.polygons) {
        if (p.paint.gradient || p.paint.color.a < 200) continue;
        for (const auto& contour : p.contours) {
            if (contour.size() < 3 || contour.size() > 400) continue;
            pts.clear();
            for (const Vec2& v : contour) pts.emplace_back(float(v.x), float(v.y));
            edges.AddPolyline(pts.data(), int(pts.size()), to_imu32(p.paint.color), ImDrawFlags_Closed, kEdgeThickness);
        }
    }
    m.edge_pos.reserve(std::size_t(edges.VtxBuffer.Size));
    m.edge_col.reserve(std::size_t(edges.VtxBuffer.Size));
    for (const ImDrawVert& v : edges.VtxBuffer) {
        m.edge_pos.push_back(v.pos);
        m.edge_col.push_back(v.col);
    }
    m.edge_idx.assign(edges.IdxBuffer.begin(), edges.IdxBuffer.end());
    edges._ClearFreeMemory();
    return m;
}

int bucket_for(float side) {
    int b = 32;
    while (b < side && b < 1024) b *= 2;
    return b;
}

// The colour of the first shape layer: the disc drawn when a badge is too small for detail.
ImU32 main_colour(const BadgeDesign& d, float alpha) {
    for (const BadgeLayer& l : d.layers)
        if (l.kind == LayerKind::shape) return to_imu32(l.fill.color, alpha);
    return d.layers.empty() ? IM_COL32(128, 128, 128, int(160 * alpha)) : to_imu32(d.layers.front().color, alpha);
}

ImU32 faded(ImU32 c, float alpha) {
    if (alpha >= 1.0f) return c;
    const ImU32 a = ImU32(((c >> IM_COL32_A_SHIFT) & 0xFF) * alpha);
    return (c & ~IM_COL32_A_MASK) | (a << IM_COL32_A_SHIFT);
}

void write_mesh(ImDrawList* dl, const Mesh& m, ImVec2 at, float scale, float alpha) {
    const std::size_t n = m.pos.size();
    if (n == 0) return;
    const ImVec2 uv = dl->_Data->TexUvWhitePixel;
    // Stay below 64k vertices per reservation (ImDrawIdx may be 16-bit in other builds).
    constexpr std::size_t kChunk = 3 * 20000;
    for (std::size_t start = 0; start < n; start += kChunk) {
        const std::size_t count = std::min(kChunk, n - start);
        dl->PrimReserve(int(count), int(count));
        const ImDrawIdx base = static_cast<ImDrawIdx>(dl->_VtxCurrentIdx);
        for (std::size_t i = 0; i < count; ++i) {
            const ImVec2 p = m.pos[start + i];
            const ImU32 c = faded(m.col[start + i], alpha);
            dl->PrimWriteIdx(static_cast<ImDrawIdx>(base + i));
            dl->PrimWriteVtx(ImVec2(at.x + p.x * scale, at.y + p.y * scale), uv, c);
        }
    }
    if (scale * 32 >= 12 && !m.edge_idx.empty()) {  // outlines only where a pixel of softening shows
        const std::size_t vn = m.edge_pos.size(), in = m.edge_idx.size();
        if (vn >= (std::size_t(1) << 16) && sizeof(ImDrawIdx) == 2) return;  // would not index in 16 bits
        dl->PrimReserve(int(in), int(vn));
        const ImDrawIdx base = static_cast<ImDrawIdx>(dl->_VtxCurrentIdx);
        for (std::size_t i = 0; i < in; ++i) dl->PrimWriteIdx(static_cast<ImDrawIdx>(base + m.edge_idx[i]));
        for (std::size_t i = 0; i < vn; ++i) {
            const ImVec2 p = m.edge_pos[i];
            const ImU32 c = faded(m.edge_col[i], alpha);
            dl->PrimWriteVtx(ImVec2(at.x + p.x * scale, at.y + p.y * scale), uv, c);
        }
    }
}

void drop_meshes() {
    g_meshes.clear();
    g_mesh_vertices = 0;
}

// [SECTION] sprites
//
// A badge up to 256 px is rasterised once per design and size (by the rasteriser its PNG
// download uses) into a cell of a texture page and drawn as one quad: a mesh is a few
// thousand vertices a badge (4,300 triangle and 2,400 outline vertices at 64 px), which the
// large map's pan/zoom frames spent most of their time writing and uploading.

// Sprite sizes: the smallest that is at least the badge's side is drawn, scaled down by at
// most 1.5 (bilinear filtering). Each cell has a one-texel transparent gutter.
constexpr int kSpriteSizes[] = {24, 32, 48, 64, 96, 128, 192, 256};
constexpr int kMaxSpritePages = 8;     // 4 MB of texture each
constexpr int kStalePageFrames = 120;  // a page none of whose sprites were drawn this long may change size
// Rasterising time per frame after its first slice of rows: lower than the meshes' because
// a sprite of another size (or a disc) stands in meanwhile, and small, because the frames
// that build are the slow ones while a gesture brings new badges in (the large map's frame
// is ~5 ms at 4x CPU throttling; the budget is 8). Natively a 64 px sprite takes ~0.2 ms, a
// 256 px one ~2 ms; wasm at 4x CPU throttling is ~6-8 times that.
constexpr double kSpriteBudgetMs = 1.5;
double g_sprite_budget_ms = kSpriteBudgetMs;
// While the map zooms every badge changes size: sprites that have a stand-in (the same
// design at another size) wait until the zoom has been still for this many frames.
constexpr int kZoomSettleFrames = 6;
int g_zoom_frame = -1000;
// Vertical samples per texel row (files use 16): at these sizes the edges look the same and
// a sprite takes about half the time.
constexpr int kSpriteSubScanlines = 8;

struct SpritePage {
    ImTextureID texture = nullptr;
    int size = 0;  // sprite side in texels
    int per_row = 0;
    std::vector<int> free;  // free cells
    int last_drawn = -1;
};
struct Sprite {
    int page = 0, cell = 0, drawn = -1;
};
BadgeSpriteHost g_sprite_host;
bool g_sprites_off = false;  // the host could not make a page: meshes from then on
std::vector<SpritePage> g_pages;
std::unordered_map<MeshKey, Sprite, MeshKeyHash> g_sprites;  // design hash + sprite size

int sprite_size_for(float side) {
    for (int s : kSpriteSizes)
        if (side <= float(s)) return s;
    return 0;
}

void reset_page(SpritePage& page, int size) {
    page.size = size;
    page.per_row = kBadgeSpritePage / (size + 2);
    page.free.clear();
    for (int c = page.per_row * page.per_row - 1; c >= 0; --c) page.free.push_back(c);
}

// The sprite being rasterised, a slice of about kSlicePixels at a time within each frame's
// building time (a 256 px sprite is ~15 ms at 4x CPU throttling: whole, it would be one long
// frame; a slice is ~0.5 ms there, and cutting a 64 px sprite in four costs ~12 % more than
// drawing it whole). One at a time; one that no frame asked for since the last
// is dropped.
constexpr int kSlicePixels = 1024;
struct SpriteJob {
    bool active = false;
    MeshKey key{0, 0};
    int page = 0, cell = 0;
    int touched = -1;  // the last frame that worked on it
    BadgeGeometry geometry;
    RasterEdges edges;  // the geometry's, at this size: sorted once, not for every slice
    std::vector<std::uint8_t> rgba;  // size x size; rows [0, next_row) drawn
    int next_row = 0;
};
SpriteJob g_job;

void drop_sprites() {
    g_job = {};
    g_sprites.clear();
    for (SpritePage& page : g_pages) reset_page(page, page.size);
}

// A free cell for a sprite of `size`: a free one, a new page, the least recently drawn
// sprite of that size not drawn this frame, or a page that has not been drawn from lately.
// {-1, -1} when every cell is on screen this frame (the badge is then drawn as a mesh).
std::pair<int, int> sprite_cell(int size) {
    for (std::size_t i = 0; i < g_pages.size(); ++i)
        if (g_pages[i].size == size && !g_pages[i].free.empty()) {
            const int cell = g_pages[i].free.back();
            g_pages[i].free.pop_back();
            return {int(i), cell};
        }
    if (int(g_pages.size()) < kMaxSpritePages) {
        SpritePage page;
        page.texture = g_sprite_host.create_page();
        if (page.texture == nullptr) {
            g_sprites_off = true;
            return {-1, -1};
        }
        reset_page(page, size);
        const int cell = page.free.back();
        page.free.pop_back();
        g_pages.push_back(std::move(page));
        return {int(g_pages.size()) - 1, cell};
    }
    auto oldest = g_sprites.end();
    for (auto it = g_sprites.begin(); it != g_sprites.end(); ++it)
        if (it->first.bucket == size && it->second.drawn != g_frame && (oldest == g_sprites.end() || it->second.drawn < oldest->second.drawn))
            oldest = it;
    if (oldest != g_sprites.end()) {
        const std::pair<int, int> at{oldest->second.page, oldest->second.cell};
        g_sprites.erase(oldest);
        return at;
    }
    for (std::size_t i = 0; i < g_pages.size(); ++i)
        if (g_pages[i].size != size && g_pages[i].last_drawn < g_frame - kStalePageFrames) {
            for (auto it = g_sprites.begin(); it != g_sprites.end();) it = it->second.page == int(i) ? g_sprites.erase(it) : std::next(it);
            reset_page(g_pages[i], size);
            const int cell = g_pages[i].free.back();
            g_pages[i].free.pop_back();
            return {int(i), cell};
        }
    return {-1, -1};
}

// Uploads a finished sprite (size x size straight-alpha RGBA) into its cell, inside a
// transparent gutter whose colour (like that of every transparent texel) is its
// neighbours', so bilinear filtering at the silhouette blends towards the badge's colour,
// not towards black.
void upload_sprite(const SpritePage& page, int cell, const std::vector<std::uint8_t>& rgba) {
    const int size = page.size, side = size + 2;
    std::vector<std::uint8_t> px(std::size_t(side) * std::size_t(side) * 4, 0);
    for (int y = 0; y < size; ++y)
        std::copy_n(&rgba[std::size_t(y) * std::size_t(size) * 4], std::size_t(size) * 4, &px[(std::size_t(y + 1) * std::size_t(side) + 1) * 4]);
    for (int y = 0; y < side; ++y)
        for (int x = 0; x < side; ++x) {
            std::uint8_t* o = &px[(std::size_t(y) * std::size_t(side) + std::size_t(x)) * 4];
            if (o[3] != 0) continue;
            unsigned sum[3] = {0, 0, 0}, weight = 0;
            for (int dy = -1; dy <= 1; ++dy)
                for (int dx = -1; dx <= 1; ++dx) {
                    const int nx = x + dx, ny = y + dy;
                    if (nx < 0 || ny < 0 || nx >= side || ny >= side) continue;
                    const std::uint8_t* n = &px[(std::size_t(ny) * std::size_t(side) + std::size_t(nx)) * 4];
                    for (int k = 0; k < 3; ++k) sum[k] += unsigned(n[k]) * n[3];
                    weight += n[3];
                }
            if (weight == 0) continue;
            for (int k = 0; k < 3; ++k) o[k] = std::uint8_t((sum[k] + weight / 2) / weight);
        }
    g_sprite_host.update(page.texture, (cell % page.per_row) * side, (cell / page.per_row) * side, side, side, px.data());
}

// Draws the badge from its sprite; false when it has to be a mesh (no host, larger than
// the largest sprite, or no cell free this frame).
bool draw_sprite(ImDrawList* dl, ImVec2 at, float side, const BadgeDesign& design, float alpha, std::uint64_t hash) {
    const int size = sprite_size_for(side);
    if (size == 0 || !g_sprite_host.create_page || !g_sprite_host.update || g_sprites_off) return false;
    const MeshKey key{hash, size};
    auto it = g_sprites.find(key);
    if (it == g_sprites.end()) {
        // not ready: the design at another size stands in (zooming changes every badge's
        // size at once): the next larger, else the largest smaller; else a disc
        auto stand_in = g_sprites.end();
        for (int s : kSpriteSizes) {
            auto other = g_sprites.find(MeshKey{hash, s});
            if (other == g_sprites.end()) continue;
            stand_in = other;
            if (s >= size) break;
        }
        const bool zoom_settling = g_frame - g_zoom_frame < kZoomSettleFrames;
        // This frame's building time (the first slice of a frame always runs) goes to the
        // sprite in progress; a new one starts when none is, or when the one in progress was
        // not asked for since the last frame.
        if ((g_built == 0 || g_spent_ms < g_sprite_budget_ms) && !(zoom_settling && stand_in != g_sprites.end())) {
            if (g_job.active && !(g_job.key == key) && g_job.touched < g_frame - 1) {
                g_pages[std::size_t(g_job.page)].free.push_back(g_job.cell);
                g_job = {};
            }
            if (!g_job.active) {
                // the design's outlines at this size (text and icon glyphs flattened) count
                // towards this frame's building time
                const auto t0 = std::chrono::steady_clock::now();
                const auto [page, cell] = sprite_cell(size);
                if (page < 0) return false;
                if (design_uses_icons(design)) badge_icon_font(false);  // drawn without its icon until the font is in
                g_job.active = true;
                g_job.key = key;
                g_job.page = page;
                g_job.cell = cell;
                g_job.geometry = badge_geometry(design, size, badge_glyphs());
                g_job.edges = raster_edges(g_job.geometry.polygons, g_job.geometry.size > 0 ? size / g_job.geometry.size : 1.0);
                g_job.rgba.assign(std::size_t(size) * std::size_t(size) * 4, 0);
                g_job.next_row = 0;
                g_spent_ms += std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
            }
            if (g_job.key == key) {
                g_job.touched = g_frame;
                g_pages[std::size_t(g_job.page)].last_drawn = g_frame;
                while (g_job.next_row < size && (g_built == 0 || g_spent_ms < g_sprite_budget_ms)) {
                    const auto t0 = std::chrono::steady_clock::now();
                    const int end = std::min(size, g_job.next_row + badge_sprite_slice_rows(size));
                    rasterize_rows(g_job.geometry.polygons, g_job.edges, size, size, {0, 0, 0, 0}, kSpriteSubScanlines, g_job.next_row, end,
                                   &g_job.rgba[std::size_t(g_job.next_row) * std::size_t(size) * 4]);
                    g_job.next_row = end;
                    if (end == size) upload_sprite(g_pages[std::size_t(g_job.page)], g_job.cell, g_job.rgba);
                    g_spent_ms += std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
                    ++g_built;
                }
                if (g_job.next_row >= size) {
                    it = g_sprites.emplace(key, Sprite{g_job.page, g_job.cell, -1}).first;
                    g_job = {};
                }
            }
        }
        if (it == g_sprites.end()) {
            g_pending = true;
            it = stand_in;
            if (it == g_sprites.end()) {
                dl->AddCircleFilled(ImVec2(at.x + side * 0.5f, at.y + side * 0.5f), side * 0.42f, main_colour(design, alpha), 24);
                return true;
            }
        }
    }
    Sprite& sprite = it->second;
    SpritePage& page = g_pages[std::size_t(sprite.page)];
    sprite.drawn = g_frame;
    page.last_drawn = g_frame;
    ++g_sprites_drawn;
    const float texel = 1.0f / float(kBadgeSpritePage);
    const int cell = page.size + 2;
    const float cx = float((sprite.cell % page.per_row) * cell + 1), cy = float((sprite.cell / page.per_row) * cell + 1);
    // whole pixels: a sprite drawn at its own size then maps texel to pixel exactly
    const ImVec2 p0(std::floor(at.x + 0.5f), std::floor(at.y + 0.5f));
    const int a = int(std::lround(255.0f * std::clamp(alpha, 0.0f, 1.0f)));
    dl->AddImage(page.texture, p0, ImVec2(p0.x + side, p0.y + side), ImVec2(cx * texel, cy * texel),
                 ImVec2((cx + float(page.size)) * texel, (cy + float(page.size)) * texel), IM_COL32(255, 255, 255, a));
    return true;
}

}  // namespace

const GlyphSource* badge_glyphs() { return glyph_source(); }

IconFontState badge_icon_font(bool retry_failed) {
    glyph_source();
    if (g_icon_state == IconFontState::absent || (retry_failed && g_icon_state == IconFontState::failed)) {
#if MASTERY_FETCHED_ICON_FONT
        g_icon_state = IconFontState::loading;
        g_icon_request = true;
        g_icon_error.clear();
#endif
    }
    return g_icon_state;
}

IconFontState badge_icon_font_state() {
    glyph_source();
    return g_icon_state;
}

const std::string& badge_icon_font_error() { return g_icon_error; }

bool take_badge_icon_font_request() { return std::exchange(g_icon_request, false); }

void badge_icon_font_arrived(bool ok, std::vector<std::uint8_t> ttf, const std::string& error) {
    StbGlyphSource* source = glyph_source();
    if (g_icon_state == IconFontState::ready) return;
    std::string why = error;
    if (ok && source->load(FontFace::icons, std::move(ttf), &why)) {
        g_icon_state = IconFontState::ready;
        g_icon_error.clear();
        ++g_icon_generation;
        drop_meshes();  // those with icons were made without them
        drop_sprites();
        return;
    }
    g_icon_state = IconFontState::failed;
    g_icon_error = why.empty() ? "not a font" : why;
}

int badge_icon_font_generation() { return g_icon_generation; }

bool design_uses_icons(const BadgeDesign& d) {
    return std::any_of(d.layers.begin(), d.layers.end(), [](const BadgeLayer& l) { return l.kind == LayerKind::icon; });
}

const IconTable& badge_icons() { return builtin_icons(); }

std::uint64_t design_hash(const BadgeDesign& d) { return badge_seed(save_badge(d)); }

ResolvedBadge resolve_badge(const LearnerRecord& r, const std::string& key) {
    const Json* source = nullptr;
    if (r.badge_designs.is_object()) {
        auto it = r.badge_designs.find(key);
        if (it != r.badge_designs.end()) source = &*it;
    }
    auto found = g_designs.find(key);
    if (found != g_designs.end()) {
        const DesignEntry& e = found->second;
        const bool same_source = source ? (e.own && e.source == *source) : !e.own;
        if (same_source && e.pathway_id == r.pathway.id && e.pathway_size == r.pathway.competencies.size())
            return {&e.design, e.hash, e.own};
    }
    DesignEntry e;
    std::vector<std::string> notes;
    e.design = design_for(r, key, &badge_icons(), &notes);
    if (source) e.source = *source;
    e.own = source != nullptr;
    e.pathway_id = r.pathway.id;
    e.pathway_size = r.pathway.competencies.size();
    e.hash = design_hash(e.design);
    if (g_designs.size() > 20000) g_designs.clear();
    DesignEntry& stored = g_designs[key] = std::move(e);
    return {&stored.design, stored.hash, stored.own};
}

void draw_badge_design(ImDrawList* dl, ImVec2 at, float side, const BadgeDesign& design, float alpha, std::uint64_t hash) {
    touch_frame();
    if (side < 18.0f) {  // too small for detail: one disc in the badge's colour
        ++g_lod;
        dl->AddCircleFilled(ImVec2(at.x + side * 0.5f, at.y + side * 0.5f), side * 0.42f, main_colour(design, alpha), 12);
        return;
    }
    if (hash == 0) hash = design_hash(design);
    if (draw_sprite(dl, at, side, design, alpha, hash)) return;
    const int bucket = bucket_for(side);
    const MeshKey key{hash, bucket};
    auto it = g_meshes.find(key);
    if (it == g_meshes.end()) {
        if (g_built > 0 && g_spent_ms > kBuildBudgetMs) {
            g_pending = true;
            dl->AddCircleFilled(ImVec2(at.x + side * 0.5f, at.y + side * 0.5f), side * 0.42f, main_colour(design, alpha), 24);
            return;
        }
        const auto t0 = std::chrono::steady_clock::now();
        Mesh m = build_mesh(design, bucket);
        g_spent_ms += std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
        ++g_built;
        if (g_mesh_vertices + m.vertices() > kMaxCachedVertices) {
            for (auto e = g_meshes.begin(); e != g_meshes.end();) {
                if (e->second.drawn == g_frame) {
                    ++e;
                    continue;
                }
                g_mesh_vertices -= e->second.vertices();
                e = g_meshes.erase(e);
            }
        }
        g_mesh_vertices += m.vertices();
        it = g_meshes.emplace(key, std::move(m)).first;
    }
    it->second.drawn = g_frame;
    write_mesh(dl, it->second, at, side / float(bucket), alpha);
}

void draw_record_badge(ImDrawList* dl, ImVec2 center, float radius, const LearnerRecord& r, const std::string& key, float alpha) {
    const ResolvedBadge b = resolve_badge(r, key);
    const float side = radius * 2.2f;
    draw_badge_design(dl, ImVec2(center.x - side * 0.5f, center.y - side * 0.5f), side, *b.design, alpha, b.hash);
}

void record_badge_item(const LearnerRecord& r, const std::string& key, float radius) {
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(radius * 2.2f, radius * 2.2f));
    draw_record_badge(ImGui::GetWindowDrawList(), ImVec2(pos.x + radius * 1.1f, pos.y + radius * 1.1f), radius, r, key);
}

bool has_own_design(const LearnerRecord& r, const std::string& key) {
    return r.badge_designs.is_object() && r.badge_designs.contains(key);
}

void draw_level_badge(ImDrawList* dl, ImVec2 center, float radius, const LearnerRecord& r, const Competency& c, int level,
                      bool earned, float alpha) {
    const std::string key = badge_key_for_level(c.id, std::max(1, level));
    if (earned) {
        draw_record_badge(dl, center, radius, r, key, alpha);
    } else if (has_own_design(r, key)) {
        draw_record_badge(dl, center, radius, r, key, alpha * 0.4f);
    } else {
        BadgeLook look = badge_for(r.pathway, c, level, false);
        draw_badge(dl, center, radius, look);
    }
}

void level_badge_item(const LearnerRecord& r, const Competency& c, int level, bool earned, float radius) {
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(radius * 2.2f, radius * 2.2f));
    draw_level_badge(ImGui::GetWindowDrawList(), ImVec2(pos.x + radius * 1.1f, pos.y + radius * 1.1f), radius, r, c, level, earned);
}

void stack_badge_item(const LearnerRecord& r, const Stack& s, bool earned, float radius) {
    const std::string key = badge_key_for_stack(s.id);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(radius * 2.2f, radius * 2.2f));
    const ImVec2 centre(pos.x + radius * 1.1f, pos.y + radius * 1.1f);
    if (earned || has_own_design(r, key)) {
        draw_record_badge(ImGui::GetWindowDrawList(), centre, radius, r, key, earned ? 1.0f : 0.4f);
    } else {
        BadgeLook look;
        look.initials = initials_of(s.title);
        look.earned = false;
        draw_badge(ImGui::GetWindowDrawList(), centre, radius, look);
    }
}

bool badge_art_pending() {
    touch_frame();
    return g_pending;
}
void badge_art_new_frame() { touch_frame(); }

int badge_sprite_slice_rows(int size) { return std::max(1, kSlicePixels / std::max(1, size)); }

void badge_art_zoomed() {
    touch_frame();
    g_zoom_frame = g_frame;
}

BadgeArtStats badge_art_stats() {
    return {g_meshes.size(), g_mesh_vertices, std::size_t(g_built), g_lod, g_sprites.size(), g_pages.size(), g_sprites_drawn};
}

void set_badge_build_budget_ms(double ms) { g_sprite_budget_ms = ms < 0 ? kSpriteBudgetMs : ms; }

void set_badge_sprite_host(BadgeSpriteHost host) {
    g_sprite_host = std::move(host);
    g_sprites_off = false;
    g_job = {};
    g_sprites.clear();
    g_pages.clear();
}

}  // namespace mastery::ui
