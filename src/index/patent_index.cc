// PatentIndex: opening the glass database, full rebuilds and catching up
// with the store's change sequence.
#include "index/patent_index.h"

#include <sched.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <exception>
#include <functional>
#include <limits>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <sstream>
#include <system_error>
#include <thread>
#include <unordered_set>
#include <utility>
#include <vector>

#include "index/bounded_queue.h"
#include "index/document_builder.h"
#include "index/index_schema.h"
#include "index/segment_catalog.h"
#include "index/segment_merge.h"
#include "index/shard_merge.h"
#include "index/shard_writers.h"
#include "index/text_segment_set.h"
#include "index/text_segment_writer.h"
#include "index/xapian_status.h"

namespace patnav::index {
namespace {

// Xapian's own automatic flush (XAPIAN_FLUSH_THRESHOLD, default 10,000
// documents) is set beyond IndexWriteOptions::commit_every so that our
// commits are the only ones.
constexpr const char* kFlushThreshold = "1000000";

// Built documents waiting for the writer (catching up; a rebuild with one
// writer).
constexpr size_t kQueueDocuments = 256;

// Records waiting for each writer of a rebuild with several: a shard's worth
// (shard_writers.h), at most this many.
constexpr size_t kMaxQueueRecords = 1'024;

// A rebuild's text segment is written out when its writer holds this much
// (its byte strings may take up to twice that while they grow); the parts
// are merged into one at the end, at about 100,000 documents a second.
constexpr size_t kRebuildSegmentBytes = size_t{64} << 20;

// How often progress is reported, in documents.
constexpr int64_t kProgressEvery = 500;

Status LockedOrOther(const Xapian::Error& e, const std::filesystem::path& dir) {
  if (std::string_view(e.get_type()) == "DatabaseLockError")
    return Status::IOError("the search index " + dir.string() + " is being updated by another process");
  return StatusFromXapian(e, "index " + dir.string());
}

int64_t ParseInt(const std::string& s, int64_t fallback) {
  if (s.empty()) return fallback;
  int64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9' || v > std::numeric_limits<int64_t>::max() / 10 - 10) return fallback;
    v = v * 10 + (c - '0');
  }
  return v;
}

// A document built by the producer thread, handed to the writer.
struct BuiltDocument {
  Xapian::docid docid;
  int64_t change_sequence;
  std::string publication_number;
  Xapian::Document doc;
  PatentRecord record;  // for its free text's segment (segment_catalog.h)
};

double SecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

struct PatentIndex::Rep {
  std::filesystem::path dir;
  IndexWriteOptions options;
  bool writable = false;
  Xapian::WritableDatabase wdb;  // when writable
  Xapian::Database rdb;          // when not

  const Xapian::Database& db() const { return writable ? wdb : rdb; }

  // Metadata as read from the database; "" when absent.
  std::string Meta(const char* key) const { return db().get_metadata(key); }

  // Re-indexes every publication changed after `since`, refreshes the
  // forward-citation counts of the publications they cite and commits with
  // the new applied sequence. Throws Xapian::Error; store errors are returned.
  Status Apply(PatentStore& store, int64_t since, const IndexProgressFn& progress, IndexUpdateStats& stats);
};

int DefaultRebuildWriters() {
  // The CPUs this process may run on (taskset, cgroups' cpusets), which
  // hardware_concurrency() does not see: pinned to one core, one writer
  // does today's work without threads taking turns.
  int cpus = static_cast<int>(std::thread::hardware_concurrency());
  cpu_set_t set;
  CPU_ZERO(&set);
  if (sched_getaffinity(0, sizeof set, &set) == 0 && CPU_COUNT(&set) > 0)
    cpus = cpus > 0 ? std::min(cpus, CPU_COUNT(&set)) : CPU_COUNT(&set);
  return std::clamp(cpus, 1, 4);
}

std::filesystem::path PatentIndex::IndexDir(const std::filesystem::path& data_dir) { return data_dir / "index"; }

PatentIndex::PatentIndex(std::unique_ptr<Rep> rep) : rep_(std::move(rep)) {}
PatentIndex::PatentIndex(PatentIndex&&) noexcept = default;
PatentIndex& PatentIndex::operator=(PatentIndex&&) noexcept = default;
PatentIndex::~PatentIndex() = default;

Result<PatentIndex> PatentIndex::OpenForWriting(const std::filesystem::path& data_dir,
                                                const IndexWriteOptions& options) {
  std::error_code ec;
  if (!std::filesystem::is_directory(data_dir, ec))
    return Status::NotFound("no data directory " + data_dir.string());
  auto rep = std::make_unique<Rep>();
  rep->dir = IndexDir(data_dir);
  rep->writable = true;
  rep->options = options;
  rep->options.commit_every = std::max<int64_t>(options.commit_every, 1);
  rep->options.rebuild_commit_every = std::max<int64_t>(options.rebuild_commit_every, 1);
  rep->options.rebuild_writers = std::max(options.rebuild_writers, 1);
  if (options.rebuild_shard_documents <= 0)
    rep->options.rebuild_shard_documents = rep->options.rebuild_writers == 1 ? kShardDocuments : kParallelShardDocuments;
  ::setenv("XAPIAN_FLUSH_THRESHOLD", kFlushThreshold, /*overwrite=*/0);
  try {
    rep->wdb = Xapian::WritableDatabase(rep->dir.string(), Xapian::DB_CREATE_OR_OPEN | Xapian::DB_BACKEND_GLASS);
  } catch (const Xapian::Error& e) {
    return LockedOrOther(e, rep->dir);
  }
  return PatentIndex(std::move(rep));
}

Result<PatentIndex> PatentIndex::OpenForReading(const std::filesystem::path& data_dir) {
  auto rep = std::make_unique<Rep>();
  rep->dir = IndexDir(data_dir);
  std::error_code ec;
  if (!std::filesystem::exists(rep->dir, ec))
    return Status::NotFound("no search index in " + data_dir.string() + " (run `patnav index`)");
  try {
    rep->rdb = Xapian::Database(rep->dir.string());
    const std::string format = rep->rdb.get_metadata(kMetaFormatVersion);
    if (!format.empty() && ParseInt(format, -1) != kIndexFormatVersion)
      return Status::Unsupported("the search index in " + data_dir.string() + " has format " + format +
                                 ", this patnav reads format " + std::to_string(kIndexFormatVersion) +
                                 " (run `patnav index --rebuild`)");
  } catch (const Xapian::Error& e) {
    return StatusFromXapian(e, "index " + rep->dir.string());
  }
  return PatentIndex(std::move(rep));
}

const Xapian::Database& PatentIndex::db() const { return rep_->db(); }

int64_t PatentIndex::applied_sequence() const {
  try {
    return ParseInt(rep_->Meta(kMetaAppliedSequence), 0);
  } catch (const Xapian::Error&) {
    return 0;
  }
}

Result<int64_t> PatentIndex::DocumentCount() const {
  try {
    return static_cast<int64_t>(rep_->db().get_doccount());
  } catch (const Xapian::Error& e) {
    return StatusFromXapian(e, "index " + rep_->dir.string());
  }
}

namespace {

// Reads the publications changed after `since` from the store and builds
// their documents on a second thread, while this thread passes them, in
// store order, to `consume`. Building is ~40% of the CPU of indexing and
// adding to Xapian ~60%, so two cores index ~1.5x faster than one. Stops at
// the first error (of the store, of a document, or of `consume`).
Status StreamDocuments(PatentStore& store, int64_t since, const LegalStatusFn& legal_status,
                       const std::function<Status(BuiltDocument&)>& consume) {
  BoundedQueue<BuiltDocument> queue(kQueueDocuments);
  std::atomic<bool> stop{false};
  Status produced;
  std::thread producer([&] {
    Status invalid;
    try {
      produced = store.ForEachChangedSince(
          since,
          [&](const ChangedPublication& c) {
            if (stop.load(std::memory_order_relaxed)) return false;
            if (c.id <= 0 || c.id > std::numeric_limits<Xapian::docid>::max()) {
              invalid = Status::Unsupported("publication id " + std::to_string(c.id) +
                                            " exceeds Xapian's document ids");
              return false;
            }
            std::optional<IndexedLegalStatus> status;
            if (legal_status) status = legal_status(*c.record);
            queue.Push({static_cast<Xapian::docid>(c.id), c.change_sequence, c.record->publication_number,
                        BuildDocument(*c.record, c.forward_citations, status ? &*status : nullptr), *c.record});
            return true;
          },
          /*with_description=*/true);
      if (!invalid.ok()) produced = invalid;
    } catch (const Xapian::Error& e) {
      produced = StatusFromXapian(e, "index");
    } catch (const std::exception& e) {
      produced = Status::Internal(std::string("index: ") + e.what());
    }
    queue.Close();
  });
  Status consumed;
  while (std::optional<BuiltDocument> item = queue.Pop()) {
    if (!consumed.ok()) continue;  // draining after a failure
    try {
      consumed = consume(*item);
    } catch (const Xapian::Error& e) {
      consumed = StatusFromXapian(e, "index");
    } catch (const std::exception& e) {
      consumed = Status::Internal(std::string("index: ") + e.what());
    }
    if (!consumed.ok()) stop.store(true);
  }
  producer.join();
  RETURN_IF_ERROR(consumed);
  return produced;
}

void SetMetadata(Xapian::WritableDatabase& db, const std::string& store_id, int64_t applied) {
  db.set_metadata(kMetaFormatVersion, std::to_string(kIndexFormatVersion));
  db.set_metadata(kMetaStoreId, store_id);
  db.set_metadata(kMetaAppliedSequence, std::to_string(applied));
}

}  // namespace

Status PatentIndex::Rep::Apply(PatentStore& store, int64_t since, const IndexProgressFn& progress,
                               IndexUpdateStats& stats) {
  // Numbers cited by the changed publications, before and after the change,
  // whose forward-citation counts may have moved; and the changed ones.
  std::set<std::string> cited;
  std::unordered_set<std::string> changed;
  bool refresh_all = false;
  int64_t applied = since;
  int64_t pending = 0;
  // The free text of the documents re-indexed since the last commit: each
  // commit names a segment of them (segment_catalog.h).
  SegmentCatalog catalog(dir, wdb);
  std::map<uint32_t, PatentRecord> text;
  auto commit_text = [&]() -> Status {
    std::vector<std::pair<uint32_t, const PatentRecord*>> records;
    records.reserve(text.size());
    for (const auto& [docid, record] : text) records.emplace_back(docid, &record);
    RETURN_IF_ERROR(catalog.Add(std::move(records)));
    text.clear();
    catalog.Name(wdb);
    return Status::OK();
  };
  auto add_cited_of = [&](const Xapian::Document& doc) {
    Xapian::TermIterator t = doc.termlist_begin();
    for (t.skip_to(std::string(kCitation)); t != doc.termlist_end(); ++t) {
      const std::string term = *t;
      if (!std::string_view(term).starts_with(kCitation)) break;
      cited.insert(term.substr(kCitation.size()));
    }
  };
  RETURN_IF_ERROR(StreamDocuments(store, since, options.legal_status, [&](BuiltDocument& item) -> Status {
    changed.insert(item.publication_number);
    if (!refresh_all) {
      try {
        add_cited_of(wdb.get_document(item.docid, Xapian::DOC_ASSUME_VALID));
      } catch (const Xapian::DocNotFoundError&) {
      }
      add_cited_of(item.doc);
      if (cited.size() > options.max_tracked_citations) {
        refresh_all = true;  // cheaper to check every document at the end
        cited.clear();
      }
    }
    wdb.replace_document(item.docid, item.doc);
    text[item.docid] = std::move(item.record);
    applied = std::max(applied, item.change_sequence);
    ++stats.documents_indexed;
    // Intermediate commits bound memory; the applied sequence is only
    // written by the final commit, so a crash before it redoes the lot.
    if (++pending >= options.commit_every) {
      RETURN_IF_ERROR(commit_text());
      wdb.commit();
      pending = 0;
    }
    if (progress && stats.documents_indexed % kProgressEvery == 0)
      progress(stats.documents_indexed, stats.documents_indexed);
    return Status::OK();
  }));

  // Publications cited by what changed: refresh their forward-citation count.
  auto refresh = [&](const std::string& number, Xapian::docid docid) -> Status {
    ASSIGN_OR_RETURN(int64_t count, store.ForwardCitationCount(number));
    const std::string value = Xapian::sortable_serialise(static_cast<double>(count));
    Xapian::Document doc = wdb.get_document(docid);
    if (doc.get_value(kForwardCitations) == value) return Status::OK();
    doc.add_value(kForwardCitations, value);
    wdb.replace_document(docid, doc);
    ++stats.citations_refreshed;
    return Status::OK();
  };
  if (refresh_all) {
    // Listed first: the database is not modified while its terms are iterated.
    std::vector<std::pair<std::string, Xapian::docid>> all;
    const std::string id_prefix(kId);
    for (auto t = wdb.allterms_begin(id_prefix); t != wdb.allterms_end(id_prefix); ++t) {
      std::string number = (*t).substr(id_prefix.size());
      if (!changed.count(number)) all.emplace_back(std::move(number), *wdb.postlist_begin(*t));
    }
    for (const auto& [number, docid] : all) RETURN_IF_ERROR(refresh(number, docid));
  }
  for (const std::string& number : cited) {
    if (changed.count(number)) continue;  // indexed above with its current count
    const std::string id_term = BooleanTerm(kId, number);
    if (id_term.empty()) continue;
    Xapian::PostingIterator p = wdb.postlist_begin(id_term);
    if (p == wdb.postlist_end(id_term)) continue;  // not a stored publication
    RETURN_IF_ERROR(refresh(number, *p));
  }

  ASSIGN_OR_RETURN(std::string store_id, store.StoreId());
  RETURN_IF_ERROR(commit_text());
  SetMetadata(wdb, store_id, applied);
  wdb.commit();
  RETURN_IF_ERROR(catalog.Compact(wdb));
  if (progress) progress(stats.documents_indexed, stats.documents_indexed);
  stats.documents_total = wdb.get_doccount();
  return Status::OK();
}

Result<IndexUpdateStats> PatentIndex::Rebuild(PatentStore& store, const IndexProgressFn& progress) {
  namespace fs = std::filesystem;
  if (!rep_->writable) return Status::InvalidArgument("Rebuild: the index is open for reading");
  const auto start = std::chrono::steady_clock::now();
  // Built in scratch shards, compacted into a fresh database, which then
  // replaces the index. The old index serves searches until the swap; we
  // hold its write lock throughout, so no other writer interferes.
  const fs::path scratch = rep_->dir.string() + ".rebuild";
  const fs::path fresh = rep_->dir.string() + ".new";
  const fs::path old = rep_->dir.string() + ".old";
  std::error_code ec;
  for (const fs::path& p : {scratch, fresh, old}) fs::remove_all(p, ec);  // leftovers of a crash
  auto discard = [&] {
    fs::remove_all(scratch, ec);
    fs::remove_all(fresh, ec);
  };
  IndexUpdateStats stats;
  stats.rebuilt = true;
  try {
    int64_t total = 0;
    if (progress) {
      ASSIGN_OR_RETURN(total, store.Count());
    }
    fs::create_directories(scratch, ec);
    if (ec) return Status::IOError("cannot create " + scratch.string() + ": " + ec.message());
    const IndexWriteOptions& o = rep_->options;
    const bool writers_build = o.rebuild_writers > 1;
    ShardWriters writers({.dir = scratch,
                          .writers = o.rebuild_writers,
                          .per_shard = o.rebuild_shard_documents,
                          .commit_every = o.rebuild_commit_every,
                          .queue_documents = writers_build ? static_cast<size_t>(std::clamp<int64_t>(
                                                                 o.rebuild_shard_documents, 1, kMaxQueueRecords))
                                                           : kQueueDocuments});
    // This thread reads the store in id order (and asks the legal status,
    // one call at a time); with one writer it also builds the documents.
    // It inverts the free text into segments in the scratch directory too.
    int64_t applied = 0, submitted = 0;
    Status invalid;
    auto text = std::make_unique<TextSegmentWriter>();
    std::vector<fs::path> text_parts;
    uint32_t last_text_docid = 0;
    auto flush_text = [&]() -> Status {
      if (text->documents() == 0) return Status::OK();
      fs::path part = scratch / ("text." + std::to_string(text_parts.size() + 1) + ".seg");
      RETURN_IF_ERROR(text->Write(part));
      text_parts.push_back(std::move(part));
      text = std::make_unique<TextSegmentWriter>();
      return Status::OK();
    };
    Status read = store.ForEachChangedSince(
        0,
        [&](const ChangedPublication& c) {
          if (!writers.ok()) return false;
          if (c.id <= 0 || c.id > std::numeric_limits<Xapian::docid>::max()) {
            invalid = Status::Unsupported("publication id " + std::to_string(c.id) + " exceeds Xapian's document ids");
            return false;
          }
          try {
            ShardDocument d;
            d.docid = static_cast<Xapian::docid>(c.id);
            if (o.legal_status) d.status = o.legal_status(*c.record);
            if (writers_build) {
              d.record = *c.record;
              d.forward_citations = c.forward_citations;
            } else {
              d.doc = BuildDocument(*c.record, c.forward_citations, d.status ? &*d.status : nullptr);
            }
            writers.Submit(std::move(d));
            const uint32_t docid = static_cast<uint32_t>(c.id);
            // A segment takes ascending ids; an id out of order starts the next.
            if (docid <= last_text_docid || text->MemoryBytes() >= kRebuildSegmentBytes) {
              if (Status st = flush_text(); !st.ok()) {
                invalid = st;
                return false;
              }
            }
            AddFreeText(*text, docid, *c.record);
            last_text_docid = docid;
          } catch (const Xapian::Error& e) {
            invalid = StatusFromXapian(e, "index");
            return false;
          } catch (const std::exception& e) {
            invalid = Status::Internal(std::string("index: ") + e.what());
            return false;
          }
          applied = std::max(applied, c.change_sequence);
          if (progress && ++submitted % kProgressEvery == 0)
            progress(writers.written(), std::max(total, writers.written()));
          return true;
        },
        /*with_description=*/true);
    Result<std::vector<fs::path>> parts = writers.Finish();
    stats.documents_indexed = writers.written();
    Status st = !parts.ok() ? parts.status() : !read.ok() ? read : invalid;
    if (st.ok()) st = flush_text();
    if (!st.ok()) {
      discard();
      return st;
    }
    if (parts->empty()) {
      Xapian::WritableDatabase(fresh.string(), Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_BACKEND_GLASS).close();
    } else if (Status merged = MergeShards(*parts, scratch, fresh, o.rebuild_writers); !merged.ok()) {
      discard();
      return merged;
    }
    // The text segments: one, in the new index.
    std::string text_segments;
    if (!text_parts.empty()) {
      text_segments = "text.1.seg";
      Status moved;
      if (text_parts.size() == 1) {
        fs::rename(text_parts[0], fresh / text_segments, ec);
        if (ec) moved = Status::IOError("cannot move " + text_parts[0].string() + ": " + ec.message());
      } else {
        moved = MergeSegmentFiles(text_parts, [](uint32_t) { return true; }, fresh / text_segments);
      }
      if (!moved.ok()) {
        discard();
        return moved;
      }
    }
    fs::remove_all(scratch, ec);
    Result<std::string> store_id = store.StoreId();
    if (!store_id.ok()) {
      discard();
      return store_id.status();
    }
    {
      Xapian::WritableDatabase db(fresh.string(), Xapian::DB_OPEN | Xapian::DB_BACKEND_GLASS);
      SetMetadata(db, *store_id, applied);
      db.set_metadata(kMetaTextSegments, text_segments);
      db.commit();
      stats.documents_total = db.get_doccount();
    }
    if (progress) progress(stats.documents_indexed, std::max(total, stats.documents_indexed));
    rep_->wdb.close();
    fs::rename(rep_->dir, old, ec);
    if (ec) return Status::IOError("cannot replace " + rep_->dir.string() + ": " + ec.message());
    fs::rename(fresh, rep_->dir, ec);
    if (ec) return Status::IOError("cannot move the rebuilt index to " + rep_->dir.string() + ": " + ec.message());
    fs::remove_all(old, ec);
    rep_->wdb = Xapian::WritableDatabase(rep_->dir.string(), Xapian::DB_CREATE_OR_OPEN | Xapian::DB_BACKEND_GLASS);
  } catch (const Xapian::Error& e) {
    discard();
    return LockedOrOther(e, rep_->dir);
  }
  stats.seconds = SecondsSince(start);
  return stats;
}

namespace {

// Why the index must be rebuilt rather than caught up; "" when it need not.
std::string RebuildReason(const Xapian::Database& db, const std::filesystem::path& dir, const std::string& store_id,
                          int64_t store_sequence) {
  const std::string format = db.get_metadata(kMetaFormatVersion);
  const std::string applied = db.get_metadata(kMetaAppliedSequence);
  if (format.empty() || applied.empty()) return "new or incomplete index";
  if (ParseInt(format, -1) != kIndexFormatVersion) return "index format " + format;
  if (db.get_metadata(kMetaStoreId) != store_id) return "index of another store";
  if (ParseInt(applied, -1) < 0 || ParseInt(applied, -1) > store_sequence) return "index ahead of the store";
  std::istringstream segments(db.get_metadata(kMetaTextSegments));
  std::error_code ec;
  for (std::string name; segments >> name;)
    if (!IsSegmentFileName(name) || !std::filesystem::is_regular_file(dir / name, ec))
      return "text segment " + name + " missing";
  return "";
}

}  // namespace

Result<IndexUpdateStats> PatentIndex::CatchUp(PatentStore& store, const IndexProgressFn& progress) {
  if (!rep_->writable) return Status::InvalidArgument("CatchUp: the index is open for reading");
  const auto start = std::chrono::steady_clock::now();
  ASSIGN_OR_RETURN(std::string store_id, store.StoreId());
  ASSIGN_OR_RETURN(int64_t store_sequence, store.LastChangeSequence());
  IndexUpdateStats stats;
  try {
    if (!RebuildReason(rep_->wdb, rep_->dir, store_id, store_sequence).empty()) return Rebuild(store, progress);
    const int64_t applied = ParseInt(rep_->Meta(kMetaAppliedSequence), 0);
    if (applied < store_sequence)
      RETURN_IF_ERROR(rep_->Apply(store, applied, progress, stats));
    stats.documents_total = rep_->wdb.get_doccount();
  } catch (const Xapian::Error& e) {
    return LockedOrOther(e, rep_->dir);
  }
  stats.seconds = SecondsSince(start);
  return stats;
}

Result<bool> PatentIndex::UpToDate(PatentStore& store) {
  ASSIGN_OR_RETURN(std::string store_id, store.StoreId());
  ASSIGN_OR_RETURN(int64_t store_sequence, store.LastChangeSequence());
  try {
    if (!RebuildReason(rep_->db(), rep_->dir, store_id, store_sequence).empty()) return false;
    return ParseInt(rep_->Meta(kMetaAppliedSequence), 0) == store_sequence;
  } catch (const Xapian::Error& e) {
    return StatusFromXapian(e, "index " + rep_->dir.string());
  }
}

}  // namespace patnav::index
