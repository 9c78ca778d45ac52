#pragma once

#include <QByteArray>
#include <QList>
#include <QStringList>

namespace VodConfirm::Test {

// Reads RFC 4180 CSV back (quoted fields may hold commas, doubled quotes, CR and LF), so tests
// can check exports field by field.
QList<QStringList> parseCsv(const QByteArray &bytes);

} // namespace VodConfirm::Test
