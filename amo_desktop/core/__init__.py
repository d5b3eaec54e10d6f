"""Qt-free asyncio core: configuration, credentials, OAuth, API client, webhooks, diagnostics."""
