// The GL state between the app's frames. The app's GL calls are glViewport + glClear per
// frame, thumbnail textures (web_services.cpp, which bind what they use) and ImGui's
// OpenGL3 backend, which sets what it draws with and restores what it read back before.
// Reading back here gives WebGL's initial state (bindings 0, blending and tests off,
// blend ONE/ZERO with FUNC_ADD), so the backend restores that state every frame and it
// stays the state between frames. The browser tests' pixel comparisons and screenshots
// draw through this path.
#include "platform/web/gl_state.hpp"

#include <cstddef>
#include <memory>

namespace {
GLint g_viewport[4] = {0, 0, 0, 0};
}

namespace mastery::web {
void gl_frame_viewport(int width, int height) {
    g_viewport[2] = width;
    g_viewport[3] = height;
    glViewport(0, 0, width, height);
}
}  // namespace mastery::web

extern "C" void mastery_gl_get_integerv(GLenum pname, GLint* data) {
    switch (pname) {
        case GL_ACTIVE_TEXTURE: *data = GL_TEXTURE0; return;
        case GL_CURRENT_PROGRAM:
        case GL_TEXTURE_BINDING_2D:
        case GL_SAMPLER_BINDING:
        case GL_ARRAY_BUFFER_BINDING:
        case GL_VERTEX_ARRAY_BINDING: *data = 0; return;
        case GL_BLEND_SRC_RGB:
        case GL_BLEND_SRC_ALPHA: *data = GL_ONE; return;
        case GL_BLEND_DST_RGB:
        case GL_BLEND_DST_ALPHA: *data = GL_ZERO; return;
        case GL_BLEND_EQUATION_RGB:
        case GL_BLEND_EQUATION_ALPHA: *data = GL_FUNC_ADD; return;
        case GL_VIEWPORT:
        case GL_SCISSOR_BOX:
            for (int i = 0; i < 4; ++i) data[i] = g_viewport[i];
            return;
        default: glGetIntegerv(pname, data);
    }
}

extern "C" GLboolean mastery_gl_is_enabled(GLenum cap) {
    switch (cap) {
        case GL_BLEND:
        case GL_CULL_FACE:
        case GL_DEPTH_TEST:
        case GL_STENCIL_TEST:
        case GL_SCISSOR_TEST: return GL_FALSE;
        default: return glIsEnabled(cap);
    }
}

void mastery_gl_font_tex_image(GLenum target, GLint level, GLint, GLsizei width, GLsizei height, GLint border, GLenum,
                               GLenum type, const void* coverage) {
    const std::size_t texels = std::size_t(width) * std::size_t(height);
    // Not a std::vector: its zero-filling runs a byte at a time at -Oz (~20 ms at 4x CPU
    // throttling for the 1x atlas, in a startup profile), and every byte is written below.
    const std::unique_ptr<unsigned char[]> buffer(new unsigned char[texels * 2]);
    unsigned char* la = buffer.get();  // (the smart pointer's operator[] is a call at -Oz)
    const auto* a = static_cast<const unsigned char*>(coverage);
    for (std::size_t i = 0; i < texels; ++i) {
        la[2 * i] = 255;
        la[2 * i + 1] = a[i];
    }
    const bool odd = width % 2 != 0;  // rows of 2 x width bytes: 4-aligned when width is even
    if (odd) glPixelStorei(GL_UNPACK_ALIGNMENT, 2);
    glTexImage2D(target, level, GL_LUMINANCE_ALPHA, width, height, border, GL_LUMINANCE_ALPHA, type, la);
    if (odd) glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
}
