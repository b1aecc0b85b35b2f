<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
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
</TS>
