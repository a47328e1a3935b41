#pragma once
// Which path the video wall draws with (WallWidget::RenderPath), from the user's preference and what the
// display's OpenGL turns out to be.
//
// A software rasteriser (Mesa llvmpipe/softpipe, the usual case on virtual desktops without a GPU)
// costs CPU for every shaded screen pixel, plus a composition pass of the whole window: there the CPU
// path (pictures scaled on the decoder threads, copied 1:1) is several times cheaper. With a real GPU,
// OpenGL is the better path. Pure logic, tested without a display; probeOpenGl() needs a QGuiApplication.

#include <QString>

#include <optional>

#include "vigie/widgets/WallWidget.h"

namespace vigie::app {

enum class RenderPreference { Auto, OpenGL, Software };
std::optional<RenderPreference> parseRenderPreference(const QString& text);  // auto | opengl | software

struct OpenGlProbe {
    bool created = false;  // a context could be made at all
    int major = 0;
    int minor = 0;
    QString renderer;      // GL_RENDERER
    bool usable() const { return created && (major > 3 || (major == 3 && minor >= 3)); }
    // Mesa's CPU rasterisers: llvmpipe, softpipe, swrast.
    bool softwareRasteriser() const;
};
// Creates a throw-away context with the default surface format and reads what it is.
OpenGlProbe probeOpenGl();

struct RenderPathChoice {
    widgets::WallWidget::RenderPath path = widgets::WallWidget::RenderPath::OpenGL;
    QString reason;  // one line for the log: what was chosen and why
};
RenderPathChoice chooseRenderPath(RenderPreference preference, const OpenGlProbe& probe);

}  // namespace vigie::app
