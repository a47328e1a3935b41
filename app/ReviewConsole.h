#pragma once
// The review half of a review workspace: under its wall, the timeline (and transport bar) that drive the
// one clock every tile plays its recording on.
//
// Thread affinity: GUI thread.
//
// The clock (player::PlaybackClock) is shared with the wall's playback sessions (WallController::
// setPlaybackClock). Here it is only steered: J / K / L shuttle (L plays forward, each press doubling
// the speed up to 16x; J the same backwards; K pauses), arrows step one frame of the selected tile's
// camera (every tile follows), Shift+arrows jump 10 s, a click or a drag on the timeline seeks, Home and
// End go to the start of the recordings and to the live edge; the transport bar (ReviewBar) does the same
// with the mouse. The playhead and the bar follow the clock while the console is shown (a 40 ms timer,
// one frame at 25 fps, stopped while hidden). Once the recording links are given, a ReviewTimelineFeeder
// keeps the timeline's rows (the wall's cameras, in tile order), alarms and bookmarks filled.

#include <QWidget>

#include <memory>
#include <optional>
#include <utility>

namespace vigie::player {
class PlaybackClock;
}
namespace vigie::rpc {
class BackendClient;
class BookmarkLink;
class RecordingLink;
}
namespace vigie::widgets {
class ReviewBar;
class TimelineWidget;
struct TimeSpan;
}

class QTimer;

namespace vigie::app {

class ReviewTimelineFeeder;
class WallController;

class ReviewConsole : public QWidget {
    Q_OBJECT
public:
    // The clock starts paused `startBehindMs` before now.
    ReviewConsole(WallController* controller, vigie::rpc::BackendClient* backend, QWidget* parent = nullptr,
                  qint64 startBehindMs = 5 * 60 * 1000);
    ~ReviewConsole() override;

    std::shared_ptr<vigie::player::PlaybackClock> clock() const { return m_clock; }
    vigie::widgets::TimelineWidget* timeline() const { return m_timeline; }
    vigie::widgets::ReviewBar* bar() const { return m_bar; }
    // The timeline's rows, markers and bookmarks come from these (null: rows without coverage).
    void setLinks(vigie::rpc::RecordingLink* recordings, vigie::rpc::BookmarkLink* bookmarks);
    ReviewTimelineFeeder* feeder() const { return m_feeder; }

    // UTC milliseconds.
    qint64 position() const;
    void seekTo(qint64 utcMs);
    void play(double rate = 1.0);
    void pause();
    // J (-1), K (0), L (+1): see the header comment.
    void shuttle(int direction);
    // The tile whose camera's frames the arrows step by (the wall's selected tile).
    void setStepTile(int tile) { m_stepTile = tile; }

signals:
    // The clock changed speed or direction, or paused / resumed.
    void transportChanged();
    // The operator wants the selected range bookmarked, on the selected tile's camera.
    void bookmarkRequested(const QString& cameraId, qint64 startMs, qint64 endMs);
    // "Back to live": leave the review for the cameras live.
    void liveRequested();
    // Something the timeline could not get (coverage, markers), in words; empty: fine again.
    void problem(const QString& text);

protected:
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    void followClock();
    void step(int frames);
    void updateRows();
    QString stateText() const;

    WallController* m_controller;
    vigie::rpc::BackendClient* m_backend;
    vigie::widgets::ReviewBar* m_bar = nullptr;
    ReviewTimelineFeeder* m_feeder = nullptr;
    std::optional<std::pair<qint64, qint64>> m_selection;  // the timeline's selected range, UTC ms
    std::shared_ptr<vigie::player::PlaybackClock> m_clock;
    vigie::widgets::TimelineWidget* m_timeline = nullptr;
    QTimer* m_follow = nullptr;
    int m_stepTile = 0;
};

}  // namespace vigie::app
