// A headless ImGui app for tests: a real Session and Shell over NullServices, a fixed
// clock, fonts from the build's subset (or ImGui's default), no renderer. Clicks and
// typing go through ImGui's input queue like a user's; items are found by label.
#pragma once

#include "app/session.hpp"
#include "ui/item_probe.hpp"
#include "ui/shell.hpp"

#include <imgui.h>

#include <string>

namespace mastery::testing {

// A pathway of `n` competencies ("c0".."c<n-1>", two levels each) in chains of 10 over 4
// subjects, with one stack per chain when `stacks`.
Pathway generated_pathway(int n, bool stacks = true);

inline constexpr const char* kNow = "2026-11-22T10:00:00Z";

std::string read_file(const std::string& path);
std::string source_path(const std::string& relative);  // under the repository

class Harness {
public:
    explicit Harness(float width = 1280, float height = 800, float scale = 1.0f);
    ~Harness();
    Harness(const Harness&) = delete;

    void load_sample_record();                       // assets/records/sample-record.json
    void load_pathway(const std::string& relative);  // a fresh record on that pathway

    void frame(float dt = 1.0f / 60.0f);  // one NewFrame .. Render, dt seconds after the last
    void frames(int n);
    void finish_jobs();                   // frames until a long file task is done (one stage each)
    // Clicks the centre of the first visible item with this label (optionally in a window
    // whose name starts with `window`). Fails the test when it is not on screen.
    void click(const std::string& label, const std::string& window = "");
    bool has(const std::string& label, const std::string& window = "") const;
    // Scrolls the page (mouse wheel) until the item is on screen; false when it never is.
    bool reveal(const std::string& label, const std::string& window = "");
    void type(const std::string& utf8);   // characters into the focused text field
    void press(ImGuiKey key, ImGuiKey mod = ImGuiKey_None);
    void open(app::Page page);

    app::Session& session() { return m_session; }
    app::Store& store() { return *m_session.store(); }
    ui::Shell& shell() { return m_shell; }
    app::NullServices& services() { return m_services; }
    const LearnerRecord& record() { return m_session.store()->record(); }
    std::string last_action() const;  // the store's last log entry ("" when none)

private:
    ImGuiContext* m_ctx;
    app::NullServices m_services;
    app::Session m_session;
    ui::Shell m_shell;
    float m_scale;
};

}  // namespace mastery::testing
