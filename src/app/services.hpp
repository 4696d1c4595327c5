// What views may ask of the platform (the browser, or a fake in tests): open a link,
// download a file, pick a file, decode a picture, fetch a bundled file, keep prefs.
// Answers that take time come back through Session (on_fetched, on_image_picked, ...).
#pragma once

#include <cstdint>
#include <string>
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

class Services {
public:
    virtual ~Services() = default;
    virtual void open_url(const std::string& url) = 0;  // new tab; http(s) only
    virtual void download_text(const std::string& filename, const std::string& mime, const std::string& text) = 0;
    virtual void pick_image(const ImageTarget& target) = 0;
    virtual void pick_record_file() = 0;
    // `key` names the bytes for caching (record id + evidence id + size).
    virtual Thumbnail thumbnail(const std::string& key, const std::string& mime, const std::vector<std::uint8_t>& bytes) = 0;
    virtual void fetch_text(int request, const std::string& url) = 0;
    virtual void save_prefs(const std::string& text) = 0;
};

// Does nothing; records what was asked. For tests and for drawing without a platform.
class NullServices : public Services {
public:
    std::vector<std::string> opened, downloads, fetches;
    int image_picks = 0, record_picks = 0;
    std::string saved_prefs;
    void open_url(const std::string& url) override { opened.push_back(url); }
    void download_text(const std::string& filename, const std::string&, const std::string&) override { downloads.push_back(filename); }
    void pick_image(const ImageTarget&) override { ++image_picks; }
    void pick_record_file() override { ++record_picks; }
    Thumbnail thumbnail(const std::string&, const std::string&, const std::vector<std::uint8_t>&) override { return {}; }
    void fetch_text(int, const std::string& url) override { fetches.push_back(url); }
    void save_prefs(const std::string& text) override { saved_prefs = text; }
};

// Only http:// and https:// links are ever opened.
bool is_web_link(const std::string& url);

}  // namespace mastery::app
