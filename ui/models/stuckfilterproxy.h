#pragma once

#include <QCollator>
#include <QSortFilterProxyModel>

namespace VodConfirm {

class StuckTableModel;

// Filters the stuck uploads by age (created at least so long ago) and by text in the asset ID or
// the title; sorts on any column. Compares the model's rows directly (no QVariant per
// comparison), so sorting and filtering 100,000 rows stays quick.
class StuckFilterProxy final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StuckFilterProxy)
public:
    explicit StuckFilterProxy(QObject *parent = nullptr);

    void setSourceModel(QAbstractItemModel *model) override;

    // Rows created before `now - secs` (0: every row). `now` in seconds since the epoch, UTC.
    void setMinimumAge(qint64 secs, qint64 now);
    // Case-insensitive substring of the asset ID or the title; empty: every row.
    void setTextFilter(const QString &text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    const StuckTableModel *m_model = nullptr;
    qint64 m_minimumAge = 0;
    qint64 m_createdBefore = 0; // only meaningful with m_minimumAge > 0
    QString m_text;
    QCollator m_collator; // titles sort as the user's language does
};

} // namespace VodConfirm
