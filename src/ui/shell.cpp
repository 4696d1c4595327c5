// The shell. [SECTION] index: context - frame - top bar and menu - message bar - startup
#include "ui/shell.hpp"

#include "app/strings.hpp"
#include "ui/fonts.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

#include <imgui_internal.h>

#include <algorithm>
#include <cctype>

namespace mastery::ui {

using app::fmt;
using app::Page;
using app::S;
using app::tr;

float Shell::pixel_scale(const app::Prefs& prefs, float dpr) {
    return std::clamp(dpr, 0.5f, 4.0f) * std::clamp(prefs.ui_scale, app::kMinScale, app::kMaxScale) / 100.0f;
}

void Shell::before_frame(float seconds) {
    ImGuiContext& g = *ImGui::GetCurrentContext();
    if (g.WheelingWindow && seconds >= g.WheelingWindowReleaseTimer) {
        g.WheelingWindow = nullptr;
        g.WheelingWindowReleaseTimer = 0.0f;
    }
}

// [SECTION] context
ViewContext Shell::context() {
    app::Session& s = m_session;
    std::shared_ptr<const app::Snapshot> snap = s.store()->snapshot();
    ViewContext ctx{snap->record,
                    *snap->progress,
                    s.ui(),
                    s.prefs(),
                    s.services(),
                    [&s](Action a) { return s.dispatch(std::move(a)); },
                    [&s](const app::Prefs& p) { s.set_prefs(p); },
                    s.today(),
                    s.now(),
                    {},
                    snap};
    ctx.commands.export_record = [&s] { s.export_to_file(); };
    ctx.commands.start_job = [&s](app::Job job) { return s.start_job(std::move(job)); };
    ctx.commands.import_record = [&s] { s.services().pick_record_file(app::FilePurpose::import_into_my_work); };
    // a mentor opening the next student's file: first "leave without saving the reviews?"
    ctx.commands.open_for_review = [&s] {
        if (s.reviewing()) s.request_leave(app::LeaveAction::open_other_for_review);
        else s.services().pick_record_file(app::FilePurpose::open_for_review);
    };
    ctx.commands.load_sample = [&s] { s.load_sample(); };
    if (!s.reviewing()) {  // a fresh record would replace the student's file being reviewed
        ctx.commands.choose_pathway = [&s](const std::string& file) { s.choose_pathway(file); };
        ctx.commands.pathways = &s.startup().index;
    }
    if (s.uses_storage() && !s.reviewing()) {
        ctx.commands.refresh_records = [&s] { s.request_stored_list(); };
        ctx.commands.open_record = [&s](const std::string& id) { s.open_stored(id); };
        ctx.commands.records = &s.stored_list();
    }
    return ctx;
}

// [SECTION] frame
void Shell::draw() {
    if (!m_session.store()) {
        draw_startup();
        files.draw_job(m_session);  // a file dropped on the startup problem page
        return;
    }
    ViewContext ctx = context();
    ctx.ui.animating = false;
    shortcuts();

    const ImGuiViewport* vp = ImGui::GetMainViewport();
    draw_top_bar(ctx);
    m_notice_height = files.draw_notices(m_session, ctx, m_top_height);
    draw_message_bar(ctx.ui);

    const float top = m_top_height + m_notice_height, bottom = m_message_height;
    ImGui::SetNextWindowPos(ImVec2(vp->Pos.x, vp->Pos.y + top));
    ImGui::SetNextWindowSize(ImVec2(vp->Size.x, std::max(50.0f, vp->Size.y - top - bottom)));
    // Re-read after the menu: an import or undo may have replaced the record this frame.
    ViewContext page = context();
    switch (page.ui.page) {
        case Page::map: map.draw(page); break;
        case Page::chart: chart.draw(page); break;
        case Page::plan: plan.draw(page); break;
        case Page::competency: competency.draw(page); break;
        case Page::review: review.draw(page); break;
        case Page::settings: settings.draw(page); break;
        case Page::studio: studio.draw(page); break;
    }
    files.draw_dialogs(m_session, page);
}

void Shell::shortcuts() {
    const ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput || ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId)) return;
    if (m_session.ui().page == Page::studio) return;  // the studio has its own undo (view_studio.cpp)
    if (ImGui::IsKeyChordPressed(ImGuiMod_Ctrl | ImGuiKey_Z)) m_session.undo();
    if (ImGui::IsKeyChordPressed(ImGuiMod_Ctrl | ImGuiKey_Y) || ImGui::IsKeyChordPressed(ImGuiMod_Ctrl | ImGuiMod_Shift | ImGuiKey_Z))
        m_session.redo();
}

// [SECTION] top bar and menu
namespace {

bool nav_button(const char* label, bool active) {
    const Palette& pal = palette();
    if (active) {
        ImGui::PushStyleColor(ImGuiCol_Button, pal.primary);
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, pal.primary_hover);
        ImGui::PushStyleColor(ImGuiCol_ButtonActive, pal.primary_active);
        ImGui::PushStyleColor(ImGuiCol_Text, pal.primary_text);
    }
    ImGui::PushFont(fonts().bold);
    const bool pressed = ImGui::Button(label);
    ImGui::PopFont();
    if (active) {
        ImGui::PopStyleColor(4);
        // an underline as well: the current page never relies on colour alone
        const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
        ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(a.x + 4, b.y + 2), ImVec2(b.x - 4, b.y + 5), pal.plan_accent, 2.0f);
    }
    return pressed;
}

}  // namespace

void Shell::draw_top_bar(ViewContext& ctx) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const Palette& pal = palette();
    ImGui::SetNextWindowPos(vp->Pos);
    ImGui::SetNextWindowSizeConstraints(ImVec2(vp->Size.x, 0), ImVec2(vp->Size.x, vp->Size.y * 0.5f));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(em() * 0.6f, em() * 0.45f));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ImGui::GetStyleColorVec4(ImGuiCol_MenuBarBg));
    ImGui::Begin("##topbar", nullptr, kPageFlags | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoScrollbar);
    ImGui::PopStyleColor();

    // brand
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float r = ImGui::GetFrameHeight() * 0.5f;
    ImGui::Dummy(ImVec2(r * 2, r * 2));
    BadgeLook brand{"M", 0, pal.subject_color(0), true};
    draw_badge(ImGui::GetWindowDrawList(), ImVec2(at.x + r, at.y + r * 0.92f), r * 0.9f, brand);
    ImGui::SameLine();
    if (ImGui::GetContentRegionAvail().x > em() * 40) {
        ImGui::AlignTextToFramePadding();
        ImGui::PushFont(fonts().bold);
        ImGui::TextUnformatted(tr(S::app_title));
        ImGui::PopFont();
        ImGui::SameLine(0, em() * 1.2f);
    }

    const int waiting = ctx.progress.waiting_for_review();
    const Page page = ctx.ui.page == Page::competency ? ctx.ui.back_page : ctx.ui.page;
    const std::string review_label = waiting ? std::string(tr(S::nav_review)) + " (" + std::to_string(waiting) + ")###nav_review"
                                             : std::string(tr(S::nav_review)) + "###nav_review";
    const std::pair<Page, std::string> tabs[5] = {{Page::map, tr(S::nav_map)}, {Page::chart, tr(S::nav_chart)},
                                                  {Page::plan, tr(S::nav_plan)}, {Page::review, review_label},
                                                  {Page::settings, tr(S::nav_settings)}};
    bool first = true;
    for (const auto& [target, label] : tabs) {
        if (!first) {
            ImGui::SameLine();
            if (ImGui::GetContentRegionAvail().x < ImGui::CalcTextSize(label.c_str(), nullptr, true).x + em() * 2) ImGui::NewLine();
        }
        first = false;
        if (nav_button(label.c_str(), page == target && ctx.ui.page != Page::competency)) {
            ctx.ui.page = target;
            ctx.ui.message.clear();
        }
    }

    ImGui::SameLine(0, em() * 1.2f);
    files.draw_save_state(m_session);

    // learner and the "More" menu on the right
    const std::string hello = fmt(m_session.reviewing() ? S::hello_reviewing_fmt : S::hello_fmt, ctx.record.learner_name.c_str());
    const float more_w = ImGui::CalcTextSize(tr(S::nav_menu)).x + ImGui::GetStyle().FramePadding.x * 2 + em() * 1.2f;
    const float hello_w = ImGui::CalcTextSize(hello.c_str()).x;
    ImGui::SameLine();
    const float right = ImGui::GetWindowContentRegionMax().x;
    if (ImGui::GetCursorPosX() + hello_w + more_w + em() * 2 < right) {
        ImGui::SetCursorPosX(right - hello_w - more_w - ImGui::GetStyle().ItemSpacing.x);
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(hello.c_str());
        ImGui::SameLine();
    } else if (ImGui::GetCursorPosX() + more_w > right) {
        ImGui::NewLine();
    }
    if (ImGui::Button((std::string(tr(S::nav_menu)) + " \xe2\x96\xbe###more").c_str())) ImGui::OpenPopup("more_menu");
    if (ImGui::BeginPopup("more_menu")) {
        app::Store* store = m_session.store();
        if (ImGui::MenuItem(tr(S::menu_undo), "Ctrl+Z", false, store && store->can_undo())) m_session.undo();
        if (ImGui::MenuItem(tr(S::menu_redo), "Ctrl+Y", false, store && store->can_redo())) m_session.redo();
        ImGui::Separator();
        const bool own = !m_session.reviewing();
        if (ImGui::MenuItem(tr(S::menu_export))) ctx.commands.export_record();
        if (ImGui::MenuItem(tr(S::menu_import), nullptr, false, own)) ctx.commands.import_record();
        if (ImGui::MenuItem(tr(S::menu_open_for_review))) ctx.commands.open_for_review();
        if (ImGui::MenuItem(tr(S::menu_sample), nullptr, false, own)) ctx.commands.load_sample();
        ImGui::Separator();
        if (ImGui::MenuItem(tr(S::menu_pathways))) ctx.ui.page = Page::settings;
        ImGui::EndPopup();
    }
    m_top_height = ImGui::GetWindowHeight();
    ImGui::End();
    ImGui::PopStyleVar();
}

// [SECTION] message bar
void Shell::draw_message_bar(app::UiState& ui) {
    if (ui.message.empty()) {
        m_message_height = 0;
        return;
    }
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const Palette& pal = palette();
    ImGui::SetNextWindowPos(ImVec2(vp->Pos.x, vp->Pos.y + vp->Size.y), ImGuiCond_Always, ImVec2(0, 1));
    ImGui::SetNextWindowSizeConstraints(ImVec2(vp->Size.x, 0), ImVec2(vp->Size.x, vp->Size.y * 0.4f));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, mix(ImGui::GetColorU32(ImGuiCol_WindowBg), ui.message_is_error ? pal.warn : pal.good, 0.16f));
    ImGui::Begin("##message", nullptr, kPageFlags | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoScrollbar);
    ImGui::PopStyleColor();
    icon_tag(ui.message_is_error ? Status::not_yet : Status::earned, "");
    ImGui::SameLine();
    ImGui::PushTextWrapPos(ImGui::GetWindowContentRegionMax().x - em() * 5);
    ImGui::TextUnformatted(ui.message.c_str());
    ImGui::PopTextWrapPos();
    ImGui::SameLine(std::max(ImGui::GetCursorPosX(), ImGui::GetWindowContentRegionMax().x - em() * 4));
    if (ImGui::Button(tr(S::ok), ImVec2(em() * 4, 0))) ui.message.clear();
    m_message_height = ImGui::GetWindowHeight();
    ImGui::End();
}

// [SECTION] startup: loading, or the validator's messages (never a crash)
void Shell::draw_startup() {
    const app::Startup& st = m_session.startup();
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + vp->Size.x * 0.5f, vp->Pos.y + vp->Size.y * 0.45f), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSizeConstraints(ImVec2(std::min(vp->Size.x * 0.9f, em() * 20), 0), ImVec2(std::min(vp->Size.x * 0.95f, em() * 44), vp->Size.y * 0.9f));
    const bool failed = st.phase == app::StartPhase::failed;
    ImGui::Begin(failed ? "Problem###startup" : "Loading###startup", nullptr,
                 ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_AlwaysAutoResize |
                     ImGuiWindowFlags_NoSavedSettings);
    if (!failed) {
        heading(tr(S::app_title));
        ImGui::TextUnformatted(tr(S::loading));
    } else {
        heading(tr(S::load_failed_title));
        ImGui::PushTextWrapPos(em() * 40);
        text_muted(st.failed_url.c_str());
        ImGui::TextUnformatted(tr(S::load_failed_body));
        ImGui::BeginChild("problems", ImVec2(em() * 40, std::min(em() * 16, em() * (1.6f * float(st.problems.size()) + 1.0f))), ImGuiChildFlags_Border);
        for (const std::string& p : st.problems) {
            ImGui::Bullet();
            ImGui::TextWrapped("%s", p.c_str());
        }
        ImGui::EndChild();
        ImGui::PopTextWrapPos();
        if (!st.requested.empty() && primary_button(tr(S::load_try_default))) m_session.start("", m_session.uses_storage());
    }
    ImGui::End();
}

}  // namespace mastery::ui
