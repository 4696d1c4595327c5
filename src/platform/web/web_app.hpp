// The web platform's state: the session and shell, the Services the browser provides,
// and the frame scheduler (frames only on input or animation). Emscripten only.
#pragma once

#include "app/services.hpp"
#include "app/session.hpp"
#include "ui/shell.hpp"

#include <emscripten/emscripten.h>

#include <map>
#include <string>

extern "C" {
// src/platform/web/library_mastery.js
void mastery_js_fetch(int request, const char* url);
void mastery_js_fetch_font(const char* url);
void mastery_js_open_url(const char* url);
void mastery_js_download(const char* name, const char* mime, const char* data, int len);
void mastery_js_pick_image(int token);
void mastery_js_pick_record(int purpose);
void mastery_js_load_stored(const char* slot);
void mastery_js_quarantine_stored(const char* slot, const char* reason);
void mastery_js_record_changed();
void mastery_js_save_part(const char* slot, const char* id, const char* data, int len, int first, int last);
void mastery_js_download_set_aside();
char* mastery_js_last_export(const char* id);  // malloc'd; caller frees
void mastery_js_remember_export(const char* id, const char* at);
void mastery_js_list_stored();
void mastery_js_switch_record(const char* slot, const char* id);
void mastery_js_decode_image(int id, const char* mime, const unsigned char* data, int len);
void mastery_js_save_prefs(const char* text);
char* mastery_js_load_prefs();          // malloc'd; caller frees
int mastery_js_prefers_reduced_motion();
char* mastery_js_pathway_param();       // malloc'd; caller frees
void mastery_js_text_input(int active, float x, float y, float h);
void mastery_js_set_clipboard(const char* text);
void mastery_js_ready();
void mastery_js_job_soon();
void mastery_js_error(const char* text);
void mastery_js_no_webgl();
}

namespace mastery::web {

class WebServices : public app::Services {
public:
    void open_url(const std::string& url) override;
    void download_text(const std::string& filename, const std::string& mime, const std::string& text) override;
    void pick_image(const app::ImageTarget& target) override;
    void pick_record_file(app::FilePurpose purpose) override;
    app::Thumbnail thumbnail(const std::string& key, const std::string& mime, const std::vector<std::uint8_t>& bytes) override;
    void fetch_text(int request, const std::string& url) override;
    void save_prefs(const std::string& text) override;
    void load_stored(const std::string& slot) override;
    void quarantine_stored(const std::string& slot, const std::string& reason) override;
    void record_changed() override;
    void save_part(const std::string& slot, const std::string& record_id, std::string_view bytes, bool first, bool last) override;
    void download_set_aside() override;
    std::string last_export(const std::string& record_id) override;
    void remember_export(const std::string& record_id, const std::string& at) override;
    void list_stored() override;
    void switch_record(const std::string& slot, const std::string& record_id) override;

    // Answers from the browser.
    bool take_image_target(int token, app::ImageTarget& out);
    void thumbnail_ready(int id, int w, int h, const unsigned char* rgba);
    void thumbnail_failed(int id);

private:
    struct Thumb {
        app::Thumbnail t;
        int id = 0;
    };
    std::map<std::string, Thumb> m_thumbs;  // key -> decoded texture (or pending)
    std::map<int, std::string> m_thumb_keys;
    std::map<int, app::ImageTarget> m_picks;
    int m_next_id = 1;
};

// Main-thread time one slice of an autosave may take (issue 7: no pause over 16 ms at 4x
// CPU throttling; the page's copy of the slice and its IndexedDB write come on top).
inline constexpr double kSaveSliceMs = 2.0;

struct WebApp {
    WebApp() { session.set_slice_clock([] { return emscripten_get_now(); }, kSaveSliceMs); }
    WebServices services;
    app::Session session{services};
    ui::Shell shell{session};
    int frames = 0;                 // frames rendered since load (window.mastery.frames())
    bool ready_sent = false;
    std::string clipboard;          // filled by the page's paste event
};

WebApp& app();
void wake();  // an event arrived: render soon, and a few settle frames after it

// Startup timeline for scripts/bench (window.masteryTest.marks()): what happened and when
// (ms since navigation start). Only the first marks are kept; costs nothing afterwards.
void mark(const std::string& what);
// Starts the badge icon font's download when something asked for it (ui/badge_art.hpp).
void fetch_icon_font_if_asked();

}  // namespace mastery::web
