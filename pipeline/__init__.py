"""Turn coverage of Ofsted inspections of English children's services into analysable tables."""

import os as _os

__version__ = "0.1.0"

# Set before Prefect is imported anywhere (every entry point imports this package first):
# no telemetry calls (the network is closed and they print tracebacks), the embedded ephemeral
# server unless PREFECT_API_URL points at a real one, and no UI for that embedded server.
_os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
_os.environ.setdefault("DO_NOT_TRACK", "1")
_os.environ.setdefault("PREFECT_SERVER_ALLOW_EPHEMERAL_MODE", "true")
_os.environ.setdefault("PREFECT_UI_ENABLED", "false")
# The embedded server's default 20 s start-up limit is too short on a loaded 2-core machine.
_os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")
