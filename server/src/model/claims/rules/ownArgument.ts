/**
 * The writer's own argument and signposting ("This essay argues", "I take this to mean", "My sense is",
 * "In my view", "It is possible to hypothesize", "In sum"): such sentences are suppressed.
 */
const OWN_ARGUMENT =
  /\b(?:I|we) (?:would |will |shall |therefore |also |here |then |now )?(?:argue|suggest|contend|think|believe|take|interpret|propose|conclude|maintain|hypothesi[sz]e|submit|claim|consider|show|examine|focus|turn)\b|\b[Tt]his (?:essay|paper|chapter|dissertation|thesis|section|study|article|analysis)\b|\b[Ii]n my (?:view|opinion|reading|judge?ment|sense)\b|\b[Mm]y (?:sense|view|argument|contention|answer|reading|conclusion|claim|own view)\b|\b[Ii]t is possible to (?:hypothesi[sz]e|argue|suggest)\b|^\s*(?:In sum|To sum up|In conclusion|To conclude|In short)\b|\bI interpret\b|\bI take this\b/;

export function isOwnArgument(sentence: string): boolean {
  return OWN_ARGUMENT.test(sentence);
}

/**
 * The writer's own method and data: a first-person subject or possessive outside quotation marks
 * ("we sampled every tenth register", "our model shows", "I am building a database", "my research"; not
 * the I of "H and I Streets"; a capitalised "My", "Our", "We" inside a sentence is a title's or a name's,
 * "*Lay My Burden Down*", "*Our Town*"),
 * the essay or project itself ("this essay", "the present paper", "our project"), and the essay's own
 * data ("the corpus", "under study", "the dataset", "topic model"), and its own illustrations ("the above
 * footage", "the map below"). Such a sentence is a claim only for a quotation or a vague attribution in it.
 */
const OWN_METHOD =
  /(?:^[\s"“(]*(?:We|Our|Ours|My)\b|\b(?:we|our|ours|(?<!\b(?:War|Part|Vol\.|Volume|Chapter|Phase|Title|Act|Article|Book|Louis|Henry|Charles|George|James|Elizabeth|Edward|William|Napoleon|Peter|Catherine|Nicholas|Alexander|Frederick|Wilhelm|Francis|Philip|Mary|Richard|John) )I(?! [\p{Lu}])|my|us)\b(?![.'’]\p{L}))|\b(?:[Tt]his|[Tt]he present|[Tt]he current) (?:essay|paper|chapter|dissertation|thesis|section|study|article|analysis|project|research|book|visuali[sz]ation|map|database|dataset|model)\b|\b(?:corpus|corpora|data ?sets?|databases?|metadata|spreadsheets?|topic model(?:ing|ling)?|under study|word embeddings?|text mining|sample)\b|\b(?:[Tt]he|[Tt]his) (?:above|following) (?:figure|image|map|chart|graph|table|footage|video|photograph|photo|clip|excerpt|visuali[sz]ation)\b|\b(?:figure|image|map|chart|graph|table|footage|video|photograph|photo|clip) (?:above|below)\b/u;

/**
 * A tour of the writer's own website or tool: "When users click on a letter, a text box displays its
 * date", "visitors can filter the map by decade", "the drop-down menu". The documents it names are the
 * site's items, not sources cited in the sentence.
 */
const OWN_INTERFACE =
  /\b(?:[Uu]sers?|[Vv]isitors?|[Vv]iewers?|[Rr]eaders) (?:can |may |will |who |then |also )?(?:click|clicks|hover|hovers|scroll|scrolls|zoom|zooms|toggle|toggles|filter|filters|navigate|navigates|select|selects)\b|\b(?:text box|pop-?up (?:box|window)|drop-?down (?:menu|list)|tooltip|sidebar|toolbar|search bar)\b/;

export function isOwnMethod(sentence: string): boolean {
  // First person inside a quotation is the source's, not the writer's.
  const outside = sentence.replace(/["“][^"“”]{0,400}["”]/g, ' ');
  return OWN_METHOD.test(outside) || OWN_INTERFACE.test(outside);
}

/**
 * Counts the writer made from their own data, in the vocabulary of the work itself: "The list currently
 * consists of 7,745 names", "only thirty-six occurrences of shared memberships", "manually labeled and
 * filtered to detect 92 dialect terms", "the results of the … Project today include materials from
 * forty-eight states", "augments the analysis to make a projection". Their figures are findings of the
 * essay, not of a source; other reasons in the sentence still count.
 */
const OWN_DATA =
  /\b(?:consists? of|occurrences?|(?:labell?ed|filtered|coded|tagged|queried|annotated|counted|tallied)\b(?! by)|the results|(?:the|our|this|one|each|a) (?:list|set|subset)\b|the analysis|projection|digital collections?)/;

export function isOwnData(sentence: string): boolean {
  return OWN_DATA.test(sentence);
}

/**
 * A paragraph about the writer's own analysis: it names the data analysed ("the corpus", "this data",
 * "the dataset", "metadata", "topic modeling", "network analysis") or points at the essay's own charts
 * ("figure 2", "(see table 3)", "the graph shows"). Its counts are the analysis's results, read off the
 * writer's own data or chart ("James Bowdoin and John Pickering made up twenty-two of the thirty-six",
 * two sentences after "this data offers interesting observations"), not figures taken from a source:
 * a reader checks them against the chart, not a note. Only figures are affected; a date, a quotation or
 * a report of what someone said in the same paragraph still counts.
 */
const OWN_ANALYSIS =
  /\b(?:corpus|corpora|data ?sets?|databases?|metadata|spreadsheets?|topic model(?:s|ing|ling)?|network analysis|(?:[Tt]his|[Tt]he|[Oo]ur|[Tt]hese) data\b|(?:[Ff]igure|[Ff]ig\.|[Tt]able|[Cc]hart|[Gg]raph)s? \d{1,3}[a-z]?\b|(?:[Tt]he|[Tt]his|[Oo]ur) (?:graph|chart|network|visuali[sz]ation|model|table)s? (?:shows?|reveals?|illustrates?|suggests?|indicates?|demonstrates?|depicts?|displays?)\b)/;

/**
 * The writer reporting their own counting in the first person ("We have identified 302 people", "we were
 * able to confirm that", "our findings"), or the cases they chose to study ("The neighbourhoods selected
 * are", "the two case studies"): the paragraph's figures are the count's results, as with a data word.
 */
const OWN_COUNT =
  /\b(?:[Ww]e|I) (?:have |had |were able to |was able to |then |also |further )?(?:identified|found|confirmed|counted|tallied|tracked|traced|located|mapped|geocoded|compiled|coded|matched|linked|recorded|transcribed|sampled|surveyed|uncovered|calculated|measured|estimated)\b|\b[Oo]ur (?:findings|results|count|counts|sample|tally|calculations|estimates)\b|\b(?:[Tt]he|[Tt]hese|[Tt]hose) (?:[\p{Ll}-]{2,20} )?(?:neighbou?rhoods|areas|districts|parishes|streets|towns|villages|sites|cases|households|communities|counties|subsections|places) (?:selected|chosen|sampled|studied here|examined here|under (?:study|examination|consideration))\b|\bcase stud(?:y|ies)\b/u;

export function isOwnAnalysis(paragraphProse: string): boolean {
  const outside = paragraphProse.replace(/["“][^"“”]{0,400}["”]/g, ' ');
  return OWN_ANALYSIS.test(outside) || OWN_COUNT.test(outside);
}
