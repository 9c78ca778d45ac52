#pragma once

#include "engine/pacer.h"

#include <QElapsedTimer>

namespace VodConfirm {

// One quota group's pacing shared by everything that sends its requests (vod-api.md 5.3): the
// upload runner's CreateAssetByFileUpload and ShowAssetTempAuthority and the ConfirmAssetUpload
// of its confirm batches count against one per-minute limit, so they take their turns from one
// Pacer on one monotonic clock. Owned through a shared_ptr by each of its users; single thread.
class QuotaGroup final
{
public:
    explicit QuotaGroup(double ratePerMinute) : m_pacer(ratePerMinute) { m_clock.start(); }

    Pacer &pacer() { return m_pacer; }
    const Pacer &pacer() const { return m_pacer; }
    // Milliseconds on the group's clock: the time every Pacer call of the group is given.
    double nowMs() const { return double(m_clock.nsecsElapsed()) / 1e6; }

private:
    Pacer m_pacer;
    QElapsedTimer m_clock;
};

} // namespace VodConfirm
