#include "confirmtypes.h"

using namespace Qt::StringLiterals;

namespace VodConfirm {

QString assetStateName(AssetState s)
{
    switch (s) {
    case AssetState::Queued:
        return u"queued"_s;
    case AssetState::Sending:
        return u"sending"_s;
    case AssetState::Retrying:
        return u"retrying"_s;
    case AssetState::Confirmed:
        return u"confirmed"_s;
    case AssetState::Failed:
        return u"failed"_s;
    case AssetState::NotSent:
    case AssetState::Cancelled:
        return u"not_sent"_s;
    case AssetState::Skipped:
        return u"skipped"_s;
    }
    return {};
}

} // namespace VodConfirm
