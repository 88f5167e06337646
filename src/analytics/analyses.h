// The specs of the 16 analyses, one defined in each analysis file.
#pragma once

#include "analytics/analysis.h"

namespace patnav::analytics {

extern const AnalysisSpec kTrendAnalysis;             // trend.cc
extern const AnalysisSpec kTopApplicantsAnalysis;     // top_applicants.cc
extern const AnalysisSpec kApplicantTypesAnalysis;    // applicant_types.cc
extern const AnalysisSpec kTechnologyAnalysis;        // technology.cc
extern const AnalysisSpec kCompetitorMatrixAnalysis;  // competitor_matrix.cc
extern const AnalysisSpec kGeographyAnalysis;         // geography.cc
extern const AnalysisSpec kLifecycleAnalysis;         // lifecycle.cc
extern const AnalysisSpec kLegalStatusAnalysis;       // legal_status.cc
extern const AnalysisSpec kConcentrationAnalysis;     // concentration.cc
extern const AnalysisSpec kCorePatentsAnalysis;       // core_patents.cc
extern const AnalysisSpec kCitationFlowsAnalysis;     // citation_flows.cc
extern const AnalysisSpec kCollaborationAnalysis;     // collaboration.cc
extern const AnalysisSpec kInventorsAnalysis;         // inventors.cc
extern const AnalysisSpec kEmergingTermsAnalysis;     // emerging_terms.cc
extern const AnalysisSpec kWhiteSpaceAnalysis;        // white_space.cc
extern const AnalysisSpec kMembersVsOthersAnalysis;   // members_vs_others.cc

}  // namespace patnav::analytics
