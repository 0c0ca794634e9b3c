"""Qt Quick front end: QML views in ``qml/``, Python controller objects exposed to them."""
