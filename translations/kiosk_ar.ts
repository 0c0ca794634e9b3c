<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name>Describe</name>
    <message>
        <location filename="../kiosk/ui/qml/Describe.qml" line="17"/>
        <source>What is wrong today? Write it in your own words.</source>
        <translation>ما الذي تشكو منه اليوم؟ اكتبه بكلماتك.</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/qml/Describe.qml" line="34"/>
        <source>For example: fever and cough for three days</source>
        <translation>مثال: حمى وسعال منذ ثلاثة أيام</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/qml/Describe.qml" line="44"/>
        <source>Or tap what you feel:</source>
        <translation>أو المس ما تشعر به:</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/qml/Describe.qml" line="81"/>
        <source>Back</source>
        <translation>رجوع</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/qml/Describe.qml" line="88"/>
        <source>Continue</source>
        <translation>متابعة</translation>
    </message>
</context>
<context>
    <name>Emergency</name>
    <message>
        <location filename="../kiosk/ui/qml/Emergency.qml" line="25"/>
        <source>Go to the front desk now.</source>
        <translation>اذهب إلى مكتب الاستقبال الآن!</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/qml/Emergency.qml" line="34"/>
        <source>Show this screen to the staff. They will help you right away.</source>
        <translation>اعرض هذه الشاشة على الموظفين. سيساعدونك فورًا.</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/qml/Emergency.qml" line="64"/>
        <source>OK</source>
        <translation>موافق</translation>
    </message>
</context>
<context>
    <name>ErrorView</name>
    <message>
        <location filename="../kiosk/ui/qml/ErrorView.qml" line="12"/>
        <source>Sorry, something went wrong. Please go to the front desk.</source>
        <translation>عذرًا، حدث خطأ. يرجى الذهاب إلى مكتب الاستقبال.</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/qml/ErrorView.qml" line="22"/>
        <source>Start again</source>
        <translation>ابدأ من جديد</translation>
    </message>
</context>
<context>
    <name>IdleOverlay</name>
    <message>
        <location filename="../kiosk/ui/qml/IdleOverlay.qml" line="20"/>
        <source>Are you still there?</source>
        <translation>هل ما زلت هنا؟</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/qml/IdleOverlay.qml" line="30"/>
        <source>The screen will be cleared in %1 seconds.</source>
        <translation>سيتم مسح الشاشة خلال %1 ثانية.</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/qml/IdleOverlay.qml" line="39"/>
        <source>I am still here</source>
        <translation>ما زلت هنا</translation>
    </message>
</context>
<context>
    <name>SafetyCheck</name>
    <message>
        <location filename="../kiosk/ui/qml/SafetyCheck.qml" line="18"/>
        <source>Before your ticket: do you have any of these right now?</source>
        <translation>قبل طباعة رقم الدور: هل لديك الآن أيٌّ مما يلي؟</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/qml/SafetyCheck.qml" line="29"/>
        <source>Tap one if it is true. If none is true, tap “None of these”.</source>
        <translation>اضغط على ما ينطبق عليك. إن لم ينطبق شيء، اضغط «لا شيء من هذه».</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/qml/SafetyCheck.qml" line="71"/>
        <source>Back</source>
        <translation>رجوع</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/qml/SafetyCheck.qml" line="78"/>
        <source>None of these</source>
        <translation>لا شيء من هذه</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/data_strings.py" line="21"/>
        <source>Very hard to breathe, or blue lips</source>
        <translation>صعوبة شديدة في التنفس، أو ازرقاق الشفتين</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/data_strings.py" line="22"/>
        <source>Swelling of the lips, tongue or throat</source>
        <translation>تورّم الشفتين أو اللسان أو الحلق</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/data_strings.py" line="23"/>
        <source>Chest pain or pressure</source>
        <translation>ألم أو ضغط في الصدر</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/data_strings.py" line="24"/>
        <source>Face drooping, weak arm or leg, or trouble speaking</source>
        <translation>تدلّي الوجه، أو ضعف الذراع أو الساق، أو صعوبة الكلام</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/data_strings.py" line="25"/>
        <source>Thinking of killing or hurting yourself</source>
        <translation>تفكير في الانتحار أو إيذاء النفس</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/data_strings.py" line="26"/>
        <source>Fainted or had a fit (seizure)</source>
        <translation>إغماء أو نوبة تشنّج</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/data_strings.py" line="27"/>
        <source>Pregnant, with bleeding, strong pain or waters broken</source>
        <translation>حامل، مع نزيف أو ألم شديد أو نزول ماء الولادة</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/data_strings.py" line="28"/>
        <source>Heavy bleeding, or vomiting or coughing up blood</source>
        <translation>نزيف شديد، أو تقيؤ دم أو سعال مع دم</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/data_strings.py" line="29"/>
        <source>Fever with a stiff neck or a purple rash</source>
        <translation>حمّى مع تيبّس الرقبة أو بقع بنفسجية على الجلد</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/data_strings.py" line="30"/>
        <source>Bad injury: hit on the head, bad fall, broken bone or burn</source>
        <translation>إصابة شديدة: ضربة على الرأس، سقطة قوية، كسر أو حرق</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/data_strings.py" line="31"/>
        <source>Poison, overdose, fumes, or a snake or scorpion bite</source>
        <translation>تسمّم، جرعة زائدة، استنشاق دخان أو غاز، لدغة ثعبان أو عقرب</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/data_strings.py" line="32"/>
        <source>Sudden strong pain in a testicle</source>
        <translation>ألم شديد ومفاجئ في إحدى الخصيتين</translation>
    </message>
</context>
<context>
    <name>Specialty</name>
    <message>
        <location filename="../kiosk/ui/data_strings.py" line="7"/>
        <source>Urgent: front desk now</source>
        <translation>عاجل: إلى مكتب الاستقبال الآن</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/data_strings.py" line="8"/>
        <source>Triage nurse</source>
        <translation>ممرض الفرز</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/data_strings.py" line="9"/>
        <source>Dermatology</source>
        <translation>الأمراض الجلدية</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/data_strings.py" line="10"/>
        <source>Fever and infectious diseases</source>
        <translation>الحمى والأمراض المعدية</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/data_strings.py" line="11"/>
        <source>Respiratory and allergy</source>
        <translation>التنفس والحساسية</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/data_strings.py" line="12"/>
        <source>Digestive and liver</source>
        <translation>الجهاز الهضمي والكبد</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/data_strings.py" line="13"/>
        <source>Heart and blood vessels</source>
        <translation>القلب والأوعية الدموية</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/data_strings.py" line="14"/>
        <source>Neurology</source>
        <translation>الأعصاب</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/data_strings.py" line="15"/>
        <source>Bones, joints and spine</source>
        <translation>العظام والمفاصل والعمود الفقري</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/data_strings.py" line="16"/>
        <source>Diabetes and hormones</source>
        <translation>السكري والهرمونات</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/data_strings.py" line="17"/>
        <source>Urinary and kidney</source>
        <translation>المسالك البولية والكلى</translation>
    </message>
</context>
<context>
    <name>TicketView</name>
    <message>
        <location filename="../kiosk/ui/qml/TicketView.qml" line="16"/>
        <source>A nurse will see you soon.</source>
        <translation>سيراك ممرض قريبًا.</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/qml/TicketView.qml" line="16"/>
        <source>Thank you. Here is your ticket.</source>
        <translation>شكرًا لك. هذه تذكرة دورك.</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/qml/TicketView.qml" line="66"/>
        <source>Time: %1</source>
        <translation>الوقت: %1</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/qml/TicketView.qml" line="75"/>
        <source>Please sit down. We will call your number. If you feel worse, tell the front desk at once.</source>
        <translation>تفضل بالجلوس. سننادي رقمك. إذا ساءت حالتك، أخبر مكتب الاستقبال فورًا.</translation>
    </message>
    <message>
        <location filename="../kiosk/ui/qml/TicketView.qml" line="85"/>
        <source>Done</source>
        <translation>تم</translation>
    </message>
</context>
<context>
    <name>Welcome</name>
    <message>
        <location filename="../kiosk/ui/qml/Welcome.qml" line="62"/>
        <source>Just start typing</source>
        <translation>ابدأ الكتابة مباشرة</translation>
    </message>
</context>
</TS>
