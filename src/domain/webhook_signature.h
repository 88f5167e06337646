// The signature of a webhook body (issue 14): HMAC-SHA256 of the exact bytes
// sent, keyed with the webhook's secret, as "sha256=<64 lower-case hex>" --
// the value of the X-Patnav-Signature header. A receiver recomputes it over
// the raw body it got and compares in constant time.
//
// Each delivery also carries the Standard Webhooks headers
// (https://www.standardwebhooks.com): webhook-id (the delivery id, the same
// on every attempt), webhook-timestamp (seconds) and webhook-signature
// "v1,<base64 HMAC-SHA256 of id.timestamp.body>", keyed with the bytes the
// secret "whsec_<base64>" encodes -- so a receiver can use any Standard
// Webhooks library. A secret chosen by the user without that prefix keys
// both signatures with its own bytes.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "base/status.h"

namespace patnav::domain {

std::string WebhookSignature(std::string_view secret, std::string_view body);

// "v1,<base64>" as above.
std::string StandardWebhookSignature(std::string_view secret, std::string_view id, int64_t timestamp,
                                     std::string_view body);

// A new secret in the Standard Webhooks form: "whsec_" and the standard
// base64 of 32 random bytes.
Result<std::string> NewWebhookSecret();

}  // namespace patnav::domain
