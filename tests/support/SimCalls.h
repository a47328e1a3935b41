#pragma once
// Raw gRPC calls to vigie-sim for the suites that test the backend through the generated stubs:
// a call context with a deadline and a token, a readable status, and a login.
// Header-only: only suites that link vigie_proto include it.

// gRPC and generated headers before Qt's: Qt's keyword macros (signals, slots, emit) must not reach them.
#include <grpcpp/grpcpp.h>
#include <vigie/v1/auth.grpc.pb.h>

#include <QString>
#include <QtGlobal>

#include <chrono>
#include <memory>
#include <string>

namespace vigie::test {

inline std::unique_ptr<grpc::ClientContext> callContext(const std::string& token = {},
                                                        std::chrono::milliseconds deadline = std::chrono::seconds(5))
{
    auto context = std::make_unique<grpc::ClientContext>();
    context->set_deadline(std::chrono::system_clock::now() + deadline);
    if (!token.empty())
        context->AddMetadata("authorization", "Bearer " + token);
    return context;
}

inline QString describe(const grpc::Status& status)
{
    return QStringLiteral("%1: %2").arg(status.error_code()).arg(QString::fromStdString(status.error_message()));
}

// Logs in as `user` (the sim's default users have their name as password); the token, empty on failure.
inline std::string loginOn(const std::shared_ptr<grpc::Channel>& channel, const std::string& user,
                           const std::string& workstation)
{
    auto stub = vigie::v1::AuthService::NewStub(channel);
    vigie::v1::LoginRequest request;
    request.set_user(user);
    request.set_password(user);
    request.set_workstation(workstation);
    vigie::v1::LoginResponse response;
    const auto status = stub->Login(callContext().get(), request, &response);
    if (!status.ok())
        qWarning("login %s failed: %s", user.c_str(), qPrintable(describe(status)));
    return response.token();
}

}  // namespace vigie::test
