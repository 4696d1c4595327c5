// Prefs: how this device shows the app (size, colours, motion, the reviewer's name).
// Saved locally by the platform (localStorage), never part of the learner record or export.
#pragma once

#include <string>
#include <string_view>

namespace mastery::app {

enum class Theme { light, dark, high_contrast };

struct Prefs {
    int ui_scale = 100;              // percent, 100..200, step 10; multiplies devicePixelRatio
    Theme theme = Theme::light;      // light | dark | high_contrast
    bool reduced_motion = false;     // map jumps instead of gliding
    std::string reviewer_name;       // remembered for the review form; "" until typed
    std::string reviewer_role = "teacher";  // teacher | mentor | peer
    bool operator==(const Prefs&) const = default;
};

inline constexpr int kMinScale = 100;
inline constexpr int kMaxScale = 200;

// JSON text for storage ({"format": "mastery-map/prefs", ...}). Reading is lenient: a
// missing, damaged or unknown value falls back to its default, never fails.
std::string prefs_to_text(const Prefs& p);
Prefs prefs_from_text(std::string_view text, const Prefs& defaults = {});
Prefs clamp(Prefs p);

const char* to_string(Theme t);

}  // namespace mastery::app
