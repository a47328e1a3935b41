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
    // `workstation` is the client's host name given at login (recorded in alarm histories).
    Issued issue(const vigie::v1::Session& session, std::string workstation = {});
    // The session of a token that exists and has not expired.
    std::optional<vigie::v1::Session> find(const std::string& token);
    // The workstation given when the token's session was opened; empty for an unknown token.
    std::string workstationOf(const std::string& token);
    // Whether `userName` has at least one session that has not expired.
    bool hasLiveSession(const std::string& userName);
    void revoke(const std::string& token);

private:
    struct Entry {
        vigie::v1::Session session;
        std::chrono::system_clock::time_point expiresAt;
        std::string workstation;
    };

    static std::string randomToken();
    void purgeExpiredLocked(std::chrono::system_clock::time_point now);

    const std::chrono::seconds m_lifetime;
    std::mutex m_mutex;
    std::unordered_map<std::string, Entry> m_sessions;  // guarded by m_mutex
};

} // namespace vigie::sim
