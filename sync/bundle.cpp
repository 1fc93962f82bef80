#include "sync/bundle.h"

#include <sys/stat.h>

#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <functional>
#include <memory>
#include <sstream>
#include <unistd.h>

#include "base/json.h"
#include "base/log.h"
#include "content/schema.h"
#include "sync/crypto.h"
#include "sync/gzip.h"
#include "sync/hub_store.h"

namespace ksync {
namespace {

using nlohmann::json;

constexpr std::string_view kSignatureDomain{"kiosk-bundle-v1\0", 16};
constexpr size_t kSignatureBytes = 64;
constexpr size_t kMaxChunkOutput = 256u << 20;
// A chunk is one gzip'd page; gzip never makes a page more than a little larger.
constexpr size_t kMaxChunkBytes = kMaxChunkOutput + (1u << 20);

base::Error BadBundle(const char* code, std::string message) { return base::MakeError(code, std::move(message)); }

std::string SignedMessage(std::string_view manifest) {
    std::string message(kSignatureDomain);
    message.append(manifest);
    return message;
}

// Where a bundle's bytes come from, read front to back: memory (VerifyBundle: tests and the
// fuzzer) or an open regular file (ImportBundle). A file is never read whole: the header and
// manifest first, then one chunk at a time, so memory stays at one chunk however large or
// hostile the file is.
class BundleReader {
public:
    virtual ~BundleReader() = default;
    virtual uint64_t size() const = 0;
    // Exactly `count` bytes into `out` (replacing its content), or bundle_truncated/bundle_unreadable.
    virtual Status Read(size_t count, std::string& out) = 0;
};

class MemoryReader final : public BundleReader {
public:
    explicit MemoryReader(std::string_view bytes) : bytes_(bytes) {}
    uint64_t size() const override { return bytes_.size(); }
    Status Read(size_t count, std::string& out) override {
        if (bytes_.size() - position_ < count) return BadBundle("bundle_truncated", "the bundle ends too early");
        out.assign(bytes_.substr(position_, count));
        position_ += count;
        return base::Ok();
    }

private:
    std::string_view bytes_;
    size_t position_ = 0;
};

class FileReader final : public BundleReader {
public:
    // Refuses anything but a regular file before reading a byte: opening a FIFO does not wait
    // for a writer (O_NONBLOCK), and a device or a folder is named as such.
    static Result<std::unique_ptr<FileReader>> Open(const std::string& path) {
        int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
        if (fd < 0) return BadBundle("bundle_unreadable", "cannot open '" + path + "': " + std::strerror(errno));
        struct stat st;
        if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
            ::close(fd);
            return BadBundle("bundle_not_a_file", "'" + path + "' is not a regular file (a folder, a pipe or a device)");
        }
        int flags = ::fcntl(fd, F_GETFL);
        if (flags >= 0) ::fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
        return std::unique_ptr<FileReader>(new FileReader(fd, (uint64_t)st.st_size, path));
    }
    ~FileReader() override { ::close(fd_); }
    uint64_t size() const override { return size_; }
    Status Read(size_t count, std::string& out) override {
        out.resize(count);
        size_t done = 0;
        while (done < count) {
            ssize_t n = ::read(fd_, out.data() + done, count - done);
            if (n < 0 && errno == EINTR) continue;
            if (n < 0) return BadBundle("bundle_unreadable", "cannot read '" + path_ + "': " + std::strerror(errno));
            if (n == 0) return BadBundle("bundle_truncated", "'" + path_ + "' ends too early (it changed while being read?)");
            done += (size_t)n;
        }
        return base::Ok();
    }

private:
    FileReader(int fd, uint64_t size, std::string path) : fd_(fd), size_(size), path_(std::move(path)) {}
    int fd_;
    uint64_t size_;
    std::string path_;
};

Status WriteFileAtomically(const std::string& path, const std::string& bytes, mode_t mode) {
    std::string temp = path + ".tmp";
    int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC, mode);
    if (fd < 0) return BadBundle("bundle_write_failed", "cannot create '" + temp + "': " + std::strerror(errno));
    size_t written = 0;
    while (written < bytes.size()) {
        ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
        if (n <= 0) {
            ::close(fd);
            return BadBundle("bundle_write_failed", "cannot write '" + temp + "': " + std::strerror(errno));
        }
        written += (size_t)n;
    }
    if (::fsync(fd) != 0 || ::close(fd) != 0) return BadBundle("bundle_write_failed", "cannot flush '" + temp + "'");
    if (std::rename(temp.c_str(), path.c_str()) != 0) return BadBundle("bundle_write_failed", "cannot rename to '" + path + "'");
    return base::Ok();
}

// Verifies the header, signature, manifest and every chunk; calls on_page for each decoded page
// in order. Kiosk-independent checks only (no counter or cursor). The file's size is checked
// against the signed manifest before any chunk is read.
Result<BundleManifest> VerifyAndDecode(BundleReader& in, const BundleImportOptions& options,
                                       const std::function<Status(const PullPage&)>& on_page) {
    std::string buffer;
    if (in.size() < kBundleMagic.size() + 4) return BadBundle("bundle_bad_format", "not a kiosk bundle (too short)");
    TRY(in.Read(kBundleMagic.size(), buffer));
    if (buffer != kBundleMagic) return BadBundle("bundle_bad_format", "not a kiosk bundle (bad magic)");
    TRY(in.Read(4, buffer));
    uint32_t manifest_len = (uint32_t)(unsigned char)buffer[0] | (uint32_t)(unsigned char)buffer[1] << 8 |
                            (uint32_t)(unsigned char)buffer[2] << 16 | (uint32_t)(unsigned char)buffer[3] << 24;
    if (manifest_len == 0 || manifest_len > kMaxManifestBytes) return BadBundle("bundle_bad_format", "manifest length out of range");
    uint64_t header = kBundleMagic.size() + 4 + manifest_len + kSignatureBytes;
    if (in.size() < header) return BadBundle("bundle_truncated", "bundle ends inside its manifest");
    std::string manifest_text, signature;
    TRY(in.Read(manifest_len, manifest_text));
    TRY(in.Read(kSignatureBytes, signature));
    if (options.public_key.size() != 32) return BadBundle("bundle_no_key", "no valid public key is configured for bundles");
    if (!VerifyDetached(SignedMessage(manifest_text), signature, options.public_key)) {
        return BadBundle("bundle_bad_signature", "the manifest signature does not match the pinned public key");
    }
    BundleManifest manifest = TRY_VALUE(ParseManifest(manifest_text));
    if (manifest.scope != options.scope) {
        return BadBundle("bundle_wrong_scope", "bundle is for scope '" + manifest.scope + "', this kiosk is '" + options.scope + "'");
    }
    if (manifest.schema_version > content::kSchemaVersion) {
        return BadBundle("bundle_schema_mismatch", "bundle content schema " + std::to_string(manifest.schema_version) +
                                                 " is newer than this kiosk's " + std::to_string(content::kSchemaVersion));
    }
    if (options.now > manifest.expires) return BadBundle("bundle_expired", "bundle expired at " + std::to_string(manifest.expires));

    uint64_t total = 0;
    for (const BundleChunk& chunk : manifest.chunks) total += (uint64_t)chunk.size;
    if (in.size() - header < total) return BadBundle("bundle_truncated", "bundle is shorter than its chunks");
    if (in.size() - header > total) return BadBundle("bundle_bad_format", "bytes after the last chunk");

    int64_t expected_since = manifest.from_seq;
    for (size_t i = 0; i < manifest.chunks.size(); ++i) {
        const BundleChunk& chunk = manifest.chunks[i];
        TRY(in.Read((size_t)chunk.size, buffer));
        std::string where = "chunk " + std::to_string(i);
        if (!EqualConstantTime(Sha256Hex(buffer), chunk.sha256)) return BadBundle("bundle_bad_chunk", where + ": SHA-256 mismatch");
        auto text = GzipDecompress(buffer, kMaxChunkOutput);
        if (!text.ok()) return BadBundle("bundle_bad_chunk", where + ": " + text.error().message);
        auto page = DecodePullPage(*text);
        if (!page.ok()) return BadBundle("bundle_bad_chunk", where + ": " + page.error().ToString());
        bool last = i + 1 == manifest.chunks.size();
        if (page->epoch != manifest.epoch || page->since != expected_since || page->has_more == last ||
            page->snapshot != (i == 0 && manifest.kind == "snapshot") || (last && page->to != manifest.to_seq)) {
            return BadBundle("bundle_bad_chunk", where + ": page does not continue the bundle's sequence range");
        }
        expected_since = page->to;
        TRY(on_page(*page));
    }
    return manifest;
}

}  // namespace

// ---- manifest -----------------------------------------------------------------------------

Result<BundleManifest> ParseManifest(std::string_view json_text) {
    const char* code = "bundle_bad_manifest";
    if (json_text.size() > kMaxManifestBytes) return BadBundle(code, "manifest too large");
    json doc = base::ParseJsonOrDiscarded(json_text);
    if (!doc.is_object()) return BadBundle(code, "manifest is not a JSON object");
    try {
        auto get_int = [&](const char* name) -> Result<int64_t> {
            auto it = doc.find(name);
            if (it == doc.end() || !it->is_number_integer()) return BadBundle(code, std::string("'") + name + "' must be an integer");
            return it->get<int64_t>();
        };
        auto get_string = [&](const char* name) -> Result<std::string> {
            auto it = doc.find(name);
            if (it == doc.end() || !it->is_string()) return BadBundle(code, std::string("'") + name + "' must be a string");
            std::string value = it->get<std::string>();
            if (value.empty() || value.size() > 200) return BadBundle(code, std::string("'") + name + "' is empty or too long");
            return value;
        };
        BundleManifest m;
        m.format = (int)TRY_VALUE(get_int("format"));
        if (m.format != 1) return BadBundle(code, "unknown bundle format " + std::to_string(m.format));
        m.scope = TRY_VALUE(get_string("scope"));
        m.schema_version = (int)TRY_VALUE(get_int("schema_version"));
        m.epoch = TRY_VALUE(get_string("epoch"));
        m.kind = TRY_VALUE(get_string("kind"));
        if (m.kind != "snapshot" && m.kind != "delta") return BadBundle(code, "kind must be snapshot or delta");
        m.from_seq = TRY_VALUE(get_int("from_seq"));
        m.to_seq = TRY_VALUE(get_int("to_seq"));
        m.head_at = TRY_VALUE(get_int("head_at"));
        m.created = TRY_VALUE(get_int("created"));
        m.expires = TRY_VALUE(get_int("expires"));
        m.counter = TRY_VALUE(get_int("counter"));
        if (m.from_seq < 0 || m.to_seq < m.from_seq) return BadBundle(code, "sequence range is inconsistent");
        if (m.kind == "snapshot" && m.from_seq != 0) return BadBundle(code, "a snapshot starts at 0");
        if (m.counter <= 0) return BadBundle(code, "counter must be positive");
        if (m.expires < m.created) return BadBundle(code, "expires before it was created");
        auto chunks = doc.find("chunks");
        if (chunks == doc.end() || !chunks->is_array() || chunks->empty() || chunks->size() > 100000) {
            return BadBundle(code, "chunks must be a non-empty array");
        }
        for (const json& item : *chunks) {
            if (!item.is_object()) return BadBundle(code, "a chunk must be an object");
            auto size = item.find("size");
            auto sha = item.find("sha256");
            if (size == item.end() || !size->is_number_integer() || size->get<int64_t>() <= 0 ||
                size->get<int64_t>() > (int64_t)kMaxChunkBytes) {
                return BadBundle(code, "chunk size out of range");
            }
            if (sha == item.end() || !sha->is_string() || sha->get_ref<const std::string&>().size() != 64 ||
                !FromHex(sha->get_ref<const std::string&>()).ok()) {
                return BadBundle(code, "chunk sha256 must be 64 hex digits");
            }
            m.chunks.push_back({size->get<int64_t>(), sha->get<std::string>()});
        }
        return m;
    } catch (const std::exception& e) {
        return BadBundle(code, e.what());
    }
}

std::string EncodeManifest(const BundleManifest& m) {
    json chunks = json::array();
    for (const BundleChunk& c : m.chunks) chunks.push_back({{"size", c.size}, {"sha256", c.sha256}});
    json doc = {{"format", m.format},   {"scope", m.scope},     {"schema_version", m.schema_version},
                {"epoch", m.epoch},     {"kind", m.kind},       {"from_seq", m.from_seq},
                {"to_seq", m.to_seq},   {"head_at", m.head_at}, {"created", m.created},
                {"expires", m.expires}, {"counter", m.counter}, {"chunks", std::move(chunks)}};
    return doc.dump(-1, ' ', false, json::error_handler_t::replace);
}

// ---- keys ---------------------------------------------------------------------------------

Status WriteKeyPair(const std::string& prefix) {
    std::string secret_path = prefix + ".key", public_path = prefix + ".pub";
    struct stat st;
    if (::stat(secret_path.c_str(), &st) == 0 || ::stat(public_path.c_str(), &st) == 0) {
        return BadBundle("key_exists", "'" + secret_path + "' or '" + public_path + "' already exists; not overwriting a key");
    }
    SigningKeys keys = GenerateSigningKeys();
    TRY(WriteFileAtomically(secret_path, ToHex(keys.secret_key) + "\n", 0600));
    TRY(WriteFileAtomically(public_path, ToHex(keys.public_key) + "\n", 0644));
    return base::Ok();
}

Result<std::string> ReadKeyHex(const std::string& path_or_hex, size_t raw_bytes) {
    std::string text = path_or_hex;
    if (text.size() != raw_bytes * 2 || !FromHex(text).ok()) {
        std::ifstream in(path_or_hex);
        if (!in) return BadBundle("key_unreadable", "'" + path_or_hex + "' is neither a key file nor " +
                                                  std::to_string(raw_bytes * 2) + " hex digits");
        std::stringstream buffer;
        buffer << in.rdbuf();
        text = buffer.str();
        while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' ')) text.pop_back();
    }
    auto raw = FromHex(text);
    if (!raw.ok() || raw->size() != raw_bytes) {
        return BadBundle("key_invalid", "key '" + path_or_hex + "' must be " + std::to_string(raw_bytes * 2) + " hex digits");
    }
    return *raw;
}

// ---- export -------------------------------------------------------------------------------

Result<BundleManifest> ExportBundle(HubStore& hub, const std::string& out_path, const BundleExportOptions& options) {
    if (options.secret_key.size() != 64) return BadBundle("key_invalid", "an Ed25519 secret key is 64 bytes");
    BundleManifest m;
    m.scope = options.scope;
    m.schema_version = content::kSchemaVersion;
    m.kind = options.since > 0 ? "delta" : "snapshot";
    m.from_seq = options.since > 0 ? options.since : 0;
    m.created = options.now;
    m.expires = options.now + options.valid_for_s;
    m.counter = TRY_VALUE(hub.NextBundleCounter(options.now));

    content::Db& db = hub.db();
    std::string chunks;
    TRY(db.Exec("BEGIN"));  // every page from one consistent state
    auto read = [&]() -> Status {
        m.epoch = TRY_VALUE(hub.Epoch());
        if (options.since > 0) {
            content::Stmt horizon = TRY_VALUE(db.Prepare("SELECT value FROM hub_meta WHERE key = 'tombstone_horizon'"));
            int64_t value = TRY_VALUE(horizon.Step()) ? std::stoll(horizon.Text(0)) : 0;
            if (options.since < value) {
                return BadBundle("bundle_since_too_old", "deletes before seq " + std::to_string(value) +
                                                       " are no longer kept; export a snapshot instead");
            }
            int64_t head = TRY_VALUE(hub.Head());
            if (options.since > head) return BadBundle("bundle_since_ahead", "seq " + std::to_string(options.since) + " is ahead of the hub");
        }
        m.head_at = TRY_VALUE(hub.HeadAt());
        int64_t since = m.from_seq;
        bool first = true;
        while (true) {
            PullAnswer page = TRY_VALUE(hub.ReadPage(since, first && m.kind == "snapshot", options.chunk_changes, kPageByteCap));
            std::string compressed = TRY_VALUE(GzipCompress(page.body));
            m.chunks.push_back({(int64_t)compressed.size(), Sha256Hex(compressed)});
            chunks += compressed;
            since = page.to;
            first = false;
            if (!page.has_more) break;
        }
        m.to_seq = since;
        return base::Ok();
    }();
    (void)db.Exec("COMMIT");
    TRY(read);

    std::string manifest = EncodeManifest(m);
    std::string file(kBundleMagic);
    uint32_t len = (uint32_t)manifest.size();
    for (int i = 0; i < 4; ++i) file.push_back((char)((len >> (8 * i)) & 0xff));
    file += manifest;
    file += SignDetached(SignedMessage(manifest), options.secret_key);
    file += chunks;
    TRY(WriteFileAtomically(out_path, file, 0644));
    base::LogInfo("hub_bundle_exported", "path=" + out_path + " kind=" + m.kind + " from=" + std::to_string(m.from_seq) +
                                             " to=" + std::to_string(m.to_seq) + " counter=" + std::to_string(m.counter));
    return m;
}

// ---- import -------------------------------------------------------------------------------

Result<BundleManifest> VerifyBundle(std::string_view file_bytes, const BundleImportOptions& options,
                                    std::vector<PullPage>* pages) {
    MemoryReader reader(file_bytes);
    return VerifyAndDecode(reader, options, [&](const PullPage& page) -> Status {
        if (pages) pages->push_back(page);
        return base::Ok();
    });
}

Result<BundleImportReport> ImportBundle(content::Db& db, const std::string& path, const BundleImportOptions& options) {
    auto reader = FileReader::Open(path);
    if (!reader.ok()) {
        base::LogWarn("bundle_rejected", reader.error().ToString());
        return reader.error();
    }
    SyncCursor cursor = TRY_VALUE(ReadCursor(db));
    Stage stage(db);
    bool staged_ok = false;
    auto verified = VerifyAndDecode(**reader, options, [&](const PullPage& page) -> Status {
        if (!staged_ok) {
            TRY(stage.Begin(page.snapshot));
            staged_ok = true;
        }
        return stage.AddPage(page);
    });
    if (!verified.ok()) {
        (void)stage.Reset();
        base::LogWarn("bundle_rejected", verified.error().ToString());
        return verified.error();
    }
    const BundleManifest& m = *verified;
    auto reject = [&](const char* code, std::string message) -> base::Error {
        (void)stage.Reset();
        base::LogWarn("bundle_rejected", std::string(code) + ": " + message);
        return BadBundle(code, std::move(message));
    };
    if (m.counter <= cursor.bundle_counter) {
        return reject("bundle_stale", "bundle counter " + std::to_string(m.counter) + " is not newer than the last applied (" +
                                          std::to_string(cursor.bundle_counter) + ")");
    }
    bool same_epoch = cursor.epoch == m.epoch;
    if (same_epoch && cursor.seq >= m.to_seq && m.to_seq > 0) {
        return reject("bundle_not_newer", "this kiosk's content (seq " + std::to_string(cursor.seq) +
                                              ") is already as new as the bundle (seq " + std::to_string(m.to_seq) + ")");
    }
    if (m.kind == "delta" && (!same_epoch || cursor.seq < m.from_seq)) {
        return reject("bundle_gap", "the delta starts at seq " + std::to_string(m.from_seq) + " of hub " + m.epoch +
                                        " but this kiosk is at seq " + std::to_string(cursor.seq) +
                                        (same_epoch ? "" : " of another hub") + "; import a snapshot bundle");
    }
    ApplyTarget target;
    target.epoch = m.epoch;
    target.cursor = m.to_seq;
    target.head_at = m.head_at;
    target.bundle_counter = m.counter;
    auto applied = stage.Apply(target);
    if (!applied.ok()) {
        (void)stage.Reset();
        return applied.error();
    }
    base::LogInfo("bundle_applied", "counter=" + std::to_string(m.counter) + " to=" + std::to_string(m.to_seq));
    return BundleImportReport{m, *applied};
}

}  // namespace ksync
