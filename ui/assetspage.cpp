#include "assetspage.h"
#include "ui_assetspage.h"

#include "actionbutton.h"
#include "emptystate.h"
#include "engine/batchrunner.h"
#include "errorhints.h"
#include "models/assetfilterproxy.h"
#include "pastepanel.h"
#include "storage/historyrecord.h"
#include "util/csv.h"

#include <QAction>
#include <QButtonGroup>
#include <QClipboard>
#include <QGuiApplication>
#include <QHeaderView>
#include <QLocale>
#include <QSaveFile>

#include <array>

using namespace Qt::StringLiterals;

namespace VodConfirm {

using Column = AssetTableModel::Column;
using Bucket = AssetTableModel::Bucket;

namespace {

QString bucketName(Bucket b)
{
    switch (b) {
    case Bucket::All:
        return AssetsPage::tr("All");
    case Bucket::Queued:
        return AssetsPage::tr("Queued");
    case Bucket::Running:
        return AssetsPage::tr("Running");
    case Bucket::Confirmed:
        return AssetsPage::tr("Confirmed");
    case Bucket::Failed:
        return AssetsPage::tr("Failed");
    case Bucket::NotSent:
        return AssetsPage::tr("Not sent");
    case Bucket::Count:
        break;
    }
    return {};
}

QString exportField(const QModelIndex &index, Column column)
{
    if (column == Column::LastUpdate) {
        const qint64 ms = index.data(AssetTableModel::SortRole).toLongLong();
        return ms > 0
                ? QDateTime::fromMSecsSinceEpoch(ms).toUTC().toString(u"yyyy-MM-ddTHH:mm:ss.zzzZ"_s)
                : QString();
    }
    return index.data().toString();
}

QStringList columnTitles()
{
    QStringList titles;
    for (int c = 0; c < int(Column::Count); ++c)
        titles << AssetTableModel::columnTitle(Column(c));
    return titles;
}

} // namespace

AssetsPage::AssetsPage(QWidget *parent)
    : QWidget(parent),
      m_ui(std::make_unique<Ui::AssetsPage>()),
      m_model(new AssetTableModel(this)),
      m_proxy(new AssetFilterProxy(this)),
      m_buckets(new QButtonGroup(this))
{
    m_ui->setupUi(this);
    m_proxy->setSourceModel(m_model);
    connect(m_model, &AssetTableModel::batchReached, this, [this](int row) {
        if (!m_followRunning)
            return;
        if (const QModelIndex shown = m_proxy->mapFromSource(m_model->index(row, 0));
            shown.isValid())
            m_ui->assetTable->scrollTo(shown, QAbstractItemView::EnsureVisible);
    });

    PastePanel *paste = m_ui->pastePanel;
    paste->setKnownIdsProvider([this] { return m_model->knownIds(); });
    connect(paste, &PastePanel::addStarted, this,
            [this](qsizetype total) { m_model->reserve(m_model->rowCount() + total); });
    connect(paste, &PastePanel::addRequested, this,
            [this](const QStringList &ids, TargetStatus status) {
                // A big paste arrives in slices (PastePanel::HandOverSlice): say the total.
                m_model->addAssets(ids, status);
                emit statusMessage(
                        tr("Queued: %1").arg(QLocale().toString(m_model->count(Bucket::Queued))),
                        8000);
                m_ui->assetTable->setFocus();
            });
    connect(paste, &PastePanel::parsingChanged, this,
            [this](bool parsing) { emit statusMessage(parsing ? tr("Parsing…") : QString(), 0); });

    // Status buckets with live counts.
    const std::array<QAbstractButton *, int(Bucket::Count)> buckets {
            m_ui->bucketAll,       m_ui->bucketQueued, m_ui->bucketRunning,
            m_ui->bucketConfirmed, m_ui->bucketFailed, m_ui->bucketNotSent};
    for (int b = 0; b < int(Bucket::Count); ++b)
        m_buckets->addButton(buckets[b], b);
    connect(m_buckets, &QButtonGroup::idClicked, this,
            [this](int id) { m_proxy->setBucket(Bucket(id)); });

    m_ui->filterColumnCombo->addItem(tr("All columns"), -1);
    for (int c = 0; c < int(Column::Count); ++c)
        m_ui->filterColumnCombo->addItem(AssetTableModel::columnTitle(Column(c)), c);
    auto applyFilter = [this] {
        m_proxy->setTextFilter(m_ui->filterEdit->text(),
                               m_ui->filterColumnCombo->currentData().toInt());
    };
    connect(m_ui->filterEdit, &QLineEdit::textChanged, this, applyFilter);
    connect(m_ui->filterColumnCombo, &QComboBox::currentIndexChanged, this, applyFilter);

    // progressLabel's size policy (Ignored, in the form) keeps the window's width however long
    // the text: the label gives way, and the whole text is in its tooltip.
    setUpTable();
    m_ui->detailsPane->setMinimumHeight(fontMetrics().lineSpacing() * 5);
    m_ui->resumeBar->hide();

    connect(m_model, &AssetTableModel::countsChanged, this, [this] {
        updateBucketButtons();
        updateDetails();
    });
    updateBucketButtons();
}

AssetsPage::~AssetsPage() = default;

void AssetsPage::setUpTable()
{
    QTableView *view = m_ui->assetTable;
    view->setModel(m_proxy);
    new EmptyState(view, [this] {
        return m_model->rowCount() == 0
                ? tr("No assets yet. Paste asset IDs above, import files (Ctrl+O) or drop them on "
                     "the window.")
                : tr("No asset in this view: choose another group above or clear the filter.");
    });
    view->setSortingEnabled(true);
    view->sortByColumn(-1, Qt::AscendingOrder); // insertion order until the user sorts
    view->horizontalHeader()->setSectionsMovable(true);
    const QFontMetrics fm = view->fontMetrics();
    view->verticalHeader()->setDefaultSectionSize(fm.height() + 8);
    view->setColumnWidth(int(Column::AssetId), fm.horizontalAdvance(QString(34, u'0')));
    auto widthFor = [&fm](const QString &sample) { return fm.horizontalAdvance(sample) + 24; };
    view->setColumnWidth(int(Column::TargetStatus), widthFor(u"CANCELLED"_s));
    view->setColumnWidth(int(Column::State), widthFor(u"Retrying 10/10"_s));
    view->setColumnWidth(int(Column::HttpStatus), widthFor(u"HTTP"_s));
    view->setColumnWidth(int(Column::ErrorCode), widthFor(u"APIGW.0308"_s));
    view->setColumnWidth(int(Column::ErrorMessage), 300);
    view->setColumnWidth(int(Column::Attempts), widthFor(u"Attempts"_s));
    // A request ID (what support asks for) is 32 hex characters: shown whole. The error message
    // takes the width left over, not the last column.
    view->setColumnWidth(int(Column::RequestId), widthFor(QString(32, u'0')));
    view->setColumnWidth(int(Column::LastUpdate),
                         widthFor(QLocale().toString(QDateTime(QDate(2026, 12, 30), QTime(23, 59)),
                                                     QLocale::ShortFormat)));
    QHeaderView *header = view->horizontalHeader();
    header->setStretchLastSection(false);
    header->setMinimumSectionSize(fm.horizontalAdvance(u"HTTP"_s) + 16);
    // The error message takes the width the other columns leave, but never less than a readable
    // part of a message: on a narrow window (or with wider Chinese headers) the table scrolls
    // sideways instead of squeezing it to "Med…". (QHeaderView::Stretch has no minimum.)
    connect(header, &QHeaderView::sectionResized, this, [this](int logical) {
        if (logical != int(Column::ErrorMessage))
            fitMessageColumn();
    });
    view->viewport()->installEventFilter(this);
    // Tab leaves the table for the next control; the arrow keys move between cells.
    view->setTabKeyNavigation(false);
    connect(view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &AssetsPage::selectionChanged);
    connect(view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &AssetsPage::updateDetails);
}

PastePanel *AssetsPage::pastePanel() const
{
    return m_ui->pastePanel;
}

void AssetsPage::addTableActions(const QList<QAction *> &actions)
{
    for (QAction *action : actions) {
        if (!action) {
            action = new QAction(m_ui->assetTable);
            action->setSeparator(true);
        }
        m_ui->assetTable->addAction(action);
    }
}

void AssetsPage::setBatchActions(QAction *pause, QAction *resume, QAction *cancel,
                                 QAction *resumeBatch, QAction *discardBatch)
{
    const std::array<std::pair<QPushButton *, QAction *>, 3> progressButtons {
            {{m_ui->pauseButton, pause},
             {m_ui->resumeButton, resume},
             {m_ui->cancelButton, cancel}}};
    for (const auto &[button, action] : progressButtons)
        bindButton(button, action);
    bindButton(m_ui->resumeBatchButton, resumeBatch);
    bindButton(m_ui->discardBatchButton, discardBatch);
}

QByteArray AssetsPage::saveHeaderState() const
{
    return m_ui->assetTable->horizontalHeader()->saveState();
}

void AssetsPage::restoreHeaderState(const QByteArray &state)
{
    QHeaderView *header = m_ui->assetTable->horizontalHeader();
    if (header->restoreState(state))
        m_ui->assetTable->sortByColumn(header->sortIndicatorSection(),
                                       header->sortIndicatorOrder());
    fitMessageColumn();
}

void AssetsPage::fitMessageColumn()
{
    QTableView *view = m_ui->assetTable;
    QHeaderView *header = view->horizontalHeader();
    const int message = int(Column::ErrorMessage);
    int others = 0;
    for (int c = 0; c < header->count(); ++c) {
        if (c != message && !header->isSectionHidden(c))
            others += header->sectionSize(c);
    }
    const int readable = view->fontMetrics().averageCharWidth() * 32;
    header->resizeSection(message, std::max(readable, view->viewport()->width() - others));
}

bool AssetsPage::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Resize && watched == m_ui->assetTable->viewport())
        fitMessageColumn();
    return QWidget::eventFilter(watched, event);
}

// --- status -------------------------------------------------------------------------------

void AssetsPage::updateBucketButtons()
{
    for (int b = 0; b < int(Bucket::Count); ++b) {
        QAbstractButton *button = m_buckets->button(b);
        const QString count = QLocale().toString(m_model->count(Bucket(b)));
        button->setText(tr("%1 (%2)").arg(bucketName(Bucket(b)), count));
        // The name says what the button shows and how many, as its text does; checked says
        // which group the table shows.
        button->setAccessibleName(tr("Show %1 assets: %2").arg(bucketName(Bucket(b)), count));
    }
}

void AssetsPage::setFollowRunning(bool follow)
{
    m_followRunning = follow;
}

void AssetsPage::updateDetails()
{
    const QModelIndex current = m_ui->assetTable->currentIndex();
    if (!current.isValid()) {
        m_ui->detailsPane->clear();
        m_ui->detailsPane->setAccessibleDescription({});
        return;
    }
    const int row = m_proxy->mapToSource(current).row();
    if (row < 0)
        return;
    const AssetTableModel::Row &r = m_model->row(row);
    m_ui->detailsPane->setAccessibleDescription(AssetTableModel::accessibleDescription(r));
    QString html = u"<p><b>%1</b> → %2 · <b>%3</b></p>"_s.arg(
            r.assetId.toHtmlEscaped(), targetStatusName(r.status),
            AssetTableModel::stateText(r.state, r.attempts, r.maxAttempts).toHtmlEscaped());
    if (!r.last.ok() || r.last.httpStatus > 0) {
        html += u"<p>"_s
                + ErrorHints::details(r.assetId, r.state, r.last, r.updatedAt)
                          .toHtmlEscaped()
                          .replace(u'\n', u"<br>"_s)
                + u"</p>"_s;
    }
    if (!r.note.isEmpty())
        html += u"<p>"_s + r.note.toHtmlEscaped() + u"</p>"_s;
    m_ui->detailsPane->setHtml(html);
}

QString AssetsPage::formatDuration(qint64 secs)
{
    if (secs < 60)
        return tr("%1 s").arg(secs);
    if (secs < 3600)
        return tr("%1 min %2 s").arg(secs / 60).arg(secs % 60);
    return tr("%1 h %2 min").arg(secs / 3600).arg((secs % 3600) / 60);
}

void AssetsPage::setProgressText(const QString &text)
{
    m_ui->batchProgress->setAccessibleName(tr("Batch progress"));
    m_ui->progressLabel->setText(text);
    // The label's accessible name only says what it is; a screen reader hears the line itself
    // as its description, and as the progress bar's (whose value is the percentage, with
    // "Paused" when it is).
    m_ui->progressLabel->setAccessibleDescription(text);
    m_ui->batchProgress->setAccessibleDescription(text);
}

void AssetsPage::showIdle()
{
    m_ui->batchProgress->setRange(0, 1);
    m_ui->batchProgress->setValue(0);
    setProgressText(tr("Idle"));
}

void AssetsPage::showStarting()
{
    m_ui->batchProgress->setRange(0, 0);
    setProgressText(tr("Starting the batch…"));
}

void AssetsPage::showSummary(const BatchSummary &s)
{
    // What was dealt with, not 100% for a batch stopped early.
    m_ui->batchProgress->setRange(0, std::max(1, s.total));
    m_ui->batchProgress->setValue(s.total - s.notSent);
    m_ui->batchProgress->setFormat(QStringLiteral("%p%"));
    QString text = s.kept
            ? tr("Stopped: %1 confirmed, %2 failed, %3 left to send after %4")
                      .arg(locale().toString(s.confirmed), locale().toString(s.failed),
                           locale().toString(s.remaining), formatDuration(s.elapsedMs / 1000))
            : tr("Done: %1 confirmed, %2 failed, %3 not sent in %4")
                      .arg(locale().toString(s.confirmed), locale().toString(s.failed),
                           locale().toString(s.notSent), formatDuration(s.elapsedMs / 1000));
    if (s.skipped > 0)
        text += tr(" · %Ln skipped as confirmed before", nullptr, s.skipped);
    if (s.alreadyConfirmed > 0)
        text += tr(" · %Ln already confirmed (skipped)", nullptr, s.alreadyConfirmed);
    setProgressText(text);
    QString tip = text;
    if (s.kept)
        tip += u'\n' + tr("Send Remaining (Ctrl+R) sends the rest.");
    if (!s.stopReason.isEmpty())
        tip += u'\n' + s.stopReason;
    m_ui->progressLabel->setToolTip(tip);
}

void AssetsPage::showProgress(const BatchProgress &p)
{
    m_ui->batchProgress->setRange(0, std::max(1, p.total));
    m_ui->batchProgress->setValue(p.done);
    // Paused is said on the bar itself, not only in the line beside it.
    m_ui->batchProgress->setFormat(p.paused ? tr("Paused · %p%") : QStringLiteral("%p%"));
    QString text = tr("%1 of %2 done · %3 confirmed · %4 failed")
                           .arg(locale().toString(p.done), locale().toString(p.total),
                                locale().toString(p.confirmed + p.skipped + p.alreadyConfirmed),
                                locale().toString(p.failed));
    if (p.paused) {
        text = tr("Paused: %1").arg(text);
    } else if (p.ratePerMinute > 0) {
        text += tr(" · %1/min").arg(locale().toString(qRound(p.ratePerMinute)));
        if (p.secondsLeft >= 0 && p.done < p.total)
            text += tr(" · about %1 left").arg(formatDuration(p.secondsLeft));
    }
    if (p.following > 0)
        text += tr(" · following %Ln confirmed asset(s)", nullptr, p.following);
    setProgressText(text);
    m_ui->progressLabel->setToolTip(text);
    // A screen reader reads the bar's value as a number: its name says it is paused.
    if (p.paused)
        m_ui->batchProgress->setAccessibleName(tr("Batch progress, paused"));
}

void AssetsPage::showInterruptedBatches(const QList<BatchInfo> &batches)
{
    if (!batches.isEmpty()) {
        const BatchInfo &b = batches.constLast(); // the newest
        const QString started = QLocale().toString(b.startedAt.toLocalTime(), QLocale::ShortFormat);
        QString text = b.stoppedAt.isValid()
                ? tr("A batch of %Ln asset(s) started %1 stopped before all were sent: %2 Send "
                     "the rest? Assets it may have confirmed already are checked first and not "
                     "sent again.",
                     nullptr, b.total)
                          .arg(started, b.stopReason)
                : tr("A batch of %Ln asset(s) started %1 did not finish: VOD Confirm was "
                     "closed, killed or crashed while it ran. Resume it? Assets it may have "
                     "confirmed already are checked first and not sent again.",
                     nullptr, b.total)
                          .arg(started);
        if (batches.size() > 1)
            text += u' '
                    + tr("(%Ln older unfinished batch(es): see “vodconfirm history --unfinished”.)",
                         nullptr, int(batches.size()) - 1);
        m_ui->resumeText->setText(text);
    }
    m_ui->resumeBar->setVisible(!batches.isEmpty());
}

// --- selection and clipboard --------------------------------------------------------------

bool AssetsPage::hasSelection() const
{
    return m_ui->assetTable->selectionModel()->hasSelection();
}

QList<int> AssetsPage::selectedSourceRows() const
{
    QModelIndexList selected = m_ui->assetTable->selectionModel()->selectedRows();
    std::sort(selected.begin(), selected.end(),
              [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    QList<int> rows;
    rows.reserve(selected.size());
    for (const QModelIndex &i : std::as_const(selected))
        rows << m_proxy->mapToSource(i).row();
    return rows;
}

QList<int> AssetsPage::rowsToSend(
        const std::function<bool(const AssetTableModel::Row &)> &wanted) const
{
    QList<int> rows;
    for (int row : selectedSourceRows()) {
        if (wanted(m_model->row(row)))
            rows << row;
    }
    return rows.isEmpty() ? rowsWhere(wanted) : rows;
}

QList<int> AssetsPage::rowsWhere(
        const std::function<bool(const AssetTableModel::Row &)> &wanted) const
{
    QList<int> rows;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (wanted(m_model->row(row)))
            rows << row;
    }
    return rows;
}

int AssetsPage::queueAgain(const QStringList &ids, TargetStatus target)
{
    QList<int> existing;
    for (const QString &id : ids) {
        const int row = m_model->rowOf(id);
        if (row >= 0 && isTerminal(m_model->row(row).state))
            existing << row;
    }
    m_model->requeue(existing);
    const int added = m_model->addAssets(ids, target);
    return added + int(existing.size());
}

void AssetsPage::copyIds() const
{
    QStringList ids;
    for (int row : selectedSourceRows())
        ids << m_model->row(row).assetId;
    if (!ids.isEmpty())
        QGuiApplication::clipboard()->setText(ids.join(u'\n') + u'\n');
}

void AssetsPage::copyRows() const
{
    const QList<int> rows = selectedSourceRows();
    if (rows.isEmpty())
        return;
    auto clean = [](QString s) {
        return s.replace(u'\t', u' ').replace(u'\n', u' ').replace(u'\r', u' ');
    };
    QStringList lines;
    lines << columnTitles().join(u'\t');
    for (int row : rows) {
        QStringList fields;
        for (int c = 0; c < int(Column::Count); ++c)
            fields << clean(exportField(m_model->index(row, c), Column(c)));
        lines << fields.join(u'\t');
    }
    QGuiApplication::clipboard()->setText(lines.join(u'\n') + u'\n');
}

void AssetsPage::copyErrorDetails() const
{
    QStringList blocks;
    for (int row : selectedSourceRows()) {
        const AssetTableModel::Row &r = m_model->row(row);
        if (r.last.ok() && r.note.isEmpty())
            continue;
        QString block = ErrorHints::details(r.assetId, r.state, r.last, r.updatedAt);
        if (!r.note.isEmpty())
            block += u'\n' + r.note;
        blocks << block;
    }
    if (!blocks.isEmpty())
        QGuiApplication::clipboard()->setText(blocks.join(u"\n\n"_s) + u'\n');
}

void AssetsPage::removeSelected(bool batchRunning)
{
    QList<int> rows;
    int skipped = 0;
    for (int row : selectedSourceRows()) {
        // Assets of the running batch stay until it is over.
        const AssetState s = m_model->row(row).state;
        if (batchRunning && !isTerminal(s)) {
            ++skipped;
            continue;
        }
        rows << row;
    }
    const int removed = m_model->removeAssetRows(rows);
    QString message = tr("Removed: %1").arg(removed);
    if (skipped > 0)
        message += tr("; kept because they are in the running batch: %1").arg(skipped);
    emit statusMessage(message, 8000);
}

bool AssetsPage::exportView(const QString &path, QString *error) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = tr("%1 could not be written: %2").arg(path, file.errorString());
        return false;
    }
    file.write(Csv::row(columnTitles()));
    const int rows = m_proxy->rowCount();
    for (int r = 0; r < rows; ++r) {
        QStringList fields;
        fields.reserve(int(Column::Count));
        for (int c = 0; c < int(Column::Count); ++c)
            fields << exportField(m_proxy->index(r, c), Column(c));
        file.write(Csv::row(fields));
    }
    if (!file.commit()) {
        if (error)
            *error = tr("%1 could not be written: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace VodConfirm
