// The input layer on synthetic SDL events: tap versus drag, the release held one frame,
// inertia, a second finger ignored, touch-synthesised mouse events dropped.
#include <catch2/catch_approx.hpp>
#include <catch2/catch_test_macros.hpp>

#include <cmath>

#include "kiosk/input_layer.h"

using kiosk::InputLayer;
using kiosk::PointerFrame;
using kiosk::PointerState;

namespace {

constexpr float kW = 1000, kH = 500;

SDL_Event Finger(Uint32 type, float x, float y, SDL_FingerID finger = 1) {
    SDL_Event e;
    SDL_zero(e);
    e.type = type;
    e.tfinger.touchId = 9;
    e.tfinger.fingerId = finger;
    e.tfinger.x = x / kW;
    e.tfinger.y = y / kH;
    return e;
}

SDL_Event Mouse(Uint32 type, int x, int y, Uint32 which = 0) {
    SDL_Event e;
    SDL_zero(e);
    e.type = type;
    if (type == SDL_MOUSEMOTION) {
        e.motion.which = which;
        e.motion.x = x;
        e.motion.y = y;
    } else {
        e.button.which = which;
        e.button.button = SDL_BUTTON_LEFT;
        e.button.x = x;
        e.button.y = y;
    }
    return e;
}

InputLayer MakeLayer() {
    InputLayer layer(kiosk::InputConfig{.drag_threshold_px = 10.0f});
    layer.SetViewSize(kW, kH);
    return layer;
}

}  // namespace

TEST_CASE("a tap within one frame is a press in one frame and a release in the next", "[kiosk][input]") {
    InputLayer in = MakeLayer();
    in.HandleEvent(Finger(SDL_FINGERDOWN, 100, 200), 1.0);
    in.HandleEvent(Finger(SDL_FINGERUP, 103, 201), 1.01);  // moved 3 px: still a tap
    REQUIRE(in.NeedsFrame());

    PointerFrame f1 = in.BeginFrame(1.016);
    CHECK(f1.pos_valid);
    CHECK(f1.down);
    CHECK(f1.x == Catch::Approx(100));
    CHECK(f1.y == Catch::Approx(200));
    CHECK(f1.activity);
    CHECK(f1.scroll_dy == 0);

    PointerFrame f2 = in.BeginFrame(1.033);
    CHECK_FALSE(f2.down);
    CHECK(f2.pos_valid);          // released over the button: ImGui counts the click
    CHECK(f2.x == Catch::Approx(103));

    PointerFrame f3 = in.BeginFrame(1.05);
    CHECK_FALSE(f3.pos_valid);    // the finger is gone: no hover left behind
    CHECK_FALSE(f3.down);
    CHECK_FALSE(in.NeedsFrame());
    CHECK(in.state() == PointerState::Idle);
}

TEST_CASE("moving past the threshold is a drag: ImGui's press is cancelled off-screen", "[kiosk][input]") {
    InputLayer in = MakeLayer();
    in.HandleEvent(Finger(SDL_FINGERDOWN, 500, 400), 0.0);
    PointerFrame down = in.BeginFrame(0.0);
    CHECK(down.down);
    in.HandleEvent(Finger(SDL_FINGERMOTION, 500, 395), 0.01);  // 5 px: not yet
    CHECK(in.state() == PointerState::Pressed);
    in.HandleEvent(Finger(SDL_FINGERMOTION, 500, 385), 0.02);  // 15 px: a drag
    CHECK(in.state() == PointerState::Dragging);
    PointerFrame cancel = in.BeginFrame(0.02);
    CHECK_FALSE(cancel.down);
    CHECK_FALSE(cancel.pos_valid);  // the release happens away from the button
    CHECK(cancel.drag_started);
    CHECK(cancel.anchor_x == Catch::Approx(500));
    CHECK(cancel.anchor_y == Catch::Approx(400));
    CHECK(cancel.scroll_dy == 0);   // scrolling starts where the threshold was crossed

    in.HandleEvent(Finger(SDL_FINGERMOTION, 500, 285), 0.04);  // finger up 100 px
    PointerFrame scroll = in.BeginFrame(0.04);
    CHECK(scroll.scroll_dy == Catch::Approx(100));  // content follows the finger: scroll down
    CHECK_FALSE(scroll.down);
    CHECK_FALSE(scroll.drag_started);
}

TEST_CASE("a press that did not move past the threshold stays a tap even if slow", "[kiosk][input]") {
    InputLayer in = MakeLayer();
    in.HandleEvent(Finger(SDL_FINGERDOWN, 50, 50), 0.0);
    for (int i = 1; i <= 9; ++i) in.HandleEvent(Finger(SDL_FINGERMOTION, 50.0f + i, 50), 0.1 * i);
    CHECK(in.state() == PointerState::Pressed);
    in.HandleEvent(Finger(SDL_FINGERUP, 59, 50), 1.0);
    PointerFrame f = in.BeginFrame(1.0);
    CHECK(f.down);
    CHECK(f.scroll_dx == 0);
    CHECK_FALSE(in.BeginFrame(1.02).down);
    CHECK_FALSE(in.InertiaActive());
}

TEST_CASE("a fling continues with inertia that decays and stops", "[kiosk][input]") {
    InputLayer in = MakeLayer();
    double t = 0;
    in.HandleEvent(Finger(SDL_FINGERDOWN, 500, 450), t);
    in.BeginFrame(t);
    // 40 px per 16 ms upwards: 2500 px/s.
    for (int i = 1; i <= 8; ++i) {
        t += 0.016;
        in.HandleEvent(Finger(SDL_FINGERMOTION, 500, 450.0f - 40.0f * i), t);
        in.BeginFrame(t);
    }
    in.HandleEvent(Finger(SDL_FINGERUP, 500, 450.0f - 320.0f), t);
    REQUIRE(in.InertiaActive());
    CHECK(in.InertiaVelocityY() == Catch::Approx(2500).epsilon(0.05));

    float total = 0, previous_step = 1e9f;
    int frames = 0;
    while (in.InertiaActive() && frames < 1000) {
        t += 1.0 / 60.0;
        PointerFrame f = in.BeginFrame(t);
        CHECK(f.scroll_dy > 0);               // keeps scrolling the same way
        CHECK(f.scroll_dy <= previous_step);  // ... ever slower
        previous_step = f.scroll_dy;
        total += f.scroll_dy;
        ++frames;
    }
    CHECK_FALSE(in.InertiaActive());
    CHECK(frames < 200);                      // stops within about 3 s
    // The exact integral: v * tau * (1 - e^-T/tau) approaches v * tau = 812 px.
    CHECK(total == Catch::Approx(2500 * 0.325).epsilon(0.05));
    CHECK_FALSE(in.NeedsFrame());
}

TEST_CASE("inertia distance does not depend on the frame rate", "[kiosk][input]") {
    auto run = [](double frame_dt) {
        InputLayer in = MakeLayer();
        in.HandleEvent(Finger(SDL_FINGERDOWN, 500, 450), 0);
        in.HandleEvent(Finger(SDL_FINGERMOTION, 500, 430), 0.02);
        in.HandleEvent(Finger(SDL_FINGERMOTION, 500, 400), 0.04);
        in.HandleEvent(Finger(SDL_FINGERMOTION, 500, 370), 0.06);
        in.HandleEvent(Finger(SDL_FINGERUP, 500, 370), 0.06);
        in.BeginFrame(0.06);
        float total = 0;
        double t = 0.06;
        while (in.InertiaActive()) total += in.BeginFrame(t += frame_dt).scroll_dy;
        return total;
    };
    CHECK(run(1.0 / 60) == Catch::Approx(run(1.0 / 20)).epsilon(0.03));
}

TEST_CASE("a finger that stopped before lifting does not fling", "[kiosk][input]") {
    InputLayer in = MakeLayer();
    in.HandleEvent(Finger(SDL_FINGERDOWN, 500, 450), 0.0);
    in.HandleEvent(Finger(SDL_FINGERMOTION, 500, 300), 0.05);
    in.HandleEvent(Finger(SDL_FINGERUP, 500, 300), 0.6);  // held still for half a second
    CHECK_FALSE(in.InertiaActive());
}

TEST_CASE("a new touch stops inertia at once", "[kiosk][input]") {
    InputLayer in = MakeLayer();
    in.HandleEvent(Finger(SDL_FINGERDOWN, 500, 450), 0.0);
    in.HandleEvent(Finger(SDL_FINGERMOTION, 500, 350), 0.03);
    in.HandleEvent(Finger(SDL_FINGERMOTION, 500, 250), 0.06);
    in.HandleEvent(Finger(SDL_FINGERUP, 500, 250), 0.06);
    in.BeginFrame(0.06);
    REQUIRE(in.InertiaActive());
    in.HandleEvent(Finger(SDL_FINGERDOWN, 200, 200, 2), 0.1);
    CHECK_FALSE(in.InertiaActive());
    // The first gesture's cancel is still queued for ImGui; then the new press. No more scroll.
    PointerFrame f = in.BeginFrame(0.12);
    CHECK(f.scroll_dy == 0);
    CHECK_FALSE(f.down);
    PointerFrame g = in.BeginFrame(0.14);
    CHECK(g.scroll_dy == 0);
    CHECK(g.down);
    CHECK(g.x == Catch::Approx(200));
}

TEST_CASE("a second finger is ignored from its down to its up", "[kiosk][input]") {
    InputLayer in = MakeLayer();
    in.HandleEvent(Finger(SDL_FINGERDOWN, 100, 100, 1), 0.0);
    in.BeginFrame(0.0);
    in.HandleEvent(Finger(SDL_FINGERDOWN, 800, 400, 2), 0.01);
    in.HandleEvent(Finger(SDL_FINGERMOTION, 700, 300, 2), 0.02);  // would be a drag
    CHECK(in.state() == PointerState::Pressed);
    PointerFrame f = in.BeginFrame(0.02);
    CHECK(f.x == Catch::Approx(100));  // the pointer did not jump to the second finger
    CHECK(f.scroll_dy == 0);
    // The primary lifts: a tap. The second finger, still down, stays ignored.
    in.HandleEvent(Finger(SDL_FINGERUP, 100, 100, 1), 0.03);
    in.BeginFrame(0.03);
    in.BeginFrame(0.04);
    in.HandleEvent(Finger(SDL_FINGERMOTION, 600, 100, 2), 0.05);
    CHECK(in.state() == PointerState::Idle);
    PointerFrame after = in.BeginFrame(0.05);
    CHECK_FALSE(after.down);
    CHECK_FALSE(after.pos_valid);
    in.HandleEvent(Finger(SDL_FINGERUP, 600, 100, 2), 0.06);
    CHECK_FALSE(in.BeginFrame(0.06).down);
    CHECK(in.ignored_events() == 4);
    // After both lifted, a new finger is the primary again.
    in.HandleEvent(Finger(SDL_FINGERDOWN, 300, 300, 2), 0.1);
    PointerFrame next = in.BeginFrame(0.1);
    CHECK(next.down);
    CHECK(next.x == Catch::Approx(300));
}

TEST_CASE("mouse events synthesised from touch are dropped; a real mouse clicks", "[kiosk][input]") {
    InputLayer in = MakeLayer();
    CHECK(in.HandleEvent(Mouse(SDL_MOUSEBUTTONDOWN, 10, 10, SDL_TOUCH_MOUSEID), 0.0));
    CHECK(in.state() == PointerState::Idle);
    CHECK(in.ignored_events() == 1);

    in.HandleEvent(Mouse(SDL_MOUSEBUTTONDOWN, 40, 60), 0.1);
    in.HandleEvent(Mouse(SDL_MOUSEBUTTONUP, 40, 60), 0.1);
    PointerFrame f1 = in.BeginFrame(0.11);
    CHECK(f1.down);
    PointerFrame f2 = in.BeginFrame(0.12);
    CHECK_FALSE(f2.down);
    CHECK(f2.pos_valid);  // a mouse stays over the window after the click
    in.HandleEvent(Mouse(SDL_MOUSEMOTION, 70, 80), 0.2);
    PointerFrame hover = in.BeginFrame(0.2);
    CHECK(hover.pos_valid);
    CHECK(hover.x == Catch::Approx(70));
}

TEST_CASE("two taps between frames are both seen, one transition per frame", "[kiosk][input]") {
    InputLayer in = MakeLayer();
    in.HandleEvent(Finger(SDL_FINGERDOWN, 10, 10), 0.0);
    in.HandleEvent(Finger(SDL_FINGERUP, 10, 10), 0.001);
    in.HandleEvent(Finger(SDL_FINGERDOWN, 20, 20), 0.002);
    in.HandleEvent(Finger(SDL_FINGERUP, 20, 20), 0.003);
    std::vector<bool> downs;
    while (in.NeedsFrame()) downs.push_back(in.BeginFrame(0.01).down);
    // down, up, leave, down, up, leave
    CHECK(downs == std::vector<bool>{true, false, false, true, false, false});
}

TEST_CASE("non-pointer events are not consumed", "[kiosk][input]") {
    InputLayer in = MakeLayer();
    SDL_Event key;
    SDL_zero(key);
    key.type = SDL_KEYDOWN;
    CHECK_FALSE(in.HandleEvent(key, 0));
    CHECK_FALSE(in.NeedsFrame());
}
