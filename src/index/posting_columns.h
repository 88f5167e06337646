// Posting columns: the posting lists of the index's frequent terms decoded
// once into memory, and every document's BM25 length normalisation, for
// long-lived searchers (the server, benchmarks). With them a query of words,
// codes and dates is matched and ranked (ranked_page.h) without decoding a
// common term's posting list through Xapian per query. At a million
// documents a common word's lists hold a few hundred thousand postings;
// building a one-word hit set from them took ~3.3 ms through Xapian's
// iterator, ~0.7 ms from a CRoaring copy, and a memcpy from a dense one
// (bench/README.md, "Search").
//
// Which lists: first, for every stemmed word of title, abstract or claims,
// the union of its three lists with the wdfs summed -- what a plain word or
// TAC= searches (the query builder's synonym of "ZS"+stem, "ZXAB"+stem,
// "ZXCL"+stem); then the stemmed words of every text field (prefix "Z" +
// field prefix) and the code terms (IPC, CPC, country, kind, applicant key)
// one by one. Each with at least `min_termfreq` documents, most frequent
// first, until `budget_bytes` is spent. Any other list is read from the
// index when a query needs it: the cache changes speed, never results.
//
// Memory per cached list: its documents (Postings below: at most about 2
// bytes per posting) and one byte of wdf per posting, capped at 255 (BM25
// saturates: counting 300 as 255 changes the weight by 0.07% in a document
// of average length, 0.3% in one five times as long). Plus 4 bytes per
// document for the length.
// Thread-safety: immutable after Load.
#pragma once

#include <algorithm>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <roaring/roaring.h>
#include <xapian.h>

#include "index/doc_set.h"

namespace patnav::index {

class PostingColumns {
 public:
  struct Options {
    uint32_t min_termfreq = 0;          // 0: max(64, documents / 2000)
    size_t budget_bytes = size_t{1} << 30;
  };
  // One cached list: its documents ascending, and wdf[i] of the i-th. A
  // list holding at least one document in 16 is kept as a dense bitmap with
  // a rank directory (the number of members before each 64-bit word), so
  // that it is copied into a hit set with a memcpy and weighed over a
  // smaller hit set without visiting its other postings; a sparser one as a
  // CRoaring bitmap. Either costs at most about 3 bytes per posting.
  class Postings {
   public:
    // REQUIRES: docs ascending, <= last; wdf.size() == docs.size().
    Postings(const std::vector<uint32_t>& docs, const std::vector<uint32_t>& wdf, Xapian::docid last);
    Postings(Postings&& o) noexcept
        : docs_(o.docs_), dense_(std::move(o.dense_)), rank_(std::move(o.rank_)), wdf_(std::move(o.wdf_)) {
      o.docs_ = nullptr;
    }
    Postings(const Postings&) = delete;
    Postings& operator=(const Postings&) = delete;
    ~Postings() {
      if (docs_) roaring_bitmap_free(docs_);
    }
    uint32_t termfreq() const { return static_cast<uint32_t>(wdf_.size()); }
    // The documents as a set able to hold docids 0..last.
    DocSet Set(Xapian::docid last) const;
    // Calls fn(docid, wdf) for every posting, docid ascending.
    template <typename Fn>
    void ForEach(Fn&& fn) const {
      size_t i = 0;
      if (!docs_) {
        dense_.ForEach([&](Xapian::docid did) { fn(did, uint32_t{wdf_[i++]}); });
        return;
      }
      roaring_uint32_iterator_t it;
      roaring_init_iterator(docs_, &it);
      uint32_t buf[256];
      for (uint32_t n; (n = roaring_read_uint32_iterator(&it, buf, 256)) > 0;)
        for (uint32_t k = 0; k < n; ++k, ++i) fn(static_cast<Xapian::docid>(buf[k]), uint32_t{wdf_[i]});
    }
    // Calls fn(docid, wdf) for every posting whose document is in `gate`,
    // docid ascending: a dense list visits only the documents of both.
    template <typename Fn>
    void ForEachIn(const DocSet& gate, Fn&& fn) const {
      if (docs_) {
        ForEach([&](Xapian::docid did, uint32_t wdf) {
          if (gate.Contains(did)) fn(did, wdf);
        });
        return;
      }
      const size_t words = std::min(gate.word_count(), dense_.word_count());
      for (size_t w = 0; w < words; ++w) {
        const uint64_t mine = dense_.word(w);
        for (uint64_t both = mine & gate.word(w); both != 0; both &= both - 1) {
          const int bit = std::countr_zero(both);
          const size_t i = rank_[w] + static_cast<size_t>(std::popcount(mine & ((uint64_t{1} << bit) - 1)));
          fn(static_cast<Xapian::docid>((w << 6) + static_cast<size_t>(bit)), uint32_t{wdf_[i]});
        }
      }
    }
    size_t MemoryBytes() const {
      return (docs_ ? roaring_bitmap_size_in_bytes(docs_) : 0) + dense_.MemoryBytes() +
             rank_.capacity() * sizeof(uint32_t) + wdf_.capacity();
    }

   private:
    roaring_bitmap_t* docs_ = nullptr;  // sparse lists
    DocSet dense_;                      // dense lists
    std::vector<uint32_t> rank_;        // dense lists: members before word i
    std::vector<uint8_t> wdf_;
  };

  // Reads the lengths of every document of `db` and the posting lists of its
  // frequent terms. Throws Xapian::Error.
  static std::shared_ptr<const PostingColumns> Load(const Xapian::Database& db, Options options);
  static std::shared_ptr<const PostingColumns> Load(const Xapian::Database& db) { return Load(db, Options{}); }

  // The cached postings of `term`, or null when it is not cached.
  const Postings* Find(const std::string& term) const {
    auto it = terms_.find(term);
    return it == terms_.end() ? nullptr : &it->second;
  }
  // The cached union of `terms` (documents holding any, wdfs summed), or
  // null when that union is not cached.
  const Postings* FindUnion(const std::vector<std::string>& terms) const {
    auto it = unions_.find(UnionKey(terms));
    return it == unions_.end() ? nullptr : &it->second;
  }
  // BM25's length part for document `did`: k1 * (b * max(len / avg, 0.5) + 1 - b)
  // (ranking.h); 0 beyond the last document loaded.
  float LengthNorm(Xapian::docid did) const { return did < norm_.size() ? norm_[did] : 0.0f; }
  Xapian::doccount documents() const { return documents_; }
  Xapian::docid last_docid() const { return static_cast<Xapian::docid>(norm_.empty() ? 0 : norm_.size() - 1); }
  size_t terms() const { return terms_.size(); }
  size_t unions() const { return unions_.size(); }
  uint64_t postings() const { return postings_; }
  size_t MemoryBytes() const { return bytes_; }

 private:
  Xapian::doccount documents_ = 0;
  std::vector<float> norm_;  // [did]
  static std::string UnionKey(const std::vector<std::string>& terms) {
    std::string key;
    for (const std::string& t : terms) key += t + '\0';
    return key;
  }
  void LoadUnions(const Xapian::Database& db, uint32_t min_termfreq, size_t budget_bytes);
  void LoadTerms(const Xapian::Database& db, uint32_t min_termfreq, size_t budget_bytes);
  // Adds `postings` under `key` when it fits the budget; false when not.
  bool Keep(std::unordered_map<std::string, Postings>& into, const std::string& key, Postings postings,
            size_t budget_bytes);

  std::unordered_map<std::string, Postings> terms_;
  std::unordered_map<std::string, Postings> unions_;  // by UnionKey
  uint64_t postings_ = 0;
  size_t bytes_ = 0;
};

}  // namespace patnav::index
