// Palettes (one colour-blind safe first), contrast, the icon table, and the two template
// makers: default_design (calm, Okabe-Ito) and surprise_design ("surprise me"). Both are
// deterministic in their seed: a hand-written splitmix64, because <random>'s distributions
// differ between standard libraries (g++ natively, libc++ under Emscripten).
#include "mastery/badge.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>

namespace mastery {

// --- palettes and contrast --------------------------------------------------------------

namespace {
Rgba hex(const char* s) { return parse_colour(s).value_or(Rgba{}); }

std::vector<Palette> make_palettes() {
    auto pal = [](const char* id, const char* name, bool safe, std::initializer_list<const char*> cols) {
        Palette p{id, name, safe, {}};
        for (const char* c : cols) p.colors.push_back(hex(c));
        return p;
    };
    return {
        // Okabe & Ito (2008), "Color Universal Design": distinguishable with every common
        // colour-vision deficiency.
        pal("okabe-ito", "Colour-blind safe (Okabe-Ito)", true,
            {"#e69f00", "#56b4e9", "#009e73", "#f0e442", "#0072b2", "#d55e00", "#cc79a7", "#000000"}),
        // Paul Tol's "bright" qualitative scheme, also colour-blind safe.
        pal("tol-bright", "Colour-blind safe (Tol bright)", true,
            {"#4477aa", "#ee6677", "#228833", "#ccbb44", "#66ccee", "#aa3377", "#bbbbbb"}),
        pal("classroom", "Classroom brights", false,
            {"#e63946", "#f4a261", "#e9c46a", "#2a9d8f", "#264653", "#457b9d", "#8e44ad"}),
        pal("metals", "Gold, silver, bronze", false,
            {"#c9a227", "#a8a9ad", "#b08d57", "#b87333", "#e5e4e2", "#3b3b3b", "#71797e"}),
        pal("ocean", "Ocean", false, {"#03045e", "#0077b6", "#00b4d8", "#90e0ef", "#caf0f8", "#ff9f1c"}),
        pal("forest", "Forest", false, {"#2d6a4f", "#40916c", "#74c69d", "#b7e4c7", "#8b5e34", "#e9c46a"}),
        pal("sunset", "Sunset", false, {"#ff6b6b", "#ff9e57", "#ffd166", "#c44569", "#574b90", "#303952"}),
        pal("pastel", "Pastel", false,
            {"#ffadad", "#ffd6a5", "#fdffb6", "#caffbf", "#9bf6ff", "#a0c4ff", "#bdb2ff", "#ffc6ff"}),
    };
}

double channel_luminance(std::uint8_t v) {
    double c = v / 255.0;
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}
double luminance(Rgba c) {
    return 0.2126 * channel_luminance(c.r) + 0.7152 * channel_luminance(c.g) + 0.0722 * channel_luminance(c.b);
}

Rgba mix(Rgba a, Rgba b, double t) {
    auto m = [t](std::uint8_t x, std::uint8_t y) { return std::uint8_t(std::lround(x + (y - x) * t)); };
    return {m(a.r, b.r), m(a.g, b.g), m(a.b, b.b), m(a.a, b.a)};
}
constexpr Rgba kWhite{255, 255, 255, 255};
constexpr Rgba kInk{26, 26, 26, 255};
Rgba lighten(Rgba c, double t) { return mix(c, kWhite, t); }
Rgba darken(Rgba c, double t) { return mix(c, Rgba{0, 0, 0, c.a}, t); }
Rgba with_alpha(Rgba c, std::uint8_t a) { return {c.r, c.g, c.b, a}; }
}  // namespace

const std::vector<Palette>& badge_palettes() {
    static const std::vector<Palette> palettes = make_palettes();
    return palettes;
}

const Palette* find_palette(std::string_view id) {
    for (const auto& p : badge_palettes())
        if (p.id == id) return &p;
    return nullptr;
}

double contrast_ratio(Rgba a, Rgba b) {
    double la = luminance(a), lb = luminance(b);
    if (la < lb) std::swap(la, lb);
    return (la + 0.05) / (lb + 0.05);
}

Rgba readable_on(Rgba background) {
    return contrast_ratio(kWhite, background) >= contrast_ratio(kInk, background) ? kWhite : kInk;
}

// --- icon table -------------------------------------------------------------------------

namespace {
std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = char(std::tolower((unsigned char)c));
    return out;
}
}  // namespace

Loaded<IconTable> load_icon_table(std::string_view text) {
    Loaded<IconTable> out;
    auto parsed = parse_json(text);
    if (!parsed.ok()) {
        out.problems = parsed.problems;
        return out;
    }
    const Json& j = *parsed.value;
    auto err = [&](std::string p, std::string m) { out.problems.push_back({std::move(p), std::move(m)}); };
    if (!j.is_object() || !j.contains("format") || !j["format"].is_string() || j["format"].get<std::string>() != kIconTableFormat) {
        err("/format", std::string("not a Mastery Map icon table (\"") + kIconTableFormat + "\")");
        return out;
    }
    if (!j.contains("icons") || !j["icons"].is_array()) {
        err("/icons", "expected a list of icons");
        return out;
    }
    IconTable table;
    const Json& icons = j["icons"];
    for (std::size_t i = 0; i < icons.size(); ++i) {
        std::string p = "/icons/" + std::to_string(i);
        const Json& e = icons[i];
        if (!e.is_object()) {
            err(p, "expected an object");
            continue;
        }
        IconEntry entry;
        if (!e.contains("name") || !e["name"].is_string() || e["name"].get<std::string>().empty()) {
            err(p + "/name", "expected a non-empty name");
            continue;
        }
        entry.name = e["name"].get<std::string>();
        const Json* cp = e.contains("codepoint") ? &e["codepoint"] : nullptr;
        std::string hex = cp && cp->is_string() ? cp->get<std::string>() : std::string();
        unsigned long value = 0;
        bool ok = !hex.empty() && hex.size() <= 6;
        for (char c : hex) {
            int d = std::isxdigit((unsigned char)c) ? (std::isdigit((unsigned char)c) ? c - '0' : std::tolower((unsigned char)c) - 'a' + 10) : -1;
            if (d < 0) ok = false;
            else value = value * 16 + unsigned(d);
        }
        if (!ok || value < 32 || value > 0x10FFFF) {
            err(p + "/codepoint", "expected a hexadecimal codepoint such as \"f0c3\"");
            continue;
        }
        entry.codepoint = std::uint32_t(value);
        if (e.contains("label") && e["label"].is_string()) entry.label = e["label"].get<std::string>();
        if (e.contains("keywords") && e["keywords"].is_array())
            for (const auto& k : e["keywords"])
                if (k.is_string()) entry.keywords.push_back(k.get<std::string>());
        for (const auto& other : table)
            if (other.name == entry.name) err(p + "/name", "duplicate icon name \"" + entry.name + "\"");
        table.push_back(std::move(entry));
    }
    if (out.problems.empty()) out.value = std::move(table);
    return out;
}

std::vector<const IconEntry*> search_icons(const IconTable& table, std::string_view query, std::size_t limit) {
    std::string q = lower(query);
    std::vector<std::pair<int, const IconEntry*>> scored;
    for (const auto& e : table) {
        int score = 0;
        std::string name = lower(e.name), label = lower(e.label);
        if (q.empty()) score = 1;
        else if (name == q) score = 100;
        else if (name.rfind(q, 0) == 0) score = 60;
        else if (label.find(q) != std::string::npos) score = 40;
        else if (name.find(q) != std::string::npos) score = 30;
        else
            for (const auto& k : e.keywords) {
                std::string kw = lower(k);
                if (kw == q) score = std::max(score, 25);
                else if (kw.find(q) != std::string::npos) score = std::max(score, 10);
            }
        if (score > 0) scored.push_back({score, &e});
    }
    std::stable_sort(scored.begin(), scored.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    std::vector<const IconEntry*> out;
    for (const auto& [s, e] : scored) {
        if (out.size() >= limit) break;
        out.push_back(e);
    }
    return out;
}

const IconEntry* find_icon(const IconTable& table, std::string_view name) {
    for (const auto& e : table)
        if (e.name == name) return &e;
    return nullptr;
}

// --- templates --------------------------------------------------------------------------

std::uint64_t badge_seed(std::string_view text) {
    std::uint64_t h = 1469598103934665603ull;  // FNV-1a 64
    for (unsigned char c : text) {
        h ^= c;
        h *= 1099511628211ull;
    }
    return h;
}

namespace {

class Rng {  // splitmix64: tiny, and the same sequence on every platform
public:
    explicit Rng(std::uint64_t seed) : m_state(seed) {}
    std::uint64_t next() {
        std::uint64_t z = (m_state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    int below(int n) { return n <= 0 ? 0 : int(next() % std::uint64_t(n)); }
    double uniform(double lo, double hi) { return lo + (hi - lo) * double(next() >> 11) / double(1ull << 53); }
    bool chance(double p) { return uniform(0, 1) < p; }
    template <class T>
    const T& pick(const std::vector<T>& v) { return v[std::size_t(below(int(v.size())))]; }

private:
    std::uint64_t m_state;
};

// Long titles go on two lines, split at the space nearest the middle.
std::string wrap_title(const std::string& title, std::size_t max_line = 15) {
    if (decode_utf8(title).size() <= max_line) return title;
    std::size_t best = std::string::npos;
    double mid = title.size() / 2.0;
    for (std::size_t i = 0; i < title.size(); ++i)
        if (title[i] == ' ' && (best == std::string::npos || std::fabs(i - mid) < std::fabs(best - mid))) best = i;
    if (best == std::string::npos) return title;
    return title.substr(0, best) + "\n" + title.substr(best + 1);
}

// Lower-case words of a text, plurals folded ("graphs" -> "graph").
std::vector<std::string> words(const std::string& text) {
    std::vector<std::string> out;
    std::string w;
    for (char c : text + " ") {
        if (std::isalnum((unsigned char)c)) {
            w += char(std::tolower((unsigned char)c));
        } else if (!w.empty()) {
            if (w.size() > 4 && w.back() == 's' && w[w.size() - 2] != 's') w.pop_back();
            out.push_back(w);
            w.clear();
        }
    }
    return out;
}

// How well one word matches an icon, given the words of its name and of its keywords: a
// name word, a keyword (whole or, for long words, inside).
int word_score(const std::string& w, const std::vector<std::string>& name_words, const std::vector<std::string>& keyword_words) {
    if (w.size() < 3) return 0;
    int score = 0;
    for (const auto& name_part : name_words)
        if (name_part == w) score = 4;
    for (const auto& kw : keyword_words) {
        if (kw == w) score = std::max(score, 3);
        else if (w.size() >= 5 && kw.size() >= 5 && (kw.find(w) != std::string::npos || w.find(kw) != std::string::npos))
            score = std::max(score, 1);
    }
    return score;
}

// Icons whose name and keywords match the subject, best first (title words count most).
// Each icon's words are split once per call (not once per word of the subject: a map that
// scrolls new skills into view picks their icons while it draws).
std::vector<const IconEntry*> ranked_icons(const BadgeSubject& s, const IconTable& table) {
    auto title = words(s.title);
    std::vector<std::string> context = words(s.subject);
    for (const auto& t : s.tags)
        for (auto& w : words(t)) context.push_back(w);
    std::vector<std::pair<int, const IconEntry*>> scored;
    std::vector<std::string> keyword_words;
    for (const auto& e : table) {
        const std::vector<std::string> name_words = words(e.name);
        keyword_words.clear();
        for (const auto& k : e.keywords)
            for (auto& w : words(k)) keyword_words.push_back(std::move(w));
        int score = 0;
        for (const auto& w : title) score += 3 * word_score(w, name_words, keyword_words);
        for (const auto& w : context) score += word_score(w, name_words, keyword_words);
        if (score > 0) scored.push_back({score, &e});
    }
    std::stable_sort(scored.begin(), scored.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    std::vector<const IconEntry*> out;
    for (const auto& [score, e] : scored) out.push_back(e);
    return out;
}

// The best-matching icon (ties broken by the seed), or with `variety` one of the best
// three; a generic award icon when nothing matches.
const IconEntry* icon_for(const BadgeSubject& s, const IconTable& table, Rng& rng, bool variety = false) {
    auto ranked = ranked_icons(s, table);
    if (!ranked.empty()) return ranked[std::size_t(rng.below(variety ? std::min(3, int(ranked.size())) : 1))];
    static const char* kGeneric[] = {"star", "lightbulb-o", "graduation-cap", "trophy", "certificate"};
    for (int tries = 0; tries < 5; ++tries)
        if (const IconEntry* e = find_icon(table, kGeneric[rng.below(5)])) return e;
    return table.empty() ? nullptr : &table[std::size_t(rng.below(int(table.size())))];
}

BadgeLayer shape_layer(BadgeShape shape, double size, BadgeFill fill) {
    BadgeLayer l = new_layer(LayerKind::shape);
    l.shape = shape;
    l.size = size;
    l.fill = fill;
    if (shape == BadgeShape::star) {  // a seal reads better than a five-pointed star as a base
        l.points = 16;
        l.inner = 0.86;
    }
    return l;
}

BadgeLayer border_layer(const BadgeLayer& base, double size, double width, Rgba color, double dash = 0) {
    BadgeLayer l = new_layer(LayerKind::border);
    l.shape = base.shape;
    l.points = base.points;
    l.inner = base.inner;
    l.x = base.x;
    l.y = base.y;
    l.size = size;
    l.width = width;
    l.color = color;
    l.dash = dash;
    return l;
}

// Small stars in a row, one per level reached ("2 of 4" shows two).
void add_level_pips(BadgeDesign& d, const BadgeSubject& s, double y, Rgba color) {
    if (s.level <= 0 || s.level > 6) return;
    double gap = 8.5, x0 = 50 - gap * (s.level - 1) / 2.0;
    for (int i = 0; i < s.level; ++i) {
        BadgeLayer star = new_layer(LayerKind::shape);
        star.shape = BadgeShape::star;
        star.points = 5;
        star.inner = 0.45;
        star.size = 8;
        star.x = x0 + gap * i;
        star.y = y;
        star.fill.kind = FillKind::solid;
        star.fill.color = color;
        d.layers.push_back(star);
    }
}

BadgeLayer icon_layer(const IconEntry& icon, double x, double y, double size, Rgba color) {
    BadgeLayer l = new_layer(LayerKind::icon);
    l.icon = icon.name;
    l.codepoint = icon.codepoint;
    l.x = x;
    l.y = y;
    l.size = size;
    l.color = color;
    return l;
}

BadgeLayer text_layer(const std::string& text, double x, double y, double size, Rgba color, double max_width) {
    BadgeLayer l = new_layer(LayerKind::text);
    l.text = text;
    l.x = x;
    l.y = y;
    l.size = size;
    l.color = color;
    l.max_width = max_width;
    return l;
}

BadgeLayer ribbon_layer(RibbonStyle style, const std::string& text, double y, double width, double height, Rgba color) {
    BadgeLayer l = new_layer(LayerKind::ribbon);
    l.style = style;
    l.text = text;
    l.y = y;
    l.width = width;
    l.height = height;
    // Nudge mid-tone ribbons until their text reaches WCAG AA contrast (4.5:1).
    Rgba ink = readable_on(color);
    for (int step = 0; step < 20 && contrast_ratio(color, ink) < 4.5; ++step)
        color = ink == kWhite ? darken(color, 0.06) : lighten(color, 0.06);
    l.color = color;
    l.text_color = ink;
    return l;
}

std::string ribbon_words(const BadgeSubject& s) { return s.level_name.empty() ? std::string("Stack") : s.level_name; }

}  // namespace

BadgeDesign default_design(const std::string& title, const std::string& level_name, std::uint64_t seed) {
    BadgeSubject s;
    s.title = title;
    s.level_name = level_name;
    return default_design(s, seed, nullptr);
}

BadgeDesign default_design(const BadgeSubject& s, std::uint64_t seed, const IconTable* icons) {
    Rng rng(seed);
    // Okabe-Ito main colours with a partner for the ribbon that stays distinct for every
    // common colour-vision deficiency (blue/orange, green/vermillion, ...).
    static const std::pair<const char*, const char*> kPairs[] = {
        {"#0072b2", "#e69f00"}, {"#009e73", "#d55e00"}, {"#d55e00", "#0072b2"},
        {"#cc79a7", "#009e73"}, {"#56b4e9", "#d55e00"}, {"#e69f00", "#0072b2"}};
    const auto& [main_hex, accent_hex] = kPairs[rng.below(6)];
    Rgba main = hex(main_hex), accent = hex(accent_hex);
    static const BadgeShape kShapes[] = {BadgeShape::circle, BadgeShape::hexagon, BadgeShape::shield, BadgeShape::rounded_square};
    BadgeShape shape = s.level == 0 ? BadgeShape::star : kShapes[rng.below(4)];

    BadgeDesign d;
    BadgeFill fill;
    fill.kind = FillKind::gradient;
    fill.color = lighten(main, 0.2);
    fill.color2 = darken(main, 0.12);
    fill.angle = 90;
    BadgeLayer base = shape_layer(shape, 88, fill);
    d.layers.push_back(base);
    d.layers.push_back(border_layer(base, 88, 3.5, darken(main, 0.3)));
    d.layers.push_back(border_layer(base, 77, 1.2, with_alpha(kWhite, 170), 2.5));
    Rgba ink = readable_on(main);
    add_level_pips(d, s, shape == BadgeShape::hexagon ? 23 : 21, ink);
    bool has_icon = false;
    if (icons && !icons->empty())
        if (const IconEntry* icon = icon_for(s, *icons, rng)) {
            d.layers.push_back(icon_layer(*icon, 50, 41, 26, ink));
            has_icon = true;
        }
    std::string title = wrap_title(s.title);
    bool two_lines = title.find('\n') != std::string::npos;
    d.layers.push_back(text_layer(title, 50, has_icon ? (two_lines ? 60 : 61) : 48, two_lines ? 7.5 : 8.5, ink, 62));
    d.layers.push_back(ribbon_layer(RibbonStyle::banner, ribbon_words(s), 79, 76, 15, accent));
    return d;
}

BadgeDesign surprise_design(const BadgeSubject& s, std::uint64_t seed, const IconTable* icons) {
    Rng rng(seed);
    const auto& palettes = badge_palettes();
    const Palette& pal = palettes[std::size_t(rng.below(int(palettes.size())))];
    // The main colour should carry white or ink text well; the accent should stand apart.
    std::vector<Rgba> mains;
    for (Rgba c : pal.colors)
        if (std::max(contrast_ratio(c, kWhite), contrast_ratio(c, kInk)) >= 4.5) mains.push_back(c);
    if (mains.empty()) mains = pal.colors;
    Rgba main = rng.pick(mains);
    std::vector<Rgba> accents;
    for (Rgba c : pal.colors)
        if (c != main && contrast_ratio(c, main) >= 1.6) accents.push_back(c);
    Rgba accent = accents.empty() ? (readable_on(main) == kWhite ? lighten(main, 0.5) : darken(main, 0.5)) : rng.pick(accents);
    Rgba ink = readable_on(main);

    static const BadgeShape kAll[] = {BadgeShape::circle, BadgeShape::hexagon, BadgeShape::shield,
                                      BadgeShape::star, BadgeShape::rounded_square, BadgeShape::diamond};
    BadgeShape shape = kAll[rng.below(6)];
    BadgeFill fill;
    fill.color = main;
    double f = rng.uniform(0, 1);
    if (f < 0.3) {
        fill.kind = FillKind::solid;
    } else if (f < 0.65) {
        fill.kind = FillKind::gradient;
        fill.color = lighten(main, rng.uniform(0.15, 0.3));
        fill.color2 = darken(main, rng.uniform(0.05, 0.2));
        fill.angle = rng.chance(0.5) ? 90 : rng.uniform(30, 150);
    } else if (f < 0.85) {
        fill.kind = FillKind::stripes;
        fill.color2 = ink == kWhite ? lighten(main, 0.12) : darken(main, 0.08);
        fill.angle = rng.chance(0.5) ? 45 : 135;
        fill.spacing = rng.uniform(7, 12);
    } else {
        fill.kind = FillKind::dots;
        fill.color2 = ink == kWhite ? lighten(main, 0.15) : darken(main, 0.1);
        fill.spacing = rng.uniform(6, 10);
    }

    BadgeDesign d;
    RibbonStyle style = std::array{RibbonStyle::banner, RibbonStyle::flat, RibbonStyle::tails}[std::size_t(rng.below(3))];
    // Medal ribbons hang behind the badge, which then sits a little higher and smaller.
    double dy = style == RibbonStyle::tails ? -5 : 0, shrink = style == RibbonStyle::tails ? 0.9 : 1.0;
    if (style == RibbonStyle::tails) d.layers.push_back(ribbon_layer(RibbonStyle::tails, "", 83, 60, 32, accent));
    double size = (shape == BadgeShape::diamond ? 94 : 88) * shrink;
    BadgeLayer base = shape_layer(shape, size, fill);
    base.y += dy;
    if (shape == BadgeShape::star && rng.chance(0.4)) {  // a bolder star sometimes
        base.points = std::array{6, 8, 12}[std::size_t(rng.below(3))];
        base.inner = rng.uniform(0.72, 0.82);
        base.size = 96 * shrink;
    }
    d.layers.push_back(base);
    Rgba rim = rng.chance(0.6) ? with_alpha(kWhite, 230) : accent;
    d.layers.push_back(border_layer(base, base.size, rng.uniform(2.5, 4.5), rim));
    if (rng.chance(0.6))
        d.layers.push_back(border_layer(base, base.size - rng.uniform(10, 14) * shrink, 1.2, with_alpha(ink, 140), rng.chance(0.6) ? 2.5 : 0));

    bool arc_title = (shape == BadgeShape::circle || (shape == BadgeShape::star && base.inner > 0.8)) && rng.chance(0.6) &&
                     decode_utf8(s.title).size() <= 18;
    std::string title = wrap_title(s.title);
    bool two_lines = !arc_title && title.find('\n') != std::string::npos;
    double icon_y = (arc_title ? 46 : two_lines ? 39 : 41) + dy;
    if (!arc_title) add_level_pips(d, s, (shape == BadgeShape::diamond ? 25 : shape == BadgeShape::hexagon ? 23 : 21) + dy * shrink, ink);
    if (icons && !icons->empty()) {
        const IconEntry* icon = icon_for(s, *icons, rng, true);
        if (icon) d.layers.push_back(icon_layer(*icon, 50, icon_y, (arc_title ? 30 : two_lines ? 24 : 26) * shrink, ink));
    }
    if (arc_title) {
        BadgeLayer t = text_layer(s.title, 50, 17.5 + dy + (1 - shrink) * 44, 7.5 * shrink, ink, 0);
        t.arc = 32.5 * shrink;
        d.layers.push_back(t);
    } else {
        d.layers.push_back(text_layer(title, 50, (two_lines ? 59.5 : 61) + dy, (two_lines ? 7.5 : 8.5) * shrink,
                                      ink, (shape == BadgeShape::diamond ? 52 : 62) * shrink));
    }
    RibbonStyle band = style == RibbonStyle::tails ? RibbonStyle::flat : style;
    d.layers.push_back(ribbon_layer(band, ribbon_words(s), 79 + dy * 0.6, band == RibbonStyle::flat ? 84 : 76, 15, accent));
    return d;
}

}  // namespace mastery
