// content/queries_sessions.cpp: course and event sessions with seats left, booking forms.
//
// Seats left = capacity - seats_taken (the hub's count, synced) - this kiosk's bookings still in
// the outbox (not yet counted by the hub), never below zero. Once the hub acknowledges a booking
// its outbox row is gone and the hub's seats_taken includes it from the next pull on.
#include <nlohmann/json.hpp>

#include <algorithm>

#include "base/json.h"
#include "content/queries.h"
#include "content/queries_internal.h"

namespace content {

using namespace detail;

namespace {

std::string SessionSelect() {
    return "SELECT cs.id, cs.series_id, coalesce(ser.service_id, ''), ser.kind, ser.instruction_langs, ser.level, "
           "cs.starts_at, cs.ends_at, cs.local_start, cs.capacity, cs.seats_taken, cs.status, "
           "coalesce(ser.booking_form_id, (SELECT booking_form_id FROM service WHERE id = ser.service_id), ''), " +
           BestTextSql("course_series", "ser.id", "name") + ", " + BestTextSql("course_series", "ser.id", "description") +
           ", " + BestTextSql("location", "ser.location_id", "name") +
           " FROM course_session cs JOIN course_series ser ON ser.id = cs.series_id ";
}

std::vector<std::string> SplitTags(const std::string& list) {
    std::vector<std::string> tags;
    size_t start = 0;
    while (start <= list.size()) {
        size_t end = list.find(',', start);
        if (end == std::string::npos) end = list.size();
        std::string tag = list.substr(start, end - start);
        tag.erase(0, tag.find_first_not_of(' '));
        tag.erase(tag.find_last_not_of(' ') + 1);
        if (!tag.empty()) tags.push_back(tag);
        start = end + 1;
    }
    return tags;
}

SessionView ReadSession(const Stmt& stmt, const std::string& lang, const std::map<std::string, int>& pending) {
    SessionView view;
    view.session_id = stmt.Text(0);
    view.series_id = stmt.Text(1);
    view.service_id = stmt.Text(2);
    view.kind = stmt.Text(3);
    view.instruction_langs = SplitTags(stmt.Text(4));
    view.level = stmt.Text(5);
    view.starts_at = stmt.Int(6);
    view.ends_at = stmt.Int(7);
    view.local_start = stmt.Text(8);
    view.capacity = (int)stmt.Int(9);
    int taken = (int)stmt.Int(10);
    auto it = pending.find(view.session_id);
    int unsent = it == pending.end() ? 0 : it->second;
    view.seats_left = std::max(0, view.capacity - taken - unsent);
    view.cancelled = stmt.Text(11) == "cancelled";
    view.booking_form_id = stmt.Text(12);
    view.name = DecodeBestText(stmt, 13, lang);
    view.description = DecodeBestText(stmt, 14, lang);
    view.location_name = DecodeBestText(stmt, 15, lang);
    return view;
}

}  // namespace

Result<std::vector<SessionView>> ListSessions(Db& db, int64_t from_utc, int64_t to_utc, const SessionFilter& filter,
                                              const std::string& lang) {
    ReadScope scope(db);
    auto pending = TRY_VALUE(PendingBookingsBySession(db));
    std::string sql = SessionSelect() + "WHERE cs.starts_at >= ?3 AND cs.starts_at < ?4";
    if (!filter.include_cancelled) sql += " AND cs.status <> 'cancelled'";
    if (!filter.instruction_lang.empty()) {
        sql += " AND (',' || replace(ser.instruction_langs, ' ', '') || ',') LIKE ('%,' || ?5 || ',%')";
    }
    if (!filter.kinds.empty()) {
        sql += " AND ser.kind IN (";
        for (size_t i = 0; i < filter.kinds.size(); ++i) sql += (i ? ", ?" : "?") + std::to_string(6 + i);
        sql += ")";
    }
    sql += " ORDER BY cs.starts_at, cs.id";
    Stmt stmt = TRY_VALUE(db.Prepare(sql));
    BindLang(stmt, lang);
    stmt.Bind(3, from_utc).Bind(4, to_utc);
    if (!filter.instruction_lang.empty()) stmt.Bind(5, filter.instruction_lang);
    for (size_t i = 0; i < filter.kinds.size(); ++i) stmt.Bind(6 + (int)i, filter.kinds[i]);
    std::vector<SessionView> sessions;
    while (TRY_VALUE(stmt.Step())) sessions.push_back(ReadSession(stmt, lang, pending));
    return sessions;
}

Result<SessionView> GetSession(Db& db, const std::string& session_id, const std::string& lang) {
    ReadScope scope(db);
    auto pending = TRY_VALUE(PendingBookingsBySession(db));
    Stmt stmt = TRY_VALUE(db.Prepare(SessionSelect() + "WHERE cs.id = ?3"));
    BindLang(stmt, lang);
    stmt.Bind(3, session_id);
    if (!TRY_VALUE(stmt.Step())) return NotFound("session", session_id);
    return ReadSession(stmt, lang, pending);
}

Result<BookingForm> GetBookingForm(Db& db, const std::string& form_id, const std::string& lang) {
    ReadScope scope(db);
    Stmt stmt = TRY_VALUE(db.Prepare("SELECT id, kind FROM booking_form WHERE id = ?1"));
    stmt.Bind(1, form_id);
    if (!TRY_VALUE(stmt.Step())) return NotFound("booking form", form_id);
    BookingForm form;
    form.id = stmt.Text(0);
    form.kind = stmt.Text(1);
    TextMap texts = TRY_VALUE(LoadTexts(db, "booking_form", form.id, lang));
    form.title = Field(texts, "title");
    form.intro = Field(texts, "intro");
    form.consent = Field(texts, "consent");
    form.confirmation = Field(texts, "confirmation");

    Stmt fields = TRY_VALUE(db.Prepare(
        "SELECT id, key, type, required, min_length, max_length, pattern, options FROM booking_form_field "
        "WHERE form_id = ?1 ORDER BY position, key"));
    fields.Bind(1, form.id);
    while (TRY_VALUE(fields.Step())) {
        FormField field;
        std::string field_id = fields.Text(0);
        field.key = fields.Text(1);
        field.type = fields.Text(2);
        field.required = fields.Int(3) != 0;
        if (!fields.IsNull(4)) field.min_length = (int)fields.Int(4);
        if (!fields.IsNull(5)) field.max_length = (int)fields.Int(5);
        field.pattern = fields.Text(6);
        TextMap field_texts = TRY_VALUE(LoadTexts(db, "booking_form_field", field_id, lang));
        field.label = Field(field_texts, "label");
        field.help = Field(field_texts, "help");
        field.error = Field(field_texts, "error");
        std::string options = fields.Text(7);
        if (!options.empty()) {
            // Options are a JSON array of values (strings), or of objects with a "value".
            nlohmann::json parsed = base::ParseJsonOrDiscarded(options);
            if (!parsed.is_array()) {
                return base::MakeError("content_bad_form", "form " + form.id + " field '" + field.key +
                                                               "' has options that are not a JSON array: " + options);
            }
            for (const auto& item : parsed) {
                FormOption option;
                if (item.is_string()) {
                    option.value = item.get<std::string>();
                } else if (item.is_object() && item.contains("value") && item["value"].is_string()) {
                    option.value = item["value"].get<std::string>();
                } else {
                    return base::MakeError("content_bad_form", "form " + form.id + " field '" + field.key +
                                                                   "' has an option without a string value: " + item.dump());
                }
                option.label = Field(field_texts, "option:" + option.value);
                if (option.label.empty()) option.label = LocalText{option.value, lang, false};
                field.options.push_back(std::move(option));
            }
        }
        form.fields.push_back(std::move(field));
    }
    return form;
}

}  // namespace content
