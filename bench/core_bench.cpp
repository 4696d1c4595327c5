// Native micro-benchmarks for the core (issue "Benchmarks and budgets"): status recompute,
// next steps, map layout, and load/validate/save of a ~10 MB record, on a generated large
// pathway. Prints JSON. Timings live here, never in the test suite.
#include "mastery/actions.hpp"
#include "mastery/engine.hpp"
#include "mastery/io.hpp"
#include "mastery/layout.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <string>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

struct Figure {
    std::string name;
    std::vector<double> ms;
};

Figure measure(const std::string& name, int runs, const std::function<void()>& fn) {
    Figure f{name, {}};
    fn();  // warm up
    for (int i = 0; i < runs; ++i) {
        auto t0 = Clock::now();
        fn();
        f.ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
    }
    return f;
}

// 2,000 competencies in 3 subjects with chains and cross links, 4 levels each.
mastery::Pathway large_pathway(int n) {
    mastery::Pathway p;
    p.id = "large";
    p.title = "Large generated pathway";
    p.scale = {"Beginning", "Developing", "Proficient", "Extending"};
    for (int i = 0; i < n; ++i) {
        mastery::Competency c;
        c.id = "c" + std::to_string(i);
        c.title = "Skill " + std::to_string(i);
        c.statement = "I can do skill " + std::to_string(i);
        c.subject = i % 3 == 0 ? "Math" : i % 3 == 1 ? "Science" : "Writing";
        for (int l = 0; l < 4; ++l)
            c.levels.push_back({{{"c1", "I explain it"}, {"c2", "I apply it"}, {"c3", "I connect it"}}, {{"What?"}, {"Show it"}, {"Why?"}}, {}, 30});
        if (i % 40) c.prerequisites.push_back({"c" + std::to_string(i - 1), 1});
        if (i >= 200) c.prerequisites.push_back({"c" + std::to_string(i - 200), 2});
        if (i >= 7 && i % 7 == 0) c.related.push_back("c" + std::to_string(i - 7));
        p.competencies.push_back(std::move(c));
    }
    for (int s = 0; s < 20; ++s) {
        mastery::Stack st;
        st.id = "s" + std::to_string(s);
        st.title = "Stack " + std::to_string(s);
        for (int k = 0; k < 10; ++k) st.members.push_back({mastery::StackMember::Kind::competency, "c" + std::to_string(s * 10 + k), 1});
        st.required = s % 2 ? 6 : 0;
        p.stacks.push_back(std::move(st));
    }
    return p;
}

// 10,000 evidence items over 1,000 levels, every third earned, plus images to reach ~10 MB.
mastery::LearnerRecord large_record(const mastery::Pathway& p, std::size_t image_bytes) {
    auto r = mastery::new_record(p, "bench", "Bench", "2026-09-01T00:00:00Z");
    int id = 1;
    for (int i = 0; i < 1000; ++i) {
        mastery::LevelWork w{"c" + std::to_string(i), 1, {}, {}, {}, {}};
        for (int k = 0; k < 10; ++k)
            w.evidence.push_back({"e" + std::to_string(id++), mastery::EvidenceKind::text, mastery::EvidencePart::artifact,
                                  "Evidence text with a few words in it, like a student would write.", "", "", {}, "2026-09-02T10:00:00Z"});
        if (i % 3 == 0) {
            w.submissions.push_back({1, "2026-09-03T10:00:00Z", {w.evidence[0].id}, {}, ""});
            w.reviews.push_back({1, "T", "teacher", "2026-09-04T10:00:00Z",
                                 {{"c1", mastery::Rating::met, ""}, {"c2", mastery::Rating::met, ""}, {"c3", mastery::Rating::met, ""}}, ""});
        }
        r.work.push_back(std::move(w));
    }
    std::uint32_t x = 1;
    for (std::size_t total = 0; total < image_bytes; total += 256 * 1024) {
        std::vector<std::uint8_t> bytes(256 * 1024);
        for (auto& b : bytes) b = std::uint8_t((x = x * 1664525u + 1013904223u) >> 24);
        r.work[1].evidence.push_back({"e" + std::to_string(id++), mastery::EvidenceKind::image, mastery::EvidencePart::artifact, "photo", "",
                                      "image/png", std::move(bytes), "2026-09-02T10:00:00Z"});
    }
    r.next_id = id;
    r.plan.push_back({"g1", mastery::Goal::Kind::competency, "c1999", 2, ""});
    r.plan.push_back({"g2", mastery::Goal::Kind::stack, "s3", 1, ""});
    return r;
}

bool write_file(const std::string& path, const std::string& text) {
    std::FILE* f = std::fopen(path.c_str(), "wb");
    if (!f) return false;
    const bool ok = std::fwrite(text.data(), 1, text.size(), f) == text.size();
    return std::fclose(f) == 0 && ok;
}

}  // namespace

// core_bench            the micro-benchmarks, as JSON on stdout
// core_bench --write D  writes D/large-pathway.json and D/large-record.json (the browser
//                       benchmark opens them) and exits
int main(int argc, char** argv) {
    auto p = large_pathway(2000);
    auto r = large_record(p, 1u << 20);  // text + ~1 MiB of images: a ~10 MB file
    std::string text = mastery::save_record(r);
    if (argc == 3 && std::string(argv[1]) == "--write") {
        const std::string dir = argv[2];
        if (!write_file(dir + "/large-pathway.json", mastery::save_pathway(p)) || !write_file(dir + "/large-record.json", text)) {
            std::fprintf(stderr, "core_bench: cannot write into %s\n", dir.c_str());
            return 2;
        }
        std::printf("wrote %s/large-pathway.json and large-record.json (%zu bytes)\n", dir.c_str(), text.size());
        return 0;
    }
    std::vector<Figure> figures;
    figures.push_back(measure("progress_recompute_2000", 20, [&] { mastery::Progress pr(r); }));
    mastery::Progress pr(r);
    figures.push_back(measure("next_steps_2000", 50, [&] { (void)mastery::next_steps(r, pr); }));
    figures.push_back(measure("layout_2000", 10, [&] { (void)mastery::layout_map(p); }));
    figures.push_back(measure("save_record_10mb", 5, [&] { (void)mastery::save_record(r); }));
    figures.push_back(measure("load_validate_record_10mb", 5, [&] {
        auto l = mastery::load_record(text);
        if (!l.ok()) std::fprintf(stderr, "load failed: %s\n", l.first_error().c_str());
    }));
    auto action = mastery::action_from_json({{"type", "add_evidence"}, {"competency", "c1"}, {"level", 1}, {"kind", "text"}, {"text", "more"}});
    figures.push_back(measure("update_one_action_10mb_record", 10, [&] { (void)mastery::update(r, *action.value); }));

    std::printf("{\n  \"record_bytes\": %zu,\n  \"competencies\": %zu,\n  \"figures\": {\n", text.size(), p.competencies.size());
    for (std::size_t i = 0; i < figures.size(); ++i) {
        auto& f = figures[i];
        std::sort(f.ms.begin(), f.ms.end());
        double sum = 0;
        for (double v : f.ms) sum += v;
        std::printf("    \"%s\": {\"runs\": %zu, \"mean_ms\": %.3f, \"min_ms\": %.3f, \"max_ms\": %.3f}%s\n", f.name.c_str(), f.ms.size(),
                    sum / double(f.ms.size()), f.ms.front(), f.ms.back(), i + 1 < figures.size() ? "," : "");
    }
    std::printf("  }\n}\n");
}
