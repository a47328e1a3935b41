#pragma once

#include "PanoramaScene.h"
#include "PanoramaViewRenderer.h"
#include "PtzCamera.h"
#include "StreamFormat.h"

#include <gst/app/gstappsrc.h>

#include <cstdint>
#include <memory>

namespace vigie::sim {

// Feeds an appsrc with a PTZ dome's live view: each frame is rendered from the panorama at the pose the
// camera has when the frame is asked for, stamped with the wall-clock barcode of the other simulator
// clips (FrameBarcode.h, WallClockSchedule::simulatorClips()), and timestamped at the stream's rate. A
// clocksync downstream paces it, so frames are rendered just before they are sent.
class PtzVideoSource {
public:
    // The appsrc takes ownership of the source state; `camera` and `scene` must outlive the pipeline.
    static void attach(GstAppSrc* appsrc, PtzCamera& camera, std::shared_ptr<const PanoramaScene> scene,
                       const StreamFormat& format);

private:
    PtzVideoSource(PtzCamera& camera, std::shared_ptr<const PanoramaScene> scene, const StreamFormat& format);
    static void onNeedData(GstAppSrc* appsrc, guint length, gpointer self);
    static void destroy(gpointer self);
    void pushNext(GstAppSrc* appsrc);

    PtzCamera& m_camera;
    const std::shared_ptr<const PanoramaScene> m_scene;
    const StreamFormat m_format;
    PanoramaViewRenderer m_renderer;
    std::uint64_t m_frames = 0;
};

} // namespace vigie::sim
