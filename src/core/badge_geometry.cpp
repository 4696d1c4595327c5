// Design -> geometry: the flat list of filled polygons (pixels) that ImGui, SVG and the
// PNG rasteriser all draw. Shapes, borders (thick closed polylines, optionally dashed),
// ribbons, fills (gradients span their polygon; patterns are clipped to the shape), text
// and icons (outlines from a GlyphSource), freehand strokes (thick polylines with round
// joins) and eraser strokes (a signed-distance field traced by marching squares).
#include "mastery/badge.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <unordered_map>

namespace mastery {
namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double kTolerance = 0.12;  // pixels: how far a flattened curve may stray

using Contour = std::vector<Vec2>;
using Contours = std::vector<Contour>;

Vec2 operator+(Vec2 a, Vec2 b) { return {a.x + b.x, a.y + b.y}; }
Vec2 operator-(Vec2 a, Vec2 b) { return {a.x - b.x, a.y - b.y}; }
Vec2 operator*(Vec2 a, double s) { return {a.x * s, a.y * s}; }
double dot(Vec2 a, Vec2 b) { return a.x * b.x + a.y * b.y; }
double cross(Vec2 a, Vec2 b) { return a.x * b.y - a.y * b.x; }
double length(Vec2 a) { return std::sqrt(dot(a, a)); }
Vec2 unit(Vec2 a) {
    double l = length(a);
    return l > 0 ? a * (1 / l) : Vec2{1, 0};
}
Vec2 polar(double angle, double r) { return {std::cos(angle) * r, std::sin(angle) * r}; }

// x' = a x + c y + tx, y' = b x + d y + ty. Only rotations, uniform scales and
// translations are ever composed, so widths and radii scale by scale().
struct Affine {
    double a = 1, b = 0, c = 0, d = 1, tx = 0, ty = 0;
    Vec2 operator()(Vec2 p) const { return {a * p.x + c * p.y + tx, b * p.x + d * p.y + ty}; }
    Vec2 vector(Vec2 v) const { return {a * v.x + c * v.y, b * v.x + d * v.y}; }
    double scale() const { return std::sqrt(std::fabs(a * d - b * c)); }
    Affine operator*(const Affine& n) const {  // this after n
        return {a * n.a + c * n.b, b * n.a + d * n.b, a * n.c + c * n.d, b * n.c + d * n.d,
                a * n.tx + c * n.ty + tx, b * n.tx + d * n.ty + ty};
    }
};
Affine translate(double x, double y) { return {1, 0, 0, 1, x, y}; }
Affine scaling(double s) { return {s, 0, 0, s, 0, 0}; }
Affine rotation_deg(double deg) {  // clockwise on screen (y down)
    double r = deg * kPi / 180, cs = std::cos(r), sn = std::sin(r);
    return {cs, sn, -sn, cs, 0, 0};
}

Affine layer_transform(const BadgeLayer& l, double px_per_unit) {
    return scaling(px_per_unit) * translate(l.x, l.y) * rotation_deg(l.rotation) * scaling(l.scale);
}

// Segments for an arc of `sweep` radians at `radius` pixels so the chord error stays small.
int arc_segments(double radius, double sweep) {
    sweep = std::fabs(sweep);
    if (radius <= kTolerance) return std::max(1, int(std::ceil(sweep / (kPi / 2))));
    double step = 2 * std::acos(std::max(-1.0, 1 - kTolerance / radius));
    return std::clamp(int(std::ceil(sweep / step)), std::max(1, int(std::ceil(sweep / (kPi / 4)))), 1024);
}

Contour transformed(const Contour& c, const Affine& m) {
    Contour out;
    out.reserve(c.size());
    for (Vec2 p : c) out.push_back(m(p));
    return out;
}

// --- shapes (layer-local design units, centred on 0) ------------------------------------

void push_arc(Contour& out, Vec2 c, double r, double a0, double sweep, int n, bool first, bool last) {
    for (int i = first ? 0 : 1; i <= (last ? n : n - 1); ++i) out.push_back(c + polar(a0 + sweep * i / n, r));
}

void push_cubic(Contour& out, Vec2 p0, Vec2 c1, Vec2 c2, Vec2 p3, double px_scale) {
    Vec2 dd1 = p0 - c1 * 2 + c2, dd2 = c1 - c2 * 2 + p3;
    double m = std::max(length(dd1), length(dd2)) * px_scale;
    int n = std::clamp(int(std::ceil(std::sqrt(3 * m / (4 * kTolerance)))), 1, 200);
    for (int i = 1; i <= n; ++i) {
        double t = double(i) / n, u = 1 - t;
        out.push_back(p0 * (u * u * u) + c1 * (3 * u * u * t) + c2 * (3 * u * t * t) + p3 * (t * t * t));
    }
}

// The outline of a shape in a box of side `size`; `px` = pixels per local unit.
Contour shape_outline(const BadgeLayer& l, double px) {
    double h = l.size / 2;
    Contour out;
    switch (l.shape) {
        case BadgeShape::circle: {
            int n = arc_segments(h * px, 2 * kPi);
            push_arc(out, {0, 0}, h, -kPi / 2, 2 * kPi, n, true, false);
            break;
        }
        case BadgeShape::hexagon:
            for (int i = 0; i < 6; ++i) out.push_back(polar(-kPi / 2 + i * kPi / 3, h));
            break;
        case BadgeShape::diamond:
            out = {{0, -h}, {h, 0}, {0, h}, {-h, 0}};
            break;
        case BadgeShape::star: {
            int n = std::clamp(l.points, 3, 24);
            for (int i = 0; i < 2 * n; ++i) out.push_back(polar(-kPi / 2 + i * kPi / n, i % 2 ? h * l.inner : h));
            break;
        }
        case BadgeShape::rounded_square: {
            double s = 0.9 * h, r = 0.2 * l.size;
            int n = arc_segments(r * px, kPi / 2);
            push_arc(out, {s - r, -s + r}, r, -kPi / 2, kPi / 2, n, true, true);
            push_arc(out, {s - r, s - r}, r, 0, kPi / 2, n, true, true);
            push_arc(out, {-s + r, s - r}, r, kPi / 2, kPi / 2, n, true, true);
            push_arc(out, {-s + r, -s + r}, r, kPi, kPi / 2, n, true, true);
            break;
        }
        case BadgeShape::shield: {
            // A heater shield: gently arched top, straight sides, curves meeting in a point.
            Vec2 tl{-0.84 * h, -0.9 * h}, tr{0.84 * h, -0.9 * h};
            out.push_back(tl);
            Contour top;
            Vec2 q{0, -1.02 * h};  // quadratic arch as a cubic
            push_cubic(top, tl, tl + (q - tl) * (2.0 / 3), tr + (q - tr) * (2.0 / 3), tr, px);
            out.insert(out.end(), top.begin(), top.end());
            out.push_back({0.84 * h, 0.02 * h});
            push_cubic(out, {0.84 * h, 0.02 * h}, {0.84 * h, 0.55 * h}, {0.42 * h, 0.82 * h}, {0, h}, px);
            push_cubic(out, {0, h}, {-0.42 * h, 0.82 * h}, {-0.84 * h, 0.55 * h}, {-0.84 * h, 0.02 * h}, px);
            break;
        }
    }
    return out;
}

// --- thick polylines --------------------------------------------------------------------
// The outline of a stroke is traced as one contour per side with round outer joins and
// "pivot" inner joins (through the centre point). Filled with the nonzero rule it is the
// exact union of the segments' rectangles and the join/cap discs, because every piece
// winds the same way (self-overlaps count 2, never 0).

Vec2 side_normal(Vec2 d) { return {d.y, -d.x}; }

void push_join(Contour& out, Vec2 c, Vec2 din, Vec2 dout, double r) {
    Vec2 na = side_normal(din), nb = side_normal(dout);
    double turn = std::atan2(cross(din, dout), dot(din, dout));
    if (turn > 1e-9) {
        push_arc(out, c, r, std::atan2(na.y, na.x), turn, arc_segments(r, turn), true, true);
    } else if (turn < -1e-9) {
        out.push_back(c + na * r);
        out.push_back(c);
        out.push_back(c + nb * r);
    } else {
        out.push_back(c + na * r);
    }
}

std::vector<Vec2> dedupe(const std::vector<Vec2>& pts, bool closed) {
    std::vector<Vec2> out;
    for (Vec2 p : pts)
        if (out.empty() || length(p - out.back()) > 1e-6) out.push_back(p);
    if (closed)
        while (out.size() > 1 && length(out.front() - out.back()) <= 1e-6) out.pop_back();
    return out;
}

void circle_contour(Contours& out, Vec2 c, double r) {
    Contour k;
    push_arc(k, c, r, 0, 2 * kPi, std::max(8, arc_segments(r, 2 * kPi)), true, false);
    out.push_back(std::move(k));
}

// One side of an open polyline (at least two distinct points), from start to end.
Contour open_side(const std::vector<Vec2>& p, double r) {
    Contour out;
    std::size_t n = p.size();
    out.push_back(p[0] + side_normal(unit(p[1] - p[0])) * r);
    for (std::size_t i = 1; i + 1 < n; ++i) push_join(out, p[i], unit(p[i] - p[i - 1]), unit(p[i + 1] - p[i]), r);
    out.push_back(p[n - 1] + side_normal(unit(p[n - 1] - p[n - 2])) * r);
    return out;
}

void open_stroke(const std::vector<Vec2>& input, double r, Contours& out) {
    std::vector<Vec2> p = dedupe(input, false);
    if (p.empty() || r <= 0) return;
    if (p.size() == 1) {
        circle_contour(out, p[0], r);
        return;
    }
    std::vector<Vec2> back(p.rbegin(), p.rend());
    Contour k = open_side(p, r);
    Vec2 ne = side_normal(unit(p.back() - p[p.size() - 2]));
    push_arc(k, p.back(), r, std::atan2(ne.y, ne.x), kPi, arc_segments(r, kPi), false, false);
    Contour b = open_side(back, r);
    k.insert(k.end(), b.begin(), b.end());
    Vec2 ns = side_normal(unit(back.back() - back[back.size() - 2]));
    push_arc(k, p.front(), r, std::atan2(ns.y, ns.x), kPi, arc_segments(r, kPi), false, false);
    out.push_back(std::move(k));
}

Contour closed_side(const std::vector<Vec2>& p, double r) {
    Contour out;
    std::size_t n = p.size();
    for (std::size_t i = 0; i < n; ++i) push_join(out, p[i], unit(p[i] - p[(i + n - 1) % n]), unit(p[(i + 1) % n] - p[i]), r);
    return out;
}

void closed_stroke(const std::vector<Vec2>& ring, double r, Contours& out) {
    std::vector<Vec2> p = dedupe(ring, true);
    if (p.size() < 3 || r <= 0) return;
    out.push_back(closed_side(p, r));
    std::vector<Vec2> back(p.rbegin(), p.rend());
    out.push_back(closed_side(back, r));
}

// Dashes along a closed ring: visible dashes of about `dash` pixels (caps included) with
// gaps of the same length; dash <= width gives dots.
void dashed_ring(const std::vector<Vec2>& ring, double r, double dash, Contours& out) {
    std::vector<Vec2> p = dedupe(ring, true);
    if (p.size() < 3) return;
    p.push_back(p.front());
    std::vector<double> at{0};
    for (std::size_t i = 1; i < p.size(); ++i) at.push_back(at.back() + length(p[i] - p[i - 1]));
    double total = at.back();
    int count = std::max(2, int(std::lround(total / (2 * dash))));
    double period = total / count, on = std::max(0.0, period / 2 - 2 * r);
    auto point_at = [&](double s) {
        std::size_t i = std::size_t(std::upper_bound(at.begin(), at.end(), s) - at.begin());
        i = std::clamp<std::size_t>(i, 1, p.size() - 1);
        double seg = at[i] - at[i - 1], t = seg > 0 ? (s - at[i - 1]) / seg : 0;
        return std::pair{p[i - 1] + (p[i] - p[i - 1]) * t, i};
    };
    for (int k = 0; k < count; ++k) {
        double s0 = k * period, s1 = s0 + on;
        auto [a, ia] = point_at(s0);
        auto [b, ib] = point_at(s1);
        std::vector<Vec2> piece{a};
        for (std::size_t i = ia; i < ib; ++i) piece.push_back(p[i]);
        piece.push_back(b);
        open_stroke(piece, r, out);
    }
}

// --- clipping a shape by a convex piece (pattern stripes and dots) ----------------------

double signed_area(const Contour& c) {
    double a = 0;
    for (std::size_t i = 0, n = c.size(); i < n; ++i) a += cross(c[i], c[(i + 1) % n]);
    return a / 2;
}

Contour clip_convex(const Contour& subject, const Contour& clip) {
    Contour out = subject;
    double orient = signed_area(clip) >= 0 ? 1 : -1;
    for (std::size_t i = 0, n = clip.size(); i < n && !out.empty(); ++i) {
        Vec2 a = clip[i], b = clip[(i + 1) % n];
        auto inside = [&](Vec2 p) { return orient * cross(b - a, p - a) >= 0; };
        auto hit = [&](Vec2 p, Vec2 q) {
            double dp = cross(b - a, p - a), dq = cross(b - a, q - a);
            return p + (q - p) * (dp / (dp - dq));
        };
        Contour in = std::move(out);
        out.clear();
        for (std::size_t k = 0, m = in.size(); k < m; ++k) {
            Vec2 cur = in[k], prev = in[(k + m - 1) % m];
            bool ci = inside(cur), pi = inside(prev);
            if (ci) {
                if (!pi) out.push_back(hit(prev, cur));
                out.push_back(cur);
            } else if (pi) {
                out.push_back(hit(prev, cur));
            }
        }
    }
    if (out.size() < 3 || std::fabs(signed_area(out)) < 1e-9) out.clear();
    return out;
}

bool inside_contour(const Contour& c, Vec2 p) {
    bool in = false;
    for (std::size_t i = 0, j = c.size() - 1; i < c.size(); j = i++)
        if ((c[i].y > p.y) != (c[j].y > p.y) && p.x < (c[j].x - c[i].x) * (p.y - c[i].y) / (c[j].y - c[i].y) + c[i].x) in = !in;
    return in;
}

// --- eraser: signed distance field + marching squares -----------------------------------

struct Capsules {  // a polyline with a radius, in pixels
    std::vector<Vec2> points;
    double r = 0;
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // bounding box including the radius
};

Capsules capsules(std::vector<Vec2> pts, double r) {
    Capsules c{std::move(pts), r};
    c.x0 = c.y0 = 1e300;
    c.x1 = c.y1 = -1e300;
    for (Vec2 p : c.points) {
        c.x0 = std::min(c.x0, p.x - r), c.y0 = std::min(c.y0, p.y - r);
        c.x1 = std::max(c.x1, p.x + r), c.y1 = std::max(c.y1, p.y + r);
    }
    return c;
}

bool overlaps(const Capsules& a, const Capsules& b) { return a.x0 <= b.x1 && b.x0 <= a.x1 && a.y0 <= b.y1 && b.y0 <= a.y1; }

double segment_distance(Vec2 p, Vec2 a, Vec2 b) {
    Vec2 ab = b - a, ap = p - a;
    double l2 = dot(ab, ab), t = l2 > 0 ? std::clamp(dot(ap, ab) / l2, 0.0, 1.0) : 0;
    return length(ap - ab * t);
}

struct Field {
    int nx = 0, ny = 0;
    double x0 = 0, y0 = 0, cell = 1;
    std::vector<float> v;  // floats: a 1024 x 1024 grid stays at 4 MiB per field
    float& at(int i, int j) { return v[std::size_t(j) * std::size_t(nx) + std::size_t(i)]; }
    Vec2 node(int i, int j) const { return {x0 + i * cell, y0 + j * cell}; }
};

// field = max(field, r - distance) near the capsules (exact wherever the sign can change).
void stamp(Field& f, const Capsules& c, double margin) {
    auto stamp_segment = [&](Vec2 a, Vec2 b) {
        const double reach = c.r + margin;
        double lo_x = std::min(a.x, b.x) - reach, hi_x = std::max(a.x, b.x) + reach;
        int j0 = std::max(0, int(std::floor((std::min(a.y, b.y) - reach - f.y0) / f.cell)));
        int j1 = std::min(f.ny - 1, int(std::ceil((std::max(a.y, b.y) + reach - f.y0) / f.cell)));
        double dx = b.x - a.x, dy = b.y - a.y, len = std::sqrt(dx * dx + dy * dy);
        for (int j = j0; j <= j1; ++j) {
            // Only the cells of this row within `reach` of the segment's line (and box).
            double y = f.y0 + j * f.cell, x0 = lo_x, x1 = hi_x;
            if (std::fabs(dy) > 1e-9 * (len + 1)) {
                double xc = a.x + (y - a.y) / dy * dx, half = reach * len / std::fabs(dy);
                x0 = std::max(x0, xc - half);
                x1 = std::min(x1, xc + half);
            }
            int i0 = std::max(0, int(std::floor((x0 - f.x0) / f.cell)));
            int i1 = std::min(f.nx - 1, int(std::ceil((x1 - f.x0) / f.cell)));
            for (int i = i0; i <= i1; ++i) {
                float v = float(c.r - segment_distance(f.node(i, j), a, b));
                float& cur = f.at(i, j);
                if (v > cur) cur = v;
            }
        }
    };
    if (c.points.size() == 1) stamp_segment(c.points[0], c.points[0]);
    for (std::size_t k = 1; k < c.points.size(); ++k) stamp_segment(c.points[k - 1], c.points[k]);
}

// Closed loops where the field is > 0; loops keep the inside on one consistent side.
Contours march(Field& f) {
    const int nx = f.nx, ny = f.ny;
    auto edge_id = [nx](int i, int j, int vertical) { return (std::size_t(j) * std::size_t(nx) + std::size_t(i)) * 2 + std::size_t(vertical); };
    // Only edges the contour crosses are stored: memory follows the outline, not the grid.
    std::unordered_map<std::size_t, std::size_t> next;
    std::unordered_map<std::size_t, Vec2> where;
    auto crossing = [&](int i, int j, int vertical) {  // on the edge from node (i,j) rightwards or downwards
        int i2 = vertical ? i : i + 1, j2 = vertical ? j + 1 : j;
        double a = f.at(i, j), b = f.at(i2, j2), t = a / (a - b);
        Vec2 pa = f.node(i, j), pb = f.node(i2, j2);
        std::size_t id = edge_id(i, j, vertical);
        where[id] = pa + (pb - pa) * t;
        return (long long)id;
    };
    for (int j = 0; j + 1 < ny; ++j)
        for (int i = 0; i + 1 < nx; ++i) {
            // corners in order around the cell and the edge each one starts
            const int ci[4] = {i, i + 1, i + 1, i}, cj[4] = {j, j, j + 1, j + 1};
            bool in[4];
            for (int k = 0; k < 4; ++k) in[k] = f.at(ci[k], cj[k]) > 0;
            if (in[0] == in[1] && in[1] == in[2] && in[2] == in[3]) continue;
            long long id[4] = {-1, -1, -1, -1};
            bool leaving[4] = {};
            for (int k = 0; k < 4; ++k) {
                int k2 = (k + 1) % 4;
                if (in[k] == in[k2]) continue;
                leaving[k] = in[k];
                // canonical edge: top (i,j)->(i+1,j), right (i+1,j)->(i+1,j+1), bottom (i,j+1)->(i+1,j+1), left (i,j)->(i,j+1)
                id[k] = k == 0 ? crossing(i, j, 0) : k == 1 ? crossing(i + 1, j, 1) : k == 2 ? crossing(i, j + 1, 0) : crossing(i, j, 1);
            }
            bool saddle = in[0] == in[2] && in[1] == in[3];
            if (!saddle) {
                long long from = -1, to = -1;
                for (int k = 0; k < 4; ++k)
                    if (id[k] >= 0) (leaving[k] ? from : to) = id[k];
                next[std::size_t(from)] = std::size_t(to);
            } else {
                double centre = (f.at(i, j) + f.at(i + 1, j) + f.at(i + 1, j + 1) + f.at(i, j + 1)) / 4;
                for (int k = 0; k < 4; ++k)
                    if (leaving[k]) next[std::size_t(id[k])] = std::size_t(id[centre > 0 ? (k + 1) % 4 : (k + 3) % 4]);
            }
        }
    std::vector<std::size_t> starts;
    for (const auto& [from, to] : next) starts.push_back(from);
    std::sort(starts.begin(), starts.end());  // deterministic loop order
    Contours out;
    for (std::size_t s : starts) {
        Contour loop;
        for (auto it = next.find(s); it != next.end(); it = next.find(s)) {
            loop.push_back(where[it->first]);
            s = it->second;
            next.erase(it);
        }
        if (loop.size() >= 3) out.push_back(std::move(loop));
    }
    return out;
}

// Drop points that stray less than `tol` from the line through their neighbours' span.
Contour simplify_loop(const Contour& c, double tol) {
    if (c.size() < 8) return c;
    std::vector<std::array<double, 2>> pts;
    for (Vec2 p : c) pts.push_back({p.x, p.y});
    std::size_t far = 0;
    double best = -1;
    for (std::size_t i = 1; i < pts.size(); ++i) {
        double d = std::hypot(pts[i][0] - pts[0][0], pts[i][1] - pts[0][1]);
        if (d > best) best = d, far = i;
    }
    std::vector<std::array<double, 2>> a(pts.begin(), pts.begin() + std::ptrdiff_t(far) + 1), b(pts.begin() + std::ptrdiff_t(far), pts.end());
    b.push_back(pts[0]);
    auto sa = simplify_stroke(a, tol), sb = simplify_stroke(b, tol);
    Contour out;
    for (std::size_t i = 0; i + 1 < sa.size(); ++i) out.push_back({sa[i][0], sa[i][1]});
    for (std::size_t i = 0; i + 1 < sb.size(); ++i) out.push_back({sb[i][0], sb[i][1]});
    return out;
}

// A paint stroke with the eraser strokes that came after it cut away.
Contours erased_stroke(const Capsules& paint, const std::vector<const Capsules*>& erasers, double canvas) {
    // 1 px at 512: the field is a distance, so linear interpolation stays sub-pixel.
    double cell = std::clamp(canvas / 512, 0.25, 2.0);
    // Bound the work (cells stamped) and the grid for pathological strokes: coarser, never stuck.
    double work = 0;
    auto add_work = [&](const Capsules& c) {
        double reach = c.r + 3 * cell;
        for (std::size_t k = 1; k < c.points.size(); ++k) work += (length(c.points[k] - c.points[k - 1]) + 2 * reach) * 2 * reach;
        work += 4 * reach * reach;
    };
    add_work(paint);
    for (const Capsules* c : erasers) add_work(*c);
    if (work / (cell * cell) > 6e6) cell *= std::sqrt(work / (cell * cell) / 6e6);
    double w0 = paint.x1 - paint.x0, h0 = paint.y1 - paint.y0;
    cell = std::max(cell, (std::max(w0, h0) + 6 * cell) / 1000);
    const double margin = 3 * cell;
    double w = w0 + 2 * margin, h = h0 + 2 * margin;
    Field f;
    f.cell = cell;
    f.x0 = paint.x0 - margin;
    f.y0 = paint.y0 - margin;
    f.nx = int(std::ceil(w / cell)) + 1;
    f.ny = int(std::ceil(h / cell)) + 1;
    f.v.assign(std::size_t(f.nx) * std::size_t(f.ny), -1e9f);
    stamp(f, paint, margin);
    Field e = f;
    std::fill(e.v.begin(), e.v.end(), -1e9f);
    for (const Capsules* c : erasers) stamp(e, *c, margin);
    for (std::size_t k = 0; k < f.v.size(); ++k) f.v[k] = std::min(f.v[k], -e.v[k]);
    // keep the outer ring outside so every loop closes
    const float out = -float(cell);
    for (int i = 0; i < f.nx; ++i) f.at(i, 0) = std::min(f.at(i, 0), out), f.at(i, f.ny - 1) = std::min(f.at(i, f.ny - 1), out);
    for (int j = 0; j < f.ny; ++j) f.at(0, j) = std::min(f.at(0, j), out), f.at(f.nx - 1, j) = std::min(f.at(f.nx - 1, j), out);
    Contours loops = march(f);
    for (auto& l : loops) l = simplify_loop(l, std::min(0.08, cell / 4));
    return loops;
}

// --- glyphs -----------------------------------------------------------------------------

void flatten(const std::vector<PathCommand>& path, const Affine& m, Contours& out) {
    Contour cur;
    Vec2 pen{0, 0};
    auto finish = [&] {
        if (cur.size() >= 3) out.push_back(std::move(cur));
        cur.clear();
    };
    for (const auto& c : path) {
        switch (c.verb) {
            case PathCommand::Verb::move:
                finish();
                pen = m(c.p);
                cur.push_back(pen);
                break;
            case PathCommand::Verb::line:
                pen = m(c.p);
                cur.push_back(pen);
                break;
            case PathCommand::Verb::quad: {
                Vec2 p0 = pen, q = m(c.c1), p2 = m(c.p);
                double dd = length(p0 - q * 2 + p2);
                int n = std::clamp(int(std::ceil(std::sqrt(dd / (4 * kTolerance)))), 1, 100);
                for (int i = 1; i <= n; ++i) {
                    double t = double(i) / n, u = 1 - t;
                    cur.push_back(p0 * (u * u) + q * (2 * u * t) + p2 * (t * t));
                }
                pen = p2;
                break;
            }
            case PathCommand::Verb::cubic:
                push_cubic(cur, pen, m(c.c1), m(c.c2), m(c.p), 1);
                pen = m(c.p);
                break;
        }
        if (cur.empty()) cur.push_back(pen);
    }
    finish();
}

struct Bounds {
    double x0 = 1e300, y0 = 1e300, x1 = -1e300, y1 = -1e300;
    void add(Vec2 p) { x0 = std::min(x0, p.x), y0 = std::min(y0, p.y), x1 = std::max(x1, p.x), y1 = std::max(y1, p.y); }
    bool empty() const { return x1 < x0; }
};

std::string hex_cp(char32_t c) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "U+%04X", unsigned(c));
    return buf;
}

class Builder {
public:
    Builder(const BadgeDesign& d, double size, const GlyphSource* glyphs) : m_design(d), m_size(size), m_glyphs(glyphs) {
        m_out.size = size;
    }

    BadgeGeometry build() {
        for (std::size_t i = 0; i < m_design.layers.size(); ++i) {
            m_layer = int(i);
            const BadgeLayer& l = m_design.layers[i];
            Affine m = layer_transform(l, m_size / 100);
            switch (l.kind) {
                case LayerKind::shape: shape(l, m); break;
                case LayerKind::border: border(l, m); break;
                case LayerKind::ribbon: ribbon(l, m); break;
                case LayerKind::icon: icon(l, m); break;
                case LayerKind::text: text(l, m); break;
                case LayerKind::drawing: drawing(l, m); break;
            }
        }
        return std::move(m_out);
    }

private:
    const BadgeDesign& m_design;
    double m_size;
    const GlyphSource* m_glyphs;
    BadgeGeometry m_out;
    int m_layer = 0;

    void emit(Contours contours, Rgba colour, FillRule rule = FillRule::nonzero) {
        if (contours.empty() || colour.a == 0) return;
        BadgePolygon p;
        p.contours = std::move(contours);
        p.paint.color = colour;
        p.rule = rule;
        p.layer = m_layer;
        m_out.polygons.push_back(std::move(p));
    }
    void warn(const std::string& w) { m_out.warnings.push_back("layer " + std::to_string(m_layer) + ": " + w); }

    void shape(const BadgeLayer& l, const Affine& m) {
        Contour local = shape_outline(l, m.scale());
        Contour px = transformed(local, m);
        const BadgeFill& f = l.fill;
        if (f.kind == FillKind::gradient) {
            Vec2 dir = unit(m.vector(polar(f.angle * kPi / 180, 1)));
            double lo = 1e300, hi = -1e300;
            for (Vec2 p : px) lo = std::min(lo, dot(p, dir)), hi = std::max(hi, dot(p, dir));
            Vec2 centre = m({0, 0});
            double c = dot(centre, dir);
            BadgePolygon p;
            p.contours = {px};
            p.paint = {true, f.color, f.color2, centre + dir * (lo - c), centre + dir * (hi - c)};
            p.layer = m_layer;
            if (f.color.a || f.color2.a) m_out.polygons.push_back(std::move(p));
            return;
        }
        emit({px}, f.color);
        if (f.kind == FillKind::solid) return;
        // Pattern pieces: the shape clipped by each stripe band or dot (both convex).
        double reach = l.size;  // covers the shape's box in every direction
        Contours pieces;
        if (f.kind == FillKind::stripes) {
            double a = f.angle * kPi / 180;
            Vec2 along = polar(a, 1), across = polar(a + kPi / 2, 1);
            int k0 = int(std::floor(-reach / f.spacing)) - 1, k1 = int(std::ceil(reach / f.spacing)) + 1;
            for (int k = k0; k <= k1; ++k) {
                double s0 = k * f.spacing + f.spacing / 4, s1 = s0 + f.spacing / 2;
                Contour band{across * s0 - along * reach, across * s0 + along * reach, across * s1 + along * reach, across * s1 - along * reach};
                Contour piece = clip_convex(local, band);
                if (!piece.empty()) pieces.push_back(transformed(piece, m));
            }
        } else {
            // At most ~20,000 dots however large the shape; dots off the canvas are skipped.
            double spacing = std::max(f.spacing, 2 * reach / 140);
            double row = spacing * std::sqrt(3.0) / 2, r = spacing * 0.22;
            int rows = int(std::ceil(reach / row)) + 1, cols = int(std::ceil(reach / spacing)) + 1;
            double margin = r * m.scale() + 1;
            int n = std::max(8, arc_segments(r * m.scale(), 2 * kPi));
            for (int j = -rows; j <= rows; ++j)
                for (int i = -cols; i <= cols; ++i) {
                    Vec2 c{i * spacing + ((j & 1) ? spacing / 2 : 0), j * row};
                    Vec2 cp = m(c);
                    if (cp.x < -margin || cp.y < -margin || cp.x > m_size + margin || cp.y > m_size + margin) continue;
                    Contour dot;
                    push_arc(dot, c, r, 0, 2 * kPi, n, true, false);
                    bool all_in = true;
                    for (Vec2 p : dot) all_in = all_in && inside_contour(local, p);
                    Contour piece = all_in ? dot : clip_convex(local, dot);
                    if (!piece.empty()) pieces.push_back(transformed(piece, m));
                }
        }
        emit(std::move(pieces), f.color2);
    }

    void border(const BadgeLayer& l, const Affine& m) {
        Contour px = transformed(shape_outline(l, m.scale()), m);
        double r = l.width / 2 * m.scale();
        Contours out;
        if (l.dash > 0) dashed_ring(px, r, l.dash * m.scale(), out);
        else closed_stroke(px, r, out);
        emit(std::move(out), l.color);
    }

    void ribbon(const BadgeLayer& l, const Affine& m) {
        double W = l.width, H = l.height, hw = W / 2, hh = H / 2;
        auto shade = [](Rgba c, double t) {
            return Rgba{std::uint8_t(c.r * (1 - t)), std::uint8_t(c.g * (1 - t)), std::uint8_t(c.b * (1 - t)), c.a};
        };
        double text_width = W * 0.84;
        switch (l.style) {
            case RibbonStyle::banner: {
                double drop = 0.3 * H, out = 0.62 * H, notch = 0.3 * H;
                Contour left{{-hw, -hh + drop}, {-hw - out, -hh + drop}, {-hw - out + notch, drop}, {-hw - out, hh + drop}, {-hw, hh + drop}};
                Contour right;
                for (auto it = left.rbegin(); it != left.rend(); ++it) right.push_back({-it->x, it->y});
                emit({transformed(left, m), transformed(right, m)}, shade(l.color, 0.22));
                Contour fl{{-hw, hh}, {-hw + drop, hh}, {-hw, hh + drop}};
                Contour fr{{hw, hh}, {hw, hh + drop}, {hw - drop, hh}};
                emit({transformed(fl, m), transformed(fr, m)}, shade(l.color, 0.5));
                emit({transformed(Contour{{-hw, -hh}, {hw, -hh}, {hw, hh}, {-hw, hh}}, m)}, l.color);
                break;
            }
            case RibbonStyle::flat: {
                double notch = 0.3 * H;
                emit({transformed(Contour{{-hw, -hh}, {hw, -hh}, {hw - notch, 0}, {hw, hh}, {-hw, hh}, {-hw + notch, 0}}, m)}, l.color);
                text_width = W - 3 * notch;
                break;
            }
            case RibbonStyle::tails: {
                double sw = 0.3 * W, top = -hh, bottom = hh, notch = 0.3 * sw;
                double xt = 0.12 * W, xb = 0.3 * W;
                Contour left{{-xt - sw / 2, top}, {-xt + sw / 2, top}, {-xb + sw / 2, bottom}, {-xb, bottom - notch}, {-xb - sw / 2, bottom}};
                Contour right;
                for (auto it = left.rbegin(); it != left.rend(); ++it) right.push_back({-it->x, it->y});
                emit({transformed(right, m)}, shade(l.color, 0.18));
                emit({transformed(left, m)}, l.color);
                text_width = 0;
                break;
            }
        }
        if (!l.text.empty() && text_width > 0) {
            Contours glyphs = layout_line_centred(l.text, l.bold ? FontFace::sans_bold : FontFace::sans, H * 0.56, text_width, m);
            emit(std::move(glyphs), l.text_color);
        }
    }

    // --- text layout ---

    struct Placed {
        char32_t cp;
        double x;  // pen position (em units) along the line
        double advance;
    };
    struct Line {
        std::vector<Placed> glyphs;
        double width = 0;  // em units
    };

    std::optional<GlyphOutline> glyph_or_fallback(FontFace face, char32_t cp) {
        if (auto g = m_glyphs->glyph(face, cp)) return g;
        warn("no glyph for " + hex_cp(cp));
        return m_glyphs->glyph(face, U'?');
    }

    Line measure(const std::u32string& text, FontFace face) {
        Line line;
        double pen = 0;
        char32_t prev = 0;
        for (char32_t cp : text) {
            auto g = m_glyphs->glyph(face, cp);
            if (!g) g = m_glyphs->glyph(face, U'?');
            if (!g) continue;
            if (prev) pen += m_glyphs->kerning(face, prev, cp);
            line.glyphs.push_back({cp, pen, g->advance});
            pen += g->advance;
            prev = cp;
        }
        line.width = pen;
        return line;
    }

    Contours layout_line_centred(const std::string& text, FontFace face, double em, double max_width, const Affine& m) {
        Contours out;
        if (!m_glyphs) {
            warn("no fonts: text left out");
            return out;
        }
        Line line = measure(decode_utf8(text), face);
        if (line.width <= 0) return out;
        if (max_width > 0 && line.width * em > max_width) em = max_width / line.width;
        double cap = m_glyphs->metrics(face).cap_height;
        for (const auto& g : line.glyphs)
            if (auto o = glyph_or_fallback(face, g.cp))
                flatten(o->path, m * translate(-line.width * em / 2 + g.x * em, cap * em / 2) * scaling(em), out);
        return out;
    }

    void text(const BadgeLayer& l, const Affine& m) {
        if (l.text.empty()) return;
        if (!m_glyphs) {
            warn("no fonts: text left out");
            return;
        }
        FontFace face = l.bold ? FontFace::sans_bold : FontFace::sans;
        double em = l.size, cap = m_glyphs->metrics(face).cap_height;
        Contours out;
        if (l.arc == 0) {
            std::vector<Line> lines;
            std::string cur;
            for (char c : l.text + "\n") {
                if (c == '\n') {
                    lines.push_back(measure(decode_utf8(cur), face));
                    cur.clear();
                } else {
                    cur += c;
                }
            }
            double widest = 0;
            for (const auto& ln : lines) widest = std::max(widest, ln.width);
            if (l.max_width > 0 && widest * em > l.max_width) em = l.max_width / widest;
            const double line_height = 1.2;
            double block = cap + (double(lines.size()) - 1) * line_height;  // em units
            for (std::size_t k = 0; k < lines.size(); ++k) {
                double baseline = (-block / 2 + cap + double(k) * line_height) * em;
                for (const auto& g : lines[k].glyphs)
                    if (auto o = glyph_or_fallback(face, g.cp))
                        flatten(o->path, m * translate(-lines[k].width * em / 2 + g.x * em, baseline) * scaling(em), out);
            }
        } else {
            std::string one = l.text;
            std::replace(one.begin(), one.end(), '\n', ' ');
            Line line = measure(decode_utf8(one), face);
            double R = std::fabs(l.arc);
            if (line.width * em / R > 5.2) em = 5.2 * R / line.width;  // at most ~300 degrees
            if (l.max_width > 0 && line.width * em > l.max_width) em = l.max_width / line.width;
            bool top = l.arc > 0;
            for (const auto& g : line.glyphs) {
                auto o = glyph_or_fallback(face, g.cp);
                if (!o) continue;
                double s = (g.x + g.advance / 2 - line.width / 2) * em;  // arc length of the glyph's middle
                double angle = s / R * 180 / kPi;
                Affine place = top ? translate(0, R) * rotation_deg(angle) * translate(0, -(R - cap * em / 2))
                                   : translate(0, -R) * rotation_deg(-angle) * translate(0, R + cap * em / 2);
                flatten(o->path, m * place * translate(-g.advance * em / 2, 0) * scaling(em), out);
            }
        }
        emit(std::move(out), l.color);
    }

    void icon(const BadgeLayer& l, const Affine& m) {
        if (!m_glyphs) {
            warn("no fonts: icon \"" + l.icon + "\" left out");
            return;
        }
        auto g = m_glyphs->glyph(FontFace::icons, l.codepoint);
        if (!g) {
            warn("no glyph for icon \"" + l.icon + "\" (" + hex_cp(l.codepoint) + ")");
            return;
        }
        // Icons are centred on their ink, and `size` is the ink's larger side.
        Contours probe;
        flatten(g->path, scaling(1000), probe);
        Bounds b;
        for (const auto& c : probe)
            for (Vec2 p : c) b.add(p * 0.001);
        if (b.empty()) return;
        double side = std::max(b.x1 - b.x0, b.y1 - b.y0);
        if (side <= 0) return;
        Contours out;
        flatten(g->path, m * scaling(l.size / side) * translate(-(b.x0 + b.x1) / 2, -(b.y0 + b.y1) / 2), out);
        emit(std::move(out), l.color);
    }

    void drawing(const BadgeLayer& l, const Affine& m) {
        std::vector<Capsules> caps;
        for (const auto& s : l.strokes) {
            std::vector<Vec2> pts;
            for (const auto& p : s.points) pts.push_back(m({p[0], p[1]}));
            caps.push_back(capsules(std::move(pts), s.width / 2 * m.scale()));
        }
        for (std::size_t i = 0; i < l.strokes.size(); ++i) {
            if (l.strokes[i].eraser || caps[i].points.empty()) continue;
            std::vector<const Capsules*> erasers;
            for (std::size_t j = i + 1; j < l.strokes.size(); ++j)
                if (l.strokes[j].eraser && !caps[j].points.empty() && overlaps(caps[i], caps[j])) erasers.push_back(&caps[j]);
            if (erasers.empty()) {
                Contours out;
                open_stroke(caps[i].points, caps[i].r, out);
                emit(std::move(out), l.strokes[i].color);
            } else {
                emit(erased_stroke(caps[i], erasers, m_size), l.strokes[i].color, FillRule::even_odd);
            }
        }
    }
};

}  // namespace

double text_width_em(const GlyphSource& glyphs, FontFace face, std::u32string_view text) {
    double pen = 0;
    char32_t prev = 0;
    for (char32_t cp : text) {
        auto g = glyphs.glyph(face, cp);
        if (!g) g = glyphs.glyph(face, U'?');
        if (!g) continue;
        if (prev) pen += glyphs.kerning(face, prev, cp);
        pen += g->advance;
        prev = cp;
    }
    return pen;
}

std::vector<std::vector<Vec2>> text_contours(const GlyphSource& glyphs, FontFace face, std::u32string_view text, double em, Vec2 origin) {
    Contours out;
    double pen = 0;
    char32_t prev = 0;
    for (char32_t cp : text) {
        auto g = glyphs.glyph(face, cp);
        if (!g) g = glyphs.glyph(face, U'?');
        if (!g) continue;
        if (prev) pen += glyphs.kerning(face, prev, cp);
        flatten(g->path, translate(origin.x + pen * em, origin.y) * scaling(em), out);
        pen += g->advance;
        prev = cp;
    }
    return out;
}

BadgeGeometry badge_geometry(const BadgeDesign& design, double size, const GlyphSource* glyphs) {
    if (!(size > 0)) return {};
    return Builder(design, size, glyphs).build();
}

}  // namespace mastery
