#pragma once

#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <QVariant>

namespace VodConfirm::Test {

// A connection of the test's own to a history file, to look at (or tamper with) it behind the
// store's back.
class RawDb
{
public:
    explicit RawDb(const QString &path);
    ~RawDb();
    RawDb(const RawDb &) = delete;
    RawDb &operator=(const RawDb &) = delete;

    bool exec(const QString &sql); // false (and a warning naming the error) when it fails
    QVariant scalar(const QString &sql); // the first row's first value; invalid when none
    QStringList column(const QString &sql, int index = 0); // every row's value at `index`

private:
    QString m_name;
    QSqlDatabase m_db;
};

} // namespace VodConfirm::Test
