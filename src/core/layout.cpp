// The layered map layout: longest-path layers over prerequisites, then rows ordered by
// subject and by the barycentre of neighbours in adjacent layers (a few sweeps), then
// coordinates. Authored positions replace computed ones node by node.
#include "mastery/layout.hpp"

#include <algorithm>
#include <functional>
#include <limits>
#include <unordered_set>

namespace mastery {

const NodePlace* MapLayout::find(const std::string& competency) const {
    auto it = index.find(competency);
    return it == index.end() ? nullptr : &nodes[it->second];
}

MapLayout layout_map(const Pathway& p, const LayoutOptions& opt) {
    MapLayout out;
    const std::size_t n = p.competencies.size();
    std::unordered_map<std::string, std::size_t> idx;
    for (std::size_t i = 0; i < n; ++i) idx.emplace(p.competencies[i].id, i);

    // prerequisite edges both ways
    std::vector<std::vector<std::size_t>> pre(n), post(n);
    for (std::size_t i = 0; i < n; ++i)
        for (const auto& q : p.competencies[i].prerequisites)
            if (auto it = idx.find(q.competency); it != idx.end() && it->second != i) {
                pre[i].push_back(it->second);
                post[it->second].push_back(i);
            }

    // layers: longest path from a root, in topological order (Kahn); nodes left in a
    // cycle (an unvalidated file) keep layer 0 rather than looping
    std::vector<int> layer(n, 0), waiting(n, 0);
    std::vector<std::size_t> ready;
    for (std::size_t i = 0; i < n; ++i)
        if (!(waiting[i] = int(pre[i].size()))) ready.push_back(i);
    for (std::size_t k = 0; k < ready.size(); ++k) {
        std::size_t v = ready[k];
        for (std::size_t w : post[v]) {
            layer[w] = std::max(layer[w], layer[v] + 1);
            if (--waiting[w] == 0) ready.push_back(w);
        }
    }
    int layers = 0;
    for (int l : layer) layers = std::max(layers, l + 1);

    // rows: start grouped by subject (first appearance order), then barycentre sweeps
    std::unordered_map<std::string, int> subject_rank;
    for (const auto& c : p.competencies) subject_rank.emplace(c.subject, int(subject_rank.size()));
    std::vector<std::vector<std::size_t>> rows(static_cast<std::size_t>(layers));
    for (std::size_t i = 0; i < n; ++i) rows[std::size_t(layer[i])].push_back(i);
    std::vector<float> pos(n, 0);
    for (auto& row : rows) {
        std::stable_sort(row.begin(), row.end(), [&](std::size_t a, std::size_t b) {
            return subject_rank[p.competencies[a].subject] < subject_rank[p.competencies[b].subject];
        });
        for (std::size_t k = 0; k < row.size(); ++k) pos[row[k]] = float(k);
    }
    auto sweep = [&](bool down) {
        for (int l = down ? 1 : layers - 2; down ? l < layers : l >= 0; l += down ? 1 : -1) {
            auto& row = rows[std::size_t(l)];
            std::vector<std::pair<float, std::size_t>> keyed;
            keyed.reserve(row.size());
            for (std::size_t v : row) {
                const auto& nb = down ? pre[v] : post[v];
                float sum = 0;
                int cnt = 0;
                for (std::size_t u : nb)
                    {
                        sum += pos[u];
                        ++cnt;
                    }
                // nodes without neighbours keep their place; subject order breaks ties
                float key = cnt ? sum / float(cnt) : pos[v];
                keyed.push_back({key + 0.001f * float(subject_rank[p.competencies[v].subject]), v});
            }
            std::stable_sort(keyed.begin(), keyed.end(), [](auto& a, auto& b) { return a.first < b.first; });
            for (std::size_t k = 0; k < keyed.size(); ++k) {
                row[k] = keyed[k].second;
                pos[row[k]] = float(k);
            }
        }
    };
    for (int s = 0; s < opt.sweeps; ++s) sweep(s % 2 == 0);

    // coordinates: columns left to right, each column centred vertically
    std::size_t tallest = 0;
    for (const auto& row : rows) tallest = std::max(tallest, row.size());
    out.nodes.resize(n);
    for (std::size_t l = 0; l < rows.size(); ++l) {
        float offset = (float(tallest) - float(rows[l].size())) * opt.row_gap * 0.5f;
        for (std::size_t k = 0; k < rows[l].size(); ++k) {
            std::size_t v = rows[l][k];
            out.nodes[v] = {p.competencies[v].id, {float(l) * opt.column_gap, offset + float(k) * opt.row_gap}, int(l), false};
        }
    }
    for (std::size_t i = 0; i < n; ++i) {
        if (p.competencies[i].position) {
            out.nodes[i].at = *p.competencies[i].position;
            out.nodes[i].authored = true;
        }
        out.index.emplace(p.competencies[i].id, i);
    }

    // stack regions: boxes around members, nested stacks padded once more per level
    std::unordered_map<std::string, Rect> boxes;
    std::unordered_map<std::string, int> heights;  // how many stacks are nested inside
    std::unordered_set<std::string> visiting;
    std::function<bool(const Stack&, Rect&, int&)> box_of = [&](const Stack& s, Rect& r, int& h) -> bool {
        if (auto it = boxes.find(s.id); it != boxes.end()) {
            r = it->second;
            h = heights[s.id];
            return true;
        }
        if (!visiting.insert(s.id).second) return false;
        bool any = false;
        Rect acc{std::numeric_limits<float>::max(), std::numeric_limits<float>::max(), std::numeric_limits<float>::lowest(),
                 std::numeric_limits<float>::lowest()};
        int inner = 0;
        auto grow = [&](const Rect& b) {
            acc = {std::min(acc.x0, b.x0), std::min(acc.y0, b.y0), std::max(acc.x1, b.x1), std::max(acc.y1, b.y1)};
            any = true;
        };
        for (const auto& m : s.members) {
            if (m.kind == StackMember::Kind::competency) {
                if (const NodePlace* np = out.find(m.id))
                    grow({np->at.x - opt.node_w / 2, np->at.y - opt.node_h / 2, np->at.x + opt.node_w / 2, np->at.y + opt.node_h / 2});
            } else if (const Stack* in = p.find_stack(m.id)) {
                Rect b;
                int hh = 0;
                if (box_of(*in, b, hh)) {
                    grow(b);
                    inner = std::max(inner, hh + 1);
                }
            }
        }
        visiting.erase(s.id);
        if (!any) return false;
        float pad = opt.stack_pad;
        r = {acc.x0 - pad, acc.y0 - pad - 18, acc.x1 + pad, acc.y1 + pad};  // 18: room for the label
        h = inner;
        boxes[s.id] = r;
        heights[s.id] = inner;
        return true;
    };
    int max_height = 0;
    for (const auto& s : p.stacks) {
        Rect r;
        int h = 0;
        if (box_of(s, r, h)) {
            out.stacks.push_back({s.id, r, h});
            max_height = std::max(max_height, h);
        }
    }
    for (auto& sr : out.stacks) sr.depth = max_height - heights[sr.stack];  // outermost first

    // bounds
    bool first = true;
    auto add = [&](const Rect& r) {
        if (first) out.bounds = r;
        else out.bounds = {std::min(out.bounds.x0, r.x0), std::min(out.bounds.y0, r.y0), std::max(out.bounds.x1, r.x1), std::max(out.bounds.y1, r.y1)};
        first = false;
    };
    for (const auto& np : out.nodes) add({np.at.x - opt.node_w / 2, np.at.y - opt.node_h / 2, np.at.x + opt.node_w / 2, np.at.y + opt.node_h / 2});
    for (const auto& sr : out.stacks) add(sr.box);
    return out;
}

}  // namespace mastery
