#pragma once
// The playback engine's view of the backend's recordings (player::RecordingSource) over the RPC reader
// (rpc::RecordingReader): player/ knows no RPC, rpc/ knows no player, so the composition root joins them.
//
// Thread-safety: as RecordingSource requires, every call may come from any playback worker, several at
// once; the reader it wraps is thread-safe and holds no state of its own here.

#include <memory>

#include "vigie/player/RecordingSource.h"

namespace vigie::rpc {
class RecordingReader;
}

namespace vigie::app {

class RecordingSourceAdapter : public vigie::player::RecordingSource {
public:
    explicit RecordingSourceAdapter(std::shared_ptr<vigie::rpc::RecordingReader> reader);

    vigie::player::SegmentLookup segmentAt(const std::string& cameraId, std::int64_t utcUs,
                                           const std::atomic<bool>& cancel) override;
    vigie::player::SegmentLookup segmentBefore(const std::string& cameraId, std::int64_t utcUs,
                                               const std::atomic<bool>& cancel) override;
    vigie::player::SegmentChunk read(const std::string& segmentId, std::int64_t offset, int length,
                                     const std::atomic<bool>& cancel) override;

private:
    const std::shared_ptr<vigie::rpc::RecordingReader> m_reader;
};

}  // namespace vigie::app
