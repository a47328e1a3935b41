#include "CallLogInterceptor.h"

#include "Log.h"

namespace vigie::sim {

using grpc::experimental::InterceptionHookPoints;

CallLogInterceptor::CallLogInterceptor(grpc::experimental::ServerRpcInfo* info) : m_info(info) {}

grpc::experimental::Interceptor* CallLogInterceptor::Factory::CreateServerInterceptor(
    grpc::experimental::ServerRpcInfo* info)
{
    return new CallLogInterceptor(info);  // gRPC owns it for the call's lifetime
}

void CallLogInterceptor::Intercept(grpc::experimental::InterceptorBatchMethods* methods)
{
    if (methods->QueryInterceptionHookPoint(InterceptionHookPoints::POST_RECV_INITIAL_METADATA)) {
        const auto* metadata = methods->GetRecvInitialMetadata();
        if (const auto it = metadata->find("x-request-id"); it != metadata->end())
            m_requestId.assign(it->second.data(), it->second.size());
    }
    if (methods->QueryInterceptionHookPoint(InterceptionHookPoints::PRE_SEND_STATUS)) {
        const grpc::Status status = methods->GetSendStatus();
        std::string line = std::string("rpc ") + m_info->method();
        if (!m_requestId.empty())
            line += " x-request-id=" + m_requestId;
        line += " -> " + std::to_string(static_cast<int>(status.error_code()));
        if (!status.ok())
            line += " " + status.error_message();
        Log::debug(line);
    }
    methods->Proceed();
}

} // namespace vigie::sim
