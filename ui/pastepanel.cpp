#include "pastepanel.h"
#include "ui_pastepanel.h"

#include "pasteedit.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QTimer>
#include <QTreeWidget>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;

namespace VodConfirm {

PastePanel::PastePanel(QWidget *parent) : QWidget(parent), m_ui(std::make_unique<Ui::PastePanel>())
{
    m_ui->setupUi(this);
    m_ui->pasteEdit->setMaximumHeight(m_ui->pasteEdit->fontMetrics().lineSpacing() * 4 + 12);
    m_ui->pasteEdit->onLargePaste
            = [this](const QString &text) { parseText(text, tr("pasted text")); };
    m_ui->malformedList->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_ui->targetStatusCombo->addItem(tr("CREATED (upload finished)"), int(TargetStatus::Created));
    m_ui->targetStatusCombo->addItem(tr("FAILED (upload failed)"), int(TargetStatus::Failed));
    m_ui->targetStatusCombo->addItem(tr("CANCELLED (upload cancelled)"),
                                     int(TargetStatus::Cancelled));
    connect(m_ui->addIdsButton, &QPushButton::clicked, this, &PastePanel::addToQueue);
    connect(m_ui->clearPasteButton, &QPushButton::clicked, this, &PastePanel::clear);

    m_debounce = new QTimer(this);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(250);
    connect(m_debounce, &QTimer::timeout, this, &PastePanel::parseEditText);
    connect(m_ui->pasteEdit, &QPlainTextEdit::textChanged, this, [this] {
        m_source.clear();
        m_ui->pasteSourceLabel->setVisible(false);
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
    return TargetStatus(m_ui->targetStatusCombo->currentData().toInt());
}

void PastePanel::setTargetStatus(TargetStatus status)
{
    m_ui->targetStatusCombo->setCurrentIndex(m_ui->targetStatusCombo->findData(int(status)));
}

void PastePanel::parseEditText()
{
    const QString text = m_ui->pasteEdit->toPlainText();
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
        const QSignalBlocker block(m_ui->pasteEdit);
        m_ui->pasteEdit->clear();
    }
    m_debounce->stop();
    const QString label = tr("%1 (%2)").arg(source, QLocale().formattedDataSize(text.size()));
    if (text.size() <= MaxEditableChars) {
        // Small enough to show and edit: the text area holds it.
        {
            const QSignalBlocker block(m_ui->pasteEdit);
            m_ui->pasteEdit->setPlainText(text);
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
        const QSignalBlocker block(m_ui->pasteEdit);
        m_ui->pasteEdit->clear();
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
    m_ui->parseProgress->setVisible(true);
    m_ui->addIdsButton->setEnabled(false);
    m_ui->pasteSummaryLabel->setText(tr("Parsing…"));
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
    m_ui->parseProgress->setVisible(false);
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
    return m_ui->pasteSummaryLabel->text();
}

void PastePanel::showResult()
{
    m_ui->pasteSourceLabel->setVisible(!m_source.isEmpty());
    m_ui->pasteSourceLabel->setText(tr("From %1").arg(m_source));
    m_ui->malformedList->clear();
    if (!m_hasResult) {
        m_ui->pasteSummaryLabel->setText(m_parsing ? tr("Parsing…") : QString());
        m_ui->pasteSummaryLabel->setVisible(m_parsing);
        m_ui->malformedList->setVisible(false);
        m_ui->addIdsButton->setEnabled(false);
        m_ui->addIdsButton->setText(tr("Add to &Queue"));
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
    m_ui->pasteSummaryLabel->setText(text);
    m_ui->pasteSummaryLabel->setVisible(true);

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
    m_ui->malformedList->addTopLevelItems(items);
    m_ui->malformedList->setVisible(!items.isEmpty());

    m_ui->addIdsButton->setEnabled(r.count() > 0 && !m_parsing);
    m_ui->addIdsButton->setText(r.count() > 0
                                        ? tr("Add to &Queue (%1)").arg(locale.toString(r.count()))
                                        : tr("Add to &Queue"));
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
        const QSignalBlocker block(m_ui->pasteEdit);
        m_ui->pasteEdit->clear();
    }
    m_source.clear();
    m_error.clear();
    m_hasResult = false;
    m_result = ParsedIds();
    showResult();
}

} // namespace VodConfirm
