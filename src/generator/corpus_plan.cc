// The corpus plan (see corpus_plan.h): per-document dates, numbers,
// applicants and the citation index, drawn from per-slot streams and then
// sorted into grant order.
#include "generator/corpus_plan.h"

// Floating-point results must not depend on the compiler fusing a * b + c
// (GCC in ISO mode does not; clang would by default).
#ifdef __clang__
#pragma STDC FP_CONTRACT OFF
#endif

#include <algorithm>
#include <cassert>
#include <numeric>

#include "generator/calendar.h"
#include "generator/vocabulary.h"

namespace patnav::gen {

namespace {

constexpr uint64_t kSlotTag = 0x534C4F54;  // SLOT
constexpr size_t kOrganisations = 4000;
constexpr size_t kFirms = 240;
constexpr int kTuesday = 2, kThursday = 4, kFriday = 5;

struct Anchor {
  int year, month, day;
  int64_t value;
};

// US utility grant numbers at the first issue of each year.
constexpr Anchor kUsGrantAnchors[] = {
    {2000, 1, 4, 6009555},   {2003, 1, 7, 6502000},   {2005, 1, 4, 6836000},   {2006, 1, 3, 6981000},
    {2007, 1, 2, 7155000},   {2008, 1, 1, 7313000},   {2009, 1, 6, 7472000},   {2010, 1, 5, 7640000},
    {2011, 1, 4, 7861000},   {2012, 1, 3, 8087000},   {2013, 1, 1, 8341000},   {2014, 1, 7, 8621000},
    {2015, 1, 6, 8925000},   {2016, 1, 5, 9226000},   {2017, 1, 3, 9532000},   {2018, 1, 2, 9855000},
    {2019, 1, 1, 10165000},  {2020, 1, 7, 10524000},  {2021, 1, 5, 10881000},  {2022, 1, 4, 11212000},
    {2023, 1, 3, 11540000},  {2024, 1, 2, 11856000},  {2025, 1, 7, 12185000},  {2026, 1, 6, 12510000},
};
// Start of each US application series code.
constexpr Anchor kUsSeries[] = {
    {1998, 1, 1, 9},   {2001, 1, 1, 10},  {2004, 12, 1, 11}, {2007, 12, 1, 12}, {2010, 12, 1, 13},
    {2013, 8, 20, 14}, {2015, 12, 1, 15}, {2017, 12, 1, 16}, {2019, 12, 1, 17}, {2021, 12, 1, 18},
    {2024, 7, 1, 19},
};
// CN invention publication numbers (7 digits before July 2007, then 9).
constexpr Anchor kCnPubAnchorsOld[] = {
    {2003, 1, 1, 1420000}, {2005, 1, 5, 1560000}, {2006, 1, 4, 1720000}, {2007, 7, 3, 1990000}};
constexpr Anchor kCnPubAnchors[] = {
    {2007, 7, 4, 101000000},  {2008, 1, 2, 101100000},  {2009, 1, 7, 101340000},  {2010, 1, 6, 101620000},
    {2011, 1, 5, 101940000},  {2012, 1, 4, 102300000},  {2013, 1, 2, 102850000},  {2014, 1, 1, 103500000},
    {2015, 1, 7, 104250000},  {2016, 1, 6, 105200000},  {2017, 1, 4, 106300000},  {2018, 1, 5, 107550000},
    {2019, 1, 4, 109130000},  {2020, 1, 3, 110650000},  {2021, 1, 1, 112170000},  {2022, 1, 4, 113880000},
    {2023, 1, 3, 115580000},  {2024, 1, 2, 117350000},  {2025, 1, 3, 119250000},  {2026, 1, 2, 121200000},
};

template <size_t N>
int64_t Interpolate(const Anchor (&a)[N], int32_t day) {
  size_t hi = 1;
  while (hi + 1 < N && DaysFromCivil(a[hi].year, a[hi].month, a[hi].day) <= day) ++hi;
  const int32_t d0 = DaysFromCivil(a[hi - 1].year, a[hi - 1].month, a[hi - 1].day);
  const int32_t d1 = DaysFromCivil(a[hi].year, a[hi].month, a[hi].day);
  const int64_t v = a[hi - 1].value + (a[hi].value - a[hi - 1].value) * (day - d0) / (d1 - d0);
  return std::max<int64_t>(v, 1);
}

int64_t CnPubBase(int32_t day) {
  return day < DaysFromCivil(2007, 7, 4) ? Interpolate(kCnPubAnchorsOld, day) : Interpolate(kCnPubAnchors, day);
}

// Combined series * 1e6 + serial of a US application filed on `day`.
int64_t UsApplicationBase(int32_t day) {
  size_t s = 0;
  while (s + 1 < std::size(kUsSeries) &&
         DaysFromCivil(kUsSeries[s + 1].year, kUsSeries[s + 1].month, kUsSeries[s + 1].day) <= day) {
    ++s;
  }
  const int32_t start = DaysFromCivil(kUsSeries[s].year, kUsSeries[s].month, kUsSeries[s].day);
  const int32_t end = s + 1 < std::size(kUsSeries)
                          ? DaysFromCivil(kUsSeries[s + 1].year, kUsSeries[s + 1].month, kUsSeries[s + 1].day)
                          : start + 900;
  int64_t serial = std::max<int64_t>(0, static_cast<int64_t>(day - start)) * 1000000 / (end - start);
  int64_t series = kUsSeries[s].value;
  series += serial / 1000000;
  serial %= 1000000;
  return series * 1000000 + serial;
}

// Annual CN invention application volume, for serial numbers.
int64_t CnAnnualVolume(int year) {
  int64_t v = 170000;
  for (int y = 2005; y < year && v < 1600000; ++y) v = v * 114 / 100;
  return std::min<int64_t>(v, 1600000);
}

// The next Tuesday or Friday: CN publication days.
int32_t NextCnPublicationDay(int32_t day) {
  return std::min(NextWeekday(day, kTuesday), NextWeekday(day, kFriday));
}

// Filing-year growth per area, per mille per year.
constexpr uint32_t kGrowthPerMille[kAreaCount] = {1120, 1170, 1050, 1060, 1070, 1200};
constexpr uint32_t kAreaWeights[kAreaCount] = {20, 22, 18, 20, 12, 8};
// Probability (percent) that an applicant from a country claims a home priority.
constexpr uint32_t kPriorityPercent[kCountryCount] = {92, 0, 75, 70, 60, 60, 50, 30, 50, 50, 50, 40, 30};

struct Slot {
  DocPlan plan;
  double fitness = 1.0;
  uint64_t slot = 0;
};

}  // namespace

CorpusPlan::CorpusPlan(const GeneratorOptions& options)
    : options_(options), seed_(options.seed), orgs_(BuildOrganisations(options.seed, kOrganisations)),
      firms_(kFirms, 1.0, 1.0) {
  const ZipfTable applicants(orgs_.size(), 1.1, 3.0);
  pools_.resize(orgs_.size());
  for (size_t o = 0; o < orgs_.size(); ++o) {
    const double expected = static_cast<double>(options.docs) * applicants.Probability(o);
    pools_[o] = 8 + static_cast<uint32_t>(2.0 * DetPow(expected + 1.0, 0.85));
  }

  const int years = options.last_year - options.first_year + 1;
  std::vector<uint32_t> year_weights[kAreaCount];
  for (int a = 0; a < kAreaCount; ++a) {
    double w = 1000.0;
    for (int y = 0; y < years; ++y) {
      year_weights[a].push_back(static_cast<uint32_t>(w));
      w = std::min(w * kGrowthPerMille[a] / 1000.0, 4.0e9 / years);
    }
  }

  const int32_t last_grant = NextWeekday(DaysFromCivil(options.last_year + 1, 12, 31) - 6, kTuesday);
  std::vector<Slot> slots(options.docs);
  for (uint64_t k = 0; k < options.docs; ++k) {
    Random rng = Stream(seed_, k, kSlotTag);
    Slot& s = slots[k];
    s.slot = k;
    DocPlan& d = s.plan;
    Country country;
    if (rng.Bernoulli(0.04)) {
      country = SampleIndividualCountry(rng);
      d.individual_country = static_cast<uint8_t>(country);
      d.area = static_cast<uint8_t>(PickWeighted(rng, kAreaWeights));
    } else {
      d.org = static_cast<uint32_t>(applicants.Sample(rng));
      const Organisation& o = orgs_[d.org];
      country = o.country;
      const size_t which = PickWeighted(rng, {65, 25, 10});
      d.area = which == 0   ? o.primary_area
               : which == 1 ? o.secondary_area
                            : static_cast<uint8_t>(PickWeighted(rng, kAreaWeights));
      if (rng.Bernoulli(0.07)) {
        const uint32_t co = static_cast<uint32_t>(applicants.Sample(rng));
        if (co != d.org) d.co_org = co;
      }
    }
    const int year = options.first_year + static_cast<int>(PickWeighted(rng, year_weights[d.area]));
    d.filing_day = DaysFromCivil(year, 1, 1) + static_cast<int32_t>(rng.Uniform(DaysInYear(year)));
    const uint32_t priority_percent = kPriorityPercent[static_cast<int>(country)] / (d.org == kNoOrg ? 2 : 1);
    if (rng.Uniform(100) < priority_percent) {
      d.priority_country = static_cast<uint8_t>(country);
      d.priority_day = d.filing_day - 30 - static_cast<int32_t>(rng.Uniform(336));
    }
    int32_t pendency = 420 + static_cast<int32_t>(rng.Uniform(400) + rng.Uniform(400) + rng.Uniform(400));
    const int32_t allowed = last_grant - d.filing_day;
    if (allowed < 1620 + 6) {
      // Filings of the last few years are granted proportionally faster, so
      // that no grant lies beyond the end of last_year + 1.
      pendency = 240 + (pendency - 420) * std::max(0, allowed - 246) / 1200;
    }
    d.grant_day = std::min(last_grant, NextWeekday(d.filing_day + pendency, kTuesday));
    const int32_t earliest = d.has_priority() ? d.priority_day : d.filing_day;
    d.prepub_day = NextWeekday(std::max(earliest + 548, d.filing_day + 60), kThursday);
    if (d.prepub_day + 28 > d.grant_day || rng.Bernoulli(0.06)) {
      d.kind = 1;
      d.prepub_day = 0;
    }
    // Attractiveness for citations: Pareto, alpha 2.5.
    s.fitness = std::min(100.0, DetPow(1.0 - rng.UnitDouble(), -1.0 / 2.5));
    const int grant_year = CivilFromDays(d.grant_day).year;
    d.us_status = (grant_year < options.last_year - 12 || rng.Bernoulli(0.12)) ? LegalStatus::kLapsed
                                                                                : LegalStatus::kGranted;
    d.priority_serial = static_cast<uint32_t>(rng.Uniform(1000000));
    d.cn_family = d.has_priority() && static_cast<Country>(d.priority_country) == Country::kCN;
    if (d.cn_family) {
      d.chinese_row = true;
      d.cn_pub_day = NextCnPublicationDay(d.priority_day + 300 + static_cast<int32_t>(rng.Uniform(250)));
      const bool recent = CivilFromDays(d.cn_pub_day).year >= options.last_year - 1;
      d.cn_status = static_cast<LegalStatus>(PickWeighted(rng, {55, recent ? 30u : 0u, 15, 8, 7}));
      const bool granted = d.cn_status == LegalStatus::kGranted ||
                           (d.cn_status == LegalStatus::kLapsed && rng.Bernoulli(0.5));
      d.cn_pub_day = std::min(d.cn_pub_day, last_grant);
      if (granted) {
        d.cn_grant_day = NextCnPublicationDay(std::max(d.cn_pub_day + 90, d.priority_day + 600) +
                                              static_cast<int32_t>(rng.Uniform(900)));
        if (d.cn_grant_day > last_grant) {
          d.cn_grant_day = 0;
          d.cn_status = LegalStatus::kExamination;
        }
      }
    } else {
      d.chinese_row = rng.Bernoulli(0.55);
    }
  }

  std::sort(slots.begin(), slots.end(), [](const Slot& a, const Slot& b) {
    if (a.plan.grant_day != b.plan.grant_day) return a.plan.grant_day < b.plan.grant_day;
    if (a.plan.filing_day != b.plan.filing_day) return a.plan.filing_day < b.plan.filing_day;
    return a.slot < b.slot;
  });
  docs_.reserve(slots.size());
  std::vector<double> fitness;
  fitness.reserve(slots.size());
  for (const Slot& s : slots) {
    docs_.push_back(s.plan);
    fitness.push_back(s.fitness);
  }
  AssignNumbers();
  BuildCitationIndex(fitness);
}

void CorpusPlan::AssignNumbers() {
  Random rng = Stream(seed_, 0, 0x4E554D42 /* NUMB */);
  // Grant numbers: within each issue day, sorted random offsets into the
  // range the USPTO used that week; strictly increasing across the corpus.
  int64_t prev = 0;
  for (size_t i = 0; i < docs_.size();) {
    size_t j = i;
    while (j < docs_.size() && docs_[j].grant_day == docs_[i].grant_day) ++j;
    const int64_t base = Interpolate(kUsGrantAnchors, docs_[i].grant_day);
    const int64_t span = std::max<int64_t>(1, Interpolate(kUsGrantAnchors, docs_[i].grant_day + 7) - base);
    std::vector<int64_t> offsets(j - i);
    for (int64_t& o : offsets) o = static_cast<int64_t>(rng.Uniform(static_cast<uint64_t>(span)));
    std::sort(offsets.begin(), offsets.end());
    for (size_t k = i; k < j; ++k) {
      prev = std::max(prev + 1, base + offsets[k - i]);
      docs_[k].pub_number = static_cast<uint32_t>(std::min<int64_t>(prev, 99999999));
    }
    i = j;
  }
  // Application numbers: increasing with the filing date.
  std::vector<uint32_t> order(docs_.size());
  std::iota(order.begin(), order.end(), 0u);
  std::stable_sort(order.begin(), order.end(),
                   [&](uint32_t a, uint32_t b) { return docs_[a].filing_day < docs_[b].filing_day; });
  prev = 0;
  for (uint32_t i : order) {
    const int64_t base = UsApplicationBase(docs_[i].filing_day);
    prev = std::max(prev + 1, base + static_cast<int64_t>(rng.Uniform(400)));
    docs_[i].app_number = static_cast<uint32_t>(prev);
  }
  // CN family: application serials by priority date within each year, and
  // publication numbers by publication date.
  std::vector<uint32_t> cn;
  for (uint32_t i = 0; i < docs_.size(); ++i) {
    if (docs_[i].cn_family) cn.push_back(i);
  }
  std::stable_sort(cn.begin(), cn.end(),
                   [&](uint32_t a, uint32_t b) { return docs_[a].priority_day < docs_[b].priority_day; });
  int last_year = 0;
  prev = 0;
  for (uint32_t i : cn) {
    const int32_t day = docs_[i].priority_day;
    const CivilDate c = CivilFromDays(day);
    if (c.year != last_year) prev = 0;
    last_year = c.year;
    const int64_t base = CnAnnualVolume(c.year) * (day - DaysFromCivil(c.year, 1, 1)) / DaysInYear(c.year);
    prev = std::min<int64_t>(std::max(prev + 1, base + static_cast<int64_t>(rng.Uniform(300))), 9999999);
    docs_[i].priority_serial = static_cast<uint32_t>(prev);
  }
  std::stable_sort(cn.begin(), cn.end(),
                   [&](uint32_t a, uint32_t b) { return docs_[a].cn_pub_day < docs_[b].cn_pub_day; });
  prev = 0;
  for (uint32_t i : cn) {
    const int64_t base = CnPubBase(docs_[i].cn_pub_day);
    if (base < prev - 50000000) prev = 0;  // the 7- to 9-digit switch
    prev = std::max(prev + 1, base + static_cast<int64_t>(rng.Uniform(2000)));
    docs_[i].cn_pub_number = static_cast<uint32_t>(prev);
  }
}

void CorpusPlan::BuildCitationIndex(const std::vector<double>& fitness) {
  for (int a = 0; a < kAreaCount; ++a) area_prefix_[a].push_back(0.0);
  for (uint32_t i = 0; i < docs_.size(); ++i) {
    const int a = docs_[i].area;
    area_docs_[a].push_back(i);
    area_prefix_[a].push_back(area_prefix_[a].back() + fitness[i]);
  }
}

void CorpusPlan::SampleCitations(uint64_t i, Random& rng, size_t count, std::vector<uint32_t>& out) const {
  const int32_t day = docs_[i].grant_day;
  const uint64_t bound = static_cast<uint64_t>(
      std::lower_bound(docs_.begin(), docs_.begin() + static_cast<std::ptrdiff_t>(i), day,
                       [](const DocPlan& p, int32_t d) { return p.grant_day < d; }) -
      docs_.begin());
  if (bound == 0) return;
  count = std::min<uint64_t>(count, bound);
  const int32_t recent_day = day - 6 * 365;
  const uint64_t recent_lo = static_cast<uint64_t>(
      std::lower_bound(docs_.begin(), docs_.begin() + static_cast<std::ptrdiff_t>(bound), recent_day,
                       [](const DocPlan& p, int32_t d) { return p.grant_day < d; }) -
      docs_.begin());
  const size_t start = out.size();
  const auto taken = [&](uint32_t doc) {
    return std::find(out.begin() + static_cast<std::ptrdiff_t>(start), out.end(), doc) != out.end();
  };
  for (size_t attempt = 0; attempt < count * 8 && out.size() - start < count; ++attempt) {
    const int area = rng.Bernoulli(0.8) ? docs_[i].area : static_cast<int>(rng.Uniform(kAreaCount));
    const std::vector<uint32_t>& list = area_docs_[area];
    const std::vector<double>& prefix = area_prefix_[area];
    const size_t m = static_cast<size_t>(std::lower_bound(list.begin(), list.end(), static_cast<uint32_t>(bound)) -
                                         list.begin());
    if (m == 0) continue;
    size_t lo = 0;
    if (rng.Bernoulli(0.5)) {
      lo = static_cast<size_t>(std::lower_bound(list.begin(), list.begin() + static_cast<std::ptrdiff_t>(m),
                                                static_cast<uint32_t>(recent_lo)) -
                               list.begin());
      if (lo >= m) lo = 0;
    }
    const double u = prefix[lo] + rng.UnitDouble() * (prefix[m] - prefix[lo]);
    size_t k = static_cast<size_t>(std::upper_bound(prefix.begin() + static_cast<std::ptrdiff_t>(lo) + 1,
                                                    prefix.begin() + static_cast<std::ptrdiff_t>(m) + 1, u) -
                                   prefix.begin()) - 1;
    k = std::min(std::max(k, lo), m - 1);
    if (!taken(list[k])) out.push_back(list[k]);
  }
  for (size_t attempt = 0; attempt < count * 4 && out.size() - start < count; ++attempt) {
    const uint32_t doc = static_cast<uint32_t>(rng.Uniform(bound));
    if (!taken(doc)) out.push_back(doc);
  }
}

void AppendUsGrantNumber(std::string& out, uint32_t number, bool zero_padded) {
  std::string digits = std::to_string(number);
  if (zero_padded && digits.size() < 8) out.append(8 - digits.size(), '0');
  out += digits;
}

void AppendUsApplicationNumber(std::string& out, uint32_t app_number) {
  std::string digits = std::to_string(app_number);
  if (digits.size() < 8) out.append(8 - digits.size(), '0');
  out += digits;
}

void AppendCnApplicationNumber(std::string& out, int year, uint32_t serial) {
  char digits[13];
  std::string y = std::to_string(year);
  for (int i = 0; i < 4; ++i) digits[i] = y[static_cast<size_t>(i)];
  digits[4] = '1';
  for (int i = 11; i >= 5; --i) {
    digits[i] = static_cast<char>('0' + serial % 10);
    serial /= 10;
  }
  static constexpr int kWeights[12] = {2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5};
  int sum = 0;
  for (int i = 0; i < 12; ++i) sum += (digits[i] - '0') * kWeights[i];
  const int check = sum % 11;
  out.append(digits, 12);
  out += '.';
  out += check == 10 ? 'X' : static_cast<char>('0' + check);
}

void AppendPriorityNumber(std::string& out, const DocPlan& d) {
  const int year = CivilFromDays(d.priority_day).year;
  const uint32_t s = d.priority_serial;
  auto pad = [&](uint64_t v, size_t width) {
    std::string t = std::to_string(v);
    if (t.size() < width) out.append(width - t.size(), '0');
    out += t;
  };
  switch (static_cast<Country>(d.priority_country)) {
    case Country::kCN: AppendCnApplicationNumber(out, year, s); break;
    case Country::kJP:
      out += std::to_string(year);
      out += '-';
      pad(s % 300000, 6);
      break;
    case Country::kKR:
      out += "10-";
      out += std::to_string(year);
      out += '-';
      pad(s % 200000, 7);
      break;
    case Country::kDE:
      out += "10 ";
      out += std::to_string(year);
      out += ' ';
      pad(s % 1000, 3);
      out += ' ';
      pad(s / 1000 % 1000, 3);
      out += '.';
      out += static_cast<char>('0' + s % 10);
      break;
    case Country::kTW:
      pad(static_cast<uint64_t>(year - 1911), 3);
      pad(1 + s % 99999, 6);
      break;
    case Country::kGB:
      pad(year % 100, 2);
      pad(s % 100000, 5);
      out += '.';
      out += static_cast<char>('0' + s % 10);
      break;
    case Country::kSE:
      pad(year % 100, 2);
      pad(s % 100000, 5);
      out += '-';
      out += static_cast<char>('0' + s % 10);
      break;
    case Country::kIN:
      out += std::to_string(year);
      pad(s % 1000000, 8);
      break;
    default:
      pad(year % 100, 2);
      pad(s % 100000, 5);
      break;
  }
}

}  // namespace patnav::gen
