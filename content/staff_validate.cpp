// content/staff_validate.cpp: what a staff edit may write, with messages for people in Latvian,
// English, Russian and Ukrainian (the staff UI's languages). Codes are stable (tests and the staff screens match on them); messages
// are for the staff member and may change.
//
// The rules come from the column catalogue (staff_columns.cpp) and from the schema itself (NOT
// NULL columns without a default are required on create, and may never be cleared), plus the
// few rules between fields: a session's capacity never below its seats_taken, an end never
// before its start, closing time after opening time.
#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

#include "base/json.h"
#include "content/staff_internal.h"
#include "content/store.h"
#include "content/text.h"

namespace content {
namespace staff_detail {
namespace {

constexpr size_t kMaxColumnBytes = 2000;
constexpr size_t kMaxTextBytes = 20000;

struct Message {
    const char* lv;
    const char* en;
    const char* ru;
    const char* uk;
};

const std::map<std::string, Message>& Messages() {
    static const std::map<std::string, Message> messages = {
        {"required",
         {"Šis lauks ir obligāts.", "This field is required.", "Это поле обязательно.", "Це поле обов’язкове."}},
        {"too_long", {"Teksts ir par garu.", "The text is too long.", "Текст слишком длинный.", "Текст задовгий."}},
        {"bad_text",
         {"Tekstā ir bojātas rakstzīmes.", "The text contains broken characters.",
          "В тексте есть повреждённые символы.", "У тексті є пошкоджені символи."}},
        {"bad_email",
         {"Ievadiet derīgu e-pasta adresi.", "Enter a valid e-mail address.",
          "Введите правильный адрес электронной почты.", "Введіть правильну адресу електронної пошти."}},
        {"bad_url",
         {"Ievadiet tīmekļa adresi, kas sākas ar https:// vai http://.",
          "Enter a web address starting with https:// or http://.",
          "Введите веб-адрес, начинающийся с https:// или http://.",
          "Введіть веб-адресу, що починається з https:// або http://."}},
        {"bad_phone",
         {"Ievadiet tālruņa numuru (6 līdz 15 cipari, var sākties ar +).",
          "Enter a phone number (6 to 15 digits, may start with +).",
          "Введите номер телефона (от 6 до 15 цифр, может начинаться с +).",
          "Введіть номер телефону (від 6 до 15 цифр, може починатися з +)."}},
        {"bad_time",
         {"Ievadiet laiku formātā SS:MM, piemēram, 09:30.", "Enter a time as HH:MM, for example 09:30.",
          "Введите время в формате ЧЧ:ММ, например 09:30.", "Введіть час у форматі ГГ:ХХ, наприклад 09:30."}},
        {"bad_date",
         {"Ievadiet datumu formātā GGGG-MM-DD.", "Enter a date as YYYY-MM-DD.", "Введите дату в формате ГГГГ-ММ-ДД.",
          "Введіть дату у форматі РРРР-ММ-ДД."}},
        {"bad_number",
         {"Ievadiet veselu skaitli.", "Enter a whole number.", "Введите целое число.", "Введіть ціле число."}},
        {"bad_decimal", {"Ievadiet skaitli.", "Enter a number.", "Введите число.", "Введіть число."}},
        {"too_small",
         {"Skaitlis ir par mazu (vismaz {}).", "The number is too small (at least {}).",
          "Число слишком маленькое (не меньше {}).", "Число замале (не менше {})."}},
        {"below_seats_taken",
         {"Vietu skaits nevar būt mazāks par jau rezervētajām vietām ({}).",
          "Capacity cannot be lower than the seats already booked ({}).",
          "Число мест не может быть меньше уже забронированных ({}).",
          "Кількість місць не може бути меншою за вже заброньовані ({})."}},
        {"end_before_start",
         {"Beigām jābūt pēc sākuma.", "The end must be after the start.", "Окончание должно быть позже начала.",
          "Кінець має бути пізніше за початок."}},
        {"bad_choice",
         {"Izvēlieties vienu no: {}.", "Choose one of: {}.", "Выберите одно из: {}.", "Виберіть одне з: {}."}},
        {"unknown_parent",
         {"Saistītais ieraksts neeksistē.", "The linked record does not exist.", "Связанная запись не существует.",
          "Пов’язаного запису не існує."}},
        {"bad_language",
         {"Ievadiet valodas kodu, piemēram, lv, en vai ru.", "Enter a language code such as lv, en or ru.",
          "Введите код языка, например lv, en или ru.", "Введіть код мови, наприклад lv, en або ru."}},
        {"bad_options",
         {"Ievadiet izvēles kā JSON tekstu sarakstu.", "Enter the options as a JSON list of texts.",
          "Введите варианты как JSON-список строк.", "Введіть варіанти як JSON-список рядків."}},
        {"unknown_field",
         {"Šo lauku nevar rediģēt.", "This field cannot be edited.", "Это поле нельзя редактировать.",
          "Це поле не можна редагувати."}},
        {"unknown_table",
         {"Šos ierakstus nevar rediģēt.", "These records cannot be edited.", "Эти записи нельзя редактировать.",
          "Ці записи не можна редагувати."}},
        {"not_found",
         {"Šis ieraksts vairs neeksistē.", "This record no longer exists.", "Эта запись больше не существует.",
          "Цього запису більше не існує."}},
        {"already_exists",
         {"Ieraksts ar šo identifikatoru jau eksistē.", "A record with this id already exists.",
          "Запись с этим идентификатором уже существует.", "Запис із цим ідентифікатором уже існує."}},
        {"bad_id",
         {"Labojumam nav derīga identifikatora.", "The edit has no valid id.",
          "У правки нет допустимого идентификатора.", "Правка не має допустимого ідентифікатора."}},
        {"no_changes",
         {"Nav izmaiņu, ko saglabāt.", "There are no changes to save.", "Нет изменений для сохранения.",
          "Немає змін для збереження."}},
        {"duplicate_key",
         {"Šajā veidlapā jau ir lauks ar šo atslēgu.", "This form already has a field with this key.",
          "В этой форме уже есть поле с таким ключом.", "У цій формі вже є поле з таким ключем."}},
        {"duplicate_field",
         {"Lauks ir norādīts divreiz.", "The field is listed twice.", "Поле указано дважды.", "Поле вказано двічі."}},
    };
    return messages;
}

}  // namespace

std::string ProblemMessage(const std::string& code, const std::string& lang, const std::string& argument) {
    const auto& messages = Messages();
    auto it = messages.find(code);
    if (it == messages.end()) return code;
    std::string primary = lang.substr(0, lang.find('-'));
    // The staff screens run in every UI language (lv, en, ru, uk); any other language reads
    // English, the catalogue's common fallback (ui/strings.h), never a language it did not ask for.
    const char* pattern = primary == "lv"   ? it->second.lv
                          : primary == "ru" ? it->second.ru
                          : primary == "uk" ? it->second.uk
                                            : it->second.en;
    std::string text = pattern;
    size_t slot = text.find("{}");
    if (slot != std::string::npos) text.replace(slot, 2, argument);
    return text;
}

namespace {

bool IsEmail(const std::string& value) {
    size_t at = value.find('@');
    if (at == std::string::npos || at == 0 || value.find('@', at + 1) != std::string::npos) return false;
    if (value.find_first_of(" \t\r\n,;<>\"") != std::string::npos || value.size() > 254) return false;
    std::string domain = value.substr(at + 1);
    size_t dot = domain.rfind('.');
    if (dot == std::string::npos || dot == 0 || dot + 2 > domain.size()) return false;
    return domain.find("..") == std::string::npos && domain.front() != '-' && domain.front() != '.';
}

bool IsUrl(const std::string& value) {
    std::string rest;
    if (value.rfind("https://", 0) == 0) rest = value.substr(8);
    else if (value.rfind("http://", 0) == 0) rest = value.substr(7);
    else return false;
    if (value.find_first_of(" \t\r\n\"<>\\") != std::string::npos) return false;
    std::string host = rest.substr(0, rest.find_first_of("/?#"));
    size_t at = host.rfind('@');
    if (at != std::string::npos) host = host.substr(at + 1);
    host = host.substr(0, host.find(':'));
    return host.size() >= 3 && host.find('.') != std::string::npos && host.front() != '.' && host.back() != '.';
}

bool IsPhone(const std::string& value) {
    int digits = 0;
    for (size_t i = 0; i < value.size(); ++i) {
        char c = value[i];
        if (c >= '0' && c <= '9') ++digits;
        else if (c == '+' && i == 0) continue;
        else if (c != ' ' && c != '-' && c != '(' && c != ')' && c != '.') return false;
    }
    return digits >= 6 && digits <= 15;
}

bool IsTime(const std::string& value) {
    return value.size() == 5 && std::isdigit((unsigned char)value[0]) && std::isdigit((unsigned char)value[1]) &&
           value[2] == ':' && std::isdigit((unsigned char)value[3]) && std::isdigit((unsigned char)value[4]) &&
           std::stoi(value.substr(0, 2)) <= 23 && std::stoi(value.substr(3, 2)) <= 59;
}

bool IsDate(const std::string& value) {
    int y = 0, m = 0, d = 0, n = 0;
    if (value.size() != 10 || std::sscanf(value.c_str(), "%4d-%2d-%2d%n", &y, &m, &d, &n) != 3 || n != 10) return false;
    static const int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12 || d < 1 || d > kDays[m - 1]) return false;
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return !(m == 2 && d == 29 && !leap);
}

bool IsOptionList(const std::string& value) {
    json parsed = base::ParseJsonOrDiscarded(value);
    if (!parsed.is_array()) return false;
    return std::all_of(parsed.begin(), parsed.end(), [](const json& item) { return item.is_string(); });
}

std::string Join(const std::vector<std::string>& items) {
    std::string text;
    for (const std::string& item : items) text += (text.empty() ? "" : ", ") + item;
    return text;
}

class Checker {
public:
    Checker(Db& db, const StaffEdit& edit, const std::string& lang) : db_(db), edit_(edit), lang_(lang) {}

    void Add(const std::string& field, const std::string& code, const std::string& argument = {}) {
        problems_.push_back({field, code, ProblemMessage(code, lang_, argument)});
    }

    // Checks one column value (already coerced); returns false when a problem was added.
    Result<bool> CheckColumn(const std::string& field, const ColumnSpec& spec, const json& value) {
        if (value.is_null()) return true;  // required-ness is checked by the caller
        switch (spec.kind) {
            case ColumnKind::Integer:
                if (value.get<int64_t>() < spec.min_value) {
                    Add(field, "too_small", std::to_string(spec.min_value));
                    return false;
                }
                return true;
            case ColumnKind::Bool:
            case ColumnKind::Real: return true;
            default: break;
        }
        const std::string& text = value.get_ref<const std::string&>();
        if (text.size() > kMaxColumnBytes) {
            Add(field, "too_long");
            return false;
        }
        bool ok = true;
        switch (spec.kind) {
            case ColumnKind::Email: ok = IsEmail(text); if (!ok) Add(field, "bad_email"); break;
            case ColumnKind::Url: ok = IsUrl(text); if (!ok) Add(field, "bad_url"); break;
            case ColumnKind::Phone: ok = IsPhone(text); if (!ok) Add(field, "bad_phone"); break;
            case ColumnKind::Time: ok = IsTime(text); if (!ok) Add(field, "bad_time"); break;
            case ColumnKind::Date: ok = IsDate(text); if (!ok) Add(field, "bad_date"); break;
            case ColumnKind::LangTag: ok = IsLanguageTag(text); if (!ok) Add(field, "bad_language"); break;
            case ColumnKind::JsonArray: ok = IsOptionList(text); if (!ok) Add(field, "bad_options"); break;
            case ColumnKind::Choice:
                ok = std::find(spec.choices.begin(), spec.choices.end(), text) != spec.choices.end();
                if (!ok) Add(field, "bad_choice", Join(spec.choices));
                break;
            case ColumnKind::Reference: {
                if (!IsSafeId(text)) {
                    Add(field, "unknown_parent");
                    return false;
                }
                Stmt parent = TRY_VALUE(db_.Prepare(std::string("SELECT 1 FROM \"") + spec.parent + "\" WHERE id = ?1"));
                parent.Bind(1, text);
                ok = TRY_VALUE(parent.Step());
                if (!ok) Add(field, "unknown_parent");
                break;
            }
            default: break;
        }
        return ok;
    }

    Result<std::vector<EditProblem>> Run(RecordRule rule) {
        if (!TableColumns(edit_.table)) {
            Add("", "unknown_table");
            return problems_;
        }
        if (!IsSafeId(edit_.record_id) || !IsSafeId(edit_.edit_id) || !IsSafeId(edit_.staff_id)) Add("", "bad_id");
        auto row = TRY_VALUE(LoadRow(db_, edit_.table, edit_.record_id));
        if (edit_.action == EditAction::Delete) {
            if (!row && rule == RecordRule::MustExist) Add("", "not_found");
            return problems_;
        }
        if (edit_.changes.empty()) Add("", "no_changes");
        if (edit_.action == EditAction::Update && !row && rule == RecordRule::MustExist) {
            Add("", "not_found");
            return problems_;
        }
        if (edit_.action == EditAction::Create && row && rule == RecordRule::MustExist) Add("", "already_exists");

        // A create must give the NOT NULL columns without a default; no NOT NULL column may be
        // cleared (SQLite would refuse the NULL at the write, with no word for people).
        std::set<std::string> required = TRY_VALUE(NotNullColumns(db_, edit_.table, /*without_default_only=*/true));
        std::set<std::string> not_null = TRY_VALUE(NotNullColumns(db_, edit_.table, /*without_default_only=*/false));
        std::set<std::string> seen;
        std::map<std::string, json> effective;  // column -> value after the edit (valid ones only)
        if (row) {
            for (auto it = row->begin(); it != row->end(); ++it) effective[it.key()] = it.value();
        }
        for (const FieldChange& change : edit_.changes) {
            if (!seen.insert(change.field).second) {
                Add(change.field, "duplicate_field");
                continue;
            }
            if (auto text = ParseTextField(change.field)) {
                if (!IsTranslatableField(edit_.table, text->field) || !IsLanguageTag(text->lang)) {
                    Add(change.field, "unknown_field");
                } else if (change.after.is_null()) {
                    // Removing a text is always allowed: readers fall back to another language.
                } else if (!change.after.is_string() || !NormalizeNfc(change.after.get_ref<const std::string&>()).ok()) {
                    Add(change.field, "bad_text");
                } else if (change.after.get_ref<const std::string&>().size() > kMaxTextBytes) {
                    Add(change.field, "too_long");
                }
                continue;
            }
            const ColumnSpec* spec = FindColumn(edit_.table, change.field);
            if (!spec) {
                Add(change.field, "unknown_field");
                continue;
            }
            auto coerced = CoerceColumnValue(*spec, change.after);
            if (!coerced) {
                bool number = spec->kind == ColumnKind::Integer || spec->kind == ColumnKind::Bool;
                Add(change.field, number ? "bad_number" : spec->kind == ColumnKind::Real ? "bad_decimal" : "bad_text");
                effective.erase(change.field);
                continue;
            }
            if (coerced->is_null()) {
                if (not_null.count(change.field)) Add(change.field, "required");
                effective[change.field] = json();
                continue;
            }
            if (!TRY_VALUE(CheckColumn(change.field, *spec, *coerced))) {
                effective.erase(change.field);
                continue;
            }
            effective[change.field] = *coerced;
        }
        if (edit_.action == EditAction::Create) {
            for (const std::string& column : required) {
                if (!seen.count(column)) Add(column, "required");
            }
        }
        TRY(CheckBetweenFields(effective, seen));
        return problems_;
    }

private:
    Status CheckBetweenFields(const std::map<std::string, json>& effective, const std::set<std::string>& changed) {
        auto get = [&](const char* column) -> json {
            auto it = effective.find(column);
            return it == effective.end() ? json() : it->second;
        };
        if (edit_.table == "course_session") {
            json capacity = get("capacity");
            json seats = get("seats_taken");
            if (changed.count("capacity") && capacity.is_number_integer() && seats.is_number_integer() &&
                capacity.get<int64_t>() < seats.get<int64_t>()) {
                Add("capacity", "below_seats_taken", std::to_string(seats.get<int64_t>()));
            }
            json starts = get("starts_at");
            json ends = get("ends_at");
            if ((changed.count("starts_at") || changed.count("ends_at")) && starts.is_number_integer() &&
                ends.is_number_integer() && ends.get<int64_t>() <= starts.get<int64_t>()) {
                Add("ends_at", "end_before_start");
            }
        }
        if (edit_.table == "schedule") {
            json opens = get("opens_at");
            json closes = get("closes_at");
            if ((changed.count("opens_at") || changed.count("closes_at")) && opens.is_string() && closes.is_string() &&
                IsTime(opens.get<std::string>()) && IsTime(closes.get<std::string>()) &&
                closes.get<std::string>() <= opens.get<std::string>()) {
                Add("closes_at", "end_before_start");
            }
        }
        if (edit_.table == "booking_form_field" && (changed.count("form_id") || changed.count("key"))) {
            // UNIQUE (form_id, key): say so in words instead of failing at the INSERT.
            json form = get("form_id");
            json key = get("key");
            if (form.is_string() && key.is_string()) {
                Stmt same = TRY_VALUE(db_.Prepare("SELECT 1 FROM booking_form_field WHERE form_id = ?1 AND key = ?2 AND id != ?3"));
                same.Bind(1, form.get<std::string>()).Bind(2, key.get<std::string>()).Bind(3, edit_.record_id);
                if (TRY_VALUE(same.Step())) Add("key", "duplicate_key");
            }
        }
        if (edit_.table == "service") {
            json min_age = get("minimum_age");
            json max_age = get("maximum_age");
            if ((changed.count("minimum_age") || changed.count("maximum_age")) && min_age.is_number_integer() &&
                max_age.is_number_integer() && max_age.get<int64_t>() < min_age.get<int64_t>()) {
                Add("maximum_age", "end_before_start");
            }
        }
        return base::Ok();
    }

    Db& db_;
    const StaffEdit& edit_;
    std::string lang_;
    std::vector<EditProblem> problems_;
};

}  // namespace

Result<std::vector<EditProblem>> Validate(Db& db, const StaffEdit& edit, const std::string& lang, RecordRule rule) {
    Checker checker(db, edit, lang);
    return checker.Run(rule);
}

std::string ProblemsText(const std::vector<EditProblem>& problems) {
    std::string text;
    for (const EditProblem& problem : problems) {
        text += (text.empty() ? "" : "; ") + (problem.field.empty() ? std::string("record") : problem.field) + ": " +
                problem.code;
    }
    return text;
}

}  // namespace staff_detail

Result<std::vector<EditProblem>> ValidateStaffEdit(Db& db, const StaffEdit& edit, const std::string& lang) {
    return staff_detail::Validate(db, edit, lang, staff_detail::RecordRule::MustExist);
}

}  // namespace content
