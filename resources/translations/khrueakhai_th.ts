<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="th_TH" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../desktop/main_window.py" line="663"/>
        <source>(licence file not found: %1)</source>
        <translation>(ไม่พบไฟล์สัญญาอนุญาต: %1)</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="686"/>
        <source>About Khrueakhai</source>
        <translation>เกี่ยวกับโปรแกรมเครือข่าย</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="690"/>
        <source>Version %1</source>
        <translation>เวอร์ชัน %1</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="694"/>
        <source>The member register and meeting planner of the networks of Thailand&apos;s local-government officials.</source>
        <translation>ทะเบียนสมาชิกและเครื่องมือวางแผนการประชุมสำหรับเครือข่ายบุคลากรส่วนท้องถิ่นทั่วประเทศ</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="720"/>
        <source>Licences</source>
        <translation>สัญญาอนุญาต</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="721"/>
        <source>Khrueakhai ships these fonts, data and components:</source>
        <translation>โปรแกรมเครือข่ายมาพร้อมฟอนต์ ข้อมูล และส่วนประกอบต่อไปนี้:</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="722"/>
        <source>The Sarabun font family: SIL Open Font License 1.1</source>
        <translation>ฟอนต์ตระกูล Sarabun: SIL Open Font License 1.1</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="724"/>
        <source>Thai provinces, districts and sub-districts from %1: MIT License</source>
        <translation>ข้อมูลจังหวัด อำเภอ และตำบลของไทยจาก %1: MIT License</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="726"/>
        <source>Other components</source>
        <translation>ส่วนประกอบอื่น ๆ</translation>
    </message>
</context>
<context>
    <name>AccessReport</name>
    <message>
        <location filename="../../desktop/printing/access_report.py" line="36"/>
        <source>Title</source>
        <translation>คำนำหน้าชื่อ</translation>
    </message>
    <message>
        <location filename="../../desktop/printing/access_report.py" line="37"/>
        <source>First name</source>
        <translation>ชื่อ</translation>
    </message>
    <message>
        <location filename="../../desktop/printing/access_report.py" line="38"/>
        <source>Last name</source>
        <translation>นามสกุล</translation>
    </message>
    <message>
        <location filename="../../desktop/printing/access_report.py" line="39"/>
        <source>First name (English)</source>
        <translation>ชื่อ (ภาษาอังกฤษ)</translation>
    </message>
    <message>
        <location filename="../../desktop/printing/access_report.py" line="40"/>
        <source>Last name (English)</source>
        <translation>นามสกุล (ภาษาอังกฤษ)</translation>
    </message>
    <message>
        <location filename="../../desktop/printing/access_report.py" line="41"/>
        <source>Nickname</source>
        <translation>ชื่อเล่น</translation>
    </message>
    <message>
        <location filename="../../desktop/printing/access_report.py" line="42"/>
        <source>National ID</source>
        <translation>เลขประจำตัวประชาชน</translation>
    </message>
    <message>
        <location filename="../../desktop/printing/access_report.py" line="43"/>
        <source>Date of birth</source>
        <translation>วันเกิด</translation>
    </message>
    <message>
        <location filename="../../desktop/printing/access_report.py" line="44"/>
        <source>Gender</source>
        <translation>เพศ</translation>
    </message>
    <message>
        <location filename="../../desktop/printing/access_report.py" line="45"/>
        <source>Personnel type</source>
        <translation>ประเภทบุคลากร</translation>
    </message>
    <message>
        <location filename="../../desktop/printing/access_report.py" line="46"/>
        <source>Position</source>
        <translation>ตำแหน่ง</translation>
    </message>
    <message>
        <location filename="../../desktop/printing/access_report.py" line="47"/>
        <source>Position type</source>
        <translation>ประเภทตำแหน่ง</translation>
    </message>
    <message>
        <location filename="../../desktop/printing/access_report.py" line="48"/>
        <source>Position level</source>
        <translation>ระดับตำแหน่ง</translation>
    </message>
    <message>
        <location filename="../../desktop/printing/access_report.py" line="49"/>
        <source>Mobile phone</source>
        <translation>โทรศัพท์มือถือ</translation>
    </message>
    <message>
        <location filename="../../desktop/printing/access_report.py" line="50"/>
        <source>Office phone</source>
        <translation>โทรศัพท์ที่ทำงาน</translation>
    </message>
    <message>
        <location filename="../../desktop/printing/access_report.py" line="51"/>
        <source>E-mail</source>
        <translation>อีเมล</translation>
    </message>
    <message>
        <location filename="../../desktop/printing/access_report.py" line="52"/>
        <source>LINE ID</source>
        <translation>ไลน์ไอดี</translation>
    </message>
    <message>
        <location filename="../../desktop/printing/access_report.py" line="53"/>
        <source>Address</source>
        <translation>ที่อยู่</translation>
    </message>
    <message>
        <location filename="../../desktop/printing/access_report.py" line="54"/>
        <source>Membership number</source>
        <translation>เลขที่สมาชิก</translation>
    </message>
    <message>
        <location filename="../../desktop/printing/access_report.py" line="55"/>
        <source>Status</source>
        <translation>สถานะ</translation>
    </message>
    <message>
        <location filename="../../desktop/printing/access_report.py" line="56"/>
        <source>Member since</source>
        <translation>เป็นสมาชิกตั้งแต่</translation>
    </message>
    <message>
        <location filename="../../desktop/printing/access_report.py" line="57"/>
        <source>Membership expires</source>
        <translation>สมาชิกภาพสิ้นสุด</translation>
    </message>
    <message>
        <location filename="../../desktop/printing/access_report.py" line="58"/>
        <source>Notes</source>
        <translation>หมายเหตุ</translation>
    </message>
    <message>
        <location filename="../../desktop/printing/access_report.py" line="59"/>
        <source>Consent recorded on</source>
        <translation>วันที่ให้ความยินยอม</translation>
    </message>
    <message>
        <location filename="../../desktop/printing/access_report.py" line="60"/>
        <source>Purpose of consent</source>
        <translation>วัตถุประสงค์ของความยินยอม</translation>
    </message>
    <message>
        <location filename="../../desktop/printing/access_report.py" line="61"/>
        <source>Record created</source>
        <translation>สร้างระเบียนเมื่อ</translation>
    </message>
    <message>
        <location filename="../../desktop/printing/access_report.py" line="62"/>
        <source>Last changed</source>
        <translation>แก้ไขล่าสุดเมื่อ</translation>
    </message>
    <message>
        <location filename="../../desktop/printing/access_report.py" line="63"/>
        <source>Deleted from the register</source>
        <translation>ลบออกจากทะเบียนเมื่อ</translation>
    </message>
    <message>
        <location filename="../../desktop/printing/access_report.py" line="64"/>
        <source>Record id</source>
        <translation>รหัสระเบียน</translation>
    </message>
    <message>
        <location filename="../../desktop/printing/access_report.py" line="70"/>
        <source>Created</source>
        <translation>สร้าง</translation>
    </message>
    <message>
        <location filename="../../desktop/printing/access_report.py" line="71"/>
        <source>Changed</source>
        <translation>แก้ไข</translation>
    </message>
    <message>
        <location filename="../../desktop/printing/access_report.py" line="72"/>
        <source>Deleted</source>
        <translation>ลบ</translation>
    </message>
    <message>
        <location filename="../../desktop/printing/access_report.py" line="73"/>
        <source>Restored</source>
        <translation>กู้คืน</translation>
    </message>
    <message>
        <location filename="../../desktop/printing/access_report.py" line="74"/>
        <source>Imported</source>
        <translation>นำเข้า</translation>
    </message>
    <message>
        <location filename="../../desktop/printing/access_report.py" line="75"/>
        <source>Merged</source>
        <translation>รวมระเบียน</translation>
    </message>
    <message>
        <location filename="../../desktop/printing/access_report.py" line="76"/>
        <location filename="../../desktop/printing/access_report.py" line="279"/>
        <source>Undone</source>
        <translation>ยกเลิกการทำรายการ</translation>
    </message>
    <message>
        <location filename="../../desktop/printing/access_report.py" line="77"/>
        <source>Personal data erased</source>
        <translation>ลบข้อมูลส่วนบุคคล</translation>
    </message>
    <message>
        <location filename="../../desktop/printing/access_report.py" line="140"/>
        <source>None recorded.</source>
        <translation>ไม่มีข้อมูล</translation>
    </message>
    <message>
        <location filename="../../desktop/printing/access_report.py" line="180"/>
        <source>Right of access under the Personal Data Protection Act B.E. 2562</source>
        <translation>ตามสิทธิขอเข้าถึงข้อมูลส่วนบุคคล พระราชบัญญัติคุ้มครองข้อมูลส่วนบุคคล พ.ศ. 2562</translation>
    </message>
    <message>
        <location filename="../../desktop/printing/access_report.py" line="188"/>
        <source>Member</source>
        <translation>สมาชิก</translation>
    </message>
    <message>
        <location filename="../../desktop/printing/access_report.py" line="189"/>
        <source>Prepared on</source>
        <translation>จัดทำเมื่อ</translation>
    </message>
    <message>
        <location filename="../../desktop/printing/access_report.py" line="199"/>
        <source>Organisation</source>
        <translation>หน่วยงาน</translation>
    </message>
    <message>
        <location filename="../../desktop/printing/access_report.py" line="203"/>
        <source>Province</source>
        <translation>จังหวัด</translation>
    </message>
    <message>
        <location filename="../../desktop/printing/access_report.py" line="209"/>
        <source>Profile</source>
        <translation>ข้อมูลส่วนตัว</translation>
    </message>
    <message>
        <location filename="../../desktop/printing/access_report.py" line="222"/>
        <source>Strengths</source>
        <translation>ความถนัด</translation>
    </message>
    <message>
        <location filename="../../desktop/printing/access_report.py" line="233"/>
        <source>Groups and roles</source>
        <translation>กลุ่มและบทบาท</translation>
    </message>
    <message>
        <location filename="../../desktop/printing/access_report.py" line="228"/>
        <location filename="../../desktop/printing/access_report.py" line="245"/>
        <source>Group</source>
        <translation>กลุ่ม</translation>
    </message>
    <message>
        <location filename="../../desktop/printing/access_report.py" line="229"/>
        <source>Role</source>
        <translation>บทบาท</translation>
    </message>
    <message>
        <location filename="../../desktop/printing/access_report.py" line="230"/>
        <source>From</source>
        <translation>ตั้งแต่</translation>
    </message>
    <message>
        <location filename="../../desktop/printing/access_report.py" line="231"/>
        <source>Until</source>
        <translation>ถึง</translation>
    </message>
    <message>
        <location filename="../../desktop/printing/access_report.py" line="215"/>
        <source>removed</source>
        <translation>ลบแล้ว</translation>
    </message>
    <message>
        <location filename="../../desktop/printing/access_report.py" line="247"/>
        <source>Dues payments</source>
        <translation>การชำระค่าบำรุง</translation>
    </message>
    <message>
        <location filename="../../desktop/printing/access_report.py" line="241"/>
        <source>Fiscal year</source>
        <translation>ปีงบประมาณ</translation>
    </message>
    <message>
        <location filename="../../desktop/printing/access_report.py" line="242"/>
        <source>Amount (baht)</source>
        <translation>จำนวนเงิน (บาท)</translation>
    </message>
    <message>
        <location filename="../../desktop/printing/access_report.py" line="243"/>
        <source>Paid on</source>
        <translation>วันที่ชำระ</translation>
    </message>
    <message>
        <location filename="../../desktop/printing/access_report.py" line="244"/>
        <source>Receipt</source>
        <translation>ใบเสร็จ</translation>
    </message>
    <message>
        <location filename="../../desktop/printing/access_report.py" line="254"/>
        <source>History of changes</source>
        <translation>ประวัติการเปลี่ยนแปลง</translation>
    </message>
    <message>
        <location filename="../../desktop/printing/access_report.py" line="268"/>
        <source>Imports from files</source>
        <translation>การนำเข้าจากไฟล์</translation>
    </message>
    <message>
        <location filename="../../desktop/printing/access_report.py" line="259"/>
        <location filename="../../desktop/printing/access_report.py" line="337"/>
        <source>When</source>
        <translation>เมื่อ</translation>
    </message>
    <message>
        <location filename="../../desktop/printing/access_report.py" line="262"/>
        <source>File</source>
        <translation>ไฟล์</translation>
    </message>
    <message>
        <location filename="../../desktop/printing/access_report.py" line="263"/>
        <source>Row</source>
        <translation>แถว</translation>
    </message>
    <message>
        <location filename="../../desktop/printing/access_report.py" line="264"/>
        <source>What the import did</source>
        <translation>การดำเนินการ</translation>
    </message>
    <message>
        <location filename="../../desktop/printing/access_report.py" line="266"/>
        <source>created the record</source>
        <translation>สร้างระเบียน</translation>
    </message>
    <message>
        <location filename="../../desktop/printing/access_report.py" line="267"/>
        <source>updated the record</source>
        <translation>ปรับปรุงระเบียน</translation>
    </message>
    <message>
        <location filename="../../desktop/printing/access_report.py" line="281"/>
        <source>Merged records</source>
        <translation>ระเบียนที่รวมเข้าด้วยกัน</translation>
    </message>
    <message>
        <location filename="../../desktop/printing/access_report.py" line="278"/>
        <source>Record merged into this one</source>
        <translation>ระเบียนที่รวมเข้ามา</translation>
    </message>
    <message>
        <location filename="../../desktop/printing/access_report.py" line="286"/>
        <source>Other records: %1</source>
        <translation>ข้อมูลอื่น: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/printing/access_report.py" line="291"/>
        <source>The same data is given as a JSON file for other programs.</source>
        <translation>ข้อมูลชุดเดียวกันนี้ให้ไว้เป็นไฟล์ JSON สำหรับใช้กับโปรแกรมอื่นด้วย</translation>
    </message>
    <message>
        <location filename="../../desktop/printing/access_report.py" line="310"/>
        <source>value erased</source>
        <translation>ค่าถูกลบแล้ว</translation>
    </message>
    <message>
        <location filename="../../desktop/printing/access_report.py" line="311"/>
        <source>Reason</source>
        <translation>เหตุผล</translation>
    </message>
    <message>
        <location filename="../../desktop/printing/access_report.py" line="338"/>
        <source>What</source>
        <translation>รายการ</translation>
    </message>
    <message>
        <location filename="../../desktop/printing/access_report.py" line="339"/>
        <source>By (user / PC)</source>
        <translation>โดย (ผู้ใช้ / เครื่อง)</translation>
    </message>
    <message>
        <location filename="../../desktop/printing/access_report.py" line="340"/>
        <source>Details</source>
        <translation>รายละเอียด</translation>
    </message>
    <message>
        <location filename="../../desktop/printing/access_report.py" line="179"/>
        <location filename="../../desktop/printing/access_report.py" line="357"/>
        <source>Personal data held about a member</source>
        <translation>ข้อมูลส่วนบุคคลของสมาชิกที่เก็บรักษาไว้</translation>
    </message>
</context>
<context>
    <name>Accounts</name>
    <message>
        <location filename="../../desktop/accounts/controller.py" line="161"/>
        <source>&amp;Lock</source>
        <translation>&amp;ล็อกหน้าจอ</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/controller.py" line="162"/>
        <source>Sign &amp;out</source>
        <translation>&amp;ออกจากระบบ</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/privacy.py" line="45"/>
        <source>Hidden (personal data)</source>
        <translation>ซ่อนไว้ (ข้อมูลส่วนบุคคล)</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/privacy.py" line="55"/>
        <source>Your role does not allow exporting personal data.</source>
        <translation>บทบาทของคุณไม่อนุญาตให้ส่งออกข้อมูลส่วนบุคคล</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/texts.py" line="12"/>
        <source>Administrator</source>
        <translation>ผู้ดูแลระบบ</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/texts.py" line="13"/>
        <source>Secretary</source>
        <translation>เลขานุการ</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/texts.py" line="14"/>
        <source>Viewer</source>
        <translation>ผู้ดูข้อมูล</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/texts.py" line="18"/>
        <location filename="../../desktop/accounts/texts.py" line="19"/>
        <source>Wrong user name or password.</source>
        <translation>ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/texts.py" line="20"/>
        <source>This user is disabled. Ask an administrator.</source>
        <translation>ผู้ใช้นี้ถูกระงับการใช้งาน กรุณาติดต่อผู้ดูแลระบบ</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/texts.py" line="21"/>
        <source>A user name is 1 to 64 letters or digits, without spaces.</source>
        <translation>ชื่อผู้ใช้ต้องเป็นตัวอักษรหรือตัวเลข 1 ถึง 64 ตัว และไม่มีช่องว่าง</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/texts.py" line="24"/>
        <source>Another user already has this name.</source>
        <translation>มีผู้ใช้อื่นใช้ชื่อนี้แล้ว</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/texts.py" line="25"/>
        <source>The display name is longer than 120 characters.</source>
        <translation>ชื่อที่แสดงยาวเกิน 120 ตัวอักษร</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/texts.py" line="28"/>
        <source>Choose a role.</source>
        <translation>กรุณาเลือกบทบาท</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/texts.py" line="29"/>
        <source>There is no user with this name.</source>
        <translation>ไม่มีผู้ใช้ชื่อนี้</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/texts.py" line="30"/>
        <source>There must be at least one active administrator.</source>
        <translation>ต้องมีผู้ดูแลระบบที่ใช้งานได้อย่างน้อยหนึ่งคน</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/texts.py" line="33"/>
        <source>Only an administrator can turn the login on.</source>
        <translation>เฉพาะผู้ดูแลระบบเท่านั้นที่เปิดการเข้าสู่ระบบได้</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/texts.py" line="34"/>
        <source>The idle time must be between 1 and 480 minutes.</source>
        <translation>เวลาที่ไม่มีการใช้งานต้องอยู่ระหว่าง 1 ถึง 480 นาที</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/texts.py" line="37"/>
        <source>A password has at least 8 characters.</source>
        <translation>รหัสผ่านต้องมีอย่างน้อย 8 ตัวอักษร</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/texts.py" line="38"/>
        <source>A password has at most 256 characters.</source>
        <translation>รหัสผ่านต้องมีไม่เกิน 256 ตัวอักษร</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/texts.py" line="39"/>
        <source>A password cannot be only spaces.</source>
        <translation>รหัสผ่านต้องไม่เป็นช่องว่างล้วน</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/texts.py" line="40"/>
        <source>The password cannot be the user name.</source>
        <translation>รหัสผ่านต้องไม่ซ้ำกับชื่อผู้ใช้</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/texts.py" line="41"/>
        <source>The two passwords are not the same.</source>
        <translation>รหัสผ่านทั้งสองช่องไม่ตรงกัน</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/texts.py" line="42"/>
        <source>Your role does not allow this.</source>
        <translation>บทบาทของคุณไม่อนุญาตให้ทำรายการนี้</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/texts.py" line="61"/>
        <source>Too many wrong passwords. Try again in %n second(s).</source>
        <translation>ใส่รหัสผ่านผิดหลายครั้งเกินไป กรุณาลองใหม่ในอีก %n วินาที</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/texts.py" line="68"/>
        <source>Refused: %1</source>
        <translation>ไม่สามารถดำเนินการได้: %1</translation>
    </message>
</context>
<context>
    <name>AddToGroupDialog</name>
    <message>
        <location filename="../../desktop/members/group_dialogs.py" line="164"/>
        <source>Add to group</source>
        <translation>เพิ่มเข้ากลุ่ม</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/members/group_dialogs.py" line="165"/>
        <source>Add %Ln selected member(s) to:</source>
        <translation>
            <numerusform>เพิ่มสมาชิกที่เลือก %Ln คนเข้ากลุ่ม:</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/members/group_dialogs.py" line="178"/>
        <source>Group</source>
        <translation>กลุ่ม</translation>
    </message>
    <message>
        <location filename="../../desktop/members/group_dialogs.py" line="179"/>
        <source>Role</source>
        <translation>บทบาท</translation>
    </message>
    <message>
        <location filename="../../desktop/members/group_dialogs.py" line="180"/>
        <source>Since</source>
        <translation>ตั้งแต่วันที่</translation>
    </message>
</context>
<context>
    <name>AdminProofDialog</name>
    <message>
        <location filename="../../desktop/accounts/users_panel.py" line="152"/>
        <source>Turn the login on</source>
        <translation>เปิดการเข้าสู่ระบบ</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/users_panel.py" line="155"/>
        <source>From the next start, everyone signs in with their own user name and password, and the app locks when idle. Confirm with an administrator&apos;s password.</source>
        <translation>ตั้งแต่การเปิดโปรแกรมครั้งถัดไป ทุกคนต้องเข้าสู่ระบบด้วยชื่อผู้ใช้และรหัสผ่านของตนเอง และโปรแกรมจะล็อกเมื่อไม่มีการใช้งาน กรุณายืนยันด้วยรหัสผ่านของผู้ดูแลระบบ</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/users_panel.py" line="167"/>
        <source>Administrator</source>
        <translation>ผู้ดูแลระบบ</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/users_panel.py" line="168"/>
        <source>Password</source>
        <translation>รหัสผ่าน</translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <location filename="../../desktop/app.py" line="239"/>
        <source>Database in use</source>
        <translation>ฐานข้อมูลกำลังถูกใช้งาน</translation>
    </message>
    <message>
        <location filename="../../desktop/app.py" line="240"/>
        <source>The database %1 is already open in another Khrueakhai window.</source>
        <translation>ฐานข้อมูล %1 เปิดอยู่แล้วในโปรแกรมเครือข่ายอีกหน้าต่างหนึ่ง</translation>
    </message>
    <message>
        <location filename="../../desktop/app.py" line="246"/>
        <source>Close the other window first. If no other Khrueakhai is running (process %1), delete the file %2 and start again.</source>
        <translation>ปิดหน้าต่างนั้นก่อน หากไม่มีโปรแกรมเครือข่ายเปิดอยู่ (โพรเซส %1) ให้ลบไฟล์ %2 แล้วเปิดโปรแกรมใหม่</translation>
    </message>
</context>
<context>
    <name>AssociationPage</name>
    <message>
        <location filename="../../desktop/settings_pages/association.py" line="144"/>
        <source>Association</source>
        <translation>สมาคม</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_pages/association.py" line="147"/>
        <source>&amp;Name (Thai):</source>
        <translation>ชื่อ (ภาษาไทย) (&amp;N):</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_pages/association.py" line="148"/>
        <source>Name (&amp;English):</source>
        <translation>ชื่อ (ภาษาอังกฤษ) (&amp;E):</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_pages/association.py" line="149"/>
        <source>A&amp;ddress:</source>
        <translation>ที่อยู่ (&amp;D):</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_pages/association.py" line="150"/>
        <source>&amp;Phone:</source>
        <translation>โทรศัพท์ (&amp;P):</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_pages/association.py" line="151"/>
        <source>E-&amp;mail:</source>
        <translation>อีเมล (&amp;M):</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_pages/association.py" line="152"/>
        <source>Logo:</source>
        <translation>ตราสัญลักษณ์:</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_pages/association.py" line="153"/>
        <source>e.g. สมาคมปลัดองค์กรปกครองส่วนท้องถิ่น</source>
        <translation>เช่น สมาคมปลัดองค์กรปกครองส่วนท้องถิ่น</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_pages/association.py" line="154"/>
        <source>e.g. 0 2123 4567 ต่อ 12</source>
        <translation>เช่น 0 2123 4567 ต่อ 12</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_pages/association.py" line="155"/>
        <source>&amp;Choose image…</source>
        <translation>เลือกรูปภาพ (&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_pages/association.py" line="156"/>
        <source>Remo&amp;ve logo</source>
        <translation>นำตราสัญลักษณ์ออก (&amp;V)</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_pages/association.py" line="159"/>
        <source>PNG, JPEG or another image; larger than %1 pixels is scaled down. Use the association&apos;s own logo, never the Garuda emblem.</source>
        <translation>ใช้ไฟล์ PNG, JPEG หรือรูปภาพแบบอื่น รูปที่ใหญ่กว่า %1 พิกเซลจะถูกย่อลง ใช้ตราสัญลักษณ์ของสมาคมเอง ห้ามใช้ตราครุฑ</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_pages/association.py" line="164"/>
        <source>Signatories on documents (at most %1)</source>
        <translation>ผู้ลงนามในเอกสาร (ไม่เกิน %1 คน)</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_pages/association.py" line="213"/>
        <source>Choose the association&apos;s logo</source>
        <translation>เลือกตราสัญลักษณ์ของสมาคม</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_pages/association.py" line="215"/>
        <source>Images (%1)</source>
        <translation>รูปภาพ (%1)</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_pages/association.py" line="255"/>
        <source>No logo</source>
        <translation>ไม่มีตราสัญลักษณ์</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_pages/association.py" line="299"/>
        <source>Name (Thai)</source>
        <translation>ชื่อ (ภาษาไทย)</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_pages/association.py" line="300"/>
        <source>Name (English)</source>
        <translation>ชื่อ (ภาษาอังกฤษ)</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_pages/association.py" line="301"/>
        <source>Address</source>
        <translation>ที่อยู่</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_pages/association.py" line="302"/>
        <source>Phone</source>
        <translation>โทรศัพท์</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_pages/association.py" line="303"/>
        <source>E-mail</source>
        <translation>อีเมล</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_pages/association.py" line="307"/>
        <source>Give the association&apos;s name in Thai: documents print it above the other details.</source>
        <translation>กรุณาใส่ชื่อสมาคมเป็นภาษาไทย เอกสารจะพิมพ์ชื่อนี้ไว้เหนือรายละเอียดอื่น</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_pages/association.py" line="309"/>
        <source>The e-mail address is not valid (name@example.com).</source>
        <translation>อีเมลไม่ถูกต้อง (เช่น name@example.com)</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_pages/association.py" line="310"/>
        <source>The phone number needs at least 9 digits.</source>
        <translation>หมายเลขโทรศัพท์ต้องมีอย่างน้อย 9 หลัก</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_pages/association.py" line="311"/>
        <source>The logo is not a PNG image: choose the image again.</source>
        <translation>ตราสัญลักษณ์ไม่ใช่รูปภาพ PNG กรุณาเลือกรูปภาพใหม่</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_pages/association.py" line="313"/>
        <source>The logo is too large even when scaled down: choose a simpler image.</source>
        <translation>ตราสัญลักษณ์ยังใหญ่เกินไปแม้ย่อแล้ว กรุณาเลือกรูปภาพที่เรียบง่ายกว่านี้</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_pages/association.py" line="316"/>
        <source>This file cannot be read as an image: choose a PNG or JPEG file.</source>
        <translation>ไม่สามารถอ่านไฟล์นี้เป็นรูปภาพได้ กรุณาเลือกไฟล์ PNG หรือ JPEG</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_pages/association.py" line="319"/>
        <source>This image file is over %1 MB: a logo needs far less.</source>
        <translation>ไฟล์รูปภาพนี้ใหญ่เกิน %1 MB ตราสัญลักษณ์ใช้ไฟล์เล็กกว่านี้มาก</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_pages/association.py" line="322"/>
        <source>This image is over %1 pixels on a side: a logo needs far fewer.</source>
        <translation>รูปภาพนี้มีด้านยาวเกิน %1 พิกเซล ตราสัญลักษณ์ใช้ขนาดเล็กกว่านี้มาก</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_pages/association.py" line="324"/>
        <source>At most %1 signatories.</source>
        <translation>ผู้ลงนามได้ไม่เกิน %1 คน</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_pages/association.py" line="327"/>
        <source>Signatory %1: give the name.</source>
        <translation>ผู้ลงนามคนที่ %1: กรุณาใส่ชื่อ</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_pages/association.py" line="331"/>
        <source>Signatory %1: give the line they sign as (such as นายกสมาคม).</source>
        <translation>ผู้ลงนามคนที่ %1: กรุณาใส่ตำแหน่งที่ลงนาม (เช่น นายกสมาคม)</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_pages/association.py" line="336"/>
        <source>Signatory %1: the text is too long.</source>
        <translation>ผู้ลงนามคนที่ %1: ข้อความยาวเกินไป</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_pages/association.py" line="337"/>
        <source>%1: the text is too long.</source>
        <translation>%1: ข้อความยาวเกินไป</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_pages/association.py" line="340"/>
        <source>This cannot be saved: %1</source>
        <translation>บันทึกไม่ได้: %1</translation>
    </message>
</context>
<context>
    <name>BackupSettingsPanel</name>
    <message>
        <location filename="../../desktop/backup/settings_panel.py" line="54"/>
        <source>Choose…</source>
        <translation>เลือก…</translation>
    </message>
    <message>
        <location filename="../../desktop/backup/settings_panel.py" line="59"/>
        <source>Every day</source>
        <translation>ทุกวัน</translation>
    </message>
    <message>
        <location filename="../../desktop/backup/settings_panel.py" line="60"/>
        <source>Every week</source>
        <translation>ทุกสัปดาห์</translation>
    </message>
    <message>
        <location filename="../../desktop/backup/settings_panel.py" line="61"/>
        <source>Off (only by hand and before risky work)</source>
        <translation>ปิด (สำรองเองหรือก่อนงานเสี่ยงเท่านั้น)</translation>
    </message>
    <message>
        <location filename="../../desktop/backup/settings_panel.py" line="66"/>
        <source>A backup is also made before every import, merge, restore and program update. A USB drive or a shared folder keeps the register safe when this PC fails.</source>
        <translation>โปรแกรมจะสำรองข้อมูลก่อนการนำเข้า การรวมรายชื่อ การกู้คืน และการปรับรุ่นโปรแกรมทุกครั้ง การเก็บไว้ในแฟลชไดรฟ์หรือโฟลเดอร์ที่แชร์ช่วยให้ทะเบียนปลอดภัยแม้เครื่องนี้เสีย</translation>
    </message>
    <message>
        <location filename="../../desktop/backup/settings_panel.py" line="81"/>
        <source>daily</source>
        <translation>รายวัน</translation>
    </message>
    <message>
        <location filename="../../desktop/backup/settings_panel.py" line="82"/>
        <source>weekly</source>
        <translation>รายสัปดาห์</translation>
    </message>
    <message>
        <location filename="../../desktop/backup/settings_panel.py" line="83"/>
        <source>monthly</source>
        <translation>รายเดือน</translation>
    </message>
    <message>
        <location filename="../../desktop/backup/settings_panel.py" line="89"/>
        <source>Backup &amp;folder:</source>
        <translation>&amp;โฟลเดอร์สำรองข้อมูล:</translation>
    </message>
    <message>
        <location filename="../../desktop/backup/settings_panel.py" line="90"/>
        <source>&amp;Automatic backup:</source>
        <translation>สำรอง&amp;อัตโนมัติ:</translation>
    </message>
    <message>
        <location filename="../../desktop/backup/settings_panel.py" line="91"/>
        <source>Keep:</source>
        <translation>เก็บไว้:</translation>
    </message>
    <message>
        <location filename="../../desktop/backup/settings_panel.py" line="132"/>
        <source>Give the whole path of the backup folder (for example E:\Backups).</source>
        <translation>กรุณาระบุที่อยู่เต็มของโฟลเดอร์สำรองข้อมูล (เช่น E:\Backups)</translation>
    </message>
    <message>
        <location filename="../../desktop/backup/settings_panel.py" line="134"/>
        <source>The backup folder is a file, not a folder.</source>
        <translation>ที่ระบุเป็นไฟล์ ไม่ใช่โฟลเดอร์</translation>
    </message>
    <message>
        <location filename="../../desktop/backup/settings_panel.py" line="155"/>
        <source>Choose the backup folder</source>
        <translation>เลือกโฟลเดอร์สำรองข้อมูล</translation>
    </message>
</context>
<context>
    <name>Backups</name>
    <message>
        <location filename="../../desktop/backup/texts.py" line="14"/>
        <source>Backed up by hand</source>
        <translation>สำรองด้วยตนเอง</translation>
    </message>
    <message>
        <location filename="../../desktop/backup/texts.py" line="15"/>
        <source>Scheduled</source>
        <translation>ตามกำหนดเวลา</translation>
    </message>
    <message>
        <location filename="../../desktop/backup/texts.py" line="16"/>
        <source>Before an import</source>
        <translation>ก่อนนำเข้าข้อมูล</translation>
    </message>
    <message>
        <location filename="../../desktop/backup/texts.py" line="17"/>
        <source>Before merging members</source>
        <translation>ก่อนรวมรายชื่อสมาชิก</translation>
    </message>
    <message>
        <location filename="../../desktop/backup/texts.py" line="18"/>
        <source>Before a program update</source>
        <translation>ก่อนปรับรุ่นโปรแกรม</translation>
    </message>
    <message>
        <location filename="../../desktop/backup/texts.py" line="19"/>
        <source>Before a restore</source>
        <translation>ก่อนกู้คืนข้อมูล</translation>
    </message>
    <message>
        <location filename="../../desktop/backup/texts.py" line="22"/>
        <source>The file is not there any more.</source>
        <translation>ไม่พบไฟล์นี้แล้ว</translation>
    </message>
    <message>
        <location filename="../../desktop/backup/texts.py" line="23"/>
        <source>The file is not a Khrueakhai database.</source>
        <translation>ไฟล์นี้ไม่ใช่ฐานข้อมูลของเครือข่าย</translation>
    </message>
    <message>
        <location filename="../../desktop/backup/texts.py" line="24"/>
        <source>The file is damaged (SQLite&apos;s integrity check failed). Choose another backup.</source>
        <translation>ไฟล์เสียหาย (ไม่ผ่านการตรวจความสมบูรณ์ของ SQLite) กรุณาเลือกไฟล์สำรองอื่น</translation>
    </message>
    <message>
        <location filename="../../desktop/backup/texts.py" line="27"/>
        <source>The backup was made by a newer version of Khrueakhai. Install that version to restore it.</source>
        <translation>ไฟล์สำรองนี้สร้างจากโปรแกรมเครือข่ายรุ่นที่ใหม่กว่า กรุณาติดตั้งรุ่นนั้นเพื่อกู้คืน</translation>
    </message>
    <message>
        <location filename="../../desktop/backup/texts.py" line="31"/>
        <source>The database is in use by another program. Close it and try again.</source>
        <translation>มีโปรแกรมอื่นใช้ฐานข้อมูลอยู่ กรุณาปิดโปรแกรมนั้นแล้วลองใหม่</translation>
    </message>
    <message>
        <location filename="../../desktop/backup/texts.py" line="34"/>
        <source>The backup folder cannot be written. Plug in the drive or choose another folder.</source>
        <translation>บันทึกลงโฟลเดอร์สำรองข้อมูลไม่ได้ กรุณาเสียบไดรฟ์หรือเลือกโฟลเดอร์อื่น</translation>
    </message>
    <message>
        <location filename="../../desktop/backup/texts.py" line="38"/>
        <source>Cancelled: nothing was changed.</source>
        <translation>ยกเลิกแล้ว ไม่มีการเปลี่ยนแปลงใด ๆ</translation>
    </message>
    <message>
        <location filename="../../desktop/backup/texts.py" line="57"/>
        <location filename="../../desktop/backup/texts.py" line="61"/>
        <source>It could not be done: %1</source>
        <translation>ทำไม่สำเร็จ: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/backup/texts.py" line="76"/>
        <source>%1 GB</source>
        <translation>%1 GB</translation>
    </message>
    <message>
        <location filename="../../desktop/backup/texts.py" line="80"/>
        <source>%1 MB</source>
        <translation>%1 MB</translation>
    </message>
    <message>
        <location filename="../../desktop/backup/texts.py" line="83"/>
        <source>%1 KB</source>
        <translation>%1 KB</translation>
    </message>
    <message>
        <location filename="../../desktop/backup/dialog.py" line="360"/>
        <source>passed</source>
        <translation>ผ่าน</translation>
    </message>
    <message>
        <location filename="../../desktop/backup/dialog.py" line="361"/>
        <source>FAILED: this backup is damaged</source>
        <translation>ไม่ผ่าน: ไฟล์สำรองนี้เสียหาย</translation>
    </message>
    <message>
        <location filename="../../desktop/backup/dialog.py" line="362"/>
        <source>not checked yet</source>
        <translation>ยังไม่ได้ตรวจ</translation>
    </message>
    <message>
        <location filename="../../desktop/backup/dialog.py" line="365"/>
        <source>Made</source>
        <translation>สำรองเมื่อ</translation>
    </message>
    <message>
        <location filename="../../desktop/backup/dialog.py" line="366"/>
        <source>Why</source>
        <translation>เหตุผล</translation>
    </message>
    <message>
        <location filename="../../desktop/backup/dialog.py" line="367"/>
        <source>Members</source>
        <translation>สมาชิก</translation>
    </message>
    <message>
        <location filename="../../desktop/backup/dialog.py" line="368"/>
        <source>Organisations</source>
        <translation>หน่วยงาน</translation>
    </message>
    <message>
        <location filename="../../desktop/backup/dialog.py" line="369"/>
        <source>Groups</source>
        <translation>กลุ่ม</translation>
    </message>
    <message>
        <location filename="../../desktop/backup/dialog.py" line="370"/>
        <source>Dues payments</source>
        <translation>การชำระค่าบำรุง</translation>
    </message>
    <message>
        <location filename="../../desktop/backup/dialog.py" line="371"/>
        <source>Integrity check</source>
        <translation>ตรวจความสมบูรณ์</translation>
    </message>
    <message>
        <location filename="../../desktop/backup/dialog.py" line="372"/>
        <source>File</source>
        <translation>ไฟล์</translation>
    </message>
    <message>
        <location filename="../../desktop/backup/menu.py" line="23"/>
        <source>&amp;Backups…</source>
        <translation>&amp;สำรองข้อมูล…</translation>
    </message>
    <message>
        <location filename="../../desktop/backup/scheduler.py" line="77"/>
        <source>Backed up automatically to %1</source>
        <translation>สำรองข้อมูลอัตโนมัติไว้ที่ %1 แล้ว</translation>
    </message>
    <message>
        <location filename="../../desktop/backup/scheduler.py" line="86"/>
        <source>The automatic backup failed: %1</source>
        <translation>สำรองข้อมูลอัตโนมัติไม่สำเร็จ: %1</translation>
    </message>
</context>
<context>
    <name>BackupsDialog</name>
    <message>
        <location filename="../../desktop/backup/dialog.py" line="83"/>
        <source>Backups</source>
        <translation>สำรองข้อมูล</translation>
    </message>
    <message>
        <location filename="../../desktop/backup/dialog.py" line="92"/>
        <source>Made</source>
        <translation>สำรองเมื่อ</translation>
    </message>
    <message>
        <location filename="../../desktop/backup/dialog.py" line="92"/>
        <source>Why</source>
        <translation>เหตุผล</translation>
    </message>
    <message>
        <location filename="../../desktop/backup/dialog.py" line="92"/>
        <source>Members</source>
        <translation>สมาชิก</translation>
    </message>
    <message>
        <location filename="../../desktop/backup/dialog.py" line="92"/>
        <source>Size</source>
        <translation>ขนาด</translation>
    </message>
    <message>
        <location filename="../../desktop/backup/dialog.py" line="92"/>
        <source>Check</source>
        <translation>ตรวจสอบ</translation>
    </message>
    <message>
        <location filename="../../desktop/backup/dialog.py" line="111"/>
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
    </message>
    <message>
        <location filename="../../desktop/backup/dialog.py" line="118"/>
        <source>Back up now</source>
        <translation>สำรองข้อมูลเดี๋ยวนี้</translation>
    </message>
    <message>
        <location filename="../../desktop/backup/dialog.py" line="121"/>
        <source>Restore…</source>
        <translation>กู้คืน…</translation>
    </message>
    <message>
        <location filename="../../desktop/backup/dialog.py" line="124"/>
        <source>Restore from a file…</source>
        <translation>กู้คืนจากไฟล์อื่น…</translation>
    </message>
    <message>
        <location filename="../../desktop/backup/dialog.py" line="127"/>
        <source>Close</source>
        <translation>ปิด</translation>
    </message>
    <message>
        <location filename="../../desktop/backup/dialog.py" line="161"/>
        <source>Backup folder: %1</source>
        <translation>โฟลเดอร์สำรองข้อมูล: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/backup/dialog.py" line="165"/>
        <source>ok</source>
        <translation>ปกติ</translation>
    </message>
    <message>
        <location filename="../../desktop/backup/dialog.py" line="165"/>
        <source>damaged</source>
        <translation>เสียหาย</translation>
    </message>
    <message>
        <location filename="../../desktop/backup/dialog.py" line="183"/>
        <source>There are no backups in this folder yet.</source>
        <translation>ยังไม่มีไฟล์สำรองข้อมูลในโฟลเดอร์นี้</translation>
    </message>
    <message>
        <location filename="../../desktop/backup/dialog.py" line="212"/>
        <source>Backing up…</source>
        <translation>กำลังสำรองข้อมูล…</translation>
    </message>
    <message>
        <location filename="../../desktop/backup/dialog.py" line="224"/>
        <source>Cancelling…</source>
        <translation>กำลังยกเลิก…</translation>
    </message>
    <message>
        <location filename="../../desktop/backup/dialog.py" line="230"/>
        <source>Backed up: %1 (%2).</source>
        <translation>สำรองข้อมูลแล้ว: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../desktop/backup/dialog.py" line="241"/>
        <source>Restore a backup</source>
        <translation>กู้คืนข้อมูลจากไฟล์สำรอง</translation>
    </message>
    <message>
        <location filename="../../desktop/backup/dialog.py" line="242"/>
        <source>Replace the register with the backup made %1?</source>
        <translation>แทนที่ทะเบียนด้วยไฟล์สำรองเมื่อ %1 หรือไม่</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/backup/dialog.py" line="249"/>
        <source>Everything changed since then is replaced by what the backup holds (%Ln member(s)). The register as it is now is backed up first, so this can be undone by restoring that backup.</source>
        <translation>
            <numerusform>ทุกอย่างที่แก้ไขหลังจากนั้นจะถูกแทนที่ด้วยข้อมูลในไฟล์สำรอง (สมาชิก %Ln คน) ทะเบียนในสภาพปัจจุบันจะถูกสำรองไว้ก่อน จึงย้อนกลับได้โดยกู้คืนจากไฟล์สำรองนั้น</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/backup/dialog.py" line="256"/>
        <source>Restore</source>
        <translation>กู้คืน</translation>
    </message>
    <message>
        <location filename="../../desktop/backup/dialog.py" line="265"/>
        <source>Restoring… (the current state is backed up first)</source>
        <translation>กำลังกู้คืน… (สำรองข้อมูลปัจจุบันไว้ก่อน)</translation>
    </message>
    <message>
        <location filename="../../desktop/backup/dialog.py" line="286"/>
        <source>Choose a backup</source>
        <translation>เลือกไฟล์สำรองข้อมูล</translation>
    </message>
    <message>
        <location filename="../../desktop/backup/dialog.py" line="288"/>
        <source>Khrueakhai database (*.sqlite);;All files (*)</source>
        <translation>ฐานข้อมูลเครือข่าย (*.sqlite);;ทุกไฟล์ (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/backup/dialog.py" line="309"/>
        <source>Restored the backup made %1. The register as it was is kept in %2.</source>
        <translation>กู้คืนไฟล์สำรองเมื่อ %1 แล้ว ทะเบียนก่อนกู้คืนเก็บไว้ใน %2</translation>
    </message>
</context>
<context>
    <name>BackupsPage</name>
    <message>
        <location filename="../../desktop/settings_pages/backups.py" line="28"/>
        <source>Backups</source>
        <translation>การสำรองข้อมูล</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_pages/backups.py" line="63"/>
        <source>The backup settings could not be saved: %1</source>
        <translation>บันทึกการตั้งค่าการสำรองข้อมูลไม่ได้: %1</translation>
    </message>
</context>
<context>
    <name>BeCalendarPopup</name>
    <message>
        <location filename="../../desktop/widgets/be_date_edit.py" line="88"/>
        <source>Previous month</source>
        <translation>เดือนก่อนหน้า</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/be_date_edit.py" line="92"/>
        <source>Next month</source>
        <translation>เดือนถัดไป</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/be_date_edit.py" line="101"/>
        <source>Year (Buddhist era)</source>
        <translation>ปี (พ.ศ.)</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/be_date_edit.py" line="110"/>
        <source>Today</source>
        <translation>วันนี้</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/be_date_edit.py" line="112"/>
        <source>Clear</source>
        <translation>ล้าง</translation>
    </message>
</context>
<context>
    <name>BeDateEdit</name>
    <message>
        <location filename="../../desktop/widgets/be_date_edit.py" line="59"/>
        <source>Unknown month name. Write it like ต.ค. or ตุลาคม</source>
        <translation>ไม่รู้จักชื่อเดือนนี้ ให้เขียนแบบ ต.ค. หรือ ตุลาคม</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/be_date_edit.py" line="61"/>
        <source>The year is out of range. Type a Buddhist-era year such as 2557</source>
        <translation>ปีอยู่นอกช่วงที่รับได้ ให้พิมพ์ปี พ.ศ. เช่น 2557</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/be_date_edit.py" line="63"/>
        <source>This date does not exist. Check the day and the month</source>
        <translation>ไม่มีวันที่นี้ ตรวจสอบวันและเดือนอีกครั้ง</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/be_date_edit.py" line="64"/>
        <source>Cannot read this as a date. Type it like 2/10/2557 or 2 ต.ค. 57</source>
        <translation>อ่านเป็นวันที่ไม่ได้ ให้พิมพ์แบบ 2/10/2557 หรือ 2 ต.ค. 57</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/be_date_edit.py" line="184"/>
        <location filename="../../desktop/widgets/be_date_edit.py" line="271"/>
        <source>e.g. 2/10/2557</source>
        <translation>เช่น 2/10/2557</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/be_date_edit.py" line="185"/>
        <location filename="../../desktop/widgets/be_date_edit.py" line="272"/>
        <source>Choose from a calendar</source>
        <translation>เลือกจากปฏิทิน</translation>
    </message>
</context>
<context>
    <name>DamagedDatabaseDialog</name>
    <message>
        <location filename="../../desktop/backup/damaged.py" line="64"/>
        <location filename="../../desktop/backup/damaged.py" line="66"/>
        <source>The database is damaged</source>
        <translation>ฐานข้อมูลเสียหาย</translation>
    </message>
    <message>
        <location filename="../../desktop/backup/damaged.py" line="69"/>
        <source>Khrueakhai checked the database %1 and found it damaged (perhaps the power failed or the disk is failing). It will not be opened, so that nothing more is lost. Restore a backup: the damaged file is kept beside it, renamed, for whoever may repair it.</source>
        <translation>เครือข่ายตรวจฐานข้อมูล %1 แล้วพบว่าเสียหาย (อาจเกิดจากไฟดับหรือดิสก์ใกล้เสีย) โปรแกรมจะไม่เปิดฐานข้อมูลนี้ เพื่อไม่ให้ข้อมูลสูญหายเพิ่ม กรุณากู้คืนจากไฟล์สำรอง ไฟล์ที่เสียหายจะถูกเก็บไว้ข้าง ๆ โดยเปลี่ยนชื่อ เพื่อให้ผู้ดูแลนำไปซ่อมได้</translation>
    </message>
    <message>
        <location filename="../../desktop/backup/damaged.py" line="85"/>
        <source>The latest good backup:</source>
        <translation>ไฟล์สำรองล่าสุดที่ใช้ได้:</translation>
    </message>
    <message>
        <location filename="../../desktop/backup/damaged.py" line="89"/>
        <source>No backup was found in %1.</source>
        <translation>ไม่พบไฟล์สำรองข้อมูลใน %1</translation>
    </message>
    <message>
        <location filename="../../desktop/backup/damaged.py" line="94"/>
        <source>Restore the latest backup</source>
        <translation>กู้คืนจากไฟล์สำรองล่าสุด</translation>
    </message>
    <message>
        <location filename="../../desktop/backup/damaged.py" line="99"/>
        <source>Choose another backup…</source>
        <translation>เลือกไฟล์สำรองอื่น…</translation>
    </message>
    <message>
        <location filename="../../desktop/backup/damaged.py" line="102"/>
        <source>Quit</source>
        <translation>ออกจากโปรแกรม</translation>
    </message>
    <message>
        <location filename="../../desktop/backup/damaged.py" line="123"/>
        <source>Restoring… this may take a minute.</source>
        <translation>กำลังกู้คืน… อาจใช้เวลาสักครู่</translation>
    </message>
    <message>
        <location filename="../../desktop/backup/damaged.py" line="143"/>
        <source>Choose a backup</source>
        <translation>เลือกไฟล์สำรองข้อมูล</translation>
    </message>
    <message>
        <location filename="../../desktop/backup/damaged.py" line="144"/>
        <source>Khrueakhai database (*.sqlite);;All files (*)</source>
        <translation>ฐานข้อมูลเครือข่าย (*.sqlite);;ทุกไฟล์ (*)</translation>
    </message>
</context>
<context>
    <name>DuplicatePairsModel</name>
    <message>
        <location filename="../../desktop/duplicates/pairs_model.py" line="118"/>
        <source>Score</source>
        <translation>คะแนน</translation>
    </message>
    <message>
        <location filename="../../desktop/duplicates/pairs_model.py" line="119"/>
        <source>Record A</source>
        <translation>ระเบียน ก</translation>
    </message>
    <message>
        <location filename="../../desktop/duplicates/pairs_model.py" line="120"/>
        <source>Organisation A</source>
        <translation>หน่วยงาน ก</translation>
    </message>
    <message>
        <location filename="../../desktop/duplicates/pairs_model.py" line="121"/>
        <source>Record B</source>
        <translation>ระเบียน ข</translation>
    </message>
    <message>
        <location filename="../../desktop/duplicates/pairs_model.py" line="122"/>
        <source>Organisation B</source>
        <translation>หน่วยงาน ข</translation>
    </message>
    <message>
        <location filename="../../desktop/duplicates/pairs_model.py" line="123"/>
        <source>Why</source>
        <translation>เหตุผล</translation>
    </message>
</context>
<context>
    <name>Duplicates</name>
    <message>
        <location filename="../../desktop/duplicates/texts.py" line="18"/>
        <source>Prefix</source>
        <translation>คำนำหน้า</translation>
    </message>
    <message>
        <location filename="../../desktop/duplicates/texts.py" line="19"/>
        <source>First name</source>
        <translation>ชื่อ</translation>
    </message>
    <message>
        <location filename="../../desktop/duplicates/texts.py" line="20"/>
        <source>Last name</source>
        <translation>นามสกุล</translation>
    </message>
    <message>
        <location filename="../../desktop/duplicates/texts.py" line="21"/>
        <source>First name (English)</source>
        <translation>ชื่อ (ภาษาอังกฤษ)</translation>
    </message>
    <message>
        <location filename="../../desktop/duplicates/texts.py" line="22"/>
        <source>Last name (English)</source>
        <translation>นามสกุล (ภาษาอังกฤษ)</translation>
    </message>
    <message>
        <location filename="../../desktop/duplicates/texts.py" line="23"/>
        <source>Nickname</source>
        <translation>ชื่อเล่น</translation>
    </message>
    <message>
        <location filename="../../desktop/duplicates/texts.py" line="24"/>
        <source>National ID</source>
        <translation>เลขประจำตัวประชาชน</translation>
    </message>
    <message>
        <location filename="../../desktop/duplicates/texts.py" line="25"/>
        <source>Birth date</source>
        <translation>วันเกิด</translation>
    </message>
    <message>
        <location filename="../../desktop/duplicates/texts.py" line="26"/>
        <source>Gender</source>
        <translation>เพศ</translation>
    </message>
    <message>
        <location filename="../../desktop/duplicates/texts.py" line="27"/>
        <source>Personnel type</source>
        <translation>ประเภทบุคลากร</translation>
    </message>
    <message>
        <location filename="../../desktop/duplicates/texts.py" line="28"/>
        <source>Position</source>
        <translation>ตำแหน่ง</translation>
    </message>
    <message>
        <location filename="../../desktop/duplicates/texts.py" line="29"/>
        <source>Position type</source>
        <translation>ประเภทตำแหน่ง</translation>
    </message>
    <message>
        <location filename="../../desktop/duplicates/texts.py" line="30"/>
        <source>Position level</source>
        <translation>ระดับตำแหน่ง</translation>
    </message>
    <message>
        <location filename="../../desktop/duplicates/texts.py" line="31"/>
        <source>Organisation</source>
        <translation>หน่วยงาน</translation>
    </message>
    <message>
        <location filename="../../desktop/duplicates/texts.py" line="32"/>
        <source>Mobile</source>
        <translation>โทรศัพท์มือถือ</translation>
    </message>
    <message>
        <location filename="../../desktop/duplicates/texts.py" line="33"/>
        <source>Office phone</source>
        <translation>โทรศัพท์ที่ทำงาน</translation>
    </message>
    <message>
        <location filename="../../desktop/duplicates/texts.py" line="34"/>
        <source>Email</source>
        <translation>อีเมล</translation>
    </message>
    <message>
        <location filename="../../desktop/duplicates/texts.py" line="35"/>
        <source>LINE ID</source>
        <translation>ไอดีไลน์</translation>
    </message>
    <message>
        <location filename="../../desktop/duplicates/texts.py" line="36"/>
        <source>Address</source>
        <translation>ที่อยู่</translation>
    </message>
    <message>
        <location filename="../../desktop/duplicates/texts.py" line="37"/>
        <source>Member no.</source>
        <translation>เลขสมาชิก</translation>
    </message>
    <message>
        <location filename="../../desktop/duplicates/texts.py" line="38"/>
        <source>Status</source>
        <translation>สถานะ</translation>
    </message>
    <message>
        <location filename="../../desktop/duplicates/texts.py" line="39"/>
        <source>Joined</source>
        <translation>วันที่เข้าเป็นสมาชิก</translation>
    </message>
    <message>
        <location filename="../../desktop/duplicates/texts.py" line="40"/>
        <source>Expires</source>
        <translation>วันที่หมดอายุ</translation>
    </message>
    <message>
        <location filename="../../desktop/duplicates/texts.py" line="41"/>
        <source>Notes</source>
        <translation>หมายเหตุ</translation>
    </message>
    <message>
        <location filename="../../desktop/duplicates/texts.py" line="42"/>
        <source>PDPA consent date</source>
        <translation>วันที่ให้ความยินยอม (PDPA)</translation>
    </message>
    <message>
        <location filename="../../desktop/duplicates/texts.py" line="43"/>
        <source>PDPA consent purpose</source>
        <translation>วัตถุประสงค์ของความยินยอม (PDPA)</translation>
    </message>
    <message>
        <location filename="../../desktop/duplicates/texts.py" line="50"/>
        <source>Same national ID</source>
        <translation>เลขประจำตัวประชาชนเดียวกัน</translation>
    </message>
    <message>
        <location filename="../../desktop/duplicates/texts.py" line="51"/>
        <source>Same name, same organisation</source>
        <translation>ชื่อเดียวกัน หน่วยงานเดียวกัน</translation>
    </message>
    <message>
        <location filename="../../desktop/duplicates/texts.py" line="54"/>
        <source>Same name, same birth year</source>
        <translation>ชื่อเดียวกัน ปีเกิดเดียวกัน</translation>
    </message>
    <message>
        <location filename="../../desktop/duplicates/texts.py" line="57"/>
        <source>Same mobile number</source>
        <translation>เบอร์มือถือเดียวกัน</translation>
    </message>
    <message>
        <location filename="../../desktop/duplicates/texts.py" line="58"/>
        <source>Same email</source>
        <translation>อีเมลเดียวกัน</translation>
    </message>
    <message>
        <location filename="../../desktop/duplicates/texts.py" line="67"/>
        <source>national ID</source>
        <translation>เลขประจำตัวประชาชน</translation>
    </message>
    <message>
        <location filename="../../desktop/duplicates/texts.py" line="68"/>
        <source>name</source>
        <translation>ชื่อ</translation>
    </message>
    <message>
        <location filename="../../desktop/duplicates/texts.py" line="69"/>
        <source>organisation</source>
        <translation>หน่วยงาน</translation>
    </message>
    <message>
        <location filename="../../desktop/duplicates/texts.py" line="70"/>
        <source>birth year</source>
        <translation>ปีเกิด</translation>
    </message>
    <message>
        <location filename="../../desktop/duplicates/texts.py" line="71"/>
        <source>mobile number</source>
        <translation>เบอร์มือถือ</translation>
    </message>
    <message>
        <location filename="../../desktop/duplicates/texts.py" line="72"/>
        <source>email</source>
        <translation>อีเมล</translation>
    </message>
    <message>
        <location filename="../../desktop/duplicates/texts.py" line="84"/>
        <source>Same %1</source>
        <translation>%1ตรงกัน</translation>
    </message>
    <message>
        <location filename="../../desktop/duplicates/texts.py" line="104"/>
        <source>group memberships</source>
        <translation>การเป็นสมาชิกกลุ่ม</translation>
    </message>
    <message>
        <location filename="../../desktop/duplicates/texts.py" line="105"/>
        <source>dues payments</source>
        <translation>การชำระค่าบำรุง</translation>
    </message>
    <message>
        <location filename="../../desktop/duplicates/texts.py" line="106"/>
        <source>strengths</source>
        <translation>ความเชี่ยวชาญ</translation>
    </message>
    <message>
        <location filename="../../desktop/duplicates/texts.py" line="113"/>
        <source>A member cannot be merged with itself.</source>
        <translation>ไม่สามารถรวมสมาชิกเข้ากับตัวเองได้</translation>
    </message>
    <message>
        <location filename="../../desktop/duplicates/texts.py" line="116"/>
        <source>One of the two members no longer exists (deleted or merged elsewhere?). Scan again.</source>
        <translation>ไม่พบสมาชิกคนใดคนหนึ่งแล้ว (อาจถูกลบหรือรวมจากที่อื่น) กรุณาค้นหาข้อมูลซ้ำอีกครั้ง</translation>
    </message>
    <message>
        <location filename="../../desktop/duplicates/texts.py" line="120"/>
        <source>The merge named a field that does not exist.</source>
        <translation>การรวมข้อมูลอ้างถึงช่องข้อมูลที่ไม่มีอยู่</translation>
    </message>
    <message>
        <location filename="../../desktop/duplicates/texts.py" line="123"/>
        <source>Choose one of the two values for every field.</source>
        <translation>กรุณาเลือกค่าจากระเบียนใดระเบียนหนึ่งให้ครบทุกช่อง</translation>
    </message>
    <message>
        <location filename="../../desktop/duplicates/texts.py" line="126"/>
        <source>There is no such merge.</source>
        <translation>ไม่พบการรวมข้อมูลนี้</translation>
    </message>
    <message>
        <location filename="../../desktop/duplicates/texts.py" line="127"/>
        <source>This merge was already undone.</source>
        <translation>การรวมข้อมูลนี้ถูกยกเลิกไปแล้ว</translation>
    </message>
    <message>
        <location filename="../../desktop/duplicates/texts.py" line="130"/>
        <source>One of these members was merged again since. Undo that merge first.</source>
        <translation>สมาชิกคนหนึ่งในคู่นี้ถูกรวมอีกครั้งในภายหลัง กรุณายกเลิกการรวมครั้งนั้นก่อน</translation>
    </message>
    <message>
        <location filename="../../desktop/duplicates/texts.py" line="133"/>
        <source>The kept member was edited since the merge in a field the merge filled in. Undoing would lose that edit, so the merge stays.</source>
        <translation>ระเบียนที่เก็บไว้ถูกแก้ไขหลังการรวมในช่องที่ได้ค่ามาจากการรวม หากยกเลิกการแก้ไขนั้นจะหายไป จึงคงการรวมไว้</translation>
    </message>
    <message>
        <location filename="../../desktop/duplicates/texts.py" line="138"/>
        <source>The merged member was restored or changed since the merge, so it cannot be undone.</source>
        <translation>ระเบียนที่ถูกรวมไปถูกกู้คืนหรือแก้ไขหลังการรวม จึงยกเลิกการรวมไม่ได้</translation>
    </message>
    <message>
        <location filename="../../desktop/duplicates/texts.py" line="142"/>
        <source>A group membership, payment or other record the merge moved was changed since, so the merge cannot be undone.</source>
        <translation>การเป็นสมาชิกกลุ่ม การชำระเงิน หรือข้อมูลอื่นที่ย้ายมาตอนรวมถูกแก้ไขไปแล้ว จึงยกเลิกการรวมไม่ได้</translation>
    </message>
    <message>
        <location filename="../../desktop/duplicates/texts.py" line="147"/>
        <source>Another member now has the national ID the undo would give back.</source>
        <translation>ขณะนี้มีสมาชิกคนอื่นใช้เลขประจำตัวประชาชนที่การยกเลิกจะคืนให้แล้ว</translation>
    </message>
    <message>
        <location filename="../../desktop/duplicates/texts.py" line="150"/>
        <source>Both members have a record that cannot exist twice and cannot be closed.</source>
        <translation>สมาชิกทั้งสองมีข้อมูลที่มีซ้ำกันไม่ได้และไม่สามารถปิดได้</translation>
    </message>
    <message>
        <location filename="../../desktop/duplicates/texts.py" line="154"/>
        <source>The merge was refused: %1</source>
        <translation>ไม่สามารถรวมข้อมูลได้: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/duplicates/naming.py" line="50"/>
        <source>%1 (record A)</source>
        <translation>%1 (ระเบียน ก)</translation>
    </message>
    <message>
        <location filename="../../desktop/duplicates/naming.py" line="51"/>
        <source>%1 (record B)</source>
        <translation>%1 (ระเบียน ข)</translation>
    </message>
    <message>
        <location filename="../../desktop/duplicates/naming.py" line="56"/>
        <source>%1 (record A, %2 %3)</source>
        <translation>%1 (ระเบียน ก, %2 %3)</translation>
    </message>
    <message>
        <location filename="../../desktop/duplicates/naming.py" line="58"/>
        <source>%1 (record B, %2 %3)</source>
        <translation>%1 (ระเบียน ข, %2 %3)</translation>
    </message>
    <message>
        <location filename="../../desktop/duplicates/naming.py" line="89"/>
        <source>%1 (%2 %3)</source>
        <translation>%1 (%2 %3)</translation>
    </message>
    <message>
        <location filename="../../desktop/duplicates/naming.py" line="97"/>
        <source>The two records of “%1” are marked as different people.</source>
        <translation>บันทึกแล้วว่าระเบียนทั้งสองของ “%1” เป็นคนละคนกัน</translation>
    </message>
    <message>
        <location filename="../../desktop/duplicates/naming.py" line="103"/>
        <source>“%1” and “%2” are marked as different people.</source>
        <translation>บันทึกแล้วว่า “%1” และ “%2” เป็นคนละคนกัน</translation>
    </message>
    <message>
        <location filename="../../desktop/duplicates/naming.py" line="112"/>
        <source>Undo the merge of the two records of “%1”</source>
        <translation>ยกเลิกการรวมระเบียนทั้งสองของ “%1”</translation>
    </message>
    <message>
        <location filename="../../desktop/duplicates/naming.py" line="116"/>
        <source>Undo the merge of “%1” into “%2”</source>
        <translation>ยกเลิกการรวม “%1” เข้ากับ “%2”</translation>
    </message>
    <message>
        <location filename="../../desktop/duplicates/naming.py" line="124"/>
        <source>Undo the merge of the two records of “%1”?

Both come back as they were, each with its own groups, dues and strengths.</source>
        <translation>ยกเลิกการรวมระเบียนทั้งสองของ “%1” หรือไม่

ทั้งสองระเบียนจะกลับเป็นเหมือนเดิม พร้อมกลุ่ม ค่าบำรุง และความเชี่ยวชาญของแต่ละระเบียน</translation>
    </message>
    <message>
        <location filename="../../desktop/duplicates/naming.py" line="130"/>
        <source>Undo the merge of “%1” into “%2”?

Both records come back as they were, each with its own groups, dues and strengths.</source>
        <translation>ยกเลิกการรวม “%1” เข้ากับ “%2” หรือไม่

ทั้งสองระเบียนจะกลับเป็นเหมือนเดิม พร้อมกลุ่ม ค่าบำรุง และความเชี่ยวชาญของแต่ละระเบียน</translation>
    </message>
</context>
<context>
    <name>DuplicatesView</name>
    <message>
        <location filename="../../desktop/duplicates/view.py" line="106"/>
        <source>Scan for duplicates</source>
        <translation>ค้นหาข้อมูลซ้ำ</translation>
    </message>
    <message>
        <location filename="../../desktop/duplicates/view.py" line="107"/>
        <source>Not duplicates</source>
        <translation>ไม่ใช่ข้อมูลซ้ำ</translation>
    </message>
    <message>
        <location filename="../../desktop/duplicates/view.py" line="108"/>
        <source>Merge…</source>
        <translation>รวมข้อมูล…</translation>
    </message>
    <message>
        <location filename="../../desktop/duplicates/view.py" line="109"/>
        <source>Undo last merge</source>
        <translation>ยกเลิกการรวมครั้งล่าสุด</translation>
    </message>
    <message>
        <location filename="../../desktop/duplicates/view.py" line="110"/>
        <source>Scan the register to find members recorded twice.</source>
        <translation>ตรวจทะเบียนเพื่อหาสมาชิกที่ถูกบันทึกซ้ำ</translation>
    </message>
    <message>
        <location filename="../../desktop/duplicates/view.py" line="173"/>
        <source>Keep:</source>
        <translation>เก็บไว้:</translation>
    </message>
    <message>
        <location filename="../../desktop/duplicates/view.py" line="224"/>
        <source>Looking for duplicates</source>
        <translation>กำลังค้นหาข้อมูลซ้ำ</translation>
    </message>
    <message>
        <location filename="../../desktop/duplicates/view.py" line="225"/>
        <source>Comparing the members of the register…</source>
        <translation>กำลังเปรียบเทียบสมาชิกในทะเบียน…</translation>
    </message>
    <message>
        <location filename="../../desktop/duplicates/view.py" line="236"/>
        <source>The scan was cancelled.</source>
        <translation>ยกเลิกการค้นหาแล้ว</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/duplicates/view.py" line="247"/>
        <source>%Ln candidate pair(s): best matches first.</source>
        <translation>
            <numerusform>พบคู่ที่อาจซ้ำกัน %Ln คู่ เรียงจากคู่ที่ตรงกันมากที่สุด</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/duplicates/view.py" line="251"/>
        <source>No duplicates found.</source>
        <translation>ไม่พบข้อมูลซ้ำ</translation>
    </message>
    <message>
        <location filename="../../desktop/duplicates/view.py" line="301"/>
        <source>One of these members was deleted or merged since the scan.</source>
        <translation>สมาชิกคนใดคนหนึ่งในคู่นี้ถูกลบหรือถูกรวมไปแล้วหลังการค้นหา</translation>
    </message>
    <message>
        <location filename="../../desktop/duplicates/view.py" line="317"/>
        <source>Record A</source>
        <translation>ระเบียน ก</translation>
    </message>
    <message>
        <location filename="../../desktop/duplicates/view.py" line="318"/>
        <source>Record B</source>
        <translation>ระเบียน ข</translation>
    </message>
    <message>
        <location filename="../../desktop/duplicates/view.py" line="319"/>
        <source>Select a pair to compare the two records.</source>
        <translation>เลือกคู่เพื่อเปรียบเทียบข้อมูลของทั้งสองระเบียน</translation>
    </message>
    <message>
        <location filename="../../desktop/duplicates/view.py" line="322"/>
        <source>Record A: %1</source>
        <translation>ระเบียน ก: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/duplicates/view.py" line="323"/>
        <source>Record B: %1</source>
        <translation>ระเบียน ข: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/duplicates/view.py" line="359"/>
        <source>Kept: %1. The other record is deleted (Undo last merge brings it back).</source>
        <translation>เก็บไว้: %1 อีกระเบียนหนึ่งจะถูกลบ (นำกลับมาได้ด้วย “ยกเลิกการรวมครั้งล่าสุด”)</translation>
    </message>
    <message>
        <location filename="../../desktop/duplicates/view.py" line="362"/>
        <source>Moves to the kept record: %1.</source>
        <translation>ย้ายไปยังระเบียนที่เก็บไว้: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/duplicates/view.py" line="364"/>
        <source>Nothing else to move from the other record.</source>
        <translation>ไม่มีข้อมูลอื่นที่ต้องย้ายจากอีกระเบียนหนึ่ง</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/duplicates/view.py" line="366"/>
        <source>%Ln value(s) taken from the other record; strengths of both are kept.</source>
        <translation>
            <numerusform>ใช้ค่าจากอีกระเบียนหนึ่ง %Ln ช่อง ความเชี่ยวชาญของทั้งสองระเบียนจะเก็บไว้ทั้งหมด</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/duplicates/view.py" line="384"/>
        <source>Merge members</source>
        <translation>รวมข้อมูลสมาชิก</translation>
    </message>
    <message>
        <location filename="../../desktop/duplicates/view.py" line="387"/>
        <source>Merge “%1” into “%2”?

The kept record takes the values ticked for it and every group membership, dues payment and strength of both. The other record is deleted; Undo last merge brings it back.</source>
        <translation>รวม “%1” เข้ากับ “%2” หรือไม่

ระเบียนที่เก็บไว้จะใช้ค่าที่เลือกไว้ และได้รับการเป็นสมาชิกกลุ่ม การชำระค่าบำรุง และความเชี่ยวชาญทั้งหมดของทั้งสองระเบียน อีกระเบียนหนึ่งจะถูกลบ และนำกลับมาได้ด้วย “ยกเลิกการรวมครั้งล่าสุด”</translation>
    </message>
    <message>
        <location filename="../../desktop/duplicates/view.py" line="413"/>
        <location filename="../../desktop/duplicates/view.py" line="419"/>
        <source>The members could not be merged</source>
        <translation>ไม่สามารถรวมข้อมูลสมาชิกได้</translation>
    </message>
    <message>
        <location filename="../../desktop/duplicates/view.py" line="424"/>
        <source>Merged “%1” into “%2”.</source>
        <translation>รวม “%1” เข้ากับ “%2” แล้ว</translation>
    </message>
    <message>
        <location filename="../../desktop/duplicates/view.py" line="453"/>
        <source>No merge to undo</source>
        <translation>ไม่มีการรวมข้อมูลที่ยกเลิกได้</translation>
    </message>
    <message>
        <location filename="../../desktop/duplicates/view.py" line="461"/>
        <source>There is no merge to undo.</source>
        <translation>ไม่มีการรวมข้อมูลที่ยกเลิกได้</translation>
    </message>
    <message>
        <location filename="../../desktop/duplicates/view.py" line="465"/>
        <source>Undo merge</source>
        <translation>ยกเลิกการรวมข้อมูล</translation>
    </message>
    <message>
        <location filename="../../desktop/duplicates/view.py" line="481"/>
        <source>The merge could not be undone</source>
        <translation>ไม่สามารถยกเลิกการรวมข้อมูลได้</translation>
    </message>
    <message>
        <location filename="../../desktop/duplicates/view.py" line="485"/>
        <source>The merge was undone. Scan again to review these members.</source>
        <translation>ยกเลิกการรวมข้อมูลแล้ว ค้นหาข้อมูลซ้ำอีกครั้งเพื่อตรวจสอบสมาชิกเหล่านี้</translation>
    </message>
</context>
<context>
    <name>EraseMemberDialog</name>
    <message>
        <location filename="../../desktop/privacy/erase_dialog.py" line="25"/>
        <source>title, first and last name (Thai and English), nickname</source>
        <translation>คำนำหน้า ชื่อ นามสกุล (ไทยและอังกฤษ) ชื่อเล่น</translation>
    </message>
    <message>
        <location filename="../../desktop/privacy/erase_dialog.py" line="28"/>
        <source>national ID, date of birth, membership number</source>
        <translation>เลขประจำตัวประชาชน วันเกิด เลขที่สมาชิก</translation>
    </message>
    <message>
        <location filename="../../desktop/privacy/erase_dialog.py" line="31"/>
        <source>mobile and office phone, e-mail, LINE ID, address</source>
        <translation>โทรศัพท์มือถือและที่ทำงาน อีเมล ไลน์ไอดี ที่อยู่</translation>
    </message>
    <message>
        <location filename="../../desktop/privacy/erase_dialog.py" line="34"/>
        <source>position (text), notes, purpose of consent, strengths</source>
        <translation>ตำแหน่ง (ข้อความ) หมายเหตุ วัตถุประสงค์ของความยินยอม ความถนัด</translation>
    </message>
    <message>
        <location filename="../../desktop/privacy/erase_dialog.py" line="37"/>
        <source>the old values of these fields in the history, import and merge logs</source>
        <translation>ค่าเดิมของข้อมูลเหล่านี้ในประวัติการเปลี่ยนแปลง บันทึกการนำเข้า และบันทึกการรวมระเบียน</translation>
    </message>
    <message>
        <location filename="../../desktop/privacy/erase_dialog.py" line="46"/>
        <source>organisation and province, gender, personnel type</source>
        <translation>หน่วยงานและจังหวัด เพศ ประเภทบุคลากร</translation>
    </message>
    <message>
        <location filename="../../desktop/privacy/erase_dialog.py" line="49"/>
        <source>position type and level, status, membership dates</source>
        <translation>ประเภทและระดับตำแหน่ง สถานะ วันที่เป็นสมาชิก</translation>
    </message>
    <message>
        <location filename="../../desktop/privacy/erase_dialog.py" line="52"/>
        <source>groups and roles, dues payments (for the accounts)</source>
        <translation>กลุ่มและบทบาท การชำระค่าบำรุง (สำหรับบัญชี)</translation>
    </message>
    <message>
        <location filename="../../desktop/privacy/erase_dialog.py" line="64"/>
        <source>Erase personal data</source>
        <translation>ลบข้อมูลส่วนบุคคล</translation>
    </message>
    <message>
        <location filename="../../desktop/privacy/erase_dialog.py" line="68"/>
        <source>The personal data of &lt;b&gt;{name}&lt;/b&gt; will be erased for good. This cannot be undone; backups made before now still hold it until they are rotated away.</source>
        <translation>ข้อมูลส่วนบุคคลของ &lt;b&gt;{name}&lt;/b&gt; จะถูกลบอย่างถาวรและเรียกคืนไม่ได้ ทั้งนี้ ข้อมูลสำรองที่ทำไว้ก่อนหน้านี้ยังคงมีข้อมูลอยู่จนกว่าจะถูกหมุนเวียนลบออก</translation>
    </message>
    <message>
        <location filename="../../desktop/privacy/erase_dialog.py" line="82"/>
        <source>e.g. the member&apos;s written request of 1 Oct 2569</source>
        <translation>เช่น หนังสือขอลบข้อมูลของสมาชิกลงวันที่ 1 ต.ค. 2569</translation>
    </message>
    <message>
        <location filename="../../desktop/privacy/erase_dialog.py" line="86"/>
        <source>Type the last 4 digits of the national ID, or the word {word}</source>
        <translation>พิมพ์เลขประจำตัวประชาชน 4 หลักสุดท้าย หรือคำว่า {word}</translation>
    </message>
    <message>
        <location filename="../../desktop/privacy/erase_dialog.py" line="88"/>
        <source>Type the word {word}</source>
        <translation>พิมพ์คำว่า {word}</translation>
    </message>
    <message>
        <location filename="../../desktop/privacy/erase_dialog.py" line="90"/>
        <source>Reason (kept in the history):</source>
        <translation>เหตุผล (บันทึกไว้ในประวัติ):</translation>
    </message>
    <message>
        <location filename="../../desktop/privacy/erase_dialog.py" line="93"/>
        <source>Erase for good</source>
        <translation>ลบอย่างถาวร</translation>
    </message>
    <message>
        <location filename="../../desktop/privacy/erase_dialog.py" line="113"/>
        <source>Wiped:</source>
        <translation>ข้อมูลที่ถูกลบ:</translation>
    </message>
    <message>
        <location filename="../../desktop/privacy/erase_dialog.py" line="114"/>
        <source>Kept for statistics:</source>
        <translation>ข้อมูลที่เก็บไว้เพื่อสถิติ:</translation>
    </message>
    <message>
        <location filename="../../desktop/privacy/erase_dialog.py" line="115"/>
        <source>The list will show the member as “ข้อมูลถูกลบ”.</source>
        <translation>รายชื่อจะแสดงสมาชิกนี้ว่า “ข้อมูลถูกลบ”</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <location filename="../../desktop/app.py" line="266"/>
        <source>Something went wrong</source>
        <translation>เกิดข้อผิดพลาด</translation>
    </message>
    <message>
        <location filename="../../desktop/app.py" line="270"/>
        <source>Khrueakhai ran into an unexpected problem. Work you have already saved is safe. If this happens again, copy the details and send them to whoever supports the program.</source>
        <translation>โปรแกรมเครือข่ายพบปัญหาที่ไม่คาดคิด งานที่บันทึกไว้แล้วยังอยู่ครบ หากเกิดขึ้นอีก ให้คัดลอกรายละเอียดแล้วส่งให้ผู้ดูแลโปรแกรม</translation>
    </message>
    <message>
        <location filename="../../desktop/app.py" line="283"/>
        <source>Copy details</source>
        <translation>คัดลอกรายละเอียด</translation>
    </message>
    <message>
        <location filename="../../desktop/app.py" line="301"/>
        <source>Copied</source>
        <translation>คัดลอกแล้ว</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../desktop/io/export_dialog.py" line="105"/>
        <location filename="../../desktop/io/export_dialog.py" line="330"/>
        <source>Export members</source>
        <translation>ส่งออกข้อมูลสมาชิก</translation>
    </message>
    <message>
        <location filename="../../desktop/io/export_dialog.py" line="119"/>
        <source>Excel workbook (.xlsx)</source>
        <translation>ไฟล์ Excel (.xlsx)</translation>
    </message>
    <message>
        <location filename="../../desktop/io/export_dialog.py" line="120"/>
        <source>CSV, UTF-8 (.csv)</source>
        <translation>ไฟล์ CSV แบบ UTF-8 (.csv)</translation>
    </message>
    <message>
        <location filename="../../desktop/io/export_dialog.py" line="121"/>
        <source>vCard contacts for phones (.vcf)</source>
        <translation>รายชื่อติดต่อ vCard สำหรับโทรศัพท์ (.vcf)</translation>
    </message>
    <message>
        <location filename="../../desktop/io/export_dialog.py" line="151"/>
        <source>Tick to keep the members&apos; groups and roles when the file is imported again (a whole register&apos;s export takes longer).</source>
        <translation>เลือกช่องนี้เพื่อเก็บกลุ่มและบทบาทของสมาชิกไว้เมื่อนำไฟล์กลับเข้ามาอีกครั้ง (การส่งออกทั้งทะเบียนจะใช้เวลานานขึ้น)</translation>
    </message>
    <message>
        <location filename="../../desktop/io/export_dialog.py" line="154"/>
        <source>Include personal data (national ID, birth date)</source>
        <translation>รวมข้อมูลส่วนบุคคล (เลขประจำตัวประชาชน วันเกิด)</translation>
    </message>
    <message>
        <location filename="../../desktop/io/export_dialog.py" line="158"/>
        <source>Personal data is protected by the PDPA: export it only when the purpose needs it, keep the file safe and delete it when it is no longer needed.</source>
        <translation>ข้อมูลส่วนบุคคลได้รับความคุ้มครองตาม PDPA: ส่งออกเฉพาะเมื่อจำเป็นต่อวัตถุประสงค์ เก็บไฟล์ไว้อย่างปลอดภัย และลบทิ้งเมื่อไม่ใช้แล้ว</translation>
    </message>
    <message>
        <location filename="../../desktop/io/export_dialog.py" line="172"/>
        <source>Buddhist era (%1)</source>
        <translation>พุทธศักราช (%1)</translation>
    </message>
    <message>
        <location filename="../../desktop/io/export_dialog.py" line="173"/>
        <source>Common era (%1)</source>
        <translation>คริสต์ศักราช (%1)</translation>
    </message>
    <message>
        <location filename="../../desktop/io/export_dialog.py" line="177"/>
        <source>Where to save the file</source>
        <translation>ตำแหน่งที่จะบันทึกไฟล์</translation>
    </message>
    <message>
        <location filename="../../desktop/io/export_dialog.py" line="178"/>
        <source>Browse…</source>
        <translation>เรียกดู…</translation>
    </message>
    <message>
        <location filename="../../desktop/io/export_dialog.py" line="188"/>
        <source>Export</source>
        <translation>ส่งออก</translation>
    </message>
    <message>
        <location filename="../../desktop/io/export_dialog.py" line="192"/>
        <source>Cancel export</source>
        <translation>ยกเลิกการส่งออก</translation>
    </message>
    <message>
        <location filename="../../desktop/io/export_dialog.py" line="196"/>
        <source>Open folder</source>
        <translation>เปิดโฟลเดอร์</translation>
    </message>
    <message>
        <location filename="../../desktop/io/export_dialog.py" line="200"/>
        <source>Close</source>
        <translation>ปิด</translation>
    </message>
    <message>
        <location filename="../../desktop/io/export_dialog.py" line="207"/>
        <source>Members</source>
        <translation>สมาชิก</translation>
    </message>
    <message>
        <location filename="../../desktop/io/export_dialog.py" line="211"/>
        <source>Columns</source>
        <translation>คอลัมน์</translation>
    </message>
    <message>
        <location filename="../../desktop/io/export_dialog.py" line="220"/>
        <source>Format:</source>
        <translation>รูปแบบ:</translation>
    </message>
    <message>
        <location filename="../../desktop/io/export_dialog.py" line="221"/>
        <source>Dates:</source>
        <translation>วันที่:</translation>
    </message>
    <message>
        <location filename="../../desktop/io/export_dialog.py" line="222"/>
        <source>File:</source>
        <translation>ไฟล์:</translation>
    </message>
    <message>
        <location filename="../../desktop/io/export_dialog.py" line="269"/>
        <source>The current view</source>
        <translation>รายการที่แสดงอยู่</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/io/export_dialog.py" line="271"/>
        <source>The current view (%Ln member(s))</source>
        <translation>
            <numerusform>รายการที่แสดงอยู่ (%Ln คน)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/io/export_dialog.py" line="272"/>
        <source>The selected members (%Ln)</source>
        <translation>
            <numerusform>สมาชิกที่เลือก (%Ln คน)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/io/export_dialog.py" line="274"/>
        <source>Everyone in the register</source>
        <translation>สมาชิกทุกคนในทะเบียน</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/io/export_dialog.py" line="277"/>
        <source>Everyone in the register (%Ln member(s))</source>
        <translation>
            <numerusform>สมาชิกทุกคนในทะเบียน (%Ln คน)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/io/export_dialog.py" line="314"/>
        <source>A vCard always writes dates as phones read them.</source>
        <translation>ไฟล์ vCard บันทึกวันที่ในรูปแบบที่โทรศัพท์อ่านได้เสมอ</translation>
    </message>
    <message>
        <location filename="../../desktop/io/export_dialog.py" line="323"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>ไฟล์ Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../desktop/io/export_dialog.py" line="324"/>
        <source>CSV file (*.csv)</source>
        <translation>ไฟล์ CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../desktop/io/export_dialog.py" line="325"/>
        <source>vCard file (*.vcf)</source>
        <translation>ไฟล์ vCard (*.vcf)</translation>
    </message>
    <message>
        <location filename="../../desktop/io/export_dialog.py" line="327"/>
        <source>members</source>
        <translation>สมาชิก</translation>
    </message>
    <message>
        <location filename="../../desktop/io/export_dialog.py" line="342"/>
        <source>Choose where to save the file first.</source>
        <translation>กรุณาเลือกตำแหน่งที่จะบันทึกไฟล์ก่อน</translation>
    </message>
    <message>
        <location filename="../../desktop/io/export_dialog.py" line="363"/>
        <source>Exporting…</source>
        <translation>กำลังส่งออก…</translation>
    </message>
    <message>
        <location filename="../../desktop/io/export_dialog.py" line="379"/>
        <source>Cancelling…</source>
        <translation>กำลังยกเลิก…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/io/export_dialog.py" line="410"/>
        <source>%Ln member(s) exported to %1.</source>
        <translation>
            <numerusform>ส่งออกสมาชิก %Ln คนไปยัง %1 แล้ว</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/io/export_dialog.py" line="419"/>
        <source>The export was cancelled: no file was written.</source>
        <translation>ยกเลิกการส่งออกแล้ว: ไม่ได้สร้างไฟล์</translation>
    </message>
</context>
<context>
    <name>ExportTexts</name>
    <message>
        <location filename="../../desktop/io/texts.py" line="120"/>
        <source>Choose at least one column to export.</source>
        <translation>กรุณาเลือกคอลัมน์ที่จะส่งออกอย่างน้อยหนึ่งคอลัมน์</translation>
    </message>
    <message>
        <location filename="../../desktop/io/texts.py" line="123"/>
        <source>Tick “Include personal data” to export national IDs or birth dates.</source>
        <translation>ทำเครื่องหมายที่ “รวมข้อมูลส่วนบุคคล” เพื่อส่งออกเลขประจำตัวประชาชนหรือวันเกิด</translation>
    </message>
    <message>
        <location filename="../../desktop/io/texts.py" line="126"/>
        <source>Choose a file ending in .xlsx, .csv or .vcf.</source>
        <translation>กรุณาเลือกไฟล์นามสกุล .xlsx, .csv หรือ .vcf</translation>
    </message>
    <message>
        <location filename="../../desktop/io/texts.py" line="129"/>
        <source>There are no members to put in the vCard file.</source>
        <translation>ไม่มีสมาชิกที่จะใส่ในไฟล์ vCard</translation>
    </message>
    <message>
        <location filename="../../desktop/io/texts.py" line="132"/>
        <source>The file cannot be written: is it open in another program, or is the disk full?</source>
        <translation>ไม่สามารถบันทึกไฟล์ได้: ไฟล์อาจเปิดอยู่ในโปรแกรมอื่น หรือพื้นที่ดิสก์อาจเต็ม</translation>
    </message>
    <message>
        <location filename="../../desktop/io/texts.py" line="136"/>
        <source>A value is too long for an Excel cell: export to CSV instead.</source>
        <translation>มีข้อมูลยาวเกินกว่าที่เซลล์ Excel รับได้: กรุณาส่งออกเป็น CSV แทน</translation>
    </message>
    <message>
        <location filename="../../desktop/io/texts.py" line="139"/>
        <source>Too many members for one Excel sheet: export to CSV or narrow the filter.</source>
        <translation>จำนวนสมาชิกมากเกินกว่าที่ชีต Excel เดียวรับได้: กรุณาส่งออกเป็น CSV หรือใช้ตัวกรองให้แคบลง</translation>
    </message>
    <message>
        <location filename="../../desktop/io/texts.py" line="149"/>
        <source>%1 is a folder: add a file name to the path.</source>
        <translation>%1 เป็นโฟลเดอร์ ไม่ใช่ไฟล์: เพิ่มชื่อไฟล์ต่อท้ายที่อยู่</translation>
    </message>
    <message>
        <location filename="../../desktop/io/texts.py" line="152"/>
        <source>The folder %1 does not exist: choose an existing folder (Browse…) or create it first.</source>
        <translation>ไม่มีโฟลเดอร์ %1: เลือกโฟลเดอร์ที่มีอยู่ (เรียกดู…) หรือสร้างโฟลเดอร์นี้ก่อน</translation>
    </message>
    <message>
        <location filename="../../desktop/io/texts.py" line="156"/>
        <source>%1 cannot be written: the file may be open in another program (close it and try again), or this folder may not be written to (choose another folder).</source>
        <translation>บันทึก %1 ไม่ได้: ไฟล์อาจเปิดอยู่ในโปรแกรมอื่น (ปิดไฟล์แล้วลองอีกครั้ง) หรือไม่มีสิทธิ์บันทึกในโฟลเดอร์นี้ (เลือกโฟลเดอร์อื่น)</translation>
    </message>
    <message>
        <location filename="../../desktop/io/texts.py" line="161"/>
        <source>The disk is full: %1 could not be written. Free some space or choose another disk.</source>
        <translation>พื้นที่ดิสก์เต็ม: บันทึก %1 ไม่ได้ ลบไฟล์ที่ไม่ใช้เพื่อให้มีพื้นที่ หรือเลือกดิสก์อื่น</translation>
    </message>
</context>
<context>
    <name>FieldErrors</name>
    <message>
        <location filename="../../desktop/members/field_errors.py" line="20"/>
        <source>This birth date is not plausible: in the future, before 1900, or under 15 years ago.</source>
        <translation>วันเกิดนี้ดูไม่ถูกต้อง: เป็นวันในอนาคต ก่อน พ.ศ. 2443 หรืออายุยังไม่ถึง 15 ปี</translation>
    </message>
    <message>
        <location filename="../../desktop/members/field_errors.py" line="24"/>
        <source>The membership cannot expire before the member joined.</source>
        <translation>วันหมดอายุต้องไม่อยู่ก่อนวันที่เข้าเป็นสมาชิก</translation>
    </message>
    <message>
        <location filename="../../desktop/members/field_errors.py" line="27"/>
        <source>The consent date cannot be in the future.</source>
        <translation>วันที่ให้ความยินยอมต้องไม่เป็นวันในอนาคต</translation>
    </message>
    <message>
        <location filename="../../desktop/members/field_errors.py" line="33"/>
        <source>This year is not plausible: was a Buddhist-era year typed as a CE year?</source>
        <translation>ปีนี้ดูไม่ถูกต้อง: พิมพ์ปี พ.ศ. ลงในช่องปี ค.ศ. หรือไม่</translation>
    </message>
    <message>
        <location filename="../../desktop/members/field_errors.py" line="41"/>
        <source>The first name is required.</source>
        <translation>กรุณากรอกชื่อ</translation>
    </message>
    <message>
        <location filename="../../desktop/members/field_errors.py" line="42"/>
        <source>This field is required.</source>
        <translation>กรุณากรอกช่องนี้</translation>
    </message>
    <message>
        <location filename="../../desktop/members/field_errors.py" line="43"/>
        <source>This is too long.</source>
        <translation>ข้อความยาวเกินไป</translation>
    </message>
    <message>
        <location filename="../../desktop/members/field_errors.py" line="44"/>
        <source>This national ID is not valid: check the 13 digits.</source>
        <translation>เลขประจำตัวประชาชนไม่ถูกต้อง: ตรวจสอบตัวเลขทั้ง 13 หลัก</translation>
    </message>
    <message>
        <location filename="../../desktop/members/field_errors.py" line="47"/>
        <source>Another member already has this national ID.</source>
        <translation>มีสมาชิกคนอื่นใช้เลขประจำตัวประชาชนนี้แล้ว</translation>
    </message>
    <message>
        <location filename="../../desktop/members/field_errors.py" line="50"/>
        <source>This is not a Thai phone number: 10 digits for a mobile (08x…), 9 for a landline.</source>
        <translation>หมายเลขโทรศัพท์ไม่ถูกต้อง: มือถือมี 10 หลัก (08x…) โทรศัพท์พื้นฐานมี 9 หลัก</translation>
    </message>
    <message>
        <location filename="../../desktop/members/field_errors.py" line="54"/>
        <source>The e-mail address should look like name@example.com.</source>
        <translation>อีเมลควรอยู่ในรูปแบบ name@example.com</translation>
    </message>
    <message>
        <location filename="../../desktop/members/field_errors.py" line="57"/>
        <source>This organisation is not in the register.</source>
        <translation>ไม่พบหน่วยงานนี้ในทะเบียน</translation>
    </message>
    <message>
        <location filename="../../desktop/members/field_errors.py" line="60"/>
        <source>Choose the organisation from the list that appears as you type.</source>
        <translation>กรุณาเลือกหน่วยงานจากรายการที่แสดงขึ้นขณะพิมพ์</translation>
    </message>
    <message>
        <location filename="../../desktop/members/field_errors.py" line="63"/>
        <source>Choose a value from the list.</source>
        <translation>กรุณาเลือกจากรายการ</translation>
    </message>
    <message>
        <location filename="../../desktop/members/field_errors.py" line="64"/>
        <source>Write what the member consented to, with the consent date.</source>
        <translation>กรุณาระบุวัตถุประสงค์ที่สมาชิกให้ความยินยอม พร้อมกับวันที่ให้ความยินยอม</translation>
    </message>
    <message>
        <location filename="../../desktop/members/field_errors.py" line="67"/>
        <source>Give the date of the consent, with its purpose.</source>
        <translation>กรุณาระบุวันที่ให้ความยินยอม พร้อมกับวัตถุประสงค์</translation>
    </message>
    <message>
        <location filename="../../desktop/members/field_errors.py" line="70"/>
        <source>This member no longer exists (deleted elsewhere?).</source>
        <translation>ไม่พบสมาชิกนี้แล้ว (อาจถูกลบจากที่อื่น)</translation>
    </message>
    <message>
        <location filename="../../desktop/members/field_errors.py" line="85"/>
        <source>This value is not valid ({detail}).</source>
        <translation>ค่านี้ไม่ถูกต้อง ({detail})</translation>
    </message>
</context>
<context>
    <name>FilterPanel</name>
    <message>
        <location filename="../../desktop/members/filter_panel.py" line="96"/>
        <source>Region</source>
        <translation>ภาค</translation>
    </message>
    <message>
        <location filename="../../desktop/members/filter_panel.py" line="97"/>
        <source>Province</source>
        <translation>จังหวัด</translation>
    </message>
    <message>
        <location filename="../../desktop/members/filter_panel.py" line="98"/>
        <source>Organisation type</source>
        <translation>ประเภทหน่วยงาน</translation>
    </message>
    <message>
        <location filename="../../desktop/members/filter_panel.py" line="99"/>
        <source>Personnel type</source>
        <translation>ประเภทบุคลากร</translation>
    </message>
    <message>
        <location filename="../../desktop/members/filter_panel.py" line="100"/>
        <source>Membership status</source>
        <translation>สถานะสมาชิก</translation>
    </message>
    <message>
        <location filename="../../desktop/members/filter_panel.py" line="101"/>
        <source>Group</source>
        <translation>กลุ่ม</translation>
    </message>
    <message>
        <location filename="../../desktop/members/filter_panel.py" line="102"/>
        <source>Strength</source>
        <translation>ความเชี่ยวชาญ</translation>
    </message>
    <message>
        <location filename="../../desktop/members/filter_panel.py" line="103"/>
        <source>Position</source>
        <translation>ตำแหน่ง</translation>
    </message>
    <message>
        <location filename="../../desktop/members/filter_panel.py" line="330"/>
        <source>Clear filters</source>
        <translation>ล้างตัวกรอง</translation>
    </message>
    <message>
        <location filename="../../desktop/members/filter_panel.py" line="405"/>
        <source>The counts could not be updated.</source>
        <translation>ไม่สามารถอัปเดตจำนวนได้</translation>
    </message>
</context>
<context>
    <name>GroupDialog</name>
    <message>
        <location filename="../../desktop/members/group_dialogs.py" line="96"/>
        <source>Edit group</source>
        <translation>แก้ไขกลุ่ม</translation>
    </message>
    <message>
        <location filename="../../desktop/members/group_dialogs.py" line="96"/>
        <source>New group</source>
        <translation>สร้างกลุ่มใหม่</translation>
    </message>
    <message>
        <location filename="../../desktop/members/group_dialogs.py" line="105"/>
        <source>(top level)</source>
        <translation>(ระดับบนสุด)</translation>
    </message>
    <message>
        <location filename="../../desktop/members/group_dialogs.py" line="123"/>
        <source>Name</source>
        <translation>ชื่อกลุ่ม</translation>
    </message>
    <message>
        <location filename="../../desktop/members/group_dialogs.py" line="124"/>
        <source>Kind</source>
        <translation>ประเภท</translation>
    </message>
    <message>
        <location filename="../../desktop/members/group_dialogs.py" line="125"/>
        <source>Under</source>
        <translation>อยู่ภายใต้</translation>
    </message>
    <message>
        <location filename="../../desktop/members/group_dialogs.py" line="126"/>
        <source>Description</source>
        <translation>คำอธิบาย</translation>
    </message>
    <message>
        <location filename="../../desktop/members/group_dialogs.py" line="143"/>
        <source>Give the group a name.</source>
        <translation>กรุณาตั้งชื่อกลุ่ม</translation>
    </message>
</context>
<context>
    <name>GroupMembersModel</name>
    <message>
        <location filename="../../desktop/members/group_models.py" line="203"/>
        <source>(ended %1)</source>
        <translation>(สิ้นสุด %1)</translation>
    </message>
    <message>
        <location filename="../../desktop/members/group_models.py" line="219"/>
        <source>Name</source>
        <translation>ชื่อ-สกุล</translation>
    </message>
    <message>
        <location filename="../../desktop/members/group_models.py" line="219"/>
        <source>Role</source>
        <translation>บทบาท</translation>
    </message>
    <message>
        <location filename="../../desktop/members/group_models.py" line="219"/>
        <source>Since</source>
        <translation>ตั้งแต่</translation>
    </message>
</context>
<context>
    <name>GroupTreeModel</name>
    <message>
        <location filename="../../desktop/members/group_models.py" line="21"/>
        <source>Network</source>
        <translation>เครือข่าย</translation>
    </message>
    <message>
        <location filename="../../desktop/members/group_models.py" line="22"/>
        <source>Association</source>
        <translation>สมาคม</translation>
    </message>
    <message>
        <location filename="../../desktop/members/group_models.py" line="23"/>
        <source>Club</source>
        <translation>ชมรม</translation>
    </message>
    <message>
        <location filename="../../desktop/members/group_models.py" line="24"/>
        <source>Committee</source>
        <translation>คณะกรรมการ</translation>
    </message>
    <message>
        <location filename="../../desktop/members/group_models.py" line="157"/>
        <source>Group</source>
        <translation>กลุ่ม</translation>
    </message>
    <message>
        <location filename="../../desktop/members/group_models.py" line="157"/>
        <source>Members</source>
        <translation>สมาชิก</translation>
    </message>
</context>
<context>
    <name>GroupsPanel</name>
    <message>
        <location filename="../../desktop/members/groups_panel.py" line="138"/>
        <source>New group</source>
        <translation>สร้างกลุ่ม</translation>
    </message>
    <message>
        <location filename="../../desktop/members/groups_panel.py" line="139"/>
        <source>New sub-group</source>
        <translation>สร้างกลุ่มย่อย</translation>
    </message>
    <message>
        <location filename="../../desktop/members/groups_panel.py" line="140"/>
        <source>Edit group</source>
        <translation>แก้ไขกลุ่ม</translation>
    </message>
    <message>
        <location filename="../../desktop/members/groups_panel.py" line="141"/>
        <location filename="../../desktop/members/groups_panel.py" line="283"/>
        <source>Delete group</source>
        <translation>ลบกลุ่ม</translation>
    </message>
    <message>
        <location filename="../../desktop/members/groups_panel.py" line="142"/>
        <source>Show all members</source>
        <translation>แสดงสมาชิกทั้งหมด</translation>
    </message>
    <message>
        <location filename="../../desktop/members/groups_panel.py" line="143"/>
        <source>Change role</source>
        <translation>เปลี่ยนบทบาท</translation>
    </message>
    <message>
        <location filename="../../desktop/members/groups_panel.py" line="144"/>
        <location filename="../../desktop/members/groups_panel.py" line="368"/>
        <source>End membership</source>
        <translation>สิ้นสุดการเป็นสมาชิก</translation>
    </message>
    <message>
        <location filename="../../desktop/members/groups_panel.py" line="213"/>
        <source>Select a group to see its members.</source>
        <translation>เลือกกลุ่มเพื่อดูรายชื่อสมาชิก</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/members/groups_panel.py" line="216"/>
        <source>%1: %Ln member(s)</source>
        <translation>
            <numerusform>%1: สมาชิก %Ln คน</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/members/groups_panel.py" line="333"/>
        <source>Added %Ln member(s) to the group.</source>
        <translation>
            <numerusform>เพิ่มสมาชิกเข้ากลุ่มแล้ว %Ln คน</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/members/groups_panel.py" line="335"/>
        <source>%Ln member(s) already in it.</source>
        <translation>
            <numerusform>อีก %Ln คนเป็นสมาชิกกลุ่มนี้อยู่แล้ว</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/members/groups_panel.py" line="284"/>
        <source>Delete the group “{name}”? Its members stay in the register.</source>
        <translation>ต้องการลบกลุ่ม “{name}” หรือไม่ สมาชิกของกลุ่มจะยังอยู่ในทะเบียนตามเดิม</translation>
    </message>
    <message>
        <location filename="../../desktop/members/groups_panel.py" line="303"/>
        <source>Add to group</source>
        <translation>เพิ่มเข้ากลุ่ม</translation>
    </message>
    <message>
        <location filename="../../desktop/members/groups_panel.py" line="304"/>
        <source>Create a group first (Groups tab).</source>
        <translation>กรุณาสร้างกลุ่มก่อน (ที่แท็บ “กลุ่ม”)</translation>
    </message>
    <message>
        <location filename="../../desktop/members/groups_panel.py" line="369"/>
        <source>End {name}&apos;s membership of this group today?</source>
        <translation>ให้ {name} สิ้นสุดการเป็นสมาชิกกลุ่มนี้ในวันนี้หรือไม่</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <location filename="../../desktop/history/texts.py" line="22"/>
        <source>First name</source>
        <translation>ชื่อ</translation>
    </message>
    <message>
        <location filename="../../desktop/history/texts.py" line="48"/>
        <source>Group</source>
        <translation>กลุ่ม</translation>
    </message>
    <message>
        <location filename="../../desktop/history/texts.py" line="49"/>
        <source>Role</source>
        <translation>บทบาท</translation>
    </message>
    <message>
        <location filename="../../desktop/history/texts.py" line="50"/>
        <source>Started</source>
        <translation>เริ่ม</translation>
    </message>
    <message>
        <location filename="../../desktop/history/texts.py" line="51"/>
        <source>Ended</source>
        <translation>สิ้นสุด</translation>
    </message>
    <message>
        <location filename="../../desktop/history/texts.py" line="52"/>
        <source>Fiscal year</source>
        <translation>ปีงบประมาณ</translation>
    </message>
    <message>
        <location filename="../../desktop/history/texts.py" line="53"/>
        <source>Amount (baht)</source>
        <translation>จำนวนเงิน (บาท)</translation>
    </message>
    <message>
        <location filename="../../desktop/history/texts.py" line="54"/>
        <source>Paid on</source>
        <translation>วันที่ชำระ</translation>
    </message>
    <message>
        <location filename="../../desktop/history/texts.py" line="55"/>
        <source>Receipt no.</source>
        <translation>เลขที่ใบเสร็จ</translation>
    </message>
    <message>
        <location filename="../../desktop/history/texts.py" line="56"/>
        <source>Deleted</source>
        <translation>ลบ</translation>
    </message>
    <message>
        <location filename="../../desktop/history/texts.py" line="86"/>
        <source>%1 h</source>
        <translation>%1 น.</translation>
    </message>
    <message>
        <location filename="../../desktop/history/texts.py" line="96"/>
        <location filename="../../desktop/history/texts.py" line="122"/>
        <source>(empty)</source>
        <translation>(ว่าง)</translation>
    </message>
    <message>
        <location filename="../../desktop/history/texts.py" line="98"/>
        <source>(hidden)</source>
        <translation>(ซ่อนไว้)</translation>
    </message>
    <message>
        <location filename="../../desktop/history/texts.py" line="120"/>
        <source>(deleted)</source>
        <translation>(ถูกลบ)</translation>
    </message>
    <message>
        <location filename="../../desktop/history/texts.py" line="129"/>
        <source>(values erased)</source>
        <translation>(ลบค่าแล้วตามคำขอ)</translation>
    </message>
    <message>
        <location filename="../../desktop/history/texts.py" line="140"/>
        <source>Undo import of %1</source>
        <translation>เลิกทำการนำเข้าไฟล์ %1</translation>
    </message>
    <message>
        <location filename="../../desktop/history/texts.py" line="144"/>
        <source>Undo merge of %1</source>
        <translation>เลิกทำการรวมระเบียนของ %1</translation>
    </message>
    <message>
        <location filename="../../desktop/history/texts.py" line="147"/>
        <source>Undo group change of %Ln member(s)</source>
        <translation>เลิกทำการเปลี่ยนแปลงกลุ่มของสมาชิก %Ln คน</translation>
    </message>
    <message>
        <location filename="../../desktop/history/texts.py" line="150"/>
        <source>Undo group change of %1</source>
        <translation>เลิกทำการเปลี่ยนแปลงกลุ่มของ %1</translation>
    </message>
    <message>
        <location filename="../../desktop/history/texts.py" line="152"/>
        <source>Undo dues change of %1</source>
        <translation>เลิกทำการเปลี่ยนแปลงค่าบำรุงของ %1</translation>
    </message>
    <message>
        <location filename="../../desktop/history/texts.py" line="154"/>
        <source>Undo change of %Ln member(s)</source>
        <translation>เลิกทำการเปลี่ยนแปลงสมาชิก %Ln คน</translation>
    </message>
    <message>
        <location filename="../../desktop/history/texts.py" line="156"/>
        <source>Undo new member %1</source>
        <translation>เลิกทำการเพิ่มสมาชิก %1</translation>
    </message>
    <message>
        <location filename="../../desktop/history/texts.py" line="157"/>
        <source>Undo edit of %1</source>
        <translation>เลิกทำการแก้ไข %1</translation>
    </message>
    <message>
        <location filename="../../desktop/history/texts.py" line="158"/>
        <source>Undo deletion of %1</source>
        <translation>เลิกทำการลบ %1</translation>
    </message>
    <message>
        <location filename="../../desktop/history/texts.py" line="159"/>
        <source>Undo restore of %1</source>
        <translation>เลิกทำการกู้คืน %1</translation>
    </message>
    <message>
        <location filename="../../desktop/history/texts.py" line="162"/>
        <source>Undo change of %1</source>
        <translation>เลิกทำการเปลี่ยนแปลงของ %1</translation>
    </message>
    <message>
        <location filename="../../desktop/history/texts.py" line="168"/>
        <source>There is nothing to undo.</source>
        <translation>ไม่มีสิ่งที่จะเลิกทำ</translation>
    </message>
    <message>
        <location filename="../../desktop/history/texts.py" line="169"/>
        <source>The record was changed again since (by you or someone else): undoing would lose that change, so nothing was undone.</source>
        <translation>ระเบียนนี้ถูกแก้ไขอีกหลังจากนั้น (โดยคุณหรือผู้อื่น) การเลิกทำจะทำให้การแก้ไขนั้นหายไป จึงไม่ได้เลิกทำสิ่งใด</translation>
    </message>
    <message>
        <location filename="../../desktop/history/texts.py" line="174"/>
        <source>The old values were erased at the member&apos;s request (PDPA), so this cannot be undone.</source>
        <translation>ค่าเดิมถูกลบตามคำขอของสมาชิก (PDPA) จึงเลิกทำไม่ได้</translation>
    </message>
    <message>
        <location filename="../../desktop/history/texts.py" line="178"/>
        <source>This kind of change cannot be undone here.</source>
        <translation>การเปลี่ยนแปลงประเภทนี้เลิกทำจากที่นี่ไม่ได้</translation>
    </message>
    <message>
        <location filename="../../desktop/history/texts.py" line="181"/>
        <source>One of these members was merged again since: undo that merge first.</source>
        <translation>สมาชิกคนหนึ่งในนี้ถูกรวมระเบียนอีกครั้งหลังจากนั้น ให้เลิกทำการรวมครั้งนั้นก่อน</translation>
    </message>
    <message>
        <location filename="../../desktop/history/texts.py" line="184"/>
        <source>Another member now has the national ID this would give back: nothing was undone.</source>
        <translation>ขณะนี้มีสมาชิกอื่นใช้เลขประจำตัวประชาชนที่จะคืนกลับ จึงไม่ได้เลิกทำสิ่งใด</translation>
    </message>
    <message>
        <location filename="../../desktop/history/texts.py" line="188"/>
        <source>This was already undone.</source>
        <translation>รายการนี้เลิกทำไปแล้ว</translation>
    </message>
    <message>
        <location filename="../../desktop/history/texts.py" line="191"/>
        <source>Nothing was undone: %1</source>
        <translation>ไม่ได้เลิกทำสิ่งใด: %1</translation>
    </message>
</context>
<context>
    <name>HomeView</name>
    <message>
        <location filename="../../desktop/home/view.py" line="235"/>
        <source>The figures could not be loaded: %1</source>
        <translation>ไม่สามารถโหลดตัวเลขสรุปได้: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/home/view.py" line="303"/>
        <source>Members on the register, any status (deleted members not counted)</source>
        <translation>สมาชิกในทะเบียนทุกสถานะ (ไม่นับสมาชิกที่ลบแล้ว)</translation>
    </message>
    <message>
        <location filename="../../desktop/home/view.py" line="310"/>
        <source>%1 to %2</source>
        <translation>%1 ถึง %2</translation>
    </message>
    <message>
        <location filename="../../desktop/home/view.py" line="315"/>
        <source>%1 baht</source>
        <translation>%1 บาท</translation>
    </message>
    <message>
        <location filename="../../desktop/home/view.py" line="320"/>
        <source>Fiscal year %1: %2 payments, %3 baht</source>
        <translation>ปีงบประมาณ %1: %2 รายการ %3 บาท</translation>
    </message>
    <message>
        <location filename="../../desktop/home/view.py" line="331"/>
        <source>%1 of members have no consent date recorded</source>
        <translation>สมาชิก %1 ยังไม่ได้บันทึกวันที่ให้ความยินยอม</translation>
    </message>
    <message>
        <location filename="../../desktop/home/view.py" line="333"/>
        <location filename="../../desktop/home/view.py" line="336"/>
        <source>No members yet</source>
        <translation>ยังไม่มีสมาชิก</translation>
    </message>
    <message>
        <location filename="../../desktop/home/view.py" line="345"/>
        <source>Fiscal year %1: 1 payment</source>
        <translation>ปีงบประมาณ %1: 1 รายการ</translation>
    </message>
    <message>
        <location filename="../../desktop/home/view.py" line="347"/>
        <source>Fiscal year %1: %2 payments</source>
        <translation>ปีงบประมาณ %1: %2 รายการ</translation>
    </message>
    <message>
        <location filename="../../desktop/home/view.py" line="360"/>
        <source>%1: %2 members (%3)</source>
        <translation>%1: สมาชิก %2 คน (%3)</translation>
    </message>
    <message>
        <location filename="../../desktop/home/view.py" line="386"/>
        <source>Updated %1</source>
        <translation>อัปเดตเมื่อ %1</translation>
    </message>
    <message>
        <location filename="../../desktop/home/view.py" line="399"/>
        <source>Network at a glance</source>
        <translation>ภาพรวมเครือข่าย</translation>
    </message>
    <message>
        <location filename="../../desktop/home/view.py" line="401"/>
        <source>Refresh</source>
        <translation>โหลดใหม่</translation>
    </message>
    <message>
        <location filename="../../desktop/home/view.py" line="402"/>
        <source>Load the figures again (F5)</source>
        <translation>โหลดตัวเลขใหม่อีกครั้ง (F5)</translation>
    </message>
    <message>
        <location filename="../../desktop/home/view.py" line="403"/>
        <source>Members</source>
        <translation>สมาชิก</translation>
    </message>
    <message>
        <location filename="../../desktop/home/view.py" line="404"/>
        <source>Dues this fiscal year</source>
        <translation>ค่าบำรุงปีงบประมาณนี้</translation>
    </message>
    <message>
        <location filename="../../desktop/home/view.py" line="405"/>
        <source>Without PDPA consent</source>
        <translation>ยังไม่มีความยินยอม (PDPA)</translation>
    </message>
    <message>
        <location filename="../../desktop/home/view.py" line="406"/>
        <location filename="../../desktop/home/view.py" line="407"/>
        <source>Members by region</source>
        <translation>สมาชิกแยกตามภาค</translation>
    </message>
    <message>
        <location filename="../../desktop/home/view.py" line="408"/>
        <location filename="../../desktop/home/view.py" line="409"/>
        <source>Members by organisation type</source>
        <translation>สมาชิกแยกตามประเภทหน่วยงาน</translation>
    </message>
    <message>
        <location filename="../../desktop/home/view.py" line="410"/>
        <location filename="../../desktop/home/view.py" line="411"/>
        <source>Recent changes</source>
        <translation>การเปลี่ยนแปลงล่าสุด</translation>
    </message>
    <message>
        <location filename="../../desktop/home/view.py" line="414"/>
        <source>Loading…</source>
        <translation>กำลังโหลด…</translation>
    </message>
</context>
<context>
    <name>ImportFilePage</name>
    <message>
        <location filename="../../desktop/io/import_pages.py" line="53"/>
        <source>Choose the file</source>
        <translation>เลือกไฟล์</translation>
    </message>
    <message>
        <location filename="../../desktop/io/import_pages.py" line="54"/>
        <source>An Excel, LibreOffice or CSV file with one member per row.</source>
        <translation>ไฟล์ Excel, LibreOffice หรือ CSV ที่มีสมาชิกหนึ่งคนต่อหนึ่งแถว</translation>
    </message>
    <message>
        <location filename="../../desktop/io/import_pages.py" line="57"/>
        <source>The file to import</source>
        <translation>ไฟล์ที่จะนำเข้า</translation>
    </message>
    <message>
        <location filename="../../desktop/io/import_pages.py" line="59"/>
        <source>Browse…</source>
        <translation>เรียกดู…</translation>
    </message>
    <message>
        <location filename="../../desktop/io/import_pages.py" line="75"/>
        <source>File:</source>
        <translation>ไฟล์:</translation>
    </message>
    <message>
        <location filename="../../desktop/io/import_pages.py" line="76"/>
        <source>Sheet:</source>
        <translation>ชีต:</translation>
    </message>
    <message>
        <location filename="../../desktop/io/import_pages.py" line="100"/>
        <source>Import members</source>
        <translation>นำเข้าข้อมูลสมาชิก</translation>
    </message>
    <message>
        <location filename="../../desktop/io/import_pages.py" line="102"/>
        <source>Spreadsheets (*.xlsx *.xls *.ods *.csv);;All files (*)</source>
        <translation>ไฟล์ตารางคำนวณ (*.xlsx *.xls *.ods *.csv);;ทุกไฟล์ (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/io/import_pages.py" line="125"/>
        <source>Reading the file…</source>
        <translation>กำลังอ่านไฟล์…</translation>
    </message>
    <message>
        <location filename="../../desktop/io/import_pages.py" line="140"/>
        <source>(CSV file: one sheet)</source>
        <translation>(ไฟล์ CSV: มีชีตเดียว)</translation>
    </message>
    <message>
        <location filename="../../desktop/io/import_pages.py" line="143"/>
        <source>%1 (hidden)</source>
        <translation>%1 (ชีตที่ซ่อนไว้)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/io/import_pages.py" line="148"/>
        <source>Header found on row %1; %Ln row(s) of data under it.</source>
        <translation>
            <numerusform>พบหัวตารางที่แถว %1 มีข้อมูลอยู่ด้านล่าง %Ln แถว</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/io/import_pages.py" line="153"/>
        <source>Header found on row %1, but there are no rows of data under it: choose another sheet or file.</source>
        <translation>พบหัวตารางที่แถว %1 แต่ไม่มีข้อมูลอยู่ด้านล่าง เลือกแผ่นงานหรือไฟล์อื่น</translation>
    </message>
    <message>
        <location filename="../../desktop/io/import_pages.py" line="170"/>
        <source>This sheet cannot be imported: %1
Choose another sheet or file.</source>
        <translation>นำเข้าชีตนี้ไม่ได้: %1
เลือกชีตอื่นหรือไฟล์อื่น</translation>
    </message>
    <message>
        <location filename="../../desktop/io/import_pages.py" line="172"/>
        <source>This file cannot be imported: %1</source>
        <translation>ไม่สามารถนำเข้าไฟล์นี้ได้: %1</translation>
    </message>
</context>
<context>
    <name>ImportMappingPage</name>
    <message>
        <location filename="../../desktop/io/import_pages.py" line="189"/>
        <source>Match the columns</source>
        <translation>จับคู่คอลัมน์</translation>
    </message>
    <message>
        <location filename="../../desktop/io/import_pages.py" line="191"/>
        <source>Check which member detail each column holds. Columns left as “not imported” are skipped.</source>
        <translation>ตรวจสอบว่าแต่ละคอลัมน์เป็นข้อมูลใดของสมาชิก คอลัมน์ที่เป็น “ไม่นำเข้า” จะถูกข้ามไป</translation>
    </message>
    <message>
        <location filename="../../desktop/io/import_pages.py" line="211"/>
        <source>Remember this mapping for files laid out like this</source>
        <translation>จดจำการจับคู่นี้ไว้ใช้กับไฟล์ที่มีรูปแบบเดียวกัน</translation>
    </message>
    <message>
        <location filename="../../desktop/io/import_pages.py" line="219"/>
        <source>Header row:</source>
        <translation>แถวหัวตาราง:</translation>
    </message>
    <message>
        <location filename="../../desktop/io/import_pages.py" line="248"/>
        <source>Reading the file…</source>
        <translation>กำลังอ่านไฟล์…</translation>
    </message>
    <message>
        <location filename="../../desktop/io/import_pages.py" line="272"/>
        <source>Choose the column holding the members&apos; names (full name or first name).</source>
        <translation>กรุณาเลือกคอลัมน์ที่เป็นชื่อสมาชิก (ชื่อ-สกุล หรือชื่อ)</translation>
    </message>
    <message>
        <location filename="../../desktop/io/import_pages.py" line="276"/>
        <source>Columns in amber were matched by a similar name: check them.</source>
        <translation>คอลัมน์สีเหลืองจับคู่จากชื่อที่คล้ายกัน: กรุณาตรวจสอบ</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/io/import_pages.py" line="280"/>
        <source>%Ln column(s) will be imported.</source>
        <translation>
            <numerusform>จะนำเข้า %Ln คอลัมน์</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/io/import_pages.py" line="283"/>
        <source>%1: not imported without the organisation&apos;s name, as a member&apos;s province, district and organisation type are their organisation&apos;s. Map the organisation column to keep them.</source>
        <translation>%1: จะไม่ถูกนำเข้าถ้าไม่มีชื่อหน่วยงาน เพราะจังหวัด อำเภอ และประเภท อปท. ของสมาชิกเก็บไว้กับหน่วยงาน เลือกคอลัมน์หน่วยงานเพื่อเก็บข้อมูลเหล่านี้</translation>
    </message>
</context>
<context>
    <name>ImportPreviewPage</name>
    <message>
        <location filename="../../desktop/io/import_run.py" line="67"/>
        <source>Check the rows</source>
        <translation>ตรวจสอบแถวข้อมูล</translation>
    </message>
    <message>
        <location filename="../../desktop/io/import_run.py" line="69"/>
        <source>Rows in red will not be imported (the wrong value in dark red); rows in amber will, with a note; rows in blue may be members already registered or repeat an earlier row (choose below what to do with them). Point at a row to see why.</source>
        <translation>แถวสีแดงจะไม่ถูกนำเข้า (ค่าที่ผิดเป็นตัวอักษรสีแดงเข้ม) แถวสีเหลืองจะนำเข้าพร้อมหมายเหตุ แถวสีฟ้าอาจเป็นสมาชิกที่มีในทะเบียนแล้วหรือซ้ำกับแถวก่อนหน้า (เลือกด้านล่างว่าจะทำอย่างไร) ชี้เมาส์ที่แถวเพื่อดูสาเหตุ</translation>
    </message>
    <message>
        <location filename="../../desktop/io/import_run.py" line="74"/>
        <source>Import</source>
        <translation>นำเข้า</translation>
    </message>
    <message>
        <location filename="../../desktop/io/import_run.py" line="87"/>
        <source>Skip them (keep the member already registered)</source>
        <translation>ข้าม (คงข้อมูลสมาชิกที่มีอยู่ในทะเบียนไว้)</translation>
    </message>
    <message>
        <location filename="../../desktop/io/import_run.py" line="90"/>
        <source>Update the registered member with the file&apos;s values</source>
        <translation>ปรับปรุงข้อมูลสมาชิกในทะเบียนด้วยค่าจากไฟล์</translation>
    </message>
    <message>
        <location filename="../../desktop/io/import_run.py" line="93"/>
        <source>Import them as new members</source>
        <translation>นำเข้าเป็นสมาชิกใหม่</translation>
    </message>
    <message>
        <location filename="../../desktop/io/import_run.py" line="99"/>
        <source>Members already registered (duplicates)</source>
        <translation>สมาชิกที่มีอยู่ในทะเบียนแล้ว (ข้อมูลซ้ำ)</translation>
    </message>
    <message>
        <location filename="../../desktop/io/import_run.py" line="117"/>
        <source>Reading the file…</source>
        <translation>กำลังอ่านไฟล์…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/io/import_run.py" line="129"/>
        <source>%Ln row(s) in the file.</source>
        <translation>
            <numerusform>ไฟล์มีข้อมูล %Ln แถว</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/io/import_run.py" line="131"/>
        <source>Of the first %Ln shown:</source>
        <translation>
            <numerusform>จาก %Ln แถวแรกที่แสดง:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/io/import_run.py" line="133"/>
        <source>%Ln with errors (not imported),</source>
        <translation>
            <numerusform>มีข้อผิดพลาด %Ln แถว (ไม่นำเข้า)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/io/import_run.py" line="135"/>
        <source>%Ln with warnings,</source>
        <translation>
            <numerusform>มีคำเตือน %Ln แถว</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/io/import_run.py" line="137"/>
        <source>%Ln possible duplicate(s).</source>
        <translation>
            <numerusform>อาจซ้ำ %Ln แถว</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportProblems</name>
    <message>
        <location filename="../../desktop/io/problems_model.py" line="37"/>
        <source>Not imported</source>
        <translation>ไม่ได้นำเข้า</translation>
    </message>
    <message>
        <location filename="../../desktop/io/problems_model.py" line="39"/>
        <source>Warning</source>
        <translation>คำเตือน</translation>
    </message>
    <message>
        <location filename="../../desktop/io/problems_model.py" line="40"/>
        <source>Duplicate</source>
        <translation>ข้อมูลซ้ำ</translation>
    </message>
    <message>
        <location filename="../../desktop/io/problems_model.py" line="90"/>
        <source>Row</source>
        <translation>แถว</translation>
    </message>
    <message>
        <location filename="../../desktop/io/problems_model.py" line="91"/>
        <source>Result</source>
        <translation>ผล</translation>
    </message>
    <message>
        <location filename="../../desktop/io/problems_model.py" line="92"/>
        <source>Column</source>
        <translation>คอลัมน์</translation>
    </message>
    <message>
        <location filename="../../desktop/io/problems_model.py" line="93"/>
        <source>Value in the file</source>
        <translation>ค่าในไฟล์</translation>
    </message>
    <message>
        <location filename="../../desktop/io/problems_model.py" line="94"/>
        <source>Problem</source>
        <translation>ปัญหา</translation>
    </message>
</context>
<context>
    <name>ImportRunPage</name>
    <message>
        <location filename="../../desktop/io/import_run.py" line="166"/>
        <source>Importing</source>
        <translation>กำลังนำเข้า</translation>
    </message>
    <message>
        <location filename="../../desktop/io/import_run.py" line="169"/>
        <source>Cancel import</source>
        <translation>ยกเลิกการนำเข้า</translation>
    </message>
    <message>
        <location filename="../../desktop/io/import_run.py" line="175"/>
        <source>Save error report…</source>
        <translation>บันทึกรายงานข้อผิดพลาด…</translation>
    </message>
    <message>
        <location filename="../../desktop/io/import_run.py" line="180"/>
        <source>Undo this import…</source>
        <translation>เลิกทำการนำเข้าครั้งนี้…</translation>
    </message>
    <message>
        <location filename="../../desktop/io/import_run.py" line="183"/>
        <source>Undo the rest, keep the changed members</source>
        <translation>เลิกทำส่วนที่เหลือ โดยคงสมาชิกที่ถูกแก้ไขไว้</translation>
    </message>
    <message>
        <location filename="../../desktop/io/import_run.py" line="257"/>
        <source>Reading and checking the rows…</source>
        <translation>กำลังอ่านและตรวจสอบแถวข้อมูล…</translation>
    </message>
    <message>
        <location filename="../../desktop/io/import_run.py" line="279"/>
        <source>Cancelling…</source>
        <translation>กำลังยกเลิก…</translation>
    </message>
    <message>
        <location filename="../../desktop/io/import_run.py" line="289"/>
        <source>Saving the members…</source>
        <translation>กำลังบันทึกข้อมูลสมาชิก…</translation>
    </message>
    <message>
        <location filename="../../desktop/io/import_run.py" line="294"/>
        <source>%1 of %2 rows checked…</source>
        <translation>ตรวจสอบแล้ว %1 จาก %2 แถว…</translation>
    </message>
    <message>
        <location filename="../../desktop/io/import_run.py" line="310"/>
        <source>The search index of the new members is being written in the background: until it is done, searching takes a little longer.</source>
        <translation>กำลังจัดทำดัชนีค้นหาของสมาชิกใหม่อยู่เบื้องหลัง ระหว่างนี้การค้นหาจะช้ากว่าปกติเล็กน้อย</translation>
    </message>
    <message>
        <location filename="../../desktop/io/import_run.py" line="322"/>
        <source>Import finished</source>
        <translation>นำเข้าเสร็จสิ้น</translation>
    </message>
    <message>
        <location filename="../../desktop/io/import_run.py" line="324"/>
        <source>Imported: %1. Updated: %2. Skipped (duplicates): %3. Rejected: %4.</source>
        <translation>นำเข้า: %1 · ปรับปรุง: %2 · ข้าม (ข้อมูลซ้ำ): %3 · ไม่ผ่าน: %4</translation>
    </message>
    <message>
        <location filename="../../desktop/io/import_run.py" line="335"/>
        <source>The import had finished before it could be cancelled: undo it here if it is not wanted.</source>
        <translation>การนำเข้าเสร็จสิ้นไปแล้วก่อนที่จะยกเลิกได้ หากไม่ต้องการ ให้เลิกทำการนำเข้าครั้งนี้ที่นี่</translation>
    </message>
    <message>
        <location filename="../../desktop/io/import_run.py" line="347"/>
        <source>The search index is up to date.</source>
        <translation>ดัชนีค้นหาเป็นปัจจุบันแล้ว</translation>
    </message>
    <message>
        <location filename="../../desktop/io/import_run.py" line="359"/>
        <source>Import cancelled</source>
        <translation>ยกเลิกการนำเข้าแล้ว</translation>
    </message>
    <message>
        <location filename="../../desktop/io/import_run.py" line="360"/>
        <source>The import was cancelled: nothing was imported.</source>
        <translation>ยกเลิกการนำเข้าแล้ว: ไม่มีข้อมูลถูกนำเข้า</translation>
    </message>
    <message>
        <location filename="../../desktop/io/import_run.py" line="362"/>
        <source>Import failed</source>
        <translation>นำเข้าไม่สำเร็จ</translation>
    </message>
    <message>
        <location filename="../../desktop/io/import_run.py" line="364"/>
        <source>Nothing was imported: %1</source>
        <translation>ไม่มีข้อมูลถูกนำเข้า: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/io/import_run.py" line="378"/>
        <source>All problems (%1)</source>
        <translation>ปัญหาทั้งหมด (%1)</translation>
    </message>
    <message>
        <location filename="../../desktop/io/import_run.py" line="379"/>
        <source>Rows not imported (%1)</source>
        <translation>แถวที่ไม่ได้นำเข้า (%1)</translation>
    </message>
    <message>
        <location filename="../../desktop/io/import_run.py" line="380"/>
        <source>Warnings (%1)</source>
        <translation>คำเตือน (%1)</translation>
    </message>
    <message>
        <location filename="../../desktop/io/import_run.py" line="381"/>
        <source>Duplicates (%1)</source>
        <translation>ข้อมูลซ้ำ (%1)</translation>
    </message>
    <message>
        <location filename="../../desktop/io/import_run.py" line="393"/>
        <source>Save the error report, fix those rows in it and import that file again.</source>
        <translation>บันทึกรายงานข้อผิดพลาด แก้ไขแถวเหล่านั้นในไฟล์รายงาน แล้วนำเข้าไฟล์นั้นอีกครั้ง</translation>
    </message>
    <message>
        <location filename="../../desktop/io/import_run.py" line="397"/>
        <source>The first %1 of %2 problems are listed.</source>
        <translation>แสดง %1 รายการแรกจากปัญหาทั้งหมด %2 รายการ</translation>
    </message>
    <message>
        <location filename="../../desktop/io/import_run.py" line="419"/>
        <source>Save error report</source>
        <translation>บันทึกรายงานข้อผิดพลาด</translation>
    </message>
    <message>
        <location filename="../../desktop/io/import_run.py" line="419"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>ไฟล์ Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../desktop/io/import_run.py" line="433"/>
        <source>Saving the error report…</source>
        <translation>กำลังบันทึกรายงานข้อผิดพลาด…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/io/import_run.py" line="446"/>
        <source>%Ln rejected row(s) saved to %1: fix them there and import that file.</source>
        <translation>
            <numerusform>บันทึกแถวที่ไม่ผ่าน %Ln แถวไว้ที่ %1 แล้ว: แก้ไขในไฟล์นั้น แล้วนำเข้าไฟล์นั้นอีกครั้ง</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/io/import_run.py" line="455"/>
        <source>The error report could not be saved: %1</source>
        <translation>ไม่สามารถบันทึกรายงานข้อผิดพลาดได้: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/io/import_run.py" line="462"/>
        <source>%Ln member(s) added by this import will be removed.</source>
        <translation>
            <numerusform>สมาชิก %Ln คนที่เพิ่มจากการนำเข้าครั้งนี้จะถูกลบ</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/io/import_run.py" line="466"/>
        <source>%Ln member(s) it updated will get their earlier details back.</source>
        <translation>
            <numerusform>สมาชิก %Ln คนที่ถูกปรับปรุงข้อมูลจะกลับไปใช้ข้อมูลเดิม</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/io/import_run.py" line="470"/>
        <source>The organisations and groups it created will be removed.</source>
        <translation>หน่วยงานและกลุ่มที่สร้างจากการนำเข้าครั้งนี้จะถูกลบด้วย</translation>
    </message>
    <message>
        <location filename="../../desktop/io/import_run.py" line="471"/>
        <source>Undo this import?</source>
        <translation>เลิกทำการนำเข้าครั้งนี้หรือไม่</translation>
    </message>
    <message>
        <location filename="../../desktop/io/import_run.py" line="478"/>
        <source>Undo the import</source>
        <translation>เลิกทำการนำเข้า</translation>
    </message>
    <message>
        <location filename="../../desktop/io/import_run.py" line="495"/>
        <source>Undoing this import…</source>
        <translation>กำลังเลิกทำการนำเข้าครั้งนี้…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/io/import_run.py" line="503"/>
        <source>This import was undone: %Ln member(s) removed,</source>
        <translation>
            <numerusform>เลิกทำการนำเข้าครั้งนี้แล้ว: ลบสมาชิก %Ln คน</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/io/import_run.py" line="511"/>
        <source>Import undone</source>
        <translation>เลิกทำการนำเข้าแล้ว</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/io/import_run.py" line="504"/>
        <source>%Ln restored.</source>
        <translation>
            <numerusform>กู้คืน %Ln คน</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/io/import_run.py" line="508"/>
        <source>Kept %Ln member(s) changed since the import.</source>
        <translation>
            <numerusform>คงสมาชิกที่ถูกแก้ไขหลังการนำเข้าไว้ %Ln คน</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportTexts</name>
    <message>
        <location filename="../../desktop/io/texts.py" line="30"/>
        <source>The file is named %1 but its content is not a spreadsheet: it was probably renamed from another kind of file. Open it in the program that made it and save it as .xlsx or .csv, then import that.</source>
        <translation>ไฟล์นี้ตั้งชื่อเป็น %1 แต่เนื้อหาไม่ใช่ตารางคำนวณ อาจถูกเปลี่ยนชื่อมาจากไฟล์ชนิดอื่น: เปิดด้วยโปรแกรมที่สร้างไฟล์นี้ แล้วบันทึกเป็น .xlsx หรือ .csv จากนั้นนำเข้าไฟล์นั้น</translation>
    </message>
    <message>
        <location filename="../../desktop/io/texts.py" line="36"/>
        <source>This is a folder, not a file: choose a file in it.</source>
        <translation>นี่เป็นโฟลเดอร์ ไม่ใช่ไฟล์: เลือกไฟล์ที่อยู่ในโฟลเดอร์นี้</translation>
    </message>
    <message>
        <location filename="../../desktop/io/texts.py" line="39"/>
        <source>The CSV file is not well formed: open it in Excel or LibreOffice and save it again as CSV.</source>
        <translation>ไฟล์ CSV มีรูปแบบไม่ถูกต้อง: เปิดด้วย Excel หรือ LibreOffice แล้วบันทึกเป็น CSV อีกครั้ง</translation>
    </message>
    <message>
        <location filename="../../desktop/io/texts.py" line="48"/>
        <source>The file was not found.</source>
        <translation>ไม่พบไฟล์</translation>
    </message>
    <message>
        <location filename="../../desktop/io/texts.py" line="49"/>
        <source>The file cannot be read: it may be damaged or still being copied.</source>
        <translation>ไม่สามารถอ่านไฟล์ได้: ไฟล์อาจเสียหายหรือยังคัดลอกไม่เสร็จ</translation>
    </message>
    <message>
        <location filename="../../desktop/io/texts.py" line="52"/>
        <source>Only .xlsx, .xls, .ods and .csv files can be imported.</source>
        <translation>นำเข้าได้เฉพาะไฟล์ .xlsx, .xls, .ods และ .csv</translation>
    </message>
    <message>
        <location filename="../../desktop/io/texts.py" line="55"/>
        <source>The file is protected by a password: save it without one in Excel, then try again.</source>
        <translation>ไฟล์นี้มีรหัสผ่านป้องกัน: กรุณาบันทึกไฟล์ใน Excel โดยไม่ใส่รหัสผ่าน แล้วลองอีกครั้ง</translation>
    </message>
    <message>
        <location filename="../../desktop/io/texts.py" line="59"/>
        <source>The file is a web page with an Excel name (some programs export reports this way): open it in Excel or LibreOffice and save it as an .xlsx workbook, then import that.</source>
        <translation>ไฟล์นี้เป็นหน้าเว็บที่ตั้งชื่อเป็นไฟล์ Excel (บางโปรแกรมส่งออกรายงานแบบนี้) ให้เปิดใน Excel หรือ LibreOffice แล้วบันทึกเป็นไฟล์ .xlsx ก่อนนำเข้า</translation>
    </message>
    <message>
        <location filename="../../desktop/io/texts.py" line="64"/>
        <source>The file is empty.</source>
        <translation>ไฟล์นี้ไม่มีข้อมูล</translation>
    </message>
    <message>
        <location filename="../../desktop/io/texts.py" line="65"/>
        <source>The file has no sheet with this name.</source>
        <translation>ไม่พบชีตชื่อนี้ในไฟล์</translation>
    </message>
    <message>
        <location filename="../../desktop/io/texts.py" line="68"/>
        <source>The sheet has no data.</source>
        <translation>ชีตนี้ไม่มีข้อมูล</translation>
    </message>
    <message>
        <location filename="../../desktop/io/texts.py" line="69"/>
        <source>The text encoding of this CSV file is unknown: save it as UTF-8 and try again.</source>
        <translation>ไม่ทราบการเข้ารหัสข้อความของไฟล์ CSV นี้: กรุณาบันทึกเป็น UTF-8 แล้วลองอีกครั้ง</translation>
    </message>
    <message>
        <location filename="../../desktop/io/texts.py" line="73"/>
        <source>No header row was found: the sheet needs a row of column names.</source>
        <translation>ไม่พบแถวหัวตาราง: ชีตต้องมีแถวที่เป็นชื่อคอลัมน์</translation>
    </message>
    <message>
        <location filename="../../desktop/io/texts.py" line="76"/>
        <source>No column holds the members&apos; names: map a column to the first name or full name.</source>
        <translation>ไม่มีคอลัมน์ที่เป็นชื่อสมาชิก: กรุณาจับคู่คอลัมน์หนึ่งกับชื่อ หรือชื่อ-สกุล</translation>
    </message>
    <message>
        <location filename="../../desktop/io/texts.py" line="90"/>
        <source>The import was not undone, because of changes made after it to: %1.</source>
        <translation>ยังไม่ได้เลิกทำการนำเข้า เพราะมีการแก้ไขข้อมูลหลังการนำเข้าของ %1</translation>
    </message>
    <message>
        <location filename="../../desktop/io/texts.py" line="96"/>
        <source>and %1 more</source>
        <translation>และอีก %1 คน</translation>
    </message>
    <message>
        <location filename="../../desktop/io/texts.py" line="100"/>
        <source>Some imported members were changed after the import, so it was not undone.</source>
        <translation>สมาชิกบางคนที่นำเข้าถูกแก้ไขหลังการนำเข้า จึงไม่ได้เลิกทำการนำเข้า</translation>
    </message>
    <message>
        <location filename="../../desktop/io/texts.py" line="104"/>
        <source>This import has already been undone.</source>
        <translation>เลิกทำการนำเข้านี้ไปแล้ว</translation>
    </message>
    <message>
        <location filename="../../desktop/io/texts.py" line="107"/>
        <source>This import no longer exists.</source>
        <translation>ไม่พบการนำเข้านี้แล้ว</translation>
    </message>
    <message>
        <location filename="../../desktop/io/texts.py" line="194"/>
        <source>Same national ID as row %1</source>
        <translation>เลขประจำตัวประชาชนซ้ำกับแถว %1</translation>
    </message>
    <message>
        <location filename="../../desktop/io/texts.py" line="197"/>
        <source>Same name and organisation as row %1</source>
        <translation>ชื่อและหน่วยงานซ้ำกับแถว %1</translation>
    </message>
    <message>
        <location filename="../../desktop/io/texts.py" line="200"/>
        <source>Same name and birth date as row %1</source>
        <translation>ชื่อและวันเกิดซ้ำกับแถว %1</translation>
    </message>
    <message>
        <location filename="../../desktop/io/texts.py" line="203"/>
        <source>Same membership number as row %1</source>
        <translation>เลขสมาชิกซ้ำกับแถว %1</translation>
    </message>
    <message>
        <location filename="../../desktop/io/texts.py" line="206"/>
        <source>Same member as row %1</source>
        <translation>เป็นสมาชิกคนเดียวกับแถว %1</translation>
    </message>
    <message>
        <location filename="../../desktop/io/texts.py" line="210"/>
        <source>Same national ID as a registered member</source>
        <translation>เลขประจำตัวประชาชนซ้ำกับสมาชิกที่มีอยู่ในทะเบียน</translation>
    </message>
    <message>
        <location filename="../../desktop/io/texts.py" line="213"/>
        <source>Same name and organisation as a registered member</source>
        <translation>ชื่อและหน่วยงานซ้ำกับสมาชิกที่มีอยู่ในทะเบียน</translation>
    </message>
    <message>
        <location filename="../../desktop/io/texts.py" line="216"/>
        <source>Same name and birth date as a registered member</source>
        <translation>ชื่อและวันเกิดซ้ำกับสมาชิกที่มีอยู่ในทะเบียน</translation>
    </message>
    <message>
        <location filename="../../desktop/io/texts.py" line="219"/>
        <source>Same membership number and name as a registered member</source>
        <translation>เลขสมาชิกและชื่อซ้ำกับสมาชิกที่มีอยู่ในทะเบียน</translation>
    </message>
    <message>
        <location filename="../../desktop/io/texts.py" line="222"/>
        <source>Already registered</source>
        <translation>มีอยู่ในทะเบียนแล้ว</translation>
    </message>
    <message>
        <location filename="../../desktop/io/texts.py" line="226"/>
        <source>skipped</source>
        <translation>ข้าม</translation>
    </message>
    <message>
        <location filename="../../desktop/io/texts.py" line="227"/>
        <source>the registered member was updated</source>
        <translation>ปรับปรุงข้อมูลสมาชิกในทะเบียนแล้ว</translation>
    </message>
    <message>
        <location filename="../../desktop/io/texts.py" line="228"/>
        <source>skipped (nothing new in the row)</source>
        <translation>ข้าม (ไม่มีข้อมูลใหม่ในแถวนี้)</translation>
    </message>
    <message>
        <location filename="../../desktop/io/texts.py" line="229"/>
        <source>imported as a new member</source>
        <translation>นำเข้าเป็นสมาชิกใหม่</translation>
    </message>
    <message>
        <location filename="../../desktop/io/texts.py" line="230"/>
        <source>not imported</source>
        <translation>ไม่ได้นำเข้า</translation>
    </message>
    <message>
        <location filename="../../desktop/io/texts.py" line="240"/>
        <source>groups and roles</source>
        <translation>กลุ่มและบทบาท</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <location filename="../../desktop/io/import_models.py" line="79"/>
        <source>Column in the file</source>
        <translation>คอลัมน์ในไฟล์</translation>
    </message>
    <message>
        <location filename="../../desktop/io/import_models.py" line="80"/>
        <source>Sample values</source>
        <translation>ตัวอย่างข้อมูล</translation>
    </message>
    <message>
        <location filename="../../desktop/io/import_models.py" line="81"/>
        <source>Imported as</source>
        <translation>นำเข้าเป็น</translation>
    </message>
    <message>
        <location filename="../../desktop/io/import_models.py" line="100"/>
        <source>(no name)</source>
        <translation>(ไม่มีชื่อ)</translation>
    </message>
    <message>
        <location filename="../../desktop/io/import_models.py" line="106"/>
        <location filename="../../desktop/io/import_models.py" line="141"/>
        <source>(not imported)</source>
        <translation>(ไม่นำเข้า)</translation>
    </message>
    <message>
        <location filename="../../desktop/io/import_models.py" line="114"/>
        <source>Matched by a similar header name: check that it is right.</source>
        <translation>จับคู่จากชื่อหัวคอลัมน์ที่คล้ายกัน: กรุณาตรวจสอบว่าถูกต้อง</translation>
    </message>
    <message>
        <location filename="../../desktop/io/import_models.py" line="249"/>
        <source>Row</source>
        <translation>แถว</translation>
    </message>
    <message>
        <location filename="../../desktop/io/import_models.py" line="251"/>
        <source>Problems</source>
        <translation>ปัญหา</translation>
    </message>
    <message>
        <location filename="../../desktop/io/import_models.py" line="283"/>
        <source>Error</source>
        <translation>ผิดพลาด</translation>
    </message>
    <message>
        <location filename="../../desktop/io/import_models.py" line="285"/>
        <source>Warning, duplicate</source>
        <translation>คำเตือน, ข้อมูลซ้ำ</translation>
    </message>
    <message>
        <location filename="../../desktop/io/import_models.py" line="287"/>
        <source>Warning</source>
        <translation>คำเตือน</translation>
    </message>
    <message>
        <location filename="../../desktop/io/import_models.py" line="289"/>
        <source>Duplicate</source>
        <translation>ซ้ำ</translation>
    </message>
    <message>
        <location filename="../../desktop/io/import_models.py" line="291"/>
        <source>OK</source>
        <translation>ผ่าน</translation>
    </message>
    <message>
        <location filename="../../desktop/io/import_wizard.py" line="71"/>
        <source>Import members</source>
        <translation>นำเข้าข้อมูลสมาชิก</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../../desktop/accounts/lock.py" line="180"/>
        <location filename="../../desktop/accounts/lock.py" line="182"/>
        <source>Khrueakhai is locked</source>
        <translation>โปรแกรมเครือข่ายถูกล็อกอยู่</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/lock.py" line="186"/>
        <source>Signed in as %1. Enter your password to continue, or sign in as another user.</source>
        <translation>เข้าสู่ระบบในชื่อ %1 ใส่รหัสผ่านเพื่อใช้งานต่อ หรือเข้าสู่ระบบด้วยผู้ใช้อื่น</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/lock.py" line="191"/>
        <source>Sign in</source>
        <translation>เข้าสู่ระบบ</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/lock.py" line="194"/>
        <source>This register holds personal data. Sign in with your own user name.</source>
        <translation>ทะเบียนนี้มีข้อมูลส่วนบุคคล กรุณาเข้าสู่ระบบด้วยชื่อผู้ใช้ของคุณเอง</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/lock.py" line="196"/>
        <source>Quit Khrueakhai</source>
        <translation>ออกจากโปรแกรมเครือข่าย</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../desktop/accounts/signin.py" line="204"/>
        <source>Sign in — Khrueakhai</source>
        <translation>เข้าสู่ระบบ — เครือข่าย</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/signin.py" line="205"/>
        <source>Sign in</source>
        <translation>เข้าสู่ระบบ</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/signin.py" line="208"/>
        <source>This register holds personal data. Sign in with your own user name.</source>
        <translation>ทะเบียนนี้มีข้อมูลส่วนบุคคล กรุณาเข้าสู่ระบบด้วยชื่อผู้ใช้ของคุณเอง</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/signin.py" line="210"/>
        <source>Quit</source>
        <translation>ออกจากโปรแกรม</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/main_window.py" line="100"/>
        <source>Home</source>
        <translation>หน้าแรก</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="102"/>
        <source>Members</source>
        <translation>สมาชิก</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="104"/>
        <source>Duplicates</source>
        <translation>ข้อมูลซ้ำ</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="309"/>
        <source>The members register is not available</source>
        <translation>ไม่สามารถเปิดทะเบียนสมาชิกได้ในขณะนี้</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="542"/>
        <source>Members: ?</source>
        <translation>สมาชิก: ?</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/main_window.py" line="557"/>
        <source>%Ln member(s)</source>
        <translation>
            <numerusform>สมาชิก %Ln คน</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="571"/>
        <source>&amp;File</source>
        <translation>ไฟล์ (&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="572"/>
        <source>&amp;Edit</source>
        <translation>แก้ไข (&amp;E)</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="573"/>
        <source>&amp;View</source>
        <translation>มุมมอง (&amp;V)</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="574"/>
        <source>&amp;Help</source>
        <translation>ช่วยเหลือ (&amp;H)</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="575"/>
        <source>&amp;New member…</source>
        <translation>เพิ่มสมาชิกใหม่ (&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="576"/>
        <source>&amp;Import members…</source>
        <translation>นำเข้าข้อมูลสมาชิก (&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="577"/>
        <source>&amp;Export members…</source>
        <translation>ส่งออกข้อมูลสมาชิก (&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="578"/>
        <source>&amp;Settings…</source>
        <translation>ตั้งค่า (&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="579"/>
        <source>&amp;Quit</source>
        <translation>ออกจากโปรแกรม (&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="580"/>
        <source>&amp;Refresh</source>
        <translation>โหลดใหม่ (&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="581"/>
        <source>&amp;About Khrueakhai</source>
        <translation>เกี่ยวกับโปรแกรมเครือข่าย (&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="588"/>
        <source>Pages</source>
        <translation>หน้า</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="590"/>
        <source>Database: %1</source>
        <translation>ฐานข้อมูล: %1</translation>
    </message>
</context>
<context>
    <name>MemberColumns</name>
    <message>
        <location filename="../../desktop/members/columns.py" line="90"/>
        <source>Name</source>
        <translation>ชื่อ-สกุล</translation>
    </message>
    <message>
        <location filename="../../desktop/members/columns.py" line="91"/>
        <source>Nickname</source>
        <translation>ชื่อเล่น</translation>
    </message>
    <message>
        <location filename="../../desktop/members/columns.py" line="92"/>
        <source>Organisation</source>
        <translation>หน่วยงาน</translation>
    </message>
    <message>
        <location filename="../../desktop/members/columns.py" line="93"/>
        <source>Org. type</source>
        <translation>ประเภท</translation>
    </message>
    <message>
        <location filename="../../desktop/members/columns.py" line="94"/>
        <source>Province</source>
        <translation>จังหวัด</translation>
    </message>
    <message>
        <location filename="../../desktop/members/columns.py" line="95"/>
        <source>Position</source>
        <translation>ตำแหน่ง</translation>
    </message>
    <message>
        <location filename="../../desktop/members/columns.py" line="96"/>
        <source>Personnel type</source>
        <translation>ประเภทบุคลากร</translation>
    </message>
    <message>
        <location filename="../../desktop/members/columns.py" line="97"/>
        <source>Phone</source>
        <translation>โทรศัพท์</translation>
    </message>
    <message>
        <location filename="../../desktop/members/columns.py" line="98"/>
        <source>Email</source>
        <translation>อีเมล</translation>
    </message>
    <message>
        <location filename="../../desktop/members/columns.py" line="99"/>
        <source>Member no.</source>
        <translation>เลขสมาชิก</translation>
    </message>
    <message>
        <location filename="../../desktop/members/columns.py" line="100"/>
        <source>Status</source>
        <translation>สถานะ</translation>
    </message>
    <message>
        <location filename="../../desktop/members/columns.py" line="101"/>
        <source>Joined</source>
        <translation>เข้าเป็นสมาชิก</translation>
    </message>
    <message>
        <location filename="../../desktop/members/columns.py" line="102"/>
        <source>PDPA</source>
        <translation>PDPA</translation>
    </message>
    <message>
        <location filename="../../desktop/members/columns.py" line="103"/>
        <source>National ID</source>
        <translation>เลขบัตรประชาชน</translation>
    </message>
    <message>
        <location filename="../../desktop/members/columns.py" line="110"/>
        <source>✓: the member has given consent to keep their personal data (PDPA)</source>
        <translation>✓: สมาชิกให้ความยินยอมในการเก็บข้อมูลส่วนบุคคลแล้ว (PDPA)</translation>
    </message>
    <message>
        <location filename="../../desktop/members/columns.py" line="114"/>
        <source>Masked: only the last digits are shown</source>
        <translation>ปิดบังบางส่วน: แสดงเฉพาะตัวเลขท้าย</translation>
    </message>
</context>
<context>
    <name>MemberEditorDialog</name>
    <message>
        <location filename="../../desktop/members/editor.py" line="78"/>
        <source>Save</source>
        <translation>บันทึก</translation>
    </message>
    <message>
        <location filename="../../desktop/members/editor.py" line="81"/>
        <source>Save and close (Enter)</source>
        <translation>บันทึกแล้วปิด (Enter)</translation>
    </message>
    <message>
        <location filename="../../desktop/members/editor.py" line="82"/>
        <source>Save and new</source>
        <translation>บันทึกและเพิ่มใหม่</translation>
    </message>
    <message>
        <location filename="../../desktop/members/editor.py" line="86"/>
        <source>Save, then enter the next person of the same organisation (Ctrl+Shift+S)</source>
        <translation>บันทึก แล้วกรอกคนถัดไปจากหน่วยงานเดียวกัน (Ctrl+Shift+S)</translation>
    </message>
    <message>
        <location filename="../../desktop/members/editor.py" line="88"/>
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
    </message>
    <message>
        <location filename="../../desktop/members/editor.py" line="134"/>
        <source>Edit member: {name}</source>
        <translation>แก้ไขข้อมูลสมาชิก: {name}</translation>
    </message>
    <message>
        <location filename="../../desktop/members/editor.py" line="138"/>
        <source>New member</source>
        <translation>เพิ่มสมาชิกใหม่</translation>
    </message>
    <message>
        <location filename="../../desktop/members/editor.py" line="154"/>
        <source>Close</source>
        <translation>ปิด</translation>
    </message>
    <message>
        <location filename="../../desktop/members/editor.py" line="157"/>
        <source>Read only: your role does not allow changing members.</source>
        <translation>ดูได้อย่างเดียว: บทบาทของคุณไม่อนุญาตให้แก้ไขข้อมูลสมาชิก</translation>
    </message>
    <message>
        <location filename="../../desktop/members/editor.py" line="161"/>
        <source>Member: {name} (read only)</source>
        <translation>สมาชิก: {name} (ดูอย่างเดียว)</translation>
    </message>
    <message>
        <location filename="../../desktop/members/editor.py" line="224"/>
        <source>Not saved: correct the {count} marked fields.</source>
        <translation>ยังไม่ได้บันทึก: กรุณาแก้ไขช่องที่ทำเครื่องหมายไว้ {count} ช่อง</translation>
    </message>
    <message>
        <location filename="../../desktop/members/editor.py" line="226"/>
        <source>Not saved: correct the marked field.</source>
        <translation>ยังไม่ได้บันทึก: กรุณาแก้ไขช่องที่ทำเครื่องหมายไว้</translation>
    </message>
    <message>
        <location filename="../../desktop/members/editor.py" line="264"/>
        <source>Saved {name}. Enter the next person.</source>
        <translation>บันทึก {name} แล้ว กรอกข้อมูลคนถัดไปได้เลย</translation>
    </message>
    <message>
        <location filename="../../desktop/members/editor.py" line="287"/>
        <source>Discard changes?</source>
        <translation>ปิดโดยไม่บันทึกหรือไม่</translation>
    </message>
    <message>
        <location filename="../../desktop/members/editor.py" line="288"/>
        <source>The changes to this member have not been saved. Discard them?</source>
        <translation>การแก้ไขข้อมูลสมาชิกนี้ยังไม่ได้บันทึก ต้องการปิดโดยไม่บันทึกหรือไม่</translation>
    </message>
</context>
<context>
    <name>MemberForm</name>
    <message>
        <location filename="../../desktop/members/editor_form.py" line="154"/>
        <source>Name</source>
        <translation>ชื่อ</translation>
    </message>
    <message>
        <location filename="../../desktop/history/texts.py" line="21"/>
        <location filename="../../desktop/members/editor_form.py" line="166"/>
        <source>Prefix</source>
        <translation>คำนำหน้า</translation>
    </message>
    <message>
        <location filename="../../desktop/members/editor_form.py" line="167"/>
        <source>First name *</source>
        <translation>ชื่อ *</translation>
    </message>
    <message>
        <location filename="../../desktop/history/texts.py" line="23"/>
        <location filename="../../desktop/members/editor_form.py" line="168"/>
        <source>Last name</source>
        <translation>นามสกุล</translation>
    </message>
    <message>
        <location filename="../../desktop/history/texts.py" line="24"/>
        <location filename="../../desktop/members/editor_form.py" line="169"/>
        <source>First name (English)</source>
        <translation>ชื่อ (ภาษาอังกฤษ)</translation>
    </message>
    <message>
        <location filename="../../desktop/history/texts.py" line="25"/>
        <location filename="../../desktop/members/editor_form.py" line="170"/>
        <source>Last name (English)</source>
        <translation>นามสกุล (ภาษาอังกฤษ)</translation>
    </message>
    <message>
        <location filename="../../desktop/history/texts.py" line="26"/>
        <location filename="../../desktop/members/editor_form.py" line="171"/>
        <source>Nickname</source>
        <translation>ชื่อเล่น</translation>
    </message>
    <message>
        <location filename="../../desktop/members/editor_form.py" line="175"/>
        <source>Identity</source>
        <translation>ข้อมูลประจำตัว</translation>
    </message>
    <message>
        <location filename="../../desktop/members/editor_form.py" line="183"/>
        <source>(not given)</source>
        <translation>(ไม่ระบุ)</translation>
    </message>
    <message>
        <location filename="../../desktop/members/editor_form.py" line="452"/>
        <source>Hidden (personal data)</source>
        <translation>ซ่อนไว้ (ข้อมูลส่วนบุคคล)</translation>
    </message>
    <message>
        <location filename="../../desktop/history/texts.py" line="27"/>
        <location filename="../../desktop/members/editor_form.py" line="186"/>
        <source>National ID</source>
        <translation>เลขประจำตัวประชาชน</translation>
    </message>
    <message>
        <location filename="../../desktop/history/texts.py" line="28"/>
        <location filename="../../desktop/members/editor_form.py" line="188"/>
        <source>Birth date</source>
        <translation>วันเกิด</translation>
    </message>
    <message>
        <location filename="../../desktop/history/texts.py" line="29"/>
        <location filename="../../desktop/members/editor_form.py" line="189"/>
        <source>Gender</source>
        <translation>เพศ</translation>
    </message>
    <message>
        <location filename="../../desktop/members/editor_form.py" line="193"/>
        <source>Work</source>
        <translation>การทำงาน</translation>
    </message>
    <message>
        <location filename="../../desktop/members/editor_form.py" line="195"/>
        <source>Type part of the name, then choose</source>
        <translation>พิมพ์บางส่วนของชื่อ แล้วเลือกจากรายการ</translation>
    </message>
    <message>
        <location filename="../../desktop/history/texts.py" line="34"/>
        <location filename="../../desktop/members/editor_form.py" line="204"/>
        <source>Organisation</source>
        <translation>หน่วยงาน</translation>
    </message>
    <message>
        <location filename="../../desktop/history/texts.py" line="30"/>
        <location filename="../../desktop/members/editor_form.py" line="205"/>
        <source>Personnel type</source>
        <translation>ประเภทบุคลากร</translation>
    </message>
    <message>
        <location filename="../../desktop/history/texts.py" line="31"/>
        <location filename="../../desktop/members/editor_form.py" line="206"/>
        <source>Position</source>
        <translation>ตำแหน่ง</translation>
    </message>
    <message>
        <location filename="../../desktop/history/texts.py" line="32"/>
        <location filename="../../desktop/members/editor_form.py" line="207"/>
        <source>Position type</source>
        <translation>ประเภทตำแหน่ง</translation>
    </message>
    <message>
        <location filename="../../desktop/history/texts.py" line="33"/>
        <location filename="../../desktop/members/editor_form.py" line="208"/>
        <source>Level</source>
        <translation>ระดับตำแหน่ง</translation>
    </message>
    <message>
        <location filename="../../desktop/members/editor_form.py" line="215"/>
        <source>Contact</source>
        <translation>ข้อมูลติดต่อ</translation>
    </message>
    <message>
        <location filename="../../desktop/history/texts.py" line="35"/>
        <location filename="../../desktop/members/editor_form.py" line="225"/>
        <source>Mobile</source>
        <translation>โทรศัพท์มือถือ</translation>
    </message>
    <message>
        <location filename="../../desktop/history/texts.py" line="36"/>
        <location filename="../../desktop/members/editor_form.py" line="226"/>
        <source>Office phone</source>
        <translation>โทรศัพท์ที่ทำงาน</translation>
    </message>
    <message>
        <location filename="../../desktop/history/texts.py" line="37"/>
        <location filename="../../desktop/members/editor_form.py" line="227"/>
        <source>Email</source>
        <translation>อีเมล</translation>
    </message>
    <message>
        <location filename="../../desktop/history/texts.py" line="38"/>
        <location filename="../../desktop/members/editor_form.py" line="228"/>
        <source>LINE ID</source>
        <translation>ไอดีไลน์</translation>
    </message>
    <message>
        <location filename="../../desktop/history/texts.py" line="39"/>
        <location filename="../../desktop/members/editor_form.py" line="229"/>
        <source>Address</source>
        <translation>ที่อยู่</translation>
    </message>
    <message>
        <location filename="../../desktop/members/editor_form.py" line="233"/>
        <source>Membership</source>
        <translation>การเป็นสมาชิก</translation>
    </message>
    <message>
        <location filename="../../desktop/history/texts.py" line="40"/>
        <location filename="../../desktop/members/editor_form.py" line="244"/>
        <source>Member no.</source>
        <translation>เลขสมาชิก</translation>
    </message>
    <message>
        <location filename="../../desktop/history/texts.py" line="41"/>
        <location filename="../../desktop/members/editor_form.py" line="245"/>
        <source>Status</source>
        <translation>สถานะ</translation>
    </message>
    <message>
        <location filename="../../desktop/history/texts.py" line="42"/>
        <location filename="../../desktop/members/editor_form.py" line="246"/>
        <source>Joined</source>
        <translation>วันที่เข้าเป็นสมาชิก</translation>
    </message>
    <message>
        <location filename="../../desktop/history/texts.py" line="43"/>
        <location filename="../../desktop/members/editor_form.py" line="247"/>
        <source>Expires</source>
        <translation>วันที่หมดอายุ</translation>
    </message>
    <message>
        <location filename="../../desktop/members/editor_form.py" line="251"/>
        <source>Strengths, consent and notes</source>
        <translation>ความเชี่ยวชาญ ความยินยอม และหมายเหตุ</translation>
    </message>
    <message>
        <location filename="../../desktop/history/texts.py" line="47"/>
        <location filename="../../desktop/members/editor_form.py" line="262"/>
        <source>Strengths</source>
        <translation>ความเชี่ยวชาญ</translation>
    </message>
    <message>
        <location filename="../../desktop/history/texts.py" line="45"/>
        <location filename="../../desktop/members/editor_form.py" line="263"/>
        <source>PDPA consent date</source>
        <translation>วันที่ให้ความยินยอม (PDPA)</translation>
    </message>
    <message>
        <location filename="../../desktop/history/texts.py" line="46"/>
        <location filename="../../desktop/members/editor_form.py" line="264"/>
        <source>Consent purpose</source>
        <translation>วัตถุประสงค์ของความยินยอม</translation>
    </message>
    <message>
        <location filename="../../desktop/history/texts.py" line="44"/>
        <location filename="../../desktop/members/editor_form.py" line="265"/>
        <source>Notes</source>
        <translation>หมายเหตุ</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/national_id_edit.py" line="71"/>
        <source>{count} of 13 digits</source>
        <translation>{count} จาก 13 หลัก</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/national_id_edit.py" line="78"/>
        <source>✗ The check digit does not match: a digit was probably mistyped</source>
        <translation>✗ หลักสุดท้ายไม่ตรง อาจพิมพ์ผิดบางหลัก</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/national_id_edit.py" line="86"/>
        <source>✗ A national ID has 13 digits</source>
        <translation>✗ เลขประจำตัวประชาชนต้องมี 13 หลัก</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/national_id_edit.py" line="90"/>
        <source>✓ Valid national ID</source>
        <translation>✓ เลขประจำตัวประชาชนถูกต้อง</translation>
    </message>
</context>
<context>
    <name>MemberHistoryView</name>
    <message>
        <location filename="../../desktop/history/view.py" line="122"/>
        <source>Select a member to see their history.</source>
        <translation>เลือกสมาชิกเพื่อดูประวัติการแก้ไข</translation>
    </message>
    <message>
        <location filename="../../desktop/history/view.py" line="125"/>
        <source>No changes recorded yet.</source>
        <translation>ยังไม่มีการเปลี่ยนแปลงที่บันทึกไว้</translation>
    </message>
    <message>
        <location filename="../../desktop/history/view.py" line="133"/>
        <source>%1 on %2</source>
        <translation>%1 ที่เครื่อง %2</translation>
    </message>
    <message>
        <location filename="../../desktop/history/view.py" line="143"/>
        <source>Import undone: %1</source>
        <translation>เลิกทำการนำเข้าแล้ว: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/history/view.py" line="145"/>
        <source>Updated by the import of %1</source>
        <translation>ปรับปรุงโดยการนำเข้าไฟล์ %1</translation>
    </message>
    <message>
        <location filename="../../desktop/history/view.py" line="146"/>
        <source>Imported from %1</source>
        <translation>นำเข้าจากไฟล์ %1</translation>
    </message>
    <message>
        <location filename="../../desktop/history/view.py" line="150"/>
        <source>Merged into %1</source>
        <translation>รวมเข้ากับ %1</translation>
    </message>
    <message>
        <location filename="../../desktop/history/view.py" line="151"/>
        <source>Merged with %1</source>
        <translation>รวมระเบียนกับ %1</translation>
    </message>
    <message>
        <location filename="../../desktop/history/view.py" line="153"/>
        <source>(deleted group)</source>
        <translation>(กลุ่มที่ถูกลบ)</translation>
    </message>
    <message>
        <location filename="../../desktop/history/view.py" line="155"/>
        <source>Added to the group %1</source>
        <translation>เพิ่มเข้ากลุ่ม %1</translation>
    </message>
    <message>
        <location filename="../../desktop/history/view.py" line="156"/>
        <source>Removed from the group %1</source>
        <translation>นำออกจากกลุ่ม %1</translation>
    </message>
    <message>
        <location filename="../../desktop/history/view.py" line="157"/>
        <source>Undo: group %1</source>
        <translation>เลิกทำ: กลุ่ม %1</translation>
    </message>
    <message>
        <location filename="../../desktop/history/view.py" line="159"/>
        <source>Group %1 changed</source>
        <translation>เปลี่ยนแปลงในกลุ่ม %1</translation>
    </message>
    <message>
        <location filename="../../desktop/history/view.py" line="163"/>
        <source>Dues payment recorded</source>
        <translation>บันทึกการชำระค่าบำรุง</translation>
    </message>
    <message>
        <location filename="../../desktop/history/view.py" line="164"/>
        <source>Dues payment deleted</source>
        <translation>ลบการชำระค่าบำรุง</translation>
    </message>
    <message>
        <location filename="../../desktop/history/view.py" line="165"/>
        <source>Undo: dues payment</source>
        <translation>เลิกทำ: การชำระค่าบำรุง</translation>
    </message>
    <message>
        <location filename="../../desktop/history/view.py" line="167"/>
        <source>Dues payment changed</source>
        <translation>แก้ไขการชำระค่าบำรุง</translation>
    </message>
    <message>
        <location filename="../../desktop/history/view.py" line="169"/>
        <source>Member added</source>
        <translation>เพิ่มสมาชิก</translation>
    </message>
    <message>
        <location filename="../../desktop/history/view.py" line="170"/>
        <source>Details changed</source>
        <translation>แก้ไขข้อมูล</translation>
    </message>
    <message>
        <location filename="../../desktop/history/view.py" line="171"/>
        <source>Member deleted</source>
        <translation>ลบสมาชิก</translation>
    </message>
    <message>
        <location filename="../../desktop/history/view.py" line="172"/>
        <source>Member restored</source>
        <translation>กู้คืนสมาชิก</translation>
    </message>
    <message>
        <location filename="../../desktop/history/view.py" line="173"/>
        <source>Undo of an earlier change</source>
        <translation>เลิกทำการเปลี่ยนแปลงก่อนหน้า</translation>
    </message>
    <message>
        <location filename="../../desktop/history/view.py" line="174"/>
        <source>Personal data erased (PDPA)</source>
        <translation>ลบข้อมูลส่วนบุคคลตามคำขอ (PDPA)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/history/view.py" line="187"/>
        <location filename="../../desktop/history/view.py" line="237"/>
        <source>%Ln member(s) imported</source>
        <translation>
            <numerusform>นำเข้า %Ln คน</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/history/view.py" line="189"/>
        <location filename="../../desktop/history/view.py" line="238"/>
        <source>%Ln updated</source>
        <translation>
            <numerusform>ปรับปรุง %Ln คน</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/history/view.py" line="205"/>
        <source>was %1</source>
        <translation>เดิม %1</translation>
    </message>
    <message>
        <location filename="../../desktop/history/view.py" line="233"/>
        <source>Import</source>
        <translation>การนำเข้า</translation>
    </message>
    <message>
        <location filename="../../desktop/history/view.py" line="234"/>
        <source>Import of %1</source>
        <translation>การนำเข้าไฟล์ %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/history/view.py" line="239"/>
        <source>%Ln skipped</source>
        <translation>
            <numerusform>ข้าม %Ln คน</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/history/view.py" line="240"/>
        <source>%Ln rejected</source>
        <translation>
            <numerusform>ไม่รับ %Ln คน</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/history/view.py" line="243"/>
        <source>Merge</source>
        <translation>การรวมระเบียน</translation>
    </message>
    <message>
        <location filename="../../desktop/history/view.py" line="244"/>
        <source>Merge with %1</source>
        <translation>การรวมระเบียนกับ %1</translation>
    </message>
    <message>
        <location filename="../../desktop/history/view.py" line="264"/>
        <source>Show older changes</source>
        <translation>แสดงการเปลี่ยนแปลงที่เก่ากว่า</translation>
    </message>
</context>
<context>
    <name>MemberPrivacy</name>
    <message>
        <location filename="../../desktop/privacy/commands.py" line="40"/>
        <source>Folder for the member&apos;s data</source>
        <translation>โฟลเดอร์สำหรับเก็บข้อมูลของสมาชิก</translation>
    </message>
    <message>
        <location filename="../../desktop/privacy/commands.py" line="49"/>
        <source>Member&apos;s data exported</source>
        <translation>ส่งออกข้อมูลของสมาชิกแล้ว</translation>
    </message>
    <message>
        <location filename="../../desktop/privacy/commands.py" line="50"/>
        <source>Written:</source>
        <translation>บันทึกไฟล์:</translation>
    </message>
    <message>
        <location filename="../../desktop/privacy/commands.py" line="53"/>
        <source>Open folder</source>
        <translation>เปิดโฟลเดอร์</translation>
    </message>
    <message>
        <location filename="../../desktop/privacy/commands.py" line="110"/>
        <source>Only an administrator may erase a member&apos;s personal data.</source>
        <translation>เฉพาะผู้ดูแลระบบเท่านั้นที่ลบข้อมูลส่วนบุคคลของสมาชิกได้</translation>
    </message>
    <message>
        <location filename="../../desktop/privacy/commands.py" line="113"/>
        <source>The member no longer exists (deleted elsewhere?).</source>
        <translation>ไม่พบสมาชิกนี้แล้ว (อาจถูกลบจากที่อื่น)</translation>
    </message>
    <message>
        <location filename="../../desktop/privacy/commands.py" line="116"/>
        <source>Give the reason for the erasure.</source>
        <translation>โปรดระบุเหตุผลของการลบข้อมูล</translation>
    </message>
    <message>
        <location filename="../../desktop/privacy/commands.py" line="119"/>
        <source>The reason is too long.</source>
        <translation>เหตุผลยาวเกินไป</translation>
    </message>
    <message>
        <location filename="../../desktop/privacy/commands.py" line="120"/>
        <source>This member&apos;s personal data was already erased.</source>
        <translation>ข้อมูลส่วนบุคคลของสมาชิกนี้ถูกลบไปแล้ว</translation>
    </message>
    <message>
        <location filename="../../desktop/privacy/commands.py" line="143"/>
        <location filename="../../desktop/privacy/commands.py" line="169"/>
        <source>Erase personal data</source>
        <translation>ลบข้อมูลส่วนบุคคล</translation>
    </message>
</context>
<context>
    <name>MemberProfilePanel</name>
    <message>
        <location filename="../../desktop/members/profile_panel.py" line="101"/>
        <source>Profile</source>
        <translation>ประวัติส่วนตัว</translation>
    </message>
    <message>
        <location filename="../../desktop/members/profile_panel.py" line="102"/>
        <source>History</source>
        <translation>ประวัติการแก้ไข</translation>
    </message>
    <message>
        <location filename="../../desktop/members/profile_panel.py" line="140"/>
        <source>Select a member to see their profile.</source>
        <translation>เลือกสมาชิกเพื่อดูรายละเอียด</translation>
    </message>
    <message>
        <location filename="../../desktop/members/profile_panel.py" line="151"/>
        <source>Nickname: %1</source>
        <translation>ชื่อเล่น: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/members/profile_panel.py" line="164"/>
        <source>Position</source>
        <translation>ตำแหน่ง</translation>
    </message>
    <message>
        <location filename="../../desktop/members/profile_panel.py" line="165"/>
        <source>Position type</source>
        <translation>ประเภทตำแหน่ง</translation>
    </message>
    <message>
        <location filename="../../desktop/members/profile_panel.py" line="166"/>
        <source>Personnel type</source>
        <translation>ประเภทบุคลากร</translation>
    </message>
    <message>
        <location filename="../../desktop/members/profile_panel.py" line="167"/>
        <source>Organisation</source>
        <translation>หน่วยงาน</translation>
    </message>
    <message>
        <location filename="../../desktop/members/profile_panel.py" line="168"/>
        <source>Mobile</source>
        <translation>โทรศัพท์มือถือ</translation>
    </message>
    <message>
        <location filename="../../desktop/members/profile_panel.py" line="169"/>
        <source>Office phone</source>
        <translation>โทรศัพท์ที่ทำงาน</translation>
    </message>
    <message>
        <location filename="../../desktop/members/profile_panel.py" line="170"/>
        <source>Email</source>
        <translation>อีเมล</translation>
    </message>
    <message>
        <location filename="../../desktop/members/profile_panel.py" line="171"/>
        <source>LINE ID</source>
        <translation>ไอดีไลน์</translation>
    </message>
    <message>
        <location filename="../../desktop/members/profile_panel.py" line="172"/>
        <source>National ID</source>
        <translation>เลขประจำตัวประชาชน</translation>
    </message>
    <message>
        <location filename="../../desktop/members/profile_panel.py" line="173"/>
        <source>Member no.</source>
        <translation>เลขสมาชิก</translation>
    </message>
    <message>
        <location filename="../../desktop/members/profile_panel.py" line="174"/>
        <source>Status</source>
        <translation>สถานะ</translation>
    </message>
    <message>
        <location filename="../../desktop/members/profile_panel.py" line="175"/>
        <source>Joined</source>
        <translation>วันที่เข้าเป็นสมาชิก</translation>
    </message>
    <message>
        <location filename="../../desktop/members/profile_panel.py" line="176"/>
        <source>Expires</source>
        <translation>วันที่หมดอายุ</translation>
    </message>
    <message>
        <location filename="../../desktop/members/profile_panel.py" line="177"/>
        <source>PDPA consent</source>
        <translation>ความยินยอม (PDPA)</translation>
    </message>
    <message>
        <location filename="../../desktop/members/profile_panel.py" line="182"/>
        <source>Strengths</source>
        <translation>ความเชี่ยวชาญ</translation>
    </message>
    <message>
        <location filename="../../desktop/members/profile_panel.py" line="184"/>
        <source>Groups</source>
        <translation>กลุ่ม</translation>
    </message>
    <message>
        <location filename="../../desktop/members/profile_panel.py" line="191"/>
        <source>(until %1)</source>
        <translation>(ถึง %1)</translation>
    </message>
    <message>
        <location filename="../../desktop/members/profile_panel.py" line="201"/>
        <source>No groups</source>
        <translation>ยังไม่อยู่ในกลุ่มใด</translation>
    </message>
    <message>
        <location filename="../../desktop/members/profile_panel.py" line="202"/>
        <source>Dues</source>
        <translation>ค่าบำรุง</translation>
    </message>
    <message>
        <location filename="../../desktop/members/profile_panel.py" line="206"/>
        <source>FY %1</source>
        <translation>ปีงบฯ %1</translation>
    </message>
    <message>
        <location filename="../../desktop/members/profile_panel.py" line="218"/>
        <source>No dues paid</source>
        <translation>ยังไม่มีการชำระค่าบำรุง</translation>
    </message>
    <message>
        <location filename="../../desktop/members/profile_panel.py" line="220"/>
        <source>Notes</source>
        <translation>หมายเหตุ</translation>
    </message>
    <message>
        <location filename="../../desktop/members/profile_panel.py" line="235"/>
        <source>not recorded</source>
        <translation>ยังไม่ได้บันทึก</translation>
    </message>
</context>
<context>
    <name>MembersView</name>
    <message>
        <location filename="../../desktop/members/view.py" line="142"/>
        <source>Search: name, nickname, organisation, position, ID or phone number</source>
        <translation>ค้นหา: ชื่อ ชื่อเล่น หน่วยงาน ตำแหน่ง เลขประจำตัว หรือเบอร์โทรศัพท์</translation>
    </message>
    <message>
        <location filename="../../desktop/members/view.py" line="144"/>
        <source>Filters</source>
        <translation>ตัวกรอง</translation>
    </message>
    <message>
        <location filename="../../desktop/members/view.py" line="145"/>
        <source>Groups</source>
        <translation>กลุ่ม</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/members/view.py" line="358"/>
        <source>%Ln member(s)</source>
        <translation>
            <numerusform>สมาชิก %Ln คน</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/members/view.py" line="360"/>
        <source>%1 of %Ln member(s)</source>
        <translation>
            <numerusform>แสดง %1 จาก %Ln คน</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/members/view.py" line="456"/>
        <source>Delete %Ln selected member(s)?</source>
        <translation>
            <numerusform>ต้องการลบสมาชิกที่เลือก %Ln คนหรือไม่</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/members/actions.py" line="67"/>
        <source>New member</source>
        <translation>เพิ่มสมาชิก</translation>
    </message>
    <message>
        <location filename="../../desktop/members/actions.py" line="68"/>
        <source>Edit</source>
        <translation>แก้ไข</translation>
    </message>
    <message>
        <location filename="../../desktop/members/actions.py" line="69"/>
        <source>Delete</source>
        <translation>ลบ</translation>
    </message>
    <message>
        <location filename="../../desktop/members/actions.py" line="70"/>
        <source>Add to group…</source>
        <translation>เพิ่มเข้ากลุ่ม…</translation>
    </message>
    <message>
        <location filename="../../desktop/members/actions.py" line="71"/>
        <source>Find</source>
        <translation>ค้นหา</translation>
    </message>
    <message>
        <location filename="../../desktop/members/actions.py" line="72"/>
        <source>Filters and groups</source>
        <translation>ตัวกรองและกลุ่ม</translation>
    </message>
    <message>
        <location filename="../../desktop/members/actions.py" line="73"/>
        <source>Refresh</source>
        <translation>โหลดใหม่</translation>
    </message>
    <message>
        <location filename="../../desktop/members/actions.py" line="79"/>
        <source>Export this member&apos;s data…</source>
        <translation>ส่งออกข้อมูลของสมาชิกนี้…</translation>
    </message>
    <message>
        <location filename="../../desktop/members/actions.py" line="83"/>
        <source>Erase this member&apos;s personal data…</source>
        <translation>ลบข้อมูลส่วนบุคคลของสมาชิกนี้…</translation>
    </message>
    <message>
        <location filename="../../desktop/members/view.py" line="354"/>
        <source>Counting members…</source>
        <translation>กำลังนับจำนวนสมาชิก…</translation>
    </message>
    <message>
        <location filename="../../desktop/members/view.py" line="454"/>
        <source>Delete the member {name}?</source>
        <translation>ต้องการลบสมาชิก {name} หรือไม่</translation>
    </message>
    <message>
        <location filename="../../desktop/members/view.py" line="459"/>
        <source>Delete members</source>
        <translation>ลบสมาชิก</translation>
    </message>
    <message>
        <location filename="../../desktop/members/view.py" line="460"/>
        <source>They are hidden from the register, not erased.</source>
        <translation>ข้อมูลจะถูกซ่อนจากทะเบียน ไม่ได้ถูกลบทิ้งถาวร</translation>
    </message>
</context>
<context>
    <name>MergeComparisonModel</name>
    <message>
        <location filename="../../desktop/duplicates/comparison_model.py" line="185"/>
        <source>(empty)</source>
        <translation>(ว่าง)</translation>
    </message>
    <message>
        <location filename="../../desktop/duplicates/comparison_model.py" line="234"/>
        <source>Field</source>
        <translation>ช่องข้อมูล</translation>
    </message>
    <message>
        <location filename="../../desktop/duplicates/comparison_model.py" line="236"/>
        <source>Record A</source>
        <translation>ระเบียน ก</translation>
    </message>
    <message>
        <location filename="../../desktop/duplicates/comparison_model.py" line="236"/>
        <source>Record B</source>
        <translation>ระเบียน ข</translation>
    </message>
    <message>
        <location filename="../../desktop/duplicates/comparison_model.py" line="238"/>
        <source>%1 (kept)</source>
        <translation>%1 (เก็บไว้)</translation>
    </message>
</context>
<context>
    <name>Operations</name>
    <message>
        <location filename="../../desktop/operations/tasks.py" line="51"/>
        <source>Something went wrong</source>
        <translation>เกิดข้อผิดพลาด</translation>
    </message>
    <message>
        <location filename="../../desktop/operations/errors.py" line="21"/>
        <source>Give the group a name.</source>
        <translation>กรุณาตั้งชื่อกลุ่ม</translation>
    </message>
    <message>
        <location filename="../../desktop/operations/errors.py" line="22"/>
        <source>Choose the kind of group from the list.</source>
        <translation>กรุณาเลือกประเภทกลุ่มจากรายการ</translation>
    </message>
    <message>
        <location filename="../../desktop/operations/errors.py" line="25"/>
        <source>The group no longer exists (deleted elsewhere?).</source>
        <translation>ไม่พบกลุ่มนี้แล้ว (อาจถูกลบจากที่อื่น)</translation>
    </message>
    <message>
        <location filename="../../desktop/operations/errors.py" line="28"/>
        <source>A group cannot be placed inside itself or inside one of its sub-groups.</source>
        <translation>ไม่สามารถย้ายกลุ่มไปไว้ใต้กลุ่มเดิมหรือใต้กลุ่มย่อยของกลุ่มนั้นได้</translation>
    </message>
    <message>
        <location filename="../../desktop/operations/errors.py" line="31"/>
        <source>There is already a group with this name here.</source>
        <translation>มีกลุ่มชื่อนี้อยู่ในระดับเดียวกันแล้ว</translation>
    </message>
    <message>
        <location filename="../../desktop/operations/errors.py" line="34"/>
        <source>This group has sub-groups: delete or move them first.</source>
        <translation>กลุ่มนี้มีกลุ่มย่อยอยู่: กรุณาลบหรือย้ายกลุ่มย่อยก่อน</translation>
    </message>
    <message>
        <location filename="../../desktop/operations/errors.py" line="37"/>
        <source>The member no longer exists (deleted elsewhere?).</source>
        <translation>ไม่พบสมาชิกนี้แล้ว (อาจถูกลบจากที่อื่น)</translation>
    </message>
    <message>
        <location filename="../../desktop/operations/errors.py" line="40"/>
        <source>Choose a role from the list.</source>
        <translation>กรุณาเลือกบทบาทจากรายการ</translation>
    </message>
    <message>
        <location filename="../../desktop/operations/errors.py" line="41"/>
        <source>The member is already in this group: change their role instead.</source>
        <translation>สมาชิกคนนี้อยู่ในกลุ่มนี้แล้ว: ให้เปลี่ยนบทบาทแทน</translation>
    </message>
    <message>
        <location filename="../../desktop/operations/errors.py" line="44"/>
        <source>This membership no longer exists.</source>
        <translation>ไม่พบการเป็นสมาชิกกลุ่มนี้แล้ว</translation>
    </message>
    <message>
        <location filename="../../desktop/operations/errors.py" line="47"/>
        <source>The date is not valid for this membership.</source>
        <translation>วันที่นี้ใช้กับการเป็นสมาชิกกลุ่มนี้ไม่ได้</translation>
    </message>
    <message>
        <location filename="../../desktop/operations/errors.py" line="61"/>
        <source>The database is busy with other work. Wait a moment and try again.</source>
        <translation>ฐานข้อมูลกำลังทำงานอื่นอยู่ กรุณารอสักครู่แล้วลองใหม่</translation>
    </message>
    <message>
        <location filename="../../desktop/operations/errors.py" line="65"/>
        <source>The database could not do this: {detail}</source>
        <translation>ฐานข้อมูลไม่สามารถดำเนินการนี้ได้: {detail}</translation>
    </message>
    <message>
        <location filename="../../desktop/operations/errors.py" line="69"/>
        <source>It no longer exists: someone may have deleted it. Refresh with F5.</source>
        <translation>ไม่พบข้อมูลนี้แล้ว อาจมีผู้อื่นลบไป กด F5 เพื่อโหลดใหม่</translation>
    </message>
    <message>
        <location filename="../../desktop/operations/errors.py" line="77"/>
        <source>Unexpected error: {detail}</source>
        <translation>เกิดข้อผิดพลาดที่ไม่คาดคิด: {detail}</translation>
    </message>
    <message>
        <location filename="../../desktop/operations/members.py" line="45"/>
        <source>The member could not be saved</source>
        <translation>ไม่สามารถบันทึกข้อมูลสมาชิกได้</translation>
    </message>
    <message>
        <location filename="../../desktop/operations/members.py" line="68"/>
        <source>The members could not be deleted</source>
        <translation>ไม่สามารถลบสมาชิกได้</translation>
    </message>
    <message>
        <location filename="../../desktop/operations/members.py" line="131"/>
        <source>The members could not be added to the group</source>
        <translation>ไม่สามารถเพิ่มสมาชิกเข้ากลุ่มได้</translation>
    </message>
    <message>
        <location filename="../../desktop/operations/members.py" line="160"/>
        <source>The group could not be saved</source>
        <translation>ไม่สามารถบันทึกกลุ่มได้</translation>
    </message>
    <message>
        <location filename="../../desktop/operations/members.py" line="178"/>
        <source>The group could not be deleted</source>
        <translation>ไม่สามารถลบกลุ่มได้</translation>
    </message>
    <message>
        <location filename="../../desktop/operations/members.py" line="198"/>
        <source>The role could not be changed</source>
        <translation>ไม่สามารถเปลี่ยนบทบาทได้</translation>
    </message>
    <message>
        <location filename="../../desktop/operations/members.py" line="222"/>
        <source>The membership could not be ended</source>
        <translation>ไม่สามารถสิ้นสุดการเป็นสมาชิกได้</translation>
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
    <name>RecentChangesModel</name>
    <message>
        <location filename="../../desktop/home/recent.py" line="29"/>
        <source>Member</source>
        <translation>สมาชิก</translation>
    </message>
    <message>
        <location filename="../../desktop/home/recent.py" line="30"/>
        <source>Organisation</source>
        <translation>หน่วยงาน</translation>
    </message>
    <message>
        <location filename="../../desktop/home/recent.py" line="31"/>
        <source>Change</source>
        <translation>การเปลี่ยนแปลง</translation>
    </message>
    <message>
        <location filename="../../desktop/home/recent.py" line="32"/>
        <source>When</source>
        <translation>เมื่อ</translation>
    </message>
    <message>
        <location filename="../../desktop/home/recent.py" line="78"/>
        <source>No organisation</source>
        <translation>ไม่ระบุหน่วยงาน</translation>
    </message>
    <message>
        <location filename="../../desktop/home/recent.py" line="81"/>
        <source>Added</source>
        <translation>เพิ่มใหม่</translation>
    </message>
    <message>
        <location filename="../../desktop/home/recent.py" line="82"/>
        <source>Edited</source>
        <translation>แก้ไข</translation>
    </message>
</context>
<context>
    <name>RoleDialog</name>
    <message>
        <location filename="../../desktop/members/group_dialogs.py" line="213"/>
        <source>Change role</source>
        <translation>เปลี่ยนบทบาท</translation>
    </message>
    <message>
        <location filename="../../desktop/members/group_dialogs.py" line="218"/>
        <source>Member</source>
        <translation>สมาชิก</translation>
    </message>
    <message>
        <location filename="../../desktop/members/group_dialogs.py" line="219"/>
        <source>Role</source>
        <translation>บทบาท</translation>
    </message>
</context>
<context>
    <name>SelfCheck</name>
    <message>
        <location filename="../../desktop/self_check.py" line="173"/>
        <source>Thai translation loaded</source>
        <translation>โหลดคำแปลภาษาไทยแล้ว</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../desktop/settings_dialog.py" line="128"/>
        <source>Settings</source>
        <translation>ตั้งค่า</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_pages/general.py" line="91"/>
        <source>General</source>
        <translation>ทั่วไป</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_pages/general.py" line="97"/>
        <source>Buddhist era (B.E. %1)</source>
        <translation>พุทธศักราช (พ.ศ. %1)</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_pages/general.py" line="103"/>
        <source>Common era (C.E. %1)</source>
        <translation>คริสต์ศักราช (ค.ศ. %1)</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_pages/general.py" line="108"/>
        <source>Write numbers in Thai digits (๑๒๓)</source>
        <translation>ใช้เลขไทย (๑๒๓)</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_pages/general.py" line="111"/>
        <source>Dates are always stored the same way; the era only changes how they are shown. Thai digits apply to printed documents.</source>
        <translation>วันที่จัดเก็บแบบเดียวกันเสมอ ศักราชที่เลือกมีผลเฉพาะการแสดงผล ส่วนเลขไทยใช้กับเอกสารที่พิมพ์ออกมา</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_pages/general.py" line="117"/>
        <source>&amp;Language:</source>
        <translation>ภาษา (&amp;L):</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_pages/general.py" line="118"/>
        <source>&amp;Years in dates:</source>
        <translation>ศักราชของปี (&amp;Y):</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_pages/general.py" line="119"/>
        <source>Documents:</source>
        <translation>เอกสาร:</translation>
    </message>
</context>
<context>
    <name>SignInForm</name>
    <message>
        <location filename="../../desktop/accounts/signin.py" line="100"/>
        <source>User name</source>
        <translation>ชื่อผู้ใช้</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/signin.py" line="101"/>
        <source>Password</source>
        <translation>รหัสผ่าน</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/signin.py" line="102"/>
        <source>Sign in</source>
        <translation>เข้าสู่ระบบ</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/signin.py" line="126"/>
        <source>Type your user name and password.</source>
        <translation>กรุณาพิมพ์ชื่อผู้ใช้และรหัสผ่าน</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/signin.py" line="132"/>
        <source>Checking…</source>
        <translation>กำลังตรวจสอบ…</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/signin.py" line="160"/>
        <source>Could not sign in: %1</source>
        <translation>เข้าสู่ระบบไม่สำเร็จ: %1</translation>
    </message>
</context>
<context>
    <name>SignatoriesEditor</name>
    <message>
        <location filename="../../desktop/settings_pages/signatories.py" line="69"/>
        <source>Name</source>
        <translation>ชื่อ-สกุล</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_pages/signatories.py" line="69"/>
        <source>Position</source>
        <translation>ตำแหน่ง</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_pages/signatories.py" line="69"/>
        <source>Signs as</source>
        <translation>ลงนามในฐานะ</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_pages/signatories.py" line="71"/>
        <source>&amp;Add</source>
        <translation>เพิ่ม (&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_pages/signatories.py" line="72"/>
        <source>Re&amp;move</source>
        <translation>ลบ (&amp;M)</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_pages/signatories.py" line="73"/>
        <source>Move &amp;up</source>
        <translation>เลื่อนขึ้น (&amp;U)</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_pages/signatories.py" line="74"/>
        <source>Move do&amp;wn</source>
        <translation>เลื่อนลง (&amp;W)</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_pages/signatories.py" line="77"/>
        <source>Who signs the association&apos;s documents, in the order they sign; &apos;Signs as&apos; is the line under the signature, such as นายกสมาคม or เลขาธิการ.</source>
        <translation>ผู้ลงนามในเอกสารของสมาคมตามลำดับการลงนาม ช่อง &apos;ลงนามในฐานะ&apos; คือบรรทัดใต้ลายมือชื่อ เช่น นายกสมาคม หรือ เลขาธิการ</translation>
    </message>
</context>
<context>
    <name>StatusProgress</name>
    <message>
        <location filename="../../desktop/main_window.py" line="201"/>
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
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
        <location filename="../../desktop/widgets/tag_edit.py" line="219"/>
        <source>Remove this tag</source>
        <translation>ลบแท็กนี้</translation>
    </message>
</context>
<context>
    <name>UndoController</name>
    <message>
        <location filename="../../desktop/history/undo.py" line="102"/>
        <source>Undone: %1</source>
        <translation>เลิกทำแล้ว: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/history/undo.py" line="110"/>
        <source>Undo</source>
        <translation>เลิกทำ</translation>
    </message>
    <message>
        <location filename="../../desktop/history/undo.py" line="111"/>
        <source>The last change could not be undone</source>
        <translation>เลิกทำการเปลี่ยนแปลงล่าสุดไม่ได้</translation>
    </message>
    <message>
        <location filename="../../desktop/history/undo.py" line="130"/>
        <source>&amp;Undo</source>
        <translation>เลิกทำ (&amp;U)</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <location filename="../../desktop/accounts/users_panel.py" line="113"/>
        <source>Add a user</source>
        <translation>เพิ่มผู้ใช้</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/users_panel.py" line="114"/>
        <source>User name</source>
        <translation>ชื่อผู้ใช้</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/users_panel.py" line="115"/>
        <source>Display name</source>
        <translation>ชื่อที่แสดง</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/users_panel.py" line="116"/>
        <source>Role</source>
        <translation>บทบาท</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/users_panel.py" line="118"/>
        <source>New password for %1</source>
        <translation>ตั้งรหัสผ่านใหม่ให้ %1</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/users_panel.py" line="123"/>
        <source>Password</source>
        <translation>รหัสผ่าน</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/users_panel.py" line="124"/>
        <source>Password again</source>
        <translation>ยืนยันรหัสผ่าน</translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <location filename="../../desktop/settings_pages/users.py" line="25"/>
        <source>Users &amp; login</source>
        <translation>ผู้ใช้และการเข้าสู่ระบบ</translation>
    </message>
</context>
<context>
    <name>UsersPanel</name>
    <message>
        <location filename="../../desktop/accounts/users_panel.py" line="267"/>
        <source>Ask for a user name and password (login)</source>
        <translation>ให้ใส่ชื่อผู้ใช้และรหัสผ่าน (เข้าสู่ระบบ)</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/users_panel.py" line="268"/>
        <source>Lock after this many idle minutes:</source>
        <translation>ล็อกหน้าจอเมื่อไม่มีการใช้งาน (นาที):</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/users_panel.py" line="271"/>
        <source>User name</source>
        <translation>ชื่อผู้ใช้</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/users_panel.py" line="272"/>
        <source>Display name</source>
        <translation>ชื่อที่แสดง</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/users_panel.py" line="273"/>
        <source>Role</source>
        <translation>บทบาท</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/users_panel.py" line="274"/>
        <source>Status</source>
        <translation>สถานะ</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/users_panel.py" line="275"/>
        <source>Last sign-in</source>
        <translation>เข้าสู่ระบบล่าสุด</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/users_panel.py" line="278"/>
        <source>Add user…</source>
        <translation>เพิ่มผู้ใช้…</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/users_panel.py" line="279"/>
        <source>Reset password…</source>
        <translation>ตั้งรหัสผ่านใหม่…</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/users_panel.py" line="280"/>
        <source>Change role</source>
        <translation>เปลี่ยนบทบาท</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/users_panel.py" line="285"/>
        <source>Users belong to this computer only; they are not shared with other offices. Administrator: everything. Secretary: edits members, cannot delete history. Viewer: reads only; national ID and birth date are hidden.</source>
        <translation>ผู้ใช้เหล่านี้มีเฉพาะในคอมพิวเตอร์เครื่องนี้ ไม่ส่งต่อไปยังสำนักงานอื่น ผู้ดูแลระบบ: ทำได้ทุกอย่าง เลขานุการ: แก้ไขข้อมูลสมาชิกได้ แต่ลบประวัติไม่ได้ ผู้ดูข้อมูล: ดูได้อย่างเดียว โดยซ่อนเลขประจำตัวประชาชนและวันเกิด</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/users_panel.py" line="307"/>
        <source>Disabled</source>
        <translation>ระงับการใช้งาน</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/users_panel.py" line="307"/>
        <source>Active</source>
        <translation>ใช้งานได้</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/users_panel.py" line="348"/>
        <source>Enable user</source>
        <translation>เปิดใช้ผู้ใช้</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/users_panel.py" line="348"/>
        <source>Disable user</source>
        <translation>ระงับผู้ใช้</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/users_panel.py" line="353"/>
        <source>Only an administrator can manage users.</source>
        <translation>เฉพาะผู้ดูแลระบบเท่านั้นที่จัดการผู้ใช้ได้</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/users_panel.py" line="381"/>
        <source>Added %1.</source>
        <translation>เพิ่ม %1 แล้ว</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/users_panel.py" line="391"/>
        <source>New password set for %1.</source>
        <translation>ตั้งรหัสผ่านใหม่ให้ %1 แล้ว</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/users_panel.py" line="397"/>
        <source>%1 is now: %2</source>
        <translation>%1 มีบทบาทเป็น: %2</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/users_panel.py" line="401"/>
        <source>It applies from the next sign-in.</source>
        <translation>มีผลตั้งแต่การเข้าสู่ระบบครั้งถัดไป</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/users_panel.py" line="410"/>
        <source>%1 can sign in again.</source>
        <translation>%1 เข้าสู่ระบบได้อีกครั้งแล้ว</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/users_panel.py" line="414"/>
        <source>%1 can no longer sign in.</source>
        <translation>%1 เข้าสู่ระบบไม่ได้อีกต่อไป</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/users_panel.py" line="442"/>
        <source>The login is on.</source>
        <translation>เปิดการเข้าสู่ระบบแล้ว</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/users_panel.py" line="442"/>
        <source>The login is off.</source>
        <translation>ปิดการเข้าสู่ระบบแล้ว</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/users_panel.py" line="504"/>
        <source>Turn the login off?</source>
        <translation>ปิดการเข้าสู่ระบบหรือไม่?</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/users_panel.py" line="505"/>
        <source>Anyone at this computer will then use the app as an administrator.</source>
        <translation>หลังจากนั้น ทุกคนที่ใช้คอมพิวเตอร์เครื่องนี้จะใช้โปรแกรมในฐานะผู้ดูแลระบบ</translation>
    </message>
</context>
</TS>
