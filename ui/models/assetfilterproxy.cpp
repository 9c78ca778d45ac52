#include "models/assetfilterproxy.h"

namespace VodConfirm {

AssetFilterProxy::AssetFilterProxy(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortRole(AssetTableModel::SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setDynamicSortFilter(true);
}

void AssetFilterProxy::setBucket(AssetTableModel::Bucket bucket)
{
    if (bucket == m_bucket)
        return;
    m_bucket = bucket;
    invalidateFilter();
}

void AssetFilterProxy::setTextFilter(const QString &text, int column)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_text && column == m_textColumn)
        return;
    m_text = trimmed;
    m_textColumn = column;
    invalidateFilter();
}

bool AssetFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QAbstractItemModel *source = sourceModel();
    if (m_bucket != AssetTableModel::Bucket::All) {
        const QModelIndex idx = source->index(sourceRow, 0, sourceParent);
        if (idx.data(AssetTableModel::BucketRole).toInt() != int(m_bucket))
            return false;
    }
    if (m_text.isEmpty())
        return true;
    const int columns = source->columnCount(sourceParent);
    const int from = m_textColumn >= 0 ? m_textColumn : 0;
    const int to = m_textColumn >= 0 ? std::min(m_textColumn + 1, columns) : columns;
    for (int c = from; c < to; ++c) {
        const QString text = source->index(sourceRow, c, sourceParent).data().toString();
        if (text.contains(m_text, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

} // namespace VodConfirm
