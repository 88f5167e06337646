// Party names: person name order, organisation keys and types.
#include "model/party.h"

#include <array>
#include <vector>

#include "base/strings.h"
#include "base/unicode.h"

namespace patnav {

namespace {

// Legal-form words, as tokens after punctuation removal. Multi-word forms are
// matched token by token from the end of the name.
const std::string_view kLegalForms[] = {
    "INC", "INCORPORATED", "CORP", "CORPORATION", "CO", "COMPANY", "LTD", "LIMITED", "LLC", "LLP", "LP",
    "PLC", "GMBH", "AG", "KG", "KGAA", "SA", "SAS", "SARL", "SPA", "SRL", "NV", "BV", "AB", "AS", "ASA",
    "OY", "OYJ", "KK", "KABUSHIKI", "KAISHA", "KABUSHIKIKAISHA", "PTY", "PTE", "SE", "ULC", "PC", "CORPORATIONS",
    "MBH", "COLTD", "LLLP", "SL", "SPZOO"};

// Chinese legal forms, longest first.
const std::array<std::string_view, 6> kChineseForms = {"股份有限公司", "有限责任公司", "集团有限公司", "有限公司",
                                                       "股份公司", "公司"};

bool IsLegalForm(std::string_view tok) {
  for (auto f : kLegalForms) if (tok == f) return true;
  return false;
}

bool Contains(std::string_view hay, std::string_view needle) { return hay.find(needle) != std::string_view::npos; }

// Upper-cases ASCII, turns punctuation (ASCII and full-width) into token
// breaks; '.', '\'' and '&' join ("A.B.C." -> "ABC", "AT&T" -> "ATT").
std::vector<std::string> Tokens(std::string_view name) {
  std::vector<std::string> toks;
  std::string cur;
  auto flush = [&] { if (!cur.empty()) { toks.push_back(cur); cur.clear(); } };
  for (size_t i = 0; i < name.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(name[i]);
    if (c < 0x80) {
      if (c == '.' || c == '\'' || c == '&') continue;
      if ((c >= 'a' && c <= 'z')) { cur.push_back(static_cast<char>(c - 'a' + 'A')); continue; }
      if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) { cur.push_back(static_cast<char>(c)); continue; }
      flush();
      continue;
    }
    size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    std::string_view ch = name.substr(i, len);
    // Full-width punctuation and brackets: （）【】，、。·
    if (ch == "（" || ch == "）" || ch == "，" || ch == "、" || ch == "。" || ch == "·" || ch == "【" ||
        ch == "】" || ch == "\xE3\x80\x80") {
      flush();
    } else {
      cur.append(ch);
    }
    i += len - 1;
  }
  flush();
  return toks;
}

bool HasCjk(std::string_view s) {
  for (unsigned char c : s) if (c >= 0xE3) return true;
  return false;
}

}  // namespace

std::string NormalizeOrganisation(std::string_view name) {
  std::vector<std::string> toks = Tokens(FoldForKey(name));
  if (!toks.empty() && toks.front() == "THE") toks.erase(toks.begin());
  // Leading "Kabushiki Kaisha Toshiba".
  while (toks.size() > 1 && (toks.front() == "KABUSHIKI" || toks.front() == "KAISHA" || toks.front() == "KABUSHIKIKAISHA"))
    toks.erase(toks.begin());
  while (toks.size() > 1 && IsLegalForm(toks.back())) toks.pop_back();
  // "AND CO" left over from "& Co."
  if (toks.size() > 1 && toks.back() == "AND") toks.pop_back();
  std::string out;
  for (const auto& t : toks) {
    if (!out.empty()) out.push_back(' ');
    out += t;
  }
  if (HasCjk(out)) {
    bool stripped = true;
    while (stripped) {
      stripped = false;
      for (auto f : kChineseForms) {
        if (out.size() > f.size() && EndsWith(out, f)) {
          out.resize(out.size() - f.size());
          while (!out.empty() && out.back() == ' ') out.pop_back();
          stripped = true;
          break;
        }
      }
    }
  }
  return out;
}

PartyType ClassifyOrganisation(std::string_view name) {
  std::string up = AsciiUpper(name);
  std::vector<std::string> toks = Tokens(name);
  bool legal = false;
  for (const auto& t : toks) if (IsLegalForm(t)) legal = true;
  if (Contains(up, "公司") || Contains(up, "株式会社") || Contains(up, "厂")) legal = true;
  if (Contains(up, "HOSPITAL") || Contains(up, "医院") || Contains(up, "CLINIC") || Contains(up, "MEDICAL CENTER"))
    return PartyType::kHospital;
  if (Contains(up, "FRAUNHOFER") || Contains(up, "MAX PLANCK") || Contains(up, "MAX-PLANCK"))
    return PartyType::kResearchInstitute;
  if (legal) return PartyType::kCompany;
  if (Contains(up, "大学")) return PartyType::kUniversity;
  if (Contains(up, "研究院") || Contains(up, "研究所") || Contains(up, "科学院")) return PartyType::kResearchInstitute;
  if (Contains(up, "UNIVERSIT") || Contains(up, "UNIV ") || EndsWith(up, "UNIV") || Contains(up, "COLLEGE") ||
      Contains(up, "学院") || Contains(up, "INSTITUTE OF TECHNOLOGY") ||
      Contains(up, "HOCHSCHULE") || Contains(up, "ECOLE") || Contains(up, "SCHOOL OF"))
    return PartyType::kUniversity;
  if (Contains(up, "INSTITUT") || Contains(up, "研究院") || Contains(up, "研究所") || Contains(up, "科学院") ||
      Contains(up, "研究中心") || Contains(up, "RESEARCH CENT") || Contains(up, "LABORATOR") ||
      Contains(up, "FRAUNHOFER") || Contains(up, "CNRS") || Contains(up, "COMMISSARIAT") ||
      Contains(up, "ACADEMY OF") || Contains(up, "MAX PLANCK") || Contains(up, "RESEARCH COUNCIL"))
    return PartyType::kResearchInstitute;
  if (Contains(up, "UNITED STATES OF AMERICA") || Contains(up, "SECRETARY OF") || Contains(up, "MINISTRY") ||
      Contains(up, "GOVERNMENT") || Contains(up, "DEPARTMENT OF") || Contains(up, "AGENCY") ||
      Contains(up, "人民政府") || Contains(up, "管理局"))
    return PartyType::kGovernment;
  return PartyType::kCompany;
}

Party MakePerson(std::string_view last, std::string_view first) {
  Party p;
  p.last_name = CollapseWhitespace(last);
  p.first_name = CollapseWhitespace(first);
  if (p.last_name.empty()) p.name = p.first_name;
  else if (p.first_name.empty()) p.name = p.last_name;
  else p.name = p.last_name + ", " + p.first_name;
  p.type = PartyType::kIndividual;
  return p;
}

Party PersonFromFullName(std::string_view full) {
  std::string s = CollapseWhitespace(full);
  auto comma = s.find(',');
  if (comma != std::string::npos) return MakePerson(s.substr(0, comma), Trim(std::string_view(s).substr(comma + 1)));
  if (HasCjk(s) && s.find(' ') == std::string::npos) {
    Party p;
    p.name = p.last_name = s;
    p.type = PartyType::kIndividual;
    return p;
  }
  std::vector<std::string_view> words = Split(s, ' ');
  while (words.size() > 1) {
    std::string last = AsciiUpper(words.back());
    if (last == "JR" || last == "JR." || last == "SR" || last == "SR." || last == "II" || last == "III") words.pop_back();
    else break;
  }
  if (words.size() < 2) return MakePerson(s, "");
  // Lower-case particles belong to the family name: "Ludwig van Beethoven".
  size_t last_start = words.size() - 1;
  while (last_start > 1) {
    std::string_view w = words[last_start - 1];
    if (w == "van" || w == "von" || w == "de" || w == "der" || w == "den" || w == "da" || w == "di" ||
        w == "du" || w == "la" || w == "le" || w == "del" || w == "dos" || w == "ter")
      --last_start;
    else
      break;
  }
  std::string first, last;
  for (size_t i = 0; i < words.size(); ++i) {
    std::string& dst = i < last_start ? first : last;
    if (!dst.empty()) dst.push_back(' ');
    dst.append(words[i]);
  }
  return MakePerson(last, first);
}

Party MakeOrganisation(std::string_view name) {
  Party p;
  p.name = CollapseWhitespace(name);
  p.normalized = NormalizeOrganisation(p.name);
  p.type = ClassifyOrganisation(p.name);
  return p;
}

Party PartyFromName(std::string_view name) {
  std::string up = AsciiUpper(name);
  std::vector<std::string> toks = Tokens(name);
  bool org = false;
  for (const auto& t : toks) if (IsLegalForm(t)) org = true;
  if (ClassifyOrganisation(name) != PartyType::kCompany) org = true;
  for (std::string_view w : {"公司", "大学", "研究", "学院", "医院", "中心", "TECHNOLOG", "SYSTEMS", "GROUP", "HOLDING",
                             "INDUSTR", "ELECTRONIC", "FOUNDATION", "TRUST", "BANK"})
    if (Contains(up, w)) org = true;
  if (toks.size() == 1 && !HasCjk(name)) org = true;  // "Google", "IBM"
  if (org) return MakeOrganisation(name);
  // A short CJK name (2-4 characters) without org words is a person.
  return PersonFromFullName(name);
}

}  // namespace patnav
