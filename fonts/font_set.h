// fonts/font_set.h: the loaded faces (FreeType for rasterising, HarfBuzz for shaping)
// and the fallback chain that picks a face for each character.
//
// Design note. Faces are loaded once, at construction; a file that is missing or unreadable
// adds an Error (naming the path and the Debian package) and is skipped, so the set may hold
// anywhere from zero to 2 × families faces. Face indices are stable for the set's lifetime.
// Each family contributes a regular and a bold face; a family whose bold file is missing
// uses its regular face for bold. HarfBuzz fonts are created per (face, size) on first use
// and kept (a UI uses a handful of sizes). Invariant: every hb font's scale is size × 64,
// so HarfBuzz positions come out in 26.6 pixels.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include <ft2build.h>
#include FT_FREETYPE_H
#include <hb.h>

#include "base/result.h"
#include "fonts/text.h"

namespace fonts {

// Vertical metrics of the primary face at one size, in pixels (descender negative).
struct LineMetrics {
    float ascender = 0.0f;
    float descender = 0.0f;
    float line_gap = 0.0f;
    float Natural() const { return ascender - descender + line_gap; }
};

// A rendered glyph bitmap (8-bit coverage) and where it sits relative to the pen.
struct GlyphBitmap {
    int width = 0;
    int height = 0;
    int left = 0;                     // from the pen x to the bitmap's left edge
    int top = 0;                      // from the baseline up to the bitmap's top edge
    std::vector<uint8_t> pixels;      // width × height
};

class FontSet {
public:
    explicit FontSet(const FontSetConfig& config);
    ~FontSet();
    FontSet(const FontSet&) = delete;
    FontSet& operator=(const FontSet&) = delete;

    const std::vector<base::Error>& errors() const { return errors_; }
    int face_count() const { return static_cast<int>(faces_.size()); }
    std::string FaceName(uint16_t face) const;

    bool HasGlyph(uint16_t face, char32_t codepoint) const;
    // The first face of the chain for `weight` that has the codepoint, or -1.
    int FindFace(char32_t codepoint, Weight weight) const;
    // Faces in fallback order for a weight (bold faces fall back to regular files).
    const std::vector<uint16_t>& Chain(Weight weight) const {
        return weight == Weight::Bold ? bold_chain_ : regular_chain_;
    }

    hb_font_t* HbFont(uint16_t face, float size_px);
    LineMetrics Metrics(Weight weight, float size_px);
    // FreeType render by glyph index at size_px. False if FreeType failed.
    bool Render(uint16_t face, uint32_t glyph_id, float size_px, GlyphBitmap* out);

private:
    struct Face {
        std::string path;
        FT_Face ft = nullptr;
        hb_face_t* hb = nullptr;
        int32_t ft_size_26_6 = 0;     // size FT_Set_Char_Size was last called with
    };

    int LoadFace(const std::string& path, const std::string& package);
    bool SetFtSize(Face& face, float size_px);

    FT_Library library_ = nullptr;
    std::vector<Face> faces_;
    std::vector<uint16_t> regular_chain_;
    std::vector<uint16_t> bold_chain_;
    std::vector<base::Error> errors_;
    std::map<std::pair<uint16_t, int32_t>, hb_font_t*> hb_fonts_;
};

// Size key shared by the atlas and the hb font cache: 1/64 px resolution.
inline int32_t SizeKey(float size_px) { return static_cast<int32_t>(size_px * 64.0f + 0.5f); }

}  // namespace fonts
