import QtQuick
import QtQuick.Layouts
import QtMultimedia

// A possible emergency: no queue ticket, go to the desk now. Full screen, red, with sound.
Rectangle {
    id: root
    color: "#b00020"

    SoundEffect {
        id: alarm
        source: alertSound
        loops: 3
    }
    onVisibleChanged: if (visible) alarm.play()
    Component.onCompleted: if (visible) alarm.play()

    ColumnLayout {
        anchors.centerIn: parent
        width: parent.width - 100
        spacing: 30
        Text {
            objectName: "emergencyTitle"
            Layout.fillWidth: true
            text: qsTr("Go to the front desk now.")
            font.pixelSize: 68
            font.bold: true
            color: "white"
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
        }
        Text {
            Layout.fillWidth: true
            text: qsTr("Show this screen to the staff. They will help you right away.")
            font.pixelSize: 36
            color: "white"
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
        }
        Rectangle { Layout.fillWidth: true; height: 3; color: "#90ffffff"; visible: kiosk.language !== "en" }
        Text {
            Layout.fillWidth: true
            visible: kiosk.language !== "en"
            text: "Go to the front desk now. Show this screen to the staff."
            font.pixelSize: 34
            font.bold: true
            color: "white"
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
            LayoutMirroring.enabled: false
        }
        Text {
            objectName: "urgentTicket"
            Layout.fillWidth: true
            text: kiosk.ticket.code || ""
            font.pixelSize: 40
            color: "white"
            horizontalAlignment: Text.AlignHCenter
        }
        BigButton {
            objectName: "done"
            Layout.alignment: Qt.AlignHCenter
            Layout.preferredWidth: 360
            text: qsTr("OK")
            fill: "white"
            ink: "#b00020"
            onClicked: kiosk.done()
        }
    }
}
