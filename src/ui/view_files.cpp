// Saving and files. [SECTION] index: save state - notices - dialogs
#include "ui/view_files.hpp"

#include "app/strings.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

#include <imgui_internal.h>

#include <algorithm>
#include <cstdio>

namespace mastery::ui {

using app::fmt;
using app::S;
using app::SaveState;
using app::StorageProblem;
using app::tr;

// [SECTION] save state: always an icon and a word, never colour alone
void FilesView::draw_save_state(app::Session& s) {
    const app::Saving& sv = s.saving();
    Status icon = Status::earned;
    const char* word = tr(S::save_saved);
    const char* tip = tr(S::save_saved_tip);
    if (s.reviewing()) {
        icon = Status::locked;
        word = tr(S::save_not_here);
        tip = nullptr;
    } else if (sv.read_only) {
        icon = Status::locked;
        word = tr(S::save_read_only);
        tip = tr(S::read_only_banner);
    } else if (sv.state == SaveState::failed) {
        icon = Status::not_yet;
        word = tr(S::save_failed);
        tip = tr(S::save_failed_tip);
    } else if (sv.state == SaveState::saving) {
        icon = Status::submitted;  // the hourglass
        word = tr(S::save_saving);
        tip = nullptr;
    } else if (sv.state == SaveState::idle) {
        return;  // not saving on this device (tests without storage)
    }
    // icon_tag draws at the cursor: move it down to the buttons' text line
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + ImGui::GetStyle().FramePadding.y);
    ImGui::BeginGroup();
    icon_tag(icon, word);
    ImGui::EndGroup();
    if (tip && ImGui::IsItemHovered()) tooltip(tip);
}

// [SECTION] notices under the top bar
namespace {

void banner_text(const char* text, float right_reserve) {
    ImGui::PushTextWrapPos(std::max(em() * 10, ImGui::GetWindowContentRegionMax().x - right_reserve));
    ImGui::TextUnformatted(text);
    ImGui::PopTextWrapPos();
}

}  // namespace

float FilesView::draw_notices(app::Session& s, ViewContext& ctx, float top) {
    app::Saving& sv = s.saving_ui();
    const bool storage_problem = !s.reviewing() && !sv.read_only && sv.state == SaveState::failed && !sv.problem_seen;
    const bool read_only = !s.reviewing() && sv.read_only;
    const bool reminder = !storage_problem && !read_only && s.export_reminder_due();
    if (!storage_problem && !read_only && !s.reviewing() && !reminder) return 0;

    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const Palette& pal = palette();
    ImGui::SetNextWindowPos(ImVec2(vp->Pos.x, vp->Pos.y + top));
    ImGui::SetNextWindowSizeConstraints(ImVec2(vp->Size.x, 0), ImVec2(vp->Size.x, vp->Size.y * 0.4f));
    const ImU32 tint = storage_problem ? pal.warn : reminder ? pal.good : pal.plan_accent;
    ImGui::PushStyleColor(ImGuiCol_WindowBg, mix(ImGui::GetColorU32(ImGuiCol_WindowBg), tint, 0.22f));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(em() * 0.8f, em() * 0.5f));
    ImGui::Begin("##notices", nullptr, kPageFlags | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoScrollbar);
    ImGui::PopStyleVar();
    ImGui::PopStyleColor();

    if (s.reviewing()) {
        const app::ReviewSession& rs = s.review_session();
        icon_tag(Status::submitted, "");
        ImGui::SameLine();
        banner_text(fmt(S::mentor_banner_fmt, rs.store->record().learner_name.c_str(), rs.file_name.c_str()), em() * 2);
        if (primary_button(tr(S::mentor_save_reviews))) s.export_reviews();
        if (ImGui::IsItemHovered()) tooltip(tr(S::review_save_file_help));
        ImGui::SameLine();
        if (ImGui::Button(tr(S::mentor_close))) s.request_leave(app::LeaveAction::close_review);
        if (s.reviews_unsaved()) {  // said in words beside the buttons, not only when leaving
            ImGui::SameLine();
            ImGui::SetCursorPosY(ImGui::GetCursorPosY() + ImGui::GetStyle().FramePadding.y);  // the buttons' text line
            icon_tag(Status::not_yet, tr(S::reviews_unsaved));
        }
    } else if (reminder) {
        icon_tag(Status::available, "");
        ImGui::SameLine();
        banner_text(fmt(S::reminder_fmt, app::kExportReminderDays), em() * 2);
        if (primary_button(tr(S::reminder_save))) ctx.commands.export_record();
        ImGui::SameLine();
        if (ImGui::Button(tr(S::reminder_later))) s.snooze_export_reminder();
    } else if (read_only) {
        icon_tag(Status::locked, "");
        ImGui::SameLine();
        banner_text(tr(S::read_only_banner), em() * 2);
    } else {
        icon_tag(Status::not_yet, "");
        ImGui::SameLine();
        banner_text(tr(sv.problem == StorageProblem::full             ? S::banner_full
                       : sv.problem == StorageProblem::open_elsewhere ? S::banner_open_elsewhere
                                                                      : S::banner_unavailable),
                    em() * 2);
        if (primary_button(tr(S::banner_save_file))) ctx.commands.export_record();
        ImGui::SameLine();
        if (ImGui::Button(tr(S::banner_try_again))) s.save_now();
        ImGui::SameLine();
        if (ImGui::Button(tr(S::banner_hide))) sv.problem_seen = true;
    }
    const float h = ImGui::GetWindowHeight();
    ImGui::End();
    return h;
}

// [SECTION] progress of a long file task
namespace {

void close_popup(const char* name) {
    ImGuiContext& g = *ImGui::GetCurrentContext();
    const ImGuiID id = ImGui::GetID(name);
    for (int i = 0; i < g.OpenPopupStack.Size; ++i)
        if (g.OpenPopupStack[i].PopupId == id) {
            ImGui::ClosePopupToLevel(i, true);
            return;
        }
}

}  // namespace

bool FilesView::draw_job(app::Session& s) {
    const std::optional<app::Job>& job = s.job();
    if (!job || !job->show) {
        if (ImGui::IsPopupOpen("###busy")) close_popup("###busy");
        if (job) s.job_drawn();  // small: nothing to show, the next stage may run
        return false;
    }
    if (!ImGui::IsPopupOpen("###busy")) ImGui::OpenPopup("###busy");
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const float width = std::min(vp->Size.x * 0.92f, em() * 30);
    ImGui::SetNextWindowPos(vp->GetCenter(), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(width, 0));
    const std::string title = job->title + "###busy";
    bool cancel = false;
    if (ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoSavedSettings)) {
        ImGui::PushTextWrapPos(0.0f);
        if (!job->file_name.empty()) text_muted(fmt(S::job_file_fmt, job->file_name.c_str()));
        ImGui::TextUnformatted(fmt(S::job_step_fmt, job->step, job->steps, job->stage.c_str()));
        ImGui::PopTextWrapPos();
        char pct[16];
        std::snprintf(pct, sizeof pct, "%d%%", static_cast<int>(job->fraction * 100.0f + 0.5f));
        ImGui::ProgressBar(std::clamp(job->fraction, 0.0f, 1.0f), ImVec2(-FLT_MIN, em() * 1.4f), pct);
        if (job->cancellable) {
            ImGui::Spacing();
            text_muted(tr(S::job_cancel_hint));
            if (ImGui::Button(tr(S::cancel)) || ImGui::IsKeyPressed(ImGuiKey_Escape)) cancel = true;
        }
        ImGui::EndPopup();
        s.job_drawn();  // this frame shows the stage: its work may start after it is on screen
    }
    if (cancel) s.cancel_job();
    return true;
}

// [SECTION] dialogs
void FilesView::draw_dialogs(app::Session& s, ViewContext& ctx) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const float width = std::min(vp->Size.x * 0.92f, em() * 34);
    if (draw_job(s)) return;  // the other windows come back when the task is done

    // A mentor leaving a review whose reviews are not in a file yet.
    if (s.leave_pending() != app::LeaveAction::none && s.reviewing()) {
        if (!ImGui::IsPopupOpen("###leave")) ImGui::OpenPopup("###leave");
        const std::string title = std::string(tr(S::leave_title)) + "###leave";
        ImGui::SetNextWindowPos(vp->GetCenter(), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
        ImGui::SetNextWindowSize(ImVec2(width, 0));
        if (ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoSavedSettings)) {
            const std::string& who = s.review_session().store->record().learner_name;
            ImGui::PushTextWrapPos(0.0f);
            ImGui::TextUnformatted(fmt(S::leave_reviews_fmt, who.c_str(), who.c_str()));
            ImGui::PopTextWrapPos();
            ImGui::Spacing();
            int answer = -1;  // 0 stay, 1 leave, 2 save then leave
            if (primary_button(tr(S::leave_save_first))) answer = 2;
            ImGui::SameLine();
            if (ImGui::Button(tr(S::leave_anyway))) answer = 1;
            ImGui::SameLine();
            if (ImGui::Button(tr(S::leave_stay)) || ImGui::IsKeyPressed(ImGuiKey_Escape)) answer = 0;
            if (answer >= 0) {
                ImGui::CloseCurrentPopup();
                s.answer_leave(answer == 2, answer >= 1);
            }
            ImGui::EndPopup();
        }
        return;
    } else if (ImGui::IsPopupOpen("###leave")) {
        close_popup("###leave");
    }

    // The import preview: nothing changes until "yes".
    const auto& pending = s.pending_import();
    const char* import_id = pending && pending->is_reviews ? "###import_reviews" : "###import_record";
    if (pending && !ImGui::IsPopupOpen(import_id)) ImGui::OpenPopup(import_id);
    if (pending) {
        const std::string title = std::string(tr(pending->is_reviews ? S::import_title_reviews : S::import_title_record)) + import_id;
        ImGui::SetNextWindowPos(vp->GetCenter(), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
        ImGui::SetNextWindowSize(ImVec2(width, 0));
        if (ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoSavedSettings)) {
            ImGui::PushTextWrapPos(0.0f);
            if (!pending->file_name.empty()) text_muted(fmt(S::import_file_fmt, pending->file_name.c_str()));
            subheading(tr(S::import_will_change));
            for (const std::string& line : pending->lines) {
                ImGui::Bullet();
                ImGui::TextWrapped("%s", line.c_str());
            }
            ImGui::Spacing();
            if (!pending->is_reviews) text_muted(tr(S::import_undo_hint));
            ImGui::PopTextWrapPos();
            ImGui::Spacing();
            // a copy of the work that would be replaced, without leaving the dialog
            if (!pending->is_reviews && ctx.commands.export_record && ImGui::Button(tr(S::import_save_first))) ctx.commands.export_record();
            bool close = false;
            // reviews that are all here already: one "OK" (the merge still runs, and adds nothing)
            const S yes = pending->nothing_new ? S::ok : pending->is_reviews ? S::import_add_reviews : S::import_replace;
            if (primary_button(tr(yes))) {
                s.confirm_import();
                close = true;
            }
            if (!pending->nothing_new) ImGui::SameLine();
            if (!close && !pending->nothing_new && ImGui::Button(tr(S::cancel))) {
                s.cancel_import();
                close = true;
            }
            if (!close && ImGui::IsKeyPressed(ImGuiKey_Escape)) {
                s.cancel_import();
                close = true;
            }
            if (close) ImGui::CloseCurrentPopup();
            ImGui::EndPopup();
        }
    }

    // Stored data that did not open: say so in words, offer the raw data.
    app::Saving& sv = s.saving_ui();
    const bool recovery = !sv.set_aside_reasons.empty() && !sv.recovery_seen && !s.pending_import();
    if (recovery && !ImGui::IsPopupOpen("###recovery")) ImGui::OpenPopup("###recovery");
    if (recovery) {
        const std::string title = std::string(tr(S::recovery_title)) + "###recovery";
        ImGui::SetNextWindowPos(vp->GetCenter(), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
        ImGui::SetNextWindowSize(ImVec2(width, 0));
        if (ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoSavedSettings)) {
            ImGui::PushTextWrapPos(0.0f);
            ImGui::TextUnformatted(tr(sv.restored_from_backup ? S::recovery_backup : S::recovery_none));
            ImGui::Spacing();
            ImGui::TextUnformatted(tr(S::recovery_kept));
            text_muted(fmt(S::recovery_reason_fmt, sv.set_aside_reasons.front().c_str()));
            ImGui::PopTextWrapPos();
            ImGui::Spacing();
            if (ImGui::Button(tr(S::recovery_download))) s.services().download_set_aside();
            ImGui::SameLine();
            if (primary_button(tr(S::ok))) {
                sv.recovery_seen = true;
                ImGui::CloseCurrentPopup();
            }
            ImGui::EndPopup();
        }
    }
}

}  // namespace mastery::ui
