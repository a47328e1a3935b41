#pragma once

#include "PanoramaScene.h"
#include "PtzMotion.h"

#include <cstdint>
#include <vector>

namespace vigie::sim {

// What a PTZ dome sees: the part of the panorama around its pose, with the field of view of its zoom
// (PtzMotion's model), scaled to the stream's size. Nearest-neighbour sampling with per-frame column and
// row tables: about a millisecond for 640x360, so that several domes fit on a small machine.
class PanoramaViewRenderer {
public:
    PanoramaViewRenderer(int width, int height);

    // Writes one I420 frame (width x height luma, then the two quarter-size chroma planes) into `frame`,
    // which must hold frameBytes().
    void render(const PanoramaScene& scene, const PtzPose& pose, std::uint8_t* frame);
    std::size_t frameBytes() const { return static_cast<std::size_t>(m_width) * m_height * 3 / 2; }

private:
    // Fills `columns` / `rows` with the scene coordinates of `count` output samples.
    void mapColumns(const PanoramaScene& scene, double panDeg, double fovDeg, int count, int sceneWidth,
                    std::vector<int>* columns) const;
    void mapRows(const PanoramaScene& scene, double tiltDeg, double fovDeg, int count, int sceneHeight,
                 std::vector<int>* rows) const;

    int m_width;
    int m_height;
    std::vector<int> m_columns;
    std::vector<int> m_rows;
    std::vector<int> m_chromaColumns;
    std::vector<int> m_chromaRows;
};

} // namespace vigie::sim
