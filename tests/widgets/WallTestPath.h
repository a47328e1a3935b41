#pragma once
// The wall suites run twice under ctest: once on the OpenGL path and once on the software path
// (VIGIE_WALL_PATH=software, see tests/CMakeLists.txt). Call before creating any wall.

#include <QByteArray>
#include <QtGlobal>

#include "vigie/widgets/WallWidget.h"

namespace vigie::test {

inline void applyWallPathFromEnvironment()
{
    const bool software = qgetenv("VIGIE_WALL_PATH") == "software";
    widgets::WallWidget::setDefaultRenderPath(software ? widgets::WallWidget::RenderPath::Software
                                                       : widgets::WallWidget::RenderPath::OpenGL);
}

// RenderStats::planeUploads for one frame of `planes` planes: one texture upload per plane on the
// OpenGL path, one RGB picture on the software path.
inline quint64 uploadsPerFrame(quint64 planes)
{
    return widgets::WallWidget::defaultRenderPath() == widgets::WallWidget::RenderPath::Software ? 1 : planes;
}

}  // namespace vigie::test
