#pragma once

#include <QDialog>
#include <QHash>
#include <QLocale>
#include <QSize>
#include <QUrl>

class QTextBrowser;

namespace VodConfirm {

// Help > User Guide: the guide (docs/guide/<language>.md, built into the resource as
// :/guide/<language>.md with its pictures under :/guide/images/) in a window of its own, in the
// language of the interface when the guide exists in it, else in English.
class UserGuide final : public QDialog
{
    Q_OBJECT

public:
    explicit UserGuide(const QLocale &locale = QLocale(), QWidget *parent = nullptr);

    // The guide for this locale: the first of its UI languages that has one, else English.
    static QUrl sourceFor(const QLocale &locale);
    // Shows parent's guide window, creating it the first time.
    static UserGuide *showFor(QWidget *parent);

    QTextBrowser *browser() const { return m_browser; }

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void fitImages(); // pictures no wider than the page, never enlarged
    QSize imageSize(const QString &name); // a picture's own size, read once

    QTextBrowser *m_browser;
    QHash<QString, QSize> m_imageSizes;
};

} // namespace VodConfirm
