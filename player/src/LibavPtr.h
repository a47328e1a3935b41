#pragma once
// unique_ptr deleters for the libav objects of the playback engine (StreamWorker keeps its own, private ones).

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavformat/avio.h>
#include <libavutil/mem.h>
}

#include <memory>

#include "VideoFrameImpl.h"  // AVFramePtr

namespace vigie::player {

struct AvFormatCloser {
    void operator()(AVFormatContext* context) const { avformat_close_input(&context); }
};
struct AvCodecFreer {
    void operator()(AVCodecContext* context) const { avcodec_free_context(&context); }
};
struct AvPacketFreer {
    void operator()(AVPacket* packet) const { av_packet_free(&packet); }
};
struct AvCodecParametersFreer {
    void operator()(AVCodecParameters* parameters) const { avcodec_parameters_free(&parameters); }
};
// A custom AVIOContext and its buffer (libav may have replaced the buffer we gave it: free the current one).
struct AvIoFreer {
    void operator()(AVIOContext* io) const
    {
        if (io)
            av_freep(&io->buffer);
        avio_context_free(&io);
    }
};

using FormatPtr = std::unique_ptr<AVFormatContext, AvFormatCloser>;
using CodecPtr = std::unique_ptr<AVCodecContext, AvCodecFreer>;
using PacketPtr = std::unique_ptr<AVPacket, AvPacketFreer>;
using CodecParametersPtr = std::unique_ptr<AVCodecParameters, AvCodecParametersFreer>;
using AvIoPtr = std::unique_ptr<AVIOContext, AvIoFreer>;

}  // namespace vigie::player
