"""Who the history names for the writes that follow: the signed-in user on this PC.

After a login (or at start with the login off) the app calls ``publish_actor(user)``, which
hands ``Actor(user_id, user_name, device)`` to ``db.history.actor.set_current_actor``. With the
login off (``user`` None) the history's default actor is used: the computer's own login name.
"""

from __future__ import annotations

from db.accounts.users import UserInfo


def device_name() -> str:
    """This PC's name as history shows it."""
    from db.history.actor import default_actor

    return default_actor().device


def publish_actor(user: UserInfo | None) -> None:
    """Make ``user`` (None: nobody signed in, the login is off) the author of later writes."""
    from db.history.actor import Actor, set_current_actor

    if user is None:
        set_current_actor(None)
    else:
        set_current_actor(Actor(user_id=user.id, user_name=user.label, device=device_name()))
