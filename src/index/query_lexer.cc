// Query lexer: one pass over the code points, counting columns.
#include "index/query_lexer.h"

#include "base/strings.h"
#include "base/utf8.h"

namespace patnav::index {

namespace {

// Decodes the code point at s[i] and advances i. REQUIRES: valid UTF-8.
char32_t Next(std::string_view s, size_t& i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  int len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  char32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
  for (int k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  i += len;
  return cp;
}

bool IsSpace(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == 0xA0 ||
         (c >= 0x2000 && c <= 0x200A) || c == 0x3000;
}
bool IsQuote(char32_t c) { return c == '"' || c == 0x201C || c == 0x201D; }
bool IsSpecial(char32_t c) {
  return IsQuote(c) || c == '(' || c == ')' || c == '[' || c == ']' || c == '=' || c == '<' || c == '>' ||
         c == 0xFF08 || c == 0xFF09 || c == 0xFF3B || c == 0xFF3D || c == 0xFF1D;
}

std::string At(int column) { return " at column " + std::to_string(column); }

class Lexer {
 public:
  explicit Lexer(std::string_view s) : s_(s) {}

  Result<std::vector<QueryToken>> Run() {
    std::vector<QueryToken> out;
    while (pos_ < s_.size()) {
      size_t start = pos_;
      int col = column_;
      char32_t c = Advance();
      if (IsSpace(c)) continue;
      QueryToken t;
      t.column = col;
      if (IsQuote(c)) {
        const size_t text_start = pos_;
        for (;;) {
          if (pos_ >= s_.size()) return Status::InvalidArgument("unterminated phrase starting" + At(col));
          const size_t before = pos_;
          if (IsQuote(Advance())) {
            t.text = std::string(s_.substr(text_start, before - text_start));
            break;
          }
        }
        t.kind = QueryTokenKind::kPhrase;
      } else if (c == '(' || c == 0xFF08) {
        t.kind = QueryTokenKind::kLParen;
      } else if (c == ')' || c == 0xFF09) {
        t.kind = QueryTokenKind::kRParen;
      } else if (c == '[' || c == 0xFF3B) {
        t.kind = QueryTokenKind::kLBracket;
      } else if (c == ']' || c == 0xFF3D) {
        t.kind = QueryTokenKind::kRBracket;
      } else if (c == '=' || c == 0xFF1D) {
        t.kind = QueryTokenKind::kEq;
      } else if (c == '>' || c == '<') {
        bool eq = pos_ < s_.size() && s_[pos_] == '=';
        if (eq) Advance();
        if (c == '>') t.kind = eq ? QueryTokenKind::kGe : QueryTokenKind::kGt;
        else t.kind = eq ? QueryTokenKind::kLe : QueryTokenKind::kLt;
      } else {
        while (pos_ < s_.size()) {
          size_t save = pos_;
          int save_col = column_;
          char32_t d = Advance();
          if (IsSpace(d) || IsSpecial(d)) {
            pos_ = save;
            column_ = save_col;
            break;
          }
        }
        t.kind = QueryTokenKind::kWord;
      }
      if (t.kind != QueryTokenKind::kPhrase) t.text = std::string(s_.substr(start, pos_ - start));
      if (t.kind == QueryTokenKind::kWord) RETURN_IF_ERROR(ClassifyWord(t));
      out.push_back(std::move(t));
    }
    QueryToken end;
    end.kind = QueryTokenKind::kEnd;
    end.column = column_;
    out.push_back(std::move(end));
    return out;
  }

 private:
  char32_t Advance() {
    ++column_;
    return Next(s_, pos_);
  }

  // Turns a word token into an operator when it is spelled as one.
  Status ClassifyWord(QueryToken& t) {
    std::string_view word = t.text;
    if (IEquals(word, "AND")) t.kind = QueryTokenKind::kAnd;
    else if (IEquals(word, "OR")) t.kind = QueryTokenKind::kOr;
    else if (IEquals(word, "NOT")) t.kind = QueryTokenKind::kNot;
    else if (word.size() >= 5 && IEquals(word.substr(0, 5), "NEAR/")) {
      std::string_view digits = word.substr(5);
      if (!IsAsciiDigits(digits))
        return Status::InvalidArgument("syntax error" + At(t.column) + ": expected a number after 'NEAR/', found '" +
                                       std::string(word) + "'");
      long n = 0;
      for (char d : digits) {
        n = n * 10 + (d - '0');
        if (n > kMaxNearDistance) break;
      }
      if (n < 1 || n > kMaxNearDistance)
        return Status::InvalidArgument("NEAR distance" + At(t.column) + " must be between 1 and " +
                                       std::to_string(kMaxNearDistance) + ", found " + std::string(digits));
      t.kind = QueryTokenKind::kNear;
      t.distance = static_cast<int>(n);
    }
    return Status::OK();
  }

  std::string_view s_;
  size_t pos_ = 0;
  int column_ = 1;
};

}  // namespace

Result<std::vector<QueryToken>> TokenizeQuery(std::string_view query, const QueryLimits& limits) {
  if (size_t bad = FindInvalidUtf8(query); bad != std::string_view::npos)
    return Status::InvalidArgument("query is not valid UTF-8 (byte " + std::to_string(bad + 1) + ")");
  if (size_t n = CountCodePoints(query); n > limits.max_length)
    return Status::InvalidArgument("query too long: " + std::to_string(n) + " characters (limit " +
                                   std::to_string(limits.max_length) + ")");
  return Lexer(query).Run();
}

std::string DescribeToken(const QueryToken& token) {
  switch (token.kind) {
    case QueryTokenKind::kEnd:
      return "end of query";
    case QueryTokenKind::kPhrase:
      return "'\"" + token.text + "\"'";
    default:
      return "'" + token.text + "'";
  }
}

}  // namespace patnav::index
