#pragma once
// Turns two snapshots of a tile's counters into the figures of the statistics overlay (fps in and out,
// bitrate, decode time per frame, drops), like a media player's stats overlay. Pure: no clock, no widget;
// the caller passes the time of each snapshot.
//
// Thread affinity: none (a value type); WallController uses one per tile on the GUI thread.

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <chrono>
#include <cstdint>
#include <optional>

#include "vigie/player/FrameMailbox.h"
#include "vigie/player/StreamSession.h"
#include "vigie/player/StreamState.h"

namespace vigie::app {

// Everything counted for one tile at one instant.
struct TileCounters {
    std::chrono::steady_clock::time_point at;
    vigie::player::StreamStats stream;
    vigie::player::FrameMailbox::Counters mailbox;
};

// Per second over the interval between two snapshots.
struct TileRates {
    double seconds = 0;          // length of the interval
    double fpsIn = 0;            // frames decoded / s
    double fpsOut = 0;           // frames taken by the wall (shown) / s
    double kbitPerSecond = 0;    // video bytes received, in kbit/s (1000 bit)
    std::optional<double> decodeMsPerFrame;  // mean decode time of a frame; none when no frame was decoded
    std::uint64_t drops = 0;     // frames the wall never took (replaced in the mailbox) in the interval
};

class TileStatistics {
    Q_DECLARE_TR_FUNCTIONS(vigie::app::TileStatistics)
public:
    // Rates between two snapshots of the same stream; none when the interval is empty or the counters went
    // backwards (another stream, or a session that restarted).
    static std::optional<TileRates> rates(const TileCounters& before, const TileCounters& after);

    // Starts over (another stream on the tile): the next update() only sets the baseline.
    void reset() { m_previous.reset(); m_rates.reset(); }
    // Takes a new snapshot; the rates are computed against the previous one.
    void update(const TileCounters& now);
    const std::optional<TileRates>& lastRates() const { return m_rates; }
    const std::optional<TileCounters>& lastCounters() const { return m_previous; }

    // The overlay's lines for the last snapshot, e.g.
    //   "h264 640x360 · sub stream · Playing"
    //   "25.0 fps in / 25.0 out · 512 kbit/s"
    //   "decode 0.8 ms · drops 0 · reconnects 0"
    //   "skipped 12 · errors 0 · last frame 40 ms ago"
    //   "decoder h264 (software) · full rate"   or "decoder hevc (VAAPI) · key frames only, 240 shed"
    // streamLabel: which stream it is ("sub stream"), may be empty. Rates read "–" until two snapshots exist.
    QStringList lines(const QString& streamLabel, vigie::player::StreamState state) const;

    static QString stateText(vigie::player::StreamState state);  // "playing", translated
    // What a tile says while its stream is degraded: "Overloaded: reduced frame rate", "Overloaded: key
    // frames only"; empty for Full.
    static QString overloadText(vigie::player::OverloadLevel level);

private:
    std::optional<TileCounters> m_previous;
    std::optional<TileRates> m_rates;
};

}  // namespace vigie::app
