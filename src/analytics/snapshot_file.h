// The snapshot on disk: <data dir>/analytics/snapshot.bin, so a landscape
// need not re-read the store. Stamped with the store's id and last change
// sequence; LoadOrBuildSnapshot rebuilds a missing, stale, foreign or
// unreadable file. Format (docs/analyses.md, "Snapshot file"), little-endian:
//   magic "PNSNAPv1", u32 format version (kSnapshotFormatVersion),
//   string store_id, i64 store_sequence, u8 has_text,
//   then every column in a fixed order, each vector as u64 count + raw items,
//   and a final u64 checksum (FNV-1a of all bytes before it).
#pragma once

#include <filesystem>

#include "analytics/snapshot.h"
#include "analytics/snapshot_builder.h"
#include "base/status.h"
#include "store/patent_store.h"

namespace patnav::analytics {

inline constexpr uint32_t kSnapshotFormatVersion = 1;

std::filesystem::path SnapshotPath(const std::filesystem::path& data_dir);

// Writes to a temporary file beside `path` and renames it over `path`.
Status SaveSnapshot(const Snapshot& s, const std::filesystem::path& path);
// Corruption when the file is truncated, of another format or fails its checksum.
Result<Snapshot> LoadSnapshot(const std::filesystem::path& path);

struct SnapshotSource {
  bool loaded = false;  // read from the file (else built from the store)
  bool saved = false;   // written to the file after building
};

// The snapshot of `store` (whose data directory is `data_dir`): the file when
// it reflects the store's current id and change sequence (and has text when
// options.with_text), else built from the store and saved (a failure to save
// is not an error: the snapshot is still returned).
Result<Snapshot> LoadOrBuildSnapshot(const std::filesystem::path& data_dir, PatentStore& store,
                                     const BuildOptions& options = {}, SnapshotSource* source = nullptr);

}  // namespace patnav::analytics
