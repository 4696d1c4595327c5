// Functions the page calls (exported to JavaScript). window.mastery (web/shell.js) is a
// thin wrapper over these: dispatch/import/export go through the same Session and Store
// as the UI's clicks, never around them.
#include "platform/web/web_app.hpp"

#include "ui/item_probe.hpp"

#include <emscripten.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <string>

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
    wake();
    return g_result.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* mm_export() {
    g_result = app().session.js_export();
    return g_result.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* mm_import(const char* text) {
    g_result = app().session.js_import(text ? text : "");
    wake();
    return g_result.c_str();
}

EMSCRIPTEN_KEEPALIVE void mm_fetched(int request, int ok, const char* data, int len, const char* error) {
    app().session.on_fetched(request, ok != 0, std::string_view(data, static_cast<std::size_t>(len)), error ? error : "");
    wake();
}

EMSCRIPTEN_KEEPALIVE void mm_image_picked(int token, const char* mime, const unsigned char* data, int len) {
    mastery::app::ImageTarget target;
    if (!app().services.take_image_target(token, target)) return;
    app().session.on_image_picked(target, mime ? mime : "", std::vector<std::uint8_t>(data, data + len));
    wake();
}

EMSCRIPTEN_KEEPALIVE void mm_record_picked(const char* data, int len) {
    app().session.on_record_file(std::string_view(data, static_cast<std::size_t>(len)));
    wake();
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

}  // extern "C"

