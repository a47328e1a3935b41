#include "ChannelHolder.h"

#include <QFile>

#include <map>
#include <mutex>

#include <grpcpp/create_channel.h>
#include <grpcpp/security/credentials.h>

namespace vigie::rpc {

std::shared_ptr<ChannelHolder> ChannelHolder::obtain(const BackendOptions& options, QString* error)
{
    std::shared_ptr<grpc::ChannelCredentials> credentials;
    std::string rootCertificates;
    if (options.tls) {
        grpc::SslCredentialsOptions ssl;
        if (!options.caFile.isEmpty()) {
            QFile ca(options.caFile);
            if (!ca.open(QIODevice::ReadOnly)) {
                *error = QObject::tr("Cannot read the CA file %1: %2").arg(options.caFile, ca.errorString());
                return nullptr;
            }
            const QByteArray pem = ca.readAll();
            if (!pem.contains("-----BEGIN CERTIFICATE-----")) {
                *error = QObject::tr("The CA file %1 holds no PEM certificate").arg(options.caFile);
                return nullptr;
            }
            ssl.pem_root_certs = pem.toStdString();
            rootCertificates = ssl.pem_root_certs;
        }
        credentials = grpc::SslCredentials(ssl);
    } else {
        credentials = grpc::InsecureChannelCredentials();
    }

    // Never destroyed (see the header): a leaked singleton, reachable until exit.
    static std::mutex* registryMutex = new std::mutex;
    static auto* registry = new std::map<std::string, std::shared_ptr<ChannelHolder>>;
    const std::string key = options.address.toStdString() + (options.tls ? "|tls|" : "|plain|") + rootCertificates;
    std::lock_guard lock(*registryMutex);
    if (auto it = registry->find(key); it != registry->end())
        return it->second;

    grpc::ChannelArguments args;
    // Keepalive: notice a dead link within ~30 s even when idle (the backend must allow this interval).
    args.SetInt(GRPC_ARG_KEEPALIVE_TIME_MS, 20000);
    args.SetInt(GRPC_ARG_KEEPALIVE_TIMEOUT_MS, 10000);
    args.SetInt(GRPC_ARG_KEEPALIVE_PERMIT_WITHOUT_CALLS, 1);
    // A restarted backend should be found again within seconds, not gRPC's default two minutes.
    args.SetInt(GRPC_ARG_INITIAL_RECONNECT_BACKOFF_MS, 500);
    args.SetInt(GRPC_ARG_MIN_RECONNECT_BACKOFF_MS, 500);
    args.SetInt(GRPC_ARG_MAX_RECONNECT_BACKOFF_MS, 4000);
    args.SetString(GRPC_ARG_PRIMARY_USER_AGENT_STRING, "vigie/0.1");

    auto holder = std::shared_ptr<ChannelHolder>(new ChannelHolder);
    holder->m_channel = grpc::CreateCustomChannel(options.address.toStdString(), credentials, args);
    holder->m_auth = vigie::v1::AuthService::NewStub(holder->m_channel);
    holder->m_directory = vigie::v1::DirectoryService::NewStub(holder->m_channel);
    holder->m_system = vigie::v1::SystemService::NewStub(holder->m_channel);
    holder->m_walls = vigie::v1::WallService::NewStub(holder->m_channel);
    holder->m_alarms = vigie::v1::AlarmService::NewStub(holder->m_channel);
    holder->m_ptz = vigie::v1::PtzService::NewStub(holder->m_channel);
    holder->m_recordings = vigie::v1::RecordingService::NewStub(holder->m_channel);
    holder->m_bookmarks = vigie::v1::BookmarkService::NewStub(holder->m_channel);
    registry->emplace(key, holder);
    return holder;
}

}  // namespace vigie::rpc
