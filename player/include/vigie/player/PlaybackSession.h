#pragma once
// One camera's recording played in step with a shared PlaybackClock, into the same kind of FrameMailbox the
// wall renders live frames from (the renderer needs no change).
//
// Thread affinity: construct, start(), stop(), step() and destroy on the owner's thread (the GUI thread).
// Signals are emitted from the worker thread; receivers in the GUI thread get them queued. state() and
// stats() may be called from any thread. The clock may be driven from any thread.
//
// One worker thread per session owns demuxing and decoding: segments are read through RecordingSource (a
// custom AVIOContext, 1 MiB chunks), demuxed into an in-memory packet index (random access for seek, reverse
// and step without relying on the file's own seek index), decoded single-threaded. At clock position T the
// tile shows the frame with the greatest UTC <= T. Every frame up to |rate| 4, key frames only above (and
// when the decoder cannot keep up: PlaybackStats::decoderTooSlow). stop() returns within milliseconds: the
// stop flag is the `cancel` of every RecordingSource call and every libav call has an interrupt callback. A seek
// (or step) cancels a RecordingSource call in flight the same way, so a slow link never delays the new position
// by more than the call's cancellation; the segment is demuxed again later from a new pass that skips the
// packets already indexed.
//
// Memory per session: the packet indexes of three segments (previous, current, next; five for a moment while
// crossing a boundary): their compressed video, ~7.5 MB a minute at 1 Mbit/s. One decoder (its own reference
// pictures). Forward, a picture or two decoded ahead. Reverse, one run of decoded pictures, at most
// PlaybackOptions::reverseCacheBytes (and never fewer than 8 pictures).

#include <QObject>
#include <QString>

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "vigie/player/FrameMailbox.h"
#include "vigie/player/PlaybackClock.h"
#include "vigie/player/PlaybackState.h"
#include "vigie/player/RecordingSource.h"

namespace vigie::player {

struct PlaybackOptions {
    std::string cameraId;
    std::shared_ptr<RecordingSource> source;
    std::shared_ptr<PlaybackClock> clock;  // shared by every tile of the review
    // Decoded pictures reverse play keeps at most (one run of a GOP, newest last); at least 8 pictures are kept
    // whatever the size. 48 MiB = 139 pictures of 640x360, 15 of 1920x1080 (a longer GOP is decoded in runs).
    std::size_t reverseCacheBytes = 48u << 20;
    // Above this |rate| only key frames are decoded.
    double allFramesMaxRate = 4.0;
    // A picture posted later than this after it was due counts as late; three late in a row: key frames only
    // for this session (PlaybackStats::decoderTooSlow) until the rate changes or a seek.
    std::chrono::milliseconds lateThreshold{150};
    // Test and diagnostics aid: called on the worker thread with each picture just before it is posted (keep it
    // short). The frame is the one the mailbox gets.
    std::function<void(const VideoFrame& frame, std::int64_t utcUs)> onFramePosted;
};

// Reset by start().
struct PlaybackStats {
    std::uint64_t framesDecoded = 0;
    std::uint64_t framesPosted = 0;
    std::int64_t presentedUtcUs = 0;  // UTC of the last picture posted; 0 = none yet
    bool keyFramesOnly = false;       // decoding key frames only now (fast rate or decoderTooSlow)
    bool decoderTooSlow = false;      // fell back to key frames only because pictures came late
    std::uint64_t lateFrames = 0;     // pictures posted more than lateThreshold after they were due
    double lastSeekMs = 0;            // from the clock's last seek (or step) to its picture being posted
    std::uint64_t seeks = 0;          // seeks that posted their picture (lastSeekMs is the latest one)
    std::uint64_t segmentsOpened = 0;
    std::uint64_t decoderOpens = 0;   // kept across segments with equal codec parameters, reopened otherwise
    std::uint64_t decodeErrors = 0;
    std::uint64_t decodeMicros = 0;   // steady-clock time spent in avcodec_send_packet / avcodec_receive_frame
    std::uint64_t bytesRead = 0;      // bytes read from the RecordingSource
    std::uint64_t sourceCalls = 0;    // RecordingSource calls (lookups and reads)
    QString codec;                    // "h264"
    int width = 0;
    int height = 0;
};

class PlaybackWorker;  // private, player/src

class PlaybackSession : public QObject {
    Q_OBJECT
public:
    explicit PlaybackSession(PlaybackOptions options, QObject* parent = nullptr);
    ~PlaybackSession() override;  // stops and joins the worker

    void start();
    void stop();
    // Pauses the clock and moves it to the UTC of the frame `frames` pictures after (negative: before) the one
    // this session shows, over segment boundaries and gaps: every tile on the clock follows. Asynchronous (the
    // worker knows the frames); steps asked while one is being worked out add up.
    void step(int frames);
    // Changes PlaybackOptions::reverseCacheBytes while playing (any thread): a wall re-shares its budget when its
    // layout changes. Applies from the next picture decoded.
    void setReverseCacheBytes(std::size_t bytes);
    std::size_t reverseCacheBytes() const;

    const PlaybackOptions& options() const { return m_options; }
    // The mailbox outlives the session if a renderer still holds it.
    std::shared_ptr<FrameMailbox> mailbox() const { return m_mailbox; }
    PlaybackState state() const;  // last state reported (any thread)
    PlaybackStats stats() const;  // snapshot (any thread)

signals:
    // detail: why (Error: "cannot list the recordings: …", "the recording was destroyed while being read"…);
    // NoRecording: the UTC of the next picture in the direction of play, ISO 8601 with milliseconds
    // ("2026-05-28T10:00:10.000Z", Qt::ISODateWithMs), empty when nothing is recorded that way; LiveEdge: the UTC
    // of the newest picture recorded so far, same format; Playing: the codec and size ("h264 640x360").
    // Paused: empty.
    void stateChanged(vigie::player::PlaybackState state, const QString& detail);

private:
    PlaybackOptions m_options;
    std::shared_ptr<FrameMailbox> m_mailbox;
    std::unique_ptr<PlaybackWorker> m_worker;
};

}  // namespace vigie::player
