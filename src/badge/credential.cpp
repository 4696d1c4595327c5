// Open Badges 3.0: an OpenBadgeCredential for an earned level or stack, shaped after
// 1EdTech's AchievementCredential schema (ob_v3p0_achievementcredential_schema.json).
// Self-asserted: Mastery Map holds no issuer keys, so there is no `proof`, and the name
// and description say so. Ids are deterministic urn:uuid values (same record, same ids).
#include "badge_export.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

namespace mastery {
namespace {

// A name-based UUID (version 8, RFC 9562 "custom") from two FNV-1a hashes of the parts.
std::string urn_uuid(std::initializer_list<std::string> parts) {
    std::string text = "mastery-map";
    for (const auto& p : parts) text += '\x1f' + p;
    std::uint64_t hi = badge_seed(text), lo = badge_seed(text + "\x1elow");
    hi = (hi & ~0xF000ull) | 0x8000ull;                        // version 8
    lo = (lo & 0x3FFFFFFFFFFFFFFFull) | 0x8000000000000000ull;  // RFC variant
    char buf[64];
    std::snprintf(buf, sizeof buf, "urn:uuid:%08llx-%04llx-%04llx-%04llx-%012llx", (unsigned long long)(hi >> 32),
                  (unsigned long long)((hi >> 16) & 0xFFFF), (unsigned long long)(hi & 0xFFFF), (unsigned long long)(lo >> 48),
                  (unsigned long long)(lo & 0xFFFFFFFFFFFFull));
    return buf;
}

// RFC 3339 date-time with a zone, as the schema's "date-time" format wants.
std::string date_time(const std::string& at) {
    if (at.size() == 10) return at + "T00:00:00Z";
    return at;
}

std::string data_uri(const std::string& mime, const std::vector<std::uint8_t>& bytes) {
    return "data:" + mime + ";base64," + base64_encode(bytes);
}

bool is_http(const std::string& url) { return url.rfind("https://", 0) == 0 || url.rfind("http://", 0) == 0; }

Json issuer_profile(const Pathway& p) {
    Json j = {{"type", {"Profile"}}, {"name", p.issuer.name.empty() ? p.title : p.issuer.name}};
    j["id"] = is_http(p.issuer.url) ? p.issuer.url : urn_uuid({"issuer", p.id});
    if (is_http(p.issuer.url)) j["url"] = p.issuer.url;
    return j;
}

const char* part_name(EvidencePart part) {
    switch (part) {
        case EvidencePart::overview: return "Overview";
        case EvidencePart::artifact: return "Work example";
        case EvidencePart::reflection: return "Reflection";
    }
    return "Evidence";
}

Json evidence_json(const Evidence& e) {
    Json j = {{"type", {"Evidence"}}, {"genre", part_name(e.part)}};
    switch (e.kind) {
        case EvidenceKind::text:
            j["name"] = part_name(e.part);
            j["narrative"] = e.text;
            break;
        case EvidenceKind::link:
            if (is_http(e.url)) j["id"] = e.url;
            j["name"] = e.text.empty() ? e.url : e.text;
            if (!is_http(e.url)) j["narrative"] = e.url;
            break;
        case EvidenceKind::image:
            j["id"] = data_uri(e.mime.empty() ? "application/octet-stream" : e.mime, e.bytes);
            j["name"] = e.text.empty() ? std::string("Image") : e.text;
            break;
    }
    return j;
}

std::string rating_word(Rating r) { return r == Rating::met ? "met" : r == Rating::not_yet ? "not yet" : "unrated"; }

const Review* approving_review(const LevelWork& w, const std::string& earned_at) {
    const Review* found = nullptr;
    for (const auto& rv : w.reviews)
        if (rv.earned() && (!found || rv.at == earned_at)) found = &rv;
    return found;
}

Json review_evidence(const Review& rv, const LevelDef& def) {
    std::string narrative = "Decision: earned. Every criterion of the rubric was met.\n";
    for (const auto& d : rv.decisions) {
        std::string text = d.criterion;
        for (const auto& c : def.criteria)
            if (c.id == d.criterion) text = c.text;
        narrative += "\n- " + text + ": " + rating_word(d.rating) + (d.comment.empty() ? "" : " (" + d.comment + ")");
    }
    if (!rv.feedback.empty()) narrative += "\n\nFeedback: " + rv.feedback;
    std::string who = rv.reviewer + (rv.role.empty() ? "" : " (" + rv.role + ")");
    return {{"type", {"Evidence"}}, {"genre", "Review"}, {"name", "Review by " + who + " on " + rv.at.substr(0, 10)},
            {"narrative", narrative}};
}

}  // namespace

std::vector<std::string> earned_badge_keys(const LearnerRecord& r, const Progress& pr) {
    std::vector<std::string> keys;
    for (const auto& c : r.pathway.competencies)
        for (int l = 1; l <= int(c.levels.size()); ++l)
            if (pr.status_of(c.id, l) == Status::earned) keys.push_back(badge_key_for_level(c.id, l));
    for (const auto& s : r.pathway.stacks)
        if (pr.stack(s.id).complete) keys.push_back(badge_key_for_stack(s.id));
    return keys;
}

Loaded<Json> open_badge_credential(const LearnerRecord& r, const Progress& pr, const std::string& key,
                                   const std::vector<std::uint8_t>& image_png) {
    Loaded<Json> out;
    const Pathway& p = r.pathway;
    Json achievement = {{"type", {"Achievement"}}, {"creator", issuer_profile(p)}};
    if (!image_png.empty()) achievement["image"] = {{"id", data_uri("image/png", image_png)}, {"type", "Image"}};
    Json subject = {{"type", {"AchievementSubject"}}};
    if (!r.learner_name.empty())
        subject["identifier"] = {{{"type", "IdentityObject"}, {"identityType", "name"}, {"hashed", false}, {"identityHash", r.learner_name}}};
    Json evidence = Json::array();
    std::string title, valid_from, decision;

    if (key.rfind("competency:", 0) == 0) {
        std::size_t colon = key.rfind(':');
        std::string id = key.substr(11, colon > 11 ? colon - 11 : 0);
        int level = std::atoi(key.c_str() + colon + 1);
        const Competency* c = p.find_competency(id);
        if (!c || level < 1 || level > int(c->levels.size())) {
            out.problems.push_back({"", "no such badge \"" + key + "\""});
            return out;
        }
        const LevelStatus& st = pr.level(id, level);
        if (st.status != Status::earned) {
            out.problems.push_back({"", "\"" + level_label(p, id, level) + "\" is not earned yet (" + to_string(st.status) + ")"});
            return out;
        }
        const auto& scale = p.scale_of(*c);
        const LevelDef& def = c->levels[std::size_t(level - 1)];
        title = level_label(p, id, level);
        std::string achievement_id = urn_uuid({"achievement", p.id, c->id, std::to_string(level)});
        achievement["id"] = achievement_id;
        achievement["name"] = title;
        achievement["description"] = c->statement + " (level " + std::to_string(level) + " of " + std::to_string(scale.size()) +
                                     " on the scale " + [&] {
                                         std::string s;
                                         for (const auto& n : scale) s += (s.empty() ? "" : ", ") + n;
                                         return s;
                                     }() + ")";
        std::string narrative = "A reviewer checked the learner's submitted evidence against the public rubric for " +
                                scale[std::size_t(level - 1)] + " and found every criterion met:\n";
        for (const auto& cr : def.criteria) narrative += "\n- " + cr.text;
        achievement["criteria"] = {{"narrative", narrative}};
        achievement["achievementType"] = "Competency";
        if (!c->code.empty()) achievement["humanCode"] = c->code;
        if (!c->subject.empty()) achievement["fieldOfStudy"] = c->subject;
        if (!c->tags.empty()) achievement["tag"] = c->tags;
        // The scale as a rubric: one RubricCriterionLevel per level, the result names the one reached.
        std::string rd_id = urn_uuid({"scale", p.id, c->id});
        Json levels = Json::array();
        std::string reached;
        for (std::size_t i = 0; i < scale.size(); ++i) {
            std::string lid = urn_uuid({"scale-level", p.id, c->id, std::to_string(i + 1)});
            std::string described;
            for (const auto& cr : c->levels[i].criteria) described += (described.empty() ? "" : " ") + cr.text;
            levels.push_back({{"id", lid}, {"type", {"RubricCriterionLevel"}}, {"name", scale[i]}, {"level", std::to_string(i + 1)},
                              {"description", described}});
            if (int(i) + 1 == level) reached = lid;
        }
        achievement["resultDescription"] = {{{"id", rd_id}, {"type", {"ResultDescription"}}, {"name", "Level on the competency scale"},
                                             {"resultType", "RubricCriterionLevel"}, {"allowedValue", scale},
                                             {"requiredLevel", reached}, {"rubricCriterionLevel", levels}}};
        subject["result"] = {{{"type", {"Result"}}, {"resultDescription", rd_id}, {"achievedLevel", reached}, {"status", "Completed"}}};

        const LevelWork* w = r.find_work(id, level);
        const Review* rv = w ? approving_review(*w, st.earned_at) : nullptr;
        valid_from = date_time(rv ? rv->at : st.earned_at);
        if (w) {
            const Submission* sub = nullptr;
            for (const auto& s : w->submissions)
                if (rv && s.attempt == rv->attempt) sub = &s;
            for (const auto& e : w->evidence) {
                bool offered = !sub || std::find(sub->evidence.begin(), sub->evidence.end(), e.id) != sub->evidence.end();
                if (offered) evidence.push_back(evidence_json(e));
            }
            if (sub && !sub->note.empty())
                evidence.push_back({{"type", {"Evidence"}}, {"genre", "Note to the reviewer"}, {"name", "Note to the reviewer"}, {"narrative", sub->note}});
        }
        if (rv) {
            evidence.push_back(review_evidence(*rv, def));
            decision = " Reviewed by " + rv->reviewer + (rv->role.empty() ? "" : " (" + rv->role + ")") + " on " +
                       rv->at.substr(0, 10) + ": every criterion met.";
        }
    } else if (key.rfind("stack:", 0) == 0) {
        std::string id = key.substr(6);
        const Stack* s = p.find_stack(id);
        if (!s) {
            out.problems.push_back({"", "no such badge \"" + key + "\""});
            return out;
        }
        const StackProgress& sp = pr.stack(id);
        if (!sp.complete) {
            out.problems.push_back({"", "stack \"" + s->title + "\" is not complete yet (" + std::to_string(sp.done) + " of " +
                                            std::to_string(sp.required) + ")"});
            return out;
        }
        title = s->title;
        achievement["id"] = urn_uuid({"achievement", p.id, "stack", s->id});
        achievement["name"] = s->title;
        achievement["description"] = s->description.empty() ? "A stack of " + std::to_string(s->members.size()) + " achievements in " + p.title
                                                             : s->description;
        std::string narrative = s->required_count() == int(s->members.size())
                                    ? std::string("Earn every one of these:\n")
                                    : "Earn " + std::to_string(s->required_count()) + " of these " + std::to_string(s->members.size()) + ":\n";
        for (const auto& m : s->members) {
            std::string label = m.kind == StackMember::Kind::competency ? level_label(p, m.id, m.level)
                                                                        : (p.find_stack(m.id) ? p.find_stack(m.id)->title : m.id) + " (stack)";
            narrative += "\n- " + label;
            bool done = m.kind == StackMember::Kind::competency ? pr.earned_level(m.id) >= m.level : pr.stack(m.id).complete;
            if (done)
                evidence.push_back({{"type", {"Evidence"}}, {"genre", "Stack member"}, {"name", label},
                                    {"narrative", "Earned" + std::string(m.kind == StackMember::Kind::competency
                                                                             ? " on " + pr.level(m.id, m.level).earned_at.substr(0, 10)
                                                                             : "")}});
        }
        achievement["criteria"] = {{"narrative", narrative}};
        achievement["achievementType"] = "MicroCredential";
        subject["result"] = {{{"type", {"Result"}}, {"status", "Completed"}}};
        valid_from = date_time(sp.earned_at);
        decision = " Completed on " + sp.earned_at.substr(0, 10) + " (" + std::to_string(sp.done) + " of " +
                   std::to_string(sp.members) + " members earned).";
    } else {
        out.problems.push_back({"", "unknown badge key \"" + key + "\" (use competency:<id>:<level> or stack:<id>)"});
        return out;
    }

    subject["achievement"] = achievement;
    std::string who = r.learner_name.empty() ? std::string("the learner") : r.learner_name;
    Json vc = {
        {"@context", {"https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"}},
        {"id", urn_uuid({"credential", r.id, key, valid_from})},
        {"type", {"VerifiableCredential", "OpenBadgeCredential"}},
        {"name", title + kSelfAssertedSuffix},
        {"description", "Self-asserted and unsigned: exported by Mastery Map from " + who +
                            "'s learner record without a proof (digital signature), so it cannot be verified as issued by " +
                            issuer_profile(p)["name"].get<std::string>() + "." + decision},
        {"issuer", issuer_profile(p)},
        {"validFrom", valid_from},
        {"awardedDate", valid_from},
        {"credentialSubject", subject},
    };
    if (!evidence.empty()) vc["evidence"] = evidence;
    out.value = std::move(vc);
    return out;
}

}  // namespace mastery
