#pragma once
// SubscribeAlarms as a gRPC client read reactor feeding an AlarmFeed (see there for why not one queued
// call per event, as ReadStream does for the other watches).
//
// Ownership: the reactor owns itself from start() and deletes itself in OnDone, on a gRPC thread, after
// the final status has been posted to the owner's thread. The owner holds the shared AlarmFeed only.

#include <grpcpp/support/client_callback.h>

#include <QString>

#include <functional>
#include <memory>

#include "AlarmFeed.h"
#include "CallTracker.h"
#include "vigie/rpc/GuiMarshaller.h"
#include "vigie/v1/alarms.grpc.pb.h"

namespace vigie::rpc {

class AlarmSubscription final : public grpc::ClientReadReactor<vigie::v1::SubscribeAlarmsResponse> {
public:
    // Runs on the marshaller's thread when the feed has events to take (once until they are taken).
    using PendingHandler = std::function<void()>;
    // Runs on the marshaller's thread after every event was pushed to the feed.
    using FinishHandler = std::function<void(const grpc::Status&)>;

    // Null when the tracker is shutting down.
    static std::shared_ptr<AlarmFeed> start(vigie::v1::AlarmService::Stub& stub,
                                            vigie::v1::SubscribeAlarmsRequest request, const QString& token,
                                            std::shared_ptr<GuiMarshaller> marshaller,
                                            std::shared_ptr<CallTracker> tracker, PendingHandler onPending,
                                            FinishHandler onFinished);

    void OnReadDone(bool ok) override;
    void OnDone(const grpc::Status& status) override;

private:
    AlarmSubscription(std::shared_ptr<GuiMarshaller> marshaller, std::shared_ptr<CallTracker> tracker,
                      PendingHandler onPending, FinishHandler onFinished);

    std::shared_ptr<AlarmFeed> m_feed;
    grpc::ClientContext m_context;
    vigie::v1::SubscribeAlarmsRequest m_request;
    vigie::v1::SubscribeAlarmsResponse m_response;  // written by gRPC between StartRead and OnReadDone
    std::shared_ptr<GuiMarshaller> m_marshaller;
    std::shared_ptr<CallTracker> m_tracker;
    PendingHandler m_onPending;
    FinishHandler m_onFinished;
};

}  // namespace vigie::rpc
