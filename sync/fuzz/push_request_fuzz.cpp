// Fuzzes the hub's push decoder (the body of POST /v1/push from any token holder).
#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include "sync/protocol.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string_view body(reinterpret_cast<const char*>(data), size);
    auto request = ksync::DecodePushRequest(body);
    if (request.ok()) {
        if (request->ops.size() > ksync::kMaxOpsPerPush) std::abort();
        auto again = ksync::DecodePushRequest(ksync::EncodePushRequest(*request));
        if (!again.ok() || again->ops.size() != request->ops.size()) std::abort();
    }
    (void)ksync::DecodePushResponse(body);
    return 0;
}
