#pragma once

#include <QByteArray>
#include <QStringList>

namespace VodConfirm::Csv {

// One RFC 4180 record: fields quoted when they hold a quote, comma, CR or LF; CRLF line end.
QByteArray row(const QStringList &fields);

} // namespace VodConfirm::Csv
