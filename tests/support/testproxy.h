#pragma once

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QString>
#include <QStringList>

class QTcpServer;
class QTcpSocket;

namespace VodConfirm::Test {

// A loopback forward proxy for tests, HTTP and SOCKS5 on one port (the first byte a client
// sends tells which): HTTP CONNECT tunnels, HTTP requests in absolute form ("GET http://host/…",
// forwarded with "Connection: close"), and SOCKS5 CONNECT with no authentication or user name
// and password. Every target is reached at 127.0.0.1 whatever its host name, so tests can use
// names that resolve nowhere (vod.vodconfirm.test). Counts what goes through it and can require
// credentials. Single-threaded, like VodTestServer.
class TestProxy final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TestProxy)
public:
    struct Counters
    {
        int tunnels = 0; // HTTP CONNECT requests accepted
        int forwarded = 0; // absolute-form HTTP requests forwarded
        int socksConnects = 0; // SOCKS5 CONNECT requests accepted
        int refused = 0; // HTTP 407 answers and SOCKS5 authentication failures
        QStringList targets; // "host:port" of every accepted request, in order

        int accepted() const { return tunnels + forwarded + socksConnects; }
    };

    explicit TestProxy(QObject *parent = nullptr);
    ~TestProxy() override;

    bool listen(); // on 127.0.0.1, any free port
    quint16 port() const;

    // From now on only clients that send these are served: HTTP "Proxy-Authorization: Basic"
    // (else 407 with a Basic challenge), SOCKS5 user name/password authentication.
    void requireCredentials(const QString &user, const QString &password);

    const Counters &counters() const { return m_counters; }

private:
    struct Client;
    void onNewConnection();
    void onClientData(QTcpSocket *socket);
    bool handleHttp(Client &c);
    bool handleSocks(Client &c);
    // Connects to 127.0.0.1:port; then sends onConnected to the client and forward plus what
    // the client sent meanwhile upstream, and pipes both ways; on failure sends onFailed.
    void openUpstream(QTcpSocket *socket, quint16 port, const QByteArray &onConnected,
                      const QByteArray &onFailed, const QByteArray &forward);
    void close(QTcpSocket *socket);

    QTcpServer *m_server;
    QHash<QTcpSocket *, Client *> m_clients;
    QString m_user;
    QString m_password;
    Counters m_counters;
};

} // namespace VodConfirm::Test
