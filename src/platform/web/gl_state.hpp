// The GL state between frames, for ImGui's OpenGL3 backend (src/platform/web/imgui_backend_gl.cpp).
#pragma once

#include <GLES3/gl3.h>

extern "C" {
// Answers the backend's state backup from the known state; other queries go to WebGL.
void mastery_gl_get_integerv(GLenum pname, GLint* data);
GLboolean mastery_gl_is_enabled(GLenum cap);
}

namespace mastery::web {
// The viewport the frame draws into (the canvas's drawing buffer), set before the backend runs.
void gl_frame_viewport(int width, int height);
}  // namespace mastery::web
