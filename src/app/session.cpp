// Session: startup sequence (stored record first), saving on the device, file imports with
// a preview, the mentor's review of a student's file, the UI's dispatch with readable
// refusals, the JS entry points.
#include "app/session.hpp"

#include "app/strings.hpp"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <random>

namespace mastery::app {

bool is_web_link(const std::string& url) {
    return url.rfind("https://", 0) == 0 || url.rfind("http://", 0) == 0;
}

bool is_same_site_relative(const std::string& url) {
    if (url.empty() || url.size() > 2048) return false;
    if (url.rfind("//", 0) == 0 || url.find('\\') != std::string::npos) return false;
    // A scheme is letters/digits/+.- before the first ':' that comes before any '/', '?' or '#'.
    const auto colon = url.find(':');
    const auto stop = url.find_first_of("/?#");
    if (colon != std::string::npos && (stop == std::string::npos || colon < stop)) return false;
    for (unsigned char c : url)
        if (c < 0x20 || c == 0x7f) return false;
    return true;
}

Session::Session(Services& services, Clock clock) : m_services(services), m_clock(std::move(clock)) {
    if (!m_clock) m_clock = system_now;
}

std::string Session::new_record_id() const {
    std::random_device rd;
    std::uniform_int_distribution<unsigned> hex(0, 15);
    std::string id = "r-";
    for (int i = 0; i < 12; ++i) id += "0123456789abcdef"[hex(rd)];
    return id;
}

void Session::request(Want want, const std::string& url) {
    const int id = m_next_request++;
    m_pending[id] = {want, url};
    m_services.fetch_text(id, url);
}

void Session::start(const std::string& pathway_param, bool use_storage) {
    m_startup.phase = StartPhase::loading;
    m_startup.requested = pathway_param;
    m_startup.problems.clear();
    m_use_storage = use_storage;
    m_slot = pathway_param.empty() ? "default" : pathway_param;
    m_fresh_requested = false;
    m_index_problems.clear();
    request(Want::index, kIndexUrl);
    if (!pathway_param.empty() && !is_same_site_relative(pathway_param)) {
        fail(pathway_param, {"a pathway must be a file on this site (a relative address such as pathways/my-class.json)"});
        return;
    }
    if (use_storage) {
        m_stored_pending = true;
        m_services.load_stored(m_slot);
        return;
    }
    maybe_start_fresh();
}

// A fresh record once we know there is no stored one: the ?pathway= file, or the index's
// default (which may still be on its way).
void Session::maybe_start_fresh() {
    if (m_store || m_stored_pending || m_fresh_requested || m_startup.phase == StartPhase::failed) return;
    if (!m_startup.requested.empty()) {
        m_fresh_requested = true;
        request(Want::pathway, m_startup.requested);
        return;
    }
    if (!m_index_problems.empty()) {
        fail(kIndexUrl, m_index_problems);
        return;
    }
    if (!m_index_loaded) return;
    const PathwayIndexEntry* chosen = nullptr;
    for (const auto& e : m_startup.index)
        if (e.is_default) { chosen = &e; break; }
    if (!chosen && !m_startup.index.empty()) chosen = &m_startup.index.front();
    if (!chosen) { fail(kIndexUrl, {"the pathway list is empty"}); return; }
    m_fresh_requested = true;
    request(Want::pathway, std::string(kPathwayDir) + chosen->file);
}

void Session::fail(const std::string& url, std::vector<std::string> problems) {
    m_startup.phase = StartPhase::failed;
    m_startup.failed_url = url;
    m_startup.problems = std::move(problems);
}

void Session::on_fetched(int request_id, bool ok, std::string_view text, const std::string& error) {
    auto it = m_pending.find(request_id);
    if (it == m_pending.end()) return;
    const auto [want, url] = it->second;
    m_pending.erase(it);

    if (!ok) {
        const std::string why = fmt(S::load_failed_fetch_fmt, url.c_str(), error.empty() ? "network error" : error.c_str());
        if (want == Want::index) {  // the chooser is optional with ?pathway= or a stored record
            m_index_problems = {why};
            maybe_start_fresh();
            return;
        }
        if (want == Want::sample_record || want == Want::pathway_switch || m_store) {
            m_ui.say(why, true);
            return;
        }
        fail(url, {why});
        return;
    }

    switch (want) {
        case Want::index: {
            Loaded<std::vector<PathwayIndexEntry>> idx = load_pathway_index(text);
            if (!idx.ok()) {
                m_index_problems.clear();
                for (const Problem& p : idx.problems) m_index_problems.push_back(p.to_string());
                maybe_start_fresh();
                return;
            }
            m_startup.index = *idx.value;
            m_index_loaded = true;
            maybe_start_fresh();
            return;
        }
        case Want::pathway: adopt_pathway(url, text, false); return;
        case Want::pathway_switch: adopt_pathway(url, text, true); return;
        case Want::sample_record: {
            if (!refuse_if_read_only().empty()) { m_ui.say(fmt(S::refused_fmt, refuse_if_read_only().c_str()), true); return; }
            if (!m_store) {
                Loaded<LearnerRecord> r = load_record(text);
                if (!r.ok()) { fail(url, {r.first_error()}); return; }
                start_with_record(std::move(*r.value));
            } else {
                Outcome o = m_store->import_record(text);
                if (!o.ok) { m_ui.say(fmt(S::import_failed_fmt, o.error.c_str()), true); return; }
            }
            note_file_copy();  // the demo student is a bundled file
            m_ui.page = Page::map;
            m_ui.say(tr(S::sample_loaded));
            return;
        }
    }
}

void Session::adopt_pathway(const std::string& url, std::string_view text, bool switching) {
    Loaded<Pathway> p = load_pathway(text);
    if (!p.ok()) {
        std::vector<std::string> lines;
        for (const Problem& pr : p.problems) lines.push_back(pr.to_string());
        if (switching && m_store) {
            m_ui.say(fmt(S::import_failed_fmt, lines.empty() ? "" : lines.front().c_str()), true);
            return;
        }
        fail(url, lines);
        return;
    }
    LearnerRecord fresh = new_record(*p.value, new_record_id(), kDefaultLearnerName, m_clock());
    if (m_store) {
        if (!dispatch(Action{ReplaceRecord{std::move(fresh)}, ""}).ok) return;
        m_ui = UiState{};
    } else {
        m_store = std::make_unique<Store>(std::move(fresh), m_clock);
        ++m_generation;
    }
    m_startup.phase = StartPhase::ready;
    m_startup.problems.clear();
}

void Session::start_with_pathway_text(const std::string& url, std::string_view text) { adopt_pathway(url, text, m_store != nullptr); }

void Session::start_with_record(LearnerRecord record) {
    m_store = std::make_unique<Store>(std::move(record), m_clock);
    ++m_generation;
    m_startup.phase = StartPhase::ready;
    m_startup.problems.clear();
}

void Session::load_sample() { request(Want::sample_record, kSampleRecordUrl); }

void Session::choose_pathway(const std::string& file) { request(Want::pathway_switch, std::string(kPathwayDir) + file); }

void Session::on_image_picked(const ImageTarget& target, const std::string& mime, std::vector<std::uint8_t> bytes) {
    AddEvidence e;
    e.competency = target.competency;
    e.level = target.level;
    e.kind = EvidenceKind::image;
    e.part = static_cast<EvidencePart>(target.part);
    e.mime = mime;
    e.bytes = std::move(bytes);
    e.text = "";
    dispatch(Action{std::move(e), ""});
}

void Session::on_record_file(std::string_view text) {
    if (!refuse_if_read_only().empty()) { m_ui.say(fmt(S::refused_fmt, refuse_if_read_only().c_str()), true); return; }
    if (!m_store) {
        Loaded<LearnerRecord> r = load_record(text);
        if (!r.ok()) { m_ui.say(fmt(S::import_failed_fmt, r.first_error().c_str()), true); return; }
        start_with_record(std::move(*r.value));
        m_ui.say(tr(S::imported));
        return;
    }
    Outcome o = m_store->import_record(text);
    if (!o.ok) m_ui.say(fmt(S::import_failed_fmt, o.error.c_str()), true);
    else m_ui.say(tr(S::imported));
}

Outcome Session::dispatch(Action action) {
    if (!store()) return {false, "nothing is open yet", "", false};
    if (const std::string why = refuse_if_read_only(); !why.empty()) {
        m_ui.say(fmt(S::refused_fmt, why.c_str()), true);
        return {false, why, "", false};
    }
    Outcome o = store()->dispatch(std::move(action));
    if (!o.ok) m_ui.say(fmt(S::refused_fmt, o.error.c_str()), true);
    else if (!o.note.empty()) m_ui.say(o.note);
    return o;
}

bool Session::undo() {
    if (const std::string why = refuse_if_read_only(); !why.empty()) { m_ui.say(fmt(S::refused_fmt, why.c_str()), true); return false; }
    return store() && store()->undo();
}
bool Session::redo() {
    if (const std::string why = refuse_if_read_only(); !why.empty()) { m_ui.say(fmt(S::refused_fmt, why.c_str()), true); return false; }
    return store() && store()->redo();
}

void Session::set_prefs(const Prefs& p) {
    const Prefs next = clamp(p);
    if (next == m_prefs) return;
    m_prefs = next;
    m_services.save_prefs(prefs_to_text(m_prefs));
}

std::string Session::js_dispatch(std::string_view action_json) {
    if (!store()) return outcome_json({false, "the app has no record yet (the pathway is still loading or failed)", "", false});
    if (const std::string why = refuse_if_read_only(); !why.empty()) return outcome_json({false, why, "", false});
    return outcome_json(store()->dispatch_json(action_json));
}

// As if the student confirmed the preview: a record replaces (undoably), a review file merges.
std::string Session::js_import(std::string_view record_text) {
    if (const std::string why = refuse_if_read_only(); !why.empty()) return outcome_json({false, why, "", false});
    if (!m_store) {
        Loaded<LearnerRecord> r = load_record(record_text);
        if (!r.ok()) return outcome_json({false, r.first_error(), "", false});
        start_with_record(std::move(*r.value));
        return outcome_json({true, "", "", true});
    }
    std::string error;
    std::optional<PendingImport> checked = check_file("", record_text, error);
    if (!checked) return outcome_json({false, error, "", false});
    Action a{ReplaceRecord{}, ""};
    if (checked->is_reviews) a.body = MergeReviews{std::move(*checked->reviews)};
    else a.body = ReplaceRecord{std::move(*checked->record)};
    const Outcome o = store()->dispatch(std::move(a));
    if (o.ok && !checked->is_reviews) m_record_bytes = double(record_text.size());
    if (o.ok && !checked->is_reviews) note_file_copy();
    return outcome_json(o);
}

std::string Session::js_export() const {
    if (!store()) return {};
    return store()->export_record(reviewing() ? std::size_t(m_review.bytes) : std::size_t(m_record_bytes));
}

std::string Session::pathway_title() const { return store() ? store()->record().pathway.title : std::string(); }

namespace {

std::string file_safe(std::string name, const char* fallback) {
    for (char& c : name)
        if (!std::isalnum(static_cast<unsigned char>(c))) c = '-';
    return name.empty() ? std::string(fallback) : name;
}

}  // namespace

std::string Session::export_file_name() const {
    const std::string who = store() ? store()->record().learner_name : std::string();
    return "mastery-map-" + file_safe(who, "record") + "-" + today() + ".json";
}

// A record that came from a file has a copy in that file: the reminder starts from now.
void Session::note_file_copy() {
    if (!m_store || reviewing()) return;
    m_last_export = m_clock();
    m_export_checked_for = m_store->record().id;
    m_services.remember_export(m_export_checked_for, m_last_export);
}

void Session::export_to_file() {
    if (!store()) return;
    Job j;
    j.title = tr(S::job_export_title);
    j.file_name = export_file_name();
    j.stage = tr(S::job_writing);
    j.steps = 2;
    j.fraction = 0.05f;
    j.show = (reviewing() ? m_review.bytes : m_record_bytes) >= kShowProgressBytes;
    j.next = [](Session& s) {
        auto text = std::make_shared<std::string>(s.js_export());
        if (!s.reviewing()) s.m_record_bytes = double(text->size());
        s.job_next(tr(S::job_downloading), 0.8f, [text](Session& s) {
            s.m_services.download_text(s.m_job->file_name, "application/json", *text);
            s.note_file_copy();
        });
    };
    start_job(std::move(j));
}

namespace {

// Days since 1970-01-01 of an ISO 8601 date ("2026-11-22..."); nullopt when not a date.
std::optional<long> day_number(const std::string& iso) {
    int y = 0, m = 0, d = 0;
    if (iso.size() < 10 || std::sscanf(iso.c_str(), "%4d-%2d-%2d", &y, &m, &d) != 3) return std::nullopt;
    const std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{unsigned(m)}, std::chrono::day{unsigned(d)}};
    if (!ymd.ok()) return std::nullopt;
    return std::chrono::sys_days{ymd}.time_since_epoch().count();
}

}  // namespace

bool Session::export_reminder_due() {
    if (!m_use_storage || !m_store || reviewing() || m_saving.read_only || m_reminder_snoozed) return false;
    const LearnerRecord& r = m_store->record();
    if (m_export_checked_for != r.id) {
        m_export_checked_for = r.id;
        m_last_export = m_services.last_export(r.id);
    }
    const std::string since = m_last_export.empty() ? r.created_at : m_last_export;
    std::string latest;
    for (const auto& a : r.activity) latest = std::max(latest, a.at);
    if (latest <= since) return false;  // nothing new since the last copy
    const auto from = day_number(since), now = day_number(m_clock());
    return from && now && *now - *from >= kExportReminderDays;
}

void Session::request_stored_list() {
    if (m_use_storage) m_services.list_stored();
}

void Session::on_stored_list(std::vector<StoredRecordInfo> list) {
    std::sort(list.begin(), list.end(), [](const auto& a, const auto& b) { return a.saved_at > b.saved_at; });
    m_stored_list = std::move(list);
}

void Session::open_stored(const std::string& record_id) {
    if (!m_store || reviewing()) return;
    if (const std::string why = refuse_if_read_only(); !why.empty()) { m_ui.say(fmt(S::refused_fmt, why.c_str()), true); return; }
    if (record_id == m_store->record().id) return;
    if (has_unsaved_changes() || m_saving.state != SaveState::saved) {
        m_ui.say(tr(S::switch_unsaved), true);  // switching now would lose work kept only in memory
        return;
    }
    m_services.switch_record(m_slot, record_id);
}

// [SECTION] saving on this device

StorageProblem storage_problem_of(const std::string& error_name) {
    if (error_name.empty()) return StorageProblem::none;
    if (error_name == "QuotaExceededError") return StorageProblem::full;
    if (error_name == "OpenElsewhere") return StorageProblem::open_elsewhere;  // web/shell.js: another tab holds this record
    return StorageProblem::unavailable;  // SecurityError, InvalidStateError, UnknownError, ...
}

std::string Session::refuse_if_read_only() const {
    if (!m_saving.read_only || reviewing()) return {};
    return tr(S::read_only_refused);
}

std::uint64_t Session::version() const {
    if (!m_store) return 0;
    return (m_generation << 32) | (static_cast<std::uint64_t>(m_store->revision()) & 0xffffffffu);
}

bool Session::has_unsaved_changes() const { return m_use_storage && m_store && version() != m_saved; }

void Session::poll_changes() {
    if (!m_use_storage || !m_store || m_saving.read_only) return;
    const std::uint64_t v = version();
    if (v == m_noticed) return;
    m_noticed = v;
    if (v == m_saved) return;
    if (m_saving.state != SaveState::failed) m_saving.state = SaveState::saving;
    m_services.record_changed();
}

void Session::save_now() {
    poll_changes();
    if (!m_use_storage || !m_store || m_saving.read_only || m_in_flight) return;
    const std::uint64_t v = version();
    if (v == m_saved) return;
    m_in_flight = v;
    if (m_saving.state != SaveState::failed) m_saving.state = SaveState::saving;
    // The writer shares the present record (never changed in place): changes, undo and
    // redo during the slices leave it alone; the next save follows (on_saved).
    const double started = m_slice_clock ? m_slice_clock() : 0;  // making the writer counts
    m_writer.emplace(m_store->snapshot()->owner);
    m_writer_id = m_store->record().id;
    m_writer_first = true;
    write_slice(started);
}

void Session::save_step() {
    if (m_writer) write_slice(m_slice_clock ? m_slice_clock() : 0);
}

// One slice of the save in progress: pieces of text until the slice's time is up (or
// kMaxSliceBytes, so the page never copies much at once), handed over as one part.
void Session::write_slice(double started) {
    constexpr std::size_t kPieceBytes = 2 * 1024;         // between looks at the clock
    constexpr std::size_t kMaxSliceBytes = 1024 * 1024;  // with a clock only
    std::string part;
    bool more = true;
    while (more) {
        more = m_writer->write(part, m_slice_clock ? kPieceBytes : std::size_t(-1));
        if (m_slice_clock && (part.size() >= kMaxSliceBytes || m_slice_clock() - started >= m_slice_ms)) break;
    }
    const bool first = std::exchange(m_writer_first, false);
    const std::string id = m_writer_id;
    if (!more) {
        m_record_bytes = double(m_writer->written());
        m_writer.reset();
    }
    m_services.save_part(m_slot, id, part, first, !more);
}

void Session::on_saved(bool ok, const std::string& error_name) {
    const std::uint64_t was = m_in_flight;
    m_in_flight = 0;
    m_writer.reset();  // storage gave up early: no more slices
    if (ok) {
        if (was) m_saved = was;
        m_saving.problem = StorageProblem::none;
        m_saving.error_name.clear();
        m_saving.problem_seen = false;
        m_saving.state = version() == m_saved ? SaveState::saved : SaveState::saving;
        if (m_saving.state == SaveState::saving) m_services.record_changed();  // changed meanwhile
        return;
    }
    const StorageProblem p = storage_problem_of(error_name.empty() ? "UnknownError" : error_name);
    if (p != m_saving.problem) m_saving.problem_seen = false;
    m_saving.problem = p;
    m_saving.error_name = error_name;
    m_saving.state = SaveState::failed;
}

void Session::set_read_only(bool on) { m_saving.read_only = on; }

void Session::on_stored(bool found, std::string_view text, bool from_backup) {
    if (!m_stored_pending) return;
    if (found) {
        Loaded<LearnerRecord> r = load_record(text);
        if (r.ok()) {
            m_record_bytes = double(text.size());
            m_stored_pending = false;
            start_with_record(std::move(*r.value));
            m_saved = m_noticed = version();
            m_saving.state = SaveState::saved;
            m_saving.restored_from_backup = from_backup && !m_saving.set_aside_reasons.empty();
            return;
        }
        // Set aside (never deleted) and try the newest backup; a bounded number of times.
        m_saving.set_aside_reasons.push_back(r.first_error());
        if (m_saving.set_aside_reasons.size() <= 8) {
            m_services.quarantine_stored(m_slot, r.first_error());
            return;
        }
    }
    m_stored_pending = false;
    maybe_start_fresh();
}

// [SECTION] files: check, preview, confirm

// A parsed file as a record or a review file (no preview yet).
std::optional<PendingImport> Session::read_file_json(const std::string& file_name, ParsedFile file, std::string& error) const {
    PendingImport p;
    p.file_name = file_name;
    if (detect_format(file.json) == kReviewsFormat) {
        Loaded<ReviewFile> f = review_file_from_json(file.json);
        if (!f.ok()) { error = f.first_error(); return std::nullopt; }
        if (!store()) { error = "there is no record to add these reviews to yet"; return std::nullopt; }
        p.is_reviews = true;
        p.reviews = std::move(*f.value);
        return p;
    }
    Loaded<LearnerRecord> r = record_from_file(std::move(file));
    if (!r.ok()) { error = r.first_error(); return std::nullopt; }
    p.record = std::move(*r.value);
    return p;
}

// What the file would change, in words; a review file for another learner is refused here.
bool Session::preview_file(PendingImport& p, std::string& error) const {
    if (!p.is_reviews) {
        if (store() && p.record) p.lines = preview_import(store()->record(), *p.record).lines;
        return true;
    }
    if (!store()) { error = "there is no record to add these reviews to yet"; return false; }
    MergeReport rep = merge_reviews(store()->record(), *p.reviews, m_clock());
    if (!rep.ok) { error = rep.error; return false; }
    p.nothing_new = rep.added == 0;
    // one line per level that gets a new review, with its result, and who reviewed
    std::vector<std::string> who, levels;
    for (const LevelWork& after : rep.record.work) {
        const LevelWork* before = store()->record().find_work(after.competency, after.level);
        const std::size_t had = before ? before->reviews.size() : 0;
        if (after.reviews.size() <= had) continue;
        for (std::size_t i = had; i < after.reviews.size(); ++i)
            if (std::find(who.begin(), who.end(), after.reviews[i].reviewer) == who.end()) who.push_back(after.reviews[i].reviewer);
        const Competency* c = rep.record.pathway.find_competency(after.competency);
        if (!c) continue;
        const auto& scale = rep.record.pathway.scale_of(*c);
        const std::string level = after.level >= 1 && std::size_t(after.level) <= scale.size() ? scale[std::size_t(after.level - 1)]
                                                                                              : std::to_string(after.level);
        const bool earned = after.reviews.back().earned();
        levels.push_back(fmt(earned ? S::import_review_earned_fmt : S::import_review_not_yet_fmt, c->title.c_str(), level.c_str()));
    }
    std::string names;
    for (const std::string& w : who) names += (names.empty() ? "" : ", ") + w;
    p.lines.clear();
    if (!names.empty()) p.lines.push_back(fmt(S::import_reviews_from_fmt, names.c_str()));
    if (rep.added == 0) p.lines.push_back(tr(S::import_reviews_nothing_new));
    else p.lines.push_back(fmt(rep.added == 1 ? S::import_reviews_new_one : S::import_reviews_new_fmt, rep.added));
    p.lines.insert(p.lines.end(), levels.begin(), levels.end());
    if (rep.already) p.lines.push_back(fmt(S::import_reviews_already_fmt, rep.already));
    for (const std::string& sk : rep.skipped) p.lines.push_back(fmt(S::import_reviews_skipped_fmt, sk.c_str()));
    return true;
}

// All at once (window.mastery.importRecord): the same steps the staged job takes.
std::optional<PendingImport> Session::check_file(const std::string& file_name, std::string_view text, std::string& error) const {
    Loaded<ParsedFile> j = parse_file(text);
    if (!j.ok()) { error = j.first_error(); return std::nullopt; }
    std::optional<PendingImport> p = read_file_json(file_name, std::move(*j.value), error);
    if (!p || !preview_file(*p, error)) return std::nullopt;
    p->bytes = text.size();
    return p;
}

// [SECTION] long file tasks: a stage per frame

namespace {

// Shares of a file task's progress bar at the end of each stage, from the 10.5 MB record of
// `core_bench --write` (natively: parse 0.20 s, which reads the work entries and the
// pathway's competencies as they are parsed, then the rest of the check 0.11 s, preview
// under 0.04 s; reading it in the browser is quicker than parsing). They move when the
// core reader gets faster; what matters is that the bar moves at every stage and never
// goes back.
constexpr float kReadShare = 0.05f, kParseShare = 0.62f, kCheckShare = 0.95f;
constexpr double kMB = 1024.0 * 1024.0;

}  // namespace

bool Session::start_job(Job job) {
    if (m_job) {
        m_ui.say(tr(S::job_busy), true);
        return false;
    }
    job.id = m_next_job++;
    job.stage_seq = 1;
    job.drawn_seq = 0;
    m_job = std::move(job);
    return true;
}

void Session::job_drawn() {
    if (!m_job || m_job->drawn_seq == m_job->stage_seq) return;
    m_job->drawn_seq = m_job->stage_seq;
    if (m_job_frames.size() < 1000) m_job_frames.push_back({m_job->title, m_job->stage, m_job->step, m_job->fraction});
}

bool Session::job_ready() const { return m_job && !m_job->reading && m_job->next && m_job->drawn_seq == m_job->stage_seq; }

void Session::step_job() {
    if (!m_job || m_job->reading || !m_job->next) return;
    const int id = m_job->id;
    std::function<void(Session&)> work = std::move(m_job->next);
    m_job->next = nullptr;
    work(*this);
    if (m_job && m_job->id == id && !m_job->next && !m_job->reading) m_job.reset();  // that was the last stage
}

void Session::run_job() {
    while (m_job && !m_job->reading && m_job->next) step_job();
}

void Session::job_next(std::string stage, float fraction, std::function<void(Session&)> work) {
    if (!m_job) return;
    m_job->stage = std::move(stage);
    m_job->fraction = fraction;
    ++m_job->step;
    ++m_job->stage_seq;
    m_job->next = std::move(work);
}

void Session::job_fail(std::string message) {
    m_job.reset();
    std::string().swap(m_file_text);
    m_ui.say(std::move(message), true);
}

void Session::cancel_job() {
    if (!m_job || !m_job->cancellable) return;
    m_job.reset();
    std::string().swap(m_file_text);  // nothing was changed: the file is simply dropped
    m_ui.say(tr(S::import_cancelled));
}

int Session::begin_file(FilePurpose purpose, const std::string& file_name, double bytes) {
    const bool review = purpose == FilePurpose::open_for_review;
    if (!review && reviewing()) {
        m_ui.say(tr(S::import_close_review_first), true);
        return 0;
    }
    if (!review)
        if (const std::string why = refuse_if_read_only(); !why.empty()) {
            m_ui.say(fmt(S::refused_fmt, why.c_str()), true);
            return 0;
        }
    if (bytes < 0 || bytes > double(Limits{}.max_bytes)) {
        file_too_big(file_name, bytes);
        return 0;
    }
    Job j;
    j.title = tr(review ? S::job_review_title : S::job_open_title);
    j.file_name = file_name;
    j.stage = fmt(S::job_reading_fmt, 0.0, bytes / kMB);
    j.steps = 4;
    j.show = bytes >= kShowProgressBytes;
    j.cancellable = true;
    j.reading = true;
    j.bytes_total = bytes;
    if (!start_job(std::move(j))) return 0;
    m_file_purpose = purpose;
    m_file_text.assign(static_cast<std::size_t>(bytes), '\0');
    return m_job->id;
}

char* Session::file_buffer(int job_id) { return m_job && m_job->id == job_id && m_job->reading ? m_file_text.data() : nullptr; }

bool Session::file_progress(int job_id, double bytes_read) {
    if (!m_job || m_job->id != job_id || !m_job->reading) return false;
    const double total = std::max(1.0, m_job->bytes_total);
    m_job->fraction = kReadShare * static_cast<float>(std::clamp(bytes_read / total, 0.0, 1.0));
    m_job->stage = fmt(S::job_reading_fmt, bytes_read / kMB, m_job->bytes_total / kMB);
    ++m_job->stage_seq;
    return true;
}

void Session::file_loaded(int job_id, std::size_t bytes) {
    if (!m_job || m_job->id != job_id || !m_job->reading) return;
    m_file_text.resize(std::min(bytes, m_file_text.size()));
    m_job->reading = false;
    file_stages(m_file_purpose);
}

void Session::file_failed(int job_id, const std::string& error) {
    if (!m_job || m_job->id != job_id) return;
    const std::string name = m_job->file_name;
    job_fail(fmt(S::job_read_failed_fmt, name.c_str(), error.c_str()));
}

// After reading: parse (limits first), check (the record or review-file reader), then the
// preview (or, for a mentor, the student's work opened in memory). Each stage keeps its
// result for the next one; nothing changes until the student says yes to the preview.
void Session::file_stages(FilePurpose purpose) {
    const bool review = purpose == FilePurpose::open_for_review;
    const std::string name = m_job->file_name;
    const std::size_t bytes = m_file_text.size();
    job_next(tr(S::job_parsing), kReadShare, [name, review, bytes](Session& s) {
        Loaded<ParsedFile> j = parse_file(s.m_file_text);
        std::string().swap(s.m_file_text);
        if (!j.ok()) {
            s.job_fail(fmt(S::import_failed_file_fmt, name.c_str(), j.first_error().c_str()));
            return;
        }
        auto parsed = std::make_shared<ParsedFile>(std::move(*j.value));
        if (review) {
            s.job_next(tr(S::job_checking), kParseShare, [name, parsed, bytes](Session& s) {
                Loaded<LearnerRecord> r = record_from_file(std::move(*parsed));
                if (!r.ok()) {
                    s.job_fail(fmt(S::import_failed_file_fmt, name.c_str(), r.first_error().c_str()));
                    return;
                }
                auto record = std::make_shared<LearnerRecord>(std::move(*r.value));
                s.job_next(tr(S::job_opening), kCheckShare, [name, record, bytes](Session& s) {
                    s.adopt_review(name, std::move(*record));
                    s.m_review.bytes = double(bytes);
                });
            });
            return;
        }
        s.job_next(tr(S::job_checking), kParseShare, [name, parsed, bytes](Session& s) {
            std::string error;
            std::optional<PendingImport> p = s.read_file_json(name, std::move(*parsed), error);
            if (!p) {
                s.job_fail(fmt(S::import_failed_file_fmt, name.c_str(), error.c_str()));
                return;
            }
            p->bytes = bytes;
            auto pending = std::make_shared<PendingImport>(std::move(*p));
            s.job_next(tr(S::job_previewing), kCheckShare, [name, pending](Session& s) {
                std::string error;
                if (!s.preview_file(*pending, error)) {
                    s.job_fail(fmt(S::import_failed_file_fmt, name.c_str(), error.c_str()));
                    return;
                }
                if (!s.m_store) {  // nothing open yet (startup failed): open it directly
                    if (pending->record) {
                        s.start_with_record(std::move(*pending->record));
                        s.m_ui.say(tr(S::imported));
                    }
                    return;
                }
                s.m_pending_import = std::move(*pending);
            });
        });
    });
}

void Session::offer_file(const std::string& file_name, std::string_view text) {
    const int id = begin_file(FilePurpose::import_into_my_work, file_name, double(text.size()));
    if (!id) return;
    std::copy(text.begin(), text.end(), m_file_text.begin());
    file_loaded(id, text.size());
    run_job();
}

void Session::file_too_big(const std::string& file_name, double bytes) {
    const double mb = bytes / (1024.0 * 1024.0);
    const double limit = double(Limits{}.max_bytes) / (1024.0 * 1024.0);
    m_ui.say(fmt(S::import_too_big_fmt, file_name.c_str(), mb, limit), true);
}

Outcome Session::confirm_import() {
    if (!m_pending_import) return {false, "nothing to import", "", false};
    PendingImport p = std::move(*m_pending_import);
    m_pending_import.reset();
    Action a{ReplaceRecord{}, ""};
    if (p.is_reviews) a.body = MergeReviews{std::move(*p.reviews)};
    else a.body = ReplaceRecord{std::move(*p.record)};
    Outcome o = dispatch(std::move(a));
    if (o.ok && !p.is_reviews) m_record_bytes = double(p.bytes);
    if (o.ok && !p.is_reviews) note_file_copy();
    if (o.ok && !p.is_reviews) m_ui.say(tr(S::imported_undo));
    else if (o.ok && !o.changed) m_ui.say(tr(S::import_reviews_nothing_new));
    return o;
}

void Session::cancel_import() {
    if (!m_pending_import) return;
    m_pending_import.reset();
    m_ui.say(tr(S::import_cancelled));
}

// [SECTION] the mentor's review of a student's file (in memory only)

void Session::open_for_review(const std::string& file_name, std::string_view text) {
    const int id = begin_file(FilePurpose::open_for_review, file_name, double(text.size()));
    if (!id) return;
    std::copy(text.begin(), text.end(), m_file_text.begin());
    file_loaded(id, text.size());
    run_job();
}

void Session::adopt_review(const std::string& file_name, LearnerRecord record) {
    m_pending_import.reset();
    m_leave = LeaveAction::none;
    m_review = ReviewSession{};
    m_review.file_name = file_name;
    m_review.opened_at = m_clock();
    m_review.store = std::make_unique<Store>(std::move(record), m_clock);
    m_review.saved_reviews = reviews_text();
    m_ui = UiState{};
    m_ui.page = Page::review;
}

void Session::close_review() {
    if (!m_review.store) return;
    m_review = ReviewSession{};
    m_leave = LeaveAction::none;
    m_ui = UiState{};
    m_ui.say(tr(S::mentor_closed));
}

// Every review on the open file, as the review file would hold them (a fixed date, so
// the text changes only when the reviews do).
std::string Session::reviews_text() const {
    if (!m_review.store) return {};
    return mastery::save_review_file(make_review_file(m_review.store->record(), ""));
}

bool Session::reviews_unsaved() const {
    if (!m_review.store) return false;
    const std::uint64_t rev = m_review.store->revision();
    if (rev != m_review.checked_revision) {
        m_review.checked_revision = rev;
        m_review.unsaved = reviews_text() != m_review.saved_reviews;
    }
    return m_review.unsaved;
}

void Session::export_reviews() {
    if (!m_review.store) return;
    int n = 0;
    for (const LevelWork& w : m_review.store->record().work) n += static_cast<int>(w.reviews.size());
    m_services.download_text(review_file_name(), "application/json", review_file_text());
    m_review.saved_reviews = reviews_text();
    m_review.checked_revision = ~std::uint64_t(0);
    m_ui.say(fmt(S::mentor_saved_fmt, n));
}

void Session::request_leave(LeaveAction action) {
    if (action == LeaveAction::none) return;
    if (reviewing() && reviews_unsaved()) {
        m_leave = action;  // the dialog asks (src/ui/view_files.cpp)
        return;
    }
    m_leave = action;
    answer_leave(false, true);
}

void Session::answer_leave(bool save_first, bool leave) {
    const LeaveAction action = std::exchange(m_leave, LeaveAction::none);
    if (save_first) export_reviews();
    if (!leave) return;
    if (action == LeaveAction::close_review) close_review();
    else if (action == LeaveAction::open_other_for_review) m_services.pick_record_file(FilePurpose::open_for_review);
}

bool Session::leaving_loses_work() const {
    return reviews_unsaved() || (has_unsaved_changes() && m_saving.state == SaveState::failed);
}

std::string Session::review_file_text() const {
    if (!m_review.store) return {};
    return save_review_file(make_review_file(m_review.store->record(), m_clock()));
}

std::string Session::review_file_name() const {
    const std::string who = m_review.store ? m_review.store->record().learner_name : std::string();
    return "mastery-map-reviews-for-" + file_safe(who, "student") + "-" + today() + ".json";
}

}  // namespace mastery::app
