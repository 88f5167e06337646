// The USPTO patent assignment reader: the real day file in
// ../shared/data/legal/uspto-assignment (counts checked against an
// independent scan of the file's text), detection from content, the
// conveyance mapping, and bad input (unsafe DOCTYPE, a malformed record among
// good ones, a truncated file) refused with where and why.
#include "readers/uspto_assignment_reader.h"

#include <map>
#include <set>
#include <sstream>

#include <gtest/gtest.h>

#include "generator/assignment_writer.h"
#include "model/conveyance.h"
#include "readers/byte_source.h"
#include "testing.h"

namespace patnav {
namespace {

struct Collect : RecordSink {
  std::vector<LegalEvent> events;
  std::vector<Rejection> rejections;
  void OnRecord(PatentRecord&&) override { ADD_FAILURE() << "an assignment file holds no patent records"; }
  void OnReject(Rejection&& r) override { rejections.push_back(std::move(r)); }
  void OnLegalEvent(LegalEvent&& e) override { events.push_back(std::move(e)); }
};

Collect ReadText(const std::string& text) {
  Collect sink;
  std::unique_ptr<ByteSource> in = NewStringSource(text, "ad20990101.xml");
  Status st = NewUsptoAssignmentReader()->Read(*in, sink);
  EXPECT_TRUE(st.ok()) << st.ToString();
  return sink;
}

const char* kHead =
    "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
    "<!DOCTYPE us-patent-assignments [<!ELEMENT us-patent-assignments (action-key-code)>]>\n"
    "<us-patent-assignments dtd-version=\"1.0\"><action-key-code>DA</action-key-code>"
    "<transaction-date><date>20990101</date></transaction-date><patent-assignments>\n";
const char* kTail = "</patent-assignments></us-patent-assignments>\n";

std::string Record(const std::string& reel_frame, const std::string& recorded, const std::string& conveyance,
                   const std::string& from, const std::string& to, const std::string& docs) {
  size_t slash = reel_frame.find('/');
  return "<patent-assignment><assignment-record><reel-no>" + reel_frame.substr(0, slash) + "</reel-no><frame-no>" +
         reel_frame.substr(slash + 1) + "</frame-no><recorded-date><date>" + recorded +
         "</date></recorded-date><conveyance-text>" + conveyance +
         "</conveyance-text></assignment-record><patent-assignors><patent-assignor><name>" + from +
         "</name><execution-date><date>" + recorded.substr(0, 6) + "01</date></execution-date></patent-assignor>"
         "</patent-assignors><patent-assignees><patent-assignee><name>" + to +
         "</name><city>BOSTON</city></patent-assignee></patent-assignees><patent-properties><patent-property>" +
         docs + "</patent-property></patent-properties></patent-assignment>\n";
}

std::string Doc(const char* number, const char* kind) {
  return std::string("<document-id><country>US</country><doc-number>") + number + "</doc-number><kind>" + kind +
         "</kind></document-id>";
}

TEST(AssignmentReader, ConveyanceTextsMapToKinds) {
  EXPECT_EQ(ClassifyConveyanceText("ASSIGNMENT OF ASSIGNORS INTEREST (SEE DOCUMENT FOR DETAILS)."), ConveyanceKind::kAssignment);
  EXPECT_EQ(ClassifyConveyanceText("NUNC PRO TUNC ASSIGNMENT (SEE DOCUMENT FOR DETAILS)."), ConveyanceKind::kNuncProTunc);
  EXPECT_EQ(ClassifyConveyanceText("MERGER (SEE DOCUMENT FOR DETAILS)."), ConveyanceKind::kMerger);
  EXPECT_EQ(ClassifyConveyanceText("SECURITY INTEREST (SEE DOCUMENT FOR DETAILS)."), ConveyanceKind::kSecurityInterest);
  EXPECT_EQ(ClassifyConveyanceText("RELEASE BY SECURED PARTY (SEE DOCUMENT FOR DETAILS)."), ConveyanceKind::kRelease);
  EXPECT_EQ(ClassifyConveyanceText("LICENSE (SEE DOCUMENT FOR DETAILS)."), ConveyanceKind::kLicence);
  EXPECT_EQ(ClassifyConveyanceText("CHANGE OF NAME (SEE DOCUMENT FOR DETAILS)."), ConveyanceKind::kChangeOfName);
  EXPECT_EQ(ClassifyConveyanceText("CORRECTIVE ASSIGNMENT TO CORRECT THE ASSIGNEE NAME"), ConveyanceKind::kCorrective);
  EXPECT_EQ(ClassifyConveyanceText("GOVERNMENT INTEREST AGREEMENT"), ConveyanceKind::kOther);
  EXPECT_TRUE(MovesOwnership(ConveyanceKind::kMerger));
  EXPECT_FALSE(MovesOwnership(ConveyanceKind::kSecurityInterest));
  EXPECT_FALSE(MovesOwnership(ConveyanceKind::kLicence));
  EXPECT_EQ(ConveyanceClass(ConveyanceKind::kRelease), 'S');
  EXPECT_EQ(ConveyanceClass(ConveyanceKind::kAssignment), 'R');
}

TEST(AssignmentReader, DetectedFromContent) {
  std::string text = std::string(kHead) + kTail;
  Result<std::unique_ptr<Reader>> r = DetectReader(text, {});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ((*r)->name(), "uspto-assignment");
}

TEST(AssignmentReader, OneEventPerPatentWithPartiesAndReelFrame) {
  std::string text = std::string(kHead) +
                     Record("37388/92", "20151230", "ASSIGNMENT OF ASSIGNORS INTEREST (SEE DOCUMENT FOR DETAILS).",
                            "WEINSTEIN, DAMON", "SOUNDBITE COMMUNICATIONS, INC.",
                            Doc("14678893", "X0") + Doc("20150215460", "A1") + Doc("9219817", "B2")) +
                     Record("37388/93", "20151230", "SECURITY INTEREST", "SOUNDBITE COMMUNICATIONS, INC.", "BANK",
                            Doc("14678894", "X0")) +
                     kTail;
  Collect got = ReadText(text);
  ASSERT_TRUE(got.rejections.empty()) << got.rejections[0].ToString();
  ASSERT_EQ(got.events.size(), 2u);
  const LegalEvent& e = got.events[0];
  EXPECT_EQ(e.subject, "US9219817");
  EXPECT_EQ(e.application_number, "14678893");
  EXPECT_EQ(e.territory, "US");
  EXPECT_EQ(e.event_date, "2015-12-30");
  EXPECT_EQ(e.effective_date, "2015-12-01");
  EXPECT_EQ(e.inpadoc_office + " " + e.inpadoc_code, "US AS");
  EXPECT_EQ(e.event_class, 'R');
  EXPECT_EQ(e.reference, "037388/0092");
  EXPECT_EQ(e.conveyance, "assignment");
  ASSERT_EQ(e.parties.size(), 2u);
  EXPECT_EQ(e.parties[0].role, "assignor");
  EXPECT_EQ(e.parties[0].name, "WEINSTEIN, DAMON");
  EXPECT_EQ(e.parties[0].date, "2015-12-01");
  EXPECT_EQ(e.parties[1].role, "assignee");
  EXPECT_EQ(e.parties[1].address, "BOSTON");
  ASSERT_EQ(e.sources.size(), 1u);
  EXPECT_EQ(e.sources[0].format, "uspto-assignment");
  // An application not yet published: its own subject, attached by application number.
  EXPECT_EQ(got.events[1].subject, "USAPP14678894");
  EXPECT_EQ(got.events[1].event_class, 'S');
  EXPECT_NE(EventKey(got.events[0]), EventKey(got.events[1]));
}

TEST(AssignmentReader, BadRecordRefusedAloneWithWhereAndWhy) {
  std::string good = Record("1/1", "20151230", "MERGER", "A INC.", "B INC.", Doc("9000001", "B2"));
  std::string no_date = Record("1/2", "2015", "MERGER", "A INC.", "B INC.", Doc("9000002", "B2"));
  std::string broken = "<patent-assignment><assignment-record><reel-no>1</reel-no></oops></patent-assignment>\n";
  std::string no_patent = Record("1/4", "20151230", "MERGER", "A INC.", "B INC.", "");
  std::string text = std::string(kHead) + good + no_date + broken + no_patent + good + kTail;
  Collect got = ReadText(text);
  ASSERT_EQ(got.events.size(), 2u);  // the good record, twice (the store merges them)
  ASSERT_EQ(got.rejections.size(), 3u);
  EXPECT_EQ(got.rejections[0].doc_index, 1);
  EXPECT_NE(got.rejections[0].reason.find("reel/frame 1/2"), std::string::npos) << got.rejections[0].reason;
  EXPECT_NE(got.rejections[0].reason.find("recorded-date"), std::string::npos) << got.rejections[0].reason;
  EXPECT_NE(got.rejections[0].reason.find("at byte " + std::to_string(text.find(no_date))), std::string::npos);
  EXPECT_NE(got.rejections[1].reason.find("malformed XML"), std::string::npos) << got.rejections[1].reason;
  EXPECT_NE(got.rejections[2].reason.find("no patent"), std::string::npos) << got.rejections[2].reason;
}

TEST(AssignmentReader, ExternalEntityRefusesTheFileAndIsNeverResolved) {
  std::string text =
      "<?xml version=\"1.0\"?>\n<!DOCTYPE us-patent-assignments [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
      "<us-patent-assignments><patent-assignments>" +
      Record("5/5", "20151230", "&x;", "A", "B", Doc("9000005", "B2")) + kTail;
  Collect got = ReadText(text);
  EXPECT_TRUE(got.events.empty());
  ASSERT_EQ(got.rejections.size(), 1u);
  EXPECT_EQ(got.rejections[0].doc_index, 0);
  EXPECT_NE(got.rejections[0].reason.find("file not read"), std::string::npos) << got.rejections[0].reason;
}

TEST(AssignmentReader, InternalEntitiesOfTheDoctypeExpandInEveryRecord) {
  std::string text =
      "<?xml version=\"1.0\"?>\n<!DOCTYPE us-patent-assignments [<!ENTITY co \"ACME CORP.\">]>\n"
      "<us-patent-assignments><patent-assignments>" +
      Record("6/6", "20151230", "MERGER", "A", "&co;", Doc("9000006", "B2")) + kTail;
  Collect got = ReadText(text);
  ASSERT_TRUE(got.rejections.empty()) << got.rejections[0].ToString();
  ASSERT_EQ(got.events.size(), 1u);
  EXPECT_EQ(got.events[0].parties.back().name, "ACME CORP.");
}

TEST(AssignmentReader, TruncatedFileRejectsTheLastRecord) {
  std::string good = Record("7/1", "20151230", "MERGER", "A", "B", Doc("9000007", "B2"));
  std::string text = std::string(kHead) + good + good.substr(0, good.size() / 2);
  Collect got = ReadText(text);
  EXPECT_EQ(got.events.size(), 1u);
  ASSERT_EQ(got.rejections.size(), 1u);
  EXPECT_NE(got.rejections[0].reason.find("truncated"), std::string::npos) << got.rejections[0].reason;
}

TEST(AssignmentReader, RecordsAcrossReadChunks) {
  // More than the reader's 1 MiB chunk: records are cut at chunk boundaries.
  std::string text = kHead;
  const int n = 4000;
  for (int i = 0; i < n; ++i)
    text += Record("100/" + std::to_string(i), "20151230", "ASSIGNMENT", "INVENTOR " + std::to_string(i), "CO",
                   Doc(std::to_string(9100000 + i).c_str(), "B1"));
  text += kTail;
  ASSERT_GT(text.size(), size_t{2} << 20);
  Collect got = ReadText(text);
  ASSERT_TRUE(got.rejections.empty()) << got.rejections[0].ToString();
  ASSERT_EQ(got.events.size(), static_cast<size_t>(n));
  EXPECT_EQ(got.events.back().subject, "US" + std::to_string(9100000 + n - 1));
}

// The real day file: every record read; conveyances by kind equal both the
// README's figures and an independent count of the <conveyance-text> values.
TEST(AssignmentReader, RealDayFile) {
  PATNAV_REQUIRE_SHARED_DATA();
  const std::string text = testing::ReadFile(testing::SharedData() / "legal" / "uspto-assignment" / "ad20160101.xml");
  ASSERT_FALSE(text.empty());
  Result<std::unique_ptr<Reader>> detected = DetectReader(std::string_view(text).substr(0, 65536), {});
  ASSERT_TRUE(detected.ok());
  EXPECT_EQ((*detected)->name(), "uspto-assignment");

  // Independent count: the text between each <conveyance-text> and its end tag.
  std::map<std::string, int> by_text;
  int records = 0;
  for (size_t p = text.find("<conveyance-text>"); p != std::string::npos; p = text.find("<conveyance-text>", p + 1)) {
    size_t b = p + std::string_view("<conveyance-text>").size();
    ++by_text[text.substr(b, text.find("</conveyance-text>", b) - b)];
    ++records;
  }
  EXPECT_EQ(records, 199);  // README: 199 recorded assignments
  Collect got = ReadText(text);
  ASSERT_TRUE(got.rejections.empty()) << got.rejections[0].ToString();
  std::map<std::string, std::set<std::string>> refs_by_kind;  // kind -> reel/frames
  for (const LegalEvent& e : got.events) refs_by_kind[e.conveyance].insert(e.reference);
  auto count = [&](const char* kind) { return static_cast<int>(refs_by_kind[kind].size()); };
  // README: 140 assignment, 35 merger, 13 security interest, 7 release, 2 nunc pro tunc, 1 licence, 1 change of name.
  EXPECT_EQ(count("assignment"), 140);
  EXPECT_EQ(count("merger"), 35);
  EXPECT_EQ(count("security_interest"), 13);
  EXPECT_EQ(count("release"), 7);
  EXPECT_EQ(count("nunc_pro_tunc"), 2);
  EXPECT_EQ(count("licence"), 1);
  EXPECT_EQ(count("change_of_name"), 1);
  EXPECT_EQ(count("assignment"), by_text["ASSIGNMENT OF ASSIGNORS INTEREST (SEE DOCUMENT FOR DETAILS)."]);
  EXPECT_EQ(count("merger"), by_text["MERGER (SEE DOCUMENT FOR DETAILS)."]);
  EXPECT_EQ(count("security_interest"), by_text["SECURITY INTEREST (SEE DOCUMENT FOR DETAILS)."]);
  EXPECT_EQ(count("release"), by_text["RELEASE BY SECURED PARTY (SEE DOCUMENT FOR DETAILS)."]);
  EXPECT_EQ(count("nunc_pro_tunc"), by_text["NUNC PRO TUNC ASSIGNMENT (SEE DOCUMENT FOR DETAILS)."]);
  EXPECT_EQ(count("licence"), by_text["LICENSE (SEE DOCUMENT FOR DETAILS)."]);
  EXPECT_EQ(count("change_of_name"), by_text["CHANGE OF NAME (SEE DOCUMENT FOR DETAILS)."]);
  // The first record of the file, read by hand: reel 37388 frame 92, recorded
  // 2015-12-30, three inventors to SOUNDBITE COMMUNICATIONS, INC., concerning
  // application 14678893, publication 20150215460 and patent 9219817 B2.
  const LegalEvent& first = got.events.front();
  EXPECT_EQ(first.reference, "037388/0092");
  EXPECT_EQ(first.subject, "US9219817");
  EXPECT_EQ(first.application_number, "14678893");
  EXPECT_EQ(first.event_date, "2015-12-30");
  EXPECT_EQ(first.effective_date, "2006-03-30");  // the latest of the three execution dates
  ASSERT_EQ(first.parties.size(), 4u);
  EXPECT_EQ(first.parties[3].name, "SOUNDBITE COMMUNICATIONS, INC.");
  for (const LegalEvent& e : got.events) EXPECT_EQ(LegalEventProblem(e), "") << e.subject;
}

// The generator's synthetic day file (benchmarks use it at a million
// records) reads back whole: one event per property, nothing rejected, every
// conveyance kind mapped, names with '&' unescaped.
TEST(UsptoAssignmentReader, ReadsTheGeneratedDayFile) {
  std::ostringstream out;
  Result<uint64_t> properties = WriteAssignmentFile({.records = 400, .seed = 11}, out);
  ASSERT_TRUE(properties.ok()) << properties.status().ToString();
  Collect sink = ReadText(out.str());
  EXPECT_TRUE(sink.rejections.empty()) << sink.rejections.front().reason;
  EXPECT_EQ(sink.events.size(), *properties);
  std::set<std::string> kinds, references;
  for (const LegalEvent& e : sink.events) {
    kinds.insert(e.conveyance);
    references.insert(e.reference);
    EXPECT_EQ(e.territory, "US");
    EXPECT_FALSE(e.subject.empty());
    EXPECT_FALSE(e.application_number.empty());
    EXPECT_EQ(e.event_date.size(), 10u);
  }
  EXPECT_EQ(references.size(), 400u) << "one reel/frame per record";
  EXPECT_GE(kinds.size(), 5u) << "assignments, security interests, releases, mergers, changes of name";
  std::ostringstream again;
  ASSERT_TRUE(WriteAssignmentFile({.records = 400, .seed = 11}, again).ok());
  EXPECT_EQ(again.str(), out.str()) << "deterministic";
}

}  // namespace
}  // namespace patnav
