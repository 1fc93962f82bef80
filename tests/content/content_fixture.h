// tests/content/content_fixture.h: helpers for the content tests (temporary databases and a
// small trilingual directory written through ContentWriter, as import and sync write it).
#pragma once

#include <catch2/catch_test_macros.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "content/db.h"
#include "content/store.h"

namespace content_test {

using nlohmann::json;
using Texts = std::map<std::string, std::string>;  // lang -> text

// A fresh path under the build tree; any old file (and its -wal/-shm) is removed.
inline std::string TempDbPath(const std::string& name) {
    static int counter = 0;
    std::filesystem::path dir = std::filesystem::path(KIOSK_TEST_TMP_DIR) / "content";
    std::filesystem::create_directories(dir);
    std::filesystem::path path = dir / (name + "_" + std::to_string(++counter) + ".db");
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) std::filesystem::remove(path.string() + suffix);
    return path.string();
}

inline void Check(const base::Status& status) {
    INFO((status.ok() ? std::string() : status.error().ToString()));
    REQUIRE(status.ok());
}

template <typename T>
T Value(base::Result<T> result) {
    INFO((result.ok() ? std::string() : result.error().ToString()));
    REQUIRE(result.ok());
    return std::move(result).value();
}

inline content::Db OpenTemp(const std::string& name) { return Value(content::Db::Open(TempDbPath(name))); }

inline std::string ReadFileBytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

// Writes records inside one transaction, then Finish + Commit on Done().
class Builder {
public:
    explicit Builder(content::Db& db) : tx_(Value(content::Transaction::Begin(db))), writer_(db) {}

    content::ContentWriter& writer() { return writer_; }

    void Row(const std::string& table, const json& row) { Check(writer_.Upsert(table, row)); }

    void Text(const std::string& table, const std::string& id, const std::string& field, const Texts& texts) {
        for (const auto& [lang, text] : texts) Check(writer_.SetText(table, id, field, lang, text, lang == "en"));
    }

    void Organization(const std::string& id, const Texts& names, const std::string& role = "") {
        json row = {{"id", id}};
        if (!role.empty()) row["kiosk_role"] = role;
        Row("organization", row);
        Text("organization", id, "name", names);
    }

    void Category(const std::string& id, const Texts& names, int sort_order = 0, const std::string& icon = "") {
        Row("taxonomy_term", {{"id", id}, {"is_category", 1}, {"sort_order", sort_order}, {"icon", icon}});
        Text("taxonomy_term", id, "name", names);
    }

    void Service(const std::string& id, const std::string& org, const Texts& names,
                 const std::vector<std::string>& categories = {}, json extra = json::object()) {
        json row = {{"id", id}, {"organization_id", org}};
        for (auto it = extra.begin(); it != extra.end(); ++it) row[it.key()] = it.value();
        Row("service", row);
        Text("service", id, "name", names);
        for (const std::string& category : categories) {
            Row("attribute", {{"id", "attr-" + id + "-" + category},
                              {"link_id", id},
                              {"link_entity", "service"},
                              {"taxonomy_term_id", category}});
        }
    }

    void Done() {
        Check(writer_.Finish());
        Check(tx_.Commit());
    }

private:
    content::Transaction tx_;
    content::ContentWriter writer_;
};

}  // namespace content_test
