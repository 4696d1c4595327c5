// The printed competency chart ("Print my chart", `mastery poster`): the layout of the
// sample student's chart, the SVG read back by a real XML parser (expat), the PNG decoded by
// stb_image at its stated A4 size, the same bytes twice, and a 2,000-skill pathway that
// stays within its page limit.
#include "helpers.hpp"

#include <expat.h>

#include <map>
#include <set>

using namespace mastery;

namespace {

// What the poster SVG holds, as expat sees it.
struct SvgSummary {
    bool well_formed = false;
    std::string error;
    std::string root;
    std::map<std::string, int> elements;  // element name -> count
    int earned = 0, spots = 0;            // <g class="sticker earned|spot">
    std::set<std::string> earned_keys;
    std::string text;                     // the character data of every <text>, joined by "|"
};

SvgSummary read_svg(const std::string& svg) {
    struct State {
        SvgSummary s;
        int in_text = 0;
    } state;
    XML_Parser parser = XML_ParserCreate("UTF-8");
    XML_SetUserData(parser, &state);
    XML_SetElementHandler(
        parser,
        [](void* data, const XML_Char* name, const XML_Char** attrs) {
            auto& st = *static_cast<State*>(data);
            if (st.s.root.empty()) st.s.root = name;
            ++st.s.elements[name];
            const std::string n = name;
            if (n == "text") {
                ++st.in_text;
                st.s.text += "|";
            }
            if (n != "g") return;
            std::string cls, key;
            for (int i = 0; attrs[i]; i += 2) {
                if (std::string(attrs[i]) == "class") cls = attrs[i + 1];
                if (std::string(attrs[i]) == "data-key") key = attrs[i + 1];
            }
            if (cls == "sticker earned") {
                ++st.s.earned;
                st.s.earned_keys.insert(key);
            }
            if (cls == "sticker spot") ++st.s.spots;
        },
        [](void* data, const XML_Char* name) {
            auto& st = *static_cast<State*>(data);
            if (std::string(name) == "text") --st.in_text;
        });
    XML_SetCharacterDataHandler(parser, [](void* data, const XML_Char* s, int len) {
        auto& st = *static_cast<State*>(data);
        if (st.in_text > 0) st.s.text.append(s, std::size_t(len));
    });
    state.s.well_formed = XML_Parse(parser, svg.data(), int(svg.size()), 1) == XML_STATUS_OK;
    if (!state.s.well_formed)
        state.s.error = std::string(XML_ErrorString(XML_GetErrorCode(parser))) + " at line " + std::to_string(XML_GetCurrentLineNumber(parser));
    XML_ParserFree(parser);
    return state.s;
}

PosterOptions options_for_tests() {
    PosterOptions o;
    o.date = "2026-12-02";
    return o;
}

// Levels of the chart: every level a competency really has, and those earned.
std::pair<int, int> chart_levels(const LearnerRecord& r, const Progress& pr) {
    int all = 0, earned = 0;
    for (const Competency& c : r.pathway.competencies)
        for (int l = 1; l <= chart_level_count(r.pathway, c); ++l) {
            ++all;
            earned += pr.level(c.id, l).status == Status::earned;
        }
    return {all, earned};
}

Pathway generated(int n) {
    Pathway p;
    p.id = "big";
    p.title = "Big";
    p.scale = {"One", "Two"};
    for (int i = 0; i < n; ++i) {
        Competency c;
        c.id = "c" + std::to_string(i);
        c.title = "Skill number " + std::to_string(i) + " with a long title that needs wrapping on the poster";
        c.statement = "I can do " + std::to_string(i);
        c.subject = "Subject " + std::to_string((i / 10) % 4);
        c.levels = {LevelDef{{{"a", "x"}}, {}, {}, 0}, LevelDef{{{"a", "y"}}, {}, {}, 0}};
        p.competencies.push_back(c);
    }
    return p;
}

}  // namespace

TEST_CASE("the sample student's poster: one A4 page, a sticker or an empty spot for every level, their name and pathway") {
    REQUIRE_FONTS();
    const LearnerRecord r = badge_test::sample_record();
    const Progress pr(r);
    const auto [all, earned] = chart_levels(r, pr);
    REQUIRE(earned > 0);
    const PosterFiles files = poster_files(r, pr, options_for_tests(), badge_test::fonts(), &builtin_icons(), true, true, 150);
    REQUIRE(files.error.empty());
    const Poster& p = files.poster;
    REQUIRE(p.pages.size() == 1);
    CHECK(p.earned == earned);
    CHECK(p.spots == all - earned);
    CHECK(p.rows == r.pathway.competencies.size());
    CHECK_FALSE(p.only_started);
    CHECK(p.left_out == 0);
    REQUIRE(files.files.size() == 2);
    CHECK(files.files[0].name == "my-chart.png");
    CHECK(files.files[1].name == "my-chart.svg");

    SUBCASE("the SVG parses as XML with one group per sticker and the words as text") {
        const std::string svg(files.files[1].data.begin(), files.files[1].data.end());
        const SvgSummary s = read_svg(svg);
        REQUIRE_MESSAGE(s.well_formed, s.error);
        CHECK(s.root == "svg");
        CHECK(svg.find("width=\"210mm\" height=\"297mm\" viewBox=\"0 0 210 297\"") != std::string::npos);
        CHECK(s.earned == earned);
        CHECK(s.spots == all - earned);
        CHECK(s.earned_keys.count("competency:ratios-1:2") == 1);  // Ratio Reasoning · Developing, earned in the sample
        CHECK(s.text.find("|Sky Walker-Reyes|") != std::string::npos);
        CHECK(s.text.find(r.pathway.title) != std::string::npos);
        CHECK(s.text.find("|2026-12-02|") != std::string::npos);
        CHECK(s.text.find("|" + fill_numbers("%d of %d stickers earned", {earned, all}) + "|") != std::string::npos);
        for (const std::string& level : r.pathway.scale) CHECK(s.text.find("|" + level + "|") != std::string::npos);
        CHECK(s.elements.at("title") == 1 + earned + (all - earned));  // the document's, then one per sticker
        CHECK(s.elements.at("path") > earned * 3);                     // badges are drawn, not referenced
    }
    SUBCASE("the PNG decodes at A4 150 dpi, says so in pHYs, and is white paper with coloured stickers") {
        const auto img = decode_png(files.files[0].data);
        REQUIRE(img);
        CHECK(img->width == 1240);
        CHECK(img->height == 1754);
        auto chunks = png_chunks(files.files[0].data);
        REQUIRE(chunks);
        const auto phys = std::find_if(chunks->begin(), chunks->end(), [](const PngChunk& c) { return c.type == "pHYs"; });
        REQUIRE(phys != chunks->end());
        CHECK(phys->data == std::vector<std::uint8_t>{0, 0, 0x17, 0x12, 0, 0, 0x17, 0x12, 1});  // 5906 px/m = 150 dpi
        CHECK(img->pixel(3, 3) == std::array<std::uint8_t, 4>{255, 255, 255, 255});
        // every pixel opaque; some of the sticker colours are there
        int transparent = 0, coloured = 0;
        for (std::size_t i = 0; i < img->rgba.size(); i += 4) {
            transparent += img->rgba[i + 3] != 255;
            const int r8 = img->rgba[i], g8 = img->rgba[i + 1], b8 = img->rgba[i + 2];
            coloured += std::max({r8, g8, b8}) - std::min({r8, g8, b8}) > 60;
        }
        CHECK(transparent == 0);
        CHECK(coloured > earned * 200);
        MESSAGE("sample poster: " << files.files[0].data.size() << " bytes PNG, " << files.files[1].data.size() << " bytes SVG, "
                                  << earned << " badges, " << (all - earned) << " spots");
    }
    SUBCASE("the PNG shows each earned sticker where the layout put it, and words in ink") {
        const auto img = decode_png(files.files[0].data);
        REQUIRE(img);
        const double k = 150 / 25.4;
        for (const PosterSticker& st : p.pages[0].stickers) {
            const int cx = int((st.x + st.size / 2) * k), cy = int((st.y + st.size / 2) * k);
            const auto px = img->pixel(cx, cy);
            if (st.earned) CHECK_MESSAGE(!(px[0] == 255 && px[1] == 255 && px[2] == 255), st.key);  // the badge covers its centre
            else CHECK_MESSAGE(px == (std::array<std::uint8_t, 4>{255, 255, 255, 255}), st.key);  // an empty spot is empty inside
        }
        int dark = 0;  // the learner's name in the top left, in ink
        for (int y = int(10 * k); y < int(19 * k); ++y)
            for (int x = int(10 * k); x < int(80 * k); ++x) dark += img->pixel(x, y)[0] < 100;
        CHECK(dark > 500);
    }
}

TEST_CASE("the poster is the same bytes every time") {
    REQUIRE_FONTS();
    const LearnerRecord r = badge_test::sample_record();
    const Progress pr(r);
    PosterOptions o = options_for_tests();
    o.by_stack = true;
    const PosterFiles a = poster_files(r, pr, o, badge_test::fonts(), &builtin_icons(), true, true, 100);
    const PosterFiles b = poster_files(r, pr, o, badge_test::fonts(), &builtin_icons(), true, true, 100);
    REQUIRE(a.files.size() == b.files.size());
    for (std::size_t i = 0; i < a.files.size(); ++i) CHECK(a.files[i].data == b.files[i].data);
    // grouped by stack, the stack's rows show how far along it is
    const std::string svg(a.files[1].data.begin(), a.files[1].data.end());
    CHECK(read_svg(svg).well_formed);
    CHECK(a.poster.rows >= r.pathway.competencies.size());  // a competency may sit in two stacks
}

TEST_CASE("US Letter paper and no fonts still give a whole poster; words are left out with a warning") {
    const LearnerRecord r = badge_test::sample_record();
    const Progress pr(r);
    PosterOptions o = options_for_tests();
    o.width = 215.9;
    o.height = 279.4;
    const PosterFiles f = poster_files(r, pr, o, nullptr, &builtin_icons(), true, true, 72);
    REQUIRE(f.error.empty());
    REQUIRE(f.files.size() == 2);
    const auto img = decode_png(f.files[0].data);
    REQUIRE(img);
    CHECK(img->width == 612);
    CHECK(img->height == 792);
    CHECK(std::find_if(f.notes.begin(), f.notes.end(), [](const std::string& n) { return n.find("no fonts") != std::string::npos; }) !=
          f.notes.end());
    CHECK(read_svg(std::string(f.files[1].data.begin(), f.files[1].data.end())).well_formed);
}

TEST_CASE("a 2,000-skill pathway gives at most 8 pages, keeps what the student started, and says what was left out") {
    REQUIRE_FONTS();
    const Pathway p = generated(2000);
    SUBCASE("nothing started: the first 8 pages, and the rest counted") {
        const LearnerRecord r = new_record(p, "r-big", "Student", "2026-11-22T10:00:00Z");
        const Progress pr(r);
        const Poster poster = poster_layout(r, pr, options_for_tests(), badge_test::fonts(), [](const std::string&) { return BadgeDesign{}; });
        CHECK(poster.pages.size() == std::size_t(kPosterMaxPages));
        CHECK_FALSE(poster.only_started);  // nothing started: the chart's first pages, to fill in
        CHECK(poster.rows > 8 * 20);
        CHECK(poster.rows < 8 * 27);
        CHECK(poster.left_out == 2000 - poster.rows);
        CHECK(poster.cut == poster.left_out);
        CHECK(poster.spots == int(poster.rows) * 2);
    }
    SUBCASE("30 goals in the plan: those rows on one page, bigger than the smallest rows") {
        LearnerRecord r = new_record(p, "r-big", "Student", "2026-11-22T10:00:00Z");
        for (int i = 0; i < 30; ++i) r.plan.push_back({"g" + std::to_string(i), Goal::Kind::competency, "c" + std::to_string(i * 50), 1, ""});
        const Progress pr(r);
        const Poster poster = poster_layout(r, pr, options_for_tests(), badge_test::fonts(), [](const std::string&) { return BadgeDesign{}; });
        CHECK(poster.only_started);
        CHECK(poster.rows == 30);
        CHECK(poster.left_out == 1970);
        CHECK(poster.cut == 0);
        CHECK(poster.pages.size() == 2);  // 30 rows + 4 subject headings at 9 mm do not fit one page
    }
    SUBCASE("600 goals: cut at 8 pages, each page's files bounded") {
        LearnerRecord r = new_record(p, "r-big", "Student", "2026-11-22T10:00:00Z");
        for (int i = 0; i < 600; ++i) r.plan.push_back({"g" + std::to_string(i), Goal::Kind::competency, "c" + std::to_string(i), 1, ""});
        const Progress pr(r);
        const PosterFiles f = poster_files(r, pr, options_for_tests(), badge_test::fonts(), &builtin_icons(), true, true, 150);
        REQUIRE(f.error.empty());
        CHECK(f.poster.pages.size() == std::size_t(kPosterMaxPages));
        CHECK(f.poster.rows < 8 * 27);
        CHECK(f.poster.left_out == 2000 - f.poster.rows);
        CHECK(f.poster.cut == 600 - f.poster.rows);  // planned, but past the 8th page
        REQUIRE(f.files.size() == 16);
        CHECK(f.files[0].name == "my-chart-1.png");
        CHECK(f.files[15].name == "my-chart-8.svg");
        std::size_t total = 0;
        for (const PosterFile& file : f.files) {
            total += file.data.size();
            CHECK(file.data.size() < 2u * 1024 * 1024);
        }
        const SvgSummary last = read_svg(std::string(f.files[15].data.begin(), f.files[15].data.end()));
        REQUIRE(last.well_formed);
        CHECK(last.text.find("more skills did not fit on 8 pages") != std::string::npos);
        CHECK(last.text.find("|Page 8 of 8") != std::string::npos);
        MESSAGE("2,000 skills, 600 planned: " << f.poster.pages.size() << " pages, " << f.poster.rows << " rows, " << total
                                              << " bytes for all PNG + SVG files");
    }
}

TEST_CASE("the banded rasteriser draws a badge exactly as before and a page of any size") {
    REQUIRE_FONTS();
    const LearnerRecord r = badge_test::sample_record();
    const BadgeDesign d = design_for(r, "competency:ratios-1:2", &builtin_icons());
    const BadgeGeometry g = badge_geometry(d, 300, badge_test::fonts());
    // 300 x 300 in one band vs. the same polygons drawn across three bands (a wide image
    // has bands of 262,144 / 2,000 = 131 rows)
    const Image square = rasterize(g, 300);
    const Image tall = rasterize(g.polygons, 2000, 400, 1.0);
    REQUIRE(tall.height == 400);
    int worst = 0;
    for (int y = 0; y < 300; ++y)
        for (int x = 0; x < 300; ++x)
            for (int k = 0; k < 4; ++k) worst = std::max(worst, std::abs(int(square.pixel(x, y)[std::size_t(k)]) - int(tall.pixel(x, y)[std::size_t(k)])));
    CHECK(worst == 0);
    CHECK(tall.pixel(1000, 200)[3] == 0);
}
