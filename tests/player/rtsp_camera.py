#!/usr/bin/python3
"""A live RTSP test camera for the player tests (GStreamer rtsp-server).

Serves rtsp://127.0.0.1:<port>/cam: a 320x240 25 fps test pattern encoded live with x264
(zerolatency, a key frame every second). Prints the port on the first line of stdout once it listens.
Exits with status 77 when GStreamer's RTSP server or its plugins are missing (the test then skips).
"""
import sys

try:
    import gi
    gi.require_version("Gst", "1.0")
    gi.require_version("GstRtspServer", "1.0")
    from gi.repository import GLib, Gst, GstRtspServer
except (ImportError, ValueError):
    sys.exit(77)

Gst.init(None)
for plugin in ("videotestsrc", "x264enc", "rtph264pay"):
    if Gst.ElementFactory.find(plugin) is None:
        sys.exit(77)

# x264 repeats SPS/PPS at every IDR with zerolatency: no config-interval on the payloader.
LAUNCH = ("( videotestsrc is-live=true pattern=smpte ! video/x-raw,width=320,height=240,framerate=25/1 "
          "! x264enc tune=zerolatency speed-preset=ultrafast key-int-max=25 bitrate=300 "
          "! video/x-h264,profile=main ! rtph264pay name=pay0 pt=96 )")

server = GstRtspServer.RTSPServer()
server.set_address("127.0.0.1")
server.set_service("0")  # any free port
factory = GstRtspServer.RTSPMediaFactory()
factory.set_launch(LAUNCH)
factory.set_shared(True)
server.get_mount_points().add_factory("/cam", factory)
if server.attach(None) == 0:
    sys.exit(1)
print(server.get_bound_port(), flush=True)
GLib.MainLoop().run()
