#pragma once

#include "storage/historystore.h"

#include <QAbstractTableModel>
#include <QList>

namespace VodConfirm {

// The confirmation history as a lazily fetched table: the model asks the store for one page of
// rows at a time (canFetchMore/fetchMore), so a database of millions of rows opens at once. The
// total that matches the filter comes from HistoryStore::count() and is shown by the view.
// Rows are in the store's order (newest first); pages after the first are fetched by keyset
// (HistoryStore::findAfter), so scrolling deep into the table stays fast.
class HistoryTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryTableModel)
public:
    enum class Column {
        Time,
        AssetId,
        TargetStatus,
        Outcome,
        HttpStatus,
        ErrorCode,
        ErrorMessage,
        Attempt,
        Duration,
        Profile,
        Region,
        RequestId,
        BatchId,
        FollowedState, // where following the asset after its confirm ended
        Count
    };

    enum Role {
        SortRole = Qt::UserRole + 1, // raw value of the column
    };

    static constexpr int DefaultPageSize = 500;

    explicit HistoryTableModel(HistoryStore *store, QObject *parent = nullptr);
    ~HistoryTableModel() override;

    static QString columnTitle(Column column);
    static QString outcomeText(Outcome outcome); // translated "Confirmed", "Failed" ...
    // What a screen reader says for the row, in one sentence: the asset, the attempt and its
    // time, the outcome in words and, for an error, its code, HTTP status and message.
    static QString accessibleDescription(const HistoryRecord &record);

    void setPageSize(int rows);
    int pageSize() const { return m_pageSize; }

    // Replaces the filter and reloads: one count() and the first page.
    void setFilter(const HistoryStore::Filter &filter);
    const HistoryStore::Filter &filter() const { return m_filter; }
    // Reloads with the same filter (after new records or a retention purge).
    void reload();

    // Rows matching the filter in the whole store, and rows loaded so far.
    qint64 totalCount() const { return m_total; }
    int loadedCount() const { return int(m_rows.size()); }
    const HistoryRecord &record(int row) const { return m_rows.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

signals:
    // A read failed; the message is translated.
    void loadFailed(const QString &message);
    // After setFilter()/reload()/fetchMore(): the totals the view's label shows.
    void countsChanged(qint64 total, int loaded);

private:
    HistoryStore *m_store;
    HistoryStore::Filter m_filter;
    QList<HistoryRecord> m_rows;
    qint64 m_total = 0;
    int m_pageSize = DefaultPageSize;
    bool m_fetching = false; // inside fetchMore(): no nested fetch
    bool m_exhausted = true; // the last page came back short: nothing more to fetch
};

} // namespace VodConfirm
