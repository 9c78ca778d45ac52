#pragma once

#include "api/apiresult.h"
#include "api/vodclient.h"
#include "engine/pacer.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QList>
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
// Replies are checked before anything is passed on (VodClient::listAssetList(), plus the window's
// bounds and the order here): a page that fails is asked for again (backoff, Retry-After), and
// after Options::maxAttempts the listing ends with a clear error, keeping what was listed.
// Memory: one page in flight and the ids of the current window (at most 20,000).
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
    };

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
    // Stops at once; an answer still on its way is ignored. finished() follows.
    void cancel();

signals:
    // New assets, newest first, one page at a time (at most Options::pageSize).
    void assetsListed(const QList<VodConfirm::StuckAsset> &assets);
    // Nothing will be sent for `ms` milliseconds (more than 5 s); `reason` is translated.
    void waiting(qint64 ms, const QString &reason);
    void finished(const VodConfirm::StuckListSummary &summary);

private:
    void pump();
    void onPage(int generation, const ApiResult &result, int total,
                const QList<VodClient::ListedAsset> &rows);
    // Whether this page fits the window: within its bounds, newest first, as long as its total
    // says. Empty if so, else the translated reason.
    QString pageProblem(const QList<VodClient::ListedAsset> &rows) const;
    void retryLater(const ApiResult &result);
    void restartWindow();
    void fail(const ApiResult &result, const QString &reason);
    void finish();
    double nowMs() const;

    VodClient *m_client;
    Options m_options;
    Pacer m_pacer; // the listing's quota group
    bool m_running = false;
    bool m_inFlight = false;
    int m_generation = 0; // answers of an earlier listing (or after cancel) are ignored
    qint64 m_from = 0; // the range's start, seconds since the epoch
    // The current window [m_from, m_windowEnd] and where in it the next request reads.
    qint64 m_windowEnd = 0;
    int m_page = 0;
    int m_windowTotal = -1; // `total` of the window's first page; -1 before it
    qint64 m_pageAfter = 0; // the previous page's oldest creation second (order check)
    int m_attempt = 0; // failures of the current request so far
    QHash<QString, qint64> m_windowSeen; // ids read in this window -> creation second
    QHash<QString, qint64> m_carried; // ids read at the previous window's edge
    QElapsedTimer m_clock;
    QTimer m_timer;
    StuckListSummary m_summary;
};

} // namespace VodConfirm
