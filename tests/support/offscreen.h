// tests/support/offscreen.h: render ImGui frames without a display, read them back.
//
// Part of kiosk_test_support. Uses SDL2's "offscreen" video driver (EGL + Mesa llvmpipe),
// which needs no X server; SDL_VIDEODRIVER is set to "offscreen" unless the environment
// already chooses a driver (for example x11 under Xvfb). Creates an OpenGL 3.0 context, an
// ImGui context and ImGui's OpenGL3 backend ("#version 130"). One renderer at a time.
//
//   auto renderer = test_support::OffscreenRenderer::Create(640, 480);
//   REQUIRE(renderer.ok());                       // error "offscreen_unavailable" otherwise
//   // optional: add ImGui fonts here, before the first frame builds the font texture
//   (*renderer)->BeginFrame();                    // ImGui::NewFrame + a full-size window
//   text::Label("Sveiki", style);                 // any ImGui drawing
//   test_support::Image frame = (*renderer)->EndFrame(0xFF202020);  // clear colour ABGR
//
// BeginFrame opens a borderless, unpadded ImGui window covering the whole viewport, so
// widget calls work at once; EndFrame closes it, renders, and reads the pixels back (top
// row first). The GL context stays current between frames, so GL resources (textures)
// can be made between Create() and the renderer's destruction.
#pragma once

#include <memory>

#include "base/result.h"
#include "tests/support/image.h"

struct SDL_Window;

namespace test_support {

class OffscreenRenderer {
public:
    static base::Result<std::unique_ptr<OffscreenRenderer>> Create(int width, int height);
    ~OffscreenRenderer();
    OffscreenRenderer(const OffscreenRenderer&) = delete;
    OffscreenRenderer& operator=(const OffscreenRenderer&) = delete;

    void BeginFrame();
    Image EndFrame(uint32_t clear_abgr = 0xFF000000u);

    int width() const { return width_; }
    int height() const { return height_; }

private:
    OffscreenRenderer() = default;
    SDL_Window* window_ = nullptr;
    void* gl_context_ = nullptr;
    int width_ = 0;
    int height_ = 0;
    bool in_frame_ = false;
};

}  // namespace test_support
