// Checks on what a pathway or record means, after its fields have been read: ids,
// references, cycles, rules that can never be met. Each problem names its JSON Pointer.
#include "mastery/io.hpp"

#include "mastery/badge.hpp"

#include <algorithm>
#include <functional>
#include <unordered_map>
#include <unordered_set>

namespace mastery {
namespace {

bool valid_id(const std::string& id) {
    if (id.empty() || id.size() > 200) return false;
    return std::all_of(id.begin(), id.end(), [](unsigned char c) {
        return std::isalnum(c) || c == '-' || c == '_' || c == '.';
    });
}

bool http_url(const std::string& url) { return url.rfind("https://", 0) == 0 || url.rfind("http://", 0) == 0; }

std::string quoted(const std::string& s) { return "\"" + s + "\""; }

void check_links(std::vector<Problem>& out, const std::vector<Link>& links, const std::string& ptr) {
    for (std::size_t i = 0; i < links.size(); ++i)
        if (!http_url(links[i].url))
            out.push_back({ptr + "/" + std::to_string(i) + "/url",
                           "only http:// and https:// links are allowed, found " + quoted(links[i].url)});
}

// Finds cycles in a graph given as adjacency lists by node index; calls report(cycle)
// once per cycle found (iteratively, so long chains cannot overflow the stack).
void find_cycles(std::size_t n, const std::function<const std::vector<std::size_t>&(std::size_t)>& edges,
                 const std::function<void(const std::vector<std::size_t>&)>& report) {
    enum Color : unsigned char { white, grey, black };
    std::vector<Color> color(n, white);
    std::vector<std::pair<std::size_t, std::size_t>> stack;  // node, next edge index
    for (std::size_t start = 0; start < n; ++start) {
        if (color[start] != white) continue;
        stack.push_back({start, 0});
        color[start] = grey;
        while (!stack.empty()) {
            auto& [node, next] = stack.back();
            const auto& out = edges(node);
            if (next < out.size()) {
                std::size_t to = out[next++];
                if (color[to] == white) {
                    color[to] = grey;
                    stack.push_back({to, 0});
                } else if (color[to] == grey) {
                    std::vector<std::size_t> cycle;
                    auto it = std::find_if(stack.begin(), stack.end(), [&](auto& f) { return f.first == to; });
                    for (; it != stack.end(); ++it) cycle.push_back(it->first);
                    cycle.push_back(to);
                    report(cycle);
                }
            } else {
                color[node] = black;
                stack.pop_back();
            }
        }
    }
}

bool looks_like_date(const std::string& s) {
    // YYYY-MM-DD, optionally followed by a time
    if (s.size() < 10) return false;
    for (int i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
    return s[4] == '-' && s[7] == '-' && (s.size() == 10 || s[10] == 'T' || s[10] == ' ');
}

}  // namespace

std::vector<Problem> validate_pathway(const Pathway& p, const std::string& base) {
    std::vector<Problem> out;
    if (!valid_id(p.id)) out.push_back({base + "/id", "ids use letters, digits, '-', '_' and '.' only; found " + quoted(p.id)});
    if (p.scale.empty()) out.push_back({base + "/scale", "a pathway needs a level scale with at least one level"});
    if (p.competencies.empty()) out.push_back({base + "/competencies", "a pathway needs at least one competency"});
    if (!p.issuer.url.empty() && !http_url(p.issuer.url))
        out.push_back({base + "/issuer/url", "only http:// and https:// links are allowed, found " + quoted(p.issuer.url)});

    // ids: unique across competencies and stacks
    std::unordered_map<std::string, std::string> seen;  // id -> pointer
    std::unordered_map<std::string, std::size_t> comp_index, stack_index;
    auto claim = [&](const std::string& id, const std::string& ptr) {
        if (!valid_id(id)) {
            out.push_back({ptr + "/id", "ids use letters, digits, '-', '_' and '.' only; found " + quoted(id)});
            return;
        }
        auto [it, fresh] = seen.emplace(id, ptr);
        if (!fresh) out.push_back({ptr + "/id", "duplicate id " + quoted(id) + " (also used at " + it->second + ")"});
    };
    for (std::size_t i = 0; i < p.competencies.size(); ++i) {
        std::string ptr = base + "/competencies/" + std::to_string(i);
        claim(p.competencies[i].id, ptr);
        comp_index.emplace(p.competencies[i].id, i);
    }
    for (std::size_t i = 0; i < p.stacks.size(); ++i) {
        std::string ptr = base + "/stacks/" + std::to_string(i);
        claim(p.stacks[i].id, ptr);
        stack_index.emplace(p.stacks[i].id, i);
    }

    // competencies: levels, criteria, links, references
    std::vector<std::vector<std::size_t>> prereq_edges(p.competencies.size());
    for (std::size_t i = 0; i < p.competencies.size(); ++i) {
        const Competency& c = p.competencies[i];
        std::string ptr = base + "/competencies/" + std::to_string(i);
        const auto& scale = p.scale_of(c);
        if (c.levels.size() != scale.size() && !scale.empty())
            out.push_back({ptr + "/levels", std::to_string(c.levels.size()) + " level(s) given but the scale has " +
                                                std::to_string(scale.size()) + " (one level per scale entry)"});
        for (std::size_t l = 0; l < c.levels.size(); ++l) {
            std::string lp = ptr + "/levels/" + std::to_string(l);
            const LevelDef& level = c.levels[l];
            if (level.criteria.empty()) out.push_back({lp + "/criteria", "a level needs at least one criterion (its public rubric)"});
            std::unordered_set<std::string> crit_ids;
            for (std::size_t k = 0; k < level.criteria.size(); ++k)
                if (!crit_ids.insert(level.criteria[k].id).second)
                    out.push_back({lp + "/criteria/" + std::to_string(k) + "/id",
                                   "duplicate criterion id " + quoted(level.criteria[k].id) + " in this level"});
            check_links(out, level.resources, lp + "/resources");
        }
        check_links(out, c.research, ptr + "/research");
        for (std::size_t k = 0; k < c.prerequisites.size(); ++k) {
            const auto& pre = c.prerequisites[k];
            std::string pp = ptr + "/prerequisites/" + std::to_string(k);
            auto it = comp_index.find(pre.competency);
            if (it == comp_index.end()) {
                out.push_back({pp, "unknown competency " + quoted(pre.competency)});
                continue;
            }
            const Competency& target = p.competencies[it->second];
            std::size_t levels = p.scale_of(target).size();
            if (std::size_t(pre.min_level) > levels)
                out.push_back({pp + "/min_level", "level " + std::to_string(pre.min_level) + " does not exist on " +
                                                      quoted(pre.competency) + " (it has " + std::to_string(levels) + ")"});
            prereq_edges[i].push_back(it->second);
        }
        for (std::size_t k = 0; k < c.related.size(); ++k) {
            if (!comp_index.count(c.related[k]))
                out.push_back({ptr + "/related/" + std::to_string(k), "unknown competency " + quoted(c.related[k])});
            else if (c.related[k] == c.id)
                out.push_back({ptr + "/related/" + std::to_string(k), "a competency cannot be related to itself"});
        }
    }
    std::unordered_set<std::string> reported;
    find_cycles(
        p.competencies.size(), [&](std::size_t n) -> const std::vector<std::size_t>& { return prereq_edges[n]; },
        [&](const std::vector<std::size_t>& cycle) {
            std::string names;
            for (std::size_t n : cycle) names += (names.empty() ? "" : " -> ") + p.competencies[n].id;
            std::size_t first = *std::min_element(cycle.begin(), cycle.end() - 1);
            if (reported.insert(names).second)
                out.push_back({base + "/competencies/" + std::to_string(first) + "/prerequisites",
                               "prerequisite cycle: " + names + " (no one could ever start these)"});
        });

    // stacks: members, rules, nesting
    std::vector<std::vector<std::size_t>> stack_edges(p.stacks.size());
    for (std::size_t i = 0; i < p.stacks.size(); ++i) {
        const Stack& s = p.stacks[i];
        std::string ptr = base + "/stacks/" + std::to_string(i);
        if (s.members.empty()) out.push_back({ptr + "/members", "a stack needs at least one member"});
        for (std::size_t k = 0; k < s.members.size(); ++k) {
            const auto& m = s.members[k];
            std::string mp = ptr + "/members/" + std::to_string(k);
            if (m.kind == StackMember::Kind::competency) {
                auto it = comp_index.find(m.id);
                if (it == comp_index.end()) {
                    out.push_back({mp, "unknown competency " + quoted(m.id)});
                    continue;
                }
                std::size_t levels = p.scale_of(p.competencies[it->second]).size();
                if (std::size_t(m.level) > levels)
                    out.push_back({mp + "/level", "level " + std::to_string(m.level) + " does not exist on " + quoted(m.id) +
                                                      " (it has " + std::to_string(levels) + ")"});
            } else {
                auto it = stack_index.find(m.id);
                if (it == stack_index.end()) out.push_back({mp, "unknown stack " + quoted(m.id)});
                else stack_edges[i].push_back(it->second);
            }
        }
        if (std::size_t(s.required) > s.members.size())
            out.push_back({ptr + "/required", "needs " + std::to_string(s.required) + " of " +
                                                  std::to_string(s.members.size()) + " members: the rule can never be met"});
    }
    find_cycles(
        p.stacks.size(), [&](std::size_t n) -> const std::vector<std::size_t>& { return stack_edges[n]; },
        [&](const std::vector<std::size_t>& cycle) {
            std::string names;
            for (std::size_t n : cycle) names += (names.empty() ? "" : " -> ") + p.stacks[n].id;
            std::size_t first = *std::min_element(cycle.begin(), cycle.end() - 1);
            out.push_back({base + "/stacks/" + std::to_string(first) + "/members",
                           "stacks contain each other: " + names + " (none of them could be completed)"});
        });
    return out;
}

std::vector<Problem> validate_record(const LearnerRecord& r) {
    std::vector<Problem> out = validate_pathway(r.pathway, "/pathway");
    if (!out.empty()) return out;  // references below need a sound pathway
    const Pathway& p = r.pathway;
    if (r.pathway_ref.id != p.id)
        out.push_back({"/pathway_ref/id", "the record is for pathway " + quoted(r.pathway_ref.id) +
                                              " but carries a copy of " + quoted(p.id)});
    if (!r.pathway_ref.hash.empty() && r.pathway_ref.hash != content_hash(p))
        out.push_back({"/pathway_ref/hash", "does not match the embedded pathway (the file was changed outside the app or damaged)"});
    if (!r.created_at.empty() && !looks_like_date(r.created_at))
        out.push_back({"/created_at", "not a date (expected ISO 8601 like 2026-11-22T10:00:00Z)"});

    auto levels_of = [&](const std::string& id) -> int {
        const Competency* c = p.find_competency(id);
        return c ? int(p.scale_of(*c).size()) : 0;
    };
    std::unordered_set<std::string> goal_ids;
    for (std::size_t i = 0; i < r.plan.size(); ++i) {
        const Goal& g = r.plan[i];
        std::string ptr = "/plan/" + std::to_string(i);
        if (!goal_ids.insert(g.id).second) out.push_back({ptr + "/id", "duplicate goal id " + quoted(g.id)});
        if (g.kind == Goal::Kind::competency) {
            int levels = levels_of(g.target);
            if (!levels) out.push_back({ptr + "/competency", "unknown competency " + quoted(g.target)});
            else if (g.target_level > levels)
                out.push_back({ptr + "/target_level", "level " + std::to_string(g.target_level) + " does not exist on " +
                                                          quoted(g.target) + " (it has " + std::to_string(levels) + ")"});
        } else if (!p.find_stack(g.target)) {
            out.push_back({ptr + "/stack", "unknown stack " + quoted(g.target)});
        }
        if (!g.target_date.empty() && !looks_like_date(g.target_date))
            out.push_back({ptr + "/target_date", "not a date (expected YYYY-MM-DD)"});
    }

    std::unordered_set<std::string> evidence_ids, work_keys;
    for (std::size_t i = 0; i < r.work.size(); ++i) {
        const LevelWork& w = r.work[i];
        std::string ptr = "/work/" + std::to_string(i);
        const Competency* c = p.find_competency(w.competency);
        if (!c) {
            out.push_back({ptr + "/competency", "unknown competency " + quoted(w.competency)});
            continue;
        }
        if (w.level > int(c->levels.size())) {
            out.push_back({ptr + "/level", "level " + std::to_string(w.level) + " does not exist on " + quoted(w.competency)});
            continue;
        }
        if (!work_keys.insert(w.competency + "#" + std::to_string(w.level)).second)
            out.push_back({ptr, "a second entry for " + quoted(w.competency) + " level " + std::to_string(w.level)});
        const LevelDef& level = c->levels[std::size_t(w.level - 1)];
        auto has_criterion = [&](const std::string& id) {
            return std::any_of(level.criteria.begin(), level.criteria.end(), [&](auto& k) { return k.id == id; });
        };
        std::unordered_set<std::string> here;
        for (std::size_t k = 0; k < w.evidence.size(); ++k) {
            const Evidence& e = w.evidence[k];
            std::string ep = ptr + "/evidence/" + std::to_string(k);
            if (!evidence_ids.insert(e.id).second) out.push_back({ep + "/id", "duplicate evidence id " + quoted(e.id)});
            here.insert(e.id);
            if (e.kind == EvidenceKind::link && !http_url(e.url))
                out.push_back({ep + "/url", "only http:// and https:// links are allowed, found " + quoted(e.url)});
            if (e.kind == EvidenceKind::image && (e.bytes.empty() || e.mime.rfind("image/", 0) != 0))
                out.push_back({ep, "an image needs \"data\" and an image \"mime\" type"});
        }
        for (std::size_t k = 0; k < w.self_assessment.size(); ++k)
            if (!has_criterion(w.self_assessment[k].criterion))
                out.push_back({ptr + "/self_assessment/" + std::to_string(k) + "/criterion",
                               "unknown criterion " + quoted(w.self_assessment[k].criterion)});
        for (std::size_t k = 0; k < w.submissions.size(); ++k) {
            const Submission& s = w.submissions[k];
            std::string sp = ptr + "/submissions/" + std::to_string(k);
            if (s.attempt != int(k) + 1)
                out.push_back({sp + "/attempt", "attempts are numbered 1, 2, ... in order; expected " + std::to_string(k + 1)});
            for (std::size_t e = 0; e < s.evidence.size(); ++e)
                if (!here.count(s.evidence[e]))
                    out.push_back({sp + "/evidence/" + std::to_string(e), "unknown evidence " + quoted(s.evidence[e])});
        }
        for (std::size_t k = 0; k < w.reviews.size(); ++k) {
            const Review& rv = w.reviews[k];
            std::string rp = ptr + "/reviews/" + std::to_string(k);
            if (rv.attempt < 1 || rv.attempt > int(w.submissions.size()))
                out.push_back({rp + "/attempt", "reviews attempt " + std::to_string(rv.attempt) + " but only " +
                                                    std::to_string(w.submissions.size()) + " submission(s) exist"});
            for (std::size_t d = 0; d < rv.decisions.size(); ++d) {
                const auto& dec = rv.decisions[d];
                std::string dp = rp + "/decisions/" + std::to_string(d);
                if (!has_criterion(dec.criterion)) out.push_back({dp + "/criterion", "unknown criterion " + quoted(dec.criterion)});
                if (dec.rating == Rating::unrated) out.push_back({dp + "/rating", "a review decides \"met\" or \"not_yet\""});
            }
        }
    }
    // badge designs: drawn on screen and baked into files, so held to the same rules
    for (Problem& bp : validate_badge_designs(r)) out.push_back(std::move(bp));
    return out;
}

}  // namespace mastery
