#include "csv.h"

namespace VodConfirm::Csv {

namespace {

// -12, +3.5: a number a spreadsheet reads as a number, not a formula.
bool isPlainNumber(QStringView s)
{
    qsizetype i = (s.startsWith(u'-') || s.startsWith(u'+')) ? 1 : 0;
    bool digits = false;
    bool point = false;
    for (; i < s.size(); ++i) {
        const QChar c = s.at(i);
        if (c.isDigit() && c.unicode() < 128)
            digits = true;
        else if (c == u'.' && !point)
            point = true;
        else
            return false;
    }
    return digits;
}

// The field with a leading quote when a spreadsheet would run it as a formula.
QString neutralized(const QString &field)
{
    if (field.isEmpty())
        return field;
    const QChar first = field.front();
    const bool formula = first == u'=' || first == u'+' || first == u'-' || first == u'@'
            || first == u'\t' || first == u'\r';
    return formula && !isPlainNumber(field) ? u'\'' + field : field;
}

} // namespace

QByteArray row(const QStringList &fields)
{
    QByteArray out;
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i > 0)
            out += ',';
        QByteArray f = neutralized(fields.at(i)).toUtf8();
        if (f.contains('"') || f.contains(',') || f.contains('\r') || f.contains('\n'))
            f = '"' + f.replace("\"", "\"\"") + '"';
        out += f;
    }
    return out + "\r\n";
}

} // namespace VodConfirm::Csv
