#pragma once
// The alarm dock: the active alarms (AlarmListModel through AlarmFilterProxy), filters, the selected
// alarm's details and history, and the operator's actions on it.
//
// Keys while the panel has the focus: Space acknowledges, T takes, H holds, C closes (asking the
// verdict), Enter or a double click shows the camera live; Ctrl+Enter in the comment box adds it.
// A refused change is said under the list in words; a conflict (someone changed the alarm meanwhile)
// says who and shows the new state before the operator decides again.
//
// Thread affinity: GUI thread.

#include <QElapsedTimer>
#include <QHash>
#include <QImage>
#include <QQueue>
#include <QSet>
#include <QWidget>

#include <optional>

class QComboBox;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QMenu;
class QPlainTextEdit;
class QTableView;
class QTextBrowser;
class QTimer;
class QPushButton;

namespace vigie::rpc {
class AlarmLink;
class BackendClient;
struct RpcError;
}

namespace vigie::app {

class AlarmFilterProxy;
class AlarmListModel;

class AlarmPanel : public QWidget {
    Q_OBJECT
public:
    AlarmPanel(vigie::rpc::AlarmLink* alarms, vigie::rpc::BackendClient* backend, QWidget* parent = nullptr);
    ~AlarmPanel() override;

    AlarmListModel* model() const { return m_model; }
    AlarmFilterProxy* filter() const { return m_filter; }
    QTableView* table() const { return m_table; }
    QString selectedAlarmId() const;
    void selectAlarm(const QString& alarmId);
    QString feedback() const;  // the last outcome line shown under the list
    qint64 shownVersion() const;  // the selected alarm's version as the list shows it (0: none)

    void acknowledgeSelected();
    void takeSelected();
    void holdSelected();
    void assignSelected(const QString& assignee);  // login name; empty = nobody
    void assignAlarm(const QString& alarmId, const QString& assignee, qint64 seenVersion);
    void closeSelected(int verdict);  // vigie::rpc::AlarmVerdict as int
    void commentSelected(const QString& text);
    void showSelectedCamera();
    // Review the selected alarm's recording (R): offered once recordings are available.
    void reviewSelected();
    void setReviewAvailable(bool available);

    // The picture of the alarm's camera when it was raised (a still of the live stream), shown in the
    // details with the alarm's boxes drawn on it. The latest kMaxStills are kept; still() is as taken.
    void setStill(const QString& alarmId, const QImage& picture);
    QImage still(const QString& alarmId) const { return m_stills.value(alarmId); }
    QImage markedStill(const QString& alarmId);  // the still with the alarm's boxes drawn, as the details show it
    static constexpr int kMaxStills = 300;
    static constexpr int kStillShownWidth = 240;  // in the details, beside the text

signals:
    // The operator wants to see this alarm's camera live.
    void showCameraRequested(const QString& cameraId, const QString& alarmId);
    // The operator wants to see what the camera recorded around the alarm (eventTime: UTC).
    void reviewRequested(const QString& cameraId, const QDateTime& eventTime, const QString& alarmId);

private:
    void buildFilters(QHBoxLayout* bar);
    void updateDetails();
    void fillAssignees(QMenu* menu);  // the operators the selected alarm may go to, asked of the backend
    void report(const QString& action, const std::optional<vigie::rpc::RpcError>& error);
    void applyPending();

    static constexpr qint64 kApplyIntervalMs = 100;
    static constexpr int kResetAbove = 2000;  // changes in one batch above which a reset is cheaper than rows

    vigie::rpc::AlarmLink* m_alarms;
    vigie::rpc::BackendClient* m_backend;
    AlarmListModel* m_model = nullptr;
    AlarmFilterProxy* m_filter = nullptr;
    QTableView* m_table = nullptr;
    QTextBrowser* m_details = nullptr;
    QLineEdit* m_comment = nullptr;
    QLabel* m_feedback = nullptr;
    QPushButton* m_acknowledge = nullptr;
    QPushButton* m_take = nullptr;
    QPushButton* m_hold = nullptr;
    QPushButton* m_close = nullptr;
    QPushButton* m_assign = nullptr;
    QPushButton* m_show = nullptr;
    QPushButton* m_review = nullptr;  // hidden until recordings are available
    QTimer* m_applyTimer = nullptr;
    QSet<QString> m_pending;  // alarms changed since the last apply
    QHash<QString, QImage> m_stills;  // by alarm id, as taken (shared between alarms of one moment)
    QQueue<QString> m_stillOrder;     // oldest first, to drop beyond kMaxStills
    // The still of the alarm on show, its boxes drawn (one at a time: only the details show it).
    QString m_markedAlarmId;
    qint64 m_markedVersion = 0;
    QImage m_marked;
    QElapsedTimer m_sinceApply;
};

}  // namespace vigie::app
