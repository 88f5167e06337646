// Synthetic organisations and people. Organisation names are built
// combinatorially from word lists per country and kind (companies,
// universities, research institutes) with realistic legal forms, Chinese
// organisations carry their original Chinese form, and many organisations get
// spelling variants ("Acme Corp." / "ACME CORPORATION") for normalization to
// undo. People get given/family names from the naming culture of their
// country; Chinese people also carry their names in Chinese characters.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/random.h"

namespace patnav::gen {

enum class Country : uint8_t { kCN, kUS, kJP, kKR, kDE, kTW, kFR, kGB, kNL, kSE, kCH, kIL, kIN };
inline constexpr int kCountryCount = 13;
std::string_view CountryCode(Country c);  // "CN", "US", ...
std::string_view CountryNameEn(Country c);  // "Chinese", "Japanese", ... (adjective)

enum class OrgType : uint8_t { kCompany, kUniversity, kInstitute };

struct Organisation {
  std::string name;     // canonical English or romanized form
  std::string name_zh;  // original Chinese form (CN organisations), else empty
  std::vector<std::string> variants;  // other spellings of `name`
  Country country = Country::kUS;
  OrgType type = OrgType::kCompany;
  uint8_t primary_area = 0;
  uint8_t secondary_area = 0;
  std::string_view city;
  std::string_view state;  // US only
};

// `count` organisations with distinct canonical names, in Zipf-rank order
// (rank 0 is the most prolific), deterministic in `seed`.
std::vector<Organisation> BuildOrganisations(uint64_t seed, size_t count);

struct Person {
  std::string family;  // romanized
  std::string given;   // romanized, may end with a middle initial ("Brian J.")
  std::string family_zh;  // Chinese characters when the person is Chinese
  std::string given_zh;
  Country country = Country::kUS;
  std::string_view city;
  std::string_view state;
};

// A person whose naming culture fits `country` (a US organisation employs
// people of many origins), residing in `country`.
Person MakePerson(Random& rng, Country country);
// A country drawn for an applicant who is not an organisation.
Country SampleIndividualCountry(Random& rng);
// A patent law firm: "Harlow, Pierce & Kim, LLP".
std::string MakeLawFirm(Random& rng);
// A USPTO examiner (given name may carry a middle initial).
Person MakeExaminer(Random& rng);

}  // namespace patnav::gen
