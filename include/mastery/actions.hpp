// Every change to a learner record is an Action value applied by the pure `update`.
// Actions have a JSON form ({"type": "add_evidence", ...}, see docs/ACTIONS.md) used by the
// browser test interface and the activity log. No I/O here; time comes in the action.
#pragma once

#include "mastery/exchange.hpp"
#include "mastery/io.hpp"
#include "mastery/model.hpp"

#include <string>
#include <variant>
#include <vector>

namespace mastery {

struct SetLearnerName { std::string name; };
struct AddGoal {
    Goal::Kind kind = Goal::Kind::competency;
    std::string target;        // competency or stack id
    int target_level = 1;
    std::string target_date;   // optional YYYY-MM-DD
};
struct RemoveGoal { std::string goal; };
struct MoveGoal { std::string goal; int to = 0; };  // new 0-based position
struct SetGoalTarget { std::string goal; int target_level = 0; std::string target_date; };  // 0 = keep level
struct AddEvidence {
    std::string competency;
    int level = 1;
    EvidenceKind kind = EvidenceKind::text;
    EvidencePart part = EvidencePart::artifact;
    std::string text;
    std::string url;
    std::string mime;
    std::vector<std::uint8_t> bytes;
};
struct UpdateEvidence { std::string evidence; std::string text; std::string url; };
struct RemoveEvidence { std::string evidence; };
struct SetSelfAssessment { std::string competency; int level = 1; std::string criterion; Rating rating = Rating::unrated; };
struct SubmitForReview { std::string competency; int level = 1; std::string note; };
struct RecordReview {
    std::string competency;
    int level = 1;
    std::string reviewer;
    std::string role;
    std::vector<CriterionDecision> decisions;
    std::string feedback;
};
struct SetBadgeDesign { std::string key; Json design; };  // key "competency:<id>:<level>" | "stack:<id>"
struct SetStalledAfterDays { int days = 14; };
struct MergeReviews { ReviewFile file; };           // a mentor's review file, merged idempotently
struct ReplaceRecord { LearnerRecord record; };     // a confirmed import of a whole record

using ActionBody = std::variant<SetLearnerName, AddGoal, RemoveGoal, MoveGoal, SetGoalTarget, AddEvidence,
                                UpdateEvidence, RemoveEvidence, SetSelfAssessment, SubmitForReview,
                                RecordReview, SetBadgeDesign, SetStalledAfterDays, MergeReviews, ReplaceRecord>;

struct Action {
    ActionBody body;
    std::string at;  // ISO 8601 UTC time of the change; the app stamps it when dispatching
};

// The JSON "type" of an action, e.g. "add_evidence".
const char* type_of(const Action& a);
Loaded<Action> action_from_json(const Json& j);
Json to_json(const Action& a);

struct UpdateResult {
    bool ok = false;
    std::string error;     // why the action was refused (record unchanged)
    LearnerRecord record;  // the new record when ok
    bool changed = false;  // false when an accepted action had nothing to do (e.g. reviews merged twice)
    std::string note;      // extra words for the UI, e.g. "2 reviews added, 1 already here"
};

// The one pure update: a refused action returns ok=false with a reason and no change.
UpdateResult update(const LearnerRecord& record, const Action& action);

// Undo/redo over applied actions (snapshots of the document; bounded).
class History {
public:
    explicit History(LearnerRecord initial, std::size_t max_depth = 100);
    const LearnerRecord& present() const { return m_present; }
    UpdateResult apply(const Action& action);  // on success becomes the present, clears redo
    void replace(LearnerRecord record);        // e.g. an import: clears undo and redo
    bool can_undo() const { return !m_past.empty(); }
    bool can_redo() const { return !m_future.empty(); }
    bool undo();
    bool redo();
    std::size_t revision() const { return m_revision; }  // bumps on every change

private:
    LearnerRecord m_present;
    std::vector<LearnerRecord> m_past;
    std::vector<LearnerRecord> m_future;
    std::size_t m_max_depth;
    std::size_t m_revision = 0;
};

}  // namespace mastery
