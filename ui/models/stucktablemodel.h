#pragma once

#include "api/targetstatus.h"
#include "engine/stucklister.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

#include <optional>

namespace VodConfirm {

// The stuck uploads of the last listing (StuckLister): one row per asset still in CREATING, in
// the order listed (newest first). Pages of the listing are appended with one beginInsertRows
// each; a row found twice is kept once. Rows handed to a batch stay, marked with what they were
// sent as, so the page still shows what the listing found and what was done with it.
class StuckTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StuckTableModel)
public:
    enum class Column { AssetId, Title, Created, Age, Sent, Count };

    enum Role {
        SortRole = Qt::UserRole + 1, // raw, sortable value of the column
        CreatedSecsRole, // creation time, seconds since the epoch (UTC), any column
        AssetIdRole, // the asset id, any column
        SentRole, // bool: the row was handed to a batch, any column
    };

    struct Row
    {
        QString assetId;
        QString title;
        qint64 createdSecs = 0; // since the epoch, UTC
        std::optional<TargetStatus> sentAs; // handed to a batch with this target status
    };

    explicit StuckTableModel(QObject *parent = nullptr);
    ~StuckTableModel() override;

    static QString columnTitle(Column column);
    // "45 s", "12 min", "5 h", "3 days": how long ago, in the unit a person would use.
    static QString ageText(qint64 secs);
    // "Confirm", "Mark failed", "Cancel upload": what a bulk action with `status` does.
    static QString actionText(TargetStatus status);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // Appends one page of a listing in one insert; assets already shown are left out.
    void addAssets(const QList<StuckAsset> &assets);
    void clear();
    const Row &row(int row) const { return m_rows.at(row); }
    int rowOf(const QString &assetId) const { return m_rowOf.value(assetId, -1); }
    int sentCount() const { return m_sent; }

    // Marks the rows of these assets as handed to a batch as `status`.
    void markSent(const QStringList &assetIds, TargetStatus status);

    // The time ages are counted to (seconds since the epoch, UTC). Nothing is emitted: the age
    // is not a sort key of its own (it sorts as the creation time), so the view only repaints.
    void setNow(qint64 secs) { m_now = secs; }

signals:
    void sentCountChanged();

private:
    QList<Row> m_rows;
    QHash<QString, int> m_rowOf;
    qint64 m_now;
    int m_sent = 0;
};

} // namespace VodConfirm
