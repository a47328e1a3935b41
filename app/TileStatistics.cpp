#include "TileStatistics.h"

namespace vigie::app {

namespace {
using vigie::player::StreamState;
}  // namespace

QString TileStatistics::stateText(StreamState state)
{
    switch (state) {
    case StreamState::Idle: return tr("idle");
    case StreamState::Connecting: return tr("connecting");
    case StreamState::Playing: return tr("playing");
    case StreamState::Stalled: return tr("stalled");
    case StreamState::Reconnecting: return tr("reconnecting");
    case StreamState::Error: return tr("error");
    case StreamState::Stopped: return tr("stopped");
    case StreamState::Ended: return tr("ended");
    }
    return tr("unknown");
}

QString TileStatistics::overloadText(vigie::player::OverloadLevel level)
{
    switch (level) {
    case vigie::player::OverloadLevel::Full: return {};
    case vigie::player::OverloadLevel::ReducedRate: return tr("Overloaded: reduced frame rate");
    case vigie::player::OverloadLevel::KeyFramesOnly: return tr("Overloaded: key frames only");
    }
    return {};
}

std::optional<TileRates> TileStatistics::rates(const TileCounters& before, const TileCounters& after)
{
    const double seconds = std::chrono::duration<double>(after.at - before.at).count();
    if (seconds <= 0)
        return std::nullopt;
    const auto& a = before.stream;
    const auto& b = after.stream;
    if (b.framesDecoded < a.framesDecoded || b.bytesReceived < a.bytesReceived || b.decodeMicros < a.decodeMicros
        || after.mailbox.taken < before.mailbox.taken || after.mailbox.dropped < before.mailbox.dropped)
        return std::nullopt;

    TileRates rates;
    rates.seconds = seconds;
    const std::uint64_t decoded = b.framesDecoded - a.framesDecoded;
    rates.fpsIn = double(decoded) / seconds;
    rates.fpsOut = double(after.mailbox.taken - before.mailbox.taken) / seconds;
    rates.kbitPerSecond = double(b.bytesReceived - a.bytesReceived) * 8.0 / 1000.0 / seconds;
    if (decoded > 0)
        rates.decodeMsPerFrame = double(b.decodeMicros - a.decodeMicros) / 1000.0 / double(decoded);
    rates.drops = after.mailbox.dropped - before.mailbox.dropped;
    return rates;
}

void TileStatistics::update(const TileCounters& now)
{
    m_rates = m_previous ? rates(*m_previous, now) : std::nullopt;
    m_previous = now;
}

QStringList TileStatistics::lines(const QString& streamLabel, vigie::player::StreamState state) const
{
    QStringList result;
    if (!m_previous)
        return result;
    const vigie::player::StreamStats& stats = m_previous->stream;
    const QString none = QStringLiteral("–");

    QStringList first;
    if (!stats.codec.isEmpty())
        first << (stats.width > 0 ? tr("%1 %2x%3").arg(stats.codec).arg(stats.width).arg(stats.height) : stats.codec);
    if (!streamLabel.isEmpty())
        first << streamLabel;
    first << stateText(state);
    result << first.join(QStringLiteral(" · "));

    if (m_rates) {
        result << tr("%1 fps in / %2 out · %3 kbit/s")
                      .arg(m_rates->fpsIn, 0, 'f', 1)
                      .arg(m_rates->fpsOut, 0, 'f', 1)
                      .arg(m_rates->kbitPerSecond, 0, 'f', 0);
        result << tr("decode %1 ms · drops %2 · reconnects %3")
                      .arg(m_rates->decodeMsPerFrame ? QString::number(*m_rates->decodeMsPerFrame, 'f', 1) : none)
                      .arg(m_rates->drops)
                      .arg(stats.reconnects);
    } else {
        result << tr("%1 fps in / %1 out · %1 kbit/s").arg(none);
        result << tr("decode %1 ms · drops %1 · reconnects %2").arg(none).arg(stats.reconnects);
    }

    const bool decodedAny = stats.lastFrameAt != std::chrono::steady_clock::time_point{};
    const QString age =
        decodedAny ? QString::number(std::chrono::duration_cast<std::chrono::milliseconds>(m_previous->at - stats.lastFrameAt).count())
                   : none;
    result << tr("skipped %1 · errors %2 · last frame %3 ms ago").arg(stats.framesSkipped).arg(stats.decodeErrors).arg(age);

    if (!stats.decoderName.isEmpty()) {
        QString level;
        switch (stats.overloadLevel) {
        case vigie::player::OverloadLevel::Full: level = tr("full rate"); break;
        case vigie::player::OverloadLevel::ReducedRate: level = tr("reduced rate"); break;
        case vigie::player::OverloadLevel::KeyFramesOnly: level = tr("key frames only"); break;
        }
        if (stats.overloadSkipped > 0)
            level = tr("%1, %2 shed").arg(level).arg(stats.overloadSkipped);
        result << tr("decoder %1 (%2) · %3")
                      .arg(stats.decoderName, stats.hardwareDecoding ? tr("VAAPI") : tr("software"), level);
    }
    return result;
}

}  // namespace vigie::app
