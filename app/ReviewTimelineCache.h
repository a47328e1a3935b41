#pragma once
// One camera's recording coverage as fetched for the review timeline, kept per resolution level so that
// panning back, or zooming back to a level seen before, needs no new call. Pure (no backend, no widget):
// ReviewTimelineFeeder asks it what is missing, stores the answers and builds the row to draw from it.
//
// Levels are powers of two of milliseconds per pixel: the level of a view is the largest one not above
// its ms per pixel, so a zoom step of a few percent keeps its level (and its cache), and what a level
// holds is never coarser than one pixel of a view using it.
//
// "Fetched" and "known" differ on purpose: the live edge is fetched again every few seconds (the
// recording grows), so invalidateFrom() forgets that a stretch was fetched but keeps its spans on
// screen until the new answer replaces them: no flicker to "loading" at each refresh.
//
// Thread affinity: none (a value); the feeder uses it on the GUI thread.

#include <QList>
#include <QMap>

#include "vigie/widgets/TimelineData.h"

namespace vigie::app {

class ReviewTimelineCache {
public:
    using TimeSpan = vigie::widgets::TimeSpan;

    // Levels kept per camera, least recently used dropped first: a zoom from a minute to a month
    // crosses ~20 levels, and each may hold thousands of spans.
    static constexpr int kMaxLevels = 8;
    // A level holding more spans than this is dropped whole (a pathological flapping camera over days).
    static constexpr qsizetype kMaxSpansPerLevel = 200'000;

    static qint64 levelFor(double msPerPixel);

    // The hull of what is not fetched yet at `level` over `want` (empty when everything is).
    TimeSpan missing(qint64 level, const TimeSpan& want) const;
    // An answer over `answered` at `level`: replaces whatever that level knew there.
    void store(qint64 level, const TimeSpan& answered, QList<TimeSpan> recorded, QList<TimeSpan> gaps,
               QList<TimeSpan> outOfRetention);
    // [from, ...) is to be fetched again at every level; what it showed stays until replaced.
    void invalidateFrom(qint64 from);
    // The row over `range` (cameraId and label left empty): `level`'s spans, where it knows nothing the
    // spans of other levels (finest first), and `loading` over what nobody knows before `now`.
    vigie::widgets::TimelineRow row(qint64 level, const TimeSpan& range, qint64 now);
    void clear() { m_levels.clear(); }
    bool isEmpty() const { return m_levels.isEmpty(); }

    // Span arithmetic on normalized lists (sorted, disjoint), shared with the feeder.
    static QList<TimeSpan> clipped(const QList<TimeSpan>& spans, const TimeSpan& range);
    // The parts of `range` that `spans` (normalized) does not cover.
    static QList<TimeSpan> uncovered(const TimeSpan& range, const QList<TimeSpan>& spans);
    // `spans` minus `holes` (both normalized).
    static QList<TimeSpan> subtracted(const QList<TimeSpan>& spans, const QList<TimeSpan>& holes);

private:
    struct Level {
        QList<TimeSpan> fetched;  // normalized
        QList<TimeSpan> known;    // union of the three kinds, normalized
        QList<TimeSpan> recorded, gaps, outOfRetention;
        quint64 lastUse = 0;
    };
    void trim(qint64 keep);

    QMap<qint64, Level> m_levels;  // by level, finest first
    quint64 m_uses = 0;
};

}  // namespace vigie::app
