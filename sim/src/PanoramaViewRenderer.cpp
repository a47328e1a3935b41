#include "PanoramaViewRenderer.h"

#include <algorithm>
#include <cmath>

namespace vigie::sim {

PanoramaViewRenderer::PanoramaViewRenderer(int width, int height) : m_width(width & ~1), m_height(height & ~1) {}

void PanoramaViewRenderer::mapColumns(const PanoramaScene& scene, double panDeg, double fovDeg, int count,
                                      int sceneWidth, std::vector<int>* columns) const
{
    // Scene columns per degree scale with the plane's own resolution (chroma planes are half as wide).
    const double scale = static_cast<double>(sceneWidth) / scene.width();
    columns->resize(static_cast<std::size_t>(count));
    for (int x = 0; x < count; ++x) {
        const double degrees = panDeg + ((x + 0.5) / count - 0.5) * fovDeg;
        const int column = static_cast<int>(scene.columnOf(degrees) * scale);
        (*columns)[static_cast<std::size_t>(x)] = std::clamp(column, 0, sceneWidth - 1);
    }
}

void PanoramaViewRenderer::mapRows(const PanoramaScene& scene, double tiltDeg, double fovDeg, int count,
                                   int sceneHeight, std::vector<int>* rows) const
{
    const double scale = static_cast<double>(sceneHeight) / scene.height();
    rows->resize(static_cast<std::size_t>(count));
    for (int y = 0; y < count; ++y) {
        const double degrees = tiltDeg + (0.5 - (y + 0.5) / count) * fovDeg;  // y down, elevation up
        const int row = static_cast<int>(scene.rowOf(degrees) * scale);
        (*rows)[static_cast<std::size_t>(y)] = std::clamp(row, 0, sceneHeight - 1);
    }
}

void PanoramaViewRenderer::render(const PanoramaScene& scene, const PtzPose& pose, std::uint8_t* frame)
{
    const double hfov = PtzMotion::horizontalFovDeg(pose.zoom);
    const double vfov = hfov * m_height / m_width;
    const double panDeg = PtzMotion::panDeg(pose.pan);
    const double tiltDeg = PtzMotion::tiltDeg(pose.tilt);
    mapColumns(scene, panDeg, hfov, m_width, scene.width(), &m_columns);
    mapRows(scene, tiltDeg, vfov, m_height, scene.height(), &m_rows);
    mapColumns(scene, panDeg, hfov, m_width / 2, scene.width() / 2, &m_chromaColumns);
    mapRows(scene, tiltDeg, vfov, m_height / 2, scene.height() / 2, &m_chromaRows);

    std::uint8_t* out = frame;
    for (int y = 0; y < m_height; ++y) {
        const std::uint8_t* source = scene.luma() + static_cast<std::size_t>(m_rows[static_cast<std::size_t>(y)]) *
                                                        static_cast<std::size_t>(scene.width());
        for (int x = 0; x < m_width; ++x)
            *out++ = source[m_columns[static_cast<std::size_t>(x)]];
    }
    const int chromaWidth = scene.width() / 2;
    for (const std::uint8_t* plane : {scene.cb(), scene.cr()}) {
        for (int y = 0; y < m_height / 2; ++y) {
            const std::uint8_t* source =
                plane + static_cast<std::size_t>(m_chromaRows[static_cast<std::size_t>(y)]) * chromaWidth;
            for (int x = 0; x < m_width / 2; ++x)
                *out++ = source[m_chromaColumns[static_cast<std::size_t>(x)]];
        }
    }
}

} // namespace vigie::sim
