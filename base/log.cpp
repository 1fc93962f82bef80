#include "base/log.h"

#include <cstdio>
#include <mutex>

namespace base {
namespace {
std::mutex g_mutex;
LogSink g_sink;
LogLevel g_min_level = LogLevel::Info;

const char* LevelName(LogLevel level) {
    switch (level) {
        case LogLevel::Debug: return "DEBUG";
        case LogLevel::Info: return "INFO";
        case LogLevel::Warn: return "WARN";
        case LogLevel::Error: return "ERROR";
    }
    return "?";
}
}  // namespace

LogSink SetLogSink(LogSink sink) {
    std::lock_guard lock(g_mutex);
    LogSink previous = std::move(g_sink);
    g_sink = std::move(sink);
    return previous;
}

void SetLogLevel(LogLevel min_level) {
    std::lock_guard lock(g_mutex);
    g_min_level = min_level;
}

void Log(LogLevel level, std::string_view event, std::string_view detail) {
    std::lock_guard lock(g_mutex);
    if (g_sink) {
        g_sink(level, event, detail);
        return;
    }
    if (level < g_min_level) return;
    std::fprintf(stderr, "%s %.*s %.*s\n", LevelName(level), (int)event.size(), event.data(),
                 (int)detail.size(), detail.data());
}

}  // namespace base
