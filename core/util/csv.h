#pragma once

#include <QByteArray>
#include <QStringList>

namespace VodConfirm::Csv {

// One RFC 4180 record: fields quoted when they hold a quote, comma, CR or LF; CRLF line end.
// A field that a spreadsheet would run as a formula (it starts with = + - @, a tab or a CR, and
// is not a plain number such as -12 or +3.5) gets a leading single quote, the OWASP rule against
// CSV injection: =HYPERLINK(...) from a server message is shown as text, never evaluated.
QByteArray row(const QStringList &fields);

} // namespace VodConfirm::Csv
