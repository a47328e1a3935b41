#pragma once
// Asks for the operator's user name and password. The backend being logged into and the previous
// attempt's error (if any) are shown above the fields. GUI thread.

#include <QDialog>

#include <optional>
#include <utility>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace vigie::widgets {

class LoginDialog : public QDialog {
    Q_OBJECT
public:
    explicit LoginDialog(QWidget* parent = nullptr);

    void setBackend(const QString& backend);
    void setUser(const QString& user);
    void setError(const QString& error);  // empty hides the error line

    QString user() const;
    QString password() const;

    // Modal prompt; {user, password} when accepted, nullopt when cancelled.
    static std::optional<std::pair<QString, QString>> ask(QWidget* parent, const QString& backend,
                                                          const QString& user, const QString& error);

private:
    void updateOkButton();

    QLabel* m_backend = nullptr;
    QLabel* m_error = nullptr;
    QLineEdit* m_user = nullptr;
    QLineEdit* m_password = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

}  // namespace vigie::widgets
