#pragma once
// Recorded video on the backend (RecordingService): what is recorded when (the timeline), the events to
// mark on it, the retention windows; and a reader of the segments' bytes for the playback engine.
//
// Thread affinity: create, use and destroy on the GUI thread, after the BackendClient it rides on (which
// must outlive it). Callbacks run on that thread. Nothing blocks the GUI: calls use the callback API.
// Reads (state, no change) are tried again when the backend could not be reached or the session was
// replaced meanwhile. reader() is the exception by design: see RecordingReader.h.

#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

#include "vigie/rpc/RecordingTypes.h"
#include "vigie/rpc/RpcError.h"

namespace vigie::rpc {

class BackendClient;
class LinkCalls;
class RecordingReader;

class RecordingLink : public QObject {
    Q_OBJECT
public:
    explicit RecordingLink(BackendClient* backend, QObject* parent = nullptr);
    ~RecordingLink() override;  // cancels the calls and waits for gRPC; the reader then refuses new reads

    using TimelineDone = std::function<void(const Timeline&, const std::optional<RpcError>&)>;
    using EventsDone = std::function<void(const QList<RecordedEvent>&, const std::optional<RpcError>&)>;
    using RetentionDone = std::function<void(const QList<CameraRetention>&, qint64 legalMaximumMs,
                                             const std::optional<RpcError>&)>;

    // What is recorded over `range` at `resolutionMs` (the duration of one pixel; 0 = exact spans).
    void timeline(const QString& cameraId, const TimeSpanMs& range, qint64 resolutionMs, TimelineDone done);
    // The events over `range` of these cameras (empty = all), every page up to `limit` events.
    void searchEvents(const QStringList& cameraIds, const TimeSpanMs& range, EventsDone done, int limit = 5000);
    void retention(const QStringList& cameraIds, RetentionDone done);

    // Thread-safe, blocking, cancellable reads for the playback engine's worker threads. Shared: it stays
    // valid after the link is gone (its reads then fail at once).
    std::shared_ptr<RecordingReader> reader() const { return m_reader; }

private:
    void searchPage(const QStringList& cameraIds, const TimeSpanMs& range, const QString& pageToken,
                    QList<RecordedEvent> gathered, int limit, EventsDone done);
    void publishSession();

    BackendClient* m_backend;
    std::unique_ptr<LinkCalls> m_calls;
    std::shared_ptr<RecordingReader> m_reader;
};

}  // namespace vigie::rpc
