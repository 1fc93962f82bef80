#include "kiosk/frame_stats.h"

#include <sys/resource.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

namespace kiosk {
namespace {

constexpr size_t kMaxRecords = 200000;

long StatusField(const std::string& status, const char* name) {
    size_t at = status.find(name);
    if (at == std::string::npos) return 0;
    return std::strtol(status.c_str() + at + std::strlen(name), nullptr, 10);
}

bool IsGlDriverMapping(const std::string& path) {
    static const char* const patterns[] = {"/dri/", "libLLVM", "libgallium", "libGLX", "libGL.",
                                           "libEGL", "libglapi", "libGLdispatch", "libdrm",
                                           "libvulkan", "libOpenGL", "libgbm"};
    for (const char* p : patterns)
        if (path.find(p) != std::string::npos) return true;
    return false;
}

}  // namespace

ProcessMemory ReadProcessMemory() {
    ProcessMemory m;
    std::ifstream status_file("/proc/self/status");
    std::stringstream status;
    status << status_file.rdbuf();
    m.peak_rss_kb = StatusField(status.str(), "VmHWM:");
    m.rss_kb = StatusField(status.str(), "VmRSS:");
    // smaps: a mapping header line names the file; its "Rss:" line follows.
    std::ifstream smaps("/proc/self/smaps");
    std::string line;
    bool in_driver = false;
    while (std::getline(smaps, line)) {
        if (!line.empty() && std::isxdigit((unsigned char)line[0]) && line.find('-') < 17) {
            in_driver = IsGlDriverMapping(line);
        } else if (in_driver && line.rfind("Rss:", 0) == 0) {
            m.rss_gl_driver_kb += std::strtol(line.c_str() + 4, nullptr, 10);
        }
    }
    return m;
}

double ProcessCpuSeconds() {
    struct rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec +
           (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

void FrameStats::AddFrame(const FrameRecord& frame) {
    ++frame_count_;
    if (records_.size() < kMaxRecords) records_.push_back(frame);
}

void FrameStats::SetInfo(const std::string& key, const std::string& value) {
    for (auto& kv : info_) {
        if (kv.first == key) {
            kv.second = value;
            return;
        }
    }
    info_.emplace_back(key, value);
}

double FrameStats::Percentile(std::vector<double> values, double p) {
    if (values.empty()) return 0;
    std::sort(values.begin(), values.end());
    size_t rank = (size_t)std::ceil(p / 100.0 * values.size());
    rank = std::clamp<size_t>(rank, 1, values.size());
    return values[rank - 1];
}

base::Status FrameStats::WriteJson(const std::string& path) const {
    using nlohmann::json;
    auto summary = [](const std::vector<double>& v) {
        json s;
        s["count"] = v.size();
        s["p50"] = Percentile(v, 50);
        s["p99"] = Percentile(v, 99);
        s["max"] = v.empty() ? 0.0 : *std::max_element(v.begin(), v.end());
        return s;
    };
    json out;
    for (const auto& [k, v] : info_) out["info"][k] = v;
    out["frames_rendered"] = frame_count_;
    out["first_frame_ms"] = first_frame_ms_;
    out["cpu_seconds"] = ProcessCpuSeconds();
    ProcessMemory mem = ReadProcessMemory();
    out["peak_rss_kb"] = mem.peak_rss_kb;
    out["rss_kb"] = mem.rss_kb;
    out["rss_gl_driver_kb"] = mem.rss_gl_driver_kb;
    out["rss_without_gl_driver_kb"] = mem.rss_kb - mem.rss_gl_driver_kb;

    std::vector<double> ui, ui_cpu, gl;
    std::map<std::string, std::vector<double>> ui_by_screen, gl_by_screen;
    json frames = json::array();
    for (const FrameRecord& f : records_) {
        ui.push_back(f.ui_ms);
        ui_cpu.push_back(f.ui_cpu_ms);
        gl.push_back(f.gl_ms);
        ui_by_screen[f.screen].push_back(f.ui_ms);
        gl_by_screen[f.screen].push_back(f.gl_ms);
        frames.push_back({{"real_s", f.real_s}, {"clock_s", f.clock_s}, {"screen", f.screen},
                          {"ui_ms", f.ui_ms}, {"ui_cpu_ms", f.ui_cpu_ms}, {"gl_ms", f.gl_ms}});
    }
    out["ui_ms"] = summary(ui);
    out["ui_cpu_ms"] = summary(ui_cpu);
    out["gl_ms"] = summary(gl);
    out["input_latency_ms"] = summary(latencies_ms_);
    for (const auto& [screen, values] : ui_by_screen) {
        out["screens"][screen]["ui_ms"] = summary(values);
        out["screens"][screen]["gl_ms"] = summary(gl_by_screen[screen]);
    }
    json steps = json::array();
    for (const StepRecord& s : steps_)
        steps.push_back({{"line", s.line}, {"step", s.step}, {"frames", s.frames},
                         {"real_start_s", s.real_start_s}, {"real_end_s", s.real_end_s},
                         {"cpu_s", s.cpu_s}});
    out["steps"] = steps;
    out["frames"] = frames;

    std::ofstream file(path, std::ios::trunc);
    if (!file) return base::MakeError("stats_unwritable", path + ": " + std::strerror(errno));
    file << out.dump(1) << "\n";
    if (!file) return base::MakeError("stats_unwritable", path + ": write failed");
    return base::Ok();
}

}  // namespace kiosk
