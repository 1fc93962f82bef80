// tests/support/image.h: RGBA images, PNG read/write, and comparison with a tolerance.
//
// Part of kiosk_test_support, the helpers UI and text tests share (see offscreen.h for
// rendering ImGui frames without a display). Typical golden test:
//
//   test_support::Image frame = renderer->EndFrame();
//   base::Status s = test_support::MatchGolden(frame, KIOSK_SOURCE_DIR "/tests/ui/golden/x.png",
//                                              test_support::Tolerance{});
//   INFO(s.ok() ? "" : s.error().message);
//   REQUIRE(s.ok());
//
// Golden workflow: with the environment variable KIOSK_UPDATE_GOLDEN=1, MatchGolden writes
// the actual image over the golden file and succeeds (review the PNG, then commit it). A
// mismatch writes <name>.actual.png and <name>.diff.png (differing pixels red) to the
// directory in KIOSK_TEST_OUTPUT_DIR, or the working directory, and names them in the error.
//
// Comparison: a pixel differs when any channel differs by more than channel_threshold;
// images match when the fraction of differing pixels is at most max_differing_fraction.
// Images of different sizes never match.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "base/result.h"

namespace test_support {

struct Image {
    int width = 0;
    int height = 0;
    std::vector<uint8_t> rgba;  // row-major, top row first, 4 bytes per pixel

    Image() = default;
    Image(int w, int h) : width(w), height(h), rgba(static_cast<std::size_t>(w) * h * 4, 0) {}
    uint8_t* At(int x, int y) { return &rgba[(static_cast<std::size_t>(y) * width + x) * 4]; }
    const uint8_t* At(int x, int y) const { return &rgba[(static_cast<std::size_t>(y) * width + x) * 4]; }
};

// Errors: "png_read_failed" / "png_write_failed" naming the path and libpng's reason.
// Half the size, each pixel the mean of a 2x2 block: goldens compare layout, not anti-aliasing.
Image Halve(const Image& full);

base::Result<Image> ReadPng(const std::string& path);
base::Status WritePng(const std::string& path, const Image& image);

struct Tolerance {
    int channel_threshold = 40;            // 0..255 per channel
    double max_differing_fraction = 0.004; // 0.4% of the pixels
};

struct Comparison {
    bool matches = false;
    std::size_t differing_pixels = 0;
    double differing_fraction = 1.0;
    int max_channel_delta = 255;
    std::string summary;                   // one line for test output
};

Comparison CompareImages(const Image& actual, const Image& expected, const Tolerance& tolerance);

// Red where the images differ beyond the threshold, a faded copy of expected elsewhere.
Image DiffImage(const Image& actual, const Image& expected, const Tolerance& tolerance);

// See the header comment. Errors: "golden_missing" (with how to create it), "golden_mismatch".
base::Status MatchGolden(const Image& actual, const std::string& golden_path, const Tolerance& tolerance);

}  // namespace test_support
