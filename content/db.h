// content/db.h: a thin, RAII wrapper over one SQLite connection.
//
// Design note
// - One Db owns one sqlite3 connection; it is used by one thread at a time (the UI thread and
//   the sync thread each open their own). Opening applies the connection policy every caller
//   relies on: WAL journal, foreign keys on, a busy timeout, secure_delete (deleted personal
//   data is overwritten, not left in free pages), and runs the schema migrations.
// - The data partition is shared by both firmware slots (A/B update with fallback), so Open also
//   decides whether this program may use a database written by a NEWER program, and whether it
//   may migrate one that an OLDER firmware still needs. The rules are in content/schema.h.
// - Errors come back as base::Result with code "db_*" and SQLite's message; nothing throws.
// - Transaction is RAII: it rolls back unless Commit() succeeded, so an early TRY() return
//   can never leave half a change behind.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"

namespace content {

using base::Result;
using base::Status;

class Stmt {
public:
    Stmt() = default;
    explicit Stmt(sqlite3_stmt* stmt, sqlite3* db) : stmt_(stmt), db_(db) {}
    Stmt(Stmt&& other) noexcept;
    Stmt& operator=(Stmt&& other) noexcept;
    Stmt(const Stmt&) = delete;
    Stmt& operator=(const Stmt&) = delete;
    ~Stmt();

    // Binding is 1-based like SQLite. Text is bound as a copy.
    Stmt& Bind(int index, std::string_view text);
    Stmt& Bind(int index, const char* text) { return Bind(index, std::string_view(text)); }
    Stmt& Bind(int index, const std::string& text) { return Bind(index, std::string_view(text)); }
    Stmt& Bind(int index, int64_t value);
    Stmt& Bind(int index, int value) { return Bind(index, (int64_t)value); }
    Stmt& Bind(int index, double value);
    Stmt& BindNull(int index);
    Stmt& Bind(int index, const std::optional<std::string>& text);
    Stmt& Bind(int index, const std::optional<int64_t>& value);

    // Step: true while a row is available, false when done, an error otherwise.
    Result<bool> Step();
    // Runs to completion (for statements without rows).
    Status Run();
    void Reset();

    bool IsNull(int col) const;
    int64_t Int(int col) const;
    double Real(int col) const;
    std::string Text(int col) const;
    std::optional<std::string> OptText(int col) const;
    std::optional<int64_t> OptInt(int col) const;
    int ColumnCount() const;
    std::string ColumnName(int col) const;

    sqlite3_stmt* raw() const { return stmt_; }

private:
    sqlite3_stmt* stmt_ = nullptr;
    sqlite3* db_ = nullptr;
};

// How long a statement waits for another connection's lock before SQLITE_BUSY.
inline constexpr int kBusyTimeoutMs = 5000;

enum class OpenMode { ReadWrite, ReadOnly };

struct SchemaStep;  // content/schema.h

// Whether Open may apply schema steps that lock the previous firmware out (content/schema.h).
enum class MigrationPolicy {
    ApplyAll,          // the slot is marked good (or there is no A/B slot): every missing step runs
    HoldIncompatible,  // a trial boot: such steps are held, Open fails with "db_migration_held"
};

// How Open treats the schema. Zero-initialised means the real program with the real steps.
struct SchemaOptions {
    MigrationPolicy policy = MigrationPolicy::ApplyAll;
    // Test-only: play another firmware. `steps` replaces the real step list (SchemaSteps()), and
    // `program_schema_version` is the newest step this program knows (0: the last of `steps`).
    // The kiosk never sets either.
    const std::vector<SchemaStep>* steps = nullptr;
    int program_schema_version = 0;
};

struct OpenOptions {
    OpenMode mode = OpenMode::ReadWrite;
    SchemaOptions schema;
};

class Db {
public:
    // Opens (creating when ReadWrite) and migrates the database at `path` to the current schema.
    // A database newer than this program opens, unmigrated, when its meta 'schema_readable_by'
    // says this program can use it; otherwise "db_schema_too_new", and the file is untouched.
    // Errors of the schema rules: db_schema_too_new, db_schema_mismatch (read-only, older file),
    // db_schema_meta_invalid (a meta value that is not a number), db_migration_held (trial boot).
    static Result<Db> Open(const std::string& path, OpenMode mode = OpenMode::ReadWrite);
    static Result<Db> Open(const std::string& path, const OpenOptions& options);
    // Opens without migrating (used by the migration tests and by tools that inspect old files).
    static Result<Db> OpenRaw(const std::string& path, OpenMode mode = OpenMode::ReadWrite);

    Db() = default;
    Db(Db&& other) noexcept;
    Db& operator=(Db&& other) noexcept;
    Db(const Db&) = delete;
    Db& operator=(const Db&) = delete;
    ~Db();

    Status Exec(std::string_view sql);
    Result<Stmt> Prepare(std::string_view sql);
    // Convenience: the first column of the first row as an integer (error when there is no row).
    Result<int64_t> QueryInt(std::string_view sql);

    int64_t LastInsertRowId() const;
    int Changes() const;
    int UserVersion();
    const std::string& path() const { return path_; }
    sqlite3* raw() const { return db_; }

    base::Error LastError(std::string code) const;

    // An opaque per-connection cache owned by the read API (content/queries_*.cpp), so lists
    // it already built are not rebuilt while the content is unchanged. Dropped with the
    // connection; nothing else should touch it.
    std::shared_ptr<void>& query_cache() { return query_cache_; }

private:
    // Opens and applies the per-connection settings; changes nothing in the file.
    static Result<Db> OpenConnection(const std::string& path, OpenMode mode);

    sqlite3* db_ = nullptr;
    std::string path_;
    std::shared_ptr<void> query_cache_;
};

// RAII write transaction (BEGIN IMMEDIATE): rolls back on destruction unless committed.
class Transaction {
public:
    static Result<Transaction> Begin(Db& db);
    Transaction(Transaction&& other) noexcept;
    Transaction& operator=(Transaction&&) = delete;
    Transaction(const Transaction&) = delete;
    ~Transaction();
    Status Commit();

private:
    explicit Transaction(Db* db) : db_(db) {}
    Db* db_ = nullptr;
};

}  // namespace content
