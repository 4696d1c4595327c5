// `mastery`: the command line for teachers preparing pathways and for tests. Reads files,
// calls the core, prints; never crashes on bad input (bad bytes -> a message and exit 1).
#include "cli.hpp"
#include "mastery/engine.hpp"
#include "mastery/io.hpp"

#include <cstdio>
#include <iostream>

#ifdef MASTERY_HAVE_BADGES
int badges_command(int argc, char** argv);  // badges.cpp
int render_command(int argc, char** argv);  // render.cpp
int poster_command(int argc, char** argv);  // poster.cpp
#endif

namespace {

using mastery::cli::kInvalid;
using mastery::cli::kUsage;
using mastery::cli::read_file;
constexpr int kValid = mastery::cli::kOk;

const char* kHelp =
    "Usage: mastery <command> [arguments]\n"
    "\n"
    "Commands:\n"
    "  validate FILE...   check pathways, pathway indexes and learner records;\n"
    "                     prints one line per problem\n"
    "  summary FILE       a learner record's progress, next steps and signals\n"
#ifdef MASTERY_HAVE_BADGES
    "  badges RECORD --out DIR   every earned level and stack as a baked Open Badges\n"
    "                     PNG and an SVG (see: mastery badges --help)\n"
    "  render DESIGN --out FILE.png|FILE.svg   one badge design drawn as an image\n"
    "  poster RECORD --out FILE.png|FILE.svg   the competency chart with the learner's\n"
    "                     badges as a poster to print (see: mastery poster --help)\n"
#endif
    "  --help             this text\n"
    "\n"
    "Exit status: 0 all valid, 1 a file is invalid, 2 usage error or a file cannot be read.\n";

int validate(int argc, char** argv) {
    if (argc < 3) {
        std::cerr << "mastery validate: name at least one file\n";
        return kUsage;
    }
    int status = kValid;
    for (int i = 2; i < argc; ++i) {
        std::string path = argv[i], text;
        if (!read_file(path, text)) {
            std::cerr << path << ": cannot read the file\n";
            status = kUsage;
            continue;
        }
        auto parsed = mastery::parse_json(text);
        std::vector<mastery::Problem> problems = parsed.problems;
        std::string what = "file";
        if (parsed.ok()) {
            std::string format = mastery::detect_format(*parsed.value);
            if (format == mastery::kPathwayIndexFormat) {
                what = "pathway index";
                auto index = mastery::load_pathway_index(text);
                problems = index.problems;
                // each listed file must exist beside the index and be a valid pathway
                std::string dir = path.find('/') == std::string::npos ? "" : path.substr(0, path.rfind('/') + 1);
                if (index.ok())
                    for (std::size_t k = 0; k < index.value->size(); ++k) {
                        std::string file = dir + (*index.value)[k].file, body;
                        std::string ptr = "/pathways/" + std::to_string(k) + "/file";
                        if (!read_file(file, body)) {
                            problems.push_back({ptr, "cannot read \"" + file + "\""});
                            continue;
                        }
                        auto loaded = mastery::load_pathway(body);
                        if (!loaded.ok())
                            problems.push_back({ptr, "\"" + (*index.value)[k].file + "\" is not a valid pathway: " + loaded.first_error()});
                    }
            } else if (format == mastery::kRecordFormat) {
                what = "learner record";
                problems = mastery::record_from_json(*parsed.value).problems;
            } else {
                what = "pathway";  // also explains a missing or foreign envelope
                problems = mastery::pathway_from_json(*parsed.value).problems;
            }
        }
        if (problems.empty()) {
            std::cout << path << ": valid " << what << "\n";
        } else {
            for (const auto& p : problems) std::cout << path << ": " << p.to_string() << "\n";
            if (status == kValid) status = kInvalid;
        }
    }
    return status;
}

int summary(int argc, char** argv) {
    if (argc != 3) {
        std::cerr << "mastery summary: name one learner record file\n";
        return kUsage;
    }
    std::string text;
    if (!read_file(argv[2], text)) {
        std::cerr << argv[2] << ": cannot read the file\n";
        return kUsage;
    }
    auto loaded = mastery::load_record(text);
    if (!loaded.ok()) {
        for (const auto& p : loaded.problems) std::cout << argv[2] << ": " << p.to_string() << "\n";
        return kInvalid;
    }
    const mastery::LearnerRecord& r = *loaded.value;
    mastery::Progress pr(r);
    std::string now = mastery::cli::utc_now("%Y-%m-%dT%H:%M:%SZ");
    std::cout << r.learner_name << " - " << r.pathway.title << "\n\n";
    int earned = 0, total = 0;
    for (const auto& c : r.pathway.competencies) {
        total += int(c.levels.size());
        earned += pr.earned_level(c.id);
    }
    std::cout << "Levels earned: " << earned << " of " << total << "\n\nPlan:\n";
    if (r.plan.empty()) std::cout << "  (no goals yet)\n";
    for (const auto& g : r.plan) {
        auto gp = pr.goal(g, now);
        std::string what = g.kind == mastery::Goal::Kind::competency
                               ? mastery::level_label(r.pathway, g.target, g.target_level)
                               : r.pathway.find_stack(g.target)->title;
        std::cout << "  " << (gp.complete ? "[done] " : "[    ] ") << what << "  " << gp.done << " of " << gp.total
                  << (g.target_date.empty() ? "" : "  (by " + g.target_date + ")") << (gp.overdue ? "  OVERDUE" : "") << "\n";
    }
    std::cout << "\nStacks:\n";
    for (const auto& s : r.pathway.stacks) {
        const auto& sp = pr.stack(s.id);
        std::cout << "  " << (sp.complete ? "[earned] " : "         ") << s.title << "  " << sp.done << " of " << sp.required << "\n";
    }
    std::cout << "\nNext steps:\n";
    auto steps = mastery::next_steps(r, pr);
    if (steps.empty()) std::cout << "  (none: add goals to the plan)\n";
    for (const auto& s : steps) std::cout << "  - " << s.title << " (" << s.reason << ")\n";
    std::cout << "\nSignals (as of " << now.substr(0, 10) << "):\n";
    auto sig = mastery::signals(r, pr, now);
    if (sig.empty()) std::cout << "  (none)\n";
    for (const auto& s : sig) std::cout << "  ! " << s.message << "\n";
    return kValid;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::cerr << kHelp;
        return kUsage;
    }
    std::string cmd = argv[1];
    if (cmd == "--help" || cmd == "-h" || cmd == "help") {
        std::cout << kHelp;
        return kValid;
    }
    if (cmd == "validate") return validate(argc, argv);
    if (cmd == "summary") return summary(argc, argv);
#ifdef MASTERY_HAVE_BADGES
    if (cmd == "badges") return badges_command(argc, argv);
    if (cmd == "render") return render_command(argc, argv);
    if (cmd == "poster") return poster_command(argc, argv);
#endif
    std::cerr << "mastery: unknown command \"" << cmd << "\"\n\n" << kHelp;
    return kUsage;
}
