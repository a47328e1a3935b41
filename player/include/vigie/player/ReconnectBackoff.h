#pragma once
// Delay before the next reconnection attempt: jittered exponential backoff.
//
// 500 ms, 1 s, 2 s, 4 s, 8 s, then 10 s for ever, each multiplied by a random factor in [0.8, 1.2) so
// that the cameras of a control room that lost the network together do not all reconnect in the same
// millisecond when it comes back. A stream that played for a while before failing starts again from the
// initial delay: a single glitch after hours of playing deserves a quick retry.
//
// Pure: no clock, no thread. The random source is injectable so that tests get exact sequences.

#include <chrono>
#include <functional>

namespace vigie::player {

class ReconnectBackoff {
public:
    struct Params {
        std::chrono::milliseconds initial{500};
        double factor = 2.0;
        std::chrono::milliseconds max{10000};       // cap on the delay before jitter
        double jitter = 0.2;                        // +/- fraction of the delay
        std::chrono::milliseconds resetAfter{10000};  // played at least this long -> back to initial
    };
    // Returns a number uniformly distributed in [0, 1).
    using RandomSource = std::function<double()>;

    // Default parameters, std::mt19937 seeded from std::random_device.
    ReconnectBackoff();
    // An empty random source means the default one.
    explicit ReconnectBackoff(Params params, RandomSource random = {});

    // Delay to wait before the next attempt; each call advances the sequence.
    std::chrono::milliseconds nextDelay();
    // Tells how long the last connection delivered frames before it failed (zero if it never did).
    // Long enough (>= resetAfter) -> the sequence starts again from the initial delay.
    void connectionPlayed(std::chrono::milliseconds duration);
    void reset() { m_failures = 0; }

    int failures() const { return m_failures; }  // consecutive failures since the last reset
    const Params& params() const { return m_params; }

private:
    Params m_params;
    RandomSource m_random;
    int m_failures = 0;
};

}  // namespace vigie::player
