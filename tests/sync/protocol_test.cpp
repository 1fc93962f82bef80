// The decoders are the trust boundary: every malformed input gets a clear error, never a crash.
#include <catch2/catch_test_macros.hpp>

#include "sync/bundle.h"
#include "sync/crypto.h"
#include "sync/gzip.h"
#include "sync/protocol.h"

using nlohmann::json;

namespace {

json GoodPage() {
    return json{{"protocol", 1}, {"epoch", "e1"}, {"schema_version", 2}, {"since", 4}, {"to", 7}, {"head", 9},
                {"head_at", 100}, {"has_more", true}, {"snapshot", false},
                {"changes", json::array({
                    {{"seq", 5}, {"table", "service"}, {"op", "upsert"}, {"key", "s1"},
                     {"row", {{"id", "s1"}, {"organization_id", "o1"}, {"minimum_age", 18}, {"url", nullptr}}}},
                    {{"seq", 6}, {"table", "translation"}, {"op", "upsert"}, {"key", {"service", "s1", "name", "lv"}},
                     {"row", {{"tbl", "service"}, {"record_id", "s1"}, {"field", "name"}, {"lang", "lv"}, {"text", "Pakalpojums"}}}},
                    {{"seq", 7}, {"table", "phone"}, {"op", "delete"}, {"key", "p1"}},
                })}};
}

std::string Code(const std::string& body) {
    auto page = ksync::DecodePullPage(body);
    REQUIRE_FALSE(page.ok());
    return page.error().code;
}

}  // namespace

TEST_CASE("a well-formed page decodes with every field checked", "[protocol]") {
    auto page = ksync::DecodePullPage(GoodPage().dump());
    REQUIRE(page.ok());
    CHECK(page->epoch == "e1");
    CHECK(page->since == 4);
    CHECK(page->to == 7);
    CHECK(page->has_more);
    REQUIRE(page->changes.size() == 3);
    CHECK(page->changes[0].id == "s1");
    CHECK(page->changes[0].row["minimum_age"] == 18);
    CHECK(page->changes[1].tkey.lang == "lv");
    CHECK(page->changes[1].StageKey() == std::string("service\x1fs1\x1fname\x1flv"));
    CHECK(page->changes[2].op == ksync::ChangeOp::Delete);
    // Round trip through the encoder.
    auto again = ksync::DecodePullPage(ksync::EncodePullPage(*page));
    REQUIRE(again.ok());
    CHECK(again->changes[1].row == page->changes[1].row);
}

TEST_CASE("malformed pages are rejected whole with a stable code", "[protocol]") {
    CHECK(Code("") == "proto_bad_json");
    CHECK(Code("{\"protocol\":1,") == "proto_bad_json");
    CHECK(Code("[1,2]") == "proto_bad_page");
    json p = GoodPage();
    p["protocol"] = 2;
    CHECK(Code(p.dump()) == "proto_version");

    auto mutate = [](auto&& edit) {
        json page = GoodPage();
        edit(page);
        return Code(page.dump());
    };
    CHECK(mutate([](json& j) { j.erase("epoch"); }) == "proto_bad_page");
    CHECK(mutate([](json& j) { j["to"] = 3; }) == "proto_bad_page");                     // to < since
    CHECK(mutate([](json& j) { j["head"] = 6; }) == "proto_bad_page");                   // head < to
    CHECK(mutate([](json& j) { j["has_more"] = false; }) == "proto_bad_page");           // last page must end at head
    CHECK(mutate([](json& j) { j["snapshot"] = true; }) == "proto_bad_page");            // snapshot from 4
    CHECK(mutate([](json& j) { j["changes"][0]["table"] = "booking"; }) == "proto_bad_change");  // not content
    CHECK(mutate([](json& j) { j["changes"][0]["table"] = "meta"; }) == "proto_bad_change");
    CHECK(mutate([](json& j) { j["changes"][0]["op"] = "drop"; }) == "proto_bad_change");
    CHECK(mutate([](json& j) { j["changes"][0]["seq"] = 4; }) == "proto_bad_change");   // not after since
    CHECK(mutate([](json& j) { j["changes"][1]["seq"] = 5; }) == "proto_bad_change");   // out of order
    CHECK(mutate([](json& j) { j["changes"][2]["seq"] = 8; }) == "proto_bad_change");   // beyond to
    CHECK(mutate([](json& j) { j["changes"][0]["row"]["id"] = "other"; }) == "proto_bad_change");
    CHECK(mutate([](json& j) { j["changes"][0]["row"]["url"] = json::array(); }) == "proto_bad_change");
    CHECK(mutate([](json& j) { j["changes"][0]["row"]["bad name"] = 1; }) == "proto_bad_change");
    CHECK(mutate([](json& j) { j["changes"][0].erase("row"); }) == "proto_bad_change");
    CHECK(mutate([](json& j) { j["changes"][1]["key"] = {"service", "s1", "name"}; }) == "proto_bad_change");
    CHECK(mutate([](json& j) { j["changes"][1]["row"]["lang"] = "en"; }) == "proto_bad_change");
    CHECK(mutate([](json& j) { j["changes"][2]["key"] = ""; }) == "proto_bad_change");
    CHECK(mutate([](json& j) { j["changes"] = json::array(); }) == "proto_bad_page");    // has_more with nothing
}

TEST_CASE("push requests: idempotency keys, limits and health", "[protocol]") {
    ksync::PushRequest request;
    request.ops.push_back({"op-1", "booking", "b1", json{{"session_id", "s"}}, 10});
    request.health = ksync::HealthReport{"1.2.3", 40, 1, 3600, 1000000, 99, "ok", ""};
    auto decoded = ksync::DecodePushRequest(ksync::EncodePushRequest(request));
    REQUIRE(decoded.ok());
    REQUIRE(decoded->ops.size() == 1);
    CHECK(decoded->ops[0].payload["session_id"] == "s");
    REQUIRE(decoded->health.has_value());
    CHECK(decoded->health->firmware == "1.2.3");
    CHECK(decoded->health->content_seq == 40);

    request.ops.push_back(request.ops[0]);
    auto twice = ksync::DecodePushRequest(ksync::EncodePushRequest(request));
    REQUIRE_FALSE(twice.ok());
    CHECK(twice.error().message.find("twice") != std::string::npos);

    json many = {{"ops", json::array()}};
    for (int i = 0; i < 201; ++i) many["ops"].push_back({{"op_id", "o" + std::to_string(i)}, {"kind", "booking"}, {"created_at", 1}, {"payload", json::object()}});
    auto too_many = ksync::DecodePushRequest(many.dump());
    REQUIRE_FALSE(too_many.ok());
    CHECK(too_many.error().code == "proto_too_large");
    CHECK(ksync::DecodePushRequest(std::string(2 << 20, ' ')).error().code == "proto_too_large");
    CHECK(ksync::DecodePushRequest("{\"ops\":[{\"op_id\":\"a\",\"kind\":\"booking\",\"created_at\":1,\"payload\":[]}]}").error().code ==
          "proto_bad_push");
}

TEST_CASE("push responses carry the original outcome of a duplicate", "[protocol]") {
    ksync::PushResponse response;
    response.head = 12;
    ksync::OpResult dup;
    dup.op_id = "x";
    dup.outcome = ksync::OpOutcome::Duplicate;
    dup.original = ksync::OpOutcome::Rejected;
    dup.reason = "course_full";
    response.results.push_back(dup);
    auto decoded = ksync::DecodePushResponse(ksync::EncodePushResponse(response));
    REQUIRE(decoded.ok());
    CHECK(decoded->head == 12);
    CHECK(decoded->results[0].outcome == ksync::OpOutcome::Duplicate);
    CHECK(decoded->results[0].original == ksync::OpOutcome::Rejected);
    CHECK(decoded->results[0].reason == "course_full");
    CHECK_FALSE(ksync::DecodePushResponse("{\"results\":[{\"op_id\":\"x\",\"result\":\"maybe\"}],\"head\":1}").ok());
}

TEST_CASE("hub error bodies become errors with the hub's code", "[protocol]") {
    base::Error e = ksync::DecodeError(401, ksync::EncodeError("unauthorized", "no token"));
    CHECK(e.code == "hub_unauthorized");
    CHECK(ksync::DecodeError(500, "<html>oops</html>").code == "hub_http_500");
}

TEST_CASE("crypto helpers: hex, SHA-256, signatures", "[protocol]") {
    CHECK(ksync::Sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(ksync::FromHex("0aff").value() == std::string("\x0a\xff", 2));
    CHECK_FALSE(ksync::FromHex("0g").ok());
    CHECK_FALSE(ksync::FromHex("abc").ok());
    std::string token = ksync::NewToken();
    CHECK(token.size() == 67);
    CHECK(token != ksync::NewToken());
    ksync::SigningKeys keys = ksync::GenerateSigningKeys();
    std::string sig = ksync::SignDetached("manifest", keys.secret_key);
    CHECK(ksync::VerifyDetached("manifest", sig, keys.public_key));
    CHECK_FALSE(ksync::VerifyDetached("manifesT", sig, keys.public_key));
    CHECK_FALSE(ksync::VerifyDetached("manifest", sig, ksync::GenerateSigningKeys().public_key));
}

TEST_CASE("gzip round trip; corrupt, truncated and oversized input refused", "[protocol]") {
    std::string text(100000, 'a');
    auto packed = ksync::GzipCompress(text);
    REQUIRE(packed.ok());
    CHECK(packed->size() < 1000);
    CHECK(ksync::GzipDecompress(*packed, 1 << 20).value() == text);
    CHECK(ksync::GzipDecompress(packed->substr(0, packed->size() - 5), 1 << 20).error().code == "gzip_corrupt");
    CHECK(ksync::GzipDecompress(*packed, 1000).error().code == "gzip_too_large");
    CHECK(ksync::GzipDecompress("not gzip", 1000).error().code == "gzip_corrupt");
}

TEST_CASE("bundle manifests are parsed strictly", "[protocol]") {
    ksync::BundleManifest m;
    m.scope = "riga";
    m.schema_version = 2;
    m.epoch = "e";
    m.kind = "delta";
    m.from_seq = 3;
    m.to_seq = 9;
    m.created = 100;
    m.expires = 200;
    m.counter = 4;
    m.chunks.push_back({10, std::string(64, 'a')});
    auto parsed = ksync::ParseManifest(ksync::EncodeManifest(m));
    REQUIRE(parsed.ok());
    CHECK(parsed->counter == 4);
    CHECK(parsed->chunks[0].size == 10);
    auto bad = [&](auto&& edit) {
        json j = json::parse(ksync::EncodeManifest(m));
        edit(j);
        auto r = ksync::ParseManifest(j.dump());
        return !r.ok() && r.error().code == "bundle_bad_manifest";
    };
    CHECK(bad([](json& j) { j["format"] = 2; }));
    CHECK(bad([](json& j) { j["kind"] = "full"; }));
    CHECK(bad([](json& j) { j["to_seq"] = 1; }));
    CHECK(bad([](json& j) { j["counter"] = 0; }));
    CHECK(bad([](json& j) { j["chunks"] = json::array(); }));
    CHECK(bad([](json& j) { j["chunks"][0]["sha256"] = "zz"; }));
    CHECK(bad([](json& j) { j["chunks"][0]["size"] = -1; }));
    CHECK(bad([](json& j) { j["kind"] = "snapshot"; }));  // a snapshot from seq 3
    CHECK(bad([](json& j) { j.erase("scope"); }));
    CHECK_FALSE(ksync::ParseManifest("{").ok());
}
