// sync/hub_rate_limit.h: how much one kiosk may ask of the hub (security issue, item 13).
//
// Design note
// - Two token buckets per kiosk: requests (refilled at requests_per_minute / 60 a second, as
//   many in reserve) and bookings (bookings_per_hour / 3600 a second, as many in reserve). A
//   kiosk that syncs every few minutes and takes a few bookings an hour never meets them; a
//   stolen token cannot flood the hub or take every seat of a course. A push with more bookings
//   than the whole reserve (a kiosk back from days offline) goes through when the reserve is
//   full and empties it, so no outbox can be stuck behind the limit.
// - Over a limit the hub answers 429 with Retry-After and changes nothing; the kiosk keeps its
//   outbox and tries again later (its usual backoff), so nothing is lost.
// - Buckets live in memory, shared by the hub's threads; a restart refills them, which is safe.
#pragma once

#include <chrono>
#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_map>

namespace ksync {

struct RateLimits {
    int requests_per_minute = 300;
    int bookings_per_hour = 60;
};

class HubRateLimiter {
public:
    using Clock = std::chrono::steady_clock;
    explicit HubRateLimiter(RateLimits limits) : limits_(limits) {}

    // 0 when the request may go on (one request taken), else the seconds to wait.
    int TakeRequest(const std::string& kiosk, Clock::time_point now = Clock::now());
    // 0 when `count` bookings may be applied (taken), else the seconds until they could be.
    int TakeBookings(const std::string& kiosk, int count, Clock::time_point now = Clock::now());

private:
    struct Bucket {
        double tokens = -1;  // < 0: not used yet (full)
        Clock::time_point at;
    };
    int Take(Bucket& bucket, double capacity, double per_second, int count, Clock::time_point now);

    RateLimits limits_;
    std::mutex mutex_;
    std::unordered_map<std::string, Bucket> requests_, bookings_;
};

}  // namespace ksync
