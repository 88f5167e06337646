// The tables of dishonesty categories and management measures
// (credit_categories.h).
#include "domain/credit_categories.h"

#include <string>

namespace patnav::domain {

namespace {

constexpr CreditCategory kCategories[] = {
    {"abnormal_patent_application", "不以保护创新为目的的非正常专利申请行为",
     "Abnormal patent applications not aimed at protecting innovation", 12, 6, 12},
    {"malicious_trademark_application", "恶意商标注册申请行为", "Malicious trademark registration applications", 12, 6,
     12},
    {"agency_violation", "违法从事专利、商标代理并受到国家知识产权局行政处罚",
     "Patent or trademark agency in breach of the law, penalised by CNIPA", 12, 6, 12},
    {"false_materials", "提交虚假材料或者以其他方式隐瞒重要事实申请行政确认",
     "False materials or concealed facts in an application for administrative confirmation", 12, 6, 12},
    {"commitment_breach", "适用信用承诺被认定承诺不实或者未履行承诺",
     "A credit commitment found untrue or not honoured", 12, 3, 12},
    {"refusal_to_execute", "对行政处罚、行政裁决等有履行能力但拒不履行、逃避执行",
     "Refusing or evading the execution of an administrative penalty or adjudication while able to comply", 36, 12,
     36},
    {"serious_dishonesty_list", "其他被列入严重违法失信名单的情形",
     "Other entries of the list of serious illegal and dishonest conduct", 36, 12, 36},
    {"administrative_penalty", "受到知识产权行政处罚（一般程序）",
     "An IP administrative penalty (ordinary procedure)", 12, 3, 12},
    {"administrative_penalty_summary", "受到知识产权行政处罚（简易程序）",
     "An IP administrative penalty (summary procedure; not published)", 3, 0, 0},
};

constexpr CreditMeasure kMeasures[] = {
    {"key_supervision", "列为重点监管对象，提高检查频次", "Key supervision: more frequent inspection"},
    {"no_fee_reduction", "不予适用专利、商标有关费用减缴", "No reduction of patent or trademark fees"},
    {"no_priority_examination", "不予适用优先审查等便利措施", "No priority examination or other facilitation"},
    {"no_demonstration_status", "知识产权示范和优势企业、城市等评定中不予通过或取消资格",
     "Not admitted to, or removed from, IP demonstration and advantage enterprise or city evaluations"},
    {"no_funding_or_awards", "不予通过项目申报、评优评奖，取消已获资助",
     "No project funding or awards; funding already granted withdrawn"},
    {"joint_punishment", "推送相关部门实施联合惩戒", "Passed to other departments for joint punishment"},
};

template <typename T>
Result<const T*> Find(std::span<const T> all, std::string_view code, const char* what) {
  std::string list;
  for (const T& t : all) {
    if (code == t.code) return &t;
    list += (list.empty() ? "" : ", ") + std::string(t.code);
  }
  return Status::InvalidArgument(std::string(what) + " '" + std::string(code) + "' is not one of " + list);
}

}  // namespace

std::span<const CreditCategory> CreditCategories() { return kCategories; }
std::span<const CreditMeasure> CreditMeasures() { return kMeasures; }

Result<const CreditCategory*> FindCreditCategory(std::string_view code) {
  return Find(CreditCategories(), code, "category");
}
Result<const CreditMeasure*> FindCreditMeasure(std::string_view code) {
  return Find(CreditMeasures(), code, "measure");
}

}  // namespace patnav::domain
