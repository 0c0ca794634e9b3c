import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// Staff-only exit: reached by a long press in the top corner, closed by the PIN.
Popup {
    id: root
    modal: true
    anchors.centerIn: parent
    width: 520
    height: 560
    closePolicy: Popup.CloseOnPressOutside
    property string pin: ""
    onOpened: pin = ""
    ColumnLayout {
        anchors.fill: parent
        spacing: 12
        Text { text: "Staff PIN"; font.pixelSize: 30; font.bold: true; Layout.alignment: Qt.AlignHCenter }
        Text {
            objectName: "pinDots"
            text: "●".repeat(root.pin.length) || " "
            font.pixelSize: 36
            Layout.alignment: Qt.AlignHCenter
        }
        GridLayout {
            columns: 3
            Layout.alignment: Qt.AlignHCenter
            Repeater {
                model: ["1", "2", "3", "4", "5", "6", "7", "8", "9", "⌫", "0", "OK"]
                BigButton {
                    objectName: "pin_" + modelData
                    implicitWidth: 130
                    implicitHeight: 80
                    text: modelData
                    onClicked: {
                        if (modelData === "⌫") root.pin = root.pin.slice(0, -1)
                        else if (modelData === "OK") { if (!kiosk.staffExit(root.pin)) root.pin = ""; }
                        else if (root.pin.length < 12) root.pin += modelData
                    }
                }
            }
        }
    }
}
