// The settings view. Prefs change through set_prefs (saved on this device only); the
// learner's name changes through the SetLearnerName action like any other record change.
#include "ui/view_settings.hpp"

#include "app/strings.hpp"
#include "ui/fonts.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

#include <imgui_stdlib.h>

#include <algorithm>

namespace mastery::ui {

using app::fmt;
using app::S;
using app::tr;

void SettingsView::draw(ViewContext& ctx) {
    if (!ImGui::Begin("Settings###settings", nullptr, kPageFlags)) {
        ImGui::End();
        return;
    }
    touch_scroll(ctx.ui);
    const float width = std::min(ImGui::GetContentRegionAvail().x, em() * 40);
    heading(tr(S::settings_title));

    // You
    begin_card("you", width);
    subheading(tr(S::settings_you));
    if (name_for != ctx.record.id + ctx.record.learner_name) {
        name_for = ctx.record.id + ctx.record.learner_name;
        name_draft = ctx.record.learner_name;
    }
    ImGui::TextUnformatted(tr(S::settings_name));
    ImGui::SetNextItemWidth(em() * 16);
    const bool enter = ImGui::InputText("##name", &name_draft, ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::SameLine();
    ImGui::BeginDisabled(name_draft == ctx.record.learner_name);
    if ((primary_button(tr(S::save)) || enter) && name_draft != ctx.record.learner_name) ctx.dispatch(Action{SetLearnerName{name_draft}, ""});
    ImGui::EndDisabled();
    text_muted(tr(S::settings_name_help));
    end_card();

    // How it looks
    app::Prefs prefs = ctx.prefs;
    begin_card("look", width);
    subheading(tr(S::settings_look));
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr(S::settings_scale));
    ImGui::SameLine();
    const float square = ImGui::GetFrameHeight() * 1.3f;
    if (ImGui::Button("\xe2\x88\x92###smaller", ImVec2(square, 0))) {
        prefs.ui_scale = std::max(app::kMinScale, prefs.ui_scale - 10);
        ctx.set_prefs(prefs);
    }
    ImGui::SameLine();
    if (!ImGui::IsItemActive() && scale_draft == 0) scale_draft = prefs.ui_scale;
    ImGui::SetNextItemWidth(em() * 12);
    int value = scale_draft ? scale_draft : prefs.ui_scale;
    ImGui::SliderInt("##scale", &value, app::kMinScale, app::kMaxScale, "%d%%", ImGuiSliderFlags_AlwaysClamp);
    value = (value + 5) / 10 * 10;
    scale_draft = value;
    if (ImGui::IsItemDeactivatedAfterEdit()) {
        prefs.ui_scale = value;
        ctx.set_prefs(prefs);
        scale_draft = 0;
    } else if (!ImGui::IsItemActive()) {
        scale_draft = 0;
    }
    ImGui::SameLine();
    if (ImGui::Button("+###bigger", ImVec2(square, 0))) {
        prefs.ui_scale = std::min(app::kMaxScale, prefs.ui_scale + 10);
        ctx.set_prefs(prefs);
    }

    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr(S::settings_theme));
    const std::pair<app::Theme, S> themes[3] = {{app::Theme::light, S::theme_light}, {app::Theme::dark, S::theme_dark},
                                                 {app::Theme::high_contrast, S::theme_high_contrast}};
    for (const auto& [theme, word] : themes) {
        ImGui::SameLine();
        if (choice_button(tr(word), ctx.prefs.theme == theme) && ctx.prefs.theme != theme) {
            prefs.theme = theme;
            ctx.set_prefs(prefs);
        }
    }
    bool reduced = ctx.prefs.reduced_motion;
    if (ImGui::Checkbox(tr(S::settings_motion), &reduced)) {
        prefs = ctx.prefs;
        prefs.reduced_motion = reduced;
        ctx.set_prefs(prefs);
    }
    text_muted(tr(S::settings_motion_help));
    text_muted(tr(S::settings_prefs_note));
    end_card();

    // My work
    begin_card("work", width);
    subheading(tr(S::settings_work));
    text_muted(tr(S::settings_work_help));
    if (ctx.commands.export_record && primary_button(tr(S::menu_export))) ctx.commands.export_record();
    ImGui::SameLine();
    if (ctx.commands.import_record && ImGui::Button(tr(S::menu_import))) ctx.commands.import_record();
    if (ctx.commands.load_sample && ImGui::Button(tr(S::menu_sample))) ctx.commands.load_sample();
    end_card();

    // Records on this device (the switcher)
    if (ctx.commands.records) {
        if (ImGui::IsWindowAppearing() && ctx.commands.refresh_records) ctx.commands.refresh_records();
        begin_card("records", width);
        subheading(tr(S::records_title));
        text_muted(tr(S::records_help));
        if (ctx.commands.records->size() <= 1) text_muted(tr(S::records_none));
        else
            for (const app::StoredRecordInfo& r : *ctx.commands.records) {
                ImGui::PushID(r.id.c_str());
                ImGui::Separator();
                ImGui::PushFont(fonts().bold);
                ImGui::TextWrapped("%s", fmt(S::records_row_fmt, r.learner.c_str(), r.pathway.c_str()));
                ImGui::PopFont();
                text_muted(fmt(S::records_saved_fmt, app::date_of(r.saved_at).c_str()));
                if (r.id == ctx.record.id) icon_tag(Status::earned, tr(S::records_current));
                else if (ImGui::Button(tr(S::records_open)) && ctx.commands.open_record) ctx.commands.open_record(r.id);
                ImGui::PopID();
            }
        end_card();
    }

    // Pathway
    begin_card("pathway", width);
    subheading(tr(S::settings_pathway));
    ImGui::TextWrapped("%s", fmt(S::settings_pathway_fmt, ctx.pathway().title.c_str()));
    bool ask = false;
    if (ctx.commands.pathways) {
        for (const PathwayIndexEntry& e : *ctx.commands.pathways) {
            ImGui::PushID(e.file.c_str());
            ImGui::Separator();
            ImGui::PushFont(fonts().bold);
            ImGui::TextWrapped("%s", e.title.c_str());
            ImGui::PopFont();
            if (!e.description.empty()) text_muted(e.description.c_str());
            if (ImGui::Button(tr(S::menu_start))) {
                confirm_pathway = e.file;
                ask = true;
            }
            ImGui::PopID();
        }
    }
    if (ask) ImGui::OpenPopup("###confirm_pathway");
    if (ImGui::BeginPopupModal(app::fmt_raw("%s###confirm_pathway", tr(S::menu_pathways)), nullptr,
                               ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings)) {
        std::string title = confirm_pathway;
        if (ctx.commands.pathways)
            for (const PathwayIndexEntry& e : *ctx.commands.pathways)
                if (e.file == confirm_pathway) title = e.title;
        ImGui::PushTextWrapPos(em() * 26);
        ImGui::TextUnformatted(fmt(S::menu_new_record_confirm, title.c_str()));
        ImGui::PopTextWrapPos();
        if (primary_button(tr(S::menu_start))) {
            if (ctx.commands.choose_pathway) ctx.commands.choose_pathway(confirm_pathway);
            ImGui::CloseCurrentPopup();
        }
        ImGui::SameLine();
        if (ImGui::Button(tr(S::cancel))) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
    end_card();
    ImGui::End();
}

}  // namespace mastery::ui
