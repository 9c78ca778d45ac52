// The upload job end to end over real sockets (issue 12, vod-api.md 5.2): files become confirmed
// assets on the loopback VOD server and its OBS endpoint, with a real SQLite history. What a
// user would notice: the object arrives byte-exact, the asset is confirmed once, an interrupted
// upload resumes without sending a finished part again, failures are retried or explained, a
// cancel cleans up, and create, authority and confirm stay under their shared quota.
#include "api/vodclient.h"
#include "engine/uploadparts.h"
#include "engine/uploadrunner.h"
#include "rawdb.h"
#include "storage/historystore.h"
#include "testfixtures.h"
#include "vodtestserver.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QNetworkAccessManager>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <functional>
#include <memory>

using namespace VodConfirm;
using namespace VodConfirm::Test;
using namespace Qt::StringLiterals;
using Fault = VodTestServer::Fault;
using Route = VodTestServer::Route;
using Phase = UploadStatus::Phase;

namespace {

constexpr qint64 MB = 1024 * 1024;
constexpr qint64 KB = 1024;

QByteArray randomBytes(qint64 size, quint32 seed)
{
    QByteArray data(size, Qt::Uninitialized);
    QRandomGenerator random(seed);
    random.fillRange(reinterpret_cast<quint32 *>(data.data()), size / 4);
    for (qint64 i = size / 4 * 4; i < size; ++i)
        data[i] = char(random.bounded(256));
    return data;
}

// Runs the event loop until `done()` (at most `ms`). Not QTest::qWaitFor, which sleeps between
// rounds: Qt's HTTP thread asks the main thread for each chunk of a body.
bool waitFor(const std::function<bool()> &done, int ms = 60000)
{
    QEventLoop loop;
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (done())
            loop.quit();
    });
    poll.start(2);
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    if (!done())
        loop.exec();
    return done();
}

} // namespace

class TestUploadRunner : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();

    void smallFileInOnePut();
    void withoutHistoryNothingIsJournaled();
    void multipartFile_data();
    void multipartFile();
    void resumeSendsOnlyMissingParts();
    void partOnServerButNotInJournalIsNotSentAgain();
    void resumeDuringCreateCreatesAgain();
    void resumeAfterCompleteConfirmsOnlyOnce();
    void progressIsCountedAndPaced();
    void partFailuresAreRetried();
    void expiredAuthorityIsAskedForAgain();
    void changedFileFailsAndConfirmsFailed();
    void cancelAbortsAndConfirmsCancelled();
    void pauseStopsRequestsAndUnpauseFinishes();
    void addRefusesWhatCannotBeUploaded();
    void lostNetworkPausesInsteadOfFailing();
    void journalFailureStopsBeforeTheNextStep();
    void vodAuthenticationFailureStopsEverything();
    void createAuthorityAndConfirmShareOneQuota();

private:
    QString writeFile(const QString &name, qint64 size, quint32 seed);
    UploadRunner *runner(qint64 partSize, int partsInFlight = 3);
    // Runs until the runner is idle; the status of each upload.
    bool runToIdle(UploadRunner *r, int ms = 60000);
    // The upload arrived whole and was confirmed once, per the server and the history.
    void checkConfirmed(UploadRunner *r, const QString &uploadId, const QString &path);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<VodTestServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<HistoryStore> m_history;
    VodClient *m_client = nullptr;
    const UploadRunner::Context m_context {u"loopback"_s, u"cn-north-4"_s,
                                           u"0a1b2c3d4e5f60718293a4b5c6d7e8f9"_s};
};

void TestUploadRunner::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_server = std::make_unique<VodTestServer>();
    QVERIFY(m_server->listen());
    m_server->config().minPartBytes = 100 * KB;
    m_nam = std::make_unique<QNetworkAccessManager>();
    m_history = std::make_unique<HistoryStore>();
    QVERIFY(m_history->open(m_dir->filePath(u"history.sqlite"_s)));
    VodClient::Config config = loopbackClientConfig(*m_server);
    config.proxy = QNetworkProxy(QNetworkProxy::NoProxy);
    m_client = new VodClient(m_nam.get(), config, m_nam.get());
}

void TestUploadRunner::cleanup()
{
    m_history.reset();
    m_server.reset();
    m_nam.reset();
    m_dir.reset();
}

QString TestUploadRunner::writeFile(const QString &name, qint64 size, quint32 seed)
{
    const QString path = m_dir->filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(randomBytes(size, seed)) != size)
        return {};
    return path;
}

UploadRunner *TestUploadRunner::runner(qint64 partSize, int partsInFlight)
{
    auto *r = new UploadRunner(m_client, m_history.get(), m_client);
    UploadRunner::Options o;
    o.partSize = partSize;
    o.partsInFlight = partsInFlight;
    o.baseBackoffMs = 20;
    o.maxBackoffMs = 100;
    o.ratePerMinute = 60000;
    o.timeoutMs = 10000;
    r->setOptions(o);
    return r;
}

bool TestUploadRunner::runToIdle(UploadRunner *r, int ms)
{
    return waitFor(
            [r] {
                const QList<UploadStatus> all = r->uploads();
                return !r->isRunning()
                        && std::all_of(all.begin(), all.end(), [](const UploadStatus &s) {
                               return isFinishedUploadPhase(s.phase) || s.phase == Phase::Paused;
                           });
            },
            ms);
}

void TestUploadRunner::checkConfirmed(UploadRunner *r, const QString &uploadId, const QString &path)
{
    const std::optional<UploadStatus> s = r->upload(uploadId);
    QVERIFY(s);
    QVERIFY2(s->phase == Phase::Confirmed, qPrintable(s->error));
    QVERIFY(!s->assetId.isEmpty());
    QCOMPARE(s->bytesDone, s->bytesTotal);
    QCOMPARE(s->partsDone, s->partCount);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString key = m_server->objectKeyOf(s->assetId);
    QVERIFY(m_server->hasObject(key));
    QVERIFY(m_server->object(key) == file.readAll()); // byte-exact
    QCOMPARE(m_server->assetStatus(s->assetId), u"CREATED"_s);
    QCOMPARE(m_server->counters().effectiveConfirms.value(s->assetId), 1);
    QCOMPARE(m_server->counters().confirmRequests.value(s->assetId), 1);
    // The journal and the history have it.
    const std::optional<UploadRecord> rec = m_history->upload(uploadId);
    QVERIFY(rec);
    QCOMPARE(rec->state, UploadState::Confirmed);
    QCOMPARE(rec->assetId, s->assetId);
    QVERIFY(m_history->flush());
    HistoryFilter f;
    f.assetId = s->assetId;
    f.outcome = Outcome::Confirmed;
    QCOMPARE(m_history->find(f, 10).size(), 1);
}

void TestUploadRunner::smallFileInOnePut()
{
    const QString path = writeFile(u"small clip.mp4"_s, 3 * MB + 17, 1);
    UploadRunner *r = runner(4 * MB);
    QSignalSpy confirmed(r, &UploadRunner::assetConfirmed);
    QSignalSpy idle(r, &UploadRunner::idle);
    QStringList refused;
    const QStringList ids = r->add({{path}}, m_context, &refused);
    QCOMPARE(ids.size(), 1);
    QVERIFY(refused.isEmpty());
    QCOMPARE(r->upload(ids.first())->title, u"small clip"_s);
    QVERIFY(runToIdle(r));
    checkConfirmed(r, ids.first(), path);
    QCOMPARE(r->upload(ids.first())->partCount, 1);
    // One PUT to video_upload_url: no authority, no multipart upload.
    QCOMPARE(m_server->counters().authorities, 0);
    QCOMPARE(m_server->counters().creates, 1);
    QCOMPARE(confirmed.size(), 1);
    QCOMPARE(confirmed.first().at(0).toString(), ids.first());
    QCOMPARE(confirmed.first().at(1).toString(), r->upload(ids.first())->assetId);
    QVERIFY(idle.size() >= 1);
    const UploadTotals t = r->totals();
    QCOMPARE(t.uploads, 1);
    QCOMPARE(t.confirmed, 1);
    QCOMPARE(t.bytesDone, t.bytesTotal);
}

void TestUploadRunner::withoutHistoryNothingIsJournaled()
{
    const QString path = writeFile(u"unjournaled.mp4"_s, 20 * MB + 3, 24);
    auto *r = new UploadRunner(m_client, nullptr, m_client);
    UploadRunner::Options o = r->options();
    o.partSize = 4 * MB;
    r->setOptions(o);
    const QString id = r->add({{path}}, m_context).value(0);
    QVERIFY(runToIdle(r));
    const UploadStatus s = *r->upload(id);
    QVERIFY2(s.phase == Phase::Confirmed, qPrintable(s.error));
    QCOMPARE(s.partCount, 6);
    QCOMPARE(m_server->assetStatus(s.assetId), u"CREATED"_s);
    QVERIFY(m_history->unfinishedUploads().isEmpty());
    QString error;
    QVERIFY(!r->resume(id, &error));
    QVERIFY(!error.isEmpty());
}

void TestUploadRunner::multipartFile_data()
{
    QTest::addColumn<qint64>("size");
    QTest::addColumn<qint64>("partSize");
    QTest::addColumn<int>("parts");
    QTest::newRow("last part smaller") << 20 * MB + 300 * KB + 5 << 2 * MB << 11;
    QTest::newRow("equal parts") << 20 * MB << 4 * MB << 5;
    QTest::newRow("one part") << 20 * MB << 20 * MB << 1;
}

void TestUploadRunner::multipartFile()
{
    QFETCH(qint64, size);
    QFETCH(qint64, partSize);
    QFETCH(int, parts);
    const QString path = writeFile(u"film.mkv"_s, size, 2);
    UploadRunner *r = runner(partSize);
    int maxPartsInFlight = 0;
    connect(m_server.get(), &VodTestServer::requestReceived, this,
            [&] { maxPartsInFlight = std::max(maxPartsInFlight, m_server->counters().inFlight); });
    const QStringList ids = r->add({{path, u"My film"_s}}, m_context);
    QCOMPARE(ids.size(), 1);
    QVERIFY(runToIdle(r));
    checkConfirmed(r, ids.first(), path);
    const UploadStatus s = *r->upload(ids.first());
    QCOMPARE(s.partCount, parts);
    QCOMPARE(s.title, u"My film"_s);
    // Each part arrived once.
    const auto &received = m_server->counters().partsReceived;
    QCOMPARE(received.size(), 1);
    const QMap<int, int> perPart = received.begin().value();
    QCOMPARE(perPart.size(), parts);
    for (auto it = perPart.cbegin(); it != perPart.cend(); ++it)
        QCOMPARE(it.value(), 1);
    QVERIFY(m_server->openUploads().isEmpty()); // completed
    // The journal has every part with its size and ETag.
    const std::optional<UploadRecord> rec = m_history->upload(ids.first());
    QCOMPARE(rec->parts.size(), parts);
    qint64 total = 0;
    for (const UploadPart &p : rec->parts) {
        QCOMPARE(p.size, uploadPartSizeAt(size, partSize, p.number));
        QVERIFY(isValidEtag(p.etag));
        total += p.size;
    }
    QCOMPARE(total, size);
    QVERIFY(maxPartsInFlight <= 3 + 1); // three parts (+ one VOD request) at most
}

void TestUploadRunner::resumeSendsOnlyMissingParts()
{
    const QString path = writeFile(u"long.mp4"_s, 24 * MB, 3);
    m_server->config().receiveBytesPerSecond = 12 * MB; // about 2 s
    auto *first = runner(1 * MB, 2);
    const QString id = first->add({{path}}, m_context).value(0);
    QVERIFY(!id.isEmpty());
    // Interrupted (as by kill -9) once a few parts are in the journal.
    QVERIFY(waitFor([&] { return first->upload(id)->partsDone >= 6; }));
    delete first;
    QVERIFY(m_history->flush());
    const std::optional<UploadRecord> before = m_history->upload(id);
    QCOMPARE(before->state, UploadState::Uploading);
    QVERIFY(before->parts.size() >= 5);
    QVERIFY(before->parts.size() < 24);
    m_server->config().receiveBytesPerSecond = 0;

    auto *second = runner(1 * MB, 2);
    QString error;
    QVERIFY2(second->resume(id, &error), qPrintable(error));
    QVERIFY(!second->resume(id, &error)); // once
    QVERIFY(!error.isEmpty());
    QVERIFY(runToIdle(second));
    checkConfirmed(second, id, path);
    const QMap<int, int> perPart = m_server->counters().partsReceived.value(before->obsUploadId);
    QCOMPARE(perPart.size(), 24);
    for (auto it = perPart.cbegin(); it != perPart.cend(); ++it)
        QVERIFY2(it.value() == 1,
                 qPrintable(u"part %1 received %2 times"_s.arg(it.key()).arg(it.value())));
    QCOMPARE(m_server->counters().creates, 1);
    // A finished upload is not resumed again.
    QVERIFY(!second->resume(id, &error));
}

void TestUploadRunner::partOnServerButNotInJournalIsNotSentAgain()
{
    const QString path = writeFile(u"lost.mp4"_s, 21 * MB, 4);
    m_server->config().receiveBytesPerSecond = 12 * MB;
    auto *first = runner(1 * MB, 2);
    const QString id = first->add({{path}}, m_context).value(0);
    QVERIFY(waitFor([&] { return first->upload(id)->partsDone >= 4; }));
    delete first;
    QVERIFY(m_history->flush());
    m_server->config().receiveBytesPerSecond = 0;
    // The journal loses parts 1 and 2 (as if the process died before their rows were written).
    {
        RawDb db(m_history->path());
        QVERIFY(db.exec(
                u"DELETE FROM upload_parts WHERE upload_id = '%1' AND part_number <= 2"_s.arg(id)));
    }
    const std::optional<UploadRecord> before = m_history->upload(id);
    QVERIFY(std::none_of(before->parts.begin(), before->parts.end(),
                         [](const UploadPart &p) { return p.number <= 2; }));

    auto *second = runner(1 * MB, 2);
    QVERIFY(second->resume(id));
    QVERIFY(runToIdle(second));
    checkConfirmed(second, id, path);
    const QMap<int, int> perPart = m_server->counters().partsReceived.value(before->obsUploadId);
    QCOMPARE(perPart.value(1), 1);
    QCOMPARE(perPart.value(2), 1);
    // The listing put them back into the journal.
    const std::optional<UploadRecord> after = m_history->upload(id);
    QCOMPARE(after->parts.size(), 21);
}

// The journal as a crash during the create leaves it: the upload is planned, nothing else.
static UploadRecord planned(const QString &path, const UploadRunner::Context &context)
{
    UploadRecord rec;
    rec.id = HistoryStore::newUploadId();
    rec.profile = context.profile;
    rec.region = context.region;
    rec.projectId = context.projectId;
    rec.filePath = path;
    const std::optional<FileStamp> stamp = UploadParts::stamp(path);
    rec.fileSize = stamp ? stamp->size : 0;
    rec.fileModifiedMs = stamp ? stamp->modifiedMs : 0;
    rec.title = u"planned"_s;
    rec.videoType = u"MP4"_s;
    rec.partSize = UploadParts::choosePartSize(rec.fileSize, 2 * MB).value_or(0);
    return rec;
}

void TestUploadRunner::resumeDuringCreateCreatesAgain()
{
    const QString path = writeFile(u"interrupted.mp4"_s, 20 * MB + 1, 20);
    const UploadRecord rec = planned(path, m_context);
    QVERIFY(m_history->waitDurable(m_history->beginUpload(rec)));
    UploadRunner *r = runner(2 * MB);
    QString error;
    QVERIFY2(r->resume(rec.id, &error), qPrintable(error));
    QVERIFY(runToIdle(r));
    checkConfirmed(r, rec.id, path);
    QCOMPARE(m_server->counters().creates, 1);
    QCOMPARE(r->upload(rec.id)->partCount, 11);
}

void TestUploadRunner::resumeAfterCompleteConfirmsOnlyOnce()
{
    // Completed in the journal; the asset's state shows it confirmed already (the process died
    // before the journal learnt it): read first, not sent again.
    const QString path = writeFile(u"done.mp4"_s, 1000, 21);
    UploadRecord rec = planned(path, m_context);
    const QString asset = assetId(77);
    QVERIFY(m_history->waitDurable(m_history->beginUpload(rec)));
    QVERIFY(m_history->waitDurable(m_history->recordAssetCreated(
            rec.id, asset, m_server->url().toString() + u"/obs/vod-test-bucket/k.mp4"_s,
            u"vod-test-bucket"_s, u"k.mp4"_s)));
    QVERIFY(m_history->waitDurable(m_history->recordUploadState(rec.id, UploadState::Completed)));
    m_server->setAssetStatus(asset, u"CREATED"_s);
    UploadRunner *r = runner(2 * MB);
    QSignalSpy confirmed(r, &UploadRunner::assetConfirmed);
    QVERIFY(r->resume(rec.id));
    QVERIFY(runToIdle(r));
    QCOMPARE(r->upload(rec.id)->phase, Phase::Confirmed);
    QCOMPARE(m_server->counters().confirmRequestsTotal(), 0);
    QCOMPARE(m_server->counters().requests(Route::AssetInfo), 1);
    QCOMPARE(m_server->counters().creates, 0);
    QCOMPARE(m_server->counters().obsBodyBytes, 0);
    QCOMPARE(confirmed.size(), 1);
    QVERIFY(m_history->flush());
    QCOMPARE(m_history->upload(rec.id)->state, UploadState::Confirmed);
}

void TestUploadRunner::progressIsCountedAndPaced()
{
    const QString path = writeFile(u"watched.mp4"_s, 21 * MB, 22);
    m_server->config().receiveBytesPerSecond = 10 * MB;
    UploadRunner *r = runner(1 * MB, 3);
    QList<UploadStatus> seen;
    QList<UploadTotals> totals;
    connect(r, &UploadRunner::uploadChanged, this, [&](const UploadStatus &s) { seen.append(s); });
    connect(r, &UploadRunner::totalsChanged, this,
            [&](const UploadTotals &t) { totals.append(t); });
    QElapsedTimer clock;
    clock.start();
    const QString id = r->add({{path}}, m_context).value(0);
    QVERIFY(runToIdle(r));
    checkConfirmed(r, id, path);
    const double seconds = double(clock.elapsed()) / 1000;
    QVERIFY(seconds > 1.5);
    // At most about ten a second, plus the changes of phase.
    QVERIFY2(seen.size() <= int(seconds * 10) + 12,
             qPrintable(u"%1 updates in %2 s"_s.arg(seen.size()).arg(seconds)));
    qint64 before = 0;
    bool speedKnown = false;
    for (const UploadStatus &s : std::as_const(seen)) {
        QVERIFY(s.bytesDone >= before);
        QVERIFY(s.bytesDone <= s.bytesTotal);
        QVERIFY(s.partsDone <= s.partCount);
        before = s.bytesDone;
        if (s.bytesPerSecond > 0) {
            speedKnown = true;
            QVERIFY(s.secondsLeft >= 0);
        }
    }
    QVERIFY(speedKnown);
    QCOMPARE(seen.last().bytesPerSecond, 0.0); // idle once done
    QCOMPARE(totals.last().bytesDone, 21 * MB);
    QCOMPARE(totals.last().confirmed, 1);
}

void TestUploadRunner::partFailuresAreRetried()
{
    const QString path = writeFile(u"flaky.mp4"_s, 20 * MB, 5);
    // The initiate goes through; then a 500, a SlowDown and a connection dropped mid-body.
    m_server->scriptNextObs({Fault::None, Fault::Error500, Fault::SlowDown, Fault::DropMidBody});
    UploadRunner *r = runner(2 * MB, 1);
    const QString id = r->add({{path}}, m_context).value(0);
    QVERIFY(runToIdle(r));
    checkConfirmed(r, id, path);
    QCOMPARE(r->upload(id)->retries, 3);
    QVERIFY(r->upload(id)->error.isEmpty());
}

void TestUploadRunner::expiredAuthorityIsAskedForAgain()
{
    // The single PUT's video_upload_url expires before it is used: VOD gives a new authority.
    const QString small = writeFile(u"late.mp4"_s, 2 * MB, 6);
    UploadRunner *r = runner(2 * MB, 1);
    bool expired = false;
    connect(r, &UploadRunner::uploadChanged, this, [&](const UploadStatus &s) {
        if (s.phase == Phase::Uploading && !expired) {
            expired = true;
            m_server->expireAuthorities();
        }
    });
    const QString id = r->add({{small}}, m_context).value(0);
    QVERIFY(runToIdle(r));
    checkConfirmed(r, id, small);
    QCOMPARE(m_server->counters().obsRefused, 1);
    QCOMPARE(m_server->counters().authorities, 1);
    QCOMPARE(r->upload(id)->retries, 0); // a new authority is not a retry

    // Authorities expire while parts are under way: those refused get a new one, once each.
    const QString multi = writeFile(u"midway.mp4"_s, 21 * MB, 25);
    m_server->config().receiveBytesPerSecond = 8 * MB;
    UploadRunner *p = runner(1 * MB, 3);
    const QString partsId = p->add({{multi}}, m_context).value(0);
    QVERIFY(waitFor([&] { return p->upload(partsId)->partsDone >= 2; }));
    const int refusedBefore = m_server->counters().obsRefused;
    m_server->expireAuthorities();
    QVERIFY(runToIdle(p));
    checkConfirmed(p, partsId, multi);
    QVERIFY(m_server->counters().obsRefused > refusedBefore);
    const QString uploadId = m_history->upload(partsId)->obsUploadId;
    for (int times : m_server->counters().partsReceived.value(uploadId))
        QCOMPARE(times, 1);
    QCOMPARE(p->upload(partsId)->retries, 0);
    m_server->config().receiveBytesPerSecond = 0;

    // Every authority expires at once: asked for again once, then the upload fails.
    m_server->config().authorityLifetimeMs = 0;
    const QString big = writeFile(u"expired.mp4"_s, 20 * MB, 7);
    const QString failing = r->add({{big}}, m_context).value(0);
    QVERIFY(runToIdle(r));
    const UploadStatus s = *r->upload(failing);
    QCOMPARE(s.phase, Phase::Failed);
    QVERIFY2(s.error.contains(u"403"_s), qPrintable(s.error));
    QCOMPARE(m_server->assetStatus(s.assetId), u"UPLOAD_FAILED"_s);
}

void TestUploadRunner::changedFileFailsAndConfirmsFailed()
{
    const QString path = writeFile(u"edited.mp4"_s, 21 * MB, 8);
    m_server->config().receiveBytesPerSecond = 12 * MB;
    auto *first = runner(1 * MB, 2);
    const QString id = first->add({{path}}, m_context).value(0);
    QVERIFY(waitFor([&] { return first->upload(id)->partsDone >= 2; }));
    delete first;
    m_server->config().receiveBytesPerSecond = 0;
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::Append));
        file.write("more");
    }
    auto *second = runner(1 * MB, 2);
    QVERIFY(second->resume(id));
    QVERIFY(runToIdle(second));
    const UploadStatus s = *second->upload(id);
    QCOMPARE(s.phase, Phase::Failed);
    QVERIFY2(s.error.contains(u"changed since its upload began"_s), qPrintable(s.error));
    QCOMPARE(m_server->assetStatus(s.assetId), u"UPLOAD_FAILED"_s);
    const std::optional<UploadRecord> rec = m_history->upload(id);
    QCOMPARE(rec->state, UploadState::Failed);
    QCOMPARE(rec->lastError, s.error);
    QVERIFY(m_history->unfinishedUploads().isEmpty());
}

void TestUploadRunner::cancelAbortsAndConfirmsCancelled()
{
    const QString path = writeFile(u"unwanted.mp4"_s, 21 * MB, 9);
    const QString next = writeFile(u"next.mp4"_s, 1000, 19);
    m_server->config().receiveBytesPerSecond = 8 * MB;
    UploadRunner *r = runner(1 * MB, 2);
    const QStringList ids = r->add({{path}, {next}}, m_context);
    const QString id = ids.value(0);
    QVERIFY(waitFor([&] { return r->upload(id)->partsDone >= 2; }));
    QCOMPARE(m_server->openUploads().size(), 1);
    QCOMPARE(r->upload(ids.value(1))->phase, Phase::Queued); // its turn has not come
    r->cancelAll();
    QVERIFY(runToIdle(r));
    QCOMPARE(r->upload(ids.value(1))->phase, Phase::Cancelled);
    QCOMPARE(m_server->counters().creates, 1); // the queued one never created an asset
    QCOMPARE(r->totals().cancelled, 2);
    const UploadStatus s = *r->upload(id);
    QCOMPARE(s.phase, Phase::Cancelled);
    QVERIFY(m_server->openUploads().isEmpty()); // aborted
    QCOMPARE(m_server->assetStatus(s.assetId), u"CANCELLED"_s);
    QCOMPARE(m_history->upload(id)->state, UploadState::Cancelled);
}

void TestUploadRunner::pauseStopsRequestsAndUnpauseFinishes()
{
    const QString path = writeFile(u"paused.mp4"_s, 21 * MB, 10);
    m_server->config().receiveBytesPerSecond = 10 * MB;
    UploadRunner *r = runner(1 * MB, 3);
    const QString id = r->add({{path}}, m_context).value(0);
    QVERIFY(waitFor([&] { return r->upload(id)->partsDone >= 2; }));
    r->pauseAll();
    QVERIFY(waitFor([&] { return r->upload(id)->phase == Phase::Paused; }, 5000));
    QVERIFY(!r->isRunning());
    // Nothing more arrives while paused.
    QVERIFY(waitFor([&] { return m_server->counters().inFlight == 0; }, 5000));
    const int received = m_server->counters().partsReceivedTotal();
    QTest::qWait(300);
    QCOMPARE(m_server->counters().partsReceivedTotal(), received);
    QCOMPARE(r->upload(id)->bytesDone, qint64(r->upload(id)->partsDone) * MB);
    m_server->config().receiveBytesPerSecond = 0;
    r->unpauseAll();
    QVERIFY(r->isRunning());
    QVERIFY(runToIdle(r));
    checkConfirmed(r, id, path);
}

void TestUploadRunner::addRefusesWhatCannotBeUploaded()
{
    const QString text = writeFile(u"notes.txt"_s, 10, 11);
    const QString empty = writeFile(u"empty.mp4"_s, 0, 12);
    const QString good = writeFile(u"fine.mov"_s, 1000, 13);
    UploadRunner *r = runner(4 * MB);
    QStringList refused;
    const QStringList ids = r->add(
            {{text}, {m_dir->filePath(u"missing.mp4"_s)}, {m_dir->path()}, {empty}, {good}},
            m_context, &refused);
    QCOMPARE(ids.size(), 1);
    QCOMPARE(refused.size(), 4);
    QVERIFY2(refused.at(0).startsWith(u"notes.txt: "_s) && refused.at(0).contains(u"MP4"_s),
             qPrintable(refused.at(0)));
    QVERIFY2(refused.at(1).startsWith(u"missing.mp4: "_s), qPrintable(refused.at(1)));
    QCOMPARE(r->uploads().size(), 1);
    QVERIFY(runToIdle(r));
    checkConfirmed(r, ids.first(), good);
}

void TestUploadRunner::lostNetworkPausesInsteadOfFailing()
{
    const QString path = writeFile(u"offline.mp4"_s, 20 * MB, 23);
    UploadRunner *r = runner(4 * MB, 1);
    UploadRunner::Options o = r->options();
    o.maxAttempts = 2;
    r->setOptions(o);
    // The initiate goes through, then the first part finds no connection, twice.
    m_server->scriptNextObs({Fault::None, Fault::DropMidBody, Fault::DropMidBody});
    const QString id = r->add({{path}}, m_context).value(0);
    QVERIFY(runToIdle(r));
    UploadStatus s = *r->upload(id);
    QCOMPARE(s.phase, Phase::Paused);
    QVERIFY2(s.error.contains(u"part 1"_s), qPrintable(s.error));
    QCOMPARE(m_server->assetStatus(s.assetId), u"CREATING"_s); // not given up
    r->unpause(id);
    QVERIFY(runToIdle(r));
    checkConfirmed(r, id, path);
}

void TestUploadRunner::journalFailureStopsBeforeTheNextStep()
{
    // The journal cannot store the asset id (as with a full disk): nothing goes to OBS.
    {
        RawDb raw(m_history->path());
        QVERIFY(raw.exec(u"CREATE TRIGGER refuse BEFORE UPDATE ON uploads"
                         " WHEN NEW.asset_id <> '' AND OLD.asset_id = ''"
                         " BEGIN SELECT RAISE(ABORT, 'disk says no'); END"_s));
    }
    const QString path = writeFile(u"journal.mp4"_s, 20 * MB, 26);
    UploadRunner *r = runner(4 * MB);
    QSignalSpy failed(r, &UploadRunner::historyFailed);
    const QString id = r->add({{path}}, m_context).value(0);
    QVERIFY(waitFor([&] { return r->upload(id)->phase == Phase::Paused; }, 10000));
    QVERIFY(!failed.isEmpty());
    QVERIFY2(failed.first().first().toString().contains(u"disk says no"_s),
             qPrintable(failed.first().first().toString()));
    QCOMPARE(m_server->counters().creates, 1);
    QCOMPARE(m_server->counters().authorities, 0);
    QCOMPARE(m_server->counters().requests(Route::Obs), 0);
    QVERIFY(!r->isRunning());

    // Unpaused while the journal still fails: it stays paused.
    r->unpause(id);
    QCOMPARE(r->upload(id)->phase, Phase::Paused);
    // Once the journal has the step, the upload goes on from it.
    {
        RawDb raw(m_history->path());
        QVERIFY(raw.exec(u"DROP TRIGGER refuse"_s));
    }
    r->unpause(id);
    QVERIFY(runToIdle(r));
    checkConfirmed(r, id, path);
    QCOMPARE(m_server->counters().creates, 1);
}

void TestUploadRunner::vodAuthenticationFailureStopsEverything()
{
    VodClient::Config config = loopbackClientConfig(*m_server);
    config.proxy = QNetworkProxy(QNetworkProxy::NoProxy);
    config.credentials.secretKey = u"WrongSecretKey000000000000000000000000001"_s;
    m_client = new VodClient(m_nam.get(), config, m_nam.get());
    const QString a = writeFile(u"a.mp4"_s, 1000, 14);
    const QString b = writeFile(u"b.mp4"_s, 1000, 15);
    UploadRunner *r = runner(4 * MB);
    QSignalSpy auth(r, &UploadRunner::authenticationFailed);
    const QStringList ids = r->add({{a}, {b}}, m_context);
    QCOMPARE(ids.size(), 2);
    QVERIFY(runToIdle(r));
    QCOMPARE(auth.size(), 1);
    QCOMPARE(m_server->counters().authFailures, 1); // never sent again
    QCOMPARE(m_server->counters().totalRequests, 1);
    QCOMPARE(m_server->counters().creates, 0);
    for (const UploadStatus &s : r->uploads())
        QCOMPARE(s.phase, Phase::Paused);
    QVERIFY(!r->isRunning());
    // The journal keeps them for a resume.
    QVERIFY(m_history->flush());
    QCOMPARE(m_history->unfinishedUploads().size(), 2);
}

void TestUploadRunner::createAuthorityAndConfirmShareOneQuota()
{
    // The server allows 12 requests of the group in any second (720 a minute); the runner is set
    // to 600 a minute for the three kinds together.
    m_server->config().rateLimitPerMinute = 12;
    m_server->config().rateWindowMs = 1000;
    QList<qint64> groupMs;
    QElapsedTimer clock;
    clock.start();
    connect(m_server.get(), &VodTestServer::requestReceived, this,
            [&](const QString &, const QString &path) {
                if (path.startsWith(u"/v1"_s)) // VOD, not OBS
                    groupMs.append(clock.elapsed());
            });
    UploadRunner *r = runner(4 * MB, 3);
    UploadRunner::Options o = r->options();
    o.ratePerMinute = 600;
    r->setOptions(o);
    const QStringList ids = r->add({{writeFile(u"one.mp4"_s, 5000, 16)},
                                    {writeFile(u"big.mp4"_s, 20 * MB, 17)},
                                    {writeFile(u"two.mp4"_s, 7000, 18)}},
                                   m_context);
    QCOMPARE(ids.size(), 3);
    QVERIFY(runToIdle(r));
    for (const UploadStatus &s : r->uploads())
        QVERIFY2(s.phase == Phase::Confirmed, qPrintable(s.error));
    const auto &c = m_server->counters();
    QCOMPARE(c.throttled, 0);
    QCOMPARE(c.creates, 3);
    QCOMPARE(c.authorities, 1 + 5 + 1); // initiate, five parts, complete
    QCOMPARE(c.requests(Route::Confirm), 3);
    QCOMPARE(groupMs.size(), 3 + 7 + 3);
    // At most 10 of them (plus one catch-up) in any second.
    for (qsizetype i = 0; i < groupMs.size(); ++i) {
        const auto inWindow = std::count_if(groupMs.begin() + i, groupMs.end(),
                                            [&](qint64 t) { return t - groupMs.at(i) < 1000; });
        QVERIFY2(inWindow <= 11, qPrintable(u"%1 requests in a second"_s.arg(inWindow)));
    }
}

QTEST_GUILESS_MAIN(TestUploadRunner)
#include "tst_uploadrunner.moc"
