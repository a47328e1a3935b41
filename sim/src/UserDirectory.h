#pragma once

#include "UserAccount.h"

#include <string>
#include <vector>

namespace vigie::sim {

// The accounts that may log in. Immutable after construction, so it is read from any gRPC thread
// without locking.
class UserDirectory {
public:
    explicit UserDirectory(std::vector<UserAccount> accounts);

    enum class Verdict { Accepted, BadCredentials, Disabled };
    // The same verdict for an unknown user and a wrong password: callers must not tell them apart.
    Verdict verify(const std::string& name, const std::string& password,
                   const UserAccount** account) const;

    const std::vector<UserAccount>& accounts() const { return m_accounts; }

private:
    std::vector<UserAccount> m_accounts;
};

} // namespace vigie::sim
