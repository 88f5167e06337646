// Shared landscapes in operations.db: stored whole, listed newest first and
// confined to their alliance (another alliance's id answers as a missing
// one), a bad title refused with nothing written.
#include "domain/shared_landscape.h"

#include <gtest/gtest.h>

#include "domain/alliance.h"
#include "domain/domain_testing.h"
#include "testing.h"

namespace patnav::domain {
namespace {

using patnav::testing::ScratchDir;

SharedLandscapeInput Input(std::string title, std::string landscape) {
  SharedLandscapeInput in;
  in.title = std::move(title);
  in.query = "TI=battery";
  in.analyses = {"trend", "geography"};
  in.patents = 12;
  in.store_patents = 345;
  in.landscape = std::move(landscape);
  in.presentation = R"({"sections":[]})";
  in.shared_by = "anaA";
  return in;
}

TEST(SharedLandscape, StoredWholeListedNewestFirstAndConfinedToItsAlliance) {
  ScratchDir dir;
  auto ops = testing::OpenOps(dir.path());
  ASSERT_TRUE(ops);
  Result<int64_t> alpha = CreateAlliance(*ops, {"Alpha", "Beijing", "social_organization", ""});
  Result<int64_t> beta = CreateAlliance(*ops, {"Beta", "Shanghai", "social_organization", ""});
  ASSERT_TRUE(alpha.ok() && beta.ok()) << alpha.status().ToString() << beta.status().ToString();

  Result<int64_t> first = AddSharedLandscape(*ops, *alpha, Input("  电池 ", R"({"meta":{},"trend":[1]})"));
  Result<int64_t> second = AddSharedLandscape(*ops, *alpha, Input("second", R"({"meta":{},"trend":[2]})"));
  Result<int64_t> other = AddSharedLandscape(*ops, *beta, Input("beta's", R"({"meta":{}})"));
  ASSERT_TRUE(first.ok() && second.ok() && other.ok()) << first.status().ToString();

  Result<std::vector<SharedLandscape>> list = ListSharedLandscapes(*ops, *alpha);
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->size(), 2u);
  EXPECT_EQ((*list)[0].id, *second);
  EXPECT_EQ((*list)[1].title, "电池");  // trimmed
  EXPECT_EQ((*list)[1].analyses, (std::vector<std::string>{"trend", "geography"}));
  EXPECT_EQ((*list)[1].patents, 12);
  EXPECT_EQ((*list)[1].store_patents, 345);
  EXPECT_EQ((*list)[1].shared_by, "anaA");
  EXPECT_TRUE((*list)[1].landscape.empty());

  Result<SharedLandscape> found = FindSharedLandscapeIn(*ops, *alpha, *first);
  ASSERT_TRUE(found.ok());
  EXPECT_EQ(found->landscape, R"({"meta":{},"trend":[1]})");
  EXPECT_EQ(found->presentation, R"({"sections":[]})");

  Result<SharedLandscape> foreign = FindSharedLandscapeIn(*ops, *alpha, *other);
  Result<SharedLandscape> missing = FindSharedLandscapeIn(*ops, *alpha, 999);
  EXPECT_EQ(foreign.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(foreign.status().message(), "unknown shared landscape " + std::to_string(*other));
  EXPECT_EQ(missing.status().message(), "unknown shared landscape 999");

  EXPECT_EQ(DeleteSharedLandscape(*ops, *alpha, *other).code(), StatusCode::kNotFound);
  EXPECT_TRUE(FindSharedLandscapeIn(*ops, *beta, *other).ok());
  EXPECT_TRUE(DeleteSharedLandscape(*ops, *alpha, *first).ok());
  EXPECT_EQ(FindSharedLandscapeIn(*ops, *alpha, *first).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(ListSharedLandscapes(*ops, *alpha)->size(), 1u);
}

TEST(SharedLandscape, RefusesABadTitleAndWritesNothing) {
  ScratchDir dir;
  auto ops = testing::OpenOps(dir.path());
  ASSERT_TRUE(ops);
  Result<int64_t> alpha = CreateAlliance(*ops, {"Alpha", "Beijing", "social_organization", ""});
  ASSERT_TRUE(alpha.ok());
  const std::string before = testing::DumpOperations(dir.path());
  Status blank = AddSharedLandscape(*ops, *alpha, Input(" \t", "{}")).status();
  EXPECT_EQ(blank.code(), StatusCode::kInvalidArgument);
  EXPECT_TRUE(blank.message().starts_with("title:")) << blank.message();
  std::string long_title;
  for (int i = 0; i < 201; ++i) long_title += "专";
  EXPECT_EQ(AddSharedLandscape(*ops, *alpha, Input(long_title, "{}")).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(testing::DumpOperations(dir.path()), before);
  std::string max_title;
  for (int i = 0; i < 200; ++i) max_title += "专";
  EXPECT_TRUE(AddSharedLandscape(*ops, *alpha, Input(max_title, "{}")).ok());
}

}  // namespace
}  // namespace patnav::domain
