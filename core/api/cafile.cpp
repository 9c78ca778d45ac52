#include "api/cafile.h"

#include <QCoreApplication>
#include <QFile>

namespace VodConfirm::CaFile {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(VodConfirm::CaFile)
};
} // namespace

QList<QSslCertificate> read(const QString &path, QString *error)
{
    QFile file(path);
    // A CA file is a few kilobytes; a bundle of every public CA is about 200 KB.
    constexpr qint64 MaxBytes = 4 * 1024 * 1024;
    if (!file.open(QIODevice::ReadOnly)) {
        *error = Tr::tr("The CA file %1 cannot be read: %2.").arg(path, file.errorString());
        return {};
    }
    const QByteArray bytes = file.read(MaxBytes + 1);
    QList<QSslCertificate> certificates;
    if (bytes.size() <= MaxBytes) {
        certificates = QSslCertificate::fromData(bytes, QSsl::Pem);
        if (certificates.isEmpty())
            certificates = QSslCertificate::fromData(bytes, QSsl::Der);
    }
    certificates.removeIf([](const QSslCertificate &c) { return c.isNull(); });
    if (certificates.isEmpty())
        *error = Tr::tr("The CA file %1 holds no certificate: choose a PEM (“-----BEGIN "
                        "CERTIFICATE-----”) or DER certificate file.")
                         .arg(path);
    return certificates;
}

} // namespace VodConfirm::CaFile
