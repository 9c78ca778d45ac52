#include "settings/settings.h"

#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace VodConfirm;
using namespace Qt::StringLiterals;
using Key = Settings::Key;

class TestSettings : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void defaults();
    void typedRoundTrip();
    void settersClampToRange();
    void outOfRangeFileValuesReadAsDefaults_data();
    void outOfRangeFileValuesReadAsDefaults();
    void defaultValuesAreNotStored();
    void profileRoundTripThroughFile_data();
    void profileRoundTripThroughFile();
    void fileHoldsNoSecret();
    void invalidProfileNames_data();
    void invalidProfileNames();
    void activeProfile();
    void removeProfile();
    void renameProfile();
    void namesDifferingOnlyInCaseAreRejected();
    void migrateFromVersion0();
    void newerVersionIsLeftAlone();
    void changedSignal();
    void fileIsOwnerOnly();
    void missingFolderIsCreated();
    void unwritableFileIsReported();
    void profileProblems_data();
    void profileProblems();
    void uploadPartSizeAndPartsInFlight();

private:
    QString path() const { return m_dir->filePath(u"vodconfirm.ini"_s); }
    QByteArray fileBytes() const
    {
        QFile f(path());
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }
    static Profile sampleProfile(const QString &name = u"Production"_s)
    {
        Profile p;
        p.name = name;
        p.regionId = u"cn-north-4"_s;
        p.projectId = u"0a1b2c3d4e5f60718293a4b5c6d7e8f9"_s;
        p.authMode = AuthMode::AkSk;
        p.accessKey = u"HPUAEXAMPLEAK0000001"_s;
        return p;
    }

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestSettings::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestSettings::defaults()
{
    Settings s(path());
    QCOMPARE(s.concurrency(), 4);
    QCOMPARE(s.ratePerMinute(), 1400);
    QCOMPARE(s.listingRatePerMinute(), 1400);
    QCOMPARE(Settings::range(Key::ListingRatePerMinute), std::optional(std::pair(1, 12000)));
    QCOMPARE(Settings::keyName(Key::ListingRatePerMinute), u"engine/listingRatePerMinute"_s);
    QCOMPARE(s.maxAttempts(), 5);
    QCOMPARE(s.timeoutSeconds(), 30);
    QCOMPARE(s.defaultTargetStatus(), TargetStatus::Created);
    QCOMPARE(s.historyPath(), QString());
    QCOMPARE(s.historyRetentionDays(), 0);
    QCOMPARE(s.mainWindowGeometry(), QByteArray());
    QCOMPARE(s.mainWindowState(), QByteArray());
    QCOMPARE(s.assetTableHeaderState(), QByteArray());
    QCOMPARE(s.historyTableHeaderState(), QByteArray());
    QCOMPARE(s.lastImportDir(), QString());
    QVERIFY(s.checkFirst()); // read states before sending: on unless turned off
    QVERIFY(!s.follow());
    QCOMPARE(Settings::range(Key::CheckFirst), std::optional(std::pair(0, 1)));
    QVERIFY(s.profileNames().isEmpty());
    QCOMPARE(s.activeProfileName(), QString());
    QVERIFY(!s.activeProfile());
    QCOMPARE(s.version(), Settings::CurrentVersion);
    QCOMPARE(s.fileName(), path());
    QCOMPARE(Settings::range(Key::Concurrency), std::optional(std::pair(1, 16)));
    QCOMPARE(Settings::range(Key::RatePerMinute), std::optional(std::pair(1, 12000)));
    QCOMPARE(Settings::range(Key::MaxAttempts), std::optional(std::pair(1, 10)));
    QVERIFY(!Settings::range(Key::HistoryPath));
    QVERIFY(Settings::defaultPath().endsWith(u"vodconfirm/vodconfirm.ini"_s));
}

void TestSettings::typedRoundTrip()
{
    const QByteArray geometry("\x01\x00\xd9\xd0\xcb\xff", 6);
    {
        Settings s(path());
        s.setConcurrency(8);
        s.setRatePerMinute(600);
        s.setListingRatePerMinute(700);
        s.setMaxAttempts(3);
        s.setTimeoutSeconds(45);
        s.setDefaultTargetStatus(TargetStatus::Cancelled);
        s.setHistoryPath(u"/tmp/elsewhere/history.sqlite"_s);
        s.setHistoryRetentionDays(90);
        s.setMainWindowGeometry(geometry);
        s.setMainWindowState("state"_ba);
        s.setAssetTableHeaderState("assets"_ba);
        s.setHistoryTableHeaderState("history"_ba);
        s.setLastImportDir(u"/home/me/uploads"_s);
        s.setCheckFirst(false);
        s.setFollow(true);
        QVERIFY(s.sync());
    }
    QSettings raw(path(), QSettings::IniFormat);
    QCOMPARE(raw.value(u"engine/checkFirst"_s).toInt(), 0);
    QCOMPARE(raw.value(u"engine/follow"_s).toInt(), 1);
    Settings s(path());
    QVERIFY(!s.checkFirst());
    QVERIFY(s.follow());
    QCOMPARE(s.concurrency(), 8);
    QCOMPARE(s.ratePerMinute(), 600);
    QCOMPARE(s.listingRatePerMinute(), 700); // apart from the confirms' rate
    QCOMPARE(s.maxAttempts(), 3);
    QCOMPARE(s.timeoutSeconds(), 45);
    QCOMPARE(s.defaultTargetStatus(), TargetStatus::Cancelled);
    QCOMPARE(s.historyPath(), u"/tmp/elsewhere/history.sqlite"_s);
    QCOMPARE(s.historyRetentionDays(), 90);
    QCOMPARE(s.mainWindowGeometry(), geometry);
    QCOMPARE(s.mainWindowState(), "state"_ba);
    QCOMPARE(s.assetTableHeaderState(), "assets"_ba);
    QCOMPARE(s.historyTableHeaderState(), "history"_ba);
    QCOMPARE(s.lastImportDir(), u"/home/me/uploads"_s);
}

void TestSettings::settersClampToRange()
{
    Settings s(path());
    s.setConcurrency(100);
    QCOMPARE(s.concurrency(), 16);
    s.setConcurrency(0);
    QCOMPARE(s.concurrency(), 1);
    // Above the standard 1500/minute for an account with a raised quota, up to the service's
    // 12,000/minute for all accounts.
    s.setRatePerMinute(5000);
    QCOMPARE(s.ratePerMinute(), 5000);
    s.setRatePerMinute(12000);
    QCOMPARE(s.ratePerMinute(), 12000);
    s.setRatePerMinute(12001);
    QCOMPARE(s.ratePerMinute(), 12000);
    s.setListingRatePerMinute(12001);
    QCOMPARE(s.listingRatePerMinute(), 12000);
    s.setListingRatePerMinute(0);
    QCOMPARE(s.listingRatePerMinute(), 1);
    s.setMaxAttempts(-3);
    QCOMPARE(s.maxAttempts(), 1);
    s.setHistoryRetentionDays(-1);
    QCOMPARE(s.historyRetentionDays(), 0);
}

void TestSettings::outOfRangeFileValuesReadAsDefaults_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("stored");
    QTest::addColumn<int>("expected");
    QTest::newRow("concurrency too high") << u"engine/concurrency"_s << u"17"_s << 4;
    QTest::newRow("concurrency zero") << u"engine/concurrency"_s << u"0"_s << 4;
    QTest::newRow("concurrency text") << u"engine/concurrency"_s << u"many"_s << 4;
    QTest::newRow("concurrency in range") << u"engine/concurrency"_s << u"16"_s << 16;
    QTest::newRow("rate raised quota") << u"engine/ratePerMinute"_s << u"12000"_s << 12000;
    QTest::newRow("rate too high") << u"engine/ratePerMinute"_s << u"12001"_s << 1400;
    QTest::newRow("rate negative") << u"engine/ratePerMinute"_s << u"-5"_s << 1400;
    QTest::newRow("attempts too high") << u"engine/maxAttempts"_s << u"11"_s << 5;
    QTest::newRow("timeout zero") << u"engine/timeoutSeconds"_s << u"0"_s << 30;
    QTest::newRow("retention negative") << u"history/retentionDays"_s << u"-1"_s << 0;
}

void TestSettings::outOfRangeFileValuesReadAsDefaults()
{
    QFETCH(QString, key);
    QFETCH(QString, stored);
    QFETCH(int, expected);
    {
        QSettings raw(path(), QSettings::IniFormat);
        raw.setValue(u"version"_s, 1);
        raw.setValue(key, stored);
    }
    Settings s(path());
    const auto k = key == u"engine/concurrency"_s ? Key::Concurrency
            : key == u"engine/ratePerMinute"_s    ? Key::RatePerMinute
            : key == u"engine/maxAttempts"_s      ? Key::MaxAttempts
            : key == u"engine/timeoutSeconds"_s   ? Key::TimeoutSeconds
                                                  : Key::HistoryRetentionDays;
    QCOMPARE(Settings::keyName(k), key);
    QCOMPARE(s.value(k).toInt(), expected);
}

void TestSettings::defaultValuesAreNotStored()
{
    {
        QSettings raw(path(), QSettings::IniFormat);
        raw.setValue(u"engine/defaultTargetStatus"_s, u"bogus"_s);
    }
    Settings s(path());
    QCOMPARE(s.defaultTargetStatus(), TargetStatus::Created);
    s.setConcurrency(7);
    QVERIFY(s.sync());
    QVERIFY(fileBytes().contains("concurrency=7"));
    s.setConcurrency(4); // back to the default: the key leaves the file
    QVERIFY(s.sync());
    QVERIFY(!fileBytes().contains("concurrency"));
    QCOMPARE(s.concurrency(), 4);
}

void TestSettings::profileRoundTripThroughFile_data()
{
    QTest::addColumn<Profile>("profile");

    QTest::newRow("aksk region") << sampleProfile();

    Profile temp = sampleProfile(u"Temporary keys"_s);
    temp.useSecurityToken = true;
    temp.rememberSecrets = false;
    QTest::newRow("aksk + security token") << temp;

    Profile token = sampleProfile(u"Tøkén — staging (ap)"_s);
    token.authMode = AuthMode::Token;
    token.accessKey.clear();
    token.regionId = u"ap-southeast-1"_s;
    QTest::newRow("token, unicode name") << token;

    Profile password = sampleProfile(u"General"_s);
    password.authMode = AuthMode::Password;
    password.accessKey.clear();
    password.regionId.clear();
    password.customEndpoint = QUrl(u"https://vod.example.com:8443/base path?x=1"_s);
    password.customIamEndpoint = QUrl(u"https://iam.example.com"_s);
    password.userName = u"ops-bot"_s;
    password.accountName = u"example-account"_s;
    QTest::newRow("password, custom endpoints, name General") << password;

    Profile odd = sampleProfile(u"a=b; c %41 [x] #1 \"q\""_s);
    QTest::newRow("INI special characters in the name") << odd;

    Profile proxied = sampleProfile(u"Behind a proxy"_s);
    proxied.caFile = u"/etc/ssl/company/ca bundle.pem"_s;
    proxied.proxyMode = ProxyMode::Manual;
    proxied.proxyType = ProxyType::Socks5;
    proxied.proxyHost = u"proxy.corp.example"_s;
    proxied.proxyPort = 1080;
    proxied.proxyUserName = u"alice"_s;
    QTest::newRow("CA file, manual SOCKS5 proxy with user") << proxied;
    proxied.proxyType = ProxyType::Http;
    proxied.proxyUserName.clear();
    QTest::newRow("manual HTTP proxy") << proxied;
    Profile direct = sampleProfile(u"Direct"_s);
    direct.proxyMode = ProxyMode::None;
    QTest::newRow("no proxy") << direct;
}

void TestSettings::profileRoundTripThroughFile()
{
    QFETCH(Profile, profile);
    {
        Settings s(path());
        QString error;
        QVERIFY2(s.saveProfile(profile, &error), qPrintable(error));
        QVERIFY(error.isEmpty());
        QVERIFY(s.sync());
    }
    Settings reopened(path());
    QCOMPARE(reopened.profileNames(), QStringList {profile.name});
    QVERIFY(reopened.hasProfile(profile.name));
    const std::optional<Profile> back = reopened.profile(profile.name);
    QVERIFY(back);
    QCOMPARE(back->name, profile.name);
    QCOMPARE(back->regionId, profile.regionId);
    QCOMPARE(back->customEndpoint, profile.customEndpoint);
    QCOMPARE(back->customIamEndpoint, profile.customIamEndpoint);
    QCOMPARE(back->projectId, profile.projectId);
    QCOMPARE(back->authMode, profile.authMode);
    QCOMPARE(back->useSecurityToken, profile.useSecurityToken);
    QCOMPARE(back->accessKey, profile.accessKey);
    QCOMPARE(back->userName, profile.userName);
    QCOMPARE(back->accountName, profile.accountName);
    QCOMPARE(back->rememberSecrets, profile.rememberSecrets);
    QCOMPARE(back->caFile, profile.caFile);
    QCOMPARE(back->proxyMode, profile.proxyMode);
    QCOMPARE(back->proxyType, profile.proxyType);
    QCOMPARE(back->proxyHost, profile.proxyHost);
    QCOMPARE(back->proxyPort, profile.proxyPort);
    QCOMPARE(back->proxyUserName, profile.proxyUserName);
    QVERIFY(*back == profile);
    QVERIFY(!reopened.profile(u"missing"_s));
    QVERIFY(!reopened.profile(QString()));
}

void TestSettings::fileHoldsNoSecret()
{
    Profile p = sampleProfile();
    p.useSecurityToken = true;
    Profile pw = sampleProfile(u"pw"_s);
    pw.authMode = AuthMode::Password;
    pw.userName = u"someone"_s;
    pw.accountName = u"acct"_s;
    pw.proxyMode = ProxyMode::Manual;
    pw.proxyHost = u"proxy.corp.example"_s;
    pw.proxyPort = 3128;
    pw.proxyUserName = u"proxy-someone"_s;
    {
        Settings s(path());
        QVERIFY(s.saveProfile(p));
        QVERIFY(s.saveProfile(pw));
        QVERIFY(s.sync());
    }
    const QByteArray bytes = fileBytes();
    QVERIFY(bytes.contains("HPUAEXAMPLEAK0000001")); // the AK is not secret and is stored
    QVERIFY(bytes.contains("someone"));
    QVERIFY(bytes.contains("proxy-someone")); // the proxy user name is not secret either
    const QList<QByteArray> lines = bytes.split('\n');
    int keys = 0;
    for (const QByteArray &line : lines) {
        const qsizetype eq = line.indexOf('=');
        if (eq < 0)
            continue;
        ++keys;
        QByteArray key = line.left(eq).trimmed().toLower();
        key = key.mid(std::max(key.lastIndexOf('\\'), key.lastIndexOf('/')) + 1);
        for (const char *secret :
             {"sk", "secretkey", "securitytoken", "token", "password", "proxypassword"})
            QVERIFY2(key != secret, line.constData());
    }
    QVERIFY(keys >= 30);
}

void TestSettings::invalidProfileNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("empty") << QString();
    QTest::newRow("spaces") << u"   "_s;
    QTest::newRow("slash") << u"a/b"_s;
    QTest::newRow("backslash") << u"a\\b"_s;
    QTest::newRow("65 chars") << QString(65, u'x');
    QTest::newRow("leading space") << u" prod"_s;
    QTest::newRow("control") << u"pro\td"_s;
}

void TestSettings::invalidProfileNames()
{
    QFETCH(QString, name);
    QVERIFY(!Profile::nameProblem(name).isEmpty());
    Settings s(path());
    Profile p = sampleProfile(name);
    QString error;
    QVERIFY(!s.saveProfile(p, &error));
    QCOMPARE(error, Profile::nameProblem(name));
    QVERIFY(s.profileNames().isEmpty());
    QVERIFY(Profile::nameProblem(QString(64, u'x')).isEmpty());
}

void TestSettings::activeProfile()
{
    {
        Settings s(path());
        QVERIFY(s.saveProfile(sampleProfile(u"a"_s)));
        QVERIFY(s.saveProfile(sampleProfile(u"b"_s)));
        QCOMPARE(s.activeProfileName(), QString());
        QVERIFY(!s.setActiveProfileName(u"nope"_s));
        QCOMPARE(s.activeProfileName(), QString());
        QVERIFY(s.setActiveProfileName(u"b"_s));
        QCOMPARE(s.activeProfileName(), u"b"_s);
        QCOMPARE(s.activeProfile()->name, u"b"_s);
    }
    Settings s(path());
    QCOMPARE(s.activeProfileName(), u"b"_s);
    QVERIFY(s.setActiveProfileName(QString()));
    QCOMPARE(s.activeProfileName(), QString());
}

void TestSettings::removeProfile()
{
    Settings s(path());
    QVERIFY(s.saveProfile(sampleProfile(u"a"_s)));
    QVERIFY(s.saveProfile(sampleProfile(u"b"_s)));
    QVERIFY(s.setActiveProfileName(u"a"_s));
    QVERIFY(s.removeProfile(u"a"_s));
    QVERIFY(!s.removeProfile(u"a"_s));
    QCOMPARE(s.profileNames(), QStringList {u"b"_s});
    QCOMPARE(s.activeProfileName(), QString());
    QVERIFY(s.sync());
    QVERIFY(!fileBytes().contains("a\\"));
    Settings reopened(path());
    QCOMPARE(reopened.profileNames(), QStringList {u"b"_s});
}

void TestSettings::renameProfile()
{
    Settings s(path());
    QVERIFY(s.saveProfile(sampleProfile(u"old"_s)));
    QVERIFY(s.saveProfile(sampleProfile(u"other"_s)));
    QVERIFY(s.setActiveProfileName(u"old"_s));
    QString error;
    QVERIFY(!s.renameProfile(u"old"_s, u"other"_s, &error));
    QVERIFY(error.contains(u"other"_s));
    QVERIFY(!s.renameProfile(u"missing"_s, u"x"_s, &error));
    QVERIFY(!s.renameProfile(u"old"_s, u"bad/name"_s, &error));
    QVERIFY2(s.renameProfile(u"old"_s, u"new"_s, &error), qPrintable(error));
    QCOMPARE(s.profileNames(), (QStringList {u"new"_s, u"other"_s}));
    QCOMPARE(s.activeProfileName(), u"new"_s);
    Profile expected = sampleProfile(u"new"_s);
    QVERIFY(*s.profile(u"new"_s) == expected);
    QVERIFY(s.renameProfile(u"new"_s, u"New"_s, &error)); // only the letter case changes
    QCOMPARE(s.profileNames(), (QStringList {u"New"_s, u"other"_s}));
    QCOMPARE(s.activeProfileName(), u"New"_s);
}

void TestSettings::namesDifferingOnlyInCaseAreRejected()
{
    Settings s(path());
    QVERIFY(s.saveProfile(sampleProfile(u"Prod"_s)));
    QString error;
    QVERIFY(!s.saveProfile(sampleProfile(u"prod"_s), &error));
    QVERIFY(error.contains(u"Prod"_s));
    Profile changed = sampleProfile(u"Prod"_s);
    changed.projectId = u"ffff"_s;
    QVERIFY(s.saveProfile(changed)); // the same name replaces
    QCOMPARE(s.profile(u"Prod"_s)->projectId, u"ffff"_s);
    QCOMPARE(s.profileNames(), QStringList {u"Prod"_s});
}

void TestSettings::migrateFromVersion0()
{
    // A file from before the first release: no version key, a profile, and a plaintext SK that a
    // hand edit left in it.
    {
        QFile f(path());
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("[engine]\nconcurrency=6\n\n"
                "[profiles]\n"
                "legacy\\regionId=cn-north-4\n"
                "legacy\\projectId=0a1b2c3d4e5f60718293a4b5c6d7e8f9\n"
                "legacy\\authMode=aksk\n"
                "legacy\\accessKey=HPUAEXAMPLEAK0000001\n"
                "legacy\\sk=PlaintextSecretThatMustGo\n"
                "legacy\\secret_key=AnotherPlaintextSecret\n"
                "legacy\\password=hunter2hunter2\n"
                "legacy\\proxyPassword=ProxyPlaintextSecret\n");
    }
    {
        QSettings raw(path(), QSettings::IniFormat);
        QVERIFY(!raw.contains(u"version"_s));
    }
    {
        Settings s(path());
        QCOMPARE(s.version(), 1);
        QVERIFY(s.migrate()); // idempotent
        QCOMPARE(s.version(), 1);
        QCOMPARE(s.concurrency(), 6);
        const auto p = s.profile(u"legacy"_s);
        QVERIFY(p);
        QCOMPARE(p->accessKey, u"HPUAEXAMPLEAK0000001"_s);
        QCOMPARE(p->authMode, AuthMode::AkSk);
        QVERIFY(p->rememberSecrets);
        QCOMPARE(p->proxyMode, ProxyMode::System); // fields a version-0 file lacks
        QVERIFY(p->caFile.isEmpty());
    }
    const QByteArray bytes = fileBytes();
    QVERIFY(bytes.contains("version=1"));
    QVERIFY(bytes.contains("HPUAEXAMPLEAK0000001"));
    QVERIFY(!bytes.contains("PlaintextSecretThatMustGo"));
    QVERIFY(!bytes.contains("AnotherPlaintextSecret"));
    QVERIFY(!bytes.contains("hunter2"));
    QVERIFY(!bytes.contains("ProxyPlaintextSecret"));
}

void TestSettings::newerVersionIsLeftAlone()
{
    {
        QSettings raw(path(), QSettings::IniFormat);
        raw.setValue(u"version"_s, 99);
        raw.setValue(u"future/thing"_s, u"x"_s);
    }
    Settings s(path());
    QCOMPARE(s.version(), 99);
    QVERIFY(!s.migrate());
    QCOMPARE(s.concurrency(), 4);
    QVERIFY(s.sync());
    QVERIFY(fileBytes().contains("version=99"));
    QVERIFY(fileBytes().contains("thing=x"));
}

void TestSettings::changedSignal()
{
    Settings s(path());
    QSignalSpy spy(&s, &Settings::changed);
    QVERIFY(spy.isValid());

    s.setConcurrency(8);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.takeFirst().at(0).value<Key>(), Key::Concurrency);
    s.setConcurrency(8); // no change, no signal
    s.setConcurrency(99); // clamped to 16: a change
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.takeFirst().at(0).value<Key>(), Key::Concurrency);
    s.setConcurrency(16);
    QCOMPARE(spy.count(), 0);

    s.setDefaultTargetStatus(TargetStatus::Failed);
    s.setMainWindowState("x"_ba);
    s.setLastImportDir(u"/data"_s);
    s.setValue(Key::RatePerMinute, 100);
    QCOMPARE(spy.count(), 4);
    QCOMPARE(spy.at(0).at(0).value<Key>(), Key::DefaultTargetStatus);
    QCOMPARE(spy.at(1).at(0).value<Key>(), Key::MainWindowState);
    QCOMPARE(spy.at(2).at(0).value<Key>(), Key::LastImportDir);
    QCOMPARE(spy.at(3).at(0).value<Key>(), Key::RatePerMinute);
    spy.clear();

    QVERIFY(s.saveProfile(sampleProfile(u"p"_s)));
    QVERIFY(s.saveProfile(sampleProfile(u"p"_s))); // identical: no signal
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.takeFirst().at(0).value<Key>(), Key::Profiles);
    QVERIFY(s.setActiveProfileName(u"p"_s));
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.takeFirst().at(0).value<Key>(), Key::ActiveProfile);
    QVERIFY(s.renameProfile(u"p"_s, u"q"_s));
    QCOMPARE(spy.count(), 2);
    QVERIFY(s.removeProfile(u"q"_s));
    QCOMPARE(spy.count(), 4);
    QCOMPARE(spy.at(2).at(0).value<Key>(), Key::ActiveProfile);
    QCOMPARE(spy.at(3).at(0).value<Key>(), Key::Profiles);
}

void TestSettings::fileIsOwnerOnly()
{
    const QFile::Permissions others = QFile::ReadGroup | QFile::WriteGroup | QFile::ExeGroup
            | QFile::ReadOther | QFile::WriteOther | QFile::ExeOther;
    Settings s(path());
    QVERIFY(s.saveProfile(sampleProfile()));
    QVERIFY(s.sync());
    QCOMPARE(QFile::permissions(path()) & (others | QFile::ReadOwner | QFile::WriteOwner),
             QFile::ReadOwner | QFile::WriteOwner);
    s.setConcurrency(9);
    QVERIFY(s.sync());
    QCOMPARE(QFile::permissions(path()) & (others | QFile::ReadOwner | QFile::WriteOwner),
             QFile::ReadOwner | QFile::WriteOwner);
}

void TestSettings::missingFolderIsCreated()
{
    const QString nested = m_dir->filePath(u"config/vodconfirm/vodconfirm.ini"_s);
    {
        Settings s(nested);
        s.setConcurrency(2);
        QString error;
        QVERIFY2(s.sync(&error), qPrintable(error));
    }
    QVERIFY(QFile::exists(nested));
    QCOMPARE(Settings(nested).concurrency(), 2);
}

void TestSettings::unwritableFileIsReported()
{
    const QString blocker = m_dir->filePath(u"not-a-folder"_s);
    {
        QFile f(blocker);
        QVERIFY(f.open(QIODevice::WriteOnly));
    }
    Settings s(blocker + u"/vodconfirm.ini"_s);
    s.setConcurrency(3);
    QString error;
    QVERIFY(!s.sync(&error));
    QVERIFY(error.contains(u"cannot be written"_s));
    QCOMPARE(s.concurrency(), 3); // still usable for this session
}

void TestSettings::profileProblems_data()
{
    QTest::addColumn<Profile>("profile");
    QTest::addColumn<bool>("usable");

    QTest::newRow("complete aksk") << sampleProfile() << true;
    Profile p = sampleProfile();
    p.name.clear();
    QTest::newRow("no name") << p << false;
    p = sampleProfile();
    p.projectId.clear();
    QTest::newRow("no project") << p << false;
    p = sampleProfile();
    p.projectId = u"0a1b 2c3d"_s;
    QTest::newRow("project with space") << p << false;
    p.projectId = u"../../admin"_s; // a path segment of the request URL
    QTest::newRow("project with a path") << p << false;
    p.projectId = u"0a1b2c3d4e5f6071"_s;
    QTest::newRow("project too short") << p << false;
    p.projectId = u"0a1b2c3d4e5f60718293a4b5c6d7e8f9\nX-Injected: 1"_s;
    QTest::newRow("project with a line break") << p << false;
    p.projectId = u" 0a1b2c3d4e5f60718293a4b5c6d7e8f9\n"_s;
    QTest::newRow("project with surrounding space") << p << true;
    p = sampleProfile();
    p.customEndpoint = QUrl(u"https://user:hunter2@vod.example.com"_s);
    QTest::newRow("endpoint with a password") << p << false;
    p = sampleProfile();
    p.accessKey.clear();
    QTest::newRow("aksk without AK") << p << false;
    p = sampleProfile();
    p.regionId.clear();
    QTest::newRow("no region, no endpoint") << p << false;
    p = sampleProfile();
    p.authMode = AuthMode::Token;
    p.accessKey.clear();
    QTest::newRow("token needs no AK") << p << true;
    p = sampleProfile();
    p.authMode = AuthMode::Password;
    p.userName = u"u"_s;
    QTest::newRow("password without account") << p << false;
    p.accountName = u"a"_s;
    QTest::newRow("password complete") << p << true;
    p = sampleProfile();
    p.regionId.clear();
    p.customEndpoint = QUrl(u"https://vod.example.com"_s);
    QTest::newRow("custom https endpoint") << p << true;
    p.customEndpoint = QUrl(u"http://vod.example.com"_s);
    QTest::newRow("custom plain http endpoint") << p << false;
    p.customEndpoint = QUrl(u"http://127.0.0.1:18080"_s);
    QTest::newRow("custom loopback http endpoint") << p << true;
    p.authMode = AuthMode::Password;
    p.userName = u"u"_s;
    p.accountName = u"a"_s;
    QTest::newRow("password, custom endpoint, no IAM endpoint") << p << false;
    p.customIamEndpoint = QUrl(u"https://iam.example.com"_s);
    QTest::newRow("password, custom endpoint and IAM endpoint") << p << true;

    p = sampleProfile();
    p.proxyMode = ProxyMode::Manual;
    QTest::newRow("manual proxy without host") << p << false;
    p.proxyHost = u"http://proxy.example.com"_s;
    p.proxyPort = 3128;
    QTest::newRow("proxy host given as a URL") << p << false;
    p.proxyHost = u"proxy.example.com"_s;
    p.proxyPort = 0;
    QTest::newRow("manual proxy without port") << p << false;
    p.proxyPort = 3128;
    QTest::newRow("manual proxy complete") << p << true;
    p.proxyMode = ProxyMode::None;
    p.proxyHost.clear();
    QTest::newRow("no proxy needs no host") << p << true;
    p = sampleProfile();
    p.caFile = u"/nonexistent/ca.pem"_s;
    QTest::newRow("CA file that does not exist") << p << false;
}

void TestSettings::profileProblems()
{
    QFETCH(Profile, profile);
    QFETCH(bool, usable);
    const QString problem = profile.problem();
    QVERIFY2(problem.isEmpty() == usable, qPrintable(problem));
    if (!usable)
        QVERIFY(problem.endsWith(u'.'));
    if (usable) {
        QVERIFY(profile.vodEndpoint().isValid());
        QCOMPARE(profile.vodEndpoint().scheme().startsWith(u"http"_s), true);
    }
}

// The upload settings: the part size in bytes (stored in KB) within VOD's limits, parts in
// flight 1..16, the bandwidth limit (0: unlimited) in whole KB/s; all survive a restart.
void TestSettings::uploadPartSizeAndPartsInFlight()
{
    {
        Settings s(path());
        QCOMPARE(s.uploadPartSize(), qint64(20) * 1024 * 1024);
        QCOMPARE(s.uploadPartsInFlight(), 3);
        s.setUploadPartSize(1);
        QCOMPARE(s.uploadPartSize(), qint64(100) * 1024);
        s.setUploadPartSize(qint64(10) * 1024 * 1024 * 1024);
        QCOMPARE(s.uploadPartSize(), qint64(5) * 1024 * 1024 * 1024);
        s.setUploadPartSize(qint64(8) * 1024 * 1024 + 100);
        s.setUploadPartsInFlight(0);
        QCOMPARE(s.uploadPartsInFlight(), 1);
        s.setUploadPartsInFlight(6);
        QCOMPARE(s.uploadBandwidthLimit(), qint64(0));
        s.setUploadBandwidthLimit(-5);
        QCOMPARE(s.uploadBandwidthLimit(), qint64(0));
        s.setUploadBandwidthLimit(2 * 1024 * 1024 + 1000);
        QVERIFY(s.sync());
    }
    Settings s(path());
    QCOMPARE(s.uploadPartSize(), qint64(8) * 1024 * 1024);
    QCOMPARE(s.uploadPartsInFlight(), 6);
    QCOMPARE(s.uploadBandwidthLimit(), qint64(2) * 1024 * 1024);
}

QTEST_GUILESS_MAIN(TestSettings)
#include "tst_settings.moc"
