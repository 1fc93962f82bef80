// Fuzzes the bundle manifest parser, and the whole bundle verifier with a fixed key (which
// must reject everything the fuzzer makes up, since it cannot sign).
#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include "sync/bundle.h"
#include "sync/crypto.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    auto manifest = ksync::ParseManifest(text);
    if (manifest.ok()) {
        auto again = ksync::ParseManifest(ksync::EncodeManifest(*manifest));
        if (!again.ok() || again->counter != manifest->counter || again->chunks.size() != manifest->chunks.size()) std::abort();
    }
    static const std::string key = ksync::GenerateSigningKeys().public_key;
    std::vector<ksync::PullPage> pages;
    auto verified = ksync::VerifyBundle(text, {key, "default", 0}, &pages);
    if (verified.ok()) std::abort();  // nothing unsigned may pass
    return 0;
}
