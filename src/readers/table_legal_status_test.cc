// Legal-status columns of Chinese tool exports (法律状态, 法律状态/事件,
// 简单法律状态, 当前法律状态, 失效日) read by the CSV presets into legal events
// on the CN INPADOC codes: separators " | ", "；" and newlines, dates written
// with the word or taken from the record and 失效日, states that are no
// event, an unknown word kept unclassified with a warning (left out with a
// warning when undated), a known word without any date left out.
#include "readers/table_legal_status.h"

#include <gtest/gtest.h>

#include "readers/byte_source.h"
#include "readers/collecting_sink_testing.h"
#include "readers/reader.h"

namespace patnav {
namespace {

using Collect = patnav::testing::CollectingSink;

Collect ReadCsv(const std::string& text) {
  Collect sink;
  Result<std::unique_ptr<Reader>> reader = DetectReader(text, {});
  EXPECT_TRUE(reader.ok()) << reader.status().ToString();
  if (!reader.ok()) return sink;
  std::unique_ptr<ByteSource> in = NewStringSource(text, "patsnap.csv");
  Status st = (*reader)->Read(*in, sink);
  EXPECT_TRUE(st.ok()) << st.ToString();
  return sink;
}

std::vector<const LegalEvent*> Of(const Collect& c, const std::string& subject) {
  std::vector<const LegalEvent*> out;
  for (const LegalEvent& e : c.events)
    if (e.subject == subject) out.push_back(&e);
  return out;
}

TEST(TableLegalStatus, PatSnapColumnsBecomeEventsOnCnCodes) {
  const std::string csv =
      "公开(公告)号,标题,申请日,公开(公告)日,法律状态/事件,简单法律状态,当前法律状态,失效日\n"
      "CN112345678B,一种电池,2019-01-02,2021-03-02,"
      "\"2019-05-21 实质审查的生效 | 2021-03-02 授权 | 2022-07-01 权利转移\",有效,授权,-\n"
      "CN109999999A,一种电极,2018-01-02,2018-07-10,\"公开\n实质审查的生效；未缴年费专利权终止\",失效,"
      "未缴年费专利权终止,2023-01-10\n";
  Collect c = ReadCsv(csv);
  EXPECT_TRUE(c.rejections.empty()) << c.rejections.front().ToString();
  ASSERT_EQ(c.records.size(), 2u);

  // Row 1: three dated events; 有效 is a state, 授权 again is the same event.
  std::vector<const LegalEvent*> granted = Of(c, "CN112345678");
  ASSERT_EQ(granted.size(), 3u);
  EXPECT_EQ(granted[0]->inpadoc_code, "SE01");
  EXPECT_EQ(granted[0]->event_date, "2019-05-21");
  EXPECT_EQ(granted[0]->event_class, 'D');
  EXPECT_EQ(granted[0]->sources[0].code, "实质审查的生效");
  EXPECT_EQ(granted[1]->inpadoc_code, "GR01");
  EXPECT_EQ(granted[1]->event_class, 'F');
  EXPECT_EQ(granted[1]->influence, '+');
  EXPECT_EQ(granted[1]->event_date, "2021-03-02");
  EXPECT_EQ(granted[2]->inpadoc_code, "TR01");
  EXPECT_EQ(granted[2]->event_class, 'R');
  EXPECT_EQ(granted[2]->territory, "CN");

  // Row 2: 公开 on the publication date, 实质审查 without a date left out
  // (a state, not an event), the lapse on 失效日 once (the bare 失效 adds nothing).
  std::vector<const LegalEvent*> lapsed = Of(c, "CN109999999");
  ASSERT_EQ(lapsed.size(), 2u);
  EXPECT_EQ(lapsed[0]->inpadoc_code, "PB01");
  EXPECT_EQ(lapsed[0]->event_date, "2018-07-10");
  EXPECT_EQ(lapsed[1]->inpadoc_code, "CF01");
  EXPECT_EQ(lapsed[1]->event_class, 'H');
  EXPECT_EQ(lapsed[1]->influence, '-');
  EXPECT_EQ(lapsed[1]->event_date, "2023-01-10");
  EXPECT_TRUE(c.warnings.empty()) << c.warnings.front().ToString();
}

TEST(TableLegalStatus, UnknownWordKeptUnclassifiedWithAWarning) {
  PatentRecord r;
  r.publication_number = "CN1A";
  r.country = "CN";
  r.doc_number = "1";
  r.kind = "A";
  std::vector<std::string> warnings;
  std::vector<LegalEvent> events =
      LegalEventsFromStatus(r, {{"2020-01-01 奇怪的状态", "奇怪的状态", "2020.02.03 质押", "2021-02-03 质押解除",
                                 "许可合同备案的注销 20210405", "全部无效"}, "2022-02-02"},
                            warnings);
  ASSERT_EQ(events.size(), 5u);
  EXPECT_EQ(events[0].event_class, ' ');
  EXPECT_TRUE(events[0].inpadoc_code.empty());
  EXPECT_EQ(events[0].sources[0].code, "奇怪的状态");
  EXPECT_EQ(events[1].inpadoc_code, "PE01");
  EXPECT_EQ(events[1].event_date, "2020-02-03");
  EXPECT_EQ(events[2].inpadoc_code, "PC01");
  EXPECT_EQ(events[3].inpadoc_code, "EC01");
  EXPECT_EQ(events[3].event_date, "2021-04-05");
  EXPECT_EQ(events[4].inpadoc_code, "IW01");  // dated by 失效日
  EXPECT_EQ(events[4].event_date, "2022-02-02");
  ASSERT_EQ(warnings.size(), 2u);
  EXPECT_NE(warnings[0].find("no known meaning: kept unclassified"), std::string::npos) << warnings[0];
  EXPECT_NE(warnings[1].find("no known meaning, no date: left out"), std::string::npos) << warnings[1];
  EXPECT_NE(warnings[0].find("CN1A 法律状态 '奇怪的状态'"), std::string::npos) << warnings[0];

  // Another country's patent keeps the class, not the CN code.
  r.country = "US";
  r.publication_number = "US1B1";
  warnings.clear();
  events = LegalEventsFromStatus(r, {{"2020-01-01 授权"}, ""}, warnings);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_TRUE(events[0].inpadoc_code.empty());
  EXPECT_EQ(events[0].event_class, 'F');
  EXPECT_EQ(events[0].territory, "US");
}

}  // namespace
}  // namespace patnav
