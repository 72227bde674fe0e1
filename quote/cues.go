package quote

// cueVerbs are reporting verbs (all inflections listed, lower case). The
// value says whether the verb takes a person object before its clause
// ("told reporters that ...").
var cueVerbs = map[string]bool{}

// participleCues are "-ing" forms that attach a second statement to a
// sentence's speaker (", adding that ...", "saying ...").
var participleCues = map[string]bool{}

func init() {
	plain := []string{
		"say", "says", "said",
		"add", "adds", "added",
		"state", "states", "stated",
		"write", "writes", "wrote",
		"claim", "claims", "claimed",
		"argue", "argues", "argued",
		"allege", "alleges", "alleged",
		"warn", "warns", "warned",
		"explain", "explains", "explained",
		"note", "notes", "noted",
		"insist", "insists", "insisted",
		"suggest", "suggests", "suggested",
		"acknowledge", "acknowledges", "acknowledged",
		"admit", "admits", "admitted",
		"concede", "concedes", "conceded",
		"announce", "announces", "announced",
		"declare", "declares", "declared",
		"tweet", "tweets", "tweeted",
		"post", "posts", "posted",
		"report", "reports", "reported",
		"reply", "replies", "replied",
		"respond", "responds", "responded",
		"answer", "answers", "answered",
		"continue", "continues", "continued",
		"recall", "recalls", "recalled",
		"joke", "jokes", "joked",
		"quip", "quips", "quipped",
		"confirm", "confirms", "confirmed",
		"stress", "stresses", "stressed",
		"emphasize", "emphasizes", "emphasized", "emphasise", "emphasises", "emphasised",
		"maintain", "maintains", "maintained",
		"contend", "contends", "contended",
		"assert", "asserts", "asserted",
		"observe", "observes", "observed",
		"predict", "predicts", "predicted",
		"complain", "complains", "complained",
		"repeat", "repeats", "repeated",
		"reiterate", "reiterates", "reiterated",
		"exclaim", "exclaims", "exclaimed",
		"shout", "shouts", "shouted",
		"yell", "yells", "yelled",
		"chant", "chants", "chanted",
		"whisper", "whispers", "whispered",
		"cry", "cries", "cried",
		"mention", "mentions", "mentioned",
		"point", "points", "pointed", // "pointed out"
		"remark", "remarks", "remarked",
		"counter", "counters", "countered",
		"testify", "testifies", "testified",
		"deny", "denies", "denied",
		"concluded", "concludes",
		"boast", "boasts", "boasted",
		"caution", "cautions", "cautioned",
		"agree", "agrees", "agreed",
		"read", "reads", // "the statement reads"
		"wonder", "wonders", "wondered",
		"estimate", "estimates", "estimated",
		"describe", "describes", "described",
		"disclosed", "revealed", "reveals",
		"vowed", "vows", "pledged", "pledges", "promised", "promises", "promise",
		"urged", "urges", "indicated", "indicates", "acknowledged",
		"believes", "believed", "thinks", "feels",
		"comment", "comments", "commented",
		// beliefs and findings stated publicly, which the annotation
		// protocol counts as reported speech; chosen from the single-word
		// cues of PolNeAR train (each 12+ times) that take a clause
		"hope", "hopes", "hoped", "fear", "fears", "feared", "think", "thought",
		"expect", "expects", "expected", "found", "finds", "worried",
	}
	objectVerbs := []string{
		"tell", "tells", "told",
		"ask", "asks", "asked",
		"assure", "assures", "assured",
		"inform", "informs", "informed",
		"remind", "reminds", "reminded",
		"advise", "advises", "advised",
		"warn", "warns", "warned",
	}
	for _, v := range plain {
		cueVerbs[v] = false
	}
	for _, v := range objectVerbs {
		cueVerbs[v] = true
	}
	for _, v := range []string{"saying", "adding", "noting", "arguing", "claiming", "warning", "explaining", "insisting",
		"stating", "writing", "suggesting", "telling", "asking", "stressing", "acknowledging", "calling"} {
		participleCues[v] = true
	}
}

// weakCues are verbs that report speech only with a clause after them and
// a person before them; alone they are too often something else ("the
// report", "a post", "the answer").
var weakCues = map[string]bool{
	"post": true, "posts": true, "posted": true, "report": true, "reports": true, "answer": true, "answers": true,
	"continue": true, "continues": true, "continued": true, "point": true, "points": true, "pointed": true,
	"read": true, "reads": true, "cry": true, "cries": true, "cried": true, "counter": true, "counters": true,
	"agree": true, "agrees": true, "agreed": true, "deny": true, "denies": true, "denied": true,
	"describe": true, "describes": true, "described": true, "estimate": true, "estimates": true,
	"estimated": true, "wonder": true, "wonders": true, "wondered": true, "believes": true, "believed": true,
	"thinks": true, "feels": true, "vowed": true, "vows": true, "pledged": true, "pledges": true,
	"promised": true, "promises": true, "urged": true, "urges": true, "note": true, "notes": true,
	"state": true, "states": true, "add": true, "adds": true, "say": true,
	"mention": true, "remark": true, "remarks": true, "ask": true, "tell": true, "warn": true,
	"claim": true, "claims": true, "stress": true, "stresses": true, "caution": true, "cautions": true,
	"repeat": true, "repeats": true, "shout": true, "chant": true, "joke": true, "jokes": true,
	"comment": true, "comments": true, "promise": true,
	"hope": true, "hopes": true, "hoped": true, "fear": true, "fears": true, "feared": true, "think": true,
	"thought": true, "expect": true, "expects": true, "expected": true, "found": true, "finds": true,
	"worried": true,
}

// auxiliaries may stand between a speaker and the reporting verb ("has
// said", "would later tell").
var auxiliaries = map[string]bool{
	"has": true, "had": true, "have": true, "would": true, "will": true, "did": true, "does": true, "do": true,
	"also": true, "later": true, "previously": true, "repeatedly": true, "once": true, "then": true,
	"recently": true, "further": true, "again": true, "still": true, "earlier": true, "reportedly": true,
	"simply": true, "only": true, "just": true, "often": true, "always": true, "never": true, "publicly": true,
	"privately": true, "quickly": true, "first": true, "last": true, "since": true, "already": true,
	"could": true, "might": true, "may": true, "can": true, "should": true, "must": true, "even": true,
	"flatly": true, "openly": true, "frequently": true, "subsequently": true, "ultimately": true,
	"finally": true, "initially": true, "originally": true, "separately": true, "angrily": true,
	"long": true,
}

// passiveBefore marks a verb used in the passive or as an adjective
// ("was told", "is said to").
var passiveBefore = map[string]bool{
	"was": true, "were": true, "is": true, "are": true, "be": true, "been": true, "being": true,
	"get": true, "got": true, "gets": true, "the": true, "a": true, "an": true, "to": true,
}
