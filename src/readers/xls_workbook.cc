// Legacy .xls through libfreexl (xls_workbook.h).
#include "readers/xls_workbook.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include <freexl.h>
#include <unistd.h>

#include "base/utf8.h"

namespace patnav {

namespace {

constexpr std::string_view kEncrypted = "encrypted workbook (password-protected): save it without a password and ingest again";

std::string FreexlError(int code) {
  switch (code) {
    case FREEXL_INSUFFICIENT_MEMORY: return "out of memory";
    case FREEXL_INVALID_CFBF_HEADER: return "not a compound document (invalid CFBF header)";
    case FREEXL_CFBF_READ_ERROR: case FREEXL_CFBF_SEEK_ERROR: return "truncated or corrupt compound document";
    case FREEXL_CFBF_INVALID_SIGNATURE: case FREEXL_CFBF_INVALID_SECTOR_SIZE: case FREEXL_CFBF_EMPTY_FAT_CHAIN:
    case FREEXL_CFBF_ILLEGAL_FAT_ENTRY: return "corrupt compound document header or allocation table";
    case FREEXL_BIFF_WORKBOOK_NOT_FOUND: return "no Workbook stream (not an Excel file)";
    case FREEXL_CRAFTED_FILE: return "severely corrupt file (possibly crafted)";
    default: return "unreadable (freexl error " + std::to_string(code) + ")";
  }
}

// A private temporary copy of the bytes, removed on destruction.
class TempCopy {
 public:
  ~TempCopy() {
    if (!path_.empty()) ::unlink(path_.c_str());
  }
  Status Write(std::string_view bytes) {
    std::string templ = (std::filesystem::temp_directory_path() / "patnav-xls-XXXXXX").string();
    int fd = ::mkstemp(templ.data());
    if (fd < 0) return Status::IOError("cannot create a temporary file for the workbook");
    path_ = templ;
    size_t done = 0;
    while (done < bytes.size()) {
      ssize_t w = ::write(fd, bytes.data() + done, bytes.size() - done);
      if (w <= 0) { ::close(fd); return Status::IOError("cannot write a temporary file for the workbook"); }
      done += static_cast<size_t>(w);
    }
    ::close(fd);
    return Status::OK();
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

std::string CellText(const FreeXL_CellValue& v) {
  char buf[40];
  switch (v.type) {
    case FREEXL_CELL_INT: return std::to_string(v.value.int_value);
    case FREEXL_CELL_DOUBLE:
      std::snprintf(buf, sizeof buf, "%.15g", v.value.double_value);
      return buf;
    case FREEXL_CELL_TEXT: case FREEXL_CELL_SST_TEXT: case FREEXL_CELL_TIME:
      return v.value.text_value ? v.value.text_value : "";
    case FREEXL_CELL_DATE: case FREEXL_CELL_DATETIME:
      return v.value.text_value ? std::string(v.value.text_value).substr(0, 10) : "";
    default: return "";
  }
}

Result<WorkbookSheetRows> ReadSheet(const void* handle, unsigned short index) {
  WorkbookSheetRows sheet;
  const char* name = nullptr;
  if (freexl_get_worksheet_name(handle, index, &name) == FREEXL_OK && name) sheet.name = name;
  if (!IsValidUtf8(sheet.name)) sheet.name = "sheet " + std::to_string(index + 1);
  int rc = freexl_select_active_worksheet(handle, index);
  if (rc != FREEXL_OK) return Status::Corruption("sheet " + sheet.name + ": " + FreexlError(rc));
  unsigned int rows = 0;
  unsigned short cols = 0;
  rc = freexl_worksheet_dimensions(handle, &rows, &cols);
  if (rc != FREEXL_OK) return Status::Corruption("sheet " + sheet.name + ": " + FreexlError(rc));
  for (unsigned int r = 0; r < rows; ++r) {
    CsvRow row;
    row.line = r + 1;
    bool any = false;
    for (unsigned short c = 0; c < cols; ++c) {
      FreeXL_CellValue v;
      if (freexl_get_cell_value(handle, r, c, &v) != FREEXL_OK) continue;
      std::string text = CellText(v);
      if (text.empty()) continue;
      if (!IsValidUtf8(text)) {
        row.error = "invalid UTF-8 in column " + std::to_string(c + 1);
        text.clear();
      }
      row.fields.resize(c + 1);
      row.fields[c] = std::move(text);
      any = true;
    }
    if (any || !row.error.empty()) sheet.rows.push_back(std::move(row));
  }
  return sheet;
}

}  // namespace

bool Ole2HasEncryptedPackage(std::string_view bytes) {
  static const std::string name = [] {
    std::string n;
    for (char c : std::string_view("EncryptedPackage")) { n.push_back(c); n.push_back('\0'); }
    n.append(2, '\0');
    return n;
  }();
  for (size_t at = 512; at + 128 <= bytes.size(); at += 128) {
    if (std::memcmp(bytes.data() + at, name.data(), name.size()) != 0) continue;
    unsigned name_len = static_cast<unsigned char>(bytes[at + 64]) | static_cast<unsigned char>(bytes[at + 65]) << 8;
    if (name_len == name.size()) return true;
  }
  return false;
}

Result<std::vector<WorkbookSheetRows>> ReadXlsSheets(std::string_view bytes) {
  if (Ole2HasEncryptedPackage(bytes)) return Status::Unsupported(std::string(kEncrypted));
  TempCopy copy;
  RETURN_IF_ERROR(copy.Write(bytes));
  const void* handle = nullptr;
  int rc = freexl_open(copy.path().c_str(), &handle);
  if (rc != FREEXL_OK) {
    if (handle) freexl_close(handle);
    return Status::Corruption("corrupt .xls workbook: " + FreexlError(rc));
  }
  unsigned int info = 0;
  if (freexl_get_info(handle, FREEXL_BIFF_PASSWORD, &info) == FREEXL_OK && info == FREEXL_BIFF_OBFUSCATED) {
    freexl_close(handle);
    return Status::Unsupported(std::string(kEncrypted));
  }
  unsigned int count = 0;
  freexl_get_info(handle, FREEXL_BIFF_SHEET_COUNT, &count);
  std::vector<WorkbookSheetRows> out;
  for (unsigned int i = 0; i < count && i < 256; ++i) {
    Result<WorkbookSheetRows> sheet = ReadSheet(handle, static_cast<unsigned short>(i));
    if (!sheet.ok()) {
      freexl_close(handle);
      return Status::Corruption("corrupt .xls workbook: " + sheet.status().message());
    }
    out.push_back(std::move(*sheet));
  }
  freexl_close(handle);
  return out;
}

}  // namespace patnav
