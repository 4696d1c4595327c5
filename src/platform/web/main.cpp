// The web entry point: GLFW (Emscripten's) + WebGL2 + Dear ImGui, sized to the canvas in
// device pixels, drawing frames only when something happened (battery: idle costs 0
// frames). See ../shared/WEB-NOTES.md for the measured reasons behind each choice.
#include "platform/web/gl_state.hpp"
#include "platform/web/web_app.hpp"

#include "ui/badge_art.hpp"
#include "ui/fonts.hpp"
#include "ui/item_probe.hpp"
#include "ui/theme.hpp"

#include <emscripten.h>
#include <emscripten/html5.h>
#include <GLES3/gl3.h>
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>
#include <imgui_internal.h>

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#if MASTERY_BUILTIN_FONTS
extern const mastery::ui::FontFile mastery_builtin_font_files[];  // generated: cmake/embed_files.cmake
#endif

// ImGui's checks (imconfig_mastery.hpp): a console error, which the browser tests catch.
void mastery_imgui_check_failed(const char* expression, const char* file, int line) {
    const std::string where = std::string(file) + ":" + std::to_string(line);
    const std::string text = expression ? "ImGui check failed: " + std::string(expression) + " (" + where + ")"
                                        : "ImGui check failed at " + where + " (Dear ImGui " IMGUI_VERSION ")";
    mastery_js_error(text.c_str());
}

namespace mastery::web {

namespace {

constexpr const char* kCanvas = "#canvas";
constexpr double kSettleSeconds = 0.3;  // keep drawing this long after the last event (hover, auto-size)
constexpr int kSettleFrames = 4;        // and at least this many frames (a slow machine needs them all)

GLFWwindow* g_window = nullptr;
bool g_frame_pending = false;
double g_settle_until = 0;     // ms (emscripten_get_now)
int g_settle_frames = 0;       // frames still owed after the last event
float g_built_scale = 0;       // pixel scale the font atlas was built for
app::Theme g_built_theme = app::Theme::light;
bool g_text_input = false;
double g_last_frame_time = 0;  // seconds (emscripten_get_now / 1000)

WebApp* g_app = nullptr;

EM_BOOL on_animation_frame(double, void*);

void schedule() {
    if (g_frame_pending) return;
    g_frame_pending = true;
    emscripten_request_animation_frame(on_animation_frame, nullptr);
}

// Fonts and style follow UI scale x devicePixelRatio; rebuilt only when that changes
// (browser zoom changes the ratio).
void sync_scale_and_theme() {
    const float scale = ui::Shell::pixel_scale(g_app->session.prefs(), static_cast<float>(emscripten_get_device_pixel_ratio()));
    const app::Theme theme = g_app->session.prefs().theme;
    if (scale != g_built_scale) {
        const double started = emscripten_get_now();
        ui::build_fonts("/fonts/ui-sans.ttf", "/fonts/ui-sans-bold.ttf", scale);
        const double built = emscripten_get_now();
        if (g_built_scale == 0) {
            // The first time: the shader, buffers and font texture together (the backend's
            // first NewFrame would otherwise make and upload a second font texture).
            ImGui_ImplOpenGL3_CreateDeviceObjects();
        } else {
            ImGui_ImplOpenGL3_DestroyFontsTexture();
            ImGui_ImplOpenGL3_CreateFontsTexture();
        }
        if (g_built_scale == 0)
            mark("font atlas " + std::to_string(int(built - started)) + " ms, its texture " + std::to_string(int(emscripten_get_now() - built)) + " ms");
        g_built_scale = scale;
        ui::apply_theme(theme, scale);
        g_built_theme = theme;
    } else if (theme != g_built_theme) {
        ui::apply_theme(theme, scale);
        g_built_theme = theme;
    }
}

void set_ime_data(ImGuiViewport*, ImGuiPlatformImeData* data) {
    if (data->WantVisible) mastery_js_text_input(1, data->InputPos.x, data->InputPos.y, data->InputLineHeight);
}

// CPU time inside each frame (ImGui + GL submission), for scripts/bench; the browser's own
// frame interval would measure the software rasteriser, not the app. g_gl_ms: the part of
// it spent in GL calls (glClear + the backend's RenderDrawData).
std::vector<float> g_frame_ms;
std::vector<float> g_gl_ms;
std::string g_frame_json;

constexpr std::size_t kMaxMarks = 64;
std::vector<std::pair<std::string, double>> g_marks;
std::string g_marks_json;

void draw_frame() {
    WebApp& a = *g_app;
    int width = 0, height = 0;
    emscripten_get_canvas_element_size(kCanvas, &width, &height);
    if (width < 1 || height < 1) return;
    const double started = emscripten_get_now();
    const bool first = a.frames == 0;
    sync_scale_and_theme();

    const double now = emscripten_get_now() / 1000.0;
    ui::Shell::before_frame(static_cast<float>(now - g_last_frame_time));
    g_last_frame_time = now;
    ui::probe::begin_frame();
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGuiIO& io = ImGui::GetIO();
    // GLFW knows nothing of HiDPI here: the canvas holds device pixels, mouse positions
    // arrive in canvas pixels, so ImGui works in device pixels at scale 1.
    io.DisplaySize = ImVec2(static_cast<float>(width), static_cast<float>(height));
    io.DisplayFramebufferScale = ImVec2(1, 1);
    ImGui::NewFrame();
    a.shell.draw();
    ImGui::Render();
    if (first) mark("first frame: views drawn");
    ui::probe::end_frame();
    a.session.poll_changes();  // autosave: the page debounces, then calls mm_save_now
    // a long file task: its next stage runs once this frame (showing the current one) is on screen
    if (a.session.job_ready()) mastery_js_job_soon();

    const double gl_started = emscripten_get_now();
    gl_frame_viewport(width, height);
    const ImVec4 bg = ImGui::GetStyleColorVec4(ImGuiCol_WindowBg);
    glClearColor(bg.x, bg.y, bg.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    ++a.frames;
    const double ended = emscripten_get_now();
    if (g_frame_ms.size() < 100000) {
        g_frame_ms.push_back(static_cast<float>(ended - started));
        g_gl_ms.push_back(static_cast<float>(ended - gl_started));
    }
    if (first) mark("first frame drawn");

    if (io.WantTextInput != g_text_input) {
        g_text_input = io.WantTextInput;
        if (!g_text_input) mastery_js_text_input(0, 0, 0, 0);
        else mastery_js_text_input(1, io.MousePos.x, io.MousePos.y, ImGui::GetFontSize());
    }
    if (!a.ready_sent && a.session.startup().phase != app::StartPhase::loading) {
        mark("ready (frame " + std::to_string(a.frames) + ")");
        a.ready_sent = true;
        mastery_js_ready();
    }
}

EM_BOOL on_animation_frame(double, void*) {
    g_frame_pending = false;
    draw_frame();
    fetch_icon_font_if_asked();
    ImGuiContext& g = *ImGui::GetCurrentContext();
    if (g_settle_frames > 0) --g_settle_frames;
    const bool more = emscripten_get_now() < g_settle_until || g_settle_frames > 0 || g_app->session.ui().animating || g.InputEventsQueue.Size > 0 ||
                      (g_app->session.startup().phase == app::StartPhase::loading && g_app->frames < 2);
    if (more) schedule();
    return EM_FALSE;
}

// Wheel on the canvas (not the document: Chromium makes document wheel listeners passive,
// so ImGui's own callback could not stop the page from zooming). Same step sizes as
// imgui_impl_glfw's Emscripten callback; Ctrl+wheel (a trackpad pinch) zooms the map.
EM_BOOL on_wheel(int, const EmscriptenWheelEvent* ev, void*) {
    float multiplier = 0.0f;
    if (ev->deltaMode == DOM_DELTA_PIXEL) multiplier = 1.0f / 100.0f;
    else if (ev->deltaMode == DOM_DELTA_LINE) multiplier = 1.0f / 3.0f;
    else if (ev->deltaMode == DOM_DELTA_PAGE) multiplier = 80.0f;
    app::UiState& ui = g_app->session.ui();
    if (ev->mouse.ctrlKey && ui.page == app::Page::map) {
        const ImVec2 at = ImGui::GetIO().MousePos;
        ui.pinch_factor *= std::pow(1.15f, static_cast<float>(-ev->deltaY * multiplier));
        ui.pinch_x = at.x;
        ui.pinch_y = at.y;
    } else {
        ImGui::GetIO().AddMouseWheelEvent(static_cast<float>(-ev->deltaX * multiplier), static_cast<float>(-ev->deltaY * multiplier));
    }
    wake();
    return EM_TRUE;
}

const char* get_clipboard(void*) { return g_app->clipboard.c_str(); }

void set_clipboard(void*, const char* text) {
    g_app->clipboard = text ? text : "";
    mastery_js_set_clipboard(g_app->clipboard.c_str());
}

}  // namespace

WebApp& app() { return *g_app; }

void fetch_icon_font_if_asked() {
    if (ui::take_badge_icon_font_request()) {
        mark("badge icon font asked for");
        mastery_js_fetch_font("fonts/badge-icons.ttf");
    }
}

void mark(const std::string& what) {
    if (g_marks.size() < kMaxMarks) g_marks.emplace_back(what, emscripten_get_now());
}

}  // namespace mastery::web

// Test and benchmark support: the frame times (ms) since the last call, as a JSON array;
// with `gl` = 1 the GL part of each frame instead (both lists are cleared by the gl = 0 call).
extern "C" EMSCRIPTEN_KEEPALIVE const char* mm_frame_times(int gl) {
    using mastery::web::g_frame_ms;
    using mastery::web::g_gl_ms;
    const std::vector<float>& list = gl ? g_gl_ms : g_frame_ms;
    std::string& out = mastery::web::g_frame_json;
    out = "[";
    for (std::size_t i = 0; i < list.size(); ++i) {
        if (i) out += ',';
        out += std::to_string(list[i]);
    }
    out += ']';
    if (!gl) {
        g_frame_ms.clear();
        g_gl_ms.clear();
    }
    return out.c_str();
}

// The startup timeline: [["what", ms], ...] (ms since navigation start).
extern "C" EMSCRIPTEN_KEEPALIVE const char* mm_marks() {
    std::string& out = mastery::web::g_marks_json;
    out = "[";
    for (const auto& [what, at] : mastery::web::g_marks) {
        if (out.size() > 1) out += ',';
        out += "[\"" + what + "\"," + std::to_string(at) + "]";
    }
    out += ']';
    return out.c_str();
}

namespace mastery::web {

void wake() {
    g_settle_until = emscripten_get_now() + kSettleSeconds * 1000.0;
    g_settle_frames = kSettleFrames;
    // While the app starts, the page's loading screen covers the canvas: a frame then would
    // only keep the pathway and the stored record waiting. The answer that ends the start
    // (ready or failed) wakes the app again.
    if (g_app && g_window && g_app->session.startup().phase != app::StartPhase::loading) schedule();
}

}  // namespace mastery::web

using namespace mastery;

int main() {
    web::mark("main");
#if MASTERY_BUILTIN_FONTS
    ui::use_builtin_font_files(mastery_builtin_font_files);
#endif
    web::g_app = new web::WebApp();
    if (!glfwInit()) {
        mastery_js_error("could not start GLFW");
        return 1;
    }
    glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    int width = 0, height = 0;
    emscripten_get_canvas_element_size(web::kCanvas, &width, &height);
    web::g_window = glfwCreateWindow(width > 0 ? width : 1280, height > 0 ? height : 800, "Mastery Map", nullptr, nullptr);
    if (!web::g_window) {
        mastery_js_no_webgl();  // the page explains (web/shell.js)
        return 1;
    }
    glfwMakeContextCurrent(web::g_window);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;                     // nothing is saved by ImGui itself
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    io.ConfigInputTextCursorBlink = false;        // a blinking caret would need frames forever
    ImGui_ImplGlfw_InitForOpenGL(web::g_window, true);
    // After the backend's init, which installs GLFW's clipboard (a stub under Emscripten).
    io.SetClipboardTextFn = web::set_clipboard;
    io.GetClipboardTextFn = web::get_clipboard;
    io.SetPlatformImeDataFn = web::set_ime_data;
    emscripten_set_wheel_callback(EMSCRIPTEN_EVENT_TARGET_DOCUMENT, nullptr, false, nullptr);  // see on_wheel
    emscripten_set_wheel_callback(web::kCanvas, nullptr, false, web::on_wheel);
    ImGui_ImplOpenGL3_Init("#version 300 es");
    // Badge sprite pages (src/ui/badge_art.hpp): RGBA textures filled a cell at a time. The
    // binding goes back to 0, the state between frames (gl_state.cpp).
    ui::BadgeSpriteHost sprites;
    sprites.create_page = []() -> ImTextureID {
        GLuint tex = 0;
        glGenTextures(1, &tex);
        if (tex == 0) return nullptr;
        glBindTexture(GL_TEXTURE_2D, tex);
        glTexStorage2D(GL_TEXTURE_2D, 1, GL_RGBA8, ui::kBadgeSpritePage, ui::kBadgeSpritePage);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
        glBindTexture(GL_TEXTURE_2D, 0);
        return reinterpret_cast<ImTextureID>(static_cast<std::uintptr_t>(tex));
    };
    sprites.update = [](ImTextureID page, int x, int y, int w, int h, const std::uint8_t* rgba) {
        glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(reinterpret_cast<std::uintptr_t>(page)));
        glPixelStorei(GL_UNPACK_ALIGNMENT, 4);  // rows of 4 x w bytes
        glTexSubImage2D(GL_TEXTURE_2D, 0, x, y, w, h, GL_RGBA, GL_UNSIGNED_BYTE, rgba);
        glBindTexture(GL_TEXTURE_2D, 0);
    };
    ui::set_badge_sprite_host(std::move(sprites));

    // Prefs from this device; reduced motion follows the system setting until chosen.
    app::Prefs defaults;
    defaults.reduced_motion = mastery_js_prefers_reduced_motion() != 0;
    char* stored = mastery_js_load_prefs();
    web::g_app->session.load_prefs(app::prefs_from_text(stored ? stored : "", defaults));
    std::free(stored);

    web::mark("GL and ImGui ready");
    char* param = mastery_js_pathway_param();
    web::g_app->session.start(param ? param : "", /*use_storage=*/true);
    std::free(param);
    // The fonts are built in a task of their own while the browser finds the stored record
    // and the pathway: answers that arrived while main ran (the page fetched the pathway
    // early) are handled first, then the fonts; the first frame builds them if still missing.
    emscripten_async_call([](void*) { web::sync_scale_and_theme(); }, nullptr, 0);

    web::wake();
    return 0;  // the runtime stays alive (EXIT_RUNTIME=0); frames come from events
}
