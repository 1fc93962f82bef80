#include "kiosk/app.h"

#include <SDL_opengl.h>
#include <imgui.h>
#include <backends/imgui_impl_opengl3.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <ctime>
#include <limits>

#include "base/log.h"
#include "fonts/text.h"
#include "kiosk/png_writer.h"
#include "kiosk/staff_hooks.h"

#include <fstream>

namespace kiosk {
namespace {

std::atomic<Uint32> g_content_event{(Uint32)-1};

double ThreadCpuMs() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

constexpr double kInf = std::numeric_limits<double>::infinity();

fonts::TextEngineConfig TextConfigFor(const KioskConfig& config) {
    fonts::TextEngineConfig text_config;
    if (!config.fonts.empty()) {
        text_config.fonts.families.clear();
        for (const FontFamily& f : config.fonts)
            text_config.fonts.families.push_back({f.regular_path, f.bold_path, f.debian_package});
    }
    return text_config;
}

}  // namespace

void NotifyContentChanged() {
    Uint32 type = g_content_event.load();
    if (type == (Uint32)-1) return;
    SDL_Event event;
    SDL_zero(event);
    event.type = type;
    SDL_PushEvent(&event);
}

App::App(const AppOptions& options)
    : options_(options),
      clock_(options.script_mode),
      input_(InputConfig{.drag_threshold_px = options.config.drag_threshold_px}) {}

base::Result<std::unique_ptr<App>> App::Create(const AppOptions& options) {
    std::unique_ptr<App> app(new App(options));
    base::Status status = app->Init();
    if (!status.ok()) return status.error();
    return app;
}

base::Status App::Init() {
    const KioskConfig& config = options_.config;
    SDL_SetHint(SDL_HINT_MOUSE_AUTO_CAPTURE, "0");  // no mouse capture: the kiosk has no desktop
    SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "1");  // synthesised mouse events are dropped anyway
    if (SDL_Init(SDL_INIT_EVENTS) != 0)
        return base::MakeError("display_open_failed", std::string("SDL_Init: ") + SDL_GetError());
    g_content_event = SDL_RegisterEvents(1);

    // Display and GL.
    const char* env_driver = SDL_getenv("SDL_VIDEODRIVER");
    DriverChoice choice = ChooseVideoDrivers(config.video_driver, options_.script_mode, env_driver,
                                             SDL_getenv("WAYLAND_DISPLAY") != nullptr,
                                             SDL_getenv("DISPLAY") != nullptr);
    DisplayOptions display_options;
    display_options.fullscreen = config.fullscreen && !options_.script_mode;
    display_options.width = config.window_width;
    display_options.height = config.window_height;
    display_options.display_index = config.display_index;
    display_options.vsync = config.vsync && !options_.script_mode;
    display_options.hide_cursor = config.hide_cursor && display_options.fullscreen;
    double phase_start = clock_.RealNow();
    auto phase = [&](const char* name) {
        double now = clock_.RealNow();
        char ms[32];
        std::snprintf(ms, sizeof ms, "%.1f", (now - phase_start) * 1000.0);
        stats_.SetInfo(std::string("startup_") + name + "_ms", ms);
        phase_start = now;
    };
    auto display = OpenDisplay(choice, display_options);
    if (!display.ok()) return display.error();
    display_ = *display;
    int ww = 0, wh = 0;
    SDL_GetWindowSize(display_.window, &ww, &wh);
    view_w_ = (float)ww;
    view_h_ = (float)wh;
    input_.SetViewSize(view_w_, view_h_);

    // ImGui: our platform glue, ImGui's OpenGL3 renderer. Headers that disagree with the compiled
    // library about ImGuiIO's layout (an IMGUI_DISABLE_OBSOLETE_* define that Debian's library
    // was not built with) would corrupt memory. The check asserts inside the library, which
    // only stops us if the library was built with assertions (Debian's is); its answer is
    // checked here too, so the kiosk refuses to start either way, naming the cause.
    if (!IMGUI_CHECKVERSION())
        return base::MakeError("imgui_abi_mismatch",
                               std::string("ImGui headers ") + IMGUI_VERSION + " do not match the library " +
                                   ImGui::GetVersion() + " (version or ImGuiIO layout)");
    ImGui::CreateContext();
    ConfigureImGuiIo(ImGui::GetIO());
    ImGui::StyleColorsDark();
    if (!ImGui_ImplOpenGL3_Init("#version 130"))
        return base::MakeError("gl_context_failed", "ImGui's OpenGL3 renderer did not start");
    imgui_ready_ = true;
    phase("display_gl_imgui");

    // Text: the engine the screens draw with, and the font ImGui's input widgets use.
    text_ = std::make_unique<fonts::TextEngine>(TextConfigFor(config));
    for (const base::Error& e : text_->font_errors()) base::LogWarn("font_error", e.ToString());
    fonts::SetCurrentEngine(text_.get());
    // ImGui's own font serves only ImGui's input widgets; the screens draw with the text engine.
    // Its full atlas (Latin, Latin Extended-A, Cyrillic: ~770 glyphs, 100-300 ms with FreeType)
    // is built right after the first frame (StartDeferredWork); until then ImGui has its small
    // built-in font, which the first screen never shows.
    ImGui::GetIO().Fonts->AddFontDefault();
    input_font_pending_ = true;
    phase("fonts");

    // Content: a database that cannot be opened degrades to the UI's built-in fallback, except
    // a migration held on a trial boot: that firmware must not get good (the old slot needs the
    // file as it is), so it does not start, and the boot falls back (content/schema.h).
    content::OpenOptions db_options;
    if (options_.trial_boot) db_options.schema.policy = content::MigrationPolicy::HoldIncompatible;
    auto db = content::Db::Open(config.database_path, db_options);
    if (!db.ok() && db.error().code == "db_migration_held") return db.error();
    if (db.ok()) {
        db_ = std::move(db).value();
        base::LogInfo("db_open", "path=" + config.database_path);
    } else {
        base::LogError("db_open_failed", "path=" + config.database_path + " error=\"" +
                                             db.error().ToString() +
                                             "\" fallback=\"empty in-memory database; the UI shows its built-in contact details\"");
        auto empty = content::Db::Open(":memory:");
        if (!empty.ok()) return base::MakeError("db_open_failed", empty.error().ToString());
        db_ = std::move(empty).value();
        db_degraded_ = true;
    }
    phase("database");

    // Speech. espeak-ng (voice data, audio device: ~50 ms) starts after the first frame is on
    // screen (StartDeferredWork); nobody can ask for read-aloud before that.
    std::unique_ptr<ui::SpeechOutput> speech_backend;
    if (config.speech == SpeechMode::Espeak) {
        espeak_pending_ = true;
    } else if (config.speech == SpeechMode::Log) {
        auto log = LogSpeech::Create(config.speech_log);
        if (!log.ok()) return log.error();
        speech_backend = std::move(log).value();
    }
    speech_ = std::make_unique<SpeechRecorder>(std::move(speech_backend));
    speech_->SetVolume(config.speech_volume);

    // Sync with kiosk-hub runs on its own thread with its own database connection and calls
    // NotifyContentChanged() when a pull landed (an SDL event: it wakes the frame loop).
    if (!config.hub_url.empty()) {
#if KIOSK_HAVE_SYNC
        if (db_degraded_) {
            base::LogError("sync_disabled", "the database could not be opened; sync would have nowhere to write");
        } else {
            std::ifstream token_file(config.hub_token_file);
            std::string token;
            std::getline(token_file, token);
            if (token.empty())
                base::LogWarn("sync_token_missing", "file=" + config.hub_token_file);
            ksync::ClientConfig sync_config;
            sync_config.db_path = config.database_path;
            sync_config.hub_url = config.hub_url;
            sync_config.token = token;
            sync_config.interval_s = (int)config.sync_interval_seconds;
            // The hub's fleet table shows which firmware each kiosk runs (after an update, too).
            sync_config.firmware_version = FirmwareVersion();
            sync_ = std::make_unique<ksync::SyncClient>(sync_config);
            sync_->SetContentChangedCallback([](int64_t) { NotifyContentChanged(); });
            base::Status started = sync_->Start();
            if (!started.ok()) {
                base::LogError("sync_start_failed", started.error().ToString());
                sync_.reset();
            } else {
                base::LogInfo("sync_started", "hub_url=" + config.hub_url);
            }
        }
#else
        base::LogWarn("sync_not_built", "hub_url=" + config.hub_url + " note=\"this build has no sync client\"");
#endif
    }

    // The visitor UI.
    ui::UiConfig ui_config;
    ui_config.languages = config.languages;
    ui_config.attract_language = config.attract_language;
    ui_config.idle_timeout_seconds = config.idle_timeout_seconds;
    ui_config.warning_seconds = config.warning_seconds;
    ui_config.screen_diagonal_inches = config.screen_diagonal_inches;
    int dw = 0, dh = 0;
    SDL_GL_GetDrawableSize(display_.window, &dw, &dh);
    ui_config.screen_width_px = dw;
    ui_config.screen_height_px = dh;
    ui_config.larger_text = config.larger_text;
    ui_config.high_contrast = config.high_contrast;
    ui_config.speech_volume = config.speech_volume;
    ui_config.staff_mode_available = config.staff_mode_available;
    ui_config.staff_start_on_pin_pad = options_.staff_laptop;
#if KIOSK_HAVE_SYNC
    ui_config.staff = MakeStaffHooks(config, options_.staff_laptop, sync_.get());
#else
    ui_config.staff = MakeStaffHooks(config, options_.staff_laptop, nullptr);
#endif
    ui_ = std::make_unique<ui::VisitorUi>(db_, *text_, *speech_, ui_config);
    phase("speech_ui");

    stats_.SetInfo("video_driver", display_.driver);
    stats_.SetInfo("gl_renderer", display_.gl_renderer);
    stats_.SetInfo("size", std::to_string(dw) + "x" + std::to_string(dh));
    stats_.SetInfo("db_degraded", db_degraded_ ? "true" : "false");
    return base::Ok();
}

App::~App() {
#if KIOSK_HAVE_SYNC
    if (sync_) sync_->Stop();
    sync_.reset();
#endif
    ui_.reset();
    speech_.reset();
    if (imgui_ready_) ImGui_ImplOpenGL3_Shutdown();
    text_.reset();  // its atlas texture belongs to the GL context
    if (ImGui::GetCurrentContext() != nullptr) ImGui::DestroyContext();
    display_.Close();
    SDL_Quit();
}

void App::HandleEvent(const SDL_Event& event) {
    if (event.type == SDL_QUIT) {
        quit_ = true;
        base::LogInfo("quit_requested");
        return;
    }
    if (event.type == g_content_event.load()) {
        content_changed_ = true;
        return;
    }
    if (event.type == SDL_WINDOWEVENT) {
        switch (event.window.event) {
            case SDL_WINDOWEVENT_SIZE_CHANGED:
            case SDL_WINDOWEVENT_RESIZED: {
                int w = 0, h = 0;
                SDL_GetWindowSize(display_.window, &w, &h);
                view_w_ = (float)w;
                view_h_ = (float)h;
                input_.SetViewSize(view_w_, view_h_);
                frames_pending_ = std::max(frames_pending_, 2);
                break;
            }
            case SDL_WINDOWEVENT_EXPOSED:
            case SDL_WINDOWEVENT_SHOWN:
            case SDL_WINDOWEVENT_RESTORED:
                frames_pending_ = std::max(frames_pending_, 2);
                break;
            case SDL_WINDOWEVENT_FOCUS_GAINED:
            case SDL_WINDOWEVENT_FOCUS_LOST:
                ImGui::GetIO().AddFocusEvent(event.window.event == SDL_WINDOWEVENT_FOCUS_GAINED);
                frames_pending_ = std::max(frames_pending_, 1);
                break;
            default:
                break;
        }
        return;
    }
    double now = clock_.Now();
    ImGuiIO& io = ImGui::GetIO();
    bool input = input_.HandleEvent(event, now) || ForwardKeyboardEvent(io, event);
    ForwardPointerEvents(io, input_.TakeImGuiEvents());
    if (input) {
        frames_pending_ = kFramesAfterActivity;
        ui_->NoteActivity(now);
        if (unshown_input_real_.size() < 1024) unshown_input_real_.push_back(clock_.RealNow());
    }
}

void App::Inject(const SDL_Event& event) { HandleEvent(event); }

void App::DrainEvents() {
    SDL_Event event;
    while (SDL_PollEvent(&event)) HandleEvent(event);
}

bool App::NeedsFrame(double now) {
    return frames_pending_ > 0 || input_.NeedsFrame() || ImGuiInputPending() || content_changed_ ||
           ui_->NextWakeup(now) <= 0.0;
}

double App::SecondsUntilWakeup(double now) {
    double wakeup = ui_->NextWakeup(now);
    if (std::isnan(wakeup)) return kInf;
    return std::max(0.0, wakeup);
}

void App::WaitForEvents(double timeout) {
    if (timeout <= 0) return;
    if (display_.native_wait) {
        int ms = std::isinf(timeout) ? -1 : (int)std::ceil(std::min(timeout, 3600.0) * 1000.0);
        SDL_Event event;
        if (SDL_WaitEventTimeout(&event, ms)) HandleEvent(event);
        return;
    }
    // SDL would poll these drivers every millisecond; a touch panel on kmsdrm is polled every
    // 8 ms (half a frame of latency), offscreen and dummy have no input but SIGTERM.
    double interval = display_.driver == "kmsdrm" ? 0.008 : 0.05;
    double end = clock_.RealNow() + timeout;
    for (;;) {
        SDL_PumpEvents();
        if (SDL_HasEvents(SDL_FIRSTEVENT, SDL_LASTEVENT)) return;
        double remaining = end - clock_.RealNow();
        if (remaining <= 0) return;
        SDL_Delay((Uint32)std::ceil(std::min(remaining, interval) * 1000.0));
    }
}

void App::PaceFrame() {
    if (last_frame_real_ < 0) return;
    double min_interval = 1.0 / std::max(1, options_.config.max_fps);
    double wait = last_frame_real_ + min_interval - clock_.RealNow();
    if (wait > 0.0005) SDL_Delay((Uint32)(wait * 1000.0));
}

void App::RenderFrame(std::vector<uint8_t>* capture, int* capture_w, int* capture_h) {
    double now = clock_.Now();
    double real_start = clock_.RealNow();
    ImGuiIO& io = ImGui::GetIO();
    int ww = 0, wh = 0, dw = 0, dh = 0;
    SDL_GetWindowSize(display_.window, &ww, &wh);
    SDL_GL_GetDrawableSize(display_.window, &dw, &dh);
    io.DisplaySize = ImVec2((float)ww, (float)wh);
    if (ww > 0 && wh > 0) io.DisplayFramebufferScale = ImVec2((float)dw / ww, (float)dh / wh);
    double dt = last_frame_clock_ < 0 ? 1.0 / 60.0 : now - last_frame_clock_;
    io.DeltaTime = (float)std::max(dt, 1e-3);  // ImGui needs time to move; a frozen clock gives 0
    last_frame_clock_ = now;

    PointerFrame pointer = input_.BeginFrame(now);

    double cpu_start = ThreadCpuMs();
    ImGui_ImplOpenGL3_NewFrame();
    ImGui::NewFrame();
    scroll_.Apply(pointer, input_);
    ui::FrameContext frame;
    frame.now_seconds = now;
    frame.now_utc = clock_.NowUtc();
    frame.width = (float)ww;
    frame.height = (float)wh;
    frame.content_changed = content_changed_;
    content_changed_ = false;
#if KIOSK_HAVE_SYNC
    if (sync_) {
        ksync::ClientState state = sync_->State();
        frame.sync.online = state.last_result == "ok" || state.last_result == "unchanged";
        frame.sync.last_success_utc = state.last_success_at;
        frame.sync.last_error = state.last_error;
        if (state.last_success_at > 0) service_.FirstSyncDone();
    }
#endif
    ui_->Frame(frame);
    ImGui::Render();
    double cpu_end = ThreadCpuMs();
    double real_ui_end = clock_.RealNow();

    glViewport(0, 0, dw, dh);
    glClearColor(0.0f, 0.0f, 0.0f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    if (capture != nullptr) {
        capture->assign((size_t)dw * dh * 4, 0);
        glPixelStorei(GL_PACK_ALIGNMENT, 1);
        glReadBuffer(GL_BACK);
        glReadPixels(0, 0, dw, dh, GL_RGBA, GL_UNSIGNED_BYTE, capture->data());
        *capture_w = dw;
        *capture_h = dh;
    }
    SDL_GL_SwapWindow(display_.window);
    // llvmpipe rasterises on its own threads after the swap returns; when measuring, wait for
    // it so the GL time is the real cost of the frame.
    if (options_.measure_gl) glFinish();
    double real_end = clock_.RealNow();

    FrameRecord record;
    record.real_s = real_start;
    record.clock_s = now;
    record.screen = ui_->ScreenName();
    record.ui_ms = (float)((real_ui_end - real_start) * 1000.0);
    record.ui_cpu_ms = (float)(cpu_end - cpu_start);
    record.gl_ms = (float)((real_end - real_ui_end) * 1000.0);
    stats_.AddFrame(record);
    for (double t : unshown_input_real_) stats_.AddInputLatency((real_end - t) * 1000.0);
    unshown_input_real_.clear();
    if (stats_.frames() == 1) {
        double ms = (options_.start_time_real + real_end) * 1000.0;
        stats_.SetFirstFrameMs(ms);
        char detail[96];
        std::snprintf(detail, sizeof detail, "ms=%.1f screen=%s", ms, record.screen.c_str());
        base::LogInfo("first_frame", detail);
        // CPU used until now (all threads, llvmpipe's included): unlike the wall-clock time,
        // it does not depend on what else the machine is running.
        std::snprintf(detail, sizeof detail, "%.1f", ProcessCpuSeconds() * 1000.0);
        stats_.SetInfo("first_frame_cpu_ms", detail);
        service_.FirstFrameShown();
        StartDeferredWork();
    }
    last_frame_real_ = real_end;
    if (frames_pending_ > 0) --frames_pending_;
}

void App::StartDeferredWork() {
    if (input_font_pending_) {
        input_font_pending_ = false;
        ImGuiIO& io = ImGui::GetIO();
        ImFontAtlas* atlas = IM_NEW(ImFontAtlas)();
        auto input_font = fonts::BuildImGuiInputFont(atlas, TextConfigFor(options_.config).fonts,
                                                     options_.config.input_font_size_px);
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        if (input_font.ok()) atlas->GetTexDataAsRGBA32(&pixels, &w, &h);
        if (!input_font.ok() || pixels == nullptr) {
            base::LogWarn("input_font_failed",
                          (input_font.ok() ? std::string("the atlas did not build") : input_font.error().ToString()) +
                              " fallback=imgui_default");
            IM_DELETE(atlas);
        } else {
            // Between frames: the old texture and atlas are no longer referenced.
            // On ImGui 1.92 (not packaged yet) the backends drop Create/DestroyFontsTexture() (the renderer
            // then updates font textures itself, and fonts may be added between any two frames):
            // this swap becomes adding the font to io.Fonts when the kiosk moves to 1.92.
            ImGui_ImplOpenGL3_DestroyFontsTexture();
            IM_DELETE(io.Fonts);
            io.Fonts = atlas;
            ImGui_ImplOpenGL3_CreateFontsTexture();
        }
    }
    if (espeak_pending_) {
        espeak_pending_ = false;
        auto espeak = EspeakSpeech::Create(EspeakSpeech::Mode::Playback, options_.config.speech_volume);
        if (espeak.ok()) speech_->SetInner(std::move(espeak).value());
        else base::LogWarn("speech_unavailable", espeak.error().ToString() + " read_aloud=silent");
    }
}

void App::RunLoop(double real_deadline) {
    while (!quit_) {
        double real = clock_.RealNow();
        if (real >= real_deadline) break;
        service_.LoopAlive(real);
        if (!NeedsFrame(clock_.Now())) {
            double timeout = std::min({SecondsUntilWakeup(clock_.Now()), real_deadline - real,
                                       service_.WatchdogWaitCap()});
            WaitForEvents(timeout);
        }
        DrainEvents();
        if (quit_) break;
        if (NeedsFrame(clock_.Now())) {
            PaceFrame();
            RenderFrame();
        }
    }
}

int App::Run() {
    RunLoop(kInf);
    base::LogInfo("exit", "frames=" + std::to_string(stats_.frames()));
    return 0;
}

void App::RenderOneFrame() {
    DrainEvents();
    RenderFrame();
}

int App::Settle(int max_frames) {
    int frames = 0;
    DrainEvents();
    while (!quit_ && NeedsFrame(clock_.Now())) {
        if (frames >= max_frames) {
            base::LogWarn("script_settle_limit", "frames=" + std::to_string(frames) +
                                                     " note=\"the UI kept asking for frames\"");
            break;
        }
        // Between frames a frame's worth of time passes, as on a real screen, so inertia and
        // UI animations run to their end.
        if (frames > 0) clock_.Advance(1.0 / 60.0);
        RenderFrame();
        ++frames;
        DrainEvents();
    }
    return frames;
}

void App::WaitReal(double seconds) {
    double start = clock_.Now();
    clock_.Follow();
    RunLoop(clock_.RealNow() + seconds);
    clock_.FreezeAt(start + seconds);
}

base::Status App::Screenshot(const std::string& path) {
    DrainEvents();
    std::vector<uint8_t> pixels;
    int w = 0, h = 0;
    RenderFrame(&pixels, &w, &h);
    return WritePng(path, w, h, pixels, /*bottom_up=*/true);
}

}  // namespace kiosk
