// The store: the document (History of LearnerRecord values) and its derived Progress.
// Everything that changes the record comes through dispatch(): the UI's clicks and the
// JavaScript test interface alike. No ImGui, no platform calls; time comes from a Clock.
#pragma once

#include "mastery/actions.hpp"
#include "mastery/engine.hpp"

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace mastery::app {

using Clock = std::function<std::string()>;  // ISO 8601 UTC "now", e.g. "2026-11-22T10:00:00Z"

struct Outcome {
    bool ok = false;
    std::string error;     // why it was refused (record unchanged)
    std::string note;      // extra words from the core, e.g. merge counts
    bool changed = false;
};

// One consistent state to draw from: a record and the Progress derived from it. A frame
// holds on to its snapshot, so a dispatch in the middle of drawing never pulls the
// record out from under a view (the next frame draws the new snapshot).
// The record is History's present itself (shared, never changed in place), not a copy.
struct Snapshot {
    explicit Snapshot(std::shared_ptr<const LearnerRecord> present)
        : owner(std::move(present)), record(*owner), progress(std::make_unique<Progress>(record)) {}
    std::shared_ptr<const LearnerRecord> owner;
    const LearnerRecord& record;
    std::unique_ptr<Progress> progress;  // points into `record`
};

class Store {
public:
    Store(LearnerRecord initial, Clock clock);
    Store(const Store&) = delete;
    Store& operator=(const Store&) = delete;

    const LearnerRecord& record() const { return m_snapshot->record; }
    const Progress& progress() const { return *m_snapshot->progress; }
    std::shared_ptr<const Snapshot> snapshot() const { return m_snapshot; }
    std::size_t revision() const { return m_history->revision(); }

    // Stamps the time when the action has none, applies it, rebuilds Progress.
    Outcome dispatch(Action action);
    // The JSON action form (docs/ACTIONS.md): parse -> action_from_json -> dispatch().
    Outcome dispatch_json(std::string_view text);
    // A whole record file: load_record, then the undoable ReplaceRecord action.
    Outcome import_record(std::string_view text);
    // save_record's text. `size_hint`: the text's size when last written or read (0: not
    // known); reserved up front, so a 10 MB text is not copied while its buffer doubles.
    std::string export_record(std::size_t size_hint = 0) const;

    bool can_undo() const { return m_history->can_undo(); }
    bool can_redo() const { return m_history->can_redo(); }
    bool undo();
    bool redo();

    // The types of the actions dispatched so far ("add_evidence"), refused ones with a
    // leading "!": lets tests check what a click did.
    const std::vector<std::string>& log() const { return m_log; }

private:
    void rebuild();

    std::unique_ptr<History> m_history;
    std::shared_ptr<const Snapshot> m_snapshot;  // the present + its Progress, per change
    Clock m_clock;
    std::vector<std::string> m_log;
};

// Outcome as the JS interface returns it: {"ok":true} or {"ok":false,"error":"..."}.
std::string outcome_json(const Outcome& o);

// ISO 8601 UTC now from the system clock, and the date part of a time.
std::string system_now();
std::string date_of(const std::string& iso);

}  // namespace mastery::app
