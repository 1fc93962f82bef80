// Tests of ui/strings: every key in every language, placeholders kept, .po parsing errors,
// the fallback chain, that every key the code uses exists, and that every word the staff editor
// builds from the content catalogue (tables, columns, text fields, choices) exists in lv, en, ru
// and uk.
#include <catch2/catch_test_macros.hpp>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "base/log.h"
#include "content/staff_edit.h"
#include "content/store.h"
#include "tests/ui/ui_fixture.h"
#include "ui/staff_field_pickers.h"
#include "ui/staff_session.h"
#include "ui/strings.h"

namespace {

std::set<std::string> Placeholders(const std::string& s) {
    std::set<std::string> out;
    std::regex re("\\{([a-z_]+)\\}");
    for (auto it = std::sregex_iterator(s.begin(), s.end(), re); it != std::sregex_iterator(); ++it) out.insert((*it)[1]);
    return out;
}

std::string ReadFile(const std::filesystem::path& p) {
    std::ifstream in(p);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// A key the staff editor builds from the content catalogue, what it labels, and how the editor
// asks for it (the same functions the screens call).
struct StaffWordCase {
    enum class Kind { Table, Field, Choice } kind;
    std::string table, field, value;
    std::string key;
    std::string what;  // "service.minimum_age", for the failure message
};

// Walks the catalogue: every editable table, its columns as DescribeEditableColumns gives them
// (with choices), its translatable fields, and the fields ReadEditableRecord returns for every
// demo record (booking form option labels "option:<value>" among them).
std::vector<StaffWordCase> StaffCatalogueWords(content::Db& db) {
    using Kind = StaffWordCase::Kind;
    std::vector<StaffWordCase> cases;
    std::set<std::string> seen;
    auto add = [&](Kind kind, const std::string& table, const std::string& field, const std::string& value) {
        std::string key = kind == Kind::Table   ? ui::StaffTableKey(table)
                          : kind == Kind::Field ? ui::StaffFieldKey(field)
                                                : ui::ChoiceKey(table, field, value);
        std::string what = table + (field.empty() ? "" : "." + field) + (value.empty() ? "" : "=" + value);
        if (seen.insert(key).second) cases.push_back({kind, table, field, value, key, what});
    };
    const std::vector<std::string> langs = {"lv", "en", "ru", "uk"};
    for (const std::string& table : content::EditableTables()) {
        add(Kind::Table, table, "", "");
        const std::vector<std::string>* columns = content::EditableColumns(table);
        REQUIRE(columns != nullptr);
        auto described = content::DescribeEditableColumns(db, table);
        INFO(table << ": " << (described.ok() ? std::string() : described.error().ToString()));
        REQUIRE(described.ok());
        REQUIRE(described->size() == columns->size());
        for (const content::EditableField& field : *described) {
            add(Kind::Field, table, field.field, "");
            for (const std::string& choice : field.choices) add(Kind::Choice, table, field.field, choice);
        }
        if (const auto* texts = content::TranslatableFields(table)) {
            for (const std::string& field : *texts) add(Kind::Field, table, field, "");
        }
        auto records = content::ListEditableRecords(db, table, "lv", langs);
        REQUIRE(records.ok());
        for (const content::EditableSummary& summary : *records) {
            auto record = content::ReadEditableRecord(db, table, summary.id, langs);
            REQUIRE(record.ok());
            for (const content::EditableField& field : record->fields) {
                add(Kind::Field, table, field.field, "");
                for (const std::string& choice : field.choices) add(Kind::Choice, table, field.field, choice);
            }
        }
    }
    return cases;
}

// Collects staff_label_missing events while alive.
struct MissingLabelLog {
    MissingLabelLog() {
        previous = base::SetLogSink([this](base::LogLevel, std::string_view event, std::string_view detail) {
            if (event == "staff_label_missing") lines.emplace_back(detail);
        });
    }
    ~MissingLabelLog() { base::SetLogSink(previous); }
    base::LogSink previous;
    std::vector<std::string> lines;
};

const char* kHeader =
    "msgid \"\"\nmsgstr \"\"\n\"Language: ru\\n\"\n"
    "\"Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || "
    "n%100>=20) ? 1 : 2);\\n\"\n\n";

}  // namespace

TEST_CASE("every UI string exists in every language (lv, en, ru, uk)", "[ui][strings]") {
    auto strings = ui::Strings::LoadEmbedded();
    REQUIRE(strings.ok());
    std::vector<std::string> langs = strings->Languages();
    for (const char* required : {"lv", "en", "ru", "uk"}) {
        CHECK(std::find(langs.begin(), langs.end(), required) != langs.end());
    }
    REQUIRE(strings->Keys().size() > 100);
    for (const std::string& lang : langs) {
        INFO("language " << lang);
        CHECK(strings->MissingKeys(lang).empty());
        for (const std::string& key : strings->MissingKeys(lang)) FAIL_CHECK("missing " << lang << ": " << key);
    }
}

TEST_CASE("translations keep the placeholders of the English source", "[ui][strings]") {
    auto strings = ui::Strings::LoadEmbedded();
    REQUIRE(strings.ok());
    for (const std::string& lang : strings->Languages()) {
        const ui::PoFile* po = strings->Catalog(lang);
        REQUIRE(po != nullptr);
        for (const ui::PoEntry& e : po->entries) {
            auto expected = Placeholders(e.id);
            for (const std::string& form : e.forms) {
                INFO(lang << " " << e.context << ": " << form);
                CHECK(Placeholders(form) == expected);
            }
        }
    }
}

TEST_CASE("every string key the ui code uses is in the catalog", "[ui][strings]") {
    auto strings = ui::Strings::LoadEmbedded();
    REQUIRE(strings.ok());
    // Literal keys passed to T(), TP(), TT(), Get() and Plural() in ui/*.cpp.
    std::regex call("\\b(?:T|TP|TT|Get|Plural)\\(\"([a-z_]+(?:\\.[a-z_]+)+)\"");
    int found = 0;
    for (const auto& entry : std::filesystem::directory_iterator(std::filesystem::path(KIOSK_SOURCE_DIR) / "ui")) {
        if (entry.path().extension() != ".cpp") continue;
        std::string text = ReadFile(entry.path());
        for (auto it = std::sregex_iterator(text.begin(), text.end(), call); it != std::sregex_iterator(); ++it) {
            ++found;
            INFO(entry.path().filename().string() << " uses " << (*it)[1]);
            CHECK(strings->HasKey((*it)[1].str()));
        }
    }
    CHECK(found > 80);
    // Keys built at run time from content values: every value the schema allows.
    for (const char* kind : {"language_course", "upskilling_course", "practical_session", "family_event", "round_table",
                             "seminar", "event"}) {
        CHECK(strings->HasKey(std::string("courses.kind.") + kind));
    }
    for (const char* kind : {"service", "course_series", "organization"}) {
        CHECK(strings->HasKey(std::string("search.kind.") + kind));
    }
}

TEST_CASE("lookups fall back ru -> en -> lv, are marked, and never show a key", "[ui][strings]") {
    std::string ru = std::string(kHeader) +
                     "msgctxt \"a.both\"\nmsgid \"Both\"\nmsgstr \"Оба\"\n\n"
                     "#, fuzzy\nmsgctxt \"a.fuzzy\"\nmsgid \"Fuzzy\"\nmsgstr \"Нечётко\"\n\n"
                     "msgctxt \"a.lv_only\"\nmsgid \"Latvian only\"\nmsgstr \"\"\n";
    std::string en = "msgid \"\"\nmsgstr \"\"\n\"Language: en\\n\"\n\"Plural-Forms: nplurals=2; plural=(n != 1);\\n\"\n\n"
                     "msgctxt \"a.both\"\nmsgid \"Both\"\nmsgstr \"Both\"\n\n"
                     "msgctxt \"a.fuzzy\"\nmsgid \"Fuzzy\"\nmsgstr \"Fuzzy\"\n";
    std::string lv = "msgid \"\"\nmsgstr \"\"\n\"Language: lv\\n\"\n"
                     "\"Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n != 0 ? 1 : 2);\\n\"\n\n"
                     "msgctxt \"a.lv_only\"\nmsgid \"Latvian only\"\nmsgstr \"Tikai latviski\"\n";
    auto strings = ui::Strings::FromPoTexts({{"ru.po", ru}, {"en.po", en}, {"lv.po", lv}});
    REQUIRE(strings.ok());
    ui::UiText both = strings->Get("a.both", "ru");
    CHECK(both.text == "Оба");
    CHECK_FALSE(both.fallback);
    ui::UiText fuzzy = strings->Get("a.fuzzy", "ru");  // fuzzy counts as missing
    CHECK(fuzzy.text == "Fuzzy");
    CHECK(fuzzy.lang == "en");
    CHECK(fuzzy.fallback);
    ui::UiText lv_only = strings->Get("a.lv_only", "ru");  // not in ru (empty), not in en
    CHECK(lv_only.text == "Tikai latviski");
    CHECK(lv_only.lang == "lv");
    CHECK(lv_only.fallback);
    CHECK(strings->MissingKeys("ru") == std::vector<std::string>{"a.fuzzy", "a.lv_only"});
    CHECK(strings->MissingKeys("en") == std::vector<std::string>{"a.lv_only"});
    // A language with no catalog at all still gets text, never the key.
    ui::UiText de = strings->Get("a.both", "de");
    CHECK(de.text == "Both");
    CHECK(de.fallback);
}

TEST_CASE("plural forms follow each language's rule", "[ui][strings]") {
    auto strings = ui::Strings::LoadEmbedded();
    REQUIRE(strings.ok());
    CHECK(strings->Plural("courses.seats_left", 1, "ru").text == "Осталось 1 место");
    CHECK(strings->Plural("courses.seats_left", 3, "ru").text == "Осталось 3 места");
    CHECK(strings->Plural("courses.seats_left", 5, "ru").text == "Осталось 5 мест");
    CHECK(strings->Plural("courses.seats_left", 21, "ru").text == "Осталось 21 место");
    CHECK(strings->Plural("courses.seats_left", 11, "ru").text == "Осталось 11 мест");
    CHECK(strings->Plural("search.results", 1, "lv").text == "1 rezultāts");
    CHECK(strings->Plural("search.results", 7, "lv").text == "7 rezultāti");
    CHECK(strings->Plural("search.results", 0, "lv").text == "0 rezultātu");
    CHECK(strings->Plural("search.results", 1, "en").text == "1 result");
    CHECK(strings->Plural("search.results", 2, "en").text == "2 results");
    CHECK(strings->Plural("courses.seats_left", 2, "uk").text == "Залишилося 2 місця");
    for (const std::string& lang : strings->Languages()) {
        CHECK(strings->Catalog(lang)->nplurals == ui::PluralCount(lang));
    }
}

TEST_CASE("malformed .po input gives a clear error naming the line", "[ui][strings]") {
    auto missing_quote = ui::ParsePo(std::string(kHeader) + "msgctxt \"k\"\nmsgid \"x\nmsgstr \"y\"\n", "bad.po");
    REQUIRE_FALSE(missing_quote.ok());
    CHECK(missing_quote.error().code == "po_syntax");
    CHECK(missing_quote.error().message.find("bad.po:") == 0);

    auto duplicate = ui::ParsePo(std::string(kHeader) + "msgctxt \"k\"\nmsgid \"x\"\nmsgstr \"y\"\n\n"
                                                         "msgctxt \"k\"\nmsgid \"x2\"\nmsgstr \"y2\"\n",
                                 "dup.po");
    REQUIRE_FALSE(duplicate.ok());
    CHECK(duplicate.error().code == "po_duplicate_key");
    CHECK(duplicate.error().message.find("\"k\"") != std::string::npos);

    auto no_key = ui::ParsePo(std::string(kHeader) + "msgid \"x\"\nmsgstr \"y\"\n", "nokey.po");
    REQUIRE_FALSE(no_key.ok());
    CHECK(no_key.error().message.find("no msgctxt") != std::string::npos);

    auto no_msgstr = ui::ParsePo(std::string(kHeader) + "msgctxt \"k\"\nmsgid \"x\"\n\nmsgctxt \"j\"\nmsgid \"z\"\nmsgstr \"w\"\n",
                                 "nostr.po");
    REQUIRE_FALSE(no_msgstr.ok());
    CHECK(no_msgstr.error().message.find("without msgstr") != std::string::npos);

    auto no_header = ui::ParsePo("msgctxt \"k\"\nmsgid \"x\"\nmsgstr \"y\"\n", "nohead.po");
    REQUIRE_FALSE(no_header.ok());
    CHECK(no_header.error().message.find("no header") != std::string::npos);

    auto wrong_plurals = ui::Strings::FromPoTexts(
        {{"lv.po", "msgid \"\"\nmsgstr \"\"\n\"Language: lv\\n\"\n\"Plural-Forms: nplurals=2; plural=(n != 1);\\n\"\n"}});
    REQUIRE_FALSE(wrong_plurals.ok());
    CHECK(wrong_plurals.error().code == "po_plural_rule");
}

TEST_CASE("escapes and continuation lines are read as gettext does", "[ui][strings]") {
    auto po = ui::ParsePo(std::string(kHeader) + "msgctxt \"k\"\nmsgid \"\"\n\"Line \\\"one\\\"\\n\"\n\"two\"\nmsgstr \"A\\tB\"\n",
                          "esc.po");
    REQUIRE(po.ok());
    REQUIRE(po->entries.size() == 1);
    CHECK(po->entries[0].id == "Line \"one\"\ntwo");
    CHECK(po->entries[0].forms[0] == "A\tB");
    CHECK(ui::Format("{a} and {b} and {c}", {{"a", "1"}, {"b", "2"}}) == "1 and 2 and {c}");
}

TEST_CASE("every staff editor label of the content catalogue exists in lv, en, ru and uk", "[ui][strings][staff]") {
    auto strings = ui::Strings::LoadEmbedded();
    REQUIRE(strings.ok());
    uitest::DemoDb demo;
    const std::vector<StaffWordCase> cases = StaffCatalogueWords(demo.db);
    // Twelve tables, over a hundred columns and text fields, dozens of choices: far fewer means
    // the walk broke, not that the strings are complete.
    using Kind = StaffWordCase::Kind;
    auto count = [&](Kind kind) { return std::count_if(cases.begin(), cases.end(), [&](const auto& c) { return c.kind == kind; }); };
    CHECK(count(Kind::Table) == long(content::EditableTables().size()));
    CHECK(count(Kind::Field) > 90);
    CHECK(count(Kind::Choice) > 40);

    std::vector<std::string> failures;
    for (const StaffWordCase& c : cases) {
        if (!strings->HasKey(c.key)) {
            failures.push_back("missing in every language: " + c.key + " (" + c.what + ")");
            continue;
        }
        const std::string english = strings->Get(c.key, "en").text;
        for (const char* lang : {"lv", "en", "ru", "uk"}) {
            ui::UiText text = strings->Get(c.key, lang);
            if (text.fallback) {
                failures.push_back(std::string("missing ") + lang + ": " + c.key + " (" + c.what + ")");
            } else if (std::string(lang) != "en" && text.text == english) {
                // An English msgstr copied into another catalogue passes the lookup but is the
                // same English word on a Latvian, Russian or Ukrainian screen.
                failures.push_back(std::string("untranslated ") + lang + ": " + c.key + " = \"" + english + "\"");
            }
        }
    }
    for (const std::string& failure : failures) FAIL_CHECK(failure);
    CHECK(failures.empty());
}

TEST_CASE("the staff screens ask for exactly the catalogue's words and log none missing", "[ui][strings][staff]") {
    auto strings = ui::Strings::LoadEmbedded();
    REQUIRE(strings.ok());
    uitest::DemoDb demo;
    const std::vector<StaffWordCase> cases = StaffCatalogueWords(demo.db);
    REQUIRE(cases.size() > 100);
    uitest::HeadlessUi h(demo.db);
    ui::VisitorUi::Impl& impl = h.ui().ImplForTests();
    MissingLabelLog log;
    for (const char* lang : {"lv", "en", "ru", "uk"}) {
        impl.SetLanguage(lang);
        for (const StaffWordCase& c : cases) {
            std::string label;
            switch (c.kind) {
                case StaffWordCase::Kind::Table: label = ui::StaffTableLabel(impl, c.table); break;
                case StaffWordCase::Kind::Field: label = ui::StaffFieldLabel(impl, c.field); break;
                case StaffWordCase::Kind::Choice: label = ui::ChoiceLabel(impl, c.table, c.field, c.value); break;
            }
            const std::string word = strings->Get(c.key, lang).text;
            INFO(lang << " " << c.what);
            // An option label is "Option: <value>" (the value is the form's own data).
            if (c.field.rfind("option:", 0) == 0) CHECK(label == word + ": " + c.field.substr(7));
            else CHECK(label == word);
        }
    }
    for (const std::string& line : log.lines) FAIL_CHECK("staff_label_missing " << line);
    CHECK(log.lines.empty());
}

TEST_CASE("a staff label absent from the catalogue is readable and logged once per key and language",
          "[ui][strings][staff]") {
    uitest::DemoDb demo;
    uitest::HeadlessUi h(demo.db);
    ui::VisitorUi::Impl& impl = h.ui().ImplForTests();
    // A catalogue with one label in English and Latvian only, as when uk.po lags behind.
    const std::string lv = "msgid \"\"\nmsgstr \"\"\n\"Language: lv\\n\"\n"
                           "\"Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n != 0 ? 1 : 2);\\n\"\n\n"
                           "msgctxt \"staff.field.label_test_en_only\"\nmsgid \"Tested\"\nmsgstr \"Pārbaudīts\"\n";
    const std::string en = "msgid \"\"\nmsgstr \"\"\n\"Language: en\\n\"\n\"Plural-Forms: nplurals=2; plural=(n != 1);\\n\"\n\n"
                           "msgctxt \"staff.field.label_test_en_only\"\nmsgid \"Tested\"\nmsgstr \"Tested\"\n";
    auto strings = ui::Strings::FromPoTexts({{"lv.po", lv}, {"en.po", en}});
    REQUIRE(strings.ok());
    impl.strings = std::move(strings).value();
    MissingLabelLog log;

    impl.SetLanguage("lv");
    CHECK(ui::StaffFieldLabel(impl, "label_test_en_only") == "Pārbaudīts");
    CHECK(log.lines.empty());

    // uk: the catalogue's fallback (English), marked in the journal, once however often drawn.
    impl.SetLanguage("uk");
    CHECK(ui::StaffFieldLabel(impl, "label_test_en_only") == "Tested");
    CHECK(ui::StaffFieldLabel(impl, "label_test_en_only") == "Tested");
    REQUIRE(log.lines.size() == 1);
    CHECK(log.lines[0] == "key=staff.field.label_test_en_only lang=uk shown=en");

    // A column no catalogue knows (a newer hub's): its name made readable, never the raw key.
    CHECK(ui::StaffFieldLabel(impl, "label_test_new_column") == "Label test new column");
    CHECK(ui::StaffTableLabel(impl, "label_test_table") == "Label test table");
    CHECK(ui::ChoiceLabel(impl, "service", "status", "label_test_VALUE") == "Label test value");
    CHECK(ui::StaffFieldLabel(impl, "label_test_new_column") == "Label test new column");
    REQUIRE(log.lines.size() == 4);
    CHECK(log.lines[1] == "key=staff.field.label_test_new_column lang=uk shown=humanized");
    CHECK(log.lines[2] == "key=staff.table.label_test_table lang=uk shown=humanized");
    CHECK(log.lines[3] == "key=staff.choice.service.status.label_test_value lang=uk shown=humanized");
    // The same key in another language is its own defect.
    impl.SetLanguage("ru");
    CHECK(ui::StaffFieldLabel(impl, "label_test_new_column") == "Label test new column");
    REQUIRE(log.lines.size() == 5);
    CHECK(log.lines[4] == "key=staff.field.label_test_new_column lang=ru shown=humanized");
}
