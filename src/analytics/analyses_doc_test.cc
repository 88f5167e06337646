// docs/analyses.md carries every analysis' definition verbatim, so the user
// documentation and meta.analyses[name].definition cannot drift apart.
#include <gtest/gtest.h>

#include "analytics/analysis.h"
#include "testing.h"

namespace patnav::analytics {
namespace {

TEST(AnalysesDocTest, EveryDefinitionIsInTheDocs) {
  const std::filesystem::path doc = testing::TestData().parent_path().parent_path() / "docs" / "analyses.md";
  const std::string text = testing::ReadFile(doc);
  ASSERT_FALSE(text.empty()) << doc;
  ASSERT_EQ(AllAnalyses().size(), 16u);
  for (const AnalysisSpec* a : AllAnalyses()) {
    EXPECT_NE(text.find("### `" + std::string(a->name) + "`"), std::string::npos) << a->name;
    EXPECT_NE(text.find(a->definition), std::string::npos) << a->name << ": definition differs from docs/analyses.md";
  }
}

}  // namespace
}  // namespace patnav::analytics
