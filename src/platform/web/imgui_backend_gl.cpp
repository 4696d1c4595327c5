// Dear ImGui's OpenGL3 backend (Debian's source, compiled here) for the web app, with its
// per-frame GL state backup answered from state we know. Before each frame the backend
// reads back ~20 values (bindings, blend, enables, viewport) to restore them afterwards;
// in Chrome each glGetIntegerv / glIsEnabled on WebGL is a round trip to the GPU process
// that waits for the previous frame's work: 40% of a pan/zoom frame's CPU time at 4x
// throttling (a CPU profile of 2026-12-03; docs/PERFORMANCE.md). Nothing else draws into
// the app's context, so between frames the state is the one the backend restored: these
// reads are answered from src/platform/web/gl_state.cpp, every other query goes to WebGL.
#include <GLES3/gl3.h>

#include "platform/web/gl_state.hpp"

#define glGetIntegerv mastery_gl_get_integerv
#define glIsEnabled mastery_gl_is_enabled
#include <imgui_impl_opengl3.cpp>
