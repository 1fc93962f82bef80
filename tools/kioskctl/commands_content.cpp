// tools/kioskctl/commands_content.cpp: the listing commands (categories, services, service,
// search, courses, stats). They go through the same read API the screens use, so what kioskctl
// prints is what the kiosk shows. With --json each prints an array of objects with at least
// `id` and `name` (the displayed name in --lang).
#include <iostream>
#include <set>

#include "content/queries.h"
#include "content/search.h"
#include "content/validate.h"
#include "tools/kioskctl/commands.h"

namespace kioskctl {

namespace {

using nlohmann::json;

json Text(const content::LocalText& text) { return text.text; }

// "(lv)" after a text shown in another language than asked for.
std::string Mark(const content::LocalText& text) { return text.fallback && !text.lang.empty() ? " (" + text.lang + ")" : ""; }

json ServiceSummaryJson(const content::ServiceSummary& s) {
    json out = {{"id", s.id},
                {"name", Text(s.name)},
                {"name_lang", s.name.lang},
                {"organization", Text(s.organization_name)},
                {"description", Text(s.description)},
                {"kiosk_role", s.kiosk_role}};
    out["is_free"] = s.is_free ? json(*s.is_free) : json();
    return out;
}

json PhonesJson(const std::vector<content::Phone>& phones, const std::string& lang) {
    json out = json::array();
    for (const content::Phone& p : phones) {
        out.push_back({{"id", p.id}, {"number", p.number}, {"extension", p.extension}, {"type", p.type},
                       {"description", Text(p.description)}});
    }
    return out;
}

}  // namespace

int CmdCategories(const Args& args) {
    auto db = OpenDb(args, DbMode::MustExist);
    if (!db.ok()) return Fail(db.error());
    const std::string lang = args.Option("--lang", "en");
    auto categories = content::ListCategories(*db, lang);
    if (!categories.ok()) return Fail(categories.error());
    if (args.Flag("--json")) {
        json out = json::array();
        for (const content::Category& c : *categories) {
            out.push_back({{"id", c.id}, {"name", Text(c.name)}, {"name_lang", c.name.lang}, {"description", Text(c.description)},
                           {"icon", c.icon}, {"service_count", c.service_count}});
        }
        PrintJson(out);
        return 0;
    }
    for (const content::Category& c : *categories) {
        std::cout << c.id << "  " << c.name.text << Mark(c.name) << "  (" << c.service_count << ")\n";
    }
    return 0;
}

int CmdServices(const Args& args) {
    auto db = OpenDb(args, DbMode::MustExist);
    if (!db.ok()) return Fail(db.error());
    const std::string lang = args.Option("--lang", "en");
    std::vector<std::string> category_ids;
    if (args.Has("--category")) {
        category_ids.push_back(args.Option("--category"));
    } else {
        auto categories = content::ListCategories(*db, lang);
        if (!categories.ok()) return Fail(categories.error());
        for (const content::Category& c : *categories) category_ids.push_back(c.id);
    }
    json out = json::array();
    std::set<std::string> seen;
    for (const std::string& category : category_ids) {
        auto services = content::ListServicesInCategory(*db, category, lang);
        if (!services.ok()) return Fail(services.error());
        for (const content::ServiceSummary& s : *services) {
            if (!seen.insert(s.id).second) continue;
            if (args.Flag("--json")) {
                json item = ServiceSummaryJson(s);
                item["category_id"] = category;
                out.push_back(item);
            } else {
                std::cout << s.id << "  " << s.name.text << Mark(s.name);
                if (!s.organization_name.empty()) std::cout << "  — " << s.organization_name.text;
                std::cout << "\n";
            }
        }
    }
    if (args.Flag("--json")) PrintJson(out);
    return 0;
}

int CmdService(const Args& args) {
    if (args.positional.size() != 1) return Fail(base::MakeError("usage", "service ID [--lang L] [--json]"), 2);
    auto db = OpenDb(args, DbMode::MustExist);
    if (!db.ok()) return Fail(db.error());
    const std::string lang = args.Option("--lang", "en");
    auto service = content::GetService(*db, args.positional[0], lang);
    if (!service.ok()) return Fail(service.error());
    const content::ServiceDetail& s = *service;
    json locations = json::array();
    for (const content::Location& l : s.locations) {
        json addresses = json::array();
        for (const content::Address& a : l.addresses) addresses.push_back(a.OneLine());
        locations.push_back({{"id", l.id}, {"name", Text(l.name)}, {"addresses", addresses},
                             {"transportation", Text(l.transportation)},
                             {"opening_hours", content::DescribeOpeningHours(l.opening_hours, lang)},
                             {"phones", PhonesJson(l.phones, lang)}});
    }
    json out = {{"id", s.id},
                {"name", Text(s.name)},
                {"name_lang", s.name.lang},
                {"alternate_name", Text(s.alternate_name)},
                {"description", Text(s.description)},
                {"application_process", Text(s.application_process)},
                {"fees_description", Text(s.fees_description)},
                {"eligibility", Text(s.eligibility)},
                {"interpretation_services", Text(s.interpretation_services)},
                {"alert", Text(s.alert)},
                {"url", s.url},
                {"email", s.email},
                {"kiosk_role", s.kiosk_role},
                {"booking_form_id", s.booking_form_id},
                {"organization", {{"id", s.provider.id}, {"name", Text(s.provider.name)}}},
                {"locations", locations},
                {"opening_hours", content::DescribeOpeningHours(s.opening_hours, lang)},
                {"phones", PhonesJson(s.phones, lang)},
                {"languages", s.languages},
                {"category_ids", s.category_ids}};
    out["is_free"] = s.is_free ? json(*s.is_free) : json();
    if (args.Flag("--json")) {
        PrintJson(out);
        return 0;
    }
    auto line = [](const char* label, const content::LocalText& text) {
        if (!text.empty()) std::cout << label << ": " << text.text << Mark(text) << "\n";
    };
    std::cout << s.name.text << Mark(s.name) << "\n";
    line("provider", s.provider.name);
    line("about", s.description);
    line("how to apply", s.application_process);
    line("cost", s.fees_description);
    line("who can use it", s.eligibility);
    line("interpretation", s.interpretation_services);
    line("note", s.alert);
    for (const content::Phone& p : s.phones) std::cout << "phone: " << p.number << "\n";
    for (const std::string& hours : content::DescribeOpeningHours(s.opening_hours, lang)) std::cout << "hours: " << hours << "\n";
    for (const content::Location& l : s.locations) {
        std::cout << "where: " << l.name.text;
        for (const content::Address& a : l.addresses) std::cout << ", " << a.OneLine();
        std::cout << "\n";
        for (const std::string& hours : content::DescribeOpeningHours(l.opening_hours, lang)) std::cout << "  open: " << hours << "\n";
    }
    if (!s.booking_form_id.empty()) std::cout << "can be booked at the kiosk (form " << s.booking_form_id << ")\n";
    return 0;
}

int CmdSearch(const Args& args) {
    if (args.positional.empty()) return Fail(base::MakeError("usage", "search QUERY [--lang L] [--json]"), 2);
    std::string query;
    for (const std::string& word : args.positional) query += (query.empty() ? "" : " ") + word;
    auto db = OpenDb(args, DbMode::MustExist);
    if (!db.ok()) return Fail(db.error());
    const std::string lang = args.Option("--lang", "en");
    content::SearchOptions options;
    if (args.Has("--limit")) options.limit = std::atoi(args.Option("--limit").c_str());
    auto hits = content::Search(*db, query, lang, options);
    if (!hits.ok()) return Fail(hits.error());
    if (args.Flag("--json")) {
        json out = json::array();
        for (const content::SearchHit& h : *hits) {
            out.push_back({{"id", h.record_id}, {"name", Text(h.name)}, {"kind", h.kind}, {"snippet", Text(h.snippet)},
                           {"score", h.score}});
        }
        PrintJson(out);
        return 0;
    }
    for (const content::SearchHit& h : *hits) std::cout << h.kind << "  " << h.record_id << "  " << h.name.text << Mark(h.name) << "\n";
    if (hits->empty()) std::cout << "no results for '" << query << "'\n";
    return 0;
}

int CmdCourses(const Args& args) {
    auto db = OpenDb(args, DbMode::MustExist);
    if (!db.ok()) return Fail(db.error());
    const std::string lang = args.Option("--lang", "en");
    auto from = LocalDayStartUtc(args.Option("--from", TodayLocal()));
    if (!from.ok()) return Fail(from.error(), 2);
    int64_t to = *from + 31 * 86400;
    if (args.Has("--to")) {
        auto to_day = LocalDayStartUtc(args.Option("--to"));
        if (!to_day.ok()) return Fail(to_day.error(), 2);
        to = *to_day + 86400;  // --to names the last day shown (a DST day is within the hour)
    }
    content::SessionFilter filter;
    if (args.Has("--kind")) filter.kinds.push_back(args.Option("--kind"));
    auto sessions = content::ListSessions(*db, *from, to, filter, lang);
    if (!sessions.ok()) return Fail(sessions.error());
    if (args.Flag("--json")) {
        json out = json::array();
        for (const content::SessionView& s : *sessions) {
            out.push_back({{"id", s.session_id},
                           {"name", Text(s.name)},
                           {"series_id", s.series_id},
                           {"service_id", s.service_id},
                           {"kind", s.kind},
                           {"level", s.level},
                           {"instruction_langs", s.instruction_langs},
                           {"local_start", s.local_start},
                           {"starts_at", s.starts_at},
                           {"ends_at", s.ends_at},
                           {"capacity", s.capacity},
                           {"seats_left", s.seats_left},
                           {"cancelled", s.cancelled},
                           {"location", Text(s.location_name)}});
        }
        PrintJson(out);
        return 0;
    }
    for (const content::SessionView& s : *sessions) {
        std::cout << s.local_start << "  " << s.name.text << Mark(s.name);
        if (!s.level.empty()) std::cout << " [" << s.level << "]";
        std::cout << "  " << (s.cancelled ? std::string("cancelled") : std::to_string(s.seats_left) + "/" + std::to_string(s.capacity) + " seats");
        if (!s.location_name.empty()) std::cout << "  @ " << s.location_name.text;
        std::cout << "\n";
    }
    if (sessions->empty()) std::cout << "no sessions in that period\n";
    return 0;
}

int CmdStats(const Args& args) {
    auto db = OpenDb(args, DbMode::MustExist);
    if (!db.ok()) return Fail(db.error());
    auto counts = content::CountContent(*db);
    if (!counts.ok()) return Fail(counts.error());
    auto info = content::GetContentInfo(*db);
    if (!info.ok()) return Fail(info.error());
    if (args.Flag("--json")) {
        json tables = json::array();
        for (const auto& [table, rows] : *counts) tables.push_back({{"id", table}, {"name", table}, {"rows", rows}});
        PrintJson({{"tables", tables}, {"languages", info->languages}, {"content_seq", info->content_seq},
                   {"updated_at", info->updated_at}, {"schema_version", db->UserVersion()}});
        return 0;
    }
    std::cout << "database " << db->path() << " (schema " << db->UserVersion() << ", content seq " << info->content_seq << ")\n";
    for (const auto& [table, rows] : *counts) std::cout << "  " << table << ": " << rows << "\n";
    std::cout << "  languages:";
    for (const std::string& l : info->languages) std::cout << " " << l;
    std::cout << "\n";
    return 0;
}

}  // namespace kioskctl
