<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
    <context>
        <name>AboutBox</name>
        <message>
            <source>This package carries {count} components, each under its own licence: see Show Details and Licences.</source>
            <translation>Dieses Paket enthält {count} Komponenten, jede unter ihrer eigenen Lizenz: Sie finden sie unter „Details einblenden“ und „Lizenzen…“.</translation>
        </message>
        <message>
            <source>Licences…</source>
            <translation>Lizenzen…</translation>
        </message>
    </context>
    <context>
        <name>Actions</name>
        <message>
            <source>&amp;File</source>
            <translation>&amp;Datei</translation>
        </message>
        <message>
            <source>&amp;Note</source>
            <translation>&amp;Notiz</translation>
        </message>
        <message>
            <source>&amp;Annotate</source>
            <translation>An&amp;merken</translation>
        </message>
        <message>
            <source>&amp;Go</source>
            <translation>&amp;Gehe zu</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>&amp;Ansicht</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>&amp;Hilfe</translation>
        </message>
        <message>
            <source>&amp;New Library…</source>
            <translation>&amp;Neue Bibliothek…</translation>
        </message>
        <message>
            <source>&amp;Open Library…</source>
            <translation>Bibliothek ö&amp;ffnen…</translation>
        </message>
        <message>
            <source>&amp;Import Files…</source>
            <translation>Dateien &amp;importieren…</translation>
        </message>
        <message>
            <source>Import &amp;Folder…</source>
            <translation>&amp;Ordner importieren…</translation>
        </message>
        <message>
            <source>&amp;Export…</source>
            <translation>&amp;Exportieren…</translation>
        </message>
        <message>
            <source>&amp;Print…</source>
            <translation>&amp;Drucken…</translation>
        </message>
        <message>
            <source>Print the open note (or save it as a PDF file)</source>
            <translation>Die geöffnete Notiz drucken (oder als PDF-Datei speichern)</translation>
        </message>
        <message>
            <source>Restore &amp;Backup…</source>
            <translation>&amp;Sicherung wiederherstellen…</translation>
        </message>
        <message>
            <source>Bring back the library as an automatic backup kept it</source>
            <translation>Die Bibliothek so zurückholen, wie eine automatische Sicherung sie bewahrt hat</translation>
        </message>
        <message>
            <source>S&amp;ync Now</source>
            <translation>&amp;Jetzt synchronisieren</translation>
        </message>
        <message>
            <source>Sync the library with its git remote</source>
            <translation>Die Bibliothek mit ihrem Git-Remote synchronisieren</translation>
        </message>
        <message>
            <source>Sync Se&amp;ttings…</source>
            <translation>Sync-Einstellun&amp;gen…</translation>
        </message>
        <message>
            <source>The library's git remote, and when it syncs by itself</source>
            <translation>Das Git-Remote der Bibliothek und wann sie sich selbst synchronisiert</translation>
        </message>
        <message>
            <source>&amp;Settings…</source>
            <translation>Eins&amp;tellungen…</translation>
        </message>
        <message>
            <source>Theme, fonts, autosave, backups, language</source>
            <translation>Farbschema, Schriftarten, automatisch speichern, Sicherungen, Sprache</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Beenden</translation>
        </message>
        <message>
            <source>&amp;Edit Note</source>
            <translation>Notiz &amp;bearbeiten</translation>
        </message>
        <message>
            <source>Edit this note (again to go back to reading)</source>
            <translation>Diese Notiz bearbeiten (erneut: zurück zum Lesen)</translation>
        </message>
        <message>
            <source>&amp;New Note</source>
            <translation>&amp;Neue Notiz</translation>
        </message>
        <message>
            <source>Write a new note</source>
            <translation>Eine neue Notiz schreiben</translation>
        </message>
        <message>
            <source>Move to &amp;Trash…</source>
            <translation>In den &amp;Papierkorb verschieben…</translation>
        </message>
        <message>
            <source>T&amp;rash…</source>
            <translation>Papier&amp;korb…</translation>
        </message>
        <message>
            <source>&amp;History…</source>
            <translation>&amp;Verlauf…</translation>
        </message>
        <message>
            <source>Earlier versions of this note</source>
            <translation>Frühere Versionen dieser Notiz</translation>
        </message>
        <message>
            <source>&amp;Link Health…</source>
            <translation>Ver&amp;weisprüfung…</translation>
        </message>
        <message>
            <source>Stubs, orphans, near-duplicate titles and unlinked mentions, each with its fix</source>
            <translation>Platzhalter, verwaiste Notizen, fast gleiche Titel und unverknüpfte Erwähnungen, jeweils mit ihrer Behebung</translation>
        </message>
        <message>
            <source>&amp;Conflicts…</source>
            <translation>K&amp;onflikte…</translation>
        </message>
        <message>
            <source>Notes changed on both sides by a sync: settle each</source>
            <translation>Notizen, die bei einer Synchronisierung auf beiden Seiten geändert wurden: jede klären</translation>
        </message>
        <message>
            <source>&amp;Highlight Selection</source>
            <translation>Auswahl &amp;markieren</translation>
        </message>
        <message>
            <source>Highlight the selected words</source>
            <translation>Die ausgewählten Wörter markieren</translation>
        </message>
        <message>
            <source>&amp;Comment on Selection…</source>
            <translation>Auswahl &amp;kommentieren…</translation>
        </message>
        <message>
            <source>Comment on the selected words</source>
            <translation>Die ausgewählten Wörter kommentieren</translation>
        </message>
        <message>
            <source>&amp;All Annotations…</source>
            <translation>&amp;Alle Anmerkungen…</translation>
        </message>
        <message>
            <source>Every annotation in the library</source>
            <translation>Alle Anmerkungen der Bibliothek</translation>
        </message>
        <message>
            <source>&amp;Back</source>
            <translation>&amp;Zurück</translation>
        </message>
        <message>
            <source>Back to the previous note</source>
            <translation>Zurück zur vorigen Notiz</translation>
        </message>
        <message>
            <source>&amp;Forward</source>
            <translation>&amp;Vorwärts</translation>
        </message>
        <message>
            <source>Forward to the next note</source>
            <translation>Vorwärts zur nächsten Notiz</translation>
        </message>
        <message>
            <source>&amp;Quick Switcher…</source>
            <translation>&amp;Schnellwechsler…</translation>
        </message>
        <message>
            <source>Jump to a note by typing part of its title</source>
            <translation>Zu einer Notiz springen, indem Sie einen Teil ihres Titels tippen</translation>
        </message>
        <message>
            <source>&amp;Search</source>
            <translation>Su&amp;che</translation>
        </message>
        <message>
            <source>Question &amp;List</source>
            <translation>Fragen&amp;liste</translation>
        </message>
        <message>
            <source>&amp;Answer</source>
            <translation>&amp;Antwort</translation>
        </message>
        <message>
            <source>S&amp;ources Sidebar</source>
            <translation>&amp;Quellen-Seitenleiste</translation>
        </message>
        <message>
            <source>O&amp;utline…</source>
            <translation>&amp;Gliederung…</translation>
        </message>
        <message>
            <source>Go to a heading of this note: type part of it</source>
            <translation>Zu einer Überschrift dieser Notiz gehen: einen Teil davon tippen</translation>
        </message>
        <message>
            <source>&amp;Command Palette…</source>
            <translation>&amp;Befehlspalette…</translation>
        </message>
        <message>
            <source>Zoom &amp;In</source>
            <translation>&amp;Vergrößern</translation>
        </message>
        <message>
            <source>Zoom &amp;Out</source>
            <translation>Ver&amp;kleinern</translation>
        </message>
        <message>
            <source>&amp;Reset Zoom</source>
            <translation>&amp;Originalgröße</translation>
        </message>
        <message>
            <source>Show Sources &amp;Sidebar</source>
            <translation>Quellen-&amp;Seitenleiste zeigen</translation>
        </message>
        <message>
            <source>Citation &amp;Graph</source>
            <translation>Zitations&amp;graph</translation>
        </message>
        <message>
            <source>The notes the open note cites and that cite it, or the library's</source>
            <translation>Die Notizen, die die geöffnete Notiz zitiert und die sie zitieren, oder die der ganzen Bibliothek</translation>
        </message>
        <message>
            <source>&amp;Questions Only</source>
            <translation>Nur &amp;Fragen</translation>
        </message>
        <message>
            <source>List only the notes whose title is a question (ends in ?)</source>
            <translation>Nur die Notizen auflisten, deren Titel eine Frage ist (auf ? endet)</translation>
        </message>
        <message>
            <source>Theme: S&amp;ystem</source>
            <translation>Farbschema: S&amp;ystem</translation>
        </message>
        <message>
            <source>Theme: &amp;Light</source>
            <translation>Farbschema: &amp;Hell</translation>
        </message>
        <message>
            <source>Theme: &amp;Dark</source>
            <translation>Farbschema: &amp;Dunkel</translation>
        </message>
        <message>
            <source>&amp;Keyboard Shortcuts…</source>
            <translation>&amp;Tastenkürzel…</translation>
        </message>
        <message>
            <source>Every action and its keys, searchable</source>
            <translation>Alle Aktionen und ihre Tasten, durchsuchbar</translation>
        </message>
        <message>
            <source>&amp;About notegui</source>
            <translation>Über &amp;notegui</translation>
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
        <name>Annotating</name>
        <message>
            <source>Annotations not updated: {error}</source>
            <translation>Anmerkungen nicht aktualisiert: {error}</translation>
        </message>
        <message>
            <source>Select some text in the answer to annotate it.</source>
            <translation>Wählen Sie Text in der Antwort aus, um ihn anzumerken.</translation>
        </message>
        <message>
            <source>Not annotated: {error}</source>
            <translation>Nicht angemerkt: {error}</translation>
        </message>
        <message>
            <source>Select some text in the answer to comment on it.</source>
            <translation>Wählen Sie Text in der Antwort aus, um ihn zu kommentieren.</translation>
        </message>
        <message>
            <source>Annotation not changed: {error}</source>
            <translation>Anmerkung nicht geändert: {error}</translation>
        </message>
        <message>
            <source>Annotation not deleted: {error}</source>
            <translation>Anmerkung nicht gelöscht: {error}</translation>
        </message>
    </context>
    <context>
        <name>AnnotationBrowser</name>
        <message>
            <source>{note_label}: {color} highlight “{quote}”</source>
            <translation>{note_label}: Markierung {color} „{quote}“</translation>
        </message>
        <message>
            <source>comment: {comment}</source>
            <translation>Kommentar: {comment}</translation>
        </message>
        <message>
            <source>detached: its words are no longer in the note</source>
            <translation>gelöst: ihre Wörter stehen nicht mehr in der Notiz</translation>
        </message>
        <message>
            <source>No annotations match</source>
            <translation>Keine Anmerkung passt</translation>
        </message>
        <message>
            <source>No annotations yet</source>
            <translation>Noch keine Anmerkungen</translation>
        </message>
        <message numerus="yes">
            <source>%Ln annotation(s)</source>
            <translation>
                <numerusform>%Ln Anmerkung</numerusform>
                <numerusform>%Ln Anmerkungen</numerusform>
            </translation>
        </message>
        <message>
            <source>Annotations</source>
            <translation>Anmerkungen</translation>
        </message>
        <message>
            <source>Filter by words in the quote, comment or note title…</source>
            <translation>Nach Wörtern in Zitat, Kommentar oder Notiztitel filtern…</translation>
        </message>
        <message>
            <source>Filter annotations by words</source>
            <translation>Anmerkungen nach Wörtern filtern</translation>
        </message>
        <message>
            <source>Filter annotations by colour</source>
            <translation>Anmerkungen nach Farbe filtern</translation>
        </message>
        <message>
            <source>Any colour</source>
            <translation>Jede Farbe</translation>
        </message>
        <message>
            <source>This &amp;note only</source>
            <translation>Nur diese &amp;Notiz</translation>
        </message>
        <message>
            <source>Only the annotations of the current note</source>
            <translation>Nur die Anmerkungen der aktuellen Notiz</translation>
        </message>
        <message>
            <source>Number of annotations shown</source>
            <translation>Anzahl der gezeigten Anmerkungen</translation>
        </message>
        <message>
            <source>&amp;Open</source>
            <translation>Ö&amp;ffnen</translation>
        </message>
        <message>
            <source>Open the selected annotation in its note</source>
            <translation>Die ausgewählte Anmerkung in ihrer Notiz öffnen</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Schließen</translation>
        </message>
        <message>
            <source>No annotations match these filters.</source>
            <translation>Keine Anmerkung passt zu diesen Filtern.</translation>
        </message>
        <message>
            <source>No annotations yet. Select words in a note to highlight or comment on them.</source>
            <translation>Noch keine Anmerkungen. Wählen Sie Wörter in einer Notiz aus, um sie zu markieren oder zu kommentieren.</translation>
        </message>
    </context>
    <context>
        <name>AnnotationList</name>
        <message>
            <source>Annotations of this note</source>
            <translation>Anmerkungen dieser Notiz</translation>
        </message>
        <message>
            <source>(detached) {label}</source>
            <translation>(gelöst) {label}</translation>
        </message>
        <message>
            <source>Its words are no longer in the note.</source>
            <translation>Ihre Wörter stehen nicht mehr in der Notiz.</translation>
        </message>
        <message>
            <source>Edit &amp;Comment…</source>
            <translation>&amp;Kommentar bearbeiten…</translation>
        </message>
        <message>
            <source>C&amp;olour</source>
            <translation>&amp;Farbe</translation>
        </message>
        <message>
            <source>&amp;Delete Annotation</source>
            <translation>Anmerkung &amp;löschen</translation>
        </message>
    </context>
    <context>
        <name>AnswerView</name>
        <message>
            <source>Answer</source>
            <translation>Antwort</translation>
        </message>
        <message>
            <source>The selected note, rendered</source>
            <translation>Die ausgewählte Notiz, dargestellt</translation>
        </message>
        <message>
            <source>&amp;Highlight</source>
            <translation>&amp;Markieren</translation>
        </message>
        <message>
            <source>&amp;Comment…</source>
            <translation>&amp;Kommentieren…</translation>
        </message>
        <message>
            <source>Show &amp;Annotation</source>
            <translation>&amp;Anmerkung zeigen</translation>
        </message>
        <message>
            <source>Link not followed: {url}</source>
            <translation>Verweis nicht gefolgt: {url}</translation>
        </message>
    </context>
    <context>
        <name>App</name>
        <message>
            <source>The automatic backup of {library} failed: {error}</source>
            <translation>Die automatische Sicherung von {library} ist fehlgeschlagen: {error}</translation>
        </message>
        <message>
            <source>No note titled {title}.</source>
            <translation>Keine Notiz mit dem Titel {title}.</translation>
        </message>
    </context>
    <context>
        <name>BackupDialog</name>
        <message>
            <source>Restore Backup</source>
            <translation>Sicherung wiederherstellen</translation>
        </message>
        <message>
            <source>Backups</source>
            <translation>Sicherungen</translation>
        </message>
        <message>
            <source>Restore</source>
            <translation>Wiederherstellen</translation>
        </message>
        <message>
            <source>Restore {name} as it was at the time of a backup:</source>
            <translation>{name} so wiederherstellen, wie sie zur Zeit einer Sicherung war:</translation>
        </message>
        <message>
            <source>There are no backups of {name} yet.</source>
            <translation>Es gibt noch keine Sicherungen von {name}.</translation>
        </message>
        <message>
            <source>The library as it is now is kept as a backup first, so a restore can be undone.</source>
            <translation>Die Bibliothek, wie sie jetzt ist, wird zuerst als Sicherung aufbewahrt, damit sich eine Wiederherstellung rückgängig machen lässt.</translation>
        </message>
        <message>
            <source>
Backups are kept in {folder}</source>
            <translation>
Sicherungen liegen in {folder}</translation>
        </message>
        <message>
            <source>The automatic backup failed unexpectedly: {outcome}</source>
            <translation>Die automatische Sicherung ist unerwartet fehlgeschlagen: {outcome}</translation>
        </message>
    </context>
    <context>
        <name>CommentDialog</name>
        <message>
            <source>Edit Comment</source>
            <translation>Kommentar bearbeiten</translation>
        </message>
        <message>
            <source>Comment</source>
            <translation>Kommentar</translation>
        </message>
        <message>
            <source>Comment on the selected words</source>
            <translation>Kommentar zu den ausgewählten Wörtern</translation>
        </message>
        <message>
            <source>On the words:</source>
            <translation>Zu den Wörtern:</translation>
        </message>
        <message>
            <source>The quoted words</source>
            <translation>Die zitierten Wörter</translation>
        </message>
        <message>
            <source>Your &amp;comment:</source>
            <translation>Ihr &amp;Kommentar:</translation>
        </message>
        <message>
            <source>Save the comment (Ctrl+Enter)</source>
            <translation>Den Kommentar speichern (Strg+Eingabe)</translation>
        </message>
        <message>
            <source>Ctrl+Enter saves; Esc cancels.</source>
            <translation>Strg+Eingabe speichert; Esc bricht ab.</translation>
        </message>
    </context>
    <context>
        <name>ConflictsDialog</name>
        <message>
            <source>the note</source>
            <translation>die Notiz</translation>
        </message>
        <message>
            <source>{title}  —  {fields}  —  found {found}</source>
            <translation>{title}  —  {fields}  —  gefunden {found}</translation>
        </message>
        <message>
            <source>title</source>
            <translation>Titel</translation>
        </message>
        <message>
            <source>description</source>
            <translation>Beschreibung</translation>
        </message>
        <message>
            <source>summary</source>
            <translation>Zusammenfassung</translation>
        </message>
        <message>
            <source>tags</source>
            <translation>Schlagwörter</translation>
        </message>
        <message>
            <source>body</source>
            <translation>Text</translation>
        </message>
        <message>
            <source>Merge “{title}”</source>
            <translation>„{title}“ zusammenführen</translation>
        </message>
        <message>
            <source>Edit a merge of both versions</source>
            <translation>Eine Zusammenführung beider Versionen bearbeiten</translation>
        </message>
        <message>
            <source>Write the note as it should be, from both versions: yours is in the editor, theirs beside it to copy from. Ctrl+Enter saves the merge.</source>
            <translation>Schreiben Sie die Notiz, wie sie sein soll, aus beiden Versionen: Ihre steht im Editor, die andere daneben zum Abschreiben. Strg+Eingabe speichert die Zusammenführung.</translation>
        </message>
        <message>
            <source>The merged note</source>
            <translation>Die zusammengeführte Notiz</translation>
        </message>
        <message>
            <source>Their version, to copy from</source>
            <translation>Die andere Version, zum Abschreiben</translation>
        </message>
        <message>
            <source>Why the merge was not saved</source>
            <translation>Warum die Zusammenführung nicht gespeichert wurde</translation>
        </message>
        <message>
            <source>&amp;Save Merge</source>
            <translation>Zusammenführung &amp;speichern</translation>
        </message>
        <message>
            <source>Save the merge as the note</source>
            <translation>Die Zusammenführung als Notiz speichern</translation>
        </message>
        <message>
            <source>Cancel: the conflict stays open</source>
            <translation>Abbrechen: der Konflikt bleibt offen</translation>
        </message>
        <message>
            <source>The merged note: empty. Write the note, or Cancel.</source>
            <translation>Die zusammengeführte Notiz: leer. Schreiben Sie die Notiz oder brechen Sie ab.</translation>
        </message>
        <message>
            <source>Conflicts</source>
            <translation>Konflikte</translation>
        </message>
        <message>
            <source>Notes in conflict</source>
            <translation>Notizen im Konflikt</translation>
        </message>
        <message>
            <source>Notes changed on both sides</source>
            <translation>Auf beiden Seiten geänderte Notizen</translation>
        </message>
        <message>
            <source>No conflicts: every note is settled.</source>
            <translation>Keine Konflikte: jede Notiz ist geklärt.</translation>
        </message>
        <message>
            <source>My version (kept in this library)</source>
            <translation>Meine Version (in dieser Bibliothek behalten)</translation>
        </message>
        <message>
            <source>Their version (from the remote)</source>
            <translation>Die andere Version (vom Remote)</translation>
        </message>
        <message>
            <source>&amp;Mine (kept here)</source>
            <translation>&amp;Meine (hier behalten)</translation>
        </message>
        <message>
            <source>&amp;Theirs (the remote's)</source>
            <translation>&amp;Andere (vom Remote)</translation>
        </message>
        <message>
            <source>Keep M&amp;ine</source>
            <translation>M&amp;eine behalten</translation>
        </message>
        <message>
            <source>Keep my version</source>
            <translation>Meine Version behalten</translation>
        </message>
        <message>
            <source>Keep T&amp;heirs</source>
            <translation>Andere be&amp;halten</translation>
        </message>
        <message>
            <source>Keep their version</source>
            <translation>Die andere Version behalten</translation>
        </message>
        <message>
            <source>Edit a Mer&amp;ge…</source>
            <translation>Zusammenführung bearbei&amp;ten…</translation>
        </message>
        <message>
            <source>Close the conflicts</source>
            <translation>Die Konflikte schließen</translation>
        </message>
        <message>
            <source>Notes changed in the same lines here and on the remote. Both versions are kept until you choose.</source>
            <translation>Notizen, die hier und auf dem Remote in denselben Zeilen geändert wurden. Beide Versionen bleiben erhalten, bis Sie wählen.</translation>
        </message>
        <message>
            <source>Not settled</source>
            <translation>Nicht geklärt</translation>
        </message>
        <message>
            <source>“{title}” is still in conflict: {error}</source>
            <translation>„{title}“ ist noch im Konflikt: {error}</translation>
        </message>
    </context>
    <context>
        <name>DiscardPrompt</name>
        <message>
            <source>Discard</source>
            <translation>Verwerfen</translation>
        </message>
        <message>
            <source>Keep Editing</source>
            <translation>Weiter bearbeiten</translation>
        </message>
    </context>
    <context>
        <name>Editing</name>
        <message>
            <source>Unsaved draft restored</source>
            <translation>Ungesicherter Entwurf wiederhergestellt</translation>
        </message>
        <message>
            <source>Editing…</source>
            <translation>Bearbeitung…</translation>
        </message>
        <message>
            <source>a new note is saved once it has a title</source>
            <translation>eine neue Notiz wird gespeichert, sobald sie einen Titel hat</translation>
        </message>
        <message>
            <source>Not saved</source>
            <translation>Nicht gespeichert</translation>
        </message>
        <message>
            <source>Saved {clock}, but not the title</source>
            <translation>Gespeichert {clock}, aber nicht der Titel</translation>
        </message>
        <message>
            <source>Saved {clock}</source>
            <translation>Gespeichert {clock}</translation>
        </message>
    </context>
    <context>
        <name>Editor</name>
        <message>
            <source>Answer (markdown)</source>
            <translation>Antwort (Markdown)</translation>
        </message>
        <message>
            <source>Cited title suggestions</source>
            <translation>Vorschläge für zitierte Titel</translation>
        </message>
        <message>
            <source>Note editor</source>
            <translation>Notiz-Editor</translation>
        </message>
        <message>
            <source>Title (a question)</source>
            <translation>Titel (eine Frage)</translation>
        </message>
        <message>
            <source>The question, ending in '?'</source>
            <translation>Die Frage, endet auf „?“</translation>
        </message>
        <message>
            <source>Description</source>
            <translation>Beschreibung</translation>
        </message>
        <message>
            <source>One line saying what the note answers</source>
            <translation>Eine Zeile, die sagt, was die Notiz beantwortet</translation>
        </message>
        <message>
            <source>Summary</source>
            <translation>Zusammenfassung</translation>
        </message>
        <message>
            <source>One line: how notes citing this one sum it up</source>
            <translation>Eine Zeile: wie zitierende Notizen diese zusammenfassen</translation>
        </message>
        <message>
            <source>Preview</source>
            <translation>Vorschau</translation>
        </message>
        <message>
            <source>Show the preview</source>
            <translation>Die Vorschau zeigen</translation>
        </message>
        <message>
            <source>Editor messages</source>
            <translation>Meldungen des Editors</translation>
        </message>
        <message>
            <source>Save state</source>
            <translation>Speicherstand</translation>
        </message>
        <message>
            <source>Discard</source>
            <translation>Verwerfen</translation>
        </message>
        <message>
            <source>Discard the unsaved edit</source>
            <translation>Die ungespeicherte Bearbeitung verwerfen</translation>
        </message>
        <message>
            <source>Leave the editor without saving what is not saved yet (Esc leaves a new note)</source>
            <translation>Den Editor verlassen, ohne zu speichern, was noch nicht gespeichert ist (Esc verlässt eine neue Notiz)</translation>
        </message>
        <message>
            <source>&amp;Title</source>
            <translation>&amp;Titel</translation>
        </message>
        <message>
            <source>&amp;Description</source>
            <translation>&amp;Beschreibung</translation>
        </message>
        <message>
            <source>S&amp;ummary</source>
            <translation>&amp;Zusammenfassung</translation>
        </message>
        <message>
            <source>Not saved: {reason}</source>
            <translation>Nicht gespeichert: {reason}</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>Titel</translation>
        </message>
        <message>
            <source>&lt;b&gt;Not saved.&lt;/b&gt; {reason}</source>
            <translation>&lt;b&gt;Nicht gespeichert.&lt;/b&gt; {reason}</translation>
        </message>
        <message>
            <source>“{title}” (&lt;a href="{href}"&gt;create it&lt;/a&gt;)</source>
            <translation>„{title}“ (&lt;a href="{href}"&gt;anlegen&lt;/a&gt;)</translation>
        </message>
        <message numerus="yes">
            <source> and %Ln more</source>
            <translation>
                <numerusform> und %Ln weitere</numerusform>
                <numerusform> und %Ln weitere</numerusform>
            </translation>
        </message>
        <message>
            <source>Not in the library yet: {links}{more}</source>
            <translation>Noch nicht in der Bibliothek: {links}{more}</translation>
        </message>
    </context>
    <context>
        <name>Errors</name>
        <message>
            <source>Cannot open the library</source>
            <translation>Die Bibliothek lässt sich nicht öffnen</translation>
        </message>
        <message>
            <source>The library at
{path}
cannot be opened.</source>
            <translation>Die Bibliothek unter
{path}
lässt sich nicht öffnen.</translation>
        </message>
        <message>
            <source>{problem}

The file has not been changed.</source>
            <translation>{problem}

Die Datei wurde nicht verändert.</translation>
        </message>
        <message>
            <source>Open Another…</source>
            <translation>Andere öffnen…</translation>
        </message>
        <message>
            <source>Create New…</source>
            <translation>Neue anlegen…</translation>
        </message>
        <message>
            <source>Quit</source>
            <translation>Beenden</translation>
        </message>
        <message>
            <source>Unexpected error</source>
            <translation>Unerwarteter Fehler</translation>
        </message>
        <message>
            <source>The details are in {log_file}.</source>
            <translation>Die Einzelheiten stehen in {log_file}.</translation>
        </message>
        <message>
            <source>Something went wrong: {error}</source>
            <translation>Etwas ist schiefgegangen: {error}</translation>
        </message>
        <message>
            <source>notegui keeps running; your library is safe. {where}</source>
            <translation>notegui läuft weiter; Ihre Bibliothek ist sicher. {where}</translation>
        </message>
    </context>
    <context>
        <name>FileDrop</name>
        <message>
            <source>Nothing imported: {refusal}</source>
            <translation>Nichts importiert: {refusal}</translation>
        </message>
        <message>
            <source>{count} files and folders</source>
            <translation>{count} Dateien und Ordner</translation>
        </message>
        <message>
            <source>Importing {shown}…</source>
            <translation>{shown} wird importiert…</translation>
        </message>
    </context>
    <context>
        <name>GraphPanel</name>
        <message>
            <source>Citation graph panel</source>
            <translation>Bereich Zitationsgraph</translation>
        </message>
        <message>
            <source>Around this note</source>
            <translation>Um diese Notiz</translation>
        </message>
        <message>
            <source>Whole library</source>
            <translation>Ganze Bibliothek</translation>
        </message>
        <message>
            <source>Graph of</source>
            <translation>Graph von</translation>
        </message>
        <message>
            <source>Show the notes around the open note, or the whole library</source>
            <translation>Die Notizen um die geöffnete Notiz zeigen, oder die ganze Bibliothek</translation>
        </message>
        <message>
            <source>Depth {n}</source>
            <translation>Tiefe {n}</translation>
        </message>
        <message>
            <source>Depth</source>
            <translation>Tiefe</translation>
        </message>
        <message>
            <source>How many citations away from the open note, either way</source>
            <translation>Wie viele Verweise von der geöffneten Notiz entfernt, in beide Richtungen</translation>
        </message>
        <message>
            <source>Filter: words, tag:NAME, is:stub</source>
            <translation>Filter: Wörter, tag:NAME, is:stub</translation>
        </message>
        <message>
            <source>Library graph filter</source>
            <translation>Filter des Bibliotheksgraphen</translation>
        </message>
        <message>
            <source>Fit</source>
            <translation>Einpassen</translation>
        </message>
        <message>
            <source>Fit the graph in view</source>
            <translation>Den Graphen in die Ansicht einpassen</translation>
        </message>
        <message>
            <source>Zoom to show the whole graph (0); + and - zoom</source>
            <translation>Zoomen, um den ganzen Graphen zu zeigen (0); + und - zoomen</translation>
        </message>
        <message>
            <source>Graph summary</source>
            <translation>Zusammenfassung des Graphen</translation>
        </message>
        <message>
            <source>Focused note</source>
            <translation>Fokussierte Notiz</translation>
        </message>
        <message>
            <source>● note   ◌ stub (cited, not written yet)   ⬤ open note   → cites</source>
            <translation>● Notiz   ◌ Platzhalter (zitiert, noch nicht geschrieben)   ⬤ geöffnete Notiz   → zitiert</translation>
        </message>
        <message>
            <source>Graph legend</source>
            <translation>Legende des Graphen</translation>
        </message>
        <message>
            <source>The graph could not be read: {error}</source>
            <translation>Der Graph ließ sich nicht lesen: {error}</translation>
        </message>
        <message>
            <source>No note matches the filter.</source>
            <translation>Keine Notiz passt zum Filter.</translation>
        </message>
        <message>
            <source>No note is open.</source>
            <translation>Keine Notiz ist geöffnet.</translation>
        </message>
        <message>
            <source>The library has no notes.</source>
            <translation>Die Bibliothek hat keine Notizen.</translation>
        </message>
        <message>
            <source>This note cites no note and no note cites it.</source>
            <translation>Diese Notiz zitiert keine Notiz, und keine Notiz zitiert sie.</translation>
        </message>
        <message numerus="yes">
            <source>%Ln note(s)</source>
            <translation>
                <numerusform>%Ln Notiz</numerusform>
                <numerusform>%Ln Notizen</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln link(s)</source>
            <translation>
                <numerusform>%Ln Verweis</numerusform>
                <numerusform>%Ln Verweise</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln stub(s).</source>
            <translation>
                <numerusform>%Ln Platzhalter.</numerusform>
                <numerusform>%Ln Platzhalter.</numerusform>
            </translation>
        </message>
        <message>
            <source>Only the nearest {shown} notes are shown (the graph's limit): choose a smaller depth to see all of them.</source>
            <translation>Nur die nächsten {shown} Notizen werden gezeigt (die Grenze des Graphen): wählen Sie eine kleinere Tiefe, um alle zu sehen.</translation>
        </message>
        <message>
            <source>More than {shown} notes match: the {shown} best are shown. Narrow the filter to see the others.</source>
            <translation>Mehr als {shown} Notizen passen: die {shown} besten werden gezeigt. Schränken Sie den Filter ein, um die anderen zu sehen.</translation>
        </message>
        <message>
            <source>The {shown} most cited notes of {total} are shown. Type a filter (words, tag:NAME, is:stub) to see others.</source>
            <translation>Die {shown} meistzitierten Notizen von {total} werden gezeigt. Tippen Sie einen Filter (Wörter, tag:NAME, is:stub), um andere zu sehen.</translation>
        </message>
        <message>
            <source>The {shown} most cited notes are shown. Type a filter (words, tag:NAME, is:stub) to see others.</source>
            <translation>Die {shown} meistzitierten Notizen werden gezeigt. Tippen Sie einen Filter (Wörter, tag:NAME, is:stub), um andere zu sehen.</translation>
        </message>
        <message>
            <source>Citation Graph</source>
            <translation>Zitationsgraph</translation>
        </message>
        <message>
            <source>Citation graph</source>
            <translation>Zitationsgraph</translation>
        </message>
    </context>
    <context>
        <name>GraphView</name>
        <message>
            <source>Stub: cited, but not written yet.</source>
            <translation>Platzhalter: zitiert, aber noch nicht geschrieben.</translation>
        </message>
        <message>
            <source>Citation graph</source>
            <translation>Zitationsgraph</translation>
        </message>
        <message>
            <source> (stub)</source>
            <translation> (Platzhalter)</translation>
        </message>
        <message>
            <source>{title_with_place}{kind}: cites {cites}, cited by {cited} in this graph. Enter opens it.</source>
            <translation>{title_with_place}{kind}: zitiert {cites}, zitiert von {cited} in diesem Graphen. Eingabe öffnet sie.</translation>
        </message>
    </context>
    <context>
        <name>HistoryDialog</name>
        <message>
            <source>Replaced by a save</source>
            <translation>Ersetzt beim Speichern</translation>
        </message>
        <message>
            <source>Replaced by an import</source>
            <translation>Ersetzt bei einem Import</translation>
        </message>
        <message>
            <source>Replaced by a rename</source>
            <translation>Ersetzt beim Umbenennen</translation>
        </message>
        <message>
            <source>Replaced by a restore</source>
            <translation>Ersetzt beim Wiederherstellen</translation>
        </message>
        <message>
            <source>Replaced ({reason})</source>
            <translation>Ersetzt ({reason})</translation>
        </message>
        <message>
            <source>Replaced</source>
            <translation>Ersetzt</translation>
        </message>
        <message>
            <source>Changes from the selected version to the current text</source>
            <translation>Änderungen von der ausgewählten Version zum aktuellen Text</translation>
        </message>
        <message>
            <source>History — {title}</source>
            <translation>Verlauf — {title}</translation>
        </message>
        <message>
            <source>Note history</source>
            <translation>Verlauf der Notiz</translation>
        </message>
        <message>
            <source>Earlier versions, newest first</source>
            <translation>Frühere Versionen, neueste zuerst</translation>
        </message>
        <message>
            <source>Lines marked {minus} are only in the selected version, lines marked + only in the current text.</source>
            <translation>Mit {minus} markierte Zeilen stehen nur in der ausgewählten Version, mit + markierte nur im aktuellen Text.</translation>
        </message>
        <message>
            <source>What the colours mean</source>
            <translation>Was die Farben bedeuten</translation>
        </message>
        <message>
            <source>No earlier versions of this note yet.</source>
            <translation>Noch keine früheren Versionen dieser Notiz.</translation>
        </message>
        <message>
            <source>A version is kept each time the note is saved, imported over, renamed or restored.</source>
            <translation>Eine Version wird jedes Mal aufbewahrt, wenn die Notiz gespeichert, durch einen Import überschrieben, umbenannt oder wiederhergestellt wird.</translation>
        </message>
        <message>
            <source>&amp;Restore this version</source>
            <translation>Diese Version &amp;wiederherstellen</translation>
        </message>
        <message>
            <source>Restore this version</source>
            <translation>Diese Version wiederherstellen</translation>
        </message>
        <message>
            <source>Make this version the current text (the current text is kept as a version)</source>
            <translation>Diese Version zum aktuellen Text machen (der aktuelle Text bleibt als Version erhalten)</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Schließen</translation>
        </message>
        <message>
            <source> · was “{title}”</source>
            <translation> · war „{title}“</translation>
        </message>
        <message>
            <source>Select a version to see how it differs.</source>
            <translation>Wählen Sie eine Version aus, um zu sehen, wie sie sich unterscheidet.</translation>
        </message>
        <message>
            <source>This version is the same as the current text.</source>
            <translation>Diese Version gleicht dem aktuellen Text.</translation>
        </message>
        <message>
            <source>This version's text is the same as the current text (Sources lines not compared).</source>
            <translation>Der Text dieser Version gleicht dem aktuellen Text (Quellenzeilen nicht verglichen).</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>Titel</translation>
        </message>
        <message>
            <source>Description</source>
            <translation>Beschreibung</translation>
        </message>
        <message>
            <source>Summary</source>
            <translation>Zusammenfassung</translation>
        </message>
        <message>
            <source>Body</source>
            <translation>Text</translation>
        </message>
        <message>
            <source>Sources</source>
            <translation>Quellen</translation>
        </message>
    </context>
    <context>
        <name>ImportDialog</name>
        <message>
            <source>Import results</source>
            <translation>Ergebnis des Imports</translation>
        </message>
        <message>
            <source>{updated} updated, </source>
            <translation>{updated} aktualisiert, </translation>
        </message>
        <message>
            <source>{imported} imported, {updated}{unchanged} unchanged, {refused} refused</source>
            <translation>{imported} importiert, {updated}{unchanged} unverändert, {refused} abgelehnt</translation>
        </message>
        <message>
            <source> — cancelled</source>
            <translation> — abgebrochen</translation>
        </message>
        <message>
            <source>
The import stopped: {failure}</source>
            <translation>
Der Import wurde angehalten: {failure}</translation>
        </message>
        <message>
            <source>Refused files and warnings</source>
            <translation>Abgelehnte Dateien und Warnungen</translation>
        </message>
        <message>
            <source>Refused {path}: {reason}</source>
            <translation>Abgelehnt {path}: {reason}</translation>
        </message>
        <message>
            <source>Refused {path}: {entry}</source>
            <translation>Abgelehnt {path}: {entry}</translation>
        </message>
        <message>
            <source>Warning: {warning}</source>
            <translation>Warnung: {warning}</translation>
        </message>
        <message>
            <source>File gone, note kept: {path}</source>
            <translation>Datei fort, Notiz behalten: {path}</translation>
        </message>
        <message numerus="yes">
            <source>%Ln note(s) whose files are gone (kept): listed below</source>
            <translation>
                <numerusform>%Ln Notiz, deren Datei fort ist (behalten): unten aufgeführt</numerusform>
                <numerusform>%Ln Notizen, deren Dateien fort sind (behalten): unten aufgeführt</numerusform>
            </translation>
        </message>
        <message>
            <source>Listing the files…</source>
            <translation>Die Dateien werden aufgelistet…</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Abbrechen</translation>
        </message>
        <message>
            <source>Import</source>
            <translation>Import</translation>
        </message>
        <message>
            <source>Linking the notes and indexing them…</source>
            <translation>Die Notizen werden verknüpft und indiziert…</translation>
        </message>
        <message>
            <source>Importing {name} ({done} of {total})</source>
            <translation>{name} wird importiert ({done} von {total})</translation>
        </message>
    </context>
    <context>
        <name>InstanceLock</name>
        <message>
            <source>another process</source>
            <translation>ein anderer Prozess</translation>
        </message>
        <message>
            <source>process {pid} on {host}</source>
            <translation>Prozess {pid} auf {host}</translation>
        </message>
        <message>
            <source>process {pid}</source>
            <translation>Prozess {pid}</translation>
        </message>
        <message>
            <source>{library} is already open in this notegui window.</source>
            <translation>{library} ist in diesem notegui-Fenster schon geöffnet.</translation>
        </message>
        <message>
            <source>{library} is already open in notegui ({holder}). Open it there, or choose another library.</source>
            <translation>{library} ist schon in notegui geöffnet ({holder}). Öffnen Sie sie dort, oder wählen Sie eine andere Bibliothek.</translation>
        </message>
        <message>
            <source>Library already open</source>
            <translation>Bibliothek schon geöffnet</translation>
        </message>
        <message>
            <source>A library is opened by one notegui at a time, so that no change is lost between two windows.</source>
            <translation>Eine Bibliothek ist immer nur in einem notegui geöffnet, damit zwischen zwei Fenstern keine Änderung verloren geht.</translation>
        </message>
        <message>
            <source>Open Another Library…</source>
            <translation>Andere Bibliothek öffnen…</translation>
        </message>
        <message>
            <source>Quit</source>
            <translation>Beenden</translation>
        </message>
    </context>
    <context>
        <name>LibraryActions</name>
        <message>
            <source>Text: the current note, in the question-note format</source>
            <translation>Text: die aktuelle Notiz im Fragennotiz-Format</translation>
        </message>
        <message>
            <source>JSON: the whole library (notegui JSON, version 1)</source>
            <translation>JSON: die ganze Bibliothek (notegui-JSON, Version 1)</translation>
        </message>
        <message>
            <source>Markdown: the whole library as a folder (an Obsidian vault)</source>
            <translation>Markdown: die ganze Bibliothek als Ordner (ein Obsidian-Vault)</translation>
        </message>
        <message>
            <source>Annotations: markdown, grouped by note</source>
            <translation>Anmerkungen: Markdown, nach Notiz gruppiert</translation>
        </message>
        <message>
            <source>Annotations: W3C Web Annotation (JSON-LD)</source>
            <translation>Anmerkungen: W3C Web Annotation (JSON-LD)</translation>
        </message>
        <message>
            <source>New Library</source>
            <translation>Neue Bibliothek</translation>
        </message>
        <message>
            <source>notegui libraries (*.sqlite3 *.db);;All files (*)</source>
            <translation>notegui-Bibliotheken (*.sqlite3 *.db);;Alle Dateien (*)</translation>
        </message>
        <message>
            <source>Open Library</source>
            <translation>Bibliothek öffnen</translation>
        </message>
        <message>
            <source>Library not found</source>
            <translation>Bibliothek nicht gefunden</translation>
        </message>
        <message>
            <source>{path}

is no longer there (moved or deleted?), so it was removed from File ▸ Open Recent.</source>
            <translation>{path}

ist nicht mehr da (verschoben oder gelöscht?) und wurde deshalb aus Datei ▸ Zuletzt geöffnet entfernt.</translation>
        </message>
        <message>
            <source>Cannot open the library</source>
            <translation>Die Bibliothek lässt sich nicht öffnen</translation>
        </message>
        <message>
            <source>Import Notes</source>
            <translation>Notizen importieren</translation>
        </message>
        <message>
            <source>Markdown notes, question notes, notegui JSON, W3C annotations (*.md *.markdown *.txt *.json *.jsonld);;All files (*)</source>
            <translation>Markdown-Notizen, Fragennotizen, notegui-JSON, W3C-Anmerkungen (*.md *.markdown *.txt *.json *.jsonld);;Alle Dateien (*)</translation>
        </message>
        <message>
            <source>Import a Folder of Notes (a markdown vault or question notes)</source>
            <translation>Einen Ordner mit Notizen importieren (ein Markdown-Vault oder Fragennotizen)</translation>
        </message>
        <message>
            <source>Export</source>
            <translation>Exportieren</translation>
        </message>
        <message>
            <source>What to export:</source>
            <translation>Was exportiert werden soll:</translation>
        </message>
        <message>
            <source>Export JSON</source>
            <translation>JSON exportieren</translation>
        </message>
        <message>
            <source>JSON (*.json)</source>
            <translation>JSON (*.json)</translation>
        </message>
        <message>
            <source>Exported the library to {path}</source>
            <translation>Die Bibliothek wurde nach {path} exportiert</translation>
        </message>
        <message>
            <source>Export to a Folder</source>
            <translation>In einen Ordner exportieren</translation>
        </message>
        <message>
            <source>Export failed</source>
            <translation>Export fehlgeschlagen</translation>
        </message>
        <message>
            <source>{folder} is not empty and does not hold an earlier notegui export. Export the notes into it anyway? Its other files are left alone.</source>
            <translation>{folder} ist nicht leer und enthält keinen früheren notegui-Export. Die Notizen trotzdem dorthin exportieren? Seine anderen Dateien bleiben unberührt.</translation>
        </message>
        <message numerus="yes">
            <source>These %n file(s) were edited since the last export or were not written by notegui, and would be replaced by the notes' text:
{files}

Replace them?</source>
            <translation>
                <numerusform>Diese Datei wurde seit dem letzten Export bearbeitet oder nicht von notegui geschrieben und würde durch den Text der Notizen ersetzt:
{files}

Ersetzen?</numerusform>
                <numerusform>Diese %n Dateien wurden seit dem letzten Export bearbeitet oder nicht von notegui geschrieben und würden durch den Text der Notizen ersetzt:
{files}

Ersetzen?</numerusform>
            </translation>
        </message>
        <message>
            <source>Nothing exported</source>
            <translation>Nichts exportiert</translation>
        </message>
        <message numerus="yes">
            <source>Exported %Ln note(s) to {folder}</source>
            <translation>
                <numerusform>%Ln Notiz nach {folder} exportiert</numerusform>
                <numerusform>%Ln Notizen nach {folder} exportiert</numerusform>
            </translation>
        </message>
        <message>
            <source>{message}.

Kept, because they were edited since the last export (their notes are gone):
</source>
            <translation>{message}.

Behalten, weil sie seit dem letzten Export bearbeitet wurden (ihre Notizen gibt es nicht mehr):
</translation>
        </message>
        <message>
            <source>W3C Web Annotation (*.jsonld *.json)</source>
            <translation>W3C Web Annotation (*.jsonld *.json)</translation>
        </message>
        <message>
            <source>Markdown (*.md)</source>
            <translation>Markdown (*.md)</translation>
        </message>
        <message>
            <source>Export Annotations</source>
            <translation>Anmerkungen exportieren</translation>
        </message>
        <message numerus="yes">
            <source>Exported %Ln annotation(s) to {path}</source>
            <translation>
                <numerusform>%Ln Anmerkung nach {path} exportiert</numerusform>
                <numerusform>%Ln Anmerkungen nach {path} exportiert</numerusform>
            </translation>
        </message>
        <message>
            <source>Open a note to export it.</source>
            <translation>Öffnen Sie eine Notiz, um sie zu exportieren.</translation>
        </message>
        <message>
            <source>{title} cannot be exported as a note's text: {why} (choose Markdown or JSON: the whole library)</source>
            <translation>{title} lässt sich nicht als Text einer Notiz exportieren: {why} (wählen Sie Markdown oder JSON: die ganze Bibliothek)</translation>
        </message>
        <message>
            <source>Export Note</source>
            <translation>Notiz exportieren</translation>
        </message>
        <message>
            <source>Text (*.txt)</source>
            <translation>Text (*.txt)</translation>
        </message>
        <message>
            <source>Exported the note to {path}</source>
            <translation>Die Notiz wurde nach {path} exportiert</translation>
        </message>
        <message>
            <source>Restore Backup</source>
            <translation>Sicherung wiederherstellen</translation>
        </message>
        <message>
            <source>There is no backup of this library yet.</source>
            <translation>Von dieser Bibliothek gibt es noch keine Sicherung.</translation>
        </message>
        <message>
            <source>Restore the newest backup?</source>
            <translation>Die neueste Sicherung wiederherstellen?</translation>
        </message>
        <message>
            <source>Restore {library} from its backup of {when}?

The library as it is now is kept as one more backup first.</source>
            <translation>{library} aus ihrer Sicherung vom {when} wiederherstellen?

Die Bibliothek, wie sie jetzt ist, wird zuerst als weitere Sicherung aufbewahrt.</translation>
        </message>
        <message>
            <source>Restoring {library} from {backup}…</source>
            <translation>{library} wird aus {backup} wiederhergestellt…</translation>
        </message>
        <message>
            <source>Salvage into a New File</source>
            <translation>In eine neue Datei retten</translation>
        </message>
        <message>
            <source>notegui libraries (*.sqlite3 *.db)</source>
            <translation>notegui-Bibliotheken (*.sqlite3 *.db)</translation>
        </message>
        <message>
            <source>Salvaging {library} into {target}…</source>
            <translation>{library} wird in {target} gerettet…</translation>
        </message>
        <message>
            <source>Salvage failed</source>
            <translation>Rettung fehlgeschlagen</translation>
        </message>
        <message>
            <source>Salvaged into {target}</source>
            <translation>Gerettet in {target}</translation>
        </message>
        <message>
            <source>Salvaged</source>
            <translation>Gerettet</translation>
        </message>
        <message>
            <source>What could be read was saved into
{target}

</source>
            <translation>Was sich lesen ließ, wurde gespeichert in
{target}

</translation>
        </message>
        <message>
            <source>

Open the new library now?</source>
            <translation>

Die neue Bibliothek jetzt öffnen?</translation>
        </message>
        <message>
            <source>Restore failed</source>
            <translation>Wiederherstellung fehlgeschlagen</translation>
        </message>
        <message>
            <source>; the library as it was is kept as {backup}</source>
            <translation>; die Bibliothek, wie sie war, bleibt als {backup} erhalten</translation>
        </message>
        <message>
            <source>Restored from {backup}{kept}</source>
            <translation>Wiederhergestellt aus {backup}{kept}</translation>
        </message>
    </context>
    <context>
        <name>LibraryBanner</name>
        <message>
            <source>Library status</source>
            <translation>Zustand der Bibliothek</translation>
        </message>
        <message>
            <source>Restore Newest Backup</source>
            <translation>Neueste Sicherung wiederherstellen</translation>
        </message>
        <message>
            <source>Restore the newest backup of this library</source>
            <translation>Die neueste Sicherung dieser Bibliothek wiederherstellen</translation>
        </message>
        <message>
            <source>Salvage into a New File…</source>
            <translation>In eine neue Datei retten…</translation>
        </message>
        <message>
            <source>Salvage what can be read into a new library file</source>
            <translation>Was sich lesen lässt, in eine neue Bibliotheksdatei retten</translation>
        </message>
        <message>
            <source>This library is damaged ({damaged}). It is open read-only: you can read, search and export what can still be read; nothing is written into it.</source>
            <translation>Diese Bibliothek ist beschädigt ({damaged}). Sie ist schreibgeschützt geöffnet: Sie können lesen, suchen und exportieren, was sich noch lesen lässt; nichts wird in sie geschrieben.</translation>
        </message>
        <message>
            <source> There is no backup of it to restore.</source>
            <translation> Es gibt keine Sicherung von ihr zum Wiederherstellen.</translation>
        </message>
        <message>
            <source>This library is read-only ({read_only}). You can read, search and export; nothing can be changed.</source>
            <translation>Diese Bibliothek ist schreibgeschützt ({read_only}). Sie können lesen, suchen und exportieren; nichts lässt sich ändern.</translation>
        </message>
    </context>
    <context>
        <name>LinkHealth</name>
        <message>
            <source>Another library is open: its link health is read again.</source>
            <translation>Eine andere Bibliothek ist geöffnet: ihre Verweise werden neu geprüft.</translation>
        </message>
        <message>
            <source>“{title}” is no longer in the library</source>
            <translation>„{title}“ ist nicht mehr in der Bibliothek</translation>
        </message>
        <message>
            <source>Not linked</source>
            <translation>Nicht verknüpft</translation>
        </message>
        <message>
            <source>{error}. Refresh to see the library as it is now.</source>
            <translation>{error}. Aktualisieren Sie, um die Bibliothek zu sehen, wie sie jetzt ist.</translation>
        </message>
        <message>
            <source>Linked “{written}” in “{title}”.</source>
            <translation>„{written}“ in „{title}“ verknüpft.</translation>
        </message>
        <message>
            <source>Merge notes?</source>
            <translation>Notizen zusammenführen?</translation>
        </message>
        <message>
            <source>Merge {names} into “{title}”?

“{title}” keeps its title and text; the other text is added after it. Every citation of the other title is written with this one, and its annotations and tags move here. The other note goes to the Trash (a stub, with no text, is deleted); each note's text before is kept in its history.</source>
            <translation>{names} in „{title}“ zusammenführen?

„{title}“ behält Titel und Text; der andere Text wird danach angefügt. Jeder Verweis auf den anderen Titel wird mit diesem geschrieben, und seine Anmerkungen und Schlagwörter kommen hierher. Die andere Notiz kommt in den Papierkorb (ein Platzhalter ohne Text wird gelöscht); der vorherige Text jeder Notiz bleibt in ihrem Verlauf erhalten.</translation>
        </message>
        <message>
            <source>Not merged</source>
            <translation>Nicht zusammengeführt</translation>
        </message>
        <message>
            <source>Merged {names} into “{title}”.</source>
            <translation>{names} in „{title}“ zusammengeführt.</translation>
        </message>
    </context>
    <context>
        <name>LinkHealthDialog</name>
        <message>
            <source>Stubs: cited but never written</source>
            <translation>Platzhalter: zitiert, aber nie geschrieben</translation>
        </message>
        <message>
            <source>Orphans: no citations either way</source>
            <translation>Verwaiste Notizen: keine Verweise in beide Richtungen</translation>
        </message>
        <message>
            <source>Titles that differ only in case, spacing or punctuation</source>
            <translation>Titel, die sich nur in Groß-/Kleinschreibung, Leerraum oder Satzzeichen unterscheiden</translation>
        </message>
        <message>
            <source>Unlinked mentions</source>
            <translation>Unverknüpfte Erwähnungen</translation>
        </message>
        <message>
            <source>no note</source>
            <translation>keine Notiz</translation>
        </message>
        <message>
            <source>stub: {stub} is cited but never written; cited by {cited}</source>
            <translation>Platzhalter: {stub} wird zitiert, aber nie geschrieben; zitiert von {cited}</translation>
        </message>
        <message>
            <source>orphan: {note} cites nothing and nothing cites it</source>
            <translation>verwaist: {note} zitiert nichts, und nichts zitiert sie</translation>
        </message>
        <message>
            <source>near-duplicate: {notes} differ only in case, spacing or punctuation</source>
            <translation>fast gleich: {notes} unterscheiden sich nur in Groß-/Kleinschreibung, Leerraum oder Satzzeichen</translation>
        </message>
        <message>
            <source>unlinked mention: {source} line {line} mentions {target} (“{written}”) without citing it</source>
            <translation>unverknüpfte Erwähnung: {source} erwähnt in Zeile {line} {target} („{written}“), ohne sie zu zitieren</translation>
        </message>
        <message>
            <source>No findings in {notes} notes</source>
            <translation>Keine Befunde in {notes} Notizen</translation>
        </message>
        <message numerus="yes">
            <source>%Ln finding(s) in {notes} notes</source>
            <translation>
                <numerusform>%Ln Befund in {notes} Notizen</numerusform>
                <numerusform>%Ln Befunde in {notes} Notizen</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln stub(s)</source>
            <translation>
                <numerusform>%Ln Platzhalter</numerusform>
                <numerusform>%Ln Platzhalter</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln orphan(s)</source>
            <translation>
                <numerusform>%Ln verwaiste Notiz</numerusform>
                <numerusform>%Ln verwaiste Notizen</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln near-duplicate title group(s)</source>
            <translation>
                <numerusform>%Ln Gruppe fast gleicher Titel</numerusform>
                <numerusform>%Ln Gruppen fast gleicher Titel</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln unlinked mention(s)</source>
            <translation>
                <numerusform>%Ln unverknüpfte Erwähnung</numerusform>
                <numerusform>%Ln unverknüpfte Erwähnungen</numerusform>
            </translation>
        </message>
        <message>
            <source>{stub}, cited by {cited}</source>
            <translation>{stub}, zitiert von {cited}</translation>
        </message>
        <message>
            <source>{source} mentions {target}: “{written}” (line {line})</source>
            <translation>{source} erwähnt {target}: „{written}“ (Zeile {line})</translation>
        </message>
        <message>
            <source>Link Health</source>
            <translation>Verweisprüfung</translation>
        </message>
        <message>
            <source>Reading the library…</source>
            <translation>Die Bibliothek wird gelesen…</translation>
        </message>
        <message>
            <source>Link health summary</source>
            <translation>Zusammenfassung der Verweisprüfung</translation>
        </message>
        <message>
            <source>Link health findings</source>
            <translation>Befunde der Verweisprüfung</translation>
        </message>
        <message>
            <source>The selected finding</source>
            <translation>Der ausgewählte Befund</translation>
        </message>
        <message>
            <source>&amp;Open</source>
            <translation>Ö&amp;ffnen</translation>
        </message>
        <message>
            <source>Open the selected note</source>
            <translation>Die ausgewählte Notiz öffnen</translation>
        </message>
        <message>
            <source>&amp;Link It</source>
            <translation>&amp;Verknüpfen</translation>
        </message>
        <message>
            <source>Make the selected mention a citation</source>
            <translation>Die ausgewählte Erwähnung zu einem Verweis machen</translation>
        </message>
        <message>
            <source>&amp;Merge Into This…</source>
            <translation>Hierhin &amp;zusammenführen…</translation>
        </message>
        <message>
            <source>Merge the other notes of the selected title into the selected note</source>
            <translation>Die anderen Notizen des ausgewählten Titels in die ausgewählte Notiz zusammenführen</translation>
        </message>
        <message>
            <source>&amp;Refresh</source>
            <translation>A&amp;ktualisieren</translation>
        </message>
        <message>
            <source>Read the library's link health again</source>
            <translation>Die Verweise der Bibliothek neu prüfen</translation>
        </message>
        <message>
            <source>The library could not be read: {why}</source>
            <translation>Die Bibliothek ließ sich nicht lesen: {why}</translation>
        </message>
        <message>
            <source>Notes read from a markdown folder are merged in their folder</source>
            <translation>Aus einem Markdown-Ordner gelesene Notizen werden in ihrem Ordner zusammengeführt</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>About notegui</source>
            <translation>Über notegui</translation>
        </message>
        <message>
            <source>Read, search, annotate and edit a library of linked question notes, offline.</source>
            <translation>Eine Bibliothek verknüpfter Fragennotizen lesen, durchsuchen, anmerken und bearbeiten, offline.</translation>
        </message>
        <message>
            <source>Library: {path}</source>
            <translation>Bibliothek: {path}</translation>
        </message>
        <message>
            <source>Number of notes shown</source>
            <translation>Anzahl der gezeigten Notizen</translation>
        </message>
        <message>
            <source>Questions only</source>
            <translation>Nur Fragen</translation>
        </message>
        <message>
            <source>Questions</source>
            <translation>Fragen</translation>
        </message>
        <message>
            <source>Answer or editor</source>
            <translation>Antwort oder Editor</translation>
        </message>
        <message>
            <source>O&amp;utline</source>
            <translation>&amp;Gliederung</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Navigation</source>
            <translation>Navigation</translation>
        </message>
        <message>
            <source>Navigation toolbar</source>
            <translation>Navigationsleiste</translation>
        </message>
        <message>
            <source>This library is empty.</source>
            <translation>Diese Bibliothek ist leer.</translation>
        </message>
        <message>
            <source>No note is open: choose one in the list.</source>
            <translation>Keine Notiz ist geöffnet: wählen Sie eine in der Liste.</translation>
        </message>
        <message>
            <source>Add notes from files with {import_files} or {import_folder}, or write one with {new_note}.</source>
            <translation>Fügen Sie Notizen aus Dateien hinzu mit {import_files} oder {import_folder}, oder schreiben Sie eine mit {new_note}.</translation>
        </message>
        <message>
            <source>New note</source>
            <translation>Neue Notiz</translation>
        </message>
        <message>
            <source>&amp;Done Editing</source>
            <translation>&amp;Fertig bearbeitet</translation>
        </message>
        <message>
            <source>&amp;Edit Note</source>
            <translation>Notiz &amp;bearbeiten</translation>
        </message>
        <message>
            <source>The library was changed outside; refreshed.</source>
            <translation>Die Bibliothek wurde von außen geändert; neu geladen.</translation>
        </message>
        <message>
            <source>The rest of the list could not be read: {error}</source>
            <translation>Der Rest der Liste konnte nicht gelesen werden: {error}</translation>
        </message>
        <message>
            <source>Listing the notes…</source>
            <translation>Die Notizen werden aufgelistet…</translation>
        </message>
        <message numerus="yes">
            <source>%Ln question(s) of {total} notes</source>
            <translation>
                <numerusform>%Ln Frage von {total} Notizen</numerusform>
                <numerusform>%Ln Fragen von {total} Notizen</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln note(s)</source>
            <translation>
                <numerusform>%Ln Notiz</numerusform>
                <numerusform>%Ln Notizen</numerusform>
            </translation>
        </message>
        <message>
            <source>, searching for more…</source>
            <translation>, weitere werden gesucht…</translation>
        </message>
        <message>
            <source> (questions only)</source>
            <translation> (nur Fragen)</translation>
        </message>
        <message numerus="yes">
            <source>%Ln result(s) of {total} notes</source>
            <translation>
                <numerusform>%Ln Treffer von {total} Notizen</numerusform>
                <numerusform>%Ln Treffer von {total} Notizen</numerusform>
            </translation>
        </message>
        <message>
            <source>That note no longer exists.</source>
            <translation>Diese Notiz gibt es nicht mehr.</translation>
        </message>
        <message>
            <source>A stub: other notes cite this question, but it has no text of its own yet.</source>
            <translation>Ein Platzhalter: andere Notizen zitieren diese Frage, aber sie hat noch keinen eigenen Text.</translation>
        </message>
        <message>
            <source>This note is in the Trash: Note ▸ Trash… restores it.</source>
            <translation>Diese Notiz liegt im Papierkorb: Notiz ▸ Papierkorb… stellt sie wieder her.</translation>
        </message>
        <message>
            <source>no web site named</source>
            <translation>keine Website genannt</translation>
        </message>
        <message>
            <source>Link not opened</source>
            <translation>Verweis nicht geöffnet</translation>
        </message>
        <message>
            <source>This link's address is not a valid web address, so it was not opened:

{address}

({reason})</source>
            <translation>Die Adresse dieses Verweises ist keine gültige Webadresse, deshalb wurde er nicht geöffnet:

{address}

({reason})</translation>
        </message>
        <message>
            <source>Open link in browser?</source>
            <translation>Verweis im Browser öffnen?</translation>
        </message>
        <message>
            <source>This link leads outside notegui:

{address}

Open it in your web browser?</source>
            <translation>Dieser Verweis führt aus notegui hinaus:

{address}

In Ihrem Webbrowser öffnen?</translation>
        </message>
        <message>
            <source> (stub)</source>
            <translation> (Platzhalter)</translation>
        </message>
        <message>
            <source>Quick Switcher</source>
            <translation>Schnellwechsler</translation>
        </message>
        <message>
            <source>Type part of a title…</source>
            <translation>Einen Teil eines Titels tippen…</translation>
        </message>
        <message>
            <source>Command Palette</source>
            <translation>Befehlspalette</translation>
        </message>
        <message>
            <source>Type a command…</source>
            <translation>Einen Befehl tippen…</translation>
        </message>
        <message>
            <source>The outline leads through the note as read: Done Editing first.</source>
            <translation>Die Gliederung führt durch die Notiz, wie sie gelesen wird: zuerst die Bearbeitung beenden.</translation>
        </message>
        <message>
            <source>this library cannot be written to now (the banner above says why).</source>
            <translation>in diese Bibliothek kann gerade nicht geschrieben werden (die Leiste oben sagt, warum).</translation>
        </message>
        <message>
            <source>an import is running; drop them again when it ends.</source>
            <translation>ein Import läuft; legen Sie sie erneut ab, wenn er endet.</translation>
        </message>
        <message>
            <source>Close without saving?</source>
            <translation>Schließen, ohne zu speichern?</translation>
        </message>
        <message>
            <source>Your edit could not be saved (the editor says why). Close anyway? It is kept as a draft and offered at the next start.</source>
            <translation>Ihre Bearbeitung ließ sich nicht speichern (der Editor sagt, warum). Trotzdem schließen? Sie bleibt als Entwurf erhalten und wird beim nächsten Start angeboten.</translation>
        </message>
    </context>
    <context>
        <name>NoteActions</name>
        <message>
            <source>Restore this note from the Trash to edit it.</source>
            <translation>Stellen Sie diese Notiz aus dem Papierkorb wieder her, um sie zu bearbeiten.</translation>
        </message>
        <message>
            <source>Not saved: fix what the editor says, or Discard.</source>
            <translation>Nicht gespeichert: beheben Sie, was der Editor meldet, oder verwerfen Sie.</translation>
        </message>
        <message>
            <source>It could not be saved: {problem}</source>
            <translation>Sie ließ sich nicht speichern: {problem}</translation>
        </message>
        <message>
            <source>Discard the new note?</source>
            <translation>Die neue Notiz verwerfen?</translation>
        </message>
        <message>
            <source>This new note is not saved. Discard it, or keep editing?</source>
            <translation>Diese neue Notiz ist nicht gespeichert. Verwerfen oder weiter bearbeiten?</translation>
        </message>
        <message>
            <source>Discard unsaved changes?</source>
            <translation>Ungespeicherte Änderungen verwerfen?</translation>
        </message>
        <message>
            <source>Your changes to “{saved_title}” are not saved. Discard them (the note stays as it was last saved), or keep editing?</source>
            <translation>Ihre Änderungen an „{saved_title}“ sind nicht gespeichert. Verwerfen (die Notiz bleibt, wie sie zuletzt gespeichert wurde) oder weiter bearbeiten?</translation>
        </message>
        <message>
            <source>The preview shows the description and the answer as you write them.</source>
            <translation>Die Vorschau zeigt die Beschreibung und die Antwort, während Sie sie schreiben.</translation>
        </message>
        <message numerus="yes">
            <source>

%n note(s) cite it; their citations will show it as in the Trash.</source>
            <translation>
                <numerusform>

%n Notiz zitiert sie; ihr Verweis zeigt sie dann als im Papierkorb.</numerusform>
                <numerusform>

%n Notizen zitieren sie; ihre Verweise zeigen sie dann als im Papierkorb.</numerusform>
            </translation>
        </message>
        <message>
            <source>Move to Trash?</source>
            <translation>In den Papierkorb verschieben?</translation>
        </message>
        <message>
            <source>Move “{title}” to the Trash?

Its annotations and history go with it, and Note ▸ Trash… brings it back.{also}</source>
            <translation>„{title}“ in den Papierkorb verschieben?

Ihre Anmerkungen und ihr Verlauf gehen mit, und Notiz ▸ Papierkorb… holt sie zurück.{also}</translation>
        </message>
        <message>
            <source>Moved “{title}” to the Trash.</source>
            <translation>„{title}“ in den Papierkorb verschoben.</translation>
        </message>
        <message>
            <source>Restored that version; the text it replaced is kept in the history.</source>
            <translation>Diese Version wurde wiederhergestellt; der ersetzte Text bleibt im Verlauf erhalten.</translation>
        </message>
        <message>
            <source>Not written</source>
            <translation>Nicht geschrieben</translation>
        </message>
        <message>
            <source>The draft could not be written: {error}</source>
            <translation>Der Entwurf ließ sich nicht schreiben: {error}</translation>
        </message>
        <message>
            <source>a new note</source>
            <translation>eine neue Notiz</translation>
        </message>
        <message>
            <source>Restore unsaved edit?</source>
            <translation>Ungespeicherte Bearbeitung wiederherstellen?</translation>
        </message>
        <message>
            <source>notegui closed before your edit of “{name}” was saved (draft from {saved_at}).

Restore it into the editor? (No deletes the draft.)</source>
            <translation>notegui wurde geschlossen, bevor Ihre Bearbeitung von „{name}“ gespeichert war (Entwurf vom {saved_at}).

In den Editor wiederherstellen? (Nein löscht den Entwurf.)</translation>
        </message>
    </context>
    <context>
        <name>OpenedFiles</name>
        <message>
            <source>there is no such file</source>
            <translation>diese Datei gibt es nicht</translation>
        </message>
        <message>
            <source>it is a folder (File ▸ Import Folder… imports one)</source>
            <translation>das ist ein Ordner (Datei ▸ Ordner importieren… importiert einen)</translation>
        </message>
        <message>
            <source>it is not a regular file</source>
            <translation>das ist keine gewöhnliche Datei</translation>
        </message>
        <message>
            <source>you are not allowed to read it</source>
            <translation>Sie dürfen sie nicht lesen</translation>
        </message>
        <message>
            <source>{file}: {why}</source>
            <translation>{file}: {why}</translation>
        </message>
        <message>
            <source>Cannot import</source>
            <translation>Import nicht möglich</translation>
        </message>
        <message>
            <source>{files}

Nothing was imported.</source>
            <translation>{files}

Es wurde nichts importiert.</translation>
        </message>
        <message>
            <source>Nothing imported: {why}</source>
            <translation>Nichts importiert: {why}</translation>
        </message>
        <message>
            <source>Import {file} into the library {library}?</source>
            <translation>{file} in die Bibliothek {library} importieren?</translation>
        </message>
        <message numerus="yes">
            <source>Import %n file(s) into the library {library}?</source>
            <translation>
                <numerusform>%n Datei in die Bibliothek {library} importieren?</numerusform>
                <numerusform>%n Dateien in die Bibliothek {library} importieren?</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>and %n more file(s)</source>
            <translation>
                <numerusform>und %n weitere Datei</numerusform>
                <numerusform>und %n weitere Dateien</numerusform>
            </translation>
        </message>
        <message>
            <source>Import Notes</source>
            <translation>Notizen importieren</translation>
        </message>
        <message>
            <source>Import</source>
            <translation>Importieren</translation>
        </message>
    </context>
    <context>
        <name>Outline</name>
        <message>
            <source>Outline: the headings of this note</source>
            <translation>Gliederung: die Überschriften dieser Notiz</translation>
        </message>
        <message>
            <source>{text}, heading level {level}</source>
            <translation>{text}, Überschrift Ebene {level}</translation>
        </message>
        <message>
            <source>, being read</source>
            <translation>, wird gelesen</translation>
        </message>
        <message>
            <source>Outline</source>
            <translation>Gliederung</translation>
        </message>
        <message>
            <source>Type part of a heading…</source>
            <translation>Einen Teil einer Überschrift tippen…</translation>
        </message>
        <message>
            <source>Outline: filter the headings</source>
            <translation>Gliederung: die Überschriften filtern</translation>
        </message>
        <message>
            <source>Outline: matching headings</source>
            <translation>Gliederung: passende Überschriften</translation>
        </message>
        <message>
            <source>Outline: nothing to show</source>
            <translation>Gliederung: nichts zu zeigen</translation>
        </message>
        <message>
            <source>This note has no headings.</source>
            <translation>Diese Notiz hat keine Überschriften.</translation>
        </message>
        <message>
            <source>No heading matches.</source>
            <translation>Keine Überschrift passt.</translation>
        </message>
    </context>
    <context>
        <name>Picker</name>
        <message>
            <source>{title}: filter</source>
            <translation>{title}: Filter</translation>
        </message>
        <message>
            <source>{title}: matches</source>
            <translation>{title}: Treffer</translation>
        </message>
        <message>
            <source>{label} (in {place})</source>
            <translation>{label} (in {place})</translation>
        </message>
    </context>
    <context>
        <name>Printing</name>
        <message>
            <source>Print Note</source>
            <translation>Notiz drucken</translation>
        </message>
        <message>
            <source>Open a note to print it.</source>
            <translation>Öffnen Sie eine Notiz, um sie zu drucken.</translation>
        </message>
        <message>
            <source>Print</source>
            <translation>Drucken</translation>
        </message>
        <message>
            <source>The note could not be printed: {error}</source>
            <translation>Die Notiz ließ sich nicht drucken: {error}</translation>
        </message>
        <message numerus="yes">
            <source>Printed “{title}” (%n page(s)).</source>
            <translation>
                <numerusform>„{title}“ gedruckt (%n Seite).</numerusform>
                <numerusform>„{title}“ gedruckt (%n Seiten).</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>QuestionList</name>
        <message>
            <source>{title} (stub)</source>
            <translation>{title} (Platzhalter)</translation>
        </message>
        <message>
            <source>{title} (in {place})</source>
            <translation>{title} (in {place})</translation>
        </message>
        <message>
            <source>Question list</source>
            <translation>Fragenliste</translation>
        </message>
    </context>
    <context>
        <name>RecentMenu</name>
        <message>
            <source>Open &amp;Recent</source>
            <translation>&amp;Zuletzt geöffnet</translation>
        </message>
        <message>
            <source>Open Recent: libraries opened lately</source>
            <translation>Zuletzt geöffnet: kürzlich geöffnete Bibliotheken</translation>
        </message>
        <message>
            <source>{text} (not found)</source>
            <translation>{text} (nicht gefunden)</translation>
        </message>
        <message>
            <source>Not found: moved or deleted?</source>
            <translation>Nicht gefunden: verschoben oder gelöscht?</translation>
        </message>
        <message>
            <source>{path}

The library open now</source>
            <translation>{path}

Die jetzt geöffnete Bibliothek</translation>
        </message>
        <message>
            <source>No recent libraries</source>
            <translation>Keine zuletzt geöffneten Bibliotheken</translation>
        </message>
        <message>
            <source>&amp;Clear Recent Libraries</source>
            <translation>Liste &amp;leeren</translation>
        </message>
    </context>
    <context>
        <name>SearchField</name>
        <message>
            <source>Search  (Ctrl+F)   is:question  is:stub  tag:name</source>
            <translation>Suchen  (Strg+F)   is:question  is:stub  tag:name</translation>
        </message>
        <message>
            <source>Search notes</source>
            <translation>Notizen durchsuchen</translation>
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
    <context>
        <name>ShortcutsDialog</name>
        <message>
            <source>Keyboard Shortcuts</source>
            <translation>Tastenkürzel</translation>
        </message>
        <message>
            <source>Type to filter: an action, a key, a menu…</source>
            <translation>Zum Filtern tippen: eine Aktion, eine Taste, ein Menü…</translation>
        </message>
        <message>
            <source>Keyboard Shortcuts: filter</source>
            <translation>Tastenkürzel: Filter</translation>
        </message>
        <message>
            <source>Keyboard Shortcuts: every action and its keys</source>
            <translation>Tastenkürzel: alle Aktionen und ihre Tasten</translation>
        </message>
        <message>
            <source>Action</source>
            <translation>Aktion</translation>
        </message>
        <message>
            <source>Keys</source>
            <translation>Tasten</translation>
        </message>
        <message>
            <source>Menu</source>
            <translation>Menü</translation>
        </message>
        <message>
            <source>Keyboard Shortcuts: actions shown</source>
            <translation>Tastenkürzel: gezeigte Aktionen</translation>
        </message>
        <message>
            <source>no shortcut</source>
            <translation>kein Tastenkürzel</translation>
        </message>
        <message numerus="yes">
            <source>%n of {total} actions</source>
            <translation>
                <numerusform>%n von {total} Aktionen</numerusform>
                <numerusform>%n von {total} Aktionen</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n action(s)</source>
            <translation>
                <numerusform>%n Aktion</numerusform>
                <numerusform>%n Aktionen</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>SidebarSection</name>
        <message>
            <source>{plain} section</source>
            <translation>Abschnitt {plain}</translation>
        </message>
        <message>
            <source>Expanded</source>
            <translation>Ausgeklappt</translation>
        </message>
        <message>
            <source>Collapsed</source>
            <translation>Eingeklappt</translation>
        </message>
        <message>
            <source>{title} ({count})</source>
            <translation>{title} ({count})</translation>
        </message>
    </context>
    <context>
        <name>SourcesPanel</name>
        <message>
            <source> (stub)</source>
            <translation> (Platzhalter)</translation>
        </message>
        <message>
            <source>{title} (in {place})</source>
            <translation>{title} (in {place})</translation>
        </message>
        <message>
            <source>{title} ({place})</source>
            <translation>{title} ({place})</translation>
        </message>
        <message>
            <source>Linked sources</source>
            <translation>Verknüpfte Quellen</translation>
        </message>
        <message>
            <source>Sources: the notes this one cites</source>
            <translation>Quellen: die Notizen, die diese zitiert</translation>
        </message>
        <message>
            <source>Cited by: the notes that cite this one</source>
            <translation>Zitiert von: die Notizen, die diese zitieren</translation>
        </message>
        <message>
            <source>&amp;Sources</source>
            <translation>&amp;Quellen</translation>
        </message>
        <message>
            <source>Cite&amp;d by</source>
            <translation>Zitiert &amp;von</translation>
        </message>
        <message>
            <source>Anno&amp;tations</source>
            <translation>&amp;Anmerkungen</translation>
        </message>
        <message>
            <source>Cites this note as: {summary}</source>
            <translation>Zitiert diese Notiz als: {summary}</translation>
        </message>
    </context>
    <context>
        <name>SyncControl</name>
        <message numerus="yes">
            <source>%Ln received</source>
            <translation>
                <numerusform>%Ln empfangen</numerusform>
                <numerusform>%Ln empfangen</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln sent</source>
            <translation>
                <numerusform>%Ln gesendet</numerusform>
                <numerusform>%Ln gesendet</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln merged</source>
            <translation>
                <numerusform>%Ln zusammengeführt</numerusform>
                <numerusform>%Ln zusammengeführt</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln in conflict</source>
            <translation>
                <numerusform>%Ln im Konflikt</numerusform>
                <numerusform>%Ln im Konflikt</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln file(s) refused</source>
            <translation>
                <numerusform>%Ln Datei abgelehnt</numerusform>
                <numerusform>%Ln Dateien abgelehnt</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln read with warnings</source>
            <translation>
                <numerusform>%Ln mit Warnungen gelesen</numerusform>
                <numerusform>%Ln mit Warnungen gelesen</numerusform>
            </translation>
        </message>
        <message>
            <source>Synced: {changes}</source>
            <translation>Synchronisiert: {changes}</translation>
        </message>
        <message>
            <source>nothing to change</source>
            <translation>nichts zu ändern</translation>
        </message>
        <message>
            <source>This library has no sync.</source>
            <translation>Diese Bibliothek wird nicht synchronisiert.</translation>
        </message>
        <message>
            <source>A sync is already running; it goes on.</source>
            <translation>Eine Synchronisierung läuft schon; sie geht weiter.</translation>
        </message>
        <message>
            <source>the sync failed unexpectedly: {error}</source>
            <translation>die Synchronisierung ist unerwartet fehlgeschlagen: {error}</translation>
        </message>
        <message>
            <source>Sync failed: {failure}</source>
            <translation>Synchronisierung fehlgeschlagen: {failure}</translation>
        </message>
        <message>
            <source>The sync changed the note you are editing; your edit is kept and saved over the fields you changed.</source>
            <translation>Die Synchronisierung hat die Notiz geändert, die Sie bearbeiten; Ihre Bearbeitung bleibt erhalten und wird über die Felder gespeichert, die Sie geändert haben.</translation>
        </message>
        <message numerus="yes">
            <source>It is tried again every %n minute(s); click to try now.</source>
            <translation>
                <numerusform>Sie wird jede Minute erneut versucht; klicken, um es jetzt zu versuchen.</numerusform>
                <numerusform>Sie wird alle %n Minuten erneut versucht; klicken, um es jetzt zu versuchen.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>It is tried again in %n minute(s); click to try now.</source>
            <translation>
                <numerusform>Sie wird in %n Minute erneut versucht; klicken, um es jetzt zu versuchen.</numerusform>
                <numerusform>Sie wird in %n Minuten erneut versucht; klicken, um es jetzt zu versuchen.</numerusform>
            </translation>
        </message>
        <message>
            <source>Click to try again.</source>
            <translation>Klicken, um es erneut zu versuchen.</translation>
        </message>
        <message>
            <source>Sync settings saved.</source>
            <translation>Sync-Einstellungen gespeichert.</translation>
        </message>
        <message>
            <source>Sync is off for this library.</source>
            <translation>Die Synchronisierung ist für diese Bibliothek aus.</translation>
        </message>
        <message>
            <source>The conflicts could not be read: {error}</source>
            <translation>Die Konflikte ließen sich nicht lesen: {error}</translation>
        </message>
        <message>
            <source>a sync is running; settle it when it ends</source>
            <translation>eine Synchronisierung läuft; klären Sie ihn, wenn sie endet</translation>
        </message>
        <message>
            <source>Settled “{title}”.</source>
            <translation>„{title}“ geklärt.</translation>
        </message>
    </context>
    <context>
        <name>SyncSettings</name>
        <message>
            <source>Remote URL: it holds a line break or another control character.</source>
            <translation>Remote-URL: sie enthält einen Zeilenumbruch oder ein anderes Steuerzeichen.</translation>
        </message>
        <message>
            <source>Remote URL: it holds a password. notegui never keeps one: remove it and let git's credential helper (https) or your ssh keys answer.</source>
            <translation>Remote-URL: sie enthält ein Passwort. notegui speichert nie eines: entfernen Sie es und lassen Sie den Credential-Helper von Git (https) oder Ihre ssh-Schlüssel antworten.</translation>
        </message>
        <message>
            <source>Sync on start</source>
            <translation>Beim Start synchronisieren</translation>
        </message>
        <message>
            <source>Sync every N minutes</source>
            <translation>Alle N Minuten synchronisieren</translation>
        </message>
        <message>
            <source>Sync after saves</source>
            <translation>Nach dem Speichern synchronisieren</translation>
        </message>
        <message>
            <source>Remote URL: empty, but {automatic} is on. Enter the remote's URL, or turn those off.</source>
            <translation>Remote-URL: leer, aber {automatic} ist an. Geben Sie die URL des Remotes ein oder schalten Sie das aus.</translation>
        </message>
        <message>
            <source>Sync every N minutes: from 0 (off) to {max_interval_minutes}.</source>
            <translation>Alle N Minuten synchronisieren: von 0 (aus) bis {max_interval_minutes}.</translation>
        </message>
        <message>
            <source>Sync Settings</source>
            <translation>Sync-Einstellungen</translation>
        </message>
        <message>
            <source>Sync settings</source>
            <translation>Sync-Einstellungen</translation>
        </message>
        <message>
            <source>Remote URL</source>
            <translation>Remote-URL</translation>
        </message>
        <message>
            <source>A git remote: an ssh or https URL (GitHub, GitLab, Gitea, your own server) or a bare repository on a disk. ssh keys come from your ssh agent and ~/.ssh; https credentials from git's credential helper. notegui never asks for or keeps a password.</source>
            <translation>Ein Git-Remote: eine ssh- oder https-URL (GitHub, GitLab, Gitea, Ihr eigener Server) oder ein Bare-Repository auf einem Datenträger. ssh-Schlüssel kommen aus Ihrem ssh-Agenten und ~/.ssh, https-Zugangsdaten aus dem Credential-Helper von Git. notegui fragt nie nach einem Passwort und speichert keines.</translation>
        </message>
        <message>
            <source>About the remote URL</source>
            <translation>Zur Remote-URL</translation>
        </message>
        <message>
            <source>Sync when the library &amp;opens</source>
            <translation>Synchronisieren, wenn die Bibliothek &amp;geöffnet wird</translation>
        </message>
        <message>
            <source> minutes</source>
            <translation> Minuten</translation>
        </message>
        <message>
            <source>Off</source>
            <translation>Aus</translation>
        </message>
        <message>
            <source>Sync a few seconds after &amp;saves</source>
            <translation>Einige Sekunden nach dem &amp;Speichern synchronisieren</translation>
        </message>
        <message>
            <source>Why the settings were not saved</source>
            <translation>Warum die Einstellungen nicht gespeichert wurden</translation>
        </message>
        <message>
            <source>&amp;Remote URL:</source>
            <translation>&amp;Remote-URL:</translation>
        </message>
        <message>
            <source>Sync &amp;every:</source>
            <translation>Synchronisieren &amp;alle:</translation>
        </message>
        <message>
            <source>Save the sync settings</source>
            <translation>Die Sync-Einstellungen speichern</translation>
        </message>
        <message>
            <source>Cancel: keep the settings as they were</source>
            <translation>Abbrechen: die Einstellungen bleiben, wie sie waren</translation>
        </message>
    </context>
    <context>
        <name>SyncStatus</name>
        <message>
            <source>Sync: not set up</source>
            <translation>Sync: nicht eingerichtet</translation>
        </message>
        <message>
            <source>This library is not synced. Click to set up a git remote.</source>
            <translation>Diese Bibliothek wird nicht synchronisiert. Klicken, um ein Git-Remote einzurichten.</translation>
        </message>
        <message>
            <source>Syncing…</source>
            <translation>Synchronisiert…</translation>
        </message>
        <message>
            <source>Sync failed: {reason}</source>
            <translation>Synchronisierung fehlgeschlagen: {reason}</translation>
        </message>
        <message>
            <source>Synced {age}</source>
            <translation>Synchronisiert {age}</translation>
        </message>
        <message>
            <source>Not synced yet</source>
            <translation>Noch nicht synchronisiert</translation>
        </message>
        <message numerus="yes">
            <source>%Ln to send</source>
            <translation>
                <numerusform>%Ln zu senden</numerusform>
                <numerusform>%Ln zu senden</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln to receive</source>
            <translation>
                <numerusform>%Ln zu empfangen</numerusform>
                <numerusform>%Ln zu empfangen</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln conflict(s)</source>
            <translation>
                <numerusform>%Ln Konflikt</numerusform>
                <numerusform>%Ln Konflikte</numerusform>
            </translation>
        </message>
        <message>
            <source>Remote: {remote}</source>
            <translation>Remote: {remote}</translation>
        </message>
        <message>
            <source>Last synced: {last_sync}</source>
            <translation>Zuletzt synchronisiert: {last_sync}</translation>
        </message>
        <message>
            <source>The last sync failed: {reason}</source>
            <translation>Die letzte Synchronisierung ist fehlgeschlagen: {reason}</translation>
        </message>
        <message>
            <source>Click to try again.</source>
            <translation>Klicken, um es erneut zu versuchen.</translation>
        </message>
        <message>
            <source>A sync is running; reading and editing go on meanwhile.</source>
            <translation>Eine Synchronisierung läuft; Lesen und Bearbeiten gehen währenddessen weiter.</translation>
        </message>
        <message>
            <source>Click to sync now.</source>
            <translation>Klicken, um jetzt zu synchronisieren.</translation>
        </message>
        <message>
            <source>Note ▸ Conflicts… settles the notes changed on both sides.</source>
            <translation>Notiz ▸ Konflikte… klärt die auf beiden Seiten geänderten Notizen.</translation>
        </message>
        <message>
            <source>Sync status</source>
            <translation>Sync-Status</translation>
        </message>
    </context>
    <context>
        <name>TagEditor</name>
        <message>
            <source>Tag {name}</source>
            <translation>Schlagwort {name}</translation>
        </message>
        <message>
            <source>Show the notes tagged {name} (tag:{name})</source>
            <translation>Die Notizen mit dem Schlagwort {name} zeigen (tag:{name})</translation>
        </message>
        <message>
            <source>Tag {name}: show the notes with this tag</source>
            <translation>Schlagwort {name}: die Notizen mit diesem Schlagwort zeigen</translation>
        </message>
        <message>
            <source>Remove the tag {name} from this note</source>
            <translation>Das Schlagwort {name} von dieser Notiz entfernen</translation>
        </message>
        <message>
            <source>Remove tag {name}</source>
            <translation>Schlagwort {name} entfernen</translation>
        </message>
        <message>
            <source>Tags</source>
            <translation>Schlagwörter</translation>
        </message>
        <message>
            <source>&amp;Tags</source>
            <translation>Schlag&amp;wörter</translation>
        </message>
        <message>
            <source>The note's tags</source>
            <translation>Die Schlagwörter der Notiz</translation>
        </message>
        <message>
            <source>Add tag…</source>
            <translation>Schlagwort hinzufügen…</translation>
        </message>
        <message>
            <source>Add a tag to this note</source>
            <translation>Dieser Notiz ein Schlagwort hinzufügen</translation>
        </message>
        <message>
            <source>Type a tag and press Enter</source>
            <translation>Ein Schlagwort tippen und Eingabe drücken</translation>
        </message>
        <message>
            <source>Known tags</source>
            <translation>Bekannte Schlagwörter</translation>
        </message>
        <message>
            <source>This note is already tagged {name}.</source>
            <translation>Diese Notiz hat schon das Schlagwort {name}.</translation>
        </message>
    </context>
    <context>
        <name>TrashDialog</name>
        <message>
            <source>Trash</source>
            <translation>Papierkorb</translation>
        </message>
        <message>
            <source>Notes in the Trash</source>
            <translation>Notizen im Papierkorb</translation>
        </message>
        <message>
            <source>The Trash is empty.</source>
            <translation>Der Papierkorb ist leer.</translation>
        </message>
        <message>
            <source>&amp;Restore</source>
            <translation>&amp;Wiederherstellen</translation>
        </message>
        <message>
            <source>Restore the selected note</source>
            <translation>Die ausgewählte Notiz wiederherstellen</translation>
        </message>
        <message>
            <source>&amp;Empty Trash…</source>
            <translation>Papierkorb &amp;leeren…</translation>
        </message>
        <message>
            <source>Delete every note in the Trash for good</source>
            <translation>Alle Notizen im Papierkorb endgültig löschen</translation>
        </message>
        <message>
            <source>Moved to the Trash {trashed}</source>
            <translation>In den Papierkorb verschoben {trashed}</translation>
        </message>
        <message>
            <source>Empty the Trash?</source>
            <translation>Den Papierkorb leeren?</translation>
        </message>
        <message numerus="yes">
            <source>Delete the %n note(s) in the Trash for good, with their annotations and history? A note still cited elsewhere stays as a stub of its title.</source>
            <translation>
                <numerusform>Die %n Notiz im Papierkorb endgültig löschen, mit ihren Anmerkungen und ihrem Verlauf? Eine anderswo noch zitierte Notiz bleibt als Platzhalter ihres Titels.</numerusform>
                <numerusform>Die %n Notizen im Papierkorb endgültig löschen, mit ihren Anmerkungen und ihrem Verlauf? Eine anderswo noch zitierte Notiz bleibt als Platzhalter ihres Titels.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>UpgradeNotice</name>
        <message>
            <source>Upgrading the library</source>
            <translation>Die Bibliothek wird aktualisiert</translation>
        </message>
        <message>
            <source>Upgrading {name} for this version of notegui.
This happens once; a large library can take a minute.</source>
            <translation>{name} wird für diese Version von notegui aktualisiert.
Das geschieht einmal; eine große Bibliothek kann eine Minute dauern.</translation>
        </message>
    </context>
</TS>
