#pragma once
// The operator's own wall layouts, saved by name: the layout with the camera and the stream preference
// of each tile. Kept in the application's settings (QSettings(): organisation and application names set)
// as the array "layouts" (name, layout as WallLayout::toText(), cameras, streams per entry), written at
// every change. GUI thread, or any one thread.
//
// Names are compared without regard to case or surrounding spaces ("Night" and " night" are one layout:
// saving the second replaces the first, under the new spelling) and listed in the order of the user's
// language, case aside, numbers by value ("Wall 2" before "Wall 10").
//
// A damaged entry (no name, a layout text WallLayout::fromText refuses, a name given twice) is skipped and
// described in problems(), never fatal; the next write leaves it out of the file, so that the operator
// is told once, with the damaged text quoted, rather than at every start.

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

#include "vigie/widgets/WallLayout.h"

namespace vigie::app {

struct NamedLayout {
    QString name;
    vigie::widgets::WallLayout layout;
    QStringList cameraIds;  // per tile, "" for an empty tile; as many as the layout has tiles
    QStringList streams;    // per tile: WallController::streamPreferences() names; as many as the tiles
};

class NamedLayouts {
    Q_DECLARE_TR_FUNCTIONS(NamedLayouts)
public:
    // Reads the saved layouts.
    NamedLayouts();

    // Re-reads the settings (another window or process may have written them).
    void reload();

    // Names, sorted for display.
    QStringList names() const;
    bool contains(const QString& name) const;
    std::optional<NamedLayout> layout(const QString& name) const;

    // Adds the layout, or replaces the one of the same name. Refused (false) for an empty name or a layout
    // without tiles. Camera and stream lists are padded ("", "auto") or cut to the number of tiles.
    bool save(const NamedLayout& layout);
    // False when there is no such layout.
    bool remove(const QString& name);
    // False when `from` does not exist, `to` is empty, or `to` names another saved layout (a change of
    // case or spaces of the same name is fine).
    bool rename(const QString& from, const QString& to);

    // What was wrong with the entries skipped at the last read, one sentence each, for the operator.
    QStringList problems() const { return m_problems; }

    static constexpr const char* kSettingsArray = "layouts";

private:
    qsizetype indexOf(const QString& name) const;
    void write() const;

    QList<NamedLayout> m_layouts;  // in the order saved
    QStringList m_problems;
};

}  // namespace vigie::app
