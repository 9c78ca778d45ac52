#include "settings/credentialstore.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QMetaObject>
#include <QPointer>

#include <qt6keychain/keychain.h>

#include <algorithm>
#include <memory>
#include <optional>
#include <utility>

using namespace Qt::StringLiterals;

namespace VodConfirm {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(VodConfirm::CredentialStore)
};

enum class Operation { Read, Write, Remove };

// What one keychain job came to, in the terms the API reports.
struct Outcome
{
    bool ok = false;
    bool notFound = false;
    bool noBackend = false;
    QString error;
};

// QtKeychain reports a missing Secret Service (no D-Bus session, nothing providing
// org.freedesktop.secrets) through libsecret as OtherError with GLib's message; only
// NoBackendAvailable is explicit. These markers are in the messages GLib, libsecret and
// QtKeychain's KWallet path produce when there is no keychain to talk to.
bool meansNoBackend(QKeychain::Error error, const QString &detail)
{
    if (error == QKeychain::NoBackendAvailable || error == QKeychain::NotImplemented)
        return true;
    if (error != QKeychain::OtherError)
        return false;
    static const QStringList markers {
            u"D-Bus"_s,
            u"DBus"_s,
            u"autolaunch"_s,
            u"Could not connect"_s,
            u"org.freedesktop.secrets"_s,
            u"ServiceUnknown"_s,
            u"not provided by any .service"_s,
            u"kwallet"_s,
    };
    return std::any_of(markers.begin(), markers.end(),
                       [&](const QString &m) { return detail.contains(m, Qt::CaseInsensitive); });
}

// A keyring that exists but is locked, or whose default collection is missing and could not be
// created because nothing could ask the user.
bool meansLocked(QKeychain::Error error, const QString &detail)
{
    if (error == QKeychain::AccessDenied || error == QKeychain::AccessDeniedByUser)
        return true;
    return error == QKeychain::OtherError
            && (detail.contains(u"/org/freedesktop/secrets/collection/"_s)
                || detail.contains(u"locked"_s, Qt::CaseInsensitive));
}

Outcome outcome(const QKeychain::Job &job, Operation op, const QString &profileName,
                SecretKind kind, const QString &secret = {})
{
    const QKeychain::Error error = job.error();
    Outcome o;
    if (error == QKeychain::NoError) {
        o.ok = true;
        return o;
    }
    if (error == QKeychain::EntryNotFound) {
        if (op == Operation::Remove) { // already gone
            o.ok = true;
            return o;
        }
        o.notFound = true;
        o.error = Tr::tr("The %1 of profile “%2” is not stored in the system keychain.")
                          .arg(CredentialStore::kindName(kind), profileName);
        return o;
    }

    QString detail = job.errorString().trimmed();
    if (secret.size() >= 4) // the backends do not echo secrets; make sure of it
        detail.replace(secret, u"…"_s);
    if (detail.endsWith(u'.'))
        detail.chop(1);
    if (detail.isEmpty())
        detail = Tr::tr("no details given");

    if (meansNoBackend(error, detail)) {
        o.noBackend = true;
        o.error = Tr::tr("No system keychain is available (%1). Secrets for this profile cannot be "
                         "remembered; you will be asked for them each session.")
                          .arg(detail);
        return o;
    }
    if (meansLocked(error, detail)) {
        o.error = Tr::tr("The system keychain is locked or refused access (%1). Unlock it (for "
                         "example by logging in to the desktop again) and try again; until then "
                         "you "
                         "will be asked for secrets each session.")
                          .arg(detail);
        return o;
    }
    switch (op) {
    case Operation::Read:
        o.error = Tr::tr("The %1 of profile “%2” could not be read from the system keychain (%3).")
                          .arg(CredentialStore::kindName(kind), profileName, detail);
        break;
    case Operation::Write:
        o.error = Tr::tr("The %1 of profile “%2” could not be saved in the system keychain (%3).")
                          .arg(CredentialStore::kindName(kind), profileName, detail);
        break;
    case Operation::Remove:
        o.error = Tr::tr("The %1 of profile “%2” could not be removed from the system keychain "
                         "(%3).")
                          .arg(CredentialStore::kindName(kind), profileName, detail);
        break;
    }
    return o;
}

// Calls f in context's thread from its event loop, unless context is gone by then.
template<typename F> void deliver(const QPointer<QObject> &context, F f)
{
    if (!context)
        return;
    QMetaObject::invokeMethod(context.data(), std::move(f), Qt::QueuedConnection);
}

void startJob(QKeychain::Job *job, const QString &key, std::function<void(QKeychain::Job &)> done)
{
    job->setAutoDelete(true);
    job->setInsecureFallback(false); // never a plaintext file
    job->setKey(key);
    QObject::connect(job, &QKeychain::Job::finished, job,
                     [done = std::move(done)](QKeychain::Job *finished) { done(*finished); });
    job->start();
}

// Counts down parallel steps and reports the first failure once all have finished.
struct Batch
{
    int pending = 0;
    bool ok = true;
    QString error;

    void fail(const QString &message)
    {
        if (ok) {
            ok = false;
            error = message;
        }
    }
};

template<typename Result, typename Start> Result waitFor(Start start)
{
    QEventLoop loop;
    std::optional<Result> result;
    start(&loop, [&](Result r) {
        result = std::move(r);
        loop.quit();
    });
    if (!result)
        loop.exec();
    return std::move(*result);
}

} // namespace

CredentialStore::CredentialStore(QObject *parent) : CredentialStore(u"vodconfirm"_s, parent) { }

CredentialStore::CredentialStore(const QString &service, QObject *parent)
    : QObject(parent), m_service(service)
{ }

CredentialStore::~CredentialStore() = default;

QString CredentialStore::service() const
{
    return m_service;
}

QString CredentialStore::keyFor(const QString &profileName, SecretKind kind)
{
    switch (kind) {
    case SecretKind::SecretKey:
        return profileName + "/sk"_L1;
    case SecretKind::SecurityToken:
        return profileName + "/security-token"_L1;
    case SecretKind::Token:
        return profileName + "/token"_L1;
    case SecretKind::Password:
        return profileName + "/password"_L1;
    case SecretKind::ProxyPassword:
        return profileName + "/proxy-password"_L1;
    }
    return {};
}

QString CredentialStore::kindName(SecretKind kind)
{
    switch (kind) {
    case SecretKind::SecretKey:
        return Tr::tr("secret access key (SK)");
    case SecretKind::SecurityToken:
        return Tr::tr("security token");
    case SecretKind::Token:
        return Tr::tr("IAM token");
    case SecretKind::Password:
        return Tr::tr("password");
    case SecretKind::ProxyPassword:
        return Tr::tr("proxy password");
    }
    return {};
}

const QList<SecretKind> &CredentialStore::allKinds()
{
    static const QList<SecretKind> kinds {SecretKind::SecretKey, SecretKind::SecurityToken,
                                          SecretKind::Token, SecretKind::Password,
                                          SecretKind::ProxyPassword};
    return kinds;
}

QList<SecretKind> CredentialStore::requiredKinds(const Profile &profile)
{
    QList<SecretKind> kinds;
    switch (profile.authMode) {
    case AuthMode::AkSk:
        kinds = {SecretKind::SecretKey};
        if (profile.useSecurityToken)
            kinds.append(SecretKind::SecurityToken);
        break;
    case AuthMode::Token:
        kinds = {SecretKind::Token};
        break;
    case AuthMode::Password:
        kinds = {SecretKind::Password};
        break;
    }
    if (profile.proxyMode == ProxyMode::Manual && !profile.proxyUserName.trimmed().isEmpty())
        kinds.append(SecretKind::ProxyPassword);
    return kinds;
}

const QString &CredentialStore::secretOf(const Credentials &credentials, SecretKind kind)
{
    switch (kind) {
    case SecretKind::SecretKey:
        return credentials.secretKey;
    case SecretKind::SecurityToken:
        return credentials.securityToken;
    case SecretKind::Token:
        return credentials.token;
    case SecretKind::Password:
        return credentials.password;
    case SecretKind::ProxyPassword:
        break;
    }
    return credentials.proxyPassword;
}

QString &CredentialStore::secretOf(Credentials &credentials, SecretKind kind)
{
    return const_cast<QString &>(secretOf(std::as_const(credentials), kind));
}

void CredentialStore::write(const QString &profileName, SecretKind kind, const QString &value,
                            QObject *context, DoneCallback done)
{
    Q_ASSERT(context);
    auto *job = new QKeychain::WritePasswordJob(m_service, this);
    job->setTextData(value);
    startJob(job, keyFor(profileName, kind),
             [ctx = QPointer(context), done = std::move(done), profileName, kind,
              value](QKeychain::Job &j) {
                 const Outcome o = outcome(j, Operation::Write, profileName, kind, value);
                 deliver(ctx, [done, o] { done(o.ok, o.error); });
             });
}

void CredentialStore::read(const QString &profileName, SecretKind kind, QObject *context,
                           ReadCallback done)
{
    Q_ASSERT(context);
    auto *job = new QKeychain::ReadPasswordJob(m_service, this);
    startJob(job, keyFor(profileName, kind),
             [ctx = QPointer(context), done = std::move(done), profileName,
              kind](QKeychain::Job &j) {
                 const Outcome o = outcome(j, Operation::Read, profileName, kind);
                 ReadResult r;
                 r.ok = o.ok;
                 r.notFound = o.notFound;
                 r.noBackend = o.noBackend;
                 r.error = o.error;
                 if (o.ok)
                     r.value = static_cast<QKeychain::ReadPasswordJob &>(j).textData();
                 deliver(ctx, [done, r] { done(r); });
             });
}

void CredentialStore::remove(const QString &profileName, SecretKind kind, QObject *context,
                             DoneCallback done)
{
    Q_ASSERT(context);
    auto *job = new QKeychain::DeletePasswordJob(m_service, this);
    startJob(job, keyFor(profileName, kind),
             [ctx = QPointer(context), done = std::move(done), profileName,
              kind](QKeychain::Job &j) {
                 const Outcome o = outcome(j, Operation::Remove, profileName, kind);
                 deliver(ctx, [done, o] { done(o.ok, o.error); });
             });
}

void CredentialStore::removeAll(const QString &profileName, QObject *context, DoneCallback done)
{
    Q_ASSERT(context);
    auto batch = std::make_shared<Batch>();
    batch->pending = int(allKinds().size());
    const QPointer ctx(context);
    for (const SecretKind kind : allKinds()) {
        remove(profileName, kind, this, [batch, ctx, done](bool ok, const QString &error) {
            if (!ok)
                batch->fail(error);
            if (--batch->pending == 0)
                deliver(ctx, [done, batch] { done(batch->ok, batch->error); });
        });
    }
}

void CredentialStore::rename(const QString &from, const QString &to, QObject *context,
                             DoneCallback done)
{
    Q_ASSERT(context);
    const QPointer ctx(context);
    if (from == to) {
        deliver(ctx, [done] { done(true, {}); });
        return;
    }
    auto batch = std::make_shared<Batch>();
    batch->pending = int(allKinds().size());
    const auto finishOne = [batch, ctx, done](bool ok, const QString &error) {
        if (!ok)
            batch->fail(error);
        if (--batch->pending == 0)
            deliver(ctx, [done, batch] { done(batch->ok, batch->error); });
    };
    for (const SecretKind kind : allKinds()) {
        read(from, kind, this, [this, from, to, kind, finishOne](const ReadResult &r) {
            if (r.notFound) { // nothing to move; drop whatever "to" had of this kind
                remove(to, kind, this, finishOne);
            } else if (!r.ok) {
                finishOne(false, r.error);
            } else {
                write(to, kind, r.value, this,
                      [this, from, kind, finishOne](bool ok, const QString &error) {
                          if (!ok)
                              finishOne(false, error);
                          else
                              remove(from, kind, this, finishOne);
                      });
            }
        });
    }
}

void CredentialStore::load(const Profile &profile, QObject *context, LoadCallback done)
{
    Q_ASSERT(context);
    const QPointer ctx(context);
    auto creds = std::make_shared<Credentials>();
    creds->mode = profile.authMode;
    creds->accessKey = profile.accessKey.trimmed();
    creds->userName = profile.userName.trimmed();
    creds->accountName = profile.accountName.trimmed();

    const QList<SecretKind> kinds = requiredKinds(profile);
    if (!profile.rememberSecrets || kinds.isEmpty()) {
        deliver(ctx, [done, creds] { done(*creds, {}); });
        return;
    }
    auto batch = std::make_shared<Batch>();
    batch->pending = int(kinds.size());
    for (const SecretKind kind : kinds) {
        read(profile.name, kind, this, [batch, creds, kind, ctx, done](const ReadResult &r) {
            if (r.ok)
                secretOf(*creds, kind) = r.value;
            else if (!r.notFound)
                batch->fail(r.error);
            if (--batch->pending == 0)
                deliver(ctx, [done, creds, batch] { done(*creds, batch->error); });
        });
    }
}

void CredentialStore::store(const Profile &profile, const Credentials &credentials,
                            QObject *context, DoneCallback done)
{
    Q_ASSERT(context);
    if (!profile.rememberSecrets) {
        removeAll(profile.name, context, std::move(done));
        return;
    }
    const QPointer ctx(context);
    const QList<SecretKind> kinds = requiredKinds(profile);
    auto batch = std::make_shared<Batch>();
    batch->pending = int(allKinds().size());
    const auto finishOne = [batch, ctx, done](bool ok, const QString &error) {
        if (!ok)
            batch->fail(error);
        if (--batch->pending == 0)
            deliver(ctx, [done, batch] { done(batch->ok, batch->error); });
    };
    for (const SecretKind kind : allKinds()) {
        const QString value = secretOf(credentials, kind);
        if (kinds.contains(kind) && !value.isEmpty())
            write(profile.name, kind, value, this, finishOne);
        else
            remove(profile.name, kind, this, finishOne);
    }
}

void CredentialStore::checkBackend(QObject *context, BackendCallback done)
{
    Q_ASSERT(context);
    auto *job = new QKeychain::ReadPasswordJob(m_service, this);
    startJob(job, u".backend-check"_s, [ctx = QPointer(context), done](QKeychain::Job &j) {
        const Outcome o = outcome(j, Operation::Read, QString(), SecretKind::SecretKey);
        const bool usable = o.ok || o.notFound;
        const QString error = usable ? QString() : o.error;
        deliver(ctx, [done, usable, error] { done(usable, error); });
    });
}

// --- Blocking variants (command line only) ---

CredentialStore::ReadResult CredentialStore::readBlocking(const QString &profileName,
                                                          SecretKind kind)
{
    return waitFor<ReadResult>(
            [&](QObject *ctx, auto finish) { read(profileName, kind, ctx, finish); });
}

using OkError = std::pair<bool, QString>;

static bool unpack(const OkError &r, QString *error)
{
    if (error)
        *error = r.second;
    return r.first;
}

bool CredentialStore::writeBlocking(const QString &profileName, SecretKind kind,
                                    const QString &value, QString *error)
{
    return unpack(waitFor<OkError>([&](QObject *ctx, auto finish) {
                      write(profileName, kind, value, ctx, [finish](bool ok, const QString &e) {
                          finish({ok, e});
                      });
                  }),
                  error);
}

bool CredentialStore::removeBlocking(const QString &profileName, SecretKind kind, QString *error)
{
    return unpack(waitFor<OkError>([&](QObject *ctx, auto finish) {
                      remove(profileName, kind, ctx, [finish](bool ok, const QString &e) {
                          finish({ok, e});
                      });
                  }),
                  error);
}

bool CredentialStore::removeAllBlocking(const QString &profileName, QString *error)
{
    return unpack(waitFor<OkError>([&](QObject *ctx, auto finish) {
                      removeAll(profileName, ctx, [finish](bool ok, const QString &e) {
                          finish({ok, e});
                      });
                  }),
                  error);
}

Credentials CredentialStore::loadBlocking(const Profile &profile, QString *error)
{
    using Loaded = std::pair<Credentials, QString>;
    Loaded r = waitFor<Loaded>([&](QObject *ctx, auto finish) {
        load(profile, ctx, [finish](const Credentials &c, const QString &e) {
            finish(Loaded {c, e});
        });
    });
    if (error)
        *error = r.second;
    return r.first;
}

bool CredentialStore::storeBlocking(const Profile &profile, const Credentials &credentials,
                                    QString *error)
{
    return unpack(waitFor<OkError>([&](QObject *ctx, auto finish) {
                      store(profile, credentials, ctx, [finish](bool ok, const QString &e) {
                          finish({ok, e});
                      });
                  }),
                  error);
}

bool CredentialStore::checkBackendBlocking(QString *error)
{
    return unpack(waitFor<OkError>([&](QObject *ctx, auto finish) {
                      checkBackend(ctx, [finish](bool ok, const QString &e) { finish({ok, e}); });
                  }),
                  error);
}

} // namespace VodConfirm
