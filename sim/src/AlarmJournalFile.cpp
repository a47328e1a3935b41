#include "AlarmJournalFile.h"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <filesystem>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace vigie::sim {

namespace {

// Record kinds (first payload byte).
constexpr char kChange = 'C';      // log: a change
constexpr char kCompaction = 'F';  // log: resume points before this sequence get RESYNC from now on
constexpr char kHeader = 'H';      // snapshot: sequence and compaction point
constexpr char kAlarm = 'A';       // snapshot: one alarm
constexpr char kRequest = 'R';     // snapshot: one remembered request
constexpr char kEnd = 'E';         // snapshot: the last record, so that a truncated snapshot is noticed

// Larger than any real record (an alarm with a long history is a few kilobytes): a length beyond it is
// garbage from a torn write, not a record to allocate for.
constexpr std::uint32_t kMaxRecordBytes = 64u << 20;

const std::array<std::uint32_t, 256>& crcTable()
{
    static const std::array<std::uint32_t, 256> table = [] {
        std::array<std::uint32_t, 256> t{};
        for (std::uint32_t i = 0; i < 256; ++i) {
            std::uint32_t c = i;
            for (int k = 0; k < 8; ++k)
                c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            t[i] = c;
        }
        return t;
    }();
    return table;
}

// CRC-32 (IEEE 802.3, as zlib's crc32()).
std::uint32_t crc32(const std::string& data)
{
    const auto& table = crcTable();
    std::uint32_t c = 0xFFFFFFFFu;
    for (const unsigned char byte : data)
        c = table[(c ^ byte) & 0xFF] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

void putU32(std::string& out, std::uint32_t value)
{
    for (int i = 0; i < 4; ++i)
        out.push_back(static_cast<char>((value >> (8 * i)) & 0xFF));
}

void putI64(std::string& out, std::int64_t value)
{
    const auto bits = static_cast<std::uint64_t>(value);
    for (int i = 0; i < 8; ++i)
        out.push_back(static_cast<char>((bits >> (8 * i)) & 0xFF));
}

void putBytes(std::string& out, const std::string& bytes)
{
    putU32(out, static_cast<std::uint32_t>(bytes.size()));
    out += bytes;
}

// Reads the fields written by the put* functions; any overrun marks the reader failed.
class FieldReader {
public:
    explicit FieldReader(const std::string& data, std::size_t offset = 0) : m_data(data), m_offset(offset) {}
    std::uint32_t u32()
    {
        if (m_offset + 4 > m_data.size()) {
            m_failed = true;
            return 0;
        }
        std::uint32_t value = 0;
        for (int i = 0; i < 4; ++i)
            value |= static_cast<std::uint32_t>(static_cast<unsigned char>(m_data[m_offset + static_cast<std::size_t>(i)]))
                     << (8 * i);
        m_offset += 4;
        return value;
    }
    std::int64_t i64()
    {
        if (m_offset + 8 > m_data.size()) {
            m_failed = true;
            return 0;
        }
        std::uint64_t value = 0;
        for (int i = 0; i < 8; ++i)
            value |= static_cast<std::uint64_t>(static_cast<unsigned char>(m_data[m_offset + static_cast<std::size_t>(i)]))
                     << (8 * i);
        m_offset += 8;
        return static_cast<std::int64_t>(value);
    }
    std::string bytes()
    {
        const std::uint32_t size = u32();
        if (m_failed || m_offset + size > m_data.size()) {
            m_failed = true;
            return {};
        }
        std::string value = m_data.substr(m_offset, size);
        m_offset += size;
        return value;
    }
    bool failed() const { return m_failed; }
    std::size_t offset() const { return m_offset; }

private:
    const std::string& m_data;
    std::size_t m_offset;
    bool m_failed = false;
};

std::string frame(const std::string& payload)
{
    std::string out;
    out.reserve(payload.size() + 8);
    putU32(out, static_cast<std::uint32_t>(payload.size()));
    putU32(out, crc32(payload));
    out += payload;
    return out;
}

std::string changePayload(char kind, const AlarmJournalFile::Change& change)
{
    std::string payload(1, kind);
    putBytes(payload, change.alarm.SerializeAsString());
    putBytes(payload, change.requestId);
    putBytes(payload, change.fingerprint);
    return payload;
}

bool parseChange(const std::string& payload, AlarmJournalFile::Change* change)
{
    FieldReader reader(payload, 1);
    const std::string alarm = reader.bytes();
    change->requestId = reader.bytes();
    change->fingerprint = reader.bytes();
    return !reader.failed() && change->alarm.ParseFromString(alarm);
}

// Splits a file's contents into record payloads; stops at the first record that is incomplete or fails
// its CRC. *goodBytes is the length of the intact prefix.
std::vector<std::string> readRecords(const std::string& data, std::size_t* goodBytes)
{
    std::vector<std::string> payloads;
    std::size_t offset = 0;
    for (;;) {
        FieldReader header(data, offset);
        const std::uint32_t size = header.u32();
        const std::uint32_t crc = header.u32();
        if (header.failed() || size == 0 || size > kMaxRecordBytes || header.offset() + size > data.size())
            break;
        std::string payload = data.substr(header.offset(), size);
        if (crc32(payload) != crc)
            break;
        offset = header.offset() + size;
        payloads.push_back(std::move(payload));
    }
    *goodBytes = offset;
    return payloads;
}

std::string errnoText(const std::string& what, const std::string& path)
{
    return what + " " + path + ": " + std::strerror(errno);
}

bool readWhole(const std::string& path, std::string* data, bool* exists, std::string* error)
{
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        *exists = false;
        if (errno == ENOENT)
            return true;
        *error = errnoText("cannot open", path);
        return false;
    }
    *exists = true;
    char buffer[1 << 16];
    for (;;) {
        const ssize_t count = ::read(fd, buffer, sizeof buffer);
        if (count < 0 && errno == EINTR)
            continue;
        if (count < 0) {
            *error = errnoText("cannot read", path);
            ::close(fd);
            return false;
        }
        if (count == 0)
            break;
        data->append(buffer, static_cast<std::size_t>(count));
    }
    ::close(fd);
    return true;
}

bool writeAll(int fd, const std::string& data)
{
    std::size_t written = 0;
    while (written < data.size()) {
        const ssize_t count = ::write(fd, data.data() + written, data.size() - written);
        if (count < 0 && errno == EINTR)
            continue;
        if (count <= 0)
            return false;
        written += static_cast<std::size_t>(count);
    }
    return true;
}

bool syncDirectory(const std::string& directory)
{
    const int fd = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return false;
    const bool ok = ::fsync(fd) == 0;
    ::close(fd);
    return ok;
}

} // namespace

AlarmJournalFile::AlarmJournalFile(std::string directory) : m_directory(std::move(directory)) {}

AlarmJournalFile::~AlarmJournalFile()
{
    if (m_log >= 0)
        ::close(m_log);
}

std::string AlarmJournalFile::logPath() const { return m_directory + "/alarms.log"; }
std::string AlarmJournalFile::snapshotPath() const { return m_directory + "/alarms.snapshot"; }

bool AlarmJournalFile::open(State* state, std::string* error)
{
    std::error_code failure;
    std::filesystem::create_directories(m_directory, failure);
    if (failure) {
        *error = "cannot create the alarm journal directory " + m_directory + ": " + failure.message();
        return false;
    }

    std::string snapshot;
    bool snapshotExists = false;
    if (!readWhole(snapshotPath(), &snapshot, &snapshotExists, error))
        return false;
    if (snapshotExists) {
        std::size_t goodBytes = 0;
        const auto records = readRecords(snapshot, &goodBytes);
        const bool complete = goodBytes == snapshot.size() && !records.empty() && records.front()[0] == kHeader &&
                              records.back()[0] == kEnd;
        if (!complete) {
            *error = "the alarm journal snapshot " + snapshotPath() + " is damaged (move it away to start afresh)";
            return false;
        }
        for (const auto& payload : records) {
            if (payload[0] == kHeader) {
                FieldReader reader(payload, 1);
                state->sequence = reader.i64();
                state->compactedThrough = reader.i64();
            } else if (payload[0] == kAlarm) {
                vigie::v1::Alarm alarm;
                if (!alarm.ParseFromString(payload.substr(1))) {
                    *error = "the alarm journal snapshot " + snapshotPath() + " holds an unreadable alarm";
                    return false;
                }
                state->alarms.push_back(std::move(alarm));
            } else if (payload[0] == kRequest) {
                Change request;
                if (!parseChange(payload, &request)) {
                    *error = "the alarm journal snapshot " + snapshotPath() + " holds an unreadable request";
                    return false;
                }
                state->requests.push_back(std::move(request));
            }
        }
    }

    std::string log;
    bool logExists = false;
    if (!readWhole(logPath(), &log, &logExists, error))
        return false;
    std::size_t goodBytes = 0;
    const auto records = readRecords(log, &goodBytes);
    state->tornTail = goodBytes != log.size();
    for (const auto& payload : records) {
        if (payload[0] == kChange) {
            Change change;
            if (!parseChange(payload, &change)) {
                state->tornTail = true;  // a CRC-valid record that does not parse: treat as the end
                break;
            }
            state->changes.push_back(std::move(change));
        } else if (payload[0] == kCompaction) {
            FieldReader reader(payload, 1);
            state->compactedThrough = std::max(state->compactedThrough, reader.i64());
        }
    }
    m_logRecords = records.size();

    m_log = ::open(logPath().c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0644);
    if (m_log < 0) {
        *error = errnoText("cannot open", logPath());
        return false;
    }
    // Cut a torn tail off so that the next record follows the last good one.
    if (::ftruncate(m_log, static_cast<off_t>(goodBytes)) != 0 ||
        ::lseek(m_log, static_cast<off_t>(goodBytes), SEEK_SET) < 0) {
        *error = errnoText("cannot prepare", logPath());
        return false;
    }
    return true;
}

bool AlarmJournalFile::append(const Change& change, std::string* error)
{
    if (!writeAll(m_log, frame(changePayload(kChange, change)))) {
        *error = errnoText("cannot write", logPath());
        return false;
    }
    ++m_logRecords;
    return true;
}

bool AlarmJournalFile::appendCompaction(std::int64_t compactedThrough, std::string* error)
{
    std::string payload(1, kCompaction);
    putI64(payload, compactedThrough);
    if (!writeAll(m_log, frame(payload))) {
        *error = errnoText("cannot write", logPath());
        return false;
    }
    ++m_logRecords;
    return true;
}

bool AlarmJournalFile::sync(std::string* error)
{
    if (::fdatasync(m_log) != 0) {
        *error = errnoText("cannot sync", logPath());
        return false;
    }
    return true;
}

bool AlarmJournalFile::writeSnapshot(const State& state, std::string* error)
{
    std::string data;
    std::string header(1, kHeader);
    putI64(header, state.sequence);
    putI64(header, state.compactedThrough);
    data += frame(header);
    for (const auto& alarm : state.alarms)
        data += frame(std::string(1, kAlarm) + alarm.SerializeAsString());
    for (const auto& request : state.requests)
        data += frame(changePayload(kRequest, request));
    data += frame(std::string(1, kEnd));

    const std::string temporary = snapshotPath() + ".tmp";
    const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) {
        *error = errnoText("cannot create", temporary);
        return false;
    }
    const bool written = writeAll(fd, data) && ::fsync(fd) == 0;
    ::close(fd);
    if (!written || ::rename(temporary.c_str(), snapshotPath().c_str()) != 0) {
        *error = errnoText("cannot write", snapshotPath());
        ::unlink(temporary.c_str());
        return false;
    }
    syncDirectory(m_directory);
    // Dying between the rename and this truncation is harmless: records the snapshot already holds are
    // skipped by sequence when the log is replayed.
    if (::ftruncate(m_log, 0) != 0 || ::lseek(m_log, 0, SEEK_SET) < 0) {
        *error = errnoText("cannot empty", logPath());
        return false;
    }
    m_logRecords = 0;
    return true;
}

} // namespace vigie::sim
