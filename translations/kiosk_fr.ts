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
    <name>SafetyCheck</name>
    <message>
        <location filename="../kiosk/ui/qml/SafetyCheck.qml" line="18"/>
        <source>Before your ticket: do you have any of these right now?</source>
        <translation>Avant votre ticket&#xa0;: avez-vous l’un de ces problèmes en ce moment&#xa0;?</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/qml/SafetyCheck.qml" line="29"/>
        <source>Tap one if it is true. If none is true, tap “None of these”.</source>
        <translation>Touchez celui qui vous concerne. Si aucun ne vous concerne, touchez «&#xa0;Aucun de ces problèmes&#xa0;».</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/qml/SafetyCheck.qml" line="71"/>
        <source>Back</source>
        <translation>Retour</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/qml/SafetyCheck.qml" line="78"/>
        <source>None of these</source>
        <translation>Aucun de ces problèmes</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/data_strings.py" line="21"/>
        <source>Very hard to breathe, or blue lips</source>
        <translation>Beaucoup de mal à respirer, ou lèvres bleues</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/data_strings.py" line="22"/>
        <source>Swelling of the lips, tongue or throat</source>
        <translation>Lèvres, langue ou gorge qui gonflent</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/data_strings.py" line="23"/>
        <source>Chest pain or pressure</source>
        <translation>Douleur ou pression dans la poitrine</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/data_strings.py" line="24"/>
        <source>Face drooping, weak arm or leg, or trouble speaking</source>
        <translation>Bouche tordue, bras ou jambe faible, du mal à parler</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/data_strings.py" line="25"/>
        <source>Thinking of killing or hurting yourself</source>
        <translation>Pensées de se tuer ou de se faire du mal</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/data_strings.py" line="26"/>
        <source>Fainted or had a fit (seizure)</source>
        <translation>Évanouissement ou crise (convulsions)</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/data_strings.py" line="27"/>
        <source>Pregnant, with bleeding, strong pain or waters broken</source>
        <translation>Enceinte&#xa0;: saignement, forte douleur ou perte des eaux</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/data_strings.py" line="28"/>
        <source>Heavy bleeding, or vomiting or coughing up blood</source>
        <translation>Saigne beaucoup, ou vomit ou crache du sang</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/data_strings.py" line="29"/>
        <source>Fever with a stiff neck or a purple rash</source>
        <translation>Fièvre avec nuque raide ou taches violettes</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/data_strings.py" line="30"/>
        <source>Bad injury: hit on the head, bad fall, broken bone or burn</source>
        <translation>Blessure grave&#xa0;: coup à la tête, chute, os cassé, brûlure</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/data_strings.py" line="31"/>
        <source>Poison, overdose, fumes, or a snake or scorpion bite</source>
        <translation>Poison, surdose, fumées, morsure de serpent ou scorpion</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/data_strings.py" line="32"/>
        <source>Sudden strong pain in a testicle</source>
        <translation>Douleur forte et soudaine dans un testicule</translation>
    </message>
</context>
<context>
    <name>Specialty</name>
    <message>
        <location filename="../kiosk/ui/data_strings.py" line="7"/>
        <source>Urgent: front desk now</source>
        <translation>Urgent&#xa0;: allez à l&apos;accueil</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/data_strings.py" line="8"/>
        <source>Triage nurse</source>
        <translation>Infirmière d&apos;accueil</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/data_strings.py" line="9"/>
        <source>Dermatology</source>
        <translation>Dermatologie (peau)</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/data_strings.py" line="10"/>
        <source>Fever and infectious diseases</source>
        <translation>Fièvre et infections</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/data_strings.py" line="11"/>
        <source>Respiratory and allergy</source>
        <translation>Respiration et allergies</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/data_strings.py" line="12"/>
        <source>Digestive and liver</source>
        <translation>Digestion et foie</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/data_strings.py" line="13"/>
        <source>Heart and blood vessels</source>
        <translation>Cœur et vaisseaux sanguins</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/data_strings.py" line="14"/>
        <source>Neurology</source>
        <translation>Neurologie (cerveau et nerfs)</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/data_strings.py" line="15"/>
        <source>Bones, joints and spine</source>
        <translation>Os, articulations et colonne vertébrale</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/data_strings.py" line="16"/>
        <source>Diabetes and hormones</source>
        <translation>Diabète et hormones</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/data_strings.py" line="17"/>
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
