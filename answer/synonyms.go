package answer

import (
	"slices"
	"strings"
)

// synonymGroups are words that a person asking about a quote may use for
// one another. They are general English (news register), not taken from any
// article: a question in a user's own words should still find the quote.
// Each line is one group; a word may sit in several groups.
const synonymGroups = `
kid kids child children youngster youngsters youth
teen teens teenager teenagers adolescent adolescents
parent parents mother mothers father fathers mom moms dad dads
family families household households relatives
people persons individuals residents citizens folks public population
man men guy guys
woman women lady ladies
worker workers employee employees staff staffer staffers workforce labourers laborers
boss bosses employer employers manager managers executive executives
company companies firm firms business businesses corporation corporations enterprise
job jobs work employment position positions career
money cash funds funding dollars
pay paid paying payment payments wage wages salary salaries
cost costs price prices expense expenses fee fees charge charges
cheap inexpensive affordable low-cost
expensive costly pricey
tax taxes levy levies
government governments administration authorities state
law laws legislation bill bills rule rules regulation regulations
police officers cops force
crime crimes offence offences offense offenses wrongdoing
criminal criminals crooks crook thieves thief fraudsters fraudster scammers scammer offenders offender
victim victims
kill killed killing killings murder murdered murders slay slain
die died death deaths dead fatal fatalities
injure injured injuries wound wounded hurt
attack attacks assault assaults raid raids strike strikes
war wars conflict conflicts fighting hostilities
army military troops soldiers forces
peace truce ceasefire
country countries nation nations
city cities town towns municipality
home homes house houses housing residence dwelling
homeless unhoused shelterless
building buildings tower towers premises
school schools classroom classrooms
student students pupil pupils
teacher teachers educator educators
doctor doctors physician physicians
hospital hospitals clinic clinics
health healthcare medical
sick ill illness illnesses disease diseases
drug drugs medication medications medicine medicines
car cars vehicle vehicles automobile automobiles
carmaker carmakers automaker automakers
road roads street streets highway highways
train trains rail railway railways
plane planes aircraft jet jets airplane
travel trip trips journey journeys
big large huge massive enormous vast major
small little tiny minor modest
many numerous lots plenty multiple several
few handful
more additional extra
most majority
all every entire whole
quick quickly fast rapid rapidly swift swiftly speedy soon
slow slowly gradual gradually
hard difficult tough tricky challenging
easy simple straightforward
good great fine positive excellent
bad poor terrible awful negative
important key crucial vital essential critical significant
new novel fresh
old aging ageing elderly older
young younger
strong powerful robust solid
weak feeble fragile
safe secure
danger dangerous risk risks risky threat threats threatening hazard hazardous peril
fear fears afraid scared worried worry worries anxious concern concerns concerned
angry anger furious upset outraged frustrated frustration
happy glad pleased delighted thrilled
sad unhappy upset disappointed disappointing
hate hated hates dislike disliked loathe loathed detest
love loved loves adore adored
like liked likes enjoy enjoyed enjoys
want wants wanted wish wishes desire hope hopes
need needs needed require requires required necessary
help helps helped assist assisted aid support supported
stop stops stopped halt halted end ended cease ceased quit
start started begin began launch launched
continue continued keep kept remain remained
close closed closure shut shutting shutdown
open opened opening reopen
build built construct constructed
buy bought purchase purchased acquire acquired acquisition
sell sold sale sales
give gave given provide provided offer offered
get got obtain obtained receive received
take took taken seize seized
find found discover discovered
show shows showed shown demonstrate demonstrated reveal revealed
tell told inform informed
say said state stated
ask asked question questioned
answer answered reply replied respond responded
believe believes believed think thinks thought
know knew known aware
understand understood grasp
see saw seen watch watched witness witnessed
change changed changes alter altered shift
increase increased rise rose risen grow grew grown growth climb climbed jump jumped surge surged
decrease decreased fall fell fallen drop dropped decline declined shrink shrank cut cuts slump
high higher
low lower
lose lost loss losses
win won victory
fail failed failure failures
succeed succeeded success successful
try tried attempt attempted effort efforts
plan plans planned intend intends intended
decide decided decision choose chose chosen
allow allows allowed let lets permit permitted enable enables
ban banned bans prohibit prohibited forbid outlaw
remove removed eliminate eliminated scrap scrapped abolish abolished
protect protected protection defend defended shield
damage damaged harm harmed destroy destroyed
problem problems issue issues trouble troubles difficulty difficulties
mistake mistakes error errors
fake bogus false phony fraudulent
true real genuine accurate
lie lies lied untrue
wrong incorrect
right correct
fair just equitable
unfair unjust
free freedom liberty
vote votes voted voting ballot election elections poll polls
leader leaders head chief
president presidents
minister ministers secretary
lawmaker lawmakers legislator legislators politician politicians mp mps congressman senator senators
party parties
official officials authority
expert experts specialist specialists analyst analysts
report reports reported study studies research survey
data figures statistics numbers
agreement agreements deal deals pact pacts accord treaty
talk talks negotiation negotiations discussion discussions
meeting meetings summit conference
court courts judge judges tribunal
trial trials case cases lawsuit lawsuits
prison prisons jail jails
guilty convicted
environment environmental climate
weather storm storms
fire fires blaze blazes
water waters
food foods meal meals
bread loaf
vegetable vegetables veggies produce
beer beers ale pint pints
drink drinks drinking alcohol
phone phones cellphone cellphones smartphone smartphones mobile mobiles
computer computers laptop laptops
internet online web
app apps application applications
email emails emailed message messages
market markets
economy economic economies
bank banks lender lenders
debt debts deficit deficits borrowing
profit profits earnings gain gains
revenue revenues income
invest invested investment investments
budget budgets spending spend spent
rent rents rental tenant tenants landlord landlords
team teams club clubs squad
player players athlete athletes
game games match matches
coach coaches trainer
goal goals target targets aim aims
fan fans supporters
song songs music
film films movie movies
book books novel novels
story stories
news media press journalists reporters
time times period
year years annual annually
day days daily
week weeks weekly
month months monthly
every each
now currently presently
soon shortly
later afterwards subsequently
again once
always forever permanently
never
often frequently regularly
sometimes occasionally
enough sufficient adequate
only just merely solely
about roughly approximately around nearly almost some
over above beyond exceeding
under below beneath
near close nearby
far distant remote
inside within
outside beyond
before prior earlier
after following
because since due
but however though although
also too additionally
example examples instance
reason reasons cause causes
result results outcome outcomes consequence consequences
effect effects impact impacts
chance chances opportunity opportunities possibility
power powers control
right rights
idea ideas notion concept
view views opinion opinions stance position
feeling feelings emotion emotions emotional
sorry apologize apologized apology regret regretted
thank thanks thanked grateful
praise praised commend commended applaud applauded
blame blamed fault
accuse accused accusation allege alleged
criticize criticized criticise criticised slam slammed condemn condemned
deny denied reject rejected refuse refused dismiss dismissed
admit admitted acknowledge acknowledged concede conceded
warn warned warning caution cautioned
promise promised pledge pledged vow vowed commit committed commitment
demand demanded insist insisted urge urged call called
suggest suggested propose proposed recommend recommended
predict predicted forecast forecasts expect expected
estimate estimated
claim claimed assert asserted argue argued contend contended
explain explained describe described
compare compared liken likened
joke joked quip quipped
recall recalled remember remembered
complain complained lament lamented grumble
wonder wondered
note noted observe observed mention mentioned remark remarked
announce announced declare declared unveil unveiled
confirm confirmed verify verified
`

// irregularVerbs are the base, past and past participle of English verbs
// whose past the index's stemmer cannot take back to the base ("felt" is
// not "feel" to it): a question in the present finds a quote in the past.
// Verbs whose past or base is also a common word of news ("left",
// "ground", "the Fed", "a bit", "a deal", "a strike") are left out, and so is
// "spoke" (a prefix of "spokesman"): their matches would mostly be chance.
const irregularVerbs = `
arise arose arisen
awake awoke awoken
beat beaten
become became
begin began begun
bend bent
bet
bid
bleed bled
blow blew blown
break broke broken
breed bred
bring brought
build built
burn burnt
burst
buy bought
cast
catch caught
choose chose chosen
cling clung
come came
cost
creep crept
cut
dig dug
dream dreamt
drink drank drunk
drive drove driven
eat ate eaten
fall fell fallen
feel felt
fight fought
find found
flee fled
fly flew flown
forbid forbade forbidden
forecast
forget forgot forgotten
forgive forgave forgiven
freeze froze frozen
get got gotten
give gave given
go went gone
grow grew grown
hear heard
hide hid hidden
hit
hold held
hurt
keep kept
kneel knelt
know knew known
lay laid
lead led
lean leant
leap leapt
learn learnt
lend lent
let
lose lost
make made
mean meant
mislead misled
mistake mistook mistaken
overcome overcame
overtake overtook overtaken
pay paid
prove proven
put
quit
read
rid
ride rode ridden
rise rose risen
run ran
see saw seen
seek sought
sell sold
send sent
set
shake shook shaken
shed
shine shone
shoot shot
show shown
shrink shrank shrunk
shut
sing sang sung
sink sank sunk
sit sat
sleep slept
slide slid
speak spoken
speed sped
spend spent
spin spun
spit spat
split
spread
stand stood
steal stole stolen
stick stuck
sting stung
stink stank stunk
strive strove striven
swear swore sworn
sweep swept
swim swam swum
swing swung
take took taken
teach taught
throw threw thrown
thrust
understand understood
undertake undertook undertaken
upset
wake woke woken
wear wore worn
weave wove woven
weep wept
win won
withdraw withdrew withdrawn
withhold withheld
write wrote written
`

// synonyms maps a lower-case word to the other words of its groups.
var synonyms = buildSynonyms(synonymGroups + irregularVerbs)

func buildSynonyms(groups string) map[string][]string {
	m := map[string][]string{}
	for line := range strings.SplitSeq(groups, "\n") {
		words := strings.Fields(line)
		for _, w := range words {
			for _, o := range words {
				if o != w && !slices.Contains(m[w], o) {
					m[w] = append(m[w], o)
				}
			}
		}
	}
	return m
}
