// The map view. [SECTION] index:
//   helpers (filters, camera math) - toolbar - input (pan, zoom, keys, pinch) -
//   background (lanes, stack regions) - links (related, prerequisites) - nodes - legend
#include "ui/view_map.hpp"

#include "app/strings.hpp"
#include "ui/fonts.hpp"
#include "ui/theme.hpp"
#include "ui/badge_art.hpp"
#include "ui/widgets.hpp"

#include <imgui_internal.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <unordered_set>

namespace mastery::ui {

using app::fmt;
using app::S;
using app::tr;

namespace {

constexpr float kMinZoom = 0.15f, kMaxZoom = 2.5f;

// [SECTION] helpers

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

bool contains_ci(const std::string& hay, const std::string& needle_lower) {
    return needle_lower.empty() || lower(hay).find(needle_lower) != std::string::npos;
}

bool search_hit(const Competency& c, const std::string& q) {
    if (q.empty()) return true;
    if (contains_ci(c.title, q) || contains_ci(c.code, q) || contains_ci(c.statement, q) || contains_ci(c.subject, q)) return true;
    for (const std::string& t : c.tags)
        if (contains_ci(t, q)) return true;
    return false;
}

// Competencies the plan covers: competency goals and the members of stack goals.
std::unordered_set<std::string> plan_set(const LearnerRecord& r) {
    std::unordered_set<std::string> out;
    std::vector<std::string> stacks;
    for (const Goal& g : r.plan) {
        if (g.kind == Goal::Kind::competency) out.insert(g.target);
        else stacks.push_back(g.target);
    }
    for (std::size_t i = 0; i < stacks.size() && i < 1000; ++i) {
        const Stack* s = r.pathway.find_stack(stacks[i]);
        if (!s) continue;
        for (const StackMember& m : s->members) {
            if (m.kind == StackMember::Kind::competency) out.insert(m.id);
            else stacks.push_back(m.id);
        }
    }
    return out;
}

struct Cam {
    ImVec2 origin;  // canvas top-left on screen
    ImVec2 cam;
    float s;        // screen pixels per map unit
    ImVec2 to_screen(float x, float y) const { return ImVec2(origin.x + (x - cam.x) * s, origin.y + (y - cam.y) * s); }
    ImVec2 to_world(ImVec2 p) const { return ImVec2(cam.x + (p.x - origin.x) / s, cam.y + (p.y - origin.y) / s); }
};

// Line widths in whole pixels: ImGui then draws anti-aliased lines from the font atlas's
// baked line texture, 2 vertices a point and 6 indices a segment instead of 4 and 18 (the
// large map's prerequisite arrows were most of its vertices once badges became sprites).
float whole_px(float thickness) { return std::max(1.0f, std::round(thickness)); }

// Segments for a cubic Bezier drawn as a polyline, evaluated at even steps. A step's chord
// is off the curve by at most 3/4 of the largest second difference of the control points'
// distances from the line p0-p3, over n^2 (motion along that line only spaces the points
// unevenly); n keeps that under ImGui's curve tolerance (1.25 px), so a straight arrow is
// one segment. ImGui's own choice (num_segments 0) subdivides recursively to the same
// tolerance, but its recursion was a sixth of the large map's frame (arrows are
// tessellated every frame).
int bezier_segments(ImVec2 p0, ImVec2 p1, ImVec2 p2, ImVec2 p3) {
    const float cx = p3.x - p0.x, cy = p3.y - p0.y;
    const float len = std::sqrt(cx * cx + cy * cy);
    if (len < 1) return 8;
    const float d1 = ((p1.x - p0.x) * cy - (p1.y - p0.y) * cx) / len, d2 = ((p2.x - p0.x) * cy - (p2.y - p0.y) * cx) / len;
    const float m = std::max(std::fabs(d2 - 2 * d1), std::fabs(d1 - 2 * d2));
    return std::clamp(int(std::ceil(std::sqrt(0.75f * m / 1.25f))), 1, 48);
}

// A dashed line, drawn only where it crosses `clip` (screen rectangle): the segment is
// clipped first (parametric clipping against the four sides, Liang-Barsky), and dashes
// start on the same phase as the unclipped line, so panning does not make them crawl.
int dashed_line(ImDrawList* dl, ImVec2 a, ImVec2 b, ImU32 col, float thickness, float dash, float gap, const ImRect& clip) {
    const float dx = b.x - a.x, dy = b.y - a.y;
    const float len = std::sqrt(dx * dx + dy * dy);
    if (len < 1) return 0;
    float t0 = 0, t1 = 1;  // the visible part of a + (b - a) t
    const float p[4] = {-dx, dx, -dy, dy};
    const float q[4] = {a.x - clip.Min.x, clip.Max.x - a.x, a.y - clip.Min.y, clip.Max.y - a.y};
    for (int k = 0; k < 4; ++k) {
        if (p[k] == 0) {
            if (q[k] < 0) return 0;  // parallel to this side and outside it
            continue;
        }
        const float r = q[k] / p[k];
        if (p[k] < 0) t0 = std::max(t0, r);
        else t1 = std::min(t1, r);
        if (t0 > t1) return 0;
    }
    const float ux = dx / len, uy = dy / len, period = dash + gap;
    const float end = t1 * len;
    int dashes = 0;
    for (float t = std::floor(t0 * len / period) * period; t < end; t += period, ++dashes) {
        const float e = std::min(len, t + dash);
        dl->AddLine(ImVec2(a.x + ux * t, a.y + uy * t), ImVec2(a.x + ux * e, a.y + uy * e), col, thickness);
    }
    return dashes;
}

}  // namespace

void MapView::fit_all(const ViewContext& ctx) {
    (void)ctx;
    if (canvas_size.x < 10 || canvas_size.y < 10) { fit_pending = true; return; }
    const float unit = em() / kBaseFontSize;
    const MapRect& b = layout.bounds;
    const float margin = 30;
    const float w = std::max(1.0f, b.x1 - b.x0 + 2 * margin), h = std::max(1.0f, b.y1 - b.y0 + 2 * margin);
    zoom_goal = std::clamp(std::min(canvas_size.x / (w * unit), canvas_size.y / (h * unit)), kMinZoom, 1.2f);
    const float s = zoom_goal * unit;
    cam_goal = ImVec2((b.x0 + b.x1) * 0.5f - canvas_size.x * 0.5f / s, (b.y0 + b.y1) * 0.5f - canvas_size.y * 0.5f / s);
    gliding = true;
    fit_pending = false;
}

void MapView::focus_on(int index, const ViewContext& ctx) {
    (void)ctx;
    if (index < 0 || index >= static_cast<int>(layout.nodes.size())) return;
    const float unit = em() / kBaseFontSize;
    zoom_goal = std::max(zoom, 0.8f);
    const float s = zoom_goal * unit;
    const MapRect& r = layout.nodes[index];
    cam_goal = ImVec2((r.x0 + r.x1) * 0.5f - canvas_size.x * 0.5f / s, (r.y0 + r.y1) * 0.5f - canvas_size.y * 0.5f / s);
    gliding = true;
}

void MapView::draw(ViewContext& ctx) {
    const Pathway& p = ctx.pathway();
    const Palette& pal = palette();
    ImGuiIO& io = ImGui::GetIO();
    const float unit = em() / kBaseFontSize;

    const std::string key = p.id + "|" + ctx.record.pathway_ref.hash + "|" + std::to_string(p.competencies.size());
    if (key != layout_key) {
        layout = build_map_scene(p);
        layout_key = key;
        fit_pending = true;
        subject_filter = -1;
    }

    if (!ImGui::Begin("Map###map", nullptr, kPageFlags | ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse)) {
        ImGui::End();
        return;
    }

    // [SECTION] toolbar
    const std::string query = lower(search);
    auto fits = [](float w) {
        ImGui::SameLine();
        if (ImGui::GetContentRegionAvail().x < w) ImGui::NewLine();
    };
    ImGui::SetNextItemWidth(em() * 13);
    const bool search_enter = ImGui::InputTextWithHint("##search", tr(S::map_search_hint), &search, ImGuiInputTextFlags_EnterReturnsTrue);
    fits(em() * 15);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr(S::map_subject));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(em() * 9);
    {
        const char* current = subject_filter < 0 ? tr(S::map_all)
                                                 : (layout.subjects[subject_filter].empty() ? "-" : layout.subjects[subject_filter].c_str());
        if (ImGui::BeginCombo("##subject", current)) {
            if (ImGui::Selectable(tr(S::map_all), subject_filter < 0)) subject_filter = -1;
            for (int i = 0; i < static_cast<int>(layout.subjects.size()); ++i) {
                ImGui::PushID(i);
                if (ImGui::Selectable(layout.subjects[i].empty() ? "-" : layout.subjects[i].c_str(), subject_filter == i)) subject_filter = i;
                ImGui::PopID();
            }
            ImGui::EndCombo();
        }
    }
    fits(em() * 14);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr(S::map_status));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(em() * 8.5f);
    if (ImGui::BeginCombo("##status",
                          status_filter < 0 ? tr(S::map_all) : status_short(static_cast<Status>(status_filter)))) {
        if (ImGui::Selectable(tr(S::map_all), status_filter < 0)) status_filter = -1;
        for (int s = 0; s < 6; ++s) {
            ImGui::PushID(s);
            if (ImGui::Selectable(status_text(static_cast<Status>(s)), status_filter == s)) status_filter = s;
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }
    fits(em() * 9);
    ImGui::Checkbox(tr(S::map_only_plan), &only_plan);
    fits(em() * 9);
    ImGui::Checkbox(tr(S::map_related), &show_related);
    fits(em() * 12);
    if (ImGui::Button(tr(S::map_fit))) fit_all(ctx);
    ImGui::SameLine();
    const ImVec2 square(ImGui::GetFrameHeight() * 1.3f, 0);
    const bool zoom_out = ImGui::Button("\xe2\x88\x92###zoomout", square);  // U+2212 minus
    ImGui::SameLine();
    const bool zoom_in = ImGui::Button("+###zoomin", square);

    // Which competencies pass the filters (dimmed otherwise), and their current status.
    const int n = static_cast<int>(p.competencies.size());
    Derived& D = derived;
    const bool same_snapshot = !D.snapshot.expired() && !D.snapshot.owner_before(ctx.snapshot) && !ctx.snapshot.owner_before(D.snapshot);
    if (!same_snapshot || D.query != query || D.subject_filter != subject_filter || D.status_filter != status_filter ||
        D.only_plan != only_plan || D.pass.size() != std::size_t(n)) {
        D.snapshot = ctx.snapshot;
        D.query = query;
        D.subject_filter = subject_filter;
        D.status_filter = status_filter;
        D.only_plan = only_plan;
        D.in_plan = plan_set(ctx.record);
        D.pass.assign(std::size_t(n), 1);
        D.status.assign(std::size_t(n), Status::locked);
        D.level.assign(std::size_t(n), 1);
        D.earned.assign(std::size_t(n), 0);
        D.planned.assign(std::size_t(n), 0);
        D.own_design.assign(std::size_t(n), 0);
        D.initials.assign(std::size_t(n), std::string());
        D.matches = 0;
        D.first_match = -1;
        for (int i = 0; i < n; ++i) {
            const Competency& c = p.competencies[i];
            D.level[i] = current_level(ctx.progress, p, c);
            D.status[i] = ctx.progress.status_of(c.id, D.level[i]);
            D.earned[i] = ctx.progress.earned_level(c.id);
            D.planned[i] = D.in_plan.count(c.id) > 0;
            D.own_design[i] = has_own_design(ctx.record, badge_key_for_level(c.id, std::max(1, D.level[i])));
            D.initials[i] = initials_of(c.title);
            bool ok = search_hit(c, query);
            if (subject_filter >= 0 && layout.subject[i] != subject_filter) ok = false;
            if (status_filter >= 0 && static_cast<int>(D.status[i]) != status_filter) ok = false;
            if (only_plan && !D.planned[i]) ok = false;
            D.pass[i] = ok;
            if (ok) {
                ++D.matches;
                if (D.first_match < 0) D.first_match = i;
            }
        }
    }
    if (!same_snapshot || D.arrow_met.size() != layout.arrows.size()) {
        D.arrow_met.assign(layout.arrows.size(), 0);
        for (std::size_t k = 0; k < layout.arrows.size(); ++k) {
            const MapScene::Arrow& arrow = layout.arrows[k];
            const Prerequisite& q = p.competencies[std::size_t(arrow.to)].prerequisites[std::size_t(arrow.prerequisite)];
            D.arrow_met[k] = ctx.progress.earned_level(q.competency) >= q.min_level;
        }
    }
    const std::vector<char>& pass = D.pass;
    const std::vector<Status>& status = D.status;
    const std::vector<int>& level = D.level;
    const int matches = D.matches, first_match = D.first_match;
    const bool filtering = !query.empty() || subject_filter >= 0 || status_filter >= 0 || only_plan;
    if (filtering) {
        ImGui::SameLine();
        ImGui::PushStyleColor(ImGuiCol_Text, pal.muted_text);
        ImGui::TextUnformatted(matches ? fmt(S::map_matches_fmt, matches) : tr(S::map_no_match));
        ImGui::PopStyleColor();
    }

    // [SECTION] canvas + input
    canvas_min = ImGui::GetCursorScreenPos();
    canvas_size = ImGui::GetContentRegionAvail();
    canvas_size.x = std::max(canvas_size.x, 50.0f);
    canvas_size.y = std::max(canvas_size.y, 50.0f);
    const ImVec2 canvas_max(canvas_min.x + canvas_size.x, canvas_min.y + canvas_size.y);
    if (fit_pending) {
        fit_all(ctx);
        // Start readable: if fitting everything makes words tiny, begin at the top-left.
        if (zoom_goal < 0.85f) {
            zoom_goal = 0.9f;
            cam_goal = ImVec2(layout.bounds.x0 - 20, layout.bounds.y0 - 20);
        }
        cam = cam_goal;
        zoom = zoom_goal;
        gliding = false;
    }
    if (search_enter && first_match >= 0) focus_on(first_match, ctx);

    ImGui::SetNextItemAllowOverlap();
    ImGui::InvisibleButton("##canvas", canvas_size, ImGuiButtonFlags_MouseButtonLeft);
    const ImGuiID canvas_id = ImGui::GetItemID();
    const bool canvas_hovered = ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem);
    bool canvas_active = ImGui::IsItemActive();

    auto zoom_at = [&](float factor, ImVec2 at) {
        const float nz = std::clamp(zoom * factor, kMinZoom, kMaxZoom);
        const Cam c{canvas_min, cam, zoom * unit};
        const ImVec2 w = c.to_world(at);
        zoom = nz;
        cam = ImVec2(w.x - (at.x - canvas_min.x) / (nz * unit), w.y - (at.y - canvas_min.y) / (nz * unit));
        gliding = false;
    };
    const ImVec2 centre(canvas_min.x + canvas_size.x * 0.5f, canvas_min.y + canvas_size.y * 0.5f);
    if (zoom_in) zoom_at(1.25f, centre);
    if (zoom_out) zoom_at(0.8f, centre);
    if (canvas_hovered && io.MouseWheel != 0) zoom_at(std::pow(1.15f, io.MouseWheel), io.MousePos);
    if (ctx.ui.pinch_factor != 1.0f) {
        zoom_at(ctx.ui.pinch_factor, ImVec2(ctx.ui.pinch_x, ctx.ui.pinch_y));
        ctx.ui.pinch_factor = 1.0f;
    }
    if (ctx.ui.pinch_dx != 0 || ctx.ui.pinch_dy != 0) {
        cam.x -= ctx.ui.pinch_dx / (zoom * unit);
        cam.y -= ctx.ui.pinch_dy / (zoom * unit);
        ctx.ui.pinch_dx = ctx.ui.pinch_dy = 0;
        gliding = false;
    }
    // Keys: arrows pan while the mouse is over the map and keyboard navigation is not in
    // use (then arrows move between skills); +/- zoom.
    ImGuiContext& g = *ImGui::GetCurrentContext();
    if (canvas_hovered && g.NavDisableHighlight && !io.WantTextInput) {
        const float step = 80.0f / (zoom * unit) * unit;
        const ImGuiKey keys[4] = {ImGuiKey_LeftArrow, ImGuiKey_RightArrow, ImGuiKey_UpArrow, ImGuiKey_DownArrow};
        for (int k = 0; k < 4; ++k) {
            ImGui::SetKeyOwner(keys[k], canvas_id);
            if (ImGui::IsKeyPressed(keys[k], canvas_id, ImGuiInputFlags_Repeat)) {
                cam.x += (k == 0 ? -step : k == 1 ? step : 0) / unit;
                cam.y += (k == 2 ? -step : k == 3 ? step : 0) / unit;
                gliding = false;
            }
        }
    }
    if (ImGui::IsWindowFocused(ImGuiFocusedFlags_ChildWindows) && !io.WantTextInput) {
        if (ImGui::IsKeyPressed(ImGuiKey_Equal) || ImGui::IsKeyPressed(ImGuiKey_KeypadAdd)) zoom_at(1.25f, centre);
        if (ImGui::IsKeyPressed(ImGuiKey_Minus) || ImGui::IsKeyPressed(ImGuiKey_KeypadSubtract)) zoom_at(0.8f, centre);
    }

    // Glide towards the goal (fit, search, keyboard focus); jump when motion is reduced.
    if (gliding) {
        if (ctx.prefs.reduced_motion) {
            cam = cam_goal;
            zoom = zoom_goal;
            gliding = false;
        } else {
            const float t = std::clamp(io.DeltaTime * 9.0f, 0.05f, 1.0f);
            cam.x += (cam_goal.x - cam.x) * t;
            cam.y += (cam_goal.y - cam.y) * t;
            zoom += (zoom_goal - zoom) * t;
            if (std::fabs(cam_goal.x - cam.x) < 0.5f && std::fabs(cam_goal.y - cam.y) < 0.5f && std::fabs(zoom_goal - zoom) < 0.002f) {
                cam = cam_goal;
                zoom = zoom_goal;
                gliding = false;
            }
            ctx.ui.animating = ctx.ui.animating || gliding;
        }
    }

    if (zoom != drawn_zoom) {
        if (drawn_zoom != 0) badge_art_zoomed();
        drawn_zoom = zoom;
    }
    const float s = zoom * unit;
    const Cam C{canvas_min, cam, s};
    const ImVec2 w0 = C.to_world(canvas_min), w1 = C.to_world(canvas_max);
    const MapRect visible{w0.x, w0.y, w1.x, w1.y};
    const bool text_ok = kBaseFontSize * s >= 6.5f;  // below this, words are unreadable: skip them

    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->PushClipRect(canvas_min, canvas_max, true);

    // [SECTION] background: lanes and stack regions
    dl->AddRectFilled(canvas_min, canvas_max, pal.canvas_bg);
    ImFont* bold = fonts().bold;
    ImFont* regular = fonts().regular;
    for (const MapLane& lane : layout.lanes) {
        if (!lane.rect.overlaps(visible)) continue;
        dl->AddRectFilled(C.to_screen(lane.rect.x0, lane.rect.y0), C.to_screen(lane.rect.x1, lane.rect.y1), pal.lane_bg, 18 * s);
        if (text_ok && !lane.subject.empty())
            dl->AddText(bold, 22 * s, C.to_screen(lane.rect.x0 + 18, lane.rect.y0 + 10), pal.lane_text, lane.subject.c_str());
    }
    // Outer (bigger) regions first, so a stack inside another stays visible on top of it.
    std::vector<const StackArea*> regions;
    for (const StackArea& region : layout.stacks) regions.push_back(&region);
    std::stable_sort(regions.begin(), regions.end(), [](const StackArea* a, const StackArea* b) {
        return (a->bounds.x1 - a->bounds.x0) * (a->bounds.y1 - a->bounds.y0) > (b->bounds.x1 - b->bounds.x0) * (b->bounds.y1 - b->bounds.y0);
    });
    for (const StackArea* region : regions) {
        if (!region->bounds.overlaps(visible)) continue;
        const ImU32 fill = pal.stack_fill[region->stack % 6];
        for (const MapRect& r : region->pieces) dl->AddRectFilled(C.to_screen(r.x0, r.y0), C.to_screen(r.x1, r.y1), fill, 14 * s);
    }
    std::vector<ImRect> placed;  // stack labels already drawn: move up instead of overlapping
    for (const StackArea& region : layout.stacks) {
        if (!region.bounds.overlaps(visible) || !text_ok) continue;
        const Stack& st = p.stacks[region.stack];
        const StackProgress& sp = ctx.progress.stack(st.id);
        const std::string label = std::string(sp.complete ? "\xe2\x98\x85 " : "\xe2\x98\x86 ") +
                                  fmt(S::map_stack_fmt, st.title.c_str(), sp.done, sp.required);
        const float size = 16 * s;
        const ImVec2 ts = bold->CalcTextSizeA(size, FLT_MAX, 0, label.c_str());
        ImVec2 a = C.to_screen(region.label_x, region.label_y);
        for (bool moved = true; moved;) {
            moved = false;
            const ImRect mine(a, ImVec2(a.x + ts.x + 20 * s, a.y + ts.y + 8 * s));
            for (const ImRect& other : placed)
                if (other.Overlaps(mine)) {
                    a.y = other.Min.y - (ts.y + 10 * s);
                    moved = true;
                }
        }
        placed.emplace_back(a, ImVec2(a.x + ts.x + 20 * s, a.y + ts.y + 8 * s));
        dl->AddRectFilled(a, ImVec2(a.x + ts.x + 20 * s, a.y + ts.y + 8 * s), pal.stack_fill[region.stack % 6], 10 * s);
        dl->AddRect(a, ImVec2(a.x + ts.x + 20 * s, a.y + ts.y + 8 * s), fade(pal.stack_text, 0.35f), 10 * s, 0, 1.0f);
        dl->AddText(bold, size, ImVec2(a.x + 10 * s, a.y + 4 * s), pal.stack_text, label.c_str());
    }

    // [SECTION] links: related (dashed, on a toggle) and prerequisites (arrows)
    drawn_arrows = 0;
    drawn_related = 0;
    drawn_dashes = 0;
    if (show_related) {
        for (const auto& [i, j] : layout.related) {
            const MapRect &a = layout.nodes[i], &b = layout.nodes[j];
            const MapRect box{std::min(a.x0, b.x0), std::min(a.y0, b.y0), std::max(a.x1, b.x1), std::max(a.y1, b.y1)};
            if (!box.overlaps(visible)) continue;
            const float alpha = (pass[i] && pass[j]) ? 0.6f : 0.2f;
            ++drawn_related;
            drawn_dashes += dashed_line(dl, C.to_screen((a.x0 + a.x1) / 2, (a.y0 + a.y1) / 2), C.to_screen((b.x0 + b.x1) / 2, (b.y0 + b.y1) / 2),
                        fade(pal.related, alpha), whole_px(2 * s), 9 * s, 7 * s, ImRect(canvas_min, canvas_max));
        }
    }
    for (std::size_t k = 0; k < layout.arrows.size(); ++k) {
        const MapScene::Arrow& arrow = layout.arrows[k];
        const int i = arrow.from, j = arrow.to;
        const Prerequisite& q = p.competencies[j].prerequisites[std::size_t(arrow.prerequisite)];
        const MapRect &a = layout.nodes[i], &b = layout.nodes[j];
        const MapRect box{std::min(a.x1, b.x0) - 60, std::min(a.y0, b.y0), std::max(a.x1, b.x0) + 60, std::max(a.y1, b.y1)};
        if (!box.overlaps(visible)) continue;
        ++drawn_arrows;
        const bool met = D.arrow_met[k];
        const ImU32 color = fade(met ? pal.arrow_met : pal.arrow, (pass[i] && pass[j]) ? 1.0f : 0.3f);
        const ImVec2 p0 = C.to_screen(a.x1, (a.y0 + a.y1) / 2);
        const ImVec2 p3 = C.to_screen(b.x0 - 10, (b.y0 + b.y1) / 2);
        const float dx = std::max(40.0f * s, std::fabs(p3.x - p0.x) * 0.5f);
        const ImVec2 p1(p0.x + dx, p0.y), p2(p3.x - dx, p3.y);
        dl->AddBezierCubic(p0, p1, p2, p3, color, whole_px(2.2f * s), bezier_segments(p0, p1, p2, p3));
        const float h = 9 * s;
        dl->AddTriangleFilled(ImVec2(p3.x + 10 * s, p3.y), ImVec2(p3.x - h * 0.6f, p3.y - h), ImVec2(p3.x - h * 0.6f, p3.y + h), color);
        if (q.min_level > 1 && text_ok && zoom >= 0.6f) {
            // the level the prerequisite needs, in the gap before the arrowhead when it fits
            const std::string needs = level_name(p, p.competencies[i], q.min_level);
            const float size = 12.5f * s;
            const ImVec2 ts = regular->CalcTextSizeA(size, FLT_MAX, 0, needs.c_str());
            const float gap = p3.x - p0.x;
            if (gap > ts.x + 24 * s) {
                const ImVec2 at(p3.x - ts.x - 16 * s, p3.y - ts.y - 5 * s);
                dl->AddRectFilled(ImVec2(at.x - 3 * s, at.y - 1 * s), ImVec2(at.x + ts.x + 3 * s, at.y + ts.y + 1 * s), fade(pal.canvas_bg, 0.85f), 5 * s);
                dl->AddText(regular, size, at, color, needs.c_str());
            }
        }
    }

    // [SECTION] nodes
    drawn_nodes = 0;
    // Designed badges are drawn after the nodes (they never overlap another node): their
    // sprites then follow each other in the draw list and go to the GPU as one draw call
    // per texture page, not two calls per node (text and sprite alternating).
    struct Designed {
        ImVec2 centre;
        int node, level;
        bool earned;
        float alpha;
    };
    std::vector<Designed> designed;
    int hovered_node = -1;
    const bool dragged = io.MouseDragMaxDistanceSqr[0] > io.MouseDragThreshold * io.MouseDragThreshold * 4;
    for (int i = 0; i < n; ++i) {
        const MapRect& r = layout.nodes[i];
        if (!r.overlaps(visible)) continue;
        ++drawn_nodes;
        const Competency& c = p.competencies[i];
        const ImVec2 a = C.to_screen(r.x0, r.y0), b = C.to_screen(r.x1, r.y1);

        ImGui::SetCursorScreenPos(a);
        ImGui::PushID(i);
        const bool clicked = ImGui::InvisibleButton(c.title.empty() ? "##node" : c.title.c_str(), ImVec2(b.x - a.x, b.y - a.y));
        ImGui::PopID();
        const bool hovered = ImGui::IsItemHovered();
        const bool focused = ImGui::IsItemFocused() && !g.NavDisableHighlight;
        if (ImGui::IsItemActive()) canvas_active = true;
        if (hovered) hovered_node = i;
        if (clicked && !dragged) ctx.ui.open_competency(c.id, 0);
        if (focused && (a.x < canvas_min.x || a.y < canvas_min.y || b.x > canvas_max.x || b.y > canvas_max.y) && !gliding) focus_on(i, ctx);

        const float alpha = pass[i] ? 1.0f : 0.28f;
        const float round = 12 * s;
        dl->AddRectFilled(ImVec2(a.x + 2 * s, a.y + 3 * s), ImVec2(b.x + 2 * s, b.y + 3 * s), fade(IM_COL32(0, 0, 0, 30), alpha), round);
        dl->AddRectFilled(a, b, fade(pal.node_bg, pass[i] ? 1.0f : 0.6f), round);
        const bool planned = D.planned[std::size_t(i)];
        ImU32 border = planned ? pal.plan_accent : pal.node_border;
        float thick = planned ? 3.0f * s : 1.5f * s;
        if (hovered || focused) { border = focused ? pal.node_focus : pal.node_hover; thick = 3.5f * s; }
        dl->AddRect(a, b, fade(border, alpha), round, 0, whole_px(thick));

        const int earned = D.earned[std::size_t(i)];
        BadgeLook look;
        look.initials = D.initials[std::size_t(i)];
        look.level = earned;
        look.color = pal.subject_color(layout.subject[i]);
        look.earned = earned > 0;
        if (!pass[i]) look.color = fade(look.color, alpha);
        if (look.earned || D.own_design[std::size_t(i)])
            designed.push_back({ImVec2(a.x + 44 * s, (a.y + b.y) * 0.5f - 4 * s), i, look.earned ? earned : level[i], look.earned, alpha});
        else
            draw_badge(dl, ImVec2(a.x + 44 * s, (a.y + b.y) * 0.5f - 4 * s), 30 * s, look);

        if (text_ok) {
            const ImVec4 clip(a.x + 4 * s, a.y + 4 * s, b.x - 6 * s, b.y - 4 * s);
            const float tx = a.x + 88 * s, tw = b.x - 10 * s - tx;
            float y = a.y + 10 * s;
            if (!c.code.empty()) {
                dl->AddText(regular, 13.5f * s, ImVec2(tx, y), fade(pal.node_subtext, alpha), c.code.c_str(), nullptr, 0, &clip);
                y += 18 * s;
            }
            const ImVec4 title_clip(clip.x, clip.y, clip.z, b.y - 29 * s);
            dl->AddText(bold, 17.5f * s, ImVec2(tx, y), fade(pal.node_text, alpha), c.title.c_str(), nullptr, tw, &title_clip);
            // status line: icon + words, never colour alone
            const int lv = level[i];
            const bool all_done = earned >= level_count(p, c) && earned > 0;
            const std::string line = all_done ? std::string(tr(S::all_levels_earned))
                                              : fmt(S::map_level_status_fmt, level_name(p, c, lv).c_str(), status_short(status[i]));
            const ImU32 scol = fade(pal.status_color(all_done ? Status::earned : status[i]), alpha);
            const float ly = b.y - 26 * s;
            draw_status_icon(dl, ImVec2(tx + 9 * s, ly + 9 * s), 9 * s, all_done ? Status::earned : status[i], scol);
            dl->AddText(regular, 15.5f * s, ImVec2(tx + 23 * s, ly), scol, line.c_str(), nullptr, 0, &clip);
            if (planned) {
                const char* star = "\xe2\x98\x85";  // ★ marks a goal (with the border)
                dl->AddText(bold, 17 * s, ImVec2(b.x - 22 * s, a.y + 6 * s), fade(pal.plan_accent, alpha), star);
            }
        }
    }

    for (const Designed& d : designed)
        draw_level_badge(dl, d.centre, 30 * s, ctx.record, p.competencies[std::size_t(d.node)], d.level, d.earned, d.alpha);
    if (badge_art_pending()) ctx.ui.animating = true;  // some badges wait for their sprite or mesh

    // Drag anywhere (background or a skill) pans; a drag is never a click.
    if (canvas_active && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 2.0f)) {
        cam.x -= io.MouseDelta.x / s;
        cam.y -= io.MouseDelta.y / s;
        gliding = false;
    }

    // [SECTION] legend: every status icon with its word
    if (text_ok || true) {
        const float size = em() * 0.85f;
        const float pad = em() * 0.5f;
        float width = pad;
        const char* key_label = tr(S::legend);
        width += regular->CalcTextSizeA(size, FLT_MAX, 0, key_label).x + pad;
        for (int st = 0; st < 6; ++st) width += size * 1.4f + regular->CalcTextSizeA(size, FLT_MAX, 0, status_short(static_cast<Status>(st))).x + pad;
        const ImVec2 la(canvas_min.x + em() * 0.6f, canvas_max.y - size - pad * 2 - em() * 0.6f);
        const ImVec2 lb(la.x + width, la.y + size + pad * 2);
        dl->AddRectFilled(la, lb, fade(pal.card_bg, 0.94f), em() * 0.4f);
        dl->AddRect(la, lb, pal.card_border, em() * 0.4f);
        float x = la.x + pad;
        dl->AddText(regular, size, ImVec2(x, la.y + pad), pal.muted_text, key_label);
        x += regular->CalcTextSizeA(size, FLT_MAX, 0, key_label).x + pad;
        for (int st = 0; st < 6; ++st) {
            const Status sst = static_cast<Status>(st);
            draw_status_icon(dl, ImVec2(x + size * 0.5f, la.y + pad + size * 0.5f), size * 0.5f, sst, pal.status_color(sst));
            x += size * 1.4f;
            dl->AddText(regular, size, ImVec2(x, la.y + pad), pal.status_color(sst), status_short(sst));
            x += regular->CalcTextSizeA(size, FLT_MAX, 0, status_short(sst)).x + pad;
        }
    }
    dl->PopClipRect();

    if (hovered_node >= 0 && !ImGui::IsMouseDragging(ImGuiMouseButton_Left)) {
        const Competency& c = p.competencies[hovered_node];
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(em() * 22);
        ImGui::PushFont(fonts().bold);
        ImGui::TextUnformatted(c.title.c_str());
        ImGui::PopFont();
        ImGui::TextUnformatted(c.statement.c_str());
        status_tag(status[hovered_node]);
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
    }
    ImGui::End();
}

}  // namespace mastery::ui
