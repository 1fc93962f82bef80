// ui/qr.cpp: QR payload builders and the libqrencode call.
#include "ui/qr.h"

#include <qrencode.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "content/model.h"

namespace ui {

std::string VCardEscape(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
            case '\\': out += "\\\\"; break;
            case ',': out += "\\,"; break;
            case ';': out += "\\;"; break;
            case '\n': out += "\\n"; break;
            case '\r': break;
            default: out.push_back(c);
        }
    }
    return out;
}

std::string MakeVCard(const VCardData& d) {
    // CRLF line ends as RFC 2426 requires. Lines are not folded: phone scanners read long lines,
    // and folding by octets could split a multi-byte character.
    std::string v = "BEGIN:VCARD\r\nVERSION:3.0\r\n";
    const std::string& fn = d.name.empty() ? d.organization : d.name;
    v += "FN:" + VCardEscape(fn) + "\r\n";
    if (!d.organization.empty()) v += "ORG:" + VCardEscape(d.organization) + "\r\n";
    for (const std::string& phone : d.phones) {
        std::string tel = MakeTelUri(phone);
        if (!tel.empty()) v += "TEL;TYPE=voice:" + tel.substr(4) + "\r\n";
    }
    if (!d.email.empty()) v += "EMAIL;TYPE=internet:" + VCardEscape(d.email) + "\r\n";
    if (!d.url.empty()) v += "URL:" + MakeUrl(d.url) + "\r\n";
    if (!d.street.empty() || !d.city.empty()) {
        v += "ADR;TYPE=work:;;" + VCardEscape(d.street) + ";" + VCardEscape(d.city) + ";" + VCardEscape(d.region) + ";" +
             VCardEscape(d.postal_code) + ";" + VCardEscape(d.country) + "\r\n";
    }
    if (!d.note.empty()) v += "NOTE:" + VCardEscape(d.note) + "\r\n";
    v += "END:VCARD\r\n";
    return v;
}

std::string MakeTelUri(const std::string& number, const std::string& extension) {
    std::string digits;
    for (size_t i = 0; i < number.size(); ++i) {
        char c = number[i];
        if (c >= '0' && c <= '9') digits.push_back(c);
        else if (c == '+' && digits.empty()) digits.push_back('+');
    }
    if (digits.empty() || digits == "+") return {};
    std::string uri = "tel:" + digits;
    std::string ext;
    for (char c : extension) {
        if (c >= '0' && c <= '9') ext.push_back(c);
    }
    if (!ext.empty()) uri += ";ext=" + ext;
    return uri;
}

std::string MakeGeoUri(double latitude, double longitude) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "geo:%.6f,%.6f", latitude, longitude);
    return buffer;
}

std::string MakeUrl(const std::string& url) {
    if (url.empty()) return {};
    if (url.find("://") != std::string::npos || url.rfind("mailto:", 0) == 0) return url;
    return "https://" + url;
}

namespace {

void SetAddress(const content::Address& a, VCardData* d) {
    d->street = a.address_1 + (a.address_2.empty() ? "" : ", " + a.address_2);
    d->city = a.city;
    d->region = a.region;
    d->postal_code = a.postal_code;
    d->country = a.country;
}

}  // namespace

VCardData VCardForService(const content::ServiceDetail& service) {
    VCardData d;
    d.name = service.name.text;
    d.organization = service.provider.name.text;
    for (const content::Phone& p : service.phones) d.phones.push_back(p.number);
    if (d.phones.empty()) {
        for (const content::Phone& p : service.provider.phones) d.phones.push_back(p.number);
    }
    d.email = !service.email.empty() ? service.email : service.provider.email;
    d.url = !service.url.empty() ? service.url : service.provider.website;
    for (const content::Location& loc : service.locations) {
        if (loc.addresses.empty()) continue;
        SetAddress(loc.addresses.front(), &d);
        break;
    }
    return d;
}

VCardData VCardForOrganization(const content::Organization& organization) {
    VCardData d;
    d.organization = organization.name.text;
    for (const content::Phone& p : organization.phones) d.phones.push_back(p.number);
    d.email = organization.email;
    d.url = organization.website;
    for (const content::Location& loc : organization.locations) {
        if (loc.addresses.empty()) continue;
        SetAddress(loc.addresses.front(), &d);
        break;
    }
    return d;
}

base::Result<QrMatrix> EncodeQr(const std::string& payload) {
    if (payload.empty()) return base::MakeError("qr_empty", "nothing to encode");
    QRcode* code = QRcode_encodeData(int(payload.size()), reinterpret_cast<const unsigned char*>(payload.data()), 0,
                                     QR_ECLEVEL_M);
    if (!code) {
        return base::MakeError("qr_encode_failed", "libqrencode refused a payload of " + std::to_string(payload.size()) +
                                                       " bytes: " + std::strerror(errno));
    }
    QrMatrix m;
    m.size = code->width;
    m.modules.resize(size_t(m.size) * m.size);
    for (size_t i = 0; i < m.modules.size(); ++i) m.modules[i] = code->data[i] & 1;
    QRcode_free(code);
    return m;
}

}  // namespace ui
