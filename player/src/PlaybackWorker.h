#pragma once
// The thread behind a PlaybackSession: follows the shared PlaybackClock, finds the segment for its position,
// demuxes it into a SegmentIndex, decodes with PlaybackDecoder and posts the picture for the clock's position
// to the mailbox when it is due. Private to player/.
//
// Threads: the owner (GUI) thread calls start()/stop()/step()/the destructor; run() and everything it calls
// (RecordingSource calls, libav calls and their callbacks, the state callback, the frame observer) run on the
// worker thread; state() and stats() may be called from any thread. The clock's listener (wake()) runs on
// whichever thread changed the clock.
//
// Waiting: the worker sleeps on m_wake until the next picture is due, or until the clock changes, a step is
// asked or stop() is called (all of them call wake()). It never polls, except at the live edge, where new bytes
// are asked for every kLiveEdgePoll.

#include <QString>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <limits>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "vigie/player/FrameMailbox.h"
#include "vigie/player/PlaybackClock.h"
#include "vigie/player/PlaybackSession.h"
#include "vigie/player/PlaybackState.h"

#include "LibavPtr.h"
#include "PlaybackDecoder.h"
#include "SegmentIndex.h"

namespace vigie::player {

class PlaybackWorker {
public:
    using StateCallback = std::function<void(PlaybackState state, const QString& detail)>;
    using Clock = std::chrono::steady_clock;

    PlaybackWorker(PlaybackOptions options, std::shared_ptr<FrameMailbox> mailbox, StateCallback onState);
    ~PlaybackWorker();  // stop()
    PlaybackWorker(const PlaybackWorker&) = delete;
    PlaybackWorker& operator=(const PlaybackWorker&) = delete;

    void start();  // no-op when running
    void stop();   // returns within milliseconds
    void step(int frames);
    // Any thread; applies from the next picture decoded.
    void setReverseCacheBytes(std::size_t bytes) { m_reverseCacheBytes.store(bytes, std::memory_order_relaxed); }
    std::size_t reverseCacheBytes() const { return m_reverseCacheBytes.load(std::memory_order_relaxed); }

    PlaybackState state() const;
    PlaybackStats stats() const;

private:
    struct Decoded {
        AVFramePtr frame;  // one reference to the decoder's picture
        std::int64_t utcUs = 0;
    };
    using SegmentPtr = std::shared_ptr<SegmentIndex>;
    // What an operation came to. Stopped: the stop flag, or the turn is abandoned to start over
    // (m_forceReposition: a segment Gone, looked up again once); Failed: the state was reported (Error,
    // OutOfRetention) and the worker waits for the clock to change (Error: or kErrorRetry); End: nothing further
    // in that direction; LiveEdge: not yet recorded, ask again shortly.
    enum class Outcome { Ok, End, LiveEdge, Stopped, Failed };

    void run();
    bool stopRequested() const { return m_stop.load(std::memory_order_acquire); }
    void wake();
    // Sleeps until woken or until `deadline` (nullopt: until woken).
    void waitUntil(std::optional<Clock::time_point> deadline);
    void setState(PlaybackState state, const QString& detail = {});
    template <typename Update>
    void updateStats(Update&& update)
    {
        std::lock_guard lock(m_statusMutex);
        update(m_stats);
    }

    // --- worker thread only -----------------------------------------------------------------------------
    void reposition(const PlaybackClock::Snapshot& clock, bool countAsSeek);
    void forwardTick(const PlaybackClock::Snapshot& clock);
    void reverseTick(const PlaybackClock::Snapshot& clock);
    void takeSteps(int frames);
    // Fails the playback with `outcome`'s state already reported; the loop waits for the clock to change.
    void failUntilClockChanges();

    // Segments: lookups (RecordingSource), opening with one retry for a Gone segment, a cache of three.
    Outcome lookup(bool before, std::int64_t utcUs, SegmentPtr& found);
    Outcome openSegment(const RecordedSegment& segment, SegmentPtr& opened);
    Outcome check(SegmentIndex::Status status, SegmentIndex& segment);
    void remember(SegmentPtr segment);
    void refreshSourceStats();

    // Decoding. Outputs go to `out` in presentation order (UTC in utcUs).
    Outcome prepareDecoder(const SegmentIndex& segment, bool* reopened = nullptr);
    void sendAndReceive(const AVPacket* packet, std::deque<Decoded>& out);
    void drainDecoder(std::deque<Decoded>& out);  // ends with a flush: the next packet must be a key frame
    // Decodes up to the picture with UTC targetUtc (packet targetIndex). Pictures before it are kept in
    // `earlier` (reverse play; bounded by the run budget) or dropped; pictures after it go to the forward queue.
    Outcome decodeTo(const SegmentPtr& segment, int targetIndex, std::int64_t targetUtc, Decoded& target,
                     std::deque<Decoded>* earlier);
    Outcome produceForward(const PlaybackClock::Snapshot& clock);
    Outcome produceReverse(const PlaybackClock::Snapshot& clock);
    // Decodes the run of GOP `key` of `segment` below hiUtc into m_run (key frame alone when key-frames-only).
    Outcome decodeRun(const SegmentPtr& segment, int key, std::int64_t hiUtc);
    bool prefetch(const PlaybackClock::Snapshot& clock);  // one step of look-ahead work; false: nothing to do
    bool prefetchPrevious();                              // the same for reverse play
    void keepRunBounded(std::deque<Decoded>& run);

    enum class PostKind { Seek, Play };
    void present(Decoded picture, PostKind kind, const PlaybackClock::Snapshot& clock);
    void noteLateness(Clock::duration lateness);

    const PlaybackOptions m_options;
    const std::shared_ptr<FrameMailbox> m_mailbox;
    const StateCallback m_onState;

    std::thread m_thread;
    std::atomic<bool> m_stop{false};
    // The `cancel` of every RecordingSource call and libav interrupt callback: set by stop(), and by the clock's
    // listener when the serial moves past m_turnSerial (a seek or step while a read is in flight: the turn is
    // abandoned and the new position served at once). Cleared by the worker at the start of each turn.
    std::atomic<bool> m_cancel{false};
    std::atomic<std::uint64_t> m_turnSerial{0};  // the clock serial the current turn works for
    std::mutex m_wakeMutex;
    std::condition_variable m_wake;
    std::uint64_t m_wakeCount = 0;  // guarded by m_wakeMutex: bumped by wake()
    std::uint64_t m_seenWake = 0;   // guarded by m_wakeMutex
    int m_stepsAsked = 0;           // guarded by m_wakeMutex
    bool m_exited = false;          // guarded by m_wakeMutex

    mutable std::mutex m_statusMutex;
    PlaybackState m_state = PlaybackState::Idle;  // guarded by m_statusMutex
    QString m_detail;                             // guarded by m_statusMutex
    PlaybackStats m_stats;                        // guarded by m_statusMutex

    // Worker thread only from here on.
    std::vector<SegmentPtr> m_segments;  // the cache, most recently used last
    std::uint64_t m_retiredBytes = 0;    // source counters of segments dropped from the cache
    std::uint64_t m_retiredCalls = 0;
    std::uint64_t m_lookupCalls = 0;
    PlaybackDecoder m_decoder;
    std::uint64_t m_sequence = 0;

    std::uint64_t m_serial = std::numeric_limits<std::uint64_t>::max();
    bool m_reverse = false;
    bool m_keyOnly = false;
    bool m_forceReposition = true;
    bool m_failed = false;
    std::uint64_t m_failedVersion = 0;
    std::optional<Clock::time_point> m_retryAt;  // Error: when to try again by itself
    int m_goneRetries = 0;
    int m_lateInRow = 0;
    bool m_tooSlow = false;   // the decoder could not keep up at |rate| m_tooSlowRate
    double m_tooSlowRate = 0;
    bool m_firstAfterReposition = true;  // the next picture's lateness does not count
    bool m_catchingUp = false;  // a growing recording got more pictures while the clock was ahead of it

    static constexpr std::int64_t kNone = std::numeric_limits<std::int64_t>::min();
    std::int64_t m_presentedUtc = kNone;

    // Forward: the next packet to send, and the pictures decoded ahead of the clock.
    SegmentPtr m_forwardSegment;
    int m_forwardNext = 0;
    bool m_decoderInStep = false;  // the decoder's references match m_forwardSegment / m_forwardNext
    std::deque<Decoded> m_forwardQueue;
    std::int64_t m_gapFrom = kNone;  // end of the recording the last picture belongs to
    SegmentPtr m_nextSegment;         // prefetched
    bool m_prefetchDone = false;      // looked up the next segment of m_forwardSegment (found or not)
    bool m_endedOnLive = false;       // played to the end of a segment listed as incomplete, none after it yet

    // Reverse: the run of decoded pictures of GOP m_reverseKey of m_reverseSegment, presented from the back.
    SegmentPtr m_reverseSegment;
    int m_reverseKey = -1;
    std::deque<Decoded> m_run;
    bool m_runTruncated = false;  // pictures of that GOP below m_run.front() are still to decode
    std::int64_t m_runLow = 0;
    std::int64_t m_reverseThreshold = kNone;  // the next picture is due when the position drops below this
    std::int64_t m_reverseGapTo = kNone;      // start of the recording the last picture belongs to
    std::size_t m_runMaxFrames = 0;           // from m_reverseCacheBytes and the picture size
    std::size_t m_runMaxFramesFor = 0;        // the budget m_runMaxFrames was worked out for
    std::atomic<std::size_t> m_reverseCacheBytes;  // set from any thread (the wall shares one budget)
    SegmentPtr m_previousSegment;             // prefetched (indexed) segment before m_reverseSegment
    bool m_previousLooked = false;            // m_previousSegment holds the answer for m_reverseSegment
};

}  // namespace vigie::player
