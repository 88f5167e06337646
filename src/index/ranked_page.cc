// RankMatches: the match set with the sets of the inner AND/OR nodes
// (MatchingSet), then the weights added leaf by leaf into a per-document
// accumulator, each leaf over the documents that reach it (the gate), then
// the best n taken from the hit set with a bounded heap.
#include "index/ranked_page.h"

#include <algorithm>
#include <optional>
#include <string>
#include <unordered_map>

#include "index/phrase_match.h"
#include "index/query_builder.h"
#include "index/ranking.h"

namespace patnav::index {
namespace {

using Xapian::Query;

// True when `q` (a leaf's query) is weighed from posting lists alone: terms,
// synonyms of terms, ORs of those, unweighted filters, and exact phrases of
// terms (weighed from their hits, phrase_match.h).
bool Weighable(const Query& q) {
  switch (q.get_type()) {
    case Query::LEAF_TERM:
    case Query::LEAF_MATCH_ALL:
    case Query::OP_SCALE_WEIGHT:  // the builder scales only to 0 (filters)
      return true;
    case Query::OP_SYNONYM:
      for (size_t i = 0; i < q.get_num_subqueries(); ++i)
        if (q.get_subquery(i).get_type() != Query::LEAF_TERM) return false;
      return true;
    case Query::OP_OR:
      for (size_t i = 0; i < q.get_num_subqueries(); ++i)
        if (!Weighable(q.get_subquery(i))) return false;
      return true;
    case Query::OP_PHRASE:
      return SubqueryTerms(q).size() >= 2;
    default:
      return false;
  }
}

class Ranker {
 public:
  Ranker(const Xapian::Database& db, const QueryLimits& limits, const PostingColumns& postings,
         const NodeSets& node_sets, PhraseCache& phrases, RankScratch& scratch)
      : db_(db), limits_(limits), postings_(postings), node_sets_(node_sets), phrases_(phrases), s_(scratch),
        documents_(static_cast<double>(postings.documents())) {}

  // Builds the query of every leaf; false when one cannot be weighed here.
  Result<bool> Prepare(const QueryNode& n) {
    switch (n.kind) {
      case NodeKind::kNear:
        return false;
      case NodeKind::kDate:
        return true;
      case NodeKind::kPhrase:
      case NodeKind::kTerm: {
        if (n.wildcard && !IsCodeField(n.field)) return false;
        ASSIGN_OR_RETURN(std::optional<Query> q, BuildLeafQuery(n, limits_, &db_));
        if (!q) return true;
        if (!Weighable(*q)) return false;
        leaves_.emplace(&n, std::move(*q));
        return true;
      }
      default:
        for (const QueryNode& c : n.children) {
          ASSIGN_OR_RETURN(bool ok, Prepare(c));
          if (!ok) return false;
        }
        return true;
    }
  }

  // Adds the weight node `n` gives each document of `gate` (documents that
  // reach `n` and match it).
  void Weigh(const QueryNode& n, const DocSet& gate) {
    switch (n.kind) {
      case NodeKind::kAnd:
        for (const QueryNode& c : n.children)
          if (c.kind != NodeKind::kNot) Weigh(c, gate);
        return;
      case NodeKind::kOr:
        for (const QueryNode& c : n.children) {
          if (c.kind == NodeKind::kTerm || c.kind == NodeKind::kPhrase) {
            Weigh(c, gate);  // a leaf weighs only where it occurs: no narrower gate needed
          } else if (auto it = node_sets_.find(&c); it != node_sets_.end()) {
            DocSet narrower = gate;
            narrower.And(it->second);
            Weigh(c, narrower);
          }
        }
        return;
      case NodeKind::kTerm:
      case NodeKind::kPhrase:
        if (auto it = leaves_.find(&n); it != leaves_.end()) WeighQuery(it->second, gate);
        return;
      default:  // NOT, dates: no weight
        return;
    }
  }

 private:
  void WeighQuery(const Query& q, const DocSet& gate) {
    switch (q.get_type()) {
      case Query::LEAF_TERM:
        WeighTerm(*q.get_terms_begin(), gate);
        return;
      case Query::OP_SYNONYM:
        WeighSynonym(SubqueryTerms(q), gate);
        return;
      case Query::OP_OR:
        for (size_t i = 0; i < q.get_num_subqueries(); ++i) WeighQuery(q.get_subquery(i), gate);
        return;
      case Query::OP_PHRASE:
        WeighPhrase(CachedPhrase(db_, SubqueryTerms(q), phrases_), gate);
        return;
      default:  // unweighted filters, match-all
        return;
    }
  }

  // As Xapian weighs a phrase: the sum of its terms' weights (each term as a
  // leaf of its own, a repeated term once per place), where it matches.
  void WeighPhrase(const PhraseHits& hits, const DocSet& gate) {
    const size_t k = hits.terms.size();
    std::vector<double> tw(k);
    for (size_t j = 0; j < k; ++j) {
      const PostingColumns::Postings* p = postings_.Find(hits.terms[j]);
      tw[j] = Bm25TermWeight(documents_, p ? p->termfreq() : db_.get_termfreq(hits.terms[j]));
    }
    for (size_t i = 0; i < hits.docs.size(); ++i) {
      const Xapian::docid did = hits.docs[i];
      if (!gate.Contains(did)) continue;
      for (size_t j = 0; j < k; ++j) AddWeight(did, tw[j], hits.wdf[i * k + j]);
    }
  }

  // Calls fn(docid, wdf) for each posting of `term` whose document is in
  // `gate`, from memory when cached.
  template <typename Fn>
  void ForEachPostingIn(const std::string& term, const DocSet& gate, Fn&& fn) {
    if (const PostingColumns::Postings* p = postings_.Find(term)) return p->ForEachIn(gate, fn);
    for (auto p = db_.postlist_begin(term); p != db_.postlist_end(term); ++p)
      if (gate.Contains(*p)) fn(*p, p.get_wdf());
  }

  // Adds the BM25 weight of `wdf` occurrences of a term weighing `tw`.
  void AddWeight(Xapian::docid did, double tw, double wdf) {
    s_.weight[did] += tw * wdf / (postings_.LengthNorm(did) + wdf);
  }

  void WeighTerm(const std::string& term, const DocSet& gate) {
    const PostingColumns::Postings* p = postings_.Find(term);
    const double tw = Bm25TermWeight(documents_, p ? p->termfreq() : db_.get_termfreq(term));
    ForEachPostingIn(term, gate, [&](Xapian::docid did, uint32_t wdf) { AddWeight(did, tw, wdf); });
  }

  // The documents holding any of `terms`, counted over the whole index.
  double UnionFreq(const std::vector<std::string>& terms) {
    DocSet all(postings_.last_docid());
    for (const std::string& t : terms) {
      if (const PostingColumns::Postings* p = postings_.Find(t)) {
        all.Or(p->Set(postings_.last_docid()));
        continue;
      }
      for (auto p = db_.postlist_begin(t); p != db_.postlist_end(t); ++p) all.Add(*p);
    }
    return static_cast<double>(all.Count());
  }

  // One term over the documents holding any of `terms`, their wdfs summed:
  // from the cached union when there is one, else summed here.
  void WeighSynonym(const std::vector<std::string>& terms, const DocSet& gate) {
    if (const PostingColumns::Postings* u = postings_.FindUnion(terms)) {
      const double tw = Bm25TermWeight(documents_, u->termfreq());
      u->ForEachIn(gate, [&](Xapian::docid did, uint32_t wdf) { AddWeight(did, tw, wdf); });
      return;
    }
    const double tw = Bm25TermWeight(documents_, UnionFreq(terms));
    uint32_t* wdf = s_.wdf.data();
    s_.touched.clear();
    for (const std::string& t : terms)
      ForEachPostingIn(t, gate, [&](Xapian::docid did, uint32_t w) {
        if (wdf[did] == 0) s_.touched.push_back(did);
        wdf[did] += w;
      });
    for (Xapian::docid did : s_.touched) {
      AddWeight(did, tw, wdf[did]);
      wdf[did] = 0;
    }
  }

  const Xapian::Database& db_;
  const QueryLimits& limits_;
  const PostingColumns& postings_;
  const NodeSets& node_sets_;
  PhraseCache& phrases_;
  RankScratch& s_;
  const double documents_;
  std::unordered_map<const QueryNode*, Query> leaves_;
};

// a before b in the ranking.
bool Better(const std::pair<Xapian::docid, double>& a, const std::pair<Xapian::docid, double>& b) {
  return a.second != b.second ? a.second > b.second : a.first < b.first;
}

}  // namespace

Result<std::optional<RankedMatches>> RankMatches(const Xapian::Database& db, const QueryAst& ast,
                                                 const QueryLimits& limits, const DateColumns& dates,
                                                 const PostingColumns& postings, size_t n, RankScratch& scratch,
                                                 const TextSegmentSet* segments) {
  NodeSets node_sets;
  PhraseCache phrases;
  phrases.segments = segments;
  Ranker ranker(db, limits, postings, node_sets, phrases, scratch);
  ASSIGN_OR_RETURN(bool weighable, ranker.Prepare(ast.root));
  if (!weighable) return std::optional<RankedMatches>();
  RankedMatches out;
  ASSIGN_OR_RETURN(out.matches, MatchingSet(db, ast, limits, dates, &postings, &node_sets, &phrases));

  const size_t size = static_cast<size_t>(std::max(dates.last_docid(), postings.last_docid())) + 1;
  if (scratch.weight.size() < size) {
    scratch.weight.assign(size, 0.0);
    scratch.wdf.assign(size, 0);
  }
  ranker.Weigh(ast.root, out.matches);

  // The best n: a heap whose top is the worst kept.
  std::vector<std::pair<Xapian::docid, double>>& best = out.best;
  double* weight = scratch.weight.data();
  out.matches.ForEach([&](Xapian::docid did) {
    const std::pair<Xapian::docid, double> hit{did, weight[did]};
    weight[did] = 0;
    if (best.size() < n) {
      best.push_back(hit);
      std::push_heap(best.begin(), best.end(), Better);
    } else if (n > 0 && Better(hit, best.front())) {
      std::pop_heap(best.begin(), best.end(), Better);
      best.back() = hit;
      std::push_heap(best.begin(), best.end(), Better);
    }
  });
  std::sort(best.begin(), best.end(), Better);
  return std::optional<RankedMatches>(std::move(out));
}

}  // namespace patnav::index
