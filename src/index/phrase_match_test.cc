// Randomized differential tests of the phrase path against Xapian's own
// matcher: MatchPhrase finds exactly the documents of OP_PHRASE (window = the
// phrase's length) with the documents' wdfs, for phrases cut from the
// indexed texts, reordered, with a term repeated or borrowed from another
// document; RankMatches weighs every match as Xapian's
// BM25 does; and a long-lived searcher (columns kept: phrases ranked here)
// gives the totals and pages of a one-shot searcher (Xapian's matcher).
#include "index/phrase_match.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <xapian.h>

#include "index/index_schema.h"
#include "index/match_set.h"
#include "index/patent_index.h"
#include "index/query_builder.h"
#include "index/query_parser.h"
#include "index/ranked_page.h"
#include "index/ranking.h"
#include "index/searcher.h"
#include "search_test_corpus.h"

namespace patnav::index {
namespace {

// The positional terms of one text field of a document, by position.
std::map<Xapian::termpos, std::string> FieldText(const Xapian::Database& db, Xapian::docid did,
                                                 std::string_view prefix) {
  std::map<Xapian::termpos, std::string> at;
  for (auto t = db.termlist_begin(did); t != db.termlist_end(did); ++t) {
    const std::string term = *t;
    if (term.size() <= prefix.size() || term.compare(0, prefix.size(), prefix) != 0) continue;
    const unsigned char next = static_cast<unsigned char>(term[prefix.size()]);
    if (next >= 'A' && next <= 'Z') continue;  // another field's prefix
    for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p) at[*p] = term;
  }
  return at;
}

// Runs of `length` terms at consecutive positions of the field.
std::vector<std::vector<std::string>> Runs(const std::map<Xapian::termpos, std::string>& at, size_t length) {
  std::vector<std::vector<std::string>> runs;
  for (auto it = at.begin(); it != at.end(); ++it) {
    std::vector<std::string> run{it->second};
    auto next = std::next(it);
    while (run.size() < length && next != at.end() && next->first == std::prev(next)->first + 1)
      run.push_back((next++)->second);
    if (run.size() == length) runs.push_back(std::move(run));
  }
  return runs;
}

// Xapian's own exact phrase: the reference.
std::vector<Xapian::docid> XapianPhrase(const Xapian::Database& db, const std::vector<std::string>& terms) {
  return testcorpus::XapianMatches(db, Xapian::Query(Xapian::Query::OP_PHRASE, terms.begin(), terms.end(), terms.size()));
}

Xapian::termcount Wdf(const Xapian::Database& db, Xapian::docid did, const std::string& term) {
  Xapian::TermIterator t = db.termlist_begin(did);
  t.skip_to(term);
  return t != db.termlist_end(did) && *t == term ? t.get_wdf() : 0;
}

class PhraseMatchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto& corpus = testcorpus::Shared();
    Result<PatentIndex> index = PatentIndex::OpenForReading(corpus.dir.path());
    ASSERT_TRUE(index.ok()) << index.status().ToString();
    db_ = index->db();
    for (auto d = db_.postlist_begin(""); d != db_.postlist_end(""); ++d) docs_.push_back(*d);
  }

  // A random run of 2..4 terms of a random field of a random document, or
  // empty when that field is too short.
  std::vector<std::string> RandomRun(std::string_view prefix) {
    const Xapian::docid did = docs_[rng_() % docs_.size()];
    const std::vector<std::vector<std::string>> runs = Runs(FieldText(db_, did, prefix), 2 + rng_() % 3);
    if (runs.empty()) return {};
    return runs[rng_() % runs.size()];
  }

  Xapian::Database db_;
  std::vector<Xapian::docid> docs_;
  std::mt19937 rng_{20261207};
};

TEST_F(PhraseMatchTest, EqualsXapiansExactPhraseOnRandomPhrases) {
  const std::string_view prefixes[] = {kTitle, kAbstract, kClaims, kDescription};
  int checked = 0, found = 0, empty = 0;
  for (int round = 0; round < 400; ++round) {
    const std::string_view prefix = prefixes[rng_() % std::size(prefixes)];
    std::vector<std::string> terms = RandomRun(prefix);
    if (terms.empty()) continue;
    switch (round % 5) {
      case 1:  // out of order: usually no match, sometimes another place
        std::reverse(terms.begin(), terms.end());
        break;
      case 2:  // a term repeated
        terms.insert(terms.begin() + static_cast<long>(rng_() % terms.size()), terms[rng_() % terms.size()]);
        break;
      case 3: {  // a term from another document's field
        std::vector<std::string> other = RandomRun(prefix);
        if (!other.empty()) terms[rng_() % terms.size()] = other[rng_() % other.size()];
        break;
      }
      case 4:  // a term of another field: never a match
        terms.back() = std::string(prefix == kTitle ? kClaims : kTitle) + terms.back().substr(prefix.size());
        break;
      default:
        break;
    }
    std::string shown;
    for (const std::string& t : terms) shown += t + " ";
    SCOPED_TRACE(shown);
    const PhraseHits hits = MatchPhrase(db_, terms);
    EXPECT_EQ(hits.terms, terms);
    EXPECT_EQ(hits.docs, XapianPhrase(db_, terms));
    ASSERT_EQ(hits.wdf.size(), hits.docs.size() * terms.size());
    for (size_t i = 0; i < hits.docs.size(); ++i)
      for (size_t j = 0; j < terms.size(); ++j)
        EXPECT_EQ(hits.wdf[i * terms.size() + j], Wdf(db_, hits.docs[i], terms[j])) << hits.docs[i] << " " << terms[j];
    if (round % 5 == 0) {
      EXPECT_FALSE(hits.docs.empty()) << "a run cut from a text finds that text";
    }
    ++checked;
    found += !hits.docs.empty();
    empty += hits.docs.empty();
  }
  EXPECT_GT(checked, 300);
  EXPECT_GT(found, 50);
  EXPECT_GT(empty, 30);   // and the altered ones often find nothing
}

TEST_F(PhraseMatchTest, AbsentTermsAndTheCacheMatchNothingTwice) {
  EXPECT_TRUE(MatchPhrase(db_, {"Snot-a-term", "Sbattery"}).docs.empty());
  std::vector<std::string> run;
  while (run.empty()) run = RandomRun(kAbstract);
  PhraseCache cache;
  const PhraseHits& a = CachedPhrase(db_, run, cache);
  const PhraseHits& b = CachedPhrase(db_, run, cache);
  EXPECT_EQ(&a, &b);
  EXPECT_EQ(cache.by_terms.size(), 1u);
  EXPECT_FALSE(a.docs.empty());
}

// Random phrase queries in the query language, alone or combined with
// one-field words, codes and other phrases (no word searched in several
// fields, whose weight Xapian estimates: ranked_page_test.cc).
std::vector<std::string> RandomQueries(std::mt19937& rng,
                                       const std::function<std::vector<std::string>(std::string_view)>& run, int n) {
  const std::string_view prefixes[] = {kTitle, kAbstract, kClaims};
  const char* fields[] = {"", "TI=", "AB=", "CL=", "TA=", "TAC="};
  auto phrase = [&]() -> std::string {
    for (int attempt = 0; attempt < 20; ++attempt) {
      const std::string_view prefix = prefixes[rng() % std::size(prefixes)];
      std::vector<std::string> terms = run(prefix);
      if (terms.empty()) continue;
      std::string words;
      for (const std::string& term : terms) {
        const std::string word = term.substr(prefix.size());
        if (!std::all_of(word.begin(), word.end(), [](char c) { return c >= 'a' && c <= 'z'; })) {
          words.clear();
          break;
        }
        words += (words.empty() ? "" : " ") + word;
      }
      if (!words.empty()) return std::string(fields[rng() % std::size(fields)]) + "\"" + words + "\"";
    }
    return "\"lithium ion battery\"";
  };
  std::vector<std::string> out;
  for (int i = 0; i < n; ++i) {
    switch (i % 7) {
      case 0: out.push_back(phrase()); break;
      case 1: out.push_back(phrase() + " AND CC=US"); break;
      case 2: out.push_back(phrase() + " OR TI=battery"); break;
      case 3: out.push_back(phrase() + " NOT AB=method"); break;
      case 4: out.push_back("(" + phrase() + " OR " + phrase() + ")"); break;
      case 5: out.push_back(phrase() + " AND " + phrase()); break;
      default: out.push_back("CL=device AND (" + phrase() + " OR AB=system) AND PD>=2010"); break;
    }
  }
  return out;
}

TEST_F(PhraseMatchTest, RankedPhrasesWeighAsInXapian) {
  const QueryLimits limits;
  std::shared_ptr<const DateColumns> dates = DateColumns::Load(db_);
  std::shared_ptr<const PostingColumns> postings = PostingColumns::Load(db_, {.min_termfreq = 1});
  RankScratch scratch;
  int weighted = 0;
  for (const std::string& text :
       RandomQueries(rng_, [&](std::string_view p) { return RandomRun(p); }, 140)) {
    SCOPED_TRACE(text);
    Result<QueryAst> ast = ParseQuery(text, limits);
    ASSERT_TRUE(ast.ok()) << ast.status().ToString();
    Result<Xapian::Query> q = BuildQuery(*ast, limits, &db_);
    ASSERT_TRUE(q.ok()) << q.status().ToString();
    Result<std::optional<RankedMatches>> r =
        RankMatches(db_, *ast, limits, *dates, *postings, db_.get_doccount(), scratch);
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    ASSERT_TRUE(*r) << "a phrase query is ranked here";
    Xapian::Enquire enquire(db_);
    enquire.set_query(*q);
    enquire.set_weighting_scheme(Bm25Ranking());
    Xapian::MSet mset = enquire.get_mset(0, db_.get_doccount(), db_.get_doccount());
    std::map<Xapian::docid, double> expected, ours;
    for (auto it = mset.begin(); it != mset.end(); ++it) expected[*it] = it.get_weight();
    for (const auto& [did, w] : (*r)->best) ours[did] = w;
    EXPECT_EQ((*r)->matches.Count(), static_cast<int64_t>(expected.size()));
    ASSERT_EQ(ours.size(), expected.size());
    for (auto x = ours.begin(), y = expected.begin(); x != ours.end(); ++x, ++y) {
      ASSERT_EQ(x->first, y->first);
      // As ranked_page_test.cc: the same formula, Xapian's rounding of the
      // lengths aside.
      EXPECT_NEAR(x->second, y->second, 1e-6 * std::max(1.0, std::abs(y->second))) << "docid " << x->first;
      weighted += x->second > 0;
    }
    for (double w : scratch.weight) ASSERT_EQ(w, 0.0);
  }
  EXPECT_GT(weighted, 200);
}

TEST_F(PhraseMatchTest, LongLivedSearcherGivesTheOneShotTotalsAndPages) {
  auto& corpus = testcorpus::Shared();
  Result<Searcher> plain = Searcher::Open(corpus.dir.path());
  Result<Searcher> kept = Searcher::Open(corpus.dir.path());
  ASSERT_TRUE(plain.ok() && kept.ok());
  kept->KeepFacetColumns(true);
  ASSERT_TRUE(kept->LoadFacetColumns().ok());
  int pages = 0;
  for (const std::string& text :
       RandomQueries(rng_, [&](std::string_view p) { return RandomRun(p); }, 70)) {
    SCOPED_TRACE(text);
    for (bool facets : {false, true}) {
      SearchRequest request;
      request.query = text;
      request.limit = 10;
      request.facets = facets;
      request.facet_size = 1000;
      Result<SearchResult> a = plain->Search(request);
      Result<SearchResult> b = kept->Search(request);
      ASSERT_TRUE(a.ok() && b.ok());
      EXPECT_EQ(a->total, b->total);
      EXPECT_EQ(a->facets, b->facets);
      ASSERT_EQ(a->hits.size(), b->hits.size());
      for (size_t i = 0; i < a->hits.size(); ++i) {
        const double tolerance = 1e-6 * std::max(1.0, std::abs(a->hits[i].score));
        EXPECT_NEAR(a->hits[i].score, b->hits[i].score, tolerance);
        // The same hit, unless its score ties with a neighbour's.
        const bool tied = (i > 0 && std::abs(a->hits[i - 1].score - a->hits[i].score) < tolerance) ||
                          (i + 1 < a->hits.size() && std::abs(a->hits[i + 1].score - a->hits[i].score) < tolerance);
        if (!tied) {
          EXPECT_EQ(a->hits[i].publication_number, b->hits[i].publication_number) << "at " << i;
        }
      }
      pages += !a->hits.empty();
    }
  }
  EXPECT_GT(pages, 100);
}

}  // namespace
}  // namespace patnav::index
