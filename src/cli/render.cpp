// `mastery render DESIGN --out FILE [--size PIXELS]`: one badge design file drawn as a PNG
// or an SVG (by the file name's extension). Teachers preview a pathway's default designs
// with it; scripts/dist makes the app's install icons with it.
#ifdef MASTERY_HAVE_BADGES

#include "badge_export.hpp"
#include "cli.hpp"
#include "mastery/badge.hpp"

#include <cstdlib>
#include <fstream>
#include <iostream>

namespace {

using mastery::cli::kInvalid;
using mastery::cli::kOk;
using mastery::cli::kUsage;

const char* kRenderUsage =
    "Usage: mastery render DESIGN --out FILE [--size PIXELS]\n"
    "  Draws the badge design file DESIGN (format mastery-map/badge) into FILE: a PNG when\n"
    "  FILE ends in .png, an SVG when it ends in .svg. PIXELS: 16..4096, default 512.\n";

using mastery::cli::ends_with;

}  // namespace

int render_command(int argc, char** argv) {
    std::string design_path, out;
    int size = 512;
    for (int i = 2; i < argc; ++i) {
        const std::string a = argv[i];
        if ((a == "--out" || a == "--size") && i + 1 >= argc) {
            std::cerr << "mastery render: " << a << " needs a value\n" << kRenderUsage;
            return kUsage;
        }
        if (a == "--out") {
            out = argv[++i];
        } else if (a == "--size") {
            char* end = nullptr;
            const long n = std::strtol(argv[++i], &end, 10);
            if (!end || *end || n < 16 || n > 4096) {
                std::cerr << "mastery render: --size must be a whole number from 16 to 4096\n";
                return kUsage;
            }
            size = int(n);
        } else if (a == "--help" || a == "-h") {
            std::cout << kRenderUsage;
            return kOk;
        } else if (!a.empty() && a[0] == '-') {
            std::cerr << "mastery render: unknown option \"" << a << "\"\n" << kRenderUsage;
            return kUsage;
        } else if (design_path.empty()) {
            design_path = a;
        } else {
            std::cerr << "mastery render: name one design file\n" << kRenderUsage;
            return kUsage;
        }
    }
    const bool png = ends_with(out, ".png"), svg = ends_with(out, ".svg");
    if (design_path.empty() || (!png && !svg)) {
        std::cerr << "mastery render: name a design file and --out FILE.png or FILE.svg\n" << kRenderUsage;
        return kUsage;
    }
    std::string text;
    if (!mastery::cli::read_file(design_path, text)) {
        std::cerr << design_path << ": cannot read the file\n";
        return kUsage;
    }
    auto design = mastery::load_badge(text);
    if (!design.ok()) {
        for (const auto& p : design.problems) std::cout << design_path << ": " << p.to_string() << "\n";
        return kInvalid;
    }
    mastery::StbGlyphSource fonts;
    for (const auto& problem : mastery::load_fonts(fonts, mastery::default_font_paths()))
        std::cerr << "mastery render: warning: " << problem << " (text or icons will be left out)\n";
    const mastery::BadgeGeometry g = mastery::badge_geometry(*design.value, size, &fonts);
    for (const auto& w : g.warnings) std::cerr << "mastery render: note: " << w << "\n";

    std::ofstream file(out, std::ios::binary | std::ios::trunc);
    if (png) {
        const std::vector<std::uint8_t> bytes = mastery::encode_png(mastery::rasterize(g, size));
        file.write(reinterpret_cast<const char*>(bytes.data()), std::streamsize(bytes.size()));
    } else {
        file << mastery::badge_svg(g);
    }
    if (!file) {
        std::cerr << "mastery render: cannot write " << out << "\n";
        return kUsage;
    }
    std::cout << "Wrote " << out << " (" << size << " px)\n";
    return kOk;
}

#endif  // MASTERY_HAVE_BADGES
