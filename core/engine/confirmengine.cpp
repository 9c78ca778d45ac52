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
constexpr int MaxIdsPerCheck = 10; // ShowAssetMeta takes up to 10 asset ids
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

ConfirmEngine::ConfirmEngine(VodClient *client, QObject *parent) : QObject(parent), m_client(client)
{
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
}

double ConfirmEngine::nowMs() const
{
    return double(m_clock.nsecsElapsed()) / 1e6;
}

QString ConfirmEngine::start(const QList<ConfirmItem> &items, const QString &batchId)
{
    Q_ASSERT(!m_running);
    m_batchId = batchId.isEmpty() ? QUuid::createUuid().toString(QUuid::WithoutBraces) : batchId;
    m_assets.clear();
    m_assets.reserve(items.size());
    m_checkFirst.clear();
    m_checkFirst.reserve(items.size());
    m_checkFailures.clear();
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
        m_checkFirst.append(items.at(i).checkFirst);
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
    m_pacer.restart(m_options.ratePerMinute);
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
    m_checkFirst[index] = false;
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
}

void ConfirmEngine::resume()
{
    if (!m_running || !m_paused)
        return;
    m_paused = false;
    pump();
}

void ConfirmEngine::cancel()
{
    if (!m_running || m_cancelled)
        return;
    m_cancelled = true;
    m_timer.stop();
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

    // Until the first answer proves the credentials, one request at a time.
    const int limit = m_probeDone ? m_options.concurrency : 1;
    while (m_inFlight < limit && !m_ready.empty()) {
        if (isTerminal(m_assets.at(m_ready.front()).state)) { // settled before the start
            m_ready.pop_front();
            continue;
        }
        const double t = nowMs();
        if (!m_pacer.mayStart(t)) {
            m_timer.start(int(std::ceil(m_pacer.nextSendMs() - t)));
            if (m_inFlight == 0)
                announceWait(m_pacer.nextSendMs(),
                             tr("slowed down because the server throttled requests"));
            return;
        }
        m_pacer.started(t);
        const int index = m_ready.front();
        m_ready.pop_front();
        if (m_checkFirst.at(index))
            checkBeforeSending(index);
        else
            sendOne(index);
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

void ConfirmEngine::checkBeforeSending(int first)
{
    QList<int> indexes {first};
    while (indexes.size() < MaxIdsPerCheck && !m_ready.empty() && m_checkFirst.at(m_ready.front())
           && !isTerminal(m_assets.at(m_ready.front()).state)) {
        indexes.append(m_ready.front());
        m_ready.pop_front();
    }
    QStringList ids;
    for (int index : std::as_const(indexes)) {
        ids.append(m_assets.at(index).assetId);
        setState(index, AssetState::Sending, tr("checking the asset's state"));
    }
    ++m_inFlight;
    ++m_summary.verifications;
    m_client->showAssetMeta(
            ids, this,
            [this, indexes](const ApiResult &result, const QList<VodClient::AssetInfo> &infos) {
                --m_inFlight;
                QHash<QString, QString> states;
                for (const VodClient::AssetInfo &info : infos)
                    states.insert(info.assetId, info.status);
                onChecked(indexes, result, states);
            });
}

void ConfirmEngine::onChecked(const QList<int> &indexes, const ApiResult &result,
                              const QHash<QString, QString> &states)
{
    if (isThrottled(result))
        onThrottled();
    if (result.errorClass == ErrorClass::Auth || isConnectionSetupFailure(result)
        || result.errorClass == ErrorClass::Unreachable) {
        for (int index : indexes)
            m_assets[index].last = kept(result);
        if (result.errorClass == ErrorClass::Auth)
            stopForAuth(result);
        else
            stopForConnection(result);
        for (int index : indexes)
            dropUnsent(index);
    } else if (!result.ok()) {
        // Not known whether an earlier run confirmed them: try the read again, never a blind send.
        // The group waits as one, so it is read again in one request.
        const double due
                = nowMs() + double(backoffMs(m_checkFailures.value(indexes.first()) + 1, result));
        const QString reason = waitReason(result);
        for (int index : indexes) {
            AssetUpdate &a = m_assets[index];
            if (a.attempts == 0) // else the confirm's own answer stays the one shown
                a.last = kept(result);
            const int failures = ++m_checkFailures[index];
            if (m_cancelled || m_stopped) {
                dropUnsent(index);
            } else if (failures < m_options.maxAttempts) {
                m_delayed.append({due, index, reason});
                setState(index, AssetState::Retrying,
                         tr("state check %1 of %2").arg(failures + 1).arg(m_options.maxAttempts));
            } else {
                // Still unknown, so it stays part of the batch's remainder (resumable).
                ++m_summary.notSent;
                setState(index, AssetState::NotSent,
                         tr("not sent: its state could not be read, and an earlier run may "
                            "have confirmed it"));
            }
        }
    } else {
        m_probeDone = true;
        // Backwards, so the ones still waiting go out first and in their original order.
        for (auto it = indexes.crbegin(); it != indexes.crend(); ++it) {
            const int index = *it;
            AssetUpdate &a = m_assets[index];
            if (a.attempts == 0)
                a.last = kept(result);
            const QString state = states.value(a.assetId);
            if (assetStatusReached(a.status, state)) {
                ++m_summary.confirmed;
                setState(index, AssetState::Confirmed, tr("confirmed (verified)"));
            } else if (assetStatusWaiting(state)) {
                m_checkFirst[index] = false;
                if (m_cancelled || m_stopped) {
                    dropUnsent(index);
                } else {
                    m_ready.push_front(index);
                    setState(index, AssetState::Queued);
                }
            } else {
                ++m_summary.failed;
                setState(index, AssetState::Failed,
                         state.isEmpty() ? tr("the asset was not found")
                                         : tr("the asset is %1").arg(state));
            }
        }
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
        m_pacer.succeeded(nowMs());
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
        // sent twice needlessly and nothing is reported failed that is confirmed.
        ++m_inFlight;
        ++m_summary.verifications;
        setState(index, AssetState::Sending, tr("checking the asset's state"));
        m_client->showAssetMeta(
                {record.assetId}, this,
                [this, record](const ApiResult &r, const QList<VodClient::AssetInfo> &infos) {
                    --m_inFlight;
                    const QString state
                            = r.ok() && !infos.isEmpty() ? infos.first().status : QString();
                    conclude(record, state);
                });
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
        m_checkFirst[index] = true;
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
    m_pacer.throttled(nowMs());
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
    if (!m_running || m_inFlight > 0 || !m_ready.empty() || !m_delayed.isEmpty())
        return false;
    m_running = false;
    m_timer.stop();
    m_summary.elapsedMs = m_clock.elapsed();
    if (m_cancelled && m_summary.stopReason.isEmpty())
        m_summary.stopReason = tr("Stopped on request.");
    emit finished(m_summary);
    return true;
}

} // namespace VodConfirm
