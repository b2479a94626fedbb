# Slovenian templates of the benchmark corpus generator (bench/gen_corpus).
# Written for newskg's benchmark; synthetic news, no real events.
# Format: bench/templates/README.md.
@decimal ,
@digits 0123456789
@months januarja|februarja|marca|aprila|maja|junija|julija|avgusta|septembra|oktobra|novembra|decembra
@date {d}. {month} {y}

[money]
{n} mrd. evrov
{n} mio. evrov
{n} mio. dolarjev
{n} mrd. dolarjev
{n} mio. USD

[stake]
{p} odstotkov
{p} %

[leader_title]
predsednik
premier
zunanji minister
minister za gospodarstvo
minister za energijo
finančni minister
podpredsednik vlade

[exec_title]
generalni direktor
predsednik uprave
direktor

[item]
letal
lokomotiv
vetrnih turbin
tovornih vagonov
helikopterjev
električnih avtobusov

[city]
Ženevi
Dunaju
Istanbulu
Dubaju
Bruslju
Astani

[headline]
{firm1} in {firm2} ustanavljata skupno podjetje, vredno {money1}
{state1} in {state2} podpisali trgovinski sporazum
{firm1} bo kupil {qty1} {item1} od podjetja {firm2}
{firm1} prevzema {stake1} podjetja {firm2}
{state1} bo vložila {money1} v energetske projekte
Posel za {money1}: {firm1} in {firm2} podpisala pogodbo

[lead]
Podjetji {firm1} in {firm2} sta {date1} podpisali pogodbo o ustanovitvi skupnega podjetja, vrednega {money1}.
{title1} {person1} in {title2} {person2} sta {date1} v {city} podpisala trgovinski sporazum.
Družba {firm1} je naročila {qty1} {item1} pri podjetju {firm2}, vrednost posla pa ocenjujejo na {money1}.
Skupina {firm1} bo vložila {money1} v tovarno podjetja {firm2}, so sporočili {date1}.
Vladi držav {state1} in {state2} sta {date1} podpisali memorandum o sodelovanju v energetiki.

[body]
Po pogodbi bo {firm1} imel {stake1} novega podjetja, {firm2} pa preostalih {stake2}.
Pogodbo so podpisali ob navzočnosti, kot so sporočili, {title1} {person1}.
{surname1} je dejal, da bo sporazum ustvaril na tisoče delovnih mest.
»To je zgodovinski dan za obe državi,« je po slovesnosti dejal {surname2}.
{exectitle} podjetja {firm1} {person3} je napovedal, da se bodo dobave začele leta {year}.
{surname3} je dodal, da se pogovori z drugimi kupci nadaljujejo.
Prve enote naj bi prispele do {date2}.
Analitiki ocenjujejo, da je posel skupaj z vzdrževanjem vreden do {money2}.
Država namerava v naslednjem desetletju kupiti še {qty1} {item1}.
{title2} {person2} je napovedal, da bo država vložila še {money2} v nove železniške proge.
Dele za projekt naj bi dobavljal {firm3}.
Podjetji cene naročila nista razkrili.
{state1} je največja trgovinska partnerica v regiji.
V začetku leta je {firm2} podpisal podoben sporazum s podjetjem {firm3}.
Memorandum zajema sodelovanje v energetiki, prometu in kmetijstvu.
Politika sta se pogovarjala tudi o vizumih in mejnih prehodih.
Strani sta se dogovorili, da se spomladi znova srečata.
Delnice podjetja {firm1} so se po objavi podražile za 3 odstotke.
Sporazum mora potrditi še parlament.
Naložba je del načrta, da bi do leta {year} podvojili blagovno menjavo.
{firm2} bo v tovarni obdržal {stake2}.
Skupno podjetje bo imelo sedež v {city} in bo zaposlovalo približno 800 ljudi.

[close]
O financiranju posla podjetji nista želeli govoriti.
Naslednji krog pogovorov je načrtovan za {date2}.
