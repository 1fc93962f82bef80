// ui/content_cache.cpp: memoised content queries.
#include "ui/content_cache.h"

#include <set>

#include "base/log.h"

namespace ui {
namespace {

// Each memo keeps at most this many entries; search queries are the only unbounded key space.
constexpr size_t kMaxEntries = 64;

}  // namespace

template <typename T, typename F>
const content::Result<T>& ContentCache::Get(Memo<T>& memo, const std::string& key, F&& query) {
    auto it = memo.find(key);
    if (it != memo.end()) return it->second;
    if (memo.size() >= kMaxEntries) memo.clear();
    ++queries_run_;
    content::Result<T> result = query();
    if (!result.ok()) base::LogWarn("ui_content_query_failed", key + " " + result.error().ToString());
    return memo.emplace(key, std::move(result)).first->second;
}

void ContentCache::Invalidate() {
    info_.clear();
    categories_.clear();
    services_in_.clear();
    service_.clear();
    organization_.clear();
    hotline_.clear();
    sessions_.clear();
    session_.clear();
    form_.clear();
    search_.clear();
    bookable_.clear();
}

const content::Result<content::ContentInfo>& ContentCache::Info() {
    return Get(info_, "info", [&] { return content::GetContentInfo(db_); });
}

const content::Result<std::vector<content::Category>>& ContentCache::Categories(const std::string& lang) {
    return Get(categories_, lang, [&] { return content::ListCategories(db_, lang); });
}

const content::Result<std::vector<content::ServiceSummary>>& ContentCache::ServicesIn(const std::string& category_id,
                                                                                      const std::string& lang) {
    return Get(services_in_, lang + "|" + category_id,
               [&] { return content::ListServicesInCategory(db_, category_id, lang); });
}

const content::Result<content::ServiceDetail>& ContentCache::Service(const std::string& id, const std::string& lang) {
    return Get(service_, lang + "|" + id, [&] { return content::GetService(db_, id, lang); });
}

const content::Result<content::Organization>& ContentCache::Organization(const std::string& id,
                                                                         const std::string& lang) {
    return Get(organization_, lang + "|" + id, [&] { return content::GetOrganization(db_, id, lang); });
}

const content::Result<content::Organization>& ContentCache::Centre(const std::string& lang) {
    return Get(organization_, lang + "|#centre", [&] { return content::GetCentre(db_, lang); });
}

const content::Result<content::ServiceDetail>& ContentCache::Hotline(const std::string& lang) {
    return Get(hotline_, lang, [&] { return content::GetHotline(db_, lang); });
}

const content::Result<std::vector<content::SessionView>>& ContentCache::Sessions(int64_t from_utc, int64_t to_utc,
                                                                                 const content::SessionFilter& filter,
                                                                                 const std::string& lang) {
    std::string key = lang + "|" + std::to_string(from_utc) + "|" + std::to_string(to_utc) + "|" +
                      filter.instruction_lang + "|" + (filter.include_cancelled ? "c" : "") + "|";
    for (const std::string& k : filter.kinds) key += k + ",";
    return Get(sessions_, key, [&] { return content::ListSessions(db_, from_utc, to_utc, filter, lang); });
}

const content::Result<content::SessionView>& ContentCache::Session(const std::string& id, const std::string& lang) {
    return Get(session_, lang + "|" + id, [&] { return content::GetSession(db_, id, lang); });
}

const content::Result<content::BookingForm>& ContentCache::Form(const std::string& id, const std::string& lang) {
    return Get(form_, lang + "|" + id, [&] { return content::GetBookingForm(db_, id, lang); });
}

const content::Result<std::vector<content::SearchHit>>& ContentCache::Search(const std::string& query,
                                                                             const std::string& lang) {
    return Get(search_, lang + "|" + query, [&] { return content::Search(db_, query, lang); });
}

const content::Result<std::vector<content::ServiceSummary>>& ContentCache::BookableServices(const std::string& lang) {
    return Get(bookable_, lang, [&]() -> content::Result<std::vector<content::ServiceSummary>> {
        std::vector<content::ServiceSummary> out;
        std::set<std::string> seen;
        auto categories = content::ListCategories(db_, lang);
        if (!categories.ok()) return categories.error();
        for (const content::Category& category : *categories) {
            auto services = content::ListServicesInCategory(db_, category.id, lang);
            if (!services.ok()) return services.error();
            for (const content::ServiceSummary& summary : *services) {
                if (!seen.insert(summary.id).second) continue;
                auto detail = content::GetService(db_, summary.id, lang);
                if (!detail.ok() || detail->booking_form_id.empty()) continue;
                // A course form needs a session: those are booked from Courses and events.
                auto form = content::GetBookingForm(db_, detail->booking_form_id, lang);
                if (form.ok() && form->kind == "consultation") out.push_back(summary);
            }
        }
        return out;
    });
}

}  // namespace ui
