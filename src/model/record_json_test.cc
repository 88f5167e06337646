// Canonical JSON round trip and merge rules.
#include <gtest/gtest.h>

#include "model/merge.h"
#include "model/party.h"
#include "model/record_json.h"

namespace patnav {
namespace {

PatentRecord Sample() {
  PatentRecord r;
  r.country = "CN";
  r.doc_number = "115123456";
  r.kind = "A";
  r.publication_date = "2022-09-30";
  r.filing_date = "2022-06-01";
  r.language = "zh";
  r.title["zh"] = "一种锂电池正极材料";
  r.abstract_text["zh"] = "本发明公开了一种锂电池正极材料。";
  r.claims.push_back({1, "一种锂电池正极材料，其特征在于……", true, {}});
  r.claims.push_back({2, "根据权利要求1所述的材料。", false, {1}});
  r.applicants.push_back(MakeOrganisation("宁德时代新能源科技股份有限公司"));
  r.inventors.push_back(PersonFromFullName("张伟"));
  r.ipc = {"H01M 4/525", "H01M 10/0525"};
  r.source.format = "csv-mapped";
  r.source.file = "x.csv";
  r.source.doc_index = 2;
  FinishRecord(r);
  return r;
}

TEST(RecordJson, RoundTrip) {
  PatentRecord r = Sample();
  Json j = RecordToJson(r);
  EXPECT_EQ(j["publication_number"], "CN115123456A");
  EXPECT_EQ(j["claims_count"], 2);
  EXPECT_EQ(j["priority_date"], "2022-06-01");  // no priority claim: the filing date
  EXPECT_FALSE(j.contains("grant_date"));      // absent facts are omitted
  EXPECT_EQ(j["applicants"][0]["type"], "company");
  Result<PatentRecord> back = RecordFromJsonText(RecordToJsonLine(r));
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_TRUE(SameFacts(r, *back));
}

TEST(RecordJson, RejectsGarbage) {
  EXPECT_FALSE(RecordFromJsonText("{not json").ok());
  EXPECT_FALSE(RecordFromJsonText("[1,2]").ok());
  EXPECT_FALSE(RecordFromJsonText("{\"title\":{}}").ok());
}

TEST(Merge, RicherWinsAndNothingDuplicates) {
  PatentRecord full = Sample();
  PatentRecord thin;
  thin.country = "CN";
  thin.doc_number = "115123456";
  thin.kind = "A";
  thin.title["en"] = "Positive electrode material for lithium battery";
  thin.ipc = {"H01M 10/0525", "H01M 4/62"};
  thin.grant_date = "2023-01-01";
  thin.source.format = "google-patents-csv";
  FinishRecord(thin);
  PatentRecord m = MergeRecords(thin, full);
  EXPECT_EQ(m.source.format, "csv-mapped");  // the richer record is the base
  EXPECT_EQ(m.title.size(), 2u);
  EXPECT_EQ(m.grant_date, "2023-01-01");  // filled from the thinner one
  EXPECT_EQ(m.ipc, (std::vector<std::string>{"H01M 4/525", "H01M 10/0525", "H01M 4/62"}));
  EXPECT_EQ(m.claims.size(), 2u);
  // Idempotent: merging either input again changes nothing.
  EXPECT_TRUE(SameFacts(MergeRecords(m, full), m));
  EXPECT_TRUE(SameFacts(MergeRecords(m, thin), m));
  // Order of arrival does not matter.
  EXPECT_TRUE(SameFacts(MergeRecords(full, thin), m));
}

}  // namespace
}  // namespace patnav
