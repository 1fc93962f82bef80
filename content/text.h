// content/text.h: text hygiene at the boundary (ICU).
#pragma once

#include <string>
#include <string_view>

#include "base/result.h"

namespace content {

// Returns `text` in Unicode NFC. Error "text_invalid_utf8" for malformed UTF-8.
base::Result<std::string> NormalizeNfc(std::string_view text);
bool IsNfc(std::string_view text);

// A new random (version 4) UUID in canonical lower-case form.
std::string NewUuid();

}  // namespace content
