// Session: the app's state in one place: startup (pathway index -> pathway -> record),
// the Store (document), Prefs and UiState, and the entry points the platform calls
// (fetched files, picked files, the JavaScript interface). No ImGui, no platform code.
#pragma once

#include "app/prefs.hpp"
#include "app/services.hpp"
#include "app/store.hpp"
#include "app/ui_state.hpp"
#include "mastery/io.hpp"

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace mastery::app {

inline constexpr const char* kIndexUrl = "pathways/index.json";
inline constexpr const char* kPathwayDir = "pathways/";
inline constexpr const char* kSampleRecordUrl = "records/sample-record.json";
inline constexpr const char* kDefaultLearnerName = "Student";

enum class StartPhase { loading, ready, failed };

struct Startup {
    StartPhase phase = StartPhase::loading;
    std::string requested;                    // the ?pathway= value; "" = the bundled default
    std::string failed_url;                   // what could not be opened
    std::vector<std::string> problems;        // "pointer: message" lines from the validator
    std::vector<PathwayIndexEntry> index;     // the bundled pathways (for the chooser)
};

class Session {
public:
    explicit Session(Services& services, Clock clock = system_now);

    // Startup: "" loads the index and its default pathway; otherwise the given relative
    // URL on this site (absolute or off-site URLs are refused with a message).
    void start(const std::string& pathway_param);
    void on_fetched(int request, bool ok, std::string_view text, const std::string& error);

    // Direct starts (tests, and the platform when it already has the text).
    void start_with_pathway_text(const std::string& url, std::string_view text);
    void start_with_record(LearnerRecord record);

    // Menu actions that need the platform.
    void load_sample();                              // fetch the sample record, then import it
    void choose_pathway(const std::string& file);    // a file from the index: fresh record
    void on_image_picked(const ImageTarget& target, const std::string& mime, std::vector<std::uint8_t> bytes);
    void on_record_file(std::string_view text);      // the UI's "Open a work file"

    // The UI's one way to change the record: refusals become the message bar's text.
    Outcome dispatch(Action action);
    bool undo();
    bool redo();

    void set_prefs(const Prefs& p);                  // clamps, saves through Services

    // The JavaScript interface (window.mastery): same store, same paths as the UI.
    std::string js_dispatch(std::string_view action_json);   // {"ok":true} | {"ok":false,"error":...}
    std::string js_import(std::string_view record_text);     // {"ok":...,"error":...}
    std::string js_export() const;                           // "" until a record exists

    Store* store() { return m_store.get(); }
    const Store* store() const { return m_store.get(); }
    const Startup& startup() const { return m_startup; }
    const Prefs& prefs() const { return m_prefs; }
    UiState& ui() { return m_ui; }
    Services& services() { return m_services; }
    std::string now() const { return m_clock(); }
    std::string today() const { return date_of(m_clock()); }
    // Views' pathway title for the chooser, or the record's pathway title.
    std::string pathway_title() const;

    // Prefs read at startup (no save). The platform calls this before the first frame.
    void load_prefs(const Prefs& p) { m_prefs = clamp(p); }

private:
    enum class Want { index, pathway, pathway_switch, sample_record };
    void request(Want want, const std::string& url);
    void fail(const std::string& url, std::vector<std::string> problems);
    void adopt_pathway(const std::string& url, std::string_view text, bool switching);
    std::string new_record_id() const;

    Services& m_services;
    Clock m_clock;
    std::unique_ptr<Store> m_store;
    Startup m_startup;
    Prefs m_prefs;
    UiState m_ui;
    int m_next_request = 1;
    std::map<int, std::pair<Want, std::string>> m_pending;  // request id -> (what, url)
};

// A relative URL on this site: no scheme, no "//host", no backslashes.
bool is_same_site_relative(const std::string& url);

}  // namespace mastery::app
