<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru">
<context>
    <name>Describe</name>
    <message>
        <location filename="../kiosk/ui/qml/Describe.qml" line="17"/>
        <source>What is wrong today? Write it in your own words.</source>
        <translation>Что Вас беспокоит сегодня? Напишите своими словами.</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/qml/Describe.qml" line="34"/>
        <source>For example: fever and cough for three days</source>
        <translation>Например: температура и кашель уже три дня</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/qml/Describe.qml" line="44"/>
        <source>Or tap what you feel:</source>
        <translation>Или нажмите на то, что Вы чувствуете:</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/qml/Describe.qml" line="81"/>
        <source>Back</source>
        <translation>Назад</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/qml/Describe.qml" line="88"/>
        <source>Continue</source>
        <translation>Далее</translation>
    </message>
</context>
<context>
    <name>Emergency</name>
    <message>
        <location filename="../kiosk/ui/qml/Emergency.qml" line="25"/>
        <source>Go to the front desk now.</source>
        <translation>Срочно подойдите в регистратуру!</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/qml/Emergency.qml" line="34"/>
        <source>Show this screen to the staff. They will help you right away.</source>
        <translation>Покажите этот экран сотрудникам. Вам сразу помогут.</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/qml/Emergency.qml" line="64"/>
        <source>OK</source>
        <translation>Хорошо</translation>
    </message>
</context>
<context>
    <name>ErrorView</name>
    <message>
        <location filename="../kiosk/ui/qml/ErrorView.qml" line="12"/>
        <source>Sorry, something went wrong. Please go to the front desk.</source>
        <translation>Извините, произошла ошибка. Пожалуйста, подойдите в регистратуру.</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/qml/ErrorView.qml" line="22"/>
        <source>Start again</source>
        <translation>Начать заново</translation>
    </message>
</context>
<context>
    <name>IdleOverlay</name>
    <message>
        <location filename="../kiosk/ui/qml/IdleOverlay.qml" line="20"/>
        <source>Are you still there?</source>
        <translation>Вы ещё здесь?</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/qml/IdleOverlay.qml" line="30"/>
        <source>The screen will be cleared in %1 seconds.</source>
        <translation>Экран будет очищен через %1 сек.</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/qml/IdleOverlay.qml" line="39"/>
        <source>I am still here</source>
        <translation>Я ещё здесь</translation>
    </message>
</context>
<context>
    <name>SafetyCheck</name>
    <message>
        <location filename="../kiosk/ui/qml/SafetyCheck.qml" line="18"/>
        <source>Before your ticket: do you have any of these right now?</source>
        <translation>Перед выдачей талона: есть ли у вас сейчас что-то из этого?</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/qml/SafetyCheck.qml" line="29"/>
        <source>Tap one if it is true. If none is true, tap “None of these”.</source>
        <translation>Нажмите на подходящий пункт. Если ничего нет, нажмите «Ничего из этого».</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/qml/SafetyCheck.qml" line="71"/>
        <source>Back</source>
        <translation>Назад</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/qml/SafetyCheck.qml" line="78"/>
        <source>None of these</source>
        <translation>Ничего из этого</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/data_strings.py" line="21"/>
        <source>Very hard to breathe, or blue lips</source>
        <translation>Очень трудно дышать или синие губы</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/data_strings.py" line="22"/>
        <source>Swelling of the lips, tongue or throat</source>
        <translation>Отёк губ, языка или горла</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/data_strings.py" line="23"/>
        <source>Chest pain or pressure</source>
        <translation>Боль или тяжесть в груди</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/data_strings.py" line="24"/>
        <source>Face drooping, weak arm or leg, or trouble speaking</source>
        <translation>Перекосило лицо, ослабла рука или нога, трудно говорить</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/data_strings.py" line="25"/>
        <source>Thinking of killing or hurting yourself</source>
        <translation>Есть мысли убить себя или навредить себе</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/data_strings.py" line="26"/>
        <source>Fainted or had a fit (seizure)</source>
        <translation>Обморок или судороги (припадок)</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/data_strings.py" line="27"/>
        <source>Pregnant, with bleeding, strong pain or waters broken</source>
        <translation>Беременность: кровотечение, сильная боль, отошли воды</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/data_strings.py" line="28"/>
        <source>Heavy bleeding, or vomiting or coughing up blood</source>
        <translation>Сильное кровотечение, рвота или кашель с кровью</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/data_strings.py" line="29"/>
        <source>Fever with a stiff neck or a purple rash</source>
        <translation>Температура и негнущаяся шея или багровая сыпь</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/data_strings.py" line="30"/>
        <source>Bad injury: hit on the head, bad fall, broken bone or burn</source>
        <translation>Серьёзная травма: удар по голове, падение, перелом, ожог</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/data_strings.py" line="31"/>
        <source>Poison, overdose, fumes, or a snake or scorpion bite</source>
        <translation>Отравление, передозировка, угар, укус змеи или скорпиона</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/data_strings.py" line="32"/>
        <source>Sudden strong pain in a testicle</source>
        <translation>Внезапная сильная боль в яичке</translation>
    </message>
</context>
<context>
    <name>Specialty</name>
    <message>
        <location filename="../kiosk/ui/data_strings.py" line="7"/>
        <source>Urgent: front desk now</source>
        <translation>Срочно: в регистратуру</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/data_strings.py" line="8"/>
        <source>Triage nurse</source>
        <translation>Медсестра (первичный осмотр)</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/data_strings.py" line="9"/>
        <source>Dermatology</source>
        <translation>Кожные болезни</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/data_strings.py" line="10"/>
        <source>Fever and infectious diseases</source>
        <translation>Температура и инфекции</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/data_strings.py" line="11"/>
        <source>Respiratory and allergy</source>
        <translation>Дыхание и аллергия</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/data_strings.py" line="12"/>
        <source>Digestive and liver</source>
        <translation>Пищеварение и печень</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/data_strings.py" line="13"/>
        <source>Heart and blood vessels</source>
        <translation>Сердце и сосуды</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/data_strings.py" line="14"/>
        <source>Neurology</source>
        <translation>Неврология</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/data_strings.py" line="15"/>
        <source>Bones, joints and spine</source>
        <translation>Кости, суставы и позвоночник</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/data_strings.py" line="16"/>
        <source>Diabetes and hormones</source>
        <translation>Диабет и гормоны</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/data_strings.py" line="17"/>
        <source>Urinary and kidney</source>
        <translation>Мочевые пути и почки</translation>
    </message>
</context>
<context>
    <name>TicketView</name>
    <message>
        <location filename="../kiosk/ui/qml/TicketView.qml" line="16"/>
        <source>A nurse will see you soon.</source>
        <translation>Скоро Вас осмотрит медсестра.</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/qml/TicketView.qml" line="16"/>
        <source>Thank you. Here is your ticket.</source>
        <translation>Спасибо. Вот Ваш талон.</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/qml/TicketView.qml" line="66"/>
        <source>Time: %1</source>
        <translation>Время: %1</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/qml/TicketView.qml" line="75"/>
        <source>Please sit down. We will call your number. If you feel worse, tell the front desk at once.</source>
        <translation>Пожалуйста, присядьте. Мы вызовем Ваш номер. Если Вам станет хуже, сразу скажите в регистратуре.</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/qml/TicketView.qml" line="85"/>
        <source>Done</source>
        <translation>Готово</translation>
    </message>
</context>
<context>
    <name>Welcome</name>
    <message>
        <location filename="../kiosk/ui/qml/Welcome.qml" line="62"/>
        <source>Just start typing</source>
        <translation>Просто начните печатать</translation>
    </message>
</context>
</TS>
