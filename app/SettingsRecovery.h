#pragma once
// Start-up check of the user's settings file. Qt writes it atomically (a temporary file renamed over the
// old one), but a disk fault, a crash of the machine or a hand edit can still leave a file QSettings
// cannot parse. Then the client must neither crash nor silently lose it: the file is moved aside, the
// defaults apply, and the operator is told where the old file went.

#include <QString>

namespace vigie::app {

class SettingsRecovery {
public:
    // Checks the application's settings (QSettings() with the organisation and application names already
    // set). Returns "" when they are fine (or absent); otherwise moves the file to
    // "<file>.damaged-<yyyyMMdd-HHmmss>" and returns a sentence for the operator naming both.
    static QString recoverIfDamaged();
};

}  // namespace vigie::app
