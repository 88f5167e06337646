// Alerts as e-mail (issue 14): the SMTP server the administrator configures,
// and the message made of a delivery's JSON body (domain/webhook_payload.h):
// plain text and HTML alternatives, UTF-8 in base64, the subject in RFC 2047
// encoded words, so no text of a watch or a patent can break a header.
#pragma once

#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "base/status.h"

namespace patnav::app {

struct MailSettings {
  std::string url;   // smtp://host:port or smtps://host:port; "" = e-mail is not configured
  std::string from = "patnav@localhost";
  std::string username, password;  // both or neither; never printed
  bool require_tls = false;        // STARTTLS required (else used when offered)
};

// From the environment: $PATNAV_SMTP_URL, $PATNAV_SMTP_FROM,
// $PATNAV_SMTP_USER, $PATNAV_SMTP_PASSWORD, $PATNAV_SMTP_REQUIRE_TLS=1.
MailSettings ConfiguredMailSettings();
// OK when the settings can send: an smtp:// or smtps:// URL and a plain
// From address; FailedPrecondition naming the variable otherwise.
Status CheckMailSettings(const MailSettings& s);

// The RFC 5322 message of one delivery body, CRLF line ends. `now` gives the
// Date header.
std::string AlertMailMessage(const nlohmann::json& body, const std::string& from, const std::string& to, int64_t now);

// Sends `message` to `to` through the server of `settings` with libcurl's
// SMTP; "" when the server accepted it, else what failed.
std::string SendMail(const MailSettings& settings, const std::string& to, const std::string& message,
                     long connect_timeout_ms, long timeout_ms);

}  // namespace patnav::app
