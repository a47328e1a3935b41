#include "UserDirectory.h"

#include <algorithm>

namespace vigie::sim {

namespace {

// Compares every byte whatever the first difference, so the time taken says nothing about the password.
bool sameSecret(const std::string& a, const std::string& b)
{
    unsigned char difference = a.size() == b.size() ? 0 : 1;
    const std::size_t length = std::max(a.size(), b.size());
    for (std::size_t i = 0; i < length; ++i) {
        const unsigned char x = i < a.size() ? static_cast<unsigned char>(a[i]) : 0;
        const unsigned char y = i < b.size() ? static_cast<unsigned char>(b[i]) : 0;
        difference |= static_cast<unsigned char>(x ^ y);
    }
    return difference == 0;
}

} // namespace

UserDirectory::UserDirectory(std::vector<UserAccount> accounts) : m_accounts(std::move(accounts)) {}

UserDirectory::Verdict UserDirectory::verify(const std::string& name, const std::string& password,
                                             const UserAccount** account) const
{
    for (const auto& candidate : m_accounts) {
        if (candidate.user.name() != name)
            continue;
        if (!sameSecret(candidate.password, password))
            return Verdict::BadCredentials;
        if (candidate.disabled)
            return Verdict::Disabled;
        *account = &candidate;
        return Verdict::Accepted;
    }
    return Verdict::BadCredentials;
}

} // namespace vigie::sim
