using Bots.Text;
using Bots.Text.Lexical;

namespace Bots.QuestionAnswering.Analysis;

/// <summary>
/// Word knowledge the stemmer lacks: irregular verb forms ("met" → meet) and families of related words that news
/// uses for the same event ("visit", "trip", "travelled to"), so a question and its evidence can word things differently.
/// </summary>
internal static class Lexicon
{
    private static readonly Dictionary<string, string> Irregular = new(StringComparer.Ordinal)
    {
        ["met"] = "meet", ["won"] = "win", ["said"] = "say", ["says"] = "say", ["went"] = "go", ["gone"] = "go",
        ["sent"] = "send", ["began"] = "begin", ["begun"] = "begin", ["held"] = "hold", ["took"] = "take",
        ["taken"] = "take", ["gave"] = "give", ["given"] = "give", ["made"] = "make", ["came"] = "come",
        ["told"] = "tell", ["thought"] = "think", ["brought"] = "bring", ["bought"] = "buy", ["fought"] = "fight",
        ["led"] = "lead", ["left"] = "leave", ["lost"] = "lose", ["paid"] = "pay", ["ran"] = "run", ["saw"] = "see",
        ["seen"] = "see", ["sold"] = "sell", ["spoke"] = "speak", ["spoken"] = "speak", ["stood"] = "stand",
        ["struck"] = "strike", ["wrote"] = "write", ["written"] = "write", ["became"] = "become", ["built"] = "build",
        ["chose"] = "choose", ["chosen"] = "choose", ["drew"] = "draw", ["drove"] = "drive", ["fell"] = "fall",
        ["felt"] = "feel", ["flew"] = "fly", ["forgot"] = "forget", ["found"] = "find", ["got"] = "get",
        ["grew"] = "grow", ["heard"] = "hear", ["hit"] = "hit", ["kept"] = "keep", ["knew"] = "know", ["known"] = "know",
        ["laid"] = "lay", ["meant"] = "mean", ["rose"] = "rise", ["risen"] = "rise", ["shot"] = "shoot",
        ["sought"] = "seek", ["spent"] = "spend", ["taught"] = "teach", ["threw"] = "throw", ["understood"] = "understand",
        ["woke"] = "wake", ["wore"] = "wear", ["beat"] = "beat", ["born"] = "bear", ["bore"] = "bear", ["did"] = "do",
        ["done"] = "do", ["had"] = "have", ["has"] = "have", ["was"] = "be", ["were"] = "be", ["been"] = "be",
        ["signed"] = "sign", ["arose"] = "arise", ["withdrew"] = "withdraw", ["undertook"] = "undertake",
        ["overthrew"] = "overthrow", ["forbade"] = "forbid", ["slew"] = "slay", ["swore"] = "swear", ["sworn"] = "swear",
        ["fled"] = "flee", ["fed"] = "feed", ["bred"] = "breed", ["dealt"] = "deal", ["lent"] = "lend", ["sped"] = "speed",
    };

    // Each family lists words (not stems) that report the same kind of event.
    private static readonly string[][] Families =
    [
        ["visit", "trip", "travel", "travelled", "traveled", "go", "went", "arrive", "arrived", "arrival", "tour", "stay", "came", "come", "fly", "flew"],
        ["meet", "met", "meeting", "talks", "talk", "summit", "host", "hosted", "receive", "received", "visit", "held", "sit-down"],
        ["win", "won", "victory", "victorious", "winner", "triumph", "elected", "beat"],
        ["say", "said", "state", "stated", "note", "noted", "add", "added", "tell", "told", "claim", "claimed", "declare", "declared", "remark", "explain", "explained", "assert", "asserted", "argue", "argued", "caution", "cautioned", "warn", "warned", "according", "quoted"],
        ["begin", "began", "start", "started", "launch", "launched", "initiate", "initiated", "commence", "open", "opened"],
        ["send", "sent", "deliver", "delivered", "dispatch", "dispatched", "ship", "shipped", "supply", "supplied", "provide", "provided", "donate", "donated"],
        ["die", "died", "death", "kill", "killed", "killing", "assassinate", "assassinated", "assassination", "murder", "murdered"],
        ["found", "founded", "establish", "established", "create", "created", "creation", "foundation", "form", "formed", "formation"],
        ["grant", "granted", "award", "awarded", "confer", "conferred", "give", "given", "gave", "receive", "received"],
        ["publish", "published", "issue", "issued", "release", "released", "print", "printed"],
        ["condemn", "condemned", "denounce", "denounced", "criticise", "criticize", "criticised", "criticized", "deplore"],
        ["call", "called", "urge", "urged", "demand", "demanded", "appeal", "ask", "asked"],
        ["recognize", "recognise", "recognized", "recognised", "recognition"],
        ["attack", "assault", "raid", "strike", "struck", "bombing", "offensive", "sweep", "incursion", "storm", "stormed"],
        ["election", "elections", "vote", "voted", "ballot", "poll", "polls", "elect", "elected"],
        ["aid", "assistance", "help", "support", "supplies", "cargo", "relief"],
        ["investigate", "investigation", "inquiry", "probe", "investigated"],
        ["study", "studied", "student", "degree", "doctorate", "educated", "graduate", "graduated", "phd", "thesis"],
        ["lead", "led", "leader", "head", "headed", "chair", "chaired", "chief"],
        ["country", "nation"],
        ["talks", "negotiations", "negotiate", "discussions", "discuss", "dialogue", "consultations"],
        ["sign", "signed", "agreement", "deal", "accord", "treaty"],
        ["resume", "resumption", "restart", "renew", "renewal"],
        ["sanction", "sanctions", "embargo"],
        ["ceasefire", "truce", "armistice"],
        ["war", "conflict", "fighting", "hostilities"],
        ["born", "birth"],
        ["write", "wrote", "written", "author", "authored", "writer", "book", "publish", "published"],
        ["retire", "retired", "resign", "resigned", "step", "quit"],
        ["assume", "assumed", "took", "come", "came", "power", "office", "inaugurated"],
        ["say", "comment", "comments", "statement", "remarks"],
        ["complete", "completed", "completion", "finish", "finished", "construct", "constructed", "construction", "build", "built", "erect", "erected"],
        ["marry", "married", "marriage", "wife", "husband", "widow", "widower", "spouse"],
        ["research", "researched", "study", "studies", "studied", "examine", "examined", "analyse", "analyze"],
        ["inspire", "inspired", "inspiration", "model", "modeled", "modelled", "influence", "influenced"],
        ["own", "owned", "owner", "ownership"],
        ["rank", "ranked", "ranking", "rankings", "rate", "rated", "place", "placed"],
        ["live", "lived", "reside", "resided", "residence", "resident", "house", "housed", "home"],
        ["teach", "taught", "teacher", "professor", "lecturer", "faculty"],
        ["join", "joined", "enter", "entered", "enroll", "enrolled", "admit", "admitted", "admission"],
        ["end", "ended", "finish", "conclude", "concluded", "close", "closed"],
        ["name", "named", "call", "called", "known", "title", "titled", "rename", "renamed"],
        ["merge", "merged", "combine", "combined", "absorb", "absorbed", "integrate", "integrated"],
        ["die", "died", "death", "lifespan", "born"],
        ["focus", "focused", "focuses", "dedicate", "dedicated", "devote", "devoted", "concentrate", "concentrated", "specialize", "specialise", "specialized", "specialised"],
        ["charge", "run", "runs", "manage", "managed", "operate", "operated", "oversee", "oversaw", "administer", "administered"],
        ["precede", "preceded", "predecessor", "succeed", "succeeded", "successor", "replace", "replaced"],
        ["encounter", "confront", "confrontation", "clash", "clashed", "showdown", "fight", "fought"],
        ["intend", "intended", "plan", "planned", "aim", "aimed"],
        ["feel", "felt", "believe", "believed", "consider", "considered", "perceive", "perceived", "regard", "regarded", "view", "viewed"],
        ["threat", "threaten", "threatened", "risk", "danger", "vulnerable", "vulnerability"],
        ["increase", "increased", "rise", "rose", "grow", "grew", "growth", "expand", "expanded", "double", "doubled"],
        ["decrease", "decreased", "decline", "declined", "fall", "fell", "drop", "dropped", "reduce", "reduced", "shrink", "shrank"],
        ["design", "designed", "architect", "designer"],
        ["locate", "located", "situated", "sit", "sits", "stand", "stands", "lie", "lies"],
        ["top", "atop", "crown", "crowned"],
        ["famous", "renowned", "noted", "popular", "popularly", "known", "well-known"],
        ["main", "primary", "principal", "chief", "major"],
        ["largest", "biggest"],
        ["common", "commonly", "popularly", "usually", "widely"],
        ["name", "named", "call", "called", "refer", "referred", "reference", "nickname", "nicknamed", "dub", "dubbed"],
        ["declare", "declared", "declaration", "proclaim", "proclaimed", "proclamation", "announce", "announced", "announcement", "pronounce", "pronounced"],
        ["speak", "spoke", "spoken", "talk", "talked", "tell", "told", "interview", "interviewed", "address", "addressed"],
        ["collaborate", "collaborates", "collaboration", "cooperate", "cooperates", "cooperation", "partner", "partnership", "ally", "allied", "alliance", "work", "worked", "works", "team", "teamed"],
        ["distribute", "distributed", "distribution", "deliver", "delivered", "hand", "handed", "channel", "channelled", "channeled"],
        ["appoint", "appointed", "appointment", "name", "named", "nominate", "nominated", "choose", "chose", "chosen", "select", "selected", "elect", "elected"],
        ["reject", "rejected", "rejection", "oppose", "opposed", "veto", "vetoed", "block", "blocked", "refuse", "refused", "dismiss", "dismissed"],
        ["own", "owns", "owned", "stake", "stakes", "shareholding"],
        ["profit", "profits", "earnings"],
        ["record", "mark", "best"],
        ["jump", "jumped", "surge", "surged", "soar", "soared", "climb", "climbed", "rise", "rose", "gain", "gained", "increase", "increased", "boost", "boosted"],
        ["hometown", "birthplace", "home", "native", "born"],
        ["break", "broke", "broken", "sever", "severed", "rupture", "ruptured"],
        ["relations", "ties", "relationship"],
        ["based", "headquartered", "work", "works", "worked"],
    ];

    private static readonly Dictionary<string, HashSet<string>> RelatedByStem = BuildFamilies();

    /// <summary>Words of names that news also writes in other words: the Hamas "politburo" is its "political bureau".</summary>
    private static readonly Dictionary<string, string[]> NameWordForms = new(StringComparer.Ordinal)
    {
        ["politburo"] = ["political", "bureau"],
    };

    /// <summary>
    /// Other wordings of a name's lower-case words ("hamas politburo" → "hamas political bureau", and back), each as
    /// lower-case words; none when no word of the name has a listed other form.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<string>> OtherNameForms(IReadOnlyList<string> words)
    {
        var forms = new List<IReadOnlyList<string>>();
        for (var i = 0; i < words.Count; i++)
        {
            if (NameWordForms.TryGetValue(words[i], out var expansion))
            {
                forms.Add([.. words.Take(i), .. expansion, .. words.Skip(i + 1)]);
            }

            foreach (var (word, expanded) in NameWordForms)
            {
                if (i + expanded.Length <= words.Count && words.Skip(i).Take(expanded.Length).SequenceEqual(expanded, StringComparer.Ordinal))
                {
                    forms.Add([.. words.Take(i), word, .. words.Skip(i + expanded.Length)]);
                }
            }
        }

        return forms;
    }

    /// <summary>
    /// Verbs whose two parties do the same thing to each other: "Abbas met Medvedev" says who met Abbas, so for these
    /// the other party may stand on either side of the verb.
    /// </summary>
    private static readonly HashSet<string> SymmetricVerbs = new[]
    {
        "meet", "met", "meeting", "talk", "talked", "speak", "spoke", "negotiate", "negotiated", "confer", "conferred", "phone",
        "phoned", "telephone", "telephoned", "clash", "clashed", "fight", "fought", "marry", "married", "partner", "partnered",
        "collaborate", "collaborated", "cooperate", "cooperated", "ally", "allied", "trade", "traded", "compete", "competed",
        "debate", "debated", "chat", "chatted", "correspond", "corresponded", "reconcile", "reconciled", "play", "played", "draw", "drew",
    }.Select(StemOf).ToHashSet(StringComparer.Ordinal);

    /// <summary>True when the stem is of a verb whose parties act on each other (meet, talk, negotiate, marry …).</summary>
    public static bool IsSymmetric(string stem) => SymmetricVerbs.Contains(stem);

    private static readonly string SayStem = StemOf("say");

    /// <summary>True when the stem is of "say" or a verb that reports speech as it does ("added", "told", "stated").</summary>
    public static bool IsSaying(string stem) => stem == SayStem || RelatedStems(stem).Contains(SayStem);

    /// <summary>Verbs too general to say which event is meant ("take place", "happen").</summary>
    public static readonly HashSet<string> LightWords = new(StringComparer.Ordinal)
    {
        "take", "place", "happen", "occur", "do", "be", "have", "get", "make", "go", "come", "thing", "something", "become", "became",
    };

    /// <summary>The dictionary form of a lower-case word when it is an irregular verb form, else the word.</summary>
    public static string Lemma(string lowerWord) => Irregular.TryGetValue(lowerWord, out var lemma) ? lemma : lowerWord;

    /// <summary>The stem used for matching: irregular forms mapped, possessives removed, Porter-stemmed.</summary>
    public static string StemOf(string word)
    {
        var lower = word.ToLowerInvariant();
        if (lower.EndsWith("'s", StringComparison.Ordinal) || lower.EndsWith("’s", StringComparison.Ordinal))
        {
            lower = lower[..^2];
        }

        lower = lower.TrimEnd('\'', '’');
        var lemma = Lemma(lower);
        return PorterStemmer.Stem(ReferenceEquals(lemma, lower) ? WordNet.BaseForm(lower) ?? lower : lemma);
    }

    /// <summary>
    /// Words WordNet relates to a question word in its common senses, other than its own stem and its hand-listed family
    /// ("likened" → compare, "invasion" → invade): the most common first, with their stems. A weaker match than those.
    /// </summary>
    public static SimilarWords Similar(string lowerWord) => SimilarCache.GetOrAdd(lowerWord, FindSimilar);

    private const int MaxSimilarWords = 40;

    /// <summary>How many of a word's most common WordNet relatives lend it their hand-listed families.</summary>
    private const int MaxChainedWords = 4;

    private static readonly HashSet<string> LightStems = LightWords.Select(PorterStemmer.Stem).ToHashSet(StringComparer.Ordinal);
    private static readonly BoundedCache<string, SimilarWords> SimilarCache = new(20_000, StringComparer.Ordinal);

    private static SimilarWords FindSimilar(string lowerWord)
    {
        var stem = StemOf(lowerWord);
        var family = RelatedStems(stem);
        // A word with a hand-listed family (or a hand-listed irregular form) keeps just it: those families are the
        // wordings news uses for its events, and WordNet would widen them with senses news rarely means ("found" →
        // initiate, "sign" → write, "born" → endure). WordNet covers the long tail.
        if (Irregular.ContainsKey(lowerWord) || family.Count > 0)
        {
            return SimilarWords.None;
        }

        var lemmas = WordNet.Lemmas(lowerWord);
        var words = new List<string>();
        var stems = new HashSet<string>(StringComparer.Ordinal);
        foreach (var related in lemmas.SelectMany(WordNet.Related))
        {
            // Too general to stand for a question's event ("storm" → act, "leave" → go).
            if (words.Count == MaxSimilarWords || StopWords.Contains(related) || LightWords.Contains(related))
            {
                continue;
            }

            var relatedStem = StemOf(related);
            if (relatedStem.Length >= 3 && relatedStem != stem && stems.Add(relatedStem))
            {
                words.Add(related);
            }
        }

        // A relative's own hand-listed family words the event as news does: "journey" is travel, and so a visit or trip.
        foreach (var related in words.Take(MaxChainedWords).ToList())
        {
            stems.UnionWith(RelatedStems(StemOf(related)).Where(s => s != stem && !LightStems.Contains(s)));
        }

        return new SimilarWords(words, stems);
    }

    /// <summary>Stems of words in the same hand-listed families as the word, excluding its own stem.</summary>
    public static IReadOnlyCollection<string> RelatedStems(string stem) =>
        RelatedByStem.TryGetValue(stem, out var related) ? related : (IReadOnlyCollection<string>)Array.Empty<string>();

    private static Dictionary<string, HashSet<string>> BuildFamilies()
    {
        var map = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var family in Families)
        {
            var stems = family.Select(StemOf).Distinct(StringComparer.Ordinal).ToList();
            foreach (var stem in stems)
            {
                if (!map.TryGetValue(stem, out var set))
                {
                    set = new HashSet<string>(StringComparer.Ordinal);
                    map[stem] = set;
                }

                set.UnionWith(stems.Where(s => s != stem));
            }
        }

        return map;
    }
}

/// <summary>Words WordNet relates to a question word (the most common first) and their stems.</summary>
public sealed record SimilarWords(IReadOnlyList<string> Words, IReadOnlySet<string> Stems)
{
    public static readonly SimilarWords None = new([], new HashSet<string>());
}
