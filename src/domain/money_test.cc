// Money parsing/formatting, largest-remainder apportionment and periods.
#include <numeric>

#include <gtest/gtest.h>

#include "base/random.h"
#include "domain/allocation.h"
#include "domain/money.h"
#include "domain/period.h"

namespace patnav::domain {
namespace {

TEST(Money, ParsesAndFormatsMinorUnits) {
  EXPECT_EQ(*ParseAmount("1234.56", "USD"), 123456);
  EXPECT_EQ(*ParseAmount("0.5", "EUR"), 50);
  EXPECT_EQ(*ParseAmount("12", "CNY"), 1200);
  EXPECT_EQ(*ParseAmount("500", "JPY"), 500);
  EXPECT_EQ(*ParseAmount("1.234", "BHD"), 1234);
  EXPECT_EQ(FormatAmount(123456, "USD"), "1234.56");
  EXPECT_EQ(FormatAmount(-5, "USD"), "-0.05");
  EXPECT_EQ(FormatAmount(500, "JPY"), "500");
  EXPECT_EQ(FormatAmount(0, "EUR"), "0.00");
}

TEST(Money, RefusesBadAmounts) {
  EXPECT_FALSE(ParseAmount("-1", "USD").ok());
  EXPECT_NE(ParseAmount("-1", "USD").status().message().find("negative"), std::string::npos);
  EXPECT_FALSE(ParseAmount("1.234", "USD").ok());
  EXPECT_FALSE(ParseAmount("1.5", "JPY").ok());
  EXPECT_FALSE(ParseAmount("abc", "USD").ok());
  EXPECT_FALSE(ParseAmount("", "USD").ok());
  EXPECT_FALSE(ParseAmount("1.", "USD").ok());
  EXPECT_FALSE(ParseAmount("99999999999999999999", "USD").ok());
  EXPECT_FALSE(CheckCurrency("usd").ok());
  EXPECT_FALSE(CheckCurrency("US").ok());
  EXPECT_TRUE(CheckCurrency("CNY").ok());
}

TEST(Money, Percentages) {
  EXPECT_EQ(*ParsePercentPpm("5"), 50000);
  EXPECT_EQ(*ParsePercentPpm("0.25%"), 2500);
  EXPECT_FALSE(ParsePercentPpm("101").ok());
  EXPECT_FALSE(ParsePercentPpm("-1").ok());
  EXPECT_EQ(FormatPercentPpm(2500), "0.25%");
  EXPECT_EQ(FormatPercentPpm(100000), "10%");
  EXPECT_EQ(ApplyPpm(1000, 2500), 3);    // 2.5 rounds half up
  EXPECT_EQ(ApplyPpm(999, 100000), 100);  // 99.9
}

TEST(Allocation, SumsExactlyAndStaysWithinOneUnitOfTheExactShare) {
  Random rng(7);
  for (int round = 0; round < 2000; ++round) {
    size_t n = 1 + rng.Uniform(40);
    std::vector<int64_t> w(n);
    for (auto& x : w) x = static_cast<int64_t>(rng.Uniform(round % 3 == 0 ? 3 : 100000));
    int64_t total = static_cast<int64_t>(rng.Uniform(round % 2 ? 1000 : 10'000'000'000ULL));
    std::vector<int64_t> parts = AllocateLargestRemainder(total, w);
    ASSERT_EQ(parts.size(), n);
    EXPECT_EQ(std::accumulate(parts.begin(), parts.end(), int64_t{0}), total);
    long double sum = std::accumulate(w.begin(), w.end(), 0.0L);
    for (size_t i = 0; i < n; ++i) {
      long double exact = sum == 0 ? static_cast<long double>(total) / n : total * (w[i] / sum);
      EXPECT_LT(std::abs(static_cast<long double>(parts[i]) - exact), 1.0L + 1e-9L) << "part " << i;
      EXPECT_GE(parts[i], 0);
    }
  }
}

TEST(Allocation, LeftoverUnitsGoToLargestRemaindersThenLowerIndex) {
  std::vector<int64_t> w = {1, 1, 1};
  EXPECT_EQ(AllocateLargestRemainder(100, w), (std::vector<int64_t>{34, 33, 33}));
  std::vector<int64_t> w2 = {2, 1};
  EXPECT_EQ(AllocateLargestRemainder(10, w2), (std::vector<int64_t>{7, 3}));
  std::vector<int64_t> zero = {0, 0};
  EXPECT_EQ(AllocateLargestRemainder(3, zero), (std::vector<int64_t>{2, 1}));
  EXPECT_TRUE(AllocateLargestRemainder(5, std::vector<int64_t>{}).empty());
}

TEST(Period, QuartersMonthsYears) {
  Period q = *ParsePeriod("2024q1");
  EXPECT_EQ(q.key, "2024Q1");
  EXPECT_EQ(q.first_day, "2024-01-01");
  EXPECT_EQ(q.last_day, "2024-03-31");
  EXPECT_EQ(ParsePeriod("2024-02")->last_day, "2024-02-29");
  EXPECT_EQ(ParsePeriod("2025")->last_day, "2025-12-31");
  EXPECT_FALSE(ParsePeriod("2025Q5").ok());
  EXPECT_FALSE(ParsePeriod("25Q1").ok());
  EXPECT_FALSE(ParsePeriod("2025-13").ok());
  EXPECT_TRUE(CheckIsoDate("2024-02-29", "date").ok());
  EXPECT_FALSE(CheckIsoDate("2023-02-29", "date").ok());
  EXPECT_EQ(AddYears("2004-02-29", 20), "2024-02-29");
  EXPECT_EQ(AddYears("2004-02-29", 21), "2025-02-28");
  EXPECT_EQ(AddMonths("2025-01-31", 1), "2025-02-28");
}

}  // namespace
}  // namespace patnav::domain
