# Build-time script: turns one file into a C++ source defining
#   std::string_view patnav::report::internal::<SYMBOL>()
# whose bytes are the file's, so the patnav binary carries its report assets
# (ECharts, the report's script and style) and never reads them at run time.
# Usage: cmake -DINPUT=file -DOUTPUT=file.cc -DSYMBOL=Name -P embed_asset.cmake
if(NOT EXISTS "${INPUT}")
  message(FATAL_ERROR "embed_asset: ${INPUT} is missing")
endif()
file(READ "${INPUT}" hex HEX)
string(LENGTH "${hex}" hex_length)
math(EXPR size "${hex_length} / 2")
if(size EQUAL 0)
  message(FATAL_ERROR "embed_asset: ${INPUT} is empty")
endif()
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
string(REPEAT "0x..," 24 _line_pattern)
string(REGEX REPLACE "(${_line_pattern})" "\\1\n" bytes "${bytes}")
get_filename_component(name "${INPUT}" NAME)
set(content "// Generated at build time from ${name} by src/report/embed_asset.cmake. Do not edit.
#include <string_view>

namespace patnav::report::internal {
namespace {
alignas(16) const unsigned char kBytes[${size}] = {
${bytes}
};
}  // namespace

std::string_view ${SYMBOL}() {
  return {reinterpret_cast<const char*>(kBytes), sizeof kBytes};
}

}  // namespace patnav::report::internal
")
# Rewrite only on change, so an unchanged asset does not recompile.
if(EXISTS "${OUTPUT}")
  file(READ "${OUTPUT}" old)
  if(old STREQUAL content)
    return()
  endif()
endif()
file(WRITE "${OUTPUT}" "${content}")
