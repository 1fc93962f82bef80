// fonts/text_engine.cpp: TextEngine — owns the font set, layout builder, cache and atlas,
// and draws layouts into ImGui draw lists.
//
// Design note. Layout() is pure CPU (NFC, bidi, shaping, line breaking) and never touches
// the atlas; Draw() is the only place glyphs are rasterised, and only on an atlas miss.
// So a redraw of an unchanged screen costs one cache lookup per string and one atlas lookup
// per glyph: counters().shape_calls and rasterized_glyphs stay still (tests assert it).
// Frame boundaries are taken from ImGui's frame counter: the first Draw() of a new frame
// deletes atlas textures retired during the previous frame (see glyph_atlas.h).
#include <cmath>
#include <cstdint>
#include <unordered_set>

#include <unicode/uchar.h>
#include <unicode/utf16.h>

#include "imgui.h"
#include "fonts/font_set.h"
#include "fonts/glyph_atlas.h"
#include "fonts/layout_builder.h"
#include "fonts/layout_cache.h"
#include "fonts/text.h"
#include "fonts/unicode_text.h"

namespace fonts {
namespace {

// The atlas texture as ImGui names textures: a void* before ImGui 1.91.4, an ImU64 since. The
// explicit conversion compiles with both.
ImTextureID AtlasTextureForImGui(void* texture) { return (ImTextureID)(intptr_t)texture; }

}  // namespace

std::size_t TextLayout::MemoryBytes() const {
    return sizeof(TextLayout) + text.capacity() + glyphs.capacity() * sizeof(PlacedGlyph) +
           lines.capacity() * sizeof(LayoutLine);
}

struct TextEngine::Impl {
    explicit Impl(const TextEngineConfig& config)
        : fonts(config.fonts),
          builder(&fonts, &counters),
          atlas(&fonts, &counters,
                config.atlas_backend == AtlasBackend::OpenGL ? MakeGlAtlasTexture() : nullptr,
                config.atlas_initial_size, config.atlas_max_size),
          cache(config.layout_cache_bytes) {}

    Counters counters;
    FontSet fonts;
    LayoutBuilder builder;
    GlyphAtlas atlas;
    LayoutCache cache;
    int last_frame = -1;
};

TextEngine::TextEngine(const TextEngineConfig& config) : impl_(std::make_unique<Impl>(config)) {}
TextEngine::~TextEngine() = default;

const std::vector<base::Error>& TextEngine::font_errors() const { return impl_->fonts.errors(); }
int TextEngine::face_count() const { return impl_->fonts.face_count(); }
std::string TextEngine::FaceName(uint16_t face) const { return impl_->fonts.FaceName(face); }

std::shared_ptr<const TextLayout> TextEngine::Layout(std::string_view utf8, const Style& style,
                                                     float wrap_width) {
    const LayoutKeyView key = LayoutKeyView::From(utf8, style, wrap_width);
    if (auto hit = impl_->cache.Find(key)) {
        ++impl_->counters.layout_cache_hits;
        return hit;
    }
    const NormalizedText normalized = NormalizeToNfc(utf8);
    auto layout = std::make_shared<const TextLayout>(impl_->builder.Build(normalized, style, wrap_width));
    impl_->counters.layout_cache_evictions += impl_->cache.Insert(key, layout);
    return layout;
}

void TextEngine::Draw(ImDrawList* draw_list, const TextLayout& layout, float x, float y, uint32_t color,
                      const ImVec4* clip_rect) {
    Impl& m = *impl_;
    if (ImGui::GetCurrentContext() != nullptr) {
        const int frame = ImGui::GetFrameCount();
        if (frame != m.last_frame) {
            m.atlas.CollectRetired();
            m.last_frame = frame;
        }
    }
    if (layout.glyphs.empty()) return;
    if (clip_rect) draw_list->PushClipRect(ImVec2(clip_rect->x, clip_rect->y), ImVec2(clip_rect->z, clip_rect->w), true);
    const ImVec2 clip_min = draw_list->GetClipRectMin();
    const ImVec2 clip_max = draw_list->GetClipRectMax();

    ImTextureID texture = AtlasTextureForImGui(m.atlas.texture_id());
    uint64_t generation = m.atlas.generation();
    draw_list->PushTextureID(texture);
    const float size = std::max(layout.size_px, 1.0f);
    for (const PlacedGlyph& glyph : layout.glyphs) {
        const float gx = std::round(x + glyph.x);
        const float gy = std::round(y + glyph.y);
        // Cheap rejection before any atlas work: a glyph box is within one em of its pen.
        if (gx - size > clip_max.x || gx + glyph.advance + size < clip_min.x || gy - 2 * size > clip_max.y ||
            gy + size < clip_min.y) {
            continue;
        }
        const AtlasEntry entry = m.atlas.Get(glyph.face, glyph.glyph_id, size);
        if (glyph.face == PlacedGlyph::kPlaceholderFace) ++m.counters.placeholders_drawn;
        if (m.atlas.generation() != generation) {
            // The atlas grew or was reset mid-draw: later quads go to the new texture.
            texture = AtlasTextureForImGui(m.atlas.texture_id());
            generation = m.atlas.generation();
            draw_list->PopTextureID();
            draw_list->PushTextureID(texture);
        }
        if (entry.w == 0 || entry.h == 0) continue;
        const ImVec2 a(gx + entry.left, gy - entry.top);
        const ImVec2 b(a.x + entry.w, a.y + entry.h);
        if (b.x < clip_min.x || a.x > clip_max.x || b.y < clip_min.y || a.y > clip_max.y) continue;
        const float inv_w = 1.0f / static_cast<float>(m.atlas.width());
        const float inv_h = 1.0f / static_cast<float>(m.atlas.height());
        const ImVec2 uv_a(entry.x * inv_w, entry.y * inv_h);
        const ImVec2 uv_b((entry.x + entry.w) * inv_w, (entry.y + entry.h) * inv_h);
        draw_list->PrimReserve(6, 4);
        draw_list->PrimRectUV(a, b, uv_a, uv_b, color);
    }
    m.atlas.Flush();
    draw_list->PopTextureID();
    if (clip_rect) draw_list->PopClipRect();
}

std::vector<char32_t> TextEngine::MissingCodepoints(std::string_view utf8) const {
    const NormalizedText text = NormalizeToNfc(utf8);
    std::vector<char32_t> missing;
    std::unordered_set<char32_t> seen;
    const UChar* u = text.utf16.getBuffer();
    const int32_t n = text.utf16.length();
    for (int32_t i = 0; i < n;) {
        UChar32 c;
        U16_NEXT(u, i, n, c);
        if (c == '\n' || c == '\r' || c == '\t' || u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT)) continue;
        if (impl_->fonts.FindFace(static_cast<char32_t>(c), Weight::Regular) >= 0) continue;
        if (seen.insert(static_cast<char32_t>(c)).second) missing.push_back(static_cast<char32_t>(c));
    }
    return missing;
}

Counters TextEngine::counters() const { return impl_->counters; }

MemoryStats TextEngine::memory() const {
    MemoryStats stats;
    stats.atlas_width = impl_->atlas.width();
    stats.atlas_height = impl_->atlas.height();
    stats.atlas_texture_bytes = static_cast<std::size_t>(stats.atlas_width) * stats.atlas_height;
    stats.atlas_glyphs = impl_->atlas.glyph_count();
    stats.atlas_fill = impl_->atlas.fill();
    stats.layout_cache_bytes = impl_->cache.bytes();
    stats.layout_cache_entries = impl_->cache.size();
    return stats;
}

AtlasView TextEngine::atlas() const {
    return AtlasView{impl_->atlas.width(), impl_->atlas.height(), impl_->atlas.pixels()};
}

void* TextEngine::atlas_texture_id() const { return impl_->atlas.texture_id(); }

void TextEngine::ClearLayoutCache() { impl_->cache.Clear(); }

}  // namespace fonts
