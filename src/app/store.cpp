// Store: one path for every change (UI and JS alike), Progress rebuilt once per change.
#include "app/store.hpp"

#include "mastery/io.hpp"

#include <chrono>
#include <cstdio>
#include <ctime>

namespace mastery::app {

Store::Store(LearnerRecord initial, Clock clock)
    : m_history(std::make_unique<History>(std::move(initial))), m_clock(std::move(clock)) {
    if (!m_clock) m_clock = system_now;
    rebuild();
}

void Store::rebuild() {
    m_snapshot = std::make_shared<const Snapshot>(m_history->shared_present());
}

Outcome Store::dispatch(Action action) {
    if (action.at.empty()) action.at = m_clock();
    const std::string type = type_of(action);
    UpdateResult r = m_history->apply(action);
    Outcome out;
    out.ok = r.ok;
    out.error = r.error;
    out.note = r.note;
    out.changed = r.ok && r.changed;
    m_log.push_back(r.ok ? type : "!" + type);
    if (r.ok) rebuild();
    return out;
}

Outcome Store::dispatch_json(std::string_view text) {
    Loaded<Json> j = parse_json(text);
    if (!j.ok()) return {false, j.first_error(), "", false};
    Loaded<Action> a = action_from_json(*j.value);
    if (!a.ok()) return {false, a.first_error(), "", false};
    return dispatch(std::move(*a.value));
}

Outcome Store::import_record(std::string_view text) {
    Loaded<LearnerRecord> r = load_record(text);
    if (!r.ok()) return {false, r.first_error(), "", false};
    return dispatch(Action{ReplaceRecord{std::move(*r.value)}, ""});
}

// save_record's bytes, written by RecordWriter from the present record itself: no JSON
// tree of the whole record is built (for a 10 MB record that tree is several times the text).
std::string Store::export_record(std::size_t size_hint) const {
    RecordWriter writer(m_snapshot->owner);
    std::string out;
    if (size_hint) out.reserve(size_hint + size_hint / 8 + 4096);  // room for what was added since
    while (writer.write(out, std::size_t(1) << 20)) {}
    return out;
}

bool Store::undo() {
    if (!m_history->undo()) return false;
    rebuild();
    return true;
}

bool Store::redo() {
    if (!m_history->redo()) return false;
    rebuild();
    return true;
}

std::string outcome_json(const Outcome& o) {
    Json j = {{"ok", o.ok}};
    if (!o.ok) j["error"] = o.error;
    if (!o.note.empty()) j["note"] = o.note;
    return j.dump();
}

std::string system_now() {
    // The views ask every frame (today's date, "saved 2 minutes ago"): the text is made
    // once per second. snprintf, not strftime: Emscripten's strftime is a large JS routine
    // (~14 ms on its first call at 4x throttling, during startup), and its gmtime is a
    // call into JS too.
    static std::time_t last = -1;
    static std::string text;
    const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    if (t == last) return text;
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02dZ", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
                  tm.tm_min, tm.tm_sec);
    last = t;
    text = buf;
    return text;
}

std::string date_of(const std::string& iso) { return iso.size() >= 10 ? iso.substr(0, 10) : iso; }

}  // namespace mastery::app
