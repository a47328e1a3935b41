#pragma once
// Game controllers (joystick, gamepad) for PTZ, through SDL2 loaded at run time: a machine without the
// library or without a controller is not an error, the controls just do nothing and status() says why.
//
// Thread affinity: GUI thread. SDL is polled on the GUI thread by a timer (SDL's game controller state
// needs no event loop of its own; its event queue is switched off so that nothing piles up in it): while
// active, 50 times a second with a controller connected, once a second otherwise to notice one being
// plugged in; while inactive (no camera to steer) not at all. stickChanged fires only when the shaped
// velocity changes, so a controller at rest sends nothing after its final zero.

#include <QObject>
#include <QString>

#include "GamepadAxes.h"

class QTimer;

namespace vigie::app {

class GamepadInput : public QObject {
    Q_OBJECT
public:
    static constexpr const char* kDefaultLibrary = "libSDL2-2.0.so.0";

    explicit GamepadInput(QObject* parent = nullptr, const QString& library = QString::fromLatin1(kDefaultLibrary));
    ~GamepadInput() override;

    bool libraryLoaded() const { return m_sdl != nullptr; }
    // Inactive: the controller is not read; a stick pushed at that moment is reported at rest first.
    void setActive(bool active);
    bool isActive() const { return m_active; }
    bool isPolling() const;
    bool controllerConnected() const { return m_controller != nullptr; }
    // In words: no library, no controller, or which controller.
    QString status() const { return m_status; }

signals:
    void stickChanged(double pan, double tilt, double zoom);
    void statusChanged(const QString& status);

private:
    struct Sdl;  // the functions resolved from the library
    void poll();
    void setStatus(const QString& status);

    Sdl* m_sdl = nullptr;
    void* m_controller = nullptr;  // SDL_GameController*
    GamepadVelocity m_last;
    QTimer* m_timer = nullptr;
    bool m_active = false;
    void schedule();  // the timer's period for the current state
    QString m_status;
};

}  // namespace vigie::app
