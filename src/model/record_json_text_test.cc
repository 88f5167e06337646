// RecordFromJsonText (simdjson) decodes exactly what RecordFromJson on
// nlohmann's DOM does: the same record for every accepted input, the same
// refusals, the same treatment of wrong types, floats and repeated keys.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "model/record_json.h"

namespace patnav {
namespace {

// The record decoded both ways, as canonical JSON lines (every field
// compared), or the error message.
std::string ViaSimdjson(const std::string& text) {
  Result<PatentRecord> r = RecordFromJsonText(text);
  return r.ok() ? RecordToJsonLine(*r) : "error: " + r.status().message();
}

std::string ViaNlohmann(const std::string& text) {
  Json j = Json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return "error: not valid JSON";
  Result<PatentRecord> r = RecordFromJson(j);
  return r.ok() ? RecordToJsonLine(*r) : "error: " + r.status().message();
}

PatentRecord FullRecord() {
  PatentRecord r;
  r.publication_number = "CN115000001A";
  r.country = "CN";
  r.doc_number = "115000001";
  r.kind = "A";
  r.publication_date = "2022-09-02";
  r.grant_date = "2024-01-05";
  r.application_number = "CN202210000001";
  r.filing_date = "2022-01-01";
  r.priority_date = "2021-12-30";
  r.priority_claims = {{"CN", "202111111111", "2021-12-30"}, {"US", "63/000,001", ""}};
  r.family_id = "F-1";
  r.language = "zh";
  r.title = {{"zh", "一种锂电池\"正极\"材料"}, {"en", "Cathode material\twith \\ slash"}};
  r.abstract_text = {{"zh", "本发明公开了……\n第二段"}, {"en", "Abstract 😀 emoji"}};
  Claim c1;
  c1.num = 1;
  c1.text = "一种正极材料，其特征在于……";
  c1.independent = true;
  Claim c2;
  c2.num = 2;
  c2.text = "根据权利要求1所述的材料";
  c2.independent = false;
  c2.depends_on = {1};
  r.claims = {c1, c2};
  r.claims_count = 2;
  Party a;
  a.name = "宁德时代新能源科技股份有限公司";
  a.normalized = "宁德时代新能源科技";
  a.type = PartyTypeFromName("company");
  a.country = "CN";
  a.city = "宁德";
  a.province = "福建省";
  a.standardized = "宁德时代";
  Party inv;
  inv.name = "Zhang San";
  inv.last_name = "Zhang";
  inv.first_name = "San";
  r.applicants = {a};
  r.assignees = {a};
  r.inventors = {inv};
  r.ipc = {"H01M 4/36", "H01M 10/0525"};
  r.cpc = {"H01M4/366"};
  r.national_classes = {"429/231.95"};
  r.citations = {{"US9000000B2", "US", "9000000", "B2", "2015-04-07", "X"}, {"", "JP", "2010123456", "A", "", ""}};
  r.npl_citations = {"Smith, J. Power Sources 2019"};
  r.description_chars = 123456;
  r.term_extension_days = 802;
  r.terminal_disclaimer = true;
  r.length_of_grant_years = 20;
  r.parent_applications = {{"continuation", "US", "12/253,614", "2008-10-17"}};
  r.source.format = "uspto-grant-xml-4.5";
  r.source.file = "ipg240105.xml";
  r.source.doc_index = 42;
  return r;
}

TEST(RecordJsonText, AFullRecordRoundTripsAndMatchesNlohmann) {
  const std::string line = RecordToJsonLine(FullRecord());
  EXPECT_EQ(ViaSimdjson(line), line);
  EXPECT_EQ(ViaSimdjson(line), ViaNlohmann(line));
  Result<PatentRecord> r = RecordFromJsonText(line);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->title.at("zh"), "一种锂电池\"正极\"材料");
  EXPECT_EQ(r->claims[1].depends_on, std::vector<int>{1});
  EXPECT_EQ(*r->term_extension_days, 802);
  EXPECT_EQ(r->applicants[0].province, "福建省");
  EXPECT_EQ(r->applicants[0].standardized, "宁德时代");
}

TEST(RecordJsonText, OddInputsAreTreatedAlike) {
  const std::vector<std::string> inputs = {
      // refusals
      "", "not json", "[1,2]", "\"text\"", "{\"publication_number\":\"US1\"", "{}",
      "{\"publication_number\":17}", "{\"publication_number\":\"\"}",
      "{\"publication_number\":\"US1\",\"title\":{\"en\":\"\xff\xfe\"}}",  // invalid UTF-8
      // wrong types are ignored, not refused
      "{\"publication_number\":\"US1\",\"country\":5,\"title\":[\"x\"],\"claims\":{\"a\":1},"
      "\"ipc\":[\"H01M\",7,null,\"G06F\"],\"applicants\":[\"x\",{\"name\":3},{\"name\":\"Acme\",\"type\":9}]}",
      // integers and floats
      "{\"publication_number\":\"US1\",\"claims_count\":2.0,\"description_chars\":9007199254740993,"
      "\"term_extension_days\":-5,\"length_of_grant_years\":1e2,\"claims\":[{\"num\":3,\"depends_on\":[1,2.5,\"2\",4]}]}",
      "{\"publication_number\":\"US1\",\"description_chars\":18446744073709551615}",
      // escapes, and a key given twice (the last counts)
      "{\"publication_number\":\"US\\u00e91\",\"title\":{\"zh\":\"\\u4e2d\\u6587\",\"zh\":\"second\"},"
      "\"kind\":\"A\",\"kind\":\"B1\",\"terminal_disclaimer\":\"yes\"}",
      // nested unknown members
      "{\"publication_number\":\"US1\",\"extra\":{\"deep\":[[[{\"x\":[]}]]]},\"source\":{\"doc_index\":-1,\"format\":\"x\"}}",
      "  {\"publication_number\":\"US1\"}  \n",
  };
  for (const std::string& in : inputs) EXPECT_EQ(ViaSimdjson(in), ViaNlohmann(in)) << "input: " << in;
}

}  // namespace
}  // namespace patnav
