// Glyph outlines for the core's GlyphSource from TrueType files via stb_truetype (Debian's
// libstb-dev; its one copy is src/badge/stb/truetype.cpp, shared with ImGui's font atlas),
// the default font paths, and the compiled-in icon table.
#include <stb/stb_truetype.h>

#include "badge_export.hpp"

#include <cstdlib>
#include <cstdio>
#include <iterator>
#include <map>

namespace mastery {

struct StbGlyphSource::Face {
    std::vector<std::uint8_t> ttf;
    stbtt_fontinfo info{};
    double scale = 1;  // font units -> em
    FontMetrics metrics;
    mutable std::map<char32_t, std::optional<GlyphOutline>> cache;
};

StbGlyphSource::StbGlyphSource() = default;
StbGlyphSource::~StbGlyphSource() = default;

bool StbGlyphSource::load(FontFace face, std::vector<std::uint8_t> ttf, std::string* error) {
    auto f = std::make_unique<Face>();
    f->ttf = std::move(ttf);
    int offset = f->ttf.size() >= 12 ? stbtt_GetFontOffsetForIndex(f->ttf.data(), 0) : -1;
    if (offset < 0 || !stbtt_InitFont(&f->info, f->ttf.data(), offset)) {
        if (error) *error = "not a TrueType font";
        return false;
    }
    f->scale = stbtt_ScaleForMappingEmToPixels(&f->info, 1.0f);
    int ascent = 0, descent = 0, gap = 0;
    stbtt_GetFontVMetrics(&f->info, &ascent, &descent, &gap);
    f->metrics.ascent = ascent * f->scale;
    f->metrics.descent = -descent * f->scale;
    int x0, y0, x1, y1;
    // Cap height from the ink of "H" (stb does not read the OS/2 table's sCapHeight).
    if (stbtt_FindGlyphIndex(&f->info, 'H') && stbtt_GetCodepointBox(&f->info, 'H', &x0, &y0, &x1, &y1))
        f->metrics.cap_height = y1 * f->scale;
    else
        f->metrics.cap_height = f->metrics.ascent * 0.8;
    m_faces[std::size_t(face)] = std::move(f);
    return true;
}

bool StbGlyphSource::load_file(FontFace face, const std::string& path, std::string* error) {
    // stdio, not <fstream>: iostreams would bring the whole locale library into the web app
    std::FILE* in = std::fopen(path.c_str(), "rb");
    if (!in) {
        if (error) *error = "cannot read " + path;
        return false;
    }
    std::vector<std::uint8_t> bytes;
    std::uint8_t chunk[16384];
    for (std::size_t n; (n = std::fread(chunk, 1, sizeof chunk, in)) > 0;) bytes.insert(bytes.end(), chunk, chunk + n);
    const bool failed = std::ferror(in) != 0;
    std::fclose(in);
    if (failed) {
        if (error) *error = "cannot read " + path;
        return false;
    }
    std::string why;
    if (!load(face, std::move(bytes), &why)) {
        if (error) *error = path + ": " + why;
        return false;
    }
    return true;
}

bool StbGlyphSource::has_face(FontFace face) const { return m_faces[std::size_t(face)] != nullptr; }

bool StbGlyphSource::has_glyph(FontFace face, char32_t cp) const {
    const Face* f = m_faces[std::size_t(face)].get();
    return f && stbtt_FindGlyphIndex(&f->info, int(cp)) != 0;
}

std::optional<GlyphOutline> StbGlyphSource::glyph(FontFace face, char32_t cp) const {
    const Face* f = m_faces[std::size_t(face)].get();
    if (!f) return std::nullopt;
    // The web app's bold subset is smaller than the regular one (cmake/app.cmake): bold
    // text takes the regular outline of a character the bold file lacks.
    if (face == FontFace::sans_bold && m_faces[std::size_t(FontFace::sans)] && !has_glyph(face, cp)) return glyph(FontFace::sans, cp);
    auto hit = f->cache.find(cp);
    if (hit != f->cache.end()) return hit->second;
    std::optional<GlyphOutline> result;
    int index = stbtt_FindGlyphIndex(&f->info, int(cp));
    if (index != 0) {
        GlyphOutline g;
        int advance = 0, bearing = 0;
        stbtt_GetGlyphHMetrics(&f->info, index, &advance, &bearing);
        g.advance = advance * f->scale;
        stbtt_vertex* v = nullptr;
        int n = stbtt_GetGlyphShape(&f->info, index, &v);
        // font units, y up -> em units, y down
        auto at = [&](double x, double y) { return Vec2{x * f->scale, -y * f->scale}; };
        for (int i = 0; i < n; ++i) {
            PathCommand c;
            c.p = at(v[i].x, v[i].y);
            switch (v[i].type) {
                case STBTT_vmove: c.verb = PathCommand::Verb::move; break;
                case STBTT_vline: c.verb = PathCommand::Verb::line; break;
                case STBTT_vcurve:
                    c.verb = PathCommand::Verb::quad;
                    c.c1 = at(v[i].cx, v[i].cy);
                    break;
                case STBTT_vcubic:
                    c.verb = PathCommand::Verb::cubic;
                    c.c1 = at(v[i].cx, v[i].cy);
                    c.c2 = at(v[i].cx1, v[i].cy1);
                    break;
                default: continue;
            }
            g.path.push_back(c);
        }
        stbtt_FreeShape(&f->info, v);
        result = std::move(g);
    }
    f->cache.emplace(cp, result);
    return result;
}

double StbGlyphSource::kerning(FontFace face, char32_t left, char32_t right) const {
    const Face* f = m_faces[std::size_t(face)].get();
    if (!f) return 0;
    return stbtt_GetCodepointKernAdvance(&f->info, int(left), int(right)) * f->scale;
}

FontMetrics StbGlyphSource::metrics(FontFace face) const {
    const Face* f = m_faces[std::size_t(face)].get();
    return f ? f->metrics : FontMetrics{};
}

FontPaths default_font_paths() {
    if (const char* dir = std::getenv("MASTERY_FONT_DIR"); dir && *dir) {
        std::string d = dir;
        return {d + "/DejaVuSans.ttf", d + "/DejaVuSans-Bold.ttf", d + "/forkawesome-webfont.ttf"};
    }
    return {"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
            "/usr/share/fonts/truetype/fork-awesome/forkawesome-webfont.ttf"};
}

std::vector<std::string> load_fonts(StbGlyphSource& source, const FontPaths& paths) {
    std::vector<std::string> problems;
    const std::pair<FontFace, const std::string*> faces[] = {
        {FontFace::sans, &paths.sans}, {FontFace::sans_bold, &paths.sans_bold}, {FontFace::icons, &paths.icons}};
    for (const auto& [face, path] : faces) {
        std::string error;
        if (!source.load_file(face, *path, &error)) problems.push_back(error);
    }
    // Bold falls back to regular rather than leaving text out.
    if (!source.has_face(FontFace::sans_bold) && source.has_face(FontFace::sans)) source.load_file(FontFace::sans_bold, paths.sans);
    return problems;
}

}  // namespace mastery
