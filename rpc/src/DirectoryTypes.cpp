#include "vigie/rpc/DirectoryTypes.h"

namespace vigie::rpc {

const StreamInfo* CameraInfo::stream(StreamRole role) const
{
    for (const StreamInfo& s : streams)
        if (s.role == role)
            return &s;
    return streams.isEmpty() ? nullptr : &streams.first();
}

}  // namespace vigie::rpc
