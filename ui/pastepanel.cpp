#include "pastepanel.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;

namespace VodConfirm {

// A text area that hands very large pastes to the panel instead of laying them out.
class PasteEdit final : public QPlainTextEdit
{
public:
    using QPlainTextEdit::QPlainTextEdit;
    std::function<void(const QString &)> onLargePaste;

protected:
    void insertFromMimeData(const QMimeData *source) override
    {
        if (source->hasText() && onLargePaste) {
            const QString text = source->text();
            if (text.size() > PastePanel::MaxEditableChars) {
                onLargePaste(text);
                return;
            }
        }
        QPlainTextEdit::insertFromMimeData(source);
    }
};

PastePanel::PastePanel(QWidget *parent) : QWidget(parent)
{
    setObjectName(u"pastePanel"_s);

    m_edit = new PasteEdit(this);
    m_edit->setObjectName(u"pasteEdit"_s);
    m_edit->setAccessibleName(tr("Asset IDs to add"));
    m_edit->setPlaceholderText(
            tr("Paste or type asset IDs here: any text works (lists, CSV, JSON, logs). You can "
               "also drop files on the window or press Ctrl+V on the table."));
    m_edit->setTabChangesFocus(true);
    m_edit->setMaximumHeight(m_edit->fontMetrics().lineSpacing() * 4 + 12);
    m_edit->onLargePaste = [this](const QString &text) { parseText(text, tr("pasted text")); };

    m_sourceLabel = new QLabel(this);
    m_sourceLabel->setObjectName(u"pasteSourceLabel"_s);
    m_sourceLabel->setVisible(false);

    m_progress = new QProgressBar(this);
    m_progress->setObjectName(u"parseProgress"_s);
    m_progress->setAccessibleName(tr("Parsing progress"));
    m_progress->setRange(0, 0); // busy indicator
    m_progress->setFormat(tr("Parsing…"));
    m_progress->setTextVisible(true);
    m_progress->setMaximumWidth(200);
    m_progress->setVisible(false);

    m_summary = new QLabel(this);
    m_summary->setObjectName(u"pasteSummaryLabel"_s);
    m_summary->setAccessibleName(tr("What was found in the text"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_malformed = new QTreeWidget(this);
    m_malformed->setObjectName(u"malformedList"_s);
    m_malformed->setAccessibleName(tr("Malformed tokens"));
    m_malformed->setHeaderLabels({tr("Line"), tr("Token"), tr("Reason")});
    m_malformed->setRootIsDecorated(false);
    m_malformed->setUniformRowHeights(true);
    m_malformed->setMaximumHeight(110);
    m_malformed->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_malformed->setVisible(false);

    m_targetStatus = new QComboBox(this);
    m_targetStatus->setObjectName(u"targetStatusCombo"_s);
    m_targetStatus->setAccessibleName(tr("Target status for these assets"));
    m_targetStatus->addItem(tr("CREATED (upload finished)"), int(TargetStatus::Created));
    m_targetStatus->addItem(tr("FAILED (upload failed)"), int(TargetStatus::Failed));
    m_targetStatus->addItem(tr("CANCELLED (upload cancelled)"), int(TargetStatus::Cancelled));
    m_targetStatus->setToolTip(tr("The status each asset of this batch is set to"));
    auto *statusLabel = new QLabel(tr("&Target status:"), this);
    statusLabel->setBuddy(m_targetStatus);

    m_addButton = new QPushButton(tr("&Add to Queue"), this);
    m_addButton->setObjectName(u"addIdsButton"_s);
    m_addButton->setAccessibleName(tr("Add the found IDs to the queue"));
    m_addButton->setEnabled(false);
    connect(m_addButton, &QPushButton::clicked, this, &PastePanel::addToQueue);

    m_clearButton = new QPushButton(tr("C&lear"), this);
    m_clearButton->setObjectName(u"clearPasteButton"_s);
    m_clearButton->setAccessibleName(tr("Clear the pasted text"));
    connect(m_clearButton, &QPushButton::clicked, this, &PastePanel::clear);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(statusLabel);
    buttons->addWidget(m_targetStatus);
    buttons->addStretch(1);
    buttons->addWidget(m_progress);
    buttons->addWidget(m_clearButton);
    buttons->addWidget(m_addButton);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_edit);
    layout->addWidget(m_sourceLabel);
    layout->addWidget(m_summary);
    layout->addWidget(m_malformed);
    layout->addLayout(buttons);

    m_debounce = new QTimer(this);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(250);
    connect(m_debounce, &QTimer::timeout, this, &PastePanel::parseEditText);
    connect(m_edit, &QPlainTextEdit::textChanged, this, [this] {
        m_source.clear();
        m_sourceLabel->setVisible(false);
        m_debounce->start();
    });
    connect(&m_watcher, &QFutureWatcher<Outcome>::finished, this, &PastePanel::onFinished);
    showResult();
}

PastePanel::~PastePanel()
{
    m_watcher.waitForFinished(); // the job holds no pointer into the panel, but finish cleanly
}

void PastePanel::setKnownIdsProvider(std::function<AssetIdParser::KnownPredicate()> provider)
{
    m_knownIds = std::move(provider);
}

TargetStatus PastePanel::targetStatus() const
{
    return TargetStatus(m_targetStatus->currentData().toInt());
}

void PastePanel::setTargetStatus(TargetStatus status)
{
    m_targetStatus->setCurrentIndex(m_targetStatus->findData(int(status)));
}

void PastePanel::parseEditText()
{
    const QString text = m_edit->toPlainText();
    if (text.trimmed().isEmpty()) {
        ++m_generation;
        m_queuedJob = nullptr;
        m_hasResult = false;
        m_result = ParsedIds();
        showResult();
        return;
    }
    start(
            [text, known = m_knownIds ? m_knownIds() : AssetIdParser::KnownPredicate()] {
                return Outcome {AssetIdParser::parse(text, known), {}, text.size()};
            },
            {});
}

void PastePanel::parseText(const QString &text, const QString &source)
{
    {
        const QSignalBlocker block(m_edit);
        m_edit->clear();
    }
    m_debounce->stop();
    const QString label = tr("%1 (%2)").arg(source, QLocale().formattedDataSize(text.size()));
    if (text.size() <= MaxEditableChars) {
        // Small enough to show and edit: the text area holds it.
        {
            const QSignalBlocker block(m_edit);
            m_edit->setPlainText(text);
        }
    }
    start(
            [text, known = m_knownIds ? m_knownIds() : AssetIdParser::KnownPredicate()] {
                return Outcome {AssetIdParser::parse(text, known), {}, text.size()};
            },
            text.size() <= MaxEditableChars ? QString() : label);
}

void PastePanel::parseFiles(const QStringList &paths)
{
    if (paths.isEmpty())
        return;
    {
        const QSignalBlocker block(m_edit);
        m_edit->clear();
    }
    m_debounce->stop();
    QStringList names;
    for (const QString &p : paths)
        names << QFileInfo(p).fileName();
    const QString source = QLocale().createSeparatedList(names);
    start(
            [paths, known = m_knownIds ? m_knownIds() : AssetIdParser::KnownPredicate()] {
                // Streamed: memory follows the IDs found, not the files' size; a file that is
                // not text (or a device such as /dev/zero) is refused by name.
                Outcome out;
                AssetIdStream stream(known);
                QStringList unreadable;
                for (const QString &path : paths) {
                    QFile file(path);
                    QString problem = file.open(QIODevice::ReadOnly) ? stream.feedFrom(file)
                                                                     : file.errorString();
                    out.bytes += file.pos();
                    if (!problem.isEmpty())
                        unreadable << QCoreApplication::translate("VodConfirm::PastePanel",
                                                                  "%1 could not be read: %2")
                                              .arg(QFileInfo(path).fileName(), problem);
                }
                out.ids = stream.finish();
                out.error = unreadable.join(u'\n');
                return out;
            },
            source);
}

void PastePanel::start(std::function<Outcome()> job, const QString &source)
{
    ++m_generation;
    if (m_watcher.isRunning()) {
        // Parsing cannot be interrupted: run the newest request when the current one ends.
        m_queuedJob = std::move(job);
        m_queuedSource = source;
        return;
    }
    m_source = source;
    m_watchedGeneration = m_generation;
    m_parsing = true;
    m_progress->setVisible(true);
    m_addButton->setEnabled(false);
    m_summary->setText(tr("Parsing…"));
    emit parsingChanged(true);
    m_watcher.setFuture(QtConcurrent::run(std::move(job)));
}

void PastePanel::onFinished()
{
    if (m_queuedJob) {
        auto job = std::move(m_queuedJob);
        m_queuedJob = nullptr;
        m_parsing = false;
        start(std::move(job), m_queuedSource);
        return;
    }
    m_parsing = false;
    m_progress->setVisible(false);
    if (m_watchedGeneration != m_generation) { // cleared meanwhile
        showResult();
        emit parsingChanged(false);
        return;
    }
    Outcome out = m_watcher.result();
    m_result = std::move(out.ids);
    m_error = out.error;
    m_hasResult = true;
    showResult();
    emit parsingChanged(false);
    emit resultReady();
}

QString PastePanel::summaryText() const
{
    return m_summary->text();
}

void PastePanel::showResult()
{
    m_sourceLabel->setVisible(!m_source.isEmpty());
    m_sourceLabel->setText(tr("From %1").arg(m_source));
    m_malformed->clear();
    if (!m_hasResult) {
        m_summary->setText(m_parsing ? tr("Parsing…") : QString());
        m_summary->setVisible(m_parsing);
        m_malformed->setVisible(false);
        m_addButton->setEnabled(false);
        m_addButton->setText(tr("&Add to Queue"));
        return;
    }
    const ParsedIds &r = m_result;
    QStringList parts;
    const QLocale locale;
    parts << tr("New asset IDs: %1").arg(locale.toString(r.count()));
    parts << tr("Duplicates in the text: %1").arg(locale.toString(r.duplicates));
    parts << tr("Already in the table: %1").arg(locale.toString(r.alreadyKnown));
    parts << tr("Malformed: %1").arg(locale.toString(r.malformedTotal));
    QString text = parts.join(u" · "_s);
    if (r.upperCaseNormalised > 0)
        text += u'\n'
                + tr("IDs in upper case, converted to lower case: %1")
                          .arg(locale.toString(r.upperCaseNormalised));
    if (!m_error.isEmpty())
        text += u'\n' + m_error;
    m_summary->setText(text);
    m_summary->setVisible(true);

    const qsizetype shown = std::min<qsizetype>(r.malformed.size(), 500);
    QList<QTreeWidgetItem *> items;
    items.reserve(shown);
    for (qsizetype i = 0; i < shown; ++i) {
        const auto &m = r.malformed.at(i);
        items << new QTreeWidgetItem({QString::number(m.line), m.token, m.reason});
    }
    if (r.malformedTotal > shown)
        items << new QTreeWidgetItem(
                {QString(), tr("… and %1 more").arg(r.malformedTotal - shown), QString()});
    m_malformed->addTopLevelItems(items);
    m_malformed->setVisible(!items.isEmpty());

    m_addButton->setEnabled(r.count() > 0 && !m_parsing);
    m_addButton->setText(r.count() > 0 ? tr("&Add to Queue (%1)").arg(locale.toString(r.count()))
                                       : tr("&Add to Queue"));
}

void PastePanel::addToQueue()
{
    if (!m_hasResult || m_parsing || m_result.count() == 0)
        return;
    auto parsed = std::make_shared<const ParsedIds>(std::move(m_result));
    const TargetStatus status = targetStatus();
    clear();
    emit addStarted(parsed->count());
    handOver(parsed, 0, status);
}

void PastePanel::handOver(const std::shared_ptr<const ParsedIds> &parsed, qsizetype from,
                          TargetStatus status)
{
    // One slice per event-loop turn: 10 million IDs become strings and table rows without
    // freezing the window.
    const qsizetype to = std::min(parsed->count(), from + HandOverSlice);
    QStringList ids;
    ids.reserve(to - from);
    for (qsizetype i = from; i < to; ++i)
        ids.append(parsed->id(i));
    emit addRequested(ids, status);
    if (to < parsed->count())
        QTimer::singleShot(0, this, [this, parsed, to, status] { handOver(parsed, to, status); });
}

void PastePanel::clear()
{
    ++m_generation;
    m_queuedJob = nullptr;
    m_debounce->stop();
    {
        const QSignalBlocker block(m_edit);
        m_edit->clear();
    }
    m_source.clear();
    m_error.clear();
    m_hasResult = false;
    m_result = ParsedIds();
    showResult();
}

} // namespace VodConfirm
