#include "historyrecord.h"

using namespace Qt::StringLiterals;

namespace VodConfirm {

namespace {

struct OutcomeName
{
    Outcome outcome;
    QLatin1StringView name;
};

// The one name <-> value table. The names are stored in history files: never rename one.
constexpr OutcomeName OutcomeNames[] = {
        {Outcome::Confirmed, "confirmed"_L1}, {Outcome::Failed, "failed"_L1},
        {Outcome::Retrying, "retrying"_L1},   {Outcome::NotSent, "not_sent"_L1},
        {Outcome::Skipped, "skipped"_L1},     {Outcome::AlreadyConfirmed, "already_confirmed"_L1},
        {Outcome::Unknown, "unknown"_L1},
};

} // namespace

QLatin1StringView outcomeName(Outcome outcome)
{
    for (const OutcomeName &n : OutcomeNames) {
        if (n.outcome == outcome)
            return n.name;
    }
    return "unknown"_L1;
}

Outcome outcomeFromName(QStringView name)
{
    for (const OutcomeName &n : OutcomeNames) {
        if (name == n.name)
            return n.outcome;
    }
    return Outcome::Unknown;
}

QList<Outcome> recordedOutcomes()
{
    QList<Outcome> result;
    for (const OutcomeName &n : OutcomeNames) {
        if (n.outcome != Outcome::Unknown)
            result.append(n.outcome);
    }
    return result;
}

} // namespace VodConfirm
