// The shell: the top bar (pages, learner, "More" menu), the current page, the message bar,
// and the startup windows (loading, a pathway that failed to open). Views are drawn from
// a flat list; each reads the session's state and changes it only through dispatch.
#pragma once

#include "app/session.hpp"
#include "ui/view_chart.hpp"
#include "ui/view_competency.hpp"
#include "ui/view_files.hpp"
#include "ui/view_map.hpp"
#include "ui/view_plan.hpp"
#include "ui/view_review.hpp"
#include "ui/view_settings.hpp"
#include "ui/view_studio.hpp"

namespace mastery::ui {

class Shell {
public:
    explicit Shell(app::Session& session) : m_session(session) {}

    // One frame of UI, between ImGui::NewFrame() and ImGui::Render().
    void draw();

    // Call before ImGui::NewFrame() with the seconds since the previous frame. ImGui's
    // timers assume a frame every 1/60 s; with frames drawn only on input, the mouse-wheel
    // lock (0.7 s) would expire inside the next frame, too late for a click arriving in that
    // same frame, which ImGui then swallows (a tap on a tab right after scrolling).
    static void before_frame(float seconds_since_last_frame);

    // The pixel scale fonts and style should be built for (UI scale x devicePixelRatio).
    static float pixel_scale(const app::Prefs& prefs, float device_pixel_ratio);

    MapView map;
    ChartView chart;
    PlanView plan;
    CompetencyView competency;
    ReviewView review;
    SettingsView settings;
    FilesView files;
    StudioView studio;

private:
    void draw_top_bar(ViewContext& ctx);
    void draw_message_bar(app::UiState& ui);
    void draw_startup();
    void shortcuts();
    ViewContext context();

    app::Session& m_session;
    float m_top_height = 0;      // last frame's heights: the page fills what is left
    float m_message_height = 0;
    float m_notice_height = 0;   // banners under the top bar (storage, another tab, mentor)
};

}  // namespace mastery::ui
