import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// The last question before an ordinary ticket: one button per danger sign (a "yes" goes to the desk),
// and "None of these". It catches emergencies the patient told in words the text screen did not know.
Item {
    id: root

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 24
        spacing: 14

        Text {
            objectName: "checkTitle"
            Layout.fillWidth: true
            text: qsTr("Before your ticket: do you have any of these right now?")
            font.pixelSize: 32
            font.bold: true
            color: "#102a43"
            wrapMode: Text.WordWrap
            maximumLineCount: 3
            elide: Text.ElideRight
            horizontalAlignment: Text.AlignLeft
        }
        Text {
            Layout.fillWidth: true
            text: qsTr("Tap one if it is true. If none is true, tap “None of these”.")
            font.pixelSize: 26
            color: "#334e68"
            wrapMode: Text.WordWrap
            horizontalAlignment: Text.AlignLeft
        }
        Flickable {
            objectName: "signList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.minimumHeight: 0
            clip: true
            contentHeight: signs.implicitHeight
            boundsBehavior: Flickable.StopAtBounds
            ScrollBar.vertical: ScrollBar { policy: ScrollBar.AsNeeded; width: 16 }
            GridLayout {
                id: signs
                width: parent.width - 24
                columns: 2
                columnSpacing: 14
                rowSpacing: 12
                Repeater {
                    model: kiosk.safetyQuestions
                    BigButton {
                        objectName: "sign_" + modelData.kind
                        Layout.fillWidth: true
                        Layout.preferredWidth: 1  // equal columns whatever the text length
                        implicitHeight: 84
                        font.pixelSize: 24
                        minimumPixelSize: 17
                        text: modelData.text
                        fill: "#fde8e8"
                        ink: "#7a0010"
                        onClicked: kiosk.answerCheck(modelData.kind)
                    }
                }
            }
        }
        RowLayout {
            Layout.fillWidth: true
            spacing: 24
            BigButton {
                objectName: "checkBack"
                text: qsTr("Back")
                fill: "#52606d"
                onClicked: kiosk.backToDescribe()
            }
            Item { Layout.fillWidth: true }
            BigButton {
                objectName: "noneOfThese"
                text: qsTr("None of these")
                fill: "#1f7a4d"
                Layout.preferredWidth: 420
                onClicked: kiosk.answerCheck("")
            }
        }
    }
}
