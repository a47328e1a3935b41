#pragma once
// Makes a wall layout of one's own: start from the current layout or any preset, choose the grid's
// columns and rows, select cells (mouse drag, or Shift+arrows in the cell grid) and merge them into one
// tile (M) or split tiles back into single cells (S), then name the result. Everything is reachable by
// keyboard. The dialog keeps track of where each tile comes from (WallLayout::Edit, from the layout it
// was opened with), so that the caller can keep the cameras on the tiles that remain. GUI thread.

#include <QDialog>
#include <QRect>
#include <QString>

#include <optional>

#include "vigie/widgets/WallLayout.h"

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace vigie::widgets {

class LayoutEditorGrid;

class LayoutEditorDialog : public QDialog {
    Q_OBJECT
public:
    explicit LayoutEditorDialog(const WallLayout& start, const QString& name = {}, QWidget* parent = nullptr);

    WallLayout layout() const { return m_edit.layout; }
    // The name typed, without surrounding spaces; OK needs one.
    QString name() const;
    void setName(const QString& name);
    // From the layout the dialog was opened with to layout(): Edit::keptTiles(cameras of the starting
    // tiles) says which camera each new tile keeps.
    const WallLayout::Edit& edit() const { return m_edit; }

    // The selected cells, in grid units.
    QRect selection() const;
    void setSelection(QRect cells);
    // What Merge and Split do: false when refused (the reason is shown under the buttons).
    bool mergeSelection();   // the selected tiles become one tile
    bool splitSelection();   // every multi-cell tile the selection touches becomes single cells
    void setGridSize(int columns, int rows);

    struct Result {
        QString name;
        WallLayout::Edit edit;  // edit.layout is the new layout
    };
    // Modal editor; nullopt when cancelled.
    static std::optional<Result> ask(QWidget* parent, const WallLayout& start, const QString& name = {});

private:
    void buildPresets();
    void applyPreset(int index);
    // Applies an edit of the current layout, composing it with what came before.
    void apply(const WallLayout::Edit& step);
    void updateControls();
    void showHint(const QString& text);

    WallLayout m_start;
    WallLayout::Edit m_edit;
    QList<WallLayout> m_presets;  // per entry of the preset box after the first ("Custom")

    QComboBox* m_presetBox = nullptr;
    QSpinBox* m_columns = nullptr;
    QSpinBox* m_rows = nullptr;
    LayoutEditorGrid* m_grid = nullptr;
    QPushButton* m_merge = nullptr;
    QPushButton* m_split = nullptr;
    QLabel* m_hint = nullptr;
    QLineEdit* m_name = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

}  // namespace vigie::widgets
