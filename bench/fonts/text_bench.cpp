// bench/fonts/text_bench.cpp: the text engine's speed and memory figures.
//
//   1. A 500-word paragraph laid out cold (cache cleared) and from the cache.
//   2. Atlas texture memory after drawing the screen strings (lv, en, ru, uk) at three
//      sizes, in normal and in larger-text (x1.5) mode. Target: at most 2 MiB.
//   3. Shaping calls and rasterisations on a redraw of an unchanged screen. Target: zero.
// Runs without GL (atlas in memory; its size is what the GL texture would be).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "imgui.h"
#include "bench/fonts/screen_strings.h"
#include "fonts/text.h"

namespace {

using Clock = std::chrono::steady_clock;

double Micros(Clock::duration d) { return std::chrono::duration<double, std::micro>(d).count(); }

double Median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

std::string FiveHundredWords() {
    const char* words[] = {"Integrācijas", "centrs", "palīdz", "jaunajiem", "iedzīvotājiem", "apgūt", "latviešu",
                           "valodu,", "atrast", "darbu", "un", "ģimenes", "ārstu;", "konsultācijas", "notiek",
                           "katru", "dienu", "no", "9:00", "līdz", "17:30", "ar", "pārtraukumu.", "Maksa:", "3,50", "€."};
    std::string text;
    for (int i = 0; i < 500; ++i) {
        if (i) text += ' ';
        text += words[i % (sizeof(words) / sizeof(words[0]))];
    }
    return text;
}

struct Headless {
    Headless() {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(1920, 1080);
        io.DeltaTime = 1.0f / 60.0f;
        unsigned char* pixels;
        int w, h;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    }
    ~Headless() { ImGui::DestroyContext(); }
};

// Draws every screen string of every language at the given scale, as screens would.
void DrawScreens(float scale) {
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(1920, 1080));
    ImGui::Begin("screens", nullptr, ImGuiWindowFlags_NoDecoration);
    ImDrawList* list = ImGui::GetWindowDrawList();
    for (const auto& screens : bench_fonts::kScreens) {
        for (const auto& s : screens.strings) {
            text::Style style{.size_px = 20.0f * scale, .language = screens.language};
            if (s.role == bench_fonts::ScreenString::kHeading) {
                style.size_px = 32.0f * scale;
                style.weight = text::Weight::Bold;
            } else if (s.role == bench_fonts::ScreenString::kSmall) {
                style.size_px = 16.0f * scale;
            }
            text::DrawText(list, ImVec2(20, 20), s.text, style, 860.0f * scale);
        }
    }
    ImGui::End();
    ImGui::Render();
}

}  // namespace

int main() {
    Headless imgui;
    text::TextEngineConfig config;
    config.atlas_backend = text::AtlasBackend::CpuOnly;

    // 1. Layout of a 500-word paragraph.
    {
        text::TextEngine engine(config);
        const std::string paragraph = FiveHundredWords();
        const text::Style style{.size_px = 20.0f, .language = "lv"};
        auto t0 = Clock::now();
        auto first = engine.Layout(paragraph, style, 860.0f);
        const double first_us = Micros(Clock::now() - t0);
        std::vector<double> cold, cached;
        for (int i = 0; i < 30; ++i) {
            engine.ClearLayoutCache();
            t0 = Clock::now();
            (void)engine.Layout(paragraph, style, 860.0f);
            cold.push_back(Micros(Clock::now() - t0));
        }
        const uint64_t shapes_before = engine.counters().shape_calls;
        for (int i = 0; i < 1000; ++i) {
            t0 = Clock::now();
            (void)engine.Layout(paragraph, style, 860.0f);
            cached.push_back(Micros(Clock::now() - t0));
        }
        std::printf("paragraph: %zu bytes, %zu glyphs, %zu lines\n", paragraph.size(), first->glyphs.size(),
                    first->lines.size());
        std::printf("layout_500_words_first_us %.0f\n", first_us);
        std::printf("layout_500_words_cold_median_us %.0f\n", Median(cold));
        std::printf("layout_500_words_cached_median_us %.2f\n", Median(cached));
        std::printf("layout_500_words_cached_shape_calls %llu\n",
                    static_cast<unsigned long long>(engine.counters().shape_calls - shapes_before));
    }

    // 2 and 3. Screens in four languages at three sizes.
    for (float scale : {1.0f, 1.5f, 0.0f}) {
        // scale 0: one engine that has drawn both modes, as a kiosk does after a visitor
        // switches to larger text (both sets of glyphs stay in the atlas).
        text::TextEngine engine(config);
        text::SetCurrentEngine(&engine);
        if (scale == 0.0f) {
            DrawScreens(1.0f);
            scale = 1.5f;
            std::printf("both modes in one atlas, then:\n");
        }
        auto t0 = Clock::now();
        DrawScreens(scale);
        const double first_ms = Micros(Clock::now() - t0) / 1000.0;
        const text::Counters after_first = engine.counters();
        std::vector<double> redraw;
        for (int i = 0; i < 50; ++i) {
            t0 = Clock::now();
            DrawScreens(scale);
            redraw.push_back(Micros(Clock::now() - t0));
        }
        const text::Counters after = engine.counters();
        const text::MemoryStats m = engine.memory();
        std::printf("screens x%.1f (sizes %.0f/%.0f/%.0f px, lv+en+ru+uk, %d strings):\n", scale, 16 * scale,
                    20 * scale, 32 * scale, 4 * 24);
        std::printf("  first_draw_ms %.1f (shape_calls %llu, rasterized %llu)\n", first_ms,
                    static_cast<unsigned long long>(after_first.shape_calls),
                    static_cast<unsigned long long>(after_first.rasterized_glyphs));
        std::printf("  atlas %dx%d = %zu bytes (%.2f MiB), %zu glyphs, %.0f%% full, target <= 2 MiB: %s\n",
                    m.atlas_width, m.atlas_height, m.atlas_texture_bytes, m.atlas_texture_bytes / 1048576.0,
                    m.atlas_glyphs, m.atlas_fill * 100.0, m.atlas_texture_bytes <= (2u << 20) ? "met" : "MISSED");
        std::printf("  redraw_shape_calls %llu, redraw_rasterized %llu (50 redraws; target 0: %s)\n",
                    static_cast<unsigned long long>(after.shape_calls - after_first.shape_calls),
                    static_cast<unsigned long long>(after.rasterized_glyphs - after_first.rasterized_glyphs),
                    after.shape_calls == after_first.shape_calls && after.rasterized_glyphs == after_first.rasterized_glyphs
                        ? "met" : "MISSED");
        std::printf("  redraw_median_us %.0f, layout cache %zu entries / %zu bytes\n", Median(redraw),
                    m.layout_cache_entries, m.layout_cache_bytes);
        text::SetCurrentEngine(nullptr);
    }
    return 0;
}
