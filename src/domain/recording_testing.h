// Test-only: an alliance ready to be recorded -- 储能联盟 with two members,
// its charter items and a complete application form -- and its draft
// recording with 北京市. Header-only so it is never part of a library.
#pragma once

#include <gtest/gtest.h>

#include "domain/alliance.h"
#include "domain/members.h"
#include "domain/recording.h"

namespace patnav::domain::testing {

inline Result<Recording> DraftRecording(OperationsDb& ops) {
  EXPECT_TRUE(CreateAlliance(ops, {"储能联盟", "北京市海淀区", "social", "储能"}).ok());
  EXPECT_TRUE(AddMember(ops, {"储能联盟", "甲", "industry", "2020-01-01", "张三"}).ok());
  EXPECT_TRUE(AddMember(ops, {"储能联盟", "乙", "university", "2020-01-01", "李四"}).ok());
  for (int i = 2; i <= 9; ++i) EXPECT_TRUE(SetCharterItem(ops, "储能联盟", i, "条款").ok());
  ApplicationFormInput f;
  f.industry = "储能";
  f.industry_category = "ip_intensive";
  f.industry_stage = "growing";
  f.lead_unit = "甲";
  f.secretary_general_unit = "乙";
  f.operator_name = "甲";
  f.contact_person = "李四";
  f.contact_phone = "010-1";
  f.lead_licence = f.secretary_licence = f.charter_signed = true;
  return CreateRecording(ops, *FindAlliance(ops, "储能联盟"), "北京市", f, "op");
}

}  // namespace patnav::domain::testing
