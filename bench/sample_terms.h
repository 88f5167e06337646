// What a benchmark draws watch and query parameters from, shared by
// watch_bench and record_matcher_bench so that both draw the same.
#pragma once

#include <cctype>
#include <set>
#include <string>
#include <vector>

#include "model/patent_record.h"

namespace patnav::bench {

// The ASCII words of at least six letters in `text`, lower-cased, in order.
inline std::vector<std::string> LongWords(const std::string& text) {
  std::vector<std::string> out;
  std::string w;
  for (char c : text + " ") {
    if (std::isalpha(static_cast<unsigned char>(c))) {
      w += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else {
      if (w.size() >= 6) out.push_back(w);
      w.clear();
    }
  }
  return out;
}

// Adds `r`'s IPC symbols of four characters or more (spaces removed) to
// `classes` and its English title's LongWords to `words`.
inline void AddSampleTerms(const PatentRecord& r, std::set<std::string>& classes, std::set<std::string>& words) {
  for (const std::string& c : r.ipc) {
    std::string compact;
    for (char ch : c)
      if (ch != ' ') compact += ch;
    if (compact.size() >= 4) classes.insert(compact);
  }
  if (auto t = r.title.find("en"); t != r.title.end())
    for (std::string& w : LongWords(t->second)) words.insert(std::move(w));
}

}  // namespace patnav::bench
