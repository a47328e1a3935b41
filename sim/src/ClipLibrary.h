#pragma once

#include "ClipEncoder.h"

#include <map>
#include <memory>
#include <string>

namespace vigie::sim {

// Pre-encoded clips, encoded once and cached on disk so that the next start is instant.
// Used at start-up only (before the servers run), hence no locking.
class ClipLibrary {
public:
    // `cacheDir` empty: $XDG_CACHE_HOME/vigie-sim, else ~/.cache/vigie-sim.
    explicit ClipLibrary(std::string cacheDir);

    // The clip of that format: from memory, else from the cache, else encoded now (and cached).
    std::shared_ptr<const EncodedClip> obtain(const ClipFormat& format, std::string* error);

private:
    std::string m_cacheDir;
    std::map<std::string, std::shared_ptr<const EncodedClip>> m_clips;
};

} // namespace vigie::sim
