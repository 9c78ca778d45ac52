#pragma once

#include <QObject>
#include <QPointer>

#include <functional>

class QAbstractItemView;
class QLabel;

namespace VodConfirm {

// A centred line of text over an item view while its model has no rows, saying why it is empty
// and what to do (an empty grid says nothing). `text` is asked each time the view becomes empty,
// so it can tell "nothing yet" from "nothing matches the filter".
class EmptyState final : public QObject
{
    Q_OBJECT
public:
    EmptyState(QAbstractItemView *view, std::function<QString()> text);

    void update(); // call when what `text` returns may have changed

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void place();

    // The view owns this object. Not a QPointer: while the view is being destroyed a QPointer to
    // it would downcast a half-destroyed object (undefined behaviour, UBSan says so).
    QAbstractItemView *const m_view;
    // A child of the view's viewport, so it is gone before the view stops being a view: checked
    // first everywhere. (A model the view owns, QListWidget's, still says it was reset after.)
    QPointer<QLabel> m_label;
    std::function<QString()> m_text;
};

} // namespace VodConfirm
