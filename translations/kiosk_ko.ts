<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko">
<context>
    <name>Describe</name>
    <message>
        <location filename="../kiosk/ui/qml/Describe.qml" line="17"/>
        <source>What is wrong today? Write it in your own words.</source>
        <translation>오늘 어디가 불편하세요? 편하게 직접 적어 주세요.</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/qml/Describe.qml" line="34"/>
        <source>For example: fever and cough for three days</source>
        <translation>예: 3일 동안 열이 나고 기침을 해요</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/qml/Describe.qml" line="44"/>
        <source>Or tap what you feel:</source>
        <translation>또는 느끼는 증상을 눌러 주세요:</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/qml/Describe.qml" line="81"/>
        <source>Back</source>
        <translation>뒤로</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/qml/Describe.qml" line="88"/>
        <source>Continue</source>
        <translation>계속</translation>
    </message>
</context>
<context>
    <name>Emergency</name>
    <message>
        <location filename="../kiosk/ui/qml/Emergency.qml" line="25"/>
        <source>Go to the front desk now.</source>
        <translation>지금 바로 접수처로 가세요!</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/qml/Emergency.qml" line="34"/>
        <source>Show this screen to the staff. They will help you right away.</source>
        <translation>이 화면을 직원에게 보여 주세요. 바로 도와드릴 거예요.</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/qml/Emergency.qml" line="64"/>
        <source>OK</source>
        <translation>확인</translation>
    </message>
</context>
<context>
    <name>ErrorView</name>
    <message>
        <location filename="../kiosk/ui/qml/ErrorView.qml" line="12"/>
        <source>Sorry, something went wrong. Please go to the front desk.</source>
        <translation>죄송합니다. 문제가 생겼습니다. 접수처로 가 주세요.</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/qml/ErrorView.qml" line="22"/>
        <source>Start again</source>
        <translation>처음부터 다시</translation>
    </message>
</context>
<context>
    <name>IdleOverlay</name>
    <message>
        <location filename="../kiosk/ui/qml/IdleOverlay.qml" line="20"/>
        <source>Are you still there?</source>
        <translation>아직 계세요?</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/qml/IdleOverlay.qml" line="30"/>
        <source>The screen will be cleared in %1 seconds.</source>
        <translation>%1초 후에 화면이 지워집니다.</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/qml/IdleOverlay.qml" line="39"/>
        <source>I am still here</source>
        <translation>네, 여기 있어요</translation>
    </message>
</context>
<context>
    <name>Specialty</name>
    <message>
        <location filename="../kiosk/ui/specialty_names.py" line="6"/>
        <source>Urgent: front desk now</source>
        <translation>긴급: 지금 바로 접수처로</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/specialty_names.py" line="7"/>
        <source>Triage nurse</source>
        <translation>분류 간호사</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/specialty_names.py" line="8"/>
        <source>Dermatology</source>
        <translation>피부과</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/specialty_names.py" line="9"/>
        <source>Fever and infectious diseases</source>
        <translation>열과 감염병</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/specialty_names.py" line="10"/>
        <source>Respiratory and allergy</source>
        <translation>호흡기와 알레르기</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/specialty_names.py" line="11"/>
        <source>Digestive and liver</source>
        <translation>소화기와 간</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/specialty_names.py" line="12"/>
        <source>Heart and blood vessels</source>
        <translation>심장과 혈관</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/specialty_names.py" line="13"/>
        <source>Neurology</source>
        <translation>신경과</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/specialty_names.py" line="14"/>
        <source>Bones, joints and spine</source>
        <translation>뼈, 관절, 척추</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/specialty_names.py" line="15"/>
        <source>Diabetes and hormones</source>
        <translation>당뇨병과 호르몬</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/specialty_names.py" line="16"/>
        <source>Urinary and kidney</source>
        <translation>비뇨기와 신장</translation>
    </message>
</context>
<context>
    <name>TicketView</name>
    <message>
        <location filename="../kiosk/ui/qml/TicketView.qml" line="16"/>
        <source>A nurse will see you soon.</source>
        <translation>곧 간호사가 봐 드릴 거예요.</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/qml/TicketView.qml" line="16"/>
        <source>Thank you. Here is your ticket.</source>
        <translation>감사합니다. 번호표를 받으세요.</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/qml/TicketView.qml" line="66"/>
        <source>Time: %1</source>
        <translation>시간: %1</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/qml/TicketView.qml" line="75"/>
        <source>Please sit down. We will call your number. If you feel worse, tell the front desk at once.</source>
        <translation>자리에 앉아 기다려 주세요. 번호를 불러 드릴게요. 더 아프면 바로 접수처에 말씀해 주세요.</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/qml/TicketView.qml" line="85"/>
        <source>Done</source>
        <translation>완료</translation>
    </message>
</context>
<context>
    <name>Welcome</name>
    <message>
        <location filename="../kiosk/ui/qml/Welcome.qml" line="62"/>
        <source>Just start typing</source>
        <translation>바로 입력을 시작하세요</translation>
    </message>
</context>
</TS>
