import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "copro.settings")

application = get_wsgi_application()

# Load the plain English checker's word data now, not on the first person's request.
from copro.plainenglish import warm_up  # noqa: E402

warm_up()
