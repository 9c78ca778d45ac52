#pragma once

#include "engine/statereader.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QTimer>

#include <map>

namespace VodConfirm {

// Where following one asset ended.
struct FollowedState
{
    int index = -1; // in its batch
    QString assetId;
    QString state; // the last state read, as the server sent it; empty when none could be read
    bool settled = false; // false: the time limit (or a stop) came first
};

// Follows confirmed assets after the confirm: reads each one's state through the StateReader
// (the state reads' quota group: it never slows confirms; reads due together are packed 10 per
// request), first firstDelayMs after follow(), then at growing intervals (doubling, up to
// maxDelayMs), until it reaches a settled state (isSettledState()) or timeoutMs has passed since
// follow(): the last read is at the time limit, and the asset ends with the state it read. A read
// that fails (after the reader's retries) is tried again at the next interval; an authentication or
// connection failure ends every asset followed.
class Follower final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Follower)
public:
    struct Options
    {
        int firstDelayMs = 5000;
        int maxDelayMs = 60000;
        qint64 timeoutMs = 30 * 60 * 1000;
    };

    Follower(StateReader *reader, QObject *parent = nullptr);
    ~Follower() override;

    void setOptions(const Options &options) { m_options = options; }
    const Options &options() const { return m_options; }

    // Starts following asset `index` (its state read first in firstDelayMs).
    void follow(int index, const QString &assetId);
    // Ends every asset still followed now, unsettled, with the last state read.
    void cancel();
    int pending() const { return int(m_items.size()); }

    // A state after which nothing more happens by itself: published, transcoded (or failed to),
    // or failed, cancelled, deleted, missing. CREATED (waiting to be transcoded or published) and
    // TRANSCODING are not.
    static bool isSettledState(const QString &state);

signals:
    void followed(const VodConfirm::FollowedState &state);
    void idle(); // the last asset followed has ended

private:
    struct Item
    {
        QString assetId;
        QString lastState;
        double deadlineMs = 0;
        double delayMs = 0;
        StateReader::Ticket ticket = 0; // while a read is queued or in flight
    };
    void schedule(int index, double dueMs);
    void pump();
    void onRead(int index, const StateRead &read);
    void end(int index, bool settled);
    double nowMs() const;

    StateReader *m_reader;
    Options m_options;
    QHash<int, Item> m_items;
    std::multimap<double, int> m_due; // when -> asset to read then
    QElapsedTimer m_clock;
    QTimer m_timer;
};

} // namespace VodConfirm

Q_DECLARE_METATYPE(VodConfirm::FollowedState)
