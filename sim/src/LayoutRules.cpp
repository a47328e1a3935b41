#include "LayoutRules.h"

namespace vigie::sim {

std::string LayoutRules::placementProblem(int columns, int rows, const std::vector<vigie::v1::GridRect>& rects,
                                          const std::vector<std::string>& names)
{
    // Each grid cell remembers which rectangle covers it, so an overlap names both rectangles.
    std::vector<int> owner(static_cast<std::size_t>(columns) * static_cast<std::size_t>(rows), -1);
    for (std::size_t i = 0; i < rects.size(); ++i) {
        const auto& rect = rects[i];
        const std::string& name = names[i];
        if (rect.column_span() < 1 || rect.row_span() < 1)
            return name + ": spans must be at least 1";
        // Written as subtractions so that huge spans cannot overflow.
        if (rect.column() < 0 || rect.row() < 0 || rect.column() >= columns || rect.row() >= rows ||
            rect.column_span() > columns - rect.column() || rect.row_span() > rows - rect.row())
            return name + " is outside the " + std::to_string(columns) + "x" + std::to_string(rows) + " grid";
        for (int row = rect.row(); row < rect.row() + rect.row_span(); ++row) {
            for (int column = rect.column(); column < rect.column() + rect.column_span(); ++column) {
                int& cell = owner[static_cast<std::size_t>(row) * static_cast<std::size_t>(columns) +
                                  static_cast<std::size_t>(column)];
                if (cell >= 0)
                    return name + " overlaps " + names[static_cast<std::size_t>(cell)];
                cell = static_cast<int>(i);
            }
        }
    }
    return {};
}

std::string LayoutRules::layoutProblem(const vigie::v1::Layout& layout)
{
    if (layout.columns() < 1 || layout.columns() > kMaxLayoutSide || layout.rows() < 1 ||
        layout.rows() > kMaxLayoutSide)
        return "layout columns and rows must be in 1.." + std::to_string(kMaxLayoutSide) + ", got " +
               std::to_string(layout.columns()) + "x" + std::to_string(layout.rows());
    std::vector<vigie::v1::GridRect> rects;
    std::vector<std::string> names;
    for (int i = 0; i < layout.cells_size(); ++i) {
        rects.push_back(layout.cells(i).rect());
        names.push_back("layout cell " + std::to_string(i));
    }
    return placementProblem(layout.columns(), layout.rows(), rects, names);
}

} // namespace vigie::sim
