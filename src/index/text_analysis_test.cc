// Tests of the shared analyser: what IndexText writes and that WordQuery /
// PhraseQuery find it — English stemming, CJK unigrams and bigrams, mixed text.
#include "index/text_analysis.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <xapian.h>

namespace patnav::index {
namespace {

// An in-memory database of one document per text, all under `prefix`.
class Corpus {
 public:
  explicit Corpus(const std::vector<std::string>& texts, std::string_view prefix = "")
      : db_(std::string(), Xapian::DB_BACKEND_INMEMORY) {
    for (const std::string& t : texts) {
      Xapian::Document doc;
      Xapian::termpos pos = 0;
      IndexText(doc, t, prefix, &pos);
      db_.add_document(doc);
    }
  }
  // Document ids (1-based, in the order given) matching q.
  std::vector<Xapian::docid> Match(const Xapian::Query& q) const {
    Xapian::Enquire enquire(db_);
    enquire.set_query(q);
    enquire.set_docid_order(Xapian::Enquire::ASCENDING);
    enquire.set_sort_by_relevance_then_value(0, false);
    Xapian::MSet mset = enquire.get_mset(0, 100);
    std::vector<Xapian::docid> ids;
    for (auto it = mset.begin(); it != mset.end(); ++it) ids.push_back(*it);
    std::sort(ids.begin(), ids.end());
    return ids;
  }

 private:
  Xapian::WritableDatabase db_;
};

std::vector<std::string> Terms(const std::string& text, std::string_view prefix = "") {
  Xapian::Document doc;
  Xapian::termpos pos = 0;
  IndexText(doc, text, prefix, &pos);
  std::vector<std::string> terms;
  for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) terms.push_back(*it);
  return terms;
}

using Ids = std::vector<Xapian::docid>;

TEST(TextAnalysisTest, EnglishIsLowerCasedAndStemmed) {
  EXPECT_EQ(Terms("Lithium Batteries", "S"),
            (std::vector<std::string>{"Sbatteries", "Slithium", "ZSbatteri", "ZSlithium"}));
  Corpus c({"A battery pack", "Rechargeable BATTERIES for vehicles", "A fuel cell"});
  EXPECT_EQ(c.Match(WordQuery("batteries", "")), (Ids{1, 2}));
  EXPECT_EQ(c.Match(WordQuery("Battery", "")), (Ids{1, 2}));
  EXPECT_EQ(c.Match(WordQuery("cells", "")), (Ids{3}));
  EXPECT_EQ(c.Match(PhraseQuery("fuel cell", "")), (Ids{3}));
  EXPECT_EQ(c.Match(PhraseQuery("cell fuel", "")), Ids{});
}

TEST(TextAnalysisTest, WordsNumbersAndInfixes) {
  EXPECT_EQ(Words("The Li-ion cell's 2.5 V, 10,000 cycles; ＡＢＣ１２"),
            (std::vector<std::string>{"the", "li", "ion", "cell's", "2.5", "v", "10,000", "cycles", "abc12"}));
  // Numbers are not stemmed.
  EXPECT_EQ(Terms("10 cycles"), (std::vector<std::string>{"10", "Zcycl", "cycles"}));
  Corpus c({"a lithium-ion battery", "lithium and ion"});
  EXPECT_EQ(c.Match(WordQuery("lithium-ion", "")), (Ids{1}));
  EXPECT_EQ(c.Match(WordQuery("2.5", "")), Ids{});
  EXPECT_TRUE(WordQuery("  ,; ", "").empty());
}

TEST(TextAnalysisTest, ChineseUnigramsAndBigramsWithPositions) {
  Xapian::Document doc;
  Xapian::termpos pos = 0;
  IndexText(doc, "锂电池", "S", &pos);
  EXPECT_EQ(pos, 3u);
  auto positions = [&](const std::string& term) {
    std::vector<Xapian::termpos> p;
    for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it)
      if (*it == term)
        for (auto pit = it.positionlist_begin(); pit != it.positionlist_end(); ++pit) p.push_back(*pit);
    return p;
  };
  EXPECT_EQ(positions("S锂"), (std::vector<Xapian::termpos>{1}));
  EXPECT_EQ(positions("S电"), (std::vector<Xapian::termpos>{2}));
  EXPECT_EQ(positions("S池"), (std::vector<Xapian::termpos>{3}));
  EXPECT_EQ(positions("S锂电"), (std::vector<Xapian::termpos>{2}));
  EXPECT_EQ(positions("S电池"), (std::vector<Xapian::termpos>{3}));
  EXPECT_EQ(doc.termlist_count(), 5u);
  EXPECT_EQ(PositionalTerms("锂电池", "S"), (std::vector<std::string>{"S锂", "S锂电", "S电池"}));
}

TEST(TextAnalysisTest, ChineseQueriesBehaveAsAnAnalystExpects) {
  Corpus c({"一种锂电池的制备方法", "电锂装置", "锂金属与电池", "燃料电池"});
  EXPECT_EQ(c.Match(WordQuery("锂电池", "")), (Ids{1}));
  EXPECT_EQ(c.Match(WordQuery("电池", "")), (Ids{1, 3, 4}));
  EXPECT_EQ(c.Match(WordQuery("锂", "")), (Ids{1, 2, 3}));
  EXPECT_EQ(c.Match(WordQuery("电锂", "")), (Ids{2}));
  // "锂 电池": two words, both required anywhere.
  EXPECT_EQ(c.Match(Xapian::Query(Xapian::Query::OP_AND, WordQuery("锂", ""), WordQuery("电池", ""))), (Ids{1, 3}));
  // The phrase "锂 电池" is the run 锂电池 (spaces between CJK words are not significant in Chinese).
  EXPECT_EQ(c.Match(PhraseQuery("锂 电池", "")), (Ids{1}));
  EXPECT_EQ(c.Match(WordQuery("制备方法", "")), (Ids{1}));
  EXPECT_EQ(c.Match(WordQuery("锂电池制备", "")), Ids{});  // 的 in between
}

TEST(TextAnalysisTest, MixedLanguageDocuments) {
  Corpus c({"锂电池 battery pack", "battery 锂电池", "钠电池 batteries"}, "XAB");
  EXPECT_EQ(c.Match(WordQuery("锂电池", "XAB")), (Ids{1, 2}));
  EXPECT_EQ(c.Match(WordQuery("battery", "XAB")), (Ids{1, 2, 3}));
  EXPECT_EQ(c.Match(PhraseQuery("锂电池 battery", "XAB")), (Ids{1}));
  EXPECT_EQ(c.Match(PhraseQuery("battery 锂电池", "XAB")), (Ids{2}));
  EXPECT_EQ(c.Match(WordQuery("锂电池battery", "XAB")), (Ids{1}));  // one typed word, two tokens
  EXPECT_EQ(Words("锂电池battery，Pack"), (std::vector<std::string>{"锂电池", "battery", "pack"}));
  // Prefixes keep fields apart.
  EXPECT_EQ(c.Match(WordQuery("battery", "")), Ids{});
}

TEST(TextAnalysisTest, TermHelpers) {
  EXPECT_EQ(Term("Batteries", "S"), "Sbatteries");
  EXPECT_EQ(StemmedTerm("Batteries", "S"), "ZSbatteri");
  EXPECT_EQ(StemmedTerm("2015", "S"), "");
  EXPECT_EQ(Term("电池", "XAB"), "XAB电池");
  EXPECT_EQ(Term("two words", ""), "");
}

TEST(TextAnalysisTest, OverlongWordsAreDropped) {
  std::string junk(300, 'a');
  EXPECT_EQ(Terms(junk + " ok"), (std::vector<std::string>{"Zok", "ok"}));
  EXPECT_TRUE(WordQuery(junk, "").empty());
  // Invalid UTF-8 separates tokens and does not throw.
  EXPECT_EQ(Words(std::string("ab\xff" "cd")), (std::vector<std::string>{"ab", "cd"}));
}

// ForEachToken and ForEachTokenTerm, which the planned record matcher uses
// to work each word out once, give exactly ForEachIndexTerm's terms in its
// order, for every kind of token and around the length limit under
// prefixes of different lengths.
TEST(TextAnalysisTest, TokensAndTheirTermsAreWhatIndexTextAdds) {
  std::vector<std::string> texts = {
      "Lithium-ion BATTERIES, with a self-healing separator; the patent's 2.5 mm and 10,000 cycles.",
      "锂离子电池的隔膜 and 電池 リチウムイオン 리튬 이온 배터리 锂battery",
      "ＧＲＡＰＨＥＮＥ ｂａｔｔｅｒｙ １２３ Müller naïve ΣΊΣΥΦΟΣ 3rd 0.5% x_y",
      std::string("ab\xff" "cd") + " end",
      "",
  };
  for (size_t n = kMaxTermBytes - 6; n <= kMaxTermBytes + 1; ++n)
    texts.push_back("short " + std::string(n, 'e') + " " + std::string(n, '7') + " tail");
  for (std::string_view prefix : {"", "S", "XAB", "XPA"})
    for (const std::string& text : texts) {
      std::vector<std::string> indexed, by_token;
      Xapian::termpos pos = 0;
      ForEachIndexTerm(text, prefix, &pos, [&](const std::string& t, Xapian::termpos) { indexed.push_back(t); });
      size_t tokens = 0;
      ForEachToken(text, [&](const TextToken& token) {
        ++tokens;
        ForEachTokenTerm(token, prefix, [&](const std::string& t) { by_token.push_back(t); });
      });
      EXPECT_EQ(by_token, indexed) << "prefix " << prefix << ": " << text;
      EXPECT_EQ(tokens == 0, text.empty()) << text;
    }
}

}  // namespace
}  // namespace patnav::index
