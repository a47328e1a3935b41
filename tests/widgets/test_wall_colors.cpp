// End-to-end colour check of the video path: clips of known colours, encoded by the ffmpeg CLI with the
// four matrix/range combinations (H.264 8-bit), in 10-bit H.265, MJPEG and uncompressed NV12, are decoded
// by the player and drawn by the wall; the displayed pixels must match the source colours. A wrong matrix
// (BT.601 vs BT.709) or range (limited vs full) moves at least one of the chosen colours far outside the
// tolerance (checked below, and by hand once by swapping the shader's matrix); so does a wrong 10-bit
// sample scale (checked by hand by dropping the scale of 10-bit samples).

#include <QApplication>
#include <QProcess>
#include <QStandardPaths>
#include <QSurfaceFormat>
#include <QTemporaryDir>
#include <QtTest>

#include <iterator>
#include <memory>
#include <span>
#include <vector>

#include "vigie/player/StreamSession.h"
#include "WallTestPath.h"
#include "vigie/widgets/WallWidget.h"
#include "wall_test_support.h"

using namespace wall_test;
using vigie::player::StreamOptions;
using vigie::player::StreamSession;
using vigie::widgets::WallLayout;
using vigie::widgets::WallWidget;

namespace {

constexpr int kTolerance = 6;
constexpr int kBlock = 128;  // block side in pixels; blocks are laid out kColumns x kRows
constexpr int kColumns = 3;
constexpr int kRows = 2;

// Saturated colours away from clipping (a clipped channel would hide a range error), and two greys.
const QColor kColors[kColumns * kRows] = {
    QColor(200, 40, 40), QColor(40, 180, 60),   QColor(50, 70, 200),
    QColor(230, 160, 30), QColor(190, 190, 190), QColor(60, 60, 60),
};

enum class Codec {
    H264,    // libx264 lossless, yuv420p
    Hevc10,  // libx265 lossless, yuv420p10le (the software HEVC Main10 decoder's output)
    Mjpeg,   // mjpeg in AVI, yuvj422p: full range BT.601, as MJPEG cameras send
    Nv12,    // rawvideo NV12 in Matroska (hardware decoders' layout)
};

struct Encoding {
    const char* name;
    ColorMatrix matrix;
    ColorRange range;
    Codec codec = Codec::H264;
    PixelLayout layout = PixelLayout::Yuv420p;  // what the player must report
};
// The first four are the matrix/range combinations the power test is about.
const Encoding kEncodings[] = {
    {"bt601-limited", ColorMatrix::Bt601, ColorRange::Limited},
    {"bt601-full", ColorMatrix::Bt601, ColorRange::Full},
    {"bt709-limited", ColorMatrix::Bt709, ColorRange::Limited},
    {"bt709-full", ColorMatrix::Bt709, ColorRange::Full},
    {"hevc10-bt709-limited", ColorMatrix::Bt709, ColorRange::Limited, Codec::Hevc10, PixelLayout::Yuv420p10},
    {"hevc10-bt601-full", ColorMatrix::Bt601, ColorRange::Full, Codec::Hevc10, PixelLayout::Yuv420p10},
    {"mjpeg-bt601-full", ColorMatrix::Bt601, ColorRange::Full, Codec::Mjpeg, PixelLayout::Yuv422p},
    {"nv12-bt709-limited", ColorMatrix::Bt709, ColorRange::Limited, Codec::Nv12, PixelLayout::Nv12},
};
constexpr int kClips = int(std::size(kEncodings));
constexpr int kPowerEncodings = 4;

}  // namespace

class TestWallColors : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void testHasPower();
    void colorsMatch();
    void cleanupTestCase();

private:
    QString makeClip(const Encoding& encoding);

    QTemporaryDir m_dir;
    std::vector<QString> m_clips;
};

QString TestWallColors::makeClip(const Encoding& e)
{
    // lavfi colour sources stacked into one picture, converted from RGB by swscale with the wanted
    // matrix and range (format=rgb24 first, so that the colour sources do not convert by themselves with
    // their own default matrix), encoded losslessly and tagged.
    QString graph;
    for (int i = 0; i < kColumns * kRows; ++i)
        graph += QStringLiteral("color=c=0x%1:s=%2x%2:r=25:d=0.4[c%3];")
                     .arg(kColors[i].name(QColor::HexRgb).mid(1))
                     .arg(kBlock)
                     .arg(i);
    for (int r = 0; r < kRows; ++r) {
        for (int c = 0; c < kColumns; ++c)
            graph += QStringLiteral("[c%1]").arg(r * kColumns + c);
        graph += QStringLiteral("hstack=inputs=%1[row%2];").arg(kColumns).arg(r);
    }
    for (int r = 0; r < kRows; ++r)
        graph += QStringLiteral("[row%1]").arg(r);
    const bool bt709 = e.matrix == ColorMatrix::Bt709;
    const bool full = e.range == ColorRange::Full;
    const char* format = "yuv420p";
    switch (e.codec) {
    case Codec::H264: break;
    case Codec::Hevc10: format = "yuv420p10le"; break;
    case Codec::Mjpeg: format = "yuvj422p"; break;
    case Codec::Nv12: format = "nv12"; break;
    }
    graph += QStringLiteral("vstack=inputs=%1,format=rgb24,scale=out_color_matrix=%2:out_range=%3,format=%4[v]")
                 .arg(kRows)
                 .arg(bt709 ? "bt709" : "bt601", full ? "pc" : "tv", format);
    const QString tag = bt709 ? QStringLiteral("bt709") : QStringLiteral("smpte170m");
    const QStringList tags{"-colorspace", tag,  "-color_primaries", tag,
                           "-color_trc",  tag,  "-color_range",     full ? "pc" : "tv"};
    QStringList codec;
    QString extension = QStringLiteral(".mp4");
    switch (e.codec) {
    case Codec::H264: codec = QStringList{"-c:v", "libx264", "-qp", "0", "-preset", "ultrafast"} + tags; break;
    case Codec::Hevc10:
        codec = QStringList{"-c:v", "libx265", "-preset", "ultrafast", "-x265-params", "lossless=1:log-level=error"};
        codec += tags;
        break;
    case Codec::Mjpeg:
        // No tags: the MJPEG decoder must report full range BT.601 by itself.
        codec = QStringList{"-c:v", "mjpeg", "-q:v", "2"};
        extension = QStringLiteral(".avi");
        break;
    case Codec::Nv12:
        codec = QStringList{"-c:v", "rawvideo"} + tags;
        extension = QStringLiteral(".mkv");
        break;
    }
    const QString path = m_dir.filePath(QString::fromLatin1(e.name) + extension);
    const QStringList args =
        QStringList{"-v", "error", "-y", "-filter_complex", graph, "-map", "[v]"} + codec + QStringList{path};
    QProcess ffmpeg;
    ffmpeg.setProcessChannelMode(QProcess::MergedChannels);
    ffmpeg.start(QStringLiteral("ffmpeg"), args);
    if (!ffmpeg.waitForFinished(60000) || ffmpeg.exitStatus() != QProcess::NormalExit || ffmpeg.exitCode() != 0) {
        qWarning("ffmpeg failed: %s", ffmpeg.readAll().constData());
        return {};
    }
    return path;
}

void TestWallColors::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("ffmpeg")).isEmpty(),
             "the ffmpeg command-line tool is needed (scripts/install-deps installs it)");
    for (const Encoding& e : kEncodings) {
        const QString clip = makeClip(e);
        QVERIFY2(!clip.isEmpty(), e.name);
        m_clips.push_back(clip);
    }
}

void TestWallColors::testHasPower()
{
    // For every encoding, each wrong interpretation (other matrix, other range, both) must put at least
    // one block clearly outside the tolerance, or the test could not see that mistake.
    for (const Encoding& e : std::span(kEncodings, kPowerEncodings)) {
        for (const Encoding& wrong : std::span(kEncodings, kPowerEncodings)) {
            if (wrong.matrix == e.matrix && wrong.range == e.range)
                continue;
            double worst = 0;
            for (const QColor& color : kColors) {
                const auto rgb = yuvToRgb(rgbToYuv(color, e.matrix, e.range), wrong.matrix, wrong.range);
                const double clamped[3] = {std::clamp(rgb[0], 0.0, 255.0), std::clamp(rgb[1], 0.0, 255.0),
                                           std::clamp(rgb[2], 0.0, 255.0)};
                worst = std::max({worst, std::abs(clamped[0] - color.red()), std::abs(clamped[1] - color.green()),
                                  std::abs(clamped[2] - color.blue())});
            }
            qInfo("%s shown as %s: worst channel error %.1f", e.name, wrong.name, worst);
            QVERIFY2(worst > 2 * kTolerance, qPrintable(QStringLiteral("%1 vs %2").arg(e.name, wrong.name)));
        }
    }
}

void TestWallColors::colorsMatch()
{
    WallWidget wall;
    wall.resize(900, 600);
    wall.setWallLayout(WallLayout::grid(3, 3));
    QSet<int> presented;
    connect(&wall, &WallWidget::framePresented, &wall, [&presented](int tile) { presented.insert(tile); });
    wall.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wall));

    std::vector<std::unique_ptr<StreamSession>> sessions;
    for (int tile = 0; tile < kClips; ++tile) {
        StreamOptions options;
        options.url = m_clips[std::size_t(tile)];
        options.reconnect = false;
        sessions.push_back(std::make_unique<StreamSession>(options));
        wall.setTileFeed(tile, sessions.back()->mailbox());
        sessions.back()->start();
    }
    QTRY_VERIFY_WITH_TIMEOUT(presented.size() == kClips, 20000);
    QVERIFY2(wall.renderError().isEmpty(), qPrintable(wall.renderError()));

    const QImage image = wall.grabFramebuffer();
    const QString dir = qEnvironmentVariable("VIGIE_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        image.save(dir + QStringLiteral("/wall_colors.png"));

    QStringList failures;
    for (int tile = 0; tile < kClips; ++tile) {
        const Encoding& e = kEncodings[tile];
        // The player detected the encoding from the stream's tags.
        const auto info = wall.pictureInfo(tile);
        QVERIFY(info);
        QCOMPARE(info->size, QSize(kColumns * kBlock, kRows * kBlock));
        QCOMPARE(info->matrix, e.matrix);
        QCOMPARE(info->range, e.range);
        QCOMPARE(info->layout, e.layout);

        const QRect picture = wall.pictureRect(tile);
        int worst = 0;
        QString line;
        for (int b = 0; b < kColumns * kRows; ++b) {
            const double cx = (b % kColumns + 0.5) / kColumns;
            const double cy = (b / kColumns + 0.5) / kRows;
            const QPoint at(picture.x() + int(cx * picture.width()), picture.y() + int(cy * picture.height()));
            const QRgb actual = image.pixel(at);
            const int error = maxChannelError(actual, kColors[b]);
            worst = std::max(worst, error);
            line += QStringLiteral(" %1->%2").arg(describe(kColors[b]), describe(actual));
            if (error > kTolerance)
                failures << QStringLiteral("%1 block %2: expected %3, got %4 (error %5)")
                                .arg(e.name)
                                .arg(b)
                                .arg(describe(kColors[b]), describe(actual))
                                .arg(error);
        }
        qInfo("%s: worst channel error %d;%s", e.name, worst, qPrintable(line));
    }
    QVERIFY2(failures.isEmpty(), qPrintable(failures.join(QLatin1Char('\n'))));

    // Nearest filtering shows the same colours at block centres.
    wall.setSmoothScaling(false);
    const QImage nearest = wall.grabFramebuffer();
    for (int tile = 0; tile < kClips; ++tile) {
        const QRect picture = wall.pictureRect(tile);
        const QPoint centre(picture.x() + picture.width() / 6, picture.y() + picture.height() / 4);
        QVERIFY(maxChannelError(nearest.pixel(centre), kColors[0]) <= kTolerance);
    }
    sessions.clear();  // stops and joins the workers before the wall goes
}

void TestWallColors::cleanupTestCase() {}

int main(int argc, char** argv)
{
    QSurfaceFormat::setDefaultFormat(WallWidget::defaultSurfaceFormat());
    vigie::test::applyWallPathFromEnvironment();
    QApplication app(argc, argv);
    TestWallColors test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_wall_colors.moc"
