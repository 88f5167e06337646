// The zip container of an .xlsx workbook, read from memory with libzip under
// limits that stop a zip bomb before it inflates: a cap on each part's and
// on all parts' uncompressed bytes, and on the compression ratio of large
// parts. The limits are checked against the bytes actually inflated, not
// only the sizes the archive declares. Also: the sheets the workbook lists
// (xl/workbook.xml and its relationships), in workbook order.
//
// Thread-safety: a package is used by one thread at a time.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace patnav {

struct WorkbookLimits {
  uint64_t max_input_bytes = uint64_t{256} << 20;   // the workbook file itself
  uint64_t max_part_bytes = uint64_t{512} << 20;    // one part, inflated
  uint64_t max_total_bytes = uint64_t{1} << 30;     // every part read, inflated
  uint64_t ratio_floor_bytes = uint64_t{1} << 20;   // parts smaller are never refused for their ratio
  uint64_t max_ratio = 100;                         // inflated : compressed, above the floor
};

struct WorkbookSheetRef {
  std::string name;  // as the workbook names it ("Sheet1", "检索结果")
  std::string part;  // "xl/worksheets/sheet1.xml"
};

class WorkbookPackage {
 public:
  // Opens `bytes` (the whole .xlsx). Corruption when it is no readable zip
  // or lacks xl/workbook.xml; ResourceExhausted past max_input_bytes.
  static Result<std::unique_ptr<WorkbookPackage>> Open(std::string bytes, const WorkbookLimits& limits);
  ~WorkbookPackage();
  WorkbookPackage(const WorkbookPackage&) = delete;
  WorkbookPackage& operator=(const WorkbookPackage&) = delete;

  bool Has(std::string_view part) const;
  // A part's bytes, inflated. NotFound when absent; ResourceExhausted ("zip
  // bomb?") past a limit; Corruption when it does not inflate (bad data,
  // CRC error, truncated).
  Result<std::string> Read(std::string_view part);

  // The worksheets of xl/workbook.xml (chart sheets and dialogs left out),
  // and whether it counts dates from 1904.
  Result<std::vector<WorkbookSheetRef>> Sheets(bool& date1904);

 private:
  WorkbookPackage(std::unique_ptr<std::string> bytes, void* zip, const WorkbookLimits& limits);
  std::unique_ptr<std::string> bytes_;
  void* zip_;  // zip_t*
  WorkbookLimits limits_;
  uint64_t inflated_ = 0;
};

// True when `head` starts like a zip archive (PK\3\4).
bool LooksLikeZip(std::string_view head);
// True when `head` starts like an OLE2 compound file (legacy .xls, or an
// encrypted .xlsx, which Office stores inside one).
bool LooksLikeOle2(std::string_view head);

}  // namespace patnav
