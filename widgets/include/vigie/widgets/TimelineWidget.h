#pragma once
// The incident-review timeline: a time ruler, one coverage row per camera (recorded, gaps, out of
// retention, not yet loaded), a lane of alarm ticks coloured by priority and a lane of bookmarks, the
// playhead and the live edge. The investigator zooms with the wheel around the time under the cursor,
// drags the background to pan, clicks or drags to move the playhead, shift-drags to select a range.
//
// It knows no backend and owns no playback clock: the caller sets rows and markers, follows
// visibleRangeChanged() to fetch coverage at the resolution on screen, drives the playhead with
// setPlayhead(), and turns the request signals (shuttle, step, jump, seek) into playback commands.
//
// Keyboard (with focus): J / K / L shuttle (reverse or slower / pause / forward or faster), Left / Right
// one frame (with Shift: 10 s), Home / End the start of the recorded coverage / the live edge, + / - zoom
// around the playhead, Ctrl+G jump to a date and time, Escape clears the selection. GUI thread.

#include <QElapsedTimer>
#include <QList>
#include <QWidget>

#include <functional>
#include <memory>
#include <optional>

#include "vigie/widgets/TimelineColors.h"
#include "vigie/widgets/TimelineData.h"
#include "vigie/widgets/TimelineScale.h"

class QTimer;

namespace vigie::widgets {

struct TimelineLayout;
class TimelineJumpDialog;

class TimelineWidget : public QWidget {
    Q_OBJECT
public:
    // Shift + arrow jumps by this much.
    static constexpr qint64 kJumpMs = 10 * TimelineScale::kSecond;
    // After the user pans or zooms, playback does not move the view for this long: they are looking at
    // something else.
    static constexpr int kFollowHoldOffMs = 5000;
    // visibleRangeChanged() comes at most this often while the view moves.
    static constexpr int kRangeSignalDelayMs = 50;
    // + and - zoom by this factor around the playhead.
    static constexpr double kKeyZoomFactor = 0.5;
    // The playhead is grabbed within this many pixels of its line.
    static constexpr int kPlayheadGrabPx = 4;
    // The live edge may be this far from the right end of the view range allowed by default.
    static constexpr qint64 kFutureMarginMs = 5 * TimelineScale::kMinute;

    // What is under a point of the marker lanes.
    struct MarkerHit {
        TimelineMarkerKind kind = TimelineMarkerKind::Alarm;
        QString id;
        qint64 time = 0;  // an alarm's time, a bookmark's start
        QString title;
    };

    explicit TimelineWidget(QWidget* parent = nullptr);
    ~TimelineWidget() override;

    // Labels in this zone and locale (default: the system's). The view is kept.
    void setTimeZone(const QTimeZone& zone, const QLocale& locale = QLocale());
    // The live edge, UTC ms (default: the system clock). Tests inject a fixed one.
    void setClock(std::function<qint64()> clock);
    qint64 now() const;

    // Where the view may go. Without it: [now - 30 days, now + kFutureMarginMs], following the clock.
    void setAllowedRange(qint64 min, qint64 max);
    void clearAllowedRange();

    void setRows(QList<TimelineRow> rows);
    // Replaces the row with the same camera id (appends it when there is none): a coverage answer.
    void updateRow(TimelineRow row);
    qsizetype rowCount() const { return m_rows.size(); }
    const TimelineRow& row(qsizetype index) const { return m_rows.at(index); }
    void setAlarms(QList<TimelineAlarm> alarms);
    void setBookmarks(QList<TimelineBookmark> bookmarks);

    void setVisibleRange(qint64 start, qint64 end);
    qint64 visibleStart() const { return m_scale.start(); }
    qint64 visibleEnd() const { return m_scale.end(); }
    double msPerPixel() const { return m_scale.msPerPixel(); }
    const TimelineScale& scale() const { return m_scale; }

    // From the playback clock. When the playhead leaves the view during playback the view pages to
    // follow it, unless the user is dragging or moved the view within kFollowHoldOffMs.
    void setPlayhead(qint64 time);
    qint64 playhead() const { return m_playhead; }

    std::optional<TimeSpan> selection() const { return m_selection; }
    void setSelection(const TimeSpan& range);
    void clearSelection();

    // Geometry, in widget coordinates.
    QRect rulerRect() const;
    QRect alarmLaneRect() const;
    QRect bookmarkLaneRect() const;
    QRect rowRect(qsizetype index) const;
    double xForTime(qint64 time) const;
    qint64 timeAtX(double x) const;
    std::optional<MarkerHit> markerAt(QPoint pos) const;

    const TimelineColors& colors() const { return m_colors; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

public slots:
    // The "jump to date and time" dialog (Ctrl+G): accepting it seeks there and centres the view.
    void openJumpDialog();

signals:
    // The view changed (coalesced: at most one per kRangeSignalDelayMs): fetch coverage for it.
    void visibleRangeChanged(qint64 start, qint64 end, double msPerPixel);
    // The user moves the playhead: dragging while the button is held; a click gives one move with
    // dragging false. Either way playheadReleased() follows with the final time.
    void playheadMoved(qint64 time, bool dragging);
    void playheadReleased(qint64 time);
    void rangeSelected(qint64 start, qint64 end);
    void selectionCleared();
    void markerActivated(vigie::widgets::TimelineMarkerKind kind, const QString& id, qint64 time);
    // J: -1 (reverse / slower), K: 0 (pause), L: +1 (forward / faster).
    void shuttleRequested(int direction);
    // One frame back (-1) or forward (+1).
    void stepRequested(int frames);
    void jumpRequested(qint64 deltaMs);
    void seekRequested(qint64 time);

protected:
    bool event(QEvent* event) override;
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;
    void changeEvent(QEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void focusInEvent(QFocusEvent* event) override;
    void focusOutEvent(QFocusEvent* event) override;

private:
    enum class Drag { None, Pending, Pan, Scrub, Select, Marker };

    TimelineLayout layout() const;
    void viewChanged();
    void userMovedView();
    void emitVisibleRange();
    void refreshBounds();
    void seek(qint64 time, bool centre);
    qint64 clampToPlayable(qint64 time) const;
    qint64 coverageStart() const;
    void zoomAround(double factor, qint64 anchor);
    void moveUserPlayhead(qint64 time, bool dragging);
    QString toolTipAt(QPoint pos) const;
    void updateCursor(QPoint pos);

    TimelineScale m_scale;
    TimelineColors m_colors;
    QList<TimelineRow> m_rows;
    QList<TimelineAlarm> m_alarms;        // sorted by time
    QList<TimelineBookmark> m_bookmarks;  // sorted by start
    std::function<qint64()> m_clock;
    bool m_autoBounds = true;
    qint64 m_playhead = 0;
    std::optional<TimeSpan> m_selection;

    Drag m_drag = Drag::None;
    QPoint m_pressPos;
    QPoint m_lastPos;
    qint64 m_selectAnchor = 0;
    std::optional<MarkerHit> m_pressedMarker;
    QElapsedTimer m_lastUserView;  // invalid until the user first moves the view

    QTimer* m_rangeTimer = nullptr;
    QTimer* m_clockTimer = nullptr;
    struct EmittedRange {
        qint64 start = 0, end = 0;
        double msPerPixel = 0.0;
    };
    std::optional<EmittedRange> m_lastEmitted;
    TimelineJumpDialog* m_jumpDialog = nullptr;
};

}  // namespace vigie::widgets
