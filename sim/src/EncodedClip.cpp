#include "EncodedClip.h"

#include <cstdint>
#include <cstdio>
#include <fstream>

#include <unistd.h>

namespace vigie::sim {

namespace {

// File layout (host byte order; the file is a local cache, never exchanged):
//   "VIGIECLIP 1\n", caps string, "\n",
//   u64 frame duration (ns), u32 frame count,
//   per frame: u32 flags (1 = key frame), u32 size, the access unit bytes.
constexpr char kMagic[] = "VIGIECLIP 1\n";

template <typename T>
void writeValue(std::ofstream& out, T value)
{
    out.write(reinterpret_cast<const char*>(&value), sizeof value);
}

template <typename T>
bool readValue(std::ifstream& in, T* value)
{
    return static_cast<bool>(in.read(reinterpret_cast<char*>(value), sizeof *value));
}

} // namespace

EncodedClip::EncodedClip(GstCaps* caps, std::vector<GstBuffer*> frames, GstClockTime frameDuration)
    : m_caps(caps), m_frames(std::move(frames)), m_frameDuration(frameDuration)
{
}

EncodedClip::~EncodedClip()
{
    for (GstBuffer* frame : m_frames)
        gst_buffer_unref(frame);
    gst_caps_unref(m_caps);
}

GstClockTime EncodedClip::loopDuration() const { return m_frameDuration * m_frames.size(); }

std::size_t EncodedClip::byteSize() const
{
    std::size_t total = 0;
    for (GstBuffer* frame : m_frames)
        total += gst_buffer_get_size(frame);
    return total;
}

bool EncodedClip::save(const std::string& path, std::string* error) const
{
    // Unique per process: two simulators starting together may both fill the cache.
    const std::string temporary = path + ".tmp." + std::to_string(getpid());
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        if (!out) {
            *error = "cannot write " + temporary;
            return false;
        }
        gchar* caps = gst_caps_to_string(m_caps);
        out << kMagic << caps << '\n';
        g_free(caps);
        writeValue<std::uint64_t>(out, m_frameDuration);
        writeValue<std::uint32_t>(out, static_cast<std::uint32_t>(m_frames.size()));
        for (GstBuffer* frame : m_frames) {
            GstMapInfo map;
            if (!gst_buffer_map(frame, &map, GST_MAP_READ)) {
                *error = "cannot map a frame";
                return false;
            }
            const bool key = !GST_BUFFER_FLAG_IS_SET(frame, GST_BUFFER_FLAG_DELTA_UNIT);
            writeValue<std::uint32_t>(out, key ? 1 : 0);
            writeValue<std::uint32_t>(out, static_cast<std::uint32_t>(map.size));
            out.write(reinterpret_cast<const char*>(map.data), static_cast<std::streamsize>(map.size));
            gst_buffer_unmap(frame, &map);
        }
        if (!out.flush()) {
            *error = "cannot write " + temporary;
            return false;
        }
    }
    if (std::rename(temporary.c_str(), path.c_str()) != 0) {
        *error = "cannot rename " + temporary + " to " + path;
        std::remove(temporary.c_str());
        return false;
    }
    return true;
}

std::shared_ptr<EncodedClip> EncodedClip::load(const std::string& path, std::string* error)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        *error = "cannot read " + path;
        return nullptr;
    }
    std::string magic;
    std::string capsText;
    std::getline(in, magic);
    std::getline(in, capsText);
    if (magic + "\n" != kMagic) {
        *error = path + " is not a clip of this version";
        return nullptr;
    }
    GstCaps* caps = gst_caps_from_string(capsText.c_str());
    if (!caps) {
        *error = path + ": unreadable caps";
        return nullptr;
    }

    std::uint64_t frameDuration = 0;
    std::uint32_t count = 0;
    std::vector<GstBuffer*> frames;
    bool ok = readValue(in, &frameDuration) && readValue(in, &count) && count > 0 && count < 100'000;
    for (std::uint32_t i = 0; ok && i < count; ++i) {
        std::uint32_t flags = 0;
        std::uint32_t size = 0;
        ok = readValue(in, &flags) && readValue(in, &size) && size < 64 * 1024 * 1024;
        if (!ok)
            break;
        GstBuffer* frame = gst_buffer_new_allocate(nullptr, size, nullptr);
        GstMapInfo map;
        gst_buffer_map(frame, &map, GST_MAP_WRITE);
        ok = static_cast<bool>(in.read(reinterpret_cast<char*>(map.data), size));
        gst_buffer_unmap(frame, &map);
        GST_BUFFER_PTS(frame) = GST_BUFFER_DTS(frame) = i * frameDuration;
        GST_BUFFER_DURATION(frame) = frameDuration;
        if (!(flags & 1))
            GST_BUFFER_FLAG_SET(frame, GST_BUFFER_FLAG_DELTA_UNIT);
        frames.push_back(frame);
    }
    if (!ok) {
        for (GstBuffer* frame : frames)
            gst_buffer_unref(frame);
        gst_caps_unref(caps);
        *error = path + " is truncated or corrupt";
        return nullptr;
    }
    return std::make_shared<EncodedClip>(caps, std::move(frames), frameDuration);
}

} // namespace vigie::sim
