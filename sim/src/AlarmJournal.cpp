#include "AlarmJournal.h"

#include <google/protobuf/util/time_util.h>

#include <algorithm>

namespace vigie::sim {

namespace {

using vigie::v1::Alarm;
using vigie::v1::AlarmHistoryEntry;
using vigie::v1::AlarmState;

constexpr std::size_t kMaxCommentCharacters = 4000;  // alarms.proto, CommentAlarmRequest.comment

google::protobuf::Timestamp timestamp(std::chrono::system_clock::time_point time)
{
    const auto micros = std::chrono::duration_cast<std::chrono::microseconds>(time.time_since_epoch()).count();
    return google::protobuf::util::TimeUtil::MicrosecondsToTimestamp(micros);
}

std::size_t utf8Characters(const std::string& text)
{
    return static_cast<std::size_t>(
        std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

const char* actionName(AlarmJournal::Action action)
{
    switch (action) {
    case AlarmJournal::Action::Acknowledge:
        return "acknowledge";
    case AlarmJournal::Action::Take:
        return "take";
    case AlarmJournal::Action::Hold:
        return "hold";
    case AlarmJournal::Action::Close:
        return "close";
    case AlarmJournal::Action::Comment:
        return "comment";
    case AlarmJournal::Action::Assign:
        return "assign";
    }
    return "?";
}

// Everything that makes two requests the same request: a retry must match it exactly.
std::string fingerprintOf(const AlarmJournal::Change& change, const AlarmJournal::Actor& actor)
{
    std::string text = actionName(change.action);
    for (const std::string& part :
         {change.alarmId, std::to_string(change.expectedVersion), std::to_string(static_cast<int>(change.verdict)),
          change.comment, change.assignee, actor.user}) {
        text += '\x1f';  // unit separator: cannot be confused with the parts' own characters
        text += part;
    }
    return text;
}

std::string stateName(AlarmState state) { return vigie::v1::AlarmState_Name(state); }

} // namespace

AlarmJournal::AlarmJournal(Settings settings) : m_settings(std::move(settings))
{
    if (!m_settings.directory.empty())
        m_file = std::make_unique<AlarmJournalFile>(m_settings.directory);
    // A fresh journal starts at the current time in milliseconds, with every earlier point compacted:
    // a client resuming from a sequence of another run (memory only, or another directory) gets RESYNC
    // instead of a silently incomplete replay.
    const auto millis =
        std::chrono::duration_cast<std::chrono::milliseconds>(now().time_since_epoch()).count();
    m_sequence = millis;
    m_compactedThrough = millis;
}

AlarmJournal::~AlarmJournal() = default;

std::chrono::system_clock::time_point AlarmJournal::now() const
{
    return m_settings.clock ? m_settings.clock() : std::chrono::system_clock::now();
}

bool AlarmJournal::open(std::string* error, std::string* warning)
{
    if (!m_file)
        return true;
    std::string failure;
    AlarmJournalFile::State state;
    if (!m_file->open(&state, &failure)) {
        if (error)
            *error = failure;
        return false;
    }
    std::lock_guard lock(m_mutex);
    const bool fresh = state.sequence == 0 && state.compactedThrough == 0 && state.changes.empty();
    if (fresh) {
        // Keep the starting point, so that the next run continues from it rather than from its own
        // start time (and a resume point from before this journal existed still gets RESYNC).
        const bool kept = m_file->appendCompaction(m_compactedThrough, &failure) && m_file->sync(&failure);
        if (!kept && error)
            *error = failure;
        return kept;
    }
    m_sequence = std::max(state.sequence, state.compactedThrough);
    m_compactedThrough = state.compactedThrough;
    for (auto& alarm : state.alarms)
        storeLocked(std::move(alarm));
    for (const auto& request : state.requests)
        rememberLocked(request.requestId, request.fingerprint, request.alarm);
    for (auto& change : state.changes) {
        // Records the snapshot already holds (a crash between writing it and emptying the log).
        if (change.alarm.sequence() <= state.sequence)
            continue;
        m_sequence = std::max(m_sequence, change.alarm.sequence());
        if (!change.requestId.empty())
            rememberLocked(change.requestId, change.fingerprint, change.alarm);
        storeLocked(std::move(change.alarm));
    }
    m_compactedThrough = std::max(m_compactedThrough, state.compactedThrough);
    if (state.tornTail && warning)
        *warning = "the last record of " + m_file->directory() +
                   "/alarms.log was incomplete (interrupted write) and was dropped";
    return true;
}

std::int64_t AlarmJournal::nextSequenceLocked() { return ++m_sequence; }

void AlarmJournal::storeLocked(Alarm alarm)
{
    const std::string id = alarm.id();
    if (const auto it = m_alarms.find(id); it != m_alarms.end()) {
        m_bySequence.erase(it->second.sequence());
        m_activeBySequence.erase(it->second.sequence());
    }
    m_bySequence[alarm.sequence()] = id;
    if (alarm.state() != vigie::v1::ALARM_STATE_CLOSED)
        m_activeBySequence[alarm.sequence()] = id;
    m_alarms[id] = std::move(alarm);
    while (m_alarms.size() > m_settings.maxAlarms && !m_bySequence.empty()) {
        // The alarm unchanged for longest goes; a subscriber resuming from before its last change could
        // no longer be told about it, so such resume points get RESYNC from now on.
        const auto oldest = m_bySequence.begin();
        m_compactedThrough = std::max(m_compactedThrough, oldest->first);
        m_alarms.erase(oldest->second);
        m_activeBySequence.erase(oldest->first);
        m_bySequence.erase(oldest);
    }
}

void AlarmJournal::rememberLocked(const std::string& requestId, std::string fingerprint, const Alarm& result)
{
    if (requestId.empty())
        return;
    if (m_requests.emplace(requestId, Remembered{std::move(fingerprint), result}).second)
        m_requestOrder.push_back(requestId);
    while (m_requestOrder.size() > m_settings.rememberedRequests) {
        m_requests.erase(m_requestOrder.front());
        m_requestOrder.pop_front();
    }
}

bool AlarmJournal::persistLocked(const std::vector<AlarmJournalFile::Change>& changes, std::string* error)
{
    if (!m_file)
        return true;
    for (const auto& change : changes) {
        if (!m_file->append(change, error))
            return false;
    }
    // Synced before anyone hears of these changes: an alarm a subscriber was told about survives a
    // crash. One sync per batch keeps a storm cheap.
    return m_file->sync(error);
}

void AlarmJournal::snapshotIfDueLocked()
{
    if (!m_file || m_file->logRecords() < m_settings.snapshotEvery)
        return;
    AlarmJournalFile::State state;
    state.sequence = m_sequence;
    state.compactedThrough = m_compactedThrough;
    state.alarms.reserve(m_alarms.size());
    for (const auto& [sequence, id] : m_bySequence)
        state.alarms.push_back(m_alarms.at(id));
    for (const auto& requestId : m_requestOrder) {
        const auto& remembered = m_requests.at(requestId);
        state.requests.push_back({remembered.result, requestId, remembered.fingerprint});
    }
    std::string error;
    // A failed snapshot is not fatal: the log still holds everything and grows until the next try.
    [[maybe_unused]] const bool written = m_file->writeSnapshot(state, &error);
}

std::vector<Alarm> AlarmJournal::raise(std::vector<Alarm> drafts)
{
    std::vector<Alarm> raised;
    {
        std::lock_guard lock(m_mutex);
        if (m_closed)
            return {};
        const auto time = timestamp(now());
        const std::int64_t first = m_sequence;
        std::vector<AlarmJournalFile::Change> records;
        records.reserve(drafts.size());
        for (auto& draft : drafts) {
            const std::int64_t sequence = nextSequenceLocked();
            draft.set_id("alarm-" + std::to_string(sequence));
            draft.set_sequence(sequence);
            draft.set_version(1);
            draft.set_state(vigie::v1::ALARM_STATE_NEW);
            *draft.mutable_raised_at() = time;
            *draft.mutable_updated_at() = time;
            draft.clear_history();
            auto* entry = draft.add_history();
            entry->set_kind(vigie::v1::ALARM_HISTORY_KIND_RAISED);
            *entry->mutable_time() = time;
            entry->set_version(1);
            records.push_back({draft, {}, {}});
        }
        // Too many active alarms: the least recently changed ones are closed by the backend.
        std::vector<Alarm> closing;
        const std::size_t active = m_activeBySequence.size() + drafts.size();
        std::size_t excess = active > m_settings.maxActiveAlarms ? active - m_settings.maxActiveAlarms : 0;
        for (auto it = m_activeBySequence.begin(); excess > 0 && it != m_activeBySequence.end(); ++it, --excess) {
            Alarm next = m_alarms.at(it->second);
            const std::int64_t version = next.version() + 1;
            AlarmHistoryEntry* entry = next.add_history();
            entry->set_kind(vigie::v1::ALARM_HISTORY_KIND_STATE_CHANGED);
            *entry->mutable_time() = time;
            entry->set_version(version);
            entry->set_from_state(next.state());
            entry->set_to_state(vigie::v1::ALARM_STATE_CLOSED);
            entry->set_comment("Fermée automatiquement : plus de " + std::to_string(m_settings.maxActiveAlarms) +
                               " alarmes actives");
            next.set_state(vigie::v1::ALARM_STATE_CLOSED);
            *next.mutable_closed_at() = time;
            *next.mutable_updated_at() = time;
            next.set_version(version);
            next.set_sequence(nextSequenceLocked());
            records.push_back({next, {}, {}});
            closing.push_back(std::move(next));
        }
        std::string error;
        if (!persistLocked(records, &error)) {
            m_sequence = first;  // nothing was raised: the sequences were never seen by anyone
            return {};
        }
        raised.reserve(drafts.size());
        for (auto& draft : drafts) {
            raised.push_back(draft);
            storeLocked(std::move(draft));
        }
        for (auto& closed : closing)
            storeLocked(std::move(closed));
        snapshotIfDueLocked();
    }
    m_changed.notify_all();
    return raised;
}

AlarmJournal::Outcome AlarmJournal::apply(const Change& change, const Actor& actor)
{
    Outcome outcome;
    if (change.requestId.empty()) {
        outcome.status = {grpc::StatusCode::INVALID_ARGUMENT, "request_id is required (a client-generated UUID)"};
        return outcome;
    }
    {
        std::lock_guard lock(m_mutex);
        const auto found = m_alarms.find(change.alarmId);
        if (found == m_alarms.end()) {
            outcome.status = {grpc::StatusCode::NOT_FOUND, "no alarm '" + change.alarmId + "'"};
            return outcome;
        }
        std::string fingerprint = fingerprintOf(change, actor);
        // A retry is answered before any check: the first try changed the alarm, and the retry must not
        // read as a conflict with itself.
        if (const auto it = m_requests.find(change.requestId); it != m_requests.end()) {
            if (it->second.fingerprint != fingerprint) {
                outcome.status = {grpc::StatusCode::INVALID_ARGUMENT,
                                  "request_id '" + change.requestId + "' was already used for a different request"};
                return outcome;
            }
            outcome.alarm = it->second.result;
            outcome.replayed = true;
            return outcome;
        }
        const Alarm& current = found->second;
        const bool versionChecked = change.action != Action::Comment || change.expectedVersion != 0;
        if (versionChecked && change.expectedVersion != current.version()) {
            outcome.status = {grpc::StatusCode::ABORTED,
                              "alarm '" + change.alarmId + "' is at version " + std::to_string(current.version()) +
                                  ", not " + std::to_string(change.expectedVersion) + " (changed meanwhile)"};
            outcome.alarm = current;
            return outcome;
        }

        const AlarmState state = current.state();
        const bool closed = state == vigie::v1::ALARM_STATE_CLOSED;
        auto refuse = [&](std::string why) {
            outcome.status = {grpc::StatusCode::FAILED_PRECONDITION, std::move(why)};
            outcome.alarm = current;
            return outcome;
        };
        switch (change.action) {
        case Action::Acknowledge:
            if (current.acknowledged())
                return refuse("alarm '" + change.alarmId + "' is already acknowledged (by " +
                              current.acknowledged_by() + ")");
            break;
        case Action::Take:
            if (state != vigie::v1::ALARM_STATE_NEW && state != vigie::v1::ALARM_STATE_ON_HOLD)
                return refuse("only a NEW or ON_HOLD alarm can be taken; alarm '" + change.alarmId + "' is " +
                              stateName(state));
            break;
        case Action::Hold:
            if (state != vigie::v1::ALARM_STATE_NEW && state != vigie::v1::ALARM_STATE_IN_PROGRESS)
                return refuse("only a NEW or IN_PROGRESS alarm can be put on hold; alarm '" + change.alarmId +
                              "' is " + stateName(state));
            break;
        case Action::Close:
            if (closed)
                return refuse("alarm '" + change.alarmId + "' is already closed");
            if (current.needs_human_confirmation() && current.verdict() == vigie::v1::ALARM_VERDICT_UNSPECIFIED &&
                change.verdict == vigie::v1::ALARM_VERDICT_UNSPECIFIED)
                return refuse("alarm '" + change.alarmId +
                              "' needs a human verdict before it can be closed (confirmed, false alarm or test)");
            break;
        case Action::Comment:
            if (change.comment.empty()) {
                outcome.status = {grpc::StatusCode::INVALID_ARGUMENT, "comment is empty"};
                return outcome;
            }
            break;
        case Action::Assign:
            if (closed)
                return refuse("alarm '" + change.alarmId + "' is closed: it only accepts comments");
            break;
        }
        if (utf8Characters(change.comment) > kMaxCommentCharacters) {
            outcome.status = {grpc::StatusCode::INVALID_ARGUMENT, "comment longer than 4000 characters"};
            return outcome;
        }

        Alarm next = current;
        const std::int64_t version = current.version() + 1;
        const auto time = timestamp(now());
        auto addEntry = [&](vigie::v1::AlarmHistoryKind kind) {
            AlarmHistoryEntry* entry = next.add_history();
            entry->set_kind(kind);
            *entry->mutable_time() = time;
            entry->set_user(actor.user);
            entry->set_user_display_name(actor.displayName);
            entry->set_workstation(actor.workstation);
            entry->set_version(version);
            return entry;
        };
        // Taking, holding or closing an unacknowledged alarm acknowledges it too (alarms.proto).
        const bool acknowledges = !next.acknowledged() && change.action != Action::Comment &&
                                  change.action != Action::Assign;
        AlarmHistoryEntry* acknowledgement = nullptr;
        if (acknowledges) {
            next.set_acknowledged(true);
            next.set_acknowledged_by(actor.user);
            next.set_acknowledged_by_display_name(actor.displayName);
            *next.mutable_acknowledged_at() = time;
            acknowledgement = addEntry(vigie::v1::ALARM_HISTORY_KIND_ACKNOWLEDGED);
        }
        AlarmHistoryEntry* entry = nullptr;
        auto changeState = [&](AlarmState to) {
            entry = addEntry(vigie::v1::ALARM_HISTORY_KIND_STATE_CHANGED);
            entry->set_from_state(next.state());
            entry->set_to_state(to);
            next.set_state(to);
        };
        switch (change.action) {
        case Action::Acknowledge:
            entry = acknowledgement;
            break;
        case Action::Take:
            changeState(vigie::v1::ALARM_STATE_IN_PROGRESS);
            next.set_assignee(actor.user);
            next.set_assignee_display_name(actor.displayName);
            entry->set_assignee(actor.user);
            entry->set_assignee_display_name(actor.displayName);
            break;
        case Action::Hold:
            changeState(vigie::v1::ALARM_STATE_ON_HOLD);
            break;
        case Action::Close:
            changeState(vigie::v1::ALARM_STATE_CLOSED);
            *next.mutable_closed_at() = time;
            break;
        case Action::Comment:
            entry = addEntry(vigie::v1::ALARM_HISTORY_KIND_COMMENTED);
            break;
        case Action::Assign:
            entry = addEntry(vigie::v1::ALARM_HISTORY_KIND_ASSIGNED);
            next.set_assignee(change.assignee);
            next.set_assignee_display_name(change.assignee.empty() ? std::string() : change.assigneeDisplayName);
            entry->set_assignee(next.assignee());
            entry->set_assignee_display_name(next.assignee_display_name());
            break;
        }
        entry->set_comment(change.comment);
        if (change.verdict != vigie::v1::ALARM_VERDICT_UNSPECIFIED &&
            (change.action == Action::Acknowledge || change.action == Action::Take ||
             change.action == Action::Close)) {
            next.set_verdict(change.verdict);
            entry->set_verdict(change.verdict);
        }
        next.set_version(version);
        *next.mutable_updated_at() = time;
        const std::int64_t previousSequence = m_sequence;
        next.set_sequence(nextSequenceLocked());

        std::string error;
        if (!persistLocked({{next, change.requestId, fingerprint}}, &error)) {
            m_sequence = previousSequence;
            outcome.status = {grpc::StatusCode::INTERNAL, "the alarm journal could not be written: " + error};
            return outcome;
        }
        rememberLocked(change.requestId, std::move(fingerprint), next);
        outcome.alarm = next;
        storeLocked(std::move(next));
        snapshotIfDueLocked();
    }
    m_changed.notify_all();
    return outcome;
}

std::optional<Alarm> AlarmJournal::alarm(const std::string& id) const
{
    std::lock_guard lock(m_mutex);
    const auto it = m_alarms.find(id);
    if (it == m_alarms.end())
        return std::nullopt;
    return it->second;
}

AlarmJournal::Snapshot AlarmJournal::activeAlarms() const
{
    std::lock_guard lock(m_mutex);
    Snapshot snapshot;
    snapshot.sequence = m_sequence;
    snapshot.active.reserve(m_activeBySequence.size());
    for (const auto& [sequence, id] : m_activeBySequence)
        snapshot.active.push_back(m_alarms.at(id));
    return snapshot;
}

std::int64_t AlarmJournal::sequence() const
{
    std::lock_guard lock(m_mutex);
    return m_sequence;
}

std::int64_t AlarmJournal::oldestResumePointLocked() const
{
    return std::max(m_compactedThrough, m_sequence - m_settings.keptChanges);
}

std::int64_t AlarmJournal::oldestResumePoint() const
{
    std::lock_guard lock(m_mutex);
    return oldestResumePointLocked();
}

AlarmJournal::Update AlarmJournal::waitForChanges(std::int64_t afterSequence,
                                                  std::chrono::steady_clock::time_point deadline,
                                                  std::size_t limit) const
{
    std::unique_lock lock(m_mutex);
    Update update;
    update.through = afterSequence;
    auto resync = [&] { return afterSequence < oldestResumePointLocked() || afterSequence > m_sequence; };
    m_changed.wait_until(lock, deadline, [&] { return m_closed || resync() || m_sequence != afterSequence; });
    update.closed = m_closed;
    update.oldestResumePoint = oldestResumePointLocked();
    if (m_closed)
        return update;
    if (resync()) {
        update.resync = true;
        return update;
    }
    for (auto it = m_bySequence.upper_bound(afterSequence); it != m_bySequence.end(); ++it) {
        if (update.alarms.size() >= limit) {
            update.more = true;
            return update;
        }
        update.alarms.push_back(m_alarms.at(it->second));
        update.through = it->first;
    }
    // Sequences past the last listed alarm belong to changes superseded by later ones of the same
    // alarms (already listed): everything up to the journal's sequence is covered.
    update.through = m_sequence;
    return update;
}

void AlarmJournal::compact()
{
    {
        std::lock_guard lock(m_mutex);
        m_compactedThrough = m_sequence;
        if (m_file) {
            std::string error;
            if (m_file->appendCompaction(m_compactedThrough, &error))
                m_file->sync(&error);
        }
    }
    m_changed.notify_all();
}

void AlarmJournal::close()
{
    {
        std::lock_guard lock(m_mutex);
        m_closed = true;
    }
    m_changed.notify_all();
}

} // namespace vigie::sim
