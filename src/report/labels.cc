// Bilingual labels: built-in titles, definitions and column names.
#include "report/labels.h"

#include <map>

namespace patnav::report {
namespace {

struct AnalysisText {
  const char* name;
  const char* title_en;
  const char* title_zh;
  const char* definition_en;
  const char* definition_zh;
};

constexpr AnalysisText kAnalyses[] = {
    {"trend", "Filing trend", "申请趋势",
     "Patents counted by filing year, by earliest priority year and by publication year; "
     "filings are also split by publication country.",
     "按申请年、最早优先权年和公开年统计的专利数量；申请量另按公开国家拆分。"},
    {"top_applicants", "Top applicants", "主要申请人",
     "Applicants grouped by their normalized name, ranked by patent count, with their share, "
     "active years, growth over the last five complete years, mean forward citations and main "
     "IPC subclasses.",
     "按规范化名称归并的申请人，按专利数量排名，并给出占比、活跃年份、近五个完整年份的增长率、"
     "平均被引次数和主要 IPC 小类。"},
    {"applicant_types", "Applicant types", "申请人类型",
     "Patents per filing year having at least one applicant of each type: company, university, "
     "research institute, individual, other.",
     "各申请年中至少有一个该类型申请人的专利数：企业、高校、科研院所、个人、其他。"},
    {"technology", "Technology composition", "技术构成",
     "Patent counts in the classification tree at section, class, subclass and main-group level.",
     "分类号树在部、大类、小类和大组各层级的专利数量。"},
    {"competitor_matrix", "Competitor technology matrix", "竞争对手技术布局",
     "Patents of the top applicants in the top technology groups (main groups).",
     "主要申请人在主要技术分组（大组）中的专利数量。"},
    {"geography", "Geographic flows", "地域流向",
     "Patent families flowing from their priority country to the countries where they are "
     "published.",
     "专利从优先权国家流向公开国家的数量。"},
    {"lifecycle", "Technology life cycle", "技术生命周期",
     "Patents and distinct applicants per year, and the stage (germination, growth, maturity, "
     "decline) given by the rule shown.",
     "每年的专利数量和不同申请人数量，以及按所示规则判断的阶段（萌芽期、成长期、成熟期、衰退期）。"},
    {"legal_status", "Legal status", "法律状态",
     "Patents of the set by legal state (in force, lapsed, expired, pending, ...) as the search index "
     "holds it, the share still in force, the states by filing year and by applicant, and the live "
     "patents expiring in each of the next ten years.",
     "按检索索引所记录的法律状态（有效、失效、届满、审中等）统计的专利数量、仍然有效的专利占比、"
     "各申请年和各申请人的法律状态构成，以及未来十年每年到期的有效专利数量。"},
    {"concentration", "Market concentration", "集中度",
     "Share of the four and eight largest applicants (CR4, CR8) and the Herfindahl-Hirschman "
     "index (on shares in percent, 0-10000) per year.",
     "每年前四名和前八名申请人的份额（CR4、CR8）以及赫芬达尔-赫希曼指数（以百分比份额计，0–10000）。"},
    {"core_patents", "Core patents", "核心专利",
     "Patents ranked by forward citations normalized by age and field, PageRank on the "
     "citation graph, and their combination, with the reasons.",
     "按经年龄和领域归一化的被引次数、引用网络上的 PageRank 及其组合排名的专利，并给出理由。"},
    {"citation_flows", "Citation flows", "引用流向",
     "How often the patents of one applicant cite those of another.",
     "一个申请人的专利引用另一个申请人专利的次数。"},
    {"collaboration", "Collaboration network", "合作网络",
     "Co-applicant network: applicants linked by the patents they file together, grouped into "
     "communities.",
     "共同申请网络：申请人之间以共同申请的专利相连，并划分为社群。"},
    {"inventors", "Key inventors", "核心发明人",
     "Inventors ranked by patent count, with their applicants, active years and mean forward "
     "citations.",
     "按专利数量排名的发明人，及其所属申请人、活跃年份和平均被引次数。"},
    {"emerging_terms", "Emerging terms", "新兴技术词",
     "Terms whose share of patents grows fastest from the first period to the second.",
     "从前一时期到后一时期专利占比增长最快的术语。"},
    {"white_space", "White space", "技术空白点",
     "Technology groups that grow but have few patents or few holders.",
     "有增长但专利数量少或权利人少的技术分组。"},
    {"members_vs_others", "Members vs others", "联盟成员与其他",
     "Patents of the alliance members against everyone else in each technology group, with the "
     "members' share and gap.",
     "各技术分组中联盟成员与其他申请人的专利数量对比，以及成员份额和差距。"},
};

const std::map<std::string, Bilingual, std::less<>>& Columns() {
  static const auto* columns = new std::map<std::string, Bilingual, std::less<>>{
      {"year", {"Year", "年份"}},
      {"count", {"Count", "数量"}},
      {"priority", {"By priority year", "按优先权年"}},
      {"publications", {"Publications", "公开量"}},
      {"name", {"Name", "名称"}},
      {"normalized", {"Normalized name", "规范化名称"}},
      {"share", {"Share", "占比"}},
      {"first_year", {"First year", "首年"}},
      {"last_year", {"Last year", "末年"}},
      {"growth", {"Growth", "增长率"}},
      {"mean_forward_citations", {"Mean forward citations", "平均被引次数"}},
      {"main_ipc", {"Main IPC", "主要 IPC"}},
      {"company", {"Company", "企业"}},
      {"university", {"University", "高校"}},
      {"research_institute", {"Research institute", "科研院所"}},
      {"individual", {"Individual", "个人"}},
      {"other", {"Other", "其他"}},
      {"level", {"Level", "层级"}},
      {"code", {"Code", "分类号"}},
      {"parent", {"Parent", "上级"}},
      {"applicant", {"Applicant", "申请人"}},
      {"from", {"Priority country", "优先权国家"}},
      {"to", {"Publication country", "公开国家"}},
      {"patents", {"Patents", "专利数"}},
      {"applicants", {"Applicants", "申请人"}},
      {"cr4", {"CR4", "CR4"}},
      {"cr8", {"CR8", "CR8"}},
      {"hhi", {"HHI", "HHI"}},
      {"publication_number", {"Publication number", "公开号"}},
      {"title", {"Title", "标题"}},
      {"forward_citations", {"Forward citations", "被引次数"}},
      {"normalized_citations", {"Normalized citations", "归一化被引"}},
      {"pagerank", {"PageRank", "PageRank"}},
      {"rank", {"Rank", "排名"}},
      {"reasons", {"Reasons", "理由"}},
      {"citing", {"Citing applicant", "施引申请人"}},
      {"cited", {"Cited applicant", "被引申请人"}},
      {"community", {"Community", "社群"}},
      {"source", {"Applicant A", "申请人 A"}},
      {"target", {"Applicant B", "申请人 B"}},
      {"weight", {"Joint patents", "共同申请数"}},
      {"id", {"Community", "社群"}},
      {"size", {"Size", "规模"}},
      {"members", {"Members", "成员"}},
      {"term", {"Term", "术语"}},
      {"share_a", {"Share, first period", "前期占比"}},
      {"share_b", {"Share, second period", "后期占比"}},
      {"group", {"Technology group", "技术分组"}},
      {"holders", {"Holders", "权利人数"}},
      {"reason", {"Reason", "原因"}},
      {"others", {"Others", "其他申请人"}},
      {"member_share", {"Members' share", "成员占比"}},
      {"gap", {"Gap", "差距"}},
      {"stage", {"Stage", "阶段"}},
      {"rule", {"Rule", "规则"}},
      {"scheme", {"Scheme", "分类体系"}},
      {"period_a", {"First period", "前期"}},
      {"period_b", {"Second period", "后期"}},
      {"last_complete_year", {"Last complete year", "最近完整年份"}},
      {"nodes", {"Applicants", "申请人"}},
      {"edges", {"Co-applications", "共同申请"}},
      {"communities", {"Communities", "社群"}},
      {"rows", {"Rows", "数据"}},
      {"filings", {"Filings", "申请量"}},
      {"stage_germination", {"germination", "萌芽期"}},
      {"stage_growth", {"growth", "成长期"}},
      {"stage_maturity", {"maturity", "成熟期"}},
      {"stage_decline", {"decline", "衰退期"}},
      {"by_country", {"Filings by publication country", "各公开国家申请量"}},
      {"other_countries", {"Other countries", "其他国家"}},
      {"state", {"Legal state", "法律状态"}},
      {"status_group", {"Status group", "状态类别"}},
      {"live", {"Live", "有效"}},
      {"dead", {"Dead", "失效"}},
      {"pending", {"Pending", "审中"}},
      {"unknown", {"Unknown", "未知"}},
      {"known", {"Status known", "状态已知"}},
      {"live_share", {"Live share", "有效占比"}},
      {"as_of", {"As of", "截至"}},
      {"expired_since_indexing", {"Expired since indexing", "索引后届满"}},
      {"by_year", {"By filing year", "按申请年"}},
      {"expiring", {"Live patents expiring per year", "每年到期的有效专利"}},
      {"by_applicant", {"By applicant", "按申请人"}},
      {"state_pending", {"Pending", "审中"}},
      {"state_in_force", {"In force", "有效"}},
      {"state_lapsed", {"Lapsed", "未缴费失效"}},
      {"state_expired", {"Expired", "期限届满"}},
      {"state_revoked", {"Revoked", "被宣告无效"}},
      {"state_withdrawn", {"Withdrawn", "撤回"}},
      {"state_refused", {"Refused", "驳回"}},
      {"state_unknown", {"Unknown", "未知"}},
  };
  return *columns;
}

const AnalysisText* FindAnalysis(std::string_view name) {
  for (const auto& a : kAnalyses)
    if (name == a.name) return &a;
  return nullptr;
}

std::string MetaString(const nlohmann::ordered_json& landscape, std::string_view name,
                       const char* field) {
  auto meta = landscape.find("meta");
  if (meta == landscape.end() || !meta->is_object()) return {};
  auto analyses = meta->find("analyses");
  if (analyses == meta->end() || !analyses->is_object()) return {};
  auto entry = analyses->find(std::string(name));
  if (entry == analyses->end() || !entry->is_object()) return {};
  auto value = entry->find(field);
  if (value == entry->end() || !value->is_string()) return {};
  return value->get<std::string>();
}

}  // namespace

Result<Language> ParseLanguage(std::string_view name) {
  if (name == "en") return Language::kEn;
  if (name == "zh") return Language::kZh;
  if (name == "both") return Language::kBoth;
  return Status::InvalidArgument("report language must be en, zh or both, not '" +
                                 std::string(name) + "'");
}

std::string Pick(const Bilingual& text, Language language) {
  switch (language) {
    case Language::kEn: return text.en.empty() ? text.zh : text.en;
    case Language::kZh: return text.zh.empty() ? text.en : text.zh;
    case Language::kBoth:
      if (text.zh.empty() || text.zh == text.en) return text.en;
      if (text.en.empty()) return text.zh;
      return text.en + " / " + text.zh;
  }
  return text.en;
}

const std::vector<std::string>& KnownAnalyses() {
  static const auto* names = [] {
    auto* v = new std::vector<std::string>;
    for (const auto& a : kAnalyses) v->push_back(a.name);
    return v;
  }();
  return *names;
}

Bilingual AnalysisTitle(std::string_view name, const nlohmann::ordered_json& landscape) {
  Bilingual title{MetaString(landscape, name, "title_en"), MetaString(landscape, name, "title_zh")};
  if (const AnalysisText* a = FindAnalysis(name)) {
    if (title.en.empty()) title.en = a->title_en;
    if (title.zh.empty()) title.zh = a->title_zh;
  }
  if (title.en.empty() && title.zh.empty()) title.en = std::string(name);
  return title;
}

Bilingual AnalysisDefinition(std::string_view name, const nlohmann::ordered_json& landscape) {
  Bilingual definition{MetaString(landscape, name, "definition"),
                       MetaString(landscape, name, "definition_zh")};
  const AnalysisText* a = FindAnalysis(name);
  if (definition.en.empty() && a) definition.en = a->definition_en;
  // A given English definition is authoritative; the built-in Chinese one
  // is kept beside it only when no Chinese one is given.
  if (definition.zh.empty() && a) definition.zh = a->definition_zh;
  return definition;
}

nlohmann::ordered_json UiLabels(Language language) {
  nlohmann::ordered_json labels = nlohmann::ordered_json::object();
  for (const auto& [key, text] : Columns()) labels[key] = Pick(text, language);
  return labels;
}

Bilingual ColumnLabel(std::string_view key) {
  const auto& columns = Columns();
  if (auto it = columns.find(key); it != columns.end()) return it->second;
  std::string shown(key);
  for (char& c : shown)
    if (c == '_') c = ' ';
  return {shown, shown};
}

}  // namespace patnav::report
