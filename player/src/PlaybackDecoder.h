#pragma once
// The playback worker's video decoder: kept across segments while their codec parameters are equal (codec,
// size, extradata: one encoder, one stream of pictures), reopened when they differ. Single-threaded, like the
// live decoders (many tiles on few cores). Packets carry UTC microseconds as timestamps (SegmentIndex), so
// decoded pictures do too.
//
// Threads: worker thread only.

#include <QString>

#include <optional>

#include "LibavPtr.h"

namespace vigie::player {

class PlaybackDecoder {
public:
    // Opens a decoder for `parameters` unless the open one already fits them. nullopt on success, else why
    // not. *reopened (optional) says whether a new decoder was opened: it holds no reference pictures.
    std::optional<QString> prepare(const AVCodecParameters& parameters, bool* reopened = nullptr);
    bool isOpen() const { return bool(m_context); }
    bool fits(const AVCodecParameters& parameters) const;

    // avcodec_send_packet (nullptr: drain) / avcodec_receive_frame.
    int send(const AVPacket* packet);
    int receive(AVFrame& frame);
    // Drops every reference picture and pending output (before a jump); also ends a drain.
    void flush();
    void close();

    const QString& codecName() const { return m_codecName; }

private:
    CodecPtr m_context;
    CodecParametersPtr m_parameters;  // what m_context was opened for
    QString m_codecName;
};

}  // namespace vigie::player
