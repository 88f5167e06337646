// TextSegmentSet: load by the revision's metadata, owner by docid, each
// query run per segment and its hits kept where the segment owns them.
#include "index/text_segment_set.h"

#include <algorithm>
#include <numeric>
#include <sstream>

#include "index/segment_match.h"

namespace patnav::index {

Result<std::shared_ptr<const TextSegmentSet>> TextSegmentSet::Load(const Xapian::Database& db,
                                                                   const std::filesystem::path& index_dir) {
  const std::string listed = db.get_metadata(kMetaTextSegments);
  std::istringstream names(listed);
  std::vector<TextSegment> segments;
  for (std::string name; names >> name;) {
    if (name.find('/') != std::string::npos || name == "." || name == "..")
      return Status::Corruption("index metadata names a text segment outside the index: " + name);
    const std::filesystem::path path = index_dir / name;
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) return Status::NotFound("text segment " + path.string() + " is gone");
    ASSIGN_OR_RETURN(TextSegment seg, TextSegment::Open(path));
    segments.push_back(std::move(seg));
  }
  if (segments.empty()) return std::shared_ptr<const TextSegmentSet>();
  return Of(std::move(segments));
}

std::shared_ptr<const TextSegmentSet> TextSegmentSet::Of(std::vector<TextSegment> segments) {
  std::shared_ptr<TextSegmentSet> set(new TextSegmentSet());
  set->segments_ = std::move(segments);
  set->Index();
  return set;
}

void TextSegmentSet::Index() {
  if (segments_.size() <= 1) return;
  uint32_t max_docid = 0;
  for (const TextSegment& s : segments_)
    if (!s.docids().empty()) max_docid = std::max(max_docid, s.docids().back());
  owner_.assign(static_cast<size_t>(max_docid) + 1, 0);
  for (size_t i = 0; i < segments_.size(); ++i)
    for (uint32_t d : segments_[i].docids()) owner_[d] = static_cast<uint16_t>(i + 1);
}

Result<PhraseHits> TextSegmentSet::Phrase(const std::vector<std::string>& terms) const {
  PhraseHits out;
  out.terms = terms;
  const size_t k = terms.size();
  // Per segment: its owned hits. Segments may interleave docids, so the
  // rows are gathered, then put in docid order.
  std::vector<std::pair<uint32_t, size_t>> order;  // (docid, row in `rows`)
  std::vector<uint32_t> rows;
  for (size_t s = 0; s < segments_.size(); ++s) {
    ASSIGN_OR_RETURN(SegmentPhraseHits hits, MatchPhrase(segments_[s], terms));
    for (size_t i = 0; i < hits.docs.size(); ++i) {
      if (!Owns(s, hits.docs[i])) continue;
      order.emplace_back(hits.docs[i], rows.size() / std::max<size_t>(k, 1));
      rows.insert(rows.end(), hits.wdf.begin() + static_cast<ptrdiff_t>(i * k),
                  hits.wdf.begin() + static_cast<ptrdiff_t>((i + 1) * k));
    }
  }
  std::sort(order.begin(), order.end());
  out.docs.reserve(order.size());
  out.wdf.reserve(order.size() * k);
  for (const auto& [docid, row] : order) {
    out.docs.push_back(docid);
    out.wdf.insert(out.wdf.end(), rows.begin() + static_cast<ptrdiff_t>(row * k),
                   rows.begin() + static_cast<ptrdiff_t>((row + 1) * k));
  }
  return out;
}

Result<std::vector<uint32_t>> TextSegmentSet::Near(const std::vector<std::vector<std::string>>& groups,
                                                   uint32_t window) const {
  std::vector<uint32_t> out;
  for (size_t s = 0; s < segments_.size(); ++s) {
    ASSIGN_OR_RETURN(std::vector<uint32_t> docs, MatchNear(segments_[s], groups, window));
    for (uint32_t d : docs)
      if (Owns(s, d)) out.push_back(d);
  }
  if (segments_.size() > 1) std::sort(out.begin(), out.end());
  return out;
}

}  // namespace patnav::index
