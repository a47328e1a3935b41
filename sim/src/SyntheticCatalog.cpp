#include "SyntheticCatalog.h"

#include <array>
#include <cstdio>
#include <string>

namespace vigie::sim {

namespace {

using vigie::v1::Role;

UserAccount makeUser(const char* name, const char* displayName, Role role, int ptzPriority)
{
    UserAccount account;
    account.user.set_name(name);
    account.user.set_display_name(displayName);
    account.user.add_roles(role);
    account.user.set_ptz_priority(ptzPriority);
    account.password = name;
    return account;
}

struct NamedPlace {
    const char* name;
    std::array<const char*, 2> tags;
};

// Ordered round-robin over the four default sites (centre, gare, port, za) so that camera i lands on
// the site its name belongs to.
constexpr NamedPlace kPlaces[] = {
    {"Place de la Mairie", {"place", "mairie"}},
    {"Gare - parvis nord", {"parvis", "pietons"}},
    {"Quai des Pêcheurs", {"quai", "pietons"}},
    {"Rond-point des Entreprises", {"carrefour", "voirie"}},
    {"Rue Victor Hugo", {"rue", "commerces"}},
    {"Gare - parking P1", {"parking", "vehicules"}},
    {"Capitainerie", {"batiment", "quai"}},
    {"Zone d'activités - entrée", {"entree", "vehicules"}},
    {"Place du Marché", {"place", "marche"}},
    {"Gare routière - quais", {"bus", "pietons"}},
    {"Port - entrée nord", {"entree", "vehicules"}},
    {"Rue de l'Industrie", {"rue", "vehicules"}},
    {"Rue Jean Jaurès", {"rue", "commerces"}},
    {"Passage souterrain", {"passage", "pietons"}},
    {"Promenade du Front de mer", {"promenade", "pietons"}},
    {"Déchetterie - accès", {"entree", "vehicules"}},
    {"Parvis de l'église Saint-Pierre", {"parvis", "pietons"}},
    {"Rue de la Gare", {"rue", "voirie"}},
    {"Criée - parking", {"parking", "vehicules"}},
    {"Parking covoiturage", {"parking", "vehicules"}},
    {"Avenue de la République", {"avenue", "voirie"}},
    {"Gare - parvis sud", {"parvis", "pietons"}},
    {"Quai Gambetta", {"quai", "voirie"}},
    {"Avenue Pierre Mendès France", {"avenue", "voirie"}},
};

// Scene cameras: street corners where analytics make sense (a road, a pavement, a crossing).
constexpr NamedPlace kScenePlaces[] = {
    {"Carrefour Gambetta", {"carrefour", "voirie"}},
    {"Rue de la Liberté - passage piéton", {"rue", "pietons"}},
    {"Avenue Jean Moulin - arrêt de bus", {"avenue", "bus"}},
    {"Boulevard Carnot - chantier", {"boulevard", "chantier"}},
    {"Rue Nationale - sortie d'école", {"rue", "ecole"}},
    {"Cours Lafayette", {"avenue", "commerces"}},
};

// PTZ domes: high places overlooking squares and crossroads.
constexpr const char* kPtzPlaces[] = {
    "Dôme place de la Mairie", "Dôme parvis de la Gare", "Dôme du Port de plaisance", "Dôme rond-point Gambetta",
};

// A tag of every scene camera: their analytics match their picture.
constexpr const char* kSceneTag = "analyse";

// Muted backgrounds, easy to tell apart in a mosaic (ARGB).
constexpr std::uint32_t kBackgrounds[] = {
    0xff2e4057, 0xff4f6d3a, 0xff6b3e26, 0xff3d405b, 0xff5b3758, 0xff264653, 0xff7a5c2e, 0xff3a506b,
};

std::string twoDigits(const char* prefix, int number)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%s-%02d", prefix, number);
    return buffer;
}

// A stable, spread-out position on the site map.
vigie::v1::NormalizedPoint mapPosition(int index)
{
    vigie::v1::NormalizedPoint point;
    point.set_x(0.1f + 0.8f * static_cast<float>((index * 37) % 100) / 100.0f);
    point.set_y(0.1f + 0.8f * static_cast<float>((index * 61 + 17) % 100) / 100.0f);
    return point;
}

void addPtz(vigie::v1::Camera* camera)
{
    auto* ptz = camera->mutable_ptz();
    ptz->set_pan_tilt(true);
    ptz->set_zoom(true);
    ptz->set_presets(true);
    ptz->set_tours(true);
    ptz->set_centre_on_point(true);
    ptz->set_area_zoom(true);
    ptz->set_max_presets(64);
}

void addPrivacyMask(vigie::v1::Camera* camera, const char* id, const char* label,
                    std::initializer_list<std::pair<float, float>> points)
{
    auto* mask = camera->add_privacy_masks();
    mask->set_id(id);
    mask->set_label(label);
    mask->set_liftable(true);
    for (const auto& [x, y] : points) {
        auto* point = mask->mutable_polygon()->add_points();
        point->set_x(x);
        point->set_y(y);
    }
}

// Directory-only cameras: street x house number gives thousands of distinct, searchable names.
constexpr const char* kStreets[] = {
    "Rue de la Gare",        "Avenue Jean Jaurès",    "Rue Victor Hugo",        "Boulevard Gambetta",
    "Rue Pasteur",           "Place de la République", "Rue du Port",            "Quai des Pêcheurs",
    "Rue des Écoles",        "Avenue de la Libération", "Rue Nationale",         "Rue du Marché",
    "Boulevard de la Mer",   "Rue Émile Zola",        "Chemin des Vignes",      "Rue de l'Église",
    "Allée des Tilleuls",    "Rue du Stade",          "Avenue Foch",            "Rue Jules Ferry",
    "Impasse des Lilas",     "Rue de la Mairie",      "Route de Nantes",        "Rue des Halles",
    "Rue Pierre Curie",      "Avenue du Général de Gaulle", "Rue Voltaire",     "Rue de Verdun",
    "Rue des Acacias",       "Cours Saint-Louis",     "Rue du Moulin",          "Rue de la Paix",
};

constexpr const char* kDirectoryTags[] = {
    "entrée", "parking", "carrefour", "école", "voirie", "piétons", "commerces", "bus",
    "quai",   "parc",    "mairie",    "gymnase", "marché", "tunnel", "rond-point", "collège",
};

constexpr const char* kOfflineReasons[] = {
    "pas de réponse de la caméra", "coupure réseau", "maintenance programmée", "alimentation coupée",
    "flux vidéo interrompu",
};

// A tag of every directory-only camera: they all show the same clip, and a search for it finds them.
constexpr const char* kDirectoryTag = "annuaire";

vigie::v1::LayoutCell cell(int column, int row, const std::string& cameraId)
{
    vigie::v1::LayoutCell cell;
    auto* rect = cell.mutable_rect();
    rect->set_column(column);
    rect->set_row(row);
    rect->set_column_span(1);
    rect->set_row_span(1);
    cell.set_camera_id(cameraId);
    cell.set_stream(vigie::v1::STREAM_CHOICE_AUTO);
    return cell;
}

vigie::v1::Monitor monitor(const char* id, const char* name, int column)
{
    vigie::v1::Monitor monitor;
    monitor.set_id(id);
    monitor.set_name(name);
    auto* position = monitor.mutable_position();
    position->set_column(column);
    position->set_row(0);
    position->set_column_span(1);
    position->set_row_span(1);
    monitor.set_width_px(1920);
    monitor.set_height_px(1080);
    return monitor;
}

} // namespace

std::vector<UserAccount> SyntheticCatalog::defaultUsers()
{
    return {
        makeUser("operator", "Opérateur", vigie::v1::ROLE_OPERATOR, 10),
        makeUser("supervisor", "Superviseur", vigie::v1::ROLE_SUPERVISOR, 50),
        makeUser("admin", "Administrateur", vigie::v1::ROLE_ADMINISTRATOR, 100),
        makeUser("viewer", "Consultation", vigie::v1::ROLE_VIEWER, 0),
    };
}

std::vector<vigie::v1::Site> SyntheticCatalog::defaultSites()
{
    const std::pair<const char*, const char*> sites[] = {
        {"centre", "Centre-ville"}, {"gare", "Gare"}, {"port", "Port"}, {"za", "Zone d'activités"}};
    std::vector<vigie::v1::Site> result;
    for (const auto& [id, name] : sites) {
        vigie::v1::Site site;
        site.set_id(id);
        site.set_name(name);
        result.push_back(site);
    }
    return result;
}

std::vector<CameraSpec> SyntheticCatalog::liveCameras(int count, int h265Every,
                                                      const std::vector<vigie::v1::Site>& sites)
{
    constexpr int placeCount = static_cast<int>(std::size(kPlaces));
    std::vector<CameraSpec> result;
    for (int i = 0; i < count; ++i) {
        const int number = i + 1;
        const NamedPlace& place = kPlaces[i % placeCount];
        CameraSpec spec;
        auto& camera = spec.camera;
        camera.set_id(twoDigits("cam", number));
        std::string name = place.name;
        if (i >= placeCount)
            name += " " + std::to_string(i / placeCount + 1);
        camera.set_name(name);
        camera.set_site_id(sites[static_cast<std::size_t>(i) % sites.size()].id());
        for (const char* tag : place.tags)
            camera.add_tags(tag);
        *camera.mutable_location() = mapPosition(i);

        spec.source = CameraSource::Live;
        spec.codec = (h265Every > 0 && number % h265Every == 0) ? vigie::v1::VIDEO_CODEC_H265
                                                                 : vigie::v1::VIDEO_CODEC_H264;
        spec.backgroundArgb = kBackgrounds[i % std::size(kBackgrounds)];

        // A couple of PTZ domes (the PTZ service comes later; this is capability data only).
        if (number == 3 || number == 10) {
            addPtz(&camera);
            camera.add_tags("ptz");
        }
        if (number == 5)
            addPrivacyMask(&camera, "mask-5-1", "Fenêtres du 12 rue Victor Hugo",
                           {{0.62f, 0.08f}, {0.95f, 0.08f}, {0.95f, 0.42f}, {0.62f, 0.42f}});
        if (number == 9)
            addPrivacyMask(&camera, "mask-9-1", "Terrasse privée",
                           {{0.05f, 0.55f}, {0.30f, 0.50f}, {0.35f, 0.90f}, {0.05f, 0.95f}});
        result.push_back(std::move(spec));
    }
    return result;
}

std::vector<CameraSpec> SyntheticCatalog::cheapCameras(int count, vigie::v1::VideoCodec codec,
                                                       const std::vector<vigie::v1::Site>& sites)
{
    std::vector<CameraSpec> result;
    for (int i = 0; i < count; ++i) {
        CameraSpec spec;
        auto& camera = spec.camera;
        camera.set_id(twoDigits("cheap", i + 1));
        camera.set_name("Test de charge " + std::to_string(i + 1));
        camera.set_site_id(sites[static_cast<std::size_t>(i) % sites.size()].id());
        camera.add_tags("charge");
        *camera.mutable_location() = mapPosition(i + 50);
        spec.source = CameraSource::Cheap;
        spec.codec = codec;
        result.push_back(std::move(spec));
    }
    return result;
}

std::vector<CameraSpec> SyntheticCatalog::sceneCameras(int count, const std::vector<vigie::v1::Site>& sites)
{
    constexpr int placeCount = static_cast<int>(std::size(kScenePlaces));
    std::vector<CameraSpec> result;
    for (int i = 0; i < count; ++i) {
        const NamedPlace& place = kScenePlaces[i % placeCount];
        CameraSpec spec;
        auto& camera = spec.camera;
        camera.set_id(twoDigits("scene", i + 1));
        std::string name = place.name;
        if (i >= placeCount)
            name += " " + std::to_string(i / placeCount + 1);
        camera.set_name(name);
        camera.set_site_id(sites[static_cast<std::size_t>(i) % sites.size()].id());
        for (const char* tag : place.tags)
            camera.add_tags(tag);
        camera.add_tags(kSceneTag);
        *camera.mutable_location() = mapPosition(i + 80);
        spec.source = CameraSource::Scene;
        spec.codec = vigie::v1::VIDEO_CODEC_H264;
        result.push_back(std::move(spec));
    }
    return result;
}

std::vector<CameraSpec> SyntheticCatalog::ptzCameras(int count, const std::vector<vigie::v1::Site>& sites)
{
    constexpr int placeCount = static_cast<int>(std::size(kPtzPlaces));
    std::vector<CameraSpec> result;
    for (int i = 0; i < count; ++i) {
        CameraSpec spec;
        auto& camera = spec.camera;
        camera.set_id(twoDigits("ptz", i + 1));
        std::string name = kPtzPlaces[i % placeCount];
        if (i >= placeCount)
            name += " " + std::to_string(i / placeCount + 1);
        camera.set_name(name);
        camera.set_site_id(sites[static_cast<std::size_t>(i) % sites.size()].id());
        camera.add_tags("ptz");
        camera.add_tags("dome");
        *camera.mutable_location() = mapPosition(i + 90);
        addPtz(&camera);  // max_presets 64, as PtzCamera::kMaxPresets
        spec.source = CameraSource::Ptz;
        spec.codec = vigie::v1::VIDEO_CODEC_H264;
        result.push_back(std::move(spec));
    }
    return result;
}

std::vector<CameraSpec> SyntheticCatalog::directoryCameras(int count, const std::vector<vigie::v1::Site>& sites)
{
    constexpr int streetCount = static_cast<int>(std::size(kStreets));
    constexpr int tagCount = static_cast<int>(std::size(kDirectoryTags));
    std::vector<CameraSpec> result;
    result.reserve(static_cast<std::size_t>(count));
    for (int i = 0; i < count; ++i) {
        const int number = i + 1;
        CameraSpec spec;
        auto& camera = spec.camera;
        char id[32];
        std::snprintf(id, sizeof id, "dir-%04d", number);
        camera.set_id(id);
        // Streets cycle fastest, so that neighbouring ids are on different streets; the house number
        // makes each name unique (32 streets x up to 313 numbers covers 10,000 cameras).
        camera.set_name(std::string(kStreets[i % streetCount]) + " " + std::to_string(1 + (i / streetCount) * 2));
        camera.set_site_id(sites[static_cast<std::size_t>(i) % sites.size()].id());
        camera.add_tags(kDirectoryTag);
        camera.add_tags(kDirectoryTags[i % tagCount]);
        camera.add_tags(kDirectoryTags[(i * 7 + 3) % tagCount]);
        *camera.mutable_location() = mapPosition(i + 100);
        if (number % 9 == 0) {
            addPtz(&camera);
            camera.add_tags("ptz");
        }
        camera.set_recording(number % 3 != 0);
        if (number % 10 == 7)  // one in ten
            spec.offlineReason = kOfflineReasons[(i / 10) % std::size(kOfflineReasons)];
        spec.source = CameraSource::SharedClip;
        spec.codec = vigie::v1::VIDEO_CODEC_H264;
        result.push_back(std::move(spec));
    }
    return result;
}

std::vector<WallStore::Definition> SyntheticCatalog::defaultWalls(const std::vector<CameraSpec>& cameras)
{
    std::vector<std::string> served;
    for (const auto& spec : cameras) {
        if (spec.served() && served.size() < 5)
            served.push_back(spec.camera.id());
    }

    WallStore::Definition a;
    a.wall.set_id("wall-a");
    a.wall.set_name("Mur A");
    a.wall.set_columns(2);
    a.wall.set_rows(1);
    *a.wall.add_monitors() = monitor("mon-a1", "Mur A - écran 1", 0);
    *a.wall.add_monitors() = monitor("mon-a2", "Mur A - écran 2", 1);
    if (!served.empty()) {
        vigie::v1::Layout quad;
        quad.set_columns(2);
        quad.set_rows(2);
        // Missing cameras (fewer than four served) leave empty tiles.
        for (int i = 0; i < 4; ++i) {
            const auto index = static_cast<std::size_t>(i);
            *quad.add_cells() = cell(i % 2, i / 2, index < served.size() ? served[index] : std::string());
        }
        a.initialLayouts["mon-a1"] = quad;
    }
    if (served.size() >= 5) {
        vigie::v1::Layout single;
        single.set_columns(1);
        single.set_rows(1);
        *single.add_cells() = cell(0, 0, served[4]);
        a.initialLayouts["mon-a2"] = single;
    }

    WallStore::Definition b;
    b.wall.set_id("wall-b");
    b.wall.set_name("Mur B");
    b.wall.set_columns(1);
    b.wall.set_rows(1);
    *b.wall.add_monitors() = monitor("mon-b1", "Mur B - écran 1", 0);
    return {a, b};
}

} // namespace vigie::sim
