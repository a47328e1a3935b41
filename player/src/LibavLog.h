#pragma once
// Routes libav's log into the Qt logging category "vigie.player.libav", so that the application's
// message handler (files, journald) gets it and rules like "vigie.player.libav.info=true" control it,
// instead of libav writing to stderr on its own.
//
// Levels: libav errors -> warning, libav warnings -> info, libav info -> debug, the rest is dropped.
// Only warnings are enabled by default: routine messages ("non-existing PPS referenced" while waiting
// for a key frame) stay quiet.

namespace vigie::player {

// Idempotent; installs a process-wide av_log callback.
void installLibavLogHandler();

}  // namespace vigie::player
