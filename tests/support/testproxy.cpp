#include "testproxy.h"

#include <QHostAddress>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>

using namespace Qt::StringLiterals;

namespace VodConfirm::Test {

namespace {
constexpr char Socks5 = 0x05;
const QByteArray BadGateway = "HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n"
                              "Connection: close\r\n\r\n";
const QByteArray BadRequest = "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n"
                              "Connection: close\r\n\r\n";

QByteArray socksReply(char status, quint16 port = 0)
{
    // VER REP RSV ATYP=IPv4 BND.ADDR BND.PORT
    QByteArray r("\x05\x00\x00\x01\x7f\x00\x00\x01", 8);
    r[1] = status;
    r += char(port >> 8);
    r += char(port & 0xff);
    return r;
}
} // namespace

struct TestProxy::Client
{
    enum class Stage { Start, Http, SocksGreeting, SocksAuth, SocksRequest, Connecting, Piping };
    QTcpSocket *socket = nullptr;
    QTcpSocket *upstream = nullptr;
    Stage stage = Stage::Start;
    QByteArray buffer; // received from the client, not yet handled or forwarded
};

TestProxy::TestProxy(QObject *parent) : QObject(parent), m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, &TestProxy::onNewConnection);
}

TestProxy::~TestProxy()
{
    qDeleteAll(m_clients);
}

bool TestProxy::listen()
{
    return m_server->listen(QHostAddress::LocalHost, 0);
}

quint16 TestProxy::port() const
{
    return m_server->serverPort();
}

void TestProxy::requireCredentials(const QString &user, const QString &password)
{
    m_user = user;
    m_password = password;
}

void TestProxy::onNewConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        auto *client = new Client;
        client->socket = socket;
        m_clients.insert(socket, client);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onClientData(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            if (Client *c = m_clients.take(socket)) {
                if (c->upstream)
                    c->upstream->disconnectFromHost();
                delete c;
            }
            socket->deleteLater();
        });
    }
}

void TestProxy::onClientData(QTcpSocket *socket)
{
    Client *c = m_clients.value(socket);
    if (!c)
        return;
    if (c->stage == Client::Stage::Piping) {
        c->upstream->write(socket->readAll());
        return;
    }
    c->buffer += socket->readAll();
    for (bool progress = true; progress && !c->buffer.isEmpty();) {
        switch (c->stage) {
        case Client::Stage::Start:
            c->stage = c->buffer.at(0) == Socks5 ? Client::Stage::SocksGreeting
                                                 : Client::Stage::Http;
            break;
        case Client::Stage::Http:
            progress = handleHttp(*c);
            break;
        case Client::Stage::SocksGreeting:
        case Client::Stage::SocksAuth:
        case Client::Stage::SocksRequest:
            progress = handleSocks(*c);
            break;
        case Client::Stage::Connecting: // kept in the buffer until the upstream is connected
        case Client::Stage::Piping:
            progress = false;
            break;
        }
    }
}

bool TestProxy::handleHttp(Client &c)
{
    const qsizetype end = c.buffer.indexOf("\r\n\r\n");
    if (end < 0)
        return false;
    const QList<QByteArray> lines = c.buffer.left(end).split('\n');
    const QByteArray rest = c.buffer.mid(end + 4);
    c.buffer.clear();
    const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
    if (requestLine.size() != 3) {
        c.socket->write(BadRequest);
        close(c.socket);
        return false;
    }
    const QByteArray &method = requestLine.at(0);
    const QByteArray &target = requestLine.at(1);
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray authorization;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray name = line.left(colon).trimmed();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name.compare("Proxy-Authorization", Qt::CaseInsensitive) == 0)
            authorization = value;
        else if (name.compare("Proxy-Connection", Qt::CaseInsensitive) != 0
                 && name.compare("Connection", Qt::CaseInsensitive) != 0)
            headers.append({name, value});
    }

    const bool tunnel = method == "CONNECT";
    if (!m_user.isEmpty()
        && authorization != "Basic " + (m_user + u':' + m_password).toUtf8().toBase64()) {
        ++m_counters.refused;
        c.socket->write("HTTP/1.1 407 Proxy Authentication Required\r\n"
                        "Proxy-Authenticate: Basic realm=\"vodconfirm-test\"\r\n"
                        "Content-Length: 0\r\n"
                        + QByteArray(tunnel ? "" : "Connection: close\r\n") + "\r\n");
        if (!tunnel) { // a request body may follow: simpler to start over
            close(c.socket);
            return false;
        }
        c.buffer = rest;
        return true;
    }

    if (tunnel) {
        const qsizetype colon = target.lastIndexOf(':');
        const quint16 port = target.mid(colon + 1).toUShort();
        ++m_counters.tunnels;
        m_counters.targets.append(QString::fromLatin1(target));
        c.stage = Client::Stage::Connecting;
        c.buffer = rest;
        openUpstream(c.socket, port, "HTTP/1.1 200 Connection established\r\n\r\n", BadGateway, {});
        return false;
    }
    if (!target.startsWith("http://")) {
        c.socket->write(BadRequest);
        close(c.socket);
        return false;
    }
    // "http://host:port/path?query" → "/path?query" to the origin server, on a new connection
    // that is closed after the answer (so every request is parsed here).
    const qsizetype slash = target.indexOf('/', 7);
    const QByteArray authority = target.mid(7, slash < 0 ? -1 : slash - 7);
    const QByteArray originForm = slash < 0 ? QByteArray("/") : target.mid(slash);
    const qsizetype colon = authority.lastIndexOf(':');
    const quint16 port = colon < 0 ? 80 : authority.mid(colon + 1).toUShort();
    ++m_counters.forwarded;
    m_counters.targets.append(QString::fromLatin1(authority));
    QByteArray request = method + ' ' + originForm + ' ' + requestLine.at(2) + "\r\n";
    for (const auto &[name, value] : headers)
        request += name + ": " + value + "\r\n";
    request += "Connection: close\r\n\r\n" + rest;
    c.stage = Client::Stage::Connecting;
    openUpstream(c.socket, port, {}, BadGateway, request);
    return false;
}

bool TestProxy::handleSocks(Client &c)
{
    const QByteArray &b = c.buffer;
    const auto byte = [&b](qsizetype i) { return quint8(b.at(i)); };
    switch (c.stage) {
    case Client::Stage::SocksGreeting: { // VER NMETHODS METHODS...
        if (b.size() < 2 || b.size() < 2 + byte(1))
            return false;
        const QByteArray methods = b.mid(2, byte(1));
        c.buffer.remove(0, 2 + byte(1));
        const char wanted = m_user.isEmpty() ? 0x00 : 0x02;
        if (!methods.contains(wanted)) {
            c.socket->write(QByteArray("\x05\xff", 2));
            close(c.socket);
            return false;
        }
        c.socket->write(QByteArray("\x05", 1) + wanted);
        c.stage = wanted ? Client::Stage::SocksAuth : Client::Stage::SocksRequest;
        return true;
    }
    case Client::Stage::SocksAuth: { // VER ULEN UNAME PLEN PASSWD (RFC 1929)
        if (b.size() < 2 || b.size() < 3 + byte(1) || b.size() < 3 + byte(1) + byte(2 + byte(1)))
            return false;
        const qsizetype userLength = byte(1);
        const qsizetype passwordLength = byte(2 + userLength);
        const QString user = QString::fromUtf8(b.mid(2, userLength));
        const QString password = QString::fromUtf8(b.mid(3 + userLength, passwordLength));
        c.buffer.remove(0, 3 + userLength + passwordLength);
        if (user != m_user || password != m_password) {
            ++m_counters.refused;
            c.socket->write(QByteArray("\x01\x01", 2));
            close(c.socket);
            return false;
        }
        c.socket->write(QByteArray("\x01\x00", 2));
        c.stage = Client::Stage::SocksRequest;
        return true;
    }
    case Client::Stage::SocksRequest: { // VER CMD RSV ATYP DST.ADDR DST.PORT
        if (b.size() < 5)
            return false;
        const quint8 type = byte(3);
        const qsizetype addressLength = type == 1 ? 4 : type == 4 ? 16 : 1 + byte(4);
        if (b.size() < 4 + addressLength + 2)
            return false;
        QString host;
        if (type == 3) {
            host = QString::fromLatin1(b.mid(5, byte(4)));
        } else if (type == 1) {
            host = QHostAddress(quint32(byte(4)) << 24 | quint32(byte(5)) << 16
                                | quint32(byte(6)) << 8 | byte(7))
                           .toString();
        } else {
            Q_IPV6ADDR v6;
            std::copy_n(b.constData() + 4, 16, reinterpret_cast<char *>(v6.c));
            host = QHostAddress(v6).toString();
        }
        const quint16 port = quint16(byte(4 + addressLength) << 8 | byte(5 + addressLength));
        const bool connectCommand = byte(1) == 1;
        c.buffer.remove(0, 4 + addressLength + 2);
        if (!connectCommand) {
            c.socket->write(socksReply(0x07)); // command not supported
            close(c.socket);
            return false;
        }
        ++m_counters.socksConnects;
        m_counters.targets.append(u"%1:%2"_s.arg(host).arg(port));
        c.stage = Client::Stage::Connecting;
        openUpstream(c.socket, port, socksReply(0x00, port), socksReply(0x05), {});
        return false;
    }
    default:
        return false;
    }
}

void TestProxy::openUpstream(QTcpSocket *socket, quint16 port, const QByteArray &onConnected,
                             const QByteArray &onFailed, const QByteArray &forward)
{
    // Every target host is this computer.
    auto *upstream = new QTcpSocket(this);
    m_clients.value(socket)->upstream = upstream;
    const QPointer<QTcpSocket> client(socket);
    connect(upstream, &QTcpSocket::connected, this, [this, client, upstream, onConnected, forward] {
        Client *c = m_clients.value(client.data());
        if (!c)
            return;
        client->write(onConnected);
        upstream->write(forward + c->buffer);
        c->buffer.clear();
        c->stage = Client::Stage::Piping;
    });
    connect(upstream, &QTcpSocket::readyRead, this, [client, upstream] {
        const QByteArray bytes = upstream->readAll();
        if (client)
            client->write(bytes);
    });
    connect(upstream, &QTcpSocket::errorOccurred, this, [this, client, onFailed] {
        const Client *c = m_clients.value(client.data());
        if (c && c->stage == Client::Stage::Connecting) {
            client->write(onFailed);
            close(client);
        }
    });
    connect(upstream, &QTcpSocket::disconnected, this, [this, client, upstream] {
        if (client && m_clients.contains(client.data())) {
            client->write(upstream->readAll());
            close(client);
        }
        upstream->deleteLater();
    });
    upstream->connectToHost(QHostAddress::LocalHost, port);
}

void TestProxy::close(QTcpSocket *socket)
{
    socket->disconnectFromHost(); // after the pending bytes are written
}

} // namespace VodConfirm::Test
