// The printed competency chart as files: the core's page layout (mastery/chart.hpp) with
// each earned sticker showing design_for(), drawn by this library's rasteriser into a PNG
// (stb_image_write, plus pHYs so it prints at A4) and written as SVG by the core. Used by
// `mastery poster` and the app's "Print my chart".
#include "badge_export.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_set>

namespace mastery {

Image poster_image(const PosterPage& page, const GlyphSource* glyphs, int dpi, std::vector<std::string>* warnings) {
    const double px_per_mm = dpi / 25.4;
    const PosterGeometry g = poster_geometry(page, px_per_mm, glyphs);
    if (warnings) warnings->insert(warnings->end(), g.warnings.begin(), g.warnings.end());
    const int width = int(std::lround(g.width)), height = int(std::lround(g.height));
    return rasterize(g.polygons, width, height, 1.0, Rgba{255, 255, 255, 255});
}

PosterFiles poster_files(const LearnerRecord& r, const Progress& pr, const PosterOptions& options, const GlyphSource* glyphs,
                         const IconTable* icons, bool png, bool svg, int dpi, const std::string& stem) {
    PosterFiles out;
    std::vector<std::string> notes;
    out.poster = poster_layout(r, pr, options, glyphs, [&](const std::string& key) { return design_for(r, key, icons, &notes); });
    dpi = std::clamp(dpi, 36, 600);
    const std::size_t pages = out.poster.pages.size();
    for (const PosterPage& page : out.poster.pages) {
        const std::string name = pages == 1 ? stem : stem + "-" + std::to_string(page.number);
        if (png) {
            const Image img = poster_image(page, glyphs, dpi, &notes);
            std::vector<std::uint8_t> bytes = encode_png(img);
            if (bytes.empty()) {
                out.error = "could not encode page " + std::to_string(page.number) + " as a PNG";
                out.files.clear();
                return out;
            }
            out.files.push_back({name + ".png", set_png_dpi(bytes, dpi)});
        }
        if (svg) {
            std::string title = r.learner_name.empty() ? options.words.title : r.learner_name + " \xc2\xb7 " + options.words.title;
            title += " \xc2\xb7 " + r.pathway.title;
            if (pages > 1) title += " \xc2\xb7 " + fill_numbers(options.words.page_fmt, {page.number, page.count});
            const std::string text = poster_svg(page, glyphs, title);
            out.files.push_back({name + ".svg", {text.begin(), text.end()}});
        }
    }
    std::unordered_set<std::string> seen;
    for (std::string& n : notes)
        if (seen.insert(n).second) out.notes.push_back(std::move(n));
    return out;
}

}  // namespace mastery
