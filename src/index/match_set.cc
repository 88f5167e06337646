// MatchingSet: the syntax tree evaluated bottom-up into bitmaps; each text or
// code leaf is built by the query builder and its Xapian query evaluated
// from posting lists where it is a plain boolean combination of terms.
#include "index/match_set.h"

#include <optional>
#include <string>

#include "index/index_schema.h"
#include "index/near_window.h"
#include "index/phrase_match.h"
#include "index/query_builder.h"
#include "index/text_segment_set.h"

namespace patnav::index {
namespace {

// Sets a bit per document the matcher visits.
class DocSetSpy : public Xapian::MatchSpy {
 public:
  explicit DocSetSpy(DocSet* set) : set_(set) {}
  void operator()(const Xapian::Document& doc, double) override { set_->Add(doc.get_docid()); }

 private:
  DocSet* set_;
};

class Evaluator {
 public:
  Evaluator(const Xapian::Database& db, const QueryLimits& limits, const DateColumns& dates,
            const PostingColumns* postings, NodeSets* node_sets, PhraseCache& phrases)
      : db_(db), limits_(limits), dates_(dates), postings_(postings), node_sets_(node_sets), phrases_(phrases),
        last_(dates.last_docid()) {}

  Result<std::optional<DocSet>> Root(const QueryNode& n) { return Evaluate(n); }

  // nullopt: the node has no searchable word and constrains nothing (as the
  // query builder leaves such a node out).
  Result<std::optional<DocSet>> Node(const QueryNode& n) {
    ASSIGN_OR_RETURN(std::optional<DocSet> s, Evaluate(n));
    if (s && node_sets_ && (n.kind == NodeKind::kAnd || n.kind == NodeKind::kOr)) node_sets_->emplace(&n, *s);
    return s;
  }

 private:
  Result<std::optional<DocSet>> Evaluate(const QueryNode& n) {
    switch (n.kind) {
      case NodeKind::kAnd: {
        std::optional<DocSet> with, without;
        for (const QueryNode& c : n.children) {
          const bool negated = c.kind == NodeKind::kNot;
          ASSIGN_OR_RETURN(std::optional<DocSet> s, Node(negated ? c.children.front() : c));
          if (!s) continue;
          std::optional<DocSet>& into = negated ? without : with;
          if (!into) into = std::move(s);
          else if (negated) into->Or(*s);
          else into->And(*s);
        }
        if (!with && !without) return std::optional<DocSet>();
        DocSet result = with ? std::move(*with) : dates_.all();
        if (without) result.AndNot(*without);
        return std::optional<DocSet>(std::move(result));
      }
      case NodeKind::kOr: {
        std::optional<DocSet> any;
        for (const QueryNode& c : n.children) {
          ASSIGN_OR_RETURN(std::optional<DocSet> s, Node(c));
          if (!s) continue;
          if (!any) any = std::move(s);
          else any->Or(*s);
        }
        return any;
      }
      case NodeKind::kNot: {
        ASSIGN_OR_RETURN(std::optional<DocSet> s, Node(n.children.front()));
        if (!s) return std::optional<DocSet>();
        DocSet result = dates_.all();
        result.AndNot(*s);
        return std::optional<DocSet>(std::move(result));
      }
      case NodeKind::kDate:
        return std::optional<DocSet>(Dates(n));
      case NodeKind::kTerm:
      case NodeKind::kPhrase:
      case NodeKind::kNear:
        break;
    }
    ASSIGN_OR_RETURN(std::optional<Xapian::Query> q, BuildLeafQuery(n, limits_, &db_));
    if (!q) return std::optional<DocSet>();
    return std::optional<DocSet>(FromXapian(*q));
  }

  // As the builder's OP_VALUE_RANGE / _LE / _GE: documents with a date in range.
  DocSet Dates(const QueryNode& n) const {
    const std::vector<uint32_t>& column = dates_.Of(n.field);
    const uint32_t from = n.date_from.value_or(0);
    const uint32_t to = n.date_to.value_or(UINT32_MAX);
    DocSet s(last_);
    for (size_t did = 1; did < column.size(); ++did) {
      const uint32_t d = column[did];
      if (d != 0 && d >= from && d <= to) s.Add(static_cast<Xapian::docid>(did));
    }
    return s;
  }

  DocSet FromXapian(const Xapian::Query& q) {
    switch (q.get_type()) {
      case Xapian::Query::LEAF_TERM: {
        DocSet s(last_);
        const std::string term = *q.get_terms_begin();
        if (const PostingColumns::Postings* cached = postings_ ? postings_->Find(term) : nullptr)
          return cached->Set(last_);
        for (auto p = db_.postlist_begin(term); p != db_.postlist_end(term); ++p) s.Add(*p);
        return s;
      }
      case Xapian::Query::LEAF_MATCH_ALL:
        return dates_.all();
      case Xapian::Query::OP_SCALE_WEIGHT:
        return FromXapian(q.get_subquery(0));
      case Xapian::Query::OP_SYNONYM:
        if (const PostingColumns::Postings* cached = postings_ ? postings_->FindUnion(SubqueryTerms(q)) : nullptr)
          return cached->Set(last_);
        [[fallthrough]];
      case Xapian::Query::OP_OR: {
        DocSet s = FromXapian(q.get_subquery(0));
        for (size_t i = 1; i < q.get_num_subqueries(); ++i) s.Or(FromXapian(q.get_subquery(i)));
        return s;
      }
      case Xapian::Query::OP_AND:
      case Xapian::Query::OP_FILTER: {
        DocSet s = FromXapian(q.get_subquery(0));
        for (size_t i = 1; i < q.get_num_subqueries(); ++i) s.And(FromXapian(q.get_subquery(i)));
        return s;
      }
      case Xapian::Query::OP_AND_NOT: {
        DocSet s = FromXapian(q.get_subquery(0));
        for (size_t i = 1; i < q.get_num_subqueries(); ++i) s.AndNot(FromXapian(q.get_subquery(i)));
        return s;
      }
      case Xapian::Query::OP_PHRASE:
        // The builder's phrases are exact (window = their length): matched
        // once per query, their hits kept for the ranked page (phrase_match.h).
        if (std::vector<std::string> terms = SubqueryTerms(q); terms.size() >= 2) {
          DocSet s(last_);
          for (Xapian::docid did : CachedPhrase(db_, terms, phrases_).docs)
            if (dates_.all().Contains(did)) s.Add(did);
          return s;
        }
        [[fallthrough]];
      case Xapian::Query::OP_NEAR:
        // A NEAR of terms and ORs of terms: in the text segments, when read.
        if (std::optional<DocSet> s = NearFromSegments(q)) return std::move(*s);
        [[fallthrough]];
      default: {  // phrases, NEAR, wildcards: Xapian's matcher, unweighted
        DocSet s(last_);
        DocSetSpy spy(&s);
        Xapian::Enquire enquire(db_);
        enquire.set_query(q);
        enquire.set_weighting_scheme(Xapian::BoolWeight());
        enquire.set_docid_order(Xapian::Enquire::ASCENDING);
        enquire.add_matchspy(&spy);
        enquire.get_mset(0, 0, std::max<Xapian::doccount>(db_.get_doccount(), 1));
        return s;
      }
    }
  }

  // The documents of NEAR query `q` from the text segments; nullopt when
  // there are none, a subquery is not a term or an OR of terms, or a
  // segment cannot be read (Xapian matches it then).
  std::optional<DocSet> NearFromSegments(const Xapian::Query& q) const {
    if (phrases_.segments == nullptr || q.get_type() != Xapian::Query::OP_NEAR) return std::nullopt;
    const std::optional<uint32_t> window = NearWindow(q);
    if (!window) return std::nullopt;
    std::vector<std::vector<std::string>> groups;
    for (size_t i = 0; i < q.get_num_subqueries(); ++i) {
      const Xapian::Query sub = q.get_subquery(i);
      if (sub.get_type() == Xapian::Query::LEAF_TERM) {
        groups.push_back({*sub.get_terms_begin()});
      } else if (sub.get_type() == Xapian::Query::OP_OR) {
        groups.push_back(SubqueryTerms(sub));
        if (groups.back().empty()) return std::nullopt;
      } else {
        return std::nullopt;
      }
    }
    if (groups.size() < 2) return std::nullopt;
    Result<std::vector<uint32_t>> docs = phrases_.segments->Near(groups, *window);
    if (!docs.ok()) return std::nullopt;
    DocSet s(last_);
    for (uint32_t did : *docs)
      if (dates_.all().Contains(did)) s.Add(did);
    return s;
  }

  const Xapian::Database& db_;
  const QueryLimits& limits_;
  const DateColumns& dates_;
  const PostingColumns* postings_;
  NodeSets* node_sets_;
  PhraseCache& phrases_;
  const Xapian::docid last_;
};

}  // namespace

std::vector<std::string> SubqueryTerms(const Xapian::Query& q) {
  std::vector<std::string> terms;
  for (size_t i = 0; i < q.get_num_subqueries(); ++i) {
    const Xapian::Query sub = q.get_subquery(i);
    if (sub.get_type() != Xapian::Query::LEAF_TERM) return {};
    terms.push_back(*sub.get_terms_begin());
  }
  return terms;
}

std::shared_ptr<const DateColumns> DateColumns::Load(const Xapian::Database& db) {
  auto out = std::make_shared<DateColumns>();
  out->last_ = db.get_lastdocid();
  out->all_ = DocSet(out->last_);
  for (auto p = db.postlist_begin(""); p != db.postlist_end(""); ++p) out->all_.Add(*p);
  auto load = [&](Xapian::valueno slot, std::vector<uint32_t>& column) {
    column.assign(static_cast<size_t>(out->last_) + 1, 0);
    for (auto v = db.valuestream_begin(slot); v != db.valuestream_end(slot); ++v) {
      if (v.get_docid() > out->last_) break;
      column[v.get_docid()] = static_cast<uint32_t>(Xapian::sortable_unserialise(*v));
    }
  };
  load(kPublicationDate, out->publication_);
  load(kFilingDate, out->filing_);
  load(kPriorityDate, out->priority_);
  load(kExpiry, out->expiry_);
  return out;
}

const std::vector<uint32_t>& DateColumns::Of(Field field) const {
  if (field == Field::kFilingDate) return filing_;
  if (field == Field::kPriorityDate) return priority_;
  if (field == Field::kExpiry) return expiry_;
  return publication_;
}

size_t DateColumns::MemoryBytes() const {
  return (publication_.capacity() + filing_.capacity() + priority_.capacity() + expiry_.capacity()) * sizeof(uint32_t) +
         all_.MemoryBytes();
}

Result<DocSet> MatchingSet(const Xapian::Database& db, const QueryAst& ast, const QueryLimits& limits,
                           const DateColumns& dates, const PostingColumns* postings, NodeSets* node_sets,
                           PhraseCache* phrases, const TextSegmentSet* segments) {
  PhraseCache local;
  local.segments = segments;
  Evaluator e(db, limits, dates, postings, node_sets, phrases ? *phrases : local);
  ASSIGN_OR_RETURN(std::optional<DocSet> s, e.Root(ast.root));
  if (!s) return DocSet(dates.last_docid());
  return std::move(*s);
}

}  // namespace patnav::index
