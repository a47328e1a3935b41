// The alarm list's model and filter, without a window: order (priority, then newest), incremental
// updates from an AlarmBook (moves, inserts, removals checked by QAbstractItemModelTester), filters.

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QtTest>

#include "AlarmFilterProxy.h"
#include "AlarmListModel.h"
#include "vigie/rpc/AlarmBook.h"

using vigie::app::AlarmFilterProxy;
using vigie::app::AlarmListModel;
using vigie::rpc::Alarm;
using vigie::rpc::AlarmBook;
using vigie::rpc::AlarmPriority;
using vigie::rpc::AlarmState;
using vigie::rpc::AlarmType;

namespace {

const QDateTime kStart = QDateTime::fromString(QStringLiteral("2026-11-28T10:00:00Z"), Qt::ISODate);

Alarm alarm(const QString& id, AlarmPriority priority, int secondsAfterStart, qint64 version = 1,
            AlarmState state = AlarmState::New, const QString& camera = QStringLiteral("cam-01"))
{
    Alarm a;
    a.id = id;
    a.version = version;
    a.priority = priority;
    a.state = state;
    a.cameraId = camera;
    a.type = AlarmType::Intrusion;
    a.raisedAt = kStart.addSecs(secondsAfterStart);
    a.eventTime = a.raisedAt;
    a.ruleName = QStringLiteral("Quai %1").arg(id);
    return a;
}

QStringList idsInOrder(const QAbstractItemModel& model)
{
    QStringList ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids << model.index(row, 0).data(AlarmListModel::AlarmIdRole).toString();
    return ids;
}

}  // namespace

class TestAlarmListModel : public QObject {
    Q_OBJECT
private slots:
    void orderIsPriorityThenNewest();
    void changesMoveInsertAndRemoveRows();
    void filtersByStatePriorityAndText();
    void stormOfChangesIsCheap();
};

void TestAlarmListModel::orderIsPriorityThenNewest()
{
    AlarmBook book;
    book.reset({alarm("a", AlarmPriority::Low, 1), alarm("b", AlarmPriority::High, 2), alarm("c", AlarmPriority::High, 5),
                alarm("d", AlarmPriority::Medium, 9)},
               10);
    AlarmListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.reset(book);
    QCOMPARE(idsInOrder(model), (QStringList{"c", "b", "d", "a"}));
    QCOMPARE(model.index(0, AlarmListModel::PriorityColumn).data().toString(), QStringLiteral("High"));
    QCOMPARE(model.index(0, AlarmListModel::PriorityColumn).data(Qt::BackgroundRole).value<QColor>(),
             AlarmListModel::priorityColour(AlarmPriority::High));
    // Not seen yet: bold.
    QVERIFY(model.index(0, 0).data(Qt::FontRole).value<QFont>().bold());
}

void TestAlarmListModel::changesMoveInsertAndRemoveRows()
{
    AlarmBook book;
    book.reset({alarm("a", AlarmPriority::Low, 1), alarm("b", AlarmPriority::Medium, 2), alarm("c", AlarmPriority::Medium, 3)},
               10);
    AlarmListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.reset(book);
    QCOMPARE(idsInOrder(model), (QStringList{"c", "b", "a"}));

    // A new high alarm goes on top; "a" raised to high moves up; "b" acknowledged stays in place.
    Alarm raised = alarm("a", AlarmPriority::High, 1, 2);
    Alarm seen = alarm("b", AlarmPriority::Medium, 2, 2);
    seen.acknowledged = true;
    QStringList changed = book.applyBatch({alarm("n", AlarmPriority::High, 20), raised, seen});
    model.apply(book, changed);
    QCOMPARE(idsInOrder(model), (QStringList{"n", "a", "c", "b"}));
    QVERIFY(!model.index(model.rowOf("b"), 0).data(Qt::FontRole).value<QFont>().bold());

    // Closed: gone. A stale event (older version) changes nothing.
    model.apply(book, book.applyBatch({alarm("c", AlarmPriority::Medium, 3, 2, AlarmState::Closed),
                                       alarm("a", AlarmPriority::Low, 1, 1)}));
    QCOMPARE(idsInOrder(model), (QStringList{"n", "a", "b"}));
    QCOMPARE(model.rowOf("c"), -1);
    QCOMPARE(model.rowOf("a"), 1);
}

void TestAlarmListModel::filtersByStatePriorityAndText()
{
    AlarmBook book;
    book.reset({alarm("a", AlarmPriority::High, 1, 1, AlarmState::New, "cam-01"),
                alarm("b", AlarmPriority::High, 2, 1, AlarmState::InProgress, "cam-02"),
                alarm("c", AlarmPriority::Low, 3, 1, AlarmState::OnHold, "cam-03")},
               10);
    AlarmListModel model;
    model.setCameraLookup([](const QString& id) {
        return AlarmListModel::CameraLabel{id == "cam-02" ? QStringLiteral("École Jules Ferry") : id, QStringLiteral("s1"),
                                           QStringLiteral("Centre")};
    });
    model.reset(book);
    AlarmFilterProxy filter;
    filter.setSourceModel(&model);
    QCOMPARE(filter.rowCount(), 3);
    filter.setState(int(AlarmState::InProgress));
    QCOMPARE(idsInOrder(filter), QStringList{"b"});
    filter.setState(std::nullopt);
    filter.setPriority(int(AlarmPriority::High));
    QCOMPARE(idsInOrder(filter), (QStringList{"b", "a"}));
    filter.setPriority(std::nullopt);
    filter.setText(QStringLiteral("ecole"));  // accents and case folded
    QCOMPARE(idsInOrder(filter), QStringList{"b"});
    filter.setText(QString());
    // A change of state moves a row in or out of a filtered view by itself.
    filter.setState(int(AlarmState::New));
    QCOMPARE(idsInOrder(filter), QStringList{"a"});
    model.apply(book, book.applyBatch({alarm("b", AlarmPriority::High, 2, 2, AlarmState::New, "cam-02")}));
    QCOMPARE(idsInOrder(filter), (QStringList{"b", "a"}));
}

void TestAlarmListModel::stormOfChangesIsCheap()
{
    // 5,000 active alarms, then 50 batches of 200 changes (a storm at 1,000/s drained every 50 ms: 50 per
    // batch; four times that here): each batch touches only its rows.
    AlarmBook book;
    QList<Alarm> initial;
    for (int i = 0; i < 5000; ++i)
        initial << alarm(QStringLiteral("a%1").arg(i), AlarmPriority(1 + i % 3), i);
    book.reset(initial, 5000);
    AlarmListModel model;
    model.reset(book);
    int resets = 0;
    connect(&model, &QAbstractItemModel::modelReset, this, [&] { ++resets; });
    QElapsedTimer timer;
    timer.start();
    int next = 5000;
    for (int batch = 0; batch < 50; ++batch) {
        QList<Alarm> changes;
        for (int i = 0; i < 100; ++i, ++next)
            changes << alarm(QStringLiteral("a%1").arg(next), AlarmPriority(1 + i % 3), next);
        for (int i = 0; i < 100; ++i) {
            const int id = (batch * 100 + i) % 5000;
            changes << alarm(QStringLiteral("a%1").arg(id), AlarmPriority(1 + id % 3), id, 2, AlarmState::InProgress);
        }
        model.apply(book, book.applyBatch(changes));
    }
    const qint64 ms = timer.elapsed();
    qInfo("50 batches of 200 changes over 5,000+ alarms: %lld ms (%.2f ms per batch)", ms, ms / 50.0);
    QCOMPARE(resets, 0);
    QCOMPARE(model.rowCount(), 10000);
    QCOMPARE(idsInOrder(model), [&] {
        QStringList ids;
        for (const Alarm& a : book.active())
            ids << a.id;
        return ids;
    }());
}

QTEST_MAIN(TestAlarmListModel)
#include "test_alarm_list_model.moc"
