// kiosk/frame_stats.h: what the frame loop measured, written as JSON at exit (--stats PATH).
//
// Per frame: when (real seconds since start), the screen, the UI's own work (ImGui::NewFrame,
// VisitorUi::Frame, ImGui::Render: wall and thread CPU time) and the GL part (draw-data
// submission and buffer swap, which with llvmpipe is where rasterising happens). Input-to-frame
// latency runs from the moment an input event was handled to the end of the swap of the frame
// that first showed it. Per script step: how many frames it drew. Process figures: CPU time,
// peak RSS, and how much of the resident memory is GL driver libraries (Mesa, LLVM), so the
// program's own memory can be told apart.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/result.h"

namespace kiosk {

struct FrameRecord {
    double real_s = 0;
    double clock_s = 0;     // the UI's clock (virtual under --script)
    std::string screen;
    float ui_ms = 0;
    float ui_cpu_ms = 0;
    float gl_ms = 0;
};

struct StepRecord {
    int line = 0;
    std::string step;
    int frames = 0;
    double real_start_s = 0, real_end_s = 0;
    double cpu_s = 0;  // process CPU time (all threads) the step used
};

struct ProcessMemory {
    long peak_rss_kb = 0;        // VmHWM
    long rss_kb = 0;             // VmRSS now
    long rss_gl_driver_kb = 0;   // resident pages of GL driver libraries (dri, LLVM, gallium, GL)
};

ProcessMemory ReadProcessMemory();
// Seconds of user+system CPU this process used.
double ProcessCpuSeconds();

class FrameStats {
public:
    void AddFrame(const FrameRecord& frame);
    void AddInputLatency(double ms) { latencies_ms_.push_back(ms); }
    void AddStep(const StepRecord& step) { steps_.push_back(step); }
    void SetFirstFrameMs(double ms) { first_frame_ms_ = ms; }
    void SetInfo(const std::string& key, const std::string& value);

    uint64_t frames() const { return frame_count_; }
    const std::vector<FrameRecord>& frame_records() const { return records_; }

    // Percentile of a sample set (nearest rank); 0 for an empty set.
    static double Percentile(std::vector<double> values, double p);

    base::Status WriteJson(const std::string& path) const;

private:
    uint64_t frame_count_ = 0;
    std::vector<FrameRecord> records_;   // bounded: the first kMaxRecords frames
    std::vector<double> latencies_ms_;
    std::vector<StepRecord> steps_;
    double first_frame_ms_ = -1;
    std::vector<std::pair<std::string, std::string>> info_;
};

}  // namespace kiosk
