#include "base/private_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace base {
namespace {

std::string Reason() { return std::strerror(errno); }

// Strips every bit of users other than the owner; absent files are fine.
Status StripOtherUsers(const std::string& path) {
    struct stat st;
    if (::stat(path.c_str(), &st) != 0) {
        if (errno == ENOENT) return Ok();
        return MakeError("file_mode_failed", "cannot stat '" + path + "': " + Reason());
    }
    if (!S_ISREG(st.st_mode)) return MakeError("file_mode_failed", "'" + path + "' is not a regular file");
    mode_t wanted = st.st_mode & 07700;
    if ((st.st_mode & 07777) == wanted) return Ok();
    if (::chmod(path.c_str(), wanted) != 0) {
        return MakeError("file_mode_failed", "cannot restrict '" + path + "' to its owner: " + Reason());
    }
    return Ok();
}

}  // namespace

Status SecureDatabaseFile(const std::string& path) {
    if (path.empty() || path == ":memory:") return Ok();
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd >= 0) {
        // The umask may have taken bits away, never added any; fchmod makes it exactly 0600.
        int rc = ::fchmod(fd, 0600);
        ::close(fd);
        if (rc != 0) return MakeError("file_mode_failed", "cannot make '" + path + "' private: " + Reason());
        return Ok();
    }
    if (errno != EEXIST) return MakeError("file_mode_failed", "cannot create '" + path + "': " + Reason());
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) TRY(StripOtherUsers(path + suffix));
    return Ok();
}

Status WritePrivateFile(const std::string& path, std::string_view data) {
    std::string temp = path + ".tmp." + std::to_string(::getpid());
    int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0) return MakeError("io_error", "cannot create '" + temp + "': " + Reason());
    bool ok = ::fchmod(fd, 0600) == 0;
    size_t written = 0;
    while (ok && written < data.size()) {
        ssize_t n = ::write(fd, data.data() + written, data.size() - written);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) ok = false;
        else written += (size_t)n;
    }
    ok = ok && ::fsync(fd) == 0;
    std::string reason = ok ? "" : Reason();
    ::close(fd);
    if (!ok || ::rename(temp.c_str(), path.c_str()) != 0) {
        if (reason.empty()) reason = Reason();
        ::unlink(temp.c_str());
        return MakeError("io_error", "cannot write '" + path + "': " + reason);
    }
    return Ok();
}

}  // namespace base
