#pragma once

#include <vigie/v1/alarms.pb.h>

#include <cstdint>
#include <string>
#include <vector>

namespace vigie::sim {

// The alarm journal on disk, in one directory:
// - `alarms.log`: append-only records, one per change (the alarm's full state after it, with the
//   request that made it), plus markers of explicit compactions;
// - `alarms.snapshot`: the whole state at one sequence, replaced atomically (temporary file, fsync,
//   rename, fsync of the directory), after which the log starts empty again.
// Every record is framed as: payload length (u32, little-endian), CRC-32 of the payload (u32), payload.
// A log whose last record is incomplete or fails its CRC (the process died mid-write) is cut back to the
// last good record when loaded: that change was never acknowledged to anyone, so dropping it loses
// nothing that was promised. Not thread-safe: AlarmJournal calls it under its own lock.
class AlarmJournalFile {
public:
    // One change as the log keeps it; also how a remembered request is kept in the snapshot.
    struct Change {
        vigie::v1::Alarm alarm;   // the full state after the change; alarm.sequence() is the record's sequence
        std::string requestId;    // empty for the backend's own changes (raising)
        std::string fingerprint;  // what the request asked, to tell a retry from a reuse of its id
    };
    struct State {
        std::int64_t sequence = 0;          // the last sequence used (0: an empty journal)
        std::int64_t compactedThrough = 0;  // resume points before this one get RESYNC
        std::vector<vigie::v1::Alarm> alarms;
        std::vector<Change> requests;       // remembered requests, oldest first
        std::vector<Change> changes;        // log records after the snapshot, oldest first
        bool tornTail = false;              // the log ended with a damaged record, now cut off
    };

    explicit AlarmJournalFile(std::string directory);
    ~AlarmJournalFile();
    AlarmJournalFile(const AlarmJournalFile&) = delete;
    AlarmJournalFile& operator=(const AlarmJournalFile&) = delete;

    const std::string& directory() const { return m_directory; }

    // Creates the directory if needed, reads the snapshot and the log, and opens the log for appending.
    // False with *error for an unreadable directory or a damaged snapshot (written atomically, so damage
    // there is not a crash but a broken disk or a foreign file: better stop than serve a wrong journal).
    bool open(State* state, std::string* error);

    // Writes (without syncing) one change; sync() makes what was written durable.
    bool append(const Change& change, std::string* error);
    bool appendCompaction(std::int64_t compactedThrough, std::string* error);
    bool sync(std::string* error);

    // Replaces the snapshot with `state` (alarms, requests, sequence, compactedThrough; `changes` unused)
    // and empties the log.
    bool writeSnapshot(const State& state, std::string* error);

    std::size_t logRecords() const { return m_logRecords; }

private:
    std::string logPath() const;
    std::string snapshotPath() const;

    std::string m_directory;
    int m_log = -1;
    std::size_t m_logRecords = 0;
};

} // namespace vigie::sim
