// JSON -> model for pathways and learner records: the envelope, migration of older
// versions, then field by field with defaults. Every problem carries a JSON Pointer.
// Type checks come before every get<>() so nothing throws (Emscripten builds do not catch).
#include "mastery/io.hpp"

#include <algorithm>

namespace mastery {
namespace {

const char* type_name(const Json& j) {
    switch (j.type()) {
        case Json::value_t::null: return "null";
        case Json::value_t::object: return "an object";
        case Json::value_t::array: return "a list";
        case Json::value_t::string: return "text";
        case Json::value_t::boolean: return "true/false";
        case Json::value_t::number_integer:
        case Json::value_t::number_unsigned: return "a whole number";
        case Json::value_t::number_float: return "a decimal number";
        default: return "something else";
    }
}

std::string escape_key(const std::string& key) {
    std::string out;
    for (char c : key) {
        if (c == '~') out += "~0";
        else if (c == '/') out += "~1";
        else out += c;
    }
    return out;
}

// Reads fields of one object, recording problems with their pointers.
class Reader {
public:
    std::vector<Problem> problems;

    void error(std::string pointer, std::string message) { problems.push_back({std::move(pointer), std::move(message)}); }

    static std::string at(const std::string& base, const std::string& key) { return base + "/" + escape_key(key); }
    static std::string at(const std::string& base, std::size_t index) { return base + "/" + std::to_string(index); }

    // The member `key` of `obj`, or nullptr (with a problem when required).
    const Json* field(const Json& obj, const std::string& ptr, const char* key, bool required) {
        auto it = obj.find(key);
        if (it == obj.end() || it->is_null()) {
            if (required) error(ptr, std::string("missing required key \"") + key + "\"");
            return nullptr;
        }
        return &*it;
    }

    bool expect(const Json& j, const std::string& ptr, bool ok, const char* wanted) {
        if (!ok) error(ptr, std::string("expected ") + wanted + ", found " + type_name(j));
        return ok;
    }

    std::string str(const Json& obj, const std::string& ptr, const char* key, bool required = false) {
        const Json* f = field(obj, ptr, key, required);
        if (!f || !expect(*f, at(ptr, key), f->is_string(), "text")) return {};
        std::string s = f->get<std::string>();
        if (required && s.empty()) error(at(ptr, key), "must not be empty");
        return s;
    }

    long long integer(const Json& obj, const std::string& ptr, const char* key, long long fallback,
                      long long min, long long max, bool required = false) {
        const Json* f = field(obj, ptr, key, required);
        if (!f) return fallback;
        if (!expect(*f, at(ptr, key), f->is_number_integer(), "a whole number")) return fallback;
        long long v = f->is_number_unsigned() ? (long long)std::min<unsigned long long>(f->get<unsigned long long>(), (1ull << 62))
                                              : f->get<long long>();
        if (v < min || v > max) {
            error(at(ptr, key), "must be between " + std::to_string(min) + " and " + std::to_string(max) +
                                    ", found " + std::to_string(v));
            return fallback;
        }
        return v;
    }

    double number(const Json& obj, const std::string& ptr, const char* key) {
        const Json* f = field(obj, ptr, key, true);
        if (!f || !expect(*f, at(ptr, key), f->is_number(), "a number")) return 0;
        return f->get<double>();
    }

    bool boolean(const Json& obj, const std::string& ptr, const char* key, bool fallback) {
        const Json* f = field(obj, ptr, key, false);
        if (!f || !expect(*f, at(ptr, key), f->is_boolean(), "true or false")) return fallback;
        return f->get<bool>();
    }

    const Json* array(const Json& obj, const std::string& ptr, const char* key, bool required = false) {
        const Json* f = field(obj, ptr, key, required);
        if (!f || !expect(*f, at(ptr, key), f->is_array(), "a list")) return nullptr;
        return f;
    }

    const Json* object(const Json& obj, const std::string& ptr, const char* key, bool required = false) {
        const Json* f = field(obj, ptr, key, required);
        if (!f || !expect(*f, at(ptr, key), f->is_object(), "an object")) return nullptr;
        return f;
    }

    std::vector<std::string> strings(const Json& obj, const std::string& ptr, const char* key, bool required = false) {
        std::vector<std::string> out;
        const Json* a = array(obj, ptr, key, required);
        if (!a) return out;
        std::string base = at(ptr, key);
        for (std::size_t i = 0; i < a->size(); ++i) {
            const Json& e = (*a)[i];
            if (expect(e, at(base, i), e.is_string(), "text")) out.push_back(e.get<std::string>());
        }
        return out;
    }

    // Calls fn(element, pointer) for each element that is an object.
    template <class Fn>
    void each_object(const Json& obj, const std::string& ptr, const char* key, bool required, Fn fn) {
        const Json* a = array(obj, ptr, key, required);
        if (!a) return;
        std::string base = at(ptr, key);
        for (std::size_t i = 0; i < a->size(); ++i) {
            const Json& e = (*a)[i];
            if (expect(e, at(base, i), e.is_object(), "an object")) fn(e, at(base, i));
        }
    }

    Json opaque_object(const Json& obj, const std::string& ptr, const char* key) {
        const Json* f = object(obj, ptr, key);
        return f ? *f : Json();
    }

    template <class Enum, std::size_t N>
    Enum choice(const Json& obj, const std::string& ptr, const char* key, const std::pair<const char*, Enum> (&options)[N],
                Enum fallback, bool required = false) {
        const Json* f = field(obj, ptr, key, required);
        if (!f || !expect(*f, at(ptr, key), f->is_string(), "text")) return fallback;
        std::string s = f->get<std::string>();
        std::string list;
        for (const auto& [name, value] : options) {
            if (s == name) return value;
            list += (list.empty() ? "" : ", ") + std::string("\"") + name + "\"";
        }
        error(at(ptr, key), "unknown value \"" + s + "\" (expected one of " + list + ")");
        return fallback;
    }
};

// The list `key` of `obj`: from the tree, or the elements parse_file read early (their
// problems merged where the tree's reading would have found them).
template <class T, class Read>
void read_list(Reader& r, const Json& obj, const std::string& ptr, const char* key, bool required,
               std::vector<ReadEarly<T>>* early, std::vector<T>& out, Read read) {
    auto it = obj.find(key);
    if (early && !early->empty() && it != obj.end() && it->is_array() && it->size() == early->size()) {
        const std::string base = Reader::at(ptr, key);
        for (std::size_t i = 0; i < early->size(); ++i) {
            ReadEarly<T>& e = (*early)[i];
            const Json& element = (*it)[i];
            if (e.read) {
                r.problems.insert(r.problems.end(), std::make_move_iterator(e.problems.begin()),
                                  std::make_move_iterator(e.problems.end()));
                out.push_back(std::move(e.value));
            } else if (r.expect(element, Reader::at(base, i), element.is_object(), "an object")) {
                out.push_back(read(r, element, Reader::at(base, i)));
            }
        }
        return;
    }
    r.each_object(obj, ptr, key, required, [&](const Json& e, const std::string& p) { out.push_back(read(r, e, p)); });
}

std::vector<Link> read_links(Reader& r, const Json& obj, const std::string& ptr, const char* key) {
    std::vector<Link> out;
    r.each_object(obj, ptr, key, false, [&](const Json& e, const std::string& p) {
        out.push_back({r.str(e, p, "title"), r.str(e, p, "url", true)});
    });
    return out;
}

std::optional<Position> read_position(Reader& r, const Json& obj, const std::string& ptr) {
    const Json* pos = r.object(obj, ptr, "position");
    if (!pos) return std::nullopt;
    std::string p = Reader::at(ptr, "position");
    return Position{float(r.number(*pos, p, "x")), float(r.number(*pos, p, "y"))};
}

LevelDef read_level(Reader& r, const Json& j, const std::string& ptr) {
    LevelDef l;
    r.each_object(j, ptr, "criteria", true, [&](const Json& e, const std::string& p) {
        l.criteria.push_back({r.str(e, p, "id", true), r.str(e, p, "text", true)});
    });
    if (const Json* ev = r.object(j, ptr, "evidence")) {
        std::string p = Reader::at(ptr, "evidence");
        l.evidence.overview = r.strings(*ev, p, "overview");
        l.evidence.artifacts = r.strings(*ev, p, "artifacts");
        l.evidence.reflection = r.strings(*ev, p, "reflection");
    }
    l.resources = read_links(r, j, ptr, "resources");
    l.effort_minutes = int(r.integer(j, ptr, "effort_minutes", 0, 0, 100000));
    return l;
}

Competency read_competency(Reader& r, const Json& j, const std::string& ptr) {
    Competency c;
    c.id = r.str(j, ptr, "id", true);
    c.code = r.str(j, ptr, "code");
    c.title = r.str(j, ptr, "title", true);
    c.statement = r.str(j, ptr, "statement", true);
    c.subject = r.str(j, ptr, "subject");
    c.strand = r.str(j, ptr, "strand");
    c.grade_band = r.str(j, ptr, "grade_band");
    c.tags = r.strings(j, ptr, "tags");
    c.scale = r.strings(j, ptr, "scale");
    r.each_object(j, ptr, "levels", true, [&](const Json& e, const std::string& p) { c.levels.push_back(read_level(r, e, p)); });
    r.each_object(j, ptr, "prerequisites", false, [&](const Json& e, const std::string& p) {
        c.prerequisites.push_back({r.str(e, p, "competency", true), int(r.integer(e, p, "min_level", 1, 1, 1000))});
    });
    c.related = r.strings(j, ptr, "related");
    c.position = read_position(r, j, ptr);
    c.key_method = r.str(j, ptr, "key_method");
    c.method_components = r.strings(j, ptr, "method_components");
    c.research = read_links(r, j, ptr, "research");
    c.default_badge = r.opaque_object(j, ptr, "default_badge");
    return c;
}

Stack read_stack(Reader& r, const Json& j, const std::string& ptr) {
    Stack s;
    s.id = r.str(j, ptr, "id", true);
    s.title = r.str(j, ptr, "title", true);
    s.description = r.str(j, ptr, "description");
    r.each_object(j, ptr, "members", true, [&](const Json& e, const std::string& p) {
        StackMember m;
        bool is_comp = e.contains("competency"), is_stack = e.contains("stack");
        if (is_comp == is_stack) {
            r.error(p, "a member names either \"competency\" (with \"level\") or \"stack\"");
            return;
        }
        if (is_comp) {
            m.kind = StackMember::Kind::competency;
            m.id = r.str(e, p, "competency", true);
            m.level = int(r.integer(e, p, "level", 1, 1, 1000));
        } else {
            m.kind = StackMember::Kind::stack;
            m.id = r.str(e, p, "stack", true);
        }
        s.members.push_back(m);
    });
    s.required = int(r.integer(j, ptr, "required", 0, 0, 100000));
    s.position = read_position(r, j, ptr);
    s.badge = r.opaque_object(j, ptr, "badge");
    return s;
}

Pathway read_pathway_body(Reader& r, const Json& j, const std::string& ptr, std::vector<ReadEarly<Competency>>* early) {
    Pathway p;
    p.id = r.str(j, ptr, "id", true);
    p.version = r.str(j, ptr, "pathway_version");
    p.title = r.str(j, ptr, "title", true);
    p.description = r.str(j, ptr, "description");
    if (const Json* is = r.object(j, ptr, "issuer")) {
        std::string ip = Reader::at(ptr, "issuer");
        p.issuer = {r.str(*is, ip, "name"), r.str(*is, ip, "url")};
    }
    p.scale = r.strings(j, ptr, "scale", true);
    read_list(r, j, ptr, "competencies", true, early, p.competencies, read_competency);
    r.each_object(j, ptr, "stacks", false, [&](const Json& e, const std::string& q) { p.stacks.push_back(read_stack(r, e, q)); });
    p.default_badge = r.opaque_object(j, ptr, "default_badge");
    return p;
}

constexpr std::pair<const char*, Rating> kRatings[] = {
    {"met", Rating::met}, {"not_yet", Rating::not_yet}, {"unrated", Rating::unrated}};
constexpr std::pair<const char*, EvidenceKind> kKinds[] = {
    {"text", EvidenceKind::text}, {"link", EvidenceKind::link}, {"image", EvidenceKind::image}};
constexpr std::pair<const char*, EvidencePart> kParts[] = {
    {"overview", EvidencePart::overview}, {"artifact", EvidencePart::artifact}, {"reflection", EvidencePart::reflection}};

std::vector<SelfAssessment> read_self(Reader& r, const Json& j, const std::string& ptr) {
    std::vector<SelfAssessment> out;
    r.each_object(j, ptr, "self_assessment", false, [&](const Json& e, const std::string& p) {
        out.push_back({r.str(e, p, "criterion", true), r.choice(e, p, "rating", kRatings, Rating::unrated)});
    });
    return out;
}

LevelWork read_work(Reader& r, const Json& j, const std::string& ptr) {
    LevelWork w;
    w.competency = r.str(j, ptr, "competency", true);
    w.level = int(r.integer(j, ptr, "level", 1, 1, 1000, true));
    r.each_object(j, ptr, "evidence", false, [&](const Json& e, const std::string& p) {
        Evidence ev;
        ev.id = r.str(e, p, "id", true);
        ev.kind = r.choice(e, p, "kind", kKinds, EvidenceKind::text, true);
        ev.part = r.choice(e, p, "part", kParts, EvidencePart::artifact);
        ev.text = r.str(e, p, "text");
        ev.url = r.str(e, p, "url");
        ev.mime = r.str(e, p, "mime");
        std::string data = r.str(e, p, "data");
        if (!data.empty()) {
            if (auto bytes = base64_decode(data)) ev.bytes = std::move(*bytes);
            else r.error(Reader::at(p, "data"), "not valid base64 data");
        }
        ev.added_at = r.str(e, p, "added_at");
        w.evidence.push_back(std::move(ev));
    });
    w.self_assessment = read_self(r, j, ptr);
    r.each_object(j, ptr, "submissions", false, [&](const Json& e, const std::string& p) {
        Submission s;
        s.attempt = int(r.integer(e, p, "attempt", 1, 1, 100000, true));
        s.at = r.str(e, p, "at");
        s.evidence = r.strings(e, p, "evidence");
        s.self_assessment = read_self(r, e, p);
        s.note = r.str(e, p, "note");
        w.submissions.push_back(std::move(s));
    });
    r.each_object(j, ptr, "reviews", false, [&](const Json& e, const std::string& p) {
        Review rv;
        rv.attempt = int(r.integer(e, p, "attempt", 1, 1, 100000, true));
        rv.reviewer = r.str(e, p, "reviewer", true);
        rv.role = r.str(e, p, "role");
        rv.at = r.str(e, p, "at");
        r.each_object(e, p, "decisions", true, [&](const Json& d, const std::string& q) {
            rv.decisions.push_back({r.str(d, q, "criterion", true), r.choice(d, q, "rating", kRatings, Rating::unrated, true),
                                    r.str(d, q, "comment")});
        });
        rv.feedback = r.str(e, p, "feedback");
        w.reviews.push_back(std::move(rv));
    });
    return w;
}

LearnerRecord read_record_body(Reader& r, const Json& j, ParsedFile* early) {
    LearnerRecord rec;
    rec.id = r.str(j, "", "id", true);
    if (const Json* l = r.object(j, "", "learner")) rec.learner_name = r.str(*l, "/learner", "name");
    rec.created_at = r.str(j, "", "created_at");
    if (const Json* ref = r.object(j, "", "pathway_ref", true)) {
        rec.pathway_ref = {r.str(*ref, "/pathway_ref", "id", true), r.str(*ref, "/pathway_ref", "version"),
                           r.str(*ref, "/pathway_ref", "hash")};
    }
    if (const Json* p = r.object(j, "", "pathway", true))
        rec.pathway = read_pathway_body(r, *p, "/pathway", early ? &early->competencies : nullptr);
    r.each_object(j, "", "plan", false, [&](const Json& e, const std::string& p) {
        Goal g;
        g.id = r.str(e, p, "id", true);
        bool is_comp = e.contains("competency"), is_stack = e.contains("stack");
        if (is_comp == is_stack) {
            r.error(p, "a goal names either \"competency\" (with \"target_level\") or \"stack\"");
        } else if (is_comp) {
            g.kind = Goal::Kind::competency;
            g.target = r.str(e, p, "competency", true);
            g.target_level = int(r.integer(e, p, "target_level", 1, 1, 1000));
        } else {
            g.kind = Goal::Kind::stack;
            g.target = r.str(e, p, "stack", true);
        }
        g.target_date = r.str(e, p, "target_date");
        rec.plan.push_back(std::move(g));
    });
    read_list(r, j, "", "work", false, early ? &early->work : nullptr, rec.work, read_work);
    if (const Json* b = r.object(j, "", "badge_designs")) rec.badge_designs = *b;
    r.each_object(j, "", "activity", false, [&](const Json& e, const std::string& p) {
        rec.activity.push_back({r.str(e, p, "at"), r.str(e, p, "type"), r.str(e, p, "summary")});
    });
    if (const Json* s = r.object(j, "", "settings"))
        rec.settings.stalled_after_days = int(r.integer(*s, "/settings", "stalled_after_days", 14, 1, 3650));
    rec.next_id = int(r.integer(j, "", "next_id", 1, 1, 1'000'000'000));
    return rec;
}

// Migration steps, oldest first: steps[v - 1] turns version v into v + 1.
// Empty while version 1 is the only format; add a commented step with each new version.
using MigrationStep = void (*)(Json&);
const std::vector<MigrationStep> kPathwaySteps = {};
const std::vector<MigrationStep> kRecordSteps = {};

// Checks the envelope and migrates to the current version. Returns false with problems.
bool check_envelope(Reader& r, Json& j, const char* format, int current, const std::vector<MigrationStep>& steps) {
    if (!j.is_object()) {
        r.error("", std::string("expected a JSON object, found ") + type_name(j));
        return false;
    }
    std::string what = std::string(format) == kPathwayFormat ? "pathway" : "learner record";
    auto f = j.find("format");
    if (f == j.end() || !f->is_string()) {
        r.error("/format", "missing: this is not a Mastery Map " + what + " file");
        return false;
    }
    if (f->get<std::string>() != format) {
        r.error("/format", "this is a \"" + f->get<std::string>() + "\" file, not a Mastery Map " + what +
                               " (\"" + format + "\")");
        return false;
    }
    auto v = j.find("version");
    if (v == j.end() || !v->is_number_integer() || v->get<long long>() < 1) {
        r.error("/version", "missing or not a positive whole number");
        return false;
    }
    long long version = v->get<long long>();
    if (version > current) {
        r.error("/version", "this file was made by a newer version of Mastery Map (format version " +
                                std::to_string(version) + "; this app reads up to " + std::to_string(current) +
                                "). Update the app to open it.");
        return false;
    }
    for (long long from = version; from < current; ++from) steps[std::size_t(from - 1)](j);
    j["version"] = current;
    return true;
}

}  // namespace

std::string detect_format(const Json& j) {
    if (!j.is_object()) return {};
    auto f = j.find("format");
    return (f != j.end() && f->is_string()) ? f->get<std::string>() : std::string();
}

namespace {

Loaded<Pathway> pathway_from(Json j, std::vector<ReadEarly<Competency>>* early) {
    Loaded<Pathway> out;
    Reader r;
    if (check_envelope(r, j, kPathwayFormat, kPathwayVersion, kPathwaySteps)) {
        Pathway p = read_pathway_body(r, j, "", early);
        if (r.problems.empty()) {
            auto more = validate_pathway(p, "");
            r.problems.insert(r.problems.end(), more.begin(), more.end());
        }
        if (r.problems.empty()) out.value = std::move(p);
    }
    out.problems = std::move(r.problems);
    return out;
}

}  // namespace

Loaded<Pathway> pathway_from_json(const Json& input) { return pathway_from(input, nullptr); }

std::vector<Problem> validate_record(const LearnerRecord& r);  // validate.cpp

namespace {

// Elements are read before the file's version is known (a record's "version" comes after
// "pathway"; a pathway's after "competencies"). That is right while each format has one
// version. With a version 2, read early only from files of the current version and parse
// older ones as a whole tree, so that the migration steps see the tree.
static_assert(kRecordVersion == 1 && kPathwayVersion == 1, "parse_file reads elements before the version is known");

// Reads the big lists' elements while nlohmann's parser builds the tree (ParsedFile). The
// callback's depth: 1 = members of the root object, 2 = their elements or members, ...
class EarlyReader {
public:
    EarlyReader(ParsedFile& file, bool pathway_file) : m_file(file), m_pathway_file(pathway_file) {}

    bool on(int depth, Json::parse_event_t event, Json& value) {
        using E = Json::parse_event_t;
        if (depth == 1) {
            if (event == E::key) m_key = value.get<std::string>();
            else if (event == E::value && m_key == "format") m_record = value.is_string() && value.get_ref<const std::string&>() == kRecordFormat;
            else if (event == E::value && m_key == "version") m_current = value.is_number_integer() && value.get<long long>() == kRecordVersion;
            else if (event == E::object_start) m_in_pathway = m_key == "pathway" && m_record && !m_pathway_file;
            else if (event == E::object_end) m_in_pathway = false;
            else if (event == E::array_start) {
                if (m_key == "work" && m_record && m_current && !m_pathway_file) start(List::work, 2, "/work");
                else if (m_key == "competencies" && m_pathway_file) start(List::competencies, 2, "/competencies");
            } else if (event == E::array_end) m_list = List::none;
            return true;
        }
        if (depth == 2 && m_in_pathway) {
            if (event == E::key) m_inner_key = value.get<std::string>();
            else if (event == E::array_start && m_inner_key == "competencies") start(List::competencies, 3, "/pathway/competencies");
            else if (event == E::array_end) m_list = List::none;
            return true;
        }
        if (m_list == List::none || depth != m_depth) return true;
        if (event == E::object_end) {
            Reader r;
            const std::string ptr = Reader::at(m_base, m_list == List::work ? m_file.work.size() : m_file.competencies.size());
            if (m_list == List::work) m_file.work.push_back({read_work(r, value, ptr), std::move(r.problems), true});
            else m_file.competencies.push_back({read_competency(r, value, ptr), std::move(r.problems), true});
            value = Json::object();  // its tree is no longer needed
        } else if (event == E::value || event == E::array_end) {
            // not an object: the reader says so later, from the tree
            if (m_list == List::work) m_file.work.emplace_back();
            else m_file.competencies.emplace_back();
        }
        return true;
    }

private:
    enum class List { none, work, competencies };
    void start(List list, int depth, const char* base) {
        m_list = list;
        m_depth = depth;
        m_base = base;
        // a repeated key: the last list wins, as in the tree
        if (list == List::work) m_file.work.clear();
        else m_file.competencies.clear();
    }

    ParsedFile& m_file;
    const bool m_pathway_file;
    std::string m_key, m_inner_key;
    bool m_record = false, m_current = false, m_in_pathway = false;
    List m_list = List::none;
    int m_depth = 0;
    std::string m_base;
};

Loaded<ParsedFile> parse_early(std::string_view text, const Limits& limits, bool pathway_file) {
    ParsedFile file;
    EarlyReader early(file, pathway_file);
    Loaded<Json> j = parse_json(text, limits, [&early](int depth, Json::parse_event_t event, Json& value) {
        return early.on(depth, event, value);
    });
    if (!j.ok()) return {std::nullopt, std::move(j.problems)};
    file.json = std::move(*j.value);
    return {std::move(file), {}};
}

Loaded<LearnerRecord> record_from(Json j, ParsedFile* early) {
    Loaded<LearnerRecord> out;
    Reader r;
    if (check_envelope(r, j, kRecordFormat, kRecordVersion, kRecordSteps)) {
        LearnerRecord rec = read_record_body(r, j, early);
        if (r.problems.empty()) {
            auto more = validate_record(rec);
            r.problems.insert(r.problems.end(), more.begin(), more.end());
        }
        if (r.problems.empty()) out.value = std::move(rec);
    }
    out.problems = std::move(r.problems);
    return out;
}

}  // namespace

Loaded<LearnerRecord> record_from_json(const Json& input) { return record_from(input, nullptr); }

Loaded<LearnerRecord> record_from_file(ParsedFile file) { return record_from(std::move(file.json), &file); }

Loaded<ParsedFile> parse_file(std::string_view text, const Limits& limits) { return parse_early(text, limits, false); }

Loaded<std::vector<PathwayIndexEntry>> load_pathway_index(std::string_view text) {
    Loaded<std::vector<PathwayIndexEntry>> out;
    auto parsed = parse_json(text);
    if (!parsed.ok()) return {std::nullopt, std::move(parsed.problems)};
    Reader r;
    Json& j = *parsed.value;
    const Json* format = j.is_object() ? r.field(j, "", "format", true) : nullptr;
    if (!j.is_object()) r.error("", std::string("expected a JSON object, found ") + type_name(j));
    else if (format && (!format->is_string() || format->get<std::string>() != kPathwayIndexFormat))
        r.error("/format", std::string("expected \"") + kPathwayIndexFormat + "\"");
    else if (format) {
        std::vector<PathwayIndexEntry> entries;
        int defaults = 0;
        r.each_object(j, "", "pathways", true, [&](const Json& e, const std::string& p) {
            PathwayIndexEntry entry{r.str(e, p, "file", true), r.str(e, p, "title", true), r.str(e, p, "description"),
                                    r.boolean(e, p, "default", false)};
            // Files sit beside the index: no absolute paths, no climbing out, no other hosts.
            if (!entry.file.empty() && (entry.file.find("..") != std::string::npos || entry.file.find("//") != std::string::npos ||
                                        entry.file.front() == '/' || entry.file.find(':') != std::string::npos))
                r.error(Reader::at(p, "file"), "must be a file name beside the index (no \"..\", \"/\" at the start or \":\")");
            defaults += entry.is_default;
            entries.push_back(std::move(entry));
        });
        if (r.problems.empty() && entries.empty()) r.error("/pathways", "list at least one pathway");
        if (defaults > 1) r.error("/pathways", "only one pathway can be the default");
        if (r.problems.empty()) out.value = std::move(entries);
    }
    out.problems = std::move(r.problems);
    return out;
}

Loaded<Pathway> load_pathway(std::string_view text, const Limits& limits) {
    auto parsed = parse_early(text, limits, true);
    if (!parsed.ok()) return {std::nullopt, std::move(parsed.problems)};
    return pathway_from(std::move(parsed.value->json), &parsed.value->competencies);
}

Loaded<LearnerRecord> load_record(std::string_view text, const Limits& limits) {
    auto parsed = parse_file(text, limits);
    if (!parsed.ok()) return {std::nullopt, std::move(parsed.problems)};
    return record_from_file(std::move(*parsed.value));
}

}  // namespace mastery
