#pragma once
// The PTZ dock of the selected tile: direction pad (home in the middle), zoom, focus and iris hold
// buttons, speed, presets (go, save, remove), tours (start, pause, stop), the control lock and a status
// line. It knows no backend: the app feeds it state through the setters and turns its signals into PTZ
// commands.
//
// Hold buttons follow the dead-man rule of the PTZ contract: pressing one emits a velocity, releasing it
// (or the pointer leaving it, the panel being disabled, hidden or taken away by someone else's lock)
// emits a zero velocity. Velocities use the contract's axes (pan > 0 right, tilt > 0 up, zoom > 0 tele,
// focus > 0 far, iris > 0 open) scaled by the speed slider (0.1..1.0).
//
// While someone else holds the lock the controls that move the camera are disabled (the backend would
// refuse them); tours' pause and stop stay usable, as the holder is usually the tour itself. GUI thread.

#include <QDeadlineTimer>
#include <QList>
#include <QString>
#include <QWidget>

class QGridLayout;
class QGroupBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSlider;
class QTimer;

namespace vigie::widgets {

class PtzPanel : public QWidget {
    Q_OBJECT
public:
    // What the camera can do (Camera.ptz in directory.proto); controls it lacks are hidden.
    struct Capabilities {
        bool panTilt = true;
        bool zoom = true;
        bool focus = false;
        bool iris = false;
        bool presets = true;
        bool tours = true;
    };
    struct Preset {
        QString id;
        QString name;
    };
    enum class TourState { Stopped, Running, Paused };
    struct Tour {
        QString id;
        QString name;
        TourState state = TourState::Stopped;
    };
    // The control lock as the lock line shows it.
    struct Lock {
        enum class Holder { Nobody, Caller, Someone };
        Holder holder = Holder::Nobody;
        QString holderName;   // Someone: a person's display name, or a tour's or rule's name
        QString workstation;  // Someone: optional, shown in brackets
        int secondsLeft = -1;  // until the lock lapses; < 0 when unknown. The panel counts down itself.
    };

    static constexpr double kMinSpeed = 0.1;
    static constexpr double kDefaultSpeed = 0.5;

    explicit PtzPanel(QWidget* parent = nullptr);

    // The camera the panel drives, by name (the title). Does not change availability.
    void setCameraName(const QString& name);
    QString cameraName() const;
    void setCapabilities(const Capabilities& capabilities);
    Capabilities capabilities() const { return m_capabilities; }

    // Disables every control and shows why ("This camera has no PTZ", "No tile selected"...), stopping any
    // move in progress. setAvailable() undoes it.
    void setUnavailable(const QString& reason);
    void setAvailable();
    bool isAvailable() const { return m_unavailableReason.isEmpty(); }
    QString unavailableReason() const { return m_unavailableReason; }

    void setLock(const Lock& lock);
    Lock lock() const { return m_lock; }
    QString lockText() const;
    // Whether the user may take the lock from its current holder (a higher priority); shows "Take control"
    // while someone else holds it.
    void setTakeoverAllowed(bool allowed);

    // Replaces the lists; the selection is kept by id where possible.
    void setPresets(const QList<Preset>& presets);
    void setTours(const QList<Tour>& tours);

    // A one-line report (the last command's failure, "Moving to Entrée mairie"...); empty hides it.
    void setStatus(const QString& text);
    QString status() const;

    // 0.1..1.0, in steps of 0.1.
    double speed() const;
    void setSpeed(double speed);

signals:
    // A hold button was pressed (the axes at the current speed) or released (all zero).
    void velocityRequested(double pan, double tilt, double zoom);
    void focusRequested(double velocity);
    void irisRequested(double velocity);
    void homeRequested();
    void gotoPresetRequested(const QString& presetId);
    void savePresetRequested(const QString& name);
    void removePresetRequested(const QString& presetId);
    void startTourRequested(const QString& tourId);
    void pauseTourRequested(const QString& tourId);
    void stopTourRequested(const QString& tourId);
    void takeControlRequested();
    void releaseControlRequested();

protected:
    void hideEvent(QHideEvent* event) override;

private:
    QWidget* buildPad();
    QWidget* buildLensRow();
    QGroupBox* buildPresets();
    QGroupBox* buildTours();
    QPushButton* addHoldButton(QGridLayout* grid, int row, int column, const QString& objectName, const QString& text,
                               const QString& toolTip, double pan, double tilt, double zoom);
    QPushButton* makeLensButton(const QString& objectName, const QString& text, const QString& toolTip,
                                void (PtzPanel::*signal)(double), double direction);

    void startMove(double pan, double tilt, double zoom);
    void stopMove();
    void startLens(void (PtzPanel::*signal)(double), double direction);
    void stopLens();
    // Stops whatever a hold button started, when it can no longer be released by the user.
    void stopEverything();

    void refreshLockLine();
    void refreshEnabled();
    void refreshPresetButtons();
    void refreshTourButtons();
    QString selectedPresetId() const;
    QString selectedTourId() const;
    TourState selectedTourState() const;
    void savePreset();

    Capabilities m_capabilities;
    QString m_unavailableReason;
    Lock m_lock;
    QDeadlineTimer m_lockDeadline{QDeadlineTimer::Forever};
    bool m_takeoverAllowed = false;
    QList<Tour> m_tours;

    // The axes a hold button set moving (unscaled directions), to re-emit when the speed changes and to
    // stop them once.
    bool m_moving = false;
    double m_pan = 0.0, m_tilt = 0.0, m_zoom = 0.0;
    void emitLens(void (PtzPanel::*signal)(double), double value);
    void (PtzPanel::*m_lensSignal)(double) = nullptr;
    double m_lensDirection = 0.0;

    QLabel* m_title = nullptr;
    QLabel* m_lockLine = nullptr;
    QPushButton* m_takeControl = nullptr;
    QPushButton* m_releaseControl = nullptr;
    QLabel* m_reason = nullptr;
    QList<QPushButton*> m_directionButtons;
    QPushButton* m_home = nullptr;
    QWidget* m_zoomRow = nullptr;
    QWidget* m_focusRow = nullptr;
    QWidget* m_irisRow = nullptr;
    QSlider* m_speed = nullptr;
    QLabel* m_speedValue = nullptr;
    QGroupBox* m_presetsBox = nullptr;
    QListWidget* m_presets = nullptr;
    QPushButton* m_gotoPreset = nullptr;
    QLineEdit* m_presetName = nullptr;
    QPushButton* m_savePreset = nullptr;
    QPushButton* m_removePreset = nullptr;
    QGroupBox* m_toursBox = nullptr;
    QListWidget* m_tourList = nullptr;
    QPushButton* m_startTour = nullptr;
    QPushButton* m_pauseTour = nullptr;
    QPushButton* m_stopTour = nullptr;
    QLabel* m_status = nullptr;
    QTimer* m_lockTick = nullptr;
};

}  // namespace vigie::widgets
