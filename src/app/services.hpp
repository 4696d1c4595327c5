// What views may ask of the platform (the browser, or a fake in tests): open a link,
// download a file, pick a file, decode a picture, fetch a bundled file, keep prefs, keep
// the learner record on the device. Answers that take time come back through Session
// (on_fetched, on_image_picked, on_stored, on_saved, ...).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace mastery::app {

struct Thumbnail {
    void* texture = nullptr;  // renderer texture id (ImTextureID); null while decoding
    float width = 0, height = 0;  // pixels of the decoded thumbnail
    bool failed = false;          // the bytes are not a picture the browser can show
};

// Where a picked image goes: one evidence part of one competency level.
struct ImageTarget {
    std::string competency;
    int level = 1;
    int part = 1;  // mastery::EvidencePart as int
};

// What a picked or dropped work file is for.
enum class FilePurpose : int {
    import_into_my_work = 0,  // a record or a review file: preview, then confirm
    open_for_review = 1,      // a student's record, opened in memory for a mentor
};

class Services {
public:
    virtual ~Services() = default;
    virtual void open_url(const std::string& url) = 0;  // new tab; http(s) only
    virtual void download_text(const std::string& filename, const std::string& mime, const std::string& text) = 0;
    virtual void pick_image(const ImageTarget& target) = 0;
    virtual void pick_record_file(FilePurpose purpose) = 0;
    // `key` names the bytes for caching (record id + evidence id + size).
    virtual Thumbnail thumbnail(const std::string& key, const std::string& mime, const std::vector<std::uint8_t>& bytes) = 0;
    virtual void fetch_text(int request, const std::string& url) = 0;
    virtual void save_prefs(const std::string& text) = 0;

    // The record on this device (web/storage.js). `slot` names the place a record lives
    // ("default", or a ?pathway= address): one record per slot is opened at startup.
    // load_stored answers with Session::on_stored; a stored copy that does not load is set
    // aside by quarantine_stored (never deleted), which answers with the newest backup.
    virtual void load_stored(const std::string& slot) = 0;
    virtual void quarantine_stored(const std::string& slot, const std::string& reason) = 0;
    // Something changed: save soon (the platform debounces, then calls Session::save_now).
    virtual void record_changed() = 0;
    // The record's text for storage, one piece per slice of a save (Session::save_now, then
    // save_step): `first` with the first piece, `last` with the final one (a small record is
    // one piece, both). After a piece that is not the last, the platform calls
    // Session::save_step() in a later task, so frames and input get through between slices.
    // Storage keeps the last good state until the last piece is in, then answers with
    // Session::on_saved(ok, error name); it may answer a failure early (no more pieces
    // are then asked for).
    virtual void save_part(const std::string& slot, const std::string& record_id, std::string_view bytes, bool first, bool last) = 0;
    // The raw data that was set aside, as a download.
    virtual void download_set_aside() = 0;
    // When a record was last saved to a file on this device ("" = never): for the gentle
    // "save a copy" reminder. Device-local, never in the record.
    virtual std::string last_export(const std::string& record_id) = 0;
    virtual void remember_export(const std::string& record_id, const std::string& at) = 0;
    // The records kept on this device (answered by Session::on_stored_list), and opening
    // another one in this slot (the page reloads into it).
    virtual void list_stored() = 0;
    virtual void switch_record(const std::string& slot, const std::string& record_id) = 0;
};

// Does nothing; records what was asked. For tests and for drawing without a platform.
class NullServices : public Services {
public:
    std::vector<std::string> opened, downloads, fetches;
    int image_picks = 0, record_picks = 0, review_picks = 0;
    std::string saved_prefs;
    std::vector<std::string> stored_loads, quarantined;  // slots asked for; reasons given
    int changes = 0, set_aside_downloads = 0;
    std::vector<std::string> saves;                      // whole texts saved (the pieces of each save joined)
    std::size_t save_parts = 0;                          // pieces handed over, all saves together
    std::string saving;                                  // the pieces of the save in progress so far
    bool save_open = false;                              // a save's first piece came, its last not yet
    void open_url(const std::string& url) override { opened.push_back(url); }
    void download_text(const std::string& filename, const std::string&, const std::string&) override { downloads.push_back(filename); }
    void pick_image(const ImageTarget&) override { ++image_picks; }
    void pick_record_file(FilePurpose p) override { ++(p == FilePurpose::open_for_review ? review_picks : record_picks); }
    Thumbnail thumbnail(const std::string&, const std::string&, const std::vector<std::uint8_t>&) override { return {}; }
    void fetch_text(int, const std::string& url) override { fetches.push_back(url); }
    void save_prefs(const std::string& text) override { saved_prefs = text; }
    void load_stored(const std::string& slot) override { stored_loads.push_back(slot); }
    void quarantine_stored(const std::string&, const std::string& reason) override { quarantined.push_back(reason); }
    void record_changed() override { ++changes; }
    void save_part(const std::string&, const std::string&, std::string_view bytes, bool first, bool last) override {
        if (first) saving.clear();
        saving += bytes;
        ++save_parts;
        save_open = !last;
        if (last) saves.push_back(std::exchange(saving, {}));
    }
    void download_set_aside() override { ++set_aside_downloads; }
    std::map<std::string, std::string> exports;          // record id -> when last exported
    std::string last_export(const std::string& id) override { return exports.count(id) ? exports[id] : std::string(); }
    void remember_export(const std::string& id, const std::string& at) override { exports[id] = at; }
    int list_requests = 0;
    std::vector<std::string> switches;                   // record ids asked for
    void list_stored() override { ++list_requests; }
    void switch_record(const std::string&, const std::string& id) override { switches.push_back(id); }
};

// Only http:// and https:// links are ever opened.
bool is_web_link(const std::string& url);

}  // namespace mastery::app
