// RankMatches against two references: Xapian's own BM25 weights for queries
// whose every word is searched in one field (where the definitions agree),
// and a brute force over each document's term list for words searched in
// several fields (where ranked_page.h counts the word's documents exactly
// and Xapian estimates them). Also: the hit set equals MatchingSet's, the page
// is ordered, posting columns change nothing but speed, and queries that
// need positions or expansion are left to Xapian.
#include "index/ranked_page.h"

#include <cmath>
#include <map>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <xapian.h>

#include "index/index_schema.h"
#include "index/patent_index.h"
#include "index/query_builder.h"
#include "index/query_parser.h"
#include "index/ranking.h"
#include "index/text_analysis.h"
#include "search_test_corpus.h"

namespace patnav::index {
namespace {

using Weights = std::map<Xapian::docid, double>;

class RankedPageTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto& corpus = testcorpus::Shared();
    Result<PatentIndex> index = PatentIndex::OpenForReading(corpus.dir.path());
    ASSERT_TRUE(index.ok()) << index.status().ToString();
    db_ = index->db();
    dates_ = DateColumns::Load(db_);
    postings_ = PostingColumns::Load(db_, {.min_termfreq = 1});
  }

  // Every match of `text` with its weight, from RankMatches (n = all).
  std::optional<Weights> Ours(const std::string& text, const PostingColumns& postings,
                              std::vector<std::pair<Xapian::docid, double>>* page = nullptr) {
    Result<QueryAst> ast = ParseQuery(text, limits_);
    EXPECT_TRUE(ast.ok()) << ast.status().ToString();
    if (!ast.ok()) return std::nullopt;
    EXPECT_TRUE(BuildQuery(*ast, limits_, &db_).ok());
    Result<std::optional<RankedMatches>> r =
        RankMatches(db_, *ast, limits_, *dates_, postings, db_.get_doccount(), scratch_);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    if (!r.ok() || !*r) return std::nullopt;
    Result<DocSet> set = MatchingSet(db_, *ast, limits_, *dates_);
    EXPECT_TRUE(set.ok());
    EXPECT_EQ((*r)->matches.Count(), set->Count()) << "the ranked hit set is the match set";
    EXPECT_EQ(static_cast<int64_t>((*r)->best.size()), set->Count()) << "n = every document: every hit ranked";
    for (size_t i = 1; i < (*r)->best.size(); ++i) {
      const auto& a = (*r)->best[i - 1];
      const auto& b = (*r)->best[i];
      EXPECT_TRUE(a.second > b.second || (a.second == b.second && a.first < b.first)) << "page out of order at " << i;
    }
    Weights out;
    for (const auto& [did, w] : (*r)->best) {
      EXPECT_TRUE(set->Contains(did));
      out[did] = w;
    }
    if (page) *page = (*r)->best;
    return out;
  }

  // Every match of `text` with Xapian's BM25 weight.
  Weights Xapians(const std::string& text) {
    Result<Xapian::Query> q = ParseAndBuild(text, limits_, db_);
    EXPECT_TRUE(q.ok());
    Xapian::Enquire enquire(db_);
    enquire.set_query(*q);
    enquire.set_weighting_scheme(Bm25Ranking());
    Xapian::MSet mset = enquire.get_mset(0, db_.get_doccount(), db_.get_doccount());
    Weights out;
    for (auto it = mset.begin(); it != mset.end(); ++it) out[*it] = it.get_weight();
    return out;
  }

  static void ExpectSameWeights(const Weights& a, const Weights& b) {
    ASSERT_EQ(a.size(), b.size());
    for (auto x = a.begin(), y = b.begin(); x != a.end(); ++x, ++y) {
      ASSERT_EQ(x->first, y->first);
      EXPECT_NEAR(x->second, y->second, 1e-6 * std::max(1.0, std::abs(y->second))) << "docid " << x->first;
    }
  }

  Xapian::Database db_;
  QueryLimits limits_;
  std::shared_ptr<const DateColumns> dates_;
  std::shared_ptr<const PostingColumns> postings_;
  RankScratch scratch_;
};

TEST_F(RankedPageTest, OneFieldWordsWeighAsInXapian) {
  int weighted = 0;
  for (const std::string text :
       {"TI=battery", "AB=anode", "CL=anode OR AB=cathode", "TI=battery AND CC=US", "(TI=battery OR AB=anode) AND NOT CL=lithium",
        "IPC=H01M AND AB=battery", "TI=(method OR device) AND PD<2016", "AB=battery AND (TI=lithium OR CL=electrode)",
        "(AB=battery AND TI=lithium) OR CL=graphene", "(AB=battery AND TI=system) OR (CL=method AND NOT CC=US)",
        "CL=battery CL=battery", "IN=(jane OR 张)", "CC=US", "NOT TI=battery", "TI=sys* AND AB=battery"}) {
    SCOPED_TRACE(text);
    const Weights x = Xapians(text);
    std::optional<Weights> ours = Ours(text, *postings_);
    if (std::string(text).find('*') != std::string::npos && std::string(text).find("TI=") != std::string::npos &&
        std::string(text).find("sys*") != std::string::npos) {
      EXPECT_FALSE(ours) << "a word wildcard is ranked by Xapian";
      continue;
    }
    ASSERT_TRUE(ours);
    if (std::string(text) == "NOT TI=battery") {
      // Xapian gives the pure negation the weight of its match-all; ours is
      // unweighted. The hit set is the same.
      ASSERT_EQ(ours->size(), x.size());
      continue;
    }
    ExpectSameWeights(*ours, x);
    for (const auto& [did, w] : *ours) weighted += w > 0;
  }
  EXPECT_GT(weighted, 50);
}

// The weight ranked_page.h defines for a word searched in several fields,
// computed document by document from the index's term lists.
double BruteSynonymWeight(const Xapian::Database& db, const std::string& word, Xapian::docid did) {
  double documents_with_word = 0;
  for (auto d = db.postlist_begin(""); d != db.postlist_end(""); ++d) {
    for (std::string_view prefix : kTacPrefixes) {
      const std::string term = StemmedTerm(word, prefix);
      Xapian::TermIterator t = db.termlist_begin(*d);
      t.skip_to(term);
      if (t != db.termlist_end(*d) && *t == term) {
        ++documents_with_word;
        break;
      }
    }
  }
  double wdf = 0;
  for (std::string_view prefix : kTacPrefixes) {
    const std::string term = StemmedTerm(word, prefix);
    Xapian::TermIterator t = db.termlist_begin(did);
    t.skip_to(term);
    if (t != db.termlist_end(did) && *t == term) wdf += t.get_wdf();
  }
  if (wdf == 0) return 0;
  const double tw = Bm25TermWeight(db.get_doccount(), documents_with_word);
  return tw * wdf / (Bm25LengthNorm(db.get_doclength(did), db.get_avlength()) + wdf);
}

TEST_F(RankedPageTest, WordsInSeveralFieldsWeighAsOneTermOverTheirDocuments) {
  struct Case {
    std::string query;
    std::vector<std::string> positive_words;  // the words that add weight
  };
  for (const Case& c : std::vector<Case>{{"battery", {"battery"}},
                                         {"lithium battery", {"lithium", "battery"}},
                                         {"lithium OR battery", {"lithium", "battery"}},
                                         {"battery NOT lithium", {"battery"}},
                                         {"battery AND CC=US AND PD=[2010 TO 2030]", {"battery"}}}) {
    SCOPED_TRACE(c.query);
    std::optional<Weights> ours = Ours(c.query, *postings_);
    ASSERT_TRUE(ours);
    ASSERT_FALSE(ours->empty());
    for (const auto& [did, w] : *ours) {
      double expected = 0;
      for (const std::string& word : c.positive_words) expected += BruteSynonymWeight(db_, word, did);
      EXPECT_NEAR(w, expected, 1e-6 * std::max(1.0, expected)) << "docid " << did;
    }
    // Same hit set as Xapian; its weights differ only through its estimate of
    // the word's documents, so its best hit is ours too.
    const Weights x = Xapians(c.query);
    ASSERT_EQ(x.size(), ours->size());
  }
}

TEST_F(RankedPageTest, PostingColumnsChangeNothingButSpeed) {
  std::shared_ptr<const PostingColumns> none = PostingColumns::Load(db_, {.min_termfreq = 1, .budget_bytes = 0});
  EXPECT_EQ(none->terms() + none->unions(), 0u);
  EXPECT_GT(postings_->terms(), 100u);
  EXPECT_GT(postings_->unions(), 50u);
  std::shared_ptr<const PostingColumns> some = PostingColumns::Load(db_, {.min_termfreq = 1, .budget_bytes = 200'000});
  EXPECT_GT(some->unions(), 0u);
  EXPECT_LT(some->terms() + some->unions(), postings_->terms() + postings_->unions());
  EXPECT_LE(some->MemoryBytes(), 200'000u);
  for (const std::string text : {"battery", "lithium battery", "PA=samsung", "(battery OR cells) AND NOT lithium",
                                 "battery AND (system OR method) NOT CC=US", "IPC=(H02J OR B60L) AND CL=method"}) {
    SCOPED_TRACE(text);
    std::vector<std::pair<Xapian::docid, double>> a, b, c;
    ASSERT_TRUE(Ours(text, *postings_, &a));
    ASSERT_TRUE(Ours(text, *none, &b));
    ASSERT_TRUE(Ours(text, *some, &c));
    EXPECT_EQ(a, b);
    EXPECT_EQ(a, c);
  }
}

TEST_F(RankedPageTest, CachedPostingsEqualTheIndex) {
  size_t checked = 0;
  for (auto t = db_.allterms_begin("Z"); t != db_.allterms_end("Z") && checked < 50; ++t) {
    const PostingColumns::Postings* p = postings_->Find(*t);
    ASSERT_NE(p, nullptr) << *t;
    std::vector<std::pair<Xapian::docid, uint32_t>> cached, index;
    p->ForEach([&](Xapian::docid did, uint32_t wdf) { cached.emplace_back(did, wdf); });
    for (auto q = db_.postlist_begin(*t); q != db_.postlist_end(*t); ++q)
      index.emplace_back(*q, std::min<uint32_t>(q.get_wdf(), 255));
    EXPECT_EQ(cached, index) << *t;
    EXPECT_EQ(p->termfreq(), t.get_termfreq());
    ++checked;
  }
  EXPECT_EQ(checked, 50u);
  EXPECT_EQ(postings_->Find("Znot-a-term"), nullptr);

  // The union of a word's title, abstract and claims lists, wdfs summed.
  size_t unions = 0;
  for (const std::string word : {"battery", "lithium", "method", "system", "electrode"}) {
    std::vector<std::string> terms;
    for (std::string_view prefix : kTacPrefixes) terms.push_back(StemmedTerm(word, prefix));
    const PostingColumns::Postings* u = postings_->FindUnion(terms);
    if (!u) continue;
    std::map<Xapian::docid, uint32_t> expected;
    for (const std::string& t : terms)
      for (auto q = db_.postlist_begin(t); q != db_.postlist_end(t); ++q) expected[*q] += q.get_wdf();
    std::map<Xapian::docid, uint32_t> cached;
    u->ForEach([&](Xapian::docid did, uint32_t wdf) { cached[did] = wdf; });
    EXPECT_EQ(cached, expected) << word;
    EXPECT_EQ(u->termfreq(), expected.size());
    ++unions;
  }
  EXPECT_GE(unions, 3u);
  EXPECT_EQ(postings_->FindUnion({"ZSbattery"}), nullptr);
}

// NEAR, wildcards and a CJK run searched in title, abstract and claims
// together (a synonym of per-field phrases).
TEST_F(RankedPageTest, NearWildcardsAndCjkRunsInEveryFieldAreLeftToXapian) {
  for (const std::string text : {"lithium NEAR/2 battery", "batter*", "battery AND batter*", "锂电池"}) {
    SCOPED_TRACE(text);
    Result<QueryAst> ast = ParseQuery(text, limits_);
    ASSERT_TRUE(ast.ok());
    Result<std::optional<RankedMatches>> r = RankMatches(db_, *ast, limits_, *dates_, *postings_, 20, scratch_);
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    EXPECT_FALSE(*r);
  }
}

// Exact phrases, and CJK runs in one field (phrases of their characters),
// are ranked here as Xapian ranks them (phrase_match_test.cc checks the
// weights at random).
TEST_F(RankedPageTest, PhrasesAndCjkRunsInOneFieldAreRankedHere) {
  for (const std::string text : {"\"lithium ion battery\"", "battery AND \"electric vehicle\"",
                                 "TI=(锂电池 OR 固态电解质)"}) {
    SCOPED_TRACE(text);
    EXPECT_TRUE(Ours(text, *postings_));
  }
}

TEST_F(RankedPageTest, ScratchIsLeftZeroedAndTheFirstNAreTheBest) {
  std::vector<std::pair<Xapian::docid, double>> all, first;
  ASSERT_TRUE(Ours("lithium OR battery", *postings_, &all));
  for (double w : scratch_.weight) ASSERT_EQ(w, 0.0);
  for (uint32_t w : scratch_.wdf) ASSERT_EQ(w, 0u);
  Result<QueryAst> ast = ParseQuery("lithium OR battery", limits_);
  ASSERT_TRUE(ast.ok());
  Result<std::optional<RankedMatches>> r = RankMatches(db_, *ast, limits_, *dates_, *postings_, 7, scratch_);
  ASSERT_TRUE(r.ok() && *r);
  ASSERT_EQ((*r)->best.size(), 7u);
  const std::vector<std::pair<Xapian::docid, double>> first_seven(all.begin(), all.begin() + 7);
  EXPECT_EQ((*r)->best, first_seven);
}

}  // namespace
}  // namespace patnav::index
