// Queries over badge geometry: triangles for immediate-mode drawing (a scanline
// trapezoid decomposition that honours nonzero/even-odd, self-intersections and holes),
// paint colours, hit testing and layer bounds. No ImGui here: the studio feeds the
// vertices to ImDrawList itself.
#include "mastery/badge.hpp"

#include <algorithm>
#include <cmath>

namespace mastery {

Rgba paint_at(const BadgePaint& paint, Vec2 p) {
    if (!paint.gradient) return paint.color;
    double dx = paint.to.x - paint.from.x, dy = paint.to.y - paint.from.y, l2 = dx * dx + dy * dy;
    double t = l2 > 0 ? std::clamp(((p.x - paint.from.x) * dx + (p.y - paint.from.y) * dy) / l2, 0.0, 1.0) : 0.0;
    auto m = [t](std::uint8_t a, std::uint8_t b) { return std::uint8_t(std::lround(a + (b - a) * t)); };
    const Rgba &a = paint.color, &b = paint.color2;
    return {m(a.r, b.r), m(a.g, b.g), m(a.b, b.b), m(a.a, b.a)};
}

namespace {

struct Edge {
    double x0, y0, x1, y1;  // y0 < y1
    int wind;               // +1 when the contour runs downwards
    double x_at(double y) const {
        if (y <= y0) return x0;
        if (y >= y1) return x1;
        return x0 + (x1 - x0) * (y - y0) / (y1 - y0);
    }
};

std::vector<Edge> edges_of(const BadgePolygon& p) {
    std::vector<Edge> out;
    for (const auto& c : p.contours)
        for (std::size_t i = 0, n = c.size(); i < n; ++i) {
            Vec2 a = c[i], b = c[(i + 1) % n];
            if (a.y == b.y) continue;
            if (a.y < b.y) out.push_back({a.x, a.y, b.x, b.y, 1});
            else out.push_back({b.x, b.y, a.x, a.y, -1});
        }
    std::sort(out.begin(), out.end(), [](const Edge& a, const Edge& b) { return a.y0 < b.y0 || (a.y0 == b.y0 && a.x0 < b.x0); });
    return out;
}

bool inside(int winding, FillRule rule) { return rule == FillRule::nonzero ? winding != 0 : (winding & 1) != 0; }

}  // namespace

std::vector<std::array<Vec2, 3>> triangulate(const BadgePolygon& p) {
    std::vector<std::array<Vec2, 3>> out;
    std::vector<Edge> edges = edges_of(p);
    if (edges.empty()) return out;
    // Every y where the set or order of crossing edges can change: vertices and crossings.
    std::vector<double> ys;
    for (const auto& e : edges) ys.push_back(e.y0), ys.push_back(e.y1);
    {
        std::vector<const Edge*> active;
        for (const auto& e : edges) {
            active.erase(std::remove_if(active.begin(), active.end(), [&](const Edge* a) { return a->y1 <= e.y0; }), active.end());
            for (const Edge* a : active) {
                double rx = a->x1 - a->x0, ry = a->y1 - a->y0, sx = e.x1 - e.x0, sy = e.y1 - e.y0;
                double den = rx * sy - ry * sx;
                if (std::fabs(den) < 1e-12) continue;
                double qx = e.x0 - a->x0, qy = e.y0 - a->y0;
                double t = (qx * sy - qy * sx) / den, u = (qx * ry - qy * rx) / den;
                if (t > 0 && t < 1 && u > 0 && u < 1) ys.push_back(a->y0 + t * ry);
            }
            active.push_back(&e);
        }
    }
    std::sort(ys.begin(), ys.end());
    ys.erase(std::unique(ys.begin(), ys.end()), ys.end());

    // Sweep the bands between consecutive ys; a span bounded by the same two edges in
    // consecutive bands grows one trapezoid instead of starting a new one (a vertex of some
    // other contour need not split it), which keeps text and strokes to few triangles.
    struct Cross {
        double xm;
        int wind;
        const Edge* edge;
    };
    struct Open {
        const Edge *left, *right;
        double top, bottom;
        bool seen;
    };
    std::vector<Open> open, still;
    auto emit = [&](const Open& t) {
        Vec2 la{t.left->x_at(t.top), t.top}, ra{t.right->x_at(t.top), t.top};
        Vec2 rb{t.right->x_at(t.bottom), t.bottom}, lb{t.left->x_at(t.bottom), t.bottom};
        if (ra.x - la.x > 1e-12) out.push_back({la, ra, rb});
        if (rb.x - lb.x > 1e-12) out.push_back({la, rb, lb});
    };
    std::size_t next = 0;
    std::vector<const Edge*> active;
    std::vector<Cross> xs;
    for (std::size_t k = 0; k + 1 < ys.size(); ++k) {
        double ya = ys[k], yb = ys[k + 1];
        if (yb - ya < 1e-9) continue;
        while (next < edges.size() && edges[next].y0 <= ya) active.push_back(&edges[next++]);
        active.erase(std::remove_if(active.begin(), active.end(), [&](const Edge* e) { return e->y1 <= ya; }), active.end());
        xs.clear();
        double ym = (ya + yb) / 2;
        for (const Edge* e : active)
            if (e->y0 <= ya && e->y1 >= yb) xs.push_back({e->x_at(ym), e->wind, e});
        std::sort(xs.begin(), xs.end(), [](const Cross& a, const Cross& b) { return a.xm < b.xm; });
        for (auto& t : open) t.seen = false;
        int winding = 0;
        const Edge* left = nullptr;
        for (const auto& c : xs) {
            bool was = inside(winding, p.rule);
            winding += c.wind;
            bool now = inside(winding, p.rule);
            if (!was && now) {
                left = c.edge;
            } else if (was && !now && left) {
                bool grown = false;
                for (auto& t : open)
                    if (!t.seen && t.left == left && t.right == c.edge && t.bottom == ya) {
                        t.bottom = yb;
                        t.seen = grown = true;
                        break;
                    }
                if (!grown) open.push_back({left, c.edge, ya, yb, true});
                left = nullptr;
            }
        }
        still.clear();
        for (const auto& t : open) {
            if (t.seen) still.push_back(t);
            else emit(t);
        }
        open.swap(still);
    }
    for (const auto& t : open) emit(t);
    return out;
}

BadgeMesh badge_mesh(const BadgeGeometry& g) {
    BadgeMesh mesh;
    for (std::size_t i = 0; i < g.polygons.size(); ++i) {
        const auto& poly = g.polygons[i];
        for (const auto& t : triangulate(poly))
            for (Vec2 v : t) mesh.vertices.push_back({v, paint_at(poly.paint, v), int(i)});
    }
    return mesh;
}

namespace {
int winding_at(const BadgePolygon& p, Vec2 pt) {
    int w = 0;
    for (const auto& c : p.contours)
        for (std::size_t i = 0, n = c.size(); i < n; ++i) {
            Vec2 a = c[i], b = c[(i + 1) % n];
            if ((a.y <= pt.y) == (b.y <= pt.y)) continue;
            double x = a.x + (b.x - a.x) * (pt.y - a.y) / (b.y - a.y);
            if (x > pt.x) w += a.y < b.y ? 1 : -1;
        }
    return w;
}
}  // namespace

int hit_test(const BadgeGeometry& g, Vec2 pt) {
    for (std::size_t i = g.polygons.size(); i-- > 0;)
        if (inside(winding_at(g.polygons[i], pt), g.polygons[i].rule)) return g.polygons[i].layer;
    return -1;
}

BadgeBox layer_bounds(const BadgeGeometry& g, int layer) {
    BadgeBox b{1e300, 1e300, -1e300, -1e300};
    for (const auto& p : g.polygons) {
        if (p.layer != layer) continue;
        for (const auto& c : p.contours)
            for (Vec2 v : c) b.x0 = std::min(b.x0, v.x), b.y0 = std::min(b.y0, v.y), b.x1 = std::max(b.x1, v.x), b.y1 = std::max(b.y1, v.y);
    }
    if (b.x1 < b.x0) return BadgeBox{};
    return b;
}

}  // namespace mastery
