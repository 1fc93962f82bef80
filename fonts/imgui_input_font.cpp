// fonts/imgui_input_font.cpp: the ImGui font for widgets that draw text themselves
// (input fields). Built with ImGui's FreeType builder from the first family of the font
// set that covers Latvian and Ukrainian letters, so nothing an input shows is a "?".
#include <sys/stat.h>

#include <ft2build.h>
#include FT_FREETYPE_H

#include "imgui.h"
#include "imgui_freetype.h"
#include "base/log.h"
#include "fonts/text.h"

namespace fonts {
namespace {

// Basic Latin + Latin-1, Latin Extended-A (ā č ē ģ ī ķ ļ ņ š ū ž), Cyrillic with its
// supplement (Ukrainian і ї є ґ), General Punctuation (– — “ ” „ …), € and №.
const ImWchar kInputRanges[] = {
    0x0020, 0x00FF, 0x0100, 0x017F, 0x0400, 0x052F, 0x2000, 0x206F, 0x20AC, 0x20AC, 0x2116, 0x2116, 0,
};

// True when the file is a font that has both a Latvian and a Ukrainian test letter.
bool CoversInputScripts(const std::string& path) {
    FT_Library library = nullptr;
    if (FT_Init_FreeType(&library) != 0) return false;
    FT_Face face = nullptr;
    bool covers = false;
    if (FT_New_Face(library, path.c_str(), 0, &face) == 0) {
        covers = FT_Get_Char_Index(face, 0x0101) != 0 && FT_Get_Char_Index(face, 0x0491) != 0;
        FT_Done_Face(face);
    }
    FT_Done_FreeType(library);
    return covers;
}

// Rasterise the atlas's fonts with FreeType, as the text engine does its glyphs,
// instead of stb_truetype. ImGui 1.92 replaced ImFontBuilderIO with ImFontLoader; this is the
// one place that knows. (Debian 13 has 1.90.1: the 1.92 branch is not compiled here yet.)
void UseFreeTypeRasteriser(ImFontAtlas* atlas) {
#if IMGUI_VERSION_NUM >= 19200
    atlas->SetFontLoader(ImGuiFreeType::GetFontLoader());
#else
    atlas->FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
#endif
}

}  // namespace

const uint16_t* ImGuiInputGlyphRanges() { return kInputRanges; }

base::Result<ImFont*> BuildImGuiInputFont(ImFontAtlas* atlas, const FontSetConfig& fonts, float size_px,
                                          Weight weight) {
    std::string missing;
    for (const FontFamilyConfig& family : fonts.families) {
        for (const std::string* path : {weight == Weight::Bold ? &family.bold_path : &family.regular_path,
                                        &family.regular_path}) {
            if (path->empty()) continue;
            struct stat st;
            if (stat(path->c_str(), &st) != 0) {
                if (missing.find(*path) == std::string::npos) {
                    base::LogError("font_missing", "path=" + *path + " package=" + family.debian_package);
                    missing += (missing.empty() ? "" : "; ") + *path + " (package " + family.debian_package + ")";
                }
                continue;
            }
            if (!CoversInputScripts(*path)) continue;
            UseFreeTypeRasteriser(atlas);
            ImFontConfig config;
            config.SizePixels = size_px;
            ImFont* font = atlas->AddFontFromFileTTF(path->c_str(), size_px, &config, kInputRanges);
            if (font == nullptr) {
                return base::MakeError("font_unreadable", "ImGui could not load font file " + *path);
            }
            return font;
        }
    }
    return base::MakeError("font_missing",
                           "no font for input fields covers Latin Extended-A and Cyrillic; missing: " +
                               (missing.empty() ? std::string("(none configured)") : missing) +
                               "; install fonts-noto-core or fonts-dejavu-core");
}

}  // namespace fonts
