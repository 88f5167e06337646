// PostingColumns::Load: document lengths from the all-documents list, then
// the frequent terms of each cached prefix, most frequent first, each
// posting list read once from Xapian into a bitmap and a wdf column.
#include "index/posting_columns.h"

#include <algorithm>
#include <string_view>
#include <utility>

#include "index/index_schema.h"
#include "index/ranking.h"

namespace patnav::index {
namespace {

// Memory a cached term takes besides its postings: the map entry.
size_t EntryBytes(const std::string& term) { return term.size() + 64; }

}  // namespace

std::shared_ptr<const PostingColumns> PostingColumns::Load(const Xapian::Database& db, Options options) {
  auto out = std::make_shared<PostingColumns>();
  out->documents_ = db.get_doccount();
  const Xapian::docid last = db.get_lastdocid();
  const double average = db.get_avlength();
  out->norm_.assign(static_cast<size_t>(last) + 1, 0.0f);
  for (auto p = db.postlist_begin(""); p != db.postlist_end(""); ++p) {
    if (*p > last) break;
    out->norm_[*p] = static_cast<float>(Bm25LengthNorm(static_cast<double>(p.get_doclength()), average));
  }
  out->bytes_ = out->norm_.capacity() * sizeof(float);

  const uint32_t min_tf = options.min_termfreq ? options.min_termfreq
                                               : std::max<uint32_t>(64, out->documents_ / 2000);
  std::vector<std::string> prefixes;
  for (std::string_view p : kFullTextPrefixes) prefixes.push_back("Z" + std::string(p));
  for (std::string_view p : {kApplicantText, kInventorText}) prefixes.push_back("Z" + std::string(p));
  for (std::string_view p : {kIpc, kCpc, kCountry, kKind, kApplicantKey}) prefixes.emplace_back(p);
  std::vector<std::pair<uint32_t, std::string>> candidates;
  for (const std::string& prefix : prefixes)
    for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t)
      if (t.get_termfreq() >= min_tf) candidates.emplace_back(t.get_termfreq(), *t);
  std::sort(candidates.begin(), candidates.end(),
            [](const auto& a, const auto& b) { return a.first != b.first ? a.first > b.first : a.second < b.second; });

  std::vector<uint32_t> docs;
  std::vector<uint8_t> wdf;
  for (const auto& [termfreq, term] : candidates) {
    // Its wdf column alone would not fit: skip it without reading it.
    if (out->bytes_ + termfreq + EntryBytes(term) > options.budget_bytes) continue;
    docs.clear();
    wdf.clear();
    for (auto p = db.postlist_begin(term); p != db.postlist_end(term); ++p) {
      docs.push_back(*p);
      wdf.push_back(static_cast<uint8_t>(std::min<Xapian::termcount>(p.get_wdf(), 255)));
    }
    roaring_bitmap_t* bitmap = roaring_bitmap_of_ptr(docs.size(), docs.data());
    roaring_bitmap_run_optimize(bitmap);
    roaring_bitmap_shrink_to_fit(bitmap);
    Postings postings(bitmap, std::vector<uint8_t>(wdf.begin(), wdf.end()));
    const size_t bytes = postings.MemoryBytes() + EntryBytes(term);
    if (out->bytes_ + bytes > options.budget_bytes) continue;
    out->bytes_ += bytes;
    out->postings_ += docs.size();
    out->terms_.emplace(term, std::move(postings));
  }
  return out;
}

}  // namespace patnav::index
