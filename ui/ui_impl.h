// ui/ui_impl.h: VisitorUi::Impl, the state every screen file works on (internal to ui/).
//
// Design note
// - Everything about one visit lives in `Visit` and nowhere else: the route history (with
//   scroll positions), the language, accessibility toggles, search text, keyboard state,
//   course filters, the booking flow, speech state. ResetSession() replaces it with a fresh
//   Visit, stops speech and drops the query cache, so nothing of a visit can survive it.
//   Child windows carry the visit number in their ImGui id, so ImGui's own per-window memory
//   (scroll) of an old visit is never reused either.
// - Navigation requested while a screen draws is deferred to the end of the frame (Go/Back/
//   Home set `pending_`), so a frame never draws half of one screen and half of another.
// - Per frame: theme and metrics are recomputed (cheap), widgets_ is rebuilt as buttons draw.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "fonts/text.h"
#include "ui/booking_flow.h"
#include "ui/content_cache.h"
#include "ui/session.h"
#include "ui/strings.h"
#include "ui/theme.h"
#include "ui/visitor_ui.h"

namespace ui {

struct StaffSession;  // ui/staff_session.h

struct CoursesState {
    bool week_view = false;
    int week_offset = 0;
    std::string kind;            // "" = all kinds
    std::string instruction_lang;  // "" = any
};

struct Visit {
    Navigator nav;
    std::string lang;
    bool larger_text = false;
    bool high_contrast = false;
    float volume = 0.8f;
    bool speaking = false;
    double speaking_until = 0;   // estimated end of speech, to reset the button label
    std::string search_text;
    std::string keyboard_layout; // "" = follow the UI language
    bool shift = false;
    CoursesState courses;
    BookingFlow booking;
    // Staff mode (ui/staff_session.h): set from the PIN pad on, dropped with the visit, so the
    // staff member's identity can never outlive the session.
    std::shared_ptr<StaffSession> staff;
};

struct VisitorUi::Impl {
    Impl(content::Db& db, text::TextEngine& text, SpeechOutput& speech, const UiConfig& config);

    // --- fixed for the program's life
    content::Db& db;
    text::TextEngine& text_engine;
    SpeechOutput& speech;
    UiConfig config;
    Strings strings;
    ContentCache cache;
    IdleTimer idle;

    // --- one visit
    Visit visit;
    int visit_number = 0;

    // --- this frame
    FrameContext frame;
    Theme theme;
    Metrics m;
    std::vector<WidgetRect> widgets;
    float content_top = 0;           // below the top bar (its height depends on wrapping)
    bool drew_fallback = false;      // a "not translated" badge was drawn: explain it below
    std::string read_heading, read_body, read_lang;  // what "read aloud" says on this screen
    bool read_requested = false;
    // A touch that dismissed the timeout warning must not also press what lies under it: input
    // is shielded until that finger is lifted.
    bool shield_until_release = false;
    bool shield_saw_press = false;
    double shield_armed_at = 0;
    bool scroll_restore_pending = false;   // set when a route becomes current
    std::optional<std::function<void()>> pending;  // deferred navigation
    std::string last_screen_key;
    double staff_hold_since = -1;    // the hidden staff gesture's press time (-1: not held)

    // --- helpers for screens
    const std::string& lang() const { return visit.lang; }
    std::string T(std::string_view key) const { return strings.Get(key, visit.lang).text; }
    UiText TT(std::string_view key) const { return strings.Get(key, visit.lang); }
    std::string TP(std::string_view key, long long n) const { return strings.Plural(key, n, visit.lang).text; }
    Route& route() { return visit.nav.Current(); }

    void Go(Route route);            // deferred push
    void Replace(Route route);       // deferred swap of the current route (no way back to it)
    void EndVisit();                 // deferred ResetSession (the visitor pressed "Finish")
    void GoBack();
    void GoHome();
    void SetLanguage(const std::string& lang);
    void SetReadAloud(std::string heading, std::string body, std::string lang = {});

    void ResetVisit();
    void FrameBody();
    void ApplyPending();
};

}  // namespace ui
