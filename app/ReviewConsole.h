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
// End go to the start of the recordings and to the live edge. The playhead follows the clock while the
// console is shown (a 40 ms timer, one frame at 25 fps, stopped while hidden).

#include <QWidget>

#include <memory>

namespace vigie::player {
class PlaybackClock;
}
namespace vigie::widgets {
class TimelineWidget;
}

class QTimer;

namespace vigie::app {

class WallController;

class ReviewConsole : public QWidget {
    Q_OBJECT
public:
    // The clock starts paused `startBehindMs` before now.
    explicit ReviewConsole(WallController* controller, QWidget* parent = nullptr, qint64 startBehindMs = 5 * 60 * 1000);
    ~ReviewConsole() override;

    std::shared_ptr<vigie::player::PlaybackClock> clock() const { return m_clock; }
    vigie::widgets::TimelineWidget* timeline() const { return m_timeline; }

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

protected:
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    void followClock();
    void step(int frames);

    WallController* m_controller;
    std::shared_ptr<vigie::player::PlaybackClock> m_clock;
    vigie::widgets::TimelineWidget* m_timeline = nullptr;
    QTimer* m_follow = nullptr;
    int m_stepTile = 0;
};

}  // namespace vigie::app
