import QtQuick
import QtQuick.Layouts

// The queue ticket (specialty) or the triage-nurse ticket (when the kiosk is not sure).
Item {
    id: root
    property bool nurse: false

    ColumnLayout {
        anchors.centerIn: parent
        width: Math.min(parent.width - 80, 1000)
        spacing: 22

        Text {
            Layout.fillWidth: true
            text: root.nurse ? qsTr("A nurse will see you soon.") : qsTr("Thank you. Here is your ticket.")
            font.pixelSize: 40
            font.bold: true
            color: "#102a43"
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
        }
        Rectangle {
            Layout.fillWidth: true
            Layout.preferredHeight: ticketColumn.implicitHeight + 48
            radius: 20
            color: "white"
            border.color: "#102a43"
            border.width: 4
            ColumnLayout {
                id: ticketColumn
                anchors.fill: parent
                anchors.margins: 24
                spacing: 8
                Text {
                    objectName: "ticketNumber"
                    Layout.fillWidth: true
                    text: kiosk.ticket.code || ""
                    font.pixelSize: 110
                    font.bold: true
                    color: "#0b4f8a"
                    horizontalAlignment: Text.AlignHCenter
                    LayoutMirroring.enabled: false
                }
                Text {
                    objectName: "ticketSpecialty"
                    Layout.fillWidth: true
                    text: kiosk.ticket.specialty || ""
                    font.pixelSize: 36
                    font.bold: true
                    color: "#102a43"
                    horizontalAlignment: Text.AlignHCenter
                    wrapMode: Text.WordWrap
                }
                Text {
                    Layout.fillWidth: true
                    visible: kiosk.ticket.specialty !== kiosk.ticket.specialtyEnglish
                    text: kiosk.ticket.specialtyEnglish || ""
                    font.pixelSize: 26
                    color: "#486581"
                    horizontalAlignment: Text.AlignHCenter
                    wrapMode: Text.WordWrap
                }
                Text {
                    Layout.fillWidth: true
                    text: qsTr("Time: %1").arg(kiosk.ticket.time || "")
                    font.pixelSize: 24
                    color: "#486581"
                    horizontalAlignment: Text.AlignHCenter
                }
            }
        }
        Text {
            Layout.fillWidth: true
            text: qsTr("Please sit down. We will call your number. If you feel worse, tell the front desk at once.")
            font.pixelSize: 30
            color: "#102a43"
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
        }
        BigButton {
            objectName: "done"
            Layout.alignment: Qt.AlignHCenter
            Layout.preferredWidth: 360
            text: qsTr("Done")
            onClicked: kiosk.done()
        }
    }
}
