#pragma once
// The client's link to one backend: one gRPC channel, login, and the camera directory kept up to date.
//
// Thread affinity: create, use and destroy on the GUI thread. All signals are emitted on that thread.
// Nothing here blocks: calls use gRPC's callback API and their results are marshalled back with
// queued invocations (see GuiMarshaller). Unary calls carry a deadline; the directory watch is checked
// by its heartbeats.
//
// Life cycle: start() logs in, lists the directory and watches it (state Online). When the backend is
// unreachable or the link drops, the state becomes Unreachable and the client retries by itself with a
// capped backoff, logging in again (a restarted backend forgets tokens). Refused credentials stop the
// retries (AuthFailed) until setCredentials() + start().

#include <QHash>
#include <QSet>
#include <QList>
#include <QObject>
#include <QTimer>

#include <memory>

#include "vigie/rpc/BackendOptions.h"
#include "vigie/rpc/ConnectionState.h"
#include "vigie/rpc/DirectoryTypes.h"
#include "vigie/rpc/RpcError.h"

namespace vigie::rpc {

class GuiMarshaller;
class CallTracker;
class ChannelHolder;
class ReadStreamHandle;
class WallLink;

class BackendClient : public QObject {
    Q_OBJECT
public:
    explicit BackendClient(BackendOptions options, QObject* parent = nullptr);
    ~BackendClient() override;  // cancels calls in flight and waits (briefly) for gRPC to release them

    void start();
    void setCredentials(const QString& user, const QString& password);

    const BackendOptions& options() const { return m_options; }
    ConnectionState state() const { return m_state; }
    QString stateDetail() const { return m_stateDetail; }
    QString userDisplayName() const { return m_userDisplayName; }
    // The logged-in user may push to and clear the video walls (RIGHT_CONTROL_WALL on any entry of the session).
    bool mayControlWalls() const { return m_mayControlWalls; }
    // The logged-in user's PTZ lock priority (higher wins a takeover); 0 before a login.
    int ptzPriority() const { return m_ptzPriority; }
    // The session's rights on a camera (its own entry, else the session's default entry); all false
    // before a login. The backend checks them anyway: these let the UI disable what would be refused.
    bool mayDrivePtz(const QString& cameraId) const;
    bool mayViewRecordings(const QString& cameraId) const;
    bool mayManageBookmarks(const QString& cameraId) const;

    QList<CameraInfo> cameras() const { return m_cameras.values(); }
    QList<SiteInfo> sites() const { return m_sites.values(); }
    const CameraInfo* camera(const QString& id) const;

    // Delay before the next automatic retry (for tests and the UI's "retrying in N s").
    int retryDelayMs() const { return m_retryDelayMs; }

signals:
    void stateChanged(vigie::rpc::ConnectionState state, const QString& detail);
    void directoryReset();                          // cameras()/sites() replaced
    void cameraChanged(const vigie::rpc::CameraInfo& camera);  // added or updated (online state…)
    void cameraRemoved(const QString& cameraId);

private:
    friend class WallLink;  // rides on this link's channel and token
    friend class AlarmLink;  // likewise
    friend class MetadataLink;  // likewise
    friend class PtzLink;  // likewise
    friend class LinkCalls;  // likewise, for the links built on it (recordings, bookmarks)

    void setState(ConnectionState state, const QString& detail);
    void login();
    void listCameras();
    void watchDirectory(qint64 afterRevision);
    void failed(const RpcError& error);
    void scheduleRetry();
    void onWatchSilence();

    BackendOptions m_options;
    std::shared_ptr<GuiMarshaller> m_marshaller;
    std::shared_ptr<CallTracker> m_calls;
    std::shared_ptr<ChannelHolder> m_channel;  // shared per backend, lives until exit
    void cancelWatch();
    std::shared_ptr<ReadStreamHandle> m_watch;  // the open watch (to cancel it), or null
    bool m_reloginTried = false;    // an UNAUTHENTICATED answer already led to a fresh login

    ConnectionState m_state = ConnectionState::Idle;
    QString m_stateDetail;
    QString m_token;
    QString m_userDisplayName;
    bool m_mayControlWalls = false;
    int m_ptzPriority = 0;
    QHash<QString, QSet<int>> m_rights;  // camera id ("" = every camera not listed) -> vigie::v1::Right values
    bool hasRight(const QString& cameraId, int right) const;
    quint64 m_generation = 0;  // bumps at each (re)connection; stale results are ignored
    QHash<QString, CameraInfo> m_cameras;
    QHash<QString, SiteInfo> m_sites;
    qint64 m_revision = 0;

    QTimer m_retryTimer;
    QTimer m_watchSilenceTimer;
    int m_retryDelayMs = 0;
    int m_failuresInARow = 0;
};

}  // namespace vigie::rpc
