#include "StreamWorker.h"

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/pixdesc.h>
}

#include <algorithm>
#include <new>
#include <optional>
#include <utility>

#include "AvError.h"
#include "FrameFormat.h"
#include "LibavLog.h"
#include "ThreadWaker.h"
#include "VaapiDecoding.h"
#include "VideoFrameImpl.h"

namespace vigie::player {

namespace {

using namespace std::chrono_literals;
using Clock = StreamWorker::Clock;

struct FormatCloser {
    void operator()(AVFormatContext* context) const { avformat_close_input(&context); }
};
struct CodecFreer {
    void operator()(AVCodecContext* context) const { avcodec_free_context(&context); }
};
struct PacketFreer {
    void operator()(AVPacket* packet) const { av_packet_free(&packet); }
};
using PacketPtr = std::unique_ptr<AVPacket, PacketFreer>;

// "5 s", "2.5 s": durations as the details show them.
QString seconds(Clock::duration duration)
{
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(duration).count();
    if (ms % 1000 == 0)
        return QStringLiteral("%1 s").arg(ms / 1000);
    return QStringLiteral("%1 s").arg(double(ms) / 1000.0, 0, 'f', 1);
}

}  // namespace

// One attempt: open the URL, set up the decoder, read and decode until something ends it. Lives on the
// worker thread; the libav contexts are released when it goes out of scope.
class StreamWorker::Connection {
public:
    explicit Connection(StreamWorker& worker) : m_worker(worker) {}
    ~Connection();

    Result run();
    // How long frames flowed (zero if none was decoded), for the backoff.
    std::chrono::milliseconds played() const;

private:
    static int interruptCallback(void* opaque) { return static_cast<Connection*>(opaque)->onInterrupt(); }
    int onInterrupt();
    void armDeadline(Clock::time_point deadline);
    Result interruptedOr(Result otherwise) const;

    std::optional<Result> open();
    // allowHardware: try VAAPI if the options ask for it (false: the software fallback).
    std::optional<Result> openDecoder(bool allowHardware);
    Result readLoop();
    std::optional<Result> receiveFrames();
    // What became of a video packet, for the stats.
    enum class Fate { Decoded, SkippedBeforeKeyFrame, Shed, DecodeError };
    // Adds the packet's bytes and the decode time measured since the last call to the stats.
    void countPacket(std::uint64_t bytes, Fate fate);
    void addDecodeTime(Clock::duration spent);
    std::optional<Result> deliver();
    bool pace(std::int64_t ptsMicros);
    // Sets the decoder's skip_frame for the governor's current level; true when `packet` must not reach
    // the decoder at all (key-frames-only level, or waiting for a key frame after it).
    bool shedByOverload(const AVPacket& packet);
    // Key frames only: a decoder that reorders (B-frames) would hold each key frame back until the next
    // ones came, i.e. show pictures seconds old. Draining after each key frame shows it at once; the
    // next packet it gets is a key frame again, so the flush loses nothing.
    std::optional<Result> drainDecoder();
    // The hardware path failed before its first picture: reopen the decoder in software and replay the
    // key frame it choked on (or wait for the next one). The stream goes on.
    std::optional<Result> fallBackToSoftware();

    enum class Interrupt { None, Stop, Deadline };

    StreamWorker& m_worker;
    const StreamOptions& m_options = m_worker.m_options;
    std::unique_ptr<AVFormatContext, FormatCloser> m_format;
    std::unique_ptr<AVCodecContext, CodecFreer> m_decoder;
    AVFramePtr m_frame;
    int m_videoIndex = -1;
    AVRational m_timeBase{1, 1};

    // Read by the interrupt callback, which libav calls on this same (worker) thread.
    Clock::time_point m_deadline = Clock::time_point::max();  // abort the blocking call after this
    Clock::time_point m_stallAt = Clock::time_point::max();   // report Stalled after this
    Interrupt m_interrupt = Interrupt::None;
    Clock::time_point m_lastVideoPacket{};
    bool m_stalled = false;
    Clock::duration m_decodeTime{};  // measured in the avcodec calls, not yet added to the stats
    Clock::duration m_loadDecodeTime{};  // the same, not yet passed to the overload governor
    // After each (re)connection, decoding starts at a key frame: what comes before it would only
    // decode into grey smears.
    bool m_waitingForKeyFrame = true;

    // Overload control: the level the decoder is set for, and whether non-key packets must wait for the
    // next key frame (after key frames only, the decoder holds no reference for them).
    OverloadLevel m_appliedLevel = OverloadLevel::Full;
    bool m_resumeAtKeyFrame = false;

    // Hardware decoding: the decoder was opened with the VAAPI device; a hardware picture was delivered;
    // the hardware path failed before that (readLoop falls back); the last key packet sent while unproven,
    // to replay into the software decoder.
    bool m_hardware = false;
    bool m_hardwareProven = false;
    bool m_hardwareFailed = false;
    QString m_hardwareFailure;  // why, for the log
    PacketPtr m_hardwareKeyPacket;

    QString m_codecName;  // "h264"
    bool m_playing = false;
    Clock::time_point m_playingSince{};
    QString m_playingDetail;  // "h264 640x360", rebuilt only when the size changes
    int m_playingWidth = 0;
    int m_playingHeight = 0;

    bool m_paceAnchored = false;
    Clock::time_point m_paceWall{};
    std::int64_t m_pacePts = 0;
};

StreamWorker::Connection::~Connection()
{
    // Closing an RTSP session sends TEARDOWN: give it a moment unless we are stopping (the interrupt
    // callback then cuts it short), never the full I/O timeout.
    armDeadline(Clock::now() + 300ms);
    m_stallAt = Clock::time_point::max();  // a closing connection reports no more states
    m_decoder.reset();
    m_format.reset();
}

std::chrono::milliseconds StreamWorker::Connection::played() const
{
    if (!m_playing)
        return 0ms;
    return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - m_playingSince);
}

int StreamWorker::Connection::onInterrupt()
{
    if (m_worker.stopRequested()) {
        m_interrupt = Interrupt::Stop;
        return 1;
    }
    const auto now = Clock::now();
    if (!m_stalled && now >= m_stallAt) {
        m_stalled = true;
        m_worker.setState(StreamState::Stalled, QStringLiteral("no data for %1").arg(seconds(now - m_lastVideoPacket)));
    }
    if (now >= m_deadline) {
        m_interrupt = Interrupt::Deadline;
        return 1;
    }
    return 0;
}

void StreamWorker::Connection::armDeadline(Clock::time_point deadline)
{
    m_deadline = deadline;
    m_interrupt = Interrupt::None;
}

StreamWorker::Result StreamWorker::Connection::interruptedOr(Result otherwise) const
{
    if (m_interrupt == Interrupt::Stop || m_worker.stopRequested())
        return {Outcome::Stopped, {}};
    return otherwise;
}

StreamWorker::Result StreamWorker::Connection::run()
{
    if (auto failed = open())
        return *failed;
    if (auto failed = openDecoder(true))
        return *failed;
    return readLoop();
}

std::optional<StreamWorker::Result> StreamWorker::Connection::open()
{
    const StreamUrl& url = m_worker.m_url;
    AVFormatContext* context = avformat_alloc_context();
    if (!context)
        throw std::bad_alloc();
    // Every blocking call below polls this callback: stop() and the deadlines cut it short.
    context->interrupt_callback = {&Connection::interruptCallback, this};

    AVDictionary* options = nullptr;
    if (url.isRtsp()) {
        av_dict_set(&options, "rtsp_transport", m_options.rtspOverTcp ? "tcp" : "udp", 0);
        // The SDP names the codec and the decoder finds the parameter sets in band: no probing.
        // Defaults (5 MB / 5 s) cost 1.3-1.7 s before the first frame.
        av_dict_set_int(&options, "probesize", 32, 0);
        av_dict_set_int(&options, "analyzeduration", 0, 0);
        if (m_options.rtspOverTcp) {
            // TCP delivers in order: any reordering delay is pure latency.
            av_dict_set_int(&options, "max_delay", 0, 0);
            av_dict_set_int(&options, "reorder_queue_size", 0, 0);
        }
        // fflags=nobuffer is left out on purpose: it only affects the packets buffered by
        // avformat_find_stream_info(), which is not called for RTSP (and with probing it drops the
        // probed key frame, which delays the first picture).
        // Socket I/O timeout in microseconds, a backstop behind our own deadlines.
        const auto ioTimeout = std::max(m_options.openTimeout, m_options.stallTimeout);
        av_dict_set_int(&options, "timeout", std::chrono::microseconds(ioTimeout).count(), 0);
        av_dict_set(&options, "user_agent", "Vigie", 0);
    }

    armDeadline(Clock::now() + m_options.openTimeout);
    const int opened = avformat_open_input(&context, url.forLibav().constData(), nullptr, &options);
    av_dict_free(&options);
    if (opened < 0) {
        // avformat_open_input() freed the context.
        if (m_interrupt == Interrupt::Deadline)
            return Result{Outcome::Failed, QStringLiteral("timed out after %1").arg(seconds(m_options.openTimeout))};
        if (url.isLocalFile()) {
            // Retrying will not make a missing or unreadable file appear.
            return interruptedOr({Outcome::Fatal, describeAvError(opened) + QStringLiteral(": ") + url.redacted()});
        }
        return interruptedOr({Outcome::Failed, describeAvError(opened)});
    }
    m_format.reset(context);  // Ownership of the opened context is handed to m_format.

    // Local files: a bounded probe fills in what the container header lacks (raw .h264, MPEG-TS).
    bool needProbe = false;
    for (unsigned i = 0; i < context->nb_streams; ++i) {
        const AVCodecParameters* par = context->streams[i]->codecpar;
        if (par->codec_type == AVMEDIA_TYPE_VIDEO && (par->codec_id == AV_CODEC_ID_NONE || par->width <= 0))
            needProbe = true;
    }
    if (needProbe && url.isLocalFile()) {
        const int probed = avformat_find_stream_info(context, nullptr);
        if (probed < 0) {
            if (m_interrupt == Interrupt::Deadline)
                return Result{Outcome::Failed, QStringLiteral("timed out after %1").arg(seconds(m_options.openTimeout))};
            return interruptedOr({Outcome::Fatal, describeAvError(probed)});
        }
    }

    m_videoIndex = av_find_best_stream(context, AVMEDIA_TYPE_VIDEO, -1, -1, nullptr, 0);
    if (m_videoIndex < 0)
        return Result{Outcome::Fatal, QStringLiteral("no video stream")};
    // Audio and data streams are not ours to read: let the demuxer skip them where it can.
    for (unsigned i = 0; i < context->nb_streams; ++i) {
        if (int(i) != m_videoIndex)
            context->streams[i]->discard = AVDISCARD_ALL;
    }
    m_timeBase = context->streams[m_videoIndex]->time_base;
    return std::nullopt;
}

std::optional<StreamWorker::Result> StreamWorker::Connection::openDecoder(bool allowHardware)
{
    const AVCodecParameters* par = m_format->streams[m_videoIndex]->codecpar;
    const AVCodec* codec = avcodec_find_decoder(par->codec_id);
    if (!codec)
        return Result{Outcome::Fatal, QStringLiteral("unsupported codec %1").arg(QString::fromUtf8(avcodec_get_name(par->codec_id)))};

    m_decoder.reset(avcodec_alloc_context3(codec));
    if (!m_decoder)
        throw std::bad_alloc();
    int ret = avcodec_parameters_to_context(m_decoder.get(), par);
    if (ret >= 0) {
        // One thread per stream: frame threading adds (threads - 1) frames of latency and 20-35 % CPU
        // per frame, and dozens of streams already keep every core busy.
        m_decoder->thread_count = 1;
        m_decoder->thread_type = 0;
        m_decoder->flags |= AV_CODEC_FLAG_LOW_DELAY;
        m_decoder->pkt_timebase = m_timeBase;
        m_hardware = false;
        if (allowHardware && m_options.hardwareDecoding == StreamOptions::HardwareDecoding::Auto
            && VaapiDecoding::supports(codec)) {
            if (AVBufferRef* device = VaapiDecoding::device()) {
                m_decoder->hw_device_ctx = av_buffer_ref(device);  // the decoder's own reference
                if (!m_decoder->hw_device_ctx)
                    throw std::bad_alloc();
                m_decoder->get_format = &VaapiDecoding::pickFormat;
                m_hardware = true;
            }
        }
        ret = avcodec_open2(m_decoder.get(), codec, nullptr);
        if (ret < 0 && m_hardware) {
            VaapiDecoding::reportFallback(QString::fromUtf8(codec->name), describeAvError(ret));
            return openDecoder(false);
        }
    }
    if (ret < 0) {
        return Result{Outcome::Fatal, QStringLiteral("cannot open the %1 decoder: %2")
                                          .arg(QString::fromUtf8(codec->name), describeAvError(ret))};
    }
    m_frame.reset(av_frame_alloc());
    if (!m_frame)
        throw std::bad_alloc();
    m_appliedLevel = OverloadLevel::Full;  // a new decoder decodes everything until told otherwise
    m_codecName = QString::fromUtf8(avcodec_get_name(par->codec_id));
    const QString decoderName = QString::fromUtf8(codec->name);
    m_worker.updateStats([&](StreamStats& stats) {
        stats.codec = m_codecName;
        stats.decoderName = decoderName;
        stats.hardwareDecoding = false;  // until a hardware picture is delivered
    });
    return std::nullopt;
}

StreamWorker::Result StreamWorker::Connection::readLoop()
{
    PacketPtr packet(av_packet_alloc());
    if (!packet)
        throw std::bad_alloc();
    m_lastVideoPacket = Clock::now();

    for (;;) {
        // Before the first picture the connection gets one stall timeout to deliver; once playing it
        // shows Stalled after one and is dropped after two (a camera that hiccups keeps its session).
        const auto giveUpAfter = m_playing ? 2 * m_options.stallTimeout : m_options.stallTimeout;
        m_stallAt = m_playing && !m_stalled ? m_lastVideoPacket + m_options.stallTimeout : Clock::time_point::max();
        armDeadline(m_lastVideoPacket + giveUpAfter);

        const int read = av_read_frame(m_format.get(), packet.get());
        if (read < 0) {
            if (m_interrupt == Interrupt::Deadline) {
                return {Outcome::Failed, QStringLiteral("no data for %1").arg(seconds(Clock::now() - m_lastVideoPacket)),
                        played()};
            }
            if (read == AVERROR_EOF) {
                // Flush the decoder so that the last pictures of a file are shown too.
                const auto flushStart = Clock::now();
                const int flushed = avcodec_send_packet(m_decoder.get(), nullptr);
                addDecodeTime(Clock::now() - flushStart);
                if (flushed >= 0) {
                    auto ended = receiveFrames();
                    countPacket(0, Fate::Decoded);
                    if (ended)
                        return *ended;
                }
                return interruptedOr({Outcome::EndOfStream, QStringLiteral("end of stream"), played()});
            }
            return interruptedOr({Outcome::Failed, describeAvError(read), played()});
        }

        if (m_interrupt != Interrupt::None) {
            // Interrupted, yet a packet came out: the parser flushing the access unit it held back when
            // the read under it failed. No sign of life from the source: the connection is over.
            av_packet_unref(packet.get());
            if (m_interrupt == Interrupt::Stop)
                return {Outcome::Stopped, {}};
            return {Outcome::Failed, QStringLiteral("no data for %1").arg(seconds(Clock::now() - m_lastVideoPacket)),
                    played()};
        }

        const auto now = Clock::now();
        if (packet->stream_index != m_videoIndex) {
            av_packet_unref(packet.get());
            if (now >= m_deadline)
                return {Outcome::Failed, QStringLiteral("no video for %1").arg(seconds(now - m_lastVideoPacket)), played()};
            continue;
        }
        m_lastVideoPacket = now;
        if (m_stalled) {
            m_stalled = false;
            m_worker.m_governor.rebase();  // the pause is not a lag: measure afresh
            m_worker.setState(StreamState::Playing, m_playingDetail);
        }
        const auto bytes = std::uint64_t(std::max(packet->size, 0));
        const bool keyFrame = packet->flags & AV_PKT_FLAG_KEY;
        if (m_waitingForKeyFrame && !keyFrame) {
            av_packet_unref(packet.get());
            countPacket(bytes, Fate::SkippedBeforeKeyFrame);
            continue;
        }
        m_waitingForKeyFrame = false;
        if (shedByOverload(*packet)) {
            av_packet_unref(packet.get());
            countPacket(bytes, Fate::Shed);
            continue;
        }
        const bool hardwareTrial = m_hardware && !m_hardwareProven;
        if (hardwareTrial && keyFrame) {
            // Kept until the hardware path has delivered a picture, to replay it if it fails.
            if (!m_hardwareKeyPacket)
                m_hardwareKeyPacket.reset(av_packet_alloc());
            if (!m_hardwareKeyPacket)
                throw std::bad_alloc();
            av_packet_unref(m_hardwareKeyPacket.get());
            if (av_packet_ref(m_hardwareKeyPacket.get(), packet.get()) < 0)
                throw std::bad_alloc();
        }

        const auto sendStart = Clock::now();
        const int sent = avcodec_send_packet(m_decoder.get(), packet.get());
        addDecodeTime(Clock::now() - sendStart);
        av_packet_unref(packet.get());
        std::optional<Result> ended;
        if (sent >= 0) {
            ended = receiveFrames();
            if (!ended && !m_hardwareFailed && keyFrame && m_appliedLevel == OverloadLevel::KeyFramesOnly)
                ended = drainDecoder();
        } else if (hardwareTrial) {
            m_hardwareFailed = true;
            m_hardwareFailure = QStringLiteral("the first hardware decode failed: ") + describeAvError(sent);
        } else {
            // A damaged packet: the decoder resynchronises on the following ones by itself.
            countPacket(bytes, Fate::DecodeError);
            continue;
        }
        countPacket(bytes, Fate::Decoded);
        if (ended)
            return *ended;
        if (m_hardwareFailed) {
            if (auto failed = fallBackToSoftware())
                return *failed;
        }
    }
}

void StreamWorker::Connection::addDecodeTime(Clock::duration spent)
{
    m_decodeTime += spent;
    m_loadDecodeTime += spent;
}

bool StreamWorker::Connection::shedByOverload(const AVPacket& packet)
{
    const OverloadLevel level = m_worker.m_overloadControl ? m_worker.m_governor.level() : OverloadLevel::Full;
    if (level != m_appliedLevel) {
        if (m_appliedLevel == OverloadLevel::KeyFramesOnly)
            m_resumeAtKeyFrame = true;  // drained after its last key frame: no references for non-key ones
        switch (level) {
        case OverloadLevel::Full: m_decoder->skip_frame = AVDISCARD_DEFAULT; break;
        case OverloadLevel::ReducedRate: m_decoder->skip_frame = AVDISCARD_NONREF; break;
        case OverloadLevel::KeyFramesOnly: m_decoder->skip_frame = AVDISCARD_NONKEY; break;
        }
        m_appliedLevel = level;
    }
    if (packet.flags & AV_PKT_FLAG_KEY) {
        m_resumeAtKeyFrame = false;
        return false;
    }
    // Not even sent: the decoder would discard it anyway (AVDISCARD_NONKEY), but only after the parsing
    // and the call; at this level every saved cycle counts.
    return level == OverloadLevel::KeyFramesOnly || m_resumeAtKeyFrame;
}

std::optional<StreamWorker::Result> StreamWorker::Connection::drainDecoder()
{
    const auto drainStart = Clock::now();
    const int drained = avcodec_send_packet(m_decoder.get(), nullptr);
    addDecodeTime(Clock::now() - drainStart);
    std::optional<Result> ended;
    if (drained >= 0)
        ended = receiveFrames();
    // Ready for the next key frame; the parameter sets stay.
    avcodec_flush_buffers(m_decoder.get());
    return ended;
}

std::optional<StreamWorker::Result> StreamWorker::Connection::fallBackToSoftware()
{
    m_hardwareFailed = false;
    VaapiDecoding::reportFallback(m_codecName, m_hardwareFailure);
    PacketPtr replay = std::move(m_hardwareKeyPacket);
    m_decoder.reset();
    if (auto failed = openDecoder(false))
        return failed;
    if (!replay || !replay->data) {
        m_waitingForKeyFrame = true;
        return std::nullopt;
    }
    const auto sendStart = Clock::now();
    const int sent = avcodec_send_packet(m_decoder.get(), replay.get());
    addDecodeTime(Clock::now() - sendStart);
    if (sent < 0) {
        m_waitingForKeyFrame = true;
        countPacket(0, Fate::DecodeError);
        return std::nullopt;
    }
    auto ended = receiveFrames();
    countPacket(0, Fate::Decoded);
    return ended;
}

void StreamWorker::Connection::countPacket(std::uint64_t bytes, Fate fate)
{
    // Whole microseconds go to the stats; the remainder waits for the next packet.
    const auto micros = std::chrono::duration_cast<std::chrono::microseconds>(m_decodeTime);
    m_decodeTime -= micros;
    m_worker.updateStats([&](StreamStats& stats) {
        stats.bytesReceived += bytes;
        stats.decodeMicros += std::uint64_t(micros.count());
        if (fate == Fate::SkippedBeforeKeyFrame)
            ++stats.framesSkipped;
        if (fate == Fate::Shed)
            ++stats.overloadSkipped;
        if (fate == Fate::DecodeError)
            ++stats.decodeErrors;
    });
}

std::optional<StreamWorker::Result> StreamWorker::Connection::receiveFrames()
{
    for (;;) {
        const auto receiveStart = Clock::now();
        const int received = avcodec_receive_frame(m_decoder.get(), m_frame.get());
        addDecodeTime(Clock::now() - receiveStart);
        if (received == AVERROR(EAGAIN) || received == AVERROR_EOF)
            return std::nullopt;
        if (received < 0) {
            if (m_hardware && !m_hardwareProven) {
                m_hardwareFailed = true;  // readLoop falls back to software
                m_hardwareFailure = QStringLiteral("the first hardware decode failed: ") + describeAvError(received);
                return std::nullopt;
            }
            m_worker.updateStats([](StreamStats& stats) { ++stats.decodeErrors; });
            return std::nullopt;
        }
        if (const std::int64_t delay = m_worker.m_extraDecodeDelayMicros.load(std::memory_order_relaxed); delay > 0) {
            // Test aid (StreamOptions::extraDecodeDelay): a slower decoder, counted as decode time.
            const auto sleepStart = Clock::now();
            const bool goOn = m_worker.sleepFor(std::chrono::microseconds(delay));
            addDecodeTime(Clock::now() - sleepStart);
            if (!goOn) {
                av_frame_unref(m_frame.get());
                return Result{Outcome::Stopped, {}};
            }
        }
        if (auto ended = deliver())
            return ended;
        if (m_hardwareFailed)
            return std::nullopt;
    }
}

std::optional<StreamWorker::Result> StreamWorker::Connection::deliver()
{
    AVFrame& decoded = *m_frame;
    const bool fromHardware = VaapiDecoding::isHardwareFrame(decoded);
    if (fromHardware) {
        const auto downloadStart = Clock::now();
        const int downloaded = VaapiDecoding::download(decoded);
        addDecodeTime(Clock::now() - downloadStart);
        if (downloaded < 0) {
            av_frame_unref(&decoded);
            if (!m_hardwareProven) {
                m_hardwareFailed = true;  // readLoop falls back to software
                m_hardwareFailure = QStringLiteral("cannot download the hardware picture: ") + describeAvError(downloaded);
            } else {
                m_worker.updateStats([](StreamStats& stats) { ++stats.decodeErrors; });
            }
            return std::nullopt;
        }
    } else if (m_hardware && !m_hardwareProven) {
        // The decoder chose software in get_format (the device lacks this profile): nothing to watch.
        m_hardware = false;
        m_hardwareKeyPacket.reset();
        VaapiDecoding::reportFallback(m_codecName, QStringLiteral("profile not supported by the device"));
    }
    const auto format = AVPixelFormat(decoded.format);
    const std::optional<PixelLayout> layout = layoutOf(format);
    if (!layout && fromHardware) {
        // A surface layout the renderer lacks: the software decoder outputs one it draws.
        const char* name = av_get_pix_fmt_name(format);
        av_frame_unref(&decoded);
        m_hardwareFailed = true;
        m_hardwareFailure = QStringLiteral("hardware pictures in %1").arg(QString::fromUtf8(name ? name : "an unknown format"));
        return std::nullopt;
    }
    if (fromHardware && !m_hardwareProven) {
        m_hardwareProven = true;
        m_hardwareKeyPacket.reset();
        m_worker.updateStats([](StreamStats& stats) { stats.hardwareDecoding = true; });
    }
    if (!layout) {
        const char* name = av_get_pix_fmt_name(format);
        av_frame_unref(&decoded);
        return Result{Outcome::Fatal, QStringLiteral("unsupported pixel format %1").arg(QString::fromUtf8(name ? name : "unknown"))};
    }
    if ((decoded.flags & AV_FRAME_FLAG_CORRUPT) || decoded.decode_error_flags) {
        // Shown anyway (a concealed glitch beats a frozen picture on a live camera), but counted.
        m_worker.updateStats([](StreamStats& stats) { ++stats.decodeErrors; });
    }

    const std::int64_t timestamp = decoded.best_effort_timestamp;
    const std::int64_t ptsMicros = timestamp == AV_NOPTS_VALUE ? 0 : av_rescale_q(timestamp, m_timeBase, AV_TIME_BASE_Q);
    if (m_options.realtimeFiles && m_worker.m_url.isLocalFile() && !pace(ptsMicros)) {
        av_frame_unref(&decoded);
        return Result{Outcome::Stopped, {}};
    }
    if (m_worker.m_overloadControl && timestamp != AV_NOPTS_VALUE) {
        // Measured once the picture is due (after pacing): a picture decoded early and held back is
        // on time, not ahead of the stream.
        m_worker.observeFrame(Clock::now(), ptsMicros, std::exchange(m_loadDecodeTime, Clock::duration::zero()));
    }

    const ColorMatrix matrix = matrixOf(decoded);
    const ColorRange range = rangeOf(decoded);
    const int width = decoded.width;
    const int height = decoded.height;

    auto impl = std::make_unique<VideoFrame::Impl>();
    impl->frame.reset(av_frame_alloc());
    if (!impl->frame)
        throw std::bad_alloc();
    // The buffer references move to the new AVFrame (no copy of the planes); m_frame is left blank
    // for the decoder's next picture.
    av_frame_move_ref(impl->frame.get(), &decoded);
    auto frame = std::make_unique<VideoFrame>(std::move(impl), *layout, matrix, range);
    frame->ptsMicros = ptsMicros;
    frame->sequence = ++m_worker.m_sequence;
    frame->decodedAt = Clock::now();

    m_worker.updateStats([&](StreamStats& stats) {
        stats.width = width;
        stats.height = height;
        ++stats.framesDecoded;
        stats.lastFrameAt = frame->decodedAt;
    });
    if (!m_playing || width != m_playingWidth || height != m_playingHeight) {
        // First picture of this connection, or the camera changed its resolution.
        if (!m_playing)
            m_playingSince = frame->decodedAt;
        m_playing = true;
        m_playingWidth = width;
        m_playingHeight = height;
        m_playingDetail = QStringLiteral("%1 %2x%3").arg(m_codecName).arg(width).arg(height);
        m_worker.setState(StreamState::Playing, m_playingDetail);
    }

    m_worker.m_mailbox->post(std::move(frame));  // Ownership of the frame is handed to the mailbox.
    return std::nullopt;
}

bool StreamWorker::Connection::pace(std::int64_t ptsMicros)
{
    const auto now = Clock::now();
    // (Re)anchor on the first frame, when time goes backwards (a looping file) or jumps by more than a
    // second (a gap): waiting that long would look like a frozen camera.
    const auto target = m_paceWall + std::chrono::microseconds(ptsMicros - m_pacePts);
    if (!m_paceAnchored || ptsMicros < m_pacePts || target - now > 1s) {
        m_paceAnchored = true;
        m_paceWall = now;
        m_pacePts = ptsMicros;
        return !m_worker.stopRequested();
    }
    if (target <= now)
        return !m_worker.stopRequested();
    return m_worker.sleepFor(target - now);
}

// --- StreamWorker -------------------------------------------------------------------------------

StreamWorker::StreamWorker(StreamOptions options, std::shared_ptr<FrameMailbox> mailbox, StateCallback onState,
                           OverloadCallback onOverload)
    : m_options(std::move(options)),
      m_url(m_options.url),
      m_mailbox(std::move(mailbox)),
      m_onState(std::move(onState)),
      m_onOverload(std::move(onOverload)),
      m_overloadControl(!m_url.isLocalFile() || m_options.realtimeFiles),
      m_governor(m_options.overload),
      m_priority(m_options.priority),
      m_extraDecodeDelayMicros(m_options.extraDecodeDelay.count())
{
    ThreadWaker::install();
    installLibavLogHandler();
}

StreamWorker::~StreamWorker() { stop(); }

void StreamWorker::start()
{
    if (m_thread.joinable())
        return;  // running: after an Error the thread waits for stop(), so joinable means running
    m_stopRequested.store(false);
    {
        std::lock_guard lock(m_wakeMutex);
        m_exited = false;
    }
    {
        std::lock_guard lock(m_statusMutex);
        m_stats = {};
    }
    m_sequence = 0;
    m_thread = std::thread([this] { run(); });
}

void StreamWorker::stop()
{
    if (!m_thread.joinable())
        return;
    {
        // Set under the mutex so that a sleeping worker cannot miss the notification.
        std::lock_guard lock(m_wakeMutex);
        m_stopRequested.store(true, std::memory_order_release);
    }
    m_wake.notify_all();
    std::unique_lock lock(m_wakeMutex);
    while (!m_exited) {
        // Repeated because a single signal can land just before the worker enters poll().
        ThreadWaker::wake(m_thread.native_handle());
        m_wake.wait_for(lock, 2ms, [this] { return m_exited; });
    }
    lock.unlock();
    m_thread.join();
}

StreamState StreamWorker::state() const
{
    std::lock_guard lock(m_statusMutex);
    return m_state;
}

StreamStats StreamWorker::stats() const
{
    std::lock_guard lock(m_statusMutex);
    return m_stats;
}

void StreamWorker::setState(StreamState state, const QString& detail)
{
    {
        std::lock_guard lock(m_statusMutex);
        m_state = state;
    }
    if (m_onState)
        m_onState(state, detail);  // outside the lock: receivers may call state()/stats()
}

void StreamWorker::observeFrame(Clock::time_point now, std::int64_t ptsMicros, Clock::duration decodeTime)
{
    m_governor.setPriority(m_priority.load(std::memory_order_relaxed));
    setOverloadLevel(m_governor.onFrame(now, ptsMicros, decodeTime));
}

void StreamWorker::setOverloadLevel(OverloadLevel level)
{
    if (level == m_reportedLevel)
        return;
    m_reportedLevel = level;
    updateStats([level](StreamStats& stats) { stats.overloadLevel = level; });
    if (m_onOverload)
        m_onOverload(level);  // outside the lock, like the state callback
}

bool StreamWorker::sleepFor(std::chrono::nanoseconds delay)
{
    std::unique_lock lock(m_wakeMutex);
    m_wake.wait_for(lock, delay, [this] { return stopRequested(); });
    return !stopRequested();
}

void StreamWorker::waitForStop()
{
    std::unique_lock lock(m_wakeMutex);
    m_wake.wait(lock, [this] { return stopRequested(); });
}

StreamWorker::Result StreamWorker::connectOnce()
{
    Connection connection(*this);
    Result result = connection.run();
    result.played = connection.played();
    return result;  // the connection's libav contexts are closed here
}

void StreamWorker::run()
{
    ReconnectBackoff backoff;
    // A new run decodes everything (start() reset the stats; the GUI hears it if the last run ended degraded).
    m_governor.reset();
    setOverloadLevel(OverloadLevel::Full);
    while (!stopRequested()) {
        m_governor.rebase();  // a new connection: a new time reference; the level is kept
        setState(StreamState::Connecting, m_url.redacted());
        Result result = connectOnce();
        if (stopRequested() || result.outcome == Outcome::Stopped)
            break;

        if (result.outcome == Outcome::EndOfStream) {
            if (m_url.isLocalFile() && !m_options.reconnect) {
                // See StreamState::Ended: keep the last picture if there was one.
                const bool decodedAny = stats().framesDecoded > 0;
                setState(decodedAny ? StreamState::Ended : StreamState::Error, QStringLiteral("end of stream"));
                waitForStop();
                break;
            }
            if (!m_url.isLocalFile())
                result.detail = QStringLiteral("the server ended the stream");
        }
        if (result.outcome == Outcome::Fatal || !m_options.reconnect) {
            setState(StreamState::Error, result.detail);
            waitForStop();
            break;
        }

        backoff.connectionPlayed(result.played);
        const auto delay = backoff.nextDelay();
        updateStats([](StreamStats& stats) { ++stats.reconnects; });
        setState(StreamState::Reconnecting, result.detail);
        if (!sleepFor(delay))
            break;
    }
    setState(StreamState::Stopped, {});
    {
        std::lock_guard lock(m_wakeMutex);
        m_exited = true;
    }
    m_wake.notify_all();
}

}  // namespace vigie::player
