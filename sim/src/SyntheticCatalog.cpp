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

} // namespace vigie::sim
