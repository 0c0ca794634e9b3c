<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>Describe</name>
    <message>
        <location filename="../kiosk/ui/qml/Describe.qml" line="17"/>
        <source>What is wrong today? Write it in your own words.</source>
        <translation>Qu&apos;est-ce qui ne va pas aujourd&apos;hui&#xa0;? Écrivez-le avec vos propres mots.</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/qml/Describe.qml" line="34"/>
        <source>For example: fever and cough for three days</source>
        <translation>Par exemple&#xa0;: fièvre et toux depuis trois jours</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/qml/Describe.qml" line="44"/>
        <source>Or tap what you feel:</source>
        <translation>Ou touchez ce que vous ressentez&#xa0;:</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/qml/Describe.qml" line="81"/>
        <source>Back</source>
        <translation>Retour</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/qml/Describe.qml" line="88"/>
        <source>Continue</source>
        <translation>Continuer</translation>
    </message>
</context>
<context>
    <name>Emergency</name>
    <message>
        <location filename="../kiosk/ui/qml/Emergency.qml" line="25"/>
        <source>Go to the front desk now.</source>
        <translation>Allez tout de suite à l&apos;accueil.</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/qml/Emergency.qml" line="34"/>
        <source>Show this screen to the staff. They will help you right away.</source>
        <translation>Montrez cet écran au personnel. Il vous aidera tout de suite.</translation>
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
        <translation>Désolé, un problème est survenu. Veuillez aller à l&apos;accueil.</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/qml/ErrorView.qml" line="22"/>
        <source>Start again</source>
        <translation>Recommencer</translation>
    </message>
</context>
<context>
    <name>IdleOverlay</name>
    <message>
        <location filename="../kiosk/ui/qml/IdleOverlay.qml" line="20"/>
        <source>Are you still there?</source>
        <translation>Êtes-vous toujours là&#xa0;?</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/qml/IdleOverlay.qml" line="30"/>
        <source>The screen will be cleared in %1 seconds.</source>
        <translation>L&apos;écran sera effacé dans %1 secondes.</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/qml/IdleOverlay.qml" line="39"/>
        <source>I am still here</source>
        <translation>Je suis toujours là</translation>
    </message>
</context>
<context>
    <name>Specialty</name>
    <message>
        <location filename="../kiosk/ui/specialty_names.py" line="6"/>
        <source>Urgent: front desk now</source>
        <translation>Urgent&#xa0;: allez à l&apos;accueil</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/specialty_names.py" line="7"/>
        <source>Triage nurse</source>
        <translation>Infirmière d&apos;accueil</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/specialty_names.py" line="8"/>
        <source>Dermatology</source>
        <translation>Dermatologie (peau)</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/specialty_names.py" line="9"/>
        <source>Fever and infectious diseases</source>
        <translation>Fièvre et infections</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/specialty_names.py" line="10"/>
        <source>Respiratory and allergy</source>
        <translation>Respiration et allergies</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/specialty_names.py" line="11"/>
        <source>Digestive and liver</source>
        <translation>Digestion et foie</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/specialty_names.py" line="12"/>
        <source>Heart and blood vessels</source>
        <translation>Cœur et vaisseaux sanguins</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/specialty_names.py" line="13"/>
        <source>Neurology</source>
        <translation>Neurologie (cerveau et nerfs)</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/specialty_names.py" line="14"/>
        <source>Bones, joints and spine</source>
        <translation>Os, articulations et colonne vertébrale</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/specialty_names.py" line="15"/>
        <source>Diabetes and hormones</source>
        <translation>Diabète et hormones</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/specialty_names.py" line="16"/>
        <source>Urinary and kidney</source>
        <translation>Voies urinaires et reins</translation>
    </message>
</context>
<context>
    <name>TicketView</name>
    <message>
        <location filename="../kiosk/ui/qml/TicketView.qml" line="16"/>
        <source>A nurse will see you soon.</source>
        <translation>Une infirmière va bientôt vous recevoir.</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/qml/TicketView.qml" line="16"/>
        <source>Thank you. Here is your ticket.</source>
        <translation>Merci. Voici votre ticket.</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/qml/TicketView.qml" line="66"/>
        <source>Time: %1</source>
        <translation>Heure&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/qml/TicketView.qml" line="75"/>
        <source>Please sit down. We will call your number. If you feel worse, tell the front desk at once.</source>
        <translation>Veuillez vous asseoir. Nous appellerons votre numéro. Si vous vous sentez plus mal, prévenez tout de suite l&apos;accueil.</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/qml/TicketView.qml" line="85"/>
        <source>Done</source>
        <translation>Terminé</translation>
    </message>
</context>
<context>
    <name>Welcome</name>
    <message>
        <location filename="../kiosk/ui/qml/Welcome.qml" line="62"/>
        <source>Just start typing</source>
        <translation>Commencez à écrire</translation>
    </message>
</context>
</TS>
