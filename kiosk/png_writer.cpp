#include "kiosk/png_writer.h"

#include <png.h>

#include <cstring>

namespace kiosk {

base::Status WritePng(const std::string& path, int width, int height,
                      const std::vector<uint8_t>& rgba, bool bottom_up) {
    if (width <= 0 || height <= 0 || rgba.size() != (size_t)width * height * 4)
        return base::MakeError("png_write_failed", path + ": the pixel buffer does not match " +
                                                       std::to_string(width) + "x" + std::to_string(height));
    png_image image;
    std::memset(&image, 0, sizeof image);
    image.version = PNG_IMAGE_VERSION;
    image.width = (png_uint_32)width;
    image.height = (png_uint_32)height;
    image.format = PNG_FORMAT_RGBA;
    // A negative stride makes libpng read the rows bottom-up.
    png_int_32 stride = (png_int_32)(width * 4) * (bottom_up ? -1 : 1);
    if (!png_image_write_to_file(&image, path.c_str(), 0, rgba.data(), stride, nullptr)) {
        std::string why = image.message[0] ? image.message : "unknown error";
        png_image_free(&image);
        return base::MakeError("png_write_failed", path + ": " + why);
    }
    return base::Ok();
}

}  // namespace kiosk
