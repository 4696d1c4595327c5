// Builds the font atlas. Ranges match the pyftsubset call in cmake/app.cmake.
#include "ui/fonts.hpp"

#include <cstdio>

namespace mastery::ui {

namespace {

Fonts g_fonts;

// What students write and the views show, kept small (every glyph costs download bytes
// and atlas time at startup): Latin-1 and Latin Extended-A (ñ é ü ç ő ş ł ...), the part of
// Latin Extended-B used by living languages (Hausa and other African letters, Vietnamese
// horns, Pinyin tones, Romanian ș ț), basic Greek (π, Δ, μ in science and maths), general
// punctuation (– — ‘ ’ “ ” • … ‰), euro, a few arrows, maths operators, geometric
// shapes, stars, check marks.
constexpr ImWchar kRegularRanges[] = {
    0x0020, 0x017F, 0x0180, 0x01B4, 0x01CD, 0x01DC, 0x0218, 0x021B, 0x0391, 0x03A9, 0x03B1, 0x03C9,
    0x2010, 0x205E, 0x20AC, 0x20AC, 0x2190, 0x2199, 0x21D0, 0x21D4, 0x2202, 0x2202, 0x2206, 0x2206,
    0x2208, 0x2208, 0x2211, 0x2212, 0x221A, 0x221A, 0x221E, 0x221E, 0x2248, 0x2248, 0x2260, 0x2261,
    0x2264, 0x2265, 0x25A0, 0x25A1, 0x25B2, 0x25BF, 0x25C6, 0x25CF, 0x2605, 0x2606, 0x270E, 0x270E,
    0x2713, 0x2717, 0,
};
// The bold subset is smaller (it is downloaded too): Latin-1, Latin Extended-A, Romanian,
// Greek, punctuation, euro. Its fonts take every other glyph of kRegularRanges from the
// regular file (merged after it: ImGui keeps the glyphs a font already has).
constexpr ImWchar kBoldRanges[] = {
    0x0020, 0x017F, 0x0218, 0x021B, 0x0391, 0x03A9, 0x03B1, 0x03C9, 0x2010, 0x205E, 0x20AC, 0x20AC, 0,
};
const FontFile* g_builtin = nullptr;

bool readable(const std::string& path) {
    if (path.empty()) return false;
    if (builtin_font_file(path)) return true;
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) return false;
    std::fclose(f);
    return true;
}

// From the built-in list when it has the path (ImGui reads the bytes in place), else the file.
ImFont* add_font(const std::string& path, float pixels, ImFontConfig cfg, const ImWchar* ranges = kRegularRanges) {
    ImGuiIO& io = ImGui::GetIO();
    if (const FontFile* f = builtin_font_file(path)) {
        cfg.FontDataOwnedByAtlas = false;
        return io.Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(f->data), int(f->size), pixels, &cfg, ranges);
    }
    return io.Fonts->AddFontFromFileTTF(path.c_str(), pixels, &cfg, ranges);
}

// A bold font: the bold file's glyphs, then the regular file's for the rest of the ranges.
ImFont* add_bold_font(const std::string& bold, const std::string& regular, float pixels, const ImFontConfig& cfg) {
    if (bold == regular) return add_font(regular, pixels, cfg);
    ImFont* font = add_font(bold, pixels, cfg, kBoldRanges);
    if (!font) return nullptr;
    ImFontConfig merge = cfg;
    merge.MergeMode = true;
    return add_font(regular, pixels, merge) ? font : nullptr;
}

}  // namespace

void use_builtin_font_files(const FontFile* files) { g_builtin = files; }

const FontFile* builtin_font_file(const std::string& path) {
    for (const FontFile* f = g_builtin; f && f->path; ++f)
        if (path == f->path) return f;
    return nullptr;
}

const ImWchar* regular_glyph_ranges() { return kRegularRanges; }

const Fonts& build_fonts(const std::string& regular_ttf, const std::string& bold_ttf, float scale) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    io.Fonts->Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight;
    io.Fonts->TexGlyphPadding = 1;
    g_fonts = Fonts{};
    g_fonts.scale = scale;

    ImFontConfig cfg;
    cfg.OversampleH = scale >= 1.5f ? 1 : 2;  // big glyphs need no sub-pixel oversampling
    cfg.OversampleV = 1;
    cfg.PixelSnapH = scale >= 1.5f;
    if (readable(regular_ttf)) {
        g_fonts.regular = add_font(regular_ttf, kBaseFontSize * scale, cfg);
        const std::string& bold = readable(bold_ttf) ? bold_ttf : regular_ttf;
        g_fonts.bold = add_bold_font(bold, regular_ttf, kBaseFontSize * scale, cfg);
        ImFontConfig big = cfg;  // headings are large enough to need no sub-pixel oversampling
        big.OversampleH = 1;
        big.PixelSnapH = true;
        g_fonts.heading = add_bold_font(bold, regular_ttf, kHeadingFontSize * scale, big);
        g_fonts.from_files = g_fonts.regular && g_fonts.bold && g_fonts.heading;
    }
#if MASTERY_NO_DEFAULT_FONT
    // This build left ImGui's default font out (cmake/app.cmake): its fonts are built in,
    // so reading them can only fail if the build itself is broken.
    IM_ASSERT(g_fonts.from_files && "the built-in fonts could not be read");
#else
    if (!g_fonts.from_files) {
        io.Fonts->Clear();
        ImFontConfig def;
        def.SizePixels = 13.0f * scale;
        g_fonts.regular = io.Fonts->AddFontDefault(&def);
        g_fonts.bold = g_fonts.regular;
        def.SizePixels = 20.0f * scale;
        g_fonts.heading = io.Fonts->AddFontDefault(&def);
    }
#endif
    io.FontDefault = g_fonts.regular;
    io.Fonts->Build();
    return g_fonts;
}

const Fonts& fonts() { return g_fonts; }

}  // namespace mastery::ui
