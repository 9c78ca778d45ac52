#include "models/assettablemodel.h"

#include "errorhints.h"

#include <QGuiApplication>
#include <QLocale>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace VodConfirm {

namespace {
constexpr int kColumnCount = int(AssetTableModel::Column::Count);

QColor blend(const QColor &a, const QColor &b, double t)
{
    return QColor::fromRgbF(float(a.redF() * (1 - t) + b.redF() * t),
                            float(a.greenF() * (1 - t) + b.greenF() * t),
                            float(a.blueF() * (1 - t) + b.blueF() * t));
}
} // namespace

AssetTableModel::AssetTableModel(QObject *parent) : QAbstractTableModel(parent)
{
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(100);
    connect(&m_flushTimer, &QTimer::timeout, this, &AssetTableModel::flushUpdates);
    if (qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        m_palette = QGuiApplication::palette();
}

AssetTableModel::~AssetTableModel() = default;

AssetTableModel::Bucket AssetTableModel::bucketOf(AssetState state)
{
    switch (state) {
    case AssetState::Queued:
        return Bucket::Queued;
    case AssetState::Sending:
    case AssetState::Retrying:
        return Bucket::Running;
    case AssetState::Confirmed:
    case AssetState::Skipped: // confirmed before, per the history
    case AssetState::AlreadyConfirmed: // confirmed before, per its state read before sending
        return Bucket::Confirmed;
    case AssetState::Failed:
        return Bucket::Failed;
    case AssetState::NotSent:
        return Bucket::NotSent;
    }
    return Bucket::All;
}

QString AssetTableModel::stateText(AssetState state, int attempts, int maxAttempts)
{
    switch (state) {
    case AssetState::Queued:
        return tr("Queued");
    case AssetState::Sending:
        return tr("Sending");
    case AssetState::Retrying:
        return tr("Retrying %1/%2").arg(attempts + 1).arg(maxAttempts);
    case AssetState::Confirmed:
        return tr("Confirmed");
    case AssetState::Failed:
        return tr("Failed");
    case AssetState::NotSent:
        return tr("Not sent");
    case AssetState::Skipped:
        return tr("Confirmed before");
    case AssetState::AlreadyConfirmed:
        return tr("Already confirmed");
    }
    return {};
}

QString AssetTableModel::columnTitle(Column column)
{
    switch (column) {
    case Column::AssetId:
        return tr("Asset ID");
    case Column::TargetStatus:
        return tr("Target status");
    case Column::State:
        return tr("State");
    case Column::HttpStatus:
        return tr("HTTP");
    case Column::ErrorCode:
        return tr("Error code");
    case Column::ErrorMessage:
        return tr("Error message");
    case Column::Attempts:
        return tr("Attempts");
    case Column::RequestId:
        return tr("Request ID");
    case Column::LastUpdate:
        return tr("Last update");
    case Column::FollowedState:
        return tr("Final state");
    case Column::Count:
        break;
    }
    return {};
}

QString AssetTableModel::accessibleDescription(const Row &r)
{
    const QString state = stateText(r.state, r.attempts, r.maxAttempts);
    QString text;
    if (r.last.ok()
        || (r.last.errorCode.isEmpty() && r.last.httpStatus <= 0
            && r.last.errorMessage.isEmpty())) {
        text = tr("Asset %1: %2.").arg(r.assetId, state);
    } else {
        const QString code = r.last.errorCode.isEmpty() ? tr("no error code") : r.last.errorCode;
        const QString http
                = r.last.httpStatus > 0 ? QString::number(r.last.httpStatus) : tr("no answer");
        text = tr("Asset %1: %2, error %3, HTTP %4.").arg(r.assetId, state, code, http);
        if (const QString message = r.last.errorMessage.trimmed(); !message.isEmpty())
            text += u' ' + message;
    }
    if (!r.note.isEmpty())
        text += u' ' + r.note;
    return text;
}

int AssetTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AssetTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : kColumnCount;
}

QVariant AssetTableModel::data(const QModelIndex &index, int role) const
{
    Q_ASSERT(checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid));
    const Row &r = m_rows.at(index.row());
    const auto column = Column(index.column());

    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case Column::AssetId:
            return r.assetId;
        case Column::TargetStatus:
            return targetStatusName(r.status);
        case Column::State:
            return stateText(r.state, r.attempts, r.maxAttempts);
        case Column::HttpStatus:
            return r.last.httpStatus > 0 ? QVariant(r.last.httpStatus) : QVariant();
        case Column::ErrorCode:
            return r.last.errorCode;
        case Column::ErrorMessage:
            if (r.last.ok())
                return r.note;
            return r.last.errorMessage.isEmpty() ? r.note : r.last.errorMessage;
        case Column::Attempts: // every attempt since the row was added, not per batch
            return r.totalAttempts() > 0 ? QVariant(r.totalAttempts()) : QVariant();
        case Column::RequestId:
            return r.last.requestId;
        case Column::LastUpdate:
            return r.updatedAt.isValid()
                    ? QLocale().toString(r.updatedAt.toLocalTime(), QLocale::ShortFormat)
                    : QString();
        case Column::FollowedState:
            return r.followedState;
        case Column::Count:
            break;
        }
        return {};
    case SortRole:
        switch (column) {
        case Column::AssetId:
            return r.assetId;
        case Column::TargetStatus:
            return int(r.status);
        case Column::State:
            return int(r.state);
        case Column::HttpStatus:
            return r.last.httpStatus;
        case Column::ErrorCode:
            return r.last.errorCode;
        case Column::ErrorMessage:
            return r.last.errorMessage.isEmpty() ? r.note : r.last.errorMessage;
        case Column::Attempts:
            return r.totalAttempts();
        case Column::RequestId:
            return r.last.requestId;
        case Column::LastUpdate:
            return r.updatedAt.isValid() ? r.updatedAt.toMSecsSinceEpoch() : qint64(0);
        case Column::FollowedState:
            return r.followedState;
        case Column::Count:
            break;
        }
        return {};
    case Qt::AccessibleTextRole:
        // What the cell says in words where its display is a colour or empty: an empty cell
        // reads as what it means, not as a blank a listener has to interpret.
        switch (column) {
        case Column::State:
            return stateText(r.state, r.attempts, r.maxAttempts);
        case Column::HttpStatus:
            return r.last.httpStatus > 0 ? QString::number(r.last.httpStatus)
                                         : tr("no HTTP answer");
        case Column::ErrorCode:
            return r.last.errorCode.isEmpty() ? tr("no error code") : r.last.errorCode;
        case Column::ErrorMessage: {
            const QString shown = data(index, Qt::DisplayRole).toString();
            return shown.isEmpty() ? tr("no message") : shown;
        }
        case Column::Attempts:
            return r.totalAttempts() > 0 ? QString::number(r.totalAttempts()) : tr("not sent yet");
        case Column::RequestId:
            return r.last.requestId.isEmpty() ? tr("no request ID") : r.last.requestId;
        case Column::LastUpdate:
            return r.updatedAt.isValid() ? data(index, Qt::DisplayRole).toString()
                                         : tr("not updated yet");
        case Column::FollowedState:
            return r.followedState.isEmpty() ? tr("not followed") : r.followedState;
        case Column::AssetId:
        case Column::TargetStatus:
            return {}; // the display text
        case Column::Count:
            break;
        }
        return {};
    case Qt::AccessibleDescriptionRole:
        // The row's key cells say the whole row: the asset, its state and the error.
        switch (column) {
        case Column::AssetId:
        case Column::State:
        case Column::ErrorCode:
        case Column::ErrorMessage:
            return accessibleDescription(r);
        case Column::TargetStatus:
        case Column::HttpStatus:
        case Column::Attempts:
        case Column::RequestId:
        case Column::LastUpdate:
        case Column::FollowedState:
            return {};
        case Column::Count:
            break;
        }
        return {};
    case Qt::ToolTipRole:
        switch (column) {
        case Column::State:
        case Column::HttpStatus:
        case Column::ErrorCode:
        case Column::ErrorMessage:
        case Column::RequestId:
            if (r.state == AssetState::Failed || r.state == AssetState::Retrying
                || r.state == AssetState::NotSent) {
                if (r.last.ok())
                    return r.note;
                return ErrorHints::details(r.assetId, r.state, r.last, r.updatedAt);
            }
            return {};
        case Column::AssetId:
        case Column::TargetStatus:
        case Column::Attempts:
        case Column::LastUpdate:
        case Column::FollowedState:
            return {};
        case Column::Count:
            break;
        }
        return {};
    case Qt::BackgroundRole:
        switch (column) {
        case Column::State: {
            // No colour (a queued row): the view's own background, never an invalid colour,
            // which paints black.
            const QColor c = stateBackground(r.state);
            return c.isValid() ? QVariant(c) : QVariant();
        }
        case Column::AssetId:
        case Column::TargetStatus:
        case Column::HttpStatus:
        case Column::ErrorCode:
        case Column::ErrorMessage:
        case Column::Attempts:
        case Column::RequestId:
        case Column::LastUpdate:
        case Column::FollowedState:
            return {};
        case Column::Count:
            break;
        }
        return {};
    case Qt::TextAlignmentRole:
        switch (column) {
        case Column::HttpStatus:
        case Column::Attempts:
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        case Column::AssetId:
        case Column::TargetStatus:
        case Column::State:
        case Column::ErrorCode:
        case Column::ErrorMessage:
        case Column::RequestId:
        case Column::LastUpdate:
        case Column::FollowedState:
            return {};
        case Column::Count:
            break;
        }
        return {};
    case StateRole:
        return int(r.state);
    case BucketRole:
        return int(bucketOf(r.state));
    case AssetIdRole:
        return r.assetId;
    default:
        return {};
    }
}

QVariant AssetTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= kColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole)
        return columnTitle(Column(section));
    return {};
}

void AssetTableModel::reserve(qsizetype rows)
{
    m_rows.reserve(rows);
    m_rowOf.reserve(rows);
}

int AssetTableModel::addAssets(const QStringList &assetIds, TargetStatus status)
{
    const int first = int(m_rows.size());
    // The lookup is filled first (it also drops repeats within the list); the rows follow in one
    // insert. Nothing reads m_rowOf between here and endInsertRows().
    QList<Row> fresh;
    fresh.reserve(assetIds.size());
    m_rowOf.reserve(m_rows.size() + assetIds.size());
    for (const QString &id : assetIds) {
        if (id.isEmpty())
            continue;
        if (m_rowOf.contains(id))
            continue;
        m_rowOf.insert(id, first + int(fresh.size()));
        Row &r = fresh.emplace_back();
        r.assetId = id;
        r.status = status;
    }
    if (fresh.isEmpty())
        return 0;
    beginInsertRows({}, first, first + int(fresh.size()) - 1);
    m_rows.append(std::move(fresh));
    m_stateCounts[int(AssetState::Queued)] += int(m_rows.size()) - first;
    endInsertRows();
    emit countsChanged();
    return int(m_rows.size()) - first;
}

int AssetTableModel::removeAssetRows(QList<int> rows)
{
    std::sort(rows.begin(), rows.end(), std::greater<int>());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    rows.erase(std::remove_if(rows.begin(), rows.end(),
                              [this](int r) { return r < 0 || r >= m_rows.size(); }),
               rows.end());
    if (rows.isEmpty())
        return 0;
    // Remove contiguous runs from the bottom up so earlier row numbers stay valid.
    int i = 0;
    while (i < rows.size()) {
        int last = rows.at(i);
        int first = last;
        int j = i + 1;
        while (j < rows.size() && rows.at(j) == first - 1) {
            first = rows.at(j);
            ++j;
        }
        beginRemoveRows({}, first, last);
        for (int r = first; r <= last; ++r) {
            account(m_rows.at(r), -1);
            m_rowOf.remove(m_rows.at(r).assetId);
            m_pending.remove(m_rows.at(r).assetId);
        }
        m_rows.remove(first, last - first + 1);
        endRemoveRows();
        i = j;
    }
    rebuildIndex(rows.last());
    emit countsChanged();
    return int(rows.size());
}

void AssetTableModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_rowOf.clear();
    m_pending.clear();
    m_stateCounts.fill(0);
    m_remaining = 0;
    endResetModel();
    emit countsChanged();
}

AssetIdParser::KnownPredicate AssetTableModel::knownIds() const
{
    // The copy shares the hash; a later change to the table detaches from it.
    return [index = m_rowOf](AssetId id) { return index.contains(id.toString()); };
}

QStringList AssetTableModel::assetIds() const
{
    QStringList ids;
    ids.reserve(m_rows.size());
    for (const Row &r : m_rows)
        ids.append(r.assetId);
    return ids;
}

void AssetTableModel::requeue(const QList<int> &rows)
{
    QList<int> changed;
    for (int i : rows) {
        if (i < 0 || i >= m_rows.size())
            continue;
        Row &r = m_rows[i];
        m_pending.remove(r.assetId);
        account(r, -1);
        r.state = AssetState::Queued;
        r.last = ApiResult();
        r.note.clear();
        r.followedState.clear();
        r.earlierAttempts += r.attempts;
        r.attempts = 0;
        r.maxAttempts = 0;
        r.updatedAt = QDateTime::currentDateTimeUtc();
        account(r, 1);
        changed.append(i);
    }
    if (changed.isEmpty())
        return;
    emitRowsChanged(changed);
    emit countsChanged();
}

void AssetTableModel::setFollowedState(const QString &assetId, const QString &state)
{
    const int row = rowOf(assetId);
    if (row < 0)
        return;
    m_rows[row].followedState = state;
    emitRowsChanged({row});
}

void AssetTableModel::queueUpdate(const AssetUpdate &update)
{
    m_pending.insert(update.assetId, update);
    if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

void AssetTableModel::flushUpdates()
{
    m_flushTimer.stop();
    if (m_pending.isEmpty())
        return;
    QList<int> changed;
    changed.reserve(m_pending.size());
    int reached = -1;
    for (auto it = m_pending.cbegin(); it != m_pending.cend(); ++it) {
        const int i = m_rowOf.value(it.key(), -1);
        if (i < 0)
            continue; // removed meanwhile
        const AssetUpdate &u = it.value();
        Row &r = m_rows[i];
        account(r, -1);
        r.state = u.state;
        r.status = u.status;
        r.attempts = u.attempts;
        r.maxAttempts = u.maxAttempts;
        r.last = u.last;
        r.note = u.note;
        r.updatedAt = u.updatedAt.isValid() ? u.updatedAt : QDateTime::currentDateTimeUtc();
        account(r, 1);
        changed.append(i);
        if (r.state != AssetState::Queued && r.state != AssetState::Retrying)
            reached = std::max(reached, i);
    }
    m_pending.clear();
    if (changed.isEmpty())
        return;
    emitRowsChanged(std::move(changed));
    emit countsChanged();
    if (reached >= 0)
        emit batchReached(reached);
}

void AssetTableModel::setUpdateInterval(int ms)
{
    m_flushTimer.setInterval(ms);
}

void AssetTableModel::account(const Row &row, int sign)
{
    m_stateCounts[int(row.state)] += sign;
    if (isWorthSendingAgain(row.state, row.last))
        m_remaining += sign;
}

int AssetTableModel::count(Bucket bucket) const
{
    if (bucket == Bucket::All)
        return int(m_rows.size());
    int n = 0;
    for (int s = 0; s < int(m_stateCounts.size()); ++s) {
        if (bucketOf(AssetState(s)) == bucket)
            n += m_stateCounts.at(s);
    }
    return n;
}

void AssetTableModel::setPalette(const QPalette &palette)
{
    m_palette = palette;
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, int(Column::State)),
                         index(int(m_rows.size()) - 1, int(Column::State)), {Qt::BackgroundRole});
}

void AssetTableModel::rebuildIndex(int fromRow)
{
    for (int i = std::max(0, fromRow); i < m_rows.size(); ++i)
        m_rowOf.insert(m_rows.at(i).assetId, i);
}

// One signal per contiguous run of changed rows (runs closer than a few rows are merged); when
// the rows are scattered, or more than half of the table changed, one signal for the whole span.
void AssetTableModel::emitRowsChanged(QList<int> rows)
{
    std::sort(rows.begin(), rows.end());
    const int lastColumn = kColumnCount - 1;
    constexpr int kMergeGap = 8;
    constexpr int kMaxSignals = 16;

    QList<std::pair<int, int>> runs;
    for (int r : std::as_const(rows)) {
        if (!runs.isEmpty() && r - runs.last().second <= kMergeGap)
            runs.last().second = r;
        else
            runs.append({r, r});
    }
    if (runs.size() > kMaxSignals || rows.size() * 2 > m_rows.size()) {
        const bool most = rows.size() * 2 > m_rows.size();
        const int first = most ? 0 : runs.first().first;
        const int last = most ? int(m_rows.size()) - 1 : runs.last().second;
        emit dataChanged(index(first, 0), index(last, lastColumn));
        return;
    }
    for (const auto &[first, last] : std::as_const(runs))
        emit dataChanged(index(first, 0), index(last, lastColumn));
}

QColor AssetTableModel::stateBackground(AssetState state) const
{
    const QColor base = m_palette.color(QPalette::Base);
    const bool dark = base.lightnessF() < 0.5;
    const double t = dark ? 0.35 : 0.25;
    switch (state) {
    case AssetState::Queued:
        return {};
    case AssetState::Sending:
    case AssetState::Retrying:
        return blend(base, QColor(0x1e, 0x88, 0xe5), t); // blue
    case AssetState::Confirmed:
        return blend(base, QColor(0x2e, 0x9d, 0x3a), t); // green
    case AssetState::Skipped:
    case AssetState::AlreadyConfirmed:
        return blend(base, QColor(0x2e, 0x9d, 0x3a), t / 2); // pale green
    case AssetState::Failed:
        return blend(base, QColor(0xd3, 0x2f, 0x2f), t); // red
    case AssetState::NotSent:
        return blend(base, QColor(0xf5, 0xa6, 0x23), t); // amber
    }
    return {};
}

} // namespace VodConfirm
