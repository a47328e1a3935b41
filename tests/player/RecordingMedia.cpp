#include "RecordingMedia.h"

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/opt.h>
}

#include <algorithm>
#include <memory>

#include "FrameBarcode.h"

namespace vigie::test {

namespace {

struct CodecFreer {
    void operator()(AVCodecContext* context) const { avcodec_free_context(&context); }
};
struct FrameFreer {
    void operator()(AVFrame* frame) const { av_frame_free(&frame); }
};
struct PacketFreer {
    void operator()(AVPacket* packet) const { av_packet_free(&packet); }
};
struct OutputCloser {
    void operator()(AVFormatContext* context) const
    {
        if (context && context->pb)
            avio_closep(&context->pb);
        avformat_free_context(context);
    }
};

QString avText(int error)
{
    char buffer[AV_ERROR_MAX_STRING_SIZE] = {};
    av_strerror(error, buffer, sizeof buffer);
    return QString::fromUtf8(buffer);
}

// A picture that changes from frame to frame (so that P-frames carry something), barcode on top.
void paint(AVFrame& frame, int index, std::uint32_t barcode)
{
    for (int y = 0; y < frame.height; ++y) {
        std::uint8_t* row = frame.data[0] + y * frame.linesize[0];
        for (int x = 0; x < frame.width; ++x)
            row[x] = std::uint8_t(40 + ((x + y + index * 6) % 160));
    }
    for (int plane = 1; plane < 3; ++plane) {
        for (int y = 0; y < frame.height / 2; ++y)
            std::fill_n(frame.data[plane] + y * frame.linesize[plane], frame.width / 2, std::uint8_t(128));
    }
    vigie::barcode::stamp(frame.data[0], frame.linesize[0], frame.width, frame.height, barcode);
}

}  // namespace

QString generateRecording(const QString& directory, const QString& prefix, const std::vector<SegmentPlan>& plan,
                          std::uint32_t firstBarcode, const RecordingFormat& format,
                          std::vector<GeneratedSegment>& segments)
{
    segments.clear();
    // libx264 reports its settings and statistics at the info level: keep the test's output readable.
    if (av_log_get_level() > AV_LOG_WARNING)
        av_log_set_level(AV_LOG_WARNING);
    const AVCodec* codec = avcodec_find_encoder_by_name("libx264");
    if (!codec)
        return QStringLiteral("libavcodec has no libx264 encoder");
    std::unique_ptr<AVCodecContext, CodecFreer> encoder(avcodec_alloc_context3(codec));
    encoder->width = format.width;
    encoder->height = format.height;
    encoder->pix_fmt = AV_PIX_FMT_YUV420P;
    encoder->time_base = AVRational{1, format.fps};
    encoder->framerate = AVRational{format.fps, 1};
    encoder->gop_size = format.gop;
    encoder->max_b_frames = 0;
    encoder->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;  // avcC in the moov, as MP4 wants
    av_opt_set(encoder->priv_data, "preset", "ultrafast", 0);
    av_opt_set(encoder->priv_data, "tune", "zerolatency", 0);  // one packet out per picture in: no delay
    av_opt_set(encoder->priv_data, "forced-idr", "1", 0);
    const QByteArray params = QStringLiteral("keyint=%1:min-keyint=%1:scenecut=0:bframes=0").arg(format.gop).toUtf8();
    av_opt_set(encoder->priv_data, "x264-params", params.constData(), 0);
    if (const int opened = avcodec_open2(encoder.get(), codec, nullptr); opened < 0)
        return QStringLiteral("cannot open libx264: ") + avText(opened);

    std::unique_ptr<AVFrame, FrameFreer> frame(av_frame_alloc());
    frame->format = AV_PIX_FMT_YUV420P;
    frame->width = format.width;
    frame->height = format.height;
    if (av_frame_get_buffer(frame.get(), 0) < 0)
        return QStringLiteral("cannot allocate a picture");
    std::unique_ptr<AVPacket, PacketFreer> packet(av_packet_alloc());

    int index = 0;  // picture of the whole recording
    for (std::size_t s = 0; s < plan.size(); ++s) {
        const QString path = QStringLiteral("%1/%2-%3.mp4").arg(directory, prefix).arg(s);
        AVFormatContext* raw = nullptr;
        const QByteArray pathBytes = path.toUtf8();
        if (avformat_alloc_output_context2(&raw, nullptr, "mp4", pathBytes.constData()) < 0)
            return QStringLiteral("cannot create ") + path;
        std::unique_ptr<AVFormatContext, OutputCloser> output(raw);
        AVStream* stream = avformat_new_stream(output.get(), nullptr);
        avcodec_parameters_from_context(stream->codecpar, encoder.get());
        stream->time_base = AVRational{1, 12800};
        if (const int opened = avio_open(&output->pb, pathBytes.constData(), AVIO_FLAG_WRITE); opened < 0)
            return QStringLiteral("cannot write %1: %2").arg(path, avText(opened));
        AVDictionary* options = nullptr;
        av_dict_set(&options, "movflags", format.movflags.toUtf8().constData(), 0);
        const int header = avformat_write_header(output.get(), &options);
        av_dict_free(&options);
        if (header < 0)
            return QStringLiteral("cannot write the MP4 header: ") + avText(header);

        const int first = index;
        for (int k = 0; k < plan[s].frames; ++k, ++index) {
            if (av_frame_make_writable(frame.get()) < 0)
                return QStringLiteral("picture not writable");
            paint(*frame, index, firstBarcode + std::uint32_t(index));
            frame->pts = index;
            frame->pict_type = k == 0 ? AV_PICTURE_TYPE_I : AV_PICTURE_TYPE_NONE;  // each segment opens a GOP
            if (const int sent = avcodec_send_frame(encoder.get(), frame.get()); sent < 0)
                return QStringLiteral("encoding failed: ") + avText(sent);
            while (avcodec_receive_packet(encoder.get(), packet.get()) == 0) {
                // Media time 0 is the segment's first picture.
                packet->pts -= first;
                packet->dts -= first;
                packet->duration = 1;
                av_packet_rescale_ts(packet.get(), encoder->time_base, stream->time_base);
                packet->stream_index = stream->index;
                if (const int written = av_interleaved_write_frame(output.get(), packet.get()); written < 0)
                    return QStringLiteral("cannot write a packet: ") + avText(written);
            }
        }
        if (const int trailer = av_write_trailer(output.get()); trailer < 0)
            return QStringLiteral("cannot finish the MP4: ") + avText(trailer);
        const std::int64_t frameMicros = 1000000 / format.fps;
        segments.push_back({path, plan[s].startUtcUs, plan[s].startUtcUs + plan[s].frames * frameMicros,
                            firstBarcode + std::uint32_t(first), plan[s].frames});
    }
    return {};
}

}  // namespace vigie::test
