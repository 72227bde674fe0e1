package lexicon

import (
	"iter"
	"slices"
	"strings"
	"sync"
)

// The accessors of the lists. Each builds its set or table once, on first
// use; the files named in the variable hold the words and their source.

var (
	reportingVerbs        = taggedExcept("reporting_verbs.txt", "", "question-only")
	objectVerbs           = taggedExcept("reporting_verbs.txt", "object", "question-only")
	weakCues              = taggedExcept("reporting_verbs.txt", "weak", "question-only")
	sayVerbs              = taggedExcept("reporting_verbs.txt", "say", "question-only")
	participleCues        = set("participle_cues.txt")
	auxiliaries           = set("auxiliaries.txt")
	passiveMarkers        = set("passive_markers.txt")
	orgWords              = set("org_words.txt")
	orgRoles              = set("org_roles.txt")
	surnameWords          = set("surname_words.txt")
	acronymFillers        = set("acronym_fillers.txt")
	prepStarters          = set("prep_starters.txt")
	titlePreps            = set("title_preps.txt")
	postNominals          = set("post_nominals.txt")
	subordinators         = set("subordinators.txt")
	personNouns           = set("person_nouns.txt")
	documentNouns         = set("doc_nouns.txt")
	unitHeads             = set("unit_heads.txt")
	adverbialNouns        = set("adverbial_nouns.txt")
	dayWords              = set("day_words.txt")
	audienceWords         = set("audience_words.txt")
	relativeVerbs         = set("relative_verbs.txt")
	namingVerbs           = set("naming_verbs.txt")
	whatCallsBefore       = set("what_calls_before.txt")
	contentNouns          = set("content_nouns.txt")
	sourceCut             = set("source_cut.txt")
	finiteVerbs           = set("finite_verbs.txt")
	preVerbAdverbs        = set("pre_verb_adverbs.txt")
	clauseVerbs           = set("clause_verbs.txt")
	ambiguousOutlets      = set("ambiguous_outlets.txt")
	sentenceStarters      = set("sentence_starters.txt")
	pronouns              = set("pronouns.txt")
	stopWords             = union(tagged("np_stop.txt", ""), tagged("function_words.txt", "np"), tagged("modal_words.txt", "np"), tagged("reporting_verbs.txt", "np"))
	connectors            = set("connectors.txt")
	determiners           = set("determiners.txt")
	titleWords            = union(set("title_words.txt"), tagged("honorifics.txt", "title"))
	partyWords            = set("party_words.txt")
	verbBefore            = set("verb_before.txt")
	commitmentVerbs       = set("commitment_verbs.txt")
	indefinitePronouns    = set("indefinite_pronouns.txt")
	titleModifiers        = set("title_modifiers.txt")
	companyKindNouns      = set("company_kind_nouns.txt")
	quantifiers           = set("quantifiers.txt")
	postModifiers         = set("post_modifiers.txt")
	unitAbbrevs           = set("unit_abbrevs.txt")
	perceptionVerbs       = set("perception_verbs.txt")
	timeNouns             = set("time_nouns.txt")
	possessiveDeterminers = set("possessive_dets.txt")
	ofLike                = set("of_like.txt")
	lyNouns               = set("person_nouns_ly.txt")
	numberWords           = set("number_words.txt")
	describers            = set("describers.txt")
	circumstancePreps     = set("circumstance.txt")
	ownedDocuments        = set("owned_docs.txt")
	deicticDays           = set("deictic_days.txt")
	timePreps             = set("time_preps.txt")
	commonTLDs            = set("common_tlds.txt")
	abbreviations         = union(set("abbrevs.txt"), tagged("honorifics.txt", "abbrev"))
	titleAbbreviations    = union(set("abbrevs_no_end.txt"), tagged("honorifics.txt", "noend"))
	demonyms              = set("demonyms.txt")
	genderWords           = table("gender_words.txt")
	criticismVerbs        = table("criticism_verbs.txt")
	firstNames            = table("firstnames.txt")
	nonClauseStarts       = set("non_clause_starts.txt")
	quantityNouns         = set("quantity_nouns.txt")
	adverbialPreps        = set("adverbial_preps.txt")
	dateWords             = set("date_words.txt")
	outletTriggers        = set("outlet_triggers.txt")
	outletReportVerbs     = set("outlet_report_verbs.txt")
	appositiveNonRoles    = set("appositive_non_roles.txt")
	genericOrgNouns       = set("generic_org_nouns.txt")
	ownedMessages         = set("owned_messages.txt")
	subjectBreakers       = set("subject_breakers.txt")
	complementizers       = set("complementizers.txt")
	refusalWords          = set("refusal_words.txt")
	pronounGenders        = table("pronoun_genders.txt")
	synonyms              = sync.OnceValue(func() Thesaurus { return newThesaurus("synonyms.txt", "irregular_verbs.txt") })
	questionAuxiliaries   = set("question_auxiliaries.txt")
	questionCueVerbs      = taggedExcept("reporting_verbs.txt", "", "article-only")
	questionListeners     = set("question_listeners.txt")
	questionRoleNouns     = set("question_role_nouns.txt")
	echoWords             = taggedExcept("reporting_verbs.txt", "echo", "article-only")
	modalWords            = union(tagged("modal_words.txt", ""), tagged("function_words.txt", "modal"))
	functionWords         = tagged("function_words.txt", "")
	inflections           = set("inflections.txt")
	echoTestStops         = union(set("echo_test_stops.txt"), tagged("np_stop.txt", "echotest"))
	stanceAdjectives      = set("stance_adjectives.txt")
	copulas               = union(tagged("function_words.txt", "copula"), set("copulas.txt"))
	continuationVerbs     = set("continuation_verbs.txt")
	clauseLinks           = union(set("subordinators.txt"), set("clause_links.txt"))
)

// ReportingVerbs are reporting verbs, every inflection ("say", "says",
// "said").
func ReportingVerbs() Set { return reportingVerbs() }

// ObjectVerbs are the reporting verbs that take a person object before their
// clause ("told reporters that ...").
func ObjectVerbs() Set { return objectVerbs() }

// WeakCues are the reporting verbs that report speech only with a clause after
// them and a person before them ("the report", "a post" are no speech).
func WeakCues() Set { return weakCues() }

// SayVerbs are the reporting verbs that introduce a reported clause without
// "that" ("said the cost could be reduced").
func SayVerbs() Set { return sayVerbs() }

// ParticipleCues are -ing forms that attach a second statement to a sentence's
// speaker (", adding that ...").
func ParticipleCues() Set { return participleCues() }

// Auxiliaries may stand between a speaker and the reporting verb ("has said",
// "would later tell").
func Auxiliaries() Set { return auxiliaries() }

// PassiveMarkers before a verb mark it passive or adjectival ("was told", "is
// said to").
func PassiveMarkers() Set { return passiveMarkers() }

// OrgWords make a name look like an organisation, place or event ("City
// Council").
func OrgWords() Set { return orgWords() }

// OrgRoles head phrases that refer back to an organisation ("the company",
// "the agency").
func OrgRoles() Set { return orgRoles() }

// SurnameWords are title words that are also common surnames ("Green",
// "King").
func SurnameWords() Set { return surnameWords() }

// AcronymFillers are the words an acronym skips ("Institute of Purchasing and
// Supply" is IPS).
func AcronymFillers() Set { return acronymFillers() }

// PrepStarters begin an adverbial, so the name after them is no subject ("On
// Christmas Day, he ...").
func PrepStarters() Set { return prepStarters() }

// TitlePreps open the prepositional phrase after a title's head noun.
func TitlePreps() Set { return titlePreps() }

// PostNominals are letters after a person's name that are no part of it ("QC",
// "MP", "Jr.").
func PostNominals() Set { return postNominals() }

// Subordinators open a subordinate clause at the start of a sentence.
func Subordinators() Set { return subordinators() }

// PersonNouns head descriptions of a single person ("the mayor").
func PersonNouns() Set { return personNouns() }

// DocumentNouns are documents that "say" things ("the report said").
func DocumentNouns() Set { return documentNouns() }

// UnitHeads name a part of an organisation ("unit", "division").
func UnitHeads() Set { return unitHeads() }

// AdverbialNouns end an adverbial phrase after a cue ("said in a statement").
func AdverbialNouns() Set { return adverbialNouns() }

// DayWords are days, months and time adverbs that may follow a cue ("said
// Monday").
func DayWords() Set { return dayWords() }

// AudienceWords are objects of "told" that are not names ("told reporters").
func AudienceWords() Set { return audienceWords() }

// RelativeVerbs after "that" make it a relative pronoun ("states that have").
func RelativeVerbs() Set { return relativeVerbs() }

// NamingVerbs name or label something ("called it a disaster").
func NamingVerbs() Set { return namingVerbs() }

// WhatCallsBefore may precede "what he calls X" used as speech ("lies in what
// he calls").
func WhatCallsBefore() Set { return whatCallsBefore() }

// ContentNouns take a reported clause ("the caveat that ...").
func ContentNouns() Set { return contentNouns() }

// SourceCut end an anonymous source phrase before what qualifies it
// ("officials unauthorized to speak").
func SourceCut() Set { return sourceCut() }

// FiniteVerbs are common auxiliaries and irregular verb forms that show a
// clause.
func FiniteVerbs() Set { return finiteVerbs() }

// PreVerbAdverbs stand between a subject and its verb ("the plan also needs").
func PreVerbAdverbs() Set { return preVerbAdverbs() }

// ClauseVerbs are auxiliaries, modals and unambiguous present-tense verbs that
// show a clause after a short subject.
func ClauseVerbs() Set { return clauseVerbs() }

// AmbiguousOutlets are outlet forms that name an outlet only when the article
// already named one ("the Journal").
func AmbiguousOutlets() Set { return ambiguousOutlets() }

// SentenceStarters are capitalised words that, after an initialism such as
// "U.S.", start a new sentence.
func SentenceStarters() Set { return sentenceStarters() }

// Pronouns are the subject pronouns that may stand for a speaker.
func Pronouns() Set { return pronouns() }

// StopWords are function words that cannot be part of a speaker phrase.
func StopWords() Set { return stopWords() }

// Connectors may appear inside a name or title between capitalised words
// ("Bank of Canada").
func Connectors() Set { return connectors() }

// Determiners start a role phrase ("the minister", "his lawyer").
func Determiners() Set { return determiners() }

// TitleWords form a title before a name ("Prime Minister Justin Trudeau").
func TitleWords() Set { return titleWords() }

// CompanyKindNouns are kinds of company ("the airline") that refer only to
// a nearby proper name.
func CompanyKindNouns() Set { return companyKindNouns() }

// TitleModifiers stay with the title after them ("shadow Chancellor").
func TitleModifiers() Set { return titleModifiers() }

// IndefinitePronouns name no source ("Nobody expected ...").
func IndefinitePronouns() Set { return indefinitePronouns() }

// CommitmentVerbs take a "to" + verb complement that reports what was
// promised ("pledged to write off the debt").
func CommitmentVerbs() Set { return commitmentVerbs() }

// VerbBefore are negation and modals: the word after one is a verb.
func VerbBefore() Set { return verbBefore() }

// PartyWords are the adjectives that open a party's name before a plural
// ("Liberal Democrats").
func PartyWords() Set { return partyWords() }

// Quantifiers open a phrase the speaker phrase leaves out ("All those
// involved").
func Quantifiers() Set { return quantifiers() }

// PostModifiers follow a speaker's noun and take a preposition ("a
// professional present during the attack").
func PostModifiers() Set { return postModifiers() }

// UnitAbbrevs are units written with a period ("lbs.").
func UnitAbbrevs() Set { return unitAbbrevs() }

// PerceptionVerbs report hearing or seeing others speak ("heard students
// shout").
func PerceptionVerbs() Set { return perceptionVerbs() }

// TimeNouns head time phrases, never speakers ("this year").
func TimeNouns() Set { return timeNouns() }

// PossessiveDeterminers never end a speaker phrase ("Given his previously
// stated views").
func PossessiveDeterminers() Set { return possessiveDeterminers() }

// OfLike may sit between a head and an article inside one phrase ("half the
// members").
func OfLike() Set { return ofLike() }

// LyNouns are nouns ending in -ly (most such words are adverbs).
func LyNouns() Set { return lyNouns() }

// NumberWords are counts, never speakers on their own.
func NumberWords() Set { return numberWords() }

// Describers head descriptions of a person written with capitals ("the
// Kentucky Republican").
func Describers() Set { return describers() }

// CircumstancePreps start a place or time phrase after a speaker's name ("at a
// rally").
func CircumstancePreps() Set { return circumstancePreps() }

// OwnedDocuments are documents whose owner is the source ("Foster's book").
func OwnedDocuments() Set { return ownedDocuments() }

// DeicticDays are time adverbials by themselves ("Mr Roe yesterday said").
func DeicticDays() Set { return deicticDays() }

// TimePreps open a time adverbial ("on Tuesday", "last November").
func TimePreps() Set { return timePreps() }

// CommonTLDs end web domains that may be written capitalised
// ("Computerandvideogames.com").
func CommonTLDs() Set { return commonTLDs() }

// Abbreviations (without their period) end in a period without ending a
// sentence.
func Abbreviations() Set { return abbreviations() }

// TitleAbbreviations (without their period) are never followed by the start of
// a new sentence ("Dr.", "Sen.").
func TitleAbbreviations() Set { return titleAbbreviations() }

// Demonyms are nationality words, lower case ("chinese", "north korean").
func Demonyms() Set { return demonyms() }

// honorifics reads honorifics.txt once: the forms with a sex, as a table
// of the sex, and the forms without one ("-"), leaving out the forms
// tagged form (spellings listed only as title words).
var honorifics = sync.OnceValues(func() (Table, Set) {
	sexed, other := map[string]string{}, map[string]struct{}{}
	for _, l := range lines("honorifics.txt") {
		f := strings.Fields(l)
		switch {
		case slices.Contains(f[2:], "form"):
		case f[1] != "-":
			sexed[f[0]] = f[1]
		default:
			other[f[0]] = struct{}{}
		}
	}
	return Table{sexed}, Set{other}
})

// Honorifics maps an honorific to the sex it tells, "m" or "f" ("mrs" is "f").
func Honorifics() Table {
	t, _ := honorifics()
	return t
}

// GenderWords maps a role or kinship word to the sex it tells, "m" or "f"
// ("spokeswoman" is "f").
func GenderWords() Table { return genderWords() }

// CriticismVerbs maps a criticism verb to the preposition of its charge
// ("accused" is "of": "accused X of Y").
func CriticismVerbs() Table { return criticismVerbs() }

// FirstNames maps a lower-case first name to the sex the name table gives it,
// "m" or "f"; names it gives both sexes are left out.
func FirstNames() Table { return firstNames() }

// roleSuffixes is the list of role_suffixes.txt.
var roleSuffixes = sync.OnceValue(func() List { return List{lines("role_suffixes.txt")} })

// RoleSuffixes end agent nouns that name what a person does ("player",
// "economist", "spokesman").
func RoleSuffixes() List { return roleSuffixes() }

// outlets is the content of outlets.txt: one []string a line, the
// canonical name first.
var outlets = sync.OnceValue(func() [][]string {
	var out [][]string
	for _, l := range lines("outlets.txt") {
		var names []string
		for n := range strings.SplitSeq(l, "|") {
			names = append(names, strings.TrimSpace(n))
		}
		out = append(out, names)
	}
	return out
})

// Outlets yields every name of every news outlet with the outlet's
// canonical name, in file order: first the canonical name with itself,
// then each other form ("WSJ", "The Wall Street Journal"). A form listed
// twice comes twice; the later pair wins.
func Outlets() iter.Seq2[string, string] {
	return func(yield func(form, canonical string) bool) {
		for _, names := range outlets() {
			for _, n := range names {
				if !yield(n, names[0]) {
					return
				}
			}
		}
	}
}

// NonClauseStarts cannot open a reported clause after a cue ("said to", "said
// nothing").
func NonClauseStarts() Set { return nonClauseStarts() }

// QuantityNouns after "a" make a quantity or a time, not a person ("a few", "a
// while").
func QuantityNouns() Set { return quantityNouns() }

// AdverbialPreps open an adverbial after a cue ("said in a statement").
func AdverbialPreps() Set { return adverbialPreps() }

// DateWords open a date or day ("Jan. 4, 2019", "Monday").
func DateWords() Set { return dateWords() }

// OutletTriggers right before an outlet make it a cited source ("according to
// Fox News").
func OutletTriggers() Set { return outletTriggers() }

// OutletReportVerbs right after an outlet make it a cited source ("the BBC
// reported").
func OutletReportVerbs() Set { return outletReportVerbs() }

// AppositiveNonRoles open an appositive that is no role (", who ...", ", on
// Monday,").
func AppositiveNonRoles() Set { return appositiveNonRoles() }

// GenericOrgNouns are organisation nouns that may refer to the last
// organisation in focus ("the company").
func GenericOrgNouns() Set { return genericOrgNouns() }

// OwnedMessages are messages whose owner is their source ("her statement
// read").
func OwnedMessages() Set { return ownedMessages() }

// SubjectBreakers end the subject of a reported clause without "that".
func SubjectBreakers() Set { return subjectBreakers() }

// Complementizers may open a reported clause before its subject ("said that",
// "asked whether").
func Complementizers() Set { return complementizers() }

// RefusalWords before "to say" make it say nothing ("declined to say").
func RefusalWords() Set { return refusalWords() }

// PronounGenders maps a personal pronoun to the sex it tells, "m" or "f"
// ("his" is "m", "herself" is "f").
func PronounGenders() Table { return pronounGenders() }

// Synonyms maps a word to the other words of its synonym groups: those of
// synonyms.txt, then the irregular verb forms of irregular_verbs.txt
// ("felt" to "feel").
func Synonyms() Thesaurus { return synonyms() }

// QuestionAuxiliaries are the auxiliaries and adverbs a who-question may put
// between "who" and its verb ("who has said", "who publicly said").
func QuestionAuxiliaries() Set { return questionAuxiliaries() }

// QuestionCueVerbs are the forms of verbs of saying people type in
// who-questions ("who warned ...", "who thinks ...").
func QuestionCueVerbs() Set { return questionCueVerbs() }

// QuestionListeners name whom a statement was made to in a who-question
// ("who told reporters that ...").
func QuestionListeners() Set { return questionListeners() }

// QuestionRoleNouns are the kinds of speaker a question may ask for ("which
// minister said ...", "what company said ...").
func QuestionRoleNouns() Set { return questionRoleNouns() }

// EchoWords are the question cue verbs that say that something was said or
// thought, not what ("said", "thinks"): they carry no topic.
func EchoWords() Set { return echoWords() }

// OtherHonorifics are the honorifics that Honorifics leaves out, most of them
// telling no sex ("dr", "prof", "rev").
func OtherHonorifics() Set {
	_, o := honorifics()
	return o
}

// ModalWords are modals: they carry no topic, yet the index's analyser keeps
// them ("will", "can").
func ModalWords() Set { return modalWords() }

// StanceAdjectives report a belief, fear or expectation after a form of
// "be" ("is confident that ...").
func StanceAdjectives() Set { return stanceAdjectives() }

// Copulas are the forms of "be" (and "remain") before a stance adjective.
func Copulas() Set { return copulas() }

// ContinuationVerbs are the forms of "go" in "went on to say".
func ContinuationVerbs() Set { return continuationVerbs() }

// ClauseLinks open a subordinate clause inside a sentence ("after he
// said").
func ClauseLinks() Set { return clauseLinks() }

// FunctionWords are English words that carry no topic: the Snowball English
// stop words the index's analyser drops ("the", "which", "didn't").
func FunctionWords() Set { return functionWords() }

// Inflections are the endings a short stem may take ("s", "ed", "ing").
func Inflections() Set { return inflections() }

// EchoTestStops are the words, besides FunctionWords and ModalWords, that
// answer/'s echo test leaves out of the tokens it makes without an index.
func EchoTestStops() Set { return echoTestStops() }
