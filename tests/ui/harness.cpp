// The headless harness, and ImGui's check handler for tests: a failed IM_ASSERT throws, so
// doctest reports it as a failure of the test that drew the bad frame.
#include "harness.hpp"

#include "ui/fonts.hpp"
#include "ui/theme.hpp"

#include <imgui_internal.h>

#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <stdexcept>

void mastery_imgui_check_failed(const char* expression, const char* file, int line) {
    throw std::runtime_error(std::string("ImGui check failed: ") + expression + " at " + file + ":" + std::to_string(line));
}

namespace mastery::testing {

std::string source_path(const std::string& relative) { return std::string(MASTERY_SOURCE_DIR) + "/" + relative; }

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE_MESSAGE(in.good(), "cannot read " << path);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

Harness::Harness(float width, float height, float scale)
    : m_ctx(ImGui::CreateContext()), m_session(m_services, [] { return std::string(kNow); }), m_shell(m_session), m_scale(scale) {
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(width, height);
    io.DeltaTime = 1.0f / 60.0f;
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    io.ConfigInputTextCursorBlink = false;
    const std::string dir = MASTERY_FONT_DIR;
    ui::build_fonts(dir.empty() ? "" : dir + "/ui-sans.ttf", dir.empty() ? "" : dir + "/ui-sans-bold.ttf", scale);
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    ui::apply_theme(m_session.prefs().theme, scale);
    ui::probe::enable(true);
    ui::probe::clear_clashes();
}

Harness::~Harness() {
    ui::probe::enable(false);
    ImGui::DestroyContext(m_ctx);
}

void Harness::load_sample_record() {
    const std::string text = read_file(source_path("assets/records/sample-record.json"));
    Loaded<LearnerRecord> r = load_record(text);
    REQUIRE_MESSAGE(r.ok(), r.first_error());
    m_session.start_with_record(std::move(*r.value));
    frames(2);
}

void Harness::load_pathway(const std::string& relative) {
    m_session.start_with_pathway_text(relative, read_file(source_path(relative)));
    REQUIRE(m_session.store() != nullptr);
    frames(2);
}

void Harness::frame(float dt) {
    ImGui::SetCurrentContext(m_ctx);
    ui::probe::begin_frame();
    ImGuiIO& io = ImGui::GetIO();
    io.DeltaTime = dt;
    ui::Shell::before_frame(dt);
    ImGui::NewFrame();
    m_shell.draw();
    ImGui::Render();
    ui::probe::end_frame();
    // like the web platform: a long file task's next stage runs after a frame showed this one
    if (m_session.job_ready()) m_session.step_job();
}

void Harness::finish_jobs() {
    for (int i = 0; i < 200 && m_session.job(); ++i) frame();
}

void Harness::frames(int n) {
    for (int i = 0; i < n; ++i) frame();
}

bool Harness::has(const std::string& label, const std::string& window) const { return ui::probe::find(label, window) != nullptr; }

bool Harness::reveal(const std::string& label, const std::string& window) {
    // Scroll every scrollable window of the page step by step (down, then from the top
    // again) until the item is fully on screen. Scrolling directly keeps the tests
    // independent of ImGui's mouse-wheel routing; the browser tests use the real wheel.
    ImGuiContext& g = *ImGui::GetCurrentContext();
    for (int attempt = 0; attempt < 60; ++attempt) {
        if (const ui::probe::Item* it = ui::probe::find(label, window); it && !it->clipped) return true;
        bool moved = false;
        for (ImGuiWindow* w : g.Windows) {
            if (!w->Active || w->ScrollMax.y <= 0) continue;
            if (!window.empty() && std::string(w->RootWindow->Name).rfind(window, 0) != 0) continue;
            if (w->Scroll.y < w->ScrollMax.y) {
                ImGui::SetScrollY(w, std::min(w->ScrollMax.y, w->Scroll.y + 60.0f));
                moved = true;
            }
        }
        if (!moved)  // everything at the bottom: start again from the top
            for (ImGuiWindow* w : g.Windows)
                if (w->Active && w->ScrollMax.y > 0) ImGui::SetScrollY(w, 0.0f);
        frames(2);
    }
    return false;
}

void Harness::click(const std::string& label_in, const std::string& window) {
    const std::string label = label_in;  // callers may pass a probe item's label, which the next frame replaces
    frames(3);  // auto-sized cards and tab bars settle over a couple of frames: click where things stay
    const bool found = reveal(label, window);
    if (!found) {
        std::string seen;
        for (const auto& it : ui::probe::items()) seen += "[" + it.label + " @" + it.window + " y" + std::to_string(int(it.y0)) + "-" + std::to_string(int(it.y1)) + (it.clipped ? " clipped" : "") + "] ";
        MESSAGE("on screen: " << seen);
    }
    REQUIRE_MESSAGE(found, "no item \"" << label << "\" on screen" << (window.empty() ? "" : " in " + window));
    const ui::probe::Item* it = ui::probe::find(label, window);
    const ImVec2 at((it->x0 + it->x1) * 0.5f, (it->y0 + it->y1) * 0.5f);
    ImGuiIO& io = ImGui::GetIO();
    io.AddMousePosEvent(at.x, at.y);
    frame();
    io.AddMouseButtonEvent(0, true);
    frame();
    io.AddMouseButtonEvent(0, false);
    frames(2);
}

void Harness::type(const std::string& utf8) {
    ImGui::GetIO().AddInputCharactersUTF8(utf8.c_str());
    frames(2);
}

void Harness::press(ImGuiKey key, ImGuiKey mod) {
    ImGuiIO& io = ImGui::GetIO();
    if (mod != ImGuiKey_None) io.AddKeyEvent(mod, true);
    io.AddKeyEvent(key, true);
    frame();
    io.AddKeyEvent(key, false);
    if (mod != ImGuiKey_None) io.AddKeyEvent(mod, false);
    frames(2);
}

void Harness::open(app::Page page) {
    m_session.ui().page = page;
    frames(2);
}

std::string Harness::last_action() const {
    const app::Store* s = m_session.store();
    return (s && !s->log().empty()) ? s->log().back() : std::string();
}

Pathway generated_pathway(int n, bool stacks) {
    Pathway p;
    p.id = "big";
    p.title = "Big";
    p.scale = {"One", "Two"};
    for (int i = 0; i < n; ++i) {
        Competency c;
        c.id = "c" + std::to_string(i);
        c.title = "Skill " + std::to_string(i);
        c.statement = "I can do " + std::to_string(i);
        c.subject = "Subject " + std::to_string((i / 10) % 4);
        c.levels = {LevelDef{{{"a", "x"}}, {}, {}, 0}, LevelDef{{{"a", "y"}}, {}, {}, 0}};
        if (i % 10) c.prerequisites.push_back({"c" + std::to_string(i - 1), 1});
        p.competencies.push_back(c);
    }
    for (int s = 0; stacks && s < n / 10; ++s) {
        Stack st;
        st.id = "s" + std::to_string(s);
        st.title = "Stack " + std::to_string(s);
        for (int k = 0; k < 10; ++k) st.members.push_back({StackMember::Kind::competency, "c" + std::to_string(s * 10 + k), 1});
        p.stacks.push_back(st);
    }
    return p;
}

}  // namespace mastery::testing
