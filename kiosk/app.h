// kiosk/app.h: the kiosk program: window, GL, ImGui, input, clock, the visitor UI and the
// event-driven frame loop.
//
// Design note
// - Start-up order: display (SDL driver chosen on purpose, GL 3.0 context), ImGui (our own
//   platform glue + ImGui's OpenGL3 renderer), text engine, content database, speech,
//   ui::VisitorUi, the first frame; then StartDeferredWork(): ImGui's input font from fonts/
//   and espeak-ng, which the first screen does not need (the first frame comes sooner).
//   A database that cannot be opened does not stop the kiosk: it logs db_open_failed and
//   runs the UI on an empty in-memory database, so the visitor sees the UI's built-in
//   fallback (hotline and the centre's address) instead of a blank screen.
//   A display that cannot be opened is fatal (exit 1): nothing could be shown anyway.
// - The frame loop renders only when something changed:
//     wait  ── SDL_WaitEventTimeout(until VisitorUi::NextWakeup) ──▶ drain events
//     drain ── input/key/window/content event ──▶ frames_pending_ = kFramesAfterActivity
//     render while NeedsFrame(): frames_pending_, input ImGui has queued but not applied yet
//       (it applies one press or release per frame), the input layer's inertia, a content
//       change, or NextWakeup() <= 0; at most max_fps per second.
//   So an idle kiosk sleeps in the kernel and renders nothing. Drivers without a blocking
//   wait (kmsdrm, offscreen) are polled every few milliseconds instead of SDL's 1 ms.
// - SIGTERM and SIGINT become SDL_QUIT (SDL's handlers); the loop ends after the current frame
//   and everything is torn down in reverse order (exit 0), so systemd stops us at once.
// - Content landed (the sync thread): NotifyContentChanged() pushes an SDL user event, which
//   wakes the loop from any thread; the next frame has FrameContext.content_changed set.
// - Under --script (ScriptRunner) the clock is virtual and the runner drives the same pieces:
//   Inject() for synthetic input, Settle() to render until nothing more is needed,
//   WaitReal() for the normal sleeping loop with a deadline, Screenshot().
#pragma once

#include "kiosk/service_notify.h"

#include <memory>
#include <string>
#include <vector>

#include "base/result.h"
#include "content/db.h"
#include "kiosk/clock.h"
#include "kiosk/config.h"
#include "kiosk/display.h"
#include "kiosk/frame_stats.h"
#include "kiosk/imgui_platform.h"
#include "kiosk/input_layer.h"
#include "kiosk/speech.h"
#include "ui/visitor_ui.h"
#if KIOSK_HAVE_SYNC
#include "sync/client.h"
#endif

namespace fonts { class TextEngine; }

namespace kiosk {

// Thread-safe: tells the frame loop that new content is in the database.
void NotifyContentChanged();

struct AppOptions {
    KioskConfig config;
    bool script_mode = false;
    double start_time_real = 0;  // seconds from main() entry to App::Create, for first_frame_ms
    bool measure_gl = false;     // --stats: glFinish() after each swap so GL time is complete
    bool staff_laptop = false;   // --staff: the first screen is the staff PIN pad
    bool trial_boot = false;     // --trial-boot / KIOSK_TRIAL_BOOT=1: schema steps the old slot
                                 // could not read are held (db_migration_held), see content/schema.h
};

class App {
public:
    static constexpr int kFramesAfterActivity = 3;

    // Errors: display_open_failed, gl_context_failed, imgui_abi_mismatch, speech_log_unwritable,
    // db_migration_held.
    static base::Result<std::unique_ptr<App>> Create(const AppOptions& options);
    ~App();

    // The normal loop until SDL_QUIT. Returns the exit status.
    int Run();

    // --- used by the script runner ---
    Clock& clock() { return clock_; }
    ui::VisitorUi& visitor_ui() { return *ui_; }
    SpeechRecorder& speech() { return *speech_; }
    content::Db& db() { return db_; }
    bool db_degraded() const { return db_degraded_; }
    bool quit_requested() const { return quit_; }
    FrameStats& stats() { return stats_; }
    float view_width() const { return view_w_; }
    float view_height() const { return view_h_; }

    // Handles a synthetic event exactly like one from SDL.
    void Inject(const SDL_Event& event);
    // Renders one frame now (used between the moves of a scripted drag).
    void RenderOneFrame();
    // Renders while a frame is needed; animations advance the virtual clock by one frame each.
    // Returns the frames drawn.
    int Settle(int max_frames = 600);
    // The normal sleeping loop for `seconds` of real time (the virtual clock follows).
    void WaitReal(double seconds);
    // Renders a frame and writes it as PNG.
    base::Status Screenshot(const std::string& path);

private:
    App(const AppOptions& options);
    base::Status Init();

    void DrainEvents();
    void HandleEvent(const SDL_Event& event);
    bool NeedsFrame(double now);
    double SecondsUntilWakeup(double now);
    void WaitForEvents(double timeout_seconds);
    void PaceFrame();
    void RenderFrame(std::vector<uint8_t>* capture = nullptr, int* capture_w = nullptr,
                     int* capture_h = nullptr);
    void RunLoop(double real_deadline);
    // Work that the first frame does not need (espeak-ng, ImGui's input font), done right
    // after it is shown.
    void StartDeferredWork();

    AppOptions options_;
    Clock clock_;
    Display display_;
    bool imgui_ready_ = false;
    std::unique_ptr<fonts::TextEngine> text_;
    content::Db db_;
    bool db_degraded_ = false;
    std::unique_ptr<SpeechRecorder> speech_;
    bool espeak_pending_ = false;  // espeak-ng starts after the first frame
    bool input_font_pending_ = false;  // ImGui's full input font is built after the first frame
    std::unique_ptr<ui::VisitorUi> ui_;
#if KIOSK_HAVE_SYNC
    std::unique_ptr<ksync::SyncClient> sync_;  // started when hub_url is set
#endif
    InputLayer input_;
    ScrollDriver scroll_;
    FrameStats stats_;
    ServiceNotifier service_;  // systemd READY/WATCHDOG and the slot health markers

    float view_w_ = 1920, view_h_ = 1080;
    int frames_pending_ = kFramesAfterActivity;
    bool content_changed_ = false;
    bool quit_ = false;
    double last_frame_clock_ = -1;
    double last_frame_real_ = -1;
    std::vector<double> unshown_input_real_;  // real times of input not yet on screen
};

}  // namespace kiosk
