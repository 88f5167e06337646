// Google Patents search exports (patents.google.com "Download (CSV)").
//
// Layout: an optional first line `search URL:,https://...`, then the header
//   id,title,assignee,inventor/author,priority date,filing/creation date,
//   publication date,grant date,result link,representative figure link
// and one row per publication. Columns are found by header name, so order
// and extra columns do not matter; `id` is required.
//
// Mapping: id "US-2015112182-A1" -> publication number US2015112182A1;
// dates (ISO in recent exports, M/D/YYYY in older ones) -> ISO; title ->
// title[lang] with lang from the title's script (zh/ja/ko, else en; a JP
// title of kanji only is ja); inventors
// are ", "-separated full names ("Jr.", "III" pieces rejoin the name before);
// assignee is a ", "-separated list whose pieces that are only a legal form
// ("Inc.", "Llc", "Ltd.", "N.A.") rejoin the name before them, and each
// assignee goes to both applicants and assignees: "Last; First" pieces,
// pieces equal to one of the row's inventors and short CJK names (박병권,
// 钟高明) are persons, the rest organisations. The link columns are not
// canonical and are dropped. The "A, Inc., University Of Technology, Sydney"
// kind of list is ambiguous; such a trailing place name becomes a party.
//
// Rejected rows (with their line number): a column count unlike the
// header's, an empty or unparsable id, invalid UTF-8, CSV syntax errors.
#pragma once

#include <memory>
#include <string_view>

#include "readers/reader.h"

namespace patnav {

// A streaming reader; source.format is "google-patents-csv".
std::unique_ptr<Reader> NewGooglePatentsCsvReader();

// True when the first or second line of `head` is the Google Patents header
// (starts with "id,title,assignee,inventor/author").
bool LooksLikeGooglePatentsCsv(std::string_view head);

}  // namespace patnav
