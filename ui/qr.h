// ui/qr.h: what a visitor can scan to take information away without network, and the QR
// matrix itself (libqrencode).
//
// Payloads follow the standards phones' camera apps understand: vCard 3.0 (RFC 2426) for a
// contact, tel: (RFC 3966) for a phone number, geo: (RFC 5870) for a place, and the plain URL.
// Everything is UTF-8 and encoded in 8-bit mode with error correction level M.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/result.h"

namespace content {
struct Organization;
struct ServiceDetail;
struct Location;
struct Phone;
}  // namespace content

namespace ui {

struct VCardData {
    std::string name;           // FN
    std::string organization;   // ORG
    std::vector<std::string> phones;
    std::string email, url;
    std::string street, city, region, postal_code, country;
    std::string note;
};

// Escapes a vCard text value (backslash, comma, semicolon, newline).
std::string VCardEscape(const std::string& text);
std::string MakeVCard(const VCardData& data);
// "tel:+37167000000" from a number as written ("+371 6700 0000"); extension as ";ext=". Empty
// when the number has no digits.
std::string MakeTelUri(const std::string& number, const std::string& extension = {});
// "geo:56.949600,24.105200".
std::string MakeGeoUri(double latitude, double longitude);
// A URL as given, with "https://" added when it has no scheme; empty for an empty input.
std::string MakeUrl(const std::string& url);

// The vCard for a service's contact (its provider, first address and phones).
VCardData VCardForService(const content::ServiceDetail& service);
VCardData VCardForOrganization(const content::Organization& organization);

struct QrMatrix {
    int size = 0;                  // modules per side, without the quiet zone
    std::vector<uint8_t> modules;  // size*size, 1 = dark
    bool Dark(int x, int y) const { return modules[size_t(y) * size + x] != 0; }
};

// Error "qr_encode_failed" when libqrencode refuses (too long for a version-40 code, or no
// memory), "qr_empty" for an empty payload.
base::Result<QrMatrix> EncodeQr(const std::string& payload);

}  // namespace ui
