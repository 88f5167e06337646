// Query builder: one recursive pass over the syntax tree; leaves analysed by
// text_analysis.h, terms counted against the limits as they are made.
#include "index/query_builder.h"

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "index/index_schema.h"
#include "base/strings.h"
#include "index/classification_terms.h"
#include "index/document_builder.h"
#include "index/query_parser.h"
#include "index/text_analysis.h"
#include "index/xapian_status.h"
#include "model/party.h"

namespace patnav::index {

namespace {

using Xapian::Query;

std::string At(int column) { return " at column " + std::to_string(column); }

Query Combine(Query::op op, const std::vector<Query>& parts) {
  if (parts.empty()) return Query();
  if (parts.size() == 1) return parts.front();
  return Query(op, parts.begin(), parts.end());
}

// A filter: matches like `q`, adds no weight.
Query Unweighted(const Query& q) { return Query(Query::OP_SCALE_WEIGHT, q, 0.0); }

// The index key of a classification symbol or level as written, or "" when
// the text is neither ("H01M 10/0525" -> "H01M10/0525", "h01m" -> "H01M").
std::string ClassificationValue(std::string_view text) {
  std::string key = ClassificationKey(text);
  std::vector<std::string> levels = ClassificationLevels(key);
  return !levels.empty() && levels.back() == key ? key : "";
}

// A country or kind code upper-cased, or "" unless it is 1..4 ASCII letters and digits.
std::string CodeValue(std::string_view text) {
  std::string s = AsciiUpper(Trim(text));
  if (s.empty() || s.size() > 4) return "";
  for (char c : s)
    if (!(c >= '0' && c <= '9') && !(c >= 'A' && c <= 'Z')) return "";
  return s;
}

std::vector<std::string_view> TextPrefixes(Field f) {
  switch (f) {
    case Field::kTitle: return {kTitle};
    case Field::kAbstract: return {kAbstract};
    case Field::kClaims: return {kClaims};
    case Field::kTitleAbstract: return {kTitle, kAbstract};
    case Field::kFullText: return {std::begin(kFullTextPrefixes), std::end(kFullTextPrefixes)};
    case Field::kApplicant: return {kApplicantText};
    case Field::kInventor: return {kInventorText};
    default: return {std::begin(kTacPrefixes), std::end(kTacPrefixes)};
  }
}

// True when `token` (one token of Words()) is a CJK run: the analyser always
// separates a CJK run from an adjacent Latin letter, never a word from one.
bool IsCjkToken(const std::string& token) { return Words("x" + token).size() == 2; }

std::string Shown(const QueryNode& n) {
  if (n.kind == NodeKind::kPhrase) return "\"" + n.text + "\"";
  return n.text + (n.wildcard ? "*" : "");
}

// One side of a NEAR within one field prefix: the index terms it may be,
// each a sequence of positional terms at consecutive positions. `singles`
// are one-position alternatives (they go into one OR), `chains` the longer
// ones.
struct NearAlternatives {
  std::vector<std::string> singles;
  std::vector<std::vector<std::string>> chains;
  bool empty() const { return singles.empty() && chains.empty(); }
};
// One side of a NEAR, per field prefix: positions are only comparable within
// one field, so a NEAR is matched in each field its operands share.
using NearOperand = std::map<std::string_view, NearAlternatives>;

class Builder {
 public:
  Builder(const QueryLimits& limits, const Xapian::Database* db) : limits_(limits), db_(db) {}

  Result<Query> Build(const QueryNode& root) {
    ASSIGN_OR_RETURN(Query q, BuildOrEmpty(root));
    if (q.empty()) return Status::InvalidArgument("query has no searchable words");
    return q;
  }

  // As Build, but an empty Query for a tree without a searchable word.
  Result<Query> BuildOrEmpty(const QueryNode& root) {
    ASSIGN_OR_RETURN(Query q, Node(root));
    if (terms_ > limits_.max_terms)
      return Status::InvalidArgument("query too large: " + std::to_string(terms_) + " terms (limit " +
                                     std::to_string(limits_.max_terms) + ")");
    return q;
  }

 private:
  // An empty Query means the node has no searchable word (e.g. "-").
  Result<Query> Node(const QueryNode& n) {
    switch (n.kind) {
      case NodeKind::kAnd: return And(n);
      case NodeKind::kOr: return Or(n);
      case NodeKind::kNot: return Not(n);
      case NodeKind::kNear: return Near(n);
      case NodeKind::kDate: return Date(n);
      case NodeKind::kTerm:
      case NodeKind::kPhrase:
        if (IsCodeField(n.field)) return Code(n);
        return n.kind == NodeKind::kTerm ? Word(n) : Phrase(n);
    }
    return Query();
  }

  Result<Query> And(const QueryNode& n) {
    std::vector<Query> with, without;
    for (const QueryNode& c : n.children) {
      bool negated = c.kind == NodeKind::kNot;
      ASSIGN_OR_RETURN(Query q, Node(negated ? c.children.front() : c));
      if (!q.empty()) (negated ? without : with).push_back(std::move(q));
    }
    if (with.empty() && without.empty()) return Query();
    Query positive = with.empty() ? Query::MatchAll : Combine(Query::OP_AND, with);
    if (without.empty()) return positive;
    return Query(Query::OP_AND_NOT, positive, Combine(Query::OP_OR, without));
  }

  Result<Query> Or(const QueryNode& n) {
    std::vector<Query> parts;
    for (const QueryNode& c : n.children) {
      ASSIGN_OR_RETURN(Query q, Node(c));
      if (!q.empty()) parts.push_back(std::move(q));
    }
    return Combine(Query::OP_OR, parts);
  }

  Result<Query> Not(const QueryNode& n) {
    ASSIGN_OR_RETURN(Query q, Node(n.children.front()));
    if (q.empty()) return Query();
    return Query(Query::OP_AND_NOT, Query::MatchAll, q);
  }

  // Adds the leaf terms of `q` (repeats included) to the count.
  void Count(const Query& q) {
    if (q.get_type() == Query::LEAF_TERM) ++terms_;
    for (size_t i = 0; i < q.get_num_subqueries(); ++i) Count(q.get_subquery(i));
  }

  Result<Query> Word(const QueryNode& n) {
    std::vector<Query> parts;
    for (std::string_view prefix : TextPrefixes(n.field)) {
      ASSIGN_OR_RETURN(Query q, n.wildcard ? Wildcard(n, prefix) : WordQuery(n.text, prefix));
      if (!q.empty()) parts.push_back(std::move(q));
    }
    // One word in several fields weighs as one term (see index_schema.h).
    Query word = Combine(Query::OP_SYNONYM, parts);
    Count(word);
    if (n.field == Field::kApplicant && !parts.empty() && !n.wildcard)
      return Combine(Query::OP_OR, {word, ApplicantKey(n.text)});
    return word;
  }

  Result<Query> Phrase(const QueryNode& n) {
    std::vector<Query> parts;
    for (std::string_view prefix : TextPrefixes(n.field)) {
      Query q = PhraseQuery(n.text, prefix);
      if (!q.empty()) parts.push_back(std::move(q));
    }
    Count(Combine(Query::OP_OR, parts));
    if (n.field == Field::kApplicant && !parts.empty()) parts.push_back(ApplicantKey(n.text));
    return Combine(Query::OP_OR, parts);
  }

  Query ApplicantKey(std::string_view name) {
    std::string key = NormalizeOrganisation(name);
    if (key.empty()) return Query();
    ++terms_;
    return Unweighted(Query(BooleanTerm(kApplicantKey, key)));
  }

  // The one token of a wildcard word, or an error naming it.
  Result<std::string> WildcardToken(const QueryNode& n) {
    std::vector<std::string> words = Words(n.text);
    if (words.size() != 1)
      return Status::InvalidArgument("wildcard '" + Shown(n) + "'" + At(n.column) +
                                     " must be a single word of letters and digits");
    return std::move(words.front());
  }

  Result<Query> Wildcard(const QueryNode& n, std::string_view prefix) {
    ASSIGN_OR_RETURN(std::string token, WildcardToken(n));
    if (IsCjkToken(token)) return WordQuery(token, prefix);
    std::string pattern = std::string(prefix) + token;
    if (db_) RETURN_IF_ERROR(Expand(n, pattern, nullptr));
    ++terms_;
    return Query(Query::OP_WILDCARD, pattern, limits_.max_wildcard_expansion, Query::WILDCARD_LIMIT_ERROR);
  }

  // Checks the expansion of `pattern` in the database against the limit;
  // appends the terms to `out` when given. REQUIRES: db_.
  Status Expand(const QueryNode& n, const std::string& pattern, std::vector<std::string>* out) {
    size_t count = 0;
    try {
      for (auto it = db_->allterms_begin(pattern); it != db_->allterms_end(pattern); ++it) {
        if (++count > limits_.max_wildcard_expansion)
          return Status::InvalidArgument("wildcard '" + Shown(n) + "'" + At(n.column) + " matches more than " +
                                         std::to_string(limits_.max_wildcard_expansion) +
                                         " terms: make it longer");
        if (out) out->push_back(*it);
      }
    } catch (const Xapian::Error& e) {
      return StatusFromXapian(e, "query");
    }
    return Status::OK();
  }

  Result<Query> Code(const QueryNode& n) {
    if (n.field == Field::kLegalStatus) {
      ++terms_;
      return Unweighted(Query(BooleanTerm(kLegalState, n.text)));
    }
    std::string_view prefix = n.field == Field::kIpc ? kIpc
                              : n.field == Field::kCpc ? kCpc
                              : n.field == Field::kCountry ? kCountry
                                                           : kKind;
    bool classification = n.field == Field::kIpc || n.field == Field::kCpc;
    ++terms_;
    if (n.wildcard) {
      std::string stem;
      for (char c : n.text)
        if (c != ' ') stem.push_back(c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c);
      std::string pattern = std::string(prefix) + stem;
      if (db_) RETURN_IF_ERROR(Expand(n, pattern, nullptr));
      return Unweighted(
          Query(Query::OP_WILDCARD, pattern, limits_.max_wildcard_expansion, Query::WILDCARD_LIMIT_ERROR));
    }
    std::string value = classification ? ClassificationValue(n.text) : CodeValue(n.text);
    if (value.empty()) {
      std::string name(NameOfField(n.field));
      std::string hint = classification ? "a level such as H, H01, H01M, H01M10 or H01M 10/0525"
                         : n.field == Field::kCountry ? "a country code such as CN, US or EP"
                                                      : "a kind code such as A1 or B2";
      return Status::InvalidArgument("invalid " + name + " value '" + n.text + "'" + At(n.column) + ": expected " +
                                     hint);
    }
    return Unweighted(Query(BooleanTerm(prefix, value)));
  }

  Result<Query> Date(const QueryNode& n) {
    Xapian::valueno slot = n.field == Field::kPublicationDate ? kPublicationDate
                           : n.field == Field::kFilingDate    ? kFilingDate
                           : n.field == Field::kExpiry        ? kExpiry
                                                              : kPriorityDate;
    auto v = [](uint32_t day) { return Xapian::sortable_serialise(static_cast<double>(day)); };
    if (n.date_from && n.date_to) return Query(Query::OP_VALUE_RANGE, slot, v(*n.date_from), v(*n.date_to));
    if (n.date_to) return Query(Query::OP_VALUE_LE, slot, v(*n.date_to));
    return Query(Query::OP_VALUE_GE, slot, v(n.date_from.value_or(0)));
  }

  // ---- NEAR ----

  Status NearError(const QueryNode& near, const QueryNode& operand, const std::string& why) {
    return Status::InvalidArgument("NEAR/" + std::to_string(near.distances.front()) + At(near.column) +
                                   ": the operand" + At(operand.column) + " " + why);
  }

  Status AddOperand(const QueryNode& near, const QueryNode& n, NearOperand& out) {
    if (n.kind == NodeKind::kOr) {
      for (const QueryNode& c : n.children) RETURN_IF_ERROR(AddOperand(near, c, out));
      return Status::OK();
    }
    if ((n.kind != NodeKind::kTerm && n.kind != NodeKind::kPhrase) || IsCodeField(n.field))
      return NearError(near, n, "must be a word, a phrase or an OR of them");
    for (std::string_view prefix : TextPrefixes(n.field)) {
      NearAlternatives& alts = out[prefix];
      std::vector<std::string> terms;
      if (n.wildcard) {
        ASSIGN_OR_RETURN(std::string token, WildcardToken(n));
        if (IsCjkToken(token)) {
          terms = PositionalTerms(token, prefix);
        } else {
          if (!db_) return NearError(near, n, "is a wildcard, which NEAR can only take when searching an index");
          std::vector<std::string> expansion;
          RETURN_IF_ERROR(Expand(n, std::string(prefix) + token, &expansion));
          alts.singles.insert(alts.singles.end(), expansion.begin(), expansion.end());
          continue;
        }
      } else {
        terms = PositionalTerms(n.text, prefix);
      }
      if (terms.size() == 1) alts.singles.push_back(std::move(terms.front()));
      else if (terms.size() > 1) alts.chains.push_back(std::move(terms));
    }
    return Status::OK();
  }

  Result<Query> Near(const QueryNode& n) {
    std::vector<NearOperand> ops(n.children.size());
    for (size_t i = 0; i < n.children.size(); ++i) {
      RETURN_IF_ERROR(AddOperand(n, n.children[i], ops[i]));
      std::erase_if(ops[i], [](const auto& entry) { return entry.second.empty(); });
      if (ops[i].empty()) return NearError(n, n.children[i], "has no searchable words");
    }
    std::vector<Query> pairs;
    for (size_t i = 0; i + 1 < ops.size(); ++i) {
      std::vector<Query> per_field;
      for (const auto& [prefix, a] : ops[i])
        if (auto b = ops[i + 1].find(prefix); b != ops[i + 1].end())
          per_field.push_back(NearPair(a, b->second, n.distances[i]));
      if (per_field.empty()) return NearError(n, n.children[i + 1], "searches no field of the operand before it");
      pairs.push_back(Combine(Query::OP_OR, per_field));
    }
    return Combine(Query::OP_AND, pairs);
  }

  // a and b at most `distance` positions apart: an OR over the pairs of
  // their alternatives. Counts the terms first and builds nothing when the
  // expansion is over the limit (Build then reports it).
  Query NearPair(const NearAlternatives& a, const NearAlternatives& b, int distance) {
    using Alt = std::vector<Query>;  // the NEAR subqueries, one per position
    auto alternatives = [](const NearAlternatives& op, size_t* terms) {
      std::vector<std::pair<Alt, const std::vector<std::string>*>> alts;
      if (!op.singles.empty()) {
        std::vector<Query> leaves(op.singles.begin(), op.singles.end());
        alts.push_back({{Combine(Query::OP_OR, leaves)}, nullptr});
        *terms += op.singles.size();
      }
      for (const auto& chain : op.chains) {
        alts.push_back({Alt(chain.begin(), chain.end()), &chain});
        *terms += 2 * chain.size();  // in the NEAR and in the phrase
      }
      return alts;
    };
    size_t terms_a = 0, terms_b = 0;
    auto alts_a = alternatives(a, &terms_a);
    auto alts_b = alternatives(b, &terms_b);
    terms_ += terms_a * alts_b.size() + terms_b * alts_a.size();
    if (terms_ > limits_.max_terms) return Query();
    std::vector<Query> out;
    for (const auto& [pa, chain_a] : alts_a) {
      for (const auto& [pb, chain_b] : alts_b) {
        Alt positions = pa;
        positions.insert(positions.end(), pb.begin(), pb.end());
        Xapian::termcount window = static_cast<Xapian::termcount>(positions.size() + distance - 1);
        std::vector<Query> parts{Query(Query::OP_NEAR, positions.begin(), positions.end(), window)};
        for (const auto* chain : {chain_a, chain_b})
          if (chain) parts.push_back(Query(Query::OP_PHRASE, chain->begin(), chain->end(), chain->size()));
        out.push_back(Combine(Query::OP_AND, parts));
      }
    }
    return Combine(Query::OP_OR, out);
  }

  const QueryLimits& limits_;
  const Xapian::Database* db_;
  size_t terms_ = 0;
};

}  // namespace

Result<Xapian::Query> BuildQuery(const QueryAst& ast, const QueryLimits& limits, const Xapian::Database* db) {
  try {
    return Builder(limits, db).Build(ast.root);
  } catch (const Xapian::Error& e) {
    return StatusFromXapian(e, "query");
  }
}

Result<std::optional<Xapian::Query>> BuildLeafQuery(const QueryNode& node, const QueryLimits& limits,
                                                    const Xapian::Database* db) {
  try {
    ASSIGN_OR_RETURN(Xapian::Query q, Builder(limits, db).BuildOrEmpty(node));
    if (q.empty()) return std::optional<Xapian::Query>();
    return std::optional<Xapian::Query>(std::move(q));
  } catch (const Xapian::Error& e) {
    return StatusFromXapian(e, "query");
  }
}

Result<Xapian::Query> ParseAndBuild(std::string_view query, const QueryLimits& limits) {
  ASSIGN_OR_RETURN(QueryAst ast, ParseQuery(query, limits));
  return BuildQuery(ast, limits, nullptr);
}

Result<Xapian::Query> ParseAndBuild(std::string_view query, const QueryLimits& limits, const Xapian::Database& db) {
  ASSIGN_OR_RETURN(QueryAst ast, ParseQuery(query, limits));
  return BuildQuery(ast, limits, &db);
}

}  // namespace patnav::index
