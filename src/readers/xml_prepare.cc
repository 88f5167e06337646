// XML safety and repair pass (see xml_prepare.h): one forward scan with a
// three-state machine (content, tag, attribute value) that copies runs of
// ordinary bytes in bulk, plus a scanner that checks and drops the DOCTYPE.
#include "readers/xml_prepare.h"

#include <array>
#include <cstdint>
#include <cstring>
#include <limits>
#include <map>
#include <optional>

#include "base/strings.h"
#include "readers/xml_entities.h"

namespace patnav {
namespace {

constexpr std::string_view kReplacementChar = "\xEF\xBF\xBD";  // U+FFFD
constexpr size_t kMaxReferenceName = 128;
constexpr size_t kExpansionSlack = 64 * 1024;
constexpr size_t kMaxLiteralInMessage = 200;

using ByteSet = std::array<bool, 256>;

constexpr ByteSet MakeByteSet(std::string_view bytes) {
  ByteSet set{};
  for (char c : bytes) set[static_cast<unsigned char>(c)] = true;
  return set;
}

constexpr ByteSet kContentStop = MakeByteSet(std::string_view("<&\0", 3));
constexpr ByteSet kTagStop = MakeByteSet(std::string_view("<>\"'\0", 5));
constexpr ByteSet kDoubleQuotedStop = MakeByteSet(std::string_view("\"&<\0", 4));
constexpr ByteSet kSingleQuotedStop = MakeByteSet(std::string_view("'&<\0", 4));

// The first index >= i whose byte is in `stop`, or s.size().
inline size_t SkipTo(std::string_view s, size_t i, const ByteSet& stop) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  while (i + 4 <= n) {
    if (stop[p[i]]) return i;
    if (stop[p[i + 1]]) return i + 1;
    if (stop[p[i + 2]]) return i + 2;
    if (stop[p[i + 3]]) return i + 3;
    i += 4;
  }
  while (i < n && !stop[p[i]]) ++i;
  return i;
}

// Byte offset of the first invalid UTF-8 sequence (same rules as
// FindInvalidUtf8: no overlongs, surrogates or code points past U+10FFFF),
// or npos. Skips ASCII eight bytes at a time.
size_t FirstInvalidUtf8(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  size_t i = 0;
  while (i < n) {
    while (i + 8 <= n) {
      uint64_t word;
      std::memcpy(&word, p + i, 8);
      if (word & 0x8080808080808080ull) break;
      i += 8;
    }
    while (i < n && p[i] < 0x80) ++i;
    if (i >= n) break;
    const unsigned char c = p[i];
    size_t len;
    unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      if (c == 0xE0) lo = 0xA0;
      if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      if (c == 0xF0) lo = 0x90;
      if (c == 0xF4) hi = 0x8F;
    } else {
      return i;
    }
    if (i + len > n || p[i + 1] < lo || p[i + 1] > hi) return i;
    for (size_t k = 2; k < len; ++k) {
      if ((p[i + k] & 0xC0) != 0x80) return i;
    }
    i += len;
  }
  return std::string_view::npos;
}

// windows-1252 code points for bytes 0x80..0x9F (undefined bytes map to the
// C1 control of the same value, as the WHATWG decoder does).
constexpr char16_t kWindows1252High[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

std::string TranscodeWindows1252(std::string_view s) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    char32_t cp = c;
    if (c >= 0x80 && c <= 0x9F) cp = kWindows1252High[c - 0x80];
    if (cp < 0x80) {
      out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
      out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
      out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
      out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
  }
  return out;
}

inline bool IsXmlSpace(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

inline bool IsAsciiNameStart(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':';
}

// Name bytes as used for entity names: XML NameChar in ASCII, and any byte of
// a multi-byte UTF-8 sequence.
inline bool IsNameByte(unsigned char c) {
  return IsAsciiNameStart(c) || (c >= '0' && c <= '9') || c == '-' || c == '.' || c >= 0x80;
}

// XML 1.0 NameStartChar for code points past ASCII.
bool IsNameStartCodePoint(char32_t cp) {
  return (cp >= 0xC0 && cp <= 0xD6) || (cp >= 0xD8 && cp <= 0xF6) || (cp >= 0xF8 && cp <= 0x2FF) ||
         (cp >= 0x370 && cp <= 0x37D) || (cp >= 0x37F && cp <= 0x1FFF) || (cp >= 0x200C && cp <= 0x200D) ||
         (cp >= 0x2070 && cp <= 0x218F) || (cp >= 0x2C00 && cp <= 0x2FEF) || (cp >= 0x3001 && cp <= 0xD7FF) ||
         (cp >= 0xF900 && cp <= 0xFDCF) || (cp >= 0xFDF0 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0xEFFFF);
}

// REQUIRES: s is valid UTF-8 and s[i] starts a multi-byte sequence.
char32_t DecodeMultiByte(std::string_view s, size_t i) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data()) + i;
  if (p[0] < 0xE0) return ((p[0] & 0x1F) << 6) | (p[1] & 0x3F);
  if (p[0] < 0xF0) return ((p[0] & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F);
  return ((p[0] & 0x07) << 18) | ((p[1] & 0x3F) << 12) | ((p[2] & 0x3F) << 6) | (p[3] & 0x3F);
}

// Length of the entity or DTD name starting at s[i] (0 when none); stops
// counting past `limit`.
size_t NameLength(std::string_view s, size_t i, size_t limit = std::string_view::npos) {
  if (i >= s.size()) return 0;
  const auto c = static_cast<unsigned char>(s[i]);
  if (!IsAsciiNameStart(c) && c < 0x80) return 0;
  size_t j = i + 1;
  while (j < s.size() && j - i <= limit && IsNameByte(static_cast<unsigned char>(s[j]))) ++j;
  return j - i;
}

inline bool IsPredefinedEntity(std::string_view name) {
  return name == "amp" || name == "lt" || name == "gt" || name == "quot" || name == "apos";
}

enum class CharRef { kValid, kInvalid, kMalformed };

// Parses the character reference at s[i] ("&#" already seen). kValid and
// kInvalid (zero, surrogate or past U+10FFFF) set *end past the ';'.
CharRef ParseCharRef(std::string_view s, size_t i, size_t* end) {
  const size_t n = s.size();
  size_t p = i + 2;
  uint32_t base = 10;
  if (p < n && (s[p] == 'x' || s[p] == 'X')) {
    base = 16;
    ++p;
  }
  const size_t digits = p;
  uint32_t value = 0;
  for (; p < n; ++p) {
    const char c = s[p];
    uint32_t d;
    if (c >= '0' && c <= '9') d = c - '0';
    else if (base == 16 && c >= 'a' && c <= 'f') d = c - 'a' + 10;
    else if (base == 16 && c >= 'A' && c <= 'F') d = c - 'A' + 10;
    else break;
    value = value * base + d;
    if (value > 0x10FFFF) value = 0x110000;
  }
  if (p == digits || p >= n || s[p] != ';') return CharRef::kMalformed;
  *end = p + 1;
  if (value == 0 || (value >= 0xD800 && value <= 0xDFFF) || value > 0x10FFFF) return CharRef::kInvalid;
  return CharRef::kValid;
}

// Appends a valid character reference, spelling SGML's "&#X41;" the XML way.
void AppendCharRef(std::string& out, std::string_view ref) {
  if (ref[2] == 'X') {
    out += "&#x";
    out.append(ref.substr(3));
  } else {
    out.append(ref);
  }
}

// Printable ASCII of `s` for an error message; other bytes become '?'.
std::string Printable(std::string_view s) {
  std::string out(s.substr(0, kMaxLiteralInMessage));
  for (char& c : out) {
    if (c < 0x20 || c > 0x7E) c = '?';
  }
  return out;
}

// Appends `text` escaped for both element content and attribute values.
void AppendEscaped(std::string& out, std::string_view text) {
  if (text.find_first_of("<&\"'") == std::string_view::npos) {
    out.append(text);
    return;
  }
  for (char c : text) {
    switch (c) {
      case '<': out += "&lt;"; break;
      case '&': out += "&amp;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default: out += c;
    }
  }
}

// `s` (valid UTF-8) cut to a length fit for an error message.
std::string Clip(std::string_view s) {
  if (s.size() <= kMaxLiteralInMessage) return std::string(s);
  size_t cut = kMaxLiteralInMessage;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return std::string(s.substr(0, cut)) + "...";
}

std::string Quoted(std::string_view literal) { return "\"" + Clip(literal) + "\""; }

Status ParameterEntityRefused(std::string_view name) {
  return Status::Unsupported("parameter entity '%" + Clip(name) + "' refused: DTDs are never loaded");
}

// The XML declaration at the start of a document and where its encoding
// value lies.
struct XmlDecl {
  size_t end = 0;  // just past "?>"
  size_t encoding_begin = 0;
  size_t encoding_end = 0;
  bool has_encoding() const { return encoding_end > encoding_begin; }
};

std::optional<XmlDecl> ParseXmlDecl(std::string_view s) {
  if (s.size() < 7 || s.substr(0, 5) != "<?xml" || !IsXmlSpace(s[5])) return std::nullopt;
  const size_t close = s.substr(0, 1024).find("?>");
  if (close == std::string_view::npos) return std::nullopt;
  XmlDecl decl;
  decl.end = close + 2;
  const std::string_view body = s.substr(0, close);
  size_t p = body.find("encoding");
  if (p == std::string_view::npos) return decl;
  p += 8;
  while (p < body.size() && IsXmlSpace(body[p])) ++p;
  if (p >= body.size() || body[p] != '=') return decl;
  ++p;
  while (p < body.size() && IsXmlSpace(body[p])) ++p;
  if (p >= body.size() || (body[p] != '"' && body[p] != '\'')) return decl;
  const size_t q = body.find(body[p], p + 1);
  if (q == std::string_view::npos) return decl;
  decl.encoding_begin = p + 1;
  decl.encoding_end = q;
  return decl;
}

enum class Encoding { kUtf8, kSingleByte, kOther };

Encoding ClassifyEncoding(std::string_view label) {
  const std::string l = AsciiLower(Trim(label));
  if (l == "utf-8" || l == "utf8") return Encoding::kUtf8;
  if (l == "iso-8859-1" || l == "iso8859-1" || l == "iso_8859-1" || l == "latin1" || l == "latin-1" ||
      l == "l1" || l == "windows-1252" || l == "cp1252" || l == "us-ascii" || l == "ascii") {
    return Encoding::kSingleByte;
  }
  return Encoding::kOther;
}

class Preparer {
 public:
  // `base` is added to offsets in error messages (the dropped BOM).
  Preparer(std::string_view in, size_t base) : in_(in), base_(base), budget_(in.size() + kExpansionSlack) {}

  Result<PreparedXml> Run(const std::optional<XmlDecl>& decl) {
    out_.reserve(in_.size() + in_.size() / 16 + 64);
    if (decl) {
      if (decl->has_encoding() && ClassifyEncoding(Slice(decl->encoding_begin, decl->encoding_end)) != Encoding::kUtf8) {
        out_.append(Slice(0, decl->encoding_begin));
        out_ += "UTF-8";
        out_.append(Slice(decl->encoding_end, decl->end));
      } else {
        out_.append(Slice(0, decl->end));
      }
      pos_ = decl->end;
    }
    RETURN_IF_ERROR(Content());
    PreparedXml result;
    result.text = std::move(out_);
    result.repairs = repairs_;
    result.unknown_entities = unknown_entities_;
    return result;
  }

 private:
  std::string_view Slice(size_t begin, size_t end) const { return in_.substr(begin, end - begin); }
  bool At(size_t p, std::string_view lit) const { return p <= in_.size() && in_.substr(p, lit.size()) == lit; }
  bool AtIgnoreCase(size_t p, std::string_view lit) const {
    return p <= in_.size() && IEquals(in_.substr(p, lit.size()), lit);
  }
  // `word` at p, not followed by a name byte.
  bool AtWord(size_t p, std::string_view word) const {
    return At(p, word) && (p + word.size() >= in_.size() || !IsNameByte(static_cast<unsigned char>(in_[p + word.size()])));
  }
  size_t SkipSpace(size_t p) const {
    while (p < in_.size() && IsXmlSpace(in_[p])) ++p;
    return p;
  }
  std::string Offset(size_t p) const { return std::to_string(p + base_); }

  void Repaired() {
    if (repairs_ < std::numeric_limits<int>::max()) ++repairs_;
  }

  void RepairNul() {
    out_ += kReplacementChar;
    Repaired();
    ++pos_;
  }

  // Copies in_[pos_, end) verbatim except NUL bytes, which pugixml would take
  // for the end of the document.
  void CopyVerbatim(size_t end) {
    while (pos_ < end) {
      const void* nul = std::memchr(in_.data() + pos_, '\0', end - pos_);
      const size_t stop = nul ? static_cast<const char*>(nul) - in_.data() : end;
      out_.append(Slice(pos_, stop));
      pos_ = stop;
      if (pos_ < end) RepairNul();
    }
  }

  // Copies from pos_ through the first `terminator` at or after `from` (or
  // through the end of a truncated document).
  void CopyThrough(size_t from, std::string_view terminator) {
    const size_t found = in_.find(terminator, from);
    CopyVerbatim(found == std::string_view::npos ? in_.size() : found + terminator.size());
  }

  Status Content() {
    const size_t n = in_.size();
    while (pos_ < n) {
      const size_t start = pos_;
      pos_ = SkipTo(in_, pos_, kContentStop);
      out_.append(Slice(start, pos_));
      if (pos_ >= n) break;
      const char c = in_[pos_];
      if (c == '<') {
        RETURN_IF_ERROR(Markup());
      } else if (c == '&') {
        RETURN_IF_ERROR(Reference());
      } else {
        RepairNul();
      }
    }
    return Status::OK();
  }

  // At a '<' in content.
  Status Markup() {
    const size_t i = pos_;
    const unsigned char next = i + 1 < in_.size() ? static_cast<unsigned char>(in_[i + 1]) : 0;
    if (next == '!') {
      if (At(i, "<!--")) {
        CopyThrough(i + 4, "-->");
      } else if (At(i, "<![CDATA[")) {
        CopyThrough(i + 9, "]]>");
      } else if (AtIgnoreCase(i, "<!DOCTYPE")) {
        return Doctype();
      } else {
        out_ += "<!";
        pos_ += 2;
      }
      return Status::OK();
    }
    if (next == '?') {
      CopyThrough(i + 2, "?>");
      return Status::OK();
    }
    if (next == '/' || IsAsciiNameStart(next) || (next >= 0x80 && IsNameStartCodePoint(DecodeMultiByte(in_, i + 1)))) {
      const size_t opener = next == '/' ? 2 : 1;
      out_.append(Slice(i, i + opener));
      pos_ += opener;
      return Tag();
    }
    out_ += "&lt;";
    Repaired();
    ++pos_;
    return Status::OK();
  }

  // Inside a start or end tag, after "<" or "</".
  Status Tag() {
    const size_t n = in_.size();
    while (pos_ < n) {
      const size_t start = pos_;
      pos_ = SkipTo(in_, pos_, kTagStop);
      out_.append(Slice(start, pos_));
      if (pos_ >= n) break;
      const char c = in_[pos_];
      if (c == '>') {
        out_ += '>';
        ++pos_;
        break;
      }
      if (c == '<') break;  // an unclosed tag: pugixml reports it
      if (c == '\0') {
        RepairNul();
        continue;
      }
      out_ += c;
      ++pos_;
      RETURN_IF_ERROR(AttributeValue(c));
    }
    return Status::OK();
  }

  // After the opening quote of an attribute value.
  Status AttributeValue(char quote) {
    const ByteSet& stop = quote == '"' ? kDoubleQuotedStop : kSingleQuotedStop;
    const size_t n = in_.size();
    while (pos_ < n) {
      const size_t start = pos_;
      pos_ = SkipTo(in_, pos_, stop);
      out_.append(Slice(start, pos_));
      if (pos_ >= n) break;
      const char c = in_[pos_];
      if (c == quote) {
        out_ += c;
        ++pos_;
        break;
      }
      if (c == '&') {
        RETURN_IF_ERROR(Reference());
      } else if (c == '<') {
        out_ += "&lt;";
        Repaired();
        ++pos_;
      } else {
        RepairNul();
      }
    }
    return Status::OK();
  }

  // At a '&' in content or in an attribute value.
  Status Reference() {
    const size_t i = pos_;
    if (i + 1 < in_.size() && in_[i + 1] == '#') {
      size_t end = 0;
      switch (ParseCharRef(in_, i, &end)) {
        case CharRef::kValid:
          AppendCharRef(out_, Slice(i, end));
          pos_ = end;
          return Status::OK();
        case CharRef::kInvalid:
          out_ += kReplacementChar;
          Repaired();
          pos_ = end;
          return Status::OK();
        case CharRef::kMalformed:
          break;
      }
    } else {
      const size_t len = NameLength(in_, i + 1, kMaxReferenceName);
      if (len > 0 && len <= kMaxReferenceName && i + 1 + len < in_.size() && in_[i + 1 + len] == ';') {
        const std::string_view name = in_.substr(i + 1, len);
        pos_ = i + len + 2;
        if (IsPredefinedEntity(name)) {
          out_.append(Slice(i, pos_));
          return Status::OK();
        }
        if (!internal_entities_.empty()) {
          const auto it = internal_entities_.find(name);
          if (it != internal_entities_.end()) {
            if (it->second.size() > budget_) {
              return Status::Unsupported("entity expansion refused: references to '" + Clip(name) +
                                         "' would add more than " + std::to_string(in_.size() + kExpansionSlack) +
                                         " bytes (quadratic blowup)");
            }
            budget_ -= it->second.size();
            out_ += it->second;
            return Status::OK();
          }
        }
        if (const auto text = LookupNamedEntity(name)) {
          AppendEscaped(out_, *text);
          return Status::OK();
        }
        out_ += "&amp;";
        out_.append(name);
        out_ += ';';
        Repaired();
        if (unknown_entities_ < std::numeric_limits<int>::max()) ++unknown_entities_;
        return Status::OK();
      }
    }
    out_ += "&amp;";
    Repaired();
    ++pos_;
    return Status::OK();
  }

  // At "<!DOCTYPE": checks the whole declaration and drops it from the output.
  Status Doctype() {
    const size_t start = pos_;
    size_t p = start + 9;
    while (p < in_.size()) {
      const char c = in_[p];
      if (c == '"' || c == '\'') {
        const size_t close = in_.find(c, p + 1);
        if (close == std::string_view::npos) break;
        p = close + 1;
      } else if (c == '[') {
        ++p;
        RETURN_IF_ERROR(InternalSubset(p, start));
      } else if (c == '>') {
        pos_ = p + 1;
        return Status::OK();
      } else {
        ++p;
      }
    }
    return Unterminated(start);
  }

  Status Unterminated(size_t doctype_start) const {
    return Status::Corruption("unterminated DOCTYPE starting at byte " + Offset(doctype_start));
  }

  // After the '[' of an internal subset; leaves p past the closing ']'.
  Status InternalSubset(size_t& p, size_t doctype_start) {
    const size_t n = in_.size();
    while (true) {
      p = SkipSpace(p);
      if (p >= n) return Unterminated(doctype_start);
      const char c = in_[p];
      if (c == ']') {
        ++p;
        return Status::OK();
      }
      if (c == '%') {
        return ParameterEntityRefused(in_.substr(p + 1, NameLength(in_, p + 1)));
      }
      if (At(p, "<!--") || At(p, "<?")) {
        const std::string_view terminator = in_[p + 1] == '?' ? "?>" : "-->";
        const size_t close = in_.find(terminator, p + 2);
        if (close == std::string_view::npos) return Unterminated(doctype_start);
        p = close + terminator.size();
      } else if (AtIgnoreCase(p, "<!ENTITY") && p + 8 < n && IsXmlSpace(in_[p + 8])) {
        RETURN_IF_ERROR(EntityDeclaration(p, doctype_start));
      } else if (At(p, "<![")) {
        RETURN_IF_ERROR(ConditionalSection(p, doctype_start));
      } else if (At(p, "<!")) {
        RETURN_IF_ERROR(SkipDeclaration(p + 2, p, doctype_start));
      } else {
        return Status::Corruption("malformed DOCTYPE internal subset at byte " + Offset(p));
      }
    }
  }

  // Skips from `from` past the '>' that ends a markup declaration, stepping
  // over quoted literals; refuses parameter entity references on the way.
  Status SkipDeclaration(size_t from, size_t& p, size_t doctype_start) {
    const size_t n = in_.size();
    p = from;
    while (p < n) {
      const char c = in_[p];
      if (c == '"' || c == '\'') {
        const size_t close = in_.find(c, p + 1);
        if (close == std::string_view::npos) break;
        p = close + 1;
      } else if (c == '%' && NameLength(in_, p + 1) > 0) {
        return ParameterEntityRefused(in_.substr(p + 1, NameLength(in_, p + 1)));
      } else if (c == '>') {
        ++p;
        return Status::OK();
      } else {
        ++p;
      }
    }
    return Unterminated(doctype_start);
  }

  // At "<![" (INCLUDE/IGNORE, possibly nested): skipped whole.
  Status ConditionalSection(size_t& p, size_t doctype_start) {
    const size_t keyword = SkipSpace(p + 3);
    if (keyword < in_.size() && in_[keyword] == '%') {
      return ParameterEntityRefused(in_.substr(keyword + 1, NameLength(in_, keyword + 1)));
    }
    size_t depth = 1;
    size_t i = p + 3;
    while (i < in_.size()) {
      if (At(i, "<![")) {
        ++depth;
        i += 3;
      } else if (At(i, "]]>")) {
        i += 3;
        if (--depth == 0) {
          p = i;
          return Status::OK();
        }
      } else {
        ++i;
      }
    }
    return Unterminated(doctype_start);
  }

  // Reads the quoted literal at p into *value and moves p past it.
  bool ReadQuoted(size_t& p, std::string_view* value) const {
    if (p >= in_.size() || (in_[p] != '"' && in_[p] != '\'')) return false;
    const size_t close = in_.find(in_[p], p + 1);
    if (close == std::string_view::npos) return false;
    *value = Slice(p + 1, close);
    p = close + 1;
    return true;
  }

  // At "<!ENTITY".
  Status EntityDeclaration(size_t& p, size_t doctype_start) {
    const size_t decl = p;
    auto malformed = [&] { return Status::Corruption("malformed ENTITY declaration at byte " + Offset(decl)); };
    p = SkipSpace(p + 8);
    if (p < in_.size() && in_[p] == '%') {
      const size_t name_at = SkipSpace(p + 1);
      return ParameterEntityRefused(in_.substr(name_at, NameLength(in_, name_at)));
    }
    const size_t name_len = NameLength(in_, p);
    if (name_len == 0) return malformed();
    const std::string_view name = in_.substr(p, name_len);
    p = SkipSpace(p + name_len);
    if (p >= in_.size()) return Unterminated(doctype_start);

    std::string_view literal;
    if (ReadQuoted(p, &literal)) {
      std::string replacement;
      RETURN_IF_ERROR(InternalReplacement(name, literal, &replacement));
      if (!IsPredefinedEntity(name)) internal_entities_.try_emplace(std::string(name), std::move(replacement));
      return SkipDeclaration(p, p, doctype_start);
    }

    std::string external;
    if (AtWord(p, "SYSTEM")) {
      p = SkipSpace(p + 6);
      if (!ReadQuoted(p, &literal)) return malformed();
      external = "SYSTEM " + Quoted(literal);
    } else if (AtWord(p, "PUBLIC")) {
      p = SkipSpace(p + 6);
      if (!ReadQuoted(p, &literal)) return malformed();
      external = "PUBLIC " + Quoted(literal);
      p = SkipSpace(p);
      if (ReadQuoted(p, &literal)) external += " " + Quoted(literal);
    } else {
      return malformed();
    }
    p = SkipSpace(p);
    if (!AtWord(p, "NDATA")) {
      return Status::Unsupported("external entity '" + Clip(name) + "' refused (" + external +
                                 "): external entities are never resolved");
    }
    return SkipDeclaration(p + 5, p, doctype_start);
  }

  // The text an internal entity expands to, escaped so that it reads as
  // character data in content and in attribute values. Refuses references to
  // other entities, the building block of billion-laughs bombs.
  static Status InternalReplacement(std::string_view name, std::string_view literal, std::string* out) {
    out->reserve(literal.size());
    for (size_t i = 0; i < literal.size(); ++i) {
      const char c = literal[i];
      if (c == '&') {
        size_t end = 0;
        if (i + 1 < literal.size() && literal[i + 1] == '#') {
          const CharRef ref = ParseCharRef(literal, i, &end);
          if (ref == CharRef::kValid) {
            AppendCharRef(*out, literal.substr(i, end - i));
            i = end - 1;
            continue;
          }
          if (ref == CharRef::kInvalid) {
            out->append(kReplacementChar);
            i = end - 1;
            continue;
          }
        } else {
          const size_t len = NameLength(literal, i + 1);
          if (len > 0 && i + 1 + len < literal.size() && literal[i + 1 + len] == ';') {
            const std::string_view ref = literal.substr(i + 1, len);
            if (!IsPredefinedEntity(ref)) {
              return Status::Unsupported("nested entity '" + Clip(name) +
                                         "' refused: entity expansion (billion laughs) is not allowed");
            }
            out->append(literal.substr(i, len + 2));
            i += len + 1;
            continue;
          }
        }
        out->append("&amp;");
      } else if (c == '%' && NameLength(literal, i + 1) > 0) {
        return ParameterEntityRefused(literal.substr(i + 1, NameLength(literal, i + 1)));
      } else if (c == '<') {
        out->append("&lt;");
      } else if (c == '"') {
        out->append("&quot;");
      } else if (c == '\'') {
        out->append("&apos;");
      } else if (c == '\0') {
        out->append(kReplacementChar);
      } else {
        out->push_back(c);
      }
    }
    return Status::OK();
  }

  std::string_view in_;
  size_t base_;
  size_t pos_ = 0;
  size_t budget_;  // bytes internal entity expansion may still add
  std::string out_;
  int repairs_ = 0;
  int unknown_entities_ = 0;
  std::map<std::string, std::string, std::less<>> internal_entities_;
};

}  // namespace

Result<PreparedXml> PrepareXml(std::string_view raw) {
  size_t base = 0;
  if (raw.substr(0, 3) == "\xEF\xBB\xBF") {
    raw.remove_prefix(3);
    base = 3;
  }
  if (raw.size() >= 2 && ((raw[0] == '\xFF' && raw[1] == '\xFE') || (raw[0] == '\xFE' && raw[1] == '\xFF') ||
                          (raw[0] == '\0' && raw[1] == '<') || (raw[0] == '<' && raw[1] == '\0'))) {
    return Status::Unsupported("UTF-16/UTF-32 documents are not supported: convert to UTF-8 first");
  }
  std::optional<XmlDecl> decl = ParseXmlDecl(raw);
  const std::string_view label =
      decl && decl->has_encoding() ? raw.substr(decl->encoding_begin, decl->encoding_end - decl->encoding_begin) : "UTF-8";
  const Encoding encoding = ClassifyEncoding(label);

  const size_t bad = FirstInvalidUtf8(raw);
  if (bad == std::string_view::npos) return Preparer(raw, base).Run(decl);
  if (encoding == Encoding::kSingleByte) {
    const std::string utf8 = TranscodeWindows1252(raw);
    return Preparer(utf8, 0).Run(ParseXmlDecl(utf8));
  }
  if (encoding == Encoding::kOther) {
    return Status::Unsupported("encoding '" + Printable(label) +
                               "' is not supported (only UTF-8 and ISO-8859-1): bytes are not UTF-8 at byte " +
                               std::to_string(bad + base));
  }
  return Status::Corruption("invalid UTF-8 at byte " + std::to_string(bad + base));
}

}  // namespace patnav
