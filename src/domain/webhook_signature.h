// The signature of a webhook body (issue 14): HMAC-SHA256 of the exact bytes
// sent, keyed with the webhook's secret, as "sha256=<64 lower-case hex>" --
// the value of the X-Patnav-Signature header. A receiver recomputes it over
// the raw body it got and compares in constant time.
#pragma once

#include <string>
#include <string_view>

namespace patnav::domain {

std::string WebhookSignature(std::string_view secret, std::string_view body);

}  // namespace patnav::domain
