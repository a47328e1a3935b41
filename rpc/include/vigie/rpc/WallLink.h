#pragma once
// The client's view of the backend's video walls (WallService): the walls, the live state of the ones
// it watches, and pushes of cameras and layouts to their monitors.
//
// Thread affinity: create, use and destroy on the GUI thread, after the BackendClient it rides on (which
// must outlive it). Signals are emitted on that thread. Nothing blocks: calls use the callback API.
//
// Life cycle: whenever the backend link becomes Online, the walls are listed again and every watched
// wall's stream is (re)opened; its first message is a full snapshot, so a reconnection always resyncs.
// A watch that ends or falls silent (no heartbeat for BackendOptions::watchSilenceLimit) is reopened
// after a short, growing delay while the link is Online. A wall's state is known (state() non-null)
// from the first snapshot on, and is kept, marked stale (isLive false), while the watch is down.
//
// Pushes carry a fresh request id and are retried with that same id when the backend was unreachable,
// so that a retry never applies twice. The answer's wall state updates the cache at once (watchers of
// a slow stream see the change before the stream delivers it).

#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

#include "vigie/rpc/RpcError.h"
#include "vigie/rpc/WallTypes.h"

class QTimer;

namespace vigie::rpc {

class BackendClient;
class CallTracker;
class GuiMarshaller;
class ReadStreamHandle;

class WallLink : public QObject {
    Q_OBJECT
public:
    explicit WallLink(BackendClient* backend, QObject* parent = nullptr);
    ~WallLink() override;

    bool wallsLoaded() const { return m_wallsLoaded; }
    QList<WallInfo> walls() const { return m_walls; }
    const WallInfo* wall(const QString& wallId) const;
    // By id, else by name (case-insensitive): what an operator types after --wall.
    const WallInfo* findWall(const QString& idOrName) const;
    // Why the wall list is not there (empty when loaded or not tried yet).
    QString wallsError() const { return m_wallsError; }

    // Keeps the wall's state up to date from now on (idempotent); unwatch stops.
    void watch(const QString& wallId);
    void unwatch(const QString& wallId);
    const WallState* state(const QString& wallId) const;
    bool isLive(const QString& wallId) const;  // watched and its stream is up

    // Outcome of a push: nullopt on success, else what went wrong (in words).
    using Done = std::function<void(const std::optional<RpcError>&)>;
    // The whole monitor shows `layout`. `expectedVersion` 0: no check; else ABORTED when the wall changed.
    void pushLayout(const QString& wallId, const QString& monitorId, const LayoutSpec& layout, Done done = {},
                    qint64 expectedVersion = 0);
    // One camera on the whole monitor (cellIndex nullopt) or into one tile of its current layout.
    void pushCamera(const QString& wallId, const QString& monitorId, const QString& cameraId, StreamChoice stream,
                    std::optional<int> cellIndex, Done done = {});
    void clearMonitor(const QString& wallId, const QString& monitorId, Done done = {});

signals:
    void wallsChanged();
    void wallStateChanged(const QString& wallId);
    // The watch of a wall came up or went down (detail says why, in words).
    void liveChanged(const QString& wallId, bool live, const QString& detail);

private:
    struct Watch {
        std::shared_ptr<ReadStreamHandle> stream;
        quint64 generation = 0;  // results of older streams are ignored
        bool live = false;
        int failuresInARow = 0;
        QTimer* silenceTimer = nullptr;
        QTimer* retryTimer = nullptr;
    };

    void onBackendState();
    void listWalls();
    void openWatch(const QString& wallId);
    void closeWatch(Watch& watch);
    void watchFailed(const QString& wallId, const QString& detail);
    void setLive(const QString& wallId, bool live, const QString& detail);
    void adoptState(const WallState& state);
    static QString notConnected(const QString& what);
    template <class Request, class Response, class Start>
    void push(Start&& start, Request request, const QString& what, Done done, int attempt);

    BackendClient* m_backend;
    std::shared_ptr<GuiMarshaller> m_marshaller;  // its own: results for a destroyed link are dropped
    std::shared_ptr<CallTracker> m_calls;
    QList<WallInfo> m_walls;
    bool m_wallsLoaded = false;
    QString m_wallsError;
    quint64 m_listGeneration = 0;
    QHash<QString, WallState> m_states;
    QHash<QString, Watch> m_watches;
};

}  // namespace vigie::rpc
