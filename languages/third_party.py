"""Other packages' admin sections, named in the interface's languages. Axes names its section
after its label only ("Axes"); django-celery-beat's own Russian is capitalised as a title
and leaves its cron schedules in English. The app names are set here; the model names that
their catalogues miss are marked below and translated in the project's catalogue, which
Django reads before theirs."""

from axes.apps import AppConfig as AxesAppConfig
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop
from django_celery_beat.apps import BeatConfig


class AxesConfig(AxesAppConfig):
    verbose_name = _("Sign-in lockouts")


class PeriodicTasksConfig(BeatConfig):
    verbose_name = _("Periodic tasks")


# django-celery-beat's model names (its own msgids), for the project's catalogue.
MODEL_NAMES = (
    gettext_noop("crontab"),
    gettext_noop("crontabs"),
    gettext_noop("clocked"),
)
