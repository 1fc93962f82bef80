// bench/kiosk/bench_kiosk.cpp: figures of the kiosk program, measured by running it.
//
//   bench_kiosk [--binary PATH] [--db PATH] [--scripts DIR] [--idle-seconds N]
//
// Runs the program (the real `kiosk` when it was built, else kiosk-testui) on SDL's offscreen
// driver with llvmpipe at 1920x1080, with scripts and --stats, and prints:
//   - process start to first frame (fork/exec until the "first_frame" log line), 5 runs;
//   - 30 s idle on the attract screen: frames rendered and CPU use;
//   - frame time p50/p99 while scrolling on the home, list and detail screens, the UI's own
//     CPU work (ImGui, layout, queries: NewFrame..Render on the UI thread) apart from GL;
//   - input-to-frame latency (input handled -> buffer swap of the frame that shows it);
//   - peak RSS, and the resident memory that is not the GL driver's libraries.
// Scripts: <scripts>/<ui>/{start,home,list,detail}.txt, <ui> = "real" or "testui"; a script
// line "@DRAGS" expands to the scrolling gestures. Targets print as "TARGET ...: ok|MISSED".
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

struct Options {
    std::string binary;
    std::string ui;  // "real" or "testui"
    std::string db;
    std::string scripts = KIOSK_BENCH_SCRIPTS;
    int idle_seconds = 30;
};

struct Run {
    int status = -1;
    double first_frame_external_ms = -1;
    double cpu_ms = -1;  // user + system CPU of the whole run, all threads (wait4)
    nlohmann::json stats;
    std::string err;
};

std::string ReadAll(const std::string& path) {
    std::ifstream file(path);
    std::stringstream s;
    s << file.rdbuf();
    return s.str();
}

std::string g_dir;

// Runs the kiosk with a script; stderr is read through a pipe so the first frame is timed
// from just before fork() to the moment the program logs it.
Run RunKiosk(const Options& o, const std::string& script_text, const std::vector<std::string>& extra = {}) {
    std::string script = g_dir + "/script.txt";
    std::ofstream(script) << script_text;
    std::string stats = g_dir + "/stats.json";
    std::remove(stats.c_str());
    std::vector<std::string> args = {o.binary, "--db", o.db, "--script", script, "--stats", stats,
                                     "--speech=off", "--screenshot-dir", g_dir,
                                     "--set", "window_size=1920x1080"};
    args.insert(args.end(), extra.begin(), extra.end());
    int pipe_fds[2];
    if (pipe(pipe_fds) != 0) return {};
    Run run;
    auto start = Clock::now();
    pid_t pid = fork();
    if (pid == 0) {
        dup2(pipe_fds[1], 2);
        close(pipe_fds[0]);
        close(pipe_fds[1]);
        unsetenv("DISPLAY");
        unsetenv("WAYLAND_DISPLAY");
        setenv("SDL_VIDEODRIVER", "offscreen", 1);
        std::vector<char*> argv;
        for (auto& a : args) argv.push_back(a.data());
        argv.push_back(nullptr);
        execv(o.binary.c_str(), argv.data());
        _exit(127);
    }
    close(pipe_fds[1]);
    std::string line;
    char buf[4096];
    ssize_t n;
    while ((n = read(pipe_fds[0], buf, sizeof buf)) > 0) {
        run.err.append(buf, n);
        if (run.first_frame_external_ms < 0 && run.err.find("first_frame") != std::string::npos)
            run.first_frame_external_ms =
                std::chrono::duration<double, std::milli>(Clock::now() - start).count();
    }
    close(pipe_fds[0]);
    int raw = 0;
    struct rusage usage {};
    wait4(pid, &raw, 0, &usage);
    run.cpu_ms = (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1e3 +
                 (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e3;
    run.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    std::string text = ReadAll(stats);
    if (!text.empty()) run.stats = nlohmann::json::parse(text, nullptr, false);
    if (run.status != 0) std::fprintf(stderr, "bench_kiosk: the kiosk exited %d:\n%s\n", run.status, run.err.c_str());
    return run;
}

std::string Script(const Options& o, const std::string& name) {
    std::string text = ReadAll(o.scripts + "/" + o.ui + "/" + name + ".txt");
    // @DRAGS: ten scrolling flicks, down and up, each followed by its inertia.
    std::string drags;
    for (int i = 0; i < 10; ++i)
        drags += i % 2 == 0 ? "drag 960 850 960 350 250ms\n" : "drag 960 350 960 850 250ms\n";
    size_t at = text.find("@DRAGS\n");
    if (at != std::string::npos) text.replace(at, 7, drags);
    return text;
}

void Target(const char* what, bool ok) { std::printf("TARGET %s: %s\n", what, ok ? "ok" : "MISSED"); }

}  // namespace

int main(int argc, char** argv) {
    Options o;
    o.binary = KIOSK_REAL_BINARY;
    o.ui = "real";
    struct stat st {};
    if (o.binary.empty() || stat(o.binary.c_str(), &st) != 0) {
        o.binary = KIOSK_TESTUI_BINARY;
        o.ui = "testui";
    }
    for (int i = 1; i + 1 < argc; i += 2) {
        std::string flag = argv[i];
        if (flag == "--binary") o.binary = argv[i + 1];
        else if (flag == "--db") o.db = argv[i + 1];
        else if (flag == "--scripts") o.scripts = argv[i + 1];
        else if (flag == "--idle-seconds") o.idle_seconds = std::atoi(argv[i + 1]);
        else if (flag == "--ui") o.ui = argv[i + 1];
    }
    char templ[] = "/tmp/bench_kiosk_XXXXXX";
    g_dir = mkdtemp(templ);
    if (o.db.empty()) {
        o.db = g_dir + "/content.db";
        // The demo content, when kioskctl was built, so the screens have something to show.
        std::string kioskctl = KIOSK_KIOSKCTL_BINARY;
        if (!kioskctl.empty() && stat(kioskctl.c_str(), &st) == 0) {
            std::string cmd = "'" + kioskctl + "' --db '" + o.db + "' demo >/dev/null 2>&1";
            if (std::system(cmd.c_str()) != 0) std::fprintf(stderr, "bench_kiosk: kioskctl demo failed\n");
        }
    }
    std::printf("binary: %s (ui: %s)\ndatabase: %s\n", o.binary.c_str(), o.ui.c_str(), o.db.c_str());

    // 1. Start to first frame.
    std::vector<double> external, internal, cpu;
    nlohmann::json start_stats;
    for (int i = 0; i < 5; ++i) {
        Run run = RunKiosk(o, Script(o, "start"));
        if (run.status != 0) return 1;
        external.push_back(run.first_frame_external_ms);
        internal.push_back(run.stats["first_frame_ms"].get<double>());
        cpu.push_back(run.cpu_ms);
        start_stats = run.stats;
    }
    std::sort(external.begin(), external.end());
    std::sort(internal.begin(), internal.end());
    std::sort(cpu.begin(), cpu.end());
    std::printf("\nstart to first frame (5 runs, 1920x1080, %s):\n",
                start_stats["info"]["gl_renderer"].get<std::string>().c_str());
    std::printf("  process start (fork) -> first frame: median %.0f ms, max %.0f ms\n", external[2], external[4]);
    std::printf("  main() -> first frame:               median %.0f ms\n", internal[2]);
    // Wall-clock start-up depends on what else the machine runs; the CPU a run needs does not.
    std::printf("  CPU of a whole start run (first frame, then exit; all threads): median %.0f ms\n", cpu[2]);
    if (start_stats["info"].contains("first_frame_cpu_ms"))
        std::printf("  CPU used until the first frame (all threads, last run): %s ms\n",
                    start_stats["info"]["first_frame_cpu_ms"].get<std::string>().c_str());
    double load[3] = {0, 0, 0};
    if (getloadavg(load, 3) == 3) std::printf("  load average now: %.2f %.2f %.2f\n", load[0], load[1], load[2]);
    for (const auto& [key, value] : start_stats["info"].items())
        if (key.rfind("startup_", 0) == 0) std::printf("  %s: %s\n", key.c_str(), value.get<std::string>().c_str());
    if (start_stats["frames"].is_array() && !start_stats["frames"].empty()) {
        const auto& f0 = start_stats["frames"][0];
        std::printf("  the first frame itself: ui %.1f ms (UI thread CPU %.1f ms), gl %.1f ms\n",
                    f0["ui_ms"].get<double>(), f0["ui_cpu_ms"].get<double>(), f0["gl_ms"].get<double>());
    }
    Target("first frame under 400 ms (median, fork to first frame)", external[2] < 400);

    // 2. Idle.
    std::string idle_script = Script(o, "start") + "wait " + std::to_string(o.idle_seconds) + "s\n";
    Run idle = RunKiosk(o, idle_script);
    if (idle.status != 0) return 1;
    const nlohmann::json& wait_step = idle.stats["steps"].back();
    int idle_frames = wait_step["frames"].get<int>();
    double idle_cpu = wait_step["cpu_s"].get<double>();
    double idle_real = wait_step["real_end_s"].get<double>() - wait_step["real_start_s"].get<double>();
    double idle_percent = 100.0 * idle_cpu / idle_real;
    std::printf("\nidle on the first screen for %.1f s: %d frames rendered, CPU %.3f s (%.3f %%)\n",
                idle_real, idle_frames, idle_cpu, idle_percent);
    Target("idle: 0 frames", idle_frames == 0);
    Target("idle: CPU under 0.5 %", idle_percent < 0.5);

    // 3. Frame times while scrolling on three screens.
    std::printf("\nscrolling (10 flicks with inertia), per frame, ms:\n");
    std::printf("  %-8s %7s | %8s %8s | %9s %9s | %7s %7s\n", "screen", "frames", "ui p50", "ui p99",
                "ui-cpu p50", "ui-cpu p99", "gl p50", "gl p99");
    double list_ui_cpu_p99 = -1;
    long peak_rss = 0, rss_no_gl = 0, rss_gl = 0;
    std::vector<double> latency_p50, latency_p99;
    for (const char* screen : {"home", "list", "detail"}) {
        Run run = RunKiosk(o, Script(o, screen));
        if (run.status != 0) return 1;
        // Frames drawn on the screen the script scrolled (the last screen it reached).
        std::vector<double> ui, cpu, gl;
        std::string reached;
        for (const auto& f : run.stats["frames"]) reached = f["screen"].get<std::string>();
        for (const auto& f : run.stats["frames"]) {
            if (f["screen"] != reached) continue;
            ui.push_back(f["ui_ms"].get<double>());
            cpu.push_back(f["ui_cpu_ms"].get<double>());
            gl.push_back(f["gl_ms"].get<double>());
        }
        auto pct = [](std::vector<double> v, double p) {
            if (v.empty()) return 0.0;
            std::sort(v.begin(), v.end());
            size_t rank = (size_t)std::ceil(p / 100.0 * v.size());
            return v[std::min(v.size(), std::max<size_t>(rank, 1)) - 1];
        };
        std::printf("  %-8s %7zu | %8.2f %8.2f | %9.2f %9.2f | %7.1f %7.1f   (screen '%s')\n", screen,
                    ui.size(), pct(ui, 50), pct(ui, 99), pct(cpu, 50), pct(cpu, 99), pct(gl, 50),
                    pct(gl, 99), reached.c_str());
        if (std::string(screen) == "list") list_ui_cpu_p99 = pct(cpu, 99);
        peak_rss = std::max(peak_rss, run.stats["peak_rss_kb"].get<long>());
        rss_no_gl = std::max(rss_no_gl, run.stats["rss_without_gl_driver_kb"].get<long>());
        rss_gl = std::max(rss_gl, run.stats["rss_gl_driver_kb"].get<long>());
        latency_p50.push_back(run.stats["input_latency_ms"]["p50"].get<double>());
        latency_p99.push_back(run.stats["input_latency_ms"]["p99"].get<double>());
    }
    Target("UI's own work per frame p99 under 4 ms while scrolling the list", list_ui_cpu_p99 >= 0 && list_ui_cpu_p99 < 4.0);
    std::printf("\ninput to frame (input handled -> swap done), ms: p50 %.1f, p99 %.1f (worst screen)\n",
                *std::max_element(latency_p50.begin(), latency_p50.end()),
                *std::max_element(latency_p99.begin(), latency_p99.end()));
    std::printf("memory: peak RSS %ld KiB; at exit %ld KiB are GL driver libraries, %ld KiB the rest\n",
                peak_rss, rss_gl, rss_no_gl);
    std::system(("rm -rf '" + g_dir + "'").c_str());
    return 0;
}
