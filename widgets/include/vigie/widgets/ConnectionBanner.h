#pragma once
// A slim bar across the top of the main window for connection problems ("Backend unreachable,
// retrying in 4 s"). Hidden until showMessage(); clear() hides it again. GUI thread.

#include <QWidget>

class QLabel;

namespace vigie::widgets {

class ConnectionBanner : public QWidget {
    Q_OBJECT
public:
    enum class Severity { Info, Warning, Error };

    explicit ConnectionBanner(QWidget* parent = nullptr);

    void showMessage(const QString& text, Severity severity = Severity::Warning);
    void clear();

    QString text() const;
    Severity severity() const { return m_severity; }

private:
    QLabel* m_label = nullptr;
    Severity m_severity = Severity::Info;
};

}  // namespace vigie::widgets
