// The EPO OPS legal-status reader: the real INPADOC answer for the EP1000000
// family in ../shared/data/legal/epo-inpadoc (events per class counted by an
// independent scan of the file's text), detection from content, and bad
// input: malformed XML, an external entity (never resolved), an unknown code
// (kept unclassified, with a warning), a missing or bad date (that event
// rejected, the rest kept).
#include "readers/epo_ops_legal_reader.h"

#include <map>
#include <set>

#include <gtest/gtest.h>

#include "readers/byte_source.h"
#include "readers/collecting_sink_testing.h"
#include "testing.h"

namespace patnav {
namespace {

using Collect = patnav::testing::CollectingSink;

Collect ReadText(const std::string& text) {
  Collect sink;
  std::unique_ptr<ByteSource> in = NewStringSource(text, "family.xml");
  Status st = NewEpoOpsLegalReader()->Read(*in, sink);
  EXPECT_TRUE(st.ok()) << st.ToString();
  return sink;
}

std::string Legal(const std::string& code, const std::string& infl, const std::string& fields) {
  return "<ops:legal code=\"" + code + "\" desc=\"SOME EVENT\" infl=\"" + infl +
         "\"><ops:L001EP desc=\"Country Code\">EP</ops:L001EP>" + fields + "</ops:legal>";
}

std::string Family(const std::string& legals, const std::string& prolog = "") {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + prolog +
         "<ops:world-patent-data xmlns=\"http://www.epo.org/exchange\" xmlns:ops=\"http://ops.epo.org\">"
         "<ops:patent-family><ops:family-member family-id=\"42\"><publication-reference>"
         "<document-id document-id-type=\"docdb\"><country>EP</country><doc-number>1234567</doc-number>"
         "<kind>B1</kind><date>20050105</date></document-id></publication-reference>"
         "<application-reference><document-id document-id-type=\"docdb\"><country>EP</country>"
         "<doc-number>01123456</doc-number><kind>A</kind><date>20011001</date></document-id>"
         "</application-reference>" +
         legals + "</ops:family-member></ops:patent-family></ops:world-patent-data>";
}

TEST(EpoOpsLegalReader, RealFamilyEventsPerClassAndKnownEvents) {
  PATNAV_REQUIRE_SHARED_DATA();
  const std::string text = testing::ReadFile(testing::SharedData() / "legal" / "epo-inpadoc" / "EP1000000-family.xml");
  Result<std::unique_ptr<Reader>> detected = DetectReader(text.substr(0, 65536), {});
  ASSERT_TRUE(detected.ok()) << detected.status().ToString();
  EXPECT_EQ((*detected)->name(), kEpoOpsFormat);

  Collect sink = ReadText(text);
  EXPECT_TRUE(sink.rejections.empty()) << sink.rejections.front().ToString();
  EXPECT_TRUE(sink.warnings.empty()) << sink.warnings.front().ToString();  // every code is in the 2024 list

  ASSERT_EQ(sink.records.size(), 1u);
  const PatentRecord& r = sink.records[0];
  EXPECT_EQ(r.publication_number, "EP1000000A1");
  EXPECT_EQ(r.publication_date, "2000-05-17");
  EXPECT_EQ(r.application_number, "99203729");
  EXPECT_EQ(r.filing_date, "1999-11-08");
  EXPECT_EQ(r.family_id, "19768124");
  ASSERT_EQ(r.priority_claims.size(), 1u);
  EXPECT_EQ(r.priority_claims[0].country, "NL");
  EXPECT_EQ(r.priority_claims[0].date, "1998-11-12");

  // 50 <ops:legal>; the two AK events list 19 designated states each and
  // become one event per state: 50 - 2 + 38 = 86.
  ASSERT_EQ(sink.events.size(), 86u);
  std::map<char, int> per_class;
  for (const LegalEvent& e : sink.events) {
    ++per_class[e.event_class];
    EXPECT_EQ(e.subject, "EP1000000");
    EXPECT_TRUE(e.application_number.empty());
    ASSERT_EQ(e.sources.size(), 1u);
    EXPECT_EQ(e.sources[0].format, kEpoOpsFormat);
  }
  EXPECT_EQ(per_class, (std::map<char, int>{{'D', 6}, {'F', 3}, {'H', 24}, {'L', 2}, {'Q', 1},
                                            {'R', 1}, {'U', 4}, {'W', 44}, {'Y', 1}}));

  auto find = [&](const std::string& territory, const std::string& office, const std::string& code) -> const LegalEvent* {
    for (const LegalEvent& e : sink.events)
      if (e.territory == territory && e.inpadoc_office == office && e.inpadoc_code == code) return &e;
    return nullptr;
  };
  const LegalEvent* de = find("DE", "EP", "PG25");
  ASSERT_NE(de, nullptr);
  EXPECT_EQ(de->event_date, "2003-05-13");
  EXPECT_EQ(de->effective_date, "2003-05-13");
  EXPECT_EQ(de->event_class, 'H');
  EXPECT_EQ(de->influence, '-');
  EXPECT_NE(de->sources[0].text.find("LAPSE BECAUSE OF FAILURE TO SUBMIT A TRANSLATION"), std::string::npos);
  // REG: the national code, with the national class.
  const LegalEvent* ie = find("IE", "IE", "MM4A");
  ASSERT_NE(ie, nullptr);
  EXPECT_EQ(ie->event_date, "2004-08-25");
  EXPECT_EQ(ie->event_class, 'H');
  EXPECT_EQ(ie->sources[0].code, "REG IE MM4A");
  // An EP code that names its country: "BE: LAPSED" takes effect in BE.
  const LegalEvent* be = find("BE", "EP", "BERE");
  ASSERT_NE(be, nullptr);
  EXPECT_EQ(be->effective_date, "2010-11-30");
  // Renewal fee paid in GB for year 11.
  const LegalEvent* gb = find("GB", "EP", "PGFP");
  ASSERT_NE(gb, nullptr);
  EXPECT_EQ(gb->event_class, 'U');
  EXPECT_NE(gb->sources[0].text.find("fee year 11"), std::string::npos);
  // Designations: one AK event per state, on both dates.
  std::set<std::string> designated;
  for (const LegalEvent& e : sink.events)
    if (e.inpadoc_code == "AK") designated.insert(e.territory);
  EXPECT_EQ(designated.size(), 19u);
  EXPECT_TRUE(designated.count("DE") && designated.count("FR") && designated.count("GB"));
  // The grant.
  const LegalEvent* grant = find("EP", "EP", "GRAA");
  ASSERT_NE(grant, nullptr);
  EXPECT_EQ(grant->event_date, "2002-12-28");
  EXPECT_EQ(grant->event_class, 'F');
  EXPECT_EQ(grant->influence, '+');
}

TEST(EpoOpsLegalReader, DetectedFromContentNotName) {
  std::string text = Family(Legal("17P ", "+", "<ops:L007EP>2002-01-02</ops:L007EP>"));
  Result<std::unique_ptr<Reader>> r = DetectReader(text, {});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ((*r)->name(), kEpoOpsFormat);
  EXPECT_TRUE(LooksLikeEpoOpsLegal(text));
  EXPECT_FALSE(LooksLikeEpoOpsLegal("<?xml version=\"1.0\"?><ns2:world-patent-data xmlns:ns2=\"http://ops.epo.org\">"
                                    "<ns2:register-search><reg:register-document/>"));
  Collect sink = ReadText(text);
  ASSERT_EQ(sink.events.size(), 1u);
  EXPECT_EQ(sink.events[0].inpadoc_code, "17P");  // trailing spaces of the code dropped
  EXPECT_EQ(sink.events[0].event_class, 'D');
  ASSERT_EQ(sink.records.size(), 1u);
  EXPECT_EQ(sink.records[0].grant_date, "2005-01-05");  // a B publication is the grant
}

TEST(EpoOpsLegalReader, MalformedXmlRejectsTheDocumentWhole) {
  std::string text = Family(Legal("17P ", "+", "<ops:L007EP>2002-01-02</ops:L007EP>"));
  text.resize(text.size() - 30);
  text += "<ops:legal code=\"AK\"></ops:family-member>";
  Collect sink = ReadText(text);
  EXPECT_TRUE(sink.events.empty());
  EXPECT_TRUE(sink.records.empty());
  ASSERT_EQ(sink.rejections.size(), 1u);
  EXPECT_NE(sink.rejections[0].reason.find("malformed XML"), std::string::npos) << sink.rejections[0].reason;
}

TEST(EpoOpsLegalReader, ExternalEntityIsRefusedNotResolved) {
  testing::ScratchDir dir;
  testing::WriteFile(dir.path() / "secret.txt", "TOP-SECRET-CONTENT");
  std::string prolog = "<!DOCTYPE ops:world-patent-data [<!ENTITY leak SYSTEM \"file://" +
                       (dir.path() / "secret.txt").string() + "\">]>";
  Collect sink = ReadText(Family(Legal("17P ", "+", "<ops:L007EP>2002-01-02</ops:L007EP><ops:L510EP>&leak;</ops:L510EP>"),
                                 prolog));
  EXPECT_TRUE(sink.events.empty());
  EXPECT_TRUE(sink.records.empty());
  ASSERT_EQ(sink.rejections.size(), 1u);
  EXPECT_NE(sink.rejections[0].reason.find("external"), std::string::npos) << sink.rejections[0].reason;
  EXPECT_EQ(sink.rejections[0].reason.find("TOP-SECRET"), std::string::npos);
}

TEST(EpoOpsLegalReader, UnknownCodeIsKeptUnclassifiedWithOneWarning) {
  std::string text = Family(Legal("ZZ9Q", "-", "<ops:L007EP>2010-03-04</ops:L007EP>") +
                            Legal("ZZ9Q", "-", "<ops:L007EP>2011-03-04</ops:L007EP>") +
                            Legal("PG25", "-", "<ops:L007EP>2012-01-01</ops:L007EP><ops:L500EP>"
                                               "<ops:L501EP>FR</ops:L501EP><ops:L525EP>20111201</ops:L525EP></ops:L500EP>"));
  Collect sink = ReadText(text);
  EXPECT_TRUE(sink.rejections.empty());
  ASSERT_EQ(sink.events.size(), 3u);
  EXPECT_EQ(sink.events[0].inpadoc_code, "ZZ9Q");
  EXPECT_EQ(sink.events[0].event_class, ' ');
  EXPECT_EQ(sink.events[0].influence, '-');  // as OPS says
  EXPECT_EQ(sink.events[0].territory, "EP");
  ASSERT_EQ(sink.warnings.size(), 1u);  // once per code
  EXPECT_NE(sink.warnings[0].reason.find("EP ZZ9Q"), std::string::npos) << sink.warnings[0].reason;
  EXPECT_NE(sink.warnings[0].reason.find("kept unclassified"), std::string::npos);
  EXPECT_EQ(sink.events[2].territory, "FR");
  EXPECT_EQ(sink.events[2].effective_date, "2011-12-01");
  EXPECT_EQ(sink.events[2].event_class, 'H');
}

TEST(EpoOpsLegalReader, MissingOrBadDatesRejectThatEventOnly) {
  std::string text = Family(Legal("17P ", "+", "") +
                            Legal("17Q ", "+", "<ops:L007EP>2002-13-45</ops:L007EP>") +
                            Legal("26N ", "+", "<ops:L007EP>2004-02-04</ops:L007EP><ops:L525EP>notadate</ops:L525EP>") +
                            Legal("GRAA", "+", "<ops:L007EP>2004-12-01</ops:L007EP>"));
  Collect sink = ReadText(text);
  ASSERT_EQ(sink.events.size(), 1u);
  EXPECT_EQ(sink.events[0].inpadoc_code, "GRAA");
  ASSERT_EQ(sink.rejections.size(), 3u);
  EXPECT_NE(sink.rejections[0].reason.find("ops:legal #1 (17P) of EP1234567: no L007EP gazette date"),
            std::string::npos) << sink.rejections[0].reason;
  EXPECT_NE(sink.rejections[1].reason.find("'2002-13-45' is not a date"), std::string::npos) << sink.rejections[1].reason;
  EXPECT_NE(sink.rejections[2].reason.find("L525EP effective date 'notadate'"), std::string::npos);
}

TEST(EpoOpsLegalReader, MemberWithoutPublicationIsRejected) {
  std::string text =
      "<ops:world-patent-data xmlns:ops=\"http://ops.epo.org\"><ops:patent-family><ops:family-member>"
      "<ops:legal code=\"17P\"><ops:L007EP>2002-01-02</ops:L007EP></ops:legal></ops:family-member>"
      "</ops:patent-family></ops:world-patent-data>";
  Collect sink = ReadText(text);
  EXPECT_TRUE(sink.events.empty());
  ASSERT_EQ(sink.rejections.size(), 1u);
  EXPECT_NE(sink.rejections[0].reason.find("without a docdb publication-reference"), std::string::npos);
}

}  // namespace
}  // namespace patnav
