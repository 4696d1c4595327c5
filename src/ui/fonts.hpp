// The UI fonts: DejaVu Sans (a build-time subset of Debian's fonts-dejavu-core) in three
// sizes, with Latin Extended, punctuation, arrows and the few symbols the views use.
// Falls back to ImGui's built-in font when the files are missing (tests without fonts).
#pragma once

#include <imgui.h>

#include <cstddef>
#include <string>

namespace mastery::ui {

inline constexpr float kBaseFontSize = 18.0f;     // px at 100% UI scale and devicePixelRatio 1
inline constexpr float kHeadingFontSize = 26.0f;

struct Fonts {
    ImFont* regular = nullptr;
    ImFont* bold = nullptr;
    ImFont* heading = nullptr;
    float scale = 1.0f;          // the pixel scale the atlas was built for
    bool from_files = false;     // false: ImGui's default font (no Latin Extended)
};

// Font files built into the program: the web app has no file system (the bytes are
// generated into the wasm by cmake/embed_files.cmake). `path` is the name the views ask
// for ("/fonts/ui-sans.ttf"). A list ends with an entry whose path is null.
struct FontFile {
    const char* path = nullptr;
    const unsigned char* data = nullptr;
    std::size_t size = 0;
};
// Makes the list the first place font paths are looked up (before the file system).
void use_builtin_font_files(const FontFile* files);
const FontFile* builtin_font_file(const std::string& path);

// Clears io.Fonts and adds the fonts at `scale` (UI scale x devicePixelRatio). The caller
// (re)creates the renderer's font texture afterwards.
const Fonts& build_fonts(const std::string& regular_ttf, const std::string& bold_ttf, float scale);
const Fonts& fonts();

// Glyph ranges of the regular font (for tests: every character the app may show).
const ImWchar* regular_glyph_ranges();

}  // namespace mastery::ui
