#pragma once

#include "api/credentials.h"

#include <memory>

class QNetworkAccessManager;
class QTemporaryDir;

namespace VodConfirm {
class CredentialStore;
class HistoryStore;
class MainWindow;
class Settings;
} // namespace VodConfirm

namespace VodConfirm::Test {

class VodTestServer;

// The world of a GUI test around the real main window: a temporary folder, the loopback VOD
// server listening, a network access manager, a settings file and a history file in the folder,
// and the window on them. A test class derives from it (after QObject) and builds it in steps, so
// that it can configure the server or the settings in between:
//     init():    QVERIFY(setUp());  [server, settings]  QVERIFY(addProfile());  [...]
//                QVERIFY(showWindow(store));
//     cleanup(): tearDown();
// The steps say what failed (a warning) and return false; QVERIFY at the call site stops there.
class MainWindowFixture
{
public:
    enum class Focus {
        Exposed, // shown and exposed
        Active, // also the active window, so that key clicks reach it
    };

protected:
    MainWindowFixture();
    ~MainWindowFixture();

    // The folder, the server listening, the network access manager, the settings file (one
    // attempt a request, so that a failure shows at once) and the history file opened. Forgets
    // the session credentials.
    bool setUp();
    // Test::loopbackProfile(*m_server) saved and active; its AK/SK the session credentials.
    bool addProfile();
    // A new main window on the fixture's objects (replacing m_window once it stands), given
    // m_sessionCredentials for "loopback" when they hold an access key, shown and exposed, and
    // with Focus::Active, active.
    bool showWindow(CredentialStore *store, Focus focus = Focus::Exposed);
    // Stops a running batch (Stop) and waits for it to end, then destroys everything: the
    // window, the history, the settings, the server, the network access manager (once the
    // server's closing is seen) and the folder.
    void tearDown();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<VodTestServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<HistoryStore> m_history;
    std::unique_ptr<MainWindow> m_window;
    Credentials m_sessionCredentials; // what showWindow() gives the window for the session
};

} // namespace VodConfirm::Test
