#include "PtzVideoSource.h"

#include "FrameBarcode.h"
#include "WallClockSchedule.h"

#include <cstring>

namespace vigie::sim {

PtzVideoSource::PtzVideoSource(PtzCamera& camera, std::shared_ptr<const PanoramaScene> scene,
                               const StreamFormat& format)
    : m_camera(camera), m_scene(std::move(scene)), m_format(format), m_renderer(format.width, format.height)
{
}

void PtzVideoSource::attach(GstAppSrc* appsrc, PtzCamera& camera, std::shared_ptr<const PanoramaScene> scene,
                            const StreamFormat& format)
{
    GstCaps* caps = gst_caps_new_simple("video/x-raw", "format", G_TYPE_STRING, "I420", "width", G_TYPE_INT,
                                        format.width, "height", G_TYPE_INT, format.height, "framerate",
                                        GST_TYPE_FRACTION, format.fps, 1, nullptr);
    gst_app_src_set_caps(appsrc, caps);
    gst_caps_unref(caps);
    auto* source = new PtzVideoSource(camera, std::move(scene), format);
    // One frame queued at most: the picture sent is at most a frame older than the camera's pose.
    g_object_set(appsrc, "is-live", TRUE, "format", GST_FORMAT_TIME, "do-timestamp", FALSE, "max-bytes",
                 static_cast<guint64>(source->m_renderer.frameBytes()), nullptr);
    GstAppSrcCallbacks callbacks{};
    callbacks.need_data = &PtzVideoSource::onNeedData;
    gst_app_src_set_callbacks(appsrc, &callbacks, source, &PtzVideoSource::destroy);
}

void PtzVideoSource::destroy(gpointer self) { delete static_cast<PtzVideoSource*>(self); }

void PtzVideoSource::onNeedData(GstAppSrc* appsrc, guint /*length*/, gpointer self)
{
    static_cast<PtzVideoSource*>(self)->pushNext(appsrc);
}

void PtzVideoSource::pushNext(GstAppSrc* appsrc)
{
    const auto now = std::chrono::system_clock::now();
    GstBuffer* buffer = gst_buffer_new_allocate(nullptr, m_renderer.frameBytes(), nullptr);
    GstMapInfo map;
    gst_buffer_map(buffer, &map, GST_MAP_WRITE);
    m_renderer.render(*m_scene, m_camera.poseAt(now), map.data);

    // The barcode of the frame due now on the clips' wall-clock schedule, so that latency tools read PTZ
    // streams like the cheap cameras'. Its band's chroma is made neutral to stay black and white.
    const auto schedule = barcode::WallClockSchedule::simulatorClips();
    const std::int64_t realtimeMs =
        std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count();
    const int value = schedule.frameIndex(schedule.tickAt(realtimeMs));
    barcode::stamp(map.data, m_format.width, m_format.width, m_format.height, static_cast<std::uint32_t>(value));
    const int bandChromaRows = (barcode::bandRows(m_format.height) + 1) / 2;
    const std::size_t chromaPlane = static_cast<std::size_t>(m_format.width / 2) * (m_format.height / 2);
    std::uint8_t* cb = map.data + static_cast<std::size_t>(m_format.width) * m_format.height;
    std::memset(cb, 128, static_cast<std::size_t>(m_format.width / 2) * bandChromaRows);
    std::memset(cb + chromaPlane, 128, static_cast<std::size_t>(m_format.width / 2) * bandChromaRows);
    gst_buffer_unmap(buffer, &map);

    const GstClockTime frameDuration = GST_SECOND / static_cast<GstClockTime>(m_format.fps);
    GST_BUFFER_PTS(buffer) = m_frames * frameDuration;
    GST_BUFFER_DURATION(buffer) = frameDuration;
    ++m_frames;
    gst_app_src_push_buffer(appsrc, buffer);  // takes the buffer
}

} // namespace vigie::sim
