#include "kiosk/input_layer.h"

#include <cassert>
#include <cmath>

namespace kiosk {

using Kind = ImGuiPointerEvent::Kind;

InputLayer::InputLayer(const InputConfig& config) : config_(config) {}

void InputLayer::SetViewSize(float width, float height) {
    view_w_ = width;
    view_h_ = height;
}

bool InputLayer::HandleEvent(const SDL_Event& event, double now) {
    switch (event.type) {
        case SDL_FINGERDOWN:
        case SDL_FINGERMOTION:
        case SDL_FINGERUP: {
            const SDL_TouchFingerEvent& f = event.tfinger;
            auto key = std::make_pair(f.touchId, f.fingerId);
            float x = f.x * view_w_, y = f.y * view_h_;
            bool is_primary = source_ == Source::Finger && touch_ == f.touchId && finger_ == f.fingerId;
            if (event.type == SDL_FINGERDOWN) {
                ignored_fingers_.erase(key);  // SDL may reuse an id after its up
                if (state_ != PointerState::Idle) {
                    ignored_fingers_.insert(key);
                    ++ignored_events_;
                    return true;
                }
                touch_ = f.touchId;
                finger_ = f.fingerId;
                PointerDown(Source::Finger, x, y, now);
            } else if (!is_primary) {
                if (event.type == SDL_FINGERUP) ignored_fingers_.erase(key);
                ++ignored_events_;
            } else if (event.type == SDL_FINGERMOTION) {
                PointerMove(x, y, now);
            } else {
                PointerUp(x, y, now);
            }
            return true;
        }
        case SDL_MOUSEBUTTONDOWN:
        case SDL_MOUSEBUTTONUP:
        case SDL_MOUSEMOTION: {
            // The finger events already carry this touch.
            Uint32 which = event.type == SDL_MOUSEMOTION ? event.motion.which : event.button.which;
            if (which == SDL_TOUCH_MOUSEID) {
                ++ignored_events_;
                return true;
            }
            if (event.type == SDL_MOUSEMOTION) {
                float x = (float)event.motion.x, y = (float)event.motion.y;
                if (source_ == Source::Mouse) {
                    PointerMove(x, y, now);
                } else if (state_ == PointerState::Idle) {
                    Emit(Kind::Move, x, y);  // hover, for development
                    pending_activity_ = true;
                } else {
                    ++ignored_events_;  // a finger is the primary pointer
                }
                return true;
            }
            if (event.button.button != SDL_BUTTON_LEFT) {
                ++ignored_events_;
                return true;
            }
            float x = (float)event.button.x, y = (float)event.button.y;
            if (event.type == SDL_MOUSEBUTTONDOWN) {
                if (state_ != PointerState::Idle) {
                    ++ignored_events_;
                    return true;
                }
                PointerDown(Source::Mouse, x, y, now);
            } else if (source_ == Source::Mouse) {
                PointerUp(x, y, now);
            } else {
                ++ignored_events_;
            }
            return true;
        }
        case SDL_MULTIGESTURE:
        case SDL_DOLLARGESTURE:
            ++ignored_events_;
            return true;
        default:
            return false;
    }
}

void InputLayer::Emit(Kind kind, float x, float y) {
    imgui_events_.push_back({kind, x, y, source_ == Source::Finger});
}

std::vector<ImGuiPointerEvent> InputLayer::TakeImGuiEvents() {
    std::vector<ImGuiPointerEvent> events;
    events.swap(imgui_events_);
    return events;
}

void InputLayer::PointerDown(Source source, float x, float y, double now) {
    assert(state_ == PointerState::Idle && "a second primary pointer went down");
    StopInertia();
    pending_dx_ = pending_dy_ = 0;
    state_ = PointerState::Pressed;
    source_ = source;
    down_x_ = last_x_ = x;
    down_y_ = last_y_ = y;
    history_.clear();
    history_.push_back({now, {x, y}});
    Emit(Kind::Move, x, y);
    Emit(Kind::Down, x, y);
    pending_activity_ = true;
}

void InputLayer::PointerMove(float x, float y, double now) {
    pending_activity_ = true;
    if (state_ == PointerState::Pressed) {
        float dx = x - down_x_, dy = y - down_y_;
        if (std::sqrt(dx * dx + dy * dy) <= config_.drag_threshold_px) {
            Emit(Kind::Move, x, y);
            return;
        }
        // The press becomes a drag: ImGui must not see a click on what is under the finger,
        // so the release happens off-screen.
        state_ = PointerState::Dragging;
        Emit(Kind::Leave);
        Emit(Kind::Up);
        pending_drag_start_ = true;
        // Scrolling starts where the threshold was crossed, so the content does not jump.
        last_x_ = x;
        last_y_ = y;
        history_.clear();
        history_.push_back({now, {x, y}});
        return;
    }
    if (state_ != PointerState::Dragging) return;
    pending_dx_ -= x - last_x_;
    pending_dy_ -= y - last_y_;
    last_x_ = x;
    last_y_ = y;
    history_.push_back({now, {x, y}});
    // Keep one sample older than the window as the baseline for the velocity.
    while (history_.size() > 2 && history_[1].first < now - config_.velocity_window_seconds)
        history_.pop_front();
}

void InputLayer::PointerUp(float x, float y, double now) {
    pending_activity_ = true;
    if (state_ == PointerState::Pressed) {
        Emit(Kind::Move, x, y);
        Emit(Kind::Up, x, y);
        // A finger is gone: no hover stays under it. A mouse is still over the window.
        if (source_ == Source::Finger) Emit(Kind::Leave);
    } else if (state_ == PointerState::Dragging) {
        PointerMove(x, y, now);
        // Velocity of the content over the recent history; a finger that stopped and then
        // lifted has none.
        const auto& newest = history_.back();
        const auto* oldest = &history_.front();
        for (const auto& h : history_) {
            if (h.first >= now - config_.velocity_window_seconds) {
                oldest = &h;
                break;
            }
        }
        if (oldest == &newest && history_.size() >= 2) oldest = &history_[history_.size() - 2];
        double dt = newest.first - oldest->first;
        bool recent = newest.first >= now - config_.velocity_window_seconds;
        if (dt > 1e-4 && recent) {
            float vx = (float)(-(newest.second.first - oldest->second.first) / dt);
            float vy = (float)(-(newest.second.second - oldest->second.second) / dt);
            float speed = std::sqrt(vx * vx + vy * vy);
            if (speed > config_.max_velocity) {
                vx *= config_.max_velocity / speed;
                vy *= config_.max_velocity / speed;
                speed = config_.max_velocity;
            }
            if (speed >= config_.min_fling_velocity) {
                inertia_active_ = true;
                velocity_x_ = vx;
                velocity_y_ = vy;
                inertia_time_ = now;
            }
        }
        // ImGui's button was released when the drag began; a mouse pointer comes back where
        // it is, a finger stays gone.
        if (source_ == Source::Mouse) Emit(Kind::Move, x, y);
    }
    state_ = PointerState::Idle;
    source_ = Source::None;
    history_.clear();
}

void InputLayer::StopInertia() {
    inertia_active_ = false;
    velocity_x_ = velocity_y_ = 0;
}

PointerFrame InputLayer::BeginFrame(double now) {
    if (inertia_active_) {
        double dt = now - inertia_time_;
        if (dt > 0) {
            double tau = config_.fling_time_constant;
            double decay = std::exp(-dt / tau);
            pending_dx_ += (float)(velocity_x_ * tau * (1.0 - decay));
            pending_dy_ += (float)(velocity_y_ * tau * (1.0 - decay));
            velocity_x_ *= (float)decay;
            velocity_y_ *= (float)decay;
            inertia_time_ = now;
            if (std::sqrt(velocity_x_ * velocity_x_ + velocity_y_ * velocity_y_) < config_.stop_velocity)
                StopInertia();
        }
    }

    PointerFrame frame;
    frame.scroll_dx = pending_dx_;
    frame.scroll_dy = pending_dy_;
    frame.drag_started = pending_drag_start_;
    frame.anchor_x = down_x_;
    frame.anchor_y = down_y_;
    frame.activity = pending_activity_;
    pending_dx_ = pending_dy_ = 0;
    pending_drag_start_ = false;
    pending_activity_ = false;
    return frame;
}

bool InputLayer::NeedsFrame() const {
    return !imgui_events_.empty() || inertia_active_ || pending_dx_ != 0 || pending_dy_ != 0 ||
           pending_drag_start_ || pending_activity_;
}

}  // namespace kiosk
