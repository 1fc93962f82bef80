// fonts/tools/text_sample.cpp: renders a page of sample paragraphs (lv, en, ru, uk, ar) with
// the text engine, offscreen, to a PNG, so anyone can look at shaping and wrapping.
//
//   text-sample [out.png] [--scale 1.5]
//
// Runs without a display (SDL's offscreen driver + Mesa). Prints font errors and the
// engine's counters and atlas size.
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "imgui.h"
#include "fonts/text.h"
#include "fonts/tools/sample_text.h"
#include "tests/support/offscreen.h"

int main(int argc, char** argv) {
    std::string out = "text-sample.png";
    float scale = 1.0f;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--scale") == 0 && i + 1 < argc) {
            scale = static_cast<float>(std::atof(argv[++i]));
        } else {
            out = argv[i];
        }
    }
    const int width = static_cast<int>(760 * scale);
    const int height = static_cast<int>(1180 * scale);
    auto renderer = test_support::OffscreenRenderer::Create(width, height);
    if (!renderer.ok()) {
        std::fprintf(stderr, "text-sample: %s\n", renderer.error().ToString().c_str());
        return 1;
    }
    text::TextEngine engine;
    for (const base::Error& error : engine.font_errors()) std::fprintf(stderr, "text-sample: %s\n", error.ToString().c_str());
    text::SetCurrentEngine(&engine);

    const float margin = 24.0f * scale;
    test_support::Image image;
    for (int frame = 0; frame < 2; ++frame) {  // the second frame is a redraw: counters show the cache at work
        (*renderer)->BeginFrame();
        ImDrawList* dl = ImGui::GetWindowDrawList();
        float y = margin;
        const float wrap = static_cast<float>(width) - 2 * margin;
        text::Style title{.size_px = 30 * scale, .weight = text::Weight::Bold, .color = IM_COL32(20, 40, 90, 255)};
        text::DrawText(dl, ImVec2(margin, y), "Text engine sample — FreeType, HarfBuzz, ICU", title, wrap);
        y += text::Measure("Text engine sample — FreeType, HarfBuzz, ICU", title, wrap).y + 12 * scale;
        for (const auto& sample : fonts::samples::kParagraphs) {
            text::Style heading{.size_px = 24 * scale, .weight = text::Weight::Bold,
                                .color = IM_COL32(30, 30, 30, 255), .language = sample.language};
            text::Style body{.size_px = 19 * scale, .color = IM_COL32(40, 40, 40, 255), .language = sample.language};
            text::DrawText(dl, ImVec2(margin, y), sample.heading, heading, wrap);
            y += text::Measure(sample.heading, heading, wrap).y + 4 * scale;
            text::DrawText(dl, ImVec2(margin, y), sample.body, body, wrap);
            y += text::Measure(sample.body, body, wrap).y + 14 * scale;
        }
        // Alignment, ellipsis, soft hyphen, NFC and a missing glyph, in a narrow column.
        const float column = 300.0f * scale;
        const float y_column_top = y;
        text::Style small{.size_px = 17 * scale, .color = IM_COL32(40, 40, 40, 255), .language = "lv"};
        text::Style centered = small;
        centered.align = text::Align::Center;
        text::Style clipped = small;
        clipped.max_lines = 2;
        const char* long_lv = "Pieteikšanās konsultācijām notiek elektroniski, pa tālruni vai klātienē centra "
                              "informācijas punktā katru darba dienu.";
        dl->AddRect(ImVec2(margin - 1, y - 1), ImVec2(margin + column + 1, y + 200 * scale), IM_COL32(180, 180, 180, 255));
        text::DrawText(dl, ImVec2(margin, y), "Centrēts teksts šaurā slejā ar garākiem vārdiem", centered, column);
        y += text::Measure("Centrēts teksts šaurā slejā ar garākiem vārdiem", centered, column).y + 6 * scale;
        text::DrawText(dl, ImVec2(margin, y), long_lv, clipped, column);
        y += text::Measure(long_lv, clipped, column).y + 6 * scale;
        text::DrawText(dl, ImVec2(margin, y), "Ne\u00adat\u00adka\u00adrī\u00adbas\u00adat\u00adjau\u00adno\u00ad\u0161a\u00adnas\u00adde\u00adkla\u00adrā\u00adci\u00adja; A\u0304 = \u0100; ☃ 中", small, column * 0.7f);


        // Right-to-left text with numbers and links: phone numbers, times, e-mail addresses
        // and URLs read left to right as one unit (fonts/ltr_spans.h); a phone number is not
        // split across lines when it fits on one.
        const float rtl_x = margin + column + 24.0f * scale;
        const float rtl_column = static_cast<float>(width) - margin - rtl_x;
        float rtl_y = y_column_top;
        text::Style ar{.size_px = 17 * scale, .color = IM_COL32(40, 40, 40, 255), .language = "ar"};
        dl->AddRect(ImVec2(rtl_x - 1, rtl_y - 1), ImVec2(rtl_x + rtl_column + 1, rtl_y + 200 * scale),
                    IM_COL32(180, 180, 180, 255));
        for (const char* line : fonts::samples::kRtlNumbers) {
            text::DrawText(dl, ImVec2(rtl_x, rtl_y), line, ar, rtl_column);
            rtl_y += text::Measure(line, ar, rtl_column).y + 6 * scale;
        }
        // text::Label with Align::Start: an Arabic label sits at the right edge of the region
        // (here LabelInWidth, the column), a Latvian one at the left.
        text::Style label = ar;
        label.weight = text::Weight::Bold;
        label.color = IM_COL32(20, 40, 90, 255);
        ImGui::SetCursorScreenPos(ImVec2(rtl_x, rtl_y));
        text::LabelInWidth("الهاتف: +371 6721 0000", label, rtl_column);
        ImGui::SetCursorScreenPos(ImVec2(rtl_x, ImGui::GetCursorScreenPos().y));
        label.language = "lv";
        text::LabelInWidth("Tālrunis: +371 6721 0000", label, rtl_column);

        image = (*renderer)->EndFrame(0xFFF8F8F8u);
        const text::Counters c = engine.counters();
        std::printf("frame %d: shape_calls=%llu rasterized=%llu layouts_built=%llu cache_hits=%llu\n", frame,
                    static_cast<unsigned long long>(c.shape_calls), static_cast<unsigned long long>(c.rasterized_glyphs),
                    static_cast<unsigned long long>(c.layouts_built), static_cast<unsigned long long>(c.layout_cache_hits));
    }
    const text::MemoryStats m = engine.memory();
    std::printf("atlas %dx%d (%zu bytes, %zu glyphs, %.0f%% full)\n", m.atlas_width, m.atlas_height,
                m.atlas_texture_bytes, m.atlas_glyphs, m.atlas_fill * 100.0);
    base::Status status = test_support::WritePng(out, image);
    if (!status.ok()) {
        std::fprintf(stderr, "text-sample: %s\n", status.error().ToString().c_str());
        return 1;
    }
    std::printf("wrote %s\n", out.c_str());
    return 0;
}
