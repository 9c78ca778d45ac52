#include "historytablemodel.h"

#include <QLocale>

using namespace Qt::StringLiterals;

namespace VodConfirm {

HistoryTableModel::HistoryTableModel(HistoryStore *store, QObject *parent)
    : QAbstractTableModel(parent), m_store(store)
{ }

HistoryTableModel::~HistoryTableModel() = default;

QString HistoryTableModel::columnTitle(Column column)
{
    switch (column) {
    case Column::Time:
        return tr("Time");
    case Column::AssetId:
        return tr("Asset ID");
    case Column::TargetStatus:
        return tr("Target status");
    case Column::Outcome:
        return tr("Outcome");
    case Column::HttpStatus:
        return tr("HTTP");
    case Column::ErrorCode:
        return tr("Error code");
    case Column::ErrorMessage:
        return tr("Error message");
    case Column::Attempt:
        return tr("Attempt");
    case Column::Duration:
        return tr("Duration");
    case Column::Profile:
        return tr("Profile");
    case Column::Region:
        return tr("Region");
    case Column::RequestId:
        return tr("Request ID");
    case Column::BatchId:
        return tr("Batch");
    case Column::FollowedState:
        return tr("Final state");
    case Column::Count:
        break;
    }
    return {};
}

QString HistoryTableModel::outcomeText(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Confirmed:
        return tr("Confirmed");
    case Outcome::Failed:
        return tr("Failed");
    case Outcome::Retrying:
        return tr("Retried");
    case Outcome::NotSent:
        return tr("Not sent");
    case Outcome::Skipped:
        return tr("Skipped");
    case Outcome::AlreadyConfirmed:
        return tr("Already confirmed");
    case Outcome::Unknown:
        break;
    }
    return tr("Unknown");
}

QString HistoryTableModel::accessibleDescription(const HistoryRecord &r)
{
    const QString when = QLocale().toString(r.time.toLocalTime(), QLocale::ShortFormat);
    const QString outcome = outcomeText(r.outcome);
    if (r.errorCode.isEmpty() && r.errorMessage.isEmpty())
        return tr("Asset %1, attempt %2 at %3: %4.")
                .arg(r.assetId)
                .arg(r.attempt)
                .arg(when, outcome);
    QString text
            = tr("Asset %1, attempt %2 at %3: %4, error %5, HTTP %6.")
                      .arg(r.assetId)
                      .arg(r.attempt)
                      .arg(when, outcome, r.errorCode.isEmpty() ? tr("no error code") : r.errorCode,
                           r.httpStatus > 0 ? QString::number(r.httpStatus) : tr("no answer"));
    if (const QString message = r.errorMessage.trimmed(); !message.isEmpty())
        text += u' ' + message;
    return text;
}

void HistoryTableModel::setPageSize(int rows)
{
    m_pageSize = qMax(1, rows);
}

void HistoryTableModel::setFilter(const HistoryStore::Filter &filter)
{
    m_filter = filter;
    reload();
}

void HistoryTableModel::reload()
{
    QString error;
    m_fetching = true; // views may ask for more from inside endResetModel(): not yet
    beginResetModel();
    m_rows.clear();
    m_total = m_store && m_store->isOpen() ? m_store->count(m_filter, &error) : 0;
    if (m_total < 0)
        m_total = 0;
    m_exhausted = m_total == 0;
    if (!m_exhausted) {
        m_rows = m_store->find(m_filter, m_pageSize, 0, &error);
        m_exhausted = m_rows.size() < m_pageSize || m_rows.size() >= m_total;
    }
    endResetModel();
    m_fetching = false;
    if (!error.isEmpty())
        emit loadFailed(error);
    emit countsChanged(m_total, loadedCount());
}

int HistoryTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int HistoryTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(Column::Count);
}

QVariant HistoryTableModel::data(const QModelIndex &index, int role) const
{
    Q_ASSERT(checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid));
    const HistoryRecord &r = m_rows.at(index.row());
    const auto column = Column(index.column());

    switch (role) {
    case Qt::TextAlignmentRole:
        if (column == Column::HttpStatus || column == Column::Attempt || column == Column::Duration)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        switch (column) {
        case Column::Time:
            return QLocale().toString(r.time.toLocalTime(), QLocale::ShortFormat);
        case Column::AssetId:
            return r.assetId;
        case Column::TargetStatus:
            return r.targetStatus;
        case Column::Outcome:
            return outcomeText(r.outcome);
        case Column::HttpStatus:
            return r.httpStatus == 0 ? QString() : QString::number(r.httpStatus);
        case Column::ErrorCode:
            return r.errorCode;
        case Column::ErrorMessage:
            return r.errorMessage;
        case Column::Attempt:
            return r.attempt;
        case Column::Duration:
            return tr("%1 ms").arg(QLocale().toString(r.durationMs));
        case Column::Profile:
            return r.profile;
        case Column::Region:
            return r.region;
        case Column::RequestId:
            return r.requestId;
        case Column::BatchId:
            return r.batchId;
        case Column::FollowedState:
            return r.followedState;
        case Column::Count:
            break;
        }
        return {};
    case Qt::AccessibleTextRole:
        // An empty cell reads as what it means, not as a blank.
        switch (column) {
        case Column::HttpStatus:
            return r.httpStatus == 0 ? tr("no HTTP answer") : QString::number(r.httpStatus);
        case Column::ErrorCode:
            return r.errorCode.isEmpty() ? tr("no error code") : r.errorCode;
        case Column::ErrorMessage:
            return r.errorMessage.isEmpty() ? tr("no message") : r.errorMessage;
        case Column::RequestId:
            return r.requestId.isEmpty() ? tr("no request ID") : r.requestId;
        case Column::Profile:
            return r.profile.isEmpty() ? tr("no profile") : r.profile;
        case Column::Region:
            return r.region.isEmpty() ? tr("no region") : r.region;
        case Column::BatchId:
            return r.batchId.isEmpty() ? tr("no batch") : r.batchId;
        case Column::FollowedState:
            return r.followedState.isEmpty() ? tr("not followed") : r.followedState;
        case Column::Time:
        case Column::AssetId:
        case Column::TargetStatus:
        case Column::Outcome:
        case Column::Attempt:
        case Column::Duration:
            return {}; // the display text
        case Column::Count:
            break;
        }
        return {};
    case Qt::AccessibleDescriptionRole:
        // The row's key cells say the whole attempt.
        switch (column) {
        case Column::Time:
        case Column::AssetId:
        case Column::Outcome:
        case Column::ErrorCode:
        case Column::ErrorMessage:
            return accessibleDescription(r);
        case Column::TargetStatus:
        case Column::HttpStatus:
        case Column::Attempt:
        case Column::Duration:
        case Column::Profile:
        case Column::Region:
        case Column::RequestId:
        case Column::BatchId:
        case Column::FollowedState:
            return {};
        case Column::Count:
            break;
        }
        return {};
    case SortRole:
        switch (column) {
        case Column::Time:
            return r.time;
        case Column::AssetId:
            return r.assetId;
        case Column::TargetStatus:
            return r.targetStatus;
        case Column::Outcome:
            return QString(outcomeName(r.outcome));
        case Column::HttpStatus:
            return r.httpStatus;
        case Column::ErrorCode:
            return r.errorCode;
        case Column::ErrorMessage:
            return r.errorMessage;
        case Column::Attempt:
            return r.attempt;
        case Column::Duration:
            return r.durationMs;
        case Column::Profile:
            return r.profile;
        case Column::Region:
            return r.region;
        case Column::RequestId:
            return r.requestId;
        case Column::BatchId:
            return r.batchId;
        case Column::FollowedState:
            return r.followedState;
        case Column::Count:
            break;
        }
        return {};
    default:
        return {};
    }
}

QVariant HistoryTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0
        || section >= int(Column::Count))
        return QAbstractTableModel::headerData(section, orientation, role);
    return columnTitle(Column(section));
}

bool HistoryTableModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_exhausted && !m_fetching && m_rows.size() < m_total;
}

void HistoryTableModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    QString error;
    const QList<HistoryRecord> page
            = m_store->findAfter(m_filter, m_rows.constLast(), m_pageSize, &error);
    if (page.size() < m_pageSize)
        m_exhausted = true;
    if (!page.isEmpty()) {
        // Views may ask for more from inside endInsertRows(); one page at a time.
        m_fetching = true;
        const int first = int(m_rows.size());
        beginInsertRows({}, first, first + int(page.size()) - 1);
        m_rows.append(page);
        endInsertRows();
        m_fetching = false;
    }
    if (m_rows.size() >= m_total)
        m_exhausted = true;
    if (!error.isEmpty())
        emit loadFailed(error);
    emit countsChanged(m_total, loadedCount());
}

} // namespace VodConfirm
