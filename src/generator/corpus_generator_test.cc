// Tests of the synthetic corpus generator: determinism, order independence,
// XML well-formedness and structure, citation and claim invariants, the
// statistics the benchmarks rely on (Zipf applicants, filing growth), and
// agreement between the CSV and XML renderings of a document.
#include "generator/corpus_generator.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

namespace patnav {
namespace {

using SV = std::string_view;

std::string WriteAll(const CorpusGenerator& g, CorpusFormat f) {
  std::ostringstream out;
  Status st = g.Write(f, out);
  EXPECT_TRUE(st.ok()) << st.ToString();
  return out.str();
}

GeneratorOptions Options(uint64_t docs, uint64_t seed = 42, bool full_text = false) {
  GeneratorOptions o;
  o.docs = docs;
  o.seed = seed;
  o.full_text = full_text;
  return o;
}

// The text of the first <tag ...>...</tag> in `doc` at or after `from`.
SV Element(SV doc, SV tag, size_t from = 0) {
  const std::string open = "<" + std::string(tag);
  size_t p = doc.find(open, from);
  while (p != SV::npos && doc[p + open.size()] != '>' && doc[p + open.size()] != ' ') p = doc.find(open, p + 1);
  if (p == SV::npos) return {};
  const size_t start = doc.find('>', p) + 1;
  const size_t end = doc.find("</" + std::string(tag) + ">", start);
  return doc.substr(start, end - start);
}

std::vector<SV> Elements(SV doc, SV tag) {
  std::vector<SV> out;
  const std::string open = "<" + std::string(tag) + ">";
  const std::string close = "</" + std::string(tag) + ">";
  for (size_t p = doc.find(open); p != SV::npos; p = doc.find(open, p + 1)) {
    const size_t start = p + open.size();
    out.push_back(doc.substr(start, doc.find(close, start) - start));
  }
  return out;
}

// Splits a weekly-bulk-style file into its documents.
std::vector<SV> SplitDocuments(SV all) {
  std::vector<SV> docs;
  const SV marker = "<?xml version=";
  size_t p = all.find(marker);
  while (p != SV::npos) {
    const size_t next = all.find(marker, p + 1);
    docs.push_back(all.substr(p, next == SV::npos ? SV::npos : next - p));
    p = next;
  }
  return docs;
}

// Checks tag balance, names, attribute quoting and character references;
// returns an empty string or what is wrong.
std::string CheckWellFormed(SV doc) {
  std::vector<std::string> stack;
  size_t i = 0;
  bool root_seen = false;
  while (i < doc.size()) {
    const char c = doc[i];
    if (c == '&') {
      const size_t semi = doc.find(';', i);
      if (semi == SV::npos || semi - i > 10) return "bad reference at " + std::to_string(i);
      const SV ref = doc.substr(i + 1, semi - i - 1);
      const bool ok = ref == "amp" || ref == "lt" || ref == "gt" || ref == "quot" || ref == "apos" ||
                      (ref.size() > 2 && ref[0] == '#' && ref[1] == 'x');
      if (!ok) return "unknown reference &" + std::string(ref) + ";";
      i = semi + 1;
      continue;
    }
    if (c == '>') return "stray '>' at " + std::to_string(i);
    if (c != '<') {
      ++i;
      continue;
    }
    if (doc.substr(i, 2) == "<?") {
      const size_t end = doc.find("?>", i);
      if (end == SV::npos) return "unterminated processing instruction";
      i = end + 2;
      continue;
    }
    if (doc.substr(i, 9) == "<!DOCTYPE") {
      if (root_seen) return "DOCTYPE after the root";
      i = doc.find('>', i) + 1;
      continue;
    }
    const size_t end = doc.find('>', i);
    if (end == SV::npos) return "unterminated tag";
    SV tag = doc.substr(i + 1, end - i - 1);
    if (tag.find('<') != SV::npos) return "'<' inside a tag at " + std::to_string(i);
    if (!tag.empty() && tag[0] == '/') {
      const SV name = tag.substr(1);
      if (stack.empty() || stack.back() != name) {
        return "mismatched </" + std::string(name) + "> (open: " + (stack.empty() ? "none" : stack.back()) + ")";
      }
      stack.pop_back();
    } else {
      const bool empty = !tag.empty() && tag.back() == '/';
      if (empty) tag.remove_suffix(1);
      const size_t sp = tag.find(' ');
      const SV name = tag.substr(0, sp);
      if (name.empty() || !(std::isalpha(static_cast<unsigned char>(name[0])))) return "bad tag name";
      if (sp != SV::npos && std::count(tag.begin(), tag.end(), '"') % 2 != 0) return "unbalanced attribute quotes";
      if (stack.empty()) {
        if (root_seen) return "second root element";
        root_seen = true;
      }
      if (!empty) stack.emplace_back(name);
    }
    i = end + 1;
  }
  if (!stack.empty()) return "unclosed <" + stack.back() + ">";
  if (!root_seen) return "no root element";
  return "";
}

// RFC 4180 parsing of a whole file into rows of fields.
std::vector<std::vector<std::string>> ParseCsv(SV text) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      row.push_back(std::move(field));
      field.clear();
    } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      row.push_back(std::move(field));
      field.clear();
      rows.push_back(std::move(row));
      row.clear();
      ++i;
    } else {
      field += c;
    }
  }
  return rows;
}

int DaysFromCivil(int y, int m, int d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;
  const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  return era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468;
}
int DayOf(SV yyyymmdd) {
  return DaysFromCivil(std::stoi(std::string(yyyymmdd.substr(0, 4))), std::stoi(std::string(yyyymmdd.substr(4, 2))),
                       std::stoi(std::string(yyyymmdd.substr(6, 2))));
}
std::string Compact(SV iso) { return std::string(iso.substr(0, 4)) + std::string(iso.substr(5, 2)) + std::string(iso.substr(8, 2)); }
size_t Words(SV s) { return s.empty() ? 0 : 1 + static_cast<size_t>(std::count(s.begin(), s.end(), ' ')); }
bool HasNonAscii(SV s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
}
std::string StripZeros(SV s) {
  while (s.size() > 1 && s[0] == '0') s.remove_prefix(1);
  return std::string(s);
}

TEST(CorpusGenerator, SameSeedSameBytesDifferentSeedDifferentBytes) {
  for (CorpusFormat f : {CorpusFormat::kUsptoXml, CorpusFormat::kCsv}) {
    const std::string a = WriteAll(CorpusGenerator(Options(120, 7, true)), f);
    const std::string b = WriteAll(CorpusGenerator(Options(120, 7, true)), f);
    const std::string c = WriteAll(CorpusGenerator(Options(120, 8, true)), f);
    EXPECT_GT(a.size(), 1000u);
    EXPECT_EQ(a, b);
    EXPECT_NE(a, c);
  }
}

TEST(CorpusGenerator, DocumentIsIndependentOfCallOrder) {
  const CorpusGenerator forward(Options(200, 3, true));
  const CorpusGenerator backward(Options(200, 3, true));
  std::vector<std::string> fwd(200), bwd(200);
  for (uint64_t i = 0; i < 200; ++i) fwd[i] = forward.Document(CorpusFormat::kUsptoXml, i);
  for (uint64_t i = 200; i-- > 0;) bwd[i] = backward.Document(CorpusFormat::kUsptoXml, i);
  EXPECT_EQ(fwd, bwd);
  std::string concatenated;
  for (const std::string& d : fwd) concatenated += d;
  EXPECT_EQ(WriteAll(forward, CorpusFormat::kUsptoXml), concatenated);

  std::vector<std::string> rows(200);
  for (uint64_t i = 200; i-- > 0;) rows[i] = backward.Document(CorpusFormat::kCsv, i);
  std::string csv = backward.CsvHeader();
  for (const std::string& r : rows) csv += r;
  EXPECT_EQ(WriteAll(forward, CorpusFormat::kCsv), csv);
}

TEST(CorpusGenerator, XmlDocumentsAreWellFormedUsptoGrants) {
  const CorpusGenerator g(Options(300, 11, true));
  const std::string all = WriteAll(g, CorpusFormat::kUsptoXml);
  const std::vector<SV> docs = SplitDocuments(all);
  ASSERT_EQ(docs.size(), 300u);
  for (SV d : docs) {
    ASSERT_EQ(CheckWellFormed(d), "") << d.substr(0, 400);
    EXPECT_EQ(d.substr(0, 39), "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    EXPECT_NE(d.find("<!DOCTYPE us-patent-grant SYSTEM \"us-patent-grant-v45-2014-04-03.dtd\" [ ]>\n"
                     "<us-patent-grant lang=\"EN\" dtd-version=\"v4.5 2014-04-03\" file=\"US"),
              SV::npos);
    for (SV tag : {"publication-reference", "application-reference", "us-application-series-code",
                   "classifications-ipcr", "classifications-cpc", "main-cpc", "invention-title", "number-of-claims",
                   "us-parties", "us-applicants", "inventors", "examiners", "abstract", "description", "claims"}) {
      EXPECT_FALSE(Element(d, tag).empty()) << tag;
    }
    EXPECT_NE(d.find("<p id=\"p-0001\" num=\"0000\">"), SV::npos);
    EXPECT_NE(d.find("<p id=\"p-0002\" num=\"0001\">"), SV::npos);
    EXPECT_NE(d.find("<heading id=\"h-0001\" level=\"1\">"), SV::npos);
    const size_t ipcs = Elements(Element(d, "classifications-ipcr"), "classification-level").size();
    EXPECT_GE(ipcs, 1u);
    EXPECT_LE(ipcs, 6u);
  }
  EXPECT_NE(all.find("<priority-claims>"), SV::npos);
  EXPECT_NE(all.find("<nplcit num="), SV::npos);
  EXPECT_NE(all.find("<further-cpc>"), SV::npos);
  EXPECT_NE(all.find("<assignees>"), SV::npos);
  EXPECT_NE(all.find("<orgname>"), SV::npos);
  EXPECT_NE(all.find("<last-name>"), SV::npos);
  EXPECT_NE(all.find("<tables id="), SV::npos);
}

TEST(CorpusGenerator, NumbersAndDatesAreConsistent) {
  const CorpusGenerator g(Options(1500, 5));
  const std::string all = WriteAll(g, CorpusFormat::kUsptoXml);
  const std::vector<SV> docs = SplitDocuments(all);
  ASSERT_EQ(docs.size(), 1500u);
  long prev_number = 0;
  std::set<std::string> applications;
  for (SV d : docs) {
    const SV pub = Element(d, "publication-reference");
    const SV number = Element(pub, "doc-number");
    ASSERT_EQ(number.size(), 8u);
    EXPECT_TRUE(std::all_of(number.begin(), number.end(), [](char c) { return c >= '0' && c <= '9'; }));
    const long n = std::stol(std::string(number));
    EXPECT_GT(n, prev_number);
    prev_number = n;
    const SV kind = Element(pub, "kind");
    EXPECT_TRUE(kind == "B1" || kind == "B2") << kind;
    const int grant = DayOf(Element(pub, "date"));
    EXPECT_EQ((grant + 4) % 7, 2) << "grants are published on Tuesdays";
    const SV app = Element(d, "application-reference");
    const int filing = DayOf(Element(app, "date"));
    EXPECT_LT(filing, grant);
    EXPECT_TRUE(applications.insert(std::string(Element(app, "doc-number"))).second);
    EXPECT_EQ(Element(d, "us-application-series-code"), Element(app, "doc-number").substr(0, 2));
    if (const SV pc = Element(d, "priority-claims"); !pc.empty()) {
      EXPECT_LT(DayOf(Element(pc, "date")), filing);
    }
    if (const SV rel = Element(d, "related-publication"); !rel.empty()) {
      EXPECT_EQ(kind, "B2");
      const int pre = DayOf(Element(rel, "date"));
      EXPECT_GT(pre, filing);
      EXPECT_LT(pre, grant);
    }
    EXPECT_NE(d.find("file=\"US" + std::string(number) + "-" + std::string(Element(pub, "date")) + ".XML\""),
              SV::npos);
  }
}

TEST(CorpusGenerator, CitationsPointOnlyToEarlierDocumentsWithAPowerLaw) {
  const CorpusGenerator g(Options(2500, 9));
  const std::string all = WriteAll(g, CorpusFormat::kUsptoXml);
  const std::vector<SV> docs = SplitDocuments(all);
  std::map<std::string, int> grant_day_of;  // unpadded number -> grant day
  std::map<std::string, int> cited_count;
  size_t checked = 0;
  for (size_t i = 0; i < docs.size(); ++i) {
    const SV pub = Element(docs[i], "publication-reference");
    const std::string own = StripZeros(Element(pub, "doc-number"));
    const int day = DayOf(Element(pub, "date"));
    const SV refs = Element(docs[i], "us-references-cited");
    size_t count = 0;
    for (size_t p = refs.find("<patcit"); p != SV::npos; p = refs.find("<patcit", p + 1)) {
      const SV cited = Element(refs, "doc-number", p);
      ASSERT_TRUE(grant_day_of.count(std::string(cited))) << cited << " is not an earlier document of the corpus";
      EXPECT_LT(grant_day_of[std::string(cited)], day);
      EXPECT_LT(std::stol(std::string(cited)), std::stol(own));
      ++cited_count[std::string(cited)];
      ++count;
    }
    if (grant_day_of.size() >= 60) {
      EXPECT_GE(count, 5u);
      ++checked;
    }
    EXPECT_LE(count, 30u);
    grant_day_of[own] = day;
  }
  EXPECT_GT(checked, 2000u);
  std::vector<int> counts;
  for (const auto& [doc, n] : cited_count) counts.push_back(n);
  std::sort(counts.begin(), counts.end());
  const int median = counts[counts.size() / 2];
  EXPECT_GE(counts.back(), 10 * median) << "a few documents should be highly cited";
}

TEST(CorpusGenerator, ClaimsDependOnlyOnEarlierClaims) {
  const CorpusGenerator g(Options(400, 13));
  const std::string all = WriteAll(g, CorpusFormat::kUsptoXml);
  for (SV d : SplitDocuments(all)) {
    const SV claims = Element(d, "claims");
    int num = 0, independent = 0;
    for (size_t p = claims.find("<claim id=\"CLM-"); p != SV::npos; p = claims.find("<claim id=\"CLM-", p + 1)) {
      ++num;
      const int id = std::stoi(std::string(claims.substr(p + 15, 5)));
      ASSERT_EQ(id, num);
      const size_t end = claims.find("</claim>", p);
      const SV claim = claims.substr(p, end - p);
      EXPECT_NE(claim.find("<claim-text>" + std::to_string(num) + ". "), SV::npos);
      const size_t ref = claim.find("<claim-ref idref=\"CLM-");
      if (ref == SV::npos) {
        ++independent;
        continue;
      }
      const int target = std::stoi(std::string(claim.substr(ref + 22, 5)));
      EXPECT_GE(target, 1);
      EXPECT_LT(target, num);
      EXPECT_NE(claim.find(">claim " + std::to_string(target) + "</claim-ref>"), SV::npos);
    }
    EXPECT_GE(num, 5);
    EXPECT_LE(num, 30);
    EXPECT_EQ(std::to_string(num), Element(d, "number-of-claims"));
    EXPECT_GE(independent, 1);
    EXPECT_LE(independent, 3);
  }
}

TEST(CorpusGenerator, ApplicantsAreZipfDistributedWithSpellingVariants) {
  const CorpusGenerator g(Options(5000, 21));
  const std::vector<std::vector<std::string>> rows = ParseCsv(WriteAll(g, CorpusFormat::kCsv));
  ASSERT_EQ(rows.size(), 5001u);
  std::map<std::string, int> counts;
  for (size_t r = 1; r < rows.size(); ++r) {
    const std::string& applicants = rows[r][3];
    ++counts[applicants.substr(0, applicants.find("; "))];
  }
  std::vector<int> v;
  for (const auto& [name, n] : counts) v.push_back(n);
  std::sort(v.rbegin(), v.rend());
  const int top = v.front();
  const int median = v[v.size() / 2];
  EXPECT_GT(top, 75) << "top applicant share should be a few percent";
  EXPECT_GE(top, 20 * median);
  EXPECT_GT(counts.size(), 800u) << "a long tail of applicants";

  // Spelling variants: names equal once case and punctuation are ignored.
  std::map<std::string, std::set<std::string>> by_key;
  for (const auto& [name, n] : counts) {
    std::string key;
    for (char c : name) {
      if (std::isalnum(static_cast<unsigned char>(c))) key += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    by_key[key].insert(name);
  }
  const size_t variant_groups = static_cast<size_t>(
      std::count_if(by_key.begin(), by_key.end(), [](const auto& kv) { return kv.second.size() > 1; }));
  EXPECT_GE(variant_groups, 5u);
}

TEST(CorpusGenerator, FilingYearsGrow) {
  GeneratorOptions o = Options(5000, 17);
  o.first_year = 2005;
  o.last_year = 2024;
  const CorpusGenerator g(o);
  std::map<int, int> per_year;
  const std::string all = WriteAll(g, CorpusFormat::kUsptoXml);
  for (SV d : SplitDocuments(all)) {
    const int year = std::stoi(std::string(Element(Element(d, "application-reference"), "date").substr(0, 4)));
    ASSERT_GE(year, 2005);
    ASSERT_LE(year, 2024);
    ++per_year[year];
  }
  EXPECT_GT(per_year[2024], 3 * per_year[2005]);
  EXPECT_GT(per_year[2015] + per_year[2016], per_year[2005] + per_year[2006]);
}

TEST(CorpusGenerator, CsvHasTheChineseToolHeaderAndMostlyChineseRows) {
  const CorpusGenerator g(Options(1000, 23));
  EXPECT_EQ(g.CsvHeader(),
            "公开(公告)号,名称,摘要,申请(专利权)人,发明人,申请号,申请日,公开(公告)日,IPC主分类号,IPC分类号,主权项,"
            "法律状态,优先权\r\n");
  const std::vector<std::vector<std::string>> rows = ParseCsv(WriteAll(g, CorpusFormat::kCsv));
  ASSERT_EQ(rows.size(), 1001u);
  size_t chinese = 0, cn_docs = 0;
  const std::set<std::string> statuses = {"授权", "实质审查", "失效", "驳回", "撤回"};
  for (size_t r = 1; r < rows.size(); ++r) {
    const std::vector<std::string>& f = rows[r];
    ASSERT_EQ(f.size(), 13u);
    chinese += HasNonAscii(f[1]);
    const std::string& pn = f[0];
    if (pn.rfind("CN", 0) == 0) {
      ++cn_docs;
      EXPECT_TRUE(pn.back() == 'A' || pn.back() == 'B') << pn;
      EXPECT_TRUE(pn.size() == 10 || pn.size() == 12) << pn;  // 7 digits before mid-2007, then 9
      EXPECT_EQ(f[5].size(), 16u) << f[5];  // CN + 12 digits + '.' + check digit
      EXPECT_TRUE(HasNonAscii(f[3])) << "Chinese applicants carry their Chinese names: " << f[3];
    } else {
      EXPECT_EQ(pn.rfind("US", 0), 0u) << pn;
    }
    for (int c : {6, 7}) {
      ASSERT_EQ(f[c].size(), 10u);
      EXPECT_EQ(f[c][4], '-');
      EXPECT_EQ(f[c][7], '-');
    }
    EXPECT_LT(f[6], f[7]) << "application before publication";
    EXPECT_EQ(f[9].substr(0, f[8].size()), f[8]) << "the main IPC comes first";
    EXPECT_TRUE(statuses.count(f[11])) << f[11];
    EXPECT_EQ(f[10].rfind("1.", 0), 0u);
  }
  EXPECT_GT(chinese, 600u);
  EXPECT_LT(chinese, 950u) << "some English rows too";
  EXPECT_GT(cn_docs, 100u);
}

TEST(CorpusGenerator, CsvAndXmlDescribeTheSameDocument) {
  const CorpusGenerator g(Options(400, 29));
  const std::vector<std::vector<std::string>> rows = ParseCsv(WriteAll(g, CorpusFormat::kCsv));
  const std::string all = WriteAll(g, CorpusFormat::kUsptoXml);
  const std::vector<SV> docs = SplitDocuments(all);
  ASSERT_EQ(rows.size(), docs.size() + 1);
  size_t english = 0;
  for (size_t i = 0; i < docs.size(); ++i) {
    const std::vector<std::string>& f = rows[i + 1];
    const SV d = docs[i];
    const SV ipc = Element(d, "classification-ipcr");
    const std::string main_ipc = std::string(Element(ipc, "section")) + std::string(Element(ipc, "class")) +
                                 std::string(Element(ipc, "subclass")) + std::string(Element(ipc, "main-group")) +
                                 "/" + std::string(Element(ipc, "subgroup"));
    EXPECT_EQ(f[8], main_ipc);
    const std::string inventor = std::string(Element(d, "last-name"));
    if (f[0].rfind("US", 0) == 0) {
      const SV pub = Element(d, "publication-reference");
      EXPECT_EQ(f[0], "US" + StripZeros(Element(pub, "doc-number")) + std::string(Element(pub, "kind")));
      EXPECT_EQ(Compact(f[7]), Element(pub, "date"));
      const SV app = Element(d, "application-reference");
      EXPECT_EQ(f[5], "US" + std::string(Element(app, "doc-number")));
      EXPECT_EQ(Compact(f[6]), Element(app, "date"));
      EXPECT_NE(f[4].find(inventor), std::string::npos);
      if (!HasNonAscii(f[1])) {
        ++english;
        EXPECT_EQ(f[1], Element(d, "invention-title"));
        EXPECT_EQ(f[2], Element(Element(d, "abstract"), "p"));
      }
    } else {
      const SV pc = Element(d, "priority-claims");
      EXPECT_EQ(Element(pc, "country"), "CN");
      EXPECT_EQ(f[5], "CN" + std::string(Element(pc, "doc-number")));
      EXPECT_EQ(Compact(f[6]), Element(pc, "date"));
    }
  }
  EXPECT_GT(english, 20u);
}

TEST(CorpusGenerator, TextHasRealisticShape) {
  const CorpusGenerator g(Options(150, 31, true));
  const std::string all = WriteAll(g, CorpusFormat::kUsptoXml);
  const std::vector<SV> docs = SplitDocuments(all);
  for (SV d : docs) {
    const size_t title = Words(Element(d, "invention-title"));
    EXPECT_GE(title, 5u);
    EXPECT_LE(title, 15u);
    const size_t abstract = Words(Element(Element(d, "abstract"), "p"));
    EXPECT_GE(abstract, 80u);
    EXPECT_LE(abstract, 200u);
    const size_t inventors = Elements(Element(d, "inventors"), "last-name").size();
    EXPECT_GE(inventors, 1u);
    EXPECT_LE(inventors, 8u);
  }
  EXPECT_EQ(all.find("lorem"), std::string::npos);
  EXPECT_EQ(all.find('$'), std::string::npos) << "no unexpanded template tokens";
  const double average = static_cast<double>(all.size()) / static_cast<double>(docs.size());
  EXPECT_GT(average, 20000);
  EXPECT_LT(average, 40000);

  const std::string brief = WriteAll(CorpusGenerator(Options(150, 31, false)), CorpusFormat::kUsptoXml);
  size_t full_description = 0, brief_description = 0;
  for (SV d : docs) full_description += Element(d, "description").size();
  for (SV d : SplitDocuments(brief)) brief_description += Element(d, "description").size();
  EXPECT_GT(full_description, 2 * brief_description);
}

uint64_t Fnv1a(SV s) {
  uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return h;
}

// The same bytes on every machine and compiler. When the generator is changed
// on purpose, print the new fingerprints and update them here.
TEST(CorpusGenerator, OutputFingerprintIsStable) {
  const CorpusGenerator g(Options(40, 1, true));
  const std::string xml = WriteAll(g, CorpusFormat::kUsptoXml);
  const std::string csv = WriteAll(g, CorpusFormat::kCsv);
  EXPECT_EQ(Fnv1a(xml), 0x810bfaa0e8ebe9b0ULL) << std::hex << Fnv1a(xml) << std::dec << " " << xml.size();
  EXPECT_EQ(Fnv1a(csv), 0x0830001c4d7024bdULL) << std::hex << Fnv1a(csv) << std::dec << " " << csv.size();
}

TEST(CorpusGenerator, InvalidOptionsAreRejected) {
  GeneratorOptions o = Options(10);
  o.first_year = 2020;
  o.last_year = 2010;
  EXPECT_EQ(CorpusGenerator::Validate(o).code(), StatusCode::kInvalidArgument);
  const CorpusGenerator g(o);
  std::ostringstream out;
  EXPECT_EQ(g.Write(CorpusFormat::kCsv, out).code(), StatusCode::kInvalidArgument);
  EXPECT_TRUE(CorpusGenerator::Validate(Options(10)).ok());
  EXPECT_TRUE(WriteAll(CorpusGenerator(Options(0)), CorpusFormat::kUsptoXml).empty());
}

}  // namespace
}  // namespace patnav
