// Game controllers for PTZ: the stick shaping (dead zone, directions, triggers) and the run-time loading
// of SDL2, where a missing library is said and is not an error.

#include <QtTest>

#include "GamepadAxes.h"
#include "GamepadInput.h"

using vigie::app::GamepadAxes;
using vigie::app::GamepadInput;
using vigie::app::GamepadVelocity;

class TestGamepadInput : public QObject {
    Q_OBJECT
private slots:
    void restingSticksDoNotMove()
    {
        // Worn sticks rest a little off centre: still zero.
        const int jitter = int(GamepadAxes::kDeadZone * 32767 * 0.9);
        QCOMPARE(GamepadAxes::velocity(std::int16_t(jitter), std::int16_t(-jitter), 0, 0), GamepadVelocity{});
        QCOMPARE(GamepadAxes::velocity(0, 0, std::int16_t(jitter), 0), GamepadVelocity{});
    }
    void directionsFollowTheContract()
    {
        const auto right = GamepadAxes::velocity(32767, 0, 0, 0);
        QCOMPARE(right.pan, 1.0);
        QCOMPARE(right.tilt, 0.0);
        const auto forward = GamepadAxes::velocity(0, -32768, 0, 0);  // pushed forward: SDL's y is negative
        QVERIFY(forward.tilt > 0.99);  // tilt up
        const auto tele = GamepadAxes::velocity(0, 0, 0, 32767);
        QCOMPARE(tele.zoom, 1.0);
        const auto wide = GamepadAxes::velocity(0, 0, 32767, 0);
        QCOMPARE(wide.zoom, -1.0);
    }
    void noJumpAtTheDeadZoneEdge()
    {
        const double edge = GamepadAxes::kDeadZone;
        QCOMPARE(GamepadAxes::shaped(edge, edge), 0.0);
        QVERIFY(GamepadAxes::shaped(edge + 0.01, edge) < 0.02);
        QVERIFY(GamepadAxes::shaped(-(edge + 0.01), edge) > -0.02);
        // Monotonic beyond it, full travel reaches 1.
        double previous = 0;
        for (double x = edge; x <= 1.0; x += 0.05) {
            const double y = GamepadAxes::shaped(x, edge);
            QVERIFY(y >= previous);
            previous = y;
        }
        QCOMPARE(GamepadAxes::shaped(1.0, edge), 1.0);
    }
    void missingLibraryIsSaidNotFatal()
    {
        GamepadInput input(nullptr, QStringLiteral("libvigie-no-such-sdl.so.0"));
        QVERIFY(!input.libraryLoaded());
        QVERIFY(!input.controllerConnected());
        QVERIFY2(input.status().contains(QLatin1String("SDL2")), qPrintable(input.status()));
    }
    void installedLibraryLoadsWithoutAController()
    {
        GamepadInput input;  // the machine's SDL2, when installed
        if (!input.libraryLoaded()) {
            QVERIFY(input.status().contains(QLatin1String("SDL2")) || input.status().contains(QLatin1String("not used")));
            return;
        }
        // Nothing to steer yet: the controller is not read at all.
        QVERIFY(!input.isActive());
        QVERIFY(!input.isPolling());
        input.setActive(true);
        QVERIFY(input.isPolling());
        // Test machines have no controller plugged in: said, and nothing is sent.
        QSignalSpy sticks(&input, &GamepadInput::stickChanged);
        QTest::qWait(1100);  // one idle poll
        if (!input.controllerConnected()) {
            QCOMPARE(input.status(), QStringLiteral("No game controller connected"));
            QCOMPARE(sticks.count(), 0);
        }
        input.setActive(false);  // the camera went away: polling ends
        QVERIFY(!input.isPolling());
    }
};

QTEST_GUILESS_MAIN(TestGamepadInput)
#include "test_gamepad_input.moc"
