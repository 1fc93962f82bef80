// tests/fonts/test_helpers.h: shared helpers of the text engine tests.
#pragma once

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_ADVANCES_H

#include <string>
#include <vector>

#include "imgui.h"
#include "fonts/text.h"

namespace fonts_test {

inline const std::string kNotoRegular = "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf";
inline const std::string kNotoArabic = "/usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf";
inline const std::string kDejaVu = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

// An engine with the Debian default fonts and no GL (atlas in memory only).
inline fonts::TextEngine& CpuEngine() {
    static fonts::TextEngine engine([] {
        fonts::TextEngineConfig config;
        config.atlas_backend = fonts::AtlasBackend::CpuOnly;
        return config;
    }());
    return engine;
}

// Glyph index and unscaled advance straight from FreeType's cmap/hmtx, independent of the
// engine's HarfBuzz path.
struct FtGlyph {
    unsigned glyph_id = 0;
    long advance_units = 0;
};
inline FtGlyph LookUpGlyph(const std::string& path, char32_t codepoint) {
    FtGlyph result;
    FT_Library library;
    if (FT_Init_FreeType(&library) != 0) return result;
    FT_Face face;
    if (FT_New_Face(library, path.c_str(), 0, &face) == 0) {
        result.glyph_id = FT_Get_Char_Index(face, codepoint);
        FT_Fixed advance = 0;
        FT_Get_Advance(face, result.glyph_id, FT_LOAD_NO_SCALE, &advance);
        result.advance_units = advance;
        FT_Done_Face(face);
    }
    FT_Done_FreeType(library);
    return result;
}

// An ImGui context with no renderer: draw lists fill, nothing is drawn on a GPU.
struct HeadlessImGui {
    HeadlessImGui() {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(800, 600);
        io.DeltaTime = 1.0f / 60.0f;
        unsigned char* pixels;
        int w, h;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);  // NewFrame needs a built font atlas
    }
    ~HeadlessImGui() { ImGui::DestroyContext(); }
    HeadlessImGui(const HeadlessImGui&) = delete;
    HeadlessImGui& operator=(const HeadlessImGui&) = delete;
};

// The text each line of a layout shows.
inline std::vector<std::string> LineTexts(const fonts::TextLayout& layout) {
    std::vector<std::string> lines;
    for (const fonts::LayoutLine& line : layout.lines) {
        lines.push_back(layout.text.substr(line.text_begin, line.text_end - line.text_begin));
    }
    return lines;
}

inline std::string Joined(const std::vector<std::string>& lines) {
    std::string out;
    for (const std::string& line : lines) out += "[" + line + "]";
    return out;
}

}  // namespace fonts_test
