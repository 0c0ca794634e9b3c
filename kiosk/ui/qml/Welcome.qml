import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// First screen: a greeting cycling through the languages, the language grid, "just start typing".
Item {
    id: root
    property int greetingIndex: 0

    Timer {
        interval: 2500; running: root.visible; repeat: true
        onTriggered: root.greetingIndex = (root.greetingIndex + 1) % Math.max(1, kiosk.greetings.length)
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 40
        spacing: 28

        Text {
            objectName: "greeting"
            Layout.fillWidth: true
            text: kiosk.greetings.length ? kiosk.greetings[root.greetingIndex].text : ""
            horizontalAlignment: Text.AlignHCenter
            font.pixelSize: 44
            font.bold: true
            color: "#102a43"
            wrapMode: Text.WordWrap
            LayoutMirroring.enabled: kiosk.greetings.length ? kiosk.greetings[root.greetingIndex].rtl : false
        }
        Text {
            Layout.fillWidth: true
            text: "Choose your language · Elija su idioma · 选择语言 · اختر لغتك"
            horizontalAlignment: Text.AlignHCenter
            font.pixelSize: 26
            color: "#334e68"
            wrapMode: Text.WordWrap
        }
        GridLayout {
            id: grid
            Layout.fillWidth: true
            Layout.fillHeight: true
            columns: 4
            rowSpacing: 18
            columnSpacing: 18
            Repeater {
                model: kiosk.languages
                BigButton {
                    objectName: "lang_" + modelData.code
                    Layout.fillWidth: true
                    Layout.preferredHeight: 96
                    text: modelData.native
                    fill: "#0b4f8a"
                    onClicked: kiosk.chooseLanguage(modelData.code)
                }
            }
        }
        BigButton {
            objectName: "startTyping"
            Layout.alignment: Qt.AlignHCenter
            Layout.preferredWidth: 640
            text: "⌨  " + qsTr("Just start typing")
            fill: "#1f7a4d"
            onClicked: kiosk.startTyping()
        }
    }
}
