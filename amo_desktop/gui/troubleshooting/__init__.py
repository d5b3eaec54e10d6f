"""The Troubleshooting centre: the checks, the error catalogue, the activity log and the
support report (``build_troubleshooting_page`` plugs it into the main window)."""
