#include "follower.h"

#include "engine/confirmengine.h"

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace VodConfirm {

Follower::Follower(StateReader *reader, QObject *parent) : QObject(parent), m_reader(reader)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &Follower::pump);
    m_clock.start();
}

Follower::~Follower() = default;

double Follower::nowMs() const
{
    return double(m_clock.nsecsElapsed()) / 1e6;
}

bool Follower::isSettledState(const QString &state)
{
    static const QStringList settled = {u"PUBLISHED"_s,        u"TRANSCODE_SUCCEED"_s,
                                        u"TRANSCODE_FAILED"_s, u"UPLOAD_FAILED"_s,
                                        u"FAILED"_s,           u"CANCELLED"_s,
                                        u"DELETED"_s,          u"DELETE_FAILED"_s,
                                        u"SERVER_ERROR"_s,     u"UNCREATED"_s,
                                        u"NO_ASSET"_s,         u"OBS_CREATE_FAILED"_s};
    return settled.contains(state);
}

void Follower::follow(int index, const QString &assetId)
{
    if (m_items.contains(index))
        return;
    const double now = nowMs();
    Item item;
    item.assetId = assetId;
    item.deadlineMs = now + double(m_options.timeoutMs);
    item.delayMs = std::max(1, m_options.firstDelayMs);
    m_items.insert(index, item);
    schedule(index, now + item.delayMs);
}

void Follower::schedule(int index, double dueMs)
{
    const Item &item = m_items[index];
    m_due.emplace(std::min(dueMs, item.deadlineMs), index);
    const double next = m_due.begin()->first;
    const int ms = int(std::max(0.0, std::ceil(next - nowMs())));
    if (!m_timer.isActive() || m_timer.remainingTime() > ms)
        m_timer.start(ms);
}

void Follower::pump()
{
    const double now = nowMs();
    while (!m_due.empty() && m_due.begin()->first <= now) {
        const int index = m_due.begin()->second;
        m_due.erase(m_due.begin());
        const auto it = m_items.find(index);
        if (it == m_items.end() || it->ticket != 0)
            continue;
        it->ticket = m_reader->read(it->assetId, this,
                                    [this, index](const StateRead &read) { onRead(index, read); });
    }
    if (!m_due.empty())
        m_timer.start(int(std::max(0.0, std::ceil(m_due.begin()->first - nowMs()))));
}

void Follower::onRead(int index, const StateRead &read)
{
    const auto it = m_items.find(index);
    if (it == m_items.end())
        return; // cancelled meanwhile
    it->ticket = 0;
    if (read.missing) {
        it->lastState = read.status.isEmpty() ? u"UNCREATED"_s : read.status;
        end(index, true);
        return;
    }
    if (read.known())
        it->lastState = read.status;
    if (read.known() && isSettledState(read.status)) {
        end(index, true);
        return;
    }
    const ApiResult &r = read.result;
    if (r.errorClass == ErrorClass::Auth || ConfirmEngine::isConnectionSetupFailure(r)) {
        end(index, false);
        return;
    }
    const double now = nowMs();
    if (now >= it->deadlineMs) { // the last read, at the time limit
        end(index, false);
        return;
    }
    it->delayMs = std::min(it->delayMs * 2, double(std::max(1, m_options.maxDelayMs)));
    schedule(index, now + it->delayMs);
}

void Follower::cancel()
{
    const QList<int> indexes = m_items.keys();
    for (int index : indexes) {
        if (const StateReader::Ticket t = m_items.value(index).ticket)
            m_reader->cancel(t); // one in flight is answered to nobody
        end(index, false);
    }
    m_due.clear();
    m_timer.stop();
}

void Follower::end(int index, bool settled)
{
    const Item item = m_items.take(index);
    emit followed({index, item.assetId, item.lastState, settled});
    if (m_items.isEmpty()) {
        m_due.clear();
        m_timer.stop();
        emit idle();
    }
}

} // namespace VodConfirm
