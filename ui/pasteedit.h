#pragma once

#include <QPlainTextEdit>

#include <functional>

namespace VodConfirm {

// The paste panel's text area: it hands very large pastes (over PastePanel::MaxEditableChars)
// to onLargePaste instead of laying them out.
class PasteEdit final : public QPlainTextEdit
{
    Q_DISABLE_COPY_MOVE(PasteEdit)
public:
    using QPlainTextEdit::QPlainTextEdit;
    std::function<void(const QString &)> onLargePaste;

protected:
    void insertFromMimeData(const QMimeData *source) override;
};

} // namespace VodConfirm
