#pragma once
// Test media made at test time with the ffmpeg command-line tool (never downloaded).

#include <QString>
#include <QStringList>

namespace vigie::test {

// Runs `ffmpeg -v error -y -nostdin <arguments> <output>`; false (with ffmpeg's messages logged) on failure.
bool generateMedia(const QString& output, const QStringList& arguments);

}  // namespace vigie::test
