// Model -> canonical JSON. nlohmann's default object keeps keys sorted, and every field is
// written (empty optional parts are left out), so the same value always gives the same bytes.
#include "mastery/io.hpp"

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

Json work_json(const LevelWork& w) {
    Json evidence = Json::array();
    for (const auto& e : w.evidence) {
        Json j = {{"id", e.id}, {"kind", to_string(e.kind)}, {"part", to_string(e.part)}, {"text", e.text}, {"added_at", e.added_at}};
        if (!e.url.empty()) j["url"] = e.url;
        if (!e.mime.empty()) j["mime"] = e.mime;
        if (!e.bytes.empty()) j["data"] = base64_encode(e.bytes);
        evidence.push_back(std::move(j));
    }
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
    return {{"competency", w.competency}, {"level", w.level}, {"evidence", evidence},
            {"self_assessment", self_json(w.self_assessment)}, {"submissions", submissions}, {"reviews", reviews}};
}

void put_envelope(Json& j, const char* format, int version) {
    j["format"] = format;
    j["version"] = version;
    j["app"] = std::string("Mastery Map ") + MASTERY_VERSION;
}

}  // namespace

Json to_json(const Pathway& p, bool envelope) {
    Json comps = Json::array();
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
    if (envelope) put_envelope(j, kPathwayFormat, kPathwayVersion);
    return j;
}

Json to_json(const LearnerRecord& r, bool envelope) {
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
    Json work = Json::array();
    for (const auto& w : r.work) work.push_back(work_json(w));
    Json activity = Json::array();
    for (const auto& a : r.activity) activity.push_back({{"at", a.at}, {"type", a.type}, {"summary", a.summary}});
    Json j = {{"id", r.id},
              {"learner", {{"name", r.learner_name}}},
              {"created_at", r.created_at},
              {"pathway_ref", {{"id", r.pathway_ref.id}, {"version", r.pathway_ref.version}, {"hash", r.pathway_ref.hash}}},
              {"pathway", to_json(r.pathway, false)},
              {"plan", plan},
              {"work", work},
              {"badge_designs", r.badge_designs.is_object() ? r.badge_designs : Json::object()},
              {"activity", activity},
              {"settings", {{"stalled_after_days", r.settings.stalled_after_days}}},
              {"next_id", r.next_id}};
    if (envelope) put_envelope(j, kRecordFormat, kRecordVersion);
    return j;
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
