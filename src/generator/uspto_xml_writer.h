// Renders a synthetic patent as a USPTO grant full-text document (DTD
// us-patent-grant v4.5 2014-04-03), element for element in the order and
// form of the real weekly bulk files.
#pragma once

#include <string>

#include "generator/corpus_plan.h"
#include "generator/synthetic_patent.h"

namespace patnav::gen {

// Appends the complete document (XML declaration to </us-patent-grant> and a
// newline). REQUIRES: `p` was built with description and citations.
void AppendUsptoXml(const CorpusPlan& plan, const SyntheticPatent& p, std::string& out);

}  // namespace patnav::gen
