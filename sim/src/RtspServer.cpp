#include "RtspServer.h"

#include "Log.h"

#include <future>

namespace vigie::sim {

namespace {

struct PathMatch {
    const std::vector<std::string>* paths;
    bool found = false;
};

GstRTSPFilterResult matchSessionMedia(GstRTSPSession* /*session*/, GstRTSPSessionMedia* media, gpointer data)
{
    auto* match = static_cast<PathMatch*>(data);
    for (const auto& path : *match->paths) {
        gint matched = 0;
        if (gst_rtsp_session_media_matches(media, path.c_str(), &matched))
            match->found = true;
    }
    return GST_RTSP_FILTER_KEEP;
}

bool sessionPlays(GstRTSPSession* session, const std::vector<std::string>& paths)
{
    PathMatch match{&paths};
    gst_rtsp_session_filter(session, &matchSessionMedia, &match);
    return match.found;
}

GstRTSPFilterResult filterClientSession(GstRTSPClient* /*client*/, GstRTSPSession* session, gpointer data)
{
    auto* match = static_cast<PathMatch*>(data);
    if (sessionPlays(session, *match->paths))
        match->found = true;
    return GST_RTSP_FILTER_KEEP;
}

GstRTSPFilterResult filterClient(GstRTSPServer* /*server*/, GstRTSPClient* client, gpointer data)
{
    PathMatch match{static_cast<const std::vector<std::string>*>(data)};
    gst_rtsp_client_session_filter(client, &filterClientSession, &match);
    return match.found ? GST_RTSP_FILTER_REMOVE : GST_RTSP_FILTER_KEEP;  // REMOVE closes the connection
}

GstRTSPFilterResult filterPoolSession(GstRTSPSessionPool* /*pool*/, GstRTSPSession* session, gpointer data)
{
    const auto* paths = static_cast<const std::vector<std::string>*>(data);
    return sessionPlays(session, *paths) ? GST_RTSP_FILTER_REMOVE : GST_RTSP_FILTER_KEEP;
}

gboolean cleanupSessions(gpointer data)
{
    // Sessions of clients that vanished without TEARDOWN expire only when someone sweeps the pool.
    gst_rtsp_session_pool_cleanup(static_cast<GstRTSPSessionPool*>(data));
    return G_SOURCE_CONTINUE;
}

} // namespace

RtspServer::RtspServer() : m_server(gst_rtsp_server_new()) {}

RtspServer::~RtspServer()
{
    stop();
    for (auto& [id, camera] : m_cameras) {
        for (auto& [path, factory] : camera.mounts)
            g_object_unref(factory);
    }
    g_object_unref(m_server);
}

void RtspServer::addCamera(const std::string& cameraId, std::vector<Mount> mounts, bool mounted)
{
    GstRTSPMountPoints* points = gst_rtsp_server_get_mount_points(m_server);
    Camera camera;
    camera.mounted = mounted;
    for (auto& mount : mounts) {
        const std::string path = "/" + cameraId + "/" + mount.pathSuffix;
        camera.mounts.emplace_back(path, mount.factory);
        // The mount points take a reference of their own; ours lets the camera be mounted again.
        if (mounted)
            gst_rtsp_mount_points_add_factory(points, path.c_str(),
                                              GST_RTSP_MEDIA_FACTORY(g_object_ref(mount.factory)));
    }
    g_object_unref(points);
    std::lock_guard lock(m_mutex);
    m_cameras[cameraId] = std::move(camera);
}

bool RtspServer::start(const std::string& address, int port, std::string* error)
{
    gst_rtsp_server_set_address(m_server, address.c_str());
    gst_rtsp_server_set_service(m_server, std::to_string(port).c_str());

    m_context = g_main_context_new();
    m_loop = g_main_loop_new(m_context, FALSE);
    GError* attachError = nullptr;
    GSource* source = gst_rtsp_server_create_source(m_server, nullptr, &attachError);
    if (!source) {
        *error = "cannot listen for RTSP on " + address + ":" + std::to_string(port) + ": " +
                 (attachError ? attachError->message : "unknown error");
        g_clear_error(&attachError);
        return false;
    }
    m_serverSource = g_source_attach(source, m_context);
    g_source_unref(source);
    m_port = gst_rtsp_server_get_bound_port(m_server);

    GstRTSPSessionPool* pool = gst_rtsp_server_get_session_pool(m_server);
    GSource* cleanup = g_timeout_source_new_seconds(2);
    g_source_set_callback(cleanup, &cleanupSessions, pool, g_object_unref);
    g_source_attach(cleanup, m_context);
    g_source_unref(cleanup);

    m_running = true;
    m_thread = std::thread([this] {
        g_main_context_push_thread_default(m_context);
        g_main_loop_run(m_loop);
        g_main_context_pop_thread_default(m_context);
    });
    return true;
}

void RtspServer::runOnLoop(const std::function<void()>& work)
{
    if (!m_running) {
        work();
        return;
    }
    struct Call {
        const std::function<void()>* work;
        std::promise<void> done;
    } call{&work, {}};
    auto future = call.done.get_future();
    g_main_context_invoke(
        m_context,
        [](gpointer data) -> gboolean {
            auto* call = static_cast<Call*>(data);
            (*call->work)();
            call->done.set_value();
            return G_SOURCE_REMOVE;
        },
        &call);
    future.wait();
}

bool RtspServer::setCameraMounted(const std::string& cameraId, bool mounted)
{
    std::lock_guard lock(m_mutex);
    const auto it = m_cameras.find(cameraId);
    if (it == m_cameras.end())
        return false;
    Camera& camera = it->second;
    if (camera.mounted == mounted)
        return true;
    camera.mounted = mounted;

    runOnLoop([&] {
        GstRTSPMountPoints* points = gst_rtsp_server_get_mount_points(m_server);
        std::vector<std::string> paths;
        for (auto& [path, factory] : camera.mounts) {
            if (mounted)
                gst_rtsp_mount_points_add_factory(points, path.c_str(),
                                                  GST_RTSP_MEDIA_FACTORY(g_object_ref(factory)));
            else
                gst_rtsp_mount_points_remove_factory(points, path.c_str());
            paths.push_back(path);
        }
        g_object_unref(points);
        if (!mounted)
            closeSessionsOn(paths);
    });
    Log::info("RTSP streams of " + cameraId + (mounted ? " mounted" : " unmounted"));
    return true;
}

void RtspServer::closeSessionsOn(const std::vector<std::string>& paths)
{
    // Closing the connections first makes TCP-interleaved clients (the usual case) see the end at once;
    // removing the sessions then tears down UDP clients' streams and lets the shared media go.
    gpointer data = const_cast<std::vector<std::string>*>(&paths);
    GList* none = gst_rtsp_server_client_filter(m_server, &filterClient, data);
    g_list_free(none);
    GstRTSPSessionPool* pool = gst_rtsp_server_get_session_pool(m_server);
    GList* removed = gst_rtsp_session_pool_filter(pool, &filterPoolSession, data);
    g_list_free(removed);
    g_object_unref(pool);
}

void RtspServer::stop()
{
    if (!m_running)
        return;
    runOnLoop([this] {
        // Close every client so that their media are torn down while the loop still runs.
        GList* none = gst_rtsp_server_client_filter(
            m_server, [](GstRTSPServer*, GstRTSPClient*, gpointer) { return GST_RTSP_FILTER_REMOVE; }, nullptr);
        g_list_free(none);
        if (GSource* source = g_main_context_find_source_by_id(m_context, m_serverSource))
            g_source_destroy(source);
    });
    g_main_loop_quit(m_loop);
    m_thread.join();
    m_running = false;
    g_main_loop_unref(m_loop);
    g_main_context_unref(m_context);
    m_loop = nullptr;
    m_context = nullptr;
    Log::debug("RTSP server stopped");
}

} // namespace vigie::sim
