// tests/sync/sync_support.h: fixtures shared by the sync tests: small content, digests of the
// content tables, temp folders and real child processes (kiosk-hub, kiosk-sync).
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <string>
#include <vector>

#include "content/db.h"

namespace synctest {

// A fresh empty folder under the build tree.
std::string TempDir(const std::string& name);

// Writes a small directory: one organization, `services` services with lv/en/ru texts, a
// location, a course booking form (name, phone) and a series with two sessions of `capacity`
// seats. Ids are stable: "org-1", "svc-<i>", "form-1", "series-1", "sess-1", "sess-2".
void WriteContent(content::Db& db, int services, int capacity = 2, int64_t now = 0);
// Edits `count` services' descriptions, deletes service svc-<services-1>, adds "svc-new".
void EditContent(content::Db& db, int services, int count, const std::string& tag);

// SHA-256 over every content table's rows in key order: equal digests, equal content.
std::string ContentDigest(content::Db& db);
std::string ContentDigest(const std::string& db_path);
int64_t CountRows(content::Db& db, const std::string& table);

// ---- processes ----
// stdin is /dev/null, or the file `in_file` when given.
pid_t Spawn(const std::vector<std::string>& argv, const std::string& out_file, const std::string& err_file,
            const std::string& in_file = "");
// Exit code, 128+signal when killed by one, -1 when it did not end in time (then it is killed).
int WaitFor(pid_t pid, int timeout_ms);
struct RunResult {
    int exit_code = -1;
    std::string out, err;
};
RunResult Run(const std::vector<std::string>& argv, int timeout_ms = 60000);
// Runs with `input` on stdin.
RunResult RunWithInput(const std::vector<std::string>& argv, const std::string& input, int timeout_ms = 60000);
std::string ReadFile(const std::string& path);

// A kiosk-hub serving `db` on 127.0.0.1 with a free port.
class HubProcess {
public:
    HubProcess() = default;
    ~HubProcess();
    // `config_file`: a hub configuration (JSON) given as --config before the command.
    void Start(const std::string& db, const std::vector<std::string>& extra = {}, const std::string& config_file = "");
    void Stop();
    void Kill();
    int port() const { return port_; }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
    pid_t pid() const { return pid_; }

private:
    pid_t pid_ = -1;
    int port_ = 0;
    std::string dir_;
};

// Runs kiosk-hub with `args` against `db`; fails the test when it fails.
RunResult Hub(const std::string& db, const std::vector<std::string>& args);
// Runs kiosk-hub with `args` against `db` and `input` on stdin; the caller checks the exit code.
RunResult HubWithInput(const std::string& db, const std::vector<std::string>& args, const std::string& input);
// "kiosk-hub enrol NAME": the token.
std::string Enrol(const std::string& db, const std::string& name);
// kiosk-sync --db DB --hub URL --token T ARGS...
RunResult KioskSync(const std::string& db, const std::string& url, const std::string& token,
                    const std::vector<std::string>& args, int timeout_ms = 60000);

}  // namespace synctest
