// Legal events from the legal-status columns of Chinese tool exports
// (incoPat, PatSnap 智慧芽, the CNIPA search system): 法律状态, 法律状态/事件,
// 简单法律状态, 当前法律状态, with 失效日. A cell holds one or more status
// words ("实质审查的生效 | 授权 | 未缴年费专利权终止"), each optionally with its
// date ("2019-05-21 授权"); every word is mapped onto the CN INPADOC code of
// the same fact (model/inpadoc_codes.h), so the class and influence are the
// EPO's (for a patent of another country only the class and influence are
// kept, not the CN code):
//   公开/公布 PB01 (Q)             实质审查 SE01 (D)       授权 GR01 (F +)
//   驳回 RJ01 (B -)                撤回 WD01 (B -)         放弃 AV01 (H -)
//   未缴年费 CF01 (H -)            期限届满 EXPY (H -)     全部无效 IW01 (H -)
//   部分无效 IP01 (M -)            恢复 RR01 (K +)         保全 PP01 (T +)
//   权利转移/转让 TR01 (R)         申请权转移 TA01 (R)
//   质押 PE01, 质押解除 PC01 (S)   许可 EE01, 许可解除/注销 EC01 (S)
//   失效/无效 (a state, no code): class H, negative
//   有效, 审中, 在审, PCT…: states the record's own dates already say: no event
// The date of an event: the one written with the word; else the record's
// grant date for 授权 (the publication date of a grant kind B, C, U, Y, S),
// its publication date for 公开, 失效日 for a
// cessation. A known word without any date is a current state, not an event
// (当前法律状态 "实质审查"): left out silently, as the export's usual case; a
// word no rule knows is kept unclassified (class ' ') when it has a date, and
// named in a warning either way.
//
// Thread-safety: pure functions over immutable tables.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/legal_event.h"
#include "model/patent_record.h"

namespace patnav {

inline constexpr std::string_view kTableLegalFormat = "csv-legal-status";

struct TableLegalStatus {
  std::vector<std::string> values;  // every status value of the row, in column order
  std::string lapse_date;           // 失效日, ISO; "" when none
};

// The events of `record` (a finished record: country and doc number set)
// from its status values; `warnings` receives what was left out or kept
// unclassified, one line each. Events of one row with the same key are
// returned once.
std::vector<LegalEvent> LegalEventsFromStatus(const PatentRecord& record, const TableLegalStatus& status,
                                              std::vector<std::string>& warnings);

}  // namespace patnav
