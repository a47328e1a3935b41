#include "vigie/widgets/LayoutEditorDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>

#include "vigie/widgets/LayoutEditorGrid.h"
#include "vigie/widgets/LayoutPresets.h"

namespace vigie::widgets {

namespace {

// The tiles of the layout that cover more than one cell and touch these cells.
QList<int> splittableTiles(const WallLayout& layout, QRect cells)
{
    QList<int> tiles;
    for (int tile = 0; tile < layout.tileCount(); ++tile) {
        const QRect cell = layout.cellOf(tile);
        if (cell.intersects(cells) && cell.size() != QSize(1, 1))
            tiles.append(tile);
    }
    return tiles;
}

}  // namespace

LayoutEditorDialog::LayoutEditorDialog(const WallLayout& start, const QString& name, QWidget* parent)
    : QDialog(parent), m_start(start), m_edit(WallLayout::Edit::identity(start))
{
    setWindowTitle(tr("Edit layout"));
    setObjectName(QStringLiteral("layoutEditorDialog"));

    m_presetBox = new QComboBox(this);
    m_presetBox->setObjectName(QStringLiteral("presetBox"));
    m_presetBox->setAccessibleName(tr("Start from"));
    // Shown once the layout has been edited and matches no entry any more.
    m_presetBox->setPlaceholderText(tr("Edited"));
    buildPresets();

    const int maxSide = std::max({LayoutPresets::kMaxGrid, start.columns(), start.rows()});
    m_columns = new QSpinBox(this);
    m_columns->setObjectName(QStringLiteral("columnsBox"));
    m_columns->setAccessibleName(tr("Columns"));
    m_columns->setRange(1, maxSide);
    m_rows = new QSpinBox(this);
    m_rows->setObjectName(QStringLiteral("rowsBox"));
    m_rows->setAccessibleName(tr("Rows"));
    m_rows->setRange(1, maxSide);

    m_grid = new LayoutEditorGrid(this);

    auto* help = new QLabel(tr("Drag over cells, or hold Shift with the arrow keys, to select them. M merges the "
                               "selected tiles into one; S splits them back into single cells."),
                            this);
    help->setWordWrap(true);

    m_merge = new QPushButton(tr("&Merge"), this);
    m_merge->setObjectName(QStringLiteral("mergeButton"));
    m_merge->setToolTip(tr("Merge the selected tiles into one tile (M)"));
    m_merge->setAutoDefault(false);
    m_split = new QPushButton(tr("&Split"), this);
    m_split->setObjectName(QStringLiteral("splitButton"));
    m_split->setToolTip(tr("Split the selected tiles into single cells (S)"));
    m_split->setAutoDefault(false);
    m_hint = new QLabel(this);
    m_hint->setObjectName(QStringLiteral("hintLabel"));
    m_hint->setWordWrap(true);

    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("layoutName"));
    m_name->setAccessibleName(tr("Layout name"));
    m_name->setPlaceholderText(tr("Name shown in the Layouts menu"));
    m_name->setText(name.trimmed());

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->setObjectName(QStringLiteral("buttons"));

    auto* form = new QFormLayout;
    form->addRow(tr("Start &from:"), m_presetBox);
    auto* size = new QHBoxLayout;
    auto* columnsLabel = new QLabel(tr("&Columns:"), this);
    columnsLabel->setBuddy(m_columns);
    auto* rowsLabel = new QLabel(tr("&Rows:"), this);
    rowsLabel->setBuddy(m_rows);
    size->addWidget(columnsLabel);
    size->addWidget(m_columns);
    size->addSpacing(12);
    size->addWidget(rowsLabel);
    size->addWidget(m_rows);
    size->addStretch(1);
    form->addRow(size);

    auto* actions = new QHBoxLayout;
    actions->addWidget(m_merge);
    actions->addWidget(m_split);
    actions->addWidget(m_hint, 1);

    auto* nameForm = new QFormLayout;
    nameForm->addRow(tr("&Name:"), m_name);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(help);
    layout->addWidget(m_grid, 1);
    layout->addLayout(actions);
    layout->addLayout(nameForm);
    layout->addWidget(m_buttons);

    setTabOrder(m_presetBox, m_columns);
    setTabOrder(m_columns, m_rows);
    setTabOrder(m_rows, m_grid);
    setTabOrder(m_grid, m_merge);
    setTabOrder(m_merge, m_split);
    setTabOrder(m_split, m_name);
    setTabOrder(m_name, m_buttons);

    connect(m_presetBox, &QComboBox::activated, this, &LayoutEditorDialog::applyPreset);
    connect(m_columns, &QSpinBox::valueChanged, this, [this](int columns) { setGridSize(columns, m_rows->value()); });
    connect(m_rows, &QSpinBox::valueChanged, this, [this](int rows) { setGridSize(m_columns->value(), rows); });
    connect(m_grid, &LayoutEditorGrid::selectionChanged, this, [this] {
        showHint({});
        updateControls();
    });
    connect(m_grid, &LayoutEditorGrid::mergeRequested, this, &LayoutEditorDialog::mergeSelection);
    connect(m_grid, &LayoutEditorGrid::splitRequested, this, &LayoutEditorDialog::splitSelection);
    connect(m_merge, &QPushButton::clicked, this, &LayoutEditorDialog::mergeSelection);
    connect(m_split, &QPushButton::clicked, this, &LayoutEditorDialog::splitSelection);
    connect(m_name, &QLineEdit::textChanged, this, &LayoutEditorDialog::updateControls);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    if (start.tileCount() == 0)  // nothing to edit: offer the default wall instead
        m_edit = WallLayout::Edit::replacement(start, LayoutPresets::grid(2));
    m_grid->setLayout(m_edit.layout);
    m_grid->setSelection(QRect(0, 0, 1, 1));
    const auto matching = std::find(m_presets.begin(), m_presets.end(), start);
    m_presetBox->setCurrentIndex(matching == m_presets.end() ? 0 : int(matching - m_presets.begin()) + 1);
    updateControls();
    m_grid->setFocus();
    resize(560, 560);
}

void LayoutEditorDialog::buildPresets()
{
    m_presetBox->addItem(tr("The layout as opened"));
    for (int n = 1; n <= LayoutPresets::kMaxGrid; ++n) {
        m_presetBox->addItem(tr("Grid %1×%1").arg(n));
        m_presets.append(LayoutPresets::grid(n));
    }
    for (const auto preset : LayoutPresets::allUneven()) {
        m_presetBox->addItem(LayoutPresets::name(preset));
        m_presets.append(LayoutPresets::uneven(preset));
    }
}

void LayoutEditorDialog::applyPreset(int index)
{
    // A preset replaces the layout wholesale, as the Layouts menu does: tile i keeps tile i's camera.
    if (index == 0)
        m_edit = WallLayout::Edit::identity(m_start);
    else if (index > 0 && index <= m_presets.size())
        m_edit = WallLayout::Edit::replacement(m_start, m_presets.at(index - 1));
    else
        return;
    showHint({});
    m_grid->setLayout(m_edit.layout);
    updateControls();
}

QString LayoutEditorDialog::name() const
{
    return m_name->text().trimmed();
}

void LayoutEditorDialog::setName(const QString& name)
{
    m_name->setText(name);
}

QRect LayoutEditorDialog::selection() const
{
    return m_grid->selection();
}

void LayoutEditorDialog::setSelection(QRect cells)
{
    m_grid->setSelection(cells);
}

bool LayoutEditorDialog::mergeSelection()
{
    const QRect cells = selection();
    if (const auto merged = m_edit.layout.merged(cells)) {
        apply(*merged);
        return true;
    }
    const QList<int> touched = splittableTiles(m_edit.layout, cells);
    const bool cutsTile = std::any_of(touched.begin(), touched.end(),
                                      [&](int tile) { return !cells.contains(m_edit.layout.cellOf(tile)); });
    showHint(cutsTile ? tr("The selection cuts through a tile: stretch it over the whole tile to merge.")
                      : tr("Select cells of more than one tile to merge them."));
    return false;
}

bool LayoutEditorDialog::splitSelection()
{
    const QRect cells = selection();
    if (splittableTiles(m_edit.layout, cells).isEmpty()) {
        showHint(tr("Nothing to split: the selection holds only single cells."));
        return false;
    }
    // Tiles are renumbered by each split, so the next one to split is looked up again every time.
    WallLayout::Edit step = WallLayout::Edit::identity(m_edit.layout);
    for (QList<int> left = splittableTiles(step.layout, cells); !left.isEmpty();
         left = splittableTiles(step.layout, cells)) {
        step = step.then(*step.layout.split(left.first()));
    }
    apply(step);
    return true;
}

void LayoutEditorDialog::setGridSize(int columns, int rows)
{
    if (columns == m_edit.layout.columns() && rows == m_edit.layout.rows())
        return;
    if (const auto resized = m_edit.layout.resized(columns, rows))
        apply(*resized);
}

void LayoutEditorDialog::apply(const WallLayout::Edit& step)
{
    m_edit = m_edit.then(step);
    showHint({});
    m_presetBox->setCurrentIndex(-1);  // "Edited"
    m_grid->setLayout(m_edit.layout);
    updateControls();
}

void LayoutEditorDialog::updateControls()
{
    {
        const QSignalBlocker columnsBlocker(m_columns);
        const QSignalBlocker rowsBlocker(m_rows);
        m_columns->setValue(m_edit.layout.columns());
        m_rows->setValue(m_edit.layout.rows());
    }
    const QRect cells = selection();
    m_merge->setEnabled(m_edit.layout.merged(cells).has_value());
    m_split->setEnabled(!splittableTiles(m_edit.layout, cells).isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!name().isEmpty() && m_edit.layout.tileCount() > 0);
}

void LayoutEditorDialog::showHint(const QString& text)
{
    m_hint->setText(text);
}

std::optional<LayoutEditorDialog::Result> LayoutEditorDialog::ask(QWidget* parent, const WallLayout& start,
                                                                  const QString& name)
{
    LayoutEditorDialog dialog(start, name, parent);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    return Result{dialog.name(), dialog.edit()};
}

}  // namespace vigie::widgets
