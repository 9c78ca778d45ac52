#include "pasteedit.h"

#include "pastepanel.h"

#include <QMimeData>

namespace VodConfirm {

void PasteEdit::insertFromMimeData(const QMimeData *source)
{
    if (source->hasText() && onLargePaste) {
        const QString text = source->text();
        if (text.size() > PastePanel::MaxEditableChars) {
            onLargePaste(text);
            return;
        }
    }
    QPlainTextEdit::insertFromMimeData(source);
}

} // namespace VodConfirm
