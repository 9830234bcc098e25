"""Django settings module: a thin shell over :func:`mlinterview.web.config.build_settings`."""

import os

from mlinterview.web.config import build_settings

globals().update(build_settings(os.environ))
