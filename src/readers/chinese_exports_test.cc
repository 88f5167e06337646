// Real PatSnap (智慧芽), incoPat and CNIPA export layouts through the header
// preset: the bracketed and bracket-less header variants, the tools'
// standardised applicant beside the name as published, the current owner, the
// applicant's province and city, '-' as an empty cell, inventor columns whose
// separator is decided from their values, and the licence / pledge / transfer
// columns read as legal events.
#include <string>

#include <gtest/gtest.h>

#include "readers/collecting_sink_testing.h"
#include "readers/mapped_table_reader.h"
#include "readers/reader.h"

namespace patnav {
namespace {

using testing::CollectingSink;

CollectingSink Read(const std::string& csv) {
  CollectingSink sink;
  Result<std::unique_ptr<Reader>> reader = DetectReader(csv, ReaderOptions{});
  EXPECT_TRUE(reader.ok()) << reader.status().ToString();
  if (!reader.ok()) return sink;
  auto src = NewStringSource(csv, "export.csv");
  Status st = (*reader)->Read(*src, sink);
  EXPECT_TRUE(st.ok()) << st.ToString();
  return sink;
}

const PatentRecord& Get(const CollectingSink& s, std::string_view pn) {
  for (const auto& r : s.records)
    if (r.publication_number == pn) return r;
  ADD_FAILURE() << pn << " not read";
  static PatentRecord none;
  return none;
}

bool HasEvent(const CollectingSink& s, const std::string& subject, std::string_view code, std::string_view date) {
  for (const auto& e : s.events)
    if (e.subject == subject && e.inpadoc_code == code && e.event_date == date) return true;
  return false;
}

const char* kPatSnap =
    "公开(公告)号,受理局,专利类型,[标]当前申请(专利权)人,当前申请(专利权)人,发明人,IPC分类号,IPC主分类号(小类),"
    "战略新兴产业分类,被引用专利数量,引用专利数量,简单同族成员数量,简单法律状态,法律状态/事件,申请年,"
    "当前申请(专利权)人州/省,当前申请(专利权)人城市,代理机构,许可类型,质押,转让\n"
    "US10234567B2,US,授权发明,MAGIC LEAP INC,\"MAGIC LEAP, INC.\",\"MILLER, SAMUEL A.\",G02B 27/01,G02B,-,"
    "3,10,2,有效,2019-03-19 授权,2016,FL,Plantation,-,-,-,-\n"
    "US10123456B2,US,授权发明,MAGIC LEAP INC,\"MAGIC LEAP, INC.\",\"SCHOWENGERDT, BRIAN T. | STANLEY, ANDREW\","
    "G02B 27/01 | G06T 19/00,G02B,-,12,30,5,有效,2018-11-13 授权,2016,FL,-,-,-,-,-\n"
    "CN110123456B,CN,授权发明,华为,华为技术有限公司 | 清华大学,张三 | 李四,H04W 72/04,H04W,新一代信息技术产业,"
    "0,8,1,有效,\"2019-01-01 公开\n2020-06-05 授权\",2018,广东省,深圳市,-,独占许可,2021-03-01 质押,"
    "\"2020-05-06 权利转移；2022-01-10 转让\"\n";

TEST(ChineseExports, PatSnapHeadersAsTheToolWritesThem) {
  CollectingSink sink = Read(kPatSnap);
  ASSERT_EQ(sink.records.size(), 3u);
  EXPECT_TRUE(sink.rejections.empty());
  const PatentRecord& single = Get(sink, "US10234567B2");
  ASSERT_EQ(single.inventors.size(), 1u) << "a comma in this column belongs to a name";
  EXPECT_EQ(single.inventors[0].last_name, "MILLER");
  ASSERT_EQ(single.applicants.size(), 1u);
  EXPECT_EQ(single.applicants[0].name, "MAGIC LEAP, INC.");
  EXPECT_EQ(single.applicants[0].standardized, "MAGIC LEAP INC");
  EXPECT_EQ(single.applicants[0].province, "FL");
  EXPECT_EQ(single.applicants[0].city, "Plantation");
  const PatentRecord& two = Get(sink, "US10123456B2");
  ASSERT_EQ(two.inventors.size(), 2u);
  EXPECT_EQ(two.inventors[0].name, "SCHOWENGERDT, BRIAN T.");
  EXPECT_EQ(two.ipc.size(), 2u);
  const PatentRecord& cn = Get(sink, "CN110123456B");
  ASSERT_EQ(cn.applicants.size(), 2u);
  EXPECT_EQ(cn.applicants[0].province, "广东省");
  EXPECT_EQ(cn.applicants[0].city, "深圳市");
  EXPECT_TRUE(cn.applicants[0].standardized.empty()) << "one standardised name for two applicants pairs with none";
  EXPECT_EQ(cn.inventors.size(), 2u);
  const std::string subject = LegalSubject("CN", "110123456");
  EXPECT_TRUE(HasEvent(sink, subject, "GR01", "2020-06-05"));
  EXPECT_TRUE(HasEvent(sink, subject, "PB01", "2019-01-01"));
  EXPECT_TRUE(HasEvent(sink, subject, "PE01", "2021-03-01")) << "the 质押 column";
  EXPECT_TRUE(HasEvent(sink, subject, "TR01", "2020-05-06")) << "the 转让 column, first value";
  EXPECT_TRUE(HasEvent(sink, subject, "TR01", "2022-01-10")) << "the 转让 column, second value";
  for (const auto& e : sink.events) EXPECT_NE(e.event_date, "") << "the undated 独占许可 is a state, not an event";
}

TEST(ChineseExports, BracketlessAndIncoPatVariants) {
  CollectingSink sink = Read(
      "公开公告号,当前申请专利权人,[标]当前申请专利权人,法律状态事件,许可,质押信息,转让信息\n"
      "CN1234567A,浙江大学,浙江大学,2005-01-01 公开,2019-07-01 普通许可,否,转让人:甲公司 受让人:乙公司 2018-02-03\n");
  ASSERT_EQ(sink.records.size(), 1u);
  const PatentRecord& r = sink.records[0];
  ASSERT_EQ(r.applicants.size(), 1u);
  EXPECT_EQ(r.applicants[0].standardized, "浙江大学");
  const std::string subject = LegalSubject("CN", "1234567");
  EXPECT_TRUE(HasEvent(sink, subject, "PB01", "2005-01-01"));
  EXPECT_TRUE(HasEvent(sink, subject, "EE01", "2019-07-01")) << "the 许可 column";
  EXPECT_TRUE(HasEvent(sink, subject, "TR01", "2018-02-03")) << "a 转让信息 value naming no word is a transfer";
  for (const auto& e : sink.events) EXPECT_NE(e.inpadoc_code, "PE01") << "否 in 质押信息 is no pledge";

  CollectingSink inco = Read(
      "公开号,申请人,专利权人,当前权利人,当前法律状态,申请日\n"
      "CN102345678B,甲大学,甲大学,乙科技有限公司,有效,2011-05-06\n"
      "CN102345679A,丙研究院,-,-,实质审查,-\n");
  ASSERT_EQ(inco.records.size(), 2u);
  const PatentRecord& granted = Get(inco, "CN102345678B");
  ASSERT_EQ(granted.assignees.size(), 2u) << "专利权人 and 当前权利人 both name owners";
  EXPECT_EQ(granted.assignees[1].name, "乙科技有限公司");
  const PatentRecord& pending = Get(inco, "CN102345679A");
  EXPECT_TRUE(pending.assignees.empty()) << "'-' is an empty cell";
  EXPECT_TRUE(pending.filing_date.empty());
}

}  // namespace
}  // namespace patnav
