// tests/support: PNG round trip, tolerant comparison and the golden workflow.
#include <catch2/catch_test_macros.hpp>

#include <cstdlib>
#include <filesystem>

#include "tests/support/image.h"

namespace {
test_support::Image Gradient(int w, int h) {
    test_support::Image image(w, h);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            uint8_t* p = image.At(x, y);
            p[0] = static_cast<uint8_t>(x * 4), p[1] = static_cast<uint8_t>(y * 4), p[2] = 100, p[3] = 255;
        }
    return image;
}
}  // namespace

TEST_CASE("PNG images survive a write and read", "[support]") {
    const auto dir = std::filesystem::temp_directory_path() / "kiosk_support_test";
    std::filesystem::create_directories(dir);
    const auto image = Gradient(40, 30);
    REQUIRE(test_support::WritePng((dir / "g.png").string(), image).ok());
    auto read = test_support::ReadPng((dir / "g.png").string());
    REQUIRE(read.ok());
    CHECK(read->width == 40);
    CHECK(read->height == 30);
    CHECK(read->rgba == image.rgba);

    auto missing = test_support::ReadPng((dir / "none.png").string());
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().code == "png_read_failed");
    CHECK(missing.error().message.find("none.png") != std::string::npos);
    CHECK_FALSE(test_support::WritePng((dir / "empty.png").string(), test_support::Image()).ok());
}

TEST_CASE("image comparison honours the threshold and the fraction", "[support]") {
    const auto expected = Gradient(100, 100);
    auto actual = expected;
    test_support::Tolerance tolerance{.channel_threshold = 10, .max_differing_fraction = 0.01};
    CHECK(test_support::CompareImages(actual, expected, tolerance).matches);
    // Small deltas everywhere: below the threshold.
    for (auto& v : actual.rgba) v = static_cast<uint8_t>(std::min(255, v + 5));
    auto small = test_support::CompareImages(actual, expected, tolerance);
    CHECK(small.matches);
    CHECK(small.max_channel_delta == 5);
    // 50 pixels (0.5%) badly wrong: allowed; 200 (2%): not.
    for (int i = 0; i < 50; ++i) actual.At(i, 0)[0] = static_cast<uint8_t>(expected.At(i, 0)[0] ^ 0x80);
    CHECK(test_support::CompareImages(actual, expected, tolerance).matches);
    for (int i = 0; i < 100; ++i) actual.At(i, 1)[1] = static_cast<uint8_t>(expected.At(i, 1)[1] ^ 0x80);
    for (int i = 0; i < 50; ++i) actual.At(i, 2)[1] = static_cast<uint8_t>(expected.At(i, 2)[1] ^ 0x80);
    auto bad = test_support::CompareImages(actual, expected, tolerance);
    CHECK_FALSE(bad.matches);
    CHECK(bad.differing_pixels == 200);
    CHECK_FALSE(test_support::CompareImages(Gradient(10, 10), expected, tolerance).matches);
}

TEST_CASE("golden mismatches leave the actual and diff images", "[support]") {
    const auto dir = std::filesystem::temp_directory_path() / "kiosk_support_golden";
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    setenv("KIOSK_TEST_OUTPUT_DIR", dir.c_str(), 1);
    unsetenv("KIOSK_UPDATE_GOLDEN");
    const auto golden = (dir / "golden" / "g.png").string();
    auto absent = test_support::MatchGolden(Gradient(20, 20), golden, {});
    REQUIRE_FALSE(absent.ok());
    CHECK(absent.error().code == "golden_missing");
    setenv("KIOSK_UPDATE_GOLDEN", "1", 1);
    REQUIRE(test_support::MatchGolden(Gradient(20, 20), golden, {}).ok());
    unsetenv("KIOSK_UPDATE_GOLDEN");
    CHECK(test_support::MatchGolden(Gradient(20, 20), golden, {}).ok());
    auto other = Gradient(20, 20);
    for (auto& v : other.rgba) v = static_cast<uint8_t>(255 - v);
    auto mismatch = test_support::MatchGolden(other, golden, {});
    REQUIRE_FALSE(mismatch.ok());
    CHECK(mismatch.error().code == "golden_mismatch");
    CHECK(std::filesystem::exists(dir / "g.actual.png"));
    CHECK(std::filesystem::exists(dir / "g.diff.png"));
    unsetenv("KIOSK_TEST_OUTPUT_DIR");
}
