"""The main window: Connection, Webhooks, Troubleshooting and Settings pages."""
