// vodconfirm-guide-errors: the user guide's troubleshooting table, made from the error catalogue
// (core/api/errorcatalogue.cpp) so that the guide cannot drift from what the app says.
//
//   vodconfirm-guide-errors --write docs/guide/en.md docs/guide/zh_CN.md   rewrites the tables
//   vodconfirm-guide-errors --check docs/guide/en.md docs/guide/zh_CN.md   exit 1 if one differs
//
// A guide's language is its file name (en.md, zh_CN.md): its table takes the catalogue's texts
// in that language, from the app's own translations (:/i18n/vodconfirm_<language>.qm). The table
// sits between the lines BeginMarker and EndMarker. `cmake --build <dir> --target update_guide`
// runs --write; the ctest user_guide_error_table runs --check.

#include "api/apiresult.h"
#include "api/errorcatalogue.h"
#include "engine/confirmengine.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QList>
#include <QMetaEnum>
#include <QNetworkReply>
#include <QTranslator>

#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace VodConfirm;

namespace {

const QString BeginMarker = u"<!-- error table: generated from core/api/errorcatalogue.cpp by "
                            "`cmake --build build/dev --target update_guide`; do not edit -->"_s;
const QString EndMarker = u"<!-- end of the error table -->"_s;

// The texts of the table itself, per language; the catalogue's own come from its translations.
struct Words
{
    QString code, meaning, retried, action;
    QString yes, no, stops;
    QString httpStatus; // %1: a status or a range
    QString withStatus; // %1: a code, %2: a status range
    QString clock;
    QString anyNetwork;
    QString separator; // between the codes of one row
    QHash<int, QString> network; // QNetworkReply::NetworkError → what the user sees
};

Words english()
{
    Words w {u"Error code or answer"_s,
             u"What it means"_s,
             u"Retried automatically"_s,
             u"What to do"_s,
             u"yes"_s,
             u"no"_s,
             u"no, the batch stops"_s,
             u"HTTP %1"_s,
             u"%1 with HTTP %2"_s,
             u"Authentication refused while this computer's clock is off"_s,
             u"Any other network error"_s,
             u", "_s,
             {}};
    w.network = {
            {QNetworkReply::ConnectionRefusedError, u"No answer: connection refused"_s},
            {QNetworkReply::HostNotFoundError, u"No answer: host not found"_s},
            {QNetworkReply::UnknownNetworkError, u"No answer: network unreachable"_s},
            {QNetworkReply::TimeoutError, u"No answer: timed out"_s},
            {QNetworkReply::OperationCanceledError, u"No answer: cancelled or timed out"_s},
            {QNetworkReply::RemoteHostClosedError, u"Connection closed by the server"_s},
            {QNetworkReply::TemporaryNetworkFailureError, u"Temporary network failure"_s},
            {QNetworkReply::NetworkSessionFailedError, u"Network session failed"_s},
            {QNetworkReply::ContentReSendError, u"Connection closed before any answer"_s},
            {QNetworkReply::SslHandshakeFailedError, u"TLS handshake failed (certificate)"_s},
            {QNetworkReply::ProxyAuthenticationRequiredError, u"Proxy authentication required"_s},
            {QNetworkReply::ProxyConnectionRefusedError, u"Proxy refused the connection"_s},
            {QNetworkReply::ProxyNotFoundError, u"Proxy not found"_s},
            {QNetworkReply::UnknownProxyError, u"Proxy error"_s},
            {QNetworkReply::ProxyConnectionClosedError, u"Proxy closed the connection"_s},
            {QNetworkReply::ProxyTimeoutError, u"Proxy timed out"_s},
            {QNetworkReply::TooManyRedirectsError, u"Redirected (too many redirects)"_s},
            {QNetworkReply::InsecureRedirectError, u"Redirected (insecure redirect)"_s},
    };
    return w;
}

Words chinese()
{
    Words w {u"错误码或响应"_s,
             u"含义"_s,
             u"自动重试"_s,
             u"处理方法"_s,
             u"是"_s,
             u"否"_s,
             u"否，批次停止"_s,
             u"HTTP %1"_s,
             u"%1（HTTP %2）"_s,
             u"身份认证被拒绝，且本机时钟偏差过大"_s,
             u"其他网络错误"_s,
             u"、"_s,
             {}};
    w.network = {
            {QNetworkReply::ConnectionRefusedError, u"无响应：连接被拒绝"_s},
            {QNetworkReply::HostNotFoundError, u"无响应：找不到主机"_s},
            {QNetworkReply::UnknownNetworkError, u"无响应：网络不可达"_s},
            {QNetworkReply::TimeoutError, u"无响应：超时"_s},
            {QNetworkReply::OperationCanceledError, u"无响应：已取消或超时"_s},
            {QNetworkReply::RemoteHostClosedError, u"连接被服务器关闭"_s},
            {QNetworkReply::TemporaryNetworkFailureError, u"临时网络故障"_s},
            {QNetworkReply::NetworkSessionFailedError, u"网络会话失败"_s},
            {QNetworkReply::ContentReSendError, u"连接在收到响应前关闭"_s},
            {QNetworkReply::SslHandshakeFailedError, u"TLS 握手失败（证书）"_s},
            {QNetworkReply::ProxyAuthenticationRequiredError, u"代理要求身份验证"_s},
            {QNetworkReply::ProxyConnectionRefusedError, u"代理拒绝连接"_s},
            {QNetworkReply::ProxyNotFoundError, u"找不到代理"_s},
            {QNetworkReply::UnknownProxyError, u"代理错误"_s},
            {QNetworkReply::ProxyConnectionClosedError, u"代理关闭了连接"_s},
            {QNetworkReply::ProxyTimeoutError, u"代理超时"_s},
            {QNetworkReply::TooManyRedirectsError, u"被重定向（重定向过多）"_s},
            {QNetworkReply::InsecureRedirectError, u"被重定向（不安全的重定向）"_s},
    };
    return w;
}

QString range(int from, int to)
{
    return from == to ? QString::number(from) : u"%1–%2"_s.arg(from).arg(to);
}

// What a row is matched by, as the user sees it: an error code, a status, a network failure.
QString answerOf(const ErrorEntry &e, const Words &w)
{
    switch (e.match) {
    case ErrorEntry::Match::Code:
        return e.statusFrom == 0
                ? u"`%1`"_s.arg(e.code)
                : w.withStatus.arg(u"`%1`"_s.arg(e.code), range(e.statusFrom, e.statusTo));
    case ErrorEntry::Match::Status:
        return w.httpStatus.arg(range(e.statusFrom, e.statusTo));
    case ErrorEntry::Match::Network:
        if (e.networkError == ErrorEntry::AnyNetworkError)
            return w.anyNetwork;
        if (const auto it = w.network.constFind(e.networkError); it != w.network.constEnd())
            return *it;
        // A network error the table does not name yet: Qt's own name for it.
        return u"`%1`"_s.arg(QString::fromLatin1(
                QMetaEnum::fromType<QNetworkReply::NetworkError>().valueToKey(e.networkError)));
    case ErrorEntry::Match::ClockSkew:
        return w.clock;
    }
    return {};
}

// Whether an answer of this row stops the batch (ConfirmEngine decides: authentication, and
// failures every later request would meet too).
bool stopsTheBatch(const ErrorEntry &e)
{
    if (e.errorClass == ErrorClass::Auth)
        return true;
    ApiResult result;
    result.errorClass = e.errorClass;
    if (e.match == ErrorEntry::Match::Network && e.networkError != ErrorEntry::AnyNetworkError)
        result.networkError = e.networkError;
    return ConfirmEngine::isConnectionSetupFailure(result);
}

QString cell(QString text)
{
    return text.replace(u'|', u"\\|"_s).replace(u'\n', u' ');
}

// The table in the language whose translations are installed. Rows that say the same (same
// kind of match, class, meaning and advice) are one row listing their codes.
QString table(const Words &w)
{
    struct Row
    {
        QStringList answers;
        const ErrorEntry *entry;
    };
    QList<Row> rows;
    for (const ErrorEntry &e : ErrorCatalogue::entries()) {
        auto same = std::find_if(rows.begin(), rows.end(), [&e](const Row &r) {
            return r.entry->match == e.match && r.entry->errorClass == e.errorClass
                    && qstrcmp(r.entry->hintSource, e.hintSource) == 0
                    && qstrcmp(r.entry->nextStepSource, e.nextStepSource) == 0;
        });
        if (same == rows.end())
            rows.append({{answerOf(e, w)}, &e});
        else
            same->answers.append(answerOf(e, w));
    }
    QString out = u"| %1 | %2 | %3 | %4 |\n|---|---|---|---|\n"_s.arg(w.code, w.meaning, w.retried,
                                                                      w.action);
    for (const Row &r : std::as_const(rows)) {
        const QString retried = r.entry->retryable() ? w.yes
                : stopsTheBatch(*r.entry)            ? w.stops
                                                     : w.no;
        out += u"| %1 | %2 | %3 | %4 |\n"_s.arg(cell(r.answers.join(w.separator)),
                                                cell(r.entry->hint()), retried,
                                                cell(r.entry->nextStep()));
    }
    return out;
}

// The guide with its table replaced by `generated`; empty when the markers are missing.
QString withTable(const QString &guide, const QString &generated)
{
    const qsizetype begin = guide.indexOf(BeginMarker);
    const qsizetype end = guide.indexOf(EndMarker);
    if (begin < 0 || end < begin)
        return {};
    const qsizetype from = begin + BeginMarker.size();
    return guide.left(from) + u"\n\n"_s + generated + u'\n' + guide.mid(end);
}

void say(const QString &line)
{
    std::fprintf(stderr, "%s\n", qPrintable(line));
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments().mid(1);
    if (args.size() < 2 || (args.first() != "--write"_L1 && args.first() != "--check"_L1)) {
        say(u"usage: vodconfirm-guide-errors --write|--check GUIDE.md..."_s);
        return 2;
    }
    const bool write = args.first() == "--write"_L1;
    int result = 0;
    for (const QString &path : args.mid(1)) {
        const QString language = QFileInfo(path).completeBaseName(); // en, zh_CN
        QTranslator translator;
        if (language != "en"_L1) {
            if (!translator.load(u":/i18n/vodconfirm_%1.qm"_s.arg(language))) {
                say(u"%1: no translation for \"%2\" (:/i18n/vodconfirm_%2.qm)"_s.arg(path,
                                                                                     language));
                return 2;
            }
            QCoreApplication::installTranslator(&translator);
        }
        const Words words = language.startsWith("zh"_L1) ? chinese() : english();
        const QString generated = table(words);
        QCoreApplication::removeTranslator(&translator);

        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            say(u"%1: %2"_s.arg(path, file.errorString()));
            return 2;
        }
        const QString guide = QString::fromUtf8(file.readAll());
        file.close();
        const QString updated = withTable(guide, generated);
        if (updated.isEmpty()) {
            say(u"%1: the lines\n  %2\n  %3\nthat frame the error table are missing"_s.arg(
                    path, BeginMarker, EndMarker));
            return 2;
        }
        if (updated == guide)
            continue;
        if (!write) {
            say(u"%1: the troubleshooting table differs from the error catalogue "
                "(core/api/errorcatalogue.cpp and its translations). Regenerate it with:\n"
                "  cmake --build build/dev --target update_guide\n"
                "and commit the result."_s.arg(path));
            result = 1;
            continue;
        }
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)
            || file.write(updated.toUtf8()) < 0 || !file.flush()) {
            say(u"%1: %2"_s.arg(path, file.errorString()));
            return 2;
        }
        say(u"%1: error table updated"_s.arg(path));
    }
    return result;
}
