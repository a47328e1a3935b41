#pragma once

#include <grpcpp/support/server_interceptor.h>

#include <string>

namespace vigie::sim {

// With --verbose, logs every call once it ends: method, the client's x-request-id (the contract asks
// both sides to log it, so that a client log line can be matched with ours) and the status code.
class CallLogInterceptor final : public grpc::experimental::Interceptor {
public:
    explicit CallLogInterceptor(grpc::experimental::ServerRpcInfo* info);
    void Intercept(grpc::experimental::InterceptorBatchMethods* methods) override;

    class Factory final : public grpc::experimental::ServerInterceptorFactoryInterface {
    public:
        grpc::experimental::Interceptor* CreateServerInterceptor(grpc::experimental::ServerRpcInfo* info) override;
    };

private:
    grpc::experimental::ServerRpcInfo* m_info;
    std::string m_requestId;
};

} // namespace vigie::sim
