#include "tests/support/offscreen.h"

#include <SDL.h>
#include <GL/gl.h>

#include <cstdlib>
#include <cstring>

#include "imgui.h"
#include "backends/imgui_impl_opengl3.h"

namespace test_support {

base::Result<std::unique_ptr<OffscreenRenderer>> OffscreenRenderer::Create(int width, int height) {
    setenv("SDL_VIDEODRIVER", "offscreen", /*overwrite=*/0);
    if (SDL_Init(SDL_INIT_VIDEO) != 0) {
        return base::MakeError("offscreen_unavailable", std::string("SDL_Init: ") + SDL_GetError());
    }
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
    std::unique_ptr<OffscreenRenderer> r(new OffscreenRenderer());
    r->width_ = width;
    r->height_ = height;
    r->window_ = SDL_CreateWindow("offscreen", 0, 0, width, height, SDL_WINDOW_OPENGL | SDL_WINDOW_HIDDEN);
    if (!r->window_) {
        std::string reason = SDL_GetError();
        SDL_Quit();
        return base::MakeError("offscreen_unavailable", "SDL_CreateWindow: " + reason);
    }
    r->gl_context_ = SDL_GL_CreateContext(r->window_);
    if (!r->gl_context_) {
        std::string reason = SDL_GetError();
        SDL_DestroyWindow(r->window_);
        r->window_ = nullptr;
        SDL_Quit();
        return base::MakeError("offscreen_unavailable", "SDL_GL_CreateContext: " + reason);
    }
    SDL_GL_MakeCurrent(r->window_, r->gl_context_);
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // tests must not read or write imgui.ini
    io.LogFilename = nullptr;
    io.DisplaySize = ImVec2(static_cast<float>(width), static_cast<float>(height));
    if (!ImGui_ImplOpenGL3_Init("#version 130")) {
        ImGui::DestroyContext();
        return base::MakeError("offscreen_unavailable", "ImGui_ImplOpenGL3_Init failed");
    }
    return r;
}

OffscreenRenderer::~OffscreenRenderer() {
    if (in_frame_) {
        ImGui::End();
        ImGui::EndFrame();
    }
    if (ImGui::GetCurrentContext()) {
        ImGui_ImplOpenGL3_Shutdown();
        ImGui::DestroyContext();
    }
    if (gl_context_) SDL_GL_DeleteContext(static_cast<SDL_GLContext>(gl_context_));
    if (window_) SDL_DestroyWindow(window_);
    SDL_Quit();
}

void OffscreenRenderer::BeginFrame() {
    ImGui_ImplOpenGL3_NewFrame();
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(static_cast<float>(width_), static_cast<float>(height_));
    io.DeltaTime = 1.0f / 60.0f;
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0.0f);
    ImGui::PushStyleColor(ImGuiCol_WindowBg, IM_COL32(0, 0, 0, 0));
    ImGui::Begin("##offscreen", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBackground |
                     ImGuiWindowFlags_NoBringToFrontOnFocus);
    ImGui::PopStyleColor();
    ImGui::PopStyleVar(2);
    in_frame_ = true;
}

Image OffscreenRenderer::EndFrame(uint32_t clear_abgr) {
    if (in_frame_) {
        ImGui::End();
        in_frame_ = false;
    }
    ImGui::Render();
    glViewport(0, 0, width_, height_);
    glClearColor((clear_abgr & 0xFF) / 255.0f, ((clear_abgr >> 8) & 0xFF) / 255.0f,
                 ((clear_abgr >> 16) & 0xFF) / 255.0f, ((clear_abgr >> 24) & 0xFF) / 255.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    glFinish();
    Image image(width_, height_);
    std::vector<uint8_t> rows(image.rgba.size());
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, width_, height_, GL_RGBA, GL_UNSIGNED_BYTE, rows.data());
    const std::size_t stride = static_cast<std::size_t>(width_) * 4;
    for (int y = 0; y < height_; ++y) {  // GL's first row is the bottom one
        std::memcpy(&image.rgba[y * stride], &rows[(height_ - 1 - y) * stride], stride);
    }
    return image;
}

}  // namespace test_support
