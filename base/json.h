// base/json.h: the one way this project parses JSON that came from outside the process (a
// network body, a bundle, a file, a row another program wrote). nlohmann's parser itself is
// iterative, but copying, comparing and dumping a value recurse once per level, so a body of
// 60 000 nested brackets parses fine and then overflows the stack. Every decoder therefore
// parses through here, which refuses anything nested deeper than kMaxJsonDepth before a value
// is built. Nothing the kiosk and the hub exchange is deeper than about 8 levels.
#pragma once

#include <nlohmann/json.hpp>
#include <string_view>

#include "base/result.h"

namespace base {

inline constexpr int kMaxJsonDepth = 64;

// The value, or an Error: json_too_deep (nested deeper than max_depth) or json_invalid (not
// JSON; the message names the byte offset).
Result<nlohmann::json> ParseJson(std::string_view text, int max_depth = kMaxJsonDepth);

// As ParseJson, for call sites that only need to know whether it worked: a discarded value
// (`is_discarded()`) on any error, as nlohmann::json::parse(text, nullptr, false) gives.
nlohmann::json ParseJsonOrDiscarded(std::string_view text, int max_depth = kMaxJsonDepth);

}  // namespace base
