#pragma once

#include "api/targetstatus.h"
#include "ids/assetidparser.h"

#include <QFutureWatcher>
#include <QSet>
#include <QWidget>

#include <functional>
#include <memory>

class QTimer;

namespace VodConfirm {

namespace Ui {
class PastePanel;
}

// Where asset IDs come in: a text area that accepts any text, plus text handed over from the
// clipboard, dropped or imported files. The text is parsed off the GUI thread (AssetIdParser);
// before anything is queued the panel shows how many IDs were found, how many were duplicates
// (within the text and against the table) and which tokens were malformed and why. "Add to queue"
// then emits addRequested() with the new IDs and the target status chosen for this batch.
class PastePanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PastePanel)
public:
    // Text larger than this is not put into the text area (laying out megabytes of text would
    // freeze the window); it is parsed directly and summarised.
    static constexpr qsizetype MaxEditableChars = 256 * 1024;
    // IDs handed over per addRequested() signal (see addToQueue()).
    static constexpr qsizetype HandOverSlice = 25000;

    explicit PastePanel(QWidget *parent = nullptr);
    ~PastePanel() override;

    // Called on the GUI thread when a parse starts: whether an ID is already in the table (asked
    // from the parsing thread, once per distinct ID).
    void setKnownIdsProvider(std::function<AssetIdParser::KnownPredicate()> provider);

    // Parses text from elsewhere (clipboard, drop); source names it in the summary.
    void parseText(const QString &text, const QString &source);
    // Reads and parses files (.txt, .csv, .json, .log or anything textual) off the GUI thread.
    void parseFiles(const QStringList &paths);

    bool isParsing() const { return m_parsing; }
    bool hasResult() const { return m_hasResult; }
    const ParsedIds &result() const { return m_result; }
    QString summaryText() const;

    TargetStatus targetStatus() const;
    void setTargetStatus(TargetStatus status);

public slots:
    // Clears the panel and emits addRequested() with the parsed IDs: at once for up to
    // HandOverSlice IDs, else in slices of that size, one per event-loop turn.
    void addToQueue();
    void clear();

signals:
    void addStarted(qsizetype total); // before the first addRequested() of a hand-over
    void addRequested(const QStringList &assetIds, VodConfirm::TargetStatus status);
    void parsingChanged(bool parsing);
    void resultReady();

private:
    void handOver(const std::shared_ptr<const ParsedIds> &parsed, qsizetype from,
                  TargetStatus status);

    struct Outcome
    {
        ParsedIds ids;
        QString error; // files that could not be read
        qint64 bytes = 0;
    };
    void parseEditText();
    void start(std::function<Outcome()> job, const QString &source);
    void onFinished();
    void showResult();

    std::unique_ptr<Ui::PastePanel> m_ui;
    QTimer *m_debounce = nullptr;

    std::function<AssetIdParser::KnownPredicate()> m_knownIds;
    QFutureWatcher<Outcome> m_watcher;
    quint64 m_generation = 0; // results of older parses are dropped
    quint64 m_watchedGeneration = 0;
    std::function<Outcome()> m_queuedJob; // a parse asked for while another one runs
    QString m_queuedSource;
    bool m_parsing = false;
    bool m_hasResult = false;
    ParsedIds m_result;
    QString m_source;
    QString m_error;
};

} // namespace VodConfirm
