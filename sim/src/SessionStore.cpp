#include "SessionStore.h"

#include <google/protobuf/util/time_util.h>

#include <algorithm>
#include <random>

namespace vigie::sim {

SessionStore::SessionStore(std::chrono::seconds lifetime) : m_lifetime(lifetime) {}

std::string SessionStore::randomToken()
{
    // libstdc++'s random_device reads the kernel's CSPRNG (getrandom / /dev/urandom): a token must not
    // be guessable from the previous ones, which a seeded PRNG would allow.
    static thread_local std::random_device device;
    static constexpr char kHex[] = "0123456789abcdef";
    std::string token;
    token.reserve(64);
    for (int i = 0; i < 8; ++i) {  // 8 x 32 bits = 32 bytes
        std::uint32_t word = device();
        for (int nibble = 0; nibble < 8; ++nibble) {
            token.push_back(kHex[word & 0xf]);
            word >>= 4;
        }
    }
    return token;
}

SessionStore::Issued SessionStore::issue(const vigie::v1::Session& session, std::string workstation)
{
    const auto now = std::chrono::system_clock::now();
    Entry entry{session, now + m_lifetime, std::move(workstation)};
    const auto seconds =
        std::chrono::duration_cast<std::chrono::seconds>(entry.expiresAt.time_since_epoch()).count();
    *entry.session.mutable_expires_at() = google::protobuf::util::TimeUtil::SecondsToTimestamp(seconds);

    Issued issued{randomToken(), entry.session};
    std::lock_guard lock(m_mutex);
    purgeExpiredLocked(now);
    m_sessions.emplace(issued.token, std::move(entry));
    return issued;
}

std::optional<vigie::v1::Session> SessionStore::find(const std::string& token)
{
    std::lock_guard lock(m_mutex);
    const auto it = m_sessions.find(token);
    if (it == m_sessions.end())
        return std::nullopt;
    if (it->second.expiresAt <= std::chrono::system_clock::now()) {
        m_sessions.erase(it);
        return std::nullopt;
    }
    return it->second.session;
}

std::string SessionStore::workstationOf(const std::string& token)
{
    std::lock_guard lock(m_mutex);
    const auto it = m_sessions.find(token);
    return it == m_sessions.end() ? std::string() : it->second.workstation;
}

bool SessionStore::hasLiveSession(const std::string& userName)
{
    const auto now = std::chrono::system_clock::now();
    std::lock_guard lock(m_mutex);
    return std::any_of(m_sessions.begin(), m_sessions.end(), [&](const auto& item) {
        return item.second.session.user().name() == userName && item.second.expiresAt > now;
    });
}

void SessionStore::revoke(const std::string& token)
{
    std::lock_guard lock(m_mutex);
    m_sessions.erase(token);
}

void SessionStore::purgeExpiredLocked(std::chrono::system_clock::time_point now)
{
    std::erase_if(m_sessions, [now](const auto& item) { return item.second.expiresAt <= now; });
}

} // namespace vigie::sim
