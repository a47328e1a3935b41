#pragma once

#include "AlarmJournalFile.h"

#include <vigie/v1/alarms.pb.h>

#include <grpcpp/support/status.h>

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace vigie::sim {

// The alarms and their journal (alarms.proto): one backend-wide, strictly increasing sequence, a version
// per alarm, the state machine of the changes, optimistic concurrency (expected_version), idempotent
// retries (request_id), a change log for subscribers (resume after a sequence, or RESYNC when that point
// was compacted away) and, optionally, persistence in a directory (AlarmJournalFile). Rights are not
// checked here (the service does, before calling). Thread-safe: gRPC handlers, the generator and the
// stdin control thread call it concurrently.
class AlarmJournal {
public:
    using Clock = std::function<std::chrono::system_clock::time_point()>;

    struct Settings {
        // Empty: in memory only. Otherwise every change is written and synced there before it is visible.
        std::string directory;
        // Sequences a subscriber may be behind and still resume; older resume points get RESYNC.
        std::int64_t keptChanges = 100'000;
        // Active alarms at most: raising more closes the least recently changed ones (a backend change
        // like any other, with a history entry saying why). ListActiveAlarms is not paged and gRPC's
        // default receive limit is 4 MiB (~8,000 of these alarms); a control room never has that many
        // open, but a storm would reach it in seconds.
        std::size_t maxActiveAlarms = 5'000;
        // Alarms kept (closed or not); beyond it those unchanged for longest are forgotten and resume
        // points before their last change get RESYNC. Bounds memory during long storms, and the size of
        // a snapshot (~750 bytes per alarm: 15 MB, written in well under a second).
        std::size_t maxAlarms = 20'000;
        // Request ids remembered for retries. Each keeps the alarm it produced (~0.5-1 kB), so 200,000
        // cost up to ~200 MB in the worst case. A control room makes a few thousand changes a day, so
        // this keeps the contract's 24 hours with a wide margin (it would take more than two changes per
        // second, all day long, to forget one sooner) while a runaway client cannot grow it without end.
        std::size_t rememberedRequests = 200'000;
        // Log records written before the state is compacted into a snapshot (persistent journals).
        std::size_t snapshotEvery = 50'000;
        Clock clock;  // unset: the system clock
    };

    explicit AlarmJournal(Settings settings);
    ~AlarmJournal();
    AlarmJournal(const AlarmJournal&) = delete;
    AlarmJournal& operator=(const AlarmJournal&) = delete;

    // Loads the persistent journal (nothing to do in memory). False with *error (when not null) when the
    // directory cannot be used. A torn last log record is dropped with a note in *warning, never an error.
    bool open(std::string* error, std::string* warning = nullptr);

    // Raises new alarms from drafts (camera, type, priority, event, rule, zone, objects, details): the
    // journal gives each its id, sequence, version 1, state NEW, times and first history entry. One
    // batch is written and synced once. Returns the alarms as raised (empty if the disk refused them).
    std::vector<vigie::v1::Alarm> raise(std::vector<vigie::v1::Alarm> drafts);

    // Who makes a change (from the session).
    struct Actor {
        std::string user;
        std::string displayName;
        std::string workstation;
    };
    enum class Action { Acknowledge, Take, Hold, Close, Comment, Assign };
    struct Change {
        Action action = Action::Acknowledge;
        std::string alarmId;
        std::int64_t expectedVersion = 0;
        std::string requestId;
        vigie::v1::AlarmVerdict verdict = vigie::v1::ALARM_VERDICT_UNSPECIFIED;
        std::string comment;
        std::string assignee;  // Assign: login name, empty = unassign
        std::string assigneeDisplayName;
    };
    struct Outcome {
        grpc::Status status;      // OK, NOT_FOUND, ABORTED, FAILED_PRECONDITION, INVALID_ARGUMENT, INTERNAL
        vigie::v1::Alarm alarm;   // after the change (for a retry: as the first call left it)
        bool replayed = false;    // a retry of an applied request: nothing changed this time
    };
    Outcome apply(const Change& change, const Actor& actor);

    std::optional<vigie::v1::Alarm> alarm(const std::string& id) const;

    struct Snapshot {
        std::vector<vigie::v1::Alarm> active;  // not closed, by sequence
        std::int64_t sequence = 0;             // the journal's sequence when taken
    };
    Snapshot activeAlarms() const;

    std::int64_t sequence() const;
    // The oldest resume point still served: a subscriber resuming before it gets RESYNC.
    std::int64_t oldestResumePoint() const;

    // What a subscriber gets after `afterSequence`.
    struct Update {
        bool closed = false;  // shutting down: end the stream
        bool resync = false;  // afterSequence was compacted away (or is not from this journal)
        std::int64_t oldestResumePoint = 0;
        // The latest state of each alarm changed after afterSequence, by sequence (changes of one alarm
        // coalesced), at most `limit` of them.
        std::vector<vigie::v1::Alarm> alarms;
        // Every change up to this sequence is covered by `alarms` (and earlier updates): resume from it.
        std::int64_t through = 0;
        bool more = false;  // `limit` cut the list: ask again from `through` at once
    };
    // Returns at once when there is something after `afterSequence` (or a resync), else waits until
    // `deadline` (then with nothing and through = afterSequence).
    Update waitForChanges(std::int64_t afterSequence, std::chrono::steady_clock::time_point deadline,
                          std::size_t limit) const;

    // Forgets the whole change log up to now: any resume point before the current sequence gets RESYNC.
    void compact();

    // Wakes every waiting subscriber for shutdown; later waits return at once with closed = true.
    void close();

private:
    struct Remembered {
        std::string fingerprint;
        vigie::v1::Alarm result;
    };

    std::chrono::system_clock::time_point now() const;
    std::int64_t oldestResumePointLocked() const;
    // Makes `alarm` (already numbered) the current state: the index by sequence, memory bounds.
    void storeLocked(vigie::v1::Alarm alarm);
    void rememberLocked(const std::string& requestId, std::string fingerprint, const vigie::v1::Alarm& result);
    // Writes the changes and syncs them; false leaves memory untouched.
    bool persistLocked(const std::vector<AlarmJournalFile::Change>& changes, std::string* error);
    void snapshotIfDueLocked();
    std::int64_t nextSequenceLocked();

    const Settings m_settings;
    std::unique_ptr<AlarmJournalFile> m_file;  // null: in memory only

    mutable std::mutex m_mutex;
    mutable std::condition_variable m_changed;
    std::unordered_map<std::string, vigie::v1::Alarm> m_alarms;  // guarded by m_mutex
    // Each alarm once, under the sequence of its last change: the coalesced change log.
    std::map<std::int64_t, std::string> m_bySequence;
    std::map<std::int64_t, std::string> m_activeBySequence;  // the same, alarms not closed only
    std::int64_t m_sequence = 0;
    std::int64_t m_compactedThrough = 0;
    std::unordered_map<std::string, Remembered> m_requests;
    std::deque<std::string> m_requestOrder;
    bool m_closed = false;
};

} // namespace vigie::sim
