#include "stuckpage.h"
#include "ui_stuckpage.h"

#include "actionbutton.h"
#include "api/vodclient.h"
#include "emptystate.h"
#include "icons.h"
#include "models/stuckfilterproxy.h"
#include "models/stucktablemodel.h"

#include <QAction>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>

using namespace Qt::StringLiterals;

namespace VodConfirm {

using Column = StuckTableModel::Column;

namespace {
constexpr int SearchDelayMs = 200;
constexpr int ClockIntervalMs = 30 * 1000;
constexpr qint64 Hour = 3600;
constexpr qint64 Day = 24 * Hour;
} // namespace

StuckPage::StuckPage(QWidget *parent)
    : QWidget(parent),
      m_ui(std::make_unique<Ui::StuckPage>()),
      m_model(new StuckTableModel(this)),
      m_proxy(new StuckFilterProxy(this))
{
    m_proxy->setSourceModel(m_model);
    buildUi();
    updateStatus();
    updateActions();
    updateCount();
}

StuckPage::~StuckPage()
{
    if (m_lister)
        disconnect(m_lister, nullptr, this, nullptr);
}

void StuckPage::buildUi()
{
    m_ui->setupUi(this);
    setRange(QDate::currentDate().addDays(-DefaultRangeDays), QDate::currentDate());

    // Actions, so that Help > Keyboard Shortcuts lists them and the context menu has them.
    auto make = [this](const QString &name, const QString &text, const QString &tip,
                       const char *icon) {
        auto *a = new QAction(text, this);
        a->setObjectName(name);
        a->setToolTip(tip);
        a->setStatusTip(tip);
        if (icon)
            a->setIcon(themedIcon(QString::fromLatin1(icon)));
        return a;
    };
    m_refreshAction = make(u"stuckRefreshAction"_s, tr("&Refresh"),
                           tr("List the stuck uploads again (Stuck uploads tab)"), "view-refresh");
    m_refreshAction->setShortcut(QKeySequence::Refresh);
    // The page's F5: only while the page is shown (the history page has its own).
    m_refreshAction->setShortcutContext(Qt::WindowShortcut);
    addAction(m_refreshAction);
    m_stopAction
            = make(u"stuckStopAction"_s, tr("Sto&p Listing"),
                   tr("Stop the listing; what was listed so far is kept"), "media-playback-stop");
    m_confirmAction = make(u"stuckConfirmAction"_s, tr("Co&nfirm…"),
                           tr("Confirm the uploads (target status CREATED): the selected ones, "
                              "or all shown"),
                           "dialog-ok-apply");
    m_failAction = make(u"stuckFailAction"_s, tr("&Mark Failed…"),
                        tr("Mark the uploads as failed (target status FAILED): the selected "
                           "ones, or all shown"),
                        "dialog-error");
    m_cancelAction = make(u"stuckCancelAction"_s, tr("Cancel &Upload…"),
                          tr("Cancel the uploads (target status CANCELLED): the selected ones, "
                             "or all shown"),
                          "edit-delete");
    connect(m_refreshAction, &QAction::triggered, this, &StuckPage::refresh);
    connect(m_stopAction, &QAction::triggered, this, &StuckPage::stopListing);
    connect(m_confirmAction, &QAction::triggered, this,
            [this] { sendToBatch(TargetStatus::Created); });
    connect(m_failAction, &QAction::triggered, this, [this] { sendToBatch(TargetStatus::Failed); });
    connect(m_cancelAction, &QAction::triggered, this,
            [this] { sendToBatch(TargetStatus::Cancelled); });
    const std::pair<QPushButton *, QAction *> buttons[] = {
            {m_ui->stuckRefreshButton, m_refreshAction}, {m_ui->stuckStopButton, m_stopAction},
            {m_ui->stuckConfirmButton, m_confirmAction}, {m_ui->stuckFailButton, m_failAction},
            {m_ui->stuckCancelButton, m_cancelAction},
    };
    for (const auto &[button, action] : buttons) {
        bindButton(button, action);
        button->setIcon(action->icon());
    }
    for (QAction *a : {m_confirmAction, m_failAction, m_cancelAction})
        m_ui->stuckTable->addAction(a);
    m_ui->stuckDetailsButton->setVisible(false);
    connect(m_ui->stuckDetailsButton, &QPushButton::clicked, this, [this] {
        if (!m_summary)
            return;
        auto *box = new QMessageBox(QMessageBox::Warning, tr("Listing incomplete"),
                                    m_summary->error, QMessageBox::Close, this);
        box->setObjectName(u"stuckErrorBox"_s);
        box->setTextFormat(Qt::PlainText); // the server's words, never markup
        box->setTextInteractionFlags(Qt::TextSelectableByMouse);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->setWindowModality(Qt::WindowModal);
        box->open();
    });

    // The table.
    QTableView *table = m_ui->stuckTable;
    table->setModel(m_proxy);
    table->setTabKeyNavigation(false);
    table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 8);
    const QFontMetrics fm = table->fontMetrics();
    auto widthFor = [&fm](const QString &sample) { return fm.horizontalAdvance(sample) + 24; };
    table->setColumnWidth(int(Column::AssetId), widthFor(QString(32, u'0')));
    table->setColumnWidth(int(Column::Title), widthFor(QString(28, u'n')));
    table->setColumnWidth(int(Column::Created),
                          widthFor(QLocale().toString(QDateTime(QDate(2026, 12, 30), QTime(23, 59)),
                                                      QLocale::ShortFormat)));
    table->setColumnWidth(int(Column::Age),
                          std::max(widthFor(StuckTableModel::ageText(888 * Day)),
                                   widthFor(StuckTableModel::columnTitle(Column::Age))));
    table->sortByColumn(int(Column::Created), Qt::DescendingOrder);
    m_empty = new EmptyState(table, [this] { return emptyText(); });
    connect(table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &StuckPage::updateActions);

    // The range.
    for (QDateEdit *edit : {m_ui->stuckFrom, m_ui->stuckTo}) {
        edit->setDisplayFormat(QLocale().dateFormat(QLocale::ShortFormat));
        connect(edit, &QDateEdit::dateChanged, this, &StuckPage::updateStatus);
    }

    // The filters.
    m_ui->stuckOlderThan->addItem(tr("Any age"), qint64(0));
    m_ui->stuckOlderThan->addItem(tr("1 hour"), Hour);
    m_ui->stuckOlderThan->addItem(tr("1 day"), Day);
    m_ui->stuckOlderThan->addItem(tr("7 days"), 7 * Day);
    m_ui->stuckOlderThan->addItem(tr("30 days"), 30 * Day);
    m_ui->stuckOlderThan->addItem(tr("Custom (hours)"), qint64(-1));
    m_ui->stuckCustomHours->setVisible(false);
    connect(m_ui->stuckOlderThan, &QComboBox::currentIndexChanged, this,
            &StuckPage::applyAgeFilter);
    connect(m_ui->stuckCustomHours, &QSpinBox::valueChanged, this, &StuckPage::applyAgeFilter);
    m_searchTimer.setSingleShot(true);
    m_searchTimer.setInterval(SearchDelayMs);
    connect(&m_searchTimer, &QTimer::timeout, this,
            [this] { m_proxy->setTextFilter(m_ui->stuckSearch->text()); });
    connect(m_ui->stuckSearch, &QLineEdit::textChanged, &m_searchTimer,
            qOverload<>(&QTimer::start));
    connect(m_ui->stuckSearch, &QLineEdit::returnPressed, this, [this] {
        m_searchTimer.stop();
        m_proxy->setTextFilter(m_ui->stuckSearch->text());
    });
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_proxy, signal, this, &StuckPage::updateCount);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &StuckPage::updateCount);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &StuckPage::updateCount);
    connect(m_model, &StuckTableModel::sentCountChanged, this, &StuckPage::updateCount);

    // Ages and "listed ... ago" follow the clock.
    m_clock.setInterval(ClockIntervalMs);
    connect(&m_clock, &QTimer::timeout, this, [this] {
        m_model->setNow(QDateTime::currentSecsSinceEpoch());
        m_ui->stuckTable->viewport()->update();
        updateStatus();
    });
    m_clock.start();
}

// --- range and filters --------------------------------------------------------------------

void StuckPage::setRange(QDate from, QDate to)
{
    m_ui->stuckFrom->setDate(from);
    m_ui->stuckTo->setDate(to);
}

QDateTime StuckPage::rangeStart() const
{
    return QDateTime(m_ui->stuckFrom->date(), QTime(0, 0)).toUTC();
}

QDateTime StuckPage::rangeEnd() const
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QDateTime endOfDay = QDateTime(m_ui->stuckTo->date(), QTime(23, 59, 59)).toUTC();
    return std::min(now, endOfDay);
}

QString StuckPage::rangeText(const QDateTime &from, const QDateTime &to) const
{
    const QLocale locale;
    return tr("%1 and %2")
            .arg(locale.toString(from.toLocalTime().date(), QLocale::ShortFormat),
                 locale.toString(to.toLocalTime().date(), QLocale::ShortFormat));
}

void StuckPage::applyAgeFilter()
{
    qint64 secs = m_ui->stuckOlderThan->currentData().toLongLong();
    const bool custom = secs < 0;
    m_ui->stuckCustomHours->setVisible(custom);
    if (custom)
        secs = m_ui->stuckCustomHours->value() * Hour;
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    m_model->setNow(now);
    m_proxy->setMinimumAge(secs, now);
}

void StuckPage::updateCount()
{
    const int shown = m_proxy->rowCount();
    const int all = m_model->rowCount();
    const QLocale locale;
    QString text = all == 0 ? QString()
            : shown == all
            ? tr("%Ln upload(s)", nullptr, all)
            : tr("%1 of %Ln upload(s) shown", nullptr, all).arg(locale.toString(shown));
    if (m_model->sentCount() > 0)
        text += tr(", %Ln sent to a batch", nullptr, m_model->sentCount());
    m_ui->stuckCountLabel->setText(text);
    updateActions();
}

QString StuckPage::emptyText() const
{
    if (m_model->rowCount() > 0)
        return tr("No stuck upload matches the filter. Clear the search or choose “Any age”.");
    if (isListing())
        return tr("Listing…");
    if (!m_summary)
        return tr("Refresh to find uploads nobody confirmed.");
    if (m_summary->complete)
        return tr("No stuck uploads between %1.").arg(rangeText(m_listFrom, m_listTo));
    return tr("Nothing was listed: %1")
            .arg(m_summary->cancelled ? tr("the listing was stopped.") : m_summary->error);
}

// --- listing ------------------------------------------------------------------------------

bool StuckPage::isListing() const
{
    return m_lister && m_lister->isRunning();
}

void StuckPage::refresh()
{
    if (isListing())
        return;
    const QDateTime from = rangeStart();
    const QDateTime to = rangeEnd();
    if (from > to) {
        emit statusMessage(tr("The range ends before it starts: choose the dates again."), 8000);
        return;
    }
    emit listRequested(from, to);
}

void StuckPage::startListing(VodClient *client, const QDateTime &from, const QDateTime &to,
                             const std::optional<StuckLister::Options> &options)
{
    dropListing(); // an earlier one is replaced
    client->setParent(this);
    m_client = client;
    m_lister = new StuckLister(client, client);
    if (options)
        m_lister->setOptions(*options);
    connect(m_lister, &StuckLister::assetsListed, this, &StuckPage::onListed);
    connect(m_lister, &StuckLister::finished, this, &StuckPage::onFinished);
    connect(m_lister, &StuckLister::waiting, this, [this](qint64 ms, const QString &reason) {
        m_waitingUntilMs = QDateTime::currentMSecsSinceEpoch() + ms;
        m_waitingReason = reason;
        updateStatus();
    });
    m_listFrom = from;
    m_listTo = to;
    m_listed = 0;
    m_waitingUntilMs = 0;
    m_waitingReason.clear();
    m_model->clear();
    emit statusMessage({}, 0);
    applyAgeFilter(); // ages count from now
    m_lister->start(from, to);
    m_clock.setInterval(1000); // the wait counts down
    m_empty->update();
    updateStatus();
    updateActions();
}

void StuckPage::dropListing()
{
    if (m_lister) {
        disconnect(m_lister, nullptr, this, nullptr);
        m_lister->cancel(); // nothing more is sent or passed on
        m_lister = nullptr;
    }
    if (m_client) {
        m_client->deleteLater(); // and the lister with it
        m_client = nullptr;
    }
}

void StuckPage::forgetListing()
{
    dropListing();
    m_summary.reset();
    m_waitingUntilMs = 0;
    m_clock.setInterval(ClockIntervalMs);
    m_model->clear();
    m_empty->update();
    updateStatus();
    updateActions();
}

void StuckPage::stopListing()
{
    if (isListing())
        m_lister->cancel();
}

void StuckPage::onListed(const QList<StuckAsset> &assets)
{
    m_listed += assets.size();
    m_model->addAssets(assets);
    if (m_waitingUntilMs > 0 && QDateTime::currentMSecsSinceEpoch() >= m_waitingUntilMs)
        m_waitingUntilMs = 0;
    updateStatus();
}

void StuckPage::onFinished(const StuckListSummary &summary)
{
    m_summary = summary;
    m_finishedAt = QDateTime::currentDateTimeUtc();
    m_waitingUntilMs = 0;
    m_clock.setInterval(ClockIntervalMs);
    if (m_client)
        m_client->deleteLater(); // and the lister with it
    m_empty->update();
    updateStatus();
    updateActions();
    if (!summary.complete && !summary.cancelled)
        emit statusMessage(statusText(), 15000);
    emit listingFinished(summary);
}

QString StuckPage::statusText() const
{
    return m_ui->stuckStatus->text();
}

void StuckPage::updateStatus()
{
    const QLocale locale;
    QString text;
    if (isListing()) {
        const StuckListSummary &now = m_lister->summary();
        text = tr("Listing uploads created between %1 that nobody confirmed… %Ln found so far",
                  nullptr, int(m_listed))
                       .arg(rangeText(m_listFrom, m_listTo));
        text += tr(" (%Ln request(s))", nullptr, now.requests);
        const qint64 waitMs = m_waitingUntilMs - QDateTime::currentMSecsSinceEpoch();
        if (m_waitingUntilMs > 0 && waitMs > 0)
            text += u' '
                    + tr("Waiting %Ln s: %1", nullptr, int((waitMs + 999) / 1000))
                              .arg(m_waitingReason);
    } else if (!m_summary) {
        text = tr("Not listed yet. Refresh lists the uploads created between %1 (by default the "
                  "last %Ln days) that nobody confirmed.",
                  nullptr, DefaultRangeDays)
                       .arg(rangeText(rangeStart(), rangeEnd()));
    } else {
        const StuckListSummary &s = *m_summary;
        const qint64 ago = m_finishedAt.secsTo(QDateTime::currentDateTimeUtc());
        const QString when
                = ago < 60 ? tr("just now") : tr("%1 ago").arg(StuckTableModel::ageText(ago));
        if (s.complete && s.listed == 0) {
            text = tr("No stuck uploads between %1 (listed %2).")
                           .arg(rangeText(m_listFrom, m_listTo), when);
        } else if (s.complete) {
            text = tr("Listed %Ln stuck upload(s) created between %1, %2.", nullptr, int(s.listed))
                           .arg(rangeText(m_listFrom, m_listTo), when);
        } else {
            const QString kept = s.listed == 0
                    ? tr("Nothing was listed.")
                    : tr("The %Ln upload(s) listed, created after %1, are kept; older ones "
                         "were not listed.",
                         nullptr, int(s.listed))
                              .arg(locale.toString(s.listedUntil.toLocalTime(),
                                                   QLocale::ShortFormat));
            if (s.cancelled) {
                text = tr("Listing stopped %1. %2").arg(when, kept);
            } else {
                // The server's whole answer can be long: the line names it, Details shows it.
                const ApiResult &e = s.lastError;
                QString what = e.httpStatus > 0
                        ? tr("HTTP %1 %2").arg(e.httpStatus).arg(e.errorCode).trimmed()
                        : e.errorMessage;
                if (what.isEmpty())
                    what = s.error;
                if (what.size() > 160)
                    what = what.left(159) + u'…';
                text = tr("Listing incomplete (%1): %2. %3").arg(when, what, kept);
            }
            text += u' ' + tr("Refresh to list again.");
        }
    }
    m_ui->stuckStatus->setText(text);
    m_ui->stuckDetailsButton->setVisible(!isListing() && m_summary && !m_summary->complete
                                         && !m_summary->cancelled);
    m_ui->stuckStatus->setToolTip(m_summary && !isListing() && m_summary->requests > 0
                                          ? tr("%Ln request(s)", nullptr, m_summary->requests)
                                          : QString());
}

// --- bulk actions -------------------------------------------------------------------------

void StuckPage::setBatchRunning(bool running)
{
    if (m_batchRunning == running)
        return;
    m_batchRunning = running;
    updateActions();
}

void StuckPage::updateActions()
{
    const bool listing = isListing();
    m_refreshAction->setEnabled(!listing);
    m_stopAction->setEnabled(listing);
    m_ui->stuckFrom->setEnabled(!listing);
    m_ui->stuckTo->setEnabled(!listing);
    // Whether a row shown was not sent yet. While a listing fills the table nothing is sent, so
    // the whole table is looked through only after a bulk action.
    bool any = m_model->sentCount() == 0 && m_proxy->rowCount() > 0;
    for (int r = 0, n = m_proxy->rowCount();
         !any && m_model->sentCount() < m_model->rowCount() && r < n; ++r)
        any = !m_proxy->index(r, 0).data(StuckTableModel::SentRole).toBool();
    // Not while listing: "every upload shown" would be a part of the listing.
    for (QAction *a : {m_confirmAction, m_failAction, m_cancelAction})
        a->setEnabled(any && !m_batchRunning && !listing);
    const bool selection = m_ui->stuckTable->selectionModel()->hasSelection();
    m_ui->stuckScopeLabel->setText(
            m_model->rowCount() == 0 ? QString()
                    : listing ? tr("Confirm, mark failed or cancel once the listing has ended.")
                    : m_batchRunning
                    ? tr("A batch is running on the Assets page; act on these when it ends.")
                    : selection ? tr("Acting on the selected uploads.")
                                : tr("Acting on every upload shown (select some to act on them "
                                     "only)."));
}

QStringList StuckPage::idsToSend(bool *selection) const
{
    QStringList ids;
    QModelIndexList rows = m_ui->stuckTable->selectionModel()->selectedRows();
    *selection = !rows.isEmpty();
    if (rows.isEmpty()) {
        const int n = m_proxy->rowCount();
        rows.reserve(n);
        for (int r = 0; r < n; ++r)
            rows.append(m_proxy->index(r, 0));
    } else {
        std::sort(rows.begin(), rows.end()); // in view order
    }
    ids.reserve(rows.size());
    for (const QModelIndex &index : std::as_const(rows)) {
        const StuckTableModel::Row &r = m_model->row(m_proxy->mapToSource(index).row());
        if (!r.sentAs) // a row goes to one batch only
            ids.append(r.assetId);
    }
    return ids;
}

void StuckPage::sendToBatch(TargetStatus status)
{
    if (m_batchRunning)
        return;
    bool selection = false;
    const QStringList ids = idsToSend(&selection);
    if (ids.isEmpty()) {
        emit statusMessage(tr("Nothing to send: every upload shown was sent to a batch already."),
                           8000);
        return;
    }
    const int n = int(ids.size());
    QString question;
    QString button;
    switch (status) {
    case TargetStatus::Created:
        question = tr("Confirm %Ln upload(s)?", nullptr, n);
        button = tr("Confirm %Ln Upload(s)", nullptr, n);
        break;
    case TargetStatus::Failed:
        question = tr("Mark %Ln upload(s) as failed?", nullptr, n);
        button = tr("Mark %Ln as Failed", nullptr, n);
        break;
    case TargetStatus::Cancelled:
        question = tr("Cancel %Ln upload(s)?", nullptr, n);
        button = tr("Cancel %Ln Upload(s)", nullptr, n);
        break;
    }
    QString details = selection ? tr("The selected uploads that were not sent yet.")
                                : tr("Every upload shown (as filtered) that was not sent yet.");
    details += u' '
            + tr("They run as a batch on the Assets page with target status %1, paced and "
                 "recorded in the history like any other.")
                      .arg(targetStatusName(status));
    if (status == TargetStatus::Created)
        details += u' ' + tr("Confirm only uploads whose files were uploaded completely.");
    else
        details += u' '
                + tr("This cannot be undone: VOD will not accept a confirmation for them later.");
    auto *box = new QMessageBox(
            status == TargetStatus::Created ? QMessageBox::Question : QMessageBox::Warning,
            StuckTableModel::actionText(status), question, QMessageBox::NoButton, this);
    box->setObjectName(u"stuckSendBox"_s);
    box->setInformativeText(details);
    QPushButton *send = box->addButton(button, QMessageBox::AcceptRole);
    send->setObjectName(u"stuckSendButton"_s);
    QPushButton *back = box->addButton(tr("Go &Back"), QMessageBox::RejectRole);
    back->setObjectName(u"stuckBackButton"_s);
    // Undoable only by another batch: the safe answer is the default where it cannot be undone.
    box->setDefaultButton(status == TargetStatus::Created ? send : back);
    box->setEscapeButton(back);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::WindowModal);
    connect(box, &QMessageBox::buttonClicked, this,
            [this, send, ids, status](QAbstractButton *clicked) {
                if (clicked != send || m_batchRunning)
                    return;
                // The rows stay, greyed and marked with what they were sent as, rather than
                // removed: the listing still shows what it found, the count stays that of the
                // listing, and nothing is sent twice from here. A Refresh shows what is still
                // waiting.
                m_model->markSent(ids, status);
                emit batchRequested(ids, status);
            });
    box->open();
}

} // namespace VodConfirm
