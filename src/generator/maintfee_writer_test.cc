// The synthetic maintenance fee file: fixed-width lines of the layout asked,
// deterministic, patents in ascending order, fee codes of the USPTO's list.
#include "generator/maintfee_writer.h"

#include <set>
#include <sstream>

#include <gtest/gtest.h>

namespace patnav {
namespace {

std::string Generate(const MaintFeeOptions& o, uint64_t* lines) {
  std::ostringstream out;
  Result<uint64_t> n = WriteMaintFeeEvents(o, out);
  EXPECT_TRUE(n.ok()) << n.status().ToString();
  *lines = n.ok() ? *n : 0;
  return out.str();
}

TEST(MaintFeeWriter, FixedWidthSortedAndDeterministic) {
  for (bool old_layout : {false, true}) {
    uint64_t n = 0;
    std::string text = Generate({.patents = 500, .seed = 7, .old_layout = old_layout}, &n);
    EXPECT_GT(n, 500u);
    std::istringstream in(text);
    std::string line, last_patent;
    std::set<std::string> codes;
    uint64_t count = 0;
    const size_t width = old_layout ? 51 : 57, shift = old_layout ? 6 : 0;
    while (std::getline(in, line)) {
      ++count;
      ASSERT_EQ(line.size(), width) << line;
      std::string patent = line.substr(0, old_layout ? 7 : 13);
      EXPECT_LE(last_patent, patent);
      last_patent = patent;
      EXPECT_TRUE(line[23 - shift] == 'Y' || line[23 - shift] == 'N') << line;
      codes.insert(line.substr(52 - shift));
    }
    EXPECT_EQ(count, n);
    EXPECT_TRUE(codes.count("M1551") && codes.count("EXP. ")) << "fees paid and expiries both occur";
    uint64_t again = 0;
    EXPECT_EQ(Generate({.patents = 500, .seed = 7, .old_layout = old_layout}, &again), text);
  }
}

}  // namespace
}  // namespace patnav
