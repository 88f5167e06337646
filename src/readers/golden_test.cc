// Golden tests: small inputs of every format beside their expected canonical
// JSONL (tests/golden/). Any change in what a reader extracts shows up as a
// diff here. After an intended change, regenerate with
//   PATNAV_UPDATE_GOLDEN=1 ./build/src/readers/readers_test --gtest_filter='Golden*'
// and review the diff of tests/golden/ before committing.
#include <cstdlib>
#include <filesystem>

#include <gtest/gtest.h>

#include "model/record_json.h"
#include "readers/input_files.h"
#include "readers/reader.h"
#include "testing.h"

namespace patnav {
namespace {

namespace fs = std::filesystem;

// Inputs under tests/data, each paired with tests/golden/<name>.jsonl.
const char* kInputs[] = {
    "tables/cn_export.csv", "tables/cn_export_gbk.csv", "tables/en_export.csv", "sgml/patdoc_reissue.xml",
    "sgml/pap_v16.xml",     "uspto4/design_grant_no_dtd_version.xml", "epo/stray_chars.xml", "epo/a1_minimal.xml",
};

class Lines : public RecordSink {
 public:
  void OnRecord(PatentRecord&& r) override {
    r.source.file = fs::path(r.source.file).filename().string();  // machine-independent
    text += RecordToJsonLine(r) + "\n";
  }
  void OnReject(Rejection&& r) override {
    text += "REJECTED #" + std::to_string(r.doc_index) + ": " + r.reason + "\n";
  }
  std::string text;
};

fs::path GoldenDir() { return testing::TestData().parent_path() / "golden"; }

std::string GoldenName(std::string in) {
  for (char& c : in) if (c == '/') c = '_';
  return in + ".jsonl";
}

class Golden : public ::testing::TestWithParam<const char*> {};

TEST_P(Golden, CanonicalOutputMatches) {
  fs::path input = testing::TestData() / GetParam();
  ASSERT_TRUE(fs::exists(input)) << input;
  Result<std::unique_ptr<ByteSource>> src = OpenFileSource(input);
  ASSERT_TRUE(src.ok());
  PeekableSource peek(std::move(src).value());
  Result<std::string_view> head = peek.Peek(64 << 10);
  ASSERT_TRUE(head.ok());
  Result<std::unique_ptr<Reader>> reader = DetectReader(*head, {});
  ASSERT_TRUE(reader.ok()) << reader.status().ToString();
  Lines out;
  ASSERT_TRUE((*reader)->Read(peek, out).ok());
  fs::path golden = GoldenDir() / GoldenName(GetParam());
  if (std::getenv("PATNAV_UPDATE_GOLDEN")) {
    testing::WriteFile(golden, out.text);
    GTEST_SKIP() << "updated " << golden;
  }
  ASSERT_TRUE(fs::exists(golden)) << golden << " missing: run with PATNAV_UPDATE_GOLDEN=1";
  EXPECT_EQ(out.text, testing::ReadFile(golden)) << "output of " << GetParam() << " differs from " << golden;
}

INSTANTIATE_TEST_SUITE_P(Readers, Golden, ::testing::ValuesIn(kInputs), [](const auto& info) {
  std::string n = info.param;
  for (char& c : n) if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  return n;
});

}  // namespace
}  // namespace patnav
