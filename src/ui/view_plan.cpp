// The plan view. [SECTION] index: goals - add-goal popup - next steps - stacks - timeline
#include "ui/view_plan.hpp"

#include "app/strings.hpp"
#include "ui/fonts.hpp"
#include "ui/theme.hpp"
#include "ui/badge_art.hpp"
#include "ui/view_studio.hpp"
#include "ui/widgets.hpp"

#include <imgui_stdlib.h>

#include <algorithm>
#include <cctype>

namespace mastery::ui {

using app::fmt;
using app::S;
using app::tr;

namespace {

Status step_icon(StepKind k) {
    switch (k) {
        case StepKind::start: return Status::available;
        case StepKind::continue_work: return Status::in_progress;
        case StepKind::revise: return Status::not_yet;
        case StepKind::wait_for_review: return Status::submitted;
        case StepKind::prerequisite: return Status::locked;
    }
    return Status::available;
}

const char* step_word(StepKind k) {
    switch (k) {
        case StepKind::start: return tr(S::step_start);
        case StepKind::continue_work: return tr(S::step_continue);
        case StepKind::revise: return tr(S::step_revise);
        case StepKind::wait_for_review: return tr(S::step_wait);
        case StepKind::prerequisite: return tr(S::step_prerequisite);
    }
    return "";
}

bool has_goal(const LearnerRecord& r, const std::string& target) {
    return std::any_of(r.plan.begin(), r.plan.end(), [&](const Goal& g) { return g.target == target; });
}

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

}  // namespace

void PlanView::draw(ViewContext& ctx) {
    if (!ImGui::Begin("My plan###plan", nullptr, kPageFlags)) {
        ImGui::End();
        return;
    }
    touch_scroll(ctx.ui);
    const bool wide = ImGui::GetContentRegionAvail().x >= em() * 52;
    if (wide && ImGui::BeginTable("plan_columns", 2, ImGuiTableFlags_SizingStretchSame | ImGuiTableFlags_PadOuterX)) {
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(0);
        draw_goals(ctx);
        ImGui::TableSetColumnIndex(1);
        draw_next_steps(ctx);
        ImGui::Spacing();
        draw_stacks(ctx);
        ImGui::EndTable();
        ImGui::Spacing();
        draw_timeline(ctx);
    } else {
        draw_goals(ctx);
        ImGui::Spacing();
        draw_next_steps(ctx);
        ImGui::Spacing();
        draw_stacks(ctx);
        ImGui::Spacing();
        draw_timeline(ctx);
    }
    draw_add_popup(ctx);
    ImGui::End();
}

// [SECTION] goals
void PlanView::draw_goals(ViewContext& ctx) {
    const Pathway& p = ctx.pathway();
    const Palette& pal = palette();
    heading(tr(S::plan_goals));
    if (primary_button(tr(S::plan_add_goal))) {
        open_add = true;
        add_target.clear();
        add_filter.clear();
        add_date.clear();
        add_level = 1;
    }
    if (ctx.record.plan.empty()) text_muted(tr(S::plan_no_goals));

    const int count = static_cast<int>(ctx.record.plan.size());
    for (int gi = 0; gi < count; ++gi) {
        const Goal& goal = ctx.record.plan[gi];
        ImGui::PushID(goal.id.c_str());
        begin_card("goal");
        const GoalProgress gp = ctx.progress.goal(goal, ctx.today);
        const Competency* c = goal.kind == Goal::Kind::competency ? p.find_competency(goal.target) : nullptr;
        const Stack* st = goal.kind == Goal::Kind::stack ? p.find_stack(goal.target) : nullptr;

        // badge, title, target
        if (c) level_badge_item(ctx.record, *c, std::max(1, ctx.progress.earned_level(c->id)), ctx.progress.earned_level(c->id) > 0, em() * 1.3f);
        else if (st) stack_badge_item(ctx.record, *st, gp.complete, em() * 1.3f);
        ImGui::SameLine();
        ImGui::BeginGroup();
        std::string title = c ? c->title : st ? fmt(S::plan_stack_goal_fmt, st->title.c_str()) : goal.target;
        ImGui::PushFont(fonts().bold);
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + std::max(em() * 8, ImGui::GetContentRegionAvail().x - em() * 11));
        ImGui::TextUnformatted(title.c_str());
        ImGui::PopTextWrapPos();
        ImGui::PopFont();
        if (c) {
            ImGui::TextUnformatted(("\xe2\x86\x92 " + level_name(p, *c, goal.target_level)).c_str());  // → Proficient
        }
        if (!goal.target_date.empty()) {
            ImGui::SameLine();
            if (gp.overdue) text_wrapped_colored(pal.warn, (std::string(fmt(S::plan_by_fmt, goal.target_date.c_str())) + ": " + tr(S::plan_overdue)).c_str());
            else text_muted(fmt(S::plan_by_fmt, goal.target_date.c_str()));
        }
        ImGui::EndGroup();

        // buttons on the right of the first line
        const float bw = ImGui::GetFrameHeight() * 1.2f;
        ImGui::SameLine(std::max(ImGui::GetCursorPosX(), ImGui::GetWindowContentRegionMax().x - (bw * 4 + ImGui::GetStyle().ItemSpacing.x * 3)));
        ImGui::BeginDisabled(gi == 0);
        if (ImGui::Button("\xe2\x86\x91###up", ImVec2(bw, 0))) ctx.dispatch(Action{MoveGoal{goal.id, gi - 1}, ""});
        ImGui::EndDisabled();
        if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) tooltip(tr(S::plan_move_up));
        ImGui::SameLine();
        ImGui::BeginDisabled(gi + 1 >= count);
        if (ImGui::Button("\xe2\x86\x93###down", ImVec2(bw, 0))) ctx.dispatch(Action{MoveGoal{goal.id, gi + 1}, ""});
        ImGui::EndDisabled();
        if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) tooltip(tr(S::plan_move_down));
        ImGui::SameLine();
        if (ImGui::Button("\xe2\x9c\x8e###edit", ImVec2(bw, 0))) {  // ✎ (falls back to '?' if missing)
            edit_goal = goal.id;
            edit_level = goal.target_level;
            edit_date = goal.target_date;
        }
        if (ImGui::IsItemHovered()) tooltip(tr(S::edit));
        ImGui::SameLine();
        if (ImGui::Button("\xe2\x9c\x95###remove", ImVec2(bw, 0))) ctx.dispatch(Action{RemoveGoal{goal.id}, ""});
        if (ImGui::IsItemHovered()) tooltip(tr(S::remove));

        // progress
        const float fraction = gp.total > 0 ? float(gp.done) / float(gp.total) : 0.0f;
        const char* overlay = gp.complete ? tr(S::plan_goal_done)
                                          : fmt(goal.kind == Goal::Kind::stack ? S::plan_goal_members_fmt : S::plan_goal_levels_fmt, gp.done, gp.total);
        progress_bar(fraction, overlay, c ? -ImGui::GetFrameHeight() * 3.2f : -1.0f);
        if (c) {
            ImGui::SameLine();
            if (ImGui::Button(tr(S::open), ImVec2(-1, 0))) ctx.ui.open_competency(c->id, 0);
        }

        if (edit_goal == goal.id) {
            ImGui::Separator();
            if (c) {
                ImGui::AlignTextToFramePadding();
                ImGui::TextUnformatted(tr(S::plan_target_level));
                ImGui::SameLine();
                ImGui::SetNextItemWidth(em() * 10);
                if (ImGui::BeginCombo("##level", level_name(p, *c, edit_level).c_str())) {
                    for (int l = 1; l <= level_count(p, *c); ++l)
                        if (ImGui::Selectable(level_name(p, *c, l).c_str(), l == edit_level)) edit_level = l;
                    ImGui::EndCombo();
                }
            }
            ImGui::AlignTextToFramePadding();
            ImGui::TextUnformatted(tr(S::plan_target_date));
            ImGui::SameLine();
            ImGui::SetNextItemWidth(em() * 8);
            ImGui::InputTextWithHint("##date", tr(S::plan_date_hint), &edit_date, ImGuiInputTextFlags_CharsNoBlank);
            if (primary_button(tr(S::save))) {
                if (ctx.dispatch(Action{SetGoalTarget{goal.id, c ? edit_level : 0, edit_date}, ""}).ok) edit_goal.clear();
            }
            ImGui::SameLine();
            if (ImGui::Button(tr(S::cancel))) edit_goal.clear();
        }
        end_card();
        ImGui::PopID();
    }
}

// [SECTION] add-goal popup
void PlanView::draw_add_popup(ViewContext& ctx) {
    const Pathway& p = ctx.pathway();
    if (open_add) {
        ImGui::OpenPopup("###add_goal");
        open_add = false;
    }
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    ImGui::SetNextWindowPos(ImVec2(display.x * 0.5f, display.y * 0.5f), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(std::min(display.x * 0.95f, em() * 34), std::min(display.y * 0.9f, em() * 30)), ImGuiCond_Appearing);
    bool open = true;
    if (!ImGui::BeginPopupModal(app::fmt_raw("%s###add_goal", tr(S::plan_add_title)), &open, ImGuiWindowFlags_NoSavedSettings)) return;
    if (ImGui::RadioButton(tr(S::plan_add_skill), !add_stack)) { add_stack = false; add_target.clear(); }
    ImGui::SameLine();
    if (ImGui::RadioButton(tr(S::plan_add_stack), add_stack)) { add_stack = true; add_target.clear(); }
    ImGui::SetNextItemWidth(-1);
    ImGui::InputTextWithHint("##filter", tr(S::plan_filter_hint), &add_filter);
    const std::string q = lower(add_filter);

    const float footer = ImGui::GetFrameHeightWithSpacing() * (add_stack ? 2.3f : 3.4f);
    if (ImGui::BeginListBox("##choices", ImVec2(-1, std::max(em() * 5, ImGui::GetContentRegionAvail().y - footer)))) {
        touch_scroll(ctx.ui);
        if (add_stack) {
            for (const Stack& s : p.stacks) {
                if (!q.empty() && lower(s.title).find(q) == std::string::npos) continue;
                const bool planned = has_goal(ctx.record, s.id);
                const StackProgress& sp = ctx.progress.stack(s.id);
                std::string label = s.title + "  (" + fmt(S::plan_stack_fmt, sp.done, sp.required) + ")";
                if (planned) label += "  \xe2\x98\x85";
                if (ImGui::Selectable(label.c_str(), add_target == s.id)) add_target = s.id;
            }
        } else {
            std::string last_subject = "\x01";
            for (const Competency& c : p.competencies) {
                if (!q.empty() && lower(c.title).find(q) == std::string::npos && lower(c.code).find(q) == std::string::npos) continue;
                if (c.subject != last_subject) {
                    ImGui::PushFont(fonts().bold);
                    ImGui::TextDisabled("%s", c.subject.c_str());
                    ImGui::PopFont();
                    last_subject = c.subject;
                }
                std::string label = "  " + c.title;
                if (has_goal(ctx.record, c.id)) label += "  \xe2\x98\x85";
                if (ImGui::Selectable(label.c_str(), add_target == c.id)) {
                    add_target = c.id;
                    add_level = std::clamp(ctx.progress.earned_level(c.id) + 1, 1, std::max(1, level_count(p, c)));
                }
            }
        }
        ImGui::EndListBox();
    }
    const Competency* chosen = add_stack ? nullptr : p.find_competency(add_target);
    if (chosen) {
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(tr(S::plan_target_level));
        ImGui::SameLine();
        ImGui::SetNextItemWidth(em() * 10);
        if (ImGui::BeginCombo("##level", level_name(p, *chosen, add_level).c_str())) {
            for (int l = 1; l <= level_count(p, *chosen); ++l)
                if (ImGui::Selectable(level_name(p, *chosen, l).c_str(), l == add_level)) add_level = l;
            ImGui::EndCombo();
        }
    }
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr(S::plan_target_date));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(em() * 8);
    ImGui::InputTextWithHint("##date", tr(S::plan_date_hint), &add_date, ImGuiInputTextFlags_CharsNoBlank);

    const bool already = !add_target.empty() && has_goal(ctx.record, add_target);
    ImGui::BeginDisabled(add_target.empty() || already);
    if (primary_button(already ? tr(S::plan_already) : tr(S::plan_add))) {
        AddGoal g;
        g.kind = add_stack ? Goal::Kind::stack : Goal::Kind::competency;
        g.target = add_target;
        g.target_level = add_stack ? 1 : add_level;
        g.target_date = add_date;
        if (ctx.dispatch(Action{g, ""}).ok) ImGui::CloseCurrentPopup();
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button(tr(S::cancel))) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

// [SECTION] next steps
void PlanView::draw_next_steps(ViewContext& ctx) {
    const Palette& pal = palette();
    heading(tr(S::plan_next_steps));
    const std::vector<NextStep> steps = next_steps(ctx.record, ctx.progress, 8);
    if (steps.empty()) text_muted(tr(S::plan_no_next_steps));
    int i = 0;
    for (const NextStep& s : steps) {
        ImGui::PushID(i++);
        begin_card("step");
        const Status icon = step_icon(s.kind);
        const float size = em() * 1.4f;
        const ImVec2 pos = ImGui::GetCursorScreenPos();
        ImGui::Dummy(ImVec2(size, size));
        draw_status_icon(ImGui::GetWindowDrawList(), ImVec2(pos.x + size * 0.5f, pos.y + size * 0.5f), size * 0.5f, icon, pal.status_color(icon));
        ImGui::SameLine();
        ImGui::BeginGroup();
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + std::max(em() * 8, ImGui::GetContentRegionAvail().x - em() * 4.5f));
        ImGui::PushStyleColor(ImGuiCol_Text, pal.status_color(icon));
        ImGui::TextUnformatted(step_word(s.kind));
        ImGui::PopStyleColor();
        ImGui::PushFont(fonts().bold);
        ImGui::TextUnformatted(s.title.c_str());
        ImGui::PopFont();
        if (!s.reason.empty()) {
            ImGui::PushStyleColor(ImGuiCol_Text, pal.muted_text);
            ImGui::TextUnformatted(s.reason.c_str());
            ImGui::PopStyleColor();
        }
        ImGui::PopTextWrapPos();
        ImGui::EndGroup();
        ImGui::SameLine(std::max(ImGui::GetCursorPosX(), ImGui::GetWindowContentRegionMax().x - em() * 3.6f));
        if (ImGui::Button(tr(S::go), ImVec2(em() * 3.6f, 0))) ctx.ui.open_competency(s.competency, s.level);
        end_card();
        ImGui::PopID();
    }
}

// [SECTION] stacks
void PlanView::draw_stacks(ViewContext& ctx) {
    const Pathway& p = ctx.pathway();
    if (p.stacks.empty()) return;
    heading(tr(S::plan_stacks));
    for (const Stack& s : p.stacks) {
        ImGui::PushID(s.id.c_str());
        const StackProgress& sp = ctx.progress.stack(s.id);
        stack_badge_item(ctx.record, s, sp.complete, em() * 1.1f);
        ImGui::SameLine();
        ImGui::BeginGroup();
        ImGui::PushFont(fonts().bold);
        ImGui::TextUnformatted(s.title.c_str());
        ImGui::PopFont();
        const float fraction = sp.required > 0 ? float(sp.done) / float(sp.required) : 0.0f;
        progress_bar(fraction, sp.complete ? tr(S::plan_stack_complete) : fmt(S::plan_stack_fmt, sp.done, sp.required));
        ImGui::EndGroup();
        if (ImGui::IsItemHovered() && !s.description.empty()) tooltip(s.description.c_str());
        badge_actions(ctx, badge_key_for_stack(s.id), sp.complete);
        ImGui::PopID();
    }
}

// [SECTION] timeline: levels earned over time, one step per level
void PlanView::draw_timeline(ViewContext& ctx) {
    const Pathway& p = ctx.pathway();
    const Palette& pal = palette();
    heading(tr(S::plan_timeline));
    struct Point { long day; std::string label; int subject; };
    std::vector<Point> points;
    for (const Competency& c : p.competencies) {
        for (int l = 1; l <= level_count(p, c); ++l) {
            const LevelStatus& ls = ctx.progress.level(c.id, l);
            if (ls.status != Status::earned || ls.earned_at.empty()) continue;
            points.push_back({days_between("2000-01-01", ls.earned_at), c.title + " \xc2\xb7 " + level_name(p, c, l) + "  (" + app::date_of(ls.earned_at) + ")",
                              subject_index(p, c.subject)});
        }
    }
    if (points.empty()) {
        text_muted(tr(S::plan_timeline_empty));
        return;
    }
    std::stable_sort(points.begin(), points.end(), [](const Point& a, const Point& b) { return a.day < b.day; });
    const float w = ImGui::GetContentRegionAvail().x, h = em() * 8;
    const ImVec2 a = ImGui::GetCursorScreenPos();
    ImGui::InvisibleButton("##timeline", ImVec2(std::max(w, em() * 10), h + em() * 1.5f));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float left = a.x + em() * 2, right = a.x + w - em(), top = a.y + em() * 0.5f, bottom = a.y + h;
    dl->AddRectFilled(ImVec2(a.x, a.y), ImVec2(a.x + w, bottom + em() * 1.5f), pal.card_bg, em() * 0.4f);
    dl->AddLine(ImVec2(left, bottom), ImVec2(right, bottom), pal.arrow, 1.5f);
    dl->AddLine(ImVec2(left, top), ImVec2(left, bottom), pal.arrow, 1.5f);
    const long d0 = points.front().day, d1 = std::max(points.back().day, d0 + 1);
    const int total = static_cast<int>(points.size());
    auto px = [&](long d) { return left + (right - left) * float(d - d0) / float(d1 - d0); };
    auto py = [&](int k) { return bottom - (bottom - top) * float(k) / float(total); };
    ImVec2 prev(left, bottom);
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    int hovered = -1;
    for (int k = 0; k < total; ++k) {
        const ImVec2 pt(px(points[k].day), py(k + 1));
        dl->AddLine(prev, ImVec2(pt.x, prev.y), pal.good, 2.5f);
        dl->AddLine(ImVec2(pt.x, prev.y), pt, pal.good, 2.5f);
        prev = pt;
    }
    for (int k = 0; k < total; ++k) {
        const ImVec2 pt(px(points[k].day), py(k + 1));
        dl->AddCircleFilled(pt, em() * 0.32f, pal.subject_color(points[k].subject));
        dl->AddCircle(pt, em() * 0.32f, pal.badge_ring, 12, 1.5f);
        if (ImGui::IsItemHovered() && (mouse.x - pt.x) * (mouse.x - pt.x) + (mouse.y - pt.y) * (mouse.y - pt.y) < em() * em()) hovered = k;
    }
    char count[16];
    std::snprintf(count, sizeof count, "%d", total);
    dl->AddText(ImVec2(a.x + em() * 0.4f, top - em() * 0.3f), pal.muted_text, count);
    dl->AddText(ImVec2(a.x + em() * 0.6f, bottom - em()), pal.muted_text, "0");
    const std::string first = points.front().label.substr(points.front().label.rfind('(') + 1, 10);
    const std::string last = points.back().label.substr(points.back().label.rfind('(') + 1, 10);
    dl->AddText(ImVec2(left, bottom + em() * 0.2f), pal.muted_text, first.c_str());
    const float lw = ImGui::CalcTextSize(last.c_str()).x;
    if (last != first) dl->AddText(ImVec2(right - lw, bottom + em() * 0.2f), pal.muted_text, last.c_str());
    if (hovered >= 0) tooltip(points[hovered].label.c_str());
}

}  // namespace mastery::ui
