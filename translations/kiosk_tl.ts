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
    <name>SafetyCheck</name>
    <message>
        <location filename="../kiosk/ui/qml/SafetyCheck.qml" line="18"/>
        <source>Before your ticket: do you have any of these right now?</source>
        <translation>Bago ang inyong tiket: mayroon po ba kayong alinman sa mga ito ngayon?</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/qml/SafetyCheck.qml" line="29"/>
        <source>Tap one if it is true. If none is true, tap “None of these”.</source>
        <translation>Pindutin ang totoo sa inyo. Kung wala, pindutin ang “Wala sa mga ito”.</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/qml/SafetyCheck.qml" line="71"/>
        <source>Back</source>
        <translation>Bumalik</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/qml/SafetyCheck.qml" line="78"/>
        <source>None of these</source>
        <translation>Wala sa mga ito</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/data_strings.py" line="21"/>
        <source>Very hard to breathe, or blue lips</source>
        <translation>Hirap na hirap huminga, o nangangasul ang labi</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/data_strings.py" line="22"/>
        <source>Swelling of the lips, tongue or throat</source>
        <translation>Pamamaga ng labi, dila, o lalamunan</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/data_strings.py" line="23"/>
        <source>Chest pain or pressure</source>
        <translation>Pananakit o paninikip ng dibdib</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/data_strings.py" line="24"/>
        <source>Face drooping, weak arm or leg, or trouble speaking</source>
        <translation>Ngiwing mukha, mahinang braso o binti, hirap magsalita</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/data_strings.py" line="25"/>
        <source>Thinking of killing or hurting yourself</source>
        <translation>Naiisip na magpakamatay o saktan ang sarili</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/data_strings.py" line="26"/>
        <source>Fainted or had a fit (seizure)</source>
        <translation>Nahimatay o nangisay (seizure)</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/data_strings.py" line="27"/>
        <source>Pregnant, with bleeding, strong pain or waters broken</source>
        <translation>Buntis: dinudugo, matinding sakit, o pumutok ang panubigan</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/data_strings.py" line="28"/>
        <source>Heavy bleeding, or vomiting or coughing up blood</source>
        <translation>Malakas na pagdurugo, o nagsusuka o umuubo ng dugo</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/data_strings.py" line="29"/>
        <source>Fever with a stiff neck or a purple rash</source>
        <translation>Lagnat na may naninigas na leeg o lilang pantal</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/data_strings.py" line="30"/>
        <source>Bad injury: hit on the head, bad fall, broken bone or burn</source>
        <translation>Malubhang pinsala: nabagok ang ulo, bumagsak, bali, o paso</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/data_strings.py" line="31"/>
        <source>Poison, overdose, fumes, or a snake or scorpion bite</source>
        <translation>Lason, overdose, usok o gas, kagat ng ahas o alakdan</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/data_strings.py" line="32"/>
        <source>Sudden strong pain in a testicle</source>
        <translation>Biglaang matinding sakit sa bayag</translation>
    </message>
</context>
<context>
    <name>Specialty</name>
    <message>
        <location filename="../kiosk/ui/data_strings.py" line="7"/>
        <source>Urgent: front desk now</source>
        <translation>Emergency: pumunta agad sa front desk</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/data_strings.py" line="8"/>
        <source>Triage nurse</source>
        <translation>Nars sa triage</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/data_strings.py" line="9"/>
        <source>Dermatology</source>
        <translation>Dermatolohiya (balat)</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/data_strings.py" line="10"/>
        <source>Fever and infectious diseases</source>
        <translation>Lagnat at mga impeksiyon</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/data_strings.py" line="11"/>
        <source>Respiratory and allergy</source>
        <translation>Paghinga at allergy</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/data_strings.py" line="12"/>
        <source>Digestive and liver</source>
        <translation>Tiyan, bituka at atay</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/data_strings.py" line="13"/>
        <source>Heart and blood vessels</source>
        <translation>Puso at mga daluyan ng dugo</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/data_strings.py" line="14"/>
        <source>Neurology</source>
        <translation>Neurolohiya (utak at nerbiyos)</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/data_strings.py" line="15"/>
        <source>Bones, joints and spine</source>
        <translation>Buto, kasukasuan at gulugod</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/data_strings.py" line="16"/>
        <source>Diabetes and hormones</source>
        <translation>Diabetes at mga hormone</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/data_strings.py" line="17"/>
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
