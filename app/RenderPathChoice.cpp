#include "RenderPathChoice.h"

#include <QOffscreenSurface>
#include <QOpenGLContext>
#include <QOpenGLFunctions>

namespace vigie::app {

using RenderPath = widgets::WallWidget::RenderPath;

std::optional<RenderPreference> parseRenderPreference(const QString& text)
{
    const QString t = text.trimmed().toLower();
    if (t == QLatin1String("auto"))
        return RenderPreference::Auto;
    if (t == QLatin1String("opengl") || t == QLatin1String("gl"))
        return RenderPreference::OpenGL;
    if (t == QLatin1String("software") || t == QLatin1String("cpu"))
        return RenderPreference::Software;
    return std::nullopt;
}

bool OpenGlProbe::softwareRasteriser() const
{
    const QString r = renderer.toLower();
    return r.contains(QLatin1String("llvmpipe")) || r.contains(QLatin1String("softpipe"))
           || r.contains(QLatin1String("swrast")) || r.contains(QLatin1String("software rasterizer"));
}

OpenGlProbe probeOpenGl()
{
    OpenGlProbe probe;
    QOpenGLContext context;
    if (!context.create())
        return probe;
    probe.created = true;
    probe.major = context.format().majorVersion();
    probe.minor = context.format().minorVersion();
    QOffscreenSurface surface;
    surface.setFormat(context.format());
    surface.create();
    if (context.makeCurrent(&surface)) {
        const auto* text = reinterpret_cast<const char*>(context.functions()->glGetString(GL_RENDERER));
        probe.renderer = QString::fromLatin1(text ? text : "");
        context.doneCurrent();
    }
    return probe;
}

RenderPathChoice chooseRenderPath(RenderPreference preference, const OpenGlProbe& probe)
{
    const QString gl = probe.created ? QStringLiteral("OpenGL %1.%2, %3")
                                           .arg(probe.major)
                                           .arg(probe.minor)
                                           .arg(probe.renderer.isEmpty() ? QStringLiteral("unknown renderer")
                                                                         : probe.renderer)
                                     : QStringLiteral("no OpenGL context");
    switch (preference) {
    case RenderPreference::Software:
        return {RenderPath::Software, QStringLiteral("software wall, as asked (%1)").arg(gl)};
    case RenderPreference::OpenGL:
        if (probe.usable())
            return {RenderPath::OpenGL, QStringLiteral("OpenGL wall, as asked (%1)").arg(gl)};
        // Asked for, but impossible: video on the CPU path beats no video at all.
        return {RenderPath::Software,
                QStringLiteral("software wall: OpenGL was asked for but needs 3.3 core (%1)").arg(gl)};
    case RenderPreference::Auto:
        break;
    }
    if (!probe.usable())
        return {RenderPath::Software, QStringLiteral("software wall: no OpenGL 3.3 core (%1)").arg(gl)};
    if (probe.softwareRasteriser())
        return {RenderPath::Software,
                QStringLiteral("software wall: OpenGL is a CPU rasteriser here, the CPU path is cheaper (%1)").arg(gl)};
    return {RenderPath::OpenGL, QStringLiteral("OpenGL wall (%1)").arg(gl)};
}

}  // namespace vigie::app
