#include "WallContent.h"

#include "WallController.h"

namespace vigie::app {

namespace {

using Preference = WallController::StreamPreference;

Preference toPreference(vigie::rpc::StreamChoice choice)
{
    switch (choice) {
    case vigie::rpc::StreamChoice::Main:
        return Preference::Main;
    case vigie::rpc::StreamChoice::Sub:
        return Preference::Sub;
    case vigie::rpc::StreamChoice::Auto:
        break;
    }
    return Preference::Auto;
}

vigie::rpc::StreamChoice toChoice(Preference preference)
{
    switch (preference) {
    case Preference::Main:
        return vigie::rpc::StreamChoice::Main;
    case Preference::Sub:
        return vigie::rpc::StreamChoice::Sub;
    case Preference::Auto:
        break;
    }
    return vigie::rpc::StreamChoice::Auto;
}

}  // namespace

std::optional<vigie::widgets::WallLayout> toWallLayout(const vigie::rpc::LayoutSpec& spec)
{
    QList<QRect> cells;
    for (const auto& cell : spec.cells)
        cells << cell.cells;
    // The settings' text form is the one place that checks a layout completely (grid, bounds, overlap).
    const auto layout = vigie::widgets::WallLayout::fromText(
        vigie::widgets::WallLayout::fromCells(spec.columns, spec.rows, cells).toText());
    if (!layout || layout->tileCount() != spec.cells.size())
        return std::nullopt;
    return layout;
}

vigie::rpc::LayoutSpec layoutSpecOf(const WallController& controller, const QString& name)
{
    vigie::rpc::LayoutSpec spec;
    spec.name = name;
    spec.columns = controller.layout().columns();
    spec.rows = controller.layout().rows();
    for (int tile = 0; tile < controller.tileCount(); ++tile)
        spec.cells << vigie::rpc::LayoutCellSpec{controller.layout().cellOf(tile), controller.cameraAt(tile),
                                                 toChoice(controller.streamPreference(tile))};
    return spec;
}

vigie::rpc::LayoutSpec layoutSpecOf(const vigie::widgets::WallLayout& layout, const QStringList& cameraIds,
                                    const QStringList& streams, const QString& name)
{
    vigie::rpc::LayoutSpec spec;
    spec.name = name;
    spec.columns = layout.columns();
    spec.rows = layout.rows();
    for (int tile = 0; tile < layout.tileCount(); ++tile) {
        const QString stream = streams.value(tile);
        const auto choice = stream == QLatin1String("main")  ? vigie::rpc::StreamChoice::Main
                            : stream == QLatin1String("sub") ? vigie::rpc::StreamChoice::Sub
                                                             : vigie::rpc::StreamChoice::Auto;
        spec.cells << vigie::rpc::LayoutCellSpec{layout.cellOf(tile), cameraIds.value(tile), choice};
    }
    return spec;
}

bool applyLayoutSpec(WallController& controller, const vigie::rpc::LayoutSpec& spec)
{
    const auto layout = toWallLayout(spec);
    if (!layout)
        return false;
    if (!(controller.layout() == *layout))
        controller.setLayout(*layout);
    for (int tile = 0; tile < spec.cells.size(); ++tile) {
        const auto& cell = spec.cells[tile];
        controller.setStreamPreference(tile, toPreference(cell.stream));
        if (cell.cameraId.isEmpty()) {
            if (!controller.cameraAt(tile).isEmpty())
                controller.clearTile(tile);
        } else if (controller.cameraAt(tile) != cell.cameraId) {
            controller.assign(tile, cell.cameraId);
        }
    }
    return true;
}

}  // namespace vigie::app
