// sync/crypto.h: the few libsodium primitives sync uses, behind plain functions.
//
// - Kiosk tokens: 32 random bytes, shown once as "kt_" + hex; the hub stores only SHA-256(token)
//   (a token has 256 bits of entropy, so a fast hash is enough: nobody can brute-force it).
// - Bundles: Ed25519 detached signatures (crypto_sign), SHA-256 per chunk.
// Every function initialises libsodium on first use; sodium_init is idempotent and thread safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "base/result.h"

namespace ksync {

std::string ToHex(std::string_view bytes);
// Error "hex_invalid" for odd length or a non-hex digit.
base::Result<std::string> FromHex(std::string_view hex);

std::string Sha256(std::string_view data);          // 32 raw bytes
std::string Sha256Hex(std::string_view data);
std::string RandomBytes(size_t count);
std::string NewToken();                              // "kt_" + 64 hex digits
std::string NewUuid();                               // random (v4) UUID text

// Compares in constant time (for anything secret).
bool EqualConstantTime(std::string_view a, std::string_view b);

struct SigningKeys {
    std::string public_key;  // 32 raw bytes
    std::string secret_key;  // 64 raw bytes (seed + public key, libsodium layout)
};
SigningKeys GenerateSigningKeys();
std::string SignDetached(std::string_view message, std::string_view secret_key);  // 64 raw bytes
bool VerifyDetached(std::string_view message, std::string_view signature, std::string_view public_key);

}  // namespace ksync
