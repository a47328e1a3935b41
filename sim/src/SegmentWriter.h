#pragma once

#include <vigie/v1/directory.pb.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

extern "C" {
#include <libavutil/rational.h>
}

struct AVFormatContext;
struct AVIOContext;
struct AVPacket;
typedef struct evp_md_ctx_st EVP_MD_CTX;

namespace vigie::sim {

// Writes one recorded segment: a fragmented MP4 (`moov` first, then one `moof`/`mdat` fragment per key
// frame) muxed by libavformat from pre-encoded access units, with no re-encoding. Fragmented so that the
// live segment is readable while it grows; every fragment reaches the file (write(2)) as soon as the
// muxer closes it, and the SHA-256 is computed on the bytes as they are written (the output is never
// sought: non-seekable AVIOContext, no `mfra` trailer).
//
// Why libavformat rather than GStreamer's mp4mux: the recorder is one thread writing every camera's
// access units at its own pace (and the backfill writes past hours as fast as the disk goes), which is a
// plain function call per frame here, against a pipeline (appsrc ! parse ! mp4mux ! filesink) with its
// threads per camera there; FFmpeg 5.1 is already a dependency (player/), and the tests demux with it.
//
// Media time 0 is the first sample; sample n is at n frame durations (the caller writes every tick).
// Not thread-safe: owned by the recorder thread.
class SegmentWriter {
public:
    struct Format {
        vigie::v1::VideoCodec codec = vigie::v1::VIDEO_CODEC_H264;
        int width = 0;
        int height = 0;
        std::int64_t frameMs = 40;
    };

    // Creates `path` (truncating it). `firstKeyFrame` gives the parameter sets (SPS/PPS, and VPS for
    // H.265) for the `moov`, which is written before any sample. Null with *error on failure.
    static std::unique_ptr<SegmentWriter> create(const std::string& path, const Format& format,
                                                 const std::vector<std::uint8_t>& firstKeyFrame, std::string* error);
    ~SegmentWriter();
    SegmentWriter(const SegmentWriter&) = delete;
    SegmentWriter& operator=(const SegmentWriter&) = delete;

    // Appends the next sample (Annex B access unit). False on a write error.
    bool write(const std::vector<std::uint8_t>& accessUnit, bool keyFrame);
    std::int64_t samples() const { return m_samples; }
    // Bytes written to the file so far (what a reader may read).
    std::int64_t bytesWritten() const { return m_bytes; }
    // Writes the last fragment and closes the file; *sha256 = the file's SHA-256 (lowercase hex).
    bool finish(std::string* sha256, std::string* error);

    // The parameter-set NAL units of an Annex B access unit (with their start codes), for the `moov`.
    static std::vector<std::uint8_t> parameterSets(const std::vector<std::uint8_t>& accessUnit,
                                                   vigie::v1::VideoCodec codec);

private:
    SegmentWriter() = default;
    // FFmpeg 5.1 declares the buffer non-const; it is only read.
    static int writePacket(void* opaque, std::uint8_t* data, int size);

    struct FormatContextDeleter { void operator()(AVFormatContext* context) const; };
    struct IoContextDeleter { void operator()(AVIOContext* context) const; };
    struct PacketDeleter { void operator()(AVPacket* packet) const; };
    struct DigestDeleter { void operator()(EVP_MD_CTX* digest) const; };

    int m_fd = -1;
    bool m_ioFailed = false;
    std::int64_t m_bytes = 0;
    std::int64_t m_samples = 0;
    AVRational m_frameTimeBase{40, 1000};  // one frame
    bool m_finished = false;
    std::unique_ptr<EVP_MD_CTX, DigestDeleter> m_digest;
    std::unique_ptr<AVIOContext, IoContextDeleter> m_io;
    std::unique_ptr<AVFormatContext, FormatContextDeleter> m_format;
    std::unique_ptr<AVPacket, PacketDeleter> m_packet;
};

} // namespace vigie::sim
