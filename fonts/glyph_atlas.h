// fonts/glyph_atlas.h: glyph bitmaps packed into one single-channel texture, on demand.
//
// Design note. Glyphs are keyed by (face, glyph index, size) — never by codepoint, so
// shaped Arabic forms and ligatures are atlas entries like any letter. A miss rasterises
// with FreeType and packs the bitmap on a shelf (rows of similar height). The CPU copy is
// the source of truth; a dirty rectangle collects new pixels and Flush() uploads it.
//
// Growth: when no shelf has room the atlas doubles (width, then height, alternately) up
// to max_size; pixels keep their coordinates, so only UVs (computed at draw time from the
// current size) change. A GPU texture cannot grow in place, so a new texture is created and
// the old one is *retired*, not deleted: draw commands already recorded this frame still
// reference it with valid UVs. Retired textures are deleted by CollectRetired() at the
// start of the next frame. When the atlas is full at max_size it starts afresh the same
// way (all entries dropped, counters().atlas_resets incremented); layouts hold glyph keys,
// not atlas slots, so nothing else needs invalidating.
//
// State: texture_ == null until the first texture_id() (lazy: needs a current GL context).
#pragma once

#include <cstdint>
#include <memory>
#include <unordered_map>
#include <vector>

#include "fonts/font_set.h"
#include "fonts/text.h"

namespace fonts {

// Where the atlas pixels live on the GPU. The OpenGL implementation is in
// gl_atlas_texture.cpp; a null backend keeps the atlas in memory only.
class AtlasTexture {
public:
    virtual ~AtlasTexture() = default;
    // Creates a width × height single-channel texture holding pixels (row stride = width).
    virtual void* Create(int width, int height, const uint8_t* pixels) = 0;
    // Uploads the rectangle (x, y, w, h) of the atlas; pixels is the atlas origin.
    virtual void Update(void* texture, int atlas_width, int x, int y, int w, int h, const uint8_t* pixels) = 0;
    virtual void Destroy(void* texture) = 0;
};

std::unique_ptr<AtlasTexture> MakeGlAtlasTexture();

struct AtlasEntry {
    uint16_t x = 0, y = 0, w = 0, h = 0;   // pixels in the atlas; w or h 0: nothing to draw
    int16_t left = 0;                      // bitmap offset from the pen x
    int16_t top = 0;                       // bitmap top above the baseline
};

class GlyphAtlas {
public:
    GlyphAtlas(FontSet* fonts, Counters* counters, std::unique_ptr<AtlasTexture> texture,
               int initial_size, int max_size);
    ~GlyphAtlas();
    GlyphAtlas(const GlyphAtlas&) = delete;
    GlyphAtlas& operator=(const GlyphAtlas&) = delete;

    // The entry for a glyph, rasterising it on a miss. face == PlacedGlyph::kPlaceholderFace
    // gives the placeholder box for that size (glyph_id is ignored).
    const AtlasEntry& Get(uint16_t face, uint32_t glyph_id, float size_px);

    // Creates the texture if needed, uploads pending pixels, returns the ImTextureID.
    void* texture_id();
    void Flush();
    void CollectRetired();
    // A value that changes whenever the texture is replaced (growth or reset).
    uint64_t generation() const { return generation_; }

    int width() const { return width_; }
    int height() const { return height_; }
    const uint8_t* pixels() const { return pixels_.data(); }
    std::size_t glyph_count() const { return entries_.size(); }
    float fill() const;

private:
    struct Key {
        uint16_t face;
        uint32_t glyph;
        int32_t size;
        bool operator==(const Key& o) const { return face == o.face && glyph == o.glyph && size == o.size; }
    };
    struct KeyHash {
        std::size_t operator()(const Key& k) const {
            return (static_cast<std::size_t>(k.glyph) * 0x9E3779B97F4A7C15ull) ^
                   (static_cast<std::size_t>(k.size) << 20) ^ k.face;
        }
    };
    struct Shelf {
        int y = 0;
        int height = 0;
        int x = 0;
    };

    bool Place(int w, int h, int* x, int* y);
    bool Grow();
    void Reset();
    void ReplaceTexture();
    void MarkDirty(int x, int y, int w, int h);
    void RenderPlaceholder(float size_px, GlyphBitmap* out) const;

    FontSet* fonts_;
    Counters* counters_;
    std::unique_ptr<AtlasTexture> backend_;
    int width_;
    int height_;
    int max_size_;
    std::vector<uint8_t> pixels_;
    std::vector<Shelf> shelves_;
    std::unordered_map<Key, AtlasEntry, KeyHash> entries_;
    std::size_t used_area_ = 0;
    void* texture_ = nullptr;
    std::vector<void*> retired_;
    uint64_t generation_ = 0;
    int dirty_x0_ = 0, dirty_y0_ = 0, dirty_x1_ = 0, dirty_y1_ = 0;  // empty when x1 <= x0
    GlyphBitmap scratch_;
};

}  // namespace fonts
