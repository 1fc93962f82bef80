// fonts/imgui_bridge.cpp: text::Label / Paragraph / Measure / DrawText / DrawInRect — the
// calls screens use instead of ImGui::Text. They place items exactly as ImGui::Text does
// (ItemSize + ItemAdd on the current window), so layout code mixes them with ImGui widgets.
#include <algorithm>
#include <cassert>

#include "imgui.h"
#include "imgui_internal.h"
#include "fonts/text.h"

namespace fonts {
namespace {
TextEngine* g_engine = nullptr;

TextEngine& Engine() {
    assert(g_engine && "text::SetCurrentEngine() must be called before drawing text");
    return *g_engine;
}

void PlaceItem(const TextLayout& layout, float box_width, const Style& style) {
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    if (window->SkipItems) return;
    const ImVec2 pos = window->DC.CursorPos;
    const ImVec2 size(std::max(box_width, layout.width), layout.height);
    const ImRect bb(pos, ImVec2(pos.x + size.x, pos.y + size.y));
    ImGui::ItemSize(size);
    if (!ImGui::ItemAdd(bb, 0)) return;  // scrolled out: no drawing, no rasterising
    Engine().Draw(window->DrawList, layout, pos.x, pos.y, style.color);
}

// True when every line of an unwrapped layout resolves to left alignment (LTR text with
// Start, RTL text with End, or Left): then the label's box is its own width, as before.
bool AllLinesLeft(const TextLayout& layout, Align align) {
    for (const LayoutLine& line : layout.lines) {
        Align resolved = align;
        if (resolved == Align::Start) resolved = line.rtl ? Align::Right : Align::Left;
        if (resolved == Align::End) resolved = line.rtl ? Align::Left : Align::Right;
        if (resolved != Align::Left) return false;
    }
    return true;
}

void LabelInBox(std::string_view utf8, const Style& style, float box_width) {
    auto layout = Engine().Layout(utf8, style, 0.0f);
    if (AllLinesLeft(*layout, style.align) || box_width <= layout->width) {
        PlaceItem(*layout, 0.0f, style);
        return;
    }
    // Aligning in the box is laying out with the box as wrap width. The unwrapped layout
    // fits, so no line wraps, except when a soft hyphen's visible "-" tips a line over:
    // then the label keeps its unwrapped layout rather than wrap.
    auto boxed = Engine().Layout(utf8, style, box_width);
    if (boxed->lines.size() != layout->lines.size()) {
        PlaceItem(*layout, 0.0f, style);
        return;
    }
    PlaceItem(*boxed, box_width, style);
}
}  // namespace

void SetCurrentEngine(TextEngine* engine) { g_engine = engine; }
TextEngine* GetCurrentEngine() { return g_engine; }

void Label(std::string_view utf8, const Style& style) {
    LabelInBox(utf8, style, ImGui::GetContentRegionAvail().x);
}

void LabelInWidth(std::string_view utf8, const Style& style, float width) { LabelInBox(utf8, style, width); }

void Paragraph(std::string_view utf8, const Style& style, float wrap_width) {
    if (wrap_width < 0.0f) wrap_width = std::max(1.0f, ImGui::GetContentRegionAvail().x);
    auto layout = Engine().Layout(utf8, style, wrap_width);
    PlaceItem(*layout, wrap_width, style);
}

ImVec2 Measure(std::string_view utf8, const Style& style, float wrap_width) {
    auto layout = Engine().Layout(utf8, style, wrap_width > 0.0f ? wrap_width : 0.0f);
    return ImVec2(layout->width, layout->height);
}

void DrawText(ImDrawList* draw_list, ImVec2 pos, std::string_view utf8, const Style& style, float wrap_width,
              const ImVec4* clip_rect) {
    auto layout = Engine().Layout(utf8, style, wrap_width > 0.0f ? wrap_width : 0.0f);
    Engine().Draw(draw_list, *layout, pos.x, pos.y, style.color, clip_rect);
}

void DrawInRect(ImDrawList* draw_list, ImVec2 min, ImVec2 max, std::string_view utf8, const Style& style,
                VAlign valign) {
    const float width = std::max(1.0f, max.x - min.x);
    auto layout = Engine().Layout(utf8, style, width);
    float y = min.y;
    if (valign == VAlign::Center) y = min.y + (max.y - min.y - layout->height) * 0.5f;
    if (valign == VAlign::Bottom) y = max.y - layout->height;
    const ImVec4 clip(min.x, min.y, max.x, max.y);
    Engine().Draw(draw_list, *layout, min.x, y, style.color, &clip);
}

}  // namespace fonts
