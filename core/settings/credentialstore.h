#pragma once

#include "api/credentials.h"
#include "settings/profile.h"

#include <QList>
#include <QObject>
#include <QString>

#include <functional>

namespace VodConfirm {

enum class SecretKind { SecretKey, SecurityToken, Token, Password, ProxyPassword };

// The secret half of a profile, in the OS keychain (Secret Service / KWallet on Linux, Keychain
// on macOS, Credential Manager on Windows) through QtKeychain: service service(), key
// "<profile>/<kind>" (keyFor()). Never falls back to plaintext: QtKeychain's insecure fallback
// stays off, and when no keychain is reachable every call reports noBackend with a sentence that
// says so, so the caller can ask for the secrets each session instead.
//
// All calls are asynchronous. done is called exactly once, never from inside the call that
// started the operation, in the thread of context, and not at all if context is destroyed
// first (or the store is). Use the store from the thread it lives in.
//
// Error texts are translated plain sentences for the user. They name the profile and the kind of
// secret, never its value.
class CredentialStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CredentialStore)

public:
    struct ReadResult
    {
        bool ok = false; // value holds the secret
        QString value;
        bool notFound = false; // the keychain works but holds no such secret
        bool noBackend = false; // no keychain is reachable at all
        QString error; // empty when ok
    };
    using DoneCallback = std::function<void(bool ok, const QString &error)>;
    using ReadCallback = std::function<void(const ReadResult &result)>;
    // error is empty when every secret that was looked up was read or simply is not stored: use
    // credentials.missing() to decide whether to ask the user.
    using LoadCallback = std::function<void(const Credentials &credentials, const QString &error)>;
    using BackendCallback = std::function<void(bool usable, const QString &error)>;

    // service is the keychain's service (application) name; tests use their own.
    explicit CredentialStore(QObject *parent = nullptr); // service "vodconfirm"
    explicit CredentialStore(const QString &service, QObject *parent = nullptr);
    ~CredentialStore() override;

    QString service() const;
    static QString keyFor(const QString &profileName, SecretKind kind); // "prod/sk"
    static QString kindName(SecretKind kind); // translated, e.g. "secret access key (SK)"
    static const QList<SecretKind> &allKinds();
    // The secrets profile's auth mode needs: AK/SK → SK (+ security token), token, password;
    // plus the proxy password when a manual proxy has a user name.
    static QList<SecretKind> requiredKinds(const Profile &profile);
    // The field of credentials that holds a kind of secret.
    static QString &secretOf(Credentials &credentials, SecretKind kind);
    static const QString &secretOf(const Credentials &credentials, SecretKind kind);

    void write(const QString &profileName, SecretKind kind, const QString &value, QObject *context,
               DoneCallback done);
    void read(const QString &profileName, SecretKind kind, QObject *context, ReadCallback done);
    // Succeeds when the secret is gone, including when it was never stored.
    void remove(const QString &profileName, SecretKind kind, QObject *context, DoneCallback done);
    void removeAll(const QString &profileName, QObject *context, DoneCallback done);
    // Moves every stored secret of from to to (for Settings::renameProfile()); secrets stored
    // under to before are replaced or removed.
    void rename(const QString &from, const QString &to, QObject *context, DoneCallback done);

    // Fills Credentials for profile: the non-secret fields from the profile, the secrets its auth
    // mode needs from the keychain. With rememberSecrets off the keychain is not asked.
    void load(const Profile &profile, QObject *context, LoadCallback done);
    // Makes the keychain hold exactly the secrets profile needs, taken from credentials: those
    // are written, every other kind (and empty values) removed. With rememberSecrets off, all of
    // the profile's secrets are removed.
    void store(const Profile &profile, const Credentials &credentials, QObject *context,
               DoneCallback done);
    // Whether a keychain is reachable (reads a key that is never written).
    void checkBackend(QObject *context, BackendCallback done);

    // Blocking variants for the command-line tool: each spins a local QEventLoop until the
    // keychain answers (which may include the system asking the user to unlock it). Never use
    // them from the GUI: the nested event loop re-enters the application.
    ReadResult readBlocking(const QString &profileName, SecretKind kind);
    bool writeBlocking(const QString &profileName, SecretKind kind, const QString &value,
                       QString *error = nullptr);
    bool removeBlocking(const QString &profileName, SecretKind kind, QString *error = nullptr);
    bool removeAllBlocking(const QString &profileName, QString *error = nullptr);
    Credentials loadBlocking(const Profile &profile, QString *error = nullptr);
    bool storeBlocking(const Profile &profile, const Credentials &credentials,
                       QString *error = nullptr);
    bool checkBackendBlocking(QString *error = nullptr);

private:
    QString m_service;
};

} // namespace VodConfirm
