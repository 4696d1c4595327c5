// Native frame benchmark of the views (scripts/bench): the real Session and Shell, headless
// (no renderer), on the large pathway and record that core_bench --write makes. Pans,
// zooms and steps through the map like bench/web-bench.mjs does in the browser, and times
// each frame (NewFrame .. Render). Prints JSON. Also a target for profilers:
//   valgrind --tool=callgrind build/native/bin/ui_bench build/bench/large-pathway.json build/bench/large-record.json
#include "app/session.hpp"
#include "ui/badge_art.hpp"
#include "ui/fonts.hpp"
#include "ui/shell.hpp"
#include "ui/theme.hpp"

#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

// ImGui's checks (imconfig_mastery.hpp) report here.
void mastery_imgui_check_failed(const char* expression, const char* file, int line) {
    std::fprintf(stderr, "ImGui check failed: %s (%s:%d)\n", expression, file, line);
}

namespace {

using Clock = std::chrono::steady_clock;
double ms_since(Clock::time_point t0) { return std::chrono::duration<double, std::milli>(Clock::now() - t0).count(); }

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

struct Stats {
    double mean = 0, p95 = 0, max = 0;
    std::size_t n = 0;
};
Stats stats(std::vector<double> v) {
    Stats s;
    if (v.empty()) return s;
    std::sort(v.begin(), v.end());
    for (double x : v) s.mean += x;
    s.n = v.size();
    s.mean /= static_cast<double>(v.size());
    s.p95 = v[std::min(v.size() - 1, static_cast<std::size_t>(static_cast<double>(v.size()) * 0.95))];
    s.max = v.back();
    return s;
}
std::string json(const Stats& s) {
    char buf[160];
    std::snprintf(buf, sizeof buf, "{\"n\":%zu,\"mean\":%.3f,\"p95\":%.3f,\"max\":%.3f}", s.n, s.mean, s.p95, s.max);
    return buf;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: ui_bench LARGE_PATHWAY.json LARGE_RECORD.json\n");
        return 2;
    }
    const std::string pathway = read_file(argv[1]), record = read_file(argv[2]);
    if (pathway.empty() || record.empty()) {
        std::fprintf(stderr, "ui_bench: cannot read %s or %s (run core_bench --write first)\n", argv[1], argv[2]);
        return 1;
    }
    using namespace mastery;
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(1280, 800);
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    const std::string dir = MASTERY_FONT_DIR;
    auto t0 = Clock::now();
    ui::build_fonts(dir.empty() ? "" : dir + "/ui-sans.ttf", dir.empty() ? "" : dir + "/ui-sans-bold.ttf", 1.0f);
    unsigned char* pixels = nullptr;
    int tw = 0, th = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &tw, &th);
    const double fonts_ms = ms_since(t0);

    // Badge sprites as the web app has them (src/ui/badge_art.hpp), with pages in memory:
    // the upload is a copy here, a texSubImage2D there.
    std::vector<std::vector<std::uint8_t>> pages;
    ui::BadgeSpriteHost sprites;
    sprites.create_page = [&pages]() {
        pages.emplace_back(std::size_t(ui::kBadgeSpritePage) * ui::kBadgeSpritePage * 4);
        return reinterpret_cast<ImTextureID>(pages.size());
    };
    sprites.update = [&pages](ImTextureID page, int x, int y, int w, int h, const std::uint8_t* rgba) {
        std::vector<std::uint8_t>& px = pages[reinterpret_cast<std::size_t>(page) - 1];
        for (int r = 0; r < h; ++r)
            std::copy_n(rgba + std::size_t(r) * std::size_t(w) * 4, std::size_t(w) * 4,
                        &px[(std::size_t(y + r) * ui::kBadgeSpritePage + std::size_t(x)) * 4]);
    };
    ui::set_badge_sprite_host(std::move(sprites));

    app::NullServices services;
    app::Session session(services, [] { return std::string("2026-11-22T10:00:00Z"); });
    ui::Shell shell(session);
    ui::apply_theme(session.prefs().theme, 1.0f);
    auto frame = [&] {
        const auto f0 = Clock::now();
        io.DeltaTime = 1.0f / 60.0f;
        ui::Shell::before_frame(io.DeltaTime);
        ImGui::NewFrame();
        shell.draw();
        ImGui::Render();
        return ms_since(f0);
    };

    t0 = Clock::now();
    session.start_with_pathway_text("bench/large-pathway.json", pathway);
    const double pathway_ms = ms_since(t0);
    const double first_frame_ms = frame();
    for (int i = 0; i < 3; ++i) frame();

    t0 = Clock::now();
    const std::string imported = session.js_import(record);
    const double import_ms = ms_since(t0);
    if (imported.find("\"ok\":true") == std::string::npos) {
        std::fprintf(stderr, "ui_bench: the large record did not import: %s\n", imported.c_str());
        return 1;
    }
    const double after_import_frame_ms = frame();
    session.ui().page = app::Page::map;
    for (int i = 0; i < 3; ++i) frame();

    // The same gestures as web-bench.mjs: three drags, twelve wheel steps, six arrow keys.
    std::vector<double> pan;
    for (int k = 0; k < 3; ++k) {
        io.AddMousePosEvent(700, 500);
        pan.push_back(frame());
        io.AddMouseButtonEvent(0, true);
        pan.push_back(frame());
        for (int s = 0; s < 30; ++s) {
            io.AddMousePosEvent(700.0f - s * 12.0f, 500.0f - s * 6.0f);
            pan.push_back(frame());
        }
        io.AddMouseButtonEvent(0, false);
        pan.push_back(frame());
    }
    io.AddMousePosEvent(640, 450);
    for (int s = 0; s < 12; ++s) {
        io.AddMouseWheelEvent(0, s < 6 ? 1.0f : -1.0f);
        for (int f = 0; f < 3; ++f) pan.push_back(frame());
    }
    for (int s = 0; s < 6; ++s) {
        const ImGuiKey key = s < 3 ? ImGuiKey_RightArrow : ImGuiKey_DownArrow;
        io.AddKeyEvent(key, true);
        pan.push_back(frame());
        io.AddKeyEvent(key, false);
        for (int f = 0; f < 3; ++f) pan.push_back(frame());
    }
    std::vector<double> idle;
    for (int i = 0; i < 60; ++i) idle.push_back(frame());

    std::printf("{\"font_atlas_ms\":%.3f,\"atlas\":[%d,%d],\"large_pathway_start_ms\":%.3f,\"first_frame_ms\":%.3f,"
                "\"large_record_import_ms\":%.3f,\"frame_after_import_ms\":%.3f,\"map_pan_zoom_frame_ms\":%s,\"map_still_frame_ms\":%s}\n",
                fonts_ms, tw, th, pathway_ms, first_frame_ms, import_ms, after_import_frame_ms, json(stats(pan)).c_str(),
                json(stats(idle)).c_str());
    ImGui::DestroyContext();
    return 0;
}
