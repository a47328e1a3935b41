#include "PlaybackDecoder.h"

#include <cstring>
#include <new>

#include "AvError.h"

namespace vigie::player {

bool PlaybackDecoder::fits(const AVCodecParameters& parameters) const
{
    if (!m_context || !m_parameters)
        return false;
    const AVCodecParameters& open = *m_parameters;
    return open.codec_id == parameters.codec_id && open.width == parameters.width && open.height == parameters.height
        && open.format == parameters.format && open.extradata_size == parameters.extradata_size
        && (open.extradata_size == 0
            || std::memcmp(open.extradata, parameters.extradata, std::size_t(open.extradata_size)) == 0);
}

std::optional<QString> PlaybackDecoder::prepare(const AVCodecParameters& parameters, bool* reopened)
{
    if (reopened)
        *reopened = false;
    if (fits(parameters))
        return std::nullopt;
    close();
    const AVCodec* codec = avcodec_find_decoder(parameters.codec_id);
    if (!codec)
        return QStringLiteral("unsupported codec %1").arg(QString::fromUtf8(avcodec_get_name(parameters.codec_id)));
    CodecPtr context(avcodec_alloc_context3(codec));
    CodecParametersPtr copy(avcodec_parameters_alloc());
    if (!context || !copy || avcodec_parameters_copy(copy.get(), &parameters) < 0)
        throw std::bad_alloc();
    int ret = avcodec_parameters_to_context(context.get(), &parameters);
    if (ret >= 0) {
        // One thread per session: frame threading would add (threads - 1) pictures of delay to every seek.
        context->thread_count = 1;
        context->thread_type = 0;
        context->pkt_timebase = AVRational{1, 1000000};  // packets carry UTC microseconds
        ret = avcodec_open2(context.get(), codec, nullptr);
    }
    if (ret < 0) {
        return QStringLiteral("cannot open the %1 decoder: %2").arg(QString::fromUtf8(codec->name), describeAvError(ret));
    }
    m_context = std::move(context);
    m_parameters = std::move(copy);
    m_codecName = QString::fromUtf8(avcodec_get_name(parameters.codec_id));
    if (reopened)
        *reopened = true;
    return std::nullopt;
}

int PlaybackDecoder::send(const AVPacket* packet) { return avcodec_send_packet(m_context.get(), packet); }

int PlaybackDecoder::receive(AVFrame& frame) { return avcodec_receive_frame(m_context.get(), &frame); }

void PlaybackDecoder::flush()
{
    if (m_context)
        avcodec_flush_buffers(m_context.get());
}

void PlaybackDecoder::close()
{
    m_context.reset();
    m_parameters.reset();
}

}  // namespace vigie::player
