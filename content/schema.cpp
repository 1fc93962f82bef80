#include "content/schema.h"

#include <string>
#include <vector>

namespace content {
namespace {

// Version 1: the HSDS core, translations, courses and sessions, booking forms, bookings and the
// outbox, sync bookkeeping.
constexpr const char* kSchemaV1 = R"SQL(
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

-- Every human-readable field of every table, in every language (BCP 47 tag).
-- is_source marks the language the text was written in; a translation whose updated_at is older
-- than the source's is outdated.
CREATE TABLE translation (
  tbl        TEXT NOT NULL,
  record_id  TEXT NOT NULL,
  field      TEXT NOT NULL,
  lang       TEXT NOT NULL,
  text       TEXT NOT NULL,
  is_source  INTEGER NOT NULL DEFAULT 0,
  updated_at INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (tbl, record_id, field, lang)
) WITHOUT ROWID;

CREATE TABLE organization (
  id               TEXT PRIMARY KEY,
  email            TEXT,
  website          TEXT,
  logo             TEXT,
  uri              TEXT,
  legal_status     TEXT,
  year_incorporated INTEGER,
  parent_organization_id TEXT REFERENCES organization(id) ON DELETE SET NULL,
  kiosk_role       TEXT,            -- 'centre' for the integration centre itself, else NULL
  extra            TEXT,            -- HSDS members this schema does not model, as JSON (kept for export)
  version          INTEGER NOT NULL DEFAULT 0,
  updated_at       INTEGER NOT NULL DEFAULT 0
);
-- texts: name, alternate_name, description

CREATE TABLE taxonomy (
  id          TEXT PRIMARY KEY,
  uri         TEXT,
  version_tag TEXT,
  extra       TEXT,
  version     INTEGER NOT NULL DEFAULT 0,
  updated_at  INTEGER NOT NULL DEFAULT 0
);
-- texts: name, description

CREATE TABLE taxonomy_term (
  id          TEXT PRIMARY KEY,
  code        TEXT,
  parent_id   TEXT REFERENCES taxonomy_term(id) ON DELETE SET NULL,
  taxonomy_id TEXT REFERENCES taxonomy(id) ON DELETE SET NULL,
  term_uri    TEXT,
  icon        TEXT,                 -- kiosk: icon name for the category tile
  sort_order  INTEGER NOT NULL DEFAULT 0,
  is_category INTEGER NOT NULL DEFAULT 0, -- kiosk: shown as a category on the services screen
  extra       TEXT,
  version     INTEGER NOT NULL DEFAULT 0,
  updated_at  INTEGER NOT NULL DEFAULT 0
);
-- texts: name, description

CREATE TABLE service (
  id               TEXT PRIMARY KEY,
  organization_id  TEXT NOT NULL REFERENCES organization(id) ON DELETE CASCADE,
  status           TEXT NOT NULL DEFAULT 'active',
  url              TEXT,
  email            TEXT,
  minimum_age      INTEGER,
  maximum_age      INTEGER,
  assured_date     TEXT,
  kiosk_role       TEXT,            -- 'hotline' for the crisis hotline, else NULL
  booking_form_id  TEXT REFERENCES booking_form(id) ON DELETE SET NULL,
  is_free          INTEGER,         -- 1 free, 0 paid, NULL unknown
  extra            TEXT,
  version          INTEGER NOT NULL DEFAULT 0,
  updated_at       INTEGER NOT NULL DEFAULT 0
);
-- texts: name, alternate_name, description, application_process, fees_description,
--        eligibility_description, interpretation_services, alert
CREATE INDEX service_organization ON service(organization_id);

CREATE TABLE location (
  id               TEXT PRIMARY KEY,
  organization_id  TEXT REFERENCES organization(id) ON DELETE CASCADE,
  location_type    TEXT NOT NULL DEFAULT 'physical',
  url              TEXT,
  latitude         REAL,
  longitude        REAL,
  external_identifier TEXT,
  extra            TEXT,
  version          INTEGER NOT NULL DEFAULT 0,
  updated_at       INTEGER NOT NULL DEFAULT 0
);
-- texts: name, alternate_name, description, transportation
CREATE INDEX location_organization ON location(organization_id);

CREATE TABLE address (
  id             TEXT PRIMARY KEY,
  location_id    TEXT NOT NULL REFERENCES location(id) ON DELETE CASCADE,
  attention      TEXT,
  address_1      TEXT NOT NULL,
  address_2      TEXT,
  city           TEXT NOT NULL,
  region         TEXT,
  state_province TEXT,
  postal_code    TEXT,
  country        TEXT NOT NULL DEFAULT 'LV',
  address_type   TEXT NOT NULL DEFAULT 'physical',
  extra          TEXT,
  version        INTEGER NOT NULL DEFAULT 0,
  updated_at     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX address_location ON address(location_id);

CREATE TABLE service_at_location (
  id           TEXT PRIMARY KEY,
  service_id   TEXT NOT NULL REFERENCES service(id) ON DELETE CASCADE,
  location_id  TEXT NOT NULL REFERENCES location(id) ON DELETE CASCADE,
  extra        TEXT,
  version      INTEGER NOT NULL DEFAULT 0,
  updated_at   INTEGER NOT NULL DEFAULT 0
);
-- texts: description
CREATE INDEX sal_service ON service_at_location(service_id);
CREATE INDEX sal_location ON service_at_location(location_id);

CREATE TABLE phone (
  id              TEXT PRIMARY KEY,
  organization_id TEXT REFERENCES organization(id) ON DELETE CASCADE,
  service_id      TEXT REFERENCES service(id) ON DELETE CASCADE,
  location_id     TEXT REFERENCES location(id) ON DELETE CASCADE,
  service_at_location_id TEXT REFERENCES service_at_location(id) ON DELETE CASCADE,
  number          TEXT NOT NULL,
  extension       TEXT,
  type            TEXT,             -- voice, fax, text, cell, video, pager, textphone
  extra           TEXT,
  version         INTEGER NOT NULL DEFAULT 0,
  updated_at      INTEGER NOT NULL DEFAULT 0
);
-- texts: description
CREATE INDEX phone_service ON phone(service_id);
CREATE INDEX phone_location ON phone(location_id);
CREATE INDEX phone_organization ON phone(organization_id);

-- Opening hours and other regular times, HSDS schedule (RFC 5545 style members).
CREATE TABLE schedule (
  id              TEXT PRIMARY KEY,
  service_id      TEXT REFERENCES service(id) ON DELETE CASCADE,
  location_id     TEXT REFERENCES location(id) ON DELETE CASCADE,
  service_at_location_id TEXT REFERENCES service_at_location(id) ON DELETE CASCADE,
  valid_from      TEXT,
  valid_to        TEXT,
  dtstart         TEXT,
  timezone        TEXT,
  until           TEXT,
  count           INTEGER,
  wkst            TEXT,
  freq            TEXT,
  interval        INTEGER,
  byday           TEXT,             -- e.g. 'MO,TU,WE,TH'
  byweekno        TEXT,
  bymonthday      TEXT,
  byyearday       TEXT,
  opens_at        TEXT,             -- 'HH:MM' local time
  closes_at       TEXT,
  extra           TEXT,
  version         INTEGER NOT NULL DEFAULT 0,
  updated_at      INTEGER NOT NULL DEFAULT 0
);
-- texts: description, notes
CREATE INDEX schedule_service ON schedule(service_id);
CREATE INDEX schedule_location ON schedule(location_id);

-- Languages spoken at a service, location or phone. `code` is BCP 47; its display name comes
-- from ICU in the reader's language.
CREATE TABLE language (
  id          TEXT PRIMARY KEY,
  service_id  TEXT REFERENCES service(id) ON DELETE CASCADE,
  location_id TEXT REFERENCES location(id) ON DELETE CASCADE,
  phone_id    TEXT REFERENCES phone(id) ON DELETE CASCADE,
  name        TEXT,
  code        TEXT,
  extra       TEXT,
  version     INTEGER NOT NULL DEFAULT 0,
  updated_at  INTEGER NOT NULL DEFAULT 0
);
-- texts: note
CREATE INDEX language_service ON language(service_id);

-- HSDS attribute: links any record to a taxonomy term (services to their categories).
CREATE TABLE attribute (
  id               TEXT PRIMARY KEY,
  link_id          TEXT NOT NULL,
  link_type        TEXT,
  link_entity      TEXT NOT NULL,   -- 'service', 'organization', 'location', ...
  taxonomy_term_id TEXT NOT NULL REFERENCES taxonomy_term(id) ON DELETE CASCADE,
  value            TEXT,
  extra            TEXT,
  version          INTEGER NOT NULL DEFAULT 0,
  updated_at       INTEGER NOT NULL DEFAULT 0
);
-- texts: label
CREATE INDEX attribute_term ON attribute(taxonomy_term_id, link_entity);
CREATE INDEX attribute_link ON attribute(link_id);

CREATE TABLE cost_option (
  id          TEXT PRIMARY KEY,
  service_id  TEXT NOT NULL REFERENCES service(id) ON DELETE CASCADE,
  valid_from  TEXT,
  valid_to    TEXT,
  currency    TEXT,
  amount      REAL,
  extra       TEXT,
  version     INTEGER NOT NULL DEFAULT 0,
  updated_at  INTEGER NOT NULL DEFAULT 0
);
-- texts: option, amount_description
CREATE INDEX cost_option_service ON cost_option(service_id);

-- Kiosk: a booking form defined as data.
CREATE TABLE booking_form (
  id          TEXT PRIMARY KEY,
  kind        TEXT NOT NULL CHECK (kind IN ('consultation', 'course')),
  version     INTEGER NOT NULL DEFAULT 0,
  updated_at  INTEGER NOT NULL DEFAULT 0
);
-- texts: title, intro, consent, confirmation

CREATE TABLE booking_form_field (
  id          TEXT PRIMARY KEY,
  form_id     TEXT NOT NULL REFERENCES booking_form(id) ON DELETE CASCADE,
  position    INTEGER NOT NULL,
  key         TEXT NOT NULL,        -- 'name', 'phone', 'email', 'language', 'topic', 'preferred_time', ...
  type        TEXT NOT NULL CHECK (type IN ('text', 'multiline', 'phone', 'email', 'choice', 'date', 'time_slot', 'session', 'consent')),
  required    INTEGER NOT NULL DEFAULT 0,
  min_length  INTEGER,
  max_length  INTEGER,
  pattern     TEXT,                 -- ICU regular expression the whole value must match
  options     TEXT,                 -- JSON array of option values for 'choice'
  version     INTEGER NOT NULL DEFAULT 0,
  updated_at  INTEGER NOT NULL DEFAULT 0,
  UNIQUE (form_id, key)
);
-- texts: label, help, error; option labels as field 'option:<value>'
CREATE INDEX form_field_form ON booking_form_field(form_id, position);

-- Kiosk: a course or event series, RFC 5545 recurrence in Europe/Riga.
CREATE TABLE course_series (
  id               TEXT PRIMARY KEY,
  service_id       TEXT REFERENCES service(id) ON DELETE CASCADE,
  location_id      TEXT REFERENCES location(id) ON DELETE SET NULL,
  kind             TEXT NOT NULL CHECK (kind IN ('language_course', 'upskilling_course', 'practical_session', 'family_event', 'round_table', 'seminar', 'event')),
  instruction_langs TEXT NOT NULL DEFAULT 'lv',  -- comma-separated BCP 47 tags
  level            TEXT,            -- e.g. 'A1' for language courses
  capacity         INTEGER NOT NULL DEFAULT 0,
  booking_form_id  TEXT REFERENCES booking_form(id) ON DELETE SET NULL,
  dtstart          TEXT NOT NULL,   -- local time 'YYYY-MM-DDTHH:MM:SS' in tzid
  tzid             TEXT NOT NULL DEFAULT 'Europe/Riga',
  duration_minutes INTEGER NOT NULL,
  rrule            TEXT,            -- RFC 5545 RRULE value, e.g. 'FREQ=WEEKLY;BYDAY=TU,TH;COUNT=16'
  exdates          TEXT,            -- comma-separated local times excluded
  rdates           TEXT,            -- comma-separated local times added
  version          INTEGER NOT NULL DEFAULT 0,
  updated_at       INTEGER NOT NULL DEFAULT 0
);
-- texts: name, description
CREATE INDEX series_service ON course_series(service_id);

-- Concrete sessions of a series (expanded from the recurrence, then edited: cancelled, seats).
CREATE TABLE course_session (
  id          TEXT PRIMARY KEY,
  series_id   TEXT NOT NULL REFERENCES course_series(id) ON DELETE CASCADE,
  starts_at   INTEGER NOT NULL,     -- UTC seconds
  ends_at     INTEGER NOT NULL,
  local_start TEXT NOT NULL,        -- 'YYYY-MM-DDTHH:MM' in the series' tzid, for display
  capacity    INTEGER NOT NULL,
  seats_taken INTEGER NOT NULL DEFAULT 0,
  status      TEXT NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'cancelled')),
  version     INTEGER NOT NULL DEFAULT 0,
  updated_at  INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX session_time ON course_session(starts_at);
CREATE INDEX session_series ON course_session(series_id, starts_at);

-- A visitor's booking as the kiosk remembers it: no personal data here, only what the
-- confirmation screen needs. The personal data travels in the outbox payload and is deleted
-- when the hub acknowledges it.
CREATE TABLE booking (
  id            TEXT PRIMARY KEY,
  reference     TEXT NOT NULL UNIQUE,
  form_id       TEXT,
  service_id    TEXT,
  session_id    TEXT,
  created_at    INTEGER NOT NULL,
  status        TEXT NOT NULL DEFAULT 'received' CHECK (status IN ('received', 'confirmed', 'rejected')),
  status_reason TEXT,
  updated_at    INTEGER NOT NULL DEFAULT 0
);

-- Operations waiting for the hub's acknowledgement: bookings, staff edits, health reports.
CREATE TABLE outbox (
  seq          INTEGER PRIMARY KEY AUTOINCREMENT,
  op_id        TEXT NOT NULL UNIQUE,  -- idempotency key
  kind         TEXT NOT NULL CHECK (kind IN ('booking', 'staff_edit', 'health', 'conflict_resolution')),
  ref_id       TEXT,                  -- booking id, or the edited record
  payload      TEXT NOT NULL,         -- JSON
  created_at   INTEGER NOT NULL,
  attempts     INTEGER NOT NULL DEFAULT 0,
  last_attempt_at INTEGER,
  last_error   TEXT
);
)SQL";

// Version 2: the multilingual search index (FTS5 over folded text of every language).
constexpr const char* kSchemaV2 = R"SQL(
CREATE TABLE search_doc (
  rowid      INTEGER PRIMARY KEY,
  kind       TEXT NOT NULL,          -- 'service', 'course_series', 'organization'
  record_id  TEXT NOT NULL,
  lang       TEXT NOT NULL,
  name_key   TEXT NOT NULL DEFAULT '', -- the folded name alone: 1-2 letter queries match its start
  UNIQUE (kind, record_id, lang)
);
CREATE INDEX search_doc_name_key ON search_doc(name_key, lang, kind, record_id);  -- covering
CREATE VIRTUAL TABLE search_fts USING fts5(
  name, body,
  tokenize='unicode61 remove_diacritics 0',
  prefix='1 2 3'
);
)SQL";

// Version 3: staff mode (docs/staff-mode.md). Both tables are content: they sync to every device
// like the rest, so a device can check a PIN offline and show conflicts to any staff member.
// Only the Argon2id hash of a PIN is stored. staff_conflict keeps values as JSON text ('null'
// for absent), so an absent value and an empty string stay different.
constexpr const char* kSchemaV3 = R"SQL(
CREATE TABLE staff (
  id          TEXT PRIMARY KEY,
  name        TEXT NOT NULL,
  pin_hash    TEXT NOT NULL,          -- libsodium crypto_pwhash_str, Argon2id
  created_at  INTEGER NOT NULL DEFAULT 0,
  removed_at  INTEGER,                -- set when the hub removed the member; the row stays for the audit trail
  version     INTEGER NOT NULL DEFAULT 0,
  updated_at  INTEGER NOT NULL DEFAULT 0
);

-- A field of a staff edit the hub could not apply because the record changed meanwhile.
CREATE TABLE staff_conflict (
  id             TEXT PRIMARY KEY,
  tbl            TEXT NOT NULL,       -- the edited table
  record_id      TEXT NOT NULL,
  field          TEXT NOT NULL,       -- column, 'text:<field>:<lang>', or 'record' (a delete)
  base           TEXT NOT NULL DEFAULT 'null',   -- JSON: the edit's `before`
  mine           TEXT NOT NULL DEFAULT 'null',   -- JSON: the edit's `after`
  theirs         TEXT NOT NULL DEFAULT 'null',   -- JSON: the hub's value when the edit arrived
  edit_id        TEXT NOT NULL,
  staff_id       TEXT NOT NULL,
  device         TEXT NOT NULL DEFAULT '',
  created_at     INTEGER NOT NULL DEFAULT 0,
  status         TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),
  resolution     TEXT CHECK (resolution IN ('mine', 'theirs', 'edit')),
  resolved_value TEXT,                -- JSON
  resolved_by    TEXT,
  resolved_at    INTEGER,
  version        INTEGER NOT NULL DEFAULT 0,
  updated_at     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX staff_conflict_record ON staff_conflict(tbl, record_id, status);
CREATE INDEX staff_conflict_status ON staff_conflict(status, created_at);
)SQL";

// Version 4: the category list index (content/queries_list_index.cpp). Derived from the tables
// by ContentWriter::Finish, never synced: each list row ready to show per category and reader
// language, clustered in that language's ICU collation order (sort_key), and services per category.
constexpr const char* kSchemaV4 = R"SQL(
CREATE TABLE list_entry (
  category_id       TEXT NOT NULL,
  lang              TEXT NOT NULL,             -- the reader's language this row is for
  sort_key          BLOB NOT NULL,             -- ICU sort key of `name` in lang's collation
  service_id        TEXT NOT NULL,
  name              TEXT NOT NULL DEFAULT '',  -- texts chosen by the translation rule for lang
  name_lang         TEXT NOT NULL DEFAULT '',
  description       TEXT NOT NULL DEFAULT '',
  description_lang  TEXT NOT NULL DEFAULT '',
  organization_name TEXT NOT NULL DEFAULT '',
  organization_lang TEXT NOT NULL DEFAULT '',
  is_free           INTEGER,
  kiosk_role        TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (category_id, lang, sort_key, service_id)
) WITHOUT ROWID;
CREATE INDEX list_entry_service ON list_entry(service_id);
CREATE TABLE list_count (
  category_id TEXT PRIMARY KEY,
  services    INTEGER NOT NULL
) WITHOUT ROWID;
)SQL";

struct Step {
    int version;
    const char* sql;
};

const Step kSteps[] = {
    {1, kSchemaV1},
    {2, kSchemaV2},
    {3, kSchemaV3},
    {4, kSchemaV4},
};

Status ApplyStep(Db& db, const Step& step) {
    auto tx = TRY_VALUE(Transaction::Begin(db));
    Status status = db.Exec(step.sql);
    if (!status.ok()) {
        return base::MakeError("db_migration_failed", "schema step " + std::to_string(step.version) + ": " +
                                                          status.error().message);
    }
    TRY(db.Exec("PRAGMA user_version=" + std::to_string(step.version)));
    return tx.Commit();
}

}  // namespace

Status MigrateTo(Db& db, int version) {
    int current = db.UserVersion();
    if (current < 0) return db.LastError("db_corrupt");
    if (current > kSchemaVersion) {
        return base::MakeError("db_schema_too_new", "'" + db.path() + "' has schema version " + std::to_string(current) +
                                                        "; this program knows up to " + std::to_string(kSchemaVersion));
    }
    for (const Step& step : kSteps) {
        if (step.version > current && step.version <= version) TRY(ApplyStep(db, step));
    }
    return base::Ok();
}

Status Migrate(Db& db) { return MigrateTo(db, kSchemaVersion); }

const std::vector<std::string>& ContentTables() {
    static const std::vector<std::string> tables = {
        "organization", "taxonomy", "taxonomy_term", "booking_form", "booking_form_field",
        "service", "location", "address", "service_at_location", "phone", "schedule",
        "language", "attribute", "cost_option", "course_series", "course_session", "staff", "staff_conflict", "translation",
    };
    return tables;
}

}  // namespace content
