// Draws a whole synthetic patent from the corpus plan (see synthetic_patent.h).
#include "generator/synthetic_patent.h"

#include <algorithm>

#include "generator/calendar.h"
#include "generator/sampling.h"

namespace patnav::gen {

namespace {

constexpr uint64_t kBiblioTag = 0x4249424C;     // BIBL
constexpr uint64_t kPartiesTag = 0x50415254;    // PART
constexpr uint64_t kTextTag = 0x54455854;       // TEXT
constexpr uint64_t kDescTag = 0x44455343;       // DESC
constexpr uint64_t kCiteTag = 0x43495445;       // CITE
constexpr uint64_t kInventorTag = 0x494E5654;   // INVT
constexpr uint64_t kPersonTag = 0x50455253;     // PERS
constexpr uint64_t kIndividualTag = 0x494E4456; // INDV
constexpr uint64_t kExaminerTag = 0x4558414D;   // EXAM
constexpr uint64_t kFirmTag = 0x4649524D;       // FIRM

constexpr std::string_view kJournals[kAreaCount][3] = {
    {"Journal of Power Sources", "Electrochimica Acta", "Journal of The Electrochemical Society"},
    {"IEEE Transactions on Neural Networks and Learning Systems", "Advances in Neural Information Processing Systems",
     "Pattern Recognition"},
    {"IEEE Electron Device Letters", "Applied Physics Letters", "IEEE Transactions on Electron Devices"},
    {"IEEE Communications Magazine", "IEEE Transactions on Wireless Communications", "3GPP TSG RAN WG1 Meeting"},
    {"Journal of Controlled Release", "IEEE Transactions on Biomedical Engineering", "Biomaterials"},
    {"IEEE Transactions on Vehicular Technology", "Applied Energy", "SAE Technical Paper"},
};
constexpr std::string_view kShortMonths[] = {"Jan.", "Feb.", "Mar.", "Apr.", "May", "Jun.",
                                             "Jul.", "Aug.", "Sep.", "Oct.", "Nov.", "Dec."};

void DrawClassification(Random& rng, SyntheticPatent& p) {
  const Subclass& main = SampleSubclass(rng, p.area);
  const ClassSymbol first = SampleSymbol(rng, main);
  p.ipc.push_back(first);
  p.head = &first.group->heads[rng.Uniform(first.group->heads.size())];
  const size_t count = 1 + PickWeighted(rng, {25, 25, 20, 14, 9, 7});
  for (int attempt = 0; attempt < 20 && p.ipc.size() < count; ++attempt) {
    const size_t where = PickWeighted(rng, {60, 25, 15});
    const Subclass& sc = where == 0   ? main
                         : where == 1 ? SampleSubclass(rng, p.area)
                                      : SampleSubclass(rng, static_cast<int>(rng.Uniform(kAreaCount)));
    const ClassSymbol s = SampleSymbol(rng, sc);
    if (std::find(p.ipc.begin(), p.ipc.end(), s) == p.ipc.end()) p.ipc.push_back(s);
  }
  for (int i = 0; i < 2; ++i) {
    if (!rng.Bernoulli(0.5)) continue;
    const std::string_view e = main.cpc_extras[rng.Uniform(main.cpc_extras.size())];
    if (std::find(p.cpc_extras.begin(), p.cpc_extras.end(), e) == p.cpc_extras.end()) p.cpc_extras.push_back(e);
  }
  if (p.plan->grant_day < DaysFromCivil(2015, 6, 1)) {
    const size_t n = 1 + rng.Uniform(4);
    for (size_t i = 0; i < n; ++i) {
      const std::string_view c = main.us_classes[rng.Uniform(main.us_classes.size())];
      if (std::find(p.us_classes.begin(), p.us_classes.end(), c) == p.us_classes.end()) p.us_classes.push_back(c);
    }
  }
  p.art_unit = main.art_units[rng.Uniform(main.art_units.size())];
}

void DrawParties(const CorpusPlan& plan, Random& rng, SyntheticPatent& p) {
  const DocPlan& d = *p.plan;
  auto spelled = [&](uint32_t org) {
    const Organisation& o = plan.orgs()[org];
    PartyEntry e;
    e.org = &o;
    e.name = (!o.variants.empty() && rng.Bernoulli(0.15)) ? o.variants[rng.Uniform(o.variants.size())] : o.name;
    return e;
  };
  if (d.org != kNoOrg) {
    p.applicants.push_back(spelled(d.org));
    if (d.co_org != kNoOrg) p.applicants.push_back(spelled(d.co_org));
  } else {
    PartyEntry e;
    e.person = p.inventors.front();
    p.applicants.push_back(std::move(e));
  }
  Random exam = Stream(plan.seed(), static_cast<uint64_t>(p.art_unit) * 16 + rng.Uniform(8), kExaminerTag);
  p.examiner = MakeExaminer(exam);
  if (rng.Bernoulli(0.4)) {
    Random assistant = Stream(plan.seed(), static_cast<uint64_t>(p.art_unit) * 16 + 8 + rng.Uniform(8), kExaminerTag);
    p.assistant_examiner = MakeExaminer(assistant);
  }
  if (rng.Bernoulli(0.9)) {
    Random firm = Stream(plan.seed(), plan.SampleFirm(rng), kFirmTag);
    p.agent = MakeLawFirm(firm);
  }
}

void AppendShortDate(std::string& out, int32_t day) {
  const CivilDate c = CivilFromDays(day);
  out += kShortMonths[c.month - 1];
  out += ' ';
  out += std::to_string(c.day);
  out += ", ";
  out += std::to_string(c.year);
}

void DrawCitations(const CorpusPlan& plan, const TextComposer& composer, Random& rng, SyntheticPatent& p) {
  std::vector<uint32_t> docs;
  plan.SampleCitations(p.index, rng, 5 + SkewedRank(rng, 26, 2), docs);
  std::sort(docs.begin(), docs.end());
  for (uint32_t doc : docs) p.citations.push_back({doc, rng.Bernoulli(0.35)});
  if (!rng.Bernoulli(0.4)) return;
  const size_t n = 1 + rng.Uniform(4);
  const int filing_year = CivilFromDays(p.plan->filing_day).year;
  for (size_t i = 0; i < n; ++i) {
    std::string s;
    if (i == 0 && p.plan->has_priority() && rng.Bernoulli(0.5)) {
      s += "Office Action issued in corresponding ";
      s += CountryNameEn(static_cast<Country>(p.plan->priority_country));
      s += " Patent Application No. ";
      AppendPriorityNumber(s, *p.plan);
      s += ", dated ";
      const int32_t span = std::max(1, p.plan->grant_day - p.plan->filing_day);
      AppendShortDate(s, p.plan->filing_day + static_cast<int32_t>(rng.Uniform(static_cast<uint64_t>(span))));
      s += '.';
    } else {
      const Person author = MakePerson(rng, static_cast<Country>(rng.Uniform(kCountryCount)));
      s += author.family;
      s += ", ";
      s += author.given.substr(0, 1);
      s += ". et al., &#x201c;";
      s += composer.ArticleTitle(rng);
      s += "&#x201d;, ";
      s += kJournals[p.area][rng.Uniform(3)];
      s += ", vol. ";
      s += std::to_string(5 + rng.Uniform(300));
      const uint64_t page = 1 + rng.Uniform(2000);
      s += ", pp. ";
      s += std::to_string(page);
      s += '-';
      s += std::to_string(page + 3 + rng.Uniform(15));
      s += ", ";
      s += std::to_string(filing_year - static_cast<int>(rng.Uniform(8)));
      s += '.';
    }
    p.npl.push_back(std::move(s));
  }
}

}  // namespace

size_t DrawInventors(const CorpusPlan& plan, uint64_t index, std::vector<Person>& out, size_t limit) {
  const DocPlan& d = plan.doc(index);
  Random rng = Stream(plan.seed(), index, kInventorTag);
  const size_t count = 1 + PickWeighted(rng, {22, 25, 20, 13, 8, 6, 3, 3});
  if (d.org == kNoOrg) {
    for (size_t k = 0; k < std::min(count, limit); ++k) {
      Random person = Stream(plan.seed(), index * 16 + k, kIndividualTag);
      out.push_back(MakePerson(person, static_cast<Country>(d.individual_country)));
    }
    return count;
  }
  const size_t from_co = (d.co_org != kNoOrg && count >= 2) ? 1 + rng.Uniform(std::min<size_t>(2, count - 1)) : 0;
  const size_t first = out.size();
  uint64_t used[8];
  size_t n_used = 0;
  for (size_t k = 0; k < std::min(count, limit); ++k) {
    const uint32_t org = k + from_co >= count ? d.co_org : d.org;
    const Organisation& o = plan.orgs()[org];
    const uint32_t pool = plan.inventor_pool(org);
    Person inventor;
    uint64_t key = 0;
    for (int attempt = 0; attempt < 12; ++attempt) {
      // Mostly the organisation's regular inventors; now and then a newcomer.
      const uint64_t who = attempt < 8 ? SkewedRank(rng, pool, 2) : pool + rng.Uniform(1u << 23);
      key = (static_cast<uint64_t>(org) << 24) | who;
      if (std::find(used, used + n_used, key) != used + n_used) continue;
      Random person = Stream(plan.seed(), key, kPersonTag);
      inventor = MakePerson(person, o.country);
      if (person.Bernoulli(0.7)) {  // most inventors live where their employer is
        inventor.city = o.city;
        inventor.state = o.state;
      }
      const bool namesake = std::any_of(out.begin() + static_cast<std::ptrdiff_t>(first), out.end(),
                                        [&](const Person& q) { return q.family == inventor.family && q.given == inventor.given; });
      if (!namesake) break;
    }
    used[n_used++] = key;
    out.push_back(std::move(inventor));
  }
  return count;
}

std::string CitedName(const CorpusPlan& plan, uint32_t doc) {
  std::vector<Person> first;
  const size_t count = DrawInventors(plan, doc, first, 1);
  std::string name = first.front().family;
  if (count > 1) name += " et al.";
  return name;
}

void BuildPatent(const CorpusPlan& plan, uint64_t index, const BuildParts& parts, SyntheticPatent& p) {
  p = SyntheticPatent();
  p.index = index;
  p.plan = &plan.doc(index);
  p.area = p.plan->area;

  Random biblio = Stream(plan.seed(), index, kBiblioTag);
  DrawClassification(biblio, p);
  p.figures = 3 + static_cast<int>(biblio.Uniform(10));
  p.drawing_sheets = std::max(1, p.figures - static_cast<int>(biblio.Uniform(static_cast<uint64_t>(p.figures / 2 + 1))));
  if (biblio.Bernoulli(0.55)) p.term_extension = 1 + static_cast<int>(SkewedRank(biblio, 1000, 2));
  p.terminal_disclaimer = biblio.Bernoulli(0.08);

  DrawInventors(plan, index, p.inventors);
  Random parties = Stream(plan.seed(), index, kPartiesTag);
  DrawParties(plan, parties, p);

  Random text = Stream(plan.seed(), index, kTextTag);
  const TextComposer composer(text, p.area, *p.head);
  composer.Compose(text, p.text, parts.all_claims);

  if (parts.description) {
    Random desc = Stream(plan.seed(), index, kDescTag);
    DescriptionSpec spec;
    spec.full_text = parts.full_text;
    spec.figures = p.figures;
    if (p.plan->has_priority()) {
      spec.priority_text = CountryNameEn(static_cast<Country>(p.plan->priority_country));
      spec.priority_text += " Patent Application No. ";
      AppendPriorityNumber(spec.priority_text, *p.plan);
      spec.priority_text += ", filed on ";
      AppendLongDate(spec.priority_text, p.plan->priority_day);
    }
    p.description.reserve(parts.full_text ? 40000 : 4000);
    composer.AppendDescription(desc, spec, p.description);
  }
  if (parts.citations) {
    Random cite = Stream(plan.seed(), index, kCiteTag);
    DrawCitations(plan, composer, cite, p);
  }
}

}  // namespace patnav::gen
