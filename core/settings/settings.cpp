#include "settings/settings.h"

#include "api/quota.h"
#include "storage/uploadrecord.h"

#include <QFile>
#include <QSettings>

#include <algorithm>
#include <array>

using namespace Qt::StringLiterals;

namespace VodConfirm {

namespace {

using Key = Settings::Key;

enum class Type { None, Int, String, Bytes, Status };

struct Entry
{
    Key key;
    QLatin1StringView path;
    Type type;
    QVariant defaultValue;
    int min = 0;
    int max = 0;
};

// Every key of the settings file, its type, default and range. Keep in the order of Settings::Key.
const std::array<Entry, 22> &table()
{
    static const std::array<Entry, 22> entries {{
            {Key::ActiveProfile, "activeProfile"_L1, Type::String, QString()},
            {Key::Profiles, "profiles"_L1, Type::None, QVariant()},
            {Key::Concurrency, "engine/concurrency"_L1, Type::Int, 4, 1, 16},
            // Up to what all accounts together get: an account's quota may have been raised above
            // Quota::StandardPerMinute (the CLI warns then).
            {Key::RatePerMinute, "engine/ratePerMinute"_L1, Type::Int, 1400, 1,
             Quota::ServicePerMinute},
            {Key::MaxAttempts, "engine/maxAttempts"_L1, Type::Int, 5, 1, 10},
            {Key::TimeoutSeconds, "engine/timeoutSeconds"_L1, Type::Int, 30, 1, 300},
            {Key::DefaultTargetStatus, "engine/defaultTargetStatus"_L1, Type::Status,
             targetStatusName(TargetStatus::Created)},
            {Key::HistoryPath, "history/path"_L1, Type::String, QString()},
            {Key::HistoryRetentionDays, "history/retentionDays"_L1, Type::Int, 0, 0, 36500},
            {Key::MainWindowGeometry, "ui/mainWindowGeometry"_L1, Type::Bytes, QByteArray()},
            {Key::MainWindowState, "ui/mainWindowState"_L1, Type::Bytes, QByteArray()},
            {Key::AssetTableHeaderState, "ui/assetTableHeaderState"_L1, Type::Bytes, QByteArray()},
            {Key::HistoryTableHeaderState, "ui/historyTableHeaderState"_L1, Type::Bytes,
             QByteArray()},
            {Key::LastImportDir, "ui/lastImportDir"_L1, Type::String, QString()},
            {Key::FollowRunningRows, "ui/followRunningRows"_L1, Type::Int, 1, 0, 1},
            {Key::Language, "ui/language"_L1, Type::String, QString()},
            // ListAssetList's group has the same limits as the confirms' (vod-api.md 5.3).
            {Key::ListingRatePerMinute, "engine/listingRatePerMinute"_L1, Type::Int, 1400, 1,
             Quota::ServicePerMinute},
            {Key::CheckFirst, "engine/checkFirst"_L1, Type::Int, 1, 0, 1},
            {Key::Follow, "engine/follow"_L1, Type::Int, 0, 0, 1},
            // In KB (an int holds 5 GB in KB): the limits of VOD's OBS upload (vod-api.md 5.2).
            {Key::UploadPartSize, "upload/partSizeKB"_L1, Type::Int,
             int(UploadLimits::RecommendedPartSize / 1024), int(UploadLimits::MinPartSize / 1024),
             int(UploadLimits::MaxPartSize / 1024)},
            {Key::UploadPartsInFlight, "upload/partsInFlight"_L1, Type::Int, 3, 1, 16},
            // KB/s of all upload bodies together; 0: unlimited. At most about 10 GB/s.
            {Key::UploadBandwidthLimit, "upload/bandwidthKBps"_L1, Type::Int, 0, 0,
             10 * 1024 * 1024},
    }};
    return entries;
}

const Entry &entry(Key key)
{
    const Entry &e = table()[static_cast<size_t>(key)];
    Q_ASSERT(e.key == key);
    return e;
}

// Keys outside the table: the schema version and the fields of one profile ("profiles/<name>/…").
constexpr auto VersionKey = "version"_L1;
constexpr auto ProfilesGroup = "profiles"_L1;
constexpr auto FieldRegionId = "regionId"_L1;
constexpr auto FieldCustomEndpoint = "customEndpoint"_L1;
constexpr auto FieldCustomIamEndpoint = "customIamEndpoint"_L1;
constexpr auto FieldProjectId = "projectId"_L1;
constexpr auto FieldAuthMode = "authMode"_L1;
constexpr auto FieldUseSecurityToken = "useSecurityToken"_L1;
constexpr auto FieldAccessKey = "accessKey"_L1;
constexpr auto FieldUserName = "userName"_L1;
constexpr auto FieldAccountName = "accountName"_L1;
constexpr auto FieldRememberSecrets = "rememberSecrets"_L1;
constexpr auto FieldCaFile = "caFile"_L1;
constexpr auto FieldProxyMode = "proxyMode"_L1;
constexpr auto FieldProxyType = "proxyType"_L1;
constexpr auto FieldProxyHost = "proxyHost"_L1;
constexpr auto FieldProxyPort = "proxyPort"_L1;
constexpr auto FieldProxyUserName = "proxyUserName"_L1;

// Names a secret could have had in a hand-edited or pre-release file; migrate() removes them.
bool isSecretKeyName(QStringView key)
{
    QString last = key.mid(key.lastIndexOf(u'/') + 1).toString().toLower();
    last.remove(u'_').remove(u'-');
    static const QStringList names {
            u"sk"_s,       u"secretkey"_s, u"secretaccesskey"_s, u"securitytoken"_s, u"token"_s,
            u"password"_s, u"passwd"_s,    u"secret"_s,          u"proxypassword"_s};
    return names.contains(last);
}

// The compile-time half of "the settings file never holds a secret": Profile has no field that
// could carry one, so saveProfile() cannot write one.
template<typename T>
concept HasSecretField = requires(T t)
{
    t.secretKey;
}
|| requires(T t)
{
    t.securityToken;
}
|| requires(T t)
{
    t.token;
}
|| requires(T t)
{
    t.password;
}
|| requires(T t)
{
    t.sk;
}
|| requires(T t)
{
    t.proxyPassword;
};
static_assert(!HasSecretField<Profile>, "Profile must not carry secrets; use CredentialStore");
static_assert(HasSecretField<Credentials>,
              "the HasSecretField check must see Credentials' secrets");

QString profileGroup(const QString &name)
{
    return QString(ProfilesGroup) + u'/' + name;
}

QUrl urlFromSetting(const QVariant &v)
{
    const QString s = v.toString().trimmed();
    return s.isEmpty() ? QUrl() : QUrl(s, QUrl::StrictMode);
}

} // namespace

Settings::Settings(QObject *parent) : Settings(defaultPath(), parent) { }

Settings::Settings(const QString &filePath, QObject *parent)
    : QObject(parent), m_settings(std::make_unique<QSettings>(filePath, QSettings::IniFormat))
{
    migrate();
    sync();
}

Settings::~Settings()
{
    sync();
}

QString Settings::defaultPath()
{
    return QSettings(QSettings::IniFormat, QSettings::UserScope, u"vodconfirm"_s, u"vodconfirm"_s)
            .fileName();
}

QString Settings::fileName() const
{
    return m_settings->fileName();
}

bool Settings::sync(QString *error)
{
    m_settings->sync();
    restrictPermissions();
    switch (m_settings->status()) {
    case QSettings::NoError:
        return true;
    case QSettings::AccessError:
        if (error)
            *error = tr("The settings file %1 cannot be written. Check that the folder exists and "
                        "that you may write to it.")
                             .arg(m_settings->fileName());
        return false;
    case QSettings::FormatError:
        if (error)
            *error = tr("The settings file %1 is damaged and cannot be read.")
                             .arg(m_settings->fileName());
        return false;
    }
    return false;
}

void Settings::restrictPermissions()
{
    // The file holds no secret, but user names and access keys are nobody else's business.
    QFile file(m_settings->fileName());
    const QFile::Permissions others = QFile::ReadGroup | QFile::WriteGroup | QFile::ExeGroup
            | QFile::ReadOther | QFile::WriteOther | QFile::ExeOther;
    if (file.exists() && (file.permissions() & others))
        file.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
}

int Settings::version() const
{
    bool ok = false;
    const int v = m_settings->value(VersionKey).toInt(&ok);
    return ok ? v : 0;
}

bool Settings::migrate()
{
    const int from = version();
    if (from > CurrentVersion)
        return false;

    // Version 0 (no version key: a new file or one written before the first release) has the
    // same layout as version 1, so the schema step is only the version stamp. Later releases add
    // "if (from < 2) { ... }" steps here.
    const QStringList keys = m_settings->allKeys();
    for (const QString &key : keys) {
        if (isSecretKeyName(key))
            m_settings->remove(key);
    }
    if (from != CurrentVersion)
        m_settings->setValue(VersionKey, CurrentVersion);
    return true;
}

QVariant Settings::defaultValue(Key key)
{
    return entry(key).defaultValue;
}

std::optional<std::pair<int, int>> Settings::range(Key key)
{
    const Entry &e = entry(key);
    if (e.type != Type::Int)
        return std::nullopt;
    return std::pair {e.min, e.max};
}

QString Settings::keyName(Key key)
{
    return entry(key).path;
}

QVariant Settings::value(Key key) const
{
    const Entry &e = entry(key);
    if (e.type == Type::None)
        return {};
    const QVariant stored = m_settings->value(e.path);
    if (!stored.isValid())
        return e.defaultValue;
    switch (e.type) {
    case Type::None:
        return {};
    case Type::Int: {
        bool ok = false;
        const int v = stored.toString().trimmed().toInt(&ok);
        return ok && v >= e.min && v <= e.max ? QVariant(v) : e.defaultValue;
    }
    case Type::String:
        return stored.toString();
    case Type::Bytes:
        return stored.toByteArray();
    case Type::Status: {
        const auto status = targetStatusFromName(stored.toString().trimmed());
        return status ? QVariant(targetStatusName(*status)) : e.defaultValue;
    }
    }
    return e.defaultValue;
}

void Settings::setValue(Key key, const QVariant &value)
{
    const Entry &e = entry(key);
    QVariant normalised;
    switch (e.type) {
    case Type::None:
        Q_ASSERT_X(false, "Settings::setValue", "key has no value");
        return;
    case Type::Int:
        normalised = std::clamp(value.toInt(), e.min, e.max);
        break;
    case Type::String:
        normalised = value.toString();
        break;
    case Type::Bytes:
        normalised = value.toByteArray();
        break;
    case Type::Status: {
        const auto status = targetStatusFromName(value.toString());
        if (!status) {
            qWarning("Settings: ignoring invalid target status");
            return;
        }
        normalised = targetStatusName(*status);
        break;
    }
    }
    const QVariant before = this->value(key);
    if (normalised == e.defaultValue)
        m_settings->remove(e.path);
    else
        m_settings->setValue(e.path, normalised);
    if (before != normalised)
        emit changed(key);
}

// --- Profiles ---

QStringList Settings::profileNames() const
{
    m_settings->beginGroup(ProfilesGroup);
    QStringList names = m_settings->childGroups();
    m_settings->endGroup();
    names.removeIf([](const QString &n) { return !Profile::nameProblem(n).isEmpty(); });
    std::sort(names.begin(), names.end(), [](const QString &a, const QString &b) {
        const int c = a.compare(b, Qt::CaseInsensitive);
        return c != 0 ? c < 0 : a < b;
    });
    return names;
}

bool Settings::hasProfile(const QString &name) const
{
    return !existingProfileName(name, Qt::CaseSensitive).isEmpty();
}

QString Settings::existingProfileName(const QString &name, Qt::CaseSensitivity cs) const
{
    const QStringList names = profileNames();
    for (const QString &n : names) {
        if (n.compare(name, cs) == 0)
            return n;
    }
    return {};
}

std::optional<Profile> Settings::profile(const QString &name) const
{
    if (name.isEmpty() || !hasProfile(name))
        return std::nullopt;
    m_settings->beginGroup(profileGroup(name));
    Profile p;
    p.name = name;
    p.regionId = m_settings->value(FieldRegionId).toString();
    p.customEndpoint = urlFromSetting(m_settings->value(FieldCustomEndpoint));
    p.customIamEndpoint = urlFromSetting(m_settings->value(FieldCustomIamEndpoint));
    p.projectId = m_settings->value(FieldProjectId).toString();
    p.authMode = authModeFromName(m_settings->value(FieldAuthMode).toString());
    p.useSecurityToken = m_settings->value(FieldUseSecurityToken, false).toBool();
    p.accessKey = m_settings->value(FieldAccessKey).toString();
    p.userName = m_settings->value(FieldUserName).toString();
    p.accountName = m_settings->value(FieldAccountName).toString();
    p.rememberSecrets = m_settings->value(FieldRememberSecrets, true).toBool();
    p.caFile = m_settings->value(FieldCaFile).toString();
    p.proxyMode = proxyModeFromName(m_settings->value(FieldProxyMode).toString());
    p.proxyType = proxyTypeFromName(m_settings->value(FieldProxyType).toString());
    p.proxyHost = m_settings->value(FieldProxyHost).toString();
    p.proxyPort = m_settings->value(FieldProxyPort, 0).toInt();
    p.proxyUserName = m_settings->value(FieldProxyUserName).toString();
    m_settings->endGroup();
    return p;
}

void Settings::writeProfile(const Profile &p)
{
    m_settings->remove(profileGroup(p.name));
    m_settings->beginGroup(profileGroup(p.name));
    m_settings->setValue(FieldRegionId, p.regionId);
    m_settings->setValue(FieldCustomEndpoint, p.customEndpoint.toString(QUrl::FullyEncoded));
    m_settings->setValue(FieldCustomIamEndpoint, p.customIamEndpoint.toString(QUrl::FullyEncoded));
    m_settings->setValue(FieldProjectId, p.projectId);
    m_settings->setValue(FieldAuthMode, authModeName(p.authMode));
    m_settings->setValue(FieldUseSecurityToken, p.useSecurityToken);
    m_settings->setValue(FieldAccessKey, p.accessKey);
    m_settings->setValue(FieldUserName, p.userName);
    m_settings->setValue(FieldAccountName, p.accountName);
    m_settings->setValue(FieldRememberSecrets, p.rememberSecrets);
    m_settings->setValue(FieldCaFile, p.caFile);
    m_settings->setValue(FieldProxyMode, proxyModeName(p.proxyMode));
    m_settings->setValue(FieldProxyType, proxyTypeName(p.proxyType));
    m_settings->setValue(FieldProxyHost, p.proxyHost);
    m_settings->setValue(FieldProxyPort, p.proxyPort);
    m_settings->setValue(FieldProxyUserName, p.proxyUserName);
    m_settings->endGroup();
}

bool Settings::saveProfile(const Profile &profile, QString *error)
{
    if (const QString problem = Profile::nameProblem(profile.name); !problem.isEmpty()) {
        if (error)
            *error = problem;
        return false;
    }
    const QString clash = existingProfileName(profile.name, Qt::CaseInsensitive);
    if (!clash.isEmpty() && clash != profile.name) {
        if (error)
            *error = tr("A profile named “%1” already exists.").arg(clash);
        return false;
    }
    if (this->profile(profile.name) == profile)
        return true;
    writeProfile(profile);
    emit changed(Key::Profiles);
    return true;
}

bool Settings::removeProfile(const QString &name)
{
    if (!hasProfile(name))
        return false;
    const bool wasActive = activeProfileName() == name;
    m_settings->remove(profileGroup(name));
    if (wasActive)
        setActiveProfileName({});
    emit changed(Key::Profiles);
    return true;
}

bool Settings::renameProfile(const QString &from, const QString &to, QString *error)
{
    const std::optional<Profile> old = profile(from);
    if (!old) {
        if (error)
            *error = tr("There is no profile named “%1”.").arg(from);
        return false;
    }
    if (const QString problem = Profile::nameProblem(to); !problem.isEmpty()) {
        if (error)
            *error = problem;
        return false;
    }
    if (to == from)
        return true;
    const QString clash = existingProfileName(to, Qt::CaseInsensitive);
    if (!clash.isEmpty() && clash != from) {
        if (error)
            *error = tr("A profile named “%1” already exists.").arg(clash);
        return false;
    }
    const bool wasActive = activeProfileName() == from;
    Profile renamed = *old;
    renamed.name = to;
    m_settings->remove(profileGroup(from));
    writeProfile(renamed);
    if (wasActive) {
        m_settings->setValue(entry(Key::ActiveProfile).path, to);
        emit changed(Key::ActiveProfile);
    }
    emit changed(Key::Profiles);
    return true;
}

QString Settings::activeProfileName() const
{
    const QString name = value(Key::ActiveProfile).toString();
    return hasProfile(name) ? name : QString();
}

bool Settings::setActiveProfileName(const QString &name)
{
    if (!name.isEmpty() && !hasProfile(name))
        return false;
    setValue(Key::ActiveProfile, name);
    return true;
}

std::optional<Profile> Settings::activeProfile() const
{
    return profile(activeProfileName());
}

// --- Typed accessors ---

int Settings::concurrency() const
{
    return value(Key::Concurrency).toInt();
}

void Settings::setConcurrency(int value)
{
    setValue(Key::Concurrency, value);
}

int Settings::ratePerMinute() const
{
    return value(Key::RatePerMinute).toInt();
}

void Settings::setRatePerMinute(int value)
{
    setValue(Key::RatePerMinute, value);
}

int Settings::listingRatePerMinute() const
{
    return value(Key::ListingRatePerMinute).toInt();
}

void Settings::setListingRatePerMinute(int value)
{
    setValue(Key::ListingRatePerMinute, value);
}

int Settings::maxAttempts() const
{
    return value(Key::MaxAttempts).toInt();
}

void Settings::setMaxAttempts(int value)
{
    setValue(Key::MaxAttempts, value);
}

int Settings::timeoutSeconds() const
{
    return value(Key::TimeoutSeconds).toInt();
}

void Settings::setTimeoutSeconds(int value)
{
    setValue(Key::TimeoutSeconds, value);
}

TargetStatus Settings::defaultTargetStatus() const
{
    return targetStatusFromName(value(Key::DefaultTargetStatus).toString())
            .value_or(TargetStatus::Created);
}

void Settings::setDefaultTargetStatus(TargetStatus value)
{
    setValue(Key::DefaultTargetStatus, targetStatusName(value));
}

QString Settings::historyPath() const
{
    return value(Key::HistoryPath).toString();
}

void Settings::setHistoryPath(const QString &value)
{
    setValue(Key::HistoryPath, value);
}

int Settings::historyRetentionDays() const
{
    return value(Key::HistoryRetentionDays).toInt();
}

void Settings::setHistoryRetentionDays(int value)
{
    setValue(Key::HistoryRetentionDays, value);
}

QByteArray Settings::mainWindowGeometry() const
{
    return value(Key::MainWindowGeometry).toByteArray();
}

void Settings::setMainWindowGeometry(const QByteArray &value)
{
    setValue(Key::MainWindowGeometry, value);
}

QByteArray Settings::mainWindowState() const
{
    return value(Key::MainWindowState).toByteArray();
}

void Settings::setMainWindowState(const QByteArray &value)
{
    setValue(Key::MainWindowState, value);
}

QByteArray Settings::assetTableHeaderState() const
{
    return value(Key::AssetTableHeaderState).toByteArray();
}

void Settings::setAssetTableHeaderState(const QByteArray &value)
{
    setValue(Key::AssetTableHeaderState, value);
}

QByteArray Settings::historyTableHeaderState() const
{
    return value(Key::HistoryTableHeaderState).toByteArray();
}

void Settings::setHistoryTableHeaderState(const QByteArray &value)
{
    setValue(Key::HistoryTableHeaderState, value);
}

QString Settings::lastImportDir() const
{
    return value(Key::LastImportDir).toString();
}

void Settings::setLastImportDir(const QString &value)
{
    setValue(Key::LastImportDir, value);
}

bool Settings::checkFirst() const
{
    return value(Key::CheckFirst).toInt() != 0;
}

void Settings::setCheckFirst(bool value)
{
    setValue(Key::CheckFirst, value ? 1 : 0);
}

bool Settings::follow() const
{
    return value(Key::Follow).toInt() != 0;
}

void Settings::setFollow(bool value)
{
    setValue(Key::Follow, value ? 1 : 0);
}

qint64 Settings::uploadPartSize() const
{
    return qint64(value(Key::UploadPartSize).toInt()) * 1024;
}

void Settings::setUploadPartSize(qint64 bytes)
{
    const auto [min, max] = *range(Key::UploadPartSize);
    setValue(Key::UploadPartSize, int(qBound(qint64(min), bytes / 1024, qint64(max))));
}

int Settings::uploadPartsInFlight() const
{
    return value(Key::UploadPartsInFlight).toInt();
}

void Settings::setUploadPartsInFlight(int value)
{
    setValue(Key::UploadPartsInFlight, value);
}

qint64 Settings::uploadBandwidthLimit() const
{
    return qint64(value(Key::UploadBandwidthLimit).toInt()) * 1024;
}

void Settings::setUploadBandwidthLimit(qint64 bytesPerSecond)
{
    const auto [min, max] = *range(Key::UploadBandwidthLimit);
    setValue(Key::UploadBandwidthLimit,
             int(qBound(qint64(min), bytesPerSecond / 1024, qint64(max))));
}

bool Settings::followRunningRows() const
{
    return value(Key::FollowRunningRows).toInt() != 0;
}

void Settings::setFollowRunningRows(bool value)
{
    setValue(Key::FollowRunningRows, value ? 1 : 0);
}

QString Settings::language() const
{
    return value(Key::Language).toString();
}

void Settings::setLanguage(const QString &value)
{
    setValue(Key::Language, value);
}

} // namespace VodConfirm
