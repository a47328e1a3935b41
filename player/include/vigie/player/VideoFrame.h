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

namespace vigie::player {

// Y'CbCr -> R'G'B' matrix of the picture.
enum class ColorMatrix { Bt601, Bt709 };
// Limited ("TV", Y in 16..235) or full ("PC"/JPEG, 0..255) quantisation range.
enum class ColorRange { Limited, Full };

// How the picture's samples are laid out. Only 8-bit layouts reach the renderer; anything else is
// reported by the stream as an unsupported format (never a silent black tile).
enum class PixelLayout {
    Yuv420p,  // 3 planes, chroma halved in both directions
    Yuv422p,  // 3 planes, chroma halved horizontally
    Yuv444p,  // 3 planes, full chroma
};

class VideoFrame {
public:
    ~VideoFrame();
    VideoFrame(const VideoFrame&) = delete;
    VideoFrame& operator=(const VideoFrame&) = delete;

    // Allocates a writable frame with its own buffers (used by tests and synthetic sources).
    static std::unique_ptr<VideoFrame> allocate(int width, int height, PixelLayout layout,
                                                ColorMatrix matrix, ColorRange range);

    int width() const;
    int height() const;
    PixelLayout layout() const { return m_layout; }
    ColorMatrix matrix() const { return m_matrix; }
    ColorRange range() const { return m_range; }

    static constexpr int kPlaneCount = 3;
    const std::uint8_t* planeData(int plane) const;
    std::uint8_t* mutablePlaneData(int plane);  // only for frames made by allocate()
    int planeStride(int plane) const;           // bytes per row, >= planeWidth(plane)
    int planeWidth(int plane) const;            // samples per row
    int planeHeight(int plane) const;

    std::int64_t ptsMicros = 0;   // presentation time in the stream's time base, microseconds
    std::uint64_t sequence = 0;   // per-stream counter of decoded frames, starts at 1
    std::chrono::steady_clock::time_point decodedAt{};

    struct Impl;  // wraps the AVFrame (player/src only)
    explicit VideoFrame(std::unique_ptr<Impl> impl, PixelLayout layout, ColorMatrix matrix, ColorRange range);
    Impl& impl() { return *m_impl; }

private:
    std::unique_ptr<Impl> m_impl;
    PixelLayout m_layout;
    ColorMatrix m_matrix;
    ColorRange m_range;
};

}  // namespace vigie::player
