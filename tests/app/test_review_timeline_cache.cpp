// The review timeline's coverage cache: levels by powers of two, what is left to fetch, answers
// replacing what a level knew, the live edge fetched again without flickering to "loading", other
// levels standing in while a zoom's own answer is on its way, and the span arithmetic.

#include <QtTest>

#include "ReviewTimelineCache.h"
#include "vigie/widgets/TimelineSpans.h"

using vigie::app::ReviewTimelineCache;
using vigie::widgets::TimeSpan;
using Spans = QList<TimeSpan>;

class TestReviewTimelineCache : public QObject {
    Q_OBJECT
private slots:
    void levels();
    void spanArithmetic();
    void missingShrinksAsAnswersCome();
    void answerReplacesWhatTheLevelKnew();
    void liveEdgeIsFetchedAgainButStaysShown();
    void otherLevelsStandInAndLoadingIsTheRest();
    void oldLevelsAreDropped();
};

void TestReviewTimelineCache::levels()
{
    QCOMPARE(ReviewTimelineCache::levelFor(0.3), qint64(1));
    QCOMPARE(ReviewTimelineCache::levelFor(1.0), qint64(1));
    QCOMPARE(ReviewTimelineCache::levelFor(600.0), qint64(512));
    QCOMPARE(ReviewTimelineCache::levelFor(1023.9), qint64(512));
    QCOMPARE(ReviewTimelineCache::levelFor(1024.0), qint64(1024));
    // A zoom step of a few percent keeps the level.
    QCOMPARE(ReviewTimelineCache::levelFor(600.0 * 0.95), ReviewTimelineCache::levelFor(600.0));
    QCOMPARE(ReviewTimelineCache::levelFor(std::numeric_limits<double>::quiet_NaN()), qint64(1));
}

void TestReviewTimelineCache::spanArithmetic()
{
    const Spans spans{{0, 10}, {20, 30}, {40, 50}};
    QCOMPARE(ReviewTimelineCache::clipped(spans, {5, 45}), (Spans{{5, 10}, {20, 30}, {40, 45}}));
    QCOMPARE(ReviewTimelineCache::uncovered({5, 45}, spans), (Spans{{10, 20}, {30, 40}}));
    QCOMPARE(ReviewTimelineCache::uncovered({60, 70}, spans), (Spans{{60, 70}}));
    QCOMPARE(ReviewTimelineCache::uncovered({22, 28}, spans), Spans{});
    QCOMPARE(ReviewTimelineCache::subtracted(spans, {{5, 25}}), (Spans{{0, 5}, {25, 30}, {40, 50}}));
}

void TestReviewTimelineCache::missingShrinksAsAnswersCome()
{
    ReviewTimelineCache cache;
    QCOMPARE(cache.missing(64, {1000, 2000}), (TimeSpan{1000, 2000}));
    cache.store(64, {1000, 1500}, {{1000, 1500}}, {}, {});
    QCOMPARE(cache.missing(64, {1000, 2000}), (TimeSpan{1500, 2000}));
    QCOMPARE(cache.missing(64, {1100, 1400}), TimeSpan{});
    // Holes on both sides: one call for the hull.
    QCOMPARE(cache.missing(64, {500, 2500}), (TimeSpan{500, 2500}));
    // Another level knows nothing yet.
    QCOMPARE(cache.missing(128, {1100, 1400}), (TimeSpan{1100, 1400}));
}

void TestReviewTimelineCache::answerReplacesWhatTheLevelKnew()
{
    ReviewTimelineCache cache;
    cache.store(64, {0, 1000}, {{0, 1000}}, {}, {});
    cache.store(64, {400, 600}, {}, {{400, 600}}, {});
    const auto row = cache.row(64, {0, 1000}, 5000);
    QCOMPARE(row.recorded, (Spans{{0, 400}, {600, 1000}}));
    QCOMPARE(row.gaps, (Spans{{400, 600}}));
    QVERIFY(row.loading.isEmpty());
    // Spans the backend widened past the range asked are kept to it.
    cache.store(64, {1000, 1100}, {{1050, 1200}}, {{1000, 1050}}, {});
    QCOMPARE(cache.row(64, {0, 2000}, 1100).recorded, (Spans{{0, 400}, {600, 1000}, {1050, 1100}}));
}

void TestReviewTimelineCache::liveEdgeIsFetchedAgainButStaysShown()
{
    ReviewTimelineCache cache;
    cache.store(64, {0, 10'000}, {{0, 10'000}}, {}, {});
    cache.invalidateFrom(8000);
    QCOMPARE(cache.missing(64, {0, 12'000}), (TimeSpan{8000, 12'000}));
    const auto row = cache.row(64, {0, 12'000}, 12'000);
    QCOMPARE(row.recorded, (Spans{{0, 10'000}}));         // still drawn
    QCOMPARE(row.loading, (Spans{{10'000, 12'000}}));     // only what nobody knows
    // The new answer: a gap began meanwhile.
    cache.store(64, {8000, 12'000}, {{8000, 11'000}}, {{11'000, 12'000}}, {});
    const auto after = cache.row(64, {0, 12'000}, 12'000);
    QCOMPARE(after.recorded, (Spans{{0, 11'000}}));
    QCOMPARE(after.gaps, (Spans{{11'000, 12'000}}));
    QVERIFY(after.loading.isEmpty());
}

void TestReviewTimelineCache::otherLevelsStandInAndLoadingIsTheRest()
{
    ReviewTimelineCache cache;
    // A coarse level knew [0, 1000) as recorded; the fine level, zoomed into, knows [400, 600) better.
    cache.store(1024, {0, 1000}, {{0, 1000}}, {}, {});
    cache.store(64, {400, 600}, {{400, 450}}, {{450, 600}}, {});
    const auto row = cache.row(64, {0, 2000}, 1500);
    QCOMPARE(row.gaps, (Spans{{450, 600}}));  // the current level wins where it knows
    Spans recorded = row.recorded;
    vigie::widgets::TimelineSpans::normalize(recorded);
    QCOMPARE(recorded, (Spans{{0, 450}, {600, 1000}}));
    QCOMPARE(row.loading, (Spans{{1000, 1500}}));  // not known anywhere, up to now
    QVERIFY(!cache.missing(64, {0, 1000}).isEmpty());  // still to fetch at the current level
}

void TestReviewTimelineCache::oldLevelsAreDropped()
{
    ReviewTimelineCache cache;
    for (int i = 0; i < ReviewTimelineCache::kMaxLevels + 3; ++i)
        cache.store(qint64(1) << i, {0, 100}, {{0, 100}}, {}, {});
    // The oldest levels went; the latest remain.
    QVERIFY(!cache.missing(1, {0, 100}).isEmpty());
    QVERIFY(cache.missing(qint64(1) << (ReviewTimelineCache::kMaxLevels + 2), {0, 100}).isEmpty());
}

QTEST_MAIN(TestReviewTimelineCache)
#include "test_review_timeline_cache.moc"
