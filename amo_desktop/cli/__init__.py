"""The command line: argparse over the core facade. Never imports Qt, so it starts fast."""
