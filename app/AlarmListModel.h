#pragma once
// The active alarms as a table for the alarm dock: high priority first, then the newest first.
//
// Follows an AlarmBook incrementally: apply() moves, inserts, updates or removes only the rows of the
// alarms that changed (binary search on the sort key), so that a storm of changes costs a few row
// operations per batch instead of a reset, and the operator's selection and scroll position survive.
//
// Thread affinity: GUI thread. Pure model: testable without a window.

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

#include <functional>
#include <memory>
#include <vector>

#include "vigie/rpc/AlarmBook.h"
#include "vigie/rpc/AlarmTypes.h"

namespace vigie::app {

class AlarmListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { PriorityColumn, TimeColumn, TypeColumn, CameraColumn, RuleColumn, StateColumn, AssigneeColumn,
                  ColumnCount };
    enum Role {
        AlarmIdRole = Qt::UserRole + 1,  // QString
        PriorityRole,                    // int (vigie::rpc::AlarmPriority)
        StateRole,                       // int (vigie::rpc::AlarmState)
        TypeRole,                        // int (vigie::rpc::AlarmType)
        CameraIdRole,                    // QString
        SiteIdRole,                      // QString (from the camera lookup)
        AcknowledgedRole,                // bool
        SearchTextRole,                  // QString: camera, site, rule, description folded for search
    };

    // What the table shows of a camera: its name and its site (id and name).
    struct CameraLabel {
        QString name;
        QString siteId;
        QString siteName;
    };
    using CameraLookup = std::function<CameraLabel(const QString& cameraId)>;

    explicit AlarmListModel(QObject* parent = nullptr);

    void setCameraLookup(CameraLookup lookup);

    // Everything from the book (after a fresh list).
    void reset(const vigie::rpc::AlarmBook& book);
    // Only these alarms changed in the book (added, updated, closed or removed).
    void apply(const vigie::rpc::AlarmBook& book, const QStringList& alarmIds);

    const vigie::rpc::Alarm* alarmAt(int row) const;
    int rowOf(const QString& alarmId) const;  // -1 when not listed

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString typeName(vigie::rpc::AlarmType type);
    static QString priorityName(vigie::rpc::AlarmPriority priority);
    static QString stateName(vigie::rpc::AlarmState state);
    // Background of a row of that priority (colour by priority, readable on the dark theme too).
    static QColor priorityColour(vigie::rpc::AlarmPriority priority);

private:
    // Sort key: priority (high first), raised time (newest first), id.
    static bool before(const vigie::rpc::Alarm& a, const vigie::rpc::Alarm& b);
    int insertionRow(const vigie::rpc::Alarm& alarm) const;

    // Sorted by before(). Shared pointers: an insertion in the middle moves pointers, not alarms (with
    // their history), which keeps a storm's insertions cheap.
    std::vector<std::shared_ptr<const vigie::rpc::Alarm>> m_rows;
    // The listed alarms' sort keys, to find a row by binary search: priority, raised time.
    QHash<QString, std::pair<int, qint64>> m_keys;
    CameraLookup m_lookup;
};

}  // namespace vigie::app
