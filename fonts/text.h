// fonts/text.h: the text engine's public API (the only header screens include).
//
// Dear ImGui draws text codepoint by codepoint from a pre-baked atlas. The kiosk shows
// Latvian, English, Russian, Ukrainian and Arabic content, so screens draw text through
// this engine instead of ImGui::Text:
//
//   text utf-8 ──NFC──▶ paragraphs ──ICU bidi──▶ runs (direction × script × font)
//        ──HarfBuzz──▶ glyph ids + advances ──ICU line breaks──▶ lines (aligned, ellipsis)
//        ──LayoutCache──▶ TextLayout ──FreeType (by glyph index)──▶ GlyphAtlas ──▶ ImDrawList
//
// Using it from a screen:
//
//   fonts::TextEngine engine(fonts::TextEngineConfig{});   // once, after the GL context exists
//   for (const base::Error& e : engine.font_errors()) ...  // missing fonts: shown, not fatal
//   text::SetCurrentEngine(&engine);
//   ...every frame, inside an ImGui window:
//   text::Style heading{.size_px = 36 * scale, .weight = text::Weight::Bold};
//   text::Label("Kursi un pasākumi", heading);              // Arabic: right edge of the region
//   text::Paragraph(body_utf8, text::Style{.size_px = 22 * scale, .language = "lv"});
//   ImVec2 size = text::Measure(label, style, /*wrap_width=*/300.0f);
//   text::DrawInRect(ImGui::GetWindowDrawList(), button_min, button_max, label, style,
//                    text::VAlign::Center);
//
// Sizes are pixels; the UI passes already-scaled sizes (normal and the x1.5 larger-text
// mode). Colour is not part of a layout: the same layout draws in any colour.
//
// Guarantees:
//  - A missing font file never stops the program: font_errors() names the path and the
//    Debian package to install, and the engine works with the fonts that exist. A character
//    no font has is drawn as a visible placeholder box (never dropped).
//  - Layouts are cached by (text, style, width) in a bounded LRU cache. Redrawing an
//    unchanged screen does no shaping and no rasterising (counters() proves it).
//  - Glyphs are rasterised on first draw into a single-channel atlas texture that grows on
//    demand; no glyph ranges are declared up front.
//  - Inside right-to-left text, phone numbers ("+371 6721 0000"), time ranges, e-mail
//    addresses and URLs read left to right as one unit, and a phone number or URL that fits
//    on a line is not split across lines (fonts/ltr_spans.h). Content needs no U+200E marks.
//
// Threading: a TextEngine and the text:: functions belong to the UI thread (like ImGui).
//
// Namespace: the layer is fonts/, its namespace `fonts`; `text` is an alias so screens
// read as `text::Label(...)`.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"

struct ImDrawList;
struct ImFont;
struct ImFontAtlas;
struct ImVec2;
struct ImVec4;

namespace fonts {

// ---------------------------------------------------------------------------------------
// Configuration
// ---------------------------------------------------------------------------------------

// One family of the font set: a regular and a bold file, and the Debian package that ships
// them (named in the error when a file is missing). A missing bold file falls back to the
// family's regular face.
struct FontFamilyConfig {
    std::string regular_path = {};
    std::string bold_path = {};
    std::string debian_package = {};
};

// The font set: families_[0] is the primary face; the others are fallbacks, tried in order
// for each character the primary face lacks. Defaults are Debian 12 paths.
struct FontSetConfig {
    std::vector<FontFamilyConfig> families = DebianDefaults();

    // Noto Sans (primary), Noto Sans Arabic, DejaVu Sans.
    static std::vector<FontFamilyConfig> DebianDefaults();
};

// Where glyph bitmaps go. OpenGL: a GL_R8 texture swizzled to (1,1,1,R) so ImGui's
// OpenGL3 backend (which samples RGBA and multiplies by the vertex colour) draws it
// directly; created lazily on first draw, so the GL context must be current when drawing.
// CpuOnly: the atlas lives in memory only (tests and benchmarks without a GL context);
// draws still emit vertices, with a null ImTextureID.
enum class AtlasBackend : uint8_t { OpenGL, CpuOnly };

struct TextEngineConfig {
    FontSetConfig fonts;
    AtlasBackend atlas_backend = AtlasBackend::OpenGL;
    int atlas_initial_size = 512;                  // square, pixels; doubles on demand
    int atlas_max_size = 4096;                     // when full at this size it starts afresh
    std::size_t layout_cache_bytes = 4u << 20;     // LRU budget for cached layouts
};

// ---------------------------------------------------------------------------------------
// Style and layout
// ---------------------------------------------------------------------------------------

enum class Weight : uint8_t { Regular, Bold };

// Start: left for a left-to-right paragraph, right for a right-to-left one (the default).
// End is the mirror of Start. Left/Center/Right are absolute.
enum class Align : uint8_t { Start, End, Left, Center, Right };

enum class VAlign : uint8_t { Top, Center, Bottom };

struct Style {
    float size_px = 20.0f;                 // em size in pixels, already scaled by the UI
    Weight weight = Weight::Regular;
    uint32_t color = 0xFFFFFFFFu;          // IM_COL32 packing (ABGR); not part of the layout
    Align align = Align::Start;
    int max_lines = 0;                     // 0 = unlimited; else the last line ends with "…"
    float line_spacing = 1.0f;             // multiplier of the font's natural line height
    std::string language = {};             // BCP 47 ("lv", "ru", "ar"); tunes shaping and
                                           // line breaking, empty = language-neutral
};

// One glyph placed in a layout. (x, y) is the pen position on the baseline, relative to
// the layout's top-left corner, in pixels. face is an index into the engine's faces;
// kPlaceholderFace marks a character no font has (drawn as a box of advance width).
struct PlacedGlyph {
    static constexpr uint16_t kPlaceholderFace = 0xFFFF;
    uint16_t face = 0;
    uint32_t glyph_id = 0;
    float x = 0.0f;
    float y = 0.0f;
    float advance = 0.0f;
    uint32_t cluster = 0;                  // byte offset of the source character (NFC text)
};

struct LayoutLine {
    float x = 0.0f;                        // left edge after alignment
    float width = 0.0f;                    // ink advance, trailing spaces excluded
    float baseline = 0.0f;                 // y of the baseline from the layout top
    uint32_t first_glyph = 0;              // glyphs of the line, in visual (left-to-right) order
    uint32_t glyph_count = 0;
    uint32_t text_begin = 0;               // byte range of the NFC text this line shows
    uint32_t text_end = 0;
    bool rtl = false;                      // base direction of its paragraph
    bool ellipsized = false;
};

// Immutable once built; the cache hands out shared pointers so a layout stays valid even
// after the cache evicts it.
struct TextLayout {
    std::string text;                      // the NFC-normalised input
    std::vector<PlacedGlyph> glyphs;
    std::vector<LayoutLine> lines;
    float width = 0.0f;                    // widest line (LayoutLine::x is relative to a box
                                           // max(wrap width, width) wide)
    float height = 0.0f;                   // lines × line height
    float line_height = 0.0f;
    float size_px = 0.0f;
    bool truncated = false;                // max_lines cut text off

    std::size_t MemoryBytes() const;
};

// ---------------------------------------------------------------------------------------
// The engine
// ---------------------------------------------------------------------------------------

// Monotonic counters, so tests and benchmarks can assert "no shaping on redraw".
struct Counters {
    uint64_t shape_calls = 0;              // hb_shape() invocations
    uint64_t rasterized_glyphs = 0;        // FreeType glyph renders into the atlas
    uint64_t layouts_built = 0;            // full layouts computed (cache misses)
    uint64_t layout_cache_hits = 0;
    uint64_t layout_cache_evictions = 0;
    uint64_t atlas_grows = 0;              // texture doubled
    uint64_t atlas_resets = 0;             // full at max size: started afresh
    uint64_t placeholders_drawn = 0;       // characters no font has
};

struct MemoryStats {
    int atlas_width = 0;
    int atlas_height = 0;
    std::size_t atlas_texture_bytes = 0;   // width × height × 1 byte (single channel)
    std::size_t atlas_glyphs = 0;
    float atlas_fill = 0.0f;               // fraction of the atlas area in use
    std::size_t layout_cache_bytes = 0;
    std::size_t layout_cache_entries = 0;
};

// Read-only view of the atlas pixels (single channel, row-major, stride = width).
struct AtlasView {
    int width = 0;
    int height = 0;
    const uint8_t* pixels = nullptr;
};

class TextEngine {
public:
    // Never fails for missing fonts: see font_errors(). Needs no GL context; the texture
    // is created on first draw. With AtlasBackend::OpenGL, destroy the engine while its GL
    // context is still current (it deletes its textures).
    explicit TextEngine(const TextEngineConfig& config = TextEngineConfig{});
    ~TextEngine();
    TextEngine(const TextEngine&) = delete;
    TextEngine& operator=(const TextEngine&) = delete;

    // One error per missing or unreadable font file, code "font_missing" or
    // "font_unreadable", message naming the path and the package to install.
    const std::vector<base::Error>& font_errors() const;
    // Number of faces loaded (0 is possible: everything then draws as placeholders).
    int face_count() const;
    // Family name and style of a face, e.g. "Noto Sans Arabic Bold" (for tests and logs).
    std::string FaceName(uint16_t face) const;

    // Lays out utf8 (invalid UTF-8 is replaced by U+FFFD, never dropped silently).
    // wrap_width <= 0: no wrapping (one line per '\n'-separated paragraph).
    std::shared_ptr<const TextLayout> Layout(std::string_view utf8, const Style& style,
                                             float wrap_width = 0.0f);

    // Draws a layout with its top-left corner at (x, y). clip_rect (min x, min y, max x,
    // max y) is pushed onto the draw list when given; glyphs wholly outside it are skipped.
    void Draw(ImDrawList* draw_list, const TextLayout& layout, float x, float y,
              uint32_t color, const ImVec4* clip_rect = nullptr);

    // Characters of utf8 that no face has (after NFC), in order of first appearance.
    // For "every content character has a glyph" checks.
    std::vector<char32_t> MissingCodepoints(std::string_view utf8) const;

    Counters counters() const;
    MemoryStats memory() const;
    AtlasView atlas() const;
    // The texture ImGui draw commands reference (null before the first draw or CpuOnly).
    void* atlas_texture_id() const;

    // Drops cached layouts (for example after a font change); the atlas is kept.
    void ClearLayoutCache();

    struct Impl;

private:
    std::unique_ptr<Impl> impl_;
};

// Builds the ImGui font that ImGui's own widgets (input fields) use, with the FreeType
// builder, covering Basic Latin, Latin-1, Latin Extended-A, Cyrillic (Ukrainian і ї є ґ
// included), General Punctuation, and € №. Makes the atlas rasterise with FreeType
// (atlas->FontBuilderIO in ImGui 1.90, its font loader in 1.92). Call before the backend builds
// the font texture. Errors: "font_missing" naming path and package.
base::Result<ImFont*> BuildImGuiInputFont(ImFontAtlas* atlas, const FontSetConfig& fonts,
                                          float size_px, Weight weight = Weight::Regular);

// The codepoint ranges BuildImGuiInputFont declares (zero-terminated pairs, static storage).
const uint16_t* ImGuiInputGlyphRanges();

// ---------------------------------------------------------------------------------------
// The ImGui bridge: what screens call instead of ImGui::Text
// ---------------------------------------------------------------------------------------

// The engine the functions below use. Must be set before the first call.
void SetCurrentEngine(TextEngine* engine);
TextEngine* GetCurrentEngine();

// One line (no wrapping) at the ImGui cursor in the current window; advances the cursor
// like ImGui::Text (ImGui::ItemSize). Clipped to the window.
// Alignment: style.align is honoured within the rest of the content region, from the cursor
// to ImGui::GetContentRegionAvail().x. So a right-to-left label with Align::Start (the
// default) sits at the right edge, like an Arabic Paragraph, and Center/Right/End work too;
// such a label's item is as wide as that region (ImGui::SameLine after it starts past the
// right edge). A label that resolves to left alignment (left-to-right text with Start) is
// exactly as before: its item is its own width. A label wider than the region starts at
// the cursor and is clipped by the window, never wrapped.
void Label(std::string_view utf8, const Style& style);

// Label aligned within an explicit width from the cursor instead of the content region
// (a table column, a fixed slot in a row). Same rules as Label otherwise.
void LabelInWidth(std::string_view utf8, const Style& style, float width);

// Wrapped text at the ImGui cursor. wrap_width < 0: the available content width.
void Paragraph(std::string_view utf8, const Style& style, float wrap_width = -1.0f);

// Size of the text as Label (wrap_width <= 0) or Paragraph (wrap_width > 0) would draw it:
// the text's own extent (an aligned Label's item can be wider, see Label).
ImVec2 Measure(std::string_view utf8, const Style& style, float wrap_width = 0.0f);

// Draws into any draw list at pos (top-left), wrapping at wrap_width (<= 0: no wrapping).
void DrawText(ImDrawList* draw_list, ImVec2 pos, std::string_view utf8, const Style& style,
              float wrap_width = 0.0f, const ImVec4* clip_rect = nullptr);

// Draws text wrapped to the rectangle's width, aligned by style.align horizontally and
// valign vertically, clipped to the rectangle (buttons, cards, tiles).
void DrawInRect(ImDrawList* draw_list, ImVec2 min, ImVec2 max, std::string_view utf8,
                const Style& style, VAlign valign = VAlign::Top);

}  // namespace fonts

namespace text = fonts;
