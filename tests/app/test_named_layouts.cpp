// The operator's saved layouts: saved by name with cameras and streams per tile, replaced by the same
// name, renamed, removed, listed in the user's order, read back by a new instance (a restart), and a
// damaged entry skipped with a message instead of a crash. The settings live in Qt's test locations.

#include <QCoreApplication>
#include <QFile>
#include <QLocale>
#include <QSettings>
#include <QStandardPaths>
#include <QtTest/QTest>

#include "NamedLayouts.h"
#include "vigie/widgets/LayoutPresets.h"

using vigie::app::NamedLayout;
using vigie::app::NamedLayouts;
using vigie::widgets::LayoutPresets;
using vigie::widgets::WallLayout;

class TestNamedLayouts : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void emptyAtFirst();
    void saveAndLoad();
    void sameNameReplaces();
    void refusesEmptyNameOrLayout();
    void listsPadsAndCuts();
    void renameAndRemove();
    void namesSortedForPeople();
    void restartReadsWhatWasWritten();
    void damagedEntryIsSkippedAndReported();

private:
    QString m_path;
};

namespace {

NamedLayout onePlusFive(const QString& name)
{
    return NamedLayout{name, LayoutPresets::uneven(LayoutPresets::Uneven::OnePlusFive),
                       {"cam-a", "", "cam-c", "cam-d", "", "cam-f"},
                       {"main", "auto", "sub", "auto", "auto", "sub"}};
}

}  // namespace

void TestNamedLayouts::initTestCase()
{
    // Never the user's real settings: Qt's test locations, and a file of this suite's own.
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("vigie-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("test_named_layouts"));
    m_path = QSettings().fileName();
    QVERIFY(!m_path.isEmpty());
    QVERIFY(m_path.contains(QLatin1String("test_named_layouts")));
}

void TestNamedLayouts::init()
{
    QFile::remove(m_path);
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestNamedLayouts::emptyAtFirst()
{
    const NamedLayouts store;
    QVERIFY(store.names().isEmpty());
    QVERIFY(store.problems().isEmpty());
    QVERIFY(!store.layout(QStringLiteral("anything")));
    QVERIFY(!store.contains(QStringLiteral("anything")));
}

void TestNamedLayouts::saveAndLoad()
{
    NamedLayouts store;
    QVERIFY(store.save(onePlusFive(QStringLiteral("  Entrance  "))));
    QCOMPARE(store.names(), QStringList{QStringLiteral("Entrance")});
    const auto loaded = store.layout(QStringLiteral("entrance"));  // case and spaces aside
    QVERIFY(loaded);
    QCOMPARE(loaded->name, QStringLiteral("Entrance"));
    QCOMPARE(loaded->layout, LayoutPresets::uneven(LayoutPresets::Uneven::OnePlusFive));
    QCOMPARE(loaded->cameraIds, onePlusFive({}).cameraIds);
    QCOMPARE(loaded->streams, onePlusFive({}).streams);
}

void TestNamedLayouts::sameNameReplaces()
{
    NamedLayouts store;
    QVERIFY(store.save(onePlusFive(QStringLiteral("Night"))));
    QVERIFY(store.save(NamedLayout{QStringLiteral("night"), WallLayout::grid(2, 2), {"x", "y", "z", "w"}, {}}));
    QCOMPARE(store.names(), QStringList{QStringLiteral("night")});
    const auto loaded = store.layout(QStringLiteral("NIGHT"));
    QVERIFY(loaded);
    QCOMPARE(loaded->layout, WallLayout::grid(2, 2));
    QCOMPARE(loaded->cameraIds, (QStringList{"x", "y", "z", "w"}));
}

void TestNamedLayouts::refusesEmptyNameOrLayout()
{
    NamedLayouts store;
    QVERIFY(!store.save(onePlusFive(QStringLiteral("   "))));
    QVERIFY(!store.save(NamedLayout{QStringLiteral("Nothing"), WallLayout(), {}, {}}));
    QVERIFY(store.names().isEmpty());
    QVERIFY(!QFile::exists(m_path) || NamedLayouts().names().isEmpty());
}

void TestNamedLayouts::listsPadsAndCuts()
{
    NamedLayouts store;
    // Too few cameras and no streams for four tiles; too many for one.
    QVERIFY(store.save(NamedLayout{QStringLiteral("Short"), WallLayout::grid(2, 2), {"a"}, {}}));
    QVERIFY(store.save(NamedLayout{QStringLiteral("Long"), WallLayout::grid(1, 1), {"a", "b"}, {"main", "sub"}}));
    const NamedLayouts reread;
    QCOMPARE(reread.layout(QStringLiteral("Short"))->cameraIds, (QStringList{"a", "", "", ""}));
    QCOMPARE(reread.layout(QStringLiteral("Short"))->streams, (QStringList{"auto", "auto", "auto", "auto"}));
    QCOMPARE(reread.layout(QStringLiteral("Long"))->cameraIds, QStringList{"a"});
    QCOMPARE(reread.layout(QStringLiteral("Long"))->streams, QStringList{"main"});
}

void TestNamedLayouts::renameAndRemove()
{
    NamedLayouts store;
    QVERIFY(store.save(onePlusFive(QStringLiteral("Day"))));
    QVERIFY(store.save(NamedLayout{QStringLiteral("Night"), WallLayout::grid(3, 3), {}, {}}));
    QVERIFY(!store.rename(QStringLiteral("Dusk"), QStringLiteral("Dawn")));   // unknown
    QVERIFY(!store.rename(QStringLiteral("Day"), QStringLiteral("  ")));      // empty
    QVERIFY(!store.rename(QStringLiteral("Day"), QStringLiteral("NIGHT")));   // taken by another
    QVERIFY(store.rename(QStringLiteral("day"), QStringLiteral("DAY")));      // same name, new spelling
    QCOMPARE(store.names(), (QStringList{"DAY", "Night"}));
    QVERIFY(store.rename(QStringLiteral("DAY"), QStringLiteral("Morning")));
    QCOMPARE(store.names(), (QStringList{"Morning", "Night"}));
    QCOMPARE(store.layout(QStringLiteral("Morning"))->cameraIds, onePlusFive({}).cameraIds);

    QVERIFY(!store.remove(QStringLiteral("Day")));
    QVERIFY(store.remove(QStringLiteral("night")));
    QCOMPARE(store.names(), QStringList{"Morning"});
    // The file says the same.
    QCOMPARE(NamedLayouts().names(), QStringList{"Morning"});
}

void TestNamedLayouts::namesSortedForPeople()
{
    NamedLayouts store;
    for (const char* name : {"zone", "Élysée", "entrée", "Accueil", "beta", "Wall 10", "Wall 2"})
        QVERIFY(store.save(NamedLayout{QString::fromUtf8(name), WallLayout::grid(1, 1), {}, {}}));
    // Case aside, accents where the language puts them (not after "z"), numbers by value.
    const QStringList expected{"Accueil", "beta", QString::fromUtf8("Élysée"), QString::fromUtf8("entrée"),
                               "Wall 2", "Wall 10", "zone"};
    QCOMPARE(store.names(), expected);
    QLocale::setDefault(QLocale(QLocale::French, QLocale::France));
    QCOMPARE(store.names(), expected);
}

void TestNamedLayouts::restartReadsWhatWasWritten()
{
    {
        NamedLayouts store;
        QVERIFY(store.save(onePlusFive(QStringLiteral("Car park"))));
        QVERIFY(store.save(NamedLayout{QStringLiteral("Lobby"), WallLayout::grid(2, 1), {"", "cam-l"}, {"sub", "main"}}));
        QVERIFY(store.remove(QStringLiteral("Car park")));
        QVERIFY(store.save(onePlusFive(QStringLiteral("Car park 2"))));
    }
    const NamedLayouts restarted;
    QVERIFY(restarted.problems().isEmpty());
    QCOMPARE(restarted.names(), (QStringList{"Car park 2", "Lobby"}));
    const auto lobby = restarted.layout(QStringLiteral("Lobby"));
    QVERIFY(lobby);
    QCOMPARE(lobby->layout, WallLayout::grid(2, 1));
    QCOMPARE(lobby->cameraIds, (QStringList{"", "cam-l"}));  // the empty tile stays empty, in its place
    QCOMPARE(lobby->streams, (QStringList{"sub", "main"}));
    const auto carPark = restarted.layout(QStringLiteral("Car park 2"));
    QVERIFY(carPark);
    const NamedLayout expected = onePlusFive(QStringLiteral("Car park 2"));
    QCOMPARE(carPark->name, expected.name);
    QCOMPARE(carPark->layout, expected.layout);
    QCOMPARE(carPark->cameraIds, expected.cameraIds);
    QCOMPARE(carPark->streams, expected.streams);
}

void TestNamedLayouts::damagedEntryIsSkippedAndReported()
{
    {
        NamedLayouts store;
        QVERIFY(store.save(onePlusFive(QStringLiteral("Good"))));
        QVERIFY(store.save(NamedLayout{QStringLiteral("Broken"), WallLayout::grid(2, 2), {}, {}}));
        QVERIFY(store.save(NamedLayout{QStringLiteral("Also good"), WallLayout::grid(1, 1), {"c"}, {}}));
    }
    {
        // A hand edit or a disk fault: overlapping tiles, a missing name, a name given twice.
        QSettings settings;
        settings.beginGroup(QStringLiteral("layouts"));
        settings.setValue(QStringLiteral("2/layout"), QStringLiteral("2x2:0,0,2,2;1,1,1,1"));
        settings.setValue(QStringLiteral("size"), 5);
        settings.setValue(QStringLiteral("4/layout"), QStringLiteral("1x1:0,0,1,1"));
        settings.setValue(QStringLiteral("5/name"), QStringLiteral("GOOD"));
        settings.setValue(QStringLiteral("5/layout"), QStringLiteral("1x1:0,0,1,1"));
    }
    NamedLayouts store;
    QCOMPARE(store.names(), (QStringList{"Also good", "Good"}));
    QCOMPARE(store.layout(QStringLiteral("Good"))->cameraIds, onePlusFive({}).cameraIds);
    const QStringList problems = store.problems();
    QCOMPARE(problems.size(), 3);
    QVERIFY2(problems.at(0).contains(QLatin1String("Broken")) && problems.at(0).contains(QLatin1String("2x2:0,0,2,2;1,1,1,1")),
             qPrintable(problems.at(0)));
    QVERIFY2(problems.at(1).contains(QLatin1String("4")), qPrintable(problems.at(1)));
    QVERIFY2(problems.at(2).contains(QLatin1String("GOOD")), qPrintable(problems.at(2)));

    // The next change writes the good entries only: the damage is reported once.
    QVERIFY(store.save(NamedLayout{QStringLiteral("New"), WallLayout::grid(1, 1), {}, {}}));
    const NamedLayouts restarted;
    QVERIFY(restarted.problems().isEmpty());
    QCOMPARE(restarted.names(), (QStringList{"Also good", "Good", "New"}));
}

QTEST_GUILESS_MAIN(TestNamedLayouts)
#include "test_named_layouts.moc"
