// ReconnectBackoff: exact sequences with a fixed random source, jitter bounds with the real one.
#include <QtTest>

#include <vector>

#include "vigie/player/ReconnectBackoff.h"

using namespace std::chrono_literals;
using vigie::player::ReconnectBackoff;

namespace {

ReconnectBackoff withRandom(double value)
{
    return ReconnectBackoff(ReconnectBackoff::Params{}, [value] { return value; });
}

std::vector<long long> take(ReconnectBackoff& backoff, int count)
{
    std::vector<long long> delays;
    for (int i = 0; i < count; ++i)
        delays.push_back(backoff.nextDelay().count());
    return delays;
}

}  // namespace

class TestReconnectBackoff : public QObject {
    Q_OBJECT
private slots:
    void doublesUpToTheCapWithoutJitterAtMidpoint()
    {
        auto backoff = withRandom(0.5);  // 2r - 1 == 0: no jitter
        const std::vector<long long> expected{500, 1000, 2000, 4000, 8000, 10000, 10000, 10000};
        QCOMPARE(take(backoff, 8), expected);
        QCOMPARE(backoff.failures(), 8);
    }

    void jitterIsPlusMinusTwentyPercent()
    {
        auto low = withRandom(0.0);
        QCOMPARE(take(low, 6), (std::vector<long long>{400, 800, 1600, 3200, 6400, 8000}));
        auto high = withRandom(0.999999);
        QCOMPARE(take(high, 6), (std::vector<long long>{600, 1200, 2400, 4800, 9600, 12000}));
    }

    void sequenceOfRandomValuesIsFollowed()
    {
        const std::vector<double> values{0.25, 0.75, 0.5};
        std::size_t next = 0;
        ReconnectBackoff backoff(ReconnectBackoff::Params{}, [&] { return values[next++ % values.size()]; });
        // 500 * 0.9, 1000 * 1.1, 2000 * 1.0
        QCOMPARE(take(backoff, 3), (std::vector<long long>{450, 1100, 2000}));
    }

    void resetsOnlyAfterPlayingLongEnough()
    {
        auto backoff = withRandom(0.5);
        take(backoff, 4);                 // next would be 8000
        backoff.connectionPlayed(9999ms);  // a short run does not earn a quick retry
        QCOMPARE(backoff.nextDelay(), 8000ms);
        backoff.connectionPlayed(10s);
        QCOMPARE(backoff.failures(), 0);
        QCOMPARE(backoff.nextDelay(), 500ms);
        QCOMPARE(backoff.nextDelay(), 1000ms);
        backoff.reset();
        QCOMPARE(backoff.nextDelay(), 500ms);
    }

    void customParameters()
    {
        ReconnectBackoff::Params params;
        params.initial = 100ms;
        params.factor = 3.0;
        params.max = 1000ms;
        params.jitter = 0.0;
        ReconnectBackoff backoff(params, [] { return 0.9; });
        QCOMPARE(take(backoff, 5), (std::vector<long long>{100, 300, 900, 1000, 1000}));
    }

    void defaultRandomSourceStaysWithinBounds()
    {
        ReconnectBackoff backoff;
        for (int round = 0; round < 200; ++round) {
            backoff.reset();
            const auto delays = take(backoff, 7);
            const std::vector<double> bases{500, 1000, 2000, 4000, 8000, 10000, 10000};
            for (std::size_t i = 0; i < delays.size(); ++i) {
                QVERIFY2(delays[i] >= bases[i] * 0.8 && delays[i] <= bases[i] * 1.2,
                         qPrintable(QStringLiteral("delay %1 out of bounds for base %2").arg(delays[i]).arg(bases[i])));
            }
        }
        // And it really is random: 200 first delays are not all equal.
        std::vector<long long> firsts;
        for (int i = 0; i < 200; ++i) {
            backoff.reset();
            firsts.push_back(backoff.nextDelay().count());
        }
        QVERIFY(std::adjacent_find(firsts.begin(), firsts.end(), std::not_equal_to<>()) != firsts.end());
    }

    void copiesAreIndependent()
    {
        ReconnectBackoff original;
        original.nextDelay();
        ReconnectBackoff copy = original;  // the default engine lives in the closure: no dangling state
        QCOMPARE(copy.failures(), 1);
        const auto d = copy.nextDelay();
        QVERIFY(d >= 800ms && d <= 1200ms);
        QCOMPARE(original.failures(), 1);
    }
};

QTEST_APPLESS_MAIN(TestReconnectBackoff)
#include "test_reconnect_backoff.moc"
