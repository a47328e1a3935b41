#include "AlarmGenerator.h"

#include <google/protobuf/util/time_util.h>

#include <algorithm>
#include <cmath>

namespace vigie::sim {

namespace {

using namespace vigie::v1;
using google::protobuf::util::TimeUtil;

// A storm is raised in one batch per tick: 1,000 alarms/s cost 20 journal writes and syncs per second.
constexpr std::chrono::milliseconds kTick{50};
// After a stall (a slow disk, a suspended process) the generator does not try to catch up beyond this:
// a burst of late alarms would only distort the rate asked for.
constexpr double kMaxBacklogSeconds = 1.0;

// splitmix64: a well-mixed number from a counter, so every value of an alarm follows from its number.
std::uint64_t mix(std::uint64_t value)
{
    value += 0x9E3779B97F4A7C15ull;
    value = (value ^ (value >> 30)) * 0xBF58476D1CE4E5B9ull;
    value = (value ^ (value >> 27)) * 0x94D049BB133111EBull;
    return value ^ (value >> 31);
}

std::uint64_t hashText(const std::string& text)
{
    std::uint64_t hash = 1469598103934665603ull;  // FNV-1a
    for (const unsigned char c : text)
        hash = (hash ^ c) * 1099511628211ull;
    return hash;
}

// A deterministic value in [low, high) from a seed and a salt.
float uniform(std::uint64_t seed, std::uint64_t salt, float low, float high)
{
    const double unit = static_cast<double>(mix(seed ^ mix(salt)) >> 11) / 9007199254740992.0;  // [0, 1)
    return static_cast<float>(low + (high - low) * unit);
}

google::protobuf::Timestamp timestamp(std::chrono::system_clock::time_point time)
{
    const auto micros = std::chrono::duration_cast<std::chrono::microseconds>(time.time_since_epoch()).count();
    return TimeUtil::MicrosecondsToTimestamp(micros);
}

struct TypeInfo {
    AlarmType type;
    const char* slug;      // console name and rule id suffix
    const char* ruleName;  // after the camera name
    AlarmPriority priority;
    // Algorithmic detectors of the kind the law wants a human to confirm (see docs: the 2023-2025
    // experiment's event types) cannot be closed without a verdict.
    bool needsConfirmation;
};

const TypeInfo kTypes[] = {
    {ALARM_TYPE_INTRUSION, "intrusion", "zone interdite", ALARM_PRIORITY_HIGH, true},
    {ALARM_TYPE_LINE_CROSSED, "line-crossed", "ligne de franchissement", ALARM_PRIORITY_MEDIUM, false},
    {ALARM_TYPE_LOITERING, "loitering", "stationnement prolongé", ALARM_PRIORITY_LOW, false},
    {ALARM_TYPE_OBJECT_LEFT, "object-left", "objet abandonné", ALARM_PRIORITY_HIGH, true},
    {ALARM_TYPE_WRONG_WAY, "wrong-way", "sens interdit", ALARM_PRIORITY_MEDIUM, true},
    {ALARM_TYPE_CROWD_DENSITY, "crowd-density", "densité de foule", ALARM_PRIORITY_HIGH, true},
};

const TypeInfo& infoOf(AlarmType type)
{
    for (const auto& info : kTypes) {
        if (info.type == type)
            return info;
    }
    return kTypes[0];
}

std::string minutesSeconds(int seconds)
{
    if (seconds < 60)
        return std::to_string(seconds) + " s";
    return std::to_string(seconds / 60) + " min " + (seconds % 60 ? std::to_string(seconds % 60) + " s" : "");
}

DetectedObject object(std::uint64_t seed, int index, ObjectClass objectClass, const NormalizedRect& area)
{
    // Typical sizes on a street camera, as fractions of the picture.
    float width = 0.05f;
    float height = 0.16f;
    if (objectClass == OBJECT_CLASS_VEHICLE) {
        width = uniform(seed, 10 + index, 0.12f, 0.2f);
        height = uniform(seed, 20 + index, 0.08f, 0.14f);
    } else if (objectClass == OBJECT_CLASS_ITEM) {
        width = uniform(seed, 10 + index, 0.025f, 0.04f);
        height = uniform(seed, 20 + index, 0.03f, 0.05f);
    } else {
        width = uniform(seed, 10 + index, 0.035f, 0.06f);
        height = uniform(seed, 20 + index, 0.12f, 0.2f);
    }
    DetectedObject result;
    result.set_track_id(std::to_string(100 + mix(seed + static_cast<std::uint64_t>(index)) % 900));
    result.set_object_class(objectClass);
    auto* box = result.mutable_box();
    // Inside the rule's area, the box's foot on the area (where the object stands).
    const float x = area.x() + uniform(seed, 30 + index, 0.0f, std::max(0.0f, area.width() - width));
    const float y = area.y() + uniform(seed, 40 + index, 0.0f, std::max(0.0f, area.height() - height * 0.5f));
    box->set_x(std::clamp(x, 0.0f, 1.0f - width));
    box->set_y(std::clamp(y - height * 0.5f, 0.0f, 1.0f - height));
    box->set_width(width);
    box->set_height(height);
    result.set_confidence(uniform(seed, 50 + index, 0.6f, 0.98f));
    return result;
}

} // namespace

const std::vector<AlarmType>& AlarmGenerator::generatedTypes()
{
    static const std::vector<AlarmType> types = [] {
        std::vector<AlarmType> list;
        for (const auto& info : kTypes)
            list.push_back(info.type);
        return list;
    }();
    return types;
}

std::optional<AlarmType> AlarmGenerator::parseType(const std::string& name)
{
    for (const auto& info : kTypes) {
        if (name == info.slug)
            return info.type;
    }
    return std::nullopt;
}

std::optional<AlarmPriority> AlarmGenerator::parsePriority(const std::string& name)
{
    if (name == "high")
        return ALARM_PRIORITY_HIGH;
    if (name == "medium")
        return ALARM_PRIORITY_MEDIUM;
    if (name == "low")
        return ALARM_PRIORITY_LOW;
    return std::nullopt;
}

Alarm AlarmGenerator::skeleton(const Camera& camera, AlarmType type, AlarmPriority priority,
                               std::chrono::system_clock::time_point eventTime)
{
    const TypeInfo& info = infoOf(type);
    Alarm alarm;
    alarm.set_camera_id(camera.id);
    alarm.set_type(info.type);
    alarm.set_priority(priority == ALARM_PRIORITY_UNSPECIFIED ? info.priority : priority);
    *alarm.mutable_event_time() = timestamp(eventTime);
    *alarm.mutable_review_range()->mutable_start() = timestamp(eventTime - std::chrono::seconds(10));
    *alarm.mutable_review_range()->mutable_end() = timestamp(eventTime + std::chrono::seconds(20));
    alarm.set_rule_id(camera.id + "/" + info.slug);
    alarm.set_rule_name(camera.name + " - " + info.ruleName);
    alarm.set_needs_human_confirmation(info.needsConfirmation);
    return alarm;
}

Alarm AlarmGenerator::draft(std::uint64_t number, const Camera& camera, AlarmType type, AlarmPriority priority,
                            std::chrono::system_clock::time_point eventTime)
{
    const TypeInfo& info = infoOf(type);
    Alarm alarm = skeleton(camera, type, priority, eventTime);

    // The rule's zone depends on the camera and the rule only: the same rule always draws the same zone.
    const std::uint64_t ruleSeed = hashText(alarm.rule_id());
    NormalizedRect area;
    area.set_x(uniform(ruleSeed, 1, 0.08f, 0.5f));
    area.set_y(uniform(ruleSeed, 2, 0.35f, 0.6f));
    area.set_width(uniform(ruleSeed, 3, 0.25f, 0.42f));
    area.set_height(uniform(ruleSeed, 4, 0.2f, 0.35f));
    const float skew = uniform(ruleSeed, 5, -0.05f, 0.05f);
    const std::pair<float, float> corners[] = {{area.x() + skew, area.y()},
                                               {area.x() + area.width() + skew, area.y()},
                                               {area.x() + area.width(), area.y() + area.height()},
                                               {area.x(), area.y() + area.height()}};
    for (const auto& [x, y] : corners) {
        auto* point = alarm.mutable_zone()->add_points();
        point->set_x(std::clamp(x, 0.0f, 1.0f));
        point->set_y(std::clamp(y, 0.0f, 1.0f));
    }

    const std::uint64_t seed = mix(number ^ ruleSeed);
    const int objectCount = 1 + static_cast<int>(mix(seed) % 3);
    auto add = [&](ObjectClass objectClass, int count) {
        for (int i = 0; i < count; ++i)
            *alarm.add_objects() = object(seed, alarm.objects_size(), objectClass, area);
    };
    const std::string where = " - " + camera.name;
    switch (info.type) {
    case ALARM_TYPE_INTRUSION:
        add(mix(seed + 1) % 4 == 0 ? OBJECT_CLASS_VEHICLE : OBJECT_CLASS_PERSON, objectCount);
        alarm.set_description("Intrusion dans une zone interdite" + where);
        break;
    case ALARM_TYPE_LINE_CROSSED: {
        auto* details = alarm.mutable_line_crossed();
        details->mutable_start()->set_x(area.x());
        details->mutable_start()->set_y(area.y() + area.height() * 0.5f);
        details->mutable_end()->set_x(area.x() + area.width());
        details->mutable_end()->set_y(area.y() + area.height() * uniform(ruleSeed, 6, 0.3f, 0.7f));
        const bool aToB = number % 2 == 0;
        details->set_direction(aToB ? CROSSING_DIRECTION_A_TO_B : CROSSING_DIRECTION_B_TO_A);
        add(mix(seed + 1) % 3 == 0 ? OBJECT_CLASS_VEHICLE : OBJECT_CLASS_PERSON, objectCount);
        alarm.set_description(std::string("Franchissement de ligne (sens ") + (aToB ? "A vers B" : "B vers A") + ")" +
                              where);
        break;
    }
    case ALARM_TYPE_LOITERING: {
        const int dwell = 60 + static_cast<int>(mix(seed + 2) % 241);
        *alarm.mutable_loitering()->mutable_dwell() = TimeUtil::SecondsToDuration(dwell);
        add(OBJECT_CLASS_PERSON, 1);
        alarm.set_description("Stationnement prolongé dans la zone (" + minutesSeconds(dwell) + ")" + where);
        break;
    }
    case ALARM_TYPE_OBJECT_LEFT: {
        const int unattended = 30 + static_cast<int>(mix(seed + 3) % 151);
        *alarm.mutable_object_left()->mutable_unattended_for() = TimeUtil::SecondsToDuration(unattended);
        add(OBJECT_CLASS_ITEM, 1);
        alarm.set_description("Objet abandonné depuis " + minutesSeconds(unattended) + where);
        break;
    }
    case ALARM_TYPE_WRONG_WAY: {
        auto* direction = alarm.mutable_wrong_way()->mutable_allowed_direction();
        const float angle = uniform(ruleSeed, 7, 0.0f, 6.2831853f);
        direction->set_x(std::cos(angle));
        direction->set_y(std::sin(angle));
        add(mix(seed + 1) % 2 == 0 ? OBJECT_CLASS_VEHICLE : OBJECT_CLASS_PERSON, 1);
        alarm.set_description("Circulation à contresens" + where);
        break;
    }
    case ALARM_TYPE_CROWD_DENSITY: {
        auto* details = alarm.mutable_crowd_density();
        const int threshold = 20 + 5 * static_cast<int>(mix(ruleSeed) % 5);
        const int count = threshold + 1 + static_cast<int>(mix(seed + 4) % 25);
        details->set_person_count(count);
        details->set_threshold_count(threshold);
        add(OBJECT_CLASS_PERSON, 3);
        alarm.set_description("Densité de foule : " + std::to_string(count) + " personnes (seuil " +
                              std::to_string(threshold) + ")" + where);
        break;
    }
    default:
        alarm.set_description("Alarme" + where);
        break;
    }
    return alarm;
}

AlarmGenerator::AlarmGenerator(AlarmJournal& journal, std::vector<Camera> cameras, double alarmsPerSecond)
    : m_journal(journal), m_cameras(std::move(cameras)), m_rate(std::max(0.0, alarmsPerSecond))
{
}

AlarmGenerator::~AlarmGenerator() { stop(); }

void AlarmGenerator::start()
{
    if (!m_thread.joinable() && !m_cameras.empty())
        m_thread = std::thread([this] { run(); });
}

void AlarmGenerator::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

void AlarmGenerator::setRate(double alarmsPerSecond)
{
    {
        std::lock_guard lock(m_mutex);
        m_rate = std::max(0.0, alarmsPerSecond);
    }
    m_wake.notify_all();
}

double AlarmGenerator::rate() const
{
    std::lock_guard lock(m_mutex);
    return m_rate;
}

Alarm AlarmGenerator::cycleDraft(std::uint64_t number, std::chrono::system_clock::time_point eventTime) const
{
    const std::uint64_t typeCount = std::size(kTypes);
    // Shifting the camera once per round of types gives every camera every type over time.
    const Camera& camera = m_cameras[(number + number / typeCount) % m_cameras.size()];
    const TypeInfo& info = kTypes[number % typeCount];
    // Every third alarm of a type one step less urgent than its usual priority, for variety in lists.
    AlarmPriority priority = info.priority;
    if ((number / typeCount) % 3 == 2 && priority != ALARM_PRIORITY_LOW)
        priority = static_cast<AlarmPriority>(priority + 1);
    return draft(number, camera, info.type, priority, eventTime);
}

std::optional<Alarm> AlarmGenerator::raiseOne(const std::string& cameraId, AlarmType type, AlarmPriority priority,
                                              std::string* error)
{
    const auto camera = std::find_if(m_cameras.begin(), m_cameras.end(),
                                     [&](const Camera& candidate) { return candidate.id == cameraId; });
    if (camera == m_cameras.end()) {
        *error = "no camera '" + cameraId + "' that raises alarms";
        return std::nullopt;
    }
    std::uint64_t number = 0;
    {
        std::lock_guard lock(m_mutex);
        number = m_next++;
    }
    if (type == ALARM_TYPE_UNSPECIFIED)
        type = kTypes[number % std::size(kTypes)].type;
    auto raised = m_journal.raise({draft(number, *camera, type, priority, std::chrono::system_clock::now())});
    if (raised.empty()) {
        *error = "the alarm journal refused the alarm (see the log)";
        return std::nullopt;
    }
    return raised.front();
}

void AlarmGenerator::run()
{
    using SteadyClock = std::chrono::steady_clock;
    auto last = SteadyClock::now();
    double due = 0;  // alarms owed, fractional: 0.05/s raises one every 20 s
    std::unique_lock lock(m_mutex);
    while (!m_stopping) {
        if (m_rate <= 0) {
            due = 0;
            m_wake.wait(lock, [this] { return m_stopping || m_rate > 0; });
            last = SteadyClock::now();
            continue;
        }
        m_wake.wait_for(lock, kTick);
        if (m_stopping)
            break;
        const auto now = SteadyClock::now();
        const double elapsed = std::chrono::duration<double>(now - last).count();
        last = now;
        due = std::min(due + elapsed * m_rate, std::max(1.0, m_rate * kMaxBacklogSeconds));
        const auto count = static_cast<std::uint64_t>(std::floor(due));
        if (count == 0)
            continue;
        due -= static_cast<double>(count);
        const std::uint64_t first = m_next;
        m_next += count;
        lock.unlock();
        std::vector<Alarm> drafts;
        drafts.reserve(count);
        const auto eventTime = std::chrono::system_clock::now();
        for (std::uint64_t i = 0; i < count; ++i)
            drafts.push_back(cycleDraft(first + i, eventTime));
        m_journal.raise(std::move(drafts));
        lock.lock();
    }
}

} // namespace vigie::sim
