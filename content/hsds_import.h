// content/hsds_import.h: Open Referral HSDS 3.x in, with the kiosk's x_ extensions.
//
// Design note
// - Accepted shapes (docs/content-format.md): one HSDS service or organization object, a JSON
//   array of them (or a list response's `contents`), the tabular form (a folder with CSV files
//   and `datapackage.json`, or that file itself), and the kiosk content document
//   (`"x_kiosk_format": 1`).
// - Three stages, so a bad file changes nothing:
//     1. Stage: every object becomes a staged row (columns, texts, `extra`) keyed by
//        (table, id); an object met twice (a phone listed under its service and its location)
//        merges into one row. Type and required-member errors stop here.
//     2. Check: every reference must name a staged row or a row already in the database
//        ("hsds_dangling_reference"). A few optional HSDS links that may point outside the
//        directory (organization.parent_organization_id, location.organization_id,
//        taxonomy_term.parent_id, taxonomy_term.taxonomy_id) are kept verbatim in `extra`
//        instead, with a warning, so the export still returns them.
//     3. Write: one Transaction, ContentWriter for every row and text, course series expanded
//        into sessions (content/schedule.h), meta content_updated_at set to the import time
//        (what the status line shows as "information as of"), Finish() re-indexes search,
//        then Commit. Any error returns before Commit and the Transaction rolls back.
// - Errors name the file, the record (table, id, JSON path or CSV row) and the field, with a
//   stable code: hsds_io_error, hsds_parse_error, hsds_unknown_shape, hsds_missing_field,
//   hsds_wrong_type, hsds_invalid_value, hsds_unknown_member, hsds_dangling_reference.
// - Text: plain HSDS members are in the object's x_source_lang, inherited from the enclosing
//   object or document, else ImportOptions::lang. `x_translations` adds every language. When an
//   object has x_translations for a field, the plain member adds nothing the translations
//   already say (an exporter may put a fallback language's text in a required plain member).
//   `x_source_langs: {field: lang}` marks which language a field was written in ("" = none).
// - HSDS members the schema does not model are kept in the row's `extra` JSON, so an import
//   followed by an export returns them. Kiosk-only objects (booking forms, course series) have
//   no `extra`: an unknown member there is an error, so a typo is never silently dropped.
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "content/db.h"

namespace content {

struct ImportOptions {
    std::string lang = "en";  // language of plain HSDS text (BCP 47)
    int64_t now_utc = 0;      // "today" for dtstart_relative and meta content_updated_at; 0 means the clock
};

struct ImportReport {
    std::map<std::string, int> rows;       // table -> rows written (staged and merged)
    int texts = 0;                          // translations written
    int sessions = 0;                       // course sessions written
    std::vector<std::string> warnings;      // kept-as-extra links, unattached CSV rows, ...
};

// Reads `path`: a .json file, a folder with datapackage.json/CSV files, or a datapackage.json.
Result<ImportReport> ImportHsdsPath(Db& db, const std::string& path, const ImportOptions& options = {});

// Imports an already-read JSON text; `source_name` is used in error messages.
Result<ImportReport> ImportHsdsText(Db& db, std::string_view json_text, const std::string& source_name,
                                    const ImportOptions& options = {});

// --- Shared with the exporter: how HSDS members map to columns. ---

enum class HsdsKind {
    Text,        // JSON string
    Int,         // JSON integer (an integral number is accepted)
    Real,        // JSON number
    Bool,        // JSON boolean
    NumberText,  // HSDS number kept as text (phone.extension, schedule.timezone)
    Ref,         // id of a row that must exist (ref_table)
    LooseRef,    // id that may point outside the directory: kept in extra when dangling
};

struct HsdsColumn {
    const char* member;     // HSDS (or x_) member name
    const char* column;     // database column
    HsdsKind kind;
    const char* ref_table;  // for Ref / LooseRef
};

struct HsdsTable {
    const char* table;
    std::vector<HsdsColumn> columns;
    bool has_extra;  // false for kiosk-only tables: unknown members are errors
};

// nullptr for tables the HSDS importer does not handle.
const HsdsTable* FindHsdsTable(const std::string& table);

// Text members HSDS requires although our schema keeps them optional; the exporter falls back
// to another language (or "") for these so its output validates.
bool IsHsdsRequiredText(const std::string& table, const std::string& field);

// A stable id derived from a parent id and a name (UUID-shaped, FNV-1a based), for records the
// kiosk document lists without ids (booking form fields).
std::string DeriveId(const std::string& parent_id, const std::string& name);

}  // namespace content
