#pragma once
// A workspace detached from the console to a screen of its own: a chromeless window (no title bar, no
// toolbars) filling that screen, as control rooms hang extra monitors beside the operator's desk.
//
// Closing it (or Ctrl+Shift+D inside it) hands the workspace back to its tab. Thread affinity: GUI thread.

#include <QWidget>

class QScreen;

namespace vigie::app {

class Workspace;

class WorkspaceWindow : public QWidget {
    Q_OBJECT
public:
    explicit WorkspaceWindow(Workspace* workspace, QWidget* parent = nullptr);
    ~WorkspaceWindow() override;

    Workspace* workspace() const { return m_workspace; }
    // Shows the window over the whole of `screen` (or at `geometry` when it is valid and on that screen).
    void showOn(QScreen* screen, const QRect& geometry = QRect());
    // Gives the workspace back (the caller reparents it) and closes without asking to return it again.
    Workspace* takeWorkspace();

signals:
    void returnRequested(vigie::app::WorkspaceWindow* window);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    Workspace* m_workspace;
};

}  // namespace vigie::app
