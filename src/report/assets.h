// The files inlined into the binary at build time (CMakeLists.txt,
// embed_asset.cmake): ECharts from node_modules, and the report's own script
// and style from assets/. The views point at static storage.
#pragma once

#include <string_view>

namespace patnav::report::internal {

std::string_view EchartsScript();  // node_modules/echarts/dist/echarts.min.js
std::string_view ReportScript();   // assets/report.js
std::string_view ReportStyle();    // assets/report.css

}  // namespace patnav::report::internal
