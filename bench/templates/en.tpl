# English templates of the benchmark corpus generator (bench/gen_corpus).
# Written for newskg's benchmark; synthetic news, no real events.
# Format: bench/templates/README.md.
@decimal .
@digits 0123456789
@months January|February|March|April|May|June|July|August|September|October|November|December
@date {d} {month} {y}

[money]
${n} billion
${n} million
€{n} million
{n} billion euros
US${n} million
{n} million dollars

[stake]
{p}%
{p} percent

[leader_title]
President
Prime Minister
Foreign Minister
Trade Minister
Energy Minister
Finance Minister
Deputy Prime Minister

[exec_title]
chief executive
CEO
chairman

[item]
aircraft
locomotives
wind turbines
gas turbines
freight wagons
helicopters
electric buses
drilling rigs

[city]
Geneva
Vienna
Istanbul
Dubai
Singapore
Brussels

[headline]
{firm1} and {firm2} agree on {money1} joint venture
{state1} and {state2} sign trade deal worth {money1}
{firm1} to buy {qty1} {item1} from {firm2}
{firm1} takes {stake1} stake in {firm2}
{state1} to invest {money1} in {state2} energy projects
{firm1} signs {money1} contract with {firm2}
{title1} {person1} visits {state2} as {firm1} eyes new deals
{state1} joins talks on regional transport corridor

[lead]
{firm1} and {firm2} signed an agreement on {date1} to set up a joint venture worth {money1}, the two companies said in a statement.
{title1} {person1} of {state1} and {title2} {person2} of {state2} signed a trade deal in {city} on {date1}.
{firm1} has agreed to buy {qty1} {item1} from {firm2} in a deal worth about {money1}, the company announced on {date1}.
{firm1} will invest {money1} in a plant run by {firm2} in {state2}, the companies announced on {date1}.
{state1} and {state2} signed a memorandum of understanding on energy cooperation in {city} on {date1}.

[body]
Under the agreement, {firm1} will hold {stake1} of the new company and {firm2} the remaining {stake2}.
The deal was signed in the presence of {title1} {person1}.
{surname1} said the agreement would create thousands of jobs in {state1}.
"This is a historic day for both our countries," {surname2} told reporters after the ceremony.
{firm1} {exectitle} {person3} said deliveries would begin in {year}.
{surname3} added that talks with other buyers were continuing.
The first {item1} are expected to arrive by {date2}.
Analysts said the contract was worth up to {money2} including maintenance.
{state2} plans to buy another {qty1} {item1} over the next decade.
{title2} {person2} announced that {state2} would also invest {money2} in new rail links.
{firm3} is expected to supply parts for the project.
The companies did not disclose the price of the order.
{state1} is the largest trading partner of {state2} in the region.
Earlier this year {firm2} signed a similar agreement with {firm3}.
The memorandum covers cooperation in energy, transport and agriculture.
{surname1} and {surname2} also discussed visa rules and border crossings.
Both sides agreed to meet again in {city} next spring.
{firm1} shares rose 3% after the announcement.
Officials in {state2} said the agreement still had to be approved by parliament.
The investment is part of a plan to double trade between {state1} and {state2} by {year}.
{firm2} said it would keep a {stake2} stake in the plant.
The joint venture will be based in {city} and employ about 800 people.

[close]
Neither company commented on the financing of the deal.
The next round of talks is planned for {date2}.
