#include "fonts/font_set.h"

#include <sys/stat.h>

#include <cmath>
#include <cstring>

#include "base/log.h"

namespace fonts {

std::vector<FontFamilyConfig> FontSetConfig::DebianDefaults() {
    const std::string noto = "/usr/share/fonts/truetype/noto/";
    const std::string dejavu = "/usr/share/fonts/truetype/dejavu/";
    return {
        {noto + "NotoSans-Regular.ttf", noto + "NotoSans-Bold.ttf", "fonts-noto-core"},
        {noto + "NotoSansArabic-Regular.ttf", noto + "NotoSansArabic-Bold.ttf", "fonts-noto-core"},
        {dejavu + "DejaVuSans.ttf", dejavu + "DejaVuSans-Bold.ttf", "fonts-dejavu-core"},
    };
}

FontSet::FontSet(const FontSetConfig& config) {
    if (FT_Init_FreeType(&library_) != 0) {
        library_ = nullptr;
        errors_.push_back(base::MakeError("freetype_init_failed", "FreeType could not start"));
        base::LogError("freetype_init_failed");
        return;
    }
    for (const FontFamilyConfig& family : config.families) {
        const int regular = family.regular_path.empty() ? -1 : LoadFace(family.regular_path, family.debian_package);
        int bold = family.bold_path.empty() ? -1 : LoadFace(family.bold_path, family.debian_package);
        if (bold < 0) bold = regular;
        if (regular >= 0) regular_chain_.push_back(static_cast<uint16_t>(regular));
        // A family without its regular face still serves bold text, and regular text
        // falls back to its bold face rather than to a placeholder.
        if (regular < 0 && bold >= 0) regular_chain_.push_back(static_cast<uint16_t>(bold));
        if (bold >= 0) bold_chain_.push_back(static_cast<uint16_t>(bold));
    }
}

FontSet::~FontSet() {
    for (auto& [key, font] : hb_fonts_) hb_font_destroy(font);
    for (Face& face : faces_) {
        if (face.hb) hb_face_destroy(face.hb);
        if (face.ft) FT_Done_Face(face.ft);
    }
    if (library_) FT_Done_FreeType(library_);
}

int FontSet::LoadFace(const std::string& path, const std::string& package) {
    for (size_t i = 0; i < faces_.size(); ++i) {
        if (faces_[i].path == path) return static_cast<int>(i);
    }
    struct stat st;
    if (stat(path.c_str(), &st) != 0) {
        std::string message = "font file " + path + " is missing; install the Debian package " +
                              (package.empty() ? std::string("that ships it") : package) +
                              " (apt-get install " + package + ")";
        base::LogError("font_missing", "path=" + path + " package=" + package);
        errors_.push_back(base::MakeError("font_missing", message));
        return -1;
    }
    Face face;
    face.path = path;
    if (FT_New_Face(library_, path.c_str(), 0, &face.ft) != 0) {
        base::LogError("font_unreadable", "path=" + path);
        errors_.push_back(base::MakeError(
            "font_unreadable", "font file " + path + " is not a font FreeType can read; reinstall " +
                                   (package.empty() ? std::string("its package") : package)));
        return -1;
    }
    hb_blob_t* blob = hb_blob_create_from_file_or_fail(path.c_str());
    if (blob == nullptr) {
        FT_Done_Face(face.ft);
        errors_.push_back(base::MakeError("font_unreadable", "font file " + path + " could not be read"));
        return -1;
    }
    face.hb = hb_face_create(blob, 0);
    hb_blob_destroy(blob);
    faces_.push_back(face);
    return static_cast<int>(faces_.size() - 1);
}

std::string FontSet::FaceName(uint16_t face) const {
    if (face >= faces_.size()) return "placeholder";
    const FT_Face ft = faces_[face].ft;
    std::string name = ft->family_name ? ft->family_name : "?";
    if (ft->style_name && std::strcmp(ft->style_name, "Regular") != 0 && std::strcmp(ft->style_name, "Book") != 0) {
        name += " ";
        name += ft->style_name;
    }
    return name;
}

bool FontSet::HasGlyph(uint16_t face, char32_t codepoint) const {
    if (face >= faces_.size()) return false;
    return FT_Get_Char_Index(faces_[face].ft, codepoint) != 0;
}

int FontSet::FindFace(char32_t codepoint, Weight weight) const {
    for (uint16_t face : Chain(weight)) {
        if (HasGlyph(face, codepoint)) return face;
    }
    return -1;
}

hb_font_t* FontSet::HbFont(uint16_t face, float size_px) {
    const auto key = std::make_pair(face, SizeKey(size_px));
    auto it = hb_fonts_.find(key);
    if (it != hb_fonts_.end()) return it->second;
    hb_font_t* font = hb_font_create(faces_[face].hb);  // OpenType font functions
    hb_font_set_scale(font, key.second, key.second);
    hb_fonts_.emplace(key, font);
    return font;
}

LineMetrics FontSet::Metrics(Weight weight, float size_px) {
    LineMetrics m;
    const auto& chain = Chain(weight);
    if (chain.empty()) {
        // No font at all: keep lines a sensible height so placeholders still lay out.
        m.ascender = 0.9f * size_px;
        m.descender = -0.3f * size_px;
        return m;
    }
    hb_font_extents_t extents;
    hb_font_get_h_extents(HbFont(chain.front(), size_px), &extents);
    m.ascender = extents.ascender / 64.0f;
    m.descender = extents.descender / 64.0f;
    m.line_gap = extents.line_gap / 64.0f;
    return m;
}

bool FontSet::SetFtSize(Face& face, float size_px) {
    const int32_t size = SizeKey(size_px);
    if (face.ft_size_26_6 == size) return true;
    if (FT_Set_Char_Size(face.ft, 0, size, 72, 72) != 0) return false;  // 72 dpi: points = pixels
    face.ft_size_26_6 = size;
    return true;
}

bool FontSet::Render(uint16_t face_index, uint32_t glyph_id, float size_px, GlyphBitmap* out) {
    if (face_index >= faces_.size()) return false;
    Face& face = faces_[face_index];
    if (!SetFtSize(face, size_px)) return false;
    // Light hinting snaps only vertically, so HarfBuzz's unhinted advances stay right.
    if (FT_Load_Glyph(face.ft, glyph_id, FT_LOAD_TARGET_LIGHT) != 0) return false;
    if (FT_Render_Glyph(face.ft->glyph, FT_RENDER_MODE_LIGHT) != 0) return false;
    const FT_GlyphSlot slot = face.ft->glyph;
    const FT_Bitmap& bitmap = slot->bitmap;
    out->width = static_cast<int>(bitmap.width);
    out->height = static_cast<int>(bitmap.rows);
    out->left = slot->bitmap_left;
    out->top = slot->bitmap_top;
    out->pixels.assign(static_cast<size_t>(out->width) * out->height, 0);
    if (bitmap.pixel_mode != FT_PIXEL_MODE_GRAY) return out->width == 0 || out->height == 0;
    for (int row = 0; row < out->height; ++row) {
        const int pitch = bitmap.pitch;
        const uint8_t* src = pitch >= 0 ? bitmap.buffer + row * pitch
                                        : bitmap.buffer + (out->height - 1 - row) * -pitch;
        std::memcpy(&out->pixels[static_cast<size_t>(row) * out->width], src, out->width);
    }
    return true;
}

}  // namespace fonts
