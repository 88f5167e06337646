// The analytics snapshot: an in-memory, columnar image of the store that the
// landscape analyses read instead of the records. One dense row per stored
// publication, in ascending publications.id order (= Xapian docid), so a
// docid finds its row by binary search and a patent set is a bitmap of rows.
//
// Columns are plain vectors; multi-valued facts (applicants, inventors, IPC
// main groups, citations) are CSR columns (offsets + values). Strings are
// interned once in dictionaries. The title text is optional (SnapshotText)
// and kept apart so the core's memory per patent can be measured without it.
//
// Facts as the analyses use them (docs/analyses.md, "The snapshot"):
//   - years are the first four digits of the ISO date, 0 when absent;
//   - applicants are record.applicants, or record.assignees when there are no
//     applicants, grouped by Party::normalized (the upper-cased name when the
//     key is empty); one id per distinct key per patent;
//   - inventors are grouped by their name as published;
//   - classification: the distinct IPC main groups of record.ipc (record.cpc
//     when it has no IPC); sections, classes and subclasses via ClassTree;
//   - priority country: the country of the earliest priority claim, else the
//     publication country (a first filing);
//   - citations: record.citations resolved by exact publication number (the
//     store's rule: publication_number, else country+doc_number+kind) to rows;
//     duplicates and self-citations dropped. forward[r] = citing rows of r,
//     which equals PatentStore's forward citation count.
//
// Thread-safety: immutable once built; any number of readers.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "model/patent_record.h"

namespace patnav::analytics {

// Interned strings: dense ids 0..size()-1 in first-seen order, in one arena.
// The lookup table exists only while building (Intern); Seal() drops it and
// Find() then scans (it serves a handful of look-ups, e.g. --members).
// The table is an open-addressing array of (hash tag, id) over the arena, not
// an unordered_map<string, id>: a snapshot build interns a few million
// publication numbers and names, and the map's per-lookup string copy and
// per-node allocation were a quarter of the build (bench/README.md).
class Dictionary {
 public:
  uint32_t Intern(std::string_view s);
  // UINT32_MAX when absent.
  uint32_t Find(std::string_view s) const;
  std::string_view operator[](uint32_t id) const {
    return std::string_view(arena_).substr(offsets_[id], offsets_[id + 1] - offsets_[id]);
  }
  size_t size() const { return offsets_.size() - 1; }
  void Seal();
  // For the snapshot file.
  const std::vector<uint32_t>& offsets() const { return offsets_; }
  const std::string& arena() const { return arena_; }
  void Assign(std::vector<uint32_t> offsets, std::string arena);
  size_t MemoryBytes() const { return offsets_.capacity() * sizeof(uint32_t) + arena_.capacity(); }

 private:
  std::vector<uint32_t> offsets_{0};
  std::string arena_;
  // Slot of `s` (hash `h`): where it is, or the empty slot to put it in.
  size_t Slot(std::string_view s, uint64_t h) const;
  void Grow();
  // (upper 32 bits of the hash) << 32 | (id + 1); 0 = empty. Size: a power
  // of two, at most half full. Empty when sealed.
  std::vector<uint64_t> slots_;
};

// A multi-valued column: the values of row r are values[offsets[r] .. offsets[r+1]).
struct MultiColumn {
  std::vector<uint32_t> offsets{0};
  std::vector<uint32_t> values;
  std::span<const uint32_t> operator[](uint32_t row) const {
    return {values.data() + offsets[row], values.data() + offsets[row + 1]};
  }
  size_t MemoryBytes() const { return (offsets.capacity() + values.capacity()) * sizeof(uint32_t); }
};

// Strings by row, in one arena.
struct StringColumn {
  std::vector<uint32_t> offsets{0};
  std::string arena;
  std::string_view operator[](uint32_t row) const {
    return std::string_view(arena).substr(offsets[row], offsets[row + 1] - offsets[row]);
  }
  void Append(std::string_view s) {
    arena.append(s);
    offsets.push_back(static_cast<uint32_t>(arena.size()));
  }
  size_t MemoryBytes() const { return offsets.capacity() * sizeof(uint32_t) + arena.capacity(); }
};

// The party (applicant or inventor) dictionary: key -> id, with the name as
// first published under that key and, for applicants, the type.
struct PartyTable {
  Dictionary keys;            // Party::normalized (inventors: the name)
  StringColumn names;         // by id: the name first seen under the key
  std::vector<uint8_t> types; // by id: PartyType of that first party
  size_t MemoryBytes() const;
};

// The classification tree seen in the data: every node's code, level and parent.
enum class ClassLevel : uint8_t { kSection = 0, kClass = 1, kSubclass = 2, kMainGroup = 3 };
const char* ClassLevelName(ClassLevel level);  // "section", "class", "subclass", "main_group"

struct ClassTree {
  Dictionary codes;              // "H", "H01", "H01M", "H01M 10/00"
  std::vector<ClassLevel> level;
  std::vector<uint32_t> parent;  // UINT32_MAX for a section
  // Interns the main group of `symbol` ("H01M 10/0525" -> "H01M 10/00") and
  // its ancestors; UINT32_MAX when the symbol is not a classification symbol.
  uint32_t AddSymbol(std::string_view symbol);
  // The ancestor of `node` at `want` (node itself at its own level).
  uint32_t AncestorAt(uint32_t node, ClassLevel want) const {
    while (node != UINT32_MAX && level[node] > want) node = parent[node];
    return node;
  }
  size_t MemoryBytes() const;
};

// The main group of an IPC/CPC symbol ("H01M 10/0525" -> "H01M 10/00",
// "H01M" -> ""): "" when the symbol has no group.
std::string MainGroupOf(std::string_view symbol);

struct SnapshotText {
  StringColumn titles;  // the English title, else any title
  Dictionary terms;     // title terms (emerging_terms): lower-cased words, CJK bigrams
  MultiColumn title_terms;  // distinct term ids per row
  size_t MemoryBytes() const;
};

struct Snapshot {
  std::string store_id;       // PatentStore::StoreId() it was built from
  int64_t store_sequence = 0; // PatentStore::LastChangeSequence() it reflects

  std::vector<uint32_t> docid;  // ascending
  StringColumn publication_number;
  std::vector<uint16_t> filing_year, priority_year, publication_year;  // 0 = unknown
  Dictionary countries;  // publication and priority countries
  Dictionary kinds;
  std::vector<uint16_t> country, priority_country, kind;
  std::vector<uint16_t> claims;   // claims_count, saturated at 65535
  Dictionary families;
  std::vector<uint32_t> family;   // families id + 1; 0 = none
  PartyTable applicant_table, inventor_table;
  MultiColumn applicants, inventors;
  ClassTree classes;
  MultiColumn groups;    // distinct main-group node ids, in the record's order (first: the main symbol's)
  MultiColumn cites;     // rows this row cites (backward citations), ascending
  MultiColumn cited_by;  // rows citing this row (forward citations), ascending
  bool has_text = false;
  SnapshotText text;

  uint32_t size() const { return static_cast<uint32_t>(docid.size()); }
  uint32_t forward(uint32_t row) const { return cited_by.offsets[row + 1] - cited_by.offsets[row]; }
  // The row of a docid; UINT32_MAX when not in the snapshot.
  uint32_t RowOf(uint32_t docid) const;
  // Resident bytes of the columns and dictionaries, without/with the text.
  size_t CoreMemoryBytes() const;
  size_t TextMemoryBytes() const { return has_text ? text.MemoryBytes() : 0; }
};

}  // namespace patnav::analytics
