#include "csv.h"

namespace VodConfirm::Csv {

QByteArray row(const QStringList &fields)
{
    QByteArray out;
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i > 0)
            out += ',';
        QByteArray f = fields.at(i).toUtf8();
        if (f.contains('"') || f.contains(',') || f.contains('\r') || f.contains('\n'))
            f = '"' + f.replace("\"", "\"\"") + '"';
        out += f;
    }
    return out + "\r\n";
}

} // namespace VodConfirm::Csv
