#include "NamedLayouts.h"

#include <QCollator>
#include <QLocale>
#include <QSettings>

#include <algorithm>

namespace vigie::app {

using vigie::widgets::WallLayout;

namespace {

// Per-tile values live in a nested array rather than a QStringList value: INI lists lose empty strings
// and single-element lists read back as plain strings, and an empty camera id means an empty tile.
const QString kNameKey = QStringLiteral("name");
const QString kLayoutKey = QStringLiteral("layout");
const QString kTilesArray = QStringLiteral("tiles");
const QString kCameraKey = QStringLiteral("camera");
const QString kStreamKey = QStringLiteral("stream");
const QString kDefaultStream = QStringLiteral("auto");  // WallController's name for Auto

bool sameName(const QString& a, const QString& b)
{
    return QString::compare(a.trimmed(), b.trimmed(), Qt::CaseInsensitive) == 0;
}

// One value per tile: missing ones filled in, extra ones dropped (a layout saved by a hand, or before
// its tile count changed).
QStringList perTile(QStringList values, int tiles, const QString& filler)
{
    values.resize(tiles, filler);
    return values;
}

}  // namespace

NamedLayouts::NamedLayouts()
{
    reload();
}

void NamedLayouts::reload()
{
    m_layouts.clear();
    m_problems.clear();
    QSettings settings;
    const int count = settings.beginReadArray(QLatin1String(kSettingsArray));
    for (int index = 0; index < count; ++index) {
        settings.setArrayIndex(index);
        const QString name = settings.value(kNameKey).toString().trimmed();
        const QString text = settings.value(kLayoutKey).toString();
        QStringList cameras;
        QStringList streams;
        const int tiles = settings.beginReadArray(kTilesArray);
        for (int tile = 0; tile < tiles; ++tile) {
            settings.setArrayIndex(tile);
            cameras.append(settings.value(kCameraKey).toString());
            streams.append(settings.value(kStreamKey, kDefaultStream).toString());
        }
        settings.endArray();

        if (name.isEmpty()) {
            m_problems.append(tr("Saved layout number %1 has no name; it was skipped.").arg(index + 1));
            continue;
        }
        const std::optional<WallLayout> layout = WallLayout::fromText(text);
        if (!layout) {
            m_problems.append(
                tr("The saved layout \"%1\" could not be read (\"%2\"); it was skipped.").arg(name, text));
            continue;
        }
        if (indexOf(name) >= 0) {
            m_problems.append(tr("The layout name \"%1\" was saved twice; only the first was kept.").arg(name));
            continue;
        }
        m_layouts.append(NamedLayout{name, *layout, perTile(cameras, layout->tileCount(), {}),
                                     perTile(streams, layout->tileCount(), kDefaultStream)});
    }
    settings.endArray();
}

QStringList NamedLayouts::names() const
{
    QStringList names;
    for (const NamedLayout& layout : m_layouts)
        names.append(layout.name);
    QCollator collator{QLocale()};
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    collator.setNumericMode(true);
    // Names equal for the collator (only case differs, which save() does not allow anyway) keep a fixed order.
    std::sort(names.begin(), names.end(), [&](const QString& a, const QString& b) {
        const int order = collator.compare(a, b);
        return order != 0 ? order < 0 : a < b;
    });
    return names;
}

bool NamedLayouts::contains(const QString& name) const
{
    return indexOf(name) >= 0;
}

std::optional<NamedLayout> NamedLayouts::layout(const QString& name) const
{
    const qsizetype index = indexOf(name);
    if (index < 0)
        return std::nullopt;
    return m_layouts.at(index);
}

bool NamedLayouts::save(const NamedLayout& layout)
{
    const QString name = layout.name.trimmed();
    if (name.isEmpty() || layout.layout.tileCount() == 0)
        return false;
    const int tiles = layout.layout.tileCount();
    const NamedLayout entry{name, layout.layout, perTile(layout.cameraIds, tiles, {}),
                            perTile(layout.streams, tiles, kDefaultStream)};
    const qsizetype index = indexOf(name);
    if (index >= 0)
        m_layouts[index] = entry;
    else
        m_layouts.append(entry);
    write();
    return true;
}

bool NamedLayouts::remove(const QString& name)
{
    const qsizetype index = indexOf(name);
    if (index < 0)
        return false;
    m_layouts.removeAt(index);
    write();
    return true;
}

bool NamedLayouts::rename(const QString& from, const QString& to)
{
    const qsizetype index = indexOf(from);
    const QString newName = to.trimmed();
    if (index < 0 || newName.isEmpty())
        return false;
    const qsizetype taken = indexOf(newName);
    if (taken >= 0 && taken != index)
        return false;
    m_layouts[index].name = newName;
    write();
    return true;
}

qsizetype NamedLayouts::indexOf(const QString& name) const
{
    const auto found = std::find_if(m_layouts.begin(), m_layouts.end(),
                                    [&](const NamedLayout& layout) { return sameName(layout.name, name); });
    return found == m_layouts.end() ? -1 : found - m_layouts.begin();
}

void NamedLayouts::write() const
{
    QSettings settings;
    // The whole array is rewritten: removing an entry in the middle would otherwise leave a hole.
    settings.remove(QLatin1String(kSettingsArray));
    settings.beginWriteArray(QLatin1String(kSettingsArray), int(m_layouts.size()));
    for (int index = 0; index < int(m_layouts.size()); ++index) {
        const NamedLayout& entry = m_layouts.at(index);
        settings.setArrayIndex(index);
        settings.setValue(kNameKey, entry.name);
        settings.setValue(kLayoutKey, entry.layout.toText());
        settings.beginWriteArray(kTilesArray, int(entry.cameraIds.size()));
        for (int tile = 0; tile < int(entry.cameraIds.size()); ++tile) {
            settings.setArrayIndex(tile);
            settings.setValue(kCameraKey, entry.cameraIds.at(tile));
            settings.setValue(kStreamKey, entry.streams.value(tile, kDefaultStream));
        }
        settings.endArray();
    }
    settings.endArray();
}

}  // namespace vigie::app
