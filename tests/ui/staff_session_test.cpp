// Staff mode in the headless UI: the hidden corner gesture (5 s, only with staff members and
// staff mode on), the PIN pad's messages on screen, the staff session's idle timeout that
// returns to the attract screen and forgets who signed in, "Leave staff mode", and the large
// touch targets of the staff screens.
#include <catch2/catch_approx.hpp>
#include <catch2/catch_test_macros.hpp>

#include <cmath>

#include "tests/ui/staff_test_support.h"
#include "ui/theme.h"

namespace {

void CheckTouchTargets(uitest::HeadlessUi& h, const ui::UiConfig& config) {
    const float minimum = ui::MinTouchTargetPx(config);
    REQUIRE_FALSE(h.ui().Widgets().empty());
    for (const ui::WidgetRect& w : h.ui().Widgets()) {
        INFO(h.ui().ScreenName() << ": \"" << w.label << "\" is " << w.w << " x " << w.h << " px");
        // Widgets cut by the edge of a scrolling area are partly visible; judge whole ones.
        bool clipped = w.h < minimum && (w.y + w.h >= config.screen_height_px - 120 || w.y < 200);
        if (!clipped) {
            CHECK(w.w >= minimum);
            CHECK(w.h >= minimum);
        }
    }
}

}  // namespace

TEST_CASE("staff gesture: 5 s in the top-left corner opens the PIN pad; shorter, elsewhere or without staff it does not",
          "[ui][staff]") {
    uitest::DemoDb demo;
    ui::UiConfig config = stafftest::StaffConfig();

    SECTION("no staff members: the gesture does nothing") {
        uitest::HeadlessUi h(demo.db, config);
        h.Frame(0);
        stafftest::Hold(h, 40, 40, 5.5);
        CHECK(h.ui().ScreenName() != "staff_pin");
    }
    stafftest::AddStaff(demo.db, "Anna", "2468");
    SECTION("staff mode off in the configuration") {
        config.staff_mode_available = false;
        uitest::HeadlessUi h(demo.db, config);
        h.Frame(0);
        stafftest::Hold(h, 40, 40, 6);
        CHECK(h.ui().ScreenName() != "staff_pin");
    }
    SECTION("held 4.5 s, or held elsewhere: nothing") {
        uitest::HeadlessUi h(demo.db, config);
        h.Frame(0);
        stafftest::Hold(h, 40, 40, 4.5);
        CHECK(h.ui().ScreenName() != "staff_pin");
        stafftest::Hold(h, 960, 540, 6);
        CHECK(h.ui().ScreenName() != "staff_pin");
    }
    SECTION("held 5 s on a visitor screen: the PIN pad, with the visit wiped") {
        uitest::HeadlessUi h(demo.db, config);
        h.Frame(0);
        REQUIRE(h.Tap("Touch the screen to start"));
        REQUIRE(h.Tap("Search"));
        for (const char* key : {"p", "a", "s"}) REQUIRE(h.Tap(key));
        REQUIRE(h.Shows("pas"));
        // While the finger is held the UI asks for a frame when the 5 s are up (a real kiosk
        // sleeps between events).
        h.Frame(h.now + 0.1, ImVec2(40, 40), false);
        h.Frame(h.now + 0.2, ImVec2(40, 40), true);
        CHECK(h.ui().NextWakeup(h.now + 1.2) == Catch::Approx(3.8).margin(0.05));  // pressed at h.now
        h.now += 0.3;
        stafftest::Hold(h, 40, 40, 5.1);
        REQUIRE(h.ui().ScreenName() == "staff_pin");
        CHECK_FALSE(h.Shows("pas"));
        CHECK(h.Shows("Ieiet"));   // a new visit starts in the attract language (lv)
        CHECK(h.Shows("Atcelt"));
        CheckTouchTargets(h, config);
        // Cancel: back to the visitor screens.
        REQUIRE(h.Tap("Atcelt"));
        CHECK(h.ui().ScreenName() == "attract");
    }
}

TEST_CASE("staff PIN pad on screen: a wrong PIN says so with the tries left, the right one signs in", "[ui][staff]") {
    uitest::DemoDb demo;
    stafftest::AddStaff(demo.db, "Anna Bērziņa", "2468");
    ui::UiConfig config = stafftest::StaffConfig();
    config.staff_start_on_pin_pad = true;  // kiosk --staff
    uitest::HeadlessUi h(demo.db, config);
    h.Frame(0);
    REQUIRE(h.ui().ScreenName() == "staff_pin");
    REQUIRE(h.Tap("EN"));
    stafftest::EnterPin(h, "1357", "Sign in");
    CHECK(h.ui().ScreenName() == "staff_pin");  // (the message itself: staff_pin_pad_test.cpp)
    CHECK_FALSE(h.Shows("Leave staff mode"));
    stafftest::EnterPin(h, "2468", "Sign in");
    REQUIRE(h.ui().ScreenName() == "staff_home");
    CHECK(h.Shows("Leave staff mode"));
    for (const char* tile : {"Services", "Organisations", "Locations", "Courses and sessions", "Hotline hours",
                             "Booking forms", "Conflicts", "Diagnostics"}) {
        INFO(tile);
        CHECK(h.Shows(tile));
    }
    CheckTouchTargets(h, config);
    // High contrast and larger text work in staff mode too.
    REQUIRE(h.Tap("High contrast"));
    REQUIRE(h.Tap("Larger text"));
    CHECK(h.Shows("Normal colours"));
    CHECK(h.Shows("Normal text"));
    CheckTouchTargets(h, config);
    REQUIRE(h.Tap("Leave staff mode"));
    CHECK(h.ui().ScreenName() == "attract");
}

TEST_CASE("staff session: the idle warning, then the attract screen, and the staff identity is gone", "[ui][staff]") {
    uitest::DemoDb demo;
    stafftest::AddStaff(demo.db, "Anna", "2468");
    ui::UiConfig config = stafftest::StaffConfig();
    uitest::HeadlessUi h(demo.db, config);
    h.Frame(0);
    // The gesture on the attract screen itself.
    stafftest::Hold(h, 30, 30, 5.2);
    REQUIRE(h.ui().ScreenName() == "staff_pin");
    stafftest::EnterPin(h, "2468", "Ieiet");
    REQUIRE(h.ui().ScreenName() == "staff_home");
    REQUIRE(h.Tap("Pakalpojumi"));
    REQUIRE(h.ui().ScreenName() == "staff_list");

    const double last = h.now;
    h.ui().NoteActivity(last);
    h.Frame(last + 59);
    CHECK_FALSE(h.Shows("Turpināt"));
    h.Frame(last + 61);
    REQUIRE(h.Shows("Turpināt"));        // the same warning as a visitor's
    CHECK(h.ui().ScreenName() == "staff_list");
    CHECK(h.ui().Widgets().size() == 1);  // only Continue can be touched
    REQUIRE(h.Tap("Turpināt"));
    CHECK(h.ui().ScreenName() == "staff_list");

    const double t0 = h.now;
    h.Frame(t0 + 60.5);
    CHECK(h.Shows("Turpināt"));
    h.Frame(t0 + 80.5);
    CHECK(h.ui().ScreenName() == "attract");
    CHECK(std::isinf(h.ui().NextWakeup(t0 + 81)) == false);

    // Nothing of the staff session is left: the gesture asks for the PIN again.
    h.now = t0 + 82;
    h.Frame(h.now);
    stafftest::Hold(h, 30, 30, 5.2);
    REQUIRE(h.ui().ScreenName() == "staff_pin");
    CHECK_FALSE(h.Shows("Iziet no darbinieku režīma"));
}
