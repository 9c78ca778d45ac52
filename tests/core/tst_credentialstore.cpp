#include "settings/credentialstore.h"

#include <QCoreApplication>
#include <QProcess>
#include <QTest>
#include <QThread>

#include <optional>

using namespace VodConfirm;
using namespace Qt::StringLiterals;

// Runs against the real OS keychain. Which situation the test is in comes only from the
// environment, never from guessing:
// - VODCONFIRM_EXPECT_KEYCHAIN=1 (set by `./dev test`, which runs ctest inside a private D-Bus
//   session with an unlocked gnome-keyring): the keychain must work; every round trip runs.
// - otherwise the round trips are skipped, so running the binary by hand never touches (or asks
//   to unlock) a developer's own keychain.
// - always, noBackendInChildProcess reruns this binary with no way to reach D-Bus and
//   VODCONFIRM_EXPECT_NO_KEYCHAIN=1: there the store must report noBackend with its plain
//   sentence and keep nothing anywhere else.
class TestCredentialStore : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void keys();
    void requiredKinds();
    void noBackendIsReportedClearly();
    void noBackendInChildProcess();
    void writeReadOverwriteDelete();
    void callbacksAreAsynchronousAndFollowContext();
    void profilesAreIsolated();
    void removeAll();
    void renameMovesSecrets();
    void load_data();
    void load();
    void loadWithoutRememberedSecretsSkipsKeychain();
    void storeKeepsExactlyWhatTheModeNeeds();
    void blockingVariants();

private:
    // A service name of its own, so the test never touches a real user's vodconfirm secrets.
    const QString m_service = u"vodconfirm-test-%1"_s.arg(QCoreApplication::applicationPid());
    CredentialStore *m_store = nullptr;
    bool m_expectKeychain = false;
    bool m_expectNoKeychain = false;
};

// Waits (event loop running) for an async result.
template<typename T> struct Waiter
{
    std::optional<T> result;
    bool wait(int ms = 30000)
    {
        return QTest::qWaitFor([this] { return result.has_value(); }, ms);
    }
};

void TestCredentialStore::initTestCase()
{
    m_expectKeychain = qEnvironmentVariable("VODCONFIRM_EXPECT_KEYCHAIN") == "1"_L1;
    m_expectNoKeychain = qEnvironmentVariable("VODCONFIRM_EXPECT_NO_KEYCHAIN") == "1"_L1;
    QVERIFY2(!(m_expectKeychain && m_expectNoKeychain), "contradictory environment");
    m_store = new CredentialStore(m_service, this);
    QCOMPARE(m_store->service(), m_service);
    if (m_expectKeychain) {
        QString error;
        QVERIFY2(m_store->checkBackendBlocking(&error),
                 qPrintable(u"VODCONFIRM_EXPECT_KEYCHAIN=1 but the keychain is not usable: "_s
                            + error));
        QVERIFY(error.isEmpty());
    }
}

void TestCredentialStore::cleanupTestCase()
{
    if (!m_expectKeychain)
        return;
    for (const char *p : {"alpha", "beta", "gamma", "renamed", "aksk", "aksk-st", "token",
                          "password", "stored", "blocking", "async"})
        m_store->removeAllBlocking(QString::fromLatin1(p));
}

#define REQUIRE_KEYCHAIN() \
    do { \
        if (!m_expectKeychain) \
            QSKIP("Set VODCONFIRM_EXPECT_KEYCHAIN=1 in a session with a usable keychain " \
                  "(./dev test does) to run the keychain round trips"); \
    } while (false)

void TestCredentialStore::keys()
{
    QCOMPARE(CredentialStore::keyFor(u"prod"_s, SecretKind::SecretKey), u"prod/sk"_s);
    QCOMPARE(CredentialStore::keyFor(u"prod"_s, SecretKind::SecurityToken),
             u"prod/security-token"_s);
    QCOMPARE(CredentialStore::keyFor(u"prod"_s, SecretKind::Token), u"prod/token"_s);
    QCOMPARE(CredentialStore::keyFor(u"prod"_s, SecretKind::Password), u"prod/password"_s);
    QCOMPARE(CredentialStore::keyFor(u"prod"_s, SecretKind::ProxyPassword),
             u"prod/proxy-password"_s);
    QCOMPARE(CredentialStore::allKinds().size(), 5);
    for (SecretKind k : CredentialStore::allKinds())
        QVERIFY(!CredentialStore::kindName(k).isEmpty());
    QCOMPARE(CredentialStore().service(), u"vodconfirm"_s);
}

void TestCredentialStore::requiredKinds()
{
    Profile p;
    p.authMode = AuthMode::AkSk;
    QCOMPARE(CredentialStore::requiredKinds(p), QList {SecretKind::SecretKey});
    p.useSecurityToken = true;
    QCOMPARE(CredentialStore::requiredKinds(p),
             (QList {SecretKind::SecretKey, SecretKind::SecurityToken}));
    p.authMode = AuthMode::Token;
    QCOMPARE(CredentialStore::requiredKinds(p), QList {SecretKind::Token});
    p.authMode = AuthMode::Password;
    QCOMPARE(CredentialStore::requiredKinds(p), QList {SecretKind::Password});
    // The proxy password only with a manual proxy that has a user name.
    p.proxyUserName = u"proxy-user"_s;
    QCOMPARE(CredentialStore::requiredKinds(p), QList {SecretKind::Password});
    p.proxyMode = ProxyMode::Manual;
    QCOMPARE(CredentialStore::requiredKinds(p),
             (QList {SecretKind::Password, SecretKind::ProxyPassword}));
    p.proxyUserName.clear();
    QCOMPARE(CredentialStore::requiredKinds(p), QList {SecretKind::Password});
}

void TestCredentialStore::noBackendIsReportedClearly()
{
    if (!m_expectNoKeychain)
        QSKIP("runs in the child process started by noBackendInChildProcess");

    QString backendError;
    QVERIFY2(!m_store->checkBackendBlocking(&backendError),
             "a keychain answered although no D-Bus session is reachable");
    QVERIFY(backendError.startsWith(u"No system keychain is available ("_s));

    const QString secret = u"SuperSecretValue-do-not-leak-0123456789"_s;
    QString error;
    QVERIFY(!m_store->writeBlocking(u"alpha"_s, SecretKind::SecretKey, secret, &error));
    QVERIFY(error.startsWith(u"No system keychain is available ("_s));
    QVERIFY(error.contains(u"Secrets for this profile cannot be remembered; you will be asked "
                           "for them each session."_s));
    QVERIFY(!error.contains(secret));

    const CredentialStore::ReadResult r = m_store->readBlocking(u"alpha"_s, SecretKind::SecretKey);
    QVERIFY(!r.ok);
    QVERIFY(r.noBackend);
    QVERIFY(!r.notFound);
    QVERIFY(r.value.isEmpty()); // nothing was kept anywhere else
    QVERIFY(r.error.startsWith(u"No system keychain is available"_s));

    Profile p;
    p.name = u"alpha"_s;
    Credentials c;
    c.secretKey = secret;
    QVERIFY(!m_store->storeBlocking(p, c, &error));
    QVERIFY(error.startsWith(u"No system keychain is available"_s));
    const Credentials loaded = m_store->loadBlocking(p, &error);
    QVERIFY(loaded.secretKey.isEmpty());
    QVERIFY(error.startsWith(u"No system keychain is available"_s));
    QVERIFY(!loaded.missing().isEmpty());
}

// Runs noBackendIsReportedClearly in a copy of this test without any way to reach D-Bus, so the
// no-plaintext-fallback promise is checked on every run, keychain or not.
void TestCredentialStore::noBackendInChildProcess()
{
#ifndef Q_OS_LINUX
    QSKIP("only Linux reaches its keychain through D-Bus, which the child can be cut off from");
#endif
    if (m_expectNoKeychain)
        QSKIP("this is the child");
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"DBUS_SESSION_BUS_ADDRESS", "DISPLAY", "WAYLAND_DISPLAY",
                             "XDG_RUNTIME_DIR", "VODCONFIRM_EXPECT_KEYCHAIN"})
        env.remove(QString::fromLatin1(name));
    env.insert(u"VODCONFIRM_EXPECT_NO_KEYCHAIN"_s, u"1"_s);
    QProcess child;
    child.setProcessEnvironment(env);
    child.setProcessChannelMode(QProcess::MergedChannels);
    child.start(QCoreApplication::applicationFilePath(), {u"noBackendIsReportedClearly"_s});
    QVERIFY(child.waitForFinished(60000));
    const QByteArray output = child.readAll();
    QVERIFY2(child.exitStatus() == QProcess::NormalExit && child.exitCode() == 0,
             output.constData());
    QVERIFY2(output.contains("PASS   : TestCredentialStore::noBackendIsReportedClearly()"),
             output.constData());
}

void TestCredentialStore::writeReadOverwriteDelete()
{
    REQUIRE_KEYCHAIN();
    QString error;
    QVERIFY2(m_store->writeBlocking(u"alpha"_s, SecretKind::SecretKey, u"first-SK-€"_s, &error),
             qPrintable(error));
    QVERIFY(error.isEmpty());

    CredentialStore::ReadResult r = m_store->readBlocking(u"alpha"_s, SecretKind::SecretKey);
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.value, u"first-SK-€"_s);
    QVERIFY(!r.notFound);
    QVERIFY(!r.noBackend);
    QVERIFY(r.error.isEmpty());

    QVERIFY(m_store->writeBlocking(u"alpha"_s, SecretKind::SecretKey, u"second-SK"_s, &error));
    r = m_store->readBlocking(u"alpha"_s, SecretKind::SecretKey);
    QVERIFY(r.ok);
    QCOMPARE(r.value, u"second-SK"_s);

    // Another kind under the same profile is separate.
    r = m_store->readBlocking(u"alpha"_s, SecretKind::Password);
    QVERIFY(!r.ok);
    QVERIFY(r.notFound);

    QVERIFY2(m_store->removeBlocking(u"alpha"_s, SecretKind::SecretKey, &error), qPrintable(error));
    r = m_store->readBlocking(u"alpha"_s, SecretKind::SecretKey);
    QVERIFY(!r.ok);
    QVERIFY(r.notFound);
    QVERIFY(!r.noBackend);
    QVERIFY(r.value.isEmpty());
    QVERIFY(r.error.contains(u"alpha"_s));
    QVERIFY(!r.error.contains(u"second-SK"_s));

    // Removing what is not there succeeds.
    QVERIFY(m_store->removeBlocking(u"alpha"_s, SecretKind::SecretKey, &error));
}

void TestCredentialStore::callbacksAreAsynchronousAndFollowContext()
{
    REQUIRE_KEYCHAIN();
    QObject context;
    Waiter<std::pair<bool, QString>> written;
    bool calledInline = true;
    m_store->write(u"async"_s, SecretKind::Token, u"tok-123"_s, &context,
                   [&](bool ok, const QString &error) {
                       QCOMPARE(QThread::currentThread(), context.thread());
                       written.result = std::pair(ok, error);
                   });
    calledInline = written.result.has_value();
    QVERIFY(!calledInline);
    QVERIFY(written.wait());
    QVERIFY2(written.result->first, qPrintable(written.result->second));

    Waiter<CredentialStore::ReadResult> read;
    m_store->read(u"async"_s, SecretKind::Token, &context,
                  [&](const CredentialStore::ReadResult &r) { read.result = r; });
    QVERIFY(read.wait());
    QCOMPARE(read.result->value, u"tok-123"_s);

    // A context destroyed before the answer: the callback never runs.
    bool called = false;
    auto *gone = new QObject;
    m_store->read(u"async"_s, SecretKind::Token, gone,
                  [&](const CredentialStore::ReadResult &) { called = true; });
    delete gone;
    // A later operation on the same (serialised) keychain finishing proves the first one did too.
    Waiter<CredentialStore::ReadResult> after;
    m_store->read(u"async"_s, SecretKind::Token, &context,
                  [&](const CredentialStore::ReadResult &r) { after.result = r; });
    QVERIFY(after.wait());
    QCoreApplication::processEvents();
    QVERIFY(!called);
}

void TestCredentialStore::profilesAreIsolated()
{
    REQUIRE_KEYCHAIN();
    QVERIFY(m_store->writeBlocking(u"alpha"_s, SecretKind::SecretKey, u"alpha-sk"_s));
    QVERIFY(m_store->writeBlocking(u"beta"_s, SecretKind::SecretKey, u"beta-sk"_s));
    QCOMPARE(m_store->readBlocking(u"alpha"_s, SecretKind::SecretKey).value, u"alpha-sk"_s);
    QCOMPARE(m_store->readBlocking(u"beta"_s, SecretKind::SecretKey).value, u"beta-sk"_s);
    QVERIFY(m_store->readBlocking(u"gamma"_s, SecretKind::SecretKey).notFound);

    // A different service (another application, or the real vodconfirm) sees nothing.
    CredentialStore other(m_service + u"-other"_s);
    QVERIFY(other.readBlocking(u"alpha"_s, SecretKind::SecretKey).notFound);

    QVERIFY(m_store->removeBlocking(u"alpha"_s, SecretKind::SecretKey));
    QVERIFY(m_store->readBlocking(u"alpha"_s, SecretKind::SecretKey).notFound);
    QCOMPARE(m_store->readBlocking(u"beta"_s, SecretKind::SecretKey).value, u"beta-sk"_s);
    QVERIFY(m_store->removeBlocking(u"beta"_s, SecretKind::SecretKey));
}

void TestCredentialStore::removeAll()
{
    REQUIRE_KEYCHAIN();
    for (SecretKind k : CredentialStore::allKinds())
        QVERIFY(m_store->writeBlocking(u"gamma"_s, k, u"v-%1"_s.arg(int(k))));
    QVERIFY(m_store->writeBlocking(u"beta"_s, SecretKind::Password, u"keep-me"_s));

    QObject context;
    Waiter<std::pair<bool, QString>> done;
    m_store->removeAll(u"gamma"_s, &context,
                       [&](bool ok, const QString &e) { done.result = std::pair(ok, e); });
    QVERIFY(done.wait());
    QVERIFY2(done.result->first, qPrintable(done.result->second));
    for (SecretKind k : CredentialStore::allKinds())
        QVERIFY(m_store->readBlocking(u"gamma"_s, k).notFound);
    QCOMPARE(m_store->readBlocking(u"beta"_s, SecretKind::Password).value, u"keep-me"_s);
    QVERIFY(m_store->removeAllBlocking(u"beta"_s));
    QVERIFY(m_store->readBlocking(u"beta"_s, SecretKind::Password).notFound);
}

void TestCredentialStore::renameMovesSecrets()
{
    REQUIRE_KEYCHAIN();
    QVERIFY(m_store->writeBlocking(u"alpha"_s, SecretKind::SecretKey, u"moving-sk"_s));
    QVERIFY(m_store->writeBlocking(u"alpha"_s, SecretKind::SecurityToken, u"moving-st"_s));
    QVERIFY(m_store->writeBlocking(u"renamed"_s, SecretKind::Password, u"stale"_s));

    QObject context;
    Waiter<std::pair<bool, QString>> done;
    m_store->rename(u"alpha"_s, u"renamed"_s, &context,
                    [&](bool ok, const QString &e) { done.result = std::pair(ok, e); });
    QVERIFY(done.wait());
    QVERIFY2(done.result->first, qPrintable(done.result->second));

    QCOMPARE(m_store->readBlocking(u"renamed"_s, SecretKind::SecretKey).value, u"moving-sk"_s);
    QCOMPARE(m_store->readBlocking(u"renamed"_s, SecretKind::SecurityToken).value, u"moving-st"_s);
    QVERIFY(m_store->readBlocking(u"renamed"_s, SecretKind::Password).notFound);
    for (SecretKind k : CredentialStore::allKinds())
        QVERIFY(m_store->readBlocking(u"alpha"_s, k).notFound);
    QVERIFY(m_store->removeAllBlocking(u"renamed"_s));
}

void TestCredentialStore::load_data()
{
    QTest::addColumn<Profile>("profile");
    QTest::addColumn<Credentials>("expected");

    Profile aksk;
    aksk.name = u"aksk"_s;
    aksk.regionId = u"cn-north-4"_s;
    aksk.projectId = u"0a1b2c3d4e5f60718293a4b5c6d7e8f9"_s;
    aksk.accessKey = u"HPUAEXAMPLEAK0000001"_s;
    Credentials c;
    c.mode = AuthMode::AkSk;
    c.accessKey = aksk.accessKey;
    c.secretKey = u"aksk-secret"_s;
    QTest::newRow("aksk") << aksk << c;

    Profile st = aksk;
    st.name = u"aksk-st"_s;
    st.useSecurityToken = true;
    c.secretKey = u"temp-secret"_s;
    c.securityToken = u"temp-security-token"_s;
    QTest::newRow("aksk + security token") << st << c;

    Profile token = aksk;
    token.name = u"token"_s;
    token.authMode = AuthMode::Token;
    token.accessKey.clear();
    c = Credentials();
    c.mode = AuthMode::Token;
    c.token = u"MIIEhwYJKoZIhvcNAQcCoIIEeDCC-token"_s;
    QTest::newRow("token") << token << c;

    Profile password = aksk;
    password.name = u"password"_s;
    password.authMode = AuthMode::Password;
    password.accessKey.clear();
    password.userName = u"ops-bot"_s;
    password.accountName = u"example-account"_s;
    c = Credentials();
    c.mode = AuthMode::Password;
    c.userName = u"ops-bot"_s;
    c.accountName = u"example-account"_s;
    c.password = u"correct horse battery staple"_s;
    QTest::newRow("password") << password << c;

    Profile proxy = aksk;
    proxy.name = u"aksk-proxy"_s;
    proxy.proxyMode = ProxyMode::Manual;
    proxy.proxyHost = u"proxy.example.com"_s;
    proxy.proxyPort = 3128;
    proxy.proxyUserName = u"proxy-user"_s;
    c = Credentials();
    c.mode = AuthMode::AkSk;
    c.accessKey = aksk.accessKey;
    c.secretKey = u"aksk-secret"_s;
    c.proxyPassword = u"proxy-secret"_s;
    QTest::newRow("aksk + proxy password") << proxy << c;
}

void TestCredentialStore::load()
{
    REQUIRE_KEYCHAIN();
    QFETCH(Profile, profile);
    QFETCH(Credentials, expected);

    // Nothing stored yet: the non-secret half is filled, error is empty, missing() says what.
    QVERIFY(m_store->removeAllBlocking(profile.name));
    QString error;
    Credentials empty = m_store->loadBlocking(profile, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(empty.mode, expected.mode);
    QCOMPARE(empty.accessKey, expected.accessKey);
    QCOMPARE(empty.userName, expected.userName);
    QVERIFY(!empty.missing().isEmpty());

    // Secrets of other kinds under the same profile must not leak into the result.
    QVERIFY(m_store->writeBlocking(profile.name, SecretKind::SecretKey, u"x-sk"_s));
    QVERIFY(m_store->writeBlocking(profile.name, SecretKind::SecurityToken, u"x-st"_s));
    QVERIFY(m_store->writeBlocking(profile.name, SecretKind::Token, u"x-token"_s));
    QVERIFY(m_store->writeBlocking(profile.name, SecretKind::Password, u"x-password"_s));
    QVERIFY(m_store->writeBlocking(profile.name, SecretKind::ProxyPassword, u"x-proxy"_s));
    QVERIFY(m_store->storeBlocking(profile, expected, &error));

    QObject context;
    Waiter<std::pair<Credentials, QString>> loaded;
    m_store->load(profile, &context,
                  [&](const Credentials &c, const QString &e) { loaded.result = std::pair(c, e); });
    QVERIFY(loaded.wait());
    const auto &[creds, loadError] = *loaded.result;
    QVERIFY2(loadError.isEmpty(), qPrintable(loadError));
    QCOMPARE(creds.mode, expected.mode);
    QCOMPARE(creds.accessKey, expected.accessKey);
    QCOMPARE(creds.secretKey, expected.secretKey);
    QCOMPARE(creds.securityToken, expected.securityToken);
    QCOMPARE(creds.token, expected.token);
    QCOMPARE(creds.userName, expected.userName);
    QCOMPARE(creds.password, expected.password);
    QCOMPARE(creds.accountName, expected.accountName);
    QCOMPARE(creds.proxyPassword, expected.proxyPassword);
    QCOMPARE(creds.missing(), QString());
    QVERIFY(m_store->removeAllBlocking(profile.name));
}

void TestCredentialStore::loadWithoutRememberedSecretsSkipsKeychain()
{
    REQUIRE_KEYCHAIN();
    Profile p;
    p.name = u"stored"_s;
    p.accessKey = u"AK"_s;
    QVERIFY(m_store->writeBlocking(p.name, SecretKind::SecretKey, u"would-be-found"_s));
    p.rememberSecrets = false;
    QString error;
    const Credentials c = m_store->loadBlocking(p, &error);
    QVERIFY(error.isEmpty());
    QCOMPARE(c.accessKey, u"AK"_s);
    QVERIFY(c.secretKey.isEmpty());
    QVERIFY(c.missing().contains(u"SK"_s));

    // Storing with rememberSecrets off forgets what was there.
    Credentials given;
    given.secretKey = u"not-to-be-kept"_s;
    QVERIFY(m_store->storeBlocking(p, given, &error));
    for (SecretKind k : CredentialStore::allKinds())
        QVERIFY(m_store->readBlocking(p.name, k).notFound);
}

void TestCredentialStore::storeKeepsExactlyWhatTheModeNeeds()
{
    REQUIRE_KEYCHAIN();
    Profile p;
    p.name = u"stored"_s;
    p.authMode = AuthMode::Password;
    Credentials c;
    c.password = u"pw"_s;
    c.secretKey = u"sk-not-needed"_s;
    QString error;
    QVERIFY2(m_store->storeBlocking(p, c, &error), qPrintable(error));
    QCOMPARE(m_store->readBlocking(p.name, SecretKind::Password).value, u"pw"_s);
    QVERIFY(m_store->readBlocking(p.name, SecretKind::SecretKey).notFound);

    // Switching the profile to AK/SK: the password goes, the SK is kept.
    p.authMode = AuthMode::AkSk;
    c.secretKey = u"sk-now"_s;
    QVERIFY(m_store->storeBlocking(p, c, &error));
    QCOMPARE(m_store->readBlocking(p.name, SecretKind::SecretKey).value, u"sk-now"_s);
    QVERIFY(m_store->readBlocking(p.name, SecretKind::Password).notFound);
    QVERIFY(m_store->readBlocking(p.name, SecretKind::SecurityToken).notFound);

    // A proxy user name brings the proxy password; without one it goes.
    p.proxyMode = ProxyMode::Manual;
    p.proxyUserName = u"proxy-user"_s;
    c.proxyPassword = u"proxy-pw"_s;
    QVERIFY(m_store->storeBlocking(p, c, &error));
    QCOMPARE(m_store->readBlocking(p.name, SecretKind::ProxyPassword).value, u"proxy-pw"_s);
    p.proxyUserName.clear();
    QVERIFY(m_store->storeBlocking(p, c, &error));
    QVERIFY(m_store->readBlocking(p.name, SecretKind::ProxyPassword).notFound);
    QCOMPARE(m_store->readBlocking(p.name, SecretKind::SecretKey).value, u"sk-now"_s);
    QVERIFY(m_store->removeAllBlocking(p.name));
}

void TestCredentialStore::blockingVariants()
{
    REQUIRE_KEYCHAIN();
    QString error;
    QVERIFY(m_store->checkBackendBlocking(&error));
    QVERIFY(error.isEmpty());
    QVERIFY(m_store->writeBlocking(u"blocking"_s, SecretKind::Token, u"t"_s, &error));
    QCOMPARE(m_store->readBlocking(u"blocking"_s, SecretKind::Token).value, u"t"_s);
    QVERIFY(m_store->removeAllBlocking(u"blocking"_s, &error));
    QVERIFY(m_store->readBlocking(u"blocking"_s, SecretKind::Token).notFound);
}

QTEST_GUILESS_MAIN(TestCredentialStore)
#include "tst_credentialstore.moc"
