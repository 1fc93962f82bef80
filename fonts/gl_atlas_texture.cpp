// fonts/gl_atlas_texture.cpp: the glyph atlas as an OpenGL GL_R8 texture.
//
// ImGui's OpenGL3 backend samples RGBA and multiplies by the vertex colour. A swizzle of
// (1, 1, 1, R) makes the one-byte coverage the alpha channel and the colour white, so the
// backend draws the atlas unmodified, with a quarter of an RGBA atlas's memory.
// Every call saves and restores the GL state it touches (texture binding, unpack state):
// the atlas is updated in the middle of ImGui frames.
#include <cstdint>

#define GL_GLEXT_PROTOTYPES 1
#include <GL/gl.h>
#include <GL/glext.h>

#include "fonts/glyph_atlas.h"

namespace fonts {
namespace {

struct UnpackState {
    GLint binding = 0, alignment = 0, row_length = 0, skip_pixels = 0, skip_rows = 0;
    void Save() {
        glGetIntegerv(GL_TEXTURE_BINDING_2D, &binding);
        glGetIntegerv(GL_UNPACK_ALIGNMENT, &alignment);
        glGetIntegerv(GL_UNPACK_ROW_LENGTH, &row_length);
        glGetIntegerv(GL_UNPACK_SKIP_PIXELS, &skip_pixels);
        glGetIntegerv(GL_UNPACK_SKIP_ROWS, &skip_rows);
    }
    void Restore() const {
        glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(binding));
        glPixelStorei(GL_UNPACK_ALIGNMENT, alignment);
        glPixelStorei(GL_UNPACK_ROW_LENGTH, row_length);
        glPixelStorei(GL_UNPACK_SKIP_PIXELS, skip_pixels);
        glPixelStorei(GL_UNPACK_SKIP_ROWS, skip_rows);
    }
};

class GlAtlasTexture final : public AtlasTexture {
public:
    void* Create(int width, int height, const uint8_t* pixels) override {
        UnpackState saved;
        saved.Save();
        GLuint texture = 0;
        glGenTextures(1, &texture);
        glBindTexture(GL_TEXTURE_2D, texture);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
        const GLint swizzle[4] = {GL_ONE, GL_ONE, GL_ONE, GL_RED};
        glTexParameteriv(GL_TEXTURE_2D, GL_TEXTURE_SWIZZLE_RGBA, swizzle);
        glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
        glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
        glPixelStorei(GL_UNPACK_SKIP_PIXELS, 0);
        glPixelStorei(GL_UNPACK_SKIP_ROWS, 0);
        glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, width, height, 0, GL_RED, GL_UNSIGNED_BYTE, pixels);
        saved.Restore();
        return reinterpret_cast<void*>(static_cast<intptr_t>(texture));
    }

    void Update(void* texture, int atlas_width, int x, int y, int w, int h, const uint8_t* pixels) override {
        UnpackState saved;
        saved.Save();
        glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(reinterpret_cast<intptr_t>(texture)));
        glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
        glPixelStorei(GL_UNPACK_ROW_LENGTH, atlas_width);
        glPixelStorei(GL_UNPACK_SKIP_PIXELS, x);
        glPixelStorei(GL_UNPACK_SKIP_ROWS, y);
        glTexSubImage2D(GL_TEXTURE_2D, 0, x, y, w, h, GL_RED, GL_UNSIGNED_BYTE, pixels);
        saved.Restore();
    }

    void Destroy(void* texture) override {
        const GLuint name = static_cast<GLuint>(reinterpret_cast<intptr_t>(texture));
        glDeleteTextures(1, &name);
    }
};

}  // namespace

std::unique_ptr<AtlasTexture> MakeGlAtlasTexture() { return std::make_unique<GlAtlasTexture>(); }

}  // namespace fonts
