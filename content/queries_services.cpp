// content/queries_services.cpp: categories, service lists, service/organisation detail,
// the centre and the hotline, content info.
//
// A category's services come from the list index (queries_list_index.cpp): rows stored ready
// to show in the reader's collation order, one range scan. Languages without index rows, and a
// database whose index is not valid yet, get the list built from the tables and sorted in C++
// with ICU sort keys (one key per name, then memcmp): the same result, several times slower.
#include <algorithm>
#include <map>
#include <numeric>

#include "content/queries.h"
#include "content/queries_internal.h"

namespace content {

using namespace detail;

Result<ContentInfo> GetContentInfo(Db& db) {
    ReadScope scope(db);
    ContentInfo info;
    Stmt meta = TRY_VALUE(db.Prepare("SELECT key, value FROM meta WHERE key IN ('content_seq', 'content_updated_at')"));
    while (TRY_VALUE(meta.Step())) {
        std::string key = meta.Text(0);
        int64_t value = 0;
        try {
            value = std::stoll(meta.Text(1));
        } catch (...) {
            return base::MakeError("content_bad_meta", "meta '" + key + "' is not a number: '" + meta.Text(1) + "'");
        }
        (key == "content_seq" ? info.content_seq : info.updated_at) = value;
    }
    Stmt langs = TRY_VALUE(db.Prepare("SELECT DISTINCT lang FROM translation ORDER BY lang"));
    while (TRY_VALUE(langs.Step())) info.languages.push_back(langs.Text(0));
    return info;
}

Result<std::vector<Category>> ListCategories(Db& db, const std::string& lang) {
    ReadScope scope(db);
    ListCache* cache = TRY_VALUE(ValidListCache(db));
    if (auto hit = cache->categories.find(lang); hit != cache->categories.end()) return hit->second;

    // Counts from the list index when it is valid (a dozen rows), else in one pass over the
    // links (tens of milliseconds on 10 000 services).
    std::map<std::string, int> counts;
    if (TRY_VALUE(ListIndexReady(db))) {
        Stmt stmt = TRY_VALUE(db.Prepare("SELECT category_id, services FROM list_count"));
        while (TRY_VALUE(stmt.Step())) counts[stmt.Text(0)] = (int)stmt.Int(1);
    } else {
        Stmt stmt = TRY_VALUE(db.Prepare(
            "SELECT a.taxonomy_term_id, count(DISTINCT a.link_id) FROM attribute a JOIN service s ON s.id = a.link_id "
            "WHERE a.link_entity = 'service' AND s.status = 'active' GROUP BY a.taxonomy_term_id"));
        while (TRY_VALUE(stmt.Step())) counts[stmt.Text(0)] = (int)stmt.Int(1);
    }
    Stmt stmt = TRY_VALUE(db.Prepare(
        "SELECT tt.id, tt.icon, tt.sort_order, " + BestTextSql("taxonomy_term", "tt.id", "name") + ", " +
        BestTextSql("taxonomy_term", "tt.id", "description") + " FROM taxonomy_term tt WHERE tt.is_category = 1"));
    BindLang(stmt, lang);
    struct Row {
        Category category;
        int64_t sort_order;
        std::string key;
    };
    std::vector<Row> rows;
    icu::Collator* collator = CollatorFor(lang);
    while (TRY_VALUE(stmt.Step())) {
        Row row;
        row.category.id = stmt.Text(0);
        row.category.icon = stmt.Text(1);
        row.sort_order = stmt.Int(2);
        row.category.name = DecodeBestText(stmt, 3, lang);
        row.category.description = DecodeBestText(stmt, 4, lang);
        auto count = counts.find(row.category.id);
        row.category.service_count = count == counts.end() ? 0 : count->second;
        row.key = SortKey(collator, row.category.name.text);
        rows.push_back(std::move(row));
    }
    std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
        if (a.sort_order != b.sort_order) return a.sort_order < b.sort_order;
        if (a.key != b.key) return a.key < b.key;
        return a.category.id < b.category.id;
    });
    std::vector<Category> out;
    out.reserve(rows.size());
    for (Row& row : rows) out.push_back(std::move(row.category));
    if (cache->categories.size() >= 16) cache->categories.clear();
    cache->categories[lang] = out;
    return out;
}

Result<std::vector<ServiceSummary>> ListServicesInCategory(Db& db, const std::string& category_id,
                                                           const std::string& lang) {
    ReadScope scope(db);
    if (IsListLanguage(lang) && TRY_VALUE(ListIndexReady(db))) {
        // The list index holds the rows ready to show, in display order (queries_list_index.cpp).
        // Not kept in the connection's list cache: reading it costs about what copying a
        // cached list does, and the copy would double every first call.
        Stmt stmt = TRY_VALUE(db.Prepare(
            "SELECT service_id, name, name_lang, description, description_lang, organization_name, organization_lang, "
            "is_free, kiosk_role FROM list_entry WHERE category_id = ?1 AND lang = ?2 ORDER BY sort_key, service_id"));
        stmt.Bind(1, category_id).Bind(2, lang);
        std::vector<ServiceSummary> services;
        {
            // Sized once: growing a vector of a thousand summaries moves them several times
            // and maps fresh memory each time, which costs as much as reading the rows.
            Stmt count = TRY_VALUE(db.Prepare("SELECT services FROM list_count WHERE category_id = ?1"));
            count.Bind(1, category_id);
            if (TRY_VALUE(count.Step())) services.reserve((size_t)std::max<int64_t>(0, count.Int(0)));
        }
        while (TRY_VALUE(stmt.Step())) {
            ServiceSummary summary;
            summary.id = stmt.Text(0);
            summary.name = MakeLocalText(stmt.Text(1), stmt.Text(2), lang);
            summary.description = MakeLocalText(stmt.Text(3), stmt.Text(4), lang);
            summary.organization_name = MakeLocalText(stmt.Text(5), stmt.Text(6), lang);
            if (!stmt.IsNull(7)) summary.is_free = stmt.Int(7) != 0;
            summary.kiosk_role = stmt.Text(8);
            services.push_back(std::move(summary));
        }
        return services;
    }

    // Another language, or an index not (yet) valid: build the list from the tables.
    ListCache* cache = TRY_VALUE(ValidListCache(db));
    const auto cache_key = std::make_pair(category_id, lang);
    if (auto hit = cache->services.find(cache_key); hit != cache->services.end()) return hit->second;
    Stmt stmt = TRY_VALUE(db.Prepare(
        "SELECT s.id, s.is_free, s.kiosk_role, s.organization_id, " + BestTextSql("service", "s.id", "name") + ", " +
        BestTextSql("service", "s.id", "description") +
        " FROM service s WHERE s.status = 'active' AND s.id IN "
        "(SELECT a.link_id FROM attribute a WHERE a.taxonomy_term_id = ?3 AND a.link_entity = 'service')"));
    BindLang(stmt, lang);
    stmt.Bind(3, category_id);
    std::vector<ServiceSummary> services;
    std::vector<std::string> organization_ids;
    std::map<std::string, LocalText> organization_names;  // a few providers serve many services
    while (TRY_VALUE(stmt.Step())) {
        ServiceSummary summary;
        summary.id = stmt.Text(0);
        if (!stmt.IsNull(1)) summary.is_free = stmt.Int(1) != 0;
        summary.kiosk_role = stmt.Text(2);
        organization_ids.push_back(stmt.Text(3));
        organization_names.emplace(organization_ids.back(), LocalText{});
        summary.name = DecodeBestText(stmt, 4, lang);
        summary.description = DecodeBestText(stmt, 5, lang);
        services.push_back(std::move(summary));
    }
    if (!organization_names.empty()) {
        Stmt org = TRY_VALUE(db.Prepare("SELECT " + BestTextSql("organization", "?3", "name")));
        for (auto& [id, name] : organization_names) {
            org.Reset();
            BindLang(org, lang);
            org.Bind(3, id);
            if (TRY_VALUE(org.Step())) name = DecodeBestText(org, 0, lang);
        }
    }
    icu::Collator* collator = CollatorFor(lang);
    std::vector<std::string> keys;
    keys.reserve(services.size());
    for (size_t i = 0; i < services.size(); ++i) {
        services[i].organization_name = organization_names[organization_ids[i]];
        keys.push_back(SortKey(collator, services[i].name.text));
    }
    std::vector<size_t> order(services.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
        if (keys[a] != keys[b]) return keys[a] < keys[b];
        return services[a].id < services[b].id;
    });
    std::vector<ServiceSummary> sorted;
    sorted.reserve(services.size());
    for (size_t index : order) sorted.push_back(std::move(services[index]));
    if (cache->services.size() >= 64) cache->services.clear();
    cache->services[cache_key] = sorted;
    return sorted;
}

namespace {

Result<Location> LoadLocation(Db& db, const std::string& location_id, const std::string& sal_id, const std::string& lang) {
    Stmt stmt = TRY_VALUE(db.Prepare("SELECT id, latitude, longitude FROM location WHERE id = ?1"));
    stmt.Bind(1, location_id);
    if (!TRY_VALUE(stmt.Step())) return NotFound("location", location_id);
    Location location;
    location.id = stmt.Text(0);
    if (!stmt.IsNull(1)) location.latitude = stmt.Real(1);
    if (!stmt.IsNull(2)) location.longitude = stmt.Real(2);
    TextMap texts = TRY_VALUE(LoadTexts(db, "location", location.id, lang));
    location.name = Field(texts, "name");
    location.description = Field(texts, "description");
    location.transportation = Field(texts, "transportation");

    Stmt addresses = TRY_VALUE(db.Prepare(
        "SELECT address_1, address_2, city, region, postal_code, country FROM address WHERE location_id = ?1 "
        "ORDER BY address_type <> 'physical', id"));
    addresses.Bind(1, location.id);
    while (TRY_VALUE(addresses.Step())) {
        Address address;
        address.address_1 = addresses.Text(0);
        address.address_2 = addresses.Text(1);
        address.city = addresses.Text(2);
        address.region = addresses.Text(3);
        address.postal_code = addresses.Text(4);
        address.country = addresses.Text(5);
        location.addresses.push_back(std::move(address));
    }
    // The location's general hours, then the hours of this service at this location.
    location.opening_hours = TRY_VALUE(LoadOpeningRules(
        db, "location_id = ?3 AND service_id IS NULL AND service_at_location_id IS NULL", location.id, lang));
    if (!sal_id.empty()) {
        auto sal_rules = TRY_VALUE(LoadOpeningRules(db, "service_at_location_id = ?3", sal_id, lang));
        location.opening_hours.insert(location.opening_hours.end(), sal_rules.begin(), sal_rules.end());
    }
    location.phones = TRY_VALUE(LoadPhones(db, "location_id = ?3 AND service_id IS NULL", location.id, lang));
    return location;
}

}  // namespace

Result<Organization> GetOrganization(Db& db, const std::string& organization_id, const std::string& lang) {
    ReadScope scope(db);
    Stmt stmt = TRY_VALUE(db.Prepare("SELECT id, website, email, kiosk_role FROM organization WHERE id = ?1"));
    stmt.Bind(1, organization_id);
    if (!TRY_VALUE(stmt.Step())) return NotFound("organization", organization_id);
    Organization org;
    org.id = stmt.Text(0);
    org.website = stmt.Text(1);
    org.email = stmt.Text(2);
    org.kiosk_role = stmt.Text(3);
    TextMap texts = TRY_VALUE(LoadTexts(db, "organization", org.id, lang));
    org.name = Field(texts, "name");
    org.description = Field(texts, "description");
    org.phones = TRY_VALUE(LoadPhones(db,
                                      "organization_id = ?3 AND service_id IS NULL AND location_id IS NULL AND "
                                      "service_at_location_id IS NULL",
                                      org.id, lang));
    Stmt locations = TRY_VALUE(db.Prepare("SELECT id FROM location WHERE organization_id = ?1 ORDER BY id"));
    locations.Bind(1, org.id);
    while (TRY_VALUE(locations.Step())) {
        org.locations.push_back(TRY_VALUE(LoadLocation(db, locations.Text(0), "", lang)));
    }
    return org;
}

Result<Organization> GetCentre(Db& db, const std::string& lang) {
    std::string centre_id;
    {
        Stmt stmt = TRY_VALUE(db.Prepare("SELECT id FROM organization WHERE kiosk_role = 'centre' ORDER BY id LIMIT 1"));
        if (!TRY_VALUE(stmt.Step())) return base::MakeError("not_found", "the content has no organization with kiosk_role 'centre'");
        centre_id = stmt.Text(0);
    }
    return GetOrganization(db, centre_id, lang);
}


Result<ServiceDetail> GetService(Db& db, const std::string& service_id, const std::string& lang) {
    ReadScope scope(db);
    Stmt stmt = TRY_VALUE(db.Prepare(
        "SELECT id, organization_id, status, url, email, minimum_age, maximum_age, kiosk_role, booking_form_id, is_free "
        "FROM service WHERE id = ?1"));
    stmt.Bind(1, service_id);
    if (!TRY_VALUE(stmt.Step())) return NotFound("service", service_id);
    ServiceDetail service;
    service.id = stmt.Text(0);
    std::string organization_id = stmt.Text(1);
    service.status = stmt.Text(2);
    service.url = stmt.Text(3);
    service.email = stmt.Text(4);
    if (!stmt.IsNull(5)) service.minimum_age = (int)stmt.Int(5);
    if (!stmt.IsNull(6)) service.maximum_age = (int)stmt.Int(6);
    service.kiosk_role = stmt.Text(7);
    service.booking_form_id = stmt.Text(8);
    if (!stmt.IsNull(9)) service.is_free = stmt.Int(9) != 0;

    TextMap texts = TRY_VALUE(LoadTexts(db, "service", service.id, lang));
    service.name = Field(texts, "name");
    service.alternate_name = Field(texts, "alternate_name");
    service.description = Field(texts, "description");
    service.application_process = Field(texts, "application_process");
    service.fees_description = Field(texts, "fees_description");
    service.eligibility = Field(texts, "eligibility_description");
    service.interpretation_services = Field(texts, "interpretation_services");
    service.alert = Field(texts, "alert");

    service.provider = TRY_VALUE(GetOrganization(db, organization_id, lang));

    Stmt sals = TRY_VALUE(db.Prepare(
        "SELECT sal.id, sal.location_id FROM service_at_location sal WHERE sal.service_id = ?1 ORDER BY sal.id"));
    sals.Bind(1, service.id);
    while (TRY_VALUE(sals.Step())) {
        service.locations.push_back(TRY_VALUE(LoadLocation(db, sals.Text(1), sals.Text(0), lang)));
    }
    service.opening_hours = TRY_VALUE(LoadOpeningRules(db, "service_id = ?3", service.id, lang));
    service.phones = TRY_VALUE(LoadPhones(db, "service_id = ?3", service.id, lang));

    Stmt languages = TRY_VALUE(db.Prepare(
        "SELECT coalesce(nullif(code, ''), name) AS tag FROM language WHERE service_id = ?1 AND tag IS NOT NULL "
        "GROUP BY tag ORDER BY min(rowid)"));
    languages.Bind(1, service.id);
    while (TRY_VALUE(languages.Step())) service.languages.push_back(languages.Text(0));

    Stmt categories = TRY_VALUE(db.Prepare(
        "SELECT DISTINCT tt.id, tt.sort_order FROM attribute a JOIN taxonomy_term tt ON tt.id = a.taxonomy_term_id "
        "WHERE a.link_id = ?1 AND a.link_entity = 'service' AND tt.is_category = 1 ORDER BY tt.sort_order, tt.id"));
    categories.Bind(1, service.id);
    while (TRY_VALUE(categories.Step())) service.category_ids.push_back(categories.Text(0));

    Stmt costs = TRY_VALUE(db.Prepare(
        "SELECT id, amount, currency, valid_from, valid_to, " + BestTextSql("cost_option", "c.id", "option") + ", " +
        BestTextSql("cost_option", "c.id", "amount_description") +
        " FROM cost_option c WHERE service_id = ?3 ORDER BY amount, id"));
    BindLang(costs, lang);
    costs.Bind(3, service.id);
    while (TRY_VALUE(costs.Step())) {
        CostOption cost;
        cost.id = costs.Text(0);
        if (!costs.IsNull(1)) cost.amount = costs.Real(1);
        cost.currency = costs.Text(2);
        cost.valid_from = costs.Text(3);
        cost.valid_to = costs.Text(4);
        cost.option = DecodeBestText(costs, 5, lang);
        cost.amount_description = DecodeBestText(costs, 6, lang);
        service.cost_options.push_back(std::move(cost));
    }
    return service;
}

Result<ServiceDetail> GetHotline(Db& db, const std::string& lang) {
    std::string hotline_id;
    {
        Stmt stmt = TRY_VALUE(db.Prepare("SELECT id FROM service WHERE kiosk_role = 'hotline' ORDER BY status <> 'active', id LIMIT 1"));
        if (!TRY_VALUE(stmt.Step())) return base::MakeError("not_found", "the content has no service with kiosk_role 'hotline'");
        hotline_id = stmt.Text(0);
    }
    return GetService(db, hotline_id, lang);
}

}  // namespace content
