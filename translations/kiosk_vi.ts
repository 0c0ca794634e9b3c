<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name>Describe</name>
    <message>
        <location filename="../kiosk/ui/qml/Describe.qml" line="17"/>
        <source>What is wrong today? Write it in your own words.</source>
        <translation>Hôm nay bạn thấy không khỏe ở đâu? Xin viết bằng lời của bạn.</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/qml/Describe.qml" line="34"/>
        <source>For example: fever and cough for three days</source>
        <translation>Ví dụ: sốt và ho đã ba ngày</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/qml/Describe.qml" line="44"/>
        <source>Or tap what you feel:</source>
        <translation>Hoặc chạm vào triệu chứng của bạn:</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/qml/Describe.qml" line="81"/>
        <source>Back</source>
        <translation>Quay lại</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/qml/Describe.qml" line="88"/>
        <source>Continue</source>
        <translation>Tiếp tục</translation>
    </message>
</context>
<context>
    <name>Emergency</name>
    <message>
        <location filename="../kiosk/ui/qml/Emergency.qml" line="25"/>
        <source>Go to the front desk now.</source>
        <translation>Hãy đến quầy tiếp nhận ngay!</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/qml/Emergency.qml" line="34"/>
        <source>Show this screen to the staff. They will help you right away.</source>
        <translation>Xin đưa màn hình này cho nhân viên xem. Họ sẽ giúp bạn ngay.</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/qml/Emergency.qml" line="64"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>ErrorView</name>
    <message>
        <location filename="../kiosk/ui/qml/ErrorView.qml" line="12"/>
        <source>Sorry, something went wrong. Please go to the front desk.</source>
        <translation>Xin lỗi, đã có lỗi xảy ra. Xin bạn hãy đến quầy tiếp nhận.</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/qml/ErrorView.qml" line="22"/>
        <source>Start again</source>
        <translation>Bắt đầu lại</translation>
    </message>
</context>
<context>
    <name>IdleOverlay</name>
    <message>
        <location filename="../kiosk/ui/qml/IdleOverlay.qml" line="20"/>
        <source>Are you still there?</source>
        <translation>Bạn vẫn còn ở đây chứ?</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/qml/IdleOverlay.qml" line="30"/>
        <source>The screen will be cleared in %1 seconds.</source>
        <translation>Màn hình sẽ được xóa sau %1 giây.</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/qml/IdleOverlay.qml" line="39"/>
        <source>I am still here</source>
        <translation>Tôi vẫn ở đây</translation>
    </message>
</context>
<context>
    <name>Specialty</name>
    <message>
        <location filename="../kiosk/ui/specialty_names.py" line="6"/>
        <source>Urgent: front desk now</source>
        <translation>Khẩn cấp: đến quầy tiếp nhận ngay</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/specialty_names.py" line="7"/>
        <source>Triage nurse</source>
        <translation>Y tá phân loại bệnh</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/specialty_names.py" line="8"/>
        <source>Dermatology</source>
        <translation>Da liễu</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/specialty_names.py" line="9"/>
        <source>Fever and infectious diseases</source>
        <translation>Sốt và bệnh truyền nhiễm</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/specialty_names.py" line="10"/>
        <source>Respiratory and allergy</source>
        <translation>Hô hấp và dị ứng</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/specialty_names.py" line="11"/>
        <source>Digestive and liver</source>
        <translation>Tiêu hóa và gan</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/specialty_names.py" line="12"/>
        <source>Heart and blood vessels</source>
        <translation>Tim và mạch máu</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/specialty_names.py" line="13"/>
        <source>Neurology</source>
        <translation>Thần kinh</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/specialty_names.py" line="14"/>
        <source>Bones, joints and spine</source>
        <translation>Xương, khớp và cột sống</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/specialty_names.py" line="15"/>
        <source>Diabetes and hormones</source>
        <translation>Tiểu đường và nội tiết</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/specialty_names.py" line="16"/>
        <source>Urinary and kidney</source>
        <translation>Tiết niệu và thận</translation>
    </message>
</context>
<context>
    <name>TicketView</name>
    <message>
        <location filename="../kiosk/ui/qml/TicketView.qml" line="16"/>
        <source>A nurse will see you soon.</source>
        <translation>Y tá sẽ gặp bạn ngay sau đây.</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/qml/TicketView.qml" line="16"/>
        <source>Thank you. Here is your ticket.</source>
        <translation>Cảm ơn bạn. Đây là phiếu số của bạn.</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/qml/TicketView.qml" line="66"/>
        <source>Time: %1</source>
        <translation>Giờ: %1</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/qml/TicketView.qml" line="75"/>
        <source>Please sit down. We will call your number. If you feel worse, tell the front desk at once.</source>
        <translation>Xin mời bạn ngồi. Chúng tôi sẽ gọi số của bạn. Nếu bạn thấy mệt hơn, hãy báo ngay cho quầy tiếp nhận.</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/qml/TicketView.qml" line="85"/>
        <source>Done</source>
        <translation>Xong</translation>
    </message>
</context>
<context>
    <name>Welcome</name>
    <message>
        <location filename="../kiosk/ui/qml/Welcome.qml" line="62"/>
        <source>Just start typing</source>
        <translation>Hãy bắt đầu gõ</translation>
    </message>
</context>
</TS>
