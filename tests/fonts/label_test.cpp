// text::Label and text::LabelInWidth alignment: a right-to-left label with Align::Start sits
// at the right edge of the region; a left-to-right one is placed exactly as before.
#include <catch2/catch_approx.hpp>
#include <catch2/catch_test_macros.hpp>

#include <algorithm>

#include "imgui.h"
#include "tests/fonts/test_helpers.h"

using fonts_test::HeadlessImGui;

namespace {

fonts::TextEngineConfig CpuConfig() {
    fonts::TextEngineConfig config;
    config.atlas_backend = fonts::AtlasBackend::CpuOnly;
    return config;
}

struct Placed {
    ImVec2 item_min, item_max;  // the ImGui item the label added
    float ink_min = 1e9f, ink_max = -1e9f;  // x extent of the glyph quads it drew
    float cursor_x = 0.0f;      // where the cursor was before the call
    float region_max = 0.0f;    // right edge of the content region (screen x)
};

// Runs one call that draws a label at the current cursor and records where it went.
template <typename Draw>
Placed Record(Draw draw) {
    Placed placed;
    ImDrawList* list = ImGui::GetWindowDrawList();
    placed.cursor_x = ImGui::GetCursorScreenPos().x;
    placed.region_max = placed.cursor_x + ImGui::GetContentRegionAvail().x;
    const int first_vertex = list->VtxBuffer.Size;
    draw();
    for (int i = first_vertex; i < list->VtxBuffer.Size; ++i) {
        placed.ink_min = std::min(placed.ink_min, list->VtxBuffer[i].pos.x);
        placed.ink_max = std::max(placed.ink_max, list->VtxBuffer[i].pos.x);
    }
    placed.item_min = ImGui::GetItemRectMin();
    placed.item_max = ImGui::GetItemRectMax();
    return placed;
}

}  // namespace

TEST_CASE("labels align within the content region by direction", "[fonts][label]") {
    HeadlessImGui imgui;
    fonts::TextEngine engine(CpuConfig());
    text::SetCurrentEngine(&engine);
    const text::Style ar{.size_px = 24.0f, .language = "ar"};
    const text::Style lv{.size_px = 24.0f, .language = "lv"};
    const std::string arabic = "اللغة العربية";
    const std::string latvian = "Latviešu valoda";
    const float em = 24.0f;

    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(600, 500));
    ImGui::Begin("labels");

    SECTION("an Arabic label with Start sits at the right edge") {
        const Placed p = Record([&] { text::Label(arabic, ar); });
        INFO("ink " << p.ink_min << ".." << p.ink_max << ", region " << p.cursor_x << ".." << p.region_max);
        CHECK(p.item_min.x == Catch::Approx(p.cursor_x));
        CHECK(p.item_max.x == Catch::Approx(p.region_max));
        CHECK(p.ink_max <= p.region_max + 0.5f);
        CHECK(p.ink_max > p.region_max - em * 0.25f);  // flush right, give or take a side bearing
        CHECK(p.ink_min > p.cursor_x + 200.0f);        // not at the left any more
        CHECK(p.item_max.y - p.item_min.y == Catch::Approx(text::Measure(arabic, ar).y));
    }
    SECTION("a Latvian label with Start is placed exactly as before") {
        const Placed p = Record([&] { text::Label(latvian, lv); });
        CHECK(p.item_max.x - p.item_min.x == Catch::Approx(text::Measure(latvian, lv).x));
        CHECK(p.ink_min < p.cursor_x + em * 0.25f);
        CHECK(p.ink_max <= p.cursor_x + text::Measure(latvian, lv).x + 0.5f);
    }
    SECTION("End, Right and Center are honoured too; End of Arabic is the left") {
        text::Style end = lv;
        end.align = text::Align::End;
        const Placed right = Record([&] { text::Label(latvian, end); });
        CHECK(right.ink_max > right.region_max - em * 0.25f);
        text::Style centre = lv;
        centre.align = text::Align::Center;
        const Placed mid = Record([&] { text::Label(latvian, centre); });
        CHECK((mid.ink_min + mid.ink_max) / 2 == Catch::Approx((mid.cursor_x + mid.region_max) / 2).margin(em * 0.25f));
        text::Style ar_end = ar;
        ar_end.align = text::Align::End;
        const Placed left = Record([&] { text::Label(arabic, ar_end); });
        CHECK(left.ink_min < left.cursor_x + em * 0.25f);
        CHECK(left.item_max.x - left.item_min.x == Catch::Approx(text::Measure(arabic, ar).x));
    }
    SECTION("LabelInWidth aligns within the given width") {
        ImGui::SetCursorPosX(100.0f);
        const Placed p = Record([&] { text::LabelInWidth(arabic, ar, 300.0f); });
        CHECK(p.item_max.x == Catch::Approx(p.cursor_x + 300.0f));
        CHECK(p.ink_max <= p.cursor_x + 300.0f + 0.5f);
        CHECK(p.ink_max > p.cursor_x + 300.0f - em * 0.25f);
        CHECK(p.ink_max < p.region_max - 100.0f);  // the width, not the region
    }
    SECTION("a label wider than the region starts at the cursor and never wraps") {
        const std::string long_arabic = "يساعد مركز الاندماج القادمين الجدد في دورات اللغة اللاتفية وتصاريح الإقامة";
        ImGui::SetCursorPosX(400.0f);
        const Placed p = Record([&] { text::Label(long_arabic, ar); });
        const ImVec2 size = text::Measure(long_arabic, ar);
        CHECK(size.x > p.region_max - p.cursor_x);
        CHECK(p.item_max.x - p.item_min.x == Catch::Approx(size.x));
        CHECK(p.item_max.y - p.item_min.y == Catch::Approx(engine.Layout(long_arabic, ar)->line_height));  // one line
    }

    ImGui::End();
    ImGui::Render();
    text::SetCurrentEngine(nullptr);
}

TEST_CASE("an aligned label costs no layouts on redraw", "[fonts][label][cache]") {
    HeadlessImGui imgui;
    fonts::TextEngine engine(CpuConfig());
    text::SetCurrentEngine(&engine);
    const text::Style ar{.size_px = 24.0f, .language = "ar"};
    uint64_t built_after_first = 0;
    for (int frame = 0; frame < 3; ++frame) {
        ImGui::NewFrame();
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImVec2(600, 500));
        ImGui::Begin("labels");
        text::Label("اللغة العربية", ar);
        ImGui::End();
        ImGui::Render();
        if (frame == 0) built_after_first = engine.counters().layouts_built;
    }
    CHECK(built_after_first == 2);  // the unwrapped layout and the one aligned in the region
    CHECK(engine.counters().layouts_built == built_after_first);
    text::SetCurrentEngine(nullptr);
}
