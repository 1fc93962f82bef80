#include "kiosk/imgui_platform.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <cfloat>
#include <cmath>

namespace kiosk {

namespace {

// The ImGui key for a key's place on the keyboard (its SDL scancode). Keys ImGui has no name
// for are ImGuiKey_None and are not sent; their text still arrives as SDL_TEXTINPUT.
ImGuiKey KeyFromScancode(SDL_Scancode code) {
    // Letters, digits, function keys and the keypad's digits are runs in both enumerations.
    if (code >= SDL_SCANCODE_A && code <= SDL_SCANCODE_Z) return ImGuiKey(ImGuiKey_A + (code - SDL_SCANCODE_A));
    if (code >= SDL_SCANCODE_1 && code <= SDL_SCANCODE_9) return ImGuiKey(ImGuiKey_1 + (code - SDL_SCANCODE_1));
    if (code >= SDL_SCANCODE_F1 && code <= SDL_SCANCODE_F12) return ImGuiKey(ImGuiKey_F1 + (code - SDL_SCANCODE_F1));
    if (code >= SDL_SCANCODE_KP_1 && code <= SDL_SCANCODE_KP_9)
        return ImGuiKey(ImGuiKey_Keypad1 + (code - SDL_SCANCODE_KP_1));
    switch (code) {
        case SDL_SCANCODE_0: return ImGuiKey_0;
        case SDL_SCANCODE_RETURN: return ImGuiKey_Enter;
        case SDL_SCANCODE_ESCAPE: return ImGuiKey_Escape;
        case SDL_SCANCODE_BACKSPACE: return ImGuiKey_Backspace;
        case SDL_SCANCODE_TAB: return ImGuiKey_Tab;
        case SDL_SCANCODE_SPACE: return ImGuiKey_Space;
        case SDL_SCANCODE_MINUS: return ImGuiKey_Minus;
        case SDL_SCANCODE_EQUALS: return ImGuiKey_Equal;
        case SDL_SCANCODE_LEFTBRACKET: return ImGuiKey_LeftBracket;
        case SDL_SCANCODE_RIGHTBRACKET: return ImGuiKey_RightBracket;
        case SDL_SCANCODE_BACKSLASH: return ImGuiKey_Backslash;
        case SDL_SCANCODE_SEMICOLON: return ImGuiKey_Semicolon;
        case SDL_SCANCODE_APOSTROPHE: return ImGuiKey_Apostrophe;
        case SDL_SCANCODE_GRAVE: return ImGuiKey_GraveAccent;
        case SDL_SCANCODE_COMMA: return ImGuiKey_Comma;
        case SDL_SCANCODE_PERIOD: return ImGuiKey_Period;
        case SDL_SCANCODE_SLASH: return ImGuiKey_Slash;
        case SDL_SCANCODE_CAPSLOCK: return ImGuiKey_CapsLock;
        case SDL_SCANCODE_PRINTSCREEN: return ImGuiKey_PrintScreen;
        case SDL_SCANCODE_SCROLLLOCK: return ImGuiKey_ScrollLock;
        case SDL_SCANCODE_PAUSE: return ImGuiKey_Pause;
        case SDL_SCANCODE_INSERT: return ImGuiKey_Insert;
        case SDL_SCANCODE_HOME: return ImGuiKey_Home;
        case SDL_SCANCODE_PAGEUP: return ImGuiKey_PageUp;
        case SDL_SCANCODE_DELETE: return ImGuiKey_Delete;
        case SDL_SCANCODE_END: return ImGuiKey_End;
        case SDL_SCANCODE_PAGEDOWN: return ImGuiKey_PageDown;
        case SDL_SCANCODE_RIGHT: return ImGuiKey_RightArrow;
        case SDL_SCANCODE_LEFT: return ImGuiKey_LeftArrow;
        case SDL_SCANCODE_DOWN: return ImGuiKey_DownArrow;
        case SDL_SCANCODE_UP: return ImGuiKey_UpArrow;
        case SDL_SCANCODE_NUMLOCKCLEAR: return ImGuiKey_NumLock;
        case SDL_SCANCODE_KP_DIVIDE: return ImGuiKey_KeypadDivide;
        case SDL_SCANCODE_KP_MULTIPLY: return ImGuiKey_KeypadMultiply;
        case SDL_SCANCODE_KP_MINUS: return ImGuiKey_KeypadSubtract;
        case SDL_SCANCODE_KP_PLUS: return ImGuiKey_KeypadAdd;
        case SDL_SCANCODE_KP_ENTER: return ImGuiKey_KeypadEnter;  // ImGuiKey_KeyPadEnter before 1.87
        case SDL_SCANCODE_KP_0: return ImGuiKey_Keypad0;
        case SDL_SCANCODE_KP_PERIOD: return ImGuiKey_KeypadDecimal;
        case SDL_SCANCODE_KP_EQUALS: return ImGuiKey_KeypadEqual;
        case SDL_SCANCODE_APPLICATION: return ImGuiKey_Menu;
        case SDL_SCANCODE_LCTRL: return ImGuiKey_LeftCtrl;
        case SDL_SCANCODE_LSHIFT: return ImGuiKey_LeftShift;
        case SDL_SCANCODE_LALT: return ImGuiKey_LeftAlt;
        case SDL_SCANCODE_LGUI: return ImGuiKey_LeftSuper;
        case SDL_SCANCODE_RCTRL: return ImGuiKey_RightCtrl;
        case SDL_SCANCODE_RSHIFT: return ImGuiKey_RightShift;
        case SDL_SCANCODE_RALT: return ImGuiKey_RightAlt;
        case SDL_SCANCODE_RGUI: return ImGuiKey_RightSuper;
        default: return ImGuiKey_None;
    }
}

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

void SetMouseSource(ImGuiIO& io, bool touch) {
    io.AddMouseSourceEvent(touch ? ImGuiMouseSource_TouchScreen : ImGuiMouseSource_Mouse);
}

}  // namespace

void ConfigureImGuiIo(ImGuiIO& io) {
    io.IniFilename = nullptr;  // the root file system is read-only; layout is code
    io.LogFilename = nullptr;
    io.BackendPlatformName = "kiosk_sdl_touch";
    io.ConfigFlags |= ImGuiConfigFlags_NoMouseCursorChange;
    // The default, said out loud: the kiosk relies on it to see every tap (input_layer.h).
    io.ConfigInputTrickleEventQueue = true;
}

void ForwardPointerEvents(ImGuiIO& io, const std::vector<ImGuiPointerEvent>& events) {
    for (const ImGuiPointerEvent& e : events) {
        // The source is latched into each event ImGui queues, so it is set before every one.
        SetMouseSource(io, e.touch);
        switch (e.kind) {
            case ImGuiPointerEvent::Kind::Move:
                io.AddMousePosEvent(e.x, e.y);
                break;
            case ImGuiPointerEvent::Kind::Down:
                io.AddMousePosEvent(e.x, e.y);  // filtered by ImGui when it is already there
                io.AddMouseButtonEvent(ImGuiMouseButton_Left, true);
                break;
            case ImGuiPointerEvent::Kind::Up:
                io.AddMouseButtonEvent(ImGuiMouseButton_Left, false);
                break;
            case ImGuiPointerEvent::Kind::Leave:
                io.AddMousePosEvent(-FLT_MAX, -FLT_MAX);
                break;
        }
    }
}

bool ForwardKeyboardEvent(ImGuiIO& io, const SDL_Event& event) {
    switch (event.type) {
        case SDL_KEYDOWN:
        case SDL_KEYUP: {
            const Uint16 mod = event.key.keysym.mod;
            io.AddKeyEvent(ImGuiMod_Ctrl, (mod & KMOD_CTRL) != 0);
            io.AddKeyEvent(ImGuiMod_Shift, (mod & KMOD_SHIFT) != 0);
            io.AddKeyEvent(ImGuiMod_Alt, (mod & KMOD_ALT) != 0);
            io.AddKeyEvent(ImGuiMod_Super, (mod & KMOD_GUI) != 0);
            const ImGuiKey key = KeyFromScancode(event.key.keysym.scancode);
            if (key != ImGuiKey_None) io.AddKeyEvent(key, event.type == SDL_KEYDOWN);
            return true;
        }
        case SDL_TEXTINPUT:
            io.AddInputCharactersUTF8(event.text.text);
            return true;
        case SDL_MOUSEWHEEL:
            if (event.wheel.which == SDL_TOUCH_MOUSEID) return true;
            SetMouseSource(io, false);
            io.AddMouseWheelEvent(-event.wheel.preciseX, event.wheel.preciseY);
            return true;
        default:
            return false;
    }
}

bool ImGuiInputPending() {
    const ImGuiContext* g = ImGui::GetCurrentContext();
    return g != nullptr && g->InputEventsQueue.Size > 0;
}

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
