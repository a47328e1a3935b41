// The adaptive stream rule: which stream a tile plays for the size of its picture on screen.

#include <QtTest>

#include "StreamChoice.h"

using vigie::app::StreamChoice;
using vigie::rpc::StreamRole;

namespace {
const QSize kSub(640, 360);
const QSize kMain(1280, 720);
}  // namespace

class TestStreamChoice : public QObject {
    Q_OBJECT

private slots:
    void smallTilesPlaySub()
    {
        // 4x4 and 2x2 tiles of a 1920x1080 wall.
        QCOMPARE(StreamChoice::choose(StreamRole::Sub, QSize(478, 268), kSub, kMain), StreamRole::Sub);
        QCOMPARE(StreamChoice::choose(StreamRole::Main, QSize(478, 268), kSub, kMain), StreamRole::Sub);
        QCOMPARE(StreamChoice::choose(StreamRole::Sub, QSize(959, 539), kSub, kMain), StreamRole::Sub);
    }

    void largeTilesPlayMain()
    {
        QCOMPARE(StreamChoice::choose(StreamRole::Sub, QSize(1920, 1080), kSub, kMain), StreamRole::Main);
        QCOMPARE(StreamChoice::choose(StreamRole::Main, QSize(1920, 1080), kSub, kMain), StreamRole::Main);
    }

    void thresholdsHaveHysteresis()
    {
        // 16:9 tiles, so the picture height is the tile height.
        auto tile = [](int height) { return QSize(height * 16 / 9 + 1, height); };
        // Up: main only above 1.5 x 360 = 540.
        QCOMPARE(StreamChoice::choose(StreamRole::Sub, tile(540), kSub, kMain), StreamRole::Sub);
        QCOMPARE(StreamChoice::choose(StreamRole::Sub, tile(541), kSub, kMain), StreamRole::Main);
        // Down: sub only at 1.25 x 360 = 450 or less.
        QCOMPARE(StreamChoice::choose(StreamRole::Main, tile(451), kSub, kMain), StreamRole::Main);
        QCOMPARE(StreamChoice::choose(StreamRole::Main, tile(450), kSub, kMain), StreamRole::Sub);
        // In the band, the current choice stays whichever it is.
        for (int h = 451; h <= 540; ++h) {
            QCOMPARE(StreamChoice::choose(StreamRole::Sub, tile(h), kSub, kMain), StreamRole::Sub);
            QCOMPARE(StreamChoice::choose(StreamRole::Main, tile(h), kSub, kMain), StreamRole::Main);
        }
    }

    void resizingBackAndForthInTheBandDoesNotFlip()
    {
        StreamRole role = StreamRole::Sub;
        role = StreamChoice::choose(role, QSize(1200, 600), kSub, kMain);  // grown past 540
        QCOMPARE(role, StreamRole::Main);
        int switches = 0;
        for (int h : {530, 470, 520, 460, 539, 451}) {
            const StreamRole next = StreamChoice::choose(role, QSize(h * 2, h), kSub, kMain);
            switches += next != role;
            role = next;
        }
        QCOMPARE(switches, 0);
        QCOMPARE(role, StreamRole::Main);
    }

    void pictureHeightIsTheAspectFit()
    {
        // A wide, short tile: the tile's height limits the picture.
        QCOMPARE(StreamChoice::pictureHeight(QSize(1900, 500), kSub), 500);
        // A tall, narrow tile: its width does (letterboxed).
        QCOMPARE(StreamChoice::pictureHeight(QSize(640, 1000), kSub), 360);
        QCOMPARE(StreamChoice::choose(StreamRole::Sub, QSize(640, 1000), kSub, kMain), StreamRole::Sub);
        QCOMPARE(StreamChoice::choose(StreamRole::Sub, QSize(1100, 1000), kSub, kMain), StreamRole::Main);
        QCOMPARE(StreamChoice::pictureHeight(QSize(), kSub), 0);
        QCOMPARE(StreamChoice::pictureHeight(QSize(100, 100), QSize()), 0);
    }

    void missingStreamsAndUnknownGeometry()
    {
        // A camera with one stream plays it whatever the tile.
        QCOMPARE(StreamChoice::choose(StreamRole::Sub, QSize(1920, 1080), kSub, QSize()), StreamRole::Sub);
        QCOMPARE(StreamChoice::choose(StreamRole::Main, QSize(100, 60), QSize(), kMain), StreamRole::Main);
        // A "main" stream no larger than the sub one brings nothing: sub.
        QCOMPARE(StreamChoice::choose(StreamRole::Main, QSize(1920, 1080), kSub, kSub), StreamRole::Sub);
        // A tile not laid out yet keeps what it has.
        QCOMPARE(StreamChoice::choose(StreamRole::Main, QSize(), kSub, kMain), StreamRole::Main);
        QCOMPARE(StreamChoice::choose(StreamRole::Sub, QSize(0, 0), kSub, kMain), StreamRole::Sub);
    }
};

QTEST_APPLESS_MAIN(TestStreamChoice)
#include "test_stream_choice.moc"
