#include "models/uploadtablemodel.h"

#include "icons.h"

#include <QDir>
#include <QFileInfo>
#include <QGuiApplication>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace VodConfirm {

using Phase = UploadStatus::Phase;

namespace {
constexpr int kColumnCount = int(UploadTableModel::Column::Count);

QColor blend(const QColor &a, const QColor &b, double t)
{
    return QColor::fromRgbF(float(a.redF() * (1 - t) + b.redF() * t),
                            float(a.greenF() * (1 - t) + b.greenF() * t),
                            float(a.blueF() * (1 - t) + b.blueF() * t));
}

int perMille(const UploadStatus &s)
{
    if (s.bytesTotal <= 0)
        return s.phase == Phase::Confirmed ? 1000 : 0;
    return int(std::clamp<qint64>(s.bytesDone * 1000 / s.bytesTotal, 0, 1000));
}
} // namespace

UploadTableModel::UploadTableModel(QObject *parent) : QAbstractTableModel(parent)
{
    if (qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        m_palette = QGuiApplication::palette();
}

UploadTableModel::~UploadTableModel() = default;

QString UploadTableModel::columnTitle(Column column)
{
    switch (column) {
    case Column::FileName:
        return tr("File");
    case Column::Title:
        return tr("Title");
    case Column::Size:
        return tr("Size");
    case Column::Progress:
        return tr("Progress");
    case Column::Speed:
        return tr("Speed");
    case Column::TimeLeft:
        return tr("Time left");
    case Column::Status:
        return tr("Status");
    case Column::AssetId:
        return tr("Asset ID");
    case Column::Count:
        break;
    }
    return {};
}

QString UploadTableModel::phaseText(Phase phase, bool interrupted)
{
    if (interrupted)
        return tr("Interrupted");
    switch (phase) {
    case Phase::Queued:
        return tr("Queued");
    case Phase::Creating:
        return tr("Creating asset");
    case Phase::Uploading:
        return tr("Uploading");
    case Phase::Completing:
        return tr("Completing");
    case Phase::Confirming:
        return tr("Confirming");
    case Phase::Paused:
        return tr("Paused");
    case Phase::Confirmed:
        return tr("Confirmed");
    case Phase::Failed:
        return tr("Failed");
    case Phase::Cancelled:
        return tr("Cancelled");
    }
    return {};
}

QString UploadTableModel::bytesText(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

QString UploadTableModel::speedText(double bytesPerSecond)
{
    if (bytesPerSecond <= 0)
        return {};
    return tr("%1/s").arg(bytesText(qint64(bytesPerSecond)));
}

QString UploadTableModel::timeLeftText(qint64 secs)
{
    if (secs < 0)
        return {};
    if (secs < 60)
        return tr("about %Ln s", nullptr, int(std::max<qint64>(secs, 1)));
    if (secs < 3600)
        return tr("about %Ln min", nullptr, int((secs + 30) / 60));
    const qint64 minutes = (secs + 30) / 60;
    return tr("about %1 h %2 min").arg(minutes / 60).arg(minutes % 60);
}

QIcon UploadTableModel::phaseIcon(Phase phase)
{
    switch (phase) {
    case Phase::Queued:
        return themedIcon(u"appointment-soon"_s);
    case Phase::Creating:
    case Phase::Uploading:
    case Phase::Completing:
    case Phase::Confirming:
        return themedIcon(u"go-up"_s);
    case Phase::Paused:
        return themedIcon(u"media-playback-pause"_s);
    case Phase::Confirmed:
        return themedIcon(u"dialog-ok-apply"_s);
    case Phase::Failed:
        return themedIcon(u"dialog-error"_s);
    case Phase::Cancelled:
        return themedIcon(u"media-playback-stop"_s);
    }
    return {};
}

QColor UploadTableModel::phaseBackground(Phase phase) const
{
    // The asset table's colours (AssetTableModel::stateBackground()): blue while sending, green
    // when confirmed, red when failed, amber when waiting for the user.
    const QColor base = m_palette.color(QPalette::Base);
    const bool dark = base.lightnessF() < 0.5;
    const double t = dark ? 0.35 : 0.25;
    switch (phase) {
    case Phase::Queued:
        return {};
    case Phase::Creating:
    case Phase::Uploading:
    case Phase::Completing:
    case Phase::Confirming:
        return blend(base, QColor(0x1e, 0x88, 0xe5), t); // blue
    case Phase::Confirmed:
        return blend(base, QColor(0x2e, 0x9d, 0x3a), t); // green
    case Phase::Failed:
        return blend(base, QColor(0xd3, 0x2f, 0x2f), t); // red
    case Phase::Paused:
        return blend(base, QColor(0xf5, 0xa6, 0x23), t); // amber: waits for the user
    case Phase::Cancelled:
        return {}; // as the user asked: nothing to look at
    }
    return {};
}

int UploadTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int UploadTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : kColumnCount;
}

QVariant UploadTableModel::data(const QModelIndex &index, int role) const
{
    Q_ASSERT(checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid));
    const Row &r = m_rows.at(index.row());
    const UploadStatus &s = r.status;
    const auto column = Column(index.column());
    const QLocale locale;
    const bool running = s.phase != Phase::Paused && !isFinishedUploadPhase(s.phase);
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case Column::FileName:
            return QFileInfo(s.filePath).fileName();
        case Column::Title:
            return s.title;
        case Column::Size:
            return bytesText(s.bytesTotal);
        case Column::Progress:
            return tr("%1%").arg(perMille(r.status) / 10);
        case Column::Speed:
            return running ? speedText(s.bytesPerSecond) : QString();
        case Column::TimeLeft:
            return running ? timeLeftText(s.secondsLeft) : QString();
        case Column::Status:
            return phaseText(s.phase, r.interrupted);
        case Column::AssetId:
            return s.assetId;
        case Column::Count:
            break;
        }
        return {};
    case Qt::ToolTipRole:
        switch (column) {
        case Column::FileName:
            return QDir::toNativeSeparators(s.filePath);
        case Column::Title:
            return s.title.isEmpty() ? QVariant() : s.title;
        case Column::Progress:
            return s.partCount > 1
                    ? tr("%1 of %2, part %L3 of %L4 done")
                              .arg(bytesText(s.bytesDone), bytesText(s.bytesTotal))
                              .arg(s.partsDone)
                              .arg(s.partCount)
                    : tr("%1 of %2").arg(bytesText(s.bytesDone), bytesText(s.bytesTotal));
        case Column::Status:
            if (r.interrupted)
                return s.error.isEmpty() ? tr("Interrupted before it finished: Resume goes on "
                                              "from the last part that arrived")
                                         : s.error;
            return s.error.isEmpty() ? QVariant() : s.error;
        case Column::Size:
            return tr("%L1 bytes").arg(s.bytesTotal);
        case Column::AssetId:
            return s.assetId.isEmpty() ? QVariant() : s.assetId;
        case Column::Speed:
        case Column::TimeLeft:
        case Column::Count:
            break;
        }
        return {};
    case Qt::DecorationRole:
        if (column == Column::Status)
            return phaseIcon(r.interrupted ? Phase::Paused : s.phase);
        return {};
    case Qt::BackgroundRole:
        if (column == Column::Status) {
            const QColor c = phaseBackground(s.phase);
            return c.isValid() ? QVariant(c) : QVariant();
        }
        return {};
    case Qt::TextAlignmentRole:
        switch (column) {
        case Column::Size:
        case Column::Speed:
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        default:
            return {};
        }
    case Qt::AccessibleTextRole:
        if (column == Column::AssetId && s.assetId.isEmpty())
            return tr("no asset yet");
        return {};
    case UploadIdRole:
        return s.uploadId;
    case PhaseRole:
        return int(s.phase);
    case InterruptedRole:
        return r.interrupted;
    case ProgressRole:
        return perMille(s);
    default:
        return {};
    }
}

QVariant UploadTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0
        || section >= kColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    return columnTitle(Column(section));
}

void UploadTableModel::setStatus(const UploadStatus &status)
{
    if (status.uploadId.isEmpty())
        return;
    if (const int i = rowOf(status.uploadId); i >= 0) {
        m_rows[i] = {status, false};
        emit dataChanged(index(i, 0), index(i, kColumnCount - 1));
        return;
    }
    const int i = int(m_rows.size());
    beginInsertRows({}, i, i);
    m_rows.append({status, false});
    m_rowOf.insert(status.uploadId, i);
    endInsertRows();
}

void UploadTableModel::setInterrupted(const QList<UploadRecord> &uploads)
{
    QSet<QString> ids;
    for (const UploadRecord &u : uploads)
        ids.insert(u.id);
    // Interrupted rows that are no longer so.
    for (int i = int(m_rows.size()) - 1; i >= 0; --i) {
        if (m_rows.at(i).interrupted && !ids.contains(m_rows.at(i).status.uploadId)) {
            beginRemoveRows({}, i, i);
            m_rows.removeAt(i);
            endRemoveRows();
        }
    }
    rebuildIndex();
    QList<Row> fresh;
    for (const UploadRecord &u : uploads) {
        if (m_rowOf.contains(u.id))
            continue;
        UploadStatus s;
        s.uploadId = u.id;
        s.filePath = u.filePath;
        s.title = u.title;
        s.assetId = u.assetId;
        s.phase = Phase::Paused;
        s.bytesTotal = u.fileSize;
        s.partCount = int(u.partCount());
        // What arrived before the interruption: every part the journal has, or the whole file
        // once OBS had it all.
        if (u.state == UploadState::Completed) {
            s.partsDone = s.partCount;
            s.bytesDone = u.fileSize;
        } else {
            s.partsDone = int(u.parts.size());
            for (const UploadPart &part : u.parts)
                s.bytesDone += part.size;
        }
        s.error = u.lastError;
        fresh.append({s, true});
    }
    if (fresh.isEmpty())
        return;
    const int first = int(m_rows.size());
    beginInsertRows({}, first, first + int(fresh.size()) - 1);
    m_rows.append(std::move(fresh));
    rebuildIndex();
    endInsertRows();
}

void UploadTableModel::removeFinished()
{
    for (int i = int(m_rows.size()) - 1; i >= 0; --i) {
        if (isFinishedUploadPhase(m_rows.at(i).status.phase)) {
            beginRemoveRows({}, i, i);
            m_rows.removeAt(i);
            endRemoveRows();
        }
    }
    rebuildIndex();
}

void UploadTableModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_rowOf.clear();
    endResetModel();
}

int UploadTableModel::interruptedCount() const
{
    return int(std::count_if(m_rows.cbegin(), m_rows.cend(),
                             [](const Row &r) { return r.interrupted; }));
}

int UploadTableModel::finishedCount() const
{
    return int(std::count_if(m_rows.cbegin(), m_rows.cend(),
                             [](const Row &r) { return isFinishedUploadPhase(r.status.phase); }));
}

void UploadTableModel::setPalette(const QPalette &palette)
{
    m_palette = palette;
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, int(Column::Status)),
                         index(int(m_rows.size()) - 1, int(Column::Status)), {Qt::BackgroundRole});
}

void UploadTableModel::rebuildIndex()
{
    m_rowOf.clear();
    for (int i = 0; i < m_rows.size(); ++i)
        m_rowOf.insert(m_rows.at(i).status.uploadId, i);
}

} // namespace VodConfirm
