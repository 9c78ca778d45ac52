<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AssetIdParser</name>
    <message>
        <source>UUID, not an asset ID</source>
        <translation>是 UUID，不是媒资ID</translation>
    </message>
    <message>
        <source>1 character, an asset ID has 32</source>
        <translation>1 个字符，媒资ID应为 32 个</translation>
    </message>
    <message numerus="yes">
        <source>%Ln characters, an asset ID has 32</source>
        <translation>
            <numerusform>%Ln 个字符，媒资ID应为 32 个</numerusform>
        </translation>
    </message>
    <message>
        <source>not hexadecimal: &apos;%1&apos; at position %2</source>
        <translation>不是十六进制：第 %2 位的“%1”</translation>
    </message>
    <message>
        <source>No asset IDs found (an asset ID is 32 hexadecimal characters)</source>
        <translation>未找到媒资ID（媒资ID为 32 位十六进制字符）</translation>
    </message>
    <message>
        <source>1 duplicate ignored</source>
        <translation>已忽略 1 个重复项</translation>
    </message>
    <message numerus="yes">
        <source>%Ln duplicates ignored</source>
        <translation>
            <numerusform>已忽略 %Ln 个重复项</numerusform>
        </translation>
    </message>
    <message>
        <source>1 ID already in the list ignored</source>
        <translation>已忽略 1 个已在列表中的ID</translation>
    </message>
    <message numerus="yes">
        <source>%Ln IDs already in the list ignored</source>
        <translation>
            <numerusform>已忽略 %Ln 个已在列表中的ID</numerusform>
        </translation>
    </message>
    <message>
        <source>1 ID was in upper case and was converted to lower case</source>
        <translation>1 个ID为大写，已转换为小写</translation>
    </message>
    <message numerus="yes">
        <source>%Ln IDs were in upper case and were converted to lower case</source>
        <translation>
            <numerusform>%Ln 个ID为大写，已转换为小写</numerusform>
        </translation>
    </message>
    <message>
        <source>1 value looks like an asset ID but is not valid</source>
        <translation>1 个值看似媒资ID，但无效</translation>
    </message>
    <message numerus="yes">
        <source>%Ln values look like asset IDs but are not valid</source>
        <translation>
            <numerusform>%Ln 个值看似媒资ID，但无效</numerusform>
        </translation>
    </message>
    <message>
        <source>(the first %L1 are listed)</source>
        <translation>（仅列出前 %L1 个）</translation>
    </message>
    <message>
        <source>it is not text (it contains NUL bytes). Give text files: UTF-8, or UTF-16 or UTF-32 with a byte order mark.</source>
        <translation>它不是文本（含有 NUL 字节）。请提供文本文件：UTF-8，或带字节顺序标记（BOM）的 UTF-16 或 UTF-32。</translation>
    </message>
</context>
<context>
    <name>ErrorCatalogue</name>
    <message>
        <source>The server rejected a request parameter.</source>
        <translation>服务器拒绝了某个请求参数。</translation>
    </message>
    <message>
        <source>Check that the asset ID is correct.</source>
        <translation>请检查媒资ID是否正确。</translation>
    </message>
    <message>
        <source>A temporary error inside the VOD service.</source>
        <translation>点播服务内部临时错误。</translation>
    </message>
    <message>
        <source>Wait a moment and try again; a batch retries it automatically.</source>
        <translation>请稍后重试；批次会自动重试。</translation>
    </message>
    <message>
        <source>Identity authentication failed.</source>
        <translation>身份认证失败。</translation>
    </message>
    <message>
        <source>Check the profile&apos;s credentials.</source>
        <translation>请检查配置的凭证。</translation>
    </message>
    <message>
        <source>Too many requests: the service is throttling this account.</source>
        <translation>请求过多：服务正在对此账号限流。</translation>
    </message>
    <message>
        <source>Wait a moment and try again; a batch slows down and retries automatically.</source>
        <translation>请稍后重试；批次会自动降速并重试。</translation>
    </message>
    <message>
        <source>The credentials were refused: a wrong Access Key/Secret Key, an expired token or security token, or this computer&apos;s clock is wrong by more than 15 minutes.</source>
        <translation>凭证被拒绝：访问密钥（AK）/秘密访问密钥（SK）错误、令牌或安全令牌已过期，或者本机时钟偏差超过 15 分钟。</translation>
    </message>
    <message>
        <source>Check the profile&apos;s credentials and the system clock. Five failed signatures in a row lock an access key for five minutes.</source>
        <translation>请检查配置的凭证和系统时钟。连续 5 次签名失败会将访问密钥锁定 5 分钟。</translation>
    </message>
    <message>
        <source>This IAM user is not allowed to call the VOD API.</source>
        <translation>此 IAM 用户无权调用点播 API。</translation>
    </message>
    <message>
        <source>Ask the account administrator for VOD permissions (vod:asset:upload).</source>
        <translation>请联系账号管理员授予点播权限（vod:asset:upload）。</translation>
    </message>
    <message>
        <source>Check the asset&apos;s status in the VOD console.</source>
        <translation>请在视频点播控制台检查媒资状态。</translation>
    </message>
    <message>
        <source>The address answered, but it does not serve the VOD API.</source>
        <translation>该地址有响应，但不提供点播 API。</translation>
    </message>
    <message>
        <source>Check the profile&apos;s region and any custom endpoint.</source>
        <translation>请检查配置的区域和自定义终端节点。</translation>
    </message>
    <message>
        <source>The API gateway has no working route to VOD here.</source>
        <translation>API 网关在此没有可用的点播路由。</translation>
    </message>
    <message>
        <source>The request was too large for the server.</source>
        <translation>请求过大，服务器无法处理。</translation>
    </message>
    <message>
        <source>This should not happen with VOD Confirm: check any proxy that changes requests, and report it.</source>
        <translation>VOD Confirm 不应出现此情况：请检查会修改请求的代理，并报告此问题。</translation>
    </message>
    <message>
        <source>The connection was interrupted.</source>
        <translation>连接已中断。</translation>
    </message>
    <message>
        <source>The proxy server refused or failed the connection.</source>
        <translation>代理服务器拒绝了连接或连接失败。</translation>
    </message>
    <message>
        <source>Check the profile&apos;s proxy settings.</source>
        <translation>请检查配置的代理设置。</translation>
    </message>
    <message>
        <source>The server did not answer in time.</source>
        <translation>服务器未及时响应。</translation>
    </message>
    <message>
        <source>A batch retries it automatically; if it keeps happening, check the network connection.</source>
        <translation>批次会自动重试；如果反复出现，请检查网络连接。</translation>
    </message>
    <message>
        <source>The asset&apos;s current state does not allow this operation.</source>
        <translation>媒资的当前状态不允许此操作。</translation>
    </message>
    <message>
        <source>The account has not completed real-name authentication.</source>
        <translation>账号尚未完成实名认证。</translation>
    </message>
    <message>
        <source>Complete real-name authentication in the Huawei Cloud console.</source>
        <translation>请在华为云控制台完成实名认证。</translation>
    </message>
    <message>
        <source>The account is in an abnormal state (for example in arrears or frozen).</source>
        <translation>账号状态异常（例如欠费或冻结）。</translation>
    </message>
    <message>
        <source>Check the account&apos;s status and balance in the Huawei Cloud console.</source>
        <translation>请在华为云控制台检查账号状态和余额。</translation>
    </message>
    <message>
        <source>The project ID does not belong to this region, or to this account.</source>
        <translation>项目ID不属于此区域或此账号。</translation>
    </message>
    <message>
        <source>Each region has its own project ID: check the profile&apos;s region and project ID (My Credentials → Projects).</source>
        <translation>每个区域有各自的项目ID：请检查配置的区域和项目ID（我的凭证 → 项目列表）。</translation>
    </message>
    <message>
        <source>The server refused the request method.</source>
        <translation>服务器拒绝了该请求方法。</translation>
    </message>
    <message>
        <source>The server refused the request&apos;s content type.</source>
        <translation>服务器拒绝了该请求的内容类型。</translation>
    </message>
    <message>
        <source>The asset was not downloaded successfully, or is not released.</source>
        <translation>媒资未下载成功，或尚未发布。</translation>
    </message>
    <message>
        <source>The asset is not waiting for an upload confirmation (it may already be confirmed, or its upload was never started).</source>
        <translation>该媒资不在等待确认上传的状态（可能已经确认，或从未开始上传）。</translation>
    </message>
    <message>
        <source>The asset does not exist in this project/region.</source>
        <translation>该媒资在此项目/区域中不存在。</translation>
    </message>
    <message>
        <source>Double-check the asset ID, and the profile&apos;s region and project ID.</source>
        <translation>请仔细核对媒资ID，以及配置的区域和项目ID。</translation>
    </message>
    <message>
        <source>The API gateway could not reach the VOD service in time.</source>
        <translation>API 网关未能及时连接到点播服务。</translation>
    </message>
    <message>
        <source>The API gateway rejected the request.</source>
        <translation>API 网关拒绝了该请求。</translation>
    </message>
    <message>
        <source>The server rejected the request as invalid.</source>
        <translation>服务器认为该请求无效并拒绝。</translation>
    </message>
    <message>
        <source>The server had a temporary problem.</source>
        <translation>服务器出现临时问题。</translation>
    </message>
    <message>
        <source>The endpoint is unreachable: the connection was refused, so nothing was sent.</source>
        <translation>终端节点不可达：连接被拒绝，未发送任何内容。</translation>
    </message>
    <message>
        <source>Check the endpoint&apos;s address and port, the proxy and the firewall.</source>
        <translation>请检查终端节点的地址和端口、代理以及防火墙。</translation>
    </message>
    <message>
        <source>The endpoint is unreachable: its host name was not found, so nothing was sent.</source>
        <translation>终端节点不可达：找不到其主机名，未发送任何内容。</translation>
    </message>
    <message>
        <source>Check the network connection (DNS), the region and any custom endpoint.</source>
        <translation>请检查网络连接（DNS）、区域和自定义终端节点。</translation>
    </message>
    <message>
        <source>The network failed (for example, it is unreachable).</source>
        <translation>网络故障（例如网络不可达）。</translation>
    </message>
    <message>
        <source>Check the network connection.</source>
        <translation>请检查网络连接。</translation>
    </message>
    <message>
        <source>The request was cancelled, or the server did not answer in time.</source>
        <translation>请求已取消，或服务器未及时响应。</translation>
    </message>
    <message>
        <source>The connection closed after the request was sent, before any answer: it may have taken effect.</source>
        <translation>请求发出后、收到响应前连接已关闭：请求可能已经生效。</translation>
    </message>
    <message>
        <source>A batch reads the asset&apos;s state before it sends the request again.</source>
        <translation>批次会先查询媒资状态，再重新发送请求。</translation>
    </message>
    <message>
        <source>A secure (TLS) connection could not be established: the server&apos;s certificate or the TLS handshake was not accepted.</source>
        <translation>无法建立安全（TLS）连接：服务器证书或 TLS 握手未被接受。</translation>
    </message>
    <message>
        <source>If the endpoint&apos;s certificate comes from your organisation&apos;s own CA, set that CA certificate as the profile&apos;s CA file (--ca-file on the command line); also check the system clock and any proxy that intercepts HTTPS.</source>
        <translation>如果终端节点的证书由贵组织自己的 CA 签发，请将该 CA 证书设为配置的 CA 文件（命令行中为 --ca-file）；另请检查系统时钟以及任何拦截 HTTPS 的代理。</translation>
    </message>
    <message>
        <source>The proxy server asks for a user name and password, or refused the ones given.</source>
        <translation>代理服务器要求提供用户名和密码，或拒绝了所提供的用户名和密码。</translation>
    </message>
    <message>
        <source>Check the proxy user name and password in the profile.</source>
        <translation>请检查配置中的代理用户名和密码。</translation>
    </message>
    <message>
        <source>The endpoint redirected the request elsewhere; credentials are never sent to another address.</source>
        <translation>终端节点将请求重定向到其他地址；凭证绝不会发送到其他地址。</translation>
    </message>
    <message>
        <source>Check the endpoint URL.</source>
        <translation>请检查终端节点 URL。</translation>
    </message>
    <message>
        <source>A network error stopped the request.</source>
        <translation>网络错误导致请求中止。</translation>
    </message>
    <message>
        <source>This computer&apos;s clock is more than 15 minutes away from the server&apos;s time, so signed requests are refused.</source>
        <translation>本机时钟与服务器时间相差超过 15 分钟，签名请求因此被拒绝。</translation>
    </message>
    <message>
        <source>Set the system clock right (turn on automatic time), then try again.</source>
        <translation>请校正系统时钟（开启自动对时），然后重试。</translation>
    </message>
    <message>
        <source>%1 It is about %2 minutes off (server time %3 UTC). %4</source>
        <translation>%1偏差约 %2 分钟（服务器时间 %3 UTC）。%4</translation>
    </message>
    <message>
        <source>The credentials were accepted, but this user may not confirm uploads. %1</source>
        <translation>凭证已被接受，但此用户无权确认上传。%1</translation>
    </message>
    <message>
        <source>The access key, secret key or security token was rejected: the temporary credentials are wrong or have expired.</source>
        <translation>访问密钥、秘密访问密钥或安全令牌被拒绝：临时凭证有误或已过期。</translation>
    </message>
    <message>
        <source>The access key (AK) or secret key (SK) is wrong: the server rejected the signature. Check both keys (My Credentials → Access Keys); five failed signatures in a row lock the AK for five minutes.</source>
        <translation>访问密钥（AK）或秘密访问密钥（SK）错误：服务器拒绝了签名。请检查这两个密钥（我的凭证 → 访问密钥）；连续 5 次签名失败会将 AK 锁定 5 分钟。</translation>
    </message>
    <message>
        <source>The IAM token has expired. Get a new token.</source>
        <translation>IAM 令牌已过期。请获取新令牌。</translation>
    </message>
    <message>
        <source>The IAM token was rejected: check that it is complete and was issued for this region&apos;s project.</source>
        <translation>IAM 令牌被拒绝：请检查令牌是否完整，以及是否为此区域的项目签发。</translation>
    </message>
    <message>
        <source>The IAM user name, password or account name is wrong, or the user may not sign in with a password.</source>
        <translation>IAM 用户名、密码或账号名错误，或该用户不允许使用密码登录。</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>what an error means, then what to do</comment>
        <translation>%1%2</translation>
    </message>
    <message>
        <source>The storage service refused the upload authorisation: it expired, or it was for another operation.</source>
        <translation>存储服务拒绝了上传授权：授权已过期，或者它属于另一个操作。</translation>
    </message>
    <message>
        <source>The upload asks VOD for a new authorisation; if this repeats, check the computer&apos;s clock and the account&apos;s VOD permissions.</source>
        <translation>上传会向 VOD 重新申请授权；如果反复出现，请检查计算机的时钟和账号的 VOD 权限。</translation>
    </message>
    <message>
        <source>A part of the file did not arrive as it was sent (its MD5 checksum did not match).</source>
        <translation>文件的某个分段到达时与发送时不一致（其 MD5 校验和不匹配）。</translation>
    </message>
    <message>
        <source>The part is read from the file again and sent again; if this repeats, check the disk and the network (a proxy that changes data).</source>
        <translation>会从文件重新读取该分段并重新发送；如果反复出现，请检查磁盘和网络（是否有代理修改了数据）。</translation>
    </message>
    <message>
        <source>A temporary error inside the storage service.</source>
        <translation>存储服务内部的临时错误。</translation>
    </message>
    <message>
        <source>The storage service refused the list of parts to join (missing, reordered or changed parts).</source>
        <translation>存储服务拒绝了要合并的分段列表（分段缺失、顺序错乱或已改变）。</translation>
    </message>
    <message>
        <source>Upload the file again from the beginning.</source>
        <translation>请从头重新上传该文件。</translation>
    </message>
    <message>
        <source>The multipart upload no longer exists on the storage service (completed, aborted or expired).</source>
        <translation>存储服务上已不存在该分段上传（已完成、已取消或已过期）。</translation>
    </message>
    <message>
        <source>A part other than the last is smaller than the storage service allows (100 KB).</source>
        <translation>除最后一个分段外，有分段小于存储服务允许的大小（100 KB）。</translation>
    </message>
    <message>
        <source>Choose a larger part size and upload again.</source>
        <translation>请选择更大的分段大小并重新上传。</translation>
    </message>
</context>
<context>
    <name>Gui</name>
    <message>
        <source>VOD Confirm</source>
        <translation>VOD Confirm</translation>
    </message>
    <message>
        <source>History unavailable</source>
        <translation>历史记录不可用</translation>
    </message>
    <message>
        <source>The confirmation history cannot be opened, so this session will not be recorded.

%1</source>
        <translation>无法打开确认历史记录，本次会话将不会被记录。

%1</translation>
    </message>
</context>
<context>
    <name>Regions</name>
    <message>
        <source>The endpoint is not a valid URL.</source>
        <translation>终端节点不是有效的 URL。</translation>
    </message>
    <message>
        <source>The endpoint cannot contain a user name or password (user:password@host): it would be shown and logged with the URL. Credentials come from the profile.</source>
        <translation>终端节点不能包含用户名或密码（user:password@host）：它们会随 URL 一起显示并记入日志。凭证来自配置。</translation>
    </message>
    <message>
        <source>The endpoint must use https: credentials are never sent over plain http, except to this computer (127.0.0.1, localhost).</source>
        <translation>终端节点必须使用 https：凭证绝不会通过明文 http 发送，本机（127.0.0.1、localhost）除外。</translation>
    </message>
    <message>
        <source>The endpoint must be an https:// URL.</source>
        <translation>终端节点必须是 https:// URL。</translation>
    </message>
    <message>
        <source>CN North-Beijing4</source>
        <translation>华北-北京四</translation>
    </message>
    <message>
        <source>CN North-Beijing1</source>
        <translation>华北-北京一</translation>
    </message>
    <message>
        <source>CN East-Shanghai2</source>
        <translation>华东-上海二</translation>
    </message>
    <message>
        <source>CN-Hong Kong</source>
        <translation>中国-香港</translation>
    </message>
    <message>
        <source>AP-Bangkok</source>
        <translation>亚太-曼谷</translation>
    </message>
    <message>
        <source>AP-Singapore</source>
        <translation>亚太-新加坡</translation>
    </message>
</context>
<context>
    <name>UploadParts</name>
    <message>
        <source>%1 has no file extension, so its type is not known. VOD takes these types: %2.</source>
        <translation>%1 没有文件扩展名，因此无法得知其类型。VOD 支持以下类型：%2。</translation>
    </message>
    <message>
        <source>VOD does not take .%1 files (%2). It takes these types: %3.</source>
        <translation>VOD 不支持 .%1 文件（%2）。它支持以下类型：%3。</translation>
    </message>
    <message>
        <source>The file is empty: there is nothing to upload.</source>
        <translation>文件为空：没有可上传的内容。</translation>
    </message>
    <message>
        <source>The file is too big for VOD: %1 at most (10,000 parts of 5 GB).</source>
        <translation>文件对 VOD 来说太大：最多 %1（10,000 个 5 GB 的分段）。</translation>
    </message>
    <message>
        <source>%1 does not exist (any more).</source>
        <translation>%1 不存在（或已不存在）。</translation>
    </message>
    <message>
        <source>%1 is not a file.</source>
        <translation>%1 不是文件。</translation>
    </message>
    <message>
        <source>%1 cannot be read (check its permissions).</source>
        <translation>无法读取 %1（请检查其权限）。</translation>
    </message>
    <message>
        <source>%1 changed since its upload began (%2 then, %3 now). Its parts cannot be sent any more: upload it again as a new file.</source>
        <translation>%1 在开始上传后已改变（当时 %2，现在 %3）。无法再发送它的分段：请将其作为新文件重新上传。</translation>
    </message>
    <message>
        <source>%1 was modified since its upload began (at %2). Its parts cannot be sent any more: upload it again as a new file.</source>
        <translation>%1 在开始上传后被修改过（于 %2）。无法再发送它的分段：请将其作为新文件重新上传。</translation>
    </message>
    <message>
        <source>Part %1 is not a part of %2.</source>
        <translation>分段 %1 不属于 %2。</translation>
    </message>
    <message>
        <source>Cannot read %1: %2.</source>
        <translation>无法读取 %1：%2。</translation>
    </message>
    <message>
        <source>%1 ended before part %2 was read.</source>
        <translation>%1 在读取分段 %2 之前就已结束。</translation>
    </message>
</context>
<context>
    <name>UploadRecord</name>
    <message>
        <source>the upload id is not valid</source>
        <translation>上传ID无效</translation>
    </message>
    <message>
        <source>the batch id is not valid</source>
        <translation>批次ID无效</translation>
    </message>
    <message>
        <source>the profile, region or project id is too long</source>
        <translation>配置、区域或项目ID过长</translation>
    </message>
    <message>
        <source>the file path is not an absolute path</source>
        <translation>文件路径不是绝对路径</translation>
    </message>
    <message>
        <source>the file size is out of range</source>
        <translation>文件大小超出范围</translation>
    </message>
    <message>
        <source>the file modification time is not valid</source>
        <translation>文件修改时间无效</translation>
    </message>
    <message>
        <source>the title is empty or too long</source>
        <translation>标题为空或过长</translation>
    </message>
    <message>
        <source>the video type is not valid</source>
        <translation>视频类型无效</translation>
    </message>
    <message>
        <source>the description is too long</source>
        <translation>描述过长</translation>
    </message>
    <message>
        <source>the template group name is too long</source>
        <translation>模板组名称过长</translation>
    </message>
    <message>
        <source>the category id is out of range</source>
        <translation>分类ID超出范围</translation>
    </message>
    <message>
        <source>the part size is out of range</source>
        <translation>分段大小超出范围</translation>
    </message>
    <message>
        <source>the asset id is not valid</source>
        <translation>媒资ID无效</translation>
    </message>
    <message>
        <source>the upload URL is not valid</source>
        <translation>上传 URL 无效</translation>
    </message>
    <message>
        <source>the bucket name is not valid</source>
        <translation>桶名称无效</translation>
    </message>
    <message>
        <source>the object key is not valid</source>
        <translation>对象键无效</translation>
    </message>
    <message>
        <source>the OBS upload id is not valid</source>
        <translation>OBS 上传ID无效</translation>
    </message>
    <message>
        <source>the last error is too long</source>
        <translation>最后的错误信息过长</translation>
    </message>
    <message>
        <source>the state is unknown</source>
        <translation>状态未知</translation>
    </message>
    <message>
        <source>the asset id is missing</source>
        <translation>缺少媒资ID</translation>
    </message>
    <message>
        <source>where to upload is missing</source>
        <translation>缺少上传位置</translation>
    </message>
    <message>
        <source>the OBS upload id is missing</source>
        <translation>缺少 OBS 上传ID</translation>
    </message>
    <message>
        <source>part number %1 is out of range</source>
        <translation>分段编号 %1 超出范围</translation>
    </message>
    <message>
        <source>part %1 does not have its planned size</source>
        <translation>分段 %1 的大小与计划不符</translation>
    </message>
    <message>
        <source>the ETag of part %1 is not valid</source>
        <translation>分段 %1 的 ETag 无效</translation>
    </message>
</context>
<context>
    <name>VodConfirm::ApiResult</name>
    <message>
        <source>No answer from the server before the timeout.</source>
        <translation>超时前服务器没有响应。</translation>
    </message>
    <message>
        <source>The request could not be sent before the timeout.</source>
        <translation>超时前未能发出请求。</translation>
    </message>
    <message>
        <source>The server refused the connection: nothing was sent (check the endpoint&apos;s address and port).</source>
        <translation>服务器拒绝了连接：未发送任何内容（请检查终端节点的地址和端口）。</translation>
    </message>
    <message>
        <source>The server closed the connection after the request was sent, before answering: it may have taken effect.</source>
        <translation>请求发出后、服务器响应前连接被关闭：请求可能已经生效。</translation>
    </message>
    <message>
        <source>The server closed the connection before the request was sent.</source>
        <translation>请求发出前服务器关闭了连接。</translation>
    </message>
    <message>
        <source>The connection closed after the request was sent, before any answer: it may have taken effect, so it was not sent again blindly.</source>
        <translation>请求发出后、收到响应前连接已关闭：请求可能已经生效，因此未盲目重发。</translation>
    </message>
    <message>
        <source>The endpoint&apos;s host name could not be found: nothing was sent (check the region or endpoint and the network).</source>
        <translation>找不到终端节点的主机名：未发送任何内容（请检查区域或终端节点以及网络）。</translation>
    </message>
    <message>
        <source>The server could not be reached: nothing was sent (%1).</source>
        <translation>无法连接服务器：未发送任何内容（%1）。</translation>
    </message>
    <message>
        <source>The server&apos;s certificate was not accepted: %1.</source>
        <translation>服务器证书未被接受：%1。</translation>
    </message>
    <message>
        <source>The secure (TLS) connection failed: %1</source>
        <translation>安全（TLS）连接失败：%1</translation>
    </message>
    <message>
        <source>The proxy server refused the connection: check the proxy&apos;s host name and port.</source>
        <translation>代理服务器拒绝了连接：请检查代理的主机名和端口。</translation>
    </message>
    <message>
        <source>The proxy server&apos;s host name could not be found: check the proxy settings.</source>
        <translation>找不到代理服务器的主机名：请检查代理设置。</translation>
    </message>
    <message>
        <source>The proxy server closed the connection unexpectedly.</source>
        <translation>代理服务器意外关闭了连接。</translation>
    </message>
    <message>
        <source>The proxy server did not answer in time.</source>
        <translation>代理服务器未及时响应。</translation>
    </message>
    <message>
        <source>The proxy server asks for a user name and password, or refused the ones given: check the proxy user name and password.</source>
        <translation>代理服务器要求提供用户名和密码，或拒绝了所提供的用户名和密码：请检查代理用户名和密码。</translation>
    </message>
    <message>
        <source>The proxy server failed: %1</source>
        <translation>代理服务器出错：%1</translation>
    </message>
    <message>
        <source>The request was cancelled.</source>
        <translation>请求已取消。</translation>
    </message>
    <message>
        <source>Network error.</source>
        <translation>网络错误。</translation>
    </message>
    <message>
        <source>The answer was too large and was cut off (HTTP %1).</source>
        <translation>响应过大，已被截断（HTTP %1）。</translation>
    </message>
    <message>
        <source>The server sent an empty answer (HTTP %1).</source>
        <translation>服务器返回了空响应（HTTP %1）。</translation>
    </message>
    <message>
        <source>The server sent a web page instead of an API answer (HTTP %1).</source>
        <translation>服务器返回的是网页而不是 API 响应（HTTP %1）。</translation>
    </message>
    <message>
        <source>The server sent a web page instead of an API answer (HTTP %1): %2</source>
        <translation>服务器返回的是网页而不是 API 响应（HTTP %1）：%2</translation>
    </message>
    <message>
        <source>The server&apos;s answer is not complete JSON (HTTP %1): %2 at byte %3.</source>
        <translation>服务器的响应不是完整的 JSON（HTTP %1）：%2，位于第 %3 字节。</translation>
    </message>
    <message>
        <source>The server&apos;s answer is not JSON (HTTP %1).</source>
        <translation>服务器的响应不是 JSON（HTTP %1）。</translation>
    </message>
    <message>
        <source>The server answered HTTP %1, but with an error: %2</source>
        <translation>服务器返回 HTTP %1，但带有错误：%2</translation>
    </message>
    <message>
        <source>The server answered HTTP %1 without &quot;%2&quot; in its answer.</source>
        <translation>服务器返回 HTTP %1，但响应中没有“%2”。</translation>
    </message>
    <message>
        <source>%1 Whether the request took effect is not known.</source>
        <translation>%1无法确定请求是否已生效。</translation>
    </message>
    <message>
        <source>The server redirected the request to %1; redirects are not followed, so that credentials never go to another address.</source>
        <translation>服务器将请求重定向到 %1；为确保凭证绝不发往其他地址，不跟随重定向。</translation>
    </message>
    <message>
        <source>The server answered HTTP %1 without an error message.</source>
        <translation>服务器返回 HTTP %1，但没有错误信息。</translation>
    </message>
</context>
<context>
    <name>VodConfirm::AssetTableModel</name>
    <message>
        <source>Queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>发送中</translation>
    </message>
    <message>
        <source>Retrying %1/%2</source>
        <translation>重试 %1/%2</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>未发送</translation>
    </message>
    <message>
        <source>Confirmed before</source>
        <translation>此前已确认</translation>
    </message>
    <message>
        <source>Asset ID</source>
        <translation>媒资ID</translation>
    </message>
    <message>
        <source>Target status</source>
        <translation>目标状态</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
    <message>
        <source>Error code</source>
        <translation>错误码</translation>
    </message>
    <message>
        <source>Error message</source>
        <translation>错误信息</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>尝试次数</translation>
    </message>
    <message>
        <source>Request ID</source>
        <translation>请求ID</translation>
    </message>
    <message>
        <source>Last update</source>
        <translation>最后更新</translation>
    </message>
    <message>
        <source>Asset %1: %2.</source>
        <translation>媒资 %1：%2。</translation>
    </message>
    <message>
        <source>no error code</source>
        <translation>无错误码</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>无应答</translation>
    </message>
    <message>
        <source>Asset %1: %2, error %3, HTTP %4.</source>
        <translation>媒资 %1：%2，错误码 %3，HTTP %4。</translation>
    </message>
    <message>
        <source>no HTTP answer</source>
        <translation>无 HTTP 应答</translation>
    </message>
    <message>
        <source>no message</source>
        <translation>无错误信息</translation>
    </message>
    <message>
        <source>not sent yet</source>
        <translation>尚未发送</translation>
    </message>
    <message>
        <source>no request ID</source>
        <translation>无请求ID</translation>
    </message>
    <message>
        <source>not updated yet</source>
        <translation>尚未更新</translation>
    </message>
    <message>
        <source>Already confirmed</source>
        <translation>此前已确认</translation>
    </message>
    <message>
        <source>Final state</source>
        <translation>最终状态</translation>
    </message>
    <message>
        <source>not followed</source>
        <translation>未跟踪</translation>
    </message>
</context>
<context>
    <name>VodConfirm::AssetsPage</name>
    <message>
        <source>Interrupted batch</source>
        <translation>中断的批次</translation>
    </message>
    <message>
        <source>Add asset IDs</source>
        <translation>添加媒资ID</translation>
    </message>
    <message>
        <source>Filter text</source>
        <translation>筛选文本</translation>
    </message>
    <message>
        <source>Filter…</source>
        <translation>筛选…</translation>
    </message>
    <message>
        <source>Column to filter</source>
        <translation>要筛选的列</translation>
    </message>
    <message>
        <source>Assets</source>
        <translation>媒资</translation>
    </message>
    <message>
        <source>Details of the current asset</source>
        <translation>当前媒资详情</translation>
    </message>
    <message>
        <source>Select an asset to see the server&apos;s answer in full.</source>
        <translation>选择一个媒资以查看服务器的完整响应。</translation>
    </message>
    <message>
        <source>Batch progress</source>
        <translation>批次进度</translation>
    </message>
    <message>
        <source>Batch progress details</source>
        <translation>批次进度详情</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>未发送</translation>
    </message>
    <message>
        <source>Queued: %1</source>
        <translation>排队中：%1</translation>
    </message>
    <message>
        <source>Parsing…</source>
        <translation>正在解析…</translation>
    </message>
    <message>
        <source>All columns</source>
        <translation>所有列</translation>
    </message>
    <message>
        <source>No assets yet. Paste asset IDs above, import files (Ctrl+O) or drop them on the window.</source>
        <translation>还没有媒资。请在上方粘贴媒资ID、导入文件（Ctrl+O）或将文件拖放到窗口中。</translation>
    </message>
    <message>
        <source>No asset in this view: choose another group above or clear the filter.</source>
        <translation>此视图中没有媒资：请在上方选择其他分组或清除筛选。</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 分 %2 秒</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>空闲</translation>
    </message>
    <message>
        <source>Done: %1 confirmed, %2 failed, %3 not sent in %4</source>
        <translation>完成：%1 个已确认，%2 个失败，%3 个未发送，用时 %4</translation>
    </message>
    <message numerus="yes">
        <source> · %Ln skipped as confirmed before</source>
        <translation>
            <numerusform> · %Ln 个因此前已确认而跳过</numerusform>
        </translation>
    </message>
    <message>
        <source>Paused · %p%</source>
        <translation>已暂停 · %p%</translation>
    </message>
    <message>
        <source>%1 of %2 done · %3 confirmed · %4 failed</source>
        <translation>已完成 %1/%2 · %3 个已确认 · %4 个失败</translation>
    </message>
    <message>
        <source>Paused: %1</source>
        <translation>已暂停：%1</translation>
    </message>
    <message>
        <source> · %1/min</source>
        <translation> · %1/分钟</translation>
    </message>
    <message>
        <source> · about %1 left</source>
        <translation> · 约剩 %1</translation>
    </message>
    <message numerus="yes">
        <source>A batch of %Ln asset(s) started %1 stopped before all were sent: %2 Send the rest? Assets it may have confirmed already are checked first and not sent again.</source>
        <translation>
            <numerusform>%1 开始的 %Ln 个媒资的批次在全部发送前已停止：%2是否发送剩余部分？可能已确认的媒资会先检查，不会重复发送。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>A batch of %Ln asset(s) started %1 did not finish: VOD Confirm was closed, killed or crashed while it ran. Resume it? Assets it may have confirmed already are checked first and not sent again.</source>
        <translation>
            <numerusform>%1 开始的 %Ln 个媒资的批次未完成：运行期间 VOD Confirm 被关闭、终止或崩溃。是否继续？可能已确认的媒资会先检查，不会重复发送。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%Ln older unfinished batch(es): see “vodconfirm history --unfinished”.)</source>
        <translation>
            <numerusform>（另有 %Ln 个更早的未完成批次：请参阅“vodconfirm history --unfinished”。）</numerusform>
        </translation>
    </message>
    <message>
        <source>Removed: %1</source>
        <translation>已移除：%1</translation>
    </message>
    <message>
        <source>; kept because they are in the running batch: %1</source>
        <translation>；因属于正在运行的批次而保留：%1</translation>
    </message>
    <message>
        <source>%1 could not be written: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Stopped: %1 confirmed, %2 failed, %3 left to send after %4</source>
        <translation>已停止：%1 个已确认，%2 个失败，%3 个待发送，用时 %4</translation>
    </message>
    <message>
        <source>Send Remaining (Ctrl+R) sends the rest.</source>
        <translation>“发送剩余”（Ctrl+R）会发送其余媒资。</translation>
    </message>
    <message>
        <source>Starting the batch…</source>
        <translation>正在启动批次…</translation>
    </message>
    <message>
        <source>Show %1 assets: %2</source>
        <translation>显示“%1”分组的媒资：%2 个</translation>
    </message>
    <message>
        <source>Batch progress, paused</source>
        <translation>批次进度，已暂停</translation>
    </message>
    <message numerus="yes">
        <source> · %Ln already confirmed (skipped)</source>
        <translation>
            <numerusform> · %Ln 个此前已确认（已跳过）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> · following %Ln confirmed asset(s)</source>
        <translation>
            <numerusform> · 正在跟踪 %Ln 个已确认的媒资</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VodConfirm::BatchRunner</name>
    <message>
        <source>The history could not claim the batch, so nothing was sent: %1</source>
        <translation>历史记录无法认领该批次，因此未发送任何内容：%1</translation>
    </message>
    <message>
        <source>The history could not record the batch before sending, so nothing was sent: %1</source>
        <translation>发送前历史记录无法记录该批次，因此未发送任何内容：%1</translation>
    </message>
    <message>
        <source>not sent: batch %1, running in another process, is sending it</source>
        <translation>未发送：另一个进程中运行的批次 %1 正在发送它</translation>
    </message>
    <message>
        <source>already confirmed (batch %1); not sent again</source>
        <translation>已确认（批次 %1）；不再重复发送</translation>
    </message>
    <message numerus="yes">
        <source>%Ln attempt(s) could not be saved to the history (%1).</source>
        <translation>
            <numerusform>%Ln 次尝试未能保存到历史记录（%1）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln asset(s) could not be sent.</source>
        <translation>
            <numerusform>%Ln 个媒资未能发送。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VodConfirm::CaFile</name>
    <message>
        <source>The CA file %1 cannot be read: %2.</source>
        <translation>无法读取 CA 文件 %1：%2。</translation>
    </message>
    <message>
        <source>The CA file %1 holds no certificate: choose a PEM (“-----BEGIN CERTIFICATE-----”) or DER certificate file.</source>
        <translation>CA 文件 %1 中没有证书：请选择 PEM（“-----BEGIN CERTIFICATE-----”）或 DER 证书文件。</translation>
    </message>
</context>
<context>
    <name>VodConfirm::Cli</name>
    <message>
        <source>vodconfirm: cannot write to standard output (%1): stopping; the output is incomplete.</source>
        <translation>vodconfirm：无法写入标准输出（%1）：正在停止；输出不完整。</translation>
    </message>
    <message>
        <source>Without a command the desktop app opens.</source>
        <translation>不带命令时打开桌面应用。</translation>
    </message>
    <message>
        <source>This is the command line alone; the desktop app is vodconfirm.</source>
        <translation>这是单独的命令行程序；桌面应用为 vodconfirm。</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>显示此帮助。</translation>
    </message>
    <message>
        <source>--%1 must be a whole number from %2 to %3.</source>
        <translation>--%1 必须是 %2 到 %3 之间的整数。</translation>
    </message>
    <message>
        <source>Use the saved profile NAME.</source>
        <translation>使用已保存的配置 NAME。</translation>
    </message>
    <message>
        <source>VOD region id (default cn-north-4).</source>
        <translation>点播区域 ID（默认 cn-north-4）。</translation>
    </message>
    <message>
        <source>Custom VOD endpoint URL (https).</source>
        <translation>自定义点播终端节点 URL（https）。</translation>
    </message>
    <message>
        <source>Project id (default: HUAWEICLOUD_SDK_PROJECT_ID or the profile&apos;s).</source>
        <translation>项目ID（默认：HUAWEICLOUD_SDK_PROJECT_ID 或配置中的项目ID）。</translation>
    </message>
    <message>
        <source>Requests in flight (1-16, default 4).</source>
        <translation>并发请求数（1-16，默认 4）。</translation>
    </message>
    <message>
        <source>Requests per minute (1-%1, default %2; above %3 only for an account whose quota was raised).</source>
        <translation>每分钟请求数（1-%1，默认 %2；仅配额已提升的账号可超过 %3）。</translation>
    </message>
    <message>
        <source>Attempts per asset for retryable failures (1-10, default 5).</source>
        <translation>可重试失败时每个媒资的尝试次数（1-10，默认 5）。</translation>
    </message>
    <message>
        <source>Seconds to wait for each answer (1-300, default 30).</source>
        <translation>等待每个响应的秒数（1-300，默认 30）。</translation>
    </message>
    <message>
        <source>Output format: text (default), json (one object per line) or csv.</source>
        <translation>输出格式：text（默认）、json（每行一个对象）或 csv。</translation>
    </message>
    <message>
        <source>History database file (default: the app&apos;s).</source>
        <translation>历史数据库文件（默认：应用的历史数据库）。</translation>
    </message>
    <message>
        <source>Also trust the CA certificates in PATH (PEM or DER) for the endpoint&apos;s certificate (default: the profile&apos;s CA file).</source>
        <translation>为终端节点证书额外信任 PATH 中的 CA 证书（PEM 或 DER）（默认：配置中的 CA 文件）。</translation>
    </message>
    <message>
        <source>--output must be text, json or csv.</source>
        <translation>--output 必须是 text、json 或 csv。</translation>
    </message>
    <message>
        <source>vodconfirm: warning: %1</source>
        <translation>vodconfirm：警告：%1</translation>
    </message>
    <message>
        <source>Unknown region &quot;%1&quot;. VOD regions: %2. Use --endpoint for another endpoint.</source>
        <translation>未知区域“%1”。点播区域：%2。其他终端节点请使用 --endpoint。</translation>
    </message>
    <message>
        <source>--region and --endpoint exclude each other: the endpoint alone says where requests go.</source>
        <translation>--region 与 --endpoint 互斥：只由终端节点决定请求发往何处。</translation>
    </message>
    <message>
        <source>There is no profile named &quot;%1&quot;. See &apos;%2 profiles list&apos;.</source>
        <translation>没有名为“%1”的配置。请参阅“%2 profiles list”。</translation>
    </message>
    <message>
        <source>%1 The keychain said: %2</source>
        <translation>%1钥匙串返回：%2</translation>
    </message>
    <message>
        <source>No credentials: use --profile NAME, or set HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK (and HUAWEICLOUD_SDK_SECURITY_TOKEN for temporary credentials), or VODCONFIRM_AUTH_TOKEN. Secrets are never taken from the command line.</source>
        <translation>没有凭证：请使用 --profile NAME，或设置 HUAWEICLOUD_SDK_AK 和 HUAWEICLOUD_SDK_SK（临时凭证还需 HUAWEICLOUD_SDK_SECURITY_TOKEN），或 VODCONFIRM_AUTH_TOKEN。密钥绝不从命令行参数读取。</translation>
    </message>
    <message>
        <source>--endpoint needs a URL, such as https://vod.cn-north-4.myhuaweicloud.com (or use --region).</source>
        <translation>--endpoint 需要一个 URL，例如 https://vod.cn-north-4.myhuaweicloud.com（或使用 --region）。</translation>
    </message>
    <message>
        <source>standard input</source>
        <translation>标准输入</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>line %1: ignored &quot;%2&quot;: %3</source>
        <translation>第 %1 行：已忽略“%2”：%3</translation>
    </message>
    <message>
        <source>... and %1 more malformed tokens</source>
        <translation>……另有 %1 个格式错误的词元</translation>
    </message>
    <message>
        <source>No valid asset IDs in the input (%1 lines read): every token that looked like an ID was malformed. An asset ID is 32 hexadecimal characters.</source>
        <translation>输入中没有有效的媒资ID（已读取 %1 行）：所有看似ID的词元格式都有误。媒资ID为 32 位十六进制字符。</translation>
    </message>
    <message>
        <source>No asset IDs found in the input (%1 lines read). An asset ID is 32 hexadecimal characters.</source>
        <translation>输入中未找到媒资ID（已读取 %1 行）。媒资ID为 32 位十六进制字符。</translation>
    </message>
    <message>
        <source>[%1/%2] %3 confirmed, %4 not confirmed</source>
        <translation>[%1/%2] %3 个已确认，%4 个未确认</translation>
    </message>
    <message>
        <source> (paused)</source>
        <translation>（已暂停）</translation>
    </message>
    <message>
        <source>, %1/min, %2 s left</source>
        <translation>，%1/分钟，剩余 %2 秒</translation>
    </message>
    <message>
        <source>History: %1</source>
        <translation>历史记录：%1</translation>
    </message>
    <message>
        <source>Waiting %1 s: %2.</source>
        <translation>等待 %1 秒：%2。</translation>
    </message>
    <message>
        <source>Interrupted: stopping; requests already sent finish first, the rest stays resumable (press Ctrl+C again to quit at once).</source>
        <translation>已中断：正在停止；已发出的请求先完成，其余部分可继续（再按一次 Ctrl+C 立即退出）。</translation>
    </message>
    <message>
        <source>Batch %1 (if it is interrupted: %2 resume %1)</source>
        <translation>批次 %1（如被中断：%2 resume %1）</translation>
    </message>
    <message numerus="yes">
        <source>%Ln asset(s): %1 confirmed, %2 failed, %3 not sent</source>
        <translation>
            <numerusform>%Ln 个媒资：%1 个已确认，%2 个失败，%3 个未发送</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %Ln skipped (already confirmed)</source>
        <translation>
            <numerusform>，%Ln 个已跳过（此前已确认）</numerusform>
        </translation>
    </message>
    <message>
        <source> in %1 s (%2 requests, %3 throttled, %4 state reads).</source>
        <translation>，用时 %1 秒（%2 个请求，%3 次被限流，%4 次状态查询）。</translation>
    </message>
    <message>
        <source>History: %1 The batch is kept unfinished; &apos;%3 resume %2&apos; checks the state of anything the history did not record before sending it.</source>
        <translation>历史记录：%1该批次保留为未完成；“%3 resume %2”会先检查历史记录未记录的媒资状态，再发送。</translation>
    </message>
    <message numerus="yes">
        <source>%Ln asset(s) left to send: %2 resume %1</source>
        <translation>
            <numerusform>%Ln 个媒资待发送：%2 resume %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Status to set: CREATED (default), FAILED or CANCELLED.</source>
        <translation>要设置的状态：CREATED（默认）、FAILED 或 CANCELLED。</translation>
    </message>
    <message>
        <source>Do not record this run in the history.</source>
        <translation>不在历史记录中记录本次运行。</translation>
    </message>
    <message>
        <source>Files with asset IDs in any text form; none or &apos;-&apos; reads standard input.</source>
        <translation>包含任意文本形式媒资ID的文件；不指定或为“-”时读取标准输入。</translation>
    </message>
    <message>
        <source>Confirms uploads: sends ConfirmAssetUpload for every asset ID found in the input.
Credentials come from --profile, or from the environment: HUAWEICLOUD_SDK_AK, HUAWEICLOUD_SDK_SK, HUAWEICLOUD_SDK_SECURITY_TOKEN, HUAWEICLOUD_SDK_PROJECT_ID, or VODCONFIRM_AUTH_TOKEN.
Proxy: the profile&apos;s, else the system&apos;s (https_proxy, HTTPS_PROXY, no_proxy, NO_PROXY).</source>
        <translation>确认上传：对输入中找到的每个媒资ID发送 ConfirmAssetUpload。
凭证来自 --profile 或环境变量：HUAWEICLOUD_SDK_AK、HUAWEICLOUD_SDK_SK、HUAWEICLOUD_SDK_SECURITY_TOKEN、HUAWEICLOUD_SDK_PROJECT_ID 或 VODCONFIRM_AUTH_TOKEN。
代理：使用配置中的代理，否则使用系统代理（https_proxy、HTTPS_PROXY、no_proxy、NO_PROXY）。</translation>
    </message>
    <message>
        <source>--status must be CREATED, FAILED or CANCELLED.</source>
        <translation>--status 必须是 CREATED、FAILED 或 CANCELLED。</translation>
    </message>
    <message>
        <source>--history-db and --no-history exclude each other.</source>
        <translation>--history-db 与 --no-history 互斥。</translation>
    </message>
    <message>
        <source>(use --no-history to run without a history)</source>
        <translation>（使用 --no-history 可在不记录历史的情况下运行）</translation>
    </message>
    <message>
        <source>There is no history at %1 yet.</source>
        <translation>%1 处还没有历史记录。</translation>
    </message>
    <message>
        <source>Batch %1 is being run by another VOD Confirm process right now; there is nothing else to resume.</source>
        <translation>批次 %1 正由另一个 VOD Confirm 进程运行；没有其他可继续的批次。</translation>
    </message>
    <message numerus="yes">
        <source>Batch %1 marked as finished; %Ln asset(s) were left unconfirmed.</source>
        <translation>
            <numerusform>批次 %1 已标记为完成；%Ln 个媒资未确认。</numerusform>
        </translation>
    </message>
    <message>
        <source>Batch %1 ran for project %2, but these credentials are for project %3. Use the batch&apos;s profile or --project-id %2.</source>
        <translation>批次 %1 运行于项目 %2，但当前凭证属于项目 %3。请使用该批次的配置或 --project-id %2。</translation>
    </message>
    <message numerus="yes">
        <source>Resuming batch %1: %Ln asset(s) confirmed before, %2 failed before, %3 to check and finish.</source>
        <translation>
            <numerusform>正在继续批次 %1：此前已确认 %Ln 个媒资，此前失败 %2 个，%3 个待检查并完成。</numerusform>
        </translation>
    </message>
    <message>
        <source>Only this asset ID.</source>
        <translation>仅此媒资ID。</translation>
    </message>
    <message>
        <source>Only attempts at or after this ISO 8601 date or time (UTC).</source>
        <translation>仅此 ISO 8601 日期或时间（UTC）及之后的尝试。</translation>
    </message>
    <message>
        <source>Output format: text (default), json or csv.</source>
        <translation>输出格式：text（默认）、json 或 csv。</translation>
    </message>
    <message>
        <source>List the batches that did not finish (running now, or interrupted) instead.</source>
        <translation>改为列出未完成的批次（正在运行或已中断）。</translation>
    </message>
    <message>
        <source>Prints the confirmation history, newest first.</source>
        <translation>打印确认历史记录，最新的在前。</translation>
    </message>
    <message>
        <source>--asset must be an asset ID (32 hexadecimal characters).</source>
        <translation>--asset 必须是媒资ID（32 位十六进制字符）。</translation>
    </message>
    <message>
        <source>--since must be an ISO 8601 date such as 2026-11-28 or 2026-11-28T09:30:00Z.</source>
        <translation>--since 必须是 ISO 8601 日期，例如 2026-11-28 或 2026-11-28T09:30:00Z。</translation>
    </message>
    <message>
        <source>list (default), or show NAME</source>
        <translation>list（默认），或 show NAME</translation>
    </message>
    <message>
        <source>Lists the saved profiles, or shows one. Secrets are never shown.</source>
        <translation>列出已保存的配置，或显示其中一个。绝不显示密钥。</translation>
    </message>
    <message>
        <source>No profiles yet. Create one in the desktop app (run vodconfirm without arguments).</source>
        <translation>还没有配置。请在桌面应用中创建（不带参数运行 vodconfirm）。</translation>
    </message>
    <message>
        <source>There is no profile named &quot;%1&quot;.</source>
        <translation>没有名为“%1”的配置。</translation>
    </message>
    <message>
        <source>name:         %1</source>
        <translation>名称：       %1</translation>
    </message>
    <message>
        <source>endpoint:     %1</source>
        <translation>终端节点：   %1</translation>
    </message>
    <message>
        <source>region:       %1</source>
        <translation>区域：       %1</translation>
    </message>
    <message>
        <source>project id:   %1</source>
        <translation>项目ID：     %1</translation>
    </message>
    <message>
        <source>auth mode:    %1</source>
        <translation>认证方式：   %1</translation>
    </message>
    <message>
        <source>access key:   %1</source>
        <translation>访问密钥：   %1</translation>
    </message>
    <message>
        <source>secrets:      %1</source>
        <translation>密钥：       %1</translation>
    </message>
    <message>
        <source>in the system keychain</source>
        <translation>存于系统钥匙串</translation>
    </message>
    <message>
        <source>not stored (asked each session)</source>
        <translation>未保存（每次会话询问）</translation>
    </message>
    <message>
        <source>IAM user:     %1</source>
        <translation>IAM 用户：   %1</translation>
    </message>
    <message>
        <source>account:      %1</source>
        <translation>账号：       %1</translation>
    </message>
    <message>
        <source>CA file:      %1</source>
        <translation>CA 文件：    %1</translation>
    </message>
    <message>
        <source>proxy:        system settings</source>
        <translation>代理：       系统设置</translation>
    </message>
    <message>
        <source>proxy:        none</source>
        <translation>代理：       无</translation>
    </message>
    <message>
        <source>proxy:        %1://%2%3:%4</source>
        <translation>代理：       %1://%2%3:%4</translation>
    </message>
    <message>
        <source>Usage: %1 profiles [list | show NAME]</source>
        <translation>用法：%1 profiles [list | show NAME]</translation>
    </message>
    <message>
        <source>Unknown command &quot;%1&quot;.</source>
        <translation>未知命令“%1”。</translation>
    </message>
    <message numerus="yes">
        <source>%Ln asset(s)</source>
        <translation>
            <numerusform>%Ln 个媒资</numerusform>
        </translation>
    </message>
    <message>
        <source>profile %1</source>
        <translation>配置 %1</translation>
    </message>
    <message>
        <source>project %1</source>
        <translation>项目 %1</translation>
    </message>
    <message>
        <source>Listing stuck uploads: %L1 listed, %L2 requests</source>
        <translation>正在列出未确认的上传：已列出 %L1 个，请求 %L2 次</translation>
    </message>
    <message>
        <source>Interrupted: the listing stops.</source>
        <translation>已中断：列表停止。</translation>
    </message>
    <message>
        <source>[y/N]</source>
        <translation>[y/N]</translation>
    </message>
    <message>
        <source>Only uploads created more than DURATION ago: minutes, hours, days or weeks, such as 90m, 2h, 3d or 1w.</source>
        <translation>只列出创建时间早于 DURATION 之前的上传：分钟、小时、天或周，例如 90m、2h、3d 或 1w。</translation>
    </message>
    <message>
        <source>Only uploads created before DATE (ISO 8601, UTC unless it names an offset: 2026-11-28 or 2026-11-28T09:30:00Z).</source>
        <translation>只列出在 DATE 之前创建的上传（ISO 8601，未写时区偏移时为 UTC：2026-11-28 或 2026-11-28T09:30:00Z）。</translation>
    </message>
    <message>
        <source>Only uploads created at or after DATE (default: %1 days ago).</source>
        <translation>只列出在 DATE 及之后创建的上传（默认：%1 天前）。</translation>
    </message>
    <message>
        <source>List requests per minute (1-%1, default %2; ListAssetList has its own quota, apart from confirms; above %3 only for an account whose quota was raised).</source>
        <translation>每分钟的列表请求数（1-%1，默认 %2；ListAssetList 有独立的配额，与确认请求分开计算；超过 %3 仅适用于已提升配额的账号）。</translation>
    </message>
    <message>
        <source>Confirm every upload listed (status CREATED), as one batch.</source>
        <translation>确认列出的每个上传（状态 CREATED），作为一个批次。</translation>
    </message>
    <message>
        <source>Mark every upload listed as failed (status FAILED).</source>
        <translation>将列出的每个上传标记为失败（状态 FAILED）。</translation>
    </message>
    <message>
        <source>Cancel every upload listed (status CANCELLED).</source>
        <translation>取消列出的每个上传（状态 CANCELLED）。</translation>
    </message>
    <message>
        <source>Act without asking (needed when standard input is not a terminal).</source>
        <translation>不询问直接执行（标准输入不是终端时必须提供）。</translation>
    </message>
    <message>
        <source>Lists stuck uploads: assets still in CREATING because their upload was never confirmed (ListAssetList), newest first, each once, past the API&apos;s 20,000 cap. Without --created-after it lists the last %1 days (the API needs a start; an earlier one costs no extra request). An upload in progress is in CREATING too: --older-than 2h leaves recent ones alone.
With --confirm, --mark-failed or --cancel it then sends that status for every upload listed, as one batch like confirm (history, resume, pacing, output); it asks first on a terminal and needs --yes otherwise.
Credentials, connection and history options as for confirm.</source>
        <translation>列出未确认的上传：因上传从未被确认而仍处于 CREATING 的媒资（ListAssetList），最新的在前，每个只列一次，可超过 API 的 20,000 条上限。不带 --created-after 时列出最近 %1 天（API 需要起始时间；更早的起始时间不会多花请求）。正在上传的媒资也处于 CREATING：--older-than 2h 可避开最近的上传。
带 --confirm、--mark-failed 或 --cancel 时，会为列出的每个上传发送该状态，与 confirm 一样作为一个批次（历史记录、恢复、限速、输出）；在终端上会先询问，否则需要 --yes。
凭据、连接和历史记录选项与 confirm 相同。</translation>
    </message>
    <message>
        <source>stuck takes no file: it lists the uploads from the server.</source>
        <translation>stuck 不接受文件：它从服务器列出上传。</translation>
    </message>
    <message>
        <source>--confirm, --mark-failed and --cancel exclude each other.</source>
        <translation>--confirm、--mark-failed 和 --cancel 不能同时使用。</translation>
    </message>
    <message>
        <source>--created-before must be an ISO 8601 date such as 2026-11-28 or 2026-11-28T09:30:00Z.</source>
        <translation>--created-before 必须是 ISO 8601 日期，例如 2026-11-28 或 2026-11-28T09:30:00Z。</translation>
    </message>
    <message>
        <source>--created-before %1 is in the future (now: %2).</source>
        <translation>--created-before %1 在未来（现在：%2）。</translation>
    </message>
    <message>
        <source>--older-than must be a whole number of minutes, hours, days or weeks, such as 90m, 2h, 3d or 1w.</source>
        <translation>--older-than 必须是整数的分钟、小时、天或周，例如 90m、2h、3d 或 1w。</translation>
    </message>
    <message>
        <source>--created-after must be an ISO 8601 date such as 2026-11-28 or 2026-11-28T09:30:00Z.</source>
        <translation>--created-after 必须是 ISO 8601 日期，例如 2026-11-28 或 2026-11-28T09:30:00Z。</translation>
    </message>
    <message>
        <source>--created-after %1 is in the future (now: %2).</source>
        <translation>--created-after %1 在未来（现在：%2）。</translation>
    </message>
    <message>
        <source>Nothing can match: the range would start at %1 (--created-after; default %3 days ago) and end at %2 (--created-before, --older-than).</source>
        <translation>没有可匹配的上传：范围将从 %1 开始（--created-after；默认 %3 天前），到 %2 结束（--created-before、--older-than）。</translation>
    </message>
    <message>
        <source>Standard input is not a terminal, so nobody can be asked before every upload listed is set %1: add --yes to do it anyway. Nothing was sent.</source>
        <translation>标准输入不是终端，无法在将列出的每个上传设为 %1 之前询问：如仍要执行，请加上 --yes。未发送任何请求。</translation>
    </message>
    <message numerus="yes">
        <source>%Ln stuck upload(s) created from %1 to %2 (%L3 requests, %4 s).</source>
        <translation>
            <numerusform>%Ln 个未确认的上传，创建于 %1 至 %2（%L3 次请求，%4 秒）。</numerusform>
        </translation>
    </message>
    <message>
        <source>To start again: %1</source>
        <translation>重新开始：%1</translation>
    </message>
    <message>
        <source>To list the rest: %1</source>
        <translation>列出其余部分：%1</translation>
    </message>
    <message>
        <source>Nothing to send.</source>
        <translation>没有要发送的内容。</translation>
    </message>
    <message numerus="yes">
        <source>Confirm %Ln upload(s) (status CREATED)?</source>
        <translation>
            <numerusform>确认 %Ln 个上传（状态 CREATED）？</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Mark %Ln upload(s) as failed (status FAILED)?</source>
        <translation>
            <numerusform>将 %Ln 个上传标记为失败（状态 FAILED）？</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancel %Ln upload(s) (status CANCELLED)?</source>
        <translation>
            <numerusform>取消 %Ln 个上传（状态 CANCELLED）？</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was sent.</source>
        <translation>未发送任何请求。</translation>
    </message>
    <message>
        <source>Print a support bundle for this asset ID instead: every attempt with its request ID, the endpoint, project and versions, no secrets.</source>
        <translation>改为打印此媒资ID的支持信息：每次尝试及其请求ID、终端节点、项目和版本，不含任何密钥。</translation>
    </message>
    <message>
        <source>--support-bundle needs an asset ID (32 hexadecimal characters).</source>
        <translation>--support-bundle 需要一个媒资ID（32 个十六进制字符）。</translation>
    </message>
    <message>
        <source>The history has no attempt of asset %1.</source>
        <translation>历史记录中没有媒资 %1 的尝试。</translation>
    </message>
    <message>
        <source>%1d %2h</source>
        <translation>%1天%2小时</translation>
    </message>
    <message>
        <source>%1h %2m</source>
        <translation>%1小时%2分</translation>
    </message>
    <message>
        <source>%1m</source>
        <translation>%1分</translation>
    </message>
    <message>
        <source>ASSET ID</source>
        <translation>媒资ID</translation>
    </message>
    <message>
        <source>CREATED (UTC)</source>
        <translation>创建时间（UTC）</translation>
    </message>
    <message>
        <source>AGE</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>TITLE</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Also send assets the history shows confirmed before (they are skipped otherwise); confirm then does not read their state first either.</source>
        <translation>也发送历史记录显示此前已确认的媒资（否则会跳过）；此时 confirm 也不会先读取它们的状态。</translation>
    </message>
    <message>
        <source>, followed: %1 settled, %2 not settled in time</source>
        <translation>，跟踪结果：%1 个已到最终状态，%2 个在时限内未到最终状态</translation>
    </message>
    <message numerus="yes">
        <source>, %Ln already confirmed (skipped: state read before sending)</source>
        <translation>
            <numerusform>，%Ln 个此前已确认（已跳过：发送前读取了状态）</numerusform>
        </translation>
    </message>
    <message>
        <source>Read the state of every asset first (ShowAssetMeta, 10 assets a request, a quota of its own) and send only those still waiting for confirmation: assets already confirmed are skipped, assets that do not exist fail with VOD&apos;s words, assets whose state cannot be read are sent. The default: it costs one request per 10 assets and saves a confirm per asset done before.</source>
        <translation>先读取每个媒资的状态（ShowAssetMeta，每次请求 10 个媒资，使用独立的配额），只发送仍在等待确认的媒资：已确认的媒资会跳过，不存在的媒资以 VOD 返回的信息标为失败，状态无法读取的媒资照常发送。这是默认行为：每 10 个媒资多花一次请求，并为每个此前已完成的媒资省去一次确认。</translation>
    </message>
    <message>
        <source>Send every asset without reading its state first (for pipelines that confirm what they have just uploaded).</source>
        <translation>不先读取状态，直接发送每个媒资（适用于确认刚刚上传的媒资的流水线）。</translation>
    </message>
    <message>
        <source>After confirming, keep reading the state of each confirmed asset (10 assets a request, every 5 s growing to every minute, in the state reads&apos; own quota: confirms are never slowed) until it is transcoded, published or failed, or --follow-timeout passes; its line then shows that final state.</source>
        <translation>确认之后继续读取每个已确认媒资的状态（每次请求 10 个媒资，间隔从 5 秒逐渐加长到一分钟，使用状态查询自己的配额：不会拖慢确认），直到转码完成、已发布或失败，或超过 --follow-timeout；随后该媒资的输出行显示最终状态。</translation>
    </message>
    <message>
        <source>How long to follow an asset, e.g. 90s, 30m, 2h (default 30m, at most 24h).</source>
        <translation>跟踪每个媒资的时长，例如 90s、30m、2h（默认 30m，最多 24h）。</translation>
    </message>
    <message>
        <source>--check-first and --no-check-first exclude each other.</source>
        <translation>--check-first 和 --no-check-first 不能同时使用。</translation>
    </message>
    <message>
        <source>--follow-timeout must be a duration such as 90s, 30m or 2h (at most 24h).</source>
        <translation>--follow-timeout 必须是时长，例如 90s、30m 或 2h（最多 24h）。</translation>
    </message>
    <message>
        <source>--follow-timeout needs --follow.</source>
        <translation>--follow-timeout 需要与 --follow 一起使用。</translation>
    </message>
    <message>
        <source>Usage: %1 %2 [OPTIONS]
Confirms Huawei Cloud VOD asset uploads (ConfirmAssetUpload).
%3

Commands:
  confirm    confirm the asset IDs found in files or standard input
  upload     upload video files as assets and confirm them (resumable)
  resume     finish a batch or an upload that was interrupted
  stuck      list uploads never confirmed (CREATING); confirm, fail or cancel them
  history    print the confirmation history
  profiles   list profiles, or show one (list | show NAME)

Run &apos;%1 COMMAND --help&apos; for a command&apos;s options.
Exit codes: 0 every asset confirmed (or skipped as confirmed before), 1 some asset
or file failed, was not sent or is paused, 2 usage, input or configuration error,
3 authentication rejected, 4 the output could not be written (closed pipe, full
disk), 5 every asset confirmed but the history could not record it all.</source>
        <translation>用法：%1 %2 [选项]
确认华为云视频点播媒资上传（ConfirmAssetUpload）。
%3

命令：
  confirm    确认在文件或标准输入中找到的媒资ID
  upload     上传视频文件为媒资并确认（可继续）
  resume     完成中断的批次或上传
  stuck      列出从未确认的上传（CREATING）；确认、标记失败或取消它们
  history    打印确认历史记录
  profiles   列出配置，或显示其中一个（list | show NAME）

运行“%1 COMMAND --help”查看某个命令的选项。
退出码：0 所有媒资均已确认（或因此前已确认而跳过），1 有媒资或文件失败、未发送
或已暂停，2 用法、输入或配置错误，3 身份认证被拒绝，4 无法写入输出（管道已关闭、
磁盘已满），5 所有媒资均已确认，但历史记录未能全部记录。</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分钟</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 分钟 %2 秒</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>[%1/%2] %3 %4%, %5 of %6</source>
        <translation>[%1/%2] %3 %4%，%5 / %6</translation>
    </message>
    <message>
        <source>, %1/s</source>
        <translation>，%1/秒</translation>
    </message>
    <message>
        <source>, %1 left</source>
        <translation>，剩余 %1</translation>
    </message>
    <message>
        <source>VOD answered: %1</source>
        <translation>点播回答：%1</translation>
    </message>
    <message>
        <source>Interrupted: pausing; the uploads stay resumable (press Ctrl+C again to quit at once).</source>
        <translation>已中断：正在暂停；上传可以继续（再按一次 Ctrl+C 立即退出）。</translation>
    </message>
    <message>
        <source>Interrupted: cancelling; without a history nothing could be resumed (press Ctrl+C again to quit at once).</source>
        <translation>已中断：正在取消；没有历史记录，无法继续（再按一次 Ctrl+C 立即退出）。</translation>
    </message>
    <message numerus="yes">
        <source>%Ln file(s): %1 confirmed, %2 failed, %3 cancelled, %4 not finished</source>
        <translation>
            <numerusform>%Ln 个文件：%1 个已确认，%2 个失败，%3 个已取消，%4 个未完成</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %Ln refused</source>
        <translation>
            <numerusform>，%Ln 个被拒绝</numerusform>
        </translation>
    </message>
    <message>
        <source>; %1 sent in %2 s</source>
        <translation>；%2 秒内发送了 %1</translation>
    </message>
    <message>
        <source> (%1/s)</source>
        <translation>（%1/秒）</translation>
    </message>
    <message>
        <source>To resume: %1</source>
        <translation>继续上传：%1</translation>
    </message>
    <message>
        <source>The asset&apos;s title (only with one file; default: the file name without its extension; at most %1 bytes).</source>
        <translation>媒资标题（只能用于一个文件；默认：去掉扩展名的文件名；最多 %1 字节）。</translation>
    </message>
    <message>
        <source>The assets&apos; description (at most %1 bytes).</source>
        <translation>媒资描述（最多 %1 字节）。</translation>
    </message>
    <message>
        <source>The assets&apos; category id (-1: Other).</source>
        <translation>媒资分类ID（-1：其他）。</translation>
    </message>
    <message>
        <source>The transcoding template group to apply (template_group_name).</source>
        <translation>要应用的转码模板组（template_group_name）。</translation>
    </message>
    <message>
        <source>Part size of multipart uploads (files from 20M on), such as 512K, 20M or 1G (100K to 5G; default %1K, the setting upload/partSizeKB; larger when a file would need more than 10,000 parts).</source>
        <translation>分段上传（20M 及以上的文件）的分段大小，例如 512K、20M 或 1G（100K 到 5G；默认 %1K，即设置 upload/partSizeKB；文件需要超过 10,000 个分段时会更大）。</translation>
    </message>
    <message>
        <source>Parts sent at once, all files together (1-16; default %1, the setting upload/partsInFlight).</source>
        <translation>所有文件合计同时发送的分段数（1-16；默认 %1，即设置 upload/partsInFlight）。</translation>
    </message>
    <message>
        <source>Most bytes per second sent, all files together, such as 500K or 20M (0: unlimited; default %1K, the setting upload/bandwidthKBps).</source>
        <translation>所有文件合计每秒最多发送的字节数，例如 500K 或 20M（0：不限制；默认 %1K，即设置 upload/bandwidthKBps）。</translation>
    </message>
    <message>
        <source>Do not journal the uploads in the history: nothing can be resumed, and Ctrl+C cancels them.</source>
        <translation>不在历史记录中记录上传：无法继续，Ctrl+C 会取消上传。</translation>
    </message>
    <message>
        <source>Video or audio files to upload.</source>
        <translation>要上传的视频或音频文件。</translation>
    </message>
    <message>
        <source>Uploads video and audio files to VOD and confirms each as an asset (CreateAssetByFileUpload, then the bytes to OBS: one PUT under 20 MB, parts from 20 MB on, then ConfirmAssetUpload). Every step is journaled in the history: an upload that is interrupted (Ctrl+C, kill, crash, power cut) goes on where it stopped with &apos;%1 resume&apos;, never sending a finished part again. Folders are refused: name the files inside.
Credentials, connection and history options as for confirm.</source>
        <translation>把视频和音频文件上传到点播，并把每个文件确认为媒资（CreateAssetByFileUpload，然后把内容发送到 OBS：小于 20 MB 一次 PUT，20 MB 及以上分段发送，最后 ConfirmAssetUpload）。每一步都记录在历史记录中：中断的上传（Ctrl+C、被终止、崩溃、断电）可用“%1 resume”从中断处继续，不会重复发送已完成的分段。不接受文件夹：请指定其中的文件。
凭证、连接和历史记录选项与 confirm 相同。</translation>
    </message>
    <message>
        <source>Name the files to upload.</source>
        <translation>请指定要上传的文件。</translation>
    </message>
    <message numerus="yes">
        <source>--title names one asset: give one file with it (%Ln given).</source>
        <translation>
            <numerusform>--title 只对应一个媒资：请只指定一个文件（指定了 %Ln 个）。</numerusform>
        </translation>
    </message>
    <message>
        <source>--%1 is too long: at most %2 bytes (UTF-8).</source>
        <translation>--%1 太长：最多 %2 字节（UTF-8）。</translation>
    </message>
    <message>
        <source>--part-size must be a size from 100K to 5G, such as 512K, 20M or 1G (K, M, G: 1024, 1024², 1024³ bytes).</source>
        <translation>--part-size 必须是 100K 到 5G 之间的大小，例如 512K、20M 或 1G（K、M、G：1024、1024²、1024³ 字节）。</translation>
    </message>
    <message>
        <source>--limit-rate must be bytes per second such as 500K or 20M (0: unlimited; at most %1/s).</source>
        <translation>--limit-rate 必须是每秒字节数，例如 500K 或 20M（0：不限制；最多 %1/秒）。</translation>
    </message>
    <message>
        <source>--category-id must be a category id: a whole number, -1 for Other.</source>
        <translation>--category-id 必须是分类ID：一个整数，-1 表示其他。</translation>
    </message>
    <message>
        <source>If it is interrupted: %1</source>
        <translation>如果中断：%1</translation>
    </message>
    <message>
        <source>Upload %1 ran for project %2, but these credentials are for project %3. Use its profile or --project-id %2.</source>
        <translation>上传 %1 属于项目 %2，但这些凭证属于项目 %3。请使用它的配置或 --project-id %2。</translation>
    </message>
    <message>
        <source>Cancelling upload %1 (%2).</source>
        <translation>正在取消上传 %1（%2）。</translation>
    </message>
    <message>
        <source>Resuming upload %1 (%2, %L3 part(s) finished before).</source>
        <translation>正在继续上传 %1（%2，此前已完成 %L3 个分段）。</translation>
    </message>
    <message>
        <source>Do not resume: mark the batch as finished, so it is no longer offered; an upload is cancelled (its multipart upload aborted, its asset confirmed CANCELLED).</source>
        <translation>不继续：将批次标记为已完成，不再提示继续；上传则会被取消（中止其分段上传，并把媒资确认为 CANCELLED）。</translation>
    </message>
    <message>
        <source>List the interrupted uploads, then batches, each newest first, instead.</source>
        <translation>改为列出中断的上传，然后列出批次，各自按时间倒序。</translation>
    </message>
    <message>
        <source>A batch id (see &apos;%1 history --unfinished&apos;) or one or more upload ids (see &apos;%1 resume --list&apos;); left out: the newest interrupted batch or upload.</source>
        <translation>批次ID（见“%1 history --unfinished”）或一个或多个上传ID（见“%1 resume --list”）；省略：最近中断的批次或上传。</translation>
    </message>
    <message>
        <source>Resumes a batch or an upload that a crash, kill or power cut interrupted. Assets whose outcome is unknown are first read with ShowAssetMeta: those already confirmed are not sent again. An upload goes on from its last journaled step: the parts OBS has are not sent again. Credentials as for confirm; the batch&apos;s or upload&apos;s profile is used unless --profile is given.</source>
        <translation>继续因崩溃、被终止或断电而中断的批次或上传。结果未知的媒资会先用 ShowAssetMeta 查询：已确认的不会重复发送。上传从最后记录的步骤继续：OBS 已有的分段不会重复发送。凭证与 confirm 相同；除非指定 --profile，否则使用该批次或上传的配置。</translation>
    </message>
    <message>
        <source>--list takes no id.</source>
        <translation>--list 不接受ID。</translation>
    </message>
    <message>
        <source>upload  %1  %2  %3  %L4 of %L5 part(s)  %6</source>
        <translation>upload  %1  %2  %3  %L5 个分段中已完成 %L4 个  %6</translation>
    </message>
    <message>
        <source>batch   </source>
        <translation>batch   </translation>
    </message>
    <message>
        <source>No interrupted batch or upload to resume.</source>
        <translation>没有可继续的中断批次或上传。</translation>
    </message>
    <message numerus="yes">
        <source>%Ln batch(es) or upload(s) interrupted: resuming the newest, %1 (see &apos;%2 resume --list&apos;).</source>
        <translation>
            <numerusform>%Ln 个批次或上传被中断：正在继续最近的 %1（见“%2 resume --list”）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Give one batch id, or upload ids only.</source>
        <translation>请指定一个批次ID，或仅指定上传ID。</translation>
    </message>
    <message>
        <source>%L1 of %L2 bytes in %3 s</source>
        <translation>%3 秒内 %L1 / %L2 字节</translation>
    </message>
    <message>
        <source>upload %1</source>
        <translation>上传 %1</translation>
    </message>
</context>
<context>
    <name>VodConfirm::ConfirmEngine</name>
    <message>
        <source>not sent again: the batch was stopped</source>
        <translation>不再发送：批次已停止</translation>
    </message>
    <message>
        <source>slowed down because the server throttled requests</source>
        <translation>因服务器限流而降速</translation>
    </message>
    <message>
        <source>checking the asset&apos;s state</source>
        <translation>正在检查媒资状态</translation>
    </message>
    <message>
        <source>not sent: its state could not be read, and an earlier run may have confirmed it</source>
        <translation>未发送：无法读取其状态，之前的运行可能已确认它</translation>
    </message>
    <message>
        <source>confirmed (verified)</source>
        <translation>已确认（已核实）</translation>
    </message>
    <message>
        <source>the asset is %1</source>
        <translation>媒资状态为 %1</translation>
    </message>
    <message>
        <source>not sent: the batch was stopped</source>
        <translation>未发送：批次已停止</translation>
    </message>
    <message>
        <source>retry %1 of %2</source>
        <translation>重试 %1/%2</translation>
    </message>
    <message numerus="yes">
        <source>gave up after %Ln attempt(s)</source>
        <translation>
            <numerusform>尝试 %Ln 次后放弃</numerusform>
        </translation>
    </message>
    <message>
        <source>the asset&apos;s state could not be checked, so it may have been confirmed</source>
        <translation>无法检查媒资状态，它可能已被确认</translation>
    </message>
    <message>
        <source>the server asked to wait before the next request (Retry-After)</source>
        <translation>服务器要求在下一个请求前等待（Retry-After）</translation>
    </message>
    <message>
        <source>the server throttled requests</source>
        <translation>服务器限流了请求</translation>
    </message>
    <message>
        <source>waiting before retrying after errors</source>
        <translation>出错后等待重试</translation>
    </message>
    <message>
        <source>not sent: authentication failed</source>
        <translation>未发送：身份认证失败</translation>
    </message>
    <message>
        <source>not retried: authentication failed</source>
        <translation>未重试：身份认证失败</translation>
    </message>
    <message>
        <source>%1 The batch was stopped, as every request would fail the same way. Check the region or endpoint and the network.</source>
        <translation>%1批次已停止，因为每个请求都会以同样的方式失败。请检查区域或终端节点以及网络。</translation>
    </message>
    <message>
        <source>not sent: the server could not be reached</source>
        <translation>未发送：无法连接服务器</translation>
    </message>
    <message>
        <source>not retried: the server could not be reached</source>
        <translation>未重试：无法连接服务器</translation>
    </message>
    <message>
        <source>If the endpoint&apos;s certificate comes from your organisation&apos;s own CA, add that CA certificate as the profile&apos;s CA file (--ca-file on the command line).</source>
        <translation>如果终端节点的证书由贵组织自己的 CA 签发，请将该 CA 证书添加为配置的 CA 文件（命令行中为 --ca-file）。</translation>
    </message>
    <message>
        <source>Check the proxy settings.</source>
        <translation>请检查代理设置。</translation>
    </message>
    <message>
        <source>%1 The batch was stopped, as every request would fail the same way. %2</source>
        <translation>%1批次已停止，因为每个请求都会以同样的方式失败。%2</translation>
    </message>
    <message>
        <source>not sent: the connection failed</source>
        <translation>未发送：连接失败</translation>
    </message>
    <message>
        <source>not retried: the connection failed</source>
        <translation>未重试：连接失败</translation>
    </message>
    <message>
        <source>Stopped on request.</source>
        <translation>已按要求停止。</translation>
    </message>
    <message>
        <source>its state could not be read; sent</source>
        <translation>无法读取其状态；已发送</translation>
    </message>
    <message>
        <source>already confirmed: the asset is %1; not sent</source>
        <translation>此前已确认：媒资状态为 %1；未发送</translation>
    </message>
</context>
<context>
    <name>VodConfirm::ConnectionCheck</name>
    <message>
        <source>The project ID %1 does not belong to this account in region %2. %3</source>
        <translation>项目ID %1 不属于区域 %2 中的此账号。%3</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>The check failed.</source>
        <translation>检查失败。</translation>
    </message>
    <message>
        <source>Connection works: %1 accepted the credentials and project ID.</source>
        <translation>连接正常：%1 接受了凭证和项目ID。</translation>
    </message>
    <message>
        <source>Server answer: %1</source>
        <translation>服务器响应：%1</translation>
    </message>
    <message>
        <source>Details: %1</source>
        <translation>详情：%1</translation>
    </message>
</context>
<context>
    <name>VodConfirm::CredentialStore</name>
    <message>
        <source>The %1 of profile “%2” is not stored in the system keychain.</source>
        <translation>配置“%2”的%1未存储在系统钥匙串中。</translation>
    </message>
    <message>
        <source>no details given</source>
        <translation>未提供详情</translation>
    </message>
    <message>
        <source>No system keychain is available (%1). Secrets for this profile cannot be remembered; you will be asked for them each session.</source>
        <translation>没有可用的系统钥匙串（%1）。无法记住此配置的密钥；每次会话都会询问。</translation>
    </message>
    <message>
        <source>The system keychain is locked or refused access (%1). Unlock it (for example by logging in to the desktop again) and try again; until then you will be asked for secrets each session.</source>
        <translation>系统钥匙串已锁定或拒绝访问（%1）。请将其解锁（例如重新登录桌面）后重试；在此之前每次会话都会询问密钥。</translation>
    </message>
    <message>
        <source>The %1 of profile “%2” could not be read from the system keychain (%3).</source>
        <translation>无法从系统钥匙串读取配置“%2”的%1（%3）。</translation>
    </message>
    <message>
        <source>The %1 of profile “%2” could not be saved in the system keychain (%3).</source>
        <translation>无法将配置“%2”的%1保存到系统钥匙串（%3）。</translation>
    </message>
    <message>
        <source>The %1 of profile “%2” could not be removed from the system keychain (%3).</source>
        <translation>无法从系统钥匙串删除配置“%2”的%1（%3）。</translation>
    </message>
    <message>
        <source>secret access key (SK)</source>
        <translation>秘密访问密钥（SK）</translation>
    </message>
    <message>
        <source>security token</source>
        <translation>安全令牌</translation>
    </message>
    <message>
        <source>IAM token</source>
        <translation>IAM 令牌</translation>
    </message>
    <message>
        <source>password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>proxy password</source>
        <translation>代理密码</translation>
    </message>
</context>
<context>
    <name>VodConfirm::Credentials</name>
    <message>
        <source>the access key (AK)</source>
        <translation>访问密钥（AK）</translation>
    </message>
    <message>
        <source>the secret access key (SK)</source>
        <translation>秘密访问密钥（SK）</translation>
    </message>
    <message>
        <source>the IAM token</source>
        <translation>IAM 令牌</translation>
    </message>
    <message>
        <source>the IAM user name</source>
        <translation>IAM 用户名</translation>
    </message>
    <message>
        <source>the password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>the account name</source>
        <translation>账号名</translation>
    </message>
    <message>
        <source>Missing %1.</source>
        <translation>缺少%1。</translation>
    </message>
    <message>
        <source>The access key (AK)</source>
        <translation>访问密钥（AK）</translation>
    </message>
    <message>
        <source>The secret access key (SK)</source>
        <translation>秘密访问密钥（SK）</translation>
    </message>
    <message>
        <source>The security token</source>
        <translation>安全令牌</translation>
    </message>
    <message>
        <source>The IAM token</source>
        <translation>IAM 令牌</translation>
    </message>
    <message>
        <source>The IAM user name</source>
        <translation>IAM 用户名</translation>
    </message>
    <message>
        <source>The account name</source>
        <translation>账号名</translation>
    </message>
    <message>
        <source>%1 contains a control character (such as a line break or tab) inside its value, so it cannot be sent in an HTTP header. Check how it was copied.</source>
        <translation>%1 的值中含有控制字符（例如换行符或制表符），无法放入 HTTP 头发送。请检查复制方式。</translation>
    </message>
</context>
<context>
    <name>VodConfirm::ErrorHints</name>
    <message>
        <source>Asset: %1</source>
        <translation>媒资：%1</translation>
    </message>
    <message>
        <source>HTTP status: %1</source>
        <translation>HTTP 状态码：%1</translation>
    </message>
    <message>
        <source>Error code: %1</source>
        <translation>错误码：%1</translation>
    </message>
    <message>
        <source>Message: %1</source>
        <translation>错误信息：%1</translation>
    </message>
    <message>
        <source>Request ID: %1</source>
        <translation>请求ID：%1</translation>
    </message>
    <message>
        <source>Time: %1</source>
        <translation>时间：%1</translation>
    </message>
    <message>
        <source>Hint: it is not retried by itself; Send Remaining (Ctrl+R) sends it.</source>
        <translation>提示：它不会自动重试；“发送剩余”（Ctrl+R）会发送它。</translation>
    </message>
    <message>
        <source>Hint: %1</source>
        <translation>提示：%1</translation>
    </message>
</context>
<context>
    <name>VodConfirm::FirstRunPage</name>
    <message>
        <source>Welcome to VOD Confirm</source>
        <translation>欢迎使用 VOD Confirm</translation>
    </message>
    <message>
        <source>To confirm uploads, VOD Confirm needs a connection profile: the region (or endpoint) and project ID of your Huawei Cloud account, and credentials — an access key and secret key, an IAM token, or an IAM user name and password.

Secrets are kept in the system keychain, never in the settings file. You can check the connection before saving, and add more profiles later under File → Profiles.</source>
        <translation>要确认上传，VOD Confirm 需要一个连接配置：华为云账号的区域（或终端节点）和项目ID，以及凭证——访问密钥（AK）和秘密访问密钥（SK）、IAM 令牌，或 IAM 用户名和密码。

密钥保存在系统钥匙串中，绝不写入设置文件。保存前可以检查连接，之后也可在“文件 → 配置”中添加更多配置。</translation>
    </message>
    <message>
        <source>&amp;Create Profile…</source>
        <translation>创建配置(&amp;C)…</translation>
    </message>
    <message>
        <source>Create profile</source>
        <translation>创建配置</translation>
    </message>
</context>
<context>
    <name>VodConfirm::HistoryStore</name>
    <message numerus="yes">
        <source>Could not save %Ln attempt(s) to the history: %1.</source>
        <translation>
            <numerusform>%Ln 次尝试未能保存到历史记录：%1。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The oldest %Ln could not be kept and are lost.</source>
        <translation>
            <numerusform>最早的 %Ln 条无法保留，已丢失。</numerusform>
        </translation>
    </message>
    <message>
        <source>They will be saved with the next write.</source>
        <translation>它们将在下次写入时保存。</translation>
    </message>
    <message>
        <source>No file name was given for the history database.</source>
        <translation>未指定历史数据库的文件名。</translation>
    </message>
    <message>
        <source>Cannot create the folder %1 for the history database.</source>
        <translation>无法为历史数据库创建文件夹 %1。</translation>
    </message>
    <message>
        <source>Cannot open the history database %1: it is a folder.</source>
        <translation>无法打开历史数据库 %1：它是一个文件夹。</translation>
    </message>
    <message>
        <source>Cannot open the history database %1: %2.</source>
        <translation>无法打开历史数据库 %1：%2。</translation>
    </message>
    <message>
        <source>The file %1 is damaged or is not a VOD Confirm history database (%2). It was left untouched; move it away to start a new history.</source>
        <translation>文件 %1 已损坏或不是 VOD Confirm 历史数据库（%2）。未作任何改动；将其移走即可开始新的历史记录。</translation>
    </message>
    <message>
        <source>The history database %1 was written by a newer version of VOD Confirm (schema version %2; this version understands up to %3). It was left untouched; update VOD Confirm or choose another history file.</source>
        <translation>历史数据库 %1 由更新版本的 VOD Confirm 写入（架构版本 %2；此版本最高支持 %3）。未作任何改动；请更新 VOD Confirm 或选择其他历史文件。</translation>
    </message>
    <message>
        <source>a different application id or unknown tables</source>
        <translation>应用 ID 不同或含有未知的表</translation>
    </message>
    <message>
        <source>tables are missing</source>
        <translation>缺少表</translation>
    </message>
    <message>
        <source>the history database is not open</source>
        <translation>历史数据库未打开</translation>
    </message>
    <message>
        <source>“%1” is not a batch id.</source>
        <translation>“%1”不是批次 ID。</translation>
    </message>
    <message>
        <source>Batch %1 is being run by another VOD Confirm process right now (process %2; lock file %3).</source>
        <translation>批次 %1 正由另一个 VOD Confirm 进程运行（进程 %2；锁文件 %3）。</translation>
    </message>
    <message>
        <source>Batch %1 is being run by another VOD Confirm process right now (lock file %2).</source>
        <translation>批次 %1 正由另一个 VOD Confirm 进程运行（锁文件 %2）。</translation>
    </message>
    <message>
        <source>Cannot create the lock file %1 for batch %2 (check the folder&apos;s permissions).</source>
        <translation>无法为批次 %2 创建锁文件 %1（请检查文件夹权限）。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2.</source>
        <translation>无法写入 %1：%2。</translation>
    </message>
    <message>
        <source>Cannot export the history to %1: %2.</source>
        <translation>无法将历史记录导出到 %1：%2。</translation>
    </message>
    <message>
        <source>Cannot delete old history: %1.</source>
        <translation>无法删除旧的历史记录：%1。</translation>
    </message>
    <message>
        <source>Could not save to the history: %1.</source>
        <translation>无法保存到历史记录：%1。</translation>
    </message>
    <message>
        <source>The upload step was not recorded in the history.</source>
        <translation>上传步骤未记录到历史记录中。</translation>
    </message>
    <message>
        <source>The history&apos;s record of upload %1 is damaged (%2); it is not used.</source>
        <translation>历史记录中上传 %1 的记录已损坏（%2）；不会使用它。</translation>
    </message>
    <message>
        <source>The history has no upload %1.</source>
        <translation>历史记录中没有上传 %1。</translation>
    </message>
    <message>
        <source>a part record is not valid</source>
        <translation>分段记录无效</translation>
    </message>
</context>
<context>
    <name>VodConfirm::HistoryTableModel</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Asset ID</source>
        <translation>媒资ID</translation>
    </message>
    <message>
        <source>Target status</source>
        <translation>目标状态</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
    <message>
        <source>Error code</source>
        <translation>错误码</translation>
    </message>
    <message>
        <source>Error message</source>
        <translation>错误信息</translation>
    </message>
    <message>
        <source>Attempt</source>
        <translation>尝试</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>耗时</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>配置</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Request ID</source>
        <translation>请求ID</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Retried</source>
        <translation>已重试</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>未发送</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <source>Asset %1, attempt %2 at %3: %4.</source>
        <translation>媒资 %1，%3 第 %2 次尝试：%4。</translation>
    </message>
    <message>
        <source>Asset %1, attempt %2 at %3: %4, error %5, HTTP %6.</source>
        <translation>媒资 %1，%3 第 %2 次尝试：%4，错误码 %5，HTTP %6。</translation>
    </message>
    <message>
        <source>no error code</source>
        <translation>无错误码</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>无应答</translation>
    </message>
    <message>
        <source>no HTTP answer</source>
        <translation>无 HTTP 应答</translation>
    </message>
    <message>
        <source>no message</source>
        <translation>无错误信息</translation>
    </message>
    <message>
        <source>no request ID</source>
        <translation>无请求ID</translation>
    </message>
    <message>
        <source>no profile</source>
        <translation>无配置</translation>
    </message>
    <message>
        <source>no region</source>
        <translation>无区域</translation>
    </message>
    <message>
        <source>no batch</source>
        <translation>无批次</translation>
    </message>
    <message>
        <source>Final state</source>
        <translation>最终状态</translation>
    </message>
    <message>
        <source>Already confirmed</source>
        <translation>此前已确认</translation>
    </message>
    <message>
        <source>not followed</source>
        <translation>未跟踪</translation>
    </message>
</context>
<context>
    <name>VodConfirm::HistoryView</name>
    <message>
        <source>&amp;Search:</source>
        <translation>搜索(&amp;S)：</translation>
    </message>
    <message>
        <source>Search history</source>
        <translation>搜索历史记录</translation>
    </message>
    <message>
        <source>Asset ID, or text of an error or request ID (Ctrl+F)</source>
        <translation>媒资ID，或错误、请求ID中的文本（Ctrl+F）</translation>
    </message>
    <message>
        <source>Asset ID matches IDs that start with the text; error or request ID matches any part of the error code, error message or request ID.</source>
        <translation>“媒资ID”匹配以该文本开头的ID；“错误或请求ID”匹配错误码、错误信息或请求ID的任意部分。</translation>
    </message>
    <message>
        <source>Search in</source>
        <translation>搜索范围</translation>
    </message>
    <message>
        <source>&amp;Outcome:</source>
        <translation>结果(&amp;O)：</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>&amp;Profile:</source>
        <translation>配置(&amp;P)：</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>配置</translation>
    </message>
    <message>
        <source>Filter from date</source>
        <translation>按起始日期筛选</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <source>Filter to date</source>
        <translation>按截止日期筛选</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>到(&amp;T)：</translation>
    </message>
    <message>
        <source>To date (inclusive)</source>
        <translation>截止日期（含当天）</translation>
    </message>
    <message>
        <source>Confirmation history</source>
        <translation>确认历史记录</translation>
    </message>
    <message>
        <source>&amp;Keep history:</source>
        <translation>保留历史(&amp;K)：</translation>
    </message>
    <message>
        <source>Attempts older than this many days are deleted; 0 keeps everything.</source>
        <translation>删除早于此天数的尝试记录；0 表示全部保留。</translation>
    </message>
    <message>
        <source>Keep history for days</source>
        <translation>历史记录保留天数</translation>
    </message>
    <message>
        <source>Keep everything</source>
        <translation>全部保留</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Reload the history (F5)</source>
        <translation>重新加载历史记录（F5）</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Save the attempts that match the filter as a CSV file</source>
        <translation>将符合筛选条件的尝试记录保存为 CSV 文件</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>导出 CSV</translation>
    </message>
    <message>
        <source>Re-queue selected</source>
        <translation>重新排队所选项</translation>
    </message>
    <message>
        <source>Asset ID</source>
        <translation>媒资ID</translation>
    </message>
    <message>
        <source>Error or request ID</source>
        <translation>错误或请求ID</translation>
    </message>
    <message>
        <source>All outcomes</source>
        <translation>所有结果</translation>
    </message>
    <message>
        <source>No attempt to show. Every batch you run is recorded here; if you searched, clear the search to see them all.</source>
        <translation>没有可显示的尝试记录。运行的每个批次都会记录在这里；如果进行了搜索，请清除搜索以查看全部。</translation>
    </message>
    <message>
        <source>Re-&amp;queue Selected</source>
        <translation>重新排队所选项(&amp;Q)</translation>
    </message>
    <message>
        <source>Put the selected assets back into the asset table with the target status they had</source>
        <translation>将所选媒资以原来的目标状态放回媒资表</translation>
    </message>
    <message>
        <source>Re-queue as %1</source>
        <translation>以 %1 重新排队</translation>
    </message>
    <message>
        <source>Re-queue &amp;As</source>
        <translation>重新排队为(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Copy Asset IDs</source>
        <translation>复制媒资ID(&amp;C)</translation>
    </message>
    <message>
        <source>All profiles</source>
        <translation>所有配置</translation>
    </message>
    <message>
        <source>No attempts match the filter.</source>
        <translation>没有符合筛选条件的尝试记录。</translation>
    </message>
    <message>
        <source>No history yet.</source>
        <translation>还没有历史记录。</translation>
    </message>
    <message numerus="yes">
        <source>%Ln attempt(s)</source>
        <translation>
            <numerusform>%Ln 次尝试</numerusform>
        </translation>
    </message>
    <message>
        <source>Showing %1 of %2 attempts (scroll for more)</source>
        <translation>显示 %2 条尝试记录中的 %1 条（滚动查看更多）</translation>
    </message>
    <message>
        <source>Reading every matching attempt…</source>
        <translation>正在读取所有匹配的尝试记录…</translation>
    </message>
    <message numerus="yes">
        <source>%Ln asset(s) put back into the asset table.</source>
        <translation>
            <numerusform>已将 %Ln 个媒资放回媒资表。</numerusform>
        </translation>
    </message>
    <message>
        <source>vod-history-%1.csv</source>
        <translation>vod-history-%1.csv</translation>
    </message>
    <message>
        <source>Export History as CSV</source>
        <translation>将历史记录导出为 CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV 文件 (*.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Another export or clean-up is still running.</source>
        <translation>另一个导出或清理操作仍在进行。</translation>
    </message>
    <message>
        <source>The history database is not open.</source>
        <translation>历史数据库未打开。</translation>
    </message>
    <message>
        <source>History exported to %1.</source>
        <translation>历史记录已导出到 %1。</translation>
    </message>
    <message>
        <source>The history could not be exported to %1: %2</source>
        <translation>无法将历史记录导出到 %1：%2</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>Old history could not be deleted: %1</source>
        <translation>无法删除旧的历史记录：%1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln attempt(s) older than %1 days deleted.</source>
        <translation>
            <numerusform>已删除 %Ln 条早于 %1 天的尝试记录。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleting history older than %Ln day(s)…</source>
        <translation>
            <numerusform>正在删除早于 %Ln 天的历史记录…</numerusform>
        </translation>
    </message>
    <message>
        <source>Fro&amp;m:</source>
        <translation>从(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>E&amp;xport CSV…</source>
        <translation>导出 CSV(&amp;X)…</translation>
    </message>
    <message>
        <source>Search the history (History tab)</source>
        <translation>搜索历史记录（历史记录页）</translation>
    </message>
    <message>
        <source>Reload the history (History tab)</source>
        <translation>重新加载历史记录（历史记录页）</translation>
    </message>
</context>
<context>
    <name>VodConfirm::LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;System Language</source>
        <translation>系统语言(&amp;S)</translation>
    </message>
    <message>
        <source>Applies when VOD Confirm is started again</source>
        <translation>重新启动 VOD Confirm 后生效</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>The language changes when VOD Confirm is started again.</source>
        <translation>语言将在重新启动 VOD Confirm 后更改。</translation>
    </message>
</context>
<context>
    <name>VodConfirm::MainWindow</name>
    <message>
        <source>VOD Confirm</source>
        <translation>VOD Confirm</translation>
    </message>
    <message>
        <source>&amp;Confirm</source>
        <translation>确认(&amp;C)</translation>
    </message>
    <message>
        <source>Confirm the queued assets (the selected ones, or all)</source>
        <translation>确认排队中的媒资（所选媒资，或全部）</translation>
    </message>
    <message>
        <source>Send &amp;Remaining</source>
        <translation>发送剩余(&amp;R)</translation>
    </message>
    <message>
        <source>Send every asset that was not sent or failed with a temporary error, whatever is selected</source>
        <translation>发送所有未发送或因临时错误失败的媒资，不论是否选中</translation>
    </message>
    <message>
        <source>Retry &amp;All Failed</source>
        <translation>全部失败项重试(&amp;A)</translation>
    </message>
    <message>
        <source>Send again every failed or unsent asset, whatever the error</source>
        <translation>重新发送所有失败或未发送的媒资，不论错误类型</translation>
    </message>
    <message>
        <source>Confirm A&amp;gain Anyway</source>
        <translation>仍然再次确认(&amp;G)</translation>
    </message>
    <message>
        <source>Send the assets skipped because the history shows them confirmed before (the selected ones, or all)</source>
        <translation>发送因历史记录显示此前已确认而跳过的媒资（所选媒资，或全部）</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>移除(&amp;M)</translation>
    </message>
    <message>
        <source>Remove the selected assets from the table</source>
        <translation>从表中移除所选媒资</translation>
    </message>
    <message>
        <source>Copy &amp;IDs</source>
        <translation>复制ID(&amp;I)</translation>
    </message>
    <message>
        <source>Copy the selected asset IDs, one per line</source>
        <translation>复制所选媒资ID，每行一个</translation>
    </message>
    <message>
        <source>Copy Rows as &amp;TSV</source>
        <translation>复制行为 TSV(&amp;T)</translation>
    </message>
    <message>
        <source>Copy the selected rows as tab-separated text</source>
        <translation>将所选行复制为制表符分隔的文本</translation>
    </message>
    <message>
        <source>Copy &amp;Error Details</source>
        <translation>复制错误详情(&amp;E)</translation>
    </message>
    <message>
        <source>Copy error code, message, request ID and time of the selected rows</source>
        <translation>复制所选行的错误码、错误信息、请求ID和时间</translation>
    </message>
    <message>
        <source>&amp;Export View as CSV…</source>
        <translation>将视图导出为 CSV(&amp;E)…</translation>
    </message>
    <message>
        <source>Save the rows shown, as filtered and sorted, as a CSV file</source>
        <translation>将当前显示的行（按筛选和排序）保存为 CSV 文件</translation>
    </message>
    <message>
        <source>&amp;Import IDs from Files…</source>
        <translation>从文件导入ID(&amp;I)…</translation>
    </message>
    <message>
        <source>Read asset IDs from .txt, .csv, .json or .log files</source>
        <translation>从 .txt、.csv、.json 或 .log 文件读取媒资ID</translation>
    </message>
    <message>
        <source>&amp;Paste IDs</source>
        <translation>粘贴ID(&amp;P)</translation>
    </message>
    <message>
        <source>Read asset IDs from the clipboard</source>
        <translation>从剪贴板读取媒资ID</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>暂停(&amp;P)</translation>
    </message>
    <message>
        <source>Send no new requests; requests in flight finish</source>
        <translation>不再发送新请求；进行中的请求会完成</translation>
    </message>
    <message>
        <source>Res&amp;ume</source>
        <translation>继续(&amp;U)</translation>
    </message>
    <message>
        <source>Continue the batch</source>
        <translation>继续该批次</translation>
    </message>
    <message>
        <source>&amp;Stop Batch</source>
        <translation>停止批次(&amp;S)</translation>
    </message>
    <message>
        <source>Stop the batch: requests already sent finish, the rest can be resumed later</source>
        <translation>停止批次：已发出的请求会完成，其余部分稍后可继续</translation>
    </message>
    <message>
        <source>Resume &amp;Unfinished Batch</source>
        <translation>继续未完成的批次(&amp;U)</translation>
    </message>
    <message>
        <source>Send the rest of the batch that did not end; assets it may have confirmed are checked first, not sent again</source>
        <translation>发送未结束批次的剩余部分；可能已确认的媒资会先检查，不会重复发送</translation>
    </message>
    <message>
        <source>&amp;Discard Unfinished Batch</source>
        <translation>放弃未完成的批次(&amp;D)</translation>
    </message>
    <message>
        <source>Mark the unfinished batch as finished without sending anything</source>
        <translation>将未完成的批次标记为已完成，不发送任何内容</translation>
    </message>
    <message>
        <source>&amp;Follow Running Assets</source>
        <translation>跟随进行中的媒资(&amp;F)</translation>
    </message>
    <message>
        <source>Scroll the table to the assets being sent</source>
        <translation>将表格滚动到正在发送的媒资</translation>
    </message>
    <message>
        <source>&amp;Profiles…</source>
        <translation>配置(&amp;P)…</translation>
    </message>
    <message>
        <source>Add, edit and choose connection profiles</source>
        <translation>添加、编辑和选择连接配置</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>List every action and its key</source>
        <translation>列出所有操作及其按键</translation>
    </message>
    <message>
        <source>&amp;About VOD Confirm</source>
        <translation>关于 VOD Confirm(&amp;A)</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>Profile:</source>
        <translation>配置：</translation>
    </message>
    <message>
        <source>Active profile</source>
        <translation>当前配置</translation>
    </message>
    <message>
        <source>&amp;Assets</source>
        <translation>媒资(&amp;A)</translation>
    </message>
    <message>
        <source>Queued from the history: %1</source>
        <translation>已从历史记录排队：%1</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Batch</source>
        <translation>批次(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>About VOD Confirm</source>
        <translation>关于 VOD Confirm</translation>
    </message>
    <message>
        <source>&lt;h3&gt;VOD Confirm %1&lt;/h3&gt;&lt;p&gt;Confirms Huawei Cloud VOD uploads (ConfirmAssetUpload) for one asset or thousands, and keeps a searchable history of every attempt.&lt;/p&gt;&lt;p&gt;Built with Qt %2 (running on Qt %3).&lt;/p&gt;&lt;p&gt;Licensed under the MIT licence.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;VOD Confirm %1&lt;/h3&gt;&lt;p&gt;为单个或成千上万个媒资确认华为云视频点播上传（ConfirmAssetUpload），并为每次尝试保留可搜索的历史记录。&lt;/p&gt;&lt;p&gt;基于 Qt %2 构建（运行于 Qt %3）。&lt;/p&gt;&lt;p&gt;以 MIT 许可证授权。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Send &amp;Remaining (%1)</source>
        <translation>发送剩余(&amp;R)（%1）</translation>
    </message>
    <message>
        <source>Export View as CSV</source>
        <translation>将视图导出为 CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV 文件 (*.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Rows exported to %1: %2</source>
        <translation>行已导出到 %1：%2</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Import Asset IDs</source>
        <translation>导入媒资ID</translation>
    </message>
    <message>
        <source>ID lists (*.txt *.csv *.json *.log);;All files (*)</source>
        <translation>ID 列表 (*.txt *.csv *.json *.log);;所有文件 (*)</translation>
    </message>
    <message>
        <source>The clipboard holds no text</source>
        <translation>剪贴板中没有文本</translation>
    </message>
    <message>
        <source>the clipboard</source>
        <translation>剪贴板</translation>
    </message>
    <message>
        <source>dropped text</source>
        <translation>拖放的文本</translation>
    </message>
    <message>
        <source>Nothing to retry</source>
        <translation>没有可重试的项</translation>
    </message>
    <message>
        <source>No failure is worth retrying as it is: the remaining errors need a fix first (see the hints), or use Retry All Failed</source>
        <translation>没有值得原样重试的失败项：剩余错误需要先修复（参见提示），或使用“全部失败项重试”</translation>
    </message>
    <message>
        <source>No asset was skipped as confirmed before</source>
        <translation>没有因此前已确认而跳过的媒资</translation>
    </message>
    <message>
        <source>No profile</source>
        <translation>没有配置</translation>
    </message>
    <message>
        <source>Choose or create a connection profile first (Profiles…).</source>
        <translation>请先选择或创建一个连接配置（配置…）。</translation>
    </message>
    <message>
        <source>Profile incomplete</source>
        <translation>配置不完整</translation>
    </message>
    <message>
        <source>Profile unusable</source>
        <translation>配置不可用</translation>
    </message>
    <message>
        <source>Authentication failed</source>
        <translation>身份认证失败</translation>
    </message>
    <message>
        <source>Waiting %1: %2</source>
        <translation>等待 %1：%2</translation>
    </message>
    <message>
        <source>History: %1</source>
        <translation>历史记录：%1</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <source>Confirming assets: %1…</source>
        <translation>正在确认媒资：%1…</translation>
    </message>
    <message>
        <source>Cannot resume</source>
        <translation>无法继续</translation>
    </message>
    <message>
        <source>This batch ran from the command line with credentials from the environment. Resume it there: vodconfirm resume %1</source>
        <translation>此批次是从命令行使用环境变量中的凭证运行的。请在命令行中继续：vodconfirm resume %1</translation>
    </message>
    <message>
        <source>This batch ran with profile “%1”, which no longer exists. Resume it from the command line with another profile: vodconfirm resume %2 --profile NAME</source>
        <translation>此批次使用的配置“%1”已不存在。请在命令行中使用其他配置继续：vodconfirm resume %2 --profile NAME</translation>
    </message>
    <message>
        <source>This batch ran for project %1, but profile “%2” now uses project %3.</source>
        <translation>此批次运行于项目 %1，但配置“%2”现在使用项目 %3。</translation>
    </message>
    <message>
        <source>The interrupted batch had nothing left to do.</source>
        <translation>中断的批次已没有剩余工作。</translation>
    </message>
    <message>
        <source>Resuming: %1 confirmed before the interruption, %2 failed, %3 to check and finish</source>
        <translation>正在继续：中断前已确认 %1 个，失败 %2 个，%3 个待检查并完成</translation>
    </message>
    <message>
        <source>The interrupted batch was marked as finished.</source>
        <translation>中断的批次已标记为完成。</translation>
    </message>
    <message>
        <source>Batch finished: %1 confirmed, %2 failed, %3 not sent</source>
        <translation>批次完成：%1 个已确认，%2 个失败，%3 个未发送</translation>
    </message>
    <message numerus="yes">
        <source>, %Ln skipped as confirmed before</source>
        <translation>
            <numerusform>，%Ln 个因此前已确认而跳过</numerusform>
        </translation>
    </message>
    <message>
        <source>History incomplete</source>
        <translation>历史记录不完整</translation>
    </message>
    <message>
        <source>%1
The batch is kept as unfinished: resuming it checks the state of every asset the history did not record before sending anything.</source>
        <translation>%1
该批次保留为未完成：继续时会先检查历史记录未记录的每个媒资的状态，然后才发送。</translation>
    </message>
    <message>
        <source>Batch finished</source>
        <translation>批次完成</translation>
    </message>
    <message>
        <source>%1 confirmed, %2 failed, %3 not sent</source>
        <translation>%1 个已确认，%2 个失败，%3 个未发送</translation>
    </message>
    <message>
        <source>A batch is running</source>
        <translation>有批次正在运行</translation>
    </message>
    <message>
        <source>%1 of %2 assets are done. Stop the batch now (requests already sent finish and are recorded), or let it finish and close then?</source>
        <translation>已完成 %2 个媒资中的 %1 个。现在停止批次（已发出的请求会完成并记录），还是等它完成后再关闭？</translation>
    </message>
    <message>
        <source>&amp;Stop and Close</source>
        <translation>停止并关闭(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Finish, Then Close</source>
        <translation>完成后关闭(&amp;F)</translation>
    </message>
    <message>
        <source>Paused: requests already sent finish; nothing new is sent until you resume.</source>
        <translation>已暂停：已发出的请求会完成；继续之前不会发送新的请求。</translation>
    </message>
    <message>
        <source>Resumed.</source>
        <translation>已继续。</translation>
    </message>
    <message>
        <source>The server refused the profile&apos;s credentials, so the batch stopped after the first refusal.

%1</source>
        <translation>服务器拒绝了该配置的凭证，因此批次在第一次被拒绝后已停止。

%1</translation>
    </message>
    <message>
        <source>Server answer: %1</source>
        <translation>服务器响应：%1</translation>
    </message>
    <message>
        <source>Pre&amp;ferences…</source>
        <translation>首选项(&amp;F)…</translation>
    </message>
    <message>
        <source>Rate limit, requests in flight, attempts and timeout</source>
        <translation>速率限制、并发请求数、尝试次数和超时</translation>
    </message>
    <message>
        <source>&amp;User Guide</source>
        <translation>用户指南(&amp;U)</translation>
    </message>
    <message>
        <source>Open the user guide</source>
        <translation>打开用户指南</translation>
    </message>
    <message>
        <source>H&amp;istory</source>
        <translation>历史记录(&amp;I)</translation>
    </message>
    <message>
        <source>Copy as Comman&amp;d</source>
        <translation>复制为命令(&amp;D)</translation>
    </message>
    <message>
        <source>Copy the vodconfirm and hcloud command lines that confirm the selected assets the same way (no secrets)</source>
        <translation>复制以相同方式确认所选媒资的 vodconfirm 和 hcloud 命令行（不含密钥）</translation>
    </message>
    <message>
        <source>Copy &amp;Support Bundle</source>
        <translation>复制支持信息(&amp;S)</translation>
    </message>
    <message>
        <source>Copy what support needs about the selected assets: every attempt with its request ID, the endpoint and versions (no secrets)</source>
        <translation>复制技术支持需要的所选媒资信息：每次尝试及其请求ID、终端节点和版本（不含密钥）</translation>
    </message>
    <message>
        <source>Select one or more rows in the Assets or History tab first.</source>
        <translation>请先在“媒资”或“历史记录”标签页中选择一行或多行。</translation>
    </message>
    <message numerus="yes">
        <source>Copied the command lines for %Ln selected row(s).</source>
        <translation>
            <numerusform>已复制所选 %Ln 行的命令行。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied a support bundle for %Ln selected row(s): paste it into your support ticket.</source>
        <translation>
            <numerusform>已复制所选 %Ln 行的支持信息：请将其粘贴到您的工单中。</numerusform>
        </translation>
    </message>
    <message>
        <source>Stu&amp;ck Uploads</source>
        <translation>未确认的上传(&amp;C)</translation>
    </message>
    <message>
        <source>A batch is running: wait for it to end.</source>
        <translation>有批次正在运行：请等待其结束。</translation>
    </message>
    <message numerus="yes">
        <source>, %Ln already confirmed (skipped)</source>
        <translation>
            <numerusform>，%Ln 个此前已确认（已跳过）</numerusform>
        </translation>
    </message>
    <message>
        <source>The uploads continue with profile “%1”.</source>
        <translation>上传将继续使用配置“%1”。</translation>
    </message>
    <message>
        <source>&amp;Upload Files…</source>
        <translation>上传文件(&amp;U)…</translation>
    </message>
    <message>
        <source>Upload video files to VOD and confirm them as assets</source>
        <translation>把视频文件上传到点播，并确认为媒资</translation>
    </message>
    <message>
        <source>Upload F&amp;older…</source>
        <translation>上传文件夹(&amp;O)…</translation>
    </message>
    <message>
        <source>Upload the video files of a folder and its subfolders</source>
        <translation>上传一个文件夹及其子文件夹中的视频文件</translation>
    </message>
    <message>
        <source>Assets, uploads, stuck uploads and history</source>
        <translation>媒资、上传、未确认的上传和历史记录</translation>
    </message>
    <message>
        <source>Uploads</source>
        <translation>上传</translation>
    </message>
    <message>
        <source>Uploads are not finished: pause-and-close, finish or cancel them before choosing another profile</source>
        <translation>上传尚未结束：请先暂停并关闭、等待完成或取消这些上传，再选择其他配置</translation>
    </message>
    <message>
        <source>Uploads are running</source>
        <translation>正在上传</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln upload(s) are done. Close now? The others are paused and can be resumed on the Uploads tab the next time, from the last part that arrived.</source>
        <translation>
            <numerusform>%Ln 个上传中已有 %1 个完成。现在关闭吗？其余上传会暂停，下次可在“上传”标签页从最后到达的分段继续。</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Pause and Close</source>
        <translation>暂停并关闭(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Keep Uploading</source>
        <translation>继续上传(&amp;K)</translation>
    </message>
    <message>
        <source>Upload Files</source>
        <translation>上传文件</translation>
    </message>
    <message>
        <source>Video and audio files (%1);;All files (*)</source>
        <translation>视频和音频文件 (%1);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Upload Folder</source>
        <translation>上传文件夹</translation>
    </message>
    <message>
        <source>No connection profile is chosen, so nothing can be uploaded. Create or choose one with Profiles…, then start the upload.</source>
        <translation>尚未选择连接配置，因此无法上传。请通过“配置…”创建或选择一个配置，然后开始上传。</translation>
    </message>
    <message>
        <source>Profile “%1” cannot be used: %2</source>
        <translation>配置“%1”无法使用：%2</translation>
    </message>
    <message>
        <source>The uploads running use profile “%1”: add these files when they have finished, or choose that profile again.</source>
        <translation>正在进行的上传使用配置“%1”：请在它们结束后再添加这些文件，或重新选择该配置。</translation>
    </message>
    <message>
        <source>No file to upload there.</source>
        <translation>那里没有可上传的文件。</translation>
    </message>
    <message>
        <source>No file to upload there: %1</source>
        <translation>那里没有可上传的文件：%1</translation>
    </message>
    <message>
        <source>uploaded from %1</source>
        <translation>上传自 %1</translation>
    </message>
    <message>
        <source>The server refused the profile&apos;s credentials, so the uploads stopped.

%1</source>
        <translation>服务器拒绝了该配置的凭证，上传已停止。

%1</translation>
    </message>
    <message>
        <source>Uploads waiting %1: %2</source>
        <translation>上传等待 %1：%2</translation>
    </message>
    <message>
        <source>The upload journal could not be written, so the uploads stopped; nothing is lost.

%1</source>
        <translation>无法写入上传日志，上传已停止；没有丢失任何内容。

%1</translation>
    </message>
    <message>
        <source>Not uploaded</source>
        <translation>未上传</translation>
    </message>
    <message numerus="yes">
        <source>%Ln file(s) could not be queued:</source>
        <translation>
            <numerusform>%Ln 个文件无法加入队列：</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot cancel</source>
        <translation>无法取消</translation>
    </message>
    <message numerus="yes">
        <source>Uploading %1 of %Ln file(s), %2%</source>
        <translation>
            <numerusform>上传中：%Ln 个文件已完成 %1 个，%2%</numerusform>
        </translation>
    </message>
    <message>
        <source>, %1</source>
        <translation>，%1</translation>
    </message>
</context>
<context>
    <name>VodConfirm::ObsClient</name>
    <message>
        <source>it declares a document type</source>
        <translation>它声明了文档类型</translation>
    </message>
    <message>
        <source>it is a %1 document, not %2</source>
        <translation>它是 %1 文档，而不是 %2</translation>
    </message>
    <message>
        <source>it holds more than %L1 elements</source>
        <translation>它包含超过 %L1 个元素</translation>
    </message>
    <message>
        <source>its elements are nested too deep</source>
        <translation>它的元素嵌套过深</translation>
    </message>
    <message>
        <source>an element holds more than %L1 characters</source>
        <translation>有元素包含超过 %L1 个字符</translation>
    </message>
    <message>
        <source>it is not complete XML (%1 at byte %L2)</source>
        <translation>它不是完整的 XML（第 %L2 字节处：%1）</translation>
    </message>
    <message>
        <source>it is empty</source>
        <translation>它是空的</translation>
    </message>
    <message>
        <source>The storage service&apos;s answer cannot be used (HTTP %1): %2.</source>
        <translation>存储服务的响应无法使用（HTTP %1）：%2。</translation>
    </message>
    <message>
        <source>it was too large and was cut off</source>
        <translation>它过大，已被截断</translation>
    </message>
    <message>
        <source>The storage service answered HTTP %1 without a message.</source>
        <translation>存储服务返回了 HTTP %1，但没有信息。</translation>
    </message>
    <message>
        <source>The storage service answered HTTP %1, and its answer cannot be read: %2.</source>
        <translation>存储服务返回了 HTTP %1，其响应无法读取：%2。</translation>
    </message>
    <message>
        <source>The upload address from VOD is not a web address.</source>
        <translation>VOD 提供的上传地址不是网址。</translation>
    </message>
    <message>
        <source>The upload address from VOD holds a user name or password.</source>
        <translation>VOD 提供的上传地址中包含用户名或密码。</translation>
    </message>
    <message>
        <source>The upload address from VOD is longer than %L1 characters.</source>
        <translation>VOD 提供的上传地址长度超过 %L1 个字符。</translation>
    </message>
    <message>
        <source>The upload address from VOD does not use HTTPS.</source>
        <translation>VOD 提供的上传地址未使用 HTTPS。</translation>
    </message>
    <message>
        <source>it has no valid ETag header</source>
        <translation>它没有有效的 ETag 头</translation>
    </message>
    <message>
        <source>it has no valid UploadId</source>
        <translation>它没有有效的 UploadId</translation>
    </message>
    <message>
        <source>part %L1 of the list is incomplete, repeated or out of order</source>
        <translation>列表中的第 %L1 个分段不完整、重复或顺序错乱</translation>
    </message>
    <message>
        <source>it lists more than %L1 parts</source>
        <translation>它列出了超过 %L1 个分段</translation>
    </message>
    <message>
        <source>its %1 is not valid</source>
        <translation>它的 %1 无效</translation>
    </message>
    <message>
        <source>it does not say whether the list is complete</source>
        <translation>它没有说明列表是否完整</translation>
    </message>
    <message>
        <source>it is cut short without a usable NextPartNumberMarker</source>
        <translation>它被截断，且没有可用的 NextPartNumberMarker</translation>
    </message>
</context>
<context>
    <name>VodConfirm::PastePanel</name>
    <message>
        <source>Asset IDs to add</source>
        <translation>要添加的媒资ID</translation>
    </message>
    <message>
        <source>Paste or type asset IDs here: any text works (lists, CSV, JSON, logs). You can also drop files on the window or press Ctrl+V on the table.</source>
        <translation>在此粘贴或输入媒资ID：任何文本均可（列表、CSV、JSON、日志）。也可以将文件拖放到窗口中，或在表格上按 Ctrl+V。</translation>
    </message>
    <message>
        <source>What was found in the text</source>
        <translation>在文本中找到的内容</translation>
    </message>
    <message>
        <source>Malformed tokens</source>
        <translation>格式错误的词元</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>词元</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>&amp;Target status:</source>
        <translation>目标状态(&amp;T)：</translation>
    </message>
    <message>
        <source>The status each asset of this batch is set to</source>
        <translation>此批次中每个媒资要设置的状态</translation>
    </message>
    <message>
        <source>Target status for these assets</source>
        <translation>这些媒资的目标状态</translation>
    </message>
    <message>
        <source>Parsing progress</source>
        <translation>解析进度</translation>
    </message>
    <message>
        <source>Parsing…</source>
        <translation>正在解析…</translation>
    </message>
    <message>
        <source>Clear the pasted text</source>
        <translation>清除粘贴的文本</translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation>清除(&amp;L)</translation>
    </message>
    <message>
        <source>Add the found IDs to the queue</source>
        <translation>将找到的ID加入队列</translation>
    </message>
    <message>
        <source>pasted text</source>
        <translation>粘贴的文本</translation>
    </message>
    <message>
        <source>CREATED (upload finished)</source>
        <translation>CREATED（上传完成）</translation>
    </message>
    <message>
        <source>FAILED (upload failed)</source>
        <translation>FAILED（上传失败）</translation>
    </message>
    <message>
        <source>CANCELLED (upload cancelled)</source>
        <translation>CANCELLED（上传取消）</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>%1 could not be read: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>From %1</source>
        <translation>来自 %1</translation>
    </message>
    <message>
        <source>New asset IDs: %1</source>
        <translation>新媒资ID：%1</translation>
    </message>
    <message>
        <source>Duplicates in the text: %1</source>
        <translation>文本中的重复项：%1</translation>
    </message>
    <message>
        <source>Already in the table: %1</source>
        <translation>已在表中：%1</translation>
    </message>
    <message>
        <source>Malformed: %1</source>
        <translation>格式错误：%1</translation>
    </message>
    <message>
        <source>IDs in upper case, converted to lower case: %1</source>
        <translation>大写的ID（已转换为小写）：%1</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>……另有 %1 个</translation>
    </message>
    <message>
        <source>Add to &amp;Queue</source>
        <translation>加入队列(&amp;Q)</translation>
    </message>
    <message>
        <source>Add to &amp;Queue (%1)</source>
        <translation>加入队列(&amp;Q)（%1）</translation>
    </message>
</context>
<context>
    <name>VodConfirm::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <source>Batches</source>
        <translation>批次</translation>
    </message>
    <message>
        <source>&amp;Rate limit:</source>
        <translation>速率限制(&amp;R)：</translation>
    </message>
    <message>
        <source>Confirm requests per minute for the whole batch. An account gets 1,500 unless its quota was raised.</source>
        <translation>整个批次每分钟的确认请求数。除非提升了配额，每个账号为 1,500。</translation>
    </message>
    <message>
        <source>Rate limit, requests per minute</source>
        <translation>速率限制，每分钟请求数</translation>
    </message>
    <message>
        <source> per minute</source>
        <translation> 次/分钟</translation>
    </message>
    <message>
        <source>Requests in &amp;flight:</source>
        <translation>并发请求数(&amp;F)：</translation>
    </message>
    <message>
        <source>How many confirm requests may wait for an answer at once</source>
        <translation>同时等待响应的确认请求最多有多少个</translation>
    </message>
    <message>
        <source>Requests in flight</source>
        <translation>并发请求数</translation>
    </message>
    <message>
        <source>&amp;Attempts per asset:</source>
        <translation>每个媒资的尝试次数(&amp;A)：</translation>
    </message>
    <message>
        <source>How often an asset is sent when the server answers with a temporary error (authentication failures are never retried)</source>
        <translation>服务器返回临时错误时，一个媒资最多发送几次（身份认证失败从不重试）</translation>
    </message>
    <message>
        <source>Attempts per asset</source>
        <translation>每个媒资的尝试次数</translation>
    </message>
    <message>
        <source>&amp;Timeout:</source>
        <translation>超时(&amp;T)：</translation>
    </message>
    <message>
        <source>How long to wait for one answer before the attempt counts as failed</source>
        <translation>等待一次响应多久后算作该次尝试失败</translation>
    </message>
    <message>
        <source>Timeout in seconds</source>
        <translation>超时（秒）</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Stuck uploads</source>
        <translation>未确认的上传</translation>
    </message>
    <message>
        <source>&amp;Listing rate:</source>
        <translation>列表速率(&amp;L)：</translation>
    </message>
    <message>
        <source>List requests per minute when looking for stuck uploads; counted apart from confirms. An account gets 1,500 unless its quota was raised.</source>
        <translation>查找未确认的上传时每分钟的列表请求数；与确认请求分开计算。除非配额已提升，每个账号为 1,500。</translation>
    </message>
    <message>
        <source>Listing rate, requests per minute</source>
        <translation>列表速率，每分钟请求数</translation>
    </message>
    <message>
        <source>&amp;Follow confirmed assets until they are transcoded or published</source>
        <translation>跟踪已确认的媒资直到转码或发布完成(&amp;F)</translation>
    </message>
    <message>
        <source>After confirming, read each confirmed asset&apos;s state (10 per request, growing from every 5 s to every minute, a quota of its own) until it settles or 30 minutes pass; shown in the Final state column and the history</source>
        <translation>确认之后读取每个已确认媒资的状态（每次请求 10 个，间隔从 5 秒逐渐加长到一分钟，使用独立的配额），直到到达最终状态或超过 30 分钟；结果显示在“最终状态”列和历史记录中</translation>
    </message>
    <message>
        <source>&amp;Check each asset&apos;s state before sending</source>
        <translation>发送前检查每个媒资的状态(&amp;C)</translation>
    </message>
    <message>
        <source>Read the state of the assets first (10 per request, a quota of its own): assets already confirmed are not sent again, assets that do not exist fail with the server&apos;s words</source>
        <translation>先读取媒资的状态（每次请求 10 个，使用独立的配额）：已确认的媒资不再发送，不存在的媒资以服务器返回的信息标为失败</translation>
    </message>
    <message>
        <source>Uploads</source>
        <translation>上传</translation>
    </message>
    <message>
        <source>&amp;Part size:</source>
        <translation>分段大小(&amp;P)：</translation>
    </message>
    <message>
        <source>Files from 20 MB on are sent in parts of this size (20 MB is what VOD recommends); a file that would need more than 10,000 parts gets bigger ones</source>
        <translation>20 MB 及以上的文件按此大小分段发送（点播建议 20 MB）；需要超过 10,000 个分段的文件会使用更大的分段</translation>
    </message>
    <message>
        <source>Upload part size in MB</source>
        <translation>上传分段大小（MB）</translation>
    </message>
    <message>
        <source> MB</source>
        <translation> MB</translation>
    </message>
    <message>
        <source>Parts &amp;sent at once:</source>
        <translation>同时发送的分段数(&amp;S)：</translation>
    </message>
    <message>
        <source>How many parts are sent at the same time, over all files; each one needs its part size in memory</source>
        <translation>所有文件合计同时发送的分段数；每个分段都需要占用其分段大小的内存</translation>
    </message>
    <message>
        <source>Upload parts sent at once</source>
        <translation>同时发送的上传分段数</translation>
    </message>
    <message>
        <source>Band&amp;width limit:</source>
        <translation>带宽限制(&amp;W)：</translation>
    </message>
    <message>
        <source>All uploads together send at most this many KB per second; 0: as fast as the network allows</source>
        <translation>所有上传合计每秒最多发送这么多 KB；0：网络允许的最快速度</translation>
    </message>
    <message>
        <source>Upload bandwidth limit, KB per second (0: unlimited)</source>
        <translation>上传带宽限制，KB/秒（0：不限制）</translation>
    </message>
    <message>
        <source> KB/s</source>
        <translation> KB/秒</translation>
    </message>
    <message>
        <source>Unlimited</source>
        <translation>不限制</translation>
    </message>
    <message>
        <source>Changes apply to the next batch; a batch that is running keeps its settings. The bandwidth limit applies to running uploads at once, the part size to files added next.</source>
        <translation>更改将用于下一个批次；正在运行的批次保持原有设置。带宽限制立即作用于正在进行的上传，分段大小作用于之后添加的文件。</translation>
    </message>
</context>
<context>
    <name>VodConfirm::Profile</name>
    <message>
        <source>Enter a profile name.</source>
        <translation>请输入配置名称。</translation>
    </message>
    <message>
        <source>A profile name can have at most %1 characters.</source>
        <translation>配置名称最多 %1 个字符。</translation>
    </message>
    <message>
        <source>A profile name cannot contain “/” or “\”.</source>
        <translation>配置名称不能包含“/”或“\”。</translation>
    </message>
    <message>
        <source>A profile name cannot start or end with a space.</source>
        <translation>配置名称不能以空格开头或结尾。</translation>
    </message>
    <message>
        <source>A profile name cannot contain control characters.</source>
        <translation>配置名称不能包含控制字符。</translation>
    </message>
    <message>
        <source>VOD endpoint: %1</source>
        <translation>点播终端节点：%1</translation>
    </message>
    <message>
        <source>Choose a region or enter the VOD endpoint URL.</source>
        <translation>请选择区域或输入点播终端节点 URL。</translation>
    </message>
    <message>
        <source>“%1” is not a known region. Choose a region from the list or enter the VOD endpoint URL.</source>
        <translation>“%1”不是已知区域。请从列表中选择区域，或输入点播终端节点 URL。</translation>
    </message>
    <message>
        <source>Enter the project ID of the region (My Credentials &gt; Projects in the console).</source>
        <translation>请输入该区域的项目ID（控制台中的“我的凭证 &gt; 项目列表”）。</translation>
    </message>
    <message>
        <source>The project ID</source>
        <translation>项目ID</translation>
    </message>
    <message>
        <source>Enter the access key (AK).</source>
        <translation>请输入访问密钥（AK）。</translation>
    </message>
    <message>
        <source>Enter the IAM user name.</source>
        <translation>请输入 IAM 用户名。</translation>
    </message>
    <message>
        <source>Enter the account name (for the account&apos;s own user it is the same as the user name).</source>
        <translation>请输入账号名（账号本身的用户，账号名与用户名相同）。</translation>
    </message>
    <message>
        <source>IAM endpoint: %1</source>
        <translation>IAM 终端节点：%1</translation>
    </message>
    <message>
        <source>Enter the IAM endpoint URL used to obtain a token for the custom VOD endpoint.</source>
        <translation>请输入用于为自定义点播终端节点获取令牌的 IAM 终端节点 URL。</translation>
    </message>
    <message>
        <source>Enter the proxy&apos;s host name or address.</source>
        <translation>请输入代理的主机名或地址。</translation>
    </message>
    <message>
        <source>Enter only the proxy&apos;s host name or address, without “http://”, a user name or a path.</source>
        <translation>只输入代理的主机名或地址，不要包含“http://”、用户名或路径。</translation>
    </message>
    <message>
        <source>Enter the proxy&apos;s port (1–65535).</source>
        <translation>请输入代理端口（1–65535）。</translation>
    </message>
</context>
<context>
    <name>VodConfirm::ProfileDialog</name>
    <message>
        <source>Connection Profiles</source>
        <translation>连接配置</translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation>配置</translation>
    </message>
    <message>
        <source>New profile</source>
        <translation>新建配置</translation>
    </message>
    <message>
        <source>New &amp;Profile</source>
        <translation>新建配置(&amp;P)</translation>
    </message>
    <message>
        <source>Duplicate profile</source>
        <translation>复制配置</translation>
    </message>
    <message>
        <source>Dup&amp;licate</source>
        <translation>复制(&amp;L)</translation>
    </message>
    <message>
        <source>Remove profile</source>
        <translation>删除配置</translation>
    </message>
    <message>
        <source>Re&amp;move…</source>
        <translation>删除(&amp;M)…</translation>
    </message>
    <message>
        <source>Use this profile for confirmations</source>
        <translation>使用此配置进行确认</translation>
    </message>
    <message>
        <source>Make profile active</source>
        <translation>设为当前配置</translation>
    </message>
    <message>
        <source>Make Acti&amp;ve</source>
        <translation>设为当前(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>Profile name</source>
        <translation>配置名称</translation>
    </message>
    <message>
        <source>Re&amp;gion:</source>
        <translation>区域(&amp;G)：</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>&amp;Endpoint:</source>
        <translation>终端节点(&amp;E)：</translation>
    </message>
    <message>
        <source>VOD endpoint URL</source>
        <translation>点播终端节点 URL</translation>
    </message>
    <message>
        <source>https://vod.example.com</source>
        <translation>https://vod.example.com</translation>
    </message>
    <message>
        <source>Pro&amp;ject ID:</source>
        <translation>项目ID(&amp;J)：</translation>
    </message>
    <message>
        <source>Project ID</source>
        <translation>项目ID</translation>
    </message>
    <message>
        <source>From My Credentials → Projects, for this region</source>
        <translation>在“我的凭证 → 项目列表”中，对应此区域</translation>
    </message>
    <message>
        <source>&amp;Authentication:</source>
        <translation>认证方式(&amp;A)：</translation>
    </message>
    <message>
        <source>Authentication</source>
        <translation>认证方式</translation>
    </message>
    <message>
        <source>Access &amp;key (AK):</source>
        <translation>访问密钥 AK(&amp;K)：</translation>
    </message>
    <message>
        <source>Access key (AK)</source>
        <translation>访问密钥（AK）</translation>
    </message>
    <message>
        <source>Secret ke&amp;y (SK):</source>
        <translation>秘密访问密钥 SK(&amp;Y)：</translation>
    </message>
    <message>
        <source>secret key (SK)</source>
        <translation>秘密访问密钥（SK）</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Security &amp;token:</source>
        <translation>安全令牌(&amp;T)：</translation>
    </message>
    <message>
        <source>security token</source>
        <translation>安全令牌</translation>
    </message>
    <message>
        <source>IAM &amp;token:</source>
        <translation>IAM 令牌(&amp;T)：</translation>
    </message>
    <message>
        <source>IAM token</source>
        <translation>IAM 令牌</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <source>IAM user name</source>
        <translation>IAM 用户名</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>密码(&amp;W)：</translation>
    </message>
    <message>
        <source>password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>A&amp;ccount name:</source>
        <translation>账号名(&amp;C)：</translation>
    </message>
    <message>
        <source>Account name</source>
        <translation>账号名</translation>
    </message>
    <message>
        <source>The account (domain) the IAM user belongs to</source>
        <translation>IAM 用户所属的账号（租户）</translation>
    </message>
    <message>
        <source>&amp;IAM endpoint:</source>
        <translation>IAM 终端节点(&amp;I)：</translation>
    </message>
    <message>
        <source>IAM endpoint URL</source>
        <translation>IAM 终端节点 URL</translation>
    </message>
    <message>
        <source>https://iam.example.com</source>
        <translation>https://iam.example.com</translation>
    </message>
    <message>
        <source>CA &amp;file:</source>
        <translation>CA 文件(&amp;F)：</translation>
    </message>
    <message>
        <source>Certificates are always verified. For an endpoint whose certificate comes from your organisation&apos;s own CA, choose that CA&apos;s certificate: it is trusted in addition to the system&apos;s CAs, for this profile only.</source>
        <translation>始终验证证书。如果终端节点的证书由贵组织自己的 CA 签发，请选择该 CA 的证书：它仅对此配置生效，在系统 CA 之外额外受信任。</translation>
    </message>
    <message>
        <source>CA certificate file</source>
        <translation>CA 证书文件</translation>
    </message>
    <message>
        <source>Optional: the certificate of a private CA (PEM or DER)</source>
        <translation>可选：私有 CA 的证书（PEM 或 DER）</translation>
    </message>
    <message>
        <source>Choose CA certificate file</source>
        <translation>选择 CA 证书文件</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Pro&amp;xy:</source>
        <translation>代理(&amp;X)：</translation>
    </message>
    <message>
        <source>Proxy</source>
        <translation>代理</translation>
    </message>
    <message>
        <source>Pr&amp;oxy server:</source>
        <translation>代理服务器(&amp;O)：</translation>
    </message>
    <message>
        <source>Proxy type</source>
        <translation>代理类型</translation>
    </message>
    <message>
        <source>Proxy host</source>
        <translation>代理主机</translation>
    </message>
    <message>
        <source>proxy.example.com</source>
        <translation>proxy.example.com</translation>
    </message>
    <message>
        <source>Proxy port</source>
        <translation>代理端口</translation>
    </message>
    <message>
        <source>port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>Proxy user:</source>
        <translation>代理用户：</translation>
    </message>
    <message>
        <source>Proxy user name</source>
        <translation>代理用户名</translation>
    </message>
    <message>
        <source>Only if the proxy asks for a user name</source>
        <translation>仅当代理要求用户名时填写</translation>
    </message>
    <message>
        <source>Proxy password:</source>
        <translation>代理密码：</translation>
    </message>
    <message>
        <source>proxy password</source>
        <translation>代理密码</translation>
    </message>
    <message>
        <source>Don&apos;t remember secrets</source>
        <translation>不记住密钥</translation>
    </message>
    <message>
        <source>&amp;Don&apos;t remember secrets (ask for them each session)</source>
        <translation>不记住密钥，每次会话询问(&amp;D)</translation>
    </message>
    <message>
        <source>Try the values as entered, without saving them: reads one made-up asset, nothing is changed</source>
        <translation>按当前输入的值测试，不保存：读取一个虚构的媒资，不做任何更改</translation>
    </message>
    <message>
        <source>Check connection</source>
        <translation>检查连接</translation>
    </message>
    <message>
        <source>C&amp;heck Connection</source>
        <translation>检查连接(&amp;H)</translation>
    </message>
    <message>
        <source>Show %1</source>
        <translation>显示%1</translation>
    </message>
    <message>
        <source>Show or hide the %1</source>
        <translation>显示或隐藏%1</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>隐藏</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Custom endpoint…</source>
        <translation>自定义终端节点…</translation>
    </message>
    <message>
        <source>Access key / secret key (AK/SK)</source>
        <translation>访问密钥/秘密访问密钥（AK/SK）</translation>
    </message>
    <message>
        <source>AK/SK with security token (temporary credentials)</source>
        <translation>AK/SK 与安全令牌（临时凭证）</translation>
    </message>
    <message>
        <source>IAM user name and password</source>
        <translation>IAM 用户名和密码</translation>
    </message>
    <message>
        <source>System settings</source>
        <translation>系统设置</translation>
    </message>
    <message>
        <source>No proxy</source>
        <translation>不使用代理</translation>
    </message>
    <message>
        <source>Manual</source>
        <translation>手动</translation>
    </message>
    <message>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
    <message>
        <source>SOCKS5</source>
        <translation>SOCKS5</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save profile</source>
        <translation>保存配置</translation>
    </message>
    <message>
        <source>&amp;Revert</source>
        <translation>还原(&amp;R)</translation>
    </message>
    <message>
        <source>Revert changes</source>
        <translation>还原更改</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>No profile saved yet. The one you are editing is listed here once saved.</source>
        <translation>还没有已保存的配置。正在编辑的配置保存后会列在这里。</translation>
    </message>
    <message>
        <source>%1 (active)</source>
        <translation>%1（当前）</translation>
    </message>
    <message>
        <source>default</source>
        <translation>default</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1（副本）</translation>
    </message>
    <message>
        <source>%1 (copy %2)</source>
        <translation>%1（副本 %2）</translation>
    </message>
    <message>
        <source>Choose CA Certificate</source>
        <translation>选择 CA 证书</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer *.der);;All files (*)</source>
        <translation>证书 (*.pem *.crt *.cer *.der);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Reading the system keychain…</source>
        <translation>正在读取系统钥匙串…</translation>
    </message>
    <message>
        <source>A profile named “%1” already exists.</source>
        <translation>名为“%1”的配置已存在。</translation>
    </message>
    <message>
        <source>%1 If you leave it empty, you are asked for it when connecting.</source>
        <translation>%1如果留空，连接时会询问。</translation>
    </message>
    <message>
        <source>C&amp;hecking…</source>
        <translation>正在检查(&amp;H)…</translation>
    </message>
    <message>
        <source>No system keychain is available, so secrets are not stored: you are asked for them when they are needed.</source>
        <translation>没有可用的系统钥匙串，因此不保存密钥：需要时会询问。</translation>
    </message>
    <message>
        <source>Secrets are not stored: you are asked for them when they are needed.</source>
        <translation>不保存密钥：需要时会询问。</translation>
    </message>
    <message>
        <source>Checking the system keychain…</source>
        <translation>正在检查系统钥匙串…</translation>
    </message>
    <message>
        <source>Saving secrets in the system keychain…</source>
        <translation>正在将密钥保存到系统钥匙串…</translation>
    </message>
    <message>
        <source>Secrets are stored in the system keychain, not in the settings file.</source>
        <translation>密钥保存在系统钥匙串中，不在设置文件中。</translation>
    </message>
    <message>
        <source>%1 Nothing you typed is lost: Save tries again, or tick “Don&apos;t remember secrets” to use them until you quit.</source>
        <translation>%1输入的内容都不会丢失：点击“保存”重试，或勾选“不记住密钥”在退出前使用它们。</translation>
    </message>
    <message>
        <source>Remove Profile</source>
        <translation>删除配置</translation>
    </message>
    <message>
        <source>Remove the profile “%1”?</source>
        <translation>删除配置“%1”？</translation>
    </message>
    <message>
        <source>Its secrets are deleted from the system keychain too. The history of its confirmations is kept.</source>
        <translation>其密钥也会从系统钥匙串中删除。其确认历史记录会保留。</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>删除(&amp;R)</translation>
    </message>
    <message>
        <source>The secrets of “%1” could not be deleted from the keychain: %2</source>
        <translation>无法从钥匙串删除“%1”的密钥：%2</translation>
    </message>
    <message>
        <source>Checking the connection…</source>
        <translation>正在检查连接…</translation>
    </message>
    <message>
        <source>Discard the new profile “%1”?</source>
        <translation>放弃新配置“%1”？</translation>
    </message>
    <message>
        <source>Discard the unsaved changes to “%1”?</source>
        <translation>放弃对“%1”未保存的更改？</translation>
    </message>
    <message>
        <source>Unsaved Changes</source>
        <translation>未保存的更改</translation>
    </message>
</context>
<context>
    <name>VodConfirm::Quota</name>
    <message>
        <source>%L1 requests per minute is above the %L2 an account gets unless its quota was raised; without a raised quota the service throttles (429) and the run slows down.</source>
        <translation>每分钟 %L1 个请求超过了账号在未提升配额时的 %L2 个；未提升配额时服务会限流（429），运行会变慢。</translation>
    </message>
</context>
<context>
    <name>VodConfirm::Resume</name>
    <message>
        <source>There is no batch %1 in the history.</source>
        <translation>历史记录中没有批次 %1。</translation>
    </message>
    <message>
        <source>Batch %1 finished at %2; there is nothing to resume.</source>
        <translation>批次 %1 已于 %2 完成；没有可继续的内容。</translation>
    </message>
    <message>
        <source>Batch %1 has no recorded asset list (it was started by an older version of VOD Confirm), so it cannot be resumed.</source>
        <translation>批次 %1 没有记录媒资列表（它由旧版本的 VOD Confirm 启动），因此无法继续。</translation>
    </message>
    <message>
        <source>Batch %1 cannot be resumed: its recorded asset list is damaged (entry %2 of %3 is not an asset ID with a target status). Nothing was sent. Discard the batch, and confirm its assets again as a new batch (assets already confirmed are skipped).</source>
        <translation>批次 %1 无法继续：其记录的媒资列表已损坏（%3 条中的第 %2 条不是带目标状态的媒资ID）。未发送任何内容。请放弃该批次，并将其媒资作为新批次重新确认（已确认的媒资会被跳过）。</translation>
    </message>
</context>
<context>
    <name>VodConfirm::SecretPrompt</name>
    <message>
        <source>&amp;Secret access key (SK):</source>
        <translation>秘密访问密钥 SK(&amp;S)：</translation>
    </message>
    <message>
        <source>Secret access key</source>
        <translation>秘密访问密钥</translation>
    </message>
    <message>
        <source>Security &amp;token:</source>
        <translation>安全令牌(&amp;T)：</translation>
    </message>
    <message>
        <source>Security token</source>
        <translation>安全令牌</translation>
    </message>
    <message>
        <source>IAM &amp;token:</source>
        <translation>IAM 令牌(&amp;T)：</translation>
    </message>
    <message>
        <source>IAM token</source>
        <translation>IAM 令牌</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Pro&amp;xy password:</source>
        <translation>代理密码(&amp;X)：</translation>
    </message>
    <message>
        <source>Proxy password</source>
        <translation>代理密码</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>可选</translation>
    </message>
    <message>
        <source>S&amp;how what I type</source>
        <translation>显示输入的内容(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Remember in the system keychain</source>
        <translation>记住在系统钥匙串中(&amp;R)</translation>
    </message>
    <message>
        <source>Secrets for “%1”</source>
        <translation>“%1”的密钥</translation>
    </message>
    <message>
        <source>VOD Confirm does not have the secrets of profile “%1” yet.</source>
        <translation>VOD Confirm 还没有配置“%1”的密钥。</translation>
    </message>
    <message>
        <source>&amp;Continue</source>
        <translation>继续(&amp;C)</translation>
    </message>
    <message>
        <source>Missing the security token.</source>
        <translation>缺少安全令牌。</translation>
    </message>
    <message>
        <source>Saving in the system keychain…</source>
        <translation>正在保存到系统钥匙串…</translation>
    </message>
    <message>
        <source>Checking the system keychain…</source>
        <translation>正在检查系统钥匙串…</translation>
    </message>
    <message>
        <source>No system keychain is available, so they are kept only until you quit.</source>
        <translation>没有可用的系统钥匙串，因此只保留到退出为止。</translation>
    </message>
    <message>
        <source>They are kept only until you quit.</source>
        <translation>只保留到退出为止。</translation>
    </message>
    <message>
        <source>Not saved: %1 Continue uses them until you quit.</source>
        <translation>未保存：%1点击“继续”可在退出前使用它们。</translation>
    </message>
    <message>
        <source>%1 Enter them to continue.</source>
        <translation>%1请输入后继续。</translation>
    </message>
</context>
<context>
    <name>VodConfirm::Settings</name>
    <message>
        <source>The settings file %1 cannot be written. Check that the folder exists and that you may write to it.</source>
        <translation>无法写入设置文件 %1。请检查文件夹是否存在以及是否有写入权限。</translation>
    </message>
    <message>
        <source>The settings file %1 is damaged and cannot be read.</source>
        <translation>设置文件 %1 已损坏，无法读取。</translation>
    </message>
    <message>
        <source>A profile named “%1” already exists.</source>
        <translation>名为“%1”的配置已存在。</translation>
    </message>
    <message>
        <source>There is no profile named “%1”.</source>
        <translation>没有名为“%1”的配置。</translation>
    </message>
</context>
<context>
    <name>VodConfirm::StateReader</name>
    <message>
        <source>the server&apos;s answer does not list it</source>
        <translation>服务器的响应中没有它</translation>
    </message>
    <message>
        <source>the asset does not exist (%1)</source>
        <translation>媒资不存在（%1）</translation>
    </message>
    <message>
        <source>state reads slowed down because the server throttled them</source>
        <translation>服务器限流，状态查询已降速</translation>
    </message>
</context>
<context>
    <name>VodConfirm::StuckLister</name>
    <message>
        <source>asset %1 was created at %2, outside the time asked for (%3 to %4)</source>
        <translation>媒资 %1 的创建时间 %2 不在所查询的时间段内（%3 至 %4）</translation>
    </message>
    <message>
        <source>the assets are not ordered newest first (asset %1)</source>
        <translation>媒资未按从新到旧排列（媒资 %1）</translation>
    </message>
    <message>
        <source>asset %1 is %2, not CREATING as asked for</source>
        <translation>媒资 %1 的状态是 %2，而查询的是 CREATING</translation>
    </message>
    <message>
        <source>The server&apos;s list of assets cannot be used (HTTP %1): %2.</source>
        <translation>服务器返回的媒资列表无法使用（HTTP %1）：%2。</translation>
    </message>
    <message numerus="yes">
        <source>Gave up after %Ln attempt(s).</source>
        <translation>
            <numerusform>尝试 %Ln 次后放弃。</numerusform>
        </translation>
    </message>
    <message>
        <source>The list of assets kept changing while it was read (%L1 times).</source>
        <translation>读取期间媒资列表不断变化（%L1 次）。</translation>
    </message>
    <message>
        <source>More than %L1 assets were created within two seconds (%2); the API cannot list past them.</source>
        <translation>两秒内（%2）创建的媒资超过 %L1 个，接口无法越过它们继续列出。</translation>
    </message>
    <message>
        <source>the server asked to wait before the next request (Retry-After)</source>
        <translation>服务器要求在下一个请求前等待（Retry-After）</translation>
    </message>
    <message>
        <source>waiting before asking again after errors</source>
        <translation>出错后等待再次查询</translation>
    </message>
    <message numerus="yes">
        <source>%Ln asset(s) listed: every stuck upload created after %1.</source>
        <translation>
            <numerusform>已列出 %Ln 个媒资：%1 之后创建的未确认上传均已列出。</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was listed.</source>
        <translation>未列出任何媒资。</translation>
    </message>
    <message>
        <source>Listing the stuck uploads stopped: %1</source>
        <translation>列出未确认的上传已停止：%1</translation>
    </message>
</context>
<context>
    <name>VodConfirm::StuckPage</name>
    <message>
        <source>Created bet&amp;ween:</source>
        <translation>创建时间(&amp;W)：</translation>
    </message>
    <message>
        <source>The listing starts at the beginning of this day (local time)</source>
        <translation>列表从这一天的开始（本地时间）算起</translation>
    </message>
    <message>
        <source>Created from (date)</source>
        <translation>创建起始日期</translation>
    </message>
    <message>
        <source>an&amp;d</source>
        <translation>至(&amp;D)</translation>
    </message>
    <message>
        <source>The listing ends at the end of this day (local time), or now for today</source>
        <translation>列表到这一天的结束（本地时间）为止，若为今天则到现在为止</translation>
    </message>
    <message>
        <source>Created up to (date, inclusive)</source>
        <translation>创建截止日期（含当天）</translation>
    </message>
    <message>
        <source>Listing status</source>
        <translation>列表状态</translation>
    </message>
    <message>
        <source>The server&apos;s whole answer and what it means</source>
        <translation>服务器的完整响应及其含义</translation>
    </message>
    <message>
        <source>Details of the listing error</source>
        <translation>列表错误的详细信息</translation>
    </message>
    <message>
        <source>De&amp;tails…</source>
        <translation>详细信息(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>搜索(&amp;S)：</translation>
    </message>
    <message>
        <source>Search stuck uploads</source>
        <translation>搜索未确认的上传</translation>
    </message>
    <message>
        <source>Part of an asset ID or title</source>
        <translation>媒资ID或标题的一部分</translation>
    </message>
    <message>
        <source>&amp;Older than:</source>
        <translation>早于(&amp;O)：</translation>
    </message>
    <message>
        <source>Show only uploads created at least this long ago</source>
        <translation>只显示创建时间至少在这么久之前的上传</translation>
    </message>
    <message>
        <source>Older than</source>
        <translation>早于</translation>
    </message>
    <message>
        <source>Show only uploads created at least this many hours ago</source>
        <translation>只显示创建时间至少在这么多小时之前的上传</translation>
    </message>
    <message>
        <source>Older than, in hours</source>
        <translation>早于，单位为小时</translation>
    </message>
    <message>
        <source> h</source>
        <translation> 小时</translation>
    </message>
    <message>
        <source>Stuck uploads</source>
        <translation>未确认的上传</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>List the stuck uploads again (Stuck uploads tab)</source>
        <translation>重新列出未确认的上传（“未确认的上传”标签页）</translation>
    </message>
    <message>
        <source>Sto&amp;p Listing</source>
        <translation>停止列表(&amp;P)</translation>
    </message>
    <message>
        <source>Stop the listing; what was listed so far is kept</source>
        <translation>停止列表；已列出的内容会保留</translation>
    </message>
    <message>
        <source>Co&amp;nfirm…</source>
        <translation>确认(&amp;N)…</translation>
    </message>
    <message>
        <source>Confirm the uploads (target status CREATED): the selected ones, or all shown</source>
        <translation>确认这些上传（目标状态 CREATED）：所选的上传，或显示的全部上传</translation>
    </message>
    <message>
        <source>&amp;Mark Failed…</source>
        <translation>标记为失败(&amp;M)…</translation>
    </message>
    <message>
        <source>Mark the uploads as failed (target status FAILED): the selected ones, or all shown</source>
        <translation>将这些上传标记为失败（目标状态 FAILED）：所选的上传，或显示的全部上传</translation>
    </message>
    <message>
        <source>Cancel &amp;Upload…</source>
        <translation>取消上传(&amp;U)…</translation>
    </message>
    <message>
        <source>Cancel the uploads (target status CANCELLED): the selected ones, or all shown</source>
        <translation>取消这些上传（目标状态 CANCELLED）：所选的上传，或显示的全部上传</translation>
    </message>
    <message>
        <source>Listing incomplete</source>
        <translation>列表不完整</translation>
    </message>
    <message>
        <source>Any age</source>
        <translation>不限时长</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 小时</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 天</translation>
    </message>
    <message>
        <source>7 days</source>
        <translation>7 天</translation>
    </message>
    <message>
        <source>30 days</source>
        <translation>30 天</translation>
    </message>
    <message>
        <source>Custom (hours)</source>
        <translation>自定义（小时）</translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation>%1 至 %2</translation>
    </message>
    <message numerus="yes">
        <source>%Ln upload(s)</source>
        <translation>
            <numerusform>%Ln 个上传</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln upload(s) shown</source>
        <translation>
            <numerusform>显示 %Ln 个上传中的 %1 个</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %Ln sent to a batch</source>
        <translation>
            <numerusform>，%Ln 个已交给批次</numerusform>
        </translation>
    </message>
    <message>
        <source>No stuck upload matches the filter. Clear the search or choose “Any age”.</source>
        <translation>没有符合筛选条件的未确认上传。请清除搜索或选择“不限时长”。</translation>
    </message>
    <message>
        <source>Listing…</source>
        <translation>正在列出…</translation>
    </message>
    <message>
        <source>Refresh to find uploads nobody confirmed.</source>
        <translation>点击刷新，查找无人确认的上传。</translation>
    </message>
    <message>
        <source>No stuck uploads between %1.</source>
        <translation>%1 之间没有未确认的上传。</translation>
    </message>
    <message>
        <source>Nothing was listed: %1</source>
        <translation>未列出任何内容：%1</translation>
    </message>
    <message>
        <source>the listing was stopped.</source>
        <translation>列表已停止。</translation>
    </message>
    <message>
        <source>The range ends before it starts: choose the dates again.</source>
        <translation>结束日期早于起始日期：请重新选择日期。</translation>
    </message>
    <message numerus="yes">
        <source>Listing uploads created between %1 that nobody confirmed… %Ln found so far</source>
        <translation>
            <numerusform>正在列出 %1 之间创建且无人确认的上传… 目前已找到 %Ln 个</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> (%Ln request(s))</source>
        <translation>
            <numerusform>（%Ln 次请求）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Waiting %Ln s: %1</source>
        <translation>
            <numerusform>等待 %Ln 秒：%1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Not listed yet. Refresh lists the uploads created between %1 (by default the last %Ln days) that nobody confirmed.</source>
        <translation>
            <numerusform>尚未列出。刷新会列出 %1 之间（默认为最近 %Ln 天）创建且无人确认的上传。</numerusform>
        </translation>
    </message>
    <message>
        <source>just now</source>
        <translation>刚刚</translation>
    </message>
    <message>
        <source>%1 ago</source>
        <translation>%1前</translation>
    </message>
    <message>
        <source>No stuck uploads between %1 (listed %2).</source>
        <translation>%1 之间没有未确认的上传（列出于%2）。</translation>
    </message>
    <message numerus="yes">
        <source>Listed %Ln stuck upload(s) created between %1, %2.</source>
        <translation>
            <numerusform>已列出 %1 之间创建的 %Ln 个未确认的上传，%2。</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was listed.</source>
        <translation>未列出任何内容。</translation>
    </message>
    <message numerus="yes">
        <source>The %Ln upload(s) listed, created after %1, are kept; older ones were not listed.</source>
        <translation>
            <numerusform>已列出的 %Ln 个上传（创建于 %1 之后）已保留；更早的上传未列出。</numerusform>
        </translation>
    </message>
    <message>
        <source>Listing stopped %1. %2</source>
        <translation>列表已于%1停止。%2</translation>
    </message>
    <message>
        <source>HTTP %1 %2</source>
        <translation>HTTP %1 %2</translation>
    </message>
    <message>
        <source>Listing incomplete (%1): %2. %3</source>
        <translation>列表不完整（%1）：%2。%3</translation>
    </message>
    <message>
        <source>Refresh to list again.</source>
        <translation>点击刷新重新列出。</translation>
    </message>
    <message numerus="yes">
        <source>%Ln request(s)</source>
        <translation>
            <numerusform>%Ln 次请求</numerusform>
        </translation>
    </message>
    <message>
        <source>Confirm, mark failed or cancel once the listing has ended.</source>
        <translation>请在列表结束后再确认、标记为失败或取消。</translation>
    </message>
    <message>
        <source>A batch is running on the Assets page; act on these when it ends.</source>
        <translation>“媒资”页上有批次正在运行；请在其结束后再处理这些上传。</translation>
    </message>
    <message>
        <source>Acting on the selected uploads.</source>
        <translation>将处理所选的上传。</translation>
    </message>
    <message>
        <source>Acting on every upload shown (select some to act on them only).</source>
        <translation>将处理显示的每个上传（选择部分上传可只处理它们）。</translation>
    </message>
    <message>
        <source>Nothing to send: every upload shown was sent to a batch already.</source>
        <translation>没有要发送的内容：显示的每个上传都已交给批次。</translation>
    </message>
    <message numerus="yes">
        <source>Confirm %Ln upload(s)?</source>
        <translation>
            <numerusform>确认 %Ln 个上传？</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Confirm %Ln Upload(s)</source>
        <translation>
            <numerusform>确认 %Ln 个上传</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Mark %Ln upload(s) as failed?</source>
        <translation>
            <numerusform>将 %Ln 个上传标记为失败？</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Mark %Ln as Failed</source>
        <translation>
            <numerusform>将 %Ln 个标记为失败</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancel %Ln upload(s)?</source>
        <translation>
            <numerusform>取消 %Ln 个上传？</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancel %Ln Upload(s)</source>
        <translation>
            <numerusform>取消 %Ln 个上传</numerusform>
        </translation>
    </message>
    <message>
        <source>The selected uploads that were not sent yet.</source>
        <translation>所选上传中尚未发送的。</translation>
    </message>
    <message>
        <source>Every upload shown (as filtered) that was not sent yet.</source>
        <translation>显示的（已筛选的）上传中尚未发送的每一个。</translation>
    </message>
    <message>
        <source>They run as a batch on the Assets page with target status %1, paced and recorded in the history like any other.</source>
        <translation>它们将作为“媒资”页上的一个批次运行，目标状态为 %1，与其他批次一样限速并记录在历史记录中。</translation>
    </message>
    <message>
        <source>Confirm only uploads whose files were uploaded completely.</source>
        <translation>请只确认文件已完整上传的上传。</translation>
    </message>
    <message>
        <source>This cannot be undone: VOD will not accept a confirmation for them later.</source>
        <translation>此操作无法撤销：之后 VOD 不会再接受对它们的确认。</translation>
    </message>
    <message>
        <source>Go &amp;Back</source>
        <translation>返回(&amp;B)</translation>
    </message>
</context>
<context>
    <name>VodConfirm::StuckTableModel</name>
    <message>
        <source>Asset ID</source>
        <translation>媒资ID</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Sent to batch</source>
        <translation>已交给批次</translation>
    </message>
    <message numerus="yes">
        <source>%Ln s</source>
        <translation>
            <numerusform>%Ln 秒</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln min</source>
        <translation>
            <numerusform>%Ln 分钟</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln h</source>
        <translation>
            <numerusform>%Ln 小时</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln day(s)</source>
        <translation>
            <numerusform>%Ln 天</numerusform>
        </translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>确认</translation>
    </message>
    <message>
        <source>Mark failed</source>
        <translation>标记为失败</translation>
    </message>
    <message>
        <source>Cancel upload</source>
        <translation>取消上传</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>%1 UTC</source>
        <translation>%1 UTC</translation>
    </message>
    <message>
        <source>Handed to a batch on the Assets page as %1; Refresh lists what is still waiting</source>
        <translation>已作为 %1 交给“媒资”页上的批次；刷新会列出仍在等待的上传</translation>
    </message>
    <message>
        <source>no title</source>
        <translation>无标题</translation>
    </message>
    <message>
        <source>not sent</source>
        <translation>未发送</translation>
    </message>
</context>
<context>
    <name>VodConfirm::SupportText</name>
    <message>
        <source>AK/SK with a security token (temporary)</source>
        <translation>AK/SK 加安全令牌（临时）</translation>
    </message>
    <message>
        <source>AK/SK</source>
        <translation>AK/SK</translation>
    </message>
    <message>
        <source>IAM token</source>
        <translation>IAM 令牌</translation>
    </message>
    <message>
        <source>IAM user and password</source>
        <translation>IAM 用户和密码</translation>
    </message>
    <message>
        <source>system settings</source>
        <translation>系统设置</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>manual (%1)</source>
        <translation>手动（%1）</translation>
    </message>
    <message>
        <source>Asset %1</source>
        <translation>媒资 %1</translation>
    </message>
    <message>
        <source>Target status: %1</source>
        <translation>目标状态：%1</translation>
    </message>
    <message>
        <source>Profile: none (credentials from the environment)</source>
        <translation>配置：无（凭据来自环境变量）</translation>
    </message>
    <message>
        <source>Profile: %1 (no longer saved)</source>
        <translation>配置：%1（已不再保存）</translation>
    </message>
    <message>
        <source>Profile: %1</source>
        <translation>配置：%1</translation>
    </message>
    <message>
        <source>Endpoint: %1</source>
        <translation>终端节点：%1</translation>
    </message>
    <message>
        <source>Region: %1</source>
        <translation>区域：%1</translation>
    </message>
    <message>
        <source>Project ID: %1</source>
        <translation>项目ID：%1</translation>
    </message>
    <message>
        <source>Auth mode: %1</source>
        <translation>认证方式：%1</translation>
    </message>
    <message>
        <source>Proxy: %1</source>
        <translation>代理：%1</translation>
    </message>
    <message>
        <source>Attempts: no history available</source>
        <translation>尝试：没有可用的历史记录</translation>
    </message>
    <message>
        <source>Attempts: the history could not be read (%1)</source>
        <translation>尝试：无法读取历史记录（%1）</translation>
    </message>
    <message>
        <source>Attempts: none recorded</source>
        <translation>尝试：没有记录</translation>
    </message>
    <message numerus="yes">
        <source>Attempts: %L1, the newest %Ln below (oldest first, times in UTC)</source>
        <translation>
            <numerusform>尝试：%L1 次，下面是最新的 %Ln 次（最早的在前，时间为 UTC）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Attempts: %Ln (oldest first, times in UTC)</source>
        <translation>
            <numerusform>尝试：%Ln 次（最早的在前，时间为 UTC）</numerusform>
        </translation>
    </message>
    <message>
        <source>- %1, attempt %2: %3</source>
        <translation>- %1，第 %2 次尝试：%3</translation>
    </message>
    <message>
        <source>  HTTP status: %1</source>
        <translation>  HTTP 状态：%1</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>无应答</translation>
    </message>
    <message>
        <source>  Error code: %1</source>
        <translation>  错误码：%1</translation>
    </message>
    <message>
        <source>  Error message: %1</source>
        <translation>  错误信息：%1</translation>
    </message>
    <message>
        <source>  X-Request-Id: %1</source>
        <translation>  X-Request-Id：%1</translation>
    </message>
    <message>
        <source>  Duration: %1 ms</source>
        <translation>  耗时：%1 毫秒</translation>
    </message>
    <message>
        <source>  Target status: %1, batch %2</source>
        <translation>  目标状态：%1，批次 %2</translation>
    </message>
    <message numerus="yes">
        <source>%Ln selected row(s) left out: they hold control characters a terminal could act on.</source>
        <translation>
            <numerusform>已略去所选的 %Ln 行：其中含有终端可能执行的控制字符。</numerusform>
        </translation>
    </message>
    <message>
        <source>VOD Confirm support bundle (it holds no secret: no keys, tokens, passwords or signatures)</source>
        <translation>VOD Confirm 支持信息（不含任何机密：没有密钥、令牌、密码或签名）</translation>
    </message>
    <message>
        <source>App: VOD Confirm %1</source>
        <translation>应用：VOD Confirm %1</translation>
    </message>
    <message>
        <source>Qt: %1</source>
        <translation>Qt：%1</translation>
    </message>
    <message>
        <source>OS: %1</source>
        <translation>操作系统：%1</translation>
    </message>
    <message>
        <source>Written: %1</source>
        <translation>生成时间：%1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln more selected asset(s) left out: a bundle holds at most %L1.</source>
        <translation>
            <numerusform>另有 %Ln 个所选媒资被略去：一份支持信息最多包含 %L1 个。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VodConfirm::UploadDialog</name>
    <message>
        <source>Upload Files</source>
        <translation>上传文件</translation>
    </message>
    <message>
        <source>&amp;Profiles…</source>
        <translation>配置(&amp;P)…</translation>
    </message>
    <message>
        <source>Add, edit and choose connection profiles</source>
        <translation>添加、编辑和选择连接配置</translation>
    </message>
    <message>
        <source>&amp;Files (double-click or F2 on a title to change it):</source>
        <translation>文件(&amp;F)（双击标题或按 F2 可修改）：</translation>
    </message>
    <message>
        <source>Files to upload</source>
        <translation>要上传的文件</translation>
    </message>
    <message>
        <source>For every file (optional)</source>
        <translation>适用于所有文件（可选）</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>描述(&amp;D)：</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>&amp;Category ID:</source>
        <translation>分类ID(&amp;C)：</translation>
    </message>
    <message>
        <source>Category ID</source>
        <translation>分类ID</translation>
    </message>
    <message>
        <source>The number of a media category of the project; empty: none</source>
        <translation>项目中某个媒资分类的编号；留空：无</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>&amp;Template group:</source>
        <translation>模板组(&amp;T)：</translation>
    </message>
    <message>
        <source>Transcoding template group</source>
        <translation>转码模板组</translation>
    </message>
    <message>
        <source>The transcoding template group VOD applies after the upload; empty: none</source>
        <translation>上传后点播使用的转码模板组；留空：无</translation>
    </message>
    <message numerus="yes">
        <source>%Ln file(s) in the folders are not video or audio files VOD takes and were left out.</source>
        <translation>
            <numerusform>文件夹中有 %Ln 个文件不是点播接受的视频或音频文件，已略过。</numerusform>
        </translation>
    </message>
    <message>
        <source>Only the first %L1 files are listed: upload the rest in another go.</source>
        <translation>只列出前 %L1 个文件：其余文件请另行上传。</translation>
    </message>
    <message>
        <source>A folder holds more than %L1 files: only part of it was looked at.</source>
        <translation>有文件夹包含超过 %L1 个文件：只查看了其中一部分。</translation>
    </message>
    <message>
        <source>&amp;Start Upload</source>
        <translation>开始上传(&amp;S)</translation>
    </message>
    <message numerus="yes">
        <source>… and %Ln more refused (the Type column&apos;s tooltip says why).</source>
        <translation>
            <numerusform>……另有 %Ln 个被拒绝（“类型”列的提示说明了原因）。</numerusform>
        </translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>the file does not exist</source>
        <translation>文件不存在</translation>
    </message>
    <message>
        <source>not a file</source>
        <translation>不是文件</translation>
    </message>
    <message>
        <source>the file cannot be read</source>
        <translation>无法读取该文件</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>文件为空</translation>
    </message>
    <message>
        <source>the file is larger than VOD takes (%1)</source>
        <translation>文件大于点播接受的大小（%1）</translation>
    </message>
    <message>
        <source>The asset&apos;s title in VOD: press F2 to change it</source>
        <translation>该媒资在点播中的标题：按 F2 修改</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Nothing to upload: VOD takes none of these files.</source>
        <translation>没有可上传的文件：点播不接受其中任何文件。</translation>
    </message>
    <message numerus="yes">
        <source>%Ln file(s) to upload, %1 in all.</source>
        <translation>
            <numerusform>要上传 %Ln 个文件，共 %1。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln file(s) refused: see below.</source>
        <translation>
            <numerusform>%Ln 个文件被拒绝：见下方说明。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VodConfirm::UploadRunner</name>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Without a history there is nothing to resume.</source>
        <translation>没有历史记录，因此没有可继续的上传。</translation>
    </message>
    <message>
        <source>Upload %1 is in the queue already.</source>
        <translation>上传 %1 已在队列中。</translation>
    </message>
    <message>
        <source>Upload %1 cannot be resumed: %2</source>
        <translation>上传 %1 无法继续：%2</translation>
    </message>
    <message>
        <source>Upload %1 is finished (%2); there is nothing to resume.</source>
        <translation>上传 %1 已结束（%2）；没有可继续的内容。</translation>
    </message>
    <message>
        <source>uploading the file</source>
        <translation>上传文件</translation>
    </message>
    <message>
        <source>uploading part %1</source>
        <translation>上传第 %1 段</translation>
    </message>
    <message>
        <source>OBS accepted part %1 with an ETag that cannot be used.</source>
        <translation>OBS 接受了第 %1 段，但返回的 ETag 无法使用。</translation>
    </message>
    <message>
        <source>creating the asset</source>
        <translation>创建媒资</translation>
    </message>
    <message>
        <source>starting the multipart upload</source>
        <translation>开始分段上传</translation>
    </message>
    <message>
        <source>listing the parts already uploaded</source>
        <translation>列出已上传的分段</translation>
    </message>
    <message>
        <source>completing the multipart upload</source>
        <translation>合并分段上传</translation>
    </message>
    <message>
        <source>The asset could not be confirmed: %1</source>
        <translation>无法确认该媒资：%1</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>没有回答</translation>
    </message>
    <message>
        <source>asking VOD for an upload authority</source>
        <translation>向点播申请上传授权</translation>
    </message>
    <message numerus="yes">
        <source>paused: %1 failed after %Ln attempt(s): %2</source>
        <translation>
            <numerusform>已暂停：%1 尝试 %Ln 次后失败：%2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 failed after %Ln attempt(s): %2</source>
        <translation>
            <numerusform>%1 尝试 %Ln 次后失败：%2</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 失败：%2</translation>
    </message>
    <message numerus="yes">
        <source>retrying %1 in %Ln s</source>
        <translation>
            <numerusform>%Ln 秒后重试：%1</numerusform>
        </translation>
    </message>
    <message>
        <source>stopped: VOD refused the credentials</source>
        <translation>已停止：点播拒绝了凭证</translation>
    </message>
    <message>
        <source>The upload journal could not store the step: %1</source>
        <translation>上传日志无法保存这一步：%1</translation>
    </message>
</context>
<context>
    <name>VodConfirm::UploadTableModel</name>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>速度</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>剩余时间</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Asset ID</source>
        <translation>媒资ID</translation>
    </message>
    <message>
        <source>Interrupted</source>
        <translation>已中断</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <source>Creating asset</source>
        <translation>正在创建媒资</translation>
    </message>
    <message>
        <source>Uploading</source>
        <translation>正在上传</translation>
    </message>
    <message>
        <source>Completing</source>
        <translation>正在合并</translation>
    </message>
    <message>
        <source>Confirming</source>
        <translation>正在确认</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/秒</translation>
    </message>
    <message numerus="yes">
        <source>about %Ln s</source>
        <translation>
            <numerusform>约 %Ln 秒</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>about %Ln min</source>
        <translation>
            <numerusform>约 %Ln 分钟</numerusform>
        </translation>
    </message>
    <message>
        <source>about %1 h %2 min</source>
        <translation>约 %1 小时 %2 分钟</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>%1 of %2, part %L3 of %L4 done</source>
        <translation>%1 / %2，已完成 %L4 段中的 %L3 段</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Interrupted before it finished: Resume goes on from the last part that arrived</source>
        <translation>结束前被中断：“继续”会从最后到达的分段接着上传</translation>
    </message>
    <message>
        <source>%L1 bytes</source>
        <translation>%L1 字节</translation>
    </message>
    <message>
        <source>no asset yet</source>
        <translation>尚无媒资</translation>
    </message>
</context>
<context>
    <name>VodConfirm::UploadsPage</name>
    <message>
        <source>Band&amp;width limit:</source>
        <translation>带宽限制(&amp;W)：</translation>
    </message>
    <message>
        <source>All uploads together send at most this many KB per second; 0: as fast as the network allows</source>
        <translation>所有上传合计每秒最多发送这么多 KB；0：网络允许的最快速度</translation>
    </message>
    <message>
        <source>Bandwidth limit, KB per second (0: unlimited)</source>
        <translation>带宽限制，KB/秒（0：不限制）</translation>
    </message>
    <message>
        <source>Unlimited</source>
        <translation>不限制</translation>
    </message>
    <message>
        <source> KB/s</source>
        <translation> KB/秒</translation>
    </message>
    <message>
        <source>Upload queue</source>
        <translation>上传队列</translation>
    </message>
    <message>
        <source>Total upload progress</source>
        <translation>上传总进度</translation>
    </message>
    <message>
        <source>Upload totals</source>
        <translation>上传统计</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>暂停(&amp;P)</translation>
    </message>
    <message>
        <source>Pause the selected uploads; the parts that arrived are kept</source>
        <translation>暂停所选上传；已到达的分段会保留</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>继续(&amp;R)</translation>
    </message>
    <message>
        <source>Resume the selected paused or interrupted uploads</source>
        <translation>继续所选的已暂停或已中断的上传</translation>
    </message>
    <message>
        <source>Ca&amp;ncel…</source>
        <translation>取消(&amp;N)…</translation>
    </message>
    <message>
        <source>Cancel the selected uploads (asks first; cannot be undone)</source>
        <translation>取消所选上传（会先询问；无法撤销）</translation>
    </message>
    <message>
        <source>Copy Asset &amp;ID</source>
        <translation>复制媒资ID(&amp;I)</translation>
    </message>
    <message>
        <source>Copy the asset IDs of the selected uploads, one per line</source>
        <translation>复制所选上传的媒资ID，每行一个</translation>
    </message>
    <message>
        <source>Error De&amp;tails…</source>
        <translation>错误详情(&amp;T)…</translation>
    </message>
    <message>
        <source>Why the current upload failed or waits: error code, message, HTTP status and request ID</source>
        <translation>当前上传失败或等待的原因：错误码、错误信息、HTTP 状态码和请求ID</translation>
    </message>
    <message>
        <source>Open Containing &amp;Folder</source>
        <translation>打开所在文件夹(&amp;F)</translation>
    </message>
    <message>
        <source>Show the current upload&apos;s file in the file manager</source>
        <translation>在文件管理器中显示当前上传的文件</translation>
    </message>
    <message>
        <source>Pau&amp;se All</source>
        <translation>全部暂停(&amp;S)</translation>
    </message>
    <message>
        <source>Pause every upload in the queue</source>
        <translation>暂停队列中的所有上传</translation>
    </message>
    <message>
        <source>Resu&amp;me All</source>
        <translation>全部继续(&amp;M)</translation>
    </message>
    <message>
        <source>Resume every paused or interrupted upload</source>
        <translation>继续所有已暂停或已中断的上传</translation>
    </message>
    <message>
        <source>Cancel All…</source>
        <translation>全部取消…</translation>
    </message>
    <message>
        <source>Cancel every upload not finished (asks first; cannot be undone)</source>
        <translation>取消所有未结束的上传（会先询问；无法撤销）</translation>
    </message>
    <message>
        <source>Clear Finished</source>
        <translation>清除已结束</translation>
    </message>
    <message>
        <source>Remove the confirmed, failed and cancelled uploads from the list (the history keeps them)</source>
        <translation>从列表中移除已确认、失败和已取消的上传（历史记录仍保留它们）</translation>
    </message>
    <message>
        <source>Drop video files or folders here, or use Upload Files…, to upload them and get confirmed assets.</source>
        <translation>把视频文件或文件夹拖放到这里，或使用“上传文件…”，上传后即得到已确认的媒资。</translation>
    </message>
    <message>
        <source>Cancel Uploads</source>
        <translation>取消上传</translation>
    </message>
    <message numerus="yes">
        <source>Cancel %Ln upload(s)?</source>
        <translation>
            <numerusform>取消 %Ln 个上传吗？</numerusform>
        </translation>
    </message>
    <message>
        <source>This cannot be undone: the parts sent so far are discarded and the assets are marked cancelled in VOD. Pause keeps them instead.</source>
        <translation>此操作无法撤销：已发送的分段会被丢弃，这些媒资会在点播中标记为已取消。如需保留，请改用“暂停”。</translation>
    </message>
    <message numerus="yes">
        <source>Cancel %Ln Upload(s)</source>
        <translation>
            <numerusform>取消 %Ln 个上传</numerusform>
        </translation>
    </message>
    <message>
        <source>Go &amp;Back</source>
        <translation>返回(&amp;B)</translation>
    </message>
    <message numerus="yes">
        <source>Copied %Ln asset ID(s).</source>
        <translation>
            <numerusform>已复制 %Ln 个媒资ID。</numerusform>
        </translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation>文件：%1</translation>
    </message>
    <message>
        <source>Asset ID: %1</source>
        <translation>媒资ID：%1</translation>
    </message>
    <message>
        <source>HTTP status: %1</source>
        <translation>HTTP 状态码：%1</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>没有回答</translation>
    </message>
    <message>
        <source>Error code: %1</source>
        <translation>错误码：%1</translation>
    </message>
    <message>
        <source>Message: %1</source>
        <translation>错误信息：%1</translation>
    </message>
    <message>
        <source>Request ID: %1</source>
        <translation>请求ID：%1</translation>
    </message>
    <message>
        <source>Requests sent again: %L1</source>
        <translation>重新发送的请求：%L1</translation>
    </message>
    <message>
        <source>Upload Error Details</source>
        <translation>上传错误详情</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln file(s)</source>
        <translation>
            <numerusform>%Ln 个文件中的 %1 个</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>剩余 %1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln failed</source>
        <translation>
            <numerusform>%Ln 个失败</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln cancelled</source>
        <translation>
            <numerusform>%Ln 个已取消</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln paused</source>
        <translation>
            <numerusform>%Ln 个已暂停</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln interrupted upload(s) to resume</source>
        <translation>
            <numerusform>%Ln 个已中断的上传可继续</numerusform>
        </translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
</context>
<context>
    <name>VodConfirm::UserGuide</name>
    <message>
        <source>VOD Confirm User Guide</source>
        <translation>VOD Confirm 用户指南</translation>
    </message>
    <message>
        <source>User guide</source>
        <translation>用户指南</translation>
    </message>
</context>
<context>
    <name>VodConfirm::VodClient</name>
    <message>
        <source>No project ID is set. Each region has its own project ID (console: My Credentials &gt; Projects).</source>
        <translation>未设置项目ID。每个区域有各自的项目ID（控制台：我的凭证 &gt; 项目列表）。</translation>
    </message>
    <message>
        <source>The project ID</source>
        <translation>项目ID</translation>
    </message>
    <message>
        <source>IAM endpoint: %1</source>
        <translation>IAM 终端节点：%1</translation>
    </message>
    <message>
        <source>%1 must be 32 hexadecimal characters (0-9, a-f), as shown in the console under My Credentials &gt; Projects.</source>
        <translation>%1 必须是 32 位十六进制字符（0-9、a-f），见控制台“我的凭证 &gt; 项目列表”。</translation>
    </message>
    <message>
        <source>IAM did not return a token (no X-Subject-Token header).</source>
        <translation>IAM 没有返回令牌（没有 X-Subject-Token 头）。</translation>
    </message>
    <message>
        <source>IAM refused the user name, password or account name: %1</source>
        <translation>IAM 拒绝了用户名、密码或账号名：%1</translation>
    </message>
    <message>
        <source>its &quot;total&quot; is not a count from 0 to %L1</source>
        <translation>其 &quot;total&quot; 不是 0 到 %L1 之间的数目</translation>
    </message>
    <message>
        <source>it has no list of assets</source>
        <translation>其中没有媒资列表</translation>
    </message>
    <message>
        <source>it holds %L1 assets where at most %L2 were asked for</source>
        <translation>其中有 %L1 个媒资，而查询的最多是 %L2 个</translation>
    </message>
    <message>
        <source>asset %L1 of the page has no valid asset_id</source>
        <translation>该页第 %L1 个媒资没有有效的 asset_id</translation>
    </message>
    <message>
        <source>asset %1 has no valid create_time</source>
        <translation>媒资 %1 没有有效的 create_time</translation>
    </message>
    <message>
        <source>asset %1 has no valid asset_status</source>
        <translation>媒资 %1 没有有效的 asset_status</translation>
    </message>
    <message>
        <source>The server&apos;s list of assets cannot be used (HTTP %1): %2.</source>
        <translation>服务器返回的媒资列表无法使用（HTTP %1）：%2。</translation>
    </message>
    <message>
        <source>The server&apos;s answer about asset states cannot be used (HTTP %1): asset %2 has no valid status.</source>
        <translation>服务器关于媒资状态的响应无法使用（HTTP %1）：媒资 %2 没有有效的状态。</translation>
    </message>
    <message>
        <source>The title must be 1 to %L1 bytes long (UTF-8).</source>
        <translation>标题长度必须为 1 到 %L1 字节（UTF-8）。</translation>
    </message>
    <message>
        <source>The file name must be 1 to %L1 bytes long (UTF-8).</source>
        <translation>文件名长度必须为 1 到 %L1 字节（UTF-8）。</translation>
    </message>
    <message>
        <source>VOD does not take files of type &quot;%1&quot;; it takes %2.</source>
        <translation>VOD 不支持“%1”类型的文件；它支持 %2。</translation>
    </message>
    <message>
        <source>The description must be at most %L1 bytes long (UTF-8).</source>
        <translation>描述长度最多为 %L1 字节（UTF-8）。</translation>
    </message>
    <message>
        <source>The template group name must be at most %L1 bytes long (UTF-8).</source>
        <translation>模板组名称长度最多为 %L1 字节（UTF-8）。</translation>
    </message>
    <message>
        <source>it has no valid asset_id</source>
        <translation>它没有有效的 asset_id</translation>
    </message>
    <message>
        <source>its video_upload_url is not a usable address</source>
        <translation>它的 video_upload_url 不是可用的地址</translation>
    </message>
    <message>
        <source>its target has no valid bucket</source>
        <translation>它的 target 没有有效的 bucket</translation>
    </message>
    <message>
        <source>its target has no valid location</source>
        <translation>它的 target 没有有效的 location</translation>
    </message>
    <message>
        <source>its target has no valid object</source>
        <translation>它的 target 没有有效的 object</translation>
    </message>
    <message>
        <source>The server&apos;s answer to creating the asset cannot be used (HTTP %1): %2.</source>
        <translation>服务器对创建媒资的响应无法使用（HTTP %1）：%2。</translation>
    </message>
    <message>
        <source>The server&apos;s upload authorisation cannot be used (HTTP %1): its sign_str is not a usable address.</source>
        <translation>服务器的上传授权无法使用（HTTP %1）：其 sign_str 不是可用的地址。</translation>
    </message>
</context>
</TS>
