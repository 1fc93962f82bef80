#include "kiosk/speech.h"

#include <espeak-ng/speak_lib.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>

#include "base/log.h"

namespace kiosk {
namespace {

std::atomic<bool> g_espeak_in_use{false};
EspeakSpeech::SampleSink* g_sink = nullptr;  // synchronous mode only; owned by Create's caller

int SynthCallback(short* samples, int count, espeak_EVENT*) {
    if (g_sink != nullptr && samples != nullptr && count > 0) (*g_sink)(samples, count);
    return 0;  // continue
}

// The sink must outlive the engine; kept here so the C callback can reach it.
std::unique_ptr<EspeakSpeech::SampleSink> g_sink_storage;

// One line, no control characters, so a log line stays one line.
std::string OneLine(const std::string& text) {
    std::string out = text;
    for (char& c : out)
        if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    return out;
}

}  // namespace

base::Result<std::unique_ptr<EspeakSpeech>> EspeakSpeech::Create(Mode mode, float volume,
                                                                SampleSink sink) {
    bool expected = false;
    if (!g_espeak_in_use.compare_exchange_strong(expected, true))
        return base::MakeError("speech_unavailable", "espeak-ng is already in use in this process");
    espeak_AUDIO_OUTPUT output = mode == Mode::Playback ? AUDIO_OUTPUT_PLAYBACK : AUDIO_OUTPUT_SYNCHRONOUS;
    int rate = espeak_Initialize(output, 0, nullptr, 0);
    if (rate <= 0) {
        g_espeak_in_use = false;
        return base::MakeError("speech_unavailable",
                               "espeak-ng did not start (is espeak-ng-data installed? is there a sound device?)");
    }
    if (mode == Mode::Synchronous) {
        g_sink_storage = std::make_unique<SampleSink>(std::move(sink));
        g_sink = g_sink_storage.get();
        espeak_SetSynthCallback(SynthCallback);
    }
    std::unique_ptr<EspeakSpeech> speech(new EspeakSpeech());
    speech->sample_rate_ = rate;
    speech->SetVolume(volume);
    return speech;
}

EspeakSpeech::~EspeakSpeech() {
    espeak_Cancel();
    espeak_Terminate();
    g_sink = nullptr;
    g_sink_storage.reset();
    g_espeak_in_use = false;
}

void EspeakSpeech::Speak(const std::string& text, const std::string& lang) {
    espeak_Cancel();
    // Voices are chosen by language; "lv", "en", "ru" are in espeak-ng-data. An unknown
    // language keeps the previous voice rather than staying silent.
    espeak_VOICE spec;
    std::memset(&spec, 0, sizeof spec);
    std::string language = lang.empty() ? "en" : lang;
    spec.languages = language.c_str();
    if (espeak_SetVoiceByProperties(&spec) == EE_OK) {
        last_voice_ = language;
    } else {
        last_voice_.clear();
        base::LogWarn("speech_voice_missing", "lang=" + language);
    }
    espeak_ERROR err = espeak_Synth(text.c_str(), text.size() + 1, 0, POS_CHARACTER, 0,
                                    espeakCHARS_UTF8, nullptr, nullptr);
    if (err != EE_OK) base::LogWarn("speech_synth_failed", "lang=" + language);
}

void EspeakSpeech::Stop() { espeak_Cancel(); }

void EspeakSpeech::SetVolume(float volume_0_to_1) {
    // espeak-ng's volume is 0..200 with 100 as normal.
    int volume = (int)(std::clamp(volume_0_to_1, 0.0f, 1.0f) * 100.0f + 0.5f);
    espeak_SetParameter(espeakVOLUME, volume, 0);
}

base::Result<std::unique_ptr<LogSpeech>> LogSpeech::Create(const std::string& path) {
    std::unique_ptr<LogSpeech> speech(new LogSpeech());
    if (!path.empty()) {
        speech->file_ = std::fopen(path.c_str(), "w");
        if (speech->file_ == nullptr)
            return base::MakeError("speech_log_unwritable",
                                   path + ": cannot write the speech log (" + std::strerror(errno) + ")");
    }
    return speech;
}

LogSpeech::~LogSpeech() {
    if (file_ != nullptr) std::fclose(file_);
}

void LogSpeech::Write(const std::string& line) {
    if (file_ == nullptr) {
        base::LogInfo("speech", line);
        return;
    }
    std::fputs(line.c_str(), file_);
    std::fputc('\n', file_);
    std::fflush(file_);  // a test reads it while the program runs
}

void LogSpeech::Speak(const std::string& text, const std::string& lang) {
    Write("speak " + (lang.empty() ? std::string("-") : lang) + " " + OneLine(text));
}

void LogSpeech::Stop() { Write("stop"); }

void LogSpeech::SetVolume(float volume_0_to_1) {
    char line[32];
    std::snprintf(line, sizeof line, "volume %.2f", volume_0_to_1);
    Write(line);
}

void SpeechRecorder::Speak(const std::string& text, const std::string& lang) {
    last_ = SpeechCall{SpeechCall::Kind::Speak, text, lang};
    ++speak_count_;
    if (inner_) inner_->Speak(text, lang);
}

void SpeechRecorder::Stop() {
    last_ = SpeechCall{SpeechCall::Kind::Stop, "", ""};
    if (inner_) inner_->Stop();
}

void SpeechRecorder::SetInner(std::unique_ptr<ui::SpeechOutput> inner) {
    inner_ = std::move(inner);
    if (inner_) inner_->SetVolume(volume_);
}

void SpeechRecorder::SetVolume(float volume_0_to_1) {
    volume_ = volume_0_to_1;
    if (inner_) inner_->SetVolume(volume_0_to_1);
}

}  // namespace kiosk
