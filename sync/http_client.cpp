#include "sync/http_client.h"

#include <curl/curl.h>

#include <mutex>

namespace ksync {
namespace {

void EnsureCurlGlobal() {
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

struct Sink {
    std::string* body;
    size_t limit;
    bool overflow = false;
};

size_t WriteBody(char* data, size_t size, size_t count, void* user) {
    auto* sink = static_cast<Sink*>(user);
    size_t bytes = size * count;
    if (sink->body->size() + bytes > sink->limit) {
        sink->overflow = true;
        return 0;  // aborts the transfer
    }
    sink->body->append(data, bytes);
    return bytes;
}

}  // namespace

std::string UrlEncode(const std::string& text) {
    static const char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : text) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
            out.push_back((char)c);
        } else {
            out.push_back('%');
            out.push_back(kHex[c >> 4]);
            out.push_back(kHex[c & 15]);
        }
    }
    return out;
}

HttpClient::HttpClient(HttpOptions options) : options_(std::move(options)) {
    EnsureCurlGlobal();
    curl_ = curl_easy_init();
}

HttpClient::~HttpClient() {
    if (curl_) curl_easy_cleanup(static_cast<CURL*>(curl_));
}

base::Result<HttpResponse> HttpClient::Get(const std::string& path_and_query) { return Perform(path_and_query, nullptr); }

base::Result<HttpResponse> HttpClient::Post(const std::string& path, const std::string& json_body) {
    return Perform(path, &json_body);
}

base::Result<HttpResponse> HttpClient::Perform(const std::string& path, const std::string* body) {
    CURL* curl = static_cast<CURL*>(curl_);
    if (!curl) return base::MakeError("http_init_failed", "curl_easy_init failed");
    curl_easy_reset(curl);
    HttpResponse response;
    Sink sink{&response.body, options_.max_response_bytes};
    std::string url = options_.base_url + path;
    char error_text[CURL_ERROR_SIZE] = {0};
    curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error_text);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(curl, CURLOPT_ACCEPT_ENCODING, "gzip");
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, (long)options_.connect_timeout_s);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, (long)options_.total_timeout_s);
    curl_easy_setopt(curl, CURLOPT_LOW_SPEED_LIMIT, (long)options_.low_speed_bytes);
    curl_easy_setopt(curl, CURLOPT_LOW_SPEED_TIME, (long)options_.low_speed_time_s);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, WriteBody);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &sink);
    if (!options_.ca_file.empty()) curl_easy_setopt(curl, CURLOPT_CAINFO, options_.ca_file.c_str());
    curl_slist* headers = nullptr;
    std::string auth = "Authorization: Bearer " + options_.bearer_token;
    headers = curl_slist_append(headers, auth.c_str());
    if (body) {
        headers = curl_slist_append(headers, "Content-Type: application/json");
        curl_easy_setopt(curl, CURLOPT_POST, 1L);
        curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body->data());
        curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)body->size());
    }
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
    CURLcode rc = curl_easy_perform(curl);
    curl_slist_free_all(headers);
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, nullptr);

    curl_off_t down = 0, up = 0;
    long header_bytes = 0, request_bytes = 0;
    curl_easy_getinfo(curl, CURLINFO_SIZE_DOWNLOAD_T, &down);
    curl_easy_getinfo(curl, CURLINFO_SIZE_UPLOAD_T, &up);
    curl_easy_getinfo(curl, CURLINFO_HEADER_SIZE, &header_bytes);
    curl_easy_getinfo(curl, CURLINFO_REQUEST_SIZE, &request_bytes);
    response.wire_bytes = (int64_t)down + (int64_t)up + header_bytes + request_bytes;

    if (rc != CURLE_OK) {
        if (sink.overflow) {
            return base::MakeError("http_response_too_large", "response from " + url + " exceeds " +
                                                                  std::to_string(options_.max_response_bytes) + " bytes");
        }
        std::string what = error_text[0] ? error_text : curl_easy_strerror(rc);
        const char* code = "http_transport";
        if (rc == CURLE_OPERATION_TIMEDOUT) code = "http_timeout";
        else if (rc == CURLE_COULDNT_CONNECT || rc == CURLE_COULDNT_RESOLVE_HOST) code = "http_unreachable";
        else if (rc == CURLE_PARTIAL_FILE || rc == CURLE_RECV_ERROR || rc == CURLE_GOT_NOTHING) code = "http_truncated";
        else if (rc == CURLE_PEER_FAILED_VERIFICATION || rc == CURLE_SSL_CONNECT_ERROR || rc == CURLE_SSL_CACERT_BADFILE) code = "http_tls";
        return base::MakeError(code, url + ": " + what);
    }
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &response.status);
    return response;
}

}  // namespace ksync
