<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ht">
<context>
    <name>Describe</name>
    <message>
        <location filename="../kiosk/ui/qml/Describe.qml" line="17"/>
        <source>What is wrong today? Write it in your own words.</source>
        <translation>Ki pwoblèm ou genyen jodi a? Ekri l ak pwòp mo pa w.</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/qml/Describe.qml" line="34"/>
        <source>For example: fever and cough for three days</source>
        <translation>Pa egzanp: lafyèv ak tous depi twa jou</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/qml/Describe.qml" line="44"/>
        <source>Or tap what you feel:</source>
        <translation>Oswa touche sa ou santi:</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/qml/Describe.qml" line="81"/>
        <source>Back</source>
        <translation>Retounen</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/qml/Describe.qml" line="88"/>
        <source>Continue</source>
        <translation>Kontinye</translation>
    </message>
</context>
<context>
    <name>Emergency</name>
    <message>
        <location filename="../kiosk/ui/qml/Emergency.qml" line="25"/>
        <source>Go to the front desk now.</source>
        <translation>Ale nan resepsyon an kounye a menm.</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/qml/Emergency.qml" line="34"/>
        <source>Show this screen to the staff. They will help you right away.</source>
        <translation>Montre pèsonèl la ekran sa a. Y ap ede w touswit.</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/qml/Emergency.qml" line="64"/>
        <source>OK</source>
        <translation>Dakò</translation>
    </message>
</context>
<context>
    <name>ErrorView</name>
    <message>
        <location filename="../kiosk/ui/qml/ErrorView.qml" line="12"/>
        <source>Sorry, something went wrong. Please go to the front desk.</source>
        <translation>Padon, gen yon bagay ki pa mache. Tanpri, ale nan resepsyon an.</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/qml/ErrorView.qml" line="22"/>
        <source>Start again</source>
        <translation>Rekòmanse</translation>
    </message>
</context>
<context>
    <name>IdleOverlay</name>
    <message>
        <location filename="../kiosk/ui/qml/IdleOverlay.qml" line="20"/>
        <source>Are you still there?</source>
        <translation>Èske ou la toujou?</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/qml/IdleOverlay.qml" line="30"/>
        <source>The screen will be cleared in %1 seconds.</source>
        <translation>Ekran an ap efase nan %1 segonn.</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/qml/IdleOverlay.qml" line="39"/>
        <source>I am still here</source>
        <translation>Mwen la toujou</translation>
    </message>
</context>
<context>
    <name>SafetyCheck</name>
    <message>
        <location filename="../kiosk/ui/qml/SafetyCheck.qml" line="18"/>
        <source>Before your ticket: do you have any of these right now?</source>
        <translation>Anvan tikè ou: èske ou gen youn nan pwoblèm sa yo kounye a?</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/qml/SafetyCheck.qml" line="29"/>
        <source>Tap one if it is true. If none is true, tap “None of these”.</source>
        <translation>Peze sou sa ki vre pou ou. Si pa gen okenn, peze « Okenn nan sa yo ».</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/qml/SafetyCheck.qml" line="71"/>
        <source>Back</source>
        <translation>Retounen</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/qml/SafetyCheck.qml" line="78"/>
        <source>None of these</source>
        <translation>Okenn nan sa yo</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/data_strings.py" line="21"/>
        <source>Very hard to breathe, or blue lips</source>
        <translation>Anpil difikilte pou respire, oswa lèv ou ble</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/data_strings.py" line="22"/>
        <source>Swelling of the lips, tongue or throat</source>
        <translation>Lèv, lang oswa gòj anfle</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/data_strings.py" line="23"/>
        <source>Chest pain or pressure</source>
        <translation>Doulè oswa presyon nan pwatrin</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/data_strings.py" line="24"/>
        <source>Face drooping, weak arm or leg, or trouble speaking</source>
        <translation>Figi kwochi, bra oswa janm fèb, oswa pa ka pale byen</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/data_strings.py" line="25"/>
        <source>Thinking of killing or hurting yourself</source>
        <translation>Lide pou touye tèt ou oswa fè tèt ou mal</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/data_strings.py" line="26"/>
        <source>Fainted or had a fit (seizure)</source>
        <translation>Endispoze oswa fè yon kriz (konvilsyon)</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/data_strings.py" line="27"/>
        <source>Pregnant, with bleeding, strong pain or waters broken</source>
        <translation>Ansent, ak senyen, gwo doulè oswa dlo a kase</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/data_strings.py" line="28"/>
        <source>Heavy bleeding, or vomiting or coughing up blood</source>
        <translation>Senyen anpil, oswa vomi san oswa touse san</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/data_strings.py" line="29"/>
        <source>Fever with a stiff neck or a purple rash</source>
        <translation>Lafyèv ak kou rèd oswa tach vyolèt sou po</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/data_strings.py" line="30"/>
        <source>Bad injury: hit on the head, bad fall, broken bone or burn</source>
        <translation>Gwo blesi: tèt frape, gwo so, zo kase oswa boule</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/data_strings.py" line="31"/>
        <source>Poison, overdose, fumes, or a snake or scorpion bite</source>
        <translation>Pwazon, twòp medikaman, lafimen, koulèv oswa eskòpyon mòde</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/data_strings.py" line="32"/>
        <source>Sudden strong pain in a testicle</source>
        <translation>Gwo doulè sibit nan yon grenn (testikil)</translation>
    </message>
</context>
<context>
    <name>Specialty</name>
    <message>
        <location filename="../kiosk/ui/data_strings.py" line="7"/>
        <source>Urgent: front desk now</source>
        <translation>Ijan: ale nan resepsyon an kounye a</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/data_strings.py" line="8"/>
        <source>Triage nurse</source>
        <translation>Enfimyè (premye egzamen)</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/data_strings.py" line="9"/>
        <source>Dermatology</source>
        <translation>Dèmatoloji (po)</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/data_strings.py" line="10"/>
        <source>Fever and infectious diseases</source>
        <translation>Lafyèv ak enfeksyon</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/data_strings.py" line="11"/>
        <source>Respiratory and allergy</source>
        <translation>Respirasyon ak alèji</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/data_strings.py" line="12"/>
        <source>Digestive and liver</source>
        <translation>Vant, dijesyon ak fwa</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/data_strings.py" line="13"/>
        <source>Heart and blood vessels</source>
        <translation>Kè ak sikilasyon san</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/data_strings.py" line="14"/>
        <source>Neurology</source>
        <translation>Newoloji (sèvo ak nè)</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/data_strings.py" line="15"/>
        <source>Bones, joints and spine</source>
        <translation>Zo, jwenti ak zo rèl do</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/data_strings.py" line="16"/>
        <source>Diabetes and hormones</source>
        <translation>Dyabèt ak òmòn</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/data_strings.py" line="17"/>
        <source>Urinary and kidney</source>
        <translation>Pipi ak ren</translation>
    </message>
</context>
<context>
    <name>TicketView</name>
    <message>
        <location filename="../kiosk/ui/qml/TicketView.qml" line="16"/>
        <source>A nurse will see you soon.</source>
        <translation>Yon enfimyè ap wè w talè.</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/qml/TicketView.qml" line="16"/>
        <source>Thank you. Here is your ticket.</source>
        <translation>Mèsi. Men tikè ou.</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/qml/TicketView.qml" line="66"/>
        <source>Time: %1</source>
        <translation>Lè: %1</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/qml/TicketView.qml" line="75"/>
        <source>Please sit down. We will call your number. If you feel worse, tell the front desk at once.</source>
        <translation>Tanpri chita. N ap rele nimewo ou. Si ou santi ou pi mal, di resepsyon an touswit.</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/qml/TicketView.qml" line="85"/>
        <source>Done</source>
        <translation>Fini</translation>
    </message>
</context>
<context>
    <name>Welcome</name>
    <message>
        <location filename="../kiosk/ui/qml/Welcome.qml" line="62"/>
        <source>Just start typing</source>
        <translation>Kòmanse ekri</translation>
    </message>
</context>
</TS>
