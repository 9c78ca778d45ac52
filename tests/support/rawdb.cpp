#include "rawdb.h"

#include <QDebug>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace VodConfirm::Test {

RawDb::RawDb(const QString &path)
{
    static int counter = 0;
    m_name = u"tst-raw-%1"_s.arg(++counter);
    m_db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_name);
    m_db.setDatabaseName(path);
    m_db.open();
}

RawDb::~RawDb()
{
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_name);
}

bool RawDb::exec(const QString &sql)
{
    QSqlQuery q(m_db);
    if (!q.exec(sql)) {
        qWarning() << sql << q.lastError().text();
        return false;
    }
    return true;
}

QVariant RawDb::scalar(const QString &sql)
{
    QSqlQuery q(m_db);
    if (!q.exec(sql) || !q.next())
        return {};
    return q.value(0);
}

QStringList RawDb::column(const QString &sql, int index)
{
    QStringList out;
    QSqlQuery q(m_db);
    if (q.exec(sql)) {
        while (q.next())
            out << q.value(index).toString();
    }
    return out;
}

} // namespace VodConfirm::Test
