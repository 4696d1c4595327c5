// Model -> canonical JSON. nlohmann's default object keeps keys sorted, and every field is
// written (empty optional parts are left out), so the same value always gives the same bytes.
#include "mastery/io.hpp"

#include <algorithm>

namespace mastery {
namespace {

Json links_json(const std::vector<Link>& links) {
    Json a = Json::array();
    for (const auto& l : links) a.push_back({{"title", l.title}, {"url", l.url}});
    return a;
}

void put_position(Json& j, const std::optional<Position>& p) {
    if (p) j["position"] = {{"x", p->x}, {"y", p->y}};
}

Json level_json(const LevelDef& l) {
    Json criteria = Json::array();
    for (const auto& c : l.criteria) criteria.push_back({{"id", c.id}, {"text", c.text}});
    return {{"criteria", criteria},
            {"evidence", {{"overview", l.evidence.overview}, {"artifacts", l.evidence.artifacts}, {"reflection", l.evidence.reflection}}},
            {"resources", links_json(l.resources)},
            {"effort_minutes", l.effort_minutes}};
}

Json competency_json(const Competency& c) {
    Json levels = Json::array();
    for (const auto& l : c.levels) levels.push_back(level_json(l));
    Json prereqs = Json::array();
    for (const auto& p : c.prerequisites) prereqs.push_back({{"competency", p.competency}, {"min_level", p.min_level}});
    Json j = {{"id", c.id},         {"code", c.code},        {"title", c.title},
              {"statement", c.statement}, {"subject", c.subject}, {"strand", c.strand},
              {"grade_band", c.grade_band}, {"tags", c.tags},    {"levels", levels},
              {"prerequisites", prereqs},   {"related", c.related}};
    if (!c.scale.empty()) j["scale"] = c.scale;
    put_position(j, c.position);
    if (!c.key_method.empty()) j["key_method"] = c.key_method;
    if (!c.method_components.empty()) j["method_components"] = c.method_components;
    if (!c.research.empty()) j["research"] = links_json(c.research);
    if (!c.default_badge.is_null()) j["default_badge"] = c.default_badge;
    return j;
}

Json stack_json(const Stack& s) {
    Json members = Json::array();
    for (const auto& m : s.members) {
        if (m.kind == StackMember::Kind::competency) members.push_back({{"competency", m.id}, {"level", m.level}});
        else members.push_back({{"stack", m.id}});
    }
    Json j = {{"id", s.id}, {"title", s.title}, {"description", s.description}, {"members", members}, {"required", s.required}};
    put_position(j, s.position);
    if (!s.badge.is_null()) j["badge"] = s.badge;
    return j;
}

Json self_json(const std::vector<SelfAssessment>& v) {
    Json a = Json::array();
    for (const auto& s : v) a.push_back({{"criterion", s.criterion}, {"rating", to_string(s.rating)}});
    return a;
}

// With `with_data` false, a picture's `data` is left null (RecordWriter writes it in pieces).
Json evidence_json(const Evidence& e, bool with_data) {
    Json j = {{"id", e.id}, {"kind", to_string(e.kind)}, {"part", to_string(e.part)}, {"text", e.text}, {"added_at", e.added_at}};
    if (!e.url.empty()) j["url"] = e.url;
    if (!e.mime.empty()) j["mime"] = e.mime;
    if (!e.bytes.empty()) j["data"] = with_data ? Json(base64_encode(e.bytes)) : Json(nullptr);
    return j;
}

// With `with_evidence` false, `evidence` is left null (RecordWriter writes it item by item).
Json work_json(const LevelWork& w, bool with_evidence = true) {
    Json evidence = Json::array();
    if (with_evidence)
        for (const auto& e : w.evidence) evidence.push_back(evidence_json(e, true));
    Json submissions = Json::array();
    for (const auto& s : w.submissions)
        submissions.push_back({{"attempt", s.attempt}, {"at", s.at}, {"evidence", s.evidence},
                               {"self_assessment", self_json(s.self_assessment)}, {"note", s.note}});
    Json reviews = Json::array();
    for (const auto& r : w.reviews) {
        Json decisions = Json::array();
        for (const auto& d : r.decisions)
            decisions.push_back({{"criterion", d.criterion}, {"rating", to_string(d.rating)}, {"comment", d.comment}});
        reviews.push_back({{"attempt", r.attempt}, {"reviewer", r.reviewer}, {"role", r.role}, {"at", r.at},
                           {"decisions", decisions}, {"feedback", r.feedback}});
    }
    return {{"competency", w.competency}, {"level", w.level}, {"evidence", with_evidence ? evidence : Json(nullptr)},
            {"self_assessment", self_json(w.self_assessment)}, {"submissions", submissions}, {"reviews", reviews}};
}

void put_envelope(Json& j, const char* format, int version) {
    j["format"] = format;
    j["version"] = version;
    j["app"] = std::string("Mastery Map ") + MASTERY_VERSION;
}

// The pathway's object; `competencies` is left null when the caller writes them itself
// (RecordWriter streams them one by one).
Json pathway_json(const Pathway& p, bool envelope, bool with_competencies) {
    Json comps = Json::array();
    if (with_competencies)
        for (const auto& c : p.competencies) comps.push_back(competency_json(c));
    Json stacks = Json::array();
    for (const auto& s : p.stacks) stacks.push_back(stack_json(s));
    Json j = {{"id", p.id},
              {"pathway_version", p.version},
              {"title", p.title},
              {"description", p.description},
              {"issuer", {{"name", p.issuer.name}, {"url", p.issuer.url}}},
              {"scale", p.scale},
              {"competencies", comps},
              {"stacks", stacks}};
    if (!p.default_badge.is_null()) j["default_badge"] = p.default_badge;
    if (!with_competencies) j["competencies"] = nullptr;
    if (envelope) put_envelope(j, kPathwayFormat, kPathwayVersion);
    return j;
}

Json plan_json(const LearnerRecord& r) {
    Json plan = Json::array();
    for (const auto& g : r.plan) {
        Json j = {{"id", g.id}};
        if (g.kind == Goal::Kind::competency) {
            j["competency"] = g.target;
            j["target_level"] = g.target_level;
        } else {
            j["stack"] = g.target;
        }
        if (!g.target_date.empty()) j["target_date"] = g.target_date;
        plan.push_back(std::move(j));
    }
    return plan;
}

Json activity_json(const Activity& a) { return {{"at", a.at}, {"type", a.type}, {"summary", a.summary}}; }

// The record's object; with `whole` false, `activity`, `pathway` and `work` are left null
// for RecordWriter, which writes them in pieces.
Json record_json(const LearnerRecord& r, bool envelope, bool whole) {
    Json work = Json::array();
    Json activity = Json::array();
    if (whole) {
        for (const auto& w : r.work) work.push_back(work_json(w));
        for (const auto& a : r.activity) activity.push_back(activity_json(a));
    }
    Json j = {{"id", r.id},
              {"learner", {{"name", r.learner_name}}},
              {"created_at", r.created_at},
              {"pathway_ref", {{"id", r.pathway_ref.id}, {"version", r.pathway_ref.version}, {"hash", r.pathway_ref.hash}}},
              {"pathway", whole ? pathway_json(r.pathway, false, true) : Json(nullptr)},
              {"plan", plan_json(r)},
              {"work", whole ? work : Json(nullptr)},
              {"badge_designs", r.badge_designs.is_object() ? r.badge_designs : Json::object()},
              {"activity", whole ? activity : Json(nullptr)},
              {"settings", {{"stalled_after_days", r.settings.stalled_after_days}}},
              {"next_id", r.next_id}};
    if (envelope) put_envelope(j, kRecordFormat, kRecordVersion);
    return j;
}

}  // namespace

Json to_json(const Pathway& p, bool envelope) { return pathway_json(p, envelope, true); }
Json to_json(const LearnerRecord& r, bool envelope) { return record_json(r, envelope, true); }

// [SECTION] RecordWriter: save_record's text in pieces
//
// The document is written like dump(2) writes it: an object's members one per line,
// sorted by key (the skeleton objects below are nlohmann objects, so their order is the
// same), each nested value indented two more spaces. Big parts (activity, the pathway's
// competencies, work entries, their evidence, a picture's base64) are written as steps
// kept on a stack; every other value is nlohmann's own dump(2), moved right by its
// indentation (a dumped JSON string never holds a raw newline, so every '\n' in a dump
// starts a new line of the document).

namespace {

std::string dump2(const Json& j) { return j.dump(2, ' ', false, Json::error_handler_t::replace); }

// Appends `dumped` with every line after the first moved right by `indent` spaces.
void put_indented(std::string& out, const std::string& dumped, int indent) {
    std::size_t from = 0;
    for (;;) {
        const std::size_t nl = dumped.find('\n', from);
        if (nl == std::string::npos) {
            out.append(dumped, from, std::string::npos);
            return;
        }
        out.append(dumped, from, nl + 1 - from);
        out.append(static_cast<std::size_t>(indent), ' ');
        from = nl + 1;
    }
}

// Input bytes of a picture per step: a multiple of 3, so the pieces' base64 joins up.
constexpr std::size_t kPictureStep = 12 * 1024;

}  // namespace

struct RecordWriter::Step {
    enum class Kind { text, activity, competency, work, evidence, picture };
    Kind kind = Kind::text;
    std::string text;        // text: written as is
    std::size_t index = 0;   // element of its array; picture: bytes already written
    std::size_t count = 0;   // the array's length
    std::size_t work = 0;    // evidence, picture: the work entry; picture: `index` of evidence in `count`
    int indent = 0;          // where the array's elements start
};

namespace {

using Steps = std::vector<RecordWriter::Step>;

RecordWriter::Step text_step(std::string text) {
    RecordWriter::Step s;
    s.text = std::move(text);
    return s;
}

// An array value whose member line is indented by `indent`: "[]" or "[\n", the first
// element (it queues the next), ... "\n" + indent + "]".
void array_steps(Steps& out, RecordWriter::Step::Kind kind, std::size_t count, int indent, std::size_t work = 0) {
    if (count == 0) {
        out.push_back(text_step("[]"));
        return;
    }
    out.push_back(text_step("[\n"));
    RecordWriter::Step s;
    s.kind = kind;
    s.count = count;
    s.indent = indent + 2;
    s.work = work;
    out.push_back(std::move(s));
}

// An object value starting on a line indented by `indent`. Members whose key is listed in
// `streamed` (and whose skeleton value is null) are written by `stream(key, member_indent)`.
template <class Stream>
void object_steps(Steps& out, const Json& skeleton, int indent, std::initializer_list<const char*> streamed, Stream&& stream) {
    if (skeleton.empty()) {
        out.push_back(text_step("{}"));
        return;
    }
    std::string text = "{";
    bool first = true;
    for (const auto& [key, value] : skeleton.items()) {
        text += first ? "\n" : ",\n";
        first = false;
        text.append(static_cast<std::size_t>(indent + 2), ' ');
        text += dump2(Json(key));
        text += ": ";
        bool is_streamed = false;
        if (value.is_null())
            for (const char* k : streamed) is_streamed = is_streamed || key == k;
        if (is_streamed) {
            out.push_back(text_step(std::move(text)));
            text.clear();
            stream(key, indent + 2);
        } else {
            put_indented(text, dump2(value), indent + 2);
        }
    }
    text += "\n";
    text.append(static_cast<std::size_t>(indent), ' ');
    text += "}";
    out.push_back(text_step(std::move(text)));
}

}  // namespace

RecordWriter::RecordWriter(std::shared_ptr<const LearnerRecord> record) : m_record(std::move(record)) {
    const LearnerRecord& r = *m_record;
    Steps steps;
    object_steps(steps, record_json(r, true, false), 0, {"activity", "pathway", "work"}, [&](const std::string& key, int indent) {
        if (key == "activity") array_steps(steps, Step::Kind::activity, r.activity.size(), indent);
        else if (key == "work") array_steps(steps, Step::Kind::work, r.work.size(), indent);
        else
            object_steps(steps, pathway_json(r.pathway, false, false), indent, {"competencies"}, [&](const std::string&, int inner) {
                array_steps(steps, Step::Kind::competency, r.pathway.competencies.size(), inner);
            });
    });
    steps.push_back(text_step("\n"));
    m_steps.assign(steps.rbegin(), steps.rend());
}

RecordWriter::RecordWriter(RecordWriter&&) noexcept = default;
RecordWriter& RecordWriter::operator=(RecordWriter&&) noexcept = default;
RecordWriter::~RecordWriter() = default;

bool RecordWriter::write(std::string& out, std::size_t min_bytes) {
    const std::size_t start = out.size();
    while (!m_steps.empty() && out.size() - start < min_bytes) {
        Step s = std::move(m_steps.back());
        m_steps.pop_back();
        run(s, out);
    }
    m_written += out.size() - start;
    return !m_steps.empty();
}

void RecordWriter::run(const Step& s, std::string& out) {
    const LearnerRecord& r = *m_record;
    Steps next;  // in writing order
    const auto pad = [&] { out.append(static_cast<std::size_t>(s.indent), ' '); };
    switch (s.kind) {
    case Step::Kind::text:
        out += s.text;
        return;
    case Step::Kind::picture: {
        const auto& bytes = r.work[s.work].evidence[s.count].bytes;
        const std::size_t n = std::min(kPictureStep, bytes.size() - s.index);
        out += base64_encode(bytes.data() + s.index, n);
        if (s.index + n < bytes.size()) {
            Step more = s;
            more.index += n;
            m_steps.push_back(std::move(more));
        }
        return;
    }
    case Step::Kind::activity:
        pad();
        put_indented(out, dump2(activity_json(r.activity[s.index])), s.indent);
        break;
    case Step::Kind::competency:
        pad();
        put_indented(out, dump2(competency_json(r.pathway.competencies[s.index])), s.indent);
        break;
    case Step::Kind::work: {
        pad();
        const LevelWork& w = r.work[s.index];
        object_steps(next, work_json(w, false), s.indent, {"evidence"}, [&](const std::string&, int indent) {
            array_steps(next, Step::Kind::evidence, w.evidence.size(), indent, s.index);
        });
        break;
    }
    case Step::Kind::evidence: {
        pad();
        const Evidence& e = r.work[s.work].evidence[s.index];
        if (e.bytes.empty()) {
            put_indented(out, dump2(evidence_json(e, true)), s.indent);
            break;
        }
        object_steps(next, evidence_json(e, false), s.indent, {"data"}, [&](const std::string&, int) {
            next.push_back(text_step("\""));
            Step picture;
            picture.kind = Step::Kind::picture;
            picture.work = s.work;
            picture.count = s.index;
            next.push_back(std::move(picture));
            next.push_back(text_step("\""));
        });
        break;
    }
    }
    // the rest of the array: the next element, or its end
    if (s.index + 1 < s.count) {
        next.push_back(text_step(",\n"));
        Step more = s;
        ++more.index;
        next.push_back(std::move(more));
    } else {
        std::string end = "\n";
        end.append(static_cast<std::size_t>(s.indent - 2), ' ');
        end += "]";
        next.push_back(text_step(std::move(end)));
    }
    for (auto it = next.rbegin(); it != next.rend(); ++it) m_steps.push_back(std::move(*it));
}

// FNV-1a 64 over the pathway's canonical compact body: stable across platforms, enough to
// tell copies apart (not a security feature). The body is the bytes of
// to_json(p, false).dump(), fed a member and a competency at a time, so no tree of the whole
// pathway is built (nlohmann's compact form: no spaces, members in key order).
std::string content_hash(const Pathway& p) {
    std::uint64_t h = 14695981039346656037ull;
    auto feed = [&h](const std::string& bytes) {
        for (unsigned char c : bytes) {
            h ^= c;
            h *= 1099511628211ull;
        }
    };
    auto compact = [](const Json& j) { return j.dump(-1, ' ', false, Json::error_handler_t::replace); };
    const Json skeleton = pathway_json(p, false, false);
    std::string piece = "{";
    bool first = true;
    for (const auto& [key, value] : skeleton.items()) {
        if (!first) piece += ",";
        first = false;
        piece += compact(Json(key)) + ":";
        if (key != "competencies") {
            piece += compact(value);
            continue;
        }
        piece += "[";
        for (std::size_t i = 0; i < p.competencies.size(); ++i) {
            if (i) piece += ",";
            feed(piece);
            piece = compact(competency_json(p.competencies[i]));
        }
        feed(piece);
        piece = "]";
    }
    feed(piece + "}");
    static const char* hex = "0123456789abcdef";
    std::string out = "fnv1a64:";
    for (int shift = 60; shift >= 0; shift -= 4) out += hex[(h >> shift) & 15];
    return out;
}

std::string save_pathway(const Pathway& p) { return to_json(p).dump(2, ' ', false, Json::error_handler_t::replace) + "\n"; }
std::string save_record(const LearnerRecord& r) { return to_json(r).dump(2, ' ', false, Json::error_handler_t::replace) + "\n"; }

LearnerRecord new_record(const Pathway& p, std::string id, std::string learner_name, std::string created_at) {
    LearnerRecord r;
    r.id = std::move(id);
    r.learner_name = std::move(learner_name);
    r.created_at = std::move(created_at);
    r.pathway = p;
    r.pathway_ref = {p.id, p.version, content_hash(p)};
    return r;
}

}  // namespace mastery
