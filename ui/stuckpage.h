#pragma once

#include "api/targetstatus.h"
#include "engine/stucklister.h"

#include <QDateTime>
#include <QPointer>
#include <QTimer>
#include <QWidget>

#include <memory>
#include <optional>

class QAction;

namespace VodConfirm {

namespace Ui {
class StuckPage;
}

class EmptyState;
class StuckFilterProxy;
class StuckTableModel;
class VodClient;

// The "Stuck uploads" tab: every asset of the active profile's project still in CREATING (an
// upload nobody confirmed), listed with StuckLister over a time range, with its title, creation
// time and age; filtered by age and text; settled in bulk (confirm, mark failed, cancel) as an
// ordinary batch that the main window runs on the Assets page.
//
// Refresh asks the main window for a client (listRequested()); the main window resolves the
// profile's credentials and calls startListing(). The page never starts a batch itself: it hands
// the assets over with batchRequested().
class StuckPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StuckPage)
public:
    // The range a Refresh lists when the user does not change it: the last this many days.
    static constexpr int DefaultRangeDays = 90;

    explicit StuckPage(QWidget *parent = nullptr);
    ~StuckPage() override;

    StuckTableModel *model() const { return m_model; }
    StuckFilterProxy *proxy() const { return m_proxy; }
    bool isListing() const;
    // The one-line state of the listing shown above the table.
    QString statusText() const;

    // The range a Refresh lists, in local dates, from the start of `from` to the end of `to`.
    void setRange(QDate from, QDate to);
    QDateTime rangeStart() const; // UTC
    QDateTime rangeEnd() const; // UTC; now when `to` is today

    // Lists [from, to] with `client` (the page takes it over), replacing the rows shown. Options
    // are StuckLister's defaults unless given.
    void startListing(VodClient *client, const QDateTime &from, const QDateTime &to,
                      const std::optional<StuckLister::Options> &options = {});
    // Stops a listing and clears the rows: the page is as never listed (another profile).
    void forgetListing();
    // While a batch runs, no other can be handed over.
    void setBatchRunning(bool running);

public slots:
    void refresh(); // listRequested() for the range shown, unless a listing runs
    void stopListing();
    // Asks, then hands the selected rows (or, with none selected, every row shown) that were not
    // sent yet to a batch with `status`.
    void sendToBatch(VodConfirm::TargetStatus status);

signals:
    void listRequested(const QDateTime &from, const QDateTime &to);
    // The user confirmed a bulk action: run these assets as a batch with this target status.
    void batchRequested(const QStringList &assetIds, VodConfirm::TargetStatus status);
    // For the status bar; an empty text clears it.
    void statusMessage(const QString &text, int timeoutMs);
    void listingFinished(const VodConfirm::StuckListSummary &summary);

private:
    void buildUi();
    void applyAgeFilter();
    QStringList idsToSend(bool *selection) const;
    void dropListing(); // the current listing's client and lister, if any
    void onListed(const QList<StuckAsset> &assets);
    void onFinished(const StuckListSummary &summary);
    void updateStatus();
    void updateActions();
    void updateCount();
    QString emptyText() const;
    QString rangeText(const QDateTime &from, const QDateTime &to) const;

    std::unique_ptr<Ui::StuckPage> m_ui;
    StuckTableModel *m_model;
    StuckFilterProxy *m_proxy;
    EmptyState *m_empty = nullptr;
    QAction *m_refreshAction = nullptr;
    QAction *m_stopAction = nullptr;
    QAction *m_confirmAction = nullptr;
    QAction *m_failAction = nullptr;
    QAction *m_cancelAction = nullptr;
    QTimer m_searchTimer; // the search applies after a pause in typing
    QTimer m_clock; // ages and "listed ... ago" follow the time

    QPointer<VodClient> m_client; // owns the lister
    QPointer<StuckLister> m_lister;
    QDateTime m_listFrom, m_listTo; // the range of the current or last listing
    qint64 m_listed = 0;
    qint64 m_waitingUntilMs = 0; // the lister said it waits until then (ms since the epoch)
    QString m_waitingReason;
    std::optional<StuckListSummary> m_summary; // the last listing that ended
    QDateTime m_finishedAt;
    bool m_batchRunning = false;
};

} // namespace VodConfirm
