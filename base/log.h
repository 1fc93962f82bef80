// base/log.h: one-line structured logging to stderr (journald picks it up).
//
// Every line is "LEVEL event_id key=value ...". Event ids are stable snake_case names
// so tests and operators can grep for them (sokol's lesson: enumerable log items).
// A test can install a sink to capture lines instead of printing them.
#pragma once

#include <functional>
#include <string>
#include <string_view>

namespace base {

enum class LogLevel { Debug, Info, Warn, Error };

using LogSink = std::function<void(LogLevel, std::string_view event, std::string_view detail)>;

// Replaces the sink (nullptr restores stderr). Returns the previous sink.
LogSink SetLogSink(LogSink sink);
void SetLogLevel(LogLevel min_level);
void Log(LogLevel level, std::string_view event, std::string_view detail = {});

inline void LogInfo(std::string_view event, std::string_view detail = {}) { Log(LogLevel::Info, event, detail); }
inline void LogWarn(std::string_view event, std::string_view detail = {}) { Log(LogLevel::Warn, event, detail); }
inline void LogError(std::string_view event, std::string_view detail = {}) { Log(LogLevel::Error, event, detail); }
inline void LogDebug(std::string_view event, std::string_view detail = {}) { Log(LogLevel::Debug, event, detail); }

}  // namespace base
