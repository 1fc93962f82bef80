// content/hsds_export.h: the content store out as Open Referral HSDS 3.x JSON.
//
// Design note
// - Formats: Services (default) is a JSON array of HSDS service objects in the compiled
//   `schema/compiled/service.json` shape (nested organization with its phones and locations,
//   service_at_locations with their location, addresses, phones, schedules, languages,
//   attributes with their taxonomy_term, cost_options). Organizations is an array of HSDS
//   organizations with nested `services` and `locations`. Kiosk is the kiosk content document
//   (docs/content-format.md), the lossless backup: it also holds what no service reaches
//   (unused categories, forms, series without a service).
// - Plain text members carry `lang` (with a fallback language for members HSDS requires, so
//   the output validates); `x_translations` carries every language; `x_source_lang` on each
//   top-level object says which language the plain members are in, and `x_source_langs` marks
//   fields written in another language. Importing the output gives back the same rows.
// - Kiosk data travels as x_ members: x_kiosk_role, x_booking_form_id, x_is_free, category
//   members of taxonomy terms; in the Services and Organizations formats each service carries
//   its `x_course_series` (with their `sessions`) and the `x_booking_forms` it or they use.
// - Members kept in `extra` on import are written back as they came.
// - Reads run in one read transaction, so the export is a consistent snapshot.
#pragma once

#include <nlohmann/json.hpp>

#include <string>

#include "content/db.h"

namespace content {

enum class ExportFormat { Services, Organizations, Kiosk };

struct ExportOptions {
    std::string lang = "en";  // language of the plain text members
    ExportFormat format = ExportFormat::Services;
};

Result<nlohmann::json> ExportHsds(Db& db, const ExportOptions& options = {});

// "services" | "organizations" | "kiosk"; error "hsds_invalid_value" otherwise.
Result<ExportFormat> ParseExportFormat(const std::string& name);

// Every content table (rows ordered by key, all columns) and the translations, as one JSON
// object {table: [row, ...]}. Two databases with equal dumps hold the same content; tests
// compare dumps before and after a failed import, and after an export/import round trip.
Result<nlohmann::json> DumpContent(Db& db);

}  // namespace content
