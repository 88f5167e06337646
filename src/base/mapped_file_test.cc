// MappedFile: the bytes of the file exactly, empty files, missing files.
#include "base/mapped_file.h"

#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <string>

#include <gtest/gtest.h>

namespace patnav {
namespace {

std::string TempPath(const std::string& name) {
  return ::testing::TempDir() + "/mapped-" + std::to_string(::getpid()) + "-" + name;
}

TEST(MappedFileTest, ViewsTheWholeFileAndSurvivesAMove) {
  const std::string path = TempPath("bytes");
  const char kHead[] = "专利\0binary\xff tail";
  std::string bytes(kHead, sizeof kHead - 1);
  bytes.append(1 << 16, 'x');
  { std::ofstream(path, std::ios::binary) << bytes; }
  Result<MappedFile> mapped = MappedFile::Open(path);
  ASSERT_TRUE(mapped.ok()) << mapped.status().ToString();
  EXPECT_EQ(mapped->bytes(), bytes);
  MappedFile moved = std::move(mapped).value();
  EXPECT_EQ(moved.bytes().size(), bytes.size());
  EXPECT_EQ(moved.bytes().substr(0, 6), "专利");
  std::remove(path.c_str());
}

TEST(MappedFileTest, EmptyAndMissingFiles) {
  const std::string path = TempPath("empty");
  { std::ofstream(path, std::ios::binary); }
  Result<MappedFile> empty = MappedFile::Open(path);
  ASSERT_TRUE(empty.ok());
  EXPECT_TRUE(empty->bytes().empty());
  std::remove(path.c_str());
  Result<MappedFile> missing = MappedFile::Open(path);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), StatusCode::kIOError);
  EXPECT_NE(missing.status().message().find(path), std::string::npos);
}

}  // namespace
}  // namespace patnav
