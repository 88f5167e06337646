// The audit trail: append-only by trigger, filtered newest first.
#include <gtest/gtest.h>

#include "domain/audit.h"
#include "domain/platform_clock.h"
#include "domain/platform_testing.h"

namespace patnav::domain {
namespace {

using testing::kT0;
using testing::PlatformFixture;

AuditEntry Entry(int64_t t, const std::string& actor, const std::string& action, const std::string& object,
                 const std::string& alliance, const std::string& outcome = "ok") {
  AuditEntry e;
  e.at = FormatIsoUtc(t);
  e.actor = actor;
  e.action = action;
  e.object = object;
  e.alliance = alliance;
  e.outcome = outcome;
  return e;
}

struct AuditFixture : PlatformFixture {
  AuditFixture() {
    const AuditEntry rows[] = {
        Entry(kT0 + 0, "admin", "user.add", "user:olga", ""),
        Entry(kT0 + 10, "olga", "pool.create", "pool:LTE", "Battery Alliance"),
        Entry(kT0 + 20, "olga", "pool.contribute", "pool:LTE/US8926509B2", "Battery Alliance"),
        Entry(kT0 + 30, "ivan", "pool.create", "pool:Solar", "Solar Alliance"),
        Entry(kT0 + 40, "ivan", "distribution.close", "pool:Solar", "Solar Alliance", "failed_precondition"),
    };
    for (const AuditEntry& e : rows) EXPECT_TRUE(AppendAudit(*db, e).ok());
  }
  std::vector<std::string> Objects(const AuditFilter& filter) {
    Result<AuditPage> page = QueryAudit(*db, filter);
    EXPECT_TRUE(page.ok()) << page.status().ToString();
    std::vector<std::string> out;
    if (page.ok())
      for (const AuditEntry& e : page->entries) out.push_back(e.actor + " " + e.action + " " + e.object);
    return out;
  }
};

TEST(Audit, RowsCannotBeUpdatedOrDeleted) {
  AuditFixture f;
  Status update = f.db->db().Exec("UPDATE audit SET outcome = 'ok' WHERE action = 'distribution.close'");
  EXPECT_FALSE(update.ok());
  EXPECT_NE(update.message().find("append-only"), std::string::npos) << update.message();
  Status del = f.db->db().Exec("DELETE FROM audit");
  EXPECT_FALSE(del.ok());
  EXPECT_EQ(f.Count("SELECT count(*) FROM audit"), 5);
  EXPECT_EQ(f.Count("SELECT count(*) FROM audit WHERE outcome = 'failed_precondition'"), 1);
}

TEST(Audit, AppendNeedsTheEssentials) {
  PlatformFixture f;
  AuditEntry e = Entry(kT0, "admin", "", "x", "");
  EXPECT_EQ(AppendAudit(*f.db, e).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(f.Count("SELECT count(*) FROM audit"), 0);
}

TEST(Audit, NewestFirstWithTotalsAndPages) {
  AuditFixture f;
  AuditFilter all;
  EXPECT_EQ(f.Objects(all), (std::vector<std::string>{
                                "ivan distribution.close pool:Solar", "ivan pool.create pool:Solar",
                                "olga pool.contribute pool:LTE/US8926509B2", "olga pool.create pool:LTE",
                                "admin user.add user:olga"}));
  AuditFilter page;
  page.limit = 2;
  page.offset = 1;
  Result<AuditPage> p = QueryAudit(*f.db, page);
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->total, 5);
  ASSERT_EQ(p->entries.size(), 2u);
  EXPECT_EQ(p->entries[0].action, "pool.create");
  EXPECT_EQ(p->entries[0].actor, "ivan");
}

TEST(Audit, FiltersCombine) {
  AuditFixture f;
  AuditFilter by_actor;
  by_actor.actor = "olga";
  EXPECT_EQ(f.Objects(by_actor).size(), 2u);

  AuditFilter by_action;
  by_action.action = "pool.create";
  EXPECT_EQ(f.Objects(by_action),
            (std::vector<std::string>{"ivan pool.create pool:Solar", "olga pool.create pool:LTE"}));

  AuditFilter by_alliance;
  by_alliance.alliance = "Battery Alliance";
  by_alliance.action = "pool.create";
  EXPECT_EQ(f.Objects(by_alliance), (std::vector<std::string>{"olga pool.create pool:LTE"}));

  AuditFilter by_prefix;
  by_prefix.object_prefix = "pool:LTE";
  EXPECT_EQ(f.Objects(by_prefix).size(), 2u);
  by_prefix.object_prefix = "pool:%";  // no wildcards: a literal prefix
  EXPECT_TRUE(f.Objects(by_prefix).empty());

  AuditFilter window;
  window.from = FormatIsoUtc(kT0 + 10);
  window.to = FormatIsoUtc(kT0 + 30);
  EXPECT_EQ(f.Objects(window).size(), 3u);

  AuditFilter tenant;
  tenant.only_alliances = {"Solar Alliance"};
  EXPECT_EQ(f.Objects(tenant),
            (std::vector<std::string>{"ivan distribution.close pool:Solar", "ivan pool.create pool:Solar"}));
  tenant.alliance = "Battery Alliance";
  EXPECT_TRUE(f.Objects(tenant).empty());
}

TEST(Audit, RefusesBadPagingAndTimes) {
  AuditFixture f;
  AuditFilter bad;
  bad.limit = 0;
  EXPECT_EQ(QueryAudit(*f.db, bad).status().code(), StatusCode::kInvalidArgument);
  bad.limit = 10;
  bad.offset = -1;
  EXPECT_EQ(QueryAudit(*f.db, bad).status().code(), StatusCode::kInvalidArgument);
  bad.offset = 0;
  bad.from = "yesterday";
  EXPECT_EQ(QueryAudit(*f.db, bad).status().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace patnav::domain
