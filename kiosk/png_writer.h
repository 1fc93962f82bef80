// kiosk/png_writer.h: screenshots to PNG (libpng's simplified API).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/result.h"

namespace kiosk {

// rgba: width*height*4 bytes. bottom_up: rows as glReadPixels returns them (first row is the
// bottom of the image). Error "png_write_failed" naming the path.
base::Status WritePng(const std::string& path, int width, int height,
                      const std::vector<uint8_t>& rgba, bool bottom_up);

}  // namespace kiosk
