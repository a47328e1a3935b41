#pragma once
// One of the operator's workspaces (a tab of the console, or a window of its own on another screen):
// a wall with its layout, cameras and per-tile stream choices, saved under its own settings group.
//
// Two kinds: Live (the tiles play the cameras' live streams; one tile at a time may replay its recent
// recording) and Review (the same wall, every tile playing its camera's recording at one shared time,
// steered from the timeline under the wall: ReviewConsole).
//
// Decodes only while shown: a workspace in a background tab, or hidden with its window, pauses its
// wall (WallController::setPaused), keeping every tile's camera and last picture.
//
// Thread affinity: GUI thread.

#include <QString>
#include <QStringList>
#include <QWidget>

class QSettings;

namespace vigie::rpc {
class BackendClient;
class BookmarkLink;
class RecordingLink;
}
namespace vigie::widgets {
class WallWidget;
}

namespace vigie::app {

class ReviewConsole;
class WallController;

class Workspace : public QWidget {
    Q_OBJECT
public:
    enum class Kind { Live, Review };

    Workspace(vigie::rpc::BackendClient* backend, const QString& name, QWidget* parent = nullptr,
              Kind kind = Kind::Live);
    ~Workspace() override;

    Kind kind() const { return m_kind; }
    // The kind saved under `group` (Live when absent: settings written before review workspaces).
    static Kind savedKind(QSettings& settings, const QString& group);
    // Recordings become playable (instant replay; every tile of a Review workspace). Null: not offered.
    void setRecordingLinks(vigie::rpc::RecordingLink* link, vigie::rpc::BookmarkLink* bookmarks);
    // Review workspaces only; null for Live ones.
    ReviewConsole* review() const { return m_review; }

    QString name() const { return m_name; }
    void setName(const QString& name);

    vigie::widgets::WallWidget* wall() const { return m_wall; }
    WallController* controller() const { return m_controller; }

    // Reads the layout, cameras and stream choices saved under `group` ("workspaces/0", or "wall" for
    // settings written before workspaces existed). Cameras wait for the directory (placeSavedCameras).
    // A damaged layout gives the default 2x2; the returned text says what was wrong (empty when fine).
    QString load(QSettings& settings, const QString& group);
    void save(QSettings& settings, const QString& group) const;

    // Cameras to show once the directory is known, in tile order (replaces what load() read).
    void setPendingCameras(const QStringList& cameraIds) { m_pendingCameras = cameraIds; }
    // Called at the first directory of the run: puts the saved cameras back; with nothing saved and
    // `fillWhenNew`, fills the wall with the directory's first cameras (a new user's first look).
    void placeSavedCameras(bool fillWhenNew);
    // True once the saved cameras are in place: saving before would overwrite them with an empty wall.
    bool isRestored() const { return m_restored; }

signals:
    void nameChanged(const QString& name);

protected:
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    vigie::rpc::BackendClient* m_backend;
    const Kind m_kind;
    ReviewConsole* m_review = nullptr;
    qint64 m_savedPosition = 0;  // review: the time to go back to once recordings are playable
    QString m_name;
    vigie::widgets::WallWidget* m_wall = nullptr;
    WallController* m_controller = nullptr;
    QStringList m_pendingCameras;
    bool m_restored = false;
};

}  // namespace vigie::app
