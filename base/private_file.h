// base/private_file.h: files that hold visitors' names and phone numbers, staff data or secrets
// are readable by their owner only, whatever the process's umask.
//
// A new file is created 0600. An existing one that other users can read (an older version made
// them 0644) loses every bit but the owner's. SQLite creates a
// database's -wal, -shm and -journal files with the database file's own mode, so securing the
// database file before SQLite opens it secures them too; leftovers from an older version are
// fixed here as well.
#pragma once

#include <string>
#include <string_view>

#include "base/result.h"

namespace base {

// For a database about to be opened read-write: creates it 0600 if absent, strips other users'
// and the group's bits from it and its -wal/-shm/-journal if present. Errors: file_mode_failed.
Status SecureDatabaseFile(const std::string& path);

// Writes `data` to `path` atomically (a temporary file beside it, fsync, rename), mode 0600.
// Errors: io_error.
Status WritePrivateFile(const std::string& path, std::string_view data);

}  // namespace base
