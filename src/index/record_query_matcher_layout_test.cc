// A planned RecordQueryMatcher lays out its postings through the plan's
// vocabulary (plan_vocabulary.h): these tests hold it to the reference, the
// terms of ForEachDocumentTermExcept looked up one by one in the plan --
// the same ids under the same terms, over the shared test corpus and over
// records made of what the analyser treats specially (CJK runs, digits,
// hyphens, words around kMaxTermBytes, mixed case, full-width ASCII), for
// plans made by PlanFor and plans sampled from the records' own terms,
// with the vocabulary shared by matchers one after another and at once,
// and starting again when it is full.
#include <algorithm>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "index/document_builder.h"
#include "index/document_terms.h"
#include "index/plan_vocabulary.h"
#include "index/record_query_matcher.h"
#include "index/search_test_corpus.h"
#include "index/text_analysis.h"

namespace patnav::index {
namespace {

using Postings = std::map<std::string, std::vector<uint32_t>>;

struct Item {
  uint32_t id;
  PatentRecord record;
  std::optional<IndexedLegalStatus> status;
};

// A record of the words the analyser treats specially, in every free-text
// field and in its names.
PatentRecord Special(int n, const std::string& text) {
  PatentRecord r;
  r.publication_number = "CN" + std::to_string(900000 + n) + "A";
  r.country = "CN";
  r.kind = "A";
  r.publication_date = "2024-03-0" + std::to_string(1 + n % 9);
  r.title["en"] = text;
  r.title["zh"] = "锂离子电池隔膜" + std::to_string(n);
  r.abstract_text["en"] = "ABSTRACT: " + text;
  r.claims.push_back({1, "1. A Device, per " + text, true, {}});
  r.claims.push_back({2, "2. The device of claim 1, 锂电池 de-icing", false, {1}});
  r.description = text + " described";
  Party applicant, inventor;
  applicant.name = "Müller-ＧＭＢＨ " + std::to_string(n);
  inventor.name = "ΣΊΣΥΦΟΣ, Anna-Lena";
  r.applicants.push_back(applicant);
  r.inventors.push_back(inventor);
  r.ipc = {"H01M 10/0525", "F03D 1/06"};
  Citation cited;
  cited.publication_number = "US5123456A";
  r.citations.push_back(cited);
  return r;
}

std::vector<std::string> SpecialTexts() {
  std::vector<std::string> texts = {
      "Lithium-ion BATTERIES with a Self-Healing separator; the patent's 2.5 mm, 10,000 cycles, 3rd layer",
      "锂离子电池的隔膜 and 電池 リチウムイオン 리튬 이온 배터리 锂battery 々〇",
      "ＧＲＡＰＨＥＮＥ ｂａｔｔｅｒｙ １２３ GrApHeNe graphene GRAPHENE Naïve x_y 0.5% H₂O",
  };
  for (size_t n = kMaxTermBytes - 6; n <= kMaxTermBytes + 1; ++n)
    texts.push_back("long " + std::string(n, 'e') + " " + std::string(n - 1, '7') + "s " +
                    std::string(n / 3, 'A') + std::string(n - n / 3, 'b'));
  return texts;
}

// The shared corpus, then the special records; some with a legal status.
const std::vector<Item>& Items() {
  static const std::vector<Item> items = [] {
    std::vector<Item> out;
    testcorpus::Corpus& c = testcorpus::Shared();
    EXPECT_TRUE(c.store->ForEachChangedSince(0, [&](const ChangedPublication& p) {
                         out.push_back({static_cast<uint32_t>(p.id), *p.record, std::nullopt});
                         return true;
                       }, false).ok());
    uint32_t id = 1;
    for (const Item& it : out) id = std::max(id, it.id + 1);
    const std::vector<std::string> texts = SpecialTexts();
    for (size_t i = 0; i < texts.size(); ++i)
      out.push_back({id++, Special(static_cast<int>(i), texts[i]), std::nullopt});
    const char* states[] = {"in_force", "pending", "lapsed", "withdrawn"};
    for (size_t i = 0; i < out.size(); i += 3) out[i].status = IndexedLegalStatus{states[i % 4], "2031-01-01"};
    return out;
  }();
  return items;
}

// The reference: each term ForEachDocumentTermExcept makes, looked up in
// the plan.
Postings TermByTerm(const RecordQueryMatcher::Plan& plan, const std::vector<Item>& items) {
  Postings out;
  for (const Item& it : items)
    ForEachDocumentTermExcept(
        it.record,
        [&](const std::string& t) {
          if (!plan.terms->count(t)) return;
          std::vector<uint32_t>& ids = out[t];
          if (ids.empty() || ids.back() != it.id) ids.push_back(it.id);
        },
        plan.descriptions, it.status ? &*it.status : nullptr, plan.skip.get());
  for (auto& [term, ids] : out) std::sort(ids.begin(), ids.end());
  return out;
}

Postings LaidOut(const RecordQueryMatcher::Plan& plan, const std::vector<Item>& items) {
  RecordQueryMatcher m(plan);
  for (const Item& it : items) EXPECT_TRUE(m.Add(it.id, it.record, 0, it.status ? &*it.status : nullptr).ok());
  return m.Postings();
}

// A plan of every `every`-th distinct term the items hold (every field,
// boolean terms included), of all the special records' terms, and of terms
// no record holds.
RecordQueryMatcher::Plan Sampled(const std::vector<Item>& items, size_t every,
                                 size_t max_words = PlanVocabulary::kMaxWords) {
  std::set<std::string> all, special;
  for (const Item& it : items) {
    const bool is_special = it.record.publication_number.starts_with("CN9");
    ForEachDocumentTerm(
        it.record, [&](const std::string& t) { (is_special ? special : all).insert(t); }, true,
        it.status ? &*it.status : nullptr);
  }
  auto terms = std::make_shared<std::unordered_set<std::string>>(special.begin(), special.end());
  size_t k = 0;
  for (const std::string& t : all)
    if (k++ % every == 0) terms->insert(t);
  for (const char* absent : {"Szzzabsent", "ZXABzzzabsent", "XIPCZ99Z", "XAB"}) terms->insert(absent);
  RecordQueryMatcher::Plan plan;
  plan.terms = terms;
  plan.vocabulary = std::make_shared<const PlanVocabulary>(plan.terms, max_words);
  return plan;
}

RecordQueryMatcher::Plan WithoutVocabulary(RecordQueryMatcher::Plan plan) {
  plan.vocabulary = nullptr;
  return plan;
}

TEST(RecordQueryMatcherLayout, TheVocabularyLaysOutWhatTermByTermLaysOut) {
  const std::vector<Item>& items = Items();
  ASSERT_GT(items.size(), 100u);
  std::vector<RecordQueryMatcher::Plan> plans = {
      RecordQueryMatcher::PlanFor({"TI=turbine", "TAC=(wind AND rotor) AND IPC=F03D", "PA=Boreal", "IN=anna",
                                   "TI=锂离子电池 OR AB=隔膜", "FT=blade", "CC=US AND KD=B2", "LS=live"}),
      RecordQueryMatcher::PlanFor({"TI=graphene AND IPC=H01M", "TAC=(battery AND lithium)"}),
      Sampled(items, 1),
      Sampled(items, 7),
  };
  for (size_t p = 0; p < plans.size(); ++p) {
    const RecordQueryMatcher::Plan& plan = plans[p];
    ASSERT_NE(plan.terms, nullptr) << p;
    ASSERT_NE(plan.vocabulary, nullptr) << p;
    const Postings expected = TermByTerm(plan, items);
    EXPECT_GT(expected.size(), 3u) << "plan " << p << " must find something to tell";
    EXPECT_EQ(LaidOut(plan, items), expected) << "plan " << p;
    EXPECT_EQ(LaidOut(WithoutVocabulary(plan), items), expected) << "plan " << p << ", term by term";
    // Again, the vocabulary now knowing every word.
    EXPECT_EQ(LaidOut(plan, items), expected) << "plan " << p << ", warm";
  }
  // Each special record holds planned terms of the sampled plan in every
  // free-text field.
  const Postings sampled = TermByTerm(plans[2], items);
  for (const Item& it : items) {
    if (!it.record.publication_number.starts_with("CN9")) continue;
    for (std::string_view prefix : {"S", "XAB", "XCL", "XDE", "XPA", "XIN"}) {
      bool holds = false;
      for (const auto& [term, ids] : sampled)
        holds = holds || (term.starts_with(prefix) && std::binary_search(ids.begin(), ids.end(), it.id));
      EXPECT_TRUE(holds) << it.record.publication_number << " " << prefix;
    }
  }
}

// Matchers made from one plan share its vocabulary: one after another, and
// (though the watches never do it) on several threads at once.
TEST(RecordQueryMatcherLayout, MatchersSharingAVocabularyAtOnceLayOutTheSame) {
  const std::vector<Item>& items = Items();
  const RecordQueryMatcher::Plan plan = Sampled(items, 3);
  const Postings expected = TermByTerm(plan, items);
  std::vector<Postings> got(4);
  std::vector<std::thread> threads;
  for (size_t t = 0; t < got.size(); ++t) threads.emplace_back([&, t] { got[t] = LaidOut(plan, items); });
  for (std::thread& t : threads) t.join();
  for (const Postings& g : got) EXPECT_EQ(g, expected);
}

// More distinct words than the vocabulary keeps: it starts again, midway
// through a record and again and again, and the postings are still the
// reference's.
TEST(RecordQueryMatcherLayout, AVocabularyStartingAgainLosesNothing) {
  const std::vector<Item>& items = Items();
  for (size_t max_words : {1, 50, 1000}) {
    const RecordQueryMatcher::Plan plan = Sampled(items, 5, max_words);
    const Postings expected = TermByTerm(plan, items);
    EXPECT_EQ(LaidOut(plan, items), expected) << max_words;
    EXPECT_EQ(LaidOut(plan, items), expected) << max_words << ", again";
  }
}

}  // namespace
}  // namespace patnav::index
