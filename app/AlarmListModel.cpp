#include "AlarmListModel.h"

#include <QColor>
#include <QFont>
#include <QLocale>

#include <algorithm>

#include "vigie/widgets/CameraTreeModel.h"

namespace vigie::app {

using vigie::rpc::Alarm;
using vigie::rpc::AlarmPriority;
using vigie::rpc::AlarmState;
using vigie::rpc::AlarmType;

namespace {

// An alarm without a raise time sorts as raised at the epoch, in the key and in before() alike, so that
// its row is always found again.
qint64 raisedMs(const Alarm& alarm)
{
    return alarm.raisedAt.isValid() ? alarm.raisedAt.toMSecsSinceEpoch() : 0;
}

std::pair<int, qint64> keyOf(const Alarm& alarm)
{
    return {int(alarm.priority), raisedMs(alarm)};
}

// The camera search's folding (case and accents), so that "ecole" finds "École" here too.
QString fold(const QString& text)
{
    return vigie::widgets::CameraTreeModel::foldForSearch(text);
}

}  // namespace

AlarmListModel::AlarmListModel(QObject* parent) : QAbstractTableModel(parent) {}

void AlarmListModel::setCameraLookup(CameraLookup lookup)
{
    m_lookup = std::move(lookup);
    if (!m_rows.empty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

bool AlarmListModel::before(const Alarm& a, const Alarm& b)
{
    if (a.priority != b.priority)
        return int(a.priority) < int(b.priority);
    if (raisedMs(a) != raisedMs(b))
        return raisedMs(a) > raisedMs(b);
    return a.id < b.id;
}

int AlarmListModel::insertionRow(const Alarm& alarm) const
{
    return int(std::lower_bound(m_rows.begin(), m_rows.end(), alarm,
                                [](const std::shared_ptr<const Alarm>& row, const Alarm& a) { return before(*row, a); }) -
               m_rows.begin());
}

int AlarmListModel::rowOf(const QString& alarmId) const
{
    const auto key = m_keys.constFind(alarmId);
    if (key == m_keys.constEnd())
        return -1;
    Alarm probe;
    probe.id = alarmId;
    probe.priority = AlarmPriority(key->first);
    probe.raisedAt = QDateTime::fromMSecsSinceEpoch(key->second, Qt::UTC);
    const int row = insertionRow(probe);
    return row < int(m_rows.size()) && m_rows[size_t(row)]->id == alarmId ? row : -1;
}

const Alarm* AlarmListModel::alarmAt(int row) const
{
    return row >= 0 && row < int(m_rows.size()) ? m_rows[size_t(row)].get() : nullptr;
}

void AlarmListModel::reset(const vigie::rpc::AlarmBook& book)
{
    beginResetModel();
    m_rows.clear();
    m_keys.clear();
    const QStringList ids = book.ids();
    m_rows.reserve(size_t(ids.size()));
    for (const QString& id : ids) {
        const Alarm* alarm = book.alarm(id);
        if (!alarm || !alarm->isActive())
            continue;
        m_rows.push_back(std::make_shared<const Alarm>(*alarm));
        m_keys.insert(id, keyOf(*alarm));
    }
    std::sort(m_rows.begin(), m_rows.end(), [](const auto& a, const auto& b) { return before(*a, *b); });
    endResetModel();
}

void AlarmListModel::apply(const vigie::rpc::AlarmBook& book, const QStringList& alarmIds)
{
    for (const QString& id : alarmIds) {
        const int row = rowOf(id);
        const Alarm* now = book.alarm(id);
        if (!now || !now->isActive()) {
            if (row >= 0) {
                beginRemoveRows({}, row, row);
                m_rows.erase(m_rows.begin() + row);
                m_keys.remove(id);
                endRemoveRows();
            }
            continue;
        }
        if (row >= 0 && keyOf(*m_rows[size_t(row)]) == keyOf(*now)) {
            m_rows[size_t(row)] = std::make_shared<const Alarm>(*now);  // same place: only its cells change
            emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
            continue;
        }
        if (row >= 0) {
            beginRemoveRows({}, row, row);
            m_rows.erase(m_rows.begin() + row);
            endRemoveRows();
        }
        const int at = insertionRow(*now);
        beginInsertRows({}, at, at);
        m_rows.insert(m_rows.begin() + at, std::make_shared<const Alarm>(*now));
        m_keys.insert(id, keyOf(*now));
        endInsertRows();
    }
}

int AlarmListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AlarmListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString AlarmListModel::typeName(AlarmType type)
{
    switch (type) {
    case AlarmType::Intrusion: return tr("Intrusion");
    case AlarmType::LineCrossed: return tr("Line crossed");
    case AlarmType::Loitering: return tr("Loitering");
    case AlarmType::ObjectLeft: return tr("Object left");
    case AlarmType::ObjectRemoved: return tr("Object removed");
    case AlarmType::WrongWay: return tr("Wrong way");
    case AlarmType::CrowdDensity: return tr("Crowd density");
    case AlarmType::VideoLoss: return tr("Video loss");
    case AlarmType::Tampering: return tr("Tampering");
    case AlarmType::Unknown: break;
    }
    return tr("Alarm");
}

QString AlarmListModel::priorityName(AlarmPriority priority)
{
    switch (priority) {
    case AlarmPriority::High: return tr("High");
    case AlarmPriority::Medium: return tr("Medium");
    case AlarmPriority::Low: break;
    }
    return tr("Low");
}

QString AlarmListModel::stateName(AlarmState state)
{
    switch (state) {
    case AlarmState::New: return tr("New");
    case AlarmState::InProgress: return tr("In progress");
    case AlarmState::OnHold: return tr("On hold");
    case AlarmState::Closed: break;
    }
    return tr("Closed");
}

QColor AlarmListModel::priorityColour(AlarmPriority priority)
{
    // Saturated enough to be told apart at a glance, dark enough for light text on the dark theme.
    switch (priority) {
    case AlarmPriority::High: return QColor(150, 30, 30);
    case AlarmPriority::Medium: return QColor(140, 90, 10);
    case AlarmPriority::Low: break;
    }
    return QColor(40, 70, 110);
}

QVariant AlarmListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Alarm& alarm = *m_rows[size_t(index.row())];
    const CameraLabel camera = m_lookup ? m_lookup(alarm.cameraId) : CameraLabel{alarm.cameraId, {}, {}};
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case PriorityColumn: return priorityName(alarm.priority);
        case TimeColumn: return QLocale().toString(alarm.eventTime.toLocalTime().time(), QStringLiteral("HH:mm:ss"));
        case TypeColumn: return typeName(alarm.type);
        case CameraColumn: return camera.name.isEmpty() ? alarm.cameraId : camera.name;
        case RuleColumn: return alarm.ruleName;
        case StateColumn:
            return alarm.acknowledged ? stateName(alarm.state) : tr("%1, not seen").arg(stateName(alarm.state));
        case AssigneeColumn: return alarm.assigneeDisplayName.isEmpty() ? alarm.assignee : alarm.assigneeDisplayName;
        default: return {};
        }
    case Qt::ToolTipRole:
        return alarm.description.isEmpty() ? alarm.ruleName : alarm.description;
    case Qt::BackgroundRole:
        return index.column() == PriorityColumn ? QVariant(priorityColour(alarm.priority)) : QVariant();
    case Qt::ForegroundRole:
        return index.column() == PriorityColumn ? QVariant(QColor(Qt::white)) : QVariant();
    case Qt::FontRole:
        if (!alarm.acknowledged) {
            QFont bold;
            bold.setBold(true);
            return bold;  // not seen yet: it must stand out
        }
        return {};
    case AlarmIdRole: return alarm.id;
    case PriorityRole: return int(alarm.priority);
    case StateRole: return int(alarm.state);
    case TypeRole: return int(alarm.type);
    case CameraIdRole: return alarm.cameraId;
    case SiteIdRole: return camera.siteId;
    case AcknowledgedRole: return alarm.acknowledged;
    case SearchTextRole:
        return fold(QStringList{camera.name, alarm.cameraId, camera.siteName, alarm.ruleName, alarm.description,
                                typeName(alarm.type)}
                        .join(QLatin1Char(' ')));
    default: return {};
    }
}

QVariant AlarmListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case PriorityColumn: return tr("Priority");
    case TimeColumn: return tr("Time");
    case TypeColumn: return tr("Type");
    case CameraColumn: return tr("Camera");
    case RuleColumn: return tr("Rule");
    case StateColumn: return tr("State");
    case AssigneeColumn: return tr("Assigned to");
    default: return {};
    }
}

}  // namespace vigie::app
