// HttpServer with TLS: a self-signed certificate made here, a GET over
// OpenSSL, the protocol floor (TLS 1.2), and refusal of bad key files.
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <gtest/gtest.h>

#include "server/http_transport.h"
#include "testing.h"

namespace patnav::server {
namespace {

// Writes a self-signed P-256 certificate for 127.0.0.1 and its key as PEM.
bool WriteSelfSigned(const std::filesystem::path& cert, const std::filesystem::path& key) {
  EVP_PKEY* pkey = EVP_EC_gen("P-256");
  if (!pkey) return false;
  X509* x = X509_new();
  ASN1_INTEGER_set(X509_get_serialNumber(x), 1);
  X509_gmtime_adj(X509_getm_notBefore(x), -60);
  X509_gmtime_adj(X509_getm_notAfter(x), 3600);
  X509_set_pubkey(x, pkey);
  X509_NAME* name = X509_get_subject_name(x);
  X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
                             reinterpret_cast<const unsigned char*>("127.0.0.1"), -1, -1, 0);
  X509_set_issuer_name(x, name);
  bool ok = X509_sign(x, pkey, EVP_sha256()) > 0;
  FILE* f = std::fopen(cert.c_str(), "w");
  ok = ok && f && PEM_write_X509(f, x);
  if (f) std::fclose(f);
  f = std::fopen(key.c_str(), "w");
  ok = ok && f && PEM_write_PrivateKey(f, pkey, nullptr, nullptr, 0, nullptr, nullptr);
  if (f) std::fclose(f);
  X509_free(x);
  EVP_PKEY_free(pkey);
  return ok;
}

int ConnectTcp(uint16_t port) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(port);
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    ::close(fd);
    return -1;
  }
  return fd;
}

// One GET over TLS with at most `max_version`; the whole reply, or "" when
// the handshake failed. `version` gets the negotiated protocol.
std::string TlsGet(uint16_t port, int max_version, int* version) {
  SSL_CTX* ctx = SSL_CTX_new(TLS_client_method());
  SSL_CTX_set_min_proto_version(ctx, TLS1_VERSION);
  SSL_CTX_set_max_proto_version(ctx, max_version);
  SSL_CTX_set_security_level(ctx, 0);  // let the client offer TLS 1.0/1.1 to test the refusal
  int fd = ConnectTcp(port);
  SSL* ssl = SSL_new(ctx);
  SSL_set_fd(ssl, fd);
  std::string reply;
  if (fd >= 0 && SSL_connect(ssl) == 1) {
    *version = SSL_version(ssl);
    std::string req = "GET /secure?x=1 HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
    SSL_write(ssl, req.data(), static_cast<int>(req.size()));
    char buf[4096];
    int n;
    while ((n = SSL_read(ssl, buf, sizeof buf)) > 0) reply.append(buf, static_cast<size_t>(n));
  }
  SSL_free(ssl);
  if (fd >= 0) ::close(fd);
  SSL_CTX_free(ctx);
  ERR_clear_error();
  return reply;
}

TEST(HttpTransportTls, ServesHttpsFromTls12Up) {
  patnav::testing::ScratchDir dir;
  auto cert = dir.path() / "cert.pem", key = dir.path() / "key.pem";
  ASSERT_TRUE(WriteSelfSigned(cert, key));
  ServerOptions options;
  options.listen = "127.0.0.1:0";
  options.tls_cert_file = cert.string();
  options.tls_key_file = key.string();
  auto server = HttpServer::Start(options, [](const HttpRequest& req) {
    HttpResponse res;
    res.body = std::string(req.tls ? "tls " : "plain ") + req.path;
    return res;
  });
  ASSERT_TRUE(server.ok()) << server.status().ToString();
  int version = 0;
  std::string reply = TlsGet((*server)->port(), TLS1_3_VERSION, &version);
  EXPECT_EQ(reply.rfind("HTTP/1.1 200 OK\r\n", 0), 0u) << reply;
  EXPECT_NE(reply.find("\r\n\r\ntls /secure"), std::string::npos) << reply;
  EXPECT_EQ(version, TLS1_3_VERSION);
  reply = TlsGet((*server)->port(), TLS1_2_VERSION, &version);
  EXPECT_NE(reply.find("tls /secure"), std::string::npos) << reply;
  EXPECT_EQ(version, TLS1_2_VERSION);
  EXPECT_EQ(TlsGet((*server)->port(), TLS1_1_VERSION, &version), "");
}

TEST(HttpTransportTls, BadKeyFilesAreRefusedAtStart) {
  patnav::testing::ScratchDir dir;
  ServerOptions options;
  options.listen = "127.0.0.1:0";
  options.tls_cert_file = (dir.path() / "missing.pem").string();
  options.tls_key_file = (dir.path() / "missing.key").string();
  auto handler = [](const HttpRequest&) { return HttpResponse{}; };
  auto server = HttpServer::Start(options, handler);
  ASSERT_FALSE(server.ok());
  EXPECT_EQ(server.status().code(), StatusCode::kIOError);
  options.tls_key_file.clear();
  server = HttpServer::Start(options, handler);
  ASSERT_FALSE(server.ok());
  EXPECT_EQ(server.status().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace patnav::server
