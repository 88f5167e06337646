// RecordQueryMatcher: BuildDocument documents, asked by set operations over
// their postings or, when a query needs more, in an in-memory Xapian
// database with boolean weighting (record_query_matcher.h).
#include "index/record_query_matcher.h"

#include <algorithm>
#include <cassert>
#include <optional>
#include <iterator>
#include <unordered_map>

#include <xapian.h>

#include "index/document_builder.h"
#include "index/document_terms.h"
#include "index/index_schema.h"
#include "index/plan_vocabulary.h"
#include "index/query_builder.h"
#include "index/query_gate.h"
#include "index/query_limits.h"
#include "index/query_parser.h"
#include "index/text_analysis.h"
#include "index/xapian_status.h"

namespace patnav::index {

// Documents are kept as built; their terms are also laid out as postings
// (term -> ascending ids), which answer every purely boolean query -- terms
// combined by AND, OR, AND_NOT and the like, what most saved queries are --
// by set operations, with Xapian's own matching semantics. Only a query
// needing more (a phrase, NEAR, a wildcard, a value range) puts the
// documents into an in-memory Xapian database, once, and asks it there:
// building that database is most of the cost of matching.
struct RecordQueryMatcher::Impl {
  bool positions = true;
  bool descriptions = true;  // lay out the descriptions' words in the postings
  std::shared_ptr<const std::unordered_set<std::string>> terms;  // the only terms laid out; null: all
  std::shared_ptr<const std::vector<std::string_view>> skip;     // fields not laid out (Plan::skip)
  // With `terms`: each planned term's postings (in `postings`), by the
  // term's address in `terms`, so that a record's term costs one lookup
  // of its text (in `terms`) and no copy of it.
  std::unordered_map<const std::string*, std::vector<uint32_t>*> planned;
  // With `vocabulary` (Plan::vocabulary): each planned term's postings by
  // the term's number, filled on first use.
  std::shared_ptr<const PlanVocabulary> vocabulary;
  std::vector<std::vector<uint32_t>*> by_number;
  struct Pending {
    uint32_t id;
    const PatentRecord* record;
    int64_t forward_citations;
    std::optional<IndexedLegalStatus> status;
  };
  std::vector<Pending> pending;  // not yet in `db`
  std::unordered_map<std::string, std::vector<uint32_t>> postings;
  std::vector<uint32_t> all;  // every id, ascending once `sorted`
  bool sorted = true;
  std::unique_ptr<Xapian::WritableDatabase> db;  // made on the first query that needs it

  void Sort() {
    if (sorted) return;
    std::sort(all.begin(), all.end());
    for (auto& [term, ids] : postings) std::sort(ids.begin(), ids.end());
    sorted = true;
  }

  // Lays out the planned postings of record `id` through `vocabulary`:
  // the same as looking each term of ForEachDocumentTermExcept up in
  // `terms`, one hash lookup per word.
  void AddPlanned(uint32_t id, const PatentRecord& r, const IndexedLegalStatus* status) {
    const PlanVocabulary& v = *vocabulary;
    auto post = [&](uint32_t number) {
      std::vector<uint32_t>*& ids = by_number[number];
      if (!ids) ids = &postings[v.term(number)];
      // A term repeated in the record finds its postings ending with `id`.
      if (ids->empty() || ids->back() != id) ids->push_back(id);
    };
    PlanVocabulary::Session words = v.Open();
    int field = -1;
    const std::function<void(const TextToken&)> on_token = [&](const TextToken& token) {
      words.ForEachPlanned(token, field, post);
    };
    ForEachDocumentField(
        r,
        [&](std::string_view text, std::string_view prefix) {
          field = v.FieldOf(prefix);
          if (field >= 0) ForEachToken(text, on_token);
        },
        [&](const std::string& term) {
          if (const uint32_t number = v.IndexOf(term); number != PlanVocabulary::kNone) post(number);
        },
        descriptions, status, skip.get());
  }

  Xapian::WritableDatabase& Database() {
    if (!db) db = std::make_unique<Xapian::WritableDatabase>(std::string(), Xapian::DB_BACKEND_INMEMORY);
    for (const Pending& p : pending)
      db->replace_document(p.id, BuildDocument(*p.record, p.forward_citations, p.status ? &*p.status : nullptr,
                                               {.positions = positions, .data = false}));
    pending.clear();
    return *db;
  }
};

namespace {

using Ids = std::vector<uint32_t>;

Ids Intersect(const Ids& a, const Ids& b) {
  Ids out;
  std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
  return out;
}
Ids Unite(const Ids& a, const Ids& b) {
  Ids out;
  std::set_union(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
  return out;
}
Ids Subtract(const Ids& a, const Ids& b) {
  Ids out;
  std::set_difference(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
  return out;
}

// The ids matching `q` from the postings alone; nullopt when `q` holds an
// operator that needs the documents themselves.
std::optional<Ids> Boolean(const Xapian::Query& q, const RecordQueryMatcher::Impl& m);

}  // namespace

namespace {

std::optional<Ids> Boolean(const Xapian::Query& q, const RecordQueryMatcher::Impl& m) {
  const size_t n = q.get_num_subqueries();
  switch (q.get_type()) {
    case Xapian::Query::LEAF_TERM: {
      auto t = q.get_unique_terms_begin();
      if (t == q.get_unique_terms_end() || (*t).empty()) return m.all;
      auto it = m.postings.find(*t);
      return it == m.postings.end() ? Ids() : it->second;
    }
    case Xapian::Query::LEAF_MATCH_ALL: return m.all;
    case Xapian::Query::LEAF_MATCH_NOTHING: return Ids();
    case Xapian::Query::OP_AND:
    case Xapian::Query::OP_FILTER: {
      std::optional<Ids> acc;
      for (size_t i = 0; i < n; ++i) {
        std::optional<Ids> c = Boolean(q.get_subquery(i), m);
        if (!c) return std::nullopt;
        acc = acc ? Intersect(*acc, *c) : std::move(*c);
      }
      return acc ? std::move(*acc) : Ids();
    }
    case Xapian::Query::OP_OR:
    case Xapian::Query::OP_SYNONYM:
    case Xapian::Query::OP_ELITE_SET:
    case Xapian::Query::OP_MAX: {
      Ids acc;
      for (size_t i = 0; i < n; ++i) {
        std::optional<Ids> c = Boolean(q.get_subquery(i), m);
        if (!c) return std::nullopt;
        acc = Unite(acc, *c);
      }
      return acc;
    }
    case Xapian::Query::OP_AND_NOT: {
      if (n == 0) return Ids();
      std::optional<Ids> acc = Boolean(q.get_subquery(0), m);
      for (size_t i = 1; acc && i < n; ++i) {
        std::optional<Ids> c = Boolean(q.get_subquery(i), m);
        if (!c) return std::nullopt;
        acc = Subtract(*acc, *c);
      }
      return acc;
    }
    case Xapian::Query::OP_AND_MAYBE:
    case Xapian::Query::OP_SCALE_WEIGHT:
      if (n == 0) return Ids();
      return Boolean(q.get_subquery(0), m);
    default:
      return std::nullopt;
  }
}

bool AsksLegalStatus(const QueryNode& n) {
  if (n.field == Field::kLegalStatus || n.field == Field::kExpiry) return true;
  for (const QueryNode& c : n.children)
    if (AsksLegalStatus(c)) return true;
  return false;
}

// True when `query` parses and asks LS= or EX=.
bool AsksLegalStatus(std::string_view query) {
  Result<QueryAst> ast = ParseQuery(query);
  return ast.ok() && AsksLegalStatus(ast->root);
}

bool Positional(const Xapian::Query& q) {
  const Xapian::Query::op op = q.get_type();
  if (op == Xapian::Query::OP_PHRASE || op == Xapian::Query::OP_NEAR) return true;
  for (size_t i = 0; i < q.get_num_subqueries(); ++i)
    if (Positional(q.get_subquery(i))) return true;
  return false;
}

}  // namespace

RecordQueryMatcher::RecordQueryMatcher(bool positions, bool descriptions) : impl_(std::make_unique<Impl>()) {
  impl_->positions = positions;
  impl_->descriptions = descriptions;
}

RecordQueryMatcher::RecordQueryMatcher(Plan plan) : impl_(std::make_unique<Impl>()) {
  impl_->positions = plan.positions;
  impl_->descriptions = plan.descriptions;
  impl_->terms = std::move(plan.terms);
  if (!impl_->terms) return;
  impl_->skip = std::move(plan.skip);
  if (plan.vocabulary) {
    assert(plan.vocabulary->terms() == impl_->terms.get());
    impl_->vocabulary = std::move(plan.vocabulary);
    impl_->by_number.assign(impl_->vocabulary->size(), nullptr);
  }
}

RecordQueryMatcher::Plan RecordQueryMatcher::PlanFor(const std::vector<std::string>& queries) {
  Plan plan{.positions = false, .descriptions = false, .legal_status = false, .terms = nullptr, .skip = nullptr,
            .vocabulary = nullptr};
  auto terms = std::make_shared<std::unordered_set<std::string>>();
  try {
    Xapian::WritableDatabase empty(std::string(), Xapian::DB_BACKEND_INMEMORY);
    for (const std::string& query : queries) {
      Result<Xapian::Query> q = ParseAndBuild(query, QueryLimits{}, empty);
      if (!q.ok()) return Plan{};
      plan.positions = plan.positions || Positional(*q);
      plan.descriptions = plan.descriptions || q->get_description().find(kDescription) != std::string::npos;
      plan.legal_status = plan.legal_status || AsksLegalStatus(query);
      // The terms as Match will ask them (built without a database).
      Result<Xapian::Query> asked = ParseAndBuild(query, QueryLimits{});
      if (!asked.ok()) return Plan{};
      for (auto t = asked->get_terms_begin(); t != asked->get_terms_end(); ++t) terms->insert(*t);
    }
  } catch (const Xapian::Error&) {
    return Plan{};
  }
  // A field's terms start with its prefix, the stemmed ones with "Z" and
  // the prefix (text_analysis.h); a prefix that is the start of another's
  // only keeps a field that could have been skipped.
  auto skip = std::make_shared<std::vector<std::string_view>>();
  for (std::string_view prefix : {kTitle, kAbstract, kClaims, kDescription, kApplicantText, kInventorText, kId,
                                  kApplicantKey, kCountry, kKind, kIpc, kCpc, kYear, kCitation, kLegalState}) {
    const std::string stemmed = "Z" + std::string(prefix);
    bool read = false;
    for (const std::string& t : *terms)
      if (t.starts_with(prefix) || t.starts_with(stemmed)) {
        read = true;
        break;
      }
    if (!read) skip->push_back(prefix);
  }
  plan.vocabulary = std::make_shared<const PlanVocabulary>(terms);
  plan.terms = std::move(terms);
  plan.skip = std::move(skip);
  return plan;
}

Result<RecordQueryMatcher::QueryNeeds> RecordQueryMatcher::Needs(std::string_view query) {
  try {
    Xapian::WritableDatabase empty(std::string(), Xapian::DB_BACKEND_INMEMORY);
    ASSIGN_OR_RETURN(Xapian::Query q, ParseAndBuild(query, QueryLimits{}, empty));
    QueryNeeds needs;
    needs.positions = Positional(q);
    // Every term and wildcard pattern appears in the description with its
    // prefix; a false "yes" (a name holding the letters) only costs time.
    needs.descriptions = q.get_description().find(kDescription) != std::string::npos;
    needs.legal_status = AsksLegalStatus(query);
    return needs;
  } catch (const Xapian::Error& e) {
    return StatusFromXapian(e, "record matcher");
  }
}
RecordQueryMatcher::~RecordQueryMatcher() = default;
RecordQueryMatcher::RecordQueryMatcher(RecordQueryMatcher&&) noexcept = default;
RecordQueryMatcher& RecordQueryMatcher::operator=(RecordQueryMatcher&&) noexcept = default;

Status RecordQueryMatcher::Add(uint32_t id, const PatentRecord& r, int64_t forward_citations,
                               const IndexedLegalStatus* status) {
  if (id == 0) return Status::InvalidArgument("RecordQueryMatcher::Add: id 0");
  try {
    // A term repeated in the record finds its postings ending with `id`
    // (ids are unique, and only this record's are added meanwhile).
    auto post = [id](std::vector<uint32_t>& ids) {
      if (ids.empty() || ids.back() != id) ids.push_back(id);
    };
    if (impl_->vocabulary) {
      impl_->AddPlanned(id, r, status);
    } else if (const std::unordered_set<std::string>* wanted = impl_->terms.get()) {
      ForEachDocumentTermExcept(
          r,
          [&](const std::string& term) {
            auto w = wanted->find(term);
            if (w == wanted->end()) return;
            std::vector<uint32_t>*& ids = impl_->planned[&*w];
            if (!ids) ids = &impl_->postings[*w];
            post(*ids);
          },
          impl_->descriptions, status, impl_->skip.get());
    } else {
      ForEachDocumentTerm(
          r, [&](const std::string& term) { post(impl_->postings[term]); }, impl_->descriptions, status);
    }
    if (!impl_->all.empty() && id <= impl_->all.back()) impl_->sorted = false;
    impl_->all.push_back(id);
    impl_->pending.push_back(
        {id, &r, forward_citations, status ? std::optional<IndexedLegalStatus>(*status) : std::nullopt});
  } catch (const Xapian::Error& e) {
    return StatusFromXapian(e, "record matcher");
  }
  return Status::OK();
}

// The query as built without a database (what the postings answer), and
// whether the plan laid out every term it asks.
struct RecordQueryMatcher::Compiled {
  std::string text;
  Xapian::Query plain;
  bool planned = true;
};

namespace {

bool Planned(const Xapian::Query& q, const std::unordered_set<std::string>* terms) {
  if (!terms) return true;
  for (auto t = q.get_terms_begin(); t != q.get_terms_end(); ++t)
    if (!terms->count(*t)) return false;
  return true;
}

}  // namespace

Result<std::shared_ptr<const RecordQueryMatcher::Compiled>> RecordQueryMatcher::Compile(std::string_view query,
                                                                                         const Plan& plan) {
  try {
    auto out = std::make_shared<Compiled>();
    out->text = std::string(query);
    ASSIGN_OR_RETURN(out->plain, ParseAndBuild(query, QueryLimits{}));
    out->planned = Planned(out->plain, plan.terms.get());
    return std::shared_ptr<const Compiled>(std::move(out));
  } catch (const Xapian::Error& e) {
    return StatusFromXapian(e, "record matcher");
  }
}

Result<std::vector<uint32_t>> RecordQueryMatcher::Match(const Compiled& query) {
  try {
    if (query.planned) {
      if (impl_->all.empty()) return std::vector<uint32_t>();
      impl_->Sort();
      if (std::optional<Ids> boolean = Boolean(query.plain, *impl_)) return std::move(*boolean);
    }
  } catch (const Xapian::Error& e) {
    return StatusFromXapian(e, "record matcher");
  }
  return Match(std::string_view(query.text));
}

Result<std::vector<uint32_t>> RecordQueryMatcher::Match(std::string_view query) {
  try {
    std::vector<uint32_t> ids;
    Result<Xapian::Query> plain = ParseAndBuild(query, QueryLimits{});
    // The postings answer only for terms the plan laid out.
    const bool planned = plain.ok() && Planned(*plain, impl_->terms.get());
    if (plain.ok() && planned) {
      if (impl_->all.empty()) return ids;
      impl_->Sort();
      if (std::optional<Ids> boolean = Boolean(*plain, *impl_)) return std::move(*boolean);
      // A query none of whose gate terms any document holds matches nothing
      // (query_gate.h): answered without building the database.
      if (std::optional<std::vector<std::string>> gate = QueryGate(*plain)) {
        bool open = false;
        for (const std::string& t : *gate) open = open || impl_->postings.count(t) > 0;
        if (!open) return ids;
      }
    }
    // Built again against the documents, which wildcards need.
    Xapian::WritableDatabase& db = impl_->Database();
    ASSIGN_OR_RETURN(Xapian::Query q, ParseAndBuild(query, QueryLimits{}, db));
    if (db.get_doccount() == 0) return ids;
    Xapian::Enquire enquire(db);
    enquire.set_query(q);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    const Xapian::doccount all = db.get_doccount();
    Xapian::MSet mset = enquire.get_mset(0, all, all);
    for (auto it = mset.begin(); it != mset.end(); ++it) ids.push_back(*it);
    std::sort(ids.begin(), ids.end());
    return ids;
  } catch (const Xapian::Error& e) {
    return StatusFromXapian(e, "record matcher");
  }
}

std::map<std::string, std::vector<uint32_t>> RecordQueryMatcher::Postings() {
  impl_->Sort();
  return std::map<std::string, std::vector<uint32_t>>(impl_->postings.begin(), impl_->postings.end());
}

int64_t RecordQueryMatcher::size() const { return static_cast<int64_t>(impl_->all.size()); }

}  // namespace patnav::index
