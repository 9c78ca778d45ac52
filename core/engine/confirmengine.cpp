#include "confirmengine.h"

#include "api/vodclient.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QNetworkReply>
#include <QUuid>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace VodConfirm {

namespace {
constexpr double AnnounceWaitMs = 5000; // a longer pause in sending is announced (waiting())

// What an asset keeps of an answer: all but the parsed body, which nothing reads later and which
// would cost every confirmed asset a few hundred bytes for the rest of the batch.
ApiResult kept(ApiResult result)
{
    result.json = QJsonObject();
    return result;
}

bool isThrottled(const ApiResult &result)
{
    return result.errorClass == ErrorClass::Throttled; // 429, APIGW.0308, VOD.10127 (catalogue)
}

} // namespace

ConfirmEngine::ConfirmEngine(VodClient *client, QObject *parent)
    : QObject(parent),
      m_client(client),
      m_reader(new StateReader(client, this)),
      m_quota(std::make_shared<QuotaGroup>(m_options.ratePerMinute))
{
    // While every asset waits for a state read, the reader's pauses are the batch's.
    connect(m_reader, &StateReader::waiting, this, [this](qint64 ms, const QString &reason) {
        if (m_running && m_inFlight == 0 && m_ready.empty() && m_delayed.isEmpty())
            emit waiting(ms, reason);
    });
    setOptions(m_options);
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &ConfirmEngine::pump);
}

ConfirmEngine::~ConfirmEngine() = default;

void ConfirmEngine::setOptions(const Options &options)
{
    m_options = options;
    m_options.concurrency = std::max(1, m_options.concurrency);
    m_options.maxAttempts = std::max(1, m_options.maxAttempts);
    m_options.ratePerMinute = std::max(1, m_options.ratePerMinute);
    StateReader::Options reads = m_reader->options();
    reads.ratePerMinute = m_options.stateReadsPerMinute;
    reads.maxAttempts = m_options.maxAttempts;
    reads.baseBackoffMs = m_options.baseBackoffMs;
    reads.maxBackoffMs = m_options.maxBackoffMs;
    m_reader->setOptions(reads);
}

void ConfirmEngine::setQuotaGroup(std::shared_ptr<QuotaGroup> group)
{
    Q_ASSERT(!m_running);
    m_ownQuota = !group;
    m_quota = group ? std::move(group) : std::make_shared<QuotaGroup>(m_options.ratePerMinute);
}

double ConfirmEngine::nowMs() const
{
    return m_quota->nowMs();
}

QString ConfirmEngine::start(const QList<ConfirmItem> &items, const QString &batchId)
{
    Q_ASSERT(!m_running);
    m_batchId = batchId.isEmpty() ? QUuid::createUuid().toString(QUuid::WithoutBraces) : batchId;
    m_assets.clear();
    m_assets.reserve(items.size());
    m_check.clear();
    m_check.reserve(items.size());
    m_reads.clear();
    m_verifying.clear();
    m_ready.clear();
    m_delayed.clear();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (qsizetype i = 0; i < items.size(); ++i) {
        AssetUpdate a;
        a.index = int(i);
        a.assetId = items.at(i).assetId;
        a.status = items.at(i).status;
        a.maxAttempts = m_options.maxAttempts;
        a.updatedAt = now;
        m_assets.append(a);
        m_check.append(items.at(i).checkFirst         ? Check::Resume
                               : m_options.checkFirst ? Check::Preflight
                                                      : Check::None);
        m_ready.push_back(int(i));
    }
    m_summary = BatchSummary {};
    m_summary.total = int(items.size());
    m_inFlight = 0;
    m_running = true;
    m_paused = false;
    m_cancelled = false;
    m_stopped = false;
    m_probeDone = false;
    if (m_ownQuota)
        m_quota->pacer().restart(m_options.ratePerMinute);
    m_reader->restart();
    m_reader->resume();
    m_readRequestsBefore = m_reader->requests();
    m_readThrottledBefore = m_reader->throttled();
    m_waitAnnouncedUntilMs = -1;
    m_clock.start();
    QMetaObject::invokeMethod(this, &ConfirmEngine::pump, Qt::QueuedConnection);
    return m_batchId;
}

void ConfirmEngine::settle(int index, AssetState state, const QString &note)
{
    Q_ASSERT(state == AssetState::Skipped || state == AssetState::NotSent);
    if (index < 0 || index >= m_assets.size() || isTerminal(m_assets.at(index).state))
        return;
    m_check[index] = Check::None;
    if (state == AssetState::Skipped)
        ++m_summary.skipped;
    else
        ++m_summary.notSent;
    setState(index, state, note); // pump() passes over it
}

void ConfirmEngine::pause()
{
    if (!m_running || m_paused)
        return;
    m_paused = true;
    m_timer.stop();
    m_reader->pause();
}

void ConfirmEngine::resume()
{
    if (!m_running || !m_paused)
        return;
    m_paused = false;
    m_reader->resume();
    pump();
}

void ConfirmEngine::cancel()
{
    if (!m_running || m_cancelled)
        return;
    m_cancelled = true;
    m_timer.stop();
    m_reader->resume(); // state reads that decide attempts already made still go
    abandonUnsent(tr("not sent again: the batch was stopped"));
    finishIfDone();
}

void ConfirmEngine::pump()
{
    if (!m_running || m_paused || m_cancelled || m_stopped)
        return;
    m_timer.stop();
    const double now = nowMs();

    // Retries whose backoff has passed go before new assets.
    std::sort(m_delayed.begin(), m_delayed.end(),
              [](const Delayed &a, const Delayed &b) { return a.dueMs < b.dueMs; });
    while (!m_delayed.isEmpty() && m_delayed.first().dueMs <= now)
        m_ready.push_front(m_delayed.takeFirst().index);

    // Until the first answer proves the credentials, one request at a time (state reads
    // included: the reader sends one at a time until then too).
    const int limit = m_probeDone ? m_options.concurrency : 1;
    while (!m_ready.empty()) {
        const int next = m_ready.front();
        if (isTerminal(m_assets.at(next).state)) { // settled before the start
            m_ready.pop_front();
            continue;
        }
        if (m_check.at(next) != Check::None) { // to the state reads' queue, no confirm slot
            if (!m_probeDone && m_inFlight > 0)
                break;
            m_ready.pop_front();
            checkBeforeSending(next);
            continue;
        }
        if (m_inFlight >= limit || (!m_probeDone && !m_reads.isEmpty()))
            break;
        const double t = nowMs();
        if (!m_quota->pacer().mayStart(t)) {
            m_timer.start(int(std::ceil(m_quota->pacer().nextSendMs() - t)));
            if (m_inFlight == 0)
                announceWait(m_quota->pacer().nextSendMs(),
                             tr("slowed down because the server throttled requests"));
            return;
        }
        m_quota->pacer().started(t);
        m_ready.pop_front();
        sendOne(next);
    }
    if (m_inFlight == 0 && m_ready.empty() && !m_delayed.isEmpty()) {
        m_timer.start(int(std::max(0.0, std::ceil(m_delayed.first().dueMs - now))));
        announceWait(m_delayed.first().dueMs, m_delayed.first().reason);
    }
    finishIfDone(); // an empty batch (a resume with nothing left) ends here
}

void ConfirmEngine::sendOne(int index)
{
    AssetUpdate &a = m_assets[index];
    ++a.attempts;
    ++m_inFlight;
    ++m_summary.requests;
    setState(index, AssetState::Sending);
    const double startedMs = nowMs();
    const QDateTime startedAt = QDateTime::currentDateTimeUtc();
    m_client->confirmAssetUpload(a.assetId, a.status, this,
                                 [this, index, startedMs, startedAt](const ApiResult &result) {
                                     onResult(index, result, startedMs, startedAt);
                                 });
}

void ConfirmEngine::checkBeforeSending(int index)
{
    // It stays Queued meanwhile: a preflight hands every asset of the batch over at once.
    const Check mode = m_check.at(index);
    m_reads.insert(index,
                   m_reader->read(m_assets.at(index).assetId, this,
                                  [this, index, mode](const StateRead &read) {
                                      m_reads.remove(index);
                                      onChecked(index, mode, read);
                                  }));
}

void ConfirmEngine::onChecked(int index, Check mode, const StateRead &read)
{
    const ApiResult &result = read.result;
    if (result.httpStatus != 0 && result.errorClass != ErrorClass::Auth && result.httpStatus < 500)
        m_probeDone = true;
    AssetUpdate &a = m_assets[index];
    if (a.attempts == 0) // else the confirm's own answer stays the one shown
        a.last = kept(result);
    if (result.errorClass == ErrorClass::Auth || isConnectionSetupFailure(result)) {
        if (result.errorClass == ErrorClass::Auth)
            stopForAuth(result);
        else
            stopForConnection(result);
        dropUnsent(index);
    } else if (!read.known() && !read.missing) { // the read failed, even after retries
        if (m_cancelled || m_stopped) {
            dropUnsent(index);
        } else if (mode == Check::Preflight) { // no earlier run sent it: send it as always
            m_check[index] = Check::None;
            m_ready.push_back(index);
            setState(index, AssetState::Queued, tr("its state could not be read; sent"));
        } else {
            // Still unknown, so it stays part of the batch's remainder (resumable).
            ++m_summary.notSent;
            setState(index, AssetState::NotSent,
                     tr("not sent: its state could not be read, and an earlier run may "
                        "have confirmed it"));
        }
    } else if (read.missing) {
        ++m_summary.failed;
        setState(index, AssetState::Failed, read.missingReason());
    } else if (assetStatusReached(a.status, read.status)) {
        if (mode == Check::Preflight) {
            ++m_summary.alreadyConfirmed;
            setState(index, AssetState::AlreadyConfirmed,
                     tr("already confirmed: the asset is %1; not sent").arg(read.status));
        } else {
            ++m_summary.confirmed;
            setState(index, AssetState::Confirmed, tr("confirmed (verified)"));
        }
    } else if (assetStatusWaiting(read.status)) {
        m_check[index] = Check::None;
        if (m_cancelled || m_stopped) {
            dropUnsent(index);
        } else {
            m_ready.push_back(index);
            setState(index, AssetState::Queued);
        }
    } else {
        ++m_summary.failed;
        setState(index, AssetState::Failed, tr("the asset is %1").arg(read.status));
    }
    if (!finishIfDone())
        pump();
}

void ConfirmEngine::dropUnsent(int index)
{
    ++m_summary.notSent;
    setState(index, AssetState::NotSent,
             m_cancelled ? tr("not sent: the batch was stopped") : m_unsentNote);
}

void ConfirmEngine::onResult(int index, const ApiResult &result, double startedMs,
                             const QDateTime &startedAt)
{
    --m_inFlight;
    m_assets[index].last = kept(result);
    if (isThrottled(result))
        onThrottled();
    else if (result.ok())
        m_quota->pacer().succeeded(nowMs());
    if (result.httpStatus != 0 && result.errorClass != ErrorClass::Auth && result.httpStatus < 500)
        m_probeDone = true;

    AttemptRecord record;
    record.batchId = m_batchId;
    record.index = index;
    record.assetId = m_assets.at(index).assetId;
    record.status = m_assets.at(index).status;
    record.attempt = m_assets.at(index).attempts;
    record.startedAt = startedAt;
    record.durationMs = qint64(nowMs() - startedMs);
    record.result = result;

    if (needsVerification(index, result) && !m_cancelled && !m_stopped) {
        // The confirm may have taken effect (no answer, 502/504), the asset is no longer
        // waiting, or the asset is about to fail: read its state before deciding, so nothing is
        // sent twice needlessly and nothing is reported failed that is confirmed. One read: the
        // retry that may follow reads again first.
        setState(index, AssetState::Sending, tr("checking the asset's state"));
        m_verifying.insert(index, record);
        m_reads.insert(index,
                       m_reader->read(
                               record.assetId, this,
                               [this, index](const StateRead &read) {
                                   m_reads.remove(index);
                                   conclude(m_verifying.take(index),
                                            read.result.ok() ? read.status : QString());
                               },
                               1));
        return;
    }
    conclude(record, {});
}

bool ConfirmEngine::needsVerification(int index, const ApiResult &r) const
{
    if (r.ok() || r.errorClass == ErrorClass::Auth || r.errorClass == ErrorClass::NotFound
        || isConnectionSetupFailure(r))
        return false;
    if (r.errorClass == ErrorClass::WrongState)
        return true;
    if (r.httpStatus == 502 || r.httpStatus == 504)
        return true;
    // No answer at all, but the request may have reached the server; or a 2xx that is not the
    // expected answer (an error object, a web page, nothing).
    if ((r.httpStatus == 0 || (r.httpStatus >= 200 && r.httpStatus < 300)) && r.isRetryable())
        return true;
    // The asset is about to fail: make sure an earlier attempt did not take effect unseen.
    return !r.isRetryable() || m_assets.at(index).attempts >= m_options.maxAttempts;
}

void ConfirmEngine::conclude(AttemptRecord record, const QString &verifiedState)
{
    const int index = record.index;
    AssetUpdate &a = m_assets[index];
    const ApiResult &result = record.result;
    const bool reached = assetStatusReached(a.status, verifiedState);
    const bool waiting = assetStatusWaiting(verifiedState);
    // The state was needed but could not be read.
    const bool unread = verifiedState.isEmpty() && needsVerification(index, result);
    // A wrong-state answer is worth another try when the asset is still waiting for confirmation
    // or its state is unknown (the next answer, or the next state read, decides).
    const bool retryable = result.isRetryable()
            || (result.errorClass == ErrorClass::WrongState && (waiting || unread));
    const bool wrongStateKnown = !verifiedState.isEmpty() && !reached && !waiting;
    record.verifiedConfirmed = reached;
    record.willRetry = !reached && !wrongStateKnown && retryable
            && a.attempts < m_options.maxAttempts && !m_cancelled && !m_stopped;
    record.neverSent = result.errorClass == ErrorClass::Unreachable;
    // The outcome is unknown and the state could not be read: the next try reads the state
    // first and sends only if the asset is still waiting, never blindly.
    if (record.willRetry && unread)
        m_check[index] = Check::Resume;
    emit attemptFinished(record);

    if (result.ok() || reached) {
        ++m_summary.confirmed;
        setState(index, AssetState::Confirmed, reached ? tr("confirmed (verified)") : QString());
    } else if (result.errorClass == ErrorClass::Auth) {
        ++m_summary.failed;
        setState(index, AssetState::Failed);
        stopForAuth(result);
    } else if (result.errorClass == ErrorClass::Unreachable) {
        // Nothing of this attempt reached the server.
        stopForConnection(result);
        dropUnsent(index);
    } else if (isConnectionSetupFailure(result)) {
        ++m_summary.failed;
        setState(index, AssetState::Failed);
        stopForConnection(result);
    } else if (record.willRetry) {
        const double due = nowMs() + double(backoffMs(a.attempts, result));
        m_delayed.append({due, index, waitReason(result)});
        setState(index, AssetState::Retrying,
                 tr("retry %1 of %2").arg(a.attempts + 1).arg(m_options.maxAttempts));
    } else {
        ++m_summary.failed;
        QStringList notes;
        if (wrongStateKnown)
            notes << tr("the asset is %1").arg(verifiedState);
        else if (retryable && a.attempts >= m_options.maxAttempts)
            notes << tr("gave up after %Ln attempt(s)", nullptr, a.attempts);
        if (unread)
            notes << tr("the asset's state could not be checked, so it may have been confirmed");
        setState(index, AssetState::Failed, notes.join(u"; "_s));
    }
    if (!finishIfDone())
        pump();
}

qint64 ConfirmEngine::backoffMs(int attempt, const ApiResult &result) const
{
    return Pacer::backoffMs(attempt, m_options.baseBackoffMs, m_options.maxBackoffMs,
                            result.retryAfterMs, isThrottled(result));
}

QString ConfirmEngine::waitReason(const ApiResult &result)
{
    if (result.retryAfterMs >= 0)
        return tr("the server asked to wait before the next request (Retry-After)");
    if (isThrottled(result))
        return tr("the server throttled requests");
    return tr("waiting before retrying after errors");
}

void ConfirmEngine::announceWait(double untilMs, const QString &reason)
{
    const double ms = untilMs - nowMs();
    if (ms <= AnnounceWaitMs || untilMs == m_waitAnnouncedUntilMs)
        return;
    m_waitAnnouncedUntilMs = untilMs;
    emit waiting(qint64(std::ceil(ms)), reason);
}

void ConfirmEngine::onThrottled()
{
    ++m_summary.throttled;
    m_quota->pacer().throttled(nowMs());
}

// Failures every later request would meet as well: the server cannot be reached, its
// certificate is not trusted, or the proxy cannot be reached or refuses its credentials.
bool ConfirmEngine::isConnectionSetupFailure(const ApiResult &r)
{
    if (r.errorClass == ErrorClass::Unreachable)
        return true;
    switch (r.networkError) {
    case QNetworkReply::SslHandshakeFailedError:
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyNotFoundError:
    case QNetworkReply::ProxyAuthenticationRequiredError:
    case QNetworkReply::UnknownProxyError:
        return true;
    default:
        return false;
    }
}

void ConfirmEngine::stop(const QString &reason, const QString &unsentNote, const QString &retryNote)
{
    m_stopped = true;
    m_timer.stop();
    m_summary.stopReason = reason;
    m_unsentNote = unsentNote;
    abandonUnsent(retryNote);
}

void ConfirmEngine::stopForAuth(const ApiResult &result)
{
    if (m_stopped)
        return;
    m_summary.authStopped = true;
    m_reader->failAll(result); // state reads queued are not sent with refused credentials
    stop(authFailureAdvice(result, m_client->config().credentials.mode),
         tr("not sent: authentication failed"), tr("not retried: authentication failed"));
    emit authenticationFailed(
            ErrorCatalogue::authAdvice(result, m_client->config().credentials.mode),
            result.summary());
}

void ConfirmEngine::stopForConnection(const ApiResult &result)
{
    if (m_stopped)
        return;
    m_reader->failAll(result);
    if (result.errorClass == ErrorClass::Unreachable) {
        stop(tr("%1 The batch was stopped, as every request would fail the same way. Check the "
                "region or endpoint and the network.")
                     .arg(result.errorMessage),
             tr("not sent: the server could not be reached"),
             tr("not retried: the server could not be reached"));
        return;
    }
    const QString advice = result.networkError == QNetworkReply::SslHandshakeFailedError
            ? tr("If the endpoint's certificate comes from your organisation's own CA, add that "
                 "CA certificate as the profile's CA file (--ca-file on the command line).")
            : tr("Check the proxy settings.");
    stop(tr("%1 The batch was stopped, as every request would fail the same way. %2")
                 .arg(result.errorMessage, advice),
         tr("not sent: the connection failed"), tr("not retried: the connection failed"));
}

void ConfirmEngine::abandonUnsent(const QString &retryNote)
{
    // Assets this run never sent (also those waiting to re-read their state) are not sent; the
    // retries that were waiting are not sent either. Both stay the batch's remainder.
    auto abandon = [&](int index) {
        if (isTerminal(m_assets.at(index).state))
            return; // settled before the start
        if (m_assets.at(index).attempts == 0) {
            dropUnsent(index);
        } else {
            ++m_summary.notSent;
            setState(index, AssetState::NotSent, retryNote);
        }
    };
    for (int index : m_ready)
        abandon(index);
    m_ready.clear();
    for (const Delayed &d : std::as_const(m_delayed))
        abandon(d.index);
    m_delayed.clear();
    // State reads before a first send that are not out yet are taken back; those in flight
    // end in onChecked(), and those deciding an attempt made end in conclude().
    for (auto it = m_reads.begin(); it != m_reads.end();) {
        if (!m_verifying.contains(it.key()) && m_reader->cancel(it.value())) {
            abandon(it.key());
            it = m_reads.erase(it);
        } else {
            ++it;
        }
    }
}

void ConfirmEngine::setState(int index, AssetState state, const QString &note)
{
    AssetUpdate &a = m_assets[index];
    a.state = state;
    a.note = note;
    a.updatedAt = QDateTime::currentDateTimeUtc();
    emit assetChanged(a);
}

bool ConfirmEngine::finishIfDone()
{
    if (!m_running || m_inFlight > 0 || !m_ready.empty() || !m_delayed.isEmpty()
        || !m_reads.isEmpty())
        return false;
    m_running = false;
    m_timer.stop();
    m_summary.verifications = m_reader->requests() - m_readRequestsBefore;
    m_summary.throttled += m_reader->throttled() - m_readThrottledBefore;
    m_summary.elapsedMs = m_clock.elapsed();
    if (m_cancelled && m_summary.stopReason.isEmpty())
        m_summary.stopReason = tr("Stopped on request.");
    emit finished(m_summary);
    return true;
}

} // namespace VodConfirm
