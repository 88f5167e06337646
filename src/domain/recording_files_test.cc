// The materials' uploaded files: stored inside the data directory under a
// generated name whatever the client called them, read back only as a file
// of the same application, refused whole (nothing in the database, nothing
// on disk) when too large, of a type not allowed, named like a path, or
// while the application is under review.
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>

#include <gtest/gtest.h>

#include "domain/domain_testing.h"
#include "domain/members.h"
#include "domain/recording.h"
#include "domain/recording_files.h"
#include "domain/recording_testing.h"
#include "testing.h"

namespace patnav::domain {
namespace {

namespace fs = std::filesystem;
using patnav::testing::ScratchDir;
using testing::DumpOperations;
using testing::OpenOps;

const std::string kPdf = "%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n";
const std::string kPng = std::string("\x89PNG\r\n\x1a\n", 8) + "IHDR....";

// Every path under `dir`, relative, with each file's size.
std::set<std::string> Tree(const fs::path& dir) {
  std::set<std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    out.insert(fs::relative(e.path(), dir).string() + (e.is_regular_file() ? ":" + std::to_string(e.file_size()) : ""));
  return out;
}

struct Files {
  ScratchDir dir;
  std::unique_ptr<OperationsDb> ops = OpenOps(dir.path() / "data");
  int64_t recording = 0;

  Files() {
    Result<Recording> r = testing::DraftRecording(*ops);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    recording = r.ok() ? r->id : 0;
  }
  fs::path data() const { return dir.path() / "data"; }
  Result<MaterialFile> Add(const std::string& material, const std::string& label, std::string_view bytes) {
    return AddMaterialFile(*ops, data(), {recording, material, label, bytes, "op"});
  }
  Status Move(RecordingAction a, RecordingRole role, const char* comment = "") {
    TransitionInput in;
    in.action = a;
    in.role = role;
    in.actor = "x";
    in.comment = comment;
    return TransitionRecording(*ops, recording, in).status();
  }
};

TEST(RecordingFiles, StoredUnderAGeneratedNameInsideTheDataDirectory) {
  Files f;
  Result<MaterialFile> charter = f.Add("charter", "联盟章程（签章版）.pdf", kPdf);
  ASSERT_TRUE(charter.ok()) << charter.status().ToString();
  EXPECT_EQ(charter->content_type, "application/pdf");
  EXPECT_EQ(charter->size, static_cast<int64_t>(kPdf.size()));
  EXPECT_EQ(charter->label, "联盟章程（签章版）.pdf");
  Result<MaterialFile> scan = f.Add("licences", "licence.jpg", kPng);
  ASSERT_TRUE(scan.ok());
  EXPECT_EQ(scan->content_type, "image/png") << "decided from the content, not the name";

  std::vector<std::string> stored;
  for (const auto& e : fs::directory_iterator(f.data() / kMaterialFolder)) stored.push_back(e.path().filename().string());
  ASSERT_EQ(stored.size(), 2u);
  for (const std::string& name : stored) EXPECT_TRUE(std::regex_match(name, std::regex("[0-9a-f]{32}"))) << name;

  Result<MaterialFileContent> back = ReadMaterialFile(*f.ops, f.data(), f.recording, charter->id);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(back->bytes, kPdf);
  EXPECT_EQ(back->file.label, charter->label);
  std::vector<MaterialFile> listed = *ListMaterialFiles(*f.ops, f.recording);
  ASSERT_EQ(listed.size(), 2u);
  EXPECT_EQ(listed[0].material, "charter");
  EXPECT_EQ(listed[1].material, "licences");
  std::vector<RecordingEvent> h = *RecordingHistory(*f.ops, f.recording);
  ASSERT_EQ(h.size(), 3u);
  EXPECT_EQ(h[1].action, "upload_file");
  EXPECT_EQ(h[1].from_state, "draft");
  EXPECT_EQ(h[1].to_state, "draft");
  EXPECT_EQ(h[1].comment, "charter: 联盟章程（签章版）.pdf");

  // A file of another application is not found; a stored file changed on
  // disk is reported, not served.
  EXPECT_EQ(ReadMaterialFile(*f.ops, f.data(), f.recording + 1, charter->id).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(ReadMaterialFile(*f.ops, f.data(), f.recording, 999).status().code(), StatusCode::kNotFound);
  for (const std::string& name : stored) std::ofstream(f.data() / kMaterialFolder / name, std::ios::app) << "x";
  EXPECT_EQ(ReadMaterialFile(*f.ops, f.data(), f.recording, charter->id).status().code(), StatusCode::kCorruption);
}

TEST(RecordingFiles, BadInputIsRefusedWritingNothing) {
  Files f;
  ASSERT_TRUE(f.Add("charter", "a.pdf", kPdf).ok());
  const std::string before = DumpOperations(f.data());
  const std::set<std::string> tree = Tree(f.dir.path());

  std::string big = kPdf;
  big.resize(kMaxMaterialFileBytes + 1, ' ');
  Result<MaterialFile> r = f.Add("charter", "big.pdf", big);
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(r.status().message().find("over the limit"), std::string::npos) << r.status().message();
  big.resize(kMaxMaterialFileBytes);
  EXPECT_TRUE(MaterialFileType(big).ok()) << "exactly the limit passes the type check";

  for (const std::string& bytes : {std::string("MZ\x90\x00 an executable", 18), std::string("<html>not a pdf</html>"),
                                   std::string("PK\x03\x04 a zip", 10)}) {
    r = f.Add("charter", "fake.pdf", bytes);
    EXPECT_EQ(r.status().code(), StatusCode::kUnsupported) << bytes;
    EXPECT_NE(r.status().message().find("PDF, PNG or JPEG"), std::string::npos);
  }
  for (const std::string& label : std::vector<std::string>{"../../operations.db", "../x.pdf", "a/b.pdf", "..\\..\\x.pdf", "/etc/passwd", "..",
                                   ".", "", "  ", "a\nb.pdf", std::string("a\0b.pdf", 7), std::string(201, 'a'),
                                   std::string("\xff\xfe.pdf")}) {
    r = f.Add("charter", label, kPdf);
    EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument) << label;
    EXPECT_EQ(r.status().message().rfind("file name", 0), 0u) << r.status().message();
  }
  EXPECT_EQ(f.Add("charter", "a.pdf", "").status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(f.Add("photos", "a.pdf", kPdf).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(f.Add("../charter", "a.pdf", kPdf).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(AddMaterialFile(*f.ops, f.data(), {f.recording + 7, "charter", "a.pdf", kPdf, "op"}).status().code(),
            StatusCode::kNotFound);

  EXPECT_EQ(DumpOperations(f.data()), before);
  EXPECT_EQ(Tree(f.dir.path()), tree) << "no file written anywhere";
}

TEST(RecordingFiles, ChangeOnlyInDraftOrNeedsCorrection) {
  Files f;
  Result<MaterialFile> a = f.Add("member_list", "members.pdf", kPdf);
  ASSERT_TRUE(a.ok());
  ASSERT_TRUE(f.Move(RecordingAction::kSubmit, RecordingRole::kOperator).ok());
  const std::string before = DumpOperations(f.data());
  Result<MaterialFile> late = f.Add("member_list", "more.pdf", kPdf);
  EXPECT_EQ(late.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(late.status().message().find("submitted"), std::string::npos);
  EXPECT_EQ(RemoveMaterialFile(*f.ops, f.data(), f.recording, a->id, "op").code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(DumpOperations(f.data()), before);
  EXPECT_EQ(std::distance(fs::directory_iterator(f.data() / kMaterialFolder), fs::directory_iterator()), 1);

  ASSERT_TRUE(f.Move(RecordingAction::kReturn, RecordingRole::kProvinceReviewer, "成员名单缺联系人").ok());
  Result<MaterialFile> b = f.Add("member_list", "members-v2.pdf", kPdf + "v2");
  ASSERT_TRUE(b.ok()) << b.status().ToString();
  EXPECT_EQ(RemoveMaterialFile(*f.ops, f.data(), f.recording, 999, "op").code(), StatusCode::kNotFound);
  ASSERT_TRUE(RemoveMaterialFile(*f.ops, f.data(), f.recording, a->id, "op").ok());
  std::vector<MaterialFile> left = *ListMaterialFiles(*f.ops, f.recording);
  ASSERT_EQ(left.size(), 1u);
  EXPECT_EQ(left[0].id, b->id);
  EXPECT_EQ(std::distance(fs::directory_iterator(f.data() / kMaterialFolder), fs::directory_iterator()), 1);
  EXPECT_EQ(RecordingHistory(*f.ops, f.recording)->back().action, "remove_file");

  for (int i = 1; i < kMaxFilesPerMaterial; ++i) ASSERT_TRUE(f.Add("charter", "p" + std::to_string(i) + ".pdf", kPdf).ok());
  ASSERT_TRUE(f.Add("charter", "last.pdf", kPdf).ok());
  EXPECT_EQ(f.Add("charter", "one-too-many.pdf", kPdf).status().code(), StatusCode::kFailedPrecondition);
}

}  // namespace
}  // namespace patnav::domain
