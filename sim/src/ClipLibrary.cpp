#include "ClipLibrary.h"

#include "Log.h"

#include <chrono>
#include <cstdlib>
#include <filesystem>

namespace vigie::sim {

namespace {

std::string defaultCacheDir()
{
    if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg)
        return std::string(xdg) + "/vigie-sim";
    if (const char* home = std::getenv("HOME"); home && *home)
        return std::string(home) + "/.cache/vigie-sim";
    return {};
}

} // namespace

ClipLibrary::ClipLibrary(std::string cacheDir)
    : m_cacheDir(cacheDir.empty() ? defaultCacheDir() : std::move(cacheDir))
{
}

std::shared_ptr<const EncodedClip> ClipLibrary::obtain(const ClipFormat& format, std::string* error)
{
    const std::string key = format.cacheKey();
    if (const auto it = m_clips.find(key); it != m_clips.end())
        return it->second;

    const std::string path = m_cacheDir.empty() ? std::string() : m_cacheDir + "/" + key;
    std::shared_ptr<EncodedClip> clip;
    if (!path.empty() && std::filesystem::exists(path)) {
        std::string loadError;
        clip = EncodedClip::load(path, &loadError);
        if (clip)
            Log::debug("clip " + format.describe() + " loaded from " + path);
        else
            Log::warning("ignoring the cached clip: " + loadError);
    }

    if (!clip) {
        const auto start = std::chrono::steady_clock::now();
        clip = ClipEncoder::encode(format, error);
        if (!clip) {
            // Seen once with x265 on a loaded machine and not reproduced since: a clip whose first frame
            // was not a key frame. A second attempt only costs the encoding time.
            Log::warning(*error + "; encoding it again");
            clip = ClipEncoder::encode(format, error);
        }
        if (!clip)
            return nullptr;
        const auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(
            std::chrono::steady_clock::now() - start);
        Log::info("encoded the " + format.describe() + " clip in " + std::to_string(elapsed.count()) + " ms (" +
                  std::to_string(clip->byteSize() / 1024) + " KiB)");
        if (!path.empty()) {
            // A cache that cannot be written only costs the encoding time at the next start.
            std::error_code ignored;
            std::filesystem::create_directories(m_cacheDir, ignored);
            std::string saveError;
            if (!clip->save(path, &saveError))
                Log::warning("clip not cached: " + saveError);
        }
    }
    m_clips.emplace(key, clip);
    return clip;
}

} // namespace vigie::sim
