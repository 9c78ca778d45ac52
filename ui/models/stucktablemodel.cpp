#include "stucktablemodel.h"

#include <QBrush>
#include <QGuiApplication>
#include <QLocale>
#include <QPalette>

using namespace Qt::StringLiterals;

namespace VodConfirm {

StuckTableModel::StuckTableModel(QObject *parent)
    : QAbstractTableModel(parent), m_now(QDateTime::currentSecsSinceEpoch())
{ }

StuckTableModel::~StuckTableModel() = default;

QString StuckTableModel::columnTitle(Column column)
{
    switch (column) {
    case Column::AssetId:
        return tr("Asset ID");
    case Column::Title:
        return tr("Title");
    case Column::Created:
        return tr("Created");
    case Column::Age:
        return tr("Age");
    case Column::Sent:
        return tr("Sent to batch");
    case Column::Count:
        break;
    }
    return {};
}

QString StuckTableModel::ageText(qint64 secs)
{
    secs = std::max<qint64>(0, secs);
    if (secs < 60)
        return tr("%Ln s", nullptr, int(secs));
    if (secs < 3600)
        return tr("%Ln min", nullptr, int(secs / 60));
    if (secs < 48 * 3600)
        return tr("%Ln h", nullptr, int(secs / 3600));
    return tr("%Ln day(s)", nullptr, int(secs / 86400));
}

QString StuckTableModel::actionText(TargetStatus status)
{
    switch (status) {
    case TargetStatus::Created:
        return tr("Confirm");
    case TargetStatus::Failed:
        return tr("Mark failed");
    case TargetStatus::Cancelled:
        return tr("Cancel upload");
    }
    return {};
}

int StuckTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int StuckTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(Column::Count);
}

QVariant StuckTableModel::data(const QModelIndex &index, int role) const
{
    Q_ASSERT(checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid));
    const Row &r = m_rows.at(index.row());
    const auto column = Column(index.column());
    const auto created = [&r] { return QDateTime::fromSecsSinceEpoch(r.createdSecs, Qt::UTC); };
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case Column::AssetId:
            return r.assetId;
        case Column::Title:
            return r.title;
        case Column::Created:
            return QLocale().toString(created().toLocalTime(), QLocale::ShortFormat);
        case Column::Age:
            return ageText(m_now - r.createdSecs);
        case Column::Sent:
            return r.sentAs ? tr("%1 (%2)").arg(actionText(*r.sentAs), targetStatusName(*r.sentAs))
                            : QString();
        case Column::Count:
            break;
        }
        return {};
    case Qt::ToolTipRole:
        switch (column) {
        case Column::Created:
            return tr("%1 UTC").arg(created().toString(u"yyyy-MM-dd HH:mm:ss"_s));
        case Column::Title:
            return r.title.isEmpty() ? QVariant() : r.title;
        case Column::Sent:
            return r.sentAs ? tr("Handed to a batch on the Assets page as %1; Refresh lists what "
                                 "is still waiting")
                                      .arg(targetStatusName(*r.sentAs))
                            : QVariant();
        case Column::AssetId:
        case Column::Age:
        case Column::Count:
            break;
        }
        return {};
    case Qt::AccessibleTextRole:
        switch (column) {
        case Column::Title:
            return r.title.isEmpty() ? tr("no title") : r.title;
        case Column::Sent:
            return r.sentAs ? QVariant() : tr("not sent");
        case Column::AssetId:
        case Column::Created:
        case Column::Age:
        case Column::Count:
            break;
        }
        return {};
    case Qt::ForegroundRole:
        // Greyed, and said in words in the last column.
        if (r.sentAs)
            return QBrush(QGuiApplication::palette().color(QPalette::Disabled, QPalette::Text));
        return {};
    case SortRole:
        switch (column) {
        case Column::AssetId:
            return r.assetId;
        case Column::Title:
            return r.title;
        case Column::Created:
            return r.createdSecs;
        case Column::Age:
            return -r.createdSecs;
        case Column::Sent:
            return r.sentAs ? int(*r.sentAs) + 1 : 0;
        case Column::Count:
            break;
        }
        return {};
    case CreatedSecsRole:
        return r.createdSecs;
    case AssetIdRole:
        return r.assetId;
    case SentRole:
        return r.sentAs.has_value();
    default:
        return {};
    }
}

QVariant StuckTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0
        || section >= int(Column::Count))
        return QAbstractTableModel::headerData(section, orientation, role);
    return columnTitle(Column(section));
}

void StuckTableModel::addAssets(const QList<StuckAsset> &assets)
{
    const int first = int(m_rows.size());
    QList<Row> fresh;
    fresh.reserve(assets.size());
    for (const StuckAsset &a : assets) {
        if (a.assetId.isEmpty() || m_rowOf.contains(a.assetId))
            continue;
        m_rowOf.insert(a.assetId, first + int(fresh.size()));
        fresh.append({a.assetId, a.title, a.createdAt.toSecsSinceEpoch(), std::nullopt});
    }
    if (fresh.isEmpty())
        return;
    beginInsertRows({}, first, first + int(fresh.size()) - 1);
    m_rows.append(std::move(fresh));
    endInsertRows();
}

void StuckTableModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_rowOf.clear();
    m_sent = 0;
    endResetModel();
    emit sentCountChanged();
}

void StuckTableModel::markSent(const QStringList &assetIds, TargetStatus status)
{
    int lo = int(m_rows.size());
    int hi = -1;
    for (const QString &id : assetIds) {
        const int i = rowOf(id);
        if (i < 0)
            continue;
        if (!m_rows[i].sentAs)
            ++m_sent;
        m_rows[i].sentAs = status;
        lo = std::min(lo, i);
        hi = std::max(hi, i);
    }
    if (hi < 0)
        return;
    // Two signals for the span: the views repaint what they show. Only the colour of the other
    // columns changed, which a sorting proxy need not look at.
    emit dataChanged(index(lo, 0), index(hi, int(Column::Sent) - 1), {Qt::ForegroundRole});
    emit dataChanged(index(lo, int(Column::Sent)), index(hi, int(Column::Sent)));
    emit sentCountChanged();
}

} // namespace VodConfirm
