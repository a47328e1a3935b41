#pragma once
// When each frame of a looping, barcode-stamped clip leaves the server, on the wall clock.
//
// Time is cut into ticks of one frame duration D since the Unix epoch (CLOCK_REALTIME): tick n starts
// at n * D. The frame sent live at tick n is the clip's frame n mod L (L frames in the loop), whose
// barcode is that index. A receiver on the same machine (same clock) that sees value v at time t
// therefore knows the frame left at the latest tick n * D <= t with n = v (mod L): the latency is
// t - n * D, unambiguous as long as it stays below one loop (L * D, 10 s for the simulator's clips).
//
// Pure arithmetic, no clock reads: the caller passes the times, so tests can inject any instant.

#include <cstdint>
#include <vector>

namespace vigie::barcode {

// vigie-sim's cheap-camera clips: 10 s at 25 fps (250 frames), a key frame every 25 frames.
inline constexpr int kSimClipFrames = 250;
inline constexpr int kSimClipKeyInterval = 25;
inline constexpr std::int64_t kSimClipFrameMs = 40;

class WallClockSchedule {
public:
    // `keyFrames[i]`: whether frame i of the loop is a key frame (frame 0 must be one); its size is L.
    WallClockSchedule(std::vector<bool> keyFrames, std::int64_t frameMs);
    // A loop of `loopFrames` frames with a key frame every `keyInterval` frames, starting at frame 0.
    static WallClockSchedule regular(int loopFrames, int keyInterval, std::int64_t frameMs);
    // The schedule of vigie-sim's cheap cameras (every stream, every codec): what readers use.
    static WallClockSchedule simulatorClips() { return regular(kSimClipFrames, kSimClipKeyInterval, kSimClipFrameMs); }

    int loopFrames() const { return static_cast<int>(m_keyFrames.size()); }
    std::int64_t frameMs() const { return m_frameMs; }

    // The tick in progress at `realtimeMs` (floor(t / D)).
    std::int64_t tickAt(std::int64_t realtimeMs) const;
    // When tick n is due, in ms since the epoch.
    std::int64_t tickTimeMs(std::int64_t tick) const { return tick * m_frameMs; }
    // The clip frame (and barcode value) sent at tick n.
    int frameIndex(std::int64_t tick) const;

    // Instant start for a viewer joining at `realtimeMs`: the tick of the last key frame at or before
    // the current one. Sending the frames from that tick up to the current one at once gives the
    // decoder a key frame and the current picture immediately (what servers keeping the last GOP do).
    std::int64_t startTick(std::int64_t realtimeMs) const;

    // Reader side: the tick at which the frame with barcode `value` was due, seen at `realtimeMs`
    // (the latest n * D <= t with n = value mod L). Latency = realtimeMs - tickTimeMs(sentTick(...)).
    std::int64_t sentTick(std::uint32_t value, std::int64_t realtimeMs) const;
    std::int64_t latencyMs(std::uint32_t value, std::int64_t realtimeMs) const;

private:
    std::vector<bool> m_keyFrames;
    std::int64_t m_frameMs;
};

} // namespace vigie::barcode
