// Dear ImGui configuration for Mastery Map (IMGUI_USER_CONFIG, set by cmake/app.cmake).
// ImGui's checks (Begin/End pairs, ID stack, ...) stay on in release builds: the native
// UI tests turn a failed check into a test failure, the web build into a console error
// (which fails the browser tests). Each platform defines the handler; `expression` is null
// where the build leaves the check's text out.
#pragma once

void mastery_imgui_check_failed(const char* expression, const char* file, int line);
#if defined(__EMSCRIPTEN__) && defined(NDEBUG)
// The web release names a failed check by file and line only: ImGui's ~350 check texts are
// ~29 KB of the download (docs/PERFORMANCE.md), and the line in ImGui 1.90.1 shows the text.
#define IM_ASSERT(_EXPR) ((_EXPR) ? (void)0 : mastery_imgui_check_failed(nullptr, __FILE_NAME__, __LINE__))
#else
#define IM_ASSERT(_EXPR) ((_EXPR) ? (void)0 : mastery_imgui_check_failed(#_EXPR, __FILE__, __LINE__))
#endif

// 32-bit indices: student badges are meshes (src/ui/badge_art.cpp) and a map full of them
// passes 64k vertices in one window; WebGL2 has no base-vertex draws (no VtxOffset), and
// the OpenGL3 backend draws GL_UNSIGNED_INT indices when ImDrawIdx is 4 bytes.
#define ImDrawIdx unsigned int
