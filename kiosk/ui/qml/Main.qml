import QtQuick
import QtQuick.Controls
import QtQuick.VirtualKeyboard
import QtQuick.VirtualKeyboard.Settings

// The kiosk window: one screen at a time (chosen by the Python controller), the virtual keyboard,
// the idle countdown and the hidden staff exit.
ApplicationWindow {
    id: window
    objectName: "kioskWindow"
    width: 1280
    height: 900
    visible: true
    color: "#f5f7fa"
    title: "ER triage kiosk"
    LayoutMirroring.enabled: kiosk.rtl
    LayoutMirroring.childrenInherit: true

    Binding { target: VirtualKeyboardSettings; property: "locale"; value: kiosk.keyboardLocale }

    Item {
        id: content
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        anchors.bottom: keyboard.active ? keyboard.top : parent.bottom

        Loader {
            id: screenLoader
            objectName: "screenLoader"
            anchors.fill: parent
            sourceComponent: ({welcome: welcome, describe: describe, check: check, ticket: ticket, nurse: nurse,
                               emergency: emergency, error: errorView})[kiosk.screen] || errorView
            onLoaded: if (kiosk.screen === "describe") { item.field.forceActiveFocus(); window.requestActivate() }
        }
    }

    Component { id: welcome; Welcome {} }
    Component { id: describe; Describe {} }
    Component { id: check; SafetyCheck {} }
    Component { id: ticket; TicketView { nurse: false } }
    Component { id: nurse; TicketView { nurse: true } }
    Component { id: emergency; Emergency {} }
    Component { id: errorView; ErrorView {} }

    InputPanel {
        id: keyboard
        objectName: "keyboard"
        z: 50
        y: active ? parent.height - height : parent.height
        anchors.left: parent.left
        anchors.right: parent.right
        visible: kiosk.screen === "describe"
        LayoutMirroring.enabled: false
    }

    IdleOverlay {
        objectName: "idleOverlay"
        anchors.fill: parent
        visible: kiosk.idleWarning
        z: 100
    }

    // Any touch counts as activity, without stealing the tap from the control under it.
    MouseArea {
        anchors.fill: parent
        z: 200
        propagateComposedEvents: true
        onPressed: (mouse) => { kiosk.touch(); mouse.accepted = false }
    }

    // Hidden staff exit: press and hold the top-left corner for three seconds.
    MouseArea {
        objectName: "staffCorner"
        width: 90; height: 90
        z: 300
        enabled: kiosk.staffExitEnabled
        pressAndHoldInterval: 3000
        onPressAndHold: staffExit.open()
        LayoutMirroring.enabled: false
    }
    StaffExit { id: staffExit; objectName: "staffExit" }
}
