package quote

import "testing"

// TestLayout: headlines (short, no final punctuation), photo captions (a
// credit in brackets) and label lines ("WATCH: ...") are told from story
// paragraphs.
func TestLayout(t *testing.T) {
	tests := []struct {
		text                     string
		headline, caption, label bool
	}{
		{"Talks collapse", true, false, false},
		{"Talks collapsed on Monday.", false, false, false},
		{"The mayor speaks at the rally. (Jane Doe/Reuters)", false, true, false},
		{"WATCH: The full interview", true, false, true},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			p := paragraphs(tc.text)[0]
			if got := isHeadline(tc.text, p.start, p.end); got != tc.headline {
				t.Errorf("headline = %v, want %v", got, tc.headline)
			}
			if got := isCaption(tc.text, p.start, p.end); got != tc.caption {
				t.Errorf("caption = %v, want %v", got, tc.caption)
			}
			if got := isLabelLine(tokenize(tc.text, p.start, p.end)); got != tc.label {
				t.Errorf("label line = %v, want %v", got, tc.label)
			}
		})
	}
}

// TestPullAndTweetQuotes: a paragraph signed with a name named elsewhere
// is a pull quote; an embedded tweet's text is its account's quote.
func TestPullAndTweetQuotes(t *testing.T) {
	tests := []struct {
		name, text, quote, speaker string
	}{
		{
			"pull quote",
			"Rents rise again\n\nJane Roe runs a housing charity in the city.\n\nGovernments must act now on rents before it is too late. Jane Roe, Rentals.ca\n",
			"Governments must act now on rents before it is too late", "Jane Roe",
		},
		{
			"tweet",
			"Storm hits coast\n\nThe storm hit the coast overnight.\n\nStay safe and stay indoors tonight everyone. — Jane Roe (@janeroe) January 15, 2019\n",
			"Stay safe and stay indoors tonight everyone.", "Jane Roe",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ex := newTestExtractor(tc.text)
			ex.pullQuotes(ex.sents)
			ex.tweetQuotes(ex.sents)
			if len(ex.cands) != 1 {
				t.Fatalf("candidates = %q, want one", candTexts(ex))
			}
			c := ex.cands[0]
			if got := tc.text[c.s:c.e]; got != tc.quote || c.sp.name != tc.speaker {
				t.Errorf("quote %q by %q, want %q by %q", got, c.sp.name, tc.quote, tc.speaker)
			}
		})
	}
}
