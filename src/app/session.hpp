// Session: the app's state in one place: startup (stored record, or pathway index ->
// pathway -> fresh record), the Store (document), Prefs and UiState, saving on this device
// (Saving), file imports waiting for confirmation, the mentor's review of a student's file,
// and the entry points the platform calls. No ImGui, no platform code.
#pragma once

#include "app/prefs.hpp"
#include "app/services.hpp"
#include "app/store.hpp"
#include "app/ui_state.hpp"
#include "mastery/exchange.hpp"
#include "mastery/io.hpp"

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace mastery::app {

inline constexpr const char* kIndexUrl = "pathways/index.json";
inline constexpr const char* kPathwayDir = "pathways/";
inline constexpr const char* kSampleRecordUrl = "records/sample-record.json";
inline constexpr const char* kDefaultLearnerName = "Student";
inline constexpr int kExportReminderDays = 7;

enum class StartPhase { loading, ready, failed };

struct Startup {
    StartPhase phase = StartPhase::loading;
    std::string requested;                    // the ?pathway= value; "" = the bundled default
    std::string failed_url;                   // what could not be opened
    std::vector<std::string> problems;        // "pointer: message" lines from the validator
    std::vector<PathwayIndexEntry> index;     // the bundled pathways (for the chooser)
};

// Saving on this device: what the top bar and the banners show. Platform state, not the
// document: never saved, never exported, never undone.
enum class SaveState { idle, saving, saved, failed };
enum class StorageProblem { none, full, unavailable, open_elsewhere, other };

struct Saving {
    SaveState state = SaveState::idle;  // idle = nothing to save yet (still starting)
    StorageProblem problem = StorageProblem::none;  // why the last save failed
    std::string error_name;             // the browser's words, e.g. "QuotaExceededError"
    bool read_only = false;             // another tab writes this record: this one only looks
    // Stored data that did not load and was set aside (newest first); empty = none.
    std::vector<std::string> set_aside_reasons;
    bool restored_from_backup = false;  // a good backup was opened instead
    bool recovery_seen = false;         // the student closed the recovery notice
    bool problem_seen = false;          // the student closed the storage banner (until the next kind of problem)
};
StorageProblem storage_problem_of(const std::string& error_name);

// One record kept on this device (for the switcher).
struct StoredRecordInfo {
    std::string id;
    std::string learner;
    std::string pathway;   // the pathway's title
    std::string saved_at;  // ISO 8601
};

// A file the student picked or dropped, checked and waiting for "yes" (or "cancel").
struct PendingImport {
    std::string file_name;
    bool is_reviews = false;
    std::vector<std::string> lines;           // what would change, in plain words
    bool nothing_new = false;                 // a review file whose reviews are all here already
    std::optional<LearnerRecord> record;      // is_reviews == false
    std::optional<ReviewFile> reviews;        // is_reviews == true
    std::size_t bytes = 0;                    // the file's size
};

// A student's file a mentor opened to review: in memory only, never saved on this device.
struct ReviewSession {
    std::string file_name;
    std::string opened_at;
    std::unique_ptr<Store> store;
    double bytes = 0;           // the file's size
    std::string saved_reviews;  // the reviews as last saved to a file (or as opened): see reviews_unsaved()
    mutable std::uint64_t checked_revision = ~std::uint64_t(0);  // reviews_unsaved() cache
    mutable bool unsaved = false;
};

// Files above this size (or records last seen this big) show the progress window while
// they are read, checked or written; smaller ones finish within a frame or two.
inline constexpr double kShowProgressBytes = 512.0 * 1024;

// A long file task split into stages, so that a frame showing its progress is drawn before
// each stage's work starts (reading and checking a 10 MB record take seconds in a browser,
// and a stage blocks the tab while it runs). The platform runs the next stage only after a
// frame drew the current one (job_ready, step_job); reading a file is the platform's own
// loop (begin_file, file_buffer, file_progress, file_loaded). Tests run stages per frame.
struct Job {
    int id = 0;
    std::string title;         // "Opening a work file"
    std::string file_name;
    std::string stage;         // what happens now, in words
    int step = 1, steps = 1;   // "Step 2 of 4"
    float fraction = 0;        // of the whole task, 0..1
    bool show = false;         // big enough for the progress window
    bool cancellable = false;  // opening a file: yes (nothing has changed yet); writing: no
    bool reading = false;      // the platform is still reading the file
    double bytes_total = 0;    // the file's size (reading)
    std::uint64_t stage_seq = 1;  // bumps with every stage
    std::uint64_t drawn_seq = 0;  // the last stage a frame showed
    std::function<void(class Session&)> next;  // the current stage's work; empty = nothing left
};

// A frame that showed a stage of a job (for tests: each stage was on screen before its work).
struct JobFrame {
    std::string title, stage;
    int step = 0;
    float fraction = 0;
};

// Something the mentor asked for that would leave a review whose reviews are not in a file.
enum class LeaveAction { none, close_review, open_other_for_review };

class Session {
public:
    explicit Session(Services& services, Clock clock = system_now);

    // Startup: "" loads the index and its default pathway; otherwise the given relative
    // URL on this site (absolute or off-site URLs are refused with a message).
    // With `use_storage`, the record stored on this device for this pathway slot opens
    // first (Services::load_stored, answered by on_stored); a fresh one only when none.
    void start(const std::string& pathway_param, bool use_storage = false);
    void on_fetched(int request, bool ok, std::string_view text, const std::string& error);

    // Direct starts (tests, and the platform when it already has the text).
    void start_with_pathway_text(const std::string& url, std::string_view text);
    void start_with_record(LearnerRecord record);

    // Menu actions that need the platform.
    void load_sample();                              // fetch the sample record, then import it
    void choose_pathway(const std::string& file);    // a file from the index: fresh record
    void on_image_picked(const ImageTarget& target, const std::string& mime, std::vector<std::uint8_t> bytes);
    void on_record_file(std::string_view text);      // a file opened at once (no preview)

    // The stored record for this slot (found = false: none, or storage unavailable). After
    // a quarantine the answer is the newest backup, and `from_backup` is true.
    void on_stored(bool found, std::string_view text, bool from_backup);

    // Saving: the platform calls save_now() after its debounce (and on pagehide), then
    // on_saved() when storage answered. poll_changes() notices changes (once per change).
    // A save writes the present record's text in slices (RecordWriter): save_now() writes
    // the first, the platform calls save_step() for each next one (Services::save_part).
    // With a slice clock, each slice stops once `slice_ms` have passed; without one (tests,
    // by default) the whole text is one slice.
    void poll_changes();
    void save_now();
    void save_step();
    bool save_writing() const { return m_writer.has_value(); }  // slices still to write
    void set_slice_clock(std::function<double()> ms, double slice_ms) { m_slice_clock = std::move(ms); m_slice_ms = slice_ms; }
    void on_saved(bool ok, const std::string& error_name);
    void set_read_only(bool on);
    const Saving& saving() const { return m_saving; }
    Saving& saving_ui() { return m_saving; }  // the views close notices
    const std::string& slot() const { return m_slot; }
    bool has_unsaved_changes() const;

    // Files picked or dropped: checked (size and depth limits, then the one load path),
    // then a preview waits for confirm_import() or cancel_import(); bad files get a message.
    // offer_file and open_for_review run every stage at once; the platform reads a file
    // in stages instead: begin_file (0 = refused, with a message), file_buffer (bytes go
    // there), file_progress (false = the student cancelled: stop reading), file_loaded
    // (or file_failed), then the job's stages run between frames.
    int begin_file(FilePurpose purpose, const std::string& file_name, double bytes);
    char* file_buffer(int job_id);
    bool file_progress(int job_id, double bytes_read);
    void file_loaded(int job_id, std::size_t bytes);
    void file_failed(int job_id, const std::string& error);
    void offer_file(const std::string& file_name, std::string_view text);
    void file_too_big(const std::string& file_name, double bytes);
    const std::optional<PendingImport>& pending_import() const { return m_pending_import; }
    Outcome confirm_import();
    void cancel_import();

    // Long file tasks (opening, saving to a file, the badges ZIP): one at a time.
    bool start_job(Job job);                  // false (and a message) while another runs
    const std::optional<Job>& job() const { return m_job; }
    void job_drawn();                         // the view drew the current stage this frame
    bool job_ready() const;                   // drawn, not reading, work left: step_job() may run
    void step_job();
    void cancel_job();                        // only while cancellable; says nothing changed
    void run_job();                           // every stage now (tests, and the sync paths)
    // Within a stage's work: the next stage (its words, the fraction done, its work).
    void job_next(std::string stage, float fraction, std::function<void(Session&)> work);
    void job_fail(std::string message);       // ends the job with an error message, nothing changed
    const std::vector<JobFrame>& job_frames() const { return m_job_frames; }
    std::vector<JobFrame> take_job_frames() { return std::exchange(m_job_frames, {}); }

    // The mentor's side of the round trip: a student's exported file opened in memory.
    void open_for_review(const std::string& file_name, std::string_view text);
    void close_review();
    // Reviews made on the open file that are not in a review file yet (closing, reloading
    // or opening another file would lose them).
    bool reviews_unsaved() const;
    void export_reviews();                    // the download, remembered for reviews_unsaved()
    // The mentor asks to leave the review (close, or open another student's file): with
    // reviews not in a file, a dialog asks first (leave_pending); otherwise it happens now.
    void request_leave(LeaveAction action);
    LeaveAction leave_pending() const { return m_leave; }
    void answer_leave(bool save_first, bool leave);
    // Leaving the page now would lose work: reviews not saved to a file, or changes of the
    // student's own record that storage refused (the banner's state). For beforeunload.
    bool leaving_loses_work() const;
    bool reviewing() const { return m_review.store != nullptr; }
    const ReviewSession& review_session() const { return m_review; }
    std::string review_file_text() const;   // the reviews made on the open file
    std::string review_file_name() const;
    std::string export_file_name() const;   // "mastery-map-Sky-2026-11-22.json"
    // The whole record as a download (the export), remembered for the reminder below.
    void export_to_file();
    // A gentle reminder: changes made, and no copy saved to a file for kExportReminderDays.
    bool export_reminder_due();
    void snooze_export_reminder() { m_reminder_snoozed = true; }

    // Several records on one device: the list (asked for when Settings opens) and
    // switching this slot to another one, refused while changes are not saved yet.
    void request_stored_list();
    void on_stored_list(std::vector<StoredRecordInfo> list);
    const std::vector<StoredRecordInfo>& stored_list() const { return m_stored_list; }
    void open_stored(const std::string& record_id);

    // The UI's one way to change the record: refusals become the message bar's text.
    Outcome dispatch(Action action);
    bool undo();
    bool redo();

    void set_prefs(const Prefs& p);                  // clamps, saves through Services

    // The JavaScript interface (window.mastery): same store, same paths as the UI.
    std::string js_dispatch(std::string_view action_json);   // {"ok":true} | {"ok":false,"error":...}
    std::string js_import(std::string_view record_text);     // {"ok":...,"error":...}
    // The record on screen as one export text ("" until a record exists): "Save my work to
    // a file". window.mastery.exportRecord reads the same bytes in pieces (bridge.cpp).
    std::string js_export() const;

    // The record on screen: the student's file while a mentor reviews one, else our own.
    Store* store() { return m_review.store ? m_review.store.get() : m_store.get(); }
    const Store* store() const { return m_review.store ? m_review.store.get() : m_store.get(); }
    const Store* own_store() const { return m_store.get(); }
    const Startup& startup() const { return m_startup; }
    const Prefs& prefs() const { return m_prefs; }
    UiState& ui() { return m_ui; }
    Services& services() { return m_services; }
    std::string now() const { return m_clock(); }
    std::string today() const { return date_of(m_clock()); }
    // Views' pathway title for the chooser, or the record's pathway title.
    std::string pathway_title() const;

    bool uses_storage() const { return m_use_storage; }

    // Prefs read at startup (no save). The platform calls this before the first frame.
    void load_prefs(const Prefs& p) { m_prefs = clamp(p); }

private:
    enum class Want { index, pathway, pathway_switch, sample_record };
    void request(Want want, const std::string& url);
    void fail(const std::string& url, std::vector<std::string> problems);
    void adopt_pathway(const std::string& url, std::string_view text, bool switching);
    std::string new_record_id() const;
    void maybe_start_fresh();
    void note_file_copy();
    std::optional<PendingImport> check_file(const std::string& file_name, std::string_view text, std::string& error) const;
    std::optional<PendingImport> read_file_json(const std::string& file_name, ParsedFile file, std::string& error) const;
    bool preview_file(PendingImport& p, std::string& error) const;
    void file_stages(FilePurpose purpose);
    void adopt_review(const std::string& file_name, LearnerRecord record);
    std::string reviews_text() const;  // every review of the open file, for reviews_unsaved()
    std::uint64_t version() const;  // changes whenever the own record changes
    std::string refuse_if_read_only() const;
    void write_slice(double started);  // one slice of the save, from `started` (slice clock ms)

    Services& m_services;
    Clock m_clock;
    std::unique_ptr<Store> m_store;
    Startup m_startup;
    Prefs m_prefs;
    UiState m_ui;
    int m_next_request = 1;
    std::map<int, std::pair<Want, std::string>> m_pending;  // request id -> (what, url)

    std::string m_slot = "default";     // where this record lives on the device
    bool m_stored_pending = false;      // waiting for the stored record
    bool m_fresh_requested = false;     // the pathway for a fresh record was asked for
    bool m_use_storage = false;         // save on this device (the web app; tests choose)
    bool m_index_loaded = false;
    std::vector<std::string> m_index_problems;  // the index could not be read (said only when needed)
    std::uint64_t m_generation = 0;     // bumps when the Store object is replaced
    std::uint64_t m_noticed = 0;        // last version the platform was told about
    std::uint64_t m_saved = 0;          // last version storage confirmed
    std::uint64_t m_in_flight = 0;      // version being saved (0 = none)
    std::optional<RecordWriter> m_writer;  // the save being written (holds its own record)
    std::string m_writer_id;            // the record id it saves under
    bool m_writer_first = false;        // its next piece is the first
    std::function<double()> m_slice_clock;  // milliseconds, for slicing a save (none: one slice)
    double m_slice_ms = 0;
    Saving m_saving;
    std::optional<PendingImport> m_pending_import;
    ReviewSession m_review;
    std::vector<StoredRecordInfo> m_stored_list;
    bool m_reminder_snoozed = false;     // "Not now" (until the next start)
    std::string m_export_checked_for;    // record id whose last export is cached below
    std::string m_last_export;
    std::optional<Job> m_job;
    int m_next_job = 1;
    std::string m_file_text;             // the file being read (the platform writes into it)
    std::vector<JobFrame> m_job_frames;  // stages drawn (bounded; tests take them)
    FilePurpose m_file_purpose = FilePurpose::import_into_my_work;
    LeaveAction m_leave = LeaveAction::none;
    double m_record_bytes = 0;           // size of the record's text when last saved, loaded or opened
};

// A relative URL on this site: no scheme, no "//host", no backslashes.
bool is_same_site_relative(const std::string& url);

}  // namespace mastery::app
