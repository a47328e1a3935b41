#pragma once
// One live stream: a worker thread that owns demuxing and decoding of one URL, and hands decoded
// frames to the GUI through a FrameMailbox.
//
// Thread affinity: construct, start(), stop() and destroy on the owner's thread (the GUI thread).
// Signals are emitted from the worker thread; receivers in the GUI thread get them queued.
// Every blocking libav call is interruptible: stop() and the destructor return within milliseconds
// even when the camera does not answer. One exception: libav resolves host names with a plain
// getaddrinfo(), which nothing interrupts; with a host name in the URL and a resolver that does not
// answer, stop() waits for the resolver's timeout.
// To cut a blocked poll() inside libav short, stop() sends the worker thread the real-time signal
// SIGRTMIN+5 (empty handler, SA_RESTART); the signal is left alone if the application already handles it.
// libav's own log goes to the Qt logging category "vigie.player.libav" (warnings only by default).
//
// Overload control (live streams, and local files played with realtimeFiles): when decoding falls behind
// real time the worker skips non-reference frames, then decodes key frames only, and steps back up when
// there is room again (OverloadGovernor, player/src). The stream stays Playing; overloadChanged() and
// StreamStats::overloadLevel say how much is decoded. setPriority() favours the streams that matter most.
//
// Hardware decoding (StreamOptions::hardwareDecoding = Auto): VAAPI through libavutil's hwcontext, with a
// fallback to software when there is no device, the codec or profile is not supported, or the first
// hardware decode fails. StreamStats::hardwareDecoding says which path is in use.

#include <QObject>
#include <QString>

#include <chrono>
#include <cstdint>
#include <memory>

#include "vigie/player/FrameMailbox.h"
#include "vigie/player/Overload.h"
#include "vigie/player/StreamState.h"

namespace vigie::player {

struct StreamOptions {
    QString url;                   // rtsp://…, or a local file path / file: URL (tests, benchmarks)
    bool rtspOverTcp = true;       // RTP interleaved in the RTSP TCP connection
    std::chrono::milliseconds openTimeout{5000};    // give up opening after this
    // No video packet for this long -> Stalled; for twice as long -> reconnect (a camera that hiccups keeps
    // its session). Before the first picture, one stall timeout without data is a failure.
    std::chrono::milliseconds stallTimeout{5000};
    // Retry with backoff (ReconnectBackoff) after a failure or the end of the stream; a local file then
    // plays again from the start. Off: failures are an Error, the end of a file is Ended.
    bool reconnect = true;
    bool realtimeFiles = false;    // pace local files at their frame rate (live-like); false = as fast as decoded

    // Overload control applies to live streams and to files with realtimeFiles (a file decoded as fast as
    // possible is never "behind"). Thresholds for Normal priority; High derives its own from them.
    OverloadThresholds overload;
    StreamPriority priority = StreamPriority::Normal;  // initial priority; see StreamSession::setPriority

    // Off by default: the library's output is then the same on every machine (bit-exact software
    // pictures in the codec's own format, what tests and benchmarks compare against). The application
    // opts into Auto, where offloading decoding is worth the readback copy.
    enum class HardwareDecoding { Off, Auto };
    HardwareDecoding hardwareDecoding = HardwareDecoding::Off;

    // Test and benchmark aid, never for production: the worker sleeps this long after every picture the
    // decoder outputs, and counts the sleep as decode time, to play a decoder too slow for real time.
    // Changeable while running with StreamSession::setExtraDecodeDelay().
    std::chrono::microseconds extraDecodeDelay{0};
};

// Reset by start(); counts add up over the reconnections of one run.
struct StreamStats {
    QString codec;        // e.g. "h264", "hevc"
    int width = 0;
    int height = 0;
    std::uint64_t framesDecoded = 0;
    std::uint64_t decodeErrors = 0;
    int reconnects = 0;
    std::uint64_t bytesReceived = 0;  // sum of the video packets' sizes (including skipped ones)
    std::uint64_t decodeMicros = 0;   // steady-clock time spent in avcodec_send_packet / avcodec_receive_frame
    // Video packets dropped before decoding while waiting for a key frame (after each (re)connection).
    std::uint64_t framesSkipped = 0;
    std::chrono::steady_clock::time_point lastFrameAt{};  // when the last frame was decoded; epoch = none yet
    // Overload control: the level now, and the video packets not sent to the decoder because of it
    // (key-frames-only level, and the wait for a key frame after it). Frames the decoder itself skips at
    // the reduced-rate level are not counted: they simply do not come out.
    OverloadLevel overloadLevel = OverloadLevel::Full;
    std::uint64_t overloadSkipped = 0;
    // The libav decoder in use ("h264", "hevc"), and whether its pictures come from VAAPI (true only once
    // a hardware picture was delivered; false after a fallback to software).
    QString decoderName;
    bool hardwareDecoding = false;
};

class StreamWorker;  // private, player/src

class StreamSession : public QObject {
    Q_OBJECT
public:
    explicit StreamSession(StreamOptions options, QObject* parent = nullptr);
    ~StreamSession() override;  // stops and joins the worker

    void start();
    void stop();

    const StreamOptions& options() const { return m_options; }
    // The mailbox outlives the session if a renderer still holds it.
    std::shared_ptr<FrameMailbox> mailbox() const { return m_mailbox; }
    StreamState state() const;  // last state reported (any thread)
    StreamStats stats() const;  // snapshot (any thread)

    // Owner's thread, any time (running or not): handed to the worker atomically, applied from its next
    // picture on. Kept across stop()/start().
    void setPriority(StreamPriority priority);
    StreamPriority priority() const;
    // Test and benchmark aid (see StreamOptions::extraDecodeDelay); owner's thread, any time.
    void setExtraDecodeDelay(std::chrono::microseconds delay);

signals:
    // detail: human-readable reason for Error/Reconnecting/Stalled ("connection refused", "404 Not Found",
    // "unsupported pixel format bgr0"), or the codec and size when Playing.
    void stateChanged(vigie::player::StreamState state, const QString& detail);
    // The overload level changed (also emitted with Full when a run starts again after a degraded one).
    void overloadChanged(vigie::player::OverloadLevel level);

private:
    StreamOptions m_options;
    std::shared_ptr<FrameMailbox> m_mailbox;
    std::unique_ptr<StreamWorker> m_worker;
};

}  // namespace vigie::player
