// MatchPhrase: Xapian's matcher for the documents, unweighted and in docid
// order, then each term's posting list walked over the hits for its wdfs.
#include "index/phrase_match.h"

#include <algorithm>

#include "index/text_segment_set.h"

namespace patnav::index {
namespace {

// Appends the id of every document the matcher visits (ascending with
// docid order ASCENDING and BoolWeight).
class HitSpy : public Xapian::MatchSpy {
 public:
  explicit HitSpy(std::vector<Xapian::docid>* docs) : docs_(docs) {}
  void operator()(const Xapian::Document& doc, double) override { docs_->push_back(doc.get_docid()); }

 private:
  std::vector<Xapian::docid>* docs_;
};

}  // namespace

PhraseHits MatchPhrase(const Xapian::Database& db, const std::vector<std::string>& terms) {
  PhraseHits out;
  out.terms = terms;
  for (const std::string& t : terms)
    if (!db.term_exists(t)) return out;
  // The position check is Xapian's (ExactPhrasePostList): it reads each
  // candidate's position lists through one reusable cursor per term, where
  // the public PositionIterator opens a new cursor per list and re-reads the
  // B-tree's blocks from the file (measured: 8 times slower; bench/README.md,
  // "Phrase queries").
  HitSpy spy(&out.docs);
  Xapian::Enquire enquire(db);
  enquire.set_query(Xapian::Query(Xapian::Query::OP_PHRASE, terms.begin(), terms.end(), terms.size()));
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  enquire.set_docid_order(Xapian::Enquire::ASCENDING);
  enquire.add_matchspy(&spy);
  enquire.get_mset(0, 0, std::max<Xapian::doccount>(db.get_doccount(), 1));
  std::sort(out.docs.begin(), out.docs.end());

  const size_t k = terms.size();
  out.wdf.assign(out.docs.size() * k, 0);
  for (size_t j = 0; j < k; ++j) {
    Xapian::PostingIterator p = db.postlist_begin(terms[j]);
    for (size_t i = 0; i < out.docs.size(); ++i) {
      p.skip_to(out.docs[i]);  // present: every hit holds every term
      out.wdf[i * k + j] = p.get_wdf();
    }
  }
  return out;
}

const PhraseHits& CachedPhrase(const Xapian::Database& db, const std::vector<std::string>& terms,
                               PhraseCache& cache) {
  auto it = cache.by_terms.find(terms);
  if (it != cache.by_terms.end()) return it->second;
  if (cache.segments != nullptr && terms.size() >= 2) {
    if (Result<PhraseHits> hits = cache.segments->Phrase(terms); hits.ok())
      return cache.by_terms.emplace(terms, std::move(*hits)).first->second;
  }
  return cache.by_terms.emplace(terms, MatchPhrase(db, terms)).first->second;
}

}  // namespace patnav::index
