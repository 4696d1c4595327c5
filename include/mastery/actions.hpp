// Every change to a learner record is an Action value applied by the pure `update`.
// Actions have a JSON form ({"type": "add_evidence", ...}, see docs/ACTIONS.md) used by the
// browser test interface and the activity log. No I/O here; time comes in the action.
#pragma once

#include "mastery/exchange.hpp"
#include "mastery/io.hpp"
#include "mastery/model.hpp"

#include <memory>
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
// Roughly how many bytes a record takes in memory (texts, attachments, the pathway copy).
std::size_t approx_bytes(const LearnerRecord& r);

// Undo/redo keeps whole records. It holds at most `max_depth` steps back and, so a record
// with many photos cannot exhaust the tab's memory, drops the oldest steps while the kept
// ones take more than `max_bytes` (approx_bytes); the latest step back always stays, so
// an import or a change can be undone at least once. 16 MB: a typical record (under 1 MB)
// keeps all 100 steps, one with a dozen photos (~5 MB) three, and a 10 MB record one or two
// (the web app's memory budget is 64 MB: docs/PERFORMANCE.md).
class History {
public:
    explicit History(LearnerRecord initial, std::size_t max_depth = 100, std::size_t max_bytes = std::size_t(16) << 20);
    const LearnerRecord& present() const { return *m_present; }
    // The present, shared (records are never changed in place: each step makes a new one),
    // so views can hold it without a copy.
    std::shared_ptr<const LearnerRecord> shared_present() const { return m_present; }
    // On success the new record becomes the present (the result's `record` is then left
    // empty: read present()), and redo is cleared.
    UpdateResult apply(const Action& action);
    void replace(LearnerRecord record);        // e.g. an import: clears undo and redo
    bool can_undo() const { return !m_past.empty(); }
    bool can_redo() const { return !m_future.empty(); }
    bool undo();
    bool redo();
    std::size_t revision() const { return m_revision; }  // bumps on every change
    std::size_t undo_steps() const { return m_past.size(); }
    std::size_t redo_steps() const { return m_future.size(); }

private:
    struct Kept {
        std::shared_ptr<const LearnerRecord> record;
        std::size_t bytes = 0;
    };
    void trim();

    std::shared_ptr<const LearnerRecord> m_present;
    std::vector<Kept> m_past;
    std::vector<Kept> m_future;
    std::size_t m_max_depth;
    std::size_t m_max_bytes;
    std::size_t m_revision = 0;
};

}  // namespace mastery
