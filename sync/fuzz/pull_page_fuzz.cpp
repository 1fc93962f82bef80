// Fuzzes the pull-page decoder: any bytes from the network give a page or an error, never a
// crash, and an accepted page survives a re-encode unchanged.
#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include "sync/protocol.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string_view body(reinterpret_cast<const char*>(data), size);
    auto page = ksync::DecodePullPage(body);
    if (!page.ok()) return 0;
    auto again = ksync::DecodePullPage(ksync::EncodePullPage(*page));
    if (!again.ok() || again->changes.size() != page->changes.size() || again->to != page->to) std::abort();
    return 0;
}
