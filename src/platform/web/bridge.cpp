// Functions the page calls (exported to JavaScript). window.mastery (web/shell.js) is a
// thin wrapper over these: dispatch/import/export go through the same Session and Store
// as the UI's clicks, never around them.
#include "platform/web/web_app.hpp"

#include "badge_export.hpp"
#include "ui/badge_art.hpp"
#include "ui/item_probe.hpp"

#include <emscripten.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <optional>
#include <string>
#include <vector>

using mastery::web::app;
using mastery::web::wake;

namespace {
std::string g_result;  // the last string handed to JS (copied by UTF8ToString at once)
}

extern "C" {

EMSCRIPTEN_KEEPALIVE void mm_wake() { wake(); }

EMSCRIPTEN_KEEPALIVE int mm_frames() { return app().frames; }

EMSCRIPTEN_KEEPALIVE int mm_ready() { return app().ready_sent ? 1 : 0; }

EMSCRIPTEN_KEEPALIVE const char* mm_dispatch(const char* action_json) {
    g_result = app().session.js_dispatch(action_json ? action_json : "");
    app().session.poll_changes();  // a hidden tab draws no frames: notice the change here
    wake();
    return g_result.c_str();
}

// The record's text a piece at a time (about 1 MB each; "" when done): `first` = 1 starts
// from the present record. Pieces end between JSON values, never inside a character. The
// whole text never sits in wasm memory (the page joins the pieces).
EMSCRIPTEN_KEEPALIVE const char* mm_export(int first) {
    static std::optional<mastery::RecordWriter> writer;
    std::string().swap(g_result);
    if (first) {
        writer.reset();
        if (const mastery::app::Store* store = app().session.store()) writer.emplace(store->snapshot()->owner);
    }
    if (writer && !writer->write(g_result, std::size_t(1) << 20)) writer.reset();
    return g_result.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* mm_import(const char* text) {
    std::string().swap(g_result);  // an export's text (10 MB for a big record) is not kept through an import
    g_result = app().session.js_import(text ? text : "");
    app().session.poll_changes();
    wake();
    return g_result.c_str();
}

EMSCRIPTEN_KEEPALIVE void mm_fetched(int request, int ok, const char* data, int len, const char* error) {
    mastery::web::mark("fetched #" + std::to_string(request) + " (" + std::to_string(len) + " bytes)");
    app().session.on_fetched(request, ok != 0, std::string_view(data, static_cast<std::size_t>(len)), error ? error : "");
    mastery::web::mark("handled #" + std::to_string(request));
    wake();
}

// The badge icon font's bytes (mastery_js_fetch_font, asked for by ui::badge_icon_font).
EMSCRIPTEN_KEEPALIVE void mm_icon_font(int ok, const unsigned char* data, int len, const char* error) {
    mastery::web::mark(std::string("badge icon font ") + (ok ? "fetched" : "failed"));
    std::vector<std::uint8_t> bytes;
    if (ok && data && len > 0) bytes.assign(data, data + len);
    mastery::ui::badge_icon_font_arrived(ok != 0, std::move(bytes), error ? error : "");
    wake();
}

// Test support: the icon font's state (0 absent, 1 loading, 2 ready, 3 failed), asking for
// it first when `ask` is set.
EMSCRIPTEN_KEEPALIVE int mm_badge_icons(int ask) {
    using mastery::ui::IconFontState;
    const IconFontState s = ask ? mastery::ui::badge_icon_font(true) : mastery::ui::badge_icon_font_state();
    mastery::web::fetch_icon_font_if_asked();
    return s == IconFontState::absent ? 0 : s == IconFontState::loading ? 1 : s == IconFontState::ready ? 2 : 3;
}

EMSCRIPTEN_KEEPALIVE void mm_image_picked(int token, const char* mime, const unsigned char* data, int len) {
    mastery::app::ImageTarget target;
    if (!app().services.take_image_target(token, target)) return;
    app().session.on_image_picked(target, mime ? mime : "", std::vector<std::uint8_t>(data, data + len));
    wake();
}

// A work file picked or dropped, read in chunks by the page (web/shell.js openFile):
// purpose 0 = import into my work (preview first), 1 = a student's file opened for review
// (memory only). Returns the job id (0 = refused, with a message).
EMSCRIPTEN_KEEPALIVE int mm_file_begin(int purpose, const char* name, double bytes) {
    const auto p = purpose == 1 ? mastery::app::FilePurpose::open_for_review : mastery::app::FilePurpose::import_into_my_work;
    const int id = app().session.begin_file(p, name ? name : "", bytes);
    wake();
    return id;
}

// Where the page copies the file's bytes (null once the job is gone: cancelled).
EMSCRIPTEN_KEEPALIVE char* mm_file_buffer(int job) { return app().session.file_buffer(job); }

// 0 = the student cancelled: stop reading.
EMSCRIPTEN_KEEPALIVE int mm_file_progress(int job, double bytes_read) {
    const bool go_on = app().session.file_progress(job, bytes_read);
    wake();
    return go_on ? 1 : 0;
}

EMSCRIPTEN_KEEPALIVE void mm_file_loaded(int job, double bytes) {
    app().session.file_loaded(job, static_cast<std::size_t>(bytes));
    wake();
}

EMSCRIPTEN_KEEPALIVE void mm_file_failed(int job, const char* error) {
    app().session.file_failed(job, error ? error : "");
    wake();
}

// 1 when a frame has drawn the job's latest progress (or the job is gone).
EMSCRIPTEN_KEEPALIVE int mm_job_shown(int job) {
    const auto& j = app().session.job();
    return !j || j->id != job || j->drawn_seq == j->stage_seq ? 1 : 0;
}

// The next stage of a long file task (the page calls it after the frame showing the
// current stage is on screen: src/platform/web/main.cpp asks through mastery_js_job_soon).
EMSCRIPTEN_KEEPALIVE void mm_job_step() {
    app().session.step_job();
    app().session.poll_changes();
    wake();
}

// Test support: the stages frames have shown since the last call, as JSON.
EMSCRIPTEN_KEEPALIVE const char* mm_job_frames() {
    mastery::Json out = mastery::Json::array();
    for (const auto& f : app().session.take_job_frames())
        out.push_back({{"title", f.title}, {"stage", f.stage}, {"step", f.step}, {"fraction", f.fraction}});
    g_result = out.dump();
    return g_result.c_str();
}

// beforeunload: 1 when leaving now loses work (a mentor's reviews not in a file, or the
// student's changes that storage refused).
EMSCRIPTEN_KEEPALIVE int mm_leaving_loses_work() { return app().session.leaving_loses_work() ? 1 : 0; }

EMSCRIPTEN_KEEPALIVE void mm_file_too_big(const char* name, double bytes) {
    app().session.file_too_big(name ? name : "", bytes);
    wake();
}

// Storage answers (web/shell.js over web/storage.js).
EMSCRIPTEN_KEEPALIVE void mm_stored(int found, const char* data, int len, int from_backup) {
    mastery::web::mark(std::string("storage answered (") + (found ? std::to_string(len) + " bytes" : "nothing stored") + ")");
    app().session.on_stored(found != 0, std::string_view(data ? data : "", data ? static_cast<std::size_t>(len) : 0), from_backup != 0);
    mastery::web::mark("stored answer handled");
    wake();
}

EMSCRIPTEN_KEEPALIVE void mm_save_now() { app().session.save_now(); }
// The next slice of the save in progress (the page calls it in a new task after each part).
EMSCRIPTEN_KEEPALIVE void mm_save_step() { app().session.save_step(); }

// On pagehide: the record's text when it has changes storage has not confirmed ("" when
// none), and its id, for the page's synchronous last-chance copy (docs/PERSISTENCE.md).
EMSCRIPTEN_KEEPALIVE const char* mm_unsaved() {
    auto& s = app().session;
    g_result = s.has_unsaved_changes() && !s.saving().read_only && s.own_store() ? s.own_store()->export_record() : std::string();
    return g_result.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* mm_record_id() {
    g_result = app().session.own_store() ? app().session.own_store()->record().id : std::string();
    return g_result.c_str();
}

EMSCRIPTEN_KEEPALIVE void mm_saved(int ok, const char* error_name) {
    app().session.on_saved(ok != 0, error_name ? error_name : "");
    wake();
}

// [{"id","learner","pathway","saved_at"}] from the page (web/shell.js persist.list).
EMSCRIPTEN_KEEPALIVE void mm_stored_list(const char* json) {
    std::vector<mastery::app::StoredRecordInfo> list;
    mastery::Loaded<mastery::Json> j = mastery::parse_json(json ? json : "[]");
    if (j.ok() && j.value->is_array())
        for (const auto& e : *j.value) {
            if (!e.is_object()) continue;
            auto str = [&](const char* k) { return e.contains(k) && e[k].is_string() ? e[k].get<std::string>() : std::string(); };
            list.push_back({str("id"), str("learner"), str("pathway"), str("saved_at")});
        }
    app().session.on_stored_list(std::move(list));
    wake();
}

EMSCRIPTEN_KEEPALIVE void mm_read_only(int on) {
    app().session.set_read_only(on != 0);
    wake();
}

// {"state":"saved","problem":"","read_only":false,"reviewing":false,"set_aside":0,"restored":false,"unsaved":false,
//  "import_pending":false,"reviews_unsaved":false,"leaving_loses_work":false,"leave_asked":false,"job":null}
EMSCRIPTEN_KEEPALIVE const char* mm_save_state() {
    using mastery::app::SaveState;
    const auto& s = app().session;
    const auto& sv = s.saving();
    const char* state = sv.state == SaveState::saved ? "saved" : sv.state == SaveState::saving ? "saving" : sv.state == SaveState::failed ? "failed" : "idle";
    mastery::Json j = {{"state", state},
                       {"problem", sv.error_name},
                       {"read_only", sv.read_only},
                       {"reviewing", s.reviewing()},
                       {"set_aside", sv.set_aside_reasons.size()},
                       {"restored", sv.restored_from_backup},
                       {"unsaved", s.has_unsaved_changes()},
                       {"import_pending", s.pending_import().has_value()},
                       {"reviews_unsaved", s.reviews_unsaved()},
                       {"leaving_loses_work", s.leaving_loses_work()},
                       {"leave_asked", s.leave_pending() != mastery::app::LeaveAction::none},
                       {"job", nullptr}};
    if (const auto& job = s.job())
        j["job"] = {{"title", job->title}, {"stage", job->stage}, {"step", job->step}, {"steps", job->steps},
                    {"fraction", job->fraction}, {"shown", job->show}, {"reading", job->reading}};
    g_result = j.dump();
    return g_result.c_str();
}

EMSCRIPTEN_KEEPALIVE void mm_thumbnail_ready(int id, int w, int h, const unsigned char* rgba) { app().services.thumbnail_ready(id, w, h, rgba); }

EMSCRIPTEN_KEEPALIVE void mm_thumbnail_failed(int id) { app().services.thumbnail_failed(id); }

// Two-finger gestures: pinch zooms the map; moving both fingers scrolls (or pans the map).
EMSCRIPTEN_KEEPALIVE void mm_pinch(float factor, float x, float y, float dx, float dy) {
    auto& ui = app().session.ui();
    ImGui::GetIO().AddMousePosEvent(x, y);
    if (ui.page == mastery::app::Page::map) {
        ui.pinch_factor *= factor;
        ui.pinch_x = x;
        ui.pinch_y = y;
        ui.pinch_dx += dx;
        ui.pinch_dy += dy;
    } else {
        ImGui::GetIO().AddMouseWheelEvent(dx / 60.0f, dy / 60.0f);
    }
    wake();
}

// The last pointer was a finger: one-finger drags scroll lists (src/ui/widgets.cpp).
// ImGui's mouse source stays "Mouse": with "TouchScreen", 1.90.1 trickled our tap over
// three frames and the button never fired (seen in Chromium with playwright's taps).
EMSCRIPTEN_KEEPALIVE void mm_touch(int on) { app().session.ui().touch = on != 0; }

// Text from the hidden textarea (IME, dead keys, on-screen keyboards, plain typing).
EMSCRIPTEN_KEEPALIVE void mm_text(const char* utf8) {
    if (utf8) ImGui::GetIO().AddInputCharactersUTF8(utf8);
    wake();
}

EMSCRIPTEN_KEEPALIVE void mm_clipboard_cached(const char* text) { app().clipboard = text ? text : ""; }

// Test support: labelled items of the last frame (see src/ui/item_probe.hpp).
EMSCRIPTEN_KEEPALIVE void mm_probe(int on) {
    mastery::ui::probe::enable(on != 0);
    wake();
}

EMSCRIPTEN_KEEPALIVE const char* mm_probe_items() {
    g_result = mastery::ui::probe::items_json();
    return g_result.c_str();
}

// Test support (tests/browser/pixels.test.mjs): the core's badge templates, and one design
// drawn the way the badge downloads are (geometry at `size` px, PNG by mastery_badge's
// rasteriser, SVG by the core), so Chromium can rasterise our SVG and compare.
EMSCRIPTEN_KEEPALIVE const char* mm_badge_templates() {
    mastery::BadgeSubject level;
    level.title = "Unit rates";
    level.level_name = "Developing";
    level.level = 2;
    level.level_count = 4;
    level.subject = "Math";
    mastery::BadgeSubject stack;
    stack.title = "Ratios and proportion";
    const mastery::IconTable* icons = &mastery::ui::badge_icons();
    mastery::Json out = mastery::Json::array();
    for (std::uint64_t seed = 1; seed <= 6; ++seed)
        out.push_back({{"name", "default level, seed " + std::to_string(seed)}, {"design", mastery::to_json(mastery::default_design(level, seed, icons))}});
    out.push_back({{"name", "default stack"}, {"design", mastery::to_json(mastery::default_design(stack, 7, icons))}});
    for (std::uint64_t seed = 1; seed <= 12; ++seed)
        out.push_back({{"name", "surprise, seed " + std::to_string(seed)}, {"design", mastery::to_json(mastery::surprise_design(level, seed * 7919u, icons))}});
    g_result = out.dump();
    return g_result.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* mm_render_badge(const char* design_json, int size) {
    mastery::Json out;
    const auto design = mastery::load_badge(design_json ? design_json : "");
    if (!design.ok() || size < 16 || size > 1024) {
        out["error"] = design.ok() ? "size must be 16..1024" : design.first_error();
    } else {
        if (mastery::ui::design_uses_icons(*design.value) && mastery::ui::badge_icon_font_state() != mastery::ui::IconFontState::ready) {
            out["error"] = "the badge icon font is not loaded yet (masteryTest.badgeIcons())";
            g_result = out.dump();
            return g_result.c_str();
        }
        const mastery::BadgeGeometry g = mastery::badge_geometry(*design.value, size, mastery::ui::badge_glyphs());
        out["png"] = mastery::base64_encode(mastery::encode_png(mastery::rasterize(g, size)));
        out["svg"] = mastery::badge_svg(g);
        out["polygons"] = g.polygons.size();
        out["warnings"] = g.warnings;
    }
    g_result = out.dump();
    return g_result.c_str();
}

}  // extern "C"

