// Cutting claims into elements (claim_elements.h).
#include "domain/claim_elements.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "base/strings.h"
#include "base/utf8.h"

namespace patnav::domain {

namespace {

bool IsAlnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

// `text` with every invalid UTF-8 byte replaced by U+FFFD and whitespace
// runs collapsed.
std::string Normalize(std::string_view text) {
  std::string valid;
  valid.reserve(text.size());
  while (!text.empty()) {
    size_t bad = FindInvalidUtf8(text);
    if (bad == std::string_view::npos) {
      valid.append(text);
      break;
    }
    valid.append(text.substr(0, bad));
    AppendUtf8(valid, 0xFFFD);
    text.remove_prefix(bad + 1);
  }
  return CollapseWhitespace(valid);
}

bool HasCjk(std::string_view s) {
  // Lead bytes E3..E9 start U+3000..U+9FFF (kana, CJK ideographs); EA..ED
  // Hangul; F0 followed by A0..AF the CJK extensions.
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0xE3 && c <= 0xED) return true;
  }
  return false;
}

bool OpensBracket(std::string_view s, size_t i, size_t* len) {
  if (s[i] == '(' || s[i] == '[' || s[i] == '{') return (*len = 1), true;
  if (s.substr(i, 3) == "（" || s.substr(i, 3) == "【") return (*len = 3), true;
  return false;
}

bool ClosesBracket(std::string_view s, size_t i, size_t* len) {
  if (s[i] == ')' || s[i] == ']' || s[i] == '}') return (*len = 1), true;
  if (s.substr(i, 3) == "）" || s.substr(i, 3) == "】") return (*len = 3), true;
  return false;
}

// Offsets of every top-level (outside brackets) occurrence of one of
// `separators` in `s`; a comma between two digits is no separator.
std::vector<std::pair<size_t, size_t>> TopLevel(std::string_view s, std::initializer_list<std::string_view> separators) {
  std::vector<std::pair<size_t, size_t>> at;  // offset, length
  int depth = 0;
  for (size_t i = 0; i < s.size();) {
    size_t len = 0;
    if (OpensBracket(s, i, &len)) {
      ++depth;
      i += len;
      continue;
    }
    if (ClosesBracket(s, i, &len)) {
      if (depth > 0) --depth;
      i += len;
      continue;
    }
    bool found = false;
    if (depth == 0) {
      for (std::string_view sep : separators) {
        if (s.substr(i, sep.size()) != sep) continue;
        if (sep == "," && i > 0 && i + 1 < s.size() && std::isdigit(static_cast<unsigned char>(s[i - 1])) &&
            std::isdigit(static_cast<unsigned char>(s[i + 1])))
          break;
        at.emplace_back(i, sep.size());
        i += sep.size();
        found = true;
        break;
      }
    }
    if (!found) ++i;
  }
  return at;
}

std::vector<std::string_view> CutAt(std::string_view s, const std::vector<std::pair<size_t, size_t>>& at) {
  std::vector<std::string_view> parts;
  size_t from = 0;
  for (const auto& [offset, len] : at) {
    parts.push_back(s.substr(from, offset - from));
    from = offset + len;
  }
  parts.push_back(s.substr(from));
  return parts;
}

// The first occurrence of ASCII `word` (case-insensitive) in `s` from `from`
// as a whole word, at top level; npos when none.
size_t FindWord(std::string_view s, std::string_view word, size_t from = 0) {
  int depth = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    size_t len = 0;
    if (OpensBracket(s, i, &len)) ++depth;
    else if (ClosesBracket(s, i, &len) && depth > 0) --depth;
    if (i < from || depth > 0 || i + word.size() > s.size()) continue;
    if (!IEquals(s.substr(i, word.size()), word)) continue;
    if (i > 0 && IsAlnum(s[i - 1])) continue;
    if (i + word.size() < s.size() && IsAlnum(s[i + word.size()])) continue;
    return i;
  }
  return std::string_view::npos;
}

size_t FindTopLevel(std::string_view s, std::string_view text) {
  auto at = TopLevel(s, {text});
  return at.empty() ? std::string_view::npos : at.front().first;
}

bool StripPrefix(std::string_view& s, std::string_view prefix, bool ascii_word) {
  if (s.size() < prefix.size() || !IEquals(s.substr(0, prefix.size()), prefix)) return false;
  if (ascii_word && s.size() > prefix.size() && IsAlnum(s[prefix.size()])) return false;
  s.remove_prefix(prefix.size());
  return true;
}

bool StripSuffix(std::string_view& s, std::string_view suffix, bool ascii_word) {
  if (s.size() < suffix.size() || !IEquals(s.substr(s.size() - suffix.size()), suffix)) return false;
  if (ascii_word && s.size() > suffix.size() && IsAlnum(s[s.size() - suffix.size() - 1])) return false;
  s.remove_suffix(suffix.size());
  return true;
}

// "(a) ", "b) ", "(iii) ", "(1) " at the start of an element.
bool StripLabel(std::string_view& s) {
  size_t i = 0;
  if (i < s.size() && s[i] == '(') ++i;
  size_t start = i;
  while (i < s.size() && IsAlnum(s[i]) && i - start < 4) ++i;
  if (i == start || i >= s.size() || s[i] != ')') return false;
  if (i + 1 < s.size() && s[i + 1] != ' ') return false;
  s.remove_prefix(i + 1);
  return true;
}

// The claim number: "1. ", "1 . ", "1、", "1．".
void StripClaimNumber(std::string_view& s) {
  size_t i = 0;
  while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
  if (i == 0 || i > 4) return;
  std::string_view rest = s.substr(i);
  rest = Trim(rest);
  for (std::string_view mark : {".", "、", "．", ")"})
    if (rest.starts_with(mark)) {
      s = rest.substr(mark.size());
      return;
    }
}

std::string_view TrimPiece(std::string_view s) {
  constexpr std::array<std::string_view, 10> kPunct = {".", ",", ";", ":", "。", "，", "；", "：", "、", "-"};
  for (bool changed = true; changed;) {
    changed = false;
    std::string_view t = Trim(s);
    if (t.size() != s.size()) changed = true;
    s = t;
    for (std::string_view p : kPunct) {
      if (StripPrefix(s, p, false) || StripSuffix(s, p, false)) changed = true;
    }
    for (std::string_view w : {"and", "or", "and/or", "then"}) {
      if (StripPrefix(s, std::string(w) + " ", false) || StripSuffix(s, " " + std::string(w), false)) changed = true;
    }
    for (std::string_view w : {"以及", "并且", "和", "及"})
      if (StripPrefix(s, w, false) || StripSuffix(s, w, false)) changed = true;
    if (StripLabel(s)) changed = true;
  }
  return s;
}

void Add(std::vector<ClaimElement>& out, ClaimElementKind kind, std::string_view text) {
  text = TrimPiece(text);
  if (!text.empty()) out.push_back({kind, std::string(text)});
}

// One piece of the body, with its "wherein" / "其中" clauses as elements of
// their own.
void AddWithWherein(std::vector<ClaimElement>& out, ClaimElementKind kind, std::string_view piece, bool cjk) {
  std::vector<size_t> cuts;
  if (cjk) {
    for (auto [offset, len] : TopLevel(piece, {"其中"})) cuts.push_back(offset);
  }
  for (std::string_view w : {"wherein", "whereby"})
    for (size_t at = FindWord(piece, w); at != std::string_view::npos; at = FindWord(piece, w, at + w.size()))
      cuts.push_back(at);
  std::sort(cuts.begin(), cuts.end());
  size_t from = 0;
  ClaimElementKind current = kind;
  for (size_t cut : cuts) {
    Add(out, current, piece.substr(from, cut - from));
    from = cut;
    current = ClaimElementKind::kWherein;
  }
  Add(out, current, piece.substr(from));
}

void SplitBody(std::vector<ClaimElement>& out, ClaimElementKind kind, std::string_view body, bool cjk) {
  std::vector<std::pair<size_t, size_t>> at = TopLevel(body, {";", "；"});
  if (at.empty()) at = TopLevel(body, {",", "，"});
  for (std::string_view piece : CutAt(body, at)) AddWithWherein(out, kind, piece, cjk);
}

// Where the preamble ends and the body starts in `s`: {preamble_end, body_start}.
std::pair<size_t, size_t> PreambleEnd(std::string_view s, bool cjk) {
  size_t first_semicolon = std::min(FindTopLevel(s, ";"), FindTopLevel(s, "；"));
  size_t colon = std::min(FindTopLevel(s, ":"), FindTopLevel(s, "："));
  if (colon != std::string_view::npos && colon < first_semicolon)
    return {colon, colon + (s.substr(colon, 1) == ":" ? 1 : 3)};
  if (cjk) {
    size_t includes = FindTopLevel(s, "包括");
    if (includes != std::string_view::npos) return {includes + 6, includes + 6};
    return {0, 0};
  }
  for (std::string_view w : {"comprising", "comprises", "including", "includes", "consisting of", "consists of"}) {
    size_t at = FindWord(s, w);
    if (at != std::string_view::npos && at < first_semicolon) return {at + w.size(), at + w.size()};
  }
  size_t having = FindWord(s, "having");
  if (having != std::string_view::npos && having < first_semicolon) return {having + 6, having + 6};
  return {0, 0};
}

void SplitPart(std::vector<ClaimElement>& out, std::string_view part, bool cjk, ClaimElementKind body_kind,
               bool with_preamble) {
  if (!with_preamble) {
    SplitBody(out, body_kind, part, cjk);
    return;
  }
  auto [preamble_end, body_start] = PreambleEnd(part, cjk);
  Add(out, ClaimElementKind::kPreamble, part.substr(0, preamble_end));
  SplitBody(out, body_kind, part.substr(body_start), cjk);
}

// The characterizing portion without its opening words ("it comprises:",
// "包括：").
std::string_view CharacterizingBody(std::string_view s) {
  s = TrimPiece(s);
  for (std::string_view lead : {"it comprises", "it includes", "the improvement comprising"})
    if (StripPrefix(s, lead, true)) return s;
  StripPrefix(s, "包括", false);
  return s;
}

}  // namespace

const char* ClaimElementKindName(ClaimElementKind kind) {
  switch (kind) {
    case ClaimElementKind::kPreamble: return "preamble";
    case ClaimElementKind::kElement: return "element";
    case ClaimElementKind::kWherein: return "wherein";
    case ClaimElementKind::kCharacterizing: return "characterizing";
  }
  return "element";
}

std::vector<ClaimElement> SplitClaimElements(std::string_view claim_text) {
  const std::string text = Normalize(claim_text);
  std::string_view s = text;
  StripClaimNumber(s);
  const bool cjk = HasCjk(s);
  std::vector<ClaimElement> out;
  size_t two_part = std::string_view::npos, marker_len = 0;
  if (cjk) {
    for (std::string_view m : {"其特征在于", "其特征是"}) {
      size_t at = s.find(m);
      if (at < two_part) two_part = at, marker_len = m.size();
    }
  }
  for (std::string_view m : {"characterized in that", "characterised in that", "characterized by", "characterised by"}) {
    size_t at = FindWord(s, m);
    if (at < two_part) two_part = at, marker_len = m.size();
  }
  if (two_part == std::string_view::npos) {
    SplitPart(out, s, cjk, ClaimElementKind::kElement, true);
    return out;
  }
  std::string_view before = s.substr(0, two_part);
  std::string_view after = s.substr(two_part + marker_len);
  // A preamble without a transition is preamble whole ("An apparatus for X,").
  auto [preamble_end, body_start] = PreambleEnd(before, cjk);
  if (preamble_end == 0) Add(out, ClaimElementKind::kPreamble, before);
  else SplitPart(out, before, cjk, ClaimElementKind::kElement, true);
  SplitBody(out, ClaimElementKind::kCharacterizing, CharacterizingBody(after), cjk);
  return out;
}

bool IsIndependentClaim(const Claim& claim) {
  if (claim.independent) return *claim.independent;
  if (!claim.depends_on.empty()) return false;
  std::string_view t = claim.text;
  for (std::string_view word : {"claim", "claims"})
    for (size_t at = FindWord(t, word); at != std::string_view::npos; at = FindWord(t, word, at + word.size())) {
      std::string_view rest = Trim(t.substr(at + word.size()));
      if (!rest.empty() && std::isdigit(static_cast<unsigned char>(rest[0]))) return false;
    }
  if (FindWord(t, "preceding claim") != std::string_view::npos ||
      FindWord(t, "preceding claims") != std::string_view::npos)
    return false;
  for (size_t at = t.find("权利要求"); at != std::string_view::npos; at = t.find("权利要求", at + 12)) {
    std::string_view rest = Trim(t.substr(at + 12));
    if (rest.empty()) continue;
    unsigned char c = static_cast<unsigned char>(rest[0]);
    if (std::isdigit(c) || rest.starts_with("１") || rest.starts_with("一") || rest.starts_with("二") ||
        rest.starts_with("三") || rest.starts_with("任"))
      return false;
  }
  return true;
}

}  // namespace patnav::domain
