// Session: startup sequence, the UI's dispatch with readable refusals, the JS entry points.
#include "app/session.hpp"

#include "app/strings.hpp"

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

void Session::start(const std::string& pathway_param) {
    m_startup.phase = StartPhase::loading;
    m_startup.requested = pathway_param;
    m_startup.problems.clear();
    request(Want::index, kIndexUrl);
    if (!pathway_param.empty()) {
        if (!is_same_site_relative(pathway_param)) {
            fail(pathway_param, {"a pathway must be a file on this site (a relative address such as pathways/my-class.json)"});
            return;
        }
        request(Want::pathway, pathway_param);
    }
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
        if (want == Want::index && !m_startup.requested.empty()) return;  // the chooser is optional then
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
                std::vector<std::string> lines;
                for (const Problem& p : idx.problems) lines.push_back(p.to_string());
                if (m_startup.requested.empty() && !m_store) fail(url, lines);
                return;
            }
            m_startup.index = *idx.value;
            if (m_startup.requested.empty() && !m_store) {
                const PathwayIndexEntry* chosen = nullptr;
                for (const auto& e : m_startup.index)
                    if (e.is_default) { chosen = &e; break; }
                if (!chosen && !m_startup.index.empty()) chosen = &m_startup.index.front();
                if (!chosen) { fail(url, {"the pathway list is empty"}); return; }
                request(Want::pathway, std::string(kPathwayDir) + chosen->file);
            }
            return;
        }
        case Want::pathway: adopt_pathway(url, text, false); return;
        case Want::pathway_switch: adopt_pathway(url, text, true); return;
        case Want::sample_record: {
            if (!m_store) {
                Loaded<LearnerRecord> r = load_record(text);
                if (!r.ok()) { fail(url, {r.first_error()}); return; }
                start_with_record(std::move(*r.value));
            } else {
                Outcome o = m_store->import_record(text);
                if (!o.ok) { m_ui.say(fmt(S::import_failed_fmt, o.error.c_str()), true); return; }
            }
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
        dispatch(Action{ReplaceRecord{std::move(fresh)}, ""});
        m_ui = UiState{};
    } else {
        m_store = std::make_unique<Store>(std::move(fresh), m_clock);
    }
    m_startup.phase = StartPhase::ready;
    m_startup.problems.clear();
}

void Session::start_with_pathway_text(const std::string& url, std::string_view text) { adopt_pathway(url, text, m_store != nullptr); }

void Session::start_with_record(LearnerRecord record) {
    m_store = std::make_unique<Store>(std::move(record), m_clock);
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
    if (!m_store) return {false, "nothing is open yet", "", false};
    Outcome o = m_store->dispatch(std::move(action));
    if (!o.ok) m_ui.say(fmt(S::refused_fmt, o.error.c_str()), true);
    else if (!o.note.empty()) m_ui.say(o.note);
    return o;
}

bool Session::undo() { return m_store && m_store->undo(); }
bool Session::redo() { return m_store && m_store->redo(); }

void Session::set_prefs(const Prefs& p) {
    const Prefs next = clamp(p);
    if (next == m_prefs) return;
    m_prefs = next;
    m_services.save_prefs(prefs_to_text(m_prefs));
}

std::string Session::js_dispatch(std::string_view action_json) {
    if (!m_store) return outcome_json({false, "the app has no record yet (the pathway is still loading or failed)", "", false});
    return outcome_json(m_store->dispatch_json(action_json));
}

std::string Session::js_import(std::string_view record_text) {
    if (!m_store) {
        Loaded<LearnerRecord> r = load_record(record_text);
        if (!r.ok()) return outcome_json({false, r.first_error(), "", false});
        start_with_record(std::move(*r.value));
        return outcome_json({true, "", "", true});
    }
    return outcome_json(m_store->import_record(record_text));
}

std::string Session::js_export() const { return m_store ? m_store->export_record() : std::string(); }

std::string Session::pathway_title() const { return m_store ? m_store->record().pathway.title : std::string(); }

}  // namespace mastery::app
