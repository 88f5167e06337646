// The words a benchmark draws watch and query parameters from, shared by
// watch_bench and record_matcher_bench so that both draw the same.
#pragma once

#include <cctype>
#include <string>
#include <vector>

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

}  // namespace patnav::bench
