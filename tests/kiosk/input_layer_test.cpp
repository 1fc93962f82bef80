// The input layer on synthetic SDL events: tap versus drag, the events ImGui is given (in order),
// inertia, a second finger ignored, touch-synthesised mouse events dropped. Then the same events
// through kiosk/imgui_platform.cpp into a real ImGui context (no display): ImGui's queue turns
// a tap between two frames into one click, a drag into none, and keys into ImGuiKey presses.
#include <catch2/catch_approx.hpp>
#include <catch2/catch_test_macros.hpp>

#include <imgui.h>

#include <cmath>
#include <cstring>
#include <string>
#include <vector>

#include "kiosk/imgui_platform.h"
#include "kiosk/input_layer.h"

using kiosk::ImGuiPointerEvent;
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

// The events ImGui was given, as text: "move 100,200 down 100,200 up leave" ("t" marks an
// event from a finger: "tmove 100,200").
std::string Describe(const std::vector<ImGuiPointerEvent>& events) {
    std::string out;
    for (const ImGuiPointerEvent& e : events) {
        const std::string at = " " + std::to_string(std::lround(e.x)) + "," + std::to_string(std::lround(e.y));
        if (!out.empty()) out += ' ';
        if (e.touch) out += 't';
        switch (e.kind) {
            case ImGuiPointerEvent::Kind::Move: out += "move" + at; break;
            case ImGuiPointerEvent::Kind::Down: out += "down" + at; break;
            case ImGuiPointerEvent::Kind::Up: out += "up"; break;
            case ImGuiPointerEvent::Kind::Leave: out += "leave"; break;
        }
    }
    return out;
}

}  // namespace

TEST_CASE("a tap is a press and a release over the widget, then the finger leaves", "[kiosk][input]") {
    InputLayer in = MakeLayer();
    in.HandleEvent(Finger(SDL_FINGERDOWN, 100, 200), 1.0);
    in.HandleEvent(Finger(SDL_FINGERUP, 103, 201), 1.01);  // moved 3 px: still a tap
    REQUIRE(in.NeedsFrame());
    // All of it between two frames: ImGui's queue spreads it over frames itself.
    CHECK(Describe(in.TakeImGuiEvents()) == "tmove 100,200 tdown 100,200 tmove 103,201 tup tleave");
    CHECK(in.TakeImGuiEvents().empty());

    PointerFrame f = in.BeginFrame(1.016);
    CHECK(f.activity);
    CHECK(f.scroll_dy == 0);
    CHECK_FALSE(f.drag_started);
    CHECK_FALSE(in.NeedsFrame());
    CHECK(in.state() == PointerState::Idle);
}

TEST_CASE("moving past the threshold is a drag: ImGui's press is released off-screen", "[kiosk][input]") {
    InputLayer in = MakeLayer();
    in.HandleEvent(Finger(SDL_FINGERDOWN, 500, 400), 0.0);
    CHECK(Describe(in.TakeImGuiEvents()) == "tmove 500,400 tdown 500,400");
    in.BeginFrame(0.0);
    in.HandleEvent(Finger(SDL_FINGERMOTION, 500, 395), 0.01);  // 5 px: not yet
    CHECK(in.state() == PointerState::Pressed);
    CHECK(Describe(in.TakeImGuiEvents()) == "tmove 500,395");
    in.HandleEvent(Finger(SDL_FINGERMOTION, 500, 385), 0.02);  // 15 px: a drag
    CHECK(in.state() == PointerState::Dragging);
    // The pointer leaves first, so the release is away from the button: no click.
    CHECK(Describe(in.TakeImGuiEvents()) == "tleave tup");
    PointerFrame start = in.BeginFrame(0.02);
    CHECK(start.drag_started);
    CHECK(start.anchor_x == Catch::Approx(500));
    CHECK(start.anchor_y == Catch::Approx(400));
    CHECK(start.scroll_dy == 0);  // scrolling starts where the threshold was crossed

    in.HandleEvent(Finger(SDL_FINGERMOTION, 500, 285), 0.04);  // finger up 100 px
    PointerFrame scroll = in.BeginFrame(0.04);
    CHECK(scroll.scroll_dy == Catch::Approx(100));  // content follows the finger: scroll down
    CHECK_FALSE(scroll.drag_started);
    in.HandleEvent(Finger(SDL_FINGERUP, 500, 285), 0.3);
    CHECK(in.TakeImGuiEvents().empty());  // ImGui saw the end of the press already
}

TEST_CASE("a press that did not move past the threshold stays a tap even if slow", "[kiosk][input]") {
    InputLayer in = MakeLayer();
    in.HandleEvent(Finger(SDL_FINGERDOWN, 50, 50), 0.0);
    std::string expected = "tmove 50,50 tdown 50,50";
    for (int i = 1; i <= 9; ++i) {
        in.HandleEvent(Finger(SDL_FINGERMOTION, 50.0f + i, 50), 0.1 * i);
        expected += " tmove " + std::to_string(50 + i) + ",50";
    }
    CHECK(in.state() == PointerState::Pressed);
    in.HandleEvent(Finger(SDL_FINGERUP, 59, 50), 1.0);
    // The pointer follows the finger and the release is where it lifted: a click.
    CHECK(Describe(in.TakeImGuiEvents()) == expected + " tmove 59,50 tup tleave");
    PointerFrame f = in.BeginFrame(1.0);
    CHECK(f.scroll_dx == 0);
    CHECK(f.scroll_dy == 0);
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
    in.TakeImGuiEvents();

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
    CHECK(Describe(in.TakeImGuiEvents()) == "tmove 500,450 tdown 500,450 tleave tup");
    in.HandleEvent(Finger(SDL_FINGERDOWN, 200, 200, 2), 0.1);
    CHECK_FALSE(in.InertiaActive());
    PointerFrame f = in.BeginFrame(0.12);
    CHECK(f.scroll_dy == 0);
    CHECK(Describe(in.TakeImGuiEvents()) == "tmove 200,200 tdown 200,200");
}

TEST_CASE("a second finger is ignored from its down to its up", "[kiosk][input]") {
    InputLayer in = MakeLayer();
    in.HandleEvent(Finger(SDL_FINGERDOWN, 100, 100, 1), 0.0);
    in.TakeImGuiEvents();
    in.BeginFrame(0.0);
    in.HandleEvent(Finger(SDL_FINGERDOWN, 800, 400, 2), 0.01);
    in.HandleEvent(Finger(SDL_FINGERMOTION, 700, 300, 2), 0.02);  // would be a drag
    CHECK(in.state() == PointerState::Pressed);
    CHECK(in.TakeImGuiEvents().empty());  // the pointer did not jump to the second finger
    PointerFrame f = in.BeginFrame(0.02);
    CHECK(f.scroll_dy == 0);
    // The primary lifts: a tap. The second finger, still down, stays ignored.
    in.HandleEvent(Finger(SDL_FINGERUP, 100, 100, 1), 0.03);
    CHECK(Describe(in.TakeImGuiEvents()) == "tmove 100,100 tup tleave");
    in.HandleEvent(Finger(SDL_FINGERMOTION, 600, 100, 2), 0.05);
    CHECK(in.state() == PointerState::Idle);
    in.HandleEvent(Finger(SDL_FINGERUP, 600, 100, 2), 0.06);
    CHECK(in.TakeImGuiEvents().empty());
    CHECK(in.ignored_events() == 4);
    // After both lifted, a new finger is the primary again.
    in.HandleEvent(Finger(SDL_FINGERDOWN, 300, 300, 2), 0.1);
    CHECK(Describe(in.TakeImGuiEvents()) == "tmove 300,300 tdown 300,300");
}

TEST_CASE("mouse events synthesised from touch are dropped; a real mouse clicks and stays", "[kiosk][input]") {
    InputLayer in = MakeLayer();
    CHECK(in.HandleEvent(Mouse(SDL_MOUSEBUTTONDOWN, 10, 10, SDL_TOUCH_MOUSEID), 0.0));
    CHECK(in.HandleEvent(Mouse(SDL_MOUSEMOTION, 20, 20, SDL_TOUCH_MOUSEID), 0.0));
    CHECK(in.state() == PointerState::Idle);
    CHECK(in.ignored_events() == 2);
    CHECK(in.TakeImGuiEvents().empty());

    in.HandleEvent(Mouse(SDL_MOUSEBUTTONDOWN, 40, 60), 0.1);
    in.HandleEvent(Mouse(SDL_MOUSEBUTTONUP, 40, 60), 0.1);
    // A mouse stays over the window after the click: no leave, and not a touch.
    CHECK(Describe(in.TakeImGuiEvents()) == "move 40,60 down 40,60 move 40,60 up");
    in.HandleEvent(Mouse(SDL_MOUSEMOTION, 70, 80), 0.2);
    CHECK(Describe(in.TakeImGuiEvents()) == "move 70,80");
}

TEST_CASE("a mouse drag releases off-screen and comes back where the button was let go", "[kiosk][input]") {
    InputLayer in = MakeLayer();
    in.HandleEvent(Mouse(SDL_MOUSEBUTTONDOWN, 400, 400), 0.0);
    in.HandleEvent(Mouse(SDL_MOUSEMOTION, 400, 300), 0.05);
    in.HandleEvent(Mouse(SDL_MOUSEMOTION, 400, 200), 0.1);
    in.HandleEvent(Mouse(SDL_MOUSEBUTTONUP, 400, 200), 0.1);
    CHECK(Describe(in.TakeImGuiEvents()) == "move 400,400 down 400,400 leave up move 400,200");
    CHECK(in.BeginFrame(0.1).scroll_dy == Catch::Approx(100));
}

TEST_CASE("two taps between frames: every press and release reaches ImGui, in order", "[kiosk][input]") {
    InputLayer in = MakeLayer();
    in.HandleEvent(Finger(SDL_FINGERDOWN, 10, 10), 0.0);
    in.HandleEvent(Finger(SDL_FINGERUP, 10, 10), 0.001);
    in.HandleEvent(Finger(SDL_FINGERDOWN, 20, 20), 0.002);
    in.HandleEvent(Finger(SDL_FINGERUP, 20, 20), 0.003);
    CHECK(Describe(in.TakeImGuiEvents()) ==
          "tmove 10,10 tdown 10,10 tmove 10,10 tup tleave tmove 20,20 tdown 20,20 tmove 20,20 tup tleave");
}

TEST_CASE("non-pointer events are not consumed", "[kiosk][input]") {
    InputLayer in = MakeLayer();
    SDL_Event key;
    SDL_zero(key);
    key.type = SDL_KEYDOWN;
    CHECK_FALSE(in.HandleEvent(key, 0));
    CHECK_FALSE(in.NeedsFrame());
    CHECK(in.TakeImGuiEvents().empty());
}

namespace {

// An ImGui context without a renderer, with one invisible button; Frame() runs one frame and
// says whether the button was clicked.
struct ImGuiFrames {
    ImGuiContext* context = nullptr;
    InputLayer input = MakeLayer();
    double now = 0;
    std::u16string text;  // io.InputQueueCharacters of the last frame (ImGui empties it at EndFrame)

    ImGuiFrames() {
        context = ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        kiosk::ConfigureImGuiIo(io);
        io.DisplaySize = ImVec2(kW, kH);
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsAlpha8(&pixels, &w, &h);  // NewFrame needs a built atlas
    }
    ~ImGuiFrames() { ImGui::DestroyContext(context); }

    void Send(const SDL_Event& event) {
        ImGuiIO& io = ImGui::GetIO();
        if (!input.HandleEvent(event, now)) kiosk::ForwardKeyboardEvent(io, event);
        kiosk::ForwardPointerEvents(io, input.TakeImGuiEvents());
    }

    // The button covers (100, 100)-(300, 200).
    bool Frame() {
        now += 1.0 / 60.0;
        ImGuiIO& io = ImGui::GetIO();
        io.DeltaTime = 1.0f / 60.0f;
        input.BeginFrame(now);
        ImGui::NewFrame();
        text.assign(io.InputQueueCharacters.begin(), io.InputQueueCharacters.end());
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(io.DisplaySize);
        ImGui::Begin("screen", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove);
        ImGui::SetCursorScreenPos(ImVec2(100, 100));
        const bool clicked = ImGui::InvisibleButton("button", ImVec2(200, 100));
        ImGui::End();
        ImGui::EndFrame();
        return clicked;
    }

    // Frames until ImGui's queue is empty and one more; how many clicks they saw.
    int FramesUntilSettled(int* frames = nullptr) {
        int clicks = 0, n = 0;
        do {
            clicks += Frame() ? 1 : 0;
            ++n;
        } while (kiosk::ImGuiInputPending() && n < 100);
        clicks += Frame() ? 1 : 0;
        if (frames != nullptr) *frames = n;
        return clicks;
    }
};

SDL_Event Key(Uint32 type, SDL_Scancode code) {
    SDL_Event e;
    SDL_zero(e);
    e.type = type;
    e.key.keysym.scancode = code;
    return e;
}

}  // namespace

TEST_CASE("through ImGui: a tap between two frames is one click, four frames long", "[kiosk][input][imgui]") {
    ImGuiFrames ui;
    ui.Frame();
    ui.Send(Finger(SDL_FINGERDOWN, 150, 150));
    ui.Send(Finger(SDL_FINGERUP, 150, 150));
    REQUIRE(kiosk::ImGuiInputPending());
    // A touch screen has no hover, so ImGui hovers first: arrive, press, release (click), leave.
    CHECK_FALSE(ui.Frame());
    CHECK(ImGui::GetIO().MouseSource == ImGuiMouseSource_TouchScreen);
    CHECK_FALSE(ImGui::IsMouseDown(ImGuiMouseButton_Left));
    CHECK_FALSE(ui.Frame());
    CHECK(ImGui::IsMouseDown(ImGuiMouseButton_Left));
    CHECK(ui.Frame());
    CHECK(ImGui::IsMousePosValid());
    CHECK_FALSE(ui.Frame());
    CHECK_FALSE(ImGui::IsMousePosValid());  // no hover left under a finger that is gone
    CHECK_FALSE(kiosk::ImGuiInputPending());
}

TEST_CASE("through ImGui: two quick taps are two clicks", "[kiosk][input][imgui]") {
    ImGuiFrames ui;
    ui.Frame();
    ui.Send(Finger(SDL_FINGERDOWN, 150, 150));
    ui.Send(Finger(SDL_FINGERUP, 150, 150));
    ui.Send(Finger(SDL_FINGERDOWN, 250, 180));
    ui.Send(Finger(SDL_FINGERUP, 250, 180));
    CHECK(ui.FramesUntilSettled() == 2);
}

TEST_CASE("through ImGui: a drag that starts on the button never clicks it", "[kiosk][input][imgui]") {
    ImGuiFrames ui;
    ui.Frame();
    SECTION("the press seen before the drag") {
        ui.Send(Finger(SDL_FINGERDOWN, 150, 150));
        ui.Frame();
        ui.Frame();
        CHECK(ImGui::IsMouseDown(ImGuiMouseButton_Left));
        ui.Send(Finger(SDL_FINGERMOTION, 150, 170));  // 20 px: a drag
        CHECK(ui.FramesUntilSettled() == 0);
    }
    SECTION("everything between two frames") {
        ui.Send(Finger(SDL_FINGERDOWN, 150, 150));
        ui.Send(Finger(SDL_FINGERMOTION, 150, 170));
        ui.Send(Finger(SDL_FINGERMOTION, 150, 190));
        ui.Send(Finger(SDL_FINGERUP, 150, 190));  // lifted over the button, but it was a drag
        CHECK(ui.FramesUntilSettled() == 0);
    }
    CHECK_FALSE(ImGui::IsMouseDown(ImGuiMouseButton_Left));
}

TEST_CASE("through ImGui: a slow tap that wobbles within the threshold clicks", "[kiosk][input][imgui]") {
    ImGuiFrames ui;
    ui.Frame();
    ui.Send(Finger(SDL_FINGERDOWN, 150, 150));
    ui.Frame();
    for (int i = 1; i <= 5; ++i) {
        ui.Send(Finger(SDL_FINGERMOTION, 150.0f + i, 150));
        ui.Frame();
    }
    ui.Send(Finger(SDL_FINGERUP, 155, 150));
    CHECK(ui.FramesUntilSettled() == 1);
}

TEST_CASE("through ImGui: keys pressed and released between frames are each seen once", "[kiosk][input][imgui]") {
    ImGuiFrames ui;
    ui.Frame();
    ui.Send(Key(SDL_KEYDOWN, SDL_SCANCODE_KP_ENTER));
    ui.Send(Key(SDL_KEYUP, SDL_SCANCODE_KP_ENTER));
    ui.Send(Key(SDL_KEYDOWN, SDL_SCANCODE_RETURN));
    ui.Send(Key(SDL_KEYUP, SDL_SCANCODE_RETURN));
    int keypad_enter = 0, enter = 0, frames = 0;
    do {
        ui.Frame();
        keypad_enter += ImGui::IsKeyPressed(ImGuiKey_KeypadEnter, false) ? 1 : 0;
        enter += ImGui::IsKeyPressed(ImGuiKey_Enter, false) ? 1 : 0;
    } while (kiosk::ImGuiInputPending() && ++frames < 20);
    CHECK(keypad_enter == 1);
    CHECK(enter == 1);
    CHECK_FALSE(ImGui::IsKeyDown(ImGuiKey_Enter));

    ui.Send(Key(SDL_KEYDOWN, SDL_SCANCODE_BACKSPACE));
    ui.Frame();
    CHECK(ImGui::IsKeyPressed(ImGuiKey_Backspace, true));
    ui.Send(Key(SDL_KEYUP, SDL_SCANCODE_BACKSPACE));
    ui.Frame();
    CHECK_FALSE(ImGui::IsKeyDown(ImGuiKey_Backspace));

    SDL_Event ctrl = Key(SDL_KEYDOWN, SDL_SCANCODE_A);
    ctrl.key.keysym.mod = KMOD_LCTRL;
    ui.Send(ctrl);
    ui.Frame();
    CHECK(ImGui::GetIO().KeyCtrl);
    CHECK(ImGui::IsKeyChordPressed(ImGuiMod_Ctrl | ImGuiKey_A));
}

TEST_CASE("through ImGui: text reaches the frame's input characters", "[kiosk][input][imgui]") {
    ImGuiFrames ui;
    ui.Frame();
    SDL_Event text;
    SDL_zero(text);
    text.type = SDL_TEXTINPUT;
    std::strcpy(text.text.text, "Jā");
    ui.Send(text);
    ui.Frame();
    CHECK(ui.text == u"Jā");
}
