// sync/audit_log.h: the hub's audit trail of staff operations (docs/staff-mode.md, "Audit").
//
// Design note
// - `audit_log` is a hub-only table (never in ContentTables(), so it never travels to a kiosk
//   and has no change-log trigger). Rows are only ever inserted, never updated or deleted.
// - One row per field an operation touched: a staff edit of three fields writes three rows, all
//   with the same op id and outcome of that field (applied, merged, conflict, rejected). A
//   resolution writes one row (outcome resolved or rejected); staff management writes one row
//   (action staff_add / staff_remove). An operation without fields (a delete) writes one row
//   with field "record".
// - Values are stored as JSON text (a string keeps its quotes), NULL meaning absent, so "" and
//   absent stay different. `at` is the hub's clock: device clocks order nothing.
// - Rows are written inside the caller's transaction, together with the effect they describe,
//   so the trail and the content can never disagree.
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "content/db.h"

namespace ksync {

struct AuditEntry {
    int64_t id = 0;                  // assigned on insert
    int64_t at = 0;                  // hub clock, UTC seconds
    std::string staff_id;
    std::string staff_name;          // as it was when the operation ran
    std::string device;              // the authenticated kiosk's name, or "hub" for the CLI
    std::string op_id;
    std::string action;              // create, update, delete, resolve, staff_add, staff_remove
    std::string table;
    std::string record_id;
    std::string field;               // column, "text:<field>:<lang>", or "record"
    nlohmann::json old_value;        // null: absent
    nlohmann::json new_value;
    std::string outcome;             // applied, merged, conflict, resolved, rejected
    std::string detail;              // rejection reason / message, conflict id
};

// Creates the table and its indexes when missing (HubStore::Setup calls it).
base::Status CreateAuditTable(content::Db& db);

base::Status WriteAudit(content::Db& db, const AuditEntry& entry);

struct AuditFilter {
    std::string staff_id;            // empty: everyone
    std::string record_id;           // empty: every record
    std::optional<int64_t> since;    // UTC seconds, inclusive
    int limit = 0;                   // 0: no limit
};

// Oldest first.
base::Result<std::vector<AuditEntry>> ListAudit(content::Db& db, const AuditFilter& filter);

nlohmann::json AuditEntryJson(const AuditEntry& entry);

// "2026-03-01" -> UTC seconds of its midnight; error "audit_bad_date".
base::Result<int64_t> ParseUtcDate(const std::string& text);

}  // namespace ksync
