#pragma once

#include "api/credentials.h"

#include <QString>
#include <QUrl>

namespace VodConfirm {

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
