#include "mainwindow.h"
#include "mainwindowfixture.h"
#include "models/assetfilterproxy.h"
#include "models/assettablemodel.h"
#include "models/stucktablemodel.h"
#include "preferencesdialog.h"
#include "profiledialog.h"
#include "secretprompt.h"
#include "settings/credentialstore.h"
#include "settings/settings.h"
#include "storage/historystore.h"
#include "stuckpage.h"
#include "testfixtures.h"
#include "vodtestserver.h"

#include <QAbstractButton>
#include <QAccessible>
#include <QAction>
#include <QApplication>
#include <QButtonGroup>
#include <QComboBox>
#include <QLabel>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QNetworkAccessManager>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>
#include <QToolButton>

#include <set>

using namespace VodConfirm;
using namespace Qt::StringLiterals;
using Column = AssetTableModel::Column;

namespace {

// Where a platform bridge is active (a screen reader on xcb or Wayland), events go here instead
// of to AT-SPI. The offscreen platform of Qt 6.4 has no bridge, so QAccessible::isActive() stays
// false whatever setActive() says; queryAccessibleInterface() answers all the same.
void ignoreAccessibilityUpdates(QAccessibleEvent *) { }

// The widget a Tab stop stands for: a control whose focus proxy is the widget that really takes
// focus (a spin box's line edit) counts as the control.
QWidget *focusOwner(QWidget *w)
{
    while (w && w->parentWidget() && w->parentWidget()->focusProxy() == w)
        w = w->parentWidget();
    return w;
}

QString describe(const QWidget *w)
{
    return u"%1 \"%2\""_s.arg(QString::fromLatin1(w->metaObject()->className()), w->objectName());
}

// Every control of `window` a keyboard user should reach with Tab: shown, enabled, taking Tab
// focus, not standing in for another.
std::set<QWidget *> tabStops(QWidget *window)
{
    std::set<QWidget *> stops;
    for (QWidget *w : window->findChildren<QWidget *>()) {
        if (w->window() != window || !w->isVisible() || !w->isEnabled() || w->focusProxy()
            || !(w->focusPolicy() & Qt::TabFocus))
            continue;
        // An exclusive group of buttons is one Tab stop, its checked button, as radio buttons
        // are; the arrow keys move within it (checked separately).
        if (auto *button = qobject_cast<QAbstractButton *>(w);
            button && button->group() && button->group()->exclusive() && !button->isChecked())
            continue;
        stops.insert(focusOwner(w));
    }
    return stops;
}

} // namespace

// Through the QAccessible interfaces a screen reader uses, on the real widgets: the asset and
// history tables report every cell's text, the state in words and the error in each failed row's
// description; every button has a name; Tab reaches every control of the main window and of
// each dialog and comes back round.
class TestAccessibility : public QObject, private Test::MainWindowFixture
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();
    void assetTableSaysStateAndErrorInWords();
    void historyTableSaysOutcomeAndError();
    void controlsHaveNames();
    void tabReachesEveryControlOfTheMainWindow();
    void tabReachesEveryControlOfTheDialogs();
    void mnemonicsAreUniqueOnEachPage();
    void pausedAndStoppedBatchesAreSaidAndReachable();
    void firstRunPageIsReachable();

private:
    void runBatch(); // kA confirmed, kMissing failed with VOD.10062
    // Presses Tab from the first control until focus comes back to it; checks that every control
    // of tabStops(window) was visited, each has an accessible name, and the cycle closes.
    void checkTabCycle(QWidget *window, QWidget *first);
    QAccessibleInterface *tableOf(QTableView *view) const;

    CredentialStore *m_credentials = nullptr; // Test::sharedCredentialStore()
};

static const QString kA = u"f488337c31c8e4622f1590735b134c65"_s;
static const QString kMissing = u"07ba4d46463355e800c2f42f628f0631"_s;

void TestAccessibility::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QAccessible::installUpdateHandler(ignoreAccessibilityUpdates);
    QAccessible::setActive(true);
    m_credentials = Test::sharedCredentialStore();
}

void TestAccessibility::cleanupTestCase() { }

void TestAccessibility::init()
{
    QVERIFY(setUp());
    m_server->addMissingAsset(kMissing);
    // Its state read (before sending, on by default) gets VOD.10062, as its confirm would.
    m_server->config().assetInfoMissingIsError = true;
    QVERIFY(addProfile());
    QVERIFY(showWindow(m_credentials, Focus::Active));
}

void TestAccessibility::cleanup()
{
    tearDown();
}

void TestAccessibility::runBatch()
{
    auto *edit = m_window->findChild<QPlainTextEdit *>(u"pasteEdit"_s);
    auto *add = m_window->findChild<QPushButton *>(u"addIdsButton"_s);
    QVERIFY(edit && add);
    edit->setPlainText(kA + u'\n' + kMissing);
    QTRY_VERIFY(add->isEnabled());
    add->click();
    QCOMPARE(m_window->assetModel()->rowCount(), 2);
    QSignalSpy finished(m_window.get(), &MainWindow::batchFinished);
    m_window->findChild<QAction *>(u"confirmAction"_s)->trigger();
    QVERIFY(finished.wait(20000));
    m_window->assetModel()->flushUpdates();
}

QAccessibleInterface *TestAccessibility::tableOf(QTableView *view) const
{
    QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(view);
    if (!iface || !iface->tableInterface())
        return nullptr;
    return iface;
}

void TestAccessibility::assetTableSaysStateAndErrorInWords()
{
    runBatch();
    auto *view = m_window->findChild<QTableView *>(u"assetTable"_s);
    QAccessibleInterface *iface = tableOf(view);
    QVERIFY(iface);
    QCOMPARE(iface->role(), QAccessible::Table);
    QCOMPARE(iface->text(QAccessible::Name), u"Assets"_s);
    QAccessibleTableInterface *table = iface->tableInterface();
    QCOMPARE(table->rowCount(), 2);
    QCOMPARE(table->columnCount(), int(Column::Count));
    QCOMPARE(table->columnDescription(int(Column::State)), u"State"_s);

    auto rowOf = [&](const QString &id) {
        for (int r = 0; r < table->rowCount(); ++r) {
            if (table->cellAt(r, int(Column::AssetId))->text(QAccessible::Name) == id)
                return r;
        }
        return -1;
    };
    const int confirmed = rowOf(kA);
    const int failed = rowOf(kMissing);
    QVERIFY(confirmed >= 0 && failed >= 0);

    // Every cell reports the text the table shows, or words where it shows nothing.
    for (int r = 0; r < table->rowCount(); ++r) {
        for (int c = 0; c < table->columnCount(); ++c) {
            QAccessibleInterface *cell = table->cellAt(r, c);
            QVERIFY(cell);
            QCOMPARE(cell->role(), QAccessible::Cell);
            const QString name = cell->text(QAccessible::Name);
            QVERIFY2(!name.isEmpty(), qPrintable(u"row %1 column %2"_s.arg(r).arg(c)));
            const QString shown = view->model()->index(r, c).data().toString();
            if (!shown.isEmpty())
                QCOMPARE(name, shown);
        }
    }

    // The State cell is coloured; its accessible text says the state in words.
    auto cellText = [&](int row, Column column, QAccessible::Text t = QAccessible::Name) {
        return table->cellAt(row, int(column))->text(t);
    };
    QCOMPARE(cellText(confirmed, Column::State), u"Confirmed"_s);
    QCOMPARE(cellText(failed, Column::State), u"Failed"_s);
    QCOMPARE(cellText(failed, Column::HttpStatus), u"403"_s);
    QCOMPARE(cellText(failed, Column::ErrorCode), u"VOD.10062"_s);
    // A confirmed row has no error: its empty cells say so rather than reading blank.
    QCOMPARE(cellText(confirmed, Column::ErrorCode), u"no error code"_s);
    QCOMPARE(cellText(confirmed, Column::HttpStatus), u"200"_s);

    // The row's key cells describe the whole row in one sentence.
    const QString failedRow = cellText(failed, Column::AssetId, QAccessible::Description);
    QVERIFY2(failedRow.contains(kMissing), qPrintable(failedRow));
    QVERIFY2(failedRow.contains(u"Failed"_s), qPrintable(failedRow));
    QVERIFY2(failedRow.contains(u"VOD.10062"_s), qPrintable(failedRow));
    QVERIFY2(failedRow.contains(u"HTTP 403"_s), qPrintable(failedRow));
    QVERIFY2(failedRow.contains(u"does not exist"_s), qPrintable(failedRow));
    QCOMPARE(cellText(failed, Column::State, QAccessible::Description), failedRow);
    const QString confirmedRow = cellText(confirmed, Column::State, QAccessible::Description);
    QCOMPARE(confirmedRow, u"Asset %1: Confirmed."_s.arg(kA));

    // The details pane describes the current row the same way.
    view->setCurrentIndex(view->model()->index(failed, 0));
    QAccessibleInterface *details = QAccessible::queryAccessibleInterface(
            m_window->findChild<QWidget *>(u"detailsPane"_s));
    QVERIFY(details);
    QCOMPARE(details->text(QAccessible::Name), u"Details of the current asset"_s);
    QCOMPARE(details->text(QAccessible::Description), failedRow);

    // The progress bar: its value is the percentage, its description the line beside it.
    QAccessibleInterface *progress = QAccessible::queryAccessibleInterface(
            m_window->findChild<QProgressBar *>(u"batchProgress"_s));
    QVERIFY(progress && progress->valueInterface());
    QCOMPARE(progress->text(QAccessible::Name), u"Batch progress"_s);
    QCOMPARE(progress->valueInterface()->currentValue().toInt(), 2);
    QVERIFY2(progress->text(QAccessible::Description).contains(u"1 confirmed, 1 failed"_s),
             qPrintable(progress->text(QAccessible::Description)));

    // The status buckets say their group and count, and which one is shown.
    QAccessibleInterface *bucket = QAccessible::queryAccessibleInterface(
            m_window->findChild<QToolButton *>(u"bucketFailed"_s));
    QCOMPARE(bucket->text(QAccessible::Name), u"Show Failed assets: 1"_s);
    QVERIFY(bucket->state().checkable && !bucket->state().checked);
    QAccessibleInterface *all = QAccessible::queryAccessibleInterface(
            m_window->findChild<QToolButton *>(u"bucketAll"_s));
    QVERIFY(all->state().checked);

    // Filtering to the failed bucket: the accessible table follows the view. (With a platform
    // bridge, the view's model-reset event drops the table's cached cells; offscreen there is
    // none, so the test drops the table's interface itself.)
    m_window->findChild<QToolButton *>(u"bucketFailed"_s)->click();
    QAccessible::deleteAccessibleInterface(QAccessible::uniqueId(iface));
    iface = tableOf(view);
    QVERIFY(iface);
    table = iface->tableInterface();
    QCOMPARE(table->rowCount(), 1);
    QCOMPARE(table->cellAt(0, int(Column::State))->text(QAccessible::Name), u"Failed"_s);
    QVERIFY(table->cellAt(0, int(Column::ErrorMessage))
                    ->text(QAccessible::Description)
                    .contains(u"VOD.10062"_s));
}

void TestAccessibility::historyTableSaysOutcomeAndError()
{
    runBatch();
    QString error;
    QVERIFY(m_history->flush(&error));
    auto *tabs = m_window->findChild<QTabWidget *>(u"mainTabs"_s);
    tabs->setCurrentWidget(m_window->findChild<QWidget *>(u"historyView"_s));
    auto *view = m_window->findChild<QTableView *>(u"historyTable"_s);
    QTRY_COMPARE(view->model()->rowCount(), 2);
    QAccessibleInterface *iface = tableOf(view);
    QVERIFY(iface);
    QAccessibleTableInterface *table = iface->tableInterface();
    QCOMPARE(table->rowCount(), 2);
    QCOMPARE(table->columnCount(), view->model()->columnCount());
    int outcomeColumn = -1;
    int assetColumn = -1;
    for (int c = 0; c < table->columnCount(); ++c) {
        if (table->columnDescription(c) == u"Outcome"_s)
            outcomeColumn = c;
        if (table->columnDescription(c) == u"Asset ID"_s)
            assetColumn = c;
    }
    QVERIFY(outcomeColumn >= 0 && assetColumn >= 0);
    bool sawFailed = false;
    bool sawConfirmed = false;
    for (int r = 0; r < table->rowCount(); ++r) {
        for (int c = 0; c < table->columnCount(); ++c)
            QVERIFY2(!table->cellAt(r, c)->text(QAccessible::Name).isEmpty(),
                     qPrintable(u"row %1 column %2"_s.arg(r).arg(c)));
        const QString outcome = table->cellAt(r, outcomeColumn)->text(QAccessible::Name);
        const QString description = table->cellAt(r, assetColumn)->text(QAccessible::Description);
        if (outcome == u"Failed"_s) {
            sawFailed = true;
            QVERIFY2(description.contains(kMissing) && description.contains(u"Failed"_s)
                             && description.contains(u"VOD.10062"_s)
                             && description.contains(u"HTTP 403"_s),
                     qPrintable(description));
        } else if (outcome == u"Confirmed"_s) {
            sawConfirmed = true;
            QVERIFY2(description.contains(kA) && description.contains(u"Confirmed"_s),
                     qPrintable(description));
        }
    }
    QVERIFY(sawFailed && sawConfirmed);
}

void TestAccessibility::controlsHaveNames()
{
    runBatch();
    // Every button shown, on the page or the toolbar, has a name a screen reader can say.
    for (QAbstractButton *button : m_window->findChildren<QAbstractButton *>()) {
        if (!button->isVisible())
            continue;
        QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(button);
        QVERIFY(iface);
        QVERIFY2(!iface->text(QAccessible::Name).trimmed().isEmpty(), qPrintable(describe(button)));
    }
    auto *toolbar = m_window->findChild<QToolBar *>(u"mainToolBar"_s);
    int named = 0;
    for (QAction *action : toolbar->actions()) {
        QWidget *w = toolbar->widgetForAction(action);
        if (action->isSeparator() || !w)
            continue;
        QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(w);
        QVERIFY(iface);
        QVERIFY2(!iface->text(QAccessible::Name).trimmed().isEmpty(), qPrintable(describe(w)));
        ++named;
    }
    QVERIFY(named >= 6);
    // Every menu entry has a mnemonic, so the whole menu bar works from the keyboard.
    for (QAction *menu : m_window->menuWidget()->actions()) {
        QVERIFY2(menu->text().contains(u'&'), qPrintable(menu->text()));
        for (QAction *a : menu->menu()->actions()) {
            if (!a->isSeparator())
                QVERIFY2(a->text().contains(u'&'), qPrintable(a->text()));
        }
    }
}

void TestAccessibility::checkTabCycle(QWidget *window, QWidget *first)
{
    QVERIFY(first);
    const std::set<QWidget *> expected = tabStops(window);
    // Tab, then Shift+Tab: both go round every control and come back.
    for (const bool forward : {true, false}) {
        first->setFocus(Qt::TabFocusReason);
        QTRY_COMPARE(QApplication::focusWidget(), first);
        std::set<QWidget *> visited;
        QStringList order;
        QStringList trail;
        bool closed = false;
        // A date edit takes Tab between its sections first: allow a few presses per control.
        const int maxPresses = int(expected.size()) * 4 + 8;
        for (int press = 0; press < maxPresses; ++press) {
            QWidget *focus = QApplication::focusWidget();
            QVERIFY(focus);
            QWidget *owner = focusOwner(focus);
            if (visited.insert(owner).second) {
                order << describe(owner);
                // What a screen reader announces on focus: the focused widget's name (a button
                // box passes focus on to its button, which has the name).
                QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(focus);
                QVERIFY(iface);
                QVERIFY2(!iface->text(QAccessible::Name).trimmed().isEmpty(),
                         qPrintable(u"no accessible name: "_s + describe(focus)));
            }
            trail << describe(focus);
            QTest::keyClick(focus, forward ? Qt::Key_Tab : Qt::Key_Backtab,
                            forward ? Qt::NoModifier : Qt::ShiftModifier);
            // Back at the first control (which, when it is the only one, Tab does not leave).
            if (focusOwner(QApplication::focusWidget()) == focusOwner(first)
                && (QApplication::focusWidget() != focus || expected.size() == 1)) {
                closed = true;
                break;
            }
        }
        const QString direction = forward ? u"Tab"_s : u"Shift+Tab"_s;
        QVERIFY2(closed, qPrintable(direction + u" does not come back: "_s + trail.join(u", "_s)));
        for (QWidget *w : expected) {
            QVERIFY2(visited.count(w),
                     qPrintable(direction + u" skips "_s + describe(w) + u" in: "_s
                                + order.join(u", "_s)));
        }
    }
}

void TestAccessibility::tabReachesEveryControlOfTheMainWindow()
{
    runBatch();
    // The assets tab, after a batch: paste area, buckets, filter, table, details, progress row.
    auto *tabs = m_window->findChild<QTabWidget *>(u"mainTabs"_s);
    QCOMPARE(tabs->currentIndex(), 0);
    checkTabCycle(m_window.get(), m_window->findChild<QWidget *>(u"pasteEdit"_s));
    // The status buckets are one Tab stop; the arrow keys go through them and show each group.
    auto *bucketAll = m_window->findChild<QToolButton *>(u"bucketAll"_s);
    bucketAll->setFocus(Qt::TabFocusReason);
    QTRY_COMPARE(QApplication::focusWidget(), bucketAll);
    QStringList reached;
    for (int i = 0; i < 5; ++i) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Right);
        auto *bucket = qobject_cast<QToolButton *>(QApplication::focusWidget());
        QVERIFY(bucket && bucket->isChecked());
        reached << bucket->objectName();
    }
    QCOMPARE(reached,
             QStringList({u"bucketQueued"_s, u"bucketRunning"_s, u"bucketConfirmed"_s,
                          u"bucketFailed"_s, u"bucketNotSent"_s}));
    QCOMPARE(m_window->assetProxy()->rowCount(), 0); // nothing is "not sent"
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Left);
    QCOMPARE(m_window->assetProxy()->rowCount(), 1); // the failed one
    bucketAll->click();
    // The history tab: search, filters, table, retention, buttons.
    tabs->setCurrentWidget(m_window->findChild<QWidget *>(u"historyView"_s));
    checkTabCycle(m_window.get(), m_window->findChild<QWidget *>(u"historySearch"_s));
    // The stuck uploads tab, listed: refresh, range, search, age (with the custom hours), table,
    // the bulk actions; every control named.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    m_server->seedListedAssets(20, now.addDays(-9), now.addDays(-1), 5);
    auto *stuck = m_window->findChild<StuckPage *>(u"stuckPage"_s);
    tabs->setCurrentWidget(stuck);
    QSignalSpy listed(stuck, &StuckPage::listingFinished);
    QTest::keyClick(m_window.get(), Qt::Key_F5);
    QVERIFY(listed.wait(20000));
    QCOMPARE(stuck->model()->rowCount(), 20);
    auto *older = m_window->findChild<QComboBox *>(u"stuckOlderThan"_s);
    older->setCurrentIndex(older->count() - 1); // custom: the hours box shows
    checkTabCycle(m_window.get(), m_window->findChild<QWidget *>(u"stuckRefreshButton"_s));
    QAccessibleInterface *table = tableOf(m_window->findChild<QTableView *>(u"stuckTable"_s));
    QVERIFY(table);
    QCOMPARE(table->text(QAccessible::Name), u"Stuck uploads"_s);
    // Every cell says something, the empty "sent to batch" cell too.
    for (int c = 0; c < table->tableInterface()->columnCount(); ++c)
        QVERIFY2(!table->tableInterface()->cellAt(0, c)->text(QAccessible::Name).isEmpty(),
                 qPrintable(u"column %1"_s.arg(c)));
    for (QAbstractButton *button : stuck->findChildren<QAbstractButton *>()) {
        if (button->isVisible())
            QVERIFY2(!QAccessible::queryAccessibleInterface(button)
                              ->text(QAccessible::Name)
                              .trimmed()
                              .isEmpty(),
                     qPrintable(describe(button)));
    }
}

void TestAccessibility::tabReachesEveryControlOfTheDialogs()
{
    {
        PreferencesDialog dialog(m_settings.get(), m_window.get());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowActive(&dialog));
        checkTabCycle(&dialog, dialog.findChild<QWidget *>(u"preferencesRate"_s));
    }
    {
        Profile profile = m_settings->profile(u"loopback"_s).value_or(Profile {});
        Credentials known;
        known.accessKey = profile.accessKey;
        SecretPrompt prompt(profile, known, u"The secret key is not stored."_s, nullptr,
                            m_window.get());
        prompt.show();
        QVERIFY(QTest::qWaitForWindowActive(&prompt));
        QTRY_VERIFY(prompt.keychainState() != -1);
        checkTabCycle(&prompt, prompt.findChild<QWidget *>(u"secretPromptSecretKey"_s));
    }
    {
        ProfileDialog dialog(m_settings.get(), m_credentials, m_nam.get(), m_window.get());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowActive(&dialog));
        // The secret fields are disabled while the keychain is read.
        auto *secret = dialog.findChild<QWidget *>(u"profileSecretKey"_s);
        QVERIFY(secret);
        QTRY_VERIFY_WITH_TIMEOUT(secret->isEnabled(), 30000);
        checkTabCycle(&dialog, dialog.findChild<QWidget *>(u"profileList"_s));
        // Every field of every authentication mode and proxy setting is reachable too (the
        // list is locked while the profile has unsaved changes).
        auto *mode = dialog.findChild<QComboBox *>(u"profileAuthMode"_s);
        auto *proxy = dialog.findChild<QComboBox *>(u"profileProxyMode"_s);
        for (int m = 0; m < mode->count(); ++m) {
            mode->setCurrentIndex(m);
            proxy->setCurrentIndex(m % proxy->count());
            checkTabCycle(&dialog, dialog.findChild<QWidget *>(u"profileName"_s));
        }
    }
}

namespace {
// The Alt+letter keys shown in the window: menu titles, tabs, buttons and labels' buddies that
// are visible; each letter should do one thing.
QStringList mnemonicClashes(QWidget *window)
{
    QMultiHash<QKeySequence, QString> owners;
    auto add = [&](const QString &text, const QString &what) {
        const QKeySequence key = QKeySequence::mnemonic(text);
        if (!key.isEmpty())
            owners.insert(key, what);
    };
    if (auto *main = qobject_cast<QMainWindow *>(window)) {
        for (QAction *menu : main->menuBar()->actions())
            add(menu->text(), u"menu "_s + menu->text());
    }
    for (QTabBar *bar : window->findChildren<QTabBar *>()) {
        if (!bar->isVisible())
            continue;
        for (int i = 0; i < bar->count(); ++i)
            add(bar->tabText(i), u"tab "_s + bar->tabText(i));
    }
    for (QAbstractButton *button : window->findChildren<QAbstractButton *>()) {
        if (button->isVisible() && !qobject_cast<QToolBar *>(button->parentWidget()))
            add(button->text(), describe(button) + u' ' + button->text());
    }
    for (QLabel *label : window->findChildren<QLabel *>()) {
        if (label->isVisible() && label->buddy())
            add(label->text(), describe(label) + u' ' + label->text());
    }
    QStringList clashes;
    for (const QKeySequence &key : owners.uniqueKeys()) {
        if (owners.count(key) > 1)
            clashes << key.toString() + u": "_s + QStringList(owners.values(key)).join(u" / "_s);
    }
    return clashes;
}
} // namespace

void TestAccessibility::mnemonicsAreUniqueOnEachPage()
{
    auto *tabs = m_window->findChild<QTabWidget *>(u"mainTabs"_s);
    for (int page = 0; page < tabs->count(); ++page) {
        tabs->setCurrentIndex(page);
        const QStringList clashes = mnemonicClashes(m_window.get());
        QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join(u"; "_s)));
    }
    // The tabs' own keys switch pages.
    QTest::keyClick(m_window.get(), Qt::Key_A, Qt::AltModifier);
    QCOMPARE(tabs->currentIndex(), 0);
    for (const char *name : {"stuckPage", "historyView"}) {
        QWidget *page = m_window->findChild<QWidget *>(QString::fromLatin1(name));
        const QKeySequence key = QKeySequence::mnemonic(tabs->tabText(tabs->indexOf(page)));
        QVERIFY(!key.isEmpty());
        QTest::keySequence(m_window.get(), key);
        QCOMPARE(tabs->currentWidget(), page);
    }
}

void TestAccessibility::pausedAndStoppedBatchesAreSaidAndReachable()
{
    m_server->config().latencyMs = 100;
    m_settings->setConcurrency(1);
    QStringList ids;
    for (int i = 1; i <= 12; ++i)
        ids << u"%1"_s.arg(i, 32, 16, QChar(u'0'));
    auto *edit = m_window->findChild<QPlainTextEdit *>(u"pasteEdit"_s);
    auto *add = m_window->findChild<QPushButton *>(u"addIdsButton"_s);
    edit->setPlainText(ids.join(u'\n'));
    QTRY_VERIFY(add->isEnabled());
    QTest::keyClick(add, Qt::Key_Space); // the focused button, from the keyboard
    QCOMPARE(m_window->assetModel()->rowCount(), 12);

    // Confirm, pause and stop from the keyboard.
    QSignalSpy finished(m_window.get(), &MainWindow::batchFinished);
    QTest::keyClick(m_window.get(), Qt::Key_Return, Qt::ControlModifier);
    QVERIFY(m_window->isRunning());
    QTRY_VERIFY(m_server->counters().confirmRequestsTotal() >= 1);
    QTest::keyClick(m_window.get(), Qt::Key_P, Qt::ControlModifier);
    auto *bar = m_window->findChild<QProgressBar *>(u"batchProgress"_s);
    QTRY_VERIFY(bar->text().startsWith(u"Paused"_s));
    QAccessibleInterface *progress = QAccessible::queryAccessibleInterface(bar);
    // The value is a number; the name and the description say it is paused.
    QCOMPARE(progress->text(QAccessible::Name), u"Batch progress, paused"_s);
    QVERIFY2(progress->text(QAccessible::Description).startsWith(u"Paused"_s),
             qPrintable(progress->text(QAccessible::Description)));
    QCOMPARE(progress->valueInterface()->maximumValue().toInt(), 12);

    // The progress row's buttons are named as they read; the tooltip describes them.
    QAccessibleInterface *resume = QAccessible::queryAccessibleInterface(
            m_window->findChild<QPushButton *>(u"resumeButton"_s));
    QCOMPARE(resume->text(QAccessible::Name), u"Resume"_s);
    QVERIFY(resume->text(QAccessible::Description).contains(u"Ctrl+Shift+P"_s));
    QVERIFY(!resume->state().disabled);
    // Paused, Resume and Stop are enabled: Tab reaches them too.
    checkTabCycle(m_window.get(), edit);

    QTest::keyClick(m_window.get(), Qt::Key_Period, Qt::ControlModifier);
    QVERIFY(finished.wait(20000));
    QCOMPARE(progress->text(QAccessible::Name), u"Batch progress"_s);
    QVERIFY2(progress->text(QAccessible::Description).startsWith(u"Stopped"_s),
             qPrintable(progress->text(QAccessible::Description)));

    // The next start offers the rest: the bar's buttons are named and in the Tab order.
    m_server->config().latencyMs = 0;
    m_window.reset();
    QVERIFY(showWindow(m_credentials, Focus::Active));
    auto *resumeBar = m_window->findChild<QWidget *>(u"resumeBar"_s);
    QVERIFY(resumeBar->isVisible());
    QCOMPARE(QAccessible::queryAccessibleInterface(resumeBar)->text(QAccessible::Name),
             u"Interrupted batch"_s);
    auto *resumeBatch = m_window->findChild<QPushButton *>(u"resumeBatchButton"_s);
    QCOMPARE(QAccessible::queryAccessibleInterface(resumeBatch)->text(QAccessible::Name),
             u"Resume Unfinished Batch"_s);
    checkTabCycle(m_window.get(), resumeBatch);
    QSignalSpy resumed(m_window.get(), &MainWindow::batchFinished);
    QTest::keyClick(m_window.get(), Qt::Key_U, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY(resumed.wait(20000));
}

void TestAccessibility::firstRunPageIsReachable()
{
    // No profile yet: the window opens on the first-run page.
    m_window.reset();
    Settings empty(m_dir->filePath(u"empty.ini"_s));
    MainWindow window(m_nam.get(), &empty, m_credentials, m_history.get());
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QWidget *page = window.findChild<QWidget *>(u"firstRunPage"_s);
    QVERIFY(page && page->isVisible());
    auto *create = page->findChild<QPushButton *>(u"firstRunCreateButton"_s);
    QVERIFY(create);
    QCOMPARE(QAccessible::queryAccessibleInterface(create)->text(QAccessible::Name),
             u"Create profile"_s);
    checkTabCycle(&window, create);
    const QStringList clashes = mnemonicClashes(&window);
    QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join(u"; "_s)));
}

QTEST_MAIN(TestAccessibility)
#include "tst_accessibility.moc"
