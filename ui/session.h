// ui/session.h: the visitor's journey (screens, history) and the idle timer.
//
// Design note: the session state machine
//
//   Attract --touch--> Language --choice--> Browse (Home, Services, ..., Booking)
//      ^                                         |  no touch for idle_timeout
//      |                                         v
//      +---- ResetSession() <--countdown--- Warning --touch / Continue--> Browse
//
// - Navigator holds the history: a stack whose bottom is Attract or Home. Home() clears it to
//   [Home]; Back() pops (never below the bottom). Each Route keeps the scroll position of its
//   screen so Back returns to the same place.
// - IdleTimer runs only while a visit is in progress (not on Attract). Activity() restarts it;
//   Update() reports Active, Warning (with seconds left) or Expired exactly once per expiry.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace ui {

enum class Screen { Attract, Language, Home, Categories, Services, Service, Search, Courses, Booking, Confirmation, Hotline, About };

// The stable names scripts and tests use ("attract", "home", ...).
const char* ScreenId(Screen screen);

struct Route {
    Route() = default;
    Route(Screen s, std::string route_id = {}, std::string route_extra = {})
        : screen(s), id(std::move(route_id)), extra(std::move(route_extra)) {}
    Screen screen = Screen::Attract;
    std::string id;        // category id (Services), service id (Service, Booking), org id (About)
    std::string extra;     // session id (Booking), series id (Courses)
    float scroll_y = 0;    // remembered scroll of the screen's main list
    bool operator==(const Route& o) const { return screen == o.screen && id == o.id && extra == o.extra; }
};

class Navigator {
public:
    Navigator() { stack_.push_back(Route{}); }
    const Route& Current() const { return stack_.back(); }
    Route& Current() { return stack_.back(); }
    size_t Depth() const { return stack_.size(); }
    bool CanGoBack() const { return stack_.size() > 1; }
    void Push(Route route);        // pushing the current route again is ignored
    void Replace(Route route);     // swaps the top (a step inside one screen)
    void Back();
    void Home();                   // [Home]
    void Reset();                  // [Attract]

private:
    std::vector<Route> stack_;
};

class IdleTimer {
public:
    enum class Phase { Idle, Active, Warning, Expired };

    void Configure(double idle_seconds, double warning_seconds);
    void Start(double now);        // a visit began
    void Stop();                   // back to Attract: nothing to time
    void Activity(double now);     // a touch: restarts the timer and ends a warning
    // Advances the state; returns Expired once when the countdown ran out (then Idle).
    Phase Update(double now);
    Phase phase() const { return phase_; }
    double WarningSecondsLeft(double now) const;
    // Seconds until the next moment the UI must redraw (warning start, each countdown second,
    // expiry); infinity when Idle.
    double NextWakeup(double now) const;
    double idle_seconds() const { return idle_; }
    double warning_seconds() const { return warning_; }

private:
    double idle_ = 60, warning_ = 20;
    double last_activity_ = 0;
    Phase phase_ = Phase::Idle;
};

}  // namespace ui
