#include "kiosk/imgui_platform.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cfloat>
#include <cmath>

namespace kiosk {

void ConfigureImGuiIo(ImGuiIO& io) {
    io.IniFilename = nullptr;  // the root file system is read-only; layout is code
    io.LogFilename = nullptr;
    io.BackendPlatformName = "kiosk_sdl_touch";
    io.ConfigFlags |= ImGuiConfigFlags_NoMouseCursorChange;
    io.KeyMap[ImGuiKey_Tab] = SDL_SCANCODE_TAB;
    io.KeyMap[ImGuiKey_LeftArrow] = SDL_SCANCODE_LEFT;
    io.KeyMap[ImGuiKey_RightArrow] = SDL_SCANCODE_RIGHT;
    io.KeyMap[ImGuiKey_UpArrow] = SDL_SCANCODE_UP;
    io.KeyMap[ImGuiKey_DownArrow] = SDL_SCANCODE_DOWN;
    io.KeyMap[ImGuiKey_PageUp] = SDL_SCANCODE_PAGEUP;
    io.KeyMap[ImGuiKey_PageDown] = SDL_SCANCODE_PAGEDOWN;
    io.KeyMap[ImGuiKey_Home] = SDL_SCANCODE_HOME;
    io.KeyMap[ImGuiKey_End] = SDL_SCANCODE_END;
    io.KeyMap[ImGuiKey_Insert] = SDL_SCANCODE_INSERT;
    io.KeyMap[ImGuiKey_Delete] = SDL_SCANCODE_DELETE;
    io.KeyMap[ImGuiKey_Backspace] = SDL_SCANCODE_BACKSPACE;
    io.KeyMap[ImGuiKey_Space] = SDL_SCANCODE_SPACE;
    io.KeyMap[ImGuiKey_Enter] = SDL_SCANCODE_RETURN;
    io.KeyMap[ImGuiKey_Escape] = SDL_SCANCODE_ESCAPE;
    io.KeyMap[ImGuiKey_KeypadEnter] = SDL_SCANCODE_KP_ENTER;
    io.KeyMap[ImGuiKey_A] = SDL_SCANCODE_A;
    io.KeyMap[ImGuiKey_C] = SDL_SCANCODE_C;
    io.KeyMap[ImGuiKey_V] = SDL_SCANCODE_V;
    io.KeyMap[ImGuiKey_X] = SDL_SCANCODE_X;
    io.KeyMap[ImGuiKey_Y] = SDL_SCANCODE_Y;
    io.KeyMap[ImGuiKey_Z] = SDL_SCANCODE_Z;
}

void ApplyPointer(ImGuiIO& io, const PointerFrame& frame) {
    io.MousePos = frame.pos_valid ? ImVec2(frame.x, frame.y) : ImVec2(-FLT_MAX, -FLT_MAX);
    io.MouseDown[0] = frame.down;
}

bool KeyboardFeeder::HandleEvent(ImGuiIO& io, const SDL_Event& event) {
    switch (event.type) {
        case SDL_KEYDOWN:
        case SDL_KEYUP: {
            int key = event.key.keysym.scancode;
            if (key < 0 || key >= (int)IM_ARRAYSIZE(io.KeysDown)) return true;
            Uint16 mod = event.key.keysym.mod;
            io.KeyShift = (mod & KMOD_SHIFT) != 0;
            io.KeyCtrl = (mod & KMOD_CTRL) != 0;
            io.KeyAlt = (mod & KMOD_ALT) != 0;
            io.KeySuper = (mod & KMOD_GUI) != 0;
            if (event.type == SDL_KEYDOWN) {
                io.KeysDown[key] = true;
                pressed_this_frame_.push_back(key);
            } else if (std::find(pressed_this_frame_.begin(), pressed_this_frame_.end(), key) !=
                       pressed_this_frame_.end()) {
                held_releases_.push_back(key);  // ImGui has not seen it down yet
            } else {
                io.KeysDown[key] = false;
            }
            return true;
        }
        case SDL_TEXTINPUT:
            io.AddInputCharactersUTF8(event.text.text);
            return true;
        case SDL_MOUSEWHEEL:
            if (event.wheel.which == SDL_TOUCH_MOUSEID) return true;
            io.MouseWheel += event.wheel.preciseY;
            io.MouseWheelH += event.wheel.preciseX;
            return true;
        default:
            return false;
    }
}

void KeyboardFeeder::BeginFrame(ImGuiIO& io) {
    // Releases held back last frame happen now; keys pressed last frame have been seen.
    std::vector<int> releases;
    releases.swap(held_releases_);
    pressed_this_frame_.clear();
    for (int key : releases) io.KeysDown[key] = false;
}

namespace {

// The front-most window under a point, as ImGui's own hover test finds it (g.Windows is in
// display order, children after their parents).
ImGuiWindow* WindowAt(ImVec2 point) {
    ImGuiContext& g = *ImGui::GetCurrentContext();
    for (int i = g.Windows.Size - 1; i >= 0; --i) {
        ImGuiWindow* window = g.Windows[i];
        if (!window->WasActive || window->Hidden) continue;
        if (window->Flags & ImGuiWindowFlags_NoMouseInputs) continue;
        if (window->OuterRectClipped.Contains(point)) return window;
    }
    return nullptr;
}

}  // namespace

void ScrollDriver::Apply(const PointerFrame& frame, InputLayer& input) {
    ImGuiWindow* window = nullptr;
    if (frame.drag_started) {
        target_id_ = 0;
        check_clamp_ = false;
        for (window = WindowAt(ImVec2(frame.anchor_x, frame.anchor_y)); window != nullptr;
             window = window->ParentWindow) {
            // NoScrollWithMouse is not an opt-out: screens set it to replace ImGui's wheel step
            // with their own, and a finger must still scroll them.
            if (window->ScrollMax.y > 0.0f || window->ScrollMax.x > 0.0f) break;
        }
        if (window != nullptr) target_id_ = window->ID;
    } else if (target_id_ != 0) {
        window = ImGui::FindWindowByID(target_id_);
    }
    if (window == nullptr) {
        target_id_ = 0;
        if (input.InertiaActive()) input.StopInertia();
        return;
    }
    // The previous frame's scroll landed short of where it was sent: an end was reached.
    if (check_clamp_ && input.InertiaActive() &&
        (std::fabs(window->Scroll.y - expected_y_) > 0.5f ||
         std::fabs(window->Scroll.x - expected_x_) > 0.5f)) {
        input.StopInertia();
    }
    check_clamp_ = false;
    if (frame.scroll_dx == 0 && frame.scroll_dy == 0) return;
    if (frame.scroll_dy != 0 && window->ScrollMax.y > 0.0f) {
        expected_y_ = window->Scroll.y + frame.scroll_dy;
        ImGui::SetScrollY(window, expected_y_);
    } else {
        expected_y_ = window->Scroll.y;
    }
    if (frame.scroll_dx != 0 && window->ScrollMax.x > 0.0f) {
        expected_x_ = window->Scroll.x + frame.scroll_dx;
        ImGui::SetScrollX(window, expected_x_);
    } else {
        expected_x_ = window->Scroll.x;
    }
    check_clamp_ = true;
}

}  // namespace kiosk
