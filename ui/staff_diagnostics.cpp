// ui/staff_diagnostics.cpp: what staff need to know when the kiosk seems out of date: sync state
// (from the program's sync client, through UiConfig::staff), the content's sequence and "as of"
// date, firmware version, free disk, the kiosk's health as the hub last saw it, "sync now", and
// importing a signed bundle from a file (USB stick) through the program's callback.
#include <imgui.h>
#include <sys/statvfs.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

#include "base/json.h"
#include "base/log.h"
#include "content/store.h"
#include "ui/localize.h"
#include "ui/screens.h"
#include "ui/staff_session.h"
#include "ui/widgets.h"

namespace ui {
namespace {

// "60,3 GB" in Latvian, "60.3 GB" in English, "60,3 ГБ" in Russian and Ukrainian.
std::string Bytes(long long bytes, const std::string& lang) {
    const bool cyrillic = lang == "ru" || lang == "uk";
    char out[32];
    if (bytes >= 1000LL * 1000 * 1000) {
        std::snprintf(out, sizeof out, "%.1f %s", double(bytes) / 1e9, cyrillic ? "ГБ" : "GB");
    } else {
        std::snprintf(out, sizeof out, "%.0f %s", double(bytes) / 1e6, cyrillic ? "МБ" : "MB");
    }
    std::string text = out;
    if (lang != "en") std::replace(text.begin(), text.end(), '.', ',');
    return text;
}

// Free space for the database's folder, -1 when unknown (e.g. an in-memory database).
long long FreeDisk(const std::string& db_path) {
    if (db_path.empty() || db_path == ":memory:") return -1;
    std::string folder = db_path;
    size_t slash = folder.rfind('/');
    folder = slash == std::string::npos ? "." : slash == 0 ? "/" : folder.substr(0, slash);
    struct statvfs st {};
    if (statvfs(folder.c_str(), &st) != 0) return -1;
    return (long long)st.f_bavail * (long long)st.f_frsize;
}

// One "label  value" line; also appended to the read-aloud text, in the same words.
void Row(VisitorUi::Impl& ui, const std::string& label, const std::string& value, float width, std::string* read) {
    *read += (label.empty() ? value : label + ": " + value) + ".\n";
    const float label_w = std::floor(width * 0.38f);
    ImVec2 pos = ImGui::GetCursorScreenPos();
    text::Style ls = MakeStyle(ui, ui.m.body_px, false, ui.theme.text_muted);
    text::Style vs = MakeStyle(ui, ui.m.body_px, true, ui.theme.text);
    ImVec2 lsz = text::Measure(label, ls, label_w - ui.m.pad);
    ImVec2 vsz = text::Measure(value, vs, width - label_w);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    text::DrawText(draw, pos, label, ls, label_w - ui.m.pad);
    text::DrawText(draw, ImVec2(pos.x + label_w, pos.y), value, vs, width - label_w);
    ImGui::Dummy(ImVec2(width, std::max(lsz.y, vsz.y) + ui.m.pad * 0.4f));
}

std::string When(VisitorUi::Impl& ui, long long utc) {
    return utc > 0 ? FormatDateTimeUtc(utc, ui.lang()) : ui.T("staff.diag.never");
}

// The hub's view of this kiosk (meta `hub_seen_health`, JSON written by the sync client, see
// sync/client.h) as label/value rows in the staff member's words: times as dates, the known
// keys under the labels the rest of the screen uses; an unknown key is shown as it is rather
// than hidden. Empty (and *reported false) when the hub's view never arrived.
std::vector<std::pair<std::string, std::string>> HubSeenHealth(VisitorUi::Impl& ui, bool* reported) {
    std::vector<std::pair<std::string, std::string>> lines;
    *reported = false;
    auto meta = content::GetMeta(ui.db, "hub_seen_health");
    if (!meta.ok() || meta->empty()) return lines;
    *reported = true;
    nlohmann::json health = base::ParseJsonOrDiscarded(*meta);
    if (!health.is_object()) {
        lines.emplace_back("", *meta);  // not JSON: show it as it is rather than nothing
        return lines;
    }
    struct Known {
        const char* key;
        const char* label;
        bool time;
    };
    static const Known kKnown[] = {{"last_seen_at", "staff.diag.hub_last_seen", true},
                                   {"content_seq", "staff.diag.sequence", false},
                                   {"outbox_depth", "staff.diag.outbox", false},
                                   {"firmware", "staff.diag.firmware", false},
                                   {"received_at", "staff.diag.hub_reported", true}};
    auto shown = [&](const nlohmann::json& value, bool time) {
        if (value.is_null() || (value.is_string() && value.get<std::string>().empty())) return ui.T("staff.diag.unknown");
        if (time && value.is_number_integer()) return When(ui, value.get<long long>());
        return value.is_string() ? value.get<std::string>() : value.dump();
    };
    for (const Known& k : kKnown) {
        if (health.contains(k.key)) lines.emplace_back(ui.T(k.label), shown(health[k.key], k.time));
    }
    for (const auto& [key, value] : health.items()) {
        bool known = false;
        for (const Known& k : kKnown) known = known || key == k.key;
        if (!known) lines.emplace_back(key, shown(value, false));
    }
    return lines;
}

// A failed import in the staff member's words: the program's hook gives "code: message"; a
// known bundle_* code becomes a sentence saying what to do, with the technical reason after it
// in parentheses (for whoever staff call); anything else is shown as it is.
std::string ImportFailure(VisitorUi::Impl& ui, const std::string& error) {
    struct Group {
        const char* key;
        std::vector<const char*> codes;
    };
    static const Group kGroups[] = {
        {"staff.diag.bundle_damaged",
         {"bundle_bad_chunk", "bundle_truncated", "bundle_bad_format", "bundle_bad_manifest", "bundle_too_large"}},
        {"staff.diag.bundle_unreadable", {"bundle_unreadable", "bundle_not_a_file"}},
        {"staff.diag.bundle_not_ours", {"bundle_bad_signature", "bundle_wrong_scope"}},
        {"staff.diag.bundle_old", {"bundle_stale", "bundle_not_newer", "bundle_counter"}},
        {"staff.diag.bundle_expired", {"bundle_expired"}},
        {"staff.diag.bundle_mismatch",
         {"bundle_schema_mismatch", "bundle_gap", "bundle_since_ahead", "bundle_since_too_old"}},
        {"staff.diag.bundle_no_key", {"bundle_no_key"}},
    };
    const size_t colon = error.find(": ");
    const std::string code = colon == std::string::npos ? error : error.substr(0, colon);
    for (const Group& g : kGroups) {
        for (const char* c : g.codes) {
            if (code == c) return ui.T(g.key) + " (" + error + ")";
        }
    }
    return error;
}

}  // namespace

void DrawStaffDiagnostics(VisitorUi::Impl& ui, StaffSession& staff) {
    const StaffHooks& hooks = ui.config.staff;
    ContentArea area = BeginContent(ui);
    const bool typing = staff.bundle_focused && static_cast<bool>(hooks.import_bundle);
    const float right_w = typing ? std::floor(area.size.x * 0.42f) : 0.0f;
    const float left_w = area.size.x - right_w;
    BeginScrollArea(ui, "staff_diagnostics", ImVec2(left_w, area.size.y), /*remember=*/false);
    Heading(ui, ui.T("staff.home.diagnostics"), ui.m.title_px);
    StaffNotice(ui, staff.diagnostics_notice, staff.diagnostics_notice_error);
    const float width = ImGui::GetContentRegionAvail().x;
    std::string read = staff.diagnostics_notice.empty() ? std::string() : staff.diagnostics_notice + "\n";

    // Sync.
    SectionTitle(ui, ui.T("staff.diag.sync"), Icon::Online);
    if (hooks.sync_state) {
        StaffSyncState state = hooks.sync_state();
        Row(ui, ui.T("staff.diag.last_success"), When(ui, state.last_success_utc), width, &read);
        Row(ui, ui.T("staff.diag.last_error"), state.last_error.empty() ? ui.T("staff.diag.none") : state.last_error, width,
            &read);
        Row(ui, ui.T("staff.diag.next_attempt"),
            state.syncing ? ui.T("staff.diag.syncing") : When(ui, state.next_attempt_utc), width, &read);
        Row(ui, ui.T("staff.diag.outbox"), std::to_string(state.outbox_depth), width, &read);
        if (hooks.sync_now) {
            ButtonOptions o;
            o.icon = Icon::Online;
            if (Button(ui, "sync_now", ui.T("staff.diag.sync_now"), ImVec2(0, 0), o)) {
                hooks.sync_now();
                base::LogInfo("staff_sync_now");
                staff.diagnostics_notice = ui.T("staff.diag.sync_requested");
                staff.diagnostics_notice_error = false;
            }
        }
    } else {
        Para(ui, ui.T("staff.diag.sync_off"), ui.m.body_px);
        read += ui.T("staff.diag.sync_off") + "\n";
    }

    // Content and the device.
    SectionTitle(ui, ui.T("staff.diag.device_section"), Icon::About);
    const auto& info = ui.cache.Info();
    Row(ui, ui.T("staff.diag.device"), StaffDevice(ui), width, &read);
    Row(ui, ui.T("staff.diag.firmware"), hooks.firmware_version.empty() ? ui.T("staff.diag.unknown") : hooks.firmware_version,
        width, &read);
    Row(ui, ui.T("staff.diag.sequence"), info.ok() ? std::to_string(info->content_seq) : ui.T("staff.diag.unknown"), width,
        &read);
    Row(ui, ui.T("staff.diag.as_of"), info.ok() && info->updated_at > 0 ? FormatDateTimeUtc(info->updated_at, ui.lang())
                                                                          : ui.T("staff.diag.unknown"),
        width, &read);
    long long free_bytes = FreeDisk(ui.db.path());
    Row(ui, ui.T("staff.diag.disk"), free_bytes >= 0 ? Bytes(free_bytes, ui.lang()) : ui.T("staff.diag.unknown"), width, &read);

    // The hub's view.
    SectionTitle(ui, ui.T("staff.diag.health"), Icon::List);
    bool reported = false;
    auto health = HubSeenHealth(ui, &reported);
    if (!reported) {
        Para(ui, ui.T("staff.diag.not_reported"), ui.m.body_px);
        read += ui.T("staff.diag.not_reported") + "\n";
    } else {
        for (const auto& [key, value] : health) Row(ui, key, value, width, &read);
    }

    // A bundle from a file.
    SectionTitle(ui, ui.T("staff.diag.import"), Icon::Booking);
    if (!hooks.import_bundle) {
        Para(ui, ui.T("staff.diag.import_off"), ui.m.body_px);
        read += ui.T("staff.diag.import_off") + "\n";
    } else {
        const std::string name = ui.T("staff.diag.bundle_path");
        Para(ui, name, ui.m.body_px, false, true);
        if (FieldBox(ui, "bundle_path", staff.bundle_path, "/media/usb/kiosk.bundle", width, staff.bundle_focused, false, 1,
                     name)) {
            staff.bundle_focused = true;
            ui.visit.keyboard_layout = "en";  // paths are Latin letters
        }
        Gap(ui, 0.5f);
        ButtonOptions o;
        o.kind = ButtonKind::Primary;
        o.icon = Icon::Check;
        const bool import_pressed = Button(ui, "import", ui.T("staff.diag.import"), ImVec2(0, 0), o);
        if (import_pressed && staff.bundle_path.empty()) {
            staff.diagnostics_notice = ui.T("staff.diag.path_needed");
            staff.diagnostics_notice_error = true;
            staff.bundle_focused = true;
            ui.visit.keyboard_layout = "en";
            ImGui::SetScrollY(0);
        } else if (import_pressed) {
            StaffImportResult result = hooks.import_bundle(staff.bundle_path);
            base::LogInfo("staff_bundle_import", std::string("ok=") + (result.ok ? "1" : "0") + " path=" + staff.bundle_path);
            staff.diagnostics_notice =
                result.ok ? Format(ui.T("staff.diag.import_ok"), {{"from", std::to_string(result.from_seq)},
                                                                  {"to", std::to_string(result.to_seq)},
                                                                  {"n", std::to_string(result.changes)}})
                          : Format(ui.T("staff.diag.import_failed"), {{"error", ImportFailure(ui, result.error)}});
            staff.diagnostics_notice_error = !result.ok;
            if (result.ok) {
                ui.cache.Invalidate();
                staff.DropCaches();
                staff.bundle_focused = false;
            }
            ImGui::SetScrollY(0);  // the outcome is at the top
        }
    }
    Gap(ui, 2);
    EndScrollArea(ui, /*remember=*/false);

    if (typing) {
        ImGui::SetCursorScreenPos(ImVec2(area.min.x + left_w, area.min.y));
        BeginScrollArea(ui, "staff_diagnostics_keyboard", ImVec2(right_w, area.size.y), /*remember=*/false);
        const float kw = ImGui::GetContentRegionAvail().x;
        Para(ui, ui.T("staff.diag.bundle_path"), ui.m.large_px, false, true);
        FieldBox(ui, "bundle_path_copy", staff.bundle_path, "", kw, true, false, 3);
        Gap(ui, 0.5f);
        StaffKeyboard(ui, staff.bundle_path, kw, false, 1024);
        EndScrollArea(ui, /*remember=*/false);
    }
    ui.SetReadAloud(ui.T("staff.home.diagnostics"), read);
}

}  // namespace ui
