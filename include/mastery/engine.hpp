// Pure queries over a learner record: status of every competency level, stack progress
// and automatic awards, next steps with reasons, goal progress, and teacher signals.
// Nothing here changes a record; callers pass "now" explicitly so results are repeatable.
#pragma once

#include "mastery/model.hpp"

#include <map>
#include <string>
#include <unordered_map>
#include <vector>

namespace mastery {

enum class Status { locked, available, in_progress, submitted, not_yet, earned };
const char* to_string(Status s);

struct LevelStatus {
    Status status = Status::locked;
    std::string earned_at;                 // when earned (the approving review's time)
    int attempts = 0;                      // submissions so far
    int not_yet_count = 0;                 // reviews that were "not yet"
    std::vector<std::string> missing;      // why locked: e.g. "Unit rates · Developing"
};

struct StackProgress {
    std::string stack;
    int done = 0;        // members satisfied
    int required = 0;    // members needed ("3 of 5" -> done 3, required 5)
    int members = 0;
    bool complete = false;
    std::string earned_at;  // when the stack became complete (automatic award)
};

struct GoalProgress {
    std::string goal;
    int done = 0;       // levels earned toward the target, or stack members done
    int total = 0;      // target level, or stack members required
    bool complete = false;
    bool overdue = false;  // target date passed and not complete
};

enum class StepKind { start, continue_work, revise, wait_for_review, prerequisite };
const char* to_string(StepKind k);

struct NextStep {
    StepKind kind = StepKind::start;
    std::string competency;
    int level = 1;
    std::string goal;     // the goal it serves
    std::string title;    // "Start Unit rates · Developing"
    std::string reason;   // "unlocks Percent problems · Beginning"
};

enum class SignalKind { stalled, repeated_not_yet, goal_overdue };
const char* to_string(SignalKind k);

struct Signal {
    SignalKind kind;
    std::string subject;  // competency:level, goal id, or "" for the whole record
    std::string message;  // "No activity for 21 days"
};

// All derived state for one record, computed in one pass over the pathway in dependency
// order (linear in competencies + work). Rebuild after each action.
class Progress {
public:
    explicit Progress(const LearnerRecord& record);

    const LevelStatus& level(const std::string& competency, int level) const;
    Status status_of(const std::string& competency, int level) const { return this->level(competency, level).status; }
    int earned_level(const std::string& competency) const;  // highest earned level, 0 = none
    const StackProgress& stack(const std::string& id) const;
    std::vector<StackProgress> stacks() const;  // in pathway order
    GoalProgress goal(const Goal& g, const std::string& today) const;
    std::size_t level_count() const { return m_levels.size(); }
    // Work entries waiting for a reviewer (status submitted): the Review tab's count, read
    // every frame, so counted once here.
    int waiting_for_review() const { return m_waiting; }
    // Competency levels that list (competency, level) as a prerequisite.
    std::vector<std::pair<std::string, int>> unlocks(const std::string& competency, int level) const;

private:
    const LearnerRecord* m_record;
    std::unordered_map<std::string, std::vector<LevelStatus>> m_levels;  // competency -> levels
    std::unordered_map<std::string, StackProgress> m_stacks;
    std::unordered_map<std::string, std::vector<std::pair<std::string, int>>> m_unlocks;  // "id#level"
    LevelStatus m_missing;
    StackProgress m_missing_stack;
    int m_waiting = 0;
};

// Human label for a competency level: "Unit rates · Developing".
std::string level_label(const Pathway& p, const std::string& competency, int level);
std::string level_label(const Pathway& p, const Competency& c, int level);

// The next steps for the plan, in plan order (at most `limit`).
std::vector<NextStep> next_steps(const LearnerRecord& r, const Progress& pr, std::size_t limit = 10);

// Signals a teacher acts on. `now` is ISO 8601 ("2026-11-22T10:00:00Z") or a date.
std::vector<Signal> signals(const LearnerRecord& r, const Progress& pr, const std::string& now);

// Days between two ISO 8601 dates/times (b - a), floor; 0 when either is unreadable.
long days_between(const std::string& a, const std::string& b);

}  // namespace mastery
