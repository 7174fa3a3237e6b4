"""Serving the page beyond this machine: logins from NEWSBOT_AUTH, and no open uploads by accident."""

from __future__ import annotations

import ipaddress

from bot.errors import SettingsError
from bot.settings import Settings

__all__ = ["auth_pairs", "check_sharing", "is_loopback"]


def auth_pairs(settings: Settings) -> list[tuple[str, str]] | None:
    """The (user, password) logins NEWSBOT_AUTH lists, or None when it is unset or empty."""
    if settings.auth is None or not settings.auth.get_secret_value().strip():
        return None
    pairs: list[tuple[str, str]] = []
    for n, entry in enumerate(settings.auth.get_secret_value().split(","), 1):
        user, sep, password = entry.strip().partition(":")
        if not sep or not user.strip() or not password:
            # The entry itself is not echoed: it may hold a password.
            raise SettingsError(
                f"NEWSBOT_AUTH entry {n} is not user:password. List logins as user:password pairs "
                "separated by commas, e.g. NEWSBOT_AUTH='ana:s3cret,raj:pa55w0rd'."
            )
        pairs.append((user.strip(), password))
    return pairs


def is_loopback(host: str) -> bool:
    """True when a host name or address only this machine can reach."""
    if host.strip().casefold() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip().strip("[]")).is_loopback
    except ValueError:
        return False  # a name other than localhost may resolve to any address


def check_sharing(settings: Settings) -> None:
    """Refuse to serve uploads without a login on an address other machines can reach, unless told to."""
    if not settings.uploads or is_loopback(settings.host) or settings.allow_open_uploads:
        return
    if auth_pairs(settings):
        return
    raise SettingsError(
        f"NEWSBOT_HOST={settings.host} serves the page to other machines with uploads on and no login: "
        "anyone who reaches it could add articles the bot then quotes. Set NEWSBOT_AUTH=user:password "
        "(or NEWSBOT_UPLOADS=off); to serve open uploads anyway, set NEWSBOT_ALLOW_OPEN_UPLOADS=1."
    )
