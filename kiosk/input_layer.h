// kiosk/input_layer.h: touch and mouse input, turned into what ImGui and scrolling need.
//
// Why our own layer: a public touch screen needs rules that neither SDL nor ImGui's SDL backend
// have (a drag must never click, a palm or a second finger must do nothing, content follows the
// finger and coasts on). The program feeds ImGui from this layer and never from the backend.
//
// Design note
// - What ImGui 1.90 does (the layer used to do it for ImGui 1.86, and no longer does):
//   - Keeping every press and release. The layer hands ImGui its pointer events in order
//     (TakeImGuiEvents(); kiosk/imgui_platform.cpp queues them with io.AddMousePosEvent() and
//     io.AddMouseButtonEvent()). NewFrame() trickles the queue (io.ConfigInputTrickleEventQueue,
//     on by default): one change per button per frame, so a tap that lands and lifts between two
//     frames is a press in one frame and a release in a later one, and no click is lost.
//   - A finger has no hover. Events from a finger are marked ImGuiMouseSource_TouchScreen, and
//     ImGui then holds a press that arrives with a move for one frame, so the widget under the
//     finger is hovered in the frame before it is pressed (ImGui issue #2702). A tap that lands
//     and lifts between two frames therefore takes four frames: the pointer arrives, press,
//     release (the click), the pointer leaves. A longer touch is pressed in its second frame.
// - What the kiosk still does itself:
//   - One primary pointer at a time: the left mouse button or the first finger down. Every
//     other finger is ignored from its down to its up (even after the primary lifts), so a palm
//     or a second finger never clicks, drags or jumps the pointer. Mouse events SDL synthesises
//     from touch (which == SDL_TOUCH_MOUSEID) are dropped: the finger events are the truth.
//   - Tap versus drag, as a state machine (PointerDown, PointerMove, PointerUp):
//       Idle --down--> Pressed --moved > drag_threshold_px--> Dragging --up--> Idle (+ inertia)
//       Pressed --up--> Idle (a tap: ImGui sees press and release over the widget, a click)
//     ImGui has no way to cancel a press, so entering Dragging sends the pointer off-screen
//     (Leave) and then releases the button there: the widget under the finger sees a release
//     away from it and is not activated. A finger that lifts also leaves, so no hover highlight
//     stays under a finger that is gone; a mouse stays where it is.
//   - Drag-to-scroll: while Dragging, content follows the finger (scroll delta = -finger
//     movement; BeginFrame() hands the frame's sum to kiosk::ScrollDriver). On release the
//     finger's velocity over the last velocity_window_seconds starts inertia, which decays
//     exponentially with time constant fling_time_constant (exact integral per frame, so the
//     distance does not depend on the frame rate) until the speed is below stop_velocity.
//     A new touch stops inertia at once.
// - Invariants: every Down is followed by exactly one Up before the next Down (so ImGui's
//   button is down exactly in between); the events of a gesture are
//     tap:  Move Down Move* Up [Leave for a finger]
//     drag: Move Down Move* Leave Up [Move for a mouse, where it was released]
//   so an Up that ends a drag always comes after a Leave; an ignored finger or synthesised
//   mouse event emits nothing; scrolling happens only while Dragging and during inertia.
// - Times are seconds on the caller's clock (real or the script's virtual clock). The layer
//   knows SDL events but not ImGui, so its tests need neither a context nor a display.
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

// One pointer event for ImGui, in the order it happened. kiosk/imgui_platform.cpp turns it
// into io.AddMouseSourceEvent() + io.AddMousePosEvent() / io.AddMouseButtonEvent() (left button).
struct ImGuiPointerEvent {
    enum class Kind {
        Move,   // the pointer is at (x, y)
        Down,   // the left button is pressed at (x, y)
        Up,     // the left button is released (where the pointer is)
        Leave,  // the pointer leaves the screen: no hover (ImGui's -FLT_MAX position)
    };
    Kind kind = Kind::Move;
    float x = 0, y = 0;
    bool touch = false;  // from a finger: ImGuiMouseSource_TouchScreen, else a mouse
};

// What the scroll target should see this frame.
struct PointerFrame {
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
    // What ImGui should see of it waits in TakeImGuiEvents().
    bool HandleEvent(const SDL_Event& event, double now);

    // The ImGui events since the last call, oldest first; call after each HandleEvent() and
    // queue them in ImGui at once, so they keep their order with keyboard events.
    std::vector<ImGuiPointerEvent> TakeImGuiEvents();

    // The scrolling for this frame. Call once per frame, before ImGui::NewFrame().
    PointerFrame BeginFrame(double now);

    // True when a frame is needed without new input: untaken ImGui events, inertia, pending
    // scroll. (ImGui's own queue of trickled events is asked separately: kiosk::ImGuiInputPending.)
    bool NeedsFrame() const;
    bool InertiaActive() const { return inertia_active_; }
    float InertiaVelocityY() const { return velocity_y_; }
    // The scroll target cannot move further (clamped at an end): inertia stops.
    void StopInertia();

    PointerState state() const { return state_; }
    int ignored_events() const { return ignored_events_; }

private:
    enum class Source { None, Mouse, Finger };

    void PointerDown(Source source, float x, float y, double now);
    void PointerMove(float x, float y, double now);
    void PointerUp(float x, float y, double now);
    void Emit(ImGuiPointerEvent::Kind kind, float x = 0, float y = 0);

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

    std::vector<ImGuiPointerEvent> imgui_events_;  // what ImGui has yet to be given

    float pending_dx_ = 0, pending_dy_ = 0;
    bool pending_drag_start_ = false;
    bool pending_activity_ = false;

    bool inertia_active_ = false;
    float velocity_x_ = 0, velocity_y_ = 0;  // content scroll velocity, px/s
    double inertia_time_ = 0;
    int ignored_events_ = 0;
};

}  // namespace kiosk
