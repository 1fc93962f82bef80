// sync/bundle.h: signed offline bundles (a snapshot or a delta in one file, for a USB stick).
//
// File layout (docs/sync-protocol.md):
//   "KIOSK-BUNDLE-1\n"            magic, 15 bytes
//   u32 little endian             manifest length (at most 1 MiB)
//   manifest                      JSON (BundleManifest)
//   64 bytes                      Ed25519 signature of "kiosk-bundle-v1\0" + manifest
//   chunk 0 .. chunk n-1          each a gzip'd pull page (sync/protocol.h), sizes and SHA-256
//                                 listed in the manifest; nothing may follow the last chunk
//
// Design note (import)
// - Nothing is trusted before the signature checks out against the public key pinned in the
//   kiosk's configuration; then the manifest is checked (scope, schema version, expiry, a
//   counter newer than the last bundle applied, a delta that starts at or before the kiosk's
//   cursor), then every chunk (size, SHA-256, gzip, page decoder, the pages chain from from_seq
//   to to_seq). Only then are the pages staged and applied in one transaction together with
//   the new cursor and counter (sync/apply.h). Any failure leaves the content as it was and
//   returns an error with a stable "bundle_*" code.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "content/db.h"
#include "sync/apply.h"
#include "sync/protocol.h"

namespace ksync {

class HubStore;

inline constexpr std::string_view kBundleMagic = "KIOSK-BUNDLE-1\n";
inline constexpr size_t kMaxManifestBytes = 1u << 20;

struct BundleChunk {
    int64_t size = 0;
    std::string sha256;  // hex
};

struct BundleManifest {
    int format = 1;
    std::string scope;
    int schema_version = 0;
    std::string epoch;
    std::string kind;           // "snapshot" or "delta"
    int64_t from_seq = 0;       // 0 for a snapshot
    int64_t to_seq = 0;
    int64_t head_at = 0;
    int64_t created = 0;        // UTC seconds
    int64_t expires = 0;
    int64_t counter = 0;        // strictly increasing per hub
    std::vector<BundleChunk> chunks;
};

// Strict parser (a fuzz target). Codes: bundle_bad_manifest.
Result<BundleManifest> ParseManifest(std::string_view json_text);
std::string EncodeManifest(const BundleManifest& manifest);

// ---- keys ----
// Writes PREFIX.key (secret, hex, mode 0600) and PREFIX.pub (hex). Refuses to overwrite.
Status WriteKeyPair(const std::string& prefix);
// Reads a hex key file (or hex text) of the expected raw length.
Result<std::string> ReadKeyHex(const std::string& path_or_hex, size_t raw_bytes);

// ---- export (hub) ----
struct BundleExportOptions {
    std::string scope = "default";
    int64_t since = 0;              // 0: snapshot; else a delta of changes after this seq
    int64_t valid_for_s = 30 * 86400;
    int chunk_changes = 2000;
    std::string secret_key;         // 64 raw bytes
    int64_t now = 0;
};
Result<BundleManifest> ExportBundle(HubStore& hub, const std::string& out_path, const BundleExportOptions& options);

// ---- import (kiosk) ----
struct BundleImportOptions {
    std::string public_key;         // 32 raw bytes (pinned in the kiosk configuration)
    std::string scope;
    int64_t now = 0;
};
struct BundleImportReport {
    BundleManifest manifest;
    ApplyReport apply;
};
// Checks everything without touching a database; returns the manifest and the decoded pages.
Result<BundleManifest> VerifyBundle(std::string_view file_bytes, const BundleImportOptions& options,
                                    std::vector<PullPage>* pages);
Result<BundleImportReport> ImportBundle(content::Db& db, const std::string& path, const BundleImportOptions& options);

}  // namespace ksync
