#include "storage/historystore.h"
#include "util/csv.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QLockFile>
#include <QLoggingCategory>
#include <QMutex>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QThread>
#include <QUuid>

#include <atomic>
#include <cerrno>
#include <utility>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace VodConfirm {

Q_LOGGING_CATEGORY(lcHistory, "vodconfirm.history")

// Writes waiting for the writer thread. Within one transaction the writer stores batch starts
// first, then journals, attempts and batch ends, so everything finds its batch row.
struct PendingWrites
{
    QList<BatchInfo> begins;
    QList<std::pair<QString, QList<JournalEntry>>> journals; // batch id, its assets in order
    QList<std::pair<QString, qint64>> finishes; // batch id, finished_at (ms since epoch UTC)
    struct Stop
    {
        QString batchId;
        qint64 stoppedAt; // ms since epoch UTC
        QString reason;
    };
    QList<Stop> stops;
    QList<HistoryRecord> records;
    struct Followed
    {
        QString batchId;
        QString assetId;
        QString state;
    };
    QList<Followed> followed; // after the records, so each finds its asset's row
    // The upload journal: new uploads first, then their steps and parts.
    QList<UploadRecord> uploads;
    struct UploadStep
    {
        QString uploadId;
        qint64 at; // ms since epoch UTC
        // Each set field replaces the stored one; unset fields are kept.
        std::optional<QString> assetId {}, videoUploadUrl {}, bucket {}, objectKey {},
                obsUploadId {};
        std::optional<UploadState> state {};
        std::optional<QString> lastError {};
    };
    QList<UploadStep> uploadSteps;
    QList<std::pair<QString, UploadPart>> uploadParts; // upload id, part
    quint64 uploadTicket = 0; // the newest upload journal write in here

    bool isEmpty() const
    {
        return begins.isEmpty() && journals.isEmpty() && finishes.isEmpty() && stops.isEmpty()
                && records.isEmpty() && followed.isEmpty() && uploads.isEmpty()
                && uploadSteps.isEmpty() && uploadParts.isEmpty();
    }
    void append(PendingWrites &&other)
    {
        begins += std::move(other.begins);
        journals += std::move(other.journals);
        finishes += std::move(other.finishes);
        stops += std::move(other.stops);
        records += std::move(other.records);
        followed += std::move(other.followed);
        uploads += std::move(other.uploads);
        uploadSteps += std::move(other.uploadSteps);
        uploadParts += std::move(other.uploadParts);
        uploadTicket = qMax(uploadTicket, other.uploadTicket);
    }
};

namespace {

// Schema history. Step N brings a version N-1 database to version N; open() runs the missing steps
// in one transaction. Never edit a released step: add a new one and bump SchemaVersion.
// Times are INTEGER milliseconds since the epoch, UTC.
const char *const SchemaV1[] = {
        R"(CREATE TABLE batches (
        id          TEXT PRIMARY KEY NOT NULL,
        started_at  INTEGER NOT NULL,
        finished_at INTEGER,
        profile     TEXT NOT NULL DEFAULT '',
        region      TEXT NOT NULL DEFAULT '',
        project_id  TEXT NOT NULL DEFAULT '',
        total       INTEGER NOT NULL DEFAULT 0))",
        R"(CREATE TABLE attempts (
        id            INTEGER PRIMARY KEY,
        batch_id      TEXT REFERENCES batches(id),
        time          INTEGER NOT NULL,
        profile       TEXT NOT NULL DEFAULT '',
        region        TEXT NOT NULL DEFAULT '',
        project_id    TEXT NOT NULL DEFAULT '',
        asset_id      TEXT NOT NULL,
        target_status TEXT NOT NULL DEFAULT '',
        outcome       TEXT NOT NULL DEFAULT '',
        http_status   INTEGER NOT NULL DEFAULT 0,
        error_code    TEXT NOT NULL DEFAULT '',
        error_message TEXT NOT NULL DEFAULT '',
        request_id    TEXT NOT NULL DEFAULT '',
        attempt       INTEGER NOT NULL DEFAULT 1,
        duration_ms   INTEGER NOT NULL DEFAULT 0))",
        "CREATE INDEX attempts_asset_time ON attempts(asset_id, time)",
        "CREATE INDEX attempts_time ON attempts(time)",
        "CREATE INDEX attempts_batch ON attempts(batch_id)",
};

// The batch journal: each batch's assets in order, written before its first request, as one
// value ("<asset id>\t<target status>\n" per asset, UTF-8): a 100k-asset batch is one row.
const char *const SchemaV2[] = {
        R"(CREATE TABLE batch_journal (
        batch_id TEXT PRIMARY KEY NOT NULL REFERENCES batches(id) ON DELETE CASCADE,
        assets   BLOB NOT NULL))",
};

QByteArray encodeJournal(const QList<JournalEntry> &assets)
{
    QByteArray bytes;
    bytes.reserve(assets.size() * 42);
    for (const JournalEntry &e : assets)
        bytes += e.assetId.toUtf8() + '\t' + e.targetStatus.toUtf8() + '\n';
    return bytes;
}

QList<JournalEntry> decodeJournal(const QByteArray &bytes)
{
    QList<JournalEntry> assets;
    assets.reserve(bytes.count('\n'));
    qsizetype start = 0;
    while (start < bytes.size()) {
        qsizetype end = bytes.indexOf('\n', start);
        if (end < 0)
            end = bytes.size();
        const QByteArrayView line = QByteArrayView(bytes).sliced(start, end - start);
        const qsizetype tab = line.indexOf('\t');
        if (tab > 0)
            assets.append({QString::fromUtf8(line.first(tab)),
                           QString::fromUtf8(line.sliced(tab + 1)),
                           {}});
        start = end + 1;
    }
    return assets;
}

// A batch that ended with a remainder to send (stopped, cancelled, signalled) stays unfinished and
// says when and why it stopped.
const char *const SchemaV3[] = {
        "ALTER TABLE batches ADD COLUMN stopped_at INTEGER",
        "ALTER TABLE batches ADD COLUMN stop_reason TEXT NOT NULL DEFAULT ''",
};

struct MigrationStep
{
    int version;
    const char *const *statements;
    size_t count;
};

// Following a confirmed asset (BatchRunner::Options::follow) ends at a state ("PUBLISHED",
// "TRANSCODE_SUCCEED" ...), stored on the asset's latest row of its batch.
const char *const SchemaV4[] = {
        "ALTER TABLE attempts ADD COLUMN followed_state TEXT NOT NULL DEFAULT ''",
};

// The upload journal (HistoryStore::beginUpload()): one row per file being uploaded, one per part
// OBS accepted. Text columns are NOT NULL with '' for "not known yet".
const char *const SchemaV5[] = {
        R"(CREATE TABLE uploads (
        id               TEXT PRIMARY KEY NOT NULL,
        batch_id         TEXT NOT NULL DEFAULT '',
        created_at       INTEGER NOT NULL,
        updated_at       INTEGER NOT NULL,
        profile          TEXT NOT NULL DEFAULT '',
        region           TEXT NOT NULL DEFAULT '',
        project_id       TEXT NOT NULL DEFAULT '',
        file_path        TEXT NOT NULL,
        file_size        INTEGER NOT NULL,
        file_mtime_ms    INTEGER NOT NULL,
        title            TEXT NOT NULL,
        video_type       TEXT NOT NULL,
        description      TEXT NOT NULL DEFAULT '',
        category_id      INTEGER,
        template_group   TEXT NOT NULL DEFAULT '',
        part_size        INTEGER NOT NULL,
        asset_id         TEXT NOT NULL DEFAULT '',
        video_upload_url TEXT NOT NULL DEFAULT '',
        bucket           TEXT NOT NULL DEFAULT '',
        object           TEXT NOT NULL DEFAULT '',
        obs_upload_id    TEXT NOT NULL DEFAULT '',
        state            TEXT NOT NULL,
        last_error       TEXT NOT NULL DEFAULT ''))",
        "CREATE INDEX uploads_state ON uploads(state, created_at)",
        R"(CREATE TABLE upload_parts (
        upload_id   TEXT NOT NULL REFERENCES uploads(id) ON DELETE CASCADE,
        part_number INTEGER NOT NULL,
        size        INTEGER NOT NULL,
        etag        TEXT NOT NULL,
        done_at     INTEGER NOT NULL,
        PRIMARY KEY (upload_id, part_number)) WITHOUT ROWID)",
};

const MigrationStep Migrations[] = {
        {1, SchemaV1, std::size(SchemaV1)}, {2, SchemaV2, std::size(SchemaV2)},
        {3, SchemaV3, std::size(SchemaV3)}, {4, SchemaV4, std::size(SchemaV4)},
        {5, SchemaV5, std::size(SchemaV5)},
};
static_assert(std::size(Migrations) == HistoryStore::SchemaVersion);

// Same order as csvColumns() and recordFromQuery().
constexpr auto SelectColumns = "id, batch_id, time, profile, region, project_id, asset_id, "
                               "target_status, outcome, http_status, error_code, error_message, "
                               "request_id, attempt, duration_ms, followed_state"_L1;

constexpr int BusyTimeoutMs = 5000;
constexpr int SqliteCorrupt = 11;
constexpr int SqliteNotADb = 26;

// SQLite's own words ("database or disk is full") when there are any, else Qt's.
QString sqlText(const QSqlError &e)
{
    return e.databaseText().isEmpty() ? e.driverText() : e.databaseText();
}

void setError(QString *error, const QString &message)
{
    if (error)
        *error = message;
}

QString nativePath(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

QString newConnectionName()
{
    static std::atomic<quint64> counter {0};
    return u"vodconfirm-history-%1"_s.arg(++counter);
}

// NOT NULL text columns: Qt binds a null QString as SQL NULL, so store "" instead.
QVariant text(const QString &s)
{
    return s.isNull() ? QVariant(QStringLiteral("")) : QVariant(s);
}

qint64 toMs(const QDateTime &t)
{
    return t.toMSecsSinceEpoch();
}

QDateTime fromMs(const QVariant &v)
{
    if (v.isNull())
        return {};
    return QDateTime::fromMSecsSinceEpoch(v.toLongLong(), Qt::UTC);
}

// synchronous=FULL: in WAL mode every commit is synced to the disk, so no committed row is lost
// to a crash, kill -9 or power cut. The writer commits in groups (FlushIntervalMs), so the sync
// costs one fsync per group, not per row.
// Readers keep SQLite's default 2 MiB page cache and read() calls: measured against a bigger
// cache and against mmap_size, both made the first count of a fresh connection 3x slower (every
// new cache or mapped page is a page fault) for a small gain on repeated scans.
const auto ConnectionPragmas = {"PRAGMA foreign_keys = ON"_L1, "PRAGMA synchronous = FULL"_L1};
// The writer's cache: 16 MiB, so inserts into the random-order asset id index stay in memory.
constexpr auto WriterCachePragma = "PRAGMA cache_size = -16384"_L1;

// Adds a connection `name` to `path` with the per-connection pragmas this store relies on
// (without them when `pragmas` is false: open() first reads the file before changing anything).
// The caller removes the connection (QSqlDatabase::removeDatabase) when done, also on failure.
bool openConnection(const QString &name, const QString &path, QString *sqlError,
                    bool pragmas = true)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
    db.setDatabaseName(path);
    db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=%1"_s.arg(BusyTimeoutMs));
    if (!db.open()) {
        *sqlError = sqlText(db.lastError());
        return false;
    }
    if (!pragmas)
        return true;
    QSqlQuery q(db);
    for (auto pragma : ConnectionPragmas) {
        if (!q.exec(pragma)) {
            *sqlError = sqlText(q.lastError());
            return false;
        }
    }
    return true;
}

HistoryRecord recordFromQuery(const QSqlQuery &q)
{
    HistoryRecord r;
    r.id = q.value(0).toLongLong();
    r.batchId = q.value(1).toString();
    r.time = fromMs(q.value(2));
    r.profile = q.value(3).toString();
    r.region = q.value(4).toString();
    r.projectId = q.value(5).toString();
    r.assetId = q.value(6).toString();
    r.targetStatus = q.value(7).toString();
    r.outcome = outcomeFromName(q.value(8).toString());
    r.httpStatus = q.value(9).toInt();
    r.errorCode = q.value(10).toString();
    r.errorMessage = q.value(11).toString();
    r.requestId = q.value(12).toString();
    r.attempt = q.value(13).toInt();
    r.durationMs = q.value(14).toLongLong();
    r.followedState = q.value(15).toString();
    return r;
}

BatchInfo batchFromQuery(const QSqlQuery &q)
{
    BatchInfo b;
    b.id = q.value(0).toString();
    b.startedAt = fromMs(q.value(1));
    b.finishedAt = fromMs(q.value(2));
    b.profile = q.value(3).toString();
    b.region = q.value(4).toString();
    b.projectId = q.value(5).toString();
    b.total = q.value(6).toInt();
    b.stoppedAt = fromMs(q.value(7));
    b.stopReason = q.value(8).toString();
    return b;
}

constexpr auto BatchColumns
        = "id, started_at, finished_at, profile, region, project_id, total, stopped_at, "
          "stop_reason"_L1;

// Only the owner may read or write the history and its claims: it names assets, projects and
// profiles. SQLite gives the WAL and shared-memory files the database file's mode.
constexpr QFile::Permissions OwnerOnly = QFile::ReadOwner | QFile::WriteOwner;

// Creates `path` empty with mode 0600 if it does not exist (SQLite takes an empty file as a new
// database), and narrows an existing one (and its -wal and -shm files) to 0600.
void restrictToOwner(const QString &path)
{
    const QByteArray native = QFile::encodeName(path);
    const int fd = ::open(native.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd >= 0) {
        ::close(fd);
        return;
    }
    for (const QString &file : {path, path + u"-wal"_s, path + u"-shm"_s}) {
        if (QFile::exists(file)
            && (QFile::permissions(file) & ~(OwnerOnly | QFile::ReadUser | QFile::WriteUser)))
            QFile::setPermissions(file, OwnerOnly);
    }
}

// Whether a live process holds the claim file at `path`: QLockFile's holder keeps an exclusive
// flock() on it for as long as it lives, whatever the file says.
bool claimFileHeld(const QString &path)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    const bool held = ::flock(fd, LOCK_EX | LOCK_NB) != 0 && errno == EWOULDBLOCK;
    ::close(fd); // also releases the probe's own lock
    return held;
}

QString claimFile(const QString &dbPath, const QString &batchId)
{
    return dbPath + u".batch-"_s + batchId + u".lock"_s;
}

QString escapeLike(const QString &s)
{
    QString out;
    out.reserve(s.size() + 2);
    for (QChar c : s) {
        if (c == u'\\' || c == u'%' || c == u'_')
            out += u'\\';
        out += c;
    }
    return out;
}

// GLOB is case-sensitive like asset ids and, with a literal prefix, uses the (asset_id, time)
// index. Its metacharacters are escaped by wrapping them in a character class.
QString escapeGlob(const QString &s)
{
    QString out;
    out.reserve(s.size() + 2);
    for (QChar c : s) {
        if (c == u'*' || c == u'?' || c == u'[') {
            out += u'[';
            out += c;
            out += u']';
        } else {
            out += c;
        }
    }
    return out;
}

struct Where
{
    QString sql; // "" or " WHERE ..."
    QVariantList binds;
};

Where whereClause(const HistoryStore::Filter &f, const HistoryRecord *after)
{
    QStringList parts;
    QVariantList binds;
    if (!f.assetId.isEmpty()) {
        if (f.assetIdPrefix) {
            parts << u"asset_id GLOB ?"_s;
            binds << QVariant(escapeGlob(f.assetId) + u'*');
        } else {
            parts << u"asset_id = ?"_s;
            binds << QVariant(f.assetId);
        }
    }
    if (!f.text.isEmpty()) {
        parts << u"(error_code LIKE ? ESCAPE '\\' OR error_message LIKE ? ESCAPE '\\' "
                 "OR request_id LIKE ? ESCAPE '\\')"_s;
        const QVariant pattern(u'%' + escapeLike(f.text) + u'%');
        binds << pattern << pattern << pattern;
    }
    if (f.outcome) {
        parts << u"outcome = ?"_s;
        binds << QVariant(QString(outcomeName(*f.outcome)));
    }
    if (!f.profile.isEmpty()) {
        parts << u"profile = ?"_s;
        binds << QVariant(f.profile);
    }
    if (!f.batchId.isEmpty()) {
        parts << u"batch_id = ?"_s;
        binds << QVariant(f.batchId);
    }
    if (f.from.isValid()) {
        parts << u"time >= ?"_s;
        binds << QVariant(toMs(f.from));
    }
    if (f.to.isValid()) {
        parts << u"time < ?"_s;
        binds << QVariant(toMs(f.to));
    }
    if (after) {
        // "time <= t" first, so SQLite seeks the time index instead of scanning it from the top.
        parts << u"time <= ? AND (time < ? OR id < ?)"_s;
        const qint64 t = toMs(after->time);
        binds << QVariant(t) << QVariant(t) << QVariant(after->id);
    }
    if (parts.isEmpty())
        return {};
    return {u" WHERE "_s + parts.join(u" AND "_s), binds};
}

bool prepareAndBind(QSqlQuery &q, const QString &sql, const QVariantList &binds, QString *error)
{
    if (!q.prepare(sql)) {
        setError(error, sqlText(q.lastError()));
        return false;
    }
    for (const QVariant &b : binds)
        q.addBindValue(b);
    return true;
}

// A batch's journal with the latest recorded outcome of each asset (see HistoryStore::journal()).
bool loadJournal(QSqlDatabase &db, const QString &batchId, QList<JournalEntry> *entries,
                 QString *error)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!prepareAndBind(q, u"SELECT assets FROM batch_journal WHERE batch_id = ?"_s, {batchId},
                        error))
        return false;
    if (!q.exec()) {
        setError(error, sqlText(q.lastError()));
        return false;
    }
    if (q.next())
        *entries = decodeJournal(q.value(0).toByteArray());
    QHash<QString, qsizetype> byAsset;
    byAsset.reserve(entries->size());
    for (qsizetype i = 0; i < entries->size(); ++i)
        byAsset.insert(entries->at(i).assetId, i);
    // The rows in insertion order: the last one seen per asset is the latest.
    if (!prepareAndBind(q,
                        u"SELECT asset_id, outcome FROM attempts WHERE batch_id = ?"
                        " ORDER BY id"_s,
                        {batchId}, error))
        return false;
    if (!q.exec()) {
        setError(error, sqlText(q.lastError()));
        return false;
    }
    while (q.next()) {
        const auto it = byAsset.constFind(q.value(0).toString());
        if (it != byAsset.cend())
            (*entries)[*it].lastOutcome = outcomeFromName(q.value(1).toString());
    }
    return true;
}

// Fills `out` for the assets `ids` of batch `batchId` (see BatchConflicts): confirmedIn only when
// `projectId` is set. `live` tells whether a live process holds a batch's claim.
bool findConflicts(QSqlDatabase &db, const QString &batchId, const QString &projectId,
                   const QStringList &ids, const std::function<bool(const QString &)> &live,
                   BatchConflicts *out, QString *error)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!projectId.isEmpty() && !ids.isEmpty()) {
        // One indexed lookup per asset inside SQLite, not one query per asset from here.
        if (!q.exec(u"CREATE TEMP TABLE IF NOT EXISTS wanted_assets"
                    " (asset_id TEXT PRIMARY KEY NOT NULL) WITHOUT ROWID"_s)
            || !q.exec(u"DELETE FROM wanted_assets"_s)) {
            setError(error, sqlText(q.lastError()));
            return false;
        }
        if (!q.prepare(u"INSERT OR IGNORE INTO wanted_assets VALUES (?)"_s)) {
            setError(error, sqlText(q.lastError()));
            return false;
        }
        // A QVariantList, not a QStringList: Qt's batch execution reads the list per row through
        // QVariant::toList(), which copies a QStringList whole every time (quadratic).
        QVariantList values;
        values.reserve(ids.size());
        for (const QString &id : ids)
            values.append(id);
        q.addBindValue(values);
        if (!q.execBatch()) {
            setError(error, sqlText(q.lastError()));
            return false;
        }
        if (!prepareAndBind(q,
                            u"SELECT w.asset_id, (SELECT a.batch_id FROM attempts a"
                            " WHERE a.asset_id = w.asset_id AND a.outcome = ?"
                            " AND a.project_id = ? AND a.batch_id IS NOT ?"
                            " ORDER BY a.time DESC LIMIT 1) FROM wanted_assets w"_s,
                            {QString(outcomeName(Outcome::Confirmed)), projectId, batchId}, error)
            || !q.exec()) {
            setError(error, sqlText(q.lastError()));
            return false;
        }
        while (q.next()) {
            if (!q.value(1).isNull())
                out->confirmedIn.insert(q.value(0).toString(), q.value(1).toString());
        }
        q.exec(u"DELETE FROM wanted_assets"_s);
    }

    if (!prepareAndBind(q, u"SELECT id FROM batches WHERE finished_at IS NULL AND id != ?"_s,
                        {batchId}, error)
        || !q.exec()) {
        setError(error, sqlText(q.lastError()));
        return false;
    }
    QStringList running;
    while (q.next()) {
        if (live(q.value(0).toString()))
            running.append(q.value(0).toString());
    }
    if (running.isEmpty())
        return true;
    const QSet<QString> wanted(ids.cbegin(), ids.cend());
    for (const QString &other : std::as_const(running)) {
        QList<JournalEntry> entries;
        if (!loadJournal(db, other, &entries, error))
            return false;
        for (const JournalEntry &e : std::as_const(entries)) {
            if (!isSettledOutcome(e.lastOutcome) && wanted.contains(e.assetId))
                out->heldBy.insert(e.assetId, other);
        }
    }
    return true;
}

// The new batch `batchId` takes the assets `ids` over from batches that stopped cleanly (stopped
// with a reason, so nothing of theirs was in flight) and that no live process runs: their
// unsettled entries (never sent, or not sent again) leave those batches' journals, and a batch
// left with nothing unsettled is finished, so it is no longer offered for resuming. Batches that
// ended without stopping (a crash) keep their assets: an attempt of theirs may have been in
// flight, and resuming them reads the state first. The ids of the finished batches go to
// *finished.
bool takeOverFromStopped(QSqlDatabase &db, const QString &batchId, const QStringList &ids,
                         const std::function<bool(const QString &)> &live, QStringList *finished,
                         QString *error)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!prepareAndBind(q,
                        u"SELECT id FROM batches WHERE finished_at IS NULL"
                        " AND stopped_at IS NOT NULL AND id != ?"_s,
                        {batchId}, error)
        || !q.exec()) {
        setError(error, sqlText(q.lastError()));
        return false;
    }
    QStringList stopped;
    while (q.next()) {
        if (!live(q.value(0).toString()))
            stopped.append(q.value(0).toString());
    }
    q.finish();
    if (stopped.isEmpty())
        return true;
    const QSet<QString> wanted(ids.cbegin(), ids.cend());
    for (const QString &other : std::as_const(stopped)) {
        QList<JournalEntry> entries;
        if (!loadJournal(db, other, &entries, error))
            return false;
        QList<JournalEntry> kept;
        bool unsettledLeft = false;
        for (const JournalEntry &e : std::as_const(entries)) {
            const bool settled = isSettledOutcome(e.lastOutcome);
            if (!settled && wanted.contains(e.assetId))
                continue; // the new batch's now
            unsettledLeft = unsettledLeft || !settled;
            kept.append(e);
        }
        if (kept.size() == entries.size())
            continue;
        const bool ok = unsettledLeft
                ? prepareAndBind(q, u"UPDATE batch_journal SET assets = ? WHERE batch_id = ?"_s,
                                 {encodeJournal(kept), other}, error)
                : prepareAndBind(q, u"UPDATE batches SET finished_at = ? WHERE id = ?"_s,
                                 {toMs(QDateTime::currentDateTimeUtc()), other}, error);
        if (!ok || !q.exec()) {
            setError(error, sqlText(q.lastError()));
            return false;
        }
        if (!unsettledLeft)
            finished->append(other);
    }
    return true;
}

// Gives the pages freed by a deletion back to the file system (the file is created with
// auto_vacuum = INCREMENTAL). Every step of PRAGMA incremental_vacuum frees one page, and Qt steps
// a statement without result columns only once per exec(), so it runs once per free page, in
// transactions of VacuumChunkPages pages so the writer thread gets in between.
bool releaseFreePages(QSqlDatabase &db, QString *error)
{
    constexpr int VacuumChunkPages = 2000;
    constexpr int AutoVacuumIncremental = 2;
    QSqlQuery q(db);
    auto scalar = [&](QLatin1StringView sql) {
        const int value = q.exec(sql) && q.next() ? q.value(0).toInt() : -1;
        q.finish();
        return value;
    };
    if (scalar("PRAGMA auto_vacuum"_L1) != AutoVacuumIncremental)
        return true; // a file from elsewhere: its free pages are reused by later inserts
    int freePages = scalar("PRAGMA freelist_count"_L1);
    while (freePages > 0) {
        if (!db.transaction()) {
            *error = sqlText(db.lastError());
            return false;
        }
        QSqlQuery vacuum(db);
        for (int i = 0; i < qMin(freePages, VacuumChunkPages); ++i) {
            if (!vacuum.exec(u"PRAGMA incremental_vacuum"_s)) {
                *error = sqlText(vacuum.lastError());
                db.rollback();
                return false;
            }
        }
        vacuum.finish();
        if (!db.commit()) {
            *error = sqlText(db.lastError());
            db.rollback();
            return false;
        }
        const int left = scalar("PRAGMA freelist_count"_L1);
        if (left < 0 || left >= freePages)
            break; // no progress: stop rather than spin
        freePages = left;
    }
    return true;
}

// RFC 4180: quote a field that holds a quote, comma, CR or LF; double the quotes inside.
} // namespace

// Owns the writing connection on its own thread; every write is one transaction.
class HistoryWriter final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryWriter)
public:
    HistoryWriter() = default;

    bool open(const QString &path, QString *sqlError)
    {
        m_name = newConnectionName();
        if (!openConnection(m_name, path, sqlError))
            return false;
        QSqlQuery q(QSqlDatabase::database(m_name, false));
        if (!q.exec(WriterCachePragma)) {
            *sqlError = sqlText(q.lastError());
            return false;
        }
        return true;
    }

    void close()
    {
        if (m_name.isEmpty())
            return;
        QSqlDatabase::removeDatabase(m_name);
        m_name.clear();
    }

    // Any thread. Queues `batch` for the writer thread; hand-overs that arrive while the writer is
    // busy are stored together in one transaction (group commit), which keeps a burst cheap.
    // flush() passes schedule = false because it drains right after, itself.
    void post(PendingWrites &&batch, bool schedule = true)
    {
        QMutexLocker lock(&m_mutex);
        m_inbox.append(std::move(batch));
        if (m_drainPosted || !schedule)
            return;
        m_drainPosted = true;
        QMetaObject::invokeMethod(
                this, [this] { drain(nullptr); }, Qt::QueuedConnection);
    }

    // Reads run inside a write transaction before its writes (see journalBatch()).
    using Precheck = std::function<bool(QSqlDatabase &, QString *sqlError)>;

    // Writer thread. Stores everything posted so far, plus what a failed write kept; `precheck`
    // runs first in the same transaction.
    bool drain(QString *error, const Precheck &precheck = {})
    {
        PendingWrites batch;
        {
            QMutexLocker lock(&m_mutex);
            batch = std::exchange(m_inbox, {});
            m_drainPosted = false;
        }
        return write(std::move(batch), error, precheck);
    }

    // Any thread: rows dropped for good, and rows kept for the next write.
    qint64 droppedRows() const { return m_droppedRows.load(); }
    qint64 retainedRows() const { return m_retainedRows.load(); }
    QString lastError() const
    {
        QMutexLocker lock(&m_mutex);
        return m_lastError;
    }
    // Any thread: the newest upload journal ticket stored.
    quint64 durableTicket() const { return m_durableTicket.load(); }

private:
    // Stores what was kept from a failed write plus `batch`. On failure keeps the rows for the next
    // call (up to MaxRetainedRows) and emits failed().
    bool write(PendingWrites batch, QString *error, const Precheck &precheck)
    {
        if (!m_retained.isEmpty()) {
            PendingWrites all = std::exchange(m_retained, {});
            all.append(std::move(batch));
            batch = std::move(all);
        }
        if (batch.isEmpty() && !precheck)
            return true;
        QString sqlError;
        if (store(batch, &sqlError, precheck)) {
            m_retainedRows = 0;
            if (batch.uploadTicket > m_durableTicket.load()) {
                m_durableTicket = batch.uploadTicket;
                emit durable(batch.uploadTicket);
            }
            return true;
        }

        const qsizetype rows = batch.records.size();
        const qsizetype dropped = qMax<qsizetype>(0, rows - HistoryStore::MaxRetainedRows);
        batch.records.remove(0, dropped);
        m_droppedRows += dropped;
        m_retainedRows = batch.records.size();
        {
            QMutexLocker lock(&m_mutex);
            m_lastError = sqlError;
        }
        m_retained = std::move(batch);
        QString message = rows == 0
                ? HistoryStore::tr("Could not save to the history: %1.").arg(sqlError)
                : HistoryStore::tr("Could not save %Ln attempt(s) to the history: %1.", nullptr,
                                   int(rows))
                          .arg(sqlError);
        message += u' ';
        message += dropped > 0 ? HistoryStore::tr("The oldest %Ln could not be kept and are lost.",
                                                  nullptr, int(dropped))
                               : HistoryStore::tr("They will be saved with the next write.");
        qCWarning(lcHistory).noquote() << message;
        setError(error, message);
        emit failed(message);
        return false;
    }

signals:
    void failed(const QString &message);
    void durable(quint64 ticket);

private:
    bool store(const PendingWrites &batch, QString *sqlError, const Precheck &precheck)
    {
        QSqlDatabase db = QSqlDatabase::database(m_name, false);
        // IMMEDIATE: the write lock is taken at the start, so what a precheck reads cannot change
        // (another process's batch) before this transaction's writes commit.
        QSqlQuery begin(db);
        if (!begin.exec(u"BEGIN IMMEDIATE"_s)) {
            *sqlError = sqlText(begin.lastError());
            return false;
        }
        bool ok = (!precheck || precheck(db, sqlError)) && storeInTransaction(db, batch, sqlError);
        if (ok && !db.commit()) {
            *sqlError = sqlText(db.lastError());
            ok = false;
        }
        if (!ok)
            db.rollback();
        return ok;
    }

    static bool storeInTransaction(QSqlDatabase &db, const PendingWrites &batch, QString *sqlError)
    {
        auto failedWith = [sqlError](const QSqlQuery &q) {
            *sqlError = sqlText(q.lastError());
            return false;
        };
        QSet<QString> batchIds;
        if (!batch.begins.isEmpty()) {
            QSqlQuery q(db);
            if (!q.prepare(
                        u"INSERT INTO batches (id, started_at, profile, region, project_id, total)"
                        " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET"
                        " started_at = excluded.started_at, profile = excluded.profile,"
                        " region = excluded.region, project_id = excluded.project_id,"
                        " total = excluded.total"_s))
                return failedWith(q);
            for (const BatchInfo &b : batch.begins) {
                q.bindValue(0, b.id);
                q.bindValue(1,
                            toMs(b.startedAt.isValid() ? b.startedAt
                                                       : QDateTime::currentDateTimeUtc()));
                q.bindValue(2, text(b.profile));
                q.bindValue(3, text(b.region));
                q.bindValue(4, text(b.projectId));
                q.bindValue(5, b.total);
                if (!q.exec())
                    return failedWith(q);
                batchIds.insert(b.id);
            }
        }
        if (!batch.journals.isEmpty()) {
            QSqlQuery q(db);
            if (!q.prepare(u"INSERT OR REPLACE INTO batch_journal (batch_id, assets)"
                           " VALUES (?, ?)"_s))
                return failedWith(q);
            for (const auto &[batchId, assets] : batch.journals) {
                q.bindValue(0, batchId);
                q.bindValue(1, encodeJournal(assets));
                if (!q.exec())
                    return failedWith(q);
            }
        }
        if (!batch.records.isEmpty()) {
            // An attempt whose batch was never begun still gets a (minimal) batch row, so the
            // foreign key never costs history.
            QSqlQuery implicit(db);
            if (!implicit.prepare(u"INSERT OR IGNORE INTO batches (id, started_at, profile, region,"
                                  " project_id) VALUES (?, ?, ?, ?, ?)"_s))
                return failedWith(implicit);
            QSqlQuery q(db);
            if (!q.prepare(u"INSERT INTO attempts (batch_id, time, profile, region, project_id,"
                           " asset_id, target_status, outcome, http_status, error_code,"
                           " error_message, request_id, attempt, duration_ms)"
                           " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s))
                return failedWith(q);
            for (const HistoryRecord &r : batch.records) {
                const qint64 time = toMs(r.time);
                if (!r.batchId.isEmpty() && !batchIds.contains(r.batchId)) {
                    implicit.bindValue(0, r.batchId);
                    implicit.bindValue(1, time);
                    implicit.bindValue(2, text(r.profile));
                    implicit.bindValue(3, text(r.region));
                    implicit.bindValue(4, text(r.projectId));
                    if (!implicit.exec())
                        return failedWith(implicit);
                    batchIds.insert(r.batchId);
                }
                q.bindValue(0, r.batchId.isEmpty() ? QVariant() : QVariant(r.batchId));
                q.bindValue(1, time);
                q.bindValue(2, text(r.profile));
                q.bindValue(3, text(r.region));
                q.bindValue(4, text(r.projectId));
                q.bindValue(5, text(r.assetId));
                q.bindValue(6, text(r.targetStatus));
                q.bindValue(7, QString(outcomeName(r.outcome)));
                q.bindValue(8, r.httpStatus);
                q.bindValue(9, text(r.errorCode));
                q.bindValue(10, text(r.errorMessage));
                q.bindValue(11, text(r.requestId));
                q.bindValue(12, r.attempt);
                q.bindValue(13, r.durationMs);
                if (!q.exec())
                    return failedWith(q);
            }
        }
        if (!batch.followed.isEmpty()) {
            QSqlQuery q(db);
            if (!q.prepare(u"UPDATE attempts SET followed_state = ? WHERE id = (SELECT id FROM"
                           " attempts WHERE batch_id = ? AND asset_id = ? ORDER BY id DESC"
                           " LIMIT 1)"_s))
                return failedWith(q);
            for (const PendingWrites::Followed &f : batch.followed) {
                q.bindValue(0, text(f.state));
                q.bindValue(1, f.batchId);
                q.bindValue(2, text(f.assetId));
                if (!q.exec())
                    return failedWith(q);
            }
        }
        if (!batch.stops.isEmpty()) {
            QSqlQuery q(db);
            if (!q.prepare(u"UPDATE batches SET stopped_at = ?, stop_reason = ? WHERE id = ?"_s))
                return failedWith(q);
            for (const PendingWrites::Stop &stop : batch.stops) {
                q.bindValue(0, stop.stoppedAt);
                q.bindValue(1, text(stop.reason));
                q.bindValue(2, stop.batchId);
                if (!q.exec())
                    return failedWith(q);
            }
        }
        if (!batch.finishes.isEmpty()) {
            QSqlQuery q(db);
            if (!q.prepare(u"UPDATE batches SET finished_at = ? WHERE id = ?"_s))
                return failedWith(q);
            for (const auto &[id, finishedAt] : batch.finishes) {
                q.bindValue(0, finishedAt);
                q.bindValue(1, id);
                if (!q.exec())
                    return failedWith(q);
            }
        }
        return storeUploads(db, batch, sqlError);
    }

    static bool storeUploads(QSqlDatabase &db, const PendingWrites &batch, QString *sqlError)
    {
        auto failedWith = [sqlError](const QSqlQuery &q) {
            *sqlError = sqlText(q.lastError());
            return false;
        };
        if (!batch.uploads.isEmpty()) {
            QSqlQuery q(db);
            if (!q.prepare(u"INSERT OR REPLACE INTO uploads (id, batch_id, created_at, updated_at,"
                           " profile, region, project_id, file_path, file_size, file_mtime_ms,"
                           " title, video_type, description, category_id, template_group,"
                           " part_size, asset_id, video_upload_url, bucket, object,"
                           " obs_upload_id, state, last_error) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?,"
                           " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s))
                return failedWith(q);
            for (const UploadRecord &u : batch.uploads) {
                const QVariantList values {u.id,
                                           text(u.batchId),
                                           toMs(u.createdAt),
                                           toMs(u.updatedAt),
                                           text(u.profile),
                                           text(u.region),
                                           text(u.projectId),
                                           u.filePath,
                                           u.fileSize,
                                           u.fileModifiedMs,
                                           u.title,
                                           u.videoType,
                                           text(u.description),
                                           u.categoryId ? QVariant(*u.categoryId) : QVariant(),
                                           text(u.templateGroup),
                                           u.partSize,
                                           text(u.assetId),
                                           text(u.videoUploadUrl),
                                           text(u.bucket),
                                           text(u.objectKey),
                                           text(u.obsUploadId),
                                           QString(uploadStateName(u.state)),
                                           text(u.lastError)};
                for (int i = 0; i < values.size(); ++i)
                    q.bindValue(i, values.at(i));
                if (!q.exec())
                    return failedWith(q);
            }
        }
        if (!batch.uploadSteps.isEmpty()) {
            QSqlQuery q(db);
            if (!q.prepare(u"UPDATE uploads SET updated_at = ?, asset_id = coalesce(?, asset_id),"
                           " video_upload_url = coalesce(?, video_upload_url),"
                           " bucket = coalesce(?, bucket), object = coalesce(?, object),"
                           " obs_upload_id = coalesce(?, obs_upload_id),"
                           " state = coalesce(?, state), last_error = coalesce(?, last_error)"
                           " WHERE id = ?"_s))
                return failedWith(q);
            auto opt = [](const std::optional<QString> &v) { return v ? text(*v) : QVariant(); };
            for (const PendingWrites::UploadStep &step : batch.uploadSteps) {
                q.bindValue(0, step.at);
                q.bindValue(1, opt(step.assetId));
                q.bindValue(2, opt(step.videoUploadUrl));
                q.bindValue(3, opt(step.bucket));
                q.bindValue(4, opt(step.objectKey));
                q.bindValue(5, opt(step.obsUploadId));
                q.bindValue(6,
                            step.state ? QVariant(QString(uploadStateName(*step.state)))
                                       : QVariant());
                q.bindValue(7, opt(step.lastError));
                q.bindValue(8, step.uploadId);
                if (!q.exec())
                    return failedWith(q);
            }
        }
        if (!batch.uploadParts.isEmpty()) {
            QSqlQuery q(db);
            // A part of an upload the file does not hold is dropped, not a failed write that
            // would be retried (and fail) forever.
            if (!q.prepare(u"INSERT OR REPLACE INTO upload_parts (upload_id, part_number, size,"
                           " etag, done_at) SELECT ?, ?, ?, ?, ?"
                           " WHERE EXISTS (SELECT 1 FROM uploads WHERE id = ?)"_s))
                return failedWith(q);
            const qint64 now = toMs(QDateTime::currentDateTimeUtc());
            for (const auto &[uploadId, part] : batch.uploadParts) {
                q.bindValue(0, uploadId);
                q.bindValue(1, part.number);
                q.bindValue(2, part.size);
                q.bindValue(3, part.etag);
                q.bindValue(4, now);
                q.bindValue(5, uploadId);
                if (!q.exec())
                    return failedWith(q);
            }
        }
        return true;
    }

    QString m_name;
    PendingWrites m_retained;
    std::atomic<qint64> m_droppedRows {0};
    std::atomic<qint64> m_retainedRows {0};
    std::atomic<quint64> m_durableTicket {0};
    mutable QMutex m_mutex; // guards m_inbox, m_drainPosted and m_lastError
    QString m_lastError; // SQLite's words for the last failed write
    PendingWrites m_inbox;
    bool m_drainPosted = false;
};

HistoryStore::HistoryStore(QObject *parent)
    : QObject(parent), m_pending(std::make_unique<PendingWrites>())
{
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(FlushIntervalMs);
    connect(&m_flushTimer, &QTimer::timeout, this, &HistoryStore::submit);
}

HistoryStore::~HistoryStore()
{
    close();
}

QString HistoryStore::defaultPath()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    if (dir.isEmpty() || !QDir().mkpath(dir))
        return {};
    return dir + u"/history.sqlite"_s;
}

bool HistoryStore::open(const QString &path, QString *error)
{
    close();
    if (path.isEmpty()) {
        setError(error, tr("No file name was given for the history database."));
        return false;
    }
    const QFileInfo info(path);
    const QString absolute = info.absoluteFilePath();
    if (!QDir().mkpath(info.absolutePath())) {
        setError(error,
                 tr("Cannot create the folder %1 for the history database.")
                         .arg(nativePath(info.absolutePath())));
        return false;
    }
    if (info.isDir()) {
        setError(error,
                 tr("Cannot open the history database %1: it is a folder.")
                         .arg(nativePath(absolute)));
        return false;
    }

    const QString cannotOpen = tr("Cannot open the history database %1: %2.");
    const QString damaged = tr(
            "The file %1 is damaged or is not a VOD Confirm history database (%2). It was left "
            "untouched; move it away to start a new history.");
    restrictToOwner(absolute);
    const QString name = newConnectionName();
    QString message;
    auto prepare = [&]() -> bool {
        QString sqlError;
        if (!openConnection(name, absolute, &sqlError, false)) {
            message = cannotOpen.arg(nativePath(absolute), sqlError);
            return false;
        }
        QSqlDatabase db = QSqlDatabase::database(name, false);
        QSqlQuery q(db);
        auto failedQuery = [&] {
            const QSqlError e = q.lastError();
            const int code = e.nativeErrorCode().toInt() & 0xff; // primary result code
            message = (code == SqliteNotADb || code == SqliteCorrupt)
                    ? damaged.arg(nativePath(absolute), sqlText(e))
                    : cannotOpen.arg(nativePath(absolute), sqlText(e));
            return false;
        };
        auto intPragma = [&](QLatin1StringView sql, int *value) {
            if (!q.exec(sql) || !q.next())
                return false;
            *value = q.value(0).toInt();
            return true;
        };

        // Read before writing anything, so a file we refuse stays byte-for-byte as it was.
        int version = 0;
        int appId = 0;
        int tables = 0;
        if (!intPragma("PRAGMA user_version"_L1, &version)
            || !intPragma("PRAGMA application_id"_L1, &appId)
            || !intPragma("SELECT count(*) FROM sqlite_master"_L1, &tables))
            return failedQuery();
        auto newerVersion = [&] {
            message = tr("The history database %1 was written by a newer version of VOD Confirm "
                         "(schema version %2; this version understands up to %3). It was left "
                         "untouched; update VOD Confirm or choose another history file.")
                              .arg(nativePath(absolute))
                              .arg(version)
                              .arg(SchemaVersion);
            return false;
        };
        if (version > SchemaVersion)
            return newerVersion();
        const bool ours = appId == ApplicationId || (appId == 0 && version == 0 && tables == 0);
        if (!ours) {
            message = damaged.arg(nativePath(absolute),
                                  tr("a different application id or unknown tables"));
            return false;
        }

        if (tables == 0 && !q.exec(u"PRAGMA auto_vacuum = INCREMENTAL"_s))
            return failedQuery();
        for (auto pragma : ConnectionPragmas) {
            if (!q.exec(pragma))
                return failedQuery();
        }
        if (!q.exec(u"PRAGMA journal_mode = WAL"_s))
            return failedQuery();
        if (q.next() && q.value(0).toString().compare("wal"_L1, Qt::CaseInsensitive) != 0) {
            qCWarning(lcHistory) << "The file system of" << absolute
                                 << "does not support WAL; using journal mode"
                                 << q.value(0).toString();
        }

        if (version < SchemaVersion) {
            // Another process may be creating or migrating the same file right now: take the
            // write lock first (waiting up to the busy timeout), then read the version again
            // under it, and migrate from what is there then (nothing, if the other did it).
            if (!q.exec(u"BEGIN IMMEDIATE"_s))
                return failedQuery();
            auto rollback = [&] {
                failedQuery();
                QSqlQuery(db).exec(u"ROLLBACK"_s);
                return false;
            };
            const int seen = version;
            if (!intPragma("PRAGMA user_version"_L1, &version))
                return rollback();
            if (version > SchemaVersion) {
                QSqlQuery(db).exec(u"ROLLBACK"_s);
                return newerVersion();
            }
            for (const MigrationStep &step : Migrations) {
                if (step.version <= version)
                    continue;
                for (size_t i = 0; i < step.count; ++i) {
                    if (!q.exec(QString::fromUtf8(step.statements[i])))
                        return rollback();
                }
            }
            if (!q.exec(u"PRAGMA application_id = %1"_s.arg(ApplicationId))
                || !q.exec(u"PRAGMA user_version = %1"_s.arg(SchemaVersion))
                || !q.exec(u"COMMIT"_s))
                return rollback();
            if (version != seen)
                qCInfo(lcHistory) << absolute << "was set up by another process meanwhile";
            else if (version > 0)
                qCInfo(lcHistory) << "Migrated" << absolute << "from schema" << version << "to"
                                  << SchemaVersion;
        }

        if (!q.exec(u"SELECT count(*) FROM sqlite_master WHERE type = 'table'"
                    " AND name IN ('attempts', 'batches', 'batch_journal', 'uploads',"
                    " 'upload_parts')"_s)
            || !q.next())
            return failedQuery();
        if (q.value(0).toInt() != 5) {
            message = damaged.arg(nativePath(absolute), tr("tables are missing"));
            return false;
        }
        return true;
    };
    if (!prepare()) {
        QSqlDatabase::removeDatabase(name);
        setError(error, message);
        return false;
    }

    auto *writer = new HistoryWriter;
    auto *thread = new QThread;
    thread->setObjectName(u"history-writer"_s);
    writer->moveToThread(thread);
    thread->start();
    bool writerOk = false;
    QString sqlError;
    QMetaObject::invokeMethod(
            writer, [&] { writerOk = writer->open(absolute, &sqlError); },
            Qt::BlockingQueuedConnection);
    if (!writerOk) {
        QMetaObject::invokeMethod(
                writer, [writer] { writer->close(); }, Qt::BlockingQueuedConnection);
        thread->quit();
        thread->wait();
        delete writer;
        delete thread;
        QSqlDatabase::removeDatabase(name);
        setError(error, cannotOpen.arg(nativePath(absolute), sqlError));
        return false;
    }
    connect(writer, &HistoryWriter::failed, this, &HistoryStore::writeFailed);
    connect(writer, &HistoryWriter::durable, this, &HistoryStore::uploadWritesDurable);
    m_writer = writer;
    m_writerThread = thread;
    m_connectionName = name;
    m_path = absolute;
    m_open = true;
    return true;
}

void HistoryStore::close()
{
    if (!m_open)
        return;
    flush();
    m_claims.clear();
    QMetaObject::invokeMethod(
            m_writer, [writer = m_writer] { writer->close(); }, Qt::BlockingQueuedConnection);
    m_writerThread->quit();
    m_writerThread->wait();
    delete m_writer;
    delete m_writerThread;
    m_writer = nullptr;
    m_writerThread = nullptr;
    QSqlDatabase::removeDatabase(m_connectionName);
    m_connectionName.clear();
    m_open = false;
}

bool HistoryStore::journalBatch(const BatchInfo &batch, const QList<JournalEntry> &assets,
                                QString *error, BatchConflicts *conflicts)
{
    Q_ASSERT(QThread::currentThread() == thread());
    if (!m_open) {
        setError(error, tr("the history database is not open"));
        return false;
    }
    m_pending->begins.append(batch);
    m_pending->journals.append({batch.id, assets});
    if (!conflicts)
        return flush(error);

    QStringList ids;
    ids.reserve(assets.size());
    for (const JournalEntry &e : assets)
        ids.append(e.assetId);
    const auto live = [this](const QString &id) { return claimHeld(id); };
    HistoryWriter::Precheck precheck = [&](QSqlDatabase &db, QString *sqlError) {
        BatchConflicts found;
        if (!findConflicts(db, batch.id, batch.projectId, ids, live, &found, sqlError)
            || !takeOverFromStopped(db, batch.id, ids, live, &found.takenFrom, sqlError))
            return false;
        *conflicts = std::move(found);
        return true;
    };
    m_flushTimer.stop();
    m_writer->post(std::exchange(*m_pending, {}), false);
    m_pendingRows = 0;
    bool ok = false;
    QString message;
    QMetaObject::invokeMethod(
            m_writer, [&] { ok = m_writer->drain(&message, precheck); },
            Qt::BlockingQueuedConnection);
    if (!ok)
        setError(error, message);
    return ok;
}

BatchConflicts HistoryStore::heldElsewhere(const QString &batchId, const QStringList &assetIds,
                                           QString *error) const
{
    Q_ASSERT(QThread::currentThread() == thread());
    BatchConflicts found;
    const auto live = [this](const QString &id) { return claimHeld(id); };
    withConnection(
            [&](QSqlDatabase &db) {
                return findConflicts(db, batchId, {}, assetIds, live, &found, error);
            },
            error);
    return found;
}

void HistoryStore::recordFollowed(const QString &batchId, const QString &assetId,
                                  const QString &state)
{
    Q_ASSERT(QThread::currentThread() == thread());
    if (!m_open)
        return;
    m_pending->followed.append({batchId, assetId, state});
    if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

QString HistoryStore::newUploadId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

HistoryStore::UploadTicket HistoryStore::queueUploadWrite(
        const std::function<void(PendingWrites &)> &add)
{
    Q_ASSERT(QThread::currentThread() == thread());
    if (!m_open) {
        qCWarning(lcHistory) << "Upload journal write on a closed history store; ignored";
        return 0;
    }
    add(*m_pending);
    m_pending->uploadTicket = ++m_lastTicket;
    submit(); // now, not after FlushIntervalMs: the next network step waits for it
    return m_lastTicket;
}

HistoryStore::UploadTicket HistoryStore::beginUpload(const UploadRecord &upload)
{
    UploadRecord u = upload;
    u.parts.clear();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (!u.createdAt.isValid())
        u.createdAt = now;
    if (!u.updatedAt.isValid())
        u.updatedAt = u.createdAt;
    if (const QString problem = uploadProblem(u); !problem.isEmpty()) {
        qCWarning(lcHistory).noquote() << "Upload not journaled:" << problem;
        return 0;
    }
    return queueUploadWrite([&](PendingWrites &p) { p.uploads.append(std::move(u)); });
}

HistoryStore::UploadTicket HistoryStore::recordAssetCreated(const QString &uploadId,
                                                            const QString &assetId,
                                                            const QString &videoUploadUrl,
                                                            const QString &bucket,
                                                            const QString &objectKey)
{
    return queueUploadWrite([&](PendingWrites &p) {
        PendingWrites::UploadStep step {uploadId, toMs(QDateTime::currentDateTimeUtc())};
        step.assetId = assetId;
        step.videoUploadUrl = videoUploadUrl;
        step.bucket = bucket;
        step.objectKey = objectKey;
        step.state = UploadState::Created;
        p.uploadSteps.append(std::move(step));
    });
}

HistoryStore::UploadTicket HistoryStore::recordMultipartStarted(const QString &uploadId,
                                                                const QString &obsUploadId)
{
    return queueUploadWrite([&](PendingWrites &p) {
        PendingWrites::UploadStep step {uploadId, toMs(QDateTime::currentDateTimeUtc())};
        step.obsUploadId = obsUploadId;
        step.state = UploadState::Uploading;
        p.uploadSteps.append(std::move(step));
    });
}

HistoryStore::UploadTicket HistoryStore::recordPartDone(const QString &uploadId,
                                                        const UploadPart &part)
{
    if (part.number < 1 || part.number > UploadLimits::MaxParts || part.size < 1
        || part.size > UploadLimits::MaxPartSize || !isValidEtag(part.etag)) {
        qCWarning(lcHistory) << "Part" << part.number << "of upload" << uploadId
                             << "not journaled: out of range or invalid ETag";
        return 0;
    }
    return queueUploadWrite([&](PendingWrites &p) { p.uploadParts.append({uploadId, part}); });
}

HistoryStore::UploadTicket HistoryStore::recordUploadState(const QString &uploadId,
                                                           UploadState state,
                                                           const QString &lastError)
{
    if (state == UploadState::Unknown)
        return 0;
    return queueUploadWrite([&](PendingWrites &p) {
        PendingWrites::UploadStep step {uploadId, toMs(QDateTime::currentDateTimeUtc())};
        step.state = state;
        step.lastError = lastError;
        p.uploadSteps.append(std::move(step));
    });
}

bool HistoryStore::isDurable(UploadTicket ticket) const
{
    return ticket > 0 && m_writer && m_writer->durableTicket() >= ticket;
}

bool HistoryStore::waitDurable(UploadTicket ticket, QString *error)
{
    if (ticket == 0 || ticket > m_lastTicket) {
        setError(error, tr("The upload step was not recorded in the history."));
        return false;
    }
    if (isDurable(ticket))
        return true;
    return flush(error) && isDurable(ticket);
}

void HistoryStore::stopBatch(const QString &batchId, const QDateTime &stoppedAt,
                             const QString &reason)
{
    Q_ASSERT(QThread::currentThread() == thread());
    if (!m_open)
        return;
    const QDateTime t = stoppedAt.isValid() ? stoppedAt : QDateTime::currentDateTimeUtc();
    m_pending->stops.append({batchId, toMs(t), reason});
    if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

qint64 HistoryStore::rowsNotSaved() const
{
    return m_writer ? m_writer->droppedRows() + m_writer->retainedRows() : 0;
}

QString HistoryStore::lastWriteError() const
{
    return m_writer ? m_writer->lastError() : QString();
}

void HistoryStore::finishBatch(const QString &batchId, const QDateTime &finishedAt)
{
    Q_ASSERT(QThread::currentThread() == thread());
    if (!m_open) {
        qCWarning(lcHistory) << "finishBatch() on a closed history store; ignored";
        return;
    }
    const QDateTime t = finishedAt.isValid() ? finishedAt : QDateTime::currentDateTimeUtc();
    m_pending->finishes.append({batchId, toMs(t)});
    if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

void HistoryStore::append(const HistoryRecord &record)
{
    Q_ASSERT(QThread::currentThread() == thread());
    if (!m_open) {
        qCWarning(lcHistory) << "append() on a closed history store; ignored";
        return;
    }
    m_pending->records.append(record);
    if (!record.time.isValid())
        m_pending->records.last().time = QDateTime::currentDateTimeUtc();
    if (++m_pendingRows >= FlushThreshold)
        submit();
    else if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

// Hands the queue to the writer thread without waiting.
void HistoryStore::submit()
{
    m_flushTimer.stop();
    if (!m_open || m_pending->isEmpty())
        return;
    PendingWrites batch = std::exchange(*m_pending, {});
    m_pendingRows = 0;
    m_writer->post(std::move(batch));
}

bool HistoryStore::flush(QString *error)
{
    Q_ASSERT(QThread::currentThread() == thread());
    m_flushTimer.stop();
    if (!m_open)
        return m_pending->isEmpty();
    m_writer->post(std::exchange(*m_pending, {}), false);
    m_pendingRows = 0;
    bool ok = false;
    QString message;
    // Everything handed over before is in the inbox or already stored: drain and wait.
    QMetaObject::invokeMethod(
            m_writer, [&] { ok = m_writer->drain(&message); }, Qt::BlockingQueuedConnection);
    if (!ok)
        setError(error, message);
    return ok;
}

bool HistoryStore::withConnection(const std::function<bool(QSqlDatabase &)> &work,
                                  QString *error) const
{
    if (!m_open) {
        setError(error, tr("the history database is not open"));
        return false;
    }
    if (QThread::currentThread() == thread()) {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        return work(db);
    }
    // Another thread: a private connection for this call (a QSqlDatabase belongs to one thread).
    const QString name = newConnectionName();
    bool ok = false;
    {
        QString sqlError;
        if (!openConnection(name, m_path, &sqlError)) {
            setError(error,
                     tr("Cannot open the history database %1: %2.")
                             .arg(nativePath(m_path), sqlError));
        } else {
            QSqlDatabase db = QSqlDatabase::database(name, false);
            ok = work(db);
        }
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

QList<HistoryRecord> HistoryStore::select(const Filter &filter, const HistoryRecord *after,
                                          int limit, int offset, QString *error) const
{
    QList<HistoryRecord> rows;
    withConnection(
            [&](QSqlDatabase &db) {
                const Where where = whereClause(filter, after);
                QString sql = u"SELECT "_s + SelectColumns + u" FROM attempts"_s + where.sql
                        + u" ORDER BY time DESC, id DESC"_s;
                QVariantList binds = where.binds;
                if (limit > 0 || offset > 0) {
                    sql += u" LIMIT ? OFFSET ?"_s;
                    binds << QVariant(limit > 0 ? limit : -1) << QVariant(qMax(0, offset));
                }
                QSqlQuery q(db);
                q.setForwardOnly(true);
                if (!prepareAndBind(q, sql, binds, error))
                    return false;
                if (!q.exec()) {
                    setError(error, sqlText(q.lastError()));
                    return false;
                }
                if (limit > 0)
                    rows.reserve(limit);
                while (q.next())
                    rows.append(recordFromQuery(q));
                if (q.lastError().isValid()) {
                    setError(error, sqlText(q.lastError()));
                    rows.clear();
                    return false;
                }
                return true;
            },
            error);
    return rows;
}

QList<HistoryRecord> HistoryStore::find(const Filter &filter, int limit, int offset,
                                        QString *error) const
{
    return select(filter, nullptr, limit, offset, error);
}

QList<HistoryRecord> HistoryStore::findAfter(const Filter &filter, const HistoryRecord &last,
                                             int limit, QString *error) const
{
    return select(filter, &last, limit, 0, error);
}

qint64 HistoryStore::count(const Filter &filter, QString *error) const
{
    qint64 n = -1;
    withConnection(
            [&](QSqlDatabase &db) {
                const Where where = whereClause(filter, nullptr);
                QSqlQuery q(db);
                if (!prepareAndBind(q, u"SELECT count(*) FROM attempts"_s + where.sql, where.binds,
                                    error))
                    return false;
                if (!q.exec() || !q.next()) {
                    setError(error, sqlText(q.lastError()));
                    return false;
                }
                n = q.value(0).toLongLong();
                return true;
            },
            error);
    return n;
}

QStringList HistoryStore::queryPlan(const Filter &filter) const
{
    QStringList plan;
    withConnection(
            [&](QSqlDatabase &db) {
                const Where where = whereClause(filter, nullptr);
                QSqlQuery q(db);
                if (!prepareAndBind(q,
                                    u"EXPLAIN QUERY PLAN SELECT "_s + SelectColumns
                                            + u" FROM attempts"_s + where.sql
                                            + u" ORDER BY time DESC, id DESC LIMIT 100"_s,
                                    where.binds, nullptr)
                    || !q.exec())
                    return false;
                while (q.next())
                    plan << q.value(3).toString();
                return true;
            },
            nullptr);
    return plan;
}

std::optional<BatchInfo> HistoryStore::batch(const QString &id) const
{
    std::optional<BatchInfo> result;
    withConnection(
            [&](QSqlDatabase &db) {
                QSqlQuery q(db);
                if (!q.prepare(u"SELECT "_s + BatchColumns + u" FROM batches WHERE id = ?"_s))
                    return false;
                q.addBindValue(id);
                if (!q.exec())
                    return false;
                if (q.next())
                    result = batchFromQuery(q);
                return true;
            },
            nullptr);
    return result;
}

QList<BatchInfo> HistoryStore::unfinishedBatches() const
{
    QList<BatchInfo> result;
    withConnection(
            [&](QSqlDatabase &db) {
                QSqlQuery q(db);
                if (!q.exec(u"SELECT "_s + BatchColumns
                            + u" FROM batches WHERE finished_at IS NULL ORDER BY started_at"_s))
                    return false;
                while (q.next())
                    result.append(batchFromQuery(q));
                return true;
            },
            nullptr);
    for (BatchInfo &b : result)
        b.running = claimHeld(b.id);
    return result;
}

QList<JournalEntry> HistoryStore::journal(const QString &batchId, QString *error) const
{
    QList<JournalEntry> entries;
    withConnection([&](QSqlDatabase &db) { return loadJournal(db, batchId, &entries, error); },
                   error);
    return entries;
}

namespace {

constexpr auto UploadColumns
        = "id, batch_id, created_at, updated_at, profile, region, project_id, file_path, "
          "file_size, file_mtime_ms, title, video_type, description, category_id, "
          "template_group, part_size, asset_id, video_upload_url, bucket, object, "
          "obs_upload_id, state, last_error"_L1;

// A row as it is; uploadProblem() decides whether it is usable. Integers that are not integers
// read as 0 (and are refused there).
UploadRecord uploadFromQuery(const QSqlQuery &q)
{
    auto integer = [&](int i) {
        const QVariant v = q.value(i);
        return v.typeId() == QMetaType::LongLong || v.typeId() == QMetaType::Int ? v.toLongLong()
                                                                                 : qint64(0);
    };
    UploadRecord u;
    u.id = q.value(0).toString();
    u.batchId = q.value(1).toString();
    u.createdAt = fromMs(q.value(2));
    u.updatedAt = fromMs(q.value(3));
    u.profile = q.value(4).toString();
    u.region = q.value(5).toString();
    u.projectId = q.value(6).toString();
    u.filePath = q.value(7).toString();
    u.fileSize = integer(8);
    u.fileModifiedMs = integer(9);
    u.title = q.value(10).toString();
    u.videoType = q.value(11).toString();
    u.description = q.value(12).toString();
    if (!q.value(13).isNull())
        u.categoryId = integer(13);
    u.templateGroup = q.value(14).toString();
    u.partSize = integer(15);
    u.assetId = q.value(16).toString();
    u.videoUploadUrl = q.value(17).toString();
    u.bucket = q.value(18).toString();
    u.objectKey = q.value(19).toString();
    u.obsUploadId = q.value(20).toString();
    u.state = uploadStateFromName(q.value(21).toString());
    u.lastError = q.value(22).toString();
    return u;
}

QString damagedUpload(const QString &id, const QString &problem)
{
    return HistoryStore::tr("The history's record of upload %1 is damaged (%2); it is not used.")
            .arg(id.left(64), problem);
}

} // namespace

std::optional<UploadRecord> HistoryStore::upload(const QString &id, QString *error) const
{
    std::optional<UploadRecord> result;
    const bool ok = withConnection(
            [&](QSqlDatabase &db) {
                QSqlQuery q(db);
                q.setForwardOnly(true);
                if (!prepareAndBind(q,
                                    u"SELECT "_s + UploadColumns + u" FROM uploads WHERE id = ?"_s,
                                    {id}, error)
                    || !q.exec()) {
                    setError(error, sqlText(q.lastError()));
                    return false;
                }
                if (!q.next()) {
                    setError(error, tr("The history has no upload %1.").arg(id.left(64)));
                    return false;
                }
                UploadRecord u = uploadFromQuery(q);
                if (const QString problem = uploadProblem(u); !problem.isEmpty()) {
                    setError(error, damagedUpload(id, problem));
                    return false;
                }
                // One more than allowed, to tell "too many" from "all of them".
                if (!prepareAndBind(q,
                                    u"SELECT part_number, size, etag FROM upload_parts"
                                    " WHERE upload_id = ? ORDER BY part_number LIMIT ?"_s,
                                    {id, UploadLimits::MaxParts + 1}, error)
                    || !q.exec()) {
                    setError(error, sqlText(q.lastError()));
                    return false;
                }
                while (q.next()) {
                    const QVariant number = q.value(0);
                    const QVariant size = q.value(1);
                    const QVariant etag = q.value(2);
                    if (u.parts.size() >= UploadLimits::MaxParts
                        || number.typeId() != QMetaType::LongLong
                        || size.typeId() != QMetaType::LongLong
                        || etag.typeId() != QMetaType::QString) {
                        setError(error, damagedUpload(id, tr("a part record is not valid")));
                        return false;
                    }
                    const qint64 n = number.toLongLong();
                    UploadPart part {n >= 1 && n <= UploadLimits::MaxParts ? int(n) : 0,
                                     size.toLongLong(), etag.toString()};
                    if (const QString problem = uploadPartProblem(u, part); !problem.isEmpty()) {
                        setError(error, damagedUpload(id, problem));
                        return false;
                    }
                    u.parts.append(std::move(part));
                }
                result = std::move(u);
                return true;
            },
            error);
    if (!ok)
        return std::nullopt;
    result->running
            = claimHeld(result->id) || (!result->batchId.isEmpty() && claimHeld(result->batchId));
    return result;
}

QList<UploadRecord> HistoryStore::unfinishedUploads(QString *error) const
{
    QList<UploadRecord> result;
    QStringList damaged;
    withConnection(
            [&](QSqlDatabase &db) {
                QSqlQuery q(db);
                q.setForwardOnly(true);
                QVariantList finished;
                for (UploadState s :
                     {UploadState::Confirmed, UploadState::Failed, UploadState::Cancelled})
                    finished.append(QString(uploadStateName(s)));
                if (!prepareAndBind(q,
                                    u"SELECT "_s + UploadColumns
                                            + u" FROM uploads WHERE state NOT IN (?, ?, ?)"
                                              " ORDER BY created_at, id LIMIT ?"_s,
                                    finished + QVariantList {MaxUnfinishedUploads}, error)
                    || !q.exec()) {
                    setError(error, sqlText(q.lastError()));
                    return false;
                }
                while (q.next()) {
                    UploadRecord u = uploadFromQuery(q);
                    if (const QString problem = uploadProblem(u); !problem.isEmpty())
                        damaged.append(damagedUpload(u.id, problem));
                    else
                        result.append(std::move(u));
                }
                return true;
            },
            error);
    for (UploadRecord &u : result)
        u.running = claimHeld(u.id) || (!u.batchId.isEmpty() && claimHeld(u.batchId));
    if (!damaged.isEmpty()) {
        qCWarning(lcHistory).noquote() << damaged.join(u'\n');
        setError(error, damaged.join(u'\n'));
    }
    return result;
}

QString HistoryStore::claimPath(const QString &batchId) const
{
    return claimFile(m_path, batchId);
}

bool HistoryStore::claimHeld(const QString &batchId) const
{
    return m_claims.count(batchId) > 0 || claimFileHeld(claimPath(batchId));
}

bool HistoryStore::claimBatch(const QString &batchId, QString *error)
{
    Q_ASSERT(QThread::currentThread() == thread());
    static const QRegularExpression idPattern(u"^[0-9A-Za-z-]{1,64}$"_s);
    if (!m_open || !idPattern.match(batchId).hasMatch()) {
        setError(error, tr("“%1” is not a batch id.").arg(batchId.left(64)));
        return false;
    }
    if (m_claims.count(batchId))
        return true;
    const QString path = claimPath(batchId);
    auto lock = std::make_unique<QLockFile>(path);
    lock->setStaleLockTime(0); // QLockFile's own rule: stale only when its process is gone
    bool locked = lock->tryLock(0);
    // A file no live process holds is stale whatever it says: an empty or damaged file (a power
    // cut during its creation), or a process id that now belongs to another program. Qt removes
    // it only while it can take the file's flock itself, so a live holder is never robbed.
    if (!locked && lock->error() == QLockFile::LockFailedError && !claimFileHeld(path))
        locked = lock->removeStaleLockFile() && lock->tryLock(0);
    if (!locked) {
        qint64 pid = 0;
        QString host, app;
        if (lock->error() == QLockFile::LockFailedError) {
            setError(error,
                     lock->getLockInfo(&pid, &host, &app)
                             ? tr("Batch %1 is being run by another VOD Confirm process right "
                                  "now (process %2; lock file %3).")
                                       .arg(batchId)
                                       .arg(pid)
                                       .arg(nativePath(path))
                             : tr("Batch %1 is being run by another VOD Confirm process right "
                                  "now (lock file %2).")
                                       .arg(batchId, nativePath(path)));
        } else {
            setError(error,
                     tr("Cannot create the lock file %1 for batch %2 (check the folder's "
                        "permissions).")
                             .arg(nativePath(path), batchId));
        }
        return false;
    }
    QFile::setPermissions(path, OwnerOnly);
    m_claims.emplace(batchId, std::move(lock));
    return true;
}

void HistoryStore::releaseBatch(const QString &batchId)
{
    m_claims.erase(batchId);
}

QStringList HistoryStore::csvColumns()
{
    return {u"id"_s,         u"batch_id"_s,    u"time"_s,        u"profile"_s,
            u"region"_s,     u"project_id"_s,  u"asset_id"_s,    u"target_status"_s,
            u"outcome"_s,    u"http_status"_s, u"error_code"_s,  u"error_message"_s,
            u"request_id"_s, u"attempt"_s,     u"duration_ms"_s, u"followed_state"_s};
}

QStringList HistoryStore::csvFields(const HistoryRecord &r)
{
    return {QString::number(r.id),
            r.batchId,
            r.time.toUTC().toString(Qt::ISODateWithMs),
            r.profile,
            r.region,
            r.projectId,
            r.assetId,
            r.targetStatus,
            outcomeName(r.outcome),
            QString::number(r.httpStatus),
            r.errorCode,
            r.errorMessage,
            r.requestId,
            QString::number(r.attempt),
            QString::number(r.durationMs),
            r.followedState};
}

bool HistoryStore::exportCsv(const Filter &filter, const QString &path, QString *error) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        setError(error, tr("Cannot write %1: %2.").arg(nativePath(path), file.errorString()));
        return false;
    }
    QString failure;
    const bool ok = withConnection(
            [&](QSqlDatabase &db) {
                const Where where = whereClause(filter, nullptr);
                QSqlQuery q(db);
                q.setForwardOnly(true);
                if (!prepareAndBind(q,
                                    u"SELECT "_s + SelectColumns + u" FROM attempts"_s + where.sql
                                            + u" ORDER BY time ASC, id ASC"_s,
                                    where.binds, &failure)
                    || !q.exec()) {
                    if (failure.isEmpty())
                        failure = sqlText(q.lastError());
                    return false;
                }
                QByteArray chunk;
                chunk.reserve(1 << 17);
                chunk += Csv::row(csvColumns());
                while (q.next()) {
                    chunk += Csv::row(csvFields(recordFromQuery(q)));
                    if (chunk.size() >= (1 << 16)) {
                        if (file.write(chunk) != chunk.size()) {
                            failure = file.errorString();
                            return false;
                        }
                        chunk.clear();
                    }
                }
                if (q.lastError().isValid()) {
                    failure = sqlText(q.lastError());
                    return false;
                }
                if (file.write(chunk) != chunk.size()) {
                    failure = file.errorString();
                    return false;
                }
                return true;
            },
            &failure);
    if (!ok || !file.commit()) {
        if (ok)
            failure = file.errorString();
        file.cancelWriting();
        setError(error, tr("Cannot export the history to %1: %2.").arg(nativePath(path), failure));
        return false;
    }
    return true;
}

qint64 HistoryStore::deleteOlderThan(const QDateTime &cutoff, QString *error,
                                     const std::function<bool(qint64)> &progress)
{
    qint64 deleted = 0;
    QString failure;
    const bool ok = withConnection(
            [&](QSqlDatabase &db) {
                const qint64 cut = toMs(cutoff);
                QSqlQuery q(db);
                if (!q.prepare(u"DELETE FROM attempts WHERE id IN (SELECT id FROM attempts"
                               " WHERE time < ? ORDER BY time LIMIT ?)"_s)) {
                    failure = sqlText(q.lastError());
                    return false;
                }
                // Each chunk commits on its own, so the writer never waits long for the lock.
                for (;;) {
                    q.bindValue(0, cut);
                    q.bindValue(1, DeleteChunkRows);
                    if (!q.exec()) {
                        failure = sqlText(q.lastError());
                        return false;
                    }
                    const int n = q.numRowsAffected();
                    deleted += n;
                    if ((progress && !progress(deleted)) || n < DeleteChunkRows)
                        break;
                }
                QSqlQuery batches(db);
                if (!batches.prepare(
                            u"DELETE FROM batches WHERE started_at < ? AND NOT EXISTS"
                            " (SELECT 1 FROM attempts WHERE attempts.batch_id = batches.id)"_s)) {
                    failure = sqlText(batches.lastError());
                    return false;
                }
                batches.addBindValue(cut);
                if (!batches.exec()) {
                    failure = sqlText(batches.lastError());
                    return false;
                }
                return deleted == 0 || releaseFreePages(db, &failure);
            },
            &failure);
    if (!ok) {
        setError(error, tr("Cannot delete old history: %1.").arg(failure));
        return -1;
    }
    return deleted;
}

} // namespace VodConfirm

#include "historystore.moc"
