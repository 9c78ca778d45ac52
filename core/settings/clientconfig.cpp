#include "clientconfig.h"

namespace VodConfirm {

VodClient::Config clientConfig(const Profile &profile, const Credentials &credentials,
                               int timeoutSeconds)
{
    VodClient::Config config;
    config.endpoint = profile.vodEndpoint();
    config.iamEndpoint = profile.iamEndpoint();
    config.regionId = profile.regionId;
    config.projectId = profile.projectId.trimmed();
    config.credentials = credentials;
    config.credentials.mode = profile.authMode;
    config.timeoutMs = timeoutSeconds * 1000;
    return config;
}

} // namespace VodConfirm
