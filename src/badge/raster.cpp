// The PNG renderer of the core's badge geometry: a scanline rasteriser with exact
// horizontal coverage and 16 sub-scanlines per pixel row (or as asked), nonzero/even-odd fill rules,
// gradients evaluated per pixel centre, source-over compositing in sRGB (as browsers draw
// SVG and ImGui blends), premultiplied while compositing.
#include "badge_export.hpp"

#include <algorithm>
#include <cmath>

namespace mastery {

std::array<std::uint8_t, 4> Image::pixel(int x, int y) const {
    std::size_t i = (std::size_t(y) * std::size_t(width) + std::size_t(x)) * 4;
    return {rgba[i], rgba[i + 1], rgba[i + 2], rgba[i + 3]};
}

namespace {

using Edge = RasterEdges::Edge;

struct Crossing {
    double x;
    int wind;
};

// Adds `weight` x the covered length of [a, b) to each pixel of the row.
void add_span(std::vector<float>& cov, double a, double b, float weight) {
    double width = double(cov.size());
    a = std::clamp(a, 0.0, width);
    b = std::clamp(b, 0.0, width);
    if (b <= a) return;
    int ia = int(a), ib = int(b);
    if (ia == ib) {
        cov[std::size_t(ia)] += float(b - a) * weight;
        return;
    }
    cov[std::size_t(ia)] += float(ia + 1 - a) * weight;
    for (int i = ia + 1; i < ib; ++i) cov[std::size_t(i)] += weight;
    if (ib < int(cov.size())) cov[std::size_t(ib)] += float(b - ib) * weight;
}

}  // namespace

Image rasterize(const std::vector<BadgePolygon>& polygons, int width, int height, double s, Rgba background, int subs) {
    Image img;
    if (width <= 0 || height <= 0 || !(s > 0) || subs < 1) return img;
    img.width = width;
    img.height = height;
    img.rgba.resize(std::size_t(width) * std::size_t(height) * 4);
    rasterize_rows(polygons, width, height, s, background, subs, 0, height, img.rgba.data());
    return img;
}

RasterEdges raster_edges(const std::vector<BadgePolygon>& polygons, double s) {
    RasterEdges out;
    out.scale = s;
    out.polygons.resize(polygons.size());
    for (std::size_t k = 0; k < polygons.size(); ++k) {
        RasterEdges::Polygon& p = out.polygons[k];
        double top = 1e300, bottom = -1e300;
        for (const auto& c : polygons[k].contours)
            for (std::size_t i = 0, m = c.size(); i < m; ++i) {
                Vec2 a{c[i].x * s, c[i].y * s}, b{c[(i + 1) % m].x * s, c[(i + 1) % m].y * s};
                if (a.y == b.y) continue;
                if (a.y < b.y) p.edges.push_back({a.x, a.y, b.x, b.y, 1});
                else p.edges.push_back({b.x, b.y, a.x, a.y, -1});
                top = std::min(top, std::min(a.y, b.y));
                bottom = std::max(bottom, std::max(a.y, b.y));
            }
        std::sort(p.edges.begin(), p.edges.end(), [](const Edge& a, const Edge& b) { return a.y0 < b.y0; });
        p.top = top;
        p.bottom = bottom;
    }
    return out;
}

void rasterize_rows(const std::vector<BadgePolygon>& polygons, int width, int height, double s, Rgba background, int subs,
                    int first_row, int end_row, std::uint8_t* out) {
    if (width <= 0 || first_row >= end_row || !(s > 0) || subs < 1) return;
    rasterize_rows(polygons, raster_edges(polygons, s), width, height, background, subs, first_row, end_row, out);
}

void rasterize_rows(const std::vector<BadgePolygon>& polygons, const RasterEdges& prepared, int width, int height, Rgba background,
                    int subs, int first_row, int end_row, std::uint8_t* out) {
    first_row = std::max(0, first_row);
    end_row = std::min(height, end_row);
    if (width <= 0 || first_row >= end_row || !(prepared.scale > 0) || subs < 1 || prepared.polygons.size() != polygons.size()) return;
    const double s = prepared.scale;
    // Rows are drawn a band at a time, so the float canvas stays small for a page-sized
    // image (a 300 dpi A4 poster is 8.7 M pixels; a band is at most 256 K pixels, 4 MB); each band sees every polygon in order.
    const int band_rows = std::clamp(int((std::size_t(1) << 18) / std::size_t(width)), 1, end_row - first_row);
    std::vector<float> canvas(std::size_t(width) * std::size_t(band_rows) * 4);  // premultiplied, 0..1
    std::vector<float> cov(static_cast<std::size_t>(width));
    std::vector<const Edge*> active;
    std::vector<Crossing> xs;
    const float ba = background.a / 255.0f;
    for (int band0 = first_row; band0 < end_row; band0 += band_rows) {
        const int band1 = std::min(end_row, band0 + band_rows);  // rows [band0, band1)
        const std::size_t band_pixels = std::size_t(band1 - band0) * std::size_t(width);
        for (std::size_t i = 0; i < band_pixels; ++i) {
            canvas[i * 4 + 0] = background.r / 255.0f * ba;
            canvas[i * 4 + 1] = background.g / 255.0f * ba;
            canvas[i * 4 + 2] = background.b / 255.0f * ba;
            canvas[i * 4 + 3] = ba;
        }
        for (std::size_t k = 0; k < polygons.size(); ++k) {
            const BadgePolygon& poly = polygons[k];
            const RasterEdges::Polygon& pe = prepared.polygons[k];
            const std::vector<Edge>& edges = pe.edges;
            // skipped in bands it does not reach
            if (edges.empty() || pe.bottom < band0 || pe.top > band1) continue;
            const double top = pe.top, bottom = pe.bottom;
            const int row0 = std::max({0, band0, int(std::floor(top))});
            const int row1 = std::min({height - 1, band1 - 1, int(std::ceil(bottom))});
            std::size_t next = 0;
            active.clear();
            for (int y = row0; y <= row1; ++y) {
                int lo = width, hi = -1;
                for (int sub = 0; sub < subs; ++sub) {
                    double sy = y + (sub + 0.5) / subs;
                    while (next < edges.size() && edges[next].y0 <= sy) active.push_back(&edges[next++]);
                    active.erase(std::remove_if(active.begin(), active.end(), [&](const Edge* e) { return e->y1 <= sy; }), active.end());
                    xs.clear();
                    for (const Edge* e : active)
                        if (e->y0 <= sy) xs.push_back({e->x0 + (e->x1 - e->x0) * (sy - e->y0) / (e->y1 - e->y0), e->wind});
                    std::sort(xs.begin(), xs.end(), [](const Crossing& a, const Crossing& b) { return a.x < b.x; });
                    int winding = 0;
                    for (std::size_t i = 0; i + 1 < xs.size(); ++i) {
                        winding += xs[i].wind;
                        bool in = poly.rule == FillRule::nonzero ? winding != 0 : (winding & 1) != 0;
                        if (!in) continue;
                        add_span(cov, xs[i].x, xs[i + 1].x, 1.0f / float(subs));
                        lo = std::min(lo, std::max(0, int(xs[i].x)));
                        hi = std::max(hi, std::min(width - 1, int(xs[i + 1].x)));
                    }
                }
                for (int x = lo; x <= hi; ++x) {
                    float c = std::min(cov[std::size_t(x)], 1.0f);
                    cov[std::size_t(x)] = 0.0f;  // clear as we go: only [lo, hi] was touched
                    if (c <= 0) continue;
                    const Rgba p = poly.paint.gradient ? paint_at(poly.paint, {(x + 0.5) / s, (y + 0.5) / s}) : poly.paint.color;
                    float a = p.a / 255.0f * c;
                    float* d = &canvas[(std::size_t(y - band0) * std::size_t(width) + std::size_t(x)) * 4];
                    d[0] = p.r / 255.0f * a + d[0] * (1 - a);
                    d[1] = p.g / 255.0f * a + d[1] * (1 - a);
                    d[2] = p.b / 255.0f * a + d[2] * (1 - a);
                    d[3] = a + d[3] * (1 - a);
                }
            }
        }
        for (std::size_t i = 0; i < band_pixels; ++i) {
            const float a = canvas[i * 4 + 3];
            std::uint8_t* o = out + (std::size_t(band0 - first_row) * std::size_t(width) + i) * 4;
            // to the nearest of 0..255 (values are never negative: + 0.5 and truncation, not a
            // call to lround per channel)
            for (int k = 0; k < 3; ++k) {
                float v = a > 0 ? canvas[i * 4 + std::size_t(k)] / a : 0.0f;
                o[k] = std::uint8_t(std::clamp(v, 0.0f, 1.0f) * 255.0f + 0.5f);
            }
            o[3] = std::uint8_t(std::clamp(a, 0.0f, 1.0f) * 255.0f + 0.5f);
        }
    }
}

Image rasterize(const BadgeGeometry& g, int pixels, Rgba background, int subs) {
    if (pixels <= 0 || g.size <= 0) return {};
    return rasterize(g.polygons, pixels, pixels, pixels / g.size, background, subs);
}

Image downsample(const Image& img, int factor) {
    Image out;
    if (factor <= 0 || img.width % factor || img.height % factor) return out;
    out.width = img.width / factor;
    out.height = img.height / factor;
    out.rgba.resize(std::size_t(out.width) * std::size_t(out.height) * 4);
    for (int y = 0; y < out.height; ++y)
        for (int x = 0; x < out.width; ++x) {
            double sum[4] = {0, 0, 0, 0};
            for (int j = 0; j < factor; ++j)
                for (int i = 0; i < factor; ++i) {
                    auto p = img.pixel(x * factor + i, y * factor + j);
                    double a = p[3] / 255.0;
                    for (int k = 0; k < 3; ++k) sum[k] += p[std::size_t(k)] * a;
                    sum[3] += a;
                }
            std::size_t o = (std::size_t(y) * std::size_t(out.width) + std::size_t(x)) * 4;
            for (int k = 0; k < 3; ++k) out.rgba[o + std::size_t(k)] = std::uint8_t(sum[3] > 0 ? std::lround(sum[k] / sum[3]) : 0);
            out.rgba[o + 3] = std::uint8_t(std::lround(sum[3] / (factor * factor) * 255));
        }
    return out;
}

}  // namespace mastery
