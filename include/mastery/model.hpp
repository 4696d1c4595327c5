// The mastery core's plain data: pathways (a teacher's file) and learner records (one
// student's work on one pathway). Plain values only: no I/O, no UI, no platform headers.
// JSON shapes are documented in docs/FORMATS.md; reading and writing live in io.hpp.
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace mastery {

using Json = nlohmann::json;

// ---------------------------------------------------------------------------------------
// Pathway
// ---------------------------------------------------------------------------------------

struct Link {
    std::string title;
    std::string url;  // http(s) only; checked by validation
    bool operator==(const Link&) const = default;
};

struct Criterion {
    std::string id;    // unique within its level, e.g. "c1"
    std::string text;  // the public rubric line: "I explain why ..."
    bool operator==(const Criterion&) const = default;
};

// Digital Promise's three-part submission: overview questions, work examples/artifacts,
// reflection. Each is a list of prompts the evidence editor shows.
struct EvidencePrompts {
    std::vector<std::string> overview;
    std::vector<std::string> artifacts;
    std::vector<std::string> reflection;
    bool operator==(const EvidencePrompts&) const = default;
};

struct LevelDef {
    std::vector<Criterion> criteria;  // must not be empty: "earned" needs every one met
    EvidencePrompts evidence;
    std::vector<Link> resources;
    int effort_minutes = 0;  // rough estimate shown to students; 0 = not given
    bool operator==(const LevelDef&) const = default;
};

struct Prerequisite {
    std::string competency;  // id of the competency that must be earned first
    int min_level = 1;       // 1-based level number on that competency's scale
    bool operator==(const Prerequisite&) const = default;
};

struct Position {
    float x = 0, y = 0;  // map units; authored layouts are honoured as given
    bool operator==(const Position&) const = default;
};

struct Competency {
    std::string id;          // stable key, e.g. "ratios-1"
    std::string code;        // human coding scheme, e.g. "MATH.7.RP.1"; may be empty
    std::string title;
    std::string statement;   // "I can ..."
    std::string subject;
    std::string strand;
    std::string grade_band;  // e.g. "6-8"
    std::vector<std::string> tags;
    std::vector<std::string> scale;  // level names; empty = the pathway's default scale
    std::vector<LevelDef> levels;    // one per scale entry, in order
    std::vector<Prerequisite> prerequisites;  // vertical links
    std::vector<std::string> related;         // horizontal links (competency ids)
    std::optional<Position> position;
    // Digital Promise microcredential parts (optional, used by educator pathways)
    std::string key_method;
    std::vector<std::string> method_components;
    std::vector<Link> research;
    Json default_badge;  // optional badge design document; null when absent
    bool operator==(const Competency&) const = default;
};

struct StackMember {
    enum class Kind { competency, stack };
    Kind kind = Kind::competency;
    std::string id;
    int level = 1;  // for competencies: the level that counts; ignored for stacks
    bool operator==(const StackMember&) const = default;
};

struct Stack {
    std::string id;
    std::string title;
    std::string description;
    std::vector<StackMember> members;
    int required = 0;  // 0 = all members; otherwise "N of M"
    std::optional<Position> position;
    Json badge;        // optional badge design document; null when absent
    int required_count() const { return required == 0 ? int(members.size()) : required; }
    bool operator==(const Stack&) const = default;
};

struct Issuer {
    std::string name;
    std::string url;
    bool operator==(const Issuer&) const = default;
};

struct Pathway {
    std::string id;
    std::string version;  // the teacher's own label, e.g. "2026.1" (JSON key "pathway_version")
    std::string title;
    std::string description;
    Issuer issuer;
    std::vector<std::string> scale;  // default level scale, e.g. Beginning..Extending
    std::vector<Competency> competencies;
    std::vector<Stack> stacks;
    Json default_badge;  // optional; null when absent
    bool operator==(const Pathway&) const = default;

    // Lookups are linear scans by design of the data; the Index in engine.hpp gives O(1).
    const Competency* find_competency(const std::string& id) const;
    const Stack* find_stack(const std::string& id) const;
    // The scale that applies to a competency (its own, or the pathway default).
    const std::vector<std::string>& scale_of(const Competency& c) const;
};

// ---------------------------------------------------------------------------------------
// Learner record
// ---------------------------------------------------------------------------------------

enum class EvidenceKind { text, link, image };
enum class EvidencePart { overview, artifact, reflection };
enum class Rating { unrated, not_yet, met };  // also used for self-assessment

struct Evidence {
    std::string id;  // unique within the record, e.g. "e12"
    EvidenceKind kind = EvidenceKind::text;
    EvidencePart part = EvidencePart::artifact;
    std::string text;     // text: the writing; link/image: a caption
    std::string url;      // link only
    std::string mime;     // image only: image/png, image/jpeg, image/webp, image/gif
    std::vector<std::uint8_t> bytes;  // image only; base64 in JSON
    std::string added_at;  // ISO 8601 UTC
    bool operator==(const Evidence&) const = default;
};

struct SelfAssessment {
    std::string criterion;
    Rating rating = Rating::unrated;
    bool operator==(const SelfAssessment&) const = default;
};

struct Submission {
    int attempt = 1;  // 1, 2, ... per level
    std::string at;
    std::vector<std::string> evidence;  // ids of the evidence offered
    std::vector<SelfAssessment> self_assessment;  // snapshot at submission time
    std::string note;  // the student's message to the reviewer
    bool operator==(const Submission&) const = default;
};

struct CriterionDecision {
    std::string criterion;
    Rating rating = Rating::unrated;  // met or not_yet in a stored review
    std::string comment;
    bool operator==(const CriterionDecision&) const = default;
};

struct Review {
    int attempt = 1;  // the submission reviewed
    std::string reviewer;  // a name as the reviewer wants it shown
    std::string role;      // "teacher", "mentor", "peer", ...
    std::string at;
    std::vector<CriterionDecision> decisions;
    std::string feedback;  // "here is how to grow"
    bool earned() const;   // every decision met (and at least one)
    bool operator==(const Review&) const = default;
};

// All work on one level of one competency.
struct LevelWork {
    std::string competency;
    int level = 1;
    std::vector<Evidence> evidence;
    std::vector<SelfAssessment> self_assessment;  // current, editable
    std::vector<Submission> submissions;
    std::vector<Review> reviews;
    bool operator==(const LevelWork&) const = default;
};

struct Goal {
    enum class Kind { competency, stack };
    std::string id;  // goal id, unique in the plan, e.g. "g3"
    Kind kind = Kind::competency;
    std::string target;       // competency or stack id
    int target_level = 1;     // competencies only
    std::string target_date;  // optional, YYYY-MM-DD
    bool operator==(const Goal&) const = default;
};

struct Activity {
    std::string at;
    std::string type;     // the action's JSON type, e.g. "submit_for_review"
    std::string summary;  // one human line, e.g. "Submitted Ratios 1 · Developing"
    bool operator==(const Activity&) const = default;
};

struct PathwayRef {
    std::string id;
    std::string version;
    std::string hash;  // content hash of the canonical pathway JSON ("fnv1a64:...")
    bool operator==(const PathwayRef&) const = default;
};

struct RecordSettings {
    int stalled_after_days = 14;  // signal "stalled" after this many quiet days
    bool operator==(const RecordSettings&) const = default;
};

struct LearnerRecord {
    std::string id;            // record id, random at creation
    std::string learner_name;  // pseudonymous display name; no email
    std::string created_at;
    PathwayRef pathway_ref;
    Pathway pathway;  // embedded copy so a mentor can open the file anywhere
    std::vector<Goal> plan;  // in the student's order
    std::vector<LevelWork> work;
    Json badge_designs = Json::object();  // key "competency:level" or "stack:id" -> design
    std::vector<Activity> activity;
    RecordSettings settings;
    int next_id = 1;  // counter for evidence and goal ids
    bool operator==(const LearnerRecord&) const = default;

    const LevelWork* find_work(const std::string& competency, int level) const;
};

const char* to_string(EvidenceKind k);
const char* to_string(EvidencePart p);
const char* to_string(Rating r);

}  // namespace mastery
