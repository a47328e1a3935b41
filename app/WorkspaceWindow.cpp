#include "WorkspaceWindow.h"

#include <QAction>
#include <QCloseEvent>
#include <QScreen>
#include <QVBoxLayout>
#include <QWindow>

#include "Workspace.h"

namespace vigie::app {

WorkspaceWindow::WorkspaceWindow(Workspace* workspace, QWidget* parent)
    : QWidget(parent, Qt::Window | Qt::FramelessWindowHint), m_workspace(workspace)
{
    setAttribute(Qt::WA_DeleteOnClose);
    setAttribute(Qt::WA_QuitOnClose, false);  // the console is the application: closing it quits
    setWindowTitle(tr("Vigie — %1").arg(workspace->name()));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    workspace->setParent(this);
    layout->addWidget(workspace);
    workspace->show();

    auto* back = new QAction(tr("Bring the workspace back to the console"), this);
    back->setShortcut(QKeySequence(QStringLiteral("Ctrl+Shift+D")));
    connect(back, &QAction::triggered, this, [this] { emit returnRequested(this); });
    addAction(back);
}

WorkspaceWindow::~WorkspaceWindow() = default;

void WorkspaceWindow::showOn(QScreen* screen, const QRect& geometry)
{
    if (screen && windowHandle() == nullptr)
        create();
    if (screen)
        windowHandle()->setScreen(screen);
    const QRect area = screen ? screen->geometry() : QRect();
    setGeometry(geometry.isValid() && area.intersects(geometry) ? geometry : area);
    show();
}

Workspace* WorkspaceWindow::takeWorkspace()
{
    Workspace* workspace = m_workspace;
    m_workspace = nullptr;
    return workspace;
}

void WorkspaceWindow::closeEvent(QCloseEvent* event)
{
    if (m_workspace) {
        // The operator closed the window: the workspace is not lost, it goes back to its tab.
        event->ignore();
        emit returnRequested(this);
        return;
    }
    QWidget::closeEvent(event);
}

}  // namespace vigie::app
