#include "GamepadInput.h"

#include <QTimer>

#include <dlfcn.h>

#include <cstdint>

namespace vigie::app {

namespace {

// The few SDL2 entry points used, declared here rather than from SDL's headers: the library is optional
// at run time and not needed to build.
constexpr std::uint32_t kSdlInitGameController = 0x00002000u;
enum SdlAxis { LeftX = 0, LeftY = 1, TriggerLeft = 4, TriggerRight = 5 };
constexpr int kSdlIgnore = 0;  // SDL_IGNORE

constexpr int kConnectedPollMs = 20;  // 50 Hz: well under the PTZ link's own pacing
constexpr int kIdlePollMs = 1000;     // looking for a controller being plugged in

}  // namespace

struct GamepadInput::Sdl {
    void* handle = nullptr;
    int (*init)(std::uint32_t) = nullptr;
    void (*quitSubSystem)(std::uint32_t) = nullptr;
    int (*setHint)(const char*, const char*) = nullptr;
    int (*numJoysticks)() = nullptr;
    int (*isGameController)(int) = nullptr;
    void* (*controllerOpen)(int) = nullptr;
    void (*controllerClose)(void*) = nullptr;
    int (*controllerGetAttached)(void*) = nullptr;
    const char* (*controllerName)(void*) = nullptr;
    std::int16_t (*controllerGetAxis)(void*, int) = nullptr;
    void (*controllerUpdate)() = nullptr;
    int (*controllerEventState)(int) = nullptr;
    int (*joystickEventState)(int) = nullptr;
    const char* (*getError)() = nullptr;

    template <class F>
    bool resolve(F& function, const char* name)
    {
        function = reinterpret_cast<F>(dlsym(handle, name));
        return function != nullptr;
    }
};

GamepadInput::GamepadInput(QObject* parent, const QString& library) : QObject(parent)
{
    m_timer = new QTimer(this);
    connect(m_timer, &QTimer::timeout, this, &GamepadInput::poll);
    void* handle = dlopen(library.toLocal8Bit().constData(), RTLD_NOW | RTLD_LOCAL);
    if (!handle) {
        m_status = tr("Game controllers are not used: the SDL2 library is not installed");
        return;
    }
    auto* sdl = new Sdl;
    sdl->handle = handle;
    const bool complete = sdl->resolve(sdl->init, "SDL_InitSubSystem") &&
                          sdl->resolve(sdl->quitSubSystem, "SDL_QuitSubSystem") &&
                          sdl->resolve(sdl->setHint, "SDL_SetHint") &&
                          sdl->resolve(sdl->numJoysticks, "SDL_NumJoysticks") &&
                          sdl->resolve(sdl->isGameController, "SDL_IsGameController") &&
                          sdl->resolve(sdl->controllerOpen, "SDL_GameControllerOpen") &&
                          sdl->resolve(sdl->controllerClose, "SDL_GameControllerClose") &&
                          sdl->resolve(sdl->controllerGetAttached, "SDL_GameControllerGetAttached") &&
                          sdl->resolve(sdl->controllerName, "SDL_GameControllerName") &&
                          sdl->resolve(sdl->controllerGetAxis, "SDL_GameControllerGetAxis") &&
                          sdl->resolve(sdl->controllerUpdate, "SDL_GameControllerUpdate") &&
                          sdl->resolve(sdl->controllerEventState, "SDL_GameControllerEventState") &&
                          sdl->resolve(sdl->joystickEventState, "SDL_JoystickEventState") &&
                          sdl->resolve(sdl->getError, "SDL_GetError");
    // SDL must leave the application's signals alone (the console handles SIGTERM itself) and keep
    // reading controllers while the window is not focused (a joystick beside the keyboard).
    if (complete) {
        sdl->setHint("SDL_NO_SIGNAL_HANDLERS", "1");
        sdl->setHint("SDL_JOYSTICK_ALLOW_BACKGROUND_EVENTS", "1");
    }
    if (!complete || sdl->init(kSdlInitGameController) != 0) {
        m_status = complete ? tr("Game controllers are not used: %1").arg(QString::fromUtf8(sdl->getError()))
                            : tr("Game controllers are not used: the SDL2 library is too old");
        dlclose(handle);
        delete sdl;
        return;
    }
    // States are polled, never read from SDL's event queue: with events on, the queue would only fill up.
    sdl->controllerEventState(kSdlIgnore);
    sdl->joystickEventState(kSdlIgnore);
    m_sdl = sdl;
    m_status = tr("No game controller connected");
}

void GamepadInput::setActive(bool active)
{
    if (active == m_active)
        return;
    m_active = active;
    if (!m_sdl)
        return;
    if (!active && !(m_last == GamepadVelocity{})) {
        m_last = {};
        emit stickChanged(0, 0, 0);  // whatever was pushed no longer steers anything
    }
    if (active)
        poll();
    schedule();
}

bool GamepadInput::isPolling() const
{
    return m_timer->isActive();
}

void GamepadInput::schedule()
{
    if (!m_active)
        m_timer->stop();
    else
        m_timer->start(m_controller ? kConnectedPollMs : kIdlePollMs);
}

GamepadInput::~GamepadInput()
{
    if (!m_sdl)
        return;
    if (m_controller)
        m_sdl->controllerClose(m_controller);
    m_sdl->quitSubSystem(kSdlInitGameController);
    // The library stays loaded: SDL may have started threads (device hot-plug) that outlive the quit.
    delete m_sdl;
}

void GamepadInput::poll()
{
    m_sdl->controllerUpdate();
    if (m_controller && !m_sdl->controllerGetAttached(m_controller)) {
        m_sdl->controllerClose(m_controller);
        m_controller = nullptr;
        if (!(m_last == GamepadVelocity{})) {
            m_last = {};
            emit stickChanged(0, 0, 0);  // unplugged while pushed: the camera must stop
        }
        schedule();
        setStatus(tr("The game controller was disconnected"));
    }
    if (!m_controller) {
        for (int i = 0; i < m_sdl->numJoysticks(); ++i) {
            if (m_sdl->isGameController(i) && (m_controller = m_sdl->controllerOpen(i)) != nullptr)
                break;
        }
        if (!m_controller)
            return;
        const char* name = m_sdl->controllerName(m_controller);
        setStatus(tr("Game controller: %1").arg(name ? QString::fromUtf8(name) : tr("unnamed")));
        schedule();
    }
    const GamepadVelocity velocity = GamepadAxes::velocity(
        m_sdl->controllerGetAxis(m_controller, LeftX), m_sdl->controllerGetAxis(m_controller, LeftY),
        m_sdl->controllerGetAxis(m_controller, TriggerLeft), m_sdl->controllerGetAxis(m_controller, TriggerRight));
    if (velocity == m_last)
        return;
    m_last = velocity;
    emit stickChanged(velocity.pan, velocity.tilt, velocity.zoom);
}

void GamepadInput::setStatus(const QString& status)
{
    if (status == m_status)
        return;
    m_status = status;
    emit statusChanged(status);
}

}  // namespace vigie::app
