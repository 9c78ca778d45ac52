#include "stuckfilterproxy.h"

#include "stucktablemodel.h"

namespace VodConfirm {

using Column = StuckTableModel::Column;

StuckFilterProxy::StuckFilterProxy(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortRole(StuckTableModel::SortRole);
    m_collator.setNumericMode(true); // "part 2" before "part 10"
}

void StuckFilterProxy::setSourceModel(QAbstractItemModel *model)
{
    m_model = qobject_cast<const StuckTableModel *>(model);
    Q_ASSERT(m_model || !model);
    QSortFilterProxyModel::setSourceModel(model);
}

void StuckFilterProxy::setMinimumAge(qint64 secs, qint64 now)
{
    secs = std::max<qint64>(0, secs);
    const qint64 before = secs > 0 ? now - secs : 0;
    if (secs == m_minimumAge && before == m_createdBefore)
        return;
    m_minimumAge = secs;
    m_createdBefore = before;
    invalidateRowsFilter();
}

void StuckFilterProxy::setTextFilter(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_text)
        return;
    m_text = trimmed;
    // Rows leave and come back all over the sorted order: one layout change, not thousands of
    // removals and insertions the view would each walk.
    invalidate();
}

bool StuckFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &) const
{
    if (!m_model)
        return true;
    const StuckTableModel::Row &r = m_model->row(sourceRow);
    if (m_minimumAge > 0 && r.createdSecs > m_createdBefore)
        return false;
    return m_text.isEmpty() || r.assetId.contains(m_text, Qt::CaseInsensitive)
            || r.title.contains(m_text, Qt::CaseInsensitive);
}

bool StuckFilterProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (!m_model)
        return QSortFilterProxyModel::lessThan(left, right);
    const StuckTableModel::Row &a = m_model->row(left.row());
    const StuckTableModel::Row &b = m_model->row(right.row());
    // Ties (same second, same title) go by asset ID, so the order is the same every time.
    const auto byId = [&] { return a.assetId < b.assetId; };
    switch (Column(left.column())) {
    case Column::AssetId:
        return byId();
    case Column::Title:
        if (const int c = m_collator.compare(a.title, b.title); c != 0)
            return c < 0;
        return byId();
    case Column::Created:
    case Column::Age: // older is larger; the view's sort order says which comes first
        if (a.createdSecs != b.createdSecs)
            return Column(left.column()) == Column::Created ? a.createdSecs < b.createdSecs
                                                            : a.createdSecs > b.createdSecs;
        return byId();
    case Column::Sent: {
        const int sa = a.sentAs ? int(*a.sentAs) + 1 : 0;
        const int sb = b.sentAs ? int(*b.sentAs) + 1 : 0;
        if (sa != sb)
            return sa < sb;
        return a.createdSecs > b.createdSecs;
    }
    case Column::Count:
        break;
    }
    return false;
}

} // namespace VodConfirm
