#include "historyview.h"

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
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QPushButton>
#include <QShortcut>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableView>
#include <QThread>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <memory>

using namespace Qt::StringLiterals;

namespace VodConfirm {

namespace {
constexpr int SearchDelayMs = 250;

void name(QWidget *widget, const QString &objectName, const QString &accessibleName)
{
    widget->setObjectName(objectName);
    widget->setAccessibleName(accessibleName);
}
} // namespace

HistoryView::HistoryView(HistoryStore *store, Settings *settings, QWidget *parent)
    : QWidget(parent),
      m_store(store),
      m_settings(settings),
      m_model(new HistoryTableModel(store, this))
{
    setObjectName(u"historyView"_s);
    buildUi();
    reloadProfiles();
    if (m_settings) {
        connect(m_settings, &Settings::changed, this, [this](Settings::Key key) {
            if (key == Settings::Key::Profiles)
                reloadProfiles();
            else if (key == Settings::Key::HistoryRetentionDays)
                m_retention->setValue(m_settings->historyRetentionDays());
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
        m_settings->setHistoryTableHeaderState(m_table->horizontalHeader()->saveState());
    if (m_worker) {
        m_stopWorker = true;
        m_worker->wait();
        delete m_worker;
    }
}

void HistoryView::buildUi()
{
    // Filters.
    auto *searchLabel = new QLabel(tr("&Search:"), this);
    m_search = new QLineEdit(this);
    name(m_search, u"historySearch"_s, tr("Search history"));
    m_search->setClearButtonEnabled(true);
    m_search->setPlaceholderText(tr("Asset ID, or text of an error or request ID (Ctrl+F)"));
    searchLabel->setBuddy(m_search);

    m_searchScope = new QComboBox(this);
    name(m_searchScope, u"historySearchScope"_s, tr("Search in"));
    m_searchScope->addItem(tr("Asset ID"), u"asset"_s);
    m_searchScope->addItem(tr("Error or request ID"), u"text"_s);
    m_searchScope->setToolTip(tr("Asset ID matches IDs that start with the text; error or "
                                 "request ID matches any part of the error code, error message "
                                 "or request ID."));

    auto *outcomeLabel = new QLabel(tr("&Outcome:"), this);
    m_outcome = new QComboBox(this);
    name(m_outcome, u"historyOutcome"_s, tr("Outcome"));
    m_outcome->addItem(tr("All outcomes"), QString());
    for (const Outcome outcome : recordedOutcomes()) {
        m_outcome->addItem(HistoryTableModel::outcomeText(outcome), QString(outcomeName(outcome)));
    }
    outcomeLabel->setBuddy(m_outcome);

    auto *profileLabel = new QLabel(tr("&Profile:"), this);
    m_profile = new QComboBox(this);
    name(m_profile, u"historyProfile"_s, tr("Profile"));
    profileLabel->setBuddy(m_profile);

    const QDate today = QDate::currentDate();
    m_fromEnabled = new QCheckBox(tr("F&rom:"), this);
    name(m_fromEnabled, u"historyFromEnabled"_s, tr("Filter from date"));
    m_from = new QDateEdit(today.addDays(-30), this);
    name(m_from, u"historyFrom"_s, tr("From date"));
    m_from->setCalendarPopup(true);
    m_from->setEnabled(false);

    m_toEnabled = new QCheckBox(tr("&To:"), this);
    name(m_toEnabled, u"historyToEnabled"_s, tr("Filter to date"));
    m_to = new QDateEdit(today, this);
    name(m_to, u"historyTo"_s, tr("To date (inclusive)"));
    m_to->setCalendarPopup(true);
    m_to->setEnabled(false);

    auto *filters = new QHBoxLayout;
    filters->addWidget(searchLabel);
    filters->addWidget(m_search, 3);
    filters->addWidget(m_searchScope);
    filters->addSpacing(8);
    filters->addWidget(outcomeLabel);
    filters->addWidget(m_outcome);
    filters->addWidget(profileLabel);
    filters->addWidget(m_profile);
    filters->addSpacing(8);
    filters->addWidget(m_fromEnabled);
    filters->addWidget(m_from);
    filters->addWidget(m_toEnabled);
    filters->addWidget(m_to);

    // Table.
    m_table = new QTableView(this);
    name(m_table, u"historyTable"_s, tr("Confirmation history"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setColumnWidth(int(HistoryTableModel::Column::AssetId), 260);
    m_table->setColumnWidth(int(HistoryTableModel::Column::ErrorMessage), 260);
    if (m_settings)
        m_table->horizontalHeader()->restoreState(m_settings->historyTableHeaderState());

    // Actions.
    m_countLabel = new QLabel(this);
    m_countLabel->setObjectName(u"historyCountLabel"_s);
    m_busyLabel = new QLabel(this);
    m_busyLabel->setObjectName(u"historyBusyLabel"_s);

    auto *retentionLabel = new QLabel(tr("&Keep history:"), this);
    m_retention = new QSpinBox(this);
    name(m_retention, u"historyRetention"_s, tr("Keep history for days"));
    const auto range = Settings::range(Settings::Key::HistoryRetentionDays);
    m_retention->setRange(range ? range->first : 0, range ? range->second : 36500);
    m_retention->setSpecialValueText(tr("Keep everything"));
    m_retention->setSuffix(tr(" days"));
    m_retention->setToolTip(tr("Attempts older than this many days are deleted; 0 keeps "
                               "everything."));
    m_retention->setValue(m_settings ? m_settings->historyRetentionDays() : 0);
    retentionLabel->setBuddy(m_retention);

    m_refreshButton = new QPushButton(tr("Re&fresh"), this);
    name(m_refreshButton, u"historyRefreshButton"_s, tr("Refresh"));
    m_refreshButton->setToolTip(tr("Reload the history (F5)"));

    m_exportButton = new QPushButton(tr("&Export CSV…"), this);
    name(m_exportButton, u"historyExportButton"_s, tr("Export CSV"));
    m_exportButton->setToolTip(tr("Save the attempts that match the filter as a CSV file"));

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
    m_requeueButton = new QToolButton(this);
    name(m_requeueButton, u"historyRequeueButton"_s, tr("Re-queue selected"));
    m_requeueButton->setDefaultAction(requeue);
    m_requeueButton->setMenu(requeueMenu);
    m_requeueButton->setPopupMode(QToolButton::MenuButtonPopup);
    m_requeueButton->setToolButtonStyle(Qt::ToolButtonTextOnly);

    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_countLabel);
    bottom->addWidget(m_busyLabel);
    bottom->addStretch(1);
    bottom->addWidget(retentionLabel);
    bottom->addWidget(m_retention);
    bottom->addSpacing(8);
    bottom->addWidget(m_refreshButton);
    bottom->addWidget(m_exportButton);
    bottom->addWidget(m_requeueButton);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(m_table, 1);
    layout->addLayout(bottom);

    setTabOrder(m_search, m_searchScope);
    setTabOrder(m_searchScope, m_outcome);
    setTabOrder(m_outcome, m_profile);
    setTabOrder(m_profile, m_fromEnabled);
    setTabOrder(m_fromEnabled, m_from);
    setTabOrder(m_from, m_toEnabled);
    setTabOrder(m_toEnabled, m_to);
    setTabOrder(m_to, m_table);
    setTabOrder(m_table, m_retention);
    setTabOrder(m_retention, m_refreshButton);
    setTabOrder(m_refreshButton, m_exportButton);
    setTabOrder(m_exportButton, m_requeueButton);

    auto *find = new QShortcut(QKeySequence::Find, this);
    find->setContext(Qt::WidgetWithChildrenShortcut);
    connect(find, &QShortcut::activated, this, &HistoryView::focusSearch);
    auto *reload = new QShortcut(QKeySequence::Refresh, this);
    reload->setContext(Qt::WidgetWithChildrenShortcut);
    connect(reload, &QShortcut::activated, this, &HistoryView::refresh);

    // Wiring.
    m_reloadTimer = new QTimer(this);
    m_reloadTimer->setSingleShot(true);
    m_reloadTimer->setInterval(SearchDelayMs);
    connect(m_reloadTimer, &QTimer::timeout, this, [this] { m_model->setFilter(currentFilter()); });
    connect(m_search, &QLineEdit::textChanged, this, &HistoryView::scheduleReload);
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        m_reloadTimer->stop();
        m_model->setFilter(currentFilter());
    });
    const auto reloadNow = [this] {
        m_reloadTimer->stop();
        m_model->setFilter(currentFilter());
    };
    connect(m_searchScope, &QComboBox::currentIndexChanged, this, reloadNow);
    connect(m_outcome, &QComboBox::currentIndexChanged, this, reloadNow);
    connect(m_profile, &QComboBox::currentIndexChanged, this, reloadNow);
    connect(m_fromEnabled, &QCheckBox::toggled, m_from, &QWidget::setEnabled);
    connect(m_toEnabled, &QCheckBox::toggled, m_to, &QWidget::setEnabled);
    connect(m_fromEnabled, &QCheckBox::toggled, this, reloadNow);
    connect(m_toEnabled, &QCheckBox::toggled, this, reloadNow);
    connect(m_from, &QDateEdit::dateChanged, this, &HistoryView::scheduleReload);
    connect(m_to, &QDateEdit::dateChanged, this, &HistoryView::scheduleReload);
    connect(m_refreshButton, &QPushButton::clicked, this, &HistoryView::refresh);
    connect(m_exportButton, &QPushButton::clicked, this, &HistoryView::openExportDialog);
    connect(m_retention, &QSpinBox::editingFinished, this, [this] {
        if (!m_settings || m_retention->value() == m_settings->historyRetentionDays())
            return;
        m_settings->setHistoryRetentionDays(m_retention->value());
        applyRetention();
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &HistoryView::updateActions);
    connect(m_model, &QAbstractItemModel::modelReset, this, &HistoryView::updateActions);
    connect(m_table, &QWidget::customContextMenuRequested, this,
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
                menu.exec(m_table->viewport()->mapToGlobal(pos));
            });
    updateActions();
}

void HistoryView::reloadProfiles()
{
    const QString current = m_profile->currentData().toString();
    const QSignalBlocker blocker(m_profile);
    m_profile->clear();
    m_profile->addItem(tr("All profiles"), QString());
    const QStringList names = m_settings ? m_settings->profileNames() : QStringList();
    for (const QString &profile : names)
        m_profile->addItem(profile, profile);
    const int index = m_profile->findData(current);
    m_profile->setCurrentIndex(index < 0 ? 0 : index);
    if (index < 0 && !current.isEmpty())
        m_model->setFilter(currentFilter()); // the filtered profile was removed
}

HistoryStore::Filter HistoryView::currentFilter() const
{
    HistoryStore::Filter filter;
    const QString search = m_search->text().trimmed();
    if (!search.isEmpty()) {
        if (m_searchScope->currentData().toString() == "asset"_L1) {
            filter.assetId = search;
            filter.assetIdPrefix = true;
        } else {
            filter.text = search;
        }
    }
    if (const QString outcome = m_outcome->currentData().toString(); !outcome.isEmpty())
        filter.outcome = outcomeFromName(outcome);
    filter.profile = m_profile->currentData().toString();
    if (m_fromEnabled->isChecked())
        filter.from = m_from->date().startOfDay().toUTC();
    if (m_toEnabled->isChecked())
        filter.to = m_to->date().addDays(1).startOfDay().toUTC();
    return filter;
}

QStringList HistoryView::selectedAssetIds() const
{
    QList<int> rows;
    const QModelIndexList selected = m_table->selectionModel()->selectedRows();
    for (const QModelIndex &index : selected)
        rows.append(index.row());
    std::sort(rows.begin(), rows.end());
    QStringList ids;
    QSet<QString> seen;
    for (int row : std::as_const(rows)) {
        const QString &id = m_model->record(row).assetId;
        if (!seen.contains(id)) {
            seen.insert(id);
            ids.append(id);
        }
    }
    return ids;
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
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
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
        m_countLabel->setText(filtered ? tr("No attempts match the filter.")
                                       : tr("No history yet."));
    } else if (loaded >= total) {
        m_countLabel->setText(tr("%n attempt(s)", nullptr, int(qMin<qint64>(total, INT_MAX))));
    } else {
        m_countLabel->setText(tr("Showing %1 of %2 attempts (scroll for more)")
                                      .arg(locale.toString(loaded), locale.toString(total)));
    }
}

void HistoryView::updateActions()
{
    const bool hasSelection = m_table->selectionModel()->hasSelection();
    m_requeueButton->setEnabled(hasSelection);
    m_requeueButton->defaultAction()->setEnabled(hasSelection);
    m_exportButton->setEnabled(!isBusy() && m_model->totalCount() > 0);
}

void HistoryView::requeueSelected(const QString &targetStatus)
{
    QList<int> rows;
    const QModelIndexList selected = m_table->selectionModel()->selectedRows();
    for (const QModelIndex &index : selected)
        rows.append(index.row());
    if (rows.isEmpty())
        return;
    std::sort(rows.begin(), rows.end());

    // Group by target status, keeping the table order of first appearance.
    QStringList statuses;
    QHash<QString, QStringList> ids;
    QSet<QString> seen;
    for (int row : std::as_const(rows)) {
        const HistoryRecord &r = m_model->record(row);
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
    emit statusMessage(tr("%n asset(s) put back into the asset table.", nullptr, total));
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
            message = tr("%n attempt(s) older than %1 days deleted.", nullptr,
                         int(qMin<qint64>(result->deleted, INT_MAX)))
                              .arg(days);
            if (result->deleted > 0)
                refresh();
        }
        emit statusMessage(message);
        emit retentionApplied(result->deleted, message);
    });
    setBusy(tr("Deleting history older than %n day(s)…", nullptr, days));
    m_worker->start(QThread::LowPriority);
}

void HistoryView::setBusy(const QString &what)
{
    m_busyLabel->setText(what);
    updateActions();
}

void HistoryView::clearBusy()
{
    if (m_worker) {
        m_worker->wait();
        m_worker->deleteLater();
        m_worker = nullptr;
    }
    m_busyLabel->clear();
    updateActions();
}

} // namespace VodConfirm
