"""The first-run wizard: one QWizardPage subclass per step."""
