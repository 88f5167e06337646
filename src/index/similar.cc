// FindSimilar: choose the distinctive terms of a publication (relevance-set
// expansion) or of a text (term weight × idf), OR them, rank with BM25, and
// report per hit which of them matched, in the words they came from.
#include "index/similar.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <unordered_map>

#include "index/document_builder.h"
#include "index/index_schema.h"
#include "index/query_builder.h"
#include "index/ranking.h"
#include "index/stopwords.h"
#include "index/text_analysis.h"
#include "index/xapian_status.h"
#include "model/publication_number.h"

namespace patnav::index {

namespace {

constexpr Xapian::termcount kMaxQueryWordRepeat = 3;  // wqf cap for words repeated in a text

bool IsAsciiUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

// One code point of three or more UTF-8 bytes: a CJK unigram term.
bool IsSingleWideCharacter(std::string_view term) {
  if (term.size() < 3 || static_cast<unsigned char>(term[0]) < 0xE0) return false;
  size_t len = static_cast<unsigned char>(term[0]) >= 0xF0 ? 4 : 3;
  return term.size() == len;
}

// A title/abstract/claims term split into its field prefix and the "word
// key" it stands for in any of the three fields: "ZXCLbatteri" -> ("XCL",
// "Zbatteri"), "S锂电" -> ("S", "锂电"). nullopt for any other term.
std::optional<std::string> TacKey(std::string_view term) {
  const bool stemmed = !term.empty() && term[0] == 'Z';
  std::string_view rest = stemmed ? term.substr(1) : term;
  for (std::string_view prefix : kTacPrefixes) {
    if (rest.size() <= prefix.size() || rest.substr(0, prefix.size()) != prefix) continue;
    std::string_view word = rest.substr(prefix.size());
    if (IsAsciiUpper(word[0])) continue;  // a longer prefix ("XABx" is not "S...")
    return (stemmed ? "Z" : "") + std::string(word);
  }
  return std::nullopt;
}

// The query for a word key in title, abstract and claims, weighed as one term.
Xapian::Query TacQuery(const std::string& key, Xapian::termcount wqf) {
  const bool stemmed = key[0] == 'Z';
  std::vector<Xapian::Query> parts;
  for (std::string_view prefix : kTacPrefixes) {
    std::string term = stemmed ? "Z" + std::string(prefix) + key.substr(1) : std::string(prefix) + key;
    parts.emplace_back(term, wqf);
  }
  return Xapian::Query(Xapian::Query::OP_SYNONYM, parts.begin(), parts.end());
}

// The document frequency of a word key: that of its most frequent field (a
// lower bound of the true one, close to it as claims hold most words).
Xapian::doccount TacFrequency(const Xapian::Database& db, const std::string& key) {
  Xapian::doccount df = 0;
  const bool stemmed = key[0] == 'Z';
  for (std::string_view prefix : kTacPrefixes)
    df = std::max(df, db.get_termfreq(stemmed ? "Z" + std::string(prefix) + key.substr(1) : std::string(prefix) + key));
  return df;
}

// The word keys that say what a document is about: stemmed words
// ("Zbatteri") and CJK n-grams of two or more characters. Not: unstemmed
// words (their stem stands for them), numbers, stems of one or two letters
// (units: "mg", "nm"), CJK unigrams, stopwords, CJK n-grams with a function
// character.
bool IsTopicKey(const std::string& key) {
  if (key.empty()) return false;
  if (key[0] == 'Z')
    return key.size() > 3 && !IsAsciiUpper(key[1]) && !IsAsciiDigit(key[1]) && !IsStopwordStem(key);
  if (IsAsciiUpper(key[0]) || IsAsciiDigit(key[0])) return false;
  if (!StemmedTerm(key, "").empty()) return false;
  return !IsSingleWideCharacter(key) && !HasCjkFunctionCharacter(key);
}

// Accepts the title/abstract/claims terms whose word key is a topic key.
class TacExpandDecider : public Xapian::ExpandDecider {
 public:
  bool operator()(const std::string& term) const override {
    std::optional<std::string> key = TacKey(term);
    return key && IsTopicKey(*key);
  }
};

struct QueryTerm {
  std::string term;
  std::string readable;
  Xapian::termcount wqf = 1;
};

// The document id of `publication_number` (any spelling; without a kind,
// the first kind indexed for that number), and its normalized form.
Result<std::pair<Xapian::docid, std::string>> FindPublication(const Xapian::Database& db, std::string_view text) {
  Result<PublicationKey> key = ParsePublicationNumber(text, "US");
  if (!key.ok()) return Status::InvalidArgument(key.status().message());
  const std::string id_prefix = std::string(kId);
  if (!key->kind.empty()) {
    const std::string term = BooleanTerm(kId, key->ToString());
    Xapian::PostingIterator p = db.postlist_begin(term);
    if (p != db.postlist_end(term)) return std::make_pair(*p, key->ToString());
  } else {
    const std::string prefix = id_prefix + key->country + key->doc_number;
    for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) {
      const std::string& term = *t;
      if (term.size() == prefix.size() || !IsAsciiUpper(term[prefix.size()])) continue;  // another number
      Xapian::PostingIterator p = db.postlist_begin(term);
      if (p != db.postlist_end(term)) return std::make_pair(*p, term.substr(id_prefix.size()));
    }
  }
  return Status::NotFound(key->ToString() + " is not in the search index");
}

// The expansion word keys of document `did`, each with the word of that
// document it stands for (the most frequent inflection of a stem). A word in
// several fields comes out of the expansion once per field: the first (best
// weighted) of them places the key.
std::vector<QueryTerm> PublicationTerms(const Xapian::Database& db, Xapian::docid did, int max_terms) {
  Xapian::Enquire enquire(db);
  Xapian::RSet rset;
  rset.add_document(did);
  TacExpandDecider decider;
  Xapian::ESet eset = enquire.get_eset(static_cast<Xapian::termcount>(max_terms) * 3, rset, &decider);
  std::vector<QueryTerm> terms;
  std::unordered_map<std::string, size_t> index_of;
  for (auto it = eset.begin(); it != eset.end() && terms.size() < static_cast<size_t>(max_terms); ++it) {
    std::string key = *TacKey(*it);
    if (index_of.count(key)) continue;
    index_of[key] = terms.size();
    terms.push_back({key, key, 1});
  }
  std::vector<Xapian::termcount> best_wdf(terms.size(), 0);
  std::unordered_map<std::string, Xapian::termcount> wdf_of_word;  // summed over the fields
  for (auto t = db.termlist_begin(did); t != db.termlist_end(did); ++t) {
    std::optional<std::string> word = TacKey(*t);
    if (!word || (*word)[0] == 'Z') continue;
    wdf_of_word[*word] += t.get_wdf();
  }
  for (const auto& [word, wdf] : wdf_of_word) {
    std::string stem = StemmedTerm(word, "");
    auto found = index_of.find(stem);
    if (found == index_of.end()) continue;
    if (wdf > best_wdf[found->second] ||
        (wdf == best_wdf[found->second] && word < terms[found->second].readable)) {
      best_wdf[found->second] = wdf;
      terms[found->second].readable = word;
    }
  }
  for (QueryTerm& q : terms)  // a stem no unstemmed word was found for: show the stem
    if (q.readable == q.term && q.term[0] == 'Z') q.readable = q.term.substr(1);
  return terms;
}

// The terms of `text`: each word (not a stopword) by its stemmed term, each
// CJK run by its bigrams (but those with a function character; a lone
// character by itself). Terms no document has are dropped; of the rest, the
// max_terms with the highest (1 + log repeats) × idf are kept.
std::vector<QueryTerm> TextTerms(const Xapian::Database& db, std::string_view text, int max_terms) {
  std::map<std::string, QueryTerm> by_term;
  auto add = [&](std::string term, std::string_view readable) {
    if (term.empty()) return;
    auto [it, inserted] = by_term.try_emplace(term, QueryTerm{term, std::string(readable), 0});
    ++it->second.wqf;
  };
  for (const std::string& token : Words(text)) {
    if (IsStopword(token)) continue;
    std::vector<std::string> positional = PositionalTerms(token, "");
    if (positional.size() > 1) {  // a CJK run: c1, c1c2, c2c3, ...
      for (size_t i = 1; i < positional.size(); ++i)
        if (!HasCjkFunctionCharacter(positional[i])) add(positional[i], positional[i]);
      continue;
    }
    std::string stemmed = StemmedTerm(token, "");
    if (!stemmed.empty()) add(std::move(stemmed), token);
    else if (!positional.empty() && !IsAsciiDigit(positional[0][0])) add(positional[0], token);
  }
  const double docs = static_cast<double>(std::max<Xapian::doccount>(db.get_doccount(), 1));
  std::vector<std::pair<double, QueryTerm>> scored;
  for (auto& [term, q] : by_term) {
    const Xapian::doccount df = TacFrequency(db, term);
    if (df == 0) continue;
    const double weight = (1 + std::log(static_cast<double>(q.wqf))) * std::log((docs + 1) / df);
    q.wqf = std::min(q.wqf, kMaxQueryWordRepeat);
    scored.emplace_back(weight, std::move(q));
  }
  std::stable_sort(scored.begin(), scored.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  std::vector<QueryTerm> terms;
  for (auto& [w, q] : scored) {
    if (terms.size() >= static_cast<size_t>(max_terms)) break;
    terms.push_back(std::move(q));
  }
  return terms;
}

Result<SimilarResult> FindSimilarOnce(const Xapian::Database& db, const SimilarRequest& request) {
  SimilarResult result;
  std::vector<QueryTerm> terms;
  Xapian::docid self = 0;
  if (!request.publication_number.empty()) {
    ASSIGN_OR_RETURN(auto found, FindPublication(db, request.publication_number));
    self = found.first;
    result.publication_number = found.second;
    terms = PublicationTerms(db, self, request.max_terms);
  } else {
    terms = TextTerms(db, request.text, request.max_terms);
    if (terms.empty())
      return Status::InvalidArgument("the text has no word that occurs in the index (stopwords aside)");
  }
  std::vector<Xapian::Query> leaves;
  std::unordered_map<std::string, size_t> rank_of;  // word key -> its index in `terms`
  for (const QueryTerm& t : terms) {
    leaves.push_back(TacQuery(t.term, t.wqf));
    rank_of.emplace(t.term, rank_of.size());
    result.query_terms.push_back(t.readable);
  }
  if (leaves.empty()) return result;  // a publication without text
  Xapian::Query query(Xapian::Query::OP_OR, leaves.begin(), leaves.end());
  if (self != 0)
    query = Xapian::Query(Xapian::Query::OP_AND_NOT, query, Xapian::Query(BooleanTerm(kId, result.publication_number)));
  if (!request.filter.empty()) {
    Result<Xapian::Query> filter = ParseAndBuild(request.filter, QueryLimits{}, db);
    if (!filter.ok()) {
      if (filter.status().code() != StatusCode::kInvalidArgument) return filter.status();
      return Status::InvalidArgument("filter: " + filter.status().message());
    }
    query = Xapian::Query(Xapian::Query::OP_FILTER, query, *filter);
  }
  Xapian::Enquire enquire(db);
  enquire.set_query(query);
  enquire.set_weighting_scheme(Bm25Ranking());
  Xapian::MSet mset = enquire.get_mset(0, static_cast<Xapian::doccount>(request.limit));
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    if (*it == self) continue;  // excluded by the query; never shown whatever happens
    ASSIGN_OR_RETURN(SearchHit hit, HitFromDocument(it.get_document(), it.get_weight()));
    SimilarHit s{std::move(hit), it.get_percent(), {}};
    std::vector<size_t> matched;
    for (auto t = enquire.get_matching_terms_begin(it); t != enquire.get_matching_terms_end(it); ++t)
      if (std::optional<std::string> key = TacKey(*t))
        if (auto q = rank_of.find(*key); q != rank_of.end()) matched.push_back(q->second);
    std::sort(matched.begin(), matched.end());
    matched.erase(std::unique(matched.begin(), matched.end()), matched.end());
    for (size_t i : matched) s.matched_terms.push_back(terms[i].readable);
    result.hits.push_back(std::move(s));
  }
  return result;
}

}  // namespace

Result<SimilarResult> FindSimilar(Xapian::Database db, const SimilarRequest& request) {
  if (request.publication_number.empty() == request.text.empty())
    return Status::InvalidArgument("give a publication number or a text, not both");
  if (request.limit < 0 || request.max_terms < 1)
    return Status::InvalidArgument("limit must not be negative, max_terms must be positive");
  return ReadFreshly(db, "search index", [&]() -> Result<SimilarResult> { return FindSimilarOnce(db, request); });
}

}  // namespace patnav::index
