#pragma once

#include <gst/gst.h>

#include <memory>
#include <string>
#include <vector>

namespace vigie::sim {

// A short pre-encoded video held in memory: its caps and its access units (one GstBuffer per frame,
// timestamps from 0, no B-frames so decode order = presentation order), starting with a key frame.
// Immutable once built, so one clip is shared by every stream that relays it.
class EncodedClip {
public:
    // Takes ownership of `caps` and of the buffers.
    EncodedClip(GstCaps* caps, std::vector<GstBuffer*> frames, GstClockTime frameDuration);
    ~EncodedClip();
    EncodedClip(const EncodedClip&) = delete;
    EncodedClip& operator=(const EncodedClip&) = delete;

    GstCaps* caps() const { return m_caps; }
    const std::vector<GstBuffer*>& frames() const { return m_frames; }
    GstClockTime frameDuration() const { return m_frameDuration; }
    // Length of one loop: frames x frame duration.
    GstClockTime loopDuration() const;
    std::size_t byteSize() const;

    // A private binary format (see the .cpp), written atomically (temporary file + rename).
    bool save(const std::string& path, std::string* error) const;
    static std::shared_ptr<EncodedClip> load(const std::string& path, std::string* error);

private:
    GstCaps* m_caps;
    std::vector<GstBuffer*> m_frames;
    GstClockTime m_frameDuration;
};

} // namespace vigie::sim
