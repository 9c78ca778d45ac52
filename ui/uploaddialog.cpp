#include "uploaddialog.h"
#include "ui_uploaddialog.h"

#include "engine/uploadparts.h"
#include "icons.h"
#include "models/uploadtablemodel.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QHeaderView>
#include <QLocale>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QSet>

using namespace Qt::StringLiterals;

namespace VodConfirm {

namespace {
enum FileColumn { FileCol, TitleCol, SizeCol, TypeCol, FileColumnCount };
} // namespace

QStringList UploadDialog::collectFiles(const QStringList &paths, QStringList *notes)
{
    QStringList files;
    QSet<QString> seen;
    int notVideo = 0;
    bool tooMany = false;
    bool tooLarge = false;
    const auto add = [&](const QString &path) {
        if (files.size() >= MaxFiles) {
            tooMany = true;
            return;
        }
        const QString clean = QDir::cleanPath(QFileInfo(path).absoluteFilePath());
        if (!seen.contains(clean)) {
            seen.insert(clean);
            files.append(clean);
        }
    };
    for (const QString &path : paths) {
        const QFileInfo info(path);
        if (!info.isDir()) {
            add(path); // refused in the list if VOD does not take it
            continue;
        }
        // Symbolic links to folders are not followed (no FollowSymlinks): no loop.
        QStringList found;
        int entries = 0;
        QDirIterator it(info.absoluteFilePath(), QDir::Files | QDir::NoDotAndDotDot,
                        QDirIterator::Subdirectories);
        while (it.hasNext() && !tooMany) {
            if (++entries > MaxEntries) {
                tooLarge = true;
                break;
            }
            const QString file = it.next();
            if (UploadParts::videoTypeFor(file).isEmpty()) {
                ++notVideo;
                continue;
            }
            found.append(file);
            tooMany = files.size() + found.size() > MaxFiles;
        }
        found.sort();
        for (const QString &file : std::as_const(found))
            add(file);
    }
    if (notes) {
        if (notVideo > 0)
            notes->append(tr("%Ln file(s) in the folders are not video or audio files VOD takes "
                             "and were left out.",
                             nullptr, notVideo));
        if (tooMany)
            notes->append(tr("Only the first %L1 files are listed: upload the rest in another go.")
                                  .arg(MaxFiles));
        if (tooLarge)
            notes->append(tr("A folder holds more than %L1 files: only part of it was looked at.")
                                  .arg(MaxEntries));
    }
    return files;
}

UploadDialog::UploadDialog(const QStringList &files, const QStringList &notes,
                           const QString &profileProblem, QWidget *parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::UploadDialog>())
{
    m_ui->setupUi(this);
    setObjectName(u"uploadDialog"_s);
    m_start = m_ui->uploadButtons->addButton(tr("&Start Upload"), QDialogButtonBox::AcceptRole);
    m_start->setObjectName(u"uploadStartButton"_s);
    m_start->setIcon(themedIcon(u"go-up"_s));
    m_start->setDefault(true);
    connect(m_ui->uploadButtons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_ui->uploadButtons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_ui->uploadProfilesButton, &QPushButton::clicked, this,
            &UploadDialog::profilesRequested);
    m_ui->uploadCategory->setValidator(
            new QRegularExpressionValidator(QRegularExpression(u"[0-9]{0,18}"_s), this));
    fill(files);
    QStringList lines = m_reasons;
    if (m_refused > MaxReasonsShown)
        lines << tr("… and %Ln more refused (the Type column's tooltip says why).", nullptr,
                    m_refused - MaxReasonsShown);
    lines << notes;
    m_ui->uploadNotes->setText(lines.join(u'\n'));
    m_ui->uploadNotes->setVisible(!lines.isEmpty());
    setProfileProblem(profileProblem);
    m_ui->uploadFiles->setFocus();
}

UploadDialog::~UploadDialog() = default;

void UploadDialog::fill(const QStringList &files)
{
    QTableWidget *table = m_ui->uploadFiles;
    table->setColumnCount(FileColumnCount);
    table->setHorizontalHeaderLabels({tr("File"), tr("Title"), tr("Size"), tr("Type")});
    table->setRowCount(int(files.size()));
    const QLocale locale;
    qint64 total = 0;
    for (int row = 0; row < files.size(); ++row) {
        const QString &path = files.at(row);
        const QFileInfo info(path);
        QString error;
        QString type = UploadParts::videoTypeFor(path, &error);
        if (!type.isEmpty()) {
            if (!info.exists())
                error = tr("the file does not exist");
            else if (!info.isFile())
                error = tr("not a file");
            else if (!info.isReadable())
                error = tr("the file cannot be read");
            else if (info.size() == 0)
                error = tr("the file is empty");
            else if (info.size() > UploadLimits::MaxFileSize)
                error = tr("the file is larger than VOD takes (%1)")
                                .arg(UploadTableModel::bytesText(UploadLimits::MaxFileSize));
        }
        const bool usable = error.isEmpty();
        m_paths.append(path);
        m_usable.append(usable);
        auto *file = new QTableWidgetItem(info.fileName());
        file->setToolTip(QDir::toNativeSeparators(path));
        file->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
        auto *title = new QTableWidgetItem(usable ? info.completeBaseName() : QString());
        title->setFlags(usable ? Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsEditable
                               : Qt::ItemIsSelectable);
        title->setToolTip(usable ? tr("The asset's title in VOD: press F2 to change it")
                                 : QString());
        auto *size = new QTableWidgetItem(info.exists() ? UploadTableModel::bytesText(info.size())
                                                        : QString());
        size->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        size->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
        auto *kind = new QTableWidgetItem(usable ? type : tr("Refused"));
        kind->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
        kind->setToolTip(usable ? QString() : error);
        if (!usable) {
            kind->setIcon(themedIcon(u"dialog-error"_s));
            for (QTableWidgetItem *item : {file, size})
                item->setForeground(palette().color(QPalette::Disabled, QPalette::Text));
            ++m_refused;
            if (m_refused <= MaxReasonsShown)
                m_reasons.append(error.contains(path) ? error
                                                      : tr("%1: %2").arg(info.fileName(), error));
        } else {
            total += info.size();
        }
        table->setItem(row, FileCol, file);
        table->setItem(row, TitleCol, title);
        table->setItem(row, SizeCol, size);
        table->setItem(row, TypeCol, kind);
    }
    const QFontMetrics fm = table->fontMetrics();
    table->setColumnWidth(FileCol, fm.horizontalAdvance(QString(26, u'n')));
    table->setColumnWidth(TitleCol, fm.horizontalAdvance(QString(26, u'n')));
    table->setColumnWidth(SizeCol, fm.horizontalAdvance(u"1,023.9 MB"_s) + 24);
    table->verticalHeader()->setDefaultSectionSize(fm.height() + 8);
    if (table->rowCount() > 0)
        table->setCurrentCell(0, TitleCol);

    const int usable = int(m_paths.size()) - m_refused;
    QString summary = usable == 0 ? tr("Nothing to upload: VOD takes none of these files.")
                                  : tr("%Ln file(s) to upload, %1 in all.", nullptr, usable)
                                            .arg(UploadTableModel::bytesText(total));
    if (m_refused > 0)
        summary += u' ' + tr("%Ln file(s) refused: see below.", nullptr, m_refused);
    m_ui->uploadSummary->setText(summary);
    connect(table, &QTableWidget::itemChanged, this, &UploadDialog::updateStart);
}

void UploadDialog::accept()
{
    // The delegate keeps an editor's text when it loses the focus (at once; on Enter only
    // later, after the dialog has read the titles).
    m_start->setFocus();
    if (!m_start->isEnabled())
        return;
    QDialog::accept();
}

void UploadDialog::setProfileProblem(const QString &problem)
{
    m_profileProblem = problem;
    m_ui->uploadProfileProblem->setText(problem);
    m_ui->uploadProfileFrame->setVisible(!problem.isEmpty());
    updateStart();
}

void UploadDialog::updateStart()
{
    m_start->setEnabled(m_profileProblem.isEmpty() && int(m_paths.size()) > m_refused);
}

QList<UploadRequest> UploadDialog::requests() const
{
    QList<UploadRequest> out;
    const QString description = m_ui->uploadDescription->text().trimmed();
    const QString category = m_ui->uploadCategory->text().trimmed();
    const QString group = m_ui->uploadTemplateGroup->text().trimmed();
    for (int row = 0; row < m_paths.size(); ++row) {
        if (!m_usable.at(row))
            continue;
        UploadRequest r;
        r.filePath = m_paths.at(row);
        r.title = m_ui->uploadFiles->item(row, TitleCol)->text().trimmed();
        r.description = description;
        bool ok = false;
        if (const qint64 id = category.toLongLong(&ok); ok)
            r.categoryId = id;
        r.templateGroup = group;
        out.append(r);
    }
    return out;
}

} // namespace VodConfirm
