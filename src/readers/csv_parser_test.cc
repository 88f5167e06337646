// Tests of the streaming CSV parser, encoding detection, the JSONL line
// reader and script-based language detection.
#include "readers/csv_parser.h"

#include <cstring>

#include <gtest/gtest.h>

#include "readers/line_reader.h"
#include "readers/script_language.h"
#include "readers/text_encoding.h"

namespace patnav {
namespace {

// Hands out its data `step` bytes at a time, to cross every chunk boundary.
class TrickleSource : public ByteSource {
 public:
  TrickleSource(std::string data, size_t step) : data_(std::move(data)), step_(step) {}
  Result<size_t> Read(char* buf, size_t n) override {
    size_t k = std::min({n, step_, data_.size() - pos_});
    std::memcpy(buf, data_.data() + pos_, k);
    pos_ += k;
    return k;
  }
  const std::string& label() const override { return label_; }

 private:
  std::string data_;
  size_t step_;
  size_t pos_ = 0;
  std::string label_ = "trickle";
};

class FailingSource : public ByteSource {
 public:
  Result<size_t> Read(char*, size_t) override { return Status::IOError("disk on fire"); }
  const std::string& label() const override { return label_; }

 private:
  std::string label_ = "failing";
};

std::vector<CsvRow> ParseAll(ByteSource& src, CsvOptions options = {}) {
  CsvParser parser(src, options);
  std::vector<CsvRow> rows;
  CsvRow row;
  for (;;) {
    Result<bool> more = parser.Next(row);
    EXPECT_TRUE(more.ok()) << more.status().ToString();
    if (!more.ok() || !*more) break;
    rows.push_back(row);
  }
  return rows;
}

std::vector<CsvRow> ParseAll(std::string_view text, CsvOptions options = {}) {
  auto src = NewStringSource(text, "t.csv");
  return ParseAll(*src, options);
}

using Fields = std::vector<std::string>;

TEST(CsvParser, QuotesEscapesAndEmbeddedNewlines) {
  auto rows = ParseAll("a,b,c\n1,\"x, \"\"y\"\"\",3\n2,\"line1\nline2\",\n4,,\"\"\n");
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[0].fields, (Fields{"a", "b", "c"}));
  EXPECT_EQ(rows[1].fields, (Fields{"1", "x, \"y\"", "3"}));
  EXPECT_EQ(rows[2].fields, (Fields{"2", "line1\nline2", ""}));
  EXPECT_EQ(rows[3].fields, (Fields{"4", "", ""}));
  EXPECT_EQ(rows[0].line, 1);
  EXPECT_EQ(rows[1].line, 2);
  EXPECT_EQ(rows[2].line, 3);
  EXPECT_EQ(rows[3].line, 5);  // the quoted field spanned lines 3-4
  for (const auto& r : rows) EXPECT_EQ(r.error, "");
}

TEST(CsvParser, CrlfBomBlankLinesAndNoFinalNewline) {
  auto rows = ParseAll("\xEF\xBB\xBFid,name\r\n\r\n\"1\",one\r\n2,two");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].fields, (Fields{"id", "name"}));
  EXPECT_EQ(rows[1].fields, (Fields{"1", "one"}));
  EXPECT_EQ(rows[1].line, 3);
  EXPECT_EQ(rows[2].fields, (Fields{"2", "two"}));
  EXPECT_EQ(rows[2].line, 4);
}

TEST(CsvParser, DelimiterFromHeader) {
  EXPECT_EQ(DetectDelimiter("a\tb\tc\n1,2\t3"), '\t');
  EXPECT_EQ(DetectDelimiter("a,b\tc,d\n"), ',');
  EXPECT_EQ(DetectDelimiter("\"x\ty\",b\n"), ',');  // tabs inside quotes do not count
  auto rows = ParseAll("a\tb\n\"1,5\"\t2\n");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[1].fields, (Fields{"1,5", "2"}));
  auto forced = ParseAll("a\tb,c\n", CsvOptions{.delimiter = ','});
  EXPECT_EQ(forced[0].fields, (Fields{"a\tb", "c"}));
}

TEST(CsvParser, LenientAboutStrayQuotes) {
  auto rows = ParseAll("ab\"c,\"d\"e,f\n");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].fields, (Fields{"ab\"c", "de", "f"}));
  EXPECT_EQ(rows[0].error, "");
}

TEST(CsvParser, UnterminatedQuoteAtEndResynchronisesAtNextLine) {
  auto rows = ParseAll("h1,h2\n1,\"open\n2,b\n3,c\n");
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[1].line, 2);
  EXPECT_EQ(rows[1].error, "unterminated quote in column 2");
  EXPECT_EQ(rows[2].fields, (Fields{"2", "b"}));
  EXPECT_EQ(rows[2].line, 3);
  EXPECT_EQ(rows[3].fields, (Fields{"3", "c"}));
  EXPECT_EQ(rows[3].line, 4);
}

TEST(CsvParser, OverlongFieldIsAnErrorForItsRow) {
  std::string big(100, 'x');
  auto rows = ParseAll("a,b\n1," + big + "\n2,ok\n", CsvOptions{.delimiter = ',', .max_field_bytes = 50});
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[1].line, 2);
  EXPECT_NE(rows[1].error.find("field over"), std::string::npos) << rows[1].error;
  EXPECT_NE(rows[1].error.find("column 2"), std::string::npos) << rows[1].error;
  EXPECT_EQ(rows[2].fields, (Fields{"2", "ok"}));
  EXPECT_EQ(rows[2].line, 3);
}

TEST(CsvParser, OverlongQuotedFieldResynchronisesInsideIt) {
  // The runaway field's own lines come back as rows: the reader rejects them
  // by column count; what matters is that parsing goes on.
  std::string text = "a,b\n1,\"" + std::string(60, 'x') + "\nmore\",x\n2,ok\n";
  auto rows = ParseAll(text, CsvOptions{.delimiter = ',', .max_field_bytes = 50});
  ASSERT_GE(rows.size(), 3u);
  EXPECT_NE(rows[1].error.find("field over"), std::string::npos);
  EXPECT_EQ(rows.back().fields, (Fields{"2", "ok"}));
  EXPECT_EQ(rows.back().line, 4);
}

TEST(CsvParser, AfterManyResyncsQuotedFieldsEndAtTheirLine) {
  // Eight overlong fields make eight resyncs; from then on a quoted field may
  // not span lines, which bounds the rescanning a hostile input can cause.
  std::string text = "h1,h2\n";
  for (int i = 0; i < 8; ++i) text += "a," + std::string(60, 'x') + "\n";
  text += "b,\"line1\nline2\"\nc,d\n";
  auto rows = ParseAll(text, CsvOptions{.delimiter = ',', .max_field_bytes = 50});
  ASSERT_EQ(rows.size(), 12u);
  for (int i = 1; i <= 8; ++i) EXPECT_NE(rows[i].error.find("field over"), std::string::npos);
  EXPECT_EQ(rows[9].line, 10);
  EXPECT_EQ(rows[9].error, "unterminated quote in column 2");
  EXPECT_EQ(rows[10].line, 11);
  EXPECT_EQ(rows[10].fields, (Fields{"line2\""}));
  EXPECT_EQ(rows[11].fields, (Fields{"c", "d"}));
  EXPECT_EQ(rows[11].line, 12);
}

TEST(CsvParser, InvalidUtf8NamesItsColumn) {
  auto rows = ParseAll("a,b,c\n1,caf\xE9,3\n2,ok,\xE4\xB8\xAD\n");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[1].error, "invalid UTF-8 in column 2");
  EXPECT_EQ(rows[2].error, "");
  EXPECT_EQ(rows[2].fields[2], "中");
}

TEST(CsvParser, SameRowsWhateverTheChunking) {
  std::string text = "\xEF\xBB\xBFh1,h2\r\n\"a\r\nb\",\"c\"\"d\"\r\n中文,\"x\"\r\n";
  auto whole = ParseAll(text);
  for (size_t step : {1, 2, 3, 7}) {
    TrickleSource src(text, step);
    auto rows = ParseAll(src);
    ASSERT_EQ(rows.size(), whole.size()) << "step " << step;
    for (size_t i = 0; i < rows.size(); ++i) {
      EXPECT_EQ(rows[i].fields, whole[i].fields) << "step " << step;
      EXPECT_EQ(rows[i].line, whole[i].line) << "step " << step;
    }
  }
  EXPECT_EQ(whole[1].fields, (Fields{"a\r\nb", "c\"d"}));
  EXPECT_EQ(whole[2].line, 4);
}

TEST(CsvParser, IoErrorIsReturned) {
  FailingSource src;
  CsvParser parser(src);
  CsvRow row;
  Result<bool> more = parser.Next(row);
  ASSERT_FALSE(more.ok());
  EXPECT_EQ(more.status().code(), StatusCode::kIOError);
}

TEST(TextEncoding, DetectsGb18030AndTranscodes) {
  std::string gbk = "\xC9\xEA\xC7\xEB\xBA\xC5,\xC3\xFB\xB3\xC6\n1,\xB5\xE7\xB3\xD8\n";  // 申请号,名称 / 1,电池
  EXPECT_TRUE(LooksLikeGb18030(gbk));
  EXPECT_EQ(HeadAsUtf8(gbk), "申请号,名称\n1,电池\n");
  auto rows = ParseAll(gbk);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].fields, (Fields{"申请号", "名称"}));
  EXPECT_EQ(rows[1].fields, (Fields{"1", "电池"}));
  for (size_t step : {1, 5}) {
    TrickleSource src(gbk, step);
    auto trickled = ParseAll(src);
    ASSERT_EQ(trickled.size(), 2u);
    EXPECT_EQ(trickled[1].fields[1], "电池");
  }
}

TEST(TextEncoding, Utf8AndLatin1AreNotGb18030) {
  EXPECT_FALSE(LooksLikeGb18030("申请号,名称\n"));
  EXPECT_FALSE(LooksLikeGb18030("plain ascii\n"));
  EXPECT_FALSE(LooksLikeGb18030("caf\xE9 cr\xE8me br\xFBl\xE9\x65,Gen\xE8ve\n"));  // Latin-1
  EXPECT_TRUE(LooksLikeGb18030("\xB5\xE7\xB3\xD8"));
  // A UTF-8 head cut inside a character is still UTF-8, and so is UTF-8
  // with one stray GBK character.
  EXPECT_FALSE(LooksLikeGb18030(std::string("申请号") + "\xE5\x90"));
  EXPECT_FALSE(LooksLikeGb18030("申请号,名称\n1,电池包散热结构\n2,\xB5\xE7\n"));
}

TEST(TextEncoding, UndecodableGbBytesRejectOnlyTheirRow) {
  // 申请号,名称 / 1,电池包散热结构 / 2,<bad> / 3,锂离子电池
  std::string gbk =
      "\xC9\xEA\xC7\xEB\xBA\xC5,\xC3\xFB\xB3\xC6\n"
      "1,\xB5\xE7\xB3\xD8\xB0\xFC\xC9\xA2\xC8\xC8\xBD\xE1\xB9\xB9\n"
      "2,\xB5\xFF\n"
      "3,\xEF\xAE\xC0\xEB\xD7\xD3\xB5\xE7\xB3\xD8\n";
  EXPECT_TRUE(LooksLikeGb18030(gbk));
  auto rows = ParseAll(gbk);
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[1].error, "");
  EXPECT_EQ(rows[1].fields[1], "电池包散热结构");
  EXPECT_EQ(rows[2].error, "invalid UTF-8 in column 2");
  EXPECT_EQ(rows[3].error, "");
  EXPECT_EQ(rows[3].fields[1], "锂离子电池");
}

TEST(LineReader, LinesWithNumbersSkippingBlanks) {
  auto src = NewStringSource("\xEF\xBB\xBF{\"a\":1}\r\n\n   \n{\"b\":2}", "x.jsonl");
  LineReader reader(*src);
  TextLine line;
  ASSERT_TRUE(*reader.Next(line));
  EXPECT_EQ(line.text, "{\"a\":1}");
  EXPECT_EQ(line.number, 1);
  ASSERT_TRUE(*reader.Next(line));
  EXPECT_EQ(line.text, "{\"b\":2}");
  EXPECT_EQ(line.number, 4);
  EXPECT_FALSE(*reader.Next(line));
}

TEST(LineReader, OverlongLineIsFlaggedAndSkipped) {
  std::string text = "short\n" + std::string(200, 'x') + "\nafter\n";
  TrickleSource src(text, 16);
  LineReader reader(src, 50);
  TextLine line;
  ASSERT_TRUE(*reader.Next(line));
  EXPECT_EQ(line.text, "short");
  ASSERT_TRUE(*reader.Next(line));
  EXPECT_TRUE(line.too_long);
  EXPECT_EQ(line.number, 2);
  ASSERT_TRUE(*reader.Next(line));
  EXPECT_FALSE(line.too_long);
  EXPECT_EQ(line.text, "after");
  EXPECT_EQ(line.number, 3);
  EXPECT_FALSE(*reader.Next(line));
}

TEST(ScriptLanguage, FromScript) {
  EXPECT_EQ(LanguageFromScript("一种锂离子电池"), "zh");
  EXPECT_EQ(LanguageFromScript("リチウムイオン電池"), "ja");
  EXPECT_EQ(LanguageFromScript("리튬 이온 전지"), "ko");
  EXPECT_EQ(LanguageFromScript("Литий-ионный аккумулятор"), "ru");
  EXPECT_EQ(LanguageFromScript("Human antibodies that bind human TNFα"), "en");
  EXPECT_EQ(LanguageFromScript(""), "en");
}

}  // namespace
}  // namespace patnav
