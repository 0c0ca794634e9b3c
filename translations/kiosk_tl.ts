<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="tl">
<context>
    <name>Describe</name>
    <message>
        <location filename="../kiosk/ui/qml/Describe.qml" line="17"/>
        <source>What is wrong today? Write it in your own words.</source>
        <translation>Ano po ang nararamdaman ninyo ngayon? Isulat po ito sa sarili ninyong salita.</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/qml/Describe.qml" line="34"/>
        <source>For example: fever and cough for three days</source>
        <translation>Halimbawa: tatlong araw nang may lagnat at ubo</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/qml/Describe.qml" line="44"/>
        <source>Or tap what you feel:</source>
        <translation>O pindutin po ang nararamdaman ninyo:</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/qml/Describe.qml" line="81"/>
        <source>Back</source>
        <translation>Bumalik</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/qml/Describe.qml" line="88"/>
        <source>Continue</source>
        <translation>Magpatuloy</translation>
    </message>
</context>
<context>
    <name>Emergency</name>
    <message>
        <location filename="../kiosk/ui/qml/Emergency.qml" line="25"/>
        <source>Go to the front desk now.</source>
        <translation>Pumunta na po kayo sa front desk ngayon din.</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/qml/Emergency.qml" line="34"/>
        <source>Show this screen to the staff. They will help you right away.</source>
        <translation>Ipakita po ang screen na ito sa staff. Tutulungan nila kayo agad.</translation>
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
        <translation>Paumanhin po, may nagkaproblema. Pumunta po kayo sa front desk.</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/qml/ErrorView.qml" line="22"/>
        <source>Start again</source>
        <translation>Magsimula ulit</translation>
    </message>
</context>
<context>
    <name>IdleOverlay</name>
    <message>
        <location filename="../kiosk/ui/qml/IdleOverlay.qml" line="20"/>
        <source>Are you still there?</source>
        <translation>Nandiyan pa po ba kayo?</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/qml/IdleOverlay.qml" line="30"/>
        <source>The screen will be cleared in %1 seconds.</source>
        <translation>Mabubura ang screen sa loob ng %1 segundo.</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/qml/IdleOverlay.qml" line="39"/>
        <source>I am still here</source>
        <translation>Nandito pa ako</translation>
    </message>
</context>
<context>
    <name>Specialty</name>
    <message>
        <location filename="../kiosk/ui/specialty_names.py" line="6"/>
        <source>Urgent: front desk now</source>
        <translation>Emergency: pumunta agad sa front desk</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/specialty_names.py" line="7"/>
        <source>Triage nurse</source>
        <translation>Nars sa triage</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/specialty_names.py" line="8"/>
        <source>Dermatology</source>
        <translation>Dermatolohiya (balat)</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/specialty_names.py" line="9"/>
        <source>Fever and infectious diseases</source>
        <translation>Lagnat at mga impeksiyon</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/specialty_names.py" line="10"/>
        <source>Respiratory and allergy</source>
        <translation>Paghinga at allergy</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/specialty_names.py" line="11"/>
        <source>Digestive and liver</source>
        <translation>Tiyan, bituka at atay</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/specialty_names.py" line="12"/>
        <source>Heart and blood vessels</source>
        <translation>Puso at mga daluyan ng dugo</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/specialty_names.py" line="13"/>
        <source>Neurology</source>
        <translation>Neurolohiya (utak at nerbiyos)</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/specialty_names.py" line="14"/>
        <source>Bones, joints and spine</source>
        <translation>Buto, kasukasuan at gulugod</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/specialty_names.py" line="15"/>
        <source>Diabetes and hormones</source>
        <translation>Diabetes at mga hormone</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/specialty_names.py" line="16"/>
        <source>Urinary and kidney</source>
        <translation>Pag-ihi at bato</translation>
    </message>
</context>
<context>
    <name>TicketView</name>
    <message>
        <location filename="../kiosk/ui/qml/TicketView.qml" line="16"/>
        <source>A nurse will see you soon.</source>
        <translation>Titingnan po kayo ng nars sa ilang sandali.</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/qml/TicketView.qml" line="16"/>
        <source>Thank you. Here is your ticket.</source>
        <translation>Salamat po. Narito ang inyong tiket.</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/qml/TicketView.qml" line="66"/>
        <source>Time: %1</source>
        <translation>Oras: %1</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/qml/TicketView.qml" line="75"/>
        <source>Please sit down. We will call your number. If you feel worse, tell the front desk at once.</source>
        <translation>Umupo po muna kayo. Tatawagin namin ang inyong numero. Kung lumala ang pakiramdam ninyo, sabihin po agad sa front desk.</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/qml/TicketView.qml" line="85"/>
        <source>Done</source>
        <translation>Tapos na</translation>
    </message>
</context>
<context>
    <name>Welcome</name>
    <message>
        <location filename="../kiosk/ui/qml/Welcome.qml" line="62"/>
        <source>Just start typing</source>
        <translation>Magsimula nang mag-type</translation>
    </message>
</context>
</TS>
