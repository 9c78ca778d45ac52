#include "api/connectioncheck.h"
#include "firstrunpage.h"
#include "profiledialog.h"
#include "settings/credentialstore.h"
#include "settings/settings.h"
#include "testfixtures.h"
#include "testproxy.h"
#include "vodtestserver.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDBusInterface>
#include <QDBusMessage>
#include <QDBusObjectPath>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <memory>

using namespace VodConfirm;
using namespace VodConfirm::Test;
using namespace Qt::StringLiterals;

namespace {
const QString ProjectId = u"0a1b2c3d4e5f60718293a4b5c6d7e8f9"_s;
const QString AccessKey = u"HPUAEXAMPLEAK0000001"_s;
const QString SecretKey = u"ExampleSecretKey0000000000000000000000001"_s;
} // namespace

class TestProfileDialog : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();

    void createProfileThroughWidgets();
    void secretFieldsAreMaskedWithToggle();
    void fieldsFollowAuthMode();
    void validationIsInline();
    void dontRememberSaysNotStored();
    void renameAndDuplicate();
    void removeAsksAndDeletesSecrets();
    void widgetsAreNamedAndAccessible();
    void checkConnectionSucceeds();
    void checkConnectionFailures_data();
    void checkConnectionFailures();
    void checkConnectionDoesNotSave();
    void checkConnectionWithIamPassword();
    void plainWordsForResults_data();
    void plainWordsForResults();
    void firstRunCreatesProfile();
    void closingAsksBeforeDiscarding();
    void caFileAndProxyAreSavedWithoutThePassword();
    void checkConnectionUsesCaFileAndProxy();
    void keychainRefusalKeepsInput();
    void withoutKeychainOneSentence();

private:
    template<typename T> T *find(QWidget *root, const QString &objectName)
    {
        T *widget = root->findChild<T *>(objectName);
        if (!widget)
            qWarning("no widget %s", qPrintable(objectName));
        return widget;
    }
    void makeDialog();
    void waitForKeychain();
    void typeInto(const QString &objectName, const QString &text);
    void fillServerProfile(const QString &name, const QString &secretKey);
    void setManualProxy(const QString &host, int port, const QString &user = {},
                        const QString &password = {});
    bool keychainUsable() const { return m_dialog->keychainState() == 1; }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Settings> m_settings;
    CredentialStore *m_credentials = nullptr; // Test::sharedCredentialStore()
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<VodTestServer> m_server;
    std::unique_ptr<ProfileDialog> m_dialog;
};

void TestProfileDialog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_credentials = Test::sharedCredentialStore();
}

void TestProfileDialog::cleanupTestCase() { }

void TestProfileDialog::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_settings = std::make_unique<Settings>(m_dir->filePath(u"settings.ini"_s));
    m_nam = std::make_unique<QNetworkAccessManager>();
    m_server = std::make_unique<VodTestServer>();
    QVERIFY(m_server->listen());
}

void TestProfileDialog::cleanup()
{
    if (m_dialog && m_credentials) {
        // Leave nothing behind in a real keychain.
        for (const QString &name : m_settings->profileNames())
            m_credentials->removeAllBlocking(name);
    }
    m_dialog.reset();
    m_server.reset();
    m_nam.reset();
    m_settings.reset();
    m_dir.reset();
}

void TestProfileDialog::makeDialog()
{
    m_dialog = std::make_unique<ProfileDialog>(m_settings.get(), m_credentials, m_nam.get());
    m_dialog->resize(900, 700);
    m_dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
}

void TestProfileDialog::waitForKeychain()
{
    QTRY_VERIFY_WITH_TIMEOUT(m_dialog->keychainState() != -1, 30000);
}

void TestProfileDialog::typeInto(const QString &objectName, const QString &text)
{
    auto *edit = find<QLineEdit>(m_dialog.get(), objectName);
    QVERIFY(edit);
    QVERIFY2(edit->isVisible(), qPrintable(objectName));
    edit->selectAll();
    if (text.isEmpty())
        QTest::keyClick(edit, Qt::Key_Backspace);
    else
        QTest::keyClicks(edit, text);
    QCOMPARE(edit->text(), text);
}

// A profile for the loopback server, entered through the widgets.
void TestProfileDialog::fillServerProfile(const QString &name, const QString &secretKey)
{
    typeInto(u"profileName"_s, name);
    auto *region = find<QComboBox>(m_dialog.get(), u"profileRegion"_s);
    region->setCurrentIndex(region->count() - 1); // custom endpoint
    typeInto(u"profileEndpoint"_s, m_server->url().toString());
    typeInto(u"profileProjectId"_s, ProjectId);
    typeInto(u"profileAccessKey"_s, AccessKey);
    typeInto(u"profileSecretKey"_s, secretKey);
}

void TestProfileDialog::setManualProxy(const QString &host, int port, const QString &user,
                                       const QString &password)
{
    auto *mode = find<QComboBox>(m_dialog.get(), u"profileProxyMode"_s);
    mode->setCurrentIndex(mode->findData(int(ProxyMode::Manual)));
    typeInto(u"profileProxyHost"_s, host);
    find<QSpinBox>(m_dialog.get(), u"profileProxyPort"_s)->setValue(port);
    typeInto(u"profileProxyUserName"_s, user);
    if (!user.isEmpty())
        typeInto(u"profileProxyPassword"_s, password);
}

void TestProfileDialog::createProfileThroughWidgets()
{
    makeDialog();
    waitForKeychain();
    // No profile yet: the editor starts on a new one.
    QCOMPARE(find<QListWidget>(m_dialog.get(), u"profileList"_s)->count(), 0);
    QCOMPARE(find<QLineEdit>(m_dialog.get(), u"profileName"_s)->text(), u"default"_s);

    typeInto(u"profileName"_s, u"prod"_s);
    auto *region = find<QComboBox>(m_dialog.get(), u"profileRegion"_s);
    region->setFocus();
    region->setCurrentIndex(region->findData(u"ap-southeast-1"_s));
    typeInto(u"profileProjectId"_s, ProjectId);
    typeInto(u"profileAccessKey"_s, AccessKey);
    typeInto(u"profileSecretKey"_s, SecretKey);

    auto *save = find<QPushButton>(m_dialog.get(), u"profileSaveButton"_s);
    QVERIFY(save->isEnabled());
    QSignalSpy saved(m_dialog.get(), &ProfileDialog::profileSaved);
    QTest::mouseClick(save, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 1, 30000);
    QCOMPARE(saved.at(0).at(0).toString(), u"prod"_s);
    QCOMPARE(saved.at(0).at(1).value<Credentials>().secretKey, SecretKey);
    QVERIFY(!m_dialog->hasUnsavedChanges());
    QVERIFY(!save->isEnabled());

    // Read back through a second Settings object on the same file.
    QVERIFY(m_settings->sync());
    Settings again(m_settings->fileName());
    QCOMPARE(again.profileNames(), QStringList({u"prod"_s}));
    QCOMPARE(again.activeProfileName(), u"prod"_s); // the first profile becomes active
    const std::optional<Profile> p = again.profile(u"prod"_s);
    QVERIFY(p);
    QCOMPARE(p->regionId, u"ap-southeast-1"_s);
    QVERIFY(p->customEndpoint.isEmpty());
    QCOMPARE(p->projectId, ProjectId);
    QCOMPARE(p->authMode, AuthMode::AkSk);
    QCOMPARE(p->accessKey, AccessKey);
    QVERIFY(p->rememberSecrets);

    // The secret is never in the settings file.
    QFile file(m_settings->fileName());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray contents = file.readAll();
    QVERIFY(contents.contains(AccessKey.toUtf8()));
    QVERIFY(!contents.contains(SecretKey.toUtf8()));
    QVERIFY(!contents.contains("ExampleSecretKey"));

    auto *storage = find<QLabel>(m_dialog.get(), u"profileSecretStorage"_s);
    qInfo("system keychain usable: %s", keychainUsable() ? "yes" : "no");
    if (keychainUsable()) {
        QVERIFY(storage->text().contains(u"stored in the system keychain"_s));
        const CredentialStore::ReadResult r
                = m_credentials->readBlocking(u"prod"_s, SecretKind::SecretKey);
        QVERIFY(r.ok);
        QCOMPARE(r.value, SecretKey);
        // Reopening the dialog reads the secret back from the keychain.
        m_dialog.reset();
        makeDialog();
        QTRY_COMPARE_WITH_TIMEOUT(find<QLineEdit>(m_dialog.get(), u"profileSecretKey"_s)->text(),
                                  SecretKey, 30000);
        QVERIFY(!m_dialog->hasUnsavedChanges());
    } else {
        QVERIFY2(storage->text().contains(u"not stored"_s), qPrintable(storage->text()));
        QVERIFY(storage->text().contains(u"asked for them"_s));
    }
    // The list shows the new profile as the active one.
    auto *list = find<QListWidget>(m_dialog.get(), u"profileList"_s);
    QCOMPARE(list->count(), 1);
    QVERIFY(list->item(0)->text().contains(u"active"_s));
}

void TestProfileDialog::secretFieldsAreMaskedWithToggle()
{
    makeDialog();
    for (const QString &field :
         {u"profileSecretKey"_s, u"profileSecurityToken"_s, u"profileToken"_s, u"profilePassword"_s,
          u"profileProxyPassword"_s}) {
        auto *edit = find<QLineEdit>(m_dialog.get(), field);
        QCOMPARE(edit->echoMode(), QLineEdit::Password);
        auto *toggle = find<QToolButton>(m_dialog.get(), field + u"Show"_s);
        QVERIFY(toggle);
        toggle->click();
        QCOMPARE(edit->echoMode(), QLineEdit::Normal);
        QCOMPARE(toggle->text(), u"Hide"_s);
        toggle->click();
        QCOMPARE(edit->echoMode(), QLineEdit::Password);
    }
}

void TestProfileDialog::fieldsFollowAuthMode()
{
    makeDialog();
    auto *mode = find<QComboBox>(m_dialog.get(), u"profileAuthMode"_s);
    auto *region = find<QComboBox>(m_dialog.get(), u"profileRegion"_s);
    const auto visible = [this](const char *name) {
        return m_dialog->findChild<QWidget *>(QString::fromLatin1(name))->isVisible();
    };
    QCOMPARE(mode->count(), 4);
    QCOMPARE(region->count(), 7); // six regions and "custom endpoint"
    QVERIFY(region->itemText(0).contains(u"cn-north-4"_s));
    QVERIFY(region->itemText(0).contains(u"Beijing4"_s));

    mode->setCurrentIndex(0); // AK/SK
    QVERIFY(visible("profileAccessKey") && visible("profileSecretKey"));
    QVERIFY(!visible("profileSecurityToken") && !visible("profileToken"));
    QVERIFY(!visible("profileUserName") && !visible("profilePassword"));
    QVERIFY(!visible("profileEndpoint"));
    mode->setCurrentIndex(1); // AK/SK + security token
    QVERIFY(visible("profileAccessKey") && visible("profileSecretKey")
            && visible("profileSecurityToken"));
    mode->setCurrentIndex(2); // IAM token
    QVERIFY(visible("profileToken"));
    QVERIFY(!visible("profileAccessKey") && !visible("profileSecretKey"));
    mode->setCurrentIndex(3); // IAM user + password
    QVERIFY(visible("profileUserName") && visible("profilePassword")
            && visible("profileAccountName"));
    QVERIFY(!visible("profileToken") && !visible("profileAccessKey"));
    QVERIFY(!visible("profileIamEndpoint"));
    region->setCurrentIndex(region->count() - 1);
    QVERIFY(visible("profileEndpoint") && visible("profileIamEndpoint"));
    QCOMPARE(m_dialog->editedProfile().authMode, AuthMode::Password);
    QVERIFY(m_dialog->editedProfile().regionId.isEmpty());
}

void TestProfileDialog::validationIsInline()
{
    makeDialog();
    auto *problem = find<QLabel>(m_dialog.get(), u"profileProblem"_s);
    auto *save = find<QPushButton>(m_dialog.get(), u"profileSaveButton"_s);
    typeInto(u"profileName"_s, u"prod"_s);
    // No project id yet.
    QVERIFY(problem->isVisible());
    QCOMPARE(problem->text(), m_dialog->editedProfile().problem());
    QVERIFY(problem->text().contains(u"project ID"_s));
    QVERIFY(!save->isEnabled());
    QVERIFY(!find<QPushButton>(m_dialog.get(), u"profileCheckButton"_s)->isEnabled());

    typeInto(u"profileProjectId"_s, u"not a project!"_s);
    QVERIFY(problem->text().contains(u"project ID"_s));
    typeInto(u"profileProjectId"_s, ProjectId);
    QVERIFY(problem->text().contains(u"access key"_s));
    typeInto(u"profileAccessKey"_s, AccessKey);
    QVERIFY(save->isEnabled());
    // Without the SK the profile can still be saved: a note says it is asked for later.
    QVERIFY(problem->text().contains(u"asked for it"_s));
    typeInto(u"profileSecretKey"_s, SecretKey);
    QVERIFY(!problem->isVisible());

    auto *region = find<QComboBox>(m_dialog.get(), u"profileRegion"_s);
    region->setCurrentIndex(region->count() - 1);
    typeInto(u"profileEndpoint"_s, u"http://vod.example.com"_s);
    QVERIFY(problem->isVisible());
    QVERIFY2(problem->text().contains(u"https"_s), qPrintable(problem->text()));
    QVERIFY(!save->isEnabled());
    typeInto(u"profileEndpoint"_s, u"https://vod.example.com"_s);
    QVERIFY(save->isEnabled());

    typeInto(u"profileName"_s, u"a/b"_s);
    QVERIFY(problem->text().contains(u"/"_s));
    QVERIFY(!save->isEnabled());
}

void TestProfileDialog::dontRememberSaysNotStored()
{
    makeDialog();
    waitForKeychain();
    auto *storage = find<QLabel>(m_dialog.get(), u"profileSecretStorage"_s);
    auto *dontRemember = find<QCheckBox>(m_dialog.get(), u"profileDontRemember"_s);
    QTest::mouseClick(dontRemember, Qt::LeftButton, {}, QPoint(5, dontRemember->height() / 2));
    QVERIFY(dontRemember->isChecked());
    QVERIFY(storage->text().contains(u"not stored"_s));
    QVERIFY(storage->text().contains(u"asked for them"_s));
    fillServerProfile(u"temp"_s, SecretKey);
    QSignalSpy saved(m_dialog.get(), &ProfileDialog::profileSaved);
    QTest::mouseClick(find<QPushButton>(m_dialog.get(), u"profileSaveButton"_s), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 1, 30000);
    QVERIFY(!m_settings->profile(u"temp"_s)->rememberSecrets);
    if (keychainUsable()) {
        QVERIFY(m_credentials->readBlocking(u"temp"_s, SecretKind::SecretKey).notFound);
    }
}

void TestProfileDialog::renameAndDuplicate()
{
    makeDialog();
    waitForKeychain();
    fillServerProfile(u"one"_s, SecretKey);
    QSignalSpy saved(m_dialog.get(), &ProfileDialog::profileSaved);
    auto *save = find<QPushButton>(m_dialog.get(), u"profileSaveButton"_s);
    QTest::mouseClick(save, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 1, 30000);

    // Rename: the list is locked while there are unsaved changes.
    auto *list = find<QListWidget>(m_dialog.get(), u"profileList"_s);
    typeInto(u"profileName"_s, u"uno"_s);
    QVERIFY(!list->isEnabled());
    QTest::mouseClick(save, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 2, 30000);
    QVERIFY(list->isEnabled());
    QCOMPARE(m_settings->profileNames(), QStringList({u"uno"_s}));
    QCOMPARE(m_settings->activeProfileName(), u"uno"_s);

    // Duplicate: a new profile with the same values, saved under a new name.
    QTest::mouseClick(find<QPushButton>(m_dialog.get(), u"profileDuplicateButton"_s),
                      Qt::LeftButton);
    QCOMPARE(find<QLineEdit>(m_dialog.get(), u"profileName"_s)->text(), u"uno (copy)"_s);
    QCOMPARE(find<QLineEdit>(m_dialog.get(), u"profileSecretKey"_s)->text(), SecretKey);
    QTest::mouseClick(save, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 3, 30000);
    QCOMPARE(m_settings->profileNames(), QStringList({u"uno"_s, u"uno (copy)"_s}));
    QCOMPARE(m_settings->profile(u"uno (copy)"_s)->customEndpoint, m_server->url());
    QCOMPARE(list->count(), 2);

    // Revert throws away an edit.
    typeInto(u"profileProjectId"_s, u"other"_s);
    QTest::mouseClick(find<QPushButton>(m_dialog.get(), u"profileRevertButton"_s), Qt::LeftButton);
    QCOMPARE(find<QLineEdit>(m_dialog.get(), u"profileProjectId"_s)->text(), ProjectId);
    QVERIFY(!m_dialog->hasUnsavedChanges());
}

void TestProfileDialog::removeAsksAndDeletesSecrets()
{
    makeDialog();
    waitForKeychain();
    fillServerProfile(u"gone"_s, SecretKey);
    QSignalSpy saved(m_dialog.get(), &ProfileDialog::profileSaved);
    QTest::mouseClick(find<QPushButton>(m_dialog.get(), u"profileSaveButton"_s), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 1, 30000);
    QCOMPARE(m_settings->activeProfileName(), u"gone"_s);

    QSignalSpy removed(m_dialog.get(), &ProfileDialog::profileRemoved);
    QSignalSpy active(m_dialog.get(), &ProfileDialog::activeProfileChanged);
    auto *remove = find<QPushButton>(m_dialog.get(), u"profileRemoveButton"_s);
    QVERIFY(remove->isEnabled());

    // Cancel keeps it.
    QTest::mouseClick(remove, Qt::LeftButton);
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = m_dialog->findChild<QMessageBox *>(u"profileRemoveConfirm"_s)));
    QTRY_VERIFY(box->isVisible());
    QVERIFY(box->text().contains(u"gone"_s));
    box->button(QMessageBox::Cancel)->click();
    QTRY_VERIFY(!m_dialog->findChild<QMessageBox *>(u"profileRemoveConfirm"_s));
    QVERIFY(m_settings->hasProfile(u"gone"_s));

    QTest::mouseClick(remove, Qt::LeftButton);
    QTRY_VERIFY((box = m_dialog->findChild<QMessageBox *>(u"profileRemoveConfirm"_s)));
    QTRY_VERIFY(box->isVisible());
    QTest::mouseClick(box->findChild<QPushButton *>(u"profileRemoveConfirmYes"_s), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(removed.size(), 1, 30000);
    QCOMPARE(removed.at(0).at(0).toString(), u"gone"_s);
    QVERIFY(!m_settings->hasProfile(u"gone"_s));
    QVERIFY(m_settings->activeProfileName().isEmpty());
    QCOMPARE(active.size(), 1);
    if (keychainUsable())
        QVERIFY(m_credentials->readBlocking(u"gone"_s, SecretKind::SecretKey).notFound);
    // Nothing left: the editor offers a new profile.
    QCOMPARE(find<QListWidget>(m_dialog.get(), u"profileList"_s)->count(), 0);
    QVERIFY(m_dialog->savedProfileName().isEmpty());
}

void TestProfileDialog::widgetsAreNamedAndAccessible()
{
    makeDialog();
    FirstRunPage page(m_settings.get(), m_credentials, m_nam.get());
    page.show();
    for (QWidget *root : {static_cast<QWidget *>(m_dialog.get()), static_cast<QWidget *>(&page)}) {
        int interactive = 0;
        const QList<QWidget *> widgets = root->findChildren<QWidget *>();
        for (QWidget *w : widgets) {
            const bool isInteractive = qobject_cast<QAbstractButton *>(w)
                    || qobject_cast<QLineEdit *>(w) || qobject_cast<QComboBox *>(w)
                    || qobject_cast<QListWidget *>(w);
            if (!isInteractive || w->focusPolicy() == Qt::NoFocus)
                continue;
            if (qobject_cast<QComboBox *>(w->parentWidget()))
                continue; // a combo box's own line edit
            if (w->objectName().startsWith("qt_"_L1))
                continue; // Qt's internal helpers (e.g. a line edit's clear button)
            ++interactive;
            QVERIFY2(!w->objectName().isEmpty(), w->metaObject()->className());
            QVERIFY2(!w->accessibleName().isEmpty(), qPrintable(w->objectName()));
        }
        QVERIFY(interactive >= 1);
    }
}

void TestProfileDialog::checkConnectionSucceeds()
{
    makeDialog();
    fillServerProfile(u"server"_s, SecretKey);
    QSignalSpy checked(m_dialog.get(), &ProfileDialog::connectionChecked);
    auto *check = find<QPushButton>(m_dialog.get(), u"profileCheckButton"_s);
    QVERIFY(check->isEnabled());
    QTest::mouseClick(check, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(checked.size(), 1, 20000);
    QVERIFY2(checked.at(0).at(0).toBool(), qPrintable(checked.at(0).at(1).toString()));
    auto *result = find<QLabel>(m_dialog.get(), u"profileCheckResult"_s);
    QVERIFY(result->text().contains(u"Connection works"_s));
    QCOMPARE(m_server->counters().requests(VodTestServer::Route::AssetInfo), 1);
    QCOMPARE(m_server->counters().requests(VodTestServer::Route::Confirm), 0);
    QVERIFY(check->isEnabled());
}

void TestProfileDialog::checkConnectionFailures_data()
{
    QTest::addColumn<QString>("secretKey");
    QTest::addColumn<QString>("projectId");
    QTest::addColumn<qint64>("serverClockOffsetMs");
    QTest::addColumn<bool>("unreachable");
    QTest::addColumn<QString>("expected");

    QTest::newRow("wrong SK") << u"WrongSecretKey000000000000000000000000000"_s << ProjectId
                              << qint64(0) << false
                              << u"The access key (AK) or secret key (SK) is wrong"_s;
    QTest::newRow("wrong project") << SecretKey << u"ffffffffffffffffffffffffffffffff"_s
                                   << qint64(0) << false << u"does not belong to this account"_s;
    QTest::newRow("clock skew") << SecretKey << ProjectId << qint64(2 * 3600 * 1000) << false
                                << u"clock is more than 15 minutes away"_s;
    QTest::newRow("unreachable") << SecretKey << ProjectId << qint64(0) << true
                                 << u"unreachable: the connection was refused"_s;
}

void TestProfileDialog::checkConnectionFailures()
{
    QFETCH(QString, secretKey);
    QFETCH(QString, projectId);
    QFETCH(qint64, serverClockOffsetMs);
    QFETCH(bool, unreachable);
    QFETCH(QString, expected);

    m_server->config().clockOffsetMs = serverClockOffsetMs;
    makeDialog();
    fillServerProfile(u"server"_s, secretKey);
    typeInto(u"profileProjectId"_s, projectId);
    if (unreachable) {
        const QUrl url = m_server->url();
        m_server.reset(); // nothing listens on that port any more
        typeInto(u"profileEndpoint"_s, url.toString());
    }
    QSignalSpy checked(m_dialog.get(), &ProfileDialog::connectionChecked);
    QTest::mouseClick(find<QPushButton>(m_dialog.get(), u"profileCheckButton"_s), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(checked.size(), 1, 20000);
    QVERIFY(!checked.at(0).at(0).toBool());
    const QString message = checked.at(0).at(1).toString();
    QVERIFY2(message.contains(expected), qPrintable(message));
    QCOMPARE(find<QLabel>(m_dialog.get(), u"profileCheckResult"_s)->text(), message);
    if (!unreachable && serverClockOffsetMs == 0)
        QVERIFY2(message.contains(u"Server answer: HTTP"_s), qPrintable(message));
}

void TestProfileDialog::checkConnectionDoesNotSave()
{
    makeDialog();
    fillServerProfile(u"unsaved"_s, SecretKey);
    QSignalSpy checked(m_dialog.get(), &ProfileDialog::connectionChecked);
    QTest::mouseClick(find<QPushButton>(m_dialog.get(), u"profileCheckButton"_s), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(checked.size(), 1, 20000);
    QVERIFY(checked.at(0).at(0).toBool());
    QVERIFY(m_settings->profileNames().isEmpty());
    QVERIFY(m_dialog->hasUnsavedChanges());
}

void TestProfileDialog::checkConnectionWithIamPassword()
{
    makeDialog();
    typeInto(u"profileName"_s, u"iam"_s);
    auto *region = find<QComboBox>(m_dialog.get(), u"profileRegion"_s);
    region->setCurrentIndex(region->count() - 1);
    auto *mode = find<QComboBox>(m_dialog.get(), u"profileAuthMode"_s);
    mode->setCurrentIndex(3);
    typeInto(u"profileEndpoint"_s, m_server->url().toString());
    typeInto(u"profileIamEndpoint"_s, m_server->url().toString());
    typeInto(u"profileProjectId"_s, ProjectId);
    typeInto(u"profileUserName"_s, m_server->config().iamUser);
    typeInto(u"profileAccountName"_s, m_server->config().iamAccount);
    typeInto(u"profilePassword"_s, u"wrong-password"_s);

    QSignalSpy checked(m_dialog.get(), &ProfileDialog::connectionChecked);
    auto *check = find<QPushButton>(m_dialog.get(), u"profileCheckButton"_s);
    QTest::mouseClick(check, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(checked.size(), 1, 20000);
    QVERIFY(!checked.at(0).at(0).toBool());
    QVERIFY2(checked.at(0).at(1).toString().contains(u"password"_s),
             qPrintable(checked.at(0).at(1).toString()));

    typeInto(u"profilePassword"_s, m_server->config().iamPassword);
    QTRY_VERIFY(check->isEnabled());
    QTest::mouseClick(check, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(checked.size(), 2, 20000);
    QVERIFY2(checked.at(1).at(0).toBool(), qPrintable(checked.at(1).at(1).toString()));
    QVERIFY(m_server->counters().requests(VodTestServer::Route::IamToken) >= 1);
}

void TestProfileDialog::plainWordsForResults_data()
{
    QTest::addColumn<ApiResult>("result");
    QTest::addColumn<int>("mode");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("expected");

    ApiResult r;
    r.httpStatus = 200;
    QTest::newRow("ok") << r << int(AuthMode::AkSk) << true << u"Connection works"_s;
    r = {};
    r.httpStatus = 403;
    r.errorCode = u"VOD.10062"_s;
    r.errorClass = ErrorClass::NotFound;
    QTest::newRow("unknown asset is fine")
            << r << int(AuthMode::AkSk) << true << u"Connection works"_s;
    r = {};
    r.httpStatus = 401;
    r.errorCode = u"APIGW.0301"_s;
    r.errorClass = ErrorClass::Auth;
    QTest::newRow("aksk") << r << int(AuthMode::AkSk) << false << u"secret key (SK) is wrong"_s;
    QTest::newRow("token") << r << int(AuthMode::Token) << false << u"IAM token was rejected"_s;
    QTest::newRow("password") << r << int(AuthMode::Password) << false
                              << u"user name, password or account name is wrong"_s;
    r.tokenExpired = true;
    r.errorMessage = u"token expires, expires_at: 2026-01-01T00:00:00Z"_s;
    QTest::newRow("token expired")
            << r << int(AuthMode::Token) << false << u"IAM token has expired"_s;
    r = {};
    r.httpStatus = 403;
    r.errorCode = u"VOD.10057"_s;
    r.errorClass = ErrorClass::Auth;
    QTest::newRow("project") << r << int(AuthMode::AkSk) << false
                             << u"does not belong to this account in region cn-north-4"_s;
    r = {};
    r.networkError = 3; // QNetworkReply::HostNotFoundError
    r.errorClass = ErrorClass::Transient;
    QTest::newRow("dns") << r << int(AuthMode::AkSk) << false << u"host name was not found"_s;
    r.networkError = 6; // QNetworkReply::SslHandshakeFailedError
    QTest::newRow("tls") << r << int(AuthMode::AkSk) << false << u"secure (TLS) connection"_s;
    r.networkError = 1; // QNetworkReply::ConnectionRefusedError
    QTest::newRow("refused") << r << int(AuthMode::AkSk) << false << u"connection was refused"_s;
    r = {};
    r.httpStatus = 401;
    r.clockSkew = true;
    r.errorCode = u"APIGW.0301"_s;
    r.errorClass = ErrorClass::Auth;
    r.serverDate = QDateTime::currentDateTimeUtc().addSecs(3600);
    QTest::newRow("skew") << r << int(AuthMode::AkSk) << false << u"clock"_s;
}

void TestProfileDialog::plainWordsForResults()
{
    QFETCH(ApiResult, result);
    QFETCH(int, mode);
    QFETCH(bool, ok);
    QFETCH(QString, expected);
    VodClient::Config config;
    config.endpoint = QUrl(u"https://vod.cn-north-4.myhuaweicloud.com"_s);
    config.regionId = u"cn-north-4"_s;
    config.projectId = ProjectId;
    config.credentials.mode = AuthMode(mode);
    QCOMPARE(ConnectionCheck::isSuccess(result), ok);
    const QString message = ConnectionCheck::describe(result, config);
    QVERIFY2(message.contains(expected), qPrintable(message));
    if (!result.errorCode.isEmpty() && !ok)
        QVERIFY(message.contains(result.errorCode)); // the server's own code is shown too
}

void TestProfileDialog::firstRunCreatesProfile()
{
    FirstRunPage page(m_settings.get(), m_credentials, m_nam.get());
    page.resize(800, 600);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QSignalSpy created(&page, &FirstRunPage::profileCreated);
    QTest::mouseClick(find<QPushButton>(&page, u"firstRunCreateButton"_s), Qt::LeftButton);
    ProfileDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = page.dialog()));
    QTRY_VERIFY(dialog->isVisible());
    QCOMPARE(find<QLineEdit>(dialog, u"profileName"_s)->text(), u"default"_s);

    auto *project = find<QLineEdit>(dialog, u"profileProjectId"_s);
    QTest::keyClicks(project, ProjectId);
    QTest::keyClicks(find<QLineEdit>(dialog, u"profileAccessKey"_s), AccessKey);
    QTest::keyClicks(find<QLineEdit>(dialog, u"profileSecretKey"_s), SecretKey);
    QTest::mouseClick(find<QPushButton>(dialog, u"profileSaveButton"_s), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(created.size(), 1, 30000);
    QCOMPARE(created.at(0).at(0).toString(), u"default"_s);
    QCOMPARE(m_settings->activeProfileName(), u"default"_s);
    QCOMPARE(m_settings->profile(u"default"_s)->regionId, u"cn-north-4"_s);
    QTRY_VERIFY(!page.dialog());
    m_credentials->removeAllBlocking(u"default"_s);
}

void TestProfileDialog::closingAsksBeforeDiscarding()
{
    makeDialog();
    typeInto(u"profileProjectId"_s, ProjectId);
    QTest::mouseClick(find<QPushButton>(m_dialog.get(), u"profileCloseButton"_s), Qt::LeftButton);
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = m_dialog->findChild<QMessageBox *>(u"profileDiscardConfirm"_s)));
    QTRY_VERIFY(box->isVisible());
    box->button(QMessageBox::Cancel)->click();
    QTRY_VERIFY(!m_dialog->findChild<QMessageBox *>(u"profileDiscardConfirm"_s));
    QVERIFY(m_dialog->isVisible());
    QCOMPARE(find<QLineEdit>(m_dialog.get(), u"profileProjectId"_s)->text(), ProjectId);

    QTest::keyClick(m_dialog.get(), Qt::Key_Escape);
    QTRY_VERIFY((box = m_dialog->findChild<QMessageBox *>(u"profileDiscardConfirm"_s)));
    QTRY_VERIFY(box->isVisible());
    box->button(QMessageBox::Discard)->click();
    QTRY_VERIFY(!m_dialog->isVisible());
    QVERIFY(m_settings->profileNames().isEmpty());

    // Nothing typed: closing does not ask.
    m_dialog.reset();
    makeDialog();
    QTest::mouseClick(find<QPushButton>(m_dialog.get(), u"profileCloseButton"_s), Qt::LeftButton);
    QTRY_VERIFY(!m_dialog->isVisible());
    QVERIFY(!m_dialog->findChild<QMessageBox *>(u"profileDiscardConfirm"_s));
}

void TestProfileDialog::caFileAndProxyAreSavedWithoutThePassword()
{
    const QString ca = VodTestServer::certsDir() + u"/ca.pem"_s;
    const QString proxyPassword = u"proxy-secret-value-42"_s;
    makeDialog();
    waitForKeychain();
    fillServerProfile(u"proxied"_s, SecretKey);
    const auto visible = [this](const char *name) {
        return m_dialog->findChild<QWidget *>(QString::fromLatin1(name))->isVisible();
    };
    QVERIFY(visible("profileCaFile") && visible("profileCaFileBrowse"));
    QVERIFY(!visible("profileProxyHost") && !visible("profileProxyUserName"));
    typeInto(u"profileCaFile"_s, u"/nonexistent/ca.pem"_s);
    auto *problem = find<QLabel>(m_dialog.get(), u"profileProblem"_s);
    QVERIFY2(problem->text().contains(u"/nonexistent/ca.pem"_s), qPrintable(problem->text()));
    auto *save = find<QPushButton>(m_dialog.get(), u"profileSaveButton"_s);
    QVERIFY(!save->isEnabled());
    typeInto(u"profileCaFile"_s, ca);

    setManualProxy(u"127.0.0.1"_s, 3128, u"proxy-user"_s, proxyPassword);
    QVERIFY(visible("profileProxyHost") && visible("profileProxyPassword"));
    QCOMPARE(m_dialog->editedCredentials().proxyPassword, proxyPassword);
    QVERIFY(save->isEnabled());
    QSignalSpy saved(m_dialog.get(), &ProfileDialog::profileSaved);
    QTest::mouseClick(save, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 1, 30000);
    QCOMPARE(saved.at(0).at(1).value<Credentials>().proxyPassword, proxyPassword);

    QVERIFY(m_settings->sync());
    const std::optional<Profile> p = Settings(m_settings->fileName()).profile(u"proxied"_s);
    QVERIFY(p);
    QCOMPARE(p->caFile, ca);
    QCOMPARE(p->proxyMode, ProxyMode::Manual);
    QCOMPARE(p->proxyType, ProxyType::Http);
    QCOMPARE(p->proxyHost, u"127.0.0.1"_s);
    QCOMPARE(p->proxyPort, 3128);
    QCOMPARE(p->proxyUserName, u"proxy-user"_s);
    QFile file(m_settings->fileName());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(!file.readAll().contains(proxyPassword.toUtf8()));

    if (keychainUsable()) {
        QCOMPARE(m_credentials->readBlocking(u"proxied"_s, SecretKind::ProxyPassword).value,
                 proxyPassword);
        m_dialog.reset();
        makeDialog();
        QTRY_COMPARE_WITH_TIMEOUT(
                find<QLineEdit>(m_dialog.get(), u"profileProxyPassword"_s)->text(), proxyPassword,
                30000);
        QCOMPARE(find<QLineEdit>(m_dialog.get(), u"profileCaFile"_s)->text(), ca);
        QVERIFY(!m_dialog->hasUnsavedChanges());
    }
    // Back to the system's proxy: the manual fields go away, and so does the password.
    auto *mode = find<QComboBox>(m_dialog.get(), u"profileProxyMode"_s);
    mode->setCurrentIndex(mode->findData(int(ProxyMode::System)));
    QVERIFY(!visible("profileProxyHost") && !visible("profileProxyPassword"));
    QCOMPARE(m_dialog->editedProfile().proxyHost, QString());
    QCOMPARE(m_dialog->editedCredentials().proxyPassword, QString());
}

void TestProfileDialog::checkConnectionUsesCaFileAndProxy()
{
    VodTestServer tls;
    QVERIFY(tls.listen(0, VodTestServer::Tls::CaSigned));
    TestProxy proxy;
    QVERIFY(proxy.listen());
    makeDialog();
    fillServerProfile(u"tls"_s, SecretKey);
    QUrl endpoint = tls.url();
    endpoint.setHost(u"vod.vodconfirm.test"_s); // only the proxy reaches it
    typeInto(u"profileEndpoint"_s, endpoint.toString());
    typeInto(u"profileCaFile"_s, VodTestServer::certsDir() + u"/ca.pem"_s);
    setManualProxy(u"127.0.0.1"_s, proxy.port());

    QSignalSpy checked(m_dialog.get(), &ProfileDialog::connectionChecked);
    auto *check = find<QPushButton>(m_dialog.get(), u"profileCheckButton"_s);
    QTest::mouseClick(check, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(checked.size(), 1, 20000);
    QVERIFY2(checked.at(0).at(0).toBool(), qPrintable(checked.at(0).at(1).toString()));
    QCOMPARE(proxy.counters().tunnels, 1);
    QCOMPARE(tls.counters().requests(VodTestServer::Route::AssetInfo), 1);

    // Without the CA file the same check says why the certificate was refused.
    typeInto(u"profileCaFile"_s, QString());
    QTRY_VERIFY(check->isEnabled());
    QTest::mouseClick(check, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(checked.size(), 2, 20000);
    QVERIFY(!checked.at(1).at(0).toBool());
    const QString message = checked.at(1).at(1).toString();
    QVERIFY2(message.contains(u"CA file"_s) && message.contains(u"certificate was not accepted"_s),
             qPrintable(message));
    QCOMPARE(tls.counters().requests(VodTestServer::Route::AssetInfo), 1);
}

void TestProfileDialog::keychainRefusalKeepsInput()
{
    // Runs as tst_profiledialog_keychain_refuses, in a keyring of its own that it locks (a
    // locked keyring refuses writes, as one whose "unlock" prompt the user cancelled does).
    if (!qEnvironmentVariableIsSet("VODCONFIRM_PRIVATE_KEYRING"))
        QSKIP("runs as tst_profiledialog_keychain_refuses, in a keyring it may lock");
    FirstRunPage page(m_settings.get(), m_credentials, m_nam.get());
    page.resize(800, 600);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QSignalSpy created(&page, &FirstRunPage::profileCreated);
    QTest::mouseClick(find<QPushButton>(&page, u"firstRunCreateButton"_s), Qt::LeftButton);
    ProfileDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = page.dialog()));
    QTRY_VERIFY_WITH_TIMEOUT(dialog->keychainState() != -1, 30000);
    QCOMPARE(dialog->keychainState(), 1);

    QDBusInterface secrets(u"org.freedesktop.secrets"_s, u"/org/freedesktop/secrets"_s,
                           u"org.freedesktop.Secret.Service"_s);
    const QDBusMessage locked
            = secrets.call(u"Lock"_s,
                           QVariant::fromValue(QList<QDBusObjectPath> {QDBusObjectPath(
                                   u"/org/freedesktop/secrets/aliases/default"_s)}));
    QVERIFY2(locked.type() == QDBusMessage::ReplyMessage, qPrintable(locked.errorMessage()));

    QTest::keyClicks(find<QLineEdit>(dialog, u"profileProjectId"_s), ProjectId);
    QTest::keyClicks(find<QLineEdit>(dialog, u"profileAccessKey"_s), AccessKey);
    QTest::keyClicks(find<QLineEdit>(dialog, u"profileSecretKey"_s), SecretKey);
    QSignalSpy notSaved(dialog, &ProfileDialog::secretsNotSaved);
    QSignalSpy saved(dialog, &ProfileDialog::profileSaved);
    auto *save = find<QPushButton>(dialog, u"profileSaveButton"_s);
    QTest::mouseClick(save, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(notSaved.size(), 1, 30000);

    // Said at Save, where it happened; the dialog stays open with the input kept and unsaved.
    QCOMPARE(saved.size(), 0);
    QVERIFY(dialog->isVisible());
    auto *problem = find<QLabel>(dialog, u"profileProblem"_s);
    QVERIFY(problem->isVisible());
    QVERIFY2(problem->text().contains(u"keychain"_s)
                     && problem->text().contains(u"Save tries again"_s),
             qPrintable(problem->text()));
    QVERIFY(!problem->text().contains(SecretKey));
    QCOMPARE(find<QLineEdit>(dialog, u"profileSecretKey"_s)->text(), SecretKey);
    QVERIFY(dialog->hasUnsavedChanges());
    QVERIFY(save->isEnabled());
    QCOMPARE(created.size(), 0);
    QVERIFY(m_settings->profile(u"default"_s)); // the rest of the profile is saved

    // Closing (and discarding the unsaved secret) leaves the welcome page with the profile, and
    // the session gets the secret that was typed.
    QTest::mouseClick(find<QPushButton>(dialog, u"profileCloseButton"_s), Qt::LeftButton);
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = dialog->findChild<QMessageBox *>(u"profileDiscardConfirm"_s)));
    QTRY_VERIFY(box->isVisible());
    box->button(QMessageBox::Discard)->click();
    QTRY_COMPARE(created.size(), 1);
    QCOMPARE(created.at(0).at(0).toString(), u"default"_s);
    QCOMPARE(created.at(0).at(1).value<Credentials>().secretKey, SecretKey);
}

void TestProfileDialog::withoutKeychainOneSentence()
{
    // Runs as tst_profiledialog_no_keychain, with no D-Bus session.
    makeDialog();
    waitForKeychain();
    if (keychainUsable())
        QSKIP("runs as tst_profiledialog_no_keychain, without a D-Bus session");
    auto *dontRemember = find<QCheckBox>(m_dialog.get(), u"profileDontRemember"_s);
    QVERIFY(dontRemember->isChecked());
    QVERIFY(!dontRemember->isEnabled()); // an option that cannot work
    auto *storage = find<QLabel>(m_dialog.get(), u"profileSecretStorage"_s);
    QCOMPARE(storage->text(),
             u"No system keychain is available, so secrets are not stored: you are asked for "
             "them when they are needed."_s);
    QVERIFY(!storage->toolTip().isEmpty()); // the keychain's own words, for whoever wants them

    fillServerProfile(u"nokeychain"_s, SecretKey);
    QSignalSpy saved(m_dialog.get(), &ProfileDialog::profileSaved);
    QTest::mouseClick(find<QPushButton>(m_dialog.get(), u"profileSaveButton"_s), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 1, 30000);
    QCOMPARE(saved.at(0).at(1).value<Credentials>().secretKey, SecretKey);
    QVERIFY(!find<QLabel>(m_dialog.get(), u"profileProblem"_s)->isVisible());
    QVERIFY(!m_dialog->hasUnsavedChanges());
    // The profile keeps wanting its secrets remembered, for a session that has a keychain.
    QVERIFY(m_settings->profile(u"nokeychain"_s)->rememberSecrets);
}

QTEST_MAIN(TestProfileDialog)
#include "tst_profiledialog.moc"
