// content/schema.h: the database schema and its forward-only migrations.
//
// Design note
// - The schema version lives in PRAGMA user_version. Migrate() applies every missing step in
//   order, each step and its user_version bump inside one transaction, so a crash leaves the
//   file at the old or the new version, never between.
// - A database newer than this program is refused (error "db_schema_too_new"), never touched.
// - Tables follow Open Referral HSDS 3.x (see docs/content-model.md). Human-readable text is not
//   stored in the HSDS tables: it lives in `translation` (table, record, field, language), GTFS
//   style, so every language is a first-class citizen and fallback is one query.
#pragma once

#include "content/db.h"

namespace content {

inline constexpr int kSchemaVersion = 4;

// Brings `db` to kSchemaVersion. Idempotent.
Status Migrate(Db& db);
// Brings `db` to exactly `version` (for tests that need an older file).
Status MigrateTo(Db& db, int version);

// The content tables a sync or export walks, in dependency order (parents first).
const std::vector<std::string>& ContentTables();

}  // namespace content
