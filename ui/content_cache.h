// ui/content_cache.h: the screens' read-through cache of content queries.
//
// Design note: a screen asks for the same data every frame; the cache runs each distinct query
// (kind, arguments, language) once and keeps the Result, errors included, so a broken database
// shows a calm message instead of being hammered 60 times a second. Invalidate() drops
// everything; VisitorUi calls it when FrameContext::content_changed says new content landed.
// The cache holds no visitor input except search queries, and ResetSession() clears it too.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "content/bookings.h"
#include "content/model.h"
#include "content/queries.h"
#include "content/search.h"

namespace ui {

class ContentCache {
public:
    explicit ContentCache(content::Db& db) : db_(db) {}

    void Invalidate();
    uint64_t queries_run() const { return queries_run_; }  // for the "cached per frame" test

    const content::Result<content::ContentInfo>& Info();
    const content::Result<std::vector<content::Category>>& Categories(const std::string& lang);
    const content::Result<std::vector<content::ServiceSummary>>& ServicesIn(const std::string& category_id,
                                                                            const std::string& lang);
    const content::Result<content::ServiceDetail>& Service(const std::string& id, const std::string& lang);
    const content::Result<content::Organization>& Organization(const std::string& id, const std::string& lang);
    const content::Result<content::Organization>& Centre(const std::string& lang);
    const content::Result<content::ServiceDetail>& Hotline(const std::string& lang);
    const content::Result<std::vector<content::SessionView>>& Sessions(int64_t from_utc, int64_t to_utc,
                                                                       const content::SessionFilter& filter,
                                                                       const std::string& lang);
    const content::Result<content::SessionView>& Session(const std::string& id, const std::string& lang);
    const content::Result<content::BookingForm>& Form(const std::string& id, const std::string& lang);
    const content::Result<std::vector<content::SearchHit>>& Search(const std::string& query, const std::string& lang);
    // Services with a consultation booking form, across all categories, in the categories' order.
    const content::Result<std::vector<content::ServiceSummary>>& BookableServices(const std::string& lang);

    content::Db& db() { return db_; }

private:
    template <typename T>
    using Memo = std::map<std::string, content::Result<T>>;
    template <typename T, typename F>
    const content::Result<T>& Get(Memo<T>& memo, const std::string& key, F&& query);

    content::Db& db_;
    uint64_t queries_run_ = 0;
    Memo<content::ContentInfo> info_;
    Memo<std::vector<content::Category>> categories_;
    Memo<std::vector<content::ServiceSummary>> services_in_;
    Memo<content::ServiceDetail> service_;
    Memo<content::Organization> organization_;
    Memo<content::ServiceDetail> hotline_;
    Memo<std::vector<content::SessionView>> sessions_;
    Memo<content::SessionView> session_;
    Memo<content::BookingForm> form_;
    Memo<std::vector<content::SearchHit>> search_;
    Memo<std::vector<content::ServiceSummary>> bookable_;
};

}  // namespace ui
