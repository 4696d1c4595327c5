// Every view drawn over the sample record in a headless ImGui context: catches Begin/End
// mistakes (ImGui's checks throw here) and ID clashes, in every theme and at big scales.
#include "harness.hpp"

#include "ui/fonts.hpp"
#include "ui/theme.hpp"

#include <imgui_internal.h>

#include <doctest/doctest.h>

using namespace mastery;
using namespace mastery::testing;
using app::Page;

namespace {

void draw_every_page(Harness& h) {
    for (Page page : {Page::map, Page::chart, Page::plan, Page::competency, Page::review, Page::settings}) {
        CAPTURE(static_cast<int>(page));
        h.session().ui().page = page;
        REQUIRE_NOTHROW(h.frames(3));
    }
}

}  // namespace

TEST_CASE("every page draws over the sample record without ImGui check failures or ID clashes") {
    Harness h;
    h.load_sample_record();
    SUBCASE("competencies in every state") {
        for (const char* id : {"ratios-1", "unit-rates", "ela-claims", "sci-questions", "percent-problems"}) {
            CAPTURE(id);
            h.session().ui().open_competency(id, 0);
            REQUIRE_NOTHROW(h.frames(3));
            for (int level = 1; level <= 4; ++level) {
                h.session().ui().open_competency(id, level);
                REQUIRE_NOTHROW(h.frames(2));
            }
        }
    }
    SUBCASE("the review form for the submitted level") {
        h.session().ui().open_review("ela-claims", 2);
        REQUIRE_NOTHROW(h.frames(3));
        CHECK(h.has("Met", "Review"));
        CHECK(h.has("Not yet", "Review"));
    }
    SUBCASE("all pages") { draw_every_page(h); }
    CHECK(ui::probe::clashes().empty());
}

TEST_CASE("every page draws in the dark and high-contrast themes and at 200% scale") {
    for (app::Theme theme : {app::Theme::light, app::Theme::dark, app::Theme::high_contrast}) {
        CAPTURE(app::to_string(theme));
        Harness h(1366, 768, 2.0f);
        h.load_sample_record();
        app::Prefs p = h.session().prefs();
        p.theme = theme;
        p.ui_scale = 200;
        h.session().set_prefs(p);
        ui::apply_theme(theme, 2.0f);
        draw_every_page(h);
        CHECK(ui::probe::clashes().empty());
    }
}

TEST_CASE("a narrow screen still draws every page") {
    Harness h(480, 760);
    h.load_sample_record();
    draw_every_page(h);
    CHECK(ui::probe::clashes().empty());
}

TEST_CASE("a fresh record on each bundled pathway draws every page") {
    for (const char* file : {"assets/pathways/middle-school-explorer.json", "assets/pathways/performance-assessment.json"}) {
        CAPTURE(file);
        Harness h;
        h.load_pathway(file);
        CHECK(h.record().learner_name == "Student");
        draw_every_page(h);
        CHECK(ui::probe::clashes().empty());
    }
}

TEST_CASE("the startup window shows while loading and the validator's messages when a pathway fails") {
    Harness h;
    SUBCASE("loading") {
        h.session().start("");
        CHECK(h.services().fetches == std::vector<std::string>{"pathways/index.json"});
        REQUIRE_NOTHROW(h.frames(2));
        CHECK(h.session().store() == nullptr);
    }
    SUBCASE("a pathway with a dangling prerequisite") {
        h.session().start("teacher/broken.json");
        REQUIRE(h.services().fetches.size() == 2);
        h.session().on_fetched(2, true,
                               R"({"format":"mastery-map/pathway","version":1,"id":"p","title":"T","scale":["A"],
                                   "competencies":[{"id":"a","title":"A","statement":"I can","levels":[{"criteria":[{"id":"c1","text":"x"}]}],
                                                    "prerequisites":[{"competency":"nope"}]}]})",
                               "");
        CHECK(h.session().startup().phase == app::StartPhase::failed);
        REQUIRE_FALSE(h.session().startup().problems.empty());
        CHECK(h.session().startup().problems.front().find("/competencies/0/prerequisites/0") != std::string::npos);
        REQUIRE_NOTHROW(h.frames(4));  // an auto-sized window settles over a few frames
        CHECK(h.has("Open the usual pathway instead"));
    }
}

TEST_CASE("the UI font has every character a student may type or the views draw") {
    if (!ui::fonts().from_files) {
        Harness h;  // builds the fonts
    }
    Harness h;
    if (!ui::fonts().from_files) {
        MESSAGE("font subset not built (no DejaVu or fontTools): skipped");
        return;
    }
    for (ImWchar c : {0x00F1, 0x00E9, 0x00FC, 0x00E7, 0x0151, 0x015F, 0x20AC, 0x2014, 0x2026, 0x2192, 0x2605, 0x2713, 0x2212, 0x270E}) {
        CAPTURE(c);
        CHECK(ui::fonts().regular->FindGlyphNoFallback(c) != nullptr);
    }
}

TEST_CASE("bold text and headings have the regular font's characters, in bold where the bold subset has them") {
    Harness h;
    if (!ui::fonts().from_files) {
        MESSAGE("font subset not built (no DejaVu or fontTools): skipped");
        return;
    }
    const ui::Fonts& f = ui::fonts();
    // Latin Extended-B (Vietnamese, Hausa), arrows, stars, check marks, maths come from the
    // regular file; Latin, Greek and punctuation from the bold one.
    for (ImWchar c : {0x00F1, 0x0151, 0x01A1, 0x0181, 0x03C0, 0x2014, 0x2192, 0x2605, 0x2713, 0x2212, 0x270E}) {
        CAPTURE(c);
        CHECK(f.bold->FindGlyphNoFallback(c) != nullptr);
        CHECK(f.heading->FindGlyphNoFallback(c) != nullptr);
    }
    const auto advance = [](ImFont* font, ImWchar c) { return font->FindGlyphNoFallback(c)->AdvanceX; };
    CHECK(advance(f.bold, 'm') > advance(f.regular, 'm'));        // DejaVu Sans Bold is wider
    CHECK(advance(f.bold, 0x03C0) > advance(f.regular, 0x03C0));  // Greek is in the bold subset
    CHECK(advance(f.bold, 0x2192) == advance(f.regular, 0x2192));  // an arrow from the regular file
}

TEST_CASE("a 2,000-competency pathway: every page draws, the chart submits only rows near the screen") {
    Pathway p;
    p.id = "large";
    p.title = "Large";
    p.scale = {"One", "Two", "Three", "Four"};
    for (int i = 0; i < 2000; ++i) {
        Competency c;
        c.id = "c" + std::to_string(i);
        c.title = "Skill " + std::to_string(i);
        c.statement = "I can do skill " + std::to_string(i);
        c.subject = i % 2 ? "Science" : "Math";
        for (int l = 0; l < 4; ++l) c.levels.push_back({{{"c1", "I explain it"}}, {}, {}, 0});
        if (i % 50) c.prerequisites.push_back({"c" + std::to_string(i - 1), 1});
        p.competencies.push_back(std::move(c));
    }
    Harness h;
    h.session().start_with_pathway_text("large.json", save_pathway(p));
    REQUIRE(h.session().store() != nullptr);
    for (Page page : {Page::map, Page::chart, Page::plan, Page::settings}) {
        CAPTURE(static_cast<int>(page));
        h.session().ui().page = page;
        REQUIRE_NOTHROW(h.frames(3));  // 16-bit draw indices would overflow if everything were submitted
    }
    h.open(Page::chart);
    const int cells = h.shell().chart.drawn_cells;
    CHECK(cells > 0);
    CHECK(cells < 200);  // of 8,000
    CHECK(h.has("Skill 0 \xc2\xb7 One", "My chart"));
    CHECK_FALSE(h.has("Skill 1999 \xc2\xb7 One", "My chart"));
    // scrolled to the end, the last rows are there (the skipped rows keep the scroll range)
    ImGuiContext& g = *ImGui::GetCurrentContext();
    for (ImGuiWindow* w : g.Windows)
        if (w->Active && w->ScrollMax.y > 0 && std::string(w->RootWindow->Name).rfind("My chart", 0) == 0) ImGui::SetScrollY(w, w->ScrollMax.y);
    h.frames(3);
    CHECK(h.has("Skill 1999 \xc2\xb7 Four", "My chart"));
    CHECK(h.shell().chart.drawn_cells < 200);
}
