// The synthetic assignment day file (assignment_writer.h).
#include "generator/assignment_writer.h"

#include <array>
#include <string>
#include <vector>

#include "base/random.h"
#include "generator/calendar.h"
#include "generator/names.h"

namespace patnav {

namespace {

struct Conveyance {
  const char* text;
  bool from_inventors;  // assignors are the inventors (the first assignment)
};

// Shares roughly those of a real day file: most records are inventors'
// assignments to their employer.
constexpr std::array<Conveyance, 8> kConveyances{{
    {"ASSIGNMENT OF ASSIGNORS INTEREST (SEE DOCUMENT FOR DETAILS).", true},
    {"ASSIGNMENT OF ASSIGNORS INTEREST (SEE DOCUMENT FOR DETAILS).", true},
    {"ASSIGNMENT OF ASSIGNORS INTEREST (SEE DOCUMENT FOR DETAILS).", false},
    {"SECURITY INTEREST (SEE DOCUMENT FOR DETAILS).", false},
    {"RELEASE BY SECURED PARTY (SEE DOCUMENT FOR DETAILS).", false},
    {"MERGER (SEE DOCUMENT FOR DETAILS).", false},
    {"CHANGE OF NAME (SEE DOCUMENT FOR DETAILS).", false},
    {"NUNC PRO TUNC ASSIGNMENT (SEE DOCUMENT FOR DETAILS).", true},
}};

void AppendEscaped(std::string& out, std::string_view text) {
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      default: out += c;
    }
  }
}

void AppendDate(std::string& out, const char* indent, const char* element, int32_t days) {
  out += indent;
  out += '<';
  out += element;
  out += ">\n";
  out += indent;
  out += "  <date>";
  gen::AppendCompactDate(out, days);
  out += "</date>\n";
  out += indent;
  out += "</";
  out += element;
  out += ">\n";
}

void AppendName(std::string& out, const char* indent, std::string_view name) {
  out += indent;
  out += "<name>";
  AppendEscaped(out, name);
  out += "</name>\n";
}

}  // namespace

Result<uint64_t> WriteAssignmentFile(const AssignmentFileOptions& o, std::ostream& out) {
  Random rng(o.seed);
  const std::vector<gen::Organisation> orgs = gen::BuildOrganisations(o.seed, 2000);
  const int32_t day = gen::DaysFromCivil(2016, 1, 4);
  std::string buf;
  buf += "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n";
  buf += "<!DOCTYPE us-patent-assignments [<!ELEMENT us-patent-assignments (action-key-code, transaction-date, "
         "patent-assignments)>]>\n";
  buf += "<us-patent-assignments dtd-version=\"1.0\" date-produced=\"20131101\">\n";
  buf += "  <action-key-code>DA</action-key-code>\n  <transaction-date>\n    <date>";
  gen::AppendCompactDate(buf, day);
  buf += "</date>\n  </transaction-date>\n  <patent-assignments>\n";
  uint64_t properties = 0;
  for (uint64_t i = 0; i < o.records; ++i) {
    const Conveyance& c = kConveyances[rng.Uniform(kConveyances.size())];
    const int32_t recorded = day - 1 - static_cast<int32_t>(rng.Uniform(5));
    buf += "    <patent-assignment>\n      <assignment-record>\n";
    buf += "        <reel-no>" + std::to_string(37000 + i / 60) + "</reel-no>\n";
    buf += "        <frame-no>" + std::to_string(i % 60 * 7 + 1) + "</frame-no>\n";
    AppendDate(buf, "        ", "last-update-date", day);
    buf += "        <purge-indicator>N</purge-indicator>\n";
    AppendDate(buf, "        ", "recorded-date", recorded);
    buf += "        <page-count>" + std::to_string(2 + rng.Uniform(6)) + "</page-count>\n";
    buf += "        <correspondent>\n";
    AppendName(buf, "          ", gen::MakeLawFirm(rng));
    buf += "          <address-1>PO BOX " + std::to_string(1000 + rng.Uniform(90000)) + "</address-1>\n";
    buf += "        </correspondent>\n";
    buf += "        <conveyance-text>";
    buf += c.text;
    buf += "</conveyance-text>\n      </assignment-record>\n      <patent-assignors>\n";
    const gen::Organisation& to = orgs[rng.Uniform(orgs.size())];
    const int assignors = c.from_inventors ? 1 + static_cast<int>(rng.Uniform(4)) : 1;
    for (int a = 0; a < assignors; ++a) {
      buf += "        <patent-assignor>\n";
      if (c.from_inventors) {
        gen::Person p = gen::MakePerson(rng, to.country);
        AppendName(buf, "          ", p.family + ", " + p.given);
      } else {
        AppendName(buf, "          ", orgs[rng.Uniform(orgs.size())].name);
      }
      AppendDate(buf, "          ", "execution-date", recorded - 10 - static_cast<int32_t>(rng.Uniform(200)));
      buf += "        </patent-assignor>\n";
    }
    buf += "      </patent-assignors>\n      <patent-assignees>\n        <patent-assignee>\n";
    AppendName(buf, "          ", to.name);
    buf += "          <address-1>" + std::to_string(1 + rng.Uniform(999)) + " MAIN STREET</address-1>\n";
    if (!to.city.empty()) {
      buf += "          <city>";
      AppendEscaped(buf, to.city);
      buf += "</city>\n";
    }
    buf += "        </patent-assignee>\n      </patent-assignees>\n      <patent-properties>\n";
    const int props = 1 + static_cast<int>(rng.Uniform(3));
    for (int p = 0; p < props; ++p, ++properties) {
      const uint64_t patent = 7000000 + rng.Uniform(3000000);
      const int32_t filed = day - 3000 - static_cast<int32_t>(rng.Uniform(4000));
      buf += "        <patent-property>\n";
      buf += "          <document-id>\n            <country>US</country>\n            <doc-number>" +
             std::to_string(12000000 + rng.Uniform(3000000)) +
             "</doc-number>\n            <kind>X0</kind>\n            <date>";
      gen::AppendCompactDate(buf, filed);
      buf += "</date>\n          </document-id>\n";
      buf += "          <document-id>\n            <country>US</country>\n            <doc-number>" +
             std::to_string(patent) + "</doc-number>\n            <kind>B2</kind>\n            <date>";
      gen::AppendCompactDate(buf, filed + 700 + static_cast<int32_t>(rng.Uniform(700)));
      buf += "</date>\n          </document-id>\n";
      buf += "          <invention-title lang=\"en\">SYSTEM AND METHOD " + std::to_string(patent) +
             "</invention-title>\n        </patent-property>\n";
    }
    buf += "      </patent-properties>\n    </patent-assignment>\n";
    if (buf.size() > (1u << 20)) {
      out.write(buf.data(), static_cast<std::streamsize>(buf.size()));
      buf.clear();
      if (!out) return Status::IOError("cannot write the assignment file");
    }
  }
  buf += "  </patent-assignments>\n</us-patent-assignments>\n";
  out.write(buf.data(), static_cast<std::streamsize>(buf.size()));
  if (!out) return Status::IOError("cannot write the assignment file");
  return properties;
}

}  // namespace patnav
