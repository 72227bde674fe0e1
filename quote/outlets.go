package quote

import (
	"strings"
)

// outletNames maps a lower-case outlet name or abbreviation (without a
// leading "the") to its canonical name. Only unambiguous short forms are
// listed: "the Journal", "the Post" and "the Times" depend on the article
// and are resolved in context by the extractor, not here.
var outletNames = map[string]string{}

func init() {
	add := func(canon string, forms ...string) {
		outletNames[normOutlet(canon)] = canon
		for _, f := range forms {
			outletNames[normOutlet(f)] = canon
		}
	}
	add("The Wall Street Journal", "Wall Street Journal", "WSJ", "the WSJ")
	add("The New York Times", "New York Times", "NYT", "NY Times", "the NYT")
	add("The Washington Post", "Washington Post", "WaPo")
	add("BBC", "BBC News", "British Broadcasting Corporation", "BBC World Service", "BBC Radio 4")
	add("Fox News", "Fox", "Fox News Channel", "Fox Business")
	add("CNN", "CNN International")
	add("MSNBC")
	add("CNBC")
	add("NBC News", "NBC")
	add("ABC News", "ABC")
	add("CBS News", "CBS", "60 Minutes")
	add("NPR", "National Public Radio")
	add("PBS", "PBS NewsHour")
	add("Reuters", "Thomson Reuters")
	add("The Associated Press", "Associated Press", "AP")
	add("Agence France-Presse", "AFP", "Agence France Presse")
	add("Bloomberg", "Bloomberg News", "Bloomberg TV", "Bloomberg Television")
	add("Politico", "POLITICO")
	add("Axios")
	add("The Hill")
	add("USA Today", "USA TODAY")
	add("The Guardian", "Guardian")
	add("The Times of London", "The Times of London")
	add("The Financial Times", "Financial Times", "FT")
	add("The Economist", "Economist")
	add("The Telegraph", "Daily Telegraph", "Telegraph")
	add("The Independent")
	add("Daily Mail", "Mail Online", "MailOnline", "The Daily Mail")
	add("Sky News")
	add("Al Jazeera", "Al-Jazeera")
	add("The Atlantic")
	add("The New Yorker")
	add("Newsweek")
	add("Time magazine", "TIME")
	add("Vox")
	add("BuzzFeed News", "BuzzFeed")
	add("HuffPost", "Huffington Post", "HuffPost Canada", "The Huffington Post")
	add("Breitbart", "Breitbart News")
	add("The Daily Beast", "Daily Beast")
	add("Business Insider", "Insider")
	add("Yahoo News", "Yahoo! News")
	add("The Intercept")
	add("ProPublica")
	add("Xinhua", "Xinhua News Agency")
	add("TASS")
	add("RIA Novosti")
	add("Interfax")
	add("KCNA", "Korean Central News Agency")
	add("Yonhap", "Yonhap News Agency")
	add("Kyodo", "Kyodo News")
	add("Nikkei", "Nikkei Asia")
	add("South China Morning Post", "SCMP")
	add("Global Times")
	add("Deutsche Welle", "DW")
	add("Der Spiegel", "Spiegel")
	add("Le Monde")
	add("France 24")
	add("Euronews")
	add("RT", "Russia Today")
	add("Haaretz")
	add("The Jerusalem Post", "Jerusalem Post")
	add("The Times of India", "Times of India")
	add("CBC News", "CBC", "Canadian Broadcasting Corporation", "CBC Radio", "CBC Radio-Canada", "Radio-Canada")
	add("CTV News", "CTV", "CTVNews", "CTV National News")
	add("Global News")
	add("The Canadian Press", "Canadian Press", "CP")
	add("The Globe and Mail", "Globe and Mail", "The Globe", "Globe And Mail")
	add("National Post")
	add("Toronto Star", "The Toronto Star")
	add("Postmedia", "Postmedia News")
	add("The Dallas Express", "Dallas Express")
	add("Los Angeles Times", "LA Times", "L.A. Times")
	add("Chicago Tribune")
	add("The Boston Globe", "Boston Globe")
	add("New York Post", "NY Post")
	add("The New York Daily News", "New York Daily News", "Daily News")
	add("The Sun")
	add("The Mirror", "Daily Mirror")
	add("Sky")
	add("ITV News", "ITV")
	add("Channel 4 News")
	add("Vice News", "VICE News")
	add("Semafor")
	add("The Wall Street Journal's editorial board")
	add("Forbes")
	add("Fortune")
	add("Wired")
	add("The Verge")
	add("TechCrunch")
	add("The Information")
	add("Rolling Stone")
	add("Variety")
	add("The Hollywood Reporter", "Hollywood Reporter")
	add("Mother Jones")
	add("The National Review", "National Review")
	add("The Daily Caller", "Daily Caller")
	add("The Washington Times", "Washington Times")
	add("The Washington Examiner", "Washington Examiner")
	add("Newsmax")
	add("One America News", "OAN")
	add("CBS This Morning")
	add("Meet the Press")
	add("Face the Nation")
	add("Good Morning America")
	add("The Today Show", "Today")
	add("Question Period")
	add("Power & Politics", "Power and Politics")
	add("The Current")
	add("As It Happens")
	add("Radio Free Europe", "RFE/RL", "Radio Free Europe/Radio Liberty")
	add("Voice of America", "VOA")
	add("Kommersant")
	add("Izvestia")
	add("Asahi Shimbun", "The Asahi Shimbun")
	add("Yomiuri Shimbun", "The Yomiuri Shimbun")
	add("El País", "El Pais")
	add("Corriere della Sera")
	add("Bild")
	add("The Australian")
	add("Sydney Morning Herald", "The Sydney Morning Herald")
	add("The Irish Times", "Irish Times")
}

// outletFirst holds the first word (lower case, without "the") of every
// outlet name, so most tokens are rejected without building strings.
var outletFirst = map[string]bool{}

func init() {
	for k := range outletNames {
		outletFirst[strings.Fields(k)[0]] = true
	}
	for k := range ambiguousOutlet {
		outletFirst[strings.Fields(k)[0]] = true
	}
}

// ambiguousOutlet are forms that name an outlet only when the article
// already named one ("the Journal" after "The Wall Street Journal"); see
// resolveShortOutlet. They are never outlets on their own in
// CanonicalOutlet.
var ambiguousOutlet = map[string]bool{"journal": true, "post": true, "times": true, "star": true, "globe": true, "sun": true, "today": true, "sky": true, "fox": true, "insider": true, "the current": true, "current": true, "time": true, "bild": true}

// normOutlet lower-cases, folds white space and drops a leading "the" and a
// trailing possessive.
func normOutlet(s string) string {
	s = strings.ToLower(strings.Join(strings.Fields(s), " "))
	s = strings.TrimSuffix(s, "'s")
	s = strings.TrimSuffix(s, "’s")
	s = strings.TrimPrefix(s, "the ")
	return strings.TrimSpace(s)
}

// CanonicalOutlet returns the canonical name of a news outlet given by name
// or abbreviation: "WSJ", "wsj" and "the Wall Street Journal" give "The Wall
// Street Journal", "NYT" gives "The New York Times", "BBC" gives "BBC". ok is
// false when s is not a known outlet. Forms that depend on context ("the
// Journal", "the Post", "the Times") are not recognised here.
func CanonicalOutlet(s string) (name string, ok bool) {
	n := normOutlet(s)
	if n == "" || ambiguousOutlet[n] {
		return "", false
	}
	name, ok = outletNames[n]
	return name, ok
}

// maxOutletWords is the longest outlet name in words.
const maxOutletWords = 6
