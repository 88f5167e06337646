// PostingColumns::Load: document lengths from the all-documents list, then
// the unions of the title/abstract/claims lists of each frequent stem, then
// the frequent terms of each cached prefix, most frequent first, each list
// read once from Xapian into a bitmap and a wdf column.
#include "index/posting_columns.h"

#include <algorithm>
#include <map>
#include <string_view>
#include <utility>

#include "index/doc_set.h"
#include "index/index_schema.h"
#include "index/ranking.h"

namespace patnav::index {
namespace {

// Memory a cached list takes besides its postings: the map entry.
size_t EntryBytes(const std::string& key) { return key.size() + 64; }

// (termfreq, key) pairs by termfreq descending, then key: the order lists
// are offered to the budget in.
void SortMostFrequentFirst(std::vector<std::pair<uint32_t, std::string>>& candidates) {
  std::sort(candidates.begin(), candidates.end(),
            [](const auto& a, const auto& b) { return a.first != b.first ? a.first > b.first : a.second < b.second; });
}

}  // namespace

PostingColumns::Postings::Postings(const std::vector<uint32_t>& docs, const std::vector<uint32_t>& wdf,
                                   Xapian::docid last)
    : wdf_(wdf.size()) {
  for (size_t i = 0; i < wdf.size(); ++i) wdf_[i] = static_cast<uint8_t>(std::min<uint32_t>(wdf[i], 255));
  if (docs.size() * 16 >= static_cast<size_t>(last) + 1) {
    dense_ = DocSet(last);
    for (uint32_t did : docs) dense_.Add(did);
    rank_.resize(dense_.word_count());
    uint32_t before = 0;
    for (size_t w = 0; w < rank_.size(); ++w) {
      rank_[w] = before;
      before += static_cast<uint32_t>(std::popcount(dense_.word(w)));
    }
    return;
  }
  docs_ = roaring_bitmap_of_ptr(docs.size(), docs.data());
  roaring_bitmap_run_optimize(docs_);
  roaring_bitmap_shrink_to_fit(docs_);
}

DocSet PostingColumns::Postings::Set(Xapian::docid last) const {
  if (!docs_ && dense_.word_count() == (static_cast<size_t>(last) >> 6) + 1) return dense_;
  DocSet s(last);
  ForEach([&](Xapian::docid did, uint32_t) { s.Add(did); });
  return s;
}

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
  out->LoadUnions(db, min_tf, options.budget_bytes);
  out->LoadTerms(db, min_tf, options.budget_bytes);
  return out;
}

void PostingColumns::LoadUnions(const Xapian::Database& db, uint32_t min_termfreq, size_t budget_bytes) {
  // Stem -> the largest termfreq of its lists; a union holds at least that.
  std::map<std::string, uint32_t> stems;
  for (std::string_view field : kTacPrefixes) {
    const std::string prefix = "Z" + std::string(field);
    for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) {
      uint32_t& tf = stems[(*t).substr(prefix.size())];
      tf = std::max<uint32_t>(tf, t.get_termfreq());
    }
  }
  std::vector<std::pair<uint32_t, std::string>> candidates;
  for (auto& [stem, tf] : stems)
    if (tf >= min_termfreq) candidates.emplace_back(tf, stem);
  SortMostFrequentFirst(candidates);

  const Xapian::docid last = last_docid();
  std::vector<uint32_t> sum(static_cast<size_t>(last) + 1, 0);  // wdf per document, zero between stems
  std::vector<uint32_t> docs, wdf;
  for (const auto& [tf, stem] : candidates) {
    std::vector<std::string> terms;
    for (std::string_view field : kTacPrefixes) terms.push_back("Z" + std::string(field) + stem);
    const std::string key = UnionKey(terms);
    if (bytes_ + tf + EntryBytes(key) > budget_bytes) continue;
    DocSet holding(last);
    for (const std::string& term : terms)
      for (auto p = db.postlist_begin(term); p != db.postlist_end(term); ++p) {
        if (*p > last) break;
        holding.Add(*p);
        sum[*p] += p.get_wdf();
      }
    docs.clear();
    wdf.clear();
    holding.ForEach([&](Xapian::docid did) {
      docs.push_back(did);
      wdf.push_back(sum[did]);
      sum[did] = 0;
    });
    Keep(unions_, key, Postings(docs, wdf, last), budget_bytes);
  }
}

bool PostingColumns::Keep(std::unordered_map<std::string, Postings>& into, const std::string& key,
                          Postings postings, size_t budget_bytes) {
  const size_t bytes = postings.MemoryBytes() + EntryBytes(key);
  if (bytes_ + bytes > budget_bytes) return false;
  bytes_ += bytes;
  postings_ += postings.termfreq();
  into.emplace(key, std::move(postings));
  return true;
}

void PostingColumns::LoadTerms(const Xapian::Database& db, uint32_t min_termfreq, size_t budget_bytes) {
  std::vector<std::string> prefixes;
  for (std::string_view p : kFullTextPrefixes) prefixes.push_back("Z" + std::string(p));
  for (std::string_view p : {kApplicantText, kInventorText}) prefixes.push_back("Z" + std::string(p));
  for (std::string_view p : {kIpc, kCpc, kCountry, kKind, kApplicantKey}) prefixes.emplace_back(p);
  std::vector<std::pair<uint32_t, std::string>> candidates;
  for (const std::string& prefix : prefixes)
    for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t)
      if (t.get_termfreq() >= min_termfreq) candidates.emplace_back(t.get_termfreq(), *t);
  SortMostFrequentFirst(candidates);

  const Xapian::docid last = last_docid();
  std::vector<uint32_t> docs, wdf;
  for (const auto& [termfreq, term] : candidates) {
    // Its wdf column alone would not fit: skip it without reading it.
    if (bytes_ + termfreq + EntryBytes(term) > budget_bytes) continue;
    docs.clear();
    wdf.clear();
    for (auto p = db.postlist_begin(term); p != db.postlist_end(term); ++p) {
      if (*p > last) break;
      docs.push_back(*p);
      wdf.push_back(p.get_wdf());
    }
    Keep(terms_, term, Postings(docs, wdf, last), budget_bytes);
  }
}

}  // namespace patnav::index
