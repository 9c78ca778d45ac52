#pragma once

#include "engine/confirmtypes.h"
#include "ids/assetidparser.h"

#include <QAbstractTableModel>
#include <QColor>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QPalette>
#include <QTimer>

#include <array>

namespace VodConfirm {

// One row per asset of the session: what the user asked for (target status) and what happened
// (state, last HTTP answer, attempts). Rows are found by asset id in O(1); inserts are batched
// (one beginInsertRows per call); engine updates are buffered and applied together on a timer so
// that a batch of thousands of assets never floods the views with signals.
class AssetTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AssetTableModel)
public:
    enum class Column {
        AssetId,
        TargetStatus,
        State,
        HttpStatus,
        ErrorCode,
        ErrorMessage,
        Attempts,
        RequestId,
        LastUpdate,
        FollowedState, // where following it after the confirm ended (BatchRunner follow)
        Count
    };

    enum Role {
        SortRole = Qt::UserRole + 1, // raw, sortable value of the column
        StateRole, // int(AssetState) of the row, any column
        BucketRole, // int(Bucket) of the row, any column
        AssetIdRole, // the asset id, any column
    };

    // The status groups the filter buttons show.
    enum class Bucket { All, Queued, Running, Confirmed, Failed, NotSent, Count };

    struct Row
    {
        QString assetId;
        TargetStatus status = TargetStatus::Created;
        AssetState state = AssetState::Queued;
        int attempts = 0; // in the batch that last ran it
        int maxAttempts = 0;
        int earlierAttempts = 0; // in the batches before, since the row was added
        int totalAttempts() const { return earlierAttempts + attempts; }
        ApiResult last;
        QString note;
        QDateTime updatedAt;
        QString followedState; // "PUBLISHED" ...; empty when not followed
    };

    explicit AssetTableModel(QObject *parent = nullptr);
    ~AssetTableModel() override;

    static Bucket bucketOf(AssetState state);
    static QString stateText(AssetState state, int attempts = 0, int maxAttempts = 0);
    static QString columnTitle(Column column);
    // What a screen reader says for the row, in one sentence: the asset, its state and, when it
    // failed, the error code, HTTP status and message. The state is in words, never only in
    // the State cell's colour.
    static QString accessibleDescription(const Row &row);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // Appends the ids that are not in the table yet, all with `status`, in one insert.
    // Returns how many rows were added.
    int addAssets(const QStringList &assetIds, TargetStatus status);
    // Makes room for `rows` rows in all before a large add arriving in parts, so the parts do not
    // each grow (and rehash) the table.
    void reserve(qsizetype rows);
    // Removes the given source rows (any order, duplicates allowed). Returns how many went.
    int removeAssetRows(QList<int> rows);
    void clear();

    bool contains(const QString &assetId) const { return m_rowOf.contains(assetId); }
    int rowOf(const QString &assetId) const { return m_rowOf.value(assetId, -1); }
    const Row &row(int row) const { return m_rows.at(row); }
    QStringList assetIds() const;
    // Whether an ID is in the table, answered from a snapshot of the table's index (taking it is
    // O(1), and it may be asked from any thread while the table changes).
    AssetIdParser::KnownPredicate knownIds() const;

    // Following the asset after its confirm ended at `state` (Final state column).
    void setFollowedState(const QString &assetId, const QString &state);
    // Puts rows back to Queued (clearing their last answer) so they can be sent again.
    void requeue(const QList<int> &rows);

    // Engine updates are buffered here and applied by flushUpdates(), which a timer calls every
    // updateInterval() ms while updates are pending. The latest update per asset wins.
    void queueUpdate(const AssetUpdate &update);
    void flushUpdates();
    bool hasPendingUpdates() const { return !m_pending.isEmpty(); }
    void setUpdateInterval(int ms);
    int updateInterval() const { return m_flushTimer.interval(); }

    int count(Bucket bucket) const;
    int count(AssetState state) const { return m_stateCounts.at(int(state)); }
    // Rows worth sending again as they are (isWorthSendingAgain()): what "Send Remaining" sends.
    int remainingCount() const { return m_remaining; }

    // Status colours are derived from this palette so they stay readable in light and dark themes.
    void setPalette(const QPalette &palette);

signals:
    // Bucket counts changed (after inserts, removals or a flush of updates).
    void countsChanged();
    // After a flush in which a batch reached rows (sending them, or settling them): the last
    // of them, which the view follows. Retries waiting do not count.
    void batchReached(int row);

private:
    void rebuildIndex(int fromRow);
    void emitRowsChanged(QList<int> rows);
    QColor stateBackground(AssetState state) const;

    QList<Row> m_rows;
    QHash<QString, int> m_rowOf;
    QHash<QString, AssetUpdate> m_pending;
    // Counts a row in (sign 1) or out of (sign -1) the per-state and remaining counts.
    void account(const Row &row, int sign);

    std::array<int, 8> m_stateCounts {}; // per AssetState
    int m_remaining = 0;
    QTimer m_flushTimer;
    QPalette m_palette;
};

} // namespace VodConfirm
