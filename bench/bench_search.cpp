// Camera search on a large directory: the time from a keystroke in the search box to the filtered tree
// laid out (CameraTreeView: CameraFilterProxy over CameraTreeModel, expanded QTreeView), with 5,000
// cameras in 50 sites. Goal: under 50 ms per keystroke.
//
// Usage: bench_search [--cameras N] [--repeats N]   (defaults 5000, 15; needs a display: scripts/with-display)
// Each query is typed as an operator would, one character at a time, and every step is timed (setting
// the text, then processing events until the view has relaid out); medians and maxima per query.

#include <QApplication>
#include <QElapsedTimer>
#include <QTreeView>
#include <QtTest/QTest>

#include <algorithm>
#include <cstdio>
#include <vector>

#include "vigie/widgets/CameraEntry.h"
#include "vigie/widgets/CameraTreeModel.h"
#include "vigie/widgets/CameraTreeView.h"

using vigie::widgets::CameraEntry;
using vigie::widgets::CameraTreeView;

namespace {

QList<CameraEntry> directory(int count)
{
    const QStringList tags{"parking", "entrée", "quai", "rond-point", "école", "marché", "gare", "mairie"};
    const QStringList streets{"rue Victor Hugo", "avenue Jean Jaurès", "place de la République", "quai des Pêcheurs",
                              "boulevard Gambetta", "rue de la Gare", "chemin des Écoliers"};
    QList<CameraEntry> cameras;
    for (int i = 0; i < count; ++i) {
        CameraEntry c;
        c.id = QStringLiteral("cam-%1").arg(i, 4, 10, QLatin1Char('0'));
        c.name = QStringLiteral("%1 %2 n°%3").arg(streets[i % streets.size()]).arg(i % 17).arg(i);
        c.siteId = QStringLiteral("site-%1").arg(i / 100);
        c.siteName = QStringLiteral("Quartier %1").arg(i / 100);
        c.tags = {tags[i % tags.size()]};
        c.online = i % 11 != 0;
        cameras << c;
    }
    return cameras;
}

double median(std::vector<double> v)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

int visibleCameras(const QAbstractItemModel& model)
{
    int count = 0;
    for (int site = 0; site < model.rowCount(); ++site)
        count += model.rowCount(model.index(site, 0));
    return count;
}

}  // namespace

int main(int argc, char** argv)
{
    int cameras = 5000;
    int repeats = 15;
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg == "--cameras" && i + 1 < argc) {
            cameras = std::max(1, QByteArray(argv[++i]).toInt());
        } else if (arg == "--repeats" && i + 1 < argc) {
            repeats = std::max(1, QByteArray(argv[++i]).toInt());
        } else {
            const bool help = arg == "--help";
            std::fprintf(help ? stdout : stderr, "usage: bench_search [--cameras N] [--repeats N]\n");
            return help ? 0 : 2;
        }
    }
    QApplication app(argc, argv);
    CameraTreeView view;
    view.resize(320, 900);
    view.show();
    if (!QTest::qWaitForWindowExposed(&view)) {
        std::fprintf(stderr, "the view was not exposed\n");
        return 1;
    }
    QElapsedTimer load;
    load.start();
    view.model()->setCameras(directory(cameras));
    QCoreApplication::processEvents();
    std::printf("bench_search: %d cameras in %d sites loaded and laid out in %lld ms; %d repeats per query\n",
                cameras, (cameras + 99) / 100, load.elapsed(), repeats);
    std::printf("%-22s | %8s | %12s %12s | %s\n", "query (typed)", "matches", "median ms", "max ms",
                "per keystroke, the whole query typed");

    const char* queries[] = {"gare", "jaures 12", "ecole", "cam-4321", "quartier 7 parking", "zzz"};
    double worst = 0;
    for (const char* query : queries) {
        const QString text = QString::fromUtf8(query);
        std::vector<double> steps;
        int matches = 0;
        for (int r = 0; r < repeats; ++r) {
            view.setSearchText(QString());
            QCoreApplication::processEvents();
            for (int n = 1; n <= text.size(); ++n) {
                QElapsedTimer timer;
                timer.start();
                view.setSearchText(text.left(n));
                QCoreApplication::processEvents();  // the view's relayout happens here
                steps.push_back(double(timer.nsecsElapsed()) / 1e6);
            }
            matches = visibleCameras(*view.treeView()->model());
        }
        const double max = *std::max_element(steps.begin(), steps.end());
        worst = std::max(worst, median(steps));
        std::printf("%-22s | %8d | %12.2f %12.2f |\n", query, matches, median(steps), max);
    }
    std::printf("\nslowest median per keystroke: %.2f ms (goal: under 50 ms)\n", worst);
    return 0;
}
