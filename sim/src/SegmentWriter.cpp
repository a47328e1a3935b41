#include "SegmentWriter.h"

extern "C" {
#include <libavformat/avformat.h>
#include <libavutil/mem.h>
#include <libavutil/opt.h>
}

#include <openssl/evp.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace vigie::sim {

namespace {

// The AVIOContext's buffer: the muxer writes a whole fragment (~1 s, ~250 kB at 2 Mbit/s) through it,
// so this only sets the size of each write(2).
constexpr int kIoBufferSize = 64 * 1024;

std::string averror(int code)
{
    char text[AV_ERROR_MAX_STRING_SIZE] = {};
    av_strerror(code, text, sizeof text);
    return text;
}

// Calls `visit(nalStart, nalSize)` for each NAL unit of an Annex B buffer (after its start code).
template <typename Visit>
void forEachNal(const std::vector<std::uint8_t>& data, Visit visit)
{
    const std::size_t size = data.size();
    std::size_t i = 0;
    auto startCodeAt = [&](std::size_t k) {
        return k + 3 <= size && data[k] == 0 && data[k + 1] == 0 && data[k + 2] == 1;
    };
    while (i < size && !startCodeAt(i))
        ++i;
    while (i < size) {
        const std::size_t begin = i + 3;
        std::size_t j = begin;
        while (j < size && !startCodeAt(j))
            ++j;
        std::size_t end = j;
        while (end > begin && data[end - 1] == 0)  // trailing zero of a 4-byte start code
            --end;
        if (end > begin)
            visit(begin, end - begin);
        i = j;
    }
}

} // namespace

void SegmentWriter::FormatContextDeleter::operator()(AVFormatContext* context) const { avformat_free_context(context); }

void SegmentWriter::IoContextDeleter::operator()(AVIOContext* context) const
{
    // The buffer may have been reallocated by libavformat: free the one the context holds now.
    av_freep(&context->buffer);
    avio_context_free(&context);
}

void SegmentWriter::PacketDeleter::operator()(AVPacket* packet) const { av_packet_free(&packet); }

void SegmentWriter::DigestDeleter::operator()(EVP_MD_CTX* digest) const { EVP_MD_CTX_free(digest); }

std::vector<std::uint8_t> SegmentWriter::parameterSets(const std::vector<std::uint8_t>& accessUnit,
                                                       vigie::v1::VideoCodec codec)
{
    std::vector<std::uint8_t> sets;
    forEachNal(accessUnit, [&](std::size_t begin, std::size_t size) {
        const std::uint8_t header = accessUnit[begin];
        bool wanted = false;
        if (codec == vigie::v1::VIDEO_CODEC_H265) {
            const int type = (header >> 1) & 0x3F;
            wanted = type == 32 || type == 33 || type == 34;  // VPS, SPS, PPS
        } else {
            const int type = header & 0x1F;
            wanted = type == 7 || type == 8;  // SPS, PPS
        }
        if (!wanted)
            return;
        // hvcC/avcC writers in libavformat accept Annex B extradata and keep only these units (HEVC's
        // refuses any other kind), hence the filtering.
        sets.insert(sets.end(), {0, 0, 0, 1});
        sets.insert(sets.end(), accessUnit.begin() + static_cast<std::ptrdiff_t>(begin),
                    accessUnit.begin() + static_cast<std::ptrdiff_t>(begin + size));
    });
    return sets;
}

int SegmentWriter::writePacket(void* opaque, std::uint8_t* data, int size)
{
    auto* self = static_cast<SegmentWriter*>(opaque);
    std::size_t done = 0;
    while (done < static_cast<std::size_t>(size)) {
        const ssize_t written = ::write(self->m_fd, data + done, static_cast<std::size_t>(size) - done);
        if (written < 0) {
            if (errno == EINTR)
                continue;
            self->m_ioFailed = true;
            return AVERROR(errno);
        }
        done += static_cast<std::size_t>(written);
    }
    EVP_DigestUpdate(self->m_digest.get(), data, static_cast<std::size_t>(size));
    self->m_bytes += size;
    return size;
}

std::unique_ptr<SegmentWriter> SegmentWriter::create(const std::string& path, const Format& format,
                                                     const std::vector<std::uint8_t>& firstKeyFrame,
                                                     std::string* error)
{
    std::unique_ptr<SegmentWriter> writer(new SegmentWriter);
    writer->m_fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (writer->m_fd < 0) {
        *error = "cannot create " + path + ": " + std::strerror(errno);
        return nullptr;
    }
    writer->m_digest.reset(EVP_MD_CTX_new());
    if (!writer->m_digest || EVP_DigestInit_ex(writer->m_digest.get(), EVP_sha256(), nullptr) != 1) {
        *error = "cannot start a SHA-256 digest";
        return nullptr;
    }

    AVFormatContext* context = nullptr;
    int code = avformat_alloc_output_context2(&context, nullptr, "mp4", nullptr);
    if (code < 0 || !context) {
        *error = "no mp4 muxer: " + averror(code);
        return nullptr;
    }
    writer->m_format.reset(context);

    auto* buffer = static_cast<unsigned char*>(av_malloc(kIoBufferSize));
    if (!buffer) {
        *error = "out of memory";
        return nullptr;
    }
    AVIOContext* io = avio_alloc_context(buffer, kIoBufferSize, 1, writer.get(), nullptr, &SegmentWriter::writePacket,
                                         nullptr);
    if (!io) {
        av_free(buffer);
        *error = "out of memory";
        return nullptr;
    }
    writer->m_io.reset(io);
    context->pb = io;
    context->flags |= AVFMT_FLAG_CUSTOM_IO;

    AVStream* stream = avformat_new_stream(context, nullptr);
    if (!stream) {
        *error = "cannot add a stream";
        return nullptr;
    }
    writer->m_frameTimeBase = AVRational{static_cast<int>(format.frameMs), 1000};
    stream->time_base = writer->m_frameTimeBase;
    AVCodecParameters* parameters = stream->codecpar;
    parameters->codec_type = AVMEDIA_TYPE_VIDEO;
    parameters->codec_id = format.codec == vigie::v1::VIDEO_CODEC_H265 ? AV_CODEC_ID_HEVC : AV_CODEC_ID_H264;
    parameters->width = format.width;
    parameters->height = format.height;
    const std::vector<std::uint8_t> sets = parameterSets(firstKeyFrame, format.codec);
    if (sets.empty()) {
        *error = "the first key frame carries no parameter sets";
        return nullptr;
    }
    parameters->extradata = static_cast<std::uint8_t*>(av_mallocz(sets.size() + AV_INPUT_BUFFER_PADDING_SIZE));
    if (!parameters->extradata) {
        *error = "out of memory";
        return nullptr;
    }
    std::memcpy(parameters->extradata, sets.data(), sets.size());
    parameters->extradata_size = static_cast<int>(sets.size());

    AVDictionary* options = nullptr;
    // moov first (empty_moov), a fragment per key frame, offsets relative to each moof (what MSE and
    // every demuxer expect), and no mfra index at the end: it would need seeking back in the output.
    av_dict_set(&options, "movflags", "frag_keyframe+empty_moov+default_base_moof+skip_trailer", 0);
    code = avformat_write_header(context, &options);
    av_dict_free(&options);
    if (code < 0) {
        *error = "cannot write the MP4 header: " + averror(code);
        return nullptr;
    }
    avio_flush(io);
    writer->m_packet.reset(av_packet_alloc());
    if (!writer->m_packet) {
        *error = "out of memory";
        return nullptr;
    }
    return writer;
}

SegmentWriter::~SegmentWriter()
{
    // Members free the muxer, then the I/O context; the file is closed last (a crash-free abandon leaves
    // what was written, which a restart deletes as incomplete).
    m_packet.reset();
    m_format.reset();
    m_io.reset();
    if (m_fd >= 0)
        ::close(m_fd);
}

bool SegmentWriter::write(const std::vector<std::uint8_t>& accessUnit, bool keyFrame)
{
    if (m_finished || m_ioFailed)
        return false;
    AVPacket* packet = m_packet.get();
    // Not reference-counted: the muxer copies the data into its fragment buffer before returning.
    packet->data = const_cast<std::uint8_t*>(accessUnit.data());
    packet->size = static_cast<int>(accessUnit.size());
    packet->stream_index = 0;
    packet->pts = packet->dts = m_samples;
    packet->duration = 1;  // one frame: the last sample's duration is this, not a guess
    packet->flags = keyFrame ? AV_PKT_FLAG_KEY : 0;
    // Counted in frames; the muxer chose its own time base (the track's timescale) in write_header.
    av_packet_rescale_ts(packet, m_frameTimeBase, m_format->streams[0]->time_base);
    const int code = av_write_frame(m_format.get(), packet);
    av_packet_unref(packet);
    if (code < 0)
        return false;
    ++m_samples;
    // The muxer holds a fragment until the next key frame, then writes it whole: push it to the file now
    // so that readers of the live segment get it.
    avio_flush(m_io.get());
    return !m_ioFailed;
}

bool SegmentWriter::finish(std::string* sha256, std::string* error)
{
    if (m_finished)
        return false;
    m_finished = true;
    const int code = av_write_trailer(m_format.get());
    avio_flush(m_io.get());
    if (code < 0 || m_ioFailed) {
        *error = code < 0 ? "cannot finish the MP4: " + averror(code) : "write error";
        return false;
    }
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    EVP_DigestFinal_ex(m_digest.get(), digest, &length);
    static constexpr char kHex[] = "0123456789abcdef";
    sha256->clear();
    for (unsigned int i = 0; i < length; ++i) {
        sha256->push_back(kHex[digest[i] >> 4]);
        sha256->push_back(kHex[digest[i] & 15]);
    }
    if (::close(m_fd) != 0) {
        m_fd = -1;
        *error = std::string("cannot close the segment: ") + std::strerror(errno);
        return false;
    }
    m_fd = -1;
    return true;
}

} // namespace vigie::sim
