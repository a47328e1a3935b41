// The frame barcode (sim/barcode/FrameBarcode.h) on synthetic planes: every size the simulator serves,
// after a 4x box-filter downscale, through an RGB conversion, with compression-like noise; and what
// must not read as a barcode.
#include <QtTest>

#include <cstdint>
#include <random>
#include <vector>

#include "FrameBarcode.h"

namespace barcode = vigie::barcode;

namespace {

// An 8-bit luma plane with some padding at the end of each row, as decoders leave it.
struct Plane {
    Plane(int w, int h, std::uint8_t fill) : width(w), height(h), stride(w + 32), data(std::size_t(stride) * h, fill) {}
    std::uint8_t& at(int x, int y) { return data[std::size_t(y) * stride + x]; }
    std::optional<std::uint32_t> read() const { return barcode::readPlane(data.data(), stride, width, height); }

    int width;
    int height;
    int stride;
    std::vector<std::uint8_t> data;
};

// Picture content below the band: a ramp, so that reading cannot rely on a flat background.
Plane stamped(int width, int height, std::uint32_t value)
{
    Plane plane(width, height, 0);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x)
            plane.at(x, y) = std::uint8_t(16 + (x * 7 + y * 3) % 220);
    barcode::stamp(plane.data.data(), plane.stride, width, height, value);
    return plane;
}

// What a scaler with a box filter makes of it (each output pixel averages factor x factor pixels).
Plane downscaled(Plane& source, int factor)
{
    Plane result(source.width / factor, source.height / factor, 0);
    for (int y = 0; y < result.height; ++y)
        for (int x = 0; x < result.width; ++x) {
            int sum = 0;
            for (int j = 0; j < factor; ++j)
                for (int i = 0; i < factor; ++i)
                    sum += source.at(x * factor + i, y * factor + j);
            result.at(x, y) = std::uint8_t((sum + factor * factor / 2) / (factor * factor));
        }
    return result;
}

} // namespace

class TestFrameBarcode : public QObject {
    Q_OBJECT
private slots:
    void roundtrip_data();
    void roundtrip();
    void survivesADownscaleByFour_data();
    void survivesADownscaleByFour();
    void readsFullRangeRgbLuma();
    void survivesNoise();
    void onlyTheTopBandIsPainted();
    void rejectsWhatIsNotABarcode_data();
    void rejectsWhatIsNotABarcode();
    void rejectsAWrongParity();
};

void TestFrameBarcode::roundtrip_data()
{
    QTest::addColumn<int>("width");
    QTest::addColumn<int>("height");
    QTest::addColumn<uint>("value");
    const QList<QPair<int, int>> sizes{{640, 360}, {1280, 720}, {1920, 1080}, {320, 180}, {176, 144}, {643, 361}};
    for (const auto& [w, h] : sizes)
        for (const uint value : {0u, 1u, 249u, 0xabcdu, 0xffffu})
            QTest::addRow("%dx%d %u", w, h, value) << w << h << value;
}

void TestFrameBarcode::roundtrip()
{
    QFETCH(int, width);
    QFETCH(int, height);
    QFETCH(uint, value);
    const Plane plane = stamped(width, height, value);
    QCOMPARE(plane.read(), std::optional<std::uint32_t>(value));
}

void TestFrameBarcode::survivesADownscaleByFour_data()
{
    QTest::addColumn<int>("width");
    QTest::addColumn<int>("height");
    QTest::newRow("640x360 -> 160x90") << 640 << 360;
    QTest::newRow("1280x720 -> 320x180") << 1280 << 720;
    QTest::newRow("1920x1080 -> 480x270") << 1920 << 1080;
}

void TestFrameBarcode::survivesADownscaleByFour()
{
    QFETCH(int, width);
    QFETCH(int, height);
    for (const std::uint32_t value : {0u, 5u, 124u, 249u, 0x5a5au, 0xffffu}) {
        Plane plane = stamped(width, height, value);
        const Plane small = downscaled(plane, 4);
        QCOMPARE(small.read(), std::optional<std::uint32_t>(value));
    }
}

void TestFrameBarcode::readsFullRangeRgbLuma()
{
    // A renderer expands limited range (16..235) to 0..255; the benchmark samples that framebuffer,
    // here a 160x90 tile, through its own sampler (nearest pixel).
    Plane plane = stamped(640, 360, 1234);
    Plane tile = downscaled(plane, 4);
    for (auto& sample : tile.data)
        sample = std::uint8_t(std::clamp((int(sample) - 16) * 255 / 219, 0, 255));
    const auto value = barcode::read([&](double x, double y) {
        return double(tile.at(std::min(int(x * tile.width), tile.width - 1), std::min(int(y * tile.height), tile.height - 1)));
    });
    QCOMPARE(value, std::optional<std::uint32_t>(1234));
}

void TestFrameBarcode::survivesNoise()
{
    // Quantisation noise and ringing of a low-bitrate encoder: +-40 on every sample.
    std::mt19937 random(7);
    std::uniform_int_distribution<int> noise(-40, 40);
    for (const std::uint32_t value : {3u, 77u, 0xbeefu}) {
        Plane plane = stamped(640, 360, value);
        for (auto& sample : plane.data)
            sample = std::uint8_t(std::clamp(int(sample) + noise(random), 0, 255));
        QCOMPARE(plane.read(), std::optional<std::uint32_t>(value));
    }
}

void TestFrameBarcode::onlyTheTopBandIsPainted()
{
    QCOMPARE(barcode::bandRows(360), 23);
    QCOMPARE(barcode::bandRows(1080), 68);
    QCOMPARE(barcode::bandRows(32), 4);
    Plane plane(640, 360, 77);
    barcode::stamp(plane.data.data(), plane.stride, plane.width, plane.height, 0xffff);
    for (int y = 0; y < plane.height; ++y) {
        QCOMPARE(plane.at(0, y), y < 23 ? barcode::kBlack : std::uint8_t(77));
        QCOMPARE(plane.at(640 / 20 + 1, y), y < 23 ? barcode::kWhite : std::uint8_t(77));
        QCOMPARE(plane.at(639, y), y < 23 ? barcode::kBlack : std::uint8_t(77));
        QCOMPARE(plane.data[std::size_t(y) * plane.stride + 640], std::uint8_t(77));  // padding untouched
    }
}

void TestFrameBarcode::rejectsWhatIsNotABarcode_data()
{
    QTest::addColumn<int>("kind");
    QTest::newRow("grey 128") << 128;
    QTest::newRow("grey 100") << 100;
    QTest::newRow("grey 150") << 150;
    QTest::newRow("black") << 16;
    QTest::newRow("white") << 235;
    QTest::newRow("full white") << 255;
    QTest::newRow("ramp") << -1;
    QTest::newRow("random") << -2;
}

void TestFrameBarcode::rejectsWhatIsNotABarcode()
{
    QFETCH(int, kind);
    Plane plane(640, 360, std::uint8_t(std::max(kind, 0)));
    std::mt19937 random(11);
    for (int y = 0; y < plane.height; ++y)
        for (int x = 0; x < plane.width; ++x) {
            if (kind == -1)
                plane.at(x, y) = std::uint8_t(x * 255 / plane.width);
            else if (kind == -2)
                plane.at(x, y) = std::uint8_t(random() & 0xff);
        }
    QVERIFY(!plane.read());
    const Plane small = downscaled(plane, 4);
    QVERIFY(!small.read());
}

void TestFrameBarcode::rejectsAWrongParity()
{
    Plane plane = stamped(640, 360, 0x1234);
    // Flip the last data bit (cell 17): the parity no longer matches.
    const int begin = 17 * 640 / barcode::kCells;
    const int end = 18 * 640 / barcode::kCells;
    const std::uint8_t flipped = plane.at(begin, 0) == barcode::kWhite ? barcode::kBlack : barcode::kWhite;
    for (int y = 0; y < barcode::bandRows(360); ++y)
        for (int x = begin; x < end; ++x)
            plane.at(x, y) = flipped;
    QVERIFY(!plane.read());
}

QTEST_APPLESS_MAIN(TestFrameBarcode)
#include "test_frame_barcode.moc"
