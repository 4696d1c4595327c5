// Prefs <-> JSON text for the platform's local storage. Never throws on bad input.
#include "app/prefs.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace mastery::app {

const char* to_string(Theme t) {
    switch (t) {
        case Theme::light: return "light";
        case Theme::dark: return "dark";
        case Theme::high_contrast: return "high_contrast";
    }
    return "light";
}

Prefs clamp(Prefs p) {
    p.ui_scale = std::clamp(p.ui_scale, kMinScale, kMaxScale);
    if (p.reviewer_name.size() > 80) p.reviewer_name.resize(80);
    if (p.reviewer_role != "teacher" && p.reviewer_role != "mentor" && p.reviewer_role != "peer") p.reviewer_role = "teacher";
    return p;
}

std::string prefs_to_text(const Prefs& p) {
    nlohmann::json j = {
        {"format", "mastery-map/prefs"},
        {"version", 1},
        {"ui_scale", p.ui_scale},
        {"theme", to_string(p.theme)},
        {"reduced_motion", p.reduced_motion},
        {"reviewer_name", p.reviewer_name},
        {"reviewer_role", p.reviewer_role},
    };
    return j.dump();
}

Prefs prefs_from_text(std::string_view text, const Prefs& defaults) {
    Prefs p = defaults;
    if (text.empty() || text.size() > 64 * 1024) return p;
    const nlohmann::json j = nlohmann::json::parse(text.begin(), text.end(), nullptr, false);
    if (!j.is_object()) return p;
    if (auto it = j.find("ui_scale"); it != j.end() && it->is_number()) p.ui_scale = static_cast<int>(it->get<double>());
    if (auto it = j.find("theme"); it != j.end() && it->is_string()) {
        const std::string t = it->get<std::string>();
        if (t == "light") p.theme = Theme::light;
        else if (t == "dark") p.theme = Theme::dark;
        else if (t == "high_contrast") p.theme = Theme::high_contrast;
    }
    if (auto it = j.find("reduced_motion"); it != j.end() && it->is_boolean()) p.reduced_motion = it->get<bool>();
    if (auto it = j.find("reviewer_name"); it != j.end() && it->is_string()) p.reviewer_name = it->get<std::string>();
    if (auto it = j.find("reviewer_role"); it != j.end() && it->is_string()) p.reviewer_role = it->get<std::string>();
    return clamp(p);
}

}  // namespace mastery::app
