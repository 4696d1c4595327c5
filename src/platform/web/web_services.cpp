// Services the browser provides: links, downloads, file pickers, picture thumbnails as
// WebGL textures, fetching the site's files, prefs in localStorage, the record in
// IndexedDB (through web/shell.js and web/storage.js).
#include "platform/web/web_app.hpp"

#include <GLES3/gl3.h>

#include <cstdlib>

namespace mastery::web {

void WebServices::open_url(const std::string& url) {
    if (app::is_web_link(url)) mastery_js_open_url(url.c_str());
}

void WebServices::download_text(const std::string& filename, const std::string& mime, const std::string& text) {
    mastery_js_download(filename.c_str(), mime.c_str(), text.data(), static_cast<int>(text.size()));
}

void WebServices::pick_image(const app::ImageTarget& target) {
    const int token = m_next_id++;
    m_picks[token] = target;
    mastery_js_pick_image(token);
}

bool WebServices::take_image_target(int token, app::ImageTarget& out) {
    auto it = m_picks.find(token);
    if (it == m_picks.end()) return false;
    out = it->second;
    m_picks.erase(it);
    return true;
}

void WebServices::pick_record_file(app::FilePurpose purpose) { mastery_js_pick_record(static_cast<int>(purpose)); }

app::Thumbnail WebServices::thumbnail(const std::string& key, const std::string& mime, const std::vector<std::uint8_t>& bytes) {
    auto it = m_thumbs.find(key);
    if (it != m_thumbs.end()) return it->second.t;
    Thumb& t = m_thumbs[key];
    t.id = m_next_id++;
    m_thumb_keys[t.id] = key;
    if (bytes.empty()) {
        t.t.failed = true;
        return t.t;
    }
    mastery_js_decode_image(t.id, mime.c_str(), bytes.data(), static_cast<int>(bytes.size()));
    return t.t;
}

void WebServices::thumbnail_ready(int id, int w, int h, const unsigned char* rgba) {
    auto k = m_thumb_keys.find(id);
    if (k == m_thumb_keys.end()) return;
    GLuint tex = 0;
    glGenTextures(1, &tex);
    glBindTexture(GL_TEXTURE_2D, tex);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, w, h, 0, GL_RGBA, GL_UNSIGNED_BYTE, rgba);
    Thumb& t = m_thumbs[k->second];
    t.t.texture = reinterpret_cast<void*>(static_cast<std::uintptr_t>(tex));
    t.t.width = static_cast<float>(w);
    t.t.height = static_cast<float>(h);
    wake();
}

void WebServices::thumbnail_failed(int id) {
    auto k = m_thumb_keys.find(id);
    if (k == m_thumb_keys.end()) return;
    m_thumbs[k->second].t.failed = true;
    wake();
}

void WebServices::fetch_text(int request, const std::string& url) { mastery_js_fetch(request, url.c_str()); }

void WebServices::save_prefs(const std::string& text) { mastery_js_save_prefs(text.c_str()); }

void WebServices::load_stored(const std::string& slot) { mastery_js_load_stored(slot.c_str()); }

void WebServices::quarantine_stored(const std::string& slot, const std::string& reason) {
    mastery_js_quarantine_stored(slot.c_str(), reason.c_str());
}

void WebServices::record_changed() { mastery_js_record_changed(); }

// One slice's part of the record's text: the page copies it out of wasm memory at once
// (the caller frees it), so the wasm heap never holds the whole text for storage.
void WebServices::save_part(const std::string& slot, const std::string& record_id, std::string_view bytes, bool first, bool last) {
    mastery_js_save_part(slot.c_str(), record_id.c_str(), bytes.data(), static_cast<int>(bytes.size()), first ? 1 : 0, last ? 1 : 0);
}

void WebServices::download_set_aside() { mastery_js_download_set_aside(); }

std::string WebServices::last_export(const std::string& record_id) {
    char* at = mastery_js_last_export(record_id.c_str());
    std::string out = at ? at : "";
    std::free(at);
    return out;
}

void WebServices::remember_export(const std::string& record_id, const std::string& at) {
    mastery_js_remember_export(record_id.c_str(), at.c_str());
}

void WebServices::list_stored() { mastery_js_list_stored(); }

void WebServices::switch_record(const std::string& slot, const std::string& record_id) {
    mastery_js_switch_record(slot.c_str(), record_id.c_str());
}

}  // namespace mastery::web
