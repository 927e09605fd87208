<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="th_TH" sourcelanguage="en">
<context>
    <name>Application</name>
    <message>
        <location filename="../../desktop/app.py" line="231"/>
        <source>Database in use</source>
        <translation>ฐานข้อมูลกำลังถูกใช้งาน</translation>
    </message>
    <message>
        <location filename="../../desktop/app.py" line="232"/>
        <source>The database %1 is already open in another Khrueakhai window.</source>
        <translation>ฐานข้อมูล %1 เปิดอยู่แล้วในโปรแกรมเครือข่ายอีกหน้าต่างหนึ่ง</translation>
    </message>
    <message>
        <location filename="../../desktop/app.py" line="238"/>
        <source>Close the other window first. If no other Khrueakhai is running (process %1), delete the file %2 and start again.</source>
        <translation>ปิดหน้าต่างนั้นก่อน หากไม่มีโปรแกรมเครือข่ายเปิดอยู่ (โพรเซส %1) ให้ลบไฟล์ %2 แล้วเปิดโปรแกรมใหม่</translation>
    </message>
</context>
<context>
    <name>BeCalendarPopup</name>
    <message>
        <location filename="../../desktop/widgets/be_date_edit.py" line="87"/>
        <source>Previous month</source>
        <translation>เดือนก่อนหน้า</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/be_date_edit.py" line="91"/>
        <source>Next month</source>
        <translation>เดือนถัดไป</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/be_date_edit.py" line="100"/>
        <source>Year (Buddhist era)</source>
        <translation>ปี (พ.ศ.)</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/be_date_edit.py" line="109"/>
        <source>Today</source>
        <translation>วันนี้</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/be_date_edit.py" line="111"/>
        <source>Clear</source>
        <translation>ล้าง</translation>
    </message>
</context>
<context>
    <name>BeDateEdit</name>
    <message>
        <location filename="../../desktop/widgets/be_date_edit.py" line="58"/>
        <source>Unknown month name. Write it like ต.ค. or ตุลาคม</source>
        <translation>ไม่รู้จักชื่อเดือนนี้ ให้เขียนแบบ ต.ค. หรือ ตุลาคม</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/be_date_edit.py" line="60"/>
        <source>The year is out of range. Type a Buddhist-era year such as 2557</source>
        <translation>ปีอยู่นอกช่วงที่รับได้ ให้พิมพ์ปี พ.ศ. เช่น 2557</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/be_date_edit.py" line="62"/>
        <source>This date does not exist. Check the day and the month</source>
        <translation>ไม่มีวันที่นี้ ตรวจสอบวันและเดือนอีกครั้ง</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/be_date_edit.py" line="63"/>
        <source>Cannot read this as a date. Type it like 2/10/2557 or 2 ต.ค. 57</source>
        <translation>อ่านเป็นวันที่ไม่ได้ ให้พิมพ์แบบ 2/10/2557 หรือ 2 ต.ค. 57</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/be_date_edit.py" line="183"/>
        <location filename="../../desktop/widgets/be_date_edit.py" line="270"/>
        <source>e.g. 2/10/2557</source>
        <translation>เช่น 2/10/2557</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/be_date_edit.py" line="184"/>
        <location filename="../../desktop/widgets/be_date_edit.py" line="271"/>
        <source>Choose from a calendar</source>
        <translation>เลือกจากปฏิทิน</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <location filename="../../desktop/app.py" line="258"/>
        <source>Something went wrong</source>
        <translation>เกิดข้อผิดพลาด</translation>
    </message>
    <message>
        <location filename="../../desktop/app.py" line="262"/>
        <source>Khrueakhai ran into an unexpected problem. Work you have already saved is safe. If this happens again, copy the details and send them to whoever supports the program.</source>
        <translation>โปรแกรมเครือข่ายพบปัญหาที่ไม่คาดคิด งานที่บันทึกไว้แล้วยังอยู่ครบ หากเกิดขึ้นอีก ให้คัดลอกรายละเอียดแล้วส่งให้ผู้ดูแลโปรแกรม</translation>
    </message>
    <message>
        <location filename="../../desktop/app.py" line="275"/>
        <source>Copy details</source>
        <translation>คัดลอกรายละเอียด</translation>
    </message>
    <message>
        <location filename="../../desktop/app.py" line="293"/>
        <source>Copied</source>
        <translation>คัดลอกแล้ว</translation>
    </message>
</context>
<context>
    <name>ProgressDialog</name>
    <message>
        <location filename="../../desktop/widgets/progress_dialog.py" line="55"/>
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/progress_dialog.py" line="98"/>
        <source>Cancelling…</source>
        <translation>กำลังยกเลิก…</translation>
    </message>
</context>
<context>
    <name>SelfCheck</name>
    <message>
        <location filename="../../desktop/self_check.py" line="119"/>
        <source>Thai translation loaded</source>
        <translation>โหลดคำแปลภาษาไทยแล้ว</translation>
    </message>
</context>
<context>
    <name>TagEdit</name>
    <message>
        <location filename="../../desktop/widgets/tag_edit.py" line="115"/>
        <source>Type and press Enter</source>
        <translation>พิมพ์แล้วกด Enter</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/tag_edit.py" line="212"/>
        <source>Remove this tag</source>
        <translation>ลบแท็กนี้</translation>
    </message>
</context>
</TS>
