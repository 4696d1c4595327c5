// Actions: their JSON form, the one pure update, and undo/redo. An action that does not
// apply is refused with a reason a student can read, and the record stays as it was.
#include "mastery/actions.hpp"

#include "mastery/badge.hpp"
#include "mastery/engine.hpp"

#include <algorithm>

namespace mastery {
namespace {

template <class... Ts>
struct overloaded : Ts... { using Ts::operator()...; };
template <class... Ts>
overloaded(Ts...) -> overloaded<Ts...>;

constexpr std::pair<const char*, Rating> kRatings[] = {{"met", Rating::met}, {"not_yet", Rating::not_yet}, {"unrated", Rating::unrated}};
constexpr std::pair<const char*, EvidenceKind> kKinds[] = {{"text", EvidenceKind::text}, {"link", EvidenceKind::link}, {"image", EvidenceKind::image}};
constexpr std::pair<const char*, EvidencePart> kParts[] = {{"overview", EvidencePart::overview}, {"artifact", EvidencePart::artifact}, {"reflection", EvidencePart::reflection}};

// Field access for action JSON that records the first problem (actions are small).
struct Fields {
    const Json& j;
    std::vector<Problem>& problems;

    void error(const std::string& key, std::string msg) { problems.push_back({"/" + key, std::move(msg)}); }
    const Json* get(const char* k, bool required) {
        auto it = j.find(k);
        if (it == j.end() || it->is_null()) {
            if (required) problems.push_back({"", std::string("missing required key \"") + k + "\""});
            return nullptr;
        }
        return &*it;
    }
    std::string str(const char* k, bool required = false) {
        const Json* f = get(k, required);
        if (!f) return {};
        if (!f->is_string()) { error(k, "expected text"); return {}; }
        return f->get<std::string>();
    }
    int integer(const char* k, int fallback, bool required = false) {
        const Json* f = get(k, required);
        if (!f) return fallback;
        if (!f->is_number_integer() || f->get<long long>() < -1000000 || f->get<long long>() > 1000000) {
            error(k, "expected a whole number");
            return fallback;
        }
        return int(f->get<long long>());
    }
    template <class E, std::size_t N>
    E choice(const char* k, const std::pair<const char*, E> (&options)[N], E fallback, bool required = false) {
        std::string s = str(k, required);
        if (s.empty()) return fallback;
        for (const auto& [name, v] : options)
            if (s == name) return v;
        error(k, "unknown value \"" + s + "\"");
        return fallback;
    }
};

const char* kind_name(Goal::Kind k) { return k == Goal::Kind::competency ? "competency" : "stack"; }

}  // namespace

const char* type_of(const Action& a) {
    return std::visit(overloaded{
                          [](const SetLearnerName&) { return "set_learner_name"; },
                          [](const AddGoal&) { return "add_goal"; },
                          [](const RemoveGoal&) { return "remove_goal"; },
                          [](const MoveGoal&) { return "move_goal"; },
                          [](const SetGoalTarget&) { return "set_goal_target"; },
                          [](const AddEvidence&) { return "add_evidence"; },
                          [](const UpdateEvidence&) { return "update_evidence"; },
                          [](const RemoveEvidence&) { return "remove_evidence"; },
                          [](const SetSelfAssessment&) { return "set_self_assessment"; },
                          [](const SubmitForReview&) { return "submit_for_review"; },
                          [](const RecordReview&) { return "record_review"; },
                          [](const SetBadgeDesign&) { return "set_badge_design"; },
                          [](const SetStalledAfterDays&) { return "set_stalled_after_days"; },
                          [](const MergeReviews&) { return "merge_reviews"; },
                          [](const ReplaceRecord&) { return "replace_record"; },
                      },
                      a.body);
}

Loaded<Action> action_from_json(const Json& j) {
    Loaded<Action> out;
    if (!j.is_object()) {
        out.problems.push_back({"", "an action is a JSON object with a \"type\""});
        return out;
    }
    Fields f{j, out.problems};
    std::string type = f.str("type", true);
    Action a;
    a.at = f.str("at");
    if (type == "set_learner_name") {
        a.body = SetLearnerName{f.str("name", true)};
    } else if (type == "add_goal") {
        AddGoal g;
        if (j.contains("stack")) {
            g.kind = Goal::Kind::stack;
            g.target = f.str("stack", true);
        } else {
            g.target = f.str("competency", true);
            g.target_level = f.integer("target_level", 1);
        }
        g.target_date = f.str("target_date");
        a.body = g;
    } else if (type == "remove_goal") {
        a.body = RemoveGoal{f.str("goal", true)};
    } else if (type == "move_goal") {
        a.body = MoveGoal{f.str("goal", true), f.integer("to", 0, true)};
    } else if (type == "set_goal_target") {
        a.body = SetGoalTarget{f.str("goal", true), f.integer("target_level", 0), f.str("target_date")};
    } else if (type == "add_evidence") {
        AddEvidence e;
        e.competency = f.str("competency", true);
        e.level = f.integer("level", 1, true);
        e.kind = f.choice("kind", kKinds, EvidenceKind::text, true);
        e.part = f.choice("part", kParts, EvidencePart::artifact);
        e.text = f.str("text");
        e.url = f.str("url");
        e.mime = f.str("mime");
        std::string data = f.str("data");
        if (!data.empty()) {
            if (auto bytes = base64_decode(data)) e.bytes = std::move(*bytes);
            else f.error("data", "not valid base64 data");
        }
        a.body = std::move(e);
    } else if (type == "update_evidence") {
        a.body = UpdateEvidence{f.str("evidence", true), f.str("text"), f.str("url")};
    } else if (type == "remove_evidence") {
        a.body = RemoveEvidence{f.str("evidence", true)};
    } else if (type == "set_self_assessment") {
        a.body = SetSelfAssessment{f.str("competency", true), f.integer("level", 1, true), f.str("criterion", true),
                                   f.choice("rating", kRatings, Rating::unrated, true)};
    } else if (type == "submit_for_review") {
        a.body = SubmitForReview{f.str("competency", true), f.integer("level", 1, true), f.str("note")};
    } else if (type == "record_review") {
        RecordReview r;
        r.competency = f.str("competency", true);
        r.level = f.integer("level", 1, true);
        r.reviewer = f.str("reviewer", true);
        r.role = f.str("role");
        r.feedback = f.str("feedback");
        const Json* d = f.get("decisions", true);
        if (d && !d->is_array()) f.error("decisions", "expected a list");
        if (d && d->is_array()) {
            for (std::size_t i = 0; i < d->size(); ++i) {
                const Json& e = (*d)[i];
                if (!e.is_object()) {
                    f.error("decisions/" + std::to_string(i), "expected an object");
                    continue;
                }
                std::vector<Problem> inner;
                Fields g{e, inner};
                CriterionDecision cd{g.str("criterion", true), g.choice("rating", kRatings, Rating::unrated, true), g.str("comment")};
                for (auto& p : inner) out.problems.push_back({"/decisions/" + std::to_string(i) + p.pointer, p.message});
                r.decisions.push_back(std::move(cd));
            }
        }
        a.body = std::move(r);
    } else if (type == "set_badge_design") {
        const Json* d = f.get("design", true);
        if (d && !d->is_object()) f.error("design", "expected an object");
        a.body = SetBadgeDesign{f.str("key", true), d && d->is_object() ? *d : Json::object()};
    } else if (type == "set_stalled_after_days") {
        a.body = SetStalledAfterDays{f.integer("days", 14, true)};
    } else if (type == "merge_reviews") {
        const Json* file = f.get("file", true);
        if (file) {
            auto loaded = review_file_from_json(*file);
            for (auto& p : loaded.problems) out.problems.push_back({"/file" + p.pointer, p.message});
            if (loaded.ok()) a.body = MergeReviews{std::move(*loaded.value)};
        }
    } else if (type == "replace_record") {
        const Json* rec = f.get("record", true);
        if (rec) {
            auto loaded = record_from_json(*rec);
            for (auto& p : loaded.problems) out.problems.push_back({"/record" + p.pointer, p.message});
            if (loaded.ok()) a.body = ReplaceRecord{std::move(*loaded.value)};
        }
    } else if (!type.empty()) {
        out.problems.push_back({"/type", "unknown action type \"" + type + "\""});
    }
    if (out.problems.empty()) out.value = std::move(a);
    return out;
}

Json to_json(const Action& a) {
    Json j = std::visit(
        overloaded{
            [](const SetLearnerName& x) -> Json { return {{"name", x.name}}; },
            [](const AddGoal& x) -> Json {
                Json j = {{kind_name(x.kind), x.target}};
                if (x.kind == Goal::Kind::competency) j["target_level"] = x.target_level;
                if (!x.target_date.empty()) j["target_date"] = x.target_date;
                return j;
            },
            [](const RemoveGoal& x) -> Json { return {{"goal", x.goal}}; },
            [](const MoveGoal& x) -> Json { return {{"goal", x.goal}, {"to", x.to}}; },
            [](const SetGoalTarget& x) -> Json {
                Json j = {{"goal", x.goal}, {"target_date", x.target_date}};
                if (x.target_level) j["target_level"] = x.target_level;
                return j;
            },
            [](const AddEvidence& x) -> Json {
                Json j = {{"competency", x.competency}, {"level", x.level}, {"kind", to_string(x.kind)},
                          {"part", to_string(x.part)}, {"text", x.text}};
                if (!x.url.empty()) j["url"] = x.url;
                if (!x.mime.empty()) j["mime"] = x.mime;
                if (!x.bytes.empty()) j["data"] = base64_encode(x.bytes);
                return j;
            },
            [](const UpdateEvidence& x) -> Json { return {{"evidence", x.evidence}, {"text", x.text}, {"url", x.url}}; },
            [](const RemoveEvidence& x) -> Json { return {{"evidence", x.evidence}}; },
            [](const SetSelfAssessment& x) -> Json {
                return {{"competency", x.competency}, {"level", x.level}, {"criterion", x.criterion}, {"rating", to_string(x.rating)}};
            },
            [](const SubmitForReview& x) -> Json { return {{"competency", x.competency}, {"level", x.level}, {"note", x.note}}; },
            [](const RecordReview& x) -> Json {
                Json d = Json::array();
                for (const auto& c : x.decisions) d.push_back({{"criterion", c.criterion}, {"rating", to_string(c.rating)}, {"comment", c.comment}});
                return {{"competency", x.competency}, {"level", x.level}, {"reviewer", x.reviewer}, {"role", x.role},
                        {"decisions", d}, {"feedback", x.feedback}};
            },
            [](const SetBadgeDesign& x) -> Json { return {{"key", x.key}, {"design", x.design}}; },
            [](const SetStalledAfterDays& x) -> Json { return {{"days", x.days}}; },
            [](const MergeReviews& x) -> Json { return {{"file", to_json(x.file)}}; },
            [](const ReplaceRecord& x) -> Json { return {{"record", to_json(x.record)}}; },
        },
        a.body);
    j["type"] = type_of(a);
    if (!a.at.empty()) j["at"] = a.at;
    return j;
}

// --- update -------------------------------------------------------------------------------

namespace {

struct Updater {
    const LearnerRecord& before;
    const std::string& at;
    LearnerRecord r;  // the working copy
    std::string error;
    std::string summary;

    bool refuse(std::string why) {
        error = std::move(why);
        return false;
    }

    std::string label(const std::string& c, int l) const { return level_label(r.pathway, c, l); }

    const Competency* competency_level(const std::string& c, int l) {
        const Competency* comp = r.pathway.find_competency(c);
        if (!comp) {
            refuse("unknown competency \"" + c + "\"");
            return nullptr;
        }
        if (l < 1 || l > int(comp->levels.size())) {
            refuse("\"" + comp->title + "\" has no level " + std::to_string(l) + " (it has " +
                   std::to_string(comp->levels.size()) + ")");
            return nullptr;
        }
        return comp;
    }

    LevelWork& work(const std::string& c, int l) {
        for (auto& w : r.work)
            if (w.competency == c && w.level == l) return w;
        r.work.push_back(LevelWork{c, l, {}, {}, {}, {}});
        return r.work.back();
    }

    // Evidence can change while a level is open for work: not locked, not earned, not
    // waiting for a review.
    bool open_for_work(const std::string& c, int l) {
        Progress pr(before);
        const LevelStatus& st = pr.level(c, l);
        switch (st.status) {
            case Status::locked: {
                std::string first = st.missing.empty() ? std::string() : st.missing.front();
                return refuse(label(c, l) + " is locked: first earn " + first);
            }
            case Status::earned: return refuse(label(c, l) + " is already earned");
            case Status::submitted: return refuse(label(c, l) + " is waiting for review; you can add more after the review");
            default: return true;
        }
    }

    Evidence* find_evidence(const std::string& id, LevelWork** owner = nullptr) {
        for (auto& w : r.work)
            for (auto& e : w.evidence)
                if (e.id == id) {
                    if (owner) *owner = &w;
                    return &e;
                }
        return nullptr;
    }

    std::string new_id(const char* prefix) { return prefix + std::to_string(r.next_id++); }

    Goal* find_goal(const std::string& id) {
        for (auto& g : r.plan)
            if (g.id == id) return &g;
        return nullptr;
    }

    bool valid_date(const std::string& d) {
        return d.empty() || (d.size() == 10 && days_between("2000-01-01", d) != 0) || d == "2000-01-01";
    }

    bool apply(const SetLearnerName& a) {
        std::string name = a.name;
        if (name.find_first_not_of(" \t") == std::string::npos) return refuse("a name cannot be empty (a nickname is fine)");
        if (name.size() > 80) return refuse("a name can be at most 80 characters");
        r.learner_name = name;
        summary = "Name set to " + name;
        return true;
    }

    bool apply(const AddGoal& a) {
        if (!valid_date(a.target_date)) return refuse("the target date \"" + a.target_date + "\" is not a date (YYYY-MM-DD)");
        Goal g;
        g.kind = a.kind;
        g.target = a.target;
        g.target_date = a.target_date;
        if (a.kind == Goal::Kind::competency) {
            if (!competency_level(a.target, a.target_level)) return false;
            g.target_level = a.target_level;
            for (const auto& other : r.plan)
                if (other.kind == g.kind && other.target == g.target)
                    return refuse(label(a.target, other.target_level) + " is already in your plan");
            summary = "Added goal " + label(a.target, a.target_level);
        } else {
            const Stack* s = r.pathway.find_stack(a.target);
            if (!s) return refuse("unknown stack \"" + a.target + "\"");
            for (const auto& other : r.plan)
                if (other.kind == g.kind && other.target == g.target) return refuse(s->title + " is already in your plan");
            summary = "Added goal " + s->title;
        }
        g.id = new_id("g");
        r.plan.push_back(std::move(g));
        return true;
    }

    bool apply(const RemoveGoal& a) {
        auto it = std::find_if(r.plan.begin(), r.plan.end(), [&](auto& g) { return g.id == a.goal; });
        if (it == r.plan.end()) return refuse("unknown goal \"" + a.goal + "\"");
        r.plan.erase(it);
        summary = "Removed a goal";
        return true;
    }

    bool apply(const MoveGoal& a) {
        auto it = std::find_if(r.plan.begin(), r.plan.end(), [&](auto& g) { return g.id == a.goal; });
        if (it == r.plan.end()) return refuse("unknown goal \"" + a.goal + "\"");
        if (a.to < 0 || a.to >= int(r.plan.size()))
            return refuse("position " + std::to_string(a.to) + " is outside the plan (0 to " + std::to_string(r.plan.size() - 1) + ")");
        Goal g = *it;
        r.plan.erase(it);
        r.plan.insert(r.plan.begin() + a.to, std::move(g));
        summary = "Reordered the plan";
        return true;
    }

    bool apply(const SetGoalTarget& a) {
        Goal* g = find_goal(a.goal);
        if (!g) return refuse("unknown goal \"" + a.goal + "\"");
        if (!valid_date(a.target_date)) return refuse("the target date \"" + a.target_date + "\" is not a date (YYYY-MM-DD)");
        if (a.target_level) {
            if (g->kind != Goal::Kind::competency) return refuse("a stack goal has no target level");
            if (!competency_level(g->target, a.target_level)) return false;
            g->target_level = a.target_level;
        }
        g->target_date = a.target_date;
        summary = "Changed a goal's target";
        return true;
    }

    bool apply(const AddEvidence& a) {
        if (!competency_level(a.competency, a.level) || !open_for_work(a.competency, a.level)) return false;
        Evidence e;
        e.kind = a.kind;
        e.part = a.part;
        e.text = a.text;
        e.added_at = at;
        switch (a.kind) {
            case EvidenceKind::text:
                if (a.text.find_first_not_of(" \t\r\n") == std::string::npos) return refuse("the text is empty");
                break;
            case EvidenceKind::link:
                if (a.url.rfind("https://", 0) != 0 && a.url.rfind("http://", 0) != 0)
                    return refuse("a link must start with http:// or https://");
                e.url = a.url;
                break;
            case EvidenceKind::image:
                if (a.bytes.empty()) return refuse("the image is empty");
                if (a.mime != "image/png" && a.mime != "image/jpeg" && a.mime != "image/gif" && a.mime != "image/webp")
                    return refuse("images can be PNG, JPEG, GIF or WebP");
                e.mime = a.mime;
                e.bytes = a.bytes;
                break;
        }
        e.id = new_id("e");
        work(a.competency, a.level).evidence.push_back(std::move(e));
        summary = std::string("Added ") + to_string(a.kind) + " evidence to " + label(a.competency, a.level);
        return true;
    }

    bool apply(const UpdateEvidence& a) {
        LevelWork* w = nullptr;
        Evidence* e = find_evidence(a.evidence, &w);
        if (!e) return refuse("unknown evidence \"" + a.evidence + "\"");
        if (!open_for_work(w->competency, w->level)) return false;
        if (e->kind == EvidenceKind::text && a.text.find_first_not_of(" \t\r\n") == std::string::npos)
            return refuse("the text is empty");
        if (e->kind == EvidenceKind::link) {
            if (a.url.rfind("https://", 0) != 0 && a.url.rfind("http://", 0) != 0)
                return refuse("a link must start with http:// or https://");
            e->url = a.url;
        }
        e->text = a.text;
        e->added_at = at;
        summary = "Edited evidence on " + label(w->competency, w->level);
        return true;
    }

    bool apply(const RemoveEvidence& a) {
        LevelWork* w = nullptr;
        Evidence* e = find_evidence(a.evidence, &w);
        if (!e) return refuse("unknown evidence \"" + a.evidence + "\"");
        if (!open_for_work(w->competency, w->level)) return false;
        // Evidence that a past submission offered stays: reviews refer to it.
        for (const auto& s : w->submissions)
            if (std::find(s.evidence.begin(), s.evidence.end(), a.evidence) != s.evidence.end())
                return refuse("this evidence was part of an earlier submission and stays in the history");
        w->evidence.erase(std::find_if(w->evidence.begin(), w->evidence.end(), [&](auto& x) { return x.id == a.evidence; }));
        summary = "Removed evidence from " + label(w->competency, w->level);
        return true;
    }

    bool apply(const SetSelfAssessment& a) {
        const Competency* c = competency_level(a.competency, a.level);
        if (!c || !open_for_work(a.competency, a.level)) return false;
        const auto& crit = c->levels[std::size_t(a.level - 1)].criteria;
        if (std::none_of(crit.begin(), crit.end(), [&](auto& k) { return k.id == a.criterion; }))
            return refuse("unknown criterion \"" + a.criterion + "\" on " + label(a.competency, a.level));
        LevelWork& w = work(a.competency, a.level);
        auto it = std::find_if(w.self_assessment.begin(), w.self_assessment.end(), [&](auto& s) { return s.criterion == a.criterion; });
        if (it == w.self_assessment.end()) w.self_assessment.push_back({a.criterion, a.rating});
        else it->rating = a.rating;
        summary = "Self-assessed " + label(a.competency, a.level);
        return true;
    }

    bool apply(const SubmitForReview& a) {
        if (!competency_level(a.competency, a.level) || !open_for_work(a.competency, a.level)) return false;
        LevelWork& w = work(a.competency, a.level);
        if (w.evidence.empty()) return refuse("add some evidence before you submit " + label(a.competency, a.level));
        Submission s;
        s.attempt = int(w.submissions.size()) + 1;
        s.at = at;
        for (const auto& e : w.evidence) s.evidence.push_back(e.id);
        s.self_assessment = w.self_assessment;
        s.note = a.note;
        w.submissions.push_back(std::move(s));
        summary = "Submitted " + label(a.competency, a.level) + (w.submissions.size() > 1 ? " (attempt " + std::to_string(w.submissions.size()) + ")" : "");
        return true;
    }

    bool apply(const RecordReview& a) {
        const Competency* c = competency_level(a.competency, a.level);
        if (!c) return false;
        if (Progress(before).status_of(a.competency, a.level) != Status::submitted)
            return refuse(label(a.competency, a.level) + " has no submission waiting for review");
        if (a.reviewer.find_first_not_of(" \t") == std::string::npos) return refuse("a review needs the reviewer's name");
        const auto& crit = c->levels[std::size_t(a.level - 1)].criteria;
        std::vector<CriterionDecision> decisions;
        for (const auto& k : crit) {
            auto it = std::find_if(a.decisions.begin(), a.decisions.end(), [&](auto& d) { return d.criterion == k.id; });
            if (it == a.decisions.end() || it->rating == Rating::unrated)
                return refuse("decide \"met\" or \"not yet\" for every criterion; missing: " + k.text);
            decisions.push_back(*it);
        }
        for (const auto& d : a.decisions)
            if (std::none_of(crit.begin(), crit.end(), [&](auto& k) { return k.id == d.criterion; }))
                return refuse("unknown criterion \"" + d.criterion + "\" on " + label(a.competency, a.level));
        LevelWork& w = work(a.competency, a.level);
        Review rv;
        rv.attempt = w.submissions.back().attempt;
        rv.reviewer = a.reviewer;
        rv.role = a.role;
        rv.at = at;
        rv.decisions = std::move(decisions);
        rv.feedback = a.feedback;
        summary = (rv.earned() ? "Earned " : "Not yet: ") + label(a.competency, a.level) + " (reviewed by " + a.reviewer + ")";
        w.reviews.push_back(std::move(rv));
        return true;
    }

    bool apply(const SetBadgeDesign& a) {
        bool ok = false;
        if (a.key.rfind("stack:", 0) == 0) {
            ok = r.pathway.find_stack(a.key.substr(6)) != nullptr;
        } else if (a.key.rfind("competency:", 0) == 0) {
            auto rest = a.key.substr(11);
            auto colon = rest.rfind(':');
            if (colon != std::string::npos) {
                const Competency* c = r.pathway.find_competency(rest.substr(0, colon));
                std::string lvl = rest.substr(colon + 1);
                int l = (!lvl.empty() && lvl.size() < 5 && std::all_of(lvl.begin(), lvl.end(), ::isdigit)) ? std::stoi(lvl) : 0;
                ok = c && l >= 1 && l <= int(c->levels.size());
            }
        }
        if (!ok) return refuse("unknown badge \"" + a.key + "\" (use competency:<id>:<level> or stack:<id>)");
        // strict on the way in, so the UI can never store a design no renderer can draw
        if (auto design = badge_from_json(a.design); !design.ok()) return refuse("badge design: " + design.first_error());
        if (!r.badge_designs.is_object()) r.badge_designs = Json::object();
        r.badge_designs[a.key] = a.design;
        summary = "Designed a badge";
        return true;
    }

    bool changed = true;
    std::string note;

    bool apply(const MergeReviews& a) {
        MergeReport rep = merge_reviews(r, a.file, at);
        if (!rep.ok) return refuse(rep.error);
        r = std::move(rep.record);  // merge_reviews logs each review it adds
        changed = rep.added > 0;
        note = std::to_string(rep.added) + (rep.added == 1 ? " review added" : " reviews added");
        if (rep.already) note += ", " + std::to_string(rep.already) + " already here";
        for (const auto& s : rep.skipped) note += "; skipped " + s;
        return true;
    }

    bool apply(const ReplaceRecord& a) {
        r = a.record;
        summary = "Imported a file";
        return true;
    }

    bool apply(const SetStalledAfterDays& a) {
        if (a.days < 1 || a.days > 3650) return refuse("days must be between 1 and 3650");
        r.settings.stalled_after_days = a.days;
        summary = "Changed the reminder period";
        return true;
    }
};

// `copy_back`: a refused or empty action answers with a copy of the record (update()'s
// contract); History needs no copy (it keeps its present).
UpdateResult update_record(const LearnerRecord& record, const Action& action, bool copy_back) {
    // An import replaces everything: its working copy starts empty, not as a copy of the present.
    const bool replaces = std::holds_alternative<ReplaceRecord>(action.body);
    Updater u{record, action.at, replaces ? LearnerRecord{} : record, {}, {}, true, {}};
    bool ok = std::visit([&](const auto& body) { return u.apply(body); }, action.body);
    if (!ok) return {false, u.error, copy_back ? record : LearnerRecord{}, false, {}};
    if (!u.changed) return {true, {}, copy_back ? record : LearnerRecord{}, false, u.note};
    if (!u.summary.empty()) u.r.activity.push_back({action.at, type_of(action), u.summary});
    return {true, {}, std::move(u.r), true, u.note};
}

}  // namespace

UpdateResult update(const LearnerRecord& record, const Action& action) { return update_record(record, action, true); }

// --- history ------------------------------------------------------------------------------

std::size_t approx_bytes(const LearnerRecord& r) {
    std::size_t n = sizeof(LearnerRecord) + r.learner_name.size();
    for (const Competency& c : r.pathway.competencies) {
        n += sizeof(Competency) + c.id.size() + c.title.size() + c.statement.size() + c.code.size();
        for (const LevelDef& l : c.levels) {
            n += sizeof(LevelDef);
            for (const auto& k : l.criteria) n += sizeof(k) + k.id.size() + k.text.size();
        }
    }
    for (const LevelWork& w : r.work) {
        n += sizeof(LevelWork);
        for (const Evidence& e : w.evidence) n += sizeof(Evidence) + e.text.size() + e.url.size() + e.bytes.size();
        for (const Review& v : w.reviews) n += sizeof(Review) + v.feedback.size() + v.decisions.size() * 64;
        n += w.submissions.size() * sizeof(Submission);
    }
    n += r.activity.size() * 96 + r.badge_designs.dump().size();
    return n;
}

History::History(LearnerRecord initial, std::size_t max_depth, std::size_t max_bytes)
    : m_present(std::make_shared<const LearnerRecord>(std::move(initial))), m_max_depth(max_depth), m_max_bytes(max_bytes) {}

void History::trim() {
    auto total = [this] {
        std::size_t t = 0;
        for (const Kept& k : m_past) t += k.bytes;
        for (const Kept& k : m_future) t += k.bytes;
        return t;
    };
    while (m_past.size() > m_max_depth) m_past.erase(m_past.begin());
    // the far end of redo goes first, then the oldest undo steps; the latest undo stays
    while (!m_future.empty() && total() > m_max_bytes) m_future.erase(m_future.begin());
    while (m_past.size() > 1 && total() > m_max_bytes) m_past.erase(m_past.begin());
}

UpdateResult History::apply(const Action& action) {
    UpdateResult res = update_record(*m_present, action, false);
    if (!res.ok || !res.changed) return res;
    const std::size_t bytes = approx_bytes(*m_present);
    m_past.push_back({std::move(m_present), bytes});
    m_present = std::make_shared<const LearnerRecord>(std::move(res.record));
    res.record = LearnerRecord{};
    m_future.clear();
    trim();
    ++m_revision;
    return res;
}

void History::replace(LearnerRecord record) {
    m_present = std::make_shared<const LearnerRecord>(std::move(record));
    m_past.clear();
    m_future.clear();
    ++m_revision;
}

bool History::undo() {
    if (m_past.empty()) return false;
    const std::size_t bytes = approx_bytes(*m_present);
    m_future.push_back({std::move(m_present), bytes});
    m_present = std::move(m_past.back().record);
    m_past.pop_back();
    ++m_revision;
    return true;
}

bool History::redo() {
    if (m_future.empty()) return false;
    const std::size_t bytes = approx_bytes(*m_present);
    m_past.push_back({std::move(m_present), bytes});
    m_present = std::move(m_future.back().record);
    m_future.pop_back();
    ++m_revision;
    return true;
}

}  // namespace mastery
