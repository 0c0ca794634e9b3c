import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// The patient says what is wrong: typing, or tapping symptom buttons.
Item {
    id: root
    property alias field: input

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 24
        spacing: 12

        Text {
            Layout.fillWidth: true
            text: qsTr("What is wrong today? Write it in your own words.")
            font.pixelSize: 34
            font.bold: true
            color: "#102a43"
            wrapMode: Text.WordWrap
            maximumLineCount: 2
            elide: Text.ElideRight
            horizontalAlignment: Text.AlignLeft
        }
        TextArea {
            id: input
            objectName: "complaint"
            Layout.fillWidth: true
            Layout.preferredHeight: 116
            font.pixelSize: 32
            wrapMode: TextArea.Wrap
            text: kiosk.text
            placeholderText: qsTr("For example: fever and cough for three days")
            placeholderTextColor: "#627d98"
            color: "#102a43"
            horizontalAlignment: kiosk.rtl ? TextEdit.AlignRight : TextEdit.AlignLeft
            focus: true
            onTextChanged: if (text !== kiosk.text) kiosk.setText(text)
            background: Rectangle { radius: 12; border.width: 3; border.color: input.activeFocus ? "#0b4f8a" : "#829ab1" }
        }
        Text {
            Layout.fillWidth: true
            text: qsTr("Or tap what you feel:")
            font.pixelSize: 26
            color: "#334e68"
        }
        Flickable {
            objectName: "symptomList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.minimumHeight: 0
            clip: true
            contentHeight: flow.height
            boundsBehavior: Flickable.StopAtBounds
            ScrollBar.vertical: ScrollBar { policy: ScrollBar.AlwaysOn; width: 16 }
            Flow {
            id: flow
            width: parent.width - 24
            spacing: 12
            Repeater {
                model: kiosk.symptomButtons
                BigButton {
                    objectName: "symptom_" + modelData.id
                    implicitHeight: 72
                    implicitWidth: Math.min(root.width / 3 - 24, Math.max(180, contentItem.implicitWidth + 40))
                    font.pixelSize: 24
                    text: modelData.label
                    fill: "#e1effe"
                    ink: "#102a43"
                    onClicked: kiosk.addSymptom(modelData.id)
                }
            }
            }
        }
        RowLayout {
            Layout.fillWidth: true
            spacing: 24
            BigButton {
                objectName: "back"
                text: qsTr("Back")
                fill: "#52606d"
                onClicked: kiosk.back()
            }
            Item { Layout.fillWidth: true }
            BigButton {
                objectName: "continue"
                text: qsTr("Continue")
                enabled: kiosk.canContinue
                fill: "#1f7a4d"
                Layout.preferredWidth: 360
                onClicked: kiosk.submit()
            }
        }
    }
}
