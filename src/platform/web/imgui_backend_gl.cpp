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

//
// Its font texture: the backend asks the atlas for RGBA (4 bytes per texel, a copy the atlas
// keeps) and uploads that; here it gets the atlas's own coverage bytes and
// mastery_gl_font_tex_image uploads them as LUMINANCE_ALPHA (the same colours to the
// shader, half the bytes; glTexImage2D is the backend's font upload only).
#include <imgui.h>

#define glGetIntegerv mastery_gl_get_integerv
#define glIsEnabled mastery_gl_is_enabled
#define GetTexDataAsRGBA32 GetTexDataAsAlpha8
#define glTexImage2D mastery_gl_font_tex_image
#include <imgui_impl_opengl3.cpp>
