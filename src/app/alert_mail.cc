// E-mail messages and sending them (alert_mail.h).
#include "app/alert_mail.h"

#include <curl/curl.h>
#include <openssl/evp.h>

#include <cstdlib>
#include <ctime>
#include <mutex>

#include "domain/webhook.h"

namespace patnav::app {

namespace {

std::string Env(const char* name) {
  const char* v = std::getenv(name);
  return v ? v : "";
}

std::string Base64(const std::string& in) {
  std::string out(4 * ((in.size() + 2) / 3) + 1, '\0');
  const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                reinterpret_cast<const unsigned char*>(in.data()), static_cast<int>(in.size()));
  out.resize(static_cast<size_t>(n));
  return out;
}

// Base64 in lines of 76 characters, CRLF-terminated.
std::string Base64Lines(const std::string& in) {
  const std::string b = Base64(in);
  std::string out;
  for (size_t i = 0; i < b.size(); i += 76) out += b.substr(i, 76) + "\r\n";
  return out;
}

std::string EscapeHtml(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out.push_back(c);
    }
  }
  return out;
}

std::string RfcDate(int64_t t) {
  std::time_t tt = static_cast<std::time_t>(t);
  std::tm tm{};
  gmtime_r(&tt, &tm);
  static const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                  "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  char buf[64];
  std::snprintf(buf, sizeof buf, "%s, %02d %s %04d %02d:%02d:%02d +0000", kDays[tm.tm_wday], tm.tm_mday,
                kMonths[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
  return buf;
}

struct Upload {
  const std::string* data;
  size_t at = 0;
};

size_t ReadUpload(char* buffer, size_t size, size_t n, void* user) {
  auto* u = static_cast<Upload*>(user);
  const size_t room = size * n;
  const size_t left = u->data->size() - u->at;
  const size_t take = left < room ? left : room;
  u->data->copy(buffer, take, u->at);
  u->at += take;
  return take;
}

}  // namespace

MailSettings ConfiguredMailSettings() {
  MailSettings s;
  s.url = Env("PATNAV_SMTP_URL");
  if (!Env("PATNAV_SMTP_FROM").empty()) s.from = Env("PATNAV_SMTP_FROM");
  s.username = Env("PATNAV_SMTP_USER");
  s.password = Env("PATNAV_SMTP_PASSWORD");
  s.require_tls = Env("PATNAV_SMTP_REQUIRE_TLS") == "1";
  return s;
}

Status CheckMailSettings(const MailSettings& s) {
  if (s.url.empty())
    return Status::FailedPrecondition("no SMTP server is configured: set $PATNAV_SMTP_URL (smtp://host:587)");
  if (s.url.rfind("smtp://", 0) != 0 && s.url.rfind("smtps://", 0) != 0)
    return Status::FailedPrecondition("$PATNAV_SMTP_URL: an smtp:// or smtps:// URL");
  Status from = domain::CheckEmailAddress(s.from);
  if (!from.ok()) return Status::FailedPrecondition("$PATNAV_SMTP_FROM: " + from.message());
  return Status::OK();
}

std::string AlertMailMessage(const nlohmann::json& body, const std::string& from, const std::string& to, int64_t now) {
  const bool digest = body.value("type", "") == "digest";
  const nlohmann::json& part = digest ? body["digest"] : body["notification"];
  const std::string watch = body["watch"].value("name", "");
  const int64_t hits = part.value("hit_count", int64_t{0});
  std::string subject = "[patnav] " + watch + ": ";
  if (digest) subject += part.value("period", "") + ", ";
  subject += hits == 0 ? "nothing new" : std::to_string(hits) + (hits == 1 ? " new hit" : " new hits");

  std::string text = subject.substr(9) + "\r\n\r\n";
  std::string html = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body><h2>" + EscapeHtml(watch) +
                     "</h2><p>" + EscapeHtml(subject.substr(9 + watch.size() + 2)) + "</p><ul>";
  for (const auto& h : part["hits"]) {
    const std::string pn = h.value("publication_number", ""), event = h.value("event", ""),
                      detail = h.value("detail", "");
    text += pn + "  " + event + (detail.empty() ? "" : "  " + detail) + "\r\n";
    html += "<li><b>" + EscapeHtml(pn) + "</b> " + EscapeHtml(event) + (detail.empty() ? "" : " &mdash; " + EscapeHtml(detail)) +
            "</li>";
  }
  if (static_cast<int64_t>(part["hits"].size()) < hits) {
    text += "... " + std::to_string(hits - static_cast<int64_t>(part["hits"].size())) + " more\r\n";
    html += "<li>&hellip;</li>";
  }
  html += "</ul></body></html>";

  const std::string id = std::to_string(body.value("delivery_id", int64_t{0}));
  const std::string boundary = "patnav-alt-" + id;
  std::string m;
  m += "From: " + from + "\r\n";
  m += "To: " + to + "\r\n";
  m += "Subject: =?UTF-8?B?" + Base64(subject) + "?=\r\n";
  m += "Date: " + RfcDate(now) + "\r\n";
  m += "Message-ID: <patnav-delivery-" + id + "@patnav>\r\n";
  m += "MIME-Version: 1.0\r\n";
  m += "Content-Type: multipart/alternative; boundary=\"" + boundary + "\"\r\n\r\n";
  m += "--" + boundary + "\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n";
  m += Base64Lines(text);
  m += "--" + boundary + "\r\nContent-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n";
  m += Base64Lines(html);
  m += "--" + boundary + "--\r\n";
  return m;
}

std::string SendMail(const MailSettings& s, const std::string& to, const std::string& message,
                     long connect_timeout_ms, long timeout_ms) {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
  CURL* curl = curl_easy_init();
  if (!curl) return "could not start an SMTP client";
  curl_slist* rcpt = curl_slist_append(nullptr, ("<" + to + ">").c_str());
  Upload upload{&message};
  char errbuf[CURL_ERROR_SIZE] = {0};
  const std::string from = "<" + s.from + ">";
  curl_easy_setopt(curl, CURLOPT_URL, s.url.c_str());
  curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_USE_SSL, s.require_tls ? static_cast<long>(CURLUSESSL_ALL)
                                                        : static_cast<long>(CURLUSESSL_TRY));
  if (!s.username.empty()) {
    curl_easy_setopt(curl, CURLOPT_USERNAME, s.username.c_str());
    curl_easy_setopt(curl, CURLOPT_PASSWORD, s.password.c_str());
  }
  curl_easy_setopt(curl, CURLOPT_MAIL_FROM, from.c_str());
  curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, rcpt);
  curl_easy_setopt(curl, CURLOPT_READFUNCTION, ReadUpload);
  curl_easy_setopt(curl, CURLOPT_READDATA, &upload);
  curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, connect_timeout_ms);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, timeout_ms);
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, errbuf);
  const CURLcode rc = curl_easy_perform(curl);
  std::string error;
  if (rc == CURLE_OPERATION_TIMEDOUT) {
    error = "the SMTP server timed out after " + std::to_string(timeout_ms) + " ms";
  } else if (rc != CURLE_OK) {
    long code = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &code);
    error = "the SMTP server refused: " + std::string(curl_easy_strerror(rc)) +
            (errbuf[0] ? std::string(" (") + errbuf + ")" : "") + (code ? " [" + std::to_string(code) + "]" : "");
  }
  curl_slist_free_all(rcpt);
  curl_easy_cleanup(curl);
  return error;
}

}  // namespace patnav::app
