// kiosk/script_runner.h: runs an automation script (kiosk/script.h) against the App.
//
// Input is synthesised as SDL finger events (touch id kScriptTouchId) and keyboard/text events
// and goes through the same input layer as a real touch screen; the clock is virtual. Each step
// ends with App::Settle(), so an expectation sees the screen as a visitor would after the
// interaction has finished. The first failing step stops the script: the error names the
// script file, line and step, and what was found instead.
#pragma once

#include <string>

#include "base/result.h"
#include "kiosk/app.h"
#include "kiosk/script.h"

namespace kiosk {

inline constexpr SDL_TouchID kScriptTouchId = 77;

// Error codes: "script_expectation_failed", "script_widget_missing", "png_write_failed",
// "script_interrupted" (SDL_QUIT arrived).
base::Status RunScript(App& app, const Script& script, const std::string& screenshot_dir);

}  // namespace kiosk
