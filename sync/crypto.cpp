#include "sync/crypto.h"

#include <sodium.h>

#include <cassert>

namespace ksync {
namespace {

void EnsureSodium() {
    static const bool ready = [] { return sodium_init() >= 0; }();
    assert(ready && "libsodium failed to initialise");
    (void)ready;
}

const unsigned char* Bytes(std::string_view text) { return reinterpret_cast<const unsigned char*>(text.data()); }

}  // namespace

std::string ToHex(std::string_view bytes) {
    static const char kDigits[] = "0123456789abcdef";
    std::string hex;
    hex.reserve(bytes.size() * 2);
    for (unsigned char c : bytes) {
        hex.push_back(kDigits[c >> 4]);
        hex.push_back(kDigits[c & 15]);
    }
    return hex;
}

base::Result<std::string> FromHex(std::string_view hex) {
    auto digit = [](char c) -> int {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    };
    if (hex.size() % 2 != 0) return base::MakeError("hex_invalid", "hex text has an odd length");
    std::string bytes;
    bytes.reserve(hex.size() / 2);
    for (size_t i = 0; i < hex.size(); i += 2) {
        int high = digit(hex[i]), low = digit(hex[i + 1]);
        if (high < 0 || low < 0) return base::MakeError("hex_invalid", "not a hex digit at position " + std::to_string(i));
        bytes.push_back((char)(high * 16 + low));
    }
    return bytes;
}

std::string Sha256(std::string_view data) {
    EnsureSodium();
    std::string digest(crypto_hash_sha256_BYTES, '\0');
    crypto_hash_sha256(reinterpret_cast<unsigned char*>(digest.data()), Bytes(data), data.size());
    return digest;
}

std::string Sha256Hex(std::string_view data) { return ToHex(Sha256(data)); }

std::string RandomBytes(size_t count) {
    EnsureSodium();
    std::string bytes(count, '\0');
    randombytes_buf(bytes.data(), count);
    return bytes;
}

std::string NewToken() { return "kt_" + ToHex(RandomBytes(32)); }

std::string NewUuid() {
    std::string b = RandomBytes(16);
    b[6] = (char)((b[6] & 0x0f) | 0x40);
    b[8] = (char)((b[8] & 0x3f) | 0x80);
    std::string hex = ToHex(b);
    return hex.substr(0, 8) + "-" + hex.substr(8, 4) + "-" + hex.substr(12, 4) + "-" + hex.substr(16, 4) + "-" + hex.substr(20);
}

bool EqualConstantTime(std::string_view a, std::string_view b) {
    EnsureSodium();
    return a.size() == b.size() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

SigningKeys GenerateSigningKeys() {
    EnsureSodium();
    SigningKeys keys;
    keys.public_key.assign(crypto_sign_PUBLICKEYBYTES, '\0');
    keys.secret_key.assign(crypto_sign_SECRETKEYBYTES, '\0');
    crypto_sign_keypair(reinterpret_cast<unsigned char*>(keys.public_key.data()),
                        reinterpret_cast<unsigned char*>(keys.secret_key.data()));
    return keys;
}

std::string SignDetached(std::string_view message, std::string_view secret_key) {
    EnsureSodium();
    assert(secret_key.size() == crypto_sign_SECRETKEYBYTES && "Ed25519 secret key must be 64 bytes");
    std::string signature(crypto_sign_BYTES, '\0');
    crypto_sign_detached(reinterpret_cast<unsigned char*>(signature.data()), nullptr, Bytes(message), message.size(),
                         Bytes(secret_key));
    return signature;
}

bool VerifyDetached(std::string_view message, std::string_view signature, std::string_view public_key) {
    EnsureSodium();
    if (signature.size() != crypto_sign_BYTES || public_key.size() != crypto_sign_PUBLICKEYBYTES) return false;
    return crypto_sign_verify_detached(Bytes(signature), Bytes(message), message.size(), Bytes(public_key)) == 0;
}

}  // namespace ksync
