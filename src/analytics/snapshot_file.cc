// Snapshot file: save, load, and load-or-build with the staleness check.
#include "analytics/snapshot_file.h"

#include <cstdio>
#include <cstring>
#include <memory>
#include <system_error>

namespace patnav::analytics {

namespace {

constexpr char kMagic[8] = {'P', 'N', 'S', 'N', 'A', 'P', 'v', '1'};

// FNV-1a over 64-bit little-endian words of each block (tail bytes one by one).
struct Checksum {
  uint64_t h = 1469598103934665603ull;
  void Add(const void* data, size_t n) {
    const auto* p = static_cast<const unsigned char*>(data);
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
      uint64_t w;
      std::memcpy(&w, p + i, 8);
      h = (h ^ w) * 1099511628211ull;
    }
    for (; i < n; ++i) h = (h ^ p[i]) * 1099511628211ull;
  }
};

struct FileCloser {
  void operator()(FILE* f) const { if (f) std::fclose(f); }
};
using File = std::unique_ptr<FILE, FileCloser>;

class Writer {
 public:
  explicit Writer(FILE* f) : f_(f) {}
  void Bytes(const void* p, size_t n) {
    if (n == 0) return;
    sum_.Add(p, n);
    if (std::fwrite(p, 1, n, f_) != n) ok_ = false;
  }
  template <typename T>
  void Pod(T v) { Bytes(&v, sizeof v); }
  template <typename T>
  void Vec(const std::vector<T>& v) {
    Pod<uint64_t>(v.size());
    Bytes(v.data(), v.size() * sizeof(T));
  }
  void Str(const std::string& s) {
    Pod<uint64_t>(s.size());
    Bytes(s.data(), s.size());
  }
  void Multi(const MultiColumn& c) { Vec(c.offsets); Vec(c.values); }
  void Strings(const StringColumn& c) { Vec(c.offsets); Str(c.arena); }
  void Dict(const Dictionary& d) { Vec(d.offsets()); Str(d.arena()); }
  void Parties(const PartyTable& t) { Dict(t.keys); Strings(t.names); Vec(t.types); }
  bool Finish() {
    const uint64_t h = sum_.h;
    if (std::fwrite(&h, 1, sizeof h, f_) != sizeof h) ok_ = false;
    return ok_ && std::fflush(f_) == 0;
  }

 private:
  FILE* f_;
  Checksum sum_;
  bool ok_ = true;
};

class Reader {
 public:
  Reader(FILE* f, uint64_t file_size) : f_(f), remaining_(file_size) {}
  bool ok() const { return ok_; }
  void Bytes(void* p, size_t n) {
    if (!ok_ || n == 0) return;
    if (n > remaining_ || std::fread(p, 1, n, f_) != n) { ok_ = false; return; }
    remaining_ -= n;
    sum_.Add(p, n);
  }
  template <typename T>
  T Pod() { T v{}; Bytes(&v, sizeof v); return v; }
  template <typename T>
  void Vec(std::vector<T>& v) {
    const uint64_t n = Pod<uint64_t>();
    if (!ok_ || n > remaining_ / sizeof(T)) { ok_ = false; return; }
    v.resize(n);
    Bytes(v.data(), n * sizeof(T));
  }
  void Str(std::string& s) {
    const uint64_t n = Pod<uint64_t>();
    if (!ok_ || n > remaining_) { ok_ = false; return; }
    s.resize(n);
    Bytes(s.data(), n);
  }
  void Multi(MultiColumn& c) { Vec(c.offsets); Vec(c.values); }
  void Strings(StringColumn& c) { Vec(c.offsets); Str(c.arena); }
  void Dict(Dictionary& d) {
    std::vector<uint32_t> offsets;
    std::string arena;
    Vec(offsets);
    Str(arena);
    d.Assign(std::move(offsets), std::move(arena));
  }
  void Parties(PartyTable& t) { Dict(t.keys); Strings(t.names); Vec(t.types); }
  bool ChecksumMatches() {
    const uint64_t expected = sum_.h;
    uint64_t stored = 0;
    if (!ok_ || remaining_ != sizeof stored || std::fread(&stored, 1, sizeof stored, f_) != sizeof stored) return false;
    return stored == expected;
  }

 private:
  FILE* f_;
  uint64_t remaining_;
  Checksum sum_;
  bool ok_ = true;
};

// The columns in file order; `io` is a Writer (const snapshot) or a Reader.
template <typename IO, typename S>
void Columns(IO& io, S& s) {
  io.Vec(s.docid);
  io.Strings(s.publication_number);
  io.Vec(s.filing_year);
  io.Vec(s.priority_year);
  io.Vec(s.publication_year);
  io.Dict(s.countries);
  io.Dict(s.kinds);
  io.Vec(s.country);
  io.Vec(s.priority_country);
  io.Vec(s.kind);
  io.Vec(s.claims);
  io.Dict(s.families);
  io.Vec(s.family);
  io.Parties(s.applicant_table);
  io.Parties(s.inventor_table);
  io.Multi(s.applicants);
  io.Multi(s.inventors);
  io.Dict(s.classes.codes);
  io.Vec(s.classes.level);
  io.Vec(s.classes.parent);
  io.Multi(s.groups);
  io.Multi(s.cites);
  io.Multi(s.cited_by);
  if (s.has_text) {
    io.Strings(s.text.titles);
    io.Dict(s.text.terms);
    io.Multi(s.text.title_terms);
  }
}

// Structural checks a corrupt-but-checksummed file cannot pass unnoticed.
bool Consistent(const Snapshot& s) {
  const size_t n = s.docid.size();
  auto multi = [&](const MultiColumn& c, size_t bound) {
    if (c.offsets.size() != n + 1 || c.offsets.front() != 0 || c.offsets.back() != c.values.size()) return false;
    for (size_t i = 0; i < n; ++i)
      if (c.offsets[i] > c.offsets[i + 1]) return false;
    for (uint32_t v : c.values)
      if (v >= bound) return false;
    return true;
  };
  for (const auto* v : {&s.filing_year, &s.priority_year, &s.publication_year, &s.country, &s.priority_country,
                        &s.kind, &s.claims})
    if (v->size() != n) return false;
  if (s.family.size() != n || s.publication_number.offsets.size() != n + 1) return false;
  if (s.classes.level.size() != s.classes.codes.size() || s.classes.parent.size() != s.classes.codes.size())
    return false;
  if (s.applicant_table.names.offsets.size() != s.applicant_table.keys.size() + 1) return false;
  if (s.inventor_table.names.offsets.size() != s.inventor_table.keys.size() + 1) return false;
  return multi(s.applicants, s.applicant_table.keys.size()) && multi(s.inventors, s.inventor_table.keys.size()) &&
         multi(s.groups, s.classes.codes.size()) && multi(s.cites, n) && multi(s.cited_by, n) &&
         (!s.has_text || multi(s.text.title_terms, s.text.terms.size()));
}

}  // namespace

std::filesystem::path SnapshotPath(const std::filesystem::path& data_dir) {
  return data_dir / "analytics" / "snapshot.bin";
}

Status SaveSnapshot(const Snapshot& s, const std::filesystem::path& path) {
  std::error_code ec;
  std::filesystem::create_directories(path.parent_path(), ec);
  if (ec) return Status::IOError(path.parent_path().string() + ": cannot create: " + ec.message());
  const std::filesystem::path tmp = path.string() + ".tmp";
  {
    File f(std::fopen(tmp.c_str(), "wb"));
    if (!f) return Status::IOError(tmp.string() + ": cannot open for writing: " + std::strerror(errno));
    Writer w(f.get());
    w.Bytes(kMagic, sizeof kMagic);
    w.Pod<uint32_t>(kSnapshotFormatVersion);
    w.Str(s.store_id);
    w.Pod<int64_t>(s.store_sequence);
    w.Pod<uint8_t>(s.has_text ? 1 : 0);
    Columns(w, s);
    if (!w.Finish()) {
      std::filesystem::remove(tmp, ec);
      return Status::IOError(tmp.string() + ": write failed (disk full?)");
    }
  }
  std::filesystem::rename(tmp, path, ec);
  if (ec) return Status::IOError(path.string() + ": cannot replace: " + ec.message());
  return Status::OK();
}

Result<Snapshot> LoadSnapshot(const std::filesystem::path& path) {
  std::error_code ec;
  const uint64_t size = std::filesystem::file_size(path, ec);
  if (ec) return Status::NotFound(path.string() + ": " + ec.message());
  File f(std::fopen(path.c_str(), "rb"));
  if (!f) return Status::IOError(path.string() + ": cannot open: " + std::strerror(errno));
  Reader r(f.get(), size);
  char magic[sizeof kMagic];
  r.Bytes(magic, sizeof magic);
  if (!r.ok() || std::memcmp(magic, kMagic, sizeof kMagic) != 0)
    return Status::Corruption(path.string() + ": not a patnav analytics snapshot");
  const auto version = r.Pod<uint32_t>();
  if (version != kSnapshotFormatVersion)
    return Status::Unsupported(path.string() + ": snapshot format version " + std::to_string(version) +
                               ", this patnav reads " + std::to_string(kSnapshotFormatVersion));
  Snapshot s;
  r.Str(s.store_id);
  s.store_sequence = r.Pod<int64_t>();
  s.has_text = r.Pod<uint8_t>() != 0;
  Columns(r, s);
  if (!r.ChecksumMatches()) return Status::Corruption(path.string() + ": truncated or checksum mismatch");
  if (!Consistent(s)) return Status::Corruption(path.string() + ": inconsistent columns");
  return s;
}

Result<Snapshot> LoadOrBuildSnapshot(const std::filesystem::path& data_dir, PatentStore& store,
                                     const BuildOptions& options, SnapshotSource* source) {
  if (source) *source = SnapshotSource{};
  ASSIGN_OR_RETURN(std::string store_id, store.StoreId());
  ASSIGN_OR_RETURN(int64_t sequence, store.LastChangeSequence());
  const std::filesystem::path path = SnapshotPath(data_dir);
  if (std::filesystem::exists(path)) {
    Result<Snapshot> loaded = LoadSnapshot(path);
    if (loaded.ok() && loaded->store_id == store_id && loaded->store_sequence == sequence &&
        (loaded->has_text || !options.with_text)) {
      if (source) source->loaded = true;
      return loaded;
    }
  }
  ASSIGN_OR_RETURN(Snapshot built, BuildSnapshot(store, options));
  if (SaveSnapshot(built, path).ok() && source) source->saved = true;
  return built;
}

}  // namespace patnav::analytics
