// Layered map layout: depth by prerequisites (columns), subjects as lanes (rows of
// columns), stack members first in each column so stack regions stay compact.
#include "ui/map_scene.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <map>
#include <unordered_set>

namespace mastery::ui {

namespace {

constexpr float kLaneLabel = 124;  // room above a lane's first row: its name, then stack labels

void grow(MapRect& b, const MapRect& r) {
    b.x0 = std::min(b.x0, r.x0);
    b.y0 = std::min(b.y0, r.y0);
    b.x1 = std::max(b.x1, r.x1);
    b.y1 = std::max(b.y1, r.y1);
}

MapRect empty_rect() {
    const float inf = std::numeric_limits<float>::max();
    return {inf, inf, -inf, -inf};
}

// Depth = longest prerequisite chain below a competency. Iterative, cycle-safe.
std::vector<int> depths(const Pathway& p, const std::unordered_map<std::string, int>& index) {
    const int n = static_cast<int>(p.competencies.size());
    std::vector<int> depth(n, -1);
    std::vector<char> state(n, 0);  // 0 new, 1 on stack, 2 done
    std::vector<std::pair<int, std::size_t>> stack;
    for (int root = 0; root < n; ++root) {
        if (state[root]) continue;
        stack.push_back({root, 0});
        state[root] = 1;
        while (!stack.empty()) {
            auto& [v, next] = stack.back();
            const auto& pre = p.competencies[v].prerequisites;
            if (next < pre.size()) {
                auto it = index.find(pre[next++].competency);
                if (it != index.end() && state[it->second] == 0) {
                    state[it->second] = 1;
                    stack.push_back({it->second, 0});
                }
                continue;
            }
            int d = 0;
            for (const Prerequisite& q : pre) {
                auto it = index.find(q.competency);
                if (it != index.end() && state[it->second] == 2) d = std::max(d, depth[it->second] + 1);
            }
            depth[v] = d;
            state[v] = 2;
            stack.pop_back();
        }
    }
    return depth;
}

// Competency members of a stack, nested stacks expanded (each stack once).
void members_of(const Pathway& p, int s, const std::unordered_map<std::string, int>& comp_index,
                const std::unordered_map<std::string, int>& stack_index, std::unordered_set<int>& seen_stacks,
                std::vector<int>& out) {
    if (!seen_stacks.insert(s).second) return;
    for (const StackMember& m : p.stacks[s].members) {
        if (m.kind == StackMember::Kind::competency) {
            auto it = comp_index.find(m.id);
            if (it != comp_index.end() && std::find(out.begin(), out.end(), it->second) == out.end()) out.push_back(it->second);
        } else {
            auto it = stack_index.find(m.id);
            if (it != stack_index.end()) members_of(p, it->second, comp_index, stack_index, seen_stacks, out);
        }
    }
}

}  // namespace

MapScene build_map_scene(const Pathway& p) {
    MapScene L;
    const int n = static_cast<int>(p.competencies.size());
    L.nodes.resize(n);
    L.subject.resize(n);
    for (int i = 0; i < n; ++i) L.index.emplace(p.competencies[i].id, i);
    std::unordered_map<std::string, int> stack_index;
    for (int s = 0; s < static_cast<int>(p.stacks.size()); ++s) stack_index.emplace(p.stacks[s].id, s);

    std::map<std::string, int> subject_of;
    for (int i = 0; i < n; ++i) {
        const std::string& s = p.competencies[i].subject;
        auto [it, added] = subject_of.emplace(s, static_cast<int>(L.subjects.size()));
        if (added) L.subjects.push_back(s);
        L.subject[i] = it->second;
    }

    // Stack membership: the first stack a competency belongs to keeps it near its siblings.
    std::vector<std::vector<int>> stack_members(p.stacks.size());
    std::vector<int> primary_stack(n, std::numeric_limits<int>::max());
    for (int s = 0; s < static_cast<int>(p.stacks.size()); ++s) {
        std::unordered_set<int> seen;
        members_of(p, s, L.index, stack_index, seen, stack_members[s]);
        for (int m : stack_members[s]) primary_stack[m] = std::min(primary_stack[m], s);
    }

    // Authored positions are honoured; the rest are laid out automatically.
    MapRect authored = empty_rect();
    int authored_count = 0;
    for (int i = 0; i < n; ++i) {
        if (const auto& pos = p.competencies[i].position) {
            L.nodes[i] = {pos->x, pos->y, pos->x + MapScene::kNodeW, pos->y + MapScene::kNodeH};
            grow(authored, L.nodes[i]);
            ++authored_count;
        }
    }
    L.authored = authored_count == n && n > 0;

    if (!L.authored) {
        const std::vector<int> depth = depths(p, L.index);
        int max_depth = 0;
        for (int i = 0; i < n; ++i) max_depth = std::max(max_depth, depth[i]);
        // columns[lane][depth] -> competencies, then ordered
        const int lanes = static_cast<int>(L.subjects.size());
        std::vector<std::vector<std::vector<int>>> columns(lanes, std::vector<std::vector<int>>(max_depth + 1));
        for (int i = 0; i < n; ++i)
            if (!p.competencies[i].position) columns[L.subject[i]][depth[i]].push_back(i);

        std::vector<float> row(n, 0.0f);
        float y = authored_count ? authored.y1 + MapScene::kLaneGap : 0.0f;
        const float x_end = max_depth * MapScene::kColW + MapScene::kNodeW;
        for (int lane = 0; lane < lanes; ++lane) {
            int rows = 0;
            for (int d = 0; d <= max_depth; ++d) {
                auto& col = columns[lane][d];
                // barycentre of prerequisites already placed in this lane
                std::vector<float> bary(col.size(), std::numeric_limits<float>::max());
                for (std::size_t k = 0; k < col.size(); ++k) {
                    float sum = 0;
                    int count = 0;
                    for (const Prerequisite& q : p.competencies[col[k]].prerequisites) {
                        auto it = L.index.find(q.competency);
                        if (it != L.index.end() && L.subject[it->second] == lane && depth[it->second] < d) {
                            sum += row[it->second];
                            ++count;
                        }
                    }
                    if (count) bary[k] = sum / count;
                }
                std::vector<std::size_t> order(col.size());
                for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
                std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
                    if (primary_stack[col[a]] != primary_stack[col[b]]) return primary_stack[col[a]] < primary_stack[col[b]];
                    return bary[a] < bary[b];
                });
                std::vector<int> sorted;
                for (std::size_t k : order) sorted.push_back(col[k]);
                col = sorted;
                for (std::size_t k = 0; k < col.size(); ++k) row[col[k]] = static_cast<float>(k);
                rows = std::max(rows, static_cast<int>(col.size()));
            }
            if (rows == 0) continue;
            const float top = y + kLaneLabel;
            for (int d = 0; d <= max_depth; ++d) {
                const auto& col = columns[lane][d];
                for (std::size_t k = 0; k < col.size(); ++k) {
                    const float nx = d * MapScene::kColW, ny = top + k * MapScene::kRowH;
                    L.nodes[col[k]] = {nx, ny, nx + MapScene::kNodeW, ny + MapScene::kNodeH};
                }
            }
            const float bottom = top + (rows - 1) * MapScene::kRowH + MapScene::kNodeH + 28;
            L.lanes.push_back({L.subjects[lane], {-40, y, x_end + 40, bottom}});
            y = bottom + MapScene::kLaneGap;
        }
    }

    // Stack regions: a halo around each member plus bridges between neighbours in a row or
    // a column, so a region covers its members and not the skills between them.
    std::vector<int> shared_depth(n, 0);
    for (int s = 0; s < static_cast<int>(p.stacks.size()); ++s) {
        StackArea R;
        R.stack = s;
        R.bounds = empty_rect();
        auto& members = stack_members[s];
        if (members.empty()) continue;
        int nest = 0;
        for (int m : members) nest = std::max(nest, shared_depth[m]);
        for (int m : members) shared_depth[m] = nest + 1;
        const float pad = 12.0f + 9.0f * std::min(nest, 3);
        for (int m : members) {
            const MapRect& r = L.nodes[m];
            MapRect h{r.x0 - pad, r.y0 - pad, r.x1 + pad, r.y1 + pad};
            R.pieces.push_back(h);
            grow(R.bounds, h);
        }
        auto bridge = [&](bool by_row) {
            std::vector<int> order = members;
            std::sort(order.begin(), order.end(), [&](int a, int b) {
                const MapRect &ra = L.nodes[a], &rb = L.nodes[b];
                return by_row ? std::tie(ra.y0, ra.x0) < std::tie(rb.y0, rb.x0) : std::tie(ra.x0, ra.y0) < std::tie(rb.x0, rb.y0);
            });
            for (std::size_t k = 1; k < order.size(); ++k) {
                const MapRect &a = L.nodes[order[k - 1]], &b = L.nodes[order[k]];
                if (by_row && std::fabs(a.y0 - b.y0) < 1 && b.x0 - a.x1 <= MapScene::kColW - MapScene::kNodeW + 1)
                    R.pieces.push_back({a.x1, a.y0 - pad, b.x0, a.y1 + pad});
                if (!by_row && std::fabs(a.x0 - b.x0) < 1 && b.y0 - a.y1 <= MapScene::kRowH - MapScene::kNodeH + 1)
                    R.pieces.push_back({a.x0 - pad, a.y1, a.x1 + pad, b.y0});
            }
        };
        bridge(true);
        bridge(false);
        const int first = *std::min_element(members.begin(), members.end(), [&](int a, int b) {
            return std::tie(L.nodes[a].y0, L.nodes[a].x0) < std::tie(L.nodes[b].y0, L.nodes[b].x0);
        });
        R.label_x = L.nodes[first].x0 - pad;
        R.label_y = L.nodes[first].y0 - pad - 26;
        R.bounds.y0 = std::min(R.bounds.y0, R.label_y);
        L.stacks.push_back(std::move(R));
    }

    for (int j = 0; j < n; ++j) {
        const auto& pre = p.competencies[j].prerequisites;
        for (std::size_t q = 0; q < pre.size(); ++q) {
            auto it = L.index.find(pre[q].competency);
            if (it != L.index.end()) L.arrows.push_back({it->second, j, static_cast<int>(q)});
        }
    }
    for (int i = 0; i < n; ++i) {
        for (const std::string& other : p.competencies[i].related) {
            auto it = L.index.find(other);
            if (it == L.index.end()) continue;
            const int j = it->second;
            const auto& back = p.competencies[j].related;
            if (j < i && std::find(back.begin(), back.end(), p.competencies[i].id) != back.end()) continue;
            L.related.emplace_back(i, j);
        }
    }

    L.bounds = empty_rect();
    for (const MapRect& r : L.nodes) grow(L.bounds, r);
    for (const MapLane& l : L.lanes) grow(L.bounds, l.rect);
    for (const StackArea& s : L.stacks) grow(L.bounds, s.bounds);
    if (n == 0) L.bounds = {0, 0, MapScene::kNodeW, MapScene::kNodeH};
    return L;
}

}  // namespace mastery::ui
