#pragma once

#include "models/assettablemodel.h"

#include <QSortFilterProxyModel>

namespace VodConfirm {

// Filters the asset table by status bucket (All / Queued / Running / Confirmed / Failed /
// Not sent) and by text in one column or in all of them; sorts on AssetTableModel::SortRole.
class AssetFilterProxy final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AssetFilterProxy)
public:
    explicit AssetFilterProxy(QObject *parent = nullptr);

    void setBucket(AssetTableModel::Bucket bucket);
    AssetTableModel::Bucket bucket() const { return m_bucket; }

    // Case-insensitive substring; `column` < 0 searches every column.
    void setTextFilter(const QString &text, int column = -1);
    QString textFilter() const { return m_text; }
    int textFilterColumn() const { return m_textColumn; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    AssetTableModel::Bucket m_bucket = AssetTableModel::Bucket::All;
    QString m_text;
    int m_textColumn = -1;
};

} // namespace VodConfirm
