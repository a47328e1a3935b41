// What feeds the incident-review timeline, against a real vigie-sim recording two cheap cameras with ten
// minutes of backfilled past (one outage per camera): the rows get the recorded spans and the outage as
// a gap where the backend puts it (within a pixel); panning back costs no call; an alarm raised now
// appears as a marker (picked up by the live-edge refresh); a bookmark created from a selection through
// the bookmark panel's dialog appears on the timeline and in the panel, is found by accent-less words,
// and deleting it removes it; a delete on a stale version says who changed it; a viewer's rows say that
// they may not view recordings.
//
// VIGIE_REVIEW_SHOT=<file.png> also saves a picture of the timeline, the transport bar and the panel.

#include <QtTest>

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <memory>

#include "BackendUser.h"
#include "BookmarkPanel.h"
#include "Language.h"
#include "ReviewTimelineFeeder.h"
#include "SimProcess.h"
#include "vigie/rpc/BackendClient.h"
#include "vigie/rpc/BookmarkLink.h"
#include "vigie/rpc/RecordingLink.h"
#include "vigie/widgets/BookmarkDialog.h"
#include "vigie/widgets/ReviewBar.h"
#include "vigie/widgets/TimelineWidget.h"

using namespace vigie::rpc;
using vigie::app::BookmarkPanel;
using vigie::app::ReviewTimelineFeeder;
using vigie::test::userOn;
using vigie::widgets::ReviewBar;
using vigie::widgets::TimelineMarkerKind;
using vigie::widgets::TimelineRow;
using vigie::widgets::TimelineWidget;
using vigie::widgets::TimeSpan;

namespace {

const QString kCamera = QStringLiteral("cheap-01");
const QString kOther = QStringLiteral("cheap-02");
constexpr int kBackfillSeconds = 600;

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

bool covers(const QList<TimeSpan>& spans, qint64 t)
{
    return std::any_of(spans.cbegin(), spans.cend(), [t](const TimeSpan& s) { return s.contains(t); });
}

}  // namespace

class TestReviewFeeder : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void rowsShowRecordingAndTheOutage();
    void panningBackNeedsNoCall();
    void alarmRaisedNowBecomesAMarker();
    void bookmarkFromTheSelection();
    void staleDeleteSaysWhoChangedIt();
    void viewerRowsSayNoRight();
    void screenshot();
    void screenshotInFrench();
    void cleanupTestCase();

private:
    // The exact gaps of a camera (resolution 0), as the backend has them.
    QList<TimelineSpan> exactGaps(const QString& cameraId, const TimeSpanMs& range);
    const TimelineRow* rowOf(const QString& cameraId) const;

    vigie::test::SimProcess m_sim;
    qint64 m_startedMs = 0;
    std::unique_ptr<BackendClient> m_backend;
    std::unique_ptr<RecordingLink> m_recordings;
    std::unique_ptr<BookmarkLink> m_bookmarks;
    std::unique_ptr<QWidget> m_window;
    TimelineWidget* m_timeline = nullptr;
    ReviewBar* m_bar = nullptr;
    BookmarkPanel* m_panel = nullptr;
    ReviewTimelineFeeder* m_feeder = nullptr;
};

void TestReviewFeeder::initTestCase()
{
    m_startedMs = nowMs();
    QVERIFY2(m_sim.start({QStringLiteral("--cameras"), QStringLiteral("0"), QStringLiteral("--cheap-cameras"),
                          QStringLiteral("2"), QStringLiteral("--alarm-rate"), QStringLiteral("0"),
                          QStringLiteral("--segment-s"), QStringLiteral("2"), QStringLiteral("--backfill-s"),
                          QString::number(kBackfillSeconds)},
                         std::chrono::seconds(60)),
             qPrintable(m_sim.lastError()));
    m_backend = std::make_unique<BackendClient>(userOn(m_sim.grpcAddress(), QStringLiteral("supervisor")));
    m_recordings = std::make_unique<RecordingLink>(m_backend.get());
    m_bookmarks = std::make_unique<BookmarkLink>(m_backend.get());
    m_backend->start();
    QTRY_COMPARE_WITH_TIMEOUT(m_backend->state(), ConnectionState::Online, 15000);
    QVERIFY(m_backend->mayViewRecordings(kCamera));

    m_window = std::make_unique<QWidget>();
    auto* layout = new QVBoxLayout(m_window.get());
    m_timeline = new TimelineWidget(m_window.get());
    m_bar = new ReviewBar(m_window.get());
    m_panel = new BookmarkPanel(m_bookmarks.get(), m_backend.get(), m_window.get());
    layout->addWidget(m_timeline);
    layout->addWidget(m_bar);
    layout->addWidget(m_panel, 1);
    m_window->resize(1280, 620);
    m_feeder = new ReviewTimelineFeeder(m_timeline, m_recordings.get(), m_bookmarks.get(), m_window.get());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    // The whole backfill and a little of the future.
    const qint64 now = nowMs();
    m_timeline->setVisibleRange(now - (kBackfillSeconds + 60) * 1000, now + 60'000);
    m_timeline->setPlayhead(now - 300'000);
    m_feeder->setCameras({{kCamera, QStringLiteral("Caméra économique 1")}, {kOther, QStringLiteral("Caméra économique 2")}});
    m_panel->setCameras({kCamera, kOther});
}

void TestReviewFeeder::cleanupTestCase()
{
    m_window.reset();
    m_bookmarks.reset();
    m_recordings.reset();
    m_backend.reset();
    m_sim.stop();
}

const TimelineRow* TestReviewFeeder::rowOf(const QString& cameraId) const
{
    for (qsizetype i = 0; i < m_timeline->rowCount(); ++i)
        if (m_timeline->row(i).cameraId == cameraId)
            return &m_timeline->row(i);
    return nullptr;
}

QList<TimelineSpan> TestReviewFeeder::exactGaps(const QString& cameraId, const TimeSpanMs& range)
{
    std::optional<Timeline> timeline;
    m_recordings->timeline(cameraId, range, 0, [&](const Timeline& t, const auto&) { timeline = t; });
    if (!QTest::qWaitFor([&] { return timeline.has_value(); }, 5000))
        return {};
    QList<TimelineSpan> gaps;
    for (const auto& span : timeline->spans)
        if (span.kind == TimelineSpanKind::Gap)
            gaps << span;
    return gaps;
}

void TestReviewFeeder::rowsShowRecordingAndTheOutage()
{
    QCOMPARE(m_timeline->rowCount(), 2);
    QCOMPARE(m_timeline->row(0).cameraId, kCamera);
    QCOMPARE(m_timeline->row(1).cameraId, kOther);
    QTRY_VERIFY_WITH_TIMEOUT(m_feeder->isIdle() && !rowOf(kCamera)->recorded.isEmpty() && !rowOf(kOther)->recorded.isEmpty(),
                             10000);
    QVERIFY2(m_feeder->problemText().isEmpty(), qPrintable(m_feeder->problemText()));
    const double pixel = m_timeline->msPerPixel();
    const qint64 now = nowMs();
    const TimeSpanMs past{now - (kBackfillSeconds + 60) * 1000, now - 5000};
    for (const QString& camera : {kCamera, kOther}) {
        const TimelineRow* row = rowOf(camera);
        QVERIFY(row);
        // The backend's own outage (exact spans): one gap in the backfill, drawn at its place within a
        // pixel (the request's resolution is at most one pixel).
        const QList<TimelineSpan> exact = exactGaps(camera, past);
        const auto outage = std::find_if(exact.cbegin(), exact.cend(), [&](const TimelineSpan& s) {
            // N/5 = 120 s long; not the gap before the backfill, which starts where the request does.
            return s.range.start > past.start && s.range.end - s.range.start > 60'000;
        });
        QVERIFY2(outage != exact.cend(), qPrintable(camera));
        const auto drawn = std::find_if(row->gaps.cbegin(), row->gaps.cend(), [&](const TimeSpan& g) {
            return std::abs(g.start - outage->range.start) <= pixel + 1 && std::abs(g.end - outage->range.end) <= pixel + 1;
        });
        QVERIFY2(drawn != row->gaps.cend(),
                 qPrintable(QStringLiteral("%1: outage %2..%3 (%4 ms/px) not among the row's %5 gaps")
                                .arg(camera)
                                .arg(outage->range.start)
                                .arg(outage->range.end)
                                .arg(pixel)
                                .arg(row->gaps.size())));
        // Recorded before and after it, nothing left loading in the past (the live edge refreshes).
        QVERIFY(covers(row->recorded, outage->range.start - 30'000));
        QVERIFY(covers(row->recorded, outage->range.end + 30'000));
        QVERIFY(covers(row->recorded, now - 20'000));
        for (const TimeSpan& loading : row->loading)
            QVERIFY2(loading.start >= now - 2 * ReviewTimelineFeeder::kRefreshMs - 1000,
                     qPrintable(QStringLiteral("%1 loading from %2 s ago").arg(camera).arg((now - loading.start) / 1000)));
    }
}

void TestReviewFeeder::panningBackNeedsNoCall()
{
    QTRY_VERIFY_WITH_TIMEOUT(m_feeder->isIdle(), 10000);
    const qint64 firstStart = m_timeline->visibleStart();
    const qint64 firstEnd = m_timeline->visibleEnd();
    // A view of the past only (with its margins): the live-edge refresh does not call meanwhile.
    const qint64 span = 120'000;
    const qint64 end = nowMs() - 2 * span;
    const qint64 start = end - span;
    // The widget tells the view after a short delay: wait for it, then for the answers.
    QSignalSpy ranges(m_timeline, &TimelineWidget::visibleRangeChanged);
    const auto moveTo = [&](qint64 from, qint64 to) {
        ranges.clear();
        m_timeline->setVisibleRange(from, to);
        return ranges.wait(2000) || !ranges.isEmpty();
    };
    QVERIFY(moveTo(start, end));
    QTRY_VERIFY_WITH_TIMEOUT(m_feeder->isIdle(), 10000);
    // Away into the past (new data: calls), then back: the view's level is cached.
    const int before = m_feeder->timelineCallCount();
    QVERIFY(moveTo(start - 2 * span, end - 2 * span));
    QTRY_VERIFY_WITH_TIMEOUT(m_feeder->isIdle(), 10000);
    QVERIFY(m_feeder->timelineCallCount() > before);
    const int calls = m_feeder->timelineCallCount();
    // Back, a little off the first view (same level, older part): everything it needs was fetched.
    QVERIFY(moveTo(start - span / 4, end - span / 4));
    QTRY_VERIFY_WITH_TIMEOUT(m_feeder->isIdle(), 10000);
    QCOMPARE(m_feeder->timelineCallCount(), calls);
    QVERIFY(moveTo(firstStart, firstEnd));
    QTRY_VERIFY_WITH_TIMEOUT(m_feeder->isIdle(), 10000);
}

void TestReviewFeeder::alarmRaisedNowBecomesAMarker()
{
    QString reply;
    QVERIFY(m_sim.command(QStringLiteral("raise-alarm %1 intrusion high").arg(kCamera), &reply));
    const QString alarmId = reply.mid(3).trimmed();
    QVERIFY(!alarmId.isEmpty());
    const auto marker = [&]() -> std::optional<vigie::widgets::TimelineAlarm> {
        for (const auto& alarm : m_feeder->alarms())
            if (alarm.id == alarmId)
                return alarm;
        return std::nullopt;
    };
    // The live-edge refresh (every kRefreshMs) picks it up.
    QTRY_VERIFY_WITH_TIMEOUT(marker().has_value(), 3 * ReviewTimelineFeeder::kRefreshMs + 5000);
    QCOMPARE(marker()->priority, 1);
    QVERIFY(std::abs(marker()->time - nowMs()) < 30'000);
    // And drawn: the alarm lane has it under the pointer at its time.
    const QPoint at(int(m_timeline->xForTime(marker()->time)), m_timeline->alarmLaneRect().center().y());
    const auto hit = m_timeline->markerAt(at);
    QVERIFY(hit.has_value());
    QCOMPARE(hit->kind, TimelineMarkerKind::Alarm);
}

void TestReviewFeeder::bookmarkFromTheSelection()
{
    const qint64 now = nowMs();
    const TimeSpan range{now - 240'000, now - 180'000};
    vigie::widgets::BookmarkDialog* dialog =
        m_panel->createFromSelection(kCamera, QStringLiteral("Caméra économique 1"), range);
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    QPushButton* ok = dialog->buttons()->button(QDialogButtonBox::Ok);
    QVERIFY(!ok->isEnabled());
    // QTest types Latin-1 keys only: the accents come as an input method commits them.
    QTest::keyClicks(dialog->titleEdit(), QStringLiteral("V"));
    QVERIFY(ok->isEnabled());
    dialog->titleEdit()->insert(QStringLiteral("éhicule arrêté devant l'entrée"));
    QTest::keyClicks(dialog->noteEdit(), QStringLiteral("Portiere avant ouverte, moteur allume."));
    QTest::mouseClick(ok, Qt::LeftButton);

    const auto onTimeline = [&] {
        for (const Bookmark& b : m_feeder->bookmarks())
            if (b.title.startsWith(QStringLiteral("Véhicule arrêté devant l'entrée")))
                return std::optional<Bookmark>(b);
        return std::optional<Bookmark>();
    };
    QTRY_VERIFY_WITH_TIMEOUT(onTimeline().has_value(), 10000);
    const Bookmark created = *onTimeline();
    QCOMPARE(created.range.start, range.start);
    QCOMPARE(created.range.end, range.end);
    QCOMPARE(created.cameraId, kCamera);
    const QPoint at(int(m_timeline->xForTime(range.start)) + 1, m_timeline->bookmarkLaneRect().center().y());
    QTRY_VERIFY(m_timeline->markerAt(at).has_value());
    QCOMPARE(m_timeline->markerAt(at)->kind, TimelineMarkerKind::Bookmark);
    QCOMPARE(m_timeline->markerAt(at)->id, created.id);

    // In the panel, with its camera's name and author.
    QTRY_VERIFY_WITH_TIMEOUT(m_panel->isIdle() && m_panel->list()->topLevelItemCount() == 1, 10000);
    QCOMPARE(m_panel->list()->topLevelItem(0)->text(0), created.title);
    QVERIFY(!m_panel->list()->topLevelItem(0)->text(3).isEmpty());

    // Activating it asks the review to seek there.
    QSignalSpy activated(m_panel, &BookmarkPanel::bookmarkActivated);
    m_panel->selectBookmark(created.id);
    m_panel->list()->setFocus();
    emit m_panel->list()->itemActivated(m_panel->list()->topLevelItem(0), 0);
    QCOMPARE(activated.count(), 1);
    QCOMPARE(activated.at(0).at(0).toString(), kCamera);
    QCOMPARE(activated.at(0).at(1).toLongLong(), range.start);

    // Found by accent-less words; not by others.
    m_panel->searchField()->setText(QStringLiteral("zebre"));
    QTRY_VERIFY_WITH_TIMEOUT(m_panel->isIdle() && m_panel->list()->topLevelItemCount() == 0, 10000);
    m_panel->searchField()->setText(QStringLiteral("vehicule ARRETE"));
    QTRY_VERIFY_WITH_TIMEOUT(m_panel->isIdle() && m_panel->list()->topLevelItemCount() == 1, 10000);
    QCOMPARE(m_panel->bookmarks().first().id, created.id);

    // Edited through the same dialog, filled with what the list shows: the list and the timeline follow.
    m_panel->selectBookmark(created.id);
    vigie::widgets::BookmarkDialog* edit = m_panel->editSelected();
    QVERIFY(edit);
    QTRY_VERIFY(edit->isVisible());
    QCOMPARE(edit->title(), created.title);
    QCOMPARE(edit->note(), created.note);
    edit->titleEdit()->end(false);
    QTest::keyClicks(edit->titleEdit(), QStringLiteral(", conducteur sorti"));
    QTest::mouseClick(edit->buttons()->button(QDialogButtonBox::Ok), Qt::LeftButton);
    const QString editedTitle = QStringLiteral("Véhicule arrêté devant l'entrée, conducteur sorti");
    QTRY_VERIFY_WITH_TIMEOUT(m_panel->isIdle() && m_panel->list()->topLevelItemCount() == 1 &&
                                 m_panel->list()->topLevelItem(0)->text(0) == editedTitle,
                             10000);
    QTRY_VERIFY_WITH_TIMEOUT(!m_feeder->bookmarks().isEmpty() && m_feeder->bookmarks().first().title == editedTitle, 10000);

    // Deleted after a confirmation (at the edited version): gone from the panel and the timeline.
    m_panel->selectBookmark(created.id);
    auto* box = qobject_cast<QMessageBox*>(m_panel->deleteSelected());
    QVERIFY(box);
    QTRY_VERIFY(box->isVisible());
    QTest::mouseClick(box->button(QMessageBox::Yes), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(m_panel->isIdle() && m_panel->list()->topLevelItemCount() == 0, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(!onTimeline().has_value(), 10000);
    QVERIFY2(m_panel->statusText().contains(QStringLiteral("deleted")), qPrintable(m_panel->statusText()));
    m_panel->searchField()->clear();
    QTRY_VERIFY_WITH_TIMEOUT(m_panel->isIdle(), 10000);
}

void TestReviewFeeder::staleDeleteSaysWhoChangedIt()
{
    // Another workstation (its own link: this panel is not told) changes a bookmark the panel shows.
    BookmarkLink elsewhere(m_backend.get());
    std::optional<Bookmark> created;
    const qint64 now = nowMs();
    elsewhere.create(kOther, {now - 100'000, now - 90'000}, QStringLiteral("Attroupement"), QString(),
                     [&](const auto& b, const auto&) { created = b; });
    QTRY_VERIFY_WITH_TIMEOUT(created.has_value(), 5000);
    m_panel->refresh();
    QTRY_VERIFY_WITH_TIMEOUT(m_panel->isIdle() && m_panel->list()->topLevelItemCount() == 1, 10000);
    Bookmark changed = *created;
    changed.title = QStringLiteral("Attroupement dispersé");
    bool done = false;
    elsewhere.update(changed, [&](const auto&, const auto&) { done = true; });
    QTRY_VERIFY_WITH_TIMEOUT(done, 5000);

    m_panel->selectBookmark(created->id);
    auto* box = qobject_cast<QMessageBox*>(m_panel->deleteSelected());
    QVERIFY(box);
    QTRY_VERIFY(box->isVisible());
    QTest::mouseClick(box->button(QMessageBox::Yes), Qt::LeftButton);
    QTRY_VERIFY2_WITH_TIMEOUT(m_panel->statusText().contains(QStringLiteral("supervisor")), qPrintable(m_panel->statusText()), 10000);
    QVERIFY2(m_panel->statusText().contains(QStringLiteral("changed by")), qPrintable(m_panel->statusText()));
    // Not deleted, and the list shows the new title.
    QTRY_VERIFY_WITH_TIMEOUT(m_panel->isIdle() && m_panel->list()->topLevelItemCount() == 1 &&
                                 m_panel->list()->topLevelItem(0)->text(0) == changed.title,
                             10000);
}

void TestReviewFeeder::viewerRowsSayNoRight()
{
    BackendClient viewer(userOn(m_sim.grpcAddress(), QStringLiteral("viewer")));
    RecordingLink recordings(&viewer);
    BookmarkLink bookmarks(&viewer);
    viewer.start();
    QTRY_COMPARE_WITH_TIMEOUT(viewer.state(), ConnectionState::Online, 15000);
    TimelineWidget timeline;
    timeline.resize(900, 200);
    ReviewTimelineFeeder feeder(&timeline, &recordings, &bookmarks);
    QSignalSpy problems(&feeder, &ReviewTimelineFeeder::problem);
    timeline.show();
    QVERIFY(QTest::qWaitForWindowExposed(&timeline));
    const qint64 now = nowMs();
    timeline.setVisibleRange(now - 600'000, now + 60'000);
    feeder.setCameras({{kCamera, QStringLiteral("Caméra économique 1")}});
    QTRY_VERIFY_WITH_TIMEOUT(feeder.isDenied(kCamera), 10000);
    QVERIFY(timeline.row(0).label.contains(QStringLiteral("no right")));
    QVERIFY(timeline.row(0).loading.isEmpty());
    QVERIFY(timeline.row(0).recorded.isEmpty());
    QVERIFY(timeline.row(0).gaps.isEmpty());
    QVERIFY(covers(timeline.row(0).outOfRetention, now - 300'000));
    QVERIFY(!problems.isEmpty());
    QVERIFY(feeder.problemText().contains(QStringLiteral("No right")));
    // No more calls for it.
    const int calls = feeder.timelineCallCount();
    feeder.refresh();
    timeline.setVisibleRange(now - 1200'000, now);
    QTRY_VERIFY_WITH_TIMEOUT(feeder.isIdle(), 5000);
    QCOMPARE(feeder.timelineCallCount(), calls);
}

void TestReviewFeeder::screenshot()
{
    const QString path = qEnvironmentVariable("VIGIE_REVIEW_SHOT");
    if (path.isEmpty())
        QSKIP("set VIGIE_REVIEW_SHOT=<file.png> to save a picture");
    const qint64 now = nowMs();
    // A bookmark and an alarm to show, over the whole backfill.
    bool done = false;
    m_bookmarks->create(kCamera, {now - 400'000, now - 340'000}, QStringLiteral("Livraison sur le trottoir"),
                        QStringLiteral("Camion arrêté 1 min"), [&](const auto&, const auto&) { done = true; });
    QTRY_VERIFY_WITH_TIMEOUT(done, 5000);
    QVERIFY(m_sim.command(QStringLiteral("raise-alarm %1 loitering medium").arg(kOther)));
    m_timeline->setVisibleRange(now - (kBackfillSeconds + 60) * 1000, now + 60'000);
    m_timeline->setPlayhead(now - 370'000);
    m_timeline->setSelection({now - 400'000, now - 340'000});
    m_bar->setPosition(now - 370'000);
    m_bar->setRate(4.0);
    m_bar->setPaused(false);
    m_bar->setStateText(QStringLiteral("Playing"));
    m_bar->setSelectionAvailable(true);
    QTRY_VERIFY_WITH_TIMEOUT(m_feeder->alarms().size() >= 2 && m_feeder->isIdle() && m_panel->isIdle() &&
                                 m_panel->list()->topLevelItemCount() >= 2,
                             3 * ReviewTimelineFeeder::kRefreshMs + 5000);
    for (const auto& alarm : m_feeder->alarms())
        qInfo("alarm %s priority %d at now - %lld ms", qPrintable(alarm.id), alarm.priority, nowMs() - alarm.time);
    QVERIFY(m_window->grab().save(path));
    qInfo("saved %s", qPrintable(path));
}

void TestReviewFeeder::screenshotInFrench()
{
    // The same pieces built afresh under the French translation (labels are set at construction), and
    // the bookmark dialog beside them: French strings are longer and must still fit.
    const QString path = qEnvironmentVariable("VIGIE_REVIEW_SHOT");
    if (path.isEmpty())
        QSKIP("set VIGIE_REVIEW_SHOT=<file.png> to save a picture");
    QVERIFY(vigie::app::Language::install(*qApp, QStringLiteral("fr")));
    QWidget window;
    auto* layout = new QVBoxLayout(&window);
    auto* timeline = new TimelineWidget(&window);
    auto* bar = new ReviewBar(&window);
    auto* panel = new BookmarkPanel(m_bookmarks.get(), m_backend.get(), &window);
    layout->addWidget(timeline);
    layout->addWidget(bar);
    layout->addWidget(panel, 1);
    window.resize(1280, 620);
    ReviewTimelineFeeder feeder(timeline, m_recordings.get(), m_bookmarks.get());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const qint64 now = nowMs();
    timeline->setVisibleRange(now - (kBackfillSeconds + 60) * 1000, now + 60'000);
    feeder.setCameras({{kCamera, QStringLiteral("Caméra économique 1")}, {kOther, QStringLiteral("Caméra économique 2")}});
    panel->setCameras({kCamera, kOther});
    bar->setPosition(now - 370'000);
    bar->setStateText(QStringLiteral("En pause"));
    QTRY_VERIFY_WITH_TIMEOUT(feeder.isIdle() && panel->isIdle() && panel->list()->topLevelItemCount() >= 1 &&
                                 !timeline->row(0).recorded.isEmpty(),
                             10000);
    QString shot = path;
    shot.replace(QLatin1String(".png"), QLatin1String("-fr.png"));
    QVERIFY(window.grab().save(shot));
    vigie::widgets::BookmarkDialog* dialog = panel->createFromSelection(kCamera, QStringLiteral("Caméra économique 1"),
                                                                        {now - 400'000, now - 340'000});
    QTRY_VERIFY(dialog->isVisible());
    dialog->titleEdit()->setText(QStringLiteral("Livraison sur le trottoir"));
    QString dialogShot = path;
    dialogShot.replace(QLatin1String(".png"), QLatin1String("-dialog-fr.png"));
    QVERIFY(dialog->grab().save(dialogShot));
    dialog->reject();
    qInfo("saved %s and %s", qPrintable(shot), qPrintable(dialogShot));
}

QTEST_MAIN(TestReviewFeeder)
#include "test_review_feeder.moc"
