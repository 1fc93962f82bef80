#include "content/schema.h"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <string>
#include <vector>

#include "base/log.h"
#include "content/search.h"
#include "content/store.h"

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

// Each step's readable_by, and why (the rule is in schema.h; docs/content-model.md):
// - 1: the first schema; nothing older exists.
// - 2 (search index): own version. The index is derived data, but the version 1 program
//   predates this rule and was never checked against it; a claim nobody verified is not made
//   (it would change nothing: step 3 pins 3).
// - 3 (staff mode): own version. New tables, but the outbox may then hold staff_edit and
//   conflict_resolution operations made under staff mode's rules, which a version 2 program
//   would push without knowing them; not verified, so not claimed.
// - 4 (category list index): 3. list_entry and list_count are derived from the tables, never
//   synced or exported, have no foreign keys or triggers, and a version 3 program never reads
//   them or meta 'list_index'. What it cannot do is keep them current when it writes: the
//   older-writer mark makes the next version 4 open rebuild them (tests/content/
//   schema_compat_test.cpp plays that fallback).
const std::vector<SchemaStep> kSteps = {
    {1, 1, kSchemaV1},
    {2, 2, kSchemaV2},
    {3, 3, kSchemaV3},
    {4, 3, kSchemaV4},
};

constexpr const char* kReadableByKey = "schema_readable_by";
constexpr const char* kOlderWriterKey = "written_by_older_schema";

// Data the program derives from the content tables and an older program cannot keep current.
// A step that adds such data adds its rebuild here (and may then say readable_by = previous).
struct DerivedData {
    const char* table;  // present from the step that created it on
    Status (*rebuild)(Db& db);
};
const DerivedData kDerivedData[] = {
    {"search_doc", RebuildSearchIndex},
    {"list_entry", RebuildListIndex},
};

const std::vector<SchemaStep>& StepsOf(const SchemaOptions& options) {
    return options.steps ? *options.steps : kSteps;
}

int ProgramVersion(const SchemaOptions& options) {
    if (options.program_schema_version > 0) return options.program_schema_version;
    const std::vector<SchemaStep>& steps = StepsOf(options);
    return steps.empty() ? 0 : steps.back().version;
}

Result<bool> TableExists(Db& db, const char* name) {
    Stmt stmt = TRY_VALUE(db.Prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?1"));
    stmt.Bind(1, name);
    return stmt.Step();
}

// A meta value: nullopt when the meta table or the key is absent.
Result<std::optional<std::string>> ReadMeta(Db& db, const char* key) {
    if (!TRY_VALUE(TableExists(db, "meta"))) return std::optional<std::string>();
    Stmt stmt = TRY_VALUE(db.Prepare("SELECT value FROM meta WHERE key = ?1"));
    stmt.Bind(1, key);
    if (!TRY_VALUE(stmt.Step())) return std::optional<std::string>();
    return std::optional<std::string>(stmt.Text(0));
}

Status WriteMeta(Db& db, const char* key, int value) {
    Stmt stmt = TRY_VALUE(db.Prepare(
        "INSERT INTO meta (key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = excluded.value"));
    stmt.Bind(1, key).Bind(2, std::to_string(value));
    return stmt.Run();
}

// A schema version written as decimal digits, nothing else.
std::optional<int> ParseVersion(const std::string& text) {
    int value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size() || value < 0) return std::nullopt;
    return value;
}

base::Error MetaInvalid(Db& db, const char* key, const std::string& text) {
    return base::MakeError("db_schema_meta_invalid", "'" + db.path() + "' has meta '" + key + "' = '" + text +
                                                         "', which is not a schema version; the file was left as it is");
}

// The largest readable_by of the steps a file at `version` has had applied.
int ReadableByOfSteps(const std::vector<SchemaStep>& steps, int version) {
    int readable_by = 0;
    for (const SchemaStep& step : steps) {
        if (step.version <= version) readable_by = std::max(readable_by, step.readable_by);
    }
    return readable_by;
}

std::string StepList(const std::vector<const SchemaStep*>& steps) {
    std::string out;
    for (const SchemaStep* step : steps) {
        if (!out.empty()) out += ", ";
        out += std::to_string(step->version) + " (readable by " + std::to_string(step->readable_by) + ")";
    }
    return out;
}

Status ApplyStep(Db& db, const SchemaStep& step, int readable_by) {
    auto tx = TRY_VALUE(Transaction::Begin(db));
    Status status = db.Exec(step.sql);
    if (!status.ok()) {
        return base::MakeError("db_migration_failed", "schema step " + std::to_string(step.version) + ": " +
                                                          status.error().message);
    }
    // Step 1 creates meta; every later step finds it.
    TRY(WriteMeta(db, kReadableByKey, readable_by));
    TRY(db.Exec("PRAGMA user_version=" + std::to_string(step.version)));
    return tx.Commit();
}

// The older program's mark, written before it can write anything else. Keeps the lowest version.
Status MarkWrittenByOlder(Db& db, int program_version) {
    auto tx = TRY_VALUE(Transaction::Begin(db));
    auto existing = TRY_VALUE(ReadMeta(db, kOlderWriterKey));
    int mark = program_version;
    if (existing) {
        std::optional<int> parsed = ParseVersion(*existing);
        // An unreadable mark still means "an older program wrote": replace it with ours.
        if (parsed) mark = std::min(mark, *parsed);
    }
    if (!existing || std::to_string(mark) != *existing) TRY(WriteMeta(db, kOlderWriterKey, mark));
    return tx.Commit();
}

// Rebuilds what the tables derive, then deletes the mark, all in one transaction: a crash
// leaves the mark, and the next open rebuilds again.
Status RebuildAfterOlderWriter(Db& db) {
    const auto start = std::chrono::steady_clock::now();
    auto tx = TRY_VALUE(Transaction::Begin(db));
    auto mark = TRY_VALUE(ReadMeta(db, kOlderWriterKey));
    if (!mark) return base::Ok();  // another connection rebuilt first
    std::string rebuilt;
    for (const DerivedData& derived : kDerivedData) {
        if (!TRY_VALUE(TableExists(db, derived.table))) continue;
        Status status = derived.rebuild(db);
        if (!status.ok()) {
            return base::MakeError("db_rebuild_failed", std::string("rebuilding ") + derived.table +
                                                            " after an older program wrote: " + status.error().ToString());
        }
        rebuilt += rebuilt.empty() ? derived.table : std::string(",") + derived.table;
    }
    Stmt clear = TRY_VALUE(db.Prepare("DELETE FROM meta WHERE key = ?1"));
    clear.Bind(1, kOlderWriterKey);
    TRY(clear.Run());
    TRY(tx.Commit());
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    base::LogInfo("db_rebuilt_after_older_writer", "path=" + db.path() + " older_schema=\"" + *mark + "\" rebuilt=" +
                                                       rebuilt + " ms=" + std::to_string((int64_t)ms));
    return base::Ok();
}

}  // namespace

const std::vector<SchemaStep>& SchemaSteps() { return kSteps; }

Result<SchemaPlan> PlanMigration(Db& db, const SchemaOptions& options) {
    const std::vector<SchemaStep>& steps = StepsOf(options);
    SchemaPlan plan;
    plan.program_version = ProgramVersion(options);
    plan.file_version = db.UserVersion();
    if (plan.file_version < 0) return db.LastError("db_corrupt");
    auto stored = TRY_VALUE(ReadMeta(db, kReadableByKey));
    // -1: absent or not a number (an optional<int> here trips GCC 12's maybe-uninitialized).
    const int stored_value = stored ? ParseVersion(*stored).value_or(-1) : -1;

    if (plan.file_version > plan.program_version) {
        // Only the file can say who may read it: this program does not know the newer steps.
        if (stored && stored_value < 0) return MetaInvalid(db, kReadableByKey, *stored);
        if (stored_value < 0 || stored_value > plan.program_version) {
            std::string why = stored_value >= 0 ? " and needs at least version " + std::to_string(stored_value) : "";
            return base::MakeError("db_schema_too_new", "'" + db.path() + "' has schema version " +
                                                            std::to_string(plan.file_version) + why +
                                                            "; this program knows up to " +
                                                            std::to_string(plan.program_version));
        }
        plan.readable_by = stored_value;
        plan.newer_file = true;
        return plan;
    }

    // Every applied step is known here, so the value can be recomputed exactly.
    plan.readable_by = ReadableByOfSteps(steps, plan.file_version);
    plan.readable_by_repair = plan.file_version > 0 && stored_value != plan.readable_by;
    auto mark = TRY_VALUE(ReadMeta(db, kOlderWriterKey));
    plan.written_by_older = mark.has_value();
    for (const SchemaStep& step : steps) {
        if (step.version > plan.file_version && step.version <= plan.program_version) plan.pending.push_back(&step);
    }

    if (options.policy == MigrationPolicy::HoldIncompatible && plan.file_version > 0 && !plan.pending.empty()) {
        // The firmware a failed trial falls back to: the one that left the file at its version,
        // or an older one that wrote it since.
        int fallback = plan.file_version;
        if (mark) {
            std::optional<int> older = ParseVersion(*mark);
            if (!older) return MetaInvalid(db, kOlderWriterKey, *mark);
            fallback = std::min(fallback, *older);
        }
        std::vector<const SchemaStep*> held;
        for (const SchemaStep* step : plan.pending) {
            if (step->readable_by > fallback) held.push_back(step);
        }
        if (!held.empty()) {
            return base::MakeError(
                "db_migration_held",
                "'" + db.path() + "' is at schema version " + std::to_string(plan.file_version) +
                    "; on a trial boot this program holds schema " + (held.size() == 1 ? "step " : "steps ") +
                    StepList(held) + ", which the firmware it would fall back to (schema " + std::to_string(fallback) +
                    ") could not read; nothing was changed. " + (held.size() == 1 ? "It runs" : "They run") +
                    " at the first start after this slot is marked good.");
        }
    }
    return plan;
}

Status Migrate(Db& db, const SchemaOptions& options) {
    SchemaPlan plan = TRY_VALUE(PlanMigration(db, options));
    if (plan.newer_file) return MarkWrittenByOlder(db, plan.program_version);
    if (plan.readable_by_repair) {
        auto stored = TRY_VALUE(ReadMeta(db, kReadableByKey));
        if (stored) {
            base::LogWarn("db_schema_meta_repaired", "path=" + db.path() + " key=" + kReadableByKey + " was=\"" +
                                                         *stored + "\" now=" + std::to_string(plan.readable_by));
        }
        TRY(WriteMeta(db, kReadableByKey, plan.readable_by));
    }
    int readable_by = plan.readable_by;
    for (const SchemaStep* step : plan.pending) {
        readable_by = std::max(readable_by, step->readable_by);
        TRY(ApplyStep(db, *step, readable_by));
    }
    if (!plan.pending.empty()) {
        base::LogInfo("db_migrated", "path=" + db.path() + " from=" + std::to_string(plan.file_version) + " to=" +
                                         std::to_string(plan.pending.back()->version) +
                                         " readable_by=" + std::to_string(readable_by));
    }
    if (plan.written_by_older) TRY(RebuildAfterOlderWriter(db));
    return base::Ok();
}

Status Migrate(Db& db) { return Migrate(db, SchemaOptions{}); }

Status MigrateTo(Db& db, int version) {
    int current = db.UserVersion();
    if (current < 0) return db.LastError("db_corrupt");
    if (current > kSchemaVersion) {
        return base::MakeError("db_schema_too_new", "'" + db.path() + "' has schema version " + std::to_string(current) +
                                                        "; this program knows up to " + std::to_string(kSchemaVersion));
    }
    int readable_by = ReadableByOfSteps(kSteps, current);
    for (const SchemaStep& step : kSteps) {
        if (step.version > current && step.version <= version) {
            readable_by = std::max(readable_by, step.readable_by);
            TRY(ApplyStep(db, step, readable_by));
        }
    }
    return base::Ok();
}

const std::vector<std::string>& ContentTables() {
    static const std::vector<std::string> tables = {
        "organization", "taxonomy", "taxonomy_term", "booking_form", "booking_form_field",
        "service", "location", "address", "service_at_location", "phone", "schedule",
        "language", "attribute", "cost_option", "course_series", "course_session", "staff", "staff_conflict", "translation",
    };
    return tables;
}

}  // namespace content
