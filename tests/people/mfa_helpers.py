"""Two-step sign-in for tests: staff and administrators need a verified second factor (AUTH-5).

Use after `client.force_login(person)` for anyone whose `needs_second_factor` is true, or the
SecondFactorRequiredMiddleware will send every page to the two-step pages:

    client.force_login(staff_a)
    verify_second_factor(client, staff_a)
"""

from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice


def confirmed_device(user) -> TOTPDevice:
    """The person's confirmed authenticator app, made if they have none."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=True)
    return device


def verify_second_factor(client, user) -> TOTPDevice:
    """Give `user` a confirmed app and mark the client's session as having passed the second
    step, as django_otp.login() does. Call it after force_login (which starts a new session)."""
    device = confirmed_device(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return device


def current_code(device: TOTPDevice) -> str:
    """The six-digit code the person's app shows now (time-machine moves "now")."""
    code = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits)
    return f"{code:0{device.digits}d}"
