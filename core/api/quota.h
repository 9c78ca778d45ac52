#pragma once

#include <QString>

namespace VodConfirm::Quota {

// ConfirmAssetUpload's flow control, per minute (VOD API flow control, the media asset upload
// group): what one account gets unless its quota was raised, and what all accounts together get,
// the most a raised quota can be.
constexpr int StandardPerMinute = 1500;
constexpr int ServicePerMinute = 12000;

// Empty up to StandardPerMinute, else one translated sentence: the rate works only with a raised
// quota, and throttling (429) slows the run down otherwise.
QString rateWarning(int perMinute);

} // namespace VodConfirm::Quota
