"""The app's screens, one module each (imported from their modules: this package imports none of
them, so a screen module can be loaded without loading the others)."""
