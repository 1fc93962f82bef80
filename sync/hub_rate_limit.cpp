#include "sync/hub_rate_limit.h"

#include <algorithm>
#include <cmath>

namespace ksync {

int HubRateLimiter::Take(Bucket& bucket, double capacity, double per_second, int count, Clock::time_point now) {
    if (capacity <= 0) return 0;  // a limit of 0 means none
    if (bucket.tokens < 0) {
        bucket.tokens = capacity;
    } else {
        double elapsed = std::chrono::duration<double>(now - bucket.at).count();
        bucket.tokens = std::min(capacity, bucket.tokens + std::max(0.0, elapsed) * per_second);
    }
    bucket.at = now;
    // A batch larger than the whole reserve (a kiosk back after a long time offline) goes through
    // once the reserve is full, and empties it; otherwise it could never be sent.
    double need = std::min<double>(count, capacity);
    if (bucket.tokens >= need) {
        bucket.tokens = std::max(0.0, bucket.tokens - count);
        return 0;
    }
    return std::max(1, (int)std::ceil((need - bucket.tokens) / per_second));
}

int HubRateLimiter::TakeRequest(const std::string& kiosk, Clock::time_point now) {
    std::lock_guard lock(mutex_);
    double capacity = limits_.requests_per_minute;
    return Take(requests_[kiosk], capacity, capacity / 60.0, 1, now);
}

int HubRateLimiter::TakeBookings(const std::string& kiosk, int count, Clock::time_point now) {
    if (count <= 0) return 0;
    std::lock_guard lock(mutex_);
    double capacity = limits_.bookings_per_hour;
    return Take(bookings_[kiosk], capacity, capacity / 3600.0, count, now);
}

}  // namespace ksync
