#pragma once

#include "api/targetstatus.h"
#include "settings/profile.h"

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <memory>
#include <optional>

class QSettings;

namespace VodConfirm {

// Typed settings over one INI file (QSettings). Every key, default and range is in one table in
// settings.cpp. Setters that change a value emit changed(key); a value equal to its default is
// removed from the file, so a later release can change defaults. Values out of range or of the
// wrong type in the file read back as the default.
//
// Profiles hold only non-secret fields (see Profile); secrets belong in CredentialStore, keyed by
// the profile name. Removing or renaming a profile here does not touch the keychain: call
// CredentialStore::removeAll() / rename() as well.
//
// The file is created owner-readable only (0600) and migrated to version() == CurrentVersion when
// opened.
class Settings final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Settings)

public:
    enum class Key {
        ActiveProfile,
        Profiles, // any profile added, changed, renamed or removed
        Concurrency,
        RatePerMinute,
        MaxAttempts,
        TimeoutSeconds,
        DefaultTargetStatus,
        HistoryPath,
        HistoryRetentionDays,
        MainWindowGeometry,
        MainWindowState,
        AssetTableHeaderState,
        HistoryTableHeaderState,
        LastImportDir,
        FollowRunningRows,
        Language,
        ListingRatePerMinute,
        CheckFirst,
        Follow,
        UploadPartSize,
        UploadPartsInFlight,
        UploadBandwidthLimit,
    };
    Q_ENUM(Key)

    static constexpr int CurrentVersion = 1;

    // The user's settings file: QSettings(IniFormat, UserScope, "vodconfirm", "vodconfirm").
    explicit Settings(QObject *parent = nullptr);
    // Any INI file (tests pass one in a QTemporaryDir).
    explicit Settings(const QString &filePath, QObject *parent = nullptr);
    ~Settings() override;

    static QString defaultPath();
    QString fileName() const;

    // Writes pending changes. False, with a translated reason in *error, if the file cannot be
    // written or read (QSettings also writes on its own later and on destruction).
    bool sync(QString *error = nullptr);

    // Schema version of the file: 0 for a file without a version key.
    int version() const;
    // Brings the file to CurrentVersion (called by the constructors). Also removes any key that is
    // named like a secret (sk, secretKey, securityToken, token, password...) wherever it is: the
    // settings file never holds a secret. Returns false, touching nothing, if the file comes from
    // a newer release (version() > CurrentVersion).
    bool migrate();

    // Table access: the stored value normalised to the key's type and range, or the default.
    // Key::Profiles has no value.
    QVariant value(Key key) const;
    void setValue(Key key, const QVariant &value); // ints are clamped to the key's range
    static QVariant defaultValue(Key key);
    // Inclusive range for integer keys; std::nullopt for the others.
    static std::optional<std::pair<int, int>> range(Key key);
    static QString keyName(Key key); // the key's path in the file, e.g. "engine/concurrency"

    // Profiles, sorted case-insensitively.
    QStringList profileNames() const;
    bool hasProfile(const QString &name) const;
    std::optional<Profile> profile(const QString &name) const;
    // Adds or replaces the profile named profile.name. Fails (translated reason in *error) only if
    // the name is invalid (Profile::nameProblem) or differs only in letter case from another
    // profile's name; an incomplete profile (Profile::problem() not empty) is saved as it is.
    bool saveProfile(const Profile &profile, QString *error = nullptr);
    // Removes the profile; clears the active profile if it was this one. False if there is none.
    bool removeProfile(const QString &name);
    // Renames; the active profile follows. Fails if from does not exist or to is invalid or taken.
    bool renameProfile(const QString &from, const QString &to, QString *error = nullptr);

    // The active profile's name, empty if none is set or it no longer exists.
    QString activeProfileName() const;
    // False (nothing changes) if no profile has that name; an empty name clears it.
    bool setActiveProfileName(const QString &name);
    std::optional<Profile> activeProfile() const;

    // Engine defaults.
    int concurrency() const; // 4, 1..16
    void setConcurrency(int value);
    int ratePerMinute() const; // 1400, 1..12000 (above 1500 only with a raised quota)
    void setRatePerMinute(int value);
    int maxAttempts() const; // 5, 1..10
    void setMaxAttempts(int value);
    int timeoutSeconds() const; // 30, 1..300
    void setTimeoutSeconds(int value);
    TargetStatus defaultTargetStatus() const; // Created
    void setDefaultTargetStatus(TargetStatus value);
    QString historyPath() const; // empty: the history store's default location
    void setHistoryPath(const QString &value);
    int historyRetentionDays() const; // 0 = keep everything, 0..36500
    void setHistoryRetentionDays(int value);
    // Listing stuck uploads (ListAssetList): its own quota group, apart from the confirms'.
    int listingRatePerMinute() const; // 1400, same range as ratePerMinute()
    void setListingRatePerMinute(int value);
    // Read every asset's state before sending it (preflight; default on): assets already
    // confirmed are not sent (ConfirmEngine::Options::checkFirst).
    bool checkFirst() const;
    void setCheckFirst(bool value);
    // After confirming, follow each confirmed asset's state until it settles (transcoded,
    // published, failed) or 30 minutes pass (default off): BatchRunner::Options::follow.
    bool follow() const;
    void setFollow(bool value);
    // Uploading files: the part size in bytes, stored in KB (default 20 MB, 100 KB..5 GB; a file
    // that would need more than 10,000 parts gets bigger ones, see UploadParts::choosePartSize()),
    // and the parts sent at once per file (default 3, 1..16).
    qint64 uploadPartSize() const;
    void setUploadPartSize(qint64 bytes); // rounded down to whole KB, clamped to the range
    int uploadPartsInFlight() const;
    void setUploadPartsInFlight(int value);
    // All upload bodies together, in bytes per second, stored in KB/s; 0: unlimited (default).
    qint64 uploadBandwidthLimit() const;
    void setUploadBandwidthLimit(qint64 bytesPerSecond); // rounded down to whole KB/s, clamped

    // UI state, opaque to core.
    QByteArray mainWindowGeometry() const;
    void setMainWindowGeometry(const QByteArray &value);
    QByteArray mainWindowState() const;
    void setMainWindowState(const QByteArray &value);
    QByteArray assetTableHeaderState() const;
    void setAssetTableHeaderState(const QByteArray &value);
    QByteArray historyTableHeaderState() const;
    void setHistoryTableHeaderState(const QByteArray &value);
    QString lastImportDir() const;
    void setLastImportDir(const QString &value);
    // The asset table scrolls to the rows being sent (default on).
    bool followRunningRows() const;
    void setFollowRunningRows(bool value);
    // The language of the desktop app, a locale name such as "zh_CN"; empty (the default) follows
    // the system. Read at start-up: a change applies when the app is next started.
    QString language() const;
    void setLanguage(const QString &value);

signals:
    void changed(VodConfirm::Settings::Key key);

private:
    void restrictPermissions();
    QString existingProfileName(const QString &name, Qt::CaseSensitivity cs) const;
    void writeProfile(const Profile &profile);

    std::unique_ptr<QSettings> m_settings;
};

} // namespace VodConfirm
