// ui/strings.cpp: .po parsing, lookup with fallback, plural rules, placeholders.
#include "ui/strings.h"

#include <algorithm>
#include <optional>
#include <set>

#include "base/log.h"
#include "ui/strings_embedded.h"

namespace ui {
namespace {

std::string_view Trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

// Parses one C-style quoted string ("...") with gettext's escapes.
bool Unquote(std::string_view s, std::string* out) {
    s = Trim(s);
    if (s.size() < 2 || s.front() != '"' || s.back() != '"') return false;
    s = s.substr(1, s.size() - 2);
    for (size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        if (c == '"') return false;  // an unescaped quote inside
        if (c != '\\') {
            out->push_back(c);
            continue;
        }
        if (++i >= s.size()) return false;
        switch (s[i]) {
            case 'n': out->push_back('\n'); break;
            case 't': out->push_back('\t'); break;
            case 'r': out->push_back('\r'); break;
            case '"': out->push_back('"'); break;
            case '\\': out->push_back('\\'); break;
            default: return false;
        }
    }
    return true;
}

std::string HeaderField(const std::string& header, const std::string& name) {
    size_t pos = 0;
    while (pos < header.size()) {
        size_t end = header.find('\n', pos);
        if (end == std::string::npos) end = header.size();
        std::string_view line(header.data() + pos, end - pos);
        if (line.substr(0, name.size() + 1) == name + ":") return std::string(Trim(line.substr(name.size() + 1)));
        pos = end + 1;
    }
    return {};
}

}  // namespace

base::Result<PoFile> ParsePo(std::string_view text, const std::string& name) {
    PoFile file;
    std::set<std::string> seen_keys;
    PoEntry entry;
    bool have_entry = false;       // an entry is open
    bool saw_msgid = false;        // the open entry has its msgid
    bool next_fuzzy = false;
    std::string* target = nullptr; // where continuation lines append
    std::string header;
    bool header_done = false;
    int line_no = 0;

    auto fail = [&](const std::string& what) {
        return base::MakeError("po_syntax", name + ":" + std::to_string(line_no) + ": " + what);
    };
    // Finishes the current entry; an error for an incomplete entry or a duplicate key.
    auto flush = [&]() -> std::optional<base::Error> {
        if (!have_entry) return std::nullopt;
        have_entry = false;
        target = nullptr;
        const std::string where = name + ":" + std::to_string(line_no) + ": ";
        if (!saw_msgid) return base::MakeError("po_syntax", where + "msgctxt \"" + entry.context + "\" without msgid");
        if (entry.forms.empty()) return base::MakeError("po_syntax", where + "msgid \"" + entry.id + "\" without msgstr");
        if (entry.context.empty() && entry.id.empty()) {
            header = entry.forms[0];
            header_done = true;
        } else {
            if (entry.context.empty()) {
                return base::MakeError("po_syntax", where + "entry \"" + entry.id + "\" has no msgctxt (the key)");
            }
            if (!seen_keys.insert(entry.context).second) {
                return base::MakeError("po_duplicate_key", where + "duplicate key \"" + entry.context + "\"");
            }
            file.entries.push_back(std::move(entry));
        }
        entry = PoEntry{};
        return std::nullopt;
    };

    size_t pos = 0;
    while (pos <= text.size()) {
        size_t end = text.find('\n', pos);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = Trim(text.substr(pos, end - pos));
        pos = end + 1;
        ++line_no;
        if (line.empty()) {
            if (end == text.size()) break;
            continue;
        }
        if (line[0] == '#') {
            if (line.substr(0, 2) == "#," && line.find("fuzzy") != std::string_view::npos) next_fuzzy = true;
            if (end == text.size()) break;
            continue;
        }
        if (line[0] == '"') {
            if (!target) return fail("a continuation line outside an entry");
            if (!Unquote(line, target)) return fail("bad quoted string");
            continue;
        }
        size_t space = line.find_first_of(" \t");
        if (space == std::string_view::npos) return fail("expected a keyword and a quoted string");
        std::string_view keyword = line.substr(0, space);
        std::string_view rest = line.substr(space + 1);
        // An entry starts at msgctxt, or at msgid unless a msgctxt just opened it.
        bool starts_entry = keyword == "msgctxt" || (keyword == "msgid" && !(have_entry && !saw_msgid));
        if (starts_entry) {
            if (auto error = flush()) return *error;
            entry.fuzzy = next_fuzzy;
            next_fuzzy = false;
            have_entry = true;
            saw_msgid = false;
        }
        if (keyword == "msgid") saw_msgid = true;
        if (keyword != "msgctxt" && keyword != "msgid" && !saw_msgid) return fail(std::string(keyword) + " before msgid");
        std::string value;
        if (!Unquote(rest, &value)) return fail("bad quoted string after " + std::string(keyword));
        if (keyword == "msgctxt") {
            entry.context = std::move(value);
            target = &entry.context;
        } else if (keyword == "msgid") {
            entry.id = std::move(value);
            target = &entry.id;
        } else if (keyword == "msgid_plural") {
            if (!have_entry) return fail("msgid_plural without msgid");
            entry.id_plural = std::move(value);
            target = &entry.id_plural;
        } else if (keyword == "msgstr") {
            if (!have_entry) return fail("msgstr without msgid");
            if (!entry.id_plural.empty()) return fail("plural entry needs msgstr[N]");
            entry.forms.push_back(std::move(value));
            target = &entry.forms.back();
        } else if (keyword.substr(0, 7) == "msgstr[" && keyword.back() == ']') {
            if (!have_entry) return fail("msgstr[N] without msgid");
            std::string_view index_text = keyword.substr(7, keyword.size() - 8);
            if (index_text.empty() || index_text.size() > 2 ||
                !std::all_of(index_text.begin(), index_text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
                return fail("bad plural index");
            }
            size_t index = std::stoul(std::string(index_text));
            if (index != entry.forms.size()) return fail("plural forms out of order");
            entry.forms.push_back(std::move(value));
            target = &entry.forms.back();
        } else {
            return fail("unknown keyword " + std::string(keyword));
        }
        if (end == text.size()) break;
    }
    if (auto error = flush()) return *error;
    if (!header_done) return base::MakeError("po_syntax", name + ": no header entry (msgid \"\")");
    file.language = HeaderField(header, "Language");
    if (file.language.empty()) return base::MakeError("po_syntax", name + ": header has no Language");
    std::string plural_forms = HeaderField(header, "Plural-Forms");
    size_t np = plural_forms.find("nplurals=");
    if (np != std::string::npos) file.nplurals = std::atoi(plural_forms.c_str() + np + 9);
    if (file.nplurals < 1 || file.nplurals > 6) return base::MakeError("po_syntax", name + ": bad nplurals");
    return file;
}

int PluralIndex(const std::string& lang, long long n) {
    if (n < 0) n = -n;
    if (lang == "lv") return (n % 10 == 1 && n % 100 != 11) ? 0 : (n != 0 ? 1 : 2);
    if (lang == "ru" || lang == "uk") {
        if (n % 10 == 1 && n % 100 != 11) return 0;
        if (n % 10 >= 2 && n % 10 <= 4 && (n % 100 < 10 || n % 100 >= 20)) return 1;
        return 2;
    }
    return n != 1 ? 1 : 0;
}

int PluralCount(const std::string& lang) { return (lang == "lv" || lang == "ru" || lang == "uk") ? 3 : 2; }

std::vector<std::string> FallbackChain(const std::string& lang) {
    std::vector<std::string> chain;
    for (const std::string& l : {lang, std::string("en"), std::string("lv")}) {
        if (!l.empty() && std::find(chain.begin(), chain.end(), l) == chain.end()) chain.push_back(l);
    }
    return chain;
}

std::string Format(std::string_view pattern, const std::vector<std::pair<std::string, std::string>>& values) {
    std::string out;
    out.reserve(pattern.size() + 16);
    size_t i = 0;
    while (i < pattern.size()) {
        if (pattern[i] == '{') {
            size_t close = pattern.find('}', i + 1);
            if (close != std::string_view::npos) {
                std::string_view name = pattern.substr(i + 1, close - i - 1);
                auto it = std::find_if(values.begin(), values.end(), [&](const auto& v) { return v.first == name; });
                if (it != values.end()) {
                    out += it->second;
                    i = close + 1;
                    continue;
                }
            }
        }
        out.push_back(pattern[i++]);
    }
    return out;
}

base::Result<Strings> Strings::FromPoTexts(const std::vector<std::pair<std::string, std::string>>& po_texts) {
    Strings strings;
    for (const auto& [name, text] : po_texts) {
        auto file = ParsePo(text, name);
        if (!file.ok()) return file.error();
        const std::string lang = file->language;
        if (strings.catalogs_.count(lang)) return base::MakeError("po_duplicate_language", name + ": a second catalog for " + lang);
        if (file->nplurals != PluralCount(lang)) {
            return base::MakeError("po_plural_rule", name + ": nplurals=" + std::to_string(file->nplurals) +
                                                         " but the built-in rule for " + lang + " has " +
                                                         std::to_string(PluralCount(lang)));
        }
        Catalog_ catalog;
        catalog.file = std::move(file).value();
        for (size_t i = 0; i < catalog.file.entries.size(); ++i) catalog.by_key[catalog.file.entries[i].context] = i;
        strings.catalogs_[lang] = std::move(catalog);
    }
    return strings;
}

base::Result<Strings> Strings::LoadEmbedded() {
    std::vector<std::pair<std::string, std::string>> texts;
    for (size_t i = 0; i < kEmbeddedPoCount; ++i) {
        texts.emplace_back(std::string("ui/strings/") + kEmbeddedPo[i].name,
                           std::string(reinterpret_cast<const char*>(kEmbeddedPo[i].data), kEmbeddedPo[i].size));
    }
    if (texts.empty()) return base::MakeError("ui_strings_missing", "no .po catalogs were embedded at build time");
    return FromPoTexts(texts);
}

const PoEntry* Strings::Find(const std::string& lang, std::string_view key) const {
    auto c = catalogs_.find(lang);
    if (c == catalogs_.end()) return nullptr;
    auto e = c->second.by_key.find(key);
    if (e == c->second.by_key.end()) return nullptr;
    const PoEntry& entry = c->second.file.entries[e->second];
    if (entry.fuzzy || entry.forms.empty()) return nullptr;
    for (const std::string& form : entry.forms) {
        if (form.empty()) return nullptr;
    }
    return &entry;
}

UiText Strings::Get(std::string_view key, const std::string& lang) const {
    for (const std::string& l : FallbackChain(lang)) {
        if (const PoEntry* entry = Find(l, key)) return UiText{entry->forms[0], l, l != lang};
    }
    // No translation anywhere: the English source text of any catalog (never the key).
    for (const auto& [l, catalog] : catalogs_) {
        auto e = catalog.by_key.find(key);
        if (e != catalog.by_key.end() && !catalog.file.entries[e->second].id.empty()) {
            return UiText{catalog.file.entries[e->second].id, "en", lang != "en"};
        }
    }
    base::LogError("ui_string_unknown_key", std::string("key=") + std::string(key));
    return UiText{"?", "en", true};
}

UiText Strings::Plural(std::string_view key, long long n, const std::string& lang) const {
    const std::vector<std::pair<std::string, std::string>> values = {{"n", std::to_string(n)}};
    for (const std::string& l : FallbackChain(lang)) {
        if (const PoEntry* entry = Find(l, key)) {
            size_t index = static_cast<size_t>(PluralIndex(l, n));
            if (index >= entry->forms.size()) index = entry->forms.size() - 1;
            return UiText{Format(entry->forms[index], values), l, l != lang};
        }
    }
    for (const auto& [l, catalog] : catalogs_) {
        auto e = catalog.by_key.find(key);
        if (e != catalog.by_key.end()) {
            const PoEntry& entry = catalog.file.entries[e->second];
            const std::string& source = (n != 1 && !entry.id_plural.empty()) ? entry.id_plural : entry.id;
            if (!source.empty()) return UiText{Format(source, values), "en", lang != "en"};
        }
    }
    base::LogError("ui_string_unknown_key", std::string("key=") + std::string(key));
    return UiText{std::to_string(n), "en", true};
}

std::vector<std::string> Strings::Languages() const {
    std::vector<std::string> langs;
    for (const auto& [l, c] : catalogs_) langs.push_back(l);
    return langs;
}

std::vector<std::string> Strings::Keys() const {
    std::set<std::string> keys;
    for (const auto& [l, c] : catalogs_) {
        for (const auto& [k, i] : c.by_key) keys.insert(k);
    }
    return {keys.begin(), keys.end()};
}

std::vector<std::string> Strings::MissingKeys(const std::string& lang) const {
    std::vector<std::string> missing;
    for (const std::string& key : Keys()) {
        const PoEntry* entry = Find(lang, key);
        if (!entry) {
            missing.push_back(key);
            continue;
        }
        if (!entry->id_plural.empty() && static_cast<int>(entry->forms.size()) != PluralCount(lang)) missing.push_back(key);
    }
    return missing;
}

bool Strings::HasKey(std::string_view key) const {
    for (const auto& [l, c] : catalogs_) {
        if (c.by_key.find(key) != c.by_key.end()) return true;
    }
    return false;
}

const PoFile* Strings::Catalog(const std::string& lang) const {
    auto c = catalogs_.find(lang);
    return c == catalogs_.end() ? nullptr : &c->second.file;
}

}  // namespace ui
