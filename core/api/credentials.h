#pragma once

#include <QString>

namespace VodConfirm {

enum class AuthMode {
    AkSk, // AK/SK, optionally with a security token (temporary credentials)
    Token, // a ready IAM token, sent as X-Auth-Token
    Password, // IAM user + password + account name: the client fetches and caches a token
};

QString authModeName(AuthMode mode); // "aksk", "token", "password"
AuthMode authModeFromName(const QString &name, bool *ok = nullptr);

// The secrets live only in memory; Settings stores the non-secret half and CredentialStore the
// rest.
struct Credentials
{
    AuthMode mode = AuthMode::AkSk;
    QString accessKey;
    QString secretKey; // secret
    QString securityToken; // secret, optional
    QString token; // secret
    QString userName;
    QString password; // secret
    QString accountName; // IAM domain (account) name
    QString proxyPassword; // secret, optional: the password of the profile's manual proxy

    // Empty if complete for the mode, else a translated sentence naming what is missing (the
    // proxy password is optional and not checked).
    QString missing() const;
};

} // namespace VodConfirm
