// FrameMailbox ("latest wins") and VideoFrame::allocate plane geometry.
#include <QtTest>

#include <atomic>
#include <thread>

#include "vigie/player/FrameMailbox.h"
#include "vigie/player/VideoFrame.h"

using namespace vigie::player;

namespace {

std::unique_ptr<VideoFrame> makeFrame(std::uint64_t sequence)
{
    auto frame = VideoFrame::allocate(16, 16, PixelLayout::Yuv420p, ColorMatrix::Bt601, ColorRange::Limited);
    if (frame)
        frame->sequence = sequence;
    return frame;
}

}  // namespace

class TestFrameMailbox : public QObject {
    Q_OBJECT
private slots:
    void latestWinsAndDropsAreCounted()
    {
        FrameMailbox mailbox;
        QVERIFY(!mailbox.take());
        mailbox.post(makeFrame(1));
        mailbox.post(makeFrame(2));
        mailbox.post(makeFrame(3));
        auto frame = mailbox.take();
        QVERIFY(frame);
        QCOMPARE(frame->sequence, 3u);
        QVERIFY(!mailbox.take());  // nothing new since
        const auto counters = mailbox.counters();
        QCOMPARE(counters.posted, 3u);
        QCOMPARE(counters.dropped, 2u);
        QCOMPARE(counters.taken, 1u);
    }

    void nullPostIsIgnored()
    {
        FrameMailbox mailbox;
        mailbox.post(nullptr);
        QVERIFY(!mailbox.take());
        QCOMPARE(mailbox.counters().posted, 0u);
    }

    void clearDropsTheWaitingFrame()
    {
        FrameMailbox mailbox;
        int calls = 0;
        mailbox.setNotifier([&] { ++calls; });
        mailbox.post(makeFrame(1));
        mailbox.clear();
        QVERIFY(!mailbox.take());
        QCOMPARE(mailbox.counters().taken, 0u);
        mailbox.post(makeFrame(2));  // empty again: wakes the GUI again
        QCOMPARE(calls, 2);
    }

    void notifierOnlyOnEmptyToFull()
    {
        FrameMailbox mailbox;
        int calls = 0;
        mailbox.setNotifier([&] { ++calls; });
        mailbox.post(makeFrame(1));
        QCOMPARE(calls, 1);
        mailbox.post(makeFrame(2));
        mailbox.post(makeFrame(3));
        QCOMPARE(calls, 1);  // coalesced: the GUI will take the newest anyway
        QVERIFY(mailbox.take());
        mailbox.post(makeFrame(4));
        QCOMPARE(calls, 2);
    }

    void noCallAfterNotifierIsDetached()
    {
        FrameMailbox mailbox;
        int calls = 0;
        mailbox.setNotifier([&] { ++calls; });
        mailbox.setNotifier({});
        mailbox.post(makeFrame(1));
        QCOMPARE(calls, 0);
    }

    void noCallAfterDetachUnderConcurrency()
    {
        FrameMailbox mailbox;
        std::atomic<bool> detached{false};
        std::atomic<int> calls{0};
        std::atomic<int> callsAfterDetach{0};
        std::atomic<bool> done{false};
        mailbox.setNotifier([&] {
            if (detached.load())
                ++callsAfterDetach;
            ++calls;
        });
        // Post then take, so every post is an empty->full transition that calls the notifier.
        std::thread poster([&] {
            while (!done.load()) {
                mailbox.post(makeFrame(1));
                mailbox.take();
            }
        });
        QTRY_VERIFY_WITH_TIMEOUT(calls.load() > 100, 5000);
        mailbox.setNotifier({});
        detached.store(true);
        const int before = calls.load();
        QTRY_VERIFY_WITH_TIMEOUT(mailbox.counters().posted > std::uint64_t(before) + 1000, 5000);
        done.store(true);
        poster.join();
        QCOMPARE(callsAfterDetach.load(), 0);
        QCOMPARE(calls.load(), before);
    }

    void allocateGivesPlanesOfTheLayout_data()
    {
        QTest::addColumn<int>("layout");
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("height");
        QTest::addColumn<int>("chromaWidth");
        QTest::addColumn<int>("chromaHeight");
        QTest::newRow("420 even") << int(PixelLayout::Yuv420p) << 640 << 360 << 320 << 180;
        QTest::newRow("420 odd") << int(PixelLayout::Yuv420p) << 641 << 361 << 321 << 181;
        QTest::newRow("422") << int(PixelLayout::Yuv422p) << 641 << 361 << 321 << 361;
        QTest::newRow("444") << int(PixelLayout::Yuv444p) << 641 << 361 << 641 << 361;
        // Interleaved chroma: the width counts Cb Cr pairs.
        QTest::newRow("nv12 odd") << int(PixelLayout::Nv12) << 641 << 361 << 321 << 181;
        QTest::newRow("420 10-bit odd") << int(PixelLayout::Yuv420p10) << 641 << 361 << 321 << 181;
        QTest::newRow("p010 odd") << int(PixelLayout::P010) << 641 << 361 << 321 << 181;
    }

    void allocateGivesPlanesOfTheLayout()
    {
        QFETCH(int, layout);
        QFETCH(int, width);
        QFETCH(int, height);
        QFETCH(int, chromaWidth);
        QFETCH(int, chromaHeight);
        auto frame = VideoFrame::allocate(width, height, PixelLayout(layout), ColorMatrix::Bt709, ColorRange::Full);
        QVERIFY(frame);
        QCOMPARE(int(frame->layout()), layout);
        QCOMPARE(frame->matrix(), ColorMatrix::Bt709);
        QCOMPARE(frame->range(), ColorRange::Full);
        QCOMPARE(frame->width(), width);
        QCOMPARE(frame->height(), height);
        QCOMPARE(frame->planeWidth(0), width);
        QCOMPARE(frame->planeHeight(0), height);
        const bool twoPlanes = PixelLayout(layout) == PixelLayout::Nv12 || PixelLayout(layout) == PixelLayout::P010;
        const bool tenBits = PixelLayout(layout) == PixelLayout::Yuv420p10 || PixelLayout(layout) == PixelLayout::P010;
        QCOMPARE(frame->planeCount(), twoPlanes ? 2 : 3);
        QCOMPARE(frame->bytesPerSample(), tenBits ? 2 : 1);
        for (int plane = 1; plane < frame->planeCount(); ++plane) {
            QCOMPARE(frame->planeWidth(plane), chromaWidth);
            QCOMPARE(frame->planeHeight(plane), chromaHeight);
            QCOMPARE(frame->planeComponents(plane), twoPlanes ? 2 : 1);
        }
        for (int plane = 0; plane < frame->planeCount(); ++plane) {
            const int rowBytes = frame->planeWidth(plane) * frame->planeComponents(plane) * frame->bytesPerSample();
            QVERIFY(frame->planeStride(plane) >= rowBytes);
            std::uint8_t* data = frame->mutablePlaneData(plane);
            QVERIFY(data);
            QCOMPARE(static_cast<const std::uint8_t*>(data), frame->planeData(plane));
            // The whole plane is writable (last row included): ASan would catch an undersized buffer.
            const std::size_t last = std::size_t(frame->planeStride(plane)) * (frame->planeHeight(plane) - 1);
            std::fill(data, data + last + rowBytes, std::uint8_t(plane * 40));
        }
        for (int plane = frame->planeCount(); plane < VideoFrame::kPlaneCount; ++plane) {
            QVERIFY(!frame->planeData(plane));
            QCOMPARE(frame->planeStride(plane), 0);
            QCOMPARE(frame->planeWidth(plane), 0);
        }
        QVERIFY(!frame->planeData(3));
        QCOMPARE(frame->planeStride(-1), 0);
    }

    void allocateRejectsEmptySizes()
    {
        QVERIFY(!VideoFrame::allocate(0, 10, PixelLayout::Yuv420p, ColorMatrix::Bt601, ColorRange::Limited));
        QVERIFY(!VideoFrame::allocate(10, -1, PixelLayout::Yuv420p, ColorMatrix::Bt601, ColorRange::Limited));
    }
};

QTEST_GUILESS_MAIN(TestFrameMailbox)
#include "test_frame_mailbox.moc"
