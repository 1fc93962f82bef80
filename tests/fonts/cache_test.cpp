// The layout cache and the "redraw does no work" guarantee.
#include <catch2/catch_approx.hpp>
#include <catch2/catch_test_macros.hpp>

#include <cstdlib>

#include "imgui.h"
#include "tests/fonts/test_helpers.h"

using fonts_test::HeadlessImGui;

namespace {

fonts::TextEngineConfig CacheCpuConfig() {
    fonts::TextEngineConfig config;
    config.atlas_backend = fonts::AtlasBackend::CpuOnly;
    return config;
}

}  // namespace

TEST_CASE("the cache returns the same layout without shaping again", "[fonts][cache]") {
    fonts::TextEngine engine(CacheCpuConfig());
    const text::Style style{.size_px = 22.0f, .language = "lv"};
    auto first = engine.Layout("Sveiki, Rīga!", style, 300.0f);
    const auto after_first = engine.counters();
    CHECK(after_first.shape_calls > 0);
    CHECK(after_first.layouts_built == 1);

    auto second = engine.Layout("Sveiki, Rīga!", style, 300.0f);
    CHECK(second.get() == first.get());
    CHECK(engine.counters().shape_calls == after_first.shape_calls);
    CHECK(engine.counters().layouts_built == 1);
    CHECK(engine.counters().layout_cache_hits == 1);

    // Colour is not part of the key; size, width, weight, language and max lines are.
    text::Style red = style;
    red.color = 0xFF0000FFu;
    CHECK(engine.Layout("Sveiki, Rīga!", red, 300.0f).get() == first.get());
    CHECK(engine.Layout("Sveiki, Rīga!", style, 301.0f).get() != first.get());
    text::Style bigger = style;
    bigger.size_px = 33.0f;
    CHECK(engine.Layout("Sveiki, Rīga!", bigger, 300.0f).get() != first.get());
    text::Style bold = style;
    bold.weight = text::Weight::Bold;
    CHECK(engine.Layout("Sveiki, Rīga!", bold, 300.0f).get() != first.get());
    CHECK(engine.counters().layouts_built == 4);

    engine.ClearLayoutCache();
    CHECK(engine.memory().layout_cache_entries == 0);
    CHECK(engine.Layout("Sveiki, Rīga!", style, 300.0f).get() != first.get());
    CHECK(first->glyphs.size() == 13);  // a held layout outlives the cache entry
}

TEST_CASE("the layout cache stays within its memory budget", "[fonts][cache]") {
    fonts::TextEngineConfig config = CacheCpuConfig();
    config.layout_cache_bytes = 64 * 1024;
    fonts::TextEngine engine(config);
    const text::Style style{.size_px = 18.0f};
    auto kept = engine.Layout("Pirmais teksts, ko kāds vēl tur", style, 200.0f);
    for (int i = 0; i < 2000; ++i) {
        (void)engine.Layout("Teksts numur " + std::to_string(i) + " ar garumu, kas aizņem atmiņu", style, 200.0f);
        REQUIRE(engine.memory().layout_cache_bytes <= config.layout_cache_bytes);
    }
    CHECK(engine.counters().layout_cache_evictions > 0);
    CHECK(engine.memory().layout_cache_entries < 2000);
    CHECK(engine.memory().layout_cache_entries > 10);
    // Evicted long ago, and still intact.
    auto rebuilt = engine.Layout("Pirmais teksts, ko kāds vēl tur", style, 200.0f);
    CHECK(rebuilt.get() != kept.get());
    CHECK(fonts_test::LineTexts(*kept) == fonts_test::LineTexts(*rebuilt));
    CHECK(kept->glyphs.size() == rebuilt->glyphs.size());
}

TEST_CASE("redrawing an unchanged screen does no shaping and no rasterising", "[fonts][cache]") {
    HeadlessImGui imgui;
    fonts::TextEngine engine(CacheCpuConfig());
    text::SetCurrentEngine(&engine);
    const text::Style heading{.size_px = 32.0f, .weight = text::Weight::Bold};
    const text::Style body{.size_px = 20.0f, .language = "uk"};
    auto draw_screen = [&] {
        ImGui::NewFrame();
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImVec2(800, 600));
        ImGui::Begin("screen");
        text::Label("Послуги та курси", heading);
        text::Paragraph("Центр інтеграції допомагає новим мешканцям: курси, консультації, ґанок і їжак.", body);
        text::DrawInRect(ImGui::GetWindowDrawList(), ImVec2(10, 300), ImVec2(200, 360), "Pieteikties", body,
                         text::VAlign::Center);
        const ImDrawList* list = ImGui::GetWindowDrawList();
        const int vertices = list->VtxBuffer.Size;
        ImGui::End();
        ImGui::Render();
        return vertices;
    };
    const int first_vertices = draw_screen();
    const auto first = engine.counters();
    CHECK(first.shape_calls > 0);
    CHECK(first.rasterized_glyphs > 0);
    CHECK(first_vertices > 4 * 60);  // every glyph became a quad

    // ImGui 1.90 draws a new window's own frame one quad differently on its first frame, so the
    // redraws are compared with each other; the text's quads are in all of them.
    int redraw_vertices = -1;
    for (int frame = 0; frame < 3; ++frame) {
        const int vertices = draw_screen();
        const auto now = engine.counters();
        CHECK(now.shape_calls == first.shape_calls);
        CHECK(now.rasterized_glyphs == first.rasterized_glyphs);
        CHECK(now.layouts_built == first.layouts_built);
        if (redraw_vertices < 0) redraw_vertices = vertices;
        CHECK(vertices == redraw_vertices);
        CHECK(std::abs(vertices - first_vertices) <= 6);
    }
    CHECK(engine.counters().layout_cache_hits >= 9);

    // Measure agrees with what Label placed, and a different string does cost shaping.
    const ImVec2 size = text::Measure("Послуги та курси", heading);
    CHECK(size.x > 100.0f);
    CHECK(size.y == Catch::Approx(engine.Layout("Послуги та курси", heading)->height));
    (void)text::Measure("Нове", heading);
    CHECK(engine.counters().shape_calls > first.shape_calls);
    text::SetCurrentEngine(nullptr);
}

TEST_CASE("text outside the clip rectangle costs no vertices and no rasterising", "[fonts][cache]") {
    HeadlessImGui imgui;
    fonts::TextEngine engine(CacheCpuConfig());
    text::SetCurrentEngine(&engine);
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(400, 300));
    ImGui::Begin("screen");
    ImDrawList* list = ImGui::GetWindowDrawList();
    const text::Style style{.size_px = 20.0f};
    const int before = list->VtxBuffer.Size;
    const ImVec4 clip(0, 0, 100, 100);
    text::DrawText(list, ImVec2(10, 200), "Zem apgabala", style, 0.0f, &clip);  // below the clip
    CHECK(list->VtxBuffer.Size == before);
    CHECK(engine.counters().rasterized_glyphs == 0);
    // Half inside: only the visible glyphs are drawn.
    text::DrawText(list, ImVec2(60, 10), "abcdefghij", style, 0.0f, &clip);
    const int drawn = (list->VtxBuffer.Size - before) / 4;
    CHECK(drawn > 0);
    CHECK(drawn < 10);
    ImGui::End();
    ImGui::EndFrame();
    text::SetCurrentEngine(nullptr);
}

TEST_CASE("placeholders are drawn, not dropped", "[fonts][cache][fallback]") {
    HeadlessImGui imgui;
    fonts::TextEngine engine(CacheCpuConfig());
    text::SetCurrentEngine(&engine);
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(400, 300));
    ImGui::Begin("screen");
    ImDrawList* list = ImGui::GetWindowDrawList();
    const int before = list->VtxBuffer.Size;
    text::DrawText(list, ImVec2(10, 10), "中", text::Style{.size_px = 30.0f});
    CHECK(list->VtxBuffer.Size == before + 4);
    CHECK(engine.counters().placeholders_drawn == 1);
    ImGui::End();
    ImGui::EndFrame();
    // The placeholder box is in the atlas: a hollow rectangle with ink.
    const auto atlas = engine.atlas();
    size_t ink = 0;
    for (int i = 0; i < atlas.width * atlas.height; ++i) ink += atlas.pixels[i] > 128;
    CHECK(ink > 40);
    text::SetCurrentEngine(nullptr);
}
