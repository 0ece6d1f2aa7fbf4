"""The picker's sign-in row: a Hugging Face access token, needed only for gated models.

The row only collects the token and shows who is signed in; checking and storing it is
``engine.hub.login``/``logout``, run by the dialog off the GUI thread.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget


class AccountRow(QWidget):
    """Emits ``sign_in_requested(token)`` and ``sign_out_requested``."""

    sign_in_requested = Signal(str)
    sign_out_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("account_row")
        self.label = QLabel(self)
        self.label.setObjectName("account_label")
        self.token_edit = QLineEdit(self)
        self.token_edit.setObjectName("token_edit")
        self.token_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.token_edit.setPlaceholderText(self.tr("Paste an access token (hf_…)"))
        self.token_edit.setToolTip(self.tr(
            "Create a read token at huggingface.co/settings/tokens. It is kept where the "
            "Hugging Face tools keep it, on this computer only."))
        self.token_edit.returnPressed.connect(self._sign_in)
        self.sign_in_button = QPushButton(self.tr("Sign in"), self)
        self.sign_in_button.setObjectName("sign_in_button")
        self.sign_in_button.setAutoDefault(False)
        self.sign_in_button.clicked.connect(self._sign_in)
        self.sign_out_button = QPushButton(self.tr("Sign out"), self)
        self.sign_out_button.setObjectName("sign_out_button")
        self.sign_out_button.setAutoDefault(False)
        self.sign_out_button.clicked.connect(self.sign_out_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.token_edit, 1)
        layout.addWidget(self.sign_in_button)
        layout.addWidget(self.sign_out_button)
        self.show_user(None)

    def _sign_in(self) -> None:
        token = self.token_edit.text().strip()
        if token:
            self.set_busy(True)
            self.sign_in_requested.emit(token)

    def set_busy(self, busy: bool) -> None:
        self.sign_in_button.setEnabled(not busy)
        self.sign_out_button.setEnabled(not busy)
        self.token_edit.setEnabled(not busy)

    def show_user(self, name: str | None) -> None:
        """Signed in as ``name``, or the token field when nobody is."""
        self.set_busy(False)
        self.user = name
        signed_in = name is not None
        self.token_edit.clear()
        self.token_edit.setVisible(not signed_in)
        self.sign_in_button.setVisible(not signed_in)
        self.sign_out_button.setVisible(signed_in)
        if signed_in:
            self.label.setText(self.tr("Signed in to the Hub as {0}.").replace("{0}", str(name)))
        else:
            self.label.setText(self.tr("Gated models need a Hugging Face token:"))

    def ask_for_token(self) -> None:
        if self.user is None:
            self.token_edit.setFocus()
