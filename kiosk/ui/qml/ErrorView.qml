import QtQuick
import QtQuick.Layouts

// Something went wrong inside the kiosk: friendly words and a way back, never a traceback.
Item {
    ColumnLayout {
        anchors.centerIn: parent
        width: parent.width - 120
        spacing: 30
        Text {
            Layout.fillWidth: true
            text: qsTr("Sorry, something went wrong. Please go to the front desk.")
            font.pixelSize: 42
            font.bold: true
            color: "#102a43"
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
        }
        BigButton {
            objectName: "done"
            Layout.alignment: Qt.AlignHCenter
            text: qsTr("Start again")
            onClicked: kiosk.done()
        }
    }
}
