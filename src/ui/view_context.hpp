// What every view gets each frame: a read-only snapshot of the document and its derived
// progress, the shared UI state, and the only ways to change things (dispatch, set_prefs).
#pragma once

#include "app/prefs.hpp"
#include "app/services.hpp"
#include "app/session.hpp"
#include "app/store.hpp"
#include "app/ui_state.hpp"
#include "mastery/actions.hpp"
#include "mastery/engine.hpp"
#include "mastery/io.hpp"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace mastery::ui {

// App-level commands a view may offer (menus, settings); the shell wires them to Session.
struct AppCommands {
    std::function<void()> export_record;                       // download the record file
    std::function<void()> import_record;                       // pick a record or review file (preview first)
    std::function<void()> open_for_review;                     // a mentor opens a student's file (memory only)
    std::function<void()> load_sample;                         // the demo student's record
    std::function<void(const std::string&)> choose_pathway;    // a file from the pathway index
    const std::vector<PathwayIndexEntry>* pathways = nullptr;  // the bundled pathways
    std::function<void()> refresh_records;                     // ask for the records on this device
    std::function<void(const std::string&)> open_record;       // switch to another stored record
    const std::vector<app::StoredRecordInfo>* records = nullptr;
    std::function<bool(app::Job)> start_job;                   // a long file task with a progress window
};

struct ViewContext {
    const LearnerRecord& record;     // the present document (read only)
    const Progress& progress;        // derived from `record` after every change
    app::UiState& ui;                // pages, selection, messages (never saved)
    const app::Prefs& prefs;
    app::Services& services;
    std::function<app::Outcome(Action)> dispatch;     // the one way to change the record
    std::function<void(const app::Prefs&)> set_prefs;
    std::string today;               // YYYY-MM-DD
    std::string now;                 // ISO 8601 UTC
    AppCommands commands;
    std::shared_ptr<const app::Snapshot> snapshot;  // keeps `record` and `progress` alive all frame

    const Pathway& pathway() const { return record.pathway; }
};

}  // namespace mastery::ui
