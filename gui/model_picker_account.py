"""The picker's sign-in row: a Hugging Face access token, needed only for gated models.

Checking and storing the token is ``engine.hub.login``/``logout``/``whoami``, run on the
picker's background calls; the row shows who is signed in and reports outcomes through
``said(text, is_error)``. After signing in, the dialog's Hub config carries the token, so
the next download of a gated model uses it at once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QWidget

from engine.hub import HubConfig, login, logout, whoami
from gui.model_picker_calls import Answer, BackgroundCalls, answering
from gui.text_only import push_button


class AccountRow(QWidget):
    """Token field and Sign in, or "Signed in as …" and Sign out."""

    said = Signal(str, bool)

    def __init__(self, config: Callable[[], HubConfig], set_config: Callable[[HubConfig], None],
                 calls: BackgroundCalls, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("account_row")
        self._config = config
        self._set_config = set_config
        self._calls = calls
        self.user: str | None = None
        self.label = QLabel(self)
        self.label.setObjectName("account_label")
        self.token_edit = QLineEdit(self)
        self.token_edit.setObjectName("token_edit")
        self.token_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.token_edit.setPlaceholderText(self.tr("Paste an access token (hf_…)"))
        self.token_edit.setToolTip(self.tr(
            "Create a read token at huggingface.co/settings/tokens. It is kept where the "
            "Hugging Face tools keep it, on this computer only."))
        self.token_edit.returnPressed.connect(self.sign_in)
        self.sign_in_button = push_button(self.tr("Sign in"), self)
        self.sign_in_button.setObjectName("sign_in_button")
        self.sign_in_button.setAutoDefault(False)
        self.sign_in_button.clicked.connect(self.sign_in)
        self.sign_out_button = push_button(self.tr("Sign out"), self)
        self.sign_out_button.setObjectName("sign_out_button")
        self.sign_out_button.setAutoDefault(False)
        self.sign_out_button.clicked.connect(self.sign_out)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.token_edit, 1)
        layout.addWidget(self.sign_in_button)
        layout.addWidget(self.sign_out_button)
        self.show_user(None)

    def check(self) -> None:
        """Ask the Hub who the stored token belongs to (silent when there is none)."""
        config = self._config()
        self._calls.start(answering(None, lambda: whoami(config=config)),
                          self._checked, lambda _error: None)

    def _checked(self, answer: Answer) -> None:
        if answer.error is None and answer.value:
            self.show_user(answer.value)

    def sign_in(self) -> None:
        token = self.token_edit.text().strip()
        if not token:
            return
        self._set_busy(True)
        config = self._config()
        self._calls.start(answering(token, lambda: login(token, config=config)),
                          self._signed_in, self._crashed)

    def _signed_in(self, answer: Answer) -> None:
        if answer.error is not None:
            self.show_user(None)
            self.said.emit(answer.error.message, True)
            return
        self._set_config(replace(self._config(), token=answer.key))
        self.show_user(answer.value)
        self.said.emit(self.tr("Signed in: gated models you were granted can be downloaded "
                               "now."), False)

    def sign_out(self) -> None:
        self._set_busy(True)
        self._calls.start(answering(None, logout), self._signed_out, self._crashed)

    def _signed_out(self, answer: Answer) -> None:
        self._set_config(replace(self._config(), token=None))
        self.show_user(None)
        if answer.error is not None:
            self.said.emit(answer.error.message, True)
        else:
            self.said.emit(self.tr("Signed out: the token was removed from this computer."),
                           False)

    def _crashed(self, error: BaseException) -> None:
        self.show_user(self.user)
        self.said.emit(self.tr("Signing in failed: {0}").replace("{0}", str(error)), True)

    def _set_busy(self, busy: bool) -> None:
        self.sign_in_button.setEnabled(not busy)
        self.sign_out_button.setEnabled(not busy)
        self.token_edit.setEnabled(not busy)

    def show_user(self, name: str | None) -> None:
        """Signed in as ``name``, or the token field when nobody is."""
        self._set_busy(False)
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
