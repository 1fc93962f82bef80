// Tests of ui/session: the idle timer's phases and wake-ups, and the navigation history.
#include <catch2/catch_approx.hpp>
#include <catch2/catch_test_macros.hpp>

#include <cmath>

#include "ui/session.h"

TEST_CASE("idle timer: active, warning, expired once", "[ui][session]") {
    ui::IdleTimer t;
    t.Configure(60, 20);
    CHECK(t.Update(0) == ui::IdleTimer::Phase::Idle);
    CHECK(std::isinf(t.NextWakeup(0)));
    t.Start(100);
    CHECK(t.Update(100) == ui::IdleTimer::Phase::Active);
    CHECK(t.NextWakeup(100) == Catch::Approx(60));
    CHECK(t.Update(159.9) == ui::IdleTimer::Phase::Active);
    CHECK(t.Update(160) == ui::IdleTimer::Phase::Warning);
    CHECK(t.WarningSecondsLeft(160) == Catch::Approx(20));
    CHECK(t.WarningSecondsLeft(165.5) == Catch::Approx(14.5));
    CHECK(t.NextWakeup(165.5) == Catch::Approx(0.5));  // the next whole second of the countdown
    CHECK(t.Update(180) == ui::IdleTimer::Phase::Expired);
    CHECK(t.phase() == ui::IdleTimer::Phase::Idle);
    CHECK(t.Update(181) == ui::IdleTimer::Phase::Idle);  // expiry is reported once
}

TEST_CASE("a warning that is due but not drawn asks for a frame at once", "[ui][session]") {
    // The clock jumped past the idle timeout (a script's `advance 61s`, or a loop that slept
    // through the moment): the warning must be drawn now, not at the next countdown second.
    ui::IdleTimer t;
    t.Configure(60, 20);
    t.Start(0);
    CHECK(t.NextWakeup(61) == 0.0);
    CHECK(t.Update(61) == ui::IdleTimer::Phase::Warning);
    CHECK(t.NextWakeup(61) == Catch::Approx(1.0));  // then once a second for the countdown
}

TEST_CASE("a touch during the warning continues the visit", "[ui][session]") {
    ui::IdleTimer t;
    t.Configure(60, 20);
    t.Start(0);
    CHECK(t.Update(70) == ui::IdleTimer::Phase::Warning);
    t.Activity(71);
    CHECK(t.phase() == ui::IdleTimer::Phase::Active);
    CHECK(t.Update(100) == ui::IdleTimer::Phase::Active);
    CHECK(t.Update(131) == ui::IdleTimer::Phase::Warning);
}

TEST_CASE("the countdown is never shorter than 20 seconds", "[ui][session]") {
    ui::IdleTimer t;
    t.Configure(30, 5);
    CHECK(t.idle_seconds() == 30);
    CHECK(t.warning_seconds() == 20);
    t.Start(0);
    CHECK(t.Update(30) == ui::IdleTimer::Phase::Warning);
    CHECK(t.Update(49) == ui::IdleTimer::Phase::Warning);
    CHECK(t.Update(50) == ui::IdleTimer::Phase::Expired);
}

TEST_CASE("navigation history: push, back, home, reset", "[ui][session]") {
    ui::Navigator nav;
    CHECK(nav.Current().screen == ui::Screen::Attract);
    CHECK_FALSE(nav.CanGoBack());
    nav.Home();
    nav.Push({ui::Screen::Categories});
    nav.Push({ui::Screen::Services, "cat-1"});
    nav.Current().scroll_y = 420;
    nav.Push({ui::Screen::Service, "svc-1"});
    nav.Push({ui::Screen::Service, "svc-1"});  // the same route twice is one step
    CHECK(nav.Depth() == 4);
    nav.Back();
    CHECK(nav.Current().screen == ui::Screen::Services);
    CHECK(nav.Current().scroll_y == 420);  // back returns to the same place
    nav.Home();
    CHECK(nav.Depth() == 1);
    CHECK(nav.Current().screen == ui::Screen::Home);
    nav.Back();
    CHECK(nav.Depth() == 1);
    nav.Reset();
    CHECK(nav.Current().screen == ui::Screen::Attract);
    CHECK(std::string(ui::ScreenId(ui::Screen::Confirmation)) == "confirmation");
}
