// content/validate.h: content checks for staff and CI (`kioskctl validate`).
//
// Checks (each issue has a stable code):
//   missing_translation  warning  a text field present in some language lacks a required one
//                                 (lv, en, ru by default)
//   missing_text         error    a record has no name (service, organization, course series,
//                                 category) or a booking form no title, in any language
//   dangling_reference   error    a foreign key names no row (PRAGMA foreign_key_check), a
//                                 translation names no record, an attribute links to nothing
//   non_nfc_text         error    a translation or text column is not in Unicode NFC
//   past_sessions        warning  a series still has scheduled sessions that have ended
// Validation only reads, inside one read transaction.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "content/db.h"

namespace content {

struct ContentIssue {
    std::string severity;   // "error" or "warning"
    std::string code;       // see above
    std::string table;
    std::string record_id;
    std::string field;      // column or translatable field, when one is at fault
    std::string lang;       // for missing_translation
    std::string message;    // for people
};

struct ValidateOptions {
    std::vector<std::string> required_langs = {"lv", "en", "ru"};
    int64_t now_utc = 0;  // for past_sessions; 0 means the clock
};

Result<std::vector<ContentIssue>> ValidateContent(Db& db, const ValidateOptions& options = {});

// Rows per content table, in ContentTables() order (for `kioskctl stats`).
Result<std::vector<std::pair<std::string, int64_t>>> CountContent(Db& db);

}  // namespace content
