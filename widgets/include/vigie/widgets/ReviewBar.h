#pragma once
// The transport bar under a review wall: step back one frame, play in reverse, pause, play forward,
// step forward; the speed (1/8x ... 16x, from a menu); the position as local date and time with
// milliseconds; a state line the owner sets ("Paused", "No recording here — next at 14:03:12");
// "Bookmark…" (enabled while a range is selected) and "Back to live".
//
// It only says what the user asked (signals) and shows what the owner sets: it owns no clock and no
// keyboard shortcut. The keys are the timeline's (J / K / L shuttle, Left / Right one frame): the tool
// tips name them so that they are learnt from here.
//
// Thread affinity: GUI thread.

#include <QList>
#include <QLocale>
#include <QTimeZone>
#include <QWidget>

class QLabel;
class QMenu;
class QPushButton;
class QToolButton;

namespace vigie::widgets {

class ReviewBar : public QWidget {
    Q_OBJECT
public:
    explicit ReviewBar(QWidget* parent = nullptr);
    ~ReviewBar() override;

    // The speeds offered, slowest first (magnitudes: the direction is the play buttons').
    static const QList<double>& speeds();
    // "1×", "4×", "−2×" (a real minus sign), "⅛×", "¼×", "½×".
    static QString rateText(double rate);

    // Position labels in this zone and locale (default: the system's).
    void setTimeZone(const QTimeZone& zone, const QLocale& locale = QLocale());

    void setPosition(qint64 utcMs);
    qint64 position() const { return m_position; }
    // The playback rate: negative in reverse.
    void setRate(double rate);
    double rate() const { return m_rate; }
    void setPaused(bool paused);
    bool isPaused() const { return m_paused; }
    void setStateText(const QString& text);
    QString stateText() const;
    void setSelectionAvailable(bool available);

    QString positionText() const;
    QString rateLabelText() const;

signals:
    // +1 forward, -1 reverse.
    void playRequested(int direction);
    void pauseRequested();
    // -1 one frame back, +1 one frame forward.
    void stepRequested(int frames);
    // A speed from the menu, signed with the current direction (negative while playing in reverse).
    void rateRequested(double rate);
    void bookmarkRequested();
    void liveRequested();

protected:
    void changeEvent(QEvent* event) override;

private:
    QToolButton* addButton(const QString& objectName);
    void retranslate();
    void updateState();

    QToolButton* m_stepBack = nullptr;
    QToolButton* m_reverse = nullptr;
    QToolButton* m_pause = nullptr;
    QToolButton* m_play = nullptr;
    QToolButton* m_stepForward = nullptr;
    QToolButton* m_speed = nullptr;
    QMenu* m_speedMenu = nullptr;
    QLabel* m_positionLabel = nullptr;
    QLabel* m_stateLabel = nullptr;
    QPushButton* m_bookmark = nullptr;
    QPushButton* m_live = nullptr;

    QTimeZone m_zone = QTimeZone::systemTimeZone();
    QLocale m_locale;
    qint64 m_position = 0;
    double m_rate = 1.0;
    bool m_paused = true;
};

}  // namespace vigie::widgets
