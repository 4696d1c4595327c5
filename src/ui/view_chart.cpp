// The chart view: a table of competency levels filled with badge stickers as they are earned.
#include "ui/view_chart.hpp"

#include "app/strings.hpp"
#include "badge_export.hpp"
#include "mastery/chart.hpp"
#include "ui/fonts.hpp"
#include "ui/theme.hpp"
#include "ui/badge_art.hpp"
#include "ui/view_studio.hpp"
#include "ui/widgets.hpp"

#include <algorithm>

namespace mastery::ui {

using app::fmt;
using app::S;
using app::tr;

namespace {

constexpr std::size_t kClipRows = 150;  // above this many rows, skip the ones far off screen

// "Print my chart": the poster pages as PNG or SVG through the same download path as the
// badges; more than one page comes as one ZIP (browsers ask about many downloads).
void download_poster(ViewContext& ctx, bool by_stack, bool svg) {
    if (!icons_ready_for_download(ctx, earned_badge_keys(ctx.record, ctx.progress))) return;
    PosterOptions options;
    options.by_stack = by_stack;
    options.date = ctx.today;
    PosterWords& w = options.words;
    w.title = tr(S::chart_title);
    w.competency = tr(S::chart_competency);
    w.no_level = tr(S::chart_no_level);
    w.not_in_stack = tr(S::chart_not_in_stack);
    w.stack_progress_fmt = tr(S::plan_stack_fmt);
    w.stack_complete = tr(S::poster_stack_complete);
    w.earned_fmt = tr(S::poster_earned_fmt);
    w.page_fmt = tr(S::poster_page_fmt);
    w.footer = tr(S::poster_footer);
    w.only_started_fmt = tr(S::poster_only_started_fmt);
    w.more_fmt = tr(S::poster_more_fmt);
    const PosterFiles files = poster_files(ctx.record, ctx.progress, options, badge_glyphs(), &badge_icons(), !svg, svg, kPosterDpiApp);
    if (!files.error.empty() || files.files.empty()) {
        ctx.ui.say(fmt(S::chart_print_failed_fmt, files.error.c_str()), true);
        return;
    }
    const char* mime = svg ? "image/svg+xml" : "image/png";
    if (files.files.size() == 1) {
        const PosterFile& f = files.files.front();
        ctx.services.download_text(f.name, mime, std::string(f.data.begin(), f.data.end()));
        ctx.ui.say(fmt(S::studio_downloaded_fmt, f.name.c_str()));
        return;
    }
    std::vector<ZipEntry> entries;
    for (const PosterFile& f : files.files) entries.push_back({"my-chart/" + f.name, f.data});
    std::string error;
    const auto zip = zip_store(entries, &error);
    if (!zip) {
        ctx.ui.say(fmt(S::chart_print_failed_fmt, error.c_str()), true);
        return;
    }
    const std::string name = svg ? "my-chart-svg.zip" : "my-chart-png.zip";
    ctx.services.download_text(name, "application/zip", std::string(zip->begin(), zip->end()));
    ctx.ui.say(fmt(S::chart_printed_pages_fmt, name.c_str(), int(files.poster.pages.size())));
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
    ImGui::SameLine(0, em() * 2);
    if (ImGui::Button(tr(S::chart_print))) ImGui::OpenPopup("print_chart");
    if (earned_total > 0) {
        ImGui::SameLine();
        if (ImGui::Button(tr(S::studio_download_all))) download_all_badges(ctx);
    }
    if (ImGui::BeginPopup("print_chart")) {
        ImGui::PushTextWrapPos(em() * 24);
        ImGui::TextUnformatted(tr(S::chart_print_help));
        ImGui::PopTextWrapPos();
        ImGui::Spacing();
        if (primary_button(tr(S::chart_print_png), ImVec2(0, em() * 2.2f))) {
            download_poster(ctx, by_stack, false);
            ImGui::CloseCurrentPopup();
        }
        ImGui::SameLine();
        if (ImGui::Button(tr(S::chart_print_svg), ImVec2(0, em() * 2.2f))) {
            download_poster(ctx, by_stack, true);
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }

    const int levels = chart_columns(p);

    const float row_h = em() * 4.0f;
        const ImGuiTableFlags flags = ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_BordersOuter | ImGuiTableFlags_BordersInnerV |
                                  ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY;
    if (ImGui::BeginTable("chart", levels + 1, flags, ImGui::GetContentRegionAvail())) {
        ImGui::TableSetupScrollFreeze(1, 1);
        ImGui::TableSetupColumn(tr(S::chart_competency), ImGuiTableColumnFlags_WidthFixed, em() * 16);
        for (int l = 1; l <= levels; ++l) {
            const std::string name = chart_column_name(p, l);
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
        const std::vector<ChartGroup> groups = chart_groups(p, by_stack, tr(S::chart_not_in_stack));
        std::size_t row_count = 0;
        for (const ChartGroup& g : groups) row_count += g.rows.size() + 1;
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
        for (const ChartGroup& group : groups) {
            ImGui::PushID(group_id++);
            if (visible(header_h)) {
                ImGui::TableNextRow(0, header_h);
                ImGui::TableSetColumnIndex(0);
                ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, fade(pal.lane_bg, 0.9f));
                ImGui::PushFont(fonts().bold);
                ImGui::AlignTextToFramePadding();
                ImGui::TextUnformatted(group.title.empty() ? "-" : group.title.c_str());
                ImGui::PopFont();
                if (!group.stack.empty()) {
                    const StackProgress& sp = ctx.progress.stack(group.stack);
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
