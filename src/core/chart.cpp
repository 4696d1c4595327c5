// The competency chart's rows and the printable poster (chart.hpp). [SECTION] index: rows -
// words (measure, fit, wrap) - page plan (rows per page, the 8-page rule) - page layout -
// polygons for the PNG - SVG. Pure: no stb, no ImGui; sizes in millimetres until drawn.
#include "mastery/chart.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <unordered_set>

namespace mastery {

// [SECTION] rows

namespace {

void stack_rows(const Pathway& p, const Stack& s, std::vector<ChartRow>& rows, std::unordered_set<std::string>& seen,
                std::unordered_set<std::string>& in_any) {
    if (!seen.insert(s.id).second) return;  // a stack listed twice (or a cycle) adds its rows once
    for (const StackMember& m : s.members) {
        if (m.kind == StackMember::Kind::competency) {
            for (int i = 0; i < int(p.competencies.size()); ++i)
                if (p.competencies[std::size_t(i)].id == m.id) rows.push_back({i, m.level});
            in_any.insert(m.id);
        } else if (const Stack* inner = p.find_stack(m.id)) {
            stack_rows(p, *inner, rows, seen, in_any);
        }
    }
}

}  // namespace

std::vector<ChartGroup> chart_groups(const Pathway& p, bool by_stack, const std::string& not_in_stack) {
    std::vector<ChartGroup> out;
    if (by_stack) {
        std::unordered_set<std::string> in_any;
        for (const Stack& s : p.stacks) {
            ChartGroup g{s.title, s.id, {}};
            std::unordered_set<std::string> seen;
            stack_rows(p, s, g.rows, seen, in_any);
            out.push_back(std::move(g));
        }
        ChartGroup rest{not_in_stack, "", {}};
        for (int i = 0; i < int(p.competencies.size()); ++i)
            if (!in_any.count(p.competencies[std::size_t(i)].id)) rest.rows.push_back({i, 0});
        if (!rest.rows.empty()) out.push_back(std::move(rest));
        return out;
    }
    for (int i = 0; i < int(p.competencies.size()); ++i) {
        const std::string& subject = p.competencies[std::size_t(i)].subject;
        auto it = std::find_if(out.begin(), out.end(), [&](const ChartGroup& g) { return g.title == subject; });
        if (it == out.end()) {
            out.push_back(ChartGroup{subject, "", {}});
            it = out.end() - 1;
        }
        it->rows.push_back({i, 0});
    }
    return out;
}

int chart_level_count(const Pathway& p, const Competency& c) { return int(std::min(p.scale_of(c).size(), c.levels.size())); }

int chart_columns(const Pathway& p) {
    int levels = int(p.scale.size());
    for (const Competency& c : p.competencies) levels = std::max(levels, chart_level_count(p, c));
    return std::clamp(levels, 1, 12);
}

std::string chart_column_name(const Pathway& p, int level) {
    return level >= 1 && level <= int(p.scale.size()) ? p.scale[std::size_t(level - 1)] : "Level " + std::to_string(level);
}

std::string fill_numbers(const std::string& format, std::initializer_list<long long> numbers) {
    std::string out;
    auto next = numbers.begin();
    for (std::size_t i = 0; i < format.size(); ++i) {
        if (format[i] == '%' && i + 1 < format.size() && format[i + 1] == 'd' && next != numbers.end()) {
            out += std::to_string(*next++);
            ++i;
        } else {
            out += format[i];
        }
    }
    return out;
}

BadgeDesign sticker_spot_design() {
    BadgeDesign d;
    BadgeLayer ring = new_layer(LayerKind::border);
    ring.shape = BadgeShape::circle;
    ring.size = 86;
    ring.width = 2.6;
    ring.dash = 7;
    ring.color = {150, 160, 172, 255};
    d.layers.push_back(ring);
    return d;
}

// [SECTION] words

namespace {

constexpr Rgba kInk{31, 41, 55, 255};
constexpr Rgba kMuted{92, 99, 110, 255};
constexpr Rgba kWhite{255, 255, 255, 255};
constexpr Rgba kAccent{0, 114, 178, 255};      // Okabe-Ito blue
constexpr Rgba kNeeded{214, 110, 0, 255};      // the chart's plan accent: the level a stack asks for
constexpr Rgba kHeaderBand{227, 236, 245, 255};
constexpr Rgba kGroupBand{238, 242, 246, 255};
constexpr Rgba kGrid{205, 213, 222, 255};
constexpr const char* kEllipsis = "\xe2\x80\xa6";

struct Words {
    const GlyphSource* glyphs;

    double width(const std::string& text, double size, bool bold) const {
        const std::u32string u = decode_utf8(text);
        if (glyphs) return text_width_em(*glyphs, bold ? FontFace::sans_bold : FontFace::sans, u) * size;
        return double(u.size()) * size * (bold ? 0.62 : 0.56);  // DejaVu's average advance, roughly
    }

    // Cut at a character boundary and end with an ellipsis until it fits.
    std::string fit(const std::string& text, double size, bool bold, double max_width) const {
        if (width(text, size, bold) <= max_width) return text;
        std::size_t end = text.size();
        while (end > 0) {
            do --end;
            while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80);
            std::string cut = text.substr(0, end);
            while (!cut.empty() && cut.back() == ' ') cut.pop_back();
            if (width(cut + kEllipsis, size, bold) <= max_width) return cut + kEllipsis;
        }
        return width(kEllipsis, size, bold) <= max_width ? kEllipsis : "";
    }

    // Shrinks the size (down to `min_size`) so the text fits, then fits what remains.
    std::pair<double, std::string> shrink(const std::string& text, double size, double min_size, bool bold, double max_width) const {
        const double w = width(text, size, bold);
        if (w > max_width && w > 0) size = std::max(min_size, size * max_width / w);
        return {size, fit(text, size, bold, max_width)};
    }

    // Greedy word wrap into at most `max_lines` lines; the last one ends with an ellipsis
    // when words are left over.
    std::vector<std::string> wrap(const std::string& text, double size, bool bold, double max_width, int max_lines) const {
        std::vector<std::string> words;
        std::string cur;
        for (char c : text + " ") {
            if (c == ' ' || c == '\n') {
                if (!cur.empty()) words.push_back(cur);
                cur.clear();
            } else {
                cur += c;
            }
        }
        std::vector<std::string> lines;
        std::size_t i = 0;
        while (i < words.size() && int(lines.size()) < max_lines) {
            std::string line = words[i++];
            while (i < words.size() && width(line + " " + words[i], size, bold) <= max_width) line += " " + words[i++];
            if (int(lines.size()) == max_lines - 1 && i < words.size()) {
                for (; i < words.size(); ++i) line += " " + words[i];
                lines.push_back(fit(line, size, bold, max_width));
                break;
            }
            lines.push_back(fit(line, size, bold, max_width));
        }
        return lines;
    }
};

// [SECTION] page plan

struct Line {
    const ChartGroup* group = nullptr;
    ChartRow row;
    bool heading = false;
};

constexpr double kHeadingWeight = 0.6;  // a group's heading row, in row heights

double weight(const Line& l) { return l.heading ? kHeadingWeight : 1.0; }

// Lines -> pages of at most `capacity` row heights; a heading never ends a page.
std::vector<std::vector<Line>> paginate(const std::vector<Line>& lines, double capacity) {
    std::vector<std::vector<Line>> pages(1);
    double used = 0;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const bool orphan = lines[i].heading && i + 1 < lines.size() && used + weight(lines[i]) + weight(lines[i + 1]) > capacity + 1e-9;
        if (!pages.back().empty() && (used + weight(lines[i]) > capacity + 1e-9 || orphan)) {
            pages.emplace_back();
            used = 0;
        }
        pages.back().push_back(lines[i]);
        used += weight(lines[i]);
    }
    return pages;
}

std::vector<Line> lines_of(const std::vector<ChartGroup>& groups, const std::function<bool(int)>& keep) {
    std::vector<Line> out;
    for (const ChartGroup& g : groups) {
        bool headed = false;
        for (const ChartRow& row : g.rows) {
            if (!keep(row.competency)) continue;
            if (!headed) out.push_back({&g, {}, true});
            headed = true;
            out.push_back({&g, row, false});
        }
    }
    return out;
}

// Does this competency have anything of the student's on it: a level earned, worked on,
// submitted or reviewed, or a goal in the plan?
bool started(const LearnerRecord& r, const Progress& pr, const Competency& c) {
    for (int l = 1; l <= chart_level_count(r.pathway, c); ++l) {
        const Status s = pr.level(c.id, l).status;
        if (s != Status::locked && s != Status::available) return true;
    }
    for (const Goal& g : r.plan)
        if (g.kind == Goal::Kind::competency && g.target == c.id) return true;
    return false;
}

// [SECTION] page layout

struct Frame {
    double width, height, margin = 10;
    double header = 22;   // learner, pathway, date, count
    double columns = 8;   // the column names
    double footer = 13;   // notes and page number
    double table_top() const { return margin + header; }
    double rows_top() const { return table_top() + columns; }
    double rows_bottom() const { return height - margin - footer; }
    double rows_height() const { return std::max(0.0, rows_bottom() - rows_top()); }
};

void add_text(PosterPage& page, const Words& words, double x, double y, double size, bool bold, Rgba colour, PosterAlign align,
              std::string text) {
    if (text.empty()) return;
    PosterText t;
    t.x = x;
    t.y = y;
    t.size = size;
    t.bold = bold;
    t.colour = colour;
    t.align = align;
    t.width = words.width(text, size, bold);
    t.text = std::move(text);
    page.texts.push_back(std::move(t));
}

void frame_rect(PosterPage& page, double x, double y, double w, double h, double line, Rgba colour) {
    page.boxes.push_back({x, y, w, line, colour});
    page.boxes.push_back({x, y + h - line, w, line, colour});
    page.boxes.push_back({x, y, line, h, colour});
    page.boxes.push_back({x + w - line, y, line, h, colour});
}

}  // namespace

Poster poster_layout(const LearnerRecord& r, const Progress& pr, const PosterOptions& o, const GlyphSource* glyphs,
                     const std::function<BadgeDesign(const std::string& key)>& design_of) {
    const Pathway& p = r.pathway;
    const PosterWords& w = o.words;
    const Words words{glyphs};
    Frame f{std::clamp(o.width, 100.0, 2000.0), std::clamp(o.height, 140.0, 2000.0)};
    const double content_w = f.width - 2 * f.margin;

    const std::vector<ChartGroup> groups = chart_groups(p, o.by_stack, w.not_in_stack);
    Poster out;
    for (const ChartGroup& g : groups) out.chart_rows += g.rows.size();

    // Rows per page: shrink to fit one page, else pages of the smallest rows (kPosterMinRow).
    std::vector<Line> lines = lines_of(groups, [](int) { return true; });
    auto plan = [&](const std::vector<Line>& ls, double& row_h) {
        double total = 0;
        for (const Line& l : ls) total += weight(l);
        if (total * kPosterMinRow <= f.rows_height()) {
            row_h = total > 0 ? std::clamp(f.rows_height() / total, kPosterMinRow, kPosterMaxRow) : kPosterMaxRow;
            return std::vector<std::vector<Line>>{ls};
        }
        row_h = kPosterMinRow;
        return paginate(ls, std::max(1.0, std::floor(f.rows_height() / kPosterMinRow)));
    };
    double row_h = kPosterMaxRow;
    std::vector<std::vector<Line>> pages = plan(lines, row_h);
    if (pages.size() > std::size_t(kPosterMaxPages)) {
        // Too many for a wall: keep what the student has to show, then cut at the page limit.
        std::vector<bool> keep(p.competencies.size());
        for (std::size_t i = 0; i < p.competencies.size(); ++i) keep[i] = started(r, pr, p.competencies[i]);
        std::vector<Line> kept = lines_of(groups, [&](int i) { return bool(keep[std::size_t(i)]); });
        if (!kept.empty()) {  // (nothing started yet: the chart's first pages, to fill in)
            out.only_started = true;
            pages = plan(kept, row_h);
        }
        if (pages.size() > std::size_t(kPosterMaxPages)) pages.resize(std::size_t(kPosterMaxPages));
    }
    std::unordered_set<int> shown;
    for (const auto& pg : pages)
        for (const Line& l : pg)
            if (!l.heading) {
                ++out.rows;
                shown.insert(l.row.competency);
            }
    out.left_out = p.competencies.size() - shown.size();
    std::size_t started_count = 0;
    if (out.only_started)
        for (const Competency& c : p.competencies) started_count += started(r, pr, c) ? 1 : 0;
    out.cut = (out.only_started ? started_count : p.competencies.size()) - shown.size();

    // Whole-chart sticker count for the header.
    int all_spots = 0, all_earned = 0;
    for (const Competency& c : p.competencies)
        for (int l = 1; l <= chart_level_count(p, c); ++l) {
            ++all_spots;
            if (pr.level(c.id, l).status == Status::earned) ++all_earned;
        }

    const int levels = chart_columns(p);
    const double first_col = std::clamp(content_w - levels * 24.0, content_w * 0.24, content_w * 0.36);
    const double col_w = (content_w - first_col) / levels;
    const BadgeDesign spot = sticker_spot_design();

    for (std::size_t pi = 0; pi < pages.size(); ++pi) {
        PosterPage page;
        page.width = f.width;
        page.height = f.height;
        page.number = int(pi) + 1;
        page.count = int(pages.size());
        const double m = f.margin, right = f.width - m;

        // header: the learner's name big, the chart and pathway under it, date and count on the right
        const double side = std::min(58.0, content_w * 0.32);
        const std::string name = r.learner_name.empty() ? w.title : r.learner_name;
        auto [name_size, name_text] = words.shrink(name, 8.5, 5.0, true, content_w - side - 4);
        add_text(page, words, m, m + 8, name_size, true, kInk, PosterAlign::left, name_text);
        const std::string sub = r.learner_name.empty() ? p.title : w.title + " \xc2\xb7 " + p.title;
        auto [sub_size, sub_text] = words.shrink(sub, 4.4, 3.0, false, content_w - side - 4);
        add_text(page, words, m, m + 15.5, sub_size, false, kMuted, PosterAlign::left, sub_text);
        add_text(page, words, right, m + 6, 4.0, true, kInk, PosterAlign::right, words.fit(o.date, 4.0, true, side));
        add_text(page, words, right, m + 12.5, 3.4, false, kMuted, PosterAlign::right,
                 words.fit(fill_numbers(w.earned_fmt, {all_earned, all_spots}), 3.4, false, side));
        page.boxes.push_back({m, m + 18.6, content_w, 0.9, kAccent});

        // column names
        const double ty = f.table_top();
        page.boxes.push_back({m, ty, content_w, f.columns, kHeaderBand});
        add_text(page, words, m + 2, ty + 5.4, 3.4, true, kInk, PosterAlign::left, words.fit(w.competency, 3.4, true, first_col - 4));
        for (int l = 1; l <= levels; ++l) {
            auto [size, text] = words.shrink(chart_column_name(p, l), 3.4, 2.2, true, col_w - 2);
            add_text(page, words, m + first_col + (l - 0.5) * col_w, ty + 5.4, size, true, kInk, PosterAlign::centre, text);
        }

        // rows
        double y = f.rows_top();
        for (const Line& line : pages[pi]) {
            if (line.heading) {
                const double h = row_h * kHeadingWeight;
                page.boxes.push_back({m, y, content_w, h, kGroupBand});
                const double size = std::clamp(h * 0.5, 2.8, 4.6);
                std::string status;
                if (!line.group->stack.empty()) {
                    const StackProgress& sp = pr.stack(line.group->stack);
                    status = sp.complete ? w.stack_complete : fill_numbers(w.stack_progress_fmt, {sp.done, sp.required});
                }
                const double status_w = status.empty() ? 0 : words.width(status, size * 0.85, false) + 4;
                const std::string title = line.group->title.empty() ? "-" : line.group->title;
                add_text(page, words, m + 2, y + h * 0.5 + size * 0.36, size, true, kInk, PosterAlign::left,
                         words.fit(title, size, true, content_w - status_w - 4));
                add_text(page, words, right - 2, y + h * 0.5 + size * 0.36, size * 0.85, false, kMuted, PosterAlign::right, status);
                y += h;
                page.boxes.push_back({m, y - 0.25, content_w, 0.25, kGrid});
                continue;
            }
            const Competency& c = p.competencies[std::size_t(line.row.competency)];
            const double h = row_h;
            // the skill: code (small, muted) over its title, wrapped, centred in the row
            const double size = std::clamp(h * 0.24, 2.7, 4.2), lead = size * 1.22;
            const bool code = !c.code.empty() && h >= 12;
            const double code_h = code ? size * 1.05 : 0;
            const int max_lines = std::clamp(int((h - 2.0 - code_h) / lead), 1, 3);
            const std::vector<std::string> title = words.wrap(c.title, size, false, first_col - 4, max_lines);
            double block = code_h + double(title.size()) * lead;
            double ty_text = y + (h - block) * 0.5;
            if (code) {
                add_text(page, words, m + 2, ty_text + size * 0.8, size * 0.8, false, kMuted, PosterAlign::left,
                         words.fit(c.code, size * 0.8, false, first_col - 4));
                ty_text += code_h;
            }
            for (std::size_t k = 0; k < title.size(); ++k)
                add_text(page, words, m + 2, ty_text + double(k) * lead + size * 0.95, size, false, kInk, PosterAlign::left, title[k]);

            const int count = chart_level_count(p, c);
            for (int l = 1; l <= levels; ++l) {
                const double cx = m + first_col + (l - 0.5) * col_w;
                if (l > count) {
                    add_text(page, words, cx, y + h * 0.5 + 1.2, 3.4, false, kMuted, PosterAlign::centre, w.no_level);
                    continue;
                }
                const LevelStatus& ls = pr.level(c.id, l);
                const bool earned = ls.status == Status::earned;
                const bool dated = earned && h >= 16 && ls.earned_at.size() >= 10;
                const double s = std::max(3.0, std::min(h - (dated ? 5.0 : 0.8), col_w - 2.0) * 0.95);
                PosterSticker st;
                st.key = badge_key_for_level(c.id, l);
                st.title = level_label(p, c.id, l);
                st.earned = earned;
                st.size = s;
                st.x = cx - s / 2;
                st.y = dated ? y + (h - 3.2 - s) * 0.5 : y + (h - s) * 0.5;
                st.design = earned ? design_of(st.key) : spot;
                if (earned) ++out.earned;
                else ++out.spots;
                if (dated)
                    add_text(page, words, cx, st.y + s + 2.9, 2.3, false, kMuted, PosterAlign::centre,
                             words.fit(ls.earned_at.substr(0, 10), 2.3, false, col_w - 1));
                if (line.row.needed_level == l)
                    frame_rect(page, cx - col_w / 2 + 0.8, y + 0.6, col_w - 1.6, h - 1.2, 0.4, kNeeded);
                page.stickers.push_back(std::move(st));
            }
            y += h;
            page.boxes.push_back({m, y - 0.25, content_w, 0.25, kGrid});
        }
        // column lines and the table's frame
        const double table_bottom = std::max(y, f.rows_top());
        for (int l = 0; l < levels; ++l) page.boxes.push_back({m + first_col + l * col_w - 0.125, ty, 0.25, table_bottom - ty, kGrid});
        frame_rect(page, m, ty, content_w, table_bottom - ty, 0.35, kGrid);

        // footer: notes, then what made it and the page number
        const double fb = f.height - m;
        if (out.only_started)
            add_text(page, words, m, fb - 8, 2.8, false, kMuted, PosterAlign::left,
                     words.fit(fill_numbers(w.only_started_fmt, {(long long)started_count, (long long)p.competencies.size()}), 2.8, false, content_w));
        if (out.cut > 0 && pi + 1 == pages.size())
            add_text(page, words, m, fb - 4, 2.8, true, kInk, PosterAlign::left,
                     words.fit(fill_numbers(w.more_fmt, {(long long)out.cut, (long long)pages.size()}), 2.8, true, content_w));
        add_text(page, words, m, fb, 2.6, false, kMuted, PosterAlign::left, words.fit(w.footer, 2.6, false, content_w * 0.6));
        if (page.count > 1)
            add_text(page, words, right, fb, 2.8, false, kMuted, PosterAlign::right, fill_numbers(w.page_fmt, {page.number, page.count}));
        out.pages.push_back(std::move(page));
    }
    return out;
}

// [SECTION] polygons for the PNG

namespace {

BadgePolygon rect_polygon(double x, double y, double w, double h, Rgba colour) {
    BadgePolygon poly;
    poly.contours = {{{x, y}, {x + w, y}, {x + w, y + h}, {x, y + h}}};
    poly.paint.color = colour;
    return poly;
}

double aligned_x(const PosterText& t, double width) {
    switch (t.align) {
        case PosterAlign::left: return t.x;
        case PosterAlign::centre: return t.x - width / 2;
        case PosterAlign::right: return t.x - width;
    }
    return t.x;
}

}  // namespace

PosterGeometry poster_geometry(const PosterPage& page, double k, const GlyphSource* glyphs) {
    PosterGeometry g;
    g.width = page.width * k;
    g.height = page.height * k;
    g.polygons.push_back(rect_polygon(0, 0, g.width, g.height, kWhite));  // paper, not transparency
    for (const PosterBox& b : page.boxes) g.polygons.push_back(rect_polygon(b.x * k, b.y * k, b.w * k, b.h * k, b.colour));
    for (const PosterSticker& s : page.stickers) {
        BadgeGeometry badge = badge_geometry(s.design, s.size * k, glyphs);
        for (const std::string& warning : badge.warnings) g.warnings.push_back(s.key + ": " + warning);
        const Vec2 at{s.x * k, s.y * k};
        for (BadgePolygon& poly : badge.polygons) {
            for (auto& contour : poly.contours)
                for (Vec2& v : contour) v = {v.x + at.x, v.y + at.y};
            poly.paint.from = {poly.paint.from.x + at.x, poly.paint.from.y + at.y};
            poly.paint.to = {poly.paint.to.x + at.x, poly.paint.to.y + at.y};
            g.polygons.push_back(std::move(poly));
        }
    }
    if (!glyphs) {
        if (!page.texts.empty()) g.warnings.push_back("no fonts: the poster's words are left out");
        return g;
    }
    for (const PosterText& t : page.texts) {
        const FontFace face = t.bold ? FontFace::sans_bold : FontFace::sans;
        const std::u32string u = decode_utf8(t.text);
        const double em = t.size * k;
        const double width = text_width_em(*glyphs, face, u) * em;
        BadgePolygon poly;
        poly.contours = text_contours(*glyphs, face, u, em, {aligned_x(t, width / k) * k, t.y * k});
        poly.paint.color = t.colour;
        if (!poly.contours.empty()) g.polygons.push_back(std::move(poly));
    }
    return g;
}

// [SECTION] SVG

namespace {

std::string hex(Rgba c) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "#%02x%02x%02x", c.r, c.g, c.b);
    return buf;
}

constexpr double kSvgBadgePixels = 200;  // badge geometry is built at this size, then scaled to its sticker

std::string scale_number(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.6f", v);
    return buf;
}

}  // namespace

std::string poster_svg(const PosterPage& page, const GlyphSource* glyphs, const std::string& title) {
    const std::string w = svg_number(page.width), h = svg_number(page.height);
    std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    out += "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"" + w + "mm\" height=\"" + h + "mm\" viewBox=\"0 0 " + w +
           " " + h + "\">\n";
    if (!title.empty()) out += "<title>" + xml_escape(title) + "</title>\n";
    std::string defs, body;
    body += "<rect class=\"paper\" x=\"0\" y=\"0\" width=\"" + w + "\" height=\"" + h + "\" fill=\"#ffffff\"/>\n";
    body += "<g class=\"table\">\n";
    for (const PosterBox& b : page.boxes)
        body += "<rect x=\"" + svg_number(b.x) + "\" y=\"" + svg_number(b.y) + "\" width=\"" + svg_number(b.w) + "\" height=\"" +
                svg_number(b.h) + "\" fill=\"" + hex(b.colour) + "\"/>\n";
    body += "</g>\n";
    int n = 0;
    for (const PosterSticker& s : page.stickers) {
        const BadgeGeometry badge = badge_geometry(s.design, kSvgBadgePixels, glyphs);
        const SvgParts parts = badge_svg_parts(badge, "s" + std::to_string(n++) + "-");
        defs += parts.defs;
        body += "<g class=\"sticker " + std::string(s.earned ? "earned" : "spot") + "\" data-key=\"" + xml_escape(s.key) +
                "\" transform=\"translate(" + svg_number(s.x) + " " + svg_number(s.y) + ") scale(" +
                scale_number(s.size / kSvgBadgePixels) + ")\">\n<title>" + xml_escape(s.title) + "</title>\n" + parts.body +
                "</g>\n";
    }
    for (const PosterText& t : page.texts) {
        const char* anchor = t.align == PosterAlign::left ? "start" : t.align == PosterAlign::centre ? "middle" : "end";
        body += "<text x=\"" + svg_number(t.x) + "\" y=\"" + svg_number(t.y) + "\" font-family=\"'DejaVu Sans', Verdana, sans-serif\" font-size=\"" +
                svg_number(t.size) + "\"" + (t.bold ? " font-weight=\"bold\"" : "") + " fill=\"" + hex(t.colour) + "\" text-anchor=\"" + anchor +
                "\">" + xml_escape(t.text) + "</text>\n";
    }
    if (!defs.empty()) out += "<defs>\n" + defs + "</defs>\n";
    return out + body + "</svg>\n";
}

}  // namespace mastery
