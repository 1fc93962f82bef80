#include "sync_support.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch_test_macros.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "content/schema.h"
#include "content/store.h"
#include "sync/crypto.h"

namespace synctest {

namespace fs = std::filesystem;
using nlohmann::json;

std::string TempDir(const std::string& name) {
    fs::create_directories(KIOSK_TEST_TMP_DIR);
    std::string pattern = std::string(KIOSK_TEST_TMP_DIR) + "/" + name + "-" + std::string(6, 'X');  // mkdtemp template
    std::vector<char> buffer(pattern.begin(), pattern.end());
    buffer.push_back('\0');
    char* made = mkdtemp(buffer.data());
    REQUIRE(made != nullptr);
    return made;
}

namespace {

void Check(const base::Status& status) {
    if (!status.ok()) FAIL(status.error().ToString());
}

void Texts(content::ContentWriter& w, const std::string& table, const std::string& id, const std::string& field,
           const std::string& base) {
    Check(w.SetText(table, id, field, "lv", base + " (lv)", true, 1));
    Check(w.SetText(table, id, field, "en", base + " (en)", false, 1));
    Check(w.SetText(table, id, field, "ru", base + " (ru)", false, 1));
}

}  // namespace

void WriteContent(content::Db& db, int services, int capacity, int64_t now) {
    if (now == 0) now = (int64_t)std::time(nullptr);
    auto tx = content::Transaction::Begin(db);
    REQUIRE(tx.ok());
    content::ContentWriter w(db);
    Check(w.Upsert("taxonomy", {{"id", "tax-1"}}));
    Check(w.Upsert("taxonomy_term", {{"id", "term-1"}, {"taxonomy_id", "tax-1"}, {"is_category", 1}, {"sort_order", 1}}));
    Texts(w, "taxonomy_term", "term-1", "name", "Legal help");
    Check(w.Upsert("organization", {{"id", "org-1"}, {"kiosk_role", "centre"}, {"website", "https://example.lv"}}));
    Texts(w, "organization", "org-1", "name", "Integration centre");
    Check(w.Upsert("location", {{"id", "loc-1"}, {"organization_id", "org-1"}, {"latitude", 56.95}, {"longitude", 24.1}}));
    Texts(w, "location", "loc-1", "name", "Main office");
    Check(w.Upsert("address", {{"id", "addr-1"}, {"location_id", "loc-1"}, {"address_1", "Elizabetes iela 65"}, {"city", "Rīga"}}));
    Check(w.Upsert("booking_form", {{"id", "form-1"}, {"kind", "course"}}));
    Texts(w, "booking_form", "form-1", "title", "Course sign-up");
    Check(w.Upsert("booking_form_field", {{"id", "field-name"}, {"form_id", "form-1"}, {"position", 1}, {"key", "name"},
                                          {"type", "text"}, {"required", 1}, {"min_length", 2}}));
    Check(w.Upsert("booking_form_field", {{"id", "field-phone"}, {"form_id", "form-1"}, {"position", 2}, {"key", "phone"},
                                          {"type", "phone"}, {"required", 1}}));
    for (int i = 0; i < services; ++i) {
        std::string id = "svc-" + std::to_string(i);
        Check(w.Upsert("service", {{"id", id}, {"organization_id", "org-1"}, {"is_free", 1}, {"version", 1}, {"updated_at", now}}));
        Texts(w, "service", id, "name", "Service " + std::to_string(i));
        Texts(w, "service", id, "description", "What service " + std::to_string(i) + " does");
        Check(w.Upsert("attribute", {{"id", "attr-" + std::to_string(i)}, {"link_id", id}, {"link_entity", "service"},
                                     {"taxonomy_term_id", "term-1"}}));
    }
    Check(w.Upsert("course_series", {{"id", "series-1"}, {"service_id", "svc-0"}, {"location_id", "loc-1"},
                                     {"kind", "language_course"}, {"capacity", capacity}, {"booking_form_id", "form-1"},
                                     {"dtstart", "2030-01-01T18:00:00"}, {"duration_minutes", 90}}));
    Texts(w, "course_series", "series-1", "name", "Latvian A1");
    for (int s = 1; s <= 2; ++s) {
        int64_t start = now + 86400 * 7 * s;
        Check(w.Upsert("course_session", {{"id", "sess-" + std::to_string(s)}, {"series_id", "series-1"}, {"starts_at", start},
                                          {"ends_at", start + 5400}, {"local_start", "2030-01-0" + std::to_string(s) + "T18:00"},
                                          {"capacity", capacity}, {"seats_taken", 0}}));
    }
    Check(w.Finish());
    Check(tx->Commit());
}

void EditContent(content::Db& db, int services, int count, const std::string& tag) {
    auto tx = content::Transaction::Begin(db);
    REQUIRE(tx.ok());
    content::ContentWriter w(db);
    for (int i = 0; i < count && i < services - 1; ++i) {
        std::string id = "svc-" + std::to_string(i);
        Check(w.Upsert("service", {{"id", id}, {"version", 2}, {"updated_at", 2}}));
        Check(w.SetText("service", id, "description", "en", "Edited " + tag + " " + std::to_string(i), false, 2));
    }
    Check(w.Delete("service", "svc-" + std::to_string(services - 1)));
    Check(w.Upsert("service", {{"id", "svc-new-" + tag}, {"organization_id", "org-1"}}));
    Texts(w, "service", "svc-new-" + tag, "name", "New service " + tag);
    Check(w.Finish());
    Check(tx->Commit());
}

std::string ContentDigest(content::Db& db) {
    std::string all;
    for (const std::string& table : content::ContentTables()) {
        std::string order = table == "translation" ? "tbl, record_id, field, lang" : "id";
        auto stmt = db.Prepare("SELECT * FROM \"" + table + "\" ORDER BY " + order);
        REQUIRE(stmt.ok());
        all += "#" + table + "\n";
        while (true) {
            auto row = stmt->Step();
            REQUIRE(row.ok());
            if (!*row) break;
            for (int c = 0; c < stmt->ColumnCount(); ++c) {
                all += stmt->IsNull(c) ? std::string("\\N") : stmt->Text(c);
                all += '\x1f';
            }
            all += '\n';
        }
    }
    return ksync::Sha256Hex(all);
}

std::string ContentDigest(const std::string& db_path) {
    auto db = content::Db::Open(db_path);
    REQUIRE(db.ok());
    return ContentDigest(*db);
}

int64_t CountRows(content::Db& db, const std::string& table) {
    auto count = db.QueryInt("SELECT count(*) FROM \"" + table + "\"");
    REQUIRE(count.ok());
    return *count;
}

// ---- processes ----------------------------------------------------------------------------

pid_t Spawn(const std::vector<std::string>& argv, const std::string& out_file, const std::string& err_file,
            const std::string& in_file) {
    pid_t pid = fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        int out = open(out_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        int err = open(err_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (out >= 0) dup2(out, 1);
        if (err >= 0) dup2(err, 2);
        int null = open(in_file.empty() ? "/dev/null" : in_file.c_str(), O_RDONLY);
        if (null >= 0) dup2(null, 0);
        std::vector<char*> args;
        for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
        args.push_back(nullptr);
        execv(args[0], args.data());
        _exit(127);
    }
    return pid;
}

int WaitFor(pid_t pid, int timeout_ms) {
    auto end = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
    while (true) {
        int status = 0;
        pid_t done = waitpid(pid, &status, WNOHANG);
        if (done == pid) {
            if (WIFEXITED(status)) return WEXITSTATUS(status);
            if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
            return -2;
        }
        if (std::chrono::steady_clock::now() > end) {
            kill(pid, SIGKILL);
            waitpid(pid, &status, 0);
            return -1;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
}

std::string ReadFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

RunResult Run(const std::vector<std::string>& argv, int timeout_ms) { return RunWithInput(argv, "", timeout_ms); }

RunResult RunWithInput(const std::vector<std::string>& argv, const std::string& input, int timeout_ms) {
    static int counter = 0;
    std::string dir = std::string(KIOSK_TEST_TMP_DIR);
    fs::create_directories(dir);
    std::string base = dir + "/run-" + std::to_string(getpid()) + "-" + std::to_string(counter++);
    std::string in_file;
    if (!input.empty()) {
        in_file = base + ".in";
        std::ofstream(in_file, std::ios::binary) << input;
    }
    pid_t pid = Spawn(argv, base + ".out", base + ".err", in_file);
    RunResult result;
    result.exit_code = WaitFor(pid, timeout_ms);
    result.out = ReadFile(base + ".out");
    result.err = ReadFile(base + ".err");
    fs::remove(base + ".out");
    fs::remove(base + ".err");
    if (!in_file.empty()) fs::remove(in_file);
    return result;
}

RunResult Hub(const std::string& db, const std::vector<std::string>& args) {
    std::vector<std::string> argv = {KIOSK_HUB_BIN, "--db", db};
    argv.insert(argv.end(), args.begin(), args.end());
    RunResult result = Run(argv);
    INFO("kiosk-hub " << args[0] << ": " << result.err);
    REQUIRE(result.exit_code == 0);
    return result;
}

RunResult HubWithInput(const std::string& db, const std::vector<std::string>& args, const std::string& input) {
    std::vector<std::string> argv = {KIOSK_HUB_BIN, "--db", db};
    argv.insert(argv.end(), args.begin(), args.end());
    return RunWithInput(argv, input);
}

std::string Enrol(const std::string& db, const std::string& name) {
    RunResult result = Hub(db, {"enrol", name});
    std::string token = result.out;
    while (!token.empty() && token.back() == '\n') token.pop_back();
    REQUIRE(token.rfind("kt_", 0) == 0);
    return token;
}

RunResult KioskSync(const std::string& db, const std::string& url, const std::string& token,
                    const std::vector<std::string>& args, int timeout_ms) {
    std::vector<std::string> argv = {KIOSK_SYNC_BIN, "--db", db, "--hub", url, "--token", token};
    argv.insert(argv.end(), args.begin(), args.end());
    return Run(argv, timeout_ms);
}

HubProcess::~HubProcess() { Stop(); }

void HubProcess::Start(const std::string& db, const std::vector<std::string>& extra, const std::string& config_file) {
    dir_ = TempDir("hubproc");
    std::string port_file = dir_ + "/port";
    std::vector<std::string> argv = {KIOSK_HUB_BIN};
    if (!config_file.empty()) argv.insert(argv.end(), {"--config", config_file});
    argv.insert(argv.end(), {"--db", db, "serve", "--listen", "127.0.0.1", "--port", "0", "--port-file", port_file});
    argv.insert(argv.end(), extra.begin(), extra.end());
    pid_ = Spawn(argv, dir_ + "/out", dir_ + "/err");
    auto end = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (std::chrono::steady_clock::now() < end) {
        std::string text = ReadFile(port_file);
        if (!text.empty()) {
            port_ = std::atoi(text.c_str());
            return;
        }
        int status = 0;
        if (waitpid(pid_, &status, WNOHANG) == pid_) {
            pid_ = -1;
            FAIL("kiosk-hub exited at start: " << ReadFile(dir_ + "/err"));
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    FAIL("kiosk-hub did not start listening");
}

void HubProcess::Stop() {
    if (pid_ <= 0) return;
    kill(pid_, SIGTERM);
    WaitFor(pid_, 10000);
    pid_ = -1;
}

void HubProcess::Kill() {
    if (pid_ <= 0) return;
    kill(pid_, SIGKILL);
    WaitFor(pid_, 10000);
    pid_ = -1;
}

}  // namespace synctest
