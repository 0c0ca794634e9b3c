import QtQuick
import QtQuick.Layouts

// "Still there?" countdown before everything the patient entered is cleared.
Rectangle {
    color: "#c0000000"
    MouseArea { anchors.fill: parent; onPressed: kiosk.touch() }
    Rectangle {
        anchors.centerIn: parent
        width: Math.min(parent.width - 120, 800)
        height: 360
        radius: 20
        color: "white"
        ColumnLayout {
            anchors.fill: parent
            anchors.margins: 30
            spacing: 20
            Text {
                Layout.fillWidth: true
                text: qsTr("Are you still there?")
                font.pixelSize: 44
                font.bold: true
                color: "#102a43"
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.WordWrap
            }
            Text {
                objectName: "countdownText"
                Layout.fillWidth: true
                text: qsTr("The screen will be cleared in %1 seconds.").arg(kiosk.countdown)
                font.pixelSize: 30
                color: "#334e68"
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.WordWrap
            }
            BigButton {
                objectName: "stillHere"
                Layout.alignment: Qt.AlignHCenter
                text: qsTr("I am still here")
                onClicked: kiosk.touch()
            }
        }
    }
}
