// The benchmark's floor: a minimal Dear ImGui "hello" page built with the same toolchain,
// flags, backends and font as the app (scripts/bench compares the app with it, so ratios
// survive noisy machines). Draws one window, then frames only on input, like the app.
#include <emscripten.h>
#include <emscripten/html5.h>
#include <GLES3/gl3.h>
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>
#include <imgui_internal.h>

#include <cstdio>
#include <string>
#include <vector>

#if MASTERY_BUILTIN_FONTS
#include "ui/fonts.hpp"
extern const mastery::ui::FontFile mastery_builtin_font_files[];
#endif

// The app's ImGui library is built with the test-engine hooks (off at run time) and its own
// check handler; the floor links the same library, so it supplies empty ones.
void ImGuiTestEngineHook_ItemAdd(ImGuiContext*, ImGuiID, const ImRect&, const ImGuiLastItemData*) {}
void ImGuiTestEngineHook_ItemInfo(ImGuiContext*, ImGuiID, const char*, ImGuiItemStatusFlags) {}
void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}
const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext*, ImGuiID) { return nullptr; }
void mastery_imgui_check_failed(const char* expression, const char* file, int line) {
    std::fprintf(stderr, "ImGui check failed: %s (%s:%d)\n", expression ? expression : "-", file, line);
}

namespace {
GLFWwindow* g_window = nullptr;
int g_frames = 0;
bool g_pending = false;
std::vector<float> g_frame_ms;
std::string g_json;

EM_BOOL frame(double, void*) {
    g_pending = false;
    const double t0 = emscripten_get_now();
    int w = 0, h = 0;
    emscripten_get_canvas_element_size("#canvas", &w, &h);
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::GetIO().DisplaySize = ImVec2(float(w), float(h));
    ImGui::NewFrame();
    ImGui::Begin("Hello");
    ImGui::TextUnformatted("Hello, world");
    ImGui::End();
    ImGui::Render();
    glViewport(0, 0, w, h);
    glClearColor(0.95f, 0.95f, 0.93f, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    g_frame_ms.push_back(float(emscripten_get_now() - t0));
    if (++g_frames == 1) EM_ASM({ if (Module['helloReady']) Module['helloReady'](); });  // quoted: Closure
    return EM_FALSE;
}
}  // namespace

extern "C" {
EMSCRIPTEN_KEEPALIVE void hello_wake() {
    if (!g_pending) {
        g_pending = true;
        emscripten_request_animation_frame(frame, nullptr);
    }
}
EMSCRIPTEN_KEEPALIVE int hello_frames() { return g_frames; }
EMSCRIPTEN_KEEPALIVE const char* hello_frame_times() {
    g_json = "[";
    for (std::size_t i = 0; i < g_frame_ms.size(); ++i) g_json += (i ? "," : "") + std::to_string(g_frame_ms[i]);
    g_json += "]";
    g_frame_ms.clear();
    return g_json.c_str();
}
}

int main() {
    glfwInit();
    glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    int w = 0, h = 0;
    emscripten_get_canvas_element_size("#canvas", &w, &h);
    g_window = glfwCreateWindow(w > 0 ? w : 1280, h > 0 ? h : 800, "Hello", nullptr, nullptr);
    glfwMakeContextCurrent(g_window);
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;
#if MASTERY_BUILTIN_FONTS
    // the app's regular font, built in the same way (cmake/embed_files.cmake)
    ImFontConfig cfg;
    cfg.FontDataOwnedByAtlas = false;
    const mastery::ui::FontFile& font = mastery_builtin_font_files[0];
    ImGui::GetIO().Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(font.data), int(font.size), 18.0f, &cfg);
#endif
    ImGui_ImplGlfw_InitForOpenGL(g_window, true);
    ImGui_ImplOpenGL3_Init("#version 300 es");
    hello_wake();
    return 0;
}
