<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
    <context>
        <name>Actions</name>
        <message>
            <source>&amp;File</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Note</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Annotate</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Go</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;View</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Help</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;New Library…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Open Library…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Import Files…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Import &amp;Folder…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Export…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Print…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Print the open note (or save it as a PDF file)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Restore &amp;Backup…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Bring back the library as an automatic backup kept it</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>S&amp;ync Now</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sync the library with its git remote</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sync Se&amp;ttings…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The library's git remote, and when it syncs by itself</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Edit Note</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Edit this note (again to go back to reading)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;New Note</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Write a new note</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Move to &amp;Trash…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>T&amp;rash…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;History…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Earlier versions of this note</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Link Health…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Stubs, orphans, near-duplicate titles and unlinked mentions, each with its fix</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Conflicts…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Notes changed on both sides by a sync: settle each</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Highlight Selection</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Highlight the selected words</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Comment on Selection…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Comment on the selected words</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;All Annotations…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Every annotation in the library</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Back</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Back to the previous note</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Forward</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Forward to the next note</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Quick Switcher…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Jump to a note by typing part of its title</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Search</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Question &amp;List</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Answer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>S&amp;ources Sidebar</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>O&amp;utline…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Go to a heading of this note: type part of it</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Command Palette…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Zoom &amp;In</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Zoom &amp;Out</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Reset Zoom</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Show Sources &amp;Sidebar</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Citation &amp;Graph</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The notes the open note cites and that cite it, or the library's</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Questions Only</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>List only the notes whose title is a question (ends in ?)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Theme: &amp;System</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Theme: &amp;Light</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Theme: &amp;Dark</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Keyboard Shortcuts…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Every action and its keys, searchable</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;About notegui</source>
            <translation type="unfinished" />
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
            <translation type="unfinished" />
        </message>
        <message>
            <source>Select some text in the answer to annotate it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not annotated: {error}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Select some text in the answer to comment on it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Annotation not changed: {error}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Annotation not deleted: {error}</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>AnnotationBrowser</name>
        <message>
            <source>{note_label}: {color} highlight “{quote}”</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>comment: {comment}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>detached: its words are no longer in the note</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No annotations match</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No annotations yet</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%Ln annotation(s)</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <source>Annotations</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Filter by words in the quote, comment or note title…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Filter annotations by words</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Filter annotations by colour</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Any colour</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This &amp;note only</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Only the annotations of the current note</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Number of annotations shown</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Open</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open the selected annotation in its note</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Close</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No annotations match these filters.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No annotations yet. Select words in a note to highlight or comment on them.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>AnnotationList</name>
        <message>
            <source>Annotations of this note</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>(detached) {label}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Its words are no longer in the note.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Edit &amp;Comment…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>C&amp;olour</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Delete Annotation</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>AnswerView</name>
        <message>
            <source>Answer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The selected note, rendered</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Highlight</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Comment…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Show &amp;Annotation</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Link not followed: {url}</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>App</name>
        <message>
            <source>The automatic backup of {library} failed: {error}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No note titled {title}.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>BackupDialog</name>
        <message>
            <source>Restore Backup</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Backups</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Restore</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Restore {name} as it was at the time of a backup:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>There are no backups of {name} yet.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The library as it is now is kept as a backup first, so a restore can be undone.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>
Backups are kept in {folder}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The automatic backup failed unexpectedly: {outcome}</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>CommentDialog</name>
        <message>
            <source>Edit Comment</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Comment</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Comment on the selected words</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>On the words:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The quoted words</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Your &amp;comment:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Save the comment (Ctrl+Enter)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Ctrl+Enter saves; Esc cancels.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ConflictsDialog</name>
        <message>
            <source>the note</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{title}  —  {fields}  —  found {found}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>title</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>description</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>summary</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>tags</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>body</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Merge “{title}”</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Edit a merge of both versions</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Write the note as it should be, from both versions: yours is in the editor, theirs beside it to copy from. Ctrl+Enter saves the merge.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The merged note</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Their version, to copy from</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Why the merge was not saved</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Save Merge</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Save the merge as the note</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancel: the conflict stays open</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The merged note: empty. Write the note, or Cancel.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Conflicts</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Notes in conflict</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Notes changed on both sides</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No conflicts: every note is settled.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>My version (kept in this library)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Their version (from the remote)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Mine (kept here)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Theirs (the remote's)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Keep M&amp;ine</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Keep my version</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Keep T&amp;heirs</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Keep their version</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Edit a Mer&amp;ge…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Close the conflicts</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Notes changed in the same lines here and on the remote. Both versions are kept until you choose.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not settled</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>“{title}” is still in conflict: {error}</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>DiscardPrompt</name>
        <message>
            <source>Discard</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Keep Editing</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Editing</name>
        <message>
            <source>Unsaved draft restored</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Editing…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>a new note is saved once it has a title</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not saved</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Saved {clock}, but not the title</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Saved {clock}</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Editor</name>
        <message>
            <source>Answer (markdown)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cited title suggestions</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Note editor</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Title (a question)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The question, ending in '?'</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Description</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>One line saying what the note answers</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Summary</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>One line: how notes citing this one sum it up</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Preview</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Show the preview</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Editor messages</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Save state</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Discard</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Discard the unsaved edit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Leave the editor without saving what is not saved yet (Esc leaves a new note)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Title</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Description</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>S&amp;ummary</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not saved: {reason}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Title</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&lt;b&gt;Not saved.&lt;/b&gt; {reason}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>“{title}” (&lt;a href="{href}"&gt;create it&lt;/a&gt;)</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source> and %Ln more</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <source>Not in the library yet: {links}{more}</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Errors</name>
        <message>
            <source>Cannot open the library</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The library at
{path}
cannot be opened.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{problem}

The file has not been changed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open Another…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Create New…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Quit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Unexpected error</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The details are in {log_file}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Something went wrong: {error}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>notegui keeps running; your library is safe. {where}</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>FileDrop</name>
        <message>
            <source>Nothing imported: {refusal}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{count} files and folders</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Importing {shown}…</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>GraphPanel</name>
        <message>
            <source>● note   ◌ stub (cited, not written yet)   ⬤ open note   → cites</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Citation graph panel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Around this note</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Whole library</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Graph of</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Show the notes around the open note, or the whole library</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Depth {n}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Depth</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>How many citations away from the open note, either way</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Filter: words, tag:NAME, is:stub</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Library graph filter</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Fit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Fit the graph in view</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Zoom to show the whole graph (0); + and - zoom</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Graph summary</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Focused note</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Graph legend</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The graph could not be read: {error}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No note matches the filter.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No note is open.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The library has no notes.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This note cites no note and no note cites it.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%Ln note(s)</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln link(s)</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln stub(s).</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <source>Only the nearest {shown} notes are shown (the graph's limit): choose a smaller depth to see all of them.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>More than {shown} notes match: the {shown} best are shown. Narrow the filter to see the others.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The {shown} most cited notes of {total} are shown. Type a filter (words, tag:NAME, is:stub) to see others.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The {shown} most cited notes are shown. Type a filter (words, tag:NAME, is:stub) to see others.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Citation Graph</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Citation graph</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>GraphView</name>
        <message>
            <source>Stub: cited, but not written yet.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Citation graph</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source> (stub)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{title_with_place}{kind}: cites {cites}, cited by {cited} in this graph. Enter opens it.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>HistoryDialog</name>
        <message>
            <source>Replaced by a save</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Replaced by an import</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Replaced by a rename</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Replaced by a restore</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Replaced ({reason})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Replaced</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Changes from the selected version to the current text</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>History — {title}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Note history</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Earlier versions, newest first</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Lines marked {minus} are only in the selected version, lines marked + only in the current text.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>What the colours mean</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No earlier versions of this note yet.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A version is kept each time the note is saved, imported over, renamed or restored.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Restore this version</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Restore this version</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Make this version the current text (the current text is kept as a version)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Close</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source> · was “{title}”</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Select a version to see how it differs.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This version is the same as the current text.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This version's text is the same as the current text (Sources lines not compared).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Title</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Description</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Summary</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Body</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sources</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ImportDialog</name>
        <message>
            <source>Import results</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{updated} updated, </source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{imported} imported, {updated}{unchanged} unchanged, {refused} refused</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source> — cancelled</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>
The import stopped: {failure}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Refused files and warnings</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Refused {path}: {reason}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Refused {path}: {entry}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Warning: {warning}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>File gone, note kept: {path}</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%Ln note(s) whose files are gone (kept): listed below</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <source>Listing the files…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Import</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Linking the notes and indexing them…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Importing {name} ({done} of {total})</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>InstanceLock</name>
        <message>
            <source>another process</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>process {pid} on {host}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>process {pid}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{library} is already open in this notegui window.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{library} is already open in notegui ({holder}). Open it there, or choose another library.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Library already open</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A library is opened by one notegui at a time, so that no change is lost between two windows.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open Another Library…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Quit</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>LibraryActions</name>
        <message>
            <source>Text: the current note, in the question-note format</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>JSON: the whole library (notegui JSON, version 1)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Markdown: the whole library as a folder (an Obsidian vault)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Annotations: markdown, grouped by note</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Annotations: W3C Web Annotation (JSON-LD)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>New Library</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>notegui libraries (*.sqlite3 *.db);;All files (*)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open Library</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Library not found</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{path}

is no longer there (moved or deleted?), so it was removed from File ▸ Open Recent.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cannot open the library</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Import Notes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Markdown notes, question notes, notegui JSON, W3C annotations (*.md *.markdown *.txt *.json *.jsonld);;All files (*)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Import a Folder of Notes (a markdown vault or question notes)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Export</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>What to export:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Export JSON</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>JSON (*.json)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Exported the library to {path}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Export to a Folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Export failed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{folder} is not empty and does not hold an earlier notegui export. Export the notes into it anyway? Its other files are left alone.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>These %n file(s) were edited since the last export or were not written by notegui, and would be replaced by the notes' text:
{files}

Replace them?</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <source>Nothing exported</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Exported %Ln note(s) to {folder}</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <source>{message}.

Kept, because they were edited since the last export (their notes are gone):
</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>W3C Web Annotation (*.jsonld *.json)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Markdown (*.md)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Export Annotations</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Exported %Ln annotation(s) to {path}</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <source>Open a note to export it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{title} cannot be exported as a note's text: {why} (choose Markdown or JSON: the whole library)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Export Note</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Text (*.txt)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Exported the note to {path}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Restore Backup</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>There is no backup of this library yet.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Restore the newest backup?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Restore {library} from its backup of {when}?

The library as it is now is kept as one more backup first.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Restoring {library} from {backup}…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Salvage into a New File</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>notegui libraries (*.sqlite3 *.db)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Salvaging {library} into {target}…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Salvage failed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Salvaged into {target}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Salvaged</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>What could be read was saved into
{target}

</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>

Open the new library now?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Restore failed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>; the library as it was is kept as {backup}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Restored from {backup}{kept}</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>LibraryBanner</name>
        <message>
            <source>Library status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Restore Newest Backup</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Restore the newest backup of this library</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Salvage into a New File…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Salvage what can be read into a new library file</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This library is damaged ({damaged}). It is open read-only: you can read, search and export what can still be read; nothing is written into it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source> There is no backup of it to restore.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This library is read-only ({read_only}). You can read, search and export; nothing can be changed.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>LinkHealth</name>
        <message>
            <source>Another library is open: its link health is read again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>“{title}” is no longer in the library</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not linked</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{error}. Refresh to see the library as it is now.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Linked “{written}” in “{title}”.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Merge notes?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Merge {names} into “{title}”?

“{title}” keeps its title and text; the other text is added after it. Every citation of the other title is written with this one, and its annotations and tags move here. The other note goes to the Trash (a stub, with no text, is deleted); each note's text before is kept in its history.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not merged</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Merged {names} into “{title}”.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>LinkHealthDialog</name>
        <message>
            <source>Stubs: cited but never written</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Orphans: no citations either way</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Titles that differ only in case, spacing or punctuation</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Unlinked mentions</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>no note</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{stub}, cited by {cited}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{source} mentions {target}: “{written}” (line {line})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Link Health</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reading the library…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Link health summary</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Link health findings</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The selected finding</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Open</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open the selected note</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Link It</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Make the selected mention a citation</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Merge Into This…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Merge the other notes of the selected title into the selected note</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Refresh</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Read the library's link health again</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The library could not be read: {why}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Notes read from a markdown folder are merged in their folder</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>Number of notes shown</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Questions only</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Questions</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Answer or editor</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>O&amp;utline</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Navigation</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Navigation toolbar</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This library is empty.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No note is open: choose one in the list.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add notes from files with {import_files} or {import_folder}, or write one with {new_note}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>New note</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Done Editing</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Edit Note</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The library was changed outside; refreshed.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%Ln question(s) of {total} notes</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln note(s)</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <source>, searching for more…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source> (questions only)</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%Ln result(s) of {total} notes</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <source>That note no longer exists.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This note is in the Trash: Note ▸ Trash… restores it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>no web site named</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Link not opened</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This link's address is not a valid web address, so it was not opened:

{address}

({reason})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open link in browser?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This link leads outside notegui:

{address}

Open it in your web browser?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source> (stub)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Quick Switcher</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Type part of a title…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Command Palette</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Type a command…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The outline leads through the note as read: Done Editing first.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>this library cannot be written to now (the banner above says why).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>an import is running; drop them again when it ends.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>About notegui</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Read, search, annotate and edit a library of linked question notes, offline.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Library: {path}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Close without saving?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Your edit could not be saved (the editor says why). Close anyway? It is kept as a draft and offered at the next start.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>NoteActions</name>
        <message>
            <source>The preview shows the description and the answer as you write them.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Restore this note from the Trash to edit it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not saved: fix what the editor says, or Discard.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>It could not be saved: {problem}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Discard the new note?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This new note is not saved. Discard it, or keep editing?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Discard unsaved changes?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Your changes to “{saved_title}” are not saved. Discard them (the note stays as it was last saved), or keep editing?</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>

%n note(s) cite it; their citations will show it as in the Trash.</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <source>Move to Trash?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Move “{title}” to the Trash?

Its annotations and history go with it, and Note ▸ Trash… brings it back.{also}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Moved “{title}” to the Trash.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Restored that version; the text it replaced is kept in the history.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not written</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The draft could not be written: {error}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>a new note</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Restore unsaved edit?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>notegui closed before your edit of “{name}” was saved (draft from {saved_at}).

Restore it into the editor? (No deletes the draft.)</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Outline</name>
        <message>
            <source>Outline: the headings of this note</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{text}, heading level {level}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>, being read</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Outline</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Type part of a heading…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Outline: filter the headings</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Outline: matching headings</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Outline: nothing to show</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This note has no headings.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No heading matches.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Picker</name>
        <message>
            <source>{title}: filter</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{title}: matches</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{label} (in {place})</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Printing</name>
        <message>
            <source>Print Note</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open a note to print it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Print</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The note could not be printed: {error}</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Printed “{title}” (%n page(s)).</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
    </context>
    <context>
        <name>QuestionList</name>
        <message>
            <source>{title} (stub)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{title} (in {place})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Question list</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>RecentMenu</name>
        <message>
            <source>Open &amp;Recent</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open Recent: libraries opened lately</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{text} (not found)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not found: moved or deleted?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{path}

The library open now</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No recent libraries</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Clear Recent Libraries</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>SearchField</name>
        <message>
            <source>Search  (Ctrl+F)   is:question  is:stub  tag:name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Search notes</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ShortcutsDialog</name>
        <message>
            <source>Keyboard Shortcuts</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Type to filter: an action, a key, a menu…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Keyboard Shortcuts: filter</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Keyboard Shortcuts: every action and its keys</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Action</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Keys</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Menu</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Keyboard Shortcuts: actions shown</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>no shortcut</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n of {total} actions</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message numerus="yes">
            <source>%n action(s)</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
    </context>
    <context>
        <name>SidebarSection</name>
        <message>
            <source>{plain} section</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Expanded</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Collapsed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{title} ({count})</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>SourcesPanel</name>
        <message>
            <source> (stub)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{title} (in {place})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{title} ({place})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Linked sources</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sources: the notes this one cites</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cited by: the notes that cite this one</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Sources</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cite&amp;d by</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Anno&amp;tations</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cites this note as: {summary}</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>SyncControl</name>
        <message numerus="yes">
            <source>%Ln received</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln sent</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln merged</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln in conflict</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln file(s) refused</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln read with warnings</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <source>Synced: {changes}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>nothing to change</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This library has no sync.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A sync is already running; it goes on.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the sync failed unexpectedly: {error}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sync failed: {failure}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The sync changed the note you are editing; your edit is kept and saved over the fields you changed.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>It is tried again every %n minute(s); click to try now.</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message numerus="yes">
            <source>It is tried again in %n minute(s); click to try now.</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <source>Click to try again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sync settings saved.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sync is off for this library.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The conflicts could not be read: {error}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>a sync is running; settle it when it ends</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Settled “{title}”.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>SyncSettings</name>
        <message>
            <source>Remote URL: it holds a line break or another control character.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remote URL: it holds a password. notegui never keeps one: remove it and let git's credential helper (https) or your ssh keys answer.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sync on start</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sync every N minutes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sync after saves</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remote URL: empty, but {automatic} is on. Enter the remote's URL, or turn those off.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sync every N minutes: from 0 (off) to {max_interval_minutes}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sync Settings</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sync settings</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remote URL</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A git remote: an ssh or https URL (GitHub, GitLab, Gitea, your own server) or a bare repository on a disk. ssh keys come from your ssh agent and ~/.ssh; https credentials from git's credential helper. notegui never asks for or keeps a password.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>About the remote URL</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sync when the library &amp;opens</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source> minutes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Off</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sync a few seconds after &amp;saves</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Why the settings were not saved</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Remote URL:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sync &amp;every:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Save the sync settings</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancel: keep the settings as they were</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>SyncStatus</name>
        <message>
            <source>Sync: not set up</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This library is not synced. Click to set up a git remote.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Syncing…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sync failed: {reason}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Synced {age}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not synced yet</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%Ln to send</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln to receive</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln conflict(s)</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <source>Remote: {remote}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Last synced: {last_sync}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The last sync failed: {reason}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Click to try again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A sync is running; reading and editing go on meanwhile.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Click to sync now.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Note ▸ Conflicts… settles the notes changed on both sides.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sync status</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>TagEditor</name>
        <message>
            <source>Tag {name}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Show the notes tagged {name} (tag:{name})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Tag {name}: show the notes with this tag</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remove the tag {name} from this note</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remove tag {name}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Tags</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Tags</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The note's tags</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add tag…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add a tag to this note</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Type a tag and press Enter</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Known tags</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This note is already tagged {name}.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>TrashDialog</name>
        <message>
            <source>Trash</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Notes in the Trash</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The Trash is empty.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Restore</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Restore the selected note</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Empty Trash…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Delete every note in the Trash for good</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Moved to the Trash {trashed}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Empty the Trash?</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Delete the %n note(s) in the Trash for good, with their annotations and history? A note still cited elsewhere stays as a stub of its title.</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
    </context>
    <context>
        <name>UpgradeNotice</name>
        <message>
            <source>Upgrading the library</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Upgrading {name} for this version of notegui.
This happens once; a large library can take a minute.</source>
            <translation type="unfinished" />
        </message>
    </context>
</TS>
