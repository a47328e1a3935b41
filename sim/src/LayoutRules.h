#pragma once

#include <vigie/v1/common.pb.h>

#include <string>
#include <vector>

namespace vigie::sim {

// The validity rules of common.proto's Layout and GridRect, shared by the wall service and the
// configuration loader so that a layout the configuration accepts is one a client could push.
class LayoutRules {
public:
    static constexpr int kMaxLayoutSide = 8;  // common.proto: columns and rows in 1..8

    // Empty when `layout` is valid (columns and rows in 1..8, every cell inside the grid with spans >= 1,
    // no two cells overlapping), else what is wrong, for an INVALID_ARGUMENT message.
    static std::string layoutProblem(const vigie::v1::Layout& layout);

    // The same for any grid of `columns` x `rows` and the rectangles placed in it (a wall's monitors).
    // `names` says what each rectangle is in messages ("cell 2", "monitor 'mon-a1'").
    static std::string placementProblem(int columns, int rows, const std::vector<vigie::v1::GridRect>& rects,
                                        const std::vector<std::string>& names);
};

} // namespace vigie::sim
