# German templates of the benchmark corpus generator (bench/gen_corpus).
# Written for newskg's benchmark; synthetic news, no real events.
# Format: bench/templates/README.md.
@decimal ,
@digits 0123456789
@months Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember
@date {d}. {month} {y}

[money]
{n} Milliarden Dollar
{n} Millionen Dollar
{n} Millionen Euro
{n} Mrd. Euro
{n} Mio. US-Dollar

[stake]
{p} Prozent
{p} %

[leader_title]
Präsident
Ministerpräsident
Außenminister
Handelsminister
Energieminister
Finanzminister
Bundeskanzler

[exec_title]
Vorstandschef
Konzernchef
Aufsichtsratschef

[item]
Flugzeuge
Lokomotiven
Windturbinen
Güterwagen
Hubschrauber
Elektrobusse

[city]
Genf
Wien
Istanbul
Dubai
Brüssel
Astana

[headline]
{firm1} und {firm2} gründen Gemeinschaftsunternehmen für {money1}
{state1} und {state2} unterzeichnen Handelsabkommen
{firm1} kauft {qty1} {item1} bei {firm2}
{firm1} übernimmt {stake1} an {firm2}
{state1} will {money1} in Energieprojekte investieren
Auftrag über {money1}: {firm1} und {firm2} unterzeichnen Vertrag

[lead]
{firm1} und {firm2} haben am {date1} einen Vertrag über ein Gemeinschaftsunternehmen im Wert von {money1} unterzeichnet.
{title1} {person1} und {title2} {person2} unterzeichneten am {date1} in {city} ein Handelsabkommen.
{firm1} bestellt {qty1} {item1} bei {firm2}; der Auftrag hat einen Wert von rund {money1}, teilte das Unternehmen am {date1} mit.
{firm1} investiert {money1} in ein Werk von {firm2}, wie beide Unternehmen am {date1} bekanntgaben.
Die Regierungen von {state1} und {state2} unterzeichneten am {date1} eine Absichtserklärung zur Energiezusammenarbeit.

[body]
Nach dem Vertrag hält {firm1} {stake1} an der neuen Gesellschaft, {firm2} die übrigen {stake2}.
Der Vertrag wurde im Beisein von {title1} {person1} unterzeichnet.
{surname1} sagte, das Abkommen werde tausende Arbeitsplätze schaffen.
„Dies ist ein historischer Tag für unsere beiden Länder“, sagte {surname2} nach der Zeremonie.
{exectitle} {person3} von {firm1} kündigte an, die Auslieferung beginne {year}.
{surname3} fügte hinzu, die Gespräche mit weiteren Kunden liefen noch.
Die ersten {item1} sollen bis zum {date2} geliefert werden.
Analysten schätzen den Wert des Auftrags einschließlich Wartung auf bis zu {money2}.
{state2} will in den kommenden zehn Jahren weitere {qty1} {item1} kaufen.
{title2} {person2} kündigte an, {state2} werde außerdem {money2} in neue Bahnstrecken investieren.
{firm3} soll Bauteile für das Projekt liefern.
Den Kaufpreis nannten die Unternehmen nicht.
{state1} ist der größte Handelspartner in der Region.
Anfang des Jahres hatte {firm2} einen ähnlichen Vertrag mit {firm3} geschlossen.
Die Absichtserklärung umfasst Energie, Verkehr und Landwirtschaft.
Die Politiker sprachen auch über Visaregeln und Grenzübergänge.
Beide Seiten vereinbarten, sich im Frühjahr erneut zu treffen.
Die Aktie von {firm1} stieg nach der Ankündigung um 3 Prozent.
Das Parlament muss dem Abkommen noch zustimmen.
Die Investition ist Teil eines Plans, den Handel bis {year} zu verdoppeln.
{firm2} behält {stake2} an dem Werk.
Das Gemeinschaftsunternehmen soll seinen Sitz in {city} haben und rund 800 Menschen beschäftigen.

[close]
Zur Finanzierung äußerten sich die Unternehmen nicht.
Die nächste Verhandlungsrunde ist für den {date2} geplant.
