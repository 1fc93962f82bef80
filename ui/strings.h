// ui/strings.h: the UI's own words (not content), by key, in every offered language.
//
// Design note
// - The source of truth is ui/strings/<lang>.po (gettext). msgctxt is the stable key the code
//   uses ("home.services"); msgid is the English source text, so translators work in the usual
//   tools (Poedit, Weblate) and see the English next to their own language. Plural entries use
//   msgid_plural / msgstr[i] with the language's gettext plural rule.
// - The .po files are embedded into the binary at build time (ui/embed_strings.cmake), so an
//   installed image needs no data files; LoadEmbedded() parses them once at startup.
// - Lookup never returns an empty string or a key: the chain is the reader's language, then
//   "en", then "lv", then the English source text (msgid) of any catalog; each step away from
//   the reader's language sets `fallback` so the screen can mark it. An entry marked fuzzy or
//   with an empty msgstr counts as missing (gettext does the same).
// - Placeholders are named in braces ("{n}", "{date}"); Format() fills them.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/result.h"

namespace ui {

// One parsed entry of a .po file.
struct PoEntry {
    std::string context;                 // msgctxt: the key
    std::string id;                      // msgid: English source
    std::string id_plural;               // msgid_plural, empty for a singular entry
    std::vector<std::string> forms;      // msgstr (one) or msgstr[0..n-1]
    bool fuzzy = false;
};

struct PoFile {
    std::string language;                // from the header's "Language:"
    int nplurals = 2;                    // from the header's "Plural-Forms:"
    std::vector<PoEntry> entries;        // header excluded
};

// Parses .po text. Errors "po_syntax" with "<name>:<line>: what" for malformed input; a
// duplicate key is "po_duplicate_key".
base::Result<PoFile> ParsePo(std::string_view text, const std::string& name);

// The gettext plural form index of n for a language (lv, en, ru, uk, and a safe default of the
// English rule for others). Must agree with the Plural-Forms header of the language's .po file.
int PluralIndex(const std::string& lang, long long n);
int PluralCount(const std::string& lang);

// A looked-up string and whether it had to come from another language.
struct UiText {
    std::string text;
    std::string lang;
    bool fallback = false;
};

class Strings {
public:
    // The catalogs built into the binary (ui/strings/*.po).
    static base::Result<Strings> LoadEmbedded();
    // From .po texts given as (name, text) pairs; used by tests and LoadEmbedded.
    static base::Result<Strings> FromPoTexts(const std::vector<std::pair<std::string, std::string>>& po_texts);

    UiText Get(std::string_view key, const std::string& lang) const;
    UiText Plural(std::string_view key, long long n, const std::string& lang) const;  // fills {n}
    // Shorthands that return only the text.
    std::string operator()(std::string_view key, const std::string& lang) const { return Get(key, lang).text; }

    std::vector<std::string> Languages() const;   // languages with a catalog
    std::vector<std::string> Keys() const;        // union of keys of all catalogs, sorted
    // Keys of `lang` that are absent, fuzzy or have an empty form (for the completeness check).
    std::vector<std::string> MissingKeys(const std::string& lang) const;
    bool HasKey(std::string_view key) const;
    const PoFile* Catalog(const std::string& lang) const;

private:
    struct Catalog_ {
        PoFile file;
        std::map<std::string, size_t, std::less<>> by_key;
    };
    const PoEntry* Find(const std::string& lang, std::string_view key) const;
    std::map<std::string, Catalog_> catalogs_;
};

// Replaces each "{name}" of `pattern` by its value; unknown names stay as written (visible in
// a test, never silently dropped).
std::string Format(std::string_view pattern, const std::vector<std::pair<std::string, std::string>>& values);

// The fallback chain for a reader of `lang`: lang, then "en", then "lv" (no repeats).
std::vector<std::string> FallbackChain(const std::string& lang);

}  // namespace ui
