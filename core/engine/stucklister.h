#pragma once

#include "api/apiresult.h"
#include "api/vodclient.h"
#include "engine/pacer.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QMap>
#include <QObject>
#include <QTimer>

namespace VodConfirm {

// An asset whose upload was never confirmed: ListAssetList shows it in CREATING.
struct StuckAsset
{
    QString assetId;
    QDateTime createdAt; // UTC
    QString title; // as listed (VodClient::ListedAsset::title)
};

struct StuckListSummary
{
    qint64 listed = 0; // assets passed on by assetsListed(), each once
    int requests = 0; // ListAssetList requests sent (retries included)
    int windows = 0; // time windows listed (the range is split where the API's cap requires)
    int throttled = 0; // 429 answers
    int retries = 0; // requests sent again after a failure
    int restarts = 0; // windows read again because the listing changed while being read
    bool complete = false; // every CREATING asset of the range was listed
    bool cancelled = false;
    // When not complete: every asset created after this was listed (invalid: none was), so a
    // later run can list from `from` to here. Translated reason in `error` (empty on cancel).
    QDateTime listedUntil;
    QString error;
    ApiResult lastError; // the answer that ended the listing
    qint64 elapsedMs = 0;
};

// Lists every asset in CREATING created in a time range, completely, each once, newest first,
// with ListAssetList (GET /v1.0/{project_id}/asset/list), paced in the listing's own quota group.
//
// The API returns at most 20,000 assets of one query ((page+1)*size <= 20,000, `total` capped
// there), so the range is split into time windows: a window is read page by page (100 a page)
// from its newest asset; when its `total` says 20,000 (maybe more), all 200 pages are read and
// the next window ends at the creation second T of the oldest asset read, plus one second (so a
// server that excludes end_time loses nothing either), the assets already read at T and T+1 being
// skipped. Every request but the few repeated rows at a window's edge brings 100 new assets: a
// listing of N assets takes ceil(N/100) requests plus about one per 20,000. A window whose
// `total` or page length changes while it is read (an asset confirmed meanwhile) is read again
// from its first page; the assets already passed on are not passed on twice.
//
// Once a window's first page has told its `total`, up to Options::pagesInFlight pages of it are
// asked for at once (each request still paced), so a server that takes 200 ms to answer does not
// hold the listing to five requests a second; answers are taken in page order, whatever order
// they arrive in, so delivery stays newest first and every rule above applies unchanged. When a
// window is read again or the next one begins, answers still on their way for the old read are
// dropped (they still count as in flight until they arrive).
//
// Replies are checked before anything is passed on (VodClient::listAssetList(), plus the window's
// bounds and the order here): a page that fails is asked for again (backoff, Retry-After; no new
// page is asked for meanwhile), and after Options::maxAttempts failures of one page the listing
// ends with a clear error, keeping what was listed.
// Memory: at most pagesInFlight pages in flight or waiting for an earlier one, and the ids of the
// current window (at most 20,000).
class StuckLister final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StuckLister)
public:
    struct Options
    {
        // The query group's limit is 1500/minute per account (vod-api.md 5.3), counted apart
        // from confirms.
        int ratePerMinute = 1400;
        int maxAttempts = 5;
        int baseBackoffMs = 500;
        int maxBackoffMs = 30000;
        int pageSize = VodClient::MaxListPageSize;
        // Pages of the current window asked for before the earliest of them is answered (1 to
        // MaxPagesInFlight); 1 reads one page after the other. 6, the connections Qt opens to
        // one host: 1,400 a minute need 5 at 200 ms an answer (4 reached 1,131 a minute).
        int pagesInFlight = 6;
    };
    static constexpr int MaxPagesInFlight = 16;

    explicit StuckLister(VodClient *client, QObject *parent = nullptr);
    ~StuckLister() override;

    void setOptions(const Options &options);
    const Options &options() const { return m_options; }

    // Lists assets created in [from, to] (whole seconds, UTC). One listing at a time.
    void start(const QDateTime &from, const QDateTime &to);
    bool isRunning() const { return m_running; }
    double currentRatePerMinute() const { return m_pacer.rate(); }
    const StuckListSummary &summary() const { return m_summary; }

public slots:
    // Stops at once: requests still on their way are aborted (their connections are free for the
    // next listing at once). finished() follows.
    void cancel();

signals:
    // New assets, newest first, one page at a time (at most Options::pageSize).
    void assetsListed(const QList<VodConfirm::StuckAsset> &assets);
    // Nothing will be sent for `ms` milliseconds (more than 5 s); `reason` is translated.
    void waiting(qint64 ms, const QString &reason);
    void finished(const VodConfirm::StuckListSummary &summary);

private:
    struct Page
    {
        ApiResult result;
        int total = 0;
        QList<VodClient::ListedAsset> rows;
    };
    void pump();
    // The next page to ask for: a failed one first, else the next new one; -1 for none now.
    int nextPageToAsk() const;
    void send(int page);
    void onPage(int generation, int read, int page, const Page &answer);
    // Takes the answers that arrived, in page order, from m_processPage on.
    void processAnswers();
    // A page failed (its answer, or its check): ask again later, or end the listing.
    void pageFailed(int page, const ApiResult &result);
    // Whether this page fits the window: within its bounds, newest first, as long as its total
    // says. Empty if so, else the translated reason.
    QString pageProblem(const QList<VodClient::ListedAsset> &rows) const;
    void retryLater(int attempt, const ApiResult &result);
    void restartWindow();
    // The window was read to its end: finish, or go on with the next, older window.
    void nextWindow(const ApiResult &last);
    void fail(const ApiResult &result, const QString &reason);
    void finish();
    double nowMs() const;

    VodClient *m_client;
    Options m_options;
    Pacer m_pacer; // the listing's quota group
    bool m_running = false;
    int m_inFlight = 0; // requests sent and not answered yet (of any read of this listing)
    int m_generation = 0; // answers of an earlier listing (or after cancel) are ignored
    int m_read = 0; // answers of an earlier read of a window are dropped
    qint64 m_from = 0; // the range's start, seconds since the epoch
    // The current window [m_from, m_windowEnd]: the next new page to ask for, the next page to
    // take (pass on), the answers that came before an earlier page's, the pages to ask again.
    qint64 m_windowEnd = 0;
    int m_nextPage = 0;
    int m_processPage = 0;
    QMap<int, Page> m_arrived;
    QList<int> m_again; // sorted
    QHash<int, int> m_attempts; // failures per page so far
    double m_holdUntilMs = 0; // after a failure, nothing is sent before (backoff)
    int m_windowTotal = -1; // `total` of the window's first page; -1 before it
    qint64 m_pageAfter = 0; // the previous page's oldest creation second (order check)
    QHash<QString, qint64> m_windowSeen; // ids read in this window -> creation second
    QHash<QString, qint64> m_carried; // ids read at the previous window's edge
    QElapsedTimer m_clock;
    QTimer m_timer;
    // The context of this listing's requests: deleted when it ends, which aborts those still in
    // flight (VodClient aborts a read whose context is gone).
    QObject *m_requests = nullptr;
    StuckListSummary m_summary;
};

} // namespace VodConfirm
