// The badge studio (view_studio.hpp). [SECTION] index: helpers - working copy and undo -
// toolbar - canvas (select, move, scroll to resize, freehand) - previews - add buttons -
// layer list - properties (transform, colours, per kind) - downloads - leave dialog.
#include "ui/view_studio.hpp"

#include "app/strings.hpp"
#include "badge_export.hpp"
#include "ui/badge_art.hpp"
#include "ui/fonts.hpp"
#include "ui/item_probe.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

#include <imgui_stdlib.h>

#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <cstdlib>

namespace mastery::ui {

using app::fmt;
using app::S;
using app::tr;
using app::fmt_raw;

namespace {

// [SECTION] helpers

constexpr BadgeShape kShapes[] = {BadgeShape::circle, BadgeShape::hexagon, BadgeShape::shield,
                                  BadgeShape::star, BadgeShape::rounded_square, BadgeShape::diamond};
constexpr S kShapeNames[] = {S::studio_shape_circle, S::studio_shape_hexagon, S::studio_shape_shield,
                             S::studio_shape_star, S::studio_shape_rounded, S::studio_shape_diamond};

const char* kind_name(LayerKind k) {
    switch (k) {
        case LayerKind::shape: return tr(S::studio_kind_shape);
        case LayerKind::border: return tr(S::studio_kind_border);
        case LayerKind::ribbon: return tr(S::studio_kind_ribbon);
        case LayerKind::icon: return tr(S::studio_kind_icon);
        case LayerKind::text: return tr(S::studio_kind_text);
        case LayerKind::drawing: return tr(S::studio_kind_drawing);
    }
    return "";
}

const char* shape_name(BadgeShape s) {
    for (int i = 0; i < 6; ++i)
        if (kShapes[i] == s) return tr(kShapeNames[i]);
    return "";
}

std::string layer_summary(const BadgeLayer& l) {
    std::string out = kind_name(l.kind);
    switch (l.kind) {
        case LayerKind::shape:
        case LayerKind::border: out += std::string(" \xc2\xb7 ") + shape_name(l.shape); break;
        case LayerKind::icon: out += " \xc2\xb7 " + l.icon; break;
        case LayerKind::ribbon:
        case LayerKind::text: {
            std::string t = l.text.substr(0, 18);
            for (char& ch : t)
                if (ch == '\n') ch = ' ';
            out += " \xc2\xb7 \"" + t + "\"";
            break;
        }
        case LayerKind::drawing: out += std::string(" \xc2\xb7 ") + (l.strokes.size() == 1 ? std::string(tr(S::studio_one_line)) : fmt(S::studio_lines_fmt, int(l.strokes.size()))); break;
    }
    return out;
}

struct KeyInfo {
    bool stack = false;
    std::string id;
    int level = 0;
};
KeyInfo parse(const std::string& key) {
    KeyInfo k;
    if (key.rfind("stack:", 0) == 0) {
        k.stack = true;
        k.id = key.substr(6);
    } else if (key.rfind("competency:", 0) == 0) {
        const std::size_t colon = key.rfind(':');
        if (colon > 11) {
            k.id = key.substr(11, colon - 11);
            k.level = std::atoi(key.c_str() + colon + 1);
        }
    }
    return k;
}

bool is_earned(const ViewContext& ctx, const std::string& key) {
    const KeyInfo k = parse(key);
    if (k.stack) return ctx.progress.stack(k.id).complete;
    return !k.id.empty() && ctx.progress.earned_level(k.id) >= k.level;
}

std::size_t total_points(const BadgeDesign& d) {
    std::size_t n = 0;
    for (const BadgeLayer& l : d.layers)
        for (const BadgeStroke& s : l.strokes) n += s.points.size();
    return n;
}

ImU32 im(Rgba c) { return IM_COL32(c.r, c.g, c.b, c.a); }
Rgba from_vec(const float v[3]) {
    auto b = [](float x) { return std::uint8_t(std::lround(std::clamp(x, 0.0f, 1.0f) * 255)); };
    return {b(v[0]), b(v[1]), b(v[2]), 255};
}

// Before the next button of a row: on the same line when it fits, else on a new line.
void flow(const char* label, float spacing = -1.0f) {
    const float w = ImGui::CalcTextSize(label, nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2;
    const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    ImGui::SameLine(0, spacing);
    if (ImGui::GetCursorScreenPos().x + w > right) ImGui::NewLine();
}

// A big, friendly button.
bool big_button(const char* label, float width = 0) { return ImGui::Button(label, ImVec2(width, em() * 2.2f)); }

}  // namespace

bool icons_ready_for_download(ViewContext& ctx, const std::vector<std::string>& keys) {
    const bool needed = std::any_of(keys.begin(), keys.end(), [&](const std::string& key) {
        return design_uses_icons(*resolve_badge(ctx.record, key).design);
    });
    if (!needed) return true;
    if (badge_icon_font_state() == IconFontState::failed) {
        // says why, and asks again in the background so that the next try can work
        ctx.ui.say(fmt(S::studio_icons_failed_fmt, badge_icon_font_error().c_str()), true);
        badge_icon_font(true);
        return false;
    }
    if (badge_icon_font(false) == IconFontState::ready) return true;
    ctx.ui.say(tr(S::studio_icons_loading));
    return false;
}

void download_badge(ViewContext& ctx, const std::string& key, bool svg) {
    if (!icons_ready_for_download(ctx, {key})) return;
    auto files = export_badge(ctx.record, ctx.progress, key, badge_glyphs(), &badge_icons(), 512);
    if (!files.ok()) {
        ctx.ui.say(fmt(S::studio_download_failed_fmt, files.first_error().c_str()), true);
        return;
    }
    const BadgeFiles& f = *files.value;
    if (svg) {
        ctx.services.download_text(f.stem + ".svg", "image/svg+xml", f.svg);
        ctx.ui.say(fmt(S::studio_downloaded_fmt, (f.stem + ".svg").c_str()));
    } else {
        ctx.services.download_text(f.stem + ".png", "image/png", std::string(f.png.begin(), f.png.end()));
        ctx.ui.say(fmt(S::studio_downloaded_fmt, (f.stem + ".png").c_str()));
    }
}

namespace {

// "Download all my badges" as a long task: one badge per stage (each is drawn at 512 px and
// baked), then the ZIP, then the download, with a frame showing the progress between them.
struct BadgeZip {
    std::shared_ptr<const app::Snapshot> snap;  // the record as it was when asked
    std::vector<std::string> keys;
    std::vector<ZipEntry> entries;
    std::size_t done = 0;
};

void zip_next_badge(const std::shared_ptr<BadgeZip>& z, app::Session& s) {
    auto files = export_badge(z->snap->record, *z->snap->progress, z->keys[z->done], badge_glyphs(), &badge_icons(), 512);
    if (!files.ok()) {
        s.job_fail(fmt(S::studio_download_failed_fmt, files.first_error().c_str()));
        return;
    }
    z->entries.push_back({"my-badges/" + files.value->stem + ".png", std::move(files.value->png)});
    z->entries.push_back({"my-badges/" + files.value->stem + ".svg", {files.value->svg.begin(), files.value->svg.end()}});
    const int n = static_cast<int>(z->keys.size());
    const float share = 1.0f / static_cast<float>(n + 1);
    if (++z->done < z->keys.size()) {
        s.job_next(fmt(S::job_drawing_fmt, static_cast<int>(z->done) + 1, n), share * static_cast<float>(z->done),
                   [z](app::Session& s) { zip_next_badge(z, s); });
        return;
    }
    s.job_next(tr(S::job_packing), share * static_cast<float>(n), [z](app::Session& s) {
        std::string error;
        auto zip = zip_store(z->entries, &error);
        z->entries.clear();
        if (!zip) {
            s.job_fail(fmt(S::studio_download_failed_fmt, error.c_str()));
            return;
        }
        auto bytes = std::make_shared<std::string>(zip->begin(), zip->end());
        s.job_next(tr(S::job_downloading), 0.98f, [bytes](app::Session& s) {
            s.services().download_text("my-badges.zip", "application/zip", *bytes);
            s.ui().say(fmt(S::studio_downloaded_fmt, "my-badges.zip"));
        });
    });
}

}  // namespace

void download_all_badges(ViewContext& ctx) {
    std::vector<std::string> keys = earned_badge_keys(ctx.record, ctx.progress);
    if (keys.empty()) {
        ctx.ui.say(tr(S::studio_none_earned));
        return;
    }
    if (!icons_ready_for_download(ctx, keys)) return;
    if (!ctx.commands.start_job || !ctx.snapshot) return;
    auto z = std::make_shared<BadgeZip>();
    z->snap = ctx.snapshot;
    z->keys = std::move(keys);
    app::Job job;
    job.title = tr(S::job_badges_title);
    job.file_name = "my-badges.zip";
    job.steps = static_cast<int>(z->keys.size()) + 2;
    job.show = z->keys.size() >= 3;
    job.stage = fmt(S::job_drawing_fmt, 1, static_cast<int>(z->keys.size()));
    job.next = [z](app::Session& s) { zip_next_badge(z, s); };
    ctx.commands.start_job(std::move(job));
}

void badge_actions(ViewContext& ctx, const std::string& key, bool earned) {
    ImGui::PushID(key.c_str());
    if (ImGui::Button(tr(S::studio_open))) ctx.ui.open_studio(key);
    if (earned) {
        ImGui::SameLine();
        if (ImGui::Button(tr(S::studio_download_png))) download_badge(ctx, key, false);
        ImGui::SameLine();
        if (ImGui::Button(tr(S::studio_download_svg))) download_badge(ctx, key, true);
    }
    ImGui::PopID();
}

// [SECTION] working copy and undo

void StudioView::load(const ViewContext& ctx, const std::string& badge_key) {
    key = badge_key;
    work = *resolve_badge(ctx.record, key).design;
    committed = saved = work;
    undo_stack.clear();
    redo_stack.clear();
    selected = -1;
    draw_tool = false;
    eraser = false;
    stroke.clear();
    stroking = moving = false;
    confirm_leave = false;
    icon_query.clear();
    preview_hash = design_hash(committed);
    record_id = ctx.record.id;
    title = badge_title(ctx.record, key);
    stale = false;
    changed();
}

bool StudioView::notice_record(ViewContext& ctx) {
    if (badge_subject(ctx.record, key).title.empty()) {
        // another record on another pathway: this badge does not exist there
        ctx.ui.say(fmt(S::studio_closed_fmt, title.c_str()), true);
        ctx.ui.page = ctx.ui.studio_back == app::Page::studio ? app::Page::map : ctx.ui.studio_back;
        ctx.ui.studio_key.clear();
        key.clear();
        return false;
    }
    const BadgeDesign& now = *resolve_badge(ctx.record, key).design;
    const bool changed_underneath = !(now == saved) || ctx.record.id != record_id;
    if (!changed_underneath) {
        stale = false;
        return true;
    }
    commit();  // an edit under way counts as a change of the student's
    if (!dirty()) {
        const bool design_changed = !(now == saved);
        load(ctx, key);
        if (design_changed) ctx.ui.say(tr(S::studio_reloaded));
        return true;
    }
    stale = true;
    return true;
}

void StudioView::commit() {
    if (work == committed) return;
    undo_stack.push_back(std::move(committed));
    if (undo_stack.size() > 100) undo_stack.erase(undo_stack.begin());
    committed = work;
    redo_stack.clear();
    preview_hash = design_hash(committed);
}

void StudioView::undo() {
    commit();
    if (undo_stack.empty()) return;
    redo_stack.push_back(std::move(committed));
    committed = std::move(undo_stack.back());
    undo_stack.pop_back();
    work = committed;
    if (selected >= int(work.layers.size())) selected = int(work.layers.size()) - 1;
    preview_hash = design_hash(committed);
    changed();
}

void StudioView::redo() {
    if (redo_stack.empty()) return;
    undo_stack.push_back(std::move(committed));
    committed = std::move(redo_stack.back());
    redo_stack.pop_back();
    work = committed;
    if (selected >= int(work.layers.size())) selected = int(work.layers.size()) - 1;
    preview_hash = design_hash(committed);
    changed();
}

namespace {

// Everything below works on the view's state; the record changes only in save().

bool save(StudioView& v, ViewContext& ctx) {
    if (v.stale) {  // never over a badge that changed underneath without the student choosing
        ctx.ui.say(tr(S::studio_stale_choose), true);
        return false;
    }
    v.commit();
    const app::Outcome o = ctx.dispatch(Action{SetBadgeDesign{v.key, to_json(v.work)}, ""});
    if (!o.ok) {
        ctx.ui.say(fmt(S::refused_fmt, o.error.c_str()), true);
        return false;
    }
    v.saved = v.work;
    ctx.ui.say(tr(S::studio_saved));
    return true;
}

void leave(StudioView& v, ViewContext& ctx) {
    ctx.ui.page = ctx.ui.studio_back == app::Page::studio ? app::Page::map : ctx.ui.studio_back;
    v.key.clear();
}

void add_layer(StudioView& v, ViewContext& ctx, BadgeLayer layer) {
    if (v.work.layers.size() >= BadgeLimits{}.max_layers) {
        ctx.ui.say(tr(S::studio_too_big), true);
        return;
    }
    v.work.layers.push_back(std::move(layer));
    v.selected = int(v.work.layers.size()) - 1;
    v.draw_tool = v.work.layers.back().kind == LayerKind::drawing;
    v.changed();
    v.commit();
}

BadgeLayer make_layer(const StudioView& v, const ViewContext& ctx, LayerKind kind) {
    BadgeLayer l = new_layer(kind);
    const mastery::Palette& pal = badge_palettes()[std::size_t(std::clamp(v.palette, 0, int(badge_palettes().size()) - 1))];
    const std::size_t n = v.work.layers.size();
    switch (kind) {
        case LayerKind::shape:
            if (!pal.colors.empty()) l.fill.color = pal.colors[n % pal.colors.size()];
            break;
        case LayerKind::border: l.color = {255, 255, 255, 255}; break;
        case LayerKind::ribbon: {
            const BadgeSubject s = badge_subject(ctx.record, v.key);
            l.text = s.level_name.empty() ? s.title.substr(0, 24) : s.level_name;
            if (!pal.colors.empty()) l.color = pal.colors[(n + 2) % pal.colors.size()];
            l.text_color = readable_on(l.color);
            break;
        }
        case LayerKind::icon: {
            const IconTable& icons = badge_icons();
            if (!icons.empty()) {
                const IconEntry* e = find_icon(icons, "star");
                if (!e) e = &icons.front();
                l.icon = e->name;
                l.codepoint = e->codepoint;
            }
            break;
        }
        case LayerKind::text: l.text = tr(S::studio_new_text); l.size = 14; l.y = 30; break;
        case LayerKind::drawing: break;
    }
    return l;
}

// [SECTION] toolbar

void draw_toolbar(StudioView& v, ViewContext& ctx) {
    const bool earned = is_earned(ctx, v.key);
    if (big_button(("\xe2\x86\x90 " + std::string(tr(S::nav_back))).c_str())) {
        v.commit();
        if (v.dirty()) v.confirm_leave = true;
        else leave(v, ctx);
    }
    ImGui::SameLine();
    ImGui::BeginGroup();
    heading(fmt(S::studio_title_fmt, badge_title(ctx.record, v.key).c_str()));
    text_muted(tr(S::studio_help));
    ImGui::EndGroup();

    const bool dirty = v.dirty();
    if (v.stale) {
        ImGui::PushStyleColor(ImGuiCol_ChildBg, fade(palette().plan_accent, 0.18f));
        ImGui::BeginChild("##stale", ImVec2(0, 0), ImGuiChildFlags_AutoResizeY | ImGuiChildFlags_Border);
        ImGui::PushTextWrapPos(0);
        icon_tag(Status::not_yet, tr(S::studio_stale));
        ImGui::PopTextWrapPos();
        if (big_button(tr(S::studio_stale_reload))) {
            v.load(ctx, v.key);
            ctx.ui.say(tr(S::studio_reloaded));
        }
        ImGui::SameLine();
        if (big_button(tr(S::studio_stale_keep))) {
            // the student chose: from now on Save writes their design over the newer one
            v.saved = *resolve_badge(ctx.record, v.key).design;
            v.record_id = ctx.record.id;
            v.stale = false;
        }
        ImGui::EndChild();
        ImGui::PopStyleColor();
    }
    ImGui::BeginDisabled(v.stale);
    if (primary_button(tr(S::studio_save), ImVec2(0, em() * 2.2f))) save(v, ctx);
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::BeginGroup();
    ImGui::Dummy(ImVec2(1, em() * 0.45f));
    if (dirty) icon_tag(Status::in_progress, tr(S::studio_unsaved));
    else icon_tag(Status::earned, tr(S::studio_all_saved));
    ImGui::EndGroup();

    flow(tr(S::studio_undo), em() * 1.5f);
    ImGui::BeginDisabled(v.undo_stack.empty() && v.work == v.committed);
    if (big_button(tr(S::studio_undo))) v.undo();
    ImGui::EndDisabled();
    flow(tr(S::studio_redo));
    ImGui::BeginDisabled(v.redo_stack.empty());
    if (big_button(tr(S::studio_redo))) v.redo();
    ImGui::EndDisabled();
    flow(tr(S::studio_surprise), em() * 1.5f);
    if (big_button(tr(S::studio_surprise))) {
        ++v.surprises;
        v.work = surprise_design(badge_subject(ctx.record, v.key), badge_seed(v.key) + v.surprises * 7919u, &badge_icons());
        v.selected = -1;
        v.changed();
        v.commit();
    }
    flow(tr(S::studio_template));
    if (big_button(tr(S::studio_template))) {
        v.work = default_design(badge_subject(ctx.record, v.key), badge_seed(v.key), &badge_icons());
        v.selected = -1;
        v.changed();
        v.commit();
    }
    flow(tr(S::studio_blank));
    if (big_button(tr(S::studio_blank))) {
        v.work.layers.clear();
        v.selected = -1;
        v.changed();
        v.commit();
    }
    if (earned) {
        flow(tr(S::studio_download_png), em() * 1.5f);
        ImGui::BeginDisabled(dirty);
        if (big_button(tr(S::studio_download_png))) download_badge(ctx, v.key, false);
        flow(tr(S::studio_download_svg));
        if (big_button(tr(S::studio_download_svg))) download_badge(ctx, v.key, true);
        ImGui::EndDisabled();
        if (dirty && ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) tooltip(tr(S::studio_download_need_save));
    }
    // keyboard undo/redo (the shell leaves Ctrl+Z to the studio while it is open)
    if (!ImGui::GetIO().WantTextInput) {
        if (ImGui::IsKeyChordPressed(ImGuiMod_Ctrl | ImGuiKey_Z)) v.undo();
        if (ImGui::IsKeyChordPressed(ImGuiMod_Ctrl | ImGuiKey_Y) || ImGui::IsKeyChordPressed(ImGuiMod_Ctrl | ImGuiMod_Shift | ImGuiKey_Z))
            v.redo();
    }
}

// [SECTION] canvas

void draw_checker(ImDrawList* dl, ImVec2 a, float side) {
    const int n = 10;
    const float cell = side / n;
    dl->AddRectFilled(a, ImVec2(a.x + side, a.y + side), IM_COL32(250, 250, 250, 255), em() * 0.4f);
    for (int y = 0; y < n; ++y)
        for (int x = (y % 2); x < n; x += 2)
            dl->AddRectFilled(ImVec2(a.x + x * cell, a.y + y * cell), ImVec2(a.x + (x + 1) * cell, a.y + (y + 1) * cell),
                              IM_COL32(232, 232, 236, 255));
}

void draw_canvas(StudioView& v, ViewContext& ctx, float side) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 a = ImGui::GetCursorScreenPos();
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::InvisibleButton(tr(S::studio_canvas), ImVec2(side, side));
    const bool hovered = ImGui::IsItemHovered();
    v.canvas_hovered = hovered && v.selected >= 0;
    const ImVec2 m = io.MousePos;
    const Vec2 px{m.x - a.x, m.y - a.y};
    const DesignPoint dp{px.x / side * 100.0, px.y / side * 100.0};

    if (design_uses_icons(v.work)) badge_icon_font(false);  // drawn without the icon until the font is in, then again
    if (v.geo_version != v.version || v.geo_size != side || v.geo_icons != badge_icon_font_generation()) {
        v.geometry = badge_geometry(v.work, side, badge_glyphs());
        v.geo_icons = badge_icon_font_generation();
        v.mesh = badge_mesh(v.geometry);
        v.geo_version = v.version;
        v.geo_size = side;
    }
    const bool drawing_layer = v.selected >= 0 && v.selected < int(v.work.layers.size()) &&
                               v.work.layers[std::size_t(v.selected)].kind == LayerKind::drawing;

    if (ImGui::IsItemActivated()) {
        if (v.draw_tool && drawing_layer) {
            const DesignPoint lp = canvas_to_layer(v.work.layers[std::size_t(v.selected)], dp);
            v.stroke = {{lp.x, lp.y}};
            v.stroking = true;
        } else {
            const int hit = hit_test(v.geometry, px);
            if (hit >= 0) v.selected = hit;
            v.moving = hit >= 0;
            v.draw_tool = false;
        }
    }
    if (ImGui::IsItemActive()) {
        if (v.stroking && drawing_layer) {
            const DesignPoint lp = canvas_to_layer(v.work.layers[std::size_t(v.selected)], dp);
            const auto& last = v.stroke.back();
            if (std::hypot(lp.x - last[0], lp.y - last[1]) > 0.4 && v.stroke.size() < BadgeLimits{}.max_points)
                v.stroke.push_back({lp.x, lp.y});
        } else if (v.moving && v.selected >= 0 && (io.MouseDelta.x != 0 || io.MouseDelta.y != 0)) {
            BadgeLayer& l = v.work.layers[std::size_t(v.selected)];
            l.x = std::clamp(l.x + io.MouseDelta.x / side * 100.0, -50.0, 150.0);
            l.y = std::clamp(l.y + io.MouseDelta.y / side * 100.0, -50.0, 150.0);
            v.changed();
        }
    }
    if (ImGui::IsItemDeactivated()) {
        if (v.stroking && drawing_layer) {
            BadgeLayer& l = v.work.layers[std::size_t(v.selected)];
            if (v.stroke.size() == 1) v.stroke.push_back({v.stroke[0][0] + 0.01, v.stroke[0][1]});  // a dot
            BadgeStroke s;
            s.points = simplify_stroke(v.stroke);
            s.width = v.brush / std::max(0.05, l.scale);
            s.color = v.brush_colour;
            s.eraser = v.eraser;
            if (l.strokes.size() >= BadgeLimits{}.max_strokes ||
                total_points(v.work) + s.points.size() > BadgeLimits{}.max_total_points) {
                ctx.ui.say(tr(S::studio_too_big), true);
            } else {
                l.strokes.push_back(std::move(s));
                v.changed();
            }
        }
        v.stroke.clear();
        v.stroking = false;
        v.moving = false;
        v.commit();
    }
    // scroll on the selected piece: bigger / smaller
    if (hovered && io.MouseWheel != 0 && v.selected >= 0 && !v.draw_tool) {
        BadgeLayer& l = v.work.layers[std::size_t(v.selected)];
        l.scale = std::clamp(l.scale * std::pow(1.1, double(io.MouseWheel)), 0.1, 5.0);
        v.changed();
        v.commit();
    }

    // drawing
    draw_checker(dl, a, side);
    dl->PushClipRect(a, ImVec2(a.x + side, a.y + side), true);
    {
        const ImVec2 uv = dl->_Data->TexUvWhitePixel;
        const std::size_t n = v.mesh.vertices.size();
        if (n > 0) {
            dl->PrimReserve(int(n), int(n));
            const ImDrawIdx base = static_cast<ImDrawIdx>(dl->_VtxCurrentIdx);
            for (std::size_t i = 0; i < n; ++i) {
                const BadgeVertex& bv = v.mesh.vertices[i];
                dl->PrimWriteIdx(static_cast<ImDrawIdx>(base + i));
                dl->PrimWriteVtx(ImVec2(a.x + float(bv.pos.x), a.y + float(bv.pos.y)), uv, im(bv.color));
            }
        }
    }
    if (v.stroking && drawing_layer && v.stroke.size() > 0) {
        const BadgeLayer& l = v.work.layers[std::size_t(v.selected)];
        std::vector<ImVec2> pts;
        for (const auto& p : v.stroke) {
            const DesignPoint c = layer_to_canvas(l, {p[0], p[1]});
            pts.emplace_back(a.x + float(c.x / 100.0 * side), a.y + float(c.y / 100.0 * side));
        }
        const float w = float(v.brush / 100.0 * side);
        const ImU32 col = v.eraser ? IM_COL32(255, 255, 255, 200) : im(v.brush_colour);
        if (pts.size() == 1) dl->AddCircleFilled(pts[0], w * 0.5f, col);
        else dl->AddPolyline(pts.data(), int(pts.size()), col, ImDrawFlags_None, w);
    }
    if (v.selected >= 0 && !v.stroking) {
        const BadgeBox b = layer_bounds(v.geometry, v.selected);
        if (!b.empty()) {
            const ImVec2 p0(a.x + float(b.x0) - 4, a.y + float(b.y0) - 4), p1(a.x + float(b.x1) + 4, a.y + float(b.y1) + 4);
            dl->AddRect(p0, p1, IM_COL32(0, 0, 0, 200), 4, 0, 3.0f);
            dl->AddRect(p0, p1, IM_COL32(255, 255, 255, 255), 4, 0, 1.5f);
        }
    }
    if (v.draw_tool && drawing_layer && hovered) {  // brush outline under the pointer
        const float w = float(v.brush / 100.0 * side);
        dl->AddCircle(m, std::max(2.0f, w * 0.5f), IM_COL32(0, 0, 0, 160), 24, 1.5f);
    }
    dl->PopClipRect();
    dl->AddRect(a, ImVec2(a.x + side, a.y + side), palette().card_border, em() * 0.4f, 0, 2.0f);
    if (v.draw_tool && drawing_layer) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
}

// [SECTION] previews

void draw_previews(StudioView& v) {
    subheading(tr(S::studio_preview));
    const float sizes[] = {em() * 1.45f * 2.2f, 30 * em() / kBaseFontSize * 2.2f, em() * 7.0f};
    const S names[] = {S::studio_preview_sticker, S::studio_preview_node, S::studio_preview_large};
    for (int bg = 0; bg < 2; ++bg) {
        ImGui::PushID(bg);
        const ImU32 back = bg == 0 ? IM_COL32(255, 255, 255, 255) : IM_COL32(28, 30, 36, 255);
        const ImU32 words = bg == 0 ? IM_COL32(40, 40, 40, 255) : IM_COL32(235, 235, 235, 255);
        const ImVec2 a = ImGui::GetCursorScreenPos();
        const float pad = em() * 0.5f;
        float width = pad;
        for (float s : sizes) width += s + pad;
        const float height = sizes[2] + pad * 2 + em() * 1.2f;
        ImGui::Dummy(ImVec2(width, height));
        ImDrawList* dl = ImGui::GetWindowDrawList();
        dl->AddRectFilled(a, ImVec2(a.x + width, a.y + height), back, em() * 0.4f);
        dl->AddRect(a, ImVec2(a.x + width, a.y + height), palette().card_border, em() * 0.4f);
        float x = a.x + pad;
        for (int i = 0; i < 3; ++i) {
            const float y = a.y + pad + (sizes[2] - sizes[i]) * 0.5f;
            draw_badge_design(dl, ImVec2(x, y), sizes[i], v.committed, 1.0f, v.preview_hash);
            const char* label = tr(names[i]);
            const float tw = ImGui::CalcTextSize(label).x;
            dl->AddText(ImVec2(x + sizes[i] * 0.5f - tw * 0.5f, a.y + pad + sizes[2] + em() * 0.1f), words, label);
            x += sizes[i] + pad;
        }
        text_muted(tr(bg == 0 ? S::studio_light_bg : S::studio_dark_bg));
        ImGui::PopID();
    }
}

// [SECTION] add buttons and layer list

void draw_add(StudioView& v, ViewContext& ctx) {
    subheading(tr(S::studio_add));
    const std::pair<LayerKind, S> kinds[] = {{LayerKind::shape, S::studio_add_shape},   {LayerKind::border, S::studio_add_border},
                                             {LayerKind::ribbon, S::studio_add_ribbon}, {LayerKind::icon, S::studio_add_icon},
                                             {LayerKind::text, S::studio_add_text},     {LayerKind::drawing, S::studio_add_drawing}};
    ImGui::PushID("add");
    const float w = std::max(em() * 6.0f, (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x * 2) / 3.0f);
    int k = 0;
    for (const auto& [kind, name] : kinds) {
        if (k % 3 != 0) ImGui::SameLine();
        if (big_button(fmt_raw("+ %s", tr(name)), w)) add_layer(v, ctx, make_layer(v, ctx, kind));
        ++k;
    }
    ImGui::PopID();
}

void draw_layers(StudioView& v) {
    subheading(tr(S::studio_layers));
    if (v.work.layers.empty()) {
        text_muted(tr(S::studio_no_layers));
        return;
    }
    ImGui::PushID("layers");
    for (int i = int(v.work.layers.size()) - 1; i >= 0; --i) {
        ImGui::PushID(i);
        const std::string label = std::to_string(i + 1) + ". " + layer_summary(v.work.layers[std::size_t(i)]);
        if (ImGui::Selectable(label.c_str(), v.selected == i, 0, ImVec2(0, em() * 1.6f))) {
            v.selected = i;
            v.draw_tool = v.work.layers[std::size_t(i)].kind == LayerKind::drawing;
        }
        ImGui::PopID();
    }
    const int n = int(v.work.layers.size());
    const bool has = v.selected >= 0 && v.selected < n;
    ImGui::BeginDisabled(!has || v.selected >= n - 1);
    if (big_button(tr(S::studio_layer_up))) {
        std::swap(v.work.layers[std::size_t(v.selected)], v.work.layers[std::size_t(v.selected + 1)]);
        ++v.selected;
        v.changed();
        v.commit();
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::BeginDisabled(!has || v.selected <= 0);
    if (big_button(tr(S::studio_layer_down))) {
        std::swap(v.work.layers[std::size_t(v.selected)], v.work.layers[std::size_t(v.selected - 1)]);
        --v.selected;
        v.changed();
        v.commit();
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::BeginDisabled(!has);
    if (big_button(tr(S::studio_layer_delete))) {
        v.work.layers.erase(v.work.layers.begin() + v.selected);
        v.selected = std::min(v.selected, int(v.work.layers.size()) - 1);
        v.draw_tool = false;
        v.changed();
        v.commit();
    }
    ImGui::EndDisabled();
    ImGui::PopID();
}

// [SECTION] properties

// A slider that edits the working copy live and finishes one undo step when let go.
bool edit_slider(StudioView& v, const char* label, double& value, double lo, double hi, const char* format = "%.0f") {
    float f = float(value);
    ImGui::SetNextItemWidth(std::min(ImGui::GetContentRegionAvail().x - em() * 7, em() * 18));
    const bool changed = ImGui::SliderFloat(label, &f, float(lo), float(hi), format);
    if (changed) {
        value = f;
        v.changed();
    }
    if (ImGui::IsItemDeactivatedAfterEdit()) v.commit();
    return changed;
}

bool edit_text(StudioView& v, const char* label, std::string& text, bool multiline = false) {
    std::string copy = text;
    bool changed;
    if (multiline)
        changed = ImGui::InputTextMultiline(label, &copy, ImVec2(std::min(ImGui::GetContentRegionAvail().x, em() * 20), em() * 3.5f));
    else {
        ImGui::SetNextItemWidth(std::min(ImGui::GetContentRegionAvail().x - em() * 5, em() * 18));
        changed = ImGui::InputText(label, &copy);
    }
    if (changed) {
        if (copy.size() > BadgeLimits{}.max_text_bytes) copy.resize(BadgeLimits{}.max_text_bytes);  // (UTF-8 may be cut: checked below)
        if (decode_utf8(copy).find(U'\uFFFD') != std::u32string::npos) copy = text;
        text = copy;
        v.changed();
    }
    if (ImGui::IsItemDeactivated()) v.commit();
    return changed;
}

// Palette swatches + the colour picker for one colour of the selected layer.
void colour_editor(StudioView& v, Rgba& colour) {
    const auto& palettes = badge_palettes();
    v.palette = std::clamp(v.palette, 0, int(palettes.size()) - 1);
    const mastery::Palette& pal = palettes[std::size_t(v.palette)];
    ImGui::SetNextItemWidth(std::min(ImGui::GetContentRegionAvail().x, em() * 18));
    if (ImGui::BeginCombo(tr(S::studio_palette), pal.name.c_str())) {
        for (int i = 0; i < int(palettes.size()); ++i) {
            std::string name = palettes[std::size_t(i)].name;
            if (palettes[std::size_t(i)].colorblind_safe) name += std::string(" ") + tr(S::studio_palette_safe);
            if (ImGui::Selectable(name.c_str(), i == v.palette)) v.palette = i;
        }
        ImGui::EndCombo();
    }
    const float sw = em() * 2.0f;
    for (std::size_t i = 0; i < pal.colors.size(); ++i) {
        if (i % 8 != 0) ImGui::SameLine();
        const Rgba c = pal.colors[i];
        ImGui::PushID(int(i));
        const ImVec4 col(c.r / 255.0f, c.g / 255.0f, c.b / 255.0f, 1.0f);
        const char* name = fmt(S::studio_colour_n_fmt, int(i) + 1);
        const bool picked = ImGui::ColorButton(name, col, ImGuiColorEditFlags_NoTooltip, ImVec2(sw, sw));
        probe::label_last_item(name);  // ImGui 1.90 does not label colour buttons for the test hooks
        if (picked) {
            colour = Rgba{c.r, c.g, c.b, colour.a};
            v.changed();
            v.commit();
        }
        if (colour.r == c.r && colour.g == c.g && colour.b == c.b) {
            const ImVec2 p0 = ImGui::GetItemRectMin(), p1 = ImGui::GetItemRectMax();
            ImGui::GetWindowDrawList()->AddRect(ImVec2(p0.x - 3, p0.y - 3), ImVec2(p1.x + 3, p1.y + 3), ImGui::GetColorU32(ImGuiCol_Text), 3, 0, 2.5f);
        }
        ImGui::PopID();
    }
    float rgb[3] = {colour.r / 255.0f, colour.g / 255.0f, colour.b / 255.0f};
    if (ImGui::ColorEdit3(tr(S::studio_colour_own), rgb, ImGuiColorEditFlags_NoInputs | ImGuiColorEditFlags_PickerHueWheel)) {
        const Rgba c = from_vec(rgb);
        colour = Rgba{c.r, c.g, c.b, colour.a};
        v.changed();
    }
    if (ImGui::IsItemDeactivatedAfterEdit()) v.commit();
}

void icon_picker(StudioView& v, BadgeLayer& l) {
    ImGui::SetNextItemWidth(std::min(ImGui::GetContentRegionAvail().x - em() * 7, em() * 16));
    ImGui::InputTextWithHint(tr(S::studio_find_icon), tr(S::studio_find_icon_hint), &v.icon_query);
    const IconTable& table = badge_icons();
    std::vector<const IconEntry*> found;
    if (v.icon_query.empty())
        for (const IconEntry& e : table) found.push_back(&e);
    else
        found = search_icons(table, v.icon_query, 40);
    if (found.empty()) {
        text_muted(fmt(S::studio_no_icons_fmt, v.icon_query.c_str()));
        return;
    }
    const float cell = em() * 3.0f;
    const int per_row = std::max(1, int((ImGui::GetContentRegionAvail().x + ImGui::GetStyle().ItemSpacing.x) / (cell + ImGui::GetStyle().ItemSpacing.x)));
    ImGui::PushID("icons");
    for (std::size_t i = 0; i < found.size(); ++i) {
        const IconEntry& e = *found[i];
        if (i % std::size_t(per_row) != 0) ImGui::SameLine();
        ImGui::PushID(e.name.c_str());
        const ImVec2 a = ImGui::GetCursorScreenPos();
        const bool chosen = l.icon == e.name;
        // the button shows the glyph only: its name (transparent text) is for the tooltip and tests
        ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(0, 0, 0, 0));
        const bool pressed = ImGui::Button((e.label + "##icon").c_str(), ImVec2(cell, cell));
        ImGui::PopStyleColor();
        if (pressed) {
            l.icon = e.name;
            l.codepoint = e.codepoint;
            v.changed();
            v.commit();
        }
        // the glyph drawn through the same badge geometry as everything else
        BadgeDesign one;
        BadgeLayer icon = new_layer(LayerKind::icon);
        icon.icon = e.name;
        icon.codepoint = e.codepoint;
        icon.size = 70;
        icon.color = Rgba{40, 40, 40, 255};
        if (palette().high_contrast || ImGui::GetStyle().Colors[ImGuiCol_WindowBg].x < 0.5f) icon.color = Rgba{240, 240, 240, 255};
        one.layers.push_back(icon);
        draw_badge_design(ImGui::GetWindowDrawList(), ImVec2(a.x + cell * 0.1f, a.y + cell * 0.1f), cell * 0.8f, one, 1.0f,
                          badge_seed(e.name) ^ (icon.color.r == 40 ? 0x51u : 0x52u));
        if (chosen) ImGui::GetWindowDrawList()->AddRect(a, ImVec2(a.x + cell, a.y + cell), ImGui::GetColorU32(ImGuiCol_Text), 4, 0, 2.5f);
        if (ImGui::IsItemHovered()) tooltip(e.label.c_str());
        ImGui::PopID();
    }
    ImGui::PopID();
}

void draw_properties(StudioView& v, ViewContext& ctx) {
    if (v.selected < 0 || v.selected >= int(v.work.layers.size())) {
        text_muted(tr(S::studio_pick_layer));
        return;
    }
    BadgeLayer& l = v.work.layers[std::size_t(v.selected)];
    ImGui::PushID("props");
    subheading(layer_summary(l).c_str());

    // per kind first: what makes the piece what it is
    switch (l.kind) {
        case LayerKind::shape:
        case LayerKind::border: {
            text_muted(tr(S::studio_shape));
            for (int i = 0; i < 6; ++i) {
                if (i % 3 != 0) ImGui::SameLine();
                if (choice_button(tr(kShapeNames[i]), l.shape == kShapes[i], em() * 8)) {
                    l.shape = kShapes[i];
                    v.changed();
                    v.commit();
                }
            }
            if (l.shape == BadgeShape::star) {
                double pts = l.points;
                if (edit_slider(v, tr(S::studio_points), pts, 3, 12)) l.points = int(std::lround(pts));
            }
            if (l.kind == LayerKind::shape) {
                text_muted(tr(S::studio_fill));
                const std::pair<FillKind, S> fills[] = {{FillKind::solid, S::studio_fill_solid}, {FillKind::gradient, S::studio_fill_gradient},
                                                        {FillKind::stripes, S::studio_fill_stripes}, {FillKind::dots, S::studio_fill_dots}};
                int k = 0;
                for (const auto& [fill, name] : fills) {
                    if (k++ > 0) ImGui::SameLine();
                    if (choice_button(tr(name), l.fill.kind == fill, em() * 6)) {
                        l.fill.kind = fill;
                        v.changed();
                        v.commit();
                    }
                }
            } else {
                edit_slider(v, tr(S::studio_line), l.width, 1, 12);
                bool dashed = l.dash > 0;
                if (ImGui::Checkbox(tr(S::studio_dashed), &dashed)) {
                    l.dash = dashed ? 6 : 0;
                    v.changed();
                    v.commit();
                }
            }
            break;
        }
        case LayerKind::ribbon: {
            edit_text(v, tr(S::studio_words), l.text);
            const std::pair<RibbonStyle, S> styles[] = {{RibbonStyle::banner, S::studio_ribbon_banner},
                                                        {RibbonStyle::flat, S::studio_ribbon_flat}, {RibbonStyle::tails, S::studio_ribbon_tails}};
            int k = 0;
            for (const auto& [style, name] : styles) {
                if (k++ > 0) ImGui::SameLine();
                if (choice_button(tr(name), l.style == style, em() * 6)) {
                    l.style = style;
                    v.changed();
                    v.commit();
                }
            }
            break;
        }
        case LayerKind::text: {
            edit_text(v, tr(S::studio_words), l.text, true);
            if (ImGui::Checkbox(tr(S::studio_bold), &l.bold)) {
                v.changed();
                v.commit();
            }
            edit_slider(v, tr(S::studio_curve), l.arc, -60, 60);
            break;
        }
        case LayerKind::icon: icon_picker(v, l); break;
        case LayerKind::drawing: {
            if (choice_button(tr(S::studio_tool_draw), v.draw_tool, em() * 7)) v.draw_tool = true;
            ImGui::SameLine();
            if (choice_button(tr(S::studio_tool_move), !v.draw_tool, em() * 7)) v.draw_tool = false;
            text_muted(tr(S::studio_brush));
            const std::pair<double, S> brushes[] = {{1.5, S::studio_brush_thin}, {3.0, S::studio_brush_medium}, {7.0, S::studio_brush_thick}};
            int k = 0;
            for (const auto& [size, name] : brushes) {
                if (k++ > 0) ImGui::SameLine();
                if (choice_button(tr(name), v.brush == size, em() * 6)) {
                    v.brush = size;
                    v.draw_tool = true;
                }
            }
            if (choice_button(tr(S::studio_pen), !v.eraser, em() * 6)) { v.eraser = false; v.draw_tool = true; }
            ImGui::SameLine();
            if (choice_button(tr(S::studio_eraser), v.eraser, em() * 6)) { v.eraser = true; v.draw_tool = true; }
            ImGui::SameLine();
            ImGui::BeginDisabled(l.strokes.empty());
            if (ImGui::Button(tr(S::studio_clear_drawing))) {
                l.strokes.clear();
                v.changed();
                v.commit();
            }
            ImGui::EndDisabled();
            break;
        }
    }

    // colours
    ImGui::Spacing();
    subheading(tr(S::studio_colours));
    Rgba* slots[2] = {nullptr, nullptr};
    S slot_names[2] = {S::studio_colour_main, S::studio_colour_second};
    switch (l.kind) {
        case LayerKind::shape:
            slots[0] = &l.fill.color;
            if (l.fill.kind != FillKind::solid) slots[1] = &l.fill.color2;
            break;
        case LayerKind::ribbon:
            slots[0] = &l.color;
            slots[1] = &l.text_color;
            slot_names[1] = S::studio_colour_words;
            break;
        case LayerKind::drawing: slots[0] = &v.brush_colour; break;
        default: slots[0] = &l.color; break;
    }
    if (!slots[1]) v.colour_slot = 0;
    if (slots[1]) {
        if (choice_button(tr(slot_names[0]), v.colour_slot == 0, em() * 8)) v.colour_slot = 0;
        ImGui::SameLine();
        if (choice_button(tr(slot_names[1]), v.colour_slot == 1, em() * 8)) v.colour_slot = 1;
    }
    if (l.kind == LayerKind::drawing) {
        const Rgba before = v.brush_colour;
        colour_editor(v, v.brush_colour);
        if (!(before == v.brush_colour)) { v.eraser = false; v.draw_tool = true; }
    } else {
        colour_editor(v, *slots[v.colour_slot]);
    }

    // where and how big
    ImGui::Spacing();
    subheading(tr(S::studio_place));
    edit_slider(v, tr(S::studio_move_x), l.x, 0, 100);
    edit_slider(v, tr(S::studio_move_y), l.y, 0, 100);
    edit_slider(v, tr(S::studio_scale), l.scale, 0.1, 3.0, "%.2f");
    edit_slider(v, tr(S::studio_rotate), l.rotation, -180, 180, "%.0f\xc2\xb0");
    ImGui::PopID();
    (void)ctx;
}

// [SECTION] leave dialog

void draw_leave_dialog(StudioView& v, ViewContext& ctx) {
    if (v.confirm_leave) {
        ImGui::OpenPopup(tr(S::studio_leave_title));
        v.confirm_leave = false;
    }
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (ImGui::BeginPopupModal(tr(S::studio_leave_title), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::TextUnformatted(tr(S::studio_leave_body));
        if (primary_button(tr(S::studio_leave_save), ImVec2(0, em() * 2.2f))) {
            if (save(v, ctx)) leave(v, ctx);
            ImGui::CloseCurrentPopup();
        }
        ImGui::SameLine();
        if (big_button(tr(S::studio_leave_discard))) {
            leave(v, ctx);
            ImGui::CloseCurrentPopup();
        }
        ImGui::SameLine();
        if (big_button(tr(S::studio_keep))) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
}

}  // namespace

// [SECTION] the page

void StudioView::draw(ViewContext& ctx) {
    if (!ImGui::Begin("Badge studio###studio", nullptr, kPageFlags)) {
        ImGui::End();
        return;
    }
    if (ctx.ui.studio_key.empty()) {
        ctx.ui.page = app::Page::map;
        ImGui::End();
        return;
    }
    if (key != ctx.ui.studio_key) load(ctx, ctx.ui.studio_key);
    if (!notice_record(ctx)) {
        ImGui::End();
        return;
    }

    draw_toolbar(*this, ctx);
    ImGui::Separator();

    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float side = std::floor(std::clamp(std::min(avail.x * 0.48f, avail.y - em() * 1.5f), em() * 12, em() * 30));
    // the wheel over the canvas resizes the selected piece instead of scrolling
    ImGui::BeginChild("##canvas_side", ImVec2(side + ImGui::GetStyle().WindowPadding.x * 2 + em(), 0), ImGuiChildFlags_None,
                      canvas_hovered ? ImGuiWindowFlags_NoScrollWithMouse : 0);
    draw_canvas(*this, ctx, side);
    const bool drawing_layer = selected >= 0 && selected < int(work.layers.size()) && work.layers[std::size_t(selected)].kind == LayerKind::drawing;
    text_muted(tr(draw_tool && drawing_layer ? S::studio_draw_hint : S::studio_move_hint));
    ImGui::Spacing();
    draw_previews(*this);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("##tools", ImVec2(0, 0), ImGuiChildFlags_None);
    touch_scroll(ctx.ui);
    draw_add(*this, ctx);
    ImGui::Spacing();
    draw_layers(*this);
    ImGui::Separator();
    draw_properties(*this, ctx);
    ImGui::EndChild();

    // Whatever edit was under way is finished once nothing is held (the colour picker's
    // popup closing, a wheel turn): one undo step each.
    if (!ImGui::IsAnyItemActive() && !stroking && !moving && !ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId)) commit();
    draw_leave_dialog(*this, ctx);
    if (badge_art_pending()) ctx.ui.animating = true;
    ImGui::End();
}

}  // namespace mastery::ui
