// content/queries.h: the read API the screens and tools use. No SQL leaves content/.
//
// All functions take the reader's language (BCP 47, "lv", "en", "ru", "uk", ...) and return
// LocalText with fallback reported. They run in short read transactions on the caller's Db and
// are safe to call every frame only through the UI's own caching (they do real queries).
#pragma once

#include <string>
#include <vector>

#include "content/db.h"
#include "content/model.h"

namespace content {

Result<ContentInfo> GetContentInfo(Db& db);

// Categories (taxonomy terms with is_category=1) ordered by sort_order, then by name in the
// reader's collation, each with its count of active services.
Result<std::vector<Category>> ListCategories(Db& db, const std::string& lang);

// Active services in a category, sorted by name with ICU collation for `lang`
// (Latvian: c < č < d, s < š < t, z < ž).
Result<std::vector<ServiceSummary>> ListServicesInCategory(Db& db, const std::string& category_id,
                                                           const std::string& lang);

// A service with everything around it. Error "not_found" if there is no such service.
Result<ServiceDetail> GetService(Db& db, const std::string& service_id, const std::string& lang);

Result<Organization> GetOrganization(Db& db, const std::string& organization_id, const std::string& lang);

// The integration centre itself (organization with kiosk_role 'centre') and the hotline service
// (service with kiosk_role 'hotline'); "not_found" when the content has none.
Result<Organization> GetCentre(Db& db, const std::string& lang);
Result<ServiceDetail> GetHotline(Db& db, const std::string& lang);

// Sessions starting in [from_utc, to_utc), ordered by start time.
Result<std::vector<SessionView>> ListSessions(Db& db, int64_t from_utc, int64_t to_utc, const SessionFilter& filter,
                                              const std::string& lang);
Result<SessionView> GetSession(Db& db, const std::string& session_id, const std::string& lang);

Result<BookingForm> GetBookingForm(Db& db, const std::string& form_id, const std::string& lang);

// Opening hours in words for `lang`, one line per distinct time range:
// "Mon–Thu 9:00–17:00", "P–C 9:00–17:00", "Пн–Чт 9:00–17:00". Day names come from ICU.
std::vector<std::string> DescribeOpeningHours(const std::vector<OpeningRule>& rules, const std::string& lang);

}  // namespace content
