// Tests of the Excel workbook reader: workbooks the tests write with
// libxlsxwriter in the layouts Chinese tools export (Chinese headers, a title
// row, merged header cells, dates as serials, several sheets), and bad input
// (encrypted, corrupt, zip bomb, no header, an external entity).
#include <cstring>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <xlsxwriter.h>
#include <zip.h>

#include "readers/collecting_sink_testing.h"
#include "readers/input_files.h"
#include "readers/reader.h"
#include "readers/table_record_builder.h"
#include "readers/workbook_package.h"
#include "readers/workbook_reader.h"
#include "readers/xls_workbook.h"
#include "readers/xlsx_sheet.h"
#include "testing.h"

namespace patnav {
namespace {

namespace fs = std::filesystem;
using testing::CollectingSink;
using testing::ReadFile;
using testing::ScratchDir;
using testing::WriteFile;

// Reads `bytes` with the reader detection picks; `status` gets Read's result.
CollectingSink ReadBytes(const std::string& bytes, const std::string& label, Status* status = nullptr,
                         const ReaderOptions& options = {}, const WorkbookLimits* limits = nullptr) {
  CollectingSink sink;
  std::unique_ptr<Reader> reader;
  if (limits) {
    reader = NewWorkbookReader(options, *limits);
  } else {
    Result<std::unique_ptr<Reader>> detected = DetectReader(std::string_view(bytes).substr(0, 65536), options);
    EXPECT_TRUE(detected.ok()) << detected.status().ToString();
    if (!detected.ok()) return sink;
    reader = std::move(*detected);
  }
  auto src = NewStringSource(bytes, label);
  Status st = reader->Read(*src, sink);
  if (status) *status = st;
  else EXPECT_TRUE(st.ok()) << st.ToString();
  return sink;
}

const PatentRecord* Find(const CollectingSink& s, std::string_view pn) {
  for (const auto& r : s.records)
    if (r.publication_number == pn) return &r;
  return nullptr;
}

// A zip of the given parts (name -> content), deflated, as bytes.
std::string MakeZip(const fs::path& path, const std::map<std::string, std::string>& parts) {
  int err = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
  EXPECT_NE(z, nullptr);
  for (const auto& [name, content] : parts) {
    zip_source_t* src = zip_source_buffer(z, content.data(), content.size(), 0);
    zip_file_add(z, name.c_str(), src, ZIP_FL_OVERWRITE);
  }
  EXPECT_EQ(zip_close(z), 0);
  return ReadFile(path);
}

const char* kWorkbookXml =
    R"(<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>)";
const char* kRelsXml =
    R"(<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>)";

std::string SheetXml(const std::string& sheet_data) {
  return R"(<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>)" +
         sheet_data + "</sheetData></worksheet>";
}

// An export as PatSnap and incoPat write it: a title row merged over the
// table, the header, dates in a date format and as bare serials.
fs::path WriteChineseExport(const ScratchDir& dir, bool constant_memory) {
  fs::path path = dir.path() / (constant_memory ? "inline.xlsx" : "export.xlsx");
  lxw_workbook_options opts{};
  opts.constant_memory = constant_memory;
  lxw_workbook* wb = workbook_new_opt(path.c_str(), &opts);
  lxw_worksheet* ws = workbook_add_worksheet(wb, "检索结果");
  lxw_format* date = workbook_add_format(wb);
  format_set_num_format(date, "yyyy\"年\"m\"月\"d\"日\"");
  worksheet_merge_range(ws, 0, 0, 0, 5, "专利检索结果（导出于 2024-05-01）", nullptr);
  const char* header[] = {"公开（公告）号", "标题", "申请(专利权)人", "申请日", "公开(公告)日", "法律状态"};
  for (int c = 0; c < 6; ++c) worksheet_write_string(ws, 1, c, header[c], nullptr);
  worksheet_write_string(ws, 2, 0, "CN112345678A", nullptr);
  worksheet_write_string(ws, 2, 1, "一种锂离子电池的负极材料", nullptr);
  worksheet_write_string(ws, 2, 2, "宁德时代新能源科技股份有限公司；比亚迪股份有限公司", nullptr);
  lxw_datetime filed = {2020, 3, 5, 0, 0, 0};
  worksheet_write_datetime(ws, 2, 3, &filed, date);
  worksheet_write_number(ws, 2, 4, 44000, nullptr);  // 2020-06-18, a bare serial
  worksheet_write_string(ws, 2, 5, "实质审查", nullptr);
  worksheet_write_string(ws, 3, 0, "CN108765432B", nullptr);
  worksheet_write_string(ws, 3, 1, "一种图像识别方法", nullptr);
  worksheet_write_string(ws, 3, 2, "华为技术有限公司", nullptr);
  lxw_datetime filed2 = {2018, 7, 1, 0, 0, 0};
  worksheet_write_datetime(ws, 3, 3, &filed2, date);
  worksheet_write_string(ws, 3, 4, "2021-02-09", nullptr);
  worksheet_write_string(ws, 3, 5, "2021-02-09 授权", nullptr);
  worksheet_write_string(ws, 4, 0, "不是号码", nullptr);
  worksheet_write_string(ws, 4, 1, "坏行", nullptr);
  EXPECT_EQ(workbook_close(wb), LXW_NO_ERROR);
  return path;
}

void ExpectChineseExport(const CollectingSink& sink, const std::string& label,
                         const std::string& format = "xlsx-mapped") {
  ASSERT_EQ(sink.records.size(), 2u);
  const PatentRecord* a = Find(sink, "CN112345678A");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->title.at("zh"), "一种锂离子电池的负极材料");
  ASSERT_EQ(a->applicants.size(), 2u);
  EXPECT_EQ(a->applicants[1].name, "比亚迪股份有限公司");
  EXPECT_EQ(a->filing_date, "2020-03-05");
  EXPECT_EQ(a->publication_date, "2020-06-18");
  EXPECT_EQ(a->source.format, format);
  EXPECT_EQ(a->source.file, label + "!检索结果");
  EXPECT_EQ(a->source.doc_index, 3);  // the worksheet row
  const PatentRecord* b = Find(sink, "CN108765432B");
  ASSERT_NE(b, nullptr);
  EXPECT_EQ(b->filing_date, "2018-07-01");
  EXPECT_EQ(b->publication_date, "2021-02-09");
  bool granted = false;
  for (const auto& e : sink.events) granted |= e.subject == LegalSubject("CN", "108765432") && e.event_date == "2021-02-09";
  EXPECT_TRUE(granted) << "the 法律状态 cell gives a grant event";
  ASSERT_EQ(sink.rejections.size(), 1u);
  EXPECT_EQ(sink.rejections[0].doc_index, 5);
  EXPECT_EQ(sink.rejections[0].file, label + "!检索结果");
}

TEST(WorkbookReader, ChineseExportWithTitleRowDatesAndSharedStrings) {
  ScratchDir dir;
  fs::path path = WriteChineseExport(dir, false);
  CollectingSink sink = ReadBytes(ReadFile(path), "export.xlsx");
  ExpectChineseExport(sink, "export.xlsx");
}

TEST(WorkbookReader, InlineStringsReadTheSame) {
  ScratchDir dir;
  fs::path path = WriteChineseExport(dir, true);  // constant memory: inline strings
  std::string bytes = ReadFile(path);
  CollectingSink sink = ReadBytes(bytes, "inline.xlsx");
  ExpectChineseExport(sink, "inline.xlsx");
}

TEST(WorkbookReader, MergedHeaderCellsNameTheirColumns) {
  ScratchDir dir;
  fs::path path = dir.path() / "merged.xlsx";
  lxw_workbook* wb = workbook_new(path.c_str());
  lxw_worksheet* ws = workbook_add_worksheet(wb, nullptr);
  worksheet_merge_range(ws, 0, 0, 1, 0, "公开号", nullptr);  // over both header rows
  worksheet_merge_range(ws, 0, 1, 0, 2, "基本信息", nullptr);
  worksheet_merge_range(ws, 0, 3, 1, 3, "申请人", nullptr);
  worksheet_write_string(ws, 1, 1, "名称", nullptr);
  worksheet_write_string(ws, 1, 2, "申请日", nullptr);
  worksheet_write_string(ws, 2, 0, "CN1234567A", nullptr);
  worksheet_write_string(ws, 2, 1, "一种阀门", nullptr);
  worksheet_write_string(ws, 2, 2, "2001.05.06", nullptr);
  worksheet_write_string(ws, 2, 3, "浙江大学", nullptr);
  ASSERT_EQ(workbook_close(wb), LXW_NO_ERROR);
  CollectingSink sink = ReadBytes(ReadFile(path), "merged.xlsx");
  ASSERT_EQ(sink.records.size(), 1u) << (sink.rejections.empty() ? "" : sink.rejections[0].reason);
  const PatentRecord& r = sink.records[0];
  EXPECT_EQ(r.publication_number, "CN1234567A");
  EXPECT_EQ(r.filing_date, "2001-05-06");
  ASSERT_EQ(r.applicants.size(), 1u);
  EXPECT_EQ(r.applicants[0].name, "浙江大学");
}

TEST(WorkbookReader, EverySheetWithAHeaderIsReadOthersAreSkippedWithAWarning) {
  ScratchDir dir;
  fs::path path = dir.path() / "sheets.xlsx";
  lxw_workbook* wb = workbook_new(path.c_str());
  lxw_worksheet* query = workbook_add_worksheet(wb, "检索条件");
  worksheet_write_string(query, 0, 0, "检索式", nullptr);
  worksheet_write_string(query, 0, 1, "TAC=(电池)", nullptr);
  lxw_worksheet* en = workbook_add_worksheet(wb, "Results");
  const char* header[] = {"Publication Number", "Title", "Applicants", "Publication Date"};
  for (int c = 0; c < 4; ++c) worksheet_write_string(en, 0, c, header[c], nullptr);
  worksheet_write_string(en, 1, 0, "US8927118B2", nullptr);
  worksheet_write_string(en, 1, 1, "Stacked battery", nullptr);
  worksheet_write_string(en, 1, 2, "APPLE INC.", nullptr);
  worksheet_write_string(en, 1, 3, "2015-01-06", nullptr);
  lxw_worksheet* zh = workbook_add_worksheet(wb, "中文");
  const char* zh_header[] = {"公开号", "名称", "申请人"};
  for (int c = 0; c < 3; ++c) worksheet_write_string(zh, 0, c, zh_header[c], nullptr);
  worksheet_write_string(zh, 1, 0, "CN1234567A", nullptr);
  worksheet_write_string(zh, 1, 1, "一种阀门", nullptr);
  worksheet_write_string(zh, 1, 2, "浙江大学", nullptr);
  ASSERT_EQ(workbook_close(wb), LXW_NO_ERROR);
  CollectingSink sink = ReadBytes(ReadFile(path), "sheets.xlsx");
  ASSERT_EQ(sink.records.size(), 2u);
  EXPECT_NE(Find(sink, "US8927118B2"), nullptr);
  EXPECT_EQ(Find(sink, "US8927118B2")->source.file, "sheets.xlsx!Results");
  EXPECT_NE(Find(sink, "CN1234567A"), nullptr);
  ASSERT_EQ(sink.warnings.size(), 1u);
  EXPECT_NE(sink.warnings[0].reason.find("检索条件"), std::string::npos);
}

TEST(WorkbookReader, MappingFileAppliesToWorkbooks) {
  ScratchDir dir;
  fs::path path = dir.path() / "custom.xlsx";
  lxw_workbook* wb = workbook_new(path.c_str());
  lxw_worksheet* ws = workbook_add_worksheet(wb, "内部台账");
  worksheet_write_string(ws, 0, 0, "专利编号", nullptr);
  worksheet_write_string(ws, 0, 1, "项目名", nullptr);
  worksheet_write_string(ws, 1, 0, "CN1234567A", nullptr);
  worksheet_write_string(ws, 1, 1, "一种阀门", nullptr);
  ASSERT_EQ(workbook_close(wb), LXW_NO_ERROR);
  fs::path mapping = dir.path() / "mapping.json";
  WriteFile(mapping, R"({"columns": {"专利编号": "publication_number", "项目名": "title"}})");
  Status st;
  CollectingSink none = ReadBytes(ReadFile(path), "custom.xlsx", &st);
  EXPECT_EQ(st.code(), StatusCode::kNotFound);
  EXPECT_NE(st.message().find("custom.xlsx"), std::string::npos) << st.message();
  EXPECT_NE(st.message().find("内部台账"), std::string::npos) << st.message();
  EXPECT_TRUE(none.records.empty());
  CollectingSink sink = ReadBytes(ReadFile(path), "custom.xlsx", nullptr, ReaderOptions{mapping.string()});
  ASSERT_EQ(sink.records.size(), 1u);
  EXPECT_EQ(sink.records[0].title.at("zh"), "一种阀门");
}

TEST(WorkbookReader, NoRecognisableHeaderNamesFileAndSheets) {
  ScratchDir dir;
  fs::path path = dir.path() / "budget.xlsx";
  lxw_workbook* wb = workbook_new(path.c_str());
  lxw_worksheet* ws = workbook_add_worksheet(wb, "预算");
  worksheet_write_string(ws, 0, 0, "项目", nullptr);
  worksheet_write_string(ws, 0, 1, "金额", nullptr);
  worksheet_write_string(ws, 1, 0, "差旅", nullptr);
  worksheet_write_number(ws, 1, 1, 1200, nullptr);
  ASSERT_EQ(workbook_close(wb), LXW_NO_ERROR);
  Status st;
  CollectingSink sink = ReadBytes(ReadFile(path), "budget.xlsx", &st);
  EXPECT_EQ(st.code(), StatusCode::kNotFound);
  EXPECT_NE(st.message().find("budget.xlsx"), std::string::npos) << st.message();
  EXPECT_NE(st.message().find("'预算'"), std::string::npos) << st.message();
  EXPECT_NE(st.message().find("no recognisable header row"), std::string::npos) << st.message();
  EXPECT_TRUE(sink.records.empty());
}

TEST(WorkbookReader, CorruptZipIsAClearErrorAndNothingIsRead) {
  ScratchDir dir;
  std::string good = ReadFile(WriteChineseExport(dir, false));
  Status st;
  CollectingSink truncated = ReadBytes(good.substr(0, good.size() / 2), "cut.xlsx", &st);
  EXPECT_EQ(st.code(), StatusCode::kCorruption) << st.ToString();
  EXPECT_NE(st.message().find("cut.xlsx: corrupt workbook"), std::string::npos) << st.message();
  EXPECT_TRUE(truncated.records.empty());
  // Damage the compressed bytes of the first part, keeping the directory.
  std::string damaged = good;
  for (size_t i = 60; i < 400 && i < damaged.size(); ++i) damaged[i] = static_cast<char>(damaged[i] ^ 0x5A);
  CollectingSink bad = ReadBytes(damaged, "damaged.xlsx", &st);
  EXPECT_FALSE(st.ok());
  EXPECT_NE(st.message().find("damaged.xlsx"), std::string::npos) << st.message();
  EXPECT_TRUE(bad.records.empty());
}

TEST(WorkbookReader, ZipBombIsRefusedBeforeItInflates) {
  ScratchDir dir;
  std::string rows = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>公开号</t></is></c></row>";
  std::string bomb = SheetXml(rows + std::string(size_t{40} << 20, ' '));  // 40 MiB of spaces
  std::string bytes = MakeZip(dir.path() / "bomb.xlsx", {{"xl/workbook.xml", kWorkbookXml},
                                                        {"xl/_rels/workbook.xml.rels", kRelsXml},
                                                        {"xl/worksheets/sheet1.xml", bomb}});
  ASSERT_LT(bytes.size(), size_t{1} << 20);
  Status st;
  CollectingSink sink = ReadBytes(bytes, "bomb.xlsx", &st);
  EXPECT_EQ(st.code(), StatusCode::kResourceExhausted) << st.ToString();
  EXPECT_NE(st.message().find("bomb.xlsx"), std::string::npos);
  EXPECT_NE(st.message().find("zip bomb"), std::string::npos) << st.message();
  // The absolute cap holds too, whatever the ratio.
  WorkbookLimits small;
  small.max_part_bytes = 1 << 20;
  small.max_ratio = 1000000;
  ReadBytes(bytes, "bomb.xlsx", &st, {}, &small);
  EXPECT_EQ(st.code(), StatusCode::kResourceExhausted) << st.ToString();
  EXPECT_NE(st.message().find("inflates past 1 MiB"), std::string::npos) << st.message();
}

TEST(WorkbookReader, ExternalEntityInAPartIsRefused) {
  ScratchDir dir;
  std::string sheet = R"(<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY x SYSTEM "file:///etc/passwd">]>)"
                      R"(<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&x;</t></is></c></row></sheetData></worksheet>)";
  std::string bytes = MakeZip(dir.path() / "xxe.xlsx", {{"xl/workbook.xml", kWorkbookXml},
                                                       {"xl/_rels/workbook.xml.rels", kRelsXml},
                                                       {"xl/worksheets/sheet1.xml", sheet}});
  Status st;
  CollectingSink sink = ReadBytes(bytes, "xxe.xlsx", &st);
  EXPECT_FALSE(st.ok());
  EXPECT_NE(st.message().find("sheet 'Sheet1'"), std::string::npos) << st.message();
  EXPECT_NE(st.message().find("external"), std::string::npos) << st.message();
  EXPECT_TRUE(sink.records.empty());
}

// A minimal OLE2 compound file whose directory names the given streams (as
// Office writes an encrypted .xlsx: EncryptionInfo and EncryptedPackage).
std::string Ole2WithStreams(const std::vector<std::u16string>& names) {
  std::string file(512 * 3, '\0');
  const unsigned char magic[8] = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};
  std::memcpy(file.data(), magic, 8);
  file[0x1A] = 0x3E; file[0x1C] = static_cast<char>(0xFE); file[0x1D] = static_cast<char>(0xFF);
  file[0x1E] = 9;  // 512-byte sectors
  file[0x2C] = 1;  // one FAT sector: sector 0
  file[0x30] = 1;  // the directory starts at sector 1
  for (size_t i = 0; i < names.size() && i < 4; ++i) {
    size_t at = 512 * 2 + 128 * i;  // sector 1 begins after the 512-byte header
    for (size_t k = 0; k < names[i].size(); ++k) {
      file[at + 2 * k] = static_cast<char>(names[i][k] & 0xFF);
      file[at + 2 * k + 1] = static_cast<char>(names[i][k] >> 8);
    }
    file[at + 64] = static_cast<char>((names[i].size() + 1) * 2);
    file[at + 66] = i == 0 ? 5 : 2;  // root storage, then streams
  }
  return file;
}

TEST(WorkbookReader, EncryptedWorkbookIsRefusedWithTheReason) {
  std::string encrypted = Ole2WithStreams({u"Root Entry", u"EncryptionInfo", u"EncryptedPackage"});
  EXPECT_TRUE(Ole2HasEncryptedPackage(encrypted));
  EXPECT_FALSE(Ole2HasEncryptedPackage(Ole2WithStreams({u"Root Entry", u"Workbook"})));
  Status st;
  CollectingSink sink = ReadBytes(encrypted, "secret.xlsx", &st);
  EXPECT_EQ(st.code(), StatusCode::kUnsupported) << st.ToString();
  EXPECT_NE(st.message().find("secret.xlsx: encrypted workbook (password-protected)"), std::string::npos)
      << st.message();
  EXPECT_TRUE(sink.records.empty());
}

// A legacy .xls written by Gnumeric (tests/data/workbooks/README.md) with
// the cells of WriteChineseExport: read through libfreexl to the same records.
TEST(WorkbookReader, LegacyXlsWrittenByASpreadsheetProgram) {
  const fs::path path = testing::TestData() / "workbooks" / "chinese_export.xls";
  CollectingSink sink = ReadBytes(ReadFile(path), "chinese_export.xls");
  ASSERT_FALSE(sink.records.empty());
  ExpectChineseExport(sink, "chinese_export.xls", sink.records[0].source.format);
  EXPECT_EQ(sink.records[0].source.format, "xls-mapped");
}

TEST(WorkbookReader, UnreadableXlsIsAClearError) {
  std::string junk = Ole2WithStreams({u"Root Entry", u"Workbook"});
  junk += std::string(2048, '\x11');
  Status st;
  CollectingSink sink = ReadBytes(junk, "old.xls", &st);
  EXPECT_EQ(st.code(), StatusCode::kCorruption) << st.ToString();
  EXPECT_NE(st.message().find("old.xls: corrupt .xls workbook"), std::string::npos) << st.message();
  EXPECT_TRUE(sink.records.empty());
}

TEST(WorkbookReader, IngestKeepsAWorkbookWholeButExpandsOtherZips) {
  ScratchDir dir;
  fs::path book = WriteChineseExport(dir, false);
  MakeZip(dir.path() / "bundle.zip", {{"a.csv", "x"}, {"b.csv", "y"}});
  Result<std::vector<InputFile>> inputs = ExpandInputs({dir.path().string()});
  ASSERT_TRUE(inputs.ok()) << inputs.status().ToString();
  int members = 0, books = 0;
  for (const auto& in : *inputs) {
    members += !in.member.empty();
    books += in.member.empty() && in.path == book;
  }
  EXPECT_EQ(members, 2);
  EXPECT_EQ(books, 1);
}

TEST(ExcelDates, SerialsInBothDateSystems) {
  EXPECT_EQ(ExcelSerialToIsoDate("43831", false), "2020-01-01");
  EXPECT_EQ(ExcelSerialToIsoDate("1", false), "1900-01-01");
  EXPECT_EQ(ExcelSerialToIsoDate("59", false), "1900-02-28");
  EXPECT_EQ(ExcelSerialToIsoDate("60", false), "");  // Excel's 1900-02-29 never was
  EXPECT_EQ(ExcelSerialToIsoDate("61", false), "1900-03-01");
  EXPECT_EQ(ExcelSerialToIsoDate("43831.75", false), "2020-01-01");
  EXPECT_EQ(ExcelSerialToIsoDate("42369", true), "2020-01-01");
  EXPECT_EQ(ExcelSerialToIsoDate("20200101", false), "");  // yyyymmdd, not a serial
  EXPECT_EQ(ExcelSerialToIsoDate("-3", false), "");
  EXPECT_EQ(ExcelSerialToIsoDate("1e4", false), "");
  EXPECT_EQ(ExcelSerialToIsoDate("CN123", false), "");
}

TEST(XlsxSheet, CellTypesStylesAndMerges) {
  std::vector<std::string> shared = {"公开号", "名称"};
  std::vector<bool> date_styles = {false, true};
  XlsxSheetContext ctx{&shared, &date_styles, false};
  std::string xml = SheetXml(
      R"(<row r="2"><c r="A2" t="s"><v>0</v></c><c r="C2" t="s"><v>1</v></c></row>)"
      R"(<row r="4"><c r="A4" t="inlineStr"><is><r><t>CN</t></r><r><t>1234567A</t></r></is></c>)"
      R"(<c r="B4" s="1"><v>43831</v></c><c r="C4"><v>1.23456789012E+11</v></c><c r="D4" t="b"><v>1</v></c>)"
      R"(<c r="E4" t="e"><v>#N/A</v></c><c r="F4" t="str"><f>A4</f><v>x</v></c></row>)") ;
  xml.insert(xml.find("</worksheet>"), R"(<mergeCells count="1"><mergeCell ref="C2:D4"/></mergeCells>)");
  Result<std::vector<CsvRow>> rows = ParseXlsxSheet(xml, ctx);
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  ASSERT_EQ(rows->size(), 2u);
  EXPECT_EQ((*rows)[0].line, 2);
  EXPECT_EQ((*rows)[0].fields, (std::vector<std::string>{"公开号", "", "名称", "名称"}));
  const auto& r4 = (*rows)[1].fields;
  EXPECT_EQ((*rows)[1].line, 4);
  ASSERT_EQ(r4.size(), 6u);
  EXPECT_EQ(r4[0], "CN1234567A");
  EXPECT_EQ(r4[1], "2020-01-01");
  EXPECT_EQ(r4[2], "123456789012");  // a filled cell keeps its own value
  EXPECT_EQ(r4[3], "TRUE");
  EXPECT_EQ(r4[4], "");
  EXPECT_EQ(r4[5], "x");
  EXPECT_FALSE(ParseXlsxSheet(SheetXml(R"(<row r="3"/><row r="2"/>)"), ctx).ok());
  EXPECT_FALSE(ParseXlsxSheet(SheetXml(R"(<row r="1"><c r="ZZZZ1"><v>1</v></c></row>)"), ctx).ok());
  EXPECT_FALSE(ParseXlsxSheet("<worksheet><sheetData><row>", ctx).ok());
}

TEST(XlsxSheet, DateFormatCodes) {
  EXPECT_TRUE(IsDateFormatCode("yyyy-mm-dd"));
  EXPECT_TRUE(IsDateFormatCode("yyyy\"年\"m\"月\"d\"日\""));
  EXPECT_TRUE(IsDateFormatCode("[$-804]yyyy/m/d"));
  EXPECT_FALSE(IsDateFormatCode("h:mm:ss"));
  EXPECT_FALSE(IsDateFormatCode("0.00\"d\""));
  EXPECT_FALSE(IsDateFormatCode("#,##0"));
}

// The EPO's own code list, a workbook Excel wrote (skipped without ../shared).
TEST(WorkbookReader, RealEpoCodeListOpens) {
  PATNAV_REQUIRE_SHARED_DATA();
  fs::path path = testing::SharedData() / "legal/epo-inpadoc/legal_code_descriptions_202417.xlsx";
  if (!fs::exists(path)) GTEST_SKIP() << path << " is absent";
  Result<std::unique_ptr<WorkbookPackage>> pkg = WorkbookPackage::Open(ReadFile(path), {});
  ASSERT_TRUE(pkg.ok()) << pkg.status().ToString();
  bool date1904 = true;
  Result<std::vector<WorkbookSheetRef>> sheets = (*pkg)->Sheets(date1904);
  ASSERT_TRUE(sheets.ok()) << sheets.status().ToString();
  ASSERT_FALSE(sheets->empty());
  EXPECT_FALSE(date1904);
  Result<std::string> shared_xml = (*pkg)->Read("xl/sharedStrings.xml");
  ASSERT_TRUE(shared_xml.ok());
  Result<std::vector<std::string>> shared = ParseXlsxSharedStrings(*shared_xml);
  ASSERT_TRUE(shared.ok());
  Result<std::string> sheet_xml = (*pkg)->Read((*sheets)[0].part);
  ASSERT_TRUE(sheet_xml.ok()) << sheet_xml.status().ToString();
  XlsxSheetContext ctx{&*shared, nullptr, false};
  Result<std::vector<CsvRow>> rows = ParseXlsxSheet(*sheet_xml, ctx);
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  EXPECT_GT(rows->size(), 1000u);  // thousands of INPADOC codes
  bool has_code = false;
  for (const auto& r : *rows)
    for (const auto& f : r.fields) has_code |= f == "EXPY";
  EXPECT_TRUE(has_code) << "the list names the expiry code EXPY";
}

}  // namespace
}  // namespace patnav
