// kiosk/input_layer.h: touch and mouse input, turned into what ImGui and scrolling need.
//
// Why our own layer: Dear ImGui 1.86's SDL backend polls the global mouse state, captures the
// mouse, and loses a press and release that arrive between two frames. A touch screen needs
// different rules, so the program feeds ImGui from this layer and never from the backend.
//
// Design note
// - One primary pointer at a time: the left mouse button or the first finger down. Every other
//   finger is ignored from its down to its up (even after the primary lifts), so a palm or a
//   second finger never clicks, drags or jumps the pointer. Mouse events SDL synthesises from
//   touch (which == SDL_TOUCH_MOUSEID) are dropped: the finger events are the truth.
// - Pointer state machine:
//     Idle --down--> Pressed --moved > drag_threshold_px--> Dragging --up--> Idle (+ inertia)
//     Pressed --up--> Idle (a tap: ImGui sees press and release, a click)
//   Entering Dragging cancels the press for ImGui: the ImGui pointer jumps off-screen and
//   releases there, so the button under the finger is never activated by a drag.
// - ImGui reads button state once per frame. The layer queues what ImGui should see as
//   samples; BeginFrame() applies moves up to and including one button change (down, up,
//   leave, cancel) per frame; what follows waits for the next frame. So a press and release between two frames become a press in one frame
//   and a release in the next ("release held one frame"), and ImGui always sees the click.
//   After a finger lifts, the ImGui pointer leaves the screen one frame later, so no hover
//   highlight sticks under a finger that is gone.
// - Dragging scrolls: content follows the finger (scroll delta = -finger movement). On release
//   the finger's velocity over the last velocity_window_seconds starts inertia, which decays
//   exponentially with time constant fling_time_constant (exact integral per frame, so the
//   distance does not depend on the frame rate) until the speed is below stop_velocity.
//   A new touch stops inertia at once.
// - Times are seconds on the caller's clock (real or the script's virtual clock).
#pragma once

#include <SDL.h>

#include <deque>
#include <set>
#include <utility>
#include <vector>

namespace kiosk {

struct InputConfig {
    float drag_threshold_px = 14.0f;        // a tap moves less than this
    double fling_time_constant = 0.325;     // seconds for the inertia speed to fall to 1/e
    float min_fling_velocity = 80.0f;       // px/s at release needed to start inertia
    float stop_velocity = 20.0f;            // px/s below which inertia stops
    float max_velocity = 8000.0f;           // px/s cap
    double velocity_window_seconds = 0.1;   // finger speed is measured over this much history
};

// What ImGui and the scroll target should see this frame.
struct PointerFrame {
    bool pos_valid = false;     // false: the pointer is off-screen (no hover)
    float x = 0, y = 0;
    bool down = false;          // ImGui left button
    float scroll_dx = 0, scroll_dy = 0;  // add to the target window's scroll
    bool drag_started = false;  // choose the scroll target under (anchor_x, anchor_y) now
    float anchor_x = 0, anchor_y = 0;
    bool activity = false;      // the visitor touched, clicked or moved something since last frame
};

enum class PointerState { Idle, Pressed, Dragging };

class InputLayer {
public:
    explicit InputLayer(const InputConfig& config = InputConfig{});

    // Finger coordinates are normalised by SDL; this is the window size in pixels.
    void SetViewSize(float width, float height);

    // Returns true when the event was pointer input (consumed or deliberately ignored).
    bool HandleEvent(const SDL_Event& event, double now);

    // What ImGui sees this frame. Call once per frame, before ImGui::NewFrame().
    PointerFrame BeginFrame(double now);

    // True when a frame is needed without new input: queued samples, inertia, pending scroll.
    bool NeedsFrame() const;
    bool InertiaActive() const { return inertia_active_; }
    float InertiaVelocityY() const { return velocity_y_; }
    // The scroll target cannot move further (clamped at an end): inertia stops.
    void StopInertia();

    PointerState state() const { return state_; }
    int ignored_events() const { return ignored_events_; }

private:
    enum class SampleKind { Move, Down, Up, Leave, Cancel };
    struct Sample {
        SampleKind kind;
        float x, y;
    };
    enum class Source { None, Mouse, Finger };

    void PointerDown(Source source, SDL_FingerID finger, float x, float y, double now);
    void PointerMove(float x, float y, double now);
    void PointerUp(float x, float y, double now);

    InputConfig config_;
    float view_w_ = 1920, view_h_ = 1080;

    PointerState state_ = PointerState::Idle;
    Source source_ = Source::None;
    SDL_TouchID touch_ = 0;
    SDL_FingerID finger_ = 0;
    std::set<std::pair<SDL_TouchID, SDL_FingerID>> ignored_fingers_;
    float down_x_ = 0, down_y_ = 0;
    float last_x_ = 0, last_y_ = 0;        // last drag position already turned into scroll
    std::deque<std::pair<double, std::pair<float, float>>> history_;  // (time, position) while dragging

    std::deque<Sample> samples_;           // what ImGui has yet to see
    bool imgui_pos_valid_ = false;
    float imgui_x_ = 0, imgui_y_ = 0;
    bool imgui_down_ = false;

    float pending_dx_ = 0, pending_dy_ = 0;
    bool pending_drag_start_ = false;
    bool pending_activity_ = false;

    bool inertia_active_ = false;
    float velocity_x_ = 0, velocity_y_ = 0;  // content scroll velocity, px/s
    double inertia_time_ = 0;
    int ignored_events_ = 0;
};

}  // namespace kiosk
