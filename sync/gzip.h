// sync/gzip.h: gzip (RFC 1952) in memory, for bundle chunks. Decompression is capped so a
// small malicious chunk cannot expand into gigabytes.
#pragma once

#include <string>
#include <string_view>

#include "base/result.h"

namespace ksync {

base::Result<std::string> GzipCompress(std::string_view data);
// Errors: gzip_corrupt, gzip_too_large.
base::Result<std::string> GzipDecompress(std::string_view data, size_t max_output);

}  // namespace ksync
