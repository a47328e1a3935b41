#pragma once
// Overload control of one live stream: when decoding falls behind real time, the stream's worker sheds
// decoding work step by step and takes it back when there is room again (see OverloadGovernor in
// player/src). The stream stays Playing at every level; only its frame rate drops.

#include <QMetaType>
#include <QString>

#include <chrono>

namespace vigie::player {

// How much of a stream is decoded. Ordered: a higher level decodes less.
enum class OverloadLevel {
    Full = 0,           // every frame
    ReducedRate = 1,    // non-reference frames skipped (AVDISCARD_NONREF): the picture stays intact
    KeyFramesOnly = 2,  // only key frames reach the decoder (about one picture per GOP)
};

// Who gets the CPU first when streams compete. High (the maximised tile, an alarm) degrades later and
// recovers first: its lag threshold and hold before a step down are doubled, its hold before a step up
// halved (OverloadGovernor::thresholdsFor).
enum class StreamPriority { Normal, High };

// When a stream steps down and back up, for Normal priority. Defaults suit live cameras; tests shrink
// them to see a full cycle in seconds.
struct OverloadThresholds {
    // Behind real time by more than degradeLag for degradeHold without a break: one level down.
    std::chrono::milliseconds degradeLag{1000};
    std::chrono::milliseconds degradeHold{2000};
    // Lag at most recoverLag and decode load (time spent decoding / wall time) under recoverLoad for
    // recoverHold without a break: one level up.
    std::chrono::milliseconds recoverLag{250};
    std::chrono::milliseconds recoverHold{10000};
    double recoverLoad = 0.5;
    // A step up that has to be undone within this long doubles the next recoverHold (up to
    // maxRecoverHold), so that a stream on the edge does not flap between two levels.
    std::chrono::milliseconds flapWindow{15000};
    std::chrono::milliseconds maxRecoverHold{120000};
};

QString overloadLevelName(OverloadLevel level);  // "full", "reduced rate", "key frames only" (untranslated)

}  // namespace vigie::player

Q_DECLARE_METATYPE(vigie::player::OverloadLevel)
