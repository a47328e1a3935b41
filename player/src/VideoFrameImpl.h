#pragma once
// Private definition of VideoFrame::Impl: the AVFrame behind a VideoFrame. Only player/src sees libav.

extern "C" {
#include <libavutil/frame.h>
}

#include <memory>

#include "vigie/player/VideoFrame.h"

namespace vigie::player {

struct AVFrameDeleter {
    void operator()(AVFrame* frame) const { av_frame_free(&frame); }
};
using AVFramePtr = std::unique_ptr<AVFrame, AVFrameDeleter>;

struct VideoFrame::Impl {
    // Owns one reference to the frame's buffers; released by av_frame_free when the VideoFrame dies.
    AVFramePtr frame;
    // True only for frames made by VideoFrame::allocate(): their buffers are ours alone, so writing is
    // allowed. Decoder frames may share buffers with the decoder's reference pictures.
    bool writable = false;
};

}  // namespace vigie::player
