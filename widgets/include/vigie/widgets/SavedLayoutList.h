#pragma once
// The operator's saved layouts as a list: activate one (double click, Enter) to show it on the wall, or
// drag it onto the wall (kLayoutNameMimeType). Thread affinity: GUI thread.

#include <QListWidget>
#include <QStringList>

namespace vigie::widgets {

class SavedLayoutList : public QListWidget {
    Q_OBJECT
public:
    explicit SavedLayoutList(QWidget* parent = nullptr);

    void setNames(const QStringList& names);

signals:
    void layoutActivated(const QString& name);

protected:
    QStringList mimeTypes() const override;
    QMimeData* mimeData(const QList<QListWidgetItem*>& items) const override;
};

}  // namespace vigie::widgets
