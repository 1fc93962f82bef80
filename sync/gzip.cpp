#include "sync/gzip.h"

#include <zlib.h>

namespace ksync {

base::Result<std::string> GzipCompress(std::string_view data) {
    z_stream stream{};
    if (deflateInit2(&stream, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
        return base::MakeError("gzip_failed", "deflateInit2 failed");
    }
    std::string out(deflateBound(&stream, (uLong)data.size()) + 32, '\0');
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    stream.avail_in = (uInt)data.size();
    stream.next_out = reinterpret_cast<Bytef*>(out.data());
    stream.avail_out = (uInt)out.size();
    int rc = deflate(&stream, Z_FINISH);
    size_t produced = stream.total_out;
    deflateEnd(&stream);
    if (rc != Z_STREAM_END) return base::MakeError("gzip_failed", "deflate did not finish");
    out.resize(produced);
    return out;
}

base::Result<std::string> GzipDecompress(std::string_view data, size_t max_output) {
    z_stream stream{};
    if (inflateInit2(&stream, 15 + 16) != Z_OK) return base::MakeError("gzip_corrupt", "inflateInit2 failed");
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    stream.avail_in = (uInt)data.size();
    std::string out;
    char buffer[65536];
    int rc = Z_OK;
    while (rc != Z_STREAM_END) {
        stream.next_out = reinterpret_cast<Bytef*>(buffer);
        stream.avail_out = sizeof(buffer);
        rc = inflate(&stream, Z_NO_FLUSH);
        if (rc != Z_OK && rc != Z_STREAM_END) {
            inflateEnd(&stream);
            return base::MakeError("gzip_corrupt", "compressed data is corrupt or truncated");
        }
        size_t produced = sizeof(buffer) - stream.avail_out;
        if (out.size() + produced > max_output) {
            inflateEnd(&stream);
            return base::MakeError("gzip_too_large", "decompressed data exceeds " + std::to_string(max_output) + " bytes");
        }
        out.append(buffer, produced);
        if (rc == Z_OK && produced == 0 && stream.avail_in == 0) {
            inflateEnd(&stream);
            return base::MakeError("gzip_corrupt", "compressed data is truncated");
        }
    }
    bool trailing = stream.avail_in != 0;
    inflateEnd(&stream);
    if (trailing) return base::MakeError("gzip_corrupt", "bytes after the end of the compressed data");
    return out;
}

}  // namespace ksync
