// Binary search over the generated table of named character entities.
#include "readers/xml_entities.h"

#include <algorithm>
#include <iterator>

namespace patnav {
namespace {

struct NamedEntity {
  std::string_view name;
  std::string_view utf8;
};

constexpr NamedEntity kEntities[] = {
#include "readers/xml_entities_table.inc"
};

static_assert(std::ranges::is_sorted(kEntities, std::ranges::less{}, &NamedEntity::name),
              "xml_entities_table.inc must be sorted: rerun scripts/gen_entities.py");

}  // namespace

std::optional<std::string_view> LookupNamedEntity(std::string_view name) {
  const auto* it = std::ranges::lower_bound(kEntities, name, std::ranges::less{}, &NamedEntity::name);
  if (it == std::end(kEntities) || it->name != name) return std::nullopt;
  return it->utf8;
}

size_t NamedEntityCount() { return std::size(kEntities); }

}  // namespace patnav
