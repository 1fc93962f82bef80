// kiosk/display.h: choosing the SDL video driver, opening the window and the GL context.
//
// Design note: the driver is always chosen on purpose and logged ("video_driver" event).
// - SDL_VIDEODRIVER set in the environment: exactly that driver (the operator said so).
// - video_driver = kmsdrm | wayland | x11 | offscreen | dummy: exactly that driver.
// - video_driver = auto under --script: offscreen (headless, deterministic screenshots).
// - video_driver = auto otherwise: the real displays only, in the order the session suggests
//   (WAYLAND_DISPLAY: wayland first; DISPLAY: x11 first; neither: kmsdrm first). SDL is never
//   left to pick, because its own fallback list ends in "offscreen", which on a real kiosk would
//   be a program running happily behind a black screen.
// If no candidate opens, the error names every driver tried and SDL's reason for each.
#pragma once

#include <SDL.h>

#include <string>
#include <vector>

#include "base/result.h"
#include "kiosk/config.h"

namespace kiosk {

struct DriverChoice {
    std::vector<std::string> candidates;  // SDL driver names, tried in order
    std::string reason;                   // why these, for the log
};

// Pure, for tests: env_driver is $SDL_VIDEODRIVER (nullptr or "" when unset).
DriverChoice ChooseVideoDrivers(VideoDriver configured, bool script_mode, const char* env_driver,
                                bool has_wayland_display, bool has_x_display);

struct Display {
    SDL_Window* window = nullptr;
    SDL_GLContext gl = nullptr;
    std::string driver;
    // The driver can block in SDL_WaitEventTimeout; the others are polled at a low rate.
    bool native_wait = false;
    std::string gl_renderer;

    void Close();
};

struct DisplayOptions {
    bool fullscreen = true;
    int width = 1920, height = 1080;
    int display_index = 0;
    bool vsync = true;
    bool hide_cursor = true;
    std::string title = "kiosk";
};

// Errors: "display_open_failed" (no driver opened, or no window), "gl_context_failed".
base::Result<Display> OpenDisplay(const DriverChoice& choice, const DisplayOptions& options);

}  // namespace kiosk
