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
</TS>
