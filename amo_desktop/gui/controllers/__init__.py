"""Controllers: QObjects that call the core on the event loop and report back by signals."""
