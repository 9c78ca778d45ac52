#include "confirmtypes.h"

using namespace Qt::StringLiterals;

namespace VodConfirm {

std::optional<Outcome> outcomeOf(AssetState s)
{
    switch (s) {
    case AssetState::Queued:
    case AssetState::Sending:
        return std::nullopt;
    case AssetState::Retrying:
        return Outcome::Retrying;
    case AssetState::Confirmed:
        return Outcome::Confirmed;
    case AssetState::Failed:
        return Outcome::Failed;
    case AssetState::NotSent:
        return Outcome::NotSent;
    case AssetState::Skipped:
        return Outcome::Skipped;
    case AssetState::AlreadyConfirmed:
        return Outcome::AlreadyConfirmed;
    }
    return std::nullopt;
}

QString assetStateName(AssetState s)
{
    if (const std::optional<Outcome> outcome = outcomeOf(s))
        return outcomeName(*outcome);
    return s == AssetState::Sending ? u"sending"_s : u"queued"_s;
}

} // namespace VodConfirm
