// ui/session.cpp: navigation history and the idle timer.
#include "ui/session.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace ui {

const char* ScreenId(Screen screen) {
    switch (screen) {
        case Screen::Attract: return "attract";
        case Screen::Language: return "language";
        case Screen::Home: return "home";
        case Screen::Categories: return "categories";
        case Screen::Services: return "services";
        case Screen::Service: return "service";
        case Screen::Search: return "search";
        case Screen::Courses: return "courses";
        case Screen::Booking: return "booking";
        case Screen::Confirmation: return "confirmation";
        case Screen::Hotline: return "hotline";
        case Screen::About: return "about";
    }
    return "attract";
}

void Navigator::Push(Route route) {
    if (route == stack_.back()) return;
    stack_.push_back(std::move(route));
}

void Navigator::Replace(Route route) { stack_.back() = std::move(route); }

void Navigator::Back() {
    if (stack_.size() > 1) stack_.pop_back();
}

void Navigator::Home() {
    stack_.clear();
    stack_.push_back(Route{Screen::Home});
}

void Navigator::Reset() {
    stack_.clear();
    stack_.push_back(Route{});
}

void IdleTimer::Configure(double idle_seconds, double warning_seconds) {
    idle_ = std::max(5.0, idle_seconds);
    // The issue asks for a countdown of at least 20 s, whatever the configuration says.
    warning_ = std::max(20.0, warning_seconds);
}

void IdleTimer::Start(double now) {
    phase_ = Phase::Active;
    last_activity_ = now;
}

void IdleTimer::Stop() { phase_ = Phase::Idle; }

void IdleTimer::Activity(double now) {
    last_activity_ = now;
    if (phase_ == Phase::Warning) phase_ = Phase::Active;
}

IdleTimer::Phase IdleTimer::Update(double now) {
    if (phase_ == Phase::Idle) return phase_;
    double quiet = now - last_activity_;
    if (quiet >= idle_ + warning_) {
        phase_ = Phase::Idle;
        return Phase::Expired;
    }
    phase_ = quiet >= idle_ ? Phase::Warning : Phase::Active;
    return phase_;
}

double IdleTimer::WarningSecondsLeft(double now) const {
    return std::max(0.0, last_activity_ + idle_ + warning_ - now);
}

double IdleTimer::NextWakeup(double now) const {
    if (phase_ == Phase::Idle) return std::numeric_limits<double>::infinity();
    double warning_at = last_activity_ + idle_;
    if (now < warning_at) return warning_at - now;
    // The warning is due but not on screen yet (the clock jumped, or the loop slept through
    // the moment): a frame is needed now, not at the next countdown second.
    if (phase_ == Phase::Active) return 0.0;
    // During the warning: wake at each whole second of the countdown so the number updates.
    double left = WarningSecondsLeft(now);
    double to_next_second = left - std::floor(left);
    if (to_next_second <= 1e-6) to_next_second = 1.0;
    return std::min(to_next_second, left);
}

}  // namespace ui
