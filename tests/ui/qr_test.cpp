// Tests of ui/qr: the payload texts and that libqrencode encodes them.
#include <catch2/catch_test_macros.hpp>

#include "content/model.h"
#include "ui/qr.h"

TEST_CASE("vCard 3.0 with escaped values and CRLF lines", "[ui][qr]") {
    ui::VCardData d;
    d.name = "Juridiskā konsultācija";
    d.organization = "Sabiedrības integrācijas centrs; Rīga";
    d.phones = {"+371 6700 0000"};
    d.email = "info@example.lv";
    d.url = "example.lv/konsultacijas";
    d.street = "Elizabetes iela 65";
    d.city = "Rīga";
    d.postal_code = "LV-1050";
    d.country = "LV";
    std::string v = ui::MakeVCard(d);
    CHECK(v.rfind("BEGIN:VCARD\r\nVERSION:3.0\r\n", 0) == 0);
    CHECK(v.find("FN:Juridiskā konsultācija\r\n") != std::string::npos);
    CHECK(v.find("ORG:Sabiedrības integrācijas centrs\\; Rīga\r\n") != std::string::npos);
    CHECK(v.find("TEL;TYPE=voice:+37167000000\r\n") != std::string::npos);
    CHECK(v.find("URL:https://example.lv/konsultacijas\r\n") != std::string::npos);
    CHECK(v.find("ADR;TYPE=work:;;Elizabetes iela 65;Rīga;;LV-1050;LV\r\n") != std::string::npos);
    CHECK(v.size() >= 12);
    CHECK(v.substr(v.size() - 11) == "END:VCARD\r\n");
    CHECK(ui::VCardEscape("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne");
}

TEST_CASE("tel:, geo: and URLs", "[ui][qr]") {
    CHECK(ui::MakeTelUri("+371 6700-0000") == "tel:+37167000000");
    CHECK(ui::MakeTelUri("8000 2012", "12") == "tel:80002012;ext=12");
    CHECK(ui::MakeTelUri("call us") == "");
    CHECK(ui::MakeGeoUri(56.9496, 24.1052) == "geo:56.949600,24.105200");
    CHECK(ui::MakeGeoUri(-33.5, -70.25) == "geo:-33.500000,-70.250000");
    CHECK(ui::MakeUrl("https://x.lv") == "https://x.lv");
    CHECK(ui::MakeUrl("x.lv") == "https://x.lv");
    CHECK(ui::MakeUrl("") == "");
}

TEST_CASE("a service's vCard takes the provider's details when the service has none", "[ui][qr]") {
    content::ServiceDetail s;
    s.name.text = "Valodas kursi";
    s.provider.name.text = "Centrs";
    s.provider.email = "centrs@example.lv";
    s.provider.website = "https://centrs.example.lv";
    content::Phone p;
    p.number = "+371 2000 0000";
    s.provider.phones.push_back(p);
    content::Location loc;
    content::Address a;
    a.address_1 = "Brīvības iela 1";
    a.city = "Rīga";
    loc.addresses.push_back(a);
    s.locations.push_back(loc);
    ui::VCardData d = ui::VCardForService(s);
    CHECK(d.name == "Valodas kursi");
    CHECK(d.organization == "Centrs");
    CHECK(d.phones == std::vector<std::string>{"+371 2000 0000"});
    CHECK(d.email == "centrs@example.lv");
    CHECK(d.street == "Brīvības iela 1");
}

TEST_CASE("an organisation's vCard carries the address of its first located place", "[ui][qr]") {
    content::Organization o;
    o.name.text = "Nacionālais integrācijas centrs";
    content::Location without_address;
    content::Location office;
    content::Address a;
    a.address_1 = "Elizabetes iela 65";
    a.address_2 = "2. stāvs";
    a.city = "Rīga";
    a.postal_code = "LV-1050";
    office.addresses.push_back(a);
    o.locations = {without_address, office};
    ui::VCardData d = ui::VCardForOrganization(o);
    CHECK(d.organization == "Nacionālais integrācijas centrs");
    CHECK(d.street == "Elizabetes iela 65, 2. stāvs");
    CHECK(d.city == "Rīga");
    CHECK(d.postal_code == "LV-1050");
    CHECK(ui::MakeVCard(d).find("LV-1050") != std::string::npos);
}

TEST_CASE("libqrencode encodes the payloads into a valid symbol", "[ui][qr]") {
    for (const std::string& payload : {std::string("tel:+37167000000"), ui::MakeGeoUri(56.9496, 24.1052),
                                       std::string("Pieteikums NIC-7K4Q — Юридическая консультация")}) {
        auto qr = ui::EncodeQr(payload);
        REQUIRE(qr.ok());
        // A version-v symbol has 17 + 4v modules per side.
        CHECK(qr->size >= 21);
        CHECK((qr->size - 17) % 4 == 0);
        CHECK(qr->modules.size() == size_t(qr->size) * qr->size);
        // The three finder patterns: the corners' 7x7 squares have a dark ring.
        CHECK(qr->Dark(0, 0));
        CHECK(qr->Dark(6, 6));
        CHECK(qr->Dark(qr->size - 1, 0));
        CHECK(qr->Dark(0, qr->size - 1));
        CHECK_FALSE(qr->Dark(1, 1));
    }
    auto a = ui::EncodeQr("tel:+37167000000");
    auto b = ui::EncodeQr("tel:+37167000001");
    REQUIRE(a.ok());
    REQUIRE(b.ok());
    CHECK(a->modules != b->modules);
    // Longer text needs a larger symbol.
    auto vcard = ui::EncodeQr(std::string(300, 'x'));
    REQUIRE(vcard.ok());
    CHECK(vcard->size > a->size);
}

TEST_CASE("payloads a QR code cannot hold are refused with a clear error", "[ui][qr]") {
    auto empty = ui::EncodeQr("");
    REQUIRE_FALSE(empty.ok());
    CHECK(empty.error().code == "qr_empty");
    auto huge = ui::EncodeQr(std::string(5000, 'x'));  // over version 40's 2331 bytes at level M
    REQUIRE_FALSE(huge.ok());
    CHECK(huge.error().code == "qr_encode_failed");
    CHECK(huge.error().message.find("5000") != std::string::npos);
}
