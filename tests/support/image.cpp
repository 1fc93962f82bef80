#include "tests/support/image.h"

#include <png.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>

namespace test_support {

base::Result<Image> ReadPng(const std::string& path) {
    png_image png;
    std::memset(&png, 0, sizeof(png));
    png.version = PNG_IMAGE_VERSION;
    if (!png_image_begin_read_from_file(&png, path.c_str())) {
        return base::MakeError("png_read_failed", path + ": " + png.message);
    }
    png.format = PNG_FORMAT_RGBA;
    Image image(static_cast<int>(png.width), static_cast<int>(png.height));
    if (!png_image_finish_read(&png, nullptr, image.rgba.data(), 0, nullptr)) {
        std::string reason = png.message;
        png_image_free(&png);
        return base::MakeError("png_read_failed", path + ": " + reason);
    }
    return image;
}

base::Status WritePng(const std::string& path, const Image& image) {
    if (image.width <= 0 || image.height <= 0 ||
        image.rgba.size() != static_cast<std::size_t>(image.width) * image.height * 4) {
        return base::MakeError("png_write_failed", path + ": image has no pixels or a bad size");
    }
    png_image png;
    std::memset(&png, 0, sizeof(png));
    png.version = PNG_IMAGE_VERSION;
    png.width = static_cast<png_uint_32>(image.width);
    png.height = static_cast<png_uint_32>(image.height);
    png.format = PNG_FORMAT_RGBA;
    if (!png_image_write_to_file(&png, path.c_str(), 0, image.rgba.data(), 0, nullptr)) {
        return base::MakeError("png_write_failed", path + ": " + png.message);
    }
    return base::Ok();
}

Comparison CompareImages(const Image& actual, const Image& expected, const Tolerance& tolerance) {
    Comparison result;
    char line[256];
    if (actual.width != expected.width || actual.height != expected.height) {
        std::snprintf(line, sizeof(line), "size differs: actual %dx%d, expected %dx%d", actual.width, actual.height,
                      expected.width, expected.height);
        result.summary = line;
        return result;
    }
    result.max_channel_delta = 0;
    const std::size_t pixels = static_cast<std::size_t>(actual.width) * actual.height;
    for (std::size_t i = 0; i < pixels; ++i) {
        int delta = 0;
        for (int c = 0; c < 4; ++c) delta = std::max(delta, std::abs(actual.rgba[i * 4 + c] - expected.rgba[i * 4 + c]));
        result.max_channel_delta = std::max(result.max_channel_delta, delta);
        if (delta > tolerance.channel_threshold) ++result.differing_pixels;
    }
    result.differing_fraction = pixels ? static_cast<double>(result.differing_pixels) / pixels : 0.0;
    result.matches = result.differing_fraction <= tolerance.max_differing_fraction;
    std::snprintf(line, sizeof(line), "%zu of %zu pixels differ (%.3f%%, allowed %.3f%%), max channel delta %d",
                  result.differing_pixels, pixels, result.differing_fraction * 100.0,
                  tolerance.max_differing_fraction * 100.0, result.max_channel_delta);
    result.summary = line;
    return result;
}

Image DiffImage(const Image& actual, const Image& expected, const Tolerance& tolerance) {
    const int w = std::min(actual.width, expected.width);
    const int h = std::min(actual.height, expected.height);
    Image diff(std::max(1, w), std::max(1, h));
    for (int y = 0; y < h; ++y) {
        for (int x = 0; x < w; ++x) {
            const uint8_t* a = actual.At(x, y);
            const uint8_t* e = expected.At(x, y);
            int delta = 0;
            for (int c = 0; c < 4; ++c) delta = std::max(delta, std::abs(a[c] - e[c]));
            uint8_t* d = diff.At(x, y);
            if (delta > tolerance.channel_threshold) {
                d[0] = 255, d[1] = 0, d[2] = 0, d[3] = 255;
            } else {
                for (int c = 0; c < 3; ++c) d[c] = static_cast<uint8_t>(e[c] / 4 + 160);
                d[3] = 255;
            }
        }
    }
    return diff;
}

base::Status MatchGolden(const Image& actual, const std::string& golden_path, const Tolerance& tolerance) {
    const char* update = std::getenv("KIOSK_UPDATE_GOLDEN");
    if (update != nullptr && std::strcmp(update, "0") != 0 && *update != '\0') {
        std::error_code ec;
        std::filesystem::create_directories(std::filesystem::path(golden_path).parent_path(), ec);
        return WritePng(golden_path, actual);
    }
    const std::filesystem::path golden(golden_path);
    const char* out_env = std::getenv("KIOSK_TEST_OUTPUT_DIR");
    const std::filesystem::path out_dir = out_env && *out_env ? std::filesystem::path(out_env)
                                                              : std::filesystem::current_path();
    const std::string stem = golden.stem().string();
    const std::string actual_path = (out_dir / (stem + ".actual.png")).string();

    auto expected = ReadPng(golden_path);
    if (!expected.ok()) {
        (void)WritePng(actual_path, actual);
        return base::MakeError("golden_missing", golden_path + " cannot be read (" + expected.error().message +
                                                     "); actual image written to " + actual_path +
                                                     "; run with KIOSK_UPDATE_GOLDEN=1 to create it");
    }
    const Comparison comparison = CompareImages(actual, *expected, tolerance);
    if (comparison.matches) return base::Ok();
    const std::string diff_path = (out_dir / (stem + ".diff.png")).string();
    (void)WritePng(actual_path, actual);
    (void)WritePng(diff_path, DiffImage(actual, *expected, tolerance));
    return base::MakeError("golden_mismatch", golden_path + ": " + comparison.summary + "; see " + actual_path +
                                                  " and " + diff_path);
}

Image Halve(const Image& full) {
    Image half(full.width / 2, full.height / 2);
    for (int y = 0; y < half.height; ++y) {
        for (int x = 0; x < half.width; ++x) {
            for (int ch = 0; ch < 4; ++ch) {
                int sum = full.At(2 * x, 2 * y)[ch] + full.At(2 * x + 1, 2 * y)[ch] + full.At(2 * x, 2 * y + 1)[ch] +
                          full.At(2 * x + 1, 2 * y + 1)[ch];
                half.At(x, y)[ch] = uint8_t((sum + 2) / 4);
            }
        }
    }
    return half;
}

}  // namespace test_support
