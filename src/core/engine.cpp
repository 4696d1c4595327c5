// Derived state of a learner record: one pass in prerequisite order computes every level's
// status; stacks roll up members (nested stacks first); next steps and signals read it.
#include "mastery/engine.hpp"

#include <algorithm>
#include <chrono>
#include <functional>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace mastery {

const char* to_string(Status s) {
    switch (s) {
        case Status::locked: return "locked";
        case Status::available: return "available";
        case Status::in_progress: return "in_progress";
        case Status::submitted: return "submitted";
        case Status::not_yet: return "not_yet";
        case Status::earned: return "earned";
    }
    return "locked";
}

const char* to_string(StepKind k) {
    switch (k) {
        case StepKind::start: return "start";
        case StepKind::continue_work: return "continue";
        case StepKind::revise: return "revise";
        case StepKind::wait_for_review: return "wait_for_review";
        case StepKind::prerequisite: return "prerequisite";
    }
    return "start";
}

const char* to_string(SignalKind k) {
    switch (k) {
        case SignalKind::stalled: return "stalled";
        case SignalKind::repeated_not_yet: return "repeated_not_yet";
        case SignalKind::goal_overdue: return "goal_overdue";
    }
    return "stalled";
}

std::string level_label(const Pathway& p, const std::string& competency, int level) {
    const Competency* c = p.find_competency(competency);
    return c ? level_label(p, *c, level) : competency;
}

std::string level_label(const Pathway& p, const Competency& c, int level) {
    const auto& scale = p.scale_of(c);
    std::string name = (level >= 1 && level <= int(scale.size())) ? scale[std::size_t(level - 1)] : "Level " + std::to_string(level);
    return c.title + " \xC2\xB7 " + name;  // middle dot
}

namespace {

std::string key(const std::string& id, int level) { return id + "#" + std::to_string(level); }

// Competency indices ordered so prerequisites come before the competencies needing them.
// Assumes a validated (acyclic) pathway; anything left over is appended as is.
std::vector<std::size_t> prerequisite_order(const Pathway& p) {
    std::unordered_map<std::string, std::size_t> index;
    for (std::size_t i = 0; i < p.competencies.size(); ++i) index.emplace(p.competencies[i].id, i);
    std::vector<int> waiting(p.competencies.size(), 0);
    std::vector<std::vector<std::size_t>> dependents(p.competencies.size());
    for (std::size_t i = 0; i < p.competencies.size(); ++i)
        for (const auto& pre : p.competencies[i].prerequisites)
            if (auto it = index.find(pre.competency); it != index.end()) {
                ++waiting[i];
                dependents[it->second].push_back(i);
            }
    std::vector<std::size_t> order, ready;
    for (std::size_t i = p.competencies.size(); i-- > 0;)
        if (!waiting[i]) ready.push_back(i);
    std::vector<bool> placed(p.competencies.size(), false);
    while (!ready.empty()) {
        std::size_t n = ready.back();
        ready.pop_back();
        order.push_back(n);
        placed[n] = true;
        for (std::size_t d : dependents[n])
            if (--waiting[d] == 0) ready.push_back(d);
    }
    for (std::size_t i = 0; i < p.competencies.size(); ++i)
        if (!placed[i]) order.push_back(i);
    return order;
}

}  // namespace

Progress::Progress(const LearnerRecord& record) : m_record(&record) {
    const Pathway& p = record.pathway;
    std::unordered_map<std::string, const LevelWork*> work;
    for (const auto& w : record.work) work.emplace(key(w.competency, w.level), &w);
    std::unordered_map<std::string_view, const Competency*> by_id;  // not find_competency's linear search per label
    for (const Competency& c : p.competencies) by_id.emplace(c.id, &c);
    auto label = [&](const std::string& id, int level) {
        auto it = by_id.find(id);
        return it == by_id.end() ? id : level_label(p, *it->second, level);
    };

    for (std::size_t i : prerequisite_order(p)) {
        const Competency& c = p.competencies[i];
        std::size_t count = p.scale_of(c).size();
        auto& levels = m_levels[c.id];
        levels.assign(count, {});
        for (std::size_t l = 0; l < count; ++l) {
            LevelStatus& st = levels[l];
            int level = int(l) + 1;
            const LevelWork* w = nullptr;
            if (auto it = work.find(key(c.id, level)); it != work.end()) w = it->second;
            if (w) {
                st.attempts = int(w->submissions.size());
                for (const auto& rv : w->reviews) {
                    if (rv.earned()) {
                        if (st.earned_at.empty() || rv.at < st.earned_at) st.earned_at = rv.at;
                    } else {
                        ++st.not_yet_count;
                    }
                }
            }
            bool earned = w && std::any_of(w->reviews.begin(), w->reviews.end(), [](auto& r) { return r.earned(); });
            if (earned) {
                st.status = Status::earned;
                continue;
            }
            if (level == 1) {
                for (const auto& pre : c.prerequisites)
                    if (earned_level(pre.competency) < pre.min_level)
                        st.missing.push_back(label(pre.competency, pre.min_level));
            } else if (levels[l - 1].status != Status::earned) {
                st.missing.push_back(level_label(p, c, level - 1));
            }
            if (!st.missing.empty()) {
                st.status = Status::locked;
                continue;
            }
            if (w && !w->submissions.empty()) {
                int latest = w->submissions.back().attempt;
                bool reviewed = std::any_of(w->reviews.begin(), w->reviews.end(), [&](auto& r) { return r.attempt == latest; });
                st.status = reviewed ? Status::not_yet : Status::submitted;
            } else if (w && (!w->evidence.empty() ||
                             std::any_of(w->self_assessment.begin(), w->self_assessment.end(),
                                         [](auto& s) { return s.rating != Rating::unrated; }))) {
                st.status = Status::in_progress;
            } else {
                st.status = Status::available;
            }
        }
        for (const auto& pre : c.prerequisites) m_unlocks[key(pre.competency, pre.min_level)].push_back({c.id, 1});
    }

    // Stacks: members first (nested stacks are acyclic in a validated pathway; the guard
    // set stops runaway recursion on anything else).
    std::unordered_set<std::string> visiting;
    std::function<const StackProgress&(const Stack&)> compute = [&](const Stack& s) -> const StackProgress& {
        if (auto it = m_stacks.find(s.id); it != m_stacks.end()) return it->second;
        StackProgress sp;
        sp.stack = s.id;
        sp.members = int(s.members.size());
        sp.required = s.required_count();
        if (!visiting.insert(s.id).second) return m_missing_stack;
        std::vector<std::string> times;
        for (const auto& m : s.members) {
            if (m.kind == StackMember::Kind::competency) {
                if (earned_level(m.id) >= m.level) {
                    ++sp.done;
                    times.push_back(level(m.id, m.level).earned_at);
                }
            } else if (const Stack* inner = p.find_stack(m.id)) {
                const StackProgress& ip = compute(*inner);
                if (ip.complete) {
                    ++sp.done;
                    times.push_back(ip.earned_at);
                }
            }
        }
        visiting.erase(s.id);
        sp.complete = sp.required > 0 && sp.done >= sp.required;
        if (sp.complete) {
            // Awarded when the required-th member was earned.
            std::sort(times.begin(), times.end());
            sp.earned_at = times[std::size_t(sp.required - 1)];
        }
        return m_stacks[s.id] = sp;
    };
    for (const auto& s : p.stacks) compute(s);
    for (const LevelWork& w : record.work)
        if (status_of(w.competency, w.level) == Status::submitted) ++m_waiting;
}

const LevelStatus& Progress::level(const std::string& competency, int level) const {
    auto it = m_levels.find(competency);
    if (it == m_levels.end() || level < 1 || level > int(it->second.size())) return m_missing;
    return it->second[std::size_t(level - 1)];
}

int Progress::earned_level(const std::string& competency) const {
    auto it = m_levels.find(competency);
    if (it == m_levels.end()) return 0;
    int n = 0;
    while (n < int(it->second.size()) && it->second[std::size_t(n)].status == Status::earned) ++n;
    return n;
}

const StackProgress& Progress::stack(const std::string& id) const {
    auto it = m_stacks.find(id);
    return it == m_stacks.end() ? m_missing_stack : it->second;
}

std::vector<StackProgress> Progress::stacks() const {
    std::vector<StackProgress> out;
    for (const auto& s : m_record->pathway.stacks) out.push_back(stack(s.id));
    return out;
}

std::vector<std::pair<std::string, int>> Progress::unlocks(const std::string& competency, int level) const {
    auto it = m_unlocks.find(key(competency, level));
    return it == m_unlocks.end() ? std::vector<std::pair<std::string, int>>{} : it->second;
}

GoalProgress Progress::goal(const Goal& g, const std::string& today) const {
    GoalProgress gp;
    gp.goal = g.id;
    if (g.kind == Goal::Kind::competency) {
        gp.total = g.target_level;
        gp.done = std::min(earned_level(g.target), g.target_level);
    } else {
        const StackProgress& sp = stack(g.target);
        gp.total = sp.required;
        gp.done = std::min(sp.done, sp.required);
    }
    gp.complete = gp.total > 0 && gp.done >= gp.total;
    gp.overdue = !gp.complete && !g.target_date.empty() && !today.empty() && g.target_date < today.substr(0, 10);
    return gp;
}

// --- next steps -------------------------------------------------------------------------

namespace {

struct StepFinder {
    const LearnerRecord& r;
    const Progress& pr;
    std::vector<NextStep>& out;
    std::unordered_set<std::string> seen;      // steps already listed
    std::unordered_set<std::string> expanded;  // locked levels whose prerequisites were walked

    std::string label(const std::string& c, int l) const { return level_label(r.pathway, c, l); }

    std::string unlock_reason(const std::string& c, int l) const {
        auto unlocks = pr.unlocks(c, l);
        if (unlocks.empty()) return {};
        std::string s = "unlocks " + label(unlocks[0].first, unlocks[0].second);
        if (unlocks.size() > 1) s += " and " + std::to_string(unlocks.size() - 1) + " more";
        return s;
    }

    // Adds the step that moves competency c forward at level l (or what blocks it).
    void step(const std::string& c, int l, const std::string& goal, const std::string& reason, int depth = 0) {
        if (depth > 5000) return;  // deeper than any chain a pathway can hold within the limits
        const LevelStatus& st = pr.level(c, l);
        NextStep s;
        s.competency = c;
        s.level = l;
        s.goal = goal;
        switch (st.status) {
            case Status::earned: return;
            case Status::locked: {
                if (l > 1) return;  // earlier levels of c come first, handled by the caller
                // walk each locked level's prerequisites once: without this, shared
                // prerequisites are revisited along every path (exponential in depth)
                if (!expanded.insert(key(c, l)).second) return;
                const Competency* comp = r.pathway.find_competency(c);
                if (!comp) return;
                for (const auto& pre : comp->prerequisites) {
                    int have = pr.earned_level(pre.competency);
                    if (have < pre.min_level)
                        step(pre.competency, have + 1, goal, "needed before " + label(c, 1), depth + 1);
                }
                return;
            }
            case Status::available:
                s.kind = depth ? StepKind::prerequisite : StepKind::start;
                s.title = "Start " + label(c, l);
                break;
            case Status::in_progress:
                s.kind = StepKind::continue_work;
                s.title = "Finish and submit " + label(c, l);
                break;
            case Status::not_yet: {
                s.kind = StepKind::revise;
                s.title = "Revise and resubmit " + label(c, l);
                break;
            }
            case Status::submitted:
                s.kind = StepKind::wait_for_review;
                s.title = "Wait for feedback on " + label(c, l);
                break;
        }
        if (!seen.insert(key(c, l)).second) return;
        std::string unlock = unlock_reason(c, l);
        s.reason = depth ? reason : (!unlock.empty() && reason.rfind("toward", 0) == 0 ? unlock : reason);
        if (s.kind == StepKind::revise) {
            const LevelWork* w = r.find_work(c, l);
            int grow = 0;
            if (w && !w->reviews.empty())
                for (const auto& d : w->reviews.back().decisions) grow += d.rating == Rating::not_yet;
            s.reason = std::to_string(grow) + (grow == 1 ? " criterion" : " criteria") + " to grow on; read the feedback";
        }
        out.push_back(std::move(s));
    }

    void stack_steps(const Stack& s, const std::string& goal, int depth) {
        if (depth > 32) return;
        const StackProgress& sp = pr.stack(s.id);
        if (sp.complete) return;
        int remaining = sp.required - sp.done;
        for (const auto& m : s.members) {
            if (m.kind == StackMember::Kind::competency) {
                int have = pr.earned_level(m.id);
                if (have >= m.level) continue;
                std::string reason = (remaining == 1 && have + 1 == m.level)
                                         ? "1 step from completing " + s.title
                                         : "counts toward " + s.title + " (" + std::to_string(sp.done) + " of " +
                                               std::to_string(sp.required) + " done)";
                step(m.id, have + 1, goal, reason);
            } else if (const Stack* inner = r.pathway.find_stack(m.id)) {
                stack_steps(*inner, goal, depth + 1);
            }
        }
    }
};

}  // namespace

std::vector<NextStep> next_steps(const LearnerRecord& r, const Progress& pr, std::size_t limit) {
    std::vector<NextStep> out;
    StepFinder f{r, pr, out, {}, {}};
    for (const Goal& g : r.plan) {
        if (g.kind == Goal::Kind::competency) {
            int have = pr.earned_level(g.target);
            if (have >= g.target_level) continue;
            f.step(g.target, have + 1, g.id, "toward your goal: " + level_label(r.pathway, g.target, g.target_level));
        } else if (const Stack* s = r.pathway.find_stack(g.target)) {
            f.stack_steps(*s, g.id, 0);
        }
        if (out.size() >= limit) break;
    }
    if (out.size() > limit) out.resize(limit);
    return out;
}

// --- signals ----------------------------------------------------------------------------

long days_between(const std::string& a, const std::string& b) {
    auto parse = [](const std::string& s) -> std::optional<std::chrono::sys_days> {
        if (s.size() < 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
        for (int i : {0, 1, 2, 3, 5, 6, 8, 9})
            if (!std::isdigit(static_cast<unsigned char>(s[std::size_t(i)]))) return std::nullopt;
        int y = std::stoi(s.substr(0, 4));
        unsigned m = unsigned(std::stoi(s.substr(5, 2))), d = unsigned(std::stoi(s.substr(8, 2)));
        std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
        if (!ymd.ok()) return std::nullopt;
        return std::chrono::sys_days{ymd};
    };
    auto da = parse(a), db = parse(b);
    if (!da || !db) return 0;
    return long((*db - *da).count());
}

std::vector<Signal> signals(const LearnerRecord& r, const Progress& pr, const std::string& now) {
    std::vector<Signal> out;
    std::string last = r.created_at;
    for (const auto& a : r.activity)
        if (a.at > last) last = a.at;
    long quiet = days_between(last, now);
    if (!last.empty() && quiet >= r.settings.stalled_after_days)
        out.push_back({SignalKind::stalled, "", "No activity for " + std::to_string(quiet) + " days"});
    for (const auto& c : r.pathway.competencies)
        for (int l = 1; l <= int(c.levels.size()); ++l) {
            const LevelStatus& st = pr.level(c.id, l);
            if (st.status != Status::earned && st.not_yet_count >= 2)
                out.push_back({SignalKind::repeated_not_yet, c.id + ":" + std::to_string(l),
                               std::to_string(st.not_yet_count) + " \"not yet\" reviews on " + level_label(r.pathway, c.id, l) +
                                   ": time for a conversation"});
        }
    for (const Goal& g : r.plan) {
        GoalProgress gp = pr.goal(g, now);
        if (gp.overdue) {
            std::string what = g.kind == Goal::Kind::competency ? level_label(r.pathway, g.target, g.target_level)
                                                                : (r.pathway.find_stack(g.target) ? r.pathway.find_stack(g.target)->title : g.target);
            out.push_back({SignalKind::goal_overdue, g.id, "Goal \"" + what + "\" was due " + g.target_date});
        }
    }
    return out;
}

}  // namespace mastery
