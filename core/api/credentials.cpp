#include "api/credentials.h"

#include <QCoreApplication>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace VodConfirm {

QString authModeName(AuthMode mode)
{
    switch (mode) {
    case AuthMode::AkSk:
        return u"aksk"_s;
    case AuthMode::Token:
        return u"token"_s;
    case AuthMode::Password:
        return u"password"_s;
    }
    return {};
}

AuthMode authModeFromName(const QString &name, bool *ok)
{
    const QString wanted = name.trimmed();
    for (AuthMode mode : {AuthMode::AkSk, AuthMode::Token, AuthMode::Password}) {
        if (wanted.compare(authModeName(mode), Qt::CaseInsensitive) == 0) {
            if (ok)
                *ok = true;
            return mode;
        }
    }
    if (ok)
        *ok = false;
    return AuthMode::AkSk;
}

QString Credentials::missing() const
{
    const auto tr = [](const char *text) {
        return QCoreApplication::translate("VodConfirm::Credentials", text);
    };
    QStringList parts;
    switch (mode) {
    case AuthMode::AkSk:
        if (accessKey.trimmed().isEmpty())
            parts << tr("the access key (AK)");
        if (secretKey.isEmpty())
            parts << tr("the secret access key (SK)");
        break;
    case AuthMode::Token:
        if (token.trimmed().isEmpty())
            parts << tr("the IAM token");
        break;
    case AuthMode::Password:
        if (userName.trimmed().isEmpty())
            parts << tr("the IAM user name");
        if (password.isEmpty())
            parts << tr("the password");
        if (accountName.trimmed().isEmpty())
            parts << tr("the account name");
        break;
    }
    if (parts.isEmpty())
        return {};
    return QCoreApplication::translate("VodConfirm::Credentials", "Missing %1.")
            .arg(parts.join(", "_L1));
}

} // namespace VodConfirm
