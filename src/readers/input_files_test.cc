// Inputs: folders in name order, zips read member by member straight from
// the archive (as the USPTO distributes its weekly files), missing paths.
#include "readers/input_files.h"

#include <zip.h>

#include <gtest/gtest.h>

#include "readers/reader.h"
#include "readers/xml_reader.h"
#include "testing.h"

namespace patnav {
namespace {

namespace fs = std::filesystem;

const char* kGrant = R"(<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE us-patent-grant SYSTEM "us-patent-grant-v45-2014-04-03.dtd" [ ]>
<us-patent-grant lang="EN" dtd-version="v4.5 2014-04-03" country="US">
<us-bibliographic-data-grant>
<publication-reference><document-id><country>US</country><doc-number>0900000N</doc-number><kind>B2</kind><date>20150106</date></document-id></publication-reference>
<invention-title id="t">Title N</invention-title>
</us-bibliographic-data-grant>
</us-patent-grant>
)";

std::string Grant(char n) {
  std::string s = kGrant;
  for (char& c : s) if (c == 'N') c = n;
  return s;
}

class Collect : public RecordSink {
 public:
  void OnRecord(PatentRecord&& r) override { records.push_back(std::move(r)); }
  void OnReject(Rejection&& r) override { rejections.push_back(std::move(r)); }
  std::vector<PatentRecord> records;
  std::vector<Rejection> rejections;
};

void ReadInput(const InputFile& in, Collect& sink) {
  Result<std::unique_ptr<ByteSource>> src = OpenInput(in);
  ASSERT_TRUE(src.ok()) << src.status().ToString();
  PeekableSource peek(std::move(src).value());
  Result<std::string_view> head = peek.Peek(64 << 10);
  ASSERT_TRUE(head.ok());
  Result<std::unique_ptr<Reader>> reader = DetectReader(*head, {});
  ASSERT_TRUE(reader.ok()) << reader.status().ToString();
  ASSERT_TRUE((*reader)->Read(peek, sink).ok());
}

TEST(InputFiles, ZipMembersAreReadStraightFromTheArchive) {
  testing::ScratchDir dir;
  fs::path zip_path = dir.path() / "ipg150106.zip";
  std::string bulk = Grant('1') + Grant('2') + Grant('3');  // a weekly file: documents concatenated
  std::string csv =
      "id,title,assignee,inventor/author,priority date,filing/creation date,publication date,grant date,"
      "result link,representative figure link\nUS-8271025-B2,Device selection,At&T Mobility Ii Llc,Arthur Brisebois,"
      "2008-10-20,2008-10-20,2012-09-18,2012-09-18,https://x/US8271025B2/en,\n";
  int err = 0;
  zip_t* z = zip_open(zip_path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
  ASSERT_NE(z, nullptr);
  zip_source_t* s1 = zip_source_buffer(z, bulk.data(), bulk.size(), 0);
  zip_source_t* s2 = zip_source_buffer(z, csv.data(), csv.size(), 0);
  ASSERT_GE(zip_file_add(z, "ipg150106.xml", s1, 0), 0);
  ASSERT_GE(zip_file_add(z, "extra/export.csv", s2, 0), 0);
  ASSERT_EQ(zip_close(z), 0);

  Result<std::vector<InputFile>> inputs = ExpandInputs({zip_path.string()});
  ASSERT_TRUE(inputs.ok()) << inputs.status().ToString();
  ASSERT_EQ(inputs->size(), 2u);
  EXPECT_EQ((*inputs)[0].member, "extra/export.csv");  // members in name order
  EXPECT_EQ((*inputs)[1].label(), zip_path.string() + "!ipg150106.xml");
  Collect sink;
  for (const auto& in : *inputs) ReadInput(in, sink);
  EXPECT_TRUE(sink.rejections.empty());
  ASSERT_EQ(sink.records.size(), 4u);
  EXPECT_EQ(sink.records[0].publication_number, "US8271025B2");
  EXPECT_EQ(sink.records[1].publication_number, "US9000001B2");
  EXPECT_EQ(sink.records[3].publication_number, "US9000003B2");
  EXPECT_EQ(sink.records[3].source.doc_index, 2);  // third document of the bulk file
  EXPECT_EQ(sink.records[3].source.file, zip_path.string() + "!ipg150106.xml");
}

TEST(InputFiles, FoldersInNameOrderHiddenSkippedMissingRefused) {
  testing::ScratchDir dir;
  fs::create_directories(dir.path() / "b");
  testing::WriteFile(dir.path() / "b" / "2.xml", Grant('2'));
  testing::WriteFile(dir.path() / "a.xml", Grant('1'));
  testing::WriteFile(dir.path() / ".hidden.xml", Grant('9'));
  Result<std::vector<InputFile>> inputs = ExpandInputs({dir.path().string()});
  ASSERT_TRUE(inputs.ok());
  ASSERT_EQ(inputs->size(), 2u);
  EXPECT_EQ((*inputs)[0].path.filename(), "a.xml");
  EXPECT_EQ((*inputs)[1].path.filename(), "2.xml");
  Result<std::vector<InputFile>> missing = ExpandInputs({(dir.path() / "nope").string()});
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(missing.status().message().find("nope"), std::string::npos);
}

TEST(InputFiles, CorruptZipIsAnErrorNamingIt) {
  testing::ScratchDir dir;
  fs::path p = dir.path() / "bad.zip";
  testing::WriteFile(p, std::string("PK\x03\x04", 4) + "this is not really a zip archive");
  Result<std::vector<InputFile>> inputs = ExpandInputs({p.string()});
  ASSERT_FALSE(inputs.ok());
  EXPECT_NE(inputs.status().message().find("bad.zip"), std::string::npos);
}

TEST(XmlReader, OversizedDocumentIsRejectedAndTheNextOneRead) {
  std::string big = "<?xml version=\"1.0\"?>\n<us-patent-grant><x>" +
                    std::string(kMaxXmlDocumentBytes + 1000, 'a') + "</x></us-patent-grant>\n";
  std::string input = big + Grant('4');
  auto src = NewStringSource(input, "big.xml");
  Collect sink;
  Result<std::unique_ptr<Reader>> reader = DetectReader(input.substr(0, 100), {});
  ASSERT_TRUE(reader.ok());
  ASSERT_TRUE((*reader)->Read(*src, sink).ok());
  ASSERT_EQ(sink.rejections.size(), 1u);
  EXPECT_EQ(sink.rejections[0].doc_index, 0);
  EXPECT_NE(sink.rejections[0].reason.find("larger than"), std::string::npos);
  ASSERT_EQ(sink.records.size(), 1u);
  EXPECT_EQ(sink.records[0].publication_number, "US9000004B2");
  EXPECT_EQ(sink.records[0].source.doc_index, 1);
}

}  // namespace
}  // namespace patnav
