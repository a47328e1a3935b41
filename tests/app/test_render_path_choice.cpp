// The wall's drawing path: the user's preference against what the display's OpenGL is.

#include <QtTest/QTest>

#include "RenderPathChoice.h"

using vigie::app::chooseRenderPath;
using vigie::app::OpenGlProbe;
using vigie::app::parseRenderPreference;
using vigie::app::RenderPreference;
using Path = vigie::widgets::WallWidget::RenderPath;

class TestRenderPathChoice : public QObject {
    Q_OBJECT
private slots:
    void parsesPreferences();
    void autoPicksByRenderer();
    void explicitChoices();
};

namespace {
OpenGlProbe probe(int major, int minor, const char* renderer)
{
    OpenGlProbe p;
    p.created = true;
    p.major = major;
    p.minor = minor;
    p.renderer = QString::fromLatin1(renderer);
    return p;
}
}  // namespace

void TestRenderPathChoice::parsesPreferences()
{
    QCOMPARE(parseRenderPreference(QStringLiteral("auto")), RenderPreference::Auto);
    QCOMPARE(parseRenderPreference(QStringLiteral(" OpenGL ")), RenderPreference::OpenGL);
    QCOMPARE(parseRenderPreference(QStringLiteral("software")), RenderPreference::Software);
    QVERIFY(!parseRenderPreference(QStringLiteral("vulkan")));
    QVERIFY(!parseRenderPreference(QString()));
}

void TestRenderPathChoice::autoPicksByRenderer()
{
    const auto gpu = chooseRenderPath(RenderPreference::Auto, probe(4, 6, "AMD Radeon RX 6600 (radeonsi)"));
    QCOMPARE(gpu.path, Path::OpenGL);
    const auto llvmpipe = chooseRenderPath(RenderPreference::Auto, probe(4, 5, "llvmpipe (LLVM 15.0.6, 256 bits)"));
    QCOMPARE(llvmpipe.path, Path::Software);
    QVERIFY2(llvmpipe.reason.contains(QLatin1String("llvmpipe")), qPrintable(llvmpipe.reason));
    QCOMPARE(chooseRenderPath(RenderPreference::Auto, probe(3, 3, "softpipe")).path, Path::Software);
    // Too old, or no context at all: video on the CPU path rather than none.
    QCOMPARE(chooseRenderPath(RenderPreference::Auto, probe(3, 1, "Intel HD 3000")).path, Path::Software);
    const auto none = chooseRenderPath(RenderPreference::Auto, OpenGlProbe{});
    QCOMPARE(none.path, Path::Software);
    QVERIFY(none.reason.contains(QLatin1String("no OpenGL")));
}

void TestRenderPathChoice::explicitChoices()
{
    QCOMPARE(chooseRenderPath(RenderPreference::OpenGL, probe(4, 5, "llvmpipe")).path, Path::OpenGL);
    QCOMPARE(chooseRenderPath(RenderPreference::Software, probe(4, 6, "NVIDIA GeForce")).path, Path::Software);
    // OpenGL asked for where it cannot work: software, and the reason says so.
    const auto impossible = chooseRenderPath(RenderPreference::OpenGL, probe(2, 1, "old"));
    QCOMPARE(impossible.path, Path::Software);
    QVERIFY(impossible.reason.contains(QLatin1String("3.3")));
}

QTEST_GUILESS_MAIN(TestRenderPathChoice)
#include "test_render_path_choice.moc"
