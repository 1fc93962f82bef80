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
}  // namespace

void SetCurrentEngine(TextEngine* engine) { g_engine = engine; }
TextEngine* GetCurrentEngine() { return g_engine; }

void Label(std::string_view utf8, const Style& style) {
    auto layout = Engine().Layout(utf8, style, 0.0f);
    PlaceItem(*layout, 0.0f, style);
}

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
