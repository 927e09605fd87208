<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="en">
    <context>
        <name>AddToGroupDialog</name>
        <message numerus="yes">
            <source>Add %Ln selected member(s) to:</source>
            <translation>
                <numerusform>Add %Ln selected member to:</numerusform>
                <numerusform>Add %Ln selected members to:</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>BackupsDialog</name>
        <message numerus="yes">
            <source>Everything changed since then is replaced by what the backup holds (%Ln member(s)). The register as it is now is backed up first, so this can be undone by restoring that backup.</source>
            <translation>
                <numerusform>Everything changed since then is replaced by what the backup holds (%Ln member). The register as it is now is backed up first, so this can be undone by restoring that backup.</numerusform>
                <numerusform>Everything changed since then is replaced by what the backup holds (%Ln members). The register as it is now is backed up first, so this can be undone by restoring that backup.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>DuplicatesView</name>
        <message numerus="yes">
            <source>%Ln candidate pair(s): best matches first.</source>
            <translation>
                <numerusform>%Ln candidate pair: best matches first.</numerusform>
                <numerusform>%Ln candidate pairs: best matches first.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln value(s) taken from the other record; strengths of both are kept.</source>
            <translation>
                <numerusform>%Ln value taken from the other record; strengths of both are kept.</numerusform>
                <numerusform>%Ln values taken from the other record; strengths of both are kept.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ExportDialog</name>
        <message numerus="yes">
            <source>The current view (%Ln member(s))</source>
            <translation>
                <numerusform>The current view (%Ln member)</numerusform>
                <numerusform>The current view (%Ln members)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Everyone in the register (%Ln member(s))</source>
            <translation>
                <numerusform>Everyone in the register (%Ln member)</numerusform>
                <numerusform>Everyone in the register (%Ln members)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln member(s) exported to %1.</source>
            <translation>
                <numerusform>%Ln member exported to %1.</numerusform>
                <numerusform>%Ln members exported to %1.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>GroupsPanel</name>
        <message numerus="yes">
            <source>%1: %Ln member(s)</source>
            <translation>
                <numerusform>%1: %Ln member</numerusform>
                <numerusform>%1: %Ln members</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Added %Ln member(s) to the group.</source>
            <translation>
                <numerusform>Added %Ln member to the group.</numerusform>
                <numerusform>Added %Ln members to the group.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln member(s) already in it.</source>
            <translation>
                <numerusform>%Ln member already in it.</numerusform>
                <numerusform>%Ln members already in it.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>History</name>
        <message numerus="yes">
            <source>Undo group change of %Ln member(s)</source>
            <translation>
                <numerusform>Undo group change of %Ln member</numerusform>
                <numerusform>Undo group change of %Ln members</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Undo change of %Ln member(s)</source>
            <translation>
                <numerusform>Undo change of %Ln member</numerusform>
                <numerusform>Undo change of %Ln members</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ImportFilePage</name>
        <message numerus="yes">
            <source>Header found on row %1; %Ln row(s) of data under it.</source>
            <translation>
                <numerusform>Header found on row %1; %Ln row of data under it.</numerusform>
                <numerusform>Header found on row %1; %Ln rows of data under it.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ImportMappingPage</name>
        <message numerus="yes">
            <source>%Ln column(s) will be imported.</source>
            <translation>
                <numerusform>%Ln column will be imported.</numerusform>
                <numerusform>%Ln columns will be imported.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ImportPreviewPage</name>
        <message numerus="yes">
            <source>%Ln row(s) in the file.</source>
            <translation>
                <numerusform>%Ln row in the file.</numerusform>
                <numerusform>%Ln rows in the file.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln possible duplicate(s).</source>
            <translation>
                <numerusform>%Ln possible duplicate.</numerusform>
                <numerusform>%Ln possible duplicates.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ImportRunPage</name>
        <message numerus="yes">
            <source>%Ln rejected row(s) saved to %1: fix them there and import that file.</source>
            <translation>
                <numerusform>%Ln rejected row saved to %1: fix them there and import that file.</numerusform>
                <numerusform>%Ln rejected rows saved to %1: fix them there and import that file.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln member(s) added by this import will be removed.</source>
            <translation>
                <numerusform>%Ln member added by this import will be removed.</numerusform>
                <numerusform>%Ln members added by this import will be removed.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln member(s) it updated will get their earlier details back.</source>
            <translation>
                <numerusform>%Ln member it updated will get their earlier details back.</numerusform>
                <numerusform>%Ln members it updated will get their earlier details back.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>This import was undone: %Ln member(s) removed,</source>
            <translation>
                <numerusform>This import was undone: %Ln member removed,</numerusform>
                <numerusform>This import was undone: %Ln members removed,</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Kept %Ln member(s) changed since the import.</source>
            <translation>
                <numerusform>Kept %Ln member changed since the import.</numerusform>
                <numerusform>Kept %Ln members changed since the import.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message numerus="yes">
            <source>%Ln member(s)</source>
            <translation>
                <numerusform>%Ln member</numerusform>
                <numerusform>%Ln members</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>MemberHistoryView</name>
        <message numerus="yes">
            <source>%Ln member(s) imported</source>
            <translation>
                <numerusform>%Ln member imported</numerusform>
                <numerusform>%Ln members imported</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>MembersView</name>
        <message numerus="yes">
            <source>%Ln member(s)</source>
            <translation>
                <numerusform>%Ln member</numerusform>
                <numerusform>%Ln members</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%1 of %Ln member(s)</source>
            <translation>
                <numerusform>%1 of %Ln member</numerusform>
                <numerusform>%1 of %Ln members</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Delete %Ln selected member(s)?</source>
            <translation>
                <numerusform>Delete %Ln selected member?</numerusform>
                <numerusform>Delete %Ln selected members?</numerusform>
            </translation>
        </message>
    </context>
</TS>
