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

void touch_frame() {
    const int f = ImGui::GetCurrentContext() ? ImGui::GetFrameCount() : 0;
    if (f != g_frame) {
        g_frame = f;
        g_spent_ms = 0;
        g_built = 0;
        g_pending = false;
        g_lod = 0;
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

BadgeArtStats badge_art_stats() { return {g_meshes.size(), g_mesh_vertices, std::size_t(g_built), g_lod}; }

}  // namespace mastery::ui
