#include "content/db.h"

#include <utility>

#include "base/log.h"
#include "base/private_file.h"
#include "content/schema.h"

namespace content {

// ---- Stmt ---------------------------------------------------------------------------------

Stmt::Stmt(Stmt&& other) noexcept : stmt_(std::exchange(other.stmt_, nullptr)), db_(other.db_) {}

Stmt& Stmt::operator=(Stmt&& other) noexcept {
    if (this != &other) {
        if (stmt_) sqlite3_finalize(stmt_);
        stmt_ = std::exchange(other.stmt_, nullptr);
        db_ = other.db_;
    }
    return *this;
}

Stmt::~Stmt() {
    if (stmt_) sqlite3_finalize(stmt_);
}

Stmt& Stmt::Bind(int index, std::string_view text) {
    sqlite3_bind_text(stmt_, index, text.data(), (int)text.size(), SQLITE_TRANSIENT);
    return *this;
}
Stmt& Stmt::Bind(int index, int64_t value) {
    sqlite3_bind_int64(stmt_, index, value);
    return *this;
}
Stmt& Stmt::Bind(int index, double value) {
    sqlite3_bind_double(stmt_, index, value);
    return *this;
}
Stmt& Stmt::BindNull(int index) {
    sqlite3_bind_null(stmt_, index);
    return *this;
}
Stmt& Stmt::Bind(int index, const std::optional<std::string>& text) {
    return text ? Bind(index, std::string_view(*text)) : BindNull(index);
}
Stmt& Stmt::Bind(int index, const std::optional<int64_t>& value) {
    return value ? Bind(index, *value) : BindNull(index);
}

Result<bool> Stmt::Step() {
    int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    std::string sql = sqlite3_sql(stmt_) ? sqlite3_sql(stmt_) : "";
    if (sql.size() > 120) sql = sql.substr(0, 120) + "...";
    return base::MakeError(rc == SQLITE_CONSTRAINT ? "db_constraint" : "db_step_failed",
                           std::string(sqlite3_errmsg(db_)) + " (in: " + sql + ")");
}

Status Stmt::Run() {
    while (true) {
        auto row = Step();
        if (!row.ok()) return row.error();
        if (!*row) return base::Ok();
    }
}

void Stmt::Reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
}

bool Stmt::IsNull(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }
int64_t Stmt::Int(int col) const { return sqlite3_column_int64(stmt_, col); }
double Stmt::Real(int col) const { return sqlite3_column_double(stmt_, col); }
std::string Stmt::Text(int col) const {
    const unsigned char* text = sqlite3_column_text(stmt_, col);
    if (!text) return {};
    return std::string(reinterpret_cast<const char*>(text), (size_t)sqlite3_column_bytes(stmt_, col));
}
std::optional<std::string> Stmt::OptText(int col) const {
    if (IsNull(col)) return std::nullopt;
    return Text(col);
}
std::optional<int64_t> Stmt::OptInt(int col) const {
    if (IsNull(col)) return std::nullopt;
    return Int(col);
}
int Stmt::ColumnCount() const { return sqlite3_column_count(stmt_); }
std::string Stmt::ColumnName(int col) const {
    const char* name = sqlite3_column_name(stmt_, col);
    return name ? name : "";
}

// ---- Db -----------------------------------------------------------------------------------

Db::Db(Db&& other) noexcept
    : db_(std::exchange(other.db_, nullptr)), path_(std::move(other.path_)), query_cache_(std::move(other.query_cache_)) {}

Db& Db::operator=(Db&& other) noexcept {
    if (this != &other) {
        if (db_) sqlite3_close_v2(db_);
        db_ = std::exchange(other.db_, nullptr);
        path_ = std::move(other.path_);
        query_cache_ = std::move(other.query_cache_);
    }
    return *this;
}

Db::~Db() {
    if (db_) sqlite3_close_v2(db_);
}

base::Error Db::LastError(std::string code) const {
    return base::MakeError(std::move(code), db_ ? sqlite3_errmsg(db_) : "no database connection");
}

Result<Db> Db::OpenConnection(const std::string& path, OpenMode mode) {
    Db db;
    db.path_ = path;
    int flags = mode == OpenMode::ReadOnly ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    flags |= SQLITE_OPEN_NOMUTEX;
    // Kiosk and hub databases hold visitors' names and phone numbers: owner only (its WAL and
    // shm follow the database file's mode).
    if (mode == OpenMode::ReadWrite) TRY(base::SecureDatabaseFile(path));
    int rc = sqlite3_open_v2(path.c_str(), &db.db_, flags, nullptr);
    if (rc != SQLITE_OK) {
        std::string message = "cannot open database '" + path + "': " +
                              (db.db_ ? sqlite3_errmsg(db.db_) : sqlite3_errstr(rc));
        return base::MakeError("db_open_failed", message);
    }
    sqlite3_extended_result_codes(db.db_, 1);
    sqlite3_busy_timeout(db.db_, kBusyTimeoutMs);
    // A file that is not a database fails on the first read; find out now, with the path named.
    auto probe = db.QueryInt("SELECT count(*) FROM sqlite_master");
    if (!probe.ok()) {
        return base::MakeError("db_corrupt", "'" + path + "' is not a usable SQLite database: " + probe.error().message);
    }
    // Connection settings only: nothing here writes to the file.
    TRY(db.Exec("PRAGMA foreign_keys=ON; PRAGMA secure_delete=ON;"));
    // A 10 000-service directory is tens of MB; the default 2 MB page cache would re-read it
    // through read() on every list. No mmap: an I/O error would then be a SIGBUS, not an error.
    TRY(db.Exec("PRAGMA cache_size=-32768;"));
    return db;
}

Result<Db> Db::OpenRaw(const std::string& path, OpenMode mode) {
    Db db = TRY_VALUE(OpenConnection(path, mode));
    if (mode == OpenMode::ReadWrite) {
        TRY(db.Exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"));
    }
    return db;
}

Result<Db> Db::Open(const std::string& path, OpenMode mode) {
    OpenOptions options;
    options.mode = mode;
    return Open(path, options);
}

Result<Db> Db::Open(const std::string& path, const OpenOptions& options) {
    Db db = TRY_VALUE(OpenConnection(path, options.mode));
    // Every refusal is decided here, before the WAL switch below, which would rewrite the file
    // header: a file this program may not use or may not migrate stays byte for byte as it was.
    // Read-only never migrates, so nothing is held: an older file is a plain mismatch.
    SchemaOptions plan_options = options.schema;
    if (options.mode == OpenMode::ReadOnly) plan_options.policy = MigrationPolicy::ApplyAll;
    SchemaPlan plan = TRY_VALUE(PlanMigration(db, plan_options));
    if (plan.newer_file) {
        base::LogInfo("db_newer_schema_readable",
                      "path=" + path + " file_schema=" + std::to_string(plan.file_version) +
                          " readable_by=" + std::to_string(plan.readable_by) + " program_schema=" +
                          std::to_string(plan.program_version) +
                          " note=\"opened without migrating; the newer program rebuilds its derived data\"");
    }
    if (options.mode == OpenMode::ReadWrite) {
        TRY(db.Exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"));
        TRY(Migrate(db, options.schema));
    } else if (plan.file_version < plan.program_version) {
        return base::MakeError("db_schema_mismatch", "'" + path + "' has schema version " +
                                                         std::to_string(plan.file_version) + ", this program needs " +
                                                         std::to_string(plan.program_version));
    }
    return db;
}

Status Db::Exec(std::string_view sql) {
    std::string owned(sql);
    char* message = nullptr;
    int rc = sqlite3_exec(db_, owned.c_str(), nullptr, nullptr, &message);
    if (rc != SQLITE_OK) {
        std::string text = message ? message : sqlite3_errstr(rc);
        sqlite3_free(message);
        return base::MakeError("db_exec_failed", text);
    }
    return base::Ok();
}

Result<Stmt> Db::Prepare(std::string_view sql) {
    sqlite3_stmt* stmt = nullptr;
    int rc = sqlite3_prepare_v2(db_, sql.data(), (int)sql.size(), &stmt, nullptr);
    if (rc != SQLITE_OK) {
        return base::MakeError("db_prepare_failed", std::string(sqlite3_errmsg(db_)) + " (in: " + std::string(sql) + ")");
    }
    return Stmt(stmt, db_);
}

Result<int64_t> Db::QueryInt(std::string_view sql) {
    Stmt stmt = TRY_VALUE(Prepare(sql));
    bool has_row = TRY_VALUE(stmt.Step());
    if (!has_row) return base::MakeError("db_no_row", "query returned no row: " + std::string(sql));
    return stmt.Int(0);
}

int64_t Db::LastInsertRowId() const { return sqlite3_last_insert_rowid(db_); }
int Db::Changes() const { return sqlite3_changes(db_); }

int Db::UserVersion() {
    auto version = QueryInt("PRAGMA user_version");
    return version.ok() ? (int)*version : -1;
}

// ---- Transaction --------------------------------------------------------------------------

Result<Transaction> Transaction::Begin(Db& db) {
    TRY(db.Exec("BEGIN IMMEDIATE"));
    return Transaction(&db);
}

Transaction::Transaction(Transaction&& other) noexcept : db_(std::exchange(other.db_, nullptr)) {}

Transaction::~Transaction() {
    if (db_) {
        auto status = db_->Exec("ROLLBACK");
        if (!status.ok()) base::LogError("db_rollback_failed", status.error().message);
    }
}

Status Transaction::Commit() {
    if (!db_) return base::MakeError("db_no_transaction", "commit without an open transaction");
    Status status = db_->Exec("COMMIT");
    if (status.ok()) db_ = nullptr;
    return status;
}

}  // namespace content
