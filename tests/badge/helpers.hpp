// Shared by the badge tests: reading files, the real fonts (skipped when missing), the
// sample learner record, and 1EdTech's fixtures beside the repo (../shared/fixtures).
#pragma once

#include "badge_export.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace badge_test {

inline std::string source_path(const std::string& rel) { return std::string(MASTERY_SOURCE_DIR) + "/" + rel; }

// A fresh clone has no ../shared: tests that need 1EdTech's files say so and skip.
inline std::string fixtures_dir() { return std::string(MASTERY_SOURCE_DIR) + "/../shared/fixtures"; }
inline bool have_fixtures() { return std::filesystem::is_directory(fixtures_dir() + "/openbadges"); }
#define REQUIRE_FIXTURES()                                                                                      \
    if (!badge_test::have_fixtures()) {                                                                         \
        MESSAGE("SKIPPED: 1EdTech fixtures not found at " << badge_test::fixtures_dir() << " (a fresh clone has no ../shared)"); \
        return;                                                                                                 \
    }

inline std::vector<std::uint8_t> read_bytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}
inline std::string read_text(const std::string& path) {
    auto b = read_bytes(path);
    return {b.begin(), b.end()};
}

// Debian's DejaVu Sans and Fork Awesome, loaded once; null when a face is missing.
inline const mastery::StbGlyphSource* fonts() {
    static mastery::StbGlyphSource source;
    static const bool ok = mastery::load_fonts(source, mastery::default_font_paths()).empty();
    return ok ? &source : nullptr;
}
#define REQUIRE_FONTS()                                                                                               \
    if (!badge_test::fonts()) {                                                                                       \
        MESSAGE("SKIPPED: fonts missing (apt-get install fonts-dejavu-core fonts-fork-awesome)");                   \
        return;                                                                                                       \
    }

inline mastery::LearnerRecord sample_record() {
    auto loaded = mastery::load_record(read_text(source_path("assets/records/sample-record.json")));
    REQUIRE_MESSAGE(loaded.ok(), loaded.first_error());
    return *loaded.value;
}

inline int max_channel_difference(const mastery::Image& a, const mastery::Image& b) {
    int worst = 0;
    for (std::size_t i = 0; i < a.rgba.size() && i < b.rgba.size(); ++i) worst = std::max(worst, std::abs(int(a.rgba[i]) - int(b.rgba[i])));
    return worst;
}

}  // namespace badge_test
