// The GL state between frames, for ImGui's OpenGL3 backend (src/platform/web/imgui_backend_gl.cpp).
#pragma once

#include <GLES3/gl3.h>

extern "C" {
// Answers the backend's state backup from the known state; other queries go to WebGL.
void mastery_gl_get_integerv(GLenum pname, GLint* data);
GLboolean mastery_gl_is_enabled(GLenum cap);
// The backend's font texture upload, given the atlas's one byte of coverage per texel:
// uploaded as LUMINANCE_ALPHA (white, coverage as alpha: what the backend's shader reads
// from an RGBA copy) at half the bytes, and without the RGBA copy the atlas would keep.
void mastery_gl_font_tex_image(GLenum target, GLint level, GLint internal_format, GLsizei width, GLsizei height,
                               GLint border, GLenum format, GLenum type, const void* coverage);
}

namespace mastery::web {
// The viewport the frame draws into (the canvas's drawing buffer), set before the backend runs.
void gl_frame_viewport(int width, int height);
}  // namespace mastery::web
