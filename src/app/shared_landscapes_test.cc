// The alliance's shared landscapes through the application layer: what is
// shared is frozen (a later ingest changes the live landscape, not the
// shared one), the HTML and XLSX are rendered from the frozen JSON, and the
// roles of authorize.h decide who reads and who removes.
#include "app/shared_landscapes.h"

#include <gtest/gtest.h>

#include "app/alliances.h"
#include "app/ingest.h"
#include "app/patent_corpus_testing.h"
#include "testing.h"

namespace patnav::app {
namespace {

Caller As(const std::string& username, domain::Role role, const std::string& alliance, const std::string& member = "",
          const std::string& licensee = "") {
  Caller c;
  c.user_id = 1;
  c.username = username;
  domain::Grant g;
  g.role = role;
  g.alliance = alliance;
  g.member = member;
  g.licensee = licensee;
  c.grants.push_back(g);
  return c;
}

TEST(SharedLandscapes, FrozenWhenSharedAndReadByTheAlliancesRolesOnly) {
  patnav::testing::ScratchDir dir;
  const std::filesystem::path first = dir.path() / "first.xml", later = dir.path() / "later.xml";
  testing::WriteCorpus(first, 60, 0, 40);
  testing::WriteCorpus(later, 60, 40, 20);
  const std::filesystem::path data = dir.path() / "db";
  {
    Workspace ws({.dir = data});
    ASSERT_TRUE(Ingest(Caller::Local(), ws, {.paths = {first.string()}}).ok());
    for (const char* name : {"Alpha", "Beta"})
      ASSERT_TRUE(CreateAlliance(Caller::Local(), ws, {name, "北京市", "social_organization", ""}).ok());
  }
  const Caller analyst = As("ana", domain::Role::kAnalyst, "Alpha");
  const Caller member = As("mem", domain::Role::kMember, "Alpha", "Acme");
  const Caller licensee = As("lic", domain::Role::kLicensee, "Alpha", "", "BYD");
  const Caller beta_member = As("memB", domain::Role::kMember, "Beta", "BetaCo");
  const Caller other_analyst = As("ana2", domain::Role::kAnalyst, "Alpha");

  int64_t id = 0;
  nlohmann::ordered_json trend_when_shared;
  {
    Workspace ws({.dir = data});
    Result<ShareLandscapeResult> shared =
        ShareLandscape(analyst, ws, {.alliance = "Alpha", .title = "趋势", .query = "*", .only = {"trend"}});
    ASSERT_TRUE(shared.ok()) << shared.status().ToString();
    id = shared->shared.id;
    EXPECT_EQ(shared->shared.patents, 40);
    EXPECT_EQ(shared->shared.store_patents, 40);
    EXPECT_EQ(shared->shared.shared_by, "ana");
    EXPECT_EQ(shared->shared.analyses, std::vector<std::string>{"trend"});
    Result<LandscapeReportResult> live = RunLandscapeReport(analyst, ws, {.only = {"trend"}});
    ASSERT_TRUE(live.ok());
    trend_when_shared = live->landscape["trend"];
  }
  {
    Workspace ws({.dir = data});
    ASSERT_TRUE(Ingest(Caller::Local(), ws, {.paths = {later.string()}}).ok());
  }
  Workspace ws({.dir = data});
  Result<LandscapeReportResult> now = RunLandscapeReport(analyst, ws, {.only = {"trend"}});
  ASSERT_TRUE(now.ok());
  EXPECT_EQ(now->patents, 60u);
  ASSERT_NE(now->landscape["trend"], trend_when_shared);

  Result<OpenSharedLandscapeResult> open = OpenSharedLandscape(member, ws, {.alliance = "Alpha", .id = id});
  ASSERT_TRUE(open.ok()) << open.status().ToString();
  EXPECT_EQ(open->landscape["trend"], trend_when_shared);
  EXPECT_EQ(open->landscape["meta"]["patents"], 40);
  EXPECT_EQ(open->presentation["sections"].size(), 1u);
  Result<OpenSharedLandscapeResult> html =
      OpenSharedLandscape(member, ws, {.alliance = "Alpha", .id = id, .format = LandscapeFormat::kHtml, .language = "en"});
  ASSERT_TRUE(html.ok());
  EXPECT_NE(html->bytes.find("Filing trend"), std::string::npos);
  Result<OpenSharedLandscapeResult> xlsx =
      OpenSharedLandscape(member, ws, {.alliance = "Alpha", .id = id, .format = LandscapeFormat::kXlsx});
  ASSERT_TRUE(xlsx.ok());
  EXPECT_EQ(xlsx->bytes.substr(0, 2), "PK");

  EXPECT_EQ(ListSharedLandscapes(licensee, ws, "Alpha").status().code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(OpenSharedLandscape(beta_member, ws, {.alliance = "Alpha", .id = id}).status().code(),
            StatusCode::kNotFound);
  Result<std::vector<domain::SharedLandscape>> beta = ListSharedLandscapes(beta_member, ws, "Beta");
  ASSERT_TRUE(beta.ok());
  EXPECT_TRUE(beta->empty());
  EXPECT_EQ(OpenSharedLandscape(beta_member, ws, {.alliance = "Beta", .id = id}).status().code(),
            StatusCode::kNotFound);

  EXPECT_EQ(DeleteSharedLandscape(member, ws, "Alpha", id).code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(DeleteSharedLandscape(other_analyst, ws, "Alpha", id).code(), StatusCode::kPermissionDenied);
  EXPECT_TRUE(DeleteSharedLandscape(analyst, ws, "Alpha", id).ok());
  EXPECT_EQ(ListSharedLandscapes(member, ws, "Alpha")->size(), 0u);
}

TEST(SharedLandscapes, ABadRequestStoresNothing) {
  patnav::testing::ScratchDir dir;
  const std::filesystem::path corpus = dir.path() / "corpus.xml";
  testing::WriteCorpus(corpus, 10);
  Workspace ws({.dir = dir.path() / "db"});
  ASSERT_TRUE(Ingest(Caller::Local(), ws, {.paths = {corpus.string()}}).ok());
  ASSERT_TRUE(CreateAlliance(Caller::Local(), ws, {"Alpha", "北京市", "social_organization", ""}).ok());
  const Caller op = As("op", domain::Role::kOperator, "Alpha");
  struct Case {
    ShareLandscapeRequest request;
    std::string prefix;
  };
  const std::vector<Case> cases = {
      {{.alliance = "Alpha", .title = " "}, "title:"},
      {{.alliance = "Alpha", .title = "t", .query = "TI=(battery AND"}, "query:"},
      {{.alliance = "Alpha", .title = "t", .only = {"nonsense"}}, "only:"},
      {{.alliance = "Alpha", .title = "t", .only = {"members_vs_others"}}, "only:"},
  };
  for (const Case& c : cases) {
    Status st = ShareLandscape(op, ws, c.request).status();
    EXPECT_EQ(st.code(), StatusCode::kInvalidArgument) << c.prefix;
    EXPECT_TRUE(st.message().starts_with(c.prefix)) << st.message();
  }
  EXPECT_EQ(ShareLandscape(op, ws, {.alliance = "Gamma", .title = "t"}).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(ListSharedLandscapes(op, ws, "Alpha")->size(), 0u);
}

}  // namespace
}  // namespace patnav::app
