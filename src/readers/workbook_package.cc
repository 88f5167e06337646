// The .xlsx zip container under zip-bomb limits (workbook_package.h).
#include "readers/workbook_package.h"

#include <pugixml.hpp>
#include <zip.h>

#include "base/strings.h"
#include "readers/xml_names.h"
#include "readers/xml_prepare.h"

namespace patnav {

namespace {

zip_t* AsZip(void* z) { return static_cast<zip_t*>(z); }

Status ParseSmallXml(std::string_view xml, const char* what, std::string& buffer, pugi::xml_document& doc) {
  Result<PreparedXml> prepared = PrepareXml(xml);
  if (!prepared.ok()) return Status::Corruption(std::string(what) + ": " + prepared.status().message());
  buffer = std::move(prepared->text);
  pugi::xml_parse_result parsed = doc.load_buffer_inplace(buffer.data(), buffer.size(), pugi::parse_default,
                                                          pugi::encoding_utf8);
  if (!parsed) return Status::Corruption(std::string(what) + ": malformed XML: " + parsed.description());
  return Status::OK();
}

// The relationship id of a <sheet> (r:id, whatever the prefix).
std::string_view SheetRelId(const pugi::xml_node& sheet) {
  for (pugi::xml_attribute a : sheet.attributes()) {
    std::string_view name = a.name();
    size_t colon = name.find(':');
    if (colon != std::string_view::npos && name.substr(colon + 1) == "id") return a.value();
  }
  return {};
}

}  // namespace

bool LooksLikeZip(std::string_view head) { return head.size() >= 4 && head.substr(0, 4) == std::string_view("PK\3\4", 4); }

bool LooksLikeOle2(std::string_view head) {
  return head.size() >= 8 && head.substr(0, 8) == std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
}

WorkbookPackage::WorkbookPackage(std::unique_ptr<std::string> bytes, void* zip, const WorkbookLimits& limits)
    : bytes_(std::move(bytes)), zip_(zip), limits_(limits) {}

WorkbookPackage::~WorkbookPackage() { zip_discard(AsZip(zip_)); }

Result<std::unique_ptr<WorkbookPackage>> WorkbookPackage::Open(std::string bytes, const WorkbookLimits& limits) {
  if (bytes.size() > limits.max_input_bytes)
    return Status::ResourceExhausted("workbook larger than " + std::to_string(limits.max_input_bytes >> 20) + " MiB");
  auto owned = std::make_unique<std::string>(std::move(bytes));
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* src = zip_source_buffer_create(owned->data(), owned->size(), 0, &error);
  if (!src) {
    zip_error_fini(&error);
    return Status::Internal("cannot read the workbook from memory");
  }
  zip_t* z = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &error);
  if (!z) {
    std::string msg = zip_error_strerror(&error);
    zip_source_free(src);
    zip_error_fini(&error);
    return Status::Corruption("corrupt workbook: not a readable zip archive (" + msg + ")");
  }
  zip_error_fini(&error);
  std::unique_ptr<WorkbookPackage> pkg(new WorkbookPackage(std::move(owned), z, limits));
  if (!pkg->Has("xl/workbook.xml"))
    return Status::Corruption("not an Excel workbook: the zip has no xl/workbook.xml");
  return pkg;
}

bool WorkbookPackage::Has(std::string_view part) const {
  return zip_name_locate(AsZip(zip_), std::string(part).c_str(), 0) >= 0;
}

Result<std::string> WorkbookPackage::Read(std::string_view part) {
  const std::string name(part);
  zip_t* z = AsZip(zip_);
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat(z, name.c_str(), 0, &st) != 0) return Status::NotFound("workbook part " + name + " missing");
  auto bomb = [&](const std::string& why) {
    return Status::ResourceExhausted("workbook part " + name + " " + why + ": refused as a possible zip bomb");
  };
  const uint64_t compressed = (st.valid & ZIP_STAT_COMP_SIZE) ? st.comp_size : 0;
  auto check = [&](uint64_t inflated) -> Status {
    if (inflated > limits_.max_part_bytes)
      return bomb("inflates past " + std::to_string(limits_.max_part_bytes >> 20) + " MiB");
    if (inflated_ + inflated > limits_.max_total_bytes)
      return bomb("takes the workbook past " + std::to_string(limits_.max_total_bytes >> 20) + " MiB inflated");
    if (inflated > limits_.ratio_floor_bytes && inflated > limits_.max_ratio * std::max<uint64_t>(compressed, 1))
      return bomb("inflates more than " + std::to_string(limits_.max_ratio) + " times");
    return Status::OK();
  };
  if (st.valid & ZIP_STAT_SIZE) RETURN_IF_ERROR(check(st.size));
  zip_file_t* f = zip_fopen(z, name.c_str(), 0);
  if (!f) return Status::Corruption("workbook part " + name + " cannot be opened: " + zip_strerror(z));
  std::string out;
  char buf[1 << 16];
  Status status;
  for (;;) {
    zip_int64_t got = zip_fread(f, buf, sizeof buf);
    if (got < 0) {
      status = Status::Corruption("corrupt workbook: part " + name + " does not inflate (" + zip_file_strerror(f) + ")");
      break;
    }
    if (got == 0) break;
    out.append(buf, static_cast<size_t>(got));
    status = check(out.size());
    if (!status.ok()) break;
  }
  zip_fclose(f);
  RETURN_IF_ERROR(status);
  inflated_ += out.size();
  return out;
}

Result<std::vector<WorkbookSheetRef>> WorkbookPackage::Sheets(bool& date1904) {
  ASSIGN_OR_RETURN(std::string workbook_xml, Read("xl/workbook.xml"));
  std::string rels_xml;
  if (Has("xl/_rels/workbook.xml.rels")) { ASSIGN_OR_RETURN(rels_xml, Read("xl/_rels/workbook.xml.rels")); }
  std::string wb_buf, rels_buf;
  pugi::xml_document wb, rels;
  RETURN_IF_ERROR(ParseSmallXml(workbook_xml, "xl/workbook.xml", wb_buf, wb));
  if (!rels_xml.empty()) RETURN_IF_ERROR(ParseSmallXml(rels_xml, "xl/_rels/workbook.xml.rels", rels_buf, rels));
  pugi::xml_node root = wb.document_element();
  std::string_view d1904 = ChildByLocal(root, "workbookPr").attribute("date1904").value();
  date1904 = d1904 == "1" || d1904 == "true";
  std::vector<WorkbookSheetRef> out;
  for (pugi::xml_node sheet : ChildrenByLocal(ChildByLocal(root, "sheets"), "sheet")) {
    std::string_view id = SheetRelId(sheet);
    for (pugi::xml_node rel : ChildrenByLocal(rels.document_element(), "Relationship")) {
      if (id.empty() || rel.attribute("Id").value() != id) continue;
      std::string_view type = rel.attribute("Type").value();
      if (type.size() < 10 || type.substr(type.size() - 10) != "/worksheet") break;
      std::string target = rel.attribute("Target").value();
      if (StartsWith(target, "/")) target.erase(0, 1);
      else target = "xl/" + target;
      out.push_back({sheet.attribute("name").value(), std::move(target)});
      break;
    }
  }
  return out;
}

}  // namespace patnav
