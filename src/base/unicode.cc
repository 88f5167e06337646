// ICU-backed folding. One transliterator per thread: ICU transliterators are
// expensive to build and not safe to share between threads.
#include "base/unicode.h"

#include <memory>

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include "base/strings.h"

namespace patnav {

namespace {

icu::Transliterator* Folder() {
  thread_local std::unique_ptr<icu::Transliterator> t = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> tr(icu::Transliterator::createInstance(
        "NFD; [:Nonspacing Mark:] Remove; NFC; Upper", UTRANS_FORWARD, status));
    return U_SUCCESS(status) ? std::move(tr) : nullptr;
  }();
  return t.get();
}

}  // namespace

std::string FoldForKey(std::string_view s) {
  bool ascii = true;
  for (unsigned char c : s) if (c >= 0x80) { ascii = false; break; }
  if (ascii) return AsciiUpper(s);
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  if (icu::Transliterator* t = Folder()) t->transliterate(u);
  else u.toUpper();
  std::string out;
  u.toUTF8String(out);
  return out;
}

}  // namespace patnav
