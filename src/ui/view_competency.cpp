// The competency view. [SECTION] index: header - level tabs - status banner - rubric and
// self-assessment - resources - evidence (three parts) - submit - history of attempts
#include "ui/view_competency.hpp"

#include "app/strings.hpp"
#include "ui/fonts.hpp"
#include "ui/item_probe.hpp"
#include "ui/theme.hpp"
#include "ui/view_studio.hpp"
#include "ui/badge_art.hpp"
#include "ui/widgets.hpp"

#include <imgui_stdlib.h>

#include <algorithm>

namespace mastery::ui {

using app::fmt;
using app::S;
using app::tr;

namespace {

bool is_open(Status s) { return s == Status::available || s == Status::in_progress || s == Status::not_yet; }

const char* part_title(EvidencePart p) {
    switch (p) {
        case EvidencePart::overview: return tr(S::comp_part_overview);
        case EvidencePart::artifact: return tr(S::comp_part_artifact);
        case EvidencePart::reflection: return tr(S::comp_part_reflection);
    }
    return "";
}

const std::vector<std::string>& prompts_of(const LevelDef& def, EvidencePart p) {
    switch (p) {
        case EvidencePart::overview: return def.evidence.overview;
        case EvidencePart::artifact: return def.evidence.artifacts;
        case EvidencePart::reflection: return def.evidence.reflection;
    }
    return def.evidence.overview;
}

const char* rating_word(Rating r) {
    switch (r) {
        case Rating::met: return tr(S::rating_met);
        case Rating::not_yet: return tr(S::rating_not_yet);
        case Rating::unrated: return tr(S::rating_unrated);
    }
    return "";
}

Rating self_rating(const LevelWork* w, const std::string& criterion) {
    if (!w) return Rating::unrated;
    for (const SelfAssessment& s : w->self_assessment)
        if (s.criterion == criterion) return s.rating;
    return Rating::unrated;
}

}  // namespace

void CompetencyView::draw(ViewContext& ctx) {
    const Pathway& p = ctx.pathway();
    if (!ImGui::Begin("Skill###competency", nullptr, kPageFlags)) {
        ImGui::End();
        return;
    }
    touch_scroll(ctx.ui);
    if (ImGui::Button((std::string("\xe2\x86\x90 ") + tr(S::nav_back)).c_str())) ctx.ui.page = ctx.ui.back_page;
    const Competency* c = p.find_competency(ctx.ui.competency);
    if (!c) {
        text_muted(tr(S::comp_not_found));
        ImGui::End();
        return;
    }
    const int count = level_count(p, *c);
    if (shown_competency != c->id) {
        shown_competency = c->id;
        shown_level = 0;
    }
    // A request from elsewhere (map, chart, plan) picks the tab once; then the tab bar rules.
    int want = 0;
    if (ctx.ui.level > 0) want = std::clamp(ctx.ui.level, 1, std::max(1, count));
    else if (ctx.ui.level == 0 || shown_level == 0) want = current_level(ctx.progress, p, *c);

    draw_header(ctx, *c);

    // [SECTION] level tabs
    ImGui::Spacing();
    if (ImGui::BeginTabBar("levels", ImGuiTabBarFlags_FittingPolicyScroll)) {
        for (int l = 1; l <= count; ++l) {
            const Status st = ctx.progress.status_of(c->id, l);
            const std::string label = level_name(p, *c, l) + " \xc2\xb7 " + status_short(st);
            ImGuiTabItemFlags flags = (want == l) ? ImGuiTabItemFlags_SetSelected : 0;
            const bool open_tab = ImGui::BeginTabItem(fmt(S::comp_level_tab_fmt, label.c_str(), l), nullptr, flags);
            probe::label_last_item(label.c_str());
            if (open_tab) {
                shown_level = l;
                ImGui::EndTabItem();
            }
        }
        ImGui::EndTabBar();
    }
    ctx.ui.level = -1;  // the request was applied; the tab bar remembers the choice
    if (shown_level >= 1 && shown_level <= count) draw_level(ctx, *c, shown_level);
    ImGui::End();
}

// [SECTION] header
void CompetencyView::draw_header(ViewContext& ctx, const Competency& c) {
    const Pathway& p = ctx.pathway();
    const Palette& pal = palette();
    const int earned = ctx.progress.earned_level(c.id);
    level_badge_item(ctx.record, c, std::max(1, earned), earned > 0, em() * 2.2f);
    ImGui::SameLine();
    ImGui::BeginGroup();
    std::string meta = c.code;
    for (const std::string* s : {&c.subject, &c.strand, &c.grade_band})
        if (!s->empty()) meta += (meta.empty() ? "" : "  \xc2\xb7  ") + *s;
    if (!meta.empty()) text_muted(meta.c_str());
    heading(c.title.c_str());
    ImGui::PushFont(fonts().bold);
    text_wrapped_colored(ImGui::GetColorU32(ImGuiCol_Text), c.statement.c_str());
    ImGui::PopFont();
    const bool planned = std::any_of(ctx.record.plan.begin(), ctx.record.plan.end(), [&](const Goal& g) { return g.target == c.id; });
    if (planned) {
        ImGui::PushStyleColor(ImGuiCol_Text, pal.plan_accent);
        ImGui::TextUnformatted((std::string("\xe2\x98\x85 ") + tr(S::comp_in_plan)).c_str());
        ImGui::PopStyleColor();
    } else if (ImGui::Button(tr(S::comp_add_to_plan))) {
        AddGoal g;
        g.target = c.id;
        g.target_level = level_count(p, c);
        ctx.dispatch(Action{g, ""});
    }
    ImGui::EndGroup();

    if (!c.prerequisites.empty()) {
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(tr(S::comp_needs));
        for (const Prerequisite& q : c.prerequisites) {
            const Competency* pc = p.find_competency(q.competency);
            if (!pc) continue;
            ImGui::SameLine();
            const bool met = ctx.progress.earned_level(q.competency) >= q.min_level;
            const std::string label = std::string(met ? "\xe2\x9c\x93 " : "") + pc->title + " \xc2\xb7 " + level_name(p, *pc, q.min_level);
            if (ImGui::GetContentRegionAvail().x < ImGui::CalcTextSize(label.c_str()).x + em() * 2) ImGui::NewLine();
            ImGui::PushID(q.competency.c_str());
            if (ImGui::Button(label.c_str())) ctx.ui.open_competency(pc->id, q.min_level);
            ImGui::PopID();
        }
    }
    if (!c.related.empty()) {
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(tr(S::comp_related));
        for (const std::string& r : c.related) {
            const Competency* rc = p.find_competency(r);
            if (!rc) continue;
            ImGui::SameLine();
            if (ImGui::GetContentRegionAvail().x < ImGui::CalcTextSize(rc->title.c_str()).x + em() * 2) ImGui::NewLine();
            ImGui::PushID(r.c_str());
            if (ImGui::Button(rc->title.c_str())) ctx.ui.open_competency(rc->id, 0);
            ImGui::PopID();
        }
    }
}

// [SECTION] one level: banner, rubric, resources, evidence, submit, history
void CompetencyView::draw_level(ViewContext& ctx, const Competency& c, int level) {
    const Palette& pal = palette();
    const LevelDef& def = c.levels[level - 1];
    const LevelStatus& ls = ctx.progress.level(c.id, level);
    const LevelWork* work = ctx.record.find_work(c.id, level);
    const bool open = is_open(ls.status);
    const std::string key = c.id + "#" + std::to_string(level);
    if (draft_key != key) {
        draft = Draft{};
        draft_key = key;
        editing.clear();
    }
    ImGui::PushID(key.c_str());

    // banner
    begin_card("banner");
    status_tag(ls.status);
    if (ls.status != Status::locked) {  // on the status line, so the page below does not move
        ImGui::SameLine(0, em() * 1.5f);
        badge_actions(ctx, badge_key_for_level(c.id, level), ls.status == Status::earned);
    }
    switch (ls.status) {
        case Status::locked:
            if (!ls.missing.empty()) {
                std::string list;
                for (const std::string& m : ls.missing) list += (list.empty() ? "" : ", ") + m;
                ImGui::TextWrapped("%s", fmt(S::comp_locked_fmt, list.c_str()));
            } else {
                ImGui::TextWrapped("%s", tr(S::comp_locked_prev));
            }
            break;
        case Status::submitted:
            ImGui::TextWrapped("%s", tr(S::comp_waiting));
            if (ImGui::Button(tr(S::comp_review_now))) ctx.ui.open_review(c.id, level);
            break;
        case Status::not_yet: {
            ImGui::TextWrapped("%s", tr(S::comp_not_yet_banner));
            if (work && !work->reviews.empty()) {
                const Review& r = work->reviews.back();
                for (const CriterionDecision& d : r.decisions) {
                    if (d.rating != Rating::not_yet || d.comment.empty()) continue;
                    text_wrapped_colored(pal.status_color(Status::not_yet), fmt(S::comp_next_step_fmt, d.comment.c_str()));
                }
                if (!r.feedback.empty()) {
                    ImGui::PushFont(fonts().bold);
                    ImGui::TextUnformatted(tr(S::comp_how_to_grow));
                    ImGui::PopFont();
                    ImGui::SameLine();
                    ImGui::TextWrapped("%s", r.feedback.c_str());
                }
            }
            break;
        }
        case Status::earned:
            level_badge_item(ctx.record, c, level, true, em() * 1.6f);
            ImGui::SameLine();
            ImGui::AlignTextToFramePadding();
            ImGui::TextWrapped("%s", fmt(S::comp_earned_fmt, app::date_of(ls.earned_at).c_str()));
            break;
        default:
            if (def.effort_minutes > 0) text_muted(fmt(S::comp_effort_fmt, def.effort_minutes));
            break;
    }
    end_card();

    // [SECTION] rubric + self-assessment
    ImGui::Spacing();
    heading(tr(S::comp_rubric));
    text_muted(tr(S::comp_rubric_help));
    const float choice_w = em() * 5.2f;
    if (ImGui::BeginTable("rubric", 2, ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_RowBg | ImGuiTableFlags_PadOuterX)) {
        ImGui::TableSetupColumn(tr(S::comp_criterion), ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn(tr(S::comp_self), ImGuiTableColumnFlags_WidthFixed, choice_w * 3 + ImGui::GetStyle().ItemSpacing.x * 2);
        for (const Criterion& cr : def.criteria) {
            ImGui::PushID(cr.id.c_str());
            ImGui::TableNextRow();
            ImGui::TableSetColumnIndex(0);
            ImGui::AlignTextToFramePadding();
            ImGui::TextWrapped("%s", cr.text.c_str());
            ImGui::TableSetColumnIndex(1);
            const Rating now = self_rating(work, cr.id);
            ImGui::BeginDisabled(!open);
            const std::pair<Rating, S> choices[3] = {{Rating::unrated, S::comp_self_unrated}, {Rating::not_yet, S::comp_self_not_yet}, {Rating::met, S::comp_self_met}};
            for (int k = 0; k < 3; ++k) {
                if (k) ImGui::SameLine();
                if (choice_button(tr(choices[k].second), now == choices[k].first, choice_w) && now != choices[k].first)
                    ctx.dispatch(Action{SetSelfAssessment{c.id, level, cr.id, choices[k].first}, ""});
            }
            ImGui::EndDisabled();
            ImGui::PopID();
        }
        ImGui::EndTable();
    }

    // [SECTION] resources
    if (!def.resources.empty()) {
        ImGui::Spacing();
        heading(tr(S::comp_resources));
        for (const Link& l : def.resources) {
            ImGui::PushID(l.url.c_str());
            link_button((l.title.empty() ? l.url : l.title + "  \xe2\x86\x97").c_str(), l.url, ctx.services);  // ↗ new tab
            ImGui::PopID();
        }
    }

    // [SECTION] evidence
    ImGui::Spacing();
    heading(tr(S::comp_evidence));
    draw_evidence(ctx, c, level, open);

    // [SECTION] submit
    if (open) {
        ImGui::Spacing();
        const bool has_evidence = work && !work->evidence.empty();
        ImGui::SetNextItemWidth(-1);
        ImGui::InputTextWithHint("##note", tr(S::comp_note_hint), &draft.note);
        ImGui::BeginDisabled(!has_evidence);
        const bool again = work && !work->submissions.empty();
        if (primary_button(tr(again ? S::comp_resubmit : S::comp_submit), ImVec2(em() * 14, em() * 2.4f))) {
            if (ctx.dispatch(Action{SubmitForReview{c.id, level, draft.note}, ""}).ok) {
                draft.note.clear();
                ctx.ui.say(tr(S::comp_waiting));
            }
        }
        ImGui::EndDisabled();
        if (!has_evidence) {
            ImGui::SameLine();
            ImGui::AlignTextToFramePadding();
            text_muted(tr(S::comp_submit_needs_evidence));
        }
    }

    // [SECTION] history
    ImGui::Spacing();
    heading(tr(S::comp_history));
    draw_history(ctx, c, level);
    ImGui::PopID();
}

void CompetencyView::draw_evidence(ViewContext& ctx, const Competency& c, int level, bool open) {
    const Palette& pal = palette();
    const LevelDef& def = c.levels[level - 1];
    const LevelWork* work = ctx.record.find_work(c.id, level);
    const Submission* last = (work && !work->submissions.empty()) ? &work->submissions.back() : nullptr;

    for (int part = 0; part < 3; ++part) {
        const EvidencePart ep = static_cast<EvidencePart>(part);
        ImGui::PushID(part);
        begin_card("part");
        subheading(part_title(ep));
        for (const std::string& prompt : prompts_of(def, ep)) {
            ImGui::Bullet();
            ImGui::PushStyleColor(ImGuiCol_Text, pal.muted_text);
            ImGui::TextWrapped("%s", prompt.c_str());
            ImGui::PopStyleColor();
        }
        int shown = 0;
        if (work) {
            for (const Evidence& e : work->evidence) {
                if (e.part != ep) continue;
                ++shown;
                ImGui::PushID(e.id.c_str());
                ImGui::Separator();
                // kind + whether the reviewer will see it as new
                const char* kind = e.kind == EvidenceKind::text ? tr(S::kind_text) : e.kind == EvidenceKind::link ? tr(S::kind_link) : tr(S::kind_image);
                ImGui::PushFont(fonts().bold);
                ImGui::TextUnformatted(kind);
                ImGui::PopFont();
                int in_attempt = 0;
                if (work)
                    for (const Submission& s : work->submissions)
                        if (std::find(s.evidence.begin(), s.evidence.end(), e.id) != s.evidence.end()) { in_attempt = s.attempt; break; }
                if (last && std::find(last->evidence.begin(), last->evidence.end(), e.id) == last->evidence.end()) {
                    ImGui::SameLine();
                    text_wrapped_colored(pal.plan_accent, (std::string("\xe2\x98\x85 ") + tr(S::comp_new_since)).c_str());
                } else if (in_attempt) {
                    ImGui::SameLine();
                    text_muted(fmt(S::comp_in_attempt_fmt, in_attempt));
                }
                if (editing == e.id) {
                    if (e.kind == EvidenceKind::link) {
                        ImGui::SetNextItemWidth(-1);
                        ImGui::InputTextWithHint("##url", tr(S::comp_link_url), &edit_url);
                    }
                    ImGui::InputTextMultiline("##text", &edit_text, ImVec2(-1, em() * (e.kind == EvidenceKind::text ? 6 : 2.5f)));
                    if (primary_button(tr(S::save))) {
                        if (ctx.dispatch(Action{UpdateEvidence{e.id, edit_text, e.kind == EvidenceKind::link ? edit_url : e.url}, ""}).ok) editing.clear();
                    }
                    ImGui::SameLine();
                    if (ImGui::Button(tr(S::cancel))) editing.clear();
                } else {
                    if (e.kind == EvidenceKind::link) link_button((e.text.empty() ? e.url : e.text).c_str(), e.url, ctx.services);
                    if (e.kind == EvidenceKind::image) {
                        const app::Thumbnail t = ctx.services.thumbnail(ctx.record.id + ":" + e.id + ":" + std::to_string(e.bytes.size()), e.mime, e.bytes);
                        const float max_w = em() * 12, max_h = em() * 9;
                        if (t.texture && t.width > 0 && t.height > 0) {
                            const float k = std::min(max_w / t.width, max_h / t.height);
                            ImGui::Image(t.texture, ImVec2(t.width * k, t.height * k));
                        } else {
                            const ImVec2 a = ImGui::GetCursorScreenPos();
                            ImGui::Dummy(ImVec2(max_w, em() * 3));
                            ImGui::GetWindowDrawList()->AddRect(a, ImVec2(a.x + max_w, a.y + em() * 3), pal.placeholder, em() * 0.3f);
                            ImGui::GetWindowDrawList()->AddText(ImVec2(a.x + em() * 0.5f, a.y + em()), pal.muted_text,
                                                                t.failed ? tr(S::image_broken) : tr(S::image_loading));
                        }
                    }
                    if (!e.text.empty() && e.kind != EvidenceKind::link) ImGui::TextWrapped("%s", e.text.c_str());
                    if (open) {
                        if (ImGui::SmallButton(tr(S::edit))) {
                            editing = e.id;
                            edit_text = e.text;
                            edit_url = e.url;
                        }
                        ImGui::SameLine();
                        if (!in_attempt && ImGui::SmallButton(tr(S::remove))) ctx.dispatch(Action{RemoveEvidence{e.id}, ""});
                    }
                }
                ImGui::PopID();
            }
        }
        if (!shown && !open) text_muted(tr(S::comp_no_evidence_part));

        if (open) {
            int& editor = draft.editor[part];
            if (editor == 0) {
                if (ImGui::Button(tr(S::comp_add_text))) editor = 1;
                ImGui::SameLine();
                if (ImGui::Button(tr(S::comp_add_link))) editor = 2;
                ImGui::SameLine();
                if (ImGui::Button(tr(S::comp_add_image))) ctx.services.pick_image({c.id, level, part});
            } else if (editor == 1) {
                ImGui::InputTextMultiline("##new_text", &draft.text[part], ImVec2(-1, em() * 6));
                if (primary_button(tr(S::comp_add))) {
                    AddEvidence a;
                    a.competency = c.id;
                    a.level = level;
                    a.kind = EvidenceKind::text;
                    a.part = ep;
                    a.text = draft.text[part];
                    if (ctx.dispatch(Action{a, ""}).ok) {
                        draft.text[part].clear();
                        editor = 0;
                    }
                }
                ImGui::SameLine();
                if (ImGui::Button(tr(S::cancel))) editor = 0;
            } else {
                ImGui::SetNextItemWidth(-1);
                ImGui::InputTextWithHint("##new_url", tr(S::comp_link_url), &draft.url[part]);
                ImGui::SetNextItemWidth(-1);
                ImGui::InputTextWithHint("##new_caption", tr(S::comp_link_caption), &draft.caption[part]);
                if (primary_button(tr(S::comp_add))) {
                    AddEvidence a;
                    a.competency = c.id;
                    a.level = level;
                    a.kind = EvidenceKind::link;
                    a.part = ep;
                    a.url = draft.url[part];
                    a.text = draft.caption[part];
                    if (ctx.dispatch(Action{a, ""}).ok) {
                        draft.url[part].clear();
                        draft.caption[part].clear();
                        editor = 0;
                    }
                }
                ImGui::SameLine();
                if (ImGui::Button(tr(S::cancel))) editor = 0;
            }
        }
        end_card();
        ImGui::PopID();
    }
}

// [SECTION] history: every attempt, its review beside the student's own view
void CompetencyView::draw_history(ViewContext& ctx, const Competency& c, int level) {
    const Palette& pal = palette();
    const LevelDef& def = c.levels[level - 1];
    const LevelWork* work = ctx.record.find_work(c.id, level);
    if (!work || work->submissions.empty()) {
        text_muted(tr(S::comp_no_history));
        return;
    }
    for (auto it = work->submissions.rbegin(); it != work->submissions.rend(); ++it) {
        const Submission& s = *it;
        ImGui::PushID(s.attempt);
        begin_card("attempt");
        subheading(fmt(S::comp_attempt_fmt, s.attempt, app::date_of(s.at).c_str()));
        if (!s.note.empty()) text_muted(("\xe2\x80\x9c" + s.note + "\xe2\x80\x9d").c_str());
        const Review* review = nullptr;
        for (const Review& r : work->reviews)
            if (r.attempt == s.attempt) review = &r;
        if (!review) {
            status_tag(Status::submitted);
            text_muted(tr(S::comp_waiting_short));
        } else {
            status_tag(review->earned() ? Status::earned : Status::not_yet);
            text_muted(fmt(S::comp_reviewed_by_fmt, review->reviewer.c_str(), review->role.c_str(), app::date_of(review->at).c_str()));
            if (ImGui::BeginTable("decisions", 3, ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_RowBg)) {
                ImGui::TableSetupColumn(tr(S::comp_criterion), ImGuiTableColumnFlags_WidthStretch);
                ImGui::TableSetupColumn(tr(S::comp_you_said), ImGuiTableColumnFlags_WidthFixed, em() * 5.5f);
                ImGui::TableSetupColumn(tr(S::comp_reviewer_said), ImGuiTableColumnFlags_WidthStretch, 0.8f);
                ImGui::TableHeadersRow();
                for (const Criterion& cr : def.criteria) {
                    ImGui::TableNextRow();
                    ImGui::TableSetColumnIndex(0);
                    ImGui::TextWrapped("%s", cr.text.c_str());
                    ImGui::TableSetColumnIndex(1);
                    Rating mine = Rating::unrated;
                    for (const SelfAssessment& sa : s.self_assessment)
                        if (sa.criterion == cr.id) mine = sa.rating;
                    ImGui::TextUnformatted(rating_word(mine));
                    ImGui::TableSetColumnIndex(2);
                    for (const CriterionDecision& d : review->decisions) {
                        if (d.criterion != cr.id) continue;
                        icon_tag(d.rating == Rating::met ? Status::earned : Status::not_yet,
                                 d.rating == Rating::met ? tr(S::rating_met) : tr(S::rating_not_yet));
                        if (!d.comment.empty())
                            text_wrapped_colored(d.rating == Rating::met ? ImGui::GetColorU32(ImGuiCol_Text) : pal.status_color(Status::not_yet),
                                                 d.rating == Rating::met ? d.comment.c_str() : fmt(S::comp_next_step_fmt, d.comment.c_str()));
                    }
                }
                ImGui::EndTable();
            }
            if (!review->feedback.empty()) {
                ImGui::PushFont(fonts().bold);
                ImGui::TextUnformatted(tr(S::comp_how_to_grow));
                ImGui::PopFont();
                ImGui::TextWrapped("%s", review->feedback.c_str());
            }
        }
        end_card();
        ImGui::PopID();
    }
}

}  // namespace mastery::ui
