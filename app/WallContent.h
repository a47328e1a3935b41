#pragma once
// The same wall content in the backend's terms (rpc::LayoutSpec: cells with cameras and stream choices)
// and the client's (a WallController's layout, cameras and stream preferences).

#include <QString>
#include <QStringList>

#include <optional>

#include "vigie/rpc/WallTypes.h"
#include "vigie/widgets/WallLayout.h"

namespace vigie::app {

class WallController;

// nullopt for a layout the wall cannot show (cells outside the grid or overlapping, no cell).
std::optional<vigie::widgets::WallLayout> toWallLayout(const vigie::rpc::LayoutSpec& spec);

// What the controller shows, as a layout to push to a wall monitor.
vigie::rpc::LayoutSpec layoutSpecOf(const WallController& controller, const QString& name = QString());

// A layout with its cameras and stream preference names ("auto", "main", "sub") per tile, as the
// operator's saved layouts keep them.
vigie::rpc::LayoutSpec layoutSpecOf(const vigie::widgets::WallLayout& layout, const QStringList& cameraIds,
                                    const QStringList& streams, const QString& name = QString());

// Makes the controller show `spec`, touching only what differs (a tile that keeps its camera and stream
// keeps playing). False, and nothing changed, when the layout is not showable.
bool applyLayoutSpec(WallController& controller, const vigie::rpc::LayoutSpec& spec);

}  // namespace vigie::app
