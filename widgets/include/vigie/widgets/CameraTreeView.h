#pragma once
// The camera directory panel: a search box above the site/camera tree.
//
// Typing filters as you go (name, site, tag or id; case- and accent-insensitive). Cameras can be dragged
// onto the wall; double-click or Enter on a camera emits cameraActivated. GUI thread.

#include <QWidget>

class QLineEdit;
class QModelIndex;
class QTreeView;

namespace vigie::widgets {

class CameraFilterProxy;
class CameraTreeModel;

class CameraTreeView : public QWidget {
    Q_OBJECT
public:
    explicit CameraTreeView(QWidget* parent = nullptr);
    ~CameraTreeView() override;

    CameraTreeModel* model() const { return m_model; }
    QTreeView* treeView() const { return m_tree; }
    QLineEdit* searchEdit() const { return m_search; }

    void setSearchText(const QString& text);  // same as typing it
    QString searchText() const;
    // Camera id of the current row; empty when a site or nothing is current.
    QString currentCameraId() const;

signals:
    void cameraActivated(const QString& cameraId);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void applyFilter(const QString& text);
    bool activate(const QModelIndex& proxyIndex);
    void retranslate();

    CameraTreeModel* m_model = nullptr;
    CameraFilterProxy* m_proxy = nullptr;
    QLineEdit* m_search = nullptr;
    QTreeView* m_tree = nullptr;
};

}  // namespace vigie::widgets
