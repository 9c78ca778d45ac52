#include "api/quota.h"

#include <QCoreApplication>

namespace VodConfirm::Quota {

QString rateWarning(int perMinute)
{
    if (perMinute <= StandardPerMinute)
        return {};
    return QCoreApplication::translate("VodConfirm::Quota",
                                       "%L1 requests per minute is above the %L2 an account gets "
                                       "unless its quota was raised; without a raised quota the "
                                       "service throttles (429) and the run slows down.")
            .arg(perMinute)
            .arg(StandardPerMinute);
}

} // namespace VodConfirm::Quota
