// The XML safety and repair pass every patent XML reader runs before pugixml:
// refuses DTD-based attacks (external entities, parameter entities, entity
// expansion bombs) with a clear reason, removes the DOCTYPE, expands SGML
// named entities (&ldquo; &mgr; ...) and repairs real-world sloppiness
// (bare '&', stray '<', invalid character references).
#pragma once

#include <string>
#include <string_view>

#include "base/status.h"

namespace patnav {

struct PreparedXml {
  // UTF-8 XML for pugixml: no DOCTYPE; the only references left are the five
  // predefined entities and valid numeric character references. An XML
  // declaration, when present, is kept and says encoding="UTF-8".
  std::string text;
  // How many stray '&'/'<', unknown named entities, invalid character
  // references and NUL bytes were repaired (information for the caller).
  int repairs = 0;
  // Of `repairs`: references to unknown named entities, kept as visible text
  // ("&foo;" becomes "&amp;foo;").
  int unknown_entities = 0;
};

// Checks and rewrites one XML document (the bytes from one `<?xml` to the
// next). Never resolves external entities and never fetches a DTD. Linear
// time; the output holds at most 5 bytes per input byte ("&" -> "&amp;") plus
// internal entity expansion, which is capped at the input size + 64 KiB.
//
// Encoding: UTF-8 (a leading BOM is dropped). A document whose declaration
// names ISO-8859-1 (or latin1, windows-1252, US-ASCII) and is not valid UTF-8
// is transcoded as windows-1252, the superset real files mean by "ISO-8859-1".
//
// Errors:
//   Corruption  invalid UTF-8 ("invalid UTF-8 at byte N", N counted in `raw`),
//               a DOCTYPE that is unterminated or cannot be scanned.
//   Unsupported a parameter entity, an external parsed entity (SYSTEM/PUBLIC
//               without NDATA), an internal entity whose replacement text
//               references another entity (billion laughs), entity expansion
//               past the cap above (quadratic blowup), UTF-16/32 input, or
//               a declared encoding other than UTF-8 / Latin-1 on non-UTF-8
//               bytes.
// Unparsed entities (`<!ENTITY img SYSTEM "x.tif" NDATA TIF>`, used by USPTO
// SGML-era files for drawings) are allowed and ignored. Simple internal
// entities (`<!ENTITY co "Acme">`) are expanded once, as text, where
// referenced. Comments, CDATA sections and processing instructions are copied
// untouched, except that NUL bytes (which would end pugixml's parse) become
// U+FFFD everywhere. Mismatched or unclosed tags are left for pugixml to
// report; a truncated document still yields text.
// Thread-safe (no shared state).
Result<PreparedXml> PrepareXml(std::string_view raw);

}  // namespace patnav
