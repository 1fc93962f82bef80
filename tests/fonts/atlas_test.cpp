// The glyph atlas: packing, growth, reset, and retiring replaced textures safely.
#include <catch2/catch_test_macros.hpp>

#include <set>

#include "fonts/font_set.h"
#include "fonts/glyph_atlas.h"
#include "tests/fonts/test_helpers.h"

namespace {

// Records what the atlas asks of the GPU.
struct FakeTexture final : fonts::AtlasTexture {
    struct Log {
        int next_id = 1;
        std::set<intptr_t> live;
        std::vector<intptr_t> destroyed;
        int updates = 0;
    };
    explicit FakeTexture(Log* log) : log(log) {}
    void* Create(int, int, const uint8_t*) override {
        const intptr_t id = log->next_id++;
        log->live.insert(id);
        return reinterpret_cast<void*>(id);
    }
    void Update(void* texture, int, int, int, int, int, const uint8_t*) override {
        REQUIRE(log->live.count(reinterpret_cast<intptr_t>(texture)) == 1);
        ++log->updates;
    }
    void Destroy(void* texture) override {
        log->live.erase(reinterpret_cast<intptr_t>(texture));
        log->destroyed.push_back(reinterpret_cast<intptr_t>(texture));
    }
    Log* log;
};

}  // namespace

TEST_CASE("atlas entries are rasterised once and keep their place", "[fonts][atlas]") {
    fonts::FontSet fonts{fonts::FontSetConfig{}};
    fonts::Counters counters;
    fonts::GlyphAtlas atlas(&fonts, &counters, nullptr, 128, 1024);
    const uint32_t a = fonts_test::LookUpGlyph(fonts_test::kNotoRegular, U'A').glyph_id;
    const fonts::AtlasEntry first = atlas.Get(0, a, 24.0f);
    CHECK(first.w > 5);
    CHECK(first.h > 10);
    CHECK(first.top >= first.h - 1);  // 'A' sits on the baseline
    CHECK(counters.rasterized_glyphs == 1);
    const fonts::AtlasEntry again = atlas.Get(0, a, 24.0f);
    CHECK(counters.rasterized_glyphs == 1);
    CHECK((again.x == first.x && again.y == first.y));
    // Another size is another entry.
    atlas.Get(0, a, 36.0f);
    CHECK(counters.rasterized_glyphs == 2);
    // A space has no bitmap but is cached all the same.
    const uint32_t space = fonts_test::LookUpGlyph(fonts_test::kNotoRegular, U' ').glyph_id;
    CHECK(atlas.Get(0, space, 24.0f).w == 0);
    atlas.Get(0, space, 24.0f);
    CHECK(counters.rasterized_glyphs == 3);
    // The pixels under the entry hold the glyph's ink.
    int ink = 0;
    for (int y = first.y; y < first.y + first.h; ++y)
        for (int x = first.x; x < first.x + first.w; ++x) ink += atlas.pixels()[y * atlas.width() + x] > 0;
    CHECK(ink > first.w * first.h / 5);
}

TEST_CASE("the atlas grows on demand and retires the old texture until the next frame", "[fonts][atlas]") {
    fonts::FontSet fonts{fonts::FontSetConfig{}};
    fonts::Counters counters;
    FakeTexture::Log log;
    fonts::GlyphAtlas atlas(&fonts, &counters, std::make_unique<FakeTexture>(&log), 64, 512);
    void* texture = atlas.texture_id();
    REQUIRE(texture != nullptr);
    const uint64_t generation = atlas.generation();
    // Cyrillic capitals at a large size: more than a 64×64 atlas holds.
    for (char32_t c = 0x0410; c < 0x0430; ++c) {
        atlas.Get(0, fonts_test::LookUpGlyph(fonts_test::kNotoRegular, c).glyph_id, 40.0f);
    }
    CHECK(counters.atlas_grows >= 2);
    CHECK(atlas.width() * atlas.height() > 64 * 64);
    CHECK(atlas.generation() != generation);
    CHECK(counters.atlas_resets == 0);
    // The replaced texture is still alive: this frame's draw commands may use it.
    CHECK(log.live.count(reinterpret_cast<intptr_t>(texture)) == 1);
    void* grown = atlas.texture_id();
    CHECK(grown != texture);
    atlas.CollectRetired();
    CHECK(log.live.count(reinterpret_cast<intptr_t>(texture)) == 0);
    CHECK(log.live.count(reinterpret_cast<intptr_t>(grown)) == 1);
    CHECK(atlas.glyph_count() == 32);
}

TEST_CASE("a full atlas at its maximum size starts afresh", "[fonts][atlas]") {
    fonts::FontSet fonts{fonts::FontSetConfig{}};
    fonts::Counters counters;
    fonts::GlyphAtlas atlas(&fonts, &counters, nullptr, 64, 128);
    for (char32_t c = 0x0410; c < 0x0450; ++c) {
        const fonts::AtlasEntry e = atlas.Get(0, fonts_test::LookUpGlyph(fonts_test::kNotoRegular, c).glyph_id, 48.0f);
        CHECK(e.w > 0);  // every glyph still gets a place
        CHECK(e.x + e.w <= atlas.width());
        CHECK(e.y + e.h <= atlas.height());
    }
    CHECK(atlas.width() == 128);
    CHECK(atlas.height() == 128);
    CHECK(counters.atlas_resets >= 1);
    CHECK(atlas.glyph_count() < 64);
}
