#pragma once
// A decoded picture on its way from a stream worker to the renderer.
//
// A VideoFrame owns one reference to a decoded AVFrame's buffers (no copy of the planes is made when a
// decoder output becomes a VideoFrame). The renderer reads the planes in place and uploads them with
// glTexSubImage2D using planeStride() as GL_UNPACK_ROW_LENGTH. libav types never appear in this header,
// so that widgets/ can render frames without touching libav.

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>

namespace vigie::player {

// Y'CbCr -> R'G'B' matrix of the picture.
enum class ColorMatrix { Bt601, Bt709 };
// Limited ("TV", Y in 16..235) or full ("PC"/JPEG, 0..255) quantisation range.
enum class ColorRange { Limited, Full };

// How the picture's samples are laid out: the layouts the renderer draws. Anything else is reported by
// the stream as an unsupported format (never a silent black tile).
enum class PixelLayout {
    Yuv420p,    // 3 planes of 8-bit samples, chroma halved in both directions
    Yuv422p,    // 3 planes of 8-bit samples, chroma halved horizontally
    Yuv444p,    // 3 planes of 8-bit samples, full chroma
    Nv12,       // 2 planes of 8-bit samples: Y, then Cb Cr interleaved; chroma halved in both directions
    Yuv420p10,  // 3 planes of 16-bit little-endian samples, 10 significant bits in the low bits (0..1023)
    P010,       // 2 planes like Nv12, 16-bit little-endian samples with the 10 bits in the high bits
    Bgra,       // 1 plane of packed 8-bit B, G, R, X (QImage::Format_RGB32 on little-endian): an RGB picture
                // already converted and scaled for a software renderer (see FrameMailbox::setDeliveredSize)
};

// Planes of the layout (1 for Bgra, 2 or 3 for Y'CbCr).
int planeCount(PixelLayout layout);
// Bytes per sample of one component (1 or 2; 16-bit samples are little-endian).
int bytesPerSample(PixelLayout layout);
// Components per sample of a plane: 2 for the interleaved Cb Cr plane of Nv12 / P010, 4 for Bgra, 1 otherwise.
int planeComponents(PixelLayout layout, int plane);
// log2 of the chroma subsampling (horizontal, vertical).
int chromaShiftX(PixelLayout layout);
int chromaShiftY(PixelLayout layout);

class VideoFrame {
public:
    ~VideoFrame();
    VideoFrame(const VideoFrame&) = delete;
    VideoFrame& operator=(const VideoFrame&) = delete;

    // Another VideoFrame on the same buffers (a reference, no copy of the planes); read-only.
    std::unique_ptr<VideoFrame> shareBuffers() const;

    // Allocates a writable frame with its own buffers (used by tests and synthetic sources).
    static std::unique_ptr<VideoFrame> allocate(int width, int height, PixelLayout layout,
                                                ColorMatrix matrix, ColorRange range);

    int width() const;
    int height() const;
    PixelLayout layout() const { return m_layout; }
    ColorMatrix matrix() const { return m_matrix; }
    ColorRange range() const { return m_range; }

    static constexpr int kPlaneCount = 3;  // the most planes a layout has; see planeCount()
    int planeCount() const { return vigie::player::planeCount(m_layout); }
    int bytesPerSample() const { return vigie::player::bytesPerSample(m_layout); }
    int planeComponents(int plane) const { return vigie::player::planeComponents(m_layout, plane); }
    // Planes at or past planeCount() have no data (nullptr, 0).
    const std::uint8_t* planeData(int plane) const;
    std::uint8_t* mutablePlaneData(int plane);  // only for frames made by allocate()
    // Bytes per row, >= planeWidth(plane) * planeComponents(plane) * bytesPerSample().
    int planeStride(int plane) const;
    // Samples per row; for the interleaved Cb Cr plane, Cb Cr pairs per row.
    int planeWidth(int plane) const;
    int planeHeight(int plane) const;

    std::int64_t ptsMicros = 0;   // presentation time in the stream's time base, microseconds
    std::uint64_t sequence = 0;   // per-stream counter of decoded frames, starts at 1
    std::chrono::steady_clock::time_point decodedAt{};
    // The decoded picture this frame was made from: its own size and layout, unless it is a converted
    // (scaled Bgra) copy of it.
    int sourceWidth() const { return m_sourceWidth > 0 ? m_sourceWidth : width(); }
    int sourceHeight() const { return m_sourceHeight > 0 ? m_sourceHeight : height(); }
    PixelLayout sourceLayout() const { return m_sourceLayout.value_or(m_layout); }
    void setSource(int width, int height, PixelLayout layout);

    struct Impl;  // wraps the AVFrame (player/src only)
    explicit VideoFrame(std::unique_ptr<Impl> impl, PixelLayout layout, ColorMatrix matrix, ColorRange range);
    Impl& impl() { return *m_impl; }

private:
    std::unique_ptr<Impl> m_impl;
    PixelLayout m_layout;
    ColorMatrix m_matrix;
    ColorRange m_range;
    int m_sourceWidth = 0;
    int m_sourceHeight = 0;
    std::optional<PixelLayout> m_sourceLayout;
};

}  // namespace vigie::player
