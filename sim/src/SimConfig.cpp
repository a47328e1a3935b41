#include "SimConfig.h"

#include "LayoutRules.h"
#include "SyntheticCatalog.h"
#include "config.pb.h"

#include <google/protobuf/util/json_util.h>

#include <cerrno>
#include <cstring>
#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

namespace vigie::sim {

namespace {

constexpr double kMaxAlarmRate = 10'000;

// Thrown inside this file only; load() turns it into an error message.
struct ConfigError {
    std::string message;
};

[[noreturn]] void fail(std::string message) { throw ConfigError{std::move(message)}; }

std::string quoted(const std::string& text) { return "'" + text + "'"; }

bool isValidId(const std::string& id)
{
    if (id.empty())
        return false;
    for (const char c : id) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                        c == '-' || c == '_' || c == '.';
        if (!ok)
            return false;
    }
    return true;
}

// "#rrggbb" -> opaque ARGB.
std::uint32_t parseColour(const std::string& text, const std::string& where)
{
    if (text.size() != 7 || text[0] != '#')
        fail(where + ": background must be written #rrggbb, got " + quoted(text));
    std::uint32_t rgb = 0;
    for (std::size_t i = 1; i < text.size(); ++i) {
        const char c = text[i];
        std::uint32_t digit = 0;
        if (c >= '0' && c <= '9')
            digit = static_cast<std::uint32_t>(c - '0');
        else if (c >= 'a' && c <= 'f')
            digit = static_cast<std::uint32_t>(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F')
            digit = static_cast<std::uint32_t>(c - 'A' + 10);
        else
            fail(where + ": background must be written #rrggbb, got " + quoted(text));
        rgb = rgb * 16 + digit;
    }
    return 0xff000000u | rgb;
}

vigie::simconfig::SimConfig parseFile(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        fail(std::string("cannot read the file: ") + std::strerror(errno));
    std::stringstream buffer;
    buffer << in.rdbuf();

    vigie::simconfig::SimConfig file;
    google::protobuf::util::JsonParseOptions options;
    options.ignore_unknown_fields = false;  // a typo must not fall back silently to a default
    const auto status = google::protobuf::util::JsonStringToMessage(buffer.str(), &file, options);
    if (!status.ok())
        fail("malformed configuration (expected JSON following sim/config.proto): " +
             std::string(status.message()));
    return file;
}

std::vector<vigie::v1::Site> resolveSites(const vigie::simconfig::SimConfig& file)
{
    if (file.sites().empty())
        return SyntheticCatalog::defaultSites();

    std::vector<vigie::v1::Site> sites;
    std::set<std::string> ids;
    for (const auto& site : file.sites()) {
        const std::string where = "site " + quoted(site.id());
        if (!isValidId(site.id()))
            fail("site id " + quoted(site.id()) + " is empty or has characters other than letters, "
                 "digits, '-', '_', '.'");
        if (!ids.insert(site.id()).second)
            fail("duplicate site id " + quoted(site.id()));
        if (site.name().empty())
            fail(where + ": empty name");
        sites.push_back(site);
    }
    for (const auto& site : sites) {
        if (!site.parent_id().empty() && !ids.count(site.parent_id()))
            fail("site " + quoted(site.id()) + ": unknown parent site " + quoted(site.parent_id()));
    }
    return sites;
}

void checkMask(const vigie::v1::PrivacyMask& mask, const std::string& where)
{
    if (mask.polygon().points_size() < 3)
        fail(where + ": privacy mask " + quoted(mask.id()) + " needs at least 3 points");
    for (const auto& point : mask.polygon().points()) {
        if (point.x() < 0 || point.x() > 1 || point.y() < 0 || point.y() > 1)
            fail(where + ": privacy mask " + quoted(mask.id()) +
                 " has a point outside [0, 1] (coordinates are normalised, origin top-left)");
    }
}

CameraSpec convertCamera(const vigie::simconfig::CameraConfig& config)
{
    const std::string where = "camera " + quoted(config.id());
    if (!isValidId(config.id()))
        fail("camera id " + quoted(config.id()) + " is empty or has characters other than letters, "
             "digits, '-', '_', '.' (it is part of the RTSP path)");
    if (config.name().empty())
        fail(where + ": empty name");

    CameraSpec spec;
    auto& camera = spec.camera;
    camera.set_id(config.id());
    camera.set_name(config.name());
    camera.set_site_id(config.site_id());
    for (const auto& tag : config.tags())
        camera.add_tags(tag);
    if (config.has_ptz()) {
        *camera.mutable_ptz() = config.ptz();
    }
    for (const auto& mask : config.privacy_masks()) {
        checkMask(mask, where);
        *camera.add_privacy_masks() = mask;
    }
    if (config.has_location())
        *camera.mutable_location() = config.location();
    camera.set_recording(config.recording());

    spec.codec = config.codec() == vigie::v1::VIDEO_CODEC_UNSPECIFIED ? vigie::v1::VIDEO_CODEC_H264
                                                                      : config.codec();
    if (!config.background().empty())
        spec.backgroundArgb = parseColour(config.background(), where);

    const bool external = !config.external_url().empty();
    if (external) {
        for (const auto* url : {&config.external_url(), &config.external_sub_url()}) {
            if (!url->empty() && url->rfind("rtsp://", 0) != 0 && url->rfind("rtsps://", 0) != 0)
                fail(where + ": external URL " + quoted(*url) + " must start with rtsp:// or rtsps://");
        }
        if (config.cheap())
            fail(where + ": an external camera cannot be cheap (the simulator does not serve it)");
        spec.source = CameraSource::External;
        spec.externalMainUrl = config.external_url();
        spec.externalSubUrl = config.external_sub_url();
    } else {
        if (!config.external_sub_url().empty())
            fail(where + ": external_sub_url without external_url");
        if (spec.codec != vigie::v1::VIDEO_CODEC_H264 && spec.codec != vigie::v1::VIDEO_CODEC_H265)
            fail(where + ": the simulator serves VIDEO_CODEC_H264 or VIDEO_CODEC_H265 only");
        spec.source = config.cheap() ? CameraSource::Cheap : CameraSource::Live;
    }
    if (config.disabled())
        spec.source = CameraSource::None;
    return spec;
}

UserAccount convertUser(const vigie::simconfig::UserConfig& config)
{
    const std::string where = "user " + quoted(config.name());
    if (config.name().empty())
        fail("a user has an empty name");
    if (config.password().empty())
        fail(where + ": empty password");
    if (config.roles().empty())
        fail(where + ": no role (give at least one, e.g. \"roles\": [\"ROLE_OPERATOR\"])");

    UserAccount account;
    account.user.set_name(config.name());
    account.user.set_display_name(config.display_name().empty() ? config.name() : config.display_name());
    for (const auto role : config.roles()) {
        if (role == vigie::v1::ROLE_UNSPECIFIED)
            fail(where + ": ROLE_UNSPECIFIED is not a role");
        account.user.add_roles(static_cast<vigie::v1::Role>(role));
    }
    if (config.ptz_priority() < 0)
        fail(where + ": negative ptz_priority");
    account.user.set_ptz_priority(config.ptz_priority());
    account.password = config.password();
    account.disabled = config.disabled();
    account.rights.assign(config.rights().begin(), config.rights().end());
    return account;
}

// Wall and monitor grids: larger than a layout's (8x8), since a control room may line up many displays.
constexpr int kMaxWallSide = 16;
constexpr int kMaxDirectoryCameras = 10'000;

void checkLayout(const vigie::v1::Layout& layout, const std::set<std::string>& cameraIds, const std::string& where)
{
    if (const std::string problem = LayoutRules::layoutProblem(layout); !problem.empty())
        fail(where + ": " + problem);
    for (const auto& cell : layout.cells()) {
        if (!cell.camera_id().empty() && !cameraIds.count(cell.camera_id()))
            fail(where + ": unknown camera " + quoted(cell.camera_id()));
    }
}

WallStore::Definition convertWall(const vigie::simconfig::WallConfig& config, const std::set<std::string>& cameraIds)
{
    const std::string where = "wall " + quoted(config.id());
    if (!isValidId(config.id()))
        fail("wall id " + quoted(config.id()) + " is empty or has characters other than letters, digits, "
             "'-', '_', '.'");
    if (config.name().empty())
        fail(where + ": empty name");
    if (config.columns() < 1 || config.columns() > kMaxWallSide || config.rows() < 1 || config.rows() > kMaxWallSide)
        fail(where + ": columns and rows must be in 1.." + std::to_string(kMaxWallSide));
    if (config.monitors().empty())
        fail(where + ": no monitor");

    WallStore::Definition definition;
    auto& wall = definition.wall;
    wall.set_id(config.id());
    wall.set_name(config.name());
    wall.set_columns(config.columns());
    wall.set_rows(config.rows());
    std::set<std::string> monitorIds;
    std::vector<vigie::v1::GridRect> positions;
    std::vector<std::string> names;
    for (const auto& monitorConfig : config.monitors()) {
        const std::string monitorWhere = where + ", monitor " + quoted(monitorConfig.id());
        if (!isValidId(monitorConfig.id()))
            fail(where + ": monitor id " + quoted(monitorConfig.id()) +
                 " is empty or has characters other than letters, digits, '-', '_', '.'");
        if (!monitorIds.insert(monitorConfig.id()).second)
            fail(where + ": duplicate monitor id " + quoted(monitorConfig.id()));
        if (monitorConfig.width_px() < 0 || monitorConfig.height_px() < 0)
            fail(monitorWhere + ": negative width_px or height_px");

        auto* monitor = wall.add_monitors();
        monitor->set_id(monitorConfig.id());
        monitor->set_name(monitorConfig.name().empty() ? monitorConfig.id() : monitorConfig.name());
        *monitor->mutable_position() = monitorConfig.position();
        auto* position = monitor->mutable_position();
        position->set_column_span(std::max(1, position->column_span()));
        position->set_row_span(std::max(1, position->row_span()));
        monitor->set_width_px(monitorConfig.width_px() ? monitorConfig.width_px() : 1920);
        monitor->set_height_px(monitorConfig.height_px() ? monitorConfig.height_px() : 1080);
        positions.push_back(*position);
        names.push_back("monitor " + quoted(monitorConfig.id()));

        if (monitorConfig.has_layout()) {
            checkLayout(monitorConfig.layout(), cameraIds, monitorWhere);
            definition.initialLayouts[monitorConfig.id()] = monitorConfig.layout();
        }
    }
    if (const std::string problem = LayoutRules::placementProblem(config.columns(), config.rows(), positions, names);
        !problem.empty())
        fail(where + ": " + problem);
    return definition;
}

SimConfig resolve(const SimOptions& options, const vigie::simconfig::SimConfig& file)
{
    SimConfig config;
    if (!file.site_name().empty())
        config.siteName = file.site_name();
    config.sites = resolveSites(file);

    std::set<std::string> siteIds;
    for (const auto& site : config.sites)
        siteIds.insert(site.id());

    for (const auto& camera : file.cameras())
        config.cameras.push_back(convertCamera(camera));

    const int generated =
        options.cameras.value_or(file.has_generated_cameras() ? file.generated_cameras()
                                                              : (file.cameras().empty() ? 16 : 0));
    const int cheap = options.cheapCameras.value_or(file.has_cheap_cameras() ? file.cheap_cameras() : 0);
    const int h265Every = options.h265Every.value_or(file.has_h265_every() ? file.h265_every() : 4);
    const int directory =
        options.directoryCameras.value_or(file.has_directory_cameras() ? file.directory_cameras() : 0);
    if (generated < 0 || cheap < 0 || h265Every < 0)
        fail("generated_cameras, cheap_cameras and h265_every cannot be negative");
    if (directory < 0 || directory > kMaxDirectoryCameras)
        fail("directory_cameras must be in 0.." + std::to_string(kMaxDirectoryCameras));

    for (auto& spec : SyntheticCatalog::liveCameras(generated, h265Every, config.sites))
        config.cameras.push_back(std::move(spec));
    const auto cheapCodec = options.cheapH265 ? vigie::v1::VIDEO_CODEC_H265 : vigie::v1::VIDEO_CODEC_H264;
    for (auto& spec : SyntheticCatalog::cheapCameras(cheap, cheapCodec, config.sites))
        config.cameras.push_back(std::move(spec));
    for (auto& spec : SyntheticCatalog::sceneCameras(options.sceneCameras, config.sites))
        config.cameras.push_back(std::move(spec));
    for (auto& spec : SyntheticCatalog::ptzCameras(options.ptzCameras, config.sites))
        config.cameras.push_back(std::move(spec));
    for (auto& spec : SyntheticCatalog::directoryCameras(directory, config.sites))
        config.cameras.push_back(std::move(spec));

    std::set<std::string> cameraIds;
    for (const auto& spec : config.cameras) {
        const auto& camera = spec.camera;
        if (!cameraIds.insert(camera.id()).second)
            fail("duplicate camera id " + quoted(camera.id()) +
                 (camera.id().rfind("cam-", 0) == 0 || camera.id().rfind("cheap-", 0) == 0 ||
                          camera.id().rfind("scene-", 0) == 0 || camera.id().rfind("dir-", 0) == 0 ||
                          camera.id().rfind("ptz-", 0) == 0
                      ? " (ids cam-NN, cheap-NN, scene-NN, ptz-NN and dir-NNNN are also used by generated cameras)"
                      : ""));
        if (!siteIds.count(camera.site_id()))
            fail("camera " + quoted(camera.id()) + ": unknown site " + quoted(camera.site_id()));
    }

    if (file.walls().empty()) {
        config.walls = SyntheticCatalog::defaultWalls(config.cameras);
    } else {
        std::set<std::string> wallIds;
        for (const auto& wall : file.walls()) {
            if (!wallIds.insert(wall.id()).second)
                fail("duplicate wall id " + quoted(wall.id()));
            config.walls.push_back(convertWall(wall, cameraIds));
        }
    }

    config.alarmJournalDir = options.alarmJournalDir.empty() ? file.alarm_journal() : options.alarmJournalDir;
    config.alarmRate = options.alarmRate.value_or(file.has_alarm_rate() ? file.alarm_rate() : config.alarmRate);
    if (!(config.alarmRate >= 0 && config.alarmRate <= kMaxAlarmRate))
        fail("alarm_rate must be in 0.." + std::to_string(static_cast<int>(kMaxAlarmRate)));

    if (file.users().empty()) {
        config.users = SyntheticCatalog::defaultUsers();
    } else {
        std::set<std::string> names;
        for (const auto& user : file.users()) {
            UserAccount account = convertUser(user);
            if (!names.insert(account.user.name()).second)
                fail("duplicate user " + quoted(account.user.name()));
            for (const auto& rights : account.rights) {
                if (!rights.camera_id().empty() && !cameraIds.count(rights.camera_id()))
                    fail("user " + quoted(account.user.name()) + ": rights on unknown camera " +
                         quoted(rights.camera_id()));
            }
            config.users.push_back(std::move(account));
        }
    }
    return config;
}

} // namespace

std::optional<SimConfig> SimConfig::load(const SimOptions& options, std::string* error)
{
    try {
        vigie::simconfig::SimConfig file;
        if (!options.configFile.empty())
            file = parseFile(options.configFile);
        return resolve(options, file);
    } catch (const ConfigError& e) {
        *error = options.configFile.empty() ? e.message : options.configFile + ": " + e.message;
        return std::nullopt;
    }
}

} // namespace vigie::sim
