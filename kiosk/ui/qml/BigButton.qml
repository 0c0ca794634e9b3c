import QtQuick
import QtQuick.Controls

// A large touch target (>= 80 px) that never takes keyboard focus from the text field.
Button {
    id: control
    property color fill: "#0b4f8a"
    property color ink: "white"
    // Long labels (a translated danger sign) shrink down to this size before anything is cut off.
    property int minimumPixelSize: font.pixelSize
    focusPolicy: Qt.NoFocus
    implicitHeight: 88
    implicitWidth: Math.max(220, contentItem.implicitWidth + 48)
    font.pixelSize: 30
    font.bold: true
    contentItem: Text {
        text: control.text
        font: control.font
        color: control.enabled ? control.ink : "#5c5c5c"
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
        wrapMode: Text.WordWrap
        elide: Text.ElideRight
        maximumLineCount: 2
        fontSizeMode: control.minimumPixelSize < control.font.pixelSize ? Text.Fit : Text.FixedSize
        minimumPixelSize: control.minimumPixelSize
    }
    background: Rectangle {
        radius: 14
        color: !control.enabled ? "#d0d0d0" : (control.down ? Qt.darker(control.fill, 1.3) : control.fill)
        border.color: "#40000000"
        border.width: 2
    }
}
