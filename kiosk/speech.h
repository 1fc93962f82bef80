// kiosk/speech.h: read-aloud implementations of ui::SpeechOutput.
//
// Design note
// - EspeakSpeech speaks with libespeak-ng (voices lv, en, ru ship in espeak-ng-data). Playback
//   mode is asynchronous: Speak() cancels what is speaking and queues the new text on
//   espeak-ng's own thread, so the frame loop never waits for audio. Stop() cancels.
//   espeak-ng is process-global, so at most one EspeakSpeech exists at a time.
//   Synchronous mode hands the samples to a callback instead of a sound card (tests).
// - LogSpeech writes each call as a line ("speak lv Labdien", "stop", "volume 0.80") to a file,
//   or to the log when no file is given: --speech=log, for tests and CI without sound.
// - SpeechRecorder wraps any of them (or none, for --speech=off) and remembers the last call,
//   which the automation script's `expect spoken` checks.
#pragma once

#include <cstdio>
#include <functional>
#include <memory>
#include <string>

#include "base/result.h"
#include "ui/visitor_ui.h"

namespace kiosk {

class EspeakSpeech : public ui::SpeechOutput {
public:
    enum class Mode { Playback, Synchronous };
    // Synchronous mode: called with each block of 16-bit mono samples.
    using SampleSink = std::function<void(const short* samples, int count)>;

    // Error "speech_unavailable" when espeak-ng cannot start (no data, no audio device).
    static base::Result<std::unique_ptr<EspeakSpeech>> Create(Mode mode, float volume,
                                                             SampleSink sink = nullptr);
    ~EspeakSpeech() override;

    void Speak(const std::string& text, const std::string& lang) override;
    void Stop() override;
    void SetVolume(float volume_0_to_1) override;

    int sample_rate() const { return sample_rate_; }
    // The voice that the last Speak() selected ("" when none matched the language).
    const std::string& last_voice_language() const { return last_voice_; }

private:
    EspeakSpeech() = default;
    int sample_rate_ = 0;
    std::string last_voice_;
};

class LogSpeech : public ui::SpeechOutput {
public:
    // path empty: lines go to the log (event "speech"). Error "speech_log_unwritable".
    static base::Result<std::unique_ptr<LogSpeech>> Create(const std::string& path);
    ~LogSpeech() override;

    void Speak(const std::string& text, const std::string& lang) override;
    void Stop() override;
    void SetVolume(float volume_0_to_1) override;

private:
    LogSpeech() = default;
    void Write(const std::string& line);
    FILE* file_ = nullptr;
};

struct SpeechCall {
    enum class Kind { None, Speak, Stop } kind = Kind::None;
    std::string text;
    std::string lang;
};

class SpeechRecorder : public ui::SpeechOutput {
public:
    explicit SpeechRecorder(std::unique_ptr<ui::SpeechOutput> inner) : inner_(std::move(inner)) {}

    void Speak(const std::string& text, const std::string& lang) override;
    void Stop() override;
    void SetVolume(float volume_0_to_1) override;

    // Installs (or replaces) the backend and gives it the current volume: the kiosk starts
    // espeak-ng only after its first frame is on screen.
    void SetInner(std::unique_ptr<ui::SpeechOutput> inner);

    const SpeechCall& last_call() const { return last_; }
    int speak_count() const { return speak_count_; }
    float volume() const { return volume_; }

private:
    std::unique_ptr<ui::SpeechOutput> inner_;
    SpeechCall last_;
    int speak_count_ = 0;
    float volume_ = 1.0f;
};

}  // namespace kiosk
