// Read-aloud: the log implementation, the recorder, and espeak-ng producing audio per language.
#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>

#include <fstream>
#include <sstream>
#include <unistd.h>

#include "kiosk/speech.h"

namespace {

std::string ReadAll(const std::string& path) {
    std::ifstream file(path);
    std::stringstream s;
    s << file.rdbuf();
    return s.str();
}

}  // namespace

TEST_CASE("--speech=log writes each call as one line", "[kiosk][speech]") {
    std::string path = "/tmp/kiosk_speech_test_" + std::to_string(::getpid()) + ".log";
    {
        auto speech = kiosk::LogSpeech::Create(path);
        REQUIRE(speech.ok());
        (*speech)->SetVolume(0.5f);
        (*speech)->Speak("Laipni lūdzam!\nPakalpojumi", "lv");
        (*speech)->Stop();
        // Written at once, so a test can read it while the program runs.
        CHECK(ReadAll(path) == "volume 0.50\nspeak lv Laipni lūdzam! Pakalpojumi\nstop\n");
    }
    std::remove(path.c_str());
}

TEST_CASE("an unwritable speech log is an error naming the path", "[kiosk][speech]") {
    auto speech = kiosk::LogSpeech::Create("/nonexistent/dir/speech.log");
    REQUIRE_FALSE(speech.ok());
    CHECK(speech.error().code == "speech_log_unwritable");
    CHECK_THAT(speech.error().message, Catch::Matchers::ContainsSubstring("/nonexistent/dir/speech.log"));
}

TEST_CASE("the recorder remembers the last call and forwards it", "[kiosk][speech]") {
    std::string path = "/tmp/kiosk_speech_rec_" + std::to_string(::getpid()) + ".log";
    auto log = kiosk::LogSpeech::Create(path);
    REQUIRE(log.ok());
    kiosk::SpeechRecorder recorder(std::move(log).value());
    CHECK(recorder.last_call().kind == kiosk::SpeechCall::Kind::None);
    recorder.Speak("Hello", "en");
    CHECK(recorder.last_call().kind == kiosk::SpeechCall::Kind::Speak);
    CHECK(recorder.last_call().text == "Hello");
    CHECK(recorder.last_call().lang == "en");
    recorder.Stop();
    CHECK(recorder.last_call().kind == kiosk::SpeechCall::Kind::Stop);
    CHECK(recorder.speak_count() == 1);
    CHECK(ReadAll(path) == "speak en Hello\nstop\n");
    std::remove(path.c_str());

    kiosk::SpeechRecorder silent(nullptr);  // --speech=off
    silent.Speak("x", "lv");
    CHECK(silent.speak_count() == 1);
}

TEST_CASE("espeak-ng speaks lv, en and ru; Stop and volume work", "[kiosk][speech]") {
    long samples = 0;
    auto speech = kiosk::EspeakSpeech::Create(kiosk::EspeakSpeech::Mode::Synchronous, 0.8f,
                                              [&](const short*, int count) { samples += count; });
    REQUIRE(speech.ok());
    CHECK((*speech)->sample_rate() > 8000);
    // A second engine in the same process is refused (espeak-ng is process-global).
    CHECK_FALSE(kiosk::EspeakSpeech::Create(kiosk::EspeakSpeech::Mode::Synchronous, 1.0f).ok());

    struct Case {
        const char* lang;
        const char* text;
    };
    for (Case c : {Case{"lv", "Laipni lūdzam integrācijas centrā."}, Case{"en", "Welcome to the centre."},
                   Case{"ru", "Добро пожаловать в центр."}}) {
        INFO(c.lang);
        samples = 0;
        (*speech)->Speak(c.text, c.lang);
        CHECK((*speech)->last_voice_language() == c.lang);
        // At least half a second of audio for a sentence.
        CHECK(samples > (*speech)->sample_rate() / 2);
    }
    (*speech)->Stop();
    (*speech)->SetVolume(0.0f);
    samples = 0;
    (*speech)->Speak("Welcome", "en");
    CHECK(samples > 0);  // silence is still synthesised, just at volume zero
}
