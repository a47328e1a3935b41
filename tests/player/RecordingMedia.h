#pragma once
// Test recordings made at test time with libavcodec (libx264: GOP 25, no B-frames, 25 fps) and libavformat
// (fragmented MP4: frag_keyframe+empty_moov+default_base_moof), one file per segment, as a recorder writes
// them. Each picture's Y plane carries the frame-number barcode (sim/barcode/FrameBarcode.h), so a test knows
// from the pixels which frame it got.

#include <QString>

#include <cstdint>
#include <vector>

namespace vigie::test {

struct SegmentPlan {
    int frames = 100;             // pictures in the segment (a multiple of the GOP keeps GOPs whole)
    std::int64_t startUtcUs = 0;  // UTC of its first picture
};

struct GeneratedSegment {
    QString path;
    std::int64_t startUtcUs = 0;
    std::int64_t endUtcUs = 0;  // just after the last picture
    std::uint32_t firstBarcode = 0;
    int frames = 0;
};

struct RecordingFormat {
    int width = 640;
    int height = 360;
    int fps = 25;
    int gop = 25;
    // MP4 flavour: fragmented by default (what recorders write); "+faststart" gives a plain MP4, moov first.
    QString movflags = QStringLiteral("frag_keyframe+empty_moov+default_base_moof");
};

// Encodes the segments of one camera into `directory` as <prefix>-<n>.mp4, one encoder for all of them (equal
// codec parameters). Picture k of the whole recording (counting across segments) carries barcode
// firstBarcode + k. Returns an empty string on success, else what failed.
QString generateRecording(const QString& directory, const QString& prefix, const std::vector<SegmentPlan>& plan,
                          std::uint32_t firstBarcode, const RecordingFormat& format,
                          std::vector<GeneratedSegment>& segments);

}  // namespace vigie::test
