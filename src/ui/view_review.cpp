// The review view. [SECTION] index: queue - form header - reviewer - criteria beside the
// evidence - feedback and save
#include "ui/view_review.hpp"

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

void ReviewView::draw(ViewContext& ctx) {
    if (!ImGui::Begin("Review###review", nullptr, kPageFlags)) {
        ImGui::End();
        return;
    }
    const Pathway& p = ctx.pathway();
    const float avail = ImGui::GetContentRegionAvail().x;
    const bool wide = avail >= em() * 48;
    const float queue_w = wide ? em() * 17 : avail;

    const Competency* c = p.find_competency(ctx.ui.review_competency);
    const bool waiting = c && ctx.progress.status_of(c->id, ctx.ui.review_level) == Status::submitted;
    if (wide || !waiting) {
        ImGui::BeginChild("queue", ImVec2(queue_w, wide ? 0 : ImGui::GetContentRegionAvail().y), ImGuiChildFlags_Border);
        touch_scroll(ctx.ui);
        draw_queue(ctx, queue_w);
        ImGui::EndChild();
        if (wide) ImGui::SameLine();
    }
    if (waiting) {
        ImGui::BeginChild("form", ImVec2(0, 0), ImGuiChildFlags_None);
        touch_scroll(ctx.ui);
        if (!wide && ImGui::Button((std::string("\xe2\x86\x90 ") + tr(S::nav_back)).c_str())) ctx.ui.review_competency.clear();
        draw_form(ctx, *c, ctx.ui.review_level);
        ImGui::EndChild();
    } else if (wide) {
        ImGui::BeginChild("form", ImVec2(0, 0));
        text_muted(tr(S::review_pick));
        ImGui::EndChild();
    }
    ImGui::End();
}

// [SECTION] queue: every level waiting for review, oldest first
void ReviewView::draw_queue(ViewContext& ctx, float) {
    const Pathway& p = ctx.pathway();
    heading(tr(S::review_queue));
    struct Item { const LevelWork* work; std::string at; };
    std::vector<Item> items;
    for (const LevelWork& w : ctx.record.work)
        if (!w.submissions.empty() && ctx.progress.status_of(w.competency, w.level) == Status::submitted)
            items.push_back({&w, w.submissions.back().at});
    std::stable_sort(items.begin(), items.end(), [](const Item& a, const Item& b) { return a.at < b.at; });
    if (items.empty()) text_muted(tr(S::review_queue_empty));
    for (const Item& it : items) {
        const Competency* c = p.find_competency(it.work->competency);
        if (!c) continue;
        ImGui::PushID(it.work->competency.c_str());
        ImGui::PushID(it.work->level);
        const bool selected = ctx.ui.review_competency == c->id && ctx.ui.review_level == it.work->level;
        const std::string label = c->title + " \xc2\xb7 " + level_name(p, *c, it.work->level);
        if (ImGui::Selectable(label.c_str(), selected, 0, ImVec2(0, 0))) {
            ctx.ui.review_competency = c->id;
            ctx.ui.review_level = it.work->level;
        }
        text_muted(fmt(S::review_item_fmt, app::date_of(it.at).c_str(), it.work->submissions.back().attempt));
        ImGui::Separator();
        ImGui::PopID();
        ImGui::PopID();
    }
}

// [SECTION] the form
void ReviewView::draw_form(ViewContext& ctx, const Competency& c, int level) {
    const Pathway& p = ctx.pathway();
    const Palette& pal = palette();
    const LevelDef& def = c.levels[level - 1];
    const LevelWork* work = ctx.record.find_work(c.id, level);
    if (!work || work->submissions.empty()) return;
    const Submission& sub = work->submissions.back();
    const std::string key = c.id + "#" + std::to_string(level) + "#" + std::to_string(sub.attempt);
    if (draft_key != key) {
        draft_key = key;
        decisions.assign(def.criteria.size(), Rating::unrated);
        comments.assign(def.criteria.size(), "");
        feedback.clear();
    }

    heading((c.title + " \xc2\xb7 " + level_name(p, c, level)).c_str());
    text_muted((ctx.record.learner_name + "  \xc2\xb7  " + fmt(S::comp_attempt_fmt, sub.attempt, app::date_of(sub.at).c_str())).c_str());
    if (!sub.note.empty()) {
        ImGui::PushFont(fonts().bold);
        ImGui::TextUnformatted(tr(S::review_student_note));
        ImGui::PopFont();
        ImGui::TextWrapped("%s", sub.note.c_str());
    }

    // [SECTION] reviewer: remembered on this device (prefs), never in the student's file
    app::Prefs prefs = ctx.prefs;
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr(S::review_who));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(em() * 11);
    if (ImGui::InputText("##reviewer", &prefs.reviewer_name)) ctx.set_prefs(prefs);
    ImGui::SameLine();
    ImGui::TextUnformatted(tr(S::review_role));
    ImGui::SameLine();
    const std::pair<const char*, S> roles[3] = {{"teacher", S::role_teacher}, {"mentor", S::role_mentor}, {"peer", S::role_peer}};
    for (const auto& [id, word] : roles) {
        if (ImGui::RadioButton(tr(word), prefs.reviewer_role == id)) {
            prefs.reviewer_role = id;
            ctx.set_prefs(prefs);
        }
        ImGui::SameLine();
    }
    ImGui::NewLine();

    // [SECTION] criteria beside the evidence
    const bool wide = ImGui::GetContentRegionAvail().x >= em() * 40;
    if (ImGui::BeginTable("review_layout", wide ? 2 : 1, ImGuiTableFlags_SizingStretchSame | ImGuiTableFlags_BordersInnerV)) {
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(0);
        heading(tr(S::review_criteria));
        for (std::size_t k = 0; k < def.criteria.size(); ++k) {
            const Criterion& cr = def.criteria[k];
            ImGui::PushID(cr.id.c_str());
            begin_card("criterion");
            ImGui::TextWrapped("%s", cr.text.c_str());
            Rating self = Rating::unrated;
            for (const SelfAssessment& sa : sub.self_assessment)
                if (sa.criterion == cr.id) self = sa.rating;
            text_muted((std::string(tr(S::comp_you_said)) + ": " +
                        (self == Rating::met ? tr(S::comp_self_met) : self == Rating::not_yet ? tr(S::comp_self_not_yet) : tr(S::comp_self_unrated))).c_str());
            const float bw = em() * 6.5f;
            if (choice_button(tr(S::rating_met), decisions[k] == Rating::met, bw)) decisions[k] = Rating::met;
            ImGui::SameLine();
            if (choice_button(tr(S::rating_not_yet), decisions[k] == Rating::not_yet, bw)) decisions[k] = Rating::not_yet;
            if (decisions[k] == Rating::not_yet) {
                ImGui::SetNextItemWidth(-1);
                ImGui::InputTextWithHint("##comment", tr(S::review_comment_hint), &comments[k]);
            }
            end_card();
            ImGui::PopID();
        }
        if (wide) ImGui::TableSetColumnIndex(1);
        else ImGui::Spacing();
        heading(tr(S::review_evidence));
        const Submission* before = work->submissions.size() >= 2 ? &work->submissions[work->submissions.size() - 2] : nullptr;
        for (int part = 0; part < 3; ++part) {
            bool any = false;
            for (const Evidence& e : work->evidence) {
                if (static_cast<int>(e.part) != part || std::find(sub.evidence.begin(), sub.evidence.end(), e.id) == sub.evidence.end()) continue;
                if (!any) {
                    subheading(part == 0 ? tr(S::comp_part_overview) : part == 1 ? tr(S::comp_part_artifact) : tr(S::comp_part_reflection));
                    any = true;
                }
                ImGui::PushID(e.id.c_str());
                begin_card("evidence");
                if (before && std::find(before->evidence.begin(), before->evidence.end(), e.id) == before->evidence.end())
                    text_wrapped_colored(pal.plan_accent, (std::string("\xe2\x98\x85 ") + tr(S::comp_new_since)).c_str());
                if (e.kind == EvidenceKind::link) link_button((e.text.empty() ? e.url : e.text).c_str(), e.url, ctx.services);
                if (e.kind == EvidenceKind::image) {
                    const app::Thumbnail t = ctx.services.thumbnail(ctx.record.id + ":" + e.id + ":" + std::to_string(e.bytes.size()), e.mime, e.bytes);
                    if (t.texture && t.width > 0) {
                        const float k = std::min(em() * 14 / t.width, em() * 10 / t.height);
                        ImGui::Image(t.texture, ImVec2(t.width * k, t.height * k));
                    } else {
                        text_muted(t.failed ? tr(S::image_broken) : tr(S::image_loading));
                    }
                }
                if (e.kind != EvidenceKind::link && !e.text.empty()) ImGui::TextWrapped("%s", e.text.c_str());
                end_card();
                ImGui::PopID();
            }
        }
        ImGui::EndTable();
    }

    // [SECTION] feedback and save
    heading(tr(S::review_feedback));
    ImGui::InputTextMultiline("##feedback", &feedback, ImVec2(-1, em() * 4.5f));
    if (feedback.empty()) {
        // a hint inside the empty box (InputTextMultiline has none)
        const ImVec2 a = ImGui::GetItemRectMin();
        ImGui::GetWindowDrawList()->AddText(ImVec2(a.x + ImGui::GetStyle().FramePadding.x, a.y + ImGui::GetStyle().FramePadding.y),
                                            ImGui::GetColorU32(ImGuiCol_TextDisabled), tr(S::review_feedback_hint));
    }
    const int undecided = static_cast<int>(std::count(decisions.begin(), decisions.end(), Rating::unrated));
    const int not_yet = static_cast<int>(std::count(decisions.begin(), decisions.end(), Rating::not_yet));
    const bool named = !ctx.prefs.reviewer_name.empty();
    if (undecided) text_muted(fmt(S::review_undecided_fmt, undecided));
    else if (!named) text_wrapped_colored(pal.warn, tr(S::review_need_name));
    else if (not_yet) icon_tag(Status::not_yet, fmt(S::review_will_not_yet_fmt, not_yet));
    else icon_tag(Status::earned, tr(S::review_will_earn));

    ImGui::BeginDisabled(undecided > 0 || !named);
    if (primary_button(tr(S::review_save), ImVec2(em() * 12, em() * 2.4f))) {
        RecordReview r;
        r.competency = c.id;
        r.level = level;
        r.reviewer = ctx.prefs.reviewer_name;
        r.role = ctx.prefs.reviewer_role;
        r.feedback = feedback;
        for (std::size_t k = 0; k < def.criteria.size(); ++k) r.decisions.push_back({def.criteria[k].id, decisions[k], comments[k]});
        if (ctx.dispatch(Action{r, ""}).ok) {
            ctx.ui.say(tr(not_yet ? S::review_saved_not_yet : S::review_saved_earned));
            draft_key.clear();
            ctx.ui.review_competency.clear();
        }
    }
    ImGui::EndDisabled();
}

}  // namespace mastery::ui
