// ui/visitor_ui.h: the boundary between the program (kiosk/) and the screens (ui/).
//
// kiosk/ owns the window, the GL context, input, the clock and the frame loop; ui/ owns what is
// drawn and the visitor's session. Each frame kiosk/ calls ImGui::NewFrame(), VisitorUi::Frame(),
// ImGui::Render(). Between frames kiosk/ sleeps until input arrives, content changes, or
// NextWakeup() says the UI needs a frame (a countdown second, an animation).
//
// Design note: the visitor session (attract -> browse -> form -> timeout warning -> reset) lives in
// VisitorUi. Every trace of a visit (form fields, search text, navigation history, scroll
// positions, chosen language, speech) is wiped by ResetSession(), which the idle timeout calls.
#pragma once

#include <limits>
#include <string>
#include <vector>

#include "ui/staff_hooks.h"

namespace content { class Db; }
// The text engine's layer is fonts/; `text` is its alias (as in fonts/text.h).
namespace fonts { class TextEngine; }
namespace text = fonts;

namespace ui {

// Read-aloud. kiosk/ implements it with espeak-ng; tests record the calls.
class SpeechOutput {
public:
    virtual ~SpeechOutput() = default;
    virtual void Speak(const std::string& text, const std::string& lang) = 0;  // replaces what is speaking
    virtual void Stop() = 0;
    virtual void SetVolume(float volume_0_to_1) = 0;
};

struct UiConfig {
    std::vector<std::string> languages = {"lv", "en", "ru"};  // offered, in this order
    std::string attract_language = "lv";
    double idle_timeout_seconds = 60.0;   // no touch for this long: show the warning
    double warning_seconds = 20.0;        // countdown before the session is wiped
    double screen_diagonal_inches = 21.5; // to size touch targets (>= 9 mm)
    int screen_width_px = 1920;
    int screen_height_px = 1080;
    bool larger_text = false;             // accessibility defaults for a new session
    bool high_contrast = false;
    float speech_volume = 0.8f;
    // Staff mode (docs/staff-mode.md, ui/staff_session.h): the hidden corner gesture opens the
    // PIN pad when this is set and the content has staff members.
    bool staff_mode_available = false;
    bool staff_start_on_pin_pad = false;  // `kiosk --staff`: the first screen is the PIN pad
    StaffHooks staff;                     // what the diagnostics screen needs from the program
};

// What the program tells the UI about the world outside it.
struct SyncStatus {
    bool online = false;
    long long last_success_utc = 0;  // 0: never
    std::string last_error;
};

struct FrameContext {
    double now_seconds = 0;          // monotonic clock (virtual under --script)
    long long now_utc = 0;           // wall clock, UTC seconds (virtual under --script)
    float width = 1920, height = 1080;
    bool content_changed = false;    // new content landed since the last frame
    SyncStatus sync;
};

// A touchable widget as drawn in the last frame, for scripts that tap "by visible label".
// A text field is listed twice: under what it shows (its text, or the placeholder) and under
// its name (the label above it, e.g. "Name"), both with `field` set and `value` = its text.
struct WidgetRect {
    std::string label;
    float x = 0, y = 0, w = 0, h = 0;
    bool field = false;   // a text field
    std::string value;    // a text field's text ("" when empty)
};

class VisitorUi {
public:
    VisitorUi(content::Db& db, text::TextEngine& text, SpeechOutput& speech, const UiConfig& config);
    ~VisitorUi();
    VisitorUi(const VisitorUi&) = delete;
    VisitorUi& operator=(const VisitorUi&) = delete;

    void Frame(const FrameContext& frame);  // between ImGui::NewFrame() and ImGui::Render()
    void NoteActivity(double now_seconds);  // any touch, click or key
    // Seconds from now until the UI needs a frame without input (countdown, animation);
    // infinity when it can sleep until the next event.
    double NextWakeup(double now_seconds) const;
    void ResetSession();

    std::string ScreenName() const;          // "attract", "home", "services", "service", "search", ...
    std::string Language() const;
    const std::vector<WidgetRect>& Widgets() const;  // touchable widgets of the last frame

    struct Impl;
    // The screens' shared state (ui/ui_impl.h), for ui/'s own headless tests that read what a
    // screen says (its read-aloud text) and the staff session; the program never needs it.
    Impl& ImplForTests() { return *impl_; }

private:
    Impl* impl_;
};

}  // namespace ui
