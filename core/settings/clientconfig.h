#pragma once

#include "api/vodclient.h"
#include "settings/profile.h"

namespace VodConfirm {

// The one place where a profile and its secrets become a client configuration.
VodClient::Config clientConfig(const Profile &profile, const Credentials &credentials,
                               int timeoutSeconds);

} // namespace VodConfirm
