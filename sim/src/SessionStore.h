#pragma once

#include <vigie/v1/auth.pb.h>

#include <chrono>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace vigie::sim {

// Bearer tokens and the sessions they stand for. Thread-safe: gRPC handlers run on many threads.
class SessionStore {
public:
    explicit SessionStore(std::chrono::seconds lifetime);

    struct Issued {
        std::string token;
        vigie::v1::Session session;  // with expires_at set
    };
    // A new random token for `session` (user and rights), valid for the configured lifetime.
    Issued issue(const vigie::v1::Session& session);
    // The session of a token that exists and has not expired.
    std::optional<vigie::v1::Session> find(const std::string& token);
    void revoke(const std::string& token);

private:
    struct Entry {
        vigie::v1::Session session;
        std::chrono::system_clock::time_point expiresAt;
    };

    static std::string randomToken();
    void purgeExpiredLocked(std::chrono::system_clock::time_point now);

    const std::chrono::seconds m_lifetime;
    std::mutex m_mutex;
    std::unordered_map<std::string, Entry> m_sessions;  // guarded by m_mutex
};

} // namespace vigie::sim
