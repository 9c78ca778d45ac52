#include "api/credentials.h"

#include <QCoreApplication>
#include <QStringList>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace VodConfirm {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(VodConfirm::Credentials)
};
} // namespace

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
    QStringList parts;
    switch (mode) {
    case AuthMode::AkSk:
        if (accessKey.trimmed().isEmpty())
            parts << Tr::tr("the access key (AK)");
        if (secretKey.isEmpty())
            parts << Tr::tr("the secret access key (SK)");
        break;
    case AuthMode::Token:
        if (token.trimmed().isEmpty())
            parts << Tr::tr("the IAM token");
        break;
    case AuthMode::Password:
        if (userName.trimmed().isEmpty())
            parts << Tr::tr("the IAM user name");
        if (password.isEmpty())
            parts << Tr::tr("the password");
        if (accountName.trimmed().isEmpty())
            parts << Tr::tr("the account name");
        break;
    }
    if (parts.isEmpty())
        return {};
    return Tr::tr("Missing %1.").arg(parts.join(", "_L1));
}

Credentials Credentials::normalized() const
{
    Credentials c = *this;
    for (QString *field :
         {&c.accessKey, &c.secretKey, &c.securityToken, &c.token, &c.userName, &c.accountName})
        *field = field->trimmed();
    return c;
}

QString Credentials::problem() const
{
    if (QString p = missing(); !p.isEmpty())
        return p;
    const std::pair<const QString *, QString> fields[] = {
            {&accessKey, Tr::tr("The access key (AK)")},
            {&secretKey, Tr::tr("The secret access key (SK)")},
            {&securityToken, Tr::tr("The security token")},
            {&token, Tr::tr("The IAM token")},
            {&userName, Tr::tr("The IAM user name")},
            {&accountName, Tr::tr("The account name")},
    };
    for (const auto &[value, what] : fields) {
        if (QString p = headerValueProblem(*value, what); !p.isEmpty())
            return p;
    }
    return {};
}

bool hasControlCharacter(QStringView text)
{
    return std::any_of(text.begin(), text.end(), [](QChar c) {
        const char16_t u = c.unicode();
        return u < 0x20 || (u >= 0x7f && u <= 0x9f);
    });
}

QString headerValueProblem(QStringView value, const QString &what)
{
    if (!hasControlCharacter(value.trimmed()))
        return {};
    return QCoreApplication::translate("VodConfirm::Credentials",
                                       "%1 contains a control character (such as a line break or "
                                       "tab) inside its value, so it cannot be sent in an HTTP "
                                       "header. Check how it was copied.")
            .arg(what);
}

} // namespace VodConfirm
