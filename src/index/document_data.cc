// Document data as compact JSON (nlohmann::json).
#include "index/document_data.h"

#include <nlohmann/json.hpp>

namespace patnav::index {

std::string EncodeDocumentData(const DocumentData& d) {
  nlohmann::ordered_json j;
  j["pn"] = d.pn;
  j["title"] = d.title;
  j["applicants"] = d.applicants;
  j["pd"] = d.pd;
  j["fd"] = d.fd;
  j["prd"] = d.prd;
  j["cc"] = d.cc;
  j["kind"] = d.kind;
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

Result<DocumentData> DecodeDocumentData(std::string_view data) {
  nlohmann::json j = nlohmann::json::parse(data, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object()) return Status::Corruption("index document data is not a JSON object");
  DocumentData d;
  auto text = [&](const char* key, std::string& out) -> bool {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return true;
    if (!it->is_string()) return false;
    out = it->get<std::string>();
    return true;
  };
  if (!text("pn", d.pn) || !text("title", d.title) || !text("pd", d.pd) || !text("fd", d.fd) ||
      !text("prd", d.prd) || !text("cc", d.cc) || !text("kind", d.kind))
    return Status::Corruption("index document data: a field is not a string");
  if (auto it = j.find("applicants"); it != j.end() && !it->is_null()) {
    if (!it->is_array()) return Status::Corruption("index document data: applicants is not a list");
    for (const auto& a : *it) {
      if (!a.is_string()) return Status::Corruption("index document data: an applicant is not a string");
      d.applicants.push_back(a.get<std::string>());
    }
  }
  return d;
}

}  // namespace patnav::index
