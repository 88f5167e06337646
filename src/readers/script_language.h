// The language of a short text (a title) from the scripts it is written in.
// Tables rarely say which language a title is in; CJK scripts tell us.
#pragma once

#include <string>
#include <string_view>

namespace patnav {

// "ko" when the text holds Hangul, "ja" when it holds kana, "zh" when it holds
// Han ideographs (and neither), "ru" for Cyrillic, otherwise "en" (Latin
// script, or no letters at all). REQUIRES: valid UTF-8.
std::string LanguageFromScript(std::string_view text);

}  // namespace patnav
