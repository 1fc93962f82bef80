// content/model.h: the value types the read API hands to screens and tools.
//
// Every human-readable string is a LocalText: the text in the best language available for the
// reader, which language that was, and whether it is a fallback (so the UI can mark it).
// Fallback order for a reader of language L: L, then "en", then "lv", then any language present.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace content {

struct LocalText {
    std::string text;      // empty only when no language at all has the field
    std::string lang;      // the language `text` is in
    bool fallback = false; // true when lang differs from the requested language
    bool empty() const { return text.empty(); }
};

struct ContentInfo {
    int64_t content_seq = 0;        // hub sequence the local copy is at
    int64_t updated_at = 0;         // UTC seconds of the last applied change ("information as of")
    std::vector<std::string> languages;  // languages present in the content
};

struct Category {
    std::string id;
    LocalText name;
    LocalText description;
    std::string icon;
    int service_count = 0;  // active services in the category
};

struct ServiceSummary {
    std::string id;
    LocalText name;
    LocalText description;       // first sentence-ish, for lists (whole text; the UI clamps lines)
    LocalText organization_name;
    std::optional<bool> is_free;
    std::string kiosk_role;      // "hotline" or empty
};

struct Phone {
    std::string id;
    std::string number;
    std::string extension;
    std::string type;            // voice, text, fax, ...
    LocalText description;
};

// One regular opening-hours rule (HSDS schedule). Weekdays 1 = Monday ... 7 = Sunday.
struct OpeningRule {
    std::vector<int> weekdays;
    std::string opens_at;        // "09:00"
    std::string closes_at;       // "17:00"
    std::string valid_from;      // ISO date or empty
    std::string valid_to;
    LocalText description;       // free text, e.g. "by appointment"
};

struct Address {
    std::string address_1, address_2, city, region, postal_code, country;
    std::string OneLine() const;  // "Elizabetes iela 65, Rīga, LV-1050"
};

struct Location {
    std::string id;
    LocalText name;
    LocalText description;
    LocalText transportation;    // how to get there
    std::vector<Address> addresses;
    std::optional<double> latitude, longitude;
    std::vector<OpeningRule> opening_hours;
    std::vector<Phone> phones;
};

struct Organization {
    std::string id;
    LocalText name;
    LocalText description;
    std::string website, email;
    std::vector<Phone> phones;
    std::string kiosk_role;      // "centre" or empty
    std::vector<Location> locations;   // its own places: address, how to get there, opening hours
};

// One HSDS cost_option: a price (amount + ISO 4217 currency) and its words.
struct CostOption {
    std::string id;
    LocalText option;                // e.g. "Per consultation"
    std::optional<double> amount;
    std::string currency;            // "EUR"
    LocalText amount_description;    // e.g. "Free for refugees"
    std::string valid_from, valid_to;
};

struct ServiceDetail {
    std::string id;
    LocalText name;
    LocalText alternate_name;
    LocalText description;
    LocalText application_process;   // how to apply
    LocalText fees_description;      // cost
    LocalText eligibility;
    LocalText interpretation_services;
    LocalText alert;
    std::optional<bool> is_free;
    std::string url, email;
    std::string kiosk_role;          // "hotline" or empty
    std::string booking_form_id;     // empty when the service cannot be booked at the kiosk
    Organization provider;
    std::vector<Location> locations;
    std::vector<OpeningRule> opening_hours;  // the service's own schedules (all locations)
    std::vector<Phone> phones;
    std::vector<std::string> languages;      // BCP 47 codes of languages spoken
    std::vector<std::string> category_ids;   // linked taxonomy terms shown as categories
    std::vector<CostOption> cost_options;
    std::optional<int> minimum_age, maximum_age;
    std::string status;                      // active, inactive, defunct, temporarily closed
};

struct SessionView {
    std::string session_id;
    std::string series_id;
    std::string service_id;
    LocalText name;                  // the series' name
    LocalText description;
    std::string kind;                // course_series.kind
    std::vector<std::string> instruction_langs;
    std::string level;
    int64_t starts_at = 0, ends_at = 0;  // UTC seconds
    std::string local_start;         // "2026-12-01T18:00" Europe/Riga
    int capacity = 0;
    int seats_left = 0;              // capacity - taken - this kiosk's unsent bookings, never < 0
    bool cancelled = false;
    LocalText location_name;
    std::string booking_form_id;
};

struct SessionFilter {
    std::vector<std::string> kinds;          // empty: all kinds
    std::string instruction_lang;            // empty: any
    bool include_cancelled = false;
};

struct FormOption {
    std::string value;
    LocalText label;
};

struct FormField {
    std::string key;                 // name, phone, email, language, topic, preferred_time, session, consent
    std::string type;                // text, multiline, phone, email, choice, date, time_slot, session, consent
    bool required = false;
    std::optional<int> min_length, max_length;
    std::string pattern;             // ICU regex the whole value must match, or empty
    LocalText label, help, error;
    std::vector<FormOption> options; // for choice
};

struct BookingForm {
    std::string id;
    std::string kind;                // consultation or course
    LocalText title, intro, consent, confirmation;
    std::vector<FormField> fields;
};

struct SearchHit {
    std::string kind;                // service, course_series, organization
    std::string record_id;
    LocalText name;
    LocalText snippet;               // description in the reader's language
    double score = 0;                // lower is better (bm25)
};

// What a visitor submitted: field key -> value, plus what was booked.
struct BookingRequest {
    std::string form_id;
    std::string service_id;          // may be empty for a course booking
    std::string session_id;          // empty for a consultation
    std::string visitor_lang;        // the UI language at submission
    std::vector<std::pair<std::string, std::string>> values;
};

enum class FieldProblem { Missing, TooShort, TooLong, PatternMismatch, InvalidEmail, InvalidPhone, InvalidChoice, SessionFull, Unknown };

struct FieldError {
    std::string key;
    FieldProblem problem = FieldProblem::Unknown;
    LocalText form_message;          // the form's own error text for the field, if it has one
};

struct BookingReceipt {
    std::string booking_id;
    std::string reference;           // short code shown to the visitor, e.g. "NIC-7K4Q"
    int64_t created_at = 0;
};

struct BookingStatus {
    std::string booking_id, reference;
    std::string status;              // received, confirmed, rejected
    std::string reason;
};

}  // namespace content
