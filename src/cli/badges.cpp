// `mastery badges RECORD --out DIR`: every earned level and stack of a learner record as a
// baked Open Badges 3.0 PNG and an SVG (a teacher can run it over a whole class). Built
// only when the mastery_badge target exists (MASTERY_HAVE_BADGES).
#ifdef MASTERY_HAVE_BADGES

#include "badge_export.hpp"
#include "cli.hpp"
#include "mastery/engine.hpp"
#include "mastery/io.hpp"

#include <filesystem>
#include <fstream>
#include <iostream>

namespace {

using mastery::cli::kInvalid;
using mastery::cli::kOk;
using mastery::cli::kUsage;

const char* kUsageText =
    "Usage: mastery badges RECORD --out DIR [--size PIXELS] [--fonts DIR]\n"
    "  Writes every earned level and stack of the learner record RECORD into DIR (created\n"
    "  if missing) as <competency>-<level>.png (an Open Badges 3.0 PNG, credential baked\n"
    "  in, self-asserted) and .svg. PIXELS: 16..4096, default 512. Fonts come from Debian's\n"
    "  fonts-dejavu-core and fonts-fork-awesome, or from DIR / $MASTERY_FONT_DIR.\n";

bool write_file(const std::filesystem::path& path, const void* data, std::size_t size) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out) return false;
    out.write(static_cast<const char*>(data), std::streamsize(size));
    return bool(out);
}

}  // namespace

int badges_command(int argc, char** argv) {
    std::string record_path, out_dir, font_dir;
    int size = 512;
    for (int i = 2; i < argc; ++i) {
        std::string a = argv[i];
        auto value = [&](const char* name) -> const char* {
            if (i + 1 >= argc) {
                std::cerr << "mastery badges: " << name << " needs a value\n" << kUsageText;
                return nullptr;
            }
            return argv[++i];
        };
        if (a == "--out") {
            const char* v = value("--out");
            if (!v) return kUsage;
            out_dir = v;
        } else if (a == "--size") {
            const char* v = value("--size");
            if (!v) return kUsage;
            char* end = nullptr;
            long n = std::strtol(v, &end, 10);
            if (!end || *end || n < 16 || n > 4096) {
                std::cerr << "mastery badges: --size must be a whole number from 16 to 4096\n";
                return kUsage;
            }
            size = int(n);
        } else if (a == "--fonts") {
            const char* v = value("--fonts");
            if (!v) return kUsage;
            font_dir = v;
        } else if (a == "--help" || a == "-h") {
            std::cout << kUsageText;
            return kOk;
        } else if (!a.empty() && a[0] == '-') {
            std::cerr << "mastery badges: unknown option \"" << a << "\"\n" << kUsageText;
            return kUsage;
        } else if (record_path.empty()) {
            record_path = a;
        } else {
            std::cerr << "mastery badges: name one learner record\n" << kUsageText;
            return kUsage;
        }
    }
    if (record_path.empty() || out_dir.empty()) {
        std::cerr << "mastery badges: name a learner record and --out DIR\n" << kUsageText;
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
    mastery::Progress progress(r);

    mastery::StbGlyphSource fonts;
    mastery::FontPaths paths = mastery::default_font_paths();
    if (!font_dir.empty())
        paths = {font_dir + "/DejaVuSans.ttf", font_dir + "/DejaVuSans-Bold.ttf", font_dir + "/forkawesome-webfont.ttf"};
    for (const auto& problem : mastery::load_fonts(fonts, paths))
        std::cerr << "mastery badges: warning: " << problem << " (text or icons will be left out)\n";

    std::error_code ec;
    std::filesystem::create_directories(out_dir, ec);
    if (ec || !std::filesystem::is_directory(out_dir)) {
        std::cerr << "mastery badges: cannot create the folder " << out_dir << "\n";
        return kUsage;
    }
    auto keys = mastery::earned_badge_keys(r, progress);
    if (keys.empty()) {
        std::cout << (r.learner_name.empty() ? std::string("This learner") : r.learner_name) << " has no earned levels or stacks yet: no badges written\n";
        return kOk;
    }
    int written = 0, status = kOk;
    for (const auto& key : keys) {
        auto files = mastery::export_badge(r, progress, key, &fonts, &mastery::builtin_icons(), size);
        if (!files.ok()) {
            std::cerr << "mastery badges: " << key << ": " << files.first_error() << "\n";
            status = kInvalid;
            continue;
        }
        const auto& f = *files.value;
        std::filesystem::path png = std::filesystem::path(out_dir) / (f.stem + ".png");
        std::filesystem::path svg = std::filesystem::path(out_dir) / (f.stem + ".svg");
        if (!write_file(png, f.png.data(), f.png.size()) || !write_file(svg, f.svg.data(), f.svg.size())) {
            std::cerr << "mastery badges: cannot write " << png.string() << "\n";
            return kUsage;
        }
        for (const auto& n : f.notes) std::cerr << "mastery badges: note: " << f.stem << ": " << n << "\n";
        std::cout << png.string() << "  " << f.title << "\n";
        ++written;
    }
    std::cout << "Wrote " << written << " badge" << (written == 1 ? "" : "s") << " (PNG + SVG) for "
              << (r.learner_name.empty() ? std::string("the learner") : r.learner_name) << " to " << out_dir << "\n";
    return status;
}

#endif  // MASTERY_HAVE_BADGES
