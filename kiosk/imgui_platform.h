// kiosk/imgui_platform.h: feeding Dear ImGui 1.86 from our input layer (the platform half of
// a backend; rendering stays with ImGui's OpenGL3 backend).
//
// Design note
// - Pointer: ApplyPointer() writes the InputLayer's frame into io.MousePos / io.MouseDown[0]
//   before ImGui::NewFrame(). Nothing else writes them (no global mouse polling, no capture).
// - Keyboard (staff and development): key and text events go to io.KeysDown[] (SDL scancodes,
//   io.KeyMap set up for ImGui's navigation and text editing keys) and io.AddInputCharacters.
//   As with the pointer, a key pressed and released between two frames is released one frame
//   later, so ImGui sees every key press.
// - Drag-to-scroll: when a drag starts, ScrollDriver picks the window under the touch-down point
//   (children first, walking out to the nearest window that can scroll), then adds each frame's
//   scroll delta to that window's scroll (ImGui::SetScrollX/Y, pixel for pixel). So any ImGui
//   window or child that can scroll can be dragged, and screens need no code for it (a child
//   with ImGuiWindowFlags_NoScrollWithMouse is dragged too: that flag only concerns the wheel).
//   When the window cannot move further (an end), inertia stops. A mouse wheel still arrives
//   as io.MouseWheel, for development.
#pragma once

#include <SDL.h>

#include <vector>

#include "kiosk/input_layer.h"

struct ImGuiIO;

namespace kiosk {

// Key map, no imgui.ini, no cursor changes. Call once after ImGui::CreateContext().
void ConfigureImGuiIo(ImGuiIO& io);

void ApplyPointer(ImGuiIO& io, const PointerFrame& frame);

class KeyboardFeeder {
public:
    // Returns true for keyboard, text and wheel events (all count as visitor activity).
    bool HandleEvent(ImGuiIO& io, const SDL_Event& event);
    // Releases keys whose release was held back; call before ImGui::NewFrame().
    void BeginFrame(ImGuiIO& io);
    bool NeedsFrame() const { return !held_releases_.empty() || pressed_this_frame_.size() > 0; }

private:
    std::vector<int> pressed_this_frame_;
    std::vector<int> held_releases_;
};

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
