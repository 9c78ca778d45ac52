#include "userguide.h"

#include <QBuffer>
#include <QDialogButtonBox>
#include <QFile>
#include <QImage>
#include <QImageReader>
#include <QPixmap>
#include <QScrollBar>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextFragment>
#include <QTextImageFormat>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace VodConfirm {

UserGuide::UserGuide(const QLocale &locale, QWidget *parent)
    : QDialog(parent), m_browser(new QTextBrowser(this))
{
    setObjectName(u"userGuide"_s);
    setWindowTitle(tr("VOD Confirm User Guide"));
    setAttribute(Qt::WA_DeleteOnClose);
    setModal(false);
    m_browser->setObjectName(u"userGuideBrowser"_s);
    m_browser->setAccessibleName(tr("User guide"));
    // Links to the web (the README, Huawei Cloud) open in the browser; links inside the guide
    // stay here.
    m_browser->setOpenExternalLinks(true);
    m_browser->setSource(sourceFor(locale), QTextDocument::MarkdownResource);
    connect(m_browser, &QTextBrowser::sourceChanged, this, &UserGuide::fitImages);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_browser);
    layout->addWidget(buttons);

    const int em = fontMetrics().averageCharWidth();
    resize(em * 110, em * 80);
    fitImages();
}

QUrl UserGuide::sourceFor(const QLocale &locale)
{
    // The same search as the translations' (QTranslator::load(QLocale, ...)): "zh-Hans-CN",
    // "zh-CN", "zh" ... with '-' as '_'.
    for (QString name : locale.uiLanguages()) {
        name.replace(u'-', u'_');
        if (QFile::exists(u":/guide/%1.md"_s.arg(name)))
            return QUrl(u"qrc:/guide/%1.md"_s.arg(name));
    }
    return QUrl(u"qrc:/guide/en.md"_s);
}

UserGuide *UserGuide::showFor(QWidget *parent)
{
    auto *guide = parent->findChild<UserGuide *>(u"userGuide"_s, Qt::FindDirectChildrenOnly);
    if (!guide)
        guide = new UserGuide(QLocale(), parent);
    guide->show();
    guide->raise();
    guide->activateWindow();
    return guide;
}

void UserGuide::resizeEvent(QResizeEvent *event)
{
    QDialog::resizeEvent(event);
    fitImages();
}

void UserGuide::fitImages()
{
    QTextDocument *doc = m_browser->document();
    const qreal available = m_browser->viewport()->width() - 2 * doc->documentMargin()
            - m_browser->verticalScrollBar()->sizeHint().width();
    if (available <= 0)
        return;
    QTextCursor cursor(doc);
    for (QTextBlock block = doc->begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            QTextImageFormat format = fragment.charFormat().toImageFormat();
            if (!format.isValid())
                continue;
            const QSize size = imageSize(format.name());
            if (size.isEmpty())
                continue;
            const qreal width = qMin(available, qreal(size.width()));
            if (qFuzzyCompare(format.width(), width))
                continue;
            format.setWidth(width);
            format.setHeight(width * size.height() / size.width());
            cursor.setPosition(fragment.position());
            cursor.setPosition(fragment.position() + fragment.length(), QTextCursor::KeepAnchor);
            cursor.setCharFormat(format);
        }
    }
}

QSize UserGuide::imageSize(const QString &name)
{
    auto it = m_imageSizes.constFind(name);
    if (it != m_imageSizes.constEnd())
        return *it;
    const QVariant data = m_browser->document()->resource(QTextDocument::ImageResource, QUrl(name));
    QSize size;
    if (data.typeId() == QMetaType::QByteArray) {
        QByteArray bytes = data.toByteArray();
        QBuffer buffer(&bytes);
        size = QImageReader(&buffer).size();
    } else if (data.typeId() == QMetaType::QImage) {
        size = data.value<QImage>().size();
    } else if (data.typeId() == QMetaType::QPixmap) {
        size = data.value<QPixmap>().size();
    }
    m_imageSizes.insert(name, size);
    return size;
}

} // namespace VodConfirm
