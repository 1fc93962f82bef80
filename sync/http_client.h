// sync/http_client.h: a small blocking HTTP client over libcurl, for the sync thread.
//
// Design note
// - One HttpClient owns one curl easy handle, so connections (and TLS sessions) are reused
//   between the pages of a pull and the push that follows. It is used by one thread.
// - Every transfer has a connect timeout, a total timeout and a low-speed cut-off: a hub that
//   answers too slowly is an error like any other, never a hang.
// - Responses are capped (max_response_bytes); gzip is requested and decoded by curl.
// - Transport failures come back as errors ("http_*"); any HTTP status is a response.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "base/result.h"

namespace ksync {

struct HttpOptions {
    std::string base_url;            // "https://hub.example:8443"
    std::string bearer_token;
    std::string ca_file;             // PEM bundle or pinned self-signed certificate; empty: system store
    int connect_timeout_s = 10;
    int total_timeout_s = 120;       // a whole page or push
    int low_speed_bytes = 64;        // below this many bytes/s ...
    int low_speed_time_s = 20;       // ... for this long: give up
    size_t max_response_bytes = 80u << 20;

    static HttpOptions For(std::string url, std::string token) {
        HttpOptions options;
        options.base_url = std::move(url);
        options.bearer_token = std::move(token);
        return options;
    }
};

struct HttpResponse {
    long status = 0;
    std::string body;                // decoded (gunzipped)
    int64_t wire_bytes = 0;          // request + response bytes as transferred (headers + body)
};

class HttpClient {
public:
    explicit HttpClient(HttpOptions options);
    ~HttpClient();
    HttpClient(const HttpClient&) = delete;
    HttpClient& operator=(const HttpClient&) = delete;

    base::Result<HttpResponse> Get(const std::string& path_and_query);
    base::Result<HttpResponse> Post(const std::string& path, const std::string& json_body);

    const HttpOptions& options() const { return options_; }

private:
    base::Result<HttpResponse> Perform(const std::string& path, const std::string* body);

    HttpOptions options_;
    void* curl_ = nullptr;
};

std::string UrlEncode(const std::string& text);

}  // namespace ksync
