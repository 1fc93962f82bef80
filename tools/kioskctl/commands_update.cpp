// tools/kioskctl/commands_update.cpp: `kioskctl update sign|verify`, the signature of a firmware
// update's manifest (image/make-update signs, image/rootfs/usr/lib/kiosk/install-update verifies).
//
// The manifest is a small text file (format, version, then "file NAME SIZE SHA256" lines) that
// names every payload file with its size and SHA-256; install-update checks those with sha256sum
// while streaming, so only the manifest passes through here and a 200 MB root never sits in memory.
// The signature is Ed25519 (sync/crypto.h) over "kiosk-update-v1\0" + manifest, in a file of 128
// hex digits. The domain prefix differs from the bundles' ("kiosk-bundle-v1\0"): the centre signs
// both with the same key (kiosk-hub keygen), and a bundle's signature must never pass as a
// firmware's. Keys are read as for bundles (ksync::ReadKeyHex: a hex file or the hex itself).
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string_view>

#include "sync/bundle.h"
#include "sync/crypto.h"
#include "tools/kioskctl/commands.h"

namespace kioskctl {

namespace {

constexpr std::string_view kUpdateSignatureDomain{"kiosk-update-v1\0", 16};
constexpr std::string_view kManifestFirstLine = "format kiosk-update-1\n";
constexpr size_t kMaxUpdateManifestBytes = 64 * 1024;

base::Error Bad(const char* code, std::string message) { return base::MakeError(code, std::move(message)); }

std::string SignedMessage(const std::string& manifest) {
    std::string message(kUpdateSignatureDomain);
    message += manifest;
    return message;
}

// The manifest, read whole; refused when it is not one (a wrong file passed by mistake would
// otherwise be signed, or verified, as if it were).
Result<std::string> ReadManifest(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return Bad("update_manifest_unreadable", "cannot open '" + path + "'");
    std::string text(kMaxUpdateManifestBytes + 1, '\0');
    in.read(text.data(), (std::streamsize)text.size());
    text.resize((size_t)in.gcount());
    if (text.size() > kMaxUpdateManifestBytes) {
        return Bad("update_manifest_invalid", "'" + path + "' is larger than " + std::to_string(kMaxUpdateManifestBytes) + " bytes");
    }
    if (text.rfind(kManifestFirstLine, 0) != 0) {
        return Bad("update_manifest_invalid", "'" + path + "' does not start with '" +
                                                  std::string(kManifestFirstLine.substr(0, kManifestFirstLine.size() - 1)) + "'");
    }
    return text;
}

Result<std::string> ReadSignature(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return Bad("update_signature_unreadable", "cannot open '" + path + "'");
    std::string text(200, '\0');
    in.read(text.data(), (std::streamsize)text.size());
    text.resize((size_t)in.gcount());
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' ')) text.pop_back();
    auto raw = ksync::FromHex(text);
    if (!raw.ok() || raw->size() != 64) {
        return Bad("update_bad_signature", "'" + path + "' is not an Ed25519 signature (128 hex digits)");
    }
    return *raw;
}

Status WriteTextAtomically(const std::string& path, const std::string& text) {
    std::string temp = path + ".tmp";
    {
        std::ofstream out(temp, std::ios::binary | std::ios::trunc);
        if (!out) return Bad("update_write_failed", "cannot write '" + temp + "'");
        out << text;
        out.flush();
        if (!out) return Bad("update_write_failed", "cannot write '" + temp + "'");
    }
    if (std::rename(temp.c_str(), path.c_str()) != 0) {
        std::remove(temp.c_str());
        return Bad("update_write_failed", "cannot rename '" + temp + "' to '" + path + "'");
    }
    return base::Ok();
}

int Sign(const Args& args) {
    if (args.positional.size() != 2 || !args.Has("--key")) {
        return Fail(base::MakeError("usage", "update sign MANIFEST --key PREFIX.key [--out SIG]"), 2);
    }
    const std::string& manifest_path = args.positional[1];
    auto manifest = ReadManifest(manifest_path);
    if (!manifest.ok()) return Fail(manifest.error());
    auto secret = ksync::ReadKeyHex(args.Option("--key"), 64);
    if (!secret.ok()) return Fail(secret.error());
    std::string signature = ksync::SignDetached(SignedMessage(*manifest), *secret);
    std::string out_path = args.Option("--out", manifest_path + ".sig");
    if (Status written = WriteTextAtomically(out_path, ksync::ToHex(signature) + "\n"); !written.ok()) {
        return Fail(written.error());
    }
    std::cout << "signed " << manifest_path << " -> " << out_path << "\n";
    return 0;
}

int Verify(const Args& args) {
    if (args.positional.size() != 2 || !args.Has("--pubkey")) {
        return Fail(base::MakeError("usage", "update verify MANIFEST --pubkey HEX|FILE [--sig SIG]"), 2);
    }
    const std::string& manifest_path = args.positional[1];
    auto public_key = ksync::ReadKeyHex(args.Option("--pubkey"), 32);
    if (!public_key.ok()) return Fail(public_key.error());
    auto manifest = ReadManifest(manifest_path);
    if (!manifest.ok()) return Fail(manifest.error());
    auto signature = ReadSignature(args.Option("--sig", manifest_path + ".sig"));
    if (!signature.ok()) return Fail(signature.error());
    if (!ksync::VerifyDetached(SignedMessage(*manifest), *signature, *public_key)) {
        return Fail(Bad("update_bad_signature", "the manifest signature does not match the public key"));
    }
    std::cout << "update_signature_ok " << manifest_path << "\n";
    return 0;
}

}  // namespace

int CmdUpdate(const Args& args) {
    std::string action = args.positional.empty() ? "" : args.positional[0];
    if (action == "sign") return Sign(args);
    if (action == "verify") return Verify(args);
    return Fail(base::MakeError("usage", "update sign|verify (see kioskctl --help)"), 2);
}

}  // namespace kioskctl
