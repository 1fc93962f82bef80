#include "kiosk/display.h"

#include <SDL_opengl.h>

#include "base/log.h"

namespace kiosk {

DriverChoice ChooseVideoDrivers(VideoDriver configured, bool script_mode, const char* env_driver,
                                bool has_wayland_display, bool has_x_display) {
    DriverChoice choice;
    if (env_driver != nullptr && env_driver[0] != '\0') {
        choice.candidates = {env_driver};
        choice.reason = "SDL_VIDEODRIVER is set";
        return choice;
    }
    if (configured != VideoDriver::Auto) {
        choice.candidates = {VideoDriverName(configured)};
        choice.reason = "video_driver is configured";
        return choice;
    }
    if (script_mode) {
        choice.candidates = {"offscreen"};
        choice.reason = "a script run with video_driver = auto";
        return choice;
    }
    if (has_wayland_display) {
        choice.candidates = {"wayland", "x11", "kmsdrm"};
        choice.reason = "auto: WAYLAND_DISPLAY is set";
    } else if (has_x_display) {
        choice.candidates = {"x11", "kmsdrm"};
        choice.reason = "auto: DISPLAY is set";
    } else {
        choice.candidates = {"kmsdrm", "wayland", "x11"};
        choice.reason = "auto: no desktop session";
    }
    return choice;
}

void Display::Close() {
    if (gl != nullptr) SDL_GL_DeleteContext(gl);
    if (window != nullptr) SDL_DestroyWindow(window);
    gl = nullptr;
    window = nullptr;
    if (!driver.empty()) SDL_QuitSubSystem(SDL_INIT_VIDEO);
    driver.clear();
}

base::Result<Display> OpenDisplay(const DriverChoice& choice, const DisplayOptions& options) {
    Display display;
    std::string tried;
    for (const std::string& name : choice.candidates) {
        SDL_SetHint(SDL_HINT_VIDEODRIVER, name.c_str());
        if (SDL_InitSubSystem(SDL_INIT_VIDEO) == 0) {
            display.driver = SDL_GetCurrentVideoDriver() ? SDL_GetCurrentVideoDriver() : name;
            break;
        }
        tried += (tried.empty() ? "" : "; ") + name + ": " + SDL_GetError();
    }
    if (display.driver.empty()) {
        return base::MakeError("display_open_failed",
                               "no video driver could be opened (" + choice.reason + "; tried " + tried + ")");
    }
    bool offscreen = display.driver == "offscreen" || display.driver == "dummy";
    base::Log(offscreen ? base::LogLevel::Warn : base::LogLevel::Info, "video_driver",
              "driver=" + display.driver + " reason=\"" + choice.reason + "\"" +
                  (offscreen ? " note=\"nothing is shown on a screen\"" : ""));

    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
    SDL_GL_SetAttribute(SDL_GL_DEPTH_SIZE, 0);
    SDL_GL_SetAttribute(SDL_GL_STENCIL_SIZE, 8);

    Uint32 flags = SDL_WINDOW_OPENGL | SDL_WINDOW_ALLOW_HIGHDPI;
    if (options.fullscreen && !offscreen) flags |= SDL_WINDOW_FULLSCREEN_DESKTOP | SDL_WINDOW_BORDERLESS;
    else if (!offscreen) flags |= SDL_WINDOW_RESIZABLE;
    display.window = SDL_CreateWindow(options.title.c_str(),
                                      SDL_WINDOWPOS_CENTERED_DISPLAY(options.display_index),
                                      SDL_WINDOWPOS_CENTERED_DISPLAY(options.display_index),
                                      options.width, options.height, flags);
    if (display.window == nullptr) {
        std::string why = SDL_GetError();
        display.Close();
        return base::MakeError("display_open_failed", "driver " + choice.candidates.front() +
                                                          ": cannot create the window: " + why);
    }
    display.gl = SDL_GL_CreateContext(display.window);
    if (display.gl == nullptr) {
        std::string why = SDL_GetError();
        std::string driver = display.driver;
        display.Close();
        return base::MakeError("gl_context_failed",
                               "driver " + driver + ": cannot create an OpenGL 3.0 context: " + why);
    }
    SDL_GL_MakeCurrent(display.window, display.gl);
    SDL_GL_SetSwapInterval(options.vsync ? 1 : 0);
    if (options.hide_cursor) SDL_ShowCursor(SDL_DISABLE);
    const char* renderer = (const char*)glGetString(GL_RENDERER);
    display.gl_renderer = renderer ? renderer : "?";
    // x11 and wayland block in SDL_WaitEventTimeout; SDL polls the others every millisecond.
    display.native_wait = display.driver == "x11" || display.driver == "wayland";
    int w = 0, h = 0;
    SDL_GL_GetDrawableSize(display.window, &w, &h);
    base::LogInfo("display_open", "driver=" + display.driver + " size=" + std::to_string(w) + "x" +
                                      std::to_string(h) + " gl_renderer=\"" + display.gl_renderer + "\"");
    return display;
}

}  // namespace kiosk
