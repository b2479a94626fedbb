# Polish templates of the benchmark corpus generator (bench/gen_corpus).
# Written for newskg's benchmark; synthetic news, no real events.
# Format: bench/templates/README.md.
@decimal ,
@digits 0123456789
@months stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|września|października|listopada|grudnia
@date {d} {month} {y} r.

[money]
{n} mld dolarów
{n} mln dolarów
{n} mln euro
{n} mld euro
{n} mln USD
{n} mld zł

[stake]
{p}%
{p} proc.

[leader_title]
prezydent
premier
minister spraw zagranicznych
minister handlu
minister energii
minister finansów
wicepremier

[exec_title]
prezes
dyrektor generalny
szef

[item]
samolotów
lokomotyw
turbin wiatrowych
wagonów towarowych
śmigłowców
autobusów elektrycznych

[city]
Genewie
Wiedniu
Stambule
Dubaju
Brukseli
Astanie

[headline]
{firm1} i {firm2} tworzą wspólne przedsięwzięcie za {money1}
Umowa handlowa między krajami: {state1} i {state2} podpisały porozumienie
{firm1} kupi {qty1} {item1} od {firm2}
{firm1} przejmuje {stake1} udziałów w {firm2}
{state1} zainwestuje {money1} w energetykę
Kontrakt za {money1}: {firm1} i {firm2} podpisały umowę

[lead]
Spółki {firm1} i {firm2} podpisały {date1} umowę o utworzeniu wspólnego przedsięwzięcia o wartości {money1}.
{title1} {person1} i {title2} {person2} podpisali w {city} umowę handlową, poinformowano {date1}.
Firma {firm1} zamówiła {qty1} {item1} od {firm2}, a wartość kontraktu szacuje się na {money1}.
Koncern {firm1} zainwestuje {money1} w zakład należący do {firm2}, ogłoszono {date1}.
Rządy państw {state1} i {state2} podpisały {date1} memorandum o współpracy energetycznej.

[body]
Zgodnie z umową {firm1} obejmie {stake1} udziałów w nowej spółce, a {firm2} pozostałe {stake2}.
Umowę podpisano w obecności, jak podano, {title1} {person1}.
{surname1} powiedział, że porozumienie stworzy tysiące miejsc pracy.
„To historyczny dzień dla obu naszych krajów” – powiedział dziennikarzom {surname2}.
{exectitle} {firm1} {person3} zapowiedział, że dostawy ruszą w {year} roku.
{surname3} dodał, że rozmowy z innymi klientami trwają.
Pierwsze maszyny mają trafić do odbiorcy do {date2}.
Według analityków wartość kontraktu może sięgnąć nawet {money2} wraz z serwisem.
{state2} planuje zakup kolejnych {qty1} {item1} w ciągu dekady.
{title2} {person2} ogłosił, że jego kraj zainwestuje także {money2} w nowe linie kolejowe.
Części do projektu ma dostarczać {firm3}.
Spółki nie ujawniły ceny zamówienia.
{state1} jest największym partnerem handlowym w regionie.
Na początku roku {firm2} zawarł podobną umowę z {firm3}.
Memorandum obejmuje współpracę w energetyce, transporcie i rolnictwie.
Politycy rozmawiali także o zasadach wizowych i przejściach granicznych.
Obie strony zgodziły się spotkać ponownie wiosną.
Po ogłoszeniu transakcji kurs akcji {firm1} wzrósł o 3 proc.
Urzędnicy podkreślili, że umowę musi jeszcze zatwierdzić parlament.
Inwestycja jest częścią planu podwojenia wymiany handlowej do {year} roku.
{firm2} zachowa {stake2} udziałów w zakładzie.
Wspólna spółka będzie miała siedzibę w {city} i zatrudni około 800 osób.

[close]
Żadna ze spółek nie skomentowała sposobu finansowania transakcji.
Kolejna runda rozmów zaplanowana jest na {date2}.
