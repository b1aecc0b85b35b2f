"""The app icon, notegui.svg (packaging/ renders the PNG, .ico and .icns from it)."""
