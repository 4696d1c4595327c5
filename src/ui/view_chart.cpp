// The chart view: a table of competency levels filled with badge stickers as they are earned.
#include "ui/view_chart.hpp"

#include "app/strings.hpp"
#include "ui/fonts.hpp"
#include "ui/theme.hpp"
#include "ui/badge_art.hpp"
#include "ui/view_studio.hpp"
#include "ui/widgets.hpp"

#include <algorithm>
#include <unordered_set>

namespace mastery::ui {

using app::fmt;
using app::S;
using app::tr;

namespace {

constexpr std::size_t kClipRows = 150;  // above this many rows, skip the ones far off screen

struct Group {
    std::string title;
    const Stack* stack = nullptr;
    std::vector<std::pair<int, int>> rows;  // (competency index, level the stack needs; 0 = none)
};

void stack_rows(const Pathway& p, const Stack& s, std::vector<std::pair<int, int>>& rows, std::unordered_set<std::string>& seen,
                std::unordered_set<std::string>& in_any) {
    if (!seen.insert(s.id).second) return;
    for (const StackMember& m : s.members) {
        if (m.kind == StackMember::Kind::competency) {
            for (int i = 0; i < static_cast<int>(p.competencies.size()); ++i)
                if (p.competencies[i].id == m.id) rows.push_back({i, m.level});
            in_any.insert(m.id);
        } else if (const Stack* inner = p.find_stack(m.id)) {
            stack_rows(p, *inner, rows, seen, in_any);
        }
    }
}

std::vector<Group> groups_of(const Pathway& p, bool by_stack) {
    std::vector<Group> out;
    if (by_stack) {
        std::unordered_set<std::string> in_any;
        for (const Stack& s : p.stacks) {
            Group g;
            g.title = s.title;
            g.stack = &s;
            std::unordered_set<std::string> seen;
            stack_rows(p, s, g.rows, seen, in_any);
            out.push_back(std::move(g));
        }
        Group rest;
        rest.title = tr(S::chart_not_in_stack);
        for (int i = 0; i < static_cast<int>(p.competencies.size()); ++i)
            if (!in_any.count(p.competencies[i].id)) rest.rows.push_back({i, 0});
        if (!rest.rows.empty()) out.push_back(std::move(rest));
        return out;
    }
    for (int i = 0; i < static_cast<int>(p.competencies.size()); ++i) {
        const std::string& subject = p.competencies[i].subject;
        auto it = std::find_if(out.begin(), out.end(), [&](const Group& g) { return g.title == subject; });
        if (it == out.end()) {
            out.push_back(Group{subject, nullptr, {}});
            it = out.end() - 1;
        }
        it->rows.push_back({i, 0});
    }
    return out;
}

}  // namespace

void ChartView::draw(ViewContext& ctx) {
    const Pathway& p = ctx.pathway();
    const Palette& pal = palette();
    drawn_cells = 0;
    if (!ImGui::Begin("My chart###chart", nullptr, kPageFlags)) {
        ImGui::End();
        return;
    }
    heading(tr(S::chart_title));
    int earned_total = 0;
    for (const Competency& c : p.competencies) earned_total += ctx.progress.earned_level(c.id);
    text_muted(earned_total > 1 ? fmt(S::chart_badges_fmt, earned_total) : earned_total == 1 ? tr(S::chart_badges_one) : tr(S::chart_no_badges));

    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr(S::chart_group_by));
    ImGui::SameLine();
    if (ImGui::RadioButton(tr(S::chart_by_subject), !by_stack)) by_stack = false;
    ImGui::SameLine();
    if (ImGui::RadioButton(tr(S::chart_by_stack), by_stack)) by_stack = true;
    if (earned_total > 0) {
        ImGui::SameLine(0, em() * 2);
        if (ImGui::Button(tr(S::studio_download_all))) download_all_badges(ctx);
    }

    int levels = static_cast<int>(p.scale.size());
    for (const Competency& c : p.competencies) levels = std::max(levels, level_count(p, c));
    levels = std::clamp(levels, 1, 12);

    const float row_h = em() * 4.0f;
        const ImGuiTableFlags flags = ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_BordersOuter | ImGuiTableFlags_BordersInnerV |
                                  ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY;
    if (ImGui::BeginTable("chart", levels + 1, flags, ImGui::GetContentRegionAvail())) {
        ImGui::TableSetupScrollFreeze(1, 1);
        ImGui::TableSetupColumn(tr(S::chart_competency), ImGuiTableColumnFlags_WidthFixed, em() * 16);
        for (int l = 1; l <= levels; ++l) {
            const std::string name = l <= static_cast<int>(p.scale.size()) ? p.scale[l - 1] : "Level " + std::to_string(l);
            ImGui::TableSetupColumn(name.c_str(), ImGuiTableColumnFlags_WidthStretch, 1.0f);
        }
        ImGui::TableNextRow(ImGuiTableRowFlags_Headers, ImGui::GetFrameHeight());
        for (int col = 0; col <= levels; ++col) {
            ImGui::TableSetColumnIndex(col);
            ImGui::PushFont(fonts().bold);
            ImGui::TableHeader(ImGui::TableGetColumnName(col));
            ImGui::PopFont();
        }

        // Large pathways (thousands of rows): rows well outside the visible part of the table
        // are not submitted; one empty row of their summed height keeps the scroll range.
        const std::vector<Group> groups = groups_of(p, by_stack);
        std::size_t row_count = 0;
        for (const Group& g : groups) row_count += g.rows.size() + 1;
        const bool clip = row_count > kClipRows;
        const float header_h = ImGui::GetFrameHeight() * 1.3f;
        const float view_top = ImGui::GetScrollY() - row_h, view_bottom = ImGui::GetScrollY() + ImGui::GetWindowHeight() + row_h;
        // (below the frozen header row ImGui places the cursor at the scrolled top: undo that)
        float row_y = ImGui::GetCursorPosY() - ImGui::GetScrollY(), skipped = 0;
        auto visible = [&](float h) {
            const bool on = !clip || (row_y + h >= view_top && row_y <= view_bottom);
            row_y += h;
            if (!on) {
                skipped += h;
                return false;
            }
            if (skipped > 0) {
                ImGui::TableNextRow(0, skipped);
                skipped = 0;
            }
            return true;
        };

        int group_id = 0;
        for (const Group& group : groups) {
            ImGui::PushID(group_id++);
            if (visible(header_h)) {
                ImGui::TableNextRow(0, header_h);
                ImGui::TableSetColumnIndex(0);
                ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, fade(pal.lane_bg, 0.9f));
                ImGui::PushFont(fonts().bold);
                ImGui::AlignTextToFramePadding();
                ImGui::TextUnformatted(group.title.empty() ? "-" : group.title.c_str());
                ImGui::PopFont();
                if (group.stack) {
                    const StackProgress& sp = ctx.progress.stack(group.stack->id);
                    ImGui::TableSetColumnIndex(1);
                    ImGui::AlignTextToFramePadding();
                    if (sp.complete) status_tag(Status::earned, true);
                    else ImGui::TextUnformatted(fmt(S::plan_stack_fmt, sp.done, sp.required));
                }
            }
            for (const auto& [ci, needed_level] : group.rows) {
                if (!visible(row_h)) continue;
                const Competency& c = p.competencies[ci];
                ImGui::PushID(ci);
                ImGui::TableNextRow(0, row_h);
                ImGui::TableSetColumnIndex(0);
                const float y0 = ImGui::GetCursorPosY();
                if (!c.code.empty()) {
                    ImGui::PushStyleColor(ImGuiCol_Text, pal.muted_text);
                    ImGui::TextUnformatted(c.code.c_str());
                    ImGui::PopStyleColor();
                } else {
                    ImGui::SetCursorPosY(y0 + em() * 0.5f);
                }
                ImGui::PushTextWrapPos(0);
                ImGui::TextUnformatted(c.title.c_str());
                ImGui::PopTextWrapPos();

                const int count = level_count(p, c);
                for (int l = 1; l <= levels; ++l) {
                    ImGui::TableSetColumnIndex(l);
                    if (l > count) {
                        ImGui::TextDisabled("%s", tr(S::chart_no_level));
                        continue;
                    }
                    ++drawn_cells;
                    const LevelStatus& ls = ctx.progress.level(c.id, l);
                    const ImVec2 pos = ImGui::GetCursorScreenPos();
                    const float w = ImGui::GetContentRegionAvail().x;
                    ImGui::PushID(l);
                    const std::string label = c.title + " \xc2\xb7 " + level_name(p, c, l);
                    if (ImGui::InvisibleButton(label.c_str(), ImVec2(w, row_h - ImGui::GetStyle().CellPadding.y * 2)))
                        ctx.ui.open_competency(c.id, l);
                    const bool hovered = ImGui::IsItemHovered();
                    ImGui::PopID();
                    ImDrawList* dl = ImGui::GetWindowDrawList();
                    const ImVec2 centre(pos.x + w * 0.5f, pos.y + (row_h - ImGui::GetStyle().CellPadding.y * 2) * 0.5f);
                    if (hovered) dl->AddRect(ImVec2(pos.x, pos.y), ImVec2(pos.x + w, pos.y + row_h - ImGui::GetStyle().CellPadding.y * 2),
                                             pal.node_hover, em() * 0.3f, 0, 2.0f);
                    if (needed_level == l)  // the level this stack asks for
                        dl->AddRect(ImVec2(pos.x + 2, pos.y + 2), ImVec2(pos.x + w - 2, pos.y + row_h - ImGui::GetStyle().CellPadding.y * 2 - 2),
                                    pal.plan_accent, em() * 0.3f, 0, 1.5f);
                    if (ls.status == Status::earned) {
                        draw_record_badge(dl, ImVec2(centre.x, centre.y - em() * 0.3f), em() * 1.45f, ctx.record, badge_key_for_level(c.id, l));
                    } else {
                        const float r = em() * 0.55f;
                        const ImU32 col = pal.status_color(ls.status);
                        draw_status_icon(dl, ImVec2(centre.x, centre.y - em() * 0.6f), r, ls.status, col);
                        const char* word = status_short(ls.status);
                        const ImVec2 ts = ImGui::CalcTextSize(word);
                        dl->AddText(ImVec2(centre.x - ts.x * 0.5f, centre.y + em() * 0.1f), col, word);
                    }
                    if (hovered) {
                        std::string tip = c.title + " \xc2\xb7 " + level_name(p, c, l) + "\n" + status_text(ls.status);
                        if (ls.status == Status::earned && !ls.earned_at.empty()) tip += " " + app::date_of(ls.earned_at);
                        tooltip(tip.c_str());
                    }
                }
                ImGui::PopID();
            }
            ImGui::PopID();
        }
        if (skipped > 0) ImGui::TableNextRow(0, skipped);
        ImGui::EndTable();
    }
    if (badge_art_pending()) ctx.ui.animating = true;
    ImGui::End();
}

}  // namespace mastery::ui
