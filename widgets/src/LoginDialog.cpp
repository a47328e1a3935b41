#include "vigie/widgets/LoginDialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace vigie::widgets {

LoginDialog::LoginDialog(QWidget* parent)
    : QDialog(parent),
      m_backend(new QLabel(this)),
      m_error(new QLabel(this)),
      m_user(new QLineEdit(this)),
      m_password(new QLineEdit(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Sign in"));
    m_backend->setTextFormat(Qt::PlainText);
    m_backend->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setTextFormat(Qt::PlainText);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #c0392b;"));
    m_error->hide();
    m_user->setObjectName(QStringLiteral("user"));
    m_password->setObjectName(QStringLiteral("password"));
    m_password->setEchoMode(QLineEdit::Password);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Sign in"));

    auto* form = new QFormLayout;
    form->addRow(tr("User:"), m_user);
    form->addRow(tr("Password:"), m_password);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_backend);
    layout->addWidget(m_error);
    layout->addLayout(form);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_user, &QLineEdit::textChanged, this, &LoginDialog::updateOkButton);
    updateOkButton();
    setMinimumWidth(360);
}

void LoginDialog::setBackend(const QString& backend)
{
    m_backend->setText(tr("Server: %1").arg(backend));
}

void LoginDialog::setUser(const QString& user)
{
    m_user->setText(user);
    // A known user goes straight to the password.
    (user.isEmpty() ? m_user : m_password)->setFocus();
}

void LoginDialog::setError(const QString& error)
{
    m_error->setText(error);
    m_error->setVisible(!error.isEmpty());
}

QString LoginDialog::user() const
{
    return m_user->text().trimmed();
}

QString LoginDialog::password() const
{
    return m_password->text();
}

void LoginDialog::updateOkButton()
{
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!user().isEmpty());
}

std::optional<std::pair<QString, QString>> LoginDialog::ask(QWidget* parent, const QString& backend,
                                                            const QString& user, const QString& error)
{
    LoginDialog dialog(parent);
    dialog.setBackend(backend);
    dialog.setUser(user);
    dialog.setError(error);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    return std::make_pair(dialog.user(), dialog.password());
}

}  // namespace vigie::widgets
