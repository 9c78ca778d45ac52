#include "mainwindowfixture.h"

#include "mainwindow.h"
#include "settings/settings.h"
#include "storage/historystore.h"
#include "testfixtures.h"
#include "vodtestserver.h"

#include <QAction>
#include <QApplication>
#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace VodConfirm::Test {

namespace {

// False, with what failed said, where `ok` is false.
bool check(bool ok, const char *what, const QString &detail = {})
{
    if (!ok)
        qWarning("MainWindowFixture: %s %s", what, qPrintable(detail));
    return ok;
}

} // namespace

MainWindowFixture::MainWindowFixture() = default;

MainWindowFixture::~MainWindowFixture() = default;

bool MainWindowFixture::setUp()
{
    m_sessionCredentials = {};
    m_dir = std::make_unique<QTemporaryDir>();
    if (!check(m_dir->isValid(), "no temporary folder", m_dir->errorString()))
        return false;
    m_server = std::make_unique<VodTestServer>();
    if (!check(m_server->listen(), "the loopback server does not listen"))
        return false;
    m_nam = std::make_unique<QNetworkAccessManager>();
    m_settings = std::make_unique<Settings>(m_dir->filePath(u"settings.ini"_s));
    m_settings->setMaxAttempts(1);
    m_history = std::make_unique<HistoryStore>();
    QString error;
    return check(m_history->open(m_dir->filePath(u"history.sqlite"_s), &error),
                 "the history file does not open:", error);
}

bool MainWindowFixture::addProfile()
{
    const Profile profile = loopbackProfile(*m_server);
    QString error;
    if (!check(m_settings->saveProfile(profile, &error), "the profile is not saved:", error)
        || !check(m_settings->setActiveProfileName(profile.name), "the profile is not active"))
        return false;
    m_sessionCredentials = loopbackCredentials(*m_server);
    return true;
}

bool MainWindowFixture::showWindow(CredentialStore *store, Focus focus)
{
    m_window = std::make_unique<MainWindow>(m_nam.get(), m_settings.get(), store, m_history.get());
    if (!m_sessionCredentials.accessKey.isEmpty())
        m_window->setSessionCredentials(u"loopback"_s, m_sessionCredentials);
    m_window->show();
    if (!check(QTest::qWaitForWindowExposed(m_window.get()), "the window is not exposed"))
        return false;
    if (focus == Focus::Exposed)
        return true;
    QApplication::setActiveWindow(m_window.get());
    return check(QTest::qWaitForWindowActive(m_window.get()), "the window is not active");
}

void MainWindowFixture::tearDown()
{
    if (m_window && m_window->isRunning()) {
        m_window->findChild<QAction *>(u"cancelAction"_s)->trigger();
        QTRY_VERIFY(!m_window->isRunning());
    }
    m_window.reset();
    m_history.reset();
    m_settings.reset();
    m_server.reset();
    QTest::qWait(20);
    m_nam.reset();
    m_dir.reset();
}

} // namespace VodConfirm::Test
