// content/schema.h: the database schema, its migrations, and which firmware may use which file.
//
// Design note
// - The schema version lives in PRAGMA user_version. Migrate() applies every missing step in
//   order, each step, its user_version bump and meta 'schema_readable_by' inside one
//   transaction, so a crash leaves the file at the old or the new version, never between.
// - The data partition is shared by both firmware slots (image/, docs/decisions.md): an update
//   is tried once and, if it never gets good, the next boot falls back to the OLD firmware with
//   the database the new one left. So each step declares `readable_by`: the oldest program
//   schema version that can still use the database after the step. Additive steps (new
//   tables, new nullable columns, new non-unique indexes, derived data the newer program
//   rebuilds) say the previous version; anything else says its own version. The file records
//   meta 'schema_readable_by' = the largest readable_by of the steps applied to it.
// - Opening, for a program that knows steps up to P, a file at version V (Db::Open):
//
//       V > P, schema_readable_by <= P   -> opens unmigrated ("db_newer_schema_readable");
//                                           read-write: meta 'written_by_older_schema' = P
//       V > P, otherwise                 -> "db_schema_too_new", the file byte for byte as it was
//       V <= P, trial boot, a missing step's readable_by > F (below)
//                                        -> "db_migration_held", the file byte for byte as it was
//       V <= P, otherwise                -> the missing steps run (Migrate)
//
//   F, the firmware a failed trial falls back to, is the file's version as found, or the
//   'written_by_older_schema' mark when an older firmware wrote it since (it may be older
//   still). A new, empty file (V = 0) has no previous firmware to protect.
// - 'written_by_older_schema' is written when the older program opens read-write, before it
//   can write anything (a crash can never leave an unmarked write), and holds the lowest such
//   program's version. The older program cannot maintain what only the newer one derives from
//   the tables (the category list index, and the search index it may build differently), so the
//   next read-write open by a program that knows every applied step rebuilds all derived data
//   (DerivedData in schema.cpp) and deletes the mark in one transaction
//   ("db_rebuilt_after_older_writer"). Data written during a fallback is never hidden.
// - A meta value that is not a number: 'schema_readable_by' of a file this program knows every
//   step of is recomputed from the steps ("db_schema_meta_repaired"); otherwise, where the value
//   decides, the open fails with "db_schema_meta_invalid" and the file is untouched.
// - Tables follow Open Referral HSDS 3.x (see docs/content-model.md). Human-readable text is not
//   stored in the HSDS tables: it lives in `translation` (table, record, field, language), GTFS
//   style, so every language is a first-class citizen and fallback is one query.
#pragma once

#include <vector>

#include "content/db.h"

namespace content {

inline constexpr int kSchemaVersion = 4;

// One schema step. `sql` runs in one transaction with the version bump.
struct SchemaStep {
    int version = 0;
    int readable_by = 0;  // the oldest program schema version that can use the file after this step
    const char* sql = "";
};

// The real steps, oldest first; the last one is kSchemaVersion.
const std::vector<SchemaStep>& SchemaSteps();

// What opening would do, found by reading only (nothing is written).
struct SchemaPlan {
    int file_version = 0;     // user_version as found
    int program_version = 0;  // the newest step this program knows
    int readable_by = 0;      // the file's schema_readable_by (computed when absent and V <= P)
    bool readable_by_repair = false;  // the stored value is absent or not a number (V <= P)
    bool newer_file = false;          // V > P and readable by this program
    bool written_by_older = false;    // meta 'written_by_older_schema' is present
    std::vector<const SchemaStep*> pending;  // the steps Migrate would apply, in order
};

// The refusals (db_schema_too_new, db_schema_meta_invalid, db_migration_held) and the plan.
// Reads only: Db::Open calls it before the WAL switch, which would rewrite the file header.
Result<SchemaPlan> PlanMigration(Db& db, const SchemaOptions& options = {});

// Brings `db` to the program's schema version under `options` (PlanMigration's rules), writes
// the older-writer mark or rebuilds after one. Idempotent.
Status Migrate(Db& db, const SchemaOptions& options);
Status Migrate(Db& db);
// Brings `db` to exactly `version` of the real steps (for tests that need an older file).
Status MigrateTo(Db& db, int version);

// The content tables a sync or export walks, in dependency order (parents first).
const std::vector<std::string>& ContentTables();

}  // namespace content
