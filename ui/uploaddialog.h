#pragma once

#include "engine/uploadrunner.h"

#include <QDialog>
#include <QList>
#include <QStringList>

#include <memory>

class QPushButton;

namespace VodConfirm {

namespace Ui {
class UploadDialog;
}

// The files a drop or File > Upload Files… brought, before anything is sent: each file with an
// editable title (the file name without its extension by default), its size and video type;
// files VOD does not take are listed as refused, with the reason. A description, category and
// template group apply to every file. Start Upload accepts; requests() is then what to upload.
// Without a usable profile it says so, Start Upload stays disabled and Profiles… asks the main
// window for the profile dialog (profilesRequested()).
class UploadDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UploadDialog)
public:
    // At most this many files are collected from what was dropped or chosen.
    static constexpr int MaxFiles = 10000;
    // At most this many entries of the folders are looked at.
    static constexpr int MaxEntries = 200000;
    // Refused files whose reason is written under the list (the others: in the tooltip).
    static constexpr int MaxReasonsShown = 5;

    // The files in `paths`: files as they are; folders expanded, recursively, to the video files
    // inside (sorted; symbolic links to folders are not followed, so a loop cannot trap it),
    // bounded by MaxFiles and MaxEntries. *notes gets one translated line per thing
    // left out ("7 files in the folders are not video and were left out").
    static QStringList collectFiles(const QStringList &paths, QStringList *notes);

    // `files`: from collectFiles(); `profileProblem`: empty when the active profile is usable.
    UploadDialog(const QStringList &files, const QStringList &notes, const QString &profileProblem,
                 QWidget *parent = nullptr);
    ~UploadDialog() override;

    // The files to upload (those not refused), with their titles and the shared fields.
    QList<UploadRequest> requests() const;
    int refusedCount() const { return m_refused; }
    // The profile became usable (or not) while the dialog was open.
    void setProfileProblem(const QString &problem);

public slots:
    // A title being edited is kept first (Enter in it also presses Start Upload).
    void accept() override;

signals:
    void profilesRequested();

private:
    void fill(const QStringList &files);
    void updateStart();

    std::unique_ptr<Ui::UploadDialog> m_ui;
    QPushButton *m_start = nullptr;
    QStringList m_paths; // per row of the table
    QList<bool> m_usable; // per row
    int m_refused = 0;
    QStringList m_reasons; // "name: why", the first MaxReasonsShown refused
    QString m_profileProblem;
};

} // namespace VodConfirm
