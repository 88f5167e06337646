// SegmentCatalog: names "text.N.seg" numbered upwards, the list in the
// metadata key kMetaTextSegments, merges past kMaxSegments.
#include "index/segment_catalog.h"

#include <algorithm>
#include <sstream>

#include "index/document_builder.h"
#include "index/segment_merge.h"
#include "index/text_analysis.h"
#include "index/text_segment_set.h"

namespace patnav::index {
namespace {

// N of "text.N.seg", or 0 when `name` is not one.
uint64_t SegmentNumber(const std::string& name) {
  if (!name.starts_with("text.") || !name.ends_with(".seg") || name.size() <= 9) return 0;
  uint64_t n = 0;
  for (char c : std::string_view(name).substr(5, name.size() - 9)) {
    if (c < '0' || c > '9' || n > (UINT64_MAX - 9) / 10) return 0;
    n = n * 10 + static_cast<uint64_t>(c - '0');
  }
  return n;
}

}  // namespace

bool IsSegmentFileName(const std::string& name) { return SegmentNumber(name) > 0; }

void AddFreeText(TextSegmentWriter& writer, uint32_t docid, const PatentRecord& r, bool description) {
  writer.BeginDocument(docid);
  ForEachFreeText(
      r,
      [&](std::string_view text, std::string_view prefix, Xapian::termpos* pos) {
        ForEachIndexTerm(text, prefix, pos, [&](const std::string& term, Xapian::termpos at) { writer.Add(term, at); });
      },
      description);
  writer.EndDocument();
}

SegmentCatalog::SegmentCatalog(std::filesystem::path dir, const Xapian::Database& db) : dir_(std::move(dir)) {
  std::istringstream listed(db.get_metadata(kMetaTextSegments));
  for (std::string name; listed >> name;) {
    names_.push_back(name);
    next_ = std::max(next_, SegmentNumber(name) + 1);
  }
  // Dead files of a crash may carry higher numbers: never reuse a name.
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(dir_, ec))
    next_ = std::max(next_, SegmentNumber(e.path().filename().string()) + 1);
}

std::string SegmentCatalog::NewName() { return "text." + std::to_string(next_++) + ".seg"; }

Status SegmentCatalog::Add(std::vector<std::pair<uint32_t, const PatentRecord*>> records) {
  if (records.empty()) return Status::OK();
  std::sort(records.begin(), records.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  TextSegmentWriter writer;
  for (const auto& [docid, record] : records) AddFreeText(writer, docid, *record);
  const std::string name = NewName();
  RETURN_IF_ERROR(writer.Write(dir_ / name));
  names_.push_back(name);
  return Status::OK();
}

void SegmentCatalog::Name(Xapian::WritableDatabase& db) const {
  std::string list;
  for (const std::string& n : names_) {
    if (!list.empty()) list += ' ';
    list += n;
  }
  db.set_metadata(kMetaTextSegments, list);
}

Status SegmentCatalog::Compact(Xapian::WritableDatabase& db) {
  if (names_.size() > kMaxSegments) {
    std::vector<std::filesystem::path> inputs;
    for (const std::string& n : names_) inputs.push_back(dir_ / n);
    // Live: the documents this revision holds.
    std::vector<bool> live(static_cast<size_t>(db.get_lastdocid()) + 1, false);
    for (auto p = db.postlist_begin(""); p != db.postlist_end(""); ++p) live[*p] = true;
    const std::string merged = NewName();
    RETURN_IF_ERROR(MergeSegmentFiles(
        inputs, [&](uint32_t d) { return d < live.size() && live[d]; }, dir_ / merged));
    names_ = {merged};
    Name(db);
    db.commit();
  }
  Prune();
  return Status::OK();
}

void SegmentCatalog::Prune() const {
  std::error_code ec;
  std::vector<std::filesystem::path> dead;
  for (const auto& e : std::filesystem::directory_iterator(dir_, ec)) {
    const std::string name = e.path().filename().string();
    if (IsSegmentFileName(name) && std::find(names_.begin(), names_.end(), name) == names_.end())
      dead.push_back(e.path());
  }
  for (const auto& p : dead) std::filesystem::remove(p, ec);
}

}  // namespace patnav::index
