// Tests of the query builder against a small in-memory index written by the
// indexer's own BuildDocument: which publications each query finds — Chinese
// queries against Chinese text, English stemming, every field, operators,
// dates, codes — that filters add no weight, and that the limits refuse a
// query too large or a wildcard too wide, fast.
#include "index/query_builder.h"

#include <chrono>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <xapian.h>

#include "index/document_builder.h"
#include "index/index_schema.h"
#include "model/party.h"
#include "model/patent_record.h"

namespace patnav::index {
namespace {

using Set = std::set<std::string>;

struct Spec {
  std::string country, number, kind, pd, fd;
  std::string title, abstract, claim;
  std::vector<std::string> applicants, inventors, ipc, cpc;
  std::string description;
  std::string lang = "en";
};

PatentRecord Record(const Spec& s) {
  PatentRecord r;
  r.country = s.country;
  r.doc_number = s.number;
  r.kind = s.kind;
  r.publication_date = s.pd;
  r.filing_date = s.fd;
  r.language = s.lang;
  r.title[s.lang] = s.title;
  r.abstract_text[s.lang] = s.abstract;
  if (!s.claim.empty()) r.claims.push_back({1, s.claim, true, {}});
  for (const auto& a : s.applicants) r.applicants.push_back(MakeOrganisation(a));
  for (const auto& name : s.inventors)  // "Last First"
    r.inventors.push_back(MakePerson(name.substr(0, name.find(' ')), name.substr(name.find(' ') + 1)));
  r.ipc = s.ipc;
  r.cpc = s.cpc;
  r.description = s.description;
  FinishRecord(r);  // publication number; priority date = filing date
  return r;
}

// Publication numbers of the corpus.
constexpr const char* kCnCathode = "CN105000001A";     // 锂电池正极材料, 2016-05-10
constexpr const char* kCnLiIon = "CN107000002A";       // 锂离子电池, 2018-07-20
constexpr const char* kCnBms = "CN210000003U";         // 电池管理系统, 2020-01-15
constexpr const char* kCnSolid = "CN112000004A";       // 固态电解质 ... 全固态锂电池, 2021-03-02
constexpr const char* kUsCathode = "US8926509B2";      // lithium ion battery cathode, 2015-01-06
constexpr const char* kUsBms = "US20190000006A1";      // battery management, 2019-06-15
constexpr const char* kEpSolid = "EP3000007B1";        // solid electrolyte, English + Chinese, 2020-11-11

class QueryBuilderTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    db_ = new Xapian::WritableDatabase(std::string(), Xapian::DB_BACKEND_INMEMORY);
    const std::vector<Spec> specs = {
        {"CN", "105000001", "A", "2016-05-10", "2014-05-10", "锂电池正极材料及其制备方法",
         "本发明公开了一种锂电池正极材料，包括磷酸铁锂和导电剂。", "一种锂电池正极材料，其特征在于包括磷酸铁锂。",
         {"宁德时代新能源科技股份有限公司"}, {"张 伟"}, {"H01M 4/58", "H01M 10/0525"}, {}, "", "zh"},
        {"CN", "107000002", "A", "2018-07-20", "2016-07-20", "锂离子电池", "一种锂离子电池，包括正极、负极和隔膜。",
         "", {"比亚迪股份有限公司"}, {}, {"H01M 10/0525"}, {}, "", "zh"},
        {"CN", "210000003", "U", "2020-01-15", "2019-08-01", "电池管理系统", "电池管理系统监测电池的电压和温度。", "",
         {"比亚迪股份有限公司"}, {}, {"H02J 7/00"}, {}, "", "zh"},
        {"CN", "112000004", "A", "2021-03-02", "2019-03-02", "固态电解质", "一种硫化物固态电解质，用于全固态锂电池。", "",
         {"清华大学"}, {}, {"H01M 10/0562"}, {}, "", "zh"},
        {"US", "8926509", "B2", "2015-01-06", "2013-01-06", "Lithium ion battery cathode",
         "A cathode for a lithium-ion battery comprises a layered oxide. The batteries have a high energy density.",
         "A battery comprising a cathode and an anode.", {"Samsung Electronics Co., Ltd."}, {"Kim Minsu"},
         {"H01M 4/131"}, {"H01M 4/131"}, "", "en"},
        {"US", "20190000006", "A1", "2019-06-15", "2017-06-15", "Battery management for electric vehicles",
         "A controller balances the cells of a battery pack in an electric vehicle; the lithium cells are monitored "
         "by a sensor.",
         "", {"Tesla, Inc."}, {"Doe Jane"}, {"B60L 58/12"}, {}, "", "en"},
        {"EP", "3000007", "B1", "2020-11-11", "2018-11-11", "Solid electrolyte for batteries",
         "A sulfide solid electrolyte for an all-solid-state battery. 一种硫化物固态电解质。", "",
         {"Toyota Jidosha Kabushiki Kaisha"}, {}, {"H01M 10/0562"}, {},
         "The description mentions graphene once.", "en"},
    };
    for (const Spec& s : specs) {
      PatentRecord r = Record(s);
      Xapian::docid id = db_->add_document(BuildDocument(r, 0));
      (*pn_)[id] = r.publication_number;
    }
    db_->commit();
  }
  static void TearDownTestSuite() {
    delete db_;
    db_ = nullptr;
  }

  // The publications `q` finds, built with the database (wildcards checked).
  static Set Find(std::string_view q) {
    Result<Xapian::Query> query = ParseAndBuild(q, QueryLimits{}, *db_);
    EXPECT_TRUE(query.ok()) << q << ": " << query.status().ToString();
    if (!query.ok()) return {"<error>"};
    return Run(*query);
  }
  static Set Run(const Xapian::Query& query) {
    Xapian::Enquire enquire(*db_);
    enquire.set_query(query);
    Xapian::MSet mset = enquire.get_mset(0, 100);
    Set out;
    for (auto it = mset.begin(); it != mset.end(); ++it) out.insert((*pn_)[*it]);
    return out;
  }
  // Publication -> weight for `q`.
  static std::map<std::string, double> Weights(std::string_view q) {
    Result<Xapian::Query> query = ParseAndBuild(q, QueryLimits{});
    EXPECT_TRUE(query.ok()) << query.status().ToString();
    Xapian::Enquire enquire(*db_);
    enquire.set_query(*query);
    Xapian::MSet mset = enquire.get_mset(0, 100);
    std::map<std::string, double> out;
    for (auto it = mset.begin(); it != mset.end(); ++it) out[(*pn_)[*it]] = it.get_weight();
    return out;
  }
  // The error message of `q`, which must fail.
  static std::string Error(std::string_view q, const QueryLimits& limits = {}) {
    Result<Xapian::Query> query = ParseAndBuild(q, limits, *db_);
    EXPECT_FALSE(query.ok()) << q;
    if (query.ok()) return "";
    EXPECT_EQ(query.status().code(), StatusCode::kInvalidArgument);
    return query.status().message();
  }

  static Xapian::WritableDatabase* db_;
  static std::map<Xapian::docid, std::string>* pn_;
};

Xapian::WritableDatabase* QueryBuilderTest::db_ = nullptr;
std::map<Xapian::docid, std::string>* QueryBuilderTest::pn_ = new std::map<Xapian::docid, std::string>;

TEST_F(QueryBuilderTest, ChineseWords) {
  // One word: its characters in order, as a word of a longer run too.
  EXPECT_EQ(Find("锂电池"), (Set{kCnCathode, kCnSolid}));
  // Two words: both, anywhere (锂离子电池 has 锂 and 电池).
  EXPECT_EQ(Find("锂 电池"), (Set{kCnCathode, kCnLiIon, kCnSolid}));
  EXPECT_EQ(Find("锂离子电池"), (Set{kCnLiIon}));
  EXPECT_EQ(Find("电池管理"), (Set{kCnBms}));
  EXPECT_EQ(Find("固态电解质"), (Set{kCnSolid, kEpSolid}));
  EXPECT_EQ(Find("电锂"), Set{});  // order matters inside a word
  EXPECT_EQ(Find("锂"), (Set{kCnCathode, kCnLiIon, kCnSolid}));
  EXPECT_EQ(Find("正极 材料"), (Set{kCnCathode}));
  // Full-width brackets and an OR of Chinese words.
  EXPECT_EQ(Find("（锂离子电池 OR 电池管理系统）"), (Set{kCnLiIon, kCnBms}));
}

TEST_F(QueryBuilderTest, ChinesePhraseAndScoping) {
  EXPECT_EQ(Find("\"锂电池 正极\""), (Set{kCnCathode}));
  EXPECT_EQ(Find("\"正极 锂电池\""), Set{});
  EXPECT_EQ(Find("TI=锂电池"), (Set{kCnCathode}));
  EXPECT_EQ(Find("AB=锂电池"), (Set{kCnCathode, kCnSolid}));
  EXPECT_EQ(Find("CL=磷酸铁锂"), (Set{kCnCathode}));
  EXPECT_EQ(Find("TI=(锂电池 OR 固态电解质)"), (Set{kCnCathode, kCnSolid}));
}

TEST_F(QueryBuilderTest, MixedLanguage) {
  EXPECT_EQ(Find("固态电解质 AND sulfide"), (Set{kEpSolid}));
  EXPECT_EQ(Find("固态电解质 sulfide"), (Set{kEpSolid}));
  EXPECT_EQ(Find("TI=electrolyte AND AB=硫化物"), (Set{kEpSolid}));
}

TEST_F(QueryBuilderTest, EnglishStemming) {
  const Set batteries{kUsCathode, kUsBms, kEpSolid};
  EXPECT_EQ(Find("battery"), batteries);
  EXPECT_EQ(Find("batteries"), batteries);
  EXPECT_EQ(Find("BATTERY"), batteries);
  EXPECT_EQ(Find("TI=batteries"), batteries);
  EXPECT_EQ(Find("monitor"), (Set{kUsBms}));  // "monitored"
  EXPECT_EQ(Find("lithium-ion"), (Set{kUsCathode}));  // a phrase of its tokens
}

TEST_F(QueryBuilderTest, TextFields) {
  EXPECT_EQ(Find("TI=cathode"), (Set{kUsCathode}));
  EXPECT_EQ(Find("TI=anode"), Set{});
  EXPECT_EQ(Find("CL=anode"), (Set{kUsCathode}));
  EXPECT_EQ(Find("AB=anode"), Set{});
  EXPECT_EQ(Find("AB=layered"), (Set{kUsCathode}));
  EXPECT_EQ(Find("TA=layered"), (Set{kUsCathode}));
  EXPECT_EQ(Find("TA=anode"), Set{});
  EXPECT_EQ(Find("TAC=anode"), (Set{kUsCathode}));
  EXPECT_EQ(Find("anode"), (Set{kUsCathode}));
  EXPECT_EQ(Find("graphene"), Set{});  // the description is not TAC
  EXPECT_EQ(Find("FT=graphene"), (Set{kEpSolid}));
  EXPECT_EQ(Find("FT=anode"), (Set{kUsCathode}));
  EXPECT_EQ(Find("TI=(battery AND electric)"), (Set{kUsBms}));
  EXPECT_EQ(Find("TI=battery electric"), (Set{kUsBms}));  // electric in TAC
  EXPECT_EQ(Find("TI=battery AB=electric"), (Set{kUsBms}));
}

TEST_F(QueryBuilderTest, Parties) {
  EXPECT_EQ(Find("PA=samsung"), (Set{kUsCathode}));
  EXPECT_EQ(Find("PA=\"Samsung Electronics\""), (Set{kUsCathode}));
  EXPECT_EQ(Find("PA=\"Samsung Electronics Corporation\""), (Set{kUsCathode}));  // by the normalized key
  EXPECT_EQ(Find("PA=\"Samsung Electronics Corporation\" NOT PA=samsung"), Set{});
  EXPECT_EQ(Find("AN=toyota"), (Set{kEpSolid}));
  EXPECT_EQ(Find("PA=比亚迪"), (Set{kCnLiIon, kCnBms}));
  EXPECT_EQ(Find("PA=比亚迪股份有限公司"), (Set{kCnLiIon, kCnBms}));
  EXPECT_EQ(Find("PA=宁德时代 AND 锂电池"), (Set{kCnCathode}));
  EXPECT_EQ(Find("PA=battery"), Set{});
  EXPECT_EQ(Find("IN=kim"), (Set{kUsCathode}));
  EXPECT_EQ(Find("IN=(jane OR 张)"), (Set{kUsBms, kCnCathode}));
  EXPECT_EQ(Find("IN=samsung"), Set{});
}

TEST_F(QueryBuilderTest, Classification) {
  const Set h01m{kCnCathode, kCnLiIon, kCnSolid, kUsCathode, kEpSolid};
  EXPECT_EQ(Find("IPC=H01M"), h01m);
  EXPECT_EQ(Find("ipc=h01m"), h01m);
  EXPECT_EQ(Find("IPC=H01M 10/0525"), (Set{kCnCathode, kCnLiIon}));
  EXPECT_EQ(Find("IPC=H01M10/0525"), (Set{kCnCathode, kCnLiIon}));
  EXPECT_EQ(Find("IPC=\"H01M 010/0525\""), (Set{kCnCathode, kCnLiIon}));
  EXPECT_EQ(Find("IPC=H01M10"), (Set{kCnCathode, kCnLiIon, kCnSolid, kEpSolid}));
  EXPECT_EQ(Find("IPC=H01M 4/58"), (Set{kCnCathode}));
  EXPECT_EQ(Find("IPC=H01"), h01m);
  EXPECT_EQ(Find("IPC=H"), (Set{kCnCathode, kCnLiIon, kCnBms, kCnSolid, kUsCathode, kEpSolid}));
  EXPECT_EQ(Find("IPC=H02J"), (Set{kCnBms}));
  EXPECT_EQ(Find("IPC=(H02J OR B60L)"), (Set{kCnBms, kUsBms}));
  EXPECT_EQ(Find("IPC=H01M 10/05*"), (Set{kCnCathode, kCnLiIon, kCnSolid, kEpSolid}));
  EXPECT_EQ(Find("CPC=H01M"), (Set{kUsCathode}));
  EXPECT_EQ(Error("IPC=lithium"),
            "invalid IPC value 'lithium' at column 5: expected a level such as H, H01, H01M, H01M10 or H01M 10/0525");
  EXPECT_EQ(Error("IPC=H0"), "invalid IPC value 'H0' at column 5: expected a level such as H, H01, H01M, H01M10 or "
                             "H01M 10/0525");
}

TEST_F(QueryBuilderTest, CountryAndKind) {
  EXPECT_EQ(Find("CC=CN"), (Set{kCnCathode, kCnLiIon, kCnBms, kCnSolid}));
  EXPECT_EQ(Find("cc=us"), (Set{kUsCathode, kUsBms}));
  EXPECT_EQ(Find("CC=(US OR EP)"), (Set{kUsCathode, kUsBms, kEpSolid}));
  EXPECT_EQ(Find("KD=B2"), (Set{kUsCathode}));
  EXPECT_EQ(Find("KD=U"), (Set{kCnBms}));
  EXPECT_EQ(Find("battery AND CC=US"), (Set{kUsCathode, kUsBms}));
  EXPECT_EQ(Error("CC=China"), "invalid CC value 'China' at column 4: expected a country code such as CN, US or EP");
  EXPECT_EQ(Error("KD=\"B 2\""), "invalid KD value 'B 2' at column 4: expected a kind code such as A1 or B2");
}

TEST_F(QueryBuilderTest, Dates) {
  EXPECT_EQ(Find("PD=2015"), (Set{kUsCathode}));
  EXPECT_EQ(Find("PD=2019-06"), (Set{kUsBms}));
  EXPECT_EQ(Find("PD=20190615"), (Set{kUsBms}));
  EXPECT_EQ(Find("PD=2019-06-14"), Set{});
  EXPECT_EQ(Find("PD=[2016 TO 2019]"), (Set{kCnCathode, kCnLiIon, kUsBms}));
  EXPECT_EQ(Find("PD=[2016-05-11 TO 2019-06-15]"), (Set{kCnLiIon, kUsBms}));
  EXPECT_EQ(Find("PD>=2020"), (Set{kCnBms, kCnSolid, kEpSolid}));
  EXPECT_EQ(Find("PD>2020-01-15"), (Set{kCnSolid, kEpSolid}));
  EXPECT_EQ(Find("PD<2016"), (Set{kUsCathode}));
  EXPECT_EQ(Find("PD<=2016-05-10"), (Set{kUsCathode, kCnCathode}));
  EXPECT_EQ(Find("PD=[* TO 2015]"), (Set{kUsCathode}));
  EXPECT_EQ(Find("AD=2013"), (Set{kUsCathode}));
  EXPECT_EQ(Find("AD>=2019"), (Set{kCnBms, kCnSolid}));
  EXPECT_EQ(Find("PRD=2013-01-06"), (Set{kUsCathode}));
  EXPECT_EQ(Find("PRD<2015"), (Set{kCnCathode, kUsCathode}));
  EXPECT_EQ(Find("锂 AND PD>=2018"), (Set{kCnLiIon, kCnSolid}));
}

TEST_F(QueryBuilderTest, BooleanOperators) {
  EXPECT_EQ(Find("锂电池 NOT 固态"), (Set{kCnCathode}));
  EXPECT_EQ(Find("锂电池 AND NOT 固态"), (Set{kCnCathode}));
  EXPECT_EQ(Find("battery NOT CC=US"), (Set{kEpSolid}));
  EXPECT_EQ(Find("NOT CC=CN"), (Set{kUsCathode, kUsBms, kEpSolid}));
  EXPECT_EQ(Find("NOT NOT CC=EP"), (Set{kEpSolid}));
  EXPECT_EQ(Find("cathode OR 隔膜"), (Set{kUsCathode, kCnLiIon}));
  EXPECT_EQ(Find("cathode OR sensor AND electric"), (Set{kUsCathode, kUsBms}));
  EXPECT_EQ(Find("(cathode OR sensor) AND electric"), (Set{kUsBms}));
  EXPECT_EQ(Find("(TI=battery OR TI=锂电池) AND PD>=2016"), (Set{kUsBms, kEpSolid, kCnCathode}));
  EXPECT_EQ(Find("battery OR NOT IPC=H01M"), (Set{kUsCathode, kUsBms, kEpSolid, kCnBms}));
}

TEST_F(QueryBuilderTest, PhrasesVersusWords) {
  EXPECT_EQ(Find("\"battery cathode\""), (Set{kUsCathode}));
  EXPECT_EQ(Find("\"lithium battery\""), Set{});
  EXPECT_EQ(Find("lithium battery"), (Set{kUsCathode, kUsBms}));
  EXPECT_EQ(Find("\"battery lithium\""), Set{});
  EXPECT_EQ(Find("\"electric vehicle\""), (Set{kUsBms}));
  EXPECT_EQ(Find("\"electric vehicles\""), (Set{kUsBms}));  // title; the abstract says "vehicle"
  EXPECT_EQ(Find("AB=\"electric vehicles\""), Set{});      // phrases are not stemmed
  EXPECT_EQ(Find("\"lithium ion battery\""), (Set{kUsCathode}));
  EXPECT_EQ(Find("\"锂电池 and 正极\""), Set{});  // "and" is a word inside a phrase
}

TEST_F(QueryBuilderTest, Near) {
  // "lithium-ion battery": lithium and battery two positions apart.
  EXPECT_EQ(Find("lithium NEAR/1 battery"), Set{});
  EXPECT_EQ(Find("lithium NEAR/2 battery"), (Set{kUsCathode}));
  EXPECT_EQ(Find("battery NEAR/2 lithium"), (Set{kUsCathode}));  // either order
  // "battery pack in an electric vehicle; the lithium": seven apart.
  EXPECT_EQ(Find("lithium NEAR/6 battery"), (Set{kUsCathode}));
  EXPECT_EQ(Find("lithium NEAR/7 battery"), (Set{kUsCathode, kUsBms}));
  EXPECT_EQ(Find("lithium NEAR/10 battery"), (Set{kUsCathode, kUsBms}));
  // OR-groups and chains.
  EXPECT_EQ(Find("(battery OR cells) NEAR/1 lithium"), (Set{kUsBms}));
  EXPECT_EQ(Find("(battery OR cells) NEAR/2 lithium"), (Set{kUsCathode, kUsBms}));
  EXPECT_EQ(Find("cathode NEAR/3 lithium NEAR/2 battery"), (Set{kUsCathode}));
  EXPECT_EQ(Find("\"lithium ion\" NEAR/1 battery"), (Set{kUsCathode}));
  // Chinese: 锂电池 ends three characters before 材料 starts.
  EXPECT_EQ(Find("锂电池 NEAR/3 材料"), (Set{kCnCathode}));
  EXPECT_EQ(Find("锂电池 NEAR/2 材料"), Set{});
  EXPECT_EQ(Find("材料 NEAR/3 锂电池"), (Set{kCnCathode}));
  EXPECT_EQ(Find("(锂电池 OR 隔膜) NEAR/2 (正极 OR 负极)"), (Set{kCnCathode, kCnLiIon}));
  // Fields scope NEAR too.
  EXPECT_EQ(Find("TI=(lithium NEAR/2 battery)"), (Set{kUsCathode}));
  EXPECT_EQ(Find("AB=(lithium NEAR/7 battery)"), (Set{kUsCathode, kUsBms}));
  EXPECT_EQ(Find("TI=(lithium NEAR/7 battery) NOT CC=EP"), (Set{kUsCathode}));
  // Wildcards inside NEAR expand against the index.
  EXPECT_EQ(Find("lith* NEAR/2 batter*"), (Set{kUsCathode}));
}

TEST_F(QueryBuilderTest, NearOperandErrors) {
  const std::string kind = " must be a word, a phrase or an OR of them";
  EXPECT_EQ(Error("(a AND b) NEAR/2 c"), "NEAR/2 at column 11: the operand at column 2" + kind);
  EXPECT_EQ(Error("a NEAR/2 CC=US"), "NEAR/2 at column 3: the operand at column 13" + kind);
  EXPECT_EQ(Error("a NEAR/2 PD=2015"), "NEAR/2 at column 3: the operand at column 13" + kind);
  EXPECT_EQ(Error("a NEAR/2 (b NEAR/1 c)"), "NEAR/2 at column 3: the operand at column 13" + kind);
  EXPECT_EQ(Error("a NEAR/2 \"--\""), "NEAR/2 at column 3: the operand at column 10 has no searchable words");
  Result<Xapian::Query> no_db = ParseAndBuild("lith* NEAR/2 battery", QueryLimits{});
  ASSERT_FALSE(no_db.ok());
  EXPECT_EQ(no_db.status().message(),
            "NEAR/2 at column 7: the operand at column 1 is a wildcard, "
            "which NEAR can only take when searching an index");
}

TEST_F(QueryBuilderTest, Wildcards) {
  const Set batteries{kUsCathode, kUsBms, kEpSolid};
  EXPECT_EQ(Find("batter*"), batteries);
  EXPECT_EQ(Find("Batt*"), batteries);
  EXPECT_EQ(Find("TI=cath*"), (Set{kUsCathode}));
  EXPECT_EQ(Find("AB=cath*"), (Set{kUsCathode}));
  EXPECT_EQ(Find("CL=cath*"), (Set{kUsCathode}));
  EXPECT_EQ(Find("TI=layer*"), Set{});
  EXPECT_EQ(Find("FT=graph*"), (Set{kEpSolid}));
  EXPECT_EQ(Find("zzz*"), Set{});
  EXPECT_EQ(Find("KD=B*"), (Set{kUsCathode, kEpSolid}));
  // A CJK word* is the word (its n-grams match inside longer words already).
  EXPECT_EQ(Find("锂电*"), (Set{kCnCathode, kCnSolid}));
  // Without the database the same query runs too.
  Result<Xapian::Query> q = ParseAndBuild("batter*", QueryLimits{});
  ASSERT_TRUE(q.ok());
  EXPECT_EQ(Run(*q), batteries);
  EXPECT_EQ(Error("lithium-io*"), "wildcard 'lithium-io*' at column 1 must be a single word of letters and digits");
}

TEST_F(QueryBuilderTest, FiltersAddNoWeight) {
  std::map<std::string, double> plain = Weights("battery");
  std::map<std::string, double> filtered = Weights("battery AND CC=US AND PD>=2010 AND IPC=H01M AND KD=B2");
  ASSERT_EQ(filtered.size(), 1u);
  EXPECT_DOUBLE_EQ(filtered[kUsCathode], plain[kUsCathode]);
  EXPECT_GT(plain[kUsCathode], 0);
  for (const auto& [pn, weight] : Weights("CC=CN OR IPC=H01M")) EXPECT_EQ(weight, 0) << pn;
  // Title words are weighted; a title match ranks above an abstract-only one.
  std::map<std::string, double> ta = Weights("TA=lithium");
  EXPECT_GT(ta[kUsCathode], ta[kUsBms]);
}

TEST_F(QueryBuilderTest, NoSearchableWords) {
  EXPECT_EQ(Error("-"), "query has no searchable words");
  EXPECT_EQ(Error("\"!!\" OR --"), "query has no searchable words");
  EXPECT_EQ(Find("battery -"), (Set{kUsCathode, kUsBms, kEpSolid}));
  EXPECT_EQ(Find("battery NOT --"), (Set{kUsCathode, kUsBms, kEpSolid}));
}

// Runs `fn` and checks that it took well under a second.
template <typename Fn>
void ExpectFast(Fn fn) {
  auto start = std::chrono::steady_clock::now();
  fn();
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(500));
}

TEST_F(QueryBuilderTest, TooManyTermsAfterAnalysisRefusedFast) {
  // One word, but 3,000 characters: 2,999 positional terms (a bigram phrase)
  // in each of title, abstract and claims.
  std::string long_word;
  for (int i = 0; i < 1500; ++i) long_word += "锂电";
  ExpectFast([&] { EXPECT_EQ(Error(long_word), "query too large: " + std::to_string(2999 * 3) + " terms (limit 1000)"); });
  // NEAR over two OR-groups of 30 Chinese words: 900 pairs of phrases.
  std::string left, right;
  for (int i = 0; i < 30; ++i) {
    left += (i ? " OR " : "") + std::string("锂电池") + std::to_string(i);
    right += (i ? " OR " : "") + std::string("正极材料") + std::to_string(i);
  }
  ExpectFast([&] {
    std::string message = Error("(" + left + ") NEAR/5 (" + right + ")");
    EXPECT_EQ(message.substr(0, 17), "query too large: ") << message;
  });
  // 2,000 words under a limit raised for the parser but not the builder.
  QueryLimits limits;
  limits.max_terms = 100;
  std::string words;
  for (int i = 0; i < 60; ++i) words += "TA=w" + std::to_string(i) + " ";  // 60 words, 120 terms
  EXPECT_EQ(Error(words, limits), "query too large: 120 terms (limit 100)");
}

TEST(QueryBuilderWildcardTest, ExplosionRefusedFast) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  for (int d = 0; d < 3; ++d) {
    Xapian::Document doc;
    for (int i = 0; i < 1500; ++i) doc.add_posting(std::string(kTitle) + "xw" + std::to_string(d * 1500 + i), i + 1);
    db.add_document(doc);
  }
  ExpectFast([&] {
    Result<Xapian::Query> q = ParseAndBuild("lithium OR xw*", QueryLimits{}, db);
    ASSERT_FALSE(q.ok());
    EXPECT_EQ(q.status().message(), "wildcard 'xw*' at column 12 matches more than 1000 terms: make it longer");
  });
  Result<Xapian::Query> narrow = ParseAndBuild("xw100*", QueryLimits{}, db);  // xw100, xw1000..xw1009, ...
  ASSERT_TRUE(narrow.ok()) << narrow.status().ToString();
  // Without the database the limit holds at search time, as Xapian::WildcardError.
  Result<Xapian::Query> lazy = ParseAndBuild("xw*", QueryLimits{});
  ASSERT_TRUE(lazy.ok());
  Xapian::Enquire enquire(db);
  enquire.set_query(*lazy);
  ExpectFast([&] { EXPECT_THROW(enquire.get_mset(0, 10), Xapian::WildcardError); });
}

}  // namespace
}  // namespace patnav::index
