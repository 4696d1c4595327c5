// The badge design document: colours, reading (errors as values with JSON Pointers, a type
// check before every get<>() because Emscripten builds do not catch), canonical writing,
// stroke simplification and UTF-8 decoding. Templates and palettes: badge_templates.cpp.
#include "mastery/badge.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace mastery {

// --- colours ----------------------------------------------------------------------------

namespace {
int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}
}  // namespace

std::optional<Rgba> parse_colour(std::string_view t) {
    if (t.empty() || t[0] != '#') return std::nullopt;
    t.remove_prefix(1);
    for (char c : t)
        if (hex_digit(c) < 0) return std::nullopt;
    auto pair = [&](std::size_t i) { return std::uint8_t(hex_digit(t[i]) * 16 + hex_digit(t[i + 1])); };
    auto single = [&](std::size_t i) { return std::uint8_t(hex_digit(t[i]) * 17); };
    if (t.size() == 3) return Rgba{single(0), single(1), single(2), 255};
    if (t.size() == 6) return Rgba{pair(0), pair(2), pair(4), 255};
    if (t.size() == 8) return Rgba{pair(0), pair(2), pair(4), pair(6)};
    return std::nullopt;
}

std::string to_string(Rgba c) {
    char buf[10];
    if (c.a == 255) std::snprintf(buf, sizeof buf, "#%02x%02x%02x", c.r, c.g, c.b);
    else std::snprintf(buf, sizeof buf, "#%02x%02x%02x%02x", c.r, c.g, c.b, c.a);
    return buf;
}

// --- enum names -------------------------------------------------------------------------

namespace {
constexpr std::pair<const char*, BadgeShape> kShapes[] = {
    {"circle", BadgeShape::circle}, {"hexagon", BadgeShape::hexagon},
    {"shield", BadgeShape::shield}, {"star", BadgeShape::star},
    {"rounded_square", BadgeShape::rounded_square}, {"diamond", BadgeShape::diamond}};
constexpr std::pair<const char*, FillKind> kFills[] = {
    {"solid", FillKind::solid}, {"gradient", FillKind::gradient}, {"stripes", FillKind::stripes}, {"dots", FillKind::dots}};
constexpr std::pair<const char*, RibbonStyle> kRibbons[] = {
    {"banner", RibbonStyle::banner}, {"flat", RibbonStyle::flat}, {"tails", RibbonStyle::tails}};
constexpr std::pair<const char*, LayerKind> kKinds[] = {
    {"shape", LayerKind::shape}, {"border", LayerKind::border}, {"ribbon", LayerKind::ribbon},
    {"icon", LayerKind::icon},   {"text", LayerKind::text},     {"drawing", LayerKind::drawing}};

template <class Enum, std::size_t N>
const char* name_of(const std::pair<const char*, Enum> (&options)[N], Enum v) {
    for (const auto& [name, value] : options)
        if (value == v) return name;
    return "?";
}
}  // namespace

const char* to_string(BadgeShape s) { return name_of(kShapes, s); }
const char* to_string(FillKind f) { return name_of(kFills, f); }
const char* to_string(RibbonStyle s) { return name_of(kRibbons, s); }
const char* to_string(LayerKind k) { return name_of(kKinds, k); }

BadgeLayer new_layer(LayerKind kind) {
    BadgeLayer l;
    l.kind = kind;
    switch (kind) {
        case LayerKind::shape: l.size = 84; break;
        case LayerKind::border: l.size = 84; l.width = 4; break;
        case LayerKind::ribbon:
            l.y = 78;
            l.width = 84;
            l.height = 16;
            l.color = {213, 94, 0, 255};
            break;
        case LayerKind::icon: l.size = 32; break;
        case LayerKind::text: l.size = 10; break;
        case LayerKind::drawing: l.color = {0, 0, 0, 255}; break;
    }
    return l;
}

DesignPoint layer_to_canvas(const BadgeLayer& l, DesignPoint p) {
    double r = l.rotation * 3.14159265358979323846 / 180, c = std::cos(r), s = std::sin(r);
    double x = p.x * l.scale, y = p.y * l.scale;
    return {l.x + c * x - s * y, l.y + s * x + c * y};
}

DesignPoint canvas_to_layer(const BadgeLayer& l, DesignPoint p) {
    double r = l.rotation * 3.14159265358979323846 / 180, c = std::cos(r), s = std::sin(r);
    double x = p.x - l.x, y = p.y - l.y;
    double sc = l.scale != 0 ? l.scale : 1;
    return {(c * x + s * y) / sc, (-s * x + c * y) / sc};
}

// --- reading ----------------------------------------------------------------------------

namespace {

const char* type_name(const Json& j) {
    switch (j.type()) {
        case Json::value_t::null: return "null";
        case Json::value_t::object: return "an object";
        case Json::value_t::array: return "a list";
        case Json::value_t::string: return "text";
        case Json::value_t::boolean: return "true/false";
        case Json::value_t::number_integer:
        case Json::value_t::number_unsigned: return "a whole number";
        case Json::value_t::number_float: return "a decimal number";
        default: return "something else";
    }
}

std::string number_text(double v) {
    char buf[32];
    if (std::fabs(v - std::round(v)) < 1e-9 && std::fabs(v) < 1e15) std::snprintf(buf, sizeof buf, "%.0f", v);
    else std::snprintf(buf, sizeof buf, "%g", v);
    return buf;
}

class DesignReader {
public:
    std::vector<Problem> problems;
    const BadgeLimits& limits;
    std::size_t total_points = 0;

    explicit DesignReader(const BadgeLimits& l) : limits(l) {}

    void error(std::string ptr, std::string msg) { problems.push_back({std::move(ptr), std::move(msg)}); }
    static std::string at(const std::string& base, const std::string& key) { return base + "/" + key; }
    static std::string at(const std::string& base, std::size_t i) { return base + "/" + std::to_string(i); }

    const Json* field(const Json& obj, const char* key) {
        auto it = obj.find(key);
        return (it == obj.end() || it->is_null()) ? nullptr : &*it;
    }

    double number(const Json& obj, const std::string& ptr, const char* key, double fallback, double min, double max) {
        const Json* f = field(obj, key);
        if (!f) return fallback;
        if (!f->is_number()) {
            error(at(ptr, key), std::string("expected a number, found ") + type_name(*f));
            return fallback;
        }
        double v = f->get<double>();
        if (!(v >= min && v <= max)) {
            error(at(ptr, key), "must be between " + number_text(min) + " and " + number_text(max) + ", found " + number_text(v));
            return fallback;
        }
        return v;
    }

    int integer(const Json& obj, const std::string& ptr, const char* key, int fallback, int min, int max) {
        const Json* f = field(obj, key);
        if (!f) return fallback;
        if (!f->is_number_integer()) {
            error(at(ptr, key), std::string("expected a whole number, found ") + type_name(*f));
            return fallback;
        }
        long long v = f->is_number_unsigned() ? (long long)std::min<unsigned long long>(f->get<unsigned long long>(), 1ull << 40)
                                              : f->get<long long>();
        if (v < min || v > max) {
            error(at(ptr, key), "must be between " + std::to_string(min) + " and " + std::to_string(max) + ", found " + std::to_string(v));
            return fallback;
        }
        return int(v);
    }

    bool boolean(const Json& obj, const std::string& ptr, const char* key, bool fallback) {
        const Json* f = field(obj, key);
        if (!f) return fallback;
        if (!f->is_boolean()) {
            error(at(ptr, key), std::string("expected true or false, found ") + type_name(*f));
            return fallback;
        }
        return f->get<bool>();
    }

    std::string text(const Json& obj, const std::string& ptr, const char* key, std::size_t max_bytes) {
        const Json* f = field(obj, key);
        if (!f) return {};
        if (!f->is_string()) {
            error(at(ptr, key), std::string("expected text, found ") + type_name(*f));
            return {};
        }
        std::string s = f->get<std::string>();
        if (s.size() > max_bytes) {
            error(at(ptr, key), "too long: " + std::to_string(s.size()) + " bytes (at most " + std::to_string(max_bytes) + ")");
            return {};
        }
        return s;
    }

    Rgba colour(const Json& obj, const std::string& ptr, const char* key, Rgba fallback) {
        const Json* f = field(obj, key);
        if (!f) return fallback;
        if (!f->is_string()) {
            error(at(ptr, key), std::string("expected a colour such as \"#0072b2\", found ") + type_name(*f));
            return fallback;
        }
        auto c = parse_colour(f->get<std::string>());
        if (!c) {
            error(at(ptr, key), "\"" + f->get<std::string>() + "\" is not a colour (use \"#rrggbb\" or \"#rrggbbaa\")");
            return fallback;
        }
        return *c;
    }

    template <class Enum, std::size_t N>
    Enum choice(const Json& obj, const std::string& ptr, const char* key, const std::pair<const char*, Enum> (&options)[N],
                Enum fallback, bool required = false) {
        const Json* f = field(obj, key);
        if (!f) {
            if (required) error(ptr, std::string("missing required key \"") + key + "\"");
            return fallback;
        }
        if (!f->is_string()) {
            error(at(ptr, key), std::string("expected text, found ") + type_name(*f));
            return fallback;
        }
        std::string s = f->get<std::string>(), list;
        for (const auto& [name, value] : options) {
            if (s == name) return value;
            list += (list.empty() ? "" : ", ") + std::string("\"") + name + "\"";
        }
        error(at(ptr, key), "unknown value \"" + s + "\" (expected one of " + list + ")");
        return fallback;
    }

    BadgeFill fill(const Json& obj, const std::string& ptr) {
        BadgeFill f;
        const Json* j = field(obj, "fill");
        if (!j) return f;
        std::string p = at(ptr, "fill");
        if (!j->is_object()) {
            error(p, std::string("expected an object, found ") + type_name(*j));
            return f;
        }
        f.kind = choice(*j, p, "type", kFills, FillKind::solid);
        f.color = colour(*j, p, "color", f.color);
        f.color2 = colour(*j, p, "color2", f.color2);
        f.angle = number(*j, p, "angle", f.angle, -3600, 3600);
        f.spacing = number(*j, p, "spacing", f.spacing, 2, 50);
        return f;
    }

    void strokes(const Json& obj, const std::string& ptr, BadgeLayer& l) {
        const Json* a = field(obj, "strokes");
        if (!a) return;
        std::string base = at(ptr, "strokes");
        if (!a->is_array()) {
            error(base, std::string("expected a list, found ") + type_name(*a));
            return;
        }
        if (a->size() > limits.max_strokes) {
            error(base, "too many strokes: " + std::to_string(a->size()) + " (at most " + std::to_string(limits.max_strokes) + ")");
            return;
        }
        for (std::size_t i = 0; i < a->size(); ++i) {
            const Json& e = (*a)[i];
            std::string p = at(base, i);
            if (!e.is_object()) {
                error(p, std::string("expected an object, found ") + type_name(e));
                continue;
            }
            BadgeStroke s;
            s.width = number(e, p, "width", s.width, 0.2, 60);
            s.color = colour(e, p, "color", s.color);
            s.eraser = boolean(e, p, "eraser", false);
            const Json* pts = field(e, "points");
            std::string pp = at(p, "points");
            if (!pts) {
                error(p, "missing required key \"points\"");
            } else if (!pts->is_array()) {
                error(pp, std::string("expected a list of numbers [x0, y0, x1, y1, ...], found ") + type_name(*pts));
            } else if (pts->empty() || pts->size() % 2 != 0) {
                error(pp, "expected an even, non-zero count of numbers [x0, y0, x1, y1, ...], found " + std::to_string(pts->size()));
            } else if (pts->size() / 2 > limits.max_points) {
                error(pp, "too many points: " + std::to_string(pts->size() / 2) + " (at most " + std::to_string(limits.max_points) + ")");
            } else {
                total_points += pts->size() / 2;
                for (std::size_t k = 0; k < pts->size(); k += 2) {
                    const Json& x = (*pts)[k];
                    const Json& y = (*pts)[k + 1];
                    if (!x.is_number() || !y.is_number()) {
                        error(at(pp, x.is_number() ? k + 1 : k), std::string("expected a number, found ") + type_name(x.is_number() ? y : x));
                        break;
                    }
                    double xv = x.get<double>(), yv = y.get<double>();
                    if (!(xv >= -200 && xv <= 300 && yv >= -200 && yv <= 300)) {
                        error(at(pp, k), "point (" + number_text(xv) + ", " + number_text(yv) + ") is far off the canvas (-200..300)");
                        break;
                    }
                    s.points.push_back({xv, yv});
                }
            }
            l.strokes.push_back(std::move(s));
        }
    }

    BadgeLayer layer(const Json& j, const std::string& ptr) {
        LayerKind kind = choice(j, ptr, "type", kKinds, LayerKind::shape, true);
        BadgeLayer l = new_layer(kind);
        l.x = number(j, ptr, "x", l.x, -200, 300);
        l.y = number(j, ptr, "y", l.y, -200, 300);
        l.scale = number(j, ptr, "scale", l.scale, 0.05, 20);
        l.rotation = number(j, ptr, "rotation", l.rotation, -3600, 3600);
        switch (kind) {
            case LayerKind::shape:
            case LayerKind::border:
                l.shape = choice(j, ptr, "shape", kShapes, l.shape);
                l.size = number(j, ptr, "size", l.size, 1, 400);
                if (l.shape == BadgeShape::star) {
                    l.points = integer(j, ptr, "points", l.points, 3, 24);
                    l.inner = number(j, ptr, "inner", l.inner, 0.2, 0.95);
                }
                if (kind == LayerKind::shape) {
                    l.fill = fill(j, ptr);
                } else {
                    l.width = number(j, ptr, "width", l.width, 0.2, 60);
                    l.dash = number(j, ptr, "dash", l.dash, 0, 100);
                    l.color = colour(j, ptr, "color", l.color);
                }
                break;
            case LayerKind::ribbon:
                l.style = choice(j, ptr, "style", kRibbons, l.style);
                l.width = number(j, ptr, "width", l.width, 5, 300);
                l.height = number(j, ptr, "height", l.height, 2, 100);
                l.color = colour(j, ptr, "color", l.color);
                l.text = text(j, ptr, "text", limits.max_text_bytes);
                l.text_color = colour(j, ptr, "text_color", l.text_color);
                l.bold = boolean(j, ptr, "bold", l.bold);
                break;
            case LayerKind::icon: {
                l.icon = text(j, ptr, "icon", 64);
                l.size = number(j, ptr, "size", l.size, 1, 400);
                l.color = colour(j, ptr, "color", l.color);
                if (!field(j, "codepoint")) error(ptr, "missing required key \"codepoint\"");
                else l.codepoint = std::uint32_t(integer(j, ptr, "codepoint", 0, 32, 0x10FFFF));
                break;
            }
            case LayerKind::text:
                l.text = text(j, ptr, "text", limits.max_text_bytes);
                l.size = number(j, ptr, "size", l.size, 1, 400);
                l.color = colour(j, ptr, "color", l.color);
                l.bold = boolean(j, ptr, "bold", l.bold);
                l.arc = number(j, ptr, "arc", l.arc, -500, 500);
                if (l.arc != 0 && std::fabs(l.arc) < 5) {
                    error(at(ptr, "arc"), "must be 0 (straight) or at least 5 from 0, found " + number_text(l.arc));
                    l.arc = 0;
                }
                l.max_width = number(j, ptr, "max_width", l.max_width, 0, 400);
                break;
            case LayerKind::drawing: strokes(j, ptr, l); break;
        }
        return l;
    }
};

}  // namespace

Loaded<BadgeDesign> badge_from_json(const Json& j, const BadgeLimits& limits) {
    Loaded<BadgeDesign> out;
    DesignReader r(limits);
    if (!j.is_object()) {
        r.error("", std::string("expected a badge design object, found ") + type_name(j));
    } else {
        auto f = j.find("format");
        auto v = j.find("version");
        if (f == j.end() || !f->is_string()) {
            r.error("/format", std::string("missing: this is not a Mastery Map badge design (\"") + kBadgeFormat + "\")");
        } else if (f->get<std::string>() != kBadgeFormat) {
            r.error("/format", "this is a \"" + f->get<std::string>() + "\" document, not a Mastery Map badge design (\"" + kBadgeFormat + "\")");
        } else if (v == j.end() || !v->is_number_integer() || v->get<long long>() < 1) {
            r.error("/version", "missing or not a positive whole number");
        } else if (v->get<long long>() > kBadgeVersion) {
            // Migration steps go here when version 2 exists (see src/core/read.cpp's table).
            r.error("/version", "this badge was made by a newer version of Mastery Map (format version " +
                                    std::to_string(v->get<long long>()) + "; this app reads up to " +
                                    std::to_string(kBadgeVersion) + "). Update the app to open it.");
        } else {
            BadgeDesign d;
            auto layers = j.find("layers");
            if (layers == j.end() || layers->is_null()) {
                r.error("", "missing required key \"layers\"");
            } else if (!layers->is_array()) {
                r.error("/layers", std::string("expected a list, found ") + type_name(*layers));
            } else if (layers->size() > limits.max_layers) {
                r.error("/layers", "too many layers: " + std::to_string(layers->size()) + " (at most " + std::to_string(limits.max_layers) + ")");
            } else {
                for (std::size_t i = 0; i < layers->size(); ++i) {
                    const Json& e = (*layers)[i];
                    std::string p = DesignReader::at("/layers", i);
                    if (!e.is_object()) r.error(p, std::string("expected an object, found ") + type_name(e));
                    else d.layers.push_back(r.layer(e, p));
                }
                if (r.total_points > limits.max_total_points)
                    r.error("/layers", "the drawing has too many points: " + std::to_string(r.total_points) + " (at most " +
                                           std::to_string(limits.max_total_points) + ")");
            }
            if (r.problems.empty()) out.value = std::move(d);
        }
    }
    out.problems = std::move(r.problems);
    return out;
}

Loaded<BadgeDesign> load_badge(std::string_view text, const BadgeLimits& limits) {
    auto parsed = parse_json(text);
    if (!parsed.ok()) return {std::nullopt, parsed.problems};
    return badge_from_json(*parsed.value, limits);
}

// --- writing ----------------------------------------------------------------------------

namespace {
Json fill_json(const BadgeFill& f) {
    Json j = {{"type", to_string(f.kind)}, {"color", to_string(f.color)}};
    if (f.kind != FillKind::solid) j["color2"] = to_string(f.color2);
    if (f.kind == FillKind::gradient || f.kind == FillKind::stripes) j["angle"] = f.angle;
    if (f.kind == FillKind::stripes || f.kind == FillKind::dots) j["spacing"] = f.spacing;
    return j;
}

Json layer_json(const BadgeLayer& l) {
    Json j = {{"type", to_string(l.kind)}, {"x", l.x}, {"y", l.y}, {"scale", l.scale}, {"rotation", l.rotation}};
    switch (l.kind) {
        case LayerKind::shape:
        case LayerKind::border:
            j["shape"] = to_string(l.shape);
            j["size"] = l.size;
            if (l.shape == BadgeShape::star) {
                j["points"] = l.points;
                j["inner"] = l.inner;
            }
            if (l.kind == LayerKind::shape) {
                j["fill"] = fill_json(l.fill);
            } else {
                j["width"] = l.width;
                j["dash"] = l.dash;
                j["color"] = to_string(l.color);
            }
            break;
        case LayerKind::ribbon:
            j["style"] = to_string(l.style);
            j["width"] = l.width;
            j["height"] = l.height;
            j["color"] = to_string(l.color);
            j["text"] = l.text;
            j["text_color"] = to_string(l.text_color);
            j["bold"] = l.bold;
            break;
        case LayerKind::icon:
            j["icon"] = l.icon;
            j["codepoint"] = l.codepoint;
            j["size"] = l.size;
            j["color"] = to_string(l.color);
            break;
        case LayerKind::text:
            j["text"] = l.text;
            j["size"] = l.size;
            j["color"] = to_string(l.color);
            j["bold"] = l.bold;
            j["arc"] = l.arc;
            j["max_width"] = l.max_width;
            break;
        case LayerKind::drawing: {
            Json strokes = Json::array();
            for (const auto& s : l.strokes) {
                Json pts = Json::array();
                for (const auto& p : s.points) {
                    pts.push_back(p[0]);
                    pts.push_back(p[1]);
                }
                strokes.push_back({{"points", pts}, {"width", s.width}, {"color", to_string(s.color)}, {"eraser", s.eraser}});
            }
            j["strokes"] = strokes;
            break;
        }
    }
    return j;
}
}  // namespace

Json to_json(const BadgeDesign& d) {
    Json layers = Json::array();
    for (const auto& l : d.layers) layers.push_back(layer_json(l));
    return {{"format", kBadgeFormat}, {"version", kBadgeVersion}, {"layers", layers}};
}

std::string save_badge(const BadgeDesign& d) { return to_json(d).dump(); }

std::string badge_key_for_level(const std::string& competency, int level) {
    return "competency:" + competency + ":" + std::to_string(level);
}
std::string badge_key_for_stack(const std::string& stack) { return "stack:" + stack; }

std::vector<Problem> validate_badge_designs(const LearnerRecord& r, const BadgeLimits& limits) {
    std::vector<Problem> out;
    if (!r.badge_designs.is_object()) return out;
    for (auto it = r.badge_designs.begin(); it != r.badge_designs.end(); ++it) {
        std::string key;
        for (char c : it.key()) key += c == '~' ? std::string("~0") : c == '/' ? std::string("~1") : std::string(1, c);
        std::string base = "/badge_designs/" + key;
        auto loaded = badge_from_json(it.value(), limits);
        for (auto& p : loaded.problems) out.push_back({base + p.pointer, p.message});
    }
    return out;
}

// --- stroke simplification (Ramer-Douglas-Peucker, iterative) ---------------------------

std::vector<std::array<double, 2>> simplify_stroke(const std::vector<std::array<double, 2>>& pts, double tolerance) {
    if (pts.size() < 3) return pts;
    std::vector<char> keep(pts.size(), 0);
    keep.front() = keep.back() = 1;
    std::vector<std::pair<std::size_t, std::size_t>> todo{{0, pts.size() - 1}};
    while (!todo.empty()) {
        auto [a, b] = todo.back();
        todo.pop_back();
        double ax = pts[a][0], ay = pts[a][1], dx = pts[b][0] - ax, dy = pts[b][1] - ay;
        double len2 = dx * dx + dy * dy;
        double worst = -1;
        std::size_t at = a;
        for (std::size_t i = a + 1; i < b; ++i) {
            double px = pts[i][0] - ax, py = pts[i][1] - ay, d;
            if (len2 == 0) {
                d = std::sqrt(px * px + py * py);
            } else {
                double t = std::clamp((px * dx + py * dy) / len2, 0.0, 1.0);
                double ex = px - t * dx, ey = py - t * dy;
                d = std::sqrt(ex * ex + ey * ey);
            }
            if (d > worst) {
                worst = d;
                at = i;
            }
        }
        if (worst > tolerance) {
            keep[at] = 1;
            todo.push_back({a, at});
            todo.push_back({at, b});
        }
    }
    std::vector<std::array<double, 2>> out;
    for (std::size_t i = 0; i < pts.size(); ++i)
        if (keep[i]) out.push_back(pts[i]);
    return out;
}

// --- UTF-8 ------------------------------------------------------------------------------

std::u32string decode_utf8(std::string_view s) {
    static constexpr char32_t kMin[] = {0, 0x80, 0x800, 0x10000};  // shortest form per length
    std::u32string out;
    std::size_t i = 0;
    while (i < s.size()) {
        unsigned char c = (unsigned char)s[i];
        int extra;
        char32_t cp;
        if (c < 0x80) {
            out.push_back(c);
            ++i;
            continue;
        } else if ((c >> 5) == 6) {
            extra = 1, cp = c & 0x1F;
        } else if ((c >> 4) == 14) {
            extra = 2, cp = c & 0x0F;
        } else if ((c >> 3) == 30) {
            extra = 3, cp = c & 0x07;
        } else {
            out.push_back(0xFFFD);
            ++i;
            continue;
        }
        bool ok = i + std::size_t(extra) < s.size();
        for (int k = 1; ok && k <= extra; ++k) {
            unsigned char cc = (unsigned char)s[i + std::size_t(k)];
            if ((cc >> 6) != 2) ok = false;
            else cp = (cp << 6) | (cc & 0x3F);
        }
        if (!ok || cp < kMin[extra] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
            out.push_back(0xFFFD);
            ++i;
            continue;
        }
        out.push_back(cp);
        i += std::size_t(extra) + 1;
    }
    return out;
}

}  // namespace mastery
