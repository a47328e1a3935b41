#pragma once

#include <gst/rtsp-server/rtsp-server.h>

#include <atomic>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace vigie::sim {

// gst-rtsp-server running its GMainLoop in a thread of its own. Cameras are mounted at
// /<camera-id>/<stream>; taking a camera offline unmounts it and closes the RTSP sessions on it.
class RtspServer {
public:
    RtspServer();
    ~RtspServer();
    RtspServer(const RtspServer&) = delete;
    RtspServer& operator=(const RtspServer&) = delete;

    struct Mount {
        std::string pathSuffix;         // "main" -> /<camera-id>/main
        GstRTSPMediaFactory* factory;   // ownership passes to the server
    };
    // Call before start(). `mounted` false: known but unmounted (an offline camera) until setCameraMounted.
    void addCamera(const std::string& cameraId, std::vector<Mount> mounts, bool mounted = true);

    // Binds (port 0 = chosen by the OS) and starts the loop thread.
    bool start(const std::string& address, int port, std::string* error);
    int port() const { return m_port; }
    bool running() const { return m_running; }

    // Mounts or unmounts a camera's streams; unmounting also closes the clients playing them.
    // Runs on the server's loop thread and returns when done. False for an unknown camera.
    bool setCameraMounted(const std::string& cameraId, bool mounted);

    void stop();

private:
    struct Camera {
        std::vector<std::pair<std::string, GstRTSPMediaFactory*>> mounts;  // path, our own reference
        bool mounted = true;
    };

    // Runs `work` on the loop thread (or here when the loop does not run) and waits for it.
    void runOnLoop(const std::function<void()>& work);
    void closeSessionsOn(const std::vector<std::string>& paths);

    GstRTSPServer* m_server = nullptr;
    GMainContext* m_context = nullptr;
    GMainLoop* m_loop = nullptr;
    std::thread m_thread;
    guint m_serverSource = 0;
    int m_port = 0;
    std::atomic<bool> m_running{false};

    std::mutex m_mutex;
    std::map<std::string, Camera> m_cameras;  // guarded by m_mutex
};

} // namespace vigie::sim
