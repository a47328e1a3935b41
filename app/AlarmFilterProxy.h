#pragma once
// Which alarms the alarm list shows: by state, priority, type and a text (camera, site, rule, folded
// like the camera search). Keeps the source's order (priority, then newest first).

#include <QSet>
#include <QSortFilterProxyModel>

#include <optional>

namespace vigie::app {

class AlarmFilterProxy : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit AlarmFilterProxy(QObject* parent = nullptr);

    void setState(std::optional<int> state);        // AlarmState as int; nullopt: every active state
    void setPriority(std::optional<int> priority);  // AlarmPriority as int; nullopt: all
    void setType(std::optional<int> type);          // AlarmType as int; nullopt: all
    void setText(const QString& text);              // camera, site, rule, description; empty: all

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    std::optional<int> m_state;
    std::optional<int> m_priority;
    std::optional<int> m_type;
    QString m_foldedText;
};

}  // namespace vigie::app
