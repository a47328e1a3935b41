#include "vigie/player/ReconnectBackoff.h"

#include <algorithm>
#include <cmath>
#include <random>

namespace vigie::player {

ReconnectBackoff::ReconnectBackoff() : ReconnectBackoff(Params{}) {}

ReconnectBackoff::ReconnectBackoff(Params params, RandomSource random)
    : m_params(params), m_random(std::move(random))
{
    if (!m_random) {
        // The engine lives in the closure so that copies of the backoff stay independent and valid.
        m_random = [engine = std::mt19937(std::random_device{}())]() mutable {
            return std::uniform_real_distribution<double>(0.0, 1.0)(engine);
        };
    }
}

std::chrono::milliseconds ReconnectBackoff::nextDelay()
{
    // initial * factor^failures, computed in double and capped before it can overflow.
    const double initial = double(m_params.initial.count());
    const double cap = double(m_params.max.count());
    double base = initial * std::pow(m_params.factor, double(m_failures));
    base = std::min(base, cap);
    ++m_failures;

    const double r = std::clamp(m_random(), 0.0, 1.0);
    const double jittered = base * (1.0 + m_params.jitter * (2.0 * r - 1.0));
    return std::chrono::milliseconds(std::max<long long>(0, std::llround(jittered)));
}

void ReconnectBackoff::connectionPlayed(std::chrono::milliseconds duration)
{
    if (duration >= m_params.resetAfter)
        reset();
}

}  // namespace vigie::player
