// Builds the font atlas. Ranges match the pyftsubset call in cmake/app.cmake.
#include "ui/fonts.hpp"

#include <cstdio>

namespace mastery::ui {

namespace {

Fonts g_fonts;

// Latin-1, Latin Extended-A/B (ñ é ü ç ő ş ...), general punctuation (– — ‘ ’ “ ” • …),
// euro, arrows, minus, geometric shapes, stars, check marks.
constexpr ImWchar kRegularRanges[] = {
    0x0020, 0x024F, 0x2010, 0x205E, 0x20AC, 0x20AC, 0x2190, 0x21FF, 0x2212, 0x2212,
    0x25A0, 0x25FF, 0x2605, 0x2606, 0x270E, 0x270E, 0x2713, 0x2717, 0,
};
constexpr ImWchar kBoldRanges[] = {0x0020, 0x024F, 0x2010, 0x205E, 0x20AC, 0x20AC, 0x2190, 0x21FF, 0x2212, 0x2212,
                                   0x25A0, 0x25FF, 0x2605, 0x2606, 0x2713, 0x2717, 0};

bool readable(const std::string& path) {
    if (path.empty()) return false;
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) return false;
    std::fclose(f);
    return true;
}

}  // namespace

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
        g_fonts.regular = io.Fonts->AddFontFromFileTTF(regular_ttf.c_str(), kBaseFontSize * scale, &cfg, kRegularRanges);
        const std::string& bold = readable(bold_ttf) ? bold_ttf : regular_ttf;
        g_fonts.bold = io.Fonts->AddFontFromFileTTF(bold.c_str(), kBaseFontSize * scale, &cfg, kBoldRanges);
        g_fonts.heading = io.Fonts->AddFontFromFileTTF(bold.c_str(), kHeadingFontSize * scale, &cfg, kBoldRanges);
        g_fonts.from_files = g_fonts.regular && g_fonts.bold && g_fonts.heading;
    }
    if (!g_fonts.from_files) {
        io.Fonts->Clear();
        ImFontConfig def;
        def.SizePixels = 13.0f * scale;
        g_fonts.regular = io.Fonts->AddFontDefault(&def);
        g_fonts.bold = g_fonts.regular;
        def.SizePixels = 20.0f * scale;
        g_fonts.heading = io.Fonts->AddFontDefault(&def);
    }
    io.FontDefault = g_fonts.regular;
    io.Fonts->Build();
    return g_fonts;
}

const Fonts& fonts() { return g_fonts; }

}  // namespace mastery::ui
