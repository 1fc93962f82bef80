// kiosk/imgui_platform.h: feeding Dear ImGui 1.90 from our input layer (the platform half of a
// backend; rendering stays with ImGui's OpenGL3 backend).
//
// Design note
// - Everything goes through ImGui's input event queue (io.Add*Event, ImGui 1.87+); nothing
//   writes io.MousePos, io.MouseDown[], io.KeysDown[] or io.KeyMap[] (io.KeyMap is gone in
//   ImGui 1.92). Events are queued as they arrive, between frames; ImGui::NewFrame() applies
//   them, trickled over frames so that no press or release is lost (see kiosk/input_layer.h).
//   While ImGui still holds queued events, ImGuiInputPending() is true and the frame loop
//   keeps drawing, so a tap is complete before the loop sleeps.
// - Pointer: ForwardPointerEvents() turns the InputLayer's events into
//   io.AddMouseSourceEvent() (TouchScreen for a finger, Mouse otherwise) followed by
//   io.AddMousePosEvent() or io.AddMouseButtonEvent() for the left button; Leave is the
//   position (-FLT_MAX, -FLT_MAX). No global mouse polling, no capture.
// - Keyboard (staff laptops, development, the scripts' `key` and `type`): ForwardKeyboardEvent()
//   sends io.AddKeyEvent() for the modifiers (ImGuiMod_Ctrl/Shift/Alt/Super, from the event's
//   modifier state) and for the key, named by its SDL scancode (the key's place, as the kiosk
//   always did, so Ctrl+C is the same key on a Latvian or a Russian layout); text goes to
//   io.AddInputCharactersUTF8(). Screens ask ImGui::IsKeyPressed(ImGuiKey_Enter) and so on;
//   nothing uses the legacy GetKeyIndex().
// - The mouse wheel (development) goes to io.AddMouseWheelEvent() in ImGui's convention
//   (wheel_x > 0 scrolls left: SDL's x is negated, as ImGui's own SDL2 backend does).
// - Drag-to-scroll: when a drag starts, ScrollDriver picks the window under the touch-down point
//   (children first, walking out to the nearest window that can scroll), then adds each frame's
//   scroll delta to that window's scroll (ImGui::SetScrollX/Y, pixel for pixel). So any ImGui
//   window or child that can scroll can be dragged, and screens need no code for it (a child
//   with ImGuiWindowFlags_NoScrollWithMouse is dragged too: that flag only concerns the wheel).
//   When the window cannot move further (an end), inertia stops. ImGui has no drag-to-scroll
//   of its own, so this stays the kiosk's.
// - ABI: Debian's libimgui is compiled without IMGUI_DISABLE_OBSOLETE_KEYIO (and without
//   IMGUI_DISABLE_OBSOLETE_FUNCTIONS, which implies it). Both remove members from ImGuiIO and
//   ImGuiContext, so defining them for our code alone would break the layout the library was
//   built with; the kiosk leaves them undefined and does not use the legacy API instead
//   (docs/decisions.md). App::Init() refuses to start (imgui_abi_mismatch) when
//   IMGUI_CHECKVERSION() finds a layout mismatch, whether or not the library asserts.
#pragma once

#include <SDL.h>

#include <vector>

#include "kiosk/input_layer.h"

struct ImGuiIO;

namespace kiosk {

// No imgui.ini, no cursor changes. Call once after ImGui::CreateContext().
void ConfigureImGuiIo(ImGuiIO& io);

// Queues the input layer's pointer events in ImGui, in order.
void ForwardPointerEvents(ImGuiIO& io, const std::vector<ImGuiPointerEvent>& events);

// Queues keyboard, text and mouse wheel events in ImGui. Returns true for those events (all
// count as visitor activity), false for anything else.
bool ForwardKeyboardEvent(ImGuiIO& io, const SDL_Event& event);

// True while ImGui holds queued input events that a coming NewFrame() will apply (ImGui applies
// at most one change per button or key per frame).
bool ImGuiInputPending();

class ScrollDriver {
public:
    // After ImGui::NewFrame(), before the UI's frame.
    void Apply(const PointerFrame& frame, InputLayer& input);
    unsigned target_id() const { return target_id_; }

private:
    unsigned target_id_ = 0;  // ImGuiID of the window being scrolled, 0 = none
    float expected_x_ = 0, expected_y_ = 0;  // where the last scroll should have landed
    bool check_clamp_ = false;
};

}  // namespace kiosk
