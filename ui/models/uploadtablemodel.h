#pragma once

#include "engine/uploadrunner.h"
#include "storage/uploadrecord.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QIcon>
#include <QList>
#include <QPalette>

namespace VodConfirm {

// The upload queue as the Uploads tab shows it: one row per upload of the UploadRunner, in queue
// order, as its uploadChanged() signals tell (the runner counts; this model only shows), and one
// row per interrupted upload of the journal (HistoryStore::unfinishedUploads()) that no runner has
// yet: shown as paused, "Interrupted", until it is resumed.
class UploadTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UploadTableModel)
public:
    enum class Column { FileName, Title, Size, Progress, Speed, TimeLeft, Status, AssetId, Count };

    enum Role {
        UploadIdRole = Qt::UserRole + 1, // any column
        PhaseRole, // int(UploadStatus::Phase), any column
        InterruptedRole, // bool: a journal's upload no runner has (yet), any column
        ProgressRole, // 0..1000 (per mille of the bytes), any column
    };

    struct Row
    {
        UploadStatus status;
        bool interrupted = false; // from the journal, not (yet) in the runner
    };

    explicit UploadTableModel(QObject *parent = nullptr);
    ~UploadTableModel() override;

    static QString columnTitle(Column column);
    // "Queued", "Uploading", ..., "Interrupted": the status as the table says it.
    static QString phaseText(UploadStatus::Phase phase, bool interrupted = false);
    // "1.2 MB/s"; empty for 0.
    // Sizes in the upload views: "21.0 MB" (units of 1024, as file managers show them).
    static QString bytesText(qint64 bytes);
    static QString speedText(double bytesPerSecond);
    // "about 3 min"; empty while unknown (-1).
    static QString timeLeftText(qint64 secs);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // The runner's news of one upload: its row is updated, or appended (no longer interrupted).
    void setStatus(const UploadStatus &status);
    // Rows for the journal's unfinished uploads that no row shows yet; interrupted rows not in
    // `uploads` any more (finished or resumed elsewhere) go.
    void setInterrupted(const QList<UploadRecord> &uploads);
    // Removes the rows of finished uploads (confirmed, failed, cancelled).
    void removeFinished();
    void clear();

    const Row &row(int row) const { return m_rows.at(row); }
    int rowOf(const QString &uploadId) const { return m_rowOf.value(uploadId, -1); }
    int interruptedCount() const;
    int finishedCount() const;

    // Row colours follow the palette (light or dark), like the asset table's.
    void setPalette(const QPalette &palette);
    QColor phaseBackground(UploadStatus::Phase phase) const;
    static QIcon phaseIcon(UploadStatus::Phase phase);

private:
    void rebuildIndex();

    QList<Row> m_rows;
    QHash<QString, int> m_rowOf;
    QPalette m_palette;
};

} // namespace VodConfirm
