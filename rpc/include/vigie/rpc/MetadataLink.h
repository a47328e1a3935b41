#pragma once
// Live analytics objects of the cameras on screen (AlarmService.SubscribeMetadata), for drawing their
// boxes over the live video.
//
// Thread affinity: create, use and destroy on the GUI thread, after the BackendClient it rides on (which
// must outlive it). Signals are emitted on that thread. Nothing blocks: streams use the callback API.
//
// Cameras are counted: every want() opens (or shares) the camera's stream, every unwant() gives it back,
// and the stream closes when nobody wants it any more — several walls may show one camera.
//
// Never silently wrong: objects() is null whenever the link cannot vouch for what it returns — the
// stream is down, the backend offers no metadata for that camera, or no frame came for kStaleAfter while
// the last one showed objects (boxes frozen on a moving picture would be worse than none). A stream that
// fails is reopened after a growing delay (0.5 s ... 4 s) while the backend link is Online; a refusal
// that will not change by retrying (unknown camera, no right, a backend without metadata) is not retried
// until the link reconnects. Boxes are shown as they arrive: frames and metadata leave the backend at the
// same tick, so on a LAN the boxes lead the picture by the player's latency only (tens of ms).

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QString>

#include <chrono>
#include <memory>

#include "vigie/rpc/AlarmTypes.h"

class QTimer;

namespace vigie::rpc {

class BackendClient;
class CallTracker;
class GuiMarshaller;
class ReadStreamHandle;

class MetadataLink : public QObject {
    Q_OBJECT
public:
    // Without a frame for this long, objects last seen are no longer shown.
    static constexpr std::chrono::milliseconds kStaleAfter{1000};
    // The backend sends a heartbeat every 10 s while no frame flows (alarms.proto).
    static constexpr std::chrono::milliseconds kSilenceLimit{25000};

    explicit MetadataLink(BackendClient* backend, QObject* parent = nullptr);
    ~MetadataLink() override;

    void want(const QString& cameraId);
    void unwant(const QString& cameraId);
    int wantedCount(const QString& cameraId) const;

    // The objects in the camera's latest frame (empty: nothing there now); null when unknown (see above).
    const QList<DetectedObject>* objects(const QString& cameraId) const;
    // The camera's analytics report frames on the current stream (not only heartbeats): a camera without
    // analytics is known to show nothing, but its tiles may still show what an alarm says.
    bool hasAnalytics(const QString& cameraId) const;
    // The capture time (UTC) of the video frame objects() belong to; null without a frame yet.
    QDateTime frameTime(const QString& cameraId) const;
    // Why there are no objects for a wanted camera, in words (empty while its stream is up).
    QString problem(const QString& cameraId) const;
    // Frames received in all, for statistics and tests.
    quint64 framesReceived() const { return m_framesReceived; }

    // Most frames per second asked of the backend per camera (0 = all); applies to streams opened later.
    void setMaxFramesPerSecond(float fps) { m_maxFramesPerSecond = fps; }

signals:
    // objects(cameraId) changed (new objects, cleared, became known or unknown).
    void objectsChanged(const QString& cameraId);

private:
    struct Feed {
        int users = 0;
        std::shared_ptr<ReadStreamHandle> stream;
        quint64 generation = 0;  // events of older streams are ignored
        bool hasObjects = false;  // `objects` is valid
        bool framesSeen = false;  // the current stream sent frames, not only heartbeats
        QList<DetectedObject> objects;
        QDateTime frameTime;
        QString problem;
        bool refused = false;  // a refusal retrying will not change: wait for the next reconnection
        int failuresInARow = 0;
        QTimer* silenceTimer = nullptr;
        QTimer* retryTimer = nullptr;
        QTimer* staleTimer = nullptr;
    };

    void onBackendState();
    void open(const QString& cameraId);
    void close(Feed& feed);
    void failed(const QString& cameraId, const QString& problem, bool retry);
    void setObjects(const QString& cameraId, bool known, QList<DetectedObject> objects);

    BackendClient* m_backend;
    std::shared_ptr<GuiMarshaller> m_marshaller;  // its own: events for a destroyed link are dropped
    std::shared_ptr<CallTracker> m_calls;
    QHash<QString, Feed> m_feeds;  // wanted cameras only
    bool m_online = false;  // the backend link's state as last seen
    quint64 m_nextGeneration = 0;
    float m_maxFramesPerSecond = 0;
    quint64 m_framesReceived = 0;
};

}  // namespace vigie::rpc
