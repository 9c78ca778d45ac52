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
    // missing(), else the first secret or name that cannot go into an HTTP header
    // (headerValueProblem()), named but never quoted. Empty when the credentials can be used.
    QString problem() const;
    // A copy with surrounding whitespace and line breaks removed from the AK, SK, security token,
    // IAM token, user name and account name, as they were pasted or read from a variable or file.
    // The password is kept as it is (it travels JSON-escaped in a body, never in a header).
    Credentials normalized() const;
};

// The one rule for text that becomes an HTTP header value or part of a URL (secrets, tokens,
// project ID): surrounding whitespace is trimmed first; a control character (U+0000-U+001F,
// U+007F-U+009F: line breaks, tabs, ESC...) left inside would forge header lines, so it is
// refused. Returns an empty string, or a translated sentence naming `what` (a variable, option
// or field name) that never quotes the value.
QString headerValueProblem(QStringView value, const QString &what);
bool hasControlCharacter(QStringView text);

} // namespace VodConfirm
