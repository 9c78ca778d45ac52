#pragma once

#include <QList>
#include <QSslCertificate>
#include <QString>

namespace VodConfirm::CaFile {

// The certificates in a CA file: PEM (one or more certificates) or DER (one). On failure the
// list is empty and *error holds one translated sentence naming the file: it cannot be read, or
// it holds no certificate.
QList<QSslCertificate> read(const QString &path, QString *error);

} // namespace VodConfirm::CaFile
