#pragma once
// One camera as the directory describes it, ready for display in the camera tree.

#include <QString>
#include <QStringList>

namespace vigie::widgets {

struct CameraEntry {
    QString id;           // stable directory id; what drag-and-drop and activation carry
    QString name;         // display name
    QString siteId;       // cameras are grouped by site
    QString siteName;
    QStringList tags;
    bool online = false;
    QString stateReason;  // why offline / degraded, shown in the tooltip
    bool hasPtz = false;
    bool recording = false;

    friend bool operator==(const CameraEntry&, const CameraEntry&) = default;
};

}  // namespace vigie::widgets
