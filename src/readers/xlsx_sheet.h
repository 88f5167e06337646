// The XML parts of an Excel workbook (.xlsx, Office Open XML
// SpreadsheetML) that hold a table: the shared strings, the cell styles (which
// of them format a number as a date) and a worksheet's cells. Every part goes
// through the XML safety pass (xml_prepare.h: no DOCTYPE entities, never an
// external one) before pugixml; elements are found by local name, so a
// prefixed SpreadsheetML (<x:row>) reads the same.
//
// Thread-safety: pure functions.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "readers/csv_parser.h"

namespace patnav {

// The highest column and row a worksheet can have (XFD, 1048576).
inline constexpr int kXlsxMaxColumns = 16384;
inline constexpr int64_t kXlsxMaxRows = 1048576;

// xl/sharedStrings.xml: each <si>'s text (its <t>, or its rich-text runs'
// <t>s joined; phonetic guides <rPh> left out). Corruption when the part is
// refused by the safety pass or is malformed.
Result<std::vector<std::string>> ParseXlsxSharedStrings(std::string_view xml);

// xl/styles.xml: for each cell format (<cellXfs><xf>, the index a cell's
// s="" names), whether its number format shows a date: the built-in date
// formats (14-17, 22, 27-36, 50-58, the last two ranges the CJK ones such as
// yyyy"年"m"月"d"日") or a custom format code with a year or day part.
Result<std::vector<bool>> ParseXlsxDateStyles(std::string_view xml);

// True when a number format code shows a date ("yyyy-mm-dd",
// "yyyy\"年\"m\"月\"d\"日\"", "[$-804]yyyy/m/d"); false for times and numbers.
bool IsDateFormatCode(std::string_view code);

struct XlsxSheetContext {
  const std::vector<std::string>* shared_strings = nullptr;  // may be null: no shared strings
  const std::vector<bool>* date_styles = nullptr;            // may be null: no styles
  bool date1904 = false;                                     // workbookPr date1904
};

// A worksheet part (xl/worksheets/sheetN.xml) as rows of text, in sheet
// order; CsvRow::line is the row number (r=""), fields are indexed by column
// (A = 0) with missing cells empty, and empty rows are left out. Cell values:
// shared strings (t="s"), inline strings (t="inlineStr"), formula results
// (t="str", the cached <v>), booleans (t="b": "TRUE"/"FALSE"), ISO dates
// (t="d"), numbers (as written, integers in exponent form written out;
// numbers in a date style as ISO dates), errors (t="e") empty. Every merged
// range (<mergeCell ref="A1:C2">) carries its top-left value into its other
// cells within the rows and columns the sheet uses (so a header cell merged
// over two header rows names its column in both), at most 4M cells filled.
// Corruption: refused by the safety pass, malformed XML, a cell reference
// or row number out of range, rows not in ascending order.
Result<std::vector<CsvRow>> ParseXlsxSheet(std::string_view xml, const XlsxSheetContext& context);

}  // namespace patnav
