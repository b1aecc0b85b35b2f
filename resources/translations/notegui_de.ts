<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
    <context>
        <name>Actions</name>
        <message>
            <source>&amp;Settings…</source>
            <translation>&amp;Einstellungen…</translation>
        </message>
        <message>
            <source>Theme, fonts, autosave, backups, language</source>
            <translation>Farbschema, Schriftarten, automatisch speichern, Sicherungen, Sprache</translation>
        </message>
    </context>
    <context>
        <name>Age</name>
        <message numerus="yes">
            <source>%Ln day(s) ago</source>
            <translation>
                <numerusform>vor %Ln Tag</numerusform>
                <numerusform>vor %Ln Tagen</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln hour(s) ago</source>
            <translation>
                <numerusform>vor %Ln Stunde</numerusform>
                <numerusform>vor %Ln Stunden</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln minute(s) ago</source>
            <translation>
                <numerusform>vor %Ln Minute</numerusform>
                <numerusform>vor %Ln Minuten</numerusform>
            </translation>
        </message>
        <message>
            <source>just now</source>
            <translation>gerade eben</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <source>Settings</source>
            <translation>Einstellungen</translation>
        </message>
        <message>
            <source>Problem</source>
            <translation>Problem</translation>
        </message>
        <message>
            <source>&amp;Restore Defaults</source>
            <translation>Standardwerte &amp;zurücksetzen</translation>
        </message>
        <message>
            <source>Restore defaults</source>
            <translation>Standardwerte zurücksetzen</translation>
        </message>
        <message>
            <source>Every setting in this dialog as notegui first had it</source>
            <translation>Alle Einstellungen dieses Dialogs so, wie notegui sie anfangs hatte</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Schließen</translation>
        </message>
        <message>
            <source>Appearance</source>
            <translation>Darstellung</translation>
        </message>
        <message>
            <source>As the system</source>
            <translation>Wie das System</translation>
        </message>
        <message>
            <source>Light</source>
            <translation>Hell</translation>
        </message>
        <message>
            <source>Dark</source>
            <translation>Dunkel</translation>
        </message>
        <message>
            <source>Theme</source>
            <translation>Farbschema</translation>
        </message>
        <message>
            <source>Answer font</source>
            <translation>Schriftart der Antwort</translation>
        </message>
        <message>
            <source>Answer font size</source>
            <translation>Schriftgröße der Antwort</translation>
        </message>
        <message>
            <source>Editor font</source>
            <translation>Schriftart des Editors</translation>
        </message>
        <message>
            <source>The font of the markdown in the editor (fixed-width ones keep tables and code aligned)</source>
            <translation>Die Schriftart des Markdown-Texts im Editor (mit festen Zeichenbreiten bleiben Tabellen und Code ausgerichtet)</translation>
        </message>
        <message>
            <source>Editor font size</source>
            <translation>Schriftgröße des Editors</translation>
        </message>
        <message>
            <source>&amp;Theme:</source>
            <translation>&amp;Farbschema:</translation>
        </message>
        <message>
            <source>&amp;Answer font:</source>
            <translation>Schriftart der &amp;Antwort:</translation>
        </message>
        <message>
            <source>Answer font si&amp;ze:</source>
            <translation>Schriftgröße der Antwor&amp;t:</translation>
        </message>
        <message>
            <source>&amp;Editor font:</source>
            <translation>Schriftart des &amp;Editors:</translation>
        </message>
        <message>
            <source>Editor font s&amp;ize:</source>
            <translation>Schriftgröße des E&amp;ditors:</translation>
        </message>
        <message>
            <source>Ctrl++ and Ctrl+- zoom the answer in and out from this size.</source>
            <translation>Mit Strg++ und Strg+- vergrößern und verkleinern Sie die Antwort ausgehend von dieser Größe.</translation>
        </message>
        <message>
            <source> pt</source>
            <translation> pt</translation>
        </message>
        <message>
            <source>Editing</source>
            <translation>Bearbeiten</translation>
        </message>
        <message>
            <source> s</source>
            <translation> s</translation>
        </message>
        <message>
            <source>Autosave delay</source>
            <translation>Wartezeit bis zum automatischen Speichern</translation>
        </message>
        <message>
            <source>How long after typing stops an edit is saved (a title is saved when you leave its field)</source>
            <translation>Wie lange nach der letzten Eingabe eine Änderung gespeichert wird (ein Titel wird gespeichert, wenn Sie sein Feld verlassen)</translation>
        </message>
        <message>
            <source>Save automatically after &amp;pausing for:</source>
            <translation>Automatisch speichern nach einer &amp;Pause von:</translation>
        </message>
        <message>
            <source>Backups</source>
            <translation>Sicherungen</translation>
        </message>
        <message>
            <source>Backups kept</source>
            <translation>Aufbewahrte Sicherungen</translation>
        </message>
        <message>
            <source>How many backups of each library are kept; the oldest goes when a new one is made</source>
            <translation>Wie viele Sicherungen jeder Bibliothek aufbewahrt werden; die älteste wird entfernt, wenn eine neue entsteht</translation>
        </message>
        <message>
            <source>Every hour</source>
            <translation>Stündlich</translation>
        </message>
        <message>
            <source>Every 6 hours</source>
            <translation>Alle 6 Stunden</translation>
        </message>
        <message>
            <source>Once a day</source>
            <translation>Einmal täglich</translation>
        </message>
        <message>
            <source>Once a week</source>
            <translation>Einmal wöchentlich</translation>
        </message>
        <message>
            <source>How often to back up</source>
            <translation>Wie oft gesichert wird</translation>
        </message>
        <message>
            <source>A library is backed up this often while it is open, when it changed since its last backup</source>
            <translation>So oft wird eine geöffnete Bibliothek gesichert, wenn sie sich seit ihrer letzten Sicherung geändert hat</translation>
        </message>
        <message>
            <source>Backup folder</source>
            <translation>Sicherungsordner</translation>
        </message>
        <message>
            <source>Each library's backups go in a folder of their own in here</source>
            <translation>Die Sicherungen jeder Bibliothek kommen hier in einen eigenen Ordner</translation>
        </message>
        <message>
            <source>&amp;Browse…</source>
            <translation>Durc&amp;hsuchen…</translation>
        </message>
        <message>
            <source>Choose the backup folder</source>
            <translation>Sicherungsordner wählen</translation>
        </message>
        <message>
            <source>Defa&amp;ult</source>
            <translation>&amp;Standard</translation>
        </message>
        <message>
            <source>Use the default backup folder</source>
            <translation>Den Standardordner für Sicherungen verwenden</translation>
        </message>
        <message>
            <source>Backups &amp;kept of each library:</source>
            <translation>Aufbewahrte Sicherungen je &amp;Bibliothek:</translation>
        </message>
        <message>
            <source>Back up &amp;how often:</source>
            <translation>&amp;Wie oft sichern:</translation>
        </message>
        <message>
            <source>Backup f&amp;older:</source>
            <translation>Sicherungs&amp;ordner:</translation>
        </message>
        <message>
            <source>Backups already made stay in the folder they were made in; restoring a backup offers those in the folder chosen here.</source>
            <translation>Bereits erstellte Sicherungen bleiben in ihrem bisherigen Ordner; zum Wiederherstellen werden die Sicherungen im hier gewählten Ordner angeboten.</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>Sprache</translation>
        </message>
        <message>
            <source>System default</source>
            <translation>Systemstandard</translation>
        </message>
        <message>
            <source>Lan&amp;guage:</source>
            <translation>Spra&amp;che:</translation>
        </message>
        <message>
            <source>A new language applies when notegui next starts.</source>
            <translation>Eine neue Sprache gilt ab dem nächsten Start von notegui.</translation>
        </message>
        <message>
            <source>Startup</source>
            <translation>Start</translation>
        </message>
        <message>
            <source>The library open last time</source>
            <translation>Die zuletzt geöffnete Bibliothek</translation>
        </message>
        <message>
            <source>Library opened at the start</source>
            <translation>Beim Start geöffnete Bibliothek</translation>
        </message>
        <message>
            <source>Empty: notegui opens the library that was open when it was last closed</source>
            <translation>Leer: notegui öffnet die Bibliothek, die beim letzten Beenden geöffnet war</translation>
        </message>
        <message>
            <source>Bro&amp;wse…</source>
            <translation>Durchs&amp;uchen…</translation>
        </message>
        <message>
            <source>Choose the library opened at the start</source>
            <translation>Die beim Start geöffnete Bibliothek wählen</translation>
        </message>
        <message>
            <source>&amp;Last Opened</source>
            <translation>Zuletzt &amp;geöffnete</translation>
        </message>
        <message>
            <source>Open the library open last time at the start</source>
            <translation>Beim Start die zuletzt geöffnete Bibliothek öffnen</translation>
        </message>
        <message>
            <source>Open at &amp;start:</source>
            <translation>Beim Start &amp;öffnen:</translation>
        </message>
        <message>
            <source>Backups cannot be kept in {folder}: {reason}. The backup folder is unchanged.</source>
            <translation>In {folder} können keine Sicherungen abgelegt werden: {reason}. Der Sicherungsordner bleibt unverändert.</translation>
        </message>
        <message>
            <source>There is no library file at {path}. The library opened at the start is unchanged.</source>
            <translation>Unter {path} gibt es keine Bibliotheksdatei. Die beim Start geöffnete Bibliothek bleibt unverändert.</translation>
        </message>
        <message>
            <source>Backup Folder</source>
            <translation>Sicherungsordner</translation>
        </message>
        <message>
            <source>Library Opened at the Start</source>
            <translation>Beim Start geöffnete Bibliothek</translation>
        </message>
        <message>
            <source>notegui libraries (*.sqlite3 *.db);;All files (*)</source>
            <translation>notegui-Bibliotheken (*.sqlite3 *.db);;Alle Dateien (*)</translation>
        </message>
    </context>
</TS>
