// One earned badge as files: the design it shows (student's, author's or a default), its
// geometry drawn as PNG and SVG, the credential, and the baked PNG. Used by
// `mastery badges` and by the web app's "download my badge".
#include "badge_export.hpp"

#include <cctype>
#include <cstdlib>

namespace mastery {
namespace {

std::string slug(const std::string& text) {
    std::string out;
    for (char c : text) {
        if (std::isalnum((unsigned char)c)) out += char(std::tolower((unsigned char)c));
        else if (!out.empty() && out.back() != '-') out += '-';
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    return out;
}

std::string safe_id(const std::string& id) {
    std::string out;
    for (char c : id) out += (std::isalnum((unsigned char)c) || c == '-' || c == '_' || c == '.') ? c : '-';
    if (out.empty() || out[0] == '.') out = "badge" + out;
    return out;
}

struct KeyParts {
    bool stack = false;
    std::string id;
    int level = 0;
};

std::optional<KeyParts> parse_key(const std::string& key) {
    if (key.rfind("stack:", 0) == 0) return KeyParts{true, key.substr(6), 0};
    if (key.rfind("competency:", 0) == 0) {
        std::size_t colon = key.rfind(':');
        if (colon <= 11) return std::nullopt;
        return KeyParts{false, key.substr(11, colon - 11), std::atoi(key.c_str() + colon + 1)};
    }
    return std::nullopt;
}

BadgeSubject subject_for(const LearnerRecord& r, const KeyParts& k) {
    BadgeSubject s;
    if (k.stack) {
        if (const Stack* st = r.pathway.find_stack(k.id)) s.title = st->title;
        return s;
    }
    if (const Competency* c = r.pathway.find_competency(k.id)) {
        const auto& scale = r.pathway.scale_of(*c);
        s.title = c->title;
        s.level = k.level;
        s.level_count = int(scale.size());
        if (k.level >= 1 && k.level <= int(scale.size())) s.level_name = scale[std::size_t(k.level - 1)];
        s.subject = c->subject;
        s.tags = c->tags;
    }
    return s;
}

}  // namespace

BadgeSubject badge_subject(const LearnerRecord& r, const std::string& key) {
    auto k = parse_key(key);
    return k ? subject_for(r, *k) : BadgeSubject{};
}

std::string badge_title(const LearnerRecord& r, const std::string& key) {
    auto k = parse_key(key);
    if (!k) return key;
    if (k->stack) {
        const Stack* s = r.pathway.find_stack(k->id);
        return s ? s->title : k->id;
    }
    return level_label(r.pathway, k->id, k->level);
}

BadgeDesign design_for(const LearnerRecord& r, const std::string& key, const IconTable* icons, std::vector<std::string>* notes) {
    auto note = [&](std::string n) {
        if (notes) notes->push_back(std::move(n));
    };
    if (r.badge_designs.is_object() && r.badge_designs.contains(key)) {
        auto loaded = badge_from_json(r.badge_designs[key]);
        if (loaded.ok()) return *loaded.value;
        note("the student's design for " + key + " is unreadable (" + loaded.first_error() + "); using a default");
    }
    auto k = parse_key(key);
    if (k) {
        const Json* authored = nullptr;
        if (k->stack) {
            if (const Stack* s = r.pathway.find_stack(k->id); s && !s->badge.is_null()) authored = &s->badge;
        } else if (const Competency* c = r.pathway.find_competency(k->id); c && !c->default_badge.is_null()) {
            authored = &c->default_badge;
        }
        if (authored) {
            auto loaded = badge_from_json(*authored);
            if (loaded.ok()) return *loaded.value;
            note("the pathway's badge for " + key + " is unreadable (" + loaded.first_error() + "); using a default");
        }
        return default_design(subject_for(r, *k), badge_seed(key), icons);
    }
    return default_design(key, "", badge_seed(key));
}

Loaded<BadgeFiles> export_badge(const LearnerRecord& r, const Progress& pr, const std::string& key, const GlyphSource* glyphs,
                                const IconTable* icons, int pixels) {
    Loaded<BadgeFiles> out;
    auto k = parse_key(key);
    if (!k) {
        out.problems.push_back({"", "unknown badge key \"" + key + "\" (use competency:<id>:<level> or stack:<id>)"});
        return out;
    }
    BadgeFiles f;
    f.key = key;
    f.title = badge_title(r, key);
    if (k->stack) {
        f.stem = "stack-" + safe_id(k->id);
    } else {
        BadgeSubject s = subject_for(r, *k);
        std::string level = slug(s.level_name);
        f.stem = safe_id(k->id) + "-" + (level.empty() ? "level-" + std::to_string(k->level) : level);
    }
    BadgeDesign design = design_for(r, key, icons, &f.notes);
    BadgeGeometry geometry = badge_geometry(design, pixels, glyphs);
    f.notes.insert(f.notes.end(), geometry.warnings.begin(), geometry.warnings.end());
    std::vector<std::uint8_t> image = encode_png(rasterize(geometry, pixels));
    if (image.empty()) {
        out.problems.push_back({"", "could not encode the PNG"});
        return out;
    }
    auto credential = open_badge_credential(r, pr, key, image);
    if (!credential.ok()) {
        out.problems = credential.problems;
        return out;
    }
    f.credential = *credential.value;
    std::string text = f.credential.dump(2);
    std::string error;
    auto baked = bake_png(image, kOb3Keyword, text, &error);
    if (!baked) {
        out.problems.push_back({"", error});
        return out;
    }
    f.png = std::move(*baked);
    f.svg = badge_svg(geometry, {f.title, text});
    out.value = std::move(f);
    return out;
}

}  // namespace mastery
