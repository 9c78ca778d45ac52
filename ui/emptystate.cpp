#include "emptystate.h"

#include <QAbstractItemModel>
#include <QAbstractItemView>
#include <QEvent>
#include <QLabel>

namespace VodConfirm {

EmptyState::EmptyState(QAbstractItemView *view, std::function<QString()> text)
    : QObject(view), m_view(view), m_label(new QLabel(view->viewport())), m_text(std::move(text))
{
    m_label->setObjectName(view->objectName() + QStringLiteral("EmptyState"));
    m_label->setAlignment(Qt::AlignCenter);
    m_label->setWordWrap(true);
    m_label->setTextFormat(Qt::PlainText); // the text may quote a server's answer
    m_label->setForegroundRole(QPalette::PlaceholderText);
    m_label->setAttribute(Qt::WA_TransparentForMouseEvents);
    view->viewport()->installEventFilter(this);
    QAbstractItemModel *model = view->model();
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(model, signal, this, &EmptyState::update);
    connect(model, &QAbstractItemModel::modelReset, this, &EmptyState::update);
    connect(model, &QAbstractItemModel::layoutChanged, this, &EmptyState::update);
    update();
}

void EmptyState::update()
{
    if (!m_label)
        return;
    const bool empty = m_view->model()->rowCount() == 0;
    if (empty) {
        m_label->setText(m_text());
        place();
    }
    m_label->setVisible(empty);
}

bool EmptyState::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Resize && m_label && watched == m_label->parentWidget())
        place();
    return QObject::eventFilter(watched, event);
}

void EmptyState::place()
{
    const QRect area = m_view->viewport()->rect();
    const int margin = m_label->fontMetrics().height();
    m_label->setGeometry(area.adjusted(margin, margin, -margin, -margin));
}

} // namespace VodConfirm
