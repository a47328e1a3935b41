#include "PlaybackWorker.h"

extern "C" {
#include <libavutil/imgutils.h>
}

#include <QDateTime>

#include <algorithm>
#include <cmath>
#include <new>
#include <utility>

#include "FrameFormat.h"
#include "LibavLog.h"

namespace vigie::player {

namespace {

using namespace std::chrono_literals;

constexpr std::size_t kCachedSegments = 3;             // previous, current, next
constexpr std::int64_t kPrefetchMicros = 3'000'000;    // look the next segment up when less media remains
constexpr auto kLiveEdgePoll = 200ms;                  // how often a growing segment is asked for more bytes
constexpr auto kPrefetchSlack = 5ms;                   // do look-ahead work only when the next picture is further
constexpr int kLateInRowForFallback = 3;
constexpr std::int64_t kGapToleranceMicros = 1000;     // segments closer than this are contiguous
constexpr auto kErrorRetry = 5s;                       // after an Error, try again (unless the clock changes first)
constexpr auto kNewSegmentPoll = 1s;                   // after the end of a live recording: is there a next one?

QString utcText(std::int64_t utcUs)
{
    return QDateTime::fromMSecsSinceEpoch(utcUs / 1000, Qt::UTC).toString(Qt::ISODateWithMs);
}

}  // namespace

PlaybackWorker::PlaybackWorker(PlaybackOptions options, std::shared_ptr<FrameMailbox> mailbox, StateCallback onState)
    : m_options(std::move(options)),
      m_mailbox(std::move(mailbox)),
      m_onState(std::move(onState)),
      m_reverseCacheBytes(m_options.reverseCacheBytes)
{
    installLibavLogHandler();
}

PlaybackWorker::~PlaybackWorker() { stop(); }

// --- owner's thread -------------------------------------------------------------------------------------

void PlaybackWorker::start()
{
    if (m_thread.joinable())
        return;
    m_stop.store(false);
    m_cancel.store(false);
    {
        std::lock_guard lock(m_wakeMutex);
        m_exited = false;
        m_stepsAsked = 0;
    }
    {
        std::lock_guard lock(m_statusMutex);
        m_stats = {};
    }
    m_thread = std::thread([this] { run(); });
}

void PlaybackWorker::stop()
{
    if (!m_thread.joinable())
        return;
    {
        // Under the mutex, so that a worker about to sleep cannot miss it. The same flag cancels the
        // RecordingSource call and the libav call in progress (interrupt callbacks).
        std::lock_guard lock(m_wakeMutex);
        m_stop.store(true, std::memory_order_release);
        m_cancel.store(true);
    }
    m_wake.notify_all();
    m_thread.join();
}

void PlaybackWorker::step(int frames)
{
    if (frames == 0)
        return;
    {
        std::lock_guard lock(m_wakeMutex);
        m_stepsAsked += frames;
    }
    wake();
}

PlaybackState PlaybackWorker::state() const
{
    std::lock_guard lock(m_statusMutex);
    return m_state;
}

PlaybackStats PlaybackWorker::stats() const
{
    std::lock_guard lock(m_statusMutex);
    return m_stats;
}

// --- any thread -----------------------------------------------------------------------------------------

void PlaybackWorker::wake()
{
    {
        std::lock_guard lock(m_wakeMutex);
        ++m_wakeCount;
    }
    m_wake.notify_all();
}

// --- worker thread --------------------------------------------------------------------------------------

void PlaybackWorker::waitUntil(std::optional<Clock::time_point> deadline)
{
    std::unique_lock lock(m_wakeMutex);
    const auto woken = [this] { return stopRequested() || m_wakeCount != m_seenWake; };
    if (deadline)
        m_wake.wait_until(lock, *deadline, woken);
    else
        m_wake.wait(lock, woken);
    m_seenWake = m_wakeCount;
}

void PlaybackWorker::setState(PlaybackState state, const QString& detail)
{
    {
        std::lock_guard lock(m_statusMutex);
        if (m_state == state && m_detail == detail)
            return;
        m_state = state;
        m_detail = detail;
    }
    if (m_onState)
        m_onState(state, detail);  // outside the lock: receivers may call state()/stats()
}

void PlaybackWorker::run()
{
    PlaybackClock& clock = *m_options.clock;
    const auto listener = clock.addListener([this, &clock] {
        // A seek or step abandons a read in flight (the position it was for is gone); other changes only wake.
        if (clock.serial() != m_turnSerial.load())
            m_cancel.store(true);
        wake();
    });
    m_serial = std::numeric_limits<std::uint64_t>::max();
    m_forceReposition = true;
    m_failed = false;
    m_tooSlow = false;
    m_catchingUp = false;
    m_presentedUtc = kNone;
    setState(PlaybackState::Loading, {});

    while (!stopRequested()) {
        // A new turn: cancel only what is asked from now on (stop() sets both flags, so this never undoes it).
        m_cancel.store(false);
        const PlaybackClock::Snapshot snap = clock.snapshot();
        m_turnSerial.store(snap.serial);
        if (stopRequested() || clock.serial() != snap.serial)
            m_cancel.store(true);  // raced with stop() or a seek: this turn is already stale
        int steps = 0;
        {
            std::lock_guard lock(m_wakeMutex);
            steps = std::exchange(m_stepsAsked, 0);
        }
        if (steps != 0) {
            takeSteps(steps);  // moves the clock: the next turn repositions (also out of a failure)
            continue;
        }
        if (m_failed) {
            const bool retryDue = m_retryAt && Clock::now() >= *m_retryAt;
            if (snap.version == m_failedVersion && !retryDue) {
                waitUntil(m_retryAt);
                continue;
            }
            m_failed = false;  // the investigator moved the clock, or time for another try
            m_retryAt.reset();
            m_forceReposition = true;
        }
        const double speed = std::fabs(snap.rate);
        const bool newSerial = snap.serial != m_serial;
        if (newSerial || (m_tooSlow && speed != m_tooSlowRate))
            m_tooSlow = false;  // a seek or a new speed gets a new chance
        const bool reverse = snap.rate < 0;
        const bool keyOnly = !snap.paused && (speed > m_options.allFramesMaxRate || m_tooSlow);
        const bool firstRun = m_serial == std::numeric_limits<std::uint64_t>::max();
        if (newSerial || reverse != m_reverse || keyOnly != m_keyOnly || m_forceReposition) {
            m_serial = snap.serial;
            m_reverse = reverse;
            m_keyOnly = keyOnly;
            m_forceReposition = false;
            updateStats([&](PlaybackStats& stats) {
                stats.keyFramesOnly = m_keyOnly;
                stats.decoderTooSlow = m_tooSlow;
            });
            reposition(snap, newSerial && !firstRun);
            continue;
        }
        if (snap.paused) {
            if (state() == PlaybackState::Playing)
                setState(PlaybackState::Paused, {});
            waitUntil(std::nullopt);
            continue;
        }
        if (m_reverse)
            reverseTick(snap);
        else
            forwardTick(snap);
    }

    clock.removeListener(listener);
    // Release the libav objects on the thread that used them.
    m_forwardQueue.clear();
    m_run.clear();
    m_forwardSegment.reset();
    m_nextSegment.reset();
    m_reverseSegment.reset();
    m_segments.clear();
    m_decoder.close();
    setState(PlaybackState::Idle, {});
}

void PlaybackWorker::failUntilClockChanges()
{
    m_failed = true;
    // An error (link down, refused) may pass: try again after a while. Retention and missing recordings do not.
    if (state() == PlaybackState::Error)
        m_retryAt = Clock::now() + kErrorRetry;
    else
        m_retryAt.reset();
    m_failedVersion = m_options.clock->snapshot().version;
    m_forwardQueue.clear();
    m_run.clear();
    m_forwardSegment.reset();
    m_reverseSegment.reset();
    m_decoderInStep = false;
}

// --- segments -------------------------------------------------------------------------------------------

PlaybackWorker::Outcome PlaybackWorker::lookup(bool before, std::int64_t utcUs, SegmentPtr& found)
{
    found.reset();
    RecordingSource& source = *m_options.source;
    ++m_lookupCalls;
    const SegmentLookup answer = before ? source.segmentBefore(m_options.cameraId, utcUs, m_cancel)
                                        : source.segmentAt(m_options.cameraId, utcUs, m_cancel);
    if (stopRequested() || answer.status == SourceStatus::Cancelled)
        return Outcome::Stopped;  // stopping, or a seek: the next turn starts over
    switch (answer.status) {
    case SourceStatus::Ok: break;
    case SourceStatus::OutOfRetention:
        setState(PlaybackState::OutOfRetention,
                 answer.error.empty() ? QStringLiteral("before the retention window") : QString::fromStdString(answer.error));
        return Outcome::Failed;
    case SourceStatus::Gone:
    case SourceStatus::Failed:
    case SourceStatus::Cancelled:
        setState(PlaybackState::Error, answer.error.empty() ? QStringLiteral("cannot list the recordings")
                                                            : QString::fromStdString(answer.error));
        return Outcome::Failed;
    }
    if (!answer.segment)
        return Outcome::End;
    return openSegment(*answer.segment, found);
}

PlaybackWorker::Outcome PlaybackWorker::openSegment(const RecordedSegment& segment, SegmentPtr& opened)
{
    for (const SegmentPtr& cached : m_segments) {
        if (cached->segment().id == segment.id)
            opened = cached;
    }
    if (opened) {
        remember(opened);
        return Outcome::Ok;
    }
    if (!m_segments.empty() && state() != PlaybackState::Playing && state() != PlaybackState::LiveEdge)
        setState(PlaybackState::Loading, {});
    auto index = std::make_shared<SegmentIndex>(*m_options.source, segment, m_cancel);
    SegmentIndex::Status status = index->open();
    if (status == SegmentIndex::Status::Gone && m_goneRetries == 0) {
        // Destroyed since it was listed (retention ran): look it up once more.
        ++m_goneRetries;
        return lookup(false, segment.startUtcUs, opened);
    }
    updateStats([](PlaybackStats& stats) { ++stats.segmentsOpened; });
    if (const Outcome outcome = check(status, *index); outcome != Outcome::Ok)
        return outcome;
    opened = index;
    remember(index);
    return Outcome::Ok;
}

PlaybackWorker::Outcome PlaybackWorker::check(SegmentIndex::Status status, SegmentIndex& segment)
{
    switch (status) {
    case SegmentIndex::Status::Ok:
    case SegmentIndex::Status::End: return Outcome::Ok;
    case SegmentIndex::Status::Cancelled:
        if (!stopRequested())
            segment.abandonPass();  // a seek cut a read short: the next demux starts a new pass, nothing is lost
        return Outcome::Stopped;
    case SegmentIndex::Status::OutOfRetention:
        setState(PlaybackState::OutOfRetention, QStringLiteral("before the retention window"));
        return Outcome::Failed;
    case SegmentIndex::Status::Gone: {
        const std::string id = segment.segment().id;
        std::erase_if(m_segments, [&](const SegmentPtr& cached) { return cached->segment().id == id; });
        if (m_goneRetries++ == 0) {
            // Destroyed since it was listed: look the position up again, once.
            m_forceReposition = true;
            return Outcome::Stopped;
        }
        setState(PlaybackState::Error, QStringLiteral("the recording was destroyed while being read"));
        return Outcome::Failed;
    }
    case SegmentIndex::Status::Failed:
        setState(PlaybackState::Error, segment.error());
        return Outcome::Failed;
    }
    return Outcome::Failed;
}

void PlaybackWorker::remember(SegmentPtr segment)  // by value: the caller's may live in m_segments
{
    std::erase(m_segments, segment);
    m_segments.push_back(segment);
    while (m_segments.size() > kCachedSegments) {
        m_retiredBytes += m_segments.front()->bytesRead();
        m_retiredCalls += m_segments.front()->sourceCalls();
        m_segments.erase(m_segments.begin());  // still alive while a cursor holds it
    }
}

void PlaybackWorker::refreshSourceStats()
{
    std::uint64_t bytes = m_retiredBytes;
    std::uint64_t calls = m_retiredCalls + m_lookupCalls;
    for (const SegmentPtr& segment : m_segments) {
        bytes += segment->bytesRead();
        calls += segment->sourceCalls();
    }
    updateStats([&](PlaybackStats& stats) {
        stats.bytesRead = bytes;
        stats.sourceCalls = calls;
    });
}

// --- decoding -------------------------------------------------------------------------------------------

PlaybackWorker::Outcome PlaybackWorker::prepareDecoder(const SegmentIndex& segment, bool* reopened)
{
    if (!segment.parameters()) {
        setState(PlaybackState::Error, QStringLiteral("the recording has no readable video"));
        return Outcome::Failed;
    }
    bool opened = false;
    if (auto failure = m_decoder.prepare(*segment.parameters(), &opened)) {
        setState(PlaybackState::Error, *failure);
        return Outcome::Failed;
    }
    if (reopened)
        *reopened = opened;
    if (opened) {
        m_decoderInStep = false;
        m_runMaxFrames = 0;  // the picture size may have changed: the reverse budget is recounted
        updateStats([&](PlaybackStats& stats) {
            stats.codec = m_decoder.codecName();
            ++stats.decoderOpens;
        });
    }
    return Outcome::Ok;
}

void PlaybackWorker::sendAndReceive(const AVPacket* packet, std::deque<Decoded>& out)
{
    const auto started = Clock::now();
    struct Timed {
        PlaybackWorker& worker;
        Clock::time_point started;
        ~Timed()
        {
            const auto micros = std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - started).count();
            worker.updateStats([&](PlaybackStats& stats) { stats.decodeMicros += std::uint64_t(micros); });
        }
    } timed{*this, started};
    const int sent = m_decoder.send(packet);
    if (sent < 0 && sent != AVERROR_EOF && sent != AVERROR(EAGAIN))
        updateStats([](PlaybackStats& stats) { ++stats.decodeErrors; });
    for (;;) {
        AVFramePtr frame(av_frame_alloc());
        if (!frame)
            throw std::bad_alloc();
        const int received = m_decoder.receive(*frame);
        if (received == AVERROR(EAGAIN) || received == AVERROR_EOF)
            return;
        if (received < 0) {
            updateStats([](PlaybackStats& stats) { ++stats.decodeErrors; });
            return;
        }
        const std::int64_t utc = frame->best_effort_timestamp != AV_NOPTS_VALUE ? frame->best_effort_timestamp : frame->pts;
        if ((frame->flags & AV_FRAME_FLAG_CORRUPT) || frame->decode_error_flags)
            updateStats([](PlaybackStats& stats) { ++stats.decodeErrors; });
        updateStats([](PlaybackStats& stats) { ++stats.framesDecoded; });
        if (const std::size_t budget = m_reverseCacheBytes.load(std::memory_order_relaxed);
            m_runMaxFrames == 0 || budget != m_runMaxFramesFor) {
            const int bytes = av_image_get_buffer_size(AVPixelFormat(frame->format), frame->width, frame->height, 1);
            m_runMaxFrames = std::max<std::size_t>(8, budget / std::size_t(std::max(bytes, 1)));
            m_runMaxFramesFor = budget;
        }
        // Ownership of the picture's reference moves into `out`.
        out.push_back({std::move(frame), utc});
    }
}

void PlaybackWorker::drainDecoder(std::deque<Decoded>& out)
{
    sendAndReceive(nullptr, out);
    m_decoder.flush();
    m_decoderInStep = false;
}

void PlaybackWorker::keepRunBounded(std::deque<Decoded>& run)
{
    while (m_runMaxFrames > 0 && run.size() > m_runMaxFrames) {
        run.pop_front();  // the oldest: decoded again in a later run
        m_runTruncated = true;
    }
}

PlaybackWorker::Outcome PlaybackWorker::decodeTo(const SegmentPtr& segment, int targetIndex, std::int64_t targetUtc,
                                                 Decoded& target, std::deque<Decoded>* earlier)
{
    bool reopened = false;
    if (const Outcome prepared = prepareDecoder(*segment, &reopened); prepared != Outcome::Ok)
        return prepared;
    int key = segment->keyAtOrBefore(targetIndex);
    if (key < 0)
        key = 0;  // no key frame before it: decode anyway (concealed pictures, counted as errors)
    std::deque<Decoded> out;
    int next = key;
    // Continue from where the decoder is when the target lies ahead in the same GOP run (stepping forward,
    // short seeks forward): no need to start again at the key frame.
    const bool continuing = !reopened && m_decoderInStep && m_forwardSegment == segment && m_forwardNext <= targetIndex + 1
        && key < m_forwardNext && (m_presentedUtc == kNone || m_presentedUtc < targetUtc) && !earlier;
    if (continuing) {
        next = m_forwardNext;
        out = std::move(m_forwardQueue);
    } else {
        m_decoder.flush();
    }
    m_forwardQueue.clear();
    m_runTruncated = false;
    const auto found = [&] {
        return std::any_of(out.begin(), out.end(), [&](const Decoded& d) { return d.utcUs >= targetUtc; });
    };
    const int stopAt = segment->keyAfter(targetIndex) >= 0 ? segment->keyAfter(targetIndex) : segment->size();
    while (!found() && next < stopAt) {
        if (stopRequested())
            return Outcome::Stopped;
        sendAndReceive(segment->at(next).packet.get(), out);
        ++next;
        if (earlier) {
            // Move what is below the target out as it comes, so that the bound holds while decoding.
            while (!out.empty() && out.front().utcUs < targetUtc) {
                earlier->push_back(std::move(out.front()));
                out.pop_front();
            }
            keepRunBounded(*earlier);
        }
    }
    m_decoderInStep = true;
    if (!found()) {
        drainDecoder(out);  // pictures held back for reordering
        next = stopAt;
    }
    m_forwardSegment = segment;
    m_forwardNext = next;
    bool haveTarget = false;
    for (Decoded& picture : out) {
        if (!haveTarget && picture.utcUs >= targetUtc) {
            target = std::move(picture);
            haveTarget = true;
        } else if (haveTarget) {
            m_forwardQueue.push_back(std::move(picture));
        } else if (earlier) {
            earlier->push_back(std::move(picture));
            keepRunBounded(*earlier);
        }
    }
    if (!haveTarget) {
        setState(PlaybackState::Error, QStringLiteral("cannot decode the picture at %1").arg(utcText(targetUtc)));
        return Outcome::Failed;
    }
    return Outcome::Ok;
}

// --- positioning ----------------------------------------------------------------------------------------

void PlaybackWorker::reposition(const PlaybackClock::Snapshot& clock, bool countAsSeek)
{
    // Pictures decoded ahead: a step forward finds its picture there (decodeTo() continues from them).
    std::deque<Decoded> ahead = std::move(m_forwardQueue);
    m_forwardQueue.clear();
    m_run.clear();
    m_runTruncated = false;
    if (countAsSeek) {
        m_endedOnLive = false;
        // What was on screen belongs to the previous position: a seek that shows nothing (a gap, before
        // retention) must not leave forward play skipping up to it, nor a step counting from it.
        m_presentedUtc = kNone;
    }
    m_nextSegment.reset();
    m_prefetchDone = false;
    m_reverseSegment.reset();
    m_reverseKey = -1;
    m_previousSegment.reset();
    m_previousLooked = false;
    m_lateInRow = 0;
    m_firstAfterReposition = true;
    const std::int64_t position = clock.positionAt(Clock::now());

    SegmentPtr segment;
    // The cached segment holding the position spares a lookup (stepping, short seeks, rate changes).
    for (const SegmentPtr& cached : m_segments) {
        if (cached->segment().startUtcUs <= position && position < cached->endUtc()) {
            segment = cached;
            break;
        }
    }
    if (segment)
        remember(segment);  // (not inside the loop: it reorders the vector)
    Outcome outcome = segment ? Outcome::Ok : lookup(false, position, segment);
    if (outcome == Outcome::Stopped)
        return;
    if (outcome == Outcome::Failed) {
        failUntilClockChanges();
        return;
    }
    if (segment) {
        if (const Outcome opened = check(segment->demuxUntil(position), *segment); opened != Outcome::Ok) {
            if (opened == Outcome::Failed)
                failUntilClockChanges();
            return;
        }
    }
    const bool inGap = !segment || segment->frameCount() == 0 || segment->firstUtc() > position;
    if (inGap && m_reverse) {
        // Going back: the recording before the gap comes next; nothing is shown until the clock reaches it.
        SegmentPtr previous;
        outcome = lookup(true, position, previous);
        if (outcome == Outcome::Stopped)
            return;
        if (outcome == Outcome::Failed) {
            failUntilClockChanges();
            return;
        }
        if (!previous) {
            setState(PlaybackState::NoRecording, {});  // nothing recorded before
            return;
        }
        if (const Outcome read = check(previous->demuxAll(), *previous); read != Outcome::Ok) {
            if (read == Outcome::Failed)
                failUntilClockChanges();
            return;
        }
        m_reverseSegment = previous;
        m_reverseKey = previous->size();  // produceReverse() starts from its last GOP
        m_reverseThreshold = std::min(position, previous->endUtc());
        m_reverseGapTo = position;
        setState(PlaybackState::NoRecording, utcText(previous->lastUtc()));  // where reverse play resumes
        return;
    }
    if (inGap) {
        m_forwardSegment = segment;
        m_forwardNext = 0;
        m_decoderInStep = false;
        m_gapFrom = position;
        if (!segment) {
            setState(PlaybackState::NoRecording, {});  // nothing recorded after
            return;
        }
        if (prepareDecoder(*segment) != Outcome::Ok) {
            failUntilClockChanges();
            return;
        }
        m_decoder.flush();
        setState(PlaybackState::NoRecording, utcText(segment->firstUtc()));
        return;
    }

    // The picture for the position: the greatest UTC <= position (key frames only: the key frame at or before it).
    int order = std::max(segment->orderAt(position), 0);
    int targetIndex = segment->frameByTime(order).second;
    if (m_keyOnly) {
        const int key = segment->keyAtOrBefore(targetIndex);
        if (key >= 0)
            targetIndex = key;
    }
    const std::int64_t targetUtc = segment->at(targetIndex).utcUs;
    if (!countAsSeek && m_keyOnly && !m_reverse && targetUtc == m_presentedUtc) {
        // Speeding up to key frames only from a key frame on screen: nothing new to show, go on from there.
        m_forwardSegment = segment;
        m_forwardNext = targetIndex + 1;
        m_decoderInStep = false;
        m_gapFrom = segment->endUtc();
        return;
    }
    Decoded picture;
    std::deque<Decoded> earlier;
    if (m_reverse && !m_keyOnly) {
        outcome = decodeTo(segment, targetIndex, targetUtc, picture, &earlier);
    } else if (m_keyOnly) {
        // A key frame decodes alone.
        if ((outcome = prepareDecoder(*segment)) == Outcome::Ok) {
            std::deque<Decoded> out;
            m_decoder.flush();
            sendAndReceive(segment->at(targetIndex).packet.get(), out);
            drainDecoder(out);
            if (out.empty()) {
                setState(PlaybackState::Error, QStringLiteral("cannot decode the picture at %1").arg(utcText(targetUtc)));
                outcome = Outcome::Failed;
            } else {
                picture = std::move(out.back());
            }
            m_forwardSegment = segment;
            m_forwardNext = targetIndex + 1;
        }
    } else {
        m_forwardQueue = std::move(ahead);
        outcome = decodeTo(segment, targetIndex, targetUtc, picture, nullptr);
    }
    if (outcome == Outcome::Stopped)
        return;
    if (outcome == Outcome::Failed) {
        failUntilClockChanges();
        return;
    }
    if (m_reverse) {
        m_reverseSegment = segment;
        m_reverseKey = std::max(segment->keyAtOrBefore(targetIndex), 0);
        m_run = std::move(earlier);
        if (!m_run.empty())
            m_runLow = m_run.front().utcUs;
        m_reverseGapTo = segment->firstUtc();
    }
    m_gapFrom = segment->endUtc();
    present(std::move(picture), countAsSeek ? PostKind::Seek : PostKind::Play, clock);
    if (!segment->complete() && segment->drained() && position >= segment->endUtc())
        setState(PlaybackState::LiveEdge, utcText(segment->lastUtc()));
}

// --- forward --------------------------------------------------------------------------------------------

PlaybackWorker::Outcome PlaybackWorker::produceForward(const PlaybackClock::Snapshot& clock)
{
    while (m_forwardQueue.empty()) {
        if (stopRequested())
            return Outcome::Stopped;
        if (!m_forwardSegment)
            return Outcome::End;
        SegmentIndex& segment = *m_forwardSegment;
        if (m_forwardNext >= segment.size()) {
            if (!segment.drained()) {
                if (const Outcome read = check(segment.demux(16), segment); read != Outcome::Ok)
                    return read;
                continue;
            }
            if (!segment.complete()) {
                const SegmentIndex::Status extended = segment.extend();
                if (extended == SegmentIndex::Status::End)
                    return Outcome::LiveEdge;
                if (const Outcome read = check(extended, segment); read != Outcome::Ok)
                    return read;
                // The recording grew: pictures the clock may have passed while they did not exist yet.
                m_catchingUp = true;
                continue;
            }
            // The segment is played out: on to the next one (prefetched, normally).
            SegmentPtr next = m_nextSegment;
            if (!m_prefetchDone || (next && next->segment().startUtcUs < segment.segment().startUtcUs)) {
                const Outcome found = lookup(false, segment.endUtc(), next);
                if (found != Outcome::Ok && found != Outcome::End)
                    return found;
            }
            m_nextSegment.reset();
            m_prefetchDone = false;
            if (next && next->segment().id == segment.segment().id)
                next.reset();
            if (!next || !next->parameters() || !m_decoder.fits(*next->parameters())) {
                drainDecoder(m_forwardQueue);  // the last pictures before a reopen (or the end)
            }
            if (!next) {
                m_endedOnLive = !segment.segment().complete;  // listed while being written: more may follow
                m_forwardSegment.reset();
                return m_forwardQueue.empty() ? Outcome::End : Outcome::Ok;
            }
            if (const Outcome prepared = prepareDecoder(*next); prepared != Outcome::Ok)
                return prepared;
            m_forwardSegment = next;
            m_forwardNext = 0;
            continue;
        }
        if (m_keyOnly) {
            // Catch up: the key frame at or before the clock's position, if it lies further than the next one.
            const int order = segment.orderAt(clock.positionAt(Clock::now()));
            if (order >= 0) {
                const int key = segment.keyAtOrBefore(segment.frameByTime(order).second);
                if (key > m_forwardNext)
                    m_forwardNext = key;
            }
            const int index = m_forwardNext++;
            if (!segment.at(index).key)
                continue;  // never sent: key frames decode alone
            m_decoder.flush();
            sendAndReceive(segment.at(index).packet.get(), m_forwardQueue);
            drainDecoder(m_forwardQueue);
            continue;
        }
        sendAndReceive(segment.at(m_forwardNext++).packet.get(), m_forwardQueue);
        m_decoderInStep = true;
        // Pictures at or before the one shown (reordering after a seek) are not shown again.
        while (!m_forwardQueue.empty() && m_presentedUtc != kNone && m_forwardQueue.front().utcUs <= m_presentedUtc)
            m_forwardQueue.pop_front();
    }
    return Outcome::Ok;
}

bool PlaybackWorker::prefetch(const PlaybackClock::Snapshot& clock)
{
    if (!m_forwardSegment)
        return false;
    SegmentIndex& segment = *m_forwardSegment;
    if (segment.complete() && !segment.drained()) {
        // Demux ahead while waiting, so that playing never waits for the source.
        if (check(segment.demux(32), segment) != Outcome::Ok)
            m_forceReposition = true;  // reported; the next turn looks again
        return true;
    }
    if (!segment.finished() || m_prefetchDone)
        return false;
    // ~3 s of media ahead at normal speed; as much wall time ahead when playing faster.
    const std::int64_t remaining = segment.endUtc() - clock.positionAt(Clock::now());
    if (double(remaining) > double(kPrefetchMicros) * std::max(1.0, std::fabs(clock.rate)))
        return false;
    m_prefetchDone = true;
    SegmentPtr next;
    const Outcome found = lookup(false, segment.endUtc(), next);
    if (found == Outcome::Ok && next && next->segment().id != segment.segment().id) {
        // Index its first GOP now: crossing the boundary then costs no source call.
        next->demux(8);
        m_nextSegment = next;
    } else if (found != Outcome::Ok && found != Outcome::End) {
        m_prefetchDone = false;
        m_forceReposition = found != Outcome::Stopped;
    }
    return true;
}

void PlaybackWorker::forwardTick(const PlaybackClock::Snapshot& clock)
{
    if (m_forwardQueue.empty()) {
        const Outcome produced = produceForward(clock);
        switch (produced) {
        case Outcome::Ok: break;
        case Outcome::Stopped: return;
        case Outcome::Failed: failUntilClockChanges(); return;
        case Outcome::LiveEdge: {
            m_catchingUp = true;
            const SegmentIndex& segment = *m_forwardSegment;
            if (clock.positionAt(Clock::now()) >= segment.endUtc())
                setState(PlaybackState::LiveEdge, utcText(segment.lastUtc()));
            refreshSourceStats();
            waitUntil(Clock::now() + kLiveEdgePoll);
            return;
        }
        case Outcome::End:
            if (m_gapFrom == kNone || clock.positionAt(Clock::now()) >= m_gapFrom) {
                setState(PlaybackState::NoRecording, {});  // nothing recorded after
                const bool playingForward = !clock.paused && clock.rate > 0;
                if (m_endedOnLive || playingForward) {
                    // The recorder may have started the next segment since (a camera back online, the live
                    // edge moving on): while the clock moves forward, look again now and then.
                    waitUntil(Clock::now() + kNewSegmentPoll);
                    m_forceReposition = true;
                    return;
                }
                waitUntil(std::nullopt);
            } else {
                waitUntil(clock.when(m_gapFrom));
            }
            return;
        }
    }
    const Decoded& next = m_forwardQueue.front();
    const auto now = Clock::now();
    const auto due = clock.when(next.utcUs).value_or(Clock::time_point::max());
    if (now >= due) {
        if (m_catchingUp && !m_keyOnly) {  // (key frames only: produceForward() already skips ahead)
            // The clock is ahead of a recording that just grew: show the picture at its position, not a burst
            // of every picture in between (decoded all the same: they are references).
            SegmentIndex* segment = m_forwardSegment.get();
            const int order = segment ? segment->orderOf(next.utcUs) : -1;
            if (order >= 0 && order + 1 >= segment->frameCount() && !segment->drained())
                segment->demux(16);  // is there a later one? (a failure shows at the next produceForward())
            if (order >= 0 && order + 1 < segment->frameCount()
                && segment->frameByTime(order + 1).first <= clock.positionAt(now)) {
                m_forwardQueue.pop_front();
                return;
            }
            m_catchingUp = false;
            m_firstAfterReposition = true;  // late because of the recording, not of the decoder
        }
        Decoded picture = std::move(m_forwardQueue.front());
        m_forwardQueue.pop_front();
        const bool crossedGap = m_gapFrom != kNone && picture.utcUs > m_gapFrom + kGapToleranceMicros;
        if (!m_firstAfterReposition && !crossedGap)
            noteLateness(now - due);
        if (m_forwardSegment)
            m_gapFrom = std::max(m_gapFrom, m_forwardSegment->segment().startUtcUs <= picture.utcUs ? m_forwardSegment->endUtc() : m_gapFrom);
        present(std::move(picture), PostKind::Play, clock);
        return;
    }
    // Between two recordings: say so once the clock leaves the one shown, and come back exactly at the next one.
    std::optional<Clock::time_point> wakeAt = due;
    if (m_gapFrom != kNone && next.utcUs > m_gapFrom + kGapToleranceMicros) {
        if (clock.positionAt(now) >= m_gapFrom)
            setState(PlaybackState::NoRecording, utcText(next.utcUs));
        else if (const auto gapStart = clock.when(m_gapFrom))
            wakeAt = std::min(*gapStart, due);
    }
    if (due - now > kPrefetchSlack && prefetch(clock))
        return;  // one step of look-ahead, then look at the clock again
    waitUntil(wakeAt);
}

// --- reverse --------------------------------------------------------------------------------------------

PlaybackWorker::Outcome PlaybackWorker::decodeRun(const SegmentPtr& segment, int key, std::int64_t hiUtc)
{
    if (const Outcome prepared = prepareDecoder(*segment); prepared != Outcome::Ok)
        return prepared;
    m_decoder.flush();
    m_decoderInStep = false;
    m_run.clear();
    m_runTruncated = false;
    std::deque<Decoded> out;
    const int end = m_keyOnly ? key + 1 : (segment->keyAfter(key) >= 0 ? segment->keyAfter(key) : segment->size());
    for (int i = key; i < end; ++i) {
        if (stopRequested())
            return Outcome::Stopped;
        sendAndReceive(segment->at(i).packet.get(), out);
        while (!out.empty()) {
            if (out.front().utcUs < hiUtc)
                m_run.push_back(std::move(out.front()));
            out.pop_front();
        }
        keepRunBounded(m_run);
    }
    drainDecoder(out);
    for (Decoded& picture : out) {
        if (picture.utcUs < hiUtc)
            m_run.push_back(std::move(picture));
    }
    keepRunBounded(m_run);
    m_reverseSegment = segment;
    m_reverseKey = key;
    if (!m_run.empty())
        m_runLow = m_run.front().utcUs;
    return Outcome::Ok;
}

PlaybackWorker::Outcome PlaybackWorker::produceReverse(const PlaybackClock::Snapshot& clock)
{
    if (!m_reverseSegment)
        return Outcome::End;
    if (m_runTruncated && !m_keyOnly)
        return decodeRun(m_reverseSegment, m_reverseKey, m_runLow);  // the rest of the same GOP, below the last run
    SegmentPtr segment = m_reverseSegment;
    int key = segment->keyAtOrBefore(m_reverseKey - 1);
    if (m_keyOnly) {
        // Catch up: the key frame at or before the clock's position, if it lies further back.
        const int order = segment->orderAt(clock.positionAt(Clock::now()));
        if (order >= 0) {
            const int atClock = segment->keyAtOrBefore(segment->frameByTime(order).second);
            if (atClock >= 0 && atClock < key)
                key = atClock;
        }
    }
    if (key < 0) {
        // The first GOP of the segment was shown: the previous recording (over a gap, maybe), prefetched
        // normally.
        SegmentPtr previous = std::exchange(m_previousSegment, nullptr);
        if (!m_previousLooked) {
            const Outcome found = lookup(true, segment->segment().startUtcUs, previous);
            if (found != Outcome::Ok)
                return found;
        }
        m_previousLooked = false;  // the next answer is for the segment we move to
        if (!previous || previous->segment().id == segment->segment().id)
            return Outcome::End;
        if (const Outcome read = check(previous->demuxAll(), *previous); read != Outcome::Ok)
            return read;
        if (previous->size() == 0)
            return Outcome::End;
        m_reverseThreshold = std::min(m_reverseThreshold, previous->endUtc());
        segment = previous;
        key = std::max(segment->keyAtOrBefore(segment->size() - 1), 0);
    }
    return decodeRun(segment, key, std::numeric_limits<std::int64_t>::max());
}

bool PlaybackWorker::prefetchPrevious()
{
    // Reverse play in the first GOP of a segment: list and index the previous one while waiting.
    if (!m_reverseSegment || m_previousLooked || m_reverseSegment->keyAtOrBefore(m_reverseKey - 1) >= 0)
        return false;
    m_previousLooked = true;
    SegmentPtr previous;
    const Outcome found = lookup(true, m_reverseSegment->segment().startUtcUs, previous);
    if (found == Outcome::Ok && previous) {
        if (check(previous->demuxAll(), *previous) == Outcome::Ok)
            m_previousSegment = previous;
        else
            m_previousLooked = false;  // (reported; produceReverse() tries again when it gets there)
    } else if (found != Outcome::Ok && found != Outcome::End) {
        m_previousLooked = false;
    }
    return true;
}

void PlaybackWorker::reverseTick(const PlaybackClock::Snapshot& clock)
{
    if (m_run.empty()) {
        const Outcome produced = produceReverse(clock);
        if (produced == Outcome::Stopped)
            return;
        if (produced == Outcome::Failed) {
            failUntilClockChanges();
            return;
        }
        if (produced == Outcome::End || m_run.empty()) {
            if (m_reverseGapTo == kNone || clock.positionAt(Clock::now()) < m_reverseGapTo) {
                setState(PlaybackState::NoRecording, {});  // nothing recorded before
                m_reverseSegment.reset();
                waitUntil(std::nullopt);
            } else {
                waitUntil(clock.when(m_reverseGapTo));
            }
            return;
        }
    }
    const auto now = Clock::now();
    const std::int64_t threshold = m_reverseThreshold;
    const auto due = threshold == kNone ? now : clock.when(threshold).value_or(Clock::time_point::max());
    if (now >= due) {
        Decoded picture = std::move(m_run.back());
        m_run.pop_back();
        const bool crossedGap = m_reverseGapTo != kNone && m_reverseSegment && m_reverseSegment->endUtc() + kGapToleranceMicros < m_reverseGapTo;
        if (!m_firstAfterReposition && !crossedGap)
            noteLateness(now - due);
        if (m_reverseSegment)
            m_reverseGapTo = m_reverseSegment->firstUtc();
        present(std::move(picture), PostKind::Play, clock);
        return;
    }
    // Between two recordings (going back): say so once the clock leaves the one shown.
    std::optional<Clock::time_point> wakeAt = due;
    if (m_reverseGapTo != kNone && threshold + kGapToleranceMicros < m_reverseGapTo) {
        if (clock.positionAt(now) < m_reverseGapTo)
            setState(PlaybackState::NoRecording, utcText(m_run.back().utcUs));
        else if (const auto gapStart = clock.when(m_reverseGapTo))
            wakeAt = std::min(*gapStart, due);
    }
    if (due - now > kPrefetchSlack && prefetchPrevious())
        return;  // one step of look-ahead, then look at the clock again
    waitUntil(wakeAt);
}

// --- stepping -------------------------------------------------------------------------------------------

void PlaybackWorker::takeSteps(int frames)
{
    const PlaybackClock::Snapshot clock = m_options.clock->snapshot();
    std::int64_t base = m_presentedUtc != kNone ? m_presentedUtc : clock.positionAt(Clock::now());
    SegmentPtr segment;
    for (const SegmentPtr& cached : m_segments) {
        if (cached->segment().startUtcUs <= base && base < cached->endUtc())
            segment = cached;
    }
    if (!segment) {
        const Outcome found = lookup(false, base, segment);
        if (found == Outcome::Failed)
            failUntilClockChanges();
        if (found != Outcome::Ok || !segment)
            return;
    }
    for (int remaining = std::abs(frames); remaining > 0 && !stopRequested(); --remaining) {
        if (check(segment->demuxUntil(base), *segment) != Outcome::Ok)
            return;
        const int order = segment->orderAt(base);
        if (frames > 0) {
            if (order + 1 < segment->frameCount()) {
                base = segment->frameByTime(order + 1).first;
                continue;
            }
            if (!segment->finished())
                break;  // the live edge: no next frame yet
            SegmentPtr next;
            if (lookup(false, segment->endUtc(), next) != Outcome::Ok || !next || next->segment().id == segment->segment().id)
                break;
            if (check(next->demux(1), *next) != Outcome::Ok || next->frameCount() == 0)
                break;
            segment = next;
            base = segment->firstUtc();
        } else {
            if (order > 0) {
                base = segment->frameByTime(order - 1).first;
                continue;
            }
            SegmentPtr previous;
            if (lookup(true, segment->segment().startUtcUs, previous) != Outcome::Ok || !previous
                || previous->segment().id == segment->segment().id)
                break;
            if (check(previous->demuxAll(), *previous) != Outcome::Ok || previous->frameCount() == 0)
                break;
            segment = previous;
            base = segment->lastUtc();
        }
    }
    // Every tile on the clock follows; this worker too, through the new serial.
    m_options.clock->pauseAt(base);
}

// --- presenting -----------------------------------------------------------------------------------------

void PlaybackWorker::noteLateness(Clock::duration lateness)
{
    if (lateness <= m_options.lateThreshold) {
        m_lateInRow = 0;
        return;
    }
    ++m_lateInRow;
    updateStats([](PlaybackStats& stats) { ++stats.lateFrames; });
    if (m_lateInRow >= kLateInRowForFallback && !m_keyOnly) {
        // The decoder cannot keep up at this speed: key frames only until the speed changes or a seek.
        m_tooSlow = true;
        m_tooSlowRate = std::fabs(m_options.clock->rate());
        updateStats([](PlaybackStats& stats) { stats.decoderTooSlow = true; });
    }
}

void PlaybackWorker::present(Decoded picture, PostKind kind, const PlaybackClock::Snapshot& clock)
{
    AVFrame& decoded = *picture.frame;
    const auto layout = layoutOf(AVPixelFormat(decoded.format));
    if (!layout) {
        setState(PlaybackState::Error, QStringLiteral("unsupported pixel format"));
        failUntilClockChanges();
        return;
    }
    const int width = decoded.width;
    const int height = decoded.height;
    auto impl = std::make_unique<VideoFrame::Impl>();
    impl->frame = std::move(picture.frame);  // Ownership of the decoder's picture is handed to the VideoFrame.
    auto frame = std::make_unique<VideoFrame>(std::move(impl), *layout, matrixOf(decoded), rangeOf(decoded));
    frame->ptsMicros = picture.utcUs;
    frame->sequence = ++m_sequence;
    frame->decodedAt = Clock::now();
    if (m_options.onFramePosted)
        m_options.onFramePosted(*frame, picture.utcUs);
    m_mailbox->post(std::move(frame));  // Ownership of the frame is handed to the mailbox.

    const auto postedAt = Clock::now();
    m_presentedUtc = picture.utcUs;
    m_reverseThreshold = picture.utcUs;
    m_goneRetries = 0;
    m_firstAfterReposition = false;
    updateStats([&](PlaybackStats& stats) {
        ++stats.framesPosted;
        stats.presentedUtcUs = picture.utcUs;
        stats.width = width;
        stats.height = height;
        if (kind == PostKind::Seek) {
            stats.lastSeekMs = std::chrono::duration<double, std::milli>(postedAt - clock.serialSince).count();
            ++stats.seeks;
        }
    });
    refreshSourceStats();
    const bool paused = m_options.clock->isPaused();
    const SegmentIndex* growing = m_forwardSegment && !m_forwardSegment->complete() ? m_forwardSegment.get() : nullptr;
    if (!paused && !m_reverse && growing && clock.positionAt(postedAt) >= growing->endUtc()) {
        // Still behind the clock: this was the newest picture recorded.
        setState(PlaybackState::LiveEdge, utcText(growing->lastUtc()));
        return;
    }
    setState(paused ? PlaybackState::Paused : PlaybackState::Playing,
             paused ? QString() : QStringLiteral("%1 %2x%3").arg(m_decoder.codecName()).arg(width).arg(height));
}

}  // namespace vigie::player
