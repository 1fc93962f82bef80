// kiosk/clock.h: the clock the UI sees (FrameContext.now_seconds / now_utc).
//
// Real mode: seconds since the program started (monotonic) and the system's UTC time.
// Virtual mode (--script): time stands still unless the script moves it: `advance` jumps,
// `wait` lets it follow real time for a while (Follow/Freeze), and animations advance it by a
// frame's worth. So `advance 61s` reaches the idle warning at once, and screenshots do not
// depend on how fast the machine is.
#pragma once

#include <chrono>
#include <ctime>

namespace kiosk {

class Clock {
public:
    explicit Clock(bool virtual_mode)
        : virtual_(virtual_mode), start_(std::chrono::steady_clock::now()),
          utc_base_((long long)std::time(nullptr)) {}

    bool is_virtual() const { return virtual_; }

    // Real seconds since the program started, whatever the mode (for pacing and stats).
    double RealNow() const {
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    }

    double Now() const {
        if (!virtual_) return RealNow();
        if (following_) return follow_virtual_ + (RealNow() - follow_real_);
        return virtual_now_;
    }

    long long NowUtc() const {
        if (!virtual_) return (long long)std::time(nullptr);
        return utc_base_ + (long long)Now();
    }

    void Advance(double seconds) {
        if (following_) Freeze();
        virtual_now_ += seconds;
    }
    // Virtual time runs with real time until Freeze().
    void Follow() {
        follow_virtual_ = Now();
        follow_real_ = RealNow();
        following_ = true;
    }
    void Freeze() {
        virtual_now_ = Now();
        following_ = false;
    }
    void FreezeAt(double virtual_seconds) {
        following_ = false;
        virtual_now_ = virtual_seconds;
    }
    // The virtual wall clock reads `utc` now.
    void SetUtc(long long utc) { utc_base_ = utc - (long long)Now(); }

private:
    bool virtual_;
    std::chrono::steady_clock::time_point start_;
    long long utc_base_;
    double virtual_now_ = 0;
    bool following_ = false;
    double follow_virtual_ = 0, follow_real_ = 0;
};

}  // namespace kiosk
