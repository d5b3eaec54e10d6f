"""Small reusable widgets: copyable values, error panels, busy indicators, data labels."""
