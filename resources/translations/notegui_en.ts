<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
    <context>
        <name>Age</name>
        <message numerus="yes">
            <source>%Ln day(s) ago</source>
            <translation>
                <numerusform>%Ln day ago</numerusform>
                <numerusform>%Ln days ago</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln hour(s) ago</source>
            <translation>
                <numerusform>%Ln hour ago</numerusform>
                <numerusform>%Ln hours ago</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln minute(s) ago</source>
            <translation>
                <numerusform>%Ln minute ago</numerusform>
                <numerusform>%Ln minutes ago</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>AnnotationBrowser</name>
        <message numerus="yes">
            <source>%Ln annotation(s)</source>
            <translation>
                <numerusform>%Ln annotation</numerusform>
                <numerusform>%Ln annotations</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Editor</name>
        <message numerus="yes">
            <source> and %Ln more</source>
            <translation>
                <numerusform> and %Ln more</numerusform>
                <numerusform> and %Ln more</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>GraphPanel</name>
        <message numerus="yes">
            <source>%Ln note(s)</source>
            <translation>
                <numerusform>%Ln note</numerusform>
                <numerusform>%Ln notes</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln link(s)</source>
            <translation>
                <numerusform>%Ln link</numerusform>
                <numerusform>%Ln links</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln stub(s).</source>
            <translation>
                <numerusform>%Ln stub.</numerusform>
                <numerusform>%Ln stubs.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ImportDialog</name>
        <message numerus="yes">
            <source>%Ln note(s) whose files are gone (kept): listed below</source>
            <translation>
                <numerusform>%Ln note whose file is gone (kept): listed below</numerusform>
                <numerusform>%Ln notes whose files are gone (kept): listed below</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>LibraryActions</name>
        <message numerus="yes">
            <source>These %n file(s) were edited since the last export or were not written by notegui, and would be replaced by the notes' text:
{files}

Replace them?</source>
            <translation>
                <numerusform>These %n file were edited since the last export or were not written by notegui, and would be replaced by the notes' text:
{files}

Replace them?</numerusform>
                <numerusform>These %n files were edited since the last export or were not written by notegui, and would be replaced by the notes' text:
{files}

Replace them?</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Exported %Ln note(s) to {folder}</source>
            <translation>
                <numerusform>Exported %Ln note to {folder}</numerusform>
                <numerusform>Exported %Ln notes to {folder}</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Exported %Ln annotation(s) to {path}</source>
            <translation>
                <numerusform>Exported %Ln annotation to {path}</numerusform>
                <numerusform>Exported %Ln annotations to {path}</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>LinkHealthDialog</name>
        <message numerus="yes">
            <source>%Ln finding(s) in {notes} notes</source>
            <translation>
                <numerusform>%Ln finding in {notes} notes</numerusform>
                <numerusform>%Ln findings in {notes} notes</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln stub(s)</source>
            <translation>
                <numerusform>%Ln stub</numerusform>
                <numerusform>%Ln stubs</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln orphan(s)</source>
            <translation>
                <numerusform>%Ln orphan</numerusform>
                <numerusform>%Ln orphans</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln near-duplicate title group(s)</source>
            <translation>
                <numerusform>%Ln near-duplicate title group</numerusform>
                <numerusform>%Ln near-duplicate title groups</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln unlinked mention(s)</source>
            <translation>
                <numerusform>%Ln unlinked mention</numerusform>
                <numerusform>%Ln unlinked mentions</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message numerus="yes">
            <source>%Ln question(s) of {total} notes</source>
            <translation>
                <numerusform>%Ln question of {total} notes</numerusform>
                <numerusform>%Ln questions of {total} notes</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln note(s)</source>
            <translation>
                <numerusform>%Ln note</numerusform>
                <numerusform>%Ln notes</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln result(s) of {total} notes</source>
            <translation>
                <numerusform>%Ln result of {total} notes</numerusform>
                <numerusform>%Ln results of {total} notes</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>NoteActions</name>
        <message numerus="yes">
            <source>

%n note(s) cite it; their citations will show it as in the Trash.</source>
            <translation>
                <numerusform>

%n note cites it; its citation will show it as in the Trash.</numerusform>
                <numerusform>

%n notes cite it; their citations will show it as in the Trash.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>OpenedFiles</name>
        <message numerus="yes">
            <source>Import %n file(s) into the library {library}?</source>
            <translation>
                <numerusform>Import %n file into the library {library}?</numerusform>
                <numerusform>Import %n files into the library {library}?</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>and %n more file(s)</source>
            <translation>
                <numerusform>and %n more file</numerusform>
                <numerusform>and %n more files</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Printing</name>
        <message numerus="yes">
            <source>Printed “{title}” (%n page(s)).</source>
            <translation>
                <numerusform>Printed “{title}” (%n page).</numerusform>
                <numerusform>Printed “{title}” (%n pages).</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ShortcutsDialog</name>
        <message numerus="yes">
            <source>%n of {total} actions</source>
            <translation>
                <numerusform>%n of {total} actions</numerusform>
                <numerusform>%n of {total} actions</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n action(s)</source>
            <translation>
                <numerusform>%n action</numerusform>
                <numerusform>%n actions</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>SyncControl</name>
        <message numerus="yes">
            <source>%Ln received</source>
            <translation>
                <numerusform>%Ln received</numerusform>
                <numerusform>%Ln received</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln sent</source>
            <translation>
                <numerusform>%Ln sent</numerusform>
                <numerusform>%Ln sent</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln merged</source>
            <translation>
                <numerusform>%Ln merged</numerusform>
                <numerusform>%Ln merged</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln in conflict</source>
            <translation>
                <numerusform>%Ln in conflict</numerusform>
                <numerusform>%Ln in conflict</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln file(s) refused</source>
            <translation>
                <numerusform>%Ln file refused</numerusform>
                <numerusform>%Ln files refused</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln read with warnings</source>
            <translation>
                <numerusform>%Ln read with warnings</numerusform>
                <numerusform>%Ln read with warnings</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>It is tried again every %n minute(s); click to try now.</source>
            <translation>
                <numerusform>It is tried again every %n minute; click to try now.</numerusform>
                <numerusform>It is tried again every %n minutes; click to try now.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>It is tried again in %n minute(s); click to try now.</source>
            <translation>
                <numerusform>It is tried again in %n minute; click to try now.</numerusform>
                <numerusform>It is tried again in %n minutes; click to try now.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>SyncStatus</name>
        <message numerus="yes">
            <source>%Ln to send</source>
            <translation>
                <numerusform>%Ln to send</numerusform>
                <numerusform>%Ln to send</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln to receive</source>
            <translation>
                <numerusform>%Ln to receive</numerusform>
                <numerusform>%Ln to receive</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln conflict(s)</source>
            <translation>
                <numerusform>%Ln conflict</numerusform>
                <numerusform>%Ln conflicts</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>TrashDialog</name>
        <message numerus="yes">
            <source>Delete the %n note(s) in the Trash for good, with their annotations and history? A note still cited elsewhere stays as a stub of its title.</source>
            <translation>
                <numerusform>Delete the %n note in the Trash for good, with their annotations and history? A note still cited elsewhere stays as a stub of its title.</numerusform>
                <numerusform>Delete the %n notes in the Trash for good, with their annotations and history? A note still cited elsewhere stays as a stub of its title.</numerusform>
            </translation>
        </message>
    </context>
</TS>
