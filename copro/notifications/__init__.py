"""Notifications: one service that tells people what matters to them, by the routes they chose.

Every app calls `copro.notifications.services.notify(...)`; this app decides how each person
hears about it (in the service, e-mail, text message, post) and makes sure nothing is sent twice.
"""
