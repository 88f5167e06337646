// The USPTO maintenance fee reader: both fixed-width layouts read by column,
// detection from content, and bad lines rejected with their line numbers
// (wrong length, bad fields, unknown codes never guessed).
#include "readers/uspto_maintfee_reader.h"

#include <cstdio>
#include <vector>

#include <gtest/gtest.h>

#include "readers/byte_source.h"

namespace patnav {
namespace {

struct Collect : RecordSink {
  std::vector<LegalEvent> events;
  std::vector<Rejection> rejections;
  void OnRecord(PatentRecord&&) override { ADD_FAILURE() << "a fee file holds no patent records"; }
  void OnReject(Rejection&& r) override { rejections.push_back(std::move(r)); }
  void OnLegalEvent(LegalEvent&& e) override { events.push_back(std::move(e)); }
};

std::string Current(const char* patent, const char* app, char small, const char* filed, const char* granted,
                    const char* entered, const char* code) {
  char buf[80];
  std::snprintf(buf, sizeof buf, "%13s %8s %c %8s %8s %8s %-5s", patent, app, small, filed, granted, entered, code);
  return buf;
}

std::string Old(const char* patent, const char* app, char small, const char* filed, const char* granted,
                const char* entered, const char* code) {
  char buf[80];
  std::snprintf(buf, sizeof buf, "%7s %8s %c %8s %8s %8s %-5s", patent, app, small, filed, granted, entered, code);
  return buf;
}

Collect ReadAll(const std::string& text) {
  Collect sink;
  std::unique_ptr<ByteSource> in = NewStringSource(text, "MaintFeeEvents_20240101.txt");
  Status st = NewUsptoMaintFeeReader()->Read(*in, sink);
  EXPECT_TRUE(st.ok()) << st.ToString();
  return sink;
}

TEST(MaintFeeReader, BothLayoutsByColumn) {
  std::string a = Current("0000008926509", "12134151", 'N', "20080605", "20150106", "20180702", "M1551");
  std::string b = Old("4287053", "06117637", 'Y', "19801222", "19810901", "19960914", "EXP.");
  ASSERT_EQ(a.size(), 57u);
  ASSERT_EQ(b.size(), 51u);
  Collect got = ReadAll(a + "\n" + b + "\r\n" + "\n");
  ASSERT_TRUE(got.rejections.empty()) << got.rejections[0].ToString();
  ASSERT_EQ(got.events.size(), 2u);
  const LegalEvent& paid = got.events[0];
  EXPECT_EQ(paid.subject, "US8926509");
  EXPECT_EQ(paid.application_number, "12134151");
  EXPECT_EQ(paid.territory, "US");
  EXPECT_EQ(paid.event_date, "2018-07-02");
  EXPECT_EQ(paid.inpadoc_office + paid.inpadoc_code, "USMAFP");
  EXPECT_EQ(paid.event_class, 'U');
  EXPECT_EQ(paid.influence, '+');
  ASSERT_EQ(paid.sources.size(), 1u);
  EXPECT_EQ(paid.sources[0].format, "uspto-maintfee");
  EXPECT_EQ(paid.sources[0].code, "M1551");
  const LegalEvent& expired = got.events[1];
  EXPECT_EQ(expired.subject, "US4287053");
  EXPECT_EQ(expired.event_date, "1996-09-14");
  EXPECT_EQ(expired.inpadoc_code, "LAPS");
  EXPECT_EQ(expired.event_class, 'H');
  EXPECT_EQ(expired.influence, '-');
  EXPECT_EQ(expired.sources[0].code, "EXP.");
}

TEST(MaintFeeReader, TrailingSpacesStrippedAndDesignNumbers) {
  std::string a = Current("D0500000", "29123456", 'Y', "20030101", "20041221", "20080620", "EXPX");
  while (a.back() == ' ') a.pop_back();
  Collect got = ReadAll(a + "\n");
  ASSERT_TRUE(got.rejections.empty()) << got.rejections[0].ToString();
  ASSERT_EQ(got.events.size(), 1u);
  EXPECT_EQ(got.events[0].subject, "USD500000");
  EXPECT_EQ(got.events[0].inpadoc_code, "REIN");
  EXPECT_EQ(got.events[0].event_class, 'K');
}

TEST(MaintFeeReader, BadLinesAreRejectedWithTheirLineNumbers) {
  std::string good = Current("8926509", "12134151", 'N', "20080605", "20150106", "20180702", "M1551");
  std::string lines = good + "\n" +                                                                     // 1
                      good.substr(0, 40) + "\n" +                                                        // 2: short
                      Current("8926509", "12134151", 'N', "20080605", "20150106", "20180702", "ZZZZ9") + "\n" +  // 3
                      Current("8926509", "12134151", 'X', "20080605", "20150106", "20180702", "M1551") + "\n" +  // 4
                      Current("8926509", "12134151", 'N', "20080605", "20150106", "20181302", "M1551") + "\n" +  // 5
                      Current("89x6509", "12134151", 'N', "20080605", "20150106", "20180702", "M1551") + "\n" +  // 6
                      std::string(57, 'x') + "\n" +                                                      // 7
                      good + "\n";                                                                       // 8
  Collect got = ReadAll(lines);
  EXPECT_EQ(got.events.size(), 2u);
  ASSERT_EQ(got.rejections.size(), 6u);
  EXPECT_EQ(got.rejections[0].doc_index, 2);
  EXPECT_NE(got.rejections[0].reason.find("line of 40 characters"), std::string::npos) << got.rejections[0].reason;
  EXPECT_EQ(got.rejections[1].doc_index, 3);
  EXPECT_EQ(got.rejections[1].reason, "unknown event code 'ZZZZ9'");
  EXPECT_EQ(got.rejections[2].doc_index, 4);
  EXPECT_NE(got.rejections[2].reason.find("small entity"), std::string::npos);
  EXPECT_EQ(got.rejections[3].doc_index, 5);
  EXPECT_NE(got.rejections[3].reason.find("entry date"), std::string::npos);
  EXPECT_EQ(got.rejections[4].doc_index, 6);
  EXPECT_NE(got.rejections[4].reason.find("patent number"), std::string::npos);
  EXPECT_EQ(got.rejections[5].doc_index, 7);
  EXPECT_EQ(got.rejections[5].file, "MaintFeeEvents_20240101.txt");
}

TEST(MaintFeeReader, DetectedFromContent) {
  std::string line = Current("8926509", "12134151", 'N', "20080605", "20150106", "20180702", "M1551");
  EXPECT_TRUE(LooksLikeUsptoMaintFee(line + "\n"));
  EXPECT_TRUE(LooksLikeUsptoMaintFee("\n" + Old("4287053", "06117637", 'Y', "19801222", "19810901", "19960914", "EXP.")));
  EXPECT_FALSE(LooksLikeUsptoMaintFee("publication_number,title\nUS1,x\n"));
  EXPECT_FALSE(LooksLikeUsptoMaintFee(std::string(57, 'a')));
  Result<std::unique_ptr<Reader>> r = DetectReader(line + "\n", {});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ((*r)->name(), "uspto-maintfee");
}

}  // namespace
}  // namespace patnav

namespace patnav {
namespace {

// Found by the fuzz harness: bytes that are not ASCII (which the line reader
// would take for GB18030 and transcode) are refused, not read shifted.
TEST(MaintFeeReader, NonAsciiBytesAreRejected) {
  std::string line = Current("0000008926509", "12134151", 'N', "20080605", "20150106", "20180702", "M1551");
  std::string bad = line;
  bad[0] = '\xAD';
  Collect got = ReadAll(line + "\n" + bad + "\n");
  EXPECT_EQ(got.events.size(), 1u);
  ASSERT_EQ(got.rejections.size(), 1u);
  EXPECT_EQ(got.rejections[0].doc_index, 2);
  LegalEvent e;
  EXPECT_FALSE(ParseMaintFeeLine(std::string("\xD0\xD8") + line.substr(2), e).ok());
  EXPECT_FALSE(ParseMaintFeeLine("x" + line.substr(1), e).ok());  // a lower-case prefix is no patent number
}

}  // namespace
}  // namespace patnav
