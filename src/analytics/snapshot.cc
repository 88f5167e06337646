// Dictionaries, the classification tree and row look-ups of the snapshot.
#include "analytics/snapshot.h"

#include <algorithm>
#include <cstdint>
#include <functional>
#include <string_view>

namespace patnav::analytics {

namespace {

uint64_t HashOf(std::string_view s) { return std::hash<std::string_view>{}(s); }

}  // namespace

size_t Dictionary::Slot(std::string_view s, uint64_t h) const {
  const size_t mask = slots_.size() - 1;
  const uint64_t tag = h >> 32;
  for (size_t i = h & mask;; i = (i + 1) & mask) {
    const uint64_t e = slots_[i];
    if (e == 0) return i;
    if ((e >> 32) == tag && (*this)[static_cast<uint32_t>(e) - 1] == s) return i;
  }
}

void Dictionary::Grow() {
  std::vector<uint64_t> old = std::move(slots_);
  slots_.assign(old.empty() ? 1024 : old.size() * 2, 0);
  const size_t mask = slots_.size() - 1;
  for (uint64_t e : old) {
    if (e == 0) continue;
    size_t i = HashOf((*this)[static_cast<uint32_t>(e) - 1]) & mask;
    while (slots_[i] != 0) i = (i + 1) & mask;
    slots_[i] = e;
  }
}

uint32_t Dictionary::Intern(std::string_view s) {
  if ((size() + 1) * 2 > slots_.size()) Grow();
  const uint64_t h = HashOf(s);
  const size_t i = Slot(s, h);
  if (slots_[i] != 0) return static_cast<uint32_t>(slots_[i]) - 1;
  const uint32_t id = static_cast<uint32_t>(size());
  arena_.append(s);
  offsets_.push_back(static_cast<uint32_t>(arena_.size()));
  slots_[i] = ((h >> 32) << 32) | (uint64_t{id} + 1);
  return id;
}

uint32_t Dictionary::Find(std::string_view s) const {
  if (!slots_.empty()) {
    const uint64_t e = slots_[Slot(s, HashOf(s))];
    return e == 0 ? UINT32_MAX : static_cast<uint32_t>(e) - 1;
  }
  for (uint32_t id = 0; id < size(); ++id)
    if ((*this)[id] == s) return id;
  return UINT32_MAX;
}

void Dictionary::Seal() {
  std::vector<uint64_t>().swap(slots_);
  offsets_.shrink_to_fit();
  arena_.shrink_to_fit();
}

void Dictionary::Assign(std::vector<uint32_t> offsets, std::string arena) {
  offsets_ = std::move(offsets);
  arena_ = std::move(arena);
  slots_.clear();
}

size_t PartyTable::MemoryBytes() const { return keys.MemoryBytes() + names.MemoryBytes() + types.capacity(); }

const char* ClassLevelName(ClassLevel level) {
  switch (level) {
    case ClassLevel::kSection: return "section";
    case ClassLevel::kClass: return "class";
    case ClassLevel::kSubclass: return "subclass";
    case ClassLevel::kMainGroup: return "main_group";
  }
  return "";
}

std::string MainGroupOf(std::string_view symbol) {
  // "H01M 10/0525": subclass (4 characters), then the group number up to '/'.
  if (symbol.size() < 4) return "";
  std::string_view rest = symbol.substr(4);
  while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
  const size_t slash = rest.find('/');
  std::string_view group = rest.substr(0, slash);
  while (!group.empty() && group.back() == ' ') group.remove_suffix(1);
  if (group.empty()) return "";
  for (char c : group)
    if (c < '0' || c > '9') return "";
  std::string out(symbol.substr(0, 4));
  out += ' ';
  out += group;
  out += "/00";
  return out;
}

namespace {

bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

uint32_t ClassTree::AddSymbol(std::string_view symbol) {
  // A subclass is letter, two digits, letter: "H01M".
  if (symbol.size() < 4 || !IsUpper(symbol[0]) || !IsDigit(symbol[1]) || !IsDigit(symbol[2]) || !IsUpper(symbol[3]))
    return UINT32_MAX;
  const std::string group = MainGroupOf(symbol);
  if (group.empty()) return UINT32_MAX;
  const std::string_view codes_by_level[4] = {symbol.substr(0, 1), symbol.substr(0, 3), symbol.substr(0, 4), group};
  uint32_t parent_id = UINT32_MAX;
  for (int l = 0; l < 4; ++l) {
    const size_t before = codes.size();
    const uint32_t id = codes.Intern(codes_by_level[l]);
    if (codes.size() > before) {
      level.push_back(static_cast<ClassLevel>(l));
      parent.push_back(parent_id);
    }
    parent_id = id;
  }
  return parent_id;
}

size_t ClassTree::MemoryBytes() const {
  return codes.MemoryBytes() + level.capacity() + parent.capacity() * sizeof(uint32_t);
}

size_t SnapshotText::MemoryBytes() const {
  return titles.MemoryBytes() + terms.MemoryBytes() + title_terms.MemoryBytes();
}

uint32_t Snapshot::RowOf(uint32_t id) const {
  auto it = std::lower_bound(docid.begin(), docid.end(), id);
  if (it == docid.end() || *it != id) return UINT32_MAX;
  return static_cast<uint32_t>(it - docid.begin());
}

size_t Snapshot::CoreMemoryBytes() const {
  auto vec = [](const auto& v) { return v.capacity() * sizeof(v[0]); };
  return vec(docid) + publication_number.MemoryBytes() + vec(filing_year) + vec(priority_year) +
         vec(publication_year) + countries.MemoryBytes() + kinds.MemoryBytes() + vec(country) +
         vec(priority_country) + vec(kind) + vec(claims) + families.MemoryBytes() + vec(family) +
         applicant_table.MemoryBytes() + inventor_table.MemoryBytes() + applicants.MemoryBytes() +
         inventors.MemoryBytes() + classes.MemoryBytes() + groups.MemoryBytes() + cites.MemoryBytes() +
         cited_by.MemoryBytes();
}

}  // namespace patnav::analytics
