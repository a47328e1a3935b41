#pragma once
// How the end-to-end suites log in to vigie-sim: one of its default users, whose password is its name.

#include <QString>

#include "vigie/rpc/BackendOptions.h"

namespace vigie::test {

inline vigie::rpc::BackendOptions userOn(const QString& address, const QString& user)
{
    vigie::rpc::BackendOptions options;
    options.address = address;
    options.user = user;
    options.password = user;
    return options;
}

}  // namespace vigie::test
