// The EP Register reader: the real biblio and events answers for EP2400812
// in ../shared/data/legal/ep-register (counts from an independent scan of the
// files' text: 37 designated states, 33 lapsed-in-country in the newest
// term-of-grant, 55 dossier events by code), detection from content, and bad
// input: malformed XML, an external entity (never resolved), an unknown code
// (kept unclassified, with a warning), missing and bad dates, a document
// naming no publication.
#include "readers/ep_register_reader.h"

#include <map>
#include <set>

#include <gtest/gtest.h>

#include "readers/byte_source.h"
#include "readers/collecting_sink_testing.h"
#include "readers/ep_register_codes.h"
#include "testing.h"

namespace patnav {
namespace {

using Collect = patnav::testing::CollectingSink;

Collect ReadText(const std::string& text) {
  Collect sink;
  std::unique_ptr<ByteSource> in = NewStringSource(text, "register.xml");
  Status st = NewEpRegisterReader()->Read(*in, sink);
  EXPECT_TRUE(st.ok()) << st.ToString();
  return sink;
}

std::string Answer(const std::string& document, const std::string& query = "publication=EP1234567",
                   const std::string& prolog = "") {
  return "<?xml version=\"1.0\" encoding=\"utf-8\"?>" + prolog +
         "<ns2:world-patent-data xmlns:ns2=\"http://ops.epo.org\" xmlns:reg=\"http://www.epo.org/register\">"
         "<ns2:register-search><ns2:query syntax=\"CQL\">" + query + "</ns2:query><reg:register-documents>"
         "<reg:register-document>" + document + "</reg:register-document></reg:register-documents>"
         "</ns2:register-search></ns2:world-patent-data>";
}

std::string Dossier(const std::string& date, const std::string& code, const std::string& text) {
  return "<reg:events-data><reg:dossier-event><reg:event-date><reg:date>" + date +
         "</reg:date></reg:event-date><reg:event-code>" + code + "</reg:event-code><reg:event-text>" + text +
         "</reg:event-text></reg:dossier-event></reg:events-data>";
}

const LegalEvent* Find(const std::vector<LegalEvent>& events, const std::string& territory, const std::string& code) {
  for (const LegalEvent& e : events)
    if (e.territory == territory && (e.inpadoc_code == code || (!e.sources.empty() && e.sources[0].code == code)))
      return &e;
  return nullptr;
}

TEST(EpRegisterReader, RealBiblioRecordDesignationsLapsesAndHistory) {
  PATNAV_REQUIRE_SHARED_DATA();
  const std::string text = testing::ReadFile(testing::SharedData() / "legal" / "ep-register" / "EP2400812-biblio.xml");
  Result<std::unique_ptr<Reader>> detected = DetectReader(text.substr(0, 65536), {});
  ASSERT_TRUE(detected.ok()) << detected.status().ToString();
  EXPECT_EQ((*detected)->name(), kEpRegisterFormat);

  Collect sink = ReadText(text);
  EXPECT_TRUE(sink.rejections.empty()) << sink.rejections.front().ToString();
  EXPECT_TRUE(sink.warnings.empty()) << sink.warnings.front().ToString();
  ASSERT_EQ(sink.records.size(), 1u);
  const PatentRecord& r = sink.records[0];
  EXPECT_EQ(r.publication_number, "EP2400812B1");
  EXPECT_EQ(r.grant_date, "2019-11-27");
  EXPECT_EQ(r.application_number, "10167109");
  EXPECT_EQ(r.filing_date, "2010-06-24");
  EXPECT_EQ(r.title.at("en"), "BLUETOOTH NETWORKING");
  ASSERT_EQ(r.applicants.size(), 1u);
  EXPECT_EQ(r.applicants[0].name, "9Solutions Oy");
  EXPECT_EQ(r.applicants[0].country, "FI");
  EXPECT_EQ(r.inventors.size(), 3u);
  EXPECT_EQ(r.ipc, (std::vector<std::string>{"H04W 84/20", "H04W 88/04"}));

  // 4 statuses + 37 designations + 33 lapses + 1 opposition-not-filed + 1
  // applicant change + 2 examination dates.
  ASSERT_EQ(sink.events.size(), 78u);
  std::set<std::string> designated, lapsed;
  for (const LegalEvent& e : sink.events) {
    EXPECT_EQ(e.subject, "EP2400812");
    if (e.inpadoc_code == "AK") designated.insert(e.territory);
    if (e.inpadoc_code == "PG25") lapsed.insert(e.territory);
  }
  EXPECT_EQ(designated.size(), 37u);
  EXPECT_EQ(lapsed.size(), 33u);
  for (const char* alive : {"DE", "FI", "GB", "SE"}) {
    EXPECT_TRUE(designated.count(alive)) << alive;
    EXPECT_FALSE(lapsed.count(alive)) << alive;
  }
  const LegalEvent* fr = Find(sink.events, "FR", "PG25");
  ASSERT_NE(fr, nullptr);
  EXPECT_EQ(fr->event_date, "2020-06-30");
  EXPECT_EQ(fr->effective_date, "2020-06-30");
  EXPECT_EQ(fr->event_class, 'H');
  EXPECT_EQ(fr->influence, '-');
  EXPECT_NE(fr->sources[0].text.find("recorded 2021-05-07, Bulletin 2021/23"), std::string::npos) << fr->sources[0].text;
  const LegalEvent* hu = Find(sink.events, "HU", "PG25");
  ASSERT_NE(hu, nullptr);
  EXPECT_EQ(hu->effective_date, "2010-06-24");
  const LegalEvent* de = Find(sink.events, "DE", "AK");
  ASSERT_NE(de, nullptr);
  EXPECT_EQ(de->event_date, "2011-12-28");  // designated at publication
  // Statuses: granted on 2019-10-25 is EP GRAA.
  const LegalEvent* grant = Find(sink.events, "EP", "GRAA");
  ASSERT_NE(grant, nullptr);
  EXPECT_EQ(grant->event_date, "2019-10-25");
  EXPECT_EQ(grant->event_class, 'F');
  EXPECT_EQ(grant->sources[0].code, "status 8");
  // No opposition: the status and opposition-data, same day, same code.
  int no_opposition = 0;
  for (const LegalEvent& e : sink.events) no_opposition += e.inpadoc_code == "PLBE" && e.event_date == "2020-10-02";
  EXPECT_EQ(no_opposition, 2);
  // The applicants' history: an address change only, so no conveyance.
  const LegalEvent* change = Find(sink.events, "EP", "RAP1");
  ASSERT_NE(change, nullptr);
  EXPECT_EQ(change->event_date, "2019-10-18");
  EXPECT_EQ(change->event_class, 'R');
  EXPECT_TRUE(change->conveyance.empty());
  ASSERT_EQ(change->parties.size(), 2u);
  EXPECT_EQ(change->parties[1].role, "assignee");
  EXPECT_NE(change->parties[1].address.find("Elektroniikkatie 2"), std::string::npos);
}

TEST(EpRegisterReader, RealDossierEventsByCode) {
  PATNAV_REQUIRE_SHARED_DATA();
  const std::string text = testing::ReadFile(testing::SharedData() / "legal" / "ep-register" / "EP2400812-events.xml");
  Collect sink = ReadText(text);
  EXPECT_TRUE(sink.rejections.empty()) << sink.rejections.front().ToString();
  EXPECT_TRUE(sink.warnings.empty()) << sink.warnings.front().ToString();
  EXPECT_TRUE(sink.records.empty());  // an events answer has no bibliography
  ASSERT_EQ(sink.events.size(), 59u);  // 4 statuses + 55 dossier events
  std::map<std::string, int> per_code;
  std::map<char, int> per_class;
  for (const LegalEvent& e : sink.events) {
    EXPECT_EQ(e.subject, "EP2400812");  // from the query
    ++per_code[e.sources[0].code];
    ++per_class[e.event_class];
  }
  EXPECT_EQ(per_code["0009250"], 22);
  EXPECT_EQ(per_code["EPIDOSNRFE2"], 8);
  EXPECT_EQ(per_code["EPIDOS FREP"], 1);
  // U: 8 renewal fees + fee for grant + printing + extension state.
  EXPECT_EQ(per_class['U'], 11);
  const LegalEvent* grant = Find(sink.events, "EP", "0009210");
  ASSERT_NE(grant, nullptr);
  EXPECT_EQ(grant->inpadoc_code, "GRAA");
  EXPECT_EQ(grant->event_date, "2019-10-25");
  EXPECT_NE(grant->sources[0].text.find("(Bulletin 2019/48)"), std::string::npos);
  const LegalEvent* lapse = Find(sink.events, "EP", "0009250");
  ASSERT_NE(lapse, nullptr);
  EXPECT_EQ(lapse->event_class, 'W');  // names no state: never an EP-wide cessation
}

TEST(EpRegisterReader, CodeTables) {
  ASSERT_NE(FindRegisterEventCode("EPIDOS FREP"), nullptr);
  EXPECT_EQ(FindRegisterEventCode("EPIDOS FREP")->event_class, 'R');
  EXPECT_EQ(FindRegisterEventCode("NOPE"), nullptr);
  ASSERT_NE(FindRegisterStatus("The application is deemed to be withdrawn"), nullptr);
  EXPECT_STREQ(FindRegisterStatus("The application is deemed to be withdrawn")->inpadoc_code, "18D");
  EXPECT_STREQ(FindRegisterStatus("The patent has been revoked")->inpadoc_code, "27W");
  EXPECT_STREQ(FindRegisterStatus("No opposition filed within time limit")->inpadoc_code, "PLBE");
  EXPECT_STREQ(FindRegisterStatus("Opposition procedure closed")->inpadoc_code, "26");
  EXPECT_EQ(FindRegisterStatus("Something new"), nullptr);
}

TEST(EpRegisterReader, DetectedFromContent) {
  std::string text = Answer(Dossier("20200101", "0009210", "(Expected) grant"));
  Result<std::unique_ptr<Reader>> r = DetectReader(text, {});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ((*r)->name(), kEpRegisterFormat);
  Collect sink = ReadText(text);
  ASSERT_EQ(sink.events.size(), 1u);
  EXPECT_EQ(sink.events[0].subject, "EP1234567");
  EXPECT_EQ(sink.events[0].inpadoc_code, "GRAA");
}

TEST(EpRegisterReader, OppositionAndApplicantTransfer) {
  std::string biblio =
      "<reg:bibliographic-data><reg:publication-reference><reg:document-id><reg:country>EP</reg:country>"
      "<reg:doc-number>1234567</reg:doc-number><reg:kind>B1</reg:kind><reg:date>20150107</reg:date>"
      "</reg:document-id></reg:publication-reference>"
      "<reg:parties><reg:applicants change-date=\"20160301\"><reg:applicant><reg:addressbook><reg:name>Beta AG</reg:name>"
      "</reg:addressbook></reg:applicant></reg:applicants><reg:applicants change-date=\"20100101\"><reg:applicant>"
      "<reg:addressbook><reg:name>Alpha Ltd</reg:name></reg:addressbook></reg:applicant></reg:applicants></reg:parties>"
      "<reg:opposition-data change-date=\"20151001\"><reg:opponent><reg:addressbook><reg:name>Gamma SA</reg:name>"
      "</reg:addressbook></reg:opponent></reg:opposition-data></reg:bibliographic-data>";
  Collect sink = ReadText(Answer(biblio, ""));
  EXPECT_TRUE(sink.rejections.empty()) << sink.rejections.front().ToString();
  ASSERT_EQ(sink.records.size(), 1u);
  EXPECT_EQ(sink.records[0].applicants.at(0).name, "Beta AG");  // the newest block
  const LegalEvent* opposition = Find(sink.events, "EP", "26");
  ASSERT_NE(opposition, nullptr);
  EXPECT_EQ(opposition->event_class, 'L');
  EXPECT_EQ(opposition->influence, '-');
  ASSERT_EQ(opposition->parties.size(), 1u);
  EXPECT_EQ(opposition->parties[0].role, "opponent");
  EXPECT_EQ(opposition->parties[0].name, "Gamma SA");
  const LegalEvent* transfer = Find(sink.events, "EP", "RAP1");
  ASSERT_NE(transfer, nullptr);
  EXPECT_EQ(transfer->event_date, "2016-03-01");
  EXPECT_EQ(transfer->conveyance, "assignment");
  ASSERT_EQ(transfer->parties.size(), 2u);
  EXPECT_EQ(transfer->parties[0].name, "Alpha Ltd");
  EXPECT_EQ(transfer->parties[1].name, "Beta AG");
}

TEST(EpRegisterReader, MalformedXmlRejectsTheDocumentWhole) {
  std::string text = Answer(Dossier("20200101", "0009210", "grant"));
  text.resize(text.size() - 40);
  Collect sink = ReadText(text);
  EXPECT_TRUE(sink.events.empty());
  ASSERT_EQ(sink.rejections.size(), 1u);
  EXPECT_NE(sink.rejections[0].reason.find("malformed XML"), std::string::npos) << sink.rejections[0].reason;
}

TEST(EpRegisterReader, ExternalEntityIsRefusedNotResolved) {
  testing::ScratchDir dir;
  testing::WriteFile(dir.path() / "secret.txt", "TOP-SECRET-CONTENT");
  std::string prolog = "<!DOCTYPE ns2:world-patent-data [<!ENTITY leak SYSTEM \"file://" +
                       (dir.path() / "secret.txt").string() + "\">]>";
  Collect sink = ReadText(Answer(Dossier("20200101", "0009210", "&leak;"), "publication=EP1234567", prolog));
  EXPECT_TRUE(sink.events.empty());
  ASSERT_EQ(sink.rejections.size(), 1u);
  EXPECT_NE(sink.rejections[0].reason.find("external"), std::string::npos) << sink.rejections[0].reason;
  EXPECT_EQ(sink.rejections[0].reason.find("TOP-SECRET"), std::string::npos);
}

TEST(EpRegisterReader, UnknownCodeKeptUnclassifiedWithOneWarning) {
  Collect sink = ReadText(Answer(Dossier("20200101", "EPIDOSXYZ9", "Something new") +
                                 Dossier("20200202", "EPIDOSXYZ9", "Something new") +
                                 "<reg:ep-patent-statuses><reg:ep-patent-status change-date=\"20200303\" "
                                 "status-code=\"99\">A status nobody knows</reg:ep-patent-status></reg:ep-patent-statuses>"));
  EXPECT_TRUE(sink.rejections.empty());
  ASSERT_EQ(sink.events.size(), 3u);
  for (const LegalEvent& e : sink.events) {
    EXPECT_EQ(e.event_class, ' ');
    EXPECT_TRUE(e.inpadoc_code.empty());
  }
  ASSERT_EQ(sink.warnings.size(), 2u);  // once per code: the status (read first), then the dossier code
  EXPECT_NE(sink.warnings[0].reason.find("'status 99'"), std::string::npos) << sink.warnings[0].reason;
  EXPECT_NE(sink.warnings[1].reason.find("'EPIDOSXYZ9'"), std::string::npos) << sink.warnings[1].reason;
  EXPECT_NE(sink.warnings[1].reason.find("kept unclassified"), std::string::npos);
}

TEST(EpRegisterReader, MissingAndBadDatesRejectThatEventOnly) {
  Collect sink = ReadText(Answer(Dossier("", "0009210", "grant") + Dossier("20201399", "0009261", "no opposition") +
                                 Dossier("20200101", "0009171", "Request for examination filed")));
  ASSERT_EQ(sink.events.size(), 1u);
  EXPECT_EQ(sink.events[0].inpadoc_code, "17P");
  ASSERT_EQ(sink.rejections.size(), 2u);
  EXPECT_NE(sink.rejections[0].reason.find("dossier-event 0009210 of EP1234567: no date"), std::string::npos)
      << sink.rejections[0].reason;
  EXPECT_NE(sink.rejections[1].reason.find("date '20201399' is not a date"), std::string::npos)
      << sink.rejections[1].reason;
}

TEST(EpRegisterReader, DocumentNamingNoPublicationIsRejected) {
  Collect sink = ReadText(Answer(Dossier("20200101", "0009210", "grant"), "applicant=ACME"));
  EXPECT_TRUE(sink.events.empty());
  ASSERT_EQ(sink.rejections.size(), 1u);
  EXPECT_NE(sink.rejections[0].reason.find("naming no EP publication"), std::string::npos);
}

}  // namespace
}  // namespace patnav
