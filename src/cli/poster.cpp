// `mastery poster RECORD --out FILE.png|FILE.svg`: the learner's competency chart with their
// badges as a printable poster (A4 or Letter portrait), one file per page. The pathway is
// the copy inside the record, as for `mastery badges`. Built only with mastery_badge.
#ifdef MASTERY_HAVE_BADGES

#include "badge_export.hpp"
#include "cli.hpp"
#include "mastery/chart.hpp"
#include "mastery/engine.hpp"
#include "mastery/io.hpp"

#include <cstdlib>
#include <fstream>
#include <iostream>

namespace {

using mastery::cli::kInvalid;
using mastery::cli::kOk;
using mastery::cli::kUsage;

const char* kPosterUsage =
    "Usage: mastery poster RECORD --out FILE.png|FILE.svg [--dpi N] [--paper a4|letter]\n"
    "                     [--by subject|stack] [--date YYYY-MM-DD] [--fonts DIR]\n"
    "  Draws the competency chart of the learner record RECORD with the learner's badges\n"
    "  (empty dashed spots where a level is not earned yet) as a poster to print: a PNG\n"
    "  when FILE ends in .png (N dots per inch, 72..600, default 300: 2480 x 3508 px on\n"
    "  A4), an SVG when it ends in .svg. A chart too long for one page at 9 mm per row goes\n"
    "  on more pages, FILE-1.png, FILE-2.png, ... (at most 8; past that only the skills the\n"
    "  learner started, earned or planned, and a line says how many were left out).\n"
    "  --date is the date printed on it (default today); --by groups rows like My chart.\n";

using mastery::cli::ends_with;

}  // namespace

int poster_command(int argc, char** argv) {
    std::string record_path, out, font_dir, date = mastery::cli::utc_now("%Y-%m-%d");
    int dpi = mastery::kPosterDpiCli;
    mastery::PosterOptions options;
    for (int i = 2; i < argc; ++i) {
        const std::string a = argv[i];
        const bool takes_value = a == "--out" || a == "--dpi" || a == "--paper" || a == "--by" || a == "--date" || a == "--fonts";
        if (takes_value && i + 1 >= argc) {
            std::cerr << "mastery poster: " << a << " needs a value\n" << kPosterUsage;
            return kUsage;
        }
        if (a == "--out") {
            out = argv[++i];
        } else if (a == "--dpi") {
            char* end = nullptr;
            const long n = std::strtol(argv[++i], &end, 10);
            if (!end || *end || n < 72 || n > 600) {
                std::cerr << "mastery poster: --dpi must be a whole number from 72 to 600\n";
                return kUsage;
            }
            dpi = int(n);
        } else if (a == "--paper") {
            const std::string v = argv[++i];
            if (v == "a4") {
                options.width = 210, options.height = 297;
            } else if (v == "letter") {
                options.width = 215.9, options.height = 279.4;
            } else {
                std::cerr << "mastery poster: --paper is a4 or letter\n";
                return kUsage;
            }
        } else if (a == "--by") {
            const std::string v = argv[++i];
            if (v != "subject" && v != "stack") {
                std::cerr << "mastery poster: --by is subject or stack\n";
                return kUsage;
            }
            options.by_stack = v == "stack";
        } else if (a == "--date") {
            date = argv[++i];
        } else if (a == "--fonts") {
            font_dir = argv[++i];
        } else if (a == "--help" || a == "-h") {
            std::cout << kPosterUsage;
            return kOk;
        } else if (!a.empty() && a[0] == '-') {
            std::cerr << "mastery poster: unknown option \"" << a << "\"\n" << kPosterUsage;
            return kUsage;
        } else if (record_path.empty()) {
            record_path = a;
        } else {
            std::cerr << "mastery poster: name one learner record\n" << kPosterUsage;
            return kUsage;
        }
    }
    const bool png = ends_with(out, ".png"), svg = ends_with(out, ".svg");
    if (record_path.empty() || (!png && !svg)) {
        std::cerr << "mastery poster: name a learner record and --out FILE.png or FILE.svg\n" << kPosterUsage;
        return kUsage;
    }
    std::string text;
    if (!mastery::cli::read_file(record_path, text)) {
        std::cerr << record_path << ": cannot read the file\n";
        return kUsage;
    }
    auto loaded = mastery::load_record(text);
    if (!loaded.ok()) {
        for (const auto& p : loaded.problems) std::cout << record_path << ": " << p.to_string() << "\n";
        return kInvalid;
    }
    const mastery::LearnerRecord& r = *loaded.value;
    const mastery::Progress progress(r);

    mastery::StbGlyphSource fonts;
    mastery::FontPaths paths = mastery::default_font_paths();
    if (!font_dir.empty())
        paths = {font_dir + "/DejaVuSans.ttf", font_dir + "/DejaVuSans-Bold.ttf", font_dir + "/forkawesome-webfont.ttf"};
    for (const auto& problem : mastery::load_fonts(fonts, paths))
        std::cerr << "mastery poster: warning: " << problem << " (words or icons will be left out)\n";

    options.date = date;
    const std::string stem = out.substr(0, out.size() - 4);
    const mastery::PosterFiles files =
        mastery::poster_files(r, progress, options, &fonts, &mastery::builtin_icons(), png, svg, dpi, stem);
    if (!files.error.empty()) {
        std::cerr << "mastery poster: " << files.error << "\n";
        return kInvalid;
    }
    for (const auto& n : files.notes) std::cerr << "mastery poster: note: " << n << "\n";
    for (const auto& f : files.files) {
        std::ofstream file(f.name, std::ios::binary | std::ios::trunc);
        file.write(reinterpret_cast<const char*>(f.data.data()), std::streamsize(f.data.size()));
        if (!file) {
            std::cerr << "mastery poster: cannot write " << f.name << "\n";
            return kUsage;
        }
        std::cout << f.name << "\n";
    }
    const mastery::Poster& p = files.poster;
    std::cout << "Wrote " << p.pages.size() << " page" << (p.pages.size() == 1 ? "" : "s") << " ("
              << p.earned << " badge" << (p.earned == 1 ? "" : "s") << ", " << p.spots << " empty spot" << (p.spots == 1 ? "" : "s")
              << ", " << p.rows << " of " << p.chart_rows << " rows)";
    if (png) {
        const double w = p.pages.front().width / 25.4 * dpi, h = p.pages.front().height / 25.4 * dpi;
        std::cout << " at " << dpi << " dpi, " << long(w + 0.5) << " x " << long(h + 0.5) << " px";
    }
    std::cout << "\n";
    if (p.only_started) std::cout << "Only the skills " << (r.learner_name.empty() ? "the learner" : r.learner_name)
                                  << " started, earned or planned are on it (the chart is longer than " << mastery::kPosterMaxPages << " pages)\n";
    if (p.cut > 0) std::cout << p.cut << " skills did not fit on " << p.pages.size() << " pages\n";
    return kOk;
}

#endif  // MASTERY_HAVE_BADGES
