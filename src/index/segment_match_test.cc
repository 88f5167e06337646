// Differential tests of phrase and NEAR matching over a text segment: the
// same random documents go into a Xapian database (IndexText) and into a
// segment (ForEachIndexTerm), and random phrases and NEARs -- repeated
// terms, OR groups, CJK n-grams included -- must match the same documents
// in both, with the same wdfs.
#include "index/segment_match.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <xapian.h>

#include "base/random.h"
#include "index/text_analysis.h"
#include "index/text_segment_writer.h"
#include "testing.h"

namespace patnav::index {
namespace {

using patnav::testing::ScratchDir;

constexpr const char* kPrefix = "XCL";
// A small vocabulary, so that phrases and NEARs match often and the same
// word often sits at several positions of a document.
const std::vector<std::string> kVocabulary = {"cell", "anode", "the", "of", "battery", "锂电池", "电池", "a"};

class SegmentMatchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Random rng(20261208);
    TextSegmentWriter writer;
    for (Xapian::docid did = 1; did <= 400; ++did) {
      // Two texts of the field, with the builder's gap between them.
      std::vector<std::string> texts(1 + rng.Uniform(2));
      for (std::string& t : texts)
        for (size_t w = 0, n = 1 + rng.Uniform(30); w < n; ++w) t += kVocabulary[rng.Uniform(kVocabulary.size())] + " ";
      Xapian::Document doc;
      Xapian::termpos xpos = 0, pos = 0;
      writer.BeginDocument(did);
      for (const std::string& t : texts) {
        if (xpos != 0) xpos += 100, pos += 100;
        IndexText(doc, t, kPrefix, &xpos);
        ForEachIndexTerm(t, kPrefix, &pos, [&](const std::string& term, Xapian::termpos at) { writer.Add(term, at); });
      }
      writer.EndDocument();
      xdb_.replace_document(did, doc);
    }
    xdb_.commit();
    ASSERT_TRUE(writer.Write(dir_.path() / "seg").ok());
    Result<TextSegment> seg = TextSegment::Open(dir_.path() / "seg");
    ASSERT_TRUE(seg.ok()) << seg.status().ToString();
    seg_ = std::make_unique<TextSegment>(std::move(*seg));
    for (const std::string& w : kVocabulary)
      for (const std::string& t : PositionalTerms(w, kPrefix)) terms_.push_back(t);
  }

  std::vector<uint32_t> XapianMatches(const Xapian::Query& q) const {
    Xapian::Enquire enquire(xdb_);
    enquire.set_query(q);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.set_docid_order(Xapian::Enquire::ASCENDING);
    Xapian::MSet mset = enquire.get_mset(0, xdb_.get_doccount());
    std::vector<uint32_t> docs;
    for (auto it = mset.begin(); it != mset.end(); ++it) docs.push_back(*it);
    return docs;
  }

  ScratchDir dir_;
  Xapian::WritableDatabase xdb_{std::string(), Xapian::DB_BACKEND_INMEMORY};
  std::unique_ptr<TextSegment> seg_;
  std::vector<std::string> terms_;  // every positional term of the vocabulary
};

TEST_F(SegmentMatchTest, PhrasesMatchWhatXapianMatchesWithTheSameWdfs) {
  Random rng(7);
  size_t matched = 0, repeated = 0;
  for (int trial = 0; trial < 400; ++trial) {
    std::vector<std::string> terms(2 + rng.Uniform(3));
    for (std::string& t : terms) t = terms_[rng.Uniform(terms_.size())];
    for (size_t i = 1; i < terms.size(); ++i) repeated += terms[i] == terms[i - 1];
    Result<SegmentPhraseHits> ours = MatchPhrase(*seg_, terms);
    ASSERT_TRUE(ours.ok()) << ours.status().ToString();
    const std::vector<uint32_t> theirs =
        XapianMatches(Xapian::Query(Xapian::Query::OP_PHRASE, terms.begin(), terms.end(), terms.size()));
    ASSERT_EQ(ours->docs, theirs) << "phrase of " << terms.size() << " terms, trial " << trial;
    matched += !theirs.empty();
    ASSERT_EQ(ours->wdf.size(), ours->docs.size() * terms.size());
    for (size_t i = 0; i < ours->docs.size(); ++i)
      for (size_t j = 0; j < terms.size(); ++j) {
        Xapian::PostingIterator p = xdb_.postlist_begin(terms[j]);
        p.skip_to(ours->docs[i]);
        EXPECT_EQ(ours->wdf[i * terms.size() + j], p.get_wdf());
      }
  }
  EXPECT_GT(matched, 50u);  // the comparison is not between empty sets
  EXPECT_GT(repeated, 10u);
}

TEST_F(SegmentMatchTest, NearMatchesWhatXapianMatches) {
  Random rng(11);
  size_t matched = 0, partial = 0;
  for (int trial = 0; trial < 600; ++trial) {
    const size_t n = 2 + rng.Uniform(3);
    std::vector<std::vector<std::string>> groups(n);
    std::vector<Xapian::Query> subqueries;
    for (auto& g : groups) {
      g.resize(1 + (rng.Uniform(4) == 0));
      for (std::string& t : g) t = terms_[rng.Uniform(terms_.size())];
      std::vector<Xapian::Query> leaves(g.begin(), g.end());
      subqueries.push_back(g.size() == 1 ? leaves[0] : Xapian::Query(Xapian::Query::OP_OR, leaves.begin(), leaves.end()));
    }
    const uint32_t window = static_cast<uint32_t>(n + rng.Uniform(6));
    Result<std::vector<uint32_t>> ours = MatchNear(*seg_, groups, window);
    ASSERT_TRUE(ours.ok()) << ours.status().ToString();
    const std::vector<uint32_t> theirs =
        XapianMatches(Xapian::Query(Xapian::Query::OP_NEAR, subqueries.begin(), subqueries.end(), window));
    ASSERT_EQ(*ours, theirs) << n << " groups, window " << window << ", trial " << trial;
    matched += !theirs.empty();
    // Some documents hold every group but not within the window.
    std::vector<Xapian::Query> all(subqueries);
    partial += XapianMatches(Xapian::Query(Xapian::Query::OP_AND, all.begin(), all.end())).size() > theirs.size();
  }
  EXPECT_GT(matched, 100u);
  EXPECT_GT(partial, 100u);
}

TEST_F(SegmentMatchTest, AnAbsentTermMatchesNothing) {
  Result<SegmentPhraseHits> phrase = MatchPhrase(*seg_, {"XCLcell", "XCLnowhere"});
  ASSERT_TRUE(phrase.ok());
  EXPECT_TRUE(phrase->docs.empty());
  Result<std::vector<uint32_t>> near = MatchNear(*seg_, {{"XCLcell"}, {"XCLnowhere"}}, 5);
  ASSERT_TRUE(near.ok());
  EXPECT_TRUE(near->empty());
  // An OR group with one absent term still matches by the other.
  Result<std::vector<uint32_t>> either = MatchNear(*seg_, {{"XCLcell"}, {"XCLnowhere", "XCLanode"}}, 5);
  ASSERT_TRUE(either.ok());
  EXPECT_FALSE(either->empty());
}

}  // namespace
}  // namespace patnav::index
