#include "uploadspage.h"
#include "ui_uploadspage.h"

#include "actionbutton.h"
#include "emptystate.h"
#include "icons.h"
#include "models/uploadtablemodel.h"
#include "settings/settings.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDesktopServices>
#include <QDir>
#include <QFileInfo>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QKeyEvent>
#include <QLocale>
#include <QMessageBox>
#include <QPainter>
#include <QPushButton>
#include <QSpinBox>
#include <QStyledItemDelegate>
#include <QUrl>

#include <numeric>

using namespace Qt::StringLiterals;

namespace VodConfirm {

using Column = UploadTableModel::Column;
using Phase = UploadStatus::Phase;

namespace {

enum class Act { Pause, Resume, Cancel };

bool isActive(Phase phase)
{
    return phase != Phase::Paused && !isFinishedUploadPhase(phase);
}

// The progress column as a progress bar with the percentage on it.
class ProgressDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override
    {
        QStyleOptionViewItem item = option;
        initStyleOption(&item, index);
        item.text.clear();
        const QWidget *widget = option.widget;
        QStyle *style = widget ? widget->style() : QApplication::style();
        style->drawControl(QStyle::CE_ItemViewItem, &item, painter, widget); // selection
        QStyleOptionProgressBar bar;
        bar.rect = option.rect.adjusted(3, 3, -3, -3);
        bar.minimum = 0;
        bar.maximum = 1000;
        bar.progress = index.data(UploadTableModel::ProgressRole).toInt();
        bar.text = index.data().toString();
        bar.textVisible = true;
        bar.textAlignment = Qt::AlignCenter;
        bar.state = option.state | QStyle::State_Horizontal;
        bar.palette = option.palette;
        bar.fontMetrics = option.fontMetrics;
        style->drawControl(QStyle::CE_ProgressBar, &bar, painter, widget);
    }
};

} // namespace

UploadsPage::UploadsPage(QWidget *parent)
    : QWidget(parent),
      m_ui(std::make_unique<Ui::UploadsPage>()),
      m_model(new UploadTableModel(this))
{
    buildUi();
    updateActions();
    updateTotals();
}

UploadsPage::~UploadsPage()
{
    if (m_runner)
        disconnect(m_runner, nullptr, this, nullptr);
}

void UploadsPage::buildUi()
{
    m_ui->setupUi(this);
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
    m_pauseAction = make(u"uploadPauseAction"_s, tr("&Pause"),
                         tr("Pause the selected uploads; the parts that arrived are kept"),
                         "media-playback-pause");
    m_resumeAction
            = make(u"uploadResumeAction"_s, tr("&Resume"),
                   tr("Resume the selected paused or interrupted uploads"), "media-playback-start");
    m_cancelAction = make(u"uploadCancelAction"_s, tr("Ca&ncel…"),
                          tr("Cancel the selected uploads (asks first; cannot be undone)"),
                          "media-playback-stop");
    m_copyIdAction
            = make(u"uploadCopyIdAction"_s, tr("Copy Asset &ID"),
                   tr("Copy the asset IDs of the selected uploads, one per line"), "edit-copy");
    m_copyIdAction->setShortcut(QKeySequence::Copy);
    m_copyIdAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_errorAction = make(u"uploadErrorAction"_s, tr("Error De&tails…"),
                         tr("Why the current upload failed or waits: error code, message, HTTP "
                            "status and request ID"),
                         "dialog-error");
    m_errorAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    m_errorAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_openFolderAction
            = make(u"uploadOpenFolderAction"_s, tr("Open Containing &Folder"),
                   tr("Show the current upload's file in the file manager"), "folder-open");
    m_pauseAllAction = make(u"uploadPauseAllAction"_s, tr("Pau&se All"),
                            tr("Pause every upload in the queue"), "media-playback-pause");
    m_resumeAllAction
            = make(u"uploadResumeAllAction"_s, tr("Resu&me All"),
                   tr("Resume every paused or interrupted upload"), "media-playback-start");
    m_cancelAllAction = make(u"uploadCancelAllAction"_s, tr("Cancel All…"),
                             tr("Cancel every upload not finished (asks first; cannot be undone)"),
                             "media-playback-stop");
    m_clearAction = make(u"uploadClearAction"_s, tr("Clear Finished"),
                         tr("Remove the confirmed, failed and cancelled uploads from the list "
                            "(the history keeps them)"),
                         "edit-delete");
    connect(m_pauseAction, &QAction::triggered, this, &UploadsPage::pauseSelected);
    connect(m_resumeAction, &QAction::triggered, this, &UploadsPage::resumeSelected);
    connect(m_cancelAction, &QAction::triggered, this, &UploadsPage::cancelSelected);
    connect(m_copyIdAction, &QAction::triggered, this, &UploadsPage::copyAssetIds);
    connect(m_errorAction, &QAction::triggered, this, &UploadsPage::showErrorDetails);
    connect(m_openFolderAction, &QAction::triggered, this, &UploadsPage::openContainingFolder);
    connect(m_pauseAllAction, &QAction::triggered, this, &UploadsPage::pauseAll);
    connect(m_resumeAllAction, &QAction::triggered, this, &UploadsPage::resumeAll);
    connect(m_cancelAllAction, &QAction::triggered, this, &UploadsPage::cancelAll);
    connect(m_clearAction, &QAction::triggered, this, &UploadsPage::clearFinished);
    const std::pair<QPushButton *, QAction *> buttons[] = {
            {m_ui->uploadPauseButton, m_pauseAction},
            {m_ui->uploadResumeButton, m_resumeAction},
            {m_ui->uploadCancelButton, m_cancelAction},
            {m_ui->uploadDetailsButton, m_errorAction},
            {m_ui->uploadPauseAllButton, m_pauseAllAction},
            {m_ui->uploadResumeAllButton, m_resumeAllAction},
            {m_ui->uploadCancelAllButton, m_cancelAllAction},
            {m_ui->uploadClearButton, m_clearAction},
    };
    for (const auto &[button, action] : buttons) {
        bindButton(button, action);
        button->setIcon(action->icon());
    }
    QTableView *table = m_ui->uploadTable;
    for (QAction *a : rowActions())
        table->addAction(a);
    auto *separator = new QAction(this);
    separator->setSeparator(true);
    table->addAction(separator);
    for (QAction *a : {m_pauseAllAction, m_resumeAllAction, m_cancelAllAction, m_clearAction})
        table->addAction(a);

    table->installEventFilter(this); // Ctrl+C is Copy Asset ID, not the view's copy of a cell
    table->viewport()->installEventFilter(this); // the name and title columns fill the width
    table->setModel(m_model);
    table->setItemDelegateForColumn(int(Column::Progress), new ProgressDelegate(table));
    table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 10);
    const QFontMetrics fm = table->fontMetrics();
    auto widthFor = [&fm](const QString &sample) { return fm.horizontalAdvance(sample) + 32; };
    auto header = [&widthFor](Column c, const QString &sample) {
        return std::max(widthFor(sample), widthFor(UploadTableModel::columnTitle(c)));
    };
    // Narrow enough that every column but the asset ID's fits a 1024 px wide window; names and
    // titles are elided, with the whole text in the tooltip.
    table->setColumnWidth(int(Column::FileName), widthFor(QString(14, u'n')));
    table->setColumnWidth(int(Column::Title), widthFor(QString(12, u'n')));
    table->setColumnWidth(int(Column::Size), header(Column::Size, u"1,023.9 MB"_s));
    table->setColumnWidth(int(Column::Progress), header(Column::Progress, u"100%100%"_s));
    table->setColumnWidth(int(Column::Speed), header(Column::Speed, u"1,023.9 MB/s"_s));
    table->setColumnWidth(int(Column::TimeLeft),
                          header(Column::TimeLeft, UploadTableModel::timeLeftText(59 * 60)));
    table->setColumnWidth(int(Column::Status),
                          header(Column::Status, UploadTableModel::phaseText(Phase::Creating))
                                  + 16);
    m_empty = new EmptyState(table, [] {
        return tr("Drop video files or folders here, or use Upload Files…, to upload them and get "
                  "confirmed assets.");
    });
    connect(table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &UploadsPage::updateActions);
    connect(table->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &UploadsPage::updateActions);
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_model, signal, this, [this] {
            updateActions();
            updateTotals();
        });
    connect(m_model, &QAbstractItemModel::modelReset, this, &UploadsPage::updateActions);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &UploadsPage::updateActions);

    setUpBandwidthBox(m_ui->uploadBandwidth);
    connect(m_ui->uploadBandwidth, &QSpinBox::valueChanged, this,
            [this](int kbps) { emit bandwidthChanged(qint64(kbps) * 1024); });
}

void UploadsPage::setUpBandwidthBox(QSpinBox *box)
{
    const auto [min, max] = *Settings::range(Settings::Key::UploadBandwidthLimit); // KB/s
    box->setRange(min, max);
    box->setSingleStep(256);
    box->setGroupSeparatorShown(true);
}

QList<QAction *> UploadsPage::rowActions() const
{
    return {m_pauseAction,  m_resumeAction, m_cancelAction,
            m_copyIdAction, m_errorAction,  m_openFolderAction};
}

void UploadsPage::setAddActions(QAction *files, QAction *folder)
{
    bindButton(m_ui->uploadAddFilesButton, files);
    m_ui->uploadAddFilesButton->setIcon(files->icon());
    bindButton(m_ui->uploadAddFolderButton, folder);
    m_ui->uploadAddFolderButton->setIcon(folder->icon());
}

void UploadsPage::setBandwidthLimit(qint64 bytesPerSecond)
{
    const QSignalBlocker block(m_ui->uploadBandwidth);
    m_ui->uploadBandwidth->setValue(int(bytesPerSecond / 1024));
}

void UploadsPage::setRunner(UploadRunner *runner)
{
    if (m_runner)
        disconnect(m_runner, nullptr, this, nullptr);
    m_runner = runner;
    if (runner) {
        connect(runner, &UploadRunner::uploadChanged, m_model, &UploadTableModel::setStatus);
        connect(runner, &UploadRunner::totalsChanged, this, &UploadsPage::updateTotals);
        for (const UploadStatus &s : runner->uploads())
            m_model->setStatus(s);
    }
    updateActions();
    updateTotals();
}

void UploadsPage::setInterrupted(const QList<UploadRecord> &uploads)
{
    m_model->setInterrupted(uploads);
    updateActions();
    updateTotals();
}

void UploadsPage::fitColumns()
{
    // Room beyond what every column needs goes to the file name and the title (the asset ID,
    // the last column, keeps what it needs: it is never longer than 32 characters).
    QTableView *table = m_ui->uploadTable;
    QHeaderView *header = table->horizontalHeader();
    const QFontMetrics fm = table->fontMetrics();
    const int fileMin = fm.horizontalAdvance(QString(14, u'n')) + 32;
    const int titleMin = fm.horizontalAdvance(QString(12, u'n')) + 32;
    const int idWidth = fm.horizontalAdvance(QString(32, u'0')) + 24;
    int others = idWidth;
    for (Column c :
         {Column::Size, Column::Progress, Column::Speed, Column::TimeLeft, Column::Status})
        others += header->sectionSize(int(c));
    const int room = std::max(0, table->viewport()->width() - others - fileMin - titleMin);
    header->resizeSection(int(Column::FileName), fileMin + room * 55 / 100);
    header->resizeSection(int(Column::Title), titleMin + room * 45 / 100);
}

bool UploadsPage::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_ui->uploadTable->viewport() && event->type() == QEvent::Resize)
        fitColumns();
    // The view claims Ctrl+C (ShortcutOverride) to copy the current cell's text; refused here,
    // the key reaches the shortcut of Copy Asset ID.
    if (watched == m_ui->uploadTable && event->type() == QEvent::ShortcutOverride
        && static_cast<QKeyEvent *>(event)->matches(QKeySequence::Copy)) {
        event->ignore();
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

// --- actions ------------------------------------------------------------------------------

QList<int> UploadsPage::selectedRows() const
{
    QModelIndexList indexes = m_ui->uploadTable->selectionModel()->selectedRows();
    std::sort(indexes.begin(), indexes.end());
    QList<int> rows;
    rows.reserve(indexes.size());
    for (const QModelIndex &i : std::as_const(indexes))
        rows.append(i.row());
    return rows;
}

void UploadsPage::act(const QList<int> &rows, int what)
{
    const Act a = Act(what);
    QStringList interrupted;
    for (int row : rows) {
        const UploadTableModel::Row &r = m_model->row(row);
        const Phase phase = r.status.phase;
        const QString &id = r.status.uploadId;
        if (isFinishedUploadPhase(phase))
            continue;
        if (r.interrupted) {
            if (a != Act::Pause)
                interrupted.append(id);
            continue;
        }
        if (!m_runner)
            continue;
        if (a == Act::Pause && phase != Phase::Paused)
            m_runner->pause(id);
        else if (a == Act::Resume && phase == Phase::Paused)
            m_runner->unpause(id);
        else if (a == Act::Cancel)
            m_runner->cancel(id);
    }
    if (!interrupted.isEmpty())
        emit resumeRequested(interrupted, a == Act::Cancel);
    updateActions();
}

void UploadsPage::askCancel(const QStringList &uploadIds, bool all)
{
    const int count = int(uploadIds.size());
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Cancel Uploads"),
                                tr("Cancel %Ln upload(s)?", nullptr, count), QMessageBox::NoButton,
                                this);
    box->setObjectName(u"uploadCancelBox"_s);
    box->setInformativeText(
            tr("This cannot be undone: the parts sent so far are discarded and "
               "the assets are marked cancelled in VOD. Pause keeps them instead."));
    QPushButton *yes = box->addButton(tr("Cancel %Ln Upload(s)", nullptr, count),
                                      QMessageBox::DestructiveRole);
    yes->setObjectName(u"uploadCancelYesButton"_s);
    QPushButton *back = box->addButton(tr("Go &Back"), QMessageBox::RejectRole);
    back->setObjectName(u"uploadCancelBackButton"_s);
    // It cannot be undone: the safe answer is the default.
    box->setDefaultButton(back);
    box->setEscapeButton(back);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::WindowModal);
    connect(box, &QMessageBox::buttonClicked, this,
            [this, yes, uploadIds, all](QAbstractButton *clicked) {
                if (clicked != yes)
                    return;
                if (all && m_runner)
                    m_runner->cancelAll();
                QList<int> rows;
                for (const QString &id : uploadIds)
                    if (const int row = m_model->rowOf(id);
                        row >= 0 && (!all || m_model->row(row).interrupted))
                        rows.append(row);
                act(rows, int(Act::Cancel));
            });
    box->open();
}

QStringList UploadsPage::unfinishedIds(const QList<int> &rows) const
{
    QStringList ids;
    for (int row : rows)
        if (!isFinishedUploadPhase(m_model->row(row).status.phase))
            ids.append(m_model->row(row).status.uploadId);
    return ids;
}

void UploadsPage::pauseSelected()
{
    act(selectedRows(), int(Act::Pause));
}

void UploadsPage::resumeSelected()
{
    act(selectedRows(), int(Act::Resume));
}

void UploadsPage::cancelSelected()
{
    if (const QStringList ids = unfinishedIds(selectedRows()); !ids.isEmpty())
        askCancel(ids, false);
}

void UploadsPage::pauseAll()
{
    if (m_runner)
        m_runner->pauseAll();
    updateActions();
}

void UploadsPage::resumeAll()
{
    if (m_runner)
        m_runner->unpauseAll();
    QList<int> interrupted;
    for (int row = 0; row < m_model->rowCount(); ++row)
        if (m_model->row(row).interrupted)
            interrupted.append(row);
    act(interrupted, int(Act::Resume));
}

void UploadsPage::cancelAll()
{
    QList<int> rows(m_model->rowCount());
    std::iota(rows.begin(), rows.end(), 0);
    if (const QStringList ids = unfinishedIds(rows); !ids.isEmpty())
        askCancel(ids, true);
}

void UploadsPage::copyAssetIds()
{
    QStringList ids;
    for (int row : selectedRows())
        if (const QString &id = m_model->row(row).status.assetId; !id.isEmpty())
            ids.append(id);
    if (ids.isEmpty())
        return;
    QGuiApplication::clipboard()->setText(ids.join(u'\n') + u'\n');
    emit statusMessage(tr("Copied %Ln asset ID(s).", nullptr, int(ids.size())), 5000);
}

void UploadsPage::showErrorDetails()
{
    const QModelIndex current = m_ui->uploadTable->currentIndex();
    if (!current.isValid())
        return;
    const UploadStatus &s = m_model->row(current.row()).status;
    if (s.error.isEmpty() && s.last.ok())
        return;
    const QLocale locale;
    QStringList lines;
    lines << tr("File: %1").arg(QDir::toNativeSeparators(s.filePath));
    if (!s.assetId.isEmpty())
        lines << tr("Asset ID: %1").arg(s.assetId);
    if (!s.last.ok() || s.last.httpStatus > 0) {
        lines << tr("HTTP status: %1")
                         .arg(s.last.httpStatus > 0 ? QString::number(s.last.httpStatus)
                                                    : tr("no answer"));
        if (!s.last.errorCode.isEmpty())
            lines << tr("Error code: %1").arg(s.last.errorCode);
        if (!s.last.errorMessage.isEmpty())
            lines << tr("Message: %1").arg(s.last.errorMessage);
        if (!s.last.requestId.isEmpty())
            lines << tr("Request ID: %1").arg(s.last.requestId);
    }
    if (s.retries > 0)
        lines << tr("Requests sent again: %L1").arg(s.retries);
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Upload Error Details"),
                                s.error.isEmpty() ? s.last.summary() : s.error, QMessageBox::Close,
                                this);
    box->setObjectName(u"uploadErrorBox"_s);
    box->setTextFormat(Qt::PlainText); // the server's words, never markup
    box->setInformativeText(lines.join(u'\n'));
    box->setTextInteractionFlags(Qt::TextSelectableByMouse);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::WindowModal);
    box->open();
}

void UploadsPage::openContainingFolder() const
{
    const QModelIndex current = m_ui->uploadTable->currentIndex();
    if (!current.isValid())
        return;
    const QFileInfo info(m_model->row(current.row()).status.filePath);
    QDesktopServices::openUrl(QUrl::fromLocalFile(info.absolutePath()));
}

void UploadsPage::clearFinished()
{
    m_model->removeFinished();
}

// --- state --------------------------------------------------------------------------------

void UploadsPage::updateActions()
{
    bool pause = false, resume = false, cancel = false, copy = false;
    for (int row : selectedRows()) {
        const UploadTableModel::Row &r = m_model->row(row);
        const Phase phase = r.status.phase;
        pause = pause || (!r.interrupted && m_runner && isActive(phase));
        resume = resume || phase == Phase::Paused;
        cancel = cancel || ((r.interrupted || m_runner) && !isFinishedUploadPhase(phase));
        copy = copy || !r.status.assetId.isEmpty();
    }
    m_pauseAction->setEnabled(pause);
    m_resumeAction->setEnabled(resume);
    m_cancelAction->setEnabled(cancel);
    m_copyIdAction->setEnabled(copy);
    const QModelIndex current = m_ui->uploadTable->currentIndex();
    const UploadStatus *s = current.isValid() ? &m_model->row(current.row()).status : nullptr;
    m_errorAction->setEnabled(s && (!s->error.isEmpty() || !s->last.ok()));
    m_openFolderAction->setEnabled(s != nullptr);

    bool anyActive = false, anyPaused = false, anyUnfinished = false;
    for (int row = 0, n = m_model->rowCount(); row < n; ++row) {
        const UploadTableModel::Row &r = m_model->row(row);
        anyActive = anyActive || (!r.interrupted && isActive(r.status.phase));
        anyPaused = anyPaused || r.status.phase == Phase::Paused;
        anyUnfinished = anyUnfinished || !isFinishedUploadPhase(r.status.phase);
    }
    m_pauseAllAction->setEnabled(m_runner && anyActive);
    m_resumeAllAction->setEnabled(anyPaused);
    m_cancelAllAction->setEnabled(anyUnfinished);
    m_clearAction->setEnabled(m_model->finishedCount() > 0);
}

QString UploadsPage::totalsText() const
{
    return m_ui->uploadTotals->text();
}

void UploadsPage::updateTotals()
{
    const UploadTotals t = m_runner ? m_runner->totals() : UploadTotals();
    const int interrupted = m_model->interruptedCount();
    const QLocale locale;
    QStringList parts;
    if (t.uploads > 0) {
        const int finished = t.confirmed + t.failed + t.cancelled;
        parts << tr("%1 of %Ln file(s)", nullptr, t.uploads).arg(locale.toString(finished));
        parts << tr("%1 of %2")
                         .arg(UploadTableModel::bytesText(t.bytesDone),
                              UploadTableModel::bytesText(t.bytesTotal));
        if (t.bytesPerSecond > 0)
            parts << UploadTableModel::speedText(t.bytesPerSecond);
        if (t.secondsLeft >= 0 && t.bytesPerSecond > 0)
            parts << tr("%1 left").arg(UploadTableModel::timeLeftText(t.secondsLeft));
        if (t.failed > 0)
            parts << tr("%Ln failed", nullptr, t.failed);
        if (t.cancelled > 0)
            parts << tr("%Ln cancelled", nullptr, t.cancelled);
        if (t.paused > 0)
            parts << tr("%Ln paused", nullptr, t.paused);
    }
    if (interrupted > 0)
        parts << tr("%Ln interrupted upload(s) to resume", nullptr, interrupted);
    const QString text = parts.join(tr(", "));
    m_ui->uploadTotals->setText(text);
    m_ui->uploadTotals->setVisible(!text.isEmpty());
    // The bar fills as the queue ends: a failed or cancelled upload counts as done with.
    qint64 total = 0;
    qint64 done = 0;
    for (int row = 0, n = m_model->rowCount(); row < n; ++row) {
        const UploadStatus &s = m_model->row(row).status;
        if (m_model->row(row).interrupted)
            continue;
        total += s.bytesTotal;
        done += isFinishedUploadPhase(s.phase) ? s.bytesTotal : std::min(s.bytesDone, s.bytesTotal);
    }
    m_ui->uploadTotalBar->setVisible(t.uploads > 0);
    m_ui->uploadTotalBar->setValue(total > 0 ? int(std::clamp<qint64>(done * 1000 / total, 0, 1000))
                                             : 0);
    m_ui->uploadTotalBar->setAccessibleDescription(text);
    updateActions();
}

} // namespace VodConfirm
