#pragma once

#include "api/credentials.h"

#include <QString>
#include <QUrl>

namespace VodConfirm {

enum class ProxyMode {
    System, // the system's proxy settings (environment variables, desktop settings)
    None, // connect directly
    Manual, // the proxy given in the profile
};
enum class ProxyType { Http, Socks5 };

QString proxyModeName(ProxyMode mode); // "system", "none", "manual"
ProxyMode proxyModeFromName(const QString &name); // System when unknown
QString proxyTypeName(ProxyType type); // "http", "socks5"
ProxyType proxyTypeFromName(const QString &name); // Http when unknown

// The non-secret half of a connection: what Settings stores in the settings file.
// The secrets (SK, security token, IAM token, password) never live here; CredentialStore keeps
// them in the OS keychain under the profile name.
struct Profile
{
    QString name;
    QString regionId; // "cn-north-4"; empty when customEndpoint is used
    QUrl customEndpoint; // VOD endpoint; when set it wins over regionId
    QUrl customIamEndpoint; // IAM endpoint for AuthMode::Password with a custom endpoint
    QString projectId;
    AuthMode authMode = AuthMode::AkSk;
    bool useSecurityToken = false; // AK/SK + security token (temporary credentials)
    QString accessKey;
    QString userName; // AuthMode::Password: IAM user name
    QString accountName; // AuthMode::Password: account (IAM domain) name
    bool rememberSecrets = true; // keep the secrets in the keychain between sessions
    // A CA certificate file (PEM or DER) trusted in addition to the system's, for endpoints
    // whose certificate comes from a private CA. Empty: the system's CAs only.
    QString caFile;
    ProxyMode proxyMode = ProxyMode::System;
    ProxyType proxyType = ProxyType::Http; // ProxyMode::Manual only, like the fields below
    QString proxyHost;
    int proxyPort = 0; // 1..65535
    QString proxyUserName; // empty: no proxy authentication; the password is a secret

    // Empty if the profile can be used, else one translated sentence naming the first problem.
    QString problem() const;

    // The VOD endpoint: customEndpoint if set, else the region's; empty if neither is known.
    QUrl vodEndpoint() const;
    // The IAM endpoint (for AuthMode::Password): customIamEndpoint if set, else the region's.
    QUrl iamEndpoint() const;

    // Empty if name may be used as a profile name (non-empty, at most MaxNameLength characters,
    // no '/' or '\\', no leading/trailing spaces, no control characters), else a translated reason.
    static QString nameProblem(const QString &name);
    static constexpr qsizetype MaxNameLength = 64;

    bool operator==(const Profile &) const = default;
};

} // namespace VodConfirm
