#pragma once
// The keyboard help (F1): every shortcut of the window with what it does, in one table. The window
// composes the list (its actions plus the keys widgets handle themselves), so it cannot go stale.

#include <QDialog>
#include <QList>
#include <QString>

namespace vigie::widgets {

class ShortcutsDialog : public QDialog {
    Q_OBJECT
public:
    struct Entry {
        QString keys;         // as shown: "Ctrl+F", "← ↑ → ↓"
        QString description;  // what it does
    };
    explicit ShortcutsDialog(const QList<Entry>& entries, QWidget* parent = nullptr);
    int entryCount() const { return m_count; }

private:
    int m_count = 0;
};

}  // namespace vigie::widgets
