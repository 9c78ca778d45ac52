#include "historyview.h"
#include "ui_historyview.h"

#include "emptystate.h"
#include "models/historytablemodel.h"
#include "settings/settings.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QFileDialog>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableView>
#include <QThread>
#include <QTimer>
#include <QToolButton>

#include <memory>

using namespace Qt::StringLiterals;

namespace VodConfirm {

namespace {
constexpr int SearchDelayMs = 250;
} // namespace

HistoryView::HistoryView(HistoryStore *store, Settings *settings, QWidget *parent)
    : QWidget(parent),
      m_store(store),
      m_settings(settings),
      m_model(new HistoryTableModel(store, this)),
      m_ui(std::make_unique<Ui::HistoryView>())
{
    buildUi();
    reloadProfiles();
    if (m_settings) {
        connect(m_settings, &Settings::changed, this, [this](Settings::Key key) {
            if (key == Settings::Key::Profiles)
                reloadProfiles();
            else if (key == Settings::Key::HistoryRetentionDays)
                m_ui->historyRetention->setValue(m_settings->historyRetentionDays());
        });
    }
    connect(m_model, &HistoryTableModel::countsChanged, this, &HistoryView::updateCountLabel);
    connect(m_model, &HistoryTableModel::loadFailed, this, &HistoryView::statusMessage);
    m_model->setFilter(currentFilter());
    QTimer::singleShot(0, this, &HistoryView::applyRetention);
}

HistoryView::~HistoryView()
{
    // Children still emit while they are torn down (the retention box loses focus and says
    // editingFinished, the model reports counts); nothing of this half-destroyed view may run.
    const QList<QObject *> children = findChildren<QObject *>();
    for (QObject *child : children)
        disconnect(child, nullptr, this, nullptr);
    if (m_settings)
        m_settings->setHistoryTableHeaderState(m_ui->historyTable->horizontalHeader()->saveState());
    if (m_worker) {
        m_stopWorker = true;
        m_worker->wait();
        delete m_worker;
    }
}

void HistoryView::buildUi()
{
    m_ui->setupUi(this);
    const QDate today = QDate::currentDate();
    m_ui->historyFrom->setDate(today.addDays(-30));
    m_ui->historyTo->setDate(today);
    m_ui->historySearchScope->addItem(tr("Asset ID"), u"asset"_s);
    m_ui->historySearchScope->addItem(tr("Error or request ID"), u"text"_s);
    m_ui->historyOutcome->addItem(tr("All outcomes"), QString());
    for (const Outcome outcome : recordedOutcomes()) {
        m_ui->historyOutcome->addItem(HistoryTableModel::outcomeText(outcome),
                                      QString(outcomeName(outcome)));
    }

    m_ui->historyTable->setModel(m_model);
    new EmptyState(m_ui->historyTable, [] {
        return tr("No attempt to show. Every batch you run is recorded here; if you searched, "
                  "clear the search to see them all.");
    });
    m_ui->historyTable->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    const QFontMetrics fm = m_ui->historyTable->fontMetrics();
    auto widthFor = [&fm](const QString &sample) { return fm.horizontalAdvance(sample) + 24; };
    m_ui->historyTable->setColumnWidth(
            int(HistoryTableModel::Column::Time),
            widthFor(QLocale().toString(QDateTime(QDate(2026, 12, 30), QTime(23, 59)),
                                        QLocale::ShortFormat)));
    m_ui->historyTable->setColumnWidth(int(HistoryTableModel::Column::AssetId),
                                       widthFor(QString(32, u'0')));
    m_ui->historyTable->setColumnWidth(int(HistoryTableModel::Column::ErrorMessage), 260);
    m_ui->historyTable->setTabKeyNavigation(false);
    if (m_settings)
        m_ui->historyTable->horizontalHeader()->restoreState(m_settings->historyTableHeaderState());

    const auto range = Settings::range(Settings::Key::HistoryRetentionDays);
    m_ui->historyRetention->setRange(range ? range->first : 0, range ? range->second : 36500);
    m_ui->historyRetention->setValue(m_settings ? m_settings->historyRetentionDays() : 0);

    auto *requeue = new QAction(tr("Re-&queue Selected"), this);
    requeue->setObjectName(u"historyRequeueAction"_s);
    requeue->setToolTip(tr("Put the selected assets back into the asset table with the target "
                           "status they had"));
    connect(requeue, &QAction::triggered, this, [this] { requeueSelected(); });
    auto *requeueMenu = new QMenu(this);
    requeueMenu->setObjectName(u"historyRequeueMenu"_s);
    for (const char *status : {"CREATED", "FAILED", "CANCELLED"}) {
        const QString key = QString::fromLatin1(status);
        QAction *action = requeueMenu->addAction(tr("Re-queue as %1").arg(key));
        action->setObjectName(u"historyRequeueAs"_s + key);
        connect(action, &QAction::triggered, this, [this, key] { requeueSelected(key); });
    }
    m_ui->historyRequeueButton->setDefaultAction(requeue);
    m_ui->historyRequeueButton->setMenu(requeueMenu);

    // Actions, not bare shortcuts, so that Help > Keyboard Shortcuts lists them.
    const auto pageAction = [this](const QString &text, QKeySequence::StandardKey key) {
        auto *action = new QAction(text, this);
        action->setShortcut(key);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        addAction(action);
        return action;
    };
    connect(pageAction(tr("Search the history (History tab)"), QKeySequence::Find),
            &QAction::triggered, this, &HistoryView::focusSearch);
    connect(pageAction(tr("Reload the history (History tab)"), QKeySequence::Refresh),
            &QAction::triggered, this, &HistoryView::refresh);

    // Wiring.
    m_reloadTimer = new QTimer(this);
    m_reloadTimer->setSingleShot(true);
    m_reloadTimer->setInterval(SearchDelayMs);
    connect(m_reloadTimer, &QTimer::timeout, this, [this] { m_model->setFilter(currentFilter()); });
    connect(m_ui->historySearch, &QLineEdit::textChanged, this, &HistoryView::scheduleReload);
    connect(m_ui->historySearch, &QLineEdit::returnPressed, this, [this] {
        m_reloadTimer->stop();
        m_model->setFilter(currentFilter());
    });
    const auto reloadNow = [this] {
        m_reloadTimer->stop();
        m_model->setFilter(currentFilter());
    };
    connect(m_ui->historySearchScope, &QComboBox::currentIndexChanged, this, reloadNow);
    connect(m_ui->historyOutcome, &QComboBox::currentIndexChanged, this, reloadNow);
    connect(m_ui->historyProfile, &QComboBox::currentIndexChanged, this, reloadNow);
    connect(m_ui->historyFromEnabled, &QCheckBox::toggled, m_ui->historyFrom, &QWidget::setEnabled);
    connect(m_ui->historyToEnabled, &QCheckBox::toggled, m_ui->historyTo, &QWidget::setEnabled);
    connect(m_ui->historyFromEnabled, &QCheckBox::toggled, this, reloadNow);
    connect(m_ui->historyToEnabled, &QCheckBox::toggled, this, reloadNow);
    connect(m_ui->historyFrom, &QDateEdit::dateChanged, this, &HistoryView::scheduleReload);
    connect(m_ui->historyTo, &QDateEdit::dateChanged, this, &HistoryView::scheduleReload);
    connect(m_ui->historyRefreshButton, &QPushButton::clicked, this, &HistoryView::refresh);
    connect(m_ui->historyExportButton, &QPushButton::clicked, this, &HistoryView::openExportDialog);
    connect(m_ui->historyRetention, &QSpinBox::editingFinished, this, [this] {
        if (!m_settings || m_ui->historyRetention->value() == m_settings->historyRetentionDays())
            return;
        m_settings->setHistoryRetentionDays(m_ui->historyRetention->value());
        applyRetention();
    });
    connect(m_ui->historyTable->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &HistoryView::updateActions);
    connect(m_model, &QAbstractItemModel::modelReset, this, &HistoryView::updateActions);
    connect(m_ui->historyTable, &QWidget::customContextMenuRequested, this,
            [this, requeue, requeueMenu](const QPoint &pos) {
                QMenu menu(this);
                menu.addAction(requeue);
                menu.addMenu(requeueMenu)->setText(tr("Re-queue &As"));
                menu.addSeparator();
                QAction *copy = menu.addAction(tr("&Copy Asset IDs"));
                copy->setEnabled(!selectedAssetIds().isEmpty());
                connect(copy, &QAction::triggered, this, [this] {
                    QApplication::clipboard()->setText(selectedAssetIds().join(u'\n'));
                });
                for (QAction *action : std::as_const(m_rowActions)) {
                    if (action)
                        menu.addAction(action);
                    else
                        menu.addSeparator();
                }
                menu.exec(m_ui->historyTable->viewport()->mapToGlobal(pos));
            });
    updateActions();
}

void HistoryView::reloadProfiles()
{
    const QString current = m_ui->historyProfile->currentData().toString();
    const QSignalBlocker blocker(m_ui->historyProfile);
    m_ui->historyProfile->clear();
    m_ui->historyProfile->addItem(tr("All profiles"), QString());
    const QStringList names = m_settings ? m_settings->profileNames() : QStringList();
    for (const QString &profile : names)
        m_ui->historyProfile->addItem(profile, profile);
    const int index = m_ui->historyProfile->findData(current);
    m_ui->historyProfile->setCurrentIndex(index < 0 ? 0 : index);
    if (index < 0 && !current.isEmpty())
        m_model->setFilter(currentFilter()); // the filtered profile was removed
}

HistoryStore::Filter HistoryView::currentFilter() const
{
    HistoryStore::Filter filter;
    const QString search = m_ui->historySearch->text().trimmed();
    if (!search.isEmpty()) {
        if (m_ui->historySearchScope->currentData().toString() == "asset"_L1) {
            filter.assetId = search;
            filter.assetIdPrefix = true;
        } else {
            filter.text = search;
        }
    }
    if (const QString outcome = m_ui->historyOutcome->currentData().toString(); !outcome.isEmpty())
        filter.outcome = outcomeFromName(outcome);
    filter.profile = m_ui->historyProfile->currentData().toString();
    if (m_ui->historyFromEnabled->isChecked())
        filter.from = m_ui->historyFrom->date().startOfDay().toUTC();
    if (m_ui->historyToEnabled->isChecked())
        filter.to = m_ui->historyTo->date().addDays(1).startOfDay().toUTC();
    return filter;
}

QStringList HistoryView::selectedAssetIds() const
{
    QStringList ids;
    QSet<QString> seen;
    for (const HistoryRecord &record : selectedRecords()) {
        if (!seen.contains(record.assetId)) {
            seen.insert(record.assetId);
            ids.append(record.assetId);
        }
    }
    return ids;
}

bool HistoryView::hasSelection() const
{
    return m_ui->historyTable->selectionModel()->hasSelection();
}

QList<HistoryRecord> HistoryView::selectedRecords() const
{
    QList<int> rows;
    const QModelIndexList selected = m_ui->historyTable->selectionModel()->selectedRows();
    for (const QModelIndex &index : selected)
        rows.append(index.row());
    std::sort(rows.begin(), rows.end());
    QList<HistoryRecord> records;
    records.reserve(rows.size());
    for (int row : std::as_const(rows))
        records.append(m_model->record(row));
    return records;
}

void HistoryView::addRowActions(const QList<QAction *> &actions)
{
    m_rowActions += actions;
}

bool HistoryView::isBusy() const
{
    return m_worker != nullptr;
}

void HistoryView::refresh()
{
    m_reloadTimer->stop();
    if (m_store && m_store->isOpen())
        m_store->flush(); // make the rows still queued in memory visible
    m_model->setFilter(currentFilter());
}

void HistoryView::focusSearch()
{
    m_ui->historySearch->setFocus(Qt::ShortcutFocusReason);
    m_ui->historySearch->selectAll();
}

void HistoryView::scheduleReload()
{
    m_reloadTimer->start();
}

void HistoryView::updateCountLabel()
{
    const QLocale locale;
    const qint64 total = m_model->totalCount();
    const int loaded = m_model->loadedCount();
    if (total == 0) {
        const HistoryStore::Filter f = currentFilter();
        const bool filtered = !f.assetId.isEmpty() || !f.text.isEmpty() || f.outcome.has_value()
                || !f.profile.isEmpty() || f.from.isValid() || f.to.isValid();
        m_ui->historyCountLabel->setText(filtered ? tr("No attempts match the filter.")
                                                  : tr("No history yet."));
    } else if (loaded >= total) {
        m_ui->historyCountLabel->setText(
                tr("%Ln attempt(s)", nullptr, int(qMin<qint64>(total, INT_MAX))));
    } else {
        m_ui->historyCountLabel->setText(
                tr("Showing %1 of %2 attempts (scroll for more)")
                        .arg(locale.toString(loaded), locale.toString(total)));
    }
}

void HistoryView::updateActions()
{
    m_ui->historyRequeueButton->setEnabled(hasSelection());
    m_ui->historyRequeueButton->defaultAction()->setEnabled(hasSelection());
    m_ui->historyExportButton->setEnabled(!isBusy() && m_model->totalCount() > 0);
    emit selectionChanged();
}

void HistoryView::requeueSelected(const QString &targetStatus)
{
    QList<int> rows;
    const QModelIndexList selected = m_ui->historyTable->selectionModel()->selectedRows();
    for (const QModelIndex &index : selected)
        rows.append(index.row());
    if (rows.isEmpty())
        return;
    // Every row shown is selected, and the search matches more than is loaded: "all" means the
    // whole result, read from the history off the GUI thread, not the loaded page.
    if (rows.size() == m_model->loadedCount() && m_model->totalCount() > m_model->loadedCount()
        && m_store && m_store->isOpen() && !isBusy()) {
        HistoryStore *store = m_store;
        const HistoryStore::Filter filter = currentFilter();
        auto records = std::make_shared<QList<HistoryRecord>>();
        m_worker = QThread::create([store, filter, records] {
            constexpr int Page = 5000;
            QList<HistoryRecord> page = store->find(filter, Page);
            while (!page.isEmpty()) {
                *records += page;
                page = store->findAfter(filter, page.constLast(), Page);
            }
        });
        connect(m_worker, &QThread::finished, this, [this, records, targetStatus] {
            clearBusy();
            requeue(*records, targetStatus);
        });
        setBusy(tr("Reading every matching attempt…"));
        m_worker->start();
        return;
    }
    std::sort(rows.begin(), rows.end());
    QList<HistoryRecord> records;
    records.reserve(rows.size());
    for (int row : std::as_const(rows))
        records.append(m_model->record(row));
    requeue(records, targetStatus);
}

void HistoryView::requeue(const QList<HistoryRecord> &records, const QString &targetStatus)
{
    // Group by target status, keeping the order of first appearance.
    QStringList statuses;
    QHash<QString, QStringList> ids;
    QSet<QString> seen;
    for (const HistoryRecord &r : records) {
        const QString status = targetStatus.isEmpty() ? r.targetStatus : targetStatus;
        const QString key = status + u'/' + r.assetId;
        if (seen.contains(key))
            continue;
        seen.insert(key);
        if (!ids.contains(status))
            statuses.append(status);
        ids[status].append(r.assetId);
    }
    int total = 0;
    for (const QString &status : std::as_const(statuses)) {
        total += int(ids.value(status).size());
        emit requeueRequested(ids.value(status), status);
    }
    emit statusMessage(tr("%Ln asset(s) put back into the asset table.", nullptr, total));
}

void HistoryView::openExportDialog()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString suggested = QDir(dir).filePath(
            tr("vod-history-%1.csv").arg(QDate::currentDate().toString(Qt::ISODate)));
    auto *dialog = new QFileDialog(this, tr("Export History as CSV"), suggested,
                                   tr("CSV files (*.csv);;All files (*)"));
    dialog->setObjectName(u"historyExportDialog"_s);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setFileMode(QFileDialog::AnyFile);
    dialog->setDefaultSuffix(u"csv"_s);
    dialog->selectFile(suggested);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, &HistoryView::exportCsv);
    dialog->open();
}

void HistoryView::exportCsv(const QString &path)
{
    if (isBusy()) {
        emit exportFinished(false, path, tr("Another export or clean-up is still running."));
        return;
    }
    if (!m_store || !m_store->isOpen()) {
        emit exportFinished(false, path, tr("The history database is not open."));
        return;
    }
    m_store->flush();
    struct Result
    {
        bool ok = false;
        QString error;
    };
    auto result = std::make_shared<Result>();
    HistoryStore *store = m_store;
    const HistoryStore::Filter filter = currentFilter();
    m_worker = QThread::create([store, filter, path, result] {
        result->ok = store->exportCsv(filter, path, &result->error);
    });
    connect(m_worker, &QThread::finished, this, [this, path, result] {
        clearBusy();
        const QString message = result->ok
                ? tr("History exported to %1.").arg(QDir::toNativeSeparators(path))
                : tr("The history could not be exported to %1: %2")
                          .arg(QDir::toNativeSeparators(path), result->error);
        emit statusMessage(message);
        emit exportFinished(result->ok, path, message);
    });
    setBusy(tr("Exporting…"));
    m_worker->start(QThread::LowPriority);
}

void HistoryView::applyRetention()
{
    const int days = m_settings ? m_settings->historyRetentionDays() : 0;
    if (days <= 0 || isBusy() || !m_store || !m_store->isOpen())
        return;
    const QDateTime cutoff = QDateTime::currentDateTimeUtc().addDays(-days);
    struct Result
    {
        qint64 deleted = 0;
        QString error;
    };
    auto result = std::make_shared<Result>();
    HistoryStore *store = m_store;
    m_stopWorker = false;
    m_worker = QThread::create([this, store, cutoff, result] {
        result->deleted = store->deleteOlderThan(cutoff, &result->error,
                                                 [this](qint64) { return !m_stopWorker.load(); });
    });
    connect(m_worker, &QThread::finished, this, [this, days, result] {
        clearBusy();
        QString message;
        if (result->deleted < 0) {
            message = tr("Old history could not be deleted: %1").arg(result->error);
        } else {
            message = tr("%Ln attempt(s) older than %1 days deleted.", nullptr,
                         int(qMin<qint64>(result->deleted, INT_MAX)))
                              .arg(days);
            if (result->deleted > 0)
                refresh();
        }
        emit statusMessage(message);
        emit retentionApplied(result->deleted, message);
    });
    setBusy(tr("Deleting history older than %Ln day(s)…", nullptr, days));
    m_worker->start(QThread::LowPriority);
}

void HistoryView::setBusy(const QString &what)
{
    m_ui->historyBusyLabel->setText(what);
    updateActions();
}

void HistoryView::clearBusy()
{
    if (m_worker) {
        m_worker->wait();
        m_worker->deleteLater();
        m_worker = nullptr;
    }
    m_ui->historyBusyLabel->clear();
    updateActions();
}

} // namespace VodConfirm
